"""Attributions that no one speaks: what a record shows, and how things appear to the report.

Two constructions the speech-verb rules of :mod:`rashomon.extract.attributions` leave out, each measured on the
756 PolNeAR *train* articles the rules learn from (docs/benchmarks.md, eleventh session):

- a record tells a finding with a plain object ("The latest poll showed Trump leading the field", "Initial
  estimates put the total at about 55,000 pages", "The current count gives her 1,280 delegates"): the record is
  the claimant, the verb the cue, the object what is attributed. Only the heads of
  :data:`~rashomon.extract.attribution_lexicon.RECORD_NOUNS` count: "The army gave the order" or "the suspect
  showed a gun" are acts, no findings. Nor is what a record comes upon or moves: *show* / *find* tell a finding
  only with a clause or an object that is a figure or a proposition ("support", "a lead", "a majority";
  :data:`~rashomon.extract.attribution_lexicon.FINDING_NOUNS`), *put* only at a figure, *give* only a figure
  ("The report found the body of a second soldier", "The count put the soldiers back on the front line", "The
  investigation gave police a lead" are no findings).
- *seem* / *appear* with a complement ("Trump's supporters seemed equally unperturbed", "They appear to be
  unanimous in their belief", "It seems that ..."): the report's impression, a cue without a claimant (its
  subject is what the impression is about; PolNeAR marks the verb alone as the cue and no source 109 times in
  156 such gold cues), unless the complement is a body's state or a physical event ("The wounded soldier seemed
  fine", "Smoke appeared to rise"; :data:`~rashomon.extract.attribution_lexicon.PHYSICAL_STATES`) or *appear*
  is a presence at a place ("The suspect appeared nervous in court"). Such a cue is *tentative*
  (:func:`rashomon.extract.claims.tentative`): it yields to a tagger cue it overlaps and leaves its unit to the
  tagger.
- "In a poll / survey ..., " fronting a sentence: the poll speaks, unless it asks no people ("In a survey of the
  damaged villages, ...") or the rest names a claimant of its own who is not its respondents ("..., the
  ministry said ...": :func:`answered_elsewhere`).
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
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "oprd"})
_FIGURE_ENTS = frozenset({"PERCENT", "CARDINAL", "QUANTITY", "MONEY"})
_STANDINGS = frozenset({"ahead", "behind"})
_AMOUNT_ENTS = frozenset({"PERCENT", "MONEY"})
_NUMBER = get_string_id("number")
_PUT = get_string_id("put")
_GIVE = get_string_id("give")


def reading_attribution(verb: Token, unit: Span) -> Attribution | None:
    """A record's finding or the report's impression headed by ``verb`` (a verb the speech rules left)."""
    if verb.lemma in _FINDING:
        return finding_attribution(verb, unit)
    if verb.lemma in _IMPRESSION:
        return impression_attribution(verb, unit)
    return None


def no_reading(verb: Token) -> bool:
    """Whether the rules tell that ``verb`` (a tagger cue's head) heads no reading: a record that comes upon or
    moves things ("The report put the soldiers at the border", "The investigation found 14 soldiers"), a
    presence at a place ("The suspect appeared in court") or a body's state ("seemed fine")."""
    if verb.lemma in _IMPRESSION:
        return _appearance(verb) or any(_physical(c) for c in verb.rights if c.dep_ in lex.IMPRESSION_DEPS)
    if verb.lemma not in _FINDING:
        return False
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    objects = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS]
    return (subject is not None and subject.lemma_.lower() in lex.RECORD_NOUNS and bool(objects)
            and not tells_finding(verb, objects))


def finding_attribution(verb: Token, unit: Span) -> Attribution | None:
    """ "A CNN/ORC poll showed a mere one-point difference", "Subsequent estimates put the figure closer to
    54,000 pages": a finding verb whose active subject is a record; the content runs from its first object to
    the end of the verb's phrase."""
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in lex.RECORD_NOUNS or subject.pos_ != "NOUN":
        return None
    objects = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS]
    if not objects or not tells_finding(verb, objects):
        return None
    doc = verb.doc
    source = clipped(source_span(subject), unit)
    last = verb.right_edge
    content = clipped_chars(trimmed(doc, objects[0].left_edge.idx, last.idx + len(last)), unit)
    if source is None or content is None:
        return None
    cue = widened_cue(verb, cue_span(verb), (source.start_char, source.end_char), content)
    return Attribution(unit, cue, source, content)


