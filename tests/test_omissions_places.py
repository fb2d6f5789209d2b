"""Place omissions keep places of the story, not geoparsing false positives (surnames, "Police", streets)."""

from __future__ import annotations

from rashomon.reconcile.actors import ActorIndex
from rashomon.reconcile.evidence import Report
from rashomon.reconcile.omissions import find_omissions
from rashomon.records import ActorMention, Article, ArticleAnalysis, Place


def _report(text: str, outlet: str, *names: str, event: str | None = None) -> Report:
    """A report of ``text`` whose places are the first mention of each name (all read as towns)."""
    article = Article.create(text, f"{outlet}.txt", outlet=outlet, published_at="2016-06-09")
    places = []
    for name in names:
        start = text.index(name)
        places.append(
            Place(name, start, start + len(name), name, "US", 40.0, -75.0, "town", geonameid=sum(map(ord, name)))
        )
    index = names.index(event) if event else None
    return Report(article, ArticleAnalysis(article.id, "test", places=places, event_place=index))


def _place_omissions(*reports: Report) -> set[str]:
    found = find_omissions(list(reports), ActorIndex(), [])
    return {d["fact"] for d in found if d["fact_type"] == "place"}


def test_omissions_places_surnames_are_no_place_facts() -> None:
    text = (
        "A teenager was shot dead near a school in Dorchester on Friday. Jacquay Howard, 21, was arrested in "
        "Houston. Adrian Perkins waived his hearing. Said Commissioner William Evans: it must stop. Durham "
        "was a rapper; a friend of Kevie Durham said."
    )
    a = _report(text, "Wire A", "Dorchester", "Howard", "Houston", "Adrian", "Evans", "Durham", event="Dorchester")
    b = _report("A teenager was shot dead on Friday, police said.", "Wire B")
    assert _place_omissions(a, b) == {"Dorchester", "Houston"}


def test_omissions_places_common_words_and_streets_are_no_place_facts() -> None:
    text = (
        "Police said two men were shot at 46 Washington Street in Lexington. The victim was a student at "
        "Burke High School. It happened on West 14th Street on March 20. Call the Boston Police Department."
    )
    a = _report(text, "Wire A", "Police", "Washington", "Lexington", "Burke", "West", "March", "Boston")
    b = _report("Two men were shot, police said.", "Wire B")
    assert _place_omissions(a, b) == {"Lexington", "Boston"}


def test_omissions_places_qualified_and_event_places_stay() -> None:
    text = "Aurora was quiet. The boy lived outside of Tyler, Texas, and Springfield police gave no names."
    a = _report(text, "Wire A", "Aurora", "Tyler", "Springfield", event="Aurora")
    b = _report("The boy was shot on Monday.", "Wire B")
    assert _place_omissions(a, b) == {"Aurora", "Tyler", "Springfield"}


def test_omissions_places_names_of_schools_funeral_homes_stations_and_actor_labels_are_no_place_facts() -> None:
    text = (
        "LITTLE ROCK, Ark. (KTHV) - A man was shot in Benton. He was taken to University of Chicago Hospital. "
        "The funeral is at the Jones-Preston Funeral Chapel. Police said the Cuyahoga County Medical Examiner "
        "named him."
    )
    a = _report(text, "Wire A", "KTHV", "Benton", "University", "Jones", "Police", "Cuyahoga County")
    police = text.index("Police")
    assert a.analysis is not None
    a.analysis.actors.append(ActorMention("Police", police, police + 6, "pol-US", "Police Forces of the US"))
    b = _report("A man was shot on Monday.", "Wire B")
    assert _place_omissions(a, b) == {"Benton", "Cuyahoga County"}
