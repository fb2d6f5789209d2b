"""Counts as news reports write them: "two", "14", "at least one", "more than 20", "dozens", "1,200".

A count is a range ``count_min``..``count_max`` (``None`` = open-ended) with a ``vague`` flag for
quantifiers that name no number ("several", "dozens"). The full table of rules is in ``docs/casualties.md``;
in short:

* exact numbers ("two", "14", "twenty-one", "1,200", "a", "one") give ``n..n``;
* "at least n" / "no fewer than n" give ``n..None``; "more than n" / "over n" give ``n+1..None``;
* "up to n" / "as many as n" give ``1..n``; "nearly" / "almost n" give ``4n/5..n-1`` (vague);
  "about" / "around" / "some n" give ``n..n`` flagged vague;
* "between a and b", "a to b", "a or b", "a-b" give ``a..b``;
* plural unit words follow ACLED's conservative convention: one unit, open above
  ("dozens" ``12..None``, "scores" ``20..None``, "hundreds" ``100..None``, "thousands" ``1000..None``);
* vague quantifiers: "several" ``3..9``, "a few" ``2..5``, "a couple" ``2..2``, "a number of" / "many" /
  "multiple" ``2..None``; "no" / "none" / "no one" / "nobody" ``0..0``.

:func:`best` gives the single figure used when one is needed (the conservative lower bound, or the stated
number for "up to n").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rashomon.errors import Errors, ExtractError

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_UNIT_PLURALS = {
    "dozens": 12,
    "scores": 20,
    "tens": 10,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 1_000_000,
}
# vague word -> (min, max)
_VAGUE = {
    "several": (3, 9),
    "a few": (2, 5),
    "few": (2, 5),
    "a handful of": (2, 5),
    "a handful": (2, 5),
    "a couple of": (2, 2),
    "a couple": (2, 2),
    "a pair of": (2, 2),
    "both": (2, 2),
    "a number of": (2, None),
    "numerous": (2, None),
    "many": (2, None),
    "multiple": (2, None),
    "a dozen": (12, 12),
    "half a dozen": (6, 6),
}
_NONE = {"no": 0, "none": 0, "no one": 0, "nobody": 0, "zero": 0, "not a single": 0}
_ONE = {"a": 1, "an": 1, "one": 1, "single": 1, "a single": 1, "lone": 1, "a lone": 1, "another": 1}

_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_SCALE = "|".join(_SCALES)
_WORDNUM = (
    rf"(?:(?:{_WORD})(?:[- ](?:{_WORD}))?(?:\s+(?:{_SCALE})(?:\s+(?:and\s+)?(?:{_WORD})(?:-(?:{_WORD}))?)?)?"
    rf"|(?:a\s+)?(?:{_SCALE}))"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_NUM = rf"(?:{_DIGITS}|{_WORDNUM})"
_AT_LEAST = r"at\s+least|no\s+(?:fewer|less)\s+than|not\s+less\s+than|a\s+minimum\s+of|upwards\s+of"
_MORE = r"more\s+than|over|in\s+excess\s+of"
_UP_TO = r"up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than|a\s+maximum\s+of"
_NEARLY = r"nearly|almost|close\s+to|just\s+under|fewer\s+than|less\s+than"
_ABOUT = r"about|around|roughly|approximately|some|an\s+estimated|estimated|an?\s+further|another"
_PLURAL = "|".join(_UNIT_PLURALS)
_VAGUE_RE = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_VAGUE, key=len, reverse=True))
_NONE_RE = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_NONE, key=len, reverse=True))
_ONE_RE = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_ONE, key=len, reverse=True))

_COUNT = re.compile(
    rf"\b(?:"
    rf"between\s+(?P<lo>{_NUM})\s+and\s+(?P<hi>{_NUM})"
    rf"|(?P<lo2>{_NUM})\s+(?:to|or)\s+(?P<hi2>{_NUM})"
    rf"|(?P<lo3>\d+)\s*[-–]\s*(?P<hi3>\d+)(?![-\w])"
    rf"|(?:(?P<mod>{_AT_LEAST}|{_MORE}|{_UP_TO}|{_NEARLY}|{_ABOUT})\s+)?"
    rf"(?:(?P<mult>{_NUM})\s+dozen|(?P<vague_mod>a\s+dozen|half\s+a\s+dozen)|(?P<num>{_NUM}))(?!-(?:year|month|week|day|hour))"
    rf"|(?:(?P<pmod>{_AT_LEAST}|{_MORE})\s+)?(?P<plural>{_PLURAL})(?=\s+of\b|\s+(?:more|other)\b|\b)"
    rf"|(?P<vague>{_VAGUE_RE})"
    rf"|(?P<none>{_NONE_RE})"
    rf"|(?P<one>{_ONE_RE})"
    rf")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Count:
    """A parsed count: ``count_min``..``count_max`` (``None`` = open above), ``vague`` for quantifiers."""

    count_min: int | None
    count_max: int | None
    vague: bool = False
    best_value: int | None = None

    @property
    def best(self) -> int | None:
        """The single figure: the stated number where there is one, else the conservative lower bound."""
        return self.best_value if self.best_value is not None else self.count_min


@dataclass(frozen=True)
class CountMatch:
    """A count found in a text, with its character offsets."""

    text: str
    start: int
    end: int
    count: Count


def word_number(text: str) -> int:
    """The value of a number in digits or words: "14", "1,200", "twenty-one", "one hundred and five"."""
    clean = text.strip().lower().replace(",", "")
    if clean.isdigit():
        return int(clean)
    total, current = 0, 0
    for word in re.split(r"[\s-]+", clean):
        if word in ("and", "a", ""):
            current = current or (1 if word == "a" else 0)
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
        else:
            raise ExtractError(Errors.X003, text=text)
    return total + current


def _modified(mod: str | None, n: int) -> Count:
    """The range a modifier ("at least", "more than", "up to", "nearly", "about") gives to ``n``."""
    key = " ".join((mod or "").lower().split())
    if not key:
        return Count(n, n)
    if re.fullmatch(_AT_LEAST, key):
        return Count(n, None)
    if re.fullmatch(_MORE, key):
        return Count(n + 1, None)
    if re.fullmatch(_UP_TO, key):
        return Count(min(1, n), n, best_value=n)
    if re.fullmatch(_NEARLY, key):
        return Count(n * 4 // 5, max(n - 1, 0), vague=True, best_value=max(n - 1, 0))
    if key in ("another", "a further", "an further"):
        return Count(n, n)
    return Count(n, n, vague=True)


def _count_of(match: re.Match[str]) -> Count:
    """The :class:`Count` a match of the count pattern stands for."""
    groups = match.groupdict()
    for low_group, high_group in (("lo", "hi"), ("lo2", "hi2"), ("lo3", "hi3")):
        if groups[low_group]:
            lo, hi = word_number(groups[low_group]), word_number(groups[high_group])
            return Count(min(lo, hi), max(lo, hi))
    if groups["mult"]:
        return _modified(groups["mod"], word_number(groups["mult"]) * 12)
    if groups["vague_mod"]:
        n = 6 if groups["vague_mod"].lower().startswith("half") else 12
        count = _modified(groups["mod"], n)
        return Count(count.count_min, count.count_max, vague=True, best_value=count.best_value)
    if groups["num"]:
        return _modified(groups["mod"], word_number(groups["num"]))
    if groups["plural"]:
        unit = _UNIT_PLURALS[groups["plural"].lower()]
        return Count(
            unit + (1 if groups["pmod"] and re.fullmatch(_MORE, groups["pmod"].lower()) else 0),
            None,
            vague=True,
        )
    if groups["vague"]:
        bounds = _VAGUE[" ".join(groups["vague"].lower().split())]
        return Count(bounds[0], bounds[1], vague=True)
    if groups["none"]:
        return Count(0, 0)
    return Count(1, 1)


def find_counts(text: str, *, offset: int = 0) -> list[CountMatch]:
    """Every count written in ``text``, left to right; offsets are shifted by ``offset``."""
    found = []
    for match in _COUNT.finditer(text):
        found.append(
            CountMatch(match.group(0), match.start() + offset, match.end() + offset, _count_of(match))
        )
    return found


def parse_count(text: str) -> Count:
    """The count that ``text`` as a whole writes ("at least two", "dozens", "14").

    Raises :class:`ExtractError` (``X003``) when ``text`` is not one count.
    """
    stripped = text.strip()
    match = _COUNT.fullmatch(stripped)
    if match is None:
        raise ExtractError(Errors.X003, text=text)
    return _count_of(match)


def is_count_word(word: str) -> bool:
    """Whether a single token is a number or quantity word ("14", "two", "dozens", "several")."""
    lower = word.lower().replace(",", "")
    return (
        lower.isdigit()
        or lower in _UNITS
        or lower in _TENS
        or lower in _SCALES
        or lower in _UNIT_PLURALS
        or lower in ("several", "dozen", "few", "couple", "handful", "both", "many", "numerous", "multiple")
        or bool(re.fullmatch(rf"(?:{_WORD})-(?:{_WORD})", lower))
    )
