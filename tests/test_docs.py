"""Docs as tests: every command, eval dataset and export format a user can call is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rashomon.cli import COMMANDS
from rashomon.eval import SCORERS
from rashomon.export import FORMATS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_docs_readme_lists_every_command(command: str) -> None:
    assert re.search(rf"`rashomon {re.escape(command)}\b", README), f"README does not document `rashomon {command}`"


@pytest.mark.parametrize(("task", "dataset"), [(t, d) for t, names in SCORERS.items() for d in names])
def test_docs_readme_names_every_eval_dataset(task: str, dataset: str) -> None:
    line = next((ln for ln in README.splitlines() if f"`rashomon eval {task}" in ln), "")
    assert f"`{dataset}`" in line, f"README's eval {task} line does not name {dataset}"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_docs_every_export_format_documented(fmt: str) -> None:
    assert fmt in README
    assert fmt in (ROOT / "docs" / "export.md").read_text(encoding="utf-8")


def test_docs_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in README and "make test" in ci
