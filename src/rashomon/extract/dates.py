"""``rashomon_dates_v1`` (issue name ``rashomon.dates.v1``): time expressions resolved against publication.

The component reads spaCy's DATE and TIME entities plus the weekday and relative expressions the NER
misses ("on Wednesday", "yesterday", "last night", "6PM"), resolves each against ``doc._.published_at``
(an ISO 8601 string the caller sets) and writes ``doc._.times``, a list of
:class:`rashomon.records.TimeExpr` in text order; :mod:`rashomon.extract.date_resolve` holds the resolution
rules (:func:`resolve`: weekdays, relative days, holidays, calendar dates, durations dropped).

:func:`event_date` picks the date of the reported event from the list (rule in its docstring).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.errors import ConfigError, Errors
from rashomon.extract import extensions
from rashomon.extract.date_resolve import extra_spans as extra_spans
from rashomon.extract.date_resolve import is_point_in_time as is_point_in_time
from rashomon.extract.date_resolve import parse_published as parse_published
from rashomon.extract.date_resolve import resolve as resolve
from rashomon.extract.date_resolve import with_month as with_month
from rashomon.records import DatePrecision, TimeExpr

FACTORY = "rashomon_dates_v1"


class DateResolver:
    """Finds and resolves the time expressions of a Doc (rules: :mod:`rashomon.extract.date_resolve`)."""

    def __init__(self, *, labels: Sequence[str], extra_patterns: bool, keep_years: bool) -> None:
        if not labels and not extra_patterns:
            raise ConfigError(Errors.G001, name="labels", reason="empty while extra_patterns is off")
        self.labels = frozenset(labels)
        self.extra_patterns = extra_patterns
        self.keep_years = keep_years

    def __call__(self, doc: Doc) -> Doc:
        extensions.register()
        published = parse_published(doc._.published_at)
        times = []
        doc_text = extensions.doc_text(doc)  # spaCy rebuilds doc.text on every access: take it once
        for start, end in self.match(doc):
            text = doc_text[start:end]
            if not self.keep_years and not is_point_in_time(text):
                continue
            day, precision = resolve(text, published)
            times.append(TimeExpr(text=text, start=start, end=end,
                                  date=day.isoformat() if day else None, precision=precision))
        doc._.times = times
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int]]:
        """Character spans of the time expressions: entities (with the month the NER cut off put back,
        :func:`with_month`), then extra matches that overlap none."""
        text = extensions.doc_text(doc)
        spans = [with_month(text, ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in self.labels]
        if self.extra_patterns:
            spans += extra_spans(text, spans)
        return sorted(spans)



_CLOCK_ONLY = re.compile(
    r"^(?:(?:at|about|around|approximately|just|shortly|before|after|roughly|near|\s)+)?"
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|hours|hrs\.?)?"
    r"(?:\s+(?:local time|\w{2,4}\s+time|[ECMPA][SD]?T|GMT|UTC))?\W*$",
    re.IGNORECASE)
_NO_DATE_WORD = re.compile(r"^[\d\W]*(?:(?:and|or|to|through|of)\b[\d\W]*)*$", re.IGNORECASE)
"""Numbers alone, or joined by "and" / "to": ages ("Givens, 16,", "two victims, 17 and 23 years old")."""
_ORDINAL = re.compile(r"^(?P<the>the\s+)?\d{1,2}(?:st|nd|rd|th)$", re.IGNORECASE)
"""An ordinal alone names no month: a street ("near 23rd and Elm", "on 23rd Street") more often than a day (GVA: the
event's day for 1 of 35), unless "the" or "on" leads it ("on the 27th", "on 27th,") or a month is named just before
(:func:`_street_ordinal`)."""
_ORDINAL_LEAD = re.compile(r"\b(?:the|on)\s+$", re.IGNORECASE)
_ORDINAL_MONTH = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b", re.IGNORECASE)
_NAME_AFTER = re.compile(r"\s*(?:[A-Z]|&|and\b)")
"""What follows a street's ordinal: the rest of its name or the crossing street ("23rd Street", "23rd and Elm")."""
ORDINAL_MONTH_REACH = 80
"""Characters before a bare ordinal searched for the month it counts in ("Fighting broke out on September 25 ...
resumed on the 27th")."""
_POSSESSIVE_STEP = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:funerals?|vigils?|memorials?|burials?|hearings?|court|arraign\w+|trials?|sentencing|"
    r"(?:news\s+)?conference|briefing)\b", re.IGNORECASE)
