"""Time expressions resolved against the publication date (:func:`resolve`), and where the text holds them
(:func:`extra_spans`, :func:`with_month`): the resolution half of :mod:`rashomon.extract.dates`. Rules:


* durations, ages, bare years and decades are not points in time and are dropped ("three days",
  "19-year-old", "the 2020 ceasefire", "the 1990s"); without a publication time relative expressions
  stay in the list unresolved (``date=None``);
* a weekday is the most recent such day on or before the publication date ("on Tuesday" in a report of
  Wednesday 2022-08-03 is 2022-08-02; "on Wednesday" is the publication day); "last <weekday>" is strictly
  before it, "next <weekday>" strictly after;
* a time of day ("6PM local time", "this morning", "tonight") is the publication day; "last night" the day
  before;
* a day and month without a year ("on 3 August") takes the publication year, or the year before when
  that would put it more than :data:`FUTURE_SLACK_DAYS` after publication;
* an expression no rule reads whole that holds exactly one calendar date or weekday ("the early hours of Saturday
  morning", "a little after 4:40 p.m. Saturday", "Sunday night's", "this past Sunday") is that day, and so is
  one naming a weekday that ``dateparser`` put on another weekday ("three Saturday night"); spans, lists and
  nights across two days are not (:func:`_core`);
* a weekday with a month and no day of the month ("a Saturday night in July") is that month, at month precision;
* everything else goes to ``dateparser`` with ``RELATIVE_BASE`` = publication time; its period gives the
  precision (day/week/month/year), ``date`` is the first day of the period (Monday for a week).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from rashomon.records import DatePrecision

FUTURE_SLACK_DAYS = 31
"""A yearless date more than this many days after publication is taken to be in the previous year."""

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER = (r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|a few|"
           r"many|some|couple of|a couple of|dozens of|hundreds of)")
_DURATION = re.compile(
    rf"^(?:the\s+)?(?:(?:just|only|about|nearly|almost|over|more than|less than|at least|up to|some|past|last|next|"
    rf"first|previous|following)\s+)*(?:{_NUMBER}[\s-]*(?:full\s+)?(?:second|minute|hour|day|night|week|"
    r"month|year|decade|century)s?|(?:seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries))"
    r"(?:[\s-]+(?:long|old))?$", re.IGNORECASE)
_AGE = re.compile(r"\b(?:year-old|years? old|years of age|aged?)\b", re.IGNORECASE)
_YEAR_OR_DECADE = re.compile(
    r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:\d{4}s?|'?\d0s|(?:the\s+)?(?:past|last)\s+decades?|decades?)$",
    re.IGNORECASE)
_WEEKDAY = re.compile(
    r"^(?:(?P<rel>last|this|next|past|on|since|by|until|from|early|late|earlier|later)\s+)?"
    r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night|overnight))?$", re.IGNORECASE)
_SAME_DAY = re.compile(
    r"^(?:(?:earlier|later|early|late)\s+)?(?:today|tonight|overnight|this\s+(?:morning|afternoon|evening)|earlier\s+today|"
    r"(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d{2}|noon|midnight|dawn|dusk)"
    r"(?:\s+(?:local time|gmt|utc|\w{2,4}\s+time))?)$", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"^(?:(?:late\s+)?last\s+night|yesterday(?:\s+(?:morning|afternoon|evening))?)$",
                         re.IGNORECASE)
_MODIFIER = re.compile(r"^(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+",
                       re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b\d{4}\b")
_CLOCK_LEAD = re.compile(
    r"^(?:(?:at|around|about|approximately|roughly|near|shortly|just|sometime|before|after|until)\s+)*"
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d{2}|noon|midnight)\s+(?:on\s+|of\s+)?(?=\w)(?![ap]\.?m\b)",
    re.IGNORECASE)
"""A clock time before a day ("around 10:30 p.m. Wednesday", "just after midnight Sunday"): the day dates it."""
_NO_CORE = re.compile(
    r"\b(?:to|through|thru|and|or|until|till|between|from|every|each|all|several|overnight|of\s+the\s+month|"
    r"days|weeks?|months?|years?|(?:mon|tues|wednes|thurs|fri|satur|sun)days|nights)\b|@|\d\s*[-–]\s*\d|\d/\d",
    re.IGNORECASE)
"""Words of a span, a list, a repetition or a counted time, a post's handle: no one day inside (:func:`_core`)."""
_CORE_DATE = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?",
    re.IGNORECASE)
