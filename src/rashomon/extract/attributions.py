"""Attributions read off spaCy's dependency parse: cue, claimant (source) and content of each construction.

The words come from :mod:`rashomon.extract.attribution_lexicon`; :mod:`rashomon.extract.claims` turns every
:class:`Attribution` into a :class:`~rashomon.records.Claim`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from rashomon.extract import attribution_lexicon as lex
from rashomon.extract.claim_spans import clipped, clipped_chars, source_span, trimmed
from rashomon.extract.colon_lines import after_colon, colon_content, ends_unit, labelled, names_speaker, worded_chars
from rashomon.records import ClaimKind

_AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
_CONTENT_PREPS = frozenset({"of", "about", "on", "for", "as"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp"})
_NOT_NAMES = frozenset({"VERB", "AUX", "PRON", "NUM"})


@dataclass
class Attribution:
    """One attribution found in a sentence, before it becomes a :class:`Claim` (token-level view)."""

    sent: Span
    cue: Span
    source: Span | None
    content: tuple[int, int] | None  # character offsets
    kind: ClaimKind = "indirect"
    hedges: list[str] = field(default_factory=list)
    learned: bool = False  # a cue verb outside the lexicon, taken by the learned model (tentative)


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of ``verb``, or of the verb it is coordinated with or hangs from: as a participle
    ("..., adding that"), through a preposition ("began by saying"), as an infinitive of purpose ("took to
    Twitter to say") or after an adjective ("are more likely to say")."""
    nearest = None  # of two, the nearer: a dateline the parser took for one ("WASHINGTON (AP) — Trump pledged")
    for child in verb.lefts:
        if child.dep_ in _SUBJECT_DEPS:
            nearest = child
    if nearest is not None:
        return nearest
    for child in verb.rights:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    head = verb.head
    if depth >= 3 or head.i == verb.i:
        return None
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head, depth + 1)
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        return subject_of(head.head, depth + 1)
    if verb.dep_ in _INHERIT_DEPS and head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "advcl" and verb.tag_ != "VBG" and not _infinitive(verb):
            return None
        if verb.dep_ in ("conj", "advcl") and verb.lemma_.lower() in lex.SPEECH_VERBS and head.dep_ == "ccomp" \
                and head.head.lemma_.lower() in lex.SPEECH_VERBS and head.head.i < head.i:
            head = head.head  # "He says he respects her and calls her ...": the speaker calls, not the one said
        return subject_of(head, depth + 1)
    return None


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)


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


def widened_cue(verb: Token, cue: Span, source: tuple[int, int], content: tuple[int, int]) -> Span:
    """``cue`` widened, as PolNeAR marks cues, over the adverbs, auxiliaries and negation right before the
    verb ("also said", "has repeatedly called", "did not immediately say"), when they are neither claimant
    nor content. Phrases of occasion after the verb ("said on Monday", "said at a rally") stay out: PolNeAR
    *train* leaves them out of the cue about three times in four."""
    doc = verb.doc

    def free(token: Token) -> bool:
        start, end = token.idx, token.idx + len(token)
        return all(end <= a or start >= b for a, b in (source, content))

    left = cue.start
    while left > verb.sent.start and doc[left - 1].head.i == verb.i and free(doc[left - 1]) and (
            doc[left - 1].dep_ in _AUX_DEPS or (doc[left - 1].dep_ == "advmod" and doc[left - 1].tag_ == "RB")):
        left -= 1
    return doc[left: cue.end]


def _posture_clause(clause: Token) -> bool:
    """Whether ``clause`` is a body's posture shown, no proposition: "The video showed two soldiers lying in a
    trench" (a bare participle of :data:`~rashomon.extract.attribution_lexicon.PHYSICAL_STATES`; not "saw that
    the boy was bleeding")."""
    return (clause.tag_ == "VBG" and clause.lemma_.lower() in lex.PHYSICAL_STATES
            and not any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children))


def _nominal_cue(prep: Token) -> bool:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and objects[0].lemma_.lower() in lex.NOMINAL_CUES and prep.right_edge.i - prep.i <= 4


