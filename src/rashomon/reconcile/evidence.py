"""One report as evidence: its claims and casualty figures, each with the characters that carry it.

A :class:`Report` pairs a stored article with its analysis (or none, when extraction has not run). From
it come the contract's claim objects (``$defs/claim`` of ``dossier.schema.json``) and one
:class:`FigureClaim` per casualty figure: the figure, who gave it, and whether the report distances itself.
Offsets are re-checked against the stored text, so a claim's ``text`` is always ``article.text[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rashomon.extract.actor_kb import load_kb
from rashomon.extract.story import in_story, story_spans
from rashomon.ingest.outlets import UNKNOWN_OUTLET, outlet_name
from rashomon.records import Article, ArticleAnalysis, CasualtyFigure, Claim

_DETERMINERS = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s\b")


def normalise_label(label: str) -> str:
    """A surface label compared across reports: case-folded, no leading determiner or possessive, singular."""
    text = " ".join(_POSSESSIVE.sub("", label).casefold().split())
    text = _DETERMINERS.sub("", text)
    words = text.split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


@dataclass(eq=False)
class Report:
    """An article and what extraction found in it (``analysis`` is None before extraction runs)."""

    article: Article
    analysis: ArticleAnalysis | None

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def outlet(self) -> str:
        """The outlet's name: its own, else its URL's domain, else "unknown outlet" (never an id)."""
        return outlet_name(self.article.outlet, self.article.url)

    @property
    def outlet_key(self) -> str:
        """Who the report speaks for: its outlet when known, else the report itself (unknown outlets differ)."""
        known = outlet_name(self.article.outlet, self.article.url)
        return known.casefold() if known != UNKNOWN_OUTLET else "article:" + self.article.id

    def span(self, start: int | None, end: int | None) -> tuple[int, int] | None:
        """``(start, end)`` when it is a non-empty range inside the article's text."""
        if start is None or end is None or not 0 <= start < end <= len(self.article.text):
            return None
        return start, end


@dataclass(eq=False)
class FigureClaim:
    """One casualty figure as one report gives it, with the claim that carries it."""

    article_id: str
    kind: str
    count_min: int | None
    count_max: int | None
    vague: bool
    hedged: bool
    side: str | None
    side_key: str | None
    claimant_key: str
    record: dict[str, Any] = field(repr=False)
    dates: tuple[str, ...] = ()  # day-precision dates the carrying claim (or sentence) names
    report_date: str | None = None  # the event date the figure's own report gives

    @property
    def exact(self) -> int | None:
        """The figure when the report gives one number (not vague, not a range, not open-ended)."""
        if self.vague or self.count_min is None or self.count_min != self.count_max:
            return None
        return self.count_min

    @property
    def upper(self) -> int | None:
        """The largest number this claim states (its lower bound when it is open-ended)."""
        return self.count_max if self.count_max is not None else self.count_min

    @property
    def stated(self) -> int | None:
        """The single number the figure states: the exact figure, or N of a non-vague "at least N"."""
        if self.exact is not None:
            return self.exact
        return self.count_min if self.count_max is None and not self.vague else None


STATE_TYPES = frozenset({"state_forces", "government"})
"""Actor types that count as one side per country: a state's army and its government lose the same dead."""


def state_key(actor_id: str | None, actor_type: str | None, country_code: str | None) -> str | None:
    """``state:<country>`` for a recognised state's government or forces, else None.

    A disputed entity's government or army (the self-declared Republic of Artsakh, coded in Azerbaijan's
    country context) is its own actor, never the state of the country it is coded in.
    """
    if actor_type not in STATE_TYPES or not country_code:
        return None
    known = load_kb().get(actor_id) if actor_id else None
    return None if known is not None and known.disputed else "state:" + country_code


def side_key(
    actor_id: str | None, name: str | None, actor_type: str | None, country_code: str | None
) -> str | None:
    """The key casualty figures are grouped by: ``state:<country>`` for state actors, else the actor."""
    return state_key(actor_id, actor_type, country_code) or actor_id or (name.casefold() if name else None)


