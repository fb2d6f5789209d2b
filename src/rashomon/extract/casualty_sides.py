"""On whose side the people counted by a casualty figure are, and which claim carries the figure.

The side comes from ``doc._.actors`` (an actor mention inside the victims' phrase, "an Azerbaijani
soldier"), from the claimant of the carrying claim for possessives ("two of its servicemen") and own-forces
nouns ("the deaths of two soldiers", confirmed by a ministry: the armed forces of that ministry's state), or
from the previous figure of the sentence for elliptic counts ("an additional 14 wounded").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from rashomon.extract.actor_kb import Actor, load_kb
from rashomon.extract.casualty_lexicon import ELLIPTIC
from rashomon.extract.claim_spans import text_of
from rashomon.records import ActorMention, CasualtyFigure, Claim

__all__ = ["claim_index", "set_side"]

_OWN_FORCES = {
    "soldier",
    "serviceman",
    "servicemen",
    "troop",
    "personnel",
    "officer",
    "fighter",
    "guard",
    "border guard",
    "policeman",
    "conscript",
    "member",
}


def _actor_in(span_start: int, span_end: int, actors: Sequence[ActorMention]) -> ActorMention | None:
    for actor in actors:
        if actor.actor_id and span_start <= actor.start and actor.end <= span_end:
            return actor
    return None


def claim_index(start: int, claims: Sequence[Claim] | None) -> int | None:
    """The index of the claim whose span holds ``start``, if any."""
    for index, claim in enumerate(claims or ()):
        if claim.start <= start < claim.end:
            return index
    return None


def set_side(
    doc: Doc,
    figure: CasualtyFigure,
    earlier: list[CasualtyFigure],
    actors: Sequence[ActorMention],
    claims: Sequence[Claim] | None,
    *,
    own_forces_side: bool = True,
) -> None:
    """The side of the people counted, from an actor mention, the claimant, or the previous figure."""
    np_start = min(
        figure.start, figure.victims_start if figure.victims_start is not None else figure.start
    )
    np_end = max(figure.end, figure.victims_end or figure.end)
    actor = _actor_in(np_start, np_end, actors)
    if actor is not None:
        figure.side, figure.side_actor_id = actor.actor_name, actor.actor_id
        return
    claim = claims[figure.claim_index] if claims is not None and figure.claim_index is not None else None
    span = doc.char_span(np_start, np_end, alignment_mode="expand")
    possessive = span is not None and any(
        t.dep_ == "poss" and t.lower_ in ("its", "their", "our") for t in span
    )
    own = (
        own_forces_side
        and figure.victims is not None
        and any(word in figure.victims.lower() for word in _OWN_FORCES)
        and not figure.victims.lower().startswith(("enemy", "militant"))
    )
    if claim is not None and claim.claimant_actor_id and (possessive or own):
        figure.side, figure.side_actor_id = claim.claimant_actor, claim.claimant_actor_id
        if own:  # a state's government speaking of its soldiers: they are its forces
            forces = _forces_of(claim.claimant_actor_id)
            if forces is not None:
                figure.side, figure.side_actor_id = forces.name, forces.id
        return
    same_sentence = [f for f in earlier if f.sentence_start == figure.sentence_start and f.side]
    elliptic = figure.victims is None or figure.victims.lower() in ELLIPTIC
    if same_sentence and (elliptic or _mentions_other(doc, figure)):
        figure.side, figure.side_actor_id = same_sentence[-1].side, same_sentence[-1].side_actor_id


def _mentions_other(doc: Doc, figure: CasualtyFigure) -> bool:
    """Whether the count is marked as more of the same people ("14 other servicemen", "another soldier")."""
    window = text_of(doc)[max(0, figure.start - 15) : figure.victims_end or figure.end].lower()
    return any(word in window.split() for word in ELLIPTIC)


def _forces_of(actor_id: str) -> Actor | None:
    """The armed forces of the recognised state whose government ``actor_id`` is, else None."""
    kb = load_kb()
    government = kb.get(actor_id)
    if government is None or government.type != "government" or government.disputed or not government.country_code:
        return None
    return kb.country_actor(government.country_code, "mil")
