"""A batch killed with SIGKILL mid-way leaves a consistent store, and a re-run completes it exactly."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

RECORDS = 4000
WORDS = [
    "army", "rebels", "town", "market", "shelling", "police", "village", "convoy", "attack", "killed",
    "wounded", "soldiers", "civilians", "ministry", "statement", "border", "clash", "protest", "capital",
    "governor", "spokesman", "hospital", "fire", "officials", "said", "reported", "claimed", "denied",
    "accused", "night", "morning", "checkpoint", "district", "province",
]


def build_batch(path: Path) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(RECORDS):
            words = " ".join(rng.choice(WORDS) for _ in range(120))
            record = {"id": f"doc-{i}", "title": f"Report {i}", "text": f"Report {i}. {words}.",
                      "date": "2022-08-03"}
            handle.write(json.dumps(record) + "\n")


def stored_inputs(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM inputs").fetchone()[0])
    except sqlite3.OperationalError:  # not created or migrated yet
        return 0


def ingest_command(batch: Path, db: Path) -> list[str]:
    return [sys.executable, "-c", "from rashomon.cli import main; main()",
            "ingest", str(batch), "--db", str(db), "--json"]


def check_consistent(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute(
            "SELECT count(*) FROM inputs i LEFT JOIN articles a ON a.id = i.article_id "
            "WHERE i.status IN ('stored', 'duplicate', 'near_duplicate') AND a.id IS NULL").fetchone()[0]
        assert orphans == 0
        unrecorded = conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM inputs i WHERE i.article_id = a.id)").fetchone()[0]
        assert unrecorded == 0
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        inputs = conn.execute("SELECT count(*) FROM inputs").fetchone()[0]
    return int(articles), int(inputs)


@pytest.mark.slow
def test_ingest_crash_mid_batch_then_rerun_completes(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    build_batch(batch)
    db = tmp_path / "crash.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(ingest_command(batch, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=env)
    deadline = time.monotonic() + 120
    while stored_inputs(db) < 300 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the batch ended before it could be killed; make it bigger"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    articles, inputs = check_consistent(db)
    assert 0 < articles < RECORDS and articles == inputs

    rerun = subprocess.run(ingest_command(batch, db), capture_output=True, text=True, env=env, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["unchanged"] == inputs
    assert report["stored"] == RECORDS - inputs

    articles, inputs = check_consistent(db)
    assert (articles, inputs) == (RECORDS, RECORDS)
    with sqlite3.connect(db) as conn:
        names = conn.execute("SELECT count(DISTINCT source_name) FROM articles").fetchone()[0]
    assert names == RECORDS
