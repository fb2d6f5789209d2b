"""Background sentences (another event than the lead's) on hand-built parsed texts."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.extract.casualty_background import is_background, lead_end, lead_year
from rashomon.extract.casualty_background import marked as background_marked
from rashomon.extract.sentences import LINE_BREAKS


@pytest.fixture(scope="module")
def nlp() -> Language:
    import spacy

    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe(LINE_BREAKS)  # the headline is a sentence of its own
    return pipeline


@pytest.mark.parametrize(
    ("sentence", "marked"),
    [
        ("Last year, three people were killed at the same bar.", True),
        ("Two years ago a man was shot on the same corner.", True),
        ("In a separate shooting, a woman was wounded.", True),
        ("It was the deadliest attack in the state since 1999.", True),
        ("It was the second fatal shooting in as many months.", True),
        ("It was the second murder-suicide in Utah in just two days.", True),
        ("The shooting came after an attack at a nightclub in Florida left 49 people dead.", True),
        ("Saturday's incident follows the fatal shooting of a 3-year-old girl.", True),
        ("The arrest came after a shooting that left two people dead.", False),
        ("Earlier Thursday, a 21-year-old man was fatally shot in North Philadelphia.", True),
        ("Earlier reports said two people were shot.", False),
        ("Earlier, a man and woman were shot to death by police.", True),
        ("The victim had been acting strangely for several months before the shooting.", False),
        ("He was taken to a hospital, where he died.", False),
        ("Since March 3, 2012, 57 children have been killed by guns in the state.", True),
        ("Since 2010, 12 officers were wounded on duty in the county.", True),
        ("There have been 45 such shootings this summer, and 11 children died.", True),
        ("Police said the man had been held since Sunday, when two people were shot.", False),
        ("There has been no arrest in the shooting that killed two men.", False),
    ],
)
def test_casualty_background_markers(sentence: str, marked: bool) -> None:
    assert background_marked(sentence) is marked


def test_casualty_background_lead_is_never_background(nlp: Language) -> None:
    doc = nlp(
        "Man shot where three died last year\n\nLast year, a man was shot at the bar. "
        "Last year, three people were killed at the bar."
    )
    end = lead_end(doc)
    sents = [s for s in doc.sents if s.text.strip()]
    assert [is_background(s, end, None) for s in sents] == [False, False, True]


def test_casualty_background_older_year_than_the_lead(nlp: Language) -> None:
    doc = nlp(
        "Man shot dead in 2016 robbery\n\nA man was shot dead on Friday. "
        "A similar robbery in 2012 left two men dead. Police said the gun was stolen in 2016."
    )
    end = lead_end(doc)
    assert lead_year(doc, end) == 2016
    sents = [s for s in doc.sents if s.text.strip()]
    assert [is_background(s, end, 2016) for s in sents[-2:]] == [True, False]
