"""``rashomon eval acceptance GOLD``: the acceptance gold's checks against the export of a store."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

import click

from rashomon.cli.common import echo_json, existing_db_option, json_option, open_store, user_errors
from rashomon.eval.acceptance import load_gold, run_checks
from rashomon.export import ExportOptions, build_document


@click.command(name="acceptance")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@existing_db_option
@json_option
@user_errors
def acceptance(gold: Path, db_path: str, as_json: bool) -> None:
    """Run the checks of GOLD (e.g. ../shared/acceptance/operation-revenge.gold.json); exit 1 if any fails."""
    spec = load_gold(gold)
    with open_store(db_path) as store:
        results = run_checks(spec, build_document(store, ExportOptions()))
    if as_json:
        echo_json([asdict(r) for r in results])
    else:
        for result in results:
            click.echo(f"{'PASS' if result.passed else 'FAIL'}  {result.id:<24} {result.detail}")
        click.echo(f"{sum(r.passed for r in results)}/{len(results)} checks pass")
    if not all(r.passed for r in results):
        sys.exit(1)
