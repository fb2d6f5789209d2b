"""The SQLite store: migrations, atomic writes, article round trips."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.errors import StoreError
from rashomon.records import Article, ArticleAnalysis, Claim
from rashomon.store import Store
from rashomon.store.migrations import MIGRATIONS


def test_store_migrations_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with Store(path) as first:
        assert first.migrations() == [name for name, _ in MIGRATIONS]
    with Store(path) as again:
        assert again.migrate() == []


def test_store_refuses_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO _migrations VALUES ('9999_from_the_future', 'x')")
    with pytest.raises(StoreError, match="9999_from_the_future"):
        Store(path)


def test_store_atomic_rolls_back_nested_savepoint(store: Store) -> None:
    kept = Article.create("Kept text.", "kept.txt")
    lost = Article.create("Lost text.", "lost.txt")
    with store.atomic():
        store.add_article(kept)
        with pytest.raises(RuntimeError), store.atomic():
            store.add_article(lost)
            raise RuntimeError("boom")
    assert store.has_article(kept.id)
    assert not store.has_article(lost.id)


def test_store_atomic_rolls_back_outer_transaction(store: Store) -> None:
    article = Article.create("Some text.", "a.txt")
    with pytest.raises(ValueError), store.atomic():
        store.add_article(article)
        raise ValueError("abort")
    assert store.article_count() == 0


def test_store_add_article_is_idempotent(store: Store) -> None:
    article = Article.create("Two soldiers were killed.\n", "one.txt", outlet="RT")
    assert store.add_article(article) is True
    assert store.add_article(Article.create("Two  soldiers were killed.", "copy.txt")) is False
    assert store.article_count() == 1
    assert store.get_article(article.id).outlet == "RT"


def test_store_find_article_by_prefix_and_source(store: Store) -> None:
    article = Article.create("Text of the report.", "report.txt")
    store.add_article(article)
    assert store.find_article(article.id[:6]).id == article.id
    assert store.find_article("report.txt").id == article.id
    with pytest.raises(StoreError, match="S003"):
        store.find_article("nope")


def test_store_analysis_round_trip(store: Store) -> None:
    article = Article.create("The ministry said two soldiers died.", "x.txt")
    store.add_article(article)
    assert store.unanalysed("v1") == [article.id]
    claim = Claim(text=article.text, start=0, end=len(article.text), claimant="The ministry",
                  claimant_start=0, claimant_end=12, cue="said", hedged=False)
    store.save_analysis(ArticleAnalysis(article_id=article.id, pipeline="v1", claims=[claim]))
    back = store.get_analysis(article.id)
    assert back is not None and back.claims == [claim]
    assert store.unanalysed("v1") == []
    assert store.unanalysed("v2") == [article.id]


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=200).filter(lambda s: s.strip()))
def test_store_article_text_round_trip(text: str) -> None:
    with Store(":memory:") as db:
        article = Article.create(text, "prop.txt", title=text[:10])
        db.add_article(article)
        back = db.get_article(article.id)
        assert back.text == article.text
        assert back.title == article.title
