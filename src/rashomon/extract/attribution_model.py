"""The trained attribution tagger: CUE and SOURCE spans next to the parse rules.

A small spaCy ``tok2vec`` + ``ner`` pipeline trained on PolNeAR *train* (``scripts/train_attribution.py``)
ships in ``rashomon/data/attribution_model/`` without vocabulary: it borrows the static vectors of the host
``en_core_web_md`` pipeline, so it is loaded per vocabulary, lazily, once per process (:func:`load_tagger`).

:func:`tag` runs it on a copy of each Doc (the host's entities stay untouched) and stores the spans in
``doc.spans[SPANS_KEY]``. :func:`model_attributions` turns them into
:class:`~rashomon.extract.attributions.Attribution` records: each model cue is paired with the nearest model
source in its sentence (or line), and the content is the longer rest of the sentence around the two.
:func:`combined` keeps every rule attribution (its content and claimant structure) and adds the model's
attributions whose cue no rule cue overlaps.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from rashomon.errors import Errors, ExtractError
from rashomon.extract import attribution_lexicon as lex
from rashomon.extract.attributions import Attribution
from rashomon.extract.claim_spans import trimmed

LABELS = ("CUE", "SOURCE")
MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "attribution_model"
"""Where the shipped weights live (``config.cfg``, ``tok2vec/``, ``ner/``)."""
SPANS_KEY = "rashomon_attribution_model"
"""``doc.spans`` key of the tagger's CUE and SOURCE spans."""
BATCH_SIZE = 32

_TAGGERS: dict[tuple[int, Path], tuple[Vocab, Language]] = {}


def load_tagger(vocab: Vocab, path: Path = MODEL_DIR) -> Language:
    """The tagger sharing ``vocab`` (and its vectors), loaded from ``path`` on first use, then cached."""
    path = path.resolve()
    cached = _TAGGERS.get((id(vocab), path))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    import spacy

    config_path = path / "config.cfg"
    if not config_path.is_file():
        raise ExtractError(Errors.X002, reason=f"no attribution tagger at {path}")
    try:
        config = spacy.util.load_config(config_path)
        tagger = spacy.util.load_model_from_config(config, vocab=vocab, auto_fill=True, validate=False)
        tagger.from_disk(path, exclude=["vocab", "tokenizer"])
    except (OSError, ValueError) as error:
        raise ExtractError(Errors.X002, reason=f"attribution tagger at {path}: {error}") from error
    _TAGGERS[(id(vocab), path)] = (vocab, tagger)
    return tagger


def tag(docs: Iterable[Doc], *, path: Path = MODEL_DIR, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Each Doc with the tagger's CUE and SOURCE spans in ``doc.spans[SPANS_KEY]`` (entities untouched)."""
    batch: list[Doc] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from _tag_batch(batch, path)
            batch = []
    yield from _tag_batch(batch, path)


def _tag_batch(docs: list[Doc], path: Path) -> list[Doc]:
    if not docs:
        return docs
    tagger = load_tagger(docs[0].vocab, path)
    copies = [bare_copy(doc) for doc in docs]
    for doc, copy in zip(docs, tagger.pipe(copies), strict=True):
        doc.spans[SPANS_KEY] = [Span(doc, e.start, e.end, label=e.label_) for e in copy.ents]
    return docs


def tag_units(selections: list[tuple[Doc, list[Span]]], *, path: Path = MODEL_DIR) -> list[list[Span]]:
    """The tagger's CUE and SOURCE spans inside the given units of each Doc only, one list per Doc.

    The units of a Doc are tagged together on one copy of their words (see :func:`units_copy`), every unit
    starting a sentence there, so no span crosses a unit; the spans come back on the original Doc. Nothing
    is stored on the Docs."""
    chosen = [(doc, units) for doc, units in selections if units]
    if not chosen:
        return [[] for _ in selections]
    tagger = load_tagger(chosen[0][0].vocab, path)
    copies = [units_copy(doc, units) for doc, units in chosen]
    tagged_docs = iter(tagger.pipe(copy for copy, _ in copies))
    positions = iter(index for _, index in copies)
    found: list[list[Span]] = []
    for doc, units in selections:
        if not units:
            found.append([])
            continue
        copy, index = next(tagged_docs), next(positions)
        found.append([Span(doc, index[e.start], index[e.end - 1] + 1, label=e.label_) for e in copy.ents])
    return found


def units_copy(doc: Doc, units: list[Span]) -> tuple[Doc, list[int]]:
    """A bare Doc of the words of ``units`` in order, each unit starting a sentence, and for each of its
    tokens the index of the token of ``doc`` it copies."""
    index = [token.i for unit in units for token in unit]
    starts, ends = {unit.start for unit in units}, {unit.end - 1 for unit in units}
    words = [doc[i].text for i in index]
    spaces = [bool(doc[i].whitespace_) or i in ends for i in index]
    return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=[i in starts for i in index]), index


def bare_copy(doc: Doc) -> Doc:
    """A copy of ``doc``'s words and sentence starts, and nothing else.

    The tagger's features are lexical (NORM, PREFIX, SUFFIX, SHAPE, vectors), so tags and the parse are not
    copied; the sentence starts are, because spaCy's ``ner`` lets no entity run across one.
    """
    words, spaces = [t.text for t in doc], [bool(t.whitespace_) for t in doc]
    if not doc.has_annotation("SENT_START"):
        return Doc(doc.vocab, words=words, spaces=spaces)
    return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=[bool(t.is_sent_start) for t in doc])


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
        source = nearest(cue, sources)
        content = content_around(unit, source or cue, cue)
        if content is None:
            continue
        hedges = [cue.text] if cue.root.lemma_.lower() in lex.HEDGING_CUES else []
        found.append(Attribution(unit, cue, source, content, hedges=hedges))
    return found


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
    added = [m for m in model if not any(_overlaps(m.cue, r.cue) for r in rules)]
    return sorted(rules + added, key=lambda a: a.cue.start)


def _overlaps(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end
