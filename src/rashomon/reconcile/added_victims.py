"""A count a report itself takes past a number (casualties step 5, ``docs/reconcile.md``): "a fifth victim".

A first report of a shooting counts the people found at the scene: "Four people were wounded in a drive-by
shooting" in its headline. Days later another outlet writes "officers found four victims who had been struck by
gunfire ... A fifth victim was found later at a hospital": its own count, 5, names the number the first
reports stopped at and the person who came after. Counted per report
(:func:`rashomon.reconcile.casualties.count_per_report`), the first report's headline weighs double and its
four outvoted the five. Here a report **adds a victim** (:func:`added_victims`) when its total ``T`` (3 or
more) is reached by one person set after the others: a figure of the slot counting one person whose sentence
calls them the ``T``-th ("a fifth victim", "the 5th person") or "another", beside a figure of the same report
stating ``T - 1`` whole ("four victims"), under a headline that is no tally ("Five shot on same block within
10 hours": its "another man" was shot in the other incident). The lower totals of the reports published on
its day or earlier (:func:`lower_counts_apart`) are then the count before that person and do not vote; their
figures still bound ``low``/``high``.

Conflict news: a later figure from **another claimant** is a conflict, not an update. Where a party (a resolved
claimant actor or state) states such a lower total and no party of the adding report's figures is among its
parties, the lower total keeps its vote and the tie rule (:mod:`rashomon.reconcile.tie_votes`) keeps the
conservative figure (an army's "four soldiers were wounded" against a ministry's later "four soldiers ... A
fifth soldier was wounded" stays 4; the army's own later fifth gives 5). Reports published after the adding
report keep their vote (they may know better), and a total of 1 or 2 is never "added to" ("a second teen was
shot in the foot" beside one dead counts another kind of victim, not a count that grew).

The added person must be of the same incident (:func:`elsewhere`, review fix): one whose sentence turns to
another incident ("a fifth soldier was wounded in another attack", "in a separate shooting"), names only days
other than the event's (the report's event day and the days of its ``T - 1`` sentence: "four soldiers were
wounded on Tuesday ... a fifth on Thursday"), or names only towns more than :data:`NEAR_KM` from the event's
place and the places of the ``T - 1`` sentence ("near Chinari, 40 kilometres away") adds no one to the count:
the lower totals keep their votes. Not so (second review fix): a person hurt in the incident or dying of it later
(:data:`LATER_DEATH`: "wounded in the shelling, died in hospital on Thursday"; the day is the death's), a town of
a hospital or an evacuation (:data:`CARE_PLACE`: "taken to a military hospital in Yerevan"), an incident word
naming a person ("another shelling victim").

Measured on GVA merged records (``rashomon eval clustering --dataset gva-records``, section "Merged-record
casualties, eleventh session" of ``docs/benchmarks.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from rashomon.cluster.features import haversine_km
from rashomon.reconcile.death_votes import day
from rashomon.reconcile.evidence import FigureClaim, Report
from rashomon.reconcile.tie_votes import party_claimants, tally

if TYPE_CHECKING:
    from rashomon.reconcile.casualties import Slot

ORDINALS: Final = {
    3: "third",
    4: "fourth",
    5: "fifth",
    6: "sixth",
    7: "seventh",
    8: "eighth",
    9: "ninth",
    10: "tenth",
    11: "eleventh",
    12: "twelfth",
}
"""Ordinal words of the totals a report may reach by one added person (digits: "5th", any number)."""
MIN_ADDED_TOTAL: Final = 3
"""The smallest total taken as a count past a number: "a second teen" beside one dead names another kind of
victim as often as a count that grew."""


ANOTHER_INCIDENT: Final = re.compile(
    r"\b(?:another|a\s+separate|an\s+unrelated|a\s+different|a\s+later|an\s+earlier)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attack|incident|shooting|stabbing|strike|airstrike|clash|raid|ambush|bombing|explosion|blast|shelling|"
    r"assault|skirmish|firefight|incursion|drive[- ]by)s?\b(?!\s+(?:victim|survivor|casualt|soldier|"
    r"servicem[ae]n|civilian|m[ae]n\b|wom[ae]n|person|people|child|boy|girl|teen|resident|officer|fighter|"
    r"patient|death|fatalit))"
    r"|\b(?:in|at)\s+(?:a|an)\s+(?:separate|unrelated|different)\b",
    re.IGNORECASE,
)
"""A sentence that turns to another incident: "in another attack near Chinari", "in a separate shooting"; not
a person of the incident ("another shelling victim died overnight": the incident word names the victim)."""
LATER_DEATH: Final = re.compile(
    r"\b(?:died|dies|succumbed|succumbs|(?:of|from)\s+(?:his|her|their|the)?\s*(?:wounds|injuries)|"
    r"(?:wounded|injured|hurt)\s+(?:in|during)\s+(?:the|that|this)\b)",
    re.IGNORECASE,
)
"""A sentence of a person hurt in the incident or dying of it later ("A fifth soldier, wounded in the shelling,
died in hospital on Thursday"): its day may be the death's, not the incident's, so no other-day test ("wounded
by a sniper on Thursday" is a new wounding: tested)."""
CARE_PLACE: Final = re.compile(
    r"\b(?:hospital|clinic|infirmary|morgue|medical\s+(?:center|centre|facility)|"
    r"(?:taken|flown|airlifted|evacuated|transferred|transported|rushed|brought|moved|driven)\s+to)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
"""Words before a place that put it in a hospital or an evacuation ("taken to a military hospital in Yerevan"):
where the person was treated, not where the incident was."""
NEAR_KM: Final = 25.0
"""How far from the event's place (and the places of the ``T - 1`` sentence) a town may lie and still be the
incident's: a hospital in the next town is the same incident, a village 40 km away another one."""
TOWN_PRECISIONS: Final = frozenset({"exact", "town"})
"""Place precisions fine enough to tell another incident's place (a province or a country contains both)."""


def _added_person(total: int) -> re.Pattern[str]:
    """Words that set one person after ``total - 1`` others: the ``total``-th, or "another"."""
    word = ORDINALS.get(total)
    words = [f"{total}(?:st|nd|rd|th)", "another"] + ([word] if word else [])
    return re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)


def _coordinates(report: Report | None, spans: list[tuple[int, int]], event: bool) -> list[tuple[float, float]]:
    """Coordinates of the report's places inside ``spans`` (town precision or finer; the event's place too
    with ``event``, at any precision)."""
    if report is None or report.analysis is None:
        return []
    places = report.analysis.places
    found = [
        (p.lat, p.lon)
        for p in places
        if p.lat is not None
        and p.lon is not None
        and p.precision in TOWN_PRECISIONS
        and any(start <= p.start and p.end <= end for start, end in spans)
    ]
    index = report.analysis.event_place
    if event and index is not None and 0 <= index < len(places):
        place = places[index]
        if place.lat is not None and place.lon is not None:
            found.append((place.lat, place.lon))
    return found


def _span(figure: FigureClaim) -> tuple[int, int]:
    return int(figure.record.get("start") or 0), int(figure.record.get("end") or 0)


def _incident_towns(report: Report | None, added: FigureClaim) -> list[tuple[float, float]]:
    """Coordinates of the towns the ``added`` person's sentence names, less those of a hospital or an
    evacuation (:data:`CARE_PLACE` in the sentence's words before the place)."""
    if report is None or report.analysis is None:
        return []
    start, end = _span(added)
    text = added.record.get("text") or ""
    return [
        (p.lat, p.lon)
        for p in report.analysis.places
        if p.lat is not None
        and p.lon is not None
        and p.precision in TOWN_PRECISIONS
        and start <= p.start
        and p.end <= end
        and not CARE_PLACE.search(text[: p.start - start])
    ]


def elsewhere(report: Report | None, added: FigureClaim, before: list[FigureClaim]) -> bool:
    """Whether the one person ``added`` is of another incident than the report's ``before`` figures (module
    docstring): its sentence turns to another incident, names only other days than the event's, or only
    towns far from the event's place."""
    text = added.record.get("text") or ""
    if ANOTHER_INCIDENT.search(text):
        return True
    anchor_days = {d for d in (added.report_date,) if d} | {d for f in before for d in f.dates}
    if added.dates and anchor_days and not set(added.dates) & anchor_days and not LATER_DEATH.search(text):
        return True
    towns = _incident_towns(report, added)
    anchors = _coordinates(report, [_span(f) for f in before if _span(f) != _span(added)], event=True)
    return bool(towns and anchors) and all(min(haversine_km(t, a) for a in anchors) > NEAR_KM for t in towns)


def adds_a_victim(slot: Slot, report: Report | None, article_id: str, total: int) -> bool:
    """Whether the report ``article_id`` reaches its ``total`` by one person set after the others (module
    docstring): a figure of one person in a sentence naming them the ``total``-th or "another", of the same
    incident (:func:`elsewhere`), and a figure stating ``total - 1``, neither in a tally sentence, under a
    headline that is no tally."""
    if total < MIN_ADDED_TOTAL or tally(slot.titles.get(article_id, "")):
        return False
    own = [f for f in slot.figures if f.article_id == article_id and not tally(f.record.get("text") or "")]
    before = [f for f in own if f.stated == total - 1]
    added = _added_person(total)
    return bool(before) and any(
        f.stated == 1 and added.search(f.record.get("text") or "") and not elsewhere(report, f, before) for f in own
    )


def added_victims(slot: Slot, reports: Sequence[Report] = ()) -> dict[str, int]:
    """Report id -> its total, for each report of ``slot`` that adds a victim to its own count (``reports``:
    the event's reports, for the places their sentences name)."""
    by_id = {r.id: r for r in reports}
    return {a: t for a, t in slot.report_totals.items() if adds_a_victim(slot, by_id.get(a), a, t)}


def lower_counts_apart(slot: Slot, reports: Sequence[Report]) -> None:
    """The lower non-zero totals of reports published on the day of a report that adds a victim, or earlier,
    do not vote (module docstring), unless they are a party's figure that no party of the adding report shares
    (a dispute, left to the tie rule); the adding report's parties are those of its figures of ``total``, of
    ``total - 1`` and of the one person added."""
    by_id = {r.id: r for r in reports}
    for article_id, total in added_victims(slot, reports).items():
        when = day(by_id[article_id]) if article_id in by_id else ""
        if not when:
            continue
        theirs_above = party_claimants(slot, {total, total - 1, 1}, {article_id})
        for other, count in list(slot.report_totals.items()):
            published = day(by_id[other]) if other in by_id else ""
            if other == article_id or not 0 < count < total or not published or published > when:
                continue
            below = party_claimants(slot, {count}, {other})
            if below and not below & theirs_above:
                continue  # a party's own lower figure: a dispute, not the count before the added person
            del slot.report_totals[other]
            slot.headline_totals.discard(other)
            slot.zero_counts.discard(other)
