"""Follow-up steps that date their own day, not the event's (``rashomon.extract.dates``, eighth session):
justice a few words before the day, the hospital, an autopsy, a custody hold, a surrender, a recollection."""

from __future__ import annotations

import pytest

from rashomon.extract.dates import event_date, time_score
from test_dates import _times_in

PUBLISHED = "2016-09-04T10:00:00"  # a Sunday


def test_dates_followup_arrest_a_few_words_before_the_day_is_no_event_day() -> None:
    text = ("A Lakeview man was arrested by county deputies on Friday following the shooting of a teenager "
            "at a gas station on August 31st.")
    times = _times_in(text, PUBLISHED, "Friday", "August 31st")
    assert event_date(times, PUBLISHED, text=text) == ("2016-08-31", "day")


def test_dates_followup_justice_word_outside_the_sentence_does_not_count() -> None:
    alone = "Officers said the boy was shot outside the store on Friday."
    after_arrest = "Two men were arrested. " + alone
    same_sentence = "Officers said the boy was arrested outside the store on Friday."
    score = {}
    for name, text in (("alone", alone), ("after", after_arrest), ("same", same_sentence)):
        (time,) = _times_in(text, PUBLISHED, "Friday")
        score[name] = time_score(time, text, [], window=300, lead_chars=400)
    assert score["after"] == score["alone"]
    assert score["same"] < score["alone"]


@pytest.mark.parametrize("step", [
    "George Wayman of Bellevue was being held Thursday in the shooting of his stepson.",
    "Autopsies Thursday showed both were shot in the head.",
    "The wounded man will undergo surgery again Thursday after the shooting, his sister said.",
    "A 19-year-old man turned himself in Thursday in the fatal shooting of a teen.",
    "Her boyfriend recalled Thursday how he tried to help her in the shooting.",
])
def test_dates_followup_custody_autopsy_surgery_surrender_recollection_days_lose(step: str) -> None:
    # the step's day stands next to the shooting's words; the family was found on a plain Tuesday
    text = f"{step} Officers found the family in a trailer near the lake Tuesday, police said."
    times = _times_in(text, PUBLISHED, "Thursday", "Tuesday")
    assert event_date(times, PUBLISHED, text=text) == ("2016-08-30", "day")


def test_dates_followup_shooting_day_without_a_step_still_wins_in_the_lead() -> None:
    text = ("A man was shot Thursday afternoon outside a bar on Main Street. "
            "Neighbors said on Tuesday that they had heard arguments there before.")
    times = _times_in(text, PUBLISHED, "Thursday", "Tuesday")
    assert event_date(times, PUBLISHED, text=text) == ("2016-09-01", "day")


def test_dates_followup_part_of_the_day_takes_the_day_that_follows_it() -> None:
    published = "2017-01-05T10:00:00"
    text = ("A 20-year-old man was shot and killed in the early morning hours of New Year's Day outside a "
            "restaurant on Pine Street, police said.")
    times = _times_in(text, published, "the early morning hours", "New Year's Day")
    assert times[0].date == "2017-01-05"  # alone, the part of the day resolves to the publication day
    assert event_date(times, published, text=text) == ("2017-01-01", "day")


def test_dates_followup_part_of_the_day_far_from_a_day_keeps_its_own_reading() -> None:
    published = "2017-01-05T10:00:00"
    text = "The shooting happened in the early morning hours. Police searched the house on Tuesday."
    times = _times_in(text, published, "the early morning hours", "Tuesday")
    assert event_date(times, published, text=text) == ("2017-01-05", "day")


