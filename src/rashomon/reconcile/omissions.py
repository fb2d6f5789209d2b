"""Omissions: facts some reports of an event carry and others leave out.

Facts are places (below country level), canonical actors, named claimants that extraction did not resolve
to an actor, named victims, casualty figures (a kind × side slot) and event types. A report *carries* a place,
actor, claimant or person when extraction found it there **or** when its name or a label appears in the
report's text (case-insensitive, whole words), so an extraction miss is not reported as an omission.
Figures and event types are compared as extracted. Only analysed reports take part, and only events
of two or more.

Only informative facts become omissions of their own: places below country level that are not capitals
standing for a government, named claimants and victims, casualty figures, and actors that are
organisations or non-state groups, take part in the event (initiator, target) or give a casualty figure.
The rest (countries' governments, forces and media that only speak in the background, capitals used as
metonymy, event types) are folded into one ``background`` line per set of reports that carries them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rashomon.extract.actor_kb import load_kb
from rashomon.reconcile.actors import ActorEntry, ActorIndex
from rashomon.reconcile.casualties import Slot
from rashomon.reconcile.evidence import Report, normalise_label, state_key
from rashomon.records import Place

_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+)*")
_NOT_NAMES = {
    "The", "A", "An", "His", "Her", "Its", "Their", "According", "Each", "Both", "All", "Some", "Many",
    "Several", "Other", "Others", "Another", "This", "That", "These", "Those", "One", "Two", "It", "They",
    "He", "She", "We", "Officials", "Sources", "Witnesses", "Residents", "Authorities", "Reports", "Analysts",
    "Experts", "Police", "Media", "Local", "Most", "Neither", "Either", "Such",
}  # fmt: skip
# Words before a toponym that make it one ("in Houston", "outside of Albuquerque").
_LOCATIVE = {
    "in", "near", "at", "outside", "of", "from", "to", "into", "across", "around", "between", "toward",
    "towards", "through", "throughout", "within", "inside", "nearby", "suburban", "downtown",
}  # fmt: skip
# Capitalised words that do not make their neighbour part of a name (headline case, days and months).
_FUNCTION_WORDS = _LOCATIVE | {
    "the", "a", "an", "and", "or", "on", "for", "after", "as", "by", "with", "says", "said", "is", "was",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}  # fmt: skip
# Words after a place that name its agencies ("Boston Police Department", "Bexar County Sheriff's Office").
_AGENCY_WORDS = {
    "Police", "Sheriff", "Sheriff's", "Sheriff’s", "Fire", "County", "Mayor", "Municipal", "District",
    "Superior", "State's", "State’s", "Prosecutor's", "Prosecutor’s", "Coroner", "Coroner's", "Coroner’s",
    "Jail", "Court", "Courthouse", "Department", "Township", "City", "Parish", "Medical",
}  # fmt: skip
_WORD_BEFORE = re.compile(r"(?:([\w.’']+)[ \t]+|([A-Z]\w*)-)$")
_WORD_AFTER = re.compile(r"[ \t]+(\w+)|-([A-Z]\w*)")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
_OF_NAME = re.compile(r"[ \t]+of[ \t]+[A-Z]")
_QUALIFIER_AFTER = re.compile(r",[ \t]*[A-Z]")
_BACKGROUND_WORDS = {"place": "the places", "actor": "", "event": "events of type"}
_TYPE_WORDS = {
    "place": "the place",
    "actor": "",
    "claimant": "the claimant",
    "person": "the person",
    "figure": "the figure",
    "event": "an event of type",
}


@dataclass
class Fact:
    """Something a report states, where each report carrying it states it, and how to find it in a text."""

    fact_type: str
    name: str
    present: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    probes: list[str] = field(default_factory=list)
    informative: bool = True

    def seen(self, article_id: str, span: tuple[int, int] | None) -> None:
        spans = self.present.setdefault(article_id, [])
        if span is not None and span not in spans:
            spans.append(span)


def _mentions(text: str, probe: str) -> bool:
    probe = probe.strip()
    return len(probe) >= 3 and re.search(rf"(?<!\w){re.escape(probe)}(?!\w)", text, re.IGNORECASE) is not None


def _name_runs(text: str) -> list[str]:
    """Runs of capitalised words that can be names ("Armen Grigoryan"), leading determiners dropped."""
    runs = []
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group(0).split()
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        if words:
            runs.append(" ".join(words))
    return runs


def _figurative(report: Report) -> list[tuple[int, int]]:
    """Spans the report's actor mentions resolve as metonymy ("Baku has said")."""
    return [(m.start, m.end) for m in report.analysis.actors if m.via == "metonymy"] if report.analysis else []


