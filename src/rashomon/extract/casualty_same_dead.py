"""The dead person counted hurt again, and hurt animals: where an article reports a death, a hurt figure
naming the same person as a death figure is that death told before it happened ("an accidental shooting
critically injured a 16-year-old" beside "an accidental shooting has killed a 16-year-old"; "a wounded Luis
Ortega" beside "the death of Luis 'Lucky' Ortega"); a person "listed in critical condition until she
died" did not live; "injuring one of the family dogs" counts no person (:mod:`rashomon.extract.casualty_counts`,
:mod:`rashomon.extract.casualties`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from rashomon.records import CasualtyFigure

ANIMALS = {
    "dog", "puppy", "cat", "kitten", "horse", "pony", "cow", "calf", "pig", "goat", "sheep", "deer",
    "pet", "animal", "bird", "chicken", "rooster", "k9", "k-9", "canine",
}  # fmt: skip
"""Head nouns of hurt or dead animals ("one of the family dogs", "his dog"): no person counted."""


def names_an_animal(head: Token) -> bool:
    """The counted noun (``head``, or the noun after "one of") is an animal: "injuring one of the family dogs"."""
    noun = head
    if head.pos_ in ("NUM", "PRON") or head.tag_ == "CD":
        objects = [t for prep in head.children if prep.lower_ == "of" for t in prep.children if t.dep_ == "pobj"]
        if not objects:
            return False
        noun = objects[0]
    return noun.lemma_.lower() in ANIMALS or noun.lower_ in ANIMALS


def the_dead_again(figure: CasualtyFigure, dead: Sequence[CasualtyFigure], text: str) -> bool:
    """One person hurt whose phrase names a person counted dead: the same aged phrase ("a 16-year-old") or the
    same name of two words or more ("a wounded Luis Ortega", "Luis 'Lucky' Ortega")."""
    if figure.count_min != 1 or figure.count_max != 1 or not text:
        return False
    mine = _phrase(figure, text)
    if mine is None:
        return False
    aged = _AGE.search(mine) is not None
    names = _name_words(mine)
    if not aged and len(names) < 2:
        return False
    for other in dead:
        if other.count_min != 1 or other.background:
            continue
        theirs = _phrase(other, text)
        if theirs is None:
            continue
        if aged and theirs == mine:
            return True
        if len(names) >= 2 and names <= _name_words(theirs):
            return True
    return False


def _phrase(figure: CasualtyFigure, text: str) -> str | None:
    """The figure's words from its count (or its name's first word) to the end of its noun, without the words of
    harm ("a wounded Luis Ortega" -> "a Luis Ortega"); None where it runs past 80 characters or a stop."""
    start = min(figure.start, figure.victims_start if figure.victims_start is not None else figure.start)
    end = max(figure.end, figure.victims_end or 0)
    if end - start > 80 or end <= start or any(c in text[start:end] for c in ":,;|"):
        return None  # "RELATED: Deputy Wounded, one suspect held": a headline run into the phrase
    words = [w for w in text[start:end].split() if w.lower() not in _HARM_WORDS]
    return " ".join(words)


_HARM_WORDS = {"wounded", "injured", "critically", "seriously", "fatally", "badly", "gravely", "slain", "dead"}
_AGE = re.compile(r"\b\d+[- ]years?[- ]old\b", re.IGNORECASE)
_QUOTES = "\"'“”‘’(),."


def _name_words(phrase: str) -> set[str]:
    """Capitalised words of a phrase past its article ("A Maple Grove teenager" keeps "Maple", "Grove")."""
    words = [w.strip(_QUOTES) for w in phrase.split()]
    if words and words[0].lower() in ("a", "an", "the", "one"):
        words = words[1:]
    return {w for w in words if w[:1].isupper() and w.isalpha() and w not in _NOT_NAMES}


_NOT_NAMES = {"Jr", "Sr", "II", "III", "IV", "Photo", "Courtesy"}


def died_later(figure: CasualtyFigure, text: str) -> bool:
    """ "She was listed in critical condition until she died", "where he later died": the living trigger's
    sentence goes on to the person's death."""
    if figure.sentence_end is None or not text:
        return False
    start = max(figure.end, figure.victims_end or 0)
    return _DIED_LATER.search(text, start, figure.sentence_end) is not None


_DIED_LATER = re.compile(
    r"\b(?:until|before|where|when)\s+(?:s?he|they)\s+(?:later\s+|eventually\s+)?"
    r"(?:died|succumbed|was pronounced dead)\b",
    re.IGNORECASE,
)