"""A day's possessive naming a step after the event ("Saturday's funeral of the two soldiers killed", "at
Monday's hearing"): that step's day, not the event's."""
_POSSESSIVE_OCCASION = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:votes?|voting|elections?|referend\w+|polls?|ballots?|meetings?|talks|summit|rall(?:y|ies)|"
    r"march(?:es)?|services?|ceremon\w+|games?|match(?:es)?)\b", re.IGNORECASE)
"""A day's possessive naming an occasion, which is often the event itself ("Police fired on Saturday's march,
killing three", "Clashes during Sunday's vote left five dead"): another day only led by "the eve of", "ahead of",
"before", "after" or "since" ("on the eve of Sunday's vote"), or with no word of violence in its sentence."""
_OCCASION_LEAD = re.compile(r"\b(?:eve\s+of|ahead\s+of|before|after|since|until)\s+$", re.IGNORECASE)
_TIMESTAMP = re.compile(r"\b\d{4},?\s+(?:at\s+|@\s*)?\d{1,2}:\d{2}", re.IGNORECASE)
"""A date with its clock time to the minute ("January 22, 2013 2:44 PM"): when a page was posted or updated."""
_NARRATIVE = re.compile(r"\b(?:later|earlier|afterwards?|before|prior)\W*$", re.IGNORECASE)
"""A time counted from another moment of the story ("about two hours later", "a day earlier"), not from
publication."""
_STAMP_VERBS = ("published", "updated", "posted", "modified")
_STAMP_WORDS = (*_STAMP_VERBS, "copyright", "©", "created")
"""The words of a page stamp ("Published Wednesday", "Last updated: ...", "© 2015"); "last updated" and "first
published" hold theirs. Only the verbs stand before a stamp's weekday and date ("Posted: Monday, February 2, ...")."""
_STAMP = re.compile(
    rf"(?:{'|'.join(_STAMP_WORDS)})\W{{0,3}}(?:on\W+)?(?:\w+\W+){{0,2}}$"
    rf"|\b(?:{'|'.join(_STAMP_VERBS)})\W{{0,3}}(?:on\W+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\W+(?:\w+\W+){{1,4}}$",
    re.IGNORECASE)
_SAID_WORDS = ("said", "says", "told", "announced", "confirmed", "stated", "reported", "released", "identified",
               "added")
_SPEECH_WORDS = ("since", "until", "throughout", *_SAID_WORDS)
"""Words after which a day is not the event's: the day something was said, or a period's start or end."""
_SPEECH_BEFORE = re.compile(rf"\b(?:{'|'.join(_SPEECH_WORDS)})\s+(?:on\s+|(?P<at>at\s+))?$", re.IGNORECASE)
"""A speech verb right before a time ("said Monday", "confirmed on Friday"); ``at`` only before a clocked time
followed by what was said ("said at 6 p.m. Sunday that"; "said at Sunday's briefing" stays event evidence: measured
on GVA, the larger side)."""
_SAID_BEFORE = re.compile(rf"\b(?:{'|'.join(_SAID_WORDS)})\s+(?:on\s+)?$", re.IGNORECASE)
_STAMP_KEYS = re.compile("|".join(_STAMP_WORDS))
_SPEECH_KEYS = re.compile("|".join(_SPEECH_WORDS))
"""One of the words of :data:`_STAMP` (:data:`_SPEECH_BEFORE`) stands in every match, searched in the lowercased
context: a cheap test before the regex, built from the same words (same result, less time; a case-sensitive
alternation of literals is faster than a test per word)."""
_CLOCKED = re.compile(r"\d\s*(?:a\.?m\b|p\.?m\b)|\d:\d\d|\b(?:noon|midnight)\b", re.IGNORECASE)
"""A clock time inside a time expression ("around 9 p.m. Sunday"): a statement is dated by its day, the event by its
hour ("police said around 9 p.m. Sunday they were called", "the gunfire was reported just after 4 p.m. Friday")."""
_STATEMENT_AFTER = re.compile(r",?\s*(?:that\b|[:\"“‘])", re.IGNORECASE)
"""What follows the time of a statement: what was said ("the ministry said at 6 p.m. Sunday that ...", "said
around noon Friday: \"...\""). A clocked time after a speech verb and before it is the statement's, also where
what was said tells the event ("police said around 9 p.m. Saturday that officers were called": the wording cannot
tell the two apart; no GVA report has it)."""
_VIOLENCE = re.compile(
    r"\b(?:shot|shoot\w*|gunfire|gunshots?|gunman|gunmen|gunned|fired|killed|killing|died|dead|death|murder\w*|"
    r"wounded|injured|stabb\w*|attack\w*|clash\w*|explosion|blast|bomb\w*|struck|striking|hit|homicide|slain|"
    r"opened fire|fatal\w*|deadly|discharg\w*|robb\w*|carjack\w*|ambush\w*|happened|occurred|took place)\b",
    re.IGNORECASE)
