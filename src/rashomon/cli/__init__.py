"""The ``rashomon`` command line: thin commands, each parsing its options and calling one library function.

Commands live one module per stage and are loaded lazily (``rashomon --help`` does not load spaCy).
Register a command by adding its ``"name": "module:attribute"`` entry to ``COMMANDS``.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from rashomon import __version__

COMMANDS: dict[str, str] = {
    "analyze": "rashomon.cli.analyze:analyze",
    "cluster": "rashomon.cli.cluster:cluster",
    "dossier": "rashomon.cli.dossier:dossier",
    "eval": "rashomon.cli.eval:eval_group",
    "events": "rashomon.cli.dossier:events",
    "export": "rashomon.cli.export:export_command",
    "explain": "rashomon.cli.cluster:explain",
    "ingest": "rashomon.cli.ingest:ingest",
    "merge": "rashomon.cli.cluster:merge",
    "run": "rashomon.cli.run:run",
    "show": "rashomon.cli.analyze:show",
    "serve": "rashomon.cli.serve:serve",
    "split": "rashomon.cli.cluster:split",
    "status": "rashomon.cli.status:status",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        command: Any = getattr(importlib.import_module(module), attr)
        return command  # type: ignore[no-any-return]


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rashomon")
def main() -> None:
    """Rashomon: many reports of one event, reconciled into one source-attributed record."""
