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
:mod:`rashomon.extract.casualty_victims`, how many :mod:`rashomon.extract.casualty_heads`, which figures count the
same people :mod:`rashomon.extract.casualty_links`, on whose side :mod:`rashomon.extract.casualty_sides`, other
events' figures :mod:`rashomon.extract.casualty_background`, and the article's count per kind
:mod:`rashomon.extract.casualty_counts`.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from rashomon.extract import extensions
from rashomon.extract.casualty_background import is_background, lead_end, lead_year, playlist_line
from rashomon.extract.casualty_blocks import blocked
from rashomon.extract.casualty_counts import SELF_INFLICTED, article_counts
from rashomon.extract.casualty_heads import count_of
from rashomon.extract.casualty_lexicon import ELLIPTIC, SKIP_MODIFIERS
from rashomon.extract.casualty_links import apposed_span, link_same
from rashomon.extract.casualty_rules import Trigger, find_triggers
from rashomon.extract.casualty_same_dead import names_an_animal
from rashomon.extract.casualty_sides import claim_index, set_side
from rashomon.extract.casualty_victims import victim_heads
from rashomon.extract.claim_spans import holding_text, text_of
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

_SHOOTERS = {"suspect", "gunman", "shooter", "attacker", "assailant"}
_KIND_RANK: dict[str, int] = {
    "killed": 5,
    "killed_or_injured": 4,
    "injured": 3,
    "missing": 2,
    "captured": 1,
    "arrested": 0,
}


def _shooter_by_own_hand(head: Token) -> bool:
    """The shooter ("the suspect", "the gunman") dead in a sentence saying the wound was self-inflicted."""
    if head.lemma_.lower() not in _SHOOTERS:
        return False
    return any(t.lower_ == "inflicted" and any(c.lower_ == "self" for c in t.children) for t in head.sent)


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
                    if trigger.kind == "injured" and names_an_animal(head):
                        continue  # "injuring one of the family dogs"
                    held = chosen.get(head.i)
                    if held is None or _KIND_RANK[trigger.kind] > _KIND_RANK[held[0].kind]:
                        chosen[head.i] = (trigger, head)
            figures = [self._figure(trigger, head) for trigger, head in chosen.values()]
            figures.sort(key=lambda f: f.start)
            mark_background(doc, figures)
        return figures

    def _figure(self, trigger: Trigger, head: Token) -> CasualtyFigure:
        value, start, end, count, _definite = count_of(head)
        name = apposed_span(head)
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
            _link_apart_from_lists(doc, figures)
        doc._.casualties = figures

def _link_apart_from_lists(doc: Doc, figures: list[CasualtyFigure]) -> None:
    """:func:`link_same`, no figure pointing back at one of a list of other stories' links or videos ("+ Man who
    was shot by police identified" ... "The bullet struck her friend": the friend is no man of the list)."""
    text = text_of(doc)
    kept = [i for i, f in enumerate(figures) if not (f.background and playlist_line(text, f.start))]
    if len(kept) == len(figures):
        link_same(doc, figures)
        return
    rest = [figures[i] for i in kept]
    link_same(doc, rest)
    for figure in rest:
        if figure.same_as is not None:
            figure.same_as = kept[figure.same_as]


def mark_background(doc: Doc, figures: list[CasualtyFigure]) -> None:
    """Flag the figures of sentences about another event (:mod:`rashomon.extract.casualty_background`)."""
    end = lead_end(doc)
    year = lead_year(doc, end)
    text = text_of(doc)
    for figure in figures:
        span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
        if span is not None:
            figure.background = playlist_line(text, figure.start) or is_background(span.sent, end, year)


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
