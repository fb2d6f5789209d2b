"""Outlets' home areas in stored dossiers: rebuilt when a home changes, and every place output reads it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from rashomon.cli import main
from rashomon.extract.gazetteer import Gazetteer, load_gazetteer
from rashomon.extract.outlet_area import HomeMarks, learn_homes
from rashomon.reconcile.dossier import read_reports, reconcile_store
from rashomon.reconcile.events import stored_events
from rashomon.reconcile.evidence import Report
from rashomon.records import Article, ArticleAnalysis, Place
from rashomon.store import Store
from test_reconcile import insert_event

pytestmark = pytest.mark.slow  # loads the gazetteer (and, for `rashomon run`, the spaCy pipeline)

WISTV = "http://web.archive.org/web/2015/http://www.wistv.com/story/{}"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _place(gazetteer: Gazetteer, text: str, name: str, admin1: str, *, after: int = 0) -> Place:
    """The gazetteer's reading of ``name`` in ``admin1``, at its first position in ``text`` from ``after``."""
    match = next(m.candidate for m in gazetteer.lookup(name) if m.candidate.admin1 == admin1)
    start = text.index(name, after)
    return Place(text=name, start=start, end=start + len(name), name=match.name, country_code=match.country_code,
                 lat=match.lat, lon=match.lon, precision=match.precision, geonameid=match.geonameid,
                 admin1=match.admin1)


def _report(gazetteer: Gazetteer, text: str, places: list[tuple[str, str]], url: str) -> Report:
    article = Article.create(text=text, source_name=url, url=url, title="Man shot",
                             published_at="2016-03-05T12:00:00Z")
    found, after = [], 0
    for name, admin1 in places:
        found.append(_place(gazetteer, text, name, admin1, after=after))
        after = found[-1].end
    return Report(article, ArticleAnalysis(article_id=article.id, pipeline="test", places=found,
                                           event_place=0 if found else None))


def _sc_outlet(gazetteer: Gazetteer) -> list[Report]:
    """Three articles of one outlet that place it in South Carolina without ambiguity."""
    return [
        _report(gazetteer, "A man was shot in Irmo on Sunday night, deputies said.", [("Irmo", "SC")],
                WISTV.format(1)),
        _report(gazetteer, "Police in Orangeburg, South Carolina said two men were hurt.",
                [("Orangeburg", "SC"), ("South Carolina", "SC")], WISTV.format(2)),
        _report(gazetteer, "Troopers said the crash in Sumter closed the road.", [("Sumter", "SC")],
                WISTV.format(3)),
    ]


def _event(store: Store, event_id: str, reports: list[Report]) -> None:
    for report in reports:
        store.add_article(report.article)
        assert report.analysis is not None
        store.save_analysis(report.analysis)
    insert_event(store, event_id, [r.id for r in reports])


def _dossier(store: Store, event_id: str) -> dict[str, Any]:
    row = store.db.execute("SELECT data FROM dossiers WHERE event_id = ?", (event_id,)).fetchone()
    return dict(json.loads(row[0]))


def _write(path: Path, docs: list[tuple[str, str, str]]) -> Path:
    """JSON Lines input as a user writes it: (url, date, text) per article."""
    with path.open("w", encoding="utf-8") as sink:
        for url, day, text in docs:
            sink.write(json.dumps({"doc_id": url.rsplit("/", 1)[-1], "title": text.split(",")[0], "text": text,
                                   "url": url, "dct": day}) + "\n")
    return path


