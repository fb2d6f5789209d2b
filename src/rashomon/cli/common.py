"""Options and error handling shared by every command."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from rashomon.errors import Errors, RashomonError, StoreError
from rashomon.store import DEFAULT_DB, Store

F = TypeVar("F", bound=Callable[..., Any])

db_option = click.option(
    "--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
    help="SQLite database file (created and migrated when missing).",
)
existing_db_option = click.option(
    "--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
    help="SQLite database file written by `rashomon ingest` or `rashomon run` (must exist).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")


def user_errors(fn: F) -> F:
    """Turn a RashomonError into a one-line message on stderr and exit status 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except RashomonError as exc:
            click.echo(f"rashomon: error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def open_store(db_path: str) -> Store:
    """The existing store at ``db_path``; a :class:`StoreError` (S005) naming it when there is no such file.

    Commands that only read or correct a store use this, so that a mistyped ``--db`` is reported instead of
    silently creating an empty database and printing nothing. ``rashomon ingest`` and ``run`` create it.
    """
    path = Path(db_path)
    if db_path != ":memory:" and not path.is_file():
        reason = "it is a folder" if path.is_dir() else "the file does not exist (create it with `rashomon ingest` " \
                                                        "or `rashomon run`, or pass --db FILE)"
        raise StoreError(Errors.S005, path=db_path, reason=reason)
    return Store(db_path)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def show_progress() -> bool:
    """Progress bars only on a terminal; quiet when piped."""
    return sys.stderr.isatty()
