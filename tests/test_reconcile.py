"""Reconciliation on hand-built analyses: two reports of one event that disagree the way real reports do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from rashomon.export.selection import casualty_totals
from rashomon.reconcile.dossier import build_dossier, reconcile_store
from rashomon.reconcile.evidence import Report
from rashomon.reconcile.framing import label_terms
from rashomon.records import (
    ActorMention,
    Article,
    ArticleAnalysis,
    CasualtyFigure,
    Claim,
    EventMention,
    Place,
    TimeExpr,
)
from rashomon.store import Store, utc_now

TEXT_A = (
    "Azerbaijani troops shelled positions of local militias near Lachin on Wednesday, the defense ministry "
    "said. The Armenian Ministry of Defense confirmed the deaths of two soldiers, adding that 14 other "
    "servicemen had been injured."
)
TEXT_B = (
    "A spokesperson for the Artsakh Defense Army claims that two of its servicemen were killed, with an "
    "additional 14 wounded. Baku claims that dozens of illegal militants were killed or wounded near Lachin. "
    "Kazimov Anar Rustam was fatally shot on Tuesday."
)

AZ = {
    "actor_id": "az-mil",
    "actor_name": "Military Forces of Azerbaijan",
    "country_code": "AZ",
    "actor_type": "state_forces",
}
AM = {
    "actor_id": "am-mil",
    "actor_name": "Military Forces of Armenia",
    "country_code": "AM",
    "actor_type": "state_forces",
}
NK = {
    "actor_id": "nk-army",
    "actor_name": "Artsakh Defense Army",
    "country_code": "AZ",
    "actor_type": "rebel_militia",
}
LACHIN = {
    "name": "Lachin",
    "country_code": "AZ",
    "lat": 39.64,
    "lon": 46.55,
    "precision": "town",
    "geonameid": 147622,
}


def at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def sentence(text: str, phrase: str) -> tuple[int, int]:
    """The sentence of ``text`` containing ``phrase``."""
    start = text.index(phrase)
    begin = text.rfind(". ", 0, start)
    begin = 0 if begin < 0 else begin + 2
    end = text.find(". ", start)
    return begin, (len(text) if end < 0 else end + 1)


def actor(text: str, label: str, kb: dict[str, Any], via: str = "alias") -> ActorMention:
    return ActorMention(label, *at(text, label), via=via, **kb)


def claim(
    text: str,
    claimant: str | None,
    cue: str,
    *,
    actor_kb: dict[str, Any] | None = None,
    hedged: bool = False,
    where: str | None = None,
) -> Claim:
    s, e = sentence(text, where or cue)
    cs, ce = at(text, claimant) if claimant else (None, None)
    return Claim(
        text[s:e],
        s,
        e,
        claimant,
        cs,
        ce,
        cue if claimant else None,
        claimant_actor=actor_kb["actor_name"] if actor_kb else None,
        claimant_actor_id=actor_kb["actor_id"] if actor_kb else None,
        hedged=hedged,
        kind="indirect" if claimant else "own_voice",
    )


def figure(
    text: str,
    kind: str,
    value: str,
    lo: int | None,
    hi: int | None,
    side: dict[str, Any] | None,
    claim_index: int,
    *,
    vague: bool = False,
    victims: str | None = None,
) -> CasualtyFigure:
    vs, ve = at(text, victims) if victims else (None, None)
    return CasualtyFigure(
        kind,
        value,
        *at(text, value),
        lo,
        hi,
        victims=victims,  # type: ignore[arg-type]
        victims_start=vs,
        victims_end=ve,
        side=side["actor_name"] if side else None,
        side_actor_id=side["actor_id"] if side else None,
        vague=vague,
        claim_index=claim_index,
    )


def report_a(*, killed: str = "two") -> Report:
    text = TEXT_A.replace("two soldiers", f"{killed} soldiers")
    article = Article.create(text, "a.txt", outlet="Wire A", published_at="2022-08-03")
    text = article.text
    count = {"two": 2, "three": 3}[killed]
    analysis = ArticleAnalysis(
        article.id,
        "test",
        places=[Place("Lachin", *at(text, "Lachin"), **LACHIN)],  # type: ignore[arg-type]
        actors=[
            actor(text, "Azerbaijani troops", AZ, "demonym"),
            actor(text, "local militias", NK, "label"),
            actor(text, "The Armenian Ministry of Defense", AM),
        ],
        claims=[
            claim(text, "the defense ministry", "said", actor_kb=AZ),
            claim(text, "The Armenian Ministry of Defense", "confirmed", actor_kb=AM),
        ],
        casualties=[
            figure(text, "killed", killed, count, count, AM, 1),
            figure(text, "injured", "14", 14, 14, AM, 1),
        ],
        events=[
            EventMention(
                "Explosions/Remote violence",
                "Shelling/artillery/missile attack",
                "shelled",
                *at(text, "shelled"),
                initiator="az-mil",
                target="nk-army",
                place_index=0,
            )
        ],
        event_date="2022-08-03",
        event_date_precision="day",
        event_place=0,
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
    )
    return Report(article, analysis)


def report_b(*, side_of_two: dict[str, Any] = NK, count: int = 2) -> Report:
    article = Article.create(TEXT_B, "b.txt", outlet="Wire B", published_at="2022-08-03")
    text = article.text
    analysis = ArticleAnalysis(
        article.id,
        "test",
        places=[Place("Lachin", *at(text, "Lachin"), **LACHIN)],  # type: ignore[arg-type]
        actors=[
            actor(text, "Artsakh Defense Army", NK),
            actor(text, "Baku", AZ, "metonymy"),
            actor(text, "illegal militants", NK, "label"),
        ],
        claims=[
            claim(text, "A spokesperson for the Artsakh Defense Army", "claims", actor_kb=NK, hedged=True),
            claim(text, "Baku", "claims", actor_kb=AZ, hedged=True, where="dozens"),
            claim(text, None, "", where="Kazimov"),
        ],
        casualties=[
            figure(text, "killed", "two", count, count, side_of_two, 0),
            figure(text, "injured", "14", 14, 14, side_of_two, 0),
            figure(text, "killed_or_injured", "dozens", 12, None, NK, 1, vague=True),
            figure(text, "killed", "Kazimov Anar Rustam", 1, 1, AZ, 2, victims="Kazimov Anar Rustam"),
        ],
        event_date="2022-08-02",
        event_date_precision="day",
        event_place=0,
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
    )
    return Report(article, analysis)


def slot(dossier: dict[str, Any], kind: str, side_contains: str) -> dict[str, Any]:
    found = [
        c
        for c in dossier["casualties"]
        if (c["kind"] == kind and side_contains in (c["side"] or ""))
        or (c["kind"] == kind and any(side_contains in n for n in c["side_names"]))
    ]
    assert len(found) == 1, dossier["casualties"]
    return found[0]


def kinds(dossier: dict[str, Any]) -> list[str]:
    return [d["kind"] for d in dossier["discrepancies"]]


@pytest.fixture
def dossier() -> dict[str, Any]:
    return build_dossier("ev-test", [report_a(), report_b()])


def test_reconcile_aligns_sides_named_differently_on_a_shared_figure(dossier: dict[str, Any]) -> None:
    killed = slot(dossier, "killed", "Arme")
    assert killed["side_names"] == ["Military Forces of Armenia", "Artsakh Defense Army"]
    assert (killed["low"], killed["best"], killed["high"]) == (2, 2, 2)
    assert {c["claimant"] for c in killed["claims"]} == {
        "The Armenian Ministry of Defense",
        "A spokesperson for the Artsakh Defense Army",
    }
    injured = slot(dossier, "injured", "Artsakh")
    assert (injured["low"], injured["best"], injured["high"]) == (14, 14, 14)


def test_reconcile_vague_figure_bounds_but_is_never_best(dossier: dict[str, Any]) -> None:
    dozens = slot(dossier, "killed_or_injured", "Artsakh")
    assert (dozens["low"], dozens["best"], dozens["high"]) == (12, None, 12)
    assert dozens["claims"][0]["value_text"] == "dozens"
    assert dozens["claims"][0]["claimant"] == "Baku"


def test_reconcile_opposed_sides_stay_apart(dossier: dict[str, Any]) -> None:
    azerbaijan = slot(dossier, "killed", "Azerbaijan")
    assert azerbaijan["best"] == 1
    assert len([c for c in dossier["casualties"] if c["kind"] == "killed"]) == 2


def test_reconcile_lone_hedged_figure_is_not_best() -> None:
    b = report_b(side_of_two=AZ, count=5)  # five Azerbaijani dead, only as the hedged claim of one party
    dossier = build_dossier("ev-one", [b])
    killed = slot(dossier, "killed", "Azerbaijan")
    assert (killed["low"], killed["best"], killed["high"]) == (1, 1, 5)


def test_reconcile_attribution_conflict_names_both_claimants(dossier: dict[str, Any]) -> None:
    conflicts = [d for d in dossier["discrepancies"] if d["kind"] == "attribution_conflict"]
    assert len(conflicts) == 1
    summary = conflicts[0]["summary"]
    assert "The Armenian Ministry of Defense" in summary and "Artsakh Defense Army" in summary
    assert "2 killed" in summary and "14 injured" in summary
    assert sorted(conflicts[0]["articles"]) == sorted(dossier["articles"])


def test_reconcile_value_conflict_for_the_same_side() -> None:
    dossier = build_dossier("ev-x", [report_a(killed="three"), report_b(side_of_two=AM)])
    conflicts = [d for d in dossier["discrepancies"] if d["kind"] == "value_conflict"]
    assert len(conflicts) == 1
    assert "“three”" in conflicts[0]["summary"] and "“two”" in conflicts[0]["summary"]
    killed = slot(dossier, "killed", "Armenia")
    assert (killed["low"], killed["high"]) == (2, 3)
    assert dossier["contested"] is True


def test_reconcile_framing_lists_each_outlets_labels(dossier: dict[str, Any]) -> None:
    framing = [d for d in dossier["discrepancies"] if d["kind"] == "framing"]
    assert [d["actor"] for d in framing] == ["Artsakh Defense Army"]
    labels = framing[0]["labels"]
    a, b = dossier["articles"]
    assert labels == {a: ["local militias"], b: ["illegal militants"]}
    assert "Baku" not in framing[0]["summary"]  # metonymy is not framing


def test_reconcile_omissions_name_fact_and_articles(dossier: dict[str, Any]) -> None:
    omissions = {d["fact"]: d for d in dossier["discrepancies"] if d["kind"] == "omission"}
    a, b = dossier["articles"]
    kazimov = omissions["Kazimov Anar Rustam"]
    assert kazimov["present_in"] == [b] and kazimov["absent_from"] == [a]
    assert "Only Wire B mentions" in kazimov["summary"]
    assert omissions["Military Forces of Armenia"]["present_in"] == [a]
    assert "Lachin" not in omissions  # both carry it


def test_reconcile_date_conflict_and_event_fields(dossier: dict[str, Any]) -> None:
    assert "date_conflict" in kinds(dossier)
    assert "location_conflict" not in kinds(dossier)
    assert dossier["date"] == "2022-08-02" and dossier["date_precision"] == "day"  # tie -> earliest
    assert dossier["location"]["name"] == "Lachin" and dossier["location"]["country_code"] == "AZ"
    roles = {a["name"]: a["roles"] for a in dossier["actors"]}
    assert roles["Military Forces of Azerbaijan"] == ["initiator", "claimant"]
    assert roles["Artsakh Defense Army"] == ["target", "claimant"]


def test_reconcile_claim_offsets_point_at_their_text(dossier: dict[str, Any]) -> None:
    texts = {r.id: r.article.text for r in (report_a(), report_b())}
    claims = dossier["claims"] + [c for s in dossier["casualties"] for c in s["claims"]]
    assert len(dossier["claims"]) == 5
    for c in claims:
        assert texts[c["article"]][c["start"] : c["end"]] == c["text"]
        if c["claimant_start"] is not None:
            assert texts[c["article"]][c["claimant_start"] : c["claimant_end"]] == c["claimant"]


def insert_event(store: Store, event_id: str, article_ids: Sequence[str]) -> None:
    """Store one event of stored articles, as clustering would (no dossier yet)."""
    now = utc_now()
    with store.atomic() as db:
        db.execute(
            "INSERT INTO events (id, data, date, created_at, updated_at) VALUES (?, '{}', NULL, ?, ?)",
            (event_id, now, now),
        )
        db.executemany(
            "INSERT INTO event_articles (article_id, event_id) VALUES (?, ?)", [(a, event_id) for a in article_ids]
        )


def test_reconcile_store_rebuilds_only_changed_events(store: Store) -> None:
    a, b = report_a(), report_b()
    for report in (a, b):
        store.add_article(report.article)
        assert report.analysis is not None
        store.save_analysis(report.analysis)
    insert_event(store, "ev-1", [a.id])
    first = reconcile_store(store)
    assert (first["rebuilt"], first["unclustered"]) == (1, 1)
    assert reconcile_store(store)["unchanged"] == 1
    with store.atomic() as db:
        db.execute("INSERT INTO event_articles (article_id, event_id) VALUES (?, 'ev-1')", (b.id,))
    assert reconcile_store(store)["rebuilt"] == 1
    stored = store.db.execute("SELECT data FROM dossiers WHERE event_id = 'ev-1'").fetchone()[0]
    assert "attribution_conflict" in stored


def test_reconcile_metonymic_place_is_not_the_location() -> None:
    b = report_b()
    assert b.analysis is not None
    text = b.article.text
    baku = Place("Baku", *at(text, "Baku"), "Baku", "AZ", 40.38, 49.89, "town")
    b.analysis.places.append(baku)  # "Baku claims": the actor component resolved it as metonymy
    b.analysis.event_place = len(b.analysis.places) - 1
    b.analysis.places[0].precision = "region"
    dossier = build_dossier("ev-m", [b])
    assert dossier["location"]["name"] == "Lachin"
    assert dossier["location"]["chosen_by"] == []


# --- issue 4: sharper dossiers -------------------------------------------------------------------------

MIL_AZ = {
    "actor_id": "mil-AZ",
    "actor_name": "Military Forces of Azerbaijan",
    "country_code": "AZ",
    "actor_type": "state_forces",
}
GOV_AZ = {
    "actor_id": "gov-AZ",
    "actor_name": "Government of Azerbaijan",
    "country_code": "AZ",
    "actor_type": "government",
}
GOV_AM = {"actor_id": "gov-AM", "actor_name": "Government of Armenia", "country_code": "AM", "actor_type": "government"}
ARTSAKH_GOV = {
    "actor_id": "artsakh-government",
    "actor_name": "Government of the Republic of Artsakh",
    "country_code": "AZ",
    "actor_type": "government",
}
MIL_RU = {
    "actor_id": "mil-RU",
    "actor_name": "Military Forces of Russia",
    "country_code": "RU",
    "actor_type": "state_forces",
}


def simple_report(
    text: str,
    outlet: str,
    *,
    actors: list[tuple[str, dict[str, Any], str]] = (),  # type: ignore[assignment]
    claims: list[Claim] | None = None,
    casualties: list[tuple[str, str, int, int | None, dict[str, Any] | None, int]] = (),  # type: ignore[assignment]
    times: list[tuple[str, str]] = (),  # type: ignore[assignment]
    places: list[Place] | None = None,
) -> Report:
    """A report of one hand-written text: actors as (label, actor, via), figures as (kind, value, lo, hi,
    side, claim index), times as (phrase, date)."""
    article = Article.create(text, f"{outlet}.txt", outlet=outlet, published_at="2022-08-03")
    assert article.text == text
    analysis = ArticleAnalysis(
        article.id,
        "test",
        places=places or [],
        times=[TimeExpr(phrase, *at(text, phrase), date, "day") for phrase, date in times],
        actors=[actor(text, label, kb, via) for label, kb, via in actors],
        claims=claims or [],
        casualties=[figure(text, kind, value, lo, hi, side, ci) for kind, value, lo, hi, side, ci in casualties],
        event_date="2022-08-03",
        event_date_precision="day",
    )
    return Report(article, analysis)


def test_reconcile_one_state_is_one_source_for_attribution() -> None:
    text_c = "Azerbaijan's defense ministry said one soldier was killed."
    text_d = "Baku said one soldier was killed."
    c = simple_report(
        text_c,
        "Wire C",
        actors=[("Azerbaijan's defense ministry", MIL_AZ, "demonym")],
        claims=[claim(text_c, "Azerbaijan's defense ministry", "said", actor_kb=MIL_AZ)],
        casualties=[("killed", "one", 1, 1, MIL_AZ, 0)],
    )
    d = simple_report(
        text_d,
        "Wire D",
        actors=[("Baku", GOV_AZ, "metonymy")],
        claims=[claim(text_d, "Baku", "said", actor_kb=GOV_AZ)],
        casualties=[("killed", "one", 1, 1, MIL_AZ, 0)],
    )
    assert "attribution_conflict" not in kinds(build_dossier("ev-s", [c, d]))
    # the self-declared republic's authorities are coded in Azerbaijan but are not its state
    text_e = "The Artsakh authorities said one soldier was killed."
    e = simple_report(
        text_e,
        "Wire E",
        actors=[("Artsakh authorities", ARTSAKH_GOV, "alias")],
        claims=[claim(text_e, "The Artsakh authorities", "said", actor_kb=ARTSAKH_GOV)],
        casualties=[("killed", "one", 1, 1, MIL_AZ, 0)],
    )
    conflicts = [x for x in build_dossier("ev-t", [c, e])["discrepancies"] if x["kind"] == "attribution_conflict"]
    assert len(conflicts) == 1 and "The Artsakh authorities" in conflicts[0]["summary"]


SOLDIER_TEXT = (
    "Soldier Killed In Action\n"
    "The defense ministry said one Azerbaijani soldier was killed. "
    "Militia commanders said two of their fighters were killed."
)


def soldier_report(*, militia_dead: str = "two") -> Report:
    text = SOLDIER_TEXT.replace("two of", f"{militia_dead} of")
    count = {"two": 2, "one": 1}[militia_dead]
    return simple_report(
        text,
        "Wire S",
        claims=[
            Claim(text[:24], 0, 24, None, None, None, None, kind="own_voice"),
            claim(text, "The defense ministry", "said", actor_kb=MIL_AZ),
            claim(text, "Militia commanders", "said", where="Militia commanders"),
        ],
        casualties=[
            ("killed", "Soldier", 1, 1, None, 0),
            ("killed", "one", 1, 1, MIL_AZ, 1),
            ("killed", militia_dead, count, count, NK, 2),
        ],
    )


def test_reconcile_sideless_figure_joins_its_one_home_slot() -> None:
    # another outlet's open "at least one" militia dead overlaps the soldier too; in its own report only
    # the Azerbaijani slot's range holds the headline's one soldier
    text = "Local authorities said at least one militia member was killed."
    other = simple_report(
        text,
        "Wire O",
        claims=[claim(text, "Local authorities", "said")],
        casualties=[("killed", "at least one", 1, None, NK, 0)],
    )
    dossier = build_dossier("ev-h", [soldier_report(), other])
    killed = [s for s in dossier["casualties"] if s["kind"] == "killed"]
    assert [s["side"] for s in killed] == ["Artsakh Defense Army", "Military Forces of Azerbaijan"]
    azerbaijan = slot(dossier, "killed", "Azerbaijan")
    assert [c["value_text"] for c in azerbaijan["claims"]] == ["Soldier", "one"]
    assert casualty_totals(dossier)["killed"] == 3
    assert dossier["casualties_unassigned"] == []


def test_reconcile_ambiguous_sideless_figure_stays_out_of_totals() -> None:
    dossier = build_dossier("ev-u", [soldier_report(militia_dead="one")])
    assert all(s["side"] is not None for s in dossier["casualties"])
    assert casualty_totals(dossier)["killed"] == 2  # one + one, the headline's soldier not added again
    (apart,) = dossier["casualties_unassigned"]
    assert apart["side"] is None and apart["claims"][0]["value_text"] == "Soldier"
    # with no known side at all, the side-less figure is the kind's own slot and counts
    text = "Two people were killed."
    alone = simple_report(
        text, "Wire X", claims=[claim(text, None, "", where="Two")], casualties=[("killed", "Two", 2, 2, None, 0)]
    )
    only = build_dossier("ev-v", [alone])
    assert [(s["side"], s["best"]) for s in only["casualties"]] == [(None, 2)]


DATED_TEXT = (
    "The Artsakh Defense Army said 14 servicemen were wounded on Wednesday. "
    "Russian peacekeepers reported on Tuesday that at least one militia member was injured."
)


def dated_report(text: str = DATED_TEXT, day: tuple[str, str] = ("Tuesday", "2022-08-02")) -> Report:
    return simple_report(
        text,
        "Wire T",
        claims=[
            claim(text, "The Artsakh Defense Army", "said", actor_kb=NK),
            claim(text, "Russian peacekeepers", "reported", actor_kb=MIL_RU),
        ],
        casualties=[("injured", "14", 14, 14, NK, 0), ("injured", "at least one", 1, None, NK, 1)],
        times=[("Wednesday", "2022-08-03"), day],
    )


def test_reconcile_figure_of_another_day_stays_out_of_the_slot() -> None:
    dossier = build_dossier("ev-d", [dated_report()])
    injured = slot(dossier, "injured", "Artsakh")
    assert (injured["low"], injured["best"], injured["high"]) == (14, 14, 14)
    (other,) = dossier["casualties_other_dates"]
    assert other["dates"] == ["2022-08-02"] and other["claims"][0]["value_text"] == "at least one"
    # "since Tuesday" opens a period that reaches the event: the figure stays in the slot
    since = dated_report(DATED_TEXT.replace("on Tuesday", "since Tuesday"))
    within = build_dossier("ev-w", [since])
    assert slot(within, "injured", "Artsakh")["low"] == 1 and within["casualties_other_dates"] == []
    # a later day stays too: the wounded of Wednesday's clash may be counted on Thursday
    later = dated_report(DATED_TEXT.replace("Tuesday", "Thursday"), ("Thursday", "2022-08-04"))
    assert build_dossier("ev-l", [later])["casualties_other_dates"] == []


def test_reconcile_framing_terms_not_name_variants() -> None:
    assert label_terms("Azerbaijani Army", "AZ") == set()
    assert label_terms("defense ministry", "AZ") == set()
    assert label_terms("local ethnic Armenian militias", "AZ") == {"local", "ethnic", "armenian", "militia"}
    assert {"pro-russian", "separatist"} <= label_terms("pro-Russian separatists", "UA")
    assert label_terms("illegal Armenian armed elements", "AZ") >= {"illegal", "armed element", "armenian"}


def test_reconcile_framing_ranks_most_divergent_non_state_actor_first() -> None:
    text_f = "The defense ministry said separatist terrorists and illegal armed elements attacked; Republic of Artsakh."
    text_g = "The Azerbaijani Army said local militias attacked; the self-proclaimed Nagorno-Karabakh Republic."
    f = simple_report(
        text_f,
        "Wire F",
        actors=[
            ("defense ministry", MIL_AZ, "label"),
            ("separatist terrorists", NK, "label"),
            ("illegal armed elements", NK, "label"),
            ("Republic of Artsakh", ARTSAKH_GOV, "alias"),
        ],
    )
    g = simple_report(
        text_g,
        "Wire G",
        actors=[
            ("Azerbaijani Army", MIL_AZ, "demonym"),
            ("local militias", NK, "label"),
            ("self-proclaimed Nagorno-Karabakh Republic", ARTSAKH_GOV, "alias"),
        ],
    )
    framing = [d for d in build_dossier("ev-f", [f, g])["discrepancies"] if d["kind"] == "framing"]
    assert [d["actor"] for d in framing] == ["Artsakh Defense Army", "Government of the Republic of Artsakh"]
    assert framing[0]["labels_by_outlet"] == {
        "Wire F": ["separatist terrorists", "illegal armed elements"],
        "Wire G": ["local militias"],
    }
    assert framing[0]["divergence"] > framing[1]["divergence"]


def test_reconcile_background_facts_fold_into_one_line() -> None:
    text_y = "Each side accused the other. Yerevan said shelling hit Talish on Wednesday."
    text_z = "Shelling was reported on Wednesday."
    talish = Place("Talish", *at(text_y, "Talish"), "Talish", "AZ", 40.17, 46.7, "town", geonameid=585001)
    yerevan = Place("Yerevan", *at(text_y, "Yerevan"), "Yerevan", "AM", 40.18, 44.51, "town", geonameid=616052)
    y = simple_report(
        text_y,
        "Wire Y",
        actors=[("Yerevan", GOV_AM, "metonymy")],
        claims=[
            claim(text_y, "Each side", "accused"),
            claim(text_y, "Yerevan", "said", actor_kb=GOV_AM),
        ],
        places=[talish, yerevan],
    )
    z = simple_report(text_z, "Wire Z")
    omissions = [d for d in build_dossier("ev-o", [y, z])["discrepancies"] if d["kind"] == "omission"]
    facts = {d["fact"]: d for d in omissions if d["fact_type"] != "background"}
    assert set(facts) == {"Talish"}
    (background,) = [d for d in omissions if d["fact_type"] == "background"]
    assert {f["fact"] for f in background["facts"]} == {"Yerevan", "Government of Armenia"}
    assert background["present_in"] == [y.id] and background["absent_from"] == [z.id]


def _place_report(name: str, precision: str, admin1: str, lat: float, lon: float) -> Report:
    text = f"Two people were shot in {name} on Monday, police said."
    article = Article.create(text, f"{name}-{precision}.txt", outlet=f"Outlet {name}", published_at="2017-01-03")
    place = Place(name, *at(article.text, name), name=name, country_code="US", admin1=admin1, lat=lat, lon=lon,
                  precision=precision, geonameid=sum(map(ord, name + precision)))  # type: ignore[arg-type]
    return Report(article, ArticleAnalysis(article.id, "test", places=[place], event_place=0))


def test_reconcile_location_biggest_group_within_50_km_and_most_precise() -> None:
    houston = _place_report("Houston", "town", "TX", 29.76, -95.36)
    pasadena = _place_report("Pasadena", "town", "TX", 29.69, -95.21)  # 16 km from Houston
    texas = _place_report("Texas", "admin1", "TX", 31.0, -99.0)
    austin = _place_report("Austin", "town", "TX", 30.27, -97.74)
    austin2 = _place_report("Austin", "town", "TX", 30.27, -97.74)
    location = build_dossier("ev-loc", [houston, pasadena, texas, austin, austin2])["location"]
    assert location["name"] == "Austin"  # two reports name Austin, the state agrees, Houston has two
    location = build_dossier("ev-loc", [houston, pasadena, texas, austin])["location"]
    assert location["name"] == "Houston"  # the Houston group (2 + the state) beats a lone Austin
    assert sorted(location["chosen_by"]) == sorted([houston.article.id, pasadena.article.id, texas.article.id])
    assert build_dossier("ev-loc", [texas, pasadena])["location"]["name"] == "Pasadena"  # town beats its state


def _dated_report(text: str, name: str, published: str, *words: str) -> Report:
    """A report whose times are ``words`` of ``text`` resolved against ``published``; its own event date is
    the one :func:`rashomon.extract.dates.event_date` picks."""
    from rashomon.extract.dates import event_date, parse_published, resolve

    article = Article.create(text, name, outlet=f"Outlet {name}", published_at=published)
    times = []
    for word in words:
        start = article.text.index(word)
        day, precision = resolve(word, parse_published(published))
        times.append(TimeExpr(word, start, start + len(word), day.isoformat() if day else None, precision))
    day, precision = event_date(times, published, text=article.text)
    return Report(article, ArticleAnalysis(article.id, "test", times=times, event_date=day,
                                           event_date_precision=precision))


def test_reconcile_date_counts_the_days_a_report_hesitates_between() -> None:
    sure = _dated_report("A man was shot Saturday outside a club.", "sure.txt", "2022-08-01", "Saturday")
    torn = _dated_report("A man was shot late Friday outside a club, and a second man was shot Saturday.",
                         "torn.txt", "2022-08-01", "late Friday", "Saturday")
    assert sure.analysis and sure.analysis.event_date == "2022-07-30"
    assert torn.analysis and torn.analysis.event_date == "2022-07-29"  # a tie: the earlier day
    dossier = build_dossier("ev-date", [sure, torn])
    assert dossier["date"] == "2022-07-30"  # Saturday: 1 + torn's equal second choice; Friday: 1
    assert dossier["date_source"] == "reports"
    alone = build_dossier("ev-date", [torn])
    assert alone["date"] == "2022-07-29"
