"""Counted, then died: the injured votes of reports written before a victim died (casualties step 5),
reconciled from a real SQLite store (``reconcile_store``)."""

from __future__ import annotations

from typing import Any

from rashomon.records import CasualtyFigure
from rashomon.store import Store
from test_reconcile_casualties import _figure, _slots, _store_event

CRITICAL = "A 2-year-old boy is in critical condition after being shot on Elm Street on Saturday, police said."
DIED = "A 2-year-old boy who was shot on Elm Street on Saturday has died, police said."
FOUR_SHOT = "Four people were wounded in a shooting on Elm Street on Saturday, police said."
ONE_DIED = "A man shot on Elm Street on Saturday has died, police said."

Report = tuple[str, str, str, list[CasualtyFigure]]  # title, text, publication day, figures


def _reconciled(store: Store, reports: list[Report]) -> dict[str, Any]:
    """Store each report with its analysis, cluster them into one event, reconcile, return the dossier."""
    stored = [(text, f"Daily {n}", [], figures) for n, (_, text, _, figures) in enumerate(reports)]
    days, titles = [day for _, _, day, _ in reports], [title for title, *_ in reports]
    return _store_event(store, stored, days=days, titles=titles)


def _best(dossier: dict[str, Any], kind: str) -> int | None:
    slots = _slots(dossier, kind)
    return sum(s["best"] or 0 for s in slots) if slots else None


def _critical(day: str = "2024-05-11") -> Report:
    figure = _figure(CRITICAL, "injured", "A 2-year-old boy", 1, None, "condition")
    return "Toddler critical after Elm Street shooting", CRITICAL, day, [figure]


def _died(title: str = "Toddler dies after Elm Street shooting") -> Report:
    return title, DIED, "2024-05-12", [_figure(DIED, "killed", "A 2-year-old boy", 1, None, "died")]


def test_reconcile_casualties_died_the_early_report_of_the_dead_child_votes_no_injured(store: Store) -> None:
    dossier = _reconciled(store, [_critical(), _died()])
    assert _best(dossier, "killed") == 1
    # the report of the day before counted the child who died as hurt: it does not vote
    assert _best(dossier, "injured") == 0


def test_reconcile_casualties_died_needs_a_headline_of_a_death(store: Store) -> None:
    dossier = _reconciled(store, [_critical(), _died(title="Update on Elm Street shooting")])
    # the death only the text gives may be none of this event: the early report's injured stands
    assert (_best(dossier, "killed"), _best(dossier, "injured")) == (1, 1)


def test_reconcile_casualties_died_an_early_report_votes_its_survivors(store: Store) -> None:
    early = (
        "Four wounded in Elm Street shooting",
        FOUR_SHOT,
        "2024-05-11",
        [_figure(FOUR_SHOT, "injured", "Four", 4, None, "wounded")],
    )
    late = (
        "Man dies after Elm Street shooting",
        ONE_DIED,
        "2024-05-12",
        [_figure(ONE_DIED, "killed", "A man", 1, None, "died")],
    )
    dossier = _reconciled(store, [early, late])
    # four hurt, one of them since dead: three survivors, not four hurt beside the dead
    assert (_best(dossier, "killed"), _best(dossier, "injured")) == (1, 3)


def test_reconcile_casualties_died_a_report_far_from_the_death_votes_as_it_is(store: Store) -> None:
    dossier = _reconciled(store, [_critical(day="2024-04-01"), _died()])
    # published six weeks before the report of the death: another incident merged in, its injured stands
    assert (_best(dossier, "killed"), _best(dossier, "injured")) == (1, 1)


KILLED_HURT = "A teen was killed and three men were hurt in a shooting on Elm Street on Saturday, police said."
ARRESTS = "Three men were hurt in the shooting on Elm Street on Saturday, police said. Four men were arrested."


def _arrests(title: str, first_title: str = "Teen killed in Elm Street shooting") -> list[Report]:
    first = (
        first_title,
        KILLED_HURT,
        "2024-05-11",
        [
            _figure(KILLED_HURT, "killed", "A teen", 1, None, "killed"),
            _figure(KILLED_HURT, "injured", "three", 3, None, "hurt"),
        ],
    )
    later = (title, ARRESTS, "2024-05-13", [_figure(ARRESTS, "injured", "Three", 3, None, "hurt")])
    return [first, later]


def test_reconcile_casualties_died_a_report_headlined_with_a_death_never_votes_no_deaths(store: Store) -> None:
    dossier = _reconciled(store, _arrests("Four arrested in deadly Elm Street shooting"))
    # the later report counts the hurt and no dead in its text, but its headline tells of the death: its 0
    # is no count of the dead (the one death stands against it)
    assert _best(dossier, "killed") == 1


def test_reconcile_casualties_died_a_later_report_of_the_hurt_alone_still_votes_no_deaths(store: Store) -> None:
    dossier = _reconciled(store, _arrests("Four arrested in Elm Street shooting", "Gunfire on Elm Street"))
    assert _best(dossier, "killed") == 0  # a silent follow-up (rule 6): no headline tells of a death


def test_reconcile_casualties_died_a_headlined_death_is_not_outvoted_by_silence(store: Store) -> None:
    dossier = _reconciled(store, _arrests("Four arrested in Elm Street shooting"))
    assert _best(dossier, "killed") == 1  # "Teen killed in ...": the death is the news, the silence no count


BOTH = "Two soldiers were killed and fourteen were wounded in a border clash on Tuesday, the ministry said."
WOUNDED = "Fourteen soldiers were wounded in a border clash on Tuesday, the ministry said."


def test_reconcile_casualties_died_the_same_hurt_beside_the_dead_are_no_earlier_count(store: Store) -> None:
    dead = [
        _figure(BOTH, "killed", "Two soldiers", 2, None, "killed"),
        _figure(BOTH, "injured", "fourteen", 14, None, "wounded"),
    ]
    hurt = [_figure(WOUNDED, "injured", "Fourteen soldiers", 14, None, "wounded")]
    reports = [
        ("Two soldiers killed in border clash", BOTH, "2024-05-14", dead),
        ("Fourteen soldiers wounded in border clash", WOUNDED, "2024-05-14", hurt),
    ]
    dossier = _reconciled(store, reports)
    # one outlet counts the dead and the wounded, the other the wounded only: the same fourteen, and the two
    # dead stand (no silence outvotes a headlined death; no wounded are taken for the dead)
    assert (_best(dossier, "killed"), _best(dossier, "injured")) == (2, 14)
