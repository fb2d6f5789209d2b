"""``rashomon_line_breaks_v1``: a line break ends a sentence.

Runs before the parser, which keeps preset boundaries, so a headline, a dateline or a "Read more" line without
final punctuation is not parsed into the next sentence. Every Rashomon pipeline and scorer adds it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

LINE_BREAKS = "rashomon_line_breaks_v1"


@Language.component(LINE_BREAKS, assigns=["token.is_sent_start"])
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after every whitespace token that holds a newline."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc
