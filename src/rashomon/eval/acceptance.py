"""The acceptance gold (``../shared/acceptance/*.gold.json``) checked against an export of a store.

Each gold check names what a correct dossier export must contain; its *type* is read from its keys, so any
gold file written in the same vocabulary is checked generically:

- ``event_articles``: one event holds all these articles;
- ``date``: the event's date is this day;
- ``lat``/``lon``/``max_km`` (``country_code``): the event's location is that close (and in that country);
- ``actor_any`` (``labels_by_article``): an actor's name matches; with labels, one such actor carries a
  matching label in each listed article;
- ``kind``/``side_any`` (``best``, ``claims``, ``articles``): a casualty slot of that kind and side has that
  best figure, claims by matching claimants in those articles, and figures from those articles;
- ``value_text_any`` (``article``, ``claimant_any``, ``min_at_least``): a casualty claim in that article by a
  matching claimant gives that figure with ``count_min`` at least so, and its slot's best is not that figure;
- ``discrepancy_kind`` (``articles``): a discrepancy of that kind names these articles;
- ``only_in``/``min_matches``: at least that many listed facts are named by discrepancies of the kind that
  involve their article;
- ``claimants_all``/``article``: for each group of forms, a claim in that article has a matching claimant;
- ``offsets_valid``: every claim's ``text`` is its article's text at ``start:end`` (claimant likewise).

Matching follows the gold's "about": case-insensitive substrings, in either direction (a value matches a
form when it contains the form, or, being 4+ characters, is contained in it). Articles are named by id or by
source name (file name). The event checked is the one holding the most of the gold's ``articles``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rashomon.errors import Errors, EvalError
from rashomon.eval import require
from rashomon.reconcile.discrepancies import distance_km


@dataclass
class CheckResult:
    id: str
    what: str
    passed: bool
    detail: str


def matches(value: object, forms: list[str]) -> bool:
    """Whether ``value`` matches any form (case-insensitive substring, either way)."""
    if not isinstance(value, str) or not value.strip():
        return False
    text = value.casefold()
    return any(f.casefold() in text or (len(text) >= 4 and text in f.casefold()) for f in forms)


class Context:
    """The export, the gold's article names resolved to ids, and the event under test."""

    def __init__(self, gold: dict[str, Any], document: dict[str, Any]) -> None:
        self.document = document
        self.ids: dict[str, str] = {}
        for article in document["articles"]:
            self.ids[article["id"]] = self.ids[article["source_name"]] = article["id"]
        self.texts = {a["id"]: a["text"] for a in document["articles"]}
        wanted = {self.id(name) for name in gold.get("articles", [])}
        events = document["events"]
        self.event: dict[str, Any] | None = (
            max(events, key=lambda e: len(wanted & set(e["articles"]))) if events else None
        )

    def id(self, name: str) -> str:
        return self.ids.get(name, name)

    def claims(self) -> list[dict[str, Any]]:
        if self.event is None:
            return []
        claims: list[dict[str, Any]] = list(self.event["claims"])
        return claims + [c for slot in self.event["casualties"] for c in slot["claims"]]


def _claimant_matches(claim: dict[str, Any], forms: list[str]) -> bool:
    return matches(claim.get("claimant"), forms) or matches(claim.get("claimant_actor"), forms)


def _one_event(ctx: Context, check: dict[str, Any]) -> tuple[bool, str]:
    wanted = {ctx.id(a) for a in check["event_articles"]}
    holding = [e["id"] for e in ctx.document["events"] if wanted <= set(e["articles"])]
    return bool(holding), f"events holding all: {holding or 'none'}"


def _date(ctx: Context, check: dict[str, Any]) -> tuple[bool, str]:
    found = ctx.event and ctx.event.get("date")
    return found == check["date"], f"date {found}"


def _location(ctx: Context, check: dict[str, Any]) -> tuple[bool, str]:
    place = (ctx.event or {}).get("location") or {}
    if place.get("lat") is None or place.get("lon") is None:
        return False, f"no coordinates ({place.get('name')})"
    km = distance_km(place["lat"], place["lon"], check["lat"], check["lon"])
    country_ok = "country_code" not in check or place.get("country_code") == check["country_code"]
    return km <= check[
        "max_km"
    ] and country_ok, f"{place.get('name')} {place.get('country_code')} at {km:.0f} km"


def _actor(ctx: Context, check: dict[str, Any]) -> tuple[bool, str]:
    actors = [a for a in (ctx.event or {}).get("actors", []) if matches(a["name"], check["actor_any"])]
    wanted = check.get("labels_by_article", {})
    for actor in actors:
        labels = {ctx.id(k): v for k, v in actor["labels"].items()}
        if all(any(matches(x, forms) for x in labels.get(ctx.id(art), [])) for art, forms in wanted.items()):
            return True, f"actor {actor['name']}: {actor['labels']}"
    return False, f"matching actors: {[a['name'] for a in actors] or 'none'}"


