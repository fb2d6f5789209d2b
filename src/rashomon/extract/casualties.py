"""Casualty figures: who was killed, injured, missing, captured or arrested, how many, on whose side.

The ``rashomon.casualties.v1`` component (factory ``rashomon_casualties_v1``) reads the dependency parse.
A *trigger* names what happened
("killed", "died", "dead", "deaths", "wounded", "injuries", "casualties", "arrested", "fatally shot"); the
parse gives the people it happened to (passive subject, object of an active verb, subject of "die", the
"of" complement of "death", the noun a participle modifies, the object of "left ... dead"), and
:mod:`rashomon.extract.numbers` reads how many from the words before that noun. Negated and hypothetical
triggers ("was not injured", "could have been killed", "threatened to kill") give nothing; "no one was
injured" gives a count of 0. A figure that re-mentions people already counted ("he died later in hospital",
"the victim") points at the earlier figure through ``same_as`` so :func:`article_counts` counts them once.

Triggers and blocking are :mod:`rashomon.extract.casualty_rules`, who a trigger counts
:mod:`rashomon.extract.casualty_victims`, on whose side :mod:`rashomon.extract.casualty_sides`, other events'
figures :mod:`rashomon.extract.casualty_background`, and the article's count per kind
:mod:`rashomon.extract.casualty_counts`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from rashomon.extract import extensions
from rashomon.extract.casualty_background import is_background, lead_end, lead_year, playlist_line
from rashomon.extract.casualty_counts import LIVING_TRIGGERS, SELF_INFLICTED, article_counts
from rashomon.extract.casualty_lexicon import COUNT_PREFIX, ELLIPTIC, SKIP_MODIFIERS
from rashomon.extract.casualty_rules import Trigger, blocked, find_triggers, murder_suicide
from rashomon.extract.casualty_sides import claim_index, set_side
from rashomon.extract.casualty_victims import family_of, victim_heads
from rashomon.extract.claim_spans import holding_text, text_of
from rashomon.extract.numbers import Count, find_counts
from rashomon.records import ActorMention, CasualtyFigure, Claim

__all__ = [
    "FACTORY",
    "CasualtyExtractor",
    "article_counts",
    "figures_of",
    "link_same",
    "mark_background",
]

FACTORY = "rashomon_casualties_v1"
"""spaCy factory name of ``rashomon.casualties.v1`` (spaCy forbids dots in factory names)."""

_PRONOUN_ONE = {"he", "she", "him", "her"}
_PRONOUN_MANY = {"they", "them"}
_DEFINITE = {"the", "this", "that", "these", "those", "his", "her", "their", "its"}
_SHOOTERS = {"suspect", "gunman", "shooter", "attacker", "assailant"}
_ANY_VICTIM = {"victim", "person", "individual", "people", "one"}
_MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
"""A "double homicide" is two deaths."""
_MULTIPLE_NOUNS = {"homicide", "murder", "killing", "slaying", "fatality", "death"}
_NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_KIND_RANK: dict[str, int] = {
    "killed": 5,
    "killed_or_injured": 4,
    "injured": 3,
    "missing": 2,
    "captured": 1,
    "arrested": 0,
}


def _count_of(head: Token) -> tuple[str, int, int, Count, bool]:
    """How many people the phrase headed by ``head`` counts: (value_text, start, end, count, definite)."""
    doc = head.doc
    lower = head.lower_
    if lower in _PRONOUN_ONE:
        return head.text, head.idx, head.idx + len(head), Count(1, 1), True
    if lower in _PRONOUN_MANY:
        return head.text, head.idx, head.idx + len(head), Count(2, None, vague=True), True
    left = head.left_edge.i
    while left > head.sent.start and doc[left - 1].lower_ in COUNT_PREFIX:
        left -= 1
    if (
        head.pos_ == "NUM"
        or head.tag_ == "CD"
        or lower in ("dozens", "hundreds", "scores", "thousands", "one", "nobody", "none", "both")
    ):
        stop = head.i + 1
    else:
        stop = head.i
    span_start = doc[left].idx
    text = text_of(doc)[span_start : doc[stop - 1].idx + len(doc[stop - 1])] if stop > left else ""
    not_counts = [(t.idx, t.idx + len(t)) for t in doc[left:stop] if t.ent_type_ in _NOT_COUNTS]
    matches = [
        m
        for m in find_counts(text, offset=span_start)
        if (m.text.lower() != "another" or _another_is_more(head))
        and not _is_year(m.text)
        and not any(s < m.end and m.start < e for s, e in not_counts)
        and not _age_or_clock(text, m.start - span_start, m.end - span_start)
    ]
    definite = any(t.lower_ in _DEFINITE or t.dep_ == "poss" for t in doc[left : head.i])
    multiple = next((t for t in head.lefts if t.lower_ in _MULTIPLES), None)
    if murder_suicide(head):  # "a murder-suicide": the one murdered and the killer; "a triple ...": four
        first = multiple or next(t for t in head.lefts if t.dep_ == "compound")
        n, end = (_MULTIPLES[multiple.lower_] if multiple is not None else 1) + 1, head.idx + len(head)
        return text_of(doc)[first.idx : end], first.idx, end, Count(n, n), definite
    if multiple is not None and head.lemma_.lower() in _MULTIPLE_NOUNS:
        n, end = _MULTIPLES[multiple.lower_], head.idx + len(head)
        return text_of(doc)[multiple.idx : end], multiple.idx, end, Count(n, n), definite
    members = family_of(head)
    if members is not None:  # "a family of five was found dead": five people
        n, end = members
        return text_of(doc)[head.idx : end], head.idx, end, Count(n, n), definite
    numbers = [m for m in matches if m.text.lower() not in ("a", "an", "one")] or matches
    if numbers:
        best = numbers[-1]
        if len(numbers) > 1 and text_of(doc)[numbers[-2].end : best.start].strip().lower() == "of":
            best = numbers[-2]  # "three of four members of a family were killed": three
        other = next((t for t in head.rights if t.lower_ in ("else", "other")), None)
        if best.count.count_max == 0 and other is not None:  # "No one else was hurt": no more people
            end = other.idx + len(other)
            return text_of(doc)[best.start : end], best.start, end, best.count, definite
        return best.text, best.start, best.end, best.count, definite
    if head.lower_ in ("one", "nobody", "none") and any(t.lower_ == "no" for t in head.lefts):
        start = head.left_edge.idx
        return text_of(doc)[start : head.idx + len(head)], start, head.idx + len(head), Count(0, 0), False
    if head.tag_ in ("NNS", "NNPS"):
        return head.text, head.idx, head.idx + len(head), Count(2, None, vague=True), definite
    name = _name_span(head)
    return name.text, name.start_char, name.end_char, Count(1, 1), definite or head.pos_ == "PROPN"


def _shooter_by_own_hand(head: Token) -> bool:
    """The shooter ("the suspect", "the gunman") dead in a sentence saying the wound was self-inflicted."""
    if head.lemma_.lower() not in _SHOOTERS:
        return False
    return any(t.lower_ == "inflicted" and any(c.lower_ == "self" for c in t.children) for t in head.sent)


def _another_is_more(head: Token) -> bool:
    """ "another teen was wounded", "left one dead and another injured": one more person; "he shot and killed
    another man" (another than the shooter) and "the death of yet another" are no more people."""
    if any(t.lower_ == "yet" for t in head.subtree):
        return False
    if head.dep_ == "dobj" and head.head.lemma_ in _FINDING:
        return True  # "they discovered another man suffering from gunshot wounds"
    return head.dep_ not in ("dobj", "pobj") or head.head.lemma_ == "leave"


