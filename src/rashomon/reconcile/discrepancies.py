"""Where the reports of one event disagree: figures, attribution, labels, dates and places.

Each discrepancy is a dict with the contract's ``kind``, ``summary`` (one sentence) and ``articles``, plus
``spans`` (``[{article, start, end}]``: the characters involved, for highlighting) and fields of its kind.
Omissions (facts some reports carry and others do not) live in :mod:`rashomon.reconcile.omissions`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import combinations
from typing import Any

import pycountry

from rashomon.extract.actor_kb import load_kb
from rashomon.reconcile.actors import ActorIndex
from rashomon.reconcile.casualties import Slot, compatible
from rashomon.reconcile.evidence import FigureClaim, Report, normalise_label
from rashomon.reconcile.framing import framing
from rashomon.reconcile.omissions import find_omissions
from rashomon.records import Place

KIND_WORDS = {
    "killed": "killed",
    "injured": "injured",
    "killed_or_injured": "killed or injured",
    "missing": "missing",
    "captured": "captured",
    "arrested": "arrested",
}
PRECISION_KM = {"exact": 25.0, "town": 25.0, "admin2": 100.0, "admin1": 250.0, "region": 250.0}
"""How far apart two event places may lie before they conflict, by the coarser precision of the two."""


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _span(record: dict[str, Any]) -> dict[str, Any]:
    return {"article": record["article"], "start": record["start"], "end": record["end"]}


def _who(figure: FigureClaim) -> str:
    record = figure.record
    return str(record.get("claimant_actor") or record.get("claimant") or "the outlet itself")


def _slot_words(slot: Slot) -> str:
    side = f" on the {slot.side} side" if slot.side else ""
    return f"{KIND_WORDS.get(slot.kind, slot.kind)}{side}"


def _figure_words(figure: FigureClaim) -> str:
    return f"“{figure.record.get('value_text')}”"


def _clash(a: FigureClaim, b: FigureClaim, texts: dict[str, str]) -> bool:
    """Whether two figures' ranges do not overlap, a figure that is no explicit count ("he", "a woman", "one of
    them": one person of the event) read as a lower bound: it never clashes with a larger tally."""
    if compatible(a, b):
        return False
    smaller = a if (a.count_min or 0) <= (b.count_min or 0) else b
    return explicit_count(smaller, texts.get(smaller.article_id, ""))


def value_conflicts(
    slots: Sequence[Slot], outlets: dict[str, str], reports: Sequence[Report] = ()
) -> list[dict[str, Any]]:
    """Figures for one slot whose ranges do not overlap (``two`` vs ``five``; ``at least 3`` vs ``two``); a
    figure that counts one person as a reading of its sentence ("a woman was wounded") does not clash with a
    tally ("two were wounded")."""
    texts = {r.id: r.article.text for r in reports}
    result = []
    for slot in slots:
        clashing = [
            (a, b)
            for a, b in combinations(slot.figures, 2)
            if _clash(a, b, texts) and (a.article_id != b.article_id or a.claimant_key != b.claimant_key)
        ]
        if not clashing:
            continue
        involved = list(dict.fromkeys(f for pair in clashing for f in pair))
        parts = [f"{outlets[f.article_id]} gives {_figure_words(f)} ({_who(f)})" for f in involved]
        result.append(
            {
                "kind": "value_conflict",
                "summary": f"Reports disagree on the number {_slot_words(slot)}: " + "; ".join(parts) + ".",
                "articles": list(dict.fromkeys(f.article_id for f in involved)),
                "spans": [_span(f.record) for f in involved],
                "casualty_kind": slot.kind,
                "side": slot.side,
            }
        )
    return result


