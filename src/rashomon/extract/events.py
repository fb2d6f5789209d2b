"""Event types on ACLED's taxonomy: the ``rashomon.events.v1`` component and a snippet classifier.

The trigger lexicon is written from ACLED's codebook definitions of its 6 event types and 25 sub-event
types (e.g. "Air/drone strike": aircraft or drones attack; "Shelling/artillery/missile attack": long-range
artillery, rockets, missiles; "Armed clash": armed, organised groups fight; "Government regains territory"
vs "Non-state actor overtakes territory": who took the place). Each cue gives a weight to one sub-event
type; a text or sentence takes the sub-event type with the largest total (:func:`classify_text`), ties
broken by the more specific type (the order of :data:`SUB_EVENTS`). Outside ACLED, the cues for
"unseen" kinds (organised crime, disasters, diplomacy, attribution) are used only when asked for.

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
from rashomon.records import ActorMention, EventMention, Place

FACTORY = "rashomon_events_v1"
"""spaCy factory name of ``rashomon.events.v1`` (spaCy forbids dots in factory names)."""

SUB_EVENTS: dict[str, str] = {
    # most specific first: the order breaks ties
    "Chemical weapon": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Excessive force against protesters": "Protests",
    "Protest with intervention": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Peaceful protest": "Protests",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Looting/property destruction": "Strategic developments",
    "Arrests": "Strategic developments",
    "Agreement": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Armed clash": "Battles",
    "Attack": "Violence against civilians",
    "Other": "Strategic developments",
}
UNSEEN: dict[str, str] = {
    "Organized crime": "Other",
    "Natural disaster": "Other",
    "Man-made disaster": "Other",
    "Diplomatic event": "Other",
    "Attribution of responsibility": "Other",
}

_CUES: list[tuple[str, str, float]] = [
    (
        r"chlorine|sarin|toxic gas|poison(?:ous)? gas|chemical (?:weapon|attack|agent|munition)s?|"
        r"mustard gas|"
        r"nerve agent",
        "Chemical weapon",
        4,
    ),
    (
        r"suicide (?:bomb\w*|attack\w*|car|vest|blast)|blew (?:him|her|them)sel(?:f|ves) up|explosive vest|"
        r"suicide|kamikazes?",
        "Suicide bomb",
        4,
    ),
    (r"grenades?", "Grenade", 4),
    (
        r"\bieds?\b|improvised explosive|roadside bomb|land ?mines?|car bomb|"
        r"bomb (?:blast|exploded|went off)|"
        r"explosive device|booby[- ]trap|\bmines?\b|detonat\w+|remote[- ]controlled",
        "Remote explosive/landmine/IED",
        3,
    ),
    (r"bomb(?:ing|s|ed)?\b|explosion|blast", "Remote explosive/landmine/IED", 1),
    (
        r"air ?strikes?|air raids?|warplanes?|fighter jets?|\bjets?\b|drones?|helicopters?|aircraft|"
        r"aerial (?:bombardment|attack)|air force|bombed|barrel bombs?|gunships?",
        "Air/drone strike",
        3,
    ),
    (
        r"shell(?:ing|ed|s)\b|artillery|mortars?|rockets?|missiles?|howitzers?|katyusha|projectiles?|"
        r"rocket[- ]propelled|bombard\w*|\bgrad\b",
        "Shelling/artillery/missile attack",
        3,
    ),
    (
        r"\brap(?:e|ed|ing|ist)s?\b|sexual(?:ly)? (?:assault|abuse|violence|harass)\w*|molest\w*|"
        r"abus\w+ (?:\w+ ){0,2}(?:women|girls)",
        "Sexual violence",
        4,
    ),
    (
        r"abduct\w*|kidnap\w*|disappeared|forced disappearance|taken hostage|hostages?|went missing",
        "Abduction/forced disappearance",
        3,
    ),
    (
        r"protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march(?:ed|es)?\b|sit-in|picket\w*|strike by|"
        r"took to the streets|chant\w*|slogans?",
        "Peaceful protest",
        2,
    ),
    (
        r"riot\w*|(?:threw|throwing|pelted) (?:stones|rocks|petrol bombs|molotov)|stone[- ]pelting|"
        r"violent(?:ly)? (?:protest|demonstrat)\w*|aggressive (?:protest|demonstrat)\w*|scuffles?|"
        r"(?:protesters|demonstrators) (?:\w+ ){0,2}clash\w*|"
        r"clash\w* (?:\w+ ){0,2}with (?:[\w-]+ ){0,3}(?:protesters|demonstrators)|"
        r"torched|set (?:fire|ablaze)|vandali[sz]\w*|clashed with (?:police|security)|rampag\w*",
        "Violent demonstration",
        2,
    ),
    (
        r"\bmobs?\b|lynch\w*|vigilantes?|angry (?:crowd|villagers|residents)|beaten (?:to death )?by (?:a )?"
        r"(?:crowd|group|villagers)|group of (?:villagers|men) attacked",
        "Mob violence",
        3,
    ),
    (
        r"defus\w+|dismantl\w+|(?:weapons|arms|ammunition|explosives) (?:cache|depot|were|was)?\s*"
        r"(?:seized|found|recovered|confiscated|discovered)|(?:seized|recovered|confiscated|found|discovered)"
        r" (?:a |an )?(?:cache|weapons|arms|explosives|ammunition|rockets|mortar|bomb)|intercept\w*|"
        r"shot down|bomb disposal|thwart\w*|foiled",
        "Disrupted weapons use",
        3,
    ),
    (
        r"(?:set up|established?|establishing|opened|built|building|construct\w*) "
        r"(?:a |an |new |its |their )*"
        r"(?:\w+ ){0,3}(?:base|headquarters|outposts?|camp|checkpoints?|positions|barracks|"
        r"observation (?:point|post)s?)",
        "Headquarters or base established",
        4,
    ),
    (
        r"handed over|hand(?:ed|ing)? over control|withdr[ae]w\w*|pull(?:ed)? out of|retreat\w*|"
        r"took over (?:control )?(?:peacefully|without)|transferred (?:control|to)|evacuated (?:the|their) "
        r"positions",
        "Non-violent transfer of territory",
        2,
    ),
    (
        r"without (?:any )?(?:resistance|fighting|a fight|a shot)|handed (?:\w+ ){0,2}over|peaceful handover",
        "Non-violent transfer of territory",
        3,
    ),
    (
        r"recaptur\w+|regain\w*|retook|retake\w*|liberat\w+|captur\w+|seiz\w+ control|took control|"
        r"taken control|overr[au]n|storm\w*|advanc\w+ (?:into|on)|gain\w* control|freed|"
        r"(?:recovered|established|restored|took|regained) (?:full )?control|pushed back|"
        r"occupied (?:\w+ ){0,3}(?:villages?|towns?|posts?|positions|hills?|areas?)",
        "TERRITORY",
        3.5,
    ),
    (
        r"loot\w*|(?:burn(?:ed|t)|torched|destroy\w*|demolish\w*|razed) (?:\w+ ){0,3}(?:houses|homes|shops|"
        r"property|buildings|vehicles|church|mosque|temple|school|office)|ransack\w*|arson|vandal\w*",
        "Looting/property destruction",
        3,
    ),
    (
        r"(?:seiz|found|discover|recover|confiscat|captur|intercept|defus|destroy|clear)\w* (?:\w+ ){0,6}"
        r"(?:weapons?|arms|ammunitions?|firearms|guns|pistols|rifles|bullets|cartridges|explosives?|"
        r"explosive devices?|ieds?|landmines|grenades|caches?|depots?|packages?)\b|"
        r"(?:weapons?|arms|ammunitions?|firearms|guns|pistols|rifles|bullets|cartridges|explosives|"
        r"explosive devices?|ieds?|landmines|grenades|caches?|depots?|packages?) (?:\w+ ){0,6}"
        r"(?:(?:were|was|been|being) )?(?:seized|found|discovered|recovered|confiscated|captured|"
        r"intercepted|defused|destroyed|cleared)",
        "Disrupted weapons use",
        5,
    ),
    (r"arrest\w*|detain\w*|detention|taken into custody|apprehend\w*|rounded up|custody", "Arrests", 3),
    (
        r"agreement|agreed|ceasefire agreement|truce|peace (?:deal|accord|talks)|signed|accord\b|"
        r"prisoner (?:swap|exchange)|negotiat\w+|reached a deal|\bdeal\b|ceasefire|surrender\w*|"
        r"laid down (?:their|his|her) (?:arms|weapons)",
        "Agreement",
        2,
    ),
    (
        r"pledged allegiance|merg\w+|split from|splinter|new (?:group|faction|coalition)|formed a|"
        r"announced (?:the )?(?:formation|creation)|changed (?:its|their) name|rebrand\w*|recruit\w*|"
        r"dissolv\w+|disband\w*|joined forces|defect\w*|mobili[sz]\w+|curfew|state of emergency|"
        r"ban(?:ned)?\b|declared",
        "Change to group/activity",
        2,
    ),
    (
        r"clash\w*|fighting|fought|gun ?battles?|shoot-?outs?|firefights?\b|exchange(?:d)? (?:of )?fire|skirmish\w*|"
        r"ambush\w*|offensive|engag\w+ (?:with|in)|battl\w+|attacked (?:a |an |the )?(?:military|army|"
        r"police|security|checkpoint|base|post|convoy|patrol)|ceasefire violations?",
        "Armed clash",
        2,
    ),
    (
        r"shot dead|gunned down|opened fire|killed (?:\w+ ){0,3}(?:civilians|villagers|people|residents|"
        r"farmers|worshippers|students)|massacre\w*|execut\w+|stabb\w+|hack\w+ to death|beheaded|"
        r"attack\w* (?:on )?(?:civilians|villagers|a village|residents)|gunmen|assassinat\w+|shot and killed|"
        r"murder\w*|tortur\w+|beat(?:en|ing)?\b|attack\w*|assault\w*|killed|shot",
        "Attack",
        1.5,
    ),
    # outside ACLED
    (
        r"cartels?|drug (?:traffick|lord|gang|smuggl)\w*|gangs?\b|smuggl\w+|mafia|narco\w*|extortion|"
        r"organi[sz]ed crime|robbery|robbers|criminal (?:gang|group)s?",
        "Organized crime",
        3,
    ),
    (
        r"earthquake|flood\w*|cyclone|hurricane|typhoon|landslides?|tsunami|storms?|wildfires?|drought|"
        r"tornado|heavy rain|monsoon|avalanche|volcan\w+|heatwave",
        "Natural disaster",
        4,
    ),
    (
        r"(?:building|bridge|mine|dam) collapse\w*|collapsed|train (?:crash|derail\w*|collision)|derail\w*|"
        r"(?:factory|plant|fireworks|chemical|gas) (?:fire|explosion|blast|leak)|fire broke out|blaze|"
        r"stampede|accident|spill|crash(?:ed)?|capsiz\w+|sank|poisoning",
        "Man-made disaster",
        3,
    ),
    (
        r"visit\w*|summit|talks with|met with|meeting with|diplomat\w*|ambassador|foreign minister|"
        r"bilateral|envoy|embassy|condemn\w*|sanction\w*",
        "Diplomatic event",
        2,
    ),
    (
        r"claimed responsibility|claims? responsibility|blamed|accus\w+ \w+ of|responsible for|"
        r"attributed|denied (?:any )?(?:involvement|responsibility)",
        "Attribution of responsibility",
        3,
    ),
]
_COMPILED = [
    (re.compile(rf"\b(?:{pattern})", re.IGNORECASE), label, weight) for pattern, label, weight in _CUES
]
_ANY_CUE = re.compile("|".join(rf"\b(?:{pattern})" for pattern, _, _ in _CUES), re.IGNORECASE)
"""Matches where any cue does: most sentences have none, and one search rules them all out."""
_COMPILED_LOWER = [(re.compile(rf"\b(?:{pattern})"), label, weight) for pattern, label, weight in _CUES]
_ANY_CUE_LOWER = re.compile("|".join(rf"\b(?:{pattern})" for pattern, _, _ in _CUES))
"""The same cues without IGNORECASE (3-4 times faster), for text that :func:`folded` lowercased: the cue
patterns have no upper-case letter, so on such text they match exactly where the IGNORECASE ones do."""
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

_PASSIVE_END = re.compile(r"\b(?:was|were|been|being)\s+$", re.IGNORECASE)


def _territory_label(text: str, cue_at: int) -> str:
    """Who took the place: the first actor named in the clause before the cue, the subject in news
    style, decides (state vs non-state); a passive cue ("were pushed back") names the loser instead."""
    before = text[max(0, cue_at - 160) : cue_at]
    before = re.split(r"[.;]\s", before)[-1]
    state = [m.start() for m in _STATE.finditer(before)]
    rebel = [m.start() for m in _NON_STATE.finditer(before)]
    if state or rebel:
        taker_is_rebel = bool(rebel) and (not state or rebel[0] < state[0])
        if _PASSIVE_END.search(before):
            taker_is_rebel = not taker_is_rebel
        return "Non-state actor overtakes territory" if taker_is_rebel else "Government regains territory"
    after = text[cue_at : cue_at + 120]
    if _NON_STATE.search(after) and not _STATE.search(after):
        return "Government regains territory"
    return "Non-state actor overtakes territory" if _STATE.search(after) else "Government regains territory"


def folded(text: str) -> str | None:
    """``text.lower()`` when case-sensitive matching of lower-case cue patterns on it finds exactly what
    IGNORECASE matching finds on ``text`` (same length, so same offsets), else ``None``: every character
    that is not ASCII must be its own lower case and must not upper-case to ASCII (as "ı" and "ſ" do,
    which IGNORECASE matches to "i" and "s")."""
    if not text.isascii():
        for char in set(text):
            if not char.isascii() and (char.lower() != char or char.upper().isascii()):
                return None
    return text.lower()


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
    for k, (_, label, weight) in enumerate(compiled):
        if k not in starts:
            continue
        if label == "TERRITORY":
            label = _territory_label(text, starts[k])
        scores[label] += weight
    _protest_refinement(text, scores)
    return scores


def first_matches(searched: str, any_cue: re.Pattern[str], compiled: list[tuple[re.Pattern[str], str, float]],
                  *, unseen: bool) -> dict[int, int]:
    """Index in ``compiled`` -> where that cue first matches in ``searched`` (``pattern.search``'s start),
    for the cues that match (unseen sub-event types only with ``unseen``). ``any_cue`` is the alternation of
    all the cues, so it matches at every place where one of them does: the cues are tried, anchored, only
    at the places it finds, one scan of the text instead of one search per cue."""
    starts: dict[int, int] = {}
    found = any_cue.search(searched)
    if found is None:  # most sentences
        return starts
    wanted = [k for k, (_, label, _) in enumerate(compiled) if unseen or label not in UNSEEN]
    while wanted and found is not None:
        at = found.start()  # \b and look-behinds see the character before ``at``, as in a search
        for k in [k for k in wanted if compiled[k][0].match(searched, at)]:
            starts[k] = at
            wanted.remove(k)
        found = any_cue.search(searched, at + 1)
    return starts


def _protest_refinement(text: str, scores: dict[str, float]) -> None:
    """A protest that police answered: dispersal is intervention; killing or beating is excessive force."""
    if scores.get("Peaceful protest", 0) <= 0 or scores.get("Violent demonstration", 0) > 0:
        return  # demonstrators' own violence makes it a violent demonstration, whatever police did
    scores.pop("Arrests", None)  # arrests at a protest are the police's answer to it, not the event
    lower = text.lower()
    if re.search(
        r"(?:police|security forces|troops|officers)\W+(?:\w+\W+){0,4}(?:opened fire|fired live|"
        r"shot|killed|beat|attacked|injured|wounded)|live (?:ammunition|rounds|bullets)|"
        r"(?:protesters|demonstrators|people)\W+(?:\w+\W+){0,3}(?:were |was )?(?:killed|shot|beaten|injured)|"
        r"excessive force|(?<!rubber )(?<!plastic )bullets",
        lower,
    ):
        scores["Excessive force against protesters"] += 4
    elif re.search(
        r"tear ?gas|water cannons?|rubber bullets|dispers\w+|baton|arrested|detained|lathi", lower
    ):
        scores["Protest with intervention"] += 3


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
            wanted = label == sub_type or (label == "TERRITORY" and "territory" in sub_type)
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
