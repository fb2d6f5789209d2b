"""Markup inputs: HTML pages (main text and metadata via trafilatura) and RSS/Atom feeds (feedparser).

A feed gives one item per entry: its full content when the feed carries it (``content:encoded``,
Atom ``content``), otherwise its summary, turned from HTML into plain text with paragraph breaks kept.
The feed's title is the outlet; the entry's link, title and publication date are the article's.
"""

from __future__ import annotations

import calendar
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import feedparser
import trafilatura

from rashomon.errors import Errors, IngestError
from rashomon.ingest.items import Failed, Item, iso_date

_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "article",
    "section", "pre", "header", "footer", "figure", "figcaption", "table", "dd", "dt", "hr",
})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})


class _TextCollector(HTMLParser):
    """Plain text of an HTML fragment: block elements become paragraph breaks, scripts are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content or summary)."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    paragraphs = (" ".join(part.split()) for part in "".join(collector.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def read_html(html: str, *, key: str, source_name: str, url: str | None = None) -> Item:
    """The main text and metadata of an HTML page; ``I008`` when trafilatura finds no main text."""
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # a crash of the third-party parser fails this input, not the batch
        raise IngestError(Errors.I001, source=source_name, reason=f"HTML parser failed: {exc!r}") from exc
    doc: dict[str, Any] = {} if found is None else found if isinstance(found, dict) else found.as_dict()
    text = doc.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(Errors.I008, source=source_name)
    meta = {
        "outlet": doc.get("sitename") or doc.get("hostname"),
        "url": doc.get("url") or url,
        "title": doc.get("title"),
        "published_at": _lenient_date(doc.get("date"), source=source_name),
        "language": doc.get("language"),
    }
    return Item(key=key, source_name=source_name, text=text, meta=meta)


def _lenient_date(value: Any, *, source: str) -> str | None:
    """A date found by a heuristic (trafilatura): dropped, not fatal, when it is not ISO 8601."""
    try:
        return iso_date(value, source=source, field_name="date")
    except IngestError:
        return None


def read_feed(data: bytes, *, key: str, source_name: str) -> Iterator[Item | Failed]:
    """One item per feed entry; ``I009`` for the whole feed when it cannot be parsed at all."""
    try:
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    except Exception as exc:  # a crash of the third-party parser fails this input, not the batch
        yield Failed(key, IngestError(Errors.I009, source=source_name, reason=repr(exc)))
        return
    entries = list(parsed.entries)
    if not entries:
        reason = str(parsed.get("bozo_exception") or "") or (
            "no entries" if parsed.version else "no RSS or Atom root element")
        yield Failed(key, IngestError(Errors.I009, source=source_name, reason=reason))
        return
    feed = parsed.feed
    for index, entry in enumerate(entries, start=1):
        yield _entry_item(entry, feed, index=index, key=key, source_name=source_name)


def _entry_item(entry: Any, feed: Any, *, index: int, key: str, source_name: str) -> Item | Failed:
    ident = entry.get("id") or entry.get("link") or str(index)
    entry_name = entry.get("link") or entry.get("id") or f"{source_name}#{index}"
    text = _entry_text(entry)
    if not text:
        return Failed(f"{key}#{ident}", IngestError(Errors.I008, source=f"{source_name}#{index}"))
    meta = {
        "outlet": feed.get("title") or None,
        "url": entry.get("link") or None,
        "title": " ".join(str(entry.get("title") or "").split()) or None,
        "published_at": _entry_date(entry),
        "language": feed.get("language") or None,
    }
    return Item(key=f"{key}#{ident}", source_name=entry_name, text=text, meta=meta)


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    for content in contents:
        text = html_to_text(str(content.get("value") or ""))
        if text:
            return text
    return html_to_text(str(entry.get("summary") or ""))


def _entry_date(entry: Any) -> str | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp = entry.get(name)
        if stamp:
            return datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC).isoformat()
    return None
