"""The analyze stage on Ray against the local engine, on the same GVA news articles.

    .venv/bin/python benchmarks/distributed.py [--n 200] [--workers 2] [--batch-size 32] [--data-dir DIR]

Each run gets its own interpreter and its own fresh SQLite store holding the first N non-empty texts of
``gva-longtail/documents.jsonl.gz``, and times the whole stage as ``rashomon analyze`` runs it (model
loads, Ray start and shutdown included):

* ``local-1``: ``analyze_store`` in one process (the baseline);
* ``local-W``: ``analyze_store(n_process=W)`` (spaCy worker processes);
* ``ray-W``: ``analyze_store_ray(num_cpus=W)`` (a local Ray, W actors).

Prints each wall time, its ratio to the baseline, and whether every stored analysis equals the baseline's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rashomon.eval import DEFAULT_GOLD_DIR


def run_one(mode: str, n: int, workers: int, batch_size: int, data_dir: Path) -> dict[str, Any]:
    from rashomon.eval.gva import load_documents
    from rashomon.extract.analyze import AnalyzeOptions, analyze_store
    from rashomon.store import Store

    docs = load_documents(data_dir)[:n]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        for doc in docs:
            store.add_article(doc.to_article())
        started = time.perf_counter()
        if mode == "ray":
            from rashomon.distributed.ray_engine import analyze_store_ray

            summary = analyze_store_ray(store, num_cpus=workers, batch_size=batch_size)
        else:
            summary = analyze_store(store, options=AnalyzeOptions(n_process=workers, batch_size=batch_size))
        wall = time.perf_counter() - started
        digests = {}
        for doc in docs:
            analysis = store.get_analysis(doc.doc_id)
            text = json.dumps(analysis.to_dict() if analysis else None, sort_keys=True)
            digests[doc.doc_id] = hashlib.sha1(text.encode()).hexdigest()
    words = sum(len(doc.text.split()) for doc in docs)
    return {"mode": f"{mode}-{workers}", "wall_s": round(wall, 1), "analysed": summary["analysed"],
             "failed": summary["failed"], "words": words, "digests": digests}


def measure(mode: str, n: int, workers: int, batch_size: int, data_dir: Path) -> dict[str, Any]:
    """One run in a fresh interpreter (``--one MODE``): its result is the last line of its output."""
    command = [sys.executable, __file__, "--one", mode, "--n", str(n), "--workers", str(workers),
               "--batch-size", str(batch_size), "--data-dir", str(data_dir)]
    done = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--one", choices=["local", "ray"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.n, args.workers, args.batch_size, args.data_dir)))
        return
    runs = [("local", 1), ("local", args.workers), ("ray", args.workers)]
    results = [measure(mode, args.n, workers, args.batch_size, args.data_dir) for mode, workers in runs]
    base = results[0]
    print(f"{args.n} GVA articles ({base['words']} words), batch size {args.batch_size}")
    print(f"{'run':<10} {'wall s':>7} {'vs local-1':>10} {'docs/s':>7}  analysed  failed  same as local-1")
    for result in results:
        same = sum(result["digests"][k] == v for k, v in base["digests"].items())
        print(f"{result['mode']:<10} {result['wall_s']:>7} {result['wall_s'] / base['wall_s']:>10.2f} "
              f"{args.n / result['wall_s']:>7.1f}  {result['analysed']:>8}  {result['failed']:>6}  "
              f"{same}/{len(base['digests'])}")


if __name__ == "__main__":
    main()
