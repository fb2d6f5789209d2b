"""Casualty figures of several reports aligned into slots (kind × side), each with low/best/high.

The rule (``docs/reconcile.md`` explains it with examples):

0. **Other days.** A figure whose claim names only days before the event's date (and before the date its
   own report gives the event) is about an earlier incident ("on Tuesday ... one injured" in a report of
   Wednesday's clash): it goes to the event's ``casualties_other_dates``, never into a slot of the event.
   Later days stay (the wounded die later, tolls are confirmed later).
1. **Slots.** Figures start grouped by kind and side (the canonical actor of the people counted).
2. **Unknown sides join.** A figure whose side is unknown joins the known-side slot of its kind whose range
   contains its number when exactly one slot does among the slots its own report gives figures for, else
   exactly one among all the event's slots. With no known-side slot of its kind it is that kind's
   unknown-side slot; otherwise it is kept apart (``casualties_unassigned``) and never added to totals,
   since it may count people a known-side slot already counts.
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
5. **One side, counted per report.** When a kind has a single slot and no figure names a side (local
   crime reports: "two men were shot ... one of them died"), or the event's slots name one side only
   (:func:`one_sided`: "their wounds are not life-threatening, police said" gives the police as the
   side of the wounded; there is no other party to keep apart), each report's figures of the slot are first
   counted as the report's own total (:func:`rashomon.extract.casualty_counts.article_counts`: each person
   once across re-mentions, the shot who died are not injured, partial mentions add up). ``best`` is the
   total most reports give (reports giving 0 vote only when all do, or, for the dead, when the report
   counts people hurt: its 0 is a count, not a silence; ties to the highest total some report states
   whole, else the lower: :func:`rashomon.reconcile.tie_votes.whole_on_a_tie`; a report that counts
   people hurt and no death at all, published no earlier than every report of a death, counts 0
   dead unless some headline tells of a death; where one does, reports written before it vote their
   survivors only (a count of the hurt that a report of the deaths gives too votes as it is):
   :func:`rashomon.reconcile.death_votes.injured_after_the_deaths`; a later report headlined with a death
   since, "Another dead in ... shooting", supersedes the lower tolls of the reports written before it and
   their wounded lose those who died: :mod:`rashomon.reconcile.death_updates`; where every report's hurt are
   at most the event's dead and named as persons only, the reports of the deaths that count no hurt vote 0
   injured when they outnumber them: :func:`rashomon.reconcile.death_votes.no_hurt_beside_the_dead`), and
   ``low``/``high`` widen to hold it. A report's "one of the 18-year-olds was shot" then no longer outvotes
   its own "four people were wounded".
6. **Headlines.** A report whose headline states a count of the slot's kind ("2 dead, 3 injured in shooting
   outside club", "4 shot, one fatally": :func:`rashomon.extract.headline.headline_counts`, numbers only,
   never a tally of several incidents) gives that count as its total in step 5, and its vote weighs
   :data:`HEADLINE_WEIGHT`: the headline is the outlet's summary of the toll, while crawled pages rarely
   repeat it in the text the extraction reads. Measured on odd GVA incident ids with gold clusters
   (``rashomon eval clustering --dataset gva-records``): killed 0.834 -> 0.848, injured 0.715 -> 0.753.
   The count is the title's toll (:func:`rashomon.extract.headline.title_toll`, eleventh session): its
   explicit counts, and on a headline-only page (a form, a promo: no word of the event in the kept text)
   also the implied ones ("Woman dies from accidental gunshot wound": 1 killed).
   A kind that no figure of the event gives but a headline counts gets a side-less slot of its own
   (:func:`headline_slots`) with no claims: its ``headlines`` list the titles that state it.

7. **Roundups.** A report that tells of several incidents (:mod:`rashomon.reconcile.roundups`: its headline
   or a sentence before its first turn counts several incidents, "two separate shootings", and a sentence
   opens with a turn to another one, "The second shooting ...", "In an unrelated incident") counts in
   step 5 only the figures of the incident it leads with: those before the first turn, less the tally
   sentences. Its other figures stay in the slot (they bound low/high) but are not the report's total.
   A page that names several incidents with no turn between them ("Boy, 2 men injured in Baltimore
   shootings": :func:`rashomon.reconcile.roundups.page_roundup`) does not vote a total above another
   report's (:func:`page_totals_apart`).

Figures outside the page's main story (:mod:`rashomon.extract.story`: link lists, related-story teasers,
gallery captions, playlists) never reach the slots (:func:`rashomon.reconcile.evidence.figure_claims`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rashomon.extract.casualty_counts import article_counts
from rashomon.extract.headline import title_toll
from rashomon.reconcile.added_victims import lower_counts_apart
from rashomon.reconcile.death_updates import killed_totals, the_update, tolls_before, wounded_before
from rashomon.reconcile.death_votes import (
    injured_after_the_deaths,
    no_hurt_beside_the_dead,
    silent_on_deaths,
    zero_deaths_counted,
)
from rashomon.reconcile.evidence import FigureClaim, Report
from rashomon.reconcile.roundups import event_figures, page_roundup
from rashomon.reconcile.tie_votes import whole_on_a_tie, whole_over_mentions
from rashomon.records import CasualtyFigure

HEADLINE_WEIGHT = 2
"""Votes of a report total its headline states (step 5): the outlet's own summary of the toll."""
MIN_ALIGN_VALUE = 2
"""Sides are aligned on a shared figure only from this value up: "one killed" on two sides is common."""


