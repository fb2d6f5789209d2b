"""What a reader of the dossiers sees on a small real corpus of GVA shootings (issues 3 and 4).

    .venv/bin/python benchmarks/dossier_quality.py corpus OUT.jsonl      # 80 reports of 25 odd-id incidents
    .venv/bin/rashomon run OUT.jsonl --db Q.db
    .venv/bin/rashomon export --db Q.db --format json > q.json
    .venv/bin/rashomon export --db Q.db --format csv > q.csv
    .venv/bin/python benchmarks/dossier_quality.py count q.json q.csv

``corpus`` draws, with a fixed seed, 25 GVA incidents of odd id (with GVA's structured fields) with 2-6
non-empty single-incident articles each, 80 articles in all, from ``gva-longtail/documents.jsonl.gz`` (odd
ids: the held-out half of the clustering figures) and writes them as JSON Lines as a user would (doc_id,
title, text, url, dct). ``count`` prints the counts the fifth session's dossier audit reports: events by
type, CSV rows with an empty actor1 / actor2, discrepancies by kind, contested events.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from rashomon.eval import DEFAULT_GOLD_DIR

SEED = 5
INCIDENTS = 25
ARTICLES = 80


def build_corpus(data_dir: Path, out: Path) -> list[str]:
    """Write the corpus to ``out``; the chosen incident ids."""
    by_incident: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with gzip.open(data_dir / "gva-longtail" / "documents.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            if len(doc["incident_ids"]) == 1 and len((doc.get("text") or "").strip()) >= 50:
                by_incident[doc["incident_ids"][0]].append(doc)
    with gzip.open(data_dir / "gva-longtail" / "incidents.jsonl.gz", "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    bare = {r["incident_id"] for r in records if not r.get("structured_fields_available", True)}
    candidates = sorted(
        i for i, docs in by_incident.items() if int(i) % 2 == 1 and 2 <= len(docs) <= 6 and i not in bare
    )
    random.Random(SEED).shuffle(candidates)
    chosen: list[str] = []
    total = 0
    for incident in candidates:
        size, left = len(by_incident[incident]), INCIDENTS - len(chosen) - 1
        if total + size + 2 * left <= ARTICLES <= total + size + 6 * left:
            chosen.append(incident)
            total += size
        if len(chosen) == INCIDENTS:
            break
    with out.open("w", encoding="utf-8") as sink:
        for incident in chosen:
            for doc in by_incident[incident]:
                record = {k: doc[k] for k in ("doc_id", "title", "text", "url", "dct")}
                sink.write(json.dumps(record) + "\n")
    return chosen


def counts(export_json: Path, export_csv: Path) -> dict[str, Any]:
    """The audit's counts from a JSON and a CSV export of the same store."""
    events = json.loads(export_json.read_text(encoding="utf-8"))["events"]
    with export_csv.open(encoding="utf-8", newline="") as rows_file:
        rows = list(csv.DictReader(rows_file))
    types = Counter(f"{e.get('event_type')} / {e.get('sub_event_type')}" for e in events)
    return {
        "events": len(events),
        "typed": sum(1 for e in events if e.get("event_type")),
        "types": dict(types.most_common()),
        "empty_actor1": sum(1 for r in rows if not r["actor1"]),
        "empty_actor2": sum(1 for r in rows if not r["actor2"]),
        "actor1": dict(Counter(r["actor1"] for r in rows).most_common()),
        "discrepancies": dict(Counter(d["kind"] for e in events for d in e.get("discrepancies", [])).most_common()),
        "contested": sum(1 for e in events if e.get("contested")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    corpus = sub.add_parser("corpus")
    corpus.add_argument("out", type=Path)
    corpus.add_argument("--data-dir", type=Path, default=DEFAULT_GOLD_DIR)
    count = sub.add_parser("count")
    count.add_argument("export_json", type=Path)
    count.add_argument("export_csv", type=Path)
    args = parser.parse_args()
    if args.command == "corpus":
        chosen = build_corpus(args.data_dir, args.out)
        print(f"{len(chosen)} incidents written to {args.out}: {', '.join(chosen)}")
    else:
        print(json.dumps(counts(args.export_json, args.export_csv), indent=2))


if __name__ == "__main__":
    main()
