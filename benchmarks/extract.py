"""Speed of the analysis pipeline against bare spaCy on the same GVA news articles.

    .venv/bin/python benchmarks/extract.py [--n 2000] [--batch-size 32] [--data-dir ../shared/gold-data]

Runs, each in its own process (so peak memory is per run): bare ``spacy.load(<same model>)`` +
``nlp.pipe`` and the full ``build_nlp()`` pipeline + the ``ArticleAnalysis`` conversion that
``rashomon analyze`` does, over the first N non-empty texts of ``gva-longtail/documents.jsonl.gz``, with the
same batch size. Prints load and pipe wall times, words per second, the ratio full/bare (target <= 1.25)
and peak RSS. Start-up is measured first: ``build_nlp()`` in a fresh process with an empty gazetteer cache
(cold: builds and writes the cache) and again with that cache (warm); the full run then starts warm. The
cache lives in a temporary ``XDG_CACHE_HOME`` so the user's own cache is left alone.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import os
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from rashomon.eval import DEFAULT_GOLD_DIR


def load_texts(data_dir: Path, n: int) -> list[str]:
    texts = []
    with gzip.open(data_dir / "gva-longtail" / "documents.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            text = (json.loads(line).get("text") or "").strip()
            if len(text) >= 50:
                texts.append(text)
            if len(texts) == n:
                break
    return texts


def _run(mode: str, texts: list[str], batch_size: int, out: Any, cache_home: str) -> None:
    os.environ["XDG_CACHE_HOME"] = cache_home  # the gazetteer cache of this benchmark, not the user's
    import spacy

    from rashomon.extract.analyze import doc_to_analysis
    from rashomon.extract.pipeline import PipelineOptions, build_nlp, model_path

    started = time.perf_counter()
    nlp = spacy.load(model_path(PipelineOptions())) if mode == "bare" else build_nlp()
    loaded = time.perf_counter()
    n_items = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        if mode == "full":
            n_items += len(doc_to_analysis(doc).actors)
    done = time.perf_counter()
    out.put({"mode": mode, "load_s": round(loaded - started, 2), "pipe_s": round(done - loaded, 2),
             "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
             "pipes": list(nlp.pipe_names), "actor_mentions": n_items})


def measure(mode: str, texts: list[str], batch_size: int, cache_home: str) -> dict[str, Any]:
    queue: mp.Queue[dict[str, Any]] = mp.Queue()
    proc = mp.Process(target=_run, args=(mode, texts, batch_size, queue, cache_home))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_GOLD_DIR)
    args = parser.parse_args()
    texts = load_texts(args.data_dir, args.n)
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory(prefix="rashomon-cache-") as cache_home:
        cold = measure("full", [], args.batch_size, cache_home)
        warm = measure("full", [], args.batch_size, cache_home)
        bare = measure("bare", texts, args.batch_size, cache_home)
        full = measure("full", texts, args.batch_size, cache_home)
    print(f"start-up build_nlp(): cold (no gazetteer cache) {cold['load_s']:.1f} s, warm {warm['load_s']:.1f} s; "
          f"bare spacy.load {bare['load_s']:.1f} s")
    print(f"{len(texts)} GVA articles, {words} words, batch size {args.batch_size}")
    for r in (bare, full):
        print(f"{r['mode']:5} load {r['load_s']:6.1f} s  pipe {r['pipe_s']:7.1f} s  "
              f"{words / r['pipe_s']:7.0f} words/s  peak RSS {r['peak_rss_mb']} MB")
    print(f"ratio full/bare (pipe wall time): {full['pipe_s'] / bare['pipe_s']:.2f} (target <= 1.25)")
    print(f"full pipeline: {', '.join(full['pipes'])}")


if __name__ == "__main__":
    main()
