"""End-to-end audit of the command line's bad inputs: a missing database, unwritable or failing outputs, an
empty date range, the gold data looked for from another folder. Each case names the input and the reason,
exits non-zero, and leaves what is stored (the database, an earlier export) as it was."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rashomon.cli import main
from rashomon.cli.eval import CHECKOUT_GOLD_DIR, default_gold_dir
from rashomon.eval import DEFAULT_GOLD_DIR
from rashomon.reconcile.evidence import Report
from rashomon.records import Article
from rashomon.store import Store
from test_export import _fill
from test_reconcile import report_a, report_b

ACCEPTANCE_GOLD = Path(__file__).resolve().parents[2] / "shared" / "acceptance" / "operation-revenge.gold.json"

READ_COMMANDS = [
    ["events"], ["export"], ["export", "--format", "csv"], ["status"], ["analyze"], ["cluster"],
    ["dossier", "ev-1"], ["explain", "ev-1"], ["show", "a.txt"], ["split", "ev-1", "--articles", "a.txt"],
    ["merge", "ev-1", "ev-2"], ["eval", "acceptance", str(ACCEPTANCE_GOLD)],
]


@pytest.fixture
def filled(store: Store) -> Store:
    """The two hand-analysed sample reports as one reconciled event ``ev-1``."""
    _fill(store, [report_a(), report_b()])
    return store


def _clean_failure(result: Result) -> None:
    """Exit status 1 with a one-line ``rashomon: error:`` message, not a traceback."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.output.startswith("rashomon: error: [")


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: "-".join(c[:2]))
def test_cli_audit_missing_db_is_named_and_not_created(tmp_path: Path, command: list[str]) -> None:
    if str(ACCEPTANCE_GOLD) in command and not ACCEPTANCE_GOLD.is_file():
        pytest.skip(f"acceptance gold not found at {ACCEPTANCE_GOLD}")
    db = tmp_path / "mistyped.db"
    result = CliRunner().invoke(main, [*command, "--db", str(db)])
    _clean_failure(result)
    assert "[S005]" in result.output and str(db) in result.output and "does not exist" in result.output
    assert not db.exists()


