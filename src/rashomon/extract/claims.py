"""Claims and their claimants: the spaCy component ``rashomon.claims.v1`` (factory ``rashomon_claims_v1``).

Every sentence of an article becomes at least one :class:`~rashomon.records.Claim`. Attributed statements
carry their claimant *as written* (the full noun phrase with its modifiers, appositions and ``of``/``for``
phrases), the cue and the content, each with character offsets into ``doc.text``; sentences the outlet says
in its own voice become claims with ``claimant=None`` and ``kind='own_voice'``, so that every figure
extracted later has a claim that carries it.

Constructions, read off spaCy's dependency parse (``attribution_lexicon`` holds the words):

- subject of a cue verb with a clausal or nominal complement: "the ministry said (that) ...",
  "X told local media on Wednesday that ...", "Baku accused X of ...", "X denied that ...";
  the subject may follow the verb ("..., said the ministry") or be shared with a coordinated or participial
  verb ("... and confirmed ...", "..., adding that ...");
- ``according to X``: the claimant is the object of *to*;
- passive attributions without an agent ("it is claimed that ...", "X is said to be ...", "a strike said
  to be on ..."): no claimant, a cue, always hedged;
- quotes: the content is *direct* when it lies inside quote marks, *mixed* when it holds a quote; a quote
  that opened sentences earlier ("``A. B,`` he said") widens the claim to the sentence where it opened.

A pronoun or bare definite claimant ("it added", "he said", "the ministry added") is resolved to the most
recent compatible claimant or entity of the last few sentences: the claim keeps the claimant as written and
its offsets, and records the antecedent in ``resolved_from`` (and its actor in ``claimant_actor``). Actors
come from ``doc._.actors`` (``rashomon.actors.v1``) when that component ran; otherwise they stay ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from rashomon.extract import attribution_lexicon as lex
from rashomon.extract.extensions import register
from rashomon.records import ActorMention, Claim, ClaimKind

FACTORY = "rashomon_claims_v1"
"""The registered factory name: ``rashomon.claims.v1`` spelt as spaCy allows (no dots in factory names)."""

LINE_BREAKS = "rashomon_line_breaks_v1"
"""A helper component to add *before* the parser: a line break always ends a sentence."""

_TRIM = frozenset(" \t\n.,;:\u2014\u2013-")
_QUOTE_MARK = re.compile("''|[\"\u201c\u201d\u00ab\u00bb\u201e]")
_AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
_CONTENT_PREPS = frozenset({"of", "about", "on", "for", "as"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp"})


@dataclass
class Attribution:
    """One attribution found in a sentence, before it becomes a :class:`Claim` (token-level view)."""

    sent: Span
    cue: Span
    source: Span | None
    content: tuple[int, int] | None  # character offsets
    kind: ClaimKind = "indirect"
    hedges: list[str] = field(default_factory=list)


# --- spans and quotes -------------------------------------------------------------------------------------


def trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets ``start``/``end`` with surrounding spaces and clause punctuation removed."""
    text = doc.text
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted passages, quote marks included: curly pairs, and alternating ``"`` or ``''``
    (an unclosed straight quote does not run past a paragraph)."""
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for mark in _QUOTE_MARK.finditer(text):
        char = mark.group()
        if open_at is None and (char in lex.QUOTE_PAIRS or char in lex.STRAIGHT_QUOTES):
            open_at, closer = mark.start(), lex.QUOTE_PAIRS.get(char, char)
        elif open_at is not None and char != closer and char in lex.QUOTE_PAIRS:
            open_at, closer = mark.start(), lex.QUOTE_PAIRS[char]  # the earlier one was never closed
        elif open_at is not None and char == closer:
            if closer in lex.STRAIGHT_QUOTES and "\n\n" in text[open_at: mark.start()]:
                open_at = mark.start()  # the earlier one was never closed: start again here
                continue
            regions.append((open_at, mark.end()))
            open_at = None
    return regions


def quote_kind(content: tuple[int, int], regions: list[tuple[int, int]]) -> ClaimKind:
    """``direct`` when the content lies in quotes, ``mixed`` when it holds some, else ``indirect``."""
    start, end = content
    inside = [(a, b) for a, b in regions if a < end and b > start]
    if not inside:
        return "indirect"
    quoted = sum(min(b, end) - max(a, start) for a, b in inside)
    return "direct" if quoted >= 0.9 * (end - start) else "mixed"


def sentence_units(doc: Doc) -> list[Span]:
    """The sentences of ``doc``, each further cut at line breaks (headlines, captions, "Read more")."""
    units: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    units.append(doc[start: token.i])
                start = token.i + 1
        if sent.end > start:
            units.append(doc[start: sent.end])
    return units


def clipped(span: Span, unit: Span) -> Span | None:
    """``span`` cut to the tokens inside ``unit``, or ``None`` when nothing is left."""
    start, end = max(span.start, unit.start), min(span.end, unit.end)
    while start < end and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1
    return span.doc[start:end] if end > start else None


def clipped_chars(bounds: tuple[int, int], unit: Span) -> tuple[int, int] | None:
    """Character offsets ``bounds`` cut to ``unit``, or ``None`` when they lie outside it."""
    start, end = max(bounds[0], unit.start_char), min(bounds[1], unit.end_char)
    return (start, end) if end > start else None


def subtree_span(token: Token) -> Span:
    """The contiguous span of ``token``'s subtree without leading or trailing punctuation."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    while left < right and doc[left].is_punct:
        left += 1
    while right > left and doc[right].is_punct and not _closes_bracket(doc[left: right + 1]):
        right -= 1
    return doc[left: right + 1]


