"""Audit fixes for ``explain`` and event ids: a user's merge survives ``cluster --rebuild`` as the stated reason
(with its history entry and the score), an event created by ``split`` shows that split, and an event id prefix
shared by several events is reported as such."""

from __future__ import annotations

import json

from click.testing import CliRunner
from tests.test_cluster import _corpus_articles, _fill

from rashomon.cli import main
from rashomon.cluster.engine import cluster_store, current_assignment
from rashomon.cluster.history import merge_events, split_event
from rashomon.store import Store


def _merged_then_rebuilt(store: Store) -> tuple[str, list[str]]:
    arts = _corpus_articles()
    _fill(store, [arts["1a"], arts["elsewhere"]])
    cluster_store(store)
    events = current_assignment(store)
    target, other = events[arts["1a"].id], events[arts["elsewhere"].id]
    assert target != other
    merge_events(store, target, [other])
    cluster_store(store, rebuild=True)
    return target, [arts["1a"].id, arts["elsewhere"].id]


def test_explain_after_rebuild_names_the_users_merge_with_its_history_entry(store: Store) -> None:
    target, ids = _merged_then_rebuilt(store)
    merge_row = store.db.execute("SELECT id FROM event_history WHERE action = 'merge'").fetchone()[0]
    info = json.loads(CliRunner().invoke(main, ["explain", target, "--db", store.path, "--json"]).output)
    reasons = {a["article_id"]: a["reason"] for a in info["articles"]}
    assert set(reasons) == set(ids)
    for article_id, reason in reasons.items():
        assert reason["user"] == "merge" and reason["into_event"] == target
        assert reason["history_id"] == merge_row
        assert reason["merged_with"] == [a for a in ids if a != article_id]
        assert isinstance(reason["score"], float)  # the pairwise evidence is kept beside the user's decision


def test_explain_after_rebuild_prints_the_merge_and_the_score(store: Store) -> None:
    target, _ = _merged_then_rebuilt(store)
    result = CliRunner().invoke(main, ["explain", target, "--db", store.path])
    assert result.exit_code == 0, result.output
    merge_row = store.db.execute("SELECT id FROM event_history WHERE action = 'merge'").fetchone()[0]
    assert result.output.count(f"by the user: merge into {target}") == 2
    assert f"history #{merge_row}" in result.output
    assert "pairwise score" in result.output and ": score " in result.output
    assert f"history #{merge_row}: " in result.output  # the history entry itself is listed


def test_explain_of_an_event_made_by_split_shows_the_split(store: Store) -> None:
    arts = _corpus_articles()
    _fill(store, [arts["1a"], arts["1b"], arts["1c"]])
    cluster_store(store)
    event = current_assignment(store)[arts["1a"].id]
    new_event = split_event(store, event, [arts["1c"].id])
    info = json.loads(CliRunner().invoke(main, ["explain", new_event, "--db", store.path, "--json"]).output)
    splits = [h for h in info["history"] if h["action"] == "split"]
    assert len(splits) == 1 and splits[0]["detail"]["new_event"] == new_event
    assert splits[0]["event_id"] == event
    printed = CliRunner().invoke(main, ["explain", new_event, "--db", store.path]).output
    assert "split" in printed and "history #" in printed


def test_dossier_event_prefix_shared_by_several_events_is_named(store: Store) -> None:
    arts = _corpus_articles()
    _fill(store, [arts["1a"], arts["elsewhere"]])
    cluster_store(store)
    events = sorted(set(current_assignment(store).values()))
    assert len(events) == 2
    result = CliRunner().invoke(main, ["dossier", "ev-", "--db", store.path])
    assert result.exit_code == 1, result.output
    assert "[G001]" in result.output and "starts several event ids" in result.output
    assert events[0] in result.output and events[1] in result.output
    one = CliRunner().invoke(main, ["dossier", events[0][:8], "--db", store.path, "--json"])
    assert one.exit_code == 0, one.output  # a unique prefix still finds its event
