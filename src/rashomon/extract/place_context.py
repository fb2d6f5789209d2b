"""What the other toponyms of a text say about where it is: votes for countries and admin1 areas, and
nearness between candidates. Used by :class:`rashomon.extract.places.PlaceResolver` to choose each toponym's
candidate in context.

* :func:`evidence`: one toponym's votes. A toponym whose best candidate is a country or admin1 area leading the
  next by 1 or more in prior ("Texas", "Ill.") gives 2 votes to it; one settled by its qualifier ("Springfield,
  Ill.") gives :data:`QUALIFIED_VOTES` to the qualifier's area; else its top :data:`EVIDENCE_CANDIDATES`
  candidates split one vote evenly over their countries and one over their admin1 areas.
* A name mentioned n times votes with weight n ** :data:`REPEAT_EXPONENT` (in ``PlaceResolver._choose``).
* :func:`nearness`: 1 when another name has a town or county within :data:`NEAR_KM` of the candidate.
* A toponym inside a person's name ("Eugene" in "Eugene Rudd", :func:`in_person_name`) votes with
  :data:`PERSON_NAME_VOTES` of its weight.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Span

from rashomon.extract.event_place import common_word, inside_name
from rashomon.extract.gazetteer import Candidate, Gazetteer, Match

K = TypeVar("K")
Evidence = tuple[dict[str, float], dict[tuple[str, str], float]]
"""Votes of one toponym: per country code, and per (country code, admin1 code)."""

EVIDENCE_FEATURES = ("PCL", "A1")
EVIDENCE_CANDIDATES = 20
"""How many of a toponym's best candidates vote on the document's countries and areas (LGL even documents:
5 -> 0.871, 10 -> 0.876, 20 -> 0.878, 30 -> 0.877)."""
QUALIFIED_VOTES = 1.0
"""Votes of a toponym settled by its qualifier ("Springfield, Ill.") for the qualifier's country and area."""
NEAR_KM = 40.0
"""Two candidates this close lie together (a town and its neighbour, a county and its seat)."""
KM_PER_DEGREE = 111.2
_LOCAL_FEATURES = frozenset({"P", "A2"})
"""Candidates that nearness applies to: towns and counties."""
REPEAT_EXPONENT = 0.5
BACKOFF_PRIOR = 6.0
"""Below this prior a qualified toponym without a candidate inside its qualifier takes the qualifier's area."""
"""A name mentioned n times votes with weight n ** REPEAT_EXPONENT (six "Berea" weigh 2.4, not 6)."""
PERSON_NAME_VOTES = 0.5
"""Share of its votes that a toponym inside a person's name keeps ("Eugene" in "Eugene Rudd" must not move
Dallas to Oregon; "Kyle" in "Commander Kyle Lanier" is sometimes the right area by chance). Merged-record
location, odd GVA incidents, gold clusters: 1 -> 0.891, 0.5 -> 0.895, 0 -> 0.894; LGL Acc@161 even / odd (held
out): 0.879 / 0.837 at 1, 0.880 / 0.837 at 0.5, 0.877 / 0.831 at 0; GeoWebNews unchanged."""


@dataclass(frozen=True)
class Toponym:
    """One place name in the text, with the name that qualifies it ("Illinois" in "Springfield, Illinois")."""

    text: str
    start: int
    end: int
    matches: tuple[Match, ...]
    qualifier: tuple[Match, ...] = ()
    qualified: tuple[Match, ...] = ()  # matches of the toponym this one qualifies ("Springfield" for "Illinois")
    context_only: bool = False  # a country or area named inside an organisation: evidence, not a place
    person: bool = False  # a person's name ("Linda Daily"): votes as a name inside a person's, not a place


def name_points(toponyms: Sequence[Toponym], keys: Sequence[str]) -> dict[str, list[tuple[float, float]]]:
    """Per distinct name (``keys``, one per toponym), the points of its best towns and counties (what
    "nearby" is measured against)."""
    points: dict[str, list[tuple[float, float]]] = {}
    for toponym, key in zip(toponyms, keys, strict=True):
        if key in points:
            continue
        points[key] = [(m.candidate.lat, m.candidate.lon) for m in toponym.matches[:EVIDENCE_CANDIDATES]
                       if m.candidate.feature in _LOCAL_FEATURES and m.candidate.lat is not None
                       and m.candidate.lon is not None]
    return {key: found for key, found in points.items() if found}


@dataclass(frozen=True)
class Points:
    """The points of other names (:func:`name_points`), sorted by latitude, for :func:`nearness`."""

    lats: list[float]
    lons: list[float]

    @classmethod
    def of(cls, groups: Iterable[list[tuple[float, float]]]) -> Points:
        points = sorted(point for group in groups for point in group)
        return cls([lat for lat, _ in points], [lon for _, lon in points])


