"""Claims from hand-built sentences, one attribution construction each, with text and offsets checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from rashomon.extract.attributions import Attribution
from rashomon.extract.claim_scope import impression, no_one_named
from rashomon.extract.claims import (
    FACTORY,
    ClaimExtractor,
    naming_hedge,
    parsed_claimant,
    quote_regions,
    speaking_act,
)
from rashomon.records import ActorMention, Claim, normalise_text

pytestmark = pytest.mark.slow

ACCEPTANCE = Path(__file__).resolve().parents[2] / "shared" / "acceptance" / "operation-revenge.gold.json"


@pytest.fixture(scope="module")
def nlp(claims_nlp: Language) -> Language:
    return claims_nlp


def claims_of(nlp: Language, text: str) -> list[Claim]:
    """The claims of ``text``, after checking that every offset points at the text it names."""
    found: list[Claim] = nlp(text)._.claims
    for claim in found:
        assert text[claim.start: claim.end] == claim.text
        if claim.claimant is not None:
            assert text[claim.claimant_start: claim.claimant_end] == claim.claimant
        if claim.cue is not None:
            assert text[claim.cue_start: claim.cue_end] == claim.cue
        assert claim.start <= claim.content_start < claim.content_end <= claim.end
    return found


def attributed(nlp: Language, text: str) -> list[Claim]:
    return [c for c in claims_of(nlp, text) if c.kind != "own_voice"]


@pytest.mark.parametrize(
    ("text", "claimant", "cue", "content", "kind"),
    [
        ("The defense ministry said that two soldiers were killed.",
         "The defense ministry", "said", "that two soldiers were killed", "indirect"),
        ("Two soldiers were killed overnight, said the ministry.",
         "the ministry", "said", "Two soldiers were killed overnight", "indirect"),
        ("According to local media, three villages were shelled.",
         "local media", "According to", "three villages were shelled", "according_to"),
        ("Armen Grigoryan, the council secretary, told local media on Wednesday that the road would open.",
         "Armen Grigoryan, the council secretary", "told", "that the road would open", "indirect"),
        ("Baku accused the militias of attacking its positions.",
         "Baku", "accused", "the militias of attacking its positions", "indirect"),
        ("The army denied that its troops had opened fire.",
         "The army", "denied", "that its troops had opened fire", "indirect"),
        ("The Red Cross said in a statement that 14 people were wounded.",
         "The Red Cross", "said in a statement", "that 14 people were wounded", "indirect"),
        ("“We will respond,” the minister said.", "the minister", "said", "We will respond", "direct"),
        ("The ministry said the militias had “grossly violated” the ceasefire.",
         "The ministry", "said", "the militias had “grossly violated” the ceasefire", "mixed"),
    ],
)
def test_claims_constructions(nlp: Language, text: str, claimant: str, cue: str, content: str,
                              kind: str) -> None:
    (claim,) = attributed(nlp, text)
    assert (claim.claimant, claim.cue, claim.kind) == (claimant, cue, kind)
    assert text[claim.content_start: claim.content_end] == content
    assert claim.claimant_start == text.index(claimant)
    assert not claim.hedged


def test_claims_claims_cue_is_a_hedge(nlp: Language) -> None:
    text = "A spokesperson for the Artsakh Defense Army claims that two servicemen were killed."
    (claim,) = attributed(nlp, text)
    assert claim.claimant == "A spokesperson for the Artsakh Defense Army"
    assert (claim.cue, claim.cue_start) == ("claims", 44)
    assert claim.hedged and claim.hedges == ["claims"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("It is claimed that dozens of militants were killed.", "is claimed"),
        ("The army is said to be building outposts.", "is said to be"),
        ("Drone footage of a strike said to be on militia trucks was released.", "said to be"),
    ],
)
def test_claims_impersonal_attribution_has_no_claimant(nlp: Language, text: str, cue: str) -> None:
    (claim,) = attributed(nlp, text)
    assert claim.claimant is None and claim.cue == cue
    assert claim.cue_start == text.index(cue)
    assert claim.hedged and cue in claim.hedges


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Armenian forces allegedly shelled the village.", "allegedly"),
        ("The village was reportedly shelled on Monday.", "reportedly"),
        ("The ministry published a video that appears to show an airstrike.", "appears to"),
        ("The army seized the heights during what it called an operation of revenge.", "what it called"),
    ],
)
def test_claims_hedges_in_own_voice(nlp: Language, text: str, hedge: str) -> None:
    own = [c for c in claims_of(nlp, text) if c.kind == "own_voice"]
    assert len(own) == 1
    assert own[0].claimant is None and own[0].cue is None
    assert own[0].hedged and hedge in own[0].hedges


def test_claims_own_voice_sentence(nlp: Language) -> None:
    text = "Tensions have been running high in the region for days. The ministry said two soldiers died."
    found = claims_of(nlp, text)
    assert [(c.kind, c.claimant, c.start, c.end) for c in found] == [
        ("own_voice", None, 0, 54), ("indirect", "The ministry", 56, len(text) - 1)]
    assert not found[0].hedged


def test_claims_ministry_added_resolves_across_sentences(nlp: Language) -> None:
    text = "The defense ministry said troops had taken two hills. It was a success, the ministry added."
    first, second = attributed(nlp, text)
    assert second.claimant == "the ministry" and second.cue == "added"
    assert second.claimant_start == text.index("the ministry")
    assert second.resolved_from == "The defense ministry"
    assert first.resolved_from is None


@pytest.mark.parametrize(
    ("text", "pronoun", "antecedent"),
    [
        ("The defense ministry said troops had taken two hills. The operation began at dawn, it added.",
         "it", "The defense ministry"),
        ("Armen Grigoryan met reporters in Yerevan on Monday. The talks had failed, he said.",
         "he", "Armen Grigoryan"),
    ],
)
def test_claims_pronoun_claimant_resolves(nlp: Language, text: str, pronoun: str, antecedent: str) -> None:
    last = attributed(nlp, text)[-1]
    assert last.claimant == pronoun and last.resolved_from == antecedent


def test_claims_multi_sentence_quote_is_one_claim(nlp: Language) -> None:
    text = "“We hold the heights. The enemy has retreated,” the commander said."
    found = claims_of(nlp, text)
    assert len(found) == 1
    (claim,) = found
    assert (claim.claimant, claim.kind) == ("the commander", "direct")
    assert (claim.start, claim.end) == (0, len(text) - 1)
    assert claim.content_start == 0


def test_claims_actor_from_mentions_inside_the_claimant(nlp: Language) -> None:
    text = "The Armenian Ministry of Defense confirmed two deaths. The nation's defense ministry said so."
    doc = nlp.make_doc(text)
    for _, component in nlp.pipeline:
        if component is nlp.get_pipe(FACTORY):
            name = "Armenian Ministry of Defense"
            doc._.actors = [ActorMention(name, 4, 32, "ARM_MOD", name)]
        doc = component(doc)
    first, second = [c for c in doc._.claims if c.kind != "own_voice"]
    assert (first.claimant_actor_id, first.claimant_actor) == ("ARM_MOD", "Armenian Ministry of Defense")
    assert second.claimant == "The nation's defense ministry" and second.claimant_actor_id is None


def test_claims_actor_from_the_knowledge_base_when_no_mention_covers_the_claimant(nlp: Language) -> None:
    # regression: a headline subject the actor component missed ("Azerbaijan Claims ...") had no claimant actor
    text = "Azerbaijan said two of its soldiers were killed. Local media said the fighting went on."
    doc = nlp.make_doc(text)
    for _, component in nlp.pipeline:
        if component is nlp.get_pipe(FACTORY):
            doc._.actors = []  # the actor component ran and tagged nothing
        doc = component(doc)
    first, second = [c for c in doc._.claims if c.kind != "own_voice"]
    assert (first.claimant, first.claimant_actor) == ("Azerbaijan", "Government of Azerbaijan")
    assert second.claimant == "Local media" and second.claimant_actor is None  # generic: no actor without context


def test_claims_quote_regions_pair_marks() -> None:
    text = "He said “yes”. She said \"no\". They said ''maybe''."
    assert quote_regions(text) == [(8, 13), (24, 28), (text.index("''"), len(text) - 1)]
    unclosed = "He said “yes, and left.\n\nThen “no” came."
    assert quote_regions(unclosed) == [(unclosed.index("“no"), unclosed.index(" came"))]
    stray = 'Foo" is a name.\n"They sue," he said. "Everybody sues."'
    assert [stray[a:b] for a, b in quote_regions(stray)] == ['"They sue,"', '"Everybody sues."']
    lines = 'He said "we will win.\nThen "no" came.'
    assert [lines[a:b] for a, b in quote_regions(lines)] == ['"no"']


def test_claims_samples_carry_the_acceptance_claimants(nlp: Language, sample_dir: Path) -> None:
    if not ACCEPTANCE.is_file():
        pytest.skip(f"acceptance gold not found at {ACCEPTANCE}")
    checks = {c["id"]: c for c in json.loads(ACCEPTANCE.read_text(encoding="utf-8"))["checks"]}
    claims = {name: claims_of(nlp, normalise_text((sample_dir / name).read_text(encoding="utf-8")))
              for name in checks["one-event"]["event_articles"]}
    for check in (checks["claims-000"], checks["claims-002"]):
        names = [(c.claimant or "").lower() for c in claims[check["article"]]]
        for forms in check["claimants_all"]:
            assert any(form.lower() in name for form in forms for name in names), forms
    for expected in checks["killed-armenian-side"]["claims"]:
        carrying = [c for c in claims[expected["article"]] if c.claimant is not None and " two " in c.text
                    and any(form.lower() in c.claimant.lower() for form in expected["claimant_any"])]
        assert carrying, expected


@pytest.mark.parametrize(
    ("text", "claimant", "cue"),
    [
        ("Graham: Hateful Rhetoric Is Destroying the Party's Chances.\n\nThe senator spoke on Monday.",
         "Graham", ":"),
        ("EXCLUSIVE – Roger Stone: Don't Trust the Voting Machines.\n\nHe spoke on Monday.",
         "Roger Stone", ":"),
        ("Historians: Clinton and Obama are linked no matter what.\n\nHer fate is tied to his.",
         "Historians", ":"),
    ],
)
def test_claims_headline_colon_names_the_speaker(nlp: Language, text: str, claimant: str, cue: str) -> None:
    first = attributed(nlp, text)[0]
    assert (first.claimant, first.cue) == (claimant, cue)
    assert text[first.content_start: first.content_end].startswith(text.split(": ")[1][:10])


@pytest.mark.parametrize(
    "text",
    ["Related: Ten Things To Know About the Budget Vote.\n\nIt passed.",
     "The plan has three parts: taxes, roads and schools."],
)
def test_claims_colon_without_a_name_is_no_claim(nlp: Language, text: str) -> None:
    assert not [c for c in attributed(nlp, text) if c.cue == ":"]


def test_claims_colon_of_a_tally_is_no_claim(nlp: Language) -> None:
    text = "Results so far.\n\nClinton: 2,316.\n\nSanders: 1,547.\n\nThe count goes on."
    assert not [c for c in attributed(nlp, text) if c.cue == ":"]
    named = "Results so far.\n\nClinton: 2,316 Delegates Are Not Enough.\n\nThe count goes on."
    assert [c.claimant for c in attributed(nlp, named) if c.cue == ":"] == ["Clinton"]


@pytest.mark.parametrize(
    "text",
    ["BYLINE: Amber Phillips.\n\nThe vote was close.",
     "The Latest: Sanders wins Minnesota Democratic caucuses.\n\nThe count goes on."],
)
def test_claims_rules_read_no_speaker_in_a_colon_label(nlp: Language, text: str) -> None:
    rules = ClaimExtractor(nlp, own_voice=False, model=False)
    assert not [c for c in rules.match(nlp(text)) if c.cue == ":"]


def test_claims_add_to_a_thing_is_no_speech(nlp: Language) -> None:
    text = "Clinton won the primary in North Carolina, adding to her run of victories in the South."
    assert not [c for c in attributed(nlp, text) if c.cue and "adding" in c.cue]
    (spoken,) = attributed(nlp, "The governor added that the bridge would reopen.")
    assert (spoken.claimant, spoken.cue) == ("The governor", "added")
    quoted = attributed(nlp, "“We will win,” he added to reporters.")
    assert [c.cue for c in quoted] == ["added"]


def test_claims_relative_that_names_no_claimant(nlp: Language) -> None:
    (claim,) = attributed(nlp, "Officials met the group that said it would sue the city.")
    assert (claim.claimant, claim.cue) == (None, "said")
    (named,) = attributed(nlp, "Officials met the lawyer who said she would sue the city.")
    assert (named.claimant, named.cue) == ("who", "said")


def test_claims_passive_subject_of_another_verb_is_no_claimant(nlp: Language) -> None:
    text = ("The candidate changed her story a few months later, after her initial statement was shown to be "
            "false, stating that she had not sent any classified emails.")
    stating = [c for c in attributed(nlp, text) if c.cue == "stating"]
    assert stating and all(c.claimant is None for c in stating)


@pytest.mark.parametrize(
    ("text", "cue"),
    [("It is hard to imagine that the deal will pass.", "to imagine"),
     ("It is worth noting that the bank lost money.", "noting")],
)
def test_claims_expletive_it_names_no_claimant(nlp: Language, text: str, cue: str) -> None:
    found = [c for c in attributed(nlp, text) if c.cue == cue]
    assert found and all(c.claimant is None for c in found)
    (direct,) = attributed(nlp, "The report is long, and it says that the bank lost money.")
    assert (direct.claimant, direct.cue) == ("it", "says")


def test_claims_cue_takes_in_adverbs_not_occasion(nlp: Language) -> None:
    text = "“There has to be some form of punishment,” Trump said at a rally on Monday."
    (claim,) = attributed(nlp, text)
    assert (claim.claimant, claim.cue) == ("Trump", "said")
    (also,) = attributed(nlp, "The governor also said that the bridge would reopen.")
    assert also.cue == "also said"
    (repeated,) = attributed(nlp, "The senator has repeatedly said that the deal is dead.")
    assert repeated.cue == "has repeatedly said"


def test_claims_claimant_leaves_out_asides(nlp: Language) -> None:
    (claim,) = attributed(nlp, "Trump, speaking to a veterans group in Virginia, said the system is rigged.")
    assert claim.claimant == "Trump"
    text = "Mr. Kamin, who emphasized that the plan is simple, said it would pass."
    assert "Mr. Kamin" in [c.claimant for c in attributed(nlp, text)]
    text = "Victor Cha, who served as Asia director under Bush, said the talks failed."
    (kept,) = attributed(nlp, text)
    assert kept.claimant == "Victor Cha, who served as Asia director under Bush"


@pytest.mark.parametrize(
    ("text", "claimant", "cue"),
    [("He began by saying that the plan had failed.", "He", "saying"),
     ("Hillary Clinton took to Twitter to say that she was grateful.", "Hillary Clinton", "to say"),
     ("Voters are more likely to say that the economy is weak.", "Voters", "to say"),
     ("Police received calls saying that shots had been fired.", "calls", "saying"),
     ("The meeting was first reported by Politico.", "Politico", "was first reported by")],
)
def test_claims_claimant_through_prepositions_infinitives_participles_agents(
        nlp: Language, text: str, claimant: str, cue: str) -> None:
    assert (claimant, cue) in [(c.claimant, c.cue) for c in attributed(nlp, text)]


def test_claims_passive_of_a_non_cue_verb_has_no_claimant(nlp: Language) -> None:
    assert not attributed(nlp, "Three soldiers were killed by the strike.")


def test_claims_colon_ending_a_line_introduces_the_next(nlp: Language) -> None:
    text = "In a 1963 speech, he declared:\n“We will win this war.”\nLynch:\nWe are done.\nThe end."
    found = {c.cue: c for c in attributed(nlp, text)}
    declared, colon = found["declared"], found[":"]
    assert text[declared.content_start: declared.content_end] == "“We will win this war.”"
    assert declared.text == "In a 1963 speech, he declared:\n“We will win this war.”"
    assert (colon.claimant, text[colon.content_start: colon.content_end]) == ("Lynch", "We are done")
    assert "The end" not in [c.text for c in attributed(nlp, text)]


def test_claims_lexicon_leaves_out_non_reporting_senses(nlp: Language) -> None:
    rules = ClaimExtractor(nlp, own_voice=False, model=False)
    for text in ["Clinton maintains a commanding lead in the polls.", "The firm advises big banks on mergers.",
                 "Supporters responded with chants.", "He is supposed to be in Ohio on Monday."]:
        assert not rules.match(nlp(text)), text


@pytest.mark.parametrize(
    ("text", "claimant", "cue", "content"),
    [("Clinton made it clear that she would not drop out.", "Clinton", "made it clear",
      "that she would not drop out"),
     ("Rubio repeatedly made the case for a stronger military.", "Rubio", "repeatedly made the case",
      "for a stronger military"),
     ("On Saturday, Trump issued a statement saying that the judge was brilliant.", "Trump",
      "issued a statement saying", "that the judge was brilliant")],
)
def test_claims_light_verbs_and_statements_saying(nlp: Language, text: str, claimant: str, cue: str,
                                                  content: str) -> None:
    (claim,) = attributed(nlp, text)
    assert (claim.claimant, claim.cue, text[claim.content_start: claim.content_end]) == (claimant, cue, content)


def test_claims_light_verb_without_a_speech_noun_is_no_claim(nlp: Language) -> None:
    assert not attributed(nlp, "She made a cake for the party.")


@pytest.mark.parametrize(
    ("text", "claimant", "content"),
    [("“By the way, if she gets to pick her judges, nothing you can do, folks,” Trump told a rally.", "Trump",
      "“By the way, if she gets to pick her judges, nothing you can do, folks,”"),
     ("''You hear that a lot, and I understand the point,'' said Representative Dan Kildee, a Democrat.",
      "Representative Dan Kildee, a Democrat", "''You hear that a lot, and I understand the point,''")],
)
def test_claims_claimant_is_never_inside_the_quote(nlp: Language, text: str, claimant: str,
                                                   content: str) -> None:
    (claim,) = attributed(nlp, text)
    assert claim.claimant == claimant
    assert text[claim.content_start: claim.content_end].startswith(content[:20])


@pytest.mark.parametrize(
    ("text", "cue", "claimant"),
    [("Trump has since revised his proposal on the ban several times.", "revised", "Trump"),
     ("The remarks were criticized by his rivals as a threat.", "criticized", "his rivals"),
     ("Her attack on Sanders in the debate was a stretch.", "attack", "Her"),
     ("The campaign's earlier claim that Sanders opposed the bill was false.", "claim", "The campaign's"),
     ("“It is about time we had a woman running this country,” exhorted the actress.", "exhorted",
      "the actress")],
)
def test_claims_tagger_cue_without_claimant_takes_the_parsed_one(nlp: Language, text: str, cue: str,
                                                                 claimant: str) -> None:
    doc = nlp(text)
    unit = doc[:]
    at = next(t.i for t in doc if t.text == cue)
    found = parsed_claimant(Attribution(unit, doc[at: at + 1], None, (0, len(text))))
    assert found.source is not None and found.source.text == claimant
    assert found.content is not None and found.content[1] > found.content[0]


@pytest.mark.parametrize(
    ("text", "cue", "claimant"),
    [("The event seemed an insult away from a brawl.", "seemed", None),
     ("Clinton still appears not to have found a comfortable voice.", "appears", None),
     ("Three city commissioners were charged with receiving bribes.", "were charged", None),
     ("Clinton is now assured of the nomination.", "is now assured of", "Clinton"),
     ("Clinton criticized the plan on Monday.", "criticized", "Clinton")],
)
def test_claims_impression_of_the_report_has_no_claimant(nlp: Language, text: str, cue: str,
                                                         claimant: str | None) -> None:
    doc = nlp(text)
    start = text.index(cue)
    cue_span = doc.char_span(start, start + len(cue))
    subject = doc[: next(t.i for t in doc if t.text in cue.split())]
    assert cue_span is not None and subject.text
    found = impression(Attribution(doc[:], cue_span, subject, (cue_span.end_char, len(text))))
    assert (found.source.text if found.source is not None else None) == claimant
    assert found.cue == cue_span


def test_claims_dateline_is_no_claimant(nlp: Language) -> None:
    text = ("CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey told delegates at the "
            "convention that her use of a private email server should disqualify her.")
    (claim,) = attributed(nlp, text)
    assert claim.cue == "told"
    assert claim.claimant is not None and claim.claimant.endswith("Michael Mukasey")
    assert "CLEVELAND" not in claim.claimant


@pytest.mark.parametrize(("text", "claimant"), [
    ("PHOENIX - Police say a man was shot and killed outside a bar on Sunday.", "Police"),
    ("NEW ORLEANS (AP) - New Orleans police say two men were wounded in a shooting.", "New Orleans police"),
    ("CHARLOTTE, N.C. \u2014 Detectives with the Charlotte-Mecklenburg Police Department said the man fled.",
     "Detectives with the Charlotte-Mecklenburg Police Department"),
    ("KENT, Wash. -- Prosecutors have charged a man with murder in the shooting of his neighbor.", "Prosecutors"),
])
def test_claims_claimant_leaves_out_the_dateline_the_parser_joined_to_it(nlp: Language, text: str,
                                                                          claimant: str) -> None:
    claims = attributed(nlp, text)
    assert [c.claimant for c in claims] == [claimant]
    (claim,) = claims
    assert claim.claimant_start is not None and text[claim.claimant_start: claim.claimant_end] == claimant


def test_claims_passive_subject_cut_after_its_dateline_is_still_no_claimant_of_another_cue(nlp: Language) -> None:
    text = ("OREGON CITY, Ore. (KOIN) \u2013 Jeffrey Giddings, the man accused of trying to kill 2 law enforcement "
            "officers and taking a woman hostage at a Gladstone Subway, was officially charged with 6 major crimes "
            "on Wednesday.")  # a GVA report
    doc = nlp(text)
    name = doc.char_span(text.index("Jeffrey"), text.index(", the man"))
    cue_span = doc.char_span(text.index("accused"), text.index("accused") + len("accused"))
    assert name is not None and cue_span is not None
    assert name.root.dep_ == "appos" and name.root.head.dep_ == "nsubjpass"  # the parse this case is about
    found = no_one_named(Attribution(doc[:], cue_span, name, (cue_span.end_char, len(text))))
    assert found.source is None and found.cue == cue_span  # the passive subject of *charged*: no accuser


@pytest.mark.parametrize(("text", "claimant"), [
    ("MIAMI-DADE SUPERINTENDENT ALBERTO CARVALHO said the school would stay closed.",
     "MIAMI-DADE SUPERINTENDENT ALBERTO CARVALHO"),
    ("The governor, Tom Wolf - a Democrat - said the bill would pass.", "The governor, Tom Wolf - a Democrat"),
])
def test_claims_claimant_keeps_capitals_and_dashes_that_are_no_dateline(nlp: Language, text: str,
                                                                        claimant: str) -> None:
    assert [c.claimant for c in attributed(nlp, text)] == [claimant]


def test_claims_what_according_to_reports_is_no_separate_claim(nlp: Language) -> None:
    quoted = attributed(nlp, "“We will not protest on the floor,” Sanders said, according to CNN.")
    assert [(c.claimant, c.cue) for c in quoted] == [("CNN", "according to")]
    poll = attributed(nlp, "According to a new survey, 51 percent of respondents said they would vote for her.")
    assert [(c.claimant, c.cue) for c in poll] == [("a new survey", "According to")]
    inner = attributed(nlp, "The AP reported that, according to an analysis of her calendar, most meetings "
                            "were with donors.")
    assert [c.cue for c in inner] == ["reported", "according to"]


def test_claims_cue_inside_a_claimant_is_no_separate_claim(nlp: Language) -> None:
    text = ("“That is a big concern for everybody,” said Diana Orrock, an RNC committeewoman from Nevada who "
            "openly supports Trump.")
    found = attributed(nlp, text)
    assert [c.cue for c in found] == ["said"]
    assert found[0].claimant is not None and found[0].claimant.startswith("Diana Orrock")


def test_claims_speaker_colon_cut_off_by_the_splitter_introduces_its_line(nlp: Language) -> None:
    text = ("The debate went on.\n\nJAKE TAPPER: Donald Trump released a video on Friday about the wall.\n\n"
            "TRUMP: It was a great video.")
    found = attributed(nlp, text)
    assert [(c.claimant, c.cue) for c in found] == [("JAKE TAPPER", ":"), ("TRUMP", ":")]
    assert text[found[0].content_start: found[0].content_end] == \
        "Donald Trump released a video on Friday about the wall"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [("More from the report: “Samples with more elaborate weighting produced more accurate results.”",
      "the report"),
     ("From Blumenthal and Cohen: “Data collected by our firm helps confirm that both issues were in play.”",
      "Blumenthal and Cohen")],
)
def test_claims_colon_after_from_names_the_source(nlp: Language, text: str, claimant: str) -> None:
    found = attributed(nlp, text)
    assert [(c.claimant, c.cue) for c in found][:1] == [(claimant, ":")]
    assert not attributed(nlp, "From the start: the plan was to win the state by a wide margin.")


@pytest.mark.parametrize(
    ("text", "cue"),
    [("Kasich says he respects Clinton and calls her an extremely intelligent woman.", "calls"),
     ("Carson said he saw no need to change his campaign, telling reporters that voters support him.",
      "telling")],
)
def test_claims_cue_coordinated_inside_what_is_said_keeps_the_speaker(nlp: Language, text: str,
                                                                      cue: str) -> None:
    found = {c.cue: c for c in attributed(nlp, text)}
    speaker = text.split()[0]
    assert found[cue].claimant == speaker and found[cue].claimant_start == 0


def test_claims_criticism_drawn_from_someone_is_theirs(nlp: Language) -> None:
    text = "The proposal has drawn harsh criticism from fellow Republican hopefuls."
    doc = nlp(text)
    start = text.index("has drawn")
    cue = doc.char_span(start, text.index(" from"))
    assert cue is not None
    found = parsed_claimant(Attribution(doc[:], cue, doc[:2], (cue.end_char, len(text))))
    assert found.source is not None and found.source.text == "fellow Republican hopefuls"
    plain = parsed_claimant(Attribution(doc[:], doc[1:2], None, (0, len(text))))
    assert plain.source is None or plain.source.text != "fellow Republican hopefuls"


def test_claims_tagger_cue_of_auxiliaries_reaches_its_verb(nlp: Language) -> None:
    text = "Love did not respond to requests for comment."
    doc = nlp(text)
    found = parsed_claimant(Attribution(doc[:], doc[1:3], doc[0:1], (0, len(text))))
    assert found.cue.text == "did not respond" and found.source is not None and found.source.text == "Love"


@pytest.mark.parametrize(
    ("text", "cue", "act"),
    [("The former president spoke hours after the rally ended.", "spoke", True),
     ("As Blumenthal spoke, the lobby went into overdrive.", "spoke", True),
     ("Trump spoke about the wall for an hour.", "spoke", False),
     ("She talked to reporters: “We will win.”", "talked", False)],
)
def test_claims_speaking_as_an_act_is_no_cue(nlp: Language, text: str, cue: str, act: bool) -> None:
    doc = nlp(text)
    at = next(t.i for t in doc if t.text == cue)
    assert speaking_act(doc[at: at + 1]) is act


def test_claims_saying_embedded_in_what_is_said_is_no_separate_claim(nlp: Language) -> None:
    found = attributed(nlp, "The senator said that the governor told him the bridge would reopen.")
    assert [(c.claimant, c.cue) for c in found] == [("The senator", "said")]
    both = attributed(nlp, "The senator said the bridge would reopen, and the governor confirmed it.")
    assert [c.cue for c in both] == ["said", "confirmed"]


def test_claims_calling_something_something(nlp: Language) -> None:
    text = "Carson called the political system “rotten to the core.”"
    (claim,) = attributed(nlp, text)
    assert (claim.claimant, claim.cue) == ("Carson", "called")
    assert text[claim.content_start: claim.content_end] == "the political system “rotten to the core"


def test_claims_belief_inside_a_statement_is_not_separate(nlp: Language) -> None:
    (claim,) = attributed(nlp, "Sexton said he thinks many voters back Trump as an excuse.")
    assert (claim.claimant, claim.cue) == ("Sexton", "said")
    (alone,) = attributed(nlp, "Many voters believe that the economy is getting worse.")
    assert (alone.claimant, alone.cue) == ("Many voters", "believe")


@pytest.mark.parametrize(
    ("text", "claimant", "cue", "content"),
    [
        ("Republicans have been critical of Clinton's use of a private server.",
         "Republicans", "have been critical of", "Clinton's use of a private server"),
        ("The governor was confident that the bill would pass.",
         "The governor", "was confident", "that the bill would pass"),
        ("Many voters were worried about the direction of the economy.",
         "Many voters", "were worried about", "the direction of the economy"),
    ],
)
def test_claims_stance_adjective_after_be_is_a_cue(nlp: Language, text: str, claimant: str, cue: str,
                                                   content: str) -> None:
    (claim,) = attributed(nlp, text)
    assert (claim.claimant, claim.cue) == (claimant, cue)
    assert text[claim.content_start: claim.content_end] == content


@pytest.mark.parametrize("text", ["The road was dangerous for drivers.", "She was proud.",
                                  "You know the plan will fail."])
def test_claims_no_stance_without_attitude_complement_or_with_generic_you(nlp: Language, text: str) -> None:
    assert attributed(nlp, text) == []  # no attitude adjective, no complement; a generic voice


def test_claims_first_person_stays_attributed(nlp: Language) -> None:
    (claim,) = attributed(nlp, "I said that the plan failed.")
    assert (claim.claimant, claim.cue) == ("I", "said")
    (belief,) = attributed(nlp, "I think the plan will fail.")
    assert (belief.claimant, belief.cue) == ("I", "think")
    (inner,) = attributed(nlp, "The senator said she was confident that the bill would pass.")
    assert (inner.claimant, inner.cue) == ("The senator", "said")  # a stance inside a statement: one claim


def test_claims_tagger_cue_short_of_its_verb_reaches_it(nlp: Language) -> None:
    text = "The network immediately seized on the controversy."
    doc = nlp(text)
    found = parsed_claimant(Attribution(doc[:], doc[2:3], None, (0, len(text))))
    assert found.cue.text == "immediately seized"
    assert found.source is not None and found.source.text == "The network"


def test_claims_naming_hedge_is_no_tagger_cue(nlp: Language) -> None:
    hedge = nlp("The army seized the heights during what it called an operation of revenge.")
    named = nlp("The ministry called the strike a crime.")
    called = next(t.i for t in hedge if t.text == "called")
    assert naming_hedge(hedge[called - 1: called + 1])  # "it called", as the tagger may mark it
    assert not naming_hedge(named[2:3])


def test_claims_fronted_phrase_is_no_part_of_a_claimant(nlp: Language) -> None:
    from rashomon.extract.claim_spans import after_fronted

    doc = nlp("In television interviews Wednesday, Trump dismissed critics who called the remarks sexist.")
    assert after_fronted(doc[0:6]).text == "Trump"  # the parser hung the fronted phrase on the subject
    place = nlp("During a meeting in Cedar Rapids, Iowa, Rubio told voters that the plan would work.")
    assert after_fronted(place[0:10]).text == "Rubio"  # past the commas inside the fronted phrase
    plain = nlp("About half of voters said they would stay home, BRIGHTWAY, Inc. Founder Marla Quinn said.")
    founder = next(t.i for t in plain if t.text == "BRIGHTWAY")
    assert after_fronted(plain[founder: founder + 6]).text == "BRIGHTWAY, Inc. Founder Marla Quinn"
