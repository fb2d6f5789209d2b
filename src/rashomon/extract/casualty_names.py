"""Names among the dead: a figure's value that is a person's name, and how many distinct people the named dead
of an article are ("fatally shot LeGrier" ... "killed a neighbor, Bettie Jones": two), for
:func:`rashomon.extract.casualty_counts.article_counts`."""

from __future__ import annotations

from collections.abc import Sequence

from rashomon.extract.casualty_lexicon import ANAPHORS, PERSON_WORDS
from rashomon.extract.numbers import find_counts
from rashomon.records import CasualtyFigure

__all__ = ["is_name", "named_dead"]


def is_name(text: str) -> bool:
    """Whether a figure's value is a person's name ("LeGrier", "Bettie Jones"), not a count, a pronoun or a
    capitalised common noun ("Man", "Teen")."""
    words = text.replace('"', " ").split()
    return (
        bool(words)
        and all(w[:1].isupper() and not w.isupper() for w in words)
        and not find_counts(text)
        and not any(w.lower() in PERSON_WORDS or w.lower() in ANAPHORS for w in words)
    )


def named_dead(figures: Sequence[CasualtyFigure], roots: Sequence[int]) -> int:
    """People killed with distinct names ("fatally shot LeGrier" ... "killed a neighbor, Bettie Jones"):
    each name (a figure's own, else that of the first mention it points back to) is one person."""
    names: list[str] = []
    introduced = False
    for index, figure in enumerate(figures):
        if figure.kind != "killed" or figure.background or not figure.count_min:
            continue
        mentions = [f for f in (figure, figures[roots[index]]) if (f.trigger or "").lower() != "suicide"]
        name = next((f.value_text for f in mentions if is_name(f.value_text)), None)  # not "Murder-Suicide"
        if name is not None and not any(_one_person(name, other) for other in names):
            names.append(name)
            introduced = introduced or (len(names) > 1 and _apposed(figure))
    return len(names) if introduced else 0


def _apposed(figure: CasualtyFigure) -> bool:
    """ "a neighbor, 55-year-old Bettie Jones": a name written beside a common noun introduces someone."""
    victims = figure.victims or ""
    return victims[:1].islower() and is_name(figure.value_text)


def _one_person(first: str, second: str) -> bool:
    """ "Jakell Mitchell" / "Mitchell": one person; "Tammy Modlin" / "Montana Modlin": two."""
    one, two = first.replace('"', " ").split(), second.replace('"', " ").split()
    if len(one) >= 2 and len(two) >= 2 and one[0] != two[0]:
        return False
    return bool(set(one) & set(two))
