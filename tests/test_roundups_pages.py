"""Page roundups (several incidents named, no turn between them): their page total does not outvote the event."""

from __future__ import annotations

from typing import Any

from rashomon.reconcile.evidence import Report
from rashomon.reconcile.roundups import page_roundup
from rashomon.records import Article, CasualtyFigure
from rashomon.store import Store
from test_reconcile_casualties import _figure
from test_reconcile_casualties_died import _reconciled

PAGE = (
    "A boy and two men were wounded in shootings across the city on Saturday night, police said. "
    "The boy was hit on Elm Street. Two men were shot hours apart on Pine Avenue and near the harbor."
)
PAGE_TITLE = "Boy, 2 men injured in city shootings"
LOCAL = (
    "A 12-year-old boy was shot on Elm Street on Saturday night, police said. "
    "He was taken to a hospital and is expected to survive."
)
LOCAL_TITLE = "Police investigate Elm Street gunfire"
MULTI = "Three people were wounded when a gunman opened fire outside a bar on Main Street early Sunday."


def _article(text: str, title: str, outlet: str) -> Article:
    return Article.create(text, f"{outlet}.txt", outlet=outlet, title=title, published_at="2024-05-12")


def _store_event(store: Store, reports: list[tuple[str, str, str, list[CasualtyFigure]]]) -> dict[str, Any]:
    """The reports (text, title, outlet, figures), published on one day, reconciled as one event; each report
    gets an outlet of its own."""
    return _reconciled(store, [(title, text, "2024-05-12", figures) for text, title, _outlet, figures in reports])


def _injured(dossier: dict[str, Any]) -> dict[str, Any]:
    (slot,) = [s for s in dossier["casualties"] if s["kind"] == "injured"]
    return slot


def test_roundups_pages_plural_headline_without_a_turn_is_a_page_roundup() -> None:
    assert page_roundup(Report(_article(PAGE, PAGE_TITLE, "a"), None))
    assert not page_roundup(Report(_article(LOCAL, LOCAL_TITLE, "b"), None))
    # "separate incidents" in the lead sentence names several incidents without a plural headline
    lead = "Two men were hurt in separate incidents on Saturday. One was shot on Elm Street."
    assert page_roundup(Report(_article(lead, "Two men hurt", "c"), None))


def test_roundups_pages_definite_plural_names_one_incident() -> None:
    text = "A man told a judge he had nothing to do with the shootings at the club on Sunday. Four were wounded."
    assert not page_roundup(Report(_article(text, "Club shooting stemmed from a feud", "a"), None))


def test_roundups_pages_counted_roundup_with_a_turn_is_left_to_its_part() -> None:
    text = PAGE.replace("The boy was hit", "In another shooting, the boy was hit")
    assert not page_roundup(Report(_article(text, "Boy, 2 men injured in two shootings", "a"), None))


def test_roundups_pages_page_total_above_the_event_does_not_vote(store: Store) -> None:
    again = PAGE + " No arrests were made."
    page = [_figure(PAGE, "injured", "A boy and two men", 3, None, "wounded")]
    page_again = [_figure(again, "injured", "A boy and two men", 3, None, "wounded")]
    local = [_figure(LOCAL, "injured", "A 12-year-old boy", 1, None, "shot")]
    dossier = _store_event(
        store,
        [
            (PAGE, PAGE_TITLE, "Daily A", page),
            (again, PAGE_TITLE, "Daily B", page_again),
            (LOCAL, LOCAL_TITLE, "Local", local),
        ],
    )
    injured = _injured(dossier)
    assert injured["best"] == 1  # the two pages' 3 sums the night's shootings; the event's own report says 1
    assert injured["high"] == 3  # the page figure still bounds the range


def test_roundups_pages_single_incident_reports_keep_their_votes(store: Store) -> None:
    again = MULTI + " No arrests were made."
    first = [_figure(MULTI, "injured", "Three people", 3, None, "wounded")]
    first_again = [_figure(again, "injured", "Three people", 3, None, "wounded")]
    later = "Two people were wounded outside a bar on Main Street early Sunday, police said."
    second = [_figure(later, "injured", "Two people", 2, None, "wounded")]
    title = "Three wounded in bar shooting"
    dossier = _store_event(
        store,
        [
            (MULTI, title, "Daily A", first),
            (again, title, "Daily B", first_again),
            (later, "Two hurt", "Local", second),
        ],
    )
    assert _injured(dossier)["best"] == 3  # no report names several incidents: the most reports' total wins


def test_roundups_pages_page_total_above_one_other_report_does_not_vote(store: Store) -> None:
    three = "Three people were shot on Elm Street on Saturday night, police said, one more than first reported."
    page_text = PAGE.replace("A boy and two men were", "Two people were")
    reports = [
        (page_text, PAGE_TITLE, "Daily A", [_figure(page_text, "injured", "Two people", 2, None, "wounded")]),
        (
            page_text + " No arrests.",
            PAGE_TITLE,
            "Daily B",
            [_figure(page_text, "injured", "Two people", 2, None, "wounded")],
        ),
        (LOCAL, LOCAL_TITLE, "Local", [_figure(LOCAL, "injured", "A 12-year-old boy", 1, None, "shot")]),
        (
            three,
            "Police investigate Elm Street gunfire again",
            "Other",
            [_figure(three, "injured", "Three people", 3, None, "shot")],
        ),
    ]
    injured = _injured(_store_event(store, reports))
    # the pages' 2 (above the local report's 1) does not vote (its two votes would win): 1 and 3 tie, and
    # the tie goes to the total a report states whole ("Three people were shot") over one named boy
    assert injured["best"] == 3
    assert (injured["low"], injured["high"]) == (1, 3)
