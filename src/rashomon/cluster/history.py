"""User decisions on events (split, merge), their history, and the explanation of an event.

Every change is a row in ``event_history`` (action, event, JSON detail, time). Later clustering runs
read the history back as constraints, in the order the decisions were taken:

* ``merge`` keeps every report of the merged events together (must-link);
* ``split`` keeps the moved reports apart from those that stayed (cannot-link), and lifts any earlier
  must-link between them.
"""

from __future__ import annotations

import json
from itertools import product
from typing import Any

from rashomon.errors import ClusterError, Errors, StoreError
from rashomon.ingest.outlets import outlet_name
from rashomon.store import Store, utc_now


def record(store: Store, action: str, event_id: str | None, detail: dict[str, Any]) -> None:
    with store.atomic() as db:
        db.execute(
            "INSERT INTO event_history (action, event_id, detail, at) VALUES (?,?,?,?)",
            (action, event_id, json.dumps(detail, ensure_ascii=False, default=str), utc_now()),
        )


def event_articles(store: Store, event_id: str) -> list[str]:
    """Article ids of an event, sorted; :class:`StoreError` S004 when there is no such event."""
    if store.db.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is None:
        raise StoreError(Errors.S004, id=event_id)
    return [
        r[0]
        for r in store.db.execute(
            "SELECT article_id FROM event_articles WHERE event_id = ? ORDER BY article_id", (event_id,)
        )
    ]


def constraints_from_history(store: Store) -> tuple[list[list[str]], set[tuple[str, str]]]:
    """(groups of article ids kept together, pairs ``(a, b)`` with ``a < b`` kept apart)."""
    state: dict[tuple[str, str], str] = {}
    rows = store.db.execute(
        "SELECT action, detail FROM event_history WHERE action IN ('merge', 'split') ORDER BY id"
    )
    for action, detail_text in rows:
        detail = json.loads(detail_text)
        if action == "merge":
            groups = [sorted(ids) for ids in detail.get("articles", {}).values()]
            for left_i, left in enumerate(groups):
                for right in groups[left_i + 1 :]:
                    for a, b in product(left, right):
                        state[(min(a, b), max(a, b))] = "must"
        else:
            for a, b in product(detail.get("moved", []), detail.get("stayed", [])):
                state[(min(a, b), max(a, b))] = "cannot"
    return connected_groups([p for p, s in state.items() if s == "must"]), {
        p for p, s in state.items() if s == "cannot"
    }


def merge_holds(store: Store) -> dict[str, dict[str, Any]]:
    """article id -> the latest user merge that still keeps it with other reports (no later split lifted it).

    Each value is the reason an event shows for the article: ``{"user": "merge", "into_event", "at",
    "history_id", "merged_with"}`` (``merged_with``: the reports the merge keeps it with).
    """
    state: dict[tuple[str, str], tuple[str, int]] = {}
    entries: dict[int, tuple[str | None, str]] = {}
    rows = store.db.execute(
        "SELECT id, action, event_id, detail, at FROM event_history WHERE action IN ('merge', 'split') ORDER BY id"
    )
    for history_id, action, event_id, detail_text, at in rows:
        detail = json.loads(detail_text)
        entries[history_id] = (event_id, at)
        if action == "merge":
            groups = [sorted(ids) for ids in detail.get("articles", {}).values()]
            for left_i, left in enumerate(groups):
                for right in groups[left_i + 1 :]:
                    for a, b in product(left, right):
                        state[(min(a, b), max(a, b))] = ("must", history_id)
        else:
            for a, b in product(detail.get("moved", []), detail.get("stayed", [])):
                state[(min(a, b), max(a, b))] = ("cannot", history_id)
    holds: dict[str, dict[str, Any]] = {}
    for (a, b), (kind, history_id) in sorted(state.items(), key=lambda item: item[1][1]):
        if kind != "must":
            continue
        into, at = entries[history_id]
        for article, partner in ((a, b), (b, a)):
            hold = holds.get(article)
            if hold is None or hold["history_id"] != history_id:
                hold = {"user": "merge", "into_event": into, "at": at, "history_id": history_id, "merged_with": []}
                holds[article] = hold
            hold["merged_with"].append(partner)
    return holds


