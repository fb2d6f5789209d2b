"""The terminal dossier of one event (``rashomon dossier EVENT``): facts, figures, claims, discrepancies."""

from __future__ import annotations

import textwrap
from typing import Any

from rashomon.ingest.outlets import outlet_name
from rashomon.records import place_area

WIDTH = 100


def _wrap(text: str, indent: str = "    ") -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent + "  "
    )


def _header(event: dict[str, Any]) -> list[str]:
    location = event.get("location") or {}
    area = place_area(location, unknown_country="?")  # "WV, US"
    place = f"{location.get('name')} ({area}; {location.get('precision') or '?'})"
    return [
        f"EVENT {event['id']}" + ("   [CONTESTED]" if event.get("contested") else ""),
        f"  title     {event.get('title') or '-'}",
        f"  date      {event.get('date') or '-'} ({event.get('date_precision') or '?'})",
        f"  place     {place if location else '-'}",
        f"  type      {event.get('event_type') or '-'} / {event.get('sub_event_type') or '-'}",
        f"  reports   {len(event['articles'])}: {', '.join(event.get('outlets', []))}",
    ]


def _bound(value: int | None) -> str:
    """A low / best / high figure, right-aligned; ``-`` where the reports give none (an open range)."""
    return f"{'-' if value is None else value:>5}"


def _attribution(claim: dict[str, Any]) -> str:
    """Who says it, in reading order: ``Police said``, ``according to Police``, ``(own voice)``."""
    who = claim["claimant"] or "(own voice)"
    cue = claim.get("cue") or ""
    if cue.lower().startswith("according"):
        return f"{cue} {who}"
    return f"{who} {cue}" if cue else who


def _casualties(event: dict[str, Any]) -> list[str]:
    lines = ["", "CASUALTIES (low / best / high)"]
    for slot in event["casualties"]:
        side = slot["side"] or "unknown side"
        lines.append(
            f"  {slot['kind']:<18} {side[:40]:<40} {_bound(slot['low'])} {_bound(slot['best'])} {_bound(slot['high'])}"
        )
        for claim in slot["claims"]:
            who = claim["claimant"] or "(outlet's own voice)"
            hedge = " [hedged]" if claim.get("hedged") else ""
            lines.append(f"      “{claim['value_text']}” — {who}{hedge} [{claim['article'][:8]}]")
    return lines if event["casualties"] else [*lines, "  none reported"]


def _claims(event: dict[str, Any], outlets: dict[str, str]) -> list[str]:
    lines = ["", "CLAIMS"]
    for claim in event["claims"]:
        lines.append(f"  [{outlets.get(claim['article'], claim['article'][:8])}] {_attribution(claim)}:")
        lines += _wrap(claim["text"])
    return lines


def _discrepancies(event: dict[str, Any]) -> list[str]:
    lines = ["", "DISCREPANCIES"]
    for item in event["discrepancies"]:
        lines += _wrap(f"{item['kind']}: {item['summary']}", "  ")
    return lines if event["discrepancies"] else [*lines, "  none"]


def render_text(event: dict[str, Any], articles: list[dict[str, Any]]) -> str:
    """The dossier as plain text for a terminal."""
    outlets = {a["id"]: outlet_name(a.get("outlet"), a.get("url")) for a in articles}
    lines = _header(event) + _casualties(event)
    lines += ["", "ACTORS"] + [
        f"  {a['name']} ({', '.join(a['roles'])}): "
        + "; ".join(f"{outlets.get(k, k[:8])}: {', '.join(v)}" for k, v in a["labels"].items())
        for a in event["actors"]
    ]
    return "\n".join(lines + _discrepancies(event) + _claims(event, outlets)) + "\n"
