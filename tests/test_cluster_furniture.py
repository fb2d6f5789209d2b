"""A site's name in page titles ("... - KXYZ.com Springfield, River Valley, Lake Country") joins no reports."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rashomon.cli import main
from rashomon.cluster.engine import cluster_store, current_assignment
from rashomon.cluster.features import features_for, proper_names
from rashomon.cluster.options import ClusterOptions
from rashomon.cluster.partition import build_corpus
from rashomon.cluster.scoring import contributions
from rashomon.cluster.vectors import headline_and_site
from rashomon.records import Article
from rashomon.store import Store

SITE = "KXYZ.com Springfield, River Valley, Lake Country"
NIGHTCLUB = (
    "Police identified the man who opened fire at a nightclub on Ayers Street early Sunday, wounding four "
    "people. Officers said the man, 22, fled before they arrived."
)
NIGHTCLUB_OTHER_OUTLET = (
    "Four people were wounded early Sunday when a man opened fire at a nightclub on Ayers Street, police "
    "said. The man, 22, fled before officers arrived."
)
ARANSAS = "Three people were found dead in a home in Aransas Pass in what police call a murder-suicide."


def _page(text: str, title: str, day: str, n: int) -> Article:
    return Article.create(
        text,
        source_name=f"kxyz-{n}.html",
        title=f"{title} - {SITE}",
        url=f"http://www.kxyz.com/story/{n}",
        published_at=day,
    )


def test_cluster_furniture_headline_and_site_split_page_titles() -> None:
    page = _page(NIGHTCLUB, "Club Gunman Named", "2016-06-27", 1)
    assert headline_and_site(page) == ("Club Gunman Named", SITE)
    wave3 = Article.create(
        "x", source_name="w.html", title="3 hurt, 1 dead, in Maple Park area - wxyz.com-Springfield News, Weather"
    )
    assert headline_and_site(wave3) == ("3 hurt, 1 dead, in Maple Park area", "wxyz.com-Springfield News, Weather")
    labelled = Article.create("x", source_name="v.html", title="VIDEO: Man shot on Elm Street - WXYZ")
    assert headline_and_site(labelled) == ("Man shot on Elm Street", "WXYZ")  # the page's kind is no site name
    # a headline whose only separators are its own, and no title at all, are read as given
    own = Article.create("x", source_name="o.html", title="Mass Shooting – Killed – Da'Vaughn Pitts")
    assert headline_and_site(own) == ("Mass Shooting – Killed – Da'Vaughn Pitts", None)
    assert headline_and_site(Article.create("x", source_name="n.html")) == (None, None)


def test_cluster_furniture_site_name_joins_no_two_shootings(store: Store) -> None:
    nightclub = _page(NIGHTCLUB, "Club Gunman Named", "2016-06-27", 1)
    aransas = _page(ARANSAS, "Three Found Dead in Lakeview Home", "2016-06-29", 2)
    other = Article.create(
        NIGHTCLUB_OTHER_OUTLET,
        source_name="caller.html",
        title="Four hurt in nightclub shooting",
        published_at="2016-06-27",
    )
    options = ClusterOptions()
    # read with the site's name, the two pages of other shootings share its names
    as_written = [features_for(p, None, f"{p.title}\n{p.text}") for p in (nightclub, aransas)]
    assert {"River Valley", "Lake Country"} <= as_written[0].names & as_written[1].names
    assert "name" in contributions(as_written[0], as_written[1], 0.1, options)

    corpus = build_corpus(((p, None) for p in (nightclub, aransas, other)), options)
    first, second = corpus.features[corpus.row[nightclub.id]], corpus.features[corpus.row[aransas.id]]
    assert not first.names & second.names and "Lake Country" not in first.text + second.text
    assert first.furniture == (SITE,) and corpus.features[corpus.row[other.id]].furniture == ()
    assert first.title_words and not {"lake", "country", "valley"} & set(first.title_words)  # the headline vector too
    assert "name" not in contributions(first, second, 0.1, options)

    for article in (nightclub, aransas, other):
        store.add_article(article)
    cluster_store(store)
    assignment = current_assignment(store)
    assert assignment[nightclub.id] == assignment[other.id] != assignment[aransas.id]
    runner = CliRunner()
    db = str(Path(store.path))
    explained = runner.invoke(main, ["explain", assignment[nightclub.id], "--db", db])
    assert explained.exit_code == 0, explained.output
    assert f"left out as page furniture: {SITE}" in explained.output
    as_json = json.loads(runner.invoke(main, ["explain", assignment[nightclub.id], "--db", db, "--json"]).output)
    assert [SITE] in [a["reason"].get("furniture_left_out") for a in as_json["articles"]]


CBS_FOOTER = (
    "KXYZ-TV is part of ABC Television Stations, a unit of ABC Corp. and one of the larger "
    "station owners in the region."
)


def test_cluster_furniture_institution_names_single_out_no_incident() -> None:
    text = (
        "Jamal Ortiz, 19, was taken to Tampa General with a wound to the leg on Christmas Eve; Dana Reyes was "
        "flown to Orlando Regional. The Marshals Service and Nexstar Broadcasting were not involved."
    )
    assert proper_names(text) == {"Jamal Ortiz", "Dana Reyes"}
    options = ClusterOptions()
    winona = Article.create(
        "A 31-year-old woman is in serious condition after she was shot in the arm in Rivertown, officers said.\n"
        + CBS_FOOTER,
        source_name="kxyz-1.html",
        title="Rivertown Police: Woman, 31, Hurt After Being Shot In Arm",
        published_at="2016-11-12",
    )
    downtown = Article.create(
        "A Lakeside man faces charges over a shooting near the downtown library that hurt one person, prosecutors "
        "said.\n"
        + CBS_FOOTER,
        source_name="kxyz-2.html",
        title="Lakeside Man Charged In Library Shooting",
        published_at="2016-10-04",
    )
    corpus = build_corpus(((a, None) for a in (winona, downtown)), options)
    first, second = corpus.features
    assert "Television Stations" in first.text and not first.names & second.names
    assert "name" not in contributions(first, second, 0.1, options)
