"""A count a report itself takes past a number (``reconcile/added_victims.py``): "four victims ... a fifth victim"
outweighs the earlier reports' four, reconciled from a real SQLite store; another claimant's higher figure stays
a conflict, not an update."""

from __future__ import annotations

import json
from typing import Any

from rashomon.reconcile.added_victims import elsewhere
from rashomon.reconcile.dossier import reconcile_store
from rashomon.reconcile.evidence import FigureClaim
from rashomon.records import Article, ArticleAnalysis, CasualtyFigure, Claim, Place, TimeExpr
from rashomon.store import Store
from test_reconcile import at, insert_event
from test_reconcile_casualties import _figure, _slots, _store_event
from test_reconcile_casualties_ties import _claim

Report = tuple[str, str, str, list[Claim], list[CasualtyFigure]]  # day, title, text, claims, figures

FIRST = "Four people were wounded in a drive-by shooting on Elm Street on Sunday night, police said."
FIFTH = (
    "Officers found four victims who had been struck by gunfire on Elm Street. "
    "A fifth victim was found later at a hospital, police said."
)
ANOTHER = (
    "Officers found four victims who had been struck by gunfire on Elm Street. "
    "Another man was shot in the leg and walked into a hospital, police said."
)


def _reconciled(store: Store, reports: list[Report]) -> dict[str, Any]:
    stored = [(text, f"Outlet {n}", claims, figures) for n, (_, _, text, claims, figures) in enumerate(reports)]
    return _store_event(store, stored, days=[r[0] for r in reports], titles=[r[1] for r in reports])


def _first(day: str) -> Report:
    return (
        day,
        "Drive-by shooting on Elm Street leaves 4 wounded",
        FIRST,
        [],
        [_figure(FIRST, "injured", "Four people", 4, None, "wounded")],
    )


def _fuller(day: str, text: str = FIFTH, added: str = "A fifth victim") -> Report:
    figures = [
        _figure(text, "injured", "four victims", 4, None, "struck"),
        _figure(text, "injured", added, 1, None, "found" if added.startswith("A fifth") else "shot"),
    ]
    return (day, "Five arrested in Elm Street drive-by shooting", text, [], figures)


def _injured(dossier: dict[str, Any]) -> tuple[int | None, int | None, int | None]:
    (slot,) = _slots(dossier, "injured")
    return slot["low"], slot["best"], slot["high"]


def test_reconcile_casualties_added_a_fifth_victim_outweighs_the_first_headline(store: Store) -> None:
    dossier = _reconciled(store, [_first("2024-05-12"), _fuller("2024-05-16")])
    # the first headline's four weighs double; the later report's own "four ... a fifth" is the count past it
    assert _injured(dossier) == (1, 5, 5)


def test_reconcile_casualties_added_another_man_after_four_is_one_of_them(store: Store) -> None:
    # the per-report count takes "another man" after "four victims" for one of the four (extraction): no
    # count past four, the first headline's double vote stands
    dossier = _reconciled(store, [_first("2024-05-12"), _fuller("2024-05-13", ANOTHER, "Another man")])
    assert _injured(dossier)[1] == 4


def test_reconcile_casualties_added_a_report_written_after_keeps_its_vote(store: Store) -> None:
    dossier = _reconciled(store, [_fuller("2024-05-12"), _first("2024-05-16")])
    # the report of four is the later one: it may know better (the fifth was of another shooting); its
    # headline's four weighs double
    assert _injured(dossier)[1] == 4


def test_reconcile_casualties_added_not_under_a_tally_headline(store: Store) -> None:
    day, _, text, claims, figures = _fuller("2024-05-12")
    tallied = (day, "Five shot on Elm Street block within 10 hours", text, claims, figures)
    # a headline that counts over a period tells of several incidents: its fifth may be the other one's
    assert _injured(_reconciled(store, [_first("2024-05-12"), tallied]))[1] == 4


SECOND = "One man was wounded on Elm Street on Sunday. Another man was shot in the leg, police said."


def test_reconcile_casualties_added_a_second_person_is_no_count_past_a_number(store: Store) -> None:
    one = (
        "2024-05-12",
        "1 hurt in Elm Street shooting",
        FIRST,
        [],
        [_figure(FIRST, "injured", "Four people", 1, None, "wounded")],
    )
    second = (
        "2024-05-13",
        "Police identify man shot on Elm Street",
        SECOND,
        [],
        [
            _figure(SECOND, "injured", "One man", 1, None, "wounded"),
            _figure(SECOND, "injured", "Another man", 1, None, "shot"),
        ],
    )
    # a total of 2 is never taken as grown: "another" beside one names another victim as often as a new count
    assert _injured(_reconciled(store, [one, second]))[1] == 1


