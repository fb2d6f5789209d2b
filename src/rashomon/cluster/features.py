"""What clustering knows about one report: its date, places, actors, names, ages, figures and type.

Features come from the article's stored analysis when there is one (event date and place, geocoded
places, canonical actors, casualty figures, ACLED type) and from its text and publication date
otherwise. Two text features are always read, because they single out one incident among many at the
same place: rare proper names (victims, streets, venues: capitalised word pairs) and stated ages
("a 25-year-old", "John Smith, 25,").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from rashomon.records import Article, ArticleAnalysis

_NAME = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_AGE = re.compile(r"\b(\d{1,2})[- ]years?[- ]old\b|[A-Z][a-z]+,\s(\d{1,2})(?=[,.;)]|\s+(?:of|from|and)\b)")
_NOT_NAME_START = frozenset(
    [
        "The",
        "A",
        "An",
        "And",
        "But",
        "Or",
        "In",
        "On",
        "At",
        "As",
        "After",
        "Before",
        "By",
        "For",
        "From",
        "Of",
        "To",
        "With",
        "Without",
        "When",
        "While",
        "Where",
        "If",
        "He",
        "She",
        "It",
        "They",
        "We",
        "You",
        "I",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "This",
        "That",
        "These",
        "Those",
        "Then",
        "There",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
    ]
)
"""Sentence-initial function words that make a capitalised pair look like a name."""
_CELL_DEG = 0.25
"""Grid cell size (degrees) of the place keys: about 28 km north-south."""


@dataclass
class ArticleFeatures:
    """The clustering view of one article. ``day`` is a proleptic ordinal (``date.toordinal``)."""

    article_id: str
    day: int | None
    day_source: str  # analysis | published | none
    day_precise: bool  # an extracted event date with day precision
    text: str
    names: frozenset[str] = frozenset()
    ages: frozenset[int] = frozenset()
    place_keys: frozenset[str] = frozenset()
    place_labels: tuple[str, ...] = ()
    event_point: tuple[float, float] | None = None
    actors: frozenset[str] = frozenset()
    killed: tuple[int, int | None] | None = None  # (min, max) over the article's killed figures
    event_type: str | None = None
    from_analysis: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def date_iso(self) -> str | None:
        return date.fromordinal(self.day).isoformat() if self.day is not None else None


def parse_day(value: str | None) -> int | None:
    """Ordinal day of an ISO date or datetime string; ``None`` when absent or unreadable."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def proper_names(text: str) -> set[str]:
    """Capitalised word pairs ("Marcus Deering", "Berkley Avenue"): candidates for rare-name keys."""
    return {m.group(1) for m in _NAME.finditer(text) if m.group(1).split()[0] not in _NOT_NAME_START}


def stated_ages(text: str) -> set[int]:
    return {int(a or b) for a, b in _AGE.findall(text)}


def _place_keys(analysis: ArticleAnalysis) -> tuple[set[str], list[str], tuple[float, float] | None]:
    keys: set[str] = set()
    labels: list[str] = []
    places = analysis.places
    if analysis.event_place is not None and 0 <= analysis.event_place < len(places):
        places = [places[analysis.event_place]] + [
            p for i, p in enumerate(places) if i != analysis.event_place
        ]
    point = None
    for place in places:
        if place.precision in {"exact", "town", "admin2"} and place.lat is not None and place.lon is not None:
            keys.add(f"cell:{math.floor(place.lat / _CELL_DEG)}:{math.floor(place.lon / _CELL_DEG)}")
            point = point or (place.lat, place.lon)
        if place.admin1 and place.country_code:
            keys.add(f"a1:{place.country_code}:{place.admin1}")
        if place.name not in labels:
            labels.append(place.name)
    if analysis.event_place is None:
        point = None  # only the event's own place is trusted for distances
    return keys, labels, point


def _killed_range(analysis: ArticleAnalysis) -> tuple[int, int | None] | None:
    figures = [c for c in analysis.casualties if c.kind == "killed" and c.count_min is not None]
    if not figures:
        return None
    low = max(c.count_min for c in figures if c.count_min is not None)
    highs = [c.count_max for c in figures]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    return low, (max(high, low) if high is not None else None)


def features_for(article: Article, analysis: ArticleAnalysis | None, clean_text: str) -> ArticleFeatures:
    """Features of one article; ``clean_text`` is its title and text with corpus boilerplate removed."""
    published = parse_day(article.published_at)
    names = proper_names(clean_text)
    ages = stated_ages(clean_text)
    if analysis is None:
        return ArticleFeatures(
            article_id=article.id,
            day=published,
            day_source="published" if published else "none",
            day_precise=False,
            text=clean_text,
            names=frozenset(names),
            ages=frozenset(ages),
        )
    event_day = parse_day(analysis.event_date)
    keys, labels, point = _place_keys(analysis)
    actors = {a.actor_id for a in analysis.actors if a.actor_id}
    names |= {a.actor_name for a in analysis.actors if a.actor_type == "person" and a.actor_name}
    return ArticleFeatures(
        article_id=article.id,
        day=event_day if event_day is not None else published,
        day_source="analysis" if event_day is not None else ("published" if published else "none"),
        day_precise=event_day is not None and analysis.event_date_precision == "day",
        text=clean_text,
        names=frozenset(names),
        ages=frozenset(ages),
        place_keys=frozenset(keys),
        place_labels=tuple(labels[:5]),
        event_point=point,
        actors=frozenset(actors),
        killed=_killed_range(analysis),
        event_type=analysis.event_type,
        from_analysis=True,
    )


def keep_rare_names(features: Iterable[ArticleFeatures], max_df: int) -> None:
    """Keep only names found in 2..``max_df`` articles: the ones that single out an incident."""
    features = list(features)
    df: dict[str, int] = {}
    for feat in features:
        for name in feat.names:
            df[name] = df.get(name, 0) + 1
    for feat in features:
        feat.names = frozenset(n for n in feat.names if 2 <= df[n] <= max_df)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
