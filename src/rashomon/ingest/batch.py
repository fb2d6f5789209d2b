"""A batch: every input under some paths read, checked and stored, one atomic commit per item.

For each item the batch decides, inside one transaction that also writes its ``inputs`` row:

- ``unchanged``: this input already gave this article (a re-run); nothing is written;
- ``duplicate``: another input gave the same text (same id); only the ``inputs`` row is written;
- ``near_duplicate``: a syndicated copy of a stored original (see :mod:`rashomon.ingest.dedup`); it is
  stored with ``duplicate_of`` and not counted as another report;
- ``stored``: a new article;
- ``failed``: the input could not become an article; the ``inputs`` row keeps the code and message.

A batch killed at any point leaves every committed item whole, and a re-run stores what is missing.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import click

from rashomon.errors import ConfigError, Errors, IngestError
from rashomon.ingest.dedup import DEFAULT_THRESHOLD, NearDuplicateIndex
from rashomon.ingest.fetch import FetchPolicy
from rashomon.ingest.formats import read_source
from rashomon.ingest.items import Failed, Item
from rashomon.ingest.sources import Source, database_files, discover
from rashomon.store import Store

STORED_STATUSES = ("stored", "duplicate", "near_duplicate")


def _setting(default: Any, help_text: str) -> Any:
    return field(default=default, metadata={"help": help_text})


@dataclass(frozen=True)
class IngestOptions:
    """The settings of ingest, each declared once: the CLI options and docs derive from these fields."""

    fetch: bool = _setting(False, "Fetch http(s) URLs given as arguments or listed in URL files.")
    allow_private: bool = _setting(False, "Allow fetching from private, loopback and link-local addresses.")
    max_bytes: int = _setting(10_000_000, "Largest file, JSON line or fetched response read, in bytes.")
    min_chars: int = _setting(50, "Shortest article text kept, in characters; shorter texts fail with I008.")
    timeout: float = _setting(10.0, "Seconds to wait when fetching, per connection and per read.")
    max_redirects: int = _setting(5, "Most redirects followed per URL, each hop checked again.")
    near_duplicate_threshold: float = _setting(
        DEFAULT_THRESHOLD, "Jaccard similarity of word 5-shingles from which a text is a syndicated copy.")

    def __post_init__(self) -> None:
        checks = {
            "max_bytes": self.max_bytes > 0,
            "min_chars": self.min_chars >= 0,
            "timeout": self.timeout > 0,
            "max_redirects": self.max_redirects >= 0,
            "near_duplicate_threshold": 0 < self.near_duplicate_threshold <= 1,
        }
        for name, ok in checks.items():
            if not ok:
                raise ConfigError(Errors.G001, name=name, reason=f"{getattr(self, name)!r} is out of range")

    @property
    def fetch_policy(self) -> FetchPolicy:
        return FetchPolicy(timeout=self.timeout, max_bytes=self.max_bytes, max_redirects=self.max_redirects,
                           allow_private=self.allow_private)

    @classmethod
    def settings(cls) -> list[tuple[str, Any, str]]:
        """(name, default, help) of every setting, in declaration order."""
        return [(f.name, f.default, str(f.metadata["help"])) for f in fields(cls)]


@dataclass
class IngestReport:
    """What one batch did. ``failed`` counts inputs that did not become articles, by code too."""

    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed_by_code: Counter[str] = field(default_factory=Counter)
    failures: list[dict[str, str]] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(self.failed_by_code.values())

    @property
    def seen(self) -> int:
        return self.stored + self.unchanged + self.duplicates + self.near_duplicates + self.failed

    def add_failure(self, error: IngestError) -> None:
        self.failed_by_code[error.reason] += 1
        self.failures.append({"source": error.source, "code": error.reason, "message": str(error)})

    def summary(self) -> str:
        """One line: ``12 inputs: 9 stored, 1 already stored, ... 2 failed (I003: 1, I006: 1)``."""
        parts = [f"{self.stored} stored", f"{self.unchanged} already stored", f"{self.duplicates} duplicates",
                 f"{self.near_duplicates} near-duplicates", f"{self.failed} failed"]
        codes = ", ".join(f"{code}: {n}" for code, n in sorted(self.failed_by_code.items()))
        return f"{self.seen} inputs: " + ", ".join(parts) + (f" ({codes})" if codes else "")

    def to_dict(self) -> dict[str, Any]:
        return {"seen": self.seen, "stored": self.stored, "unchanged": self.unchanged,
                "duplicates": self.duplicates, "near_duplicates": self.near_duplicates, "failed": self.failed,
                "failed_by_code": dict(sorted(self.failed_by_code.items())), "failures": self.failures,
                "article_ids": self.article_ids}


def ingest_paths(store: Store, paths: Sequence[str | Path], options: IngestOptions, *,
                 progress: bool = False) -> IngestReport:
    """Read every input under ``paths`` into ``store``; failures are recorded and counted, never raised."""
    report = IngestReport()
    index = NearDuplicateIndex.from_store(store, threshold=options.near_duplicate_threshold)
    sources = list(discover(paths, exclude=database_files(store.path)))
    for outcome in _outcomes(sources, options, progress=progress):
        if isinstance(outcome, Failed):
            record_failure(store, outcome, report)
        else:
            store_item(store, outcome, options, index, report)
    return report


def _outcomes(sources: list[Source | Failed], options: IngestOptions, *, progress: bool
              ) -> Iterator[Item | Failed]:
    policy = options.fetch_policy
    with click.progressbar(sources, label="ingest", file=sys.stderr, show_pos=True,
                           hidden=not progress) as bar:
        for source in bar:
            if isinstance(source, Failed):
                yield source
            else:
                yield from read_source(source, max_bytes=options.max_bytes, fetch_urls=options.fetch,
                                       policy=policy)


def record_failure(store: Store, failed: Failed, report: IngestReport) -> None:
    store.record_input(failed.key, "failed", code=failed.error.reason, message=str(failed.error))
    report.add_failure(failed.error)


def store_item(store: Store, item: Item, options: IngestOptions, index: NearDuplicateIndex,
               report: IngestReport) -> None:
    """Store one item and its ``inputs`` row in one transaction (or record why it failed)."""
    article = item.to_article()
    if len(article.text) < max(options.min_chars, 1):
        error = IngestError(Errors.I002 if not article.text else Errors.I008, source=item.source_name)
        record_failure(store, Failed(item.key, error), report)
        return
    signature = None if store.has_article(article.id) else index.signature(article.text)
    with store.atomic():
        previous = _previous_input(store, item.key)
        if store.has_article(article.id):
            if previous == article.id:
                report.unchanged += 1
            else:
                store.record_input(item.key, "duplicate", article_id=article.id)
                report.duplicates += 1
            return
        if signature is None:  # the article was removed since the check above
            signature = index.signature(article.text)
        near = index.find(signature)
        article.duplicate_of = near.original_id if near else None
        store.add_article(article, minhash=index.to_bytes(signature))
        message = f"copy of {near.original_id} (Jaccard ~{near.similarity:.2f})" if near else None
        store.record_input(item.key, "near_duplicate" if near else "stored", article_id=article.id,
                           message=message)
    report.article_ids.append(article.id)
    if near:
        report.near_duplicates += 1
    else:
        report.stored += 1
        index.add(article.id, signature)


def _previous_input(store: Store, key: str) -> str | None:
    """The article id this input gave before, when it was stored (not when it failed)."""
    row = store.db.execute(
        f"SELECT article_id FROM inputs WHERE source_name = ? AND status IN ({', '.join('?' * 3)})",
        (key, *STORED_STATUSES),
    ).fetchone()
    return None if row is None else str(row[0])

