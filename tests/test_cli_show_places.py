"""``rashomon show`` and ``rashomon explain`` print each report's event place as its dossier reads it (the outlet's
home area, :mod:`rashomon.reconcile.report_places`), with the name as written, not the stored reading alone."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from rashomon.cli import main
from rashomon.extract.gazetteer import Gazetteer, load_gazetteer
from rashomon.reconcile.dossier import reconcile_store
from rashomon.reconcile.evidence import Report
from rashomon.records import Article, ArticleAnalysis, Place
from rashomon.store import Store
from test_outlet_area import _article, _sc_outlet
from test_reconcile import insert_event

pytestmark = pytest.mark.slow  # loads the gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _stored(store: Store, gazetteer: Gazetteer) -> tuple[Report, Report]:
    """A South Carolina station's three located stories, and one event of two reports: its bare "COLUMBIA"
    (stored in Missouri, the resolver's reading) and an Irmo report of the same station."""
    bare = _article(gazetteer, "COLUMBIA -- Two people were shot late Friday, police said.", [("COLUMBIA", "MO")])
    irmo = _article(gazetteer, "Deputies in Irmo said the two victims were taken to a hospital.", [("Irmo", "SC")])
    for report in [*_sc_outlet(gazetteer), bare, irmo]:
        store.add_article(report.article)
        assert report.analysis is not None
        store.save_analysis(report.analysis)
    insert_event(store, "ev-1", [bare.id, irmo.id])
    reconcile_store(store)
    return bare, irmo


def test_cli_show_prints_the_place_the_dossier_read(store: Store, gazetteer: Gazetteer) -> None:
    bare, _ = _stored(store, gazetteer)
    shown = CliRunner().invoke(main, ["show", bare.id, "--db", store.path, "--no-color"])
    assert shown.exit_code == 0, shown.output
    line = next(x for x in shown.output.splitlines() if x.startswith("event place in the dossier:"))
    assert line == ('event place in the dossier: Columbia ("COLUMBIA"; SC, US; town), '
                    "re-read by the dossier (stored: Columbia, MO, US)")
    stored_row = shown.output.split("\nplaces (1)\n")[1].splitlines()[1]
    assert stored_row.split() == ["COLUMBIA", "Columbia", "MO", "US", "town"]  # the stored reading, with its state
    event_row = shown.output.split("\nevent (1)\n")[1].splitlines()[1]
    assert event_row.split()[-1] == "Columbia"
    as_json = json.loads(CliRunner().invoke(main, ["show", bare.id, "--db", store.path, "--json"]).output)
    assert as_json["dossier_place"]["admin1"] == "SC" and as_json["dossier_place"]["stored"]["admin1"] == "MO"
    assert as_json["analysis"]["places"][0]["admin1"] == "MO"  # the stored analysis is kept as analysed
    dossier = json.loads(CliRunner().invoke(main, ["dossier", "ev-1", "--db", store.path, "--json"]).output)
    event = dossier.get("event", dossier)
    assert event["location"]["admin1"] == "SC"  # Irmo, which Columbia SC supports (a Missouri one would not)
    header = CliRunner().invoke(main, ["dossier", "ev-1", "--db", store.path]).output.splitlines()
    assert "  place     Irmo (SC, US; town)" in header  # the state shown: a town's name alone is ambiguous
    listed = CliRunner().invoke(main, ["events", "--db", store.path]).output.splitlines()
    assert next(row for row in listed if row.startswith("ev-1 ")).split()[2:4] == ["Irmo,", "SC"]


def test_cli_explain_prints_each_reports_place_as_the_dossier_read_it(store: Store, gazetteer: Gazetteer) -> None:
    bare, irmo = _stored(store, gazetteer)
    result = CliRunner().invoke(main, ["explain", "ev-1", "--db", store.path])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    place_of = {lines[i - 1].split()[0]: lines[i].strip() for i, x in enumerate(lines) if x.startswith("    place:")}
    assert place_of[bare.id] == ('place: Columbia ("COLUMBIA"; SC, US; town), re-read by the dossier '
                                 "(stored: Columbia, MO, US)")
    assert place_of[irmo.id] == "place: Irmo (SC, US; town)"  # read as stored
    info = json.loads(CliRunner().invoke(main, ["explain", "ev-1", "--db", store.path, "--json"]).output)
    read = {a["article_id"]: a["place"] for a in info["articles"]}
    assert read[bare.id]["read"] == "re-read" and read[irmo.id]["read"] == "as stored"


def test_cli_dossier_place_is_never_an_unresolved_name(store: Store) -> None:
    """A name the gazetteer could not resolve (no coordinates: a site's name the NER took for a place) is no
    event location; the headline's town is."""
    text = "Murderpedia has thousands of hours of work behind it. Help the Murderpedia project stay alive."
    article = Article.create(text=text, source_name="m.html", url="http://murderpedia.org/male.T/t.htm",
                             title="Man shot in Towson, police say")
    site = [Place(text="Murderpedia", start=at, end=at + 11, name="Murderpedia", country_code=None, lat=None,
                  lon=None, precision=None) for at in (0, text.index("Murderpedia", 5))]
    store.add_article(article)
    store.save_analysis(ArticleAnalysis(article_id=article.id, pipeline="test", places=site))
    insert_event(store, "ev-2", [article.id])
    reconcile_store(store)
    header = CliRunner().invoke(main, ["dossier", "ev-2", "--db", store.path]).output.splitlines()
    assert "  place     Towson (MD, US; town)" in header
