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
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
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


@migration("0003_event_summary")
def _event_summary(db: sqlite3.Connection) -> None:
    """A read model of each dossier (date, place, type, actors, counts), kept by triggers, for fast listing."""
    columns = """
        json_extract(new.data, '$.title'), json_extract(new.data, '$.date'),
        json_extract(new.data, '$.date_precision'), json_extract(new.data, '$.event_type'),
        json_extract(new.data, '$.location.name'), json_extract(new.data, '$.location.country_code'),
        json_extract(new.data, '$.location.lat'), json_extract(new.data, '$.location.lon'),
        json_array_length(new.data, '$.articles'), json_array_length(new.data, '$.discrepancies'),
        (SELECT count(*) FROM json_each(new.data, '$.discrepancies')
          WHERE json_extract(value, '$.kind') IN ('value_conflict', 'attribution_conflict', 'date_conflict',
                                                  'location_conflict')),
        '|' || coalesce((SELECT group_concat(coalesce(json_extract(value, '$.id'), '') || '|'
                                             || coalesce(json_extract(value, '$.name'), ''), '|')
                         FROM json_each(new.data, '$.actors')), '') || '|',
        (SELECT sum(json_extract(value, '$.best')) FROM json_each(new.data, '$.casualties')
          WHERE json_extract(value, '$.kind') = 'killed'),
        new.built_at"""
    names = ("event_id, title, date, date_precision, event_type, place, country_code, lat, lon, articles, "
             "discrepancies, conflicts, actors, killed_best, built_at")
    run_script(db, f"""
        CREATE TABLE event_summary (
            event_id TEXT PRIMARY KEY,
            title TEXT, date TEXT, date_precision TEXT, event_type TEXT,
            place TEXT, country_code TEXT, lat REAL, lon REAL,
            articles INTEGER, discrepancies INTEGER,
            conflicts INTEGER,             -- value, attribution, date or location conflicts
            actors TEXT,                   -- '|id|name|id|name|': every actor of the dossier
            killed_best INTEGER,
            built_at TEXT
        );
        CREATE INDEX event_summary_date ON event_summary(date);
        CREATE INDEX event_summary_type ON event_summary(event_type);
        CREATE TRIGGER dossiers_summary_ai AFTER INSERT ON dossiers BEGIN
            DELETE FROM event_summary WHERE event_id = new.event_id;
            INSERT INTO event_summary ({names}) SELECT new.event_id, {columns} WHERE json_valid(new.data);
        END;
        CREATE TRIGGER dossiers_summary_au AFTER UPDATE ON dossiers BEGIN
            DELETE FROM event_summary WHERE event_id IN (old.event_id, new.event_id);
            INSERT INTO event_summary ({names}) SELECT new.event_id, {columns} WHERE json_valid(new.data);
        END;
        CREATE TRIGGER dossiers_summary_ad AFTER DELETE ON dossiers BEGIN
            DELETE FROM event_summary WHERE event_id = old.event_id;
        END;
        """)
    db.execute(f"INSERT INTO event_summary ({names}) SELECT new.event_id, {columns} "
               "FROM dossiers AS new WHERE json_valid(new.data)")


@migration("0004_analysis_failures")
def _analysis_failures(db: sqlite3.Connection) -> None:
    """Articles whose analysis failed (ExtractError code and message), per pipeline version."""
    run_script(db, """
        CREATE TABLE analysis_failures (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            pipeline TEXT NOT NULL,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            failed_at TEXT NOT NULL
        );
        """)


@migration("0005_articles_outlet_id")
def _articles_outlet_id(db: sqlite3.Connection) -> None:
    """A covering index for "the events an outlet reported": outlet -> article ids without reading texts."""
    db.execute("CREATE INDEX articles_outlet_id ON articles(outlet, id)")


@migration("0006_outlet_area_votes")
def _outlet_area_votes(db: sqlite3.Connection) -> None:
    """Per analysed article: its outlet and what its places say about the outlet's home (JSON of
    :class:`rashomon.extract.outlet_area.PageVotes`: the first-level areas they name unambiguously and the towns
    that do), the votes an outlet's home area is learned from; ``analysis`` stamps the analysis counted."""
    run_script(db, """
        CREATE TABLE outlet_area_votes (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            outlet TEXT NOT NULL,
            analysis TEXT NOT NULL,        -- analysed_at|pipeline|length of the analysis JSON
            votes TEXT NOT NULL
        );
        CREATE INDEX outlet_area_votes_outlet ON outlet_area_votes(outlet);
        """)
