"""The trained attribution tagger: features, head, decoding, loading, pairing cues with sources, combining."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span

from rashomon.errors import ExtractError
from rashomon.extract.attribution_model import (
    MODEL_DIR,
    SPANS_KEY,
    TAGS,
    Featurizer,
    FirstLayer,
    Head,
    Spec,
    best_tags,
    combined,
    cue_lemmas,
    decode,
    lacks_clause,
    load_tagger,
    model_attributions,
    nearest,
    rate_bin,
    subtree_edges,
    tag,
    tag_units,
    tagged,
    viterbi,
    viterbi_stretches,
    whole_phrase,
    windows,
)
from rashomon.extract.attributions import Attribution
from rashomon.extract.claims import ClaimExtractor


def spans_doc(text: str, cues: list[tuple[int, int]], sources: list[tuple[int, int]]) -> Doc:
    """A blank-tokenized Doc with hand-placed tagger spans (token offsets)."""
    doc = spacy.blank("en")(text)
    doc.spans[SPANS_KEY] = [Span(doc, a, b, label="CUE") for a, b in cues] + \
        [Span(doc, a, b, label="SOURCE") for a, b in sources]
    return doc


def tag_ids(*names: str) -> np.ndarray:
    return np.array([TAGS.index(name) for name in names], dtype=np.int64)


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


def test_attribution_model_decode_reads_bio_spans() -> None:
    tags = tag_ids("B-SOURCE", "I-SOURCE", "B-CUE", "O", "B-SOURCE", "B-SOURCE", "I-SOURCE")
    assert decode(tags, np.zeros(len(tags), dtype=bool)) == [(0, 2, "SOURCE"), (2, 3, "CUE"), (4, 5, "SOURCE"),
                                                            (5, 7, "SOURCE")]


def test_attribution_model_decode_opens_a_span_on_a_stray_inside_tag() -> None:
    tags = tag_ids("O", "I-CUE", "I-CUE", "I-SOURCE", "O")
    assert decode(tags, np.zeros(len(tags), dtype=bool)) == [(1, 3, "CUE"), (3, 4, "SOURCE")]


def test_attribution_model_decode_closes_spans_at_unit_starts() -> None:
    tags = tag_ids("B-SOURCE", "I-SOURCE", "I-SOURCE", "I-SOURCE")
    starts = np.array([True, False, True, False])
    assert decode(tags, starts) == [(0, 2, "SOURCE"), (2, 4, "SOURCE")]
    assert decode(tag_ids("O", "O"), np.array([True, True])) == []


def test_attribution_model_windows_pad_with_zeros() -> None:
    features = np.arange(1, 7, dtype=np.float32).reshape(3, 2)
    rows = windows(features, np.array([0, 2]), 1)
    assert rows.tolist() == [[0, 0, 1, 2, 3, 4], [3, 4, 5, 6, 0, 0]]


def test_attribution_model_head_round_trips_through_files(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    spec = Spec(("nsubj", "ROOT"), ("say",), tensor_width=4, window=1)
    weights = [rng.standard_normal((6, 3)).astype(np.float32), np.zeros(3, dtype=np.float32),
               rng.standard_normal((3, 5)).astype(np.float32), np.ones(5, dtype=np.float32)]
    head = Head(spec, weights)
    head.save(tmp_path)
    loaded = Head.load(tmp_path)
    inputs = rng.standard_normal((7, 6)).astype(np.float32)
    assert loaded.spec == spec
    assert np.allclose(loaded.scores(inputs), head.scores(inputs), atol=0.05)
    hidden = np.maximum(inputs @ weights[0], 0.0)
    assert np.allclose(head.scores(inputs), hidden @ weights[2] + 1.0, atol=1e-5)


def test_attribution_model_features_need_the_host_tensor() -> None:
    doc = spacy.blank("en")("Ann said it .")
    with pytest.raises(ExtractError) as raised:
        Featurizer(Spec(("nsubj",), cue_lemmas()))(doc)
    assert raised.value.reason == "X006"


def test_attribution_model_cue_lemmas_come_from_the_rules_lexicon() -> None:
    lemmas = cue_lemmas()
    assert {"say", "according", "claim"} <= set(lemmas)
    assert list(lemmas) == sorted(set(lemmas))


def test_attribution_model_rate_bins() -> None:
    assert [rate_bin(r) for r in (0.0, 0.019, 0.02, 0.2, 0.3, 0.59, 0.6, 1.0)] == [0, 0, 1, 2, 3, 3, 4, 4]


def test_attribution_model_spec_keeps_lemma_bins_through_json() -> None:
    spec = Spec(("nsubj",), ("say",), 96, 2, (("official", 0, 3), ("also", 3, 0)))
    assert Spec.from_json(spec.to_json()) == spec
    with pytest.raises(ValueError):
        Spec.from_json({"deps": ["nsubj"]})


def test_attribution_model_spec_keeps_tag_bias_through_json() -> None:
    spec = Spec(("nsubj",), ("say",), 96, 2, (), (-0.5, 0.0, 0.0, 0.0, 0.0))
    assert Spec.from_json(spec.to_json()) == spec
    older = {k: v for k, v in spec.to_json().items() if k != "tag_bias"}
    assert Spec.from_json(older) == Spec(("nsubj",), ("say",), 96, 2)  # an older head.json: no bias
    with pytest.raises(ValueError):
        Spec.from_json({**spec.to_json(), "tag_bias": [0.0, 1.0]})


def test_attribution_model_tag_bias_trades_o_for_a_cue() -> None:
    #                 O     B-CUE I-CUE B-SRC I-SRC: "said" is a cue with probability 0.35, O 0.55
    scores = np.log(np.array([[0.97, 0.01, 0.0, 0.01, 0.01],
                              [0.55, 0.35, 0.0, 0.05, 0.05]], dtype=np.float32) + 1e-6)
    starts = np.array([True, False])
    assert best_tags(scores, starts).tolist() == [0, 0]
    assert best_tags(scores, starts, (-0.5, 0.0, 0.0, 0.0, 0.0)).tolist() == [0, 1]


def test_attribution_model_tag_bias_leaves_near_certain_o_alone() -> None:
    # O at 0.997 is near-certain before the bias: a bias on O does not open a stretch there (which would make
    # every token of a Doc a stretch to decode); at 0.9 it does, and the bias turns it into a cue
    scores = np.log(np.array([[0.997, 0.003, 0.0, 0.0, 0.0],
                              [0.9, 0.1, 0.0, 0.0, 0.0]], dtype=np.float32) + 1e-9)
    starts = np.array([True, True])
    assert best_tags(scores, starts, (-7.0, 0.0, 0.0, 0.0, 0.0)).tolist() == [0, 1]


def test_attribution_model_viterbi_stretches_follow_the_reference_step_for_step() -> None:
    rng = np.random.default_rng(7)
    lengths = np.array([1, 2, 3, 7, 12, 30, 1, 5])
    rows = np.round(rng.normal(size=(len(lengths), int(lengths.max()), 5)), 1)  # rounded: many ties
    rows[2, :, :] = 0.0  # every tag equally likely: ties all the way
    rows[3, 1:, 0] = -np.inf  # O impossible after the first row
    found = viterbi_stretches(rows, lengths)
    for k, length in enumerate(lengths.tolist()):
        assert found[k, :length].tolist() == viterbi(rows[k, :length].tolist())


def test_attribution_model_best_tags_decodes_each_stretch_as_the_reference() -> None:
    rng = np.random.default_rng(3)
    scores = (rng.normal(size=(400, 5)) * 3).astype(np.float32)
    scores[::7, 0] += 12.0  # near-certain O rows split the units into stretches
    starts = rng.random(400) < 0.05
    starts[0] = True
    log_probs = scores - scores.max(axis=1, keepdims=True)
    log_probs -= np.log(np.exp(log_probs).sum(axis=1, keepdims=True))
    expected = np.zeros(400, dtype=np.int64)
    stretch: list[int] = []
    for i in range(401):  # the reference: one ``viterbi`` per stretch of rows whose O is not near-certain
        if stretch and (i == 400 or starts[i] or log_probs[i, 0] >= np.log(0.995)):
            expected[stretch] = viterbi(log_probs[stretch].tolist())
            stretch = []
        if i < 400 and log_probs[i, 0] < np.log(0.995):
            stretch.append(i)
    assert best_tags(scores, starts).tolist() == expected.tolist()


def test_attribution_model_first_layer_equals_the_product_of_the_windows() -> None:
    rng = np.random.default_rng(5)
    spec = Spec(("nsubj",), ("say",), tensor_width=6, window=2)
    width, hidden = 11, 4
    weights = [rng.normal(size=(5 * width, hidden)).astype(np.float32), rng.normal(size=hidden).astype(np.float32),
               rng.normal(size=(hidden, 5)).astype(np.float32), rng.normal(size=5).astype(np.float32)]
    head = Head(spec, weights)
    padded = np.zeros((2 + 9 + 2 + 7 + 2, width), dtype=np.float32)  # two Docs, two zero rows around each
    for first, count in ((2, 9), (13, 7)):
        padded[first: first + count, :6] = rng.normal(size=(count, 6))
        padded[first: first + count, 6:] = rng.random((count, 5)) < 0.4  # the other features are 0 or 1
    rows = np.array([2, 3, 4, 10, 13, 15, 19])
    expected = windows(padded, rows, 2) @ weights[0] + weights[1]
    found = FirstLayer(weights[0], weights[1], 2, 6)(padded, rows)
    np.testing.assert_allclose(found, expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(head.rest(found), head.scores(windows(padded, rows, 2)), rtol=1e-4, atol=1e-4)


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


def test_attribution_model_missing_weights_is_an_extract_error(tmp_path: Path) -> None:
    with pytest.raises(ExtractError) as raised:
        load_tagger(spacy.blank("en").vocab, tmp_path)
    assert raised.value.reason == "X002"


def test_attribution_model_weights_are_small() -> None:
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert 0 < size < 3 * 2 ** 20


@pytest.mark.slow
def test_attribution_model_loads_once(nlp: Language) -> None:
    assert load_tagger(nlp.vocab) is load_tagger(nlp.vocab)


@pytest.mark.slow
def test_attribution_model_subtree_edges_match_the_parse(nlp: Language) -> None:
    doc = nlp("The mayor of the small town, John Smith, said on Monday that the bridge, which collapsed, "
              "was unsafe.\nIt rained.")
    left, right = subtree_edges(np.arange(len(doc)) + doc.to_array(HEAD).astype(np.int64))
    assert left.tolist() == [t.left_edge.i for t in doc]
    assert right.tolist() == [t.right_edge.i for t in doc]


@pytest.mark.slow
def test_attribution_model_features_mark_the_path_to_a_cue(nlp: Language) -> None:
    doc = nlp("The mayor of Springfield said the bridge was unsafe.")
    load_tagger(nlp.vocab)
    featurizer = Featurizer(load_tagger().head.spec)
    rows = featurizer(doc)
    assert rows.shape == (len(doc), featurizer.width)
    assert np.allclose(rows[:, : featurizer.pos_at], doc.tensor)
    cue_column = featurizer.flag_at
    assert [t.text for t in doc if rows[t.i, cue_column]] == ["said"]
    found_column = featurizer.width - 3
    assert [t.text for t in doc if rows[t.i, found_column]] == [t.text for t in doc if t.text != "said"]


@pytest.mark.slow
def test_attribution_model_whole_phrase_widens_a_source_cut_at_a_modifier(nlp: Language) -> None:
    doc = nlp("The agency that tracks the storms said the roads were closed.")
    said = next(t.i for t in doc if t.text == "said")
    assert doc[slice(*whole_phrase(doc, 0, 1, {said}))].text == "The agency that tracks the storms"
    assert whole_phrase(doc, 0, 2, {said}) == (0, 2)  # "The agency" ends on its noun: left as it is
    assert whole_phrase(doc, 1, 2, {said}) == (1, 2)


@pytest.mark.slow
def test_attribution_model_publishing_without_a_clause_is_no_cue(nlp: Language) -> None:
    video = nlp("The ministry published a video of the strike.")
    said = nlp("The ministry said the strike failed.")
    assert lacks_clause(video[2:3])
    assert not lacks_clause(said[2:3])


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
def test_attribution_model_docs_tagged_together_as_one_by_one(nlp: Language) -> None:
    docs = [nlp("Police in Texas said the attack was planned for weeks."),
            nlp("The weather was mild.\nA spokesman told reporters that two men were arrested."),
            nlp("Nothing was said.")]
    selections = [(docs[0], list(docs[0].sents)), (docs[1], list(docs[1].sents)[1:]), (docs[2], [])]
    tagger = load_tagger()
    together = tagger.spans_of(selections)
    alone = [tagger.spans(doc, units) for doc, units in selections]
    assert [[(s.start, s.end, s.label_) for s in spans] for spans in together] == \
        [[(s.start, s.end, s.label_) for s in spans] for spans in alone]
    assert [s.text for s in together[1] if s.label_ == "CUE"] == ["told"]
    assert together[2] == []


@pytest.mark.slow
def test_attribution_model_claims_component_adds_a_claim_the_rules_miss(nlp: Language) -> None:
    text = "The governor voiced concern that the dam could fail."
    doc = nlp(text)
    rules = ClaimExtractor(nlp, own_voice=False, model=False).match(doc)
    both = ClaimExtractor(nlp, own_voice=False, model=True).match(doc)
    assert rules == []  # "voice concern" is no rule cue
    assert [(c.claimant, c.cue) for c in both] == [("The governor", "voiced concern")]
    claim = both[0]
    assert text[claim.content_start: claim.content_end] == "that the dam could fail"  # type: ignore[misc]


def test_attribution_model_stacked_heads_score_the_mean_of_their_scores(tmp_path: Path) -> None:
    import importlib.util

    script = Path(__file__).resolve().parent.parent / "scripts" / "train_attribution.py"
    loader = importlib.util.spec_from_file_location("train_attribution", script)
    assert loader is not None and loader.loader is not None
    module = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(module)
    rng = np.random.default_rng(4)
    spec = Spec(("nsubj",), ("say",), tensor_width=4, window=0)
    heads = [Head(spec, [rng.standard_normal((6, 3)).astype(np.float32), rng.standard_normal(3).astype(np.float32),
                         rng.standard_normal((3, 5)).astype(np.float32), rng.standard_normal(5).astype(np.float32)])
             for _ in range(2)]
    both = module.stacked(heads)
    inputs = rng.standard_normal((7, 6)).astype(np.float32)
    assert both.weights[0].shape == (6, 6)
    assert np.allclose(both.scores(inputs), (heads[0].scores(inputs) + heads[1].scores(inputs)) / 2, atol=1e-5)
    assert module.stacked(heads[:1]) is heads[0]
    shapes = [(6, 3), (3,), (3, 4), (4,), (4, 5), (5,)]  # two hidden layers: the second one block-diagonal
    deep = [Head(spec, [rng.standard_normal(shape).astype(np.float32) for shape in shapes]) for _ in range(3)]
    three = module.stacked(deep)
    assert [w.shape for w in three.weights] == [(6, 9), (9,), (9, 12), (12,), (12, 5), (5,)]
    assert np.allclose(three.scores(inputs), sum(h.scores(inputs) for h in deep) / 3, atol=1e-4)
    with pytest.raises(ValueError):
        module.stacked([heads[0], deep[0]])
