"""Later reports of a death (casualties step 5, ``docs/reconcile.md``): a toll that rose after the first reports.

Reports of one event are written at different times. The first tells of "Block party shooting kills 2,
wounds 5"; eleven days later another outlet writes "Another dead in Elm Street block party shooting":
one of the five wounded has died, the toll is 3 dead and 4 wounded. Counted per report
(:func:`rashomon.reconcile.casualties.count_per_report`), the first report's headline weighs double and its
older counts win. An **update** (:func:`updates`) is a report whose headline (not a tally of several
incidents) tells of a death that came after the shooting ("dies", "has died", "succumbs", "another dead",
"death toll rises", "third victim dies") and that is published on a later day than some other report that
counts people of the event. The reports published before the update's day, at most :data:`UPDATE_DAYS`
days before it, were written before the death it tells of:

* **their lower tolls** (:func:`tolls_before`): where the update states its death toll whole (its headline
  counts it, or one of its figures states exactly that number: :func:`rashomon.reconcile.tie_votes.stated_whole`),
  their lower killed totals (zeros included) do not vote, unless a party (a resolved claimant actor or
  state) states such a lower total and no party of the update states the update's: then the figures are a
  dispute between parties, not a toll that rose, and the tie rule keeps the conservative figure (an army's
  "eight soldiers killed" against another party's later "death toll rises to twelve" stays 8, range 8-12);
* **their wounded** (:func:`wounded_before`): a report that counted ``k`` dead and ``N`` wounded before the
  update's ``K`` dead counted among its wounded the ``K - k`` who died since: it votes ``N - (K - k)`` when
  that leaves survivors, else not at all. A report that counts no death is taken to know the deaths the
  reports of its day or earlier count ("Fourteen soldiers wounded" beside "Two soldiers killed" the same
  day: its fourteen are not the two dead). Totals the counted-then-died rule
  (:func:`rashomon.reconcile.death_votes.injured_after_the_deaths`) already changed are left as they are.

Measured on GVA merged records (``rashomon eval clustering --dataset gva-records``, section "Merged-record
casualties, ninth session" of ``docs/benchmarks.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from datetime import date
from typing import TYPE_CHECKING, Final

from rashomon.extract.headline import TALLY
from rashomon.reconcile.death_votes import day, published_day
from rashomon.reconcile.evidence import Report
from rashomon.reconcile.tie_votes import party_claimants, stated_whole

if TYPE_CHECKING:
    from rashomon.reconcile.casualties import Slot

LATER_DEATH: Final = re.compile(
    r"\b(?:dies|died|has\s+died|have\s+died|succumb(?:s|ed)?|pass(?:es|ed)\s+away"
    r"|another\s+(?:dead|death|victim\s+dies)|death\s+toll\s+(?:rises|climbs|grows|reaches|rose|up)"
    r"|(?:second|third|fourth|fifth|2nd|3rd|4th|5th)\s+(?:\w+\s+){0,3}(?:dies|dead|died))\b",
    re.IGNORECASE,
)
"""A headline's word of a death that came after the shooting: the news an update brings."""
UPDATE_DAYS: Final = 14
"""An update speaks for the reports published at most this many days before it: a victim who dies of the
wounds dies within days; a report weeks older is most often of another incident clustered in."""

Update = tuple[str, int]
"""An update's publication day and its death total."""


def updates(reports: Sequence[Report], counted: set[str]) -> dict[str, str]:
    """Update report id -> its publication day: its headline (not a tally) tells of a later death and it is
    published on a later day than some report in ``counted`` (the reports that count people of the event)."""
    days = [day(r) for r in reports if r.id in counted and day(r)]
    if not days:
        return {}
    first = min(days)
    return {
        r.id: day(r)
        for r in reports
        if r.article.title
        and day(r) > first
        and not TALLY.search(r.article.title)
        and LATER_DEATH.search(r.article.title)
    }


