"""The dossier of one event (an event object of ``contract/dossier.schema.json``) and the ``reconcile`` stage.

:func:`build_dossier` reads the reports of one event together: claims with provenance, actors with roles
and labels, casualty slots with low/best/high, discrepancies, and the event's date, place and type chosen
across reports. :func:`reconcile_store` (the pipeline stage) rebuilds the stored dossiers whose event changed.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from rashomon.errors import Errors, ReconcileError
from rashomon.extract.event_place import NEWS_WORDS, dateline_span
from rashomon.extract.outlet_area import HomeMarks, OutletHomes, area_of, from_store, outlet_key, update_store
from rashomon.extract.title_place import title_place
from rashomon.ingest.titles import shown_title
from rashomon.reconcile.actors import build_actors
from rashomon.reconcile.casualties import build_slots, count_per_report, headline_slots
from rashomon.reconcile.discrepancies import (
    CONTESTING_KINDS,
    distance_km,
    event_place,
    find_discrepancies,
    literal_places,
    place_key,
)
from rashomon.reconcile.event_day import MIN_VOTE as MIN_VOTE
from rashomon.reconcile.event_day import day_support as day_support
from rashomon.reconcile.event_day import event_date
from rashomon.reconcile.event_day import said_day as said_day
from rashomon.reconcile.event_day import title_day as title_day
from rashomon.reconcile.event_day import vote_weight as vote_weight
from rashomon.reconcile.event_type import dossier_event_type
from rashomon.reconcile.events import (
    EventMembers,
    all_events,
    duplicates_of,
    find_event,
    fingerprint,
    load_stored_dossier,
    remove_stale,
    save_dossier,
    stored_events,
    stored_fingerprints,
)
from rashomon.reconcile.evidence import Report, actor_kinds, event_claims, figure_claims
from rashomon.records import Place
from rashomon.store import Store

_PLACE_RANK = {"exact": 0, "town": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
AGREE_KM = 50.0
"""Two reports' event places this close name the same location (a town and its suburb, two parts of a city)."""


def load_reports(store: Store, article_ids: Sequence[str]) -> list[Report]:
    return [Report(store.get_article(a), store.get_analysis(a)) for a in article_ids]


def _location(place: Place, chosen_by: list[str]) -> dict[str, Any]:
    return {
        "name": place.name,
        "country_code": place.country_code,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision,
        "geonameid": place.geonameid,
        "admin1": place.admin1,
        "chosen_by": chosen_by,
    }


def event_location(reports: Sequence[Report], homes: OutletHomes | None = None) -> dict[str, Any] | None:
    """The place the reports give (:func:`reported_location`). With ``homes``, a location no more precise
    than the first-level area that is a report's outlet home, or no location at all, is the outlet's home
    town (:meth:`rashomon.extract.outlet_area.OutletHomes.home_town`: the town its other articles name most),
    as a dossier's date falls back to the publication day: local outlets report local events."""
    location = reported_location(reports, homes)
    if homes is None or (location is not None and location["precision"] != "admin1"):
        return location
    area = None if location is None else (location["country_code"], location["admin1"])
    town = homes.home_town([r.article for r in reports], area)
    return location if town is None else _location(town, location["chosen_by"] if location else [])