_CORE_WEEKDAY = re.compile(
    r"(?:\b(?:last|this|next|past)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b", re.IGNORECASE)
_WEEKDAY_NAME = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_MONTH_NAME = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b", re.IGNORECASE)
_DAY_OF_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\b", re.IGNORECASE)
_FRAME = frozenset((
    "the", "of", "on", "at", "in", "early", "late", "very", "wee", "hours", "this", "past", "sometime", "around",
    "about", "approximately", "roughly", "just", "shortly", "a", "little", "few", "minutes", "morning", "afternoon",
    "evening", "night", "dawn", "daybreak", "sunrise", "sunset", "dusk", "noon", "midnight", "o'clock", "'s",
    "earlier", "later", "day", "moments", "fifteen", "twenty", "thirty", "forty",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"))
"""The words that may stand around the one day of an expression no rule reads whole (:func:`_core`): parts of the
day, a clock time and its hedges ("around 3 o'clock", "a few minutes before 11 p.m."), "early", "late", "this
past", the possessive alone ("Sunday night's"). Any other word ("the following", "that", "the first", "the eve of",
"'s funeral", a month) says the day is another one, or another event's. "today" and a weekday may stand beside a
calendar date ("today, Monday, July 25, 2016")."""
_FRAME_CLOCK = re.compile(
    r"\d{1,2}(?:[:.]\d{2})?(?:[ap]\.?m)?|[ap]\.?m|noon|midnight|dawn|daybreak|sunrise|sunset|dusk", re.IGNORECASE)
"""A clock time or a moment of the day: what "before" or "after" may lead in the frame ("a little after 4:40 p.m.
Saturday", "before dawn Sunday"; not "after Saturday's shelling", "the Saturday before")."""
_FRAME_TOKEN = re.compile(r"'s\b|\d{1,2}[:.]\d{2}|[ap]\.m\b\.?|[\w']+")
"""A word of the frame; a clock's "p.m." glued to the next word is a word of its own ("12:36 a.m.on July 25")."""
_GLUED_AFTER = re.compile(
    r"\.(?=[A-Za-z])|,\s+(?=[A-Z][a-z]+\b)(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)")
"""Where the next sentence or clause glued to a day starts ("Aug. 6.Mancera", "February 21, Tyreek"): the
expression ends there."""
_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's eve": (12, 31),
    "new year's day": (1, 1), "halloween": (10, 31),
    "fourth of july": (7, 4), "july fourth": (7, 4), "independence day": (7, 4),
    "valentine's day": (2, 14), "valentines day": (2, 14),
}
"""Fixed-date holidays named in news (US Independence Day: the corpus of incidents is American; other
countries' national days are written as dates)."""
_HOLIDAY = re.compile(
    r"^(?:(?:on|last|this|early|late|the)\s+)*(?P<name>christmas(?:\s+(?:eve|day))?|new\s+years?'?s?\s+(?:eve|day)|"
    r"halloween|fourth\s+of\s+july|july\s+fourth|independence\s+day|valentine'?s\s+day|thanksgiving(?:\s+day)?)"
    r"(?:\s+(?:morning|afternoon|evening|night))?$", re.IGNORECASE)
_EXTRA = re.compile(
    r"\b(?:(?:last|this|next)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:yesterday|today|tonight|last night|this morning|this afternoon|this evening)\b"
    r"|\b(?:christmas(?:\s+(?:eve|day))?|new\s+year'?s\s+(?:eve|day)|halloween|thanksgiving(?:\s+day)?|"
    r"fourth\s+of\s+july|july\s+fourth|independence\s+day|valentine'?s\s+day)\b"
    r"|\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?!:)"
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?!:)", re.IGNORECASE)
_PERIODS: dict[str, DatePrecision] = {"day": "day", "week": "week", "month": "month", "year": "year",
                                      "time": "day", "part_of_day": "day"}


def parse_published(published_at: str | None) -> date | None:
    """The publication date of an ISO 8601 date or datetime string (``None`` when absent or invalid)."""
    if not published_at:
        return None
    try:
        return datetime.fromisoformat(published_at.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def is_point_in_time(text: str) -> bool:
    """False for durations, ages, bare years and decades: they do not date an event."""
    clean = text.strip()
    return not (_DURATION.match(clean) or _AGE.search(clean) or _YEAR_OR_DECADE.match(clean))


def resolve(text: str, published: date | None) -> tuple[date | None, DatePrecision | None]:
    """Date and precision of one expression, relative to the publication date (rules in module doc)."""
    clean = " ".join(text.replace("’", "'").split()).strip(" ,.")
    found = _resolve_clean(clean, published)
    lead = _CLOCK_LEAD.match(clean)
    if found[0] is None and lead and lead.end() < len(clean):
        found = _resolve_clean(clean[lead.end():], published)
    if published is None:
        return _weekday_in_month(clean, *found)
    if found[0] is None or _weekday_missed(clean, found[0], found[1], published):
        core = _core(clean)
        if core is not None and core != clean:
            return _resolve_clean(core, published)
    return _weekday_in_month(clean, *found)


_DAY_NUMBER = re.compile(r"(?<![:\d])\b\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?::|[ap]\.?m\b|o'clock))", re.IGNORECASE)
"""A number that may be a day of the month ("July 4", "the 4th"), not a clock time ("9 p.m.", "11:30")."""


def _weekday_in_month(clean: str, day: date | None,
                      precision: DatePrecision | None) -> tuple[date | None, DatePrecision | None]:
    """A weekday with a month and no day of the month ("a Saturday night in July", "on a Saturday in March") is
    that month, at month precision: the parser's day is neither that weekday nor a day the text names."""
    if (day is None or precision != "day" or "day" not in clean.lower() or not _MONTH_NAME.search(clean)
            or not _WEEKDAY_NAME.search(clean) or _DAY_NUMBER.search(clean)):
        return day, precision
    return day.replace(day=1), "month"


def _core(clean: str) -> str | None:
    """The one day inside an expression the rules do not read whole ("the early morning hours of Saturday", "a
    little after 3:15 p.m. Saturday", "Sunday night's", "this past Sunday", "the very early hours of June 19,
    2015", "three Saturday night"): its calendar date, else its weekday, where every other word is of its frame
    (:data:`_FRAME`: parts of the day, clock times, "early", "late"; a weekday beside a calendar date); ``None``
    for a span, a list, a repetition or a night across two days ("Friday through Sunday", "Saturday and Sunday",
    "Friday nights", "the first Sunday of the month", "overnight Friday"), a time counted in days or weeks ("April
    18, two days later"), a post's handle, more than one day, and a day other words move or make another
    event's ("the following Saturday", "the Saturday before last", "that Saturday", "a Saturday night in July",
    "Saturday's funeral", "on the eve of Saturday's vote")."""
    if _NO_CORE.search(clean):
        return None
    dates = list(_CORE_DATE.finditer(clean))
    if len(dates) == 1:
        core = dates[0]
    elif dates:
        return None
    else:
        days = list(_CORE_WEEKDAY.finditer(clean))
        if len(days) != 1:
            return None
        core = days[0]
    before = "" if core.start() and clean[core.start() - 1].isalnum() else clean[:core.start()]  # "DriveTuesday"
    after = clean[core.end():]
    glued = _GLUED_AFTER.search(after)
    if glued:
        after = after[:glued.start()]
    framed = _framed(_FRAME_TOKEN.findall(before), weekday_ok=bool(dates), leads_core=True)
    if framed and _framed(_FRAME_TOKEN.findall(after), weekday_ok=bool(dates), leads_core=False):
        return core.group(0)
    return None


_BESIDE_DATE = frozenset((*WEEKDAYS, "today"))


def _framed(tokens: list[str], *, weekday_ok: bool, leads_core: bool) -> bool:
    """Whether the words on one side of an expression's day are all of its frame (:data:`_FRAME`); "before" and
    "after" only before a clock time, and no article right before the day ("the Saturday before", "a Saturday")."""
    words = [token.lower().rstrip(".") for token in tokens]
    if leads_core and words and words[-1] in ("the", "a"):
        return False
    for index, word in enumerate(words):
        if word in ("before", "after"):
            if index + 1 >= len(words) or not _FRAME_CLOCK.fullmatch(words[index + 1]):
                return False
        elif not (word in _FRAME or _FRAME_CLOCK.fullmatch(word) or (weekday_ok and word in _BESIDE_DATE)):
            return False
    return True


def _weekday_missed(clean: str, day: date | None, precision: DatePrecision | None, published: date) -> bool:
    """Whether an expression that names one weekday and no month was read as a day of another weekday, or, naming
    no day of the month either, as a day more than a week from publication ("three Saturday night" read as a
    Saturday in March); an expression naming a month stays as written (a calendar date beside a weekday it does not
    fall on: the writer's slip may be either; "a Saturday night in July" is its month, :func:`_weekday_in_month`)."""
    if day is None or precision != "day" or "day" not in clean.lower() or _MONTH_NAME.search(clean):
        return False  # every weekday's name ends in "day": a cheap test first
    names = {name.lower() for name in _WEEKDAY_NAME.findall(clean)}
    if len(names) != 1:
        return False
    if day.weekday() != WEEKDAYS.index(names.pop()):
        return True
    return abs((day - published).days) > 7 and not _DAY_OF_MONTH.search(clean)


def _resolve_clean(clean: str, published: date | None) -> tuple[date | None, DatePrecision | None]:
    holiday = _HOLIDAY.match(clean)
    if holiday:
        return _holiday(holiday.group("name"), published), "day"
    weekday = _WEEKDAY.match(clean)
    if weekday:
        return _weekday(weekday.group("day"), weekday.group("rel"), published), "day"
    if _SAME_DAY.match(clean):
        return published, "day"
    if _DAY_BEFORE.match(clean):
        return (published - timedelta(days=1) if published else None), "day"
    if published is None:
        return None, None
    return _dateparser(_MODIFIER.sub("", clean), published)


def _holiday(name: str, published: date | None) -> date | None:
    """The latest such holiday up to :data:`FUTURE_SLACK_DAYS` after publication (Thanksgiving: the US
    fourth Thursday of November)."""
    if published is None:
        return None
    key = re.sub(r"^new years?'?s?", "new year's", " ".join(name.lower().split()))
    day = _holiday_in(key, published.year)
    if (day - published).days > FUTURE_SLACK_DAYS:
        day = _holiday_in(key, published.year - 1)
    return day


def _holiday_in(key: str, year: int) -> date:
    if key.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    month, day = _HOLIDAYS[key if key in _HOLIDAYS else key.replace("'", "")]
    return date(year, month, day)


def _weekday(name: str, relation: str | None, published: date | None) -> date | None:
    if published is None:
        return None
    back = (published.weekday() - WEEKDAYS.index(name.lower())) % 7
    relation = (relation or "").lower()
    if relation == "next":
        return published + timedelta(days=(7 - back) or 7)
    if relation in ("last", "past") and back == 0:
        back = 7
    return published - timedelta(days=back)


def _dateparser(text: str, published: date) -> tuple[date | None, DatePrecision | None]:
    data = _parser(published).get_date_data(text)
    if data.date_obj is None or data.period not in _PERIODS:
        return None, None
    found: date = data.date_obj.date()
    precision = _PERIODS[data.period]
    if precision == "week":
        found -= timedelta(days=found.weekday())
    elif precision == "month":
        found = found.replace(day=1)
    elif precision == "year":
        found = found.replace(month=1, day=1)
    if precision == "day" and not _HAS_YEAR.search(text) and (found - published).days > FUTURE_SLACK_DAYS:
        found = _year_before(found)
    return found, precision


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@lru_cache(maxsize=64)
def _parser(published: date) -> Any:
    from dateparser.date import DateDataParser

    base = datetime(published.year, published.month, published.day, 12, 0)
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True})


_MONTH_BEFORE = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?\s{1,2}$", re.IGNORECASE)


def with_month(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of an entity that starts with the day of a calendar date whose month the NER left out ("9, 2013"
    of "Saturday, Feb. 9, 2013": the abbreviation's period ends a sentence for the parser), stretched back over
    the month; other spans unchanged. Without the month "9, 2013" reads as September 2013."""
    if start == 0 or not text[start].isdigit():
        return start, end
    month = _MONTH_BEFORE.search(text, max(0, start - 12), start)
    return (month.start(), end) if month else (start, end)


def extra_spans(text: str, taken: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the weekday, relative-day, clock and holiday expressions of ``text`` (which the NER often
    misses) that overlap none of ``taken``."""
    return [(found.start(), found.end()) for found in _EXTRA.finditer(text)
            if not any(s < found.end() and found.start() < e for s, e in taken)]
