"""``rashomon status``: what the store holds."""

from __future__ import annotations

import click

from rashomon.cli.common import echo_json, existing_db_option, json_option, open_store, user_errors


@click.command()
@existing_db_option
@json_option
@user_errors
def status(db_path: str, as_json: bool) -> None:
    """Articles, outlets, date range, failures and duplicates in the store."""
    with open_store(db_path) as store:
        info = store.status()
    if as_json:
        echo_json(info)
        return
    first, last = info["date_range"]
    click.echo(f"database    {info['database']}")
    click.echo(f"articles    {info['articles']} ({info['duplicates']} syndicated duplicates linked, not counted)")
    click.echo(f"dates       {first or '-'} .. {last or '-'}")
    click.echo(f"outlets     {len(info['outlets'])}")
    for row in info["outlets"][:10]:
        click.echo(f"  {row['articles']:>6}  {row['outlet']}")
    click.echo(f"failures    {info['failures']}" + (
        " (" + ", ".join(f"{k}: {v}" for k, v in info["failures_by_code"].items()) + ")" if info["failures"] else ""))
    click.echo(f"analysed    {info['analysed']}")
    click.echo(f"events      {info['events']}  dossiers {info['dossiers']}")
