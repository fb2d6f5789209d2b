"""The trained attribution tagger: CUE and SOURCE spans next to the parse rules.

The tagger is a small head on top of what the host ``en_core_web_md`` pipeline already computed, so it costs
a few matrix products per Doc instead of a second network. Each token is described by a row of features
(:class:`Featurizer`): its ``doc.tensor`` row (the host's shared ``tok2vec`` output, which its tagger and
parser read), one-hots of its POS and dependency label, flags (its lemma is a cue word, "according", a colon,
a quote mark, inside quotes, a sentence start, title case, punctuation), binned rates at which its lemma
is used inside cues and sources in training (common words only) and the path to its nearest cue-word
ancestor in the parse (depth, the dependency of the cue's child on that path: the subject of "said" is a
source, its clausal complement is not, and whether the token starts or ends that child's phrase). A window
of rows around the token (two each side) goes through a perceptron with one hidden layer (:class:`Head`)
scoring the tags O, B-CUE, I-CUE, B-SOURCE, I-SOURCE; the best BIO-valid sequence (:func:`best_tags`,
Viterbi) is read off as spans (:func:`decode`), and a source cut short at a noun's modifier is widened to
the noun's phrase (:func:`whole_phrase`); a bias per tag before decoding (``Spec.tag_bias``) is optional,
off in the shipped head. ``scripts/train_attribution.py`` trains it on PolNeAR *train*
and writes ``head.json`` (feature vocabulary, frozen at training) and ``head.npz`` (weights, float16) to
``rashomon/data/attribution_model/``; :func:`load_tagger` reads them once per process. No copy of the Doc
is made and nothing is written on it but ``doc.spans[SPANS_KEY]`` (by :func:`tag` only).

:func:`tag` stores the spans in ``doc.spans[SPANS_KEY]``; :func:`tag_units` tags chosen sentence units only.
:func:`model_attributions` turns spans into :class:`~rashomon.extract.attributions.Attribution` records: each
model cue is paired with the nearest model source in its sentence (or line), and the content is the longer
rest of the sentence around the two. :func:`combined` keeps every rule attribution (its content and claimant
structure) and adds the model's attributions whose cue no rule cue overlaps.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_TITLE, LEMMA, LOWER, POS, SENT_START
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab
from thinc.api import NumpyOps

from rashomon.errors import Errors, ExtractError
from rashomon.extract import attribution_lexicon as lex
from rashomon.extract.attribution_scoring import LABELS as LABELS
from rashomon.extract.attribution_scoring import SURE_O as SURE_O
from rashomon.extract.attribution_scoring import TAGS as TAGS
from rashomon.extract.attribution_scoring import FirstLayer as FirstLayer
from rashomon.extract.attribution_scoring import Flags as Flags
from rashomon.extract.attribution_scoring import Floats as Floats
from rashomon.extract.attribution_scoring import Ints as Ints
from rashomon.extract.attribution_scoring import best_tags as best_tags
from rashomon.extract.attribution_scoring import decode as decode
from rashomon.extract.attribution_scoring import viterbi as viterbi
from rashomon.extract.attribution_scoring import viterbi_stretches as viterbi_stretches
from rashomon.extract.attributions import Attribution
from rashomon.extract.claim_spans import after_dateline, after_fronted, overlaps, trimmed

Hashes = npt.NDArray[np.uint64]

_OPS = NumpyOps()
MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "attribution_model"
"""Where the shipped weights live (``head.json``, ``head.npz``)."""
SPANS_KEY = "rashomon_attribution_model"
"""``doc.spans`` key of the tagger's CUE and SOURCE spans."""
BATCH_SIZE = 32

POS_NAMES = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
             "PUNCT", "SCONJ", "SYM", "VERB", "X", "SPACE")
PATH_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "ccomp", "xcomp", "advcl", "prep", "agent", "dative",
             "npadvmod", "conj", "parataxis", "attr", "appos", "relcl", "acl", "advmod", "prt", "aux", "neg")
