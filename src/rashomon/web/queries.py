"""The read side of the web app: events with filters, full-text search, dossiers, articles, facets.

Functions take a ``sqlite3.Connection`` of the store and return plain data (dicts and lists) that the
API serialises as JSON and the pages render. Listing reads ``event_summary`` (a read model of the
dossiers kept by triggers, migration ``0003_event_summary``), so a page of events costs one indexed
query however many events are stored.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from rashomon.errors import Errors, StoreError, WebError
from rashomon.ingest.titles import shown_title

CONTESTED_HELP = (
    "an event is contested when its reports conflict: a value, attribution, date or location "
    "conflict (omissions and framing alone do not make it contested)"
)

_FTS_TERM = re.compile(r'"([^"]+)"|([\w][\w\'-]*)', re.UNICODE)
SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"
_CHUNK = 500  # ids per IN (...) query


@dataclass(frozen=True)
class Page:
    """Which slice of a listing: 1-based page number and its size."""

    number: int = 1
    size: int = 50

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    def wrap(self, items: list[dict[str, Any]], total: int) -> dict[str, Any]:
        pages = max(1, -(-total // self.size))
        return {"items": items, "total": total, "page": self.number, "per_page": self.size, "pages": pages}


@dataclass(frozen=True)
class EventFilters:
    """What the events list may be narrowed by; every field optional."""

    since: str | None = None
    until: str | None = None
    place: str | None = None
    actor: str | None = None
    event_type: str | None = None
    outlet: str | None = None
    contested: bool = False
    q: str | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError as exc:
                    raise WebError(
                        Errors.W001, status=422, reason=f"{name}={value!r} is not a date (YYYY-MM-DD)"
                    ) from exc

    def active(self) -> dict[str, Any]:
        """The filters that narrow anything, by name (for links and the API's echo)."""
        return {k: v for k, v in self.__dict__.items() if v not in (None, "", False)}

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition on ``events e LEFT JOIN event_summary s`` and its parameters."""
        sql: list[str] = []
        params: list[Any] = []
        if self.since:
            sql.append("coalesce(s.date, e.date) >= ?")
            params.append(self.since)
        if self.until:
            sql.append("coalesce(s.date, e.date) <= ?")
            params.append(self.until + "~")  # datetimes on the last day sort before '~'
        if self.place:
            sql.append("(s.place LIKE ? OR upper(s.country_code) = upper(?))")
            params += [f"%{self.place}%", self.place]
        if self.actor:
            sql.append("s.actors LIKE ?")
            params.append(f"%{self.actor}%")
        if self.event_type:
            sql.append("s.event_type LIKE ?")
            params.append(self.event_type)
        if self.outlet:
            sql.append(
                "e.id IN (SELECT ea.event_id FROM articles ar JOIN event_articles ea "
                "ON ea.article_id = ar.id WHERE ar.outlet = ?)"
            )
            params.append(self.outlet)
        if self.contested:
            sql.append("s.conflicts > 0")
        if self.q:
            sql.append(
                "e.id IN (SELECT ea.event_id FROM articles_fts JOIN articles ar ON ar.rowid = "
                "articles_fts.rowid JOIN event_articles ea ON ea.article_id = ar.id "
                "WHERE articles_fts MATCH ?)"
            )
            params.append(fts_query(self.q))
        return (" AND ".join(sql) or "1"), params


def fts_query(text: str) -> str:
    """A user's search words as an FTS5 query: every word (or "quoted phrase") must occur.

    Each term is quoted, so FTS5 operators and punctuation in user input are searched for, never run.
    """
    terms = []
    for phrase, word in _FTS_TERM.findall(text):
        term = (phrase or word).replace('"', "").strip()
        if term:
            terms.append('"' + term + '"')
    if not terms:
        raise WebError(Errors.W001, status=422, reason=f"the search {text!r} has no words")
    return " ".join(terms)


# -- events ----------------------------------------------------------------------------------------
_SUMMARY_COLUMNS = (
    "e.id, coalesce(s.date, e.date) AS date, s.date_precision, s.title, s.event_type, s.place, "
    "s.country_code, s.lat, s.lon, s.articles, s.discrepancies, s.conflicts, s.killed_best, "
    "s.event_id IS NOT NULL AS has_dossier"
)


def matching_event_ids(
    db: sqlite3.Connection, filters: EventFilters, *, oldest_first: bool = False, limit: int = -1
) -> list[str]:
    """Ids of the events the filters keep, newest first (the sort a page of the list needs) or oldest first
    (exports); ``limit`` -1 for all."""
    where, params = filters.where()
    order = "" if oldest_first else " DESC"
    return [
        r[0]
        for r in db.execute(
            f"SELECT e.id FROM events e LEFT JOIN event_summary s ON s.event_id = e.id WHERE {where} "
            f"ORDER BY coalesce(s.date, e.date){order}, e.id LIMIT ?",
            [*params, limit],
        )
    ]


def list_events(
    db: sqlite3.Connection, filters: EventFilters, page: Page, ids: list[str] | None = None
) -> dict[str, Any]:
    """One page of events, newest first, with the total matching the filters.

    ``ids`` is :func:`matching_event_ids` when the caller kept it (the app does, until the store changes).
    """
    ids = matching_event_ids(db, filters) if ids is None else ids
    wanted = ids[page.offset : page.offset + page.size]
    rows = (
        db.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM events e LEFT JOIN event_summary s ON s.event_id = e.id "
            f"WHERE e.id IN ({', '.join('?' * len(wanted))})",
            wanted,
        ).fetchall()
        if wanted
        else []
    )
    position = {event_id: i for i, event_id in enumerate(wanted)}
    items = sorted((_summary(row) for row in rows), key=lambda item: position[item["id"]])
    _add_article_facts(db, items)
    return page.wrap(items, len(ids))


def _summary(row: sqlite3.Row) -> dict[str, Any]:
    location = None
    if row["place"] is not None or row["lat"] is not None:
        location = {
            "name": row["place"],
            "country_code": row["country_code"],
            "lat": row["lat"],
            "lon": row["lon"],
        }
    return {
        "id": row["id"],
        "title": row["title"],
        "date": row["date"],
        "date_precision": row["date_precision"],
        "event_type": row["event_type"],
        "location": location,
        "articles": row["articles"] or 0,
        "discrepancies": row["discrepancies"] or 0,
        "contested": bool(row["conflicts"]),
        "killed_best": row["killed_best"],
        "has_dossier": bool(row["has_dossier"]),
        "outlets": [],
    }


def _add_article_facts(db: sqlite3.Connection, items: list[dict[str, Any]]) -> None:
    """Outlets, article counts and a fallback title for a page of event summaries (one query)."""
    if not items:
        return
    by_id = {item["id"]: item for item in items}
    rows = db.execute(
        "SELECT ea.event_id, ar.outlet, ar.title FROM event_articles ea "
        "JOIN articles ar ON ar.id = ea.article_id "
        f"WHERE ea.event_id IN ({', '.join('?' * len(by_id))}) ORDER BY ar.published_at, ar.id",
        list(by_id),
    )
    counts: dict[str, int] = {}
    for event_id, outlet, title in rows:
        item = by_id[event_id]
        counts[event_id] = counts.get(event_id, 0) + 1
        if outlet and outlet not in item["outlets"]:
            item["outlets"].append(outlet)
        if not item["title"] and title:
            item["title"] = shown_title(title, outlet)
    for event_id, item in by_id.items():
        item["articles"] = max(item["articles"], counts.get(event_id, 0))


def event_exists(db: sqlite3.Connection, event_id: str) -> bool:
    return db.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is not None


def get_dossier(db: sqlite3.Connection, event_id: str) -> dict[str, Any]:
    """The dossier of an event (one event object of the contract); a bare one when not reconciled yet."""
    row = db.execute(
        "SELECT e.date, d.data FROM events e LEFT JOIN dossiers d ON d.event_id = e.id WHERE e.id = ?",
        (event_id,),
    ).fetchone()
    if row is None:
        raise StoreError(Errors.S004, id=event_id)
    if row["data"] is not None:
        dossier: dict[str, Any] = json.loads(row["data"])
        return dossier
    articles = [
        r[0]
        for r in db.execute(
            "SELECT ar.id FROM event_articles ea JOIN articles ar ON ar.id = ea.article_id "
            "WHERE ea.event_id = ? "
            "ORDER BY ar.published_at, ar.id",
            (event_id,),
        )
    ]
    return {
        "id": event_id,
        "articles": articles,
        "title": None,
        "date": row["date"],
        "date_precision": None,
        "event_type": None,
        "location": None,
        "actors": [],
        "casualties": [],
        "claims": [],
        "discrepancies": [],
    }


def event_articles(db: sqlite3.Connection, dossier: dict[str, Any]) -> list[dict[str, Any]]:
    """The stored articles a dossier names, in its order, as contract article objects."""
    ids = [a for a in dossier.get("articles", []) if isinstance(a, str)]
    if not ids:
        return []
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows = db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk
        )
        found.update((row["id"], dict(row)) for row in rows)
    return [found[a] for a in ids if a in found]


# -- articles and search ---------------------------------------------------------------------------
_ARTICLE_COLUMNS = "id, source_name, outlet, url, title, published_at, language, text, duplicate_of"


def get_article(db: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    row = db.execute(
        f"SELECT {_ARTICLE_COLUMNS}, (SELECT event_id FROM event_articles WHERE article_id = id) "
        "AS event_id FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        raise StoreError(Errors.S003, id=article_id)
    return dict(row)


def list_articles(db: sqlite3.Connection, page: Page, *, outlet: str | None = None) -> dict[str, Any]:
    """Article metadata (no text), newest first."""
    where, params = ("WHERE a.outlet = ?", [outlet]) if outlet else ("", [])
    total = int(db.execute(f"SELECT count(*) FROM articles a {where}", params).fetchone()[0])
    rows = db.execute(
        "SELECT a.id, a.source_name, a.outlet, a.url, a.title, a.published_at, a.language, a.duplicate_of, "
        "ea.event_id, length(a.text) AS chars FROM articles a "
        "LEFT JOIN event_articles ea ON ea.article_id = a.id "
        f"{where} ORDER BY a.published_at DESC, a.id LIMIT ? OFFSET ?",
        [*params, page.size, page.offset],
    )
    return page.wrap([dict(r) for r in rows], total)


def search_articles(db: sqlite3.Connection, text: str, page: Page) -> dict[str, Any]:
    """Articles matching the words of ``text`` (FTS5, best first), each with a snippet and its event."""
    query = fts_query(text)
    total = int(
        db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (query,)).fetchone()[0]
    )
    rows = db.execute(
        "SELECT a.id, a.title, a.outlet, a.published_at, ea.event_id, "
        f"snippet(articles_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 24) AS snippet "
        "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        "LEFT JOIN event_articles ea ON ea.article_id = a.id "
        "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
        (query, page.size, page.offset),
    )
    items = []
    for row in rows:
        item = dict(row)
        item["snippet"], item["snippet_marks"] = split_marks(row["snippet"] or "")
        items.append(item)
    return {**page.wrap(items, total), "q": text}


def split_marks(snippet: str) -> tuple[str, list[list[int]]]:
    """A snippet with FTS5 match markers as plain text plus the [start, end) offsets of the matches."""
    plain: list[str] = []
    marks: list[list[int]] = []
    length = 0
    for i, part in enumerate(re.split(f"[{SNIPPET_OPEN}{SNIPPET_CLOSE}]", snippet)):
        if i % 2 == 1:
            marks.append([length, length + len(part)])
        plain.append(part)
        length += len(part)
    return "".join(plain), marks


# -- actors --------------------------------------------------------------------------------------
def actor_profile(db: sqlite3.Connection, key: str, *, limit: int = 500) -> dict[str, Any]:
    """An actor (by id or canonical name) across dossiers: its events and the labels each outlet uses."""
    rows = db.execute(
        "SELECT d.data FROM event_summary s JOIN dossiers d ON d.event_id = s.event_id "
        "WHERE s.actors LIKE ? ORDER BY s.date DESC LIMIT ?",
        (f"%|{key}|%", limit),
    ).fetchall()
    profile: dict[str, Any] = {"id": key, "name": key, "country_code": None, "events": [], "labels": {}}
    labels_by_article: dict[str, list[str]] = {}
    for (data,) in rows:
        dossier = json.loads(data)
        actor = next((a for a in dossier.get("actors", []) if key in (a.get("id"), a.get("name"))), None)
        if actor is None:
            continue
        profile.update(
            id=actor.get("id", key),
            name=actor.get("name", key),
            country_code=actor.get("country_code") or profile["country_code"],
        )
        profile["events"].append(
            {
                "id": dossier.get("id"),
                "title": dossier.get("title"),
                "date": dossier.get("date"),
                "roles": actor.get("roles", []),
            }
        )
        for article_id, labels in (actor.get("labels") or {}).items():
            labels_by_article.setdefault(article_id, []).extend(labels)
    if not profile["events"]:
        raise WebError(Errors.W008, status=404, path=f"actor {key!r}")
    profile["labels"] = _labels_by_outlet(db, labels_by_article)
    return profile


def _labels_by_outlet(
    db: sqlite3.Connection, labels_by_article: dict[str, list[str]]
) -> dict[str, dict[str, int]]:
    """outlet -> label -> how many times its articles use it (an article with no outlet: its source name)."""
    ids = list(labels_by_article)
    outlets: dict[str, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        outlets.update(
            db.execute(
                f"SELECT id, coalesce(outlet, source_name, '(unknown)') FROM articles "
                f"WHERE id IN ({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        )
    result: dict[str, dict[str, int]] = {}
    for article_id, labels in labels_by_article.items():
        counts = result.setdefault(outlets.get(article_id, "(unknown)"), {})
        for label in labels:
            counts[label] = counts.get(label, 0) + 1
    return {
        outlet: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
        for outlet, c in sorted(result.items())
    }


# -- facets, map, timeline -------------------------------------------------------------------------
def facets(db: sqlite3.Connection) -> dict[str, list[str]]:
    """Values offered by the filters: outlets and event types present in the store."""
    outlets = [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet LIMIT 500"
        )
    ]
    types = [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT event_type FROM event_summary WHERE event_type IS NOT NULL ORDER BY 1 LIMIT 200"
        )
    ]
    return {"outlets": outlets, "event_types": types}


def map_features(db: sqlite3.Connection, filters: EventFilters, *, limit: int = 5000) -> dict[str, Any]:
    """Events with coordinates as a GeoJSON FeatureCollection (newest first, at most ``limit``)."""
    where, params = filters.where()
    rows = db.execute(
        f"SELECT {_SUMMARY_COLUMNS} FROM events e JOIN event_summary s ON s.event_id = e.id "
        f"WHERE s.lat IS NOT NULL AND s.lon IS NOT NULL AND {where} ORDER BY s.date DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    items = [_summary(row) for row in rows]
    _add_article_facts(db, items)
    features = [
        {
            "type": "Feature",
            "id": item["id"],
            "geometry": {"type": "Point", "coordinates": [item["location"]["lon"], item["location"]["lat"]]},
            "properties": {
                k: item[k]
                for k in (
                    "id",
                    "title",
                    "date",
                    "event_type",
                    "articles",
                    "contested",
                    "killed_best",
                    "outlets",
                )
            }
            | {"place": item["location"]["name"]},
        }
        for item in items
    ]
    return {"type": "FeatureCollection", "features": features}


def timeline(db: sqlite3.Connection, filters: EventFilters) -> list[dict[str, Any]]:
    """Events per day (days with events only), oldest first."""
    where, params = filters.where()
    rows = db.execute(
        "SELECT substr(coalesce(s.date, e.date), 1, 10) AS day, count(*) AS events, "
        "sum(coalesce(s.conflicts, 0) > 0) AS contested, sum(coalesce(s.killed_best, 0)) AS killed "
        f"FROM events e LEFT JOIN event_summary s ON s.event_id = e.id WHERE {where} "
        "AND coalesce(s.date, e.date) IS NOT NULL GROUP BY day ORDER BY day",
        params,
    )
    return [dict(r) for r in rows]
