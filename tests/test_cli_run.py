"""``rashomon run`` and ``rashomon ingest`` on real files: summaries, the table read back, exit codes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from rashomon import pipeline
from rashomon.cli import main
from rashomon.cli.run import print_run_result
from rashomon.ingest import IngestOptions, IngestReport
from rashomon.pipeline import RunReport
from rashomon.store import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def ingest_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the pipeline without the later stages (they have their own tests and load models)."""
    monkeypatch.setattr(pipeline, "STAGES", [])


def test_cli_run_prints_summary_and_articles_from_store(ingest_only: None, sample_dir: Path,
                                                        tmp_path: Path) -> None:
    db = tmp_path / "run.db"
    result = CliRunner().invoke(main, ["run", str(sample_dir), "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ingest") and "2 stored" in lines[0]
    with Store(db) as store:
        # change the store behind the command's back: the table must show what the store holds
        store.db.execute("UPDATE articles SET outlet = 'Edited Outlet' WHERE outlet = 'RT'")
    again = CliRunner().invoke(main, ["run", str(sample_dir), "--db", str(db)])
    assert "2 already stored" in again.stdout and "nothing new" in again.stdout
    table = [line for line in again.stdout.splitlines() if re.search(r" 2022-08-03 +\d+  ", line)]
    assert len(table) == 2
    assert any(line.startswith("Edited Outlet") and "3535" in line for line in table)
    assert any("Azerbaijan Claims" in line and "2897" in line for line in table)


def test_cli_run_ends_with_dossiers_and_html_report(ingest_only: None, sample_dir: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["run", str(sample_dir), "--db", str(tmp_path / "run.db"), "--html", str(report)])
    assert result.exit_code == 0, result.output
    # without the later stages each article is its own one-report event: two dossiers, two reports
    assert result.stdout.count("EVENT ") == 2
    written = sorted(tmp_path.glob("report-*.html"))
    assert len(written) == 2
    assert all("<html" in path.read_text(encoding="utf-8").lower() for path in written)


def test_cli_run_json_and_exit_code_on_failure(ingest_only: None, sample_dir: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    shutil.copytree(sample_dir, inputs)
    (inputs / "broken.txt").write_bytes(b"Caf\xe9 attack: latin-1, not utf-8. " * 10)
    result = CliRunner().invoke(main, ["run", str(inputs), "--db", str(tmp_path / "run.db"), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert data["ingest"]["stored"] == 2 and data["ingest"]["failed_by_code"] == {"I005": 1}
    assert data["articles_total"] == 2
    assert {row["outlet"] for row in data["articles"]} == {"RT", None}


def test_cli_run_print_shows_each_stage(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    stages = {"analyze": {"stage": "analyze", "analysed": 2, "failed": 0, "failures_by_code": {}},
              "cluster": {"events": 1}}
    report = RunReport(ingest=IngestReport(stored=2), stages=stages)
    print_run_result(store, report)
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "analyze    analysed 2, failed 0"
    assert out[2] == "cluster    events 1"


def test_cli_run_ingest_failures_on_stderr_and_status_counts(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "empty.txt"), "--db", db])
    assert result.exit_code == 1
    assert "[I002]" in result.stderr and "empty.txt is empty" in result.stderr
    status = CliRunner().invoke(main, ["status", "--db", db, "--json"])
    assert json.loads(status.stdout)["failures_by_code"] == {"I002": 1}


def test_cli_run_bad_option_is_one_line_error(tmp_path: Path, sample_dir: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(sample_dir), "--db", str(tmp_path / "x.db"),
                                       "--max-bytes", "0"])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("rashomon: error: [G001] invalid option max_bytes")


def test_cli_run_every_ingest_setting_documented() -> None:
    doc = (ROOT / "docs" / "ingest.md").read_text(encoding="utf-8")
    for name, default, _help in IngestOptions.settings():
        flag = "--" + name.replace("_", "-")
        assert flag in doc, f"{flag} is not documented in docs/ingest.md"
        assert str(default) in doc or isinstance(default, bool), f"default of {flag} not in docs/ingest.md"