ARMY = "Four soldiers were wounded in the border clash on Tuesday, the army said."
FIFTH_SOLDIER = (
    "Four soldiers were wounded in the border clash on Tuesday, the ministry said. "
    "A fifth soldier wounded in the clash was found later at a field hospital, the ministry said."
)


def _clash(ministry_id: str) -> list[Report]:
    return [
        (
            "2024-05-12",
            "Soldiers wounded in border clash",
            ARMY,
            [_claim(ARMY, "the army", "army-x")],
            [_figure(ARMY, "injured", "Four soldiers", 4, 0, "wounded")],
        ),
        (
            "2024-05-13",
            "Ministry gives border clash toll",
            FIFTH_SOLDIER,
            [_claim(FIFTH_SOLDIER, "the ministry", ministry_id)],
            [
                _figure(FIFTH_SOLDIER, "injured", "Four soldiers", 4, 0, "wounded"),
                _figure(FIFTH_SOLDIER, "injured", "A fifth soldier", 1, None, "wounded"),
            ],
        ),
    ]


def test_reconcile_casualties_added_another_partys_fifth_soldier_is_a_conflict(store: Store) -> None:
    (injured,) = _slots(_reconciled(store, _clash("ministry-y")), "injured")
    # a later figure from another claimant is a conflict, not an update: the army's four keeps its vote and
    # the tie goes to the conservative figure
    assert injured["best"] == 4


def test_reconcile_casualties_added_the_same_partys_fifth_soldier_raises_the_count(store: Store) -> None:
    (injured,) = _slots(_reconciled(store, _clash("army-x")), "injured")
    # the army's own later count: a fifth soldier of the same clash, found later
    assert injured["best"] == 5


SHELLING = "Four soldiers were wounded in the shelling near Berd on Tuesday, local media reported."
ANOTHER_ATTACK = (
    "Four soldiers were wounded in the shelling near Berd on Tuesday, local media reported. "
    "A fifth soldier was wounded on Thursday in another attack near Chinari, 40 kilometres away."
)


def test_reconcile_casualties_added_a_soldier_of_another_attack_adds_no_one(store: Store) -> None:
    reports: list[Report] = [
        (
            "2024-05-14",
            "Soldiers wounded in Berd shelling",
            SHELLING,
            [],
            [_figure(SHELLING, "injured", "Four soldiers", 4, None, "wounded")],
        ),
        (
            "2024-05-16",
            "Tensions rise on the border",
            ANOTHER_ATTACK,
            [],
            [
                _figure(ANOTHER_ATTACK, "injured", "Four soldiers", 4, None, "wounded"),
                _figure(ANOTHER_ATTACK, "injured", "A fifth soldier", 1, None, "wounded"),
            ],
        ),
    ]
    # the fifth soldier was hurt in another attack: Tuesday's shelling still counts four
    assert _injured(_reconciled(store, reports))[1] == 4


EVENT_DAY = "2024-05-14"  # Tuesday
PLACES = {  # name -> (lat, lon)
    "Berd": (40.881, 45.390),
    "Chinari": (40.929, 45.307),  # about 9 km from Berd
    "Noyemberyan": (41.173, 44.999),  # about 45 km from Berd
    "Yerevan": (40.177, 44.513),  # about 95 km from Berd
}
DAYS = {"Tuesday": EVENT_DAY, "Thursday": "2024-05-16"}