def connected_groups(pairs: list[tuple[str, str]]) -> list[list[str]]:
    """The connected components of the graph ``pairs`` draws (union-find), each sorted, in a stable order."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    return [sorted(g) for _, g in sorted(groups.items())]


def split_event(store: Store, event_id: str, article_ids: list[str]) -> str:
    """Move ``article_ids`` out of ``event_id`` into a new event; return the new event's id."""
    from rashomon.cluster.engine import event_id_for

    members = event_articles(store, event_id)
    moved = sorted({_resolve(store, a) for a in article_ids})
    strangers = [a for a in moved if a not in members]
    if strangers:
        raise ClusterError(
            Errors.C001,
            action="split",
            event_id=event_id,
            reason=f"article(s) {', '.join(strangers)} are not in this event",
        )
    stayed = [a for a in members if a not in moved]
    if not moved or not stayed:
        raise ClusterError(
            Errors.C001,
            action="split",
            event_id=event_id,
            reason="name at least one article to move and leave at least one behind",
        )
    taken = {r[0] for r in store.db.execute("SELECT id FROM events")}
    new_id = event_id_for(moved[0], taken)
    now = utc_now()
    with store.atomic() as db:
        row = db.execute("SELECT data, date FROM events WHERE id = ?", (event_id,)).fetchone()
        data = json.loads(row[0]) | {"articles": len(moved), "split_from": event_id}
        db.execute(
            "INSERT INTO events (id, data, date, created_at, updated_at) VALUES (?,?,?,?,?)",
            (new_id, json.dumps(data), row[1], now, now),
        )
        db.execute(
            "UPDATE events SET data = json_set(data, '$.articles', ?), updated_at = ? WHERE id = ?",
            (len(stayed), now, event_id),
        )
        reason = json.dumps({"user": "split", "from_event": event_id, "at": now})
        db.executemany(
            "UPDATE event_articles SET event_id = ?, reason = ? WHERE article_id = ?",
            [(new_id, reason, a) for a in moved],
        )
        db.execute("DELETE FROM dossiers WHERE event_id = ?", (event_id,))
        record(store, "split", event_id, {"new_event": new_id, "moved": moved, "stayed": stayed})
    return new_id


def merge_events(store: Store, target: str, others: list[str]) -> dict[str, Any]:
    """Move every article of ``others`` into ``target`` and drop those events; return what moved."""
    others = [e for e in dict.fromkeys(others) if e != target]
    if not others:
        raise ClusterError(
            Errors.C001, action="merge", event_id=target, reason="name at least one other event"
        )
    groups = {event: event_articles(store, event) for event in [target, *others]}
    now = utc_now()
    with store.atomic() as db:
        reason = json.dumps({"user": "merge", "into_event": target, "at": now})
        for event in others:
            db.execute(
                "UPDATE event_articles SET event_id = ?, reason = ? WHERE event_id = ?",
                (target, reason, event),
            )
            db.execute("DELETE FROM dossiers WHERE event_id = ?", (event,))
            db.execute("DELETE FROM events WHERE id = ?", (event,))
        total = sum(len(ids) for ids in groups.values())
        db.execute(
            "UPDATE events SET data = json_set(data, '$.articles', ?), updated_at = ? WHERE id = ?",
            (total, now, target),
        )
        db.execute("DELETE FROM dossiers WHERE event_id = ?", (target,))
        record(store, "merge", target, {"events": [target, *others], "articles": groups})
    return {"event": target, "merged": others, "articles": total}


def _resolve(store: Store, key: str) -> str:
    return store.find_article(key).id


def explain_event(store: Store, event_id: str) -> dict[str, Any]:
    """The event, each article with the evidence that put it there, and the event's history."""
    members = event_articles(store, event_id)
    row = store.db.execute(
        "SELECT data, date, created_at, updated_at FROM events WHERE id = ?", (event_id,)
    ).fetchone()
    articles = []
    for r in store.db.execute(
        "SELECT e.article_id, e.reason, a.title, a.outlet, a.published_at, a.url FROM event_articles e "
        "JOIN articles a ON a.id = e.article_id WHERE e.event_id = ? ORDER BY a.published_at, a.id",
        (event_id,),
    ):
        articles.append(
            {
                "article_id": r[0],
                "title": r[2],
                "outlet": outlet_name(r[3], r[5]),
                "url": r[5],
                "published_at": r[4],
                "reason": json.loads(r[1]),
            }
        )
    history = [
        {"id": h[0], "action": h[1], "event_id": h[2], "detail": json.loads(h[3]), "at": h[4]}
        for h in store.db.execute(
            "SELECT id, action, event_id, detail, at FROM event_history WHERE event_id = ? OR "
            "(action = 'merge' AND detail LIKE ?) OR "
            "(action = 'split' AND json_extract(detail, '$.new_event') = ?) ORDER BY id",
            (event_id, f"%{event_id}%", event_id),
        )
    ]
    return {
        "event": event_id,
        "date": row[1],
        "data": json.loads(row[0]),
        "created_at": row[2],
        "updated_at": row[3],
        "articles": articles,
        "history": history,
        "article_count": len(members),
    }
