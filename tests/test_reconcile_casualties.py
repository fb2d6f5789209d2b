"""Casualty slots of local crime reports, reconciled from a real SQLite store (``reconcile_store``)."""

from __future__ import annotations

import json
from typing import Any

from rashomon.reconcile.dossier import reconcile_store
from rashomon.records import Article, ArticleAnalysis, CasualtyFigure, Claim
from rashomon.store import Store
from test_reconcile import at, insert_event, sentence

POLICE = {"actor_id": "police-US", "actor_name": "Police Forces of United States"}
GANG = {"actor_id": "gang-x", "actor_name": "Eastside Crew"}

TEXT_A = (
    "One man was killed and four other people were wounded in a shooting outside a bar on Main Street early "
    "Sunday, Sgt. Lee said. One of the wounded was taken to a hospital in serious condition, a hospital "
    "spokesman said. Their wounds are not considered life-threatening, police said."
)
TEXT_B = (
    "Four people were wounded and a man was killed in a shooting on Main Street, officers said. One victim "
    "was in critical condition, a hospital spokeswoman said."
)


def _claim(text: str, claimant: str, cue: str) -> Claim:
    start, end = sentence(text, claimant)
    who = at(text, claimant)
    return Claim(text[start:end], start, end, claimant, *who, cue, kind="indirect")


def _figure(
    text: str, kind: str, value: str, count: int, claim: int | None, trigger: str, side: dict[str, str] | None = None
) -> CasualtyFigure:
    start, end = at(text, value)
    s_start, s_end = sentence(text, value)
    return CasualtyFigure(
        kind,  # type: ignore[arg-type]
        value,
        start,
        end,
        count,
        count,
        side=side["actor_name"] if side else None,
        side_actor_id=side["actor_id"] if side else None,
        claim_index=claim,
        sentence_start=s_start,
        sentence_end=s_end,
        trigger=trigger,
    )


def _store_event(
    store: Store,
    reports: list[tuple[str, str, list[Claim], list[CasualtyFigure]]],
    days: list[str] | None = None,
    titles: list[str] | None = None,
) -> dict[str, Any]:
    """Store each report (text, outlet, claims, figures) with its analysis (published on ``days``, else on
    the event's day; headlined ``titles``, else none), cluster them into one event, reconcile the store, and
    return the stored dossier."""
    ids = []
    for n, (text, outlet, claims, figures) in enumerate(reports):
        day = days[n] if days else "2024-05-12"
        title = titles[n] if titles else None
        article = Article.create(text, f"{outlet}.txt", outlet=outlet, title=title, published_at=day)
        store.add_article(article)
        store.save_analysis(
            ArticleAnalysis(
                article.id,
                "test",
                claims=claims,
                casualties=figures,
                event_date="2024-05-12",
                event_date_precision="day",
            )
        )
        ids.append(article.id)
    insert_event(store, "ev-1", ids)
    assert reconcile_store(store)["rebuilt"] == 1
    row = store.db.execute("SELECT data FROM dossiers WHERE event_id = 'ev-1'").fetchone()
    return dict(json.loads(row[0]))


def _shooting(killer_side: dict[str, str] | None = None) -> list[tuple[str, str, list[Claim], list[CasualtyFigure]]]:
    a = TEXT_A
    b = TEXT_B
    return [
        (
            a,
            "Daily A",
            [_claim(a, "Sgt. Lee", "said"), _claim(a, "a hospital spokesman", "said"), _claim(a, "police", "said")],
            [
                _figure(a, "killed", "One man", 1, 0, "killed"),
                _figure(a, "injured", "four", 4, 0, "wounded"),
                _figure(a, "injured", "One of", 1, 1, "condition"),
                _figure(a, "injured", "Their", 1, 2, "wounds", POLICE),  # the claimant taken for the side
            ],
        ),
        (
            b,
            "Daily B",
            [_claim(b, "officers", "said"), _claim(b, "a hospital spokeswoman", "said")],
            [
                _figure(b, "injured", "Four", 4, 0, "wounded"),
                _figure(b, "killed", "a man", 1, 0, "killed", killer_side),
                _figure(b, "injured", "One victim", 1, 1, "condition"),
            ],
        ),
    ]


