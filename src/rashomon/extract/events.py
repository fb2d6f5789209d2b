"""Event types on ACLED's taxonomy: the ``rashomon.events.v1`` component and a snippet classifier.

The cues (:mod:`rashomon.extract.event_cues`, written from ACLED's codebook definitions) give weights to
sub-event types; a text or sentence takes the sub-event type with the largest total (:func:`classify_text`),
ties broken by the more specific type (the order of :data:`SUB_EVENTS`). Refinements follow ACLED's lines
between neighbouring types: who took a place (government vs non-state actor), a place taken after the
other side withdrew with no fighting named (non-violent transfer), violence aimed at an armed group (armed
clash, not an attack on civilians), what police did at a protest (intervention vs excessive force) and
crowd-control weapons naming an intervention, an aim ("to capture") that is not a change of control.

The component (factory ``rashomon_events_v1``) writes one :class:`EventMention` per sentence with a cue:
initiator and target actor ids from ``doc._.actors`` by syntax (subject / agent vs object / "against"
phrase), the place index of a ``doc._.places`` entry in the sentence, and a score in 0..1.
:func:`main_event` picks the document's event.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from rashomon.extract import extensions
from rashomon.extract.event_cues import ANY_CUE as _ANY_CUE
from rashomon.extract.event_cues import ANY_CUE_LOWER as _ANY_CUE_LOWER
from rashomon.extract.event_cues import COMPILED as _COMPILED
from rashomon.extract.event_cues import COMPILED_LOWER as _COMPILED_LOWER
from rashomon.extract.event_cues import SUB_EVENTS as SUB_EVENTS
from rashomon.extract.event_cues import UNSEEN as UNSEEN
from rashomon.extract.event_cues import first_matches as first_matches
from rashomon.extract.event_cues import folded as folded
from rashomon.records import ActorMention, EventMention, Place

FACTORY = "rashomon_events_v1"
"""spaCy factory name of ``rashomon.events.v1`` (spaCy forbids dots in factory names)."""

_NON_STATE = re.compile(
    r"\b(?:isis|isil|islamic state|daesh|taliban|al[- ]shabaa?b|boko haram|rebels?|insurgents?|militants?|"
    r"militias?|jihadists?|fighters|al[- ]qaeda|hts|nusra|houthis?|ypg|sdf|pkk|maoists?|naxal\w*|"
    r"separatists?|"
    r"opposition|gunmen|armed group|jnim|ansar|hezbollah|hamas|farc|eln|anti-balaka|seleka|ex-seleka|"
    r"al-nusra|tahrir)\b",
    re.IGNORECASE,
)
_STATE = re.compile(
    r"\b(?:army|troops|government|regime|soldiers|military|armed forces|security forces|police|saa|"
    r"forces loyal|pro-government|afghan forces|iraqi forces|national army|defen[cs]e forces|"
    r"marines|gendarmes?)\b",
    re.IGNORECASE,
)

STRONG_ATTACK = re.compile(
    r"\b(?:shot (?:dead|to death|and killed|and wounded)|gunned down|opened fire|fatally (?:shot|stabbed|wounded)|"
    r"(?:stabbed|beaten|hacked) to death|massacred|executed|assassinated|murdered|(?:was|were) shot\b)",
    re.IGNORECASE,
)
"""Attack cues that name the violence done to someone ("was shot", "gunned down"): a sentence that has one
is an event mention although the attack cue's weight (1.5, generic "killed", "attack" are everywhere) is
below the typer's bar. Read by the component only; :func:`classify_text` scores are unchanged."""

_ARMED_TARGET = re.compile(
    r"\b(?:(?:attack\w*|ambush\w*|set upon|raid\w*|opened fire on|fired (?:at|on)|target\w*|assault\w* on|"
    r"overr[au]n|stormed|hit) (?:[\w-]+ ){0,4}(?:bases?|camps?|outposts?|checkpoints?|positions|barracks|"
    r"convoys?|patrols?)\b|"
    r"(?:attack\w*|ambush\w*|set upon|opened fire on|fired (?:at|on)|target\w*|assault\w* on|killed|wounded|"
    r"killing|wounding) (?:[\w-]+ ){0,4}(?:soldiers|troops|militants|terrorists|insurgents|rebels|fighters|"
    r"jihadists|servicemen)\b|"
    r"(?:soldiers|troops|militants|terrorists|insurgents|rebels|fighters|jihadists|servicemen) "
    r"(?:[\w-]+ ){0,3}(?:were|have been|had been) (?:killed|wounded|injured))",
    re.IGNORECASE,
)
"""ACLED's line between an attack and a battle: violence aimed at an armed, organised group (its soldiers,
fighters, bases, checkpoints, convoys) is an armed clash, not violence against civilians. Police are left out:
a shooting at officers is an attack in the reports this reads most (US gun violence)."""

