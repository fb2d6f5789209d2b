"""``rashomon export``: the reconciled events as JSON (the contract), ACLED-style CSV, GeoJSON or Parquet."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import NoReturn

import click

from rashomon.cli.common import existing_db_option, open_store, user_errors
from rashomon.errors import ExportError
from rashomon.export import FORMATS, ExportOptions, export
from rashomon.export.output import write_atomically


def reader_went_away() -> NoReturn:
    """``rashomon export | head``: the reader closed the pipe; stop quietly, as other command-line tools do."""
    with contextlib.suppress(OSError, ValueError):  # ValueError: io.UnsupportedOperation, a stream with no fd
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the interpreter's last flush then succeeds
    sys.exit(1)


@click.command(name="export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default="json",
    show_default=True,
    help="Output format (see docs/export.md).",
)
@existing_db_option
@click.option(
    "--output",
    "-o",
    "output",
    default="-",
    show_default=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="File to write (replaced only once the export is complete), or - for standard output.",
)
@click.option("--since", default=None, help="Only events dated on or after this day (YYYY-MM-DD).")
@click.option("--until", default=None, help="Only events dated on or before this day (YYYY-MM-DD).")
@click.option(
    "--event",
    "events",
    multiple=True,
    help="Only this event (id, id prefix or one of its articles); repeatable.",
)
@click.option(
    "--contested",
    is_flag=True,
    help="Only events whose reports conflict (figures, attribution, date or place).",
)
@user_errors
def export_command(
    fmt: str,
    db_path: str,
    output: str,
    since: str | None,
    until: str | None,
    events: tuple[str, ...],
    contested: bool,
) -> None:
    """Export events with their claims, figures and discrepancies."""
    options = ExportOptions(since=since, until=until, events=events, contested=contested)
    with open_store(db_path) as store:
        try:
            count = write_atomically(output, lambda out: export(store, fmt, out, options))
        except ExportError as exc:
            if isinstance(exc.__cause__, BrokenPipeError):
                reader_went_away()
            raise
    if output != "-":
        click.echo(f"wrote {count} event(s) as {fmt} to {output}", err=True)
