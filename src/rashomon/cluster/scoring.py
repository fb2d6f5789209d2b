"""The pairwise scoring rule: how alike two reports are, and whether they can be one event at all.

The score is a weighted sum of pair terms (``TERMS``: the term, its weight setting, its sign):

    score = w_sqrt_cosine * sqrt(cosine) + w_cosine * cosine          (TF-IDF; together a concave curve)
          + w_close_cosine * cosine  if their days lie at most close_days apart
          + w_name  if they share a rare proper name, + w_names_extra for each further one (two at most)
          - w_names_conflict if both name rare proper names and share none
          + w_rare  if they share a rare term (a word in 2..rare_max_df reports: surnames, streets)
          + w_rare_count * log(1 + shared rare terms)
          - w_rare_gap * gap   if they share a rare term (gap: the day-gap fraction below)
          + w_address if they share a street address or block ("the 400 block of Pecan Avenue")
          - w_address_conflict if both give street addresses and share none
          + w_age   if they share a stated age (neither stating more than age_max_stated: roundups list
                    many),  - w_age_conflict if both state ages and none agree
          + w_title * the cosine of the two headlines (stemmed words weighed by rarity, ``headlines.py``)
          - w_clock_conflict if both write clock times ("about 2 a.m.") and none lies within clock_minutes
          + w_street if they name the same street, - w_street_conflict if both name streets and share none
          - w_weekday_conflict if both leads name weekdays and share none ("Saturday night" / "Tuesday")
          + w_place if they share a reliable town or their event places lie within near_km
          + w_actor if they share a specific actor
          + w_killed if both state the same killed count above zero
          + w_date  if both have the same explicit day-precise event date, - w_date_conflict if they differ
          + w_close if their days lie at most close_days apart
          - w_figures if both give killed counts whose ranges do not overlap
          - w_type  if both have an event type and the types differ
          - w_gap * gap,  gap = min(days apart - window_days, 60) / 60 when more than window_days apart

A *fresh* report (its own explicit event day at most a day before its publication, under a headline that
names no step of justice) tells of a new incident. When the later of two reports is fresh and the two lie
beyond the date window both by their days and by their publication days, what they share of the place does
not count: a shared name counts only when written with an age ("Brandy Council, 34,": the story's people),
never when it is a street or part of a place name ("Grand Avenue", "Broad Ripple", "New Port"), and the
street bonus is dropped (a new shooting on the same street years later). The explanation lists them under
``not_counted``.

The weights are a logistic regression over these terms on the candidate pairs of odd GVA incident ids
(``scripts/fit_pair_score.py``), divided by the ``sqrt(cosine)`` weight; the linkage threshold is the
fitted intercept on that scale (an average score at the threshold is a 50 % chance of one incident).
Each term's contribution (weight x value) is listed in an explanation.

A pair is a *cannot-link* (never in one event, whatever the score) only on strong evidence: both have
explicit day-precise event dates more than ``max_event_day_gap`` apart and were published at most
``max_published_gap`` days apart (a follow-up published weeks later dates a later step), or both have a
reliable event town in one country, more than ``far_km`` apart, and neither report names a place near
the other's event town (nor that town's name, geocoded elsewhere), or the later report is fresh beyond the
date window (above) and the two share no person named with an age, no street address and no other rare
person's name, and the later report writes no words pointing back at an earlier incident (a death update,
"wounded on Sunday ... died", a rising death toll, a burial, "killed in the same attack", a remembrance,
"a year since the shelling"): a fresh report cannot tell of an
incident reported days before it happened, so what joined them was the place, the kind of shooting or the
wording, which many incidents share (a boy shot on a city's west side twice, a year apart). The
explanation gives the reason under ``cannot_link`` when a user's merge holds such a pair.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from rashomon.cluster.features import ArticleFeatures, haversine_km, is_street_name
from rashomon.cluster.headlines import headline_cosine
from rashomon.cluster.options import ClusterOptions
from rashomon.extract.date_resolve import WEEKDAYS

GAP_SPAN_DAYS = 60
MAX_EXTRA_NAMES = 2
"""Shared rare names beyond the first that each add ``w_names_extra``."""
MAX_LISTED_TERMS = 12
"""Shared rare terms listed in an explanation (the bonus is one, however many are shared)."""


def _ranges_overlap(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    a_hi = a[1] if a[1] is not None else 10**9
    b_hi = b[1] if b[1] is not None else 10**9
    return a[0] <= b_hi and b[0] <= a_hi


def cannot_link(a: ArticleFeatures, b: ArticleFeatures, options: ClusterOptions) -> str | None:
    """Why ``a`` and ``b`` cannot report one event, or ``None`` when they can (strong evidence only)."""
    if (
        a.day_precise
        and b.day_precise
        and a.day is not None
        and b.day is not None
        and abs(a.day - b.day) > options.max_event_day_gap
        and a.published is not None
        and b.published is not None
        and abs(a.published - b.published) <= options.max_published_gap
    ):
        return (
            f"event dates {a.date_iso} and {b.date_iso} are {abs(a.day - b.day)} days apart "
            f"in reports published {abs(a.published - b.published)} days apart"
        )
    later = _new_incident_later(a, b, options)
    if later is not None:
        return later
    if a.event_point and b.event_point and a.event_country and a.event_country == b.event_country:
        km = haversine_km(a.event_point, b.event_point)
        if km > options.far_km and _nowhere_near(a, b, options) and _nowhere_near(b, a, options):
            return f"event places are {km:.0f} km apart and neither report names a place near the other's"
    return None


def _nowhere_near(a: ArticleFeatures, b: ArticleFeatures, options: ClusterOptions) -> bool:
    """Whether ``b`` names no place near ``a``'s event place (nor the same toponym, geocoded elsewhere)."""
    assert a.event_point is not None
    if a.place_labels and a.place_labels[0] in b.place_names:
        return False
    return all(haversine_km(a.event_point, p) > options.far_km for p in b.town_points)