def content_of(verb: Token, source: Span | None, cue: Span, unit: Span) -> tuple[int, int] | None:
    """Character offsets of what ``verb`` attributes, or ``None`` when it has no complement that could be."""
    doc = verb.doc
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and not _posture_clause(c)]
    if clauses:
        first, last = clauses[0].left_edge, clauses[-1].right_edge
        return trimmed(doc, first.idx, last.idx + len(last))
    infinitives = [c for c in verb.children if c.dep_ == "xcomp"]
    if infinitives:
        return trimmed(doc, infinitives[0].left_edge.idx, verb.right_edge.idx + len(verb.right_edge))
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        head = verb.head
        return trimmed(doc, head.left_edge.idx, verb.left_edge.idx)
    if adds_to(verb, unit):
        return None
    if verb.lemma_.lower() in lex.BARE_SPEECH_VERBS and source is not None:
        return remainder(unit, source, cue) or trimmed(doc, unit.start_char, unit.end_char)
    if cue[-1].lower_ in lex.PHRASAL_CUES.get(verb.lemma_, ()):
        last = cue[-1].right_edge
        return trimmed(doc, cue.end_char, last.idx + len(last))
    predicates = [c for c in verb.rights if c.dep_ == "oprd"]
    naming = any(c.tag_ in ("WP", "WDT") for c in verb.lefts)  # "what it called X": the report's hedge
    if predicates and not naming:  # "called the system 'rotten'", "deemed it a failure"
        first = min((c for c in verb.rights if c.dep_ in ("dobj", "oprd")), key=lambda c: c.i)
        last = predicates[-1].right_edge
        return trimmed(doc, first.left_edge.idx, last.idx + len(last))
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


def adds_to(verb: Token, unit: Span) -> bool:
    """ "adding to her run of victories", "is adding to his wins": *add to* a thing, no quote in the unit, is
    a sum, not speech ("he added to reporters" keeps its quote or clause)."""
    if verb.lemma_.lower() != "add" or any(t.is_quote for t in unit):
        return False
    to = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "to"), None)
    things = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
    return bool(things) and things[0].pos_ == "NOUN" and not things[0].ent_type_


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


_CUE_VERBS = lex.SPEECH_VERBS | lex.IMPERSONAL_CUES | frozenset(lex.COMPLEMENT_CUES) | lex.REGARD_VERBS


def _takes(verb: Token, needs: frozenset[str] | None) -> bool:
    """Whether ``verb`` has the complement that makes it a cue (:data:`lex.COMPLEMENT_CUES`): a preposition
    or particle named in ``needs``, a to-infinitive for ``"xcomp"``, a clause for ``"ccomp"`` when it is said
    (a quote in the sentence, or *:* / *that* right after the verb: "“...,” he continued", not a headline's
    "Police continue investigation into ..."), anything :func:`content_of` accepts for an empty set."""
    if needs is None:
        return False
    return not needs or any((c.dep_ == "xcomp" and "xcomp" in needs and _infinitive(c))
                            or (c.dep_ == "ccomp" and "ccomp" in needs and _said(verb))
                            or (c.dep_ in ("prep", "prt") and c.lower_ in needs) for c in verb.children)


def _said(verb: Token) -> bool:
    doc = verb.doc
    return any(t.is_quote for t in verb.sent) or (verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ in (":", "that"))


