"""Main-story focus of crawled pages (rashomon.extract.story) and its use by reconciliation."""

from __future__ import annotations

from rashomon.extract.story import headline_only, headline_words, in_story, paragraphs, story_spans
from rashomon.reconcile.dossier import build_dossier
from rashomon.reconcile.evidence import Report, figure_claims
from rashomon.records import Article, ArticleAnalysis, CasualtyFigure

STORY = (
    "Police say two men were shot on Main Street in Dayton early Sunday.\n\n"
    "One of the men died at the hospital, police said, and the other is in stable condition.\n\n"
    "Advertisement\n\n"
    "No arrests have been made and police asked anyone with information to call them.\n\n"
)
LINKS = (
    "Related Stories\n\n"
    "Woman killed in crash on I-75\n\n"
    "Three hurt in apartment fire\n\n"
    "Weather: storms tonight\n"
)
PLAYLIST = (
    "1:17 Twins receive gift of mobility this holiday season Pause\n\n"
    "0:41 Woman dies crossing Clearwater in Kennewick\n\n"
    "0:16 Scene of Van Giesen Street wreck where motorcyclist was killed"
)


def spans_text(text: str, title: str | None = None) -> list[str]:
    return [text[s:e] for s, e in story_spans(text, title)]


def test_story_link_list_after_the_story_is_left_out() -> None:
    kept = spans_text(STORY + LINKS, "Man killed, another hurt in Dayton shooting")
    assert kept[0].startswith("Police say two men")
    assert "Advertisement" in kept  # one short line between paragraphs of the story stays
    assert not any("crash" in line or "fire" in line for line in kept)


def test_story_headline_repeated_in_a_list_is_kept() -> None:
    page = "Home\n\nNews\n\nDayton shooting leaves one man dead\n\n" + STORY
    kept = spans_text(page, "Dayton shooting leaves one man dead - WDTN")
    assert kept[0] == "Dayton shooting leaves one man dead"
    assert "Home" not in kept and "News" not in kept


def test_story_playlist_page_has_no_story() -> None:
    assert story_spans(PLAYLIST, "Man accidentally shoots himself in leg in Kennewick") == []
    # a page of one long cut-off paragraph (a truncated crawl) is still a story
    long_line = (
        "Police found a woman shot in her car on Elm Street after neighbours called about gunfire near the "
        "park, and officers closed the road while detectives searched the area for"
    )
    assert spans_text("Home\n\nNews\n\nSports\n\n" + long_line, "Woman shot") == [long_line]


def test_story_text_without_line_breaks_is_kept_whole() -> None:
    text = "Two people were killed. Three were hurt."
    assert story_spans(text, None) == [(0, len(text))]


def test_story_paragraph_shapes_and_headline_words() -> None:
    paras = paragraphs(STORY + "Police responded to a report of shots near the bar and", "Dayton shooting")
    assert [p.shape for p in paras] == ["prose", "prose", "short", "prose", "cutoff"]
    assert paras[0].title_share == 0.5  # "dayton" of {"dayton", "shooting"}
    assert headline_words("Police: man shot - KMOV.com") == set()  # one content word says too little
    assert headline_words("Teen shot dead in Akron - WKYC") == {"teen", "shot", "dead", "akron"}
    assert in_story([(0, 5)], 4) and not in_story([(0, 5)], 5)


def figure(text: str, value: str, kind: str, count: int, trigger: str) -> CasualtyFigure:
    start = text.index(value)
    sentence_start = text.rfind("\n", 0, start) + 1
    sentence_end = text.find("\n", start)
    return CasualtyFigure(
        kind=kind,  # type: ignore[arg-type]
        value_text=value,
        start=start,
        end=start + len(value),
        count_min=count,
        count_max=count,
        sentence_start=sentence_start,
        sentence_end=sentence_end if sentence_end >= 0 else len(text),
        trigger=trigger,
    )


