"""Boilerplate teaches an outlet no home area: a place in text repeated across an outlet's pages (a menu, a footer,
an app link) gives no vote; a dateline is the page's own (:mod:`rashomon.extract.outlet_area`)."""

from __future__ import annotations

import pytest

from rashomon.extract.gazetteer import Gazetteer, load_gazetteer
from rashomon.extract.outlet_area import (
    BOILERPLATE_MIN_OUTLET_PAGES,
    BOILERPLATE_PAGES,
    PageVotes,
    from_store,
    home_readings,
    learn_homes,
    mention_context,
    update_store,
)
from rashomon.records import Article, ArticleAnalysis, Place
from rashomon.store import Store
from test_outlet_area import _place

pytestmark = pytest.mark.slow  # loads the gazetteer

MD = ("US", "MD")
AL = ("US", "AL")
FOOTERS = ["Mobile users tap here for video", "Mobile users tap here for photos | Watch the report",
           "Mobile users tap here to watch video"]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _places(gazetteer: Gazetteer, text: str, names: list[tuple[str, str]]) -> list[Place]:
    """Each ``(name, admin1)`` as the gazetteer reads it there (each name is on the page once)."""
    return [_place(gazetteer, text, name, admin1, at=text) for name, admin1 in names]


def _pages(gazetteer: Gazetteer) -> list[tuple[Article, ArticleAnalysis]]:
    """A Baltimore station's five pages: three stories in Towson, two in a bare "Columbia" (resolved in Missouri);
    each page ends with a "Mobile users tap here ..." line (Mobile, Alabama, has one reading in the gazetteer)."""
    stories = [("A man was shot in Towson on Friday, police said.", [("Towson", "MD")]),
               ("Towson police said two teens were hurt in a shooting.", [("Towson", "MD")]),
               ("A woman was wounded outside a Towson bar late Sunday.", [("Towson", "MD")]),
               ("Two people were shot in Columbia overnight, police said.", [("Columbia", "MO")]),
               ("A shooting in Columbia left one man dead.", [("Columbia", "MO")])]
    pages = []
    for i, (story, names) in enumerate(stories):
        text = f"{story}\n{FOOTERS[i % len(FOOTERS)]}"
        article = Article.create(text=text, source_name=f"p{i}", url=f"https://www.wbaltv.com/article/{i}")
        places = _places(gazetteer, text, [*names, ("Mobile", "AL")])
        pages.append((article, ArticleAnalysis(article_id=article.id, pipeline="test", places=places,
                                               event_place=0)))
    return pages


def test_outlet_area_mention_context_reads_the_words_around_within_the_line() -> None:
    text = "Story ends here.\nMobile users tap here for photos | Watch"
    mobile = Place(text="Mobile", start=17, end=23, name="Mobile", country_code="US", lat=30.7, lon=-88.0,
                   precision="town", admin1="AL")
    assert mention_context(mobile, text) == "|mobile|users tap here"
    assert mention_context(mobile, text.replace("photos", "video")) == mention_context(mobile, text)


def test_outlet_area_boilerplate_line_gives_the_outlet_no_home(gazetteer: Gazetteer) -> None:
    pages = _pages(gazetteer)
    assert len(pages) >= max(BOILERPLATE_PAGES, BOILERPLATE_MIN_OUTLET_PAGES)
    homes = learn_homes([a for a, _ in pages], {a.id: n for a, n in pages}, gazetteer)
    assert homes.homes.home("wbaltv.com") == MD  # counted per page, Alabama held 3.5 of 5 votes
    assert dict(homes.homes.votes["wbaltv.com"]) == {MD: 3.0}
    assert homes.homes.articles["wbaltv.com"] == 3  # the two Columbia pages named nothing but the footer
    bare = pages[3]
    home, page = homes.home(bare[0], bare[1].places)
    assert home == MD and page == {}  # the page's own "Mobile" is boilerplate too: no context
    assert homes.homes.home_town("wbaltv.com", AL) is None
    columbia = bare[1].places[0]
    read = homes.event_place(bare[0], bare[1].places, columbia, literal=bare[1].places)
    assert read is not None and (read.name, read.admin1) == ("Columbia", "MD")


def test_outlet_area_dateline_is_the_pages_own(gazetteer: Gazetteer) -> None:
    """The same dateline on every page ("BENTON, Ark. (KTHV) --") says where the outlet reports from: it votes on
    each page, like a story's own mention."""
    pages = []
    for i, story in enumerate(["a man was shot on Main Street.", "two teens were hurt in a crash.",
                               "police arrested a suspect on Friday."]):
        text = f"BENTON, Ark. (KTHV) -- {story}"
        article = Article.create(text=text, source_name=f"b{i}", url=f"https://www.thv11.com/article/{i}")
        places = _places(gazetteer, text, [("BENTON", "AR"), ("Ark.", "AR")])
        pages.append((article, ArticleAnalysis(article_id=article.id, pipeline="test", places=places)))
    homes = learn_homes([a for a, _ in pages], {a.id: n for a, n in pages}, gazetteer)
    assert homes.homes.articles["thv11.com"] == 3 and homes.homes.home("thv11.com") == ("US", "AR")
    assert not homes.homes.pages["thv11.com"][0].all_contexts()


def test_outlet_area_two_pages_sharing_a_sentence_still_vote(gazetteer: Gazetteer) -> None:
    """An outlet of two pages that share a line may have told one story twice: no boilerplate yet."""
    pages = _pages(gazetteer)[3:]
    assert len(pages) < BOILERPLATE_MIN_OUTLET_PAGES
    homes = learn_homes([a for a, _ in pages], {a.id: n for a, n in pages}, gazetteer)
    assert homes.homes.votes["wbaltv.com"] == {AL: 2.0}


def test_outlet_area_store_keeps_contexts_and_corpus_readings_skip_boilerplate(store: Store,
                                                                                gazetteer: Gazetteer) -> None:
    pages = _pages(gazetteer)
    for article, analysis in pages:
        store.add_article(article)
        store.save_analysis(analysis)
    assert update_store(store, gazetteer) == len(pages)
    counted = from_store(store, ["wbaltv.com"])
    assert counted.homes.home("wbaltv.com") == MD
    first = counted.pages[pages[0][0].id]
    assert PageVotes.from_json(first.to_json()) == first and first.contexts
    read = home_readings([("wbaltv.com", n.places, a.text) for a, n in pages], gazetteer)
    assert [p.admin1 for p in read[3]] == ["MD", "AL"]  # the bare Columbia read at home, the footer left as is


def test_outlet_area_votes_without_contexts_still_load() -> None:
    """Rows counted before contexts were kept (no ``contexts`` key) load and never count as boilerplate."""
    old = PageVotes.from_json('{"areas": [["US", "MD", 1.0]], "towns": []}')
    assert old.contexts == {} and old.without({"|towson|police"}) is old
