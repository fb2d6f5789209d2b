"""Step 5's tie rule (``reconcile/tie_votes.py``): which of two report totals with one vote each wins,
reconciled from a real SQLite store (``reconcile_store``); conflict-news pairs keep the conservative figure."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rashomon.reconcile.tie_votes import tally
from rashomon.records import CasualtyFigure, Claim
from rashomon.store import Store
from test_reconcile import at, sentence
from test_reconcile_casualties import _figure, _slots, _store_event

Report = tuple[str, str, list[Claim], list[CasualtyFigure]]  # title, text, claims, figures

ONE_NAMED = "A 17-year-old boy was shot in the leg outside the school on Elm Street, police said."
FIVE_SHOT = "Five people were shot outside the school on Elm Street on Tuesday, police said."


def _reconciled(store: Store, reports: list[Report]) -> dict[str, Any]:
    """Store each report (same day, its own outlet) with its analysis, cluster them into one event,
    reconcile, return the dossier."""
    stored = [(text, f"Outlet {n}", claims, figures) for n, (_, text, claims, figures) in enumerate(reports)]
    return _store_event(store, stored, titles=[title for title, *_ in reports])


def _slot(dossier: dict[str, Any], kind: str) -> dict[str, Any]:
    (slot,) = _slots(dossier, kind)
    return slot


def _one_named() -> Report:
    return (
        "Boy hurt near Elm Street school",
        ONE_NAMED,
        [],
        [_figure(ONE_NAMED, "injured", "A 17-year-old boy", 1, None, "shot")],
    )


def test_reconcile_casualties_ties_a_total_stated_whole_beats_one_named_victim(store: Store) -> None:
    five = (
        "Suspect held after Elm Street school shooting",
        FIVE_SHOT,
        [],
        [_figure(FIVE_SHOT, "injured", "Five", 5, None, "shot")],
    )
    injured = _slot(_reconciled(store, [_one_named(), five]), "injured")
    # one report names the boy it follows, the other states the toll: "Five people were shot"
    assert (injured["low"], injured["best"], injured["high"]) == (1, 5, 5)


def test_reconcile_casualties_ties_a_weekend_tally_states_no_toll(store: Store) -> None:
    text = "Five people were shot in the city over the weekend, including the boy on Elm Street, police said."
    weekend = ("Violent weekend in the city", text, [], [_figure(text, "injured", "Five", 5, None, "shot")])
    injured = _slot(_reconciled(store, [_one_named(), weekend]), "injured")
    assert injured["best"] == 1  # the five are a weekend's tally: the tie goes to the lower total


def test_reconcile_casualties_ties_a_count_over_hours_states_no_toll(store: Store) -> None:
    text = "Five people were shot in less than 30 hours in the city, police said."
    hours = ("Police step up patrols", text, [], [_figure(text, "injured", "Five", 5, None, "shot")])
    assert _slot(_reconciled(store, [_one_named(), hours]), "injured")["best"] == 1


def test_reconcile_casualties_ties_partial_mentions_add_up_to_no_whole_count(store: Store) -> None:
    text = "A man was shot in the arm on Elm Street. His brother was shot in the leg, police said."
    parts = [
        _figure(text, "injured", "A man", 1, None, "shot"),
        _figure(text, "injured", "His brother", 1, None, "shot"),
    ]
    single = "A man was shot in the arm on Elm Street on Tuesday, police said."
    reports = [("Man shot on Elm Street", single, [], []), ("Brothers hurt on Elm Street", text, [], parts)]
    reports[0] = (reports[0][0], single, [], [_figure(single, "injured", "A man", 1, None, "shot")])
    injured = _slot(_reconciled(store, reports), "injured")
    assert injured["best"] == 1  # "a man" + "his brother" is a sum of parts, not a stated two: ties to the lower


def _claim(text: str, claimant: str, actor_id: str) -> Claim:
    start, end = sentence(text, claimant)
    who = at(text, claimant)
    return Claim(
        text[start:end], start, end, claimant, *who, "said", claimant_actor=claimant, claimant_actor_id=actor_id
    )


ARMY = "Eight soldiers were killed in the border clash on Tuesday, the army said."
MINISTRY = "Twelve soldiers were killed in the border clash on Tuesday, the defence ministry said."


def _clash(ministry_id: str) -> list[Report]:
    return [
        (
            "Soldiers killed in border clash",
            ARMY,
            [_claim(ARMY, "the army", "army-x")],
            [_figure(ARMY, "killed", "Eight soldiers", 8, 0, "killed")],
        ),
        (
            "Border clash toll disputed",
            MINISTRY,
            [_claim(MINISTRY, "the defence ministry", ministry_id)],
            [_figure(MINISTRY, "killed", "Twelve soldiers", 12, 0, "killed")],
        ),
    ]


def test_reconcile_casualties_ties_a_dispute_between_parties_keeps_the_lower_figure(store: Store) -> None:
    killed = _slot(_reconciled(store, _clash("ministry-y")), "killed")
    # an army's eight against another party's twelve: a dispute, the conservative figure, the range both
    assert (killed["low"], killed["best"], killed["high"]) == (8, 8, 12)


def test_reconcile_casualties_ties_one_party_raising_its_count_is_no_dispute(store: Store) -> None:
    killed = _slot(_reconciled(store, _clash("army-x")), "killed")
    assert killed["best"] == 12  # the same party states both: its later, whole count stands


def test_reconcile_casualties_ties_the_shot_count_the_dead_too(store: Store) -> None:
    shot = "Four people were shot at an apartment complex on Elm Street, police said."
    toll = "One man was killed and three people were injured at an apartment complex on Elm Street, police said."
    reports = [
        (
            "Child among 4 shot at Elm Street apartments",
            shot,
            [],
            [_figure(shot, "injured", "Four people", 4, None, "shot")],
        ),
        (
            "One dead, three injured in Elm Street shooting",
            toll,
            [],
            [
                _figure(toll, "killed", "One man", 1, None, "killed"),
                _figure(toll, "injured", "three people", 3, None, "injured"),
            ],
        ),
    ]
    dossier = _reconciled(store, reports)
    # four shot = the three hurt + the one dead: the hurt stay three
    assert (_slot(dossier, "killed")["best"], _slot(dossier, "injured")["best"]) == (1, 3)


def test_reconcile_casualties_ties_tally_reads_periods_and_several_incidents() -> None:
    assert tally("8 shot, 2 dead in less than 24 hours in Riverton")
    assert tally("Teen among 12 killed in deadliest weekend of summer")
    assert tally("Nine killed over the past three days")
    assert not tally("Five people were shot outside the school on Tuesday")
    assert not tally("He died in the hours after the shooting")


def test_reconcile_casualties_ties_dozens_claimed_by_the_other_side_never_wins(store: Store) -> None:
    dozens = "Dozens of soldiers were killed in the border clash on Tuesday, the defence ministry said."
    vague = _figure(dozens, "killed", "Dozens of soldiers", 24, 0, "killed")
    vague = replace(vague, count_max=None, vague=True)
    reports = [
        _clash("ministry-y")[0],
        ("Border clash toll disputed", dozens, [_claim(dozens, "the defence ministry", "ministry-y")], [vague]),
    ]
    killed = _slot(_reconciled(store, reports), "killed")
    assert killed["best"] == 8  # "dozens" states no number: it bounds the range and never wins
    assert killed["high"] >= 24
