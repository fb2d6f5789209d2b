"""The parse rules behind ``rashomon.casualties.v1``: triggers, blocking, victim phrases (words in
:mod:`rashomon.extract.casualty_lexicon`).

A :class:`Trigger` is a token that says something happened to people, with the casualty kind it gives.
:func:`victim_heads` follows the dependency parse from a trigger to the head tokens of the phrases naming
those people; :func:`blocked` says when a trigger reports nothing (negated, hypothetical, intended).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from rashomon.extract.casualty_lexicon import (
    ACCIDENT,
    ARREST_VERBS,
    BOTH_NOUNS,
    CAPTURE_VERBS,
    CARRY_VERBS,
    COUNTABLE_NOUNS,
    DIE_VERBS,
    HOSPITAL_WORDS,
    IMPLICIT_ONE,
    INCIDENT_NOUNS,
    INJURE_NOUNS,
    INJURE_VERBS,
    INTENT_HEADS,
    KILL_NOUNS,
    KILL_VERBS,
    MISPARSED_DIE,
    MODALS,
    NOT_PEOPLE_ENTS,
    NUMERIC_HEADS,
    PERSON_WORDS,
    SHOOT_VERBS,
    SPEECH_PRONOUNS,
)
from rashomon.extract.claim_spans import text_of
from rashomon.records import CasualtyKind


@dataclass(frozen=True)
class Trigger:
    """A word saying something happened to people, and the casualty kind it gives."""

    token: Token
    kind: CasualtyKind


def _has_child(token: Token, lemmas: set[str], deps: tuple[str, ...] = ()) -> bool:
    return any(c.lemma_.lower() in lemmas and (not deps or c.dep_ in deps) for c in token.children)


def _conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def _is_fatal(token: Token) -> bool:
    """ "shot dead", "fatally shot", "stabbed to death", "shot and killed"."""
    if _has_child(token, {"fatally", "dead", "mortally"}):
        return True
    for prep in token.children:
        if prep.lower_ == "to" and _has_child(prep, {"death"}):
            return True
    return any(c.lemma_ in KILL_VERBS | DIE_VERBS for c in token.conjuncts if c.lemma_ not in SHOOT_VERBS)


def _carried_to_hospital(token: Token) -> bool:
    """ "was taken to a hospital", "was rushed to the trauma center" (the person is injured)."""
    if token.lemma_ not in CARRY_VERBS:
        return False
    return any(t.lower_ in HOSPITAL_WORDS for t in token.subtree if t.i > token.i and t.i - token.i < 6)


def _verb_kind(token: Token) -> CasualtyKind | None:
    """The casualty kind a verb (or participle) gives."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    if lemma in KILL_VERBS - {"stab"} or lower in ("killed", "murdered"):
        is_or = any(c.dep_ == "cc" and c.lower_ == "or" for c in token.children)
        if is_or and any(c.lemma_ in INJURE_VERBS for c in token.conjuncts):
            return "killed_or_injured"
        return "killed"
    if lemma in DIE_VERBS:
        return "killed"
    if lemma in INJURE_VERBS or lower in ("wounded", "injured", "hospitalized", "hospitalised"):
        return "injured"
    if lemma in SHOOT_VERBS and (lemma in ("shoot", "stab") or _is_fatal(token)):
        return "killed" if _is_fatal(token) else "injured"
    if lemma in ARREST_VERBS:
        return "arrested"
    if lemma in CAPTURE_VERBS:
        return "captured"
    if _carried_to_hospital(token):
        return "injured"
    return None


def _adj_kind(token: Token) -> CasualtyKind | None:
    lower = token.lower_
    if lower in ("dead", "deceased"):
        return "killed"
    if lower in ("fatal", "deadly") and token.dep_ == "amod" and token.head.lemma_.lower() in INCIDENT_NOUNS:
        return "killed"
    if lower in ("wounded", "injured", "hurt"):
        return "injured"
    if lower == "missing":
        return "missing"
    return None


_VERB_TAGS = frozenset(get_string_id(tag) for tag in ("VBN", "VBD", "VBG"))
_CONDITION = get_string_id("condition")


def find_triggers(doc: Doc) -> Iterator[Trigger]:
    """Every casualty trigger of ``doc`` in text order (parts of speech, tags and the word compared as the
    ids spaCy stores: no string per token)."""
    for token in doc:
        kind: CasualtyKind | None = None
        pos = token.pos
        if pos in (VERB, AUX) or token.tag in _VERB_TAGS:
            kind = _verb_kind(token)
        if kind is None and pos == ADJ:
            kind = _adj_kind(token)
        if kind is None and pos in (NOUN, PROPN):
            lemma = token.lemma_.lower()
            if token.lower_ in MISPARSED_DIE or lemma in KILL_NOUNS or murder_suicide(token) or own_life(token):
                kind = "killed"
            elif lemma in INJURE_NOUNS or _counted_shot(token):
                kind = "injured"
            elif lemma in BOTH_NOUNS:
                kind = "killed_or_injured"
        if (
            kind is None
            and token.lower == _CONDITION
            and _has_child(token, {"critical", "serious", "stable", "fair", "grave", "good"})
        ):
            kind = "injured"
        if kind is not None and not _is_second_of_pair(token):
            yield Trigger(token, kind)