_COUNT_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    "dozens?"
)
_EXPLICIT_COUNT = re.compile(rf"(?:\d[\d,]*|(?:{_COUNT_WORDS})(?:[- ](?:{_COUNT_WORDS}|and))*)", re.IGNORECASE)
"""A figure written as a number ("7", "seven", "twenty-one"): not a pronoun, article or noun ("he", "a",
"her son", "the death"), which counts one person only as a reading of the sentence."""
_PRONOUNS = frozenset(
    {"he", "she", "they", "it", "who", "we", "i", "you", "him", "her", "them", "which", "that", "this"}
)
"""Claimant labels that name no one until resolved: two of them are not two different claimants."""


def explicit_count(figure: FigureClaim, text: str) -> bool:
    """Whether a figure is a count the report states in a number, not a partitive "one of" (a member of a
    group) or a person counted as one ("he was killed", "a child was shot", "her death")."""
    record = figure.record
    value = str(record.get("value_text") or "").strip()
    if not _EXPLICIT_COUNT.fullmatch(value):
        return False
    end = record.get("value_end")
    after = text[end : end + 4].casefold() if isinstance(end, int) else ""
    return not (figure.count_min == 1 and after.startswith(" of "))


def named_claimant(figure: FigureClaim) -> bool:
    """Whether a figure's claimant is a source a reader can name: not the outlet's own voice (no claimant,
    or a figure inside the claimant's own phrase: "the owner of a club where seven people were shot
    said ..."), not an unresolved pronoun ("he said")."""
    record = figure.record
    if figure.claimant_key.startswith("outlet:"):
        return False
    start, end, at = record.get("claimant_start"), record.get("claimant_end"), record.get("value_start")
    if isinstance(start, int) and isinstance(end, int) and isinstance(at, int) and start <= at < end:
        return False
    label = normalise_label(str(record.get("claimant") or ""))
    return bool(record.get("claimant_actor")) or (bool(label) and label not in _PRONOUNS)


def surname_actors(reports: Sequence[Report]) -> dict[tuple[str, str], str]:
    """(article id, folded name word) -> the actor of a claimant the article names in full: "said Officer
    Hector Alfaro, a police spokesman" tells who "Alfaro said" speaks for later in the same article."""
    known: dict[tuple[str, str], str] = {}
    for report in reports:
        for claim in report.analysis.claims if report.analysis else []:
            if claim.claimant_actor and claim.claimant:
                for word in claim.claimant.replace(",", " ").split():
                    if word[:1].isupper() and word.isalpha() and len(word) > 2:
                        known.setdefault((report.id, word.casefold()), claim.claimant_actor)
    return known


def _actor_of(figure: FigureClaim, known: dict[tuple[str, str], str]) -> str | None:
    """The figure's claimant actor, or the actor its one-word claimant (a surname) has in its article."""
    actor = figure.record.get("claimant_actor")
    if actor:
        return str(actor)
    words = str(figure.record.get("claimant") or "").split()
    return known.get((figure.article_id, words[0].casefold())) if len(words) == 1 else None


def _same_claimant(a: FigureClaim, b: FigureClaim, known: dict[tuple[str, str], str] | None = None) -> bool:
    if a.claimant_key == b.claimant_key:
        return True
    names = [normalise_label(str(f.record.get("claimant") or "")) for f in (a, b)]
    if all(names) and (names[0] in names[1] or names[1] in names[0]):
        return True
    actors = [_actor_of(f, known or {}) for f in (a, b)]
    if bool(actors[0]) and actors[0] == actors[1]:
        return True
    return _one_state(a, b) or _one_state(b, a)


OFFICIAL_KINDS = ("government", "police", "state_forces")
"""Generic label kinds of the actor knowledge base that name a state's institutions."""


def _unplaced_official(figure: FigureClaim) -> bool:
    """Whether the claimant is a state institution named by a generic label with no country of its own
    ("authorities", "Chicago police", "investigators"): whichever state the event is in."""
    if figure.record.get("claimant_actor"):
        return False
    found = load_kb().resolve(str(figure.record.get("claimant") or ""))
    return found.actor is None and found.kind in OFFICIAL_KINDS


