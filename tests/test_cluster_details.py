"""Incident details the pair score reads from the text: headlines, clock times, streets, lead weekdays."""

from __future__ import annotations

import pytest

from rashomon.cluster.features import ArticleFeatures, clock_times, features_for, lead_weekdays, street_names
from rashomon.cluster.headlines import headline_cosine, headline_words, stem, weigh_headlines
from rashomon.cluster.options import ClusterOptions
from rashomon.cluster.partition import build_corpus
from rashomon.cluster.scoring import contributions, score_pair
from rashomon.records import Article


def _feat(text: str, *, title: str | None = None, day: str = "2016-03-12", aid: str = "a") -> ArticleFeatures:
    article = Article(id=aid, text=text, source_name="t", title=title, published_at=day)
    return features_for(article, None, (title + "\n" if title else "") + text)


def test_cluster_details_headline_words_share_stems_and_numbers() -> None:
    first = headline_words("4 Shot, 1 Killed During Argument In Detroit", "")
    second = headline_words("One dead, four injured in Detroit shooting", "")
    assert {"4", "1", "detroit", "shoot"} <= first & second
    assert "kill" in first and "die" in second and "in" not in first
    assert [stem(w) for w in ["shootings", "shoots", "killed", "dies", "accidentally", "shopping"]] == [
        "shoot", "shoot", "kill", "die", "accidental", "shop"
    ]
    assert headline_words(None, "\nLansing teen shoots himself\nmore text") == headline_words(
        "Lansing teen shoots himself", ""
    ), "the first line stands in for a missing title"


def test_cluster_details_rare_headline_words_weigh_more() -> None:
    heads = [frozenset({"shoot", "lansing", "teen"}), frozenset({"shoot", "detroit"}), frozenset({"shoot", "man"})]
    weights = weigh_headlines(heads)
    assert weights[0]["lansing"] > weights[0]["shoot"]
    assert sum(v * v for v in weights[0].values()) == pytest.approx(1.0)
    assert headline_cosine(weights[0], weights[0]) == pytest.approx(1.0)
    assert 0 < headline_cosine(weights[1], weights[2]) < 0.5, "only the common word is shared"
    assert headline_cosine(weights[0], {}) == 0.0


def test_cluster_details_clock_times_leave_page_stamps_out() -> None:
    text = (
        "Updated 5:32 PM. Posted Dec 25, 2013 3:45 PM. The shooting happened at about 2:30 a.m. Sunday; "
        "a second call came at 11 p.m., another at 12 a.m. Broadcast at 6 PM EST."
    )
    assert clock_times(text) == {150, 1380, 0}


def test_cluster_details_clock_conflict_is_negative_evidence() -> None:
    options = ClusterOptions()
    first = _feat("A man was shot at about 2:30 a.m. on Saturday, police said.", aid="a")
    near = _feat("Police said the man was shot around 2:45 a.m. on Saturday.", aid="b")
    other = _feat("A man was shot at 9 p.m. on Saturday, police said.", aid="c")
    assert "clock_conflict" not in contributions(first, near, 0.3, options), "15 minutes apart: the same time"
    parts = contributions(first, other, 0.3, options)
    assert parts["clock_conflict"] == pytest.approx(-options.w_clock_conflict)
    silent = _feat("A man was shot on Saturday, police said.", aid="d")
    assert "clock_conflict" not in contributions(first, silent, 0.3, options), "one report gives no time"


def test_cluster_details_streets_bonus_and_conflict() -> None:
    assert street_names("near W. 33rd Street and Pecan Ave. off Main Street; the Wall Street crowd") == {
        "33rd", "pecan"
    }
    options = ClusterOptions()
    first = _feat("A man was shot on Pecan Avenue near Howe Street, police said.", aid="a")
    same = contributions(first, _feat("Shots were fired on Pecan Ave. late Friday.", aid="b"), 0.3, options)
    other = contributions(first, _feat("Shots were fired on Berkley Road late Friday.", aid="c"), 0.3, options)
    assert same["street"] == pytest.approx(options.w_street) and "street_conflict" not in same
    assert other["street_conflict"] == pytest.approx(-options.w_street_conflict) and "street" not in other


def test_cluster_details_weekday_conflict_reads_only_the_lead() -> None:
    lead = "A man was shot on Saturday night outside a bar, police said."
    assert lead_weekdays(lead + " " + "x" * 500 + " The funeral is on Tuesday.") == {"Saturday"}
    options = ClusterOptions()
    first = _feat(lead, aid="a")
    later = _feat("A man was shot on Tuesday outside a bar, police said.", aid="b")
    same = _feat("Police said a man was shot outside a bar Saturday.", aid="c")
    assert contributions(first, later, 0.3, options)["weekday_conflict"] == pytest.approx(
        -options.w_weekday_conflict
    )
    assert "weekday_conflict" not in contributions(first, same, 0.3, options)


def test_cluster_details_corpus_weighs_headlines_and_scores_them() -> None:
    options = ClusterOptions()
    titles = ["Lansing teen accidentally shoots himself in the face", "Lansing teen recovering after shooting self",
              "Man shot in Detroit", "Woman shot in Flint"]
    articles = [
        Article(id=f"a{k}", text="Police said the victim was taken to a hospital.", source_name="t", title=title,
                published_at="2017-03-13")
        for k, title in enumerate(titles)
    ]
    corpus = build_corpus(((a, None) for a in articles), options)
    feats = corpus.features
    assert all(f.title_vector for f in feats)
    lansing = contributions(feats[0], feats[1], 0.2, options)["title"]
    shot = contributions(feats[2], feats[3], 0.2, options).get("title", 0.0)
    assert lansing > shot >= 0.0
    assert lansing == pytest.approx(options.w_title * headline_cosine(feats[0].title_vector, feats[1].title_vector))
    assert score_pair(feats[0], feats[1], 0.2, options) > score_pair(feats[0], feats[2], 0.2, options)
