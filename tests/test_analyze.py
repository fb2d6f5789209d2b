"""The analyze stage on a real SQLite store, and the ``analyze``/``show`` commands."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language
from spacy.tokens import Doc

from rashomon.cli import main
from rashomon.extract.analyze import AnalyzeOptions, analyze_store
from rashomon.extract.pipeline import PIPELINE_VERSION
from rashomon.records import Article
from rashomon.store import Store

pytestmark = pytest.mark.slow


def _add_samples(store: Store, sample_dir: Path) -> list[str]:
    ids = []
    for line in (sample_dir / "manifest.jsonl").read_text().splitlines():
        meta = json.loads(line)
        text = (sample_dir / meta.pop("path")).read_text(encoding="utf-8")
        name = json.loads(line)["path"]
        article = Article.create(text, name, **meta)
        store.add_article(article)
        ids.append(article.id)
    return ids


def _add_short(store: Store, texts: list[str]) -> list[str]:
    articles = [Article.create(t, f"short-{i}.txt", published_at="2022-08-03") for i, t in enumerate(texts)]
    for article in articles:
        store.add_article(article)
    return [a.id for a in articles]


@pytest.fixture
def bomb(nlp: Language) -> Iterator[None]:
    """A component that raises on any text containing BOOM (and halts like a kill on HALT)."""
    name = "test_bomb"
    if not Language.has_factory(name):

        @Language.component(name)
        def _bomb(doc: Doc) -> Doc:
            if "HALT" in doc.text:
                raise KeyboardInterrupt
            if "BOOM" in doc.text:
                raise ValueError("boom")
            return doc

    nlp.add_pipe(name, after="rashomon.actors.v1")
    yield
    nlp.remove_pipe(name)


def test_analyze_store_saves_analyses_of_the_samples(store: Store, sample_dir: Path, nlp: Language) -> None:
    ids = _add_samples(store, sample_dir)
    summary = analyze_store(store, nlp=nlp)
    assert (summary["pending"], summary["analysed"], summary["failed"]) == (2, 2, 0)
    for article_id in ids:
        analysis = store.get_analysis(article_id)
        assert analysis is not None and analysis.pipeline == PIPELINE_VERSION
        text = store.get_article(article_id).text
        assert analysis.actors and all(text[m.start : m.end] == m.text for m in analysis.actors)
        assert analysis.claims and analysis.casualties and analysis.places
    second = store.get_analysis(ids[1])
    assert second is not None
    assert {"irregular forces", "illegal militants"} <= {
        m.text for m in second.actors if m.actor_id == "artsakh-defense-army"
    }
    assert second.event_date == "2022-08-03"


def test_analyze_store_is_idempotent(store: Store, nlp: Language) -> None:
    _add_short(store, ["Baku said two soldiers were killed.", "Police said a man was shot in Memphis."])
    assert analyze_store(store, nlp=nlp)["analysed"] == 2
    again = analyze_store(store, nlp=nlp)
    assert (again["pending"], again["analysed"]) == (0, 0)


def test_analyze_store_resumes_after_a_kill(store: Store, nlp: Language, bomb: None) -> None:
    ids = _add_short(store, ["Yerevan said one soldier died.", "HALT here.", "Moscow said nothing."])
    with pytest.raises(KeyboardInterrupt):
        analyze_store(store, nlp=nlp, options=AnalyzeOptions(batch_size=1))
    saved = [i for i in ids if store.get_analysis(i) is not None]
    assert saved and len(saved) < 3
    store.db.execute("UPDATE articles SET text = 'Now it works.' WHERE text = 'HALT here.'")
    resumed = analyze_store(store, nlp=nlp, options=AnalyzeOptions(batch_size=1))
    assert resumed["analysed"] == 3 - len(saved)
    assert all(store.get_analysis(i) is not None for i in ids)


def test_analyze_store_records_failures_and_goes_on(store: Store, nlp: Language, bomb: None) -> None:
    ids = _add_short(store, ["Baku said one soldier died.", "BOOM went the parser.", "Kyiv said nothing."])
    summary = analyze_store(store, nlp=nlp, options=AnalyzeOptions(batch_size=2))
    assert (summary["analysed"], summary["failed"], summary["failures_by_code"]) == (2, 1, {"X001": 1})
    failed_id = next(i for i in ids if store.get_analysis(i) is None)
    row = store.db.execute(
        "SELECT code, message FROM analysis_failures WHERE article_id = ?", (failed_id,)
    ).fetchone()
    assert row["code"] == "X001" and "boom" in row["message"]
    assert analyze_store(store, nlp=nlp)["pending"] == 0  # a failed article is not retried by default
    assert analyze_store(store, nlp=nlp, options=AnalyzeOptions(retry_failed=True))["failed"] == 1


def test_show_prints_highlights_and_tables(store: Store, sample_dir: Path, nlp: Language) -> None:
    ids = _add_samples(store, sample_dir)
    analyze_store(store, nlp=nlp)
    runner = CliRunner()
    result = runner.invoke(main, ["show", "002_e5a2614a3f3af2ef.txt", "--db", store.path])
    assert result.exit_code == 0, result.output
    assert "[Armenian irregular forces|actor]" in result.output
    assert "[Baku|claimant]" in result.output or "[Baku|actor]" in result.output
    for table in ("claims (", "casualties (", "actors (", "places (", "dates (", "event ("):
        assert table in result.output
    assert "\x1b[" not in result.output  # piped: brackets, no colours
    as_json = runner.invoke(main, ["show", ids[1][:6], "--db", store.path, "--json"])
    view = json.loads(as_json.output)
    assert view["article"]["source_name"] == "002_e5a2614a3f3af2ef.txt" and view["analysis"]["actors"]


def test_show_unknown_article_is_a_one_line_error(store: Store) -> None:
    result = CliRunner().invoke(main, ["show", "nope", "--db", store.path])
    assert result.exit_code == 1 and "[S003]" in result.output