def test_story_figures_of_the_link_list_stay_out_of_the_dossier() -> None:
    text = STORY + LINKS
    article = Article(id="a1", text=text, source_name="page", title="Man killed in Dayton shooting")
    analysis = ArticleAnalysis(
        article_id="a1",
        pipeline="test",
        casualties=[
            figure(text, "two", "injured", 2, "shot"),
            figure(text, "One", "killed", 1, "died"),
            figure(text, "Woman", "killed", 1, "killed"),
            figure(text, "Three", "injured", 3, "hurt"),
        ],
    )
    report = Report(article, analysis)
    assert [f.record["value_text"] for f in figure_claims(report)] == ["two", "One"]
    dossier = build_dossier("ev-story", [report])
    best = {s["kind"]: s["best"] for s in dossier["casualties"]}
    assert best == {"killed": 1, "injured": 0}  # the link list's "Three hurt" would make it 3
    # the same page without its headline: the link list is still furniture, not the story
    bare = Report(Article(id="a2", text=text, source_name="page"), analysis)
    assert [f.record["value_text"] for f in figure_claims(bare)] == ["two", "One"]


def test_story_links_to_other_stories_are_left_out() -> None:
    page = (
        "Related Coverage Man killed in overnight Dayton shooting identified\n\n"
        + STORY
        + "See also: Woman killed in crash on I-75, police say.\n\n"
        "STORY: 10 people shot at Detroit barbershop, at least 2 dead\n\n"
        "Fire Destroys Home In Lexington Fire Destroys Home In Lexington LEXINGTON, Ky - Three people were "
        "hurt when a fire swept through a home on Main Street early Monday, firefighters said.\n\n"
        "UPDATE: Police say the wounded man is expected to survive the shooting on Main Street.\n"
    )
    kept = spans_text(page, "Man shot dead in Dayton, another hurt")
    assert kept[0].startswith("Police say two men")
    assert kept[-1].startswith("UPDATE:")  # an update of the story is no link
    assert not any(line.startswith(("Related", "See also", "STORY", "Fire")) for line in kept)
    # a link label on the headline's own story keeps it: it repeats the headline
    assert spans_text("Related: Dayton shooting leaves one dead\n\n" + STORY, "Dayton shooting leaves one dead")[
        0
    ].startswith("Related:")


def test_story_gallery_captions_and_playlist_entries_are_left_out() -> None:
    page = (
        STORY
        + "Image 8 of 14 A teen died after being shot in the head at a birthday party on the West Side.\n\n"
        "0:41 Woman dies crossing Clearwater in Kennewick after a pickup struck her near the mall.\n\n"
        "At 10:35 p.m. police closed the street, and at 11:05 p.m. detectives arrived at the scene.\n"
    )
    kept = spans_text(page, "Man killed in Dayton shooting")
    assert not any(line.startswith(("Image 8", "0:41")) for line in kept)
    assert kept[-1].startswith("At 10:35 p.m.")  # a clock time in a sentence is no playlist entry
    assert spans_text(STORY + "10:35 p.m. Police closed the street for the night.\n", None)[-1].startswith("10:35")


def test_story_headline_only_pages() -> None:
    form = (
        "Close Get email notifications on Pat Reporter daily!\n\nYour notification has been saved.\n\n"
        "Each time Pat Reporter writes a new story, a message with a link lands in your inbox."
    )
    promo = "Six Quiet Lakeside Cabins Up North Our pick of six quiet lakeside cabins for a long weekend away."
    title = "Woman dies from accidental gunshot wound in Elmtown"
    assert headline_only(form, title)
    assert headline_only(promo, title)
    assert headline_only(PLAYLIST, title)  # a playlist is no story, though its lines tell of deaths
    assert not headline_only(STORY, title)
    assert not headline_only(form + "\n\nDeputies said the woman was cleaning a rifle when it fired.", title)
    assert not headline_only(form, None)
    assert not headline_only(form, "   ")
    assert headline_only("", title)  # a failed fetch: the title is the only story the report tells


def test_story_war_report_is_no_headline_only_page() -> None:
    # review fix: a war report's body writes no word of gun crime, but it tells the story
    war = (
        "Azerbaijani artillery and drones struck positions near Berd on Monday. Two servicemen lost their lives "
        "and fourteen more were evacuated to the rear, the Armenian Ministry of Defense said. Baku claimed "
        "dozens of casualties among Armenian troops."
    )
    assert not headline_only(war, "Father and son hurt in Berd shelling")
    assert not headline_only("Rockets hit a market in Donetsk on Sunday, the city's mayor said.", "Market hit")
    promo = "Six Quiet Lakeside Cabins Up North Our pick of six quiet lakeside cabins for a long weekend away."
    assert headline_only(promo, "Father and son hurt in Berd shelling")  # still furniture
