"""Toponyms inside a person's name vote with half their weight (:mod:`rashomon.extract.place_context`)."""

from __future__ import annotations

import pytest

from rashomon.extract.place_context import Toponym, in_person_name, person_names
from rashomon.extract.places import PlaceResolver

pytestmark = pytest.mark.slow  # loads the gazetteer


def test_places_person_name_votes_less_but_institution_fully() -> None:
    """"Eugene" in "Eugene Rudd" is a given name: half its vote must not pull Columbia to Oregon; "Michigan" in
    "Michigan Court of Appeals" names the court's state and still pulls Jackson to Michigan."""
    resolver = PlaceResolver(labels=["GPE"], country_bonus=3.0, admin_bonus=4.0, qualifier_bonus=4.0,
                             drop_speakers=True, keep_unresolved=True)

    def resolved(text: str, *names: str) -> list[tuple[str | None, bool]]:
        toponyms = [Toponym(n, text.index(n), text.index(n) + len(n), resolver.lookup(n)) for n in names]
        votes = [not p for p in person_names(toponyms, text)]
        return [(p.admin1, v) for p, v in zip(resolver.resolve(toponyms, text), votes, strict=True)]

    columbia = "A man was shot in Columbia on Sunday. Police arrested Eugene Rudd."
    assert resolved(columbia, "Columbia", "Eugene") == [("SC", True), ("OR", False)]
    without_text = [Toponym(n, columbia.index(n), columbia.index(n) + len(n), resolver.lookup(n))
                    for n in ("Columbia", "Eugene")]
    assert resolver.resolve(without_text)[0].admin1 == "OR"  # the given name's full vote: Columbia, Oregon
    jackson = "A Jackson man was convicted. He plans to appeal to the Michigan Court of Appeals."
    assert resolved(jackson, "Jackson", "Michigan") == [("MI", True), ("MI", True)]
    assert in_person_name(columbia, columbia.index("Eugene"), columbia.index("Eugene") + 6)
    assert not in_person_name(jackson, jackson.index("Michigan"), jackson.index("Michigan") + 8)
