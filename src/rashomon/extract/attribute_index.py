"""spaCy's attribute ruler with its patterns matched through an index (same matches, a fraction of the time).

``en_core_web_md``'s ``attribute_ruler`` maps tags to POS and morphology with ~180 token patterns run by a
spaCy ``Matcher``. The ``Matcher`` calls every ``IN`` / ``NOT_IN`` / ``REGEX`` predicate of every pattern on
every token (Python calls from Cython), which made the component ~15 % of the model's own time (1.3 s per
200 GVA articles). :class:`IndexedAttributeRuler` finds the same matches by looking each token's ``LOWER``,
``DEP``, ``TAG`` and ``IS_SPACE`` up in a table of the single-token patterns, checks the few candidates it
finds, and leaves the other patterns (several tokens, operators, other attributes) to a ``Matcher`` of their
own. Everything else is spaCy's: the matches are sorted as ``AttributeRuler.match`` sorts them and each
one's attributes are set by spaCy's ``set_token_attrs`` on the same token in the same order (without the
Span ``set_annotations`` made per match), so tokens get the same POS, morphology, lemmas and tags.

:func:`index_attribute_ruler` swaps it in for the model's ruler (``build_nlp`` does), keeping its patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

FACTORY = "rashomon_indexed_attribute_ruler"
RULER = "attribute_ruler"

COLUMNS: dict[str, int] = {"LOWER": 0, "DEP": 1, "TAG": 2, "IS_SPACE": 3}
"""Token attributes the index reads (column in ``doc.to_array(ARRAY_ATTRS)``), most selective first: a
pattern is filed under the first of them it tests with a plain value or ``IN``."""
ARRAY_ATTRS = [LOWER, DEP, TAG, IS_SPACE]
STRING_COLUMNS = frozenset({0, 1, 2})
PREDICATES = frozenset({"IN", "NOT_IN", "REGEX"})
MEMO_SIZE = 50_000
"""Token rows whose starting patterns are remembered; the memo is emptied when full."""

Check = Callable[[Sequence[int], Vocab], bool]
"""Whether one token (its row of the array) passes one attribute test."""


@dataclass(frozen=True)
class TokenPattern:
    """One pattern without operators: its key's match id, the tests of its first token besides the one it is
    filed under, and the tests of each token after the first."""

    match_id: int
    first: tuple[Check, ...]
    later: tuple[tuple[Check, ...], ...] = ()
    first_columns: tuple[int, ...] = ()  # the column each test of ``first`` reads (same order)

    def starts(self, row: Sequence[int], vocab: Vocab) -> bool:
        return all(check(row, vocab) for check in self.first)

    def end(self, rows: Sequence[Sequence[int]], i: int, vocab: Vocab) -> int | None:
        """Where a match starting at token ``i`` (whose first token passes) ends, or None."""
        end = i + 1 + len(self.later)
        if end > len(rows):
            return None
        for row, checks in zip(rows[i + 1: end], self.later, strict=True):
            if not all(check(row, vocab) for check in checks):
                return None
        return end


@dataclass
class PatternIndex:
    """Patterns filed by (column, value) of their first token; the rest in ``unfiled`` or the ``leftover``
    matcher. What a token row can start is remembered (the checks read nothing but the row)."""

    filed: list[dict[int, list[TokenPattern]]] = field(default_factory=lambda: [{} for _ in COLUMNS])
    unfiled: list[TokenPattern] = field(default_factory=list)
    leftover: Matcher | None = None
    numbers: dict[int, int] = field(default_factory=dict)  # match id -> the ruler's rule number
    memo_size: int = MEMO_SIZE
    _starts: dict[tuple[int, ...], tuple[TokenPattern, ...]] = field(default_factory=dict)
    _lower_readers: tuple[TokenPattern, ...] | None = None
    _lower_verdicts: dict[int, tuple[bool, ...]] = field(default_factory=dict)

    def row_class(self, row: Sequence[int], vocab: Vocab) -> tuple[Any, ...]:
        """A key shared by the rows that start the same patterns: the row itself when its ``LOWER`` value
        is filed, else its other columns with the verdicts of the ``LOWER`` tests of the patterns filed
        elsewhere (a regular expression on the word), the only way its word enters :meth:`starting`. A new
        word ("Tuscaloosa", "re-elected") then finds the plan of its tag and dependency."""
        if row[0] in self.filed[0]:
            return tuple(row)
        readers = self._lower_readers
        if readers is None:
            readers = self._lower_readers = tuple(
                p for table in self.filed[1:] for filed in table.values() for p in filed if 0 in p.first_columns
            ) + tuple(p for p in self.unfiled if 0 in p.first_columns)
        verdicts = self._lower_verdicts.get(row[0])
        if verdicts is None:
            verdicts = tuple(all(check(row, vocab) for column, check in zip(p.first_columns, p.first, strict=True)
                                 if column == 0) for p in readers)
            if len(self._lower_verdicts) >= self.memo_size:
                self._lower_verdicts.clear()
            self._lower_verdicts[row[0]] = verdicts
        return ("class", verdicts, *row[1:])

    def starting(self, row: Sequence[int], vocab: Vocab) -> tuple[TokenPattern, ...]:
        """The patterns whose first token ``row`` passes."""
        key = tuple(row)
        known = self._starts.get(key)
        if known is None:
            candidates = [p for column, table in enumerate(self.filed) for p in table.get(row[column], ())]
            known = tuple(p for p in candidates + self.unfiled if p.starts(row, vocab))
            if len(self._starts) >= self.memo_size:
                self._starts.clear()
            self._starts[key] = known
        return known

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(match_id, start, end)`` of every pattern match in ``doc`` (each once), as a ``Matcher`` of the
        same patterns finds them, in another order."""
        vocab = doc.vocab
        rows = doc.to_array(ARRAY_ATTRS).tolist() if len(doc) else []
        found: list[tuple[int, int, int]] = []
        for i, row in enumerate(rows):
            for pattern in self.starting(row, vocab):
                end = i + 1 if not pattern.later else pattern.end(rows, i, vocab)
                if end is not None:
                    found.append((pattern.match_id, i, end))
        if self.leftover is not None:
            found.extend(self.leftover(doc, allow_missing=True, as_spans=False))
        return list(dict.fromkeys(found))


