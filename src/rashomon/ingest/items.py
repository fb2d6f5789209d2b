"""One input item (a file, a JSON Lines record, a feed entry, a fetched page) and its metadata rules.

Every reader turns its input into :class:`Item` values, or into :class:`~rashomon.errors.IngestError`
values for the items it could not read; the batch turns items into stored articles. Two names travel
with an item:

- ``key``: what the ``inputs`` table records, unique per input item and stable across runs (the
  resolved file path, ``path:line`` for a JSON Lines record, ``path#entry`` for a feed entry, the URL);
- ``source_name``: what the article is called (file name inside the folder given, the record's own
  id, the entry link, the URL), as the dossier contract asks.

Field names accepted in JSON Lines records (first present, non-empty one wins) are the tuples below;
``docs/ingest.md`` lists them for users.
"""

from __future__ import annotations

import email.utils
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from rashomon.errors import Errors, IngestError
from rashomon.ingest.outlets import outlet_from_url
from rashomon.records import Article

ID_FIELDS = ("source_name", "id", "doc_id", "guid", "uuid")
TEXT_FIELDS = ("text", "body", "content", "article", "maintext", "full_text")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "source_url")
OUTLET_FIELDS = ("outlet", "source", "publisher", "sitename", "site_name", "source_domain")
DATE_FIELDS = ("published_at", "date", "dct", "published", "pubdate", "date_publish", "publish_date")
LANGUAGE_FIELDS = ("language", "lang")

MAX_TITLE_CHARS = 300
"""A first line longer than this is a paragraph, not a title: the article then has no title."""

META_FIELDS = ("outlet", "url", "title", "published_at", "language")


@dataclass(frozen=True)
class Item:
    """Text and metadata of one input item, before it becomes an :class:`Article`."""

    key: str
    source_name: str
    text: str
    meta: Mapping[str, str | None] = field(default_factory=dict)

    def to_article(self) -> Article:
        """The article; without an outlet, the outlet is its URL's registered domain (when it has a URL)."""
        meta = {k: self.meta.get(k) for k in META_FIELDS}
        meta["outlet"] = meta["outlet"] or outlet_from_url(meta["url"])
        return Article.create(self.text, self.source_name, **meta)


@dataclass(frozen=True)
class Failed:
    """An input item that could not become an article, with the ``inputs`` key to record it under."""

    key: str
    error: IngestError


def first_line_title(text: str) -> str | None:
    """The first non-blank line of ``text`` when it is short enough to be a title."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= MAX_TITLE_CHARS else None
    return None


def iso_date(value: Any, *, source: str, field_name: str) -> str | None:
    """``value`` as ISO 8601 (date or datetime), or ``None`` when absent.

    Accepts ISO 8601 (with ``Z``) and RFC 2822 (e-mail/RSS style); anything else fails with ``I013``.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        text = value.strip()
        parsed = _parse_iso(text) or _parse_rfc2822(text)
        if parsed is not None:
            return parsed
    raise IngestError(Errors.I013, source=source, field=field_name, value=value)


def _parse_iso(text: str) -> str | None:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def _parse_rfc2822(text: str) -> str | None:
    try:
        return email.utils.parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def pick(record: Mapping[str, Any], names: tuple[str, ...]) -> tuple[str, Any] | None:
    """The first of ``names`` present in ``record`` with a non-empty value, as (name, value)."""
    for name in names:
        value = record.get(name)
        if value is not None and value != "" and value != [] and value != {}:
            return name, value
    return None


def pick_str(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    """Like :func:`pick`, as a string; an object value gives its ``name``/``title``/``href``."""
    found = pick(record, names)
    if found is None:
        return None
    value = found[1]
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("title") or value.get("href")
    if isinstance(value, list):
        value = value[0] if value and isinstance(value[0], str) else None
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def record_meta(record: Mapping[str, Any], *, source: str) -> dict[str, str | None]:
    """Article metadata from a JSON record, by the accepted field names."""
    found_date = pick(record, DATE_FIELDS)
    published = None
    if found_date is not None:
        published = iso_date(found_date[1], source=source, field_name=found_date[0])
    return {
        "outlet": pick_str(record, OUTLET_FIELDS),
        "url": pick_str(record, URL_FIELDS),
        "title": pick_str(record, TITLE_FIELDS),
        "published_at": published,
        "language": pick_str(record, LANGUAGE_FIELDS),
    }


def merge_meta(found: Mapping[str, str | None], given: Mapping[str, str | None]) -> dict[str, str | None]:
    """``found`` (from the content) overridden by every non-empty value of ``given`` (a manifest)."""
    merged = dict(found)
    merged.update({k: v for k, v in given.items() if v is not None})
    return merged
