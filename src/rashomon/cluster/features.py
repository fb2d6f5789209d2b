"""What clustering knows about one report: its date, places, actors, names, ages, figures and type.

Features come from the article's stored analysis when there is one and from its text and publication
date otherwise. Analysis features are gated by reliability, because on local-news pages the extractors
are often wrong ("Police" geocoded to Police, Poland; a funeral's weekday as the event date):

* the event date replaces the publication date only when it is *explicit*: day precision, and written
  within ``TRIGGER_CHARS`` of an event trigger or casualty figure (``day_precise``);
* place keys are town-precision places named more than once or in the lead (``town:<geonameid>``),
  never a state or country; the event place counts (for the far-apart cannot-link) only when it is a
  town named more than once *and* in the lead;
* actors are kept only when specific (not police, civilians, governments, media: ``GENERIC_ACTOR_TYPES``);
* killed figures flagged as background (other events) are left out.

Text features are always read, because they single out one incident among many at the same place:
rare proper names (victims, streets, venues: capitalised word pairs), stated ages ("a 25-year-old",
"John Smith, 25,"), street names and addresses, clock times ("about 2:30 a.m.", not a page's "Updated
5:32 PM"), the weekdays of the lead, and the headline's words (``headlines.py``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from rashomon.cluster.headlines import headline_words
from rashomon.records import Article, ArticleAnalysis, Place

_NAME = re.compile(r"\b([A-Z][a-z]+(?:[ \t]+[A-Z]\.)?[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
"""Two capitalised words on one line (a line break ends a headline or caption, never a name)."""
RANKS = frozenset(
    {
        "Private", "Pvt", "Sergeant", "Sgt", "Corporal", "Cpl", "Lieutenant", "Lt", "Captain", "Capt", "Major",
        "Colonel", "Col", "General", "Gen", "Commander", "Officer", "Deputy", "Detective", "Trooper", "Agent",
        "Chief", "Mayor", "Governor", "President", "Minister", "Dr", "Mr", "Mrs", "Ms"
    }
)
"""Ranks and titles before a person's name ("Private Armen Hakobyan", "Sgt Dan Ruiz", "Lt. Col. Ian Ross")."""
_RANKED = re.compile(
    rf"(?:(?:{'|'.join(sorted(RANKS))})\.?[ \t]+)+"
    r"(?:[A-Z][a-z]+[ \t]+(?=[A-Z][a-z]+(?:[ \t]+[A-Z]\.)?[ \t]+(?!(?:Jr|Sr)\b)[A-Z][a-z]+\b))*"
    r"(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z]\.)?[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
"""Ranks, then the words of a role ("Deputy District Attorney Harold Nutt"), then the person's name: the
last two of the capitalised words after the ranks ("Jr." is no name word)."""
_ADDRESS = re.compile(
    r"\b(\d{1,5})(?:[ \t]+block[ \t]+of)?[ \t]+(?:(?:[NSEW]\.?|North|South|East|West)[ \t]+)?"
    r"((?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))(?:[ \t]+[A-Z][a-z]+){0,2})[ \t]+"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Court|Ct|Place|Pl|Highway|Hwy"
    r"|Parkway|Pkwy|Circle|Cir|Terrace|Trail|Pike)\b"
)
"""A street address or block ("the 400 block of Pecan Ave.", "2500 Park Avenue")."""
_AGE = re.compile(r"\b(\d{1,2})[- ]years?[- ]old\b|[A-Z][a-z]+,\s(\d{1,2})(?=[,.;)]|\s+(?:of|from|and)\b)")
_STREET = re.compile(
    r"\b((?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))(?:[ \t]+[A-Z][a-z]+){0,2})[ \t]+"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Court|Ct|Place|Pl|Highway|Hwy"
    r"|Parkway|Pkwy|Circle|Cir|Terrace|Trail|Pike)\b"
)
"""A street's name before its type ("Pecan Avenue", "W. 33rd Street"), with or without a number."""
_CLOCK = re.compile(r"(?<![\d:])(\d{1,2})(?::([0-5]\d))?\s?([AaPp])\.?\s?[Mm]\b\.?(?!\s*\(?(?:[ECMP][SD]?T|GMT|UTC)\b)")
"""A clock time ("2:30 a.m.", "11 p.m.", "7:00PM"), not a page's time stamp ("3:45 PM EST")."""
_STAMP_BEFORE = re.compile(r"(?:posted|updated|published|\d{4}),?\s*(?:at\s*)?$", re.IGNORECASE)
"""Words before a page's time stamp ("Updated 5:32 PM", "Dec 25, 2013 3:45 PM")."""
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
_ROLE_FIRST = frozenset(
    {
        "Aggravated", "Assistant", "Capt", "Chief", "Commissioner", "Coroner", "Councilman", "Crime", "Deputy",
        "Detective", "District", "Gov", "Governor", "Homicide", "Judge", "Lt", "Man", "Mayor", "News",
        "Officer", "Police", "Related", "Sgt", "Sergeant", "Shooting", "Shot", "Sheriff", "Staff", "State",
        "Superintendent", "Teen", "Trooper", "Woman"
    }
)
"""First words of titles, roles and headline phrases ("Chief Douglas", "Police Say"): not one incident's."""
_AREA_LAST = frozenset(
    {
        "Attorney", "Authority", "Bureau", "Center", "Centre", "Children", "City", "College", "Coroner",
        "County", "Court", "Day", "Department", "District", "Fire", "Hospital", "Killed", "Line", "Medical",
        "Metropolitan", "News", "Office", "Parish", "Patrol", "Police", "Services", "Sheriff", "Shot", "Side",
        "State", "Station", "Stoppers", "Stopper", "University", "Stations", "Corporation", "Corp", "Broadcasting",
        "Sciences", "Works", "Service", "Care", "Group", "Network", "Company", "Regional", "Memorial", "General",
        "Eve", "Unit", "Squad", "Division"
    }
)
"""Last words of institutions and areas ("Broward County", "Vincent Medical", "West Side", "Tampa General",
"Orlando Regional", "Marshals Service", "CBS Television Stations", "Nexstar Broadcasting") and of holiday eves
("Christmas Eve"), and of a department's units ("Major Crimes Unit", "Major Case Squad"): every incident of a region
(or of a day of the year) shares them, so they single out none."""
_TOWN = frozenset(["exact", "town"])
LEAD_CHARS = 400
"""A place or date starting in the first this many characters is in the lead."""
TRIGGER_CHARS = 200
"""An event date counts as explicit when written this close to an event trigger or casualty figure."""
GENERIC_ACTOR_TYPES = frozenset(["state_forces", "government", "civilians", "media", "other"])
"""Actor types shared by unrelated incidents (police, civilians, gunmen): never evidence of one event."""


@dataclass
class ArticleFeatures:
    """The clustering view of one article. ``day`` is a proleptic ordinal (``date.toordinal``)."""

    article_id: str
    day: int | None
    day_source: str  # analysis | published | none
    day_precise: bool  # an explicit day-precise event date near an event trigger (then ``day`` is it)
    text: str
    published: int | None = None
    names: frozenset[str] = frozenset()
    addresses: frozenset[str] = frozenset()  # street addresses and blocks ("400 pecan")
    ages: frozenset[int] = frozenset()
    place_keys: frozenset[str] = frozenset()
    place_labels: tuple[str, ...] = ()
    event_point: tuple[float, float] | None = None  # the event place, when a reliable town
    event_country: str | None = None
    town_points: tuple[tuple[float, float], ...] = ()  # every reliable town-precision place
    place_names: frozenset[str] = frozenset()  # every toponym as written and as geocoded
    actors: frozenset[str] = frozenset()
    killed: tuple[int, int | None] | None = None  # (min, max) over the article's killed figures
    event_type: str | None = None
    rare_terms: frozenset[int] = frozenset()  # text-index columns of terms in 2..rare_max_df articles
    title_words: frozenset[str] = frozenset()  # the headline's content words, normalised
    title_vector: dict[str, float] = field(default_factory=dict)  # their weights over the corpus (headlines.py)
    clock: frozenset[int] = frozenset()  # clock times written in the text, minutes after midnight
    streets: frozenset[str] = frozenset()  # street names ("pecan" of "Pecan Avenue")
    weekdays: frozenset[str] = frozenset()  # weekdays named in the lead
    aged_names: frozenset[str] = frozenset()  # names written with an age ("Brandy Council, 34,"), streets left out
    justice_title: bool = False  # the headline names a step of justice (an arrest, a charge, a sentence)
    furniture: tuple[str, ...] = ()  # page furniture left out of ``text``: the title's site name (vectors.py)
    from_analysis: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def exact_killed(self) -> int | None:
        """The killed count when stated as one number above zero."""
        if self.killed is None or self.killed[0] <= 0 or self.killed[1] != self.killed[0]:
            return None
        return self.killed[0]

    @property
    def date_iso(self) -> str | None:
        return date.fromordinal(self.day).isoformat() if self.day is not None else None


@dataclass
class _PlaceView:
    keys: set[str] = field(default_factory=set)
    labels: list[str] = field(default_factory=list)
    point: tuple[float, float] | None = None
    country: str | None = None
    points: list[tuple[float, float]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)


def parse_day(value: str | None) -> int | None:
    """Ordinal day of an ISO date or datetime string; ``None`` when absent or unreadable."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def proper_names(text: str) -> set[str]:
    """Capitalised word pairs ("Marcus Deering", "Berkley Avenue"): candidates for rare-name keys.

    Ranks and titles before a name are skipped ("Private Armen Hakobyan": "Armen Hakobyan", :data:`RANKS`);
    other titles and roles ("Sheriff Dan"), institutions and areas ("Broward County", "West Side") are left
    out: every incident of a region names them.
    """
    out = set()
    ranked_end = 0
    for match in _NAME.finditer(text):
        if match.start() < ranked_end:
            continue  # a pair inside a ranked name read already
        name = match.group(1)
        words = name.split()
        if words[0] in RANKS:  # "Private Armen Hakobyan": the name after the ranks, none when no pair
            ranked = _RANKED.match(text, match.start())
            if ranked is None:
                continue
            name, ranked_end = ranked.group("name"), ranked.end()
            words = name.split()
        if words[0] not in _NOT_NAME_START and words[0] not in _ROLE_FIRST and words[-1] not in _AREA_LAST:
            out.add(name)
    return out


def street_addresses(text: str) -> set[str]:
    """Address keys ("400 pecan"): the number and the street's name, without direction or street type."""
    return {f"{m.group(1)} {m.group(2).lower()}" for m in _ADDRESS.finditer(text)}


def street_names(text: str) -> set[str]:
    """Street keys ("pecan", "33rd"): the name's last word before the street type, lower-cased."""
    out = set()
    for match in _STREET.finditer(text):
        words = match.group(1).split()
        if words[0] not in _NOT_NAME_START and words[-1] not in _STREET_NOT:
            out.add(words[-1].lower())
    return out


_STREET_NOT = frozenset(["The", "A", "Main", "Wall", "This", "That", "Each", "Every", "Any", "Our"])
"""Street-like phrases that name no particular street ("the Street", "Wall Street", "Main Street" is everywhere)."""


_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_AGED_NAME = re.compile(
    r"\b([A-Z][a-z]+(?:[ \t]+[A-Z]\.)?[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?),\s\d{1,2}(?=[,.;)]|\s+(?:of|from|and)\b)"
)
"""A name with its age in apposition ("Jamond Heyward, 17,"): a victim's or suspect's, not a byline's."""
_JUSTICE = re.compile(
    r"\b(?:arrest\w*|charged?|charges|sentenc\w*|indict\w*|convict\w*|trial|pleads?|pleaded|plea|guilty|suspects?"
    r"|custody|detained|arraign\w*|jury|verdict|court|judge|lawsuit|sues?|sued|prison|jail"
    r"|\d+\s*(?:-\s*\d+\s*)?years?\b(?![- ]old))\b",
    re.IGNORECASE,
)
"""Headline words of a later step of justice ("Man gets 20-42 years", "2 men detained"): a follow-up."""


def lead_weekdays(text: str) -> set[str]:
    """Weekdays named in the lead (the title and the first ``LEAD_CHARS`` characters): the event's day."""
    return set(_WEEKDAY.findall(text[:LEAD_CHARS]))


def aged_names(text: str) -> set[str]:
    """Names written with an age in apposition ("Brandy Council, 34"): the people of the story."""
    return set(_AGED_NAME.findall(text))


def justice_headline(title: str | None) -> bool:
    """Whether a headline names a step of justice (an arrest, a charge, a trial, a sentence)."""
    return bool(title and _JUSTICE.search(title))


def is_street_name(name: str) -> bool:
    """Whether a capitalised pair is a street's name ("Grand Avenue", "Broad Ripple Avenue")."""
    return _STREET.fullmatch(name) is not None


def clock_times(text: str) -> set[int]:
    """Clock times written in the text, as minutes after midnight (page time stamps left out)."""
    out = set()
    for match in _CLOCK.finditer(text):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hour <= 12 or _STAMP_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        out.add((hour % 12 + (12 if match.group(3) in "Pp" else 0)) * 60 + minute)
    return out


def stated_ages(text: str) -> set[int]:
    return {int(a or b) for a, b in _AGE.findall(text)}


def _mentions(place: Place, places: Sequence[Place]) -> int:
    key = place.geonameid if place.geonameid is not None else place.name
    return sum(1 for p in places if (p.geonameid if p.geonameid is not None else p.name) == key)


def _reliable_town(place: Place, places: Sequence[Place]) -> bool:
    """A town-precision place named more than once or in the lead: less likely a mis-geocoded word."""
    return (
        place.precision in _TOWN
        and place.lat is not None
        and place.lon is not None
        and (place.start < LEAD_CHARS or _mentions(place, places) > 1)
    )


def _places(analysis: ArticleAnalysis) -> _PlaceView:
    """Town keys of the reliable town places, labels, and the event place when it is a reliable town."""
    places = analysis.places
    view = _PlaceView()
    for place in places:
        view.names |= {place.name, place.text}
        if _reliable_town(place, places) and place.lat is not None and place.lon is not None:
            view.keys.add(f"town:{place.geonameid if place.geonameid is not None else place.name}")
            view.points.append((place.lat, place.lon))
        if place.name not in view.labels:
            view.labels.append(place.name)
    if analysis.event_place is not None and 0 <= analysis.event_place < len(places):
        event = places[analysis.event_place]
        if (
            event.precision in _TOWN
            and event.start < LEAD_CHARS
            and _mentions(event, places) > 1
            and event.lat is not None
            and event.lon is not None
        ):
            view.point, view.country = (event.lat, event.lon), event.country_code
            view.labels.remove(event.name)
            view.labels.insert(0, event.name)
    return view


def _explicit_event_day(analysis: ArticleAnalysis) -> bool:
    """Whether the event date is a day-precise date written in the text close to an event trigger."""
    if analysis.event_date is None or analysis.event_date_precision != "day":
        return False
    spans = [(e.start, e.end) for e in analysis.events] + [
        (c.start, c.end) for c in analysis.casualties if not c.background
    ]
    return any(
        t.date == analysis.event_date
        and t.precision == "day"
        and any(s - TRIGGER_CHARS <= t.start <= e + TRIGGER_CHARS for s, e in spans)
        for t in analysis.times
    )


def _killed_range(analysis: ArticleAnalysis) -> tuple[int, int | None] | None:
    figures = [
        c for c in analysis.casualties if c.kind == "killed" and c.count_min is not None and not c.background
    ]
    if not figures:
        return None
    low = max(c.count_min for c in figures if c.count_min is not None)
    highs = [c.count_max for c in figures]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    return low, (max(high, low) if high is not None else None)


def _specific_actors(analysis: ArticleAnalysis) -> set[str]:
    """Canonical actors that single out an incident (not police, civilians, a government)."""
    return {
        a.actor_id
        for a in analysis.actors
        if a.actor_id and a.actor_type is not None and a.actor_type not in GENERIC_ACTOR_TYPES
    }


def features_for(
    article: Article, analysis: ArticleAnalysis | None, clean_text: str, title: str | None = None
) -> ArticleFeatures:
    """Features of one article; ``clean_text`` is its title and text with corpus boilerplate removed, ``title``
    the title as shown, without the site's name (``vectors.headline_and_site``; the stored title by default)."""
    title = article.title if title is None else title
    published = parse_day(article.published_at)
    names = proper_names(clean_text)
    ages = stated_ages(clean_text)
    base = ArticleFeatures(
        article_id=article.id,
        day=published,
        day_source="published" if published else "none",
        day_precise=False,
        text=clean_text,
        published=published,
        names=frozenset(names),
        addresses=frozenset(street_addresses(clean_text)),
        ages=frozenset(ages),
        title_words=headline_words(title, article.text),
        clock=frozenset(clock_times(clean_text)),
        streets=frozenset(street_names(clean_text)),
        weekdays=frozenset(lead_weekdays(clean_text)),
        aged_names=frozenset(n for n in aged_names(clean_text) if not is_street_name(n)),
        justice_title=justice_headline(title),
    )
    if analysis is None:
        return base
    event_day = parse_day(analysis.event_date)
    explicit = event_day is not None and _explicit_event_day(analysis)
    view = _places(analysis)
    names |= {a.actor_name for a in analysis.actors if a.actor_type == "person" and a.actor_name}
    base.names = frozenset(names)
    base.day_precise = explicit
    if explicit:
        base.day, base.day_source = event_day, "analysis"
    base.place_keys = frozenset(view.keys)
    base.place_labels = tuple(view.labels[:5])
    base.event_point, base.event_country = view.point, view.country
    base.town_points, base.place_names = tuple(view.points), frozenset(view.names)
    base.actors = frozenset(_specific_actors(analysis))
    base.killed = _killed_range(analysis)
    base.event_type = analysis.event_type
    base.from_analysis = True
    return base


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
