"""The pairwise scoring rule: how alike two reports are, and whether they can be one event at all.

    score = cosine(TF-IDF)
          + w_name  if they share a rare proper name, + w_names_extra for each further one (two at most)
          + w_rare  if they share a rare term (a word in 2..rare_max_df reports: surnames, streets)
          + w_address if they share a street address or block ("the 400 block of Pecan Avenue")
          + w_age   if they share a stated age (neither stating more than age_max_stated: roundups list
                    many),  - w_age_conflict if both state ages and none agree
          + w_place if they share a reliable town or their event places lie within near_km
          + w_actor if they share a specific actor
          + w_killed if both state the same killed count above zero
          + w_date  if both have the same explicit day-precise event date, - w_date_conflict if they differ
          + w_close if their days lie at most close_days apart
          - w_figures if both give killed counts whose ranges do not overlap
          - w_type  if both have an event type and the types differ
          - w_gap * min(gap - window_days, 60) / 60  when the days are more than window_days apart

A pair is a *cannot-link* (never in one event, whatever the score) only on strong evidence: both have
explicit day-precise event dates more than ``max_event_day_gap`` apart and were published at most
``max_published_gap`` days apart (a follow-up published weeks later dates a later step), or both have a
reliable event town in one country, more than ``far_km`` apart, and neither report names a place near
the other's event town (nor that town's name, geocoded elsewhere).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rashomon.cluster.features import ArticleFeatures, haversine_km
from rashomon.cluster.options import ClusterOptions

GAP_SPAN_DAYS = 60
MAX_EXTRA_NAMES = 2
MAX_LISTED_TERMS = 12
"""Shared rare terms listed in an explanation (the bonus is one, however many are shared)."""
"""Shared rare names beyond the first that each add ``w_names_extra``."""


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


def score_pair(a: ArticleFeatures, b: ArticleFeatures, cosine: float, options: ClusterOptions) -> float:
    """The rule above; see :func:`evidence` for the same terms spelled out."""
    score = cosine
    shared_names = len(a.names & b.names)
    if shared_names:
        score += options.w_name + options.w_names_extra * min(shared_names - 1, MAX_EXTRA_NAMES)
    if a.rare_terms & b.rare_terms:
        score += options.w_rare
    if a.addresses & b.addresses:
        score += options.w_address
    if a.ages and b.ages:
        if not a.ages & b.ages:
            score -= options.w_age_conflict
        elif max(len(a.ages), len(b.ages)) <= options.age_max_stated:
            score += options.w_age
    if _same_place(a, b, options):
        score += options.w_place
    if a.actors & b.actors:
        score += options.w_actor
    if a.exact_killed is not None and a.exact_killed == b.exact_killed:
        score += options.w_killed
    if a.day_precise and b.day_precise:
        score += options.w_date if a.day == b.day else -options.w_date_conflict
    if a.day is not None and b.day is not None and abs(a.day - b.day) <= options.close_days:
        score += options.w_close
    if a.killed and b.killed and not _ranges_overlap(a.killed, b.killed):
        score -= options.w_figures
    if a.event_type and b.event_type and a.event_type != b.event_type:
        score -= options.w_type
    return score - _gap_penalty(a, b, options)


def _same_place(a: ArticleFeatures, b: ArticleFeatures, options: ClusterOptions) -> bool:
    if a.place_keys & b.place_keys:
        return True
    return bool(
        a.event_point and b.event_point and haversine_km(a.event_point, b.event_point) <= options.near_km
    )


def _gap_penalty(a: ArticleFeatures, b: ArticleFeatures, options: ClusterOptions) -> float:
    if a.day is None or b.day is None:
        return 0.0
    gap = abs(a.day - b.day) - options.window_days
    return options.w_gap * min(gap, GAP_SPAN_DAYS) / GAP_SPAN_DAYS if gap > 0 else 0.0


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
    return PairEvidence(
        article=a.article_id,
        other=b.article_id,
        score=score_pair(a, b, cosine, options),
        cosine=cosine,
        day_gap=abs(a.day - b.day) if a.day is not None and b.day is not None else None,
        dates=(a.date_iso, b.date_iso),
        shared_names=sorted(a.names & b.names),
        shared_addresses=sorted(a.addresses & b.addresses),
        shared_terms=term_names(shared_columns) if term_names else [str(c) for c in shared_columns],
        shared_ages=sorted(a.ages & b.ages),
        shared_places=shared_places,
        distance_km=km,
        shared_actors=sorted(a.actors & b.actors),
        killed=(a.killed, b.killed),
        event_types=(a.event_type, b.event_type),
    )
