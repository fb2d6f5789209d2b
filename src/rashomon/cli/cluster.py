"""``rashomon cluster``, ``explain``, ``split``, ``merge``: group reports into events and correct them."""

from __future__ import annotations

import math
from typing import Any

import click

from rashomon.cli.common import echo_json, existing_db_option, json_option, open_store, show_progress, user_errors
from rashomon.errors import ConfigError, Errors


def _finite(value: float | None) -> float | None:
    """The threshold as given; a usage error for ``nan`` and ``inf``, which no score can be compared with."""
    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a finite number", param_hint="'--threshold'")
    return value


@click.command()
@existing_db_option
@click.option("--rebuild", is_flag=True, help="Re-cluster every article (user splits and merges are kept).")
@click.option(
    "--threshold",
    type=float,
    default=None,
    callback=lambda _ctx, _param, value: _finite(value),
    help="Average-link score needed to merge (default from the clustering settings).",
)
@json_option
@user_errors
def cluster(db_path: str, rebuild: bool, threshold: float | None, as_json: bool) -> None:
    """Assign stored reports that are not yet in an event to events."""
    from rashomon.cluster.engine import cluster_store
    from rashomon.cluster.options import ClusterOptions

    options = ClusterOptions().with_overrides(threshold=threshold)
    with open_store(db_path) as store:
        summary = cluster_store(store, progress=show_progress(), rebuild=rebuild, options=options)
    if as_json:
        echo_json(summary)
        return
    click.echo(
        f"articles {summary['articles']}  new {summary['new_articles']}  events {summary['events']} "
        f"(created {summary['events_created']}, updated {summary['events_updated']})"
    )


def _print_user(reason: dict[str, Any]) -> None:
    """The user's decision that holds the article here, with the history entry that records it."""
    where = f" into {reason['into_event']}" if reason.get("into_event") else ""
    where += f" from {reason['from_event']}" if reason.get("from_event") else ""
    entry = f", history #{reason['history_id']}" if reason.get("history_id") is not None else ""
    click.echo(f"    by the user: {reason['user']}{where} at {reason.get('at', '-')}{entry}")
    if reason.get("merged_with"):
        click.echo(f"      kept with: {', '.join(reason['merged_with'])}")


def _print_reason(reason: dict[str, Any]) -> None:
    if reason.get("user"):
        _print_user(reason)
        if reason.get("joined_with"):
            click.echo(f"      pairwise score (the user's {reason['user']} holds it whatever the score):")
            _print_score(reason)
        return
    if not reason.get("joined_with"):
        click.echo(f"    first report (date {reason.get('date')}, from {reason.get('date_source')})")
        return
    _print_score(reason)


def _print_score(reason: dict[str, Any]) -> None:
    window = reason.get("date_window", {})
    click.echo(
        f"    joined {reason['joined_with']}: score {reason['score']} (cosine {reason['cosine']}), "
        f"dates {' / '.join(str(d) for d in window.get('dates', []))} gap {window.get('gap_days')} days"
    )
    for key in ("shared_names", "shared_addresses", "shared_terms", "shared_ages", "shared_places", "shared_actors"):
        if reason.get(key):
            click.echo(f"      {key.replace('_', ' ')}: {', '.join(map(str, reason[key]))}")
    if reason.get("not_counted"):
        click.echo(
            f"      not counted (the later report is fresh, beyond the date window): {', '.join(reason['not_counted'])}"
        )
    if reason.get("cannot_link"):
        click.echo(f"      cannot-link by rule (the user's decision holds it): {reason['cannot_link']}")
    if reason.get("furniture_left_out"):
        click.echo(f"      left out as page furniture: {' | '.join(reason['furniture_left_out'])}")
    if reason.get("distance_km") is not None:
        click.echo(f"      distance between event places: {reason['distance_km']} km")
    if reason.get("contributions"):
        parts = ", ".join(f"{name} {value:+.3f}" for name, value in reason["contributions"].items())
        click.echo(f"      score terms (weight x value): {parts}")


@click.command()
@click.argument("event_id")
@existing_db_option
@json_option
@user_errors
def explain(event_id: str, db_path: str, as_json: bool) -> None:
    """Why the reports of EVENT_ID were put together."""
    from rashomon.cluster.history import explain_event
    from rashomon.ingest.titles import shown_title
    from rashomon.reconcile.events import find_event
    from rashomon.reconcile.report_places import describe, read_places

    with open_store(db_path) as store:
        info = explain_event(store, event_id)
        places = read_places(store, find_event(store, info["event"]))  # as the event's dossier reads them
    for article in info["articles"]:
        article["place"] = places.get(article["article_id"])
    if as_json:
        echo_json(info)
        return
    click.echo(f"event {info['event']}  date {info['date'] or '-'}  articles {info['article_count']}")
    for article in info["articles"]:
        click.echo(
            f"  {article['article_id']}  {article['published_at'] or '-'}  {article['outlet'] or '-'}  "
            f"{(shown_title(article['title'], article['outlet'], article.get('url')) or '')[:70]}"
        )
        click.echo(f"    place: {describe(article['place'])}")
        _print_reason(article["reason"])
    for item in info["history"]:
        click.echo(f"  history #{item['id']}: {item['at']} {item['action']} {item['detail']}")


@click.command()
@click.argument("event_id")
@click.option(
    "--articles",
    "article_ids",
    multiple=True,
    help="Article id (or unique prefix, or source name) to move out; repeat for several.",
)
@click.argument("more_ids", nargs=-1, metavar="[ARTICLE]...")
@existing_db_option
@json_option
@user_errors
def split(event_id: str, article_ids: tuple[str, ...], more_ids: tuple[str, ...], db_path: str,
          as_json: bool) -> None:
    """Move some reports of EVENT_ID into a new event (kept apart by later runs).

    The articles to move are given with --articles (repeatable) and/or after it: `rashomon split EVENT
    --articles ID1 ID2` and `rashomon split EVENT --articles ID1 --articles ID2` are the same.
    """
    from rashomon.cluster.history import event_articles, split_event

    wanted = [*article_ids, *more_ids]
    if not wanted:
        raise ConfigError(Errors.G001, name="--articles", reason="name at least one article of the event to move")
    with open_store(db_path) as store:
        new_id = split_event(store, event_id, wanted)
        moved = event_articles(store, new_id)
    if as_json:
        echo_json({"event": event_id, "new_event": new_id, "moved": moved})
        return
    click.echo(f"moved {len(moved)} article(s) from {event_id} to {new_id}: {', '.join(moved)}")


@click.command()
@click.argument("event_ids", nargs=-1, required=True)
@existing_db_option
@json_option
@user_errors
def merge(event_ids: tuple[str, ...], db_path: str, as_json: bool) -> None:
    """Merge the events EVENT_IDS into the first one (kept together by later runs)."""
    from rashomon.cluster.history import merge_events

    with open_store(db_path) as store:
        result = merge_events(store, event_ids[0], list(event_ids[1:]))
    if as_json:
        echo_json(result)
        return
    click.echo(f"merged {', '.join(result['merged'])} into {result['event']} ({result['articles']} articles)")