def actor_kinds(analysis: ArticleAnalysis) -> dict[str, tuple[str | None, str | None]]:
    """Actor id -> (type, country) as the report's mentions resolve them."""
    return {m.actor_id: (m.actor_type, m.country_code) for m in analysis.actors if m.actor_id}


def claimant_key(
    claim: Claim | None, report: Report, kinds: dict[str, tuple[str | None, str | None]] | None = None
) -> str:
    """Who stands behind a claim, for counting independent claimants: actor, else label, else the outlet.

    A recognised state's government, military and ministries (and metonymy for them: "Baku") are one
    source, ``state:<country>``; ``kinds`` (actor id -> type, country) says which actors those are, and
    the actor knowledge base answers for claimant actors no mention typed.
    """
    if claim is not None and claim.claimant_actor_id:
        actor_type, country = (kinds or {}).get(claim.claimant_actor_id, (None, None))
        if actor_type is None:
            known = load_kb().get(claim.claimant_actor_id)
            actor_type, country = (known.type, known.country_code) if known else (None, None)
        return state_key(claim.claimant_actor_id, actor_type, country) or "actor:" + claim.claimant_actor_id
    if claim is not None and claim.claimant_actor:
        return "actor:" + claim.claimant_actor.casefold()
    if claim is not None and claim.claimant:
        return "label:" + normalise_label(claim.claimant)
    return "outlet:" + report.outlet_key


def claim_record(report: Report, claim: Claim, index: int) -> dict[str, Any] | None:
    """The contract claim for ``claim``; None when its offsets do not fit the stored text."""
    span = report.span(claim.start, claim.end)
    if span is None:
        return None
    text = report.article.text
    who = report.span(claim.claimant_start, claim.claimant_end)
    if who is not None and claim.claimant and text[who[0] : who[1]] != claim.claimant:
        who = None
    return {
        "id": f"{report.id}:c{index}",
        "article": report.id,
        "claimant": claim.claimant,
        "claimant_start": who[0] if who else None,
        "claimant_end": who[1] if who else None,
        "claimant_actor": claim.claimant_actor,
        "claimant_actor_id": claim.claimant_actor_id,
        "cue": claim.cue,
        "text": text[span[0] : span[1]],
        "start": span[0],
        "end": span[1],
        "hedged": bool(claim.hedged),
        "hedges": list(claim.hedges),
        "claim_kind": claim.kind,
        "value_text": None,
        "count_min": None,
        "count_max": None,
    }


def _sentence_record(report: Report, figure: CasualtyFigure, index: int) -> dict[str, Any]:
    """A claim in the outlet's own voice for a figure no claim carries: its sentence, else the figure."""
    span = report.span(figure.sentence_start, figure.sentence_end) or (figure.start, figure.end)
    return {
        "id": f"{report.id}:f{index}",
        "article": report.id,
        "claimant": None,
        "claimant_start": None,
        "claimant_end": None,
        "claimant_actor": None,
        "claimant_actor_id": None,
        "cue": None,
        "text": report.article.text[span[0] : span[1]],
        "start": span[0],
        "end": span[1],
        "hedged": False,
        "hedges": [],
        "claim_kind": "own_voice",
        "value_text": None,
        "count_min": None,
        "count_max": None,
    }


def _carrier(
    report: Report, claims: list[Claim], figure: CasualtyFigure, index: int
) -> tuple[Claim | None, dict[str, Any]]:
    """The claim that carries a figure and its contract record."""
    if figure.claim_index is not None and 0 <= figure.claim_index < len(claims):
        claim = claims[figure.claim_index]
        record = claim_record(report, claim, figure.claim_index)
        if record is not None:
            return claim, record
    return None, _sentence_record(report, figure, index)


def figure_fields(figure: CasualtyFigure) -> dict[str, Any]:
    """What a figure adds to the claim that carries it."""
    return {
        "kind": figure.kind,
        "side": figure.side,
        "value_text": figure.value_text,
        "count_min": figure.count_min,
        "count_max": figure.count_max,
        "value_start": figure.start,
        "value_end": figure.end,
        "vague": figure.vague,
    }


_RANGE_START = re.compile(r"\b(?:since|from|over|throughout|during)\s+(?:the\s+)?(?:past\s+|last\s+)?$", re.I)
"""Words before a time expression that make it the start of a period reaching the event ("since Monday")."""


