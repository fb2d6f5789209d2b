"""``benchmarks/record_ceilings.py``: the per-report and text oracles of merged-record accuracy, on reports
stored in a real SQLite store and hand-built texts."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from rashomon.eval.gva import GvaIncident
from rashomon.eval.records import EventDossiers
from rashomon.records import Article, ArticleAnalysis, CasualtyFigure, TimeExpr
from rashomon.store import Store

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "record_ceilings.py"

EARLY = "One man was killed and three other people were wounded in a shooting on Elm Street on Saturday."
LATE = "A man was killed on Elm Street, police said. Two people were hurt, a hospital spokesman said."


@pytest.fixture(scope="module")
def ceilings() -> ModuleType:
    spec = importlib.util.spec_from_file_location("record_ceilings", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _figure(text: str, value: str, kind: str, count: int) -> CasualtyFigure:
    start = text.index(value)
    end = text.index(".", start) + 1
    sentence_start = text.rfind(". ", 0, start)
    return CasualtyFigure(
        kind,  # type: ignore[arg-type]
        value,
        start,
        start + len(value),
        count,
        count,
        sentence_start=0 if sentence_start < 0 else sentence_start + 2,
        sentence_end=end,
        trigger="killed" if kind == "killed" else "wounded",
    )


def _stored(store: Store) -> tuple[list[str], EventDossiers]:
    """Two reports of one shooting: the first counts 1 dead and 3 hurt and dates it to Saturday; the second's
    extraction found only the dead (its "Two people were hurt" has no figure)."""
    early = Article.create(EARLY, "early.txt", title="Man killed in Elm Street shooting", published_at="2024-05-11")
    late = Article.create(LATE, "late.txt", title="Elm Street shooting", published_at="2024-05-13")
    saturday = EARLY.index("Saturday")
    analyses = [
        ArticleAnalysis(
            early.id,
            "test",
            casualties=[_figure(EARLY, "One man", "killed", 1), _figure(EARLY, "three", "injured", 3)],
            times=[TimeExpr("Saturday", saturday, saturday + 8, "2024-05-11", "day")],
            event_date="2024-05-11",
            event_date_precision="day",
        ),
        ArticleAnalysis(
            late.id,
            "test",
            casualties=[_figure(LATE, "A man", "killed", 1)],
            event_date="2024-05-13",
            event_date_precision="day",
        ),
    ]
    for article, analysis in zip((early, late), analyses, strict=True):
        store.add_article(article)
        store.save_analysis(analysis)
    ids = [early.id, late.id]
    articles = {a: store.get_article(a) for a in ids}
    stored = {a: store.get_analysis(a) for a in ids}
    return ids, EventDossiers({a: x for a, x in articles.items() if x}, {a: x for a, x in stored.items() if x})


def _incident(ids: list[str], killed: int, injured: int, day: str) -> GvaIncident:
    return GvaIncident("101", day, "Ohio", "Akron", None, killed, injured, doc_ids=ids)


def test_record_ceilings_the_text_holds_a_figure_extraction_missed(store: Store, ceilings: ModuleType) -> None:
    ids, dossiers = _stored(store)
    reached = ceilings.bounds(_incident(ids, 1, 2, "2024-05-11"), ids, dossiers)
    assert reached["killed"] == {b: True for b in ceilings.BOUNDS}
    injured = reached["injured"]
    # no report alone counts 2 hurt (3 and 0), the dossier neither; the second report's text says "Two people
    # were hurt"
    assert (injured["system"], injured["reports"], injured["text"], injured["any"]) == (False, False, True, True)


def test_record_ceilings_a_report_alone_and_its_named_days_reach_the_gold(store: Store, ceilings: ModuleType) -> None:
    ids, dossiers = _stored(store)
    reached = ceilings.bounds(_incident(ids, 1, 3, "2024-05-11"), ids, dossiers)
    assert reached["injured"]["reports"] and reached["injured"]["text"]
    date = ceilings.bounds(_incident(ids, 1, 3, "2024-05-11"), ids, dossiers)["date"]
    assert date["reports"] and date["text"]  # the first report's own date and its "Saturday"
    wrong_day = ceilings.bounds(_incident(ids, 1, 3, "2024-05-09"), ids, dossiers)["date"]
    assert not any(wrong_day.values())


def test_record_ceilings_text_oracle_reads_numbers_near_casualty_words(ceilings: ModuleType) -> None:
    assert ceilings.text_carries(["Four people were shot outside a bar."], "injured", 4)
    assert not ceilings.text_carries(
        ["Four bars were open. Nobody knows why. Police said a man was shot."], "injured", 4
    )
    assert ceilings.text_carries(["Police said 12 people were wounded."], "injured", 12)
    assert ceilings.text_carries(["A man was killed."], "killed", 1)


def test_record_ceilings_text_oracle_zero_means_no_word_of_the_kind_or_a_denial(ceilings: ModuleType) -> None:
    assert ceilings.text_carries(["Two men were wounded on Main Street."], "killed", 0)
    assert not ceilings.text_carries(["A man was shot and killed on Main Street."], "killed", 0)
    assert ceilings.text_carries(["A man was shot and killed. No one else was injured."], "injured", 0)
    assert not ceilings.text_carries(["A man was killed and his son was wounded."], "injured", 0)
