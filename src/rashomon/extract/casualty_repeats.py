"""Casualty figures printed twice by one page: a headline glued to its lead, photo captions, a paragraph the
page repeats. :func:`repeated` finds them so :func:`rashomon.extract.casualty_counts.article_counts` counts
their people once (moved out of ``casualty_counts`` as it grew)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rashomon.records import CasualtyFigure


def repeated(figures: Sequence[CasualtyFigure], text: str) -> set[int]:
    """Figures printed again word for word (a headline glued to its lead, photo captions, a paragraph
    repeated by the page): same kind and count as an earlier figure, the same words after them, and the
    words before them in their sentence the same (one may start the sentence later than the other)."""
    if not text:
        return set()
    same: dict[tuple[str, str, int | None, int | None], list[int]] = defaultdict(list)
    for index, figure in enumerate(figures):
        same[(figure.kind, figure.value_text.lower(), figure.count_min, figure.count_max)].append(index)
    out: set[int] = set()
    for indices in same.values():
        seen: dict[str, list[str]] = defaultdict(list)
        for index in indices if len(indices) > 1 else ():
            after, before = _context(figures[index], text)
            if any(b.endswith(before) or before.endswith(b) for b in seen[after]):
                out.add(index)
            seen[after].append(before)
    return out


def _context(figure: CasualtyFigure, text: str) -> tuple[str, str]:
    """The words just after a figure and those before it in its sentence, spaces normalised."""
    sentence_start = figure.sentence_start if figure.sentence_start is not None else figure.start
    after = " ".join(text[figure.end : figure.end + _AFTER].split())
    return after, " ".join(text[max(figure.start - _BEFORE, sentence_start) : figure.start].split())


_BEFORE, _AFTER = 30, 60
"""Characters around a figure that make it the same words printed again."""
