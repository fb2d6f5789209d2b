"""The tagger's cue extent for a rule's cue (:mod:`rashomon.extract.claim_cues`): taken when it holds the rule
cue's word and stays off what is said; content moved off it; a cue over the claimant takes the tagger's."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from tests.test_claim_tagger_claimants import words

from rashomon.extract.attributions import Attribution
from rashomon.extract.claim_cues import beside, tagger_cue, to_noun

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(claims_nlp: Language) -> Language:
    return claims_nlp


def after(doc: Doc, text: str) -> tuple[int, int]:
    """Character offsets from the end of ``text`` (and one space) to the end of the sentence."""
    return doc.text.index(text) + len(text) + 1, len(doc.text) - 1


def rule(doc: Doc, source: str | None, cue: str, content: tuple[int, int] | None) -> Attribution:
    return Attribution(doc[:], words(doc, cue), words(doc, source) if source else None, content)


def model(doc: Doc, source: str | None, cue: str) -> Attribution:
    return Attribution(doc[:], words(doc, cue), words(doc, source) if source else None, None)


def test_claim_cues_occasion_phrase_joins_the_cue_and_leaves_the_content(nlp: Language) -> None:
    doc = nlp("The mayor said in a statement that the bridge would stay closed.")
    found = tagger_cue(rule(doc, "The mayor", "said", after(doc, "said")),
                       [model(doc, "The mayor", "said in a statement")])
    assert found.cue.text == "said in a statement"
    assert found.source is not None and found.source.text == "The mayor"
    assert found.content is not None and doc.text[found.content[0]:found.content[1]].startswith("that the bridge")


def test_claim_cues_cue_stopping_on_a_modifier_runs_on_to_its_noun(nlp: Language) -> None:
    doc = nlp("The mayor said in a statement that the bridge would stay closed.")
    assert to_noun(words(doc, "said in a")).text == "said in a statement"
    found = tagger_cue(rule(doc, "The mayor", "said", after(doc, "said")), [model(doc, None, "said in a")])
    assert found.cue.text == "said in a statement"


def test_claim_cues_object_before_the_said_clause_stays_out(nlp: Language) -> None:
    doc = nlp("Dana Whitfield, a county police spokeswoman, said a call to the dispatch center just before 2:15 p.m. "
              "Friday reported a wounded man at Fifth and Oak Streets.")
    found = tagger_cue(rule(doc, "Dana Whitfield, a county police spokeswoman", "said", after(doc, "said")),
                       [model(doc, None, "said a call")])
    assert found.cue.text == "said"


def test_claim_cues_words_of_the_said_clause_stay_out(nlp: Language) -> None:
    doc = nlp("The officials refused to answer questions about the fire.")
    found = tagger_cue(rule(doc, "The officials", "refused", after(doc, "refused")),
                       [model(doc, None, "refused to")])
    assert found.cue.text == "refused"


def test_claim_cues_content_words_of_the_rule_cue_are_kept(nlp: Language) -> None:
    doc = nlp("The officials are not sure whether the bridge will reopen.")
    found = tagger_cue(rule(doc, "The officials", "are not sure", after(doc, "sure")), [model(doc, None, "are")])
    assert found.cue.text == "are not sure"


def test_claim_cues_particles_of_the_rule_cue_may_go(nlp: Language) -> None:
    doc = nlp("The ministry is expected to announce the new rules on Friday.")
    found = tagger_cue(rule(doc, None, "is expected to", (0, len(doc.text) - 1)), [model(doc, None, "is expected")])
    assert found.cue.text == "is expected"
    assert found.content == (0, len(doc.text) - 1)  # a content around the cue stays


def test_claim_cues_cue_without_the_rule_cue_word_or_two_cues_change_nothing(nlp: Language) -> None:
    doc = nlp("The mayor said in a statement that the bridge would stay closed.")
    said = rule(doc, "The mayor", "said", after(doc, "said"))
    assert tagger_cue(said, [model(doc, None, "in a statement")]) is said
    assert tagger_cue(said, [model(doc, None, "said in"), model(doc, None, "said in a statement")]) is said
    assert tagger_cue(said, [model(doc, None, "said")]) is said
    assert tagger_cue(said, []) is said


def test_claim_cues_cue_over_the_rule_claimant_takes_the_tagger_claimant(nlp: Language) -> None:
    doc = nlp("The St. Paul City Council on Wednesday approved a resolution condemning the new ban.")
    found = tagger_cue(rule(doc, "a resolution", "condemning", after(doc, "condemning")),
                       [model(doc, "The St. Paul City Council", "approved a resolution condemning")])
    assert found.cue.text == "approved a resolution condemning"
    assert found.source is not None and found.source.text == "The St. Paul City Council"


def test_claim_cues_cue_over_the_rule_claimant_without_tagger_claimant_takes_the_subject(nlp: Language) -> None:
    doc = nlp("The city council on Wednesday approved a resolution condemning the new ban.")
    found = tagger_cue(rule(doc, "a resolution", "condemning", after(doc, "condemning")),
                       [model(doc, None, "approved a resolution condemning")])
    assert found.source is not None and found.source.text == "The city council"


def test_claim_cues_content_before_the_cue_ends_before_the_new_one(nlp: Language) -> None:
    doc = nlp("The bridge will stay closed, the mayor said on Friday.")
    old, new = words(doc, "said"), words(doc, "the mayor said")
    assert beside((0, doc.text.index(", the mayor")), old, new) == (0, doc.text.index(", the mayor"))
    assert beside((0, doc.text.index(" said")), old, new) == (0, doc.text.index(", the mayor"))
    assert beside((doc.text.index("said"), doc.text.index("said") + 2), words(doc, "mayor"), new) is None


def test_claim_cues_claims_component_takes_the_tagger_extent(nlp: Language) -> None:
    doc = nlp("The county's emergency management director said in a statement that the two bridges over the river "
              "would stay closed to all traffic until engineers had inspected them.")
    claims = [c for c in doc._.claims if c.cue is not None]
    assert [(c.claimant, c.cue) for c in claims] == [
        ("The county's emergency management director", "said in a statement")]
    assert claims[0].content_start == doc.text.index("that the two bridges")