def reported_location(reports: Sequence[Report], homes: OutletHomes | None = None) -> dict[str, Any] | None:
    """The place most reports support, the most precise of them, then the most chosen and mentioned.

    A report supports a place when its own event place lies within :data:`AGREE_KM` of it or contains it
    (its state or country): the reports' places are grouped by distance, the biggest group wins and a town
    beats the state or country that other reports gave. A report whose event place stands in its agency
    dateline supports with weight 2 ("STOCKTON, Calif. --" against another report's Stockton, New Jersey).
    Only literal mentions count (metonymy such as "Baku has said" is no location). When no report's choice
    is literal, the most mentioned literal place (:func:`_unchosen_location`); when no report names a place
    at all, the place their headlines name (:func:`rashomon.extract.title_place.title_place`: pages that kept
    only the headline). With ``homes``, each report's event place is read with its outlet's home area
    (:meth:`rashomon.extract.outlet_area.OutletHomes.event_place`: a bare "Columbia" from a South Carolina
    outlet is Columbia, South Carolina), and so is the headlines' place.
    """
    literal = [p for r in reports for p in literal_places(r)]
    mentions = Counter(place_key(p) for p in literal)
    chosen = [(r, p) for r in reports if (p := _report_place(r, homes)) is not None]
    if chosen:
        votes = Counter(place_key(p) for _, p in chosen)
        weight = {r.id: 1.0 + _datelined(r, p) for r, p in chosen}
        support = {place_key(p): sum(weight[r.id] * _supports(q, p) for r, q in chosen) for _, p in chosen}
        best = min(
            (p for _, p in chosen),
            key=lambda p: (
                -support[place_key(p)],
                _PLACE_RANK.get(p.precision or "country", 5),
                -votes[place_key(p)],
                -mentions[place_key(p)],
                p.name,
            ),
        )
        return _location(best, [r.id for r, p in chosen if _supports(p, best)])
    return _unchosen_location(reports, literal, mentions, homes)


def _unchosen_location(reports: Sequence[Report], literal: list[Place], mentions: Counter[str],
                       homes: OutletHomes | None) -> dict[str, Any] | None:
    """The location when no report chose a literal place: the most mentioned literal place (below country
    level if any; crime-report words that the gazetteer knows as towns, "Police", "Street", never), one in a
    report's outlet home area first; when none lies in a home area, the headlines' place if it does (read
    there, :meth:`rashomon.extract.outlet_area.OutletHomes.title_reading`), and when no report names a place
    at all, the headlines' place wherever it is."""
    literal = [p for p in literal if p.text.casefold() not in NEWS_WORDS and p.lat is not None]  # unresolved: no place
    home = {homes.home(r.article, r.analysis.places)[0] for r in reports if r.analysis} - {None} if homes else set()
    if not literal or (home and not any(area_of(p) in home for p in literal)):
        titled = title_place(r.article.title for r in reports)
        if titled is not None and homes is not None:
            titled = homes.title_reading([r.article for r in reports], titled)
        if titled is not None and (not literal or area_of(titled) in home):
            return _location(titled, [])
    if not literal:
        return None
    best = min(
        literal,
        key=lambda p: (
            area_of(p) not in home,
            p.precision == "country",
            -mentions[place_key(p)],
            _PLACE_RANK.get(p.precision or "country", 5),
            p.name,
        ),
    )
    return _location(best, [])


def _report_place(report: Report, homes: OutletHomes | None) -> Place | None:
    """The report's event place (:func:`event_place`), read with its outlet's home area when ``homes``."""
    place = event_place(report)
    if homes is None or report.analysis is None:
        return place
    return homes.event_place(report.article, report.analysis.places, place, literal=literal_places(report),
                             event_spans=report.analysis.event_spans())


def read_reports(reports: Sequence[Report], homes: OutletHomes | None,
                 location: dict[str, Any] | None = None) -> list[Report]:
    """The reports as the dossier's place reads them: a report whose event place its outlet's home area
    re-read (:func:`_report_place`) carries that reading in its analysis, so the dossier's other place
    outputs (location conflicts, place facts, each report's place in the side-by-side view) agree with
    the chosen location. The re-read place keeps the mention as written (text and offsets); the page's
    other mentions of the same place are re-read with it; a fallback to another mention of the page
    becomes the report's event place. Then a town or county of the chosen ``location``'s name that a
    report's page leaves ambiguous (it names nothing unambiguous in the area it was read in) is that
    location: one report's "Troy, Mich." settles another's bare "Troy" (:func:`_namesake_of`)."""
    if homes is None:
        return list(reports)
    read = [_read_report(report, _report_place(report, homes)) for report in reports]
    return [_read_report(r, _namesake_of(r, location, homes)) for r in read] if location else read


