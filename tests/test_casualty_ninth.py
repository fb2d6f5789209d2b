"""Ninth session: one victim counted both dead and hurt, and the hurt still missed (hand-built sentences)."""

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
        "A teenage boy shot in the neck behind the school died Friday, three days after the shooting.",
        "A teenager shot in the chest outside her apartment has died.",
        "Woman shot by her neighbor in parking lot dies",
        "Riverton - A Riverton man wounded in a triple shooting that killed his uncle died Tuesday.",
        "Police tape (Photo: File) Riverton - A local man wounded in a triple shooting that killed his "
        "uncle died Tuesday, according to the coroner.",
    ],
)
def test_casualty_ninth_hurt_then_died_is_one_death_not_an_injury(nlp: Language, text: str) -> None:
    # the participle the parser makes the clause's verb, "died" hung on it with no person for a subject
    result = counts(nlp, text)
    assert result.get("killed", 0) >= 1
    assert result.get("injured", 0) == 0


def test_casualty_ninth_shooter_who_died_keeps_his_victim_hurt(nlp: Language) -> None:
    # "shot" has an object: the one who died is the shooter; the clerk he shot is not the one who died
    doc = nlp("A gunman shot a clerk in the arm on Elm Road before he died in a crash.")
    kinds = {f.victims: f.kind for f in doc._.casualties}
    assert kinds == {"gunman": "killed", "clerk": "injured"}


def test_casualty_ninth_a_harm_verb_elsewhere_does_not_die(nlp: Language) -> None:
    # "died" with no subject of its own, but the people shot are not in its phrase nor its head
    text = "A boy and a man were wounded at noon on Elm Road.\n\nOfficials confirmed the boy, Jon Smith, died Friday."
    kinds = [f.kind for f in nlp(text)._.casualties]
    assert kinds == ["injured", "injured", "killed"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Three people were injured, including a 20-year-old woman who later succumbed to her injuries.",
            {"killed": 1, "injured": 2},
        ),
        (
            "A gunfight erupted outside the hall, leaving five people wounded -- two mortally, police said.",
            {"killed": 2, "injured": 3},
        ),
    ],
)
def test_casualty_ninth_dead_included_in_the_hurt_count_are_not_hurt(
    nlp: Language, text: str, expected: dict[str, int]
) -> None:
    assert counts(nlp, text) == expected


def test_casualty_ninth_a_death_beside_the_hurt_count_is_one_more_person(nlp: Language) -> None:
    # no "including": the one killed is not among the four wounded
    text = "Four people were wounded in the attack and a fifth person was killed."
    assert counts(nlp, text) == {"killed": 1, "injured": 4}


@pytest.mark.parametrize(
    ("treated", "injured"),
    [("was treated for drug abuse last year", 0), ("was treated for minor gunshot wounds", 1)],
)
def test_casualty_ninth_treated_for_a_wound_is_a_survivor(nlp: Language, treated: str, injured: int) -> None:
    text = f"Two women were killed in the house on Elm Road. A neighbor who was shot {treated}, police said."
    assert counts(nlp, text).get("injured", 0) == injured


def test_casualty_ninth_a_list_of_links_is_other_stories(nlp: Language) -> None:
    text = (
        "Police are investigating a shooting on Elm Road on Friday.\n\nMORE FROM THE STATION\n\n"
        "+ 1 dead, 1 wounded in Oak Park shooting\n\n+ Council approves new budget\n\n"
        "A man was wounded in the arm on Elm Road."
    )
    assert counts(nlp, text) == {"injured": 1}


def test_casualty_ninth_no_figure_points_back_at_a_link(nlp: Language) -> None:
    text = (
        "A driver said another car followed her on Elm Road on Friday.\n\nMORE FROM THE STATION\n\n"
        "+ Man who was shot by police identified, in critical condition\n\n+ Council approves new budget\n\n"
        "The bullet struck her friend in the back seat."
    )
    figures = nlp(text)._.casualties
    friend = next(f for f in figures if f.victims == "friend")
    assert friend.same_as is None
    assert counts(nlp, text) == {"injured": 1}


