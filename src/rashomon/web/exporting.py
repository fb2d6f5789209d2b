"""``GET /api/v1/export``: the events a filter selects, in any format of :mod:`rashomon.export`.

The events are selected with the events list's filters (SQL over ``event_summary``, so a filtered export
of a large store stays quick); the document is the export contract (``rashomon.dossier/1``: articles and
events) and each format's writer is the export library's (``rashomon.export.FORMATS``).
"""

from __future__ import annotations

import io
import sqlite3
from typing import Any

from fastapi.responses import Response

from rashomon.export import get_writer
from rashomon.web import queries
from rashomon.web.queries import EventFilters

SCHEMA = "rashomon.dossier/1"
MAX_EVENTS = 10_000
ARTICLE_FIELDS = (
    "id",
    "source_name",
    "outlet",
    "url",
    "title",
    "published_at",
    "language",
    "duplicate_of",
    "text",
)
MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}


def selected_event_ids(db: sqlite3.Connection, filters: EventFilters, event_id: str | None) -> list[str]:
    """Ids of the events to export, oldest first (one event when ``event_id`` is given)."""
    if event_id is not None:
        queries.get_dossier(db, event_id)  # 404 when unknown
        return [event_id]
    return queries.matching_event_ids(db, filters, oldest_first=True, limit=MAX_EVENTS)


def contract_document(db: sqlite3.Connection, event_ids: list[str]) -> dict[str, Any]:
    """The export contract for these events: their dossiers and every article they name."""
    events = [queries.get_dossier(db, event_id) for event_id in event_ids]
    wanted = list(
        dict.fromkeys(a for e in events for a in [*e.get("articles", []), *e.get("duplicates", [])])
    )
    articles = queries.event_articles(db, {"articles": wanted})
    articles = [{k: article[k] for k in ARTICLE_FIELDS} for article in articles]
    return {"schema": SCHEMA, "articles": articles, "events": events}


def export_response(
    db: sqlite3.Connection, fmt: str, filters: EventFilters, event_id: str | None
) -> Response:
    """The selected events written by the export library's writer for ``fmt`` (``E001`` when unknown)."""
    writer = get_writer(fmt.lower())
    document = contract_document(db, selected_event_ids(db, filters, event_id))
    out = io.BytesIO()
    writer(document, out)
    return Response(
        out.getvalue(),
        media_type=MEDIA_TYPES.get(fmt.lower(), "application/octet-stream"),
        headers=_attachment(fmt.lower()),
    )


def _attachment(fmt: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="rashomon-events.{fmt}"'}
