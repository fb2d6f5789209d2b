"""Character and token spans of claims: trimming, quote regions, sentence units (lines), subtrees.

Shared by :mod:`rashomon.extract.attributions` (which finds cues, claimants and contents) and
:mod:`rashomon.extract.claims` (which turns them into claims). ``doc.text`` is rebuilt by spaCy on every
access, so functions that slice it take the text once (``text_of``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from rashomon.extract import attribution_lexicon as lex
from rashomon.extract.extensions import doc_text
from rashomon.records import ClaimKind

_TRIM = frozenset(" \t\n.,;:\u2014\u2013-")
_QUOTE_MARK = re.compile("''|[\"\u201c\u201d\u00ab\u00bb\u201e]")
_BEFORE_OPENING = frozenset("([{\u2014\u2013-/:")
_AFTER_CLOSING = frozenset(".,;:!?)]}\u2014\u2013-/")


_TEXT_KEY = "rashomon.claim_spans.text"
_UNITS_KEY = "rashomon.claim_spans.units"


def text_of(doc: Doc) -> str:
    """``doc.text``, from the copy :class:`holding_text` holds (spaCy joins the tokens on every access)."""
    held = doc.user_data.get(_TEXT_KEY)
    return held if isinstance(held, str) else doc_text(doc)


class holding_text:
    """``with holding_text(doc): ...``: :func:`text_of` answers from one copy of ``doc.text`` meanwhile, and
    :func:`sentence_units` from one list. Nested holds share the outer one's copy; the outer one drops it."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.owner = False

    def __enter__(self) -> str:
        held = self.doc.user_data.get(_TEXT_KEY)
        if isinstance(held, str):
            return held
        text = doc_text(self.doc)
        self.doc.user_data[_TEXT_KEY] = text
        self.owner = True
        return text

    def __exit__(self, *exc: object) -> None:
        if self.owner:
            self.doc.user_data.pop(_TEXT_KEY, None)
            self.doc.user_data.pop(_UNITS_KEY, None)
            self.owner = False


def trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets ``start``/``end`` with surrounding spaces and clause punctuation removed."""
    text = text_of(doc)
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted passages, quote marks included: curly pairs, and ``"`` or ``''`` paired by
    the side their spaces put them on (``"`` after a space opens, before a space or punctuation closes;
    between two words or two spaces they alternate), so one stray mark does not turn a document inside out.
    A straight quote left open does not run past a paragraph."""
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for mark in _QUOTE_MARK.finditer(text):
        char = mark.group()
        straight = char in lex.STRAIGHT_QUOTES
        side = straight_side(text, mark.start(), mark.end()) if straight else ""
        if open_at is None:
            if char in lex.QUOTE_PAIRS or (straight and side != "close"):
                open_at, closer = mark.start(), lex.QUOTE_PAIRS.get(char, char)
        elif char != closer and char in lex.QUOTE_PAIRS:
            open_at, closer = mark.start(), lex.QUOTE_PAIRS[char]  # the earlier one was never closed
        elif char == closer:
            if straight and (side == "open" or _paragraph_between(text, open_at, mark.start())):
                open_at = mark.start()  # the earlier one was never closed: start again here
                continue
            regions.append((open_at, mark.end()))
            open_at = None
    return regions


def straight_side(text: str, start: int, end: int) -> str:
    """``open``, ``close`` or ``either``: the side of a quotation a straight mark at ``text[start:end]`` stands
    on, read off the characters around it."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    opens = before.isspace() or before in _BEFORE_OPENING
    closes = after.isspace() or after in _AFTER_CLOSING
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _paragraph_between(text: str, start: int, end: int) -> bool:
    """Whether a paragraph break lies between ``start`` and ``end``: a blank line, or a line break in a text
    that has no blank lines (one paragraph a line)."""
    between = text[start:end]
    return "\n\n" in between or ("\n" in between and "\n\n" not in text)


def quote_kind(content: tuple[int, int], regions: list[tuple[int, int]]) -> ClaimKind:
    """``direct`` when the content lies in quotes, ``mixed`` when it holds some, else ``indirect``."""
    start, end = content
    inside = [(a, b) for a, b in regions if a < end and b > start]
    if not inside:
        return "indirect"
    quoted = sum(min(b, end) - max(a, start) for a, b in inside)
    return "direct" if quoted >= 0.9 * (end - start) else "mixed"


def sentence_units(doc: Doc) -> list[Span]:
    """The sentences of ``doc``, each further cut at line breaks (headlines, captions, "Read more").
    While :class:`holding_text` holds the Doc's text, the list is made once and shared (do not change it)."""
    held = doc.user_data.get(_UNITS_KEY)
    if isinstance(held, list):
        return held
    units = _sentence_units(doc)
    if isinstance(doc.user_data.get(_TEXT_KEY), str):
        doc.user_data[_UNITS_KEY] = units
    return units


def _sentence_units(doc: Doc) -> list[Span]:
    held = doc.user_data.get(_TEXT_KEY)
    units: list[Span] = []
    for sent in doc.sents:
        if isinstance(held, str) and "\n" not in held[sent.start_char: sent.end_char]:  # nothing to cut
            units.append(sent)
            continue
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    units.append(doc[start: token.i])
                start = token.i + 1
        if sent.end > start:
            units.append(doc[start: sent.end])
    return units


