"""Which articles form which event, and the ``dossiers`` table.

Events are the rows of ``events`` + ``event_articles`` written by the clustering stage. An original article
(not a syndicated copy) that no event holds yet is its own one-article event with the id ``art-<article id>``;
its dossier is built when asked for and not stored (``dossiers.event_id`` references ``events``).
A dossier carries a ``fingerprint`` of what it was built from (member articles, their analyses, their
outlets' home areas, the reconciliation version), so the stage rebuilds only dossiers whose event changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from rashomon.errors import ConfigError, Errors, StoreError
from rashomon.extract.outlet_area import HomeMarks
from rashomon.reconcile import RECONCILE_VERSION
from rashomon.store import Store, utc_now

SOLO_PREFIX = "art-"
"""Id prefix of the one-article event of an article no stored event holds."""


@dataclass
class EventMembers:
    """An event's id and its articles (oldest first); ``stored`` when it is a row of ``events``."""

    id: str
    article_ids: list[str]
    stored: bool = True


def stored_events(store: Store) -> list[EventMembers]:
    """Every stored event with at least one article."""
    groups: dict[str, EventMembers] = {}
    for row in store.db.execute(
        "SELECT ea.event_id, ea.article_id FROM event_articles ea JOIN articles a ON a.id = ea.article_id "
        "ORDER BY ea.event_id, a.published_at, a.id"
    ):
        groups.setdefault(row[0], EventMembers(row[0], [])).article_ids.append(row[1])
    return list(groups.values())


def solo_events(store: Store) -> list[EventMembers]:
    """One-article events for the original articles no stored event holds."""
    rows = store.db.execute(
        "SELECT id FROM articles WHERE duplicate_of IS NULL "
        "AND id NOT IN (SELECT article_id FROM event_articles) ORDER BY published_at, id"
    )
    return [EventMembers(SOLO_PREFIX + row[0], [row[0]], stored=False) for row in rows]


def all_events(store: Store) -> list[EventMembers]:
    return stored_events(store) + solo_events(store)


def find_event(store: Store, key: str) -> EventMembers:
    """An event by id, unique id prefix, or by one of its articles (id, id prefix or source name)."""
    events = all_events(store)
    exact = [e for e in events if e.id == key]
    if exact:
        return exact[0]
    prefixed = [e for e in events if key and e.id.startswith(key)]
    if len(prefixed) == 1:
        return prefixed[0]
    if len(prefixed) > 1:
        raise ConfigError(Errors.G001, name="EVENT", reason=f"{key!r} starts several event ids "
                          f"({prefixed[0].id}, {prefixed[1].id}, ...); give more characters")
    try:
        article = store.find_article(key)
    except StoreError:
        raise StoreError(Errors.S004, id=key) from None
    holding = [
        e for e in events if article.id in e.article_ids or (article.duplicate_of or "") in e.article_ids
    ]
    if not holding:
        raise StoreError(Errors.S004, id=key)
    return holding[0]


def fingerprint(store: Store, members: EventMembers, homes: HomeMarks | None = None) -> str:
    """A digest of what a dossier is built from: version, member ids, their analyses' pipeline and time,
    the syndicated copies linked to the members (a copy ingested later changes the dossier), and the home
    area and town of each member's outlet that the dossier's place reads (:class:`HomeMarks`; ``homes``: one
    shared over a run, so each outlet's votes are read once)."""
    marks: list[Any] = []
    for article_id in members.article_ids:
        row = store.db.execute(
            "SELECT pipeline, analysed_at FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        marks.append([article_id, row[0] if row else None, row[1] if row else None])
    copies = duplicates_of(store, members.article_ids) if members.article_ids else []
    home = (homes or HomeMarks(store)).marks(members.article_ids)
    payload = json.dumps([RECONCILE_VERSION, members.id, marks] + ([copies] if copies else [])
                         + ([home] if any(home) else []))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def stored_fingerprints(store: Store) -> dict[str, str | None]:
    return {
        row[0]: row[1]
        for row in store.db.execute("SELECT event_id, json_extract(data, '$.fingerprint') FROM dossiers")
    }


def save_dossier(store: Store, dossier: dict[str, Any]) -> None:
    with store.atomic() as db:
        db.execute(
            "INSERT INTO dossiers (event_id, data, built_at) VALUES (?, ?, ?) "
            "ON CONFLICT(event_id) DO UPDATE "
            "SET data = excluded.data, built_at = excluded.built_at",
            (dossier["id"], json.dumps(dossier, ensure_ascii=False), utc_now()),
        )


def remove_stale(store: Store, live: set[str]) -> int:
    """Delete dossiers of events that no longer exist or lost their articles; return how many."""
    stale = [event_id for event_id in stored_fingerprints(store) if event_id not in live]
    with store.atomic() as db:
        db.executemany("DELETE FROM dossiers WHERE event_id = ?", [(event_id,) for event_id in stale])
    return len(stale)


def load_stored_dossier(store: Store, event_id: str) -> dict[str, Any] | None:
    row = store.db.execute("SELECT data FROM dossiers WHERE event_id = ?", (event_id,)).fetchone()
    return None if row is None else dict(json.loads(row[0]))


def duplicates_of(store: Store, article_ids: list[str]) -> list[str]:
    """Ids of the syndicated copies linked to these articles (counted once, listed for reference)."""
    marks = ",".join("?" * len(article_ids))
    return [
        row[0]
        for row in store.db.execute(
            f"SELECT id FROM articles WHERE duplicate_of IN ({marks}) ORDER BY id", article_ids
        )
    ]
