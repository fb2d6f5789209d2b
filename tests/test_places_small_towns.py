"""Small towns the NER reads as names ("shot in Charenton": ORG), recognised when the text names their state
(:func:`rashomon.extract.place_context.untagged_town`, ``PlaceResolver._with_small_towns``)."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.slow  # the full pipeline


def _places(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [(p.text, p.admin1) for p in nlp(text)._.places]


def test_places_small_towns_after_a_preposition_in_a_named_state(nlp: Language) -> None:
    text = ("A tribal officer was pronounced dead at the scene of the shootings in Charenton, while two deputies "
            "near a south Louisiana casino were critically wounded.")
    assert ("Charenton", "LA") in _places(nlp, text)
    resident = "Wilbert Thibodeaux, 48, of Charenton was taken into custody near a south Louisiana casino."
    assert ("Charenton", "LA") in _places(nlp, resident)


def test_places_small_towns_need_the_state_and_a_plain_name(nlp: Language) -> None:
    no_state = "A man was shot in Plaquemine, police said."
    assert "Plaquemine" not in [t for t, _ in _places(nlp, no_state)]
    with_state = "A man was shot in Plaquemine, Louisiana State Police said."
    assert ("Plaquemine", "LA") in _places(nlp, with_state)
    institution = "Texas officials said the children lived in Rice University housing."
    assert "Rice" not in [t for t, _ in _places(nlp, institution)]


def test_places_small_towns_postal_code_qualifies_as_the_state(nlp: Language) -> None:
    """"Summerville, SC": the gazetteer knows "SC" only as a Bolivian Santa Cruz; after a town and a comma a US
    postal code is the state, and settles the town."""
    text = "Sandy Gaddis Barnwell, 22, of Summerville, SC, was charged on Monday."
    places = _places(nlp, text)
    assert ("SC", "SC") in places
    assert ("Summerville", "SC") in places
