"""Clustering reports into events: merged when one event, kept apart when only place or day is shared."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.cluster.engine import cluster_store, current_assignment
from rashomon.cluster.options import ClusterOptions
from rashomon.cluster.partition import build_corpus, partition_corpus
from rashomon.records import Article, ArticleAnalysis, EventMention, Place, TimeExpr
from rashomon.store import Store

SHOOTING_1A = (
    "Two men were shot dead late Saturday on Rockingham Street in Norfolk. Police identified the victims as "
    "Marcus Deering, 22, and Melvin Alston, 32. Two other men were wounded and taken to Sentara Hospital."
)
SHOOTING_1B = (
    "Norfolk police have named the men killed in Saturday's shooting near Berkley Avenue: "
    "Marcus Deering, 22, of Chesapeake and Melvin Alston, 32. "
    "Detectives said two more victims survived with gunshot wounds."
)
SHOOTING_1C = (
    "A vigil was held Monday for Marcus Deering and Melvin Alston, the two men shot dead on "
    "Rockingham Street in Norfolk over the weekend. Police have made no arrests."
)
SAME_PLACE_LATER = (
    "A woman was shot and wounded Tuesday night in Norfolk. Police said Tanya Brooks, 41, was hit in the leg "
    "outside a store on Tidewater Drive and is expected to survive. No arrests have been made."
)
SAME_DAY_ELSEWHERE = (
    "A man was shot dead Saturday night in Denver. Police identified him as Jorge Ramirez, 19. Officers said "
    "the shooting followed an argument outside a bar on Colfax Avenue and a suspect fled on foot."
)


def _article(text: str, day: str, outlet: str) -> Article:
    return Article.create(text, source_name=f"{outlet}-{day}.txt", outlet=outlet, published_at=day)


def _corpus_articles() -> dict[str, Article]:
    return {
        "1a": _article(SHOOTING_1A, "2014-01-05", "WAVY"),
        "1b": _article(SHOOTING_1B, "2014-01-06", "Pilot"),
        "1c": _article(SHOOTING_1C, "2014-01-07", "WTKR"),
        "later": _article(SAME_PLACE_LATER, "2014-01-29", "Pilot"),
        "elsewhere": _article(SAME_DAY_ELSEWHERE, "2014-01-05", "Denver Post"),
    }


def _fill(store: Store, articles: list[Article]) -> None:
    for article in articles:
        store.add_article(article)


def _partition(store: Store) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article_id, event_id in current_assignment(store).items():
        groups.setdefault(event_id, set()).add(article_id)
    return {frozenset(g) for g in groups.values()}


def test_cluster_merges_reports_of_one_event_and_keeps_others_apart(store: Store) -> None:
    arts = _corpus_articles()
    _fill(store, list(arts.values()))
    summary = cluster_store(store)
    assert summary["articles_assigned"] == 5
    parts = _partition(store)
    assert frozenset({arts["1a"].id, arts["1b"].id, arts["1c"].id}) in parts
    assert frozenset({arts["later"].id}) in parts
    assert frozenset({arts["elsewhere"].id}) in parts
    dates = {r[0] for r in store.db.execute("SELECT date FROM events")}
    assert None not in dates and "2014-01-05" in dates


def test_cluster_reason_names_the_shared_evidence(store: Store) -> None:
    arts = _corpus_articles()
    _fill(store, [arts["1a"], arts["1b"]])
    cluster_store(store)
    reason = json.loads(
        store.db.execute(
            "SELECT reason FROM event_articles WHERE article_id = ?", (arts["1b"].id,)
        ).fetchone()[0]
    )
    assert reason["joined_with"] == arts["1a"].id
    assert "Marcus Deering" in reason["shared_names"]
    assert reason["shared_ages"] == [22, 32]
    assert reason["shared_terms"] == [], "in a two-report store no word is rare"
    assert reason["date_window"]["gap_days"] == 1
    assert reason["score"] >= ClusterOptions().threshold


def test_cluster_incremental_run_joins_existing_event_and_keeps_ids(store: Store) -> None:
    arts = _corpus_articles()
    _fill(store, [arts["1a"], arts["1b"], arts["elsewhere"]])
    cluster_store(store)
    before = current_assignment(store)
    _fill(store, [arts["1c"], arts["later"]])
    summary = cluster_store(store)
    after = current_assignment(store)
    assert summary["new_articles"] == 2 and summary["articles_assigned"] == 2
    assert all(after[a] == e for a, e in before.items())
    assert after[arts["1c"].id] == after[arts["1a"].id]
    assert after[arts["later"].id] not in before.values()
    assert cluster_store(store)["articles_assigned"] == 0


def test_cluster_rebuild_gives_same_partition_and_ids(store: Store) -> None:
    _fill(store, list(_corpus_articles().values()))
    cluster_store(store)
    first = current_assignment(store)
    cluster_store(store, rebuild=True)
    assert current_assignment(store) == first


def _analysis(article: Article, day: str, lat: float, lon: float, place: str, admin1: str) -> ArticleAnalysis:
    """An analysis whose event place is every mention of ``place`` in the text and whose event date is
    written next to the 'shot dead' trigger, as the extractors give them."""
    text = article.text
    starts = [i for i in range(len(text)) if text.startswith(place, i)]
    trigger = text.index("shot dead")
    return ArticleAnalysis(
        article_id=article.id,
        pipeline="test",
        event_date=day,
        event_date_precision="day",
        event_place=0,
        places=[
            Place(
                text=place, start=s, end=s + len(place), name=place, country_code="US",
                lat=lat, lon=lon, precision="town", admin1=admin1,
            )
            for s in starts
        ],
        times=[TimeExpr(text="Saturday", start=trigger + 10, end=trigger + 18, date=day, precision="day")],
        events=[EventMention(event_type="Violence against civilians", sub_event_type="Attack",
                             trigger="shot dead", start=trigger, end=trigger + 9)],
    )


def test_cluster_cannot_link_same_text_far_apart_places() -> None:
    here = Article.create(
        "Norfolk: police said a 30-year-old man was shot dead Saturday night outside the Lucky Star bar "
        "downtown in Norfolk.", source_name="a", published_at="2015-03-07")
    there = Article.create(
        "Denver: police said a 30-year-old man was shot dead Saturday night outside the Lucky Star bar "
        "downtown in Denver.", source_name="b", published_at="2015-03-07")
    items = [
        (here, _analysis(here, "2015-03-07", 36.85, -76.29, "Norfolk", "VA")),
        (there, _analysis(there, "2015-03-07", 39.74, -104.99, "Denver", "CO")),
    ]
    options = ClusterOptions()
    corpus = build_corpus(items, options)
    assert len(partition_corpus(corpus, options).clusters()) == 2
    text_only = build_corpus([(here, None), (there, None)], options)
    assert len(partition_corpus(text_only, options).clusters()) == 1


def test_cluster_cannot_link_explicit_dates_far_apart_in_reports_of_the_same_days() -> None:
    template = (
        "Norfolk: police said a 30-year-old man was shot dead Saturday outside the Lucky Star bar on Granby "
        "Street in Norfolk."
    )
    first = Article.create(template + " (1)", source_name="a", published_at="2015-03-09")
    second = Article.create(template + " (2)", source_name="b", published_at="2015-03-09")
    items = [
        (first, _analysis(first, "2015-01-31", 36.85, -76.29, "Norfolk", "VA")),
        (second, _analysis(second, "2015-03-08", 36.85, -76.29, "Norfolk", "VA")),
    ]
    options = ClusterOptions(max_event_day_gap=30)  # the default (400) trusts extracted dates less
    assert len(partition_corpus(build_corpus(items, options), options).clusters()) == 2
    # a follow-up published weeks later dates a later step (an arrest): not a reason to keep it apart
    later = Article.create(template + " (3)", source_name="c", published_at="2015-03-30")
    items = [items[0], (later, _analysis(later, "2015-03-28", 36.85, -76.29, "Norfolk", "VA"))]
    assert len(partition_corpus(build_corpus(items, options), options).clusters()) == 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(list(range(5))))
def test_cluster_partition_independent_of_input_order(order: list[int]) -> None:
    arts = list(_corpus_articles().values())
    options = ClusterOptions()
    reference = partition_corpus(build_corpus([(a, None) for a in arts], options), options).clusters()
    shuffled = [(arts[i], None) for i in order]
    assert partition_corpus(build_corpus(shuffled, options), options).clusters() == reference


def test_cluster_stage_registered_between_analyze_and_reconcile() -> None:
    from rashomon.pipeline import STAGES, load_stage

    names = [name for name, _ in STAGES]
    assert "cluster" in names
    if "reconcile" in names:
        assert names.index("cluster") < names.index("reconcile")
    if "analyze" in names:
        assert names.index("analyze") < names.index("cluster")
    assert load_stage(dict(STAGES)["cluster"]) is cluster_store


def test_cluster_blocking_pairs_follow_ups_sharing_a_rare_term() -> None:
    from rashomon.cluster.blocking import candidate_pairs
    from rashomon.cluster.scoring import evidence

    texts = {
        "a": ("Three people were found shot dead in a travel trailer on Dutterow Road on Wednesday.", "2016-06-22"),
        "b": ("A man pleaded guilty on Friday to the Dutterow killings, prosecutors said.", "2016-11-04"),
        "c": ("A woman was wounded in a shooting downtown on Friday night, police said.", "2016-11-04"),
        "d": ("Police said a man was wounded in a shooting on Monday near a gas station.", "2016-06-20"),
    }
    arts = [_article(text, day, outlet) for outlet, (text, day) in texts.items()]
    # rarity needs a pool: 300 other reports, each with words of its own
    fillers = [
        _article(f"Report {n}: " + " ".join(f"w{n}x{k}" for k in range(5)), "2015-01-01", f"f{n}")
        for n in range(300)
    ]
    options = ClusterOptions()
    corpus = build_corpus(((a, None) for a in arts + fillers), options)
    pairs = candidate_pairs(corpus.features, [[] for _ in corpus.features], options)
    rows = {a.source_name.split("-")[0]: corpus.row[a.id] for a in arts}
    assert (min(rows["a"], rows["b"]), max(rows["a"], rows["b"])) in pairs, "135 days apart, one rare word"
    assert (min(rows["a"], rows["c"]), max(rows["a"], rows["c"])) not in pairs
    fa, fb = corpus.features[rows["a"]], corpus.features[rows["b"]]
    why = evidence(fa, fb, corpus.index.cosine(rows["a"], rows["b"]), options, corpus.index.terms)
    assert why.shared_terms == ["dutterow"], "the explanation names the rare word"


def test_cluster_linkage_rejoin_pass_merges_a_strong_follow_up_unless_cannot_linked() -> None:
    from rashomon.cluster.linkage import average_link

    # rows 0..2 are one event; row 3 (a follow-up) matches row 0 strongly and rows 1, 2 weakly
    event = {(0, 1): 0.9, (0, 2): 0.8, (1, 2): 0.7}
    weak = {(1, 3): 0.12, (2, 3): 0.12}

    def clusters(follow_up: float, *, rejoin: float | None, cannot: bool = False) -> list[list[int]]:
        scores = event | {(0, 3): follow_up}
        found = average_link(
            4, scores, 0.38, pair_score=lambda i, j: weak[(i, j)], cannot=lambda i, j: cannot and 3 in (i, j),
            rejoin=rejoin, rejoin_average=0.25,
        )
        return found.clusters()

    assert clusters(0.55, rejoin=None) == [[0, 1, 2], [3]], "average 0.26 is below the threshold"
    assert clusters(0.55, rejoin=0.5) == [[0, 1, 2, 3]]
    assert clusters(0.45, rejoin=0.5) == [[0, 1, 2], [3]], "the best cross pair is not strong enough"
    assert clusters(0.55, rejoin=0.5, cannot=True) == [[0, 1, 2], [3]]