def _as_clause(verb: Token) -> bool:
    """ "As The Hill reported, ...", "as Clinton supporters point out": a verb of saying in an *as* clause without
    an object attributes the clause it hangs from; not a verb of thinking or speaking that needs a clause of its
    own ("as you can imagine", "as everyone hopes", "as he spoke": the writer's voice, a time) unless a particle
    makes it a cue ("point out"), nor a bare participle ("as Riverside man charged with killing ...")."""
    if verb.dep_ != "advcl" or verb.tag_ == "VBN" or any(c.dep_ == "dobj" for c in verb.children):
        return False
    if verb.lemma_.lower() in lex.NEEDS_CLAUSE and not any(c.dep_ == "prt" for c in verb.children):
        return False
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _asked(verb: Token) -> bool:
    """ "Asked about the vagueness, McCain said", "when asked whether ...": *ask* as a bare participle."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.lemma_.lower() in lex.QUESTION_VERBS


def verb_attribution(verb: Token, unit: Span) -> Attribution | None:
    """An attribution headed by a cue verb with a subject (or an agentless passive), if ``verb`` heads one."""
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma in lex.LIGHT_VERBS or lemma in lex.TAKING_VERBS:
        return light_attribution(verb, unit)
    if lemma not in _CUE_VERBS:
        return None
    if is_passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN") or _said_to_be(verb) or _asked(verb):
        return (agent_attribution(verb, unit) or impersonal_attribution(verb, unit)
                or question_attribution(verb, unit) or regarded_attribution(verb, unit))
    if lemma not in lex.SPEECH_VERBS and not _takes(verb, lex.COMPLEMENT_CUES.get(lemma)):
        return None
    subject = subject_of(verb)
    cue = cue_span(verb)
    issuer = _issuer(verb)
    if subject is not None:
        source = clipped(source_span(subject), unit)
    elif issuer is not None:  # "X issued a statement saying that": X, "issued a statement saying"
        source = clipped(source_span(issuer), unit)
        cue = verb.doc[verb.head.head.i: cue.end] if verb.head.head.i < cue.start else cue
    elif verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        source = clipped(verb.doc[verb.head.left_edge.i: verb.left_edge.i], unit)  # "emails showing that"
    else:
        return None
    content = content_of(verb, source, cue, unit)
    content = clipped_chars(content, unit) if content is not None else colon_content(verb, cue, unit)
    if content is None and source is not None and _as_clause(verb):
        content = remainder(unit, source, cue)
    if content is None or source is None:
        return None
    cue = widened_cue(verb, cue, (source.start_char, source.end_char), content)
    hedges = [cue.text] if lemma in lex.HEDGING_CUES else []
    return Attribution(unit, cue, source, content, hedges=hedges)


def question_attribution(verb: Token, unit: Span) -> Attribution | None:
    """ "Clinton was asked about securing the border", "Asked whether he ..., Carson said": a question put by
    someone the report does not name; the cue has no claimant (PolNeAR marks none), the content is what was
    asked (a clause, an object, or *about*/*on* its topic)."""
    if verb.lemma_.lower() not in lex.QUESTION_VERBS or any(c.dep_ == "agent" for c in verb.children):
        return None
    asked = [c for c in verb.children if c.dep_ in ("ccomp", "dobj")
             or (c.dep_ == "prep" and c.lower_ in ("about", "on", "whether", "if"))]
    if not asked:
        return None
    doc = verb.doc
    last = asked[-1].right_edge
    content = clipped_chars(trimmed(doc, asked[0].left_edge.idx, last.idx + len(last)), unit)
    return Attribution(unit, _widened(verb, cue_span(verb)), None, content) if content is not None else None


def regarded_attribution(verb: Token, unit: Span) -> Attribution | None:
    """ "she's seen as part of the people in power", "Rubio could be seen as the more electable choice": how
    others the report does not name regard the passive subject; the cue runs to *as*, no claimant."""
    if verb.lemma_.lower() not in lex.REGARD_VERBS or any(c.dep_ == "agent" for c in verb.children):
        return None
    as_ = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_ is None or not any(c.dep_ == "pobj" for c in as_.children):
        return None
    doc = verb.doc
    cue = cue_span(verb)
    if as_.i == cue.end:
        cue = doc[cue.start: as_.i + 1]
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    first = subject.left_edge if subject is not None else doc[as_.i + 1]
    content = clipped_chars(trimmed(doc, first.idx, as_.right_edge.idx + len(as_.right_edge)), unit)
    if content is None:
        return None
    cue = _widened(verb, cue)
    return Attribution(unit, cue, None, content, hedges=[cue.text])  # others' view, kept at a distance


def _widened(verb: Token, cue: Span) -> Span:
    """``cue`` of a claimant-less attribution widened over the auxiliaries and adverbs before its verb ("is
    widely seen as", "was repeatedly asked"), as :func:`widened_cue` does for claimed ones."""
    empty = (cue.start_char, cue.start_char)
    return widened_cue(verb, cue, empty, empty)


def light_attribution(verb: Token, unit: Span) -> Attribution | None:
    """ "Clinton made it clear that ...", "Rubio made the case for ...", "Trump has made statements on ...",
    "Sanders took issue with ...": a light verb whose object is a speech noun (or *clear*; for *take*, a noun of
    stance) is a cue from the verb to that word."""
    subject = subject_of(verb)
    making = verb.lemma_.lower() in lex.LIGHT_VERBS
    nouns = lex.SPEECH_NOUNS if making else lex.TAKEN_STANCES
    word = next((c for c in verb.rights if (making and c.lemma_.lower() == "clear")
                 or (c.dep_ == "dobj" and c.lemma_.lower() in nouns)), None)
    if subject is None or word is None:
        return None
    clauses = [c for c in (*verb.rights, *word.rights) if c.dep_ in ("ccomp", "advcl") and c.i > word.i]
    said = [c for c in word.rights if c.dep_ in ("prep", "acl", "relcl")] or [
        c for c in verb.rights if c.dep_ == "prep" and c.i > word.i and not making]  # "took issue with"
    doc = verb.doc
    if clauses:
        first, last = clauses[0], clauses[-1].right_edge
    elif said and word.lemma_.lower() != "clear":
        first, last = said[0], said[-1].right_edge
    else:
        return None
    source = clipped(source_span(subject), unit)
    content = clipped_chars(trimmed(doc, first.left_edge.idx, last.idx + len(last)), unit)
    if source is None or content is None:
        return None
    cue = widened_cue(verb, doc[cue_span(verb).start: word.i + 1], (source.start_char, source.end_char),
                      content)
    return Attribution(unit, cue, source, content)


def _issuer(verb: Token) -> Token | None:
    """The subject of "X released a statement saying ...": who issued the statement that ``verb`` (a
    participle hanging from a statement-like noun, the object of a verb) reports."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.lemma_.lower() not in lex.NOMINAL_CUES:
        return None
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return None
    return subject_of(noun.head)


def agent_attribution(verb: Token, unit: Span) -> Attribution | None:
    """ "The meeting was first reported by Politico", "Trump has been criticized by his rivals for ...": a
    passive cue verb whose agent is the claimant; the content is the passive subject."""
    if verb.lemma_.lower() not in lex.SPEECH_VERBS:
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    objects = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
    if agent is None or subject is None or not objects:
        return None
    source = clipped(source_span(objects[0]), unit)
    if source is None:
        return None
    cue = cue_span(verb)
    if agent.i == cue.end:
        cue = verb.doc[cue.start: agent.i + 1]
    content = clipped_chars(trimmed(verb.doc, subject.left_edge.idx, subject.right_edge.idx
                                    + len(subject.right_edge)), unit)
    if content is None:
        return None
    cue = widened_cue(verb, cue, (source.start_char, source.end_char), content)
    return Attribution(unit, cue, source, content)


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
    source = clipped(source_span(objects[0]), unit)
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


def stance_attribution(adjective: Token, unit: Span) -> Attribution | None:
    """ "Clinton was confident that ...", "Republicans have been critical of Clinton's ...", "he was especially
    proud of ...": an adjective of attitude after *be* with a clause or a preposition is a cue from *be* to
    that preposition; the claimant is the subject of *be*."""
    if adjective.dep_ != "acomp" or adjective.lemma_.lower() not in lex.STANCE_ADJECTIVES:
        return None
    verb = adjective.head
    if verb.lemma_ != "be" or adjective.i < verb.i:
        return None
    subject = subject_of(verb)
    clauses = [c for c in adjective.rights if c.dep_ in ("ccomp", "xcomp")]
    preps = [c for c in adjective.rights if c.dep_ == "prep" and c.lower_ in lex.STANCE_PREPS
             and any(o.dep_ in ("pobj", "pcomp") for o in c.children)]
    complement = clauses[0] if clauses else (preps[0] if preps else None)
    if subject is None or complement is None:
        return None
    source = clipped(source_span(subject), unit)
    doc = verb.doc
    last = complement.right_edge
    start = complement.left_edge.idx if complement.dep_ != "prep" else complement.idx + len(complement)
    content = clipped_chars(trimmed(doc, start, last.idx + len(last)), unit)
    if source is None or content is None or source.end > verb.i:
        return None
    end = complement.i if complement.dep_ == "prep" and complement.i == adjective.i + 1 else adjective.i
    cue = widened_cue(verb, doc[cue_span(verb).start: end + 1], (source.start_char, source.end_char), content)
    return Attribution(unit, cue, source, content)


def colon_attribution(token: Token, unit: Span) -> Attribution | None:
    """ "Graham: Trump's Rhetoric Destroying GOP", "EXCLUSIVE - Roger Stone: Don't Trust ...": a short name
    (no verb) opening a headline or line, then a colon and what the named one says."""
    if token.text != ":":
        return None
    ending = ends_unit(token, unit)
    if token.i + lex.COLON_MIN_CONTENT > unit.end and not ending:
        return None
    doc = token.doc
    start = unit.start
    for dash in range(token.i - 1, unit.start, -1):
        if doc[dash].text in lex.LINE_DASHES:
            start = dash + 1
            break
    words = [t for t in doc[start: token.i] if not t.is_punct]
    lead = next((k + 1 for k, t in enumerate(words[:2]) if t.lower_ == "from"), 0)
    quoted = ending or (token.i + 1 < unit.end and doc[token.i + 1].is_quote)
    if lead and [t.lower_ for t in words[: lead - 1]] in ([], ["more"]) and quoted:
        words = words[lead:]  # "More from the report: “...”", "From Blumenthal and Cohen: “...”"
    elif not names_speaker(words) or labelled(words):
        return None
    if not 0 < len(words) <= lex.COLON_MAX_SOURCE or any(t.pos_ in _NOT_NAMES for t in words):
        return None
    source = doc[words[0].i: words[-1].i + 1]
    content = after_colon(doc, token.idx + 1) if ending else trimmed(doc, token.idx + 1, unit.end_char)
    if content is None or not worded_chars(doc, content):
        return None
    return Attribution(unit, doc[token.i: token.i + 1], source, content)
