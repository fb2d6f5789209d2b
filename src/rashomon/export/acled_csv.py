"""``--format csv``: one row per event in ACLED's column layout (the public ACLED export's columns, in order).

What the layout cannot hold, and what each column is filled from, is in ``docs/export.md``: in short, every
claim, claimant, per-side figure, injured count, low/high range and discrepancy is reduced to a total and a
``contested`` tag.
"""

from __future__ import annotations

import csv
import io
import time
from typing import Any, BinaryIO

import pycountry

from rashomon.export.selection import actors_in_role, casualty_totals
from rashomon.reconcile.discrepancies import admin1_name

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"exact": 1, "town": 1, "admin2": 2, "region": 2, "admin1": 3, "country": 3}
INTER = {"state_forces": 1, "government": 1, "rebel_militia": 2, "political_party": 3, "civilians": 7}
"""ACLED interaction codes by actor type; anything else is 8 (external/other forces)."""
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Political violence; Demonstrations",
    "Strategic developments": "Strategic developments",
}


def _country(code: str | None) -> tuple[str, str]:
    """(numeric ISO code, country name) for an ISO alpha-2 code, empty when unknown."""
    found = pycountry.countries.get(alpha_2=code) if code else None
    return (str(int(found.numeric)), found.name) if found else ("", "")


def _actors(event: dict[str, Any], role: str, taken: str = "") -> tuple[str, str, int | str]:
    """(actor, associated actors, inter code) for ACLED's actor1 (initiator) or actor2 (target).

    ``taken`` is actor1's name: an actor the reports give both roles stays actor1 only, since one ACLED
    row's two sides are different actors.
    """
    found = [a for a in actors_in_role(event, role) if a["name"] != taken]
    if not found:
        return "", "", ""
    return found[0]["name"], "; ".join(a["name"] for a in found[1:]), INTER.get(found[0].get("type") or "", 8)


def _admin1(location: dict[str, Any]) -> str:
    """The first-level division's name, as ACLED writes it ("Louisiana", not the code "LA"): ISO 3166-2 for
    letter codes (pycountry), the gazetteer for GeoNames' numeric ones; the code itself when neither knows."""
    code, country = location.get("admin1") or "", location.get("country_code")
    if not code or not country:
        return str(code)
    if not str(code).isdigit():
        found = pycountry.subdivisions.get(code=f"{country}-{code}")  # type: ignore[no-untyped-call]
        if found is not None:
            return str(found.name)
    return admin1_name(country, code) or str(code)


def _bound(value: int | None) -> str:
    return "-" if value is None else str(value)


def _interaction(inter1: int | str, inter2: int | str) -> str:
    """ACLED's interaction: the two inter codes, lower first (``17``); a sole actor's code and 0 (``10``)."""
    codes = sorted(c for c in (inter1, inter2) if isinstance(c, int))
    if not codes:
        return ""
    return "".join(str(c) for c in codes) if len(codes) == 2 else f"{codes[0]}0"


def _notes(event: dict[str, Any]) -> str:
    parts = [event.get("title") or ""]
    for slot in event.get("casualties", []):
        side = f" ({slot['side']})" if slot["side"] else ""
        parts.append(
            f"{slot['kind'].replace('_', ' ')}{side}: low {_bound(slot['low'])}, best {_bound(slot['best'])}, "
            f"high {_bound(slot['high'])}"
        )
    parts += [d["summary"] for d in event.get("discrepancies", []) if d["kind"] != "omission"]
    return " | ".join(p for p in parts if p)


def row(event: dict[str, Any], stamp: int) -> dict[str, Any]:
    location = event.get("location") or {}
    actor1, assoc1, inter1 = _actors(event, "initiator")
    actor2, assoc2, inter2 = _actors(event, "target", taken=actor1)
    iso, country = _country(location.get("country_code"))
    fatalities = casualty_totals(event).get("killed")
    target_types = {a.get("type") for a in actors_in_role(event, "target") if a["name"] != actor1}
    return {
        "event_id_cnty": event["id"],
        "event_date": event.get("date") or "",
        "year": (event.get("date") or "")[:4],
        "time_precision": TIME_PRECISION.get(event.get("date_precision") or "", ""),
        "disorder_type": DISORDER.get(event.get("event_type") or "", ""),
        "event_type": event.get("event_type") or "",
        "sub_event_type": event.get("sub_event_type") or "",
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if "civilians" in target_types else "",
        "iso": iso,
        "region": "",
        "country": country,
        "admin1": _admin1(location),
        "admin2": "",
        "admin3": "",
        "location": location.get("name") or "",
        "latitude": location.get("lat") if location.get("lat") is not None else "",
        "longitude": location.get("lon") if location.get("lon") is not None else "",
        "geo_precision": GEO_PRECISION.get(location.get("precision") or "", ""),
        "source": "; ".join(event.get("outlets", [])),
        "source_scale": "",
        "notes": _notes(event),
        "fatalities": fatalities if fatalities is not None else 0,
        "tags": "contested" if event.get("contested") else "",
        "timestamp": stamp,
    }


def write(document: dict[str, Any], out: BinaryIO) -> None:
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=COLUMNS)
    writer.writeheader()
    stamp = int(time.time())
    for event in document["events"]:
        writer.writerow(row(event, stamp))
    out.write(text.getvalue().encode("utf-8"))
