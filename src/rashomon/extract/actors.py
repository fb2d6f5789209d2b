"""Actor labels in the text, mapped to the actor knowledge base: the component ``rashomon.actors.v1``.

Factory ``rashomon_actors_v1`` (spaCy forbids dots in factory names). It writes ``doc._.actors``: one
:class:`~rashomon.records.ActorMention` per actor label, each kept *as written* with its character offsets,
because the framing comparison shows how outlets name the same actor ("local militias",
"illegal Armenian armed elements", "irregular forces" all resolve to the Artsakh Defense Army).

Three matchers find labels, in order of trust (a later one never overlaps an earlier one):

1. **names** -- every listed alias of the knowledge base (case-insensitive; acronyms case-sensitive);
2. **generic labels** -- a label noun ("militias", "forces", "ministry", "police") with its left modifiers
   ("Nagorno-Karabakh", "illegal Armenian armed", "Russia's peacekeeping") and an ``of``-tail
   ("Ministry of Defense of Armenia"), resolved by :meth:`ActorKB.resolve` against the document context;
3. **metonymy** -- a capital or country name in an actor's role (subject, object, possessor, agent:
   "Baku has said", "accused Baku", "Baku's control"), not a place ("in Baku", "part of Azerbaijan");
4. unmatched ``ORG`` entities of the NER, kept with ``actor_id=None`` and ``via='ner'``.

The document context is the conflict whose trigger names occur most (``Nagorno-Karabakh`` ...) and the
country most named by ``doc._.places`` (``rashomon.places.v1``, when it ran before) or else by the
country names and demonyms in the text. :func:`actor_patterns` gives EntityRuler patterns for the names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.attrs import LEMMA, LOWER, TAG
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from rashomon.extract import extensions
from rashomon.extract.actor_kb import ActorKB, Resolution, load_kb
from rashomon.records import ActorMention

FACTORY = "rashomon_actors_v1"
"""The registered factory name: ``rashomon.actors.v1`` spelt as spaCy allows."""

_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "case", "npadvmod", "advmod"})
_NON_ACTOR_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "to",
        "from",
        "into",
        "outside",
        "inside",
        "around",
        "across",
        "toward",
        "towards",
        "via",
        "through",
        "within",
        "throughout",
        "of",
        "off",
        "over",
        "beyond",
        "along",
        "out",
        "onto",
        "past",
        "for",
    }
)
_ACTOR_DEPS = frozenset(
    {"nsubj", "nsubjpass", "poss", "dobj", "pobj", "conj", "appos", "ROOT", "attr", "dative"}
)
_OF_TAIL_HEADS = frozenset(
    {"ministry", "forces", "force", "government", "army", "military", "police", "authorities", "navy"}
)
_MAX_MODIFIERS = 6
_PLURAL_TAGS = frozenset(get_string_id(tag) for tag in ("NNS", "NNPS"))
"""Plural noun tags (string ids): such a noun is a label noun when its lemma is a head word ("militias")."""
_LEADING_QUANTIFIERS = frozenset({"other", "some", "several", "least", "more", "many", "few", "both", "all"})


def actor_patterns() -> list[dict[str, str]]:
    """EntityRuler patterns (label ORG, ``id`` the actor id) for every capitalised name in the KB,
    and NORP patterns for the demonyms, for a ruler placed before ``ner``."""
    kb = load_kb()
    patterns = [
        {"label": "ORG", "pattern": alias, "id": actor.id}
        for alias, actor in kb.iter_aliases()
        if (alias[:1].isupper() and " " in alias) or alias.isupper()
    ]
    seen = {p["pattern"] for p in patterns}
    for demonym in sorted({d for d in kb.demonyms if d.replace(" ", "").isalpha()}):
        surface = " ".join(word.capitalize() for word in demonym.split())
        if surface not in seen:
            patterns.append({"label": "NORP", "pattern": surface})
    return patterns


class ActorRecognizer:
    """Finds actor labels and resolves them; see the module docstring."""

    def __init__(
        self, nlp: Language, name: str, *, keep_unresolved: bool = True, ner_orgs: bool = True
    ) -> None:
        extensions.register()
        self.name = name
        self.kb: ActorKB = load_kb()
        self.keep_unresolved = keep_unresolved
        self.ner_orgs = ner_orgs
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.metonyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.triggers = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._head_ids: tuple[frozenset[str] | None, frozenset[int]] = (None, frozenset())
        self._build_matchers(nlp)

    def _build_matchers(self, nlp: Language) -> None:
        make = nlp.make_doc
        self.names.add(
            "NAME", [make(alias) for alias, _ in self.kb.iter_aliases() if alias not in self.kb.acronyms]
        )
        self.acronyms.add("NAME", [make(alias) for alias in self.kb.acronyms])
        surfaces = set(self.kb.capitals) | {n.title() for n in self.kb.country_names if n.isascii()}
        surfaces |= _country_surfaces(self.kb)
        self.metonyms.add("PLACE", [make(s) for s in sorted(surfaces)])
        for conflict in self.kb.conflicts:
            self.triggers.add(conflict.id, [make(t) for t in conflict.triggers])

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    # -- matching -----------------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[ActorMention]:
        """Every actor label of the document, in text order."""
        conflict, country = self.context(doc)
        taken: set[int] = set()
        mentions: list[ActorMention] = []
        for span, resolution in self._candidates(doc, conflict, country):
            if any(i in taken for i in range(span.start, span.end)):
                continue
            if resolution.actor is None and not self.keep_unresolved:
                continue
            taken.update(range(span.start, span.end))
            mentions.append(_mention(span, resolution))
        return sorted(mentions, key=lambda m: m.start)

    def _candidates(
        self, doc: Doc, conflict: str | None, country: str | None
    ) -> Iterable[tuple[Span, Resolution]]:
        for span in self._name_spans(doc):
            yield span, self.kb.resolve(span.text)
        for span in self._label_spans(doc):
            resolution = self.kb.resolve(span.text, context_country=country, context_conflict=conflict)
            if resolution.kind is not None or resolution.actor is not None:
                yield span, resolution
        for span in self._metonym_spans(doc):
            resolution = self.kb.resolve(span.text)
            if resolution.actor is not None:
                yield span, resolution
        if self.ner_orgs:
            places = {(p.start, p.end) for p in doc._.places or []}
            for ent in doc.ents:
                if (
                    ent.label_ == "ORG"
                    and (ent.start_char, ent.end_char) not in places
                    and not self.triggers(ent)  # a Span: matched in place, no Doc copy
                ):
                    yield ent, Resolution(None, "ner")

    def _name_spans(self, doc: Doc) -> list[Span]:
        spans = [doc[s:e] for _, s, e in self.names(doc)] + [doc[s:e] for _, s, e in self.acronyms(doc)]
        return sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))

    def _label_spans(self, doc: Doc) -> Iterable[Span]:
        """Labels around every label noun: a token whose lower case is a head word, or a plural noun whose
        lemma is (compared as string ids from one array: no Token per word)."""
        heads = self.kb.head_words
        if self._head_ids[0] is not heads:
            self._head_ids = (heads, frozenset(get_string_id(word) for word in heads))
        head_ids, strings = self._head_ids[1], doc.vocab.strings
        rows = doc.to_array([LOWER, TAG, LEMMA]).tolist() if len(doc) else []
        for i, (lower, tag, lemma) in enumerate(rows):
            if lower in head_ids or (tag in _PLURAL_TAGS and strings[lemma].lower() in heads):
                span = self.label_span(doc[i])
                if span is not None:
                    yield span

    def label_span(self, head: Token) -> Span | None:
        """The label around a label noun: its left modifiers and an ``of``-tail, without determiners.

        ``None`` when the noun only modifies another ("a military operation").
        """
        if head.dep_ == "amod" or head.pos_ == "ADJ":
            return None
        doc = head.doc
        start = head.i
        for child in reversed(list(head.lefts)):
            left = child.left_edge.i
            for k in range(left, child.i):  # a line break ends a label: "Read more\nRussia's force"
                if "\n" in doc[k].text_with_ws:
                    left = k + 1
            if child.right_edge.i != start - 1 or head.i - left > _MAX_MODIFIERS:
                break
            if not (child.dep_ in _MODIFIER_DEPS or _is_joining_hyphen(child)) or _has_symbol(
                doc[left:start]
            ):
                break
            start = left
        end = _of_tail_end(head, head.i + 1) if head.lower_ in _OF_TAIL_HEADS else head.i + 1
        while start < head.i and (
            doc[start].pos_ in ("DET", "NUM", "ADP", "PUNCT", "CCONJ", "PART")
            or doc[start].lower_ in _LEADING_QUANTIFIERS
        ):
            start += 1
        return doc[start:end]

    def _metonym_spans(self, doc: Doc) -> Iterable[Span]:
        for _, s, e in self.metonyms(doc):
            span = doc[s:e]
            if _in_actor_role(span.root) and not _inside_longer_entity(span):
                yield span

    # -- context ------------------------------------------------------------------------------------
    def context(self, doc: Doc) -> tuple[str | None, str | None]:
        """(dominant conflict id, context country) of a document."""
        hits = Counter(doc.vocab.strings[m] for m, _, _ in self.triggers(doc))
        conflict_id = hits.most_common(1)[0][0] if hits else None
        conflict = self.kb.conflict(conflict_id)
        if conflict is not None:
            return conflict.id, conflict.country_code
        return None, self._context_country(doc)

    def _context_country(self, doc: Doc) -> str | None:
        places: list[str] = [p.country_code for p in (doc._.places or []) if p.country_code]
        if places:
            return Counter(places).most_common(1)[0][0]
        named = [cc for _, s, e in self.metonyms(doc) if (cc := self.kb.country_of(doc[s:e].text))]
        named += [cc for t in doc if t.pos_ in ("ADJ", "PROPN") and (cc := self.kb.demonyms.get(t.lower_))]
        return Counter(named).most_common(1)[0][0] if named else None

    def set_annotations(self, doc: Doc, mentions: list[ActorMention]) -> None:
        doc._.actors = mentions


def _country_surfaces(kb: ActorKB) -> set[str]:
    """Country names as written in running text (title case, with lower-case function words)."""
    small = {"of", "the", "and"}
    return {
        " ".join(w if w in small else w[:1].upper() + w[1:] for w in name.split())
        for name in kb.country_names
        if name.replace(" ", "").replace("-", "").isalpha()
    }


def _has_symbol(tokens: Span) -> bool:
    """Whether modifier tokens hold a symbol, a line break or punctuation other than a joining hyphen."""
    return any(
        "\n" in t.text_with_ws
        or (
            not any(ch.isalnum() for ch in t.text)
            and not _is_joining_hyphen(t)
            and t.text not in ("'", "’", "'s", "’s")
        )
        for t in tokens
    )


def _is_joining_hyphen(token: Token) -> bool:
    return (
        token.text in ("-", "–")
        and not token.whitespace_
        and token.i > 0
        and not token.doc[token.i - 1].whitespace_
    )


def _of_tail_end(head: Token, end: int) -> int:
    """Extend over ``of Defense``, ``of Azerbaijan``, ``of Defense of Armenia`` (capitalised objects only)."""
    doc = head.doc
    for _ in range(2):
        if end + 1 < len(doc) and doc[end].lower_ == "of":
            nxt = end + 1 + (doc[end + 1].lower_ == "the")
            if nxt < len(doc) and doc[nxt].text[:1].isupper() and doc[nxt].pos_ in ("PROPN", "NOUN", "ADJ"):
                stop = nxt + 1
                while (
                    stop < len(doc)
                    and doc[stop].text[:1].isupper()
                    and doc[stop].pos_ == "PROPN"
                    and stop - nxt < 4
                ):
                    stop += 1
                end = stop
                continue
        break
    return end


def _in_actor_role(root: Token) -> bool:
    """A place name standing for its government: an agent, subject, object or possessor, not a location."""
    if root.dep_ == "pobj":
        return root.head.lower_ not in _NON_ACTOR_PREPS
    if root.dep_ == "conj" and root.head.i < root.i:
        return _in_actor_role(root.head)
    return root.dep_ in _ACTOR_DEPS


def _inside_longer_entity(span: Span) -> bool:
    """Whether the name is part of a longer named entity ("Washington Post", "George Washington")."""
    for token in span:
        if token.ent_type_ and token.ent_type_ not in ("GPE", "LOC", "NORP"):
            ent = next((e for e in span.doc.ents if e.start <= token.i < e.end), None)
            if ent is not None and (ent.start < span.start or ent.end > span.end):
                return True
    return False


def _mention(span: Span, resolution: Resolution) -> ActorMention:
    actor = resolution.actor
    return ActorMention(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        actor_id=actor.id if actor else None,
        actor_name=actor.name if actor else None,
        actor_type=actor.type if actor else None,
        country_code=actor.country_code if actor else None,
        via=resolution.via,
    )


@Language.factory(
    FACTORY,
    default_config={"keep_unresolved": True, "ner_orgs": True},
    assigns=["doc._.actors"],
)
def make_actor_recognizer(nlp: Language, name: str, keep_unresolved: bool, ner_orgs: bool) -> ActorRecognizer:
    return ActorRecognizer(nlp, name, keep_unresolved=keep_unresolved, ner_orgs=ner_orgs)
