"""``rashomon serve``: the web app and REST API over a store (extra ``web``).

Its options are derived from :data:`rashomon.web.settings.SETTINGS`, where each is declared once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from rashomon.cli.common import user_errors
from rashomon.errors import ConfigError, Errors

F = Callable[..., Any]


def _settings_options(fn: F) -> F:
    """One click option per web setting (``--token`` also has ``--token-file``)."""
    from rashomon.web.settings import SETTINGS

    for setting in reversed(SETTINGS):
        if isinstance(setting.default, bool):
            on, off = setting.flag, "--no-" + setting.flag[2:]
            fn = click.option(
                f"{on}/{off}", setting.name, default=setting.default, show_default=True, help=setting.help
            )(fn)
        elif setting.name == "token":
            fn = click.option(
                "--token-file",
                "token_file",
                type=click.Path(dir_okay=False, exists=True),
                help="File whose first line is the write token (safer than --token).",
            )(fn)
            fn = click.option("--token", "token", default=None, help=setting.help)(fn)
        else:
            kind = type(setting.default) if setting.default is not None else str
            fn = click.option(
                setting.flag,
                setting.name,
                type=kind,
                default=setting.default,
                show_default=True,
                help=setting.help,
            )(fn)
    return fn


def _web_extra() -> None:
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise ConfigError(
            Errors.G001,
            name="serve",
            reason=f"the web extra is not installed ({exc.name}): pip install 'rashomon[web]'",
        ) from exc


@click.command()
@_settings_options
@click.option(
    "--log-level",
    default="info",
    show_default=True,
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    help="uvicorn's log level.",
)
@user_errors
def serve(token_file: str | None, log_level: str, **settings: Any) -> None:
    """Serve the events, dossiers, map and REST API (/api/v1) of a store, on 127.0.0.1 by default."""
    _web_extra()
    from rashomon.web.server import serve as run_server
    from rashomon.web.settings import WebOptions, read_token

    settings["token"] = read_token(settings.get("token"), token_file)
    options = WebOptions(**settings)
    mode = "writes need the token" if options.writable else "read-only (no token configured)"
    click.echo(f"rashomon: serving {options.db} on http://{options.host}:{options.port} ({mode})", err=True)
    run_server(options, log_level=log_level)
