"""Seventh session: "slain" on a person word, "the other six" beside deaths (hand-built sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.test_casualty_constructions import counts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(casualties_nlp: Language) -> Language:
    return casualties_nlp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Investigators identified the slain man as Kevin Whitfield on Tuesday.", {"killed": 1}),
        ("Slain teen remembered as a gifted runner by classmates", {"killed": 1}),
        ("The two slain women were sisters who lived on Oak Avenue.", {"killed": 2}),
    ],
)
def test_casualty_seventh_slain_on_a_subject_or_object_is_one_of_the_dead(
    nlp: Language, text: str, expected: dict[str, int]
) -> None:
    assert counts(nlp, text) == expected


def test_casualty_seventh_slain_recalled_elsewhere_counts_no_one(nlp: Language) -> None:
    # a slain person inside a purpose clause or a prepositional phrase is someone recalled, not this event's dead
    assert counts(nlp, "Friends gathered at a memorial for a slain neighbor on Sunday.") == {}
    text = "Jon Price was shot and killed on Friday. The slain man was 24."
    assert counts(nlp, text) == {"killed": 1}  # the slain man is the same person, counted once


def test_casualty_seventh_the_other_six_beside_a_death_are_injured(nlp: Language) -> None:
    text = "One victim, a woman, was pronounced dead at the scene. The other four were rushed to the hospital."
    assert counts(nlp, text) == {"killed": 1, "injured": 4}
    # without "other" the four taken to hospital may be the dead woman's group
    assert counts(nlp, text.replace("The other four", "Four")).get("injured", 0) == 0
    shot = "A man was killed in the parking lot. One of the remaining two people shot was in serious condition."
    assert counts(nlp, shot) == {"killed": 1, "injured": 2}


def test_casualty_seventh_the_other_victims_as_the_object_of_the_figures_verb_are_not_more(nlp: Language) -> None:
    # "shot the other three victims": the shooter's dead, not three more hurt
    text = "Four people were found dead. Police said the woman shot the other three victims before killing herself."
    assert counts(nlp, text) == {"killed": 4}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thirty-two-year-old Mark Dunn was killed Sunday near his home.", {"killed": 1}),
        ("Twenty-four-year-old Ana Ruiz and her cousin were shot to death.", {"killed": 2}),
        ("Twenty-one people were killed in the attack.", {"killed": 21}),
    ],
)
def test_casualty_seventh_a_spelled_age_is_no_count(nlp: Language, text: str, expected: dict[str, int]) -> None:
    assert counts(nlp, text) == expected


def test_casualty_seventh_a_playlist_clock_is_no_count(nlp: Language) -> None:
    # a video playlist's running times: "1:21" names no one
    assert counts(nlp, "4:02 Hearing held for suspect in Dorsey slaying Pause  1:21") == {}
    assert counts(nlp, "At 10:15 p.m. two men were shot outside the bar.") == {"injured": 2}


def test_casualty_seventh_a_days_multiple_murder_counts_its_dead(nlp: Language) -> None:
    assert counts(nlp, "Court papers describe Friday's triple murder in detail.") == {"killed": 3}
    assert counts(nlp, "Police are investigating the first homicide of 2016.") == {}


def test_casualty_seventh_a_video_playlist_line_is_another_story(nlp: Language) -> None:
    text = (
        "Bullet grazes teen after skate park dispute\n\n"
        "0:35 Two teens charged in Lakewood shooting that killed 15-year-old boy Pause\n\n"
        "2:10 Three hurt in crash on Interstate 5\n"
    )
    assert counts(nlp, text) == {"injured": 1}
    # a time of day opening a line is the story's own
    assert counts(nlp, "Police were called to Elm Street.\n10:15 p.m. Two men were shot outside a bar.") == {
        "injured": 2
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser makes the age an adjective of the participle: the age is the person shot
        ("A 16-year-old fatally shot by a deputy had called 911 before the shooting.", {"killed": 1}),
        ("The two-year-old fatally shot while in a minivan lived in St. Paul.", {"killed": 1}),
        # an inverted passive: the people are an attribute of "were"
        ("Also killed were two teenagers from the neighborhood.", {"killed": 2}),
    ],
)
def test_casualty_seventh_subjects_the_parser_hangs_elsewhere(
    nlp: Language, text: str, expected: dict[str, int]
) -> None:
    assert counts(nlp, text) == expected


def test_casualty_seventh_a_family_of_five_counts_five(nlp: Language) -> None:
    assert counts(nlp, "A family of five was found dead in a house near the lake.") == {"killed": 5}
    assert counts(nlp, "The family of the victim asked for privacy.") == {}
