"""A learned lexicon for cue verbs outside :mod:`rashomon.extract.attribution_lexicon`.

PolNeAR's missed cues are a long tail of verbs ("encouraged", "look to", "push for", "decide to"): no list
covers them. This module decides, for a verb outside the lexicon that has a subject and a complement, whether it
is a cue, with a logistic regression over the word vector of the verb's lemma (``en_core_web_md``'s static
vectors, read from the host pipeline's vocabulary) and the verb's frame: its complements (a ``that`` clause, an
infinitive, an object, a preposition), its subject (a person or organisation, a pronoun, a common noun), its
tense and where it hangs in the sentence. Trained on PolNeAR *train* (``scripts/train_cue_verbs.py``: positive
= the verb lies inside a gold cue; negative = the same frames outside one); the weights ship in
``rashomon/data/cue_verbs.json``, no download. The cues it gives are *tentative* (``Attribution.learned``):
they yield to the trained tagger where both fire.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.symbols import VERB
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from rashomon.errors import Errors, ExtractError
from rashomon.extract import attribution_lexicon as lex
from rashomon.extract.attributions import (
    Attribution,
    content_of,
    cue_span,
    subject_of,
    widened_cue,
)
from rashomon.extract.claim_spans import clipped, clipped_chars, source_span

WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "cue_verbs.json"
"""The shipped weights (vector weights, frame weights, bias, threshold)."""

PREPOSITIONS: tuple[str, ...] = ("on", "about", "for", "to", "with", "against", "as", "at", "over", "into", "in")
"""Prepositions after the verb that get a frame feature of their own ("look to", "push for", "weigh in on")."""

COMPLEMENT_PREPOSITIONS = frozenset({"on", "about", "for", "against", "as", "of", "to", "with", "over"})
"""Prepositions that can introduce what a verb outside the lexicon attributes ("look to", "push for", "weigh in
on", "side with"); a candidate needs one of them or a clause (an object alone is an action)."""

TAGS: tuple[str, ...] = ("VBD", "VBZ", "VBP", "VB", "VBG", "VBN")
DEPS: tuple[str, ...] = ("ROOT", "conj", "advcl", "xcomp", "ccomp", "relcl")
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it"})
PEOPLE = frozenset({"PERSON", "NORP"})
GROUPS = frozenset({"ORG", "GPE"})

FRAME_NAMES: tuple[str, ...] = (
    "ccomp", "ccomp_that", "xcomp_to", "xcomp_ing", "dobj", "prt", "dative", "oprd", "neg", "modal",
    *(f"prep_{p}" for p in PREPOSITIONS), "prep_other",
    "subj_pronoun", "subj_person", "subj_group", "subj_propn", "subj_noun",
    *(f"tag_{t}" for t in TAGS), *(f"dep_{d}" for d in DEPS), "dep_other",
)
"""The frame features, in the order of the shipped frame weights."""
_INDEX = {name: k for k, name in enumerate(FRAME_NAMES)}


def active(verb: Token, subject: Token) -> list[str]:
    """The names of the frame features (:data:`FRAME_NAMES`) that hold for ``verb`` with ``subject``."""
    found: list[str] = []
    for child in verb.children:
        dep = child.dep_
        if dep == "ccomp":
            found.append("ccomp")
            if any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
                found.append("ccomp_that")
        elif dep == "xcomp" and child.tag_ in ("VB", "VBG"):
            found.append("xcomp_to" if child.tag_ == "VB" else "xcomp_ing")
        elif dep in _PLAIN_DEPS:
            found.append(dep)
        elif dep == "aux" and child.tag_ == "MD":
            found.append("modal")
        elif dep == "prep" and child.i > verb.i:
            found.append(f"prep_{child.lower_}" if child.lower_ in PREPOSITIONS else "prep_other")
    if subject.lower_ in PRONOUNS:
        found.append("subj_pronoun")
    kind = subject.ent_type_
    if kind in PEOPLE or kind in GROUPS:
        found.append("subj_person" if kind in PEOPLE else "subj_group")
    if subject.pos_ in ("PROPN", "NOUN"):
        found.append("subj_propn" if subject.pos_ == "PROPN" else "subj_noun")
    if verb.tag_ in TAGS:
        found.append(f"tag_{verb.tag_}")
    found.append(f"dep_{verb.dep_}" if verb.dep_ in DEPS else "dep_other")
    return found


_PLAIN_DEPS = frozenset({"dobj", "prt", "dative", "oprd", "neg"})


def frame(verb: Token, subject: Token) -> np.ndarray:
    """The frame features of ``verb`` with ``subject`` (0/1, :data:`FRAME_NAMES` order)."""
    values = np.zeros(len(FRAME_NAMES), dtype=np.float32)
    for name in set(active(verb, subject)):
        values[_INDEX[name]] = 1.0
    return values


def lemma_vector(vocab: Vocab, lemma: str) -> np.ndarray:
    """The unit-length static vector of ``lemma`` in ``vocab`` (zeros when it has none)."""
    vectors = vocab.vectors
    if vectors.shape[0] == 0 or lemma not in vectors:
        return np.zeros(vectors.shape[1] or 1, dtype=np.float32)
    vector = np.asarray(vectors[lemma], dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


SMOOTHING = 5.0
"""Pseudo-counts at the train prior behind a lemma's rate (:func:`lemma_rate`)."""


def lemma_rate(counts: tuple[int, int] | None, prior: float) -> np.ndarray:
    """How much more (log-odds) than the prior the lemma's candidates lay inside gold cues in train, smoothed
    with :data:`SMOOTHING` pseudo-counts, and how often it was seen (log(1 + n)): zeros for an unseen lemma,
    whose vector alone speaks for it."""
    seen, inside = counts or (0, 0)
    rate = (inside + SMOOTHING * prior) / (seen + SMOOTHING)
    shift = np.log(rate / (1.0 - rate)) - np.log(prior / (1.0 - prior))
    return np.asarray([shift, np.log1p(seen)], dtype=np.float32)


@dataclass(frozen=True, eq=False)
class CueVerbModel:
    """Logistic regression weights: ``vector`` (one per vector dimension), ``rate`` (the two
    :func:`lemma_rate` features, read off ``lemmas``: lemma -> (candidates, inside gold cues) in train at
    ``prior``), ``frame`` (one per :data:`FRAME_NAMES`), ``bias``; a verb is a cue when its probability
    reaches ``threshold``."""

    vector: np.ndarray
    rate: np.ndarray
    frame: np.ndarray
    bias: float
    threshold: float
    lemmas: dict[str, tuple[int, int]]
    prior: float

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> CueVerbModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ExtractError(Errors.X002, reason=f"cue-verb weights at {path}: {error}") from error
        if list(data["frame_names"]) != list(FRAME_NAMES):
            raise ExtractError(Errors.X002, reason=f"cue-verb weights at {path} have other frame features")
        lemmas = {lemma: (int(n), int(k)) for lemma, (n, k) in data["lemmas"].items()}
        return cls(np.asarray(data["vector"], dtype=np.float32), np.asarray(data["rate"], dtype=np.float32),
                   np.asarray(data["frame"], dtype=np.float32), float(data["bias"]), float(data["threshold"]),
                   lemmas, float(data["prior"]))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({
            "frame_names": list(FRAME_NAMES), "bias": round(self.bias, 6), "threshold": round(self.threshold, 4),
            "prior": round(self.prior, 6), "rate": [round(float(w), 6) for w in self.rate],
            "frame": [round(float(w), 6) for w in self.frame], "vector": [round(float(w), 6) for w in self.vector],
            "lemmas": dict(sorted(self.lemmas.items())),
        }), encoding="utf-8")

    def probability(self, verb: Token, subject: Token) -> float:
        weights = _weights(self)
        score = self.bias + _lemma_score(self, verb.vocab, verb.lemma_.lower()) \
            + sum(weights[name] for name in set(active(verb, subject)))
        return 1.0 / (1.0 + math.exp(-score))


@lru_cache(maxsize=4)
def _weights(model: CueVerbModel) -> dict[str, float]:
    return dict(zip(FRAME_NAMES, model.frame.tolist(), strict=True))


@lru_cache(maxsize=8192)
def _lemma_score(model: CueVerbModel, vocab: Vocab, lemma: str) -> float:
    """The lemma's share of the score (vector and train rate), once per lemma."""
    rate = lemma_rate(model.lemmas.get(lemma), model.prior)
    return float(model.vector @ lemma_vector(vocab, lemma)) + float(model.rate @ rate)


@lru_cache(maxsize=1)
def shipped() -> CueVerbModel:
    """The shipped model, loaded once per process."""
    return CueVerbModel.load()


KNOWN: frozenset[str] = (lex.SPEECH_VERBS | frozenset(lex.COMPLEMENT_CUES) | lex.LIGHT_VERBS | lex.HEDGE_VERBS
                         | frozenset({"be", "have", "do"}))
"""Lemmas the lexicon's rules read actively, *seem* / *appear* (the report's impression, no one's claim) and
auxiliaries: the model decides only on the others (*see* is a cue of the rules only as "is seen as")."""


def candidate(verb: Token, unit: Span) -> tuple[Token, Attribution] | None:
    """``verb`` (outside the lexicon, active) with its subject and the attribution it would head: a claimant
    and a complement that :func:`~rashomon.extract.attributions.content_of` takes for content; ``None`` when
    it has neither, whatever the model would say (the training examples)."""
    subject = framed_subject(verb)
    attribution = built(verb, subject, unit) if subject is not None else None
    return (subject, attribution) if subject is not None and attribution is not None else None


def framed_subject(verb: Token) -> Token | None:
    """The subject of ``verb`` when it is active, outside :data:`KNOWN` and has a complement that can hold
    what it attributes; ``None`` otherwise."""
    if verb.pos != VERB or verb.n_rights == 0 or verb.tag_ == "VBN" or verb.lemma_.lower() in KNOWN:
        return None
    complement = False
    for child in verb.children:
        dep = child.dep_
        if dep == "auxpass" or dep == "nsubjpass":
            return None  # passive
        if not complement and dep in _COMPLEMENT_DEPS and child.i > verb.i:
            complement = _complement(child, dep)
    if not complement:
        return None  # an object alone is an action ("She saw the soldiers", "The army seized the heights")
    subject = subject_of(verb)
    if subject is None or subject.tag_ in ("WDT", "WP", "EX") or subject.lower_ == "it":
        return None
    return subject


def built(verb: Token, subject: Token, unit: Span) -> Attribution | None:
    """The attribution ``verb`` heads with ``subject`` in ``unit``: claimant, cue and content."""
    source = clipped(source_span(subject), unit)
    if source is None:
        return None
    cue = cue_span(verb)
    content = content_of(verb, source, cue, unit)
    inside = clipped_chars(content, unit) if content is not None else None
    if inside is None:
        return None
    cue = widened_cue(verb, cue, (source.start_char, source.end_char), inside)
    return Attribution(unit, cue, source, inside, learned=True)


def _complement(token: Token, dep: str) -> bool:
    """Whether ``token`` (a right dependent of the verb) can hold what the verb attributes: a finite clause
    ("noticed *that none of the networks cut away*"), a to-infinitive ("sought *to ease* worries"), or a
    preposition of :data:`COMPLEMENT_PREPOSITIONS` whose object is no time or number. Not a bare or *-ing*
    clause of perception or event ("saw a young man *cross* the street", "a gun battle erupted *involving* ..."),
    nor "woke the couple *about 10:30pm*"."""
    if dep == "ccomp":
        return token.tag_ in _FINITE or any(c.dep_ == "aux" and c.tag_ in _FINITE for c in token.children)
    if dep == "xcomp":
        return token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if dep != "prep" or token.lower_ not in COMPLEMENT_PREPOSITIONS:
        return False
    return any(c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in _MEASURES for c in token.children)


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "prep"})


