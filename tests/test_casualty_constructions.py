"""Fifth-session casualty constructions (GVA single-article errors): one hand-built sentence each."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.extract.casualties import article_counts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(casualties_nlp: Language) -> Language:
    return casualties_nlp


def counts(nlp: Language, text: str) -> dict[str, int]:
    return dict(article_counts(nlp(text)._.casualties, text))


def test_casualty_constructions_hit_in_a_shooting_is_injured(nlp: Language) -> None:
    assert counts(nlp, "Police say four people were hit in an overnight shooting in Shelby.") == {"injured": 4}
    # hit by something else, or hit in another kind of event, hurts no one by gunfire
    assert counts(nlp, "Police say four people were hit in a crash in Shelby.") == {}
    assert counts(nlp, "Police say four cars were hit by a truck in Shelby.") == {}


def test_casualty_constructions_leaving_n_shot_counts_the_shot(nlp: Language) -> None:
    text = "Bullets flew for several minutes in a shootout, leaving 7 shot at Gregory and Prospect."
    assert counts(nlp, text) == {"injured": 7}
    # a shot fired is no person hit
    assert counts(nlp, "The gunman fired a shot at the house and fled.") == {}


def test_casualty_constructions_a_sentence_naming_someone_again_beside_someone_new(nlp: Language) -> None:
    first = "Steve Hall suffered a gunshot wound to his hand during the altercation."
    both = f"{first} Charles Dishon and Steve Hall were transported to Union Hospital."
    assert counts(nlp, both) == {"injured": 2}
    # the same person named again alone is still one person
    assert counts(nlp, f"{first} Steve Hall was transported to Union Hospital.") == {"injured": 1}


def test_casualty_constructions_hurt_otherwise_than_by_the_weapon(nlp: Language) -> None:
    shot = "Four teenagers were injured after being shot at a house party."
    assert counts(nlp, f"{shot} A fifth victim was injured while she ran away from the scene.") == {"injured": 4}
    assert counts(nlp, f"{shot} Two others were hurt fleeing the gunfire.") == {"injured": 4}
    assert counts(nlp, "Three people were injured in the stampede that followed.") == {}
    # hurt in the shooting itself still counts
    assert counts(nlp, f"{shot} A fifth victim was injured in the shooting.") == {"injured": 5}


def test_casualty_constructions_the_shooting_came_after_another_attack(nlp: Language) -> None:
    lead = "A 17-year-old girl was killed when gunmen opened fire near a vigil in Oakland."
    other = "The shooting came after an attack at a nightclub in Florida left 49 people dead."
    assert counts(nlp, f"{lead} {other}") == {"killed": 1}
    # the same numbers told of this event count
    assert counts(nlp, f"{lead} The shooting left 3 people dead.") == {"killed": 3}


def test_casualty_constructions_headline_noun_shot_after_a_person(nlp: Language) -> None:
    assert counts(nlp, "Broken Arrow teen shot in church parking lot") == {"injured": 1}
    assert counts(nlp, "Teen Shot To Death In Pacoima") == {"killed": 1}
    # a shot that is no one's ("warning shot") counts no one
    assert counts(nlp, "Deputy fires warning shot in church parking lot") == {}


def test_casualty_constructions_a_number_on_a_participle_counts_the_people(nlp: Language) -> None:
    assert counts(nlp, "Envy Nightclub shooting: 4 shot in Palm Springs club on Forest Hill Blvd.") == {"injured": 4}


def test_casualty_constructions_another_person_found_hurt_is_one_more(nlp: Language) -> None:
    dead = "Three people are dead after a killing spree."
    found = "At a third location they discovered another man suffering from gunshot wounds."
    assert counts(nlp, f"{dead} {found}") == {"killed": 3, "injured": 1}
    # "killed another man": another than the shooter, not one more than those counted
    assert counts(nlp, f"{dead} Police said he shot and killed another man.") == {"killed": 3}


def test_casualty_constructions_headline_count_before_dead_is_its_own(nlp: Language) -> None:
    assert counts(nlp, "1 Dead, 3 Injured In Jersey City Shooting") == {"killed": 1, "injured": 3}
    # a number the adjective describes stays the count ("two dead people")
    assert counts(nlp, "Police found two dead people in the house.") == {"killed": 2}


def test_casualty_constructions_a_count_of_the_dead_includes_the_killer(nlp: Language) -> None:
    text = "Five people are dead. Police say a man shot and killed his wife and children before killing himself."
    assert counts(nlp, text)["killed"] == 5
    # the killer's victims ("killed two people") leave him to add; a named victim who "died" is no total
    assert counts(nlp, "The gunman killed two people before killing himself.")["killed"] == 3
    named = "Davidson died at the hospital. The suspect was found dead of a self-inflicted gunshot wound."
    assert counts(nlp, named)["killed"] == 2


def test_casualty_constructions_shooting_some_and_killing_others(nlp: Language) -> None:
    text = "The man accused of shooting two deputies and killing three other people was charged on Monday."
    assert counts(nlp, text) == {"killed": 3}  # the deputies were shot, not killed (the text says no more)
    assert counts(nlp, "A gunman shot and killed two women outside a bar.") == {"killed": 2}


def test_casualty_constructions_one_of_n_people_shot_where_someone_died(nlp: Language) -> None:
    text = "A man was shot dead at a lounge on Sunday. Gray was one of four people shot during a brawl there."
    assert counts(nlp, text) == {"killed": 1, "injured": 3}
    # without a death, all four were hurt
    assert counts(nlp, "Gray was one of four people shot during a brawl there.") == {"injured": 4}


def test_casualty_constructions_turning_the_gun_on_oneself(nlp: Language) -> None:
    text = "Deputies said a woman shot her 6-year-old son dead before turning the gun on herself."
    assert counts(nlp, text) == {"killed": 2}
    assert counts(nlp, "Officers turned their attention to the gun on the table.") == {}


def test_casualty_constructions_n_of_m_people_counts_n(nlp: Language) -> None:
    text = "Police said two of five relatives were shot and killed in the house on Elm Street."
    assert counts(nlp, text) == {"killed": 2}
