"""Words saying a person hurt beside deaths lived: where an article reports deaths, "shot" and "taken to
hospital" are read as the dead (:mod:`rashomon.extract.casualty_counts`), unless the text says the person
survived ("non-life-threatening", "stable condition"), was shot in a limb, or was "also" hurt by the verb
of a sentence that tells no death."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rashomon.extract.casualty_same_dead import died_later
from rashomon.records import CasualtyFigure

LIVING_TRIGGERS = {"condition", "stable", "recovering", "treated", "released"}
"""Triggers that describe someone alive ("listed in serious condition"): never someone already dead."""

SURVIVED = re.compile(
    r"\b(?:survived|non-?life[- ]threatening|not(?: considered| believed to be)? life[- ]threatening|"
    r"stable condition|treated and released|"
    r"expected to (?:survive|recover)|is recovering|(?:was|been) released from|"
    r"treated for\s+(?:[\w-]+\s+){0,3}?(?:injur\w*|wounds?|gunshot|graze\w*|bullet|cuts?))\b|"
    r"n[’']t(?: considered| believed to be)? life[- ]threatening\b",
    re.IGNORECASE,
)
"""Words saying a person hurt lived: where the article reports deaths, "taken to the hospital with
non-life-threatening injuries" is a survivor, not the dead; "treated for" a wound or injury, not "treated for
drug abuse"."""


def survived(figure: CasualtyFigure, text: str) -> bool:
    """The figure's sentence says the person lived ("survived", "non-life-threatening", "stable condition")."""
    if figure.sentence_start is None or figure.sentence_end is None or not text:
        return False
    return bool(SURVIVED.search(text, figure.sentence_start, figure.sentence_end))


def shot_in_a_limb(figure: CasualtyFigure, text: str) -> bool:
    """ "A 24-year-old man, who was shot in the right arm and ankle": shot in a limb, the person lived."""
    if figure.sentence_end is None or not text:
        return False
    start = max(figure.end, figure.victims_end or 0)
    return _LIMB.search(text, start, min(figure.sentence_end, start + 80)) is not None


_SIDE = r"(?:(?:left|right|lower|upper)\s+)?"
_LIMBS = r"legs?|arms?|foot|feet|hands?|ankles?|shoulders?|buttocks?|thighs?|knees?|wrists?|hips?|fingers?|elbows?"
"""The limbs a wound people live through is named at (:data:`_LIMB`, :data:`_WOUND_TO`)."""
_LIMB = re.compile(
    rf"\b(?:shot|struck|hit|wounded|grazed)\s+(?:\w+\s+){{0,2}}?in\s+(?:the|his|her|their)\s+{_SIDE}(?:{_LIMBS})\b",
    re.IGNORECASE,
)
"""A limb hit ("shot in the left leg", "struck twice in the arm"): a wound people live through."""


def wounded_beside_the_dead(figure: CasualtyFigure, dead: Sequence[CasualtyFigure], text: str) -> bool:
    """ "They found a man with a gunshot wound to the arm and two dead people inside", "a 56-year-old who had been
    shot in the leg and a child who had died": one person ("a man") hurt in a limb or the face, in a sentence whose
    ``dead`` (its explicit death figures) are other noun phrases than the person's, under other verbs."""
    if figure.count_min != 1 or figure.value_text.strip().lower() not in ("a", "an") or not dead:
        return False
    if any(f.same_as is not None or f.trigger == figure.trigger or _same_phrase(f, figure) for f in dead):
        return False  # "a man was shot to death": one verb; "a man ... was pronounced dead": one phrase
    return shot_in_a_limb(figure, text) or _wound_to(figure, text)


def _same_phrase(dead: CasualtyFigure, figure: CasualtyFigure) -> bool:
    return dead.start == figure.start or (dead.victims_start is not None and dead.victims_start == figure.victims_start)


def _wound_to(figure: CasualtyFigure, text: str) -> bool:
    """ "a man with a gunshot wound to the arm", "suffered a gunshot wound to the face": a wound named at a limb."""
    if figure.sentence_end is None:
        return False
    start = max(figure.end, figure.victims_end or 0)
    return _WOUND_TO.search(text, start, min(figure.sentence_end, start + 80)) is not None


_WOUND_TO = re.compile(
    rf"\bwounds?\s+(?:to|in)\s+(?:the|his|her|their)\s+{_SIDE}(?:{_LIMBS}|face|jaw)\b", re.IGNORECASE
)


def also_hurt(figure: CasualtyFigure, text: str) -> bool:
    """ "An 18-year-old woman sitting in the car was also hit": "also" before the figure's own verb marks one
    more person hurt (the caller checks the sentence tells no death)."""
    trigger = figure.trigger
    if not trigger or not text or figure.sentence_end is None:
        return False
    start = max(figure.end, figure.victims_end or 0)
    return _also_before(trigger).search(text, start, figure.sentence_end) is not None


@lru_cache(maxsize=256)
def _also_before(trigger: str) -> re.Pattern[str]:
    """ "also" (or "also been") just before ``trigger``."""
    return re.compile(r"\balso\s+(?:been\s+)?" + re.escape(trigger) + r"\b", re.IGNORECASE)


def alive_mentions(figures: Sequence[CasualtyFigure], roots: Sequence[int], text: str) -> set[int]:
    """``id`` of the first mention of each person some mention says lives: a living trigger ("listed in
    serious condition"), or a hurt person's sentence that says so and tells no death ("Robinson was treated
    and has since been released"); each sentence searched once."""
    deaths = {f.sentence_start for f in figures if f.kind == "killed"}
    lived: dict[int | None, bool] = {}
    out: set[int] = set()
    for index, figure in enumerate(figures):
        if (figure.trigger or "").lower() not in LIVING_TRIGGERS:
            if figure.kind != "injured" or figure.sentence_start in deaths:
                continue
            if figure.sentence_start not in lived:
                lived[figure.sentence_start] = survived(figure, text)
            if not lived[figure.sentence_start]:
                continue
        elif died_later(figure, text):
            continue  # "listed in critical condition until she died"
        out.add(id(figures[roots[index]]))
    return out