"""Words of the event itself (violence, and "happened"/"occurred"): a time next to them dates the event."""
_PROCEDURE = re.compile(
    r"\b(?:court\w*|hearings?|arraign\w*|pleas?|pleaded|pleads|sentenc\w*|trials?|indict\w*|charged|charges|"
    r"appear\w*|bond|bail|jail\w*|custody|booked|arrest\w*|convict\w*|verdict|jur(?:y|ors)|judge|funerals?|"
    r"vigils?|memorials?|rally|conference|posts?|posted|interview\w*|investigat\w*|continu\w*|"
    r"schedul\w*|filed|motion|autops\w*|searching|looking|released|identified|surrendered|extradit\w*|"
    r"condition|stable|recovering|obtained|held|recalled|surgery|turned\s+(?:himself|herself|themselves)\s+in)\b",
    re.IGNORECASE)
"""Words of what follows an event (court, arrest, funeral, the investigation, the hospital): the day next to them
is the day of that step ("pleaded guilty Thursday", "was arrested Tuesday", "a vigil Sunday", "was being held
Thursday on murder charges", "autopsies Friday", "will undergo surgery again Friday", "turned himself in Tuesday",
"recalled Thursday how he tried to help"). Not "statement": in conflict news "the ministry said in a statement on
Wednesday" is often the only day the lead gives its event."""
_STEP_WORDS = r"\b(?:arrested|charged|booked|arraigned|sentenced|pleaded|indicted|surrendered|jailed|convicted)\b"
_STEP_WORD = re.compile(_STEP_WORDS, re.IGNORECASE)
_STEP_BEFORE = re.compile(_STEP_WORDS + r"(?:\s+[\w'.-]+){0,5}?\s*$", re.IGNORECASE)
"""A step of justice a few words before the time, in its sentence ("was arrested by Urbana Police on Friday",
"was charged in Franklin County on Monday"): farther than :data:`ADJACENT_REACH` from the time, still its verb."""
_EXPLICIT = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{1,2}/\d{1,2}\b",
    re.IGNORECASE)
"""A calendar date ("June 3", "3 June", "6/30"): it names its day whatever the publication date."""
_DEATH_BEFORE = re.compile(
    r"\b(?:died|dies|passed\s+away|succumbed(?:\s+to\s+\w+\s+injuries)?|pronounced\s+dead)\s+(?:\w+\s+){0,1}(?:on\s+)?$",
    re.IGNORECASE)
"""A death right before the time ("died early Monday", "passed away on Friday"): in reports of a shooting the
victim often dies days later, and the day of the shooting is the event's."""
_POST = re.compile(r"\(@\w+\)\s*(?:on\s+)?$")
"""The handle that signs an embedded social-media post, right before its date ("— Jane Doe (@JaneDoeTV) March 25,
2017"): the day the post went up, often the morning after the event the story dates by its weekday."""
_NAMED_EVENT = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+){0,2}?(?:shootings?|murders?|killings?|homicides?|stabbing|attack|ambush|slaying|"
    r"gunfire|violence|double|triple|fatal|deadly|drive-by)\b", re.IGNORECASE)