@pytest.mark.parametrize(
    "text",
    [
        "A 6-year-old boy was killed in a drive-by shooting on Elm Road on Friday. Police said the gunmen killed "
        "the boy and wounded his 11-year-old brother.",
        "Two-year-old Tom Jenkins died after a shooting on Elm Road. Jenkins' baby sister suffered non-life "
        "threatening injuries.",
    ],
)
def test_casualty_ninth_a_relative_named_through_the_dead_is_someone_else(nlp: Language, text: str) -> None:
    assert counts(nlp, text) == {"killed": 1, "injured": 1}


def test_casualty_ninth_a_relative_still_re_mentions_the_same_noun(nlp: Language) -> None:
    text = "A man and his brother were wounded on Elm Road on Friday. His brother was taken to the hospital."
    figures = nlp(text)._.casualties
    assert figures[-1].victims == "brother"
    assert figures[-1].same_as is not None
    assert counts(nlp, text) == {"injured": 2}


def test_casualty_ninth_a_noun_also_shot_is_one_more_person(nlp: Language) -> None:
    text = (
        "Amari Brown, 7, was killed by a stray bullet on Elm Road on Friday. The woman was also shot in the chest "
        "and is in stable condition."
    )
    woman = next(f for f in nlp(text)._.casualties if f.victims == "woman")
    assert woman.same_as is None
    assert counts(nlp, text) == {"killed": 1, "injured": 1}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two victims died at the scene, and three were hospitalized with cuts.", {"killed": 2, "injured": 3}),
        ("Two men died and a woman was taken to the hospital.", {"killed": 2, "injured": 1}),
        # the hurt told first: the dead are among them
        ("Four people were taken to the hospital, where two died.", {"killed": 2, "injured": 2}),
        ("Three people were shot on Elm Road on Friday and one died.", {"killed": 1, "injured": 2}),
    ],
)
def test_casualty_ninth_hospitalized_after_the_dead_are_others(
    nlp: Language, text: str, expected: dict[str, int]
) -> None:
    assert counts(nlp, text) == expected


def test_casualty_ninth_the_second_suspect_is_not_the_child_hurt(nlp: Language) -> None:
    text = (
        "A shooting on Elm Road left four people dead and one person injured. The child was taken to the hospital "
        "for evaluation. Police said the second suspect was found dead later Friday."
    )
    suspect = next(f for f in nlp(text)._.casualties if f.victims == "second suspect")
    assert suspect.same_as is None
    assert counts(nlp, text).get("injured", 0) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A brawl outside the bar killed one man and wounded as many as four people.", {"killed": 1, "injured": 4}),
        ("Up to three people were wounded in the shooting on Elm Road.", {"injured": 3}),
        ("Several people were wounded in the shooting on Elm Road.", {"injured": 3}),  # vague: the lower bound
    ],
)
def test_casualty_ninth_as_many_as_counts_the_number_told(
    nlp: Language, text: str, expected: dict[str, int]
) -> None:
    assert counts(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Teen shot, killed outside his school in broad daylight", {"killed": 1}),
        ("Man shot, wounded on Elm Road", {"injured": 1}),
    ],
)
def test_casualty_ninth_shot_comma_killed_is_a_death(nlp: Language, text: str, expected: dict[str, int]) -> None:
    assert counts(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As many as five people were wounded in the shelling.", {"injured": 5}),
        ("Up to four people were hurt in the blast.", {"injured": 4}),
        # other ranges keep their lower bound
        ("One or two soldiers were killed in the attack on Monday.", {"killed": 1}),
        ("Between one and three people were injured in the blast.", {"injured": 1}),
    ],
)
def test_casualty_ninth_only_up_to_counts_its_number(nlp: Language, text: str, expected: dict[str, int]) -> None:
    assert counts(nlp, text) == expected


def test_casualty_ninth_an_including_phrase_ends_at_its_comma(nlp: Language) -> None:
    text = "Five people were wounded, including two children, and three were killed in the shelling."
    assert counts(nlp, text) == {"injured": 5, "killed": 3}
    assert counts(nlp, "Three people were injured, including a woman who later died.") == {"injured": 2, "killed": 1}
