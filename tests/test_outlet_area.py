"""Outlets' home areas (:mod:`rashomon.extract.outlet_area`) and the dossier's place read in them."""

from __future__ import annotations

import pytest

from rashomon.extract.gazetteer import Gazetteer, load_gazetteer
from rashomon.extract.outlet_area import (
    HomeAreas,
    OutletHomes,
    article_areas,
    from_store,
    home_reading,
    home_readings,
    learn_homes,
    outlet_key,
    update_store,
)
from rashomon.reconcile.dossier import event_location
from rashomon.reconcile.evidence import Report
from rashomon.records import Article, ArticleAnalysis, Place
from rashomon.store import Store

pytestmark = pytest.mark.slow  # loads the gazetteer

SC = ("US", "SC")
MO = ("US", "MO")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _place(gazetteer: Gazetteer, text: str, name: str, admin1: str, *, at: str) -> Place:
    """``name`` as the gazetteer's reading of ``name`` in ``admin1``, at its first position in ``at``."""
    match = next(m.candidate for m in gazetteer.lookup(name) if m.candidate.admin1 == admin1)
    start = at.index(name)
    return Place(text=name, start=start, end=start + len(name), name=match.name, country_code=match.country_code,
                 lat=match.lat, lon=match.lon, precision=match.precision, geonameid=match.geonameid,
                 admin1=match.admin1)


def _article(gazetteer: Gazetteer, text: str, places: list[tuple[str, str]], *,
             url: str = "http://web.archive.org/web/2015/http://www.wistv.com/story/1") -> Report:
    article = Article.create(text=text, source_name="test", url=url, title="Man shot")
    found = [_place(gazetteer, text, name, admin1, at=text) for name, admin1 in places]
    analysis = ArticleAnalysis(article_id=article.id, pipeline="test", places=found,
                               event_place=0 if found else None)
    return Report(article, analysis)


def _sc_outlet(gazetteer: Gazetteer) -> list[Report]:
    """Three articles of one outlet that place it in South Carolina without ambiguity."""
    return [
        _article(gazetteer, "A man was shot in Irmo on Sunday night, deputies said.", [("Irmo", "SC")]),
        _article(gazetteer, "Police in Orangeburg, South Carolina said two men were hurt.",
                 [("Orangeburg", "SC"), ("South Carolina", "SC")]),
        _article(gazetteer, "Troopers said the crash in Sumter closed the road.", [("Sumter", "SC")]),
    ]


def test_outlet_area_article_areas_count_only_unambiguous_places(gazetteer: Gazetteer) -> None:
    text = "Deputies in Columbia and Irmo said a man from Springfield, Ohio was shot near South Street."
    places = [_place(gazetteer, text, "Columbia", "MO", at=text), _place(gazetteer, text, "Irmo", "SC", at=text),
              _place(gazetteer, text, "Springfield", "OH", at=text), _place(gazetteer, text, "Ohio", "OH", at=text)]
    votes = article_areas(places, text, gazetteer)
    assert votes == {SC: 0.5, ("US", "OH"): 0.5}  # "Columbia" has forty readings: it votes for nothing
    assert article_areas(places[:1], text, gazetteer) == {}


def test_outlet_area_home_needs_a_majority_of_other_articles() -> None:
    homes = HomeAreas()
    homes.add("wistv.com", {SC: 1.0})
    assert homes.home("wistv.com") is None  # one article is not enough
    homes.add("wistv.com", {SC: 0.5, MO: 0.5})
    assert homes.home("wistv.com") == SC
    assert homes.home("wistv.com", without={SC: 1.0}) is None  # the article being read does not count
    homes.add("wistv.com", {MO: 1.0})
    homes.add("wistv.com", {MO: 1.0})
    assert homes.home("wistv.com") == MO  # 2.5 of 4 votes
    homes.add("wistv.com", {("US", "GA"): 1.0})
    assert homes.home("wistv.com") == MO  # 2.5 of 5: half is enough
    homes.add("wistv.com", {("US", "GA"): 1.0})
    assert homes.home("wistv.com") is None  # 2.5 of 6
    assert homes.home("nowhere.com") is None


def test_outlet_area_home_reading_takes_the_namesake_unless_the_page_places_it(gazetteer: Gazetteer) -> None:
    text = "A man was shot in Columbia on Friday."
    columbia_mo = _place(gazetteer, text, "Columbia", "MO", at=text)
    read = home_reading(columbia_mo, {}, SC, gazetteer)
    assert (read.name, read.admin1, read.start) == ("Columbia", "SC", columbia_mo.start)
    assert home_reading(columbia_mo, {MO: 1.0}, SC, gazetteer) is columbia_mo  # "Missouri" on the page wins
    assert home_reading(columbia_mo, {}, ("US", "AK"), gazetteer) is columbia_mo  # no Columbia in Alaska
    irmo = _place(gazetteer, text.replace("Columbia", "Irmo"), "Irmo", "SC", at=text.replace("Columbia", "Irmo"))
    assert home_reading(irmo, {}, MO, gazetteer) is irmo  # one reading: no namesake to take


