"""No hurt beside the dead (``reconcile/death_votes.no_hurt_beside_the_dead``): the reports of a death that
count nobody hurt outvote a report whose one "hurt" person is the dead named again; reconciled from a real
SQLite store; conflict-news pairs (numbers written, sides named) keep their wounded."""

from __future__ import annotations

from typing import Any

from rashomon.reconcile.death_votes import SET_APART, WRITTEN_COUNT
from rashomon.records import CasualtyFigure, Claim
from rashomon.store import Store
from test_reconcile_casualties import _figure, _slots, _store_event

Report = tuple[str, list[CasualtyFigure]]  # text, figures

SHOT_THEN_DIED = (
    "A child was injured in a shooting at a home on Elm Street on Sunday. Deputies said a boy died at the hospital."
)
DIED = "A boy died after he was shot at a home on Elm Street on Sunday, police said."
DIED_TOO = "The boy who was shot at an Elm Street home on Sunday has died, the sheriff said."
ARMY = {"actor_name": "Army of Testland", "actor_id": "army-x"}


def _dossier(store: Store, reports: list[Report]) -> dict[str, Any]:
    stored: list[tuple[str, str, list[Claim], list[CasualtyFigure]]] = [
        (text, f"Outlet {n}", [], figures) for n, (text, figures) in enumerate(reports)
    ]
    return _store_event(store, stored)


def _best(store: Store, reports: list[Report]) -> int | None:
    (slot,) = _slots(_dossier(store, reports), "injured")
    return slot["best"]  # type: ignore[no-any-return]


def _shot_then_died() -> Report:
    return (
        SHOT_THEN_DIED,
        [
            _figure(SHOT_THEN_DIED, "injured", "A child", 1, None, "injured"),
            _figure(SHOT_THEN_DIED, "killed", "a boy", 1, None, "died"),
        ],
    )


def _died(text: str = DIED, value: str = "A boy") -> Report:
    return (text, [_figure(text, "killed", value, 1, None, "died")])


def test_reconcile_casualties_hurt_two_reports_of_the_death_outvote_the_dead_named_again(store: Store) -> None:
    reports = [_shot_then_died(), _died(), _died(DIED_TOO, "The boy")]
    # one report counts a child hurt and a boy dead (the same boy); the two others count the death, nobody hurt
    dossier = _dossier(store, reports)
    ((killed,), (injured,)) = (_slots(dossier, "killed"), _slots(dossier, "injured"))
    assert (killed["best"], injured["best"]) == (1, 0)
    assert (injured["low"], injured["high"]) == (0, 1)  # the one report's count still bounds the range


def test_reconcile_casualties_hurt_one_silent_report_is_no_majority(store: Store) -> None:
    assert _best(store, [_shot_then_died(), _died()]) == 1


AMBUSH_HURT = "Three soldiers were killed and two were wounded in an ambush on Tuesday, the army said."
AMBUSH_ONE = "Three soldiers were killed and one soldier was wounded in an ambush on Tuesday, the army said."
AMBUSH = "Three soldiers were killed in an ambush on Tuesday, the ministry said."
AMBUSH_TOO = "Three soldiers died in the ambush on Tuesday, officials said."


def _ambush(text: str, hurt: str, count: int) -> list[Report]:
    return [
        (
            text,
            [
                _figure(text, "killed", "Three soldiers", 3, None, "killed"),
                _figure(text, "injured", hurt, count, None, "wounded"),
            ],
        ),
        (AMBUSH, [_figure(AMBUSH, "killed", "Three soldiers", 3, None, "killed")]),
        (AMBUSH_TOO, [_figure(AMBUSH_TOO, "killed", "Three soldiers", 3, None, "died")]),
    ]


def test_reconcile_casualties_hurt_a_count_written_as_a_number_keeps_its_wounded(store: Store) -> None:
    # conflict news: two outlets tell of the three dead only; the army's "two were wounded" is a count
    assert _best(store, _ambush(AMBUSH_HURT, "two", 2)) == 2


def test_reconcile_casualties_hurt_one_soldier_wounded_is_a_count_too(store: Store) -> None:
    assert _best(store, _ambush(AMBUSH_ONE, "one soldier", 1)) == 1


ANOTHER = "A man died and another man was wounded when shots were fired on Elm Street on Sunday."
KILLED = "A man was killed in a shooting on Elm Street on Sunday, police said."
KILLED_TOO = "Police identified the man who was killed in Sunday's Elm Street shooting."


def test_reconcile_casualties_hurt_a_person_set_apart_from_the_dead_keeps_the_vote(store: Store) -> None:
    reports = [
        (
            ANOTHER,
            [
                _figure(ANOTHER, "killed", "A man", 1, None, "killed"),
                _figure(ANOTHER, "injured", "another man", 1, None, "wounded"),
            ],
        ),
        (KILLED, [_figure(KILLED, "killed", "A man", 1, None, "killed")]),
        (KILLED_TOO, [_figure(KILLED_TOO, "killed", "the man", 1, None, "killed")]),
    ]
    assert _best(store, reports) == 1


SOLDIER = "Three soldiers were killed in an ambush on Tuesday. A soldier was hurt by the blast."


