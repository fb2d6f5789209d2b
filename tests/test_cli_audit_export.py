"""End-to-end audit of ``rashomon export --format csv`` against ACLED's layout: one row's two sides are
different actors, a sole actor's interaction ends in 0, open casualty bounds read as '-' in the notes."""

from __future__ import annotations

import csv
import io
from typing import Any

from click.testing import CliRunner

from rashomon.cli import main
from rashomon.export.acled_csv import row
from rashomon.store import Store
from test_export import _fill
from test_reconcile import report_a, report_b


def _event(actors: list[dict[str, Any]], casualties: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"id": "ev-t", "date": "2022-08-03", "date_precision": "day", "event_type": "Battles",
            "location": {"name": "Aghdara", "country_code": "AZ", "lat": 40.2, "lon": 46.8, "precision": "town"},
            "actors": actors, "casualties": casualties or [], "discrepancies": [], "outlets": ["RT"]}


def _actor(name: str, kind: str, *roles: str) -> dict[str, Any]:
    return {"id": name.lower(), "name": name, "type": kind, "roles": list(roles)}


def test_cli_audit_csv_sides_are_different_actors() -> None:
    baku = _actor("Government of Azerbaijan", "government", "initiator", "target", "claimant")
    army = _actor("Military Forces of Azerbaijan", "state_forces", "initiator")
    militia = _actor("Artsakh Defense Army", "rebel_militia", "target")
    line = row(_event([baku, army, militia]), 0)
    assert (line["actor1"], line["assoc_actor_1"], line["actor2"], line["assoc_actor_2"]) == (
        "Government of Azerbaijan", "Military Forces of Azerbaijan", "Artsakh Defense Army", "")
    assert (line["inter1"], line["inter2"], line["interaction"]) == (1, 2, "12")


def test_cli_audit_csv_sole_actor_interaction_ends_in_zero() -> None:
    police = _actor("Police Forces of United States", "state_forces", "initiator", "target")
    line = row(_event([police]), 0)
    assert (line["actor1"], line["actor2"], line["inter2"], line["interaction"]) == (
        "Police Forces of United States", "", "", "10")
    assert row(_event([]), 0)["interaction"] == ""


def test_cli_audit_csv_notes_show_open_bounds_as_dash() -> None:
    slot = {"kind": "killed_or_injured", "side": "Artsakh Defense Army", "low": 12, "best": None, "high": None,
            "claims": []}
    notes = row(_event([], [slot]), 0)["notes"]
    assert "killed or injured (Artsakh Defense Army): low 12, best -, high -" in notes and "None" not in notes


def test_cli_audit_csv_export_of_a_store_keeps_acled_columns(store: Store) -> None:
    _fill(store, [report_a(), report_b()])
    result = CliRunner().invoke(main, ["export", "--format", "csv", "--db", store.path])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 1 and rows[0]["actor1"] != rows[0]["actor2"]
    assert rows[0]["interaction"] == "".join(sorted(rows[0]["inter1"] + rows[0]["inter2"]))
