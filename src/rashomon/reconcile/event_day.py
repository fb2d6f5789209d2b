"""The event's day, voted across its reports (the dossier's ``date``, ``date_precision``, ``date_source``).

Each report's own choice (:func:`rashomon.extract.dates.event_date`, stored in its analysis) and the other days
its text names as candidates back days, follow-ups published weeks later less; the day with the most support
wins (:func:`event_date`). Reports whose text dates nothing back the day their headline names (:func:`title_day`)
or the day their text says something was said (:func:`said_day`); without any day, the earliest publication day
stands at week precision.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from rashomon.extract.dates import (
    day_scores,
    extra_spans,
    is_event_evidence,
    parse_published,
    resolve,
    statement_day,
)
from rashomon.reconcile.evidence import Report
from rashomon.records import TimeExpr

TITLE_DAY_MAX_AGE = 31
"""A headline's day may be this many days before publication (as a time in the text, ``max_age_days``)."""
FULL_VOTE_SCORE = 3.0
"""A report's own day counts fully when its date score (:func:`rashomon.extract.dates.time_score`) reaches this: a
weekday or date next to the event's words; less for a day that only the report's news names (an arrest, "today")."""
MIN_VOTE = 0.25
"""The least a report's own day counts (a day whose every mention stands next to court, arrest or funeral words)."""
FOLLOW_UP_DAYS = 30
"""A report published more than this many days after the event's first report is a follow-up (:func:`late_factor`)."""
FOLLOW_UP_VOTE = 0.5
"""What a follow-up's support counts, times its :func:`vote_weight`."""


def event_date(reports: Sequence[Report]) -> tuple[str | None, str | None, str]:
    """``(date, precision, source)``: the day with the most support across reports (earliest on a tie);
    without any report dating the event to a day, the earliest publication date at week precision (reports
    follow events within days, most often the same day: on GVA's local reports that day is the event's day
    more often than any week-precision date a report resolved, such as its own fallback to the week before
    publication).

    Support (:func:`day_support`): each report that dates the event to a day gives its own day 1, and every
    other day it names as a candidate the candidate's score relative to its best one, so a report that hesitates
    between two days ("shot late Friday ... police said Saturday") still backs the other reports' day; both count
    by the score of the report's own day (:func:`vote_weight`), and half for a report published more than a month
    after the first one (:func:`late_factor`). A report whose text dates nothing to a day backs the day its
    headline names, if any (:func:`title_day`), else the day its text says something was said (:func:`said_day`).
    """
    support = day_support(reports)
    if support:
        date = min(support, key=lambda day: (-support[day], day))
        return date, "day", "reports"
    published = sorted(r.article.published_at[:10] for r in reports if r.article.published_at)
    return (published[0], "week", "published_at") if published else (None, None, "none")


def day_support(reports: Sequence[Report]) -> dict[str, float]:
    """Day -> support summed over the reports that date the event to a day (see :func:`event_date`)."""
    support: dict[str, float] = defaultdict(float)
    published = [when for report in reports if (when := parse_published(report.article.published_at)) is not None]
    first = min(published, default=None)
    for report in reports:
        analysis = report.analysis
        if analysis is None or not analysis.event_date or analysis.event_date_precision != "day":
            bound = title_day(report) or said_day(report)
            if bound is not None:
                support[bound] += 1.0
            continue
        raw = {day.isoformat(): score for (day, precision), score in day_scores(
            analysis.times, report.article.published_at, event_spans=analysis.event_spans(),
            text=report.article.text).items()
            if precision == "day"}
        weight = vote_weight(raw.get(analysis.event_date)) * late_factor(report, first)
        scores = {day: max(score, 0.0) for day, score in raw.items()}
        top = max(scores.values(), default=0.0)
        for day, score in scores.items():
            if day != analysis.event_date and top > 0:
                support[day] += weight * min(score / top, 1.0)
        support[analysis.event_date] += weight
    return dict(support)


def vote_weight(score: float | None) -> float:
    """How much a report's support counts, by the date score of its own day: ``score / FULL_VOTE_SCORE``, between
    :data:`MIN_VOTE` and 1 (1 when the score is unknown). Follow-ups published days or weeks later date their own
    news (an arrest "Monday", a plea) with low scores; several of them should not outvote the first report's
    "early Sunday morning" next to the shooting (GVA odd ids: gold clusters 0.8677 -> 0.8706)."""
    if score is None:
        return 1.0
    return max(MIN_VOTE, min(1.0, score / FULL_VOTE_SCORE))


def late_factor(report: Report, first: date | None) -> float:
    """:data:`FOLLOW_UP_VOTE` for a report published more than :data:`FOLLOW_UP_DAYS` after ``first`` (the earliest
    publication among the event's reports), else 1. Months later a plea, a charge or an anniversary names its own
    day, and the reports of it often outnumber the first one (two reports of a plea months later against the one
    report of the shooting); a follow-up that names the event's day still backs it (GVA, odd ids: system
    clusters +3 incidents, 5 right and 2 lost, gold clusters +3; even 0 and 0)."""
    day = parse_published(report.article.published_at)
    if first is None or day is None or (day - first).days <= FOLLOW_UP_DAYS:
        return 1.0
    return FOLLOW_UP_VOTE


def title_day(report: Report) -> str | None:
    """The day the report's headline names ("Gang activity suspected in Thursday night shooting", "Toddler hurt
    in Christmas Day shooting"), resolved against the publication date as in the text; ``None`` when it names
    none within :data:`TITLE_DAY_MAX_AGE` days before publication (clock times, ages and page stamps are no
    days: :func:`rashomon.extract.dates.is_event_evidence`). Read only for reports whose text dates nothing
    (pages of which little more than the headline was kept): where the text dates the event, its choice is
    more often right than the headline's day (GVA, odd ids: 70 against 63 of 84 reports with both)."""
    title = report.article.title
    published = parse_published(report.article.published_at)
    if not title or published is None:
        return None
    for start, end in extra_spans(title, []):
        day, precision = resolve(title[start:end], published)
        mention = TimeExpr(text=title[start:end], start=start, end=end, precision=precision,
                           date=day.isoformat() if day else None)
        if (day is not None and precision == "day" and 0 <= (published - day).days <= TITLE_DAY_MAX_AGE
                and is_event_evidence(mention, title)):
            return day.isoformat()
    return None


def said_day(report: Report) -> str | None:
    """The earliest day on which the text says something was said about the event ("police said Monday"), at
    most :data:`TITLE_DAY_MAX_AGE` days before publication (:func:`rashomon.extract.dates.statement_day`); read
    only for reports whose text and headline date nothing to a day. The statement follows the event, in local
    news mostly on its day (GVA, odd ids: the event's day for 11 of 17 such reports, the publication day for
    5)."""
    published = parse_published(report.article.published_at)
    if report.analysis is None or published is None:
        return None
    days = [day for time in report.analysis.times if statement_day(time, report.article.text)
            and (day := parse_published(time.date)) is not None and 0 <= (published - day).days <= TITLE_DAY_MAX_AGE]
    return min(days).isoformat() if days else None