def _sided(side: dict[str, str] | None) -> list[Report]:
    first = (
        SOLDIER,
        [
            _figure(SOLDIER, "killed", "Three soldiers", 3, None, "killed", side),
            _figure(SOLDIER, "injured", "A soldier", 1, None, "hurt", side),
        ],
    )
    return [
        first,
        (AMBUSH, [_figure(AMBUSH, "killed", "Three soldiers", 3, None, "killed", side)]),
        (AMBUSH_TOO, [_figure(AMBUSH_TOO, "killed", "Three soldiers", 3, None, "died", side)]),
    ]


def test_reconcile_casualties_hurt_a_partys_wounded_are_left_alone(store: Store) -> None:
    # the slots name the army: a party's dead and wounded, not local news re-naming its victim
    assert _best(store, _sided(ARMY)) == 1


def test_reconcile_casualties_hurt_a_person_introduced_after_the_dead_keeps_the_vote(store: Store) -> None:
    # "A soldier was hurt" after "Three soldiers were killed": someone the story introduces, not the dead again
    assert _best(store, _sided(None)) == 1


def _one_hurt_beside(text: str, dead: str, hurt: str, silent: list[tuple[str, str]]) -> list[Report]:
    return [
        (text, [_figure(text, "killed", dead, 1, None, "killed"), _figure(text, "injured", hurt, 1, None, "hurt")]),
        *[(t, [_figure(t, "killed", v, 1, None, "killed")]) for t, v in silent],
    ]


WOMAN_HURT = "A man was killed and a woman was hurt in a shooting on Elm Street on Sunday, police said."
MAN_KILLED = "Police identified the man who was killed in Sunday's shooting on Elm Street as a local resident."
CIVILIAN = "Three soldiers were killed and a civilian was wounded in an ambush on Tuesday, the army said."


def test_reconcile_casualties_hurt_a_woman_hurt_beside_a_man_killed_are_two_people(store: Store) -> None:
    # whatever the silent reports of the death say, the woman is not the dead man named again
    silent = [(KILLED, "A man"), (KILLED_TOO, "the man"), (MAN_KILLED, "the man")]
    assert _best(store, _one_hurt_beside(WOMAN_HURT, "A man", "a woman", silent)) == 1


def test_reconcile_casualties_hurt_a_civilian_wounded_beside_soldiers_killed_are_others(store: Store) -> None:
    reports = [
        (
            CIVILIAN,
            [
                _figure(CIVILIAN, "killed", "Three soldiers", 3, None, "killed"),
                _figure(CIVILIAN, "injured", "a civilian", 1, None, "wounded"),
            ],
        ),
        (AMBUSH, [_figure(AMBUSH, "killed", "Three soldiers", 3, None, "killed")]),
        (AMBUSH_TOO, [_figure(AMBUSH_TOO, "killed", "Three soldiers", 3, None, "died")]),
    ]
    assert _best(store, reports) == 1


def test_reconcile_casualties_hurt_more_hurt_than_dead_are_no_dead_named_again(store: Store) -> None:
    text = "A man was killed and a woman and a boy were hurt in a shooting on Elm Street on Sunday."
    reports = [
        (
            text,
            [
                _figure(text, "killed", "A man", 1, None, "killed"),
                _figure(text, "injured", "a woman", 1, None, "hurt"),
                _figure(text, "injured", "a boy", 1, None, "hurt"),
            ],
        ),
        (KILLED, [_figure(KILLED, "killed", "A man", 1, None, "killed")]),
        (KILLED_TOO, [_figure(KILLED_TOO, "killed", "the man", 1, None, "killed")]),
    ]
    assert _best(store, reports) == 2


def test_reconcile_casualties_hurt_written_counts_and_words_that_set_apart() -> None:
    # an age in digits reads as a number too ("A 4-year-old"): the rule then keeps the vote (conservative)
    for value in ("two", "one soldier", "3", "dozens", "Twelve", "A 4-year-old"):
        assert WRITTEN_COUNT.search(value), value
    for value in ("A child", "the victim", "a woman", "someone"):
        assert not WRITTEN_COUNT.search(value), value
    for sentence in ("Two others were wounded.", "A fourth man was shot in the arm.", "He was also hit."):
        assert SET_APART.search(sentence), sentence
    assert not SET_APART.search("The boy was shot in the head.")


def _headlined(store: Store, first_title: str) -> int | None:
    text = "A man was killed in a shooting on Elm Street on Sunday. The man was hurt in the chest, police said."
    silent = [(KILLED, "A man"), (KILLED_TOO, "the man"), (MAN_KILLED, "the man")]
    stored: list[tuple[str, str, list[Claim], list[CasualtyFigure]]] = [
        (t, f"Outlet {n}", [], figures)
        for n, (t, figures) in enumerate(_one_hurt_beside(text, "A man", "The man", silent))
    ]
    titles = [first_title, "Man killed on Elm Street", "Man killed", "Victim named"]
    (slot,) = _slots(_store_event(store, stored, titles=titles), "injured")
    return slot["best"]  # type: ignore[no-any-return]


def test_reconcile_casualties_hurt_a_headline_count_of_the_hurt_keeps_its_vote(store: Store) -> None:
    # "1 dead, 1 hurt" in a headline states the count: the silent reports do not outvote it
    assert _headlined(store, "1 dead, 1 hurt in Elm Street shooting") == 1


def test_reconcile_casualties_hurt_the_dead_named_again_without_a_headline_count(store: Store) -> None:
    assert _headlined(store, "Shooting on Elm Street") == 0
