"""The learned cue-verb lexicon (:mod:`rashomon.extract.cue_verbs`): verbs outside the lexicon that the shipped
model takes for cues, the frames it never decides on (an object alone, perception clauses, times), its tentative
cues, and its weights file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language

from rashomon.errors import ExtractError
from rashomon.extract import cue_verbs
from rashomon.extract.claims import ClaimExtractor, tentative, to_tag
from rashomon.records import Claim

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(claims_nlp: Language) -> Language:
    return claims_nlp


def rule_claims(nlp: Language, text: str) -> list[Claim]:
    found = ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))
    for claim in found:
        assert claim.cue is not None and text[claim.cue_start: claim.cue_end] == claim.cue
    return found


@pytest.mark.parametrize(
    ("text", "claimant", "cue", "content"),
    [
        ("Cruz sought to convey that he is taking the news in stride.", "Cruz", "sought",
         "to convey that he is taking the news in stride"),
    ],
)
def test_claims_learned_verb_outside_the_lexicon_is_a_cue(nlp: Language, text: str, claimant: str, cue: str,
                                                           content: str) -> None:
    assert "seek" not in cue_verbs.KNOWN and "decide" not in cue_verbs.KNOWN
    (claim,) = rule_claims(nlp, text)
    assert (claim.claimant, claim.cue) == (claimant, cue)
    assert text[claim.content_start: claim.content_end] == content


@pytest.mark.parametrize("text", [
    "The army seized the heights.", "She saw the soldiers near the bridge.",
    "A loud bang woke the neighbours around 11pm Saturday.", "She saw a young man cross the street.",
    "A gun battle erupted involving two men.", "The suspect fled to Mexico.",
    "Officers went to the house on Main Street.", "The teen was laying out his clothes for work.",
    "Clinton tried to brush aside her loss.",
])
def test_claims_learned_actions_and_impressions_are_no_cue(nlp: Language, text: str) -> None:
    assert rule_claims(nlp, text) == []


def test_claims_learned_impression_is_no_claim_of_its_subject(nlp: Language) -> None:
    # the learned model leaves *seem* alone; the impression rule (claim_findings) gives it no claimant
    (claim,) = rule_claims(nlp, "Clinton seemed to be ready to riff on the incident.")
    assert (claim.claimant, claim.cue) == (None, "seemed")


def test_claims_learned_cue_inside_another_claim_is_part_of_it(nlp: Language) -> None:
    alone = rule_claims(nlp, "The opposition sought to delay the vote.")
    assert [(c.claimant, c.cue) for c in alone] == [("The opposition", "sought")]
    for text in ("The speaker claimed that the opposition sought to delay the vote.",
                 "The opposition sought to delay the vote, the speaker claimed."):
        assert [c.cue for c in rule_claims(nlp, text)] == ["claimed"]


def test_claims_learned_frames_the_model_never_decides_on(nlp: Language) -> None:
    def decided(text: str, word: str) -> bool:
        doc = nlp(text)
        verb = next(t for t in doc if t.text == word)
        return cue_verbs.candidate(verb, doc[:]) is not None

    assert decided("The governor decided to veto the bill.", "decided")
    assert not decided("The army seized the heights.", "seized")  # an object alone
    assert not decided("A loud bang woke the neighbours around 11pm Saturday.", "woke")  # a time
    assert not decided("She saw a young man cross the street.", "saw")  # a bare clause of perception
    assert not decided("The man walked to the store.", "walked")  # no content
    assert not decided("The bill was rejected by the senators.", "rejected")  # passive
    assert not decided("The senator said that the bill failed.", "said")  # the lexicon's


def test_claims_learned_cue_is_tentative_and_leaves_its_unit_to_the_tagger(nlp: Language) -> None:
    extractor = ClaimExtractor(nlp, own_voice=False, model=False)
    regions, units = extractor.rule_pass(nlp("The governor sought to veto the bill."))
    ((unit, rules),) = units
    assert [(r.learned, tentative(r)) for r in rules] == [(True, True)]
    assert to_tag(regions, units) == [unit]


def test_claims_learned_probability_reads_lemma_and_frame(nlp: Language) -> None:
    model = cue_verbs.shipped()
    doc = nlp("The governor decided to veto the bill. The governor walked to the store.")
    decided, walked = (t for t in doc if t.text in ("decided", "walked"))
    assert model.probability(decided, doc[1]) >= model.threshold
    assert model.probability(walked, doc[9]) < model.threshold
    active = set(cue_verbs.active(decided, doc[1]))
    assert {"xcomp_to", "subj_noun", "tag_VBD", "dep_ROOT"} <= active
    assert cue_verbs.frame(decided, doc[1]).sum() == len(active)


def test_claims_learned_weights_round_trip_and_fail_loudly(tmp_path: Path) -> None:
    model = cue_verbs.shipped()
    assert model.frame.shape == (len(cue_verbs.FRAME_NAMES),) and 0.0 < model.threshold < 1.0
    path = tmp_path / "cue_verbs.json"
    model.save(path)
    again = cue_verbs.CueVerbModel.load(path)
    assert np.allclose(again.vector, model.vector, atol=1e-5) and again.lemmas == model.lemmas
    with pytest.raises(ExtractError, match="X002"):
        cue_verbs.CueVerbModel.load(tmp_path / "missing.json")
    path.write_text('{"frame_names": ["other"]}', encoding="utf-8")
    with pytest.raises(ExtractError, match="X002"):
        cue_verbs.CueVerbModel.load(path)