_MEASURES = frozenset({"TIME", "DATE", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})


def learned_attribution(verb: Token, unit: Span) -> Attribution | None:
    """The attribution ``verb`` heads when it lies outside the lexicon and the shipped model takes it for a
    cue ("Rubio encouraged voters to ...", "Republicans look to ..."); tentative (``Attribution.learned``).
    The claimant and content are read off the parse only once the model has taken the verb."""
    subject = framed_subject(verb)
    model = shipped()
    if subject is None or model.probability(verb, subject) < model.threshold or willed_act(verb):
        return None
    return built(verb, subject, unit)


def willed_act(verb: Token) -> bool:
    """Whether ``verb`` is one of :data:`~rashomon.extract.attribution_lexicon.WILLED_ACTS` with a
    to-infinitive that says nothing itself: "continued to bombard" and "planned to attack the convoy" are acts,
    "tried to say" and "tried to explain that ..." claims."""
    lemma = verb.lemma_.lower()
    if lemma not in lex.WILLED_ACTS and lemma not in lex.INTENT_VERBS:
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() not in lex.BARE_SPEECH_VERBS
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               and not any(g.dep_ == "ccomp" for g in c.children)
               and (lemma in lex.WILLED_ACTS or c.lemma_.lower() in lex.FORCE_ACTS) for c in verb.children)


def willed_cue(cue: Span) -> bool:
    """Whether a cue span holds a :func:`willed_act` verb (the tagger's "sought" of "sought to capture")."""
    return any(willed_act(t) for t in cue if t.pos_ == "VERB")
