"""People named like places are no toponyms (:mod:`rashomon.extract.place_persons`)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from rashomon.extract.place_context import Toponym
from rashomon.extract.place_persons import given_names, person_mentions
from rashomon.extract.places import PlaceResolver

pytestmark = pytest.mark.slow  # loads the gazetteer


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(labels=["GPE"], country_bonus=3.0, admin_bonus=4.0, qualifier_bonus=4.0,
                         drop_speakers=True, keep_unresolved=True)


def _toponyms(resolver: PlaceResolver, text: str, *names: str) -> list[Toponym]:
    """One toponym per whole-word occurrence of each name, in text order."""
    found = [(m.start(), m.end()) for name in names for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
    return [Toponym(text[s:e], s, e, resolver.lookup(text[s:e])) for s, e in sorted(found)]


def _people(resolver: PlaceResolver, text: str, *names: str) -> list[tuple[str, bool]]:
    toponyms = _toponyms(resolver, text, *names)
    return [(t.text, person) for t, person in zip(toponyms, person_mentions(text, toponyms), strict=True)]


def test_place_persons_given_names_list_is_loaded() -> None:
    names = given_names()
    assert {"linda", "kyle", "harold", "elizabeth"} <= names
    assert not {"may", "june", "in", "will", "glen", "santa"} & names  # months, stop words, place particles


def test_place_persons_surname_after_title_or_given_name(resolver: PlaceResolver) -> None:
    text = ("Harold Patterson, former mayor, dies at 79. Mr. Sanford spoke in Columbia. Former State Sen. "
            "Vincent J. Fumo is to be sentenced. The storm hit Austin Texas.")
    assert _people(resolver, text, "Patterson", "Sanford", "Columbia", "Fumo", "Texas") == [
        ("Patterson", True), ("Sanford", True), ("Columbia", False), ("Fumo", True), ("Texas", False)]


def test_place_persons_given_name_before_a_surname(resolver: PlaceResolver) -> None:
    text = ("Patrol Commander Kyle Lanier said the lot is full, according to Linda Rinehart. Kyle Police "
            "closed the road. The Dallas Cowboys play in Arlington. Call the Trenton Crime Stoppers tip line. "
            "Two died at the Monroe Civic Center.")
    assert _people(resolver, text, "Kyle", "Linda", "Dallas", "Arlington", "Trenton", "Monroe") == [
        ("Kyle", True), ("Linda", True), ("Kyle", False), ("Dallas", False), ("Arlington", False),
        ("Trenton", False), ("Monroe", False)]


def test_place_persons_later_mentions_unless_they_read_as_places(resolver: PlaceResolver) -> None:
    text = ("A plea deal is discussed for Elizabeth Fairfield, a Lebanon woman. Fairfield's lawyers objected. "
            "The trial moves to a court in Fairfield. Fairfield County deputies will guard it. Gangs from the "
            "Fairfield area and ties to Fairfield and Lebanon gangs.")
    assert _people(resolver, text, "Fairfield", "Lebanon") == [
        ("Fairfield", True), ("Lebanon", False), ("Fairfield", True), ("Fairfield", False), ("Fairfield", False),
        ("Fairfield", False), ("Fairfield", False), ("Lebanon", False)]


def test_place_persons_not_output_but_vote_at_half_weight(resolver: PlaceResolver) -> None:
    """A person's name is no place of the output; it still votes as a name inside a person's (half)."""
    text = "Officers met Commander Kyle Lanier in Mansfield on Monday."
    toponyms = _toponyms(resolver, text, "Kyle", "Mansfield")
    assert person_mentions(text, toponyms) == [True, False]
    marked = [replace(toponyms[0], person=True), toponyms[1]]
    places = resolver.resolve(marked, text)
    assert [p.text for p in places] == ["Mansfield"]
    assert places[0].admin1 == "TX"  # Kyle, Texas still pulls Mansfield (it would go to Ohio without it)
    assert resolver.resolve(marked[1:], text)[0].admin1 != "TX"


def test_place_persons_title_and_first_name_and_chains(resolver: PlaceResolver) -> None:
    """"President Barack Obama" (a title, then a first name the list lacks); "Kyle McDermand"; a given name
    that is itself a town inside a person's name ("Nikki Lynn Barlow"), but not in a road's name."""
    text = ("President Barack Obama signed it. A pin of Kyle McDermand. Nikki Lynn Barlow, 18, was arrested "
            "on Old Alton Edwardsville Road. Obama spoke in Alton.")
    assert _people(resolver, text, "Obama", "Kyle", "Nikki", "Lynn", "Alton", "Edwardsville") == [
        ("Obama", True), ("Kyle", True), ("Nikki", True), ("Lynn", True), ("Alton", False),
        ("Edwardsville", False), ("Obama", True), ("Alton", False)]