_FINDING = {"find", "discover", "locate"}
"""Verbs whose object is someone found hurt, not the shooter's victim told apart from the shooter."""


_AGE_AFTER = re.compile(r"-[a-z]+-(?:year|month|week|day)", re.IGNORECASE)
_CLOCK = re.compile(r"\d:\d")


def _age_or_clock(text: str, start: int, end: int) -> bool:
    """ "Twenty-one-year-old Izaak Bridges": the first word of a spelled age (the number parser stops before
    its hyphen); "Pause 1:21" (a video playlist's times): the minutes or seconds of a clock."""
    if text[end : end + 1] == "-" and _AGE_AFTER.match(text, end):
        return True
    if text[start - 1 : start] != ":" and text[end : end + 1] != ":":
        return False
    return _CLOCK.match(text, max(start - 2, 0)) is not None or _CLOCK.match(text, end - 1) is not None


def _is_year(text: str) -> bool:
    """ "(January 24, 2016)--One man is dead": a year is never a count of people."""
    return text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100


def _name_span(head: Token) -> Span:
    """A person's name around ``head`` (its compound tokens), or ``head`` alone."""
    doc = head.doc
    if head.ent_type_ == "PERSON":
        for ent in doc.ents:
            if ent.start <= head.i < ent.end:
                return ent
    start = head.i
    if head.pos_ == "PROPN":  # "16-year-old Montana Modlin" (tagged ORG): the first name is a compound
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
            start -= 1
    return doc[start : head.i + 1]