_ATTEMPT_END = re.compile(r"\bto\s+$", re.IGNORECASE)
"""Text before a territory cue that makes it an aim ("an attack to capture", "trying to retake"): no place
changed hands."""

_REPORTED = re.compile(r"\b(?:said|says|told|reported|stated|claimed|announced)\b(?: that)?", re.IGNORECASE)

_CROWD_ATTACKED = re.compile(
    r"\b(?:group|crowd|mob|gang|supporters|men|youths)\b(?: of [\w-]+)? (?:\w+ ){0,2}(?:attacked|assaulted|"
    r"beat|stormed) (?:\w+ ){0,3}(?:rally|protest|protesters|demonstrat\w+|march\w*|sit-in)"
)
"""A protest attacked by a crowd (on lower-cased text): mob violence, not the police's intervention."""

_LEADER_ARRESTED = re.compile(
    r"\barrested (?:[\w-]+ ){0,3}(?:activists?|leaders?|organi[sz]ers?|journalists?|opposition figures?)\b"
)
"""An arrest of a protest's organisers or leaders (on lower-cased text), not of its crowd."""

_PASSIVE_END = re.compile(r"\b(?:was|were|been|being)\s+$", re.IGNORECASE)


def _territory_label(text: str, cue_at: int) -> str:
    """Who took the place: the first actor named in the clause before the cue, the subject in news
    style, decides (state vs non-state); a passive cue ("were pushed back") names the loser instead."""
    before = text[max(0, cue_at - 160) : cue_at]
    before = re.split(r"[.;]\s", before)[-1]
    reported = _REPORTED.split(before)[-1]  # "the army said rebels had gained ground": the reported clause
    if _STATE.search(reported) or _NON_STATE.search(reported):
        before = reported
    state = [m.start() for m in _STATE.finditer(before)]
    rebel = [m.start() for m in _NON_STATE.finditer(before)]
    if state or rebel:
        taker_is_rebel = bool(rebel) and (not state or rebel[0] < state[0])
        if _PASSIVE_END.search(before) and (_STATE.search(before[-45:]) or _NON_STATE.search(before[-45:])):
            taker_is_rebel = not taker_is_rebel  # "the insurgents were pushed back", not "ground was regained"
        return "Non-state actor overtakes territory" if taker_is_rebel else "Government regains territory"
    after = text[cue_at : cue_at + 120]
    if _NON_STATE.search(after) and not _STATE.search(after):
        return "Government regains territory"
    return "Non-state actor overtakes territory" if _STATE.search(after) else "Government regains territory"


def cue_scores(text: str, *, unseen: bool = False, lower: str | None = None) -> dict[str, float]:
    """The total cue weight per sub-event type in ``text`` (each cue counted once). ``lower``: the
    :func:`folded` form of ``text`` when the caller has it (computed here otherwise)."""
    if lower is None:
        lower = folded(text)
    any_cue, compiled = (_ANY_CUE, _COMPILED) if lower is None else (_ANY_CUE_LOWER, _COMPILED_LOWER)
    searched = text if lower is None else lower
    scores: dict[str, float] = defaultdict(float)
    starts = first_matches(searched, any_cue, compiled, unseen=unseen)
    if not starts:
        return scores
    territory_at, captive_at = (next((at for k, at in starts.items() if compiled[k][1] == label), None)
                                for label in ("TERRITORY", "CAPTIVE"))
    for k, (_, label, weight) in enumerate(compiled):
        if k not in starts:
            continue
        if label == "CAPTIVE":  # people captured: an arrest, unless a place was taken too (that outranks it)
            if territory_at not in (None, captive_at):
                continue
            label = "Arrests"
        elif label == "TERRITORY":
            if territory_at == captive_at:  # "captured a commander": people, not a place
                continue
            if _ATTEMPT_END.search(searched, 0, starts[k]):  # "an attack to capture the positions": an aim
                continue
            label = _territory_label(text, starts[k])
        scores[label] += weight
    _protest_refinement(text, scores)
    _battle_refinement(searched, scores)
    _transfer_refinement(scores)
    _seizure_refinement(searched, scores)
    return scores


def _battle_refinement(text: str, scores: dict[str, float]) -> None:
    """Attack cues aimed at an armed group (:data:`_ARMED_TARGET`) read as an armed clash (their weight, plus
    one, joins the clash cues'), unless a crowd is named."""
    crowd = scores.get("Peaceful protest", 0) > 0 or scores.get("Violent demonstration", 0) > 0
    if scores.get("Attack", 0) > 0 and not crowd and _ARMED_TARGET.search(text):
        scores["Armed clash"] += scores.pop("Attack") + 1