def test_outlet_area_dossier_location_reads_a_bare_namesake_in_the_outlets_home(gazetteer: Gazetteer) -> None:
    others = _sc_outlet(gazetteer)
    bare = _article(gazetteer, "Two people were shot in Columbia late Friday, police said.", [("Columbia", "MO")])
    homes = learn_homes([r.article for r in [*others, bare]],
                        {r.id: r.analysis for r in [*others, bare] if r.analysis}, gazetteer)
    location = event_location([bare], homes)
    assert location is not None and (location["name"], location["admin1"]) == ("Columbia", "SC")
    assert event_location([bare]) is not None and event_location([bare])["admin1"] == "MO"  # without homes
    elsewhere = _article(gazetteer, "Two people were shot in Columbia late Friday.", [("Columbia", "MO")],
                         url="https://www.komu.com/news/1")
    assert event_location([elsewhere], homes)["admin1"] == "MO"  # another outlet, no home learned


def test_outlet_area_outlet_key_is_the_archived_pages_domain() -> None:
    article = Article.create(text="x" * 60, source_name="t",
                             url="http://web.archive.org/web/20151030223013/http://www.WRAL.com/four-shot/1/")
    assert outlet_key(article) == "wral.com"
    assert outlet_key(Article.create(text="y" * 60, source_name="t")).startswith("article:")


def test_outlet_area_store_counts_new_analyses_once(store: Store, gazetteer: Gazetteer) -> None:
    reports = _sc_outlet(gazetteer)
    for report in reports:
        store.add_article(report.article)
        assert report.analysis is not None
        store.save_analysis(report.analysis)
    assert update_store(store, gazetteer) == 3
    assert update_store(store, gazetteer) == 0  # nothing analysed since
    homes = from_store(store, ["wistv.com"])
    assert isinstance(homes, OutletHomes) and homes.homes.home("wistv.com") == SC
    assert homes.homes.home("wistv.com", without=homes.pages[reports[0].id].areas) == SC
    assert from_store(store, ["komu.com"]).homes.votes == {}
    first = reports[0].analysis
    assert first is not None
    first.places = []
    store.save_analysis(first)  # a re-analysis is counted again, with its new votes
    assert update_store(store, gazetteer) == 1
    assert from_store(store, ["wistv.com"]).homes.articles == {"wistv.com": 2}


def test_outlet_area_event_place_falls_back_to_a_place_in_the_home_area(gazetteer: Gazetteer) -> None:
    """No namesake of the chosen place in the home area: the page's own place there is the event place."""
    others = _sc_outlet(gazetteer)
    text = "LINCOLN -- A man was shot in Irmo on Friday. Lincoln police were not involved."
    page = _article(gazetteer, text, [("Lincoln", "NE"), ("Irmo", "SC")])
    homes = learn_homes([r.article for r in [*others, page]],
                        {r.id: r.analysis for r in [*others, page] if r.analysis}, gazetteer)
    assert page.analysis is not None
    lincoln, irmo = page.analysis.places
    assert homes.event_place(page.article, page.analysis.places, lincoln, literal=[lincoln, irmo]) == irmo
    assert homes.event_place(page.article, page.analysis.places, lincoln, literal=[lincoln]) == lincoln
    assert homes.event_place(page.article, page.analysis.places, None, literal=[irmo]) == irmo


def test_outlet_area_headline_place_read_in_the_home_area(gazetteer: Gazetteer) -> None:
    others = _sc_outlet(gazetteer)
    bare = Report(Article.create(text="Sign up for our newsletter to get alerts on breaking news.", source_name="t",
                                 url="http://www.wistv.com/story/9", title="Man shot in Lexington overnight"),
                  None)
    homes = learn_homes([r.article for r in others], {r.id: r.analysis for r in others if r.analysis}, gazetteer)
    assert event_location([bare])["admin1"] == "KY"  # the most populous Lexington otherwise
    assert event_location([bare], homes)["admin1"] == "SC"


def test_outlet_area_fallback_skips_crime_report_words(gazetteer: Gazetteer) -> None:
    """"Police" (a Polish town) is no fallback place; the headline's town is."""
    text = "Police said the boy was taken to a hospital."
    police = Place(text="Police", start=0, end=6, name="Police", country_code="PL", lat=51.06, lon=17.61,
                   precision="town")
    article = Article.create(text=text, source_name="t", title="Father, daughter found dead in Fort Worth home")
    report = Report(article, ArticleAnalysis(article_id=article.id, pipeline="test", places=[police]))
    location = event_location([report])
    assert location is not None and (location["name"], location["admin1"]) == ("Fort Worth", "TX")