def _victims_span(head: Token) -> Span | None:
    """The words naming who was counted: the head noun with its compound and adjective modifiers."""
    noun = head
    if (
        head.pos_ == "NUM"
        or head.tag_ == "CD"
        or head.lower_ in ("dozens", "hundreds", "scores", "thousands")
    ):
        objects = [
            t for prep in head.children if prep.lower_ == "of" for t in prep.children if t.dep_ == "pobj"
        ]
        if not objects:
            return None
        noun = objects[0]
    if noun.pos_ == "PRON" or noun.lower_ in ELLIPTIC:
        return None
    mods = [
        t
        for t in noun.lefts
        if t.dep_ in ("compound", "amod", "nmod")
        and t.lower_ not in SKIP_MODIFIERS
        and t.ent_type_ not in ("NORP", "GPE", "DATE", "CARDINAL")
        and "-year" not in t.text
    ]
    start = min([t.left_edge.i for t in mods if t.i == t.left_edge.i or t.dep_ == "compound"] + [noun.i])
    while start < noun.i and not noun.doc[start].is_alpha:
        start += 1
    return noun.doc[start : noun.i + 1]


class CasualtyExtractor:
    """The ``rashomon.casualties.v1`` component: ``doc._.casualties`` from the parse."""

    def __init__(
        self, nlp: Language, name: str, *, link_mentions: bool = True, own_forces_side: bool = True
    ) -> None:
        extensions.register()
        self.name = name
        self.link_mentions = link_mentions
        self.own_forces_side = own_forces_side

    def __call__(self, doc: Doc) -> Doc:
        with holding_text(doc):  # one copy of doc.text for the slices below (spaCy rebuilds it per access)
            self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[CasualtyFigure]:
        """The figures of ``doc``, in text order, without side or claim (pure)."""
        with holding_text(doc):  # the sentence texts below are slices of one copy (held by the caller too)
            chosen: dict[int, tuple[Trigger, Token]] = {}
            tallies: dict[int, bool] = {}
            for trigger in find_triggers(doc):
                if blocked(trigger.token, tallies):
                    continue
                for head in victim_heads(trigger):
                    held = chosen.get(head.i)
                    if held is None or _KIND_RANK[trigger.kind] > _KIND_RANK[held[0].kind]:
                        chosen[head.i] = (trigger, head)
            figures = [self._figure(trigger, head) for trigger, head in chosen.values()]
            figures.sort(key=lambda f: f.start)
            mark_background(doc, figures)
        return figures

    def _figure(self, trigger: Trigger, head: Token) -> CasualtyFigure:
        value, start, end, count, _definite = _count_of(head)
        name = _apposed_span(head)
        if name is not None and count.count_min == count.count_max == 1:
            value, start, end = name.text, name.start_char, name.end_char  # "a neighbor, Bettie Jones"
        victims = _victims_span(head)
        sent = head.sent
        said = trigger.token.text
        if trigger.kind == "killed" and _shooter_by_own_hand(head):
            said = SELF_INFLICTED  # "the suspect was found dead from a self-inflicted gunshot wound"
        return CasualtyFigure(
            kind=trigger.kind,
            value_text=value,
            start=start,
            end=end,
            count_min=count.count_min,
            count_max=count.count_max,
            vague=count.vague,
            victims=victims.text if victims is not None else None,
            victims_start=victims.start_char if victims is not None else None,
            victims_end=victims.end_char if victims is not None else None,
            sentence_start=sent.start_char,
            sentence_end=sent.end_char,
            trigger=said,
        )

    def set_annotations(self, doc: Doc, figures: list[CasualtyFigure]) -> None:
        claims: list[Claim] | None = doc._.claims
        actors: list[ActorMention] = doc._.actors or []
        for index, figure in enumerate(figures):
            figure.claim_index = claim_index(figure.start, claims)
            set_side(doc, figure, figures[:index], actors, claims, own_forces_side=self.own_forces_side)
        if self.link_mentions:
            link_same(doc, figures)
        doc._.casualties = figures

