"""The dossier page's model: a dossier and its articles turned into what the template lays out.

- every claim (those of ``claims`` and those supporting a casualty row) gets an id ``cN``, a colour per
  claimant, and the ids ``fN`` of the casualty rows (facts) it supports;
- every discrepancy gets an id ``dN`` and the sentences it is about: the offsets the dossier gives
  (extra fields such as ``sentences``/``spans``: ``{"article", "start", "end"}``), or else the sentences
  of the claims whose claimant or figure its summary names, or of the phrases it quotes;
- every report is cut into segments carrying the marks of its claims, claimants and discrepancies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rashomon.web.highlight import Mark, Segment, contains_phrase, find_sentences, quoted_phrases, segment

PALETTE_SIZE = 8
OWN_VOICE = "(the outlet's own voice)"
KIND_ORDER = {
    k: i
    for i, k in enumerate(
        (
            "value_conflict",
            "attribution_conflict",
            "date_conflict",
            "location_conflict",
            "framing",
            "omission",
        )
    )
}
"""Conflicts first, then framing, then omissions (a dossier may list dozens of those)."""
SPAN_KEYS = ("sentences", "spans", "offsets", "evidence", "highlights", "sentence_offsets", "claims")

Span = tuple[str, int, int]


@dataclass
class ClaimView:
    id: str
    article: str
    claimant: str
    colour: int
    cue: str | None
    text: str
    start: int
    end: int
    claimant_start: int | None
    claimant_end: int | None
    hedged: bool
    value_text: str | None
    facts: list[str] = field(default_factory=list)


@dataclass
class FactView:
    id: str
    kind: str
    side: str | None
    low: int | None
    best: int | None
    high: int | None
    claims: list[str] = field(default_factory=list)


@dataclass
class DiscrepancyView:
    id: str
    kind: str
    summary: str
    articles: list[str]
    spans: list[Span]


@dataclass
class ReportView:
    article: dict[str, Any]
    label: str
    segments: list[Segment]


@dataclass
class ActorView:
    id: str
    name: str
    country_code: str | None
    roles: list[str]
    labels: list[tuple[str, list[str]]]


@dataclass
class DossierView:
    event: dict[str, Any]
    reports: list[ReportView]
    claims: list[ClaimView]
    facts: list[FactView]
    discrepancies: list[DiscrepancyView]
    actors: list[ActorView]
    claimants: dict[str, int]

    def report_label(self, article_id: str) -> str:
        return next((r.label for r in self.reports if r.article["id"] == article_id), article_id)


def report_label(article: dict[str, Any]) -> str:
    return str(article.get("outlet") or article.get("source_name") or article["id"])


def build_view(dossier: dict[str, Any], articles: list[dict[str, Any]]) -> DossierView:
    """The page model of one dossier over its stored articles."""
    claimants: dict[str, int] = {}
    claims: dict[tuple[Any, ...], ClaimView] = {}
    for raw in _as_dicts(dossier.get("claims")):
        _claim_view(raw, claims, claimants)
    facts = []
    for i, row in enumerate(_as_dicts(dossier.get("casualties"))):
        fact = FactView(
            f"f{i}",
            str(row.get("kind", "")),
            row.get("side"),
            row.get("low"),
            row.get("best"),
            row.get("high"),
        )
        for raw in _as_dicts(row.get("claims")):
            claim = _claim_view(raw, claims, claimants)
            if claim is not None and claim.id not in fact.claims:
                fact.claims.append(claim.id)
                claim.facts.append(fact.id)
        facts.append(fact)
    claim_list = list(claims.values())
    texts = {a["id"]: str(a.get("text") or "") for a in articles}
    discrepancies = sorted(
        (
            _discrepancy_view(i, raw, claim_list, texts)
            for i, raw in enumerate(_as_dicts(dossier.get("discrepancies")))
        ),
        key=lambda d: KIND_ORDER.get(d.kind, len(KIND_ORDER)),
    )
    labels = {a["id"]: report_label(a) for a in articles}
    reports = [
        ReportView(a, labels[a["id"]], segment(texts[a["id"]], _marks(a["id"], claim_list, discrepancies)))
        for a in articles
    ]
    actors = [
        ActorView(
            str(a.get("id", "")),
            str(a.get("name", "")),
            a.get("country_code"),
            [str(r) for r in a.get("roles", [])],
            [(labels.get(k, k), [str(x) for x in v]) for k, v in (a.get("labels") or {}).items()],
        )
        for a in _as_dicts(dossier.get("actors"))
    ]
    return DossierView(dossier, reports, claim_list, facts, discrepancies, actors, claimants)


def _as_dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _claim_view(
    raw: dict[str, Any], claims: dict[tuple[Any, ...], ClaimView], claimants: dict[str, int]
) -> ClaimView | None:
    """The view of ``raw``, made once per (article, span, claimant) and registered in ``claims``."""
    start, end = raw.get("start"), raw.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not isinstance(raw.get("article"), str):
        return None
    who = str(raw.get("claimant_actor") or raw.get("claimant") or OWN_VOICE)
    key = (raw["article"], start, end, raw.get("claimant"))
    if key not in claims:
        colour = claimants.setdefault(who, len(claimants) % PALETTE_SIZE)
        claims[key] = ClaimView(
            f"c{len(claims)}",
            raw["article"],
            str(raw.get("claimant") or OWN_VOICE),
            colour,
            raw.get("cue"),
            str(raw.get("text", "")),
            start,
            end,
            _int_or_none(raw.get("claimant_start")),
            _int_or_none(raw.get("claimant_end")),
            bool(raw.get("hedged")),
            raw.get("value_text"),
        )
    return claims[key]


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) else None


def _discrepancy_view(
    index: int, raw: dict[str, Any], claims: list[ClaimView], texts: dict[str, str]
) -> DiscrepancyView:
    articles = [a for a in raw.get("articles", []) if isinstance(a, str)]
    summary = str(raw.get("summary", ""))
    spans = explicit_spans(raw) or derived_spans(summary, articles, claims, texts)
    return DiscrepancyView(f"d{index}", str(raw.get("kind", "")), summary, articles, spans)


def explicit_spans(raw: dict[str, Any]) -> list[Span]:
    """Sentence offsets a discrepancy carries: ``[{article, start, end}]`` or ``{article: [[s, e]]}``."""
    spans: list[Span] = []
    for key in SPAN_KEYS:
        value = raw.get(key)
        if isinstance(value, dict):
            for article, pairs in value.items():
                spans += [(str(article), p[0], p[1]) for p in pairs if _is_pair(p)]
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    article = item.get("article") or item.get("article_id")
                    start, end = item.get("start"), item.get("end")
                    if isinstance(article, str) and isinstance(start, int) and isinstance(end, int):
                        spans.append((article, start, end))
    return list(dict.fromkeys(spans))


def _is_pair(value: Any) -> bool:
    return isinstance(value, list | tuple) and len(value) == 2 and all(isinstance(v, int) for v in value)


def derived_spans(
    summary: str, articles: list[str], claims: list[ClaimView], texts: dict[str, str]
) -> list[Span]:
    """Sentences a discrepancy without offsets is about, found from what its summary names."""
    wanted = set(articles) or set(texts)
    spans: list[Span] = [
        (c.article, c.start, c.end)
        for c in claims
        if c.article in wanted
        and (
            contains_phrase(summary, c.value_text)
            or (c.claimant != OWN_VOICE and contains_phrase(summary, c.claimant))
        )
    ]
    for phrase in quoted_phrases(summary):
        for article in wanted:
            spans += [(article, s, e) for s, e in find_sentences(texts.get(article, ""), phrase)]
    return list(dict.fromkeys(spans))


def _marks(
    article_id: str, claims: Iterable[ClaimView], discrepancies: Iterable[DiscrepancyView]
) -> list[Mark]:
    marks: list[Mark] = []
    for claim in claims:
        if claim.article != article_id:
            continue
        marks.append(Mark(claim.start, claim.end, claim.id, f"claim k{claim.colour}"))
        if claim.claimant_start is not None and claim.claimant_end is not None:
            marks.append(
                Mark(
                    claim.claimant_start, claim.claimant_end, "n" + claim.id[1:], f"claimant k{claim.colour}"
                )
            )
    for d in discrepancies:
        marks += [Mark(start, end, d.id) for article, start, end in d.spans if article == article_id]
    return marks
