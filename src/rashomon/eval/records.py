"""Merged-record accuracy on GVA incidents: clustering + reconciliation against GVA's structured records.

``rashomon eval clustering --dataset gva-records`` clusters the whole GVA long-tail pool (with the analyses
of the extraction pipeline, cached as for ``--dataset gva``), builds each event's dossier with the real
reconciliation (:func:`rashomon.reconcile.dossier.build_dossier`), and for every gold incident with at
least one usable report and structured fields takes the event holding most of its reports (ties: the
smallest event label) and compares:

* ``killed`` / ``injured``: exact match of the dossier's figure with ``num_killed`` / ``num_injured``.
  The dossier's figure (:func:`casualty_total`) is the sum over the slots of that kind (one per side)
  of the slot's ``best``, or its ``low`` when no figure qualified as best; no slot of the kind = 0
  (GVA records 0 when nobody was hurt, and reports rarely say "nobody was killed");
* ``date``: the dossier's date equals the incident's day (any precision; a month-precise date is a miss
  unless it happens to fall on the day);
* ``location``: the dossier's place lies within 161 km (100 miles, Acc@161) of the incident's ``lat_long``.

Two references run in the same command on the same analyses: ``single_report`` (the dossier of the
incident's earliest report alone: what one outlet says) and ``gold_clusters`` (the dossier of exactly the
incident's reports: the ceiling that perfect clustering would give). Figures are also split by incident
id parity (``odd``: used when tuning, ``even``: held out).
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rashomon.cluster.features import haversine_km
from rashomon.cluster.options import ClusterOptions
from rashomon.cluster.partition import build_corpus, partition_corpus
from rashomon.eval.clustering import analyse_documents
from rashomon.eval.gva import GvaDocument, GvaIncident, load_documents, load_incidents
from rashomon.extract.outlet_area import learn_homes
from rashomon.reconcile.dossier import build_dossier
from rashomon.reconcile.evidence import Report
from rashomon.records import Article, ArticleAnalysis

ACC_KM = 161.0
"""Acc@161: a place within 100 miles of the gold coordinates counts as right."""
FIELDS = ("killed", "injured", "date", "location")
Dossier = dict[str, Any]


@dataclass(frozen=True)
class RecordPrediction:
    """What a dossier says about the four scored fields."""

    killed: int
    injured: int
    date: str | None
    point: tuple[float, float] | None


def casualty_total(dossier: Dossier, kind: str) -> int:
    """Sum over the dossier's slots of ``kind`` of ``best`` (else ``low``); 0 without any slot."""
    total = 0
    for slot in dossier.get("casualties") or []:
        if slot.get("kind") != kind:
            continue
        value = slot.get("best") if slot.get("best") is not None else slot.get("low")
        total += int(value or 0)
    return total


def predict(dossier: Dossier) -> RecordPrediction:
    location = dossier.get("location") or {}
    lat, lon = location.get("lat"), location.get("lon")
    return RecordPrediction(
        killed=casualty_total(dossier, "killed"),
        injured=casualty_total(dossier, "injured"),
        date=dossier.get("date"),
        point=(float(lat), float(lon)) if lat is not None and lon is not None else None,
    )


def judge(pred: RecordPrediction, incident: GvaIncident) -> dict[str, bool | None]:
    """Per field: right, wrong, or ``None`` when the gold record lacks the field."""
    location: bool | None = None
    if incident.lat_long is not None:
        location = pred.point is not None and haversine_km(pred.point, incident.lat_long) <= ACC_KM
    return {
        "killed": None if incident.num_killed is None else pred.killed == incident.num_killed,
        "injured": None if incident.num_injured is None else pred.injured == incident.num_injured,
        "date": None if not incident.date else (pred.date or "")[:10] == incident.date[:10],
        "location": location,
    }


def majority_event(doc_ids: Iterable[str], label: dict[str, str]) -> str | None:
    """The event holding most of ``doc_ids`` (ties: the smallest label); ``None`` when none is clustered."""
    votes = Counter(label[d] for d in doc_ids if d in label)
    if not votes:
        return None
    return min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def scored_incidents(incidents: dict[str, GvaIncident], doc_ids: set[str]) -> list[GvaIncident]:
    """Incidents with structured fields and at least one usable report among ``doc_ids``, by id."""
    keep = [
        inc
        for inc in incidents.values()
        if inc.num_killed is not None and inc.date and any(d in doc_ids for d in inc.doc_ids)
    ]
    return sorted(keep, key=lambda inc: int(inc.incident_id) if inc.incident_id.isdigit() else 0)


