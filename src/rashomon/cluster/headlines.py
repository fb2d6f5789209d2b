"""Headlines as a clustering signal: their content words, weighed by rarity among the corpus's headlines.

Two reports of one shooting often phrase the same facts in their headlines with other word forms
("4 Shot, 1 Killed During Argument In Detroit" / "1 dead, 4 injured in Detroit shooting"), which the
body's TF-IDF (exact word forms, terms in more than 5 % of the reports dropped) misses. A headline's
words are lower-cased, numbers written as words become digits, a light suffix stripper and a few
irregular forms bring "shootings" / "shot" / "shoots" to "shoot" and "dies" / "dead" to "die", and
function words and words of page furniture ("video", "update") are dropped. Each word is weighed by
its inverse document frequency over the headlines of the corpus (so "shoot" weighs little, "Lansing"
much), and two headlines are compared by the cosine of those weights. Nothing here names a place or
an outlet.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

_WORD = re.compile(r"[a-z0-9]+")
_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ]
    )
}
_IRREGULAR = {
    "shot": "shoot", "slain": "slay", "dead": "die", "death": "die", "deadly": "die", "dying": "die",
    "died": "die", "dies": "die", "injury": "injur", "hurt": "injur",
}
"""Irregular forms of the words of violence news, mapped to the stem their regular forms get."""
_SUFFIXES = (("ally", "al"), ("ies", "y"), ("ings", ""), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
_STOP = frozenset(
    [
        "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "has", "have", "he", "her",
        "his", "in", "into", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "they",
        "this", "to", "was", "were", "will", "with", "after", "over", "s", "new", "news", "video", "update",
        "updated", "police", "say", "says", "said",
    ]
)
"""Function words, and words that every report's headline may carry (furniture: "video", "update")."""
MAX_WORDS = 25
"""Words read from a headline (a first line standing in for a missing title may be a paragraph)."""


def stem(word: str) -> str:
    """A light English suffix stripper: "shootings" / "shooting" / "shoots" -> "shoot", "killed" -> "kill"."""
    word = _NUMBER_WORDS.get(word) or _IRREGULAR.get(word) or word
    if len(word) <= 4 or word.isdigit():
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            root = word[: len(word) - len(suffix)] + replacement
            if len(root) > 3 and root[-1] == root[-2] and root[-1] not in "lsz":
                root = root[:-1]  # "shopping" -> "shop", but "killed" -> "kill"
            return _IRREGULAR.get(root, root)
    return word


def headline_words(title: str | None, text: str) -> frozenset[str]:
    """The headline's content words, stemmed, numbers as digits (the text's first line without a title)."""
    head = title if title and title.strip() else next((line for line in text.split("\n") if line.strip()), "")
    words = _WORD.findall(head.lower())[:MAX_WORDS]
    return frozenset(stem(w) for w in words if w not in _STOP and (len(w) > 1 or w.isdigit()))


def weigh_headlines(headlines: Sequence[frozenset[str]]) -> list[dict[str, float]]:
    """Each headline's words with their inverse document frequency over ``headlines``, scaled to L2 = 1."""
    df: dict[str, int] = {}
    for words in headlines:
        for word in words:
            df[word] = df.get(word, 0) + 1
    total = len(headlines)
    out = []
    for words in headlines:
        weights = {w: math.log((total + 1) / (df[w] + 1)) + 1.0 for w in words}
        norm = math.sqrt(sum(v * v for v in weights.values()))
        out.append({w: v / norm for w, v in weights.items()} if norm else {})
    return out


def headline_cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two weighed headlines (0 when either is empty)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(v * large[w] for w, v in small.items() if w in large)