"""Dependencies of a cue word's child that the path features tell apart (others share one column)."""
ANCESTOR_DEPTH = 6
OPEN_QUOTES = ("\u201c", "\u00ab", "\u201e")
CLOSE_QUOTES = ("\u201d", "\u00bb")
STRAIGHT_QUOTES = ('"', "''", "``")
N_FLAGS = 8
"""cue lemma, "according", colon, quote mark, inside quotes, sentence start, title case, punctuation."""


def cue_lemmas() -> tuple[str, ...]:
    """Every lemma the rules' lexicon names as (part of) a cue: the training script freezes this list."""
    words = (lex.SPEECH_VERBS | lex.NEEDS_CLAUSE | lex.BARE_SPEECH_VERBS | frozenset(lex.PHRASAL_CUES)
             | lex.HEDGING_CUES | lex.IMPERSONAL_CUES | lex.NAMING_VERBS | lex.HEDGE_VERBS | lex.NOMINAL_CUES
             | lex.ACCORDING_HEADS | lex.NESTED_CUES)
    return tuple(sorted(words))


@dataclass(frozen=True)
class Spec:
    """What the features are read against, frozen at training: the host parser's labels, the cue lemmas,
    the width of ``doc.tensor`` and the window (tokens each side)."""

    deps: tuple[str, ...]
    cue_lemmas: tuple[str, ...]
    tensor_width: int = 96
    window: int = 2
    lemma_bins: tuple[tuple[str, int, int], ...] = ()
    """(lemma, cue-rate bin, source-rate bin) of the training lemmas used in cues or sources (bins of
    :data:`RATE_BINS`; a lemma not listed is in bin 0 for both)."""
    tag_bias: tuple[float, ...] = (0.0,) * len(TAGS)
    """Added to each tag's log-probability before decoding (chosen on held-out train articles): a negative
    bias on O trades precision for recall."""

    def to_json(self) -> dict[str, object]:
        return {"deps": list(self.deps), "cue_lemmas": list(self.cue_lemmas),
                "tensor_width": self.tensor_width, "window": self.window,
                "lemma_bins": [list(row) for row in self.lemma_bins], "tag_bias": list(self.tag_bias)}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Spec:
        deps, cues, bins = data.get("deps"), data.get("cue_lemmas"), data.get("lemma_bins", [])
        width, window = data.get("tensor_width"), data.get("window")
        bias = data.get("tag_bias", [0.0] * len(TAGS))
        if not (isinstance(deps, list) and isinstance(cues, list) and isinstance(width, int)
                and isinstance(window, int) and isinstance(bins, list)
                and isinstance(bias, list) and len(bias) == len(TAGS)):
            raise ValueError("head.json lacks deps, cue_lemmas, tensor_width, window, lemma_bins or tag_bias")
        rows = tuple((str(lemma), int(cue), int(source)) for lemma, cue, source in bins)
        return cls(tuple(map(str, deps)), tuple(map(str, cues)), width, window, rows, tuple(map(float, bias)))


RATE_BINS = (0.02, 0.1, 0.3, 0.6)
"""Bounds of the bins of a lemma's rate of use inside gold cues (or sources) in training: bin 1 is
[0.02, 0.1), ..., bin 4 is >= 0.6; bin 0 is a lower rate, or a lemma too rare to tell."""
CUE_BIN = 3
"""Lemmas from this cue-rate bin up (>= 0.3) count as cue words for the path features, besides the lexicon."""


def rate_bin(rate: float) -> int:
    """The bin of a rate of use (see :data:`RATE_BINS`)."""
    return sum(rate >= bound for bound in RATE_BINS)


def _hashes(strings: Iterable[str]) -> Hashes:
    return np.array([hash_string(s) for s in strings], dtype=np.uint64)


class _Lookup:
    """Column index of a hash among known strings (``len(strings)`` when unknown), vectorised."""

    def __init__(self, strings: tuple[str, ...]) -> None:
        hashes = _hashes(strings)
        self.order = np.argsort(hashes)
        self.sorted = hashes[self.order]
        self.unknown = len(strings)

    def __call__(self, values: Hashes) -> Ints:
        at = np.minimum(np.searchsorted(self.sorted, values), self.unknown - 1)
        return np.where(self.sorted[at] == values, self.order[at], self.unknown).astype(np.int64)


