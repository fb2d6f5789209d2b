"""CASE 2021 Task 2 scorer: label mapping, F1 arithmetic, and a floor on the held-out (odd id) rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.eval.case2021 import CASE_CODES, f1_scores, predict, read_snippets, score
from rashomon.extract.events import SUB_EVENTS, UNSEEN

FLOOR_ODD_SUBTASK1_WEIGHTED_F1 = 0.73  # measured 0.7393 on 2026-11-22, sixth session (was 0.6824); never lower
FLOOR_EVEN_SUBTASK1_WEIGHTED_F1 = 0.89  # the rows whose errors were read: measured 0.9020 (was 0.7801)


def test_eval_case2021_every_label_has_a_code() -> None:
    assert set(CASE_CODES) == set(SUB_EVENTS) | set(UNSEEN)
    assert len(set(CASE_CODES.values())) == 30


def test_eval_case2021_f1_scores_on_known_case() -> None:
    figures = f1_scores(["A", "A", "B", "B"], ["A", "B", "B", "B"])
    assert figures["micro_f1"] == pytest.approx(0.75)
    assert figures["weighted_f1"] == pytest.approx((2 / 3 + 0.8) / 2)


def test_eval_case2021_predict_respects_subtask_labels() -> None:
    text = "Floods swept through three villages after heavy rain."
    assert predict(text, 2) == "NATURAL_DISASTER"
    assert predict(text, 1) != "NATURAL_DISASTER"


def test_eval_case2021_held_out_floor(gold_dir: Path) -> None:
    snippets = list(read_snippets(gold_dir / "case2021-task2" / "labelled_snippets.tsv"))
    assert len(snippets) == 615
    metrics = score(gold_dir)
    assert metrics["odd_subtask1_weighted_f1"] >= FLOOR_ODD_SUBTASK1_WEIGHTED_F1
    assert metrics["even_subtask1_weighted_f1"] >= FLOOR_EVEN_SUBTASK1_WEIGHTED_F1
    assert metrics["subtask1_rows"] == 506