@dataclass
class Slot:
    """The figures of one kind for one side, from every report that carries them."""

    kind: str
    figures: list[FigureClaim] = field(default_factory=list)
    report_totals: dict[str, int] = field(default_factory=dict)  # article id -> its own count (step 5)
    headline_totals: set[str] = field(default_factory=set)  # articles whose count is their headline's
    headlines: dict[str, str] = field(default_factory=dict)  # article id -> its headline (rule 6)
    zero_counts: set[str] = field(default_factory=set)  # articles whose total 0 is a count (step 5)
    titles: dict[str, str] = field(default_factory=dict)  # article id -> its title (step 5's tie rule)
    dead_beside: int = 0  # the event's dead, beside an injured slot counted per report (step 5's tie rule)

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
        return list(dict.fromkeys([*(f.article_id for f in self.figures), *self.headlines]))

    def estimate(self) -> tuple[int | None, int | None, int | None, str]:
        """``(low, best, high, basis)``, basis being one sentence on how ``best`` was chosen."""
        lows = [f.count_min for f in self.figures if f.count_min is not None]
        highs = [u for f in self.figures if (u := f.upper) is not None]
        low, high = (min(lows) if lows else None), (max(highs) if highs else None)
        if self.report_totals:
            return self._by_report_totals(low, high)
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

    def _by_report_totals(self, low: int | None, high: int | None) -> tuple[int | None, int, int | None, str]:
        """Step 5: the total most reports give (non-zero totals first; ties by :func:`whole_on_a_tie`)."""
        totals = list(self.report_totals.values())
        weights: Counter[int] = Counter()
        for article_id, total in self.report_totals.items():
            weights[total] += self.weight(article_id)
        votes = Counter({t: w for t, w in weights.items() if t > 0})
        zeros = sum(self.weight(a) for a in self.zero_counts)
        if zeros:
            votes[0] = zeros
        votes = votes or weights
        best, _ = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        best = whole_over_mentions(self, votes, whole_on_a_tie(self, votes, best))
        count = totals.count(best)
        low = best if low is None else min(low, best)
        high = best if high is None else max(high, best)
        heads = sum(1 for a, t in self.report_totals.items() if t == best and a in self.headline_totals)
        how = f", {heads} in the headline" if heads else ""
        return low, best, high, f"{best} is the count {count} report(s) give{how}, each person counted once"

    def weight(self, article_id: str) -> int:
        """The votes a report's total weighs in step 5: :data:`HEADLINE_WEIGHT` when its headline states it."""
        return HEADLINE_WEIGHT if article_id in self.headline_totals else 1

    def count_headline(self, report: Report, count: int) -> None:
        """Rule 6: ``count``, stated by the report's headline, is the report's total."""
        self.report_totals[report.id] = count
        self.headline_totals.add(report.id)
        self.headlines[report.id] = report.article.title or ""

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
            "dates": sorted({d for f in self.figures for d in f.dates}),
            "claims": [f.record for f in self.figures],
            "headlines": [
                {"article": a, "text": title, "count": self.report_totals.get(a)} for a, title in self.headlines.items()
            ],
        }


def compatible(a: FigureClaim, b: FigureClaim) -> bool:
    """Whether two figures' ranges overlap (an open-ended range reaches to infinity)."""
    a_lo, b_lo = a.count_min or 0, b.count_min or 0
    a_hi = a.count_max if a.count_max is not None else float("inf")
    b_hi = b.count_max if b.count_max is not None else float("inf")
    return a_lo <= b_hi and b_lo <= a_hi


@dataclass
class SlotSet:
    """The slots of an event, the side-less figures kept out of them, and the slots of other days."""

    slots: list[Slot]
    unassigned: list[Slot] = field(default_factory=list)
    other_dates: list[Slot] = field(default_factory=list)