_FIGHTING = ("Armed clash", "Attack", "Shelling/artillery/missile attack", "Air/drone strike")


def _transfer_refinement(scores: dict[str, float]) -> None:
    """A place taken after the other side withdrew or handed it over, with no fighting named, changed hands
    without violence (ACLED's non-violent transfer of territory)."""
    if scores.get("Non-violent transfer of territory", 0) > 0 and not any(scores.get(k) for k in _FIGHTING):
        taken = scores.pop("Government regains territory", 0) + scores.pop("Non-state actor overtakes territory", 0)
        scores["Non-violent transfer of territory"] += taken


_WEAPON_TYPES = ("Grenade", "Remote explosive/landmine/IED", "Shelling/artillery/missile attack")
_USED = re.compile(r"\b(?:explod\w*|explosions?|blasts?|went off|blew up|hurl\w*|lobb\w*|thrown|threw)\b",
                   re.IGNORECASE)


def _seizure_refinement(text: str, scores: dict[str, float]) -> None:
    """Weapons seized, found or defused (the strong disrupted-weapons cue, weight 5) name what was taken,
    not an attack with them, unless the text says one went off or was thrown."""
    seized = scores.get("Disrupted weapons use", 0) >= 5
    if seized and any(scores.get(k) for k in _WEAPON_TYPES) and not _USED.search(text):
        for kind in _WEAPON_TYPES:
            scores.pop(kind, None)


def _protest_refinement(text: str, scores: dict[str, float]) -> None:
    """A protest that police answered: dispersal is intervention; killing or beating is excessive force.
    (Crowd-control weapons, a cue of their own, name an intervention even when no protest word does.)"""
    if scores.get("Violent demonstration", 0) > 0:
        scores.pop("Protest with intervention", None)
        return  # demonstrators' own violence makes it a violent demonstration, whatever police did
    if scores.get("Peaceful protest", 0) <= 0:
        return
    lower = text.lower()
    if scores.get("Arrests", 0) > 0 and _LEADER_ARRESTED.search(lower):
        scores["Arrests"] += 3  # its leaders arrested for a protest: ACLED's arrests, not the protest
        return
    scores.pop("Arrests", None)  # arrests at a protest are the police's answer to it, not the event
    if _CROWD_ATTACKED.search(lower):  # civilians, not police, attacked the protest: ACLED's mob violence
        scores["Mob violence"] += 4
    elif re.search(
        r"(?:police|security forces|troops|officers)\W+(?:\w+\W+){0,4}(?:opened fire|fired live|"
        r"shot|killed|beat|attacked|injured|wounded)|live (?:ammunition|rounds|bullets)|"
        r"(?:protesters|demonstrators|people)\W+(?:\w+\W+){0,3}(?:were |was )?(?:killed|shot|beaten|injured)|"
        r"excessive force|(?<!rubber )(?<!plastic )bullets|"
        r"(?:violently|brutally) (?:suppress|disperse|crack|beat|attack)\w*",
        lower,
    ):
        scores["Excessive force against protesters"] += 4
    elif re.search(
        r"tear ?gas|water cannons?|rubber bullets|dispers\w+|baton|arrested|detained|lathi|suppress\w*|"
        r"broke up|break up|crack\w* down", lower
    ):
        scores["Protest with intervention"] = max(scores.get("Protest with intervention", 0), 3)


def classify_text(text: str, *, unseen: bool = False) -> tuple[str | None, str | None]:
    """(ACLED event type, sub-event type) of a snippet; ``(None, None)`` when no cue matches."""
    return classify_scores(cue_scores(text, unseen=unseen))


def classify_scores(scores: dict[str, float]) -> tuple[str | None, str | None]:
    """(ACLED event type, sub-event type) with the best of ``scores`` (from :func:`cue_scores`)."""
    if not scores:
        return None, None
    order = list(SUB_EVENTS) + list(UNSEEN)
    label = max(scores, key=lambda name: (scores[name], -order.index(name)))
    return (SUB_EVENTS.get(label) or UNSEEN.get(label)), label


VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
"""ACLED event types that are attacks, strikes or clashes: a document's main event when it has one."""


def main_event(events: Sequence[EventMention]) -> EventMention | None:
    """The document's event: attacks, strikes and clashes before protests, riots and strategic developments
    (an arrest after a shooting reports the shooting), then the highest score, earliest first on ties;
    ``None`` when there is no mention."""
    if not events:
        return None
    return max(
        enumerate(events),
        key=lambda pair: (pair[1].event_type in VIOLENT_TYPES, pair[1].score, -pair[0]),
    )[1]


