"""Time expressions no rule reads whole: the one day inside them (``date_resolve._core``), and bare ordinals."""

from __future__ import annotations

from datetime import date

import pytest
from tests.test_dates import _times_in

from rashomon.extract.dates import day_scores, event_date, is_event_evidence, resolve
from rashomon.records import TimeExpr

WEDNESDAY = date(2022, 8, 3)  # published Wednesday 2022-08-03


@pytest.mark.parametrize(("text", "expected"), [
    ("the early morning hours of Saturday", "2022-07-30"),
    ("a little after 4:40 p.m. Saturday", "2022-07-30"),
    ("a few minutes before 11 p.m. Sunday night", "2022-07-31"),
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
    assert resolve("the early morning hours of Saturday", None) == (None, None)


def test_dates_core_dates_the_event_where_the_lead_says_it_unusually() -> None:
    text = ("Two men were shot outside a bar in the early morning hours of Saturday, police said. "
            "Detectives were still at the scene Monday afternoon.")
    times = _times_in(text, "2022-08-03", "the early morning hours of Saturday", "Monday afternoon")
    assert event_date(times, "2022-08-03", text=text) == ("2022-07-30", "day")


def test_dates_core_bare_ordinal_is_a_street_not_a_day() -> None:
    text = ("A teenager was shot near 23rd and Elm shortly before 11 p.m. Saturday, police say. "
            "He was taken to a hospital.")
    times = _times_in(text, "2022-08-25", "23rd", "Saturday")
    assert times[0].date == "2022-08-23"  # read as a day of this month: only the evidence rule leaves it out
    assert not is_event_evidence(times[0], text)
    assert {d.isoformat() for d, _ in day_scores(times, "2022-08-25", text=text)} == {"2022-08-20"}
    assert event_date(times, "2022-08-25", text=text) == ("2022-08-20", "day")


OCT_WEDNESDAY = date(2020, 10, 14)  # published Wednesday 2020-10-14; the Saturday before is 2020-10-10


@pytest.mark.parametrize("text", [
    "the following Saturday", "the Saturday before last", "the previous Saturday", "that Saturday",
    "the first Saturday", "the last Saturday of September", "Saturday's funeral", "on the eve of Saturday's vote",
    "after Saturday's shelling", "the Saturday before",
])
def test_dates_core_other_words_move_the_day_or_make_it_another_events(text: str) -> None:
    assert resolve(text, OCT_WEDNESDAY) == (None, None)


def test_dates_core_a_weekday_in_a_named_month_is_that_month() -> None:
    # the month says which Saturday is meant (never the last one before publication), not which day
    assert resolve("a Saturday night in July", OCT_WEDNESDAY) == (date(2020, 7, 1), "month")
    assert resolve("on a Saturday in March", OCT_WEDNESDAY) == (date(2020, 3, 1), "month")
    assert resolve("Saturday, July 4", OCT_WEDNESDAY) == (date(2020, 7, 4), "day")
    assert resolve("Saturday at 11 p.m. in July", OCT_WEDNESDAY) == (date(2020, 7, 1), "month")


def test_dates_core_a_weekday_in_a_named_month_does_not_date_the_event() -> None:
    text = ("Gunmen attacked a checkpoint on a Saturday night in July, killing two soldiers, "
            "the ministry said in a report published on Wednesday.")
    times = _times_in(text, "2020-10-14", "a Saturday night in July")
    assert not day_scores(times, "2020-10-14", text=text)  # month precision: no day or week candidate
    assert event_date(times, "2020-10-14", text=text) == ("2020-10-08", "week")


def test_dates_core_a_weekday_read_far_from_publication_is_its_last_occurrence() -> None:
    # "three" read as March: a Saturday, but months away; the clock hour frames the last Saturday
    assert resolve("three Saturday night", OCT_WEDNESDAY) == (date(2020, 10, 10), "day")
    assert resolve("before dawn Saturday", OCT_WEDNESDAY) == (date(2020, 10, 10), "day")


def _evidence(text: str, word: str) -> bool:
    start = text.index(word)
    return is_event_evidence(TimeExpr(text=word, start=start, end=start + len(word), date=None, precision="day"),
                             text)


@pytest.mark.parametrize("word", ["the 27th", "27th"])
def test_dates_core_ordinal_led_by_the_is_a_day(word: str) -> None:
    assert _evidence("Fighting resumed on the 27th, when two soldiers were killed near the border.", word)


def test_dates_core_ordinal_after_a_named_month_is_a_day() -> None:
    assert _evidence("Clashes began on September 25 and two soldiers were killed on 27th, the army said.", "27th")


def test_dates_core_ordinal_counts_in_the_month_named_before_it() -> None:
    text = ("Fighting broke out on September 25 along the line of contact. "
            "It resumed on the 27th, killing 14 soldiers, the defence ministry said.")
    times = _times_in(text, "2020-10-28", "September 25", "the 27th")
    assert times[1].date == "2020-10-27"  # the parser reads the publication month
    days = {d.isoformat() for d, _ in day_scores(times, "2020-10-28", text=text)}
    assert "2020-09-27" in days and "2020-10-27" not in days
    assert event_date(times, "2020-10-28", text=text) == ("2020-09-27", "day")


def test_dates_core_ordinal_the_named_month_lacks_is_no_day() -> None:
    text = "Shelling began on September 28. It resumed on the 31st, killing three civilians."
    times = _times_in(text, "2020-10-20", "September 28", "the 31st")
    assert {d.isoformat() for d, _ in day_scores(times, "2020-10-20", text=text)} == {"2020-09-28"}


def test_dates_core_ordinal_before_a_street_name_is_no_day() -> None:
    assert not _evidence("A man was shot on 23rd Street late Saturday, police said.", "23rd")


def test_dates_core_possessive_day_of_a_funeral_is_no_event_evidence() -> None:
    text = "Hundreds attended Saturday's funeral of the two soldiers killed in the ambush near the border."
    assert not _evidence(text, "Saturday's")
    assert _evidence("Police are investigating Saturday's shooting that killed two men.", "Saturday's")


@pytest.mark.parametrize(("text", "word"), [
    ("Police fired on Saturday's march, killing three protesters.", "Saturday's"),
    ("Clashes during Sunday's vote left five people dead.", "Sunday's"),
    ("Two people were shot at Saturday's rally near the parliament.", "Saturday's"),
])
def test_dates_core_possessive_day_of_a_violent_occasion_is_the_event(text: str, word: str) -> None:
    assert _evidence(text, word)


@pytest.mark.parametrize(("text", "word"), [
    ("Two soldiers were killed near the border on the eve of Sunday's vote.", "Sunday's"),
    ("Thousands joined Saturday's march through the capital.", "Saturday's"),
    ("A court heard at Monday's hearing that the soldiers were shot at close range.", "Monday's"),
])
def test_dates_core_possessive_day_of_another_occasion_is_no_event_evidence(text: str, word: str) -> None:
    assert not _evidence(text, word)
