"""Outlets' home areas learned over a store's analyses, and how many reports a dossier reads at another place.

    .venv/bin/python benchmarks/outlet_homes.py CACHE [--homes OUT.json] [--reread]

CACHE is a store with analyses (e.g. a copy of the GVA cache of the clustering figures). Prints the CPU time of
:func:`rashomon.extract.outlet_area.learn_homes` over every analysed article (twice: the first run loads the
gazetteer's cache), the number of outlets with votes and with a home; ``--homes`` writes each outlet's home
(compare two code versions by running each with its ``src`` on ``PYTHONPATH``); ``--reread`` counts the reports
whose event place the dossier of a one-report event reads otherwise than the stored analysis (what ``rashomon
show`` printed before it printed the dossier's reading).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from rashomon.extract.gazetteer import load_gazetteer
from rashomon.extract.outlet_area import OutletHomes, learn_homes
from rashomon.reconcile.discrepancies import event_place
from rashomon.reconcile.dossier import event_location, read_reports
from rashomon.reconcile.evidence import Report
from rashomon.store import Store


def reread_counts(reports: list[Report], homes: OutletHomes) -> dict[str, int]:
    """Reports read as stored, re-read, and without an event place, each as a one-report event."""
    counts = {"as stored": 0, "re-read": 0, "no place": 0}
    for report in reports:
        read = event_place(read_reports([report], homes, event_location([report], homes))[0])
        stored = event_place(report)
        if read is None:
            counts["no place"] += 1
        elif stored is None or (read.name, read.admin1, read.start) != (stored.name, stored.admin1, stored.start):
            counts["re-read"] += 1
        else:
            counts["as stored"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cache", type=Path)
    parser.add_argument("--homes", type=Path, help="write each outlet's home area here (JSON)")
    parser.add_argument("--reread", action="store_true", help="count reports the dossier reads at another place")
    args = parser.parse_args()
    with Store(args.cache) as store:
        ids = [row[0] for row in store.db.execute("SELECT article_id FROM analyses ORDER BY article_id")]
        reports = [Report(store.get_article(i), store.get_analysis(i)) for i in ids]
    analyses = {r.id: r.analysis for r in reports if r.analysis is not None}
    gazetteer = load_gazetteer()
    for _ in range(2):
        started = time.process_time()
        homes = learn_homes([r.article for r in reports], analyses, gazetteer)
        found = {outlet: homes.homes.home(outlet) for outlet in homes.homes.votes}
        print(f"learn_homes: {time.process_time() - started:.2f} s CPU over {len(reports)} articles")
    print(f"outlets with votes {len(found)}, with a home {sum(home is not None for home in found.values())}")
    if args.homes:
        args.homes.write_text(json.dumps(found, indent=1, sort_keys=True), encoding="utf-8")
    if args.reread:
        print(reread_counts(reports, homes))


if __name__ == "__main__":
    main()