class Featurizer:
    """The feature rows of a Doc's tokens (see the module docstring), one ``float32`` row per token."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.deps = _Lookup(spec.deps)
        self.path_deps = _Lookup(PATH_DEPS)
        self.pos = np.zeros(max(POS_IDS.values()) + 1, dtype=np.int64)
        for i, name in enumerate(POS_NAMES):
            self.pos[POS_IDS[name]] = i + 1
        lemmas = {lemma: [1, 0, 0] for lemma in spec.cue_lemmas}
        for lemma, cue, source in spec.lemma_bins:
            lemmas[lemma] = [lemmas.get(lemma, [0])[0], cue, source]
        self.lemmas = _Lookup(tuple(lemmas))
        self.lemma_values = np.array([*lemmas.values(), [0, 0, 0]], dtype=np.int64)
        """Per lemma (the last row: any other): in the lexicon, cue-rate bin, source-rate bin."""
        words = [("according",), (":",), OPEN_QUOTES, CLOSE_QUOTES, STRAIGHT_QUOTES]
        self.words = _Lookup(tuple(word for group in words for word in group))
        self.word_class = np.array([k + 1 for k, group in enumerate(words) for _ in group] + [0], dtype=np.int64)
        self.pos_at = spec.tensor_width
        self.dep_at = self.pos_at + len(POS_NAMES) + 1
        self.flag_at = self.dep_at + len(spec.deps) + 1
        self.bin_at = self.flag_at + N_FLAGS
        self.path_at = self.bin_at + 2 * (len(RATE_BINS) + 1)
        self.width = self.path_at + ANCESTOR_DEPTH + len(PATH_DEPS) + 4

    def __call__(self, doc: Doc) -> Floats:
        n = len(doc)
        tensor = doc.tensor
        if not isinstance(tensor, np.ndarray) or tensor.shape != (n, self.spec.tensor_width):
            raise ExtractError(Errors.X006, reason=f"doc.tensor is {getattr(tensor, 'shape', None)}, not "
                               f"({n}, {self.spec.tensor_width}): run the tagger after the host tok2vec")
        rows = np.arange(n)
        attrs = [POS, DEP, LEMMA, LOWER, HEAD, SENT_START, IS_TITLE, IS_PUNCT]
        array = np.asarray(doc.to_array(attrs), dtype=np.uint64)
        out = np.zeros((n, self.width), dtype=np.float32)
        out[:, : self.pos_at] = tensor
        out[rows, self.pos_at + self.pos[np.minimum(array[:, 0], len(self.pos) - 1).astype(np.int64)]] = 1.0
        out[rows, self.dep_at + self.deps(array[:, 1])] = 1.0
        lexicon, cue_bin, source_bin = self.lemma_values[self.lemmas(array[:, 2])].T
        out[rows, self.bin_at + cue_bin] = 1.0
        out[rows, self.bin_at + len(RATE_BINS) + 1 + source_bin] = 1.0
        cue = (lexicon == 1) | (cue_bin >= CUE_BIN)
        word_class = self.word_class[self.words(array[:, 3])]
        according, colon, opens, closes, straight = (word_class == k for k in range(1, 6))
        inside = (np.cumsum(opens) > np.cumsum(closes)) | (np.cumsum(straight) % 2 == 1)
        flags = (cue, according, colon, opens | closes | straight, inside,
                 array[:, 5].astype(np.int64) == 1, array[:, 6] == 1, array[:, 7] == 1)
        for column, flag in enumerate(flags):
            out[:, self.flag_at + column] = flag
        heads = np.clip(rows + array[:, 4].astype(np.int64), 0, max(n - 1, 0))
        self._cue_path(out, heads, array[:, 1], cue)
        return out

    def _cue_path(self, out: Floats, heads: Ints, deps: Hashes, cue: Flags) -> None:
        """The depth (one-hot) of each token's nearest cue-lemma ancestor, the dependency (one-hot) of that
        cue's child on the way, whether there is such an ancestor, and whether the token is the first or
        last word of that child's phrase (the usual ends of a source: "the mayor of X" said)."""
        n = len(heads)
        current = np.arange(n)
        found = np.zeros(n, dtype=bool)
        child = np.zeros(n, dtype=np.int64)
        child_dep = np.full(n, len(PATH_DEPS), dtype=np.int64)
        for depth in range(ANCESTOR_DEPTH):
            parent = heads[current]
            hit = np.nonzero(cue[parent] & (parent != current) & ~found)[0]
            out[hit, self.path_at + depth] = 1.0
            child[hit] = current[hit]
            child_dep[hit] = self.path_deps(deps[current[hit]])
            found[hit] = True
            current = parent
        at = self.path_at + ANCESTOR_DEPTH
        hits = np.nonzero(found)[0]
        out[hits, at + child_dep[hits]] = 1.0
        at += len(PATH_DEPS) + 1
        out[:, at] = found
        left, right = subtree_edges(heads)
        out[hits, at + 1] = left[child[hits]] == hits
        out[hits, at + 2] = right[child[hits]] == hits


