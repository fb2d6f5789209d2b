"""``rashomon_dates_v1`` (issue name ``rashomon.dates.v1``): time expressions resolved against publication.

The component reads spaCy's DATE and TIME entities plus the weekday and relative expressions the NER
misses ("on Wednesday", "yesterday", "last night", "6PM"), resolves each against ``doc._.published_at``
(an ISO 8601 string the caller sets) and writes ``doc._.times``, a list of
:class:`rashomon.records.TimeExpr` in text order. Rules, in :func:`resolve`:

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
* everything else goes to ``dateparser`` with ``RELATIVE_BASE`` = publication time; its period gives the
  precision (day/week/month/year), ``date`` is the first day of the period (Monday for a week).

:func:`event_date` picks the date of the reported event from the list (rule in its docstring).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.errors import ConfigError, Errors
from rashomon.extract import extensions
from rashomon.records import DatePrecision, TimeExpr

FACTORY = "rashomon_dates_v1"
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
    r"^(?:(?P<rel>last|this|next|past|on|since|by|until|from|early|late)\s+)?"
    r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night|overnight))?$", re.IGNORECASE)
_SAME_DAY = re.compile(
    r"^(?:(?:earlier|later)\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today|"
    r"(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d{2}|noon|midnight|dawn|dusk)"
    r"(?:\s+(?:local time|gmt|utc|\w{2,4}\s+time))?)$", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"^(?:last\s+night|overnight|yesterday(?:\s+(?:morning|afternoon|evening))?)$",
                         re.IGNORECASE)
_MODIFIER = re.compile(r"^(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+",
                       re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b\d{4}\b")
_EXTRA = re.compile(
    r"\b(?:(?:last|this|next)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:yesterday|today|tonight|last night|this morning|this afternoon|this evening)\b"
    r"|\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
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
    clean = " ".join(text.split()).strip(" ,.")
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


class DateResolver:
    """Finds and resolves the time expressions of a Doc; see the module docstring for the rules."""

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
        doc_text = doc.text  # spaCy rebuilds doc.text on every access: take it once
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
        """Character spans of the time expressions: entities, then extra matches that overlap none."""
        spans = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in self.labels]
        if self.extra_patterns:
            for found in _EXTRA.finditer(doc.text):
                if not any(s < found.end() and found.start() < e for s, e in spans):
                    spans.append((found.start(), found.end()))
        return sorted(spans)


_CLOCK_ONLY = re.compile(
    r"^(?:(?:at|about|around|approximately|just|shortly|before|after|roughly|near|\s)+)?"
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|hours|hrs\.?)?(?:\s+(?:local time|\w{2,4}\s+time))?\W*$",
    re.IGNORECASE)
_NO_DATE_WORD = re.compile(r"^[\d\W]*$")
_STAMP = re.compile(
    r"(?:published|updated|posted|last\s+updated|modified|copyright|©|created|first\s+published)"
    r"\W{0,3}(?:on\W+)?(?:\w+\W+){0,2}$", re.IGNORECASE)
_SPEECH_BEFORE = re.compile(
    r"\b(?:since|until|throughout|said|says|told|announced|confirmed|stated|reported|released|identified|added)\s+(?:on\s+)?$",
    re.IGNORECASE)
_VIOLENCE = re.compile(
    r"\b(?:shot|shoot\w*|gunfire|gunshots?|gunman|fired|killed|killing|died|dead|death|murder\w*|wounded|"
    r"injured|stabb\w*|attack\w*|clash\w*|explosion|blast|bomb\w*|struck|hit|homicide|slain|opened fire)\b",
    re.IGNORECASE)
TRIGGER_REACH = 60
"""Characters either side of a time expression searched for a word of violence ("shot ... on Tuesday")."""
STAMP_CONTEXT = 40
"""Characters before a time expression searched for a page stamp ("Published", "Updated") or speech verb."""


def is_event_evidence(time: TimeExpr, text: str | None) -> bool:
    """Whether a time expression may date the event: not a bare clock time ("7:44 p.m." says the hour, not
    the day), not a bare number (an age: "Givens, 16,"), not a page stamp ("Published Wednesday, March 25"),
    not the day something was said ("police said Monday"), not the start or end of a period ("since Monday")."""
    clean = " ".join(time.text.split())
    if _CLOCK_ONLY.match(clean) or _NO_DATE_WORD.match(clean) or not is_point_in_time(clean):
        return False
    if text is None:
        return True
    before = text[max(0, time.start - STAMP_CONTEXT):time.start]
    return not (_STAMP.search(before) or _SPEECH_BEFORE.search(before))


def event_date(times: Sequence[TimeExpr], published_at: str | None, *,
               event_spans: Sequence[tuple[int, int]] = (), window: int = 300, lead_chars: int = 400,
               max_age_days: int = 31, text: str | None = None,
               close_weight: float = 1.5) -> tuple[str | None, DatePrecision | None]:
    """The date of the reported event and its precision.

    Rule: candidates are day- and week-precision times dated from ``max_age_days`` before publication up to
    the publication day (older dates are background: "the 2020 war") that :func:`is_event_evidence` accepts
    (with ``text``, page stamps and speech dates are left out). Each scores 2 when it lies within ``window``
    characters of an event span (sentences with casualty figures or event triggers), ``close_weight`` when
    a word of violence lies within :data:`TRIGGER_REACH` characters ("shot ... Saturday"), 1 when it starts
    in the first ``lead_chars`` characters, and 0.5 for day precision; the best wins, ties going to the earlier
    mention. With no candidate the event is placed in the week up to publication:
    ``(publication date - 6 days, "week")``, a window rather than a claim that it happened that day.
    Without a publication date the first day-precision time, if any, is returned.
    """
    published = parse_published(published_at)
    scored = []
    for order, time in enumerate(times):
        day = date.fromisoformat(time.date) if time.date else None
        if day is None or time.precision not in ("day", "week") or not is_event_evidence(time, text):
            continue
        if published and not (0 <= (published - day).days <= max_age_days):
            continue
        near = any(s - window <= time.start <= e + window for s, e in event_spans)
        close = text is not None and bool(_VIOLENCE.search(
            text[max(0, time.start - TRIGGER_REACH):time.end + TRIGGER_REACH]))
        score = 2.0 * near + close_weight * close + 1.0 * (time.start < lead_chars) + 0.5 * (time.precision == "day")
        scored.append((score, -order, time))
    if scored:
        best = max(scored, key=lambda item: (item[0], item[1]))[2]
        return best.date, best.precision
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
