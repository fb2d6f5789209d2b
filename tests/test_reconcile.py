"""Reconciliation on hand-built analyses: two reports of one event that disagree the way real reports do."""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.reconcile.dossier import build_dossier, reconcile_store
from rashomon.reconcile.evidence import Report
from rashomon.records import (
    ActorMention,
    Article,
    ArticleAnalysis,
    CasualtyFigure,
    Claim,
    EventMention,
    Place,
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


def test_reconcile_store_rebuilds_only_changed_events(store: Store) -> None:
    a, b = report_a(), report_b()
    for report in (a, b):
        store.add_article(report.article)
        assert report.analysis is not None
        store.save_analysis(report.analysis)
    now = utc_now()
    with store.atomic() as db:
        db.execute(
            "INSERT INTO events (id, data, date, created_at, updated_at) VALUES ('ev-1', '{}', NULL, ?, ?)",
            (now, now),
        )
        db.execute("INSERT INTO event_articles (article_id, event_id) VALUES (?, 'ev-1')", (a.id,))
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
