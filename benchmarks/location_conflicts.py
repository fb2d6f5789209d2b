"""Location conflicts in the dossiers of the GVA merged-record scorer, with and without the dossier's reading
of its reports' places (issue 4: a conflict between a place and its own namesake is the resolver's, not the
reports').

    .venv/bin/python benchmarks/location_conflicts.py --cache COPY            # both, one after the other

Runs ``rashomon eval clustering --dataset gva-records --cache COPY --json`` twice in this process: first with
:func:`rashomon.reconcile.dossier.read_reports` replaced by the reports as analysed (the baseline), then as
the code reads them; prints the scorer's location figures and, over every dossier the scorer builds
(predicted and gold clusters and single reports), the ``location_conflict`` discrepancies and those between
places of one name ("Newark, New York" against "Newark, New Jersey").
"""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Sequence
from contextlib import redirect_stdout
from typing import Any

import rashomon.eval.records as records
import rashomon.reconcile.dossier as dossier
from rashomon.cli import main
from rashomon.reconcile.evidence import Report


def count(cache: str, *, reading: bool) -> dict[str, Any]:
    """The scorer's location figures and the location conflicts of its dossiers."""
    conflicts: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    real_build, real_read = dossier.build_dossier, dossier.read_reports  # the scorer imports build_dossier

    def build(event_id: str, reports: Sequence[Report], **options: Any) -> dict[str, Any]:
        built = real_build(event_id, reports, **options)
        conflicts[tuple(r.id for r in reports)] = [
            d for d in built["discrepancies"] if d["kind"] == "location_conflict"]
        return built

    setattr(records, "build_dossier", build)  # noqa: B010 (the scorer's own name for it)
    if not reading:
        dossier.read_reports = lambda reports, homes, location=None: list(reports)
    try:
        out = io.StringIO()
        with redirect_stdout(out):
            main(["eval", "clustering", "--dataset", "gva-records", "--cache", cache, "--json"],
                 standalone_mode=False)
    finally:
        setattr(records, "build_dossier", real_build)  # noqa: B010
        dossier.read_reports = real_read
    scores = json.loads(out.getvalue())
    found = [d for found in conflicts.values() for d in found]
    return {
        "reading": reading,
        "dossiers": len(conflicts),
        "location_conflicts": len(found),
        "one_name": sum(len(set(d["places"].values())) == 1 for d in found),
        **{k: v for k, v in scores.items() if k.endswith("location_acc")},
    }


def run() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", required=True, help="a copy of a Store with the GVA documents analysed")
    args = parser.parse_args()
    for reading in (False, True):
        print(json.dumps(count(args.cache, reading=reading)))


if __name__ == "__main__":
    run()
