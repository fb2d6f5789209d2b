"""Which analysis features clustering trusts: explicit event dates, reliable towns, specific actors;
and the two sample reports through the real pipeline still form one event."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from rashomon.cluster.engine import cluster_store, current_assignment
from rashomon.cluster.features import ArticleFeatures, features_for
from rashomon.cluster.options import ClusterOptions
from rashomon.cluster.scoring import cannot_link, contributions, score_pair
from rashomon.records import ActorMention, Article, ArticleAnalysis, EventMention, Place, TimeExpr
from rashomon.store import Store

TEXT = (
    "Shelton man shot dead on Friday\n\n"
    "SHELTON - A 24-year-old man was shot dead on Friday night outside a bar on Howe Avenue in Shelton, "
    "police said. Police in Bridgeport are helping with the investigation."
)


def _place(text: str, name: str, lat: float, lon: float, precision: str = "town") -> Place:
    start = TEXT.index(text)
    return Place(text=text, start=start, end=start + len(text), name=name, country_code="US", lat=lat,
                 lon=lon, precision=precision, admin1="CT")  # type: ignore[arg-type]


def _analysis(article: Article, *, time_at: str = "Friday night", event_date: str = "2015-03-06",
              precision: str = "day") -> ArticleAnalysis:
    trigger = TEXT.index("shot dead on Friday night")
    time_start = TEXT.index(time_at)
    return ArticleAnalysis(
        article_id=article.id,
        pipeline="test",
        places=[_place("SHELTON", "Shelton", 41.32, -73.09), _place("Shelton,", "Shelton", 41.32, -73.09),
                _place("Bridgeport", "Bridgeport", 41.19, -73.20)],
        times=[TimeExpr(text=time_at, start=time_start, end=time_start + len(time_at), date=event_date,
                        precision="day")],
        events=[EventMention(event_type="Violence against civilians", sub_event_type="Attack",
                             trigger="shot dead", start=trigger, end=trigger + 9)],
        actors=[ActorMention(text="police", start=TEXT.index("police"), end=TEXT.index("police") + 6,
                             actor_id="pol-US", actor_name="police", actor_type="state_forces")],
        event_date=event_date,
        event_date_precision=precision,  # type: ignore[arg-type]
        event_place=1,
    )


def _article(published: str = "2015-03-07") -> Article:
    return Article(id="a" + published, text=TEXT, source_name="test", published_at=published)


def test_cluster_features_explicit_event_date_is_trusted() -> None:
    article = _article()
    feat = features_for(article, _analysis(article), TEXT)
    assert feat.day_precise and feat.date_iso == "2015-03-06" and feat.day_source == "analysis"


def test_cluster_features_week_or_far_from_trigger_date_falls_back_to_publication() -> None:
    article = _article()
    week = features_for(article, _analysis(article, precision="week"), TEXT)
    assert not week.day_precise and week.date_iso == "2015-03-07" and week.day_source == "published"
    far_text = TEXT + " " + "x" * 300 + " Funeral services are set for Monday."
    far_article = Article(id="far", text=far_text, source_name="t", published_at="2015-03-07")
    analysis = _analysis(far_article)
    analysis.times = [TimeExpr(text="Monday", start=len(far_text) - 7, end=len(far_text) - 1,
                               date="2015-03-06", precision="day")]
    assert not features_for(far_article, analysis, far_text).day_precise


def test_cluster_features_reliable_town_keys_and_no_generic_actors() -> None:
    article = _article()
    feat = features_for(article, _analysis(article), TEXT)
    assert feat.event_point == (41.32, -73.09) and feat.event_country == "US"
    # Shelton is named twice and in the lead; Bridgeport once, but still inside the lead
    assert {k for k in feat.place_keys if k.startswith("town:")} == {"town:Shelton", "town:Bridgeport"}
    assert not any(k.startswith("a1:") for k in feat.place_keys), "a whole state is no evidence"
    assert feat.actors == frozenset(), "police is shared by unrelated shootings"


def test_cluster_features_same_explicit_date_bonus_and_published_gap_gate() -> None:
    options = ClusterOptions(w_date=0.026, max_event_day_gap=30)  # defaults: 0 and 400 on the GVA pool
    a, b = _article("2015-03-07"), _article("2015-03-08")
    fa, fb = features_for(a, _analysis(a), TEXT), features_for(b, _analysis(b), TEXT)
    plain = ClusterOptions().with_overrides(w_date=0.0)
    assert score_pair(fa, fb, 0.1, options) == pytest.approx(score_pair(fa, fb, 0.1, plain) + options.w_date)
    c = _article("2015-03-08")
    fc = features_for(c, _analysis(c, event_date="2015-01-20"), TEXT)
    assert cannot_link(fa, fc, options) is not None
    late = _article("2015-03-30")
    fl = features_for(late, _analysis(late, event_date="2015-03-27"), TEXT)
    assert cannot_link(fa, fl, options) is None, "a follow-up published weeks later may date a later step"


def test_cluster_features_score_is_the_sum_of_its_explained_contributions() -> None:
    options = ClusterOptions()
    a, b = _article("2015-03-07"), _article("2015-03-20")
    fa, fb = features_for(a, _analysis(a), TEXT), features_for(b, _analysis(b, event_date="2015-03-19"), TEXT)
    parts = contributions(fa, fb, 0.25, options)
    assert sum(parts.values()) == pytest.approx(score_pair(fa, fb, 0.25, options))
    assert parts["sqrt_cosine"] == pytest.approx(0.5 * options.w_sqrt_cosine)
    assert parts["date_conflict"] == pytest.approx(-options.w_date_conflict), "explicit dates 6 and 19 March"
    assert "close" not in parts and "date" not in parts, "terms that contribute nothing are left out"
    scores = [score_pair(fa, fb, c / 20, options) for c in range(21)]
    assert scores == sorted(scores), "the cosine curve is concave but never falls"


def test_cluster_features_different_street_addresses_are_negative_evidence() -> None:
    options = ClusterOptions()

    def feat(address: str, day: str) -> ArticleFeatures:
        text = f"Man shot dead\n\nA man was shot dead in the {address} on Friday night, police said."
        return features_for(Article(id=address + day, text=text, source_name="t", published_at=day), None, text)

    first = feat("400 block of Pecan Ave.", "2015-03-07")
    same = contributions(first, feat("400 block of Pecan Avenue", "2015-03-07"), 0.3, options)
    other = contributions(first, feat("1200 block of Howe Street", "2015-03-07"), 0.3, options)
    assert same["address"] == pytest.approx(options.w_address) and "address_conflict" not in same
    assert other["address_conflict"] == pytest.approx(-options.w_address_conflict) and "address" not in other


@pytest.mark.slow
def test_cluster_features_sample_reports_form_one_event_with_real_pipeline(
    nlp: Language, sample_dir: Path, store: Store
) -> None:
    from rashomon.extract.analyze import analyze_store
    from rashomon.ingest import IngestOptions
    from rashomon.ingest.batch import ingest_paths

    ingest_paths(store, [sample_dir], IngestOptions())
    analyze_store(store, nlp=nlp)
    summary = cluster_store(store)
    assert summary["features_from_analysis"] == summary["articles"] >= 2
    assert len(set(current_assignment(store).values())) == 1


def test_cluster_features_proper_names_stop_at_line_breaks() -> None:
    from rashomon.cluster.features import proper_names

    names = proper_names("Breaking News\nImage shows Marcus Deering outside Berkley Avenue homes")
    assert "News\nImage" not in names and "News Image" not in names
    assert {"Marcus Deering", "Berkley Avenue"} <= names


def test_cluster_features_rare_terms_are_in_few_articles() -> None:
    from rashomon.cluster.vectors import TextIndex

    texts = [
        "Deputies found three victims in a trailer on Dutterow Road near Lacey.",
        "The Dutterow Road shooting victims were named by the coroner.",
        "A man was shot on Main Street downtown.",
        "Another man was shot on Main Street in the evening.",
        "Police said a man was shot on Main Street after midnight.",
    ]
    index = TextIndex(texts)
    assert not any(index.rare_terms(2)), "in five reports nothing is rare"
    rare = [set(index.terms(sorted(r))) for r in index.rare_terms(2, share=1.0)]
    assert "dutterow" in rare[0] and "dutterow" in rare[1]
    assert "main" not in rare[2], "a term in three articles is not rare at max_df 2"
    assert all("deputies" not in r for r in rare), "a term in one article pairs nothing"


def test_cluster_features_date_conflict_penalty_and_close_days_bonus() -> None:
    options = ClusterOptions().with_overrides(w_date_conflict=0.1, w_close=0.05, w_date=0.0)
    plain = options.with_overrides(w_date_conflict=0.0, w_close=0.0)
    a, b = _article("2015-03-07"), _article("2015-03-09")
    fa = features_for(a, _analysis(a), TEXT)
    fb = features_for(b, _analysis(b, event_date="2015-03-07"), TEXT)
    # both explicit, one day apart: the dates conflict, but the days are close
    expected = score_pair(fa, fb, 0.2, plain) - 0.1 + 0.05
    assert score_pair(fa, fb, 0.2, options) == pytest.approx(expected)


def test_cluster_features_roles_and_institutions_are_not_rare_names() -> None:
    from rashomon.cluster.features import proper_names

    text = "Sheriff Dan Smith said Broward County deputies took Marcus Deering to Vincent Medical on the West Side."
    names = proper_names(text)
    assert "Marcus Deering" in names
    assert not {"Sheriff Dan", "Broward County", "Vincent Medical", "West Side"} & names


def test_cluster_features_street_addresses_ignore_direction_and_street_type() -> None:
    from rashomon.cluster.features import street_addresses

    one = street_addresses("Police were called to the 400 block of Pecan Ave. about 8 p.m.")
    other = street_addresses("The shooting happened at a home in the 400 block of Pecan Avenue.")
    assert one == other == {"400 pecan"}
    assert street_addresses("the 1200 block of N. Martin Luther King Drive") == {"1200 martin luther king"}
    assert street_addresses("He was 400 feet away from Pecan Avenue.") == set()


def test_cluster_features_video_playlist_lines_are_furniture() -> None:
    from rashomon.cluster.vectors import strip_boilerplate

    text = "8:10 p.m. UPDATE: the governor spoke.\n3:02 Woman parts with beloved dog Pause\nShots at 1:27 here."
    kept = strip_boilerplate("Title", text, set()).split("\n")
    assert kept == ["Title", "8:10 p.m. UPDATE: the governor spoke.", "Shots at 1:27 here."]


def test_cluster_features_shared_age_counts_only_outside_roundups() -> None:
    from rashomon.cluster.features import ArticleFeatures, stated_ages

    options = ClusterOptions()
    roundup = "Shot this weekend: a 17-year-old, a 19-year-old, a 22-year-old, a 24-year-old, a 31-year-old."
    single = "A 22-year-old man was shot dead on Friday."
    other = "A 22-year-old woman was wounded on Saturday."

    def feat(text: str) -> ArticleFeatures:
        return ArticleFeatures(article_id=text[:8], day=1, day_source="published", day_precise=False, text=text,
                               ages=frozenset(stated_ages(text)))

    assert len(feat(roundup).ages) == 5
    plain = score_pair(feat(single), feat(other), 0.1, options.with_overrides(w_age=0.0))
    assert score_pair(feat(single), feat(other), 0.1, options) == pytest.approx(plain + options.w_age)
    no_bonus = options.with_overrides(w_age=0.0)
    assert score_pair(feat(single), feat(roundup), 0.1, options) == pytest.approx(
        score_pair(feat(single), feat(roundup), 0.1, no_bonus)
    ), "a roundup stating five ages shares one with many reports: no bonus"
