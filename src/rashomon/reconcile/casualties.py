"""Casualty figures of several reports aligned into slots (kind × side), each with low/best/high.

The rule (``docs/reconcile.md`` explains it with examples):

1. **Slots.** Figures start grouped by kind and side (the canonical actor of the people counted).
2. **Unknown sides join.** A figure whose side is unknown joins the one known-side slot of its kind whose
   figures it is compatible with (overlapping ranges); with none or several it stays in an unknown-side slot.
3. **Aligned sides.** Reports name the same dead differently ("Armenian soldiers", "servicemen of the Artsakh
   Defense Army"), so two slots of one kind merge when reports *other than each other* give the same number
   (≥ 2) for them, unless the event's own mentions set the two actors against each other (initiator vs
   target) or one report gives that same number for both sides separately.
4. **low/best/high.** ``low`` is the smallest lower bound any claim states, ``high`` the largest number any
   claim states (an open-ended "at least 2" states 2). ``best`` is the exact figure (not vague, not a range,
   not open-ended) backed by the most independent claimants, where "at least N" backs N; it must be stated
   by an unhedged claim or backed by two independent claimants, so a vague ("dozens") or a lone hedged
   one-sided claim bounds the range but is never ``best``. Ties go to the lower figure (ACLED's
   conservative convention).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rashomon.reconcile.evidence import FigureClaim

MIN_ALIGN_VALUE = 2
"""Sides are aligned on a shared figure only from this value up: "one killed" on two sides is common."""


@dataclass
class Slot:
    """The figures of one kind for one side, from every report that carries them."""

    kind: str
    figures: list[FigureClaim] = field(default_factory=list)

    @property
    def side_keys(self) -> set[str]:
        return {f.side_key for f in self.figures if f.side_key}

    @property
    def side(self) -> str | None:
        """The side's name as most figures give it (first seen on a tie); None when no figure names it."""
        names = Counter(f.side for f in self.figures if f.side)
        return names.most_common(1)[0][0] if names else None

    @property
    def side_names(self) -> list[str]:
        return list(dict.fromkeys(f.side for f in self.figures if f.side))

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(f.article_id for f in self.figures))

    def estimate(self) -> tuple[int | None, int | None, int | None, str]:
        """``(low, best, high, basis)``, basis being one sentence on how ``best`` was chosen."""
        lows = [f.count_min for f in self.figures if f.count_min is not None]
        highs = [u for f in self.figures if (u := f.upper) is not None]
        low, high = (min(lows) if lows else None), (max(highs) if highs else None)
        ranked = sorted(
            (
                (len(backers), -value, value)
                for value, backers in self._backing().items()
                if self._eligible(value, backers)
            ),
            reverse=True,
        )
        if not ranked:
            return low, None, high, "no exact, unhedged or corroborated figure"
        count, _, best = ranked[0]
        return low, best, high, f"{best} is stated or backed by {count} independent claimant(s)"

    def _backing(self) -> dict[int, set[str]]:
        """Exact figures -> the claimants that state them or their open-ended lower bound."""
        backing: dict[int, set[str]] = {f.exact: set() for f in self.figures if f.exact is not None}
        for f in self.figures:
            stated = (
                f.exact
                if f.exact is not None
                else (f.count_min if f.count_max is None and not f.vague else None)
            )
            if stated in backing:
                backing[stated].add(f.claimant_key)
        return backing

    def _eligible(self, value: int, backers: set[str]) -> bool:
        firm = any(f.exact == value and not f.hedged for f in self.figures)
        return firm or len(backers) >= 2

    def to_dict(self) -> dict[str, Any]:
        low, best, high, basis = self.estimate()
        return {
            "kind": self.kind,
            "side": self.side,
            "side_names": self.side_names,
            "low": low,
            "best": best,
            "high": high,
            "basis": basis,
            "articles": self.articles,
            "claims": [f.record for f in self.figures],
        }


def compatible(a: FigureClaim, b: FigureClaim) -> bool:
    """Whether two figures' ranges overlap (an open-ended range reaches to infinity)."""
    a_lo, b_lo = a.count_min or 0, b.count_min or 0
    a_hi = a.count_max if a.count_max is not None else float("inf")
    b_hi = b.count_max if b.count_max is not None else float("inf")
    return a_lo <= b_hi and b_lo <= a_hi


def stated(figure: FigureClaim) -> int | None:
    """The single number a figure states: the exact figure, or N of a non-vague "at least N"."""
    if figure.exact is not None:
        return figure.exact
    return figure.count_min if figure.count_max is None and not figure.vague else None


def _initial_slots(figures: Iterable[FigureClaim]) -> tuple[list[Slot], list[FigureClaim]]:
    slots: dict[tuple[str, str], Slot] = {}
    unknown = []
    for figure in figures:
        if figure.side_key is None:
            unknown.append(figure)
            continue
        slots.setdefault((figure.kind, figure.side_key), Slot(figure.kind)).figures.append(figure)
    return list(slots.values()), unknown


def _place_unknown(slots: list[Slot], unknown: list[FigureClaim]) -> list[Slot]:
    """Step 2: unknown-side figures join the single compatible known slot of their kind."""
    leftovers: dict[str, Slot] = {}
    for figure in unknown:
        fits = [s for s in slots if s.kind == figure.kind and any(compatible(figure, f) for f in s.figures)]
        if len(fits) == 1:
            fits[0].figures.append(figure)
        else:
            leftovers.setdefault(figure.kind, Slot(figure.kind)).figures.append(figure)
    return slots + list(leftovers.values())


def _may_align(a: Slot, b: Slot, opposed: set[frozenset[str]]) -> bool:
    if a.kind != b.kind or not a.side_keys or not b.side_keys:
        return False
    if any(frozenset((x, y)) in opposed for x in a.side_keys for y in b.side_keys):
        return False
    for fa in a.figures:
        value = stated(fa)
        if value is None or value < MIN_ALIGN_VALUE:
            continue
        others = [fb for fb in b.figures if stated(fb) == value]
        if others and all(fb.article_id != fa.article_id for fb in others) and not _both_in_one(a, b, value):
            return True
    return False


def _both_in_one(a: Slot, b: Slot, value: int) -> bool:
    """Whether one report gives ``value`` for both slots separately (then they are different people)."""
    in_a = {f.article_id for f in a.figures if stated(f) == value}
    return any(f.article_id in in_a for f in b.figures if stated(f) == value)


def _align(slots: list[Slot], opposed: set[frozenset[str]]) -> list[Slot]:
    """Step 3: merge slots of one kind that reports other than each other give the same number for."""
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(slots):
            for b in slots[i + 1 :]:
                if _may_align(a, b, opposed):
                    a.figures.extend(b.figures)
                    slots.remove(b)
                    merged = True
                    break
            if merged:
                break
    return slots


def build_slots(figures: list[FigureClaim], opposed: set[frozenset[str]] | None = None) -> list[Slot]:
    """The casualty slots of an event, in a stable order (kind, then side name); figures in report order."""
    order = {article_id: n for n, article_id in enumerate(dict.fromkeys(f.article_id for f in figures))}
    slots, unknown = _initial_slots(figures)
    slots = _align(_place_unknown(slots, unknown), opposed or set())
    for slot in slots:
        slot.figures.sort(
            key=lambda f: (order[f.article_id], f.record["start"], f.record.get("value_start") or 0)
        )
    return sorted(slots, key=lambda s: (s.kind, s.side is None, s.side or ""))