def test_cli_audit_failed_export_keeps_the_earlier_file(filled: Store, tmp_path: Path) -> None:
    earlier = tmp_path / "dossiers.json"
    earlier.write_text('{"kept": true}', encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--db", filled.path, "--event", "ev-nope", "-o", str(earlier)])
    _clean_failure(result)
    assert "[S004]" in result.output and "ev-nope" in result.output
    assert earlier.read_text(encoding="utf-8") == '{"kept": true}'
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_cli_audit_export_replaces_the_file_once_complete(filled: Store, tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    target.write_text("old", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--format", "csv", "--db", filled.path, "-o", str(target)])
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("event_id_cnty,event_date,") and lines[1].startswith("ev-1,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv", "test.db", "test.db-shm", "test.db-wal"]


@pytest.mark.parametrize("command", [["export", "-o"], ["dossier", "ev-1", "--html"]], ids=["export", "dossier"])
def test_cli_audit_unwritable_output_is_named(filled: Store, tmp_path: Path, command: list[str]) -> None:
    target = tmp_path / "no-such-folder" / "out.file"
    result = CliRunner().invoke(main, [*command, str(target), "--db", filled.path])
    _clean_failure(result)
    assert "[E003]" in result.output and str(target) in result.output


def test_cli_audit_run_refuses_a_missing_html_folder_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Title\n\n" + "Police said two men were shot in Memphis on Tuesday. " * 3)
    db, report = tmp_path / "run.db", tmp_path / "nope" / "report.html"
    result = CliRunner().invoke(main, ["run", str(tmp_path / "one.txt"), "--db", str(db), "--html", str(report)])
    _clean_failure(result)
    assert "[E003]" in result.output and str(report) in result.output
    assert not db.exists()


def test_cli_audit_since_after_until_is_rejected(filled: Store) -> None:
    listed = CliRunner().invoke(main, ["events", "--db", filled.path, "--json"])
    day = date.fromisoformat(json.loads(listed.output)[0]["date"])
    after, before = str(day + timedelta(days=1)), str(day - timedelta(days=1))
    result = CliRunner().invoke(main, ["export", "--db", filled.path, "--since", after, "--until", before])
    _clean_failure(result)
    assert "[G001]" in result.output and after in result.output and "--until" in result.output
    kept = CliRunner().invoke(main, ["export", "--db", filled.path, "--since", str(day), "--until", str(day)])
    assert kept.exit_code == 0 and '"ev-1"' in kept.output


def test_cli_audit_events_table_shows_unknown_counts_as_dash(store: Store) -> None:
    article = Article.create("A man was seen near the river in Springfield on Tuesday, police said. Nobody was hurt.",
                             "quiet.txt", published_at="2022-08-03")
    _fill(store, [Report(article=article, analysis=None)])
    result = CliRunner().invoke(main, ["events", "--db", store.path])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("ev-1"))
    assert "None" not in row and row.split()[-4:] == ["-", "-", "unknown", "outlet"]  # no outlet, no URL


def test_cli_audit_gold_data_found_from_another_folder(gold_dir: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert not DEFAULT_GOLD_DIR.is_dir()
    assert default_gold_dir() == CHECKOUT_GOLD_DIR and (default_gold_dir() / "gvdb").is_dir()
    missing = CliRunner().invoke(main, ["eval", "extraction", "--dataset", "gvdb", "--data-dir", str(tmp_path)])
    _clean_failure(missing)
    assert "[V001]" in missing.output and str(tmp_path / "gvdb") in missing.output


def test_cli_audit_split_counts_the_articles_moved_not_the_ids_given(store: Store) -> None:
    quiet = Article.create("A man was seen near the river in Springfield on Tuesday, police said. Nobody was hurt.",
                           "quiet.txt", published_at="2022-08-03")
    a = report_a()
    _fill(store, [a, report_b(), Report(article=quiet, analysis=None)])
    args = ["split", "ev-1", "--articles", a.id, "--articles", a.id[:8], "--articles", "a.txt", "--db", store.path]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("moved 1 article(s) from ev-1 to ev-") and a.id in result.output
    moved = CliRunner().invoke(main, ["split", "ev-1", "--articles", quiet.id, "--db", store.path, "--json"])
    assert json.loads(moved.output)["moved"] == [quiet.id]


def test_cli_audit_split_takes_the_readme_form_with_several_ids(store: Store) -> None:
    quiet = Article.create("A man was seen near the river in Springfield on Tuesday, police said. Nobody was hurt.",
                           "quiet.txt", published_at="2022-08-03")
    a, b = report_a(), report_b()
    _fill(store, [a, b, Report(article=quiet, analysis=None)])
    result = CliRunner().invoke(main, ["split", "ev-1", "--articles", "a.txt", "b.txt", "--db", store.path, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["moved"] == sorted([a.id, b.id])
    none = CliRunner().invoke(main, ["split", "ev-1", "--db", store.path])
    _clean_failure(none)
    assert "[G001]" in none.output and "--articles" in none.output


def test_cli_audit_ambiguous_article_prefix_says_so(store: Store) -> None:
    texts = [f"Report {n}: police said {n} men were shot near the river in Springfield on Tuesday." for n in range(40)]
    articles = [Article.create(text, f"r{n}.txt", published_at="2022-08-03") for n, text in enumerate(texts)]
    for article in articles:
        store.add_article(article)
    shared = next(a.id[0] for a in articles if sum(b.id[0] == a.id[0] for b in articles) > 1)
    result = CliRunner().invoke(main, ["show", shared, "--db", store.path])
    _clean_failure(result)
    assert "[G001]" in result.output and "several article ids" in result.output and f"'{shared}'" in result.output
    empty = CliRunner().invoke(main, ["show", "", "--db", store.path])
    _clean_failure(empty)
    assert "[S003]" in empty.output


@pytest.mark.parametrize("args", [
    ["eval", "extraction", "--dataset", "gvdb", "--limit", "0"],
    ["eval", "clustering", "--dataset", "gva", "--limit", "-3"],
    ["cluster", "--threshold", "nan"],
    ["cluster", "--threshold", "inf"],
], ids=["limit-0", "limit-negative", "threshold-nan", "threshold-inf"])
def test_cli_audit_malformed_numbers_are_usage_errors(filled: Store, args: list[str]) -> None:
    before = filled.db.execute("SELECT count(*) FROM event_history").fetchone()[0]
    result = CliRunner().invoke(main, [*args, "--db", filled.path] if args[0] == "cluster" else args)
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{args[-2]}'" in result.output and args[-1] in result.output
    assert filled.db.execute("SELECT count(*) FROM event_history").fetchone()[0] == before


def test_cli_audit_eval_says_when_cache_is_not_used(tmp_path: Path) -> None:
    cache = tmp_path / "analyses.db"
    args = ["eval", "extraction", "--dataset", "lgl", "--data-dir", str(tmp_path), "--cache", str(cache)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "[V001]" in result.stderr  # no gold here: stops before any analysis
    assert f"--cache {cache} is not used" in result.stderr and "lgl" in result.stderr


def test_cli_audit_export_to_a_closed_pipe_stops_quietly(filled: Store) -> None:
    command = [str(Path(sys.executable).with_name("rashomon")), "export", "--db", filled.path]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # `rashomon export | head -c 0`: the reader is gone before the first write
        errors = proc.stderr.read().decode()
    assert proc.returncode == 1 and errors == ""