def _namesake_of(report: Report, location: dict[str, Any], homes: OutletHomes) -> Place | None:
    """``location`` at the report's event place when that is another town or county of the same name that
    the report's page leaves ambiguous; else the event place."""
    place = event_place(report)
    if (place is None or report.analysis is None or place.precision not in ("town", "admin2")
            or place.precision != location["precision"] or place.name != location["name"]
            or place_key(place) == str(location["geonameid"] or location["name"].casefold())):
        return place
    if area_of(place) in homes.home(report.article, report.analysis.places)[1]:
        return place  # the page names the place's own area: a different place, not a namesake
    return Place(text=place.text, start=place.start, end=place.end, name=location["name"],
                 country_code=location["country_code"], lat=location["lat"], lon=location["lon"],
                 precision=location["precision"], geonameid=location["geonameid"], admin1=location["admin1"])


def _read_report(report: Report, read: Place | None) -> Report:
    analysis = report.analysis
    if analysis is None or read is None or read is event_place(report):
        return report
    places = list(analysis.places)
    at = next((i for i, p in enumerate(places) if p is read), None)
    if at is None:  # a namesake: the mention at the read place's offsets, and its other mentions, re-read
        at = next((i for i, p in enumerate(places) if (p.start, p.end) == (read.start, read.end)), None)
        if at is None:
            return report
        was = place_key(places[at])
        places = [replace(read, text=p.text, start=p.start, end=p.end) if place_key(p) == was else p
                  for p in places]
    return Report(report.article, replace(analysis, places=places, event_place=at))


def _datelined(report: Report, place: Place) -> bool:
    """``place`` (the report's event place) stands in the report's agency dateline ("STOCKTON, Calif. --"):
    the outlet's own statement of where it reports from, which the resolver read with its qualifier."""
    span = dateline_span(report.article.text)
    return span is not None and span[0] <= place.start < span[1]


def _supports(given: Place, place: Place) -> bool:
    """``given`` (one report's event place) agrees with ``place``: the same place, within :data:`AGREE_KM`,
    or the state or country that contains it."""
    if place_key(given) == place_key(place):
        return True
    if given.country_code != place.country_code or given.country_code is None:
        return False
    if given.precision == "country":
        return place.precision != "country"
    if given.precision == "admin1":
        return given.admin1 is not None and given.admin1 == place.admin1 and place.precision != "admin1"
    if None in (given.lat, given.lon, place.lat, place.lon) or place.precision in ("country", "admin1"):
        return False
    return distance_km(given.lat, given.lon, place.lat, place.lon) <= AGREE_KM  # type: ignore[arg-type]


def _event_type(reports: Sequence[Report]) -> tuple[str | None, str | None]:
    votes = Counter(
        (r.analysis.event_type, r.analysis.sub_event_type)
        for r in reports
        if r.analysis and r.analysis.event_type
    )
    if not votes:
        return None, None
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0][0] or "", kv[0][1] or ""))[0][0]


def _title(
    reports: Sequence[Report], event_type: str | None, location: dict[str, Any] | None, date: str | None
) -> str | None:
    for report in reports:
        if report.article.title:  # as shown to readers: without the site's name around it
            return shown_title(report.article.title, report.article.outlet, report.article.url)
    if event_type is None and location is None:
        return None
    where = f" in {location['name']}" if location else ""
    return f"{event_type or 'Event'}{where}" + (f" on {date}" if date else "")


