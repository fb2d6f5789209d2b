"""Template furniture: sentences of page furniture that differ from page to page by a name or a number.

Whole lines found in many articles are dropped as boilerplate before clustering (``vectors.py``), but
some furniture changes with the page: "Sign up for alerts on Jane Q. Doe stories every day!" and "Each
time Jane Q. Doe publishes a new article, we will send a message to your inbox with a link to it." (one
outlet's form, one reporter per page). Two reports of different shootings by one reporter
share such a form, its words (TF-IDF) and its name (a rare-name key), and nothing of their story.

A sentence's *template* is the sentence with every run of capitalised words and numbers masked. A
template *recurs* when it is found in at least ``min_docs`` articles, filled in at least two ways by
words (the reporter changes, the form does not: a story's sentence copied by several outlets, or one
gallery's caption numbered "Image 1 of 5" and "Image 5 of 9", is one filling) and published more than
``spread_days`` apart (a story copied with small edits is published within days; a form is on an
outlet's pages for years). A recurring template is furniture when it is long, at least
``MIN_TEMPLATE_WORDS`` lower-case words (a short story sentence, "She died at the scene, police said",
recurs with other subjects in many reports), or when nearly all of its pages hold a long one (the
form's short lines: "Sign up for alerts on Jane Q. Doe stories every day!"). A template that writes a word
of a violent event's story (:data:`rashomon.extract.story.STORY_WORD`, crime and war news: a ministry's daily
bulletin of shelling "in the direction of Berd") is never furniture. Furniture sentences are
dropped from the clustering text, and the names written in them are no name keys of their report
(``set_furniture``); ``rashomon explain`` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rashomon.cluster.features import ArticleFeatures
from rashomon.extract.story import STORY_WORD

MIN_TEMPLATE_WORDS = 10
"""Lower-case words a template needs to be furniture (story sentences of this length rarely recur)."""
MIN_SHORT_WORDS = 3
"""Lower-case words a short template needs: furniture when its pages nearly all hold a long one."""
SHORT_SHARE = 0.9
"""Share of a short template's pages that must hold a long furniture template ("Sign up for alerts on
Jane Q. Doe stories every day!" sits on the pages of "Each time ... publishes a new article, ...")."""
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)\s+")
"""A sentence ends after ``.``, ``!`` or ``?`` and a space, not after an initial ("Jane Q. Doe")."""
MASK = "§"
_MASKED = re.compile(r"(?:(?<!\S)[A-Z0-9]\S*(?:\s+|$))+")
"""A run of words that start with a capital or a digit (names, places, times, numbers)."""
_LOWER_WORD = re.compile(r"(?<!\S)[a-z]")
_DIGITS = re.compile(r"\d+")
"""Numbers alone make no other filling ("Image 1 of 5" and "Image 5 of 9" above one caption)."""


def sentences(line: str) -> list[str]:
    """The sentences of one line (``_SENTENCE_END``)."""
    return [s for s in _SENTENCE_END.split(line) if s]


def template(sentence: str, min_words: int = MIN_TEMPLATE_WORDS) -> str | None:
    """The sentence with each run of capitalised words and numbers masked, or ``None`` when it has fewer
    than ``min_words`` lower-case words (too short to tell furniture from a story's sentence)."""
    if sentence.count(" ") < min_words - 1:
        return None
    masked = _MASKED.sub(MASK + " ", sentence.strip())
    return masked if len(_LOWER_WORD.findall(masked)) >= min_words else None


@dataclass
class _TemplateUse:
    docs: set[int] = field(default_factory=set)
    fillings: set[str] = field(default_factory=set)
    days: set[int] = field(default_factory=set)

    def recurs(self, min_docs: int, spread_days: int) -> bool:
        """Found in ``min_docs`` pages, filled in two ways, on days more than ``spread_days`` apart."""
        return (
            len(self.docs) >= min_docs
            and len(self.fillings) > 1
            and bool(self.days)
            and max(self.days) - min(self.days) > spread_days
        )


def furniture_templates(
    texts: Sequence[str], published: Sequence[int | None], min_docs: int, spread_days: int
) -> set[str]:
    """Templates of furniture (module doc): long ones found in at least ``min_docs`` of ``texts`` and filled
    in at least two ways, and short ones alike found (nearly) only in pages that hold a long one."""
    uses: dict[str, _TemplateUse] = {}
    for i, text in enumerate(texts):
        for line in text.split("\n"):
            for sentence in sentences(line):
                key = template(sentence, MIN_SHORT_WORDS)
                if key is not None:
                    use = uses.setdefault(key, _TemplateUse())
                    use.docs.add(i)
                    use.fillings.add(_DIGITS.sub("#", sentence.strip()))
                    day = published[i]
                    if day is not None:
                        use.days.add(day)
    recurring = {
        key: use for key, use in uses.items() if use.recurs(min_docs, spread_days) and not STORY_WORD.search(key)
    }
    long = {key for key in recurring if len(_LOWER_WORD.findall(key)) >= MIN_TEMPLATE_WORDS}
    with_form = set().union(*(recurring[key].docs for key in long)) if long else set()
    short = {
        key
        for key, use in recurring.items()
        if key not in long and len(use.docs & with_form) >= SHORT_SHARE * len(use.docs)
    }
    return long | short


def strip_templates(text: str, furniture: set[str]) -> tuple[str, list[str]]:
    """``text`` without its furniture sentences (lines left empty are dropped), and those sentences."""
    if not furniture:
        return text, []
    out, dropped = [], []
    for line in text.split("\n"):
        parts = sentences(line)
        kept = [s for s in parts if template(s, MIN_SHORT_WORDS) not in furniture]
        if len(kept) == len(parts):
            out.append(line)
            continue
        dropped += [s.strip() for s in parts if template(s, MIN_SHORT_WORDS) in furniture]
        if kept:
            out.append(" ".join(kept))
    return "\n".join(out), dropped


def strip_furniture(
    texts: Sequence[str], published: Sequence[int | None], min_docs: int, spread_days: int
) -> tuple[list[str], list[list[str]]]:
    """Every text without the corpus's furniture sentences (module doc), and the sentences dropped."""
    if min_docs < 2:
        return list(texts), [[] for _ in texts]
    furniture = furniture_templates(texts, published, min_docs, spread_days)
    stripped = [strip_templates(text, furniture) for text in texts]
    return [text for text, _ in stripped], [dropped for _, dropped in stripped]


def set_furniture(features: Sequence[ArticleFeatures], dropped: Sequence[list[str]]) -> None:
    """Record each report's furniture sentences; the names written in them are none of its name keys
    (the reporter of "Each time Jane Q. Doe publishes a new article" is in the page's other form lines
    too: "Sign up for alerts on Jane Q. Doe stories every day!")."""
    for feat, sentences_dropped in zip(features, dropped, strict=True):
        if sentences_dropped:
            feat.furniture = tuple(sentences_dropped)
            feat.names = frozenset(n for n in feat.names if not any(n in s for s in sentences_dropped))
