"""The gazetteer's disk cache: round trip, stale and corrupt files rebuilt, same lookups as the built one."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from rashomon.errors import ExtractError
from rashomon.extract.gazetteer import Candidate, Gazetteer, build_gazetteer
from rashomon.extract.gazetteer_cache import FILE_NAME, decode, encode, load_or_build, read_cache, write_cache


def small_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    gaz.add(Candidate(name="Springfield", country_code="US", lat=39.8, lon=-89.64, population=116_250,
                      feature="P", geonameid=4250542, admin1="IL", capital=False), ["Springfield"])
    gaz.add(Candidate(name="Illinois", country_code="US", lat=40.0, lon=-89.2, population=12_800_000,
                      feature="A1", admin1="IL", source="subdivision"), ["Illinois", "Ill."])
    position = gaz.add(Candidate(name="Ağdam", country_code="AZ", lat=40.0, lon=46.99, population=0,
                                 feature="P", source="alias"), ["Ağdam", "Aghdam"])
    gaz.add_names(position, ["Akna"])
    gaz.ruler_names.update({"Aghdam", "Ağdam"})
    return gaz


class Builds:
    """A build function that counts its calls."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.calls = 0

    def __call__(self) -> Gazetteer:
        self.calls += 1
        return self.gaz


def assert_same(one: Gazetteer, other: Gazetteer, names: list[str]) -> None:
    assert one.entries == other.entries
    assert dict(one.index) == dict(other.index)
    assert one.primary == other.primary
    assert one.ruler_names == other.ruler_names
    for name in names:
        assert one.lookup(name) == other.lookup(name)


def test_gazetteer_cache_round_trip_gives_the_same_lookups(tmp_path: Path) -> None:
    gaz = small_gazetteer()
    write_cache(tmp_path / FILE_NAME, "key-1", gaz)
    loaded = read_cache(tmp_path / FILE_NAME, "key-1")
    assert_same(loaded, gaz, ["Springfield", "ill", "AGDAM", "Akna", "Paris"])
    assert [m.candidate.name for m in loaded.lookup("aghdam")] == ["Ağdam"]
    assert "Springfield" in loaded and "Paris" not in loaded
    loaded.add(Candidate(name="Paris", country_code="FR", lat=48.85, lon=2.35, population=2_100_000,
                         feature="P"), ["Paris"])  # the index stays a defaultdict: the loaded one grows too
    assert [m.candidate.name for m in loaded.lookup("Paris")] == ["Paris"]


def test_gazetteer_cache_second_load_reads_the_file(tmp_path: Path) -> None:
    build = Builds(small_gazetteer())
    first = load_or_build(build, directory=tmp_path, key="key-1")
    second = load_or_build(build, directory=tmp_path, key="key-1")
    assert build.calls == 1
    assert (tmp_path / FILE_NAME).is_file()
    assert_same(second, first, ["Springfield", "Illinois"])


def test_gazetteer_cache_stale_key_rebuilds(tmp_path: Path) -> None:
    write_cache(tmp_path / FILE_NAME, "old-key", small_gazetteer())
    with pytest.raises(ExtractError, match="stale") as caught:
        read_cache(tmp_path / FILE_NAME, "new-key")
    assert caught.value.reason == "X005"
    build = Builds(small_gazetteer())
    load_or_build(build, directory=tmp_path, key="new-key")
    assert build.calls == 1
    read_cache(tmp_path / FILE_NAME, "new-key")  # rewritten under the new key


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "other marshal data"])
def test_gazetteer_cache_corrupt_file_rebuilds(tmp_path: Path, damage: str) -> None:
    path = tmp_path / FILE_NAME
    write_cache(path, "key-1", small_gazetteer())
    content = path.read_bytes()
    damaged = {"truncate": content[: len(content) // 2], "garbage": b"\x00\xffnot marshal" * 50,
               "empty": b"", "other marshal data": marshal.dumps(("a tuple", 6, [], {}, [], []))}[damage]
    path.write_bytes(damaged)
    with pytest.raises(ExtractError) as caught:
        read_cache(path, "key-1")
    assert caught.value.reason == "X005"
    build = Builds(small_gazetteer())
    rebuilt = load_or_build(build, directory=tmp_path, key="key-1")
    assert build.calls == 1
    assert_same(read_cache(path, "key-1"), rebuilt, ["Springfield"])


def test_gazetteer_cache_missing_file_is_an_x005(tmp_path: Path) -> None:
    with pytest.raises(ExtractError) as caught:
        read_cache(tmp_path / FILE_NAME, "key-1")
    assert caught.value.reason == "X005"


def test_gazetteer_cache_unwritable_folder_still_returns_the_gazetteer(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    build = Builds(small_gazetteer())
    gaz = load_or_build(build, directory=blocker, key="key-1")
    assert build.calls == 1 and gaz is build.gaz


@pytest.mark.slow
def test_gazetteer_cache_real_gazetteer_same_as_built(tmp_path: Path) -> None:
    built = build_gazetteer()
    loaded = decode(encode(built, "key-1"), "key-1", tmp_path / FILE_NAME)
    assert_same(loaded, built, ["Springfield", "Paris, Texas", "Nagorno-Karabakh", "Aghdara", "Washington",
                                "Basra", "Ill.", "Lachin corridor", "Sri Lanka", "Stepanakert"])
    assert len(loaded.entries) > 200_000