def subtree_edges(heads: Ints) -> tuple[Ints, Ints]:
    """The first and last token index of each token's subtree, from head indices (a root heads itself)."""
    left, right = np.arange(len(heads)), np.arange(len(heads))
    while True:
        new_left, new_right = left.copy(), right.copy()
        np.minimum.at(new_left, heads, left)
        np.maximum.at(new_right, heads, right)
        if np.array_equal(new_left, left) and np.array_equal(new_right, right):
            return left, right
        left, right = new_left, new_right


def windows(features: Floats, rows: Ints, window: int) -> Floats:
    """For each index in ``rows``, the feature rows ``row - window .. row + window`` side by side (zeros
    past the ends of the Doc)."""
    n, width = features.shape
    padded = np.zeros((n + 2 * window, width), dtype=np.float32)
    padded[window: window + n] = features
    offsets = np.arange(2 * window + 1)
    found: Floats = padded[rows[:, None] + offsets[None, :]].reshape(len(rows), -1)
    return found


@dataclass
class Head:
    """A perceptron with ReLU hidden layers over windows of feature rows, scoring :data:`TAGS`."""

    spec: Spec
    weights: list[Floats]
    """Alternating weight matrices and bias vectors, input layer first."""

    def scores(self, inputs: Floats) -> Floats:
        hidden = inputs
        layers = len(self.weights) // 2
        for k in range(layers):  # thinc's single-threaded gemm, as spaCy's own layers
            hidden = _OPS.gemm(np.ascontiguousarray(hidden), self.weights[2 * k])
            hidden += self.weights[2 * k + 1]
            if k < layers - 1:
                np.maximum(hidden, 0.0, out=hidden)
        return hidden

    def rest(self, first: Floats) -> Floats:
        """:meth:`scores` from the first layer's output (bias added, before its activation)."""
        hidden = first
        for k in range(1, len(self.weights) // 2):
            np.maximum(hidden, 0.0, out=hidden)
            hidden = _OPS.gemm(np.ascontiguousarray(hidden), self.weights[2 * k])
            hidden += self.weights[2 * k + 1]
        return hidden

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        halves = {f"w{i}": w.astype(np.float16) for i, w in enumerate(self.weights)}
        np.savez_compressed(path / "head.npz", **halves)  # type: ignore[arg-type]
        meta = {"tags": list(TAGS), **self.spec.to_json()}
        (path / "head.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Head:
        meta = json.loads((path / "head.json").read_text(encoding="utf-8"))
        if meta.get("tags") != list(TAGS):
            raise ValueError(f"head.json tags {meta.get('tags')} are not {list(TAGS)}")
        with np.load(path / "head.npz", allow_pickle=False) as data:
            weights = [data[f"w{i}"].astype(np.float32) for i in range(len(data.files))]
        return cls(Spec.from_json(meta), weights)


class Tagger:
    """The features and the head together: CUE and SOURCE spans of chosen tokens of Docs."""

    def __init__(self, head: Head) -> None:
        self.head = head
        self.featurize = Featurizer(head.spec)
        self.first = FirstLayer(head.weights[0], head.weights[1], head.spec.window, head.spec.tensor_width)

    def spans(self, doc: Doc, units: list[Span]) -> list[Span]:
        """The tagger's spans inside ``units`` (each one a sentence or line of ``doc``; none crosses one)."""
        return self.spans_of([(doc, units)])[0]

    def spans_of(self, selections: list[tuple[Doc, list[Span]]]) -> list[list[Span]]:
        """:meth:`spans` of each (Doc, units) pair, the Docs' rows scored and decoded together."""
        chosen = [(doc, units) for doc, units in selections if units and len(doc)]
        if not chosen:
            return [[] for _ in selections]
        window = self.head.spec.window
        offsets = np.cumsum([window] + [len(doc) + window for doc, _ in chosen]).tolist()
        padded = np.zeros((offsets[-1], self.featurize.width), dtype=np.float32)  # Docs ``window`` zero rows apart
        rows, starts = [], []
        for (doc, units), offset in zip(chosen, offsets, strict=False):
            padded[offset: offset + len(doc)] = self.featurize(doc)
            rows.append(np.concatenate([np.arange(unit.start, unit.end) for unit in units]) + offset)
            unit_starts = np.zeros(len(rows[-1]), dtype=bool)
            unit_starts[np.cumsum([0] + [len(unit) for unit in units[:-1]])] = True
            starts.append(unit_starts)
        scores = self.head.rest(self.first(padded, np.concatenate(rows)))
        tags = best_tags(scores, np.concatenate(starts), self.head.spec.tag_bias)
        ends = np.cumsum([len(doc_rows) for doc_rows in rows]).tolist()
        found = iter([self._doc_spans(doc, doc_rows - offset, doc_starts, tags[end - len(doc_rows): end])
                      for (doc, _), doc_rows, doc_starts, offset, end
                      in zip(chosen, rows, starts, offsets, ends, strict=False)])
        return [next(found) if units and len(doc) else [] for doc, units in selections]

    @staticmethod
    def _doc_spans(doc: Doc, rows: Ints, starts: Flags, tags: Ints) -> list[Span]:
        """One Doc's spans from the decoded ``tags`` of its ``rows`` (token indices)."""
        found = [(int(rows[a]), int(rows[b - 1]) + 1, label) for a, b, label in decode(tags, starts)]
        cue_tokens = {i for start, end, label in found if label == "CUE" for i in range(start, end)}
        spans = []
        for start, end, label in found:
            if label == "SOURCE":
                start, end = whole_phrase(doc, start, end, cue_tokens)
            spans.append(Span(doc, start, end, label=label))
        return spans


NOUN_MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "predet"})
"""Dependencies of a word that modifies a noun: a source span ending on one stops short of its noun."""


