"""Background figures: casualties of another event that an article mentions beside its own.

A report of one shooting often recalls others: "Earlier, a man and woman were shot to death by police",
"the deadliest mass shooting since Sandy Hook, where 26 people died in December 2012", "two fatal shootings
in less than 40 days", "a separate shooting". Those figures stay figures (the text says them) but are marked
``background`` so :func:`rashomon.extract.casualty_counts.article_counts` leaves them out of the article's
count. The headline and the first sentence of the body (the lead) report the article's own event and are
never background.

A sentence is background when it

* carries an explicit marker of another event: "earlier this year", "last month", "two years ago", "in a
  separate incident", "a previous shooting", "the deadliest ... since", "in the massacre at", "spate of",
  "the second fatal shooting in ...", sentence-initial "Earlier," ("Earlier Thursday,"), "the shooting
  came after an attack ...", "Saturday's incident follows the fatal shooting of ...", a tally since a
  date ("since January 1, 2014", "since 2010") or of many events ("there have been 45 shootings"); or
* names only years before the lead's year ("in December 2012" in an article whose lead says 2015).

A figure on a line of a video playlist ("0:35 Two teens charged in Lakewood shooting that killed 15-year-old
boy Pause": a running time, then another story's headline) is background wherever the line stands.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from rashomon.extract.claim_spans import text_of

__all__ = ["BACKGROUND_MARKERS", "is_background", "lead_end", "lead_year", "marked", "playlist_line"]

_NUMBER_WORD = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|a few)"
BACKGROUND_MARKERS = re.compile(
    r"\b(?:earlier|later) (?:this|that|in the) (?:year|month|summer|fall|autumn|winter|spring)\b"
    r"|\blast (?:year|month|summer|fall|autumn|winter|spring|decade)\b"
    rf"|\b{_NUMBER_WORD} (?:years?|months?|decades?) (?:ago|earlier)\b"
    r"|\b(?:a|an|another) (?:separate|unrelated|similar|different|previous|prior|earlier) "
    r"(?:\w+ )?(?:incident|shooting|attack|case|homicide|killing|stabbing)\b"
    r"|\b(?:previous|prior|earlier|other|recent) (?:fatal )?"
    r"(?:shootings|homicides|killings|attacks|incidents)\b"
    r"|\bdeadliest\b.{0,60}\bsince\b"
    r"|\bin the (?:massacre|mass shooting|attack|shooting|rampage) (?:at|in)\b.{0,40}\b(?:19|20)\d\d\b"
    r"|\b(?:spate|string|rash|wave|series) of (?:\w+ )?(?:shootings|violence|homicides|killings|attacks)\b"
    r"|\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:fatal |deadly |officer-involved |police )?"
    r"(?:shooting|homicide|killing|murder-suicide) (?:in|since|this|of)\b"
    r"|^\W*earlier(?: (?:on |that |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"today|in the day|that day|that night))?,"
    r"|\b(?:shooting|incident|attack|killing|violence)s? (?:came|comes|follows|followed) (?:\w+ ){0,3}?"
    r"(?:after |on the heels of )?(?:the|an?|another) ",
    re.IGNORECASE,
)
"""Words that place a sentence's figures in another event."""
_TALLY_MARKERS = re.compile(
    r"\bsince (?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? (?:\d{1,2},? )?)?(?:19|20)\d\d\b"
    r"|\bthere (?:have|has) been\b.{0,60}\b(?:shootings|homicides|killings|deaths|incidents)\b",
    re.IGNORECASE,
)
"""A tally of many events: "since January 1, 2014", "there have been 45 such shootings" (searched only in
sentences holding "ince " or "here ha", to cost nothing elsewhere)."""

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PLAYLIST = re.compile(r"[ \t]*\d{1,2}:\d\d[ \t]+(?!(?:a|p)\.?[ \t]?m\b)\S", re.IGNORECASE)
"""A line opening with a running time: a video playlist's item ("0:35 Two teens charged in ... Pause")."""


def lead_end(doc: Doc) -> int:
    """Character offset where the lead ends: after the headline and the first sentence of the body."""
    text = text_of(doc)  # a Span's text is the Doc's text between its start_char and end_char
    ends = [sent.end_char for sent in doc.sents if text[sent.start_char : sent.end_char].strip()]
    if not ends:
        return 0
    first = next(doc.sents)
    headline = "\n" in text[first.start_char : first.end_char + 2]
    return ends[min(1 if headline else 0, len(ends) - 1)]


def lead_year(doc: Doc, end: int) -> int | None:
    """The latest year written in the lead (headline, dateline, first sentence), if any."""
    years = [int(m.group(0)) for m in _YEAR.finditer(text_of(doc)[:end])]
    return max(years) if years else None


def marked(text: str) -> bool:
    """Whether ``text`` carries a marker of another event or of a tally of many (module doc)."""
    if BACKGROUND_MARKERS.search(text):
        return True
    return ("ince " in text or "here ha" in text) and _TALLY_MARKERS.search(text) is not None


def playlist_line(text: str, offset: int) -> bool:
    """Whether the line holding ``offset`` is an item of a video playlist the page prints ("1:27 1 dead after
    Fife collision, police say"): another story's headline, wherever it stands ("10:15 p.m. ..." is a time of
    day, not a running time)."""
    start = text.rfind("\n", 0, offset) + 1
    if text.startswith("+ ", start):
        return True  # "MORE FROM ...\n\n+ 1 dead, 1 wounded in Park Hill shooting": a list of links to other stories
    return text[start : start + 12].lstrip()[:1].isdigit() and _PLAYLIST.match(text, start) is not None


def is_background(sent: Span, end: int, year: int | None) -> bool:
    """Whether the figures of ``sent`` belong to another event than the lead's (module doc)."""
    if sent.start_char < end:
        return False
    text = text_of(sent.doc)[sent.start_char : sent.end_char]
    if marked(text):
        return True
    years = [int(m.group(0)) for m in _YEAR.finditer(text)]
    return year is not None and bool(years) and max(years) < year
