"""``GET /api/v1/export``: the events a filter selects, in an export format.

The JSON document is the export contract (``rashomon.dossier/1``: articles and events), built from the
stored dossiers; the other formats (CSV, GeoJSON, Parquet ...) come from the export library
(:mod:`rashomon.export`) when it offers them.
"""

from __future__ import annotations

import importlib
import json
import sqlite3
from collections.abc import Callable
from typing import Any

from fastapi.responses import JSONResponse, Response

from rashomon.errors import Errors, ExportError
from rashomon.web import queries
from rashomon.web.queries import EventFilters

SCHEMA = "rashomon.dossier/1"
MAX_EVENTS = 10_000
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
    where, params = filters.where()
    return [
        r[0]
        for r in db.execute(
            f"SELECT e.id FROM events e LEFT JOIN event_summary s ON s.event_id = e.id WHERE {where} "
            "ORDER BY coalesce(s.date, e.date), e.id LIMIT ?",
            [*params, MAX_EVENTS],
        )
    ]


def contract_document(db: sqlite3.Connection, event_ids: list[str]) -> dict[str, Any]:
    """The export contract for these events: their dossiers and every article they name."""
    events = [queries.get_dossier(db, event_id) for event_id in event_ids]
    seen: dict[str, dict[str, Any]] = {}
    for event in events:
        for article in queries.event_articles(db, event):
            seen.setdefault(
                article["id"],
                {
                    k: article[k]
                    for k in ("id", "source_name", "outlet", "url", "title", "published_at", "text")
                },
            )
    return {"schema": SCHEMA, "articles": list(seen.values()), "events": events}


def library_exporter(fmt: str) -> Callable[..., Any] | None:
    """The export library's writer for ``fmt`` (``rashomon.export.EXPORTERS`` or ``FORMATS``), if any."""
    try:
        module = importlib.import_module("rashomon.export")
    except ImportError:
        return None
    for name in ("EXPORTERS", "FORMATS"):
        registry = getattr(module, name, None)
        if isinstance(registry, dict) and fmt in registry:
            target = registry[fmt]
            if isinstance(target, str) and ":" in target:
                mod, attr = target.split(":")
                target = getattr(importlib.import_module(mod), attr)
            return target if callable(target) else None
    return None


def export_response(
    db: sqlite3.Connection, fmt: str, filters: EventFilters, event_id: str | None
) -> Response:
    fmt = fmt.lower()
    ids = selected_event_ids(db, filters, event_id)
    document = contract_document(db, ids)
    if fmt == "json":
        return JSONResponse(document, headers=_attachment(fmt))
    writer = library_exporter(fmt)
    if writer is None:
        known = sorted({"json", *(f for f in MEDIA_TYPES if library_exporter(f) is not None)})
        raise ExportError(Errors.E001, format=fmt, known=", ".join(known))
    data = writer(document)
    body = data if isinstance(data, bytes) else str(data).encode("utf-8")
    if isinstance(data, dict):
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return Response(
        body, media_type=MEDIA_TYPES.get(fmt, "application/octet-stream"), headers=_attachment(fmt)
    )


def _attachment(fmt: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="rashomon-events.{fmt}"'}
