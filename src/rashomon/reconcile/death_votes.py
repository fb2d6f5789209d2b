"""Per-report votes that depend on the event's deaths (casualties step 5, ``docs/reconcile.md``).

Reports of one event are written at different times: the first tells of "a 2-year-old in critical
condition", the next day's of "Toddler dies after shooting". Counted per report
(:func:`rashomon.reconcile.casualties.count_per_report`), each report's own totals vote; the rules here
say which totals are no count at all (a silence) and which are counts of people since dead.

* **Silent follow-ups** (:func:`silent_on_deaths`): a report that counts people hurt and no death, published
  on the day of every report of a death or later, counts 0 dead, unless some report's headline tells of a
  death: a headlined death is the event's news, and a report silent on it ("14 soldiers wounded" beside "Two
  soldiers killed in border clash") does not say that nobody died.
* **Zero deaths counted** (:func:`zero_deaths_counted`): a report that counts people hurt and whose own
  death figures come to 0 votes 0 killed.

Neither of these two counts a report whose own headline tells of a death ("Teen killed in hunting accident
remembered", "4 arrested in deadly shooting"): whatever its text's figures come to, it does not say that
nobody died.
* **Counted, then died** (:func:`injured_after_the_deaths`): where the event has ``K`` deaths and some
  report's headline (not a tally of several incidents) tells of a death, a report that counts no death
  was written before it: its ``N`` injured hold the ``K`` who died, so it votes ``N - K`` when that leaves
  survivors ("4 shot" / "one of them has died": 3) and not at all otherwise; the reports that count deaths
  vote with their own injured total (0 when they give none). A report published more than
  :data:`DIED_LATER_DAYS` days from every report of a death votes as it is (another incident merged in), and
  so does one whose count is the hurt a report of the deaths gives too ("14 wounded" beside "2 killed and 14
  wounded": the same fourteen, none of them dead).
* **No hurt beside the dead** (:func:`no_hurt_beside_the_dead`): "Boy, 3, dies after shooting himself" is
  often read as one dead and one hurt (the boy shot, then the boy dead), while the other reports of the death
  count nobody hurt, and their zeros never voted (a report of a death often leaves out the hurt). Where every
  report's hurt are at most the event's dead ``K`` and are named as persons only ("the boy", "a man": no
  number written, "one soldier was wounded", nobody set apart, "another man", "two others", "also"), in a
  slot that names no side, the reports that count deaths and no hurt vote 0 injured when their votes
  outnumber every non-zero total's. A count written as a number, or hurt set apart from the dead, keeps its
  vote ("Three soldiers killed" twice beside "three soldiers were killed and two wounded" stays 2 wounded).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Final

from rashomon.extract.casualty_counts import article_counts
from rashomon.extract.headline import TALLY, headline_counts
from rashomon.reconcile.evidence import Report
from rashomon.reconcile.roundups import event_figures

if TYPE_CHECKING:
    from rashomon.reconcile.casualties import Slot

HEADLINE_DEATH: Final = re.compile(
    r"\b(?:dead|deadly|die[ds]?|killed|kills?|fatal(?:ly)?|slain|murder\w*|homicide|death)\b", re.IGNORECASE
)
"""A headline's word of death: the news of a wounded victim who died is headlined."""
WRITTEN_COUNT: Final = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|several|many|scores)\b",
    re.IGNORECASE,
)
"""A count of the hurt written as a number ("one soldier", "2 hurt"): a count, not a person named again."""
SET_APART: Final = re.compile(r"\b(?:other|others|another|also|second|third|fourth|fifth|both)\b", re.IGNORECASE)
ANY_VICTIM: Final = frozenset(
    [
        "victim",
        "victims",
        "person",
        "people",
        "individual",
        "child",
        "children",
        "teen",
        "teenager",
        "toddler",
        "infant",
        "baby",
        "resident",
        "someone",
        "somebody",
        "one",
        "he",
        "she",
        "him",
        "her",
        "himself",
        "herself",
        "they",
        "them",
    ]
)
"""Words for a victim that may name any one of the dead again ("a child" hurt, "the boy" dead); other nouns name a
kind of person, and two different kinds are two people ("a man" killed, "a woman" hurt; "soldiers" killed, "a
civilian" wounded)."""
"""Words in a sentence of the hurt that set them apart from the dead ("two others were wounded")."""
DIED_LATER_DAYS: Final = 7
"""A report counting no death published more than this many days from every report of a death is about
another incident merged into the event, not one written before the death: it votes as it is."""


def day(report: Report) -> str:
    """The report's publication day (``YYYY-MM-DD``), empty when unknown."""
    return (report.article.published_at or "")[:10]


