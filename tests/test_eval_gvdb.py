"""Accuracy gate on a fixed slice of GVDB dev (first 80 articles): pinned digest, pinned floors."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from rashomon.eval.gvdb import build_nlp, keyword_baseline, read_gvdb, score_counts, system_counts

SLICE = 80
SLICE_DIGEST = "894b24af8ea2456d"  # sha256 of the slice's article ids, first 16 hex digits
FLOORS = {"killed_accuracy": 0.93, "injured_accuracy": 0.7875}
# sixth session: measured 0.9375 / 0.7875 (injured back to round 3's figure: a dateline taken for a subject)
# measured 0.9375 / 0.775 (round 3); injured went 0.7875 -> 0.775 by one article of the slice, a cold-case listing
# page ("was shot in the head at 7:30 a.m. ... 1985" now reads as a shooting, gold lists 3 dead of other cases),
# while all 400 dev articles went 0.810 -> 0.8275 and the held-out odd half 0.810 -> 0.815; never lower otherwise


def test_eval_gvdb_reads_gold_counts(gold_dir: Path) -> None:
    docs = list(read_gvdb(gold_dir / "gvdb" / "dev.tsv.gz"))
    assert len(docs) == 400
    assert sum(d.killed for d in docs) == 269  # README: dev has 269 killed victims
    assert sum(not d.annotated for d in docs) == 73  # no victim outcome in the gold at all
    assert all(d.killed == d.injured == 0 for d in docs if not d.annotated)
    assert keyword_baseline("He died at the scene.") == (1, 0)
    assert keyword_baseline("She was taken to a hospital.") == (0, 1)


@pytest.mark.slow
def test_eval_gvdb_slice_meets_floors(gold_dir: Path) -> None:
    docs = list(read_gvdb(gold_dir / "gvdb" / "dev.tsv.gz", limit=SLICE))
    digest = hashlib.sha256("\n".join(d.doc_id for d in docs).encode()).hexdigest()[:16]
    assert digest == SLICE_DIGEST, "the gold slice changed: re-measure before moving the floors"
    metrics = score_counts(docs, system_counts(docs, build_nlp()), "")
    for name, floor in FLOORS.items():
        assert metrics[name] >= floor, (name, metrics[name])


@pytest.mark.slow
def test_eval_gvdb_reports_even_and_odd_halves(gold_dir: Path) -> None:
    from rashomon.eval.gvdb import score

    metrics = score(gold_dir, limit=6)
    assert metrics["documents"] == 6
    for name in ("killed_accuracy", "injured_accuracy", "baseline_killed_accuracy"):
        halves = (metrics[f"even_{name}"] + metrics[f"odd_{name}"]) / 2  # two halves of 3 articles
        assert metrics[name] == pytest.approx(halves)
