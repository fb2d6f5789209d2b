"""What an export holds: the contract document (``contract/dossier.schema.json``) for the selected events.

Every format starts from :func:`build_document`: ``{"schema": "rashomon.dossier/1", "articles": [...],
"events": [...]}``. Without filters, ``articles`` is every stored article (syndicated copies included, with
``duplicate_of``); with filters, the articles of the selected events and their copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rashomon.errors import ConfigError, Errors
from rashomon.reconcile.dossier import iter_dossiers
from rashomon.reconcile.events import find_event
from rashomon.records import Article
from rashomon.store import Store

SCHEMA_ID = "rashomon.dossier/1"


def _check_date(name: str, value: str | None) -> None:
    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ConfigError(Errors.G001, name=name, reason=f"{value!r} is not a YYYY-MM-DD date") from None


@dataclass(frozen=True)
class ExportOptions:
    """Which events to export: dated within ``since``..``until`` (inclusive), named, contested."""

    since: str | None = None
    until: str | None = None
    events: tuple[str, ...] = ()
    contested: bool = False

    def __post_init__(self) -> None:
        _check_date("--since", self.since)
        _check_date("--until", self.until)
        if self.since and self.until and self.since > self.until:
            raise ConfigError(Errors.G001, name="--since",
                              reason=f"{self.since} is after --until {self.until}: no event can match")

    @property
    def filtered(self) -> bool:
        return bool(self.since or self.until or self.events or self.contested)

    def keeps(self, dossier: dict[str, Any], wanted: set[str]) -> bool:
        when = dossier.get("date")
        if (self.since or self.until) and not when:
            return False
        if self.since and when < self.since:  # type: ignore[operator]
            return False
        if self.until and when > self.until:  # type: ignore[operator]
            return False
        if wanted and dossier["id"] not in wanted:
            return False
        return not self.contested or bool(dossier.get("contested"))


def article_record(article: Article) -> dict[str, Any]:
    """An article as the contract lists it."""
    return {
        "id": article.id,
        "source_name": article.source_name,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "published_at": article.published_at,
        "language": article.language,
        "duplicate_of": article.duplicate_of,
        "text": article.text,
    }


def select_events(store: Store, options: ExportOptions) -> list[dict[str, Any]]:
    """The dossiers the options keep, oldest first (undated last)."""
    wanted = {find_event(store, key).id for key in options.events}
    kept = [d for d in iter_dossiers(store) if options.keeps(d, wanted)]
    return sorted(kept, key=lambda d: (d.get("date") is None, d.get("date") or "", d["id"]))


def build_document(store: Store, options: ExportOptions) -> dict[str, Any]:
    """The contract document for the events ``options`` selects."""
    events = select_events(store, options)
    if options.filtered:
        ids = list(dict.fromkeys(a for e in events for a in [*e["articles"], *e.get("duplicates", [])]))
        articles = list(store.iter_articles(ids))
    else:
        articles = list(store.iter_articles())
    return {"schema": SCHEMA_ID, "articles": [article_record(a) for a in articles], "events": events}


def casualty_totals(event: dict[str, Any]) -> dict[str, int | None]:
    """Per kind, the sum over sides of ``best`` (``low`` where a side has none); None when nothing is known.

    The flat formats (CSV, GeoJSON, Parquet, ``rashomon events``) show these; the JSON keeps every side.
    """
    totals: dict[str, int | None] = {}
    for slot in event.get("casualties", []):
        value = slot["best"] if slot["best"] is not None else slot["low"]
        if value is None:
            totals.setdefault(slot["kind"], None)
            continue
        totals[slot["kind"]] = (totals.get(slot["kind"]) or 0) + value
    return totals


def actors_in_role(event: dict[str, Any], role: str) -> list[dict[str, Any]]:
    return [a for a in event.get("actors", []) if role in a["roles"]]
