"""The trained attribution tagger: loading, tagging a copy of the Doc, pairing cues with sources, combining."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from rashomon.errors import ExtractError
from rashomon.extract.attribution_model import (
    MODEL_DIR,
    SPANS_KEY,
    bare_copy,
    combined,
    load_tagger,
    model_attributions,
    nearest,
    tag,
    tag_units,
    tagged,
    units_copy,
)
from rashomon.extract.attributions import Attribution
from rashomon.extract.claims import ClaimExtractor


def spans_doc(text: str, cues: list[tuple[int, int]], sources: list[tuple[int, int]]) -> Doc:
    """A blank-tokenized Doc with hand-placed tagger spans (token offsets)."""
    doc = spacy.blank("en")(text)
    doc.spans[SPANS_KEY] = [Span(doc, a, b, label="CUE") for a, b in cues] + \
        [Span(doc, a, b, label="SOURCE") for a, b in sources]
    return doc


def test_attribution_model_pairs_cue_with_nearest_source() -> None:
    #                  0    1       2    3   4 5     6    7      8   9       10
    doc = spans_doc("The mayor denied it , aides said the police had lied .", [(2, 3), (6, 7)], [(0, 2), (5, 6)])
    found = model_attributions(doc[0: len(doc)])
    assert [(a.cue.text, a.source.text if a.source else None) for a in found] == \
        [("denied", "The mayor"), ("said", "aides")]
    said = found[1]
    assert said.content is not None
    assert doc.text[said.content[0]: said.content[1]] == "the police had lied"


def test_attribution_model_cue_without_any_source_stands_alone() -> None:
    doc = spans_doc("It was said that the bridge fell .", [(1, 3)], [])
    [found] = model_attributions(doc[0: len(doc)])
    assert (found.cue.text, found.source) == ("was said", None)
    assert found.content is not None
    assert doc.text[found.content[0]: found.content[1]] == "that the bridge fell"


def test_attribution_model_reads_given_spans_instead_of_the_group() -> None:
    doc = spans_doc("Ann said it . Bob denied it .", [(1, 2), (5, 6)], [(0, 1), (4, 5)])
    given = [s for s in doc.spans[SPANS_KEY] if s.start >= 4]
    first, second = doc[0:4], doc[4:8]
    assert model_attributions(first, given) == []
    assert [(a.cue.text, a.source.text if a.source else None) for a in model_attributions(second, given)] == \
        [("denied", "Bob")]
    assert [a.cue.text for a in model_attributions(first)] == ["said"]


def test_attribution_model_bare_copy_keeps_words_and_sentence_starts_only() -> None:
    words = ["Ann", "said", "it", ".", "Bob", "denied", "it", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True, True, False, True, True, True, False, False],
              sent_starts=[True, False, False, False, True, False, False, False],
              tags=["NNP", "VBD", "PRP", ".", "NNP", "VBD", "PRP", "."])
    copy = bare_copy(doc)
    assert copy.vocab is doc.vocab
    assert copy.text == doc.text == "Ann said it. Bob denied it."
    assert [t.is_sent_start for t in copy] == [t.is_sent_start for t in doc]
    assert not copy.has_annotation("TAG") and not copy.has_annotation("DEP")
    unsplit = bare_copy(Doc(doc.vocab, words=words))
    assert not unsplit.has_annotation("SENT_START")


def test_attribution_model_units_copy_holds_only_the_chosen_units() -> None:
    doc = spacy.blank("en")("Ann said it . Bob ran off . Cy denied it .")
    copy, index = units_copy(doc, [doc[0:4], doc[8:12]])
    assert [t.text for t in copy] == ["Ann", "said", "it", ".", "Cy", "denied", "it", "."]
    assert index == [0, 1, 2, 3, 8, 9, 10, 11]
    assert [t.is_sent_start for t in copy] == [True, False, False, False, True, False, False, False]


def test_attribution_model_nearest_prefers_the_preceding_source_on_a_tie() -> None:
    doc = spans_doc("Ann said Bob", [(1, 2)], [(0, 1), (2, 3)])
    cue = doc.spans[SPANS_KEY][0]
    assert nearest(cue, [s for s in doc.spans[SPANS_KEY] if s.label_ == "SOURCE"]).text == "Ann"  # type: ignore[union-attr]
    assert nearest(cue, []) is None


def test_attribution_model_combined_keeps_rules_and_adds_unseen_cues() -> None:
    doc = spacy.blank("en")("Ann said it rained and in Bob 's view it snowed .")
    unit = doc[0: len(doc)]
    rule = Attribution(unit, doc[1:2], doc[0:1], (9, 18))
    same_cue = Attribution(unit, doc[1:2], doc[0:1], (0, 4))
    new = Attribution(unit, doc[5:9], doc[6:8], (40, 49))
    result = combined([rule], [same_cue, new])
    assert result == [rule, new]


@pytest.mark.slow
def test_attribution_model_loads_once_per_vocab(nlp: Language) -> None:
    assert load_tagger(nlp.vocab) is load_tagger(nlp.vocab)


def test_attribution_model_missing_weights_is_an_extract_error(tmp_path: Path) -> None:
    with pytest.raises(ExtractError) as raised:
        load_tagger(spacy.blank("en").vocab, tmp_path)
    assert raised.value.reason == "X002"


def test_attribution_model_weights_are_small() -> None:
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert 0 < size < 15 * 2 ** 20


@pytest.mark.slow
def test_attribution_model_tags_source_and_cue_and_keeps_entities(nlp: Language) -> None:
    doc = nlp("Police in Texas said the attack was planned for weeks.")
    entities = [(e.start, e.end, e.label_) for e in doc.ents]
    next(tag([doc]))
    assert [(e.start, e.end, e.label_) for e in doc.ents] == entities
    assert [s.text for s in tagged(doc, "SOURCE")] == ["Police in Texas"]
    assert [s.text for s in tagged(doc, "CUE")] == ["said"]


@pytest.mark.slow
def test_attribution_model_tag_units_maps_spans_back_and_skips_other_units(nlp: Language) -> None:
    doc = nlp("The weather was mild.\nPolice in Texas said the attack was planned for weeks.")
    units = [u for u in doc.sents if "Police" in u.text]
    [spans] = tag_units([(doc, units)])
    assert all(s.doc is doc and units[0].start <= s.start for s in spans)
    assert [(s.text, s.label_) for s in spans] == [("Police in Texas", "SOURCE"), ("said", "CUE")]
    assert tag_units([(doc, [])]) == [[]]


@pytest.mark.slow
def test_attribution_model_claims_component_adds_a_claim_the_rules_miss(nlp: Language) -> None:
    text = "Senator Smith seems convinced that he would not resign."
    doc = nlp(text)
    rules = ClaimExtractor(nlp, own_voice=False, model=False).match(doc)
    both = ClaimExtractor(nlp, own_voice=False, model=True).match(doc)
    assert rules == []  # "seems convinced" is no rule cue
    assert [(c.claimant, c.cue) for c in both] == [("Senator Smith", "seems convinced")]
    claim = both[0]
    assert text[claim.content_start: claim.content_end] == "that he would not resign"  # type: ignore[misc]
