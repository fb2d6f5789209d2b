"""The actors of an event: canonical actors, what they do in it, and the labels each report gives them.

An actor enters the dossier when a report mentions it with a label that extraction resolved to a canonical
actor (``ActorMention.actor_id``), or when it is the resolved claimant of a claim. Its roles come from the
event mentions (``initiator``/``target``, as ACLED's actor1/actor2; in a violent event only the mentions of
its type) and the claims (``claimant``); an actor with none of these is ``other``. A violent event whose
initiator or target no resolved actor plays gets ACLED's generic actor for it (the police who shot, an
unidentified armed group, civilians: :mod:`rashomon.reconcile.perpetrators`). ``labels`` keeps every
surface label as written, per article, in text order: the framing comparison reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rashomon.extract.actor_kb import COUNTRY_ACTOR_KINDS, load_kb
from rashomon.extract.events import VIOLENT_TYPES
from rashomon.reconcile.event_type import dossier_event_type, voted_type
from rashomon.reconcile.evidence import Report, side_key
from rashomon.reconcile.perpetrators import applies, civilian_target, event_country, unnamed_initiator

ROLE_ORDER = ("initiator", "target", "claimant", "other")


@dataclass
class ActorEntry:
    """One canonical actor as the reports of an event mention it."""

    id: str
    name: str
    country_code: str | None
    type: str | None
    roles: set[str] = field(default_factory=set)
    labels: dict[str, list[str]] = field(default_factory=dict)
    via: dict[tuple[str, str], str] = field(
        default_factory=dict
    )  # (article id, label) -> how it was resolved
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # article id -> label offsets

    def add_label(self, article_id: str, label: str, via: str, span: tuple[int, int] | None) -> None:
        labels = self.labels.setdefault(article_id, [])
        if label not in labels:
            labels.append(label)
        self.via.setdefault((article_id, label), via)
        if span is not None:
            self.spans.setdefault(article_id, []).append(span)

    def to_dict(self) -> dict[str, Any]:
        roles = [r for r in ROLE_ORDER if r in self.roles] or ["other"]
        return {
            "id": self.id,
            "name": self.name,
            "country_code": self.country_code,
            "type": self.type,
            "roles": roles,
            "labels": {k: list(v) for k, v in self.labels.items()},
        }


@dataclass
class ActorIndex:
    """The actors of one event by id, and the initiator/target pairs its event mentions oppose."""

    actors: dict[str, ActorEntry] = field(default_factory=dict)
    opposed: set[frozenset[str]] = field(default_factory=set)
    unnamed: dict[str, ActorEntry] = field(default_factory=dict)
    """Generic actors given to roles no resolved actor plays: shown, and compared for framing, but not facts
    whose omission a report could be blamed for ("only X mentions Unidentified Armed Group")."""

    def entries(self) -> list[ActorEntry]:
        """Every actor: those the reports mention or quote, then the generic ones."""
        return [*self.actors.values(), *self.unnamed.values()]

    def entry(self, actor_id: str, name: str, country_code: str | None, actor_type: str | None) -> ActorEntry:
        found = self.actors.get(actor_id)
        if found is None:
            found = self.actors[actor_id] = ActorEntry(actor_id, name, country_code, actor_type)
        return found

    def name_of(self, actor_id: str | None) -> str | None:
        entry = (self.actors.get(actor_id) or self.unnamed.get(actor_id)) if actor_id else None
        return entry.name if entry else None

    def side_oppositions(self) -> set[frozenset[str]]:
        """The opposed pairs as casualty side keys (a state's army and government are one side)."""
        result = set()
        for pair in self.opposed:
            keys = [self._side(actor_id) for actor_id in pair]
            if keys[0] != keys[1]:
                result.add(frozenset(keys))
        return result

    def _side(self, actor_id: str) -> str:
        entry = self.actors.get(actor_id)
        if entry is None:
            return actor_id
        return side_key(actor_id, entry.name, entry.type, entry.country_code) or actor_id

    def to_list(self) -> list[dict[str, Any]]:
        """Actors with a role in the event first (initiator, target, claimant), then by name."""

        def rank(entry: ActorEntry) -> tuple[int, str]:
            return min((ROLE_ORDER.index(r) for r in entry.roles), default=len(ROLE_ORDER)), entry.name

        return [entry.to_dict() for entry in sorted(self.entries(), key=rank)]


def context_remap(report: Report, country: str | None) -> dict[str, str]:
    """Generic country actors a report resolved by its own context country ("police" -> Police Forces of
    Mexico on a page whose surnames the gazetteer read as Mexican towns), moved to the event's ``country``:
    the reports' event places say where the event is better than one page's mix of toponyms."""
    if report.analysis is None or country is None:
        return {}
    remap = {}
    for mention in report.analysis.actors:
        prefix, _, code = (mention.actor_id or "").partition("-")
        if mention.via == "label" and prefix in COUNTRY_ACTOR_KINDS and len(code) == 2 and code != country:
            remap[mention.actor_id or ""] = f"{prefix}-{country}"
    return remap


def _add_mentions(index: ActorIndex, report: Report, remap: dict[str, str]) -> None:
    if report.analysis is None:
        return
    kb = load_kb()
    for mention in report.analysis.actors:
        if not mention.actor_id or report.span(mention.start, mention.end) is None:
            continue
        moved = kb.get(remap[mention.actor_id]) if mention.actor_id in remap else None
        if moved is not None:
            entry = index.entry(moved.id, moved.name, moved.country_code, moved.type)
        else:
            entry = index.entry(
                mention.actor_id, mention.actor_name or mention.text, mention.country_code, mention.actor_type
            )
        entry.add_label(report.id, mention.text, mention.via, (mention.start, mention.end))


def _add_roles(
    index: ActorIndex, report: Report, event_type: str | None, dropped: str | None, remap: dict[str, str]
) -> None:
    """Roles from the report's event mentions and claims. In a violent event only violent mentions give
    initiator and target roles (the police who arrest a shooter are not the shooting's actor1), and not those
    of the ``dropped`` sub-event type the dossier's casualty sentences outweighed ("captured" the suspect)."""
    if report.analysis is None:
        return
    for event in report.analysis.events:
        initiator, target = (remap.get(a, a) if a else None for a in (event.initiator, event.target))
        if not applies(event_type) or (event.event_type in VIOLENT_TYPES and event.sub_event_type != dropped):
            for role, actor_id in (("initiator", initiator), ("target", target)):
                if actor_id and actor_id in index.actors:
                    index.actors[actor_id].roles.add(role)
        if initiator and target and initiator != target:
            index.opposed.add(frozenset((initiator, target)))
    for claim in report.analysis.claims:
        if not claim.claimant_actor_id:
            continue
        moved = load_kb().get(remap[claim.claimant_actor_id]) if claim.claimant_actor_id in remap else None
        if moved is not None:
            entry = index.entry(moved.id, moved.name, moved.country_code, moved.type)
        else:
            entry = index.entry(claim.claimant_actor_id, claim.claimant_actor or claim.claimant or "", None, None)
        entry.roles.add("claimant")
        if claim.claimant and not entry.labels.get(report.id):
            span = report.span(claim.claimant_start, claim.claimant_end)
            entry.add_label(report.id, claim.claimant, "claimant", span)


def _add_unnamed(index: ActorIndex, reports: Sequence[Report], event_type: str | None) -> None:
    """ACLED's generic actors for the roles of a violent event that no resolved actor plays (see
    :mod:`rashomon.reconcile.perpetrators`): the shooter, the police who shot, the civilians harmed."""
    country = event_country(reports) if applies(event_type) else None
    if country is None:
        return
    wanted = [("initiator", unnamed_initiator)]
    if event_type == "Violence against civilians":
        wanted.append(("target", civilian_target))
    kb = load_kb()
    for role, find in wanted:
        if any(role in entry.roles for entry in index.entries()):
            continue
        found = find(reports, country)
        actor = kb.get(found[0]) if found is not None else None
        if found is None or actor is None:
            continue
        entry = index.actors.get(actor.id) or index.unnamed.setdefault(
            actor.id, ActorEntry(actor.id, actor.name, actor.country_code, actor.type)
        )
        entry.roles.add(role)
        for article_id, labels in found[1].items():
            for label, start, end in labels:
                entry.add_label(article_id, label, "role", (start, end))


def build_actors(reports: Sequence[Report]) -> ActorIndex:
    """Every resolved actor of the reports, with roles and labels; for a violent event (the type the dossier
    gives the reports: :mod:`rashomon.reconcile.event_type`), roles from its violent mentions and generic
    actors for the roles no actor plays."""
    index = ActorIndex()
    analysed = [r for r in reports if r.analysis is not None]
    voted = voted_type(analysed)
    event_type, sub_type = dossier_event_type(voted, analysed)
    dropped = voted[1] if sub_type != voted[1] else None
    country = event_country(analysed)
    remaps = {r.id: context_remap(r, country) for r in analysed}
    for report in analysed:
        _add_mentions(index, report, remaps[report.id])
    for report in analysed:
        _add_roles(index, report, event_type, dropped, remaps[report.id])
    _add_unnamed(index, analysed, event_type)
    return index
