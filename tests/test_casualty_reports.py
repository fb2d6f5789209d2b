"""Sixth session: constructions read on the reports of multi-article GVA incidents (hand-built sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.extract.casualties import article_counts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(casualties_nlp: Language) -> Language:
    return casualties_nlp


def counts(nlp: Language, text: str) -> dict[str, int]:
    return dict(article_counts(list(nlp(text)._.casualties), text))


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
    # without "other" the three shot may include the dead man
    assert counts(nlp, text.replace("three other people", "three people")).get("injured", 0) == 0