_NEAR_DEGREES = NEAR_KM / KM_PER_DEGREE
_NEAR_SQUARED = _NEAR_DEGREES ** 2
_BAND = _NEAR_DEGREES * 1.01
"""Latitudes further than this from a candidate's cannot be within :data:`NEAR_KM` (the test below squares
the difference: this band is 1 % wider than its root, far beyond any rounding)."""


def nearness(candidate: Candidate, others: Points) -> float:
    """1 when another name has a town or county within :data:`NEAR_KM` of ``candidate`` (a town or county):
    places named together lie together ("Clinton" with "New Haven", "Huntsville" with "Walker County").
    Only the points in the candidate's band of latitude are tested (bisected: most names lie far apart)."""
    if candidate.feature not in _LOCAL_FEATURES or candidate.lat is None or candidate.lon is None:
        return 0.0
    lat, lon = candidate.lat, candidate.lon
    lats, lons = others.lats, others.lons
    low, high = bisect_left(lats, lat - _BAND), bisect_right(lats, lat + _BAND)
    if low == high:
        return 0.0
    scale = math.cos(math.radians(lat))
    near = any((lats[i] - lat) ** 2 + ((lons[i] - lon) * scale) ** 2 <= _NEAR_SQUARED for i in range(low, high))
    return 1.0 if near else 0.0  # one name near is enough: the result is capped at 1


def scaled(votes: Evidence, factor: float) -> Evidence:
    countries, admins = votes
    return ({key: weight * factor for key, weight in countries.items()},
            {key: weight * factor for key, weight in admins.items()})


def add_into(total: dict[K, float], part: dict[K, float]) -> None:
    for key, weight in part.items():
        total[key] += weight


def without(total: dict[K, float], part: dict[K, float]) -> dict[K, float]:
    rest = {key: weight - part.get(key, 0.0) for key, weight in total.items()}
    return {key: weight for key, weight in rest.items() if weight > 0}


def share(weights: dict[K, float], key: K) -> float:
    """Weight of ``key`` relative to the heaviest key (1.0 for the best-supported area)."""
    most = max(weights.values(), default=0.0)
    return weights.get(key, 0.0) / most if most else 0.0


def contains(area: Candidate, place: Candidate) -> bool:
    if area.feature == "PCL":
        return area.country_code == place.country_code and place.feature != "PCL"
    if area.feature == "A1":
        same = (area.country_code, area.admin1) == (place.country_code, place.admin1)
        return same and place.feature != "A1"
    return False


def chosen_evidence(match: Match | None) -> Evidence:
    """One vote for the country and admin1 area of a chosen candidate."""
    countries: dict[str, float] = defaultdict(float)
    admins: dict[tuple[str, str], float] = defaultdict(float)
    if match is not None and match.candidate.country_code:
        countries[match.candidate.country_code] = 1.0
        if match.candidate.admin1 and match.candidate.feature != "PCL":
            admins[(match.candidate.country_code, match.candidate.admin1)] = 1.0
    return countries, admins


def evidence(toponym: Toponym) -> Evidence:
    """What one toponym says about the document's countries and admin1 areas (see module docstring).

    Its top :data:`EVIDENCE_CANDIDATES` candidates split one vote evenly over their distinct countries, and
    one over their distinct admin1 areas; a toponym whose best candidate is a country or admin1 area
    leading the next by 1 or more in prior ("Texas", "Ill.", "Azerbaijan") gives 2 votes to it instead.
    Places named together pull each other to the area they share (Alexandria + Douglas County -> MN).
    """
    countries: dict[str, float] = defaultdict(float)
    admins: dict[tuple[str, str], float] = defaultdict(float)
    if not toponym.matches:
        return countries, admins
    best = toponym.matches[0]
    if is_strong(toponym.matches) and best.candidate.country_code:
        countries[best.candidate.country_code] = 2.0
        if best.candidate.admin1 and best.candidate.feature == "A1":
            admins[(best.candidate.country_code, best.candidate.admin1)] = 2.0
        return countries, admins
    inside = [m.candidate for m in toponym.matches if any(contains(q.candidate, m.candidate)
                                                          for q in toponym.qualifier)]
    if inside:  # "Springfield, Ill.": the qualifier settles it
        settled = inside[0]
        countries[settled.country_code or ""] = QUALIFIED_VOTES
        if settled.admin1:
            admins[(settled.country_code or "", settled.admin1)] = QUALIFIED_VOTES
        return countries, admins
    top = [m.candidate for m in toponym.matches[:EVIDENCE_CANDIDATES]]
    codes = {c.country_code for c in top if c.country_code}
    areas = {(c.country_code, c.admin1) for c in top if c.country_code and c.admin1 and c.feature != "PCL"}
    for code in codes:
        countries[code] = 1.0 / len(codes)
    for area in areas:
        admins[area] = 1.0 / len(areas)
    return countries, admins