def own_life(token: Token) -> bool:
    """ "he took his own life": a suicide, the one who took it dead."""
    return (
        token.lemma_.lower() == "life"
        and token.dep_ == "dobj"
        and token.head.lemma_ == "take"
        and _has_child(token, {"own"})
    )


def murder_suicide(token: Token) -> bool:
    """ "an apparent murder-suicide": someone killed and the killer dead by his own hand (two deaths)."""
    return token.lemma_.lower() == "suicide" and any(
        c.dep_ == "compound" and c.lower_ in ("murder", "homicide") for c in token.children
    )


def _counted_shot(token: Token) -> bool:
    """ "Three shot, one dead": the tagger makes a headline's "shot" a noun counted by its number."""
    return (
        token.lower_ == "shot"
        and token.dep_ not in ("dobj", "pobj", "attr")
        and any(c.dep_ == "nummod" and c.lower_ not in ("one", "single", "a") for c in token.children)
    )


def _is_second_of_pair(token: Token) -> bool:
    """The "wounded" of "killed or wounded": its pair already gave one killed_or_injured figure."""
    return (
        token.dep_ == "conj"
        and token.head.lemma_ in KILL_VERBS
        and any(c.dep_ == "cc" and c.lower_ == "or" for c in token.head.children)
        and token.lemma_ in INJURE_VERBS
    )


STATISTICS = re.compile(
    r"\b(?:this|last|that|a|per|each|every) (?:year|month|decade)\b|\bso far\b|year[- ]to[- ]date|"
    r"\b(?:since|in|during) (?:19|20)\d\d\b|\bsince the [^.]{0,40}\b(?:19|20)\d\d\b|\bannual(?:ly)?\b|\brecords? show",
    re.IGNORECASE,
)
"""Sentences that report tallies over a period ("Nine officers have been shot this year"), not the event."""


def blocked(token: Token) -> bool:
    """Whether the trigger reports no casualty: negated, modal, conditional, intended, or a tally."""
    sent = token.sent
    if STATISTICS.search(text_of(token.doc)[sent.start_char : sent.end_char]):
        return True
    if any(c.dep_ == "neg" for c in token.children):
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
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "until") for c in token.children):
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
    return token.dep_ in ("amod", "compound") and token.head.lemma_ in ("attempt", "threat", "plot", "charge")


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
    if token.dep_ == "acl" and _is_person(token.head):
        return False
    return not all(
        o.ent_type_ in ("TIME", "DATE") for p in preps for o in p.children if o.dep_ == "pobj"
    )


def _death_of_someone(token: Token) -> bool:
    """ "charged in the shooting death of Goldie Long": a charge for the death of a named or counted
    person still reports that death (a bare "charged with murder" does not)."""
    if token.head.head.lemma_ not in ("charge", "arrest", "accuse", "indict", "suspect", "book"):
        return False
    return any(
        prep.lower_ == "of" and any(c.dep_ == "pobj" and _is_person(c) for c in prep.children)
        for prep in token.children
    )


def _subject(token: Token, deps: tuple[str, ...]) -> Token | None:
    """The subject of ``token`` (or, for a conjoined verb, of the first verb)."""
    current: Token | None = token
    while current is not None:
        for child in current.children:
            if child.dep_ in deps:
                return child
        if any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in current.children):
            return None  # the verb has a subject of another kind: do not borrow the first verb's
        current = current.head if current.dep_ == "conj" and current.head is not current else None
    return None


def _accidental_self(token: Token, obj: Token) -> Token | None:
    """ "an 11-year-old who accidentally shot himself": the one hurt is the subject, the same person as
    the victim counted elsewhere; a deliberate "then killed himself" stays the reflexive (the shooter)."""
    if obj.lower_ not in ("himself", "herself") or not ACCIDENT.search(token.sent.text):
        return None
    subject = _subject(token, ("nsubj",))
    return _resolve_relative(subject, token) if subject is not None else None


def _stranded_subject(token: Token) -> Token | None:
    """ "One man was shot in the back and a 29-year-old man was shot": the parser hangs the second
    clause's subject on the first clause's last noun; a conjoined passive verb with no subject of its own
    takes the person word just before its auxiliary."""
    if token.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
        return None
    auxiliaries = [c for c in token.lefts if c.dep_ == "auxpass"]
    if not auxiliaries or auxiliaries[0].i <= token.sent.start:
        return None
    before = token.doc[auxiliaries[0].i - 1]
    if before.pos_ in ("NOUN", "PROPN") and before.dep_ in ("conj", "pobj", "dobj", "appos") and _is_person(before):
        return before
    return None


