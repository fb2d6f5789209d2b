"""What one article says about its outlet's home area: the first-level areas its places name unambiguously, the
towns among them, and the context of each mention that gave them.

* :func:`page_votes`: the first-level areas (country code, admin1 code) that an article's places name
  **unambiguously**: a first-level area named by a name that clearly is one ("Ohio", "Ill."), a town or county
  settled by its qualifier ("Springfield, Ill."), or a town or county whose name has one reading in the
  gazetteer (every main-name match lies in one area). Mentions that count for nothing in the event place rule
  (crime-report words, names inside longer names, surnames) give nothing. An article spreads one vote evenly
  over the areas it names.
* :func:`mention_context`: the words around each counted mention, kept with the votes, so that
  :class:`rashomon.extract.outlet_area.HomeAreas` can tell a menu or footer line said on several of an outlet's
  pages (boilerplate) from the page's own story.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence, Set
from dataclasses import dataclass, field

from rashomon.extract.event_place import NEWS_WORDS, dateline_span, not_a_place_here
from rashomon.extract.gazetteer import Candidate, Gazetteer, Match
from rashomon.extract.place_context import is_strong
from rashomon.records import Place

Area = tuple[str, str]
"""A first-level area: (ISO country code, admin1 code; US: the state's postal code)."""

LOCAL = frozenset({"P", "A2"})
"""Candidates a namesake may be: towns and counties."""
CONTEXT_WORDS = 3
"""Words on each side of a mention, within its line, that make its context (:func:`mention_context`)."""


def area_of(place: Place | Candidate) -> Area | None:
    """``(country code, admin1)`` of a place or candidate, ``None`` without both."""
    return (place.country_code, place.admin1) if place.country_code and place.admin1 else None


def counted(place: Place, text: str, names: dict[str, bool]) -> bool:
    """The mention is a resolved place that the event place rule counts (not a crime-report word, not part of
    a longer name, not a common word or surname of this text)."""
    if place.lat is None or place.text.casefold() in NEWS_WORDS:
        return False
    return not (text and not_a_place_here(place, text, names))


def mention_context(place: Place, text: str) -> str:
    """The mention with up to :data:`CONTEXT_WORDS` words on each side within its line, folded: the same on
    every page that carries the same menu or footer line, and on pages whose lines differ only further away
    ("Mobile users tap here for video" / "... for photos")."""
    start = text.rfind("\n", 0, place.start) + 1
    end = text.find("\n", place.end)
    before = text[start:place.start].split()[-CONTEXT_WORDS:]
    after = text[place.end:len(text) if end < 0 else end].split()[:CONTEXT_WORDS]
    return f"{' '.join(before)}|{place.text}|{' '.join(after)}".casefold()


def area_label(area: Area) -> str:
    return f"{area[0]}|{area[1]}"


def one_reading(matches: Sequence[Match]) -> Area | None:
    """The area every main-name match of a town or county lies in, when there is one such area."""
    areas = {area_of(m.candidate) for m in matches if m.primary and m.candidate.feature in LOCAL}
    return areas.pop() if len(areas) == 1 and None not in areas else None


@dataclass(frozen=True)
class PageVotes:
    """What one article says about its outlet's home: the areas its places name unambiguously (one vote
    spread over them), the towns among those places, and the contexts (:func:`mention_context`) of the
    mentions that gave each area (:func:`area_label`) and each town (``"town:"`` + :func:`town_key`)."""

    areas: dict[Area, float] = field(default_factory=dict)
    towns: tuple[Place, ...] = ()
    contexts: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({"areas": sorted([*area, weight] for area, weight in self.areas.items()),
                           "towns": [town.to_dict() for town in self.towns],
                           "contexts": {key: list(found) for key, found in sorted(self.contexts.items())}})

    @classmethod
    def from_json(cls, data: str) -> PageVotes:
        found = json.loads(data)
        return cls({(code, admin1): weight for code, admin1, weight in found["areas"]},
                   tuple(Place.from_dict(town) for town in found["towns"]),
                   {key: tuple(items) for key, items in found.get("contexts", {}).items()})

    def all_contexts(self) -> set[str]:
        """Every context of the page's counted mentions but the page's own ("": a dateline, no text)."""
        return {context for found in self.contexts.values() for context in found} - {""}

    def without(self, boilerplate: Set[str]) -> PageVotes:
        """The page's votes without the areas and towns that only ``boilerplate`` contexts gave (one vote
        spread over the areas left); the page itself when none is boilerplate."""
        def kept(key: str) -> bool:
            found = self.contexts.get(key, ())
            return not found or any(context not in boilerplate for context in found)

        if not boilerplate or not (self.all_contexts() & boilerplate):
            return self
        areas = [area for area in self.areas if kept(area_label(area))]
        towns = tuple(town for town in self.towns if kept("town:" + town_key(town)))
        return PageVotes({area: 1.0 / len(areas) for area in areas}, towns, self.contexts)


def page_votes(places: Sequence[Place], text: str, gazetteer: Gazetteer) -> PageVotes:
    """The areas that ``places`` name unambiguously (see the module docstring) and the towns that do."""
    names: dict[str, bool] = {}
    found: set[Area] = set()
    towns: dict[str, Place] = {}
    contexts: dict[str, set[str]] = defaultdict(set)
    dateline = dateline_span(text) if text else None  # where the outlet says it reports from: never boilerplate
    for i, place in enumerate(places):
        area = area_of(place)
        if area is None or not counted(place, text, names):
            continue
        if place.precision == "admin1":
            matches = gazetteer.lookup(place.text)
            if not (matches and is_strong(matches) and area_of(matches[0].candidate) == area):
                continue
        elif not (place.precision in ("town", "admin2") and (
                _qualified(places, i, text) or one_reading(gazetteer.lookup(place.text)) == area)):
            continue
        found.add(area)
        context = mention_context(place, text) if text and not _in(place, dateline) else ""
        contexts[area_label(area)].add(context)
        if place.precision == "town":
            towns.setdefault(town_key(place), place)
            contexts["town:" + town_key(place)].add(context)
    return PageVotes({area: 1.0 / len(found) for area in found}, tuple(towns.values()),
                     {key: tuple(sorted(found_in)) for key, found_in in contexts.items() if found_in != {""}})


def _in(place: Place, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= place.start < span[1]


def article_areas(places: Sequence[Place], text: str, gazetteer: Gazetteer) -> dict[Area, float]:
    """The areas that ``places`` name unambiguously, one vote spread over them (:func:`page_votes`)."""
    return page_votes(places, text, gazetteer).areas


def town_key(place: Place) -> str:
    return str(place.geonameid) if place.geonameid else f"{place.name}|{place.country_code}|{place.admin1}"


def _qualified(places: Sequence[Place], i: int, text: str) -> bool:
    """The place right after ``places[i]`` and a comma is its own first-level area ("Springfield, Ill.")."""
    if i + 1 >= len(places) or not text:
        return False
    after = places[i + 1]
    return (text[places[i].end:after.start].strip() == "," and after.precision == "admin1"
            and area_of(after) == area_of(places[i]))


__all__ = ["CONTEXT_WORDS", "LOCAL", "Area", "PageVotes", "area_label", "area_of", "article_areas", "counted",
           "mention_context", "one_reading", "page_votes", "town_key"]
