"""Later reports of a death (``reconcile/death_updates.py``): a toll that rose after the first reports,
reconciled from a real SQLite store; conflict-news pairs keep the dossier a reader expects."""

from __future__ import annotations

from typing import Any

from rashomon.reconcile.death_updates import LATER_DEATH
from rashomon.records import CasualtyFigure, Claim
from rashomon.store import Store
from test_reconcile_casualties import _figure, _slots, _store_event
from test_reconcile_casualties_ties import _claim

Report = tuple[str, str, str, list[Claim], list[CasualtyFigure]]  # day, title, text, claims, figures

PARTY = "Two men were killed and five people were wounded at a block party on Elm Street, police said."
LATER = (
    "A third man has died of his wounds. Three men were killed and four people were wounded at the party, police said."
)


def _reconciled(store: Store, reports: list[Report]) -> dict[str, Any]:
    """Store each report (its own outlet, published on its day) with its analysis, cluster them into one
    event, reconcile, return the dossier."""
    stored = [(text, f"Outlet {n}", claims, figures) for n, (_, _, text, claims, figures) in enumerate(reports)]
    return _store_event(store, stored, days=[r[0] for r in reports], titles=[r[1] for r in reports])


def _best(dossier: dict[str, Any], kind: str) -> int | None:
    (slot,) = _slots(dossier, kind)
    return slot["best"]  # type: ignore[no-any-return]


def _party(day: str) -> Report:
    return (
        day,
        "Block party shooting kills 2, wounds 5",
        PARTY,
        [],
        [
            _figure(PARTY, "killed", "Two men", 2, None, "killed"),
            _figure(PARTY, "injured", "five people", 5, None, "wounded"),
        ],
    )


def _another_dead(day: str) -> Report:
    return (
        day,
        "Another dead in Elm Street block party shooting",
        LATER,
        [],
        [
            _figure(LATER, "killed", "Three men", 3, None, "killed"),
            _figure(LATER, "injured", "four people", 4, None, "wounded"),
        ],
    )


def test_reconcile_casualties_updates_a_later_death_raises_the_toll_and_lowers_the_wounded(store: Store) -> None:
    dossier = _reconciled(store, [_party("2024-05-12"), _another_dead("2024-05-23")])
    # the first headline's "kills 2, wounds 5" weighs double, but it was written before the third death
    assert (_best(dossier, "killed"), _best(dossier, "injured")) == (3, 4)


def test_reconcile_casualties_updates_a_report_weeks_older_keeps_its_count(store: Store) -> None:
    dossier = _reconciled(store, [_party("2024-04-01"), _another_dead("2024-05-23")])
    # seven weeks apart: most often another incident clustered in, not the same toll risen
    assert (_best(dossier, "killed"), _best(dossier, "injured")) == (2, 5)


def test_reconcile_casualties_updates_a_same_day_report_is_no_update(store: Store) -> None:
    dossier = _reconciled(store, [_party("2024-05-12"), _another_dead("2024-05-12")])
    assert (_best(dossier, "killed"), _best(dossier, "injured")) == (2, 5)


ARMY = "Eight soldiers were killed in the border clash on Tuesday, the army said."
TOLL = "Twelve soldiers were killed in the border clash on Tuesday, the defence ministry said."


def _clash(ministry_id: str) -> list[Report]:
    return [
        (
            "2024-05-12",
            "Soldiers killed in border clash",
            ARMY,
            [_claim(ARMY, "the army", "army-x")],
            [_figure(ARMY, "killed", "Eight soldiers", 8, 0, "killed")],
        ),
        (
            "2024-05-13",
            "Border clash death toll rises to 12",
            TOLL,
            [_claim(TOLL, "the defence ministry", ministry_id)],
            [_figure(TOLL, "killed", "Twelve soldiers", 12, 0, "killed")],
        ),
    ]


def test_reconcile_casualties_updates_another_partys_higher_toll_is_a_dispute(store: Store) -> None:
    (killed,) = _slots(_reconciled(store, _clash("ministry-y")), "killed")
    # the army's eight against another party's later twelve: a dispute, not a toll that rose
    assert (killed["low"], killed["best"], killed["high"]) == (8, 8, 12)


