"""Split, merge and explain: user decisions recorded in event_history and respected by later runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.test_cluster import _corpus_articles, _fill

from rashomon.cli import main
from rashomon.cluster.engine import cluster_store, current_assignment
from rashomon.cluster.history import constraints_from_history, merge_events, split_event
from rashomon.errors import ClusterError, StoreError
from rashomon.store import Store


def _event_of(store: Store, article_id: str) -> str:
    return current_assignment(store)[article_id]


def test_cluster_history_split_is_respected_by_rebuild(store: Store) -> None:
    arts = _corpus_articles()
    _fill(store, [arts["1a"], arts["1b"], arts["1c"]])
    cluster_store(store)
    event = _event_of(store, arts["1a"].id)
    new_event = split_event(store, event, [arts["1c"].id])
    assert _event_of(store, arts["1c"].id) == new_event != event
    cluster_store(store, rebuild=True)
    after = current_assignment(store)
    assert after[arts["1c"].id] != after[arts["1a"].id]
    assert after[arts["1a"].id] == after[arts["1b"].id]
    actions = [r[0] for r in store.db.execute("SELECT action FROM event_history ORDER BY id")]
    assert actions == ["cluster", "split", "cluster"]


def test_cluster_history_merge_is_respected_by_rebuild(store: Store) -> None:
    arts = _corpus_articles()
    _fill(store, [arts["1a"], arts["elsewhere"]])
    cluster_store(store)
    target, other = _event_of(store, arts["1a"].id), _event_of(store, arts["elsewhere"].id)
    assert target != other
    result = merge_events(store, target, [other])
    assert result["articles"] == 2
    assert store.db.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    cluster_store(store, rebuild=True)
    assert _event_of(store, arts["elsewhere"].id) == _event_of(store, arts["1a"].id)
    must, cannot = constraints_from_history(store)
    assert must == [sorted([arts["1a"].id, arts["elsewhere"].id])] and not cannot


def test_cluster_history_split_after_merge_lifts_the_merge(store: Store) -> None:
    arts = _corpus_articles()
    _fill(store, [arts["1a"], arts["elsewhere"]])
    cluster_store(store)
    target, other = _event_of(store, arts["1a"].id), _event_of(store, arts["elsewhere"].id)
    merge_events(store, target, [other])
    split_event(store, target, [arts["elsewhere"].id])
    must, cannot = constraints_from_history(store)
    assert must == [] and len(cannot) == 1


def test_cluster_history_split_refuses_bad_requests(store: Store) -> None:
    arts = _corpus_articles()
    _fill(store, [arts["1a"], arts["1b"], arts["elsewhere"]])
    cluster_store(store)
    event = _event_of(store, arts["1a"].id)
    with pytest.raises(ClusterError) as moved_all:
        split_event(store, event, [arts["1a"].id, arts["1b"].id])
    assert moved_all.value.code.name == "C001"
    with pytest.raises(ClusterError):
        split_event(store, event, [arts["elsewhere"].id])
    with pytest.raises(StoreError):
        split_event(store, "ev-missing", [arts["1a"].id])


def test_cluster_cli_cluster_explain_split_merge(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    with Store(db) as store:
        arts = _corpus_articles()
        _fill(store, [arts["1a"], arts["1b"], arts["elsewhere"]])
    runner = CliRunner()
    out = runner.invoke(main, ["cluster", "--db", db, "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["events"] == 2
    with Store(db) as store:
        event = _event_of(store, arts["1a"].id)
        other = _event_of(store, arts["elsewhere"].id)
    explained = runner.invoke(main, ["explain", event, "--db", db])
    assert explained.exit_code == 0, explained.output
    assert "Marcus Deering" in explained.output and arts["1b"].id in explained.output
    split = runner.invoke(main, ["split", event, "--articles", arts["1b"].id[:10], "--db", db, "--json"])
    assert split.exit_code == 0, split.output
    new_event = json.loads(split.output)["new_event"]
    merged = runner.invoke(main, ["merge", event, new_event, other, "--db", db])
    assert merged.exit_code == 0 and "3 articles" in merged.output
    history = runner.invoke(main, ["explain", event, "--db", db, "--json"])
    assert [h["action"] for h in json.loads(history.output)["history"]] == ["split", "merge"]
    missing = runner.invoke(main, ["explain", "ev-nope", "--db", db])
    assert missing.exit_code == 1 and "S004" in missing.output
