"""The clustering stage over a store: assign reports not yet in an event to events, incrementally.

``cluster_store`` reads every original article (syndicated duplicates are left out: they follow their
original) with its analysis when there is one, and:

* keeps the events of earlier runs as they are (frozen: never merged behind the user's back) and lets
  the new articles join them or form new events (an incremental run);
* with ``rebuild=True`` re-clusters everything, keeping event ids where an old event and a new one
  share most articles;
* respects the user's decisions in ``event_history`` (merges keep reports together, splits keep them
  apart) on every run;
* stores per article the pairwise evidence that joined it (``event_articles.reason``), per event its
  date (``events.date``) and a summary (``events.data``), and one ``cluster`` row in the history.

Event ids are ``"ev-"`` plus 12 hex digits of SHA-256 over the event's first article id.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from datetime import date
from typing import Any

from rashomon.cluster.history import constraints_from_history, merge_holds, record
from rashomon.cluster.options import ClusterOptions
from rashomon.cluster.partition import Constraints, Corpus, PartitionResult, build_corpus, partition_corpus
from rashomon.store import Store, utc_now


def event_id_for(first_article_id: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """The stable id of an event seeded by ``first_article_id`` (suffixed when already taken)."""
    seed, n = first_article_id, 0
    while True:
        candidate = "ev-" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:12]
        if candidate not in taken:
            return candidate
        n += 1
        seed = f"{first_article_id}#{n}"


def current_assignment(store: Store) -> dict[str, str]:
    """article id -> event id, as stored."""
    return {r[0]: r[1] for r in store.db.execute("SELECT article_id, event_id FROM event_articles")}


def _load_corpus(store: Store, options: ClusterOptions) -> Corpus:
    items = [(a, store.get_analysis(a.id)) for a in store.iter_articles(include_duplicates=False)]
    return build_corpus(items, options)


def _row_constraints(corpus: Corpus, store: Store, frozen: dict[str, list[str]]) -> Constraints:
    must_ids, cannot_ids = constraints_from_history(store)
    rows = corpus.row
    must = [[rows[a] for a in group if a in rows] for group in must_ids]
    cannot = {
        (min(rows[a], rows[b]), max(rows[a], rows[b])) for a, b in cannot_ids if a in rows and b in rows
    }
    frozen_rows = [[rows[a] for a in members if a in rows] for members in frozen.values()]
    return Constraints(
        must=[g for g in must if len(g) > 1], cannot=cannot, frozen=[g for g in frozen_rows if g]
    )


def _name_clusters(clusters: list[list[str]], old: dict[str, str]) -> dict[str, list[str]]:
    """Event id for each cluster: the old event sharing most of its articles, else a fresh seeded id."""
    named: dict[str, list[str]] = {}
    ranked = []
    for members in clusters:
        votes = Counter(old[a] for a in members if a in old)
        for event_id, n in votes.items():
            ranked.append((-n, event_id, members[0]))
    by_first = {m[0]: m for m in clusters}
    for _, event_id, first in sorted(ranked):
        if event_id not in named and first in by_first:
            named[event_id] = by_first.pop(first)
    taken = set(named) | set(old.values())
    for first, members in sorted(by_first.items()):
        event_id = event_id_for(first, taken)
        taken.add(event_id)
        named[event_id] = members
    return named


def _event_summary(result: PartitionResult, members: list[str]) -> tuple[str | None, dict[str, Any]]:
    feats = [result.corpus.features[result.corpus.row[a]] for a in members]
    days = Counter(f.day for f in feats if f.day is not None)
    day = min(days, key=lambda d: (-days[d], d)) if days else None
    places = Counter(label for f in feats for label in f.place_labels[:1])
    kinds = {"analysis" if f.from_analysis else "text" for f in feats}
    event_date = date.fromordinal(day).isoformat() if day is not None else None
    return event_date, {
        "articles": len(members),
        "date": event_date,
        "places": [p for p, _ in places.most_common(3)],
        "features": kinds.pop() if len(kinds) == 1 else "mixed",
        "threshold": result.options.threshold,
    }


def _write(
    store: Store, result: PartitionResult, named: dict[str, list[str]], old: dict[str, str], rebuild: bool
) -> dict[str, int]:
    now = utc_now()
    counts = {"events_created": 0, "events_updated": 0, "articles_assigned": 0}
    holds = merge_holds(store)
    with store.atomic() as db:
        if rebuild:
            gone = set(old.values()) - set(named)
            db.execute("DELETE FROM event_articles")
            for event_id in sorted(gone):
                db.execute("DELETE FROM dossiers WHERE event_id = ?", (event_id,))
                db.execute("DELETE FROM events WHERE id = ?", (event_id,))
        for event_id, members in sorted(named.items()):
            new_members = [a for a in members if rebuild or a not in old]
            if not new_members:
                continue
            event_date, data = _event_summary(result, members)
            exists = db.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone()
            if exists:
                db.execute(
                    "UPDATE events SET data = ?, date = ?, updated_at = ? WHERE id = ?",
                    (json.dumps(data), event_date, now, event_id),
                )
                counts["events_updated"] += 1
            else:
                db.execute(
                    "INSERT INTO events (id, data, date, created_at, updated_at) VALUES (?,?,?,?,?)",
                    (event_id, json.dumps(data), event_date, now, now),
                )
                counts["events_created"] += 1
            for article_id in new_members:
                reason = _with_user_merge(result.reason(result.corpus.row[article_id]), holds.get(article_id), members)
                db.execute(
                    "INSERT INTO event_articles (article_id, event_id, reason) VALUES (?,?,?) "
                    "ON CONFLICT(article_id) DO UPDATE SET "
                    "event_id=excluded.event_id, reason=excluded.reason",
                    (article_id, event_id, json.dumps(reason, ensure_ascii=False)),
                )
                counts["articles_assigned"] += 1
    return counts


def _with_user_merge(
    reason: dict[str, Any], hold: dict[str, Any] | None, members: list[str]
) -> dict[str, Any]:
    """``reason`` (the pairwise evidence) marked as held by the user's merge when one keeps the article here."""
    if hold is None:
        return reason
    kept_with = [a for a in hold["merged_with"] if a in members]
    return reason if not kept_with else reason | hold | {"merged_with": sorted(kept_with)}


