"""People hurt beside the dead: who survives, who is a re-mention of the dead, one construction each."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.extract.casualties import article_counts
from rashomon.records import CasualtyFigure

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(casualties_nlp: Language) -> Language:
    return casualties_nlp


def figures(nlp: Language, text: str) -> list[CasualtyFigure]:
    return list(nlp(text)._.casualties)


def counts(nlp: Language, text: str) -> dict[str, int]:
    return dict(article_counts(figures(nlp, text), text))


def test_casualty_survivors_injured_noun_beside_a_death_is_injured(nlp: Language) -> None:
    assert counts(nlp, "A young girl was killed and her father was injured in a shooting.") == {
        "killed": 1,
        "injured": 1,
    }
    # a pronoun hurt where deaths are reported may still be the dead person
    assert counts(nlp, "A man was killed. He was shot in the chest and taken to a hospital.") == {"killed": 1}


def test_casualty_survivors_the_other_man_is_not_the_dead_of_his_sentence(nlp: Language) -> None:
    text = "A gunman opened fire, killing Lewis and critically wounding the other man."
    assert [(f.kind, f.same_as) for f in figures(nlp, text)] == [("killed", None), ("injured", None)]
    assert counts(nlp, text) == {"killed": 1, "injured": 1}


def test_casualty_survivors_two_nouns_of_one_sentence_are_two_people(nlp: Language) -> None:
    text = "A father was killed and his son was shot on Saturday. The boy is listed in serious condition."
    found = figures(nlp, text)
    assert [(f.kind, f.value_text, f.same_as) for f in found] == [
        ("killed", "A", None),
        ("injured", "son", None),
        ("injured", "boy", 1),
    ]
    assert counts(nlp, text) == {"killed": 1, "injured": 1}


def test_casualty_survivors_someone_in_a_condition_is_not_the_dead(nlp: Language) -> None:
    text = "The father was killed in the shooting on Monica. The 4-year-old was listed in serious condition."
    found = figures(nlp, text)
    assert [(f.kind, f.same_as) for f in found] == [("killed", None), ("injured", None)]


def test_casualty_survivors_survival_words_make_the_shot_injured(nlp: Language) -> None:
    text = (
        "A man was killed in the shooting. A woman was shot and taken to the hospital with "
        "non-life-threatening injuries."
    )
    assert counts(nlp, text) == {"killed": 1, "injured": 1}
    # without the text the survival words cannot be read: "shot" beside a death stays the dead's
    assert article_counts(figures(nlp, text)) == {"killed": 1}
    treated = "Two people were killed. Four others were struck by gunfire and treated for injuries."
    assert counts(nlp, treated) == {"killed": 2, "injured": 4}


def test_casualty_survivors_anyone_else_is_no_one_more(nlp: Language) -> None:
    assert counts(nlp, "Two people were killed. No officers or anyone else was injured.").get("injured", 0) == 0


def test_casualty_survivors_a_pronoun_agrees_in_gender(nlp: Language) -> None:
    found = figures(nlp, "A girl was shot Sunday. He was taken to a hospital.")
    assert [f.same_as for f in found] == [None, None]
    found = figures(nlp, "A boy was shot Sunday. He was taken to a hospital.")
    assert [f.same_as for f in found] == [None, 0]


def test_casualty_survivors_a_name_suffix_is_no_shared_name(nlp: Language) -> None:
    text = "Kalila Hollis was killed and Timothy Hollis Jr. was injured."
    assert [f.same_as for f in figures(nlp, text)] == [None, None]
    assert counts(nlp, text) == {"killed": 1, "injured": 1}


def test_casualty_survivors_counted_people_shot_at_a_place_were_hit(nlp: Language) -> None:
    assert counts(nlp, "Four people shot at hotel in Ozark") == {"injured": 4}
    assert figures(nlp, "Two gunmen shot at officers in Ozark.") == []


def test_casualty_survivors_both_victims_are_two_people(nlp: Language) -> None:
    text = (
        "Two men are accused of shooting a 7-year-old and her father as they walked home. "
        "Both victims were taken to a hospital and treated for their injuries."
    )
    assert counts(nlp, text) == {"injured": 2}
    assert counts(nlp, "A 7-year-old was shot on Main Street. She was taken to a hospital.") == {"injured": 1}
