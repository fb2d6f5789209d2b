"""The Ray engine of the analyze stage against the local engine, on a real SQLite store and a local Ray."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from rashomon.cli import main
from rashomon.eval.gva import load_documents
from rashomon.extract.analyze import analyze_store
from rashomon.pipeline import STAGES, RunOptions, load_stage
from rashomon.records import Article
from rashomon.store import Store

ray = pytest.importorskip("ray", reason="ray is not installed: pip install 'rashomon[ray]' (or the dev extra)")
pytest.importorskip("ray.data", reason="Ray Data is not installed: pip install 'ray[data]'")

from rashomon.distributed.ray_engine import analyze_rows, analyze_store_ray  # noqa: E402

pytestmark = pytest.mark.slow
N_GVA = 20


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """One local Ray for the module (started here, so the engine must leave it running)."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _fill(store: Store, sample_dir: Path, gold_dir: Path) -> list[str]:
    """The two sample reports and the first N_GVA GVA news articles."""
    ids = []
    for line in (sample_dir / "manifest.jsonl").read_text().splitlines():
        meta = json.loads(line)
        text = (sample_dir / meta.pop("path")).read_text(encoding="utf-8")
        article = Article.create(text, json.loads(line)["path"], **meta)
        store.add_article(article)
        ids.append(article.id)
    for doc in load_documents(gold_dir)[:N_GVA]:
        store.add_article(doc.to_article())
        ids.append(doc.doc_id)
    return ids


def _analyses(store: Store, ids: list[str]) -> dict[str, str]:
    found = {i: store.get_analysis(i) for i in ids}
    return {i: json.dumps(a.to_dict(), sort_keys=True) for i, a in found.items() if a is not None}


def test_distributed_ray_engine_gives_the_local_analyses_and_resumes(
        tmp_path: Path, sample_dir: Path, gold_dir: Path, nlp: Language, local_ray: None) -> None:
    with Store(tmp_path / "local.db") as local, Store(tmp_path / "ray.db") as remote:
        ids = _fill(local, sample_dir, gold_dir)
        assert _fill(remote, sample_dir, gold_dir) == ids
        expected = analyze_store(local, nlp=nlp)
        summary = analyze_store_ray(remote, num_cpus=2, batch_size=8)
        assert (summary["engine"], summary["workers"]) == ("ray", 2)
        for key in ("pipeline", "pending", "analysed", "failed"):
            assert summary[key] == expected[key]
        assert summary["analysed"] == len(ids) == N_GVA + 2
        theirs, ours = _analyses(local, ids), _analyses(remote, ids)
        assert len(ours) == len(ids) and ours == theirs
        again = analyze_store_ray(remote, num_cpus=2, batch_size=8)
        assert (again["pending"], again["analysed"], again["workers"]) == (0, 0, 0)
    assert ray.is_initialized()  # the engine joined this Ray and did not shut it down


def test_distributed_failing_article_is_recorded_and_the_rest_saved(store: Store, local_ray: None) -> None:
    texts = ["Police said a man was shot dead in Memphis on Tuesday.",
             "war " * 300_000,  # over spaCy's max_length: the whole nlp.pipe batch raises
             "Baku said two soldiers were killed near Lachin."]
    articles = [Article.create(t, f"t{i}.txt", published_at="2022-08-03") for i, t in enumerate(texts)]
    for article in articles:
        store.add_article(article)
    args = ["analyze", "--engine", "ray", "--workers", "1", "--db", store.path, "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert (summary["analysed"], summary["failed"], summary["failures_by_code"]) == (2, 1, {"X001": 1})
    assert store.get_analysis(articles[1].id) is None
    assert all(store.get_analysis(a.id) is not None for a in (articles[0], articles[2]))
    row = store.db.execute("SELECT code, message FROM analysis_failures WHERE article_id = ?",
                           (articles[1].id,)).fetchone()
    assert row["code"] == "X001" and "E088" in row["message"]
    again = json.loads(CliRunner().invoke(main, args).output)
    assert (again["pending"], again["analysed"]) == (0, 0)  # the failure is not retried by default


def test_distributed_analyze_rows_isolates_an_article_that_stops_its_batch(nlp: Language) -> None:
    rows = [{"article_id": "a", "text": "Kyiv said three civilians died.", "published_at": None},
            {"article_id": "b", "text": "x " * (nlp.max_length // 2 + 1), "published_at": None},
            {"article_id": "c", "text": "Two people were wounded in Ohio.", "published_at": "2017-01-02"}]
    results = analyze_rows(nlp, rows, failures={}, batch_size=4)
    assert [r[0] for r in results] == ["a", "b", "c"]
    assert results[1][1] is None and "E088" in (results[1][2] or "")
    analysis = json.loads(results[2][1] or "{}")
    assert analysis["article_id"] == "c" and analysis["casualties"]


def test_distributed_run_options_pick_the_ray_engine() -> None:
    analyze_target = dict(STAGES)["analyze"]
    target, kwargs = RunOptions(engine="ray", workers=3, ray_address="auto").stage("analyze", analyze_target)
    assert load_stage(target) is analyze_store_ray and kwargs == {"num_cpus": 3, "address": "auto"}
    assert RunOptions().stage("analyze", analyze_target) == (analyze_target, {})
    assert RunOptions(workers=2).stage("analyze", analyze_target) == (analyze_target, {"n_process": 2})
    assert RunOptions(engine="ray").stage("cluster", "x:y") == ("x:y", {})