def on_event_date(figure: FigureClaim, event_date: str | None) -> bool:
    """Whether a figure may count for the event: its claim names no day, or the event's day, or the day its
    own report gives the event, or a later day (the wounded die later, tolls are confirmed later). Only a
    figure whose named days all precede the event is about another, earlier incident."""
    if event_date is None or not figure.dates:
        return True
    first = min(d for d in (event_date, figure.report_date) if d)
    return any(day >= first for day in figure.dates)


def _stated_range(figure: FigureClaim) -> tuple[int, int]:
    """The numbers a figure states: its range, an open-ended "at least N" stating N."""
    low = figure.count_min or 0
    return low, figure.count_max if figure.count_max is not None else low


def contains(figures: Iterable[FigureClaim], figure: FigureClaim) -> bool:
    """Whether the range of ``figures`` (open-ended ones reach to infinity) holds what ``figure`` states."""
    ranges = [(f.count_min or 0, f.count_max if f.count_max is not None else float("inf")) for f in figures]
    if not ranges:
        return False
    low, high = _stated_range(figure)
    return min(r[0] for r in ranges) <= low and high <= max(r[1] for r in ranges)


def _initial_slots(figures: Iterable[FigureClaim]) -> tuple[list[Slot], list[FigureClaim]]:
    slots: dict[tuple[str, str], Slot] = {}
    unknown = []
    for figure in figures:
        if figure.side_key is None:
            unknown.append(figure)
            continue
        slots.setdefault((figure.kind, figure.side_key), Slot(figure.kind)).figures.append(figure)
    return list(slots.values()), unknown


def _home_slot(slots: list[Slot], figure: FigureClaim) -> Slot | None:
    """Step 2: the one known-side slot of the figure's kind whose range holds it, in its report, else
    in the event; None when no slot or several do."""
    same_kind = [s for s in slots if s.kind == figure.kind]
    in_report = [
        s for s in same_kind if contains((f for f in s.figures if f.article_id == figure.article_id), figure)
    ]
    if len(in_report) == 1:
        return in_report[0]
    if in_report:
        return None
    in_event = [s for s in same_kind if contains(s.figures, figure)]
    return in_event[0] if len(in_event) == 1 else None


def _place_unknown(slots: list[Slot], unknown: list[FigureClaim]) -> tuple[list[Slot], list[Slot]]:
    """Step 2: ``(slots, unassigned)``: side-less figures join their home slot (in a one-sided event the
    one slot of their kind); a kind no known side reports gets an unknown-side slot; the rest are kept
    apart, out of totals."""
    leftovers: dict[str, Slot] = {}
    apart: dict[str, Slot] = {}
    single = one_sided(slots)
    for figure in unknown:
        same_kind = [s for s in slots if s.kind == figure.kind]
        home = same_kind[0] if single and len(same_kind) == 1 else _home_slot(slots, figure)
        if home is not None:
            home.figures.append(figure)
        elif any(s.kind == figure.kind for s in slots):
            apart.setdefault(figure.kind, Slot(figure.kind)).figures.append(figure)
        else:
            leftovers.setdefault(figure.kind, Slot(figure.kind)).figures.append(figure)
    return slots + list(leftovers.values()), list(apart.values())


def _may_align(a: Slot, b: Slot, opposed: set[frozenset[str]]) -> bool:
    if a.kind != b.kind or not a.side_keys or not b.side_keys:
        return False
    if any(frozenset((x, y)) in opposed for x in a.side_keys for y in b.side_keys):
        return False
    for fa in a.figures:
        value = fa.stated
        if value is None or value < MIN_ALIGN_VALUE:
            continue
        others = [fb for fb in b.figures if fb.stated == value]
        if others and all(fb.article_id != fa.article_id for fb in others) and not _both_in_one(a, b, value):
            return True
    return False


def _both_in_one(a: Slot, b: Slot, value: int) -> bool:
    """Whether one report gives ``value`` for both slots separately (then they are different people)."""
    in_a = {f.article_id for f in a.figures if f.stated == value}
    return any(f.article_id in in_a for f in b.figures if f.stated == value)


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


def _ordered(slots: list[Slot], order: dict[str, int]) -> list[Slot]:
    for slot in slots:
        slot.figures.sort(
            key=lambda f: (order[f.article_id], f.record["start"], f.record.get("value_start") or 0)
        )
    return sorted(slots, key=lambda s: (s.kind, s.side is None, s.side or ""))