def _strong_attack(sub_type: str, text: str) -> bool:
    """Whether ``text``, read as an attack, names the violence done (:data:`STRONG_ATTACK`)."""
    return sub_type == "Attack" and STRONG_ATTACK.search(text) is not None


def _actor_at(token: Token | None, actors: Sequence[ActorMention]) -> str | None:
    """The actor id of a mention inside the phrase headed by ``token``."""
    if token is None:
        return None
    start, end = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    for actor in actors:
        if actor.actor_id and start <= actor.start and actor.end <= end:
            return actor.actor_id
    return None


def _roles(verb: Token) -> tuple[Token | None, Token | None]:
    """(initiator, target) heads around a verb: subject or "by" agent; object or "against"/"on" phrase."""
    initiator = target = None
    for child in verb.children:
        if child.dep_ == "nsubj":
            initiator = child
        elif child.dep_ == "nsubjpass" or child.dep_ == "dobj":
            target = child
        elif child.dep_ == "agent":
            initiator = next((c for c in child.children if c.dep_ == "pobj"), initiator)
        elif child.dep_ == "prep" and child.lower_ in ("against", "on", "at") and target is None:
            target = next(
                (c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME")), None
            )
    return initiator, target


class EventTyper:
    """The ``rashomon.events.v1`` component: one typed event mention per sentence with a cue."""

    def __init__(
        self, nlp: Language, name: str = FACTORY, *, min_score: float = 2.0, unseen: bool = False
    ) -> None:
        extensions.register()
        self.name = name
        self.min_score = min_score
        self.unseen = unseen

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.match(doc)
        return doc

    def match(self, doc: Doc) -> list[EventMention]:
        actors: list[ActorMention] = doc._.actors or []
        places: list[Place] = doc._.places or []
        text = extensions.doc_text(doc)  # spaCy joins the tokens on every access: once per Doc
        lower = folded(text)  # per Doc: a slice of it is the folded form of the sentence
        return [
            event
            for sent in doc.sents
            if (event := self._sentence_event(
                sent, text[sent.start_char : sent.end_char], actors, places,
                None if lower is None else lower[sent.start_char : sent.end_char]))
        ]

    def _sentence_event(
        self, sent: Span, text: str, actors: Sequence[ActorMention], places: Sequence[Place],
        lower: str | None = None,
    ) -> EventMention | None:
        """The event of ``sent`` (whose text is ``text``, :func:`folded` form ``lower``), or ``None`` below
        ``min_score``."""
        scores = cue_scores(text, unseen=self.unseen, lower=lower)
        if not scores:
            return None
        event_type, sub_type = classify_scores(scores)
        if sub_type is None or (scores[sub_type] < self.min_score and not _strong_attack(sub_type, text)):
            return None
        trigger = self._trigger_token(sent, text if lower is None else lower, sub_type, folded_text=lower is not None)
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        initiator, target = _roles(verb)
        place_index = next(
            (i for i, p in enumerate(places) if sent.start_char <= p.start < sent.end_char), None
        )
        return EventMention(
            event_type=event_type,
            sub_event_type=sub_type,
            trigger=trigger.text,
            start=trigger.idx,
            end=trigger.idx + len(trigger),
            initiator=_actor_at(initiator, actors),
            target=_actor_at(target, actors),
            place_index=place_index,
            score=round(min(1.0, scores[sub_type] / 8.0), 3),
        )

    def _trigger_token(self, sent: Span, text: str, sub_type: str, *, folded_text: bool = False) -> Token:
        """The first token of the first cue of ``sub_type`` in the sentence (the root when none is found);
        ``folded_text``: ``text`` is the :func:`folded` sentence, searched with the faster lower-case cues."""
        for pattern, label, _weight in _COMPILED_LOWER if folded_text else _COMPILED:
            wanted = label == sub_type or (label == "TERRITORY" and "territory" in sub_type) or (
                label == "CAPTIVE" and sub_type == "Arrests")
            match = pattern.search(text) if wanted else None
            if match is not None:
                span = sent.doc.char_span(
                    sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand"
                )
                if span is not None:
                    return span[0]
        return sent.root


@Language.factory(FACTORY, default_config={"min_score": 2.0, "unseen": False}, assigns=["doc._.events"])
def make_event_typer(nlp: Language, name: str, min_score: float, unseen: bool) -> EventTyper:
    return EventTyper(nlp, name, min_score=min_score, unseen=unseen)
