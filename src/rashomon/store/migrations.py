"""Schema migrations: registered functions, applied in order, each recorded in the ``_migrations`` table.

Add a migration by appending a function decorated with ``@migration("NNNN_name")``; never edit one that
has shipped. The store applies the missing ones when it is opened, each inside one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def run_script(db: sqlite3.Connection, script: str) -> None:
    """Execute several statements inside the caller's transaction (``executescript`` would commit it)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        db.execute(statement)


def migration(name: str) -> Callable[[Migration], Migration]:
    def register(fn: Migration) -> Migration:
        if any(existing == name for existing, _ in MIGRATIONS):
            raise ValueError(f"duplicate migration {name}")
        MIGRATIONS.append((name, fn))
        return fn

    return register


@migration("0001_articles")
def _articles(db: sqlite3.Connection) -> None:
    run_script(db, 
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source_name TEXT NOT NULL,
            outlet TEXT,
            url TEXT,
            title TEXT,
            published_at TEXT,
            language TEXT,
            text TEXT NOT NULL,
            duplicate_of TEXT REFERENCES articles(id),
            minhash BLOB,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published_at);
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
        CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
        CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        -- one row per input item seen (file, feed entry, JSONL line, URL): what became of it
        CREATE TABLE inputs (
            source_name TEXT PRIMARY KEY,
            article_id TEXT,
            status TEXT NOT NULL,          -- stored | duplicate | near_duplicate | failed
            code TEXT,                     -- error code when failed
            message TEXT,
            seen_at TEXT NOT NULL
        );
        CREATE INDEX inputs_status ON inputs(status);
        """
    )


@migration("0002_analyses_events")
def _analyses_events(db: sqlite3.Connection) -> None:
    run_script(db, 
        """
        CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            pipeline TEXT NOT NULL,
            data TEXT NOT NULL,            -- JSON of rashomon.records.ArticleAnalysis
            analysed_at TEXT NOT NULL
        );
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            data TEXT NOT NULL DEFAULT '{}',  -- JSON: features and the explanation of the cluster
            date TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX events_date ON events(date);
        CREATE TABLE event_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            event_id TEXT NOT NULL REFERENCES events(id),
            reason TEXT NOT NULL DEFAULT '{}'  -- JSON: why this article is in this event
        );
        CREATE INDEX event_articles_event ON event_articles(event_id);
        -- user decisions (split, merge) and automatic changes, kept and respected by later runs
        CREATE TABLE event_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            action TEXT NOT NULL,
            event_id TEXT,
            detail TEXT NOT NULL DEFAULT '{}',
            at TEXT NOT NULL
        );
        CREATE TABLE dossiers (
            event_id TEXT PRIMARY KEY REFERENCES events(id),
            data TEXT NOT NULL,            -- JSON: one event object of contract/dossier.schema.json
            built_at TEXT NOT NULL
        );
        """
    )
