"""Constrained average linkage over candidate pairs.

Candidate pairs are visited from the highest score down (ties by row index, so the result does not
depend on the order articles were given in, once rows are in a canonical order). Each pair proposes
merging the two clusters it joins; the merge happens when

* the linkage score reaches the threshold: the *average* score over every cross pair of the two clusters
  (pairs that blocking did not propose are scored on demand), moved ``mix`` of the way towards the
  best cross pair (``mix`` 0: average linkage, 1: single linkage). Between the two, a follow-up that
  matches the reports it repeats, and not the ones it does not, still joins, while one strong link alone
  cannot chain two events;
* no cross pair is a cannot-link (incompatible dates or places, or a user's split);
* the clusters are not both frozen (events kept from earlier runs are not merged behind the user's
  back; new articles may still join them).

Must-link groups (a user's merge) start as one cluster.

A second pass (*rejoin*) then revisits the candidate pairs that still join two clusters, best first: when
the pair scores at least ``rejoin`` and the average over the two clusters' cross pairs reaches
``rejoin_average`` (lower than the threshold), under the same cannot-link and frozen rules, the two merge.
A follow-up that matches one report of an event strongly and the rest weakly (an arrest naming the victim
and the street; the first reports did not know them) ends up in the event rather than beside it.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

PairScore = Callable[[int, int], float]
CannotLink = Callable[[int, int], bool]


@dataclass
class Linkage:
    """The partition found: ``label[i]`` is the cluster root of row ``i``."""

    label: list[int]
    merges: int = 0
    refused_cannot_link: int = 0
    refused_average: int = 0
    rejoined: int = 0
    members: dict[int, list[int]] = field(default_factory=dict)

    def clusters(self) -> list[list[int]]:
        return [sorted(m) for _, m in sorted(self.members.items())]


class _Partition:
    def __init__(self, n: int, groups: Iterable[Sequence[int]], frozen: Iterable[Sequence[int]]) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.frozen: set[int] = set()
        frozen_groups = [list(g) for g in frozen]
        for group in frozen_groups + [list(g) for g in groups]:
            self._absorb(sorted(set(group)))
        for group in frozen_groups:
            if group:
                self.frozen.add(self.find(min(group)))

    def _absorb(self, group: list[int]) -> None:
        for other in group[1:]:
            a, b = self.find(group[0]), self.find(other)
            if a != b:
                self.union(a, b)

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> int:
        keep, drop = (a, b) if a < b else (b, a)
        self.parent[drop] = keep
        self.members[keep].extend(self.members.pop(drop))
        if drop in self.frozen:
            self.frozen.discard(drop)
            self.frozen.add(keep)
        return keep


def average_link(
    n: int,
    scores: dict[tuple[int, int], float],
    threshold: float,
    *,
    pair_score: PairScore,
    cannot: CannotLink,
    must_groups: Iterable[Sequence[int]] = (),
    frozen: Iterable[Sequence[int]] = (),
    mix: float = 0.0,
    rejoin: float | None = None,
    rejoin_average: float = 0.0,
) -> Linkage:
    """Cluster rows ``0..n-1`` from candidate ``scores`` (keys ``(i, j)`` with ``i < j``)."""
    part = _Partition(n, must_groups, frozen)
    heap = [(-s, i, j) for (i, j), s in scores.items() if s >= threshold]
    heapq.heapify(heap)
    result = Linkage(label=[])

    on_demand: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        found = scores.get(key)
        if found is None:
            found = on_demand.get(key)
            if found is None:
                found = on_demand[key] = pair_score(*key)
        return found

    def try_merge(i: int, j: int, minimum: float, link_mix: float) -> bool:
        a, b = part.find(i), part.find(j)
        if a == b or (a in part.frozen and b in part.frozen):
            return False
        left, right = sorted(part.members[a]), sorted(part.members[b])
        if any(cannot(x, y) for x in left for y in right):
            result.refused_cannot_link += 1
            return False
        cross = [score(x, y) for x in left for y in right]
        average = sum(cross) / len(cross)
        if average + link_mix * (max(cross) - average) < minimum:
            result.refused_average += 1
            return False
        part.union(a, b)
        return True

    while heap:
        _, i, j = heapq.heappop(heap)
        result.merges += try_merge(i, j, threshold, mix)
    if rejoin is not None:
        strong = sorted((-s, i, j) for (i, j), s in scores.items() if s >= rejoin)
        for _, i, j in strong:
            result.rejoined += try_merge(i, j, rejoin_average, 0.0)
    result.label = [part.find(i) for i in range(n)]
    result.members = {root: sorted(m) for root, m in part.members.items()}
    return result


def strongest_partner(row: int, members: Sequence[int], score: PairScore) -> tuple[int, float] | None:
    """The member of ``row``'s cluster it is most alike, with that score (``None`` when alone)."""
    best: tuple[int, float] | None = None
    for other in members:
        if other == row:
            continue
        s = score(min(row, other), max(row, other))
        if best is None or s > best[1] or (s == best[1] and other < best[0]):
            best = (other, s)
    return best
