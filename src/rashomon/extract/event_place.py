"""The event location of one article: which of its resolved places the report is about.

:func:`main_place` weighs every resolved mention by where it stands (dateline, lede, the sentences that
report the event) and drops mentions that are not places here (a word inside a longer name: "Kyle Markins",
"San Antonio St", "Davis Park Elementary"; a common word that the text also writes in lower case:
"Police", "Man", "West"). The dominant country and, inside it, the dominant first-level area (a US report's
state) constrain the choice; among the places that fit, a town beats its county, state or country.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from rashomon.extract.gazetteer import name_key
from rashomon.records import Place

SPECIFICITY = {"exact": 6, "town": 5, "admin2": 4, "admin1": 3, "region": 2, "country": 1}
"""Rank of a precision: more specific places rank higher in :func:`main_place`."""

_DATELINE = re.compile(
    r"(?:^|\n|\s{2})\s*(?P<where>[A-Z][A-Z.'\- ]{2,40}(?:,\s*[A-Z][A-Za-z. ]{1,20})?)\s*"
    r"(?:\([A-Za-z0-9 .\-/&]{1,30}\))?\s*(?:--|[—–-])\s")
"""An agency dateline: "CHICAGO (AP) —", "TERRE HAUTE, Ind. (WTHI) –", "SPRINGFIELD, Ill. --"."""
_WIRE_MARKER = re.compile(r"\s*\((?:AP|Reuters|UPI|Associated Press|[KW][A-Z]{2,3}(?:-TV)?)\)")
"""A wire service's or broadcaster's tag after the dateline's place ("CHARLESTON, W.Va. (AP) --", "PORTLAND,
Ore. (KOIN) --"): the bureau or studio the story is filed from, not necessarily where the event happened (a
newspaper's own "PORTLAND --" is its town, and stays a dateline)."""
_EVENT_PREPOSITION = re.compile(
    r"\b(?:in|near|at)\s+(?:(?:a|an|the)\s+)?(?:(?:nearby|rural|neighboring|neighbouring)\s+)?\Z")
"""A preposition that puts the event at the place right after it ("shot in Charenton", "at their home near
Edgerton", "in a Beverly home"); "outside" and "suburban" name a reference city ("outside Atlanta")."""
_TAKEN_TO = re.compile(
    r"\b(?:hospital|medical cent(?:er|re)|jail|prison|court(?:house)?|custody|morgue|taken to|transported to|"
    r"airlifted to|flown to)(?:\s+\S+){0,3}?\s+\S*\s*\Z", re.IGNORECASE)
"""Where the victims or suspects were taken, not where the event was ("St. Joseph's hospital in Marshfield",
"taken to Sacred Heart Medical Center at Riverbend in Springfield")."""
_COURT_AFTER = re.compile(
    r"(?:\s+(?:County|District|Superior|Municipal|Circuit|Magistrate|City|Criminal|Family))*\s+Courts?\b")
"""A court named after the place ("arraigned in Salem District Court"): where the case is heard."""
_STREETS_AFTER = re.compile(r"\s+and\s+[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)?\s+(?:streets|avenues|roads|drives)\b",
                            re.IGNORECASE)
"""A crossing of two streets after the name ("at Brook and Winter streets"): no town."""
_PLURAL_STREET_AFTER = re.compile(r"\s+(?:streets|avenues|roads|drives)\b", re.IGNORECASE)
"""The second name of a crossing ("Independence and Wabash avenues")."""
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’]*) \Z")  # on the same line: a caption above is no name
_NUMBER_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th) \Z")
"""An ordinal right before the mention: an address ("26th Street", "5th Avenue")."""
_AGENCY_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:county|city|metro|metropolitan|township|parish)\s+)?"
    r"(?:police|sheriff|sheriff['’]s|pd\b|fire|homicide|detectives?|officers?|authorities|investigators)",
    re.IGNORECASE)