def _closes_bracket(span: Span) -> bool:
    """Whether the last token of ``span`` closes a bracket opened inside it: "Dianne Feinstein (D-Calif.)"."""
    return span[-1].text == ")" and span.text.count("(") >= span.text.count(")")


# --- the constructions ------------------------------------------------------------------------------------


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of ``verb``, or of the verb it is coordinated with or hangs from as a participle."""
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    head = verb.head
    if depth < 3 and verb.dep_ in _INHERIT_DEPS and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "advcl" and verb.tag_ != "VBG":
            return None
        return subject_of(verb.head, depth + 1)
    return None


def is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def cue_span(verb: Token) -> Span:
    """The cue: the verb with its adjacent auxiliaries, particle and an ``in a statement``-like phrase."""
    doc = verb.doc
    left = verb.i
    while left > verb.sent.start and doc[left - 1].head.i == verb.i and doc[left - 1].dep_ in _AUX_DEPS:
        left -= 1
    right = verb.i
    for child in verb.rights:
        if child.i != right + 1:
            break
        phrasal = child.dep_ == "prep" and child.lower_ in lex.PHRASAL_CUES.get(verb.lemma_, ())
        if child.dep_ == "prt" or phrasal:
            right = child.i
        elif child.dep_ == "prep" and child.lower_ == "in" and _nominal_cue(child):
            right = next(c for c in child.children if c.dep_ == "pobj").i
        else:
            break
    return doc[left: right + 1]


def _nominal_cue(prep: Token) -> bool:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and objects[0].lemma_.lower() in lex.NOMINAL_CUES and prep.right_edge.i - prep.i <= 4


def content_of(verb: Token, source: Span | None, cue: Span, unit: Span) -> tuple[int, int] | None:
    """Character offsets of what ``verb`` attributes, or ``None`` when it has no complement that could be."""
    doc = verb.doc
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        first, last = clauses[0].left_edge, clauses[-1].right_edge
        return trimmed(doc, first.idx, last.idx + len(last))
    infinitives = [c for c in verb.children if c.dep_ == "xcomp"]
    if infinitives:
        return trimmed(doc, infinitives[0].left_edge.idx, verb.right_edge.idx + len(verb.right_edge))
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        head = verb.head
        return trimmed(doc, head.left_edge.idx, verb.left_edge.idx)
    if verb.lemma_.lower() in lex.BARE_SPEECH_VERBS and source is not None:
        return remainder(unit, source, cue) or trimmed(doc, unit.start_char, unit.end_char)
    if cue[-1].lower_ in lex.PHRASAL_CUES.get(verb.lemma_, ()):
        last = cue[-1].right_edge
        return trimmed(doc, cue.end_char, last.idx + len(last))
    if verb.lemma_.lower() in lex.NEEDS_CLAUSE and not _quote_follows(cue):
        return None
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "prep", "dative", "oprd", "attr", "punct")
               and c.i > cue.end - 1 and (source is None or not (source.start <= c.i < source.end))]
    objects = [c for c in objects if c.dep_ != "punct" or c.text == ":"]
    if not objects or not any(c.dep_ != "prep" or c.lower_ in _CONTENT_PREPS for c in objects):
        return None
    start = objects[0].left_edge.idx if objects[0].text != ":" else objects[0].idx + 1
    end_token = verb.right_edge
    span = trimmed(doc, start, end_token.idx + len(end_token))
    return span if span[1] > span[0] else None


def remainder(unit: Span, source: Span, cue: Span) -> tuple[int, int] | None:
    """The longer side of ``unit`` around the claimant and cue: "Okay," *he said*, "we go." """
    first, last = min(source.start_char, cue.start_char), max(source.end_char, cue.end_char)
    left = trimmed(unit.doc, unit.start_char, first)
    right = trimmed(unit.doc, last, unit.end_char)
    best = max(left, right, key=lambda bounds: bounds[1] - bounds[0])
    return best if best[1] > best[0] else None


def _said_to_be(verb: Token) -> bool:
    """ "a strike said to be on ...": a bare participle before *to be*, whatever the parser made of it."""
    doc = verb.doc
    return (verb.tag_ == "VBN" or (verb.tag_ == "VBD" and not any(c.dep_ == "aux" for c in verb.children))) \
        and verb.lemma_.lower() in lex.IMPERSONAL_CUES and verb.i + 2 < len(doc) \
        and doc[verb.i + 1].lower_ == "to" and doc[verb.i + 2].lemma_ == "be"


def _quote_follows(cue: Span) -> bool:
    doc = cue.doc
    nxt = doc[cue.end: cue.end + 2]
    return any(t.text in (":", "\u201c", *lex.STRAIGHT_QUOTES) for t in nxt)


def verb_attribution(verb: Token, unit: Span) -> Attribution | None:
    """An attribution headed by a cue verb with a subject (or an agentless passive), if ``verb`` heads one."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in lex.SPEECH_VERBS | lex.IMPERSONAL_CUES:
        return None
    if is_passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN") or _said_to_be(verb):
        return impersonal_attribution(verb, unit)
    if lemma not in lex.SPEECH_VERBS:
        return None
    subject = subject_of(verb)
    if subject is None:
        return None
    source = clipped(subtree_span(subject), unit)
    cue = cue_span(verb)
    content = content_of(verb, source, cue, unit)
    content = clipped_chars(content, unit) if content is not None else None
    if content is None or source is None:
        return None
    hedges = [cue.text] if lemma in lex.HEDGING_CUES else []
    return Attribution(unit, cue, source, content, hedges=hedges)