def mark_background(doc: Doc, figures: list[CasualtyFigure]) -> None:
    """Flag the figures of sentences about another event (:mod:`rashomon.extract.casualty_background`)."""
    end = lead_end(doc)
    year = lead_year(doc, end)
    text = text_of(doc)
    for figure in figures:
        span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
        if span is not None:
            figure.background = playlist_line(text, figure.start) or is_background(span.sent, end, year)


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
        rest = _count_of(head) if head.i < len(doc) else None
        definite = bool(rest and rest[4]) and not _enumerated(head)
        name = _apposed_name(head) or (figure.value_text if head.pos_ == "PROPN" else None)
        group = _partitive_group(figures, index, head)
        if group is not None:
            figure.same_as = group  # "Two men were shot. One of them died": one of the two
            continue
        if head.lower_ in _PRONOUN_ONE:
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
        mine = _head_gender(head, figure)
        for earlier_index in range(index - 1, -1, -1):
            earlier = figures[earlier_index]
            if earlier.count_min == 0 or not _may_be_same(head, figure, earlier, mine):
                continue
            if name is not None:
                if _same_name(earlier.value_text, name) or _same_name(earlier.victims or "", name):
                    figure.same_as = earlier_index
                    break
                continue  # a name is another person than an earlier figure with another name
            if definite and earlier.count_min == figure.count_min and earlier.count_max == figure.count_max:
                figure.same_as = earlier_index
                break


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


def _may_be_same(head: Token, figure: CasualtyFigure, earlier: CasualtyFigure, mine: str | None) -> bool:
    """Whether ``earlier`` may count the person ``head`` re-mentions (``mine``: the gender of ``head``):
    "he" is not "the girl"; in one sentence "the other man" is not the man before, nor "his son" the
    father ("A father was killed and his son was shot": two nouns of one sentence, two people)."""
    if mine and not _agrees(head, figure, earlier, mine):
        return False
    if earlier.kind == "killed" and (figure.trigger or "").lower() in LIVING_TRIGGERS:
        return False  # "The father was killed ... The 4-year-old was listed in serious condition"
    if earlier.sentence_start != figure.sentence_start or head.pos_ not in ("NOUN", "PROPN"):
        return True
    if any(t.lower_ in _OTHER for t in head.lefts):
        return False
    noun = (earlier.victims or "").lower().split()[-1:]
    return not noun or head.lemma_.lower() in _ANY_VICTIM or noun[0] in (head.lower_, head.lemma_.lower())


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
    for earlier_index in range(index - 1, -1, -1):
        earlier = figures[earlier_index]
        noun = (earlier.victims or "").lower().split()[-1:]
        if earlier.count_min and noun and noun[0] in words:
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
            return earlier_index
    return None


def _enumerated(head: Token) -> bool:
    """ "killing his five young children as well as his wife": a conjoined victim is one more person, not
    a re-mention, however definite ("his wife")."""
    return head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN", "NUM")


def _apposed_name(head: Token) -> str | None:
    """ "her 18-year-old son, Khai Hebron, was shot": the name in apposition is who the phrase names."""
    span = _apposed_span(head)
    return span.text if span is not None else None


def _apposed_span(head: Token) -> Span | None:
    for child in head.rights:
        if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or _is_named_person(child)):
            for ent in head.doc.ents:
                if ent.start <= child.i < ent.end:
                    return ent
            return _name_span(child)
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


def figures_of(doc: Doc) -> Iterable[CasualtyFigure]:
    """``doc._.casualties`` or an empty list when the component did not run."""
    return doc._.casualties or []


@Language.factory(
    FACTORY,
    default_config={"link_mentions": True, "own_forces_side": True},
    assigns=["doc._.casualties"],
)
def make_casualty_extractor(
    nlp: Language, name: str, link_mentions: bool, own_forces_side: bool
) -> CasualtyExtractor:
    return CasualtyExtractor(nlp, name, link_mentions=link_mentions, own_forces_side=own_forces_side)