"""The place names the agency that handles the event ("Cincinnati police", "Houston Police Department",
"Walker County Sheriff's Office"): the event lies in its jurisdiction."""
_WORD_AFTER = re.compile(r"^['’]?s? ([A-Z][\w.'’]*)")
_COMPASS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
    "northwest", "southeast", "southwest", "ne", "nw", "se", "sw", "n", "s", "e", "w", "downtown", "greater",
    "suburban", "rural", "metro", "uptown", "midtown", "inner", "outer", "upper", "lower", "near",
})
_AFTER_OK = frozenset({
    "police", "sheriff", "sheriff's", "county", "city", "township", "twp", "fire", "department", "pd",
    "mayor", "council", "area", "borough", "parish", "metro", "region", "state", "district", "residents",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
})
"""Capitalised words that may follow a place without making it part of a longer name."""
BUREAU_KM = 30.0
"""A dateline without a wire's tag ("BILLINGS, Mont. --") loses its weight only to a town of its state at least
this far from it ("a residence in Roundup"): a city's neighbourhoods and suburbs ("CHICAGO -- ... in
Englewood") are the dateline's own place."""
KM_PER_DEGREE = 111.2
NEWS_WORDS = frozenset({
    "police", "officer", "officers", "sheriff", "deputy", "deputies", "metro", "bar", "central", "university",
    "district", "man", "woman", "boy", "girl", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "march", "may", "re", "of", "as", "county", "city", "state", "downtown", "news",
    "hospital", "park", "village", "mary", "david", "young", "update", "share", "home", "center", "centre",
    "street", "avenue", "road", "drive", "lane", "boulevard", "highway", "store", "buy", "church", "school",
    "college", "court", "office", "department", "station", "club", "market",
})
"""Words of crime reports that the NER tags as places and the gazetteer knows as towns ("Police", Poland)."""


@dataclass(frozen=True)
class Weights:
    """How much a mention counts, by where it stands."""

    base: float = 1.0
    event: float = 2.0  # within ``window`` characters of an event span
    lead: float = 1.0  # in the first ``lead_chars`` characters
    dateline: float = 4.0  # inside the agency dateline
    agency: float = 4.0  # names the police or sheriff that handle the event, as strong as a dateline


WEIGHTS = Weights()


def main_place(places: Sequence[Place], *, event_spans: Sequence[tuple[int, int]] = (), text: str = "",
               window: int = 300, lead_chars: int = 400, weights: Weights = WEIGHTS) -> int | None:
    """Index into ``places`` of the event location, or ``None`` when no place is resolved.

    Rule: each resolved mention weighs ``base``, plus ``event`` within ``window`` characters of an event span
    (casualty figures, event triggers), ``lead`` in the first ``lead_chars`` characters, ``dateline`` in
    the agency dateline and ``agency`` when it names the police or sheriff that handle the event ("Cincinnati
    police", "Walker County Sheriff's Office"); with ``text``, a mention inside a longer name (also after an
    ordinal: "26th Street") or written elsewhere as a common word weighs 0 (:func:`not_a_place_here`). The
    dominant country has the most weight; inside it, when mentions name first-level areas, the dominant area
    (state names count double) rules out places of other areas, and a town or county that fits rules out the
    states and countries (however often "New Mexico" is named, "TUCUMCARI, N.M." is about the town).
    Mentions of one name count for one reading, that of the name's dateline mention, else its heaviest mention
    (:func:`one_reading_per_name`). Among the remaining places each distinct place scores its summed weight
    times the rank of its precision (town 5 ... country 1, :data:`SPECIFICITY`); the best wins and its first
    mention that carries that reading is returned. A wire or broadcaster dateline whose lede puts the event at
    another town of its state (:func:`filed_elsewhere`: "NEW ORLEANS (AP) -- ... the shootings in Charenton")
    gets no dateline weight, and its town's mentions weigh only ``base`` ("30 miles north of Kansas City").
    """
    dateline = dateline_span(text)
    names: dict[str, bool] = {}  # per name: the text's verdict, tested once however often the name is mentioned
    weight = [mention_weight(p, text, event_spans, dateline, window, lead_chars, weights, names) for p in places]
    if dateline is not None and filed_elsewhere(places, weight, text, dateline, event_spans, window, lead_chars):
        bureau = _dateline_names(text[dateline[0]:dateline[1]])
        weight = [min(weights.base, w) if p.text.casefold() in bureau else w for p, w in zip(places, (
            mention_weight(p, text, event_spans, None, window, lead_chars, weights, names) for p in places),
            strict=True)]
    if not any(weight):
        return None
    read = one_reading_per_name(places, weight, dateline)
    country = _heaviest(read, weight, lambda p: p.country_code)
    area = _heaviest([p for p in read if p.country_code == country],
                     [w * (2.0 if p.precision == "admin1" else 1.0)
                      for p, w in zip(read, weight, strict=True) if p.country_code == country],
                     lambda p: p.admin1 if p.precision != "country" else None)
    by_place: dict[tuple[str, str | None, str | None], float] = defaultdict(float)
    first: dict[tuple[str, str | None, str | None], int] = {}
    fine: dict[tuple[str, str | None, str | None], bool] = {}
    for i, (place, w) in enumerate(zip(read, weight, strict=True)):
        fits = place.country_code == country and (area is None or place.admin1 in (None, area)
                                                  or place.precision == "country")
        if w and fits and place.precision:
            key = (place.name, place.admin1, place.country_code)
            by_place[key] += w * SPECIFICITY[place.precision]
            fine[key] = SPECIFICITY[place.precision] >= SPECIFICITY["admin2"]
            if place is places[i]:
                first.setdefault(key, i)
    if not by_place:
        return None
    if any(fine.values()):  # a town or county inside the area beats the area itself ("TUCUMCARI, N.M.")
        by_place = {key: score for key, score in by_place.items() if fine[key]}
    best = max(by_place, key=lambda key: (by_place[key], -first[key]))
    return first[best]


