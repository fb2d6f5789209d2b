"""The timeline chart: events per day as bars of an SVG drawn on the server (no script needed).

Days run left to right over the whole span of the selection; a bar's height is the number of events
that day, its darker top part the contested ones. Each bar links to the events list of its day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import Request

WIDTH, HEIGHT, MARGIN = 960, 180, 24


@dataclass(frozen=True)
class Bar:
    day: str
    x: float
    width: float
    y: float
    height: float
    contested_y: float
    contested_height: float
    events: int
    contested: int
    href: str


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def timeline_chart(days: list[dict[str, Any]], request: Request) -> dict[str, Any]:
    """Bars, axis labels and size of the chart for per-day counts (see ``queries.timeline``)."""
    dated = [(d, row) for row in days if (d := _day(str(row["day"]))) is not None]
    if not dated:
        return {"bars": [], "width": WIDTH, "height": HEIGHT, "ticks": [], "max": 0, "days": 0}
    first, last = dated[0][0], dated[-1][0]
    span = (last - first).days + 1
    slot = (WIDTH - 2 * MARGIN) / span
    peak = max(int(row["events"]) for _, row in dated)
    plot = HEIGHT - 2 * MARGIN
    bars = []
    for day, row in dated:
        count, contested = int(row["events"]), int(row["contested"] or 0)
        height = max(2.0, plot * count / peak)
        c_height = plot * contested / peak if contested else 0.0
        x = MARGIN + (day - first).days * slot
        iso = day.isoformat()
        bars.append(
            Bar(
                iso,
                round(x, 2),
                round(max(slot * 0.8, 1.0), 2),
                round(HEIGHT - MARGIN - height, 2),
                round(height, 2),
                round(HEIGHT - MARGIN - c_height, 2),
                round(c_height, 2),
                count,
                contested,
                _day_link(request, iso),
            )
        )
    ticks = _ticks(first, last, slot)
    return {
        "bars": bars,
        "width": WIDTH,
        "height": HEIGHT,
        "ticks": ticks,
        "max": peak,
        "days": span,
        "first": first.isoformat(),
        "last": last.isoformat(),
        "baseline": HEIGHT - MARGIN,
    }


def _day_link(request: Request, iso: str) -> str:
    params = {k: v for k, v in request.query_params.items() if k not in ("since", "until", "page")}
    params.update(since=iso, until=iso)
    return "/?" + urlencode(params)


def _ticks(first: date, last: date, slot: float) -> list[dict[str, Any]]:
    """At most about eight date labels along the axis."""
    span = (last - first).days + 1
    step = max(1, span // 8)
    ticks = []
    for offset in range(0, span, step):
        day = date.fromordinal(first.toordinal() + offset)
        x = MARGIN + offset * slot
        if x <= WIDTH - 3 * MARGIN:  # a label starting nearer the right edge would be cut
            ticks.append({"x": round(x, 2), "label": day.isoformat()})
    return ticks