def _value_id(column: int, value: Any) -> int:
    return get_string_id(value) if column in STRING_COLUMNS else int(value)


def _equals(column: int, value: int) -> Check:
    return lambda row, vocab: row[column] == value


def _within(column: int, values: frozenset[int], inside: bool) -> Check:
    return lambda row, vocab: (row[column] in values) is inside


def _searches(column: int, pattern: re.Pattern[str]) -> Check:
    return lambda row, vocab: pattern.search(vocab.strings[row[column]]) is not None


def _check(column: int, spec: Any) -> Check | None:
    """The test of one attribute of a token pattern, or None when it is not one this index handles."""
    if not isinstance(spec, dict):
        return _equals(column, _value_id(column, spec))
    if len(spec) != 1 or next(iter(spec)) not in PREDICATES:
        return None
    (predicate, value), = spec.items()
    if predicate == "REGEX":
        return _searches(column, re.compile(value)) if column in STRING_COLUMNS and isinstance(value, str) else None
    if not isinstance(value, list):
        return None
    return _within(column, frozenset(_value_id(column, v) for v in value), predicate == "IN")


def _filing(token: dict[str, Any]) -> tuple[int, list[int]] | None:
    """The column a token pattern is filed under and its values there (None: no plain or ``IN`` test)."""
    for name, column in COLUMNS.items():
        spec = token.get(name)
        if spec is None:
            continue
        if not isinstance(spec, dict):
            return column, [_value_id(column, spec)]
        if set(spec) == {"IN"} and isinstance(spec["IN"], list):
            return column, [_value_id(column, v) for v in spec["IN"]]
    return None


