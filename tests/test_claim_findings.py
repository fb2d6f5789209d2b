"""What a record shows and how things appear (``extract/claim_findings.py``): one hand-built sentence per
construction, and the same verbs as plain acts of conflict and crime news, which stay no claims."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.test_claims_complements import attributed, content_of

from rashomon.extract.claim_findings import finding_attribution, impression_attribution
from rashomon.extract.claims import ClaimExtractor, tentative

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(claims_nlp: Language) -> Language:
    return claims_nlp


@pytest.mark.parametrize(
    ("text", "claimant", "cue", "content"),
    [
        ("The latest statewide poll showed the governor leading the field by six points.",
         "The latest statewide poll", "showed", "the governor leading the field by six points"),
        ("Initial estimates put the number of displaced families at about 4,000.",
         "Initial estimates", "put", "the number of displaced families at about 4,000"),
        ("The current count gives the incumbent 1,280 pledged delegates.",
         "The current count", "gives", "the incumbent 1,280 pledged delegates"),
    ],
)
def test_claim_findings_record_subject_is_the_claimant(nlp: Language, text: str, claimant: str, cue: str,
                                                      content: str) -> None:
    (claim,) = attributed(nlp, text)
    assert (claim.claimant, claim.cue) == (claimant, cue)
    (ruled,) = ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))
    assert (ruled.claimant, ruled.cue, content_of(text, ruled)) == (claimant, cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "The army gave the order to withdraw from the village.",
        "The suspect showed a handgun to the clerk and fled.",
        "Officers found a rifle in the trunk of the car.",
        "The militants put the hostages in a truck.",
    ],
)
def test_claim_findings_acts_of_people_are_no_findings(nlp: Language, text: str) -> None:
    doc = nlp(text)
    verbs = [t for t in doc if t.lemma_ in ("give", "show", "find", "put")]
    assert verbs and all(finding_attribution(v, doc[:]) is None for v in verbs)


def test_claim_findings_finding_needs_an_object(nlp: Language) -> None:
    doc = nlp("The report shows.")
    verb = next(t for t in doc if t.lemma_ == "show")
    assert finding_attribution(verb, doc[:]) is None


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The governor's supporters seemed equally unperturbed by the news.", "seemed",
         "equally unperturbed by the news"),
        ("They appear to be unanimous in their belief that the senator will win.", "appear",
         "to be unanimous in their belief that the senator will win"),
        ("The candidate now seems unlikely to win the nomination.", "now seems",
         "unlikely to win the nomination"),
    ],
)
def test_claim_findings_impression_has_a_cue_and_no_claimant(nlp: Language, text: str, cue: str,
                                                            content: str) -> None:
    (claim,) = attributed(nlp, text)
    assert (claim.claimant, claim.cue) == (None, cue)
    (ruled,) = ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))
    assert (ruled.claimant, ruled.cue, content_of(text, ruled)) == (None, cue, content)
    assert ruled.hedged and cue in ruled.hedges


@pytest.mark.parametrize(
    "text",
    [
        "The Fed would pause its rate increases if it appears to be damaging the economy.",
        "The suspect appeared in court on Monday.",
        "The same warning appeared on the ministry's website.",
    ],
)
def test_claim_findings_conditions_and_appearances_are_no_impressions(nlp: Language, text: str) -> None:
    doc = nlp(text)
    verbs = [t for t in doc if t.lemma_ in ("appear", "seem")]
    assert verbs and all(impression_attribution(v, doc[:]) is None for v in verbs)


def test_claim_findings_impression_is_tentative(nlp: Language) -> None:
    doc = nlp("The remarks seemed a preview of the general-election strategy.")
    verb = next(t for t in doc if t.lemma_ == "seem")
    found = impression_attribution(verb, doc[:])
    assert found is not None and found.source is None and tentative(found)


def test_claim_findings_speech_rules_keep_police_as_claimant(nlp: Language) -> None:
    text = "Police believe the gunman appeared to know the victims."
    claims = attributed(nlp, text)
    assert [c.claimant for c in claims] == ["Police"]


@pytest.mark.parametrize(
    ("text", "claimant", "content"),
    [
        ("In a statewide poll released Monday, 50 percent of respondents chose the governor.",
         "a statewide poll released Monday", "50 percent of respondents chose the governor"),
        ("In the latest survey, most residents said they felt safe.", "the latest survey",
         "most residents said they felt safe"),
    ],
)
def test_claim_findings_fronted_poll_attributes_the_sentence(nlp: Language, text: str, claimant: str,
                                                             content: str) -> None:
    claims = ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))
    survey = [c for c in claims if c.cue == "In"]
    assert [(c.claimant, content_of(text, c)) for c in survey] == [(claimant, content)]


@pytest.mark.parametrize(
    "text",
    [
        "In a recent study, three economists found that imports cost jobs.",
        "In the village, the poll workers counted the ballots.",
        "The results came in a poll released Monday.",
    ],
)
def test_claim_findings_other_in_phrases_are_no_poll(nlp: Language, text: str) -> None:
    claims = ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))
    assert not any(c.cue is not None and c.cue.lower() == "in" for c in claims)


@pytest.mark.parametrize(
    ("text", "claimant", "cue"),
    [
        ("The senator took issue with the governor's budget.", "The senator", "took issue"),
        ("The rebels took credit for the attack on the convoy.", "The rebels", "took credit"),
        ("The candidate also took a swipe at his rival's record.", "The candidate", "also took a swipe"),
    ],
)
def test_claim_findings_taken_stance_is_a_cue(nlp: Language, text: str, claimant: str, cue: str) -> None:
    claims = ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))
    assert [(c.claimant, c.cue) for c in claims] == [(claimant, cue)]


@pytest.mark.parametrize(
    "text",
    [
        "The gunman took aim at the officers and fired.",
        "The suspect took a shot at the clerk.",
        "The army took control of the town.",
    ],
)
def test_claim_findings_taking_aim_or_control_is_no_stance(nlp: Language, text: str) -> None:
    assert ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The report found the body of a second soldier near the trench.",
        "The investigation found the weapon in a ditch near the checkpoint.",
        "The count put the soldiers back on the front line.",
        "Research showed the way to the enemy position.",
        "The investigation gave police a lead on the shooter.",
    ],
)
def test_claim_findings_what_a_record_comes_upon_is_no_finding(nlp: Language, text: str) -> None:
    doc = nlp(text)
    verbs = [t for t in doc if t.lemma_ in ("give", "show", "find", "put")]
    assert verbs and all(finding_attribution(v, doc[:]) is None for v in verbs)
    assert ClaimExtractor(nlp, own_voice=False, model=False).match(doc) == []


def test_claim_findings_a_body_found_lying_is_no_finding(nlp: Language) -> None:
    doc = nlp("The investigation found the wounded soldier lying in the road.")
    verb = next(t for t in doc if t.lemma_ == "find")
    assert finding_attribution(verb, doc[:]) is None


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The ministry's report showed two soldiers killed and fourteen wounded.", "showed"),
        ("A survey by the institute found the governor with a lead of eight points.", "found"),
        ("The latest poll shows the challenger 16 points ahead of the incumbent.", "shows"),
        ("The study found majority support for the ceasefire among residents.", "found"),
    ],
)
def test_claim_findings_figures_and_standings_are_findings(nlp: Language, text: str, cue: str) -> None:
    (ruled,) = ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))
    assert ruled.cue == cue and ruled.claimant is not None and ruled.claimant.endswith(("report", "institute",
                                                                                        "poll", "study"))


def test_claim_findings_survey_of_places_leaves_the_speaker_alone(nlp: Language) -> None:
    text = ("In a survey of the damaged villages, the Armenian Ministry of Defense said two soldiers were "
            "killed.")
    claims = ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))
    assert [(c.claimant, c.cue, content_of(text, c)) for c in claims] == [
        ("the Armenian Ministry of Defense", "said", "two soldiers were killed")]


def test_claim_findings_fronted_poll_yields_to_a_named_speaker(nlp: Language) -> None:
    text = "In a poll released Monday, the defense ministry said 40 soldiers had deserted."
    claims = ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))
    assert [(c.claimant, c.cue) for c in claims] == [("the defense ministry", "said")]


@pytest.mark.parametrize(
    "text",
    [
        "Smoke appeared to rise from the village after the strike.",
        "The wounded soldier seemed fine after surgery.",
        "The soldier appeared to be dead when medics arrived.",
        "She is awake, and her wounds do not appear to be life threatening.",
        "The suspect appeared nervous in court on Monday.",
        "The commander appeared calm at the funeral of the fallen soldiers.",
    ],
)
def test_claim_findings_bodies_events_and_appearances_are_no_impressions(nlp: Language, text: str) -> None:
    doc = nlp(text)
    verbs = [t for t in doc if t.lemma_ in ("appear", "seem")]
    assert verbs and all(impression_attribution(v, doc[:]) is None for v in verbs)
    assert ClaimExtractor(nlp, own_voice=False, model=False).match(doc) == []


@pytest.mark.parametrize(
    "text",
    [
        "It appears at first glance that the strike hit a school.",
        "It appears in hindsight that the shelling was deliberate.",
    ],
)
def test_claim_findings_clausal_impression_keeps_its_phrase(nlp: Language, text: str) -> None:
    doc = nlp(text)
    verb = next(t for t in doc if t.lemma_ == "appear")
    assert impression_attribution(verb, doc[:]) is not None
    assert [(c.claimant, c.cue) for c in attributed(nlp, text)] == [(None, "appears")]


def test_claim_findings_state_phrase_is_an_impression(nlp: Language) -> None:
    text = "The ministry's figures appear at odds with the army's account of the shelling."
    assert [(c.claimant, c.cue) for c in attributed(nlp, text)] == [(None, "appear")]


@pytest.mark.parametrize(
    "text",
    [
        "The investigation found 14 soldiers in the basement of the barracks.",
        "The report gave the wounded 14 days of leave.",
        "The video showed two soldiers lying in a trench near the village.",
        "The inspection found a number of unexploded shells near the school.",
    ],
)
def test_claim_findings_counted_things_are_no_finding(nlp: Language, text: str) -> None:
    assert ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text)) == []


@pytest.mark.parametrize(
    ("text", "claimant", "cue"),
    [
        ("The current count gives the ruling party 120 seats.", "The current count", "gives"),
        ("The survey found 40% of the displaced families had no shelter.", "The survey", "found"),
    ],
)
def test_claim_findings_measures_are_findings(nlp: Language, text: str, claimant: str, cue: str) -> None:
    claims = ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))
    assert [(c.claimant, c.cue) for c in claims] == [(claimant, cue)]


@pytest.mark.parametrize(
    "text",
    [
        "The suspect appeared in court on Monday.",
        "The suspect appeared before a judge.",
        "The report put the soldiers at the border.",
        "The investigation found 14 soldiers in the basement.",
    ],
)
def test_claim_findings_tagger_cues_the_rules_veto_are_dropped(nlp: Language, text: str) -> None:
    assert attributed(nlp, text) == []


def test_claim_findings_absence_found_is_a_finding(nlp: Language) -> None:
    text = "Public records show no damage to the hospital from the shelling."
    claims = ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))
    assert [(c.claimant, c.cue) for c in claims] == [("Public records", "show")]


def test_claim_findings_progressive_clause_of_a_body_is_seen(nlp: Language) -> None:
    text = "When he saw that the soldier was bleeding from the leg, he called the medics."
    claims = ClaimExtractor(nlp, own_voice=False, model=False).match(nlp(text))
    assert [(c.claimant, c.cue) for c in claims] == [("he", "saw")]