def impersonal_attribution(verb: Token, unit: Span) -> Attribution | None:
    """ "it is claimed that ...", "X is said to be ...", "a strike said to be on ...": no claimant, hedged."""
    if verb.lemma_.lower() not in lex.IMPERSONAL_CUES or any(c.dep_ == "agent" for c in verb.children):
        return None
    doc = verb.doc
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    infinitive = [c for c in verb.children if c.dep_ == "xcomp" and any(t.lower_ == "to" for t in c.lefts)]
    cue = cue_span(verb)
    if _said_to_be(verb):
        cue = doc[cue.start: verb.i + 3]
        holder = verb.head if verb.dep_ in ("acl", "relcl") else verb
        content = trimmed(doc, holder.left_edge.idx, holder.right_edge.idx + len(holder.right_edge))
    elif clauses:
        last = clauses[-1].right_edge
        content = trimmed(doc, clauses[0].left_edge.idx, last.idx + len(last))
    elif infinitive:
        target = infinitive[0]
        to = next(t for t in doc[verb.i + 1: target.i + 1] if t.lower_ == "to")
        be = doc[to.i + 1] if to.i + 1 < len(doc) and doc[to.i + 1].lemma_ == "be" else to
        cue = doc[cue.start: be.i + 1]
        holder = verb.head if verb.dep_ == "acl" else verb
        content = trimmed(doc, holder.left_edge.idx, target.right_edge.idx + len(target.right_edge))
    else:
        return None
    inside = clipped_chars(content, unit)
    return Attribution(unit, cue, None, inside, hedges=[cue.text]) if inside is not None else None