def cluster_store(
    store: Store, *, progress: bool = False, rebuild: bool = False, options: ClusterOptions | None = None
) -> dict[str, Any]:
    """Bring the events of ``store`` up to date; return a summary of what changed."""
    options = options or ClusterOptions()
    old = current_assignment(store)
    originals = store.article_count()
    if not rebuild and len(old) >= originals:
        return {
            "articles": originals,
            "new_articles": 0,
            "events": _event_count(store),
            "events_created": 0,
            "events_updated": 0,
            "articles_assigned": 0,
            "candidate_pairs": 0,
        }
    corpus = _load_corpus(store, options)
    frozen: dict[str, list[str]] = {}
    if not rebuild:
        for article_id, event_id in sorted(old.items()):
            frozen.setdefault(event_id, []).append(article_id)
    constraints = _row_constraints(corpus, store, frozen)
    only = None if rebuild else {row for aid, row in corpus.row.items() if aid not in old}
    result = partition_corpus(corpus, options, constraints, only=only)
    named = _name_clusters(result.clusters(), old)
    counts = _write(store, result, named, old, rebuild)
    summary = {
        "articles": len(corpus.features),
        "new_articles": len(only) if only is not None else len(corpus.row),
        "events": _event_count(store),
        "candidate_pairs": result.candidates,
        "rebuild": rebuild,
        "features_from_analysis": sum(f.from_analysis for f in corpus.features),
    } | counts
    record(store, "cluster", None, summary)
    return summary


def _event_count(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM events").fetchone()[0])
