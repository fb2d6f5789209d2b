"""``rashomon_line_breaks_v1``: a line break ends a sentence.

Runs before the parser, which keeps preset boundaries, so a headline, a dateline or a "Read more" line without
final punctuation is not parsed into the next sentence. Every Rashomon pipeline and scorer adds it.
"""

from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

LINE_BREAKS = "rashomon_line_breaks_v1"


@Language.component(LINE_BREAKS, assigns=["token.is_sent_start"])
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after every whitespace token that holds a newline (whitespace
    tokens found from one array: no Token per word)."""
    spaces: list[int] = doc.to_array(IS_SPACE).tolist() if len(doc) else []
    for i in range(1, len(spaces)):
        if spaces[i - 1] and not spaces[i] and "\n" in doc[i - 1].text:
            doc[i].is_sent_start = True
    return doc