def whole_phrase(doc: Doc, start: int, end: int, cues: set[int]) -> tuple[int, int]:
    """A SOURCE span that stops on a noun's modifier widened to that noun's phrase ("The" -> "The FBI,
    which ...", "a new" -> "a new article in Politico"), within the sentence and short of any cue word."""
    root = doc[start:end].root
    head = root
    while head.dep_ in NOUN_MODIFIERS and head.head.i != head.i and not start <= head.head.i < end:
        head = head.head
    if head is root:
        return start, end
    sent = doc[start].sent
    first, last = max(head.left_edge.i, sent.start), min(head.right_edge.i + 1, sent.end)
    first = max([first] + [i + 1 for i in range(first, start) if i in cues])
    last = min([last] + [i for i in range(end, last) if i in cues])
    return min(first, start), max(last, end)


_TAGGERS: dict[Path, Tagger] = {}


def load_tagger(vocab: Vocab | None = None, path: Path = MODEL_DIR) -> Tagger:
    """The tagger at ``path``, read on first use, then cached (``vocab`` is not needed: kept for callers)."""
    path = path.resolve()
    cached = _TAGGERS.get(path)
    if cached is not None:
        return cached
    if not (path / "head.json").is_file():
        raise ExtractError(Errors.X002, reason=f"no attribution tagger at {path}")
    try:
        tagger = Tagger(Head.load(path))
    except (OSError, ValueError, KeyError) as error:
        raise ExtractError(Errors.X002, reason=f"attribution tagger at {path}: {error}") from error
    _TAGGERS[path] = tagger
    return tagger


