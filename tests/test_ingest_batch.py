"""Batches: each article stored once, syndicated copies linked, re-ingest idempotent in any order."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.ingest import IngestOptions, ingest_paths
from rashomon.ingest.dedup import NearDuplicateIndex, shingle_hashes
from rashomon.store import Store

WIRE = (
    "GENEVA (Reuters) - At least 12 civilians were killed and 30 wounded when shells hit a crowded market "
    "in the eastern town on Sunday morning, local health officials said. The regional governor blamed "
    "government forces for the attack, which came hours after a ceasefire was announced by both sides. "
    "A spokesman for the army denied any involvement and said rebel fighters had fired the shells from "
    "positions in the hills above the town. Aid agencies said hospitals were struggling to cope with "
    "the number of wounded and appealed for blood donations. The United Nations called for an "
    "independent investigation into the shelling and urged all parties to respect the truce."
)
SYNDICATED = (
    "Shelling kills 12 at market\n\n" + WIRE.replace("GENEVA (Reuters) - ", "")
    + " Reporting by staff; editing by the desk."
)
Snapshot = tuple[list[tuple[object, ...]], list[tuple[object, ...]]]
UNRELATED = (
    "The city council approved a new budget on Monday after a long debate about school funding, road "
    "repairs and the future of the public library, which had faced closure for more than a year. "
    "Council members voted nine to four in favour of the plan, which raises property taxes slightly."
)


FLOOD = (
    "Heavy rain caused rivers to burst their banks across the north of the country overnight, forcing "
    "thousands of families from their homes, the disaster agency said on Wednesday, as rescue teams used "
    "boats to reach villages cut off by the water."
)
STRIKE = (
    "Dock workers at the country's largest port walked out on Thursday in a dispute over pay, leaving "
    "dozens of container ships waiting offshore; union leaders said the strike would last a week unless "
    "the port authority returned to talks."
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_ingest_shingles_ignore_case_and_punctuation() -> None:
    six = shingle_hashes("one two three four five six")
    assert np.array_equal(shingle_hashes("One, two THREE four five six."), six)
    assert len(six) == 2
    repeated = shingle_hashes("one two three four five one two three four five")
    assert len(repeated) == 5  # 6 windows, 5 distinct
    assert len(shingle_hashes("just three words")) == 1
    assert not np.array_equal(shingle_hashes("just three words"), shingle_hashes("just four words"))


def test_ingest_signature_estimates_jaccard() -> None:
    index = NearDuplicateIndex()
    words = [f"w{i}" for i in range(404)]  # 400 shingles
    half = words[:202] + [f"x{i}" for i in range(202)]  # shares 198 of 400+400-198 shingles
    estimate = float(np.mean(index.signature(" ".join(words)) == index.signature(" ".join(half))))
    assert abs(estimate - 198 / 602) < 0.12


def test_ingest_syndicated_copy_is_linked_not_counted(store: Store, tmp_path: Path) -> None:
    original = write(tmp_path / "reuters.txt", "Market shelled\n\n" + WIRE)
    copy = write(tmp_path / "copy.txt", SYNDICATED)
    other = write(tmp_path / "council.txt", "Budget passed\n\n" + UNRELATED)
    report = ingest_paths(store, [original, copy, other], IngestOptions())
    assert (report.stored, report.near_duplicates) == (2, 1)
    rows = {r["source_name"]: dict(r) for r in store.db.execute("SELECT * FROM articles")}
    assert rows["copy.txt"]["duplicate_of"] == rows["reuters.txt"]["id"]
    assert rows["council.txt"]["duplicate_of"] is None
    assert store.article_count() == 2
    assert store.article_count(include_duplicates=True) == 3
    row = store.db.execute("SELECT status, message FROM inputs WHERE source_name = ?",
                           (str(copy.resolve()),)).fetchone()
    assert row["status"] == "near_duplicate" and rows["reuters.txt"]["id"] in row["message"]


def test_ingest_near_duplicate_index_rebuilt_from_store(tmp_path: Path) -> None:
    db = tmp_path / "rebuild.db"
    with Store(db) as first:
        ingest_paths(first, [write(tmp_path / "reuters.txt", WIRE)], IngestOptions())
    with Store(db) as second:
        assert len(NearDuplicateIndex.from_store(second)) == 1
        report = ingest_paths(second, [write(tmp_path / "copy.txt", SYNDICATED)], IngestOptions())
        assert report.near_duplicates == 1


def test_ingest_threshold_controls_near_duplicates(store: Store, tmp_path: Path) -> None:
    paths = [write(tmp_path / "reuters.txt", WIRE), write(tmp_path / "copy.txt", SYNDICATED)]
    report = ingest_paths(store, paths, IngestOptions(near_duplicate_threshold=0.99))
    assert (report.stored, report.near_duplicates) == (2, 0)


def test_ingest_exact_duplicate_from_other_input(store: Store, tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", WIRE)
    second = write(tmp_path / "b.txt", "  " + WIRE.replace(" - ", "  -  ") + "\n\n")
    report = ingest_paths(store, [first, second], IngestOptions())
    assert (report.stored, report.duplicates) == (1, 1)
    statuses = dict(store.db.execute("SELECT source_name, status FROM inputs").fetchall())
    assert statuses == {str(first.resolve()): "stored", str(second.resolve()): "duplicate"}


def test_ingest_reingest_stores_nothing_new(store: Store, sample_dir: Path) -> None:
    ingest_paths(store, [sample_dir], IngestOptions())
    before = snapshot(store.db)
    report = ingest_paths(store, [sample_dir], IngestOptions())
    assert (report.stored, report.unchanged, report.failed) == (0, 2, 0)
    assert snapshot(store.db) == before


# -- idempotence in any order, as a property ------------------------------------------------------

def make_inputs(folder: Path) -> list[Path]:
    """Inputs of several formats, all distinct texts: two plain files, a JSONL file, an RSS feed."""
    bodies = [WIRE, UNRELATED, WIRE[::-1], FLOOD, STRIKE]
    texts = [f"Report {i}\n\n{body} Witness number {i} described the scene in detail to reporters."
             for i, body in enumerate(bodies)]
    paths = [write(folder / "one.txt", texts[0]), write(folder / "two.txt", texts[1])]
    records = [{"id": f"rec-{i}", "text": texts[i], "date": "2021-03-0" + str(i)} for i in (2, 3)]
    paths.append(write(folder / "records.jsonl", "\n".join(json.dumps(r) for r in records) + "\n"))
    paths.append(write(folder / "feed.rss", (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>Item</title>'
        f"<link>https://feed.example/4</link><description>{texts[4]}</description></item></channel></rss>")))
    paths.append(write(folder / "broken.jsonl", "{not json\n"))
    return paths


def snapshot(db: sqlite3.Connection) -> Snapshot:
    """The store's content without timestamps."""
    articles = db.execute("SELECT id, source_name, outlet, url, title, published_at, language, text, "
                          "duplicate_of, minhash FROM articles ORDER BY id").fetchall()
    inputs = db.execute("SELECT source_name, article_id, status, code, message FROM inputs "
                        "ORDER BY source_name").fetchall()
    return [tuple(r) for r in articles], [tuple(r) for r in inputs]


@pytest.fixture(scope="module")
def idem_inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Snapshot]:
    """The inputs, and the store they give when ingested once in order."""
    folder = tmp_path_factory.mktemp("idem")
    paths = make_inputs(folder)
    with Store(folder / "reference.db") as store:
        ingest_paths(store, paths, IngestOptions())
        return paths, snapshot(store.db)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches=st.lists(st.lists(st.integers(0, 4), min_size=1, max_size=8), min_size=1, max_size=3))
def test_ingest_any_order_and_repetition_gives_same_store(
        idem_inputs: tuple[list[Path], Snapshot], batches: list[list[int]]) -> None:
    """Whatever the order, repetition and split into batches, the same inputs give the same store."""
    paths, reference = idem_inputs
    missing = [i for i in range(len(paths)) if not any(i in batch for batch in batches)]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "prop.db") as store:
        for batch in [*batches, missing]:
            ingest_paths(store, [paths[i] for i in batch], IngestOptions())
        assert snapshot(store.db) == reference
    articles, inputs = reference
    assert len(articles) == 5 and len(inputs) == 6
