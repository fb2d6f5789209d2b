"""Input formats: which one a source is (extension, then content sniffing) and how each is read.

| format | extensions | sniffed when the head is |
| --- | --- | --- |
| ``text`` | ``.txt .text .md`` | anything else that is text |
| ``urls`` | ``.urls`` (or a text file whose every line is an http(s) URL) | only URL lines |
| ``jsonl`` | ``.jsonl .ndjson .json`` | ``{`` or ``[`` |
| ``html`` | ``.html .htm .xhtml`` | ``<!doctype html`` / ``<html`` |
| ``feed`` | ``.rss .atom .xml`` | ``<rss``, ``<feed``, ``<rdf:RDF`` |

Any of them may be gzipped (``.gz`` or the gzip magic bytes). A file with no extension is sniffed;
one with an extension not listed is refused (``I010``), so a folder walk does not ingest code or
spreadsheets as news. Every reader yields :class:`Item` or :class:`Failed` values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from rashomon.errors import Errors, FetchError, IngestError
from rashomon.ingest.decode import decode_text, inner_suffix, looks_binary, read_file
from rashomon.ingest.fetch import FetchPolicy, fetch
from rashomon.ingest.items import Failed, Item, first_line_title, merge_meta
from rashomon.ingest.jsonl import read_json_file
from rashomon.ingest.markup import read_feed, read_html
from rashomon.ingest.sources import URL_PREFIXES, Source

Format = Literal["text", "urls", "jsonl", "html", "feed"]

EXTENSIONS: dict[str, Format] = {
    ".txt": "text", ".text": "text", ".md": "text", ".urls": "urls",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
FEED_CONTENT_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                                "application/xml", "text/xml"})
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(!doctype\s+html|html)[\s>]", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def sniff(head: bytes) -> Format:
    """The format of a text whose extension says nothing, from its first bytes."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start[:1] in (b"{", b"["):
        return "jsonl"
    if _FEED_ROOT.search(head[:4096]):
        return "feed"
    if _HTML_ROOT.search(head[:4096]) or start[:1] == b"<":
        return "html"
    return "urls" if is_url_list(head.decode("utf-8", "replace")) else "text"


def is_url_list(text: str) -> bool:
    """True when every non-blank, non-comment line is an http(s) URL (and there is at least one)."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return bool(lines) and all(line.lower().startswith(URL_PREFIXES) and " " not in line for line in lines)


def read_source(source: Source, *, max_bytes: int, fetch_urls: bool, policy: FetchPolicy
                ) -> Iterator[Item | Failed]:
    """Every item of ``source``; whatever goes wrong becomes a :class:`Failed` value, never a stop."""
    try:
        if source.kind == "url":
            yield from _url_items(source, fetch_urls=fetch_urls, policy=policy)
        elif inner_suffix(source.path) in (".jsonl", ".ndjson", ".json"):
            yield from read_json_file(source.path, key=source.key, name=source.name, max_bytes=max_bytes)
        else:
            yield from _file_items(source, max_bytes=max_bytes, fetch_urls=fetch_urls, policy=policy)
    except IngestError as exc:
        yield Failed(source.key, exc)


def _file_items(source: Source, *, max_bytes: int, fetch_urls: bool, policy: FetchPolicy
                ) -> Iterator[Item | Failed]:
    data = read_file(source.path, source.name, limit=max_bytes)
    suffix = inner_suffix(source.path)
    fmt = EXTENSIONS.get(suffix)
    if fmt is None and suffix and not _is_bare_name(source.path):
        raise IngestError(Errors.I010, source=source.name)
    if looks_binary(data):
        raise IngestError(Errors.I003, source=source.name)
    fmt = _refine(fmt or sniff(data[:8192]), data)
    if fmt == "jsonl":
        yield from read_json_file(source.path, key=source.key, name=source.name, max_bytes=max_bytes)
    elif fmt == "feed":
        yield from _with_meta(read_feed(data, key=source.key, source_name=source.name), source)
    elif fmt == "html":
        yield _html_item(data, source, charset=None)
    elif fmt == "urls":
        yield from _url_list_items(decode_text(data, source.name), fetch_urls=fetch_urls, policy=policy)
    else:
        yield _text_item(decode_text(data, source.name), source)


def _is_bare_name(path: Path) -> bool:
    """A name like ``2021-03-04.report`` or ``README``: no real extension, so its content decides."""
    suffix = inner_suffix(path)
    return not suffix or not suffix[1:].isalpha() or len(suffix) > 8


def _refine(fmt: Format, data: bytes) -> Format:
    """Content corrections of an extension's verdict: a ``.txt`` of URLs, an ``.xml`` page of HTML."""
    if fmt == "text" and is_url_list(data[:65536].decode("utf-8", "replace")):
        return "urls"
    if fmt == "feed" and not _FEED_ROOT.search(data[:4096]) and _HTML_ROOT.search(data[:4096]):
        return "html"
    return fmt


def _text_item(text: str, source: Source) -> Item:
    meta = merge_meta({"title": first_line_title(text)}, source.meta)
    return Item(key=source.key, source_name=source.name, text=text, meta=meta)


def _html_item(data: bytes, source: Source, *, charset: str | None, url: str | None = None) -> Item:
    if charset is None:
        match = _META_CHARSET.search(data[:2048])
        charset = match.group(1).decode("ascii") if match else None
    html = decode_text(data, source.name, declared=charset)
    item = read_html(html, key=source.key, source_name=source.name, url=url)
    return Item(key=item.key, source_name=item.source_name, text=item.text,
                meta=merge_meta(item.meta, source.meta))


def _with_meta(items: Iterator[Item | Failed], source: Source) -> Iterator[Item | Failed]:
    for item in items:
        if isinstance(item, Item) and source.meta:
            item = Item(key=item.key, source_name=item.source_name, text=item.text,
                        meta=merge_meta(item.meta, source.meta))
        yield item


def _url_list_items(text: str, *, fetch_urls: bool, policy: FetchPolicy) -> Iterator[Item | Failed]:
    for line in text.splitlines():
        url = line.strip()
        if url and not url.startswith("#"):
            source = Source(kind="url", location=url, key=url, name=url)
            yield from read_source(source, max_bytes=policy.max_bytes, fetch_urls=fetch_urls, policy=policy)


def _url_items(source: Source, *, fetch_urls: bool, policy: FetchPolicy) -> Iterator[Item | Failed]:
    if not fetch_urls:
        raise FetchError(Errors.F007, source=source.location)
    fetched = fetch(source.location, policy)
    if fetched.content_type in HTML_CONTENT_TYPES:
        yield _html_item(fetched.body, source, charset=fetched.charset, url=fetched.url)
        return
    fmt: Format = "feed" if fetched.content_type in FEED_CONTENT_TYPES else sniff(fetched.body[:8192])
    if looks_binary(fetched.body):
        raise IngestError(Errors.I003, source=source.name)
    if fmt == "feed":
        yield from read_feed(fetched.body, key=source.key, source_name=source.name)
    elif fmt == "html":
        yield _html_item(fetched.body, source, charset=fetched.charset, url=fetched.url)
    elif fmt == "text" or fmt == "urls":  # a fetched list of URLs is not followed: it is text
        text = decode_text(fetched.body, source.name, declared=fetched.charset)
        yield _text_item(text, Source(kind="url", location=source.location, key=source.key, name=source.name,
                                      meta={"url": fetched.url}))
    else:
        raise IngestError(Errors.I010, source=source.name)