def _one_state(a: FigureClaim, b: FigureClaim) -> bool:
    """A state claimant and an unplaced official one ("police" and "authorities"), or two unplaced
    officials: one source, not two."""
    return _unplaced_official(b) and (a.claimant_key.startswith("state:") or _unplaced_official(a))


def _attribution_pairs(
    slots: Sequence[Slot], reports: Sequence[Report]
) -> dict[tuple[str, str, str, str], list[tuple[Slot, FigureClaim, FigureClaim]]]:
    """Pairs of explicit counts from named claimants of different outlets (an outlet's successive reports
    crediting new sources are not outlets disagreeing), grouped by article and claimant pair."""
    texts = {r.id: r.article.text for r in reports}
    outlet_of = {r.id: r.outlet_key for r in reports}
    known = surname_actors(reports)
    groups: dict[tuple[str, str, str, str], list[tuple[Slot, FigureClaim, FigureClaim]]] = {}
    for slot in slots:
        attributed = [
            f for f in slot.figures if named_claimant(f) and explicit_count(f, texts.get(f.article_id, ""))
        ]
        for a, b in combinations(attributed, 2):
            if a.article_id == b.article_id or a.stated is None or a.stated != b.stated:
                continue
            same_outlet = outlet_of.get(a.article_id, a.article_id) == outlet_of.get(b.article_id, b.article_id)
            if same_outlet or _same_claimant(a, b, known):
                continue
            first, second = sorted((a, b), key=lambda f: f.article_id)
            key = (first.article_id, first.claimant_key, second.article_id, second.claimant_key)
            groups.setdefault(key, []).append((slot, first, second))
    return groups


def attribution_conflicts(
    slots: Sequence[Slot], outlets: dict[str, str], reports: Sequence[Report] = ()
) -> list[dict[str, Any]]:
    """The same figure credited to different named claimants by different outlets' reports (``reports``:
    their texts tell a partitive "one of" from a count; their outlets which reports are one outlet's)."""
    result = []
    for (art_a, _, art_b, _), triples in _attribution_pairs(slots, reports).items():
        figures = "; ".join(f"{a.stated} {_slot_words(slot)}" for slot, a, _ in triples)
        a, b = triples[0][1], triples[0][2]
        result.append(
            {
                "kind": "attribution_conflict",
                "summary": (
                    f"The same figures ({figures}) are credited to {a.record.get('claimant')} by "
                    f"{outlets[art_a]} but to {b.record.get('claimant')} by {outlets[art_b]}."
                ),
                "articles": [art_a, art_b],
                "claimants": {art_a: a.record.get("claimant"), art_b: b.record.get("claimant")},
                "spans": list(
                    {
                        (s["article"], s["start"]): s
                        for _, x, y in triples
                        for s in (_span(x.record), _span(y.record))
                    }.values()
                ),
            }
        )
    return result


def date_conflicts(reports: Sequence[Report]) -> list[dict[str, Any]]:
    """Reports that date the event to different days."""
    dated = [
        (r, r.analysis.event_date)
        for r in reports
        if r.analysis and r.analysis.event_date and r.analysis.event_date_precision == "day"
    ]
    if len({date for _, date in dated}) < 2:
        return []
    spans = [
        {"article": r.id, "start": t.start, "end": t.end}
        for r, date in dated
        for t in (r.analysis.times if r.analysis else [])
        if t.date == date
    ]
    return [
        {
            "kind": "date_conflict",
            "summary": "Reports date the event differently: "
            + "; ".join(f"{r.outlet} {d}" for r, d in dated)
            + ".",
            "articles": [r.id for r, _ in dated],
            "dates": {r.id: d for r, d in dated},
            "spans": spans,
        }
    ]


def literal_places(report: Report) -> list[Place]:
    """The report's places that are locations, not metonymy ("Baku has said" names a government)."""
    if report.analysis is None:
        return []
    figurative = [(m.start, m.end) for m in report.analysis.actors if m.via == "metonymy"]
    return [p for p in report.analysis.places if not any(s < p.end and p.start < e for s, e in figurative)]


