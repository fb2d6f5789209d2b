"""Which casualty figures count the same people: a re-mention ("he died later", "the victim", "the two men",
a name already seen) points at the earlier figure through ``same_as``, so that
:func:`rashomon.extract.casualty_counts.article_counts` counts those people once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from rashomon.extract.casualty_counts import SELF_INFLICTED, is_additional
from rashomon.extract.casualty_heads import PRONOUN_ONE, count_of, name_span
from rashomon.extract.casualty_lexicon import IMPLICIT_ONE, INCIDENT_NOUNS
from rashomon.extract.casualty_lived import LIVING_TRIGGERS, also_hurt
from rashomon.extract.claim_spans import text_of
from rashomon.records import CasualtyFigure

_ANY_VICTIM = {"victim", "person", "individual", "people", "one"}
_EVENT_NOUNS = INCIDENT_NOUNS | IMPLICIT_ONE


def link_same(doc: Doc, figures: list[CasualtyFigure]) -> None:
    """Point re-mentions at the earlier figure counting the same people (``same_as``).

    A re-mention is a pronoun, a definite phrase ("the victim", "the two men") or a name already seen;
    it is linked to the latest earlier figure with the same best count (names: the same name).
    """
    for index, figure in enumerate(figures):
        if figure.count_min == 0 or figure.trigger == SELF_INFLICTED:
            continue  # the shooter dead by his own hand is not the victim named before
        span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
        head = span.root if span is not None else None
        if head is None:
            continue
        rest = count_of(head) if head.i < len(doc) else None
        definite = bool(rest and rest[4]) and not _enumerated(head)
        name = _apposed_name(head) or (figure.value_text if head.pos_ == "PROPN" else None)
        group = _partitive_group(figures, index, head)
        if group is not None:
            figure.same_as = group  # "Two men were shot. One of them died": one of the two
            continue
        if head.lower_ in PRONOUN_ONE:
            subject = _subject_just_before(doc, figures, index, head)
            if subject is not None:
                figure.same_as = subject
                continue
        if name is None and definite:
            same_noun = _same_noun_before(figures, index, head)
            if same_noun is not None:
                figure.same_as = same_noun  # "A man and a woman were shot. The man died": the man
                continue
            kin = _same_kind_just_before(figures, index, head)
            if kin is not None:
                figure.same_as = kin
                continue
        if definite and name is None and _also_another(head, figure, text_of(doc)):
            continue  # "The woman was also shot in the chest": one more person, not the boy counted before
        mine = _head_gender(head, figure)
        apart = _another_noun(head, figure) or _possessed_kin(head)
        age = _age_of(head) if definite else None
        for earlier_index in range(index - 1, -1, -1):
            earlier = figures[earlier_index]
            if earlier.count_min == 0 or not _may_be_same(head, figure, earlier, mine, apart=apart):
                continue
            if age is not None and _other_age(earlier, age, text_of(doc)):
                continue  # "The 17-year-old died of his wounds. The 19-year-old was taken to a hospital"
            if name is not None:
                if _same_name(earlier.value_text, name) or _same_name(earlier.victims or "", name):
                    figure.same_as = earlier_index
                    break
                continue  # a name is another person than an earlier figure with another name
            if definite and earlier.count_min == figure.count_min and earlier.count_max == figure.count_max:
                figure.same_as = earlier_index
                break


def _age_of(head: Token) -> str | None:
    """The age written on a noun ("the 19-year-old man", "The 19-year-old"), as its number's text."""
    old = head if head.lower_ == "old" else next((c for c in head.children if c.lower_ == "old"), None)
    if old is None:
        return None
    year = next((c for c in old.children if c.lower_ in ("year", "years")), None)
    number = next((c for c in year.children if c.dep_ == "nummod"), None) if year is not None else None
    return number.lower_ if number is not None else None


def _other_age(earlier: CasualtyFigure, age: str, text: str) -> bool:
    """The earlier figure's phrase (for a pronoun, its sentence) writes ages, none of them ``age``."""
    if earlier.sentence_start is None or earlier.sentence_end is None:
        return False
    if earlier.value_text.strip().lower() in _PRONOUNS:
        start, end = earlier.sentence_start, earlier.sentence_end
    else:
        start, end = max(earlier.sentence_start, earlier.start - 16), max(earlier.end, earlier.victims_end or 0)
    ages = {m.group(1).lower() for m in _AGE.finditer(text, start, end)}
    return bool(ages) and age not in ages


_AGE = re.compile(r"\b(\w+)[- ]years?[- ]old\b", re.IGNORECASE)
_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "they", "them", "their"}


_MALE = {"he", "him", "his", "himself", "man", "boy", "father", "son", "brother", "husband", "boyfriend",
         "male", "uncle", "grandfather", "dad", "nephew", "gentleman"}