def filed_elsewhere(places: Sequence[Place], weight: Sequence[float], text: str, dateline: tuple[int, int],
                    event_spans: Sequence[tuple[int, int]], window: int, lead_chars: int) -> bool:
    """A wire dateline ("NEW ORLEANS (AP) --") whose lede puts the event at another town of the dateline's
    state: the text names one after an event preposition ("shot in Charenton", "at their home near Edgerton")
    within ``lead_chars`` characters after the dateline and ``window`` characters of an event span, and never
    so names the dateline's own town ("a nightclub shooting in Mount Vernon"). The wire files from its
    bureau city; the lede says where the event was."""
    tagged = _WIRE_MARKER.match(text, dateline[1]) is not None
    towns = [p for p in places if dateline[0] <= p.start < dateline[1] and p.precision == "town"]
    states = {p.admin1 for p in towns}
    bureau = _dateline_names(text[dateline[0]:dateline[1]])
    elsewhere = False
    for place, w in zip(places, weight, strict=True):
        if (not w or place.start < dateline[1] or place.start > dateline[1] + lead_chars
                or not _at_event(place, text, event_spans, window)):
            continue
        if place.text.casefold() in bureau:
            return False
        elsewhere = elsewhere or (place.precision == "town" and place.admin1 in states and (tagged or (
            name_key(place.text) == name_key(place.name) and all(_km(place, town) >= BUREAU_KM for town in towns))))
    return elsewhere