def is_strong(matches: Sequence[Match]) -> bool:
    """The best match is a country or admin1 area leading the next by 1 or more in prior ("Texas", "Ill.")."""
    best = matches[0]
    lead = best.prior - matches[1].prior if len(matches) > 1 else 10.0
    return best.candidate.feature in EVIDENCE_FEATURES and lead >= 1.0 and bool(best.candidate.country_code)


def names_an_area(matches: Sequence[Match]) -> bool:
    """The best match is a country or admin1 area leading every other kind of place by 1 or more in prior:
    "Texas", and also "Georgia" (the state and the country tie, both areas)."""
    best = matches[0]
    if best.candidate.feature not in EVIDENCE_FEATURES or not best.candidate.country_code:
        return False
    other = next((m for m in matches if m.candidate.feature not in EVIDENCE_FEATURES), None)
    return other is None or best.prior - other.prior >= 1.0


def qualifier_area(toponym: Toponym, best: Match | None) -> Match | None:
    """``best``, or the area of the toponym's qualifier when the gazetteer has no such place inside it:
    "Grantville, Pennsylvania" (a village the gazetteer lacks) is placed in Pennsylvania, not at the
    Grantville of Georgia. Only for small places (``best`` below :data:`BACKOFF_PRIOR`) named with an
    area that clearly is one (:func:`is_strong`): in "Mosul, Basra and Kirkuk" Mosul keeps its own match."""
    if not toponym.qualifier or not is_strong(toponym.qualifier):
        return best
    if best is not None and best.prior >= BACKOFF_PRIOR:
        return best
    area = toponym.qualifier[0]
    if best is not None and any(contains(area.candidate, m.candidate) for m in toponym.matches):
        return best
    return area


TOWN_PREPOSITIONS = frozenset({"in", "near", "outside"})
"""Words that put the name right after them at a place: "shot in Charenton", "a home near Rice"."""
NAME_LABELS = frozenset({"ORG", "PERSON"})
"""Labels the NER gives small towns it does not know ("in Charenton": ORG, "in Plaquemine": PERSON)."""
MAX_TOWN_TOKENS = 3


def untagged_town(ent: Span) -> bool:
    """A short title-case ORG or PERSON entity that reads as a town: right after a preposition of place ("shot
    in Charenton", "a home near Rice") or a person's residence ("Wilbert Thibodeaux, 48, of Charenton"), and
    followed by no possessive or capitalised word ("in Rice University", "in Obama's speech"). The place ruler
    tags towns of 15,000 people and more; smaller ones reach the NER, which often reads them as names."""
    doc = ent.doc
    if ent.label_ not in NAME_LABELS or len(ent) > MAX_TOWN_TOKENS or ent.start == 0:
        return False
    before = doc[ent.start - 1].lower_
    if before not in TOWN_PREPOSITIONS and not (before == "of" and ent.start > 1 and doc[ent.start - 2].text == ","):
        return False
    if ent.end < len(doc) and (doc[ent.end].text[:1] in ("'", "\u2019") or doc[ent.end].is_title):
        return False
    return all(token.is_title for token in ent)


def named_areas(found: Sequence[Sequence[Match]]) -> set[tuple[str, str]]:
    """The first-level areas that toponyms name outright ("Louisiana", "La.": :func:`names_an_area`)."""
    return {(m[0].candidate.country_code or "", m[0].candidate.admin1 or "") for m in found
            if m and names_an_area(m) and m[0].candidate.feature == "A1"}


def towns_in(matches: Sequence[Match], areas: set[tuple[str, str]], text: str, mention: str) -> tuple[Match, ...]:
    """The towns of ``matches`` inside ``areas`` (the report's named states: a small town of the state it is
    about, not a namesake elsewhere), none when the text also writes the mention in lower case ("Spring")."""
    towns = tuple(m for m in matches if m.candidate.feature == "P"
                  and (m.candidate.country_code or "", m.candidate.admin1 or "") in areas)
    return towns if towns and not common_word(text, mention) else ()


