"""Loaders for the Gun Violence Archive long-tail corpus (``gva-longtail``), shared by the scorers.

The corpus links GVA incidents (structured records: date, place, killed, injured, participants) to the
local news reports about them. Three views are read here:

* documents and incidents of the whole pool (``documents.jsonl.gz``, ``incidents.jsonl.gz``);
* the Gun Violence Corpus subset with its incident-level train/dev splits (``gvc/``);
* SemEval-2018 Task 5 subtask-2 counting questions (``semeval2018_task5_s2/``).

Only train/dev material is read. Documents linked to two GVA ids (GVA's own duplicate entries) put
both ids in one gold incident, so the gold partition is the connected components of the links.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rashomon.cluster.history import connected_groups
from rashomon.eval import require
from rashomon.records import Article

GVA_DIR = "gva-longtail"
MIN_TEXT_CHARS = 50
"""Texts shorter than this are empty crawls (the README says to skip them)."""


@dataclass
class GvaDocument:
    doc_id: str
    incident_ids: list[str]
    dct: str | None
    title: str | None
    text: str
    url: str | None = None

    def to_article(self) -> Article:
        """The document as a Rashomon article (id = the corpus doc id, so gold and output line up)."""
        return Article(
            id=self.doc_id,
            text=self.text,
            source_name=f"gva:{self.doc_id}",
            title=self.title,
            url=self.url,
            published_at=self.dct,
            language="en",
        )


@dataclass
class GvaIncident:
    incident_id: str
    date: str | None
    state: str | None
    city: str | None
    lat_long: tuple[float, float] | None
    num_killed: int | None
    num_injured: int | None
    doc_ids: list[str] = field(default_factory=list)
    participant_names: list[str] = field(default_factory=list)


def _jsonl_gz(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(require(path), "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_documents(data_dir: Path, *, min_chars: int = MIN_TEXT_CHARS) -> list[GvaDocument]:
    """Every document of the pool with a usable text, in file order."""
    docs = []
    for row in _jsonl_gz(data_dir / GVA_DIR / "documents.jsonl.gz"):
        text = (row.get("text") or "").strip()
        if len(text) < min_chars:
            continue
        docs.append(
            GvaDocument(
                doc_id=row["doc_id"],
                incident_ids=[str(i) for i in row["incident_ids"]],
                dct=(row.get("dct") or None),
                title=row.get("title"),
                text=text,
                url=row.get("url"),
            )
        )
    return docs


def _incident(row: dict[str, Any]) -> GvaIncident:
    lat_long = row.get("lat_long")
    names = [p["name"] for p in row.get("participants") or [] if p.get("name")]
    return GvaIncident(
        incident_id=str(row["incident_id"]),
        date=row.get("date"),
        state=row.get("state"),
        city=row.get("city_or_county"),
        lat_long=(float(lat_long[0]), float(lat_long[1])) if lat_long else None,
        num_killed=row.get("num_killed"),
        num_injured=row.get("num_injured"),
        doc_ids=list(row.get("doc_ids") or []),
        participant_names=names,
    )


def load_incidents(data_dir: Path) -> dict[str, GvaIncident]:
    """GVA incident records by id."""
    return {
        inc.incident_id: inc for inc in map(_incident, _jsonl_gz(data_dir / GVA_DIR / "incidents.jsonl.gz"))
    }


def gold_partition(docs: Iterable[GvaDocument]) -> dict[str, str]:
    """doc id -> gold cluster label; documents sharing any incident id share a label (union-find)."""
    docs = list(docs)
    pairs = [("i:" + doc.incident_ids[0], "i:" + other) for doc in docs for other in doc.incident_ids]
    label = {member: group[0] for group in connected_groups(pairs) for member in group}
    return {doc.doc_id: label["i:" + doc.incident_ids[0]] for doc in docs}


def gvc_split(data_dir: Path, split: str) -> dict[str, str]:
    """GVC doc id -> incident id for the documents of one split (``train`` or ``dev``)."""
    if split not in {"train", "dev"}:
        raise ValueError(f"GVC split must be train or dev, not {split!r}")
    base = data_dir / GVA_DIR / "gvc"
    with require(base / f"{split}.csv").open(encoding="utf-8") as handle:
        incidents = {row[1].strip() for row in csv.reader(handle) if len(row) > 1}
    with require(base / "gvc_doc_to_event.csv").open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return {row["doc-id"]: row["event-id"] for row in reader if row["event-id"] in incidents}


@dataclass
class CountingQuestion:
    """A SemEval-2018 Task 5 subtask-2 question: how many incidents of a type, at a place, in a period."""

    question_id: str
    event_type: str
    place: dict[str, str]
    time: dict[str, str]
    answer: int
    answer_docs: dict[str, list[str]]
    participant: dict[str, str] = field(default_factory=dict)  # first | last | full_name -> value


def load_counting_questions(data_dir: Path) -> list[CountingQuestion]:
    base = data_dir / GVA_DIR / "semeval2018_task5_s2"
    with require(base / "questions.json").open(encoding="utf-8") as handle:
        questions = json.load(handle)
    with require(base / "answers.json").open(encoding="utf-8") as handle:
        answers = json.load(handle)
    out = []
    for qid, question in questions.items():
        answer = answers.get(qid)
        if answer is None:
            continue
        out.append(
            CountingQuestion(
                question_id=qid,
                event_type=str(question.get("event_type", "")),
                place=dict(question.get("location") or {}),
                time=dict(question.get("time") or {}),
                answer=int(answer["numerical_answer"]),
                answer_docs=dict(answer.get("answer_docs") or {}),
                participant=dict(question.get("participant") or {}),
            )
        )
    return out