def _resolve_relative(head: Token, trigger: Token) -> Token:
    """ "two suspects, who were not injured": the relative pronoun stands for the noun."""
    if head.lower_ in ("who", "that", "which", "whom") and trigger.dep_ == "relcl":
        return trigger.head
    return head


def _age_noun(token: Token) -> bool:
    """ "discovered a 15-year-old": an age used as a noun names a person (the tagger calls it a DATE)."""
    if token.lower_.endswith("-year-old"):
        return True
    return token.lower_ == "old" and token.i > 0 and token.nbor(-1).lower_ == "-" and token.dep_ != "amod"


def _is_person(token: Token) -> bool:
    lower = token.lower_
    if token.ent_type_ in ("PERSON", "NORP") or token.pos_ == "PRON" or _named_elsewhere(token):
        return True
    if token.pos_ == "NUM" or token.tag_ == "CD" or lower in NUMERIC_HEADS:
        return True
    if lower.endswith("-year-old") or (lower == "old" and token.nbor(-1).lower_ == "-"):
        return True  # "a 19-year-old"
    return token.lemma_.lower() in PERSON_WORDS or lower in PERSON_WORDS or lower.endswith(("ist", "ian"))


def _noun_victims(trigger: Trigger) -> list[Token]:
    """Victims of a noun trigger: "the death of X", "his death", "X's injuries", "two fatalities"."""
    token = trigger.token
    if _counted_shot(token):
        return [token]
    for prep in token.children:
        if prep.lower_ in ("of", "to", "among") and prep.dep_ == "prep":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if prep.lower_ == "to":  # "wounds to the arm" name the body part, "injuries to two officers" people
                objects = [c for c in objects if _is_person(c)]
            if objects:
                return objects
    possessors = [c for c in token.children if c.dep_ == "poss"]
    if possessors:
        return possessors
    countable = token.lemma_.lower() in COUNTABLE_NOUNS
    if countable and any(
        c.dep_ in ("nummod", "det") and (c.pos_ == "NUM" or c.lower_ in ("no", "a", "an"))
        for c in token.children
    ):
        return [token]
    if token.dep_ in ("pobj",) and token.head.lower_ == "with" and token.head.head.pos_ in ("VERB", "AUX"):
        others = [
            t for t in token.head.head.subtree if t.lower_ in ("another", "others") and t.dep_ == "conj"
        ]
        if token.head.head.lemma_ == "leave" and others:
            return others  # "left one man dead and another with life-threatening injuries"
        found = [c for c in token.head.head.children if c.dep_ == "dobj" and _is_person(c)]
        if found:
            return found  # "discovered a 15-year-old with a gunshot wound"
        subject = _subject(token.head.head, ("nsubjpass", "nsubj"))
        return [subject] if subject is not None else []
    if token.dep_ == "dobj" and token.head.lemma_ in ("suffer", "sustain", "receive", "have"):
        subject = _subject(token.head, ("nsubj", "nsubjpass"))
        return [subject] if subject is not None else []
    if token.lower_ == "condition" and token.head.dep_ == "prep":
        subject = _subject(token.head.head, ("nsubj", "nsubjpass"))
        return [subject] if subject is not None else []
    return []


def _verb_victims(trigger: Trigger) -> list[Token]:
    """Victims of a verb or adjective trigger, by voice and construction."""
    token = trigger.token
    passive = _stranded_subject(token) or _subject(token, ("nsubjpass",))
    if passive is not None:
        return [_resolve_relative(passive, token)]
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if objects and token.lemma_ not in DIE_VERBS:
        return [_accidental_self(token, o) or o for o in objects]
    if token.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and token.head.lemma_ in (
        "leave",
        "find",
        "pronounce",
        "declare",
        "report",
    ):
        governed = [c for c in token.head.children if c.dep_ in ("dobj", "nsubjpass")]
        if governed:
            return governed
        described = [c for c in token.children if c.dep_ == "amod" and _is_person(c)]
        if described:
            return described  # "found a male and female deceased": the parser hangs the people on the adjective
    if token.dep_ in ("acomp", "attr") and token.pos_ == "ADJ":
        subject = _subject(token.head, ("nsubj", "nsubjpass"))
        if subject is not None:
            return [_resolve_relative(subject, token.head)]
    if token.dep_ in ("acl", "amod") and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return [token.head]
    active_ok = token.lemma_ in DIE_VERBS or token.pos_ == "ADJ" or token.tag_ == "VBN"
    subject = _subject(token, ("nsubj",))
    if subject is not None and (active_ok or trigger.kind in ("missing",)):
        return [_resolve_relative(subject, token)]
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj") and token.pos_ in (
        "ADJ",
        "NOUN",
    ):
        number = [c for c in token.children if c.dep_ == "nummod" or c.pos_ == "NUM"]
        if number:
            return [token]
    return []