def span_dates(report: Report, start: int, end: int) -> tuple[str, ...]:
    """Day-precision dates of the time expressions inside ``start:end``, periods ("since Monday") left out."""
    if report.analysis is None:
        return ()
    text = report.article.text
    return tuple(
        dict.fromkeys(
            t.date
            for t in report.analysis.times
            if t.date
            and t.precision == "day"
            and start <= t.start
            and t.end <= end
            and not _RANGE_START.search(text[max(0, t.start - 30) : t.start])
        )
    )


def _content_span(claim: Claim | None, record: dict[str, Any]) -> tuple[int, int]:
    """What a claim says (its content, without "said on Thursday"), else its whole span."""
    if claim is not None and claim.content_start is not None and claim.content_end is not None:
        return claim.content_start, claim.content_end
    return record["start"], record["end"]


def figure_claims(
    report: Report, kinds: dict[str, tuple[str | None, str | None]] | None = None
) -> list[FigureClaim]:
    """Every casualty figure of a report whose offsets fit its text, with its carrying claim.

    Figures outside the page's main story (:func:`rashomon.extract.story.story_spans`: link lists, menus,
    playlists of a crawled page) are left out: they count the people of other stories.

    ``kinds`` (actor id -> type, country) defaults to this report's mentions; pass the event-wide map.
    """
    if report.analysis is None:
        return []
    result = []
    kinds = kinds if kinds is not None else actor_kinds(report.analysis)
    story = story_spans(report.article.text, report.article.title)
    for index, figure in enumerate(report.analysis.casualties):
        if report.span(figure.start, figure.end) is None or not in_story(story, figure.start):
            continue
        claim, record = _carrier(report, report.analysis.claims, figure, index)
        dates = span_dates(report, *_content_span(claim, record))
        record = {**record, **figure_fields(figure)}
        result.append(
            FigureClaim(
                article_id=report.id,
                kind=figure.kind,
                count_min=figure.count_min,
                count_max=figure.count_max,
                vague=figure.vague,
                hedged=bool(claim.hedged) if claim else False,
                side=figure.side,
                side_key=side_key(
                    figure.side_actor_id, figure.side, *kinds.get(figure.side_actor_id or "", (None, None))
                ),
                claimant_key=claimant_key(claim, report, kinds),
                record=record,
                dates=dates,
                report_date=report.analysis.event_date if report.analysis.event_date_precision == "day" else None,
            )
        )
    return result


def _carries_event(analysis: ArticleAnalysis, start: int, end: int) -> bool:
    return any(start <= event.start < end for event in analysis.events)


def event_claims(report: Report) -> list[dict[str, Any]]:
    """The claims a dossier lists for one report, in text order.

    Attributed claims are all kept; claims in the outlet's own voice only when they carry a casualty figure
    or an event mention. Each lists its ``figures``; ``value_text``/``count_min``/``count_max`` are those of
    its first figure.
    """
    if report.analysis is None:
        return []
    carried: dict[str, list[dict[str, Any]]] = {}
    records: dict[str, dict[str, Any]] = {}
    for figure in figure_claims(report):
        key = figure.record["id"]
        records.setdefault(key, {k: v for k, v in figure.record.items() if k not in _FIGURE_ONLY})
        carried.setdefault(key, []).append({k: figure.record[k] for k in _FIGURE_ONLY})
    for index, claim in enumerate(report.analysis.claims):
        record = claim_record(report, claim, index)
        if record is None or record["id"] in records:
            continue
        if claim.claimant is not None or _carries_event(report.analysis, record["start"], record["end"]):
            records[record["id"]] = record
    result = []
    for key, record in records.items():
        figures = sorted(carried.get(key, []), key=lambda f: f["value_start"])
        first = figures[0] if figures else {}
        result.append(
            {
                **record,
                "figures": figures,
                "value_text": first.get("value_text"),
                "count_min": first.get("count_min"),
                "count_max": first.get("count_max"),
            }
        )
    return sorted(result, key=lambda r: (r["start"], r["id"]))


_FIGURE_ONLY = ("kind", "side", "value_text", "count_min", "count_max", "value_start", "value_end", "vague")