def tag(docs: Iterable[Doc], *, path: Path = MODEL_DIR, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Each Doc with the tagger's CUE and SOURCE spans over all its sentences in ``doc.spans[SPANS_KEY]``
    (entities untouched). ``batch_size`` is kept for callers: Docs are tagged one by one."""
    tagger = load_tagger(path=path)
    for doc in docs:
        units = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        doc.spans[SPANS_KEY] = tagger.spans(doc, units)
        yield doc


def tag_units(selections: list[tuple[Doc, list[Span]]], *, path: Path = MODEL_DIR) -> list[list[Span]]:
    """The tagger's CUE and SOURCE spans inside the given units of each Doc only, one list per Doc (no
    span crosses a unit). Nothing is stored on the Docs."""
    if not any(units for _, units in selections):
        return [[] for _ in selections]
    return load_tagger(path=path).spans_of(selections)


def tagged(doc: Doc, label: str) -> list[Span]:
    """The tagger's spans of one label on ``doc`` (tagging it first when it was not)."""
    if SPANS_KEY not in doc.spans:
        next(tag([doc]))
    return [span for span in doc.spans[SPANS_KEY] if span.label_ == label]


def model_attributions(unit: Span, spans: list[Span] | None = None) -> list[Attribution]:
    """Attributions from the tagger's spans in ``unit``: each cue with the nearest source; in a sentence
    with no source at all, a cue alone (no claimant, as in "It was reported that ...").

    ``spans`` is ``list(doc.spans[SPANS_KEY])`` when the caller walks many units of one Doc (reading the
    span group builds every span again)."""
    if spans is None:
        spans = list(unit.doc.spans[SPANS_KEY])
    inside = [s for s in spans if unit.start <= s.start and s.end <= unit.end]
    sources = [s for s in inside if s.label_ == "SOURCE"]
    found: list[Attribution] = []
    for cue in (s for s in inside if s.label_ == "CUE"):
        if lacks_clause(cue):
            continue
        source = nearest(cue, sources)
        source = after_fronted(after_dateline(source)) if source is not None else None
        content = content_around(unit, source or cue, cue)
        if content is None:
            continue
        hedges = [cue.text] if cue.root.lemma_.lower() in lex.HEDGING_CUES else []
        found.append(Attribution(unit, cue, source, content, hedges=hedges))
    return found


CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
PUBLISHING = frozenset({"publish", "release", "post"})
"""Verbs of putting out a document: "the ministry published a video" is its act, not what it said."""


def lacks_clause(cue: Span) -> bool:
    """Whether ``cue`` is a verb of publishing (which the rules' lexicon lets attribute only with a clause)
    that has none: no clausal child, no quote or colon after it."""
    root = cue.root
    if root.lemma_.lower() not in PUBLISHING or any(c.dep_ in CLAUSE_DEPS for c in root.children):
        return False
    after = cue.doc[cue.end] if cue.end < len(cue.doc) else None
    return after is None or not (after.is_quote or after.text == ":")


def content_around(unit: Span, source: Span, cue: Span) -> tuple[int, int] | None:
    """The longer side of ``unit`` around claimant and cue, the side after them on a tie ("X said Y")."""
    first, last = min(source.start_char, cue.start_char), max(source.end_char, cue.end_char)
    left = trimmed(unit.doc, unit.start_char, first)
    right = trimmed(unit.doc, last, unit.end_char)
    best = right if right[1] - right[0] >= left[1] - left[0] else left
    return best if best[1] > best[0] else None


def nearest(cue: Span, sources: list[Span]) -> Span | None:
    """The source closest to ``cue`` in tokens (a preceding one wins a tie: "X said", "said X")."""
    def distance(source: Span) -> tuple[int, int]:
        gap = cue.start - source.end if source.end <= cue.start else source.start - cue.end
        return gap, 0 if source.end <= cue.start else 1

    return min(sources, key=distance, default=None)


def combined(rules: list[Attribution], model: list[Attribution]) -> list[Attribution]:
    """The rule attributions, and the model's whose cue overlaps no rule cue, in text order."""
    added = [m for m in model if not any(overlaps(m.cue, r.cue) for r in rules)]
    return sorted(rules + added, key=lambda a: a.cue.start)


