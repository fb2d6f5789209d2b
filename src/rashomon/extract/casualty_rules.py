"""What happened: the casualty triggers of ``rashomon.casualties.v1`` (words in
:mod:`rashomon.extract.casualty_lexicon`).

A :class:`Trigger` is a token that says something happened to people, with the casualty kind it gives
(verbs, participles, adjectives, nouns: "killed", "died", "dead", "wounds", "in critical condition", "a
murder-suicide"); :func:`rashomon.extract.casualty_blocks.blocked` says when a trigger reports nothing (negated,
modal, conditional, intended, a tally over a period, a charge). Who the trigger counts is
:mod:`rashomon.extract.casualty_victims`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.symbols import ADJ, AUX, NOUN, NUM, PROPN, VERB
from spacy.tokens import Doc, Token

from rashomon.extract.casualty_lexicon import (
    ARREST_VERBS,
    BOTH_NOUNS,
    CAPTURE_VERBS,
    CARRY_VERBS,
    DIE_VERBS,
    HOSPITAL_WORDS,
    INCIDENT_NOUNS,
    INJURE_NOUNS,
    INJURE_VERBS,
    KILL_NOUNS,
    KILL_VERBS,
    MISPARSED_DIE,
    SHOOT_VERBS,
    is_person,
)
from rashomon.records import CasualtyKind


@dataclass(frozen=True)
class Trigger:
    """A word saying something happened to people, and the casualty kind it gives."""

    token: Token
    kind: CasualtyKind


def _has_child(token: Token, lemmas: set[str], deps: tuple[str, ...] = ()) -> bool:
    return any(c.lemma_.lower() in lemmas and (not deps or c.dep_ in deps) for c in token.children)


def _is_fatal(token: Token) -> bool:
    """ "shot dead", "fatally shot", "stabbed to death", "shot and killed"."""
    if _has_child(token, {"fatally", "dead", "mortally"}):
        return True
    for prep in token.children:
        if prep.lower_ == "to" and _has_child(prep, {"death"}):
            return True
    killing = KILL_VERBS | DIE_VERBS
    return any(
        c.lemma_ in killing and not _own_subject(c) and not _other_object(token, c)
        for c in token.conjuncts
        if c.lemma_ not in SHOOT_VERBS
    ) or then_died(token)


def then_died(token: Token) -> bool:
    """ "A boy shot in the head near the park died Friday", "Woman shot by neighbor dies", "a teenager wounded
    in the shooting died Monday": the parser makes the participle the clause's verb and hangs "died" on it with
    no subject of its own (or makes the participle the subject of "dies"); the one hurt is the one who died.
    "Teen shot, killed outside his school": a headline's "shot and killed" without "and". Not where the harm verb
    has an object ("He shot his wife and died": she is his victim, he died)."""
    if any(c.dep_ == "dobj" for c in token.children):
        return False
    if token.dep_ in ("csubj", "nsubj") and token.head.lemma_ in DIE_VERBS:
        return True
    return any(
        c.dep_ in _HUNG_DEPS
        and c.i > token.i
        and (c.lemma_ in DIE_VERBS or _comma_killed(token, c))
        and not _any_subject(c)
        for c in token.children
    )


def _comma_killed(shot: Token, verb: Token) -> bool:
    """ "Teen shot, killed outside his school": "killed" just after "shot," (a headline's "shot and killed")."""
    return verb.i == shot.i + 2 and verb.tag_ == "VBN" and verb.lemma_ == "kill" and shot.doc[shot.i + 1].text == ","


_HUNG_DEPS = ("advcl", "dep", "ccomp", "acl")


def _any_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def _other_object(verb: Token, conjunct: Token) -> bool:
    """ "accused of shooting them and killing two other people": each verb has an object of its own (a noun
    for the second), so the first verb's people were shot, not killed."""
    return any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ == "dobj" and c.pos_ != "PRON" for c in conjunct.children
    )