def build_dossier(
    event_id: str, reports: Sequence[Report], *, duplicates: Sequence[str] = (), homes: OutletHomes | None = None
) -> dict[str, Any]:
    """The event object of the export contract for the reports of one event (``homes``: the outlets' home
    areas, :mod:`rashomon.extract.outlet_area`, read by the event's place and, through
    :func:`read_reports`, by every other place output)."""
    location = event_location(reports, homes)
    reports = read_reports(reports, homes, location)
    actors = build_actors(reports)
    kinds = {k: v for r in reports if r.analysis for k, v in actor_kinds(r.analysis).items()}
    date, precision, date_source = event_date(reports)
    figures = [f for r in reports for f in figure_claims(r, kinds)]
    slot_set = build_slots(figures, actors.side_oppositions(), date if precision == "day" else None)
    slots = headline_slots(slot_set.slots, reports)
    count_per_report(slots, reports)
    discrepancies = find_discrepancies(reports, actors, slots)
    event_type, sub_event_type = dossier_event_type(_event_type(reports), reports)
    return {
        "id": event_id,
        "articles": [r.id for r in reports],
        "outlets": list(dict.fromkeys(r.outlet for r in reports)),
        "duplicates": list(duplicates),
        "title": _title(reports, event_type, location, date),
        "date": date,
        "date_precision": precision,
        "date_source": date_source,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "location": location,
        "actors": actors.to_list(),
        "casualties": [slot.to_dict() for slot in slots],
        "casualties_unassigned": [slot.to_dict() for slot in slot_set.unassigned],
        "casualties_other_dates": [slot.to_dict() for slot in slot_set.other_dates],
        "claims": [c for r in reports for c in event_claims(r)],
        "discrepancies": discrepancies,
        "contested": any(d["kind"] in CONTESTING_KINDS for d in discrepancies),
        "analysed": sum(r.analysis is not None for r in reports),
    }


def dossier_for(store: Store, members: EventMembers, marks: HomeMarks | None = None) -> dict[str, Any]:
    """Build one event's dossier from the store (not saved); failures become :class:`ReconcileError`
    (``marks``: the run's outlet home marks, shared by the fingerprints)."""
    try:
        reports = load_reports(store, members.article_ids)
        dossier = build_dossier(members.id, reports, duplicates=duplicates_of(store, members.article_ids),
                                homes=from_store(store, (outlet_key(r.article) for r in reports)))
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        raise ReconcileError(Errors.R001, event_id=members.id, reason=f"{type(exc).__name__}: {exc}") from exc
    dossier["fingerprint"] = fingerprint(store, members, marks)
    return dossier


def reconcile_store(store: Store, *, progress: bool = False) -> dict[str, Any]:
    """(Re)build the stored dossiers of events whose membership or analyses changed; drop stale ones."""
    update_store(store)  # the outlets' home areas learn from the analyses saved since the last run
    marks = HomeMarks(store)  # each outlet's votes read once for the run's fingerprints
    events = stored_events(store)
    known = stored_fingerprints(store)
    summary: dict[str, Any] = {
        "events": len(events),
        "rebuilt": 0,
        "unchanged": 0,
        "failed": 0,
        "failures_by_code": {},
    }
    for number, members in enumerate(events, 1):
        if known.get(members.id) == fingerprint(store, members, marks):
            summary["unchanged"] += 1
            continue
        try:
            save_dossier(store, dossier_for(store, members, marks))
            summary["rebuilt"] += 1
        except ReconcileError as exc:
            summary["failed"] += 1
            summary["failures_by_code"][exc.reason] = summary["failures_by_code"].get(exc.reason, 0) + 1
        if progress and number % 100 == 0:
            print(f"reconcile: {number}/{len(events)} events", file=sys.stderr)
    summary["removed"] = remove_stale(store, {e.id for e in events})
    summary["unclustered"] = len(all_events(store)) - len(events)
    return summary


def get_dossier(store: Store, key: str) -> dict[str, Any]:
    """The dossier of the event ``key`` names (see :func:`find_event`): stored and current, else built now."""
    members = find_event(store, key)
    if members.stored:
        stored = load_stored_dossier(store, members.id)
        if stored is not None and stored.get("fingerprint") == fingerprint(store, members):
            return stored
    return dossier_for(store, members)


def iter_dossiers(store: Store) -> Iterator[dict[str, Any]]:
    """Every event's dossier: stored ones when current, the rest (and one-article events) built now."""
    known = stored_fingerprints(store)
    marks = HomeMarks(store)
    for members in all_events(store):
        if members.stored and known.get(members.id) == fingerprint(store, members, marks):
            stored = load_stored_dossier(store, members.id)
            if stored is not None:
                yield stored
                continue
        yield dossier_for(store, members, marks)