def _hurt(slots: Sequence[Slot], reports: Sequence[Report]) -> set[str]:
    """The reports whose own injured total is positive and whose headline tells of no death: a report
    headlined "Teen killed in hunting accident" says someone died, whatever its text's figures come to."""
    headlined = {r.id for r in reports if death_in_a_headline([r])}
    return {
        a
        for s in slots
        if s.kind == "injured"
        for a, total in s.report_totals.items()
        if total > 0 and a not in headlined
    }


def silent_on_deaths(slots: Sequence[Slot], reports: Sequence[Report]) -> None:
    """A report that counts people hurt, gives no death figure at all, and is published no earlier than every
    report that counts a death (the same day or later), counts 0 dead: a report of the hurt names the dead it
    knows of. A report of an earlier day may precede the death, and stays silent."""
    killed = [s for s in slots if s.kind == "killed" and s.report_totals]
    if len(killed) != 1 or death_in_a_headline(reports):
        return  # a death some headline announces is the news: a report silent on it does not outvote it
    slot = killed[0]
    dying = [day(r) for r in reports if slot.report_totals.get(r.id, 0) > 0]
    if not dying or not all(dying):
        return
    hurt = _hurt(slots, reports)
    latest = max(dying)
    for report in reports:
        if report.id in hurt and report.id not in slot.report_totals and day(report) >= latest:
            slot.report_totals[report.id] = 0


def zero_deaths_counted(slots: Sequence[Slot], reports: Sequence[Report]) -> None:
    """A report that counts people hurt and whose own death figures come to 0 says that nobody died; its 0
    killed votes (other zero totals vote only when every report gives 0)."""
    hurt = _hurt(slots, reports)
    for slot in slots:
        if slot.kind == "killed":
            slot.zero_counts = {a for a, total in slot.report_totals.items() if total == 0 and a in hurt}


def death_in_a_headline(reports: Sequence[Report]) -> bool:
    """Whether some report's headline (not a tally of several incidents) tells of a death."""
    return any(
        r.article.title and not TALLY.search(r.article.title) and HEADLINE_DEATH.search(r.article.title)
        for r in reports
    )


def _own_count(report: Report, kind: str) -> int:
    """What a report counts of ``kind``: its headline's count, else its text's (roundups: their lead part)."""
    stated = headline_counts(report.article.title).explicit.get(kind)  # type: ignore[call-overload]
    if stated is not None:
        return int(stated)
    if report.analysis is None:
        return 0
    counts = article_counts(event_figures(report), report.article.text)
    return int(counts.get(kind, 0))  # type: ignore[call-overload]


def published_day(report: Report) -> date | None:
    """The report's publication day, None when it has none."""
    try:
        return date.fromisoformat(day(report))
    except ValueError:
        return None


def _near(report: Report, death_days: Sequence[date]) -> bool:
    """Whether ``report`` may be one written just before the deaths: within :data:`DIED_LATER_DAYS` of a
    report that counts them (an unknown day may)."""
    published = published_day(report)
    if published is None or not death_days:
        return True
    return any(abs((published - d).days) <= DIED_LATER_DAYS for d in death_days)


def _deaths_per_report(
    slots: Sequence[Slot], reports: Sequence[Report], counted: dict[str, int] | None = None
) -> Callable[[Report], int]:
    """The dead each report counts: ``counted`` (the killed slot's own totals as they stood before later
    reports superseded some) when given, else its killed slot's own total when the slot is counted per
    report, else its headline's or text's count."""
    if counted is not None:
        return lambda r: counted.get(r.id, 0)
    per_report = [s for s in slots if s.kind == "killed" and s.report_totals]
    if len(per_report) == 1:
        totals = per_report[0].report_totals
        return lambda r: totals.get(r.id, 0)
    return lambda r: _own_count(r, "killed")