def _word_before(text: str, start: int) -> str:
    """The word right before ``start`` on the same line ("Jacquay" before "Howard"; "Jones" before
    "-Preston"), or ""."""
    found = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    return (found.group(1) or found.group(2)) if found else ""


def _word_after(text: str, end: int) -> str:
    found = _WORD_AFTER.match(text, end)
    return (found.group(1) or found.group(2)) if found else ""


def _locative(text: str, start: int, end: int) -> bool:
    """A preposition of place before the mention ("in", "near", "outside of") or a qualifier after it
    ("Albuquerque, New Mexico")."""
    return _word_before(text, start).casefold() in _LOCATIVE or _QUALIFIER_AFTER.match(text, end) is not None


def _in_name(text: str, start: int, end: int) -> bool:
    """The mention is one word of a longer capitalised name: a person's ("Jacquay Howard", "Adrian Perkins"),
    a street's or building's ("Burke High School", "Washington Street", "Jones-Preston Funeral Chapel",
    "University of Chicago"), or is followed by a number ("West 14th Street", "March 20"), or stands in
    parentheses after a dateline ("(KTHV)"). A place that names an agency ("Boston Police", "Cook County Jail") is a
    place, not part of a name."""
    before = _word_before(text, start)
    if before[:1].isupper() and before.casefold() not in _FUNCTION_WORDS:
        return True
    if text[end - 1 : end] == "-" or (text[start - 1 : start] == "(" and text[end : end + 1] == ")"):
        return True
    after = _word_after(text, end)
    if after in _AGENCY_WORDS:
        return False
    if after == "of":
        return _OF_NAME.match(text, end) is not None
    return after[:1].isdigit() or (after[:1].isupper() and after.casefold() not in _FUNCTION_WORDS)


def _as_surname(text: str, word: str) -> bool:
    """Whether the report writes ``word`` after a capitalised word that is not a function word
    ("Kevie Durham", not "In Durham")."""
    pattern = rf"\b([A-Z][a-z]+)[ \t]+{re.escape(word)}\b"
    return any(found.group(1).casefold() not in _FUNCTION_WORDS for found in re.finditer(pattern, text))


def _story_place(report: Report, index: int, place: Place, common: set[str]) -> bool:
    """Whether a place mention reads as a place of the story, not as a geoparsing false positive: the
    report's event place always does; a mention inside a longer capitalised name never does, nor one that
    extraction reads as an actor's label ("Police"); a one-word
    mention without a preposition of place does not when the event's reports write the word in lower case
    (``common``: "Police said", "police") or when the report writes it as a surname ("Kevie Durham" ...
    "Durham was")."""
    text, analysis = report.article.text, report.analysis
    if analysis is None or index == analysis.event_place:
        return True
    if not 0 <= place.start < place.end <= len(text) or _in_name(text, place.start, place.end):
        return False
    if any(m.start == place.start and m.end == place.end and m.via != "metonymy" for m in analysis.actors):
        return False  # the actor label "Police", not the town
    word = text[place.start : place.end].strip()
    if sum(1 for part in word.split() if part[:1].isupper()) > 1 or _locative(text, place.start, place.end):
        return True
    return word.casefold() not in common and not _as_surname(text, word)


