"""The offline gazetteer: lookups, precisions, curated aliases and the ruler patterns."""

from __future__ import annotations

import pytest

from rashomon.extract.gazetteer import (
    Gazetteer,
    area_names,
    curated_table,
    load_gazetteer,
    name_key,
    place_patterns,
)

pytestmark = pytest.mark.slow  # building the gazetteer takes seconds (once per process)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(("raw", "key"), [
    ("Laçın", "lacin"),
    ("Xankəndi", "xankendi"),
    ("Nagorno-Karabakh", "nagorno karabakh"),
    ("Côte d’Ivoire", "cote divoire"),
    ("Cote d'Ivoire", "cote divoire"),
    ("the Gaza Strip", "gaza strip"),
    ("U.S.", "u s"),
])
def test_gazetteer_name_key_folds_case_diacritics_and_punctuation(raw: str, key: str) -> None:
    assert name_key(raw) == key


@pytest.mark.parametrize("name", ["Lachin", "LACHIN", "Khankendi", "Stepanakert", "Xankəndi", "Shusha",
                                  "Shushi", "Aghdara", "Martakert", "Nagorno-Karabakh", "Artsakh",
                                  "Lachin corridor"])
def test_gazetteer_caucasus_names_resolve_in_azerbaijan(gaz: Gazetteer, name: str) -> None:
    best = gaz.lookup(name)[0].candidate
    assert best.country_code == "AZ"
    assert best.lat is not None and 38.5 < best.lat < 41.5
    assert best.lon is not None and 45.0 < best.lon < 48.0


def test_gazetteer_diacritics_reach_the_same_entry(gaz: Gazetteer) -> None:
    lachin = gaz.lookup("Lachin")[0].candidate
    assert lachin in [m.candidate for m in gaz.lookup("Laçın")]  # also Laçin, Turkey: context decides


def test_gazetteer_stepanakert_is_khankendi(gaz: Gazetteer) -> None:
    assert gaz.lookup("Stepanakert")[0].candidate.geonameid == gaz.lookup("Khankendi")[0].candidate.geonameid


@pytest.mark.parametrize(("name", "precision", "country"), [
    ("Paris", "town", "FR"),
    ("Illinois", "admin1", "US"),
    ("Tarrant County", "admin2", "US"),
    ("Azerbaijan", "country", "AZ"),
    ("U.S.", "country", "US"),
    ("Ill.", "admin1", "US"),
    ("Nagorno-Karabakh", "region", "AZ"),
    ("Gaza Strip", "region", "PS"),
])
def test_gazetteer_best_candidate_precision(gaz: Gazetteer, name: str, precision: str, country: str) -> None:
    best = gaz.lookup(name)[0].candidate
    assert (best.precision, best.country_code) == (precision, country)


def test_gazetteer_city_outranks_its_namesake_area(gaz: Gazetteer) -> None:
    assert gaz.lookup("Kirkuk")[0].candidate.feature == "P"
    assert gaz.lookup("Basra")[0].candidate.feature == "P"


def test_gazetteer_paris_has_texan_candidate(gaz: Gazetteer) -> None:
    texas = [m.candidate for m in gaz.lookup("Paris") if m.candidate.admin1 == "TX"]
    assert texas and texas[0].lat is not None and abs(texas[0].lat - 33.66) < 0.1


def test_gazetteer_unknown_name_has_no_candidates(gaz: Gazetteer) -> None:
    assert gaz.lookup("Qwzxplorbia") == []


def test_gazetteer_area_names_strip_generic_words() -> None:
    assert area_names("Basra Governorate") == ["Basra Governorate", "Basra"]
    assert area_names("Muhafazat Kirkuk") == ["Muhafazat Kirkuk", "Kirkuk"]
    assert area_names("Ohio") == ["Ohio"]


def test_gazetteer_curated_entries_are_documented() -> None:
    table = curated_table()
    assert table["about"]
    for entry in table["places"]:
        assert entry["note"], entry["name"]
        assert -90 <= entry["lat"] <= 90 and -180 <= entry["lon"] <= 180
        assert entry["feature"] in {"P", "A1", "A2", "L", "PCL"}


def test_gazetteer_place_patterns_skip_common_words_keep_curated(gaz: Gazetteer) -> None:
    patterns = place_patterns(min_population=100_000, common_words={"reading", "mobile", "lachin"})
    surfaces = {p["pattern"] for p in patterns}
    labels = {p["pattern"]: p["label"] for p in patterns}
    assert "Reading" not in surfaces and "Mobile" not in surfaces
    assert "Lachin" in surfaces  # curated names are always kept
    assert labels["Nagorno-Karabakh"] == "LOC" and labels["Khankendi"] == "GPE"
    assert "Sri Lanka" in surfaces  # multi-word names are kept even when famous
    assert len(patterns) < len(place_patterns(min_population=15_000))


def test_gazetteer_area_position_ignores_outlying_places() -> None:
    """An area is placed by the box around its cities without the outermost 5% on each side: one far
    island town (an Aleutian village) does not drag the state's point."""
    from rashomon.extract.gazetteer import _Area

    area = _Area()
    for i in range(40):
        area.add(40.0 + i * 0.05, -90.0 - i * 0.05, 1_000, "XX")
    area.add(52.0, -175.0, 100, "XX")
    lat, lon = area.position
    assert 40.0 <= lat <= 42.0
    assert -92.0 <= lon <= -90.0
    assert area.code == "XX"
    assert area.population == 40_100


def test_gazetteer_us_states_carry_their_geonames_id(gaz: Gazetteer) -> None:
    states = {m.candidate.name: m.candidate for name in ("Texas", "Ohio", "Virginia")
              for m in gaz.lookup(name) if m.candidate.feature == "A1" and m.candidate.country_code == "US"}
    assert {name: c.geonameid for name, c in states.items()} == {
        "Texas": 4736286, "Ohio": 5165418, "Virginia": 6254928}
