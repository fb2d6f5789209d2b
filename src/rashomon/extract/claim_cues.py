"""Cue extents where the rules and the attribution tagger meet: the tagger's extent for a rule's cue.

The rules stop a cue at its verb and the words right before it ("also said", "did not immediately say");
the tagger learned PolNeAR's extents, which run on over phrases of occasion and light verbs ("said in a
statement", "said during a panel discussion", "released a statement Thursday night condemning", "had this
to say about"). Where both found the same attribution, the rule keeps its claimant and content and takes the
tagger's cue (:func:`tagger_cue`), within limits that keep the cue a cue:

- the tagger's cue holds the rule cue's head word, and it is the only tagger cue overlapping the rule's;
- it takes in no word of the rule verb's clausal complements, nor an object before one ("said a call to
  the dispatch center ... reported ...": *a call* is what was said, misparsed as the object), and drops no content
  word of the rule's cue, only particles, prepositions and auxiliaries ("is expected to" -> "is expected";
  not "made the announcement" -> "made the");
- a cue that stops on a noun's modifier runs on to that noun ("said in a" -> "said in a statement");
- the content moves off the new cue; a cue over the rule's claimant takes the tagger's claimant, or else the
  subject of its verb ("a paper from ... had this to say about").

Measured on the tagger's 84 held-out PolNeAR *train* articles (rules + tagger, overlap F1): cue 0.7303 ->
0.7359, source 0.7797 -> 0.7805; on the first 200 train articles 0.8063 / 0.7800 -> 0.8070 / 0.7844 (docs/benchmarks.md,
"Tenth session"). Only units the tagger already reads are touched: no extra tagging.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from rashomon.extract import attribution_lexicon as lex
from rashomon.extract.attribution_model import NOUN_MODIFIERS
from rashomon.extract.attributions import Attribution, subject_of
from rashomon.extract.claim_spans import overlaps, source_span, trimmed

CLAUSAL_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "csubj"})
"""Dependencies of a cue verb's complements that are what is said, never part of the cue."""

NOT_GOVERNING = frozenset({"be", "have", "get", "lead"})
"""Verbs over which a cue is not run back: their infinitive is no act of their subject's ("is to say", "led
them to say") or they are auxiliaries ("have to say")."""

GOVERNOR_DEPS = frozenset({"aux", "neg", "advmod"})
"""Words before a governing verb that come into the cue with it ("has repeatedly tried to")."""

OBJECT_DEPS = frozenset({"dobj", "attr", "dative", "oprd"})
"""Dependents that give a governing verb an object: the infinitive is then the object's ("urged him to say")."""

DROPPABLE_POS = frozenset({"ADP", "PART", "AUX"})
"""Parts of speech of a rule cue's words that the tagger's cue may leave out ("expected to", "advised by")."""


def tagger_cue(rule: Attribution, model: list[Attribution]) -> Attribution:
    """``rule`` with the cue of the one ``model`` attribution whose cue overlaps its own, within the limits
    of the module docstring; ``rule`` itself where there is none or it falls outside them."""
    found = [m for m in model if overlaps(m.cue, rule.cue)]
    if len(found) != 1:
        return rule
    old = rule.cue
    cue = to_noun(found[0].cue)
    if (cue.start, cue.end) == (old.start, old.end) or not cue.start <= old.root.i < cue.end:
        return rule
    if any(not cue.start <= t.i < cue.end and (t.pos_ not in DROPPABLE_POS or t.dep_ == "prt") for t in old):
        return rule
    said = _complements(old.root)
    if any(i in said for i in range(cue.start, cue.end) if not old.start <= i < old.end):
        return rule
    content = rule.content and beside(rule.content, old, cue)
    if rule.content is not None and content is None:
        return rule
    source = rule.source
    if source is not None and overlaps(cue, source):
        source = found[0].source or _subject(cue)
    return replace(rule, cue=cue, source=source, content=content)


def governed(attribution: Attribution) -> Attribution:
    """``attribution`` with its cue run back over the verb that governs it as an infinitive of the same subject
    ("tried to ask", "plans to call for", "has begun to question", "spent the week to attack"), as PolNeAR marks
    such cues: on the 756 *train* articles the rules learn from, 16 rule cues become gold hits and 1 stops being
    one. Not over a verb with an object ("forced him to say": *him* says it), *be* / *have* / *get* / *lead*, a
    verb of :data:`~rashomon.extract.attribution_lexicon.COMPLEMENT_CUES` (a cue of its own) or *seem* /
    *appear* (an impression), nor over the claimant or what is said."""
    cue = attribution.cue
    verb = cue.root
    head = verb.head
    if verb.dep_ != "xcomp" or head.i >= cue.start or head.pos_ != "VERB" or _not_governing(head):
        return attribution
    doc = cue.doc
    left = head.i
    while left > head.sent.start and doc[left - 1].head.i == head.i and doc[left - 1].dep_ in GOVERNOR_DEPS:
        left -= 1
    source, content = attribution.source, attribution.content
    if source is not None and source.start < cue.start and source.end > left:
        return attribution
    if content is not None and content[0] < cue.start_char and content[1] > doc[left].idx:
        return attribution
    return replace(attribution, cue=doc[left: cue.end])


def _not_governing(head: Token) -> bool:
    lemma = head.lemma_.lower()
    return lemma in NOT_GOVERNING or lemma in lex.COMPLEMENT_CUES or lemma in lex.HEDGE_VERBS \
        or any(c.dep_ in OBJECT_DEPS for c in head.children)


def to_noun(cue: Span) -> Span:
    """``cue`` run on to the noun its last word modifies, when that noun follows in the sentence ("said in a"
    -> "said in a statement", "answered an early" -> "answered an early question")."""
    last = cue[-1]
    if last.dep_ in NOUN_MODIFIERS and cue.end <= last.head.i < last.sent.end:
        return cue.doc[cue.start: last.head.i + 1]
    return cue


def beside(content: tuple[int, int], old: Span, cue: Span) -> tuple[int, int] | None:
    """``content`` (character offsets) kept clear of ``cue``, which replaces ``old``: a content after (before)
    the old cue starts after (ends before) the new one; one around the old cue stays (``None``: nothing left)."""
    start, end = content
    if old.end_char <= start < cue.end_char:
        start, end = trimmed(cue.doc, cue.end_char, end)
    elif cue.start_char < end <= old.start_char:
        start, end = trimmed(cue.doc, start, cue.start_char)
    return (start, end) if end > start else None


def _complements(verb: Token) -> set[int]:
    """Token indices of ``verb``'s clausal complements (what it attributes), and of an object before a clause
    that follows it (the clause's subject, misparsed: "said [a call to the dispatch center] ... reported a victim")."""
    said = {t.i for child in verb.children if child.dep_ in CLAUSAL_DEPS for t in child.subtree}
    if said:
        last = max(said)
        said |= {t.i for child in verb.rights if child.dep_ == "dobj" and child.i < last for t in child.subtree}
    return said


def _subject(cue: Span) -> Span | None:
    """The subject phrase of ``cue``'s head verb in the parse, when it lies outside the cue."""
    subject = subject_of(cue.root)
    if subject is None or cue.start <= subject.i < cue.end:
        return None
    span = source_span(subject)
    return None if overlaps(span, cue) else span
