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

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import ADJ, VERB
from spacy.tokens import Doc, Span

from rashomon.extract import attribution_lexicon as lex
from rashomon.extract import attribution_model
from rashomon.extract.attributions import (
    Attribution,
    according_to,
    colon_attribution,
    stance_attribution,
    verb_attribution,
)
from rashomon.extract.claim_cues import governed, tagger_cue
from rashomon.extract.claim_findings import answered_elsewhere, no_reading, reading_attribution, survey_attribution
from rashomon.extract.claim_headlines import (
    body_forms,
    headline_attributions,
    is_title_case,
    reparsed,
    sentence_cased,
    worth_reparsing,
)
from rashomon.extract.claim_scope import (
    generic_stance,
    impression,
    in_claimant,
    no_one_named,
    no_statement,
    reported_by,
    separate,
)
from rashomon.extract.claim_spans import (
    clipped_chars,
    holding_text,
    overlaps,
    quote_kind,
    quote_regions,
    sentence_units,
    text_of,
    trimmed,
)
from rashomon.extract.claimants import resolve_claimants
from rashomon.extract.cue_verbs import learned_attribution, willed_cue
from rashomon.extract.extensions import register
from rashomon.extract.tagger_claimants import named_after, parsed_claimant
from rashomon.records import Claim

FACTORY = "rashomon_claims_v1"
"""The registered factory name: ``rashomon.claims.v1`` spelt as spaCy allows (no dots in factory names)."""

"""A helper component to add *before* the parser: a line break always ends a sentence."""


# --- from sentences to claims -----------------------------------------------------------------------------


def sentence_attributions(unit: Span, regions: list[tuple[int, int]]) -> list[Attribution]:
    """All attributions whose cue lies in ``unit`` (a sentence or a line of one), in text order, but those
    inside quotes: "I think ...", "people know ..." within a quote belong to the quoted statement."""
    found: list[Attribution] = []
    for token in unit:
        if token.pos == ADJ:
            attribution = stance_attribution(token, unit)
        elif token.lower == _IN:
            attribution = survey_attribution(token, unit)
        elif token.pos != VERB and token.orth != _COLON and token.lower not in _ACCORDING:
            continue  # none of the four below can start here (hashes: no string built per token)
        else:
            attribution = (according_to(token, unit) or verb_attribution(token, unit)
                           or colon_attribution(token, unit) or reading_attribution(token, unit)
                           or learned_attribution(token, unit))
        if attribution is None or _quoted(attribution.cue, regions):
            continue
        found.append(unquoted_claimant(attribution, regions))
    return [no_one_named(a) for a in found if separate(a, found) and not answered_elsewhere(a, found)]


_COLON = get_string_id(":")
_ACCORDING = frozenset(get_string_id(word) for word in lex.ACCORDING_HEADS)
_IN = get_string_id("in")


def unquoted_claimant(attribution: Attribution, regions: list[tuple[int, int]]) -> Attribution:
    """``attribution`` with its claimant taken out of a quote the parser made it the subject of ("“..., nothing
    you can do, folks,” Trump told a rally": *Trump*, not *nothing you can do*): the words between the quote
    and the cue, or else the noun phrase right after the cue ("''...,'' said Representative Dan Kildee")."""
    source, cue = attribution.source, attribution.cue
    if source is None or not _quoted(source, regions):
        return attribution
    doc, unit = cue.doc, attribution.sent
    quote_start, quote_end = max((a, b) for a, b in regions if a < source.start_char and source.end_char < b)
    between = doc.char_span(quote_end, cue.start_char, alignment_mode="contract") \
        if quote_end < cue.start_char else None
    words = [t for t in between or [] if not (t.is_punct or t.is_space)]
    verbs = [i for i, t in enumerate(words) if t.pos_ in ("VERB", "AUX")]
    words = words[: verbs[0]] if verbs else words  # "Trump told a rally, saying ...": Trump
    if words:
        found: Span | None = doc[words[0].i: words[-1].i + 1]
    else:
        found = named_after(cue, unit)
    content = attribution.content
    if content is None or content[0] < quote_end or (found is not None and content[0] < found.end_char):
        content = clipped_chars(trimmed(doc, quote_start, quote_end), unit) or content  # the quote
    return Attribution(unit, cue, found, content, attribution.kind, attribution.hedges, attribution.learned)