_FEMALE = {"she", "her", "hers", "herself", "woman", "girl", "mother", "daughter", "sister", "wife",
           "girlfriend", "female", "aunt", "grandmother", "mom", "niece", "lady"}
_OTHER = {"other", "another"}


def _gender(words: Iterable[str]) -> str | None:
    """ "m" / "f" for the first gendered word ("his wife": f, the noun wins over the possessive), else None."""
    found = None
    for word in words:
        if word in _MALE:
            found = "m"
        elif word in _FEMALE:
            found = "f"
    return found


def _figure_gender(figure: CasualtyFigure) -> str | None:
    noun = (figure.victims or "").lower().split()[-1:]
    return _gender(noun) or _gender(figure.value_text.lower().split()[-1:])


def _head_gender(head: Token, figure: CasualtyFigure) -> str | None:
    return _gender([head.lower_]) if head.pos_ == "PRON" else _figure_gender(figure)


def _agrees(head: Token, figure: CasualtyFigure, earlier: CasualtyFigure, mine: str | None = None) -> bool:
    """ "A girl was shot. He was taken to a hospital": "he" is not the girl."""
    mine = mine or _head_gender(head, figure)
    theirs = _figure_gender(earlier) if mine else None
    return not (mine and theirs and mine != theirs)


def _may_be_same(
    head: Token, figure: CasualtyFigure, earlier: CasualtyFigure, mine: str | None, *, apart: bool = False
) -> bool:
    """Whether ``earlier`` may count the person ``head`` re-mentions (``mine``: the gender of ``head``; ``apart``:
    a noun marked as one more person or a relative named through someone, which re-mentions only its own noun):
    "he" is not "the girl"; in one sentence "the other man" is not the man before, nor "his son" the
    father ("A father was killed and his son was shot": two nouns of one sentence, two people)."""
    if mine and not _agrees(head, figure, earlier, mine):
        return False
    if earlier.kind == "killed" and (figure.trigger or "").lower() in LIVING_TRIGGERS:
        return False  # "The father was killed ... The 4-year-old was listed in serious condition"
    if figure.kind == "killed" and earlier.kind != "killed" and head.lemma_.lower() in _EVENT_NOUNS:
        return False  # "the fatal shooting", "the homicide": the event's death, not the person hurt before
    if apart and not _same_noun(earlier, head):
        return False  # "the second suspect", "Garza's stepfather", "his brother": not the child or Garza before
    if earlier.sentence_start != figure.sentence_start or head.pos_ not in ("NOUN", "PROPN"):
        return True
    if any(t.lower_ in _OTHER for t in head.lefts):
        return False
    noun = (earlier.victims or "").lower().split()[-1:]
    return not noun or head.lemma_.lower() in _ANY_VICTIM or noun[0] in (head.lower_, head.lemma_.lower())


_KIN = {
    "father", "son", "brother", "husband", "boyfriend", "uncle", "grandfather", "dad", "nephew", "mother", "daughter",
    "sister", "wife", "girlfriend", "aunt", "grandmother", "mom", "niece", "stepfather", "stepmother", "stepson",
    "stepdaughter", "cousin", "fiancee", "fiance", "grandson", "granddaughter", "friend", "neighbor", "roommate",
}


def _also_another(head: Token, figure: CasualtyFigure, text: str) -> bool:
    """A noun (not "the victim") hurt "also" by its own verb ("The woman was also shot") names one more person."""
    return head.pos_ == "NOUN" and head.lemma_.lower() not in _ANY_VICTIM and also_hurt(figure, text)


def _another_noun(head: Token, figure: CasualtyFigure) -> bool:
    """ "the second suspect", "another teen": a noun marked as one more person (not "the second victim")."""
    return head.pos_ == "NOUN" and head.lemma_.lower() not in _ANY_VICTIM and is_additional(figure)


def _possessed_kin(head: Token) -> bool:
    """ "his brother", "Garza's stepfather", "Jones' baby sister": a relative named through someone else."""
    return head.pos_ == "NOUN" and head.lower_ in _KIN and any(c.dep_ == "poss" for c in head.children)


def _same_noun(earlier: CasualtyFigure, head: Token) -> bool:
    """The earlier figure names its people with ``head``'s noun ("a brother" ... "his brother")."""
    words = (earlier.victims or "").lower().split()
    return bool(words) and words[-1] in (head.lower_, head.lemma_.lower())


def _partitive_group(figures: list[CasualtyFigure], index: int, head: Token) -> int | None:
    """ "One of them died", "two of the victims": the latest earlier figure counting more people, of which
    this figure counts some."""
    of = [p for p in head.children if p.lower_ == "of" and p.dep_ == "prep"]
    if not of or not (head.pos_ == "NUM" or head.lower_ == "one"):
        return None
    groups = [o for o in of[0].children if o.dep_ == "pobj"]
    if not groups or not (groups[0].lower_ in ("them", "those") or _definite_plural(groups[0])):
        return None
    figure = figures[index]
    for earlier_index in range(index - 1, -1, -1):
        earlier = figures[earlier_index]
        if (earlier.count_min or 0) > (figure.count_max or figure.count_min or 0) and earlier.kind != figure.kind:
            return earlier_index
    return None


