"""Roundup reports (several incidents on one page): the part about the event, and the dossier's count."""

from __future__ import annotations

import json
from typing import Any

from rashomon.reconcile.dossier import reconcile_store
from rashomon.reconcile.roundups import event_part
from rashomon.records import Article, ArticleAnalysis, CasualtyFigure
from rashomon.store import Store
from test_reconcile import insert_event
from test_reconcile_casualties import _figure

ROUNDUP = (
    "Police are investigating two separate shootings that left six people injured on Wednesday night. "
    "The first shooting happened on Alabama Street, where four people were shot in front of a building. "
    "All four victims were taken to a hospital with injuries that are not life-threatening. "
    "The second shooting happened an hour later on Natoma Street, where two people were wounded. "
    "Both victims are in stable condition."
)
SINGLE = (
    "Four people were shot in front of a building on Alabama Street on Wednesday night, police said. "
    "Detectives said the gun had been used in another shooting last month. "
    "Police are looking into two shootings in the area this year."
)


def _roundup_figures() -> list[CasualtyFigure]:
    return [
        _figure(ROUNDUP, "injured", "six", 6, None, "injured"),
        _figure(ROUNDUP, "injured", "four people", 4, None, "shot"),
        _figure(ROUNDUP, "injured", "two people", 2, None, "wounded"),
    ]


def _dossier(store: Store, text: str, title: str, figures: list[CasualtyFigure]) -> dict[str, Any]:
    article = Article.create(text, "roundup.txt", outlet="Bay News", title=title, published_at="2024-05-09")
    store.add_article(article)
    store.save_analysis(
        ArticleAnalysis(article.id, "test", casualties=figures, event_date="2024-05-08", event_date_precision="day")
    )
    insert_event(store, "ev-1", [article.id])
    assert reconcile_store(store)["rebuilt"] == 1
    row = store.db.execute("SELECT data FROM dossiers WHERE event_id = 'ev-1'").fetchone()
    return dict(json.loads(row[0]))


def test_roundups_part_ends_before_the_next_incident() -> None:
    part = event_part(ROUNDUP)
    assert part is not None
    assert part.end == ROUNDUP.index("The second shooting")
    held = [f.value_text for f in _roundup_figures() if part.holds(f)]
    assert held == ["four people"]  # the lead's tally and the second shooting's victims are left out


def test_roundups_headline_tally_makes_a_roundup() -> None:
    text = ROUNDUP.replace("two separate shootings that left six people injured", "gunfire")
    assert event_part(text) is None  # the text itself no longer counts several incidents
    part = event_part(text, "8 injured in two Oakland shootings")
    assert part is not None and part.end == text.index("The second shooting")


def test_roundups_single_incident_with_a_passing_mention_is_read_whole() -> None:
    assert event_part(SINGLE) is None  # "another shooting" mid-sentence does not open a new incident


def test_roundups_dossier_counts_only_the_lead_incident(store: Store) -> None:
    dossier = _dossier(store, ROUNDUP, "Six people injured in two separate shootings", _roundup_figures())
    (injured,) = [slot for slot in dossier["casualties"] if slot["kind"] == "injured"]
    assert injured["best"] == 4
    assert injured["high"] == 6  # the tally still bounds the range the page states


def test_roundups_single_report_keeps_its_whole_count(store: Store) -> None:
    figures = [_figure(SINGLE, "injured", "Four people", 4, None, "shot")]
    dossier = _dossier(store, SINGLE, "Four shot on Alabama Street", figures)
    (injured,) = [slot for slot in dossier["casualties"] if slot["kind"] == "injured"]
    assert injured["best"] == 4


def test_roundups_a_later_incident_of_the_night_is_a_turn() -> None:
    text = (
        "Police are looking into two shootings on the north side on Tuesday night. "
        "A 16-year-old accidentally shot himself in the leg on 16th Avenue.He is expected to recover. "
        "Not long after, a 28-year-old showed up at a hospital with a gunshot wound."
    )
    part = event_part(text)
    assert part is not None
    assert part.end == text.index("Not long after")
    # a sentence that runs into the next without a space still ends at its period
    assert text[part.tallies[0][0] : part.tallies[0][1]].startswith("Police are looking into two shootings")


def test_roundups_an_arrest_an_hour_later_in_one_incident_is_no_roundup() -> None:
    text = (
        "Four people were shot outside a club on Main Street early Sunday. "
        "An hour later, officers arrested a man nearby. "
        "Police said the shooting was not related to recent burglaries."
    )
    assert event_part(text) is None  # a turn without a count of several incidents is no roundup
