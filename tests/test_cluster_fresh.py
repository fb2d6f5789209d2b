"""A fresh report of a new incident at an old incident's place: the place's names and street do not count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rashomon.cli import main
from rashomon.cluster.engine import cluster_store, current_assignment
from rashomon.cluster.features import (
    ArticleFeatures,
    aged_names,
    features_for,
    is_street_name,
    justice_headline,
    keep_rare_names,
)
from rashomon.cluster.options import ClusterOptions
from rashomon.cluster.scoring import cannot_link, contributions, evidence, fresh_later
from rashomon.records import Article, ArticleAnalysis, EventMention, Place, TimeExpr
from rashomon.store import Store

OLD = (
    "A man was shot dead early Sunday on Granby Street in the Ocean View section of Norfolk. Police said "
    "Tanya Brooks, 41, a neighbour, was wounded in the leg. No arrests have been made."
)
NEW = (
    "A teenager was shot dead Friday night on Granby Street in the Ocean View section of Norfolk, police "
    "said. Officers found him outside a corner store. No arrests have been made."
)
VIGIL = (
    "Family and friends gathered Friday on Granby Street in the Ocean View section of Norfolk, where "
    "Tanya Brooks, 41, was shot dead two years ago. Her killer has never been found."
)


def _analysis(article: Article, day: str, weekday: str) -> ArticleAnalysis:
    """An analysis dating the event to ``day``, written next to the 'shot dead' trigger, in Norfolk."""
    text = article.text
    trigger = text.index("shot dead")
    when = text.index(weekday)
    places = [
        Place(
            text=name,
            start=s,
            end=s + len(name),
            name=name,
            country_code="US",
            lat=36.85,
            lon=-76.29,
            precision="town",
            admin1="VA",
        )
        for name in ("Norfolk", "Ocean View")
        for s in [text.index(name)]
    ]
    return ArticleAnalysis(
        article_id=article.id,
        pipeline="test",
        event_date=day,
        event_date_precision="day",
        places=places,
        times=[TimeExpr(text=weekday, start=when, end=when + len(weekday), date=day, precision="day")],
        events=[
            EventMention(
                event_type="Violence against civilians",
                sub_event_type="Attack",
                trigger="shot dead",
                start=trigger,
                end=trigger + 9,
            )
        ],
    )


def _report(text: str, *, published: str, day: str, weekday: str, title: str) -> tuple[Article, ArticleAnalysis]:
    article = Article.create(text, source_name=f"{published}-{title[:12]}.txt", title=title, published_at=published)
    return article, _analysis(article, day, weekday)


def _feat(text: str, *, published: str, day: str, weekday: str, title: str) -> ArticleFeatures:
    article, analysis = _report(text, published=published, day=day, weekday=weekday, title=title)
    return features_for(article, analysis, f"{title}\n{text}")


def _old() -> ArticleFeatures:
    return _feat(OLD, published="2015-04-05", day="2015-04-05", weekday="Sunday", title="Man killed in Ocean View")


def test_cluster_fresh_features_read_aged_names_justice_headlines_and_streets() -> None:
    assert aged_names("victims Jamond Heyward, 17, and Brandy Council, 34. Sgt. Bryan Shelton said") == {
        "Jamond Heyward",
        "Brandy Council",
    }
    assert justice_headline("Man gets 20-42 years in death of girl, 3")
    assert justice_headline("2 men detained after fatal shooting") and justice_headline("Suspect arraigned")
    assert not justice_headline("6 year old expected to recover after stray bullet hits her")
    assert not justice_headline("4-year-old shot in Ocean View") and not justice_headline(None)
    assert is_street_name("Granby Street") and is_street_name("Grand Avenue") and not is_street_name("Ocean View")


def test_cluster_fresh_new_incident_at_an_old_place_shares_no_place_terms() -> None:
    options = ClusterOptions()
    old = _old()
    new = _feat(NEW, published="2017-02-04", day="2017-02-03", weekday="Friday", title="Teen killed in Ocean View")
    assert new.day_precise and fresh_later(old, new, options) and fresh_later(new, old, options)
    parts = contributions(old, new, 0.4, options)
    assert "street" not in parts and "name" not in parts, "Granby Street and Ocean View single out no incident"
    reason = evidence(new, old, 0.4, options).to_dict()
    assert reason["shared_names"] == []
    assert set(reason["not_counted"]) == {"Granby Street", "Ocean View", "street granby"}


def test_cluster_fresh_follow_ups_keep_the_place_terms() -> None:
    options = ClusterOptions()
    old = _old()
    # published four days after its event day: a later report of an older event, not fresh
    late = _feat(NEW, published="2017-02-07", day="2017-02-03", weekday="Friday", title="Teen killed in Ocean View")
    # a step of justice in the headline: a follow-up, whatever its day
    charged = _feat(
        NEW, published="2017-02-04", day="2017-02-03", weekday="Friday", title="Man charged in Ocean View killing"
    )
    for follow_up in (late, charged):
        assert not fresh_later(old, follow_up, options)
        parts = contributions(old, follow_up, 0.4, options)
        assert parts["street"] == pytest.approx(options.w_street) and parts["name"] == pytest.approx(options.w_name)
    # published the next day with a wrong event day: the day gap is a date error, not a new incident
    noisy = _feat(NEW, published="2015-04-06", day="2015-03-20", weekday="Friday", title="Teen killed in Ocean View")
    assert not fresh_later(old, noisy, options)
    # the fresh report came first; the one published after it is a follow-up with a misread older day
    fresh = _feat(NEW, published="2017-02-04", day="2017-02-03", weekday="Friday", title="Teen killed in Ocean View")
    misdated = _feat(
        OLD,
        published="2017-02-20",
        day="2015-11-02",
        weekday="Sunday",
        title="Grandparents charged in Ocean View killing",
    )
    assert not fresh_later(fresh, misdated, options) and not fresh_later(misdated, fresh, options)
    assert contributions(fresh, misdated, 0.4, options)["street"] == pytest.approx(options.w_street)


def test_cluster_fresh_report_keeps_the_story_people(store: Store) -> None:
    old_article, old_analysis = _report(
        OLD, published="2015-04-05", day="2015-04-05", weekday="Sunday", title="Man killed in Ocean View"
    )
    vigil_article, vigil_analysis = _report(
        VIGIL, published="2017-04-08", day="2017-04-07", weekday="Friday", title="Vigil in Ocean View"
    )
    options = ClusterOptions()
    old = features_for(old_article, old_analysis, f"{old_article.title}\n{OLD}")
    vigil = features_for(vigil_article, vigil_analysis, f"{vigil_article.title}\n{VIGIL}")
    assert fresh_later(old, vigil, options)
    parts = contributions(old, vigil, 0.4, options)
    assert parts["name"] == pytest.approx(options.w_name), "Tanya Brooks, 41, is one of the story's people"
    assert "names_extra" not in parts and "street" not in parts

    for article, analysis in ((old_article, old_analysis), (vigil_article, vigil_analysis)):
        store.add_article(article)
        store.save_analysis(analysis)
    cluster_store(store)
    assignment = current_assignment(store)
    runner = CliRunner()
    db = str(Path(store.path))
    if assignment[old_article.id] != assignment[vigil_article.id]:
        merged = runner.invoke(main, ["merge", assignment[old_article.id], assignment[vigil_article.id], "--db", db])
        assert merged.exit_code == 0, merged.output
    event = current_assignment(store)[old_article.id]
    explained = runner.invoke(main, ["explain", event, "--db", db])
    assert explained.exit_code == 0, explained.output
    assert "not counted (the later report is fresh" in explained.output
    assert "Granby Street" in explained.output.split("not counted")[1] and "Tanya Brooks" in explained.output
    as_json = json.loads(runner.invoke(main, ["explain", event, "--db", db, "--json"]).output)
    reasons = [a["reason"] for a in as_json["articles"] if a["reason"].get("not_counted")]
    assert reasons and "Ocean View" in reasons[0]["not_counted"]


def test_cluster_fresh_report_of_a_new_incident_cannot_link_the_old_one() -> None:
    options = ClusterOptions()
    old = _old()
    new = _feat(NEW, published="2017-02-04", day="2017-02-03", weekday="Friday", title="Teen killed in Ocean View")
    reason = cannot_link(old, new, options)
    assert reason is not None and "2017-02-03" in reason and "fresh" in reason
    assert cannot_link(new, old, options) == reason
    # the same story told again: the later report shares a person named with an age
    vigil = _feat(VIGIL, published="2017-04-08", day="2017-04-07", weekday="Friday", title="Vigil in Ocean View")
    assert fresh_later(old, vigil, options) and cannot_link(old, vigil, options) is None
    # a follow-up (a step of justice in its headline) and a report published days after its day are not fresh
    charged = _feat(
        NEW, published="2017-02-04", day="2017-02-03", weekday="Friday", title="Man charged in Ocean View killing"
    )
    late = _feat(NEW, published="2017-02-07", day="2017-02-03", weekday="Friday", title="Teen killed in Ocean View")
    assert cannot_link(old, charged, options) is None and cannot_link(old, late, options) is None
    # a shared street address is the same scene: left to the score
    at_address = _feat(
        NEW.replace("on Granby Street", "in the 9500 block of Granby Street"),
        published="2017-02-04",
        day="2017-02-03",
        weekday="Friday",
        title="Teen killed in Ocean View",
    )
    old_at_address = _feat(
        OLD.replace("on Granby Street", "in the 9500 block of Granby Street"),
        published="2015-04-05",
        day="2015-04-05",
        weekday="Sunday",
        title="Man killed in Ocean View",
    )
    assert cannot_link(old_at_address, at_address, options) is None


def test_cluster_fresh_new_incident_stays_apart_in_the_store_and_explain_says_why(store: Store) -> None:
    reports = {
        key: _report(text, published=published, day=day, weekday=weekday, title=f"{key} in Ocean View")
        for key, text, published, day, weekday in (
            ("old", OLD, "2015-04-05", "2015-04-05", "Sunday"),
            ("new", NEW, "2017-02-04", "2017-02-03", "Friday"),
            ("vigil", VIGIL, "2017-04-08", "2017-04-07", "Friday"),
        )
    }
    for article, analysis in reports.values():
        store.add_article(article)
        store.save_analysis(analysis)
    # every candidate pair would join at a zero threshold: only the cannot-link keeps the new incident apart
    cluster_store(store, options=ClusterOptions().with_overrides(threshold=0.0, rejoin_average=0.0))
    ids = {key: article.id for key, (article, _) in reports.items()}
    assignment = current_assignment(store)
    assert assignment[ids["old"]] == assignment[ids["vigil"]] != assignment[ids["new"]]

    runner = CliRunner()
    db = str(Path(store.path))
    merged = runner.invoke(main, ["merge", assignment[ids["old"]], assignment[ids["new"]], "--db", db])
    assert merged.exit_code == 0, merged.output
    cluster_store(store, rebuild=True)  # the user's merge holds; every reason is read again
    event = current_assignment(store)[ids["new"]]
    assert event == current_assignment(store)[ids["old"]]
    explained = runner.invoke(main, ["explain", event, "--db", db])
    assert explained.exit_code == 0, explained.output
    assert "cannot-link by rule (the user's decision holds it): the later report is fresh" in explained.output
    as_json = json.loads(runner.invoke(main, ["explain", event, "--db", db, "--json"]).output)
    reasons = {a["article_id"]: a["reason"] for a in as_json["articles"]}
    assert reasons[ids["new"]]["cannot_link"].startswith("the later report is fresh: a new incident on 2017-")
    assert reasons[ids["vigil"]]["cannot_link"] is None, "the vigil tells of Tanya Brooks, 41, again"


STRIKE = (
    "Private Armen Hakobyan and another soldier were killed and fourteen wounded when Azerbaijani artillery "
    "shelled positions near Berd on Monday, the Armenian Ministry of Defense said."
)
DEATH_UPDATE = (
    "Sergeant Davit Sargsyan, wounded in the shelling near Berd, died in hospital on Sunday, the Armenian "
    "Ministry of Defense said. Private Armen Hakobyan was killed in the same attack."
)
ANNIVERSARY = (
    "Families gathered in Berd on Monday to mark a year since the shelling that killed Private Armen Hakobyan "
    "and another soldier, the Armenian Ministry of Defense said."
)
OTHER_STRIKE = (
    "Corporal Levon Grigoryan and Private Hayk Petrosyan were killed when Azerbaijani drones struck positions "
    "near Berd on Friday, the Armenian Ministry of Defense said. A third soldier died of his wounds in hospital."
)


def _conflict_report(text: str, *, published: str, day: str, weekday: str, trigger: str) -> ArticleFeatures:
    """A report of fighting near Berd (Armenia) dated ``day`` by ``weekday`` next to ``trigger``."""
    title = f"Berd report {published}"
    article = Article.create(text, source_name=f"{published}.txt", title=title, published_at=published)
    at, when, town = text.index(trigger), text.index(weekday), text.index("Berd")
    analysis = ArticleAnalysis(
        article_id=article.id,
        pipeline="test",
        event_date=day,
        event_date_precision="day",
        places=[
            Place(
                text="Berd",
                start=town,
                end=town + 4,
                name="Berd",
                country_code="AM",
                lat=40.88,
                lon=45.39,
                precision="town",
                admin1="Tavush",
            )
        ],
        times=[TimeExpr(text=weekday, start=when, end=when + len(weekday), date=day, precision="day")],
        events=[
            EventMention(
                event_type="Battles", sub_event_type="Armed clash", trigger=trigger, start=at, end=at + len(trigger)
            )
        ],
    )
    return features_for(article, analysis, f"{title}\n{text}")


def _berd_pool(*texts: tuple[str, str, str, str, str]) -> list[ArticleFeatures]:
    """The reports as one pool with its rare names kept: a name in 2..3 of them (the ministry, named in four or
    more, is not rare)."""
    pool = [
        _conflict_report(text, published=published, day=day, weekday=weekday, trigger=trigger)
        for text, published, day, weekday, trigger in texts
    ]
    keep_rare_names(pool, max_df=3)
    return pool


_STRIKE_ROW = (STRIKE, "2020-09-28", "2020-09-28", "Monday", "killed")
_OTHER_ROW = (OTHER_STRIKE, "2020-11-06", "2020-11-06", "Friday", "killed")


def test_cluster_fresh_death_update_and_anniversary_may_join_the_strike() -> None:
    options = ClusterOptions()
    strike, death, year, other = _berd_pool(
        _STRIKE_ROW,
        (DEATH_UPDATE, "2020-10-05", "2020-10-04", "Sunday", "died"),
        (ANNIVERSARY, "2021-09-28", "2021-09-27", "Monday", "killed"),
        _OTHER_ROW,
    )
    assert "Armenian Ministry" not in strike.names, "every report of the pool names the ministry"
    for later in (death, year):
        assert fresh_later(strike, later, options), "each names a day at most a day before it was published"
        assert cannot_link(strike, later, options) is None and cannot_link(later, strike, options) is None
    # a fresh report of another strike at the same place, weeks later, still cannot link the first one
    reason = cannot_link(strike, other, options)
    assert reason is not None and reason.startswith("the later report is fresh: a new incident on 2020-11-06")
    assert cannot_link(death, other, options) is not None


def test_cluster_fresh_release_by_a_shared_name_or_by_words_pointing_back() -> None:
    options = ClusterOptions()
    # no one named: the death update and the remembrance point back at the strike by their words alone
    unnamed_death = DEATH_UPDATE.replace("Sergeant Davit Sargsyan", "A third soldier").replace(
        " Private Armen Hakobyan was killed in the same attack.", ""
    )
    unnamed_year = ANNIVERSARY.replace("Private Armen Hakobyan and another soldier", "two soldiers")
    weeks_later = "A soldier died in hospital on Sunday, weeks after being wounded near Berd, the ministry said."
    # no words pointing back: the soldier's name alone ties the report to the strike
    named_only = (
        "Relatives of Private Armen Hakobyan met officials in Berd on Monday, the Armenian Ministry of Defense said."
    )
    strike, *later = _berd_pool(
        _STRIKE_ROW,
        (unnamed_death, "2020-10-05", "2020-10-04", "Sunday", "died"),
        (unnamed_year, "2021-09-28", "2021-09-27", "Monday", "killed"),
        (weeks_later, "2020-11-02", "2020-11-01", "Sunday", "died"),
        (named_only, "2020-10-20", "2020-10-19", "Monday", "Berd"),
        _OTHER_ROW,
    )
    *released, other = later
    for report in released:
        assert fresh_later(strike, report, options)
        assert cannot_link(strike, report, options) is None, report.text
    shared = released[-1].names & strike.names  # "Private Armen" or "Armen Hakobyan", as names read ranks
    assert not released[0].names & strike.names and any("Armen" in name for name in shared)
    # "died of his wounds in hospital" tells of the new strike's own soldier: no pointing back
    assert cannot_link(strike, other, options) is not None


SUNDAY_STRIKE = (
    "Four Armenian soldiers were killed on Sunday when Azerbaijani artillery shelled positions near Berd, "
    "the ministry said."
)
DEATH_UPDATES = (
    "A fifth Armenian soldier, wounded on Sunday near Berd, died in hospital on Wednesday, the ministry said.",
    "A fifth Armenian soldier died on Wednesday of wounds sustained in the shelling near Berd, the ministry said.",
    "A fifth Armenian soldier, hit by shrapnel near Berd on Sunday, succumbed to his injuries on Wednesday.",
    "The four soldiers killed near Berd were buried on Wednesday in their home villages, the ministry said.",
    "The death toll from the shelling near Berd has risen to five, the ministry said on Wednesday.",
)


def test_cluster_fresh_death_updates_and_burials_point_back_at_the_strike() -> None:
    options = ClusterOptions()
    fresh_wound = (
        "A soldier was hit by sniper fire near Berd on Wednesday and later succumbed to his injuries in "
        "hospital, the ministry said."
    )
    weeks_later = "A soldier shot near Berd on Sunday succumbed to his injuries in hospital, the ministry said."
    strike, *later = _berd_pool(
        (SUNDAY_STRIKE, "2020-09-27", "2020-09-27", "Sunday", "killed"),
        *((text, "2020-10-07", "2020-10-07", "Wednesday", "Berd") for text in DEATH_UPDATES),
        (fresh_wound, "2020-10-07", "2020-10-07", "Wednesday", "hit"),
        (weeks_later, "2020-10-26", "2020-10-25", "Sunday", "shot"),
    )
    *updates, fresh, late = later
    for report in updates:
        assert fresh_later(strike, report, options), report.text
        assert not strike.names & report.names, "no shared name releases the pair"
        assert cannot_link(strike, report, options) is None, report.text
        assert cannot_link(report, strike, options) is None, report.text
    # a new soldier's death names no earlier day: the new incident's own victim stays apart
    reason = cannot_link(strike, fresh, options)
    assert reason is not None and reason.startswith("the later report is fresh: a new incident on 2020-10-07")
    # four weeks on, "Sunday" is another Sunday than the strike's
    assert cannot_link(strike, late, options) is not None
