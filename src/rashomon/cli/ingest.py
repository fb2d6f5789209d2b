"""``rashomon ingest``: read files, folders, JSON Lines, HTML, feeds and URL lists into the store.

The options come from :class:`rashomon.ingest.IngestOptions` (declared once there); ``rashomon run``
takes the same ones through :func:`ingest_options`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from rashomon.cli.common import db_option, echo_json, json_option, show_progress, user_errors
from rashomon.ingest import IngestOptions, IngestReport, ingest_paths
from rashomon.store import Store

F = TypeVar("F", bound=Callable[..., Any])

MAX_FAILURES_SHOWN = 20


def ingest_options(fn: F) -> F:
    """Add one click option per :class:`IngestOptions` setting (``near_duplicate_threshold`` ->
    ``--near-duplicate-threshold``), with its default and help."""
    for name, default, help_text in reversed(IngestOptions.settings()):
        flag = "--" + name.replace("_", "-")
        if isinstance(default, bool):
            fn = click.option(flag, name, is_flag=True, default=default, help=help_text)(fn)
        else:
            fn = click.option(flag, name, type=type(default), default=default, show_default=True,
                              help=help_text)(fn)
    return fn


def options_from(settings: dict[str, Any]) -> IngestOptions:
    """The validated options from the command's keyword arguments (a ``ConfigError`` when out of range)."""
    known = {name for name, _, _ in IngestOptions.settings()}
    return IngestOptions(**{k: v for k, v in settings.items() if k in known})


def print_ingest_report(report: IngestReport, *, label: str = "ingest") -> None:
    """The one-line summary on stdout, then each failure (up to a limit) on stderr."""
    click.echo(f"{label:<10} {report.summary()}")
    if report.seen and not report.stored and not report.near_duplicates and not report.failed:
        click.echo(f"{'':<10} nothing new: every input was already in the store")
    for failure in report.failures[:MAX_FAILURES_SHOWN]:
        click.echo(f"  failed: {failure['message']}", err=True)
    if len(report.failures) > MAX_FAILURES_SHOWN:
        click.echo(f"  ... and {len(report.failures) - MAX_FAILURES_SHOWN} more failures "
                   "(all are kept in the store: rashomon status)", err=True)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@json_option
@ingest_options
@user_errors
def ingest(paths: tuple[str, ...], db_path: str, as_json: bool, **settings: Any) -> None:
    """Read PATH... (files, folders, http(s) URLs with --fetch) into the store.

    Plain text (first line is the title), folders with an optional manifest.jsonl, JSON Lines
    (.jsonl, .jsonl.gz, .json), HTML, RSS/Atom and lists of URLs. Each article is stored once;
    syndicated near-copies are linked to their original. Exit status 1 when any input failed.
    """
    options = options_from(settings)
    with Store(db_path) as store:
        report = ingest_paths(store, paths, options, progress=show_progress())
    if as_json:
        echo_json(report.to_dict())
    else:
        print_ingest_report(report)
    sys.exit(1 if report.failed else 0)
