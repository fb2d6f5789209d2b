"""spaCy's rule lemmatizer with its per-token loop run over one array (same lemmas, a fraction of the time).

``en_core_web_md``'s ``lemmatizer`` (English, rule mode) sets ``token.lemma_`` for every token whose lemma
is unset, through ``rule_lemmatize``: a cache keyed by (orth, POS, morphology), else the rules. Its Python
loop makes a ``Token`` per word and calls the method for each; a base form (a singular noun, an infinitive:
most words) is never cached and is worked out again every time. :class:`ArrayLemmatizer` reads orth, POS,
morphology and lemma of all tokens in one array, takes spaCy's cached forms where there are any, calls
spaCy's ``rule_lemmatize`` otherwise, remembers the lemma's string id per key (the function reads nothing
else of the token, the rule tables do not change, and the vocabulary keeps its strings), and writes the
lemmas back in one array. Same rules, same order, same strings: tokens get the lemmas spaCy's loop gives
them.

:func:`array_lemmatizer` makes the model's lemmatizer one (``build_nlp`` does), keeping its tables and cache.
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

LEMMATIZER = "lemmatizer"
SEEN_SIZE = 200_000
"""(orth, POS, morphology) keys whose rule result is remembered at most (then forgotten and started again)."""


class ArrayLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` whose ``__call__`` in rule mode works on arrays (see the module docstring)."""

    _lemma_ids: dict[tuple[int, int, int], int]

    def __call__(self, doc: Doc) -> Any:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            self._set_lemmas(doc)
            return doc
        except Exception as e:  # as spaCy's lemmatizer: the pipeline's error handler decides
            return error_handler(self.name, self, [doc], e)

    def _set_lemmas(self, doc: Doc) -> None:
        rows: list[list[int]] = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist() if len(doc) else []
        seen = self.__dict__.setdefault("_lemma_ids", {})
        if len(seen) >= SEEN_SIZE:
            seen.clear()
        cache, add, overwrite = self.cache, doc.vocab.strings.add, self.overwrite
        lemmas = [row[3] for row in rows]
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = seen.get(key)  # the string id of the lemma spaCy's cache or rules gave this key before
            if found is None:
                forms = cache.get(key)
                if forms is None:
                    forms = self.lemmatize(doc[i])
                found = add(forms[0])
                if pos:  # POS unset: spaCy warns on every call, so the call is made every time
                    seen[key] = found
            lemmas[i] = found
        if lemmas != [row[3] for row in rows]:
            doc.from_array([LEMMA], cast(Ints2d, np.asarray(lemmas, dtype=np.uint64).reshape(-1, 1)))


def array_lemmatizer(nlp: Language) -> None:
    """Make the model's English rule lemmatizer an :class:`ArrayLemmatizer` (same object, tables and cache)."""
    if LEMMATIZER in nlp.pipe_names and type(nlp.get_pipe(LEMMATIZER)) is EnglishLemmatizer:
        nlp.get_pipe(LEMMATIZER).__class__ = ArrayLemmatizer