def _token_checks(token: Any) -> dict[str, Check] | None:
    """The tests of one token pattern by attribute name, or None when it has one the index cannot do."""
    if not isinstance(token, dict) or not token or not set(token) <= set(COLUMNS):
        return None
    checks = {name: _check(COLUMNS[name], spec) for name, spec in token.items()}
    if any(check is None for check in checks.values()):
        return None
    return {name: check for name, check in checks.items() if check is not None}


def _file(index: PatternIndex, match_id: int, pattern: list[Any]) -> bool:
    """File one pattern under its first token; False when it has a test or operator the index cannot do."""
    tokens = [_token_checks(token) for token in pattern]
    if not tokens or any(checks is None for checks in tokens):
        return False
    first = tokens[0]
    assert first is not None
    later = tuple(tuple(checks.values()) for checks in tokens[1:] if checks is not None)
    filing = _filing(pattern[0])
    if filing is None:
        index.unfiled.append(TokenPattern(match_id, tuple(first.values()), later, tuple(COLUMNS[n] for n in first)))
        return True
    column, values = filing
    name = next(n for n, c in COLUMNS.items() if c == column)
    filed = TokenPattern(match_id, tuple(c for n, c in first.items() if n != name), later,
                         tuple(COLUMNS[n] for n in first if n != name))
    for value in dict.fromkeys(values):
        index.filed[column].setdefault(value, []).append(filed)
    return True


def build_index(vocab: Vocab, matcher: Matcher, keys: Iterable[str]) -> PatternIndex:
    """The index of a ruler's patterns: a key whose patterns all have tests the index can do is filed; any
    other key goes, with all its patterns, to the leftover matcher (spaCy's)."""
    index = PatternIndex(leftover=Matcher(vocab))
    for key in keys:
        match_id = vocab.strings.add(key)
        index.numbers[match_id] = int(key)
        _, patterns = matcher.get(key)
        trial = PatternIndex()
        if all(_file(trial, match_id, pattern) for pattern in patterns):
            for column, table in enumerate(trial.filed):
                for value, filed in table.items():
                    index.filed[column].setdefault(value, []).extend(filed)
            index.unfiled.extend(trial.unfiled)
        else:
            assert index.leftover is not None
            index.leftover.add(match_id, patterns)
    if index.leftover is not None and not len(index.leftover):
        index.leftover = None
    return index


Plan = tuple[tuple[tuple[int, int], ...], dict[Any, Any] | None, tuple[TokenPattern, ...]]
"""What a token row gets: its one-token matches ``(rule number, match id)`` in spaCy's order, their
attributes merged (``None`` when they must be set one by one), and the longer patterns it starts."""


