"""Casualty figures from hand-built sentences, one construction each, with offsets checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from rashomon.extract.casualties import article_counts
from rashomon.extract.sentences import LINE_BREAKS
from rashomon.records import ActorMention, CasualtyFigure, Claim

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(casualties_nlp: Language) -> Language:
    return casualties_nlp


def figures(nlp: Language, text: str) -> list[CasualtyFigure]:
    doc = nlp(text)
    for figure in doc._.casualties:
        assert text[figure.start : figure.end] == figure.value_text
        if figure.victims is not None:
            assert text[figure.victims_start : figure.victims_end] == figure.victims
        assert figure.sentence_start is not None and figure.sentence_start <= figure.start
    return list(doc._.casualties)


def summary(found: list[CasualtyFigure]) -> list[tuple[str, str, int | None, int | None]]:
    return [(f.kind, f.value_text, f.count_min, f.count_max) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two soldiers were killed on Monday.", [("killed", "Two", 2, 2)]),
        ("The ministry confirmed the death of at least one soldier.", [("killed", "at least one", 1, None)]),
        ("The army confirmed the deaths of more than 20 fighters.", [("killed", "more than 20", 21, None)]),
        ("Between 3 and 5 people were wounded in the blast.", [("injured", "Between 3 and 5", 3, 5)]),
        (
            "It is claimed that dozens of militants were killed or wounded.",
            [("killed_or_injured", "dozens", 12, None)],
        ),
        ("The warplanes pounded the village, killing 6 civilians.", [("killed", "6", 6, 6)]),
        ("The shooting left 3 dead.", [("killed", "3", 3, 3)]),
        ("Twenty-one people died in the fire.", [("killed", "Twenty-one", 21, 21)]),
        ("Police arrested two suspects.", [("arrested", "two", 2, 2)]),
        ("No one was injured.", [("injured", "No one", 0, 0)]),
    ],
)
def test_casualties_constructions(
    nlp: Language, text: str, expected: list[tuple[str, str, int, int]]
) -> None:
    assert summary(figures(nlp, text)) == expected


def test_casualties_passive_with_agent_and_victims(nlp: Language) -> None:
    found = figures(nlp, "Two of its servicemen were killed by Azerbaijani fire.")
    assert summary(found) == [("killed", "Two", 2, 2)]
    assert found[0].victims == "servicemen"


def test_casualties_two_others_were_wounded(nlp: Language) -> None:
    found = figures(nlp, "A man was killed and two others were wounded.")
    assert [(f.kind, f.count_min) for f in found] == [("killed", 1), ("injured", 2)]


def test_casualties_died_later_in_hospital_is_the_same_victim(nlp: Language) -> None:
    found = figures(nlp, "A woman was shot in the leg on Sunday. She died later in hospital.")
    assert [f.kind for f in found] == ["injured", "killed"]
    assert found[1].same_as == 0
    assert article_counts(found) == {"killed": 1}


def test_casualties_fatally_shot_named_victim_counts_one(nlp: Language) -> None:
    found = figures(nlp, "Kazimov Anar Rustam was fatally shot by irregular forces.")
    assert summary(found) == [("killed", "Kazimov Anar Rustam", 1, 1)]


def test_casualties_shot_and_killed_is_one_death(nlp: Language) -> None:
    found = figures(nlp, "A 23-year-old man was shot and killed Tuesday.")
    assert summary(found) == [("killed", "A", 1, 1)]
    assert found[0].victims == "man"


@pytest.mark.parametrize(
    "text",
    [
        "The man was not injured.",
        "The man could have been killed.",
        "He threatened to kill his neighbour.",
        "Two men were charged with murder.",
    ],
)
def test_casualties_negation_and_hypotheticals_give_nothing(nlp: Language, text: str) -> None:
    assert [f for f in figures(nlp, text) if f.kind in ("killed", "injured")] == []


def test_casualties_arrested_suspects_are_not_casualties(nlp: Language) -> None:
    found = figures(nlp, "Police arrested two suspects, who were not injured.")
    assert summary(found) == [("arrested", "two", 2, 2)]
    assert article_counts(found) == {"arrested": 2}


def test_casualties_side_from_actor_mention_and_claimant(nlp: Language) -> None:
    text = (
        "The Armenian Ministry of Defense said that two of its servicemen were killed, "
        "and an Azerbaijani soldier died."
    )
    doc = nlp.make_doc(text)
    doc._.actors = [
        ActorMention("Armenian Ministry of Defense", 4, 32, "ARM_MOD", "Armenia"),
        ActorMention(
            "Azerbaijani", text.index("Azerbaijani"), text.index("Azerbaijani") + 11, "AZE", "Azerbaijan"
        ),
    ]
    doc._.claims = [
        Claim(
            text,
            0,
            len(text),
            "Armenian Ministry of Defense",
            4,
            32,
            "said",
            claimant_actor="Armenia",
            claimant_actor_id="ARM_MOD",
        )
    ]
    for _name, component in nlp.pipeline:
        doc = component(doc)
    found = doc._.casualties
    assert [(f.count_min, f.side_actor_id, f.claim_index) for f in found] == [
        (2, "ARM_MOD", 0),
        (1, "AZE", 0),
    ]


def test_casualties_government_claimant_counts_its_soldiers_as_its_forces(nlp: Language) -> None:
    # regression: "Azerbaijan says a soldier was killed" gave the side "Government of Azerbaijan"
    text = "Azerbaijan said a soldier was killed on Wednesday."
    doc = nlp.make_doc(text)
    doc._.actors = []
    doc._.claims = [Claim(text, 0, len(text), "Azerbaijan", 0, 10, "said",
                          claimant_actor="Government of Azerbaijan", claimant_actor_id="gov-AZ")]
    for _name, component in nlp.pipeline:
        doc = component(doc)
    (figure,) = doc._.casualties
    assert (figure.kind, figure.side, figure.side_actor_id) == ("killed", "Military Forces of Azerbaijan", "mil-AZ")


def test_casualties_without_actors_or_claims_leaves_side_empty(nlp: Language) -> None:
    found = figures(nlp, "Three civilians were killed.")
    assert found[0].side is None and found[0].claim_index is None


def test_casualties_article_counts_takes_lead_and_counts_victims_once(nlp: Language) -> None:
    text = (
        "A man was shot and killed on Main Street. The victim was pronounced dead at the scene. "
        "Two other people were wounded."
    )
    assert article_counts(figures(nlp, text)) == {"killed": 1, "injured": 2}


def test_casualties_sample_reports_give_acceptance_figures(nlp: Language, sample_dir: Path) -> None:
    first = figures(nlp, (sample_dir / "000_980c98a741181df3.txt").read_text(encoding="utf-8"))
    second = figures(nlp, (sample_dir / "002_e5a2614a3f3af2ef.txt").read_text(encoding="utf-8"))
    assert ("killed", "at least two", 2, None) in summary(first)
    assert ("injured", "14", 14, 14) in summary(first)
    assert ("killed", "two", 2, 2) in summary(second)
    assert ("injured", "14", 14, 14) in summary(second)
    assert any(f.kind == "killed" and f.count_min == 1 and f.victims == "soldier" for f in second)
    dozens = [f for f in second if f.value_text == "dozens"]
    assert dozens and dozens[0].kind == "killed_or_injured" and (dozens[0].count_min or 0) >= 12
    assert dozens[0].vague and dozens[0].victims == "illegal militants"


@pytest.mark.parametrize(
    "text",
    [
        "Police said it was the first homicide of 2016 in the city.",
        "Nine officers have been fatally shot this year alone.",
        "The 22 homicides in the city are double the number at this time last year.",
    ],
)
def test_casualties_years_and_tallies_are_not_counts(nlp: Language, text: str) -> None:
    assert all((f.count_min or 0) <= 1 for f in figures(nlp, text))
    assert article_counts(figures(nlp, text)).get("killed", 0) <= 1


def test_casualties_fatal_shooting_reports_one_death(nlp: Language) -> None:
    found = figures(nlp, "Police are investigating a fatal shooting on Main Street.")
    assert article_counts(found) == {"killed": 1}


def test_casualties_non_fatal_shooting_reports_no_death(nlp: Language) -> None:
    found = figures(nlp, "Police are investigating a non-fatal shooting on Main Street.")
    assert article_counts(found).get("killed", 0) == 0


def test_casualties_dead_and_more_wounded_are_apart(nlp: Language) -> None:
    found = figures(nlp, "The attack left 14 people dead and 17 more wounded.")
    assert article_counts(found) == {"killed": 14, "injured": 17}


def test_casualties_headline_and_lead_count_the_victim_once(nlp: Language) -> None:
    nlp.add_pipe(LINE_BREAKS, before="parser")
    try:
        text = (
            "Man shot on Main Street\n\nA man was shot on Main Street on Sunday. He was taken to a hospital."
        )
        found = figures(nlp, text)
        assert len({f.sentence_start for f in found}) >= 2
        assert article_counts(found) == {"injured": 1}
    finally:
        nlp.remove_pipe(LINE_BREAKS)


def test_casualties_second_victim_adds_to_the_count(nlp: Language) -> None:
    found = figures(nlp, "A man was shot in the leg on Sunday. A second man was shot in the arm.")
    assert article_counts(found) == {"injured": 2}


def test_casualties_death_update_moves_victim_to_killed(nlp: Language) -> None:
    found = figures(nlp, "A man was shot on Friday. He was taken to a hospital, where he died.")
    assert article_counts(found) == {"killed": 1}


def test_casualties_earlier_event_is_background_and_not_counted(nlp: Language) -> None:
    text = (
        "A man was shot in the leg on Main Street on Sunday. He is in stable condition. "
        "Earlier, a man and a woman were shot to death by police in another neighborhood."
    )
    found = figures(nlp, text)
    earlier = [f for f in found if f.kind == "killed"]
    assert earlier and all(f.background for f in earlier)
    assert not any(f.background for f in found if f.start < text.index("Earlier"))
    assert article_counts(found) == {"injured": 1}


def test_casualties_deadliest_since_toll_is_background(nlp: Language) -> None:
    text = (
        "Fourteen people were killed at the center on Wednesday. It was the deadliest shooting "
        "since the attack at the school, where 26 people died."
    )
    found = figures(nlp, text)
    assert [(f.count_min, f.background) for f in found if f.kind == "killed"] == [(14, False), (26, True)]
    assert article_counts(found) == {"killed": 14}


def test_casualties_year_in_dateline_is_not_a_count(nlp: Language) -> None:
    found = figures(nlp, "INDIANAPOLIS (January 24, 2016)--One man is dead after a shooting.")
    assert article_counts(found) == {"killed": 1}


def test_casualties_double_homicide_counts_two(nlp: Language) -> None:
    found = figures(nlp, "Police are investigating a double homicide on the east side.")
    assert summary(found) == [("killed", "double homicide", 2, 2)]


def test_casualties_killed_along_with_counts_both(nlp: Language) -> None:
    found = figures(nlp, "Felimon Contreras was killed along with Heriberto Corpus on Thursday.")
    assert [f.value_text for f in found] == ["Felimon Contreras", "Heriberto Corpus"]
    assert article_counts(found) == {"killed": 2}


def test_casualties_officer_who_shot_and_killed_is_not_a_victim(nlp: Language) -> None:
    found = figures(nlp, "A sheriff's deputy shot and killed a suspect who came out firing.")
    assert [(f.kind, f.victims) for f in found] == [("killed", "suspect")]


def test_casualties_wounded_victim_who_died_leaves_the_injured(nlp: Language) -> None:
    text = "Two people were wounded in a shooting at a motel. The 19-year-old victim died at the hospital."
    assert article_counts(figures(nlp, text)) == {"injured": 1, "killed": 1}


def test_casualties_second_passive_clause_keeps_its_own_subject(nlp: Language) -> None:
    text = "One man was shot in the back and a 29-year-old man was shot multiple times."
    assert article_counts(figures(nlp, text)) == {"injured": 2}


def test_casualties_name_tagged_as_organisation_is_a_person_named_elsewhere(nlp: Language) -> None:
    text = (
        "Deputies encountered William Waldron, 26, armed with a shotgun. "
        "Waldron was subsequently shot and killed."
    )
    found = figures(nlp, text)
    assert [(f.kind, f.value_text) for f in found] == [("killed", "Waldron")]


def test_casualties_shooter_who_killed_himself_counts_apart(nlp: Language) -> None:
    text = (
        "A man opened fire at his home, killing his five young children as well as his wife, police said. "
        "The gunman was found dead later. Police said the gunman shot and killed himself."
    )
    assert article_counts(figures(nlp, text))["killed"] == 7


def test_casualties_accidental_self_shooting_is_the_victim_once(nlp: Language) -> None:
    text = (
        "A 12-year-old boy who accidentally shot himself has died. "
        "The boy was pronounced dead at a hospital, police said."
    )
    assert article_counts(figures(nlp, text)) == {"killed": 1}


def test_casualties_kin_named_in_apposition_is_not_a_re_mention_of_another_name(nlp: Language) -> None:
    text = (
        "Larry Henderson, 30, was shot and killed in May. "
        "Weeks later, her 18-year-old son, Khai Hebron, was shot and killed by a gang member. "
        "Her son died at the scene."
    )
    found = figures(nlp, text)
    assert [f.value_text for f in found] == ["Larry Henderson", "Khai Hebron", "son"]
    assert [f.same_as for f in found] == [None, None, 1]
    assert article_counts(found) == {"killed": 2}


def test_casualties_wound_to_a_body_part_belongs_to_the_person_found(nlp: Language) -> None:
    found = figures(nlp, "The driver was found at Oak and Main streets with a gunshot wound to the arm.")
    assert [(f.kind, f.victims) for f in found] == [("injured", "driver")]


def test_casualties_age_noun_found_with_a_wound_is_injured(nlp: Language) -> None:
    text = "Police responded to the street on Saturday and discovered a 15-year-old with a gunshot wound to his leg."
    assert article_counts(figures(nlp, text)) == {"injured": 1}


def test_casualties_charge_for_the_death_of_a_person_reports_the_death(nlp: Language) -> None:
    charged = figures(nlp, "Orand is charged in the shooting death of 38-year-old Goldie Long.")
    assert article_counts(charged) == {"killed": 1}
    assert figures(nlp, "Orand was charged with murder on Wednesday.") == []


def test_casualties_shot_at_a_place_or_time_hit_someone(nlp: Language) -> None:
    assert article_counts(figures(nlp, "A person was shot on Hartley Street at 8:30 p.m. Sunday.")) == {"injured": 1}
    assert article_counts(figures(nlp, "A man was shot at a party on Saturday.")) == {"injured": 1}
    assert figures(nlp, "The suspect was shooting at a car on the highway.") == []
    assert figures(nlp, "The officers were shot at by the suspect.") == []


def test_casualties_headline_dies_tagged_as_a_noun_is_a_death(nlp: Language) -> None:
    assert article_counts(figures(nlp, "Girl shot at party dies; woman held")) == {"killed": 1}


def test_casualties_one_dead_and_another_with_injuries(nlp: Language) -> None:
    text = (
        "A shooting late Saturday night left one man dead and another with life-threatening injuries. "
        "He was pronounced dead at the scene."
    )
    assert article_counts(figures(nlp, text)) == {"killed": 1, "injured": 1}


def test_casualties_another_victim_wounded_is_one_more_person(nlp: Language) -> None:
    text = "A teenage boy was shot and killed on Sunday. The shooting left another teen critically wounded."
    assert article_counts(figures(nlp, text)) == {"killed": 1, "injured": 1}
    other = "A man is facing a murder charge after police say he shot and killed another man on Friday."
    assert article_counts(figures(nlp, other)) == {"killed": 1}


def test_casualties_headline_shot_and_dead_leaves_the_rest_injured(nlp: Language) -> None:
    assert article_counts(figures(nlp, "Three shot, one dead after memorial at community center")) == {
        "killed": 1,
        "injured": 2,
    }
    assert figures(nlp, "The suspect fired one shot at an adversary.") == []


def test_casualties_no_one_else_hurt_keeps_the_victim(nlp: Language) -> None:
    text = "The man was taken to a local hospital with non-life threatening injuries. No one else was hurt."
    assert article_counts(figures(nlp, text)) == {"injured": 1}
    assert article_counts(figures(nlp, "No one was hurt in the shooting.")) == {"injured": 0}


def test_casualties_named_neighbor_killed_too_is_a_second_death(nlp: Language) -> None:
    text = (
        "One of the responding officers fatally shot LeGrier. "
        "The officer also accidentally shot and killed a neighbor, 55-year-old Bettie Jones."
    )
    assert article_counts(figures(nlp, text)) == {"killed": 2}


def test_casualties_list_of_charges_reports_no_injury(nlp: Language) -> None:
    text = (
        "Williams was charged with murder, child abuse, being a felon in possession of a handgun and "
        "injuring a child's parent."
    )
    assert article_counts(figures(nlp, text)).get("injured", 0) == 0


def test_casualties_murder_suicide_counts_the_killer_too(nlp: Language) -> None:
    text = "Police are investigating an apparent murder-suicide. Both had suffered a single gunshot wound to the head."
    assert article_counts(figures(nlp, text)) == {"killed": 2}
    triple = "The man who shot three women and then killed himself was named. It was a triple murder-suicide."
    assert article_counts(figures(nlp, triple)) == {"killed": 4}


def test_casualties_suspect_dead_by_own_hand_counts_apart(nlp: Language) -> None:
    text = "Michael Davidson has died. The suspect was found dead from a self-inflicted gunshot wound."
    found = figures(nlp, text)
    assert [f.same_as for f in found] == [None, None]
    assert article_counts(found) == {"killed": 2}


def test_casualties_took_his_own_life_is_the_shooter_apart(nlp: Language) -> None:
    assert article_counts(figures(nlp, "A man shot and killed his wife. He then took his own life.")) == {"killed": 2}
    assert article_counts(figures(nlp, "The gunman took his own life, police said.")) == {"killed": 1}


def test_casualties_denied_or_hedged_shooting_is_no_casualty(nlp: Language) -> None:
    assert figures(nlp, "\"I don't think it's an event where someone is randomly shooting people,\" he said.") == []
    assert figures(nlp, "In the beginning they thought they may have been wounded or shot.") == []


def test_casualties_found_a_male_and_female_deceased_counts_two(nlp: Language) -> None:
    assert article_counts(figures(nlp, "Officers found a male and female deceased inside the home.")) == {"killed": 2}


def test_casualties_trigger_inside_an_if_clause_is_hypothetical(nlp: Language) -> None:
    text = "If a man runs into a store and says he hates them and shoots the clerk, it will be ruled a hate crime."
    assert figures(nlp, text) == []
    assert summary(figures(nlp, "The clerk was shot if police are right.")) == [("injured", "clerk", 1, 1)]


def test_casualties_bare_plural_object_is_a_kind_not_victims(nlp: Language) -> None:
    assert figures(nlp, "The shooter said he killed people like him with no problem.") == []
    assert summary(figures(nlp, "The gunman killed two people.")) == [("killed", "two", 2, 2)]


def test_casualties_first_name_tagged_apart_keeps_two_people_apart(nlp: Language) -> None:
    text = "Deputies found 37-year-old Tammy Modlin and 16-year-old Montana Modlin dead on a bed."
    found = figures(nlp, text)
    assert [f.value_text for f in found] == ["Tammy Modlin", "Montana Modlin"]
    assert article_counts(found) == {"killed": 2}


def test_casualties_pronoun_points_at_its_own_sentence_subject(nlp: Language) -> None:
    text = (
        "A 37-year-old man was fatally shot late Saturday. "
        "Lopez was shot in the chest and was taken to a hospital, where he died less than an hour later."
    )
    found = figures(nlp, text)
    assert [(f.value_text, f.same_as) for f in found] == [("A", None), ("Lopez", None), ("he", 1)]
    assert article_counts(found) == {"killed": 1}


def test_casualties_another_after_a_group_is_one_of_the_group(nlp: Language) -> None:
    group = "Four men were wounded. A 32-year-old man was shot in the leg. Another man was shot in the arm."
    assert article_counts(figures(nlp, group)) == {"injured": 4}
    two = "A man was shot in the leg. Another man was shot in the arm."
    assert article_counts(figures(nlp, two)) == {"injured": 2}
    third = "Two men were wounded on Friday. A third man was wounded too."
    assert article_counts(figures(nlp, third)) == {"injured": 3}


def test_casualties_conjoined_death_with_its_own_subject_is_not_the_first_verbs(nlp: Language) -> None:
    text = "Four teenagers were shot in a drive-by, and one of them has died."
    assert article_counts(figures(nlp, text)) == {"killed": 1, "injured": 3}


def test_casualties_image_counter_is_not_a_count_of_people(nlp: Language) -> None:
    text = "8 of 14 A teen died after being shot in the head at a birthday party Sept. 23, 2015 on the West Side."
    assert all(f.count_min != 8 for f in figures(nlp, text))


def test_casualties_pronoun_of_a_when_clause_is_the_main_subject(nlp: Language) -> None:
    found = figures(nlp, "A man was walking home when he was shot in the back. He died at the hospital.")
    assert [(f.kind, f.value_text, f.victims, f.same_as) for f in found] == [
        ("injured", "A", "man", None),
        ("killed", "He", None, 0),
    ]
    assert article_counts(found) == {"killed": 1}
    assert summary(figures(nlp, "Police found a man in the street after he was shot.")) == [("injured", "he", 1, 1)]


def test_casualties_age_without_hyphens_is_a_person(nlp: Language) -> None:
    text = "A 14 year old boy is killed and a 17 year old is wounded after they are shot."
    assert article_counts(figures(nlp, text)) == {"killed": 1, "injured": 1}


def test_casualties_present_tense_before_clause_has_not_happened(nlp: Language) -> None:
    assert figures(nlp, "Neighbors say more supervision is needed before another teen is killed.") == []
    assert article_counts(figures(nlp, "The man was shot before he was killed.")) == {"killed": 1}


def test_casualties_others_left_in_the_hospital_are_not_the_dead(nlp: Language) -> None:
    text = "Police named a suspect in a shooting that left one person dead and three others in the hospital."
    assert summary(figures(nlp, text)) == [("killed", "one", 1, 1)]


def test_casualties_headline_shoots_self_counts_the_shooter(nlp: Language) -> None:
    assert article_counts(figures(nlp, "Man shoots self in leg while cleaning gun")) == {"injured": 1}


def test_casualties_definite_noun_points_at_the_same_noun(nlp: Language) -> None:
    text = "A man and a woman were shot. The man died at the scene."
    found = figures(nlp, text)
    assert [(f.kind, f.value_text, f.same_as) for f in found] == [
        ("injured", "A", None),
        ("injured", "a", None),
        ("killed", "man", 0),
    ]


def test_casualties_one_fatally_counts_one_dead_of_those_shot(nlp: Language) -> None:
    text = "Two people were shot, one fatally, on Main Street."
    assert summary(figures(nlp, text)) == [("injured", "Two", 2, 2), ("killed", "one", 1, 1)]
    assert article_counts(figures(nlp, text)) == {"killed": 1, "injured": 1}


def test_casualties_one_of_them_died_later_leaves_the_rest_injured(nlp: Language) -> None:
    text = "Two men were shot Saturday night. One of them died later at the hospital."
    found = figures(nlp, text)
    assert [(f.kind, f.value_text, f.same_as) for f in found] == [("injured", "Two", None), ("killed", "One", 0)]
    assert article_counts(found) == {"killed": 1, "injured": 1}
    victims = "Three people were wounded in the shooting. One of the victims later died."
    assert article_counts(figures(nlp, victims)) == {"killed": 1, "injured": 2}


def test_casualties_suffering_from_a_wound_is_injured(nlp: Language) -> None:
    assert summary(figures(nlp, "Officers found a man suffering from a gunshot wound.")) == [("injured", "a", 1, 1)]


def test_casualties_murder_suicide_headline_is_no_name_of_the_dead() -> None:
    def killed(value: str, victims: str, sentence: int, trigger: str, count: int = 1) -> CasualtyFigure:
        return CasualtyFigure(
            kind="killed",
            value_text=value,
            start=sentence,
            end=sentence + len(value),
            count_min=count,
            count_max=count,
            victims=victims,
            sentence_start=sentence,
            trigger=trigger,
        )

    found = [
        killed("Apparent Murder-Suicide", "Apparent Murder-Suicide", 0, "Suicide", 2),
        killed("Arizmendi", "Arizmendi", 60, "found"),
        killed("Sebastian", "son Sebastian", 60, "found"),
    ]
    assert article_counts(found) == {"killed": 2}


def test_casualties_struck_by_gunfire_is_injured_and_fatally_wounded_killed(nlp: Language) -> None:
    assert article_counts(figures(nlp, "Two people were struck by gunfire.")) == {"injured": 2}
    assert article_counts(figures(nlp, "A bullet struck a 7-year-old girl in the leg.")) == {"injured": 1}
    assert figures(nlp, "The car struck a pole.") == []
    assert summary(figures(nlp, "The gunman fatally wounded his wife.")) == [("killed", "wife", 1, 1)]
