"""Recompute the article-level choices (event date, event place) of stored analyses without re-parsing.

``event_date`` and ``main_place`` read only what an analysis already stores (times, places, casualty and
event spans) plus the article text, so a changed choice rule can be re-applied to a cache of analyses
(such as the GVA cache of ``rashomon eval clustering --cache``) in seconds instead of re-analysing:

    .venv/bin/python benchmarks/refresh_choices.py /tmp/gva-cache-copy.db

Work on a copy: the analyses are rewritten in place under their pipeline version.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rashomon.extract.analyze import _event_spans
from rashomon.extract.dates import event_date
from rashomon.extract.places import main_place
from rashomon.store import Store


def refresh(path: Path) -> int:
    """Rewrite every stored analysis of ``path`` with today's date and place choices; the count."""
    done = 0
    with Store(path) as store:
        ids = [row[0] for row in store.db.execute("SELECT id FROM articles")]
        with store.atomic():
            for article_id in ids:
                analysis = store.get_analysis(article_id)
                if analysis is None:
                    continue
                article = store.get_article(article_id)
                spans = _event_spans(analysis)
                analysis.event_date, analysis.event_date_precision = event_date(
                    analysis.times, article.published_at, event_spans=spans, text=article.text)
                analysis.event_place = main_place(analysis.places, event_spans=spans, text=article.text)
                store.save_analysis(analysis)
                done += 1
    return done


if __name__ == "__main__":
    print(f"refreshed {refresh(Path(sys.argv[1]))} analyses")
