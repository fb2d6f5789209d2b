"""Hours, sentence ends and embedded posts in the event date (``rashomon.extract.dates``, ninth session): a clock
time after a speech verb dates the event, an abbreviation's period ends no sentence, an embedded post's date is the
post's."""

from __future__ import annotations

from rashomon.extract.dates import event_date, is_event_evidence
from test_dates import _times_in

PUBLISHED = "2016-03-05T09:00:00"  # a Saturday


def test_dates_hours_clock_time_after_a_speech_verb_dates_the_event() -> None:
    reported = "The gunfire was reported just after 4 p.m. Friday near a corner store on Fifth Avenue."
    said = "Deputies said around 9 p.m. Friday they were called to a home where a man had been shot."
    plain = "The man was taken to a hospital, deputies said Friday."
    for text, word in ((reported, "just after 4 p.m. Friday"), (said, "around 9 p.m. Friday"), (plain, "Friday")):
        (time,) = _times_in(text, PUBLISHED, word)
        assert time.date == "2016-03-04"
        assert is_event_evidence(time, text) is (text is not plain)


def test_dates_hours_abbreviation_period_ends_no_sentence() -> None:
    published = "2017-04-06T10:00:00"
    text = ("Dario Quint was shot in the head near his home on W. 12th St. near Birch Road in Lower Hollow around "
            "2:30 p.m. Feb. 20, police said. His mother spoke to reporters on Wednesday about a memorial.")
    times = _times_in(text, published, "around 2:30 p.m. Feb. 20", "Wednesday")
    # 45 days old: a calendar date counts only with a word of violence in its own sentence
    assert event_date(times, published, text=text) == ("2017-02-20", "day")
    cut = text.replace("near Birch Road in Lower Hollow around 2:30 p.m. Feb. 20, police said.",
                       "near Birch Road. A fundraiser was held there around 2:30 p.m. Feb. 20, police said.")
    times = _times_in(cut, published, "around 2:30 p.m. Feb. 20", "Wednesday")
    assert event_date(times, published, text=cut) == ("2017-04-05", "day")  # a real sentence end still cuts


def test_dates_hours_embedded_post_date_loses_to_the_story_day() -> None:
    published = "2017-03-25T08:00:00"  # a Saturday
    lead = (0, 75)  # the lead sentence, an event span
    text = ("Four people were shot and one killed in southeast Fresno, the sheriff said. pic.twitter.com/abc123 — Jane "
            "Doe (@JaneDoeTV) March 25, 2017\n\nThe victims, including a 5-month-old child, were taken to Community "
            "Regional Medical Center, where one of them died. Deputies closed the street for hours while detectives "
            "spoke with neighbors and looked for cameras on the houses nearby. The sheriff asked anyone with "
            "information to call the office.\n\nThe four were shot near a market Friday afternoon, according to the "
            "sheriff's office.")
    times = _times_in(text, published, "March 25, 2017", "Friday")
    assert event_date(times, published, text=text, event_spans=[lead]) == ("2017-03-24", "day")
    unposted = text.replace("— Jane Doe (@JaneDoeTV) ", "— Jane Doe, reporting ")
    times = _times_in(unposted, published, "March 25, 2017", "Friday")
    assert event_date(times, published, text=unposted, event_spans=[lead]) == ("2017-03-25", "day")
