"""Counts as written: number words, digits, ranges, open bounds and vague quantities."""

from __future__ import annotations

import pytest

from rashomon.errors import ExtractError
from rashomon.extract.numbers import find_counts, parse_count, word_number


@pytest.mark.parametrize(
    ("text", "low", "high", "vague"),
    [
        ("two", 2, 2, False),
        ("14", 14, 14, False),
        ("a", 1, 1, False),
        ("an", 1, 1, False),
        ("one", 1, 1, False),
        ("at least one", 1, None, False),
        ("more than 20", 21, None, False),
        ("up to 5", 1, 5, False),
        ("between 3 and 5", 3, 5, False),
        ("three to five", 3, 5, False),
        ("3-5", 3, 5, False),
        ("dozens", 12, None, True),
        ("several", 3, 9, True),
        ("scores", 20, None, True),
        ("hundreds", 100, None, True),
        ("a dozen", 12, 12, True),
        ("two dozen", 24, 24, False),
        ("more than a dozen", 13, None, True),
        ("a number of", 2, None, True),
        ("a few", 2, 5, True),
        ("twenty-one", 21, 21, False),
        ("one hundred and five", 105, 105, False),
        ("1,200", 1200, 1200, False),
        ("no one", 0, 0, False),
        ("about 30", 30, 30, True),
    ],
)
def test_numbers_parse_count_table(text: str, low: int, high: int | None, vague: bool) -> None:
    count = parse_count(text)
    assert (count.count_min, count.count_max, count.vague) == (low, high, vague)


def test_numbers_best_is_stated_number_for_up_to_and_lower_bound_otherwise() -> None:
    assert parse_count("up to 5").best == 5
    assert parse_count("at least two").best == 2
    assert parse_count("dozens").best == 12


def test_numbers_word_number_rejects_non_numbers() -> None:
    assert word_number("thirty-seven") == 37
    with pytest.raises(ExtractError) as info:
        word_number("banana")
    assert info.value.reason == "X003"


def test_numbers_parse_count_rejects_text_that_is_not_one_count() -> None:
    with pytest.raises(ExtractError):
        parse_count("soldiers were killed")


def test_numbers_find_counts_gives_offsets_and_skips_ages() -> None:
    text = "killing 6 civilians and wounding at least 14 others, a 23-year-old among them"
    found = find_counts(text, offset=100)
    spans = [(m.text, m.start - 100, m.end - 100) for m in found]
    assert ("6", 8, 9) in spans
    assert ("at least 14", 33, 44) in spans
    assert all(not m.text.startswith("23") for m in found)
    for match in found:
        assert text[match.start - 100 : match.end - 100] == match.text
