"""Recompute the article-level choices (event date, event place) of stored analyses without re-parsing.

``event_date`` and ``main_place`` read only what an analysis already stores (times, places, casualty and
event spans) plus the article text, so a changed choice rule can be re-applied to a cache of analyses
(such as the GVA cache of ``rashomon eval clustering --cache``) in seconds instead of re-analysing:

    .venv/bin/python benchmarks/refresh_choices.py /tmp/gva-cache-copy.db

The stored time expressions are re-resolved too (:func:`refresh_times`): each keeps its span and text and
gets today's :func:`rashomon.extract.dates.resolve`; the component's extra patterns (weekdays, holidays,
"last night") are matched again on the text and added where no stored time overlaps them. Spans of the
NER's DATE/TIME entities cannot change without re-parsing, so an entity the component drops (a duration)
may come back here as an extra match: the refreshed cache is close to, not identical with, a fresh run.

Work on a copy: the analyses are rewritten in place under their pipeline version.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rashomon.extract.dates import event_date, extra_spans, is_point_in_time, parse_published, resolve
from rashomon.extract.places import main_place
from rashomon.records import ArticleAnalysis, TimeExpr
from rashomon.store import Store


def refresh_times(times: list[TimeExpr], text: str, published_at: str | None) -> list[TimeExpr]:
    """The stored time expressions re-resolved, plus today's extra matches that overlap none of them."""
    published = parse_published(published_at)
    spans = [(t.start, t.end) for t in times] + extra_spans(text, [(t.start, t.end) for t in times])
    out = []
    for start, end in sorted(spans):
        expression = text[start:end]
        if not is_point_in_time(expression):
            continue
        day, precision = resolve(expression, published)
        out.append(TimeExpr(text=expression, start=start, end=end,
                            date=day.isoformat() if day else None, precision=precision))
    return out


def refresh_analysis(analysis: ArticleAnalysis, text: str, published_at: str | None, *,
                     times: bool = True) -> None:
    """Re-resolve ``analysis``'s times (when ``times``) and recompute its event date and place in place."""
    if times:
        analysis.times = refresh_times(analysis.times, text, published_at)
    spans = analysis.event_spans()
    analysis.event_date, analysis.event_date_precision = event_date(
        analysis.times, published_at, event_spans=spans, text=text)
    analysis.event_place = main_place(analysis.places, event_spans=spans, text=text)


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
                refresh_analysis(analysis, article.text, article.published_at)
                store.save_analysis(analysis)
                done += 1
    return done


if __name__ == "__main__":
    print(f"refreshed {refresh(Path(sys.argv[1]))} analyses")