def _definite_plural(noun: Token) -> bool:
    """ "the victims", "these men"."""
    return noun.tag_ == "NNS" and any(c.lower_ in ("the", "these", "those") for c in noun.lefts)


def _same_noun_before(figures: list[CasualtyFigure], index: int, head: Token) -> int | None:
    """The latest earlier figure naming its people with the same noun as a definite phrase ("the man",
    "the girlfriend"); none for words any victim is called ("the victim", "the person")."""
    if head.pos_ != "NOUN" or head.lemma_.lower() in _ANY_VICTIM:
        return None
    words = {head.lower_, head.lemma_.lower()}
    age = _age_of(head)
    for earlier_index in range(index - 1, -1, -1):
        earlier = figures[earlier_index]
        noun = (earlier.victims or "").lower().split()[-1:]
        if earlier.count_min and noun and noun[0] in words:
            if age is not None and _other_age(earlier, age, text_of(head.doc)):
                continue  # "The 17-year-old ..." / "The 19-year-old ...": two people
            return earlier_index
    return None


def _subject_just_before(doc: Doc, figures: list[CasualtyFigure], index: int, head: Token) -> int | None:
    """ "Lopez was shot in the chest and was taken to a hospital, where he died": a pronoun points at the
    person who is the subject of an earlier figure of its own sentence before any figure of another."""
    figure = figures[index]
    for earlier_index in range(index - 1, -1, -1):
        earlier = figures[earlier_index]
        if earlier.sentence_start != figure.sentence_start:
            return None
        if earlier.count_min != 1 or earlier.count_max != 1:
            continue
        span = doc.char_span(earlier.start, earlier.end, alignment_mode="expand")
        if (
            span is not None
            and span.root.dep_ in ("nsubj", "nsubjpass")
            and span.root.pos_ != "PRON"
            and _agrees(head, figure, earlier)
        ):
            return earlier_index
    return None


def _same_kind_just_before(figures: list[CasualtyFigure], index: int, head: Token) -> int | None:
    """ "left one man dead and another with injuries. He was pronounced dead": a pointing figure takes the
    latest figure of the previous sentence with its kind and count before any other of that sentence."""
    figure = figures[index]
    earlier = [f for f in figures[:index] if f.sentence_start != figure.sentence_start]
    if not earlier:
        return None
    previous = earlier[-1].sentence_start
    for earlier_index in range(index - 1, -1, -1):
        other = figures[earlier_index]
        if other.sentence_start != previous:
            continue
        if (
            other.kind == figure.kind
            and other.count_min == figure.count_min
            and other.count_max == figure.count_max
            and _agrees(head, figure, other)
        ):
            age = _age_of(head)
            if age is not None and _other_age(other, age, text_of(head.doc)):
                continue
            return earlier_index
    return None


def _enumerated(head: Token) -> bool:
    """ "killing his five young children as well as his wife": a conjoined victim is one more person, not
    a re-mention, however definite ("his wife")."""
    return head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN", "NUM")


def _apposed_name(head: Token) -> str | None:
    """ "her 18-year-old son, Khai Hebron, was shot": the name in apposition is who the phrase names."""
    span = apposed_span(head)
    return span.text if span is not None else None


def apposed_span(head: Token) -> Span | None:
    for child in head.rights:
        if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or _is_named_person(child)):
            for ent in head.doc.ents:
                if ent.start <= child.i < ent.end:
                    return ent
            return name_span(child)
    return None


def _is_named_person(token: Token) -> bool:
    """A proper noun the tagger calls an organisation, written as a name ("a neighbor, Bettie Jones")."""
    return token.pos_ == "PROPN" and token.ent_type_ in ("ORG", "") and any(
        t.dep_ == "compound" and t.pos_ == "PROPN" for t in token.lefts
    )


_NAME_SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}


def _same_name(first: str, second: str) -> bool:
    """ "Jakell Mitchell" and "Mitchell" name one person; "Contreras" and "Corpus" two; "Tammy Modlin" and
    "Montana Modlin" two (one family name, two first names)."""
    words = [w for w in second.split() if w[:1].isupper() and w.strip(".,") not in _NAME_SUFFIXES]
    others = [w for w in first.split() if w[:1].isupper() and w.strip(".,") not in _NAME_SUFFIXES]
    if len(words) >= 2 and len(others) >= 2 and words[0] != others[0] and words[-1] == others[-1]:
        return False
    return bool(set(words) & set(others))

