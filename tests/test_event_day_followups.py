"""Follow-ups published weeks after an event's first report count less in its date vote
(``rashomon.reconcile.event_day.late_factor``), read back from a real SQLite store."""

from __future__ import annotations

import pytest

from rashomon.reconcile import event_day
from rashomon.reconcile.event_day import FOLLOW_UP_DAYS, day_support, event_date, late_factor
from rashomon.reconcile.evidence import Report
from rashomon.records import Article, ArticleAnalysis, TimeExpr
from rashomon.store import Store

FIRST = (
    "girl", "2014-08-01T10:00:00",
    "A 5-year-old girl died after she was accidentally shot Wednesday at a home near Caldwell, deputies said.",
    "Wednesday", "2014-07-30")
PLEAS = [
    (f"plea{n}", "2015-04-30T10:00:00",
     f"{who} spoke Wednesday about the shooting that killed their daughter, and about gun locks.",
     "Wednesday", "2015-04-29")
    for n, who in enumerate(("The couple", "Both parents"))
]


def _stored(store: Store, rows: list[tuple[str, str, str, str, str]]) -> list[Report]:
    """Each row (id, published, text, day word, its date) saved as an article and an analysis that dates the
    event to that day, then read back."""
    for key, published, text, word, day in rows:
        start = text.index(word)
        store.add_article(Article(id=key, text=text, source_name="test", published_at=published))
        store.save_analysis(ArticleAnalysis(
            article_id=key, pipeline="test", event_date=day, event_date_precision="day",
            times=[TimeExpr(text=word, start=start, end=start + len(word), date=day, precision="day")]))
    reports = []
    for key, *_ in rows:
        analysis = store.get_analysis(key)
        assert analysis is not None
        reports.append(Report(store.get_article(key), analysis))
    return reports


def test_event_day_followups_reports_months_later_no_longer_outvote_the_first_report(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    reports = _stored(store, [FIRST, *PLEAS])
    assert late_factor(reports[0], None) == 1.0 and late_factor(reports[1], None) == 1.0
    support = day_support(reports)
    assert support["2014-07-30"] >= support["2015-04-29"]
    assert event_date(reports) == ("2014-07-30", "day", "reports")  # a tie goes to the earlier day
    monkeypatch.setattr(event_day, "FOLLOW_UP_VOTE", 1.0)  # without the rule the two later reports outvote it
    assert event_date(reports) == ("2015-04-29", "day", "reports")


def test_event_day_followups_alone_still_date_their_own_news(store: Store) -> None:
    reports = _stored(store, PLEAS)  # the factor only weighs them against an earlier report
    assert event_date(reports) == ("2015-04-29", "day", "reports")


def test_event_day_followups_reports_within_the_window_count_fully(store: Store) -> None:
    soon = [(key, "2014-08-20T10:00:00", text.replace("Wednesday", "Tuesday"), "Tuesday", "2014-08-19")
            for key, _, text, _, _ in PLEAS]  # 19 days after the first report: the same news cycle
    reports = _stored(store, [FIRST, *soon])
    assert FOLLOW_UP_DAYS >= 19
    assert event_date(reports) == ("2014-08-19", "day", "reports")  # two full votes against one
