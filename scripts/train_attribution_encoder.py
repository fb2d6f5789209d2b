"""Fine-tune a token encoder of its own as the attribution tagger (measured in the ninth session, NOT shipped).

    .venv/bin/python scripts/train_attribution_encoder.py [--data-dir ../shared/gold-data] [--work-dir DIR]
        [--width 96] [--depth 3] [--epochs 9] [--dropout 0.2] [--no-rows] [--no-vectors] --target DIR

Every earlier attribution tagger after the first session is a small head over the host model's frozen
``doc.tensor`` (:mod:`rashomon.extract.attribution_model`). This script trains a network whose token encoder
is fitted to PolNeAR: spaCy's ``MultiHashEmbed`` (NORM, PREFIX, SUFFIX, SHAPE and the host's TAG and DEP,
with ``en_core_web_md``'s static vectors), next to the shipped head's feature rows (``doc.tensor``, POS,
dependency, lexicon, lemma rates, parse path: ``--no-rows`` leaves them out), then ``--depth`` residual
window-1 maxout layers of ``--width`` and a softmax over the BIO tags of CUE and SOURCE. Trained with thinc's
Adam (averaged weights, CPU, seed 0) on PolNeAR *train* minus the shipped head's 84 held-out articles
(every tenth, :func:`train_attribution.held_out`) minus a checkpoint slice of 40 of the others (every 19th);
the epoch with the best exact span F1 on that slice is written to ``--target`` (``model.bin``,
``config.json``). The held-out 84 are left for comparing with the shipped head (``docs/benchmarks.md``,
"Ninth session"): the encoder did not beat it where it counts (rules + tagger), alone or averaged with it,
at two to four times its cost, so nothing here is loaded by the pipeline.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from spacy.ml.models.tok2vec import MultiHashEmbed
from spacy.tokens import Doc
from thinc.api import (
    Adam,
    Dropout,
    Maxout,
    Model,
    Softmax,
    chain,
    concatenate,
    expand_window,
    fix_random_seed,
    residual,
    with_array,
)
from train_attribution import gold_tags, held_out, host_pipeline, parsed_docs

from rashomon.eval import DEFAULT_GOLD_DIR
from rashomon.extract.attribution_model import MODEL_DIR, TAGS, Featurizer, Head, Ints, best_tags, decode

ROWS_KEY = "attribution_rows"
ATTRS = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP"]
ROWS = [5000, 1000, 2500, 2500, 200, 200]
CHECKPOINT_EVERY = 19


def _rows_forward(model: Model[Any, Any], docs: list[Doc], is_train: bool) -> tuple[list[Any], Any]:
    """The shipped head's feature rows of each Doc (computed beforehand, in ``doc.user_data``); no weights."""
    return [doc.user_data[ROWS_KEY] for doc in docs], lambda d_rows: []


def build(width: int, depth: int, rows_width: int, *, vectors: bool, dropout: float) -> Model[Any, Any]:
    """Hash embeddings (+ static vectors) beside the head's rows (``rows_width`` 0: none), ``depth`` residual
    window layers, a softmax over :data:`TAGS`."""
    embed = MultiHashEmbed(width=width, attrs=ATTRS, rows=ROWS, include_static_vectors=vectors)
    inputs: Model[Any, Any] = concatenate(embed, Model("feature_rows", _rows_forward)) if rows_width else embed
    layers: list[Model[Any, Any]] = [Dropout(dropout), Maxout(width, width + rows_width, nP=3, normalize=True)]
    layers += [residual(chain(expand_window(1), Maxout(width, 3 * width, nP=3, normalize=True)))
               for _ in range(depth)]
    layers.append(Softmax(len(TAGS), width))
    return chain(inputs, with_array(chain(*layers), pad=depth))


def span_f1(model: Model[Any, Any], docs: list[Doc], tags: list[Ints]) -> float:
    """Exact span F1 (CUE and SOURCE together) of the BIO-valid Viterbi decoding, as the head is scored."""
    hit = system = wanted = 0
    for first in range(0, len(docs), 16):
        batch = docs[first: first + 16]
        for doc, probs, gold_tags_ in zip(batch, model.predict(batch), tags[first: first + 16], strict=True):
            starts = doc.to_array("SENT_START") == 1
            found = set(decode(best_tags(np.log(probs + 1e-9), starts), starts))
            gold = set(decode(gold_tags_, starts))
            hit, system, wanted = hit + len(found & gold), system + len(found), wanted + len(gold)
    return 2 * hit / max(system + wanted, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--work-dir", type=Path, default=None, help="the parsed train articles (as train_attribution)")
    parser.add_argument("--target", type=Path, required=True)
    parser.add_argument("--width", type=int, default=96)
    parser.add_argument("--depth", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=9)
    parser.add_argument("--batch-size", type=int, default=8, help="articles per step")
    parser.add_argument("--learn-rate", type=float, default=0.001)
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--no-rows", action="store_true", help="without the shipped head's feature rows")
    parser.add_argument("--no-vectors", action="store_true", help="without en_core_web_md's static vectors")
    args = parser.parse_args()
    fix_random_seed(0)
    nlp = host_pipeline()
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="rashomon-attribution-"))
    work.mkdir(parents=True, exist_ok=True)
    docs, records = parsed_docs(nlp, args.data_dir, work)
    tags = [gold_tags(doc, record) for doc, record in zip(docs, records, strict=True)]
    featurize = Featurizer(Head.load(MODEL_DIR).spec)
    for doc in docs:
        doc.user_data[ROWS_KEY] = featurize(doc)
    held = set(held_out(len(docs)).tolist())
    kept = [k for k in range(len(docs)) if k not in held]
    checkpoint = kept[5::CHECKPOINT_EVERY]
    checked = set(checkpoint)
    train = [k for k in kept if k not in checked]
    print(f"{len(train)} train articles, {len(checkpoint)} checkpoint articles, {len(held)} held out", flush=True)
    model = build(args.width, args.depth, 0 if args.no_rows else featurize.width,
                  vectors=not args.no_vectors, dropout=args.dropout)
    model.initialize(X=[docs[k] for k in train[:4]])
    optimizer = Adam(args.learn_rate, L2=1e-6, grad_clip=1.0, use_averages=True)
    rng, best = np.random.default_rng(0), -1.0
    for epoch in range(args.epochs):
        started, loss, tokens = time.perf_counter(), 0.0, 0
        order = rng.permutation(train).tolist()
        for first in range(0, len(order), args.batch_size):
            chosen = order[first: first + args.batch_size]
            probs, backprop = model.begin_update([docs[k] for k in chosen])
            size = sum(len(docs[k]) for k in chosen)
            grads = []
            for k, doc_probs in zip(chosen, probs, strict=True):
                rows = np.arange(len(doc_probs))
                loss -= float(np.log(doc_probs[rows, tags[k]] + 1e-9).sum())
                grad = doc_probs.copy()
                grad[rows, tags[k]] -= 1.0
                grads.append(grad / size)
            tokens += size
            backprop(grads)
            model.finish_update(optimizer)
        with model.use_params(optimizer.averages):
            score = span_f1(model, [docs[k] for k in checkpoint], [tags[k] for k in checkpoint])
            if score > best:
                best = score
                args.target.mkdir(parents=True, exist_ok=True)
                (args.target / "model.bin").write_bytes(model.to_bytes())
                config = {k: v for k, v in vars(args).items() if k not in ("data_dir", "work_dir", "target")}
                (args.target / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
        print(f"epoch {epoch}: loss {loss / tokens:.4f}, checkpoint exact span F1 {score:.4f} (best {best:.4f}, "
              f"{time.perf_counter() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
