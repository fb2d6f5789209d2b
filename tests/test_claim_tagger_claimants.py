"""Claimants of the tagger's attributions read off the parse (:mod:`rashomon.extract.tagger_claimants`): the cue
verb's own subject over a tagger source that is another verb's subject, a name after a quote and a space token,
the giver of a faced opposition."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from rashomon.extract.attributions import Attribution
from rashomon.extract.tagger_claimants import parsed_claimant

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(claims_nlp: Language) -> Language:
    return claims_nlp


def words(doc: Doc, text: str) -> Span:
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    assert span is not None
    return span


def test_claim_tagger_claimants_cue_verb_keeps_its_own_subject(nlp: Language) -> None:
    doc = nlp("While Clinton wrongly claimed that the videos exist, foreign policy experts affirm that it is likely.")
    found = parsed_claimant(Attribution(doc[:], words(doc, "affirm"), words(doc, "Clinton"), (0, len(doc.text))))
    assert found.source is not None and found.source.text == "foreign policy experts"


def test_claim_tagger_claimants_source_that_is_the_cue_verbs_subject_stays(nlp: Language) -> None:
    doc = nlp("Foreign policy experts affirm that it is likely.")
    source = words(doc, "Foreign policy experts")
    found = parsed_claimant(Attribution(doc[:], words(doc, "affirm"), source, (0, len(doc.text))))
    assert found.source == source


def test_claim_tagger_claimants_name_after_quote_and_space(nlp: Language) -> None:
    doc = nlp("“The report proves the delays were real,”\u00a0added Gowdy.")
    found = parsed_claimant(Attribution(doc[:], words(doc, "added"), None, (0, len(doc.text))))
    assert found.source is not None and found.source.text == "Gowdy"


def test_claim_tagger_claimants_faced_opposition_from_the_giver(nlp: Language) -> None:
    doc = nlp("The owner faced stern opposition from the club's homeowners to his plan.")
    found = parsed_claimant(Attribution(doc[:], words(doc, "faced stern opposition"), None, (0, len(doc.text))))
    assert found.source is not None and found.source.text == "the club's homeowners"