def _place_facts(reports: Sequence[Report], facts: dict[str, Fact]) -> None:
    """Places below country level that a report names as a place of its story (``_story_place``); a capital
    or country name is background unless a report mentions it literally as its event place."""
    kb = load_kb()
    common = {word for report in reports for word in _LOWER_WORD.findall(report.article.text)}
    for report in reports:
        analysis = report.analysis
        if analysis is None:
            continue
        figurative = _figurative(report)
        for index, place in enumerate(analysis.places):
            if place.precision == "country" or not _story_place(report, index, place, common):
                continue
            key = f"place:{place.geonameid or normalise_label(place.name)}"
            fact = facts.setdefault(
                key, Fact("place", place.name, probes=[place.name], informative=kb.country_of(place.name) is None)
            )
            fact.seen(report.id, report.span(place.start, place.end))
            literal = not any(s < place.end and place.start < e for s, e in figurative)
            if literal and index == analysis.event_place:
                fact.informative = True
            if place.text not in fact.probes:
                fact.probes.append(place.text)


def _figure_claimants(reports: Sequence[Report]) -> set[str]:
    """Actor ids of the claimants that give a casualty figure in any report."""
    found = set()
    for report in reports:
        claims = report.analysis.claims if report.analysis else []
        for figure in report.analysis.casualties if report.analysis else []:
            if figure.claim_index is not None and 0 <= figure.claim_index < len(claims):
                found.add(claims[figure.claim_index].claimant_actor_id or "")
    return found - {""}


def _informative_actor(entry: ActorEntry, figure_claimants: set[str]) -> bool:
    """Organisations and non-state groups, actors in the event, and claimants that give figures."""
    if entry.id in figure_claimants or entry.roles & {"initiator", "target"}:
        return True
    own_state = state_key(entry.id, entry.type, entry.country_code) is not None
    return not own_state and entry.type not in ("media", None)


def _actor_facts(actors: ActorIndex, facts: dict[str, Fact], figure_claimants: set[str]) -> None:
    for actor_id, entry in actors.actors.items():
        labels = [label for found in entry.labels.values() for label in found]
        informative = _informative_actor(entry, figure_claimants)
        fact = facts.setdefault(
            f"actor:{actor_id}", Fact("actor", entry.name, probes=[entry.name, *labels], informative=informative)
        )
        for article_id in entry.labels:
            fact.present.setdefault(article_id, list(entry.spans.get(article_id, [])))


def _claimant_facts(reports: Sequence[Report], facts: dict[str, Fact]) -> None:
    for report in reports:
        for claim in report.analysis.claims if report.analysis else []:
            if not claim.claimant or claim.claimant_actor_id:
                continue
            runs = _name_runs(claim.claimant)
            if not runs:
                continue
            name = runs[-1]
            fact = facts.setdefault(
                f"claimant:{normalise_label(name)}",
                Fact("claimant", claim.claimant, probes=[name, name.split()[-1]]),
            )
            fact.seen(report.id, report.span(claim.claimant_start, claim.claimant_end))


def _person_facts(reports: Sequence[Report], facts: dict[str, Fact]) -> None:
    for report in reports:
        for figure in report.analysis.casualties if report.analysis else []:
            words = (figure.victims or "").split()
            if len(words) < 2 or not all(w[:1].isupper() for w in words):
                continue
            fact = facts.setdefault(
                f"person:{normalise_label(figure.victims or '')}",
                Fact("person", figure.victims or "", probes=[words[0], words[-1]]),
            )
            fact.seen(report.id, report.span(figure.victims_start, figure.victims_end))


def _figure_facts(slots: Sequence[Slot], facts: dict[str, Fact]) -> None:
    for slot in slots:
        side = f" on the {slot.side} side" if slot.side else ""
        values = ", ".join(dict.fromkeys(f"“{f.record.get('value_text')}”" for f in slot.figures))
        fact = facts.setdefault(
            f"figure:{slot.kind}:{slot.side}", Fact("figure", f"{values} {slot.kind.replace('_', ' ')}{side}")
        )
        for figure in slot.figures:
            fact.seen(figure.article_id, (figure.record["start"], figure.record["end"]))


