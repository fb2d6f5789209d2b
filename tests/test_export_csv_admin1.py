"""The ACLED CSV's admin1 column names the division, as ACLED writes it (issue 4)."""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.export.acled_csv import row


def event_at(location: dict[str, Any]) -> dict[str, Any]:
    return {"id": "ev-a", "location": location, "actors": [], "casualties": [], "discrepancies": []}


@pytest.mark.parametrize(
    ("country", "code", "name"),
    [("US", "LA", "Louisiana"), ("US", "NY", "New York"), ("GB", "ENG", "England"), ("US", "ZZ", "ZZ")],
)
def test_export_csv_admin1_is_the_divisions_name(country: str, code: str, name: str) -> None:
    assert row(event_at({"name": "X", "country_code": country, "admin1": code}), 0)["admin1"] == name


def test_export_csv_admin1_empty_without_one() -> None:
    assert row(event_at({"name": "X", "country_code": "US", "admin1": None}), 0)["admin1"] == ""
    assert row(event_at({}), 0)["admin1"] == ""