def _km(a: Place, b: Place) -> float:
    """Distance between two resolved places (equirectangular: fine at the scale of a state)."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return 0.0
    dx = (a.lon - b.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return KM_PER_DEGREE * math.hypot(dx, a.lat - b.lat)


def _crossing(text: str, place: Place) -> bool:
    """The mention names one of two crossing streets ("at Independence and Wabash avenues")."""
    return (_STREETS_AFTER.match(text, place.end) is not None
            or _PLURAL_STREET_AFTER.match(text, place.end) is not None)


def _at_event(place: Place, text: str, event_spans: Sequence[tuple[int, int]], window: int) -> bool:
    """The mention follows an event preposition ("in X", "near X", "in a X home") within ``window`` characters
    of an event span, and names no court ("in Salem District Court")."""
    return (_EVENT_PREPOSITION.search(text, max(0, place.start - 30), place.start) is not None
            and _COURT_AFTER.match(text, place.end) is None and _STREETS_AFTER.match(text, place.end) is None
            and _TAKEN_TO.search(text, max(0, place.start - 60), place.start) is None
            and any(start - window <= place.start <= end + window for start, end in event_spans))


def one_reading_per_name(places: Sequence[Place], weight: Sequence[float],
                         dateline: tuple[int, int] | None = None) -> list[Place]:
    """Every counted mention of a name read as the dateline's mention of it is read, else as the name's heaviest
    mention (on a tie, the first): a report means one place by one name, and the mention that says most (the
    dateline "SPRINGFIELD, Ohio", with its state) is the one the resolver read best. Mentions that weigh
    nothing keep their own reading."""
    def rank(i: int) -> tuple[bool, float]:
        return dateline is not None and dateline[0] <= places[i].start < dateline[1], weight[i]

    heaviest: dict[str, int] = {}
    for i, (place, w) in enumerate(zip(places, weight, strict=True)):
        key = place.text.casefold()
        if w and (key not in heaviest or rank(i) > rank(heaviest[key])):
            heaviest[key] = i
    return [places[heaviest[p.text.casefold()]] if w else p for p, w in zip(places, weight, strict=True)]


def _heaviest(places: Sequence[Place], weight: Sequence[float], key: Callable[[Place], str | None]) -> str | None:
    totals: dict[str, float] = defaultdict(float)
    for place, w in zip(places, weight, strict=True):
        value = key(place)
        if w and value:
            totals[value] += w
    return max(totals, key=lambda k: (totals[k], k)) if totals else None


def mention_weight(place: Place, text: str, event_spans: Sequence[tuple[int, int]],
                   dateline: tuple[int, int] | None, window: int, lead_chars: int,
                   weights: Weights = WEIGHTS, names: dict[str, bool] | None = None) -> float:
    """How much one mention says about the event location (0 for unresolved ones and non-places); ``names``
    remembers :func:`not_a_place_here`'s verdicts on the text per name (one dict per text)."""
    if place.lat is None or (text and not_a_place_here(place, text, names)):
        return 0.0
    if place.lat is not None and place.text.casefold() in NEWS_WORDS:
        return 0.0
    near = any(start - window <= place.start <= end + window for start, end in event_spans)
    in_dateline = dateline is not None and (dateline[0] <= place.start < dateline[1] or (
        bool(text) and place.text.casefold() in _dateline_names(text[dateline[0]:dateline[1]])))
    agency = bool(text) and _AGENCY_AFTER.match(text[place.end:place.end + 40]) is not None
    return (weights.base + (weights.event if near else 0.0) + (weights.lead if place.start < lead_chars else 0.0)
            + (weights.dateline if in_dateline else 0.0) + (weights.agency if agency else 0.0))


def dateline_span(text: str, within: int = 700) -> tuple[int, int] | None:
    """Offsets of the place part of an agency dateline near the start of ``text``, if there is one."""
    match = _DATELINE.search(text[:within])
    if match is None:
        return None
    start = match.start("where")
    return start, start + len(match.group("where").rstrip())


def _dateline_names(where: str) -> set[str]:
    """The town of a dateline, folded ("TERRE HAUTE, Ind." -> {"terre haute"}): later mentions of it
    ("Terre Haute police") share the dateline's weight; its state's do not."""
    return {where.split(",")[0].strip().casefold()}


def not_a_place_here(place: Place, text: str, names: dict[str, bool] | None = None) -> bool:
    """The mention is part of a longer name, a common word the text also writes in lower case, or a
    surname the text also writes after a given name or title (:data:`NEWS_WORDS` never count, with or
    without the text: see :func:`mention_weight`). The last two depend on the name and the text only: with
    ``names`` (one dict per text) each name's verdict is computed once (each scans the text: a long report
    naming one town a hundred times scanned it a hundred times)."""
    if inside_name(text, place.start, place.end) or _crossing(text, place):
        return True
    if names is None:
        return common_word(text, place.text) or surname(text, place.text)
    verdict = names.get(place.text)
    if verdict is None:
        verdict = names[place.text] = common_word(text, place.text) or surname(text, place.text)
    return verdict


_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "lt", "sgt", "cpl", "capt", "det", "detective", "officer", "deputy",
    "trooper", "sheriff", "chief", "judge", "attorney", "prosecutor", "coroner", "mayor", "sen", "rep", "gov",
    "president", "pastor", "rev", "coach", "agent", "spokesman", "spokeswoman", "spokesperson", "lieutenant",
    "sergeant", "captain", "corporal", "commander", "superintendent", "investigator", "patrolman",
})
"""Titles before a surname ("Sgt. Perry", "Detective Clinton")."""


def surname(text: str, mention: str) -> bool:
    """The mention's words stand elsewhere in ``text`` right after a given name, a title or the first half of
    a double-barrelled name, on the same line ("Shaletres Townsend", "Joseph L. Nelson", "Lt. Perry",
    "Ceballos-Rodriguez"): the text uses them as a person's name ("Townsend was arrested"), so no mention of
    them counts. A capitalised direction, stop word or place generic before them ("North Perry", "In
    Townsend", "Fort Townsend") does not make a name."""
    if " " in mention or not mention[:1].isupper():
        return False
    for word, dot in surname_matches(text, mention):
        word = word.lower()
        if word in _TITLES:
            return True
        if not dot and word not in STOP_WORDS and word not in _COMPASS and word not in _GENERICS:
            return True
    return False


