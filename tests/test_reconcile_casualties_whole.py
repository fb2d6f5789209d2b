"""A death toll stated whole over a sum of mentions (``tie_votes.whole_over_mentions``): "two people were found
dead" outweighs reports that state no toll of their own (mentions under a tally headline); reconciled from a
real SQLite store; a party's own mentions against another party's higher figure stay a conflict, and the hurt
keep their votes."""

from __future__ import annotations

from typing import Any

from rashomon.records import CasualtyFigure, Claim
from rashomon.store import Store
from test_reconcile import at
from test_reconcile_casualties import _figure, _slots, _store_event
from test_reconcile_casualties_ties import _claim

Report = tuple[str, str, list[Claim], list[CasualtyFigure]]  # title, text, claims, figures

NAMED = "Marcus Lee, 23, was killed in an apartment on Elm Street on Sunday, police said."
NAMED_AGAIN = "Marcus Lee, 23, died after he was shot at a home on Elm Street on Sunday night, police said."
TWO_DEAD = "Two people were found dead in an apartment on Elm Street on Sunday, police said."
TALLIES = ("Police identify man killed in weekend shootings", "Victims of Sunday's shootings named")


def _reconciled(store: Store, reports: list[Report]) -> dict[str, Any]:
    stored = [(text, f"Outlet {n}", claims, figures) for n, (_, text, claims, figures) in enumerate(reports)]
    return _store_event(store, stored, titles=[title for title, *_ in reports])


def _report(title: str, text: str, kind: str, value: str, count: int, claimant: str | None) -> Report:
    claims = [_claim(text, "police", claimant)] if claimant else []
    trigger = "killed" if "killed" in text else ("died" if kind == "killed" else "wounded")
    return title, text, claims, [_figure(text, kind, value, count, 0 if claimant else None, trigger)]


def _named(titles: tuple[str, str] = TALLIES, claimant: str | None = None) -> list[Report]:
    return [
        _report(titles[0], NAMED, "killed", "Marcus Lee", 1, claimant),
        _report(titles[1], NAMED_AGAIN, "killed", "Marcus Lee", 1, claimant),
    ]


def _two(claimant: str | None = None) -> Report:
    return _report("Police investigate deaths in Elm Street apartment", TWO_DEAD, "killed", "Two people", 2, claimant)


def _killed(dossier: dict[str, Any]) -> dict[str, Any]:
    (slot,) = _slots(dossier, "killed")
    return slot


def test_reconcile_casualties_whole_a_stated_toll_outweighs_mentions_under_tally_headlines(store: Store) -> None:
    killed = _killed(_reconciled(store, [*_named(), _two()]))
    # two reports under headlines of several shootings name one of the dead; the third states the toll
    assert (killed["low"], killed["best"], killed["high"]) == (1, 2, 2)


def test_reconcile_casualties_whole_a_majority_stated_whole_stands(store: Store) -> None:
    titles = ("Man killed in Elm Street shooting identified", "Elm Street victim named")
    # "Marcus Lee" named by two reports of the event is their count of one: it keeps its majority
    assert _killed(_reconciled(store, [*_named(titles), _two()]))["best"] == 1


def test_reconcile_casualties_whole_a_partys_mentions_against_another_partys_toll(store: Store) -> None:
    reports = [*_named(claimant="army-x"), _two("ministry-y")]
    # a later figure from another claimant is a conflict, not an update: the lower count stands
    assert _killed(_reconciled(store, reports))["best"] == 1


def test_reconcile_casualties_whole_a_partys_mentions_against_the_outlets_own_toll(store: Store) -> None:
    killed = _killed(_reconciled(store, [*_named(claimant="army-x"), _two()]))
    # the outlet's own "Two people were found dead" is no party's figure: no dispute, the toll stated whole
    # wins; the army's mentions state no toll and stay in the slot, attributed, as the low bound
    assert (killed["low"], killed["best"], killed["high"]) == (1, 2, 2)
    assert {c["claimant_actor_id"] for c in killed["claims"]} == {"army-x", None}


ARMY_MENTIONS = (
    (
        "Soldiers killed in weekend border clashes",
        "A soldier was killed by shelling near Berd on Sunday, the army said.",
    ),
    (
        "Victims of weekend border clashes named",
        "Another soldier was killed by shelling near Berd on Sunday, the army said.",
    ),
)
MEDIA = "Twelve soldiers were killed by shelling near Berd on Sunday, local media said."
OWN_TOLL = "Twelve soldiers were killed by shelling near Berd on Sunday."


def _against_the_army(store: Store, own_toll: bool) -> dict[str, Any]:
    """The army's two mentions of one dead (under tally headlines) against local media's twelve (a label no
    actor resolves), and with ``own_toll`` an outlet stating the twelve in its own voice."""
    reports: list[Report] = [
        (
            title,
            text,
            [_claim(text, "the army", "army-x")],
            [_figure(text, "killed", text.split(" was")[0], 1, 0, "killed")],
        )
        for title, text in ARMY_MENTIONS
    ]
    start, end = at(MEDIA, "local media")
    claims = [Claim(MEDIA, 0, len(MEDIA), "local media", start, end, "said")]
    reports.append(
        ("Border clashes: what we know", MEDIA, claims, [_figure(MEDIA, "killed", "Twelve soldiers", 12, 0, "killed")])
    )
    if own_toll:
        figure = _figure(OWN_TOLL, "killed", "Twelve soldiers", 12, None, "killed")
        reports.append(("Border clashes: the toll", OWN_TOLL, [], [figure]))
    return _killed(_reconciled(store, reports))


def test_reconcile_casualties_whole_a_partys_mentions_against_a_labelled_claimants_toll(store: Store) -> None:
    killed = _against_the_army(store, own_toll=False)
    # "local media" is a party too: its twelve against the army's mentions is a dispute, not a toll stated
    # over mentions; the army's count keeps its votes and the twelve stays the high bound
    assert (killed["low"], killed["best"], killed["high"]) == (1, 1, 12)


def test_reconcile_casualties_whole_a_toll_an_outlet_states_itself_is_no_partys(store: Store) -> None:
    # an outlet states the twelve in its own voice: no party's figure, the toll stated whole wins
    assert _against_the_army(store, own_toll=True)["best"] == 12


def test_reconcile_casualties_whole_the_same_partys_toll_stands(store: Store) -> None:
    assert _killed(_reconciled(store, [*_named(claimant="army-x"), _two("army-x")]))["best"] == 2


HURT = "Marcus Lee, 23, was wounded in an apartment on Elm Street on Sunday, police said."
HURT_AGAIN = "Marcus Lee, 23, was wounded at a home on Elm Street on Sunday night, police said."
TWO_HURT = "Two people were wounded in an apartment on Elm Street on Sunday, police said."


def test_reconcile_casualties_whole_the_hurt_keep_their_votes(store: Store) -> None:
    reports = [
        _report(TALLIES[0].replace("killed", "hurt"), HURT, "injured", "Marcus Lee", 1, None),
        _report(TALLIES[1], HURT_AGAIN, "injured", "Marcus Lee", 1, None),
        _report("Police investigate Elm Street apartment shooting", TWO_HURT, "injured", "Two people", 2, None),
    ]
    (injured,) = _slots(_reconciled(store, reports), "injured")
    # a number of the hurt stated whole often counts the shot, the dead among them: the two votes stand
    assert injured["best"] == 1
