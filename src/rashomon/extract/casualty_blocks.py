"""When a casualty trigger reports no casualty of this event: negated ("was not injured"), modal or conditional
("could have been killed"), intended ("threatened to kill"), a charge ("charged with murder"), a tally over a period
or over many incidents ("Nine officers have been shot this year", "in 14 shootings"), people hurt otherwise
(fleeing, a crash) or someone recalled. :func:`blocked` is read by :mod:`rashomon.extract.casualties` for every
trigger that :func:`rashomon.extract.casualty_rules.find_triggers` finds.
"""

from __future__ import annotations

import re

from spacy.strings import get_string_id
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Token

from rashomon.extract.casualty_lexicon import DIE_VERBS, INJURE_VERBS, INTENT_HEADS, MODALS, is_person
from rashomon.extract.casualty_rules import did_not_survive
from rashomon.extract.claim_spans import text_of

STATISTICS = re.compile(
    r"\b(?:this|that|a|per|each|every) (?:year|month|decade)\b|\bso far\b|year[- ]to[- ]date|"
    r"\b(?:since|in|during) (?:19|20)\d\d\b|\bsince the [^.]{0,40}\b(?:19|20)\d\d\b|\bannual(?:ly)?\b|\brecords? show",
    re.IGNORECASE,
)
"""Sentences that report tallies over a period ("Nine officers have been shot this year"), not the event."""
ROUNDUPS = re.compile(
    r"\bsince (?:early |late |mid-?)?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b(?! \d)|"
    r"\bin (?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty|several|separate|multiple) "
    r"(?:separate |different |other )?(?:shootings|incidents|attacks)\b",
    re.IGNORECASE,
)
"""Tallies over a period or over many incidents ("since early October", "in 14 shootings"); searched only in
sentences holding one of ``_ROUNDUP_WORDS`` (a substring test is far cheaper than the search)."""
_ROUNDUP_WORDS = ("ince ", "INCE ", "hootings", "HOOTINGS", "ncidents", "NCIDENTS", "ttacks", "TTACKS")


def is_tally(sentence: str) -> bool:
    """Whether a sentence reports a tally (``STATISTICS``, ``ROUNDUPS``), not the event."""
    if STATISTICS.search(sentence):
        return True
    return any(word in sentence for word in _ROUNDUP_WORDS) and ROUNDUPS.search(sentence) is not None


def blocked(token: Token, tallies: dict[int, bool] | None = None) -> bool:
    """Whether the trigger reports no casualty: negated, modal, conditional, intended, or a tally.
    ``tallies`` keeps, per sentence start, whether the sentence is a tally (one search per sentence)."""
    sent = token.sent
    tally = tallies.get(sent.start) if tallies is not None else None
    if tally is None:
        tally = is_tally(text_of(token.doc)[sent.start_char : sent.end_char])
        if tallies is not None:
            tallies[sent.start] = tally
    if tally:
        return True
    if any(c.dep_ == "neg" for c in token.children) and not did_not_survive(token):
        return True
    if token.tag_ == "VB" and not any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("did", "does", "do") for c in token.children
    ):
        return True  # imperative or infinitive: "shoot him", "to kill"
    if token.lemma_ == "shoot" and _shot_at_target(token):
        return True  # "shooting at a car" hit nobody
    verb = token.head if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") else token
    if any(c.lower_ in MODALS and c.dep_ == "aux" for c in (*token.children, *verb.children)):
        return True  # "they may have been wounded or shot"
    if _conditional(token):
        return True
    if _denied_thought(token):
        return True
    head = token
    for _ in range(2):
        if head.dep_ in ("xcomp", "ccomp", "advcl", "pcomp") and head.head.lemma_ in INTENT_HEADS:
            return True
        if head.dep_ in ("conj",) and head.head is not head:
            head = head.head
            continue
        break
    if token.lemma_ in DIE_VERBS and any(c.dep_ == "prt" and c.lower_ in ("off", "out") for c in token.children):
        return True  # "homeowners died off" left, not killed
    charged = token
    while charged.dep_ == "conj" and charged.head is not charged:
        charged = charged.head  # "charged with murder, child abuse and injuring a child's parent"
    if charged.dep_ == "pobj" and charged.head.head.lemma_ in (
        "risk",
        "danger",
        "threat",
        "fear",
        "charge",
        "accuse",
        "convict",
        "indict",
        "suspect",
        "arrest",
        "sentence",
    ) and not _death_of_someone(charged):
        return True  # "charged with murder" names a crime, not a victim
    if (
        charged is not token
        and charged.dep_ == "advcl"
        and charged.head.lemma_ in ("charge", "accuse", "convict", "indict")
        and not any(c.dep_ == "mark" for c in charged.children)
    ):
        return True  # the parser hangs a list of charges on its second item ("..., being a felon and injuring")
    if any(c.lower_ in ("attempted", "possibly", "nearly", "almost", "narrowly") for c in token.children):
        return True
    if _hurt_otherwise(token) or _not_this_event(token):
        return True
    return token.dep_ in ("amod", "compound") and token.head.lemma_ in ("attempt", "threat", "plot", "charge")


