"""The Doc extensions Rashomon's spaCy components read and write, declared in one place.

Call :func:`register` once before building a pipeline (``rashomon.extract.pipeline`` does). Values are
the records of :mod:`rashomon.records`, whose offsets are character offsets into ``doc.text``.

| extension | type | written by |
| --- | --- | --- |
| ``doc._.article_id`` | ``str | None`` | the caller (``nlp.pipe(..., as_tuples=True)`` context) |
| ``doc._.published_at`` | ``str | None`` (ISO 8601) | the caller |
| ``doc._.places`` | ``list[Place]`` | ``rashomon.places.v1`` |
| ``doc._.times`` | ``list[TimeExpr]`` | ``rashomon.dates.v1`` |
| ``doc._.actors`` | ``list[ActorMention]`` | ``rashomon.actors.v1`` |
| ``doc._.claims`` | ``list[Claim]`` | ``rashomon.claims.v1`` |
| ``doc._.casualties`` | ``list[CasualtyFigure]`` | ``rashomon.casualties.v1`` |
| ``doc._.events`` | ``list[EventMention]`` | ``rashomon.events.v1`` |
| ``doc._.analysis`` | ``dict`` (``ArticleAnalysis`` JSON) | ``rashomon_analysis_v1`` (``extract.analyze``) |
"""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT_KEY = "rashomon.doc_text"
"""Where :func:`doc_text` keeps a Doc's joined text: in the Doc's own ``user_data``, so it lives and dies with it."""


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc for all components (spaCy joins the tokens on every access; a
    Doc's text never changes once it is tokenised)."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


_LIST_EXTENSIONS = ("places", "times", "actors", "claims", "casualties", "events")
_SCALAR_EXTENSIONS = ("article_id", "published_at", "analysis")


def register() -> None:
    """Declare the extensions (idempotent). List values default to ``None``; components set a new list."""
    for name in _SCALAR_EXTENSIONS + _LIST_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
