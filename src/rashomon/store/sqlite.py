"""The embedded SQLite store: the only state Rashomon keeps.

One ``Store`` per process holds one connection (the single writer). Every write goes through
:meth:`Store.atomic`, which nests as savepoints, so a batch killed half-way leaves the database as it
was after its last committed item. WAL mode keeps readers (the web app) going while a batch writes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rashomon.errors import ConfigError, Errors, StoreError
from rashomon.records import Article, ArticleAnalysis
from rashomon.store.migrations import MIGRATIONS

DEFAULT_DB = "rashomon.db"
"""The database used when no ``--db`` is given: ``rashomon.db`` in the working directory."""

_ARTICLE_COLUMNS = ("id", "source_name", "outlet", "url", "title", "published_at", "language", "text",
                    "duplicate_of", "ingested_at")


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A Rashomon database in one SQLite file (``":memory:"`` for a throw-away one)."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        try:
            if read_only:
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 10000")
            if not read_only:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
                self.migrate()
        except sqlite3.Error as exc:
            raise StoreError(Errors.S001, path=self.path, reason=str(exc)) from exc
        self._depth = 0

    # -- lifecycle -------------------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """A transaction; nested calls become savepoints. Rolls back on any exception."""
        name = f"sp{self._depth}"
        if self._depth == 0:
            self.db.execute("BEGIN IMMEDIATE")
        else:
            self.db.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield self.db
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.db.execute("ROLLBACK")
            else:
                self.db.execute(f"ROLLBACK TO {name}")
                self.db.execute(f"RELEASE {name}")
            raise
        else:
            self._depth -= 1
            if self._depth == 0:
                self.db.execute("COMMIT")
            else:
                self.db.execute(f"RELEASE {name}")

    def migrate(self) -> list[str]:
        """Apply the migrations this database lacks; return their names."""
        self.db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {row[0] for row in self.db.execute("SELECT name FROM _migrations")}
        known = {name for name, _ in MIGRATIONS}
        if done - known:
            raise StoreError(Errors.S002, path=self.path, found=sorted(done - known)[-1], known=MIGRATIONS[-1][0])
        applied = []
        for name, fn in MIGRATIONS:
            if name in done:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                fn(self.db)
                self.db.execute("INSERT INTO _migrations VALUES (?, ?)", (name, utc_now()))
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
            applied.append(name)
        return applied

    def migrations(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT name FROM _migrations ORDER BY name")]

    # -- articles --------------------------------------------------------------------------------
    def add_article(self, article: Article, *, minhash: bytes | None = None) -> bool:
        """Store an article; ``False`` (and nothing written) when its id is already stored."""
        with self.atomic() as db:
            if db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
                return False
            row = article.to_dict()
            row["ingested_at"] = row.get("ingested_at") or utc_now()
            db.execute(
                f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}, minhash) "
                f"VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))}, ?)",
                [row[c] for c in _ARTICLE_COLUMNS] + [minhash],
            )
            return True

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def get_article(self, article_id: str) -> Article:
        row = self.db.execute(
            f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise StoreError(Errors.S003, id=article_id)
        return Article(**dict(row))

    def find_article(self, key: str) -> Article:
        """An article by id, id prefix (unique) or source name."""
        row = self.db.execute(
            f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE id = ? OR source_name = ? "
            "OR id LIKE ? ORDER BY id = ? DESC LIMIT 2",
            (key, key, key + "%", key),
        ).fetchall()
        if not row or not key:
            raise StoreError(Errors.S003, id=key)
        if len(row) > 1 and row[0]["id"] != key and row[0]["source_name"] != key:
            raise ConfigError(Errors.G001, name="ARTICLE", reason=f"{key!r} starts several article ids "
                              f"({row[0]['id']}, {row[1]['id']}, ...); give more characters")
        return Article(**dict(row[0]))

    def iter_articles(self, ids: Sequence[str] | None = None, *, include_duplicates: bool = True) -> Iterator[Article]:
        cols = ", ".join(_ARTICLE_COLUMNS)
        if ids is not None:
            for article_id in ids:
                yield self.get_article(article_id)
            return
        where = "" if include_duplicates else "WHERE duplicate_of IS NULL"
        for row in self.db.execute(f"SELECT {cols} FROM articles {where} ORDER BY published_at, id").fetchall():
            yield Article(**dict(row))

    def article_count(self, *, include_duplicates: bool = False) -> int:
        where = "" if include_duplicates else "WHERE duplicate_of IS NULL"
        return int(self.db.execute(f"SELECT count(*) FROM articles {where}").fetchone()[0])

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        """(article id, MinHash signature bytes) of every original (non-duplicate) article."""
        yield from self.db.execute(
            "SELECT id, minhash FROM articles WHERE minhash IS NOT NULL AND duplicate_of IS NULL"
        )

    # -- inputs: what became of each input item ---------------------------------------------------
    def record_input(self, source_name: str, status: str, *, article_id: str | None = None,
                     code: str | None = None, message: str | None = None) -> None:
        with self.atomic() as db:
            db.execute(
                "INSERT INTO inputs (source_name, article_id, status, code, message, seen_at) VALUES (?,?,?,?,?,?) "
                "ON CONFLICT(source_name) DO UPDATE SET article_id=excluded.article_id, status=excluded.status, "
                "code=excluded.code, message=excluded.message, seen_at=excluded.seen_at",
                (source_name, article_id, status, code, message, utc_now()),
            )

    def failures(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute(
            "SELECT source_name, code, message, seen_at FROM inputs WHERE status = 'failed' ORDER BY seen_at")]

    # -- analyses --------------------------------------------------------------------------------
    def save_analysis(self, analysis: ArticleAnalysis) -> None:
        with self.atomic() as db:
            db.execute(
                "INSERT INTO analyses (article_id, pipeline, data, analysed_at) VALUES (?,?,?,?) "
                "ON CONFLICT(article_id) DO UPDATE SET pipeline=excluded.pipeline, data=excluded.data, "
                "analysed_at=excluded.analysed_at",
                (analysis.article_id, analysis.pipeline, json.dumps(analysis.to_dict()), utc_now()),
            )

    def get_analysis(self, article_id: str) -> ArticleAnalysis | None:
        row = self.db.execute("SELECT data FROM analyses WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else ArticleAnalysis.from_dict(json.loads(row[0]))

    def unanalysed(self, pipeline: str) -> list[str]:
        """Ids of original articles with no analysis by this pipeline version, oldest first."""
        return [r[0] for r in self.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id "
            "WHERE a.duplicate_of IS NULL AND (n.article_id IS NULL OR n.pipeline != ?) "
            "ORDER BY a.published_at, a.id", (pipeline,))]

    # -- summary ---------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """What the store holds, for ``rashomon status``."""
        q = self.db.execute
        first, last = q(
            "SELECT min(published_at), max(published_at) FROM articles WHERE duplicate_of IS NULL").fetchone()
        outlets = [dict(r) for r in q(
            "SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS articles FROM articles "
            "WHERE duplicate_of IS NULL GROUP BY 1 ORDER BY 2 DESC, 1")]
        by_code = {r[0]: r[1] for r in q(
            "SELECT code, count(*) FROM inputs WHERE status = 'failed' GROUP BY code ORDER BY code")}
        return {
            "database": self.path,
            "articles": self.article_count(),
            "duplicates": int(q("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]),
            "outlets": outlets,
            "date_range": [first, last],
            "failures": int(sum(by_code.values())),
            "failures_by_code": by_code,
            "analysed": int(q("SELECT count(*) FROM analyses").fetchone()[0]),
            "events": int(q("SELECT count(*) FROM events").fetchone()[0]),
            "dossiers": int(q("SELECT count(*) FROM dossiers").fetchone()[0]),
            "migrations": self.migrations(),
        }
