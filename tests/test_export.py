"""Exports of a real SQLite store holding two hand-analysed reports of one event, read back per format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from rashomon.cli import main
from rashomon.errors import ConfigError
from rashomon.export import ExportOptions, export
from rashomon.export.acled_csv import COLUMNS
from rashomon.export.report_html import render_html
from rashomon.export.selection import article_record
from rashomon.reconcile.dossier import build_dossier, reconcile_store
from rashomon.reconcile.evidence import Report
from rashomon.store import Store, utc_now
from test_reconcile import report_a, report_b

SCHEMA = Path(__file__).resolve().parent.parent.parent / "shared" / "contract" / "dossier.schema.json"


def _fill(store: Store, reports: list[Report]) -> None:
    now = utc_now()
    for report in reports:
        store.add_article(report.article)
        if report.analysis is not None:
            store.save_analysis(report.analysis)
    with store.atomic() as db:
        db.execute(
            "INSERT INTO events (id, data, created_at, updated_at) VALUES ('ev-1', '{}', ?, ?)", (now, now)
        )
        db.executemany(
            "INSERT INTO event_articles (article_id, event_id) VALUES (?, 'ev-1')", [(r.id,) for r in reports]
        )
    reconcile_store(store)


@pytest.fixture
def filled(store: Store) -> Store:
    _fill(store, [report_a(), report_b()])
    return store


def _export(store: Store, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    export(store, fmt, out, ExportOptions(**options))  # type: ignore[arg-type]
    return out.getvalue()


def test_export_json_validates_against_the_contract(filled: Store) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"contract not found at {SCHEMA}")
    document = json.loads(_export(filled, "json"))
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    (event,) = document["events"]
    assert event["id"] == "ev-1" and len(event["articles"]) == 2
    assert {a["outlet"] for a in document["articles"]} == {"Wire A", "Wire B"}


def test_export_filters_by_date_and_contested(filled: Store) -> None:
    assert json.loads(_export(filled, "json", since="2022-08-02", until="2022-08-02"))["events"]
    assert json.loads(_export(filled, "json", since="2022-08-03"))["events"] == []
    assert len(json.loads(_export(filled, "json", contested=True))["events"]) == 1  # the dates conflict
    with pytest.raises(ConfigError):
        ExportOptions(since="last week")


def test_export_csv_reads_back_in_acled_layout(filled: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(filled, "csv").decode("utf-8"))))
    assert len(rows) == 1 and tuple(rows[0]) == COLUMNS
    row = rows[0]
    assert (row["event_date"], row["country"], row["iso"], row["location"]) == (
        "2022-08-02",
        "Azerbaijan",
        "31",
        "Lachin",
    )
    assert row["actor1"] == "Military Forces of Azerbaijan" and row["actor2"] == "Artsakh Defense Army"
    assert row["fatalities"] == "3"  # 2 on the Armenian/Artsakh side + 1 Azerbaijani
    assert row["tags"] == "contested" and row["time_precision"] == "1"


def test_export_geojson_reads_back(filled: Store) -> None:
    collection = json.loads(_export(filled, "geojson"))
    (feature,) = collection["features"]
    assert collection["type"] == "FeatureCollection"
    assert feature["geometry"] == {"type": "Point", "coordinates": [46.55, 39.64]}
    assert feature["properties"]["killed"] == 3 and feature["properties"]["injured"] == 14


def test_export_parquet_reads_back(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    path.write_bytes(_export(filled, "parquet"))
    table = pq.read_table(path)
    (row,) = table.to_pylist()
    assert row["id"] == "ev-1" and str(row["date"]) == "2022-08-02"
    assert {c["kind"] for c in row["casualties"]} == {"killed", "injured", "killed_or_injured"}
    assert json.loads(row["dossier"])["id"] == "ev-1"
    assert table.schema.metadata[b"schema"] == b"rashomon.dossier/1"


def test_export_html_report_escapes_article_text() -> None:
    a, b = report_a(), report_b()
    a.article.text = a.article.text.replace("local militias", "<script>alert(1)</script>")
    a.article.title = "<b>headline</b>"
    dossier = build_dossier("ev-x", [a, b])
    page = render_html(dossier, [article_record(a.article), article_record(b.article)])
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>headline</b>" not in page and "<mark" in page


def test_export_cli_commands(filled: Store, tmp_path: Path) -> None:
    runner = CliRunner()
    db = filled.path
    listed = runner.invoke(main, ["events", "--db", db])
    assert listed.exit_code == 0 and "ev-1" in listed.output and "CONTESTED" in listed.output
    shown = runner.invoke(main, ["dossier", "a.txt", "--db", db, "--html", str(tmp_path / "d.html")])
    assert shown.exit_code == 0 and "attribution_conflict" in shown.output
    assert (tmp_path / "d.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    out = tmp_path / "e.geojson"
    assert runner.invoke(main, ["export", "--format", "geojson", "--db", db, "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["features"]
    missing = runner.invoke(main, ["dossier", "nope", "--db", db])
    assert missing.exit_code == 1 and "S004" in missing.output