class Accuracy:
    """Right / judged counts per field and split."""

    def __init__(self) -> None:
        self.right: Counter[str] = Counter()
        self.judged: Counter[str] = Counter()

    def add(self, split: str, verdicts: dict[str, bool | None]) -> None:
        for name, verdict in verdicts.items():
            if verdict is None:
                continue
            for key in (f"{name}", f"{split}_{name}"):
                self.judged[key] += 1
                self.right[key] += int(verdict)

    def table(self, prefix: str = "") -> dict[str, float]:
        return {f"{prefix}{key}_acc": round(self.right[key] / n, 4) for key, n in sorted(self.judged.items())}


class EventDossiers:
    """Dossiers built on demand (and kept) for groups of reports, from articles and their analyses."""

    def __init__(self, articles: dict[str, Article], analyses: dict[str, ArticleAnalysis]) -> None:
        self.articles = articles
        self.analyses = analyses
        self.homes = learn_homes(articles.values(), analyses)  # outlets' home areas, as reconcile_store keeps them
        self._built: dict[tuple[str, ...], Dossier] = {}

    def dossier(self, article_ids: Sequence[str]) -> Dossier:
        key = tuple(sorted(article_ids))
        if key not in self._built:
            reports = [Report(self.articles[a], self.analyses.get(a)) for a in key]
            self._built[key] = build_dossier("ev-" + key[0][:12], reports, homes=self.homes)
        return self._built[key]


@dataclass
class PoolEvents:
    """The clustered pool: article -> event label, event label -> its articles, and their dossiers."""

    label: dict[str, str]
    members: dict[str, list[str]]
    dossiers: EventDossiers
    features: str
    cluster_seconds: float

    def event_dossier(self, event: str) -> Dossier:
        return self.dossiers.dossier(self.members[event])


def cluster_pool(
    docs: list[GvaDocument], *, cache: Path | None, use_pipeline: bool, options: ClusterOptions | None = None
) -> PoolEvents:
    """Cluster ``docs`` (with their cached analyses when ``use_pipeline``) as ``rashomon cluster`` would."""
    options = options or ClusterOptions()
    articles = [d.to_article() for d in docs]
    analyses, used = analyse_documents(articles, cache) if use_pipeline else ({}, "text+dates (pipeline off)")
    started = time.perf_counter()
    result = partition_corpus(build_corpus(((a, analyses.get(a.id)) for a in articles), options), options)
    label = result.label_of()
    members: dict[str, list[str]] = defaultdict(list)
    for article_id, event in label.items():
        members[event].append(article_id)
    return PoolEvents(
        label=label,
        members=dict(members),
        dossiers=EventDossiers({a.id: a for a in articles}, analyses),
        features=used,
        cluster_seconds=round(time.perf_counter() - started, 2),
    )


def _parity(incident: GvaIncident) -> str:
    return "odd" if incident.incident_id.isdigit() and int(incident.incident_id) % 2 else "even"


def _earliest(doc_ids: Sequence[str], docs: dict[str, GvaDocument]) -> str:
    return min(doc_ids, key=lambda d: (docs[d].dct or "9999", d))


def score_incidents(
    incidents: Sequence[GvaIncident],
    pool: PoolEvents,
    docs: dict[str, GvaDocument],
    *,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Accuracy of the system's events and of the two references over ``incidents``."""
    system, single, oracle = Accuracy(), Accuracy(), Accuracy()
    for number, incident in enumerate(incidents, 1):
        present = [d for d in incident.doc_ids if d in docs]
        split = _parity(incident)
        event = majority_event(present, pool.label)
        if event is not None:
            system.add(split, judge(predict(pool.event_dossier(event)), incident))
        single.add(split, judge(predict(pool.dossiers.dossier([_earliest(present, docs)])), incident))
        oracle.add(split, judge(predict(pool.dossiers.dossier(present)), incident))
        if progress is not None:
            progress(number)
    return system.table() | single.table("single_report_") | oracle.table("gold_clusters_")


def score_records(
    data_dir: Path,
    *,
    limit: int | None = None,
    cache: Path | None = None,
    use_pipeline: bool = True,
) -> dict[str, Any]:
    """Merged-record accuracy over GVA incidents (see the module docstring)."""
    docs = load_documents(data_dir)
    if limit:
        docs = docs[:limit]
    by_id = {d.doc_id: d for d in docs}
    incidents = scored_incidents(load_incidents(data_dir), set(by_id))
    pool = cluster_pool(docs, cache=cache, use_pipeline=use_pipeline)
    started = time.perf_counter()
    metrics: dict[str, Any] = {
        "documents": len(docs),
        "incidents": len(incidents),
        "odd_incidents": sum(_parity(i) == "odd" for i in incidents),
        "features": pool.features,
        "events": len(pool.members),
        "cluster_seconds": pool.cluster_seconds,
        "rule": "killed/injured: sum over sides of best (else low), 0 without a slot; date: exact day; "
        f"location: within {ACC_KM:.0f} km of lat_long",
    }
    metrics |= score_incidents(incidents, pool, by_id)
    metrics["reconcile_seconds"] = round(time.perf_counter() - started, 2)
    return metrics