def _own_subject(verb: Token) -> bool:
    """ "Four teenagers were shot ... and one of them has died": a conjoined verb with a subject of its own
    (not a pronoun for the same person) tells what happened to others than the first verb's people."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in verb.children)


def _carried_to_hospital(token: Token) -> bool:
    """ "was taken to a hospital", "was rushed to the trauma center" (the person is injured)."""
    if token.lemma_ not in CARRY_VERBS:
        return False
    return any(t.lower_ in HOSPITAL_WORDS for t in token.subtree if t.i > token.i and t.i - token.i < 6)


def _by_gunfire(token: Token) -> bool:
    """ "was struck by gunfire", "hit by a stray bullet", "a bullet struck a girl": hit by a shot."""
    agents = [o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if any(t.lemma_.lower() in _GUNFIRE for t in (*agents, *subjects)):
        return True
    if token.tag_ == "VBG" and token.dep_ == "advcl":  # "opened fire on the crowd, hitting four people"
        return _after_firing(token.head) or _bullet_before(token)
    return token.tag_ == "VBN" and any(  # "four people were hit in an overnight shooting"
        p.dep_ == "prep"
        and p.lower_ in ("in", "during", "by")
        and any(o.dep_ == "pobj" and o.lemma_.lower() in _HIT_IN for o in p.children)
        for p in token.children
    )


def _after_firing(verb: Token) -> bool:
    """ "fired several shots", "opened fire", "accused of shooting into a crowd": a verb of firing a gun, the
    head a participle "hitting" / "striking" hangs on."""
    if verb.lemma_ in _FIRE_VERBS or any(c.dep_ == "dobj" and c.lemma_.lower() in _GUNFIRE for c in verb.children):
        return True
    return any(
        c.dep_ == "prep" and any(g.dep_ == "pcomp" and g.lemma_ in _FIRE_VERBS for g in c.children)
        for c in verb.children
    )


_FIRE_VERBS = {"fire", "shoot", "spray"}


def _bullet_before(verb: Token) -> bool:
    """ "She missed her target, the bullet striking a wall, hitting a girl playing nearby", "shots were fired into a
    home, striking a child in the shoulder": a participle with a person object after a word of gunfire in its
    sentence."""
    if not any(c.dep_ == "dobj" and is_person(c) for c in verb.children):
        return False
    return any(t.lemma_.lower() in _GUNFIRE for t in verb.doc[verb.sent.start : verb.i])


def _verb_kind(token: Token) -> CasualtyKind | None:
    """The casualty kind a verb (or participle) gives."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    if lemma in KILL_VERBS - {"stab"} or lower in ("killed", "murdered"):
        is_or = any(c.dep_ == "cc" and c.lower_ == "or" for c in token.children)
        if is_or and any(c.lemma_ in INJURE_VERBS for c in token.conjuncts):
            return "killed_or_injured"
        return "killed"
    if lemma in DIE_VERBS or (lemma == "survive" and did_not_survive(token)):
        return "killed"
    if lemma in INJURE_VERBS or lower in ("wounded", "injured", "hospitalized", "hospitalised"):
        fatal = _has_child(token, {"fatally", "mortally"}) or then_died(token)  # "fatally wounded"
        return "killed" if fatal else "injured"
    if lemma in SHOOT_VERBS:
        fatal = _is_fatal(token)
        if lemma in ("shoot", "stab") or fatal:
            return "killed" if fatal else "injured"
    if lemma in ("hit", "strike") and _by_gunfire(token):
        return "injured"
    if lemma == "recover" and token.tag_ == "VBG" and _person_subject(token) and not _from_no_wound(token):
        return "injured"  # "two others are recovering": people hurt who live
    if lemma in ARREST_VERBS:
        return "arrested"
    if lemma in CAPTURE_VERBS:
        return "captured"
    if lemma in CARRY_VERBS and _carried_to_hospital(token):
        return "injured"
    return None


def _person_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and is_person(c) for c in verb.children)


_NO_WOUND = frozenset(
    {"shock", "trauma", "ordeal", "fright", "scare", "loss", "grief", "illness", "flu", "addiction", "crisis"}
)
"""What people recover from that is no wound ("two neighbors are recovering from shock")."""


def _from_no_wound(verb: Token) -> bool:
    """ "recovering from shock": the object of the verb's "from" is no wound (:data:`_NO_WOUND`)."""
    return any(
        o.dep_ == "pobj" and o.lemma_.lower() in _NO_WOUND
        for p in verb.children
        if p.lower_ == "from"
        for o in p.children
    )


def did_not_survive(token: Token) -> bool:
    """ "two did not survive", "he did not survive his injuries": a death."""
    return token.lemma == _SURVIVE and any(c.dep_ == "neg" for c in token.children)


_SURVIVE = get_string_id("survive")


def _negated_prefix(token: Token) -> bool:
    """``token`` is the second half of "non-fatal" / "non - deadly" (the tokenizer splits the hyphen off)."""
    i = token.i
    doc = token.doc
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "non"


def _adj_kind(token: Token) -> CasualtyKind | None:
    lower = token.lower_
    if lower in ("dead", "deceased"):
        return "killed"
    if (
        lower in ("fatal", "deadly")
        and token.dep_ == "amod"
        and token.head.lemma_.lower() in INCIDENT_NOUNS
        and not _negated_prefix(token)
    ):
        return "killed"
    if lower in ("wounded", "injured", "hurt"):
        return "injured"
    if lower == "missing":
        return "missing"
    return None


