"""Attributions in headlines written in title case or capitals, read off a parse of the headline in sentence case.

spaCy's statistical tagger and parser read "Glenn Beck Blasts Drudge for Mocking His Fast" as a run of proper
nouns, so no cue verb is found there. A line whose words are nearly all capitalised is parsed again with each
word in the case the article's own body writes it in (the document's *case statistics*, the usual truecasing
heuristic): names keep their capitals because the body writes them so ("Beck", "Drudge"), other words, seen in
lower case or not at all, are lowered ("blasts", "for mocking his fast"). Lowering changes no character count,
so the attributions found on the re-parsed line map back to the article's offsets unchanged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from rashomon.extract import attribution_lexicon as lex
from rashomon.extract.attributions import Attribution

PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
"""The components of ``en_core_web_md`` that a re-parse of a headline runs (in pipeline order)."""

TITLE_MIN_WORDS = 4
"""The fewest words a line must have to count as a title-case headline."""

TITLE_SHARE = 0.8
"""The share of a line's words that must start with a capital for it to count as written in title case."""

ACRONYM_MAX = 4
"""All-capital words of at most this many letters that the body never writes otherwise stay capitals (GOP)."""

Finder = Callable[[Span], list[Attribution]]

IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",),
    "find": ("found",), "know": ("knew", "known"), "speak": ("spoke", "spoken"), "feel": ("felt",),
    "make": ("made",), "understand": ("understood",), "swear": ("swore", "sworn"), "show": ("shown",),
    "learn": ("learnt",), "forecast": ("forecast",), "hop": ("hopes", "hoped", "hoping"),
}
"""Forms of cue verbs that the regular endings below do not make ("hop" is how spaCy lemmatises *hoping*)."""


@lru_cache(maxsize=1)
def cue_forms() -> frozenset[str]:
    """Every written form of a cue verb or stance adjective of the lexicon, in lower case: a title-case line
    holding none of them is not parsed again."""
    forms: set[str] = set(lex.STANCE_ADJECTIVES) | set(lex.ACCORDING_HEADS)
    for lemma in lex.SPEECH_VERBS | lex.IMPERSONAL_CUES | lex.LIGHT_VERBS:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms.update({lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "ed", lemma + "d"})
        if lemma.endswith("y"):
            forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
        if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})  # "slammed", "planning"
        forms.update(IRREGULAR_FORMS.get(lemma, ()))
    return frozenset(forms)


def worth_reparsing(unit: Span) -> bool:
    """Whether ``unit`` holds a word that could be a cue once in lower case (the re-parse costs a parse)."""
    forms = cue_forms()
    return any(t.lower_ in forms for t in unit[1:] if t.is_alpha)


MINOR_WORDS: frozenset[str] = frozenset({
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off", "on",
    "per", "to", "up", "via", "from", "with", "vs", "into", "onto", "over",
})
"""Words that title-case styles (AP, Chicago) leave in lower case: they do not count either way."""


def is_title_case(unit: Span) -> bool:
    """Whether ``unit`` is a line written in title case or in capitals ("Glenn Beck Blasts Drudge ...")."""
    words = [t for t in unit if t.is_alpha and t.lower_ not in MINOR_WORDS]
    if len(words) < TITLE_MIN_WORDS:
        return False
    return sum(t.text[0].isupper() for t in words) >= TITLE_SHARE * len(words)


def body_forms(doc: Doc, skip: list[Span]) -> dict[str, str]:
    """The way the article writes each word inside its sentences (not at their start), outside ``skip``:
    lower-cased word -> its most frequent spelling."""
    skipped = {t.i for unit in skip for t in unit}
    counts: dict[str, Counter[str]] = {}
    for token in doc:
        if not token.is_alpha or token.is_sent_start or token.i in skipped:
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        if before is not None and (before.is_quote or before.text in (":", "\n") or before.is_space):
            continue  # quotes and lines start with capitals of their own
        counts.setdefault(token.lower_, Counter())[token.text] += 1
    return {lower: forms.most_common(1)[0][0] for lower, forms in counts.items()}


def sentence_cased(unit: Span, forms: dict[str, str]) -> str:
    """The text of ``unit`` with every word but the first in the case the body writes it in, lowered when
    the body never writes it (short all-capital words, acronyms, stay as they are)."""
    text = list(unit.text)
    first = True
    for token in unit:
        if not token.is_alpha:
            continue
        if first:
            first = False
            continue
        spelled = forms.get(token.lower_)
        if spelled is None:
            keep = token.is_upper and len(token) <= ACRONYM_MAX
            spelled = token.text if keep else token.lower_
        if len(spelled) != len(token.text):
            continue  # a spelling of another length would move the offsets
        start = token.idx - unit.start_char
        text[start: start + len(spelled)] = spelled
    return "".join(text)


def reparsed(nlp: Language, texts: list[str]) -> list[Doc]:
    """``texts`` tokenised and run, as one batch, through the parsing components of ``nlp`` only (no
    entities, no claims): one call per component for all the headlines of a batch of articles."""
    docs = [nlp.make_doc(text) for text in texts]
    for name, component in nlp.pipeline:
        if name in PARSE_PIPES and docs:
            docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(d) for d in docs]
    return docs


def headline_attributions(copy: Doc, unit: Span, find: Finder) -> list[Attribution]:
    """The attributions ``find`` reads off ``copy``, the parse of ``unit`` in sentence case
    (:func:`sentence_cased`, :func:`reparsed`), on ``unit``'s own tokens (those whose spans do not map back
    onto the article's tokens are left out)."""
    doc, offset = unit.doc, unit.start_char
    found: list[Attribution] = []
    for sent in copy.sents:
        for attribution in find(sent):
            cue = _mapped(doc, attribution.cue, offset)
            source = _mapped(doc, attribution.source, offset) if attribution.source is not None else None
            if cue is None or (attribution.source is not None and source is None):
                continue
            content = attribution.content
            moved = (content[0] + offset, content[1] + offset) if content is not None else None
            hedges = [cue.text] if attribution.hedges else []
            found.append(Attribution(unit, cue, source, moved, attribution.kind, hedges, attribution.learned))
    return found


def _mapped(doc: Doc, span: Span, offset: int) -> Span | None:
    return doc.char_span(span.start_char + offset, span.end_char + offset)
