"""``--format parquet``: one row per event, flat columns for filtering plus typed nested lists, via pyarrow.

``actors`` and ``casualties`` are list<struct> columns with fixed fields; ``dossier`` holds the event's full
JSON (claims, discrepancies, offsets) so nothing of the contract is lost.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from rashomon.export.selection import casualty_totals

ACTOR = pa.struct(
    [
        ("id", pa.string()),
        ("name", pa.string()),
        ("country_code", pa.string()),
        ("roles", pa.list_(pa.string())),
    ]
)
CASUALTY = pa.struct(
    [
        ("kind", pa.string()),
        ("side", pa.string()),
        ("low", pa.int64()),
        ("best", pa.int64()),
        ("high", pa.int64()),
        ("claims", pa.int64()),
    ]
)
SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("title", pa.string()),
        ("date", pa.date32()),
        ("date_precision", pa.string()),
        ("event_type", pa.string()),
        ("sub_event_type", pa.string()),
        ("location", pa.string()),
        ("country_code", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("geo_precision", pa.string()),
        ("articles", pa.list_(pa.string())),
        ("outlets", pa.list_(pa.string())),
        ("actors", pa.list_(ACTOR)),
        ("casualties", pa.list_(CASUALTY)),
        ("killed", pa.int64()),
        ("injured", pa.int64()),
        ("contested", pa.bool_()),
        ("discrepancy_kinds", pa.list_(pa.string())),
        ("dossier", pa.string()),
    ]
)


def record(event: dict[str, Any]) -> dict[str, Any]:
    location = event.get("location") or {}
    totals = casualty_totals(event)
    return {
        "id": event["id"],
        "title": event.get("title"),
        "date": date.fromisoformat(event["date"]) if event.get("date") else None,
        "date_precision": event.get("date_precision"),
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "location": location.get("name"),
        "country_code": location.get("country_code"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "geo_precision": location.get("precision"),
        "articles": event["articles"],
        "outlets": event.get("outlets", []),
        "actors": [{k: a.get(k) for k in ("id", "name", "country_code", "roles")} for a in event["actors"]],
        "casualties": [
            {**{k: c[k] for k in ("kind", "side", "low", "best", "high")}, "claims": len(c["claims"])}
            for c in event["casualties"]
        ],
        "killed": totals.get("killed"),
        "injured": totals.get("injured"),
        "contested": bool(event.get("contested")),
        "discrepancy_kinds": sorted({d["kind"] for d in event["discrepancies"]}),
        "dossier": json.dumps(event, ensure_ascii=False),
    }


def write(document: dict[str, Any], out: BinaryIO) -> None:
    table = pa.Table.from_pylist([record(e) for e in document["events"]], schema=SCHEMA)
    table = table.replace_schema_metadata({"schema": document["schema"]})
    pq.write_table(table, out)
