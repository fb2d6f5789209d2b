"""How many people a casualty figure's head counts: "two men" -> 2, "dozens" -> 2.., "he" -> 1, "a double
homicide" -> 2, "a murder-suicide" -> 2, "a family of five" -> 5, a name -> 1, with the words that say so.

:mod:`rashomon.extract.casualties` reads each victim head found by :mod:`rashomon.extract.casualty_victims` with
:func:`count_of`; :mod:`rashomon.extract.casualty_links` reads re-mentions ("the two men") with it too.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from rashomon.extract.casualty_lexicon import COUNT_PREFIX
from rashomon.extract.casualty_rules import murder_suicide
from rashomon.extract.casualty_victims import family_of
from rashomon.extract.claim_spans import text_of
from rashomon.extract.numbers import Count, find_counts

PRONOUN_ONE = {"he", "she", "him", "her"}
_PRONOUN_MANY = {"they", "them"}
_DEFINITE = {"the", "this", "that", "these", "those", "his", "her", "their", "its"}
_MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
"""A "double homicide" is two deaths."""
_MULTIPLE_NOUNS = {"homicide", "murder", "killing", "slaying", "fatality", "death"}
_NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}


def count_of(head: Token) -> tuple[str, int, int, Count, bool]:
    """How many people the phrase headed by ``head`` counts: (value_text, start, end, count, definite)."""
    doc = head.doc
    lower = head.lower_
    if lower in PRONOUN_ONE:
        return head.text, head.idx, head.idx + len(head), Count(1, 1), True
    if lower in _PRONOUN_MANY:
        return head.text, head.idx, head.idx + len(head), Count(2, None, vague=True), True
    left = head.left_edge.i
    while left > head.sent.start and doc[left - 1].lower_ in COUNT_PREFIX:
        left -= 1
    if (
        head.pos_ == "NUM"
        or head.tag_ == "CD"
        or lower in ("dozens", "hundreds", "scores", "thousands", "one", "nobody", "none", "both")
    ):
        stop = head.i + 1
    else:
        stop = head.i
    span_start = doc[left].idx
    text = text_of(doc)[span_start : doc[stop - 1].idx + len(doc[stop - 1])] if stop > left else ""
    not_counts = [(t.idx, t.idx + len(t)) for t in doc[left:stop] if t.ent_type_ in _NOT_COUNTS]
    matches = [
        m
        for m in find_counts(text, offset=span_start)
        if (m.text.lower() != "another" or _another_is_more(head))
        and not _is_year(m.text)
        and not any(s < m.end and m.start < e for s, e in not_counts)
        and not _age_or_clock(text, m.start - span_start, m.end - span_start)
    ]
    definite = any(t.lower_ in _DEFINITE or t.dep_ == "poss" for t in doc[left : head.i])
    multiple = next((t for t in head.lefts if t.lower_ in _MULTIPLES), None)
    if murder_suicide(head):  # "a murder-suicide": the one murdered and the killer; "a triple ...": four
        first = multiple or next(t for t in head.lefts if t.dep_ == "compound")
        n, end = (_MULTIPLES[multiple.lower_] if multiple is not None else 1) + 1, head.idx + len(head)
        return text_of(doc)[first.idx : end], first.idx, end, Count(n, n), definite
    if multiple is not None and head.lemma_.lower() in _MULTIPLE_NOUNS:
        n, end = _MULTIPLES[multiple.lower_], head.idx + len(head)
        return text_of(doc)[multiple.idx : end], multiple.idx, end, Count(n, n), definite
    members = family_of(head)
    if members is not None:  # "a family of five was found dead": five people
        n, end = members
        return text_of(doc)[head.idx : end], head.idx, end, Count(n, n), definite
    numbers = [m for m in matches if m.text.lower() not in ("a", "an", "one")] or matches
    if numbers:
        best = numbers[-1]
        if len(numbers) > 1 and text_of(doc)[numbers[-2].end : best.start].strip().lower() == "of":
            best = numbers[-2]  # "three of four members of a family were killed": three
        other = next((t for t in head.rights if t.lower_ in ("else", "other")), None)
        if best.count.count_max == 0 and other is not None:  # "No one else was hurt": no more people
            end = other.idx + len(other)
            return text_of(doc)[best.start : end], best.start, end, best.count, definite
        return best.text, best.start, best.end, best.count, definite
    if head.lower_ in ("one", "nobody", "none") and any(t.lower_ == "no" for t in head.lefts):
        start = head.left_edge.idx
        return text_of(doc)[start : head.idx + len(head)], start, head.idx + len(head), Count(0, 0), False
    if head.tag_ in ("NNS", "NNPS"):
        return head.text, head.idx, head.idx + len(head), Count(2, None, vague=True), definite
    name = name_span(head)
    return name.text, name.start_char, name.end_char, Count(1, 1), definite or head.pos_ == "PROPN"


def _another_is_more(head: Token) -> bool:
    """ "another teen was wounded", "left one dead and another injured": one more person; "he shot and killed
    another man" (another than the shooter) and "the death of yet another" are no more people."""
    if any(t.lower_ == "yet" for t in head.subtree):
        return False
    if head.dep_ == "dobj" and head.head.lemma_ in _FINDING:
        return True  # "they discovered another man suffering from gunshot wounds"
    return head.dep_ not in ("dobj", "pobj") or head.head.lemma_ == "leave"


_FINDING = {"find", "discover", "locate"}
"""Verbs whose object is someone found hurt, not the shooter's victim told apart from the shooter."""


_AGE_AFTER = re.compile(r"-[a-z]+-(?:year|month|week|day)", re.IGNORECASE)
_CLOCK = re.compile(r"\d:\d")


def _age_or_clock(text: str, start: int, end: int) -> bool:
    """ "Twenty-one-year-old Izaak Bridges": the first word of a spelled age (the number parser stops before
    its hyphen); "Pause 1:21" (a video playlist's times): the minutes or seconds of a clock."""
    if text[end : end + 1] == "-" and _AGE_AFTER.match(text, end):
        return True
    if text[start - 1 : start] != ":" and text[end : end + 1] != ":":
        return False
    return _CLOCK.match(text, max(start - 2, 0)) is not None or _CLOCK.match(text, end - 1) is not None


def _is_year(text: str) -> bool:
    """ "(January 24, 2016)--One man is dead": a year is never a count of people."""
    return text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100


def name_span(head: Token) -> Span:
    """A person's name around ``head`` (its compound tokens), or ``head`` alone."""
    doc = head.doc
    if head.ent_type_ == "PERSON":
        for ent in doc.ents:
            if ent.start <= head.i < ent.end:
                return ent
    start = head.i
    if head.pos_ == "PROPN":  # "16-year-old Montana Modlin" (tagged ORG): the first name is a compound
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
            start -= 1
    return doc[start : head.i + 1]

