"""The records that flow between stages: articles, per-article mentions, the analysis of one article.

Every mention carries ``start``/``end`` character offsets into the article's stored ``text``
(Python ``str`` indices, end exclusive), so each figure can be traced to the characters that gave it.
Records are plain dataclasses; ``to_dict``/``from_dict`` give the JSON form kept in the store.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, TypeVar

PlacePrecision = Literal["exact", "town", "admin2", "admin1", "region", "country"]
DatePrecision = Literal["day", "week", "month", "year"]
CasualtyKind = Literal["killed", "injured", "killed_or_injured", "missing", "captured", "arrested"]
ActorType = Literal["state_forces", "government", "rebel_militia", "organisation", "civilians", "media", "person",
                    "political_party", "other"]
ClaimKind = Literal["direct", "indirect", "mixed", "according_to", "own_voice"]

T = TypeVar("T")

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def normalise_text(text: str) -> str:
    """The canonical form of an article's text: NFC, unified newlines, runs of spaces collapsed.

    The stored text *is* this form, so every offset indexes into it.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "")
    lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def article_id_for(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of SHA-256 over the normalised, case-folded text."""
    return _id_of_normalised(normalise_text(text))


def _id_of_normalised(text: str) -> str:
    key = " ".join(text.casefold().split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class _Record:
    """``to_dict``/``from_dict`` for dataclasses, with nested records rebuilt from their annotations."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload, no-any-return]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        kwargs = {k: v for k, v in data.items() if k in known}
        nested = getattr(cls, "_nested", {})
        for name, record_type in nested.items():
            if name in kwargs and kwargs[name] is not None:
                kwargs[name] = [record_type.from_dict(item) for item in kwargs[name]]
        return cls(**kwargs)


@dataclass
class Article(_Record):
    """One news report as stored."""

    id: str
    text: str
    source_name: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published_at: str | None = None  # ISO 8601 date or datetime
    language: str | None = None
    duplicate_of: str | None = None  # id of the original when this is a syndicated near-copy
    ingested_at: str | None = None

    @classmethod
    def create(cls, text: str, source_name: str, **meta: Any) -> Article:
        clean = normalise_text(text)
        return cls(id=_id_of_normalised(clean), text=clean, source_name=source_name, **meta)


@dataclass
class Place(_Record):
    """A toponym in the text, geocoded."""

    text: str
    start: int
    end: int
    name: str  # gazetteer name
    country_code: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    precision: PlacePrecision | None
    geonameid: int | None = None
    admin1: str | None = None
    source: str = "gazetteer"  # gazetteer | alias | country | subdivision


def place_area(place: Mapping[str, Any], *, unknown_country: str = "", short: bool = False) -> str:
    """Where a place lies, for display, from a place's or a dossier location's fields: its first-level area and
    country code ("WV, US"; ``unknown_country`` stands in for a missing code, a dossier header writes "?"). With
    ``short``, for a one-line listing: a US state's postal code ("SC": towns share names), else the country code,
    "" for a country."""
    if short:
        if place.get("precision") == "country":
            return ""
        admin1 = str(place.get("admin1") or "")
        return admin1 if place.get("country_code") == "US" and admin1.isalpha() else place.get("country_code") or ""
    return ", ".join(v for v in (place.get("admin1"), place.get("country_code") or unknown_country) if v)


@dataclass
class TimeExpr(_Record):
    """A time expression resolved against the article's publication time."""

    text: str
    start: int
    end: int
    date: str | None  # YYYY-MM-DD (first day of the period for coarser precisions)
    precision: DatePrecision | None


@dataclass
class ActorMention(_Record):
    """A surface label for an actor, mapped to the actor knowledge base where possible."""

    text: str
    start: int
    end: int
    actor_id: str | None
    actor_name: str | None
    actor_type: str | None = None
    country_code: str | None = None
    via: str = "alias"  # alias | metonymy | demonym | ner | label


@dataclass
class Claim(_Record):
    """An attributed statement. ``claimant`` is ``None`` when the outlet speaks in its own voice."""

    text: str  # the sentence or span that carries the claim
    start: int
    end: int
    claimant: str | None
    claimant_start: int | None
    claimant_end: int | None
    cue: str | None
    cue_start: int | None = None
    cue_end: int | None = None
    content_start: int | None = None
    content_end: int | None = None
    claimant_actor: str | None = None  # canonical actor name
    claimant_actor_id: str | None = None
    hedged: bool = False
    hedges: list[str] = field(default_factory=list)
    kind: ClaimKind = "indirect"
    resolved_from: str | None = None  # antecedent text when the claimant was resolved across sentences


@dataclass
class CasualtyFigure(_Record):
    """A count of people killed, injured, etc., as written and as a range."""

    kind: CasualtyKind
    value_text: str  # as written: "two", "at least one", "dozens"
    start: int  # offsets of value_text
    end: int
    count_min: int | None
    count_max: int | None  # None = open-ended ("at least one")
    victims: str | None = None  # who was counted, as written ("servicemen", "militia members")
    victims_start: int | None = None
    victims_end: int | None = None
    side: str | None = None  # canonical actor name of the people counted
    side_actor_id: str | None = None
    vague: bool = False
    claim_index: int | None = None  # index into ArticleAnalysis.claims of the claim that carries it
    sentence_start: int | None = None
    sentence_end: int | None = None
    trigger: str | None = None  # the word that says what happened: "killed", "wounded", "deaths"
    same_as: int | None = None  # index into casualties of an earlier figure counting the same people
    background: bool = False  # about another event (an earlier shooting, a tally): not this event's count


@dataclass
class EventMention(_Record):
    """An event described in the article, on ACLED's taxonomy."""

    event_type: str | None  # ACLED event type, e.g. "Battles"
    sub_event_type: str | None  # ACLED sub-event type, e.g. "Armed clash"
    trigger: str
    start: int
    end: int
    initiator: str | None = None  # actor_id
    target: str | None = None  # actor_id
    place_index: int | None = None  # index into ArticleAnalysis.places
    date: str | None = None
    score: float = 0.0


@dataclass
class ArticleAnalysis(_Record):
    """Everything extracted from one article, as stored and as clustering/reconciliation read it."""

    article_id: str
    pipeline: str  # pipeline version that produced it
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    casualties: list[CasualtyFigure] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    event_date: str | None = None
    event_date_precision: DatePrecision | None = None
    event_place: int | None = None  # index into places
    event_type: str | None = None
    sub_event_type: str | None = None

    _nested = {  # noqa: RUF012 - class-level map of nested record types, never mutated
        "places": Place,
        "times": TimeExpr,
        "actors": ActorMention,
        "claims": Claim,
        "casualties": CasualtyFigure,
        "events": EventMention,
    }

    def event_spans(self) -> list[tuple[int, int]]:
        """Where the article tells its event: the sentences of its casualty figures and its event mentions
        (the spans the event date and place choices weigh)."""
        spans = [(c.sentence_start, c.sentence_end) for c in self.casualties
                 if c.sentence_start is not None and c.sentence_end is not None]
        return spans + [(e.start, e.end) for e in self.events]
