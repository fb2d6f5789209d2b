"""Claimants of the trained tagger's attributions, read off the parse where the tagger found a cue but no source
(or a source that is another verb's subject): :func:`parsed_claimant`.

The rules' own claimants come from :mod:`rashomon.extract.attributions`; :mod:`rashomon.extract.claims` merges both.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from rashomon.extract import attribution_lexicon as lex
from rashomon.extract.attributions import Attribution, remainder, subject_of
from rashomon.extract.claim_spans import clipped, overlaps, source_span


def parsed_claimant(attribution: Attribution) -> Attribution:
    """A tagger attribution without a claimant, given the subject (or passive agent) of its cue's verb in
    the parse ("Trump has since revised his proposal": the tagger found *revised*, not *Trump*), or the
    possessor of its cue noun ("Her attack on Sanders", "the campaign's earlier claim that"). A cue that
    stops short of its verb ("The network *immediately* seized on", "Liberal groups *have* pressured") reaches
    to the verb."""
    cue, unit = attribution.cue, attribution.sent
    giver = _received_from(cue, unit)
    if giver is not None:
        return Attribution(unit, cue, giver, attribution.content, attribution.kind, attribution.hedges)
    if attribution.source is not None:
        attribution, found = _own_subject(attribution, attribution.source)
        widened = _to_verb(cue, unit)
        if widened == cue or overlaps(widened, found):
            return attribution
        content = remainder(unit, found, widened) or attribution.content
        return Attribution(unit, widened, found, content, attribution.kind, attribution.hedges)
    cue = _to_verb(cue, unit)
    verb = next((t for t in reversed(cue) if t.pos_ in ("VERB", "AUX") and t.dep_ not in _VERB_PARTS),
                cue.root)
    holder = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else _possessor(cue)
    if holder is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        holder = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if holder is not None and cue.start <= holder.i < cue.end:
        holder = _possessor(cue)  # "Clinton's response was:": the subject is the cue noun
    source = clipped(source_span(holder), unit) if holder is not None else None
    if source is None and _after_quote(cue, unit):
        source = named_after(cue, unit)  # "“...,” exhorted Clinton's introducer"
    if source is None or (source.start < cue.end and cue.start < source.end):
        return attribution
    content = remainder(unit, source, cue) or attribution.content
    return Attribution(unit, cue, source, content, attribution.kind, attribution.hedges)


_VERB_PARTS = frozenset({"aux", "auxpass", "neg", "advmod"})


def _own_subject(attribution: Attribution, source: Span) -> tuple[Attribution, Span]:
    """A tagger attribution whose nearest tagger ``source`` is another verb's subject while its cue verb has
    a subject of its own in the parse ("While Clinton wrongly claimed ..., foreign policy experts affirm that":
    *foreign policy experts*, not *Clinton*, whom the tagger found for the other cue), given that subject;
    with the claimant it ends with. Held-out *train*: +0.0004 source overlap F1."""
    cue, unit = attribution.cue, attribution.sent
    verb = next((t for t in reversed(cue) if t.pos_ in ("VERB", "AUX") and t.dep_ not in _VERB_PARTS), None)
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None) if verb is not None else None
    if verb is None or subject is None or subject.tag_ in ("WDT", "WP", "EX") or subject.lower_ == "it" \
            or source.start <= subject.i < source.end or cue.start <= subject.i < cue.end \
            or source.root.dep_ != "nsubj" or source.root.head.i == verb.i:
        return attribution, source  # only a source that is another verb's subject
    own = clipped(source_span(subject), unit)
    if own is None or overlaps(own, cue):
        return attribution, source
    content = remainder(unit, own, cue) or attribution.content
    return Attribution(unit, cue, own, content, attribution.kind, attribution.hedges), own


def _received_from(cue: Span, unit: Span) -> Span | None:
    """Who gave what the cue's verb says was received: "The proposal has drawn harsh criticism *from fellow
    GOP hopefuls*", "She drew support from a large majority of ...": the object of *from*, not the subject."""
    verb = next((t for t in cue if t.lemma_.lower() in lex.RECEIVING_VERBS and t.pos_ == "VERB"), None)
    if verb is None:
        return None
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    prep = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    giver = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return clipped(source_span(giver), unit) if giver is not None else None


def _to_verb(cue: Span, unit: Span) -> Span:
    """``cue`` widened over the verb right after it when it holds only that verb's auxiliaries or adverbs."""
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in _VERB_PARTS for t in cue):
        return cue
    head = cue[-1].head
    between = cue.doc[cue.end: head.i]
    if head.pos_ != "VERB" or head.i < cue.end or head.i >= unit.end or \
            any(t.dep_ not in _VERB_PARTS or t.head.i != head.i for t in between):
        return cue
    return cue.doc[cue.start: head.i + 1]


def _after_quote(cue: Span, unit: Span) -> bool:
    """Whether ``cue`` follows a closing quote mark in ``unit`` (a comma or a space token between them or not):
    "“...,” exhorted X", "“...,”\xa0added Gowdy"."""
    doc = cue.doc
    before = [t for t in doc[max(cue.start - 3, unit.start): cue.start] if t.text != "," and not t.is_space]
    return bool(before) and before[-1].is_quote


def _possessor(cue: Span) -> Token | None:
    """The possessor of the noun heading ``cue`` when it stands outside the cue ("*Her* attack on")."""
    noun = next((t for t in cue if t.pos_ == "NOUN"), None)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) if noun is not None else None
    return owner if owner is not None and not (cue.start <= owner.i < cue.end) else None


def named_after(cue: Span, unit: Span) -> Span | None:
    """The noun phrase right after ``cue`` in ``unit`` ("said Representative Dan Kildee, a Democrat")."""
    noun = next((t for t in cue.doc[cue.end: unit.end] if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if noun is None or noun.i > cue.end + 2:
        return None
    while noun.head.i != noun.i and noun.head.pos_ in ("PROPN", "NOUN") and noun.head.i >= cue.end:
        noun = noun.head
    return clipped(source_span(noun), unit)