def according_to(token: Token, unit: Span) -> Attribution | None:
    """ "according to X": the claimant is X; the content is the rest of the sentence."""
    doc = token.doc
    if token.lower_ not in lex.ACCORDING_HEADS or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = clipped(subtree_span(objects[0]), unit)
    sent = unit
    if source is None:
        return None
    if token.i - sent.start <= 1:
        content = trimmed(doc, source.end_char, sent.end_char)
    else:
        content = trimmed(doc, sent.start_char, token.idx)
    if content[1] <= content[0]:
        return None
    return Attribution(sent, doc[token.i: token.i + 2], source, content, kind="according_to")


def sentence_attributions(unit: Span, regions: list[tuple[int, int]]) -> list[Attribution]:
    """All attributions whose cue lies in ``unit`` (a sentence or a line of one), in text order, but those
    inside quotes: "I think ...", "people know ..." within a quote belong to the quoted statement."""
    found: list[Attribution] = []
    for token in unit:
        attribution = according_to(token, unit) or verb_attribution(token, unit)
        if attribution is None or _quoted(attribution.cue, regions):
            continue
        found.append(attribution)
    return found


def _quoted(span: Span, regions: list[tuple[int, int]]) -> bool:
    return any(a < span.start_char and span.end_char < b for a, b in regions)


# --- hedges -----------------------------------------------------------------------------------------------


def hedges_in(doc: Doc, start: int, end: int) -> list[str]:
    """Distancing expressions between character offsets ``start`` and ``end``, as written."""
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None:
        return []
    found: list[str] = []
    for token in span:
        lower = token.lower_
        if lower in lex.HEDGE_ADVERBS or lower == "so-called":
            found.append(token.text)
        elif token.lemma_.lower() in lex.HEDGE_VERBS and any(c.dep_ == "xcomp" for c in token.children):
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            to_follows = nxt is not None and nxt.lower_ == "to"
            found.append(doc[token.i: token.i + 2].text if to_follows else token.text)
        elif lower == "what" and token.head.lemma_ in lex.NAMING_VERBS and token.head.i > token.i:
            found.append(doc[token.i: token.head.i + 1].text)
        elif lower == "so" and token.i + 2 < len(doc) and doc[token.i + 2].lower_ == "called":
            found.append(doc[token.i: token.i + 3].text)
    return found


# --- from attributions to claims --------------------------------------------------------------------------


def claim_from(attribution: Attribution, regions: list[tuple[int, int]]) -> Claim:
    """The :class:`Claim` of one attribution: the sentence carrying it, widened over quotes it continues."""
    doc = attribution.sent.doc
    start, end = trimmed(doc, attribution.sent.start_char, attribution.sent.end_char)
    content = attribution.content or (start, end)
    c_start, c_end = content
    for q_start, q_end in regions:
        if q_start < start < q_end <= c_end + 2 and q_end > c_start:
            start = c_start = q_start  # a quote that opened sentences earlier ends in this content
        if c_start <= q_start < end < q_end:
            end = c_end = q_end  # a quote that opens in this content runs on past the sentence
    kind = attribution.kind if attribution.kind == "according_to" else quote_kind((c_start, c_end), regions)
    hedges = attribution.hedges + [h for h in hedges_in(doc, c_start, c_end) if h not in attribution.hedges]
    source, cue = attribution.source, attribution.cue
    return Claim(
        text=doc.text[start:end], start=start, end=end,
        claimant=source.text if source is not None else None,
        claimant_start=source.start_char if source is not None else None,
        claimant_end=source.end_char if source is not None else None,
        cue=cue.text, cue_start=cue.start_char, cue_end=cue.end_char,
        content_start=c_start, content_end=c_end,
        hedged=bool(hedges), hedges=hedges, kind=kind,
    )


