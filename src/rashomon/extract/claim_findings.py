"""Attributions that no one speaks: what a record shows, and how things appear to the report.

Two constructions the speech-verb rules of :mod:`rashomon.extract.attributions` leave out, each measured on the
756 PolNeAR *train* articles the rules learn from (docs/benchmarks.md, eleventh session):

- a record tells a finding with a plain object ("The latest poll showed Trump leading the field", "Initial
  estimates put the total at about 55,000 pages", "The current count gives her 1,280 delegates"): the record is
  the claimant, the verb the cue, the object what is attributed. Only the heads of
  :data:`~rashomon.extract.attribution_lexicon.RECORD_NOUNS` count: "The army gave the order" or "the suspect
  showed a gun" are acts, no findings.
- *seem* / *appear* with a complement ("Trump's supporters seemed equally unperturbed", "They appear to be
  unanimous in their belief", "It seems that ..."): the report's impression, a cue without a claimant (its
  subject is what the impression is about; PolNeAR marks the verb alone as the cue and no source 109 times in
  156 such gold cues). Such a cue is *tentative* (:func:`rashomon.extract.claims.tentative`): it yields to a
  tagger cue it overlaps and leaves its unit to the tagger.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from rashomon.extract import attribution_lexicon as lex
from rashomon.extract.attributions import Attribution, cue_span, widened_cue
from rashomon.extract.claim_spans import clipped, clipped_chars, source_span, trimmed

_FINDING = frozenset(get_string_id(word) for word in lex.FINDING_VERBS)
_IMPRESSION = frozenset(get_string_id(word) for word in lex.HEDGE_VERBS)
_MAIN_DEPS = frozenset({"ROOT", "conj", "advcl"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "ccomp", "xcomp", "oprd"})
_CONDITIONS = frozenset({"if", "unless", "until", "whether"})


def reading_attribution(verb: Token, unit: Span) -> Attribution | None:
    """A record's finding or the report's impression headed by ``verb`` (a verb the speech rules left)."""
    if verb.lemma in _FINDING:
        return finding_attribution(verb, unit)
    if verb.lemma in _IMPRESSION:
        return impression_attribution(verb, unit)
    return None


def finding_attribution(verb: Token, unit: Span) -> Attribution | None:
    """ "A CNN/ORC poll showed a mere one-point difference", "Subsequent estimates put the figure closer to
    54,000 pages": a finding verb whose active subject is a record; the content runs from its first object to
    the end of the verb's phrase."""
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in lex.RECORD_NOUNS or subject.pos_ != "NOUN":
        return None
    objects = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS]
    if not objects:
        return None
    doc = verb.doc
    source = clipped(source_span(subject), unit)
    last = verb.right_edge
    content = clipped_chars(trimmed(doc, objects[0].left_edge.idx, last.idx + len(last)), unit)
    if source is None or content is None:
        return None
    cue = widened_cue(verb, cue_span(verb), (source.start_char, source.end_char), content)
    return Attribution(unit, cue, source, content)


def survey_attribution(prep: Token, unit: Span) -> Attribution | None:
    """ "In an NBC News/Wall Street Journal poll released Monday, 50 percent of respondents chose ...": an *in*
    phrase opening the sentence around a poll or survey, then a comma; the record is the claimant, *In* the cue
    (as PolNeAR marks it), the rest of the sentence the content."""
    if prep.i != unit.start or prep.dep_ != "prep":
        return None
    record = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if record is None or record.lemma_.lower() not in lex.SURVEY_NOUNS:
        return None
    doc = prep.doc
    end = prep.right_edge.i + 1
    if end >= unit.end or doc[end].text != ",":
        return None
    source = clipped(doc[record.left_edge.i: end], unit)
    content = clipped_chars(trimmed(doc, doc[end].idx + 1, unit.end_char), unit)
    if source is None or content is None:
        return None
    return Attribution(unit, doc[prep.i: prep.i + 1], source, content)


def impression_attribution(verb: Token, unit: Span) -> Attribution | None:
    """ "Trump's supporters seemed equally unperturbed", "It appears, though, that the game wasn't boring":
    *seem* / *appear* as a main or coordinated verb with a subject and a complement; no claimant, hedged."""
    if verb.dep_ not in _MAIN_DEPS or not any(c.dep_ in ("nsubj", "expl") for c in verb.lefts):
        return None
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.lefts):
        return None  # "if it appears to be damaging the economy": a condition, no one's impression
    complements = [c for c in verb.rights if c.dep_ in lex.IMPRESSION_DEPS]
    if not complements:
        return None
    doc = verb.doc
    last = complements[-1].right_edge
    content = clipped_chars(trimmed(doc, complements[0].left_edge.idx, last.idx + len(last)), unit)
    if content is None:
        return None
    empty = (verb.idx, verb.idx)
    cue = widened_cue(verb, doc[verb.i: verb.i + 1], empty, empty)
    return Attribution(unit, cue, None, content, hedges=[cue.text])
