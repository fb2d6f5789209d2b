"""``rashomon analyze`` (run the extractors over the store) and ``rashomon show`` (one article, annotated)."""

from __future__ import annotations

import sys
from typing import Any

import click

from rashomon.cli.common import echo_json, existing_db_option, json_option, open_store, show_progress, user_errors
from rashomon.errors import ConfigError, Errors

COLOURS = {"actor": "36", "place": "32", "date": "35", "casualty": "31;1", "cue": "33", "claimant": "34;1"}
"""ANSI colour of each highlighted kind (cyan actors, green places, magenta dates, bold red casualty counts,
yellow attribution cues, bold blue claimants)."""
PRIORITY = ("casualty", "claimant", "cue", "actor", "place", "date")


def engine_options(fn: Any) -> Any:
    """``--engine``, ``--workers`` and ``--ray-address``: where the analysis runs (``analyze`` and ``run``)."""
    fn = click.option("--ray-address", default=None, metavar="ADDR",
                      help="With --engine ray: the cluster to join (e.g. 10.0.0.5:6379 or auto); "
                           "default: start Ray on this machine.")(fn)
    fn = click.option("--workers", "-w", default=None, type=click.IntRange(1, 4096),
                      help="Analysis workers, each loading the model: spaCy processes (local, default 1) "
                           "or Ray actors (ray, default: every CPU of the cluster).")(fn)
    return click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
                        help="Run the analysis on this machine or on Ray (docs/distributed.md).")(fn)


@click.command()
@existing_db_option
@engine_options
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000),
              help="Documents per spaCy batch and per database transaction.")
@click.option("--retry-failed", is_flag=True, help="Analyse again the articles that failed before.")
@json_option
@user_errors
def analyze(db_path: str, engine: str, workers: int | None, ray_address: str | None, batch_size: int,
            retry_failed: bool, as_json: bool) -> None:
    """Extract places, dates, actors, claims, casualties and events from every article not yet analysed."""
    from rashomon.extract.analyze import AnalyzeOptions, analyze_store

    options = AnalyzeOptions(n_process=workers or 1, batch_size=batch_size, retry_failed=retry_failed)
    with open_store(db_path) as store:
        if engine == "ray":
            from rashomon.distributed.ray_engine import analyze_store_ray

            summary = analyze_store_ray(store, progress=show_progress(), num_cpus=workers, address=ray_address,
                                        options=options)
        else:
            summary = analyze_store(store, progress=show_progress(), options=options)
    if as_json:
        echo_json(summary)
        return
    click.echo(f"analysed {summary['analysed']} of {summary['pending']} pending articles "
               f"in {summary['seconds']} s (pipeline {summary['pipeline']})")
    if summary["failed"]:
        codes = ", ".join(f"{code}: {n}" for code, n in summary["failures_by_code"].items())
        click.echo(f"failed   {summary['failed']} ({codes})")


@click.command()
@click.argument("article")
@existing_db_option
@json_option
@click.option("--color/--no-color", default=None, help="ANSI colours (default: on a terminal only).")
@user_errors
def show(article: str, db_path: str, as_json: bool, color: bool | None) -> None:
    """Print ARTICLE (id, id prefix or source name) with its extractions highlighted, then their tables."""
    from rashomon.extract.analyze import article_view
    from rashomon.reconcile.report_places import report_place

    with open_store(db_path) as store:
        view: dict[str, Any] = article_view(store, article)
        if view["analysis"] is not None:  # the event place as the report's dossier reads it
            view["dossier_place"] = report_place(store, view["article"]["id"])
    if view["analysis"] is None and not as_json:
        raise ConfigError(Errors.G001, name="ARTICLE",
                          reason=f"{view['article']['id']} is not analysed yet; run `rashomon analyze`")
    if as_json:
        echo_json(view)
        return
    use_color = sys.stdout.isatty() if color is None else color
    click.echo(render_highlighted(view, color=use_color))
    click.echo()
    click.echo(render_tables(view))


