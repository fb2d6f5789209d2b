"""Eighth session: the hurt beside the dead that the reports' own counts missed (hand-built sentences)."""

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
        (
            "Three men were killed and five others were in the hospital with gunshot wounds after the attack.",
            {"killed": 3, "injured": 5},
        ),
        (
            "One woman was killed outside the diner on Elm Road. Medics transported two others to the hospital.",
            {"killed": 1, "injured": 2},
        ),
    ],
)
def test_casualty_eighth_n_others_beside_deaths_are_more_people(
    nlp: Language, text: str, expected: dict[str, int]
) -> None:
    assert counts(nlp, text) == expected


def test_casualty_eighth_without_others_the_hospital_count_may_be_the_dead(nlp: Language) -> None:
    # no "others": the two taken to hospital may be the two who died there
    text = "Two men were killed on Elm Road on Friday. Medics transported two men to the hospital."
    assert counts(nlp, text).get("injured", 0) == 0


def test_casualty_eighth_also_hit_beside_a_death_is_one_more_person(nlp: Language) -> None:
    text = (
        "A gunman fired into a parked van on Friday, killing a 19-year-old man. "
        "A 40-year-old woman in the back seat was also shot in the shoulder."
    )
    assert counts(nlp, text) == {"killed": 1, "injured": 1}


def test_casualty_eighth_also_in_a_sentence_telling_a_death_is_no_survivor(nlp: Language) -> None:
    # "also shot and killed": the same sentence tells the death, the woman is no survivor
    text = "A man was shot dead on Friday. A woman was also shot and killed in the same car."
    assert counts(nlp, text).get("injured", 0) == 0


@pytest.mark.parametrize(
    "lived",
    ["his injuries weren't life-threatening", "his wound was not believed to be life-threatening"],
)
def test_casualty_eighth_negated_life_threatening_is_a_survivor(nlp: Language, lived: str) -> None:
    text = f"A woman was shot and killed at the bus stop. A 30-year-old man was shot in the arm, and {lived}."
    assert counts(nlp, text) == {"killed": 1, "injured": 1}


def test_casualty_eighth_one_of_the_victims_dead_is_not_one_of_the_others_wounded(nlp: Language) -> None:
    text = (
        "One person was killed and four others wounded in a shooting on Oak Street late Sunday. "
        "One of the victims, a 28-year-old man, was declared dead at the scene."
    )
    assert counts(nlp, text) == {"killed": 1, "injured": 4}
    # without "others" the dead one is among the people shot
    assert counts(nlp, "Four people were shot on Oak Street. One of them died at the scene.") == {
        "killed": 1,
        "injured": 3,
    }


def test_casualty_eighth_shot_in_a_limb_beside_a_death_lived(nlp: Language) -> None:
    text = (
        "Two men were killed in the attack on Pine Street. "
        "A 31-year-old man, who was shot in the right arm, was taken to County General."
    )
    assert counts(nlp, text) == {"killed": 2, "injured": 1}
    # shot in the chest: he may be one of the two who died
    assert counts(nlp, text.replace("right arm", "chest")).get("injured", 0) == 0
    # a limb wound in the sentence that tells the death is the dead person's
    died = "Two men were killed on Pine Street. A 30-year-old man was shot in the leg and died at the hospital."
    assert counts(nlp, died).get("injured", 0) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man in a red car opened fire on the party, hitting three people.", {"injured": 3}),
        ("The teen is accused of shooting into a crowd outside the mall, hitting six people.", {"injured": 6}),
        ("Someone fired several shots at the house, striking a 9-year-old girl.", {"injured": 1}),
    ],
)
def test_casualty_eighth_hitting_after_firing_is_hurt(nlp: Language, text: str, expected: dict[str, int]) -> None:
    assert counts(nlp, text) == expected


def test_casualty_eighth_hitting_after_no_firing_hurts_no_one(nlp: Language) -> None:
    assert counts(nlp, "The truck left the road and hit a fence, striking two parked cars.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two people were killed and five others were hospitalized after a shooting at a block party.", 5),
        ("Two men were killed and three more people shot at a gas station on Friday.", 3),
    ],
)
def test_casualty_eighth_others_beside_the_dead_of_their_sentence_are_not_reduced(
    nlp: Language, text: str, expected: int
) -> None:
    # "Three shot, one dead" takes the dead out of the shot; "seven others" are already others than the dead
    assert counts(nlp, text) == {"killed": 2, "injured": expected}
    assert counts(nlp, "Three people were shot, one fatally, at a gas station on Friday.").get("injured") == 2


def test_casualty_eighth_a_shooting_that_sent_people_to_hospital_hurt_them(nlp: Language) -> None:
    assert counts(nlp, "A shooting outside a bar on Main Street sent four people to the hospital early Sunday.") == {
        "injured": 4
    }
    assert counts(nlp, "Gunfire erupted near the park on Saturday, sending two teens to a hospital.") == {"injured": 2}
    # sent elsewhere than to a hospital: no one hurt
    assert counts(nlp, "The judge sent two men to prison on Monday.") == {}


def test_casualty_eighth_the_fatal_shooting_is_no_re_mention_of_the_person_hurt(nlp: Language) -> None:
    text = (
        "A man was fatally shot at a home on Pecan Avenue on Friday. Another person was injured and taken to "
        "the hospital. The motive for the fatal shooting remains under investigation."
    )
    assert counts(nlp, text) == {"killed": 1, "injured": 1}


def test_casualty_eighth_a_child_who_shot_himself_is_the_victim_counted_once(nlp: Language) -> None:
    text = (
        "Police are investigating the fatal shooting of an 8-year-old boy on the east side. "
        "The 8-year-old boy fatally shot himself with a rifle he found in a closet, police said."
    )
    assert counts(nlp, text) == {"killed": 1}
    # a father who killed his son and then himself: two dead
    killer = "A man shot and killed his 8-year-old son before fatally shooting himself, police said."
    assert counts(nlp, killer) == {"killed": 2}
