"""Tenth session, second round: the dead person counted hurt again (the same aged phrase, the same name, "in
critical condition until she died"), hurt animals (hand-built
sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.test_casualty_constructions import counts

from rashomon.extract.casualty_same_dead import the_dead_again
from rashomon.records import CasualtyFigure

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(casualties_nlp: Language) -> Language:
    return casualties_nlp


@pytest.mark.parametrize(
    "text",
    [
        "A late-night shooting on Elm Street has killed a 19-year-old in Dover. Dover police say the shooting "
        "critically injured a 19-year-old shortly after midnight.",
        'The coroner reported the death of Luis "Lucky" Ortega, 44, at a county hospital. Deputies said a wounded '
        "Luis Ortega had walked to a gas station before the ambulance came.",
        "A woman who was shot in the chest by her neighbor has died. Garza was taken to a hospital, where she "
        "stayed in critical condition until she died on Monday.",
    ],
)
def test_casualty_same_dead_one_person_hurt_then_dead_counts_once(nlp: Language, text: str) -> None:
    result = counts(nlp, text)
    assert result.get("killed") == 1
    assert result.get("injured", 0) == 0


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # another age, another person
        (
            "A shooting on Elm Street has killed a 19-year-old. Police say the shooting critically injured a "
            "23-year-old.",
            1,
        ),
        # one family name, two first names: two people
        ("Tammy Ortega was killed in the shooting. A wounded Nina Ortega was taken to a hospital.", 1),
        # a headline run into the dead phrase names no one
        ("RELATED: Deputy Wounded, one suspect dead in shootout. A deputy was shot in the shoulder.", 1),
        ("One man was killed and two were wounded in the shooting.", 2),
        ("Two soldiers were killed and three wounded in the attack.", 3),
        ("A man was killed. His wife was listed in critical condition, police said.", 1),
    ],
)
def test_casualty_same_dead_other_people_stay_hurt(nlp: Language, text: str, injured: int) -> None:
    assert counts(nlp, text).get("injured", 0) == injured


def test_casualty_same_dead_hurt_animal_is_no_person(nlp: Language) -> None:
    text = "The rifle went off and struck the girl, killing her and injuring one of the family dogs, deputies said."
    result = counts(nlp, text)
    assert result.get("killed") == 1
    assert result.get("injured", 0) == 0
    # a person after "one of" still counts
    assert counts(nlp, "The blast injured one of the farm workers, deputies said.").get("injured") == 1


def test_casualty_same_dead_needs_an_age_or_a_full_name() -> None:
    text = "A man was killed. A man was wounded."
    dead = CasualtyFigure(
        kind="killed",
        value_text="A",
        start=0,
        end=1,
        count_min=1,
        count_max=1,
        victims="man",
        victims_start=2,
        victims_end=5,
    )
    hurt = CasualtyFigure(
        kind="injured",
        value_text="A",
        start=18,
        end=19,
        count_min=1,
        count_max=1,
        victims="man",
        victims_start=20,
        victims_end=23,
    )
    assert not the_dead_again(hurt, [dead], text)