def own_voice_claims(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """A claim with no claimant for every sentence that no attributed claim covers."""
    covered = [(c.start, c.end) for c in claims]
    found: list[Claim] = []
    for sent in sentence_units(doc):
        start, end = trimmed(doc, sent.start_char, sent.end_char)
        if end <= start or not any(t.is_alpha for t in sent):
            continue
        if any(a <= start < b or a < end <= b for a, b in covered):
            continue
        hedges = hedges_in(doc, start, end)
        found.append(Claim(text=doc.text[start:end], start=start, end=end, claimant=None, claimant_start=None,
                           claimant_end=None, cue=None, content_start=start, content_end=end,
                           hedged=bool(hedges), hedges=hedges, kind="own_voice"))
    return found


# --- actors and antecedents -------------------------------------------------------------------------------


def actor_within(actors: list[ActorMention], start: int, end: int) -> ActorMention | None:
    """The longest actor mention inside ``[start, end)``, preferring one mapped to an actor."""
    inside = [a for a in actors if start <= a.start and a.end <= end]
    if not inside:
        return None
    return max(inside, key=lambda a: (a.actor_id is not None, a.end - a.start, -a.start))


def _needs_antecedent(span: Span) -> bool:
    """A pronoun, or a bare definite description such as "the ministry" or "the source"."""
    words = [t for t in span if not t.is_punct]
    if len(words) == 1 and words[0].lower_ in lex.RESOLVABLE_PRONOUNS:
        return True
    return (1 < len(words) <= 3 and words[0].lower_ == "the" and not any(t.pos_ == "PROPN" for t in words)
            and all(t.pos_ in ("NOUN", "ADJ") for t in words[1:]))


def _head(span: Span) -> Token:
    return span.root


def _compatible(pronoun: Span, candidate: Span) -> bool:
    word = pronoun.text.lower()
    head = _head(candidate)
    if word not in lex.RESOLVABLE_PRONOUNS:
        return head.lemma_.lower() == _head(pronoun).lemma_.lower() and len(candidate) > len(pronoun)
    if head.lower_ in lex.RESOLVABLE_PRONOUNS or head.tag_ in ("WP", "WDT", "PRP"):
        return False
    personal = head.ent_type_ == "PERSON" or head.lemma_.lower() in lex.PERSON_TITLES or (
        head.pos_ == "PROPN" and not head.ent_type_ and sum(t.pos_ == "PROPN" for t in candidate) >= 2)
    plural = head.tag_ in ("NNS", "NNPS")
    if word in lex.PERSON_PRONOUNS:
        return personal and not plural
    if word in lex.THING_PRONOUNS:
        return not personal and not plural
    return plural or not personal


def _subjects(doc: Doc, start: int, end: int) -> list[Span]:
    """Noun-phrase subjects (not pronouns) between character offsets ``start`` and ``end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [subtree_span(t) for t in span if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"]


def antecedent_tiers(doc: Doc, claim: Claim, span: Span, claimants: list[Span],
                     window: int) -> list[list[Span]]:
    """Antecedent candidates by preference, latest first in each tier: subjects and claimants earlier in the
    same sentence (outside what the claim says), earlier claimants, earlier subjects, named entities."""
    unit = next(u for u in sentence_units(doc) if u.start <= span.start < u.end)
    content = (claim.content_start or 0, claim.content_end or 0)

    def before(spans: list[Span], lo: int) -> list[Span]:
        kept = [s for s in spans if lo <= s.start_char and s.end_char <= span.start_char
                and not (content[0] <= s.start_char < content[1])]
        return sorted(kept, key=lambda s: s.start_char, reverse=True)

    ents = [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]
    return [before(_subjects(doc, unit.start_char, span.start_char) + claimants, unit.start_char),
            before(claimants, window), before(_subjects(doc, window, span.start_char), window),
            before(ents, window)]


def resolve_claimants(doc: Doc, claims: list[Claim], actors: list[ActorMention] | None) -> None:
    """Fill ``resolved_from`` (and the actor) of pronoun and bare definite claimants from antecedents."""
    sents = list(doc.sents)
    claimants: list[Span] = []
    previous: Claim | None = None
    for claim in claims:
        if claim.claimant_start is None or claim.claimant_end is None:
            _resolve_impersonal(doc, claim, previous)
            continue
        previous = claim
        span = doc.char_span(claim.claimant_start, claim.claimant_end)
        if span is None:
            continue
        if _needs_antecedent(span):
            index = next(i for i, s in enumerate(sents) if s.start_char <= span.start_char < s.end_char)
            window = sents[max(0, index - lex.RESOLVE_WINDOW_SENTENCES)].start_char
            tiers = antecedent_tiers(doc, claim, span, claimants, window)
            found = next((c for tier in tiers for c in tier if _compatible(span, c)), None)
            if found is not None:
                claim.resolved_from = found.text
                _link_actor(claim, actors, found.start_char, found.end_char)
                continue
        claimants.append(span)
        _link_actor(claim, actors, span.start_char, span.end_char)


def _resolve_impersonal(doc: Doc, claim: Claim, previous: Claim | None) -> None:
    """ "Baku claims to have ... . It is claimed that ...": an agentless claim right after an attributed one
    in the same paragraph continues it; the claimant stays ``None``, ``resolved_from`` names the speaker."""
    if previous is None or previous.claimant_start is None or "\n\n" in doc.text[previous.end: claim.start]:
        return
    if claim.start - previous.end > 400:
        return
    claim.resolved_from = previous.resolved_from or previous.claimant
    claim.claimant_actor, claim.claimant_actor_id = previous.claimant_actor, previous.claimant_actor_id


def _link_actor(claim: Claim, actors: list[ActorMention] | None, start: int, end: int) -> None:
    mention = actor_within(actors, start, end) if actors is not None else None
    if mention is not None:
        claim.claimant_actor = mention.actor_name
        claim.claimant_actor_id = mention.actor_id


# --- the component ----------------------------------------------------------------------------------------


class ClaimExtractor:
    """Sets ``doc._.claims``: attributed claims (claimant, cue, content, hedges) and own-voice claims."""

    def __init__(self, nlp: Language, name: str = FACTORY, *, own_voice: bool = True,
                 resolve: bool = True) -> None:
        register()
        self.name = name
        self.own_voice = own_voice
        self.resolve = resolve

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Claim]:
        """Every claim in ``doc`` in text order; reads the parse and ``doc._.actors``, writes nothing."""
        regions = quote_regions(doc.text)
        claims = [claim_from(a, regions) for unit in sentence_units(doc)
                  for a in sentence_attributions(unit, regions)]
        if self.resolve:
            resolve_claimants(doc, claims, doc._.actors)
        if self.own_voice:
            claims += own_voice_claims(doc, claims)
        return sorted(claims, key=lambda c: (c.start, c.cue_start if c.cue_start is not None else -1))

    def set_annotations(self, doc: Doc, claims: list[Claim]) -> None:
        doc._.claims = claims


@Language.component(LINE_BREAKS, assigns=["token.is_sent_start"])
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs (it keeps preset boundaries), so that a
    headline or a "Read more" line without final punctuation is not parsed into the next sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


@Language.factory(
    FACTORY,
    default_config={"own_voice": True, "resolve": True},
    requires=["token.dep", "token.lemma", "doc.sents"],
    assigns=["doc._.claims"],
)
def make_claims(nlp: Language, name: str, *, own_voice: bool, resolve: bool) -> ClaimExtractor:
    return ClaimExtractor(nlp, name, own_voice=own_voice, resolve=resolve)
