"""``POST /api/v1/articles``: a request body becomes stored articles, then the pipeline brings the
store up to date.

Accepted bodies (``Content-Type``):

- ``text/plain``: the article text; the first line is its title unless ``?title=`` says otherwise;
- ``text/html`` (or ``application/xhtml+xml``): a web page, main text and metadata by trafilatura;
- ``application/json``: one object, or an array of at most :data:`MAX_RECORDS`, with the field names
  of JSON Lines ingest (``text``/``body``/``content``, ``title``, ``url``, ``outlet``, ``published_at`` ...).

Query parameters ``title``, ``outlet``, ``url``, ``published_at``, ``language`` and ``source_name`` set
or override metadata. The whole body is read and checked before anything is written; its articles are
then stored in one transaction, so a refused request stores nothing. Text is decoded, parsed and turned
into articles by the ingest library (:mod:`rashomon.ingest`), so the API accepts what ``rashomon ingest``
accepts, with the same error codes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rashomon.errors import Errors, RashomonError, WebError
from rashomon.ingest.decode import decode_text
from rashomon.ingest.items import Item, first_line_title, iso_date, merge_meta
from rashomon.ingest.jsonl import record_item
from rashomon.ingest.markup import read_html
from rashomon.store import Store

JSON_TYPES = ("application/json",)
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
ACCEPTED_TYPES = TEXT_TYPES + HTML_TYPES + JSON_TYPES
MAX_RECORDS = 100
META_PARAMS = ("title", "outlet", "url", "published_at", "language", "source_name")

StageRunner = Callable[[Store], dict[str, Any]]


@dataclass
class SubmitResult:
    """What a submission did: each article's id and status, and each stage's summary."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    stages: dict[str, Any] = field(default_factory=dict)

    @property
    def created(self) -> bool:
        return any(a["status"] == "stored" for a in self.articles)

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "stages": self.stages}


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """``("text/plain", "utf-8")`` from ``text/plain; charset=utf-8``."""
    media, _, params = (content_type or "").partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"')
    return media.strip().lower(), charset


def parse_body(body: bytes, content_type: str | None, params: Mapping[str, str | None]) -> list[Item]:
    """The items a request body holds; raises before anything is stored when the body is refused."""
    media, charset = media_type(content_type)
    if media not in ACCEPTED_TYPES:
        raise WebError(
            Errors.W003, status=415, content_type=media or "(none)", known=", ".join(ACCEPTED_TYPES)
        )
    given = _given_meta(params)
    source = params.get("source_name") or "api:" + hashlib.sha256(body).hexdigest()[:16]
    if media in JSON_TYPES:
        return [_with_meta(item, given) for item in _json_items(body, source)]
    text = decode_text(body, source, declared=charset)
    if media in HTML_TYPES:
        item = read_html(text, key=source, source_name=source, url=given.get("url"))
    else:
        item = Item(key=source, source_name=source, text=text, meta={"title": first_line_title(text)})
    return [_with_meta(item, given)]


def _given_meta(params: Mapping[str, str | None]) -> dict[str, str | None]:
    meta = {k: (params.get(k) or None) for k in META_PARAMS if k != "source_name"}
    meta["published_at"] = iso_date(meta["published_at"], source="request", field_name="published_at")
    return meta


def _json_items(body: bytes, source: str) -> list[Item]:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WebError(Errors.W004, status=400, reason=str(exc)) from exc
    records = data if isinstance(data, list) else [data]
    if not records:
        raise WebError(Errors.W001, status=422, reason="the JSON array is empty")
    if len(records) > MAX_RECORDS:
        raise WebError(
            Errors.W001, status=413, reason=f"{len(records)} records, over the limit of {MAX_RECORDS}"
        )
    single = len(records) == 1
    return [
        record_item(r, key=source if single else f"{source}:[{i}]", name=source, line=i)
        for i, r in enumerate(records)
    ]


def _with_meta(item: Item, given: Mapping[str, str | None]) -> Item:
    return Item(key=item.key, source_name=item.source_name, text=item.text, meta=merge_meta(item.meta, given))


def store_items(store: Store, items: Sequence[Item]) -> list[dict[str, Any]]:
    """Store every item in one transaction; each article's id and whether it was new."""
    results = []
    with store.atomic():
        for item in items:
            article = item.to_article()
            if not article.text:
                raise WebError(Errors.W001, status=422, reason=f"{item.source_name} has no text")
            new = store.add_article(article)
            store.record_input(item.key, "stored" if new else "duplicate", article_id=article.id)
            results.append(
                {
                    "id": article.id,
                    "source_name": article.source_name,
                    "title": article.title,
                    "status": "stored" if new else "already_stored",
                }
            )
    return results


def run_stages(store: Store, stages: Sequence[tuple[str, StageRunner]]) -> dict[str, Any]:
    """Run each stage over the store; a failing stage is reported (code and message), the rest still run."""
    summaries: dict[str, Any] = {}
    for name, stage in stages:
        try:
            summaries[name] = stage(store)
        except RashomonError as exc:
            summaries[name] = {"error": {"code": exc.code.name, "message": str(exc)}}
    return summaries


def event_ids(store: Store, article_ids: Sequence[str]) -> dict[str, str | None]:
    """The event each article belongs to now (``None`` when not clustered)."""
    found = (
        dict(
            store.db.execute(
                "SELECT article_id, event_id FROM event_articles "
                f"WHERE article_id IN ({', '.join('?' * len(article_ids))})",
                list(article_ids),
            ).fetchall()
        )
        if article_ids
        else {}
    )
    return {a: found.get(a) for a in article_ids}


def submit(
    store: Store,
    body: bytes,
    content_type: str | None,
    params: Mapping[str, str | None],
    stages: Sequence[tuple[str, StageRunner]],
) -> SubmitResult:
    """Parse, store, run the stages, and say where each article landed."""
    items = parse_body(body, content_type, params)
    result = SubmitResult(articles=store_items(store, items))
    if result.created:
        result.stages = run_stages(store, stages)
    events = event_ids(store, [a["id"] for a in result.articles])
    for article in result.articles:
        article["event_id"] = events[article["id"]]
    return result
