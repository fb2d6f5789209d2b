"""Roundup reports: one page that tells of several incidents, and the part of it about one of them.

Local news often sums up a night or a weekend in one report ("San Francisco police are investigating two
separate shootings that left six people injured Wednesday night. The first shooting ... The second
shooting ..."). Read whole, such a page gives the sum of its incidents as one event's toll. A report is a
**roundup** when its text both counts several incidents (:func:`several`: "two separate shootings",
"three incidents", "shootings of seven people") and turns from one incident to another
(:data:`NEXT`: "the second shooting", "in another shooting", "in an unrelated incident", "separately").

Its part about the event (:func:`event_part`) is the text before the first turn to another incident, less
the sentences that count several incidents together (the tally: "left six people injured" over two
shootings). Only the casualty figures inside that part count for the report's own total
(:func:`rashomon.reconcile.casualties.count_per_report`): the first incident a roundup tells is the one it
leads with, and the tally and the later incidents count other people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from rashomon.reconcile.evidence import Report
from rashomon.records import CasualtyFigure

_INCIDENT: Final = r"(?:shooting|incident|attack|stabbing|homicide|killing|murder|drive[- ]by)"
_COUNT: Final = r"(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|numerous|\d{1,2})"
_PLURAL: Final = re.compile(rf"\b{_INCIDENT}s\b", re.IGNORECASE)
_COUNT_BEFORE: Final = re.compile(rf"\b{_COUNT}\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_OF_COUNT_AFTER: Final = re.compile(rf"\s+of\s+{_COUNT}\s+(?:people|persons|men|women|teens|victims)\b", re.IGNORECASE)


_PLURAL_WORDS: Final = ("shootings", "killings", "stabbings", "incidents", "attacks", "homicides", "murders", "bys")
"""The plural incident nouns, lower-cased (a cheap test before the patterns)."""


def several(text: str) -> list[int]:
    """Where ``text`` counts several incidents: "two separate shootings", "two Trenton shootings", "three
    incidents", "shootings of seven people" (the offset of each plural incident noun so counted)."""
    folded = text.lower()
    if not any(word in folded for word in _PLURAL_WORDS):
        return []
    found = []
    for match in _PLURAL.finditer(text):
        before = _COUNT_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before is not None or _OF_COUNT_AFTER.match(text, match.end()):
            found.append(match.start())
    return found


NEXT: Final = re.compile(
    r"\b(?:another|a\s+second|a\s+third|a\s+fourth|the\s+second|the\s+third|the\s+fourth|the\s+last|"
    r"a\s+separate|an\s+unrelated|a\s+later|an\s+earlier)\s+(?:[\w-]+\s+){0,2}?"
    rf"{_INCIDENT}\b"
    r"|\b(?:in|at)\s+(?:a|an)\s+(?:separate|unrelated|different)\b"
    r"|\bseparately,"
    r"|\b(?:not\s+long|shortly|soon|an?\s+(?:few\s+)?(?:hour|minutes|hours)|minutes|hours|moments|"
    r"(?:about|around|some)\s+\w+\s+(?:minutes|hours))\s+(?:later|after(?:wards?)?)\b"
    r"|\b(?:police|officers|deputies|troopers)\s+also\s+(?:responded|were\s+called|investigated)\b"
    rf"|\b{_COUNT}\s+other\s+{_INCIDENT}s\b",
    re.IGNORECASE,
)
"""A turn from one incident to another: "the second shooting", "in an unrelated incident", "Separately,",
"Not long after," / "An hour later," (the next incident of the night), "Police also responded to"."""
_SENTENCE_END: Final = re.compile(r"[.!?][\"'”’)]*(?:\s+|(?=[A-Z][a-z]))|\n+")


@dataclass(frozen=True)
class EventPart:
    """The part of a roundup about the event: ``start:end`` of its text, less the tally sentences."""

    start: int
    end: int
    tallies: tuple[tuple[int, int], ...] = ()

    def holds(self, figure: CasualtyFigure) -> bool:
        """Whether ``figure`` lies in the part and outside every tally sentence."""
        if not self.start <= figure.start < self.end:
            return False
        return not any(start <= figure.start < end for start, end in self.tallies)


_LOOK_BACK: Final = 256
"""Characters searched back at a time for the end of the previous sentence."""


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding character ``at`` begins (after the previous end mark or line break)."""
    low = at
    while low > 0:
        low = max(0, low - _LOOK_BACK)
        ends = [match.end() for match in _SENTENCE_END.finditer(text, low, at)]
        if ends:
            return ends[-1]
    return 0


def sentence_end(text: str, at: int) -> int:
    """Where the sentence holding character ``at`` ends (after its end mark), else the text's end."""
    match = _SENTENCE_END.search(text, at)
    return match.end() if match else len(text)


def tally_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` of each sentence that counts several incidents together."""
    spans = {(sentence_start(text, at), sentence_end(text, at)) for at in several(text)}
    return tuple(sorted(spans))


TURN_WINDOW: Final = 40
"""A turn opens its sentence: it starts within this many characters of the sentence's start ("In another
shooting", "About an hour later, a second shooting"); a passing "another shooting" later in a sentence
("the gun had been used in another shooting") is background, not the next incident of a roundup."""


def first_turn(text: str) -> int | None:
    """Where the first sentence that opens with a turn to another incident begins; None when none does."""
    for match in NEXT.finditer(text):
        start = sentence_start(text, match.start())
        if match.start() - start <= TURN_WINDOW:
            return start
    return None


@lru_cache(maxsize=8192)
def event_part(text: str, title: str | None = None) -> EventPart | None:
    """The part of ``text`` about the incident it leads with, when it is a roundup (its headline or a
    sentence before the first turn counts several incidents); None otherwise."""
    titled = bool(several(title or ""))
    tallies = tally_sentences(text)
    if not titled and not tallies:
        return None
    turn = first_turn(text)
    if turn is None or (not titled and not any(start < turn for start, _ in tallies)):
        return None
    return EventPart(0, turn, tallies)


def event_figures(report: Report) -> list[CasualtyFigure]:
    """The report's figures, those outside a roundup's part about the event set aside as background (a
    roundup whose part holds no figure is read whole; any other report keeps all its figures)."""
    figures = report.analysis.casualties if report.analysis is not None else []
    part = event_part(report.article.text, report.article.title)
    if part is None or not any(part.holds(f) for f in figures):
        return list(figures)
    return [f if part.holds(f) else replace(f, background=True) for f in figures]


_PAGE_PLURAL: Final = re.compile(
    r"(?<!\bthe\s)(?<!\bThe\s)\b(?:shootings|stabbings|killings|homicides|murders)\b"
    r"|\bseparate\s+(?:[\w-]+\s+)?(?:shooting|incident|attack|stabbing)s?\b",
    re.IGNORECASE,
)
"""A page that tells of several incidents without counting them: "Boy, 2 men injured in Baltimore shootings",
"in separate incidents"; a definite plural ("the shootings at the club") names one incident's several
victims, not several incidents."""


def page_roundup(report: Report) -> bool:
    """Whether the report's headline or first sentence names several incidents (a plural incident noun,
    "separate shootings") while no sentence turns from one to the next (:func:`event_part` finds no part):
    its page total may sum incidents it does not tell apart."""
    text = report.article.text
    lead = text[: sentence_end(text, 0)]
    if not (_PAGE_PLURAL.search(report.article.title or "") or _PAGE_PLURAL.search(lead)):
        return False
    return event_part(text, report.article.title) is None