"""A day that names the event by its day ("Wednesday's shooting", "Friday's triple murder", "after Sunday's
deadly shooting"): follow-up reports date their news (an arrest "today") and name the event this way."""
_SUBJECT_AFTER = re.compile(
    r"^\W{0,3}(?:(?:morning|afternoon|evening|night)\W{1,3})?(?:was|were|(?:has|have|had)\s+been|(?:is|are)\s+being)\s",
    re.IGNORECASE)
"""A verb right after the time: the time ends its subject ("a man shot to death at a bar early Sunday morning has been
released", "the boy killed Tuesday afternoon was identified", "the shooting death ... Thursday is being
investigated"), and a step word after the verb is not the time's: the time dates the subject's event."""
_RELATIVE = re.compile(
    r"^(?:(?:late|early)\s+)?(?:last\s+night|yesterday|today|tonight|overnight|this\s+(?:morning|afternoon|evening))",
    re.IGNORECASE)
"""A day named from the moment of speaking ("last night", "yesterday", "this morning"): in a quote, that moment is
the speaker's, often days before publication."""
_REPORT_DAY = re.compile(r"^(?:(?:earlier|later)\s+)?(?:today|tonight|this\s+(?:afternoon|evening))$", re.IGNORECASE)
"""The report's own day ("today", "tonight", "this afternoon"): follow-up reports date their news so ("three were
arrested today", "a vigil is planned tonight"), while the event itself is mostly named by its weekday or date."""
TRIGGER_REACH = 60
"""Characters either side of a time expression searched for a word of violence ("shot ... on Tuesday")."""
ADJACENT_REACH = 25
"""Characters either side, within the sentence, for a word of violence or procedure right next to a time."""
STAMP_CONTEXT = 40
"""Characters before a time expression searched for a page stamp ("Published", "Updated") or speech verb."""
STEP_REACH = 50
"""Characters before a time, cut at the sentence's start, searched for a step of justice (:data:`_STEP_BEFORE`);
at least :data:`ADJACENT_REACH` (the adjacent windows are cut from it)."""
SENTENCE_REACH = 200
"""Characters either side, cut at the sentence's ends, searched for a word of violence next to an old calendar
date: a follow-up report names the event's day once, in a long sentence ("accused of shooting ... at a Fairmont
Terrace apartment Jan. 7")."""


@dataclass(frozen=True)
class DateWeights:
    """How much a candidate time counts in :func:`event_date`, by what stands around it."""

    near: float = 2.0  # within ``window`` characters of an event span
    close: float = 1.5  # a word of violence within TRIGGER_REACH characters
    adjacent: float = 1.0  # ... and within ADJACENT_REACH, in the same sentence
    procedure: float = 2.5  # a word of court, arrest or funeral within ADJACENT_REACH, same sentence
    death: float = 1.5  # right after "died" / "passed away": a death that followed the injury
    named: float = 1.0  # the day names the event: "Wednesday's shooting"
    report_day: float = 2.0  # against "today" / "tonight" unless it names the event: the report's own day
    quoted: float = 2.0  # against a relative day inside a quote ("Yesterday started out ..."): the speaker's day
    inside: float = 2.0  # a day inside a winning week replaces it when it scores at most this much less (and > 0)
    post: float = 3.0  # against the date of an embedded post ("— Jane Doe (@JaneDoeTV) March 25, 2017")
    lead: float = 1.0  # starts in the first ``lead_chars`` characters
    day: float = 0.5  # day precision
    old_explicit_days: int = 366  # a calendar date next to violence may be this old (a follow-up report)


DATE_WEIGHTS = DateWeights()