def _copy_attributions(sent: Span) -> list[Attribution]:
    """The rule attributions of a sentence of a re-parsed headline (its quotes read off its own text)."""
    return sentence_attributions(sent, quote_regions(sent.doc.text))


def speaking_act(cue: Span) -> bool:
    """Whether ``cue`` is speaking as an act, with neither a clause, a quote nor a topic ("The former president
    spoke hours after ...", "As Blumenthal spoke, ..."): PolNeAR *train*, 7 of 22 such tagger cues gold."""
    verb = next((t for t in reversed(cue) if t.pos_ == "VERB"), None)
    if verb is None or verb.lemma_.lower() not in lex.SPEAKING_VERBS:
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children):
        return False
    phrasal = lex.PHRASAL_CUES.get(verb.lemma_.lower(), frozenset())
    if any(c.dep_ == "prep" and c.lower_ in phrasal for c in verb.children):
        return False
    after = cue.doc[cue.end: cue.end + 2]
    return not any(t.is_quote or t.text == ":" for t in after)


def naming_hedge(cue: Span) -> bool:
    """Whether ``cue`` holds the verb of a "what X called" hedge (the report's distance from a name, an
    own-voice hedge by :func:`hedges_in`, not X's claim)."""
    return any(t.lemma_.lower() in lex.NAMING_VERBS and any(c.lower_ == "what" and c.i < t.i for c in t.children)
               for t in cue)