def overlaps(first: Span, second: Span) -> bool:
    """Whether two spans of one Doc share a token."""
    return first.start < second.end and second.start < first.end


def clipped(span: Span, unit: Span) -> Span | None:
    """``span`` cut to the tokens inside ``unit``, or ``None`` when nothing is left."""
    start, end = max(span.start, unit.start), min(span.end, unit.end)
    while start < end and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1
    return span.doc[start:end] if end > start else None


def clipped_chars(bounds: tuple[int, int], unit: Span) -> tuple[int, int] | None:
    """Character offsets ``bounds`` cut to ``unit``, or ``None`` when they lie outside it."""
    start, end = max(bounds[0], unit.start_char), min(bounds[1], unit.end_char)
    return (start, end) if end > start else None


def subtree_span(token: Token) -> Span:
    """The contiguous span of ``token``'s subtree without leading or trailing punctuation."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    while left < right and doc[left].is_punct:
        left += 1
    while right > left and doc[right].is_punct and not _closes_bracket(doc[left: right + 1]):
        right -= 1
    return doc[left: right + 1]


DATELINE_DASHES = frozenset({"-", "--", "\u2014", "\u2013"})
"""Dashes that end a dateline ("PHOENIX - Police say", "CHARLOTTE, N.C. \u2014 Detectives")."""
DATELINE_WORDS = 10
"""At most this many tokens before a dateline's dash."""


def after_dateline(span: Span) -> Span:
    """``span`` without the dateline that opens its line ("PHOENIX - Police", "NEW ORLEANS (AP) - Police",
    "CHARLOTTE, N.C. \u2014 Detectives", "CLEVELAND, July 19 (UPI) \u2014 Officials"): a place in capitals, then
    after a comma a state or a date, an agency in brackets, and a dash set off by a space. The parser often
    makes the place part of the subject; the claimant is what follows the dash."""
    doc = span.doc
    first = doc[span.start]
    if not (_line_start(first) and first.is_alpha and first.is_upper and len(first) > 1):
        return span
    depth, comma = 0, False
    for token in doc[span.start + 1: min(span.end, span.start + DATELINE_WORDS)]:
        if depth == 0 and token.text in DATELINE_DASHES and (token.whitespace_ or doc[token.i - 1].whitespace_):
            start = token.i + 1
            while start < span.end and (doc[start].is_space or doc[start].is_punct):
                start += 1
            return doc[start: span.end] if any(t.is_alpha for t in doc[start: span.end]) else span
        depth += (token.text == "(") - (token.text == ")")
        comma = comma or token.text == ","
        if depth == 0 and not (token.text in ",)" or token.is_upper or (comma and (token.is_title or token.like_num))):
            return span
    return span


def after_fronted(span: Span) -> Span:
    """``span`` without a phrase fronted before a comma that the parser hung on the claimant ("In television
    interviews Wednesday, Trump": *Trump*): a claimant that opens with a preposition starts after the first comma
    past the preposition's phrase (PolNeAR *train*: the claimant alone is gold; no GVA claimant opens so)."""
    first = span[0]
    if first.pos_ != "ADP" or first.dep_ != "prep" or len(span) < 3:
        return span
    comma = next((t.i for t in span.doc[first.right_edge.i: span.end - 1] if t.text == ","), None)
    return span if comma is None else span.doc[comma + 1: span.end]


def _line_start(token: Token) -> bool:
    """Whether ``token`` opens its sentence or line."""
    if token.i == 0 or token.is_sent_start:
        return True
    before = token.doc[token.i - 1]
    return "\n" in before.text or "\n" in before.whitespace_


def source_span(token: Token, *, cut: frozenset[str] = lex.ASIDE_DEPS) -> Span:
    """The claimant phrase headed by ``token``: its subtree (:func:`subtree_span`) up to the first aside set
    off by a comma or dash after the head: a participle ("Trump, speaking to veterans, said"), or a
    non-restrictive relative clause that is an attribution of its own ("Mr. Kamin, who emphasized that
    ..., said": PolNeAR's sources hold no other attribution's cue; other relative clauses stay in)."""
    span = after_fronted(after_dateline(subtree_span(token)))
    doc = token.doc
    for child in token.rights:
        edge = child.left_edge.i
        aside = child.dep_ in cut or (child.dep_ == "relcl" and child.lemma_.lower() in lex.SPEECH_VERBS)
        if aside and span.start < edge - 1 < span.end and doc[edge - 1].text in lex.ASIDE_MARKS:
            end = edge - 1
            while end > span.start and doc[end - 1].is_punct and doc[end - 1].text != ")":
                end -= 1
            return doc[span.start: end] if end > token.i else span
    return span


def _closes_bracket(span: Span) -> bool:
    """Whether the last token of ``span`` closes a bracket opened inside it: "Dianne Feinstein (D-Calif.)"."""
    return span[-1].text == ")" and span.text.count("(") >= span.text.count(")")