def test_outlet_area_unchosen_location_prefers_the_home_area(gazetteer: Gazetteer) -> None:
    """No report chose a place: a mention in the outlet's home area beats a more mentioned one elsewhere, and
    the headline's town in the home area beats mentions that all lie elsewhere."""
    others = _sc_outlet(gazetteer)
    homes = learn_homes([r.article for r in others], {r.id: r.analysis for r in others if r.analysis}, gazetteer)
    text = "Tulsa, Tulsa and Irmo were named."
    tulsa = _place(gazetteer, text, "Tulsa", "OK", at=text)
    second = Place(**{**tulsa.to_dict(), "start": 7, "end": 12})
    irmo = _place(gazetteer, text, "Irmo", "SC", at=text)
    article = Article.create(text=text, source_name="t", url="http://www.wistv.com/story/7", title="Man shot")
    report = Report(article, ArticleAnalysis(article_id=article.id, pipeline="test", places=[tulsa, second, irmo]))
    assert event_location([report])["name"] == "Tulsa"
    assert event_location([report], homes)["name"] == "Irmo"
    titled = Article.create(text="Tulsa was named.", source_name="t", url="http://www.wistv.com/story/8",
                            title="Teen shot in Lexington")
    elsewhere = Report(titled, ArticleAnalysis(article_id=titled.id, pipeline="test", places=[tulsa]))
    assert event_location([elsewhere])["name"] == "Tulsa"
    assert (event_location([elsewhere], homes)["name"], event_location([elsewhere], homes)["admin1"]) == (
        "Lexington", "SC")


def test_outlet_area_home_town_places_a_dossier_its_reports_do_not(gazetteer: Gazetteer) -> None:
    """Reports that name no place, or only the outlet's state, are placed at the town the outlet's other
    articles name most; a state outside the home area stays."""
    others = [*_sc_outlet(gazetteer),
              _article(gazetteer, "Deputies in Irmo found the car.", [("Irmo", "SC")])]
    homes = learn_homes([r.article for r in others], {r.id: r.analysis for r in others if r.analysis}, gazetteer)
    assert homes.homes.home_town("wistv.com", SC) is not None
    assert homes.homes.home_town("wistv.com", SC).name == "Irmo"  # two articles name it
    assert homes.homes.home_town("wistv.com", MO) is None
    empty = Article.create(text="Sign up for alerts. Your notification has been saved.", source_name="t",
                           url="http://www.wistv.com/story/5", title="Boy stable after accidental shooting")
    assert event_location([Report(empty, None)]) is None
    location = event_location([Report(empty, None)], homes)
    assert location is not None and (location["name"], location["admin1"], location["chosen_by"]) == (
        "Irmo", "SC", [])
    state = _article(gazetteer, "A boy was hurt in South Carolina on Friday.", [("South Carolina", "SC")])
    assert event_location([state], homes)["name"] == "Irmo"
    assert event_location([state], homes)["chosen_by"] == [state.id]
    ohio = _article(gazetteer, "A boy was hurt in Ohio on Friday.", [("Ohio", "OH")])
    assert event_location([ohio], homes)["name"] == "Ohio"


def test_outlet_area_home_readings_read_every_ambiguous_mention(gazetteer: Gazetteer) -> None:
    """A corpus of (outlet, places, text): the bare "Columbia" of a South Carolina outlet's page is read there,
    a page that names Missouri keeps its Columbia, and another outlet's page is left alone."""
    pages = [("wistv.com", r.analysis.places, r.article.text) for r in _sc_outlet(gazetteer) if r.analysis]
    bare = "Two people were shot in Columbia late Friday, police said."
    named = "A man from Columbia, Missouri was shot in Columbia on Friday."
    pages += [("wistv.com", [_place(gazetteer, bare, "Columbia", "MO", at=bare)], bare),
              ("wistv.com", [_place(gazetteer, named, "Columbia", "MO", at=named),
                             _place(gazetteer, named, "Missouri", "MO", at=named)], named),
              ("komu.com", [_place(gazetteer, bare, "Columbia", "MO", at=bare)], bare)]
    read = home_readings(pages, gazetteer)
    assert [p.admin1 for p in read[3]] == ["SC"]
    assert [p.admin1 for p in read[4]] == ["MO", "MO"]
    assert [p.admin1 for p in read[5]] == ["MO"]
    assert read[:3] == [list(p) for _, p, _ in pages[:3]]


def test_outlet_area_lgl_outlets_are_the_articles_domains() -> None:
    from rashomon.eval import DEFAULT_GOLD_DIR
    from rashomon.eval.outlet_geoparsing import read_outlets

    path = DEFAULT_GOLD_DIR / "geoparsing" / "lgl.xml.gz"
    if not path.exists():
        pytest.skip("LGL gold data not present")
    outlets = read_outlets(path, "domain", limit=20)
    assert len(outlets) == 20 and outlets[0] == "thetowntalk.com"
    assert all(o is None or "." in o for o in outlets)