def test_reconcile_casualties_updates_the_same_partys_risen_toll_stands(store: Store) -> None:
    (killed,) = _slots(_reconciled(store, _clash("army-x")), "killed")
    assert (killed["low"], killed["best"], killed["high"]) == (8, 12, 12)


ARMY_HURT = "Eight soldiers were killed and fourteen were wounded in the border clash on Tuesday, the army said."


def test_reconcile_casualties_updates_a_disputed_toll_keeps_its_wounded(store: Store) -> None:
    # another party's later "death toll rises to 12" is a dispute: the army's fourteen wounded did not die
    (_, (day, title, text, _, figures)) = _clash("ministry-y")
    army = (
        "2024-05-12",
        "Soldiers killed in border clash",
        ARMY_HURT,
        [_claim(ARMY_HURT, "the army", "army-x")],
        [
            _figure(ARMY_HURT, "killed", "Eight soldiers", 8, 0, "killed"),
            _figure(ARMY_HURT, "injured", "fourteen", 14, 0, "wounded"),
        ],
    )
    toll = (day, title, text, [_claim(text, "the defence ministry", "ministry-y")], figures)
    dossier = _reconciled(store, [army, toll])
    assert (_best(dossier, "killed"), _best(dossier, "injured")) == (8, 14)


BORDER = "Two soldiers were killed and fourteen soldiers were wounded in a border clash, the army said."
WOUNDED = "Fourteen soldiers were wounded in the border clash on Tuesday, the ministry said."
THIRD = "A third soldier died of his wounds. Three soldiers were killed and thirteen were wounded in the clash."


def _border(third: bool) -> list[Report]:
    reports: list[Report] = [
        (
            "2024-05-12",
            "Two soldiers killed in border clash",
            BORDER,
            [],
            [
                _figure(BORDER, "killed", "Two soldiers", 2, None, "killed"),
                _figure(BORDER, "injured", "fourteen soldiers", 14, None, "wounded"),
            ],
        ),
        (
            "2024-05-12",
            "Fourteen soldiers wounded",
            WOUNDED,
            [],
            [_figure(WOUNDED, "injured", "Fourteen", 14, None, "wounded")],
        ),
    ]
    if third:
        figures = [
            _figure(THIRD, "killed", "Three soldiers", 3, None, "killed"),
            _figure(THIRD, "injured", "thirteen", 13, None, "wounded"),
        ]
        reports.append(("2024-05-14", "Third soldier dies of wounds from border clash", THIRD, [], figures))
    return reports


def test_reconcile_casualties_updates_no_update_leaves_the_border_pair(store: Store) -> None:
    dossier = _reconciled(store, _border(third=False))
    assert (_best(dossier, "killed"), _best(dossier, "injured")) == (2, 14)


def test_reconcile_casualties_updates_a_wounded_soldier_who_died_leaves_the_wounded(store: Store) -> None:
    dossier = _reconciled(store, _border(third=True))
    # both earlier reports' fourteen held the soldier who died; "Fourteen soldiers wounded" knew of the two
    # dead its day's other report counts, so its fourteen did not hold them
    assert (_best(dossier, "killed"), _best(dossier, "injured")) == (3, 13)


def test_reconcile_casualties_updates_headlines_of_a_later_death() -> None:
    for title in (
        "Another dead in Elm Street block party shooting",
        "Woman dies 5 days after East End shooting that wounded 2 more",
        "Third person dies after Saturday shooting on town's south side",
        "Death toll rises to 12 in border clash",
        "Teen suspect in New Year's murder of 16-year-old girl dies",
    ):
        assert LATER_DEATH.search(title), title
    for title in (
        "2 dead, 3 injured in shooting outside club",
        "Man killed in Elm Street shooting",
        "4 shot, one fatally",
        "Second shooting death in a week on Elm Street",
    ):
        assert not LATER_DEATH.search(title), title
