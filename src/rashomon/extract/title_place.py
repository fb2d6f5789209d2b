"""The place a headline names, for reports whose text names none.

Many crawled pages keep the headline but lose the story ("Four teens shot after party in St. Louis" over a
page of newsletter prompts). :func:`title_place` finds the headline's toponyms without a parse: runs of up to
:data:`MAX_WORDS` capitalised words whose folded form is the *main* name of a town of at least
:data:`MIN_POPULATION` people, or of an admin area or country (an alternate name such as "Boy" for
Bobo-Dioulasso, a hamlet called "Hunting" or a stop word never count). The found names are resolved together
by the place resolver (so "Memphis, Tennessee" qualifies, and "Helena" is the biggest Helena when nothing
else is named) and :func:`rashomon.extract.event_place.main_place` picks one, a town over its state.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise

from spacy.lang.en.stop_words import STOP_WORDS

from rashomon.extract.event_place import NEWS_WORDS, main_place
from rashomon.extract.gazetteer import Match, name_key
from rashomon.extract.place_context import Toponym
from rashomon.extract.places import ADMIN_BONUS, COUNTRY_BONUS, QUALIFIER_BONUS, PlaceResolver
from rashomon.records import Place

MAX_WORDS = 3
"""Longest headline name looked up ("Fort Worth", "Leflore County", "Salt Lake City")."""
MIN_POPULATION = 5_000
"""Smallest town a headline word may name: headline words such as "Four" or "Hunting" are hamlets too."""
_AREA_FEATURES = frozenset({"A1", "A2", "PCL"})
_WORD = re.compile(r"[A-Z][\w.'’-]*[\w.]|[A-Z]")
"""A capitalised word with its inner punctuation ("St.", "DeKalb", "Winston-Salem")."""


@lru_cache(maxsize=1)
def _resolver() -> PlaceResolver:
    """The place component's resolver with its default settings (built once; the gazetteer loads lazily)."""
    return PlaceResolver(labels=("GPE", "LOC"), country_bonus=COUNTRY_BONUS, admin_bonus=ADMIN_BONUS,
                         qualifier_bonus=QUALIFIER_BONUS, drop_speakers=False, keep_unresolved=False)


def headline_toponyms(title: str, resolver: PlaceResolver) -> list[Toponym]:
    """The toponyms of ``title`` in text order, longest names first where they overlap; a name right after
    another and a comma qualifies it ("Memphis, Tennessee")."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(title)]
    found: list[tuple[int, int, tuple[Match, ...]]] = []
    i = 0
    while i < len(words):
        for size in range(min(MAX_WORDS, len(words) - i), 0, -1):
            start, end = words[i][0], words[i + size - 1][1]
            if size > 1 and not _one_run(title, words[i:i + size]):
                continue
            matches = _named(title[start:end], resolver)
            if matches:
                found.append((start, end, matches))
                i += size
                break
        else:
            i += 1
    toponyms = []
    for k, (start, end, matches) in enumerate(found):
        after = found[k + 1] if k + 1 < len(found) else None
        before = found[k - 1] if k > 0 else None
        qualifier = after[2] if after and title[end:after[0]].strip() == "," else ()
        qualified = before[2] if before and title[before[1]:start].strip() == "," else ()
        toponyms.append(Toponym(title[start:end], start, end, matches, qualifier, qualified))
    return toponyms


def _one_run(title: str, words: Sequence[tuple[int, int]]) -> bool:
    """The words stand next to each other, separated by single spaces only."""
    return all(title[a[1]:b[0]] == " " for a, b in pairwise(words))


def _named(name: str, resolver: PlaceResolver) -> tuple[Match, ...]:
    """The gazetteer matches of ``name`` when it is the main name of a town or area worth naming in a
    headline (see the module docstring), else none."""
    folded = name.casefold()
    if folded in STOP_WORDS or folded in NEWS_WORDS or len(name.rstrip(".")) < 3:
        return ()
    matches = resolver.lookup(name)
    key = name_key(name)
    worth = any(m.primary and name_key(m.candidate.name) == key and (
        m.candidate.feature in _AREA_FEATURES or m.candidate.population >= MIN_POPULATION) for m in matches)
    return matches if worth else ()


def title_place(titles: Iterable[str | None]) -> Place | None:
    """The event place that the headlines name (the first headline that names one), or ``None``."""
    resolver = _resolver()
    for title in titles:
        if not title:
            continue
        places = resolver.resolve(headline_toponyms(title, resolver))
        best = main_place(places)  # no text checks: a title-case headline capitalises every word
        if best is not None:
            return places[best]
    return None