def place_key(place: Place) -> str:
    return str(place.geonameid) if place.geonameid else place.name.casefold()


def event_place(report: Report) -> Place | None:
    """The place a report's analysis chose for its event, unless the report only uses it as metonymy."""
    analysis = report.analysis
    if (
        analysis is None
        or analysis.event_place is None
        or not 0 <= analysis.event_place < len(analysis.places)
    ):
        return None
    chosen = analysis.places[analysis.event_place]
    literal = {place_key(p) for p in literal_places(report)}
    return chosen if place_key(chosen) in literal else None


def places_conflict(a: Place, b: Place) -> bool:
    """Different known countries, or farther apart than the coarser precision allows."""
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return True
    if None in (a.lat, a.lon, b.lat, b.lon) or "country" in (a.precision, b.precision):
        return False
    limit = max(
        PRECISION_KM.get(a.precision or "region", 250.0), PRECISION_KM.get(b.precision or "region", 250.0)
    )
    return distance_km(a.lat, a.lon, b.lat, b.lon) > limit  # type: ignore[arg-type]


def admin1_name(country: str | None, code: str | None) -> str | None:
    """The name of the first-level division ``code`` (a GeoNames admin1 code; US: the state's postal code).

    The gazetteer's own admin1 areas answer first (their codes are GeoNames'); ISO 3166-2 (pycountry)
    answers for letter codes it lacks (GeoNames' numeric codes are not ISO's: FR "11" is not Aude).
    """
    if not country or not code:
        return None
    name = _gazetteer_admin1().get((country, code))
    if name is None and not code.isdigit():
        found = pycountry.subdivisions.get(code=f"{country}-{code}")  # type: ignore[no-untyped-call]
        name = str(found.name) if found is not None else None
    return name


@lru_cache(maxsize=1)
def _gazetteer_admin1() -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> admin1 name, from the gazetteer (loaded only when a conflict is shown)."""
    from rashomon.extract.gazetteer import load_gazetteer

    names: dict[tuple[str, str], str] = {}
    for entry in load_gazetteer().entries:
        if entry.feature == "A1" and entry.country_code and entry.admin1:
            names.setdefault((entry.country_code, entry.admin1), entry.name)
    return names


def place_label(place: Place) -> str:
    """``name, admin1, country`` ("Kensington, Pennsylvania, US"): namesakes in different states differ."""
    parts = [place.name]
    region = admin1_name(place.country_code, place.admin1)
    if region and region != place.name:
        parts.append(region)
    parts.append(place.country_code or "?")
    return ", ".join(parts)


def location_conflicts(reports: Sequence[Report]) -> list[dict[str, Any]]:
    """Reports that place the event in different countries or far apart."""
    placed = [(r, p) for r in reports if (p := event_place(r)) is not None]
    if not any(places_conflict(a, b) for (_, a), (_, b) in combinations(placed, 2)):
        return []
    return [
        {
            "kind": "location_conflict",
            "summary": "Reports place the event differently: "
            + "; ".join(f"{r.outlet} in {place_label(p)}" for r, p in placed)
            + ".",
            "articles": [r.id for r, _ in placed],
            "places": {r.id: p.name for r, p in placed},
            "spans": [{"article": r.id, "start": p.start, "end": p.end} for r, p in placed],
        }
    ]


CONTESTING_KINDS = ("value_conflict", "attribution_conflict", "date_conflict", "location_conflict")
"""Discrepancy kinds that make an event *contested* (framing and omissions alone do not)."""


def find_discrepancies(
    reports: Sequence[Report], actors: ActorIndex, slots: Sequence[Slot]
) -> list[dict[str, Any]]:
    """Every discrepancy of the event, grouped by kind in the contract's order."""
    outlets = {r.id: r.outlet for r in reports}
    return (
        value_conflicts(slots, outlets, reports)
        + attribution_conflicts(slots, outlets, reports)
        + find_omissions(reports, actors, slots)
        + framing(actors, outlets)
        + date_conflicts(reports)
        + location_conflicts(reports)
    )