def _fresh(a: ArticleFeatures) -> bool:
    """Whether ``a`` tells of a new incident: its explicit event day is at most a day before its publication."""
    if a.justice_title or not a.day_precise or a.day is None or a.published is None:
        return False
    return 0 <= a.published - a.day <= 1


def fresh_later(a: ArticleFeatures, b: ArticleFeatures, options: ClusterOptions) -> bool:
    """Whether the report published later is fresh and dates its event beyond the date window after the
    other's, published beyond the window too (a day gap within one news cycle is a misread date)."""
    later, other = (a, b) if (a.published or 0) > (b.published or 0) else (b, a)
    if later.day is None or other.day is None or later.published is None or other.published is None:
        return False
    if later.day - other.day <= options.window_days or later.published - other.published <= options.window_days:
        return False
    return _fresh(later)


_EARLIER_EVENT = (
    r"(?:attack|shooting|shelling|strike|airstrike|bombing|blast|explosion|raid|ambush|incident|clash|"
    r"massacre|killing|stabbing|rampage)s?"
)
_DAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct"
    r"|Nov|Dec)[a-z]*\.? \d{1,2}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)"
)
_CASUALTY = r"(?:killed|dead|died|slain|victims?|soldiers?|servicem[ae]n|casualt\w*|lost (?:their|his|her) lives)"
_REFERS_BACK = re.compile(
    r"\b(?:wounded|injured|hurt) in (?:the|that|last \w+'s|\w+day's) [^.;]{0,60}?\b(?:died|dies|has died)\b"
    r"|\b(?:died|dies|succumbed|has died)\b[^.;]{0,40}?\b(?:of|from|to) (?:(?:his|her|their) )?(?:wounds|injuries) "
    r"(?:sustained|suffered|received)\b"
    rf"|\b(?:wounded|injured) (?:on|last) {_DAY}\b[^.;]{{0,80}}?\b(?:died|dies|has died|succumbed)\b"
    r"|\b(?:days|weeks|months) after (?:being|he was|she was|they were) (?:shot|wounded|injured)\b"
    r"|\bdeath toll\b[^.;]{0,80}?\b(?:rises|rose|risen|climbs|climbed|has climbed|increased|has increased)\b"
    rf"|\b(?:buried|funerals?|laid to rest)\b[^.;]{{0,80}}?\b{_CASUALTY}\b"
    rf"|\b{_CASUALTY}\b[^.;]{{0,80}}?\b(?:(?:were|was) buried|funerals?|laid to rest)\b"
    rf"|\b(?:in|during) the same {_EARLIER_EVENT}\b"
    r"|\banniversary\b"
    rf"|\b(?:a|one|two|three|four|five|\d+) (?:years?|months?) (?:since|after) the (?:\w+ )?{_EARLIER_EVENT}\b",
    re.IGNORECASE,
)
"""Words by which a report points back at an earlier incident: a death update ("wounded in the shelling
near Berd, died", "died on Wednesday of wounds sustained in the shelling", "wounded on Sunday near Berd,
died in hospital", "killed in the same attack", "weeks after being shot", "the death toll has risen to 14"),
a burial ("The four soldiers killed near Berd were buried") or a remembrance ("a year since the shelling",
"the anniversary")."""
_DEATH_OF_WOUNDS = re.compile(
    r"\b(?:died|dies|has died|succumbed)\b[^.;]{0,40}?\b(?:of|from|to) (?:(?:his|her|their) )?(?:wounds|injuries)\b",
    re.IGNORECASE,
)
"""A death of wounds ("died of his wounds", "succumbed to his injuries"): it points back when the report's lead
names the earlier incident's weekday too (``_points_back``); alone it may be the new incident's own victim."""
WEEKDAY_SPAN = 14
"""A weekday names the earlier incident's day only this many days back at most (beyond, it names another week)."""


