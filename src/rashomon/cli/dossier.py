"""``rashomon events`` (list the events) and ``rashomon dossier EVENT`` (one event, terminal or HTML)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from rashomon.cli.common import echo_json, existing_db_option, json_option, open_store, user_errors
from rashomon.export.output import write_text_atomically
from rashomon.export.report_html import render_html
from rashomon.export.report_text import render_text
from rashomon.export.selection import ExportOptions, article_record, casualty_totals, select_events
from rashomon.reconcile.dossier import get_dossier
from rashomon.records import place_area


def _figure(value: int | None) -> str:
    """A casualty total for the table: ``-`` when no report gives one."""
    return "-" if value is None else str(value)


def _area(location: dict[str, Any]) -> str | None:
    """Where a place name lies, for a one-line listing: a US state's postal code ("Columbia, SC": towns share
    names), else the country code; ``None`` for a country or no place."""
    return place_area(location, short=True) or None


@click.command()
@existing_db_option
@click.option("--contested", is_flag=True, help="Only contested events.")
@json_option
@user_errors
def events(db_path: str, contested: bool, as_json: bool) -> None:
    """List events: date, place, type, outlets, casualties (best), contested or not."""
    with open_store(db_path) as store:
        rows = []
        for event in select_events(store, ExportOptions(contested=contested)):
            totals = casualty_totals(event)
            rows.append(
                {
                    "id": event["id"],
                    "date": event.get("date"),
                    "place": (event.get("location") or {}).get("name"),
                    "area": _area(event.get("location") or {}),
                    "type": event.get("event_type"),
                    "outlets": event.get("outlets", []),
                    "killed": totals.get("killed"),
                    "injured": totals.get("injured"),
                    "contested": bool(event.get("contested")),
                }
            )
    if as_json:
        echo_json(rows)
        return
    click.echo(f"{'event':<22} {'date':<10} {'place':<24} {'type':<26} {'killed':>6} {'injured':>7}  outlets")
    for row in rows:
        flag = "  CONTESTED" if row["contested"] else ""
        place = f"{row['place']}, {row['area']}" if row["place"] and row["area"] else row["place"] or "-"
        click.echo(
            f"{row['id'][:22]:<22} {row['date'] or '-':<10} {place[:24]:<24} "
            f"{(row['type'] or '-')[:26]:<26} {_figure(row['killed']):>6} {_figure(row['injured']):>7}  "
            f"{', '.join(row['outlets'])}{flag}"
        )
    click.echo(f"{len(rows)} event(s)")


@click.command()
@click.argument("event")
@existing_db_option
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write a self-contained HTML report to this file.",
)
@json_option
@user_errors
def dossier(event: str, db_path: str, html_path: Path | None, as_json: bool) -> None:
    """Show the dossier of EVENT (event id, id prefix, or one of its articles' id or file name)."""
    with open_store(db_path) as store:
        found = get_dossier(store, event)
        articles = [article_record(a) for a in store.iter_articles(found["articles"])]
    if html_path is not None:
        write_text_atomically(html_path, render_html(found, articles))
    if as_json:
        echo_json(found)
    else:
        click.echo(render_text(found, articles), nl=False)
    if html_path is not None:
        click.echo(f"wrote {html_path}", err=True)
