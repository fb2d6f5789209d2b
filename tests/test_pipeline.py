"""The analysis pipeline: components present, in order, with the context copied onto each Doc."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.extract.pipeline import COMPONENTS, CONTEXT_FACTORY, RULER_NAME


@pytest.mark.slow
def test_pipeline_has_every_component_in_order(nlp: Language) -> None:
    names = nlp.pipe_names
    present = [name for name, _, _ in COMPONENTS if name in names]
    assert present == [name for name, _, _ in COMPONENTS]  # all there, in the documented order
    assert names[0] == CONTEXT_FACTORY
    assert names.index(RULER_NAME) < names.index("ner") < names.index("rashomon.places.v1")


@pytest.mark.slow
def test_pipeline_context_reaches_the_doc(nlp: Language) -> None:
    [(doc, context)] = list(
        nlp.pipe(
            [
                (
                    "Baku said two soldiers were killed on Monday.",
                    {"article_id": "abc", "published_at": "2022-08-03"},
                )
            ],
            as_tuples=True,
        )
    )
    assert context["article_id"] == "abc"
    assert (doc._.article_id, doc._.published_at) == ("abc", "2022-08-03")
    assert any(m.text == "Baku" for m in doc._.actors)


@pytest.mark.slow
def test_pipeline_entity_ruler_tags_kb_names(nlp: Language) -> None:
    doc = nlp("A spokesperson for the Artsakh Defense Army spoke to reporters.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "ORG"] == [("Artsakh Defense Army", "ORG")]
