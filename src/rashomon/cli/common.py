"""Options and error handling shared by every command."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from rashomon.errors import RashomonError
from rashomon.store import DEFAULT_DB

F = TypeVar("F", bound=Callable[..., Any])

db_option = click.option(
    "--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
    help="SQLite database file (created and migrated when missing).",
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


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def show_progress() -> bool:
    """Progress bars only on a terminal; quiet when piped."""
    return sys.stderr.isatty()
