"""Who a casualty trigger counts: the phrases naming the people killed, injured or arrested.

:func:`victim_heads` follows the dependency parse from a :class:`~rashomon.extract.casualty_rules.Trigger` to
the head tokens of the phrases naming those people, by construction: the passive subject ("a man was
shot"), the object of an active verb ("killing three soldiers"), the subject of "die" or of "dead", the "of"
complement or the possessor of a noun ("the death of X", "his wounds"), the noun a participle modifies
("a man shot"), the object of "left ... dead", the person word before a headline's participle ("Man shot,
killed"). Conjoined phrases count each; relative pronouns stand for their noun; years, places, bare plural
objects ("killed people like him") are never victims.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Token

from rashomon.extract.casualty_lexicon import (
    ACCIDENT,
    COUNTABLE_NOUNS,
    DIE_VERBS,
    HOSPITAL_WORDS,
    IMPLICIT_ONE,
    INCIDENT_NOUNS,
    INJURE_VERBS,
    KILL_VERBS,
    MISPARSED_DIE,
    NOT_PEOPLE_ENTS,
    PERSON_WORDS,
    SPEECH_PRONOUNS,
    age_noun,
    is_person,
    named_elsewhere,
)
from rashomon.extract.casualty_rules import (
    SLAIN,
    Trigger,
    counted_shot,
    did_not_survive,
    fatal_number,
    gun_on_self,
    murder_suicide,
    shot_person,
    slain_person,
)
from rashomon.extract.numbers import find_counts


def _conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def _subject(token: Token, deps: tuple[str, ...]) -> Token | None:
    """The subject of ``token`` (or, for a conjoined verb, of the first verb); of two, the first that names
    people (a dateline the parser takes for a subject: "BEXAR COUNTY, Texas - One woman is dead")."""
    current: Token | None = token
    while current is not None:
        subjects = [child for child in current.children if child.dep_ in deps]
        if len(subjects) == 1:
            return subjects[0]
        if subjects:
            return next((s for s in subjects if is_person(s)), subjects[0])
        if any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in current.children):
            return None  # the verb has a subject of another kind: do not borrow the first verb's
        if token.lemma_ == "die" and current.dep_ == "conj" and current.head.lemma_ in _SPEECH:
            return _reported_subject(current.head)  # "Officers say the boy was taken ..., but died": the boy
        current = current.head if current.dep_ == "conj" and current.head is not current else None
    return None


def _reported_subject(speech: Token) -> Token | None:
    """The subject of the clause a verb of saying reports ("Officers say the boy was taken"), where it names people."""
    clause = next((c for c in speech.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and is_person(subject) else None


_SPEECH = {"say", "tell", "report", "confirm", "state", "announce", "add"}
"""Verbs of saying whose subject a casualty verb conjoined to them by the parser never borrows."""


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
    if before.pos_ in ("NOUN", "PROPN") and before.dep_ in ("conj", "pobj", "dobj", "appos") and is_person(before):
        return before
    return None


def _resolve_relative(head: Token, trigger: Token) -> Token:
    """ "two suspects, who were not injured": the relative pronoun stands for the noun."""
    if head.lower_ in ("who", "that", "which", "whom") and trigger.dep_ == "relcl":
        return trigger.head
    return head


def _noun_victims(trigger: Trigger) -> list[Token]:
    """Victims of a noun trigger: "the death of X", "his death", "X's injuries", "two fatalities"."""
    token = trigger.token
    if counted_shot(token):
        return [token]
    person = shot_person(token) or gun_on_self(token)
    if person is not None:
        return [person]
    sufferer = _suffering_from(token)
    if sufferer is not None:
        return [sufferer]
    for prep in token.children:
        if prep.lower_ in ("of", "to", "among") and prep.dep_ == "prep":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if prep.lower_ == "to":  # "wounds to the arm" name the body part, "injuries to two officers" people
                objects = [c for c in objects if is_person(c)]
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
        found = [c for c in token.head.head.children if c.dep_ == "dobj" and is_person(c)]
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


def _suffering_from(token: Token) -> Token | None:
    """ "officers found a man suffering from a gunshot wound": the man (or the subject of "suffer")."""
    if token.dep_ != "pobj" or token.head.lower_ != "from" or token.head.head.lemma_ != "suffer":
        return None
    verb = token.head.head
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return _subject(verb, ("nsubj", "nsubjpass"))


def _left_so(token: Token) -> Token | None:
    """ "left a girl dead and her grandmother wounded", "a shooting that left three others wounded": the
    parser hangs the second state on "left" as a verb of its own (the person its subject) or on a noun
    before; the person "left" names just before the state word is the one hurt."""
    if token.lower not in _LEFT_STATES or token.i == 0:
        return None
    before = token.doc[token.i - 1]
    if not is_person(before):
        return None
    if before.dep_ == "nsubj" and before.head.i == token.i and token.dep_ == "conj" and token.head.lemma_ == "leave":
        return before
    if before.dep_ == "dobj" and before.head.lemma_ == "leave" and not any(
        c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") for c in before.head.children
    ):
        return before
    return None


def _after_being(token: Token) -> Token | None:
    """ "A 7-year-old child was flown to a hospital after being shot": the passive participle of "after being" has
    the subject of the clause "after" hangs on, where it names people."""
    if token.dep_ != "pcomp" or token.head.lower_ != "after" or token.head.dep_ != "prep":
        return None
    if not any(c.dep_ == "auxpass" and c.lower_ == "being" for c in token.children):
        return None
    subject = _subject(token.head.head, ("nsubj", "nsubjpass"))
    return subject if subject is not None and is_person(subject) else None


_LEFT_STATES = frozenset(get_string_id(word) for word in ("wounded", "injured", "hurt", "dead"))


def _verb_victims(trigger: Trigger) -> list[Token]:
    """Victims of a verb or adjective trigger, by voice and construction."""
    token = trigger.token
    left = _left_so(token)
    if left is not None:
        return [left]
    passive = _stranded_subject(token) or _subject(token, ("nsubjpass",)) or _after_being(token)
    if passive is not None:
        return [_resolve_relative(passive, token)]
    garbled = _inverted_or_aged(token)
    if garbled is not None:
        return [garbled]
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if objects and token.lemma_ not in DIE_VERBS and not did_not_survive(token):
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
        described = [c for c in token.children if c.dep_ == "amod" and is_person(c)]
        if described:
            return described  # "found a male and female deceased": the parser hangs the people on the adjective
    if token.dep_ in ("acomp", "attr") and token.pos_ == "ADJ":
        subject = _subject(token.head, ("nsubj", "nsubjpass"))
        if subject is not None:
            return [_resolve_relative(subject, token.head)]
    if token.dep_ in ("acl", "amod") and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
        own = _own_number(token)
        return [own if own is not None else token.head]
    active_ok = (  # "recover": "two others are recovering"
        token.lemma_ in DIE_VERBS or token.lemma_ == "recover" or token.pos_ == "ADJ" or token.tag_ == "VBN"
        or did_not_survive(token)
    )
    subject = _subject(token, ("nsubj",))
    if token.lemma_ in DIE_VERBS and (subject is None or not is_person(subject)) and token.dep_ in _DIE_DEPS:
        hurt = _hurt_before(token)
        if hurt is not None:
            return [hurt]
    if subject is not None and (active_ok or trigger.kind in ("missing",)):
        return [_resolve_relative(subject, token)]
    if token.pos_ == "VERB" and token.dep_ in ("appos", "ROOT", "conj"):
        number = [c for c in token.children if c.dep_ == "nummod" and c.i < token.i]
        if number:
            return [token]  # "Envy Nightclub shooting: 4 shot in Palm Springs club"
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj") and token.pos_ in (
        "ADJ",
        "NOUN",
    ):
        number = [c for c in token.children if c.dep_ == "nummod" or c.pos_ == "NUM"]
        if number:
            return [token]
    return []


def _hurt_before(die: Token) -> Token | None:
    """ "A teenager wounded in a shooting that killed his brother died Tuesday": "died" with no person for a
    subject (none, or a photo caption glued before the lead); the person hurt by the participle "died" hangs on,
    or by a participle inside its subject's phrase, died (not a harm verb elsewhere in the sentence: "Two were
    shot ... Police confirmed the teen died")."""
    subjects = [c for c in die.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
    if any(is_person(c) for c in subjects):
        return None
    places = [die.head] if die.dep_ != "ROOT" else [t for s in subjects for t in s.subtree]
    for verb in places:
        if verb.tag_ not in ("VBN", "VBD") or verb.lemma_ not in _HARM_LEMMAS or verb.i > die.i:
            continue
        if any(c.dep_ == "dobj" for c in verb.children):
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ == "acl" and is_person(verb.head):
            return verb.head
        if subject is not None:
            person = _resolve_relative(subject, verb)
            return person if is_person(person) and person.pos_ != "PRON" else None
    return None


_HARM_LEMMAS = frozenset({"shoot", "wound", "injure", "stab", "hurt"})
_DIE_DEPS = ("ROOT", "advcl", "dep", "ccomp")


def _own_number(token: Token) -> Token | None:
    """ "1 Dead, 3 Injured In Jersey City Shooting": the parser hangs "Dead" and its count on the next
    number; the count written just before the adjective is its own."""
    head = token.head
    if token.dep_ != "amod" or not (head.pos_ == "NUM" or head.tag_ == "CD") or head.i <= token.i:
        return None
    return next((c for c in head.children if c.dep_ == "nummod" and c.i == token.i - 1), None)


def _inverted_or_aged(token: Token) -> Token | None:
    """Subjects the parser hangs elsewhere: "Also killed were the couple's daughter ..." (the people an
    attribute of the passive's "were"), "A 16-year-old fatally shot by an officer called 911" (the age an
    adjective of the participle itself)."""
    for child in token.children:
        if child.dep_ == "auxpass" and child.i > token.i:
            attr = next((c for c in child.children if c.dep_ == "attr" and is_person(c)), None)
            if attr is not None:
                return attr
        if child.dep_ == "amod" and child.lower_ == "old" and child.i < token.i and age_after_year(child):
            return child
    return None


def age_after_year(token: Token) -> bool:
    """ "16-year-old": the "old" of an age written in three tokens."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("year", "years")


_FAMILY = frozenset(get_string_id(word) for word in ("family", "household"))


def family_of(head: Token) -> tuple[int, int] | None:
    """ "a family of five": the number of the "of" complement of a family noun, and where it ends."""
    if head.lower not in _FAMILY:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (obj.pos_ == "NUM" or obj.tag_ == "CD"):
                    counts = find_counts(obj.text)
                    if counts and counts[0].count.count_min and counts[0].count.count_min == counts[0].count.count_max:
                        return counts[0].count.count_min, obj.idx + len(obj)
    return None


def _nearby_person(token: Token) -> list[Token]:
    """Headline style ("Man shot, killed on ..."): the person word just before a participle."""
    for previous in reversed(token.doc[max(token.sent.start, token.i - 4) : token.i]):
        if previous.pos_ in ("NOUN", "PROPN") and is_person(previous) and previous.ent_type_ != "NORP":
            return [previous]
        if previous.pos_ not in ("PUNCT", "CCONJ", "VERB", "ADV"):
            return []
    return []


def victim_heads(trigger: Trigger) -> list[Token]:
    """Head tokens of the phrases naming the people the trigger counts (conjoined phrases each)."""
    token = trigger.token
    if fatal_number(token):
        return [token]
    if token.pos_ == "ADJ" and _implicit_victim(token):
        return [token.head]
    if token.lower_ in MISPARSED_DIE and token.pos_ in ("NOUN", "PROPN"):
        return _headline_subject(token)
    if token.lower == SLAIN and slain_person(token):
        heads = [token.head]  # "the slain man", "Slain teen identified"
    elif token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in ("wounded", "injured", "dead"):
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
            if _not_people(conjunct) or _generic_object(conjunct):
                continue
            if (
                conjunct.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ")
                and (is_person(conjunct) or (conjunct.lower in _FAMILY and family_of(conjunct) is not None))
            ) or conjunct is token:
                out.append(_antecedent(conjunct) or conjunct)
    if not out and heads and all(h.dep_ == "poss" and h.ent_type_ == "DATE" for h in heads) and _implicit_victim(token):
        return [token]  # "Friday's triple murder", "Sunday's homicide": the day's event, not its victims
    return out


def _antecedent(pronoun: Token) -> Token | None:
    """ "A 17-year-old boy was riding his bicycle when he was shot": the pronoun subject of a clause
    hanging on another verb is that verb's subject, when it names one person ("boy", "Smith")."""
    if pronoun.lower_ not in ("he", "she") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pronoun.head
    if clause.dep_ != "advcl":
        return None
    for subject in clause.head.children:
        if subject.dep_ in ("nsubj", "nsubjpass"):
            if subject.pos_ in ("NOUN", "PROPN") and subject.tag_ in ("NN", "NNP") and is_person(subject):
                return subject
            return None
    return None


def _headline_subject(token: Token) -> list[Token]:
    """ "Girl shot at party dies" (tagged a noun, "dies"): the person word opening the sentence died."""
    for first in token.doc[token.sent.start : min(token.sent.start + 4, token.i)]:
        if first.pos_ in ("NOUN", "PROPN") and is_person(first) and first.ent_type_ != "NORP":
            return [first]
    return []


def _has_object(token: Token) -> bool:
    """ "shot and killed a suspect": the verb or a conjoined verb has a person object (the subject shot)."""
    return any(c.dep_ == "dobj" and is_person(c) for verb in _conjuncts(token) for c in verb.children)


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


def _not_people(token: Token) -> bool:
    """Years, dates, times, places and organisations are never the people counted."""
    if (
        token.ent_type_ in NOT_PEOPLE_ENTS
        and token.lower_ not in PERSON_WORDS
        and not named_elsewhere(token)
        and not age_noun(token)
        and not (token.lower_ == "old" and token.head.pos_ == "VERB" and age_after_year(token))
    ):
        return True
    text = token.text
    if text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100:
        return True
    if ":" in text and text.replace(":", "").isdigit():
        return True  # "Pause 1:21": a clock (a video playlist's running times)
    return _number_of_number(token)


def _number_of_number(token: Token) -> bool:
    """ "Image 8 of 14 A teen died": a number out of a bare number counts photos or pages, not people."""
    if not (token.pos_ == "NUM" or token.tag_ == "CD"):
        return False
    return any(
        prep.lower_ == "of" and any(o.dep_ == "pobj" and o.like_num and not any(o.children) for o in prep.children)
        for prep in token.children
    )


def _generic_object(token: Token) -> bool:
    """ "he said he killed people like him", "someone randomly shooting people": a bare plural object (no
    number, determiner or modifier) names a kind of people, not people hurt in the event."""
    return token.dep_ == "dobj" and token.tag_ == "NNS" and not any(True for _ in token.lefts)


def _has_own_trigger(token: Token, trigger: Token) -> bool:
    """Whether a conjoined victim phrase carries its own casualty word ("17 more wounded")."""
    return any(
        child is not trigger
        and (
            child.lemma_.lower() in KILL_VERBS | DIE_VERBS | INJURE_VERBS
            or child.lower_ in ("dead", "wounded", "injured", "hurt")
            or _in_hospital(child)
        )
        for child in token.children
    )


def _in_hospital(prep: Token) -> bool:
    """ "left one person dead and three others in the hospital": the others' own state, not the death."""
    return prep.lower_ == "in" and any(
        o.dep_ == "pobj" and (o.lower_ in HOSPITAL_WORDS or o.lower_ == "condition") for o in prep.children
    )