def _event_facts(reports: Sequence[Report], facts: dict[str, Fact]) -> None:
    for report in reports:
        for event in report.analysis.events if report.analysis else []:
            label = event.sub_event_type or event.event_type
            if not label:
                continue
            fact = facts.setdefault(f"event:{label}", Fact("event", label, informative=False))
            fact.seen(report.id, report.span(event.start, event.end))
    for fact in (f for f in facts.values() if f.fact_type == "event"):
        triggers = dict.fromkeys(r.article.text[s:e] for r in reports for s, e in fact.present.get(r.id, []))
        fact.name += " (" + ", ".join(f"“{t}”" for t in triggers) + ")" if triggers else ""


def _presence(fact: Fact, reports: Sequence[Report]) -> tuple[list[Report], list[Report]]:
    present = [
        r
        for r in reports
        if r.id in fact.present or any(_mentions(r.article.text, probe) for probe in fact.probes)
    ]
    return present, [r for r in reports if r not in present]


def _only(present: Sequence[Report], absent: Sequence[Report], what: str) -> str:
    return (
        f"Only {', '.join(r.outlet for r in present)} mention{'s' if len(present) == 1 else ''} {what}; "
        f"{', '.join(r.outlet for r in absent)} do{'es' if len(absent) == 1 else ''} not."
    )


def _spans(facts: Sequence[Fact]) -> list[dict[str, Any]]:
    return [
        {"article": art, "start": s, "end": e}
        for fact in facts
        for art, spans in fact.present.items()
        for s, e in spans
    ]


def _omission(fact: Fact, present: Sequence[Report], absent: Sequence[Report]) -> dict[str, Any]:
    return {
        "kind": "omission",
        "summary": _only(present, absent, f"{_TYPE_WORDS[fact.fact_type]} {fact.name}".strip()),
        "articles": [r.id for r in [*present, *absent]],
        "fact_type": fact.fact_type,
        "fact": fact.name,
        "present_in": [r.id for r in present],
        "absent_from": [r.id for r in absent],
        "spans": _spans([fact]),
    }


def _background(facts: Sequence[Fact], present: Sequence[Report], absent: Sequence[Report]) -> dict[str, Any]:
    """One line for the uninformative facts only ``present`` carry."""
    groups = []
    for fact_type in ("place", "actor", "event"):
        names = [f.name for f in facts if f.fact_type == fact_type]
        if names:
            groups.append(f"{_BACKGROUND_WORDS[fact_type]} {', '.join(names)}".strip())
    return {
        "kind": "omission",
        "summary": _only(present, absent, "in background: " + "; ".join(groups)),
        "articles": [r.id for r in [*present, *absent]],
        "fact_type": "background",
        "fact": "; ".join(groups),
        "facts": [{"fact_type": f.fact_type, "fact": f.name} for f in facts],
        "present_in": [r.id for r in present],
        "absent_from": [r.id for r in absent],
        "spans": _spans(facts),
    }


def find_omissions(
    reports: Sequence[Report], actors: ActorIndex, slots: Sequence[Slot]
) -> list[dict[str, Any]]:
    """One omission per informative fact some analysed reports of the event carry and others do not, then
    one ``background`` line per set of reports for the rest."""
    analysed = [r for r in reports if r.analysis is not None]
    if len(analysed) < 2:
        return []
    facts: dict[str, Fact] = {}
    _place_facts(analysed, facts)
    _actor_facts(actors, facts, _figure_claimants(analysed))
    _claimant_facts(analysed, facts)
    _person_facts(analysed, facts)
    _figure_facts(slots, facts)
    _event_facts(analysed, facts)
    seen_names: set[str] = set()
    result = []
    background: dict[tuple[str, ...], tuple[list[Report], list[Report], list[Fact]]] = {}
    for fact in facts.values():
        if normalise_label(fact.name) in seen_names:
            continue
        seen_names.add(normalise_label(fact.name))
        present, absent = _presence(fact, analysed)
        if not present or not absent:
            continue
        if fact.informative:
            result.append(_omission(fact, present, absent))
        else:
            key = tuple(r.id for r in present)
            background.setdefault(key, (present, absent, []))[2].append(fact)
    return result + [_background(found, present, absent) for present, absent, found in background.values()]