_STATE_DEPS = frozenset(get_string_id(dep) for dep in ("acomp", "oprd"))
_DOBJ, _POBJ = get_string_id("dobj"), get_string_id("pobj")
_PARTICIPLES = frozenset(get_string_id(tag) for tag in ("VBN", "VBG"))
_AFRAID = {"scared", "frightened", "terrified", "bored", "worried", "scare", "frighten", "terrify", "bore", "worry"}


def _not_this_event(token: Token) -> bool:
    """Words that name no one hurt in the event: a state under a modal ("She could've been dead", "There
    could be people dead"), a charge's attempt or intent ("criminal attempt homicide", "intent to commit
    murder"), an idiom ("scared to death"), or people in general ("children are dying for no reason")."""
    dep = token.dep
    if dep in _STATE_DEPS and any(c.lower_ in MODALS and c.dep_ == "aux" for c in token.head.children):
        return True
    if token.pos == NOUN:
        if dep == _DOBJ and token.head.lemma_ == "commit" and token.head.tag_ == "VB":
            return True
        if dep == _POBJ and token.head.lower_ == "to" and token.head.head.lower_ in _AFRAID:
            return True
        return any(c.dep_ == "compound" and c.lemma_ == "attempt" for c in token.children)
    return token.tag in _PARTICIPLES and _people_in_general(token)


def _people_in_general(token: Token) -> bool:
    """ "Children are dying", "more Americans are injured or killed": a bare plural subject of a present
    tense participle (no count, no article) tells what happens, not who was hurt."""
    verb = token.head if token.dep_ == "conj" and token.head.pos in (VERB, AUX) else token
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("are", "is") for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(
        s.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "nummod") for c in s.children) for s in subjects
    )


_FLEEING = {"run", "flee", "escape", "jump", "fall", "trample", "scramble", "trip", "climb"}
_MISHAPS = {"fall", "crash", "stampede", "scramble", "rush", "melee"}


def _hurt_otherwise(token: Token) -> bool:
    """ "injured while she ran away from the scene", "hurt fleeing the gunfire", "injured in the stampede":
    hurt by something else than the weapon (GVA and GVDB count people shot or hit)."""
    if token.lemma_ not in INJURE_VERBS and token.lower_ not in ("injured", "hurt"):
        return False
    for child in token.children:
        if child.dep_ in ("advcl", "xcomp") and child.lemma_ in _FLEEING:
            return True
        if child.dep_ == "prep" and child.lower_ in ("in", "during") and any(
            o.dep_ == "pobj" and o.lemma_.lower() in _MISHAPS for o in child.children
        ):
            return True
    return False


def _conditional(token: Token) -> bool:
    """ "If a guy runs into a store and says 'death to ...' and shoots him": a trigger in a clause opened by
    "if", "unless", "until" or a present-tense "before", or in the object or a conjunct of such a clause's
    verb."""
    head = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "until") for c in head.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ == "before" for c in head.children) and any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in head.children
        ):
            return True  # "before another teen is killed": not yet
        if head.dep_ not in ("conj", "ccomp", "dobj", "xcomp") or head.head is head:
            return False
        head = head.head
    return False


def _denied_thought(token: Token) -> bool:
    """ "I don't think it's an event where someone is randomly shooting people": a trigger inside what a
    speaker denies thinking or believing."""
    head = token
    for _ in range(4):
        if head.head is head:
            return False
        head = head.head
        if head.lemma_ in ("think", "believe", "expect", "imagine") and any(c.dep_ == "neg" for c in head.children):
            return True
    return False


def _shot_at_target(token: Token) -> bool:
    """ "shooting at a car", "was shot at": shots fired at someone or something, nobody said hit. "A man was
    shot at a party", "shot a man at his home", "Girl shot at party" and "shot at 8:30 p.m." name where or
    when someone was hit."""
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("at", "into")]
    if not preps:
        return False
    if any(not any(o.dep_ == "pobj" for o in p.children) for p in preps):
        return True  # stranded: "was shot at (by police)"
    if any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        return False
    if token.dep_ == "acl" and is_person(token.head):
        return False
    if _counted_people_shot_at_a_place(token, preps):
        return False
    return not all(
        o.ent_type_ in ("TIME", "DATE") for p in preps for o in p.children if o.dep_ == "pobj"
    )


def _counted_people_shot_at_a_place(token: Token, preps: list[Token]) -> bool:
    """ "Four people shot at hotel in Ozark": a headline's counted people as the subject of "shot" at a
    place are the people hit ("Gunman shot at officers" fires at people: still no one said hit)."""
    subjects = [c for c in token.children if c.dep_ == "nsubj" and is_person(c)]
    if not subjects or not any(c.dep_ == "nummod" for c in subjects[0].children):
        return False
    return not any(is_person(o) for p in preps for o in p.children if o.dep_ == "pobj")


def _death_of_someone(token: Token) -> bool:
    """ "charged in the shooting death of Goldie Long": a charge for the death of a named or counted
    person still reports that death (a bare "charged with murder" does not)."""
    if token.head.head.lemma_ not in ("charge", "arrest", "accuse", "indict", "suspect", "book"):
        return False
    return any(
        prep.lower_ == "of" and any(c.dep_ == "pobj" and is_person(c) for c in prep.children)
        for prep in token.children
    )
