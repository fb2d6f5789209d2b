"""Claimants resolved to antecedents and actors: "he said", "it added", "the ministry said".

A pronoun or bare definite claimant is resolved to the most recent compatible claimant or entity of the last
few sentences: the claim keeps the claimant as written and its offsets, and records the antecedent in
``resolved_from`` (and its actor in ``claimant_actor``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from rashomon.extract import attribution_lexicon as lex
from rashomon.extract.actor_kb import load_kb
from rashomon.extract.claim_spans import sentence_units, subtree_span, text_of
from rashomon.records import ActorMention, Claim


def actor_within(actors: list[ActorMention], start: int, end: int) -> ActorMention | None:
    """The longest actor mention inside ``[start, end)``, preferring one mapped to an actor."""
    inside = [a for a in actors if start <= a.start and a.end <= end]
    if not inside:
        return None
    return max(inside, key=lambda a: (a.actor_id is not None, a.end - a.start, -a.start))


def _needs_antecedent(span: Span) -> bool:
    """A pronoun, or a bare definite description such as "the ministry" or "the source"."""
    words = [t for t in span if not t.is_punct]
    if len(words) == 1 and words[0].lower_ in lex.RESOLVABLE_PRONOUNS:
        return True
    return (1 < len(words) <= 3 and words[0].lower_ == "the" and not any(t.pos_ == "PROPN" for t in words)
            and all(t.pos_ in ("NOUN", "ADJ") for t in words[1:]))


def _head(span: Span) -> Token:
    return span.root


def _compatible(pronoun: Span, candidate: Span) -> bool:
    word = pronoun.text.lower()
    head = _head(candidate)
    if word not in lex.RESOLVABLE_PRONOUNS:
        return head.lemma_.lower() == _head(pronoun).lemma_.lower() and len(candidate) > len(pronoun)
    if head.lower_ in lex.RESOLVABLE_PRONOUNS or head.tag_ in ("WP", "WDT", "PRP"):
        return False
    personal = head.ent_type_ == "PERSON" or head.lemma_.lower() in lex.PERSON_TITLES or (
        head.pos_ == "PROPN" and not head.ent_type_ and sum(t.pos_ == "PROPN" for t in candidate) >= 2)
    plural = head.tag_ in ("NNS", "NNPS")
    if word in lex.PERSON_PRONOUNS:
        return personal and not plural
    if word in lex.THING_PRONOUNS:
        return not personal and not plural
    return plural or not personal


def _subjects(doc: Doc, start: int, end: int) -> list[Span]:
    """Noun-phrase subjects (not pronouns) between character offsets ``start`` and ``end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [subtree_span(t) for t in span if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"]


def antecedent_tiers(doc: Doc, claim: Claim, span: Span, claimants: list[Span],
                     window: int) -> list[list[Span]]:
    """Antecedent candidates by preference, latest first in each tier: subjects and claimants earlier in the
    same sentence (outside what the claim says), earlier claimants, earlier subjects, named entities."""
    unit = next(u for u in sentence_units(doc) if u.start <= span.start < u.end)
    content = (claim.content_start or 0, claim.content_end or 0)

    def before(spans: list[Span], lo: int) -> list[Span]:
        kept = [s for s in spans if lo <= s.start_char and s.end_char <= span.start_char
                and not (content[0] <= s.start_char < content[1])]
        return sorted(kept, key=lambda s: s.start_char, reverse=True)

    ents = [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]
    return [before(_subjects(doc, unit.start_char, span.start_char) + claimants, unit.start_char),
            before(claimants, window), before(_subjects(doc, window, span.start_char), window),
            before(ents, window)]


def resolve_claimants(doc: Doc, claims: list[Claim], actors: list[ActorMention] | None) -> None:
    """Fill ``resolved_from`` (and the actor) of pronoun and bare definite claimants from antecedents."""
    sents = list(doc.sents)
    claimants: list[Span] = []
    previous: Claim | None = None
    for claim in claims:
        if claim.claimant_start is None or claim.claimant_end is None:
            _resolve_impersonal(doc, claim, previous)
            continue
        previous = claim
        span = doc.char_span(claim.claimant_start, claim.claimant_end)
        if span is None:
            continue
        if _needs_antecedent(span):
            index = next(i for i, s in enumerate(sents) if s.start_char <= span.start_char < s.end_char)
            window = sents[max(0, index - lex.RESOLVE_WINDOW_SENTENCES)].start_char
            tiers = antecedent_tiers(doc, claim, span, claimants, window)
            found = next((c for tier in tiers for c in tier if _compatible(span, c)), None)
            if found is not None:
                claim.resolved_from = found.text
                _link_actor(claim, actors, found.start_char, found.end_char)
                continue
        claimants.append(span)
        _link_actor(claim, actors, span.start_char, span.end_char)


def _resolve_impersonal(doc: Doc, claim: Claim, previous: Claim | None) -> None:
    """ "Baku claims to have ... . It is claimed that ...": an agentless claim right after an attributed one
    in the same paragraph continues it; the claimant stays ``None``, ``resolved_from`` names the speaker."""
    if previous is None or previous.claimant_start is None:
        return
    if "\n\n" in text_of(doc)[previous.end: claim.start]:
        return
    if claim.start - previous.end > 400:
        return
    claim.resolved_from = previous.resolved_from or previous.claimant
    claim.claimant_actor, claim.claimant_actor_id = previous.claimant_actor, previous.claimant_actor_id


def _link_actor(claim: Claim, actors: list[ActorMention] | None, start: int, end: int) -> None:
    """The claimant's actor: the actor mention inside the claimant span, else (when the actor component ran but
    tagged nothing there, as in a headline "Azerbaijan Claims ...") the knowledge base's reading of the claimant
    as written, which names an actor only for unambiguous labels."""
    if actors is None:
        return
    mention = actor_within(actors, start, end)
    if mention is not None:
        claim.claimant_actor = mention.actor_name
        claim.claimant_actor_id = mention.actor_id
    elif claim.claimant is not None:
        actor = load_kb().lookup(claim.claimant)
        if actor is not None:
            claim.claimant_actor, claim.claimant_actor_id = actor.name, actor.id
