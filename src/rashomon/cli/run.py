"""``rashomon run``: the whole job on some inputs, then what the store holds, read back from it.

:func:`print_run_result` is the one place that shows a run; later stages extend it by returning a
summary dict from their stage function (one line each here).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from rashomon.cli.analyze import engine_options
from rashomon.cli.common import db_option, echo_json, json_option, show_progress, user_errors
from rashomon.cli.ingest import ingest_options, options_from, print_ingest_report
from rashomon.ingest.titles import shown_title
from rashomon.pipeline import RunOptions, RunReport, run_pipeline
from rashomon.store import Store

MAX_ARTICLES_SHOWN = 25
MAX_DOSSIERS_SHOWN = 3
TITLE_WIDTH = 60


def stored_articles(store: Store, *, limit: int = MAX_ARTICLES_SHOWN) -> tuple[list[dict[str, Any]], int]:
    """The first ``limit`` articles of the store (by date) without their texts, and how many there are."""
    rows = store.db.execute(
        "SELECT id, source_name, outlet, published_at, title, length(text) AS chars, duplicate_of "
        "FROM articles ORDER BY published_at IS NULL, published_at, id LIMIT ?", (limit,)).fetchall()
    total = int(store.db.execute("SELECT count(*) FROM articles").fetchone()[0])
    return [dict(row) for row in rows], total


def format_stage(name: str, summary: dict[str, Any]) -> str:
    """One line for a stage: ``cluster    events 3, articles 5`` (empty values and its own name left out)."""
    parts = ", ".join(f"{key} {value}" for key, value in summary.items()
                      if key != "stage" and value not in ({}, [], None, ""))
    return f"{name:<10} {parts or 'done'}"


def print_run_result(store: Store, report: RunReport) -> None:
    """Ingest and every later stage, one line each, then the stored articles as a small table."""
    print_ingest_report(report.ingest)
    for name, summary in report.stages.items():
        click.echo(format_stage(name, summary))
    rows, total = stored_articles(store)
    click.echo("")
    click.echo(f"{'outlet':<20} {'date':<10} {'chars':>7}  title")
    for row in rows:
        title = shown_title(row["title"], row["outlet"]) or "(no title)"  # without the site's name
        if len(title) > TITLE_WIDTH:
            title = title[:TITLE_WIDTH - 1] + "…"
        copy = f"  [copy of {row['duplicate_of']}]" if row["duplicate_of"] else ""
        outlet = (row["outlet"] or "-")[:20]
        date = (row["published_at"] or "-")[:10]
        click.echo(f"{outlet:<20} {date:<10} {row['chars']:>7}  {title}{copy}")
    if total > len(rows):
        click.echo(f"... and {total - len(rows)} more articles (rashomon status)")


def event_dossiers(store: Store) -> list[dict[str, Any]]:
    """Every event's dossier, oldest first (one-article events included)."""
    from rashomon.export.selection import ExportOptions, select_events

    return select_events(store, ExportOptions())


def print_dossiers(store: Store, dossiers: list[dict[str, Any]]) -> None:
    """The terminal dossier of each event when there are few, else a pointer to ``rashomon events``."""
    from rashomon.export.report_text import render_text
    from rashomon.export.selection import article_record

    if len(dossiers) > MAX_DOSSIERS_SHOWN:
        click.echo(f"\n{len(dossiers)} events: list them with `rashomon events`, "
                   "read one with `rashomon dossier EVENT`")
        return
    for found in dossiers:
        click.echo("")
        articles = [article_record(a) for a in store.iter_articles(found["articles"])]
        click.echo(render_text(found, articles), nl=False)


def write_html_reports(store: Store, dossiers: list[dict[str, Any]], path: Path) -> list[Path]:
    """One self-contained HTML report per event: ``path`` itself for one event, ``STEM-EVENT.html`` for more."""
    from rashomon.export.output import write_text_atomically
    from rashomon.export.report_html import render_html
    from rashomon.export.selection import article_record

    written = []
    for found in dossiers:
        target = path if len(dossiers) == 1 else path.with_name(f"{path.stem}-{found['id']}{path.suffix or '.html'}")
        articles = [article_record(a) for a in store.iter_articles(found["articles"])]
        write_text_atomically(target, render_html(found, articles))
        written.append(target)
    return written


def check_writable(path: Path) -> None:
    """Refuse, before any work, an ``--html`` path whose folder is missing (E003 naming it)."""
    from rashomon.errors import Errors, ExportError

    if path.is_dir():
        raise ExportError(Errors.E003, path=str(path), reason="it is a folder")
    if not path.parent.is_dir():
        raise ExportError(Errors.E003, path=str(path), reason=f"the folder {path.parent} does not exist")


def run_result_dict(store: Store, report: RunReport) -> dict[str, Any]:
    """The run as JSON: the ingest report, each stage's summary and the stored articles shown."""
    rows, total = stored_articles(store)
    return {"ok": report.ok, "ingest": report.ingest.to_dict(), "stages": report.stages,
            "articles": rows, "articles_total": total}


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@json_option
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write each event's HTML report (FILE for one event, FILE-EVENT.html for several).")
@engine_options
@ingest_options
@user_errors
def run(paths: tuple[str, ...], db_path: str, as_json: bool, html_path: Path | None, engine: str,
        workers: int | None, ray_address: str | None, **settings: Any) -> None:
    """Ingest PATH... and bring every later stage up to date; show what the store then holds.

    Ends with the dossier of each event when there are at most three. Takes the options of
    `rashomon ingest`, and --engine/--workers/--ray-address of `rashomon analyze`. Exit status 1 when any
    input failed.
    """
    options = options_from(settings)
    if html_path is not None:
        check_writable(html_path)
    with Store(db_path) as store:
        report = run_pipeline(store, paths, options, progress=show_progress(),
                              run_options=RunOptions(engine=engine, workers=workers, ray_address=ray_address))
        if as_json:
            echo_json(run_result_dict(store, report))
        else:
            print_run_result(store, report)
        if html_path is not None or not as_json:
            dossiers = event_dossiers(store)
            if not as_json:
                print_dossiers(store, dossiers)
            if html_path is not None:
                for written in write_html_reports(store, dossiers, html_path):
                    click.echo(f"wrote {written}", err=True)
    sys.exit(0 if report.ok else 1)
