"""End-to-end audit of the terminal dossier (``rashomon dossier EVENT``): open casualty ranges and
"according to" claims read as a user expects, on the two hand-analysed sample reports stored in SQLite."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from rashomon.cli import main
from rashomon.export.report_text import render_text
from rashomon.reconcile.dossier import build_dossier
from rashomon.store import Store
from test_export import _fill
from test_reconcile import report_a, report_b


def test_cli_audit_dossier_open_bound_is_a_dash(store: Store) -> None:
    _fill(store, [report_a(), report_b()])
    result = CliRunner().invoke(main, ["dossier", "ev-1", "--db", store.path])
    assert result.exit_code == 0, result.output
    table = result.output.split("CASUALTIES")[1].split("\n\nACTORS")[0]
    rows = [line for line in table.splitlines() if re.match(r"  [a-z_]+ {2,}", line)]
    assert rows and all("None" not in row for row in rows)
    assert all(re.fullmatch(r"\d+|-", bound) for row in rows for bound in row.split()[-3:])
    assert any(row.split()[-2] == "-" for row in rows)  # the sample's vague "dozens": a low bound, no best


def test_cli_audit_dossier_according_to_reads_in_order() -> None:
    a, b = report_a(), report_b()
    event = build_dossier("ev-x", [a, b])
    claim = dict(event["claims"][0], claimant="media reports", cue="according to")
    slot = dict(event["casualties"][0], best=None)
    text = render_text(dict(event, claims=[claim], casualties=[slot]), [])
    assert "according to media reports:" in text and "media reports according to" not in text
    row = next(line for line in text.splitlines() if line.startswith(f"  {slot['kind']}"))
    assert row.split()[-3:] == [str(slot["low"]), "-", str(slot["high"])]


def test_cli_audit_show_prints_a_title_stored_apart_from_the_text(store: Store) -> None:
    a, b = report_a(), report_b()
    a.article.title = "Militia positions shelled, ministry says"
    assert not a.article.text.startswith(a.article.title)
    b.article.title = b.article.text.split("\n")[0]
    _fill(store, [a, b])
    shown = CliRunner().invoke(main, ["show", "a.txt", "--db", store.path, "--no-color"])
    assert shown.exit_code == 0, shown.output
    assert shown.output.splitlines()[1] == a.article.title
    other = CliRunner().invoke(main, ["show", "b.txt", "--db", store.path, "--no-color"])
    assert other.output.splitlines()[1].startswith("====")  # the title opens the text: not printed twice


def test_cli_audit_dossier_html_requests_nothing_external(store: Store, tmp_path: Path) -> None:
    a, b = report_a(), report_b()
    a.article.url = "https://example.org/azerbaijan-revenge"
    _fill(store, [a, b])
    page = tmp_path / "ev-1.html"
    result = CliRunner().invoke(main, ["dossier", "ev-1", "--db", store.path, "--html", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "<style" in html and "Artsakh Defense Army" in html
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b|\b(src|href|action)\s*=|@import|url\(", html, re.I)
