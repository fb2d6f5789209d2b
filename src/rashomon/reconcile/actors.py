"""The actors of an event: canonical actors, what they do in it, and the labels each report gives them.

An actor enters the dossier when a report mentions it with a label that extraction resolved to a canonical
actor (``ActorMention.actor_id``), or when it is the resolved claimant of a claim. Its roles come from the
event mentions (``initiator``/``target``, as ACLED's actor1/actor2) and the claims (``claimant``); an actor
with none of these is ``other``. ``labels`` keeps every surface label as written, per article, in text order:
the framing comparison reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rashomon.reconcile.evidence import Report, side_key

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

    def entry(self, actor_id: str, name: str, country_code: str | None, actor_type: str | None) -> ActorEntry:
        found = self.actors.get(actor_id)
        if found is None:
            found = self.actors[actor_id] = ActorEntry(actor_id, name, country_code, actor_type)
        return found

    def name_of(self, actor_id: str | None) -> str | None:
        entry = self.actors.get(actor_id) if actor_id else None
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

        return [entry.to_dict() for entry in sorted(self.actors.values(), key=rank)]


def _add_mentions(index: ActorIndex, report: Report) -> None:
    if report.analysis is None:
        return
    for mention in report.analysis.actors:
        if not mention.actor_id or report.span(mention.start, mention.end) is None:
            continue
        entry = index.entry(
            mention.actor_id, mention.actor_name or mention.text, mention.country_code, mention.actor_type
        )
        entry.add_label(report.id, mention.text, mention.via, (mention.start, mention.end))


def _add_roles(index: ActorIndex, report: Report) -> None:
    if report.analysis is None:
        return
    for event in report.analysis.events:
        for role, actor_id in (("initiator", event.initiator), ("target", event.target)):
            if actor_id and actor_id in index.actors:
                index.actors[actor_id].roles.add(role)
        if event.initiator and event.target and event.initiator != event.target:
            index.opposed.add(frozenset((event.initiator, event.target)))
    for claim in report.analysis.claims:
        if not claim.claimant_actor_id:
            continue
        entry = index.entry(claim.claimant_actor_id, claim.claimant_actor or claim.claimant or "", None, None)
        entry.roles.add("claimant")
        if claim.claimant and not entry.labels.get(report.id):
            span = report.span(claim.claimant_start, claim.claimant_end)
            entry.add_label(report.id, claim.claimant, "claimant", span)


def build_actors(reports: Sequence[Report]) -> ActorIndex:
    """Every resolved actor of the reports, with roles and labels."""
    index = ActorIndex()
    analysed = [r for r in reports if r.analysis is not None]
    for report in analysed:
        _add_mentions(index, report)
    for report in analysed:
        _add_roles(index, report)
    return index