_VERB_TAGS = frozenset(get_string_id(tag) for tag in ("VBN", "VBD", "VBG"))
_CONDITION = get_string_id("condition")
_ONE = get_string_id("one")
_SHOT = get_string_id("shot")


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
            if (
                token.lower_ in MISPARSED_DIE
                or lemma in KILL_NOUNS
                or (lemma == "suicide" and murder_suicide(token))
                or (lemma == "life" and own_life(token))
                or (lemma in GUNS and gun_on_self(token) is not None)
            ):
                kind = "killed"
            elif token.lower == _SHOT and shot_person(token) is not None:
                kind = "killed" if _is_fatal(token) else "injured"  # "Teen Shot To Death In Pacoima"
            elif lemma in INJURE_NOUNS or (token.lower == _SHOT and counted_shot(token)):
                kind = "injured"
            elif lemma in BOTH_NOUNS:
                kind = "killed_or_injured"
        if kind is None and (pos == NUM or token.lower == _ONE) and fatal_number(token):
            kind = "killed"
        if kind is None and token.lower == SLAIN and slain_person(token):  # the id first: no call per token
            kind = "killed"
        if (
            kind is None
            and token.lower == _CONDITION
            and _has_child(token, {"critical", "serious", "stable", "fair", "grave", "good"})
        ):
            kind = "injured"
        if kind is not None and not _is_second_of_pair(token):
            yield Trigger(token, kind)


SLAIN = get_string_id("slain")


def slain_person(token: Token) -> bool:
    """ "Slain teen identified", "police identified the slain man": "slain" on a person word that is a subject or
    the main verb's object is one of the dead (the tagger makes it an adjective, or a proper noun compound in a
    headline, where a participle's lemma would be "slay"); "a memorial for a slain friend", "to honor a slain
    friend were shot" (the parser's second subject of one verb) recall someone else."""
    return (
        token.lower == SLAIN
        and token.dep_ in ("amod", "compound")
        and token.head.i > token.i
        and is_person(token.head)
        and (token.head.dep_ in _SUBJECTS or (token.head.dep_ == "dobj" and token.head.head.dep_ == "ROOT"))
        and sum(c.dep_ in _SUBJECTS for c in token.head.head.children) < 2
    )


_SUBJECTS = ("nsubj", "nsubjpass")


def fatal_number(token: Token) -> bool:
    """ "Two people were shot, one fatally": a number the adverb "fatally" hangs on counts the dead."""
    return (token.pos_ == "NUM" or token.lower_ == "one") and _has_child(token, {"fatally", "mortally"}, ("advmod",))


_HIT_IN = {"shooting", "gunfire", "crossfire", "shootout", "drive-by"}
"""What people "hit in" were hit by: "four people were hit in an overnight shooting"."""
_GUNFIRE = {"gunfire", "bullet", "round", "gunshot", "shot", "pellet", "shotgun", "fire", "shrapnel"}


def own_life(token: Token) -> bool:
    """ "he took his own life": a suicide, the one who took it dead."""
    return (
        token.lemma_.lower() == "life"
        and token.dep_ == "dobj"
        and token.head.lemma_ == "take"
        and _has_child(token, {"own"})
    )


GUNS = frozenset({"gun", "weapon", "rifle", "pistol", "handgun", "firearm", "shotgun", "revolver"})
_SELVES = {"himself", "herself", "themselves", "themself"}


def gun_on_self(token: Token) -> Token | None:
    """ "before turning the gun on himself": the shooter's suicide; the reflexive is the one who died."""
    if token.lemma_.lower() not in GUNS or token.dep_ != "dobj" or token.head.lemma_ != "turn":
        return None
    for prep in token.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "on":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lower_ in _SELVES:
                    return obj
    return None


def murder_suicide(token: Token) -> bool:
    """ "an apparent murder-suicide": someone killed and the killer dead by his own hand (two deaths)."""
    return token.lemma_.lower() == "suicide" and any(
        c.dep_ == "compound" and c.lower_ in ("murder", "homicide") for c in token.children
    )


def counted_shot(token: Token) -> bool:
    """ "Three shot, one dead": the tagger makes a headline's "shot" a noun counted by its number ("leaving 7
    shot": the object of "leave")."""
    return (
        token.lower_ == "shot"
        and (token.dep_ not in ("dobj", "pobj", "attr") or (token.dep_ == "dobj" and token.head.lemma_ == "leave"))
        and any(c.dep_ == "nummod" and c.lower_ not in ("one", "single", "a") for c in token.children)
    )


def shot_person(token: Token) -> Token | None:
    """ "Broken Arrow teen shot in church parking lot": the tagger makes a headline's "shot" a noun whose
    compound is the person shot ("A sheriff's deputy shot and killed a suspect": the deputy shot someone)."""
    if token.lower_ != "shot" or token.dep_ != "ROOT":
        return None
    if any(c.dep_ == "dobj" for verb in token.children if verb.dep_ == "conj" for c in verb.children):
        return None
    return next((c for c in token.children if c.dep_ == "compound" and c.i == token.i - 1 and is_person(c)), None)


def _is_second_of_pair(token: Token) -> bool:
    """The "wounded" of "killed or wounded": its pair already gave one killed_or_injured figure."""
    return (
        token.dep_ == "conj"
        and token.head.lemma_ in KILL_VERBS
        and any(c.dep_ == "cc" and c.lower_ == "or" for c in token.head.children)
        and token.lemma_ in INJURE_VERBS
    )
