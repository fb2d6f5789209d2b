"""Audit fixes for reconciliation and ingest: a syndicated copy ingested after reconciliation refreshes its
event's dossier; an article's outlet falls back to its URL's registered domain, else "unknown outlet" (never
an id); a place conflict between namesakes names each place's first-level division."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rashomon.cli import main
from rashomon.ingest import IngestOptions, ingest_paths
from rashomon.ingest.outlets import UNKNOWN_OUTLET, outlet_from_url
from rashomon.reconcile.discrepancies import location_conflicts, place_label
from rashomon.reconcile.dossier import build_dossier, reconcile_store
from rashomon.reconcile.events import load_stored_dossier
from rashomon.reconcile.evidence import Report
from rashomon.records import Article, ArticleAnalysis, CasualtyFigure, Place
from rashomon.store import Store
from test_export import _fill
from test_reconcile import report_a, report_b


def _jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_reconcile_copy_ingested_later_refreshes_the_event_dossier(store: Store, tmp_path: Path) -> None:
    original = report_a()
    ingest_paths(store, [_jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": original.article.text}])], IngestOptions())
    _fill(store, [original, report_b()])
    assert load_stored_dossier(store, "ev-1")["duplicates"] == []  # type: ignore[index]
    copy = _jsonl(tmp_path / "syn.jsonl", [{"id": "syndicated", "text": original.article.text + " (Reuters)"}])
    ingest_paths(store, [copy], IngestOptions())
    copy_id = store.db.execute("SELECT id FROM articles WHERE source_name = 'syndicated'").fetchone()[0]
    assert store.get_article(copy_id).duplicate_of == original.id
    summary = reconcile_store(store)
    assert summary.get("built", summary) != 0
    assert load_stored_dossier(store, "ev-1")["duplicates"] == [copy_id]  # type: ignore[index]
    exported = CliRunner().invoke(main, ["export", "--db", store.path, "--event", "ev-1"])
    assert json.loads(exported.output)["events"][0]["duplicates"] == [copy_id]


def test_outlets_url_gives_registered_domain() -> None:
    assert outlet_from_url("https://www.wral.com/news/local/story/1/") == "wral.com"
    assert outlet_from_url("http://news.bbc.co.uk/2/hi/world.stm") == "bbc.co.uk"
    archived = "http://web.archive.org/web/20170316043851/http://minnesota.cbslocal.com/2016/11/12/winona/"
    assert outlet_from_url(archived) == "cbslocal.com"
    assert outlet_from_url("http://10.0.0.1/page") is None and outlet_from_url(None) is None


def test_ingest_outlet_falls_back_to_url_domain_then_unknown(store: Store, tmp_path: Path) -> None:
    doc_id = "0a29bb885d75a6f18ecccedf8781177e"
    story = " Police said the victims were taken to a hospital and that no arrest had been made by the evening."
    records = [
        {"doc_id": doc_id, "url": "https://www.wral.com/news/x", "text": "A man was shot in Raleigh." + story},
        {"doc_id": "f5362004743274b11ad774f5aaa77565", "text": "Two people were wounded in Durham." + story},
        {"doc_id": "c0", "outlet": "WRAL", "url": "https://wral.com/y", "text": "A woman was shot in Cary." + story},
    ]
    ingest_paths(store, [_jsonl(tmp_path / "in.jsonl", records)], IngestOptions())
    by_name = {a.source_name: a for a in store.iter_articles()}
    assert by_name[doc_id].outlet == "wral.com"
    assert by_name["c0"].outlet == "WRAL"  # an outlet given wins over the URL
    assert by_name["f5362004743274b11ad774f5aaa77565"].outlet is None  # nothing invented in the store
    assert Report(by_name["f5362004743274b11ad774f5aaa77565"], None).outlet == UNKNOWN_OUTLET


def test_events_and_dossier_never_show_an_id_as_outlet(store: Store) -> None:
    first = Article.create("Gunfire wounded two men in Kensington.", "f5362004743274b11ad774f5aaa77565",
                           url="http://web.archive.org/web/2017/http://www.philly.com/x", published_at="2013-04-09")
    second = Article.create("A woman died after a shooting in Kensington.", "ad790428f869622fe8412e5e3ca0dd2e",
                            published_at="2013-04-09")
    _fill(store, [Report(first, None), Report(second, None)])
    listed = CliRunner().invoke(main, ["events", "--db", store.path])
    assert listed.exit_code == 0, listed.output
    assert "philly.com" in listed.output and UNKNOWN_OUTLET in listed.output
    assert "f5362004" not in listed.output and "ad790428" not in listed.output
    assert sorted(load_stored_dossier(store, "ev-1")["outlets"]) == ["philly.com", UNKNOWN_OUTLET]  # type: ignore[index]
    shown = CliRunner().invoke(main, ["dossier", "ev-1", "--db", store.path]).output
    assert "philly.com" in shown and "ad790428f869622fe8412e5e3ca0dd2e:" not in shown
    explained = CliRunner().invoke(main, ["explain", "ev-1", "--db", store.path]).output
    assert "philly.com" in explained and UNKNOWN_OUTLET in explained


def _placed(text: str, outlet: str, place: Place) -> Report:
    article = Article.create(text, f"{outlet}.txt", outlet=outlet, published_at="2013-04-09")
    return Report(article, ArticleAnalysis(article.id, "test", places=[place], event_place=0))


def test_discrepancies_namesake_places_are_told_apart_by_state() -> None:
    text = "A woman was killed in Kensington."
    at = text.index("Kensington")
    nh = Place("Kensington", at, at + 10, "Kensington", "US", 42.92703, -70.94394, "town", 5088311, "NH")
    pa = Place("Kensington", at, at + 10, "Kensington", "US", 39.98595, -75.13184, "town", 4558950, "PA")
    assert place_label(pa) == "Kensington, Pennsylvania, US"
    found = location_conflicts([_placed(text, "Daily News", nh), _placed(text, "Inquirer", pa)])
    assert len(found) == 1
    summary = found[0]["summary"]
    assert "Daily News in Kensington, New Hampshire, US" in summary
    assert "Inquirer in Kensington, Pennsylvania, US" in summary


SHOOTING = ("A woman was killed and three men were wounded when gunfire erupted on a crowded block on Tuesday. "
            "Police arrested a 19-year-old man on Wednesday.")
CRASH = "Two people were killed when their car crashed into a tree on Tuesday. Police arrested the other driver."


def _typed_report(text: str, counted: str, kind: str, *, background: bool = False) -> Report:
    article = Article.create(text, "r.txt", outlet="Daily News", published_at="2013-04-09")
    text = article.text
    at, end = text.index(counted), text.index(".") + 1
    figure = CasualtyFigure(kind, counted, at, at + len(counted), 1, 1,  # type: ignore[arg-type]
                            sentence_start=0, sentence_end=end, background=background)
    analysis = ArticleAnalysis(article.id, "test", casualties=[figure], event_type="Strategic developments",
                               sub_event_type="Arrests")
    return Report(article, analysis)


def test_event_type_a_shooting_with_victims_is_an_attack_not_its_arrest() -> None:
    dossier = build_dossier("ev-x", [_typed_report(SHOOTING, "A woman", "killed")])
    assert (dossier["event_type"], dossier["sub_event_type"]) == ("Violence against civilians", "Attack")


def test_event_type_an_accident_or_background_toll_keeps_the_reports_type() -> None:
    crash = build_dossier("ev-x", [_typed_report(CRASH, "Two people", "killed")])
    assert (crash["event_type"], crash["sub_event_type"]) == ("Strategic developments", "Arrests")
    earlier = build_dossier("ev-x", [_typed_report(SHOOTING, "A woman", "killed", background=True)])
    assert earlier["sub_event_type"] == "Arrests"