def is_event_evidence(time: TimeExpr, text: str | None) -> bool:
    """Whether a time expression may date the event: not a bare clock time ("7:44 p.m." says the hour, not
    the day, nor does "9:45 PM EST"), not a bare number (an age: "Givens, 16,") or ordinal (a street: "23rd and
    Elm"), not a time counted from another moment of the story ("about two hours later"), not a page stamp
    ("Published Wednesday, March 25", "Posted: Monday, March 7, 2016 8:15 PM"), not the day something was said
    ("police said Monday", "said at Sunday's briefing"), not the start or end of a period ("since Monday"). A day
    with a clock time after a speech verb dates the event (:data:`_CLOCKED`: "police said around 9 p.m. Sunday
    they were called"), unless what was said follows it (:data:`_STATEMENT_AFTER`: "the ministry said at 6 p.m.
    Sunday that ...": the statement's hour)."""
    clean = " ".join(time.text.split())
    if (_CLOCK_ONLY.match(clean) or _NO_DATE_WORD.match(clean) or _NARRATIVE.search(clean)
            or _TIMESTAMP.search(clean) or not is_point_in_time(clean) or _street_ordinal(clean, time, text)):
        return False
    if text is None:
        return True
    possessive = time.end - 2 if clean[-2:] in ("'s", "’s") else time.end
    if _POSSESSIVE_STEP.match(text, possessive) or (
            _POSSESSIVE_OCCASION.match(text, possessive) and _another_occasion(time, text)):
        return False
    before = text[max(0, time.start - STAMP_CONTEXT):time.start]
    folded = before.lower()
    if _STAMP_KEYS.search(folded) and _STAMP.search(before):
        return False
    speech = _SPEECH_BEFORE.search(before) if _SPEECH_KEYS.search(folded) else None
    if speech is None:
        return True
    clocked = _CLOCKED.search(clean) is not None
    if not clocked and speech.group("at") is None:
        return False
    return not (clocked and _STATEMENT_AFTER.match(text, time.end))


def _another_occasion(time: TimeExpr, text: str) -> bool:
    """Whether the occasion a day's possessive names (:data:`_POSSESSIVE_OCCASION`) is not the event: led by "the
    eve of", "ahead of", "before", ... or with no word of violence in its sentence."""
    if _OCCASION_LEAD.search(text, max(0, time.start - 12), time.start):
        return True
    before, after = _sentence_window(text, time.start, time.end, SENTENCE_REACH, abbreviations=True)
    return not (_VIOLENCE.search(before) or _VIOLENCE.search(after))


def _street_ordinal(clean: str, time: TimeExpr, text: str | None) -> bool:
    """Whether a time expression is an ordinal alone that counts no day (:data:`_ORDINAL`): a street ("23rd and
    Elm", "on 23rd Street"); "the 27th" and "on the 27th" are days, and so is an ordinal with a month named
    before it."""
    ordinal = _ORDINAL.match(clean)
    if ordinal is None:
        return False
    if text is None:
        return ordinal.group("the") is None
    if _NAME_AFTER.match(text, time.end):
        return True
    before = text[max(0, time.start - ORDINAL_MONTH_REACH):time.start]
    led = ordinal.group("the") is not None or _ORDINAL_LEAD.search(before) is not None
    return not (led or _ORDINAL_MONTH.search(before))


_MONTH_NUMBER = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _ordinal_in_month(time: TimeExpr, day: date, published: date | None, text: str) -> date | None:
    """The day of a bare ordinal ("resumed on the 27th") in the month named last before it ("Fighting broke out on
    September 25 ... resumed on the 27th" is September 27, whatever the publication month), the year before when
    that would fall after publication; the parser's day when no month is named (with a capital) within
    :data:`ORDINAL_MONTH_REACH`; ``None`` (no evidence) when that month has no such day."""
    start = max(0, time.start - ORDINAL_MONTH_REACH)
    months = [m for m in _ORDINAL_MONTH.finditer(text, start, time.start) if text[m.start()].isupper()]
    if not months:
        return day
    month = _MONTH_NUMBER[months[-1].group(0)[:3].lower()]
    try:
        found = date(published.year if published else day.year, month, day.day)
        if published is not None and found > published:
            found = found.replace(year=found.year - 1)
    except ValueError:  # "the 31st" of September, "the 29th" of a February
        return None
    return found


