"""The event typer on local shooting reports (issue 3): a sentence that names the violence done is an attack
mention although the generic attack cue is below the bar, and an arrest made afterwards does not type the
report. :func:`classify_text` (the CASE 2021 scorer's reader) is unchanged."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.extract.events import classify_text, main_event


@pytest.mark.parametrize(
    "text",
    [
        "A 17-year-old was shot dead on Main Street on Sunday night. Police arrested a man on Monday.",
        "Two men were shot outside a bar early Sunday, police said. A suspect was taken into custody.",
        "A gunman opened fire at a house party. Officers detained three people.",
    ],
)
def test_events_attack_bar_a_shooting_report_is_an_attack_not_its_arrest(nlp: Language, text: str) -> None:
    event = main_event(nlp(text)._.events)
    assert event is not None and (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_events_attack_bar_generic_killing_words_stay_below_the_bar(nlp: Language) -> None:
    assert nlp("Three people were killed in the crash on the highway.")._.events == []
    assert nlp("The company launched an attack on its rival's prices.")._.events == []


def test_events_attack_bar_firefighters_are_no_firefight(nlp: Language) -> None:
    assert classify_text("Firefighters put out the blaze at the house.") == (None, None)
    assert classify_text("A firefight broke out between the two groups.") == ("Battles", "Armed clash")


def test_events_attack_bar_classify_text_keeps_the_weak_attack_score() -> None:
    # the component's bar exception does not change the snippet classifier's ranking
    assert classify_text("Clashes broke out and two men were shot dead.")[1] == "Armed clash"