def test_dates_followup_step_after_the_time_s_subject_is_not_the_time_s() -> None:
    published = "2017-04-05T10:00:00"  # a Wednesday
    subject = ("A 17-year-old boy killed during a triple shooting near Vermont Avenue in the south of the city Tuesday "
               "afternoon was identified as Kevin Jones by his mother on Wednesday morning.")
    times = _times_in(subject, published, "Tuesday afternoon", "Wednesday morning")
    assert event_date(times, published, text=subject) == ("2017-04-04", "day")
    # the step's own time: "identified" after the time with no verb between still names the step's day
    step = ("A 17-year-old boy killed during a triple shooting near Vermont Avenue in the south of the city was "
            "identified Tuesday afternoon as Kevin Jones. His mother spoke on Wednesday morning.")
    times = _times_in(step, published, "Tuesday afternoon", "Wednesday morning")
    assert event_date(times, published, text=step) == ("2017-04-05", "day")
    active = subject.replace("was identified", "identified")  # no passive verb: the time is the step's
    times = _times_in(active, published, "Tuesday afternoon", "Wednesday morning")
    assert event_date(times, published, text=active) == ("2017-04-05", "day")


def test_dates_followup_day_inside_the_winning_week_dates_the_event() -> None:
    published = "2017-01-09T10:00:00"  # a Monday: "last week" is 2017-01-02 .. 2017-01-08
    lead = (0, 109)
    text = ("A hunter was badly hurt in a friend's barn in the hills when he was shot by accident last week, "
            "deputies say.\n\nThe man and two friends were handling a rifle in a garage in the north of the town "
            "at about 11 p.m. Jan. 3 when it went off, police said.")
    times = _times_in(text, published, "last week", "about 11 p.m. Jan. 3")
    assert event_date(times, published, text=text, event_spans=[lead]) == ("2017-01-03", "day")
    before = text.replace("Jan. 3", "Dec. 28")  # a day outside the week: the week stands
    times = _times_in(before, published, "last week", "about 11 p.m. Dec. 28")
    assert event_date(times, published, text=before, event_spans=[lead]) == ("2017-01-02", "week")


def test_dates_followup_relative_day_inside_a_quote_is_the_speaker_s() -> None:
    published = "2016-03-09T10:00:00"  # a Wednesday
    quoted = ("“He was shot last night outside the bar and nobody helped him,” his sister said.\n\n"
              "Police said the man, 24, who was shot, lay on Maple Avenue from early Monday.")
    times = _times_in(quoted, published, "last night", "early Monday")
    assert event_date(times, published, text=quoted) == ("2016-03-07", "day")
    reported = quoted.replace("“", "").replace("”", "")  # the reporter's own "last night": the day before publication
    times = _times_in(reported, published, "last night", "early Monday")
    assert event_date(times, published, text=reported) == ("2016-03-08", "day")
    straight = quoted.replace("“", '"').replace("”", '"')
    times = _times_in(straight, published, "last night", "early Monday")
    assert event_date(times, published, text=straight) == ("2016-03-07", "day")


def test_dates_followup_week_keeps_its_day_against_a_later_step_inside_it() -> None:
    published = "2016-09-05T10:00:00"  # a Monday: "last week" is 2016-08-29 .. 2016-09-04
    lead = (0, 75)
    funeral = ("A soldier was killed in an ambush near the border last week, the army said. "
               "His funeral was held Thursday in his home village.")
    times = _times_in(funeral, published, "last week", "Thursday")
    assert event_date(times, published, text=funeral, event_spans=[lead]) == ("2016-08-29", "week")
    arrest = ("A man was shot dead outside a bar last week, police said. "
              "Two suspects were arrested Saturday in a nearby town.")
    times = _times_in(arrest, published, "last week", "Saturday")
    assert event_date(times, published, text=arrest, event_spans=[(0, 56)]) == ("2016-08-29", "week")


def test_dates_followup_an_inch_mark_opens_no_quote() -> None:
    published = "2016-03-09T10:00:00"  # a Wednesday
    text = ('The 5\'10" man was shot. His brother said "he was fine" and police said the shooting happened '
            "last night on Maple Avenue.")
    (time,) = _times_in(text, published, "last night")
    quoted = text.replace('"he was fine" and police said the shooting happened', '"he was shot')
    (inside,) = _times_in(quoted, published, "last night")
    assert time_score(time, text, [], window=300, lead_chars=400) > time_score(
        inside, quoted, [], window=300, lead_chars=400)