def statement_day(time: TimeExpr, text: str) -> bool:
    """Whether ``time`` is the day something was said ("police said Monday", "the sheriff's office confirmed on
    Friday"): not event evidence (:func:`is_event_evidence`), but a bound on the event, which came before the
    statement and, in local news, mostly on the same day."""
    clean = " ".join(time.text.split())
    if (time.precision != "day" or _CLOCK_ONLY.match(clean) or _NO_DATE_WORD.match(clean)
            or _TIMESTAMP.search(clean) or not is_point_in_time(clean)):
        return False
    before = text[max(0, time.start - STAMP_CONTEXT):time.start]
    return bool(_SAID_BEFORE.search(before)) and not _STAMP.search(before)


_ABBREVIATIONS = frozenset((
    "St", "Ave", "Rd", "Dr", "Blvd", "Hwy", "Mt", "Ft", "Mr", "Mrs", "Ms", "Jr", "Sr", "Sgt", "Lt", "Det", "Capt",
    "Gov", "Rep", "Sen", "No", "Co", "Inc", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"))
"""Words that end with an abbreviation's period, not a sentence's ("E. 55th St. near Lenox Road", "Jan. 7"), with
single capitals (initials, "D.C.")."""


def _abbreviated(text: str, dot: int) -> bool:
    """Whether the period at ``text[dot]`` ends an abbreviation (:data:`_ABBREVIATIONS`, a single capital)."""
    near = max(0, dot - 5)  # no abbreviation is longer than four letters
    start = max(text.rfind(" ", near, dot), text.rfind(".", near, dot)) + 1
    if start == 0 and near > 0:
        return False
    word = text[start:dot]
    return (len(word) == 1 and word.isupper()) or word in _ABBREVIATIONS


def _sentence_end(text: str) -> int:
    """Index of the last sentence end of ``text`` (". " after no abbreviation, or a line break); -1 when none."""
    line = text.rfind("\n")
    dot = text.rfind(". ")
    while dot > line and _abbreviated(text, dot):
        dot = text.rfind(". ", 0, dot)
    return max(dot, line)


def _sentence_start(text: str) -> int:
    """Index of the first sentence end (as :func:`_sentence_end`) of ``text``; -1 when none."""
    line = text.find("\n")
    dot = text.find(". ")
    while dot >= 0 and (line < 0 or dot < line) and _abbreviated(text, dot):
        dot = text.find(". ", dot + 1)
    stops = [i for i in (dot, line) if i >= 0]
    return min(stops) if stops else -1


def _sentence_window(text: str, start: int, end: int, reach: int, *,
                     abbreviations: bool = False) -> tuple[str, str]:
    """Up to ``reach`` characters before and after ``text[start:end]``, cut at sentence ends; with
    ``abbreviations``, not at the period of an abbreviation (:data:`_ABBREVIATIONS`: slower, read only for the long
    windows of old calendar dates)."""
    before = text[max(0, start - reach):start]
    after = text[end:end + reach]
    if abbreviations:
        cut, stop = _sentence_end(before), _sentence_start(after)
        return before[cut + 1:] if cut >= 0 else before, after[:stop] if stop >= 0 else after
    cut = max(before.rfind(". "), before.rfind("\n"))
    before = before[cut + 1:] if cut >= 0 else before
    stops = [i for i in (after.find(". "), after.find("\n")) if i >= 0]
    return before, after[:min(stops)] if stops else after


def time_score(time: TimeExpr, text: str | None, event_spans: Sequence[tuple[int, int]], *, window: int,
               lead_chars: int, weights: DateWeights = DATE_WEIGHTS) -> float:
    """How strongly one candidate time dates the reported event (terms in :class:`DateWeights`)."""
    near = any(s - window <= time.start <= e + window for s, e in event_spans)
    score = weights.near * near + weights.lead * (time.start < lead_chars) + weights.day * (time.precision == "day")
    if text is None:
        return score
    close = bool(_VIOLENCE.search(text[max(0, time.start - TRIGGER_REACH):time.end + TRIGGER_REACH]))
    wide, after = _sentence_window(text, time.start, time.end, STEP_REACH)
    before, after = wide[-ADJACENT_REACH:], after[:ADJACENT_REACH]
    adjacent = close and bool(_VIOLENCE.search(before) or _VIOLENCE.search(after))  # within the close window
    procedure = bool(_PROCEDURE.search(before) or (_PROCEDURE.search(after) and not _SUBJECT_AFTER.match(after))
                     or (_STEP_WORD.search(wide) and _STEP_BEFORE.search(wide)))
    death = bool(_DEATH_BEFORE.search(before))
    possessive = time.text[-2:] if time.text.endswith(("'s", "’s")) else ""
    named = bool(_NAMED_EVENT.match(possessive + text[time.end:time.end + 40]))
    report_day = not named and _REPORT_DAY.match(time.text) is not None
    post = text.find("(@", max(0, time.start - STAMP_CONTEXT), time.start) >= 0 and _POST.search(
        text, max(0, time.start - STAMP_CONTEXT), time.start) is not None
    quoted = not report_day and _RELATIVE.match(time.text) is not None and _in_quote(text, time.start)
    return (score - weights.post * post + weights.close * close + weights.adjacent * adjacent
            - weights.procedure * procedure - weights.death * death + weights.named * named
            - weights.report_day * report_day - weights.quoted * quoted)


def _in_quote(text: str, start: int) -> bool:
    """Whether ``start`` lies inside a quotation opened earlier in its paragraph: an open curly quote not yet
    closed, or a straight mark that opens (after a space or the line's start, before a word) not closed since (a
    mark after a word or punctuation closes an open quote and otherwise opens nothing: an inch mark, "5'10\"")."""
    line = text.rfind("\n", 0, start) + 1
    if text.count("“", line, start) > text.count("”", line, start):
        return True
    inside = False
    at = text.find('"', line, start)
    while at >= 0:
        before = text[at - 1] if at > line else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if before.isspace() or before in "([":
            inside = inside or after.isalnum()
        elif inside:
            inside = False
        at = text.find('"', at + 1, start)
    return inside


def _in_age(time: TimeExpr, day: date, published: date | None, text: str | None, max_age_days: int,
            weights: DateWeights) -> bool:
    """The candidate lies from ``max_age_days`` before publication up to the publication day; a calendar date
    with a word of violence in its sentence may be ``old_explicit_days`` old (follow-up reports of arrests and
    pleas name the shooting's day)."""
    if published is None:
        return True
    age = (published - day).days
    if 0 <= age <= max_age_days:
        return True
    if not (max_age_days < age <= weights.old_explicit_days) or text is None or not _EXPLICIT.search(time.text):
        return False
    before, after = _sentence_window(text, time.start, time.end, SENTENCE_REACH, abbreviations=True)
    return bool(_VIOLENCE.search(before) or _VIOLENCE.search(after))


_DAYLESS = re.compile(
    r"^(?:(?:at|around|about|just|shortly|before|after|in)\s+)*(?:the\s+|an?\s+)?(?:(?:early|late|wee)[\s-]+)?"
    r"(?:(?:morning|afternoon|evening|night)[\s-]+)?(?:hours|noon|midnight|dawn|daybreak|morning|night)$",
    re.IGNORECASE)
"""A part of the day that names no day ("the early morning hours", "just after midnight"): the resolver gives it
the publication day."""
_PART_OF = re.compile(r"(?:,?\s+(?:of|on)\s+|,?\s+)$", re.IGNORECASE)
"""What joins a part of the day to the day it belongs to: "the early morning hours of July 31", "midnight Sunday"."""


def _dated_parts(times: Sequence[TimeExpr], text: str | None) -> Sequence[TimeExpr]:
    """``times`` with each part of the day that names no day (:data:`_DAYLESS`) dated by the time expression
    right after it ("the early morning hours of New Year's Day" is New Year's Day, not the publication day)."""
    if text is None:
        return times
    out = list(times)
    for i, (part, then) in enumerate(pairwise(times)):
        if (0 < then.start - part.end <= 4 and then.date and _PART_OF.match(text[part.end:then.start])
                and _DAYLESS.match(" ".join(part.text.split()))):
            out[i] = TimeExpr(text=part.text, start=part.start, end=part.end, date=then.date, precision=then.precision)
    return out


def day_scores(times: Sequence[TimeExpr], published_at: str | None, *,
               event_spans: Sequence[tuple[int, int]] = (), window: int = 300, lead_chars: int = 400,
               max_age_days: int = 31, text: str | None = None,
               weights: DateWeights = DATE_WEIGHTS) -> dict[tuple[date, DatePrecision], float]:
    """Each candidate day (or week) of :func:`event_date` with the best :func:`time_score` of its mentions."""
    published = parse_published(published_at)
    best: dict[tuple[date, DatePrecision], float] = {}
    for time in _dated_parts(times, text):
        day = date.fromisoformat(time.date) if time.date else None
        if day is not None and text is not None and _ORDINAL.match(" ".join(time.text.split())):
            day = _ordinal_in_month(time, day, published, text)
        if day is None or time.precision not in ("day", "week") or not is_event_evidence(time, text):
            continue
        if not _in_age(time, day, published, text, max_age_days, weights):
            continue
        key: tuple[date, DatePrecision] = (day, time.precision)
        score = time_score(time, text, event_spans, window=window, lead_chars=lead_chars, weights=weights)
        best[key] = max(score, best.get(key, score))
    return best


def event_date(times: Sequence[TimeExpr], published_at: str | None, *,
               event_spans: Sequence[tuple[int, int]] = (), window: int = 300, lead_chars: int = 400,
               max_age_days: int = 31, text: str | None = None,
               weights: DateWeights = DATE_WEIGHTS) -> tuple[str | None, DatePrecision | None]:
    """The date of the reported event and its precision.

    Rule: candidates are day- and week-precision times dated from ``max_age_days`` before publication up to
    the publication day (older dates are background: "the 2020 war"; a calendar date within a sentence of a
    word of violence may be up to ``weights.old_explicit_days`` old: a follow-up report of a plea names the
    shooting's "June 3", however long its sentence) that :func:`is_event_evidence` accepts (with ``text``,
    page stamps and speech dates are left out). Each scores by :func:`time_score`: near an event span
    (sentences with casualty figures or event triggers), a word of violence nearby and right next to it, in the
    lead, day precision; a word of
    court, arrest, funeral, investigation or the victim's condition right next to it ("pleaded guilty
    Thursday", "in critical condition Tuesday") counts against it, and so does a death right before it ("died
    early Monday": the victim of a shooting often dies days later); a day that names the event ("Wednesday's
    shooting") counts for it, the report's own day ("today", "tonight": follow-ups date their news so) against
    it. The best day wins (:func:`day_scores`), ties going to the earlier day: an event comes before its
    follow-ups (a death in hospital, an arrest, a hearing); a day beats a week of the same score, and a winning
    week gives way to the best day candidate inside it ("an accidental shooting last week" beside "at about 11 p.m.
    Jan. 3": the day is the more precise statement of the same time). With no
    candidate the event is placed in the week up to publication: ``(publication date - 6 days, "week")``, a
    window rather than a claim that it happened that day. Without a publication date the best day-precision
    time, if any, is returned.
    """
    best = day_scores(times, published_at, event_spans=event_spans, window=window, lead_chars=lead_chars,
                      max_age_days=max_age_days, text=text, weights=weights)
    if best:
        day, precision = max(best, key=lambda k: (best[k], k[1] == "day", -k[0].toordinal()))
        floor = best[day, precision] - weights.inside
        inside = [k for k in best if k[1] == "day" and precision == "week" and 0 <= (k[0] - day).days <= 6
                  and best[k] >= max(floor, 0.0)]
        if inside:  # "last week" beside "Thursday" of that week: the day says more
            day, precision = max(inside, key=lambda k: (best[k], -k[0].toordinal()))
        return day.isoformat(), precision
    published = parse_published(published_at)
    if published is None:
        return None, None
    return (published - timedelta(days=6)).isoformat(), "week"


@Language.factory(
    FACTORY,
    default_config={"labels": ["DATE", "TIME"], "extra_patterns": True, "keep_years": False},
    requires=["doc.ents"],
    assigns=["doc._.times"],
)
def make_dates(nlp: Language, name: str, *, labels: list[str], extra_patterns: bool,
               keep_years: bool) -> DateResolver:
    return DateResolver(labels=labels, extra_patterns=extra_patterns, keep_years=keep_years)
