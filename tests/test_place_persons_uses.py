"""People named like places with no title or given name before them: the text uses the name as a person's
(:func:`rashomon.extract.place_persons.person_mentions`, ``people_named`` and the relative / age / office cues)."""

from __future__ import annotations

import re

import pytest

from rashomon.extract.place_context import Toponym
from rashomon.extract.place_persons import person_mentions
from rashomon.extract.places import PlaceResolver

pytestmark = pytest.mark.slow  # loads the gazetteer


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(labels=["GPE"], country_bonus=3.0, admin_bonus=4.0, qualifier_bonus=4.0,
                         drop_speakers=True, keep_unresolved=True)


def _people(resolver: PlaceResolver, text: str, *names: str, named: tuple[str, ...] = ()) -> list[bool]:
    found = sorted((m.start(), m.end()) for n in names for m in re.finditer(rf"\b{re.escape(n)}\b", text))
    toponyms = [Toponym(text[s:e], s, e, resolver.lookup(text[s:e])) for s, e in found]
    return person_mentions(text, toponyms, named)


def test_place_persons_uses_relatives_age_and_administration(resolver: PlaceResolver) -> None:
    text = ("Since Obama took office, hopes rose. Much depends on what the Obama administration does. "
            "Kimbolton's spokesman said the budget is fair. Crolley's wife, Amelia, was detained. "
            "Marriott, 52, was found guilty.")
    assert _people(resolver, text, "Obama", "Kimbolton", "Amelia", "Marriott") == [True, True, True, True, True]
    places = ("Flooding hit Obama after the storm. The Obama city council met. Fargo's mayor spoke; Fargo, 52 "
              "miles north, was dry.")
    assert _people(resolver, places, "Obama", "Fargo") == [False, False, False, False]


def test_place_persons_uses_surnames_of_people_the_ner_found(resolver: PlaceResolver) -> None:
    text = "Simonyi will return to Earth 13 days later. Relatives watched the launch in Simonyi."
    assert _people(resolver, text, "Simonyi") == [False, False]
    assert _people(resolver, text, "Simonyi", named=("simonyi",)) == [True, False]  # "in Simonyi" is a place
    well_known = "Washington will host the summit."  # a well-known place stays one, whoever bears its name
    assert _people(resolver, well_known, "Washington", named=("washington",)) == [False]


def test_place_persons_uses_in_the_pipeline(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("U.S. billionaire Charles Simonyi blasted off on Saturday. Simonyi, a software designer, paid "
              "$35 million. Pawlenty's spokesman said the budget was fair.")
    assert [p.text for p in doc._.places if p.text in ("Simonyi", "Pawlenty")] == []
