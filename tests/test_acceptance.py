"""The acceptance checks, run generically on the export of hand-analysed reports (see test_reconcile)."""

from __future__ import annotations

from typing import Any

from rashomon.eval.acceptance import matches, run_checks
from rashomon.export.selection import SCHEMA_ID, article_record
from rashomon.reconcile.dossier import build_dossier
from test_reconcile import report_a, report_b

GOLD: dict[str, Any] = {
    "articles": ["a.txt", "b.txt"],
    "checks": [
        {"id": "one-event", "event_articles": ["a.txt", "b.txt"]},
        {"id": "date", "date": "2022-08-02"},
        {"id": "location", "country_code": "AZ", "lat": 39.82, "lon": 46.76, "max_km": 120},
        {
            "id": "actor",
            "actor_any": ["Artsakh"],
            "labels_by_article": {"a.txt": ["local militia"], "b.txt": ["illegal militants"]},
        },
        {
            "id": "killed",
            "kind": "killed",
            "side_any": ["Armenia", "Artsakh"],
            "best": 2,
            "claims": [
                {"article": "a.txt", "claimant_any": ["Armenian Ministry of Defense"]},
                {"article": "b.txt", "claimant_any": ["Artsakh Defense Army"]},
            ],
        },
        {
            "id": "dozens",
            "article": "b.txt",
            "claimant_any": ["Baku"],
            "value_text_any": ["dozens"],
            "min_at_least": 12,
        },
        {"id": "attribution", "discrepancy_kind": "attribution_conflict", "articles": ["a.txt", "b.txt"]},
        {
            "id": "omissions",
            "discrepancy_kind": "omission",
            "only_in": {"b.txt": ["Kazimov"]},
            "min_matches": 1,
        },
        {"id": "claims", "article": "a.txt", "claimants_all": [["defense ministry"], ["Armenian Ministry"]]},
        {"id": "provenance", "offsets_valid": True},
    ],
}


def _document() -> dict[str, Any]:
    a, b = report_a(), report_b()
    event = build_dossier("ev-1", [a, b])
    return {"schema": SCHEMA_ID, "articles": [article_record(r.article) for r in (a, b)], "events": [event]}


def test_acceptance_matching_is_case_insensitive_both_ways() -> None:
    assert matches("the Armenian Ministry of Defense", ["armenian ministry of defense"])
    assert matches("Baku", ["Baku", "defense ministry"])
    assert matches("Artsakh", ["Artsakh Defense Army"])
    assert not matches("he", ["Hebrew University"])  # too short to match inside a form
    assert not matches(None, ["x"])


def test_acceptance_checks_pass_on_a_correct_export() -> None:
    results = run_checks(GOLD, _document())
    assert [r.id for r in results if not r.passed] == []


def test_acceptance_checks_fail_where_the_export_is_wrong() -> None:
    document = _document()
    event = document["events"][0]
    event["date"] = "2022-08-05"
    event["discrepancies"] = [d for d in event["discrepancies"] if d["kind"] != "attribution_conflict"]
    event["claims"][0]["start"] += 1
    gold = {**GOLD, "checks": [*GOLD["checks"], {"id": "odd", "colour": "blue"}]}
    failed = {r.id: r.detail for r in run_checks(gold, document) if not r.passed}
    assert set(failed) == {"date", "attribution", "provenance", "odd"}
    assert failed["odd"] == "unknown check type"
