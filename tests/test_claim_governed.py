"""A rule cue run back over the verb that governs it as an infinitive of the same subject
(:func:`rashomon.extract.claim_cues.governed`): "tried to ask", not "forced him to say"."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.extract.claims import ClaimExtractor
from rashomon.records import Claim

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(claims_nlp: Language) -> Language:
    return claims_nlp


def ruled(nlp: Language, text: str) -> list[Claim]:
    """The rule claims of ``text`` (no tagger), offsets checked against the text."""
    found = ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))
    for claim in found:
        assert claim.cue is not None and text[claim.cue_start: claim.cue_end] == claim.cue
    return found


@pytest.mark.parametrize(
    ("text", "claimant", "cue"),
    [
        ("The senator tried to argue that the bill was unconstitutional.", "The senator", "tried to argue"),
        ("The governor has repeatedly tried to deny that he knew about the deal.", "The governor",
         "has repeatedly tried to deny"),
        ("The mayor plans to announce that the bridge will reopen in May.", "The mayor",
         "plans to announce"),
    ],
)
def test_claim_governed_cue_runs_back_over_the_governing_verb(nlp: Language, text: str, claimant: str,
                                                              cue: str) -> None:
    (claim,) = ruled(nlp, text)
    assert (claim.claimant, claim.cue) == (claimant, cue)
    assert claim.content_start is not None and claim.content_start >= claim.cue_end


@pytest.mark.parametrize(
    ("text", "governor"),
    [
        ("The officers forced the driver to admit that he had been drinking.", "forced"),
        ("The committee seemed to suggest that the vote would be delayed.", "seemed to"),
        ("The council continued to insist that the plant was safe.", "continued"),
    ],
)
def test_claim_governed_no_run_back_over_objects_impressions_or_own_cues(nlp: Language, text: str,
                                                                        governor: str) -> None:
    cues = [c.cue for c in ruled(nlp, text)]
    assert cues and not any(c is not None and c.startswith(governor) for c in cues)


def test_claim_governed_plain_cue_unchanged(nlp: Language) -> None:
    (claim,) = ruled(nlp, "The ministry said that three soldiers were wounded.")
    assert claim.cue == "said"
