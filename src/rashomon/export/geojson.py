"""``--format geojson``: a FeatureCollection with one Point feature per event, at its location.

Events without coordinates keep their feature with ``"geometry": null`` (valid GeoJSON, RFC 7946 §3.2), so
the collection lists every selected event. Properties are flat: date, type, place, outlets, totals, contested.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from rashomon.export.selection import casualty_totals


def feature(event: dict[str, Any]) -> dict[str, Any]:
    location = event.get("location") or {}
    geometry = None
    if location.get("lat") is not None and location.get("lon") is not None:
        geometry = {"type": "Point", "coordinates": [location["lon"], location["lat"]]}
    totals = casualty_totals(event)
    return {
        "type": "Feature",
        "id": event["id"],
        "geometry": geometry,
        "properties": {
            "id": event["id"],
            "title": event.get("title"),
            "date": event.get("date"),
            "date_precision": event.get("date_precision"),
            "event_type": event.get("event_type"),
            "sub_event_type": event.get("sub_event_type"),
            "location": location.get("name"),
            "country_code": location.get("country_code"),
            "geo_precision": location.get("precision"),
            "articles": len(event["articles"]),
            "outlets": event.get("outlets", []),
            "killed": totals.get("killed"),
            "injured": totals.get("injured"),
            "contested": bool(event.get("contested")),
            "discrepancies": len(event.get("discrepancies", [])),
        },
    }


def write(document: dict[str, Any], out: BinaryIO) -> None:
    collection = {"type": "FeatureCollection", "features": [feature(e) for e in document["events"]]}
    out.write(json.dumps(collection, ensure_ascii=False, indent=2).encode("utf-8"))
    out.write(b"\n")
