"""``rashomon_places_v1`` (issue name ``rashomon.places.v1``; spaCy forbids dots in factory names).

Toponyms in a Doc, geocoded against the offline gazetteer, and the event location of an article.

The component reads GPE/LOC/FAC entities (the place ruler of :func:`add_place_ruler` runs before ``ner``,
so local toponyms arrive as GPE/LOC too) and writes ``doc._.places``, a list of
:class:`rashomon.records.Place` in text order. Resolution, in :meth:`PlaceResolver.resolve`:

1. split "Springfield, Illinois" into its parts; the part after the comma *qualifies* the one before;
2. look each part up (:mod:`rashomon.extract.gazetteer`); on no match retry without a generic word such as
   "province", "region", "governorate", "city of" or a compass word ("northern Syria" -> "Syria");
3. drop a toponym that is the subject of a speech verb ("Baku has said": a government, not a place);
4. score each candidate: its prior (log10 population, bonus for a main-name match) + ``qualifier_bonus``
   when the qualifier is its admin1 area or country + ``country_bonus`` x the support of the *other*
   toponyms for its country + ``admin_bonus`` x their support for its admin1 area (support relative to the
   best-supported one or to :data:`ADMIN_FLOOR` votes if more; a country or region gets the country
   bonus in full, so "Palestine" among Texan places is still the town).
   Evidence: a named country or admin area counts 2, a toponym whose best candidate leads clearly counts 1.

:func:`main_place` (from :mod:`rashomon.extract.event_place`) picks the event location of an article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from rashomon.errors import ConfigError, Errors
from rashomon.extract import extensions
from rashomon.extract.event_place import SPECIFICITY as SPECIFICITY
from rashomon.extract.event_place import main_place as main_place
from rashomon.extract.gazetteer import Candidate, Gazetteer, Match, load_gazetteer, name_key, place_patterns
from rashomon.extract.place_context import (
    EVIDENCE_FEATURES,
    PERSON_NAME_VOTES,
    REPEAT_EXPONENT,
    Evidence,
    Points,
    Toponym,
    add_into,
    chosen_evidence,
    contains,
    evidence,
    name_points,
    names_an_area,
    nearness,
    person_names,
    qualifier_area,
    scaled,
    share,
    untagged_town,
    with_postal_states,
    with_small_towns,
    without,
)
from rashomon.extract.place_persons import person_mentions
from rashomon.records import Place

FACTORY = "rashomon_places_v1"
K = TypeVar("K")

SPEECH_LEMMAS = frozenset({
    "say", "tell", "state", "claim", "confirm", "deny", "accuse", "announce", "report", "insist", "warn",
    "urge", "demand", "declare", "add", "allege", "reject", "condemn", "respond", "reply", "argue", "call",
})
_GENERIC = re.compile(
    r"^(?:the\s+)?(?:(?:city|town|province|region|state|district|governorate|republic|village)\s+of\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|northeast|northwest|southeast|southwest|metro|greater|historic|downtown|"
    r"suburban|rural|upstate|downstate)\s+)?"
    r"(?P<core>.+?)"
    r"(?:\s+(?P<generic>province|region|oblast|governorate|district|prefecture|municipality|city|state|"
    r"territory|area|valley|rayon|raion|township|county|parish|borough))?$", re.IGNORECASE)
_STREET = re.compile(
    r"\s(?:street|st|avenue|ave|road|rd|drive|dr|boulevard|blvd|lane|ln|highway|hwy|court|ct|parkway|pkwy|"
    r"square|plaza|bridge)\.?$", re.IGNORECASE)
"""A street or square: never looked up without its generic word ("North Street" is not the town Street)."""
_ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z][a-z]{1,3}\.)$")
"""An abbreviated area name in news style: "Pa.", "Calif.", "W.Va." (not a town: "Pa" is also Chongqing)."""
_AREA_SUFFIXES = frozenset({"province", "region", "oblast", "governorate", "prefecture", "state", "territory"})
"""A generic word after a name that makes it an admin area ("New York state", "Kherson oblast")."""
_AREA_FEATURES = frozenset({"A1", "A2"})
ORG_PREFIX_TOKENS = 3
"""Longest leading part of an organisation name looked up as a context area ("Georgia Bureau of ...")."""
_CONTEXT_LABELS = frozenset({"ORG", "FAC"})
"""Entities whose leading country or area is context: "Texas Department of ...", "Florida Highway"."""
DATELINE_CHARS = 400
"""How far into the text (headline included) an agency dateline is looked for."""
_DATELINE = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?P<town>[A-Z][A-Z.'-]*[A-Z.](?:\s[A-Z][A-Z.'-]*[A-Z.]){0,3})"
    r"(?:,\s(?P<area>[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?))?\s*(?:\([^()\n]{1,30}\)\s*)?(?:\u2014|\u2013|--|-)\s")
"""An agency dateline in capitals: "ST. PAUL --", "CHARLESTON, W.Va. (AP) —", "TBILISI, Georgia -"."""
COUNTRY_BONUS = 3.0
"""Default ``country_bonus`` of the places component (the factory's and the headline resolver's)."""
ADMIN_BONUS = 4.0
"""Default ``admin_bonus`` of the places component."""
QUALIFIER_BONUS = 4.0
"""Default ``qualifier_bonus`` of the places component."""
ADMIN_FLOOR = 0.75
"""The admin1 support a candidate's area needs for the full ``admin_bonus``: shares are taken relative to the
best-supported area or to this many votes, whichever is more. Diluted evidence ("Forest" and "Man" split one
vote over twenty areas each) no longer gives Dallas, Pennsylvania the whole bonus over Dallas, Texas. Per
report event place, 300 odd GVA incidents: 0 -> 0.807, 0.5 -> 0.815, 0.75 -> 0.826, 1 -> 0.828, 2 -> 0.830;
LGL even 0.878 -> 0.879 at 0.75 and 0.5, 0.875 at 2 (benchmarks: "Place namesakes", docs/benchmarks.md)."""
LOOKUP_MEMO = 100_000
"""Texts whose gazetteer matches a resolver remembers at most (then it starts again)."""
AGENCY_WORDS = frozenset({
    "police", "officer", "officers", "sheriff", "deputy", "deputies", "trooper", "troopers", "detective",
    "detectives", "coroner", "metro", "patrol",
})
"""One-word mentions that name the police, never a place, though the NER tags them as one and the gazetteer
knows towns of the name ("Crestview Police officers": Police, Poland; "Metro police"; "Officer Kevin Quaid").
About a fifth of the place mentions of GVA crime reports before this rule (docs/benchmarks.md, "Place false
positives at extraction")."""
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
"""A trailing possessive is not part of a toponym ("Mount Hood's")."""


class PlaceResolver:
    """Finds and geocodes the toponyms of a Doc; see the module docstring for the rule."""

    def __init__(self, *, labels: Collection[str], country_bonus: float, admin_bonus: float,
                 qualifier_bonus: float, drop_speakers: bool, keep_unresolved: bool, passes: int = 1,
                 near_bonus: float = 1.0, gazetteer: Gazetteer | None = None, drop_people: bool = True,
                 common_words: Collection[str] = frozenset(), small_towns: bool = True) -> None:
        if passes < 1:
            raise ConfigError(Errors.G001, name="passes", reason="must be >= 1")
        for name, value in (("country_bonus", country_bonus), ("admin_bonus", admin_bonus),
                            ("qualifier_bonus", qualifier_bonus), ("near_bonus", near_bonus)):
            if value < 0:
                raise ConfigError(Errors.G001, name=name, reason="must be >= 0")
        self.labels = frozenset(labels)
        self.country_bonus = country_bonus
        self.admin_bonus = admin_bonus
        self.qualifier_bonus = qualifier_bonus
        self.near_bonus = near_bonus
        self.drop_speakers = drop_speakers
        self.keep_unresolved = keep_unresolved
        self.passes = passes
        self.drop_people = drop_people
        self.common_words = frozenset(common_words)  # unresolved one-word mentions of these are dropped
        self.small_towns = small_towns  # ORG / PERSON names read as towns of a named state ("in Charenton")
        self._gazetteer = gazetteer
        self._looked_up: dict[tuple[bool, str], tuple[Match, ...]] = {}
        self._looked_up_in: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        extensions.register()
        doc._.places = self.resolve(self.match(doc), extensions.doc_text(doc))
        return doc

    # -- finding ---------------------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[Toponym]:
        """The toponyms of ``doc`` with their gazetteer matches (no choice made yet)."""
        parts: list[Span] = []
        names: list[Span] = []  # ORG and PERSON entities that read as small towns ("shot in Charenton")
        surnames: set[str] = set()  # of the people the NER found ("Charles Simonyi" ... "Simonyi")
        for ent in doc.ents:
            if ent.label_ not in self.labels:
                if self.small_towns and untagged_town(ent):
                    names.append(ent)
                elif ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_title and ent[0].lower_ != "the":
                    surnames.add(name_key(ent[-1].text))
                continue
            if self.drop_speakers and _is_speaker(ent):
                continue
            name = _trim(ent)
            if _is_named(name):
                parts.extend(piece for part in _comma_parts(name) for piece in self._split(part))
        dateline = self._dateline(doc)
        if dateline:
            kept = [p for p in parts if not any(p.start < d.end and d.start < p.end for d in dateline)]
            parts = sorted([*kept, *dateline], key=lambda span: span.start)
        found = [(part, self.lookup(part.text)) for part in parts if part.text.lower() not in AGENCY_WORDS]
        text = extensions.doc_text(doc) if found else ""  # joined once per Doc
        found = with_postal_states(found, text, self.gazetteer) if found else found  # "Summerville, SC"
        if names and found:
            found = with_small_towns(found, names, text, self.lookup)
        toponyms: list[Toponym] = []
        for i, (part, matches) in enumerate(found):
            qualifier: tuple[Match, ...] = ()
            qualified: tuple[Match, ...] = ()
            if i + 1 < len(found) and _qualifies(text, part, found[i + 1][0]) and not _peers(
                    matches, found[i + 1][1]):
                qualifier = found[i + 1][1]
            if i > 0 and _qualifies(text, found[i - 1][0], part) and not _peers(found[i - 1][1], matches):
                qualified = found[i - 1][1]
            if matches or (self.keep_unresolved and part.label_ != "FAC" and not self._common_word(part)):
                toponyms.append(Toponym(part.text, part.start_char, part.end_char, matches, qualifier, qualified))
        if self.drop_people:
            toponyms = [replace(t, person=True) if person else t
                        for t, person in zip(toponyms, person_mentions(text, toponyms, surnames), strict=True)]
        toponyms.extend(self._organisation_areas(doc))
        return toponyms

    def _common_word(self, part: Span) -> bool:
        """One word that the language knows as a word, not a name of a place the gazetteer lacks: "District"
        (Attorney), "Communities", "Otters" (a plural), "Tamil" (WordNet's entries include such proper nouns)."""
        if len(part) != 1 or not self.common_words:
            return False
        word = part[0].lower_
        return bool({word, part[0].lemma_.lower(), word[:-1] if word.endswith("s") else word} & self.common_words)

    def _split(self, part: Span) -> list[Span]:
        """``part``, or, when it has no match, its pieces around hyphens that have one ("Logan-Rogersville"
        -> "Logan", "Rogersville"; a party tag is dropped: "D-N.J." -> "N.J.", "DFL-Minneapolis")."""
        if "-" not in part.text or self.lookup(part.text):
            return [part]
        pieces = [p for p in _pieces(part, "-") if len(p.text) > 1 and p.text[0].isupper() and self.lookup(p.text)]
        return pieces or [part]

    def _dateline(self, doc: Doc) -> list[Span]:
        """The town (and its qualifying area) of an agency dateline in capitals near the top of the text,
        which the NER often misses ("ATLANTA -", "ST. PAUL --", "CHARLESTON, W.Va. (AP) -")."""
        found = _DATELINE.search(extensions.doc_text(doc)[:DATELINE_CHARS])
        if found is None or not self.lookup(found.group("town")):
            return []
        spans = []
        for group in ("town", "area"):
            if found.group(group) is None:
                continue
            span = doc.char_span(found.start(group), found.end(group), label="GPE")
            if span is None or (group == "area" and not self.lookup(span.text)):
                break
            spans.append(span)
        return spans

    def _organisation_areas(self, doc: Doc) -> list[Toponym]:
        """Countries and first-level areas that lead an organisation's name ("Georgia Bureau of
        Investigation", "Texas Department of Public Safety"): context for the document's area, never places."""
        found = []
        for ent in doc.ents:
            if ent.label_ not in _CONTEXT_LABELS:
                continue
            begin = 1 if ent[0].lower_ in ("the", "a", "an") else 0
            for size in range(min(ORG_PREFIX_TOKENS, len(ent) - 1 - begin), 0, -1):
                part = ent[begin:begin + size]
                matches = self._remembered(part.text, raw=True) if part[0].is_title or part[0].is_upper else ()
                if matches and names_an_area(matches):
                    found.append(Toponym(part.text, part.start_char, part.end_char, matches, context_only=True))
                    break
        return found

    def lookup(self, text: str) -> tuple[Match, ...]:
        """Matches of ``text``, else of its core without generic words ("Idlib province" -> "Idlib")."""
        return self._remembered(text, raw=False)

    def _remembered(self, text: str, *, raw: bool) -> tuple[Match, ...]:
        """:meth:`_lookup` of ``text`` (the gazetteer's own lookup when ``raw``), remembered per text while the
        gazetteer stays the same object (it is not changed once loaded): names repeat within and across
        articles. Repeated names share one tuple of matches. Forgotten when :data:`LOOKUP_MEMO` texts are held."""
        gazetteer = self.gazetteer
        if self._looked_up_in is not gazetteer or len(self._looked_up) >= LOOKUP_MEMO:
            self._looked_up, self._looked_up_in = {}, gazetteer
        found = self._looked_up.get((raw, text))
        if found is None:
            found = tuple(gazetteer.lookup(text)) if raw else self._lookup(text)
            self._looked_up[(raw, text)] = found
        return found

    def _lookup(self, text: str) -> tuple[Match, ...]:
        matches = self.gazetteer.lookup(text)
        if _ABBREVIATION.match(text):
            matches = [m for m in matches if m.candidate.feature in EVIDENCE_FEATURES] or matches
        if not matches and _STREET.search(text) is None:
            core = _GENERIC.match(text.strip())
            if core and core.group("core") != text:
                matches = self.gazetteer.lookup(core.group("core"))
                if (core.group("generic") or "").lower() in _AREA_SUFFIXES:
                    matches = [m for m in matches if m.candidate.feature in _AREA_FEATURES] or matches
        return tuple(matches)

    # -- choosing --------------------------------------------------------------------------------------
    def resolve(self, toponyms: Sequence[Toponym], text: str = "") -> list[Place]:
        """Choose one candidate per toponym in the context of the others.

        First pass: context from every toponym's top candidates
        (:func:`rashomon.extract.place_context.evidence`). Later passes (``passes`` in all): context from the
        candidates the previous pass chose, so the areas the document settled on pull the remaining ambiguous
        names.
        """
        votes = [evidence(t) if not in_name else scaled(evidence(t), PERSON_NAME_VOTES)
                 for t, in_name in zip(toponyms, person_names(toponyms, text), strict=True)]
        chosen = self._choose(toponyms, votes)
        for _ in range(self.passes - 1):
            votes = [chosen_evidence(match) for match in chosen]
            chosen = self._choose(toponyms, votes)
        return [_place(t, m.candidate if m else None) for t, m in zip(toponyms, chosen, strict=True)
                if not t.context_only and not t.person]

    def _choose(self, toponyms: Sequence[Toponym], votes_of: Sequence[Evidence]) -> list[Match | None]:
        """Each toponym's best candidate. A name repeated in the text votes with its first mention's
        evidence, weighted by ``mentions ** REPEAT_EXPONENT``, and never for itself; ``near_bonus`` x
        :func:`rashomon.extract.place_context.nearness` is added to the score."""
        keys = [vote_key(t.text) for t in toponyms]
        by_name: dict[str, Evidence] = {}
        mentions: dict[str, int] = defaultdict(int)
        for key, votes in zip(keys, votes_of, strict=True):
            by_name.setdefault(key, votes)
            mentions[key] += 1
        by_name = {key: scaled(votes, mentions[key] ** REPEAT_EXPONENT) for key, votes in by_name.items()}
        total_countries: dict[str, float] = defaultdict(float)
        total_admin: dict[tuple[str, str], float] = defaultdict(float)
        for countries, admins in by_name.values():
            add_into(total_countries, countries)
            add_into(total_admin, admins)
        points = name_points(toponyms, keys)
        near: dict[tuple[str, int], float] = {}  # (name, candidate): a repeated name is measured once
        other_points: dict[str, Points] = {}

        def near_bonus(key: str, candidate: Candidate) -> float:
            if (key, id(candidate)) not in near:
                if key not in other_points:
                    other_points[key] = Points.of(p for name, p in points.items() if name != key)
                near[(key, id(candidate))] = self.near_bonus * nearness(candidate, other_points[key])
            return near[(key, id(candidate))]

        others: dict[str, tuple[dict[str, float], dict[tuple[str, str], float]]] = {}
        best_of: dict[tuple[str, int, int, int], Match | None] = {}  # a repeated mention is scored once
        chosen = []
        for toponym, key in zip(toponyms, keys, strict=True):
            mention = (key, id(toponym.matches), id(toponym.qualifier), id(toponym.qualified))
            if mention not in best_of:
                if key not in others:
                    countries, admins = by_name[key]
                    others[key] = (without(total_countries, countries), without(total_admin, admins))
                others_c, others_a = others[key]
                best_of[mention] = max(
                    toponym.matches, default=None,
                    key=lambda m: self.score(m, toponym.qualifier, others_c, others_a,
                                             qualified=toponym.qualified) + near_bonus(key, m.candidate))
            chosen.append(qualifier_area(toponym, best_of[mention]))
        return chosen

    def score(self, match: Match, qualifier: Sequence[Match], countries: dict[str, float],
              admins: dict[tuple[str, str], float], *, qualified: Sequence[Match] = ()) -> float:
        """Prior + qualifier bonus + shares of the context evidence for the candidate's country and area.

        The qualifier bonus goes both ways: to the town inside its qualifier ("Springfield" in "Springfield,
        Illinois") and to the qualifier's area holding the town ("New York" in "Albany, New York": the state).
        """
        candidate = match.candidate
        value = match.prior
        if any(contains(q.candidate, candidate) for q in qualifier):
            value += self.qualifier_bonus
        if any(contains(candidate, q.candidate) for q in qualified):
            value += self.qualifier_bonus
        if candidate.feature in ("PCL", "L"):  # a country or region is its own country context
            return value + self.country_bonus
        if candidate.country_code:
            value += self.country_bonus * share(countries, candidate.country_code)
            if candidate.admin1:
                area = (candidate.country_code, candidate.admin1)
                value += self.admin_bonus * supported(admins, area, ADMIN_FLOOR)
        return value


def supported(weights: dict[K, float], key: K, floor: float) -> float:
    """:func:`rashomon.extract.place_context.share` of ``key``, relative to the heaviest key or ``floor``
    votes, whichever is more: weak evidence split over many areas (the twenty readings of "Forest" or "Man")
    does not give its best-voted area the full bonus."""
    most = max(max(weights.values(), default=0.0), floor)
    return weights.get(key, 0.0) / most if most else 0.0


def _peers(first: Sequence[Match], second: Sequence[Match]) -> bool:
    """Two names of the same kind of area in a row are a list, not a place and its qualifier: "Ohio,
    Kentucky and Indiana", "Syria, Iraq"."""
    return (bool(first) and bool(second) and names_an_area(first) and names_an_area(second)
            and first[0].candidate.feature == second[0].candidate.feature)


def vote_key(text: str) -> str:
    """The name a mention votes under: folded, without generic words, so "City of Richmond", "Historic
    Dublin" and "Dublin City" are the same name as "Richmond" and "Dublin" (and never vote for it)."""
    core = _GENERIC.match(text.strip())
    return name_key(core.group("core") if core else text)


def _is_named(ent: Span) -> bool:
    """A proper name: its first word after a determiner is capitalised ("midtown", "metro" are not)."""
    first = ent[1] if len(ent) > 1 and ent[0].lower_ in ("the", "a", "an") else ent[0]
    return first.text[:1].isupper() or not first.text[:1].isalpha()


def _is_speaker(ent: Span) -> bool:
    """``ent`` is the subject of a speech verb ("Baku said", "Moscow has denied")."""
    root = ent.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_LEMMAS


def _comma_parts(ent: Span) -> list[Span]:
    """``ent`` split at commas: "Springfield, Illinois" -> "Springfield", "Illinois"."""
    return _pieces(ent, ",")


def _pieces(ent: Span, separator: str) -> list[Span]:
    """The non-empty runs of ``ent``'s tokens between tokens that are ``separator``, labelled as ``ent``."""
    parts, begin = [], ent.start
    for token in ent:
        if token.text == separator:
            if token.i > begin:
                parts.append(ent.doc[begin:token.i])
            begin = token.i + 1
    if begin < ent.end:
        parts.append(ent.doc[begin:ent.end])
    for part in parts:
        part.label_ = ent.label_
    return parts


def _trim(ent: Span) -> Span:
    """``ent`` without a trailing possessive ("Mount Hood's" -> "Mount Hood") and without leading lower-case
    words before a name ("north Arlington" -> "Arlington", not the town North Arlington)."""
    start, end = ent.start, ent.end
    if end - start > 1 and ent.doc[end - 1].text in _POSSESSIVE:
        end -= 1
    while end - start > 1 and ent.doc[start].is_lower and ent.doc[start].lower_ not in ("the", "a", "an"):
        start += 1
    if (start, end) == (ent.start, ent.end):
        return ent
    trimmed = ent.doc[start:end]
    trimmed.label_ = ent.label_
    return trimmed


def _qualifies(text: str, part: Span, following: Span) -> bool:
    """``following`` comes right after ``part`` and a comma ("Paris, Texas") in ``text`` (the Doc's)."""
    between = text[part.end_char:following.start_char]
    return between.strip() == ","


def _place(toponym: Toponym, candidate: Candidate | None) -> Place:
    if candidate is None:
        return Place(text=toponym.text, start=toponym.start, end=toponym.end, name=toponym.text,
                     country_code=None, lat=None, lon=None, precision=None, source="unresolved")
    return Place(text=toponym.text, start=toponym.start, end=toponym.end, name=candidate.name,
                 country_code=candidate.country_code, lat=candidate.lat, lon=candidate.lon,
                 precision=candidate.precision, geonameid=candidate.geonameid, admin1=candidate.admin1,
                 source=candidate.source)


def english_words(nlp: Language) -> frozenset[str]:
    """Lower-case English words: the language's stop words and the lemmatizer's WordNet lemmas, if any.

    Stop words are not all in WordNet ("of": Of is a Turkish town of 20,000 people).
    """
    stop_words = frozenset(nlp.Defaults.stop_words)
    if "lemmatizer" not in nlp.pipe_names:
        return stop_words
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return stop_words
    index: Any = lookups.get_table("lemma_index")
    return stop_words | frozenset(word for pos in index for word in index[pos])


def add_place_ruler(nlp: Language, *, min_population: int = 15_000, name: str = "place_ruler") -> EntityRuler:
    """Add the gazetteer EntityRuler as the first pipe (so before ``ner``) and fill it.

    First, not just before ``ner``: the ruler matches on ``ORTH`` only, and an EntityRuler runs the pipes
    before it over its phrase patterns when they are added (seconds for tens of thousands of names).
    """
    ruler = nlp.add_pipe("entity_ruler", name=name, config={"phrase_matcher_attr": "ORTH"}, first=True)
    if not isinstance(ruler, EntityRuler):
        raise ConfigError(Errors.G001, name=name, reason="is not an EntityRuler")
    patterns: list[dict[str, Any]] = list(place_patterns(min_population=min_population,
                                                         common_words=english_words(nlp)))
    ruler.add_patterns(patterns)
    return ruler


@Language.factory(
    FACTORY,
    default_config={"labels": ["GPE", "LOC", "FAC"], "country_bonus": COUNTRY_BONUS, "admin_bonus": ADMIN_BONUS,
                    "qualifier_bonus": QUALIFIER_BONUS, "drop_speakers": True, "keep_unresolved": True,
                    "passes": 1, "near_bonus": 1.0},
    requires=["doc.ents", "token.dep", "token.lemma"],
    assigns=["doc._.places"],
)
def make_places(nlp: Language, name: str, *, labels: list[str], country_bonus: float, admin_bonus: float,
                qualifier_bonus: float, drop_speakers: bool, keep_unresolved: bool,
                passes: int, near_bonus: float) -> PlaceResolver:
    return PlaceResolver(labels=labels, country_bonus=country_bonus, admin_bonus=admin_bonus,
                         qualifier_bonus=qualifier_bonus, drop_speakers=drop_speakers,
                         keep_unresolved=keep_unresolved, passes=passes, near_bonus=near_bonus,
                         common_words=english_words(nlp))
