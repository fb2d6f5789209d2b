"""A site's name in page titles ("... - KXYZ.com Springfield, River Valley, Lake Country") joins no reports."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rashomon.cli import main
from rashomon.cluster.engine import cluster_store, current_assignment
from rashomon.cluster.features import features_for, proper_names
from rashomon.cluster.furniture import MIN_SHORT_WORDS, furniture_templates, strip_furniture, template
from rashomon.cluster.options import ClusterOptions
from rashomon.cluster.partition import build_corpus
from rashomon.cluster.scoring import contributions, score_pair
from rashomon.cluster.vectors import TextIndex, boilerplate_lines, headline_and_site, strip_boilerplate
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


def _form(reporter: str) -> str:
    return (
        f"Close Sign up for alerts on {reporter} stories every day!\n"
        f"Each time {reporter} publishes a new article, we will send a message to your inbox with a link to it.\n"
    )


PECAN = (
    "Marcus Hill, 24, was shot dead late Friday in the 400 block of Pecan Avenue in north Riverton, "
    "police said. Officers found him on the sidewalk."
)
PECAN_OTHER_OUTLET = (
    "A 24-year-old man shot on Pecan Avenue late Friday has died. Police identified him as Marcus Hill, "
    "24. Officers found him on the sidewalk in the 400 block."
)
BIRCHWOOD = "Two teenagers were wounded Saturday afternoon on Birchwood Avenue in south Riverton."
LARKSPUR = "A woman was hurt Sunday when a bullet came through a window on Larkspur Road."
COPIED = "The shooting remains under investigation and anyone with information is asked to call police at once."
CAPTION = "Image {} of 9 Dorian Quist, 21, was detained in Fairhaven on Friday after five weeks in hiding."
ME = "Alan Smithers"


def test_cluster_furniture_templates_recur_with_other_words_on_days_apart() -> None:
    texts = [
        _form("Jane Q. Doe") + PECAN,
        _form("Jane Q. Doe") + BIRCHWOOD + "\n" + COPIED,
        _form(ME) + LARKSPUR + "\n" + COPIED + "\n" + CAPTION.format(1),
        "He died where he fell, officers said.\n" + COPIED + "\n" + CAPTION.format(5),
        "She died where she fell, officers said.\n" + CAPTION.format(7),
        "The man died where he fell, officers said.",
    ]
    days = [735000, 735020, 735100, 735200, 735300, 735400]
    found = furniture_templates(texts, days, 3, 5)
    form = template(_form("Jane Q. Doe").split("\n")[1])
    short = template(_form("Jane Q. Doe").split("\n")[0], MIN_SHORT_WORDS)
    assert form == "§ time § publishes a new article, we will send a message to your inbox with a link to it."
    assert short == "§ up for alerts on § stories every day!"
    # the form recurs with two reporters, and its short line on the form's pages only; a story's sentence
    # copied by three outlets is one filling, and so is a caption numbered otherwise; a short sentence
    # recurring with other subjects, on pages without a form, is no furniture
    assert found == {form, short}
    assert template(COPIED) not in found and template(CAPTION.format(1)) not in found
    assert template("He died where he fell, officers said.", MIN_SHORT_WORDS) not in found
    # the same pages published within days: a story copied with edits, not furniture
    assert furniture_templates(texts, [735000 + i for i in range(6)], 3, 5) == set()
    # two pages of the form are too few
    assert furniture_templates(texts[:2] + texts[3:], days[:2] + days[3:], 3, 5) == set()
    stripped, dropped = strip_furniture(texts, days, 3, 5)
    assert "publishes a new article" not in stripped[0] and "alerts" not in stripped[0] and PECAN in stripped[0]
    assert dropped[2] == [
        f"Close Sign up for alerts on {ME} stories every day!",
        f"Each time {ME} publishes a new article, we will send a message to your inbox with a link to it.",
    ]
    assert stripped[3] == texts[3] and dropped[3] == []


def _form_pages() -> list[Article]:
    stories = [
        ("Man shot dead on Pecan Avenue", "Jane Q. Doe", PECAN, "2015-06-13"),
        ("Two teens wounded on Birchwood", "Jane Q. Doe", BIRCHWOOD, "2015-06-14"),
        ("Woman hurt by stray bullet", ME, LARKSPUR, "2015-08-15"),
    ]
    out = [
        Article.create(_form(reporter) + text, source_name=f"rvt-{i}.html", title=title, published_at=day)
        for i, (title, reporter, text, day) in enumerate(stories)
    ]
    out.append(
        Article.create(
            PECAN_OTHER_OUTLET,
            source_name="kabc.html",
            title="Man dies after Pecan Ave. shooting",
            published_at="2015-06-13",
        )
    )
    return out


def test_cluster_furniture_reporter_form_joins_no_two_stories(store: Store) -> None:
    articles = _form_pages()
    options = ClusterOptions()
    pecan, birchwood = articles[0], articles[1]
    # read as written (form sentences kept), one reporter's two stories share the form's words and her name
    boiler = boilerplate_lines([a.text for a in articles], options.boilerplate_min_docs)
    raw = [strip_boilerplate(a.title, a.text, boiler) for a in articles]
    raw_a, raw_b = features_for(pecan, None, raw[0]), features_for(birchwood, None, raw[1])
    assert "Jane Q. Doe" in raw_a.names & raw_b.names
    as_written = score_pair(raw_a, raw_b, TextIndex(raw).cosine(0, 1), options)
    assert as_written >= options.threshold, "the form alone would join the two stories"

    corpus = build_corpus(((a, None) for a in articles), options)
    a, b = corpus.features[corpus.row[pecan.id]], corpus.features[corpus.row[birchwood.id]]
    assert "Jane Q. Doe" not in a.names | b.names and len(a.furniture) == 2
    assert "Marcus Hill" in a.names, "the story's names stay"
    cosine = corpus.index.cosine(corpus.row[pecan.id], corpus.row[birchwood.id])
    assert score_pair(a, b, cosine, options) < options.threshold

    for article in articles:
        store.add_article(article)
    cluster_store(store)
    assignment = current_assignment(store)
    assert assignment[pecan.id] != assignment[birchwood.id]
    assert assignment[pecan.id] == assignment[articles[3].id], "the other outlet's report of the Pecan shooting"
    runner = CliRunner()
    db = str(Path(store.path))
    explained = runner.invoke(main, ["explain", assignment[pecan.id], "--db", db])
    assert explained.exit_code == 0, explained.output
    assert (
        "left out as page furniture: Close Sign up for alerts on Jane Q. Doe stories every day! | Each time"
        in explained.output
    )
    as_json = json.loads(runner.invoke(main, ["explain", assignment[pecan.id], "--db", db, "--json"]).output)
    left_out = [a["reason"].get("furniture_left_out") for a in as_json["articles"]]
    assert [f for f in left_out if f] and all(len(f) == 2 for f in left_out if f)


BULLETIN = (
    "Units of the Azerbaijani Armed Forces fired at the positions of the Armenian army in the direction of {} "
    "using artillery and mortars overnight, the ministry reports."
)
PRESS_LINE = "The press service of the ministry publishes its updates about {} every morning on its website."


def test_cluster_furniture_war_bulletin_is_story_text() -> None:
    towns = ("Berd", "Martuni", "Hadrut")
    texts = [
        f"{BULLETIN.format(town)}\n{PRESS_LINE.format(town)}\n{story}"
        for town, story in zip(
            towns,
            ("Two soldiers were wounded near Berd.", "A soldier was killed near Martuni.", "A school was hit."),
            strict=True,
        )
    ]
    days = [737700, 737720, 737740]
    # the ministry's bulletin recurs with other towns, 20 days apart, but tells of shelling: a story's sentence
    found = furniture_templates(texts, days, 3, 7)
    assert template(BULLETIN.format("Berd")) not in found
    assert found == {template(PRESS_LINE.format("Berd"))}, "the press service's line is the page's form"
    stripped, dropped = strip_furniture(texts, days, 3, 7)
    assert all(BULLETIN.format(town) in text for town, text in zip(towns, stripped, strict=True))
    assert dropped[0] == [PRESS_LINE.format("Berd")]