def _only(slots: Sequence[Slot], kind: str) -> Slot | None:
    """The one slot of ``kind`` counted per report, None when there is none or several."""
    found = [s for s in slots if s.kind == kind and s.report_totals]
    return found[0] if len(found) == 1 else None


def the_update(slots: Sequence[Slot], reports: Sequence[Report]) -> Update | None:
    """The update whose own killed total is highest (the latest on a tie), None when no update counts a death."""
    killed = _only(slots, "killed")
    if killed is None:
        return None
    counted = {a for s in slots if s.kind in ("killed", "injured") for a in s.report_totals}
    ranked = sorted((killed.report_totals.get(a, 0), when) for a, when in updates(reports, counted).items())
    if not ranked or ranked[-1][0] <= 0:
        return None
    total, when = ranked[-1]
    return when, total


def _before(report: Report, when: str) -> bool:
    """Whether ``report`` was published before the update's day ``when``, within :data:`UPDATE_DAYS`."""
    published = published_day(report)
    try:
        gap = (date.fromisoformat(when) - published).days if published is not None else 0
    except ValueError:
        return False
    return 0 < gap <= UPDATE_DAYS


def tolls_before(slots: Sequence[Slot], reports: Sequence[Report], update: Update | None) -> set[str]:
    """The killed totals below the update's, of reports published before it, do not vote (module docstring:
    only where the update states its toll whole, and not where parties dispute it). Returns the reports whose
    lower toll is a party's own figure in dispute (their wounded are left as they are, too)."""
    disputed: set[str] = set()
    killed = _only(slots, "killed")
    if killed is None or update is None or not stated_whole(killed, update[1]):
        return disputed
    when, total = update
    by_id = {r.id: r for r in reports}
    early = {a: t for a, t in killed.report_totals.items() if a in by_id and _before(by_id[a], when) and t < total}
    later = {a for a, t in killed.report_totals.items() if t == total and a not in early}
    update_parties = party_claimants(killed, {total}, later)
    for article_id, value in early.items():
        theirs = party_claimants(killed, {value}, {article_id})
        if theirs and not theirs & update_parties:
            disputed.add(article_id)  # a party's own lower figure: a dispute, left to the tie rule
            continue
        del killed.report_totals[article_id]
        killed.zero_counts.discard(article_id)
        killed.headline_totals.discard(article_id)
    return disputed


def wounded_before(
    slots: Sequence[Slot],
    reports: Sequence[Report],
    update: Update | None,
    own_dead: dict[str, int],
    hurt: dict[str, int],
    disputed: Set[str] = frozenset(),
) -> None:
    """The injured totals of reports published before the update, less those who died since (module
    docstring). ``own_dead``: each report's killed total before :func:`tolls_before`; ``hurt``: the injured
    totals before the counted-then-died rule (a total it changed is left); ``disputed``: the reports whose
    toll is a party's figure in dispute (:func:`tolls_before`): their wounded are not the update's dead."""
    injured = _only(slots, "injured")
    if injured is None or update is None:
        return
    when, total = update
    by_id = {r.id: r for r in reports}
    for article_id, wounded in list(injured.report_totals.items()):
        report = by_id.get(article_id)
        if report is None or article_id in disputed or not _before(report, when) or hurt.get(article_id) != wounded:
            continue
        known = own_dead.get(article_id, 0) or _known_by(day(report), reports, own_dead)
        if known >= total:
            continue
        if wounded > total - known:
            injured.report_totals[article_id] = wounded - (total - known)
        else:
            del injured.report_totals[article_id]
            injured.headline_totals.discard(article_id)


def _known_by(when: str, reports: Sequence[Report], own_dead: dict[str, int]) -> int:
    """The most deaths a report published on ``when`` or earlier counts."""
    return max((own_dead.get(r.id, 0) for r in reports if day(r) and day(r) <= when), default=0)


def killed_totals(slots: Sequence[Slot]) -> dict[str, int] | None:
    """The killed slot's report totals as they stand (None when the dead are not counted per report)."""
    killed = _only(slots, "killed")
    return dict(killed.report_totals) if killed is not None else None
