"""Blocking: the candidate pairs worth scoring, so cost grows with the corpus, not with its square.

Two articles become a candidate pair when they share a key inside a date window:

* a place key (admin1 or a ~28 km grid cell of a geocoded place), a canonical actor, or one of the
  article's highest-weighted TF-IDF terms, within ``window_days`` of each other's event date (or
  publication date when no event date was extracted);
* a rare proper name (2..``name_max_df`` articles), within ``name_window_days``: follow-up reports
  (an arrest, a funeral, a trial) come weeks later but name the same victim or street.

A key shared by more than ``max_block`` articles inside one window is too common to say anything
(a big city on a busy week) and yields no pairs there. Each key's articles are sorted by day and paired
inside a sliding window, so the work per key is its size times the window occupancy.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence

from rashomon.cluster.features import ArticleFeatures
from rashomon.cluster.options import ClusterOptions

Pair = tuple[int, int]
NO_DAY = -(10**6)
"""Day given to undated articles: they only pair with each other."""


def blocking_keys(feat: ArticleFeatures, terms: Sequence[int]) -> tuple[list[str], list[str]]:
    """(keys blocked within the date window, keys blocked within the name window)."""
    near = [f"t:{t}" for t in terms] + [f"p:{k}" for k in feat.place_keys] + [f"a:{a}" for a in feat.actors]
    far = [f"n:{n}" for n in feat.names] + [f"r:{t}" for t in feat.rare_terms]
    far += [f"s:{a}" for a in feat.addresses]
    return sorted(near), sorted(far)


def _window_pairs(
    entries: list[tuple[int, int]], window: int, max_block: int, out: set[Pair], only: set[int] | None
) -> None:
    entries.sort()
    days = [d for d, _ in entries]
    for pos, (day, i) in enumerate(entries):
        end = bisect_right(days, day + window)
        start = bisect_right(days, day - window - 1)
        if end - start > max_block:
            continue
        for _, j in entries[pos + 1 : end]:
            if i == j or (only is not None and i not in only and j not in only):
                continue
            out.add((i, j) if i < j else (j, i))


def candidate_pairs(
    features: Sequence[ArticleFeatures],
    top_terms: Sequence[Sequence[int]],
    options: ClusterOptions,
    *,
    only: set[int] | None = None,
) -> list[Pair]:
    """Sorted candidate pairs ``(i, j)``, ``i < j``, of row indices into ``features``.

    With ``only``, just the pairs that involve at least one of those rows (new articles in an
    incremental run).
    """
    near: dict[str, list[tuple[int, int]]] = defaultdict(list)
    far: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, feat in enumerate(features):
        day = feat.day if feat.day is not None else NO_DAY
        near_keys, name_keys = blocking_keys(feat, top_terms[i])
        for key in near_keys:
            near[key].append((day, i))
        for key in name_keys:
            far[key].append((day, i))
    pairs: set[Pair] = set()
    for entries in near.values():
        if len(entries) > 1:
            _window_pairs(entries, options.window_days, options.max_block, pairs, only)
    for entries in far.values():
        if len(entries) > 1:
            _window_pairs(entries, options.name_window_days, options.max_block, pairs, only)
    return sorted(pairs)
