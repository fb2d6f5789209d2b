"""The place each report of an event stands for in its dossier, for ``rashomon show`` and ``rashomon explain``.

A report's stored analysis chose its event place from the page alone. The dossier reads it again with the
outlet's home area and the event's chosen location (:func:`rashomon.reconcile.dossier.read_reports`: a bare
"Columbia" on a South Carolina station's page is Columbia, South Carolina; one report's "Troy, Mich." settles
another's bare "Troy"). What a user reads of one report must agree with the dossier, so the commands that show
a report print the place as the dossier read it, with the mention as written and the stored reading beside it
when the two differ.
"""

from __future__ import annotations

from typing import Any

from rashomon.extract.outlet_area import from_store, outlet_key
from rashomon.reconcile.discrepancies import event_place, place_key
from rashomon.reconcile.dossier import event_location, load_reports, read_reports
from rashomon.reconcile.events import EventMembers, find_event
from rashomon.records import Place, place_area
from rashomon.store import Store


def read_places(store: Store, members: EventMembers) -> dict[str, dict[str, Any] | None]:
    """Per article of the event: the place its dossier reads for it (:func:`place_view`), ``None`` when the
    report gives no event place."""
    reports = load_reports(store, members.article_ids)
    homes = from_store(store, (outlet_key(r.article) for r in reports))
    location = event_location(reports, homes)
    read = read_reports(reports, homes, location)
    return {r.id: place_view(event_place(r), event_place(s)) for r, s in zip(read, reports, strict=True)}


def report_place(store: Store, key: str) -> dict[str, Any] | None:
    """The place the dossier of the event holding the article ``key`` (id, id prefix or source name) reads for
    it (a duplicate: its original's); ``None`` when it gives none."""
    article = store.find_article(key)
    places = read_places(store, find_event(store, article.id))
    return places[article.id] if article.id in places else places.get(article.duplicate_of or "")


def place_view(read: Place | None, stored: Place | None) -> dict[str, Any] | None:
    """``read`` as shown: the mention as written, the gazetteer's name, area and precision, and how it was read
    (``"as stored"``, or ``"re-read"`` with the stored reading when the dossier read it otherwise: the outlet's
    home area, the event's location)."""
    if read is None:
        return None
    view: dict[str, Any] = {"text": read.text, "start": read.start, "end": read.end, "name": read.name,
                            "admin1": read.admin1, "country_code": read.country_code, "precision": read.precision,
                            "lat": read.lat, "lon": read.lon, "read": "as stored"}
    if stored is None or (read.start, read.end) != (stored.start, stored.end) or not _same(read, stored):
        view["read"] = "re-read"
        view["stored"] = None if stored is None else {"text": stored.text, "name": stored.name,
                                                      "admin1": stored.admin1, "country_code": stored.country_code}
    return view


def _same(a: Place, b: Place) -> bool:
    return place_key(a) == place_key(b) and (a.admin1, a.country_code) == (b.admin1, b.country_code)


def describe(view: dict[str, Any] | None) -> str:
    """One line for a terminal: ``Columbia (SC, US; town), re-read by the dossier (stored: Columbia, MO, US)``."""
    if view is None:
        return "-"
    area = place_area(view)
    line = f"{view['name']}"
    details = [f"\"{view['text']}\"" if view["text"] != view["name"] else "", area, view.get("precision") or ""]
    line += f" ({'; '.join(d for d in details if d)})"
    if view.get("read") != "as stored":
        stored = view.get("stored")
        was = "none" if stored is None else ", ".join(v for v in (stored["name"], place_area(stored)) if v)
        line += f", re-read by the dossier (stored: {was})"
    return line


__all__ = ["describe", "place_view", "read_places", "report_place"]
