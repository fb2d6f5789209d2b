"""Time of each Rashomon analysis component on parsed GVA articles (where the full/bare gap goes).

    .venv/bin/python benchmarks/extract_components.py [--n 200] [--runs 2] [--profile tottime]

Parses the first N non-empty texts of ``gva-longtail/documents.jsonl.gz`` once with the spaCy part of
``build_nlp()``, then runs the Rashomon components and the ``ArticleAnalysis`` conversion over them in
batches of 32, as ``nlp.pipe`` does (each batch through every component before the next), and prints each
one's seconds per run. ``--profile KEY`` runs once under cProfile instead and prints the top functions.
Put an older ``src`` first on ``PYTHONPATH`` to time that code on the same machine.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from extract import load_texts

from rashomon.eval import DEFAULT_GOLD_DIR
from rashomon.extract.analyze import doc_to_analysis
from rashomon.extract.pipeline import build_nlp

FIRST = "rashomon.places.v1"
BATCH = 32


def run_components(components: list[tuple[str, Any]], docs: list[Any]) -> dict[str, float]:
    """Seconds per component (and ``conversion``) over ``docs``, batch by batch."""
    spent: dict[str, float] = defaultdict(float)
    for i in range(0, len(docs), BATCH):
        batch = docs[i: i + BATCH]
        for name, component in components:
            started = time.perf_counter()
            if hasattr(component, "pipe"):
                batch = list(component.pipe(batch, batch_size=BATCH))
            else:
                batch = [component(doc) for doc in batch]
            spent[name] += time.perf_counter() - started
        started = time.perf_counter()
        for doc in batch:
            doc_to_analysis(doc)
        spent["conversion"] += time.perf_counter() - started
    return dict(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--profile", metavar="SORT_KEY", default=None)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_GOLD_DIR)
    args = parser.parse_args()
    nlp = build_nlp()
    first = nlp.pipe_names.index(FIRST)
    with nlp.select_pipes(disable=nlp.pipe_names[first:]):
        docs = list(nlp.pipe(load_texts(args.data_dir, args.n), batch_size=BATCH))
    components = nlp.pipeline[first:]
    run_components(components, docs[:10])  # warm: gazetteer, knowledge base, tagger weights
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(run_components, components, docs)
        pstats.Stats(profiler).sort_stats(args.profile).print_stats(40)
        return
    for _ in range(args.runs):
        spent = run_components(components, docs)
        parts = "  ".join(f"{name.removeprefix('rashomon.').removesuffix('.v1')} {s:.2f}"
                          for name, s in spent.items())
        print(f"{len(docs)} docs: total {sum(spent.values()):.2f} s  {parts}")


if __name__ == "__main__":
    main()
