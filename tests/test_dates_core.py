"""Time expressions no rule reads whole: the one day inside them (``date_resolve._core``), and bare ordinals."""

from __future__ import annotations

from datetime import date

import pytest

from rashomon.extract.dates import day_scores, event_date, is_event_evidence, parse_published, resolve
from rashomon.records import TimeExpr

WEDNESDAY = date(2022, 8, 3)  # published Wednesday 2022-08-03


@pytest.mark.parametrize(("text", "expected"), [
    ("the early hours of Saturday morning", "2022-07-30"),
    ("a little after 3:15 p.m. Saturday", "2022-07-30"),
    ("a few minutes before 10 p.m. Sunday night", "2022-07-31"),
    ("around 3 o'clock Saturday morning", "2022-07-30"),
    ("Sunday night's", "2022-07-31"),
    ("this past Sunday", "2022-07-31"),
    ("sometime Tuesday", "2022-08-02"),
    ("the very early hours of July 19, 2022", "2022-07-19"),
    ("three Saturday night", "2022-07-30"),  # dateparser read "three" as a day of the month
])
def test_dates_core_one_day_inside_an_unread_expression(text: str, expected: str) -> None:
    day, precision = resolve(text, WEDNESDAY)
    assert (day.isoformat() if day else None, precision) == (expected, "day")


@pytest.mark.parametrize("text", [
    "Friday through Sunday", "Saturday and Sunday", "Friday nights", "the first Sunday of the month",
    "overnight Friday",  # a night across two days: which one is not said
    "July 18, two days",  # "two days later": counted from another moment
    "@JaneDoeTV) July 19",  # a post's handle glued to its date
])
def test_dates_core_spans_lists_and_counted_times_stay_unread(text: str) -> None:
    assert resolve(text, WEDNESDAY) == (None, None)


def test_dates_core_calendar_date_beside_another_weekday_stays_as_written() -> None:
    # Tuesday is 2022-08-02; the writer's date wins over the weekday (either may be the slip)
    assert resolve("Tuesday, July 26", WEDNESDAY) == (date(2022, 7, 26), "day")


def test_dates_core_without_publication_nothing_is_resolved() -> None:
    assert resolve("the early hours of Saturday morning", None) == (None, None)


def _times(text: str, published: str, *words: str) -> list[TimeExpr]:
    out = []
    for word in words:
        start = text.index(word)
        day, precision = resolve(word, parse_published(published))
        out.append(TimeExpr(text=word, start=start, end=start + len(word),
                            date=day.isoformat() if day else None, precision=precision))
    return sorted(out, key=lambda t: t.start)


def test_dates_core_dates_the_event_where_the_lead_says_it_unusually() -> None:
    text = ("Two men were shot outside a bar in the early hours of Saturday morning, police said. "
            "Detectives were still at the scene Monday afternoon.")
    times = _times(text, "2022-08-03", "the early hours of Saturday morning", "Monday afternoon")
    assert event_date(times, "2022-08-03", text=text) == ("2022-07-30", "day")


def test_dates_core_bare_ordinal_is_a_street_not_a_day() -> None:
    text = ("A teenager was shot near 23rd and Elm shortly before 11 p.m. Saturday, police say. "
            "He was taken to a hospital.")
    times = _times(text, "2022-08-25", "23rd", "Saturday")
    assert times[0].date == "2022-08-23"  # read as a day of this month: only the evidence rule leaves it out
    assert not is_event_evidence(times[0], text)
    assert {d.isoformat() for d, _ in day_scores(times, "2022-08-25", text=text)} == {"2022-08-20"}
    assert event_date(times, "2022-08-25", text=text) == ("2022-08-20", "day")