def _points_back(later: ArticleFeatures, other: ArticleFeatures) -> bool:
    """Whether the later report points back at the other's incident: ``_REFERS_BACK``, or a death of wounds
    (``_DEATH_OF_WOUNDS``) in a report whose lead names the weekday of the other's event day (within
    ``WEEKDAY_SPAN`` days): "A fifth soldier, wounded on Sunday, succumbed to his injuries on Wednesday"."""
    if _REFERS_BACK.search(later.text):
        return True
    if later.day is None or other.day is None or not 0 < later.day - other.day <= WEEKDAY_SPAN:
        return False
    earlier_weekday = WEEKDAYS[date.fromordinal(other.day).weekday()].title()
    return earlier_weekday in later.weekdays and bool(_DEATH_OF_WOUNDS.search(later.text))


def _shared_people(a: ArticleFeatures, b: ArticleFeatures) -> set[str]:
    """The rare names both reports write that are no street and share no word with a place either names
    ("Armen Hakobyan"; not "Granby Street", "Ocean View", "Rochester Father"): rarity is the pool's
    (``keep_rare_names``), so an institution every report of a region names is not among them."""
    place_words = {word for place in a.place_names | b.place_names for word in place.split()}
    return {n for n in a.names & b.names if not is_street_name(n) and not place_words & set(n.split())}


def _new_incident_later(a: ArticleFeatures, b: ArticleFeatures, options: ClusterOptions) -> str | None:
    """Why the later report tells of another incident than the earlier one (module doc), or ``None``.

    The later report is released, its pair left to the score, when the two share a person named with an
    age, a street address or another rare person's name, or when it points back at an earlier incident
    (``_REFERS_BACK``: a death update, a remembrance).
    """
    if not fresh_later(a, b, options) or counted_names(a, b, True) or a.addresses & b.addresses:
        return None
    later, other = (a, b) if (a.published or 0) > (b.published or 0) else (b, a)
    if _shared_people(a, b) or _points_back(later, other):
        return None
    days = (later.day or 0) - (other.day or 0)
    return (
        f"the later report is fresh: a new incident on {later.date_iso}, {days} days after the other's "
        "event, sharing no person's name and no street address, and pointing back at no earlier incident"
    )


def counted_names(a: ArticleFeatures, b: ArticleFeatures, fresh: bool) -> set[str]:
    """The shared rare names that count; with a fresh later report, only the story's people (module doc)."""
    shared = set(a.names & b.names)
    if not fresh:
        return shared
    places = a.place_names | b.place_names
    return {
        n
        for n in shared
        if (n in a.aged_names or n in b.aged_names)  # streets are left out of them (features_for)
        and not any(n in place for place in places)
    }


