"""Tenth session: the hurt beside the dead of another noun phrase, and the people shot left after the dead
(hand-built sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.test_casualty_constructions import counts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(casualties_nlp: Language) -> Language:
    return casualties_nlp


@pytest.mark.parametrize(
    "text",
    [
        "Deputies found a man on the porch with a gunshot wound to the arm and later discovered two dead people "
        "in the kitchen.",
        "Officers found a 48-year-old who had been shot in the knee and a teenager who had died in the yard.",
        "Besides the two people found dead in the barn, investigators said a woman also suffered a gunshot wound "
        "to the jaw.",
    ],
)
def test_casualty_tenth_limb_wound_beside_other_dead_is_hurt(nlp: Language, text: str) -> None:
    result = counts(nlp, text)
    assert result.get("killed", 0) >= 1
    assert result.get("injured", 0) == 1


@pytest.mark.parametrize(
    "text",
    [
        # one noun phrase both hurt and dead: the limb wound does not make a survivor
        "Deputies found a man with a gunshot wound to the leg who was pronounced dead at the scene.",
        # the wound is the dead person's own, no other noun phrase
        "A farmer was shot in the leg and killed on Birch Lane.",
        # a wound to the head beside the dead is not a limb
        "Officers found a woman with a gunshot wound to the head and two dead men inside the garage.",
    ],
)
def test_casualty_tenth_wound_of_the_dead_is_not_hurt(nlp: Language, text: str) -> None:
    assert counts(nlp, text).get("injured", 0) == 0


def test_casualty_tenth_people_shot_less_the_dead_are_hurt(nlp: Language) -> None:
    text = (
        "Five people were shot outside a bowling alley on Pine Street late Saturday. "
        "Two died at the scene, police said. Detectives are looking for a gray sedan."
    )
    result = counts(nlp, text)
    assert result.get("killed") == 2
    assert result.get("injured") == 3


def test_casualty_tenth_shooter_own_death_leaves_no_hurt_from_the_total(nlp: Language) -> None:
    # the shooter's death is none of the people shot: no "Three were shot" less one dead
    text = (
        "Three people were shot at a gas station on Monday. "
        "The gunman then shot himself, police said."
    )
    result = counts(nlp, text)
    assert result.get("injured", 0) != 2


def test_casualty_tenth_shooting_them_is_the_killers_act_not_a_total(nlp: Language) -> None:
    # "shooting four people": the object of the killer's verb; no passive count of everyone hit
    text = (
        "A man was charged Friday with shooting four relatives at a farmhouse. "
        "Three died at the scene, deputies said."
    )
    assert counts(nlp, text).get("injured", 0) == 0


def test_casualty_tenth_open_counts_shot_and_dead(nlp: Language) -> None:
    text = "At least three people were dead Sunday after a gunman shot at least five people near the river."
    result = counts(nlp, text)
    assert result.get("killed") == 3
    assert result.get("injured") == 2


def test_casualty_tenth_died_conjoined_to_a_speech_verb_is_not_the_speakers(nlp: Language) -> None:
    # the parser hangs "died" on "say": the deputies are the speakers; the girl flown is the one who died
    text = "Deputies say the girl was flown to a trauma center in Tulsa, but died early Sunday."
    assert counts(nlp, text) == {"killed": 1}


def test_casualty_tenth_after_being_shot_takes_the_clause_subject(nlp: Language) -> None:
    # "after being shot": no subject of its own; the one rushed to surgery is the one shot
    assert counts(nlp, "A woman was rushed to surgery after being shot near the bus stop on Friday.") == {"injured": 1}
    # "after being" something else hurts no one
    assert counts(nlp, "A woman was rushed to surgery after being found near the bus stop on Friday.") == {}


def test_casualty_tenth_hitting_a_person_after_a_word_of_gunfire(nlp: Language) -> None:
    text = "Two rounds went through the window of a parked van, striking a boy sitting in the back seat."
    assert counts(nlp, text) == {"injured": 1}
    # no gunfire in the sentence: a car hitting someone is no shooting
    assert counts(nlp, "The man lost control of the car, hitting a woman who was crossing the street.") == {}


def test_casualty_tenth_another_age_is_another_person(nlp: Language) -> None:
    text = (
        "A 16-year-old boy was shot and killed near a gym on Wednesday. The 16-year-old died from his wounds. "
        "The 20-year-old was taken to a hospital with a non-life-threatening wound."
    )
    assert counts(nlp, text) == {"killed": 1, "injured": 1}
    # the same age re-mentions the same person
    same = "A 20-year-old man was shot on Elm Street. The 20-year-old was taken to a hospital."
    assert counts(nlp, same) == {"injured": 1}


def test_casualty_tenth_people_recovering_are_hurt(nlp: Language) -> None:
    assert counts(nlp, "A man was killed outside a diner and his wife is recovering at a hospital.") == {
        "killed": 1,
        "injured": 1,
    }
    # a place or a community recovering is no one hurt
    assert counts(nlp, "The neighborhood is recovering from the violence.") == {}


def test_casualty_tenth_recovering_from_no_wound_is_no_one_hurt(nlp: Language) -> None:
    assert counts(nlp, "A man was killed on Monday. Two neighbors are recovering from shock, police said.") == {
        "killed": 1
    }


@pytest.mark.parametrize("death", ["The 20-year-old victim died at a hospital.", "He died at a hospital."])
def test_casualty_tenth_dead_pointing_back_leave_the_people_shot_once(nlp: Language, death: str) -> None:
    # "Four people were shot" less the one who died: three hurt, not two (the dead taken out once)
    assert counts(nlp, f"Four people were shot on Elm Street late Saturday. {death}") == {"killed": 1, "injured": 3}