def injured_after_the_deaths(
    slots: Sequence[Slot], reports: Sequence[Report], counted: dict[str, int] | None = None
) -> None:
    """Counted, then died (module docstring): the injured slot's report totals, where the event has deaths
    some headline tells of, come from the reports that count the deaths, the earlier ones' survivors, and
    the far ones as they are. Nothing changes when no report counts deaths, when no headline tells of one
    (a death only the text gives is often no death of this event: "I'm scared to death", a roundup's other
    shootings), when the injured slot is not counted per report, or when no report counts deaths."""
    injured = [s for s in slots if s.kind == "injured"]
    if len(injured) != 1 or not injured[0].report_totals:
        return
    deaths = sum(s.estimate()[1] or 0 for s in slots if s.kind == "killed")
    if deaths == 0 or not death_in_a_headline(reports):
        return
    slot = injured[0]
    dead_of = _deaths_per_report(slots, reports, counted)
    dying = [r for r in reports if dead_of(r) > 0]
    kept = {
        r.id: slot.report_totals[r.id] if r.id in slot.report_totals else _own_count(r, "injured")
        for r in dying
        if r.analysis is not None
    }
    if not kept:
        return
    death_days = [d for r in dying if (d := published_day(r)) is not None]
    by_id = {r.id: r for r in reports}
    others = {a: t for a, t in slot.report_totals.items() if a not in kept and a in by_id}
    agreed = {t for t in kept.values() if t > 0}  # "14 wounded" beside "2 killed and 14 wounded": the same 14
    as_is = {a: t for a, t in others.items() if not _near(by_id[a], death_days) or t in agreed}
    survivors = {a: t - deaths for a, t in others.items() if a not in as_is and t > deaths}
    slot.report_totals = kept | survivors | as_is
    slot.headline_totals &= set(kept) | set(survivors) | set(as_is)


def no_hurt_beside_the_dead(slots: Sequence[Slot], dead: int) -> None:
    """No hurt beside the dead (module docstring): where the event has ``dead`` > 0, every report's non-zero
    injured total is at most ``dead`` and its hurt are named as persons only, in slots that name no side, the
    reports counting deaths and no hurt vote 0 injured when their votes outnumber every non-zero total's."""
    killed = [s for s in slots if s.kind == "killed" and s.report_totals]
    injured = [s for s in slots if s.kind == "injured" and s.report_totals]
    if dead <= 0 or len(killed) != 1 or len(injured) != 1 or killed[0].side_keys or injured[0].side_keys:
        return
    dead_of, hurt = killed[0].report_totals, injured[0]
    counted = {a: t for a, t in hurt.report_totals.items() if t > 0}
    if (
        not counted
        or max(counted.values()) > dead
        or set(counted) & hurt.headline_totals
        or not _named_persons_only(hurt, set(counted))
        or not all(_the_dead_again(hurt, killed[0], a) for a in counted)
    ):
        return
    silent = {a for a, k in dead_of.items() if k > 0 and hurt.report_totals.get(a, 0) == 0}
    against = max(sum(hurt.weight(a) for a, t in counted.items() if t == total) for total in counted.values())
    if sum(hurt.weight(a) for a in silent) <= against:
        return
    for article_id in silent:
        hurt.report_totals[article_id] = 0
        hurt.zero_counts.add(article_id)


def _named_persons_only(slot: Slot, articles: set[str]) -> bool:
    """Whether the figures of ``articles`` in ``slot`` name their hurt as persons only: no count written as a
    number, no word setting them apart from the dead in their sentence."""
    return not any(
        f.article_id in articles
        and (WRITTEN_COUNT.search(f.record.get("value_text") or "") or SET_APART.search(f.record.get("text") or ""))
        for f in slot.figures
    )


def _the_dead_again(hurt: Slot, killed: Slot, article_id: str) -> bool:
    """Whether every hurt person ``article_id`` counts may be one of its dead named again: the same kind of person
    (:data:`ANY_VICTIM` names any), and not introduced as someone new ("a soldier was hurt") after the dead."""
    dead = [f.record for f in killed.figures if f.article_id == article_id]
    first_dead = min((int(r.get("start") or 0) for r in dead), default=None)
    for figure in (f.record for f in hurt.figures if f.article_id == article_id):
        if first_dead is not None and first_dead < int(figure.get("start") or 0) and _indefinite(figure):
            return False
        kind = _kind_of_person(figure)
        if kind and not any(_kind_of_person(r) in (None, kind) for r in dead):
            return False
    return True


def _indefinite(figure: dict[str, object]) -> bool:
    """A figure written with an indefinite article ("a woman was hurt"): a person the story introduces."""
    words = str(figure.get("value_text") or "").lower().split()
    return bool(words) and words[0] in ("a", "an")


def _kind_of_person(figure: dict[str, object]) -> str | None:
    """The kind of person a figure counts ("woman", "soldier": the last word of who was counted, singular), or
    None for a word that names any victim (:data:`ANY_VICTIM`), an age ("a 3-year-old") or no word at all."""
    words = str(figure.get("victims") or figure.get("value_text") or "").lower().split()
    head = words[-1] if words else ""
    if not head or head in ANY_VICTIM or head in ("a", "an", "the") or head.endswith("-old"):
        return None
    if WRITTEN_COUNT.fullmatch(head):
        return None
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head
