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


def test_dates_hours_clock_time_before_what_was_said_dates_the_statement() -> None:
    published = "2016-03-07T09:00:00"  # a Monday
    that = ("The ministry said at 6 p.m. Sunday that two soldiers were killed in a raid on a checkpoint Saturday "
            "night near the border.")
    quote = 'Police said around 9 p.m. Sunday: "Two men were shot in a raid on a checkpoint Saturday night."'
    event = "Police said around 9 p.m. Sunday two men were shot at a checkpoint near the border."
    for text, word in ((that, "6 p.m. Sunday"), (quote, "around 9 p.m. Sunday"), (event, "around 9 p.m. Sunday")):
        times = _times_in(text, published, word, *(("Saturday night",) if text is not event else ()))
        clocked = next(t for t in times if t.text == word)
        assert clocked.date == "2016-03-06"
        assert is_event_evidence(clocked, text) is (text is event)
        expected = "2016-03-06" if text is event else "2016-03-05"  # the statement's hour leaves Saturday night
        assert event_date(times, published, text=text) == (expected, "day")


def test_dates_hours_speech_verb_and_stamp_words_share_their_keys() -> None:
    from rashomon.extract.dates import _SPEECH_WORDS, _STAMP_WORDS

    published = "2016-03-07T09:00:00"
    for word in _SPEECH_WORDS:
        text = f"Two men were shot near the bar, and the sheriff {word} Sunday."
        (time,) = _times_in(text, published, "Sunday")
        assert not is_event_evidence(time, text), word
    for word in _STAMP_WORDS:
        text = f"{word.capitalize()} Sunday, March 6, 2016\n\nTwo men were shot near the bar."
        (time,) = _times_in(text, published, "Sunday, March 6, 2016")
        assert not is_event_evidence(time, text), word
        assert is_event_evidence(time, text.replace(word.capitalize(), "Filed"))