def test_outlet_area_dossiers_run_rebuilds_dossiers_whose_outlet_home_changed(tmp_path: Path) -> None:
    """A later `rashomon run` whose new articles place an outlet in Massachusetts rebuilds the dossier of its
    earlier bare "Springfield" (read as Springfield, Missouri while the outlet had no home) and not the
    dossier of another outlet's report."""
    db = str(tmp_path / "run.db")
    first = _write(tmp_path / "first.jsonl", [
        ("https://www.masslive.com/news/1", "2016-03-05", "A man was shot outside a store in Springfield late "
         "Friday, police said. He was taken to a hospital with injuries that are not life-threatening."),
        ("https://www.wltx.com/news/2", "2016-01-10", "A woman was shot outside a store in Irmo, South Carolina "
         "on Wednesday, deputies said. She is expected to recover, the sheriff said."),
    ])
    later = _write(tmp_path / "later.jsonl", [
        ("https://www.masslive.com/news/3", "2016-02-02", "A woman was shot in Worcester, Massachusetts on "
         "Tuesday, detectives said. She was taken to a hospital."),
        ("https://www.masslive.com/news/4", "2016-02-15", "A man was shot and killed in Lowell, Massachusetts on "
         "Monday night, the district attorney said. No arrests have been made."),
    ])
    result = CliRunner().invoke(main, ["run", str(first), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        springfield = next(e.id for e in stored_events(store)
                           if store.get_article(e.article_ids[0]).url.endswith("/news/1"))
        irmo = next(e.id for e in stored_events(store) if e.id != springfield)
        assert _dossier(store, springfield)["location"]["admin1"] == "MO"  # no home yet: the resolver's namesake
        irmo_built = _dossier(store, irmo)["fingerprint"]
    result = CliRunner().invoke(main, ["run", str(later), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["stages"]["reconcile"]
    assert (summary["events"], summary["rebuilt"], summary["unchanged"]) == (4, 3, 1)  # the 2 new + Springfield
    with Store(db) as store:
        location = _dossier(store, springfield)["location"]
        assert (location["name"], location["admin1"]) == ("Springfield", "MA")
        assert _dossier(store, irmo)["fingerprint"] == irmo_built


def test_outlet_area_dossiers_fingerprint_follows_the_outlets_home(store: Store, gazetteer: Gazetteer) -> None:
    bare = _report(gazetteer, "Two people were shot in Columbia late Friday, police said.", [("Columbia", "MO")],
                   WISTV.format(9))
    other = _report(gazetteer, "A woman was shot in Irmo on Sunday.", [("Irmo", "SC")], "https://www.komu.com/n/1")
    _event(store, "ev-bare", [bare])
    _event(store, "ev-other", [other])
    assert HomeMarks(store).marks([bare.id, other.id]) == [None, None]  # nothing counted yet
    assert reconcile_store(store)["rebuilt"] == 2
    assert _dossier(store, "ev-bare")["location"]["admin1"] == "MO"
    for number, report in enumerate(_sc_outlet(gazetteer)):
        _event(store, f"ev-sc{number}", [report])
    summary = reconcile_store(store)
    assert (summary["rebuilt"], summary["unchanged"]) == (4, 1)  # the three new events and ev-bare
    assert _dossier(store, "ev-bare")["location"]["admin1"] == "SC"
    assert HomeMarks(store).marks([bare.id])[0][:2] == ["US", "SC"]  # type: ignore[index]
    assert reconcile_store(store)["unchanged"] == 5


def _columbia_event(gazetteer: Gazetteer, qualified_admin1: str) -> tuple[Report, Report, list[Report]]:
    """A bare "Columbia" (read as Missouri's) from a South Carolina outlet and another outlet's "Columbia,
    <state>" of the same event."""
    bare = _report(gazetteer, "Two people were shot in Columbia late Friday, police said.", [("Columbia", "MO")],
                   WISTV.format(9))
    state = {"SC": "South Carolina", "MO": "Missouri"}[qualified_admin1]
    named = _report(gazetteer, f"Two people were shot in Columbia, {state} on Friday night.",
                    [("Columbia", qualified_admin1), (state, qualified_admin1)], "https://www.thestate.com/n/1")
    return bare, named, _sc_outlet(gazetteer)


def test_outlet_area_dossiers_no_location_conflict_from_a_re_read_namesake(store: Store, gazetteer: Gazetteer) -> None:
    bare, named, others = _columbia_event(gazetteer, "SC")
    for number, report in enumerate(others):
        _event(store, f"ev-sc{number}", [report])
    _event(store, "ev-columbia", [bare, named])
    reconcile_store(store)
    dossier = _dossier(store, "ev-columbia")
    assert (dossier["location"]["name"], dossier["location"]["admin1"]) == ("Columbia", "SC")
    assert [d for d in dossier["discrepancies"] if d["kind"] == "location_conflict"] == []
    assert not any("Missouri" in d["summary"] for d in dossier["discrepancies"])
    assert not dossier["contested"]


def test_outlet_area_dossiers_location_conflict_names_the_re_read_place(store: Store, gazetteer: Gazetteer) -> None:
    bare, _, others = _columbia_event(gazetteer, "SC")
    far = _report(gazetteer, "Two people were shot in Kansas City, Missouri on Friday night.",
                  [("Kansas City", "MO"), ("Missouri", "MO")], "https://www.kctv5.com/n/1")  # a real conflict
    for number, report in enumerate(others):
        _event(store, f"ev-sc{number}", [report])
    _event(store, "ev-columbia", [bare, far])
    reconcile_store(store)
    conflicts = [d for d in _dossier(store, "ev-columbia")["discrepancies"] if d["kind"] == "location_conflict"]
    assert len(conflicts) == 1
    assert "wistv.com in Columbia, South Carolina" in conflicts[0]["summary"]  # not the resolver's Missouri
    assert "kctv5.com in Kansas City, Missouri" in conflicts[0]["summary"]
    assert conflicts[0]["places"][bare.id] == "Columbia"  # the name as written
    assert {"article": bare.id, "start": 24, "end": 32} in conflicts[0]["spans"]


def test_outlet_area_dossiers_a_bare_namesake_agrees_with_the_place_other_reports_settle(
        store: Store, gazetteer: Gazetteer) -> None:
    """A report of an outlet with no home area: its bare "Columbia" is the Columbia the others name, unless
    its own page names the state of its own reading."""
    bare = _report(gazetteer, "Two people were shot in Columbia late Friday, police said.", [("Columbia", "MO")],
                   "https://www.example-news.com/n/1")
    named = [_report(gazetteer, f"Two people were shot in Columbia, South Carolina on Friday night ({n}).",
                     [("Columbia", "SC"), ("South Carolina", "SC")], f"https://www.outlet{n}.com/n/1")
             for n in range(2)]
    placed = _report(gazetteer, "Two people were shot in Columbia late Friday, Missouri police said.",
                     [("Columbia", "MO"), ("Missouri", "MO")], "https://www.example-news.com/n/2")
    _event(store, "ev-bare", [bare, *named])
    _event(store, "ev-placed", [placed, *[_report(gazetteer, r.article.text + " More.", [("Columbia", "SC"),
                                          ("South Carolina", "SC")], r.article.url + "x") for r in named]])
    reconcile_store(store)
    dossier = _dossier(store, "ev-bare")
    assert (dossier["location"]["admin1"], dossier["location"]["chosen_by"]) == ("SC", [n.id for n in named])
    assert [d for d in dossier["discrepancies"] if d["kind"] == "location_conflict"] == []
    conflicts = [d for d in _dossier(store, "ev-placed")["discrepancies"] if d["kind"] == "location_conflict"]
    assert len(conflicts) == 1 and "in Columbia, Missouri" in conflicts[0]["summary"]


def test_outlet_area_dossiers_read_reports_keeps_the_mention_as_written(gazetteer: Gazetteer) -> None:
    text = "Two people were shot in Columbia late Friday. Columbia police said both will recover."
    bare = _report(gazetteer, text, [("Columbia", "MO"), ("Columbia", "MO")], WISTV.format(9))
    others = _sc_outlet(gazetteer)
    reports = [*others, bare]
    homes = learn_homes([r.article for r in reports], {r.id: r.analysis for r in reports if r.analysis}, gazetteer)
    read = read_reports([bare], homes)[0]
    assert read.analysis is not None and bare.analysis is not None
    assert [(p.text, p.start, p.admin1) for p in read.analysis.places] == [
        ("Columbia", 24, "SC"), ("Columbia", 46, "SC")]  # both mentions of the namesake re-read
    assert [p.admin1 for p in bare.analysis.places] == ["MO", "MO"]  # the stored analysis is untouched
    assert read_reports([others[0]], homes)[0] is others[0]  # nothing re-read: the report itself
    assert read_reports([bare], None)[0] is bare
