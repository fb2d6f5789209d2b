"""Marking spans of an article's text: cut the text into segments, each carrying the marks that cover it.

The dossier page shows every report with its claims, claimants and the sentences each discrepancy is
about marked. Marks may overlap (a casualty claim inside a sentence a discrepancy points at), so the
text is cut at every mark boundary and each segment lists the tags of all marks covering it; the
template escapes the segment text and writes the tags into a ``data-m`` attribute that the page's
script selects on (``[data-m~="d0"]``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

_QUOTED = re.compile(r"[\"“”‘’«»]([^\"“”‘’«»]{3,120})[\"“”‘’«»]|'([^']{3,120})'")


@dataclass(frozen=True)
class Mark:
    """A tagged character span ``[start, end)`` of a text; ``css`` is added to the segment's classes."""

    start: int
    end: int
    tag: str
    css: str = ""


@dataclass
class Segment:
    """A run of text and the marks covering all of it."""

    text: str
    tags: list[str] = field(default_factory=list)
    css: list[str] = field(default_factory=list)

    @property
    def data_m(self) -> str:
        return " ".join(self.tags)

    @property
    def classes(self) -> str:
        return " ".join(dict.fromkeys(c for c in self.css if c))


def segment(text: str, marks: list[Mark]) -> list[Segment]:
    """``text`` cut at every boundary of ``marks`` (clamped to the text; empty marks dropped)."""
    size = len(text)
    valid = [Mark(max(0, m.start), min(size, m.end), m.tag, m.css) for m in marks]
    valid = [m for m in valid if m.start < m.end]
    cuts = sorted({0, size, *(m.start for m in valid), *(m.end for m in valid)})
    opening: dict[int, list[Mark]] = {}
    for m in valid:
        opening.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    segments: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        active = [m for m in active if m.end > start] + opening.get(start, [])
        if start == end:
            continue
        segments.append(Segment(text[start:end], [m.tag for m in active], [m.css for m in active]))
    return segments


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence (or line) holding ``[start, end)``: from the previous full stop or newline."""
    left = max(
        text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0,
        text.rfind("\n", 0, start) + 1,
    )
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    return left, min(right, len(text))


def quoted_phrases(summary: str) -> list[str]:
    """Phrases a discrepancy summary quotes (in straight, curly or angle quotes)."""
    return [(a or b).strip() for a, b in _QUOTED.findall(summary) if (a or b).strip()]


def find_sentences(text: str, phrase: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` holding ``phrase`` (case-insensitive, whole words)."""
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", re.IGNORECASE)
    return list(dict.fromkeys(sentence_around(text, m.start(), m.end()) for m in pattern.finditer(text)))


def contains_phrase(haystack: str, phrase: str | None) -> bool:
    """Whether ``phrase`` occurs in ``haystack`` as whole words, ignoring case (empty: never)."""
    if not phrase or len(phrase.strip()) < 2:
        return False
    return re.search(r"(?<!\w)" + re.escape(phrase.strip()) + r"(?!\w)", haystack, re.IGNORECASE) is not None