def _nearby_person(token: Token) -> list[Token]:
    """Headline style ("Man shot, killed on ..."): the person word just before a participle."""
    for previous in reversed(token.doc[max(token.sent.start, token.i - 4) : token.i]):
        if previous.pos_ in ("NOUN", "PROPN") and _is_person(previous) and previous.ent_type_ != "NORP":
            return [previous]
        if previous.pos_ not in ("PUNCT", "CCONJ", "VERB", "ADV"):
            return []
    return []


def victim_heads(trigger: Trigger) -> list[Token]:
    """Head tokens of the phrases naming the people the trigger counts (conjoined phrases each)."""
    token = trigger.token
    if token.pos_ == "ADJ" and _implicit_victim(token):
        return [token.head]
    if token.lower_ in MISPARSED_DIE and token.pos_ in ("NOUN", "PROPN"):
        return _headline_subject(token)
    if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in ("wounded", "injured", "dead"):
        heads = _noun_victims(trigger)
    else:
        heads = _verb_victims(trigger)
        if (
            not heads
            and token.tag_ in ("VBN", "VBD", "JJ")
            and trigger.kind in ("killed", "injured")
            and not _has_object(token)
        ):
            heads = _nearby_person(token)
    out: list[Token] = []
    heads = [h for h in heads if h.lower_ not in SPEECH_PRONOUNS]
    if not heads and _implicit_victim(token):
        return [token.head if token.pos_ == "ADJ" else token]
    for head in heads:
        for conjunct in [*_conjuncts(head), *_along_with(token)]:
            if conjunct is not head and _has_own_trigger(conjunct, token):
                continue  # "14 people dead and 17 more wounded": the 17 are the wounded
            if _not_people(conjunct):
                continue
            if (
                conjunct.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ") and _is_person(conjunct)
            ) or conjunct is token:
                out.append(conjunct)
    return out


def _headline_subject(token: Token) -> list[Token]:
    """ "Girl shot at party dies" (tagged a noun, "dies"): the person word opening the sentence died."""
    for first in token.doc[token.sent.start : min(token.sent.start + 4, token.i)]:
        if first.pos_ in ("NOUN", "PROPN") and _is_person(first) and first.ent_type_ != "NORP":
            return [first]
    return []


def _has_object(token: Token) -> bool:
    """ "shot and killed a suspect": the verb or a conjoined verb has a person object (the subject shot)."""
    return any(c.dep_ == "dobj" and _is_person(c) for verb in _conjuncts(token) for c in verb.children)


def _along_with(trigger: Token) -> list[Token]:
    """ "X was killed along with Y": Y was killed too."""
    return [
        obj
        for along in trigger.children
        if along.lower_ in ("along", "together")
        for prep in along.children
        if prep.lower_ == "with"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _implicit_victim(token: Token) -> bool:
    """ "a fatal shooting", "the death is under investigation": one death with no victim phrase."""
    if token.pos_ == "ADJ":
        return token.lower_ in ("fatal", "deadly") and token.head.lemma_.lower() in INCIDENT_NOUNS
    if murder_suicide(token):
        return token.dep_ not in ("compound", "amod", "nmod", "poss")
    return (
        token.tag_ == "NN"
        and token.lemma_.lower() in IMPLICIT_ONE
        and token.dep_ not in ("compound", "amod", "nmod", "poss")
    )


def _named_elsewhere(token: Token) -> bool:
    """ "William Waldron, 26 ... Waldron was shot": a proper noun the tagger calls an organisation here is a
    person where the article writes it inside a PERSON name."""
    if token.pos_ != "PROPN" or token.ent_type_ == "PERSON" or not token.is_title:
        return False
    return any(ent.label_ == "PERSON" and token.text in ent.text.split() for ent in token.doc.ents)


def _not_people(token: Token) -> bool:
    """Years, dates, times, places and organisations are never the people counted."""
    if (
        token.ent_type_ in NOT_PEOPLE_ENTS
        and token.lower_ not in PERSON_WORDS
        and not _named_elsewhere(token)
        and not _age_noun(token)
    ):
        return True
    text = token.text
    return text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100


def _has_own_trigger(token: Token, trigger: Token) -> bool:
    """Whether a conjoined victim phrase carries its own casualty word ("17 more wounded")."""
    return any(
        child is not trigger
        and (
            child.lemma_.lower() in KILL_VERBS | DIE_VERBS | INJURE_VERBS
            or child.lower_ in ("dead", "wounded", "injured", "hurt")
        )
        for child in token.children
    )
