"""The hurt left over from a count of people shot once the article's dead are taken out: "Four people were shot in
an apartment Tuesday night. ... Two died" leaves two hurt. Where an article reports deaths,
:func:`rashomon.extract.casualty_counts.article_counts` reads "shot" as the dead and counts only injury words as
hurt; a count of people shot larger than the article's dead, told in a sentence of its own, says how many lived
(the "Three shot, one dead" rule of one sentence, ``casualty_counts._survivors``, across sentences)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from rashomon.records import CasualtyFigure

_WERE_SHOT = re.compile(r"\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:shot|struck|hit|wounded)\b", re.IGNORECASE)
"""A count of people as the subject of a passive verb that hits everyone, the dead and the living ("Four people were
shot"; not "shooting those four people", the killer's act, nor "wounding two others")."""


def shot_left(
    figures: Sequence[CasualtyFigure],
    plain: Callable[[int], bool],
    dying: Collection[int | None],
    dead: int,
    text: str,
) -> int:
    """People hurt and alive by the article's largest count of people shot less its ``dead`` (0 where none is
    larger): counts written out ("Four people", not "they", "two others"; ``plain`` says which figure indices
    qualify: first mentions, not another event's, not pointing back), in a sentence telling no death (``dying``:
    those that do), the count exact ("at least four" may hold more dead)."""
    if dead <= 0:
        return 0
    shot = max(
        (
            f.count_min or 0
            for i, f in enumerate(figures)
            if f.kind == "injured"
            and f.count_max == f.count_min
            and _WERE_SHOT.match(text, max(f.end, f.victims_end or 0)) is not None
            and f.sentence_start not in dying
            and plain(i)
        ),
        default=0,
    )
    return shot - dead if shot > dead else 0


def both_at_least(figure: CasualtyFigure, killed: Sequence[CasualtyFigure]) -> bool:
    """ "At least two people were dead after a gunman shot at least four people": a count of people shot and its
    sentence's dead both open ("at least"), the difference is the hurt, as with exact counts."""
    return figure.count_max is None and all(f.count_max is None for f in killed)