def tells_finding(verb: Token, objects: list[Token]) -> bool:
    """Whether ``verb``'s ``objects`` make it tell a finding: "put the total at about 55,000" (*put* at a
    figure), "gives her 1,280 delegates" (*give* a figure), "showed Trump leading", "found that ...", "showed a
    one-point difference" (a clause, a figure or a proposition), not "found the body", "put the soldiers back"."""
    if verb.lemma == _PUT:
        return any(figure(pobj) for prep in (*verb.rights, *(c for o in objects for c in o.rights))
                   if prep.dep_ == "prep" and prep.lower_ == "at"
                   for pobj in prep.children if pobj.dep_ == "pobj")
    if verb.lemma == _GIVE:
        return any(amount(o) for o in objects)
    return any((o.dep_ in _CLAUSE_DEPS and not _posture(o)) or measure(o) or small_clause(o, verb) or _none(o)
               for o in objects)


def _none(token: Token) -> bool:
    """Whether the object ``token`` is an absence found: "Public records show no bankruptcies", "found no
    evidence" (a finding whatever the noun)."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def measure(token: Token) -> bool:
    """Whether ``token`` is an amount or a proposition ("50 percent", "majority support", "a lead"); "a number
    of unexploded shells" is some things, no measure."""
    if token.lemma == _NUMBER and any(c.lower_ == "a" for c in token.lefts):
        return False
    return amount(token) or token.lemma_.lower() in lex.FINDING_NOUNS


def amount(token: Token) -> bool:
    """Whether ``token`` is a measure a record tells: a bare number ("put it at 4,000"), a percentage or sum, or a
    number of :data:`~rashomon.extract.attribution_lexicon.MEASURE_NOUNS` ("1,280 delegates", "16 points");
    not a number of persons or things ("found 14 soldiers in the basement", "gave the wounded 14 days")."""
    if token.tag_ == "CD" or token.ent_type_ in _AMOUNT_ENTS or token.lower_ == "%":
        return True
    return token.lemma_.lower() in lex.MEASURE_NOUNS and figure(token)


def small_clause(token: Token, verb: Token) -> bool:
    """Whether the object ``token`` of ``verb`` heads a small clause: "Clinton leading the field", "Cruz 16
    points ahead", "Clinton with a lead of 48 percent" (a participle, *ahead* / *behind*, *with* a figure or a
    proposition, after the object: the parser hangs them on the object or on the verb); not a body's state
    ("found the victim lying in the street")."""
    for child in (*token.rights, *(c for c in verb.rights if c.i > token.i)):
        if (child.tag_ == "VBG" and not _posture(child)) or child.lower_ in _STANDINGS:
            return True
        if child.dep_ == "prep" and child.lower_ == "with" and any(
                c.dep_ == "pobj" and measure(c) for c in child.children):
            return True
    return False


def figure(token: Token) -> bool:
    """Whether ``token`` is, or heads, a number: "4,000", "50 percent", "1,280 delegates", "two soldiers"."""
    return (token.tag_ == "CD" or token.ent_type_ in _FIGURE_ENTS
            or any(c.dep_ in ("nummod", "quantmod") and c.tag_ == "CD" for c in token.children))


def _posture(token: Token) -> bool:
    """Whether ``token`` is a participle of a body's state: "found the soldier lying in the road"."""
    return token.tag_ == "VBG" and token.lemma_.lower() in lex.PHYSICAL_STATES


def survey_attribution(prep: Token, unit: Span) -> Attribution | None:
    """ "In an NBC News/Wall Street Journal poll released Monday, 50 percent of respondents chose ...": an *in*
    phrase opening the sentence around a poll or survey, then a comma; the record is the claimant, *In* the cue
    (as PolNeAR marks it), the rest of the sentence the content."""
    if prep.i != unit.start or prep.dep_ != "prep":
        return None
    record = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if record is None or record.lemma_.lower() not in lex.SURVEY_NOUNS or not _asks_people(record):
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


