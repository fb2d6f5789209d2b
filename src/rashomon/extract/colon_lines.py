"""What a colon opens in a report: the line or rest of line it introduces ("JAKE TAPPER: Donald Trump ..."),
whether that holds words or only a tally ("Clinton: 2,316."), and whether the words before it can name a speaker.

:mod:`rashomon.extract.attributions` reads colon attributions ("Graham: Trump's Rhetoric ...") and cue verbs whose
words follow on the next line ("he declared:") with these.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from rashomon.extract import attribution_lexicon as lex
from rashomon.extract.claim_spans import text_of, trimmed


def tally_colon(colon: Token) -> bool:
    """Whether ``colon`` introduces no words, only a tally ("Clinton: 2,316.", "Superdelegates: 121") or
    nothing, so that it attributes nothing, whoever found it."""
    rest = after_colon(colon.doc, colon.idx + 1)
    return rest is None or not worded_chars(colon.doc, rest)


def labelled(words: list[Token]) -> bool:
    """Whether ``words`` (before a line's colon) open with a section label, after a *the* or not."""
    if words and words[0].lower_ == "the":
        words = words[1:]
    return bool(words) and words[0].lower_ in lex.COLON_LABELS


def worded_chars(doc: Doc, bounds: tuple[int, int]) -> bool:
    """Whether the text at ``bounds`` holds a letter: not empty, no bare tally ("2,316.", "121")."""
    return any(c.isalpha() for c in text_of(doc)[bounds[0]: bounds[1]])


def names_speaker(words: list[Token]) -> bool:
    """Whether ``words`` (before a line's colon) can name a speaker: a proper noun, or one capitalised noun
    ("Historians: ...", "Newspaper: ...", a "Trump:" the tagger took for a noun; PolNeAR *train*: 16 of 30)."""
    if any(t.pos_ == "PROPN" for t in words):
        return True
    return len(words) == 1 and words[0].pos_ == "NOUN" and words[0].text[:1].isupper()


def ends_unit(token: Token, unit: Span) -> bool:
    """Whether ``token`` is the last word or mark of ``unit`` (spaces after it aside)."""
    return all(t.is_space for t in token.doc[token.i + 1: unit.end])


def next_line(doc: Doc, start: int) -> tuple[int, int] | None:
    """Character offsets of the line after a colon that ends one ("Cruz continued:\n“We ...”"): what the
    colon introduces, when a line break follows it."""
    text = text_of(doc)
    rest = text[start:]
    if "\n" not in rest[: len(rest) - len(rest.lstrip())]:
        return None
    begin = start + len(rest) - len(rest.lstrip())
    stop = text.find("\n", begin)
    bounds = trimmed(doc, begin, stop if stop >= 0 else len(text))
    return bounds if bounds[1] > bounds[0] else None


def after_colon(doc: Doc, start: int) -> tuple[int, int] | None:
    """What a colon that ends a unit introduces: the next line when a line break follows it, else the rest of
    its line, which the sentence splitter cut off ("JAKE TAPPER: Donald Trump released a video ...")."""
    found = next_line(doc, start)
    if found is not None:
        return found
    text = text_of(doc)
    stop = text.find("\n", start)
    bounds = trimmed(doc, start, stop if stop >= 0 else len(text))
    return bounds if bounds[1] > bounds[0] else None


def colon_content(verb: Token, cue: Span, unit: Span) -> tuple[int, int] | None:
    """ "In a 1963 speech, he declared:" with the words on the next line: the next line, when the cue
    verb's colon ends the unit."""
    colon = next((c for c in verb.rights if c.text == ":" and c.i >= cue.end), None)
    if colon is None or not ends_unit(colon, unit):
        return None
    return after_colon(verb.doc, colon.idx + 1)