TERMS: tuple[tuple[str, str, int], ...] = (
    ("sqrt_cosine", "w_sqrt_cosine", 1),
    ("cosine", "w_cosine", 1),
    ("close_cosine", "w_close_cosine", 1),
    ("name", "w_name", 1),
    ("names_extra", "w_names_extra", 1),
    ("names_conflict", "w_names_conflict", -1),
    ("rare", "w_rare", 1),
    ("rare_count", "w_rare_count", 1),
    ("rare_gap", "w_rare_gap", -1),
    ("address", "w_address", 1),
    ("address_conflict", "w_address_conflict", -1),
    ("age", "w_age", 1),
    ("age_conflict", "w_age_conflict", -1),
    ("title", "w_title", 1),
    ("clock_conflict", "w_clock_conflict", -1),
    ("street", "w_street", 1),
    ("street_conflict", "w_street_conflict", -1),
    ("weekday_conflict", "w_weekday_conflict", -1),
    ("place", "w_place", 1),
    ("actor", "w_actor", 1),
    ("killed", "w_killed", 1),
    ("date", "w_date", 1),
    ("date_conflict", "w_date_conflict", -1),
    ("close", "w_close", 1),
    ("figures", "w_figures", -1),
    ("type", "w_type", -1),
    ("gap", "w_gap", -1),
)
"""Every term of the score: its name, the setting holding its weight, and its sign."""


def pair_terms(a: ArticleFeatures, b: ArticleFeatures, cosine: float, options: ClusterOptions) -> dict[str, float]:
    """The value of every term of the score for ``a`` and ``b`` (before weights)."""
    fresh = fresh_later(a, b, options)
    shared_names = len(counted_names(a, b, fresh))
    shared_rare = len(a.rare_terms & b.rare_terms)
    both_ages = bool(a.ages and b.ages)
    agree_ages = bool(a.ages & b.ages)
    both_dated = a.day_precise and b.day_precise
    close = a.day is not None and b.day is not None and abs(a.day - b.day) <= options.close_days
    gap = _gap_fraction(a, b, options)
    clock_agree = _clocks_agree(a.clock, b.clock, options.clock_minutes)
    return {
        "sqrt_cosine": math.sqrt(max(cosine, 0.0)),
        "cosine": cosine,
        "close_cosine": cosine if close else 0.0,
        "name": float(shared_names > 0),
        "names_extra": float(min(max(shared_names - 1, 0), MAX_EXTRA_NAMES)),
        "names_conflict": float(bool(a.names and b.names) and not shared_names),
        "rare": float(shared_rare > 0),
        "rare_count": math.log1p(shared_rare),
        "rare_gap": gap if shared_rare else 0.0,
        "address": float(bool(a.addresses & b.addresses)),
        "address_conflict": float(bool(a.addresses and b.addresses) and not a.addresses & b.addresses),
        "age": float(
            both_ages and agree_ages and max(len(a.ages), len(b.ages)) <= options.age_max_stated
        ),
        "age_conflict": float(both_ages and not agree_ages),
        "place": float(_same_place(a, b, options)),
        "actor": float(bool(a.actors & b.actors)),
        "killed": float(a.exact_killed is not None and a.exact_killed == b.exact_killed),
        "title": headline_cosine(a.title_vector, b.title_vector),
        "clock_conflict": float(clock_agree is False),
        "weekday_conflict": float(bool(a.weekdays and b.weekdays) and not a.weekdays & b.weekdays),
        "street": float(bool(a.streets & b.streets) and not fresh),
        "street_conflict": float(bool(a.streets and b.streets) and not a.streets & b.streets),
        "date": float(both_dated and a.day == b.day),
        "date_conflict": float(both_dated and a.day != b.day),
        "close": float(close),
        "figures": float(bool(a.killed and b.killed and not _ranges_overlap(a.killed, b.killed))),
        "type": float(bool(a.event_type and b.event_type and a.event_type != b.event_type)),
        "gap": gap,
    }


def contributions(
    a: ArticleFeatures, b: ArticleFeatures, cosine: float, options: ClusterOptions
) -> dict[str, float]:
    """Each term's contribution to the score (signed weight x value); terms contributing 0 are left out."""
    values = pair_terms(a, b, cosine, options)
    out = {}
    for name, setting, sign in TERMS:
        part = sign * getattr(options, setting) * values[name]
        if part:
            out[name] = part
    return out


def score_pair(a: ArticleFeatures, b: ArticleFeatures, cosine: float, options: ClusterOptions) -> float:
    """The weighted sum above; :func:`contributions` gives its parts, :func:`evidence` the evidence."""
    values = pair_terms(a, b, cosine, options)
    return float(sum(sign * getattr(options, setting) * values[name] for name, setting, sign in TERMS))


def _clocks_agree(a: frozenset[int], b: frozenset[int], minutes: int) -> bool | None:
    """Whether some clock time of ``a`` lies within ``minutes`` of one of ``b`` (``None``: one has none)."""
    if not a or not b:
        return None
    return any(min(abs(x - y), 1440 - abs(x - y)) <= minutes for x in a for y in b)