def _casualty(ctx: Context, check: dict[str, Any]) -> tuple[bool, str]:
    slots = [
        s
        for s in (ctx.event or {}).get("casualties", [])
        if s["kind"] == check["kind"]
        and any(matches(n, check["side_any"]) for n in [s["side"], *s.get("side_names", [])])
    ]
    for slot in slots:
        if "best" in check and slot["best"] != check["best"]:
            continue
        if not all(
            any(
                c["article"] == ctx.id(w["article"]) and _claimant_matches(c, w["claimant_any"])
                for c in slot["claims"]
            )
            for w in check.get("claims", [])
        ):
            continue
        if not {ctx.id(a) for a in check.get("articles", [])} <= {c["article"] for c in slot["claims"]}:
            continue
        return True, f"{slot['side']}: {slot['low']}/{slot['best']}/{slot['high']}"
    found = [f"{s['side']}: {s['low']}/{s['best']}/{s['high']}" for s in slots]
    return False, f"slots of that kind and side: {found or 'none'}"


def _vague_claim(ctx: Context, check: dict[str, Any]) -> tuple[bool, str]:
    for slot in (ctx.event or {}).get("casualties", []):
        for claim in slot["claims"]:
            if (
                claim["article"] == ctx.id(check["article"])
                and _claimant_matches(claim, check["claimant_any"])
                and matches(claim.get("value_text"), check["value_text_any"])
                and (claim.get("count_min") or 0) >= check.get("min_at_least", 0)
                and slot["best"] != claim.get("count_min")
            ):
                return True, f"“{claim['value_text']}” by {claim['claimant']}, slot best {slot['best']}"
    return False, "no such claim"


def _discrepancy(ctx: Context, check: dict[str, Any]) -> tuple[bool, str]:
    wanted = {ctx.id(a) for a in check.get("articles", [])}
    found = [d for d in (ctx.event or {}).get("discrepancies", []) if d["kind"] == check["discrepancy_kind"]]
    hits = [d for d in found if wanted <= set(d["articles"])]
    return bool(hits), (
        hits[0]["summary"] if hits else f"{len(found)} of that kind, none naming those articles"
    )


def _omissions(ctx: Context, check: dict[str, Any]) -> tuple[bool, str]:
    found = [d for d in (ctx.event or {}).get("discrepancies", []) if d["kind"] == check["discrepancy_kind"]]
    matched = [
        form
        for article, forms in check["only_in"].items()
        for form in forms
        if any(ctx.id(article) in d["articles"] and matches(d["summary"], [form]) for d in found)
    ]
    return len(matched) >= check.get("min_matches", 1), f"matched {matched} of {len(found)} omissions"


def _claimants(ctx: Context, check: dict[str, Any]) -> tuple[bool, str]:
    claims = [c for c in ctx.claims() if c["article"] == ctx.id(check["article"])]
    missing = [
        forms[0] for forms in check["claimants_all"] if not any(_claimant_matches(c, forms) for c in claims)
    ]
    return not missing, f"missing claimants: {missing}" if missing else f"{len(claims)} claims"


def _offsets(ctx: Context, check: dict[str, Any]) -> tuple[bool, str]:
    bad = []
    claims = ctx.claims()
    for claim in claims:
        text = ctx.texts.get(claim["article"], "")
        if text[claim["start"] : claim["end"]] != claim["text"]:
            bad.append(claim.get("id", claim["start"]))
        elif claim.get("claimant_start") is not None and (
            text[claim["claimant_start"] : claim["claimant_end"]] != claim["claimant"]
        ):
            bad.append(claim.get("id", claim["claimant_start"]))
    return bool(claims) and not bad, f"{len(claims)} claims, bad offsets: {bad}"


CHECKS: list[tuple[str, Callable[[Context, dict[str, Any]], tuple[bool, str]]]] = [
    ("event_articles", _one_event),
    ("date", _date),
    ("max_km", _location),
    ("actor_any", _actor),
    ("value_text_any", _vague_claim),
    ("kind", _casualty),
    ("only_in", _omissions),
    ("discrepancy_kind", _discrepancy),
    ("claimants_all", _claimants),
    ("offsets_valid", _offsets),
]
"""Check types by the key that identifies them, most specific first."""


def run_checks(gold: dict[str, Any], document: dict[str, Any]) -> list[CheckResult]:
    """Every check of ``gold`` against an export ``document``."""
    ctx = Context(gold, document)
    results = []
    for check in gold["checks"]:
        kind = next((fn for key, fn in CHECKS if key in check), None)
        if kind is None:
            results.append(CheckResult(check["id"], check.get("what", ""), False, "unknown check type"))
            continue
        passed, detail = kind(ctx, check) if ctx.event is not None else (False, "no events in the export")
        results.append(CheckResult(check["id"], check.get("what", ""), passed, detail))
    return results


def load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(require(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(Errors.V001, path=f"{path} ({exc})") from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("checks"), list):
        raise EvalError(Errors.V001, path=f"{path} (no 'checks' list)")
    return gold