def _asks_people(record: Token) -> bool:
    """Whether the poll or survey ``record`` asks people: no *of* object, or people as it ("a poll of 1,000
    likely voters", "a survey of Iowa Republicans"); "a survey of the damaged villages" asks no one."""
    for prep in record.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            asked = [c for c in prep.children if c.dep_ == "pobj"]
            return any(a.lemma_.lower() in lex.RESPONDENT_NOUNS or a.ent_type_ in ("NORP", "PERSON")
                       for a in asked)
    return True


def answered_elsewhere(attribution: Attribution, found: list[Attribution]) -> bool:
    """Whether ``attribution`` is a fronted poll or survey ("In a survey ..., ") whose content has a claimant of
    its own that is not the poll's respondents: "In a survey of ..., the Armenian Ministry of Defense said ..."
    is the ministry's claim alone (while in "In a poll ..., 50 percent of respondents said ..." the poll
    speaks)."""
    if attribution.source is None or attribution.content is None or attribution.cue.root.lower != _IN:
        return False
    start, end = attribution.content
    return any(other.source is not None and start <= other.source.start_char and other.source.end_char <= end
               and not _respondents(other.source) for other in found if other is not attribution)


def _respondents(source: Span) -> bool:
    """Whether ``source`` is a poll's respondents: "50 percent of respondents", "most voters", "Americans"."""
    return any(figure(t) or t.lemma_.lower() in lex.RESPONDENT_NOUNS or t.ent_type_ == "NORP" for t in source)


_IN = get_string_id("in")


def impression_attribution(verb: Token, unit: Span) -> Attribution | None:
    """ "Trump's supporters seemed equally unperturbed", "It appears, though, that the game wasn't boring":
    *seem* / *appear* as a main or coordinated verb with a subject and a complement; no claimant, hedged."""
    if verb.dep_ not in _MAIN_DEPS or not any(c.dep_ in ("nsubj", "expl") for c in verb.lefts):
        return None
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.lefts):
        return None  # "if it appears to be damaging the economy": a condition, no one's impression
    complements = [c for c in verb.rights if c.dep_ in lex.IMPRESSION_DEPS]
    if not complements or any(_physical(c) for c in complements) or _appearance(verb):
        return None
    doc = verb.doc
    last = complements[-1].right_edge
    content = clipped_chars(trimmed(doc, complements[0].left_edge.idx, last.idx + len(last)), unit)
    if content is None:
        return None
    empty = (verb.idx, verb.idx)
    cue = widened_cue(verb, doc[verb.i: verb.i + 1], empty, empty)
    return Attribution(unit, cue, None, content, hedges=[cue.text])


def _appearance(verb: Token) -> bool:
    """Whether *appear* is a presence at a place ("The suspect appeared nervous in court", "appeared calm at
    the funeral"): a description of how one looked there, no impression of a view. Not with a clause or an
    expletive *it* ("It appears at first glance that the strike hit a school": the phrase is the view's), nor
    a state phrase ("The ministry's figures appear at odds with ...";
    :data:`~rashomon.extract.attribution_lexicon.STATE_PHRASES`)."""
    if verb.lemma != _APPEAR or any(c.dep_ in _CLAUSE_OF_VIEW or c.lower_ == "it" for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in _PLACES
               and not any(o.lower_ in lex.STATE_PHRASES or o.lemma_.lower() in lex.STATE_PHRASES
                       for o in c.children if o.dep_ == "pobj")
               for c in verb.rights)


_APPEAR = get_string_id("appear")
_PLACES = frozenset({"in", "at", "before", "on"})
_CLAUSE_OF_VIEW = frozenset({"ccomp", "expl"})


def _physical(complement: Token) -> bool:
    """Whether an impression's ``complement`` is a body's state or a physical event: "fine", "to be dead",
    "to rise from the village", "(life) threatening" (through *be*: "to be unharmed")."""
    if complement.lemma_ == "be":
        return any(_physical(c) for c in complement.rights if c.dep_ in ("acomp", "attr"))
    return complement.lemma_.lower() in lex.PHYSICAL_STATES or complement.lower_ in lex.PHYSICAL_STATES