def with_small_towns(found: list[tuple[Span, tuple[Match, ...]]], names: Sequence[Span], text: str,
                     lookup: Callable[[str], tuple[Match, ...]]) -> list[tuple[Span, tuple[Match, ...]]]:
    """``found`` (toponyms and their matches, in text order) with the ``names`` that read as towns
    (:func:`untagged_town`) of a state the text names outright, as towns of that state (:func:`towns_in`):
    "Louisiana ... the shootings in Charenton"."""
    areas = named_areas([matches for _, matches in found])
    if not areas:
        return found
    extra = [(name, towns_in(lookup(name.text), areas, text, name.text)) for name in names]
    extra = [(name, towns) for name, towns in extra if towns]
    return sorted([*found, *extra], key=lambda item: item[0].start) if extra else found


def with_postal_states(found: list[tuple[Span, tuple[Match, ...]]], text: str,
                       gazetteer: Gazetteer) -> list[tuple[Span, tuple[Match, ...]]]:
    """``found`` with a US postal code that qualifies the name before it read as the state ("Summerville, SC",
    "Dallas, TX"): the gazetteer knows "SC" only as Santa Cruz, "MN" as Amman, "IL" as Il. A code alone
    ("LA", "IN", "OR") stays as the gazetteer reads it."""
    states = None
    for i in range(1, len(found)):
        part = found[i][0]
        if len(part.text) != 2 or not part.text.isupper() or text[found[i - 1][0].end_char:part.start_char] != ", ":
            continue
        states = states if states is not None else postal_states(gazetteer)
        if part.text in states:
            found[i] = (part, (states[part.text],))
    return found


_POSTAL_STATES: dict[int, tuple[Gazetteer, dict[str, Match]]] = {}


def postal_states(gazetteer: Gazetteer) -> dict[str, Match]:
    """The US states of ``gazetteer`` by postal code (their ``admin1``), as main-name matches; built once per
    gazetteer (a gazetteer is not changed once loaded)."""
    held = _POSTAL_STATES.get(id(gazetteer))
    if held is None or held[0] is not gazetteer:
        states = {c.admin1: Match(c, True) for c in gazetteer.entries
                  if c.feature == "A1" and c.country_code == "US" and c.admin1 and len(c.admin1) == 2}
        held = _POSTAL_STATES[id(gazetteer)] = (gazetteer, states)
    return held[1]


def person_names(toponyms: Sequence[Toponym], text: str) -> list[bool]:
    """Per toponym, whether it is a person's name (``person``, :mod:`rashomon.extract.place_persons`) or
    ``text`` shows it inside one (:func:`in_person_name`)."""
    if not text:
        return [t.person for t in toponyms]
    return [t.person or (not t.context_only and in_person_name(text, t.start, t.end)) for t in toponyms]


INSTITUTION_WORDS = frozenset({
    "county", "parish", "city", "township", "town", "village", "borough", "state", "district", "area", "region",
    "court", "courthouse", "circuit", "superior", "municipal", "hospital", "medical", "memorial", "regional",
    "general", "health", "healthcare", "children's", "children’s", "university", "college", "school", "high",
    "elementary", "middle", "academy", "union", "unified", "public", "community", "police", "sheriff",
    "sheriff's", "sheriff’s", "fire", "department", "road", "street", "avenue", "boulevard", "drive", "highway",
    "parkway", "lane", "pike", "turnpike", "ave", "st", "rd", "blvd", "dr", "hwy", "airport", "mall", "park",
    "center", "centre", "library", "church",
    "national", "international", "river", "lake", "valley", "bay", "harbor", "news", "times", "herald",
    "tribune", "post", "daily", "gazette", "press", "journal", "chronicle", "transit", "metro", "housing",
    "correctional", "jail", "prison", "detention", "zoo", "stadium", "arena", "hotel", "inn", "square",
})
"""Words after a place name that make a longer name still about the place ("Roanoke Memorial Hospital",
"Michigan Court of Appeals", "Jackson County Assistant Prosecutor"), unlike a person's name ("Eugene Rudd")."""
_NAME_AFTER = re.compile(r"^['’]?s? ([A-Z][\w'’]*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’]*) \Z")


def in_person_name(text: str, start: int, end: int) -> bool:
    """The mention is part of a person's name (:func:`rashomon.extract.event_place.inside_name`): a given name
    before a capitalised word that is no word of a place's institutions ("Eugene Rudd", "Dalton Dueck", not
    "Roanoke Memorial Hospital"), or a surname after a capitalised word that ends no sentence ("Brett Monroe",
    not "on Monday. Kentucky's rate")."""
    if inside_name(text[start:end + 30], 0, end - start):  # the word after
        after = _NAME_AFTER.match(text[end:end + 30])
        return after is None or after.group(1).lower() not in INSTITUTION_WORDS
    begin = max(0, start - 30)
    before = _WORD_BEFORE.search(text[begin:start])
    return (before is not None and before.group(1)[0].isupper() and not before.group(1).endswith(".")
            and inside_name(text[begin:end], start - begin, end - begin))