# -- rendering -------------------------------------------------------------------------------------------
def highlights(analysis: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, kind) spans to highlight, the more specific kinds first."""
    spans: list[tuple[int, int, str]] = [(a["start"], a["end"], "actor") for a in analysis["actors"]]
    spans += [(p["start"], p["end"], "place") for p in analysis["places"]]
    spans += [(t["start"], t["end"], "date") for t in analysis["times"]]
    spans += [(c["start"], c["end"], "casualty") for c in analysis["casualties"]]
    for claim in analysis["claims"]:
        if claim.get("cue_start") is not None:
            spans.append((claim["cue_start"], claim["cue_end"], "cue"))
        if claim.get("claimant_start") is not None:
            spans.append((claim["claimant_start"], claim["claimant_end"], "claimant"))
    chosen: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for start, end, kind in sorted(spans, key=lambda s: (PRIORITY.index(s[2]), s[0] - s[1])):
        if end > start and not taken.intersection(range(start, end)):
            chosen.append((start, end, kind))
            taken.update(range(start, end))
    return sorted(chosen)


def render_highlighted(view: dict[str, Any], *, color: bool) -> str:
    """The article text with its extractions marked: ANSI colours, or ``[text|kind]`` when not colouring."""
    article, analysis = view["article"], view["analysis"]
    text: str = article["text"]
    out, pos = [], 0
    for start, end, kind in highlights(analysis):
        out.append(text[pos:start])
        piece = text[start:end]
        out.append(f"\x1b[{COLOURS[kind]}m{piece}\x1b[0m" if color else f"[{piece}|{kind}]")
        pos = end
    out.append(text[pos:])
    header = f"{article['id']}  {article.get('outlet') or '-'}  {article.get('published_at') or '-'}  " \
             f"{article['source_name']}"
    title = article.get("title") or ""
    if title and not text.lstrip().startswith(title):  # a title stored apart from the text (JSON Lines, HTML)
        from rashomon.ingest.titles import shown_title  # without the site's name around it

        header += f"\n{shown_title(title, article.get('outlet'), article.get('url'))}"
    return header + "\n" + "=" * min(max(map(len, header.splitlines())), 100) + "\n" + "".join(out)


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> str:
    if not rows:
        return f"{title}: none"
    cells = [[("-" if v is None else str(v)).replace("\n", " ")[:60] for v in row] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = [f"{title} ({len(rows)})", "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def _count(figure: dict[str, Any]) -> str:
    low, high = figure["count_min"], figure["count_max"]
    return f"{low}" if low == high else f"{low}-{'' if high is None else high}"


def render_tables(view: dict[str, Any]) -> str:
    """Tables of claims, casualty figures, actors, places, dates and the article's event."""
    a = view["analysis"]
    claims = [[c.get("claimant"), c.get("claimant_actor"), c.get("cue"), "yes" if c.get("hedged") else "",
               c.get("kind")] for c in a["claims"]]
    figures = [[f["kind"], f["value_text"], _count(f), f.get("victims"), f.get("side"),
                None if f.get("claim_index") is None else a["claims"][f["claim_index"]].get("claimant")]
               for f in a["casualties"]]
    actors = [[m["text"], m.get("actor_name"), m.get("actor_type"), m.get("via")] for m in a["actors"]]
    places = [[p["text"], p["name"], p.get("admin1"), p.get("country_code"), p.get("precision")] for p in a["places"]]
    dates = [[t["text"], t.get("date"), t.get("precision")] for t in a["times"]]
    place = a["places"][a["event_place"]]["name"] if a.get("event_place") is not None else None
    if "dossier_place" in view:  # the report's place as its event's dossier reads it (outlet home area)
        place = (view["dossier_place"] or {}).get("name")
    event = [[a.get("event_type"), a.get("sub_event_type"), a.get("event_date"),
              a.get("event_date_precision"), place]]
    tables = [
        _table("claims", ["claimant", "actor", "cue", "hedged", "kind"], claims),
        _table("casualties", ["kind", "as written", "count", "victims", "side", "claimant"], figures),
        _table("actors", ["label", "actor", "type", "via"], actors),
        _table("places", ["text", "name", "admin1", "country", "precision"], places),  # admin1: namesakes differ
        _table("dates", ["text", "date", "precision"], dates),
        _table("event", ["type", "sub-event type", "date", "precision", "place"], event),
    ]
    if "dossier_place" in view:
        from rashomon.reconcile.report_places import describe

        tables.append(f"event place in the dossier: {describe(view['dossier_place'])}")
    return "\n\n".join(tables)
