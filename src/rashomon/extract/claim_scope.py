"""Which attributions are claims of their own, as PolNeAR draws the line, and when the report's own impression
has no claimant.

An attribution found inside another one is usually part of what that one says or of who says it, not a
separate claim: a belief said inside a statement ("Sexton said he thinks ..."), a cue embedded in the content
("said the governor told him"), what an *according to* reports ("“...,” Sanders said, according to CNN"), a cue
inside a claimant ("said X, a committeewoman who openly supports Trump"), a stance of a generic *you*. Each
rule names its PolNeAR *train* count; :mod:`rashomon.extract.claims` applies them to the rules' attributions
and to the tagger's (against the rules' of the same unit).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from rashomon.extract import attribution_lexicon as lex
from rashomon.extract.attributions import Attribution, adds_to
from rashomon.extract.colon_lines import tally_colon


def separate(attribution: Attribution, found: list[Attribution]) -> bool:
    """Whether ``attribution`` is a claim of its own among ``found`` (the attributions of its unit)."""
    if generic_stance(attribution):
        return False
    return len(found) < 2 or not (nested(attribution, found) or reported_by(attribution, found)
                                  or in_claimant(attribution, found))


def nested(attribution: Attribution, found: list[Attribution]) -> bool:
    """Whether ``attribution`` is said inside what another one in the sentence attributes, with a verb of
    belief or stance ("Sexton said he thinks ...") or a verb embedded in that content as a clause,
    infinitive or participle ("Smith said Jones told him ...", "said he wants to ask ..."), or a verb outside the
    lexicon that the learned model took for a cue ("the ministry claimed ... after Armenian forces sought to
    ...": part of what the ministry claims): PolNeAR marks the outer attribution only (PolNeAR *train*: about one
    embedded cue in five is gold)."""
    cue = attribution.cue
    if attribution.kind == "according_to" or (cue.root.lemma_.lower() not in lex.NESTED_CUES and not attribution.learned
                                               and cue.root.dep_ not in lex.EMBEDDED_DEPS):
        return False
    return any(other is not attribution and other.content is not None
               and other.content[0] <= cue.start_char and cue.end_char <= other.content[1] for other in found)


def in_claimant(attribution: Attribution, found: list[Attribution]) -> bool:
    """Whether the cue of ``attribution`` lies inside another one's claimant ("said Diana Orrock, an RNC
    committeewoman who openly supports Trump"): PolNeAR's sources hold no other attribution (PolNeAR *train*:
    10 of 30 such cues are gold)."""
    cue = attribution.cue
    return any(other is not attribution and other.source is not None
               and other.source.start <= cue.start and cue.end <= other.source.end for other in found)


def reported_by(attribution: Attribution, found: list[Attribution]) -> bool:
    """Whether ``attribution`` is what an "according to" in its sentence reports ("“...,” Sanders said,
    according to CNN"; "According to the poll, 51 percent said ..."): PolNeAR marks the *according to* only
    (PolNeAR *train*: 1 of 21 such inner cues is gold). Not when the *according to* lies in what
    ``attribution`` says ("The AP reported that, according to an analysis, ...")."""
    cue, content = attribution.cue, attribution.content
    for other in found:
        if other is attribution or other.kind != "according_to" or other.content is None:
            continue
        outer = other.cue
        inside = other.content[0] <= cue.start_char and cue.end_char <= other.content[1]
        if inside and (content is None or not content[0] <= outer.start_char < content[1]):
            return True
    return False


def no_statement(attribution: Attribution) -> bool:
    """Whether a tagger's ``attribution`` states nothing as the rules read it: *add to* a thing ("adding to
    her run of victories"), or a colon setting off a tally ("Clinton: 2,316."). Not the rules' section labels:
    the tagger's "Poll: ..." is gold in PolNeAR *train* (held-out train source F1 -0.0006 with them)."""
    cue, unit = attribution.cue, attribution.sent
    if cue.text == ":":
        return tally_colon(cue[0])
    return any(adds_to(token, unit) for token in cue)


def generic_stance(attribution: Attribution) -> bool:
    """Whether ``attribution`` is a belief or stance of a generic *you* ("you know ...", "if you want to ...")."""
    source = attribution.source
    return source is not None and len(source) == 1 and source[0].lower_ in lex.GENERIC_PRONOUNS \
        and attribution.cue.root.lemma_.lower() in lex.NESTED_CUES


def no_one_named(attribution: Attribution) -> Attribution:
    """``attribution`` without a claimant when its claimant is a relative *that* ("the social taboo that says
    you're not supposed to", "a group that has pledged": no one named, and what it stands for is seldom the
    gold source; PolNeAR *train*, held-out slice and first 200 articles: 4 of 24 such claimants gold) or an
    *it* that is the subject of another word than the cue's ("It is hard to imagine", "it's worth noting",
    "it becomes harder to make the case": the report's own voice), or the passive subject of another verb
    ("after her initial statement was shown to be false, stating that": no speaker; not a colon's name, which
    the parse does not give; held-out train slice, combined source F1 +0.0006)."""
    source, cue = attribution.source, attribution.cue
    subject = _apposed_to(source.root) if source is not None else None
    if subject is not None and subject.dep_ == "nsubjpass" and cue.text != ":" \
            and not cue.start <= subject.head.i < cue.end:
        return replace(attribution, source=None)
    if source is None or len(source) != 1:
        return attribution
    word = source[0]
    relative = word.lower_ == "that" and word.tag_ == "WDT"
    if not relative and not (word.lower_ == "it" and not cue.start <= word.head.i < cue.end):
        return attribution
    return replace(attribution, source=None)


def _apposed_to(token: Token) -> Token:
    """The word ``token`` is an apposition to, if any (a claimant cut after a dateline the parser made its
    subject: "OREGON CITY, Ore. (KOIN) – Jeffrey Giddings, the man accused of ..."), else ``token``."""
    while token.dep_ == "appos" and token.head.i != token.i:
        token = token.head
    return token


def impression(attribution: Attribution) -> Attribution:
    """``attribution`` without a claimant when its cue is *seem* or *appear* ("The event seemed an insult away
    from a brawl", "Clinton still seems not to have found"), or a passive whose subject is what it is about
    ("Three city commissioners were charged with"; not "is now assured of"): the report's own impression or
    an agentless passive, whose subject is not who holds it (PolNeAR *train*: the subject of *seem*/*appear*
    is in the gold source for 26 of 150 such gold cues; on the tagger's 84 held-out train articles source
    overlap F1 +0.004 and +0.001)."""
    source, cue = attribution.source, attribution.cue
    if source is None:
        return attribution
    subject = _apposed_to(source.root)
    passive = subject.dep_ == "nsubjpass" and cue.start <= subject.head.i < cue.end \
        and cue[-1].pos_ != "ADP"  # "were charged", not "is now assured of"
    if not passive and not any(t.lemma_.lower() in lex.HEDGE_VERBS for t in cue):
        return attribution
    return replace(attribution, source=None)
