"""Sixth session: constructions read on the reports of multi-article GVA incidents (hand-built sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.test_casualty_constructions import counts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(casualties_nlp: Language) -> Language:
    return casualties_nlp


def test_casualty_reports_a_later_mention_saying_the_hurt_lived_counts_them(nlp: Language) -> None:
    text = (
        "A woman was shot dead on Elm Street on Friday. Her neighbor, Tom Baker, was shot in the leg. "
        "Baker was taken to a hospital and has since been released from the hospital."
    )
    assert counts(nlp, text) == {"killed": 1, "injured": 1}
    # the same later mention beside a death of its own sentence says nothing about who lived
    died = (
        "A woman was shot dead on Elm Street on Friday. Her neighbor, Tom Baker, was shot in the leg. "
        "Baker was taken to a hospital, where he died."
    )
    assert counts(nlp, died).get("injured", 0) == 0


def test_casualty_reports_other_between_count_and_noun_is_more_people(nlp: Language) -> None:
    text = "A man was killed in a shooting at a park on Sunday. Police said three other people were shot as they ran."
    assert counts(nlp, text) == {"killed": 1, "injured": 3}
    # without "other" the three shot include the dead man: two hurt (tenth session, people shot less the dead)
    assert counts(nlp, text.replace("three other people", "three people")).get("injured", 0) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"She could\'ve been dead today," said her aunt. A girl, 7, was wounded in the shooting.', {"injured": 1}),
        ('"There could be people dead today because of them," he said. Two people were wounded.', {"injured": 2}),
        ("He is charged with one count of criminal attempt homicide after he shot two men.", {"injured": 2}),
        ("He faces four counts of assault with intent to commit murder after he wounded a man.", {"injured": 1}),
        ('"I\'m scared to death," she said after a man was shot in the arm.', {"injured": 1}),
        ('"People\'s children are dying for no reason," she said after her son was wounded.', {"injured": 1}),
        ('"Every day more Americans are injured or killed by a bullet," he said.', {}),
    ],
)
def test_casualty_reports_words_naming_no_one_hurt_in_the_event(
    nlp: Language, text: str, expected: dict[str, int]
) -> None:
    assert counts(nlp, text) == expected


def test_casualty_reports_counted_present_tense_still_counts(nlp: Language) -> None:
    assert counts(nlp, "Two men are dead after a shooting on Main Street.") == {"killed": 2}
    assert counts(nlp, "Police said the victims are injured but alive.").get("injured", 0) >= 1


def test_casualty_reports_words_printed_again_count_once(nlp: Language) -> None:
    lead = "One man died and three others were injured in a shooting early Sunday morning."
    text = f"{lead} Police are looking for the gunman. {lead}"  # a page printing its lead twice
    assert counts(nlp, text) == {"killed": 1, "injured": 3}


def test_casualty_reports_a_total_broken_down_after_it_counts_once(nlp: Language) -> None:
    text = "Police said six people, three men and three women, were shot by an unknown man on Main Street."
    assert counts(nlp, text) == {"injured": 6}
    assert counts(nlp, "The gunman shot three soldiers and two civilians.") == {"injured": 5}


@pytest.mark.parametrize(
    "tally",
    [
        "Since early October, eight people have died and at least 10 others were injured in the neighborhood.",
        "Over the weekend five people were killed and 20 wounded in 14 shootings across the city.",
    ],
)
def test_casualty_reports_tallies_over_many_shootings_are_not_the_event(nlp: Language, tally: str) -> None:
    assert counts(nlp, f"A man was shot dead on Main Street on Sunday. {tally}") == {"killed": 1}


def test_casualty_reports_a_shooting_last_year_is_the_event_of_a_follow_up(nlp: Language) -> None:
    text = (
        "Three youths were arrested in connection with a shooting last year at a house party "
        "that left three teenagers dead, the sheriff said."
    )
    assert counts(nlp, text).get("killed") == 3
    # a tally over a period is still no event
    assert counts(nlp, "Nine officers have been shot in the county this year.") == {}


def test_casualty_reports_a_dateline_taken_for_a_subject_is_no_victim(nlp: Language) -> None:
    text = "BEXAR COUNTY, Texas - One female is dead and another is in critical condition after a shooting."
    assert counts(nlp, text) == {"killed": 1, "injured": 1}


def test_casualty_reports_left_one_dead_and_another_wounded(nlp: Language) -> None:
    text = "A shooting in Salisbury left a 7-year-old girl dead and her grandmother wounded early Sunday morning."
    assert counts(nlp, text) == {"killed": 1, "injured": 1}
    text = "A man killed in a shooting that left three others wounded early Saturday has been identified."
    assert counts(nlp, text) == {"killed": 1, "injured": 3}


def test_casualty_reports_did_not_survive_is_a_death(nlp: Language) -> None:
    assert counts(nlp, "Four people were shot inside an apartment on Tuesday, and two did not survive.") == {
        "killed": 2,
        "injured": 2,
    }
    assert counts(nlp, "The man did not survive his injuries.") == {"killed": 1}
    assert counts(nlp, "A woman was shot in the arm and survived.") == {"injured": 1}
