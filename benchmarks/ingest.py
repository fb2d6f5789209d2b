"""Ingest throughput and peak memory on 5,000 GVA news articles, against a plain baseline.

    .venv/bin/python benchmarks/ingest.py [--data-dir ../shared/gold-data] [--limit 5000] [--runs 1]

The first ``--limit`` lines of ``gva-longtail/documents.jsonl.gz`` (fields doc_id, title, text, dct,
url) are copied to a temporary ``.jsonl.gz``. Each contender then runs in its own fresh process (so
peak RSS is its own) on a fresh database:

- ``baseline``: ``gzip`` + ``json.loads`` per line, texts under 50 characters skipped, one
  ``INSERT`` per record committed on its own (WAL, ``synchronous=NORMAL``, as the store does);
- ``rashomon``: ``rashomon.ingest.ingest_paths`` with default options (field mapping, text
  normalisation, ids, MinHash near-duplicate search, ``inputs`` rows, FTS5 index, one transaction
  per article).

Reported: records per second of wall time and of CPU time (the second is steadier on a shared
machine), peak RSS (``ru_maxrss``), and rashomon/baseline ratios.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "gold-data"
MIN_CHARS = 50


def make_slice(data_dir: Path, limit: int, out: Path) -> int:
    source = data_dir / "gva-longtail" / "documents.jsonl.gz"
    count = 0
    with gzip.open(source, "rt", encoding="utf-8") as src, gzip.open(out, "wt", encoding="utf-8") as dst:
        for line in src:
            if count == limit:
                break
            dst.write(line)
            count += 1
    return count


def run_baseline(path: Path, db_path: Path) -> dict[str, Any]:
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("CREATE TABLE docs (id TEXT PRIMARY KEY, title TEXT, text TEXT, dct TEXT, url TEXT)")
    stored = skipped = 0
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if len((record.get("text") or "").strip()) < MIN_CHARS:
                skipped += 1
                continue
            db.execute("BEGIN")
            row = (record["doc_id"], record.get("title"), record["text"], record.get("dct"),
                   record.get("url"))
            db.execute("INSERT OR IGNORE INTO docs VALUES (?, ?, ?, ?, ?)", row)
            db.execute("COMMIT")
            stored += 1
    db.close()
    return {"stored": stored, "failed": skipped}


def run_rashomon(path: Path, db_path: Path) -> dict[str, Any]:
    from rashomon.ingest import IngestOptions, ingest_paths  # imported already by child(): not timed
    from rashomon.store import Store

    with Store(db_path) as store:
        report = ingest_paths(store, [path], IngestOptions(min_chars=MIN_CHARS))
    return {"stored": report.stored, "near_duplicates": report.near_duplicates,
            "duplicates": report.duplicates, "failed": report.failed,
            "failed_by_code": dict(report.failed_by_code)}


def child(kind: str, path: Path, db_path: Path) -> None:
    """Run one contender in this process and print its figures as JSON (imports are not timed)."""
    if kind == "rashomon":
        import rashomon.ingest  # noqa: F401 - trafilatura, numpy, datasketch: about 1 s, once per process
    start, cpu_start = time.perf_counter(), time.process_time()
    result = run_baseline(path, db_path) if kind == "baseline" else run_rashomon(path, db_path)
    result["seconds"] = time.perf_counter() - start
    result["cpu_seconds"] = time.process_time() - cpu_start
    result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(kind: str, path: Path, workdir: Path, run: int) -> dict[str, Any]:
    db_path = workdir / f"{kind}-{run}.db"
    command = [sys.executable, __file__, "--child", kind, "--input", str(path), "--db", str(db_path)]
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def best(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The fastest run (least CPU time: wall time depends on what else the machine runs)."""
    return min(results, key=lambda r: r["cpu_seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=1, help="runs per contender; the fastest is reported")
    parser.add_argument("--child", choices=["baseline", "rashomon"], help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.input, args.db)
        return
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as tmp:
        workdir = Path(tmp)
        path = workdir / "gva.jsonl.gz"
        records = make_slice(args.data_dir, args.limit, path)
        figures = {kind: best([measure(kind, path, workdir, run) for run in range(args.runs)])
                   for kind in ("baseline", "rashomon")}
    report(records, figures)


def report(records: int, figures: dict[str, dict[str, Any]]) -> None:
    base, ours = figures["baseline"], figures["rashomon"]
    print(f"records: {records} (gva-longtail documents.jsonl.gz, first {records} lines)")
    print(f"{'contender':<10} {'records/s':>10} {'wall s':>7} {'records/CPU-s':>14} {'CPU s':>6} "
          f"{'peak RSS MiB':>13}  outcome")
    for kind, fig in figures.items():
        outcome = ", ".join(f"{k} {v}" for k, v in fig.items()
                            if k not in ("seconds", "cpu_seconds", "peak_rss_mib"))
        print(f"{kind:<10} {records / fig['seconds']:>10.0f} {fig['seconds']:>7.2f} "
              f"{records / fig['cpu_seconds']:>14.0f} {fig['cpu_seconds']:>6.2f} "
              f"{fig['peak_rss_mib']:>13.1f}  {outcome}")
    print(f"ratio rashomon/baseline: throughput {base['seconds'] / ours['seconds']:.3f} (wall), "
          f"{base['cpu_seconds'] / ours['cpu_seconds']:.3f} (CPU); "
          f"peak RSS {ours['peak_rss_mib'] / base['peak_rss_mib']:.2f}")


if __name__ == "__main__":
    main()