def build_slots(
    figures: list[FigureClaim], opposed: set[frozenset[str]] | None = None, event_date: str | None = None
) -> SlotSet:
    """The casualty slots of an event, in a stable order (kind, then side name); figures in report order.

    Figures about other days than ``event_date`` are grouped the same way into ``other_dates``.
    """
    order = {article_id: n for n, article_id in enumerate(dict.fromkeys(f.article_id for f in figures))}
    on_date = [f for f in figures if on_event_date(f, event_date)]
    off_date = [f for f in figures if not on_event_date(f, event_date)]
    slots, unknown = _initial_slots(on_date)
    slots, apart = _place_unknown(slots, unknown)
    slots = _align(slots, opposed or set())
    other = build_slots(off_date, opposed) if off_date else SlotSet([])
    return SlotSet(
        _ordered(slots, order),
        _ordered(apart, order),
        _ordered(other.slots + other.unassigned, order),
    )


def one_sided(slots: Sequence[Slot]) -> bool:
    """Whether the event's slots, all kinds together, name at most one side: no two parties' dead or
    wounded to keep apart, so a side named by one report ("their wounds are not life-threatening,
    police said") is no reason to count claimants instead of people (step 5)."""
    return len({key for slot in slots for key in slot.side_keys}) <= 1


def count_per_report(slots: Sequence[Slot], reports: Sequence[Report]) -> None:
    """Step 5: set ``report_totals`` on each slot that is the only slot of its kind and names no side,
    or names the one side of a one-sided event (:func:`one_sided`)."""
    kinds = Counter(slot.kind for slot in slots)
    by_id = {r.id: r for r in reports}
    sides_apart = not one_sided(slots)
    for slot in slots:
        if kinds[slot.kind] != 1 or (slot.side_keys and sides_apart):
            continue
        for article_id in slot.articles:
            report = by_id.get(article_id)
            if report is not None and report.analysis is not None:
                stated = title_toll(report.article.title, report.article.text).get(slot.kind)  # type: ignore[call-overload]
                if stated is not None:
                    slot.count_headline(report, stated)
                    continue
                starts = {f.record.get("value_start") for f in slot.figures if f.article_id == article_id}
                counts = article_counts(
                    _only_slot(event_figures(report), slot.kind, starts), report.article.text
                )
                slot.report_totals[article_id] = counts.get(slot.kind, 0)  # type: ignore[call-overload]
    silent_on_deaths(slots, reports)
    zero_deaths_counted(slots, reports)
    own_dead, update = killed_totals(slots), the_update(slots, reports)
    disputed = tolls_before(slots, reports, update)
    hurt = {a: t for s in slots if s.kind == "injured" for a, t in s.report_totals.items()}
    injured_after_the_deaths(slots, reports, own_dead)
    wounded_before(slots, reports, update, own_dead or {}, hurt, disputed)
    for slot in slots:
        page_totals_apart(slot, by_id)
        slot.titles = {a: by_id[a].article.title or "" for a in slot.report_totals if a in by_id}
        lower_counts_apart(slot, reports)
    dead = sum(s.estimate()[1] or 0 for s in slots if s.kind == "killed")
    no_hurt_beside_the_dead(slots, dead)
    for slot in slots:
        if slot.kind == "injured":
            slot.dead_beside = dead


def page_totals_apart(slot: Slot, by_id: dict[str, Report]) -> None:
    """Rule 7: the total of a page roundup (:func:`page_roundup`: several incidents named, no turn between
    them) does not vote when it is above some other report's total of the slot (the page may sum incidents
    that report does not count); its figures still bound low/high."""
    pages = {a for a in slot.report_totals if a in by_id and a not in slot.headline_totals and page_roundup(by_id[a])}
    others = [total for article_id, total in slot.report_totals.items() if article_id not in pages]
    if not pages or not others:
        return
    for article_id in pages:
        if slot.report_totals[article_id] > min(others):
            del slot.report_totals[article_id]
            slot.zero_counts.discard(article_id)


HEADLINE_KINDS = ("killed", "injured")
"""Kinds a headline's count can open a slot for (rule 6)."""


def headline_slots(slots: Sequence[Slot], reports: Sequence[Report]) -> list[Slot]:
    """Rule 6: ``slots``, plus a side-less slot for each kind that no figure of the event gives but some
    report's headline counts ("2 dead, 3 injured in ..." over a text that only tells of the dead)."""
    have = {slot.kind for slot in slots}
    added = []
    for kind in HEADLINE_KINDS:
        if kind in have:
            continue
        slot = Slot(kind)
        for report in reports:
            count = title_toll(report.article.title, report.article.text).get(kind)  # type: ignore[call-overload]
            if count is not None:
                slot.count_headline(report, count)
        if slot.report_totals:
            added.append(slot)
    return [*slots, *added]


def _only_slot(figures: Sequence[CasualtyFigure], kind: str, starts: set[object]) -> list[CasualtyFigure]:
    """The report's figures with those of ``kind`` outside the slot (other days, kept apart) set aside as
    background, so that indices (``same_as``) still hold."""
    return [
        replace(f, background=True) if f.kind == kind and f.start not in starts else f for f in figures
    ]