def _analysed(
    store: Store, texts: list[tuple[str, str, str]], kind: str = "injured", added: str = "A fifth soldier"
) -> dict[str, Any]:
    """Store reports (published day, title, text) whose analyses carry the places and days their text names
    (the event's place: Berd, the event's day: Tuesday) and the figures of ``kind`` "Four soldiers" and
    ``added`` (one person); cluster them into one event, reconcile, and return the dossier."""
    ids = []
    for n, (published, title, text) in enumerate(texts):
        article = Article.create(text, f"Outlet {n}.txt", outlet=f"Outlet {n}", title=title, published_at=published)
        store.add_article(article)
        places = [
            Place(name, *at(text, name), name, "AM", lat, lon, "town")
            for name, (lat, lon) in PLACES.items()
            if name in text
        ]
        times = [TimeExpr(word, *at(text, word), date, "day") for word, date in DAYS.items() if word in text]
        trigger = "wounded" if kind == "injured" else "killed"
        figures = [_figure(text, kind, "Four soldiers", 4, None, trigger)]
        if added in text:
            figures.append(_figure(text, kind, added, 1, None, "died" if "died" in text else trigger))
        store.save_analysis(
            ArticleAnalysis(
                article.id,
                "test",
                casualties=figures,
                places=places,
                times=times,
                event_date=EVENT_DAY,
                event_date_precision="day",
                event_place=0,
            )
        )
        ids.append(article.id)
    insert_event(store, "ev-1", ids)
    assert reconcile_store(store)["rebuilt"] == 1
    row = store.db.execute("SELECT data FROM dossiers WHERE event_id = 'ev-1'").fetchone()
    return dict(json.loads(row[0]))


def _fifth(store: Store, added: str) -> int | None:
    """The injured best of the army's four and a later report's four plus ``added``."""
    first = (
        "2024-05-14",
        "Soldiers wounded in Berd shelling",
        SHELLING.replace("local media reported", "the army said"),
    )
    later = SHELLING.replace("local media reported", "the army said") + " " + added
    return _injured(_analysed(store, [first, ("2024-05-17", "Army updates border toll", later)]))[1]


def test_reconcile_casualties_added_a_soldier_wounded_on_another_day_adds_no_one(store: Store) -> None:
    # "on Thursday" names another day than Tuesday's shelling: another incident, the four keep their votes
    assert _fifth(store, "A fifth soldier was wounded by a sniper on Thursday, the army said.") == 4


def test_reconcile_casualties_added_a_soldier_wounded_far_away_adds_no_one(store: Store) -> None:
    # Noyemberyan lies about 45 km from Berd: another incident's place
    assert _fifth(store, "A fifth soldier was wounded by a sniper near Noyemberyan, the army said.") == 4


def test_reconcile_casualties_added_a_soldier_wounded_nearby_that_day_raises_the_count(store: Store) -> None:
    # the same day and a village 9 km away: the same shelling, found later
    added = "A fifth soldier was wounded near Chinari on Tuesday and found later, the army said."
    assert _fifth(store, added) == 5


KILLED = "Four soldiers were killed in the shelling near Berd on Tuesday, the army said."


def _killed_best(store: Store, added_sentence: str, added: str) -> int | None:
    """The killed best of the army's four and a later report's four plus the ``added`` person."""
    first = ("2024-05-14", "Soldiers killed in Berd shelling", KILLED)
    later = ("2024-05-17", "Army updates border toll", KILLED + " " + added_sentence)
    (slot,) = _slots(_analysed(store, [first, later], kind="killed", added=added), "killed")
    return int(slot["best"])


def test_reconcile_casualties_added_a_soldier_who_died_later_raises_the_count(store: Store) -> None:
    # the commonest added victim: wounded in Tuesday's shelling, dead on Thursday -- Thursday is the death's day
    added = "A fifth soldier, wounded in the shelling, died in hospital on Thursday, the army said."
    assert _killed_best(store, added, "A fifth soldier") == 5


def _claimed(text: str, count: int, days: tuple[str, ...] = ()) -> FigureClaim:
    record = {"text": text, "start": 0, "end": len(text)}
    return FigureClaim("a", "killed", count, count, False, False, None, None, "outlet:a", record, days, EVENT_DAY)


def test_reconcile_casualties_added_another_shelling_victim_is_of_the_same_shelling() -> None:
    before = [_claimed(KILLED, 4, (EVENT_DAY,))]
    # "another shelling victim" names a person of the shelling, not another shelling
    assert not elsewhere(None, _claimed("Another shelling victim died overnight, the army said.", 1), before)
    # "in another shelling" still turns to another incident
    other = "Another soldier was killed in another shelling of the village, the army said."
    assert elsewhere(None, _claimed(other, 1), before)


def test_reconcile_casualties_added_a_hospital_far_away_is_no_other_incident(store: Store) -> None:
    # Yerevan, about 95 km away, is where the soldier was treated: the shelling near Berd is the incident
    added = "A fifth soldier was taken to a military hospital in Yerevan, the army said."
    assert _fifth(store, added) == 5
