"""Casualty counts on GVA incidents reported by a single article: a second check beside GVDB.

    .venv/bin/python benchmarks/casualties_gva.py [--n 600] [--skip 0] [--seed 7] [--data-dir ../shared/gold-data]

GVA (``gva-longtail/incidents.jsonl.gz``) records ``num_killed`` and ``num_injured`` per incident. This takes
the incidents with structured fields that exactly one non-empty article reports, shuffles them with
``--seed``, leaves out the first ``--skip`` and keeps ``--n``, parses ``title + blank line + text`` (text
cut at 15,000 characters) with the GVDB scorer's pipeline (``en_core_web_md`` + line breaks +
``rashomon.casualties.v1``) and prints the exact
accuracy of :func:`rashomon.extract.casualties.article_counts` against the incident's counts, on all picked
incidents and on even / odd positions (read errors on even positions only, odd is held out; ``--skip 600``
gives incidents never looked at when the default 600 were), with the keyword baseline of
:mod:`rashomon.eval.gvdb` scored in the same run.

GVA's convention is not GVDB's: a shooter killed or hurt counts, and an article may report fewer victims
than the incident (pages also carry other stories), so figures are for comparing code, not a target. Put an
older ``src`` first on ``PYTHONPATH`` to score that code on the same incidents.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

from rashomon.eval import DEFAULT_GOLD_DIR
from rashomon.eval.gvdb import build_nlp, keyword_baseline


def load_incidents(data_dir: Path, n: int, seed: int, skip: int = 0) -> list[tuple[str, int, int]]:
    """(text, killed, injured) of ``n`` single-article GVA incidents picked with ``seed``, after ``skip``."""
    root = data_dir / "gva-longtail"
    with gzip.open(root / "documents.jsonl.gz", "rt", encoding="utf-8") as lines:
        documents = {d["doc_id"]: d for d in map(json.loads, lines)}
    with gzip.open(root / "incidents.jsonl.gz", "rt", encoding="utf-8") as lines:
        incidents = [json.loads(line) for line in lines]
    single = [
        i
        for i in incidents
        if i.get("structured_fields_available", True)
        and len(i.get("doc_ids") or []) == 1
        and len((documents.get(i["doc_ids"][0]) or {}).get("text") or "") >= 50
    ]
    random.Random(seed).shuffle(single)
    picked = []
    for incident in single[skip : skip + n]:
        document = documents[incident["doc_ids"][0]]
        text = f"{document['title'].strip()}\n\n{document['text'][:15000]}"
        picked.append((text, int(incident["num_killed"]), int(incident["num_injured"])))
    return picked


def accuracy(predicted: list[tuple[int, int]], gold: list[tuple[str, int, int]], parity: int | None) -> str:
    """ "killed / injured" exact accuracy over all positions or one parity."""
    picked = [i for i in range(len(gold)) if parity is None or i % 2 == parity]
    killed = sum(predicted[i][0] == gold[i][1] for i in picked) / max(len(picked), 1)
    injured = sum(predicted[i][1] == gold[i][2] for i in picked) / max(len(picked), 1)
    return f"{killed:.4f} / {injured:.4f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_GOLD_DIR)
    args = parser.parse_args()

    from rashomon.extract.casualties import article_counts

    gold = load_incidents(args.data_dir, args.n, args.seed, args.skip)
    system = []
    for doc in build_nlp().pipe((g[0] for g in gold), batch_size=16):
        counts = article_counts(doc._.casualties, doc.text)
        system.append((counts.get("killed", 0), counts.get("injured", 0)))
    baseline = [keyword_baseline(g[0]) for g in gold]
    print(f"{len(gold)} single-article GVA incidents (seed {args.seed}, skip {args.skip}), killed / injured accuracy")
    for name, parity in (("all", None), ("even", 0), ("odd", 1)):
        print(f"  {name:4}  system {accuracy(system, gold, parity)}  baseline {accuracy(baseline, gold, parity)}")


if __name__ == "__main__":
    main()
