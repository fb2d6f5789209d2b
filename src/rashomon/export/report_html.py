"""A self-contained HTML report of one event (``rashomon dossier EVENT --html FILE``).

Reports side by side with each claim highlighted in its claimant's colour, the casualty table (low/best/high
with the claims behind each figure), the discrepancies, and the actors with each outlet's labels. One file,
inline CSS, no script and no external request. Everything that comes from an article (text, titles,
claimants, labels, outlets) is HTML-escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

from rashomon.ingest.outlets import outlet_name

PALETTE = ("#ffe08a", "#a8d8ff", "#c3f0b6", "#f7b9d0", "#d9c7ff", "#ffc9a3", "#b9f0ec", "#e6e6a8")
STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:1.5rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}
.reports{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1rem}
.report{border:1px solid #ccc;padding:.75rem;white-space:pre-wrap}
mark{border-radius:3px;padding:0 1px}.own{background:#eee}
.legend span{display:inline-block;margin:.1rem .4rem;padding:0 .3rem;border-radius:3px}
.contested{color:#b00;font-weight:bold}
"""


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _colours(event: dict[str, Any]) -> dict[str, str]:
    """A colour per claimant (as written, case-folded), in order of first appearance."""
    names = dict.fromkeys((c["claimant"] or "").casefold() for c in event["claims"] if c["claimant"])
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def _highlighted(text: str, claims: list[dict[str, Any]], colours: dict[str, str]) -> str:
    """The article text, escaped, with non-overlapping claim spans wrapped in ``<mark>``."""
    parts, cursor = [], 0
    for claim in sorted(claims, key=lambda c: (c["start"], -c["end"])):
        if claim["start"] < cursor:
            continue
        who = claim["claimant"] or "outlet's own voice"
        colour = colours.get((claim["claimant"] or "").casefold())
        style = f' style="background:{colour}"' if colour else ' class="own"'
        title = f"{who} — {claim.get('cue') or 'no cue'}" + (" (hedged)" if claim.get("hedged") else "")
        parts += [
            _e(text[cursor : claim["start"]]),
            f'<mark{style} title="{_e(title)}">',
            _e(text[claim["start"] : claim["end"]]),
            "</mark>",
        ]
        cursor = claim["end"]
    parts.append(_e(text[cursor:]))
    return "".join(parts)


def _casualty_table(event: dict[str, Any], outlets: dict[str, str]) -> str:
    rows = ["<tr><th>kind</th><th>side</th><th>low</th><th>best</th><th>high</th><th>claims</th></tr>"]
    for slot in event["casualties"]:
        claims = "<br>".join(
            f"“{_e(c['value_text'])}” — {_e(c['claimant'] or 'own voice')}"
            f"{' (hedged)' if c.get('hedged') else ''} [{_e(outlets.get(c['article'], c['article']))}]"
            for c in slot["claims"]
        )
        rows.append(
            f"<tr><td>{_e(slot['kind'])}</td><td>{_e(slot['side'] or 'unknown')}</td>"
            f"<td>{_e(slot['low'])}</td><td><b>{_e(slot['best'])}</b></td><td>{_e(slot['high'])}</td>"
            f"<td>{claims}</td></tr>"
        )
    return "<table>" + "".join(rows) + "</table>"


def _actors(event: dict[str, Any], outlets: dict[str, str]) -> str:
    items = []
    for actor in event["actors"]:
        labels = "; ".join(
            f"{_e(outlets.get(k, k))}: " + ", ".join(f"“{_e(x)}”" for x in v)
            for k, v in actor["labels"].items()
        )
        items.append(f"<li><b>{_e(actor['name'])}</b> ({_e(', '.join(actor['roles']))}) — {labels}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _header(event: dict[str, Any]) -> str:
    location = event.get("location") or {}
    contested = ' <span class="contested">contested</span>' if event.get("contested") else ""
    return (
        f"<h1>{_e(event.get('title') or event['id'])}{contested}</h1>"
        f"<p>{_e(event.get('date'))} ({_e(event.get('date_precision'))}) · {_e(location.get('name'))} "
        f"{_e(location.get('country_code'))} · {_e(event.get('event_type'))} / "
        f"{_e(event.get('sub_event_type'))}"
        f" · event {_e(event['id'])}</p>"
    )


def render_html(event: dict[str, Any], articles: list[dict[str, Any]]) -> str:
    """The dossier as one self-contained HTML page."""
    outlets = {a["id"]: outlet_name(a.get("outlet"), a.get("url")) for a in articles}
    colours = _colours(event)
    legend = "".join(f'<span style="background:{c}">{_e(n)}</span>' for n, c in colours.items())
    columns = "".join(
        f"<div><h3>{_e(outlets.get(a['id']))}: {_e(a.get('title') or a['source_name'])}</h3>"
        f'<div class="report" id="article-{_e(a["id"])}">'
        f"{_highlighted(a['text'], [c for c in event['claims'] if c['article'] == a['id']], colours)}"
        "</div></div>"
        for a in articles
        if a["id"] in event["articles"]
    )
    discrepancies = "".join(
        f"<li><b>{_e(d['kind'])}</b>: {_e(d['summary'])}</li>" for d in event["discrepancies"]
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(event.get('title') or event['id'])}</title><style>{STYLE}</style></head><body>"
        f"{_header(event)}<h2>Casualties</h2>{_casualty_table(event, outlets)}"
        f"<h2>Discrepancies</h2><ul>{discrepancies or '<li>none</li>'}</ul>"
        f"<h2>Actors</h2>{_actors(event, outlets)}"
        f'<h2>Reports</h2><p class="legend">Claimants: {legend or "none"}</p>'
        f'<div class="reports">{columns}</div>'
        "</body></html>\n"
    )
