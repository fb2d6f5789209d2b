"""``rashomon eval``: score the pipeline against gold data."""

from __future__ import annotations

import inspect
from pathlib import Path

import click

from rashomon.cli.common import echo_json, json_option, user_errors
from rashomon.eval import DEFAULT_GOLD_DIR, SCORERS, get_scorer


@click.group(name="eval")
def eval_group() -> None:
    """Score extraction, clustering or the acceptance gold."""


CHECKOUT_GOLD_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "gold-data"
"""``../shared/gold-data`` next to the source checkout this package runs from (an editable install)."""


def default_gold_dir() -> Path:
    """``../shared/gold-data`` from the working directory when it is there, else next to the checkout.

    Either way a missing dataset is reported (V001) with the path that was looked in.
    """
    if DEFAULT_GOLD_DIR.is_dir() or not CHECKOUT_GOLD_DIR.is_dir():
        return DEFAULT_GOLD_DIR
    return CHECKOUT_GOLD_DIR


def _task_command(task: str) -> click.Command:
    @click.command(name=task, help=f"Score {task} on a gold dataset ({', '.join(sorted(SCORERS[task])) or 'none'}).")
    @click.option("--dataset", "dataset", required=True, help="Dataset name.")
    @click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                  show_default=str(DEFAULT_GOLD_DIR),
                  help="Folder holding the gold datasets (default: ../shared/gold-data from the working "
                       "directory, else beside the source checkout).")
    @click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N documents.")
    @click.option("--cache", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="SQLite store of cached analyses (scorers that analyse documents).")
    @json_option
    @user_errors
    def command(dataset: str, data_dir: Path | None, limit: int | None, cache: Path | None, as_json: bool) -> None:
        scorer = get_scorer(task, dataset)
        data_dir = data_dir or default_gold_dir()
        takes_cache = "cache" in inspect.signature(scorer).parameters
        extra = {"cache": cache} if cache is not None and takes_cache else {}
        if cache is not None and not takes_cache:
            click.echo(f"rashomon: note: --cache {cache} is not used: {task} on {dataset} does not read "
                       "cached analyses", err=True)
        metrics = scorer(data_dir, limit=limit, **extra)
        if as_json:
            echo_json(metrics)
            return
        for key, value in metrics.items():
            click.echo(f"{key:<32} {value:.4f}" if isinstance(value, float) else f"{key:<32} {value}")

    return command


for _task in SCORERS:
    eval_group.add_command(_task_command(_task))


from rashomon.cli.acceptance import acceptance  # noqa: E402 - registered after the task commands

eval_group.add_command(acceptance)