_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)(\.?)(?:[ \t]+|-)(?:[A-Z]\.[ \t]+)?\Z")
"""A given name or title, its full stop, a space or hyphen and maybe a middle initial, up to a mention."""
_NAME_AFTER = re.compile(r"\b(?![-\w])")
"""The end of a mention that is a whole name (not the start of a longer or hyphenated word)."""


def surname_pattern(mention: str) -> re.Pattern[str]:
    """The one pattern :func:`surname_matches` finds the matches of (the plain way: one compile per name)."""
    return re.compile(rf"\b([A-Z][a-z]+)(\.?)(?:[ \t]+|-)(?:[A-Z]\.[ \t]+)?{re.escape(mention)}\b(?![-\w])")


def surname_matches(text: str, mention: str) -> Iterator[tuple[str, str]]:
    """(word, full stop) of each match of :func:`surname_pattern` in ``text``, in ``finditer``'s order, without
    compiling a pattern per name (0.5 ms each, one per new place name in a corpus). A match ends at an
    occurrence of ``mention`` after a space, tab or hyphen that ends a word, and what stands before it has one
    reading (:data:`_NAME_BEFORE`, searched on its line from where the last match ended). A start that could
    end at two occurrences (a one-letter name read as the initial: "Jo X. X") gives the same word either way,
    and nothing between the two can start a later match, so the earlier one is taken."""
    size, searched_to = len(mention), 0
    at = text.find(mention, 1)
    while at >= 0:
        if text[at - 1] in " \t-" and at >= searched_to and _NAME_AFTER.match(text, at + size):
            before = _NAME_BEFORE.search(text, max(searched_to, text.rfind("\n", 0, at) + 1), at)
            if before is not None:
                searched_to = at + size
                yield before.group(1), before.group(2)
        at = text.find(mention, at + 1)


_GENERICS = frozenset({
    "fort", "port", "mount", "lake", "saint", "san", "santa", "new", "old", "little", "big", "grand", "glen",
    "palm", "bay", "cape", "point", "east", "west", "north", "south", "city", "county", "township", "village",
    "town", "borough", "parish", "state", "near", "outside", "downtown", "suburban",
})
"""Place-name generics and words before a place that do not make the next word a surname."""


def inside_name(text: str, start: int, end: int) -> bool:
    """A capitalised word glued before ("Kyle" in "Faith Kyle", "Sinking Spring") or after ("Kyle Markins",
    "San Antonio St") the mention makes it part of a person's, street's or building's name.

    Direction words ("North Minneapolis"), capitalised stop words ("In Chicago") and words that name the
    place's institutions or the day ("Houston Police", "Dayton Tuesday") leave it a place.
    """
    if _NUMBER_BEFORE.search(text[max(0, start - 12):start]):
        return True
    before = _WORD_BEFORE.search(text[max(0, start - 30):start])
    if before:
        word = before.group(1)
        if word[0].isupper() and not word.isupper() and word.rstrip(".").lower() not in _COMPASS \
                and word.lower() not in STOP_WORDS:
            return True
    after = _WORD_AFTER.match(text[end:end + 30])
    if after:
        word = after.group(1).rstrip(".,'’")
        if not word.isupper() and word.lower() not in _AFTER_OK and word.lower() not in STOP_WORDS:
            return True
    return False


def common_word(text: str, mention: str) -> bool:
    """A one-word, title-case mention ("Police", "Man", "West") that also stands in ``text`` in lower case."""
    if " " in mention or not mention.istitle() or len(mention) < 3:
        return False
    lower = mention.lower()
    at = text.find(lower)
    while at >= 0:  # the occurrences of ``(?<![\w-])LOWER(?![\w-])``, without a pattern per name
        if (at == 0 or _WORDISH.match(text, at - 1) is None) and _WORDISH.match(text, at + len(lower)) is None:
            return True
        at = text.find(lower, at + 1)
    return False


_WORDISH = re.compile(r"[\w-]")