class IndexedAttributeRuler(AttributeRuler):
    """``AttributeRuler`` whose ``match`` reads the index (built on first use and after patterns change) and
    whose call sets each token's one-token matches at once."""

    _index: PatternIndex | None = None
    _indexed_for: tuple[int, int] = (0, -1)
    _plans: dict[tuple[int, ...], Plan] | None = None

    def _pattern_index(self) -> PatternIndex:
        state = (id(self.matcher), len(self.attrs))
        if self._index is None or state != self._indexed_for:
            self._index = build_index(self.vocab, self.matcher, (str(i) for i in range(len(self.attrs))))
            self._indexed_for = state
            self._plans = {}
        return self._index

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        index = self._pattern_index()
        numbers = index.numbers
        matches = [(numbers[m_id], m_id, s, e) for m_id, s, e in index(doc)]
        matches.sort()
        return matches

    def __call__(self, doc: Doc) -> Doc:
        """As spaCy's ``match`` then ``set_annotations``, token by token: every match sets one token, and a
        token's matches are applied in spaCy's order (rule number first). A token only one-token patterns
        match takes their attributes merged, a later rule's value winning as when they are set in turn (each
        is a plain field of the token, none of the lexeme); a token a longer pattern sets takes each of its
        matches in that order."""
        index = self._pattern_index()
        rows = doc.to_array(ARRAY_ATTRS).tolist() if len(doc) else []
        plans = [self._plan(tuple(row), index, doc.vocab) for row in rows]
        longer = [(pattern.match_id, i, end) for i, plan in enumerate(plans) for pattern in plan[2]
                  if (end := pattern.end(rows, i, doc.vocab)) is not None]
        if index.leftover is not None:
            longer.extend(index.leftover(doc, allow_missing=True, as_spans=False))
        by_token: dict[int, list[tuple[int, int, int, int]]] = {}
        for number, match_id, start, end in sorted({(index.numbers[m], m, s, e) for m, s, e in longer}):
            at = (end if self.indices[number] < 0 else start) + self.indices[number]
            by_token.setdefault(at, []).append((number, match_id, start, end))
        for i, (singles, merged, _) in enumerate(plans):
            if i in by_token or merged is None:
                one_token = [(number, match_id, i, i + 1) for number, match_id in singles]
                self.set_annotations(doc, sorted(one_token + by_token.pop(i, [])))
            elif merged:
                set_token_attrs(doc[i], merged)
        for matches in by_token.values():  # outside the Doc: spaCy's method raises
            self.set_annotations(doc, matches)
        return doc

    def _plan(self, row: tuple[int, ...], index: PatternIndex, vocab: Vocab) -> Plan:
        """The plan of a row, remembered per row and per :meth:`PatternIndex.row_class` (a row of a class
        seen before takes its plan without testing the patterns)."""
        plans = self._plans if self._plans is not None else {}
        plan = plans.get(row)
        if plan is None:
            key = index.row_class(row, vocab)
            plan = plans.get(key) or self._new_plan(row, index, vocab)
            if len(plans) >= MEMO_SIZE:
                plans.clear()
            plans[row] = plans[key] = plan
            self._plans = plans
        return plan

    def _new_plan(self, row: tuple[int, ...], index: PatternIndex, vocab: Vocab) -> Plan:
        """What a row gets (:data:`Plan`), from the patterns it starts."""
        starting = index.starting(row, vocab)
        singles = tuple(sorted({(index.numbers[p.match_id], p.match_id) for p in starting if not p.later}))
        merged: dict[Any, Any] = {}
        for number, _ in singles:
            merged.update(self.attrs[number])
        plain = all(self.indices[n] in (0, -1) and "_" not in self.attrs[n] for n, _ in singles)
        # otherwise set one by one: spaCy's method raises (index) or sets extensions
        return singles, merged if plain else None, tuple(p for p in starting if p.later)

    def set_annotations(self, doc: Doc, matches: Sequence[tuple[int, int, int, int]]) -> None:
        """As spaCy's: each match's attributes set on its token ``index``, in ``matches`` order, without a
        Span per match; a match whose index falls outside it goes to spaCy's method (which raises)."""
        for number, match_id, start, end in matches:
            index = self.indices[number]
            at = (end if index < 0 else start) + index
            if not start <= at < end:
                super().set_annotations(doc, [(number, match_id, start, end)])  # type: ignore[no-untyped-call]
                continue
            set_token_attrs(doc[at], self.attrs[number])


@Language.factory(FACTORY, assigns=["token.pos", "token.morph", "token.lemma", "token.tag", "token.dep"])
def make_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name)


def index_attribute_ruler(nlp: Language) -> None:
    """Replace the model's ``attribute_ruler`` (when it is spaCy's own) by the indexed one, same patterns."""
    if RULER not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe(RULER)
    if type(ruler) is not AttributeRuler:
        return
    patterns = ruler.patterns
    indexed = nlp.replace_pipe(RULER, FACTORY)
    assert isinstance(indexed, IndexedAttributeRuler)
    indexed.add_patterns(patterns)
