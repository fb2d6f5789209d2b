"""Cues the seventh session's missed-cue buckets added, one hand-built sentence per construction: questions put
by no one named, *as* clauses, *seen as*, and verbs that are cues only with a certain complement."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.extract.claims import ClaimExtractor, tentative, to_tag
from rashomon.records import Claim

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(claims_nlp: Language) -> Language:
    return claims_nlp


def attributed(nlp: Language, text: str) -> list[Claim]:
    """The attributed claims of ``text``, after checking that every offset points at the text it names."""
    found = [c for c in nlp(text)._.claims if c.kind != "own_voice"]
    for claim in found:
        assert claim.cue is not None and text[claim.cue_start: claim.cue_end] == claim.cue
        if claim.claimant is not None:
            assert text[claim.claimant_start: claim.claimant_end] == claim.claimant
    return found


def content_of(text: str, claim: Claim) -> str:
    return text[claim.content_start: claim.content_end]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The senator was asked whether she would run again.", "was asked", "whether she would run again"),
        ("The senator was repeatedly asked about the deal.", "was repeatedly asked about", "about the deal"),
    ],
)
def test_claims_complements_question_put_by_no_one_named_has_no_claimant(nlp: Language, text: str, cue: str,
                                                                         content: str) -> None:
    (claim,) = attributed(nlp, text)
    assert (claim.claimant, claim.cue) == (None, cue)
    assert content_of(text, claim) == content


def test_claims_complements_bare_participle_asked_beside_the_answer(nlp: Language) -> None:
    text = "Asked about the budget deficit, the governor said the state would cut spending."
    asked, said = attributed(nlp, text)
    assert (asked.claimant, asked.cue, content_of(text, asked)) == (None, "Asked about", "about the budget deficit")
    assert (said.claimant, said.cue) == ("the governor", "said")


def test_claims_complements_question_with_its_asker_named_is_not_claimant_less(nlp: Language) -> None:
    text = "The senator was asked by reporters whether she would run again."
    assert all(c.claimant is not None or c.cue != "was asked" for c in attributed(nlp, text))


@pytest.mark.parametrize(
    ("text", "claimant", "cue", "content"),
    [
        ("As the newspaper reported, the mayor resigned after the vote.",
         "the newspaper", "reported", "the mayor resigned after the vote"),
        ("As local officials pointed out, the bridge had been closed for years.",
         "local officials", "pointed out", "the bridge had been closed for years"),
    ],
)
def test_claims_complements_as_clause_attributes_its_main_clause(nlp: Language, text: str, claimant: str,
                                                                 cue: str, content: str) -> None:
    (claim,) = attributed(nlp, text)
    assert (claim.claimant, claim.cue) == (claimant, cue)
    assert content_of(text, claim) == content


@pytest.mark.parametrize("text", ["As he spoke, the crowd grew restless.",
                                  "As the minister talked, the crowd grew restless."])
def test_claims_complements_as_clause_of_speaking_as_an_act_is_no_cue(nlp: Language, text: str) -> None:
    assert attributed(nlp, text) == []


def test_claims_complements_as_clause_with_an_object_keeps_the_object_as_content(nlp: Language) -> None:
    text = "As the minister reported the figures, the crowd grew restless."
    (claim,) = attributed(nlp, text)
    assert (claim.claimant, claim.cue, content_of(text, claim)) == ("the minister", "reported", "the figures")


def test_claims_complements_seen_as_is_a_hedged_cue_without_claimant(nlp: Language) -> None:
    text = "The mayor is widely seen as the favorite in the race."
    (claim,) = ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))
    assert (claim.claimant, claim.cue) == (None, "is widely seen as")
    assert claim.hedged and "is widely seen as" in claim.hedges
    assert content_of(text, claim) == text[:-1]


def test_claims_complements_push_for_is_a_cue(nlp: Language) -> None:
    text = "Union leaders have pushed for a higher minimum wage."
    rules = ClaimExtractor(nlp, own_voice=False, model=False)
    (claim,) = rules.match(nlp(text))
    assert (claim.claimant, claim.cue) == ("Union leaders", "have pushed for")
    assert content_of(text, claim) == "a higher minimum wage"
    (combined,) = attributed(nlp, text)  # the tagger's overlapping cue wins over a tentative rule cue
    assert combined.claimant == "Union leaders" and combined.cue is not None and "pushed" in combined.cue


@pytest.mark.parametrize("text", ["They pushed the car into the river.", "He looked at the map.",
                                  "She saw the soldiers near the bridge.",
                                  "The border was seen as secure by the inspectors."])
def test_claims_complements_same_verbs_without_that_complement_are_no_cue(nlp: Language, text: str) -> None:
    assert attributed(nlp, text) == []


def test_claims_complements_tentative_cue_leaves_its_unit_to_the_tagger(nlp: Language) -> None:
    extractor = ClaimExtractor(nlp, own_voice=False, model=False)
    pushed = nlp("Union leaders have pushed for a higher wage.")
    regions, units = extractor.rule_pass(pushed)
    ((unit, rules),) = units
    assert [tentative(r) for r in rules] == [True]
    assert to_tag(regions, units) == [unit]  # a short unit, yet the tagger still reads it
    said = nlp("Union leaders said the wage was too low.")
    regions, units = extractor.rule_pass(said)
    assert [tentative(r) for _, rules in units for r in rules] == [False]
    assert to_tag(regions, units) == []


def rule_claims(nlp: Language, text: str) -> list[Claim]:
    return ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))


@pytest.mark.parametrize(
    ("text", "claimant", "cue", "content"),
    [
        ("The senator weighed in on the dispute over the pipeline.",
         "The senator", "weighed in", "on the dispute over the pipeline"),
        ("The mayor doubled down on his criticism of the police.",
         "The mayor", "doubled down", "on his criticism of the police"),
        ("The candidate cast himself as a reformer.", "The candidate", "cast", "himself as a reformer"),
        ('He continued, "We will not give up."', "He", "continued", "We will not give up"),
    ],
)
def test_claims_complements_particle_preposition_or_clause_makes_the_verb_a_cue(
        nlp: Language, text: str, claimant: str, cue: str, content: str) -> None:
    (claim,) = rule_claims(nlp, text)
    assert (claim.claimant, claim.cue) == (claimant, cue)
    assert content_of(text, claim) == content


@pytest.mark.parametrize("text", ["The workers laid bricks all day.", "The truck continued down the road.",
                                  "The army cast a wide net over the valley.",
                                  "The shooting happened as the teen was laying out his clothes for work.",
                                  "Police continue investigation into the shooting of a teen.",
                                  "As you can imagine, the courtroom was tense.",
                                  "Everyone waited as the jury weighed the evidence."])
def test_claims_complements_rules_leave_the_same_verbs_as_actions(nlp: Language, text: str) -> None:
    assert rule_claims(nlp, text) == []
