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

A key seen for the first time goes through :meth:`ArrayLemmatizer.rule_lemmatize`, spaCy's method step for
step except one test: spaCy asks ``form in index`` of the rule table's word *list* (57,528 nouns, 20,993
adjectives), a linear scan per candidate form, ~0.08 ms per word; here the list's words are a frozenset made
once per POS (same strings, so the same answers). New words keep coming all through a corpus (12,000 keys
in the first 300 GVA articles): their rules took ~1 s per 300 articles, now ~0.08 s.

:func:`array_lemmatizer` makes the model's lemmatizer one (``build_nlp`` does), keeping its tables and cache.
"""

from __future__ import annotations

import warnings
from collections.abc import Container, Iterable
from typing import Any, cast

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors, Warnings
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc, Token
from thinc.types import Ints2d

LEMMATIZER = "lemmatizer"
SEEN_SIZE = 200_000
"""(orth, POS, morphology) keys whose rule result is remembered at most (then forgotten and started again)."""


class ArrayLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` whose ``__call__`` in rule mode works on arrays (see the module docstring)."""

    _lemma_ids: dict[tuple[int, int, int], int]
    _index_sets: dict[str, frozenset[str]]

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
                    forms = self.rule_lemmatize(doc[i])  # this class's (``self.lemmatize`` is spaCy's)
                found = add(forms[0])
                if pos:  # POS unset: spaCy warns on every call, so the call is made every time
                    seen[key] = found
            lemmas[i] = found
        if lemmas != [row[3] for row in rows]:
            doc.from_array([LEMMA], cast(Ints2d, np.asarray(lemmas, dtype=np.uint64).reshape(-1, 1)))

    def rule_lemmatize(self, token: Token) -> list[str]:
        """spaCy's ``Lemmatizer.rule_lemmatize`` with the rule table's word list looked up as a set (see the
        module docstring); every other step, the cache and the warnings are spaCy's."""
        cache_key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        if cache_key in self.cache:
            return cast(list[str], self.cache[cache_key])
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            if univ_pos == "":
                warnings.warn(Warnings.W108, stacklevel=2)
            return [string.lower()]
        if self.is_base_form(token):
            return [string.lower()]
        index_table = self.lookups.get_table("lemma_index", {})
        exc_table = self.lookups.get_table("lemma_exc", {})
        rules_table = self.lookups.get_table("lemma_rules", {})
        if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
            return [string] if univ_pos == "propn" else [string.lower()]
        index = self._index_set(univ_pos, index_table.get(univ_pos, {}))
        exceptions = exc_table.get(univ_pos, {})
        forms, oov_forms = rule_forms(string.lower(), rules_table.get(univ_pos, {}), index)
        for form in exceptions.get(string.lower(), []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(string)
        self.cache[cache_key] = forms
        return forms

    def _index_set(self, univ_pos: str, words: Iterable[str]) -> frozenset[str]:
        """The rule table's words for ``univ_pos`` as a set, made on first use (the tables do not change)."""
        sets: dict[str, frozenset[str]] = self.__dict__.setdefault("_index_sets", {})
        found = sets.get(univ_pos)
        if found is None:
            found = sets[univ_pos] = frozenset(words)
        return found


def rule_forms(string: str, rules: Iterable[tuple[str, str]], index: Container[str]) -> tuple[list[str], list[str]]:
    """spaCy's suffix rules on a lower-cased word: the forms the index knows (or that are not alphabetic),
    without duplicates, in spaCy's order, and the out-of-vocabulary ones."""
    forms: list[str] = []
    oov_forms: list[str] = []
    for old, new in rules:
        if string.endswith(old):
            form = string[: len(string) - len(old)] + new
            if not form:
                pass
            elif form in index:
                forms.insert(0, form)
            elif not form.isalpha():
                forms.append(form)
            else:
                oov_forms.append(form)
    return list(dict.fromkeys(forms)), oov_forms


def array_lemmatizer(nlp: Language) -> None:
    """Make the model's English rule lemmatizer an :class:`ArrayLemmatizer` (same object, tables and cache)."""
    if LEMMATIZER in nlp.pipe_names and type(nlp.get_pipe(LEMMATIZER)) is EnglishLemmatizer:
        nlp.get_pipe(LEMMATIZER).__class__ = ArrayLemmatizer
