"""Words behind ``rashomon.casualties.v1``: casualty verbs and nouns, person words, blocking words.

Lemmas (lower case) the parse rules of :mod:`rashomon.extract.casualty_rules` and
:mod:`rashomon.extract.casualty_victims` look up: which verbs and nouns say people were killed, injured,
arrested or captured; which nouns name people ("neighbor", "suspect", "toddler"), and :func:`is_person`, the
test of a token against them; which words make a report hypothetical or intended; which entity types are
never victims.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

KILL_VERBS = {
    "kill",
    "murder",
    "slay",
    "execute",
    "assassinate",
    "behead",
    "massacre",
    "slaughter",
    "martyr",
    "gun",
    "stab",
}
DIE_VERBS = {"die", "perish", "succumb"}
INJURE_VERBS = {"injure", "wound", "hurt", "maim", "hospitalize", "hospitalise", "graze"}
SHOOT_VERBS = {"shoot", "stab", "hit", "strike"}
ARREST_VERBS = {"arrest", "detain", "apprehend", "jail", "imprison"}
CAPTURE_VERBS = {"capture", "abduct", "kidnap"}
KILL_NOUNS = {"death", "fatality", "killing", "murder", "homicide", "dead"}
INJURE_NOUNS = {"injury", "wound", "wounded", "injured"}
BOTH_NOUNS = {"casualty"}
INCIDENT_NOUNS = {"shooting", "stabbing", "attack", "incident", "encounter", "confrontation", "assault"}
"""Nouns a "fatal"/"deadly" turns into a death ("a fatal shooting": one person killed)."""
IMPLICIT_ONE = {"death", "homicide", "murder", "killing"}
"""Singular nouns that report one death when no victim is written ("a shooting death", "the homicide")."""
COUNTABLE_NOUNS = {"death", "fatality", "dead", "casualty"}
"""Nouns whose number counts people ("two deaths"); "22 homicides", "three shootings" count incidents."""
MISPARSED_DIE = {"dies", "died"}
"""Verbs the tagger takes for plural nouns in headlines ("Girl shot at party dies")."""
NOT_PEOPLE_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "GPE", "LOC", "ORG", "FAC"}
"""Entity types a victim phrase never heads ("the first homicide of 2016", "FORT SMITH, Ark.")."""
ANAPHORS = {
    "he", "she", "him", "her", "his", "hers", "they", "them", "their", "who", "whom", "that", "himself", "herself",
    "themselves", "both", "each", "all"
}
"""Value texts that point back at people already mentioned."""
CARRY_VERBS = {"take", "transport", "rush", "airlift", "fly", "bring", "drive", "carry", "treat", "admit", "send"}
HOSPITAL_WORDS = {"hospital", "hospitals", "medical", "trauma", "clinic"}
MODALS = {"could", "would", "might", "may", "should", "will", "shall", "can", "must"}
INTENT_HEADS = {
    "threaten",
    "try",
    "attempt",
    "plan",
    "want",
    "intend",
    "vow",
    "seek",
    "fear",
    "plot",
    "conspire",
    "aim",
    "prevent",
    "avoid",
    "deny",
    "hope",
}
PERSON_WORDS = {
    "person",
    "people",
    "man",
    "men",
    "woman",
    "women",
    "child",
    "children",
    "boy",
    "girl",
    "teen",
    "teenager",
    "soldier",
    "serviceman",
    "servicemen",
    "civilian",
    "militant",
    "fighter",
    "officer",
    "member",
    "suspect",
    "victim",
    "resident",
    "student",
    "protester",
    "demonstrator",
    "journalist",
    "worker",
    "policeman",
    "troops",
    "troop",
    "rebel",
    "insurgent",
    "gunman",
    "driver",
    "passenger",
    "individual",
    "adult",
    "juvenile",
    "youth",
    "baby",
    "infant",
    "toddler",
    "son",
    "daughter",
    "mother",
    "father",
    "wife",
    "husband",
    "brother",
    "sister",
    "friend",
    "other",
    "others",
    "employee",
    "guard",
    "personnel",
    "villager",
    "activist",
    "leader",
    "commander",
    "hostage",
    "pedestrian",
    "bystander",
    "customer",
    "clerk",
    "deputy",
    "trooper",
    "agent",
    "one",
    "nobody",
    "neighbor",
    "neighbour",
    "cousin",
    "nephew",
    "niece",
    "uncle",
    "aunt",
    "grandmother",
    "grandfather",
    "grandson",
    "granddaughter",
    "girlfriend",
    "boyfriend",
    "fiance",
    "fiancee",
    "partner",
    "roommate",
    "stepson",
    "stepdaughter",
    "stepfather",
    "stepmother",
    "parent",
    "kid",
    "relative",
    "acquaintance",
    "coworker",
    "classmate",
    "shooter",
    "assailant",
    "attacker",
    "robber",
    "intruder",
    "burglar",
    "male",
    "female",
    "homeowner",
    "owner",
    "tenant",
    "guest",
    "patron",
    "cashier",
    "teacher",
    "doctor",
    "nurse",
    "player",
    "mom",
    "dad",
    "sibling",
    "spouse",
    "self",  # a headline's "shoots self"
}
ELLIPTIC = {"other", "others", "additional", "more", "further"}
"""Words marking a count as more of the same people ("an additional 14", "14 other servicemen")."""
SKIP_MODIFIERS = {
    "other",
    "additional",
    "more",
    "further",
    "another",
    "least",
    "at",
    "some",
    "about",
    "around",
    "nearly",
    "almost",
    "over",
    "than",
    "up",
    "to",
    "as",
    "many",
    "estimated",
}
"""Modifiers left out of the words naming the victims ("at least 14 other soldiers": "soldiers")."""
COUNT_PREFIX = {
    "between",
    "at",
    "least",
    "more",
    "than",
    "up",
    "to",
    "nearly",
    "almost",
    "about",
    "around",
    "over",
    "some",
    "roughly",
    "approximately",
    "as",
    "many",
    "no",
    "fewer",
    "less",
}
"""Words before a victim phrase that belong to its count ("at least", "more than", "no")."""
_AGE_BEFORE_OLD = {"-", "year", "years"}
"""What comes before "old" in an age: "a 15-year-old", "a 17 year old"."""
ACCIDENT = re.compile(r"\baccident(?:al|ally)?\b|\bunintentional(?:ly)?\b", re.IGNORECASE)
"""Words saying a shooting was an accident (a self-inflicted wound is then the victim's own)."""
SPEECH_PRONOUNS = {"i", "me", "you", "we", "us", "myself", "yourself", "ourselves", "yourselves"}
NUMERIC_HEADS = {"dozens", "hundreds", "scores", "thousands", "several", "few", "many", "some", "both"}


def is_person(token: Token) -> bool:
    """Whether ``token`` names people: a person or group entity, a pronoun, a number, an age, a person word."""
    lower = token.lower_
    if token.ent_type_ in ("PERSON", "NORP") or token.pos_ == "PRON" or named_elsewhere(token):
        return True
    if token.pos_ == "NUM" or token.tag_ == "CD" or lower in NUMERIC_HEADS:
        return True
    if lower.endswith("-year-old") or (lower == "old" and token.i > 0 and token.nbor(-1).lower_ in _AGE_BEFORE_OLD):
        return True  # "a 19-year-old"
    return token.lemma_.lower() in PERSON_WORDS or lower in PERSON_WORDS or lower.endswith(("ist", "ian"))


def named_elsewhere(token: Token) -> bool:
    """ "William Waldron, 26 ... Waldron was shot": a proper noun the tagger calls an organisation here is a
    person where the article writes it inside a PERSON name."""
    if token.pos_ != "PROPN" or token.ent_type_ == "PERSON" or not token.is_title:
        return False
    return any(ent.label_ == "PERSON" and token.text in ent.text.split() for ent in token.doc.ents)


def age_noun(token: Token) -> bool:
    """ "discovered a 15-year-old": an age used as a noun names a person (the tagger calls it a DATE)."""
    if token.lower_.endswith("-year-old"):
        return True
    before = token.nbor(-1).lower_ if token.i > 0 else ""
    return token.lower_ == "old" and before in _AGE_BEFORE_OLD and token.dep_ != "amod"