def _worded(cue: Span) -> bool:
    """Whether ``cue`` holds a word or is a colon: a lone bracket ("[CNN]") is a source label, no cue."""
    return cue.text == ":" or any(t.is_alpha for t in cue)


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
    end = max(end, c_end)  # a colon at the end of the line introduces the next one
    for q_start, q_end in regions:
        if q_start < start < q_end <= c_end + 2 and q_end > c_start:
            start = c_start = q_start  # a quote that opened sentences earlier ends in this content
        if c_start <= q_start < end < q_end:
            end = c_end = q_end  # a quote that opens in this content runs on past the sentence
    kind = attribution.kind if attribution.kind == "according_to" else quote_kind((c_start, c_end), regions)
    hedges = attribution.hedges + [h for h in hedges_in(doc, c_start, c_end) if h not in attribution.hedges]
    source, cue = attribution.source, attribution.cue
    return Claim(
        text=text_of(doc)[start:end], start=start, end=end,
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
        text = text_of(doc)[start:end]
        found.append(Claim(text=text, start=start, end=end, claimant=None, claimant_start=None,
                           claimant_end=None, cue=None, content_start=start, content_end=end,
                           hedged=bool(hedges), hedges=hedges, kind="own_voice"))
    return found


# --- which units the tagger reads ------------------------------------------------------------------------

Regions = list[tuple[int, int]]
RuleUnit = tuple[Span, list[Attribution]]
LONG_UNIT = 20
"""Units of this many tokens go to the tagger even when the rules found an attribution (room for another).
30 until the rules covered more units (stances, more cue verbs, headlines): on the held-out *train* slice 20
then gained 0.002 cue overlap F1 over 30, for about a fifth more tagged tokens."""


def tentative(attribution: Attribution) -> bool:
    """Whether ``attribution``'s cue is a verb that attributes only in some of its uses, with a certain
    complement (:data:`lex.COMPLEMENT_CUES`: "sees him as", "pushed for"): such a rule cue yields to a tagger cue
    it overlaps and leaves its unit to the tagger (held-out *train*: +0.0005 source, +0.0008 cue over letting
    it win like the lexicon's speech verbs). So is a verb outside the lexicon that the learned model
    (:mod:`rashomon.extract.cue_verbs`) took for a cue, and an impression of *seem* / *appear*
    (:mod:`rashomon.extract.claim_findings`)."""
    lemma = attribution.cue.root.lemma_.lower()
    return lemma in lex.COMPLEMENT_CUES or attribution.learned or (attribution.source is None
                                                                   and lemma in lex.HEDGE_VERBS)


def to_tag(regions: Regions, units: list[RuleUnit]) -> list[Span]:
    """The units worth the tagger's time: those the rules leave without an attribution (but a tentative one),
    and long ones (room for a second one), but none wholly inside a quote (the tagger's cues there are dropped)."""
    return [unit for unit, rules in units
            if (len(unit) >= LONG_UNIT or all(tentative(r) for r in rules)) and not _inside_quote(unit, regions)]


def batches(docs: Iterable[Doc], size: int) -> Iterator[list[Doc]]:
    """``docs`` in lists of ``size`` (the last one shorter)."""
    batch: list[Doc] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _inside_quote(unit: Span, regions: Regions) -> bool:
    return any(a < unit.start_char and unit.end_char < b for a, b in regions)


# --- the component ----------------------------------------------------------------------------------------


class ClaimExtractor:
    """Sets ``doc._.claims``: attributed claims (claimant, cue, content, hedges) and own-voice claims."""

    def __init__(self, nlp: Language, name: str = FACTORY, *, own_voice: bool = True,
                 resolve: bool = True, model: bool = True) -> None:
        register()
        self.nlp = nlp
        self.headlines = "parser" in nlp.pipe_names
        self.name = name
        self.own_voice = own_voice
        self.resolve = resolve
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 32) -> Iterator[Doc]:
        """Like ``__call__`` on each Doc; with ``model`` the tagger runs on batches."""
        if not self.model:
            yield from (self(doc) for doc in docs)
            return
        for batch in batches(docs, batch_size):
            holds = [holding_text(doc) for doc in batch]  # one text and one unit list per Doc for both passes
            for hold in holds:
                hold.__enter__()
            try:
                passes = [self.rule_pass(doc, headlines=False) for doc in batch]
                if self.headlines:
                    headed = self.with_headlines([(doc, found) for doc, (_, found) in zip(batch, passes, strict=True)])
                    passes = [(regions, found) for (regions, _), found in zip(passes, headed, strict=True)]
                chosen = [(doc, to_tag(*found)) for doc, found in zip(batch, passes, strict=True)]
                tags = attribution_model.tag_units(chosen)
                for doc, (regions, units), tagged in zip(batch, passes, tags, strict=True):
                    self.set_annotations(doc, self.claims(doc, regions, units, tagged))
            finally:
                for hold in holds:
                    hold.__exit__()
            yield from batch

    def rule_pass(self, doc: Doc, *, headlines: bool = True) -> tuple[Regions, list[RuleUnit]]:
        """The quote regions of ``doc``, and each sentence unit with its rule attributions (title-case lines
        read again in sentence case unless ``headlines`` is false: :meth:`pipe` does those per batch)."""
        with holding_text(doc) as text:
            regions = quote_regions(text)
            units = [(unit, sentence_attributions(unit, regions)) for unit in sentence_units(doc)]
            if headlines and self.headlines:
                units = self.with_headlines([(doc, units)])[0]
            return regions, units

    def with_headlines(self, found: list[tuple[Doc, list[RuleUnit]]]) -> list[list[RuleUnit]]:
        """The units of each Doc with the attributions of its title-case lines, read off their sentence-case
        parse (all lines of the batch parsed together), added where their cue overlaps none the first parse
        gave (:mod:`rashomon.extract.claim_headlines`)."""
        chosen: list[tuple[int, Span, str]] = []
        for k, (doc, units) in enumerate(found):
            titles = [unit for unit, _ in units if is_title_case(unit)]
            picked = [unit for unit in titles if worth_reparsing(unit)]
            if picked:
                forms = body_forms(doc, titles)
                chosen += [(k, unit, sentence_cased(unit, forms)) for unit in picked]
        if not chosen:
            return [units for _, units in found]
        copies = reparsed(self.nlp, [text for _, _, text in chosen])
        more: dict[tuple[int, int], list[Attribution]] = {
            (k, unit.start): headline_attributions(copy, unit, _copy_attributions)
            for (k, unit, _), copy in zip(chosen, copies, strict=True)}
        out: list[list[RuleUnit]] = []
        for k, (_, units) in enumerate(found):
            merged: list[RuleUnit] = []
            for unit, rules in units:
                extra = [a for a in more.get((k, unit.start), []) if not any(overlaps(a.cue, r.cue) for r in rules)]
                merged.append((unit, sorted(rules + extra, key=lambda a: a.cue.start) if extra else rules))
            out.append(merged)
        return out

    def attributions(self, unit: Span, rules: list[Attribution], regions: Regions,
                     tagged: list[Span] | None) -> list[Attribution]:
        """The rule attributions of ``unit``, with the tagger's (outside quotes) from ``tagged``, the spans
        it found in the units :func:`to_tag` chose (``None``: rules only)."""
        if tagged is None:
            return rules
        learned = [parsed_claimant(a) for a in attribution_model.model_attributions(unit, tagged)
                   if not _quoted(a.cue, regions)]
        learned = [no_one_named(impression(a)) for a in learned if _worded(a.cue) and not speaking_act(a.cue)
                   and not naming_hedge(a.cue) and not willed_cue(a.cue) and not generic_stance(a)
                   and not no_statement(a) and not no_reading(a.cue.root)
                   and not reported_by(a, rules) and not in_claimant(a, rules)]  # nested: measured no better
        firm = [tagger_cue(r, learned) for r in rules if not tentative(r)]
        if len(firm) == len(rules):
            return attribution_model.combined(firm, learned)
        learned = attribution_model.combined(firm, learned)
        return attribution_model.combined(learned, [r for r in rules if tentative(r)])

    def match(self, doc: Doc) -> list[Claim]:
        """Every claim in ``doc`` in text order; reads the parse and ``doc._.actors``, writes nothing."""
        with holding_text(doc):
            regions, units = self.rule_pass(doc)
            tagged = attribution_model.tag_units([(doc, to_tag(regions, units))])[0] if self.model else None
            return self.claims(doc, regions, units, tagged)

    def claims(self, doc: Doc, regions: Regions, units: list[RuleUnit],
               tagged: list[Span] | None) -> list[Claim]:
        """The claims of ``doc`` from its rule pass and the tagger's spans (``None``: rules only)."""
        with holding_text(doc):
            claims = [claim_from(governed(a), regions) for unit, rules in units
                      for a in self.attributions(unit, rules, regions, tagged)]
            if self.resolve:
                resolve_claimants(doc, claims, doc._.actors)
            if self.own_voice:
                claims += own_voice_claims(doc, claims)
        return sorted(claims, key=lambda c: (c.start, c.cue_start if c.cue_start is not None else -1))

    def set_annotations(self, doc: Doc, claims: list[Claim]) -> None:
        doc._.claims = claims


@Language.factory(
    FACTORY,
    default_config={"own_voice": True, "resolve": True, "model": True},
    requires=["token.dep", "token.lemma", "doc.sents"],
    assigns=["doc._.claims"],
)
def make_claims(nlp: Language, name: str, *, own_voice: bool, resolve: bool, model: bool) -> ClaimExtractor:
    return ClaimExtractor(nlp, name, own_voice=own_voice, resolve=resolve, model=model)