def _slots(dossier: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [slot for slot in dossier["casualties"] if slot["kind"] == kind]


def test_reconcile_casualties_one_sided_event_counts_people_per_report(store: Store) -> None:
    dossier = _store_event(store, _shooting())
    (injured,) = _slots(dossier, "injured")
    assert injured["side"] == "Police Forces of United States"
    # each report counts four wounded (the "one of the wounded" and "their" are among them); three
    # claimants' partial mentions of one person no longer outvote both reports' totals
    assert (injured["low"], injured["best"], injured["high"]) == (1, 4, 4)
    assert "2 report(s)" in injured["basis"]
    (killed,) = _slots(dossier, "killed")
    assert killed["best"] == 1


def test_reconcile_casualties_two_sided_event_keeps_counting_claimants(store: Store) -> None:
    dossier = _store_event(store, _shooting(killer_side=GANG))
    (injured,) = _slots(dossier, "injured")
    # two parties named: the wounded are counted by claimants, as in contested events
    assert injured["best"] == 1 and "independent claimant" in injured["basis"]


NIGHTCLUB = (
    "Seven people were wounded in a shooting outside a nightclub early Saturday, police said. No one was killed."
)
NIGHTCLUB_AGAIN = "Police said seven people were wounded outside a nightclub on Saturday. No one was killed."
NIGHTCLUB_DEATH = "Seven people were shot outside a nightclub early Saturday, police said. One man died, police said."


def _nightclub(
    text: str, outlet: str, deaths: int, *, hurt: bool = True
) -> tuple[str, str, list[Claim], list[CasualtyFigure]]:
    dead = "One man" if deaths else "No one"
    seven = "Seven" if "Seven" in text else "seven"
    figures = [_figure(text, "killed", dead, deaths, 0, "died" if deaths else "killed")]
    if hurt:
        figures.insert(0, _figure(text, "injured", seven, 7, 0, "wounded" if "wounded" in text else "shot"))
    return text, outlet, [_claim(text, "police" if "police" in text else "Police", "said")], figures


def test_reconcile_casualties_reports_counting_the_hurt_vote_no_deaths(store: Store) -> None:
    dossier = _store_event(
        store,
        [
            _nightclub(NIGHTCLUB, "Daily A", 0),
            _nightclub(NIGHTCLUB_AGAIN, "Daily C", 0),
            _nightclub(NIGHTCLUB_DEATH, "Daily B", 1),
        ],
    )
    (killed,) = _slots(dossier, "killed")
    # two reports count seven hurt and nobody dead: their 0 outvotes one report's death
    assert (killed["low"], killed["best"], killed["high"]) == (0, 0, 1)
    assert "2 report(s)" in killed["basis"]


def test_reconcile_casualties_zero_deaths_of_reports_counting_no_one_hurt_do_not_vote(store: Store) -> None:
    quiet = _nightclub(NIGHTCLUB, "Daily A", 0, hurt=False)
    also_quiet = _nightclub(NIGHTCLUB_AGAIN, "Daily C", 0, hurt=False)
    dossier = _store_event(store, [quiet, also_quiet, _nightclub(NIGHTCLUB_DEATH, "Daily B", 1)])
    (killed,) = _slots(dossier, "killed")
    assert killed["best"] == 1  # their 0 may be a silence: only the death is counted


SHOT_DEAD = "A man was killed and two women were wounded in a shooting on Main Street, police said."
FOLLOW_UP = "Three people were wounded in a shooting on Main Street, police said. All three are recovering."


def _follow_up() -> list[tuple[str, str, list[Claim], list[CasualtyFigure]]]:
    return [
        (
            SHOT_DEAD,
            "Daily A",
            [_claim(SHOT_DEAD, "police", "said")],
            [
                _figure(SHOT_DEAD, "killed", "A man", 1, 0, "killed"),
                _figure(SHOT_DEAD, "injured", "two", 2, 0, "wounded"),
            ],
        ),
        (
            FOLLOW_UP,
            "Daily B",
            [_claim(FOLLOW_UP, "police", "said")],
            [_figure(FOLLOW_UP, "injured", "Three", 3, 0, "wounded")],
        ),
    ]


def test_reconcile_casualties_later_report_silent_on_deaths_counts_none(store: Store) -> None:
    # the follow-up of the next day counts the hurt and names no dead: its silence is a count of 0
    dossier = _store_event(store, _follow_up(), days=["2024-05-12", "2024-05-13"])
    (killed,) = _slots(dossier, "killed")
    assert (killed["low"], killed["best"], killed["high"]) == (0, 0, 1)


def test_reconcile_casualties_earlier_report_silent_on_deaths_does_not_vote(store: Store) -> None:
    # published the day before the report of the death, the report may precede the death: it does not vote
    dossier = _store_event(store, _follow_up(), days=["2024-05-13", "2024-05-12"])
    (killed,) = _slots(dossier, "killed")
    assert killed["best"] == 1


def test_reconcile_casualties_same_day_report_silent_on_deaths_counts_none(store: Store) -> None:
    # published the same day, the report of the hurt names the dead it knows of (seventh session)
    dossier = _store_event(store, _follow_up(), days=["2024-05-12", "2024-05-12"])
    (killed,) = _slots(dossier, "killed")
    assert killed["best"] == 0
