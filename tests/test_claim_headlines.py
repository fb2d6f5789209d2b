"""Headlines in title case: recognised, put in the body's case, and their attributions read off a re-parse."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from rashomon.extract.claim_headlines import body_forms, cue_forms, is_title_case, sentence_cased, worth_reparsing
from rashomon.extract.claims import ClaimExtractor

HEADLINE = "Glenn Beck Blasts Drudge for Mocking His Fast"
BODY = "Glenn Beck on Sunday criticized the Drudge Report over its coverage of his fast. Beck was mocking it."


@pytest.fixture(scope="module")
def nlp(claims_nlp: Language) -> Language:
    return claims_nlp


@pytest.mark.parametrize(
    ("line", "title"),
    [(HEADLINE, True), ("INDIANA'S DEMOGRAPHICS FAVOR CRUZ, BUT ECONOMY FAVORS TRUMP", True),
     ("Glenn Beck said on Sunday that the Drudge Report was wrong.", False), ("Related: Video", False)],
)
def test_claim_headlines_title_case_lines(line: str, title: bool) -> None:
    doc = spacy.blank("en")(line)
    assert is_title_case(doc[:]) is title  # minor words ("for") count neither way; short lines never


def test_claim_headlines_sentence_case_from_the_body() -> None:
    doc = spacy.blank("en")(HEADLINE + "\n" + BODY)
    headline = doc[: len(spacy.blank("en")(HEADLINE))]
    forms = body_forms(doc, [headline])
    assert forms["drudge"] == "Drudge" and forms["mocking"] == "mocking"
    cased = sentence_cased(headline, forms)
    assert cased == "Glenn Beck blasts Drudge for mocking his fast"  # names as the body writes them
    assert len(cased) == len(HEADLINE)


@pytest.mark.slow
def test_claim_headlines_cue_found_on_the_re_parse(nlp: Language) -> None:
    text = HEADLINE + "\n" + BODY
    claims = [c for c in nlp(text)._.claims if c.kind != "own_voice" and c.start < len(HEADLINE)]
    assert [(c.claimant, c.cue) for c in claims] == [("Glenn Beck", "Blasts")]
    (claim,) = claims
    assert text[claim.cue_start: claim.cue_end] == "Blasts"  # offsets into the article as written


@pytest.mark.slow
def test_claim_headlines_no_cue_no_claim(nlp: Language) -> None:
    text = "Senate Passes Budget Bill After Long Debate\nThe Senate passed the budget on Friday."
    rules = ClaimExtractor(nlp, model=False)  # the rules alone: no cue verb on the re-parse either
    assert [c.kind for c in rules.match(nlp(text))] == ["own_voice", "own_voice"]


def test_claim_headlines_only_lines_with_a_cue_form_are_parsed_again() -> None:
    assert {"says", "told", "slammed", "warns", "hoping", "confident"} <= cue_forms()
    assert "passes" not in cue_forms()
    blank = spacy.blank("en")
    assert worth_reparsing(blank("Trump Slams Media Over Poll Numbers")[:])
    assert not worth_reparsing(blank("Senate Passes Budget Bill After Long Debate")[:])
    assert not worth_reparsing(blank("Says Who")[:])  # the first word is not lowered, so not read again