def _same_place(a: ArticleFeatures, b: ArticleFeatures, options: ClusterOptions) -> bool:
    if a.place_keys & b.place_keys:
        return True
    return bool(
        a.event_point and b.event_point and haversine_km(a.event_point, b.event_point) <= options.near_km
    )


def _gap_fraction(a: ArticleFeatures, b: ArticleFeatures, options: ClusterOptions) -> float:
    """How far apart the two days lie beyond the date window, 0..1 (1 at GAP_SPAN_DAYS or more)."""
    if a.day is None or b.day is None:
        return 0.0
    gap = abs(a.day - b.day) - options.window_days
    return min(gap, GAP_SPAN_DAYS) / GAP_SPAN_DAYS if gap > 0 else 0.0


@dataclass
class PairEvidence:
    """Why two reports were judged one event: every term of the rule, as stored in ``reason``."""

    article: str
    other: str
    score: float
    cosine: float
    day_gap: int | None
    dates: tuple[str | None, str | None]
    shared_names: list[str]
    shared_addresses: list[str]
    shared_terms: list[str]
    shared_ages: list[int]
    shared_places: list[str]
    distance_km: float | None
    shared_actors: list[str]
    killed: tuple[Any, Any]
    event_types: tuple[str | None, str | None]
    terms: dict[str, float]
    not_counted: list[str]
    cannot_link: str | None  # why the pair can never be one event by rule (shown when a user's merge holds it)
    furniture: list[str]  # page furniture left out of the report's text (its title's site name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "joined_with": self.other,
            "score": round(self.score, 4),
            "cosine": round(self.cosine, 4),
            "date_window": {"dates": list(self.dates), "gap_days": self.day_gap},
            "shared_names": self.shared_names,
            "shared_addresses": self.shared_addresses,
            "shared_terms": self.shared_terms,
            "shared_ages": self.shared_ages,
            "shared_places": self.shared_places,
            "distance_km": None if self.distance_km is None else round(self.distance_km, 1),
            "shared_actors": self.shared_actors,
            "killed": list(self.killed),
            "event_types": list(self.event_types),
            "contributions": {name: round(part, 4) for name, part in self.terms.items()},
            "not_counted": self.not_counted,
            "cannot_link": self.cannot_link,
            "furniture_left_out": self.furniture,
        }


def evidence(
    a: ArticleFeatures,
    b: ArticleFeatures,
    cosine: float,
    options: ClusterOptions,
    term_names: Callable[[Sequence[int]], list[str]] | None = None,
) -> PairEvidence:
    """The pairwise evidence that ``a`` joined ``b``'s event (``term_names``: rare-term columns to words)."""
    shared_columns = sorted(a.rare_terms & b.rare_terms)[:MAX_LISTED_TERMS]
    km = haversine_km(a.event_point, b.event_point) if a.event_point and b.event_point else None
    shared_places = sorted(k.split(":", 1)[1] for k in a.place_keys & b.place_keys if k.startswith("a1:"))
    shared_places += [
        label for label in a.place_labels if label in b.place_labels and label not in shared_places
    ]
    fresh = fresh_later(a, b, options)
    names = counted_names(a, b, fresh)
    not_counted = sorted((a.names & b.names) - names)
    not_counted += [f"street {s}" for s in sorted(a.streets & b.streets) if fresh]
    return PairEvidence(
        article=a.article_id,
        other=b.article_id,
        score=score_pair(a, b, cosine, options),
        cosine=cosine,
        day_gap=abs(a.day - b.day) if a.day is not None and b.day is not None else None,
        dates=(a.date_iso, b.date_iso),
        shared_names=sorted(names),
        shared_addresses=sorted(a.addresses & b.addresses),
        shared_terms=term_names(shared_columns) if term_names else [str(c) for c in shared_columns],
        shared_ages=sorted(a.ages & b.ages),
        shared_places=shared_places,
        distance_km=km,
        shared_actors=sorted(a.actors & b.actors),
        killed=(a.killed, b.killed),
        event_types=(a.event_type, b.event_type),
        terms=contributions(a, b, cosine, options),
        not_counted=not_counted,
        cannot_link=cannot_link(a, b, options),
        furniture=list(a.furniture),
    )
