"""Acts told with a verb of aspect, effort, decision or intent and a to-infinitive ("The army continued to bombard
the town") are no claims, from the rules, the learned cue verbs or the tagger; intent with a statement or a
political act, threats and vows stay claims (:func:`rashomon.extract.cue_verbs.willed_act`)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.extract.claims import ClaimExtractor
from rashomon.extract.cue_verbs import willed_act
from rashomon.records import Claim

pytestmark = pytest.mark.slow


def combined_claims(nlp: Language, text: str) -> list[Claim]:
    """Claims with a cue, rules and tagger together (as the pipeline reads a report)."""
    return [c for c in ClaimExtractor(nlp, own_voice=False, model=True).match(nlp(text)) if c.cue is not None]


@pytest.mark.parametrize("text", [
    "The army continued to bombard the town.",
    "Azerbaijani forces sought to capture the heights near Lachin on Wednesday.",
    "He decided to skip class and went home.",
    "The militants planned to attack the convoy.",
    "Government troops began to shell the village on Tuesday.",
    "The rebels attempted to storm the base but were repelled.",
])
def test_claims_willed_act_is_no_claim(claims_nlp: Language, text: str) -> None:
    assert combined_claims(claims_nlp, text) == []


@pytest.mark.parametrize(("text", "claimant", "cue"), [
    ("The ministry vowed to retaliate.", "The ministry", "vowed"),
    ("Separatists threatened to blow up the bridge.", "Separatists", "threatened"),
    ("Cruz sought to convey that he is taking the news in stride.", "Cruz", "sought"),
    ("Armenian troops managed to repel the attack, the ministry said.", "the ministry", "said"),
])
def test_claims_willed_statements_and_threats_stay_claims(claims_nlp: Language, text: str, claimant: str,
                                                          cue: str) -> None:
    assert [(c.claimant, c.cue) for c in combined_claims(claims_nlp, text)] == [(claimant, cue)]


def test_claims_willed_act_needs_its_infinitive(claims_nlp: Language) -> None:
    doc = claims_nlp("Fighting continued. She tried to say that the shelling had stopped. Troops tried to seize it.")
    assert not willed_act(doc[1])  # "continued" without an infinitive
    tried = [t for t in doc if t.text == "tried"]
    assert [willed_act(t) for t in tried] == [False, True]  # "tried to say that ..." is a statement
