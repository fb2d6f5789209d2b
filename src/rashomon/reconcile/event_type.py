"""The event type of a dossier when the reports' own types miss the violence they count.

Each analysis types its document by its event mentions (:mod:`rashomon.extract.events`): a sentence becomes a
mention only when its cues reach the typer's bar, and the generic attack cue ("shot", "killed") is weaker than
that bar on purpose (it is everywhere in news). A report that only says "a woman was killed and three men were
wounded when gunfire erupted" therefore has no violent mention, and one sentence "police arrested a man" makes
the whole event a *Strategic development / Arrests*.

The dossier corrects that with what reconciliation knows: when the types voted by the reports are not violent
(none, or a strategic development) and the reports count people killed or injured in this event (figures not
marked as background), the sentences that carry those figures are typed with every cue, the rare kinds
(disasters, crime) included. A violent type there (Violence against civilians / Attack for a shooting; Battles /
Armed clash for an exchange of fire; a bombing...) becomes the event's type; an accident or a disaster ("killed
in a crash") stays untyped as violence. Protests, riots and violent types chosen by the reports are kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rashomon.extract.events import VIOLENT_TYPES, classify_text
from rashomon.reconcile.evidence import Report

RETYPED_FROM = (None, "Strategic developments")
"""Voted event types that counted casualties may override (protests, riots and violent types are kept)."""

HARM_KINDS = ("killed", "injured", "killed_or_injured")
"""Casualty kinds that say the event was violent (arrests and captures do not)."""


def harm_sentences(report: Report) -> list[str]:
    """The sentences of ``report`` that count people killed or injured in this event (not background)."""
    if report.analysis is None:
        return []
    text = report.article.text
    spans = {
        (f.sentence_start, f.sentence_end)
        for f in report.analysis.casualties
        if f.kind in HARM_KINDS and not f.background and (f.count_max is None or f.count_max > 0)
        and f.sentence_start is not None and f.sentence_end is not None
    }
    return [text[start:end] for start, end in sorted(spans) if 0 <= start < end <= len(text)]


def violent_type(reports: Sequence[Report]) -> tuple[str, str] | None:
    """The violent (type, sub-event type) most of the casualty sentences read as; ``None`` when none does."""
    votes: Counter[tuple[str, str]] = Counter()
    for report in reports:
        for sentence in harm_sentences(report):
            event_type, sub_type = classify_text(sentence, unseen=True)
            if event_type in VIOLENT_TYPES and sub_type is not None:
                votes[(event_type, sub_type)] += 1
    if not votes:
        return None
    return min(votes, key=lambda pair: (-votes[pair], pair))


def dossier_event_type(
    voted: tuple[str | None, str | None], reports: Sequence[Report]
) -> tuple[str | None, str | None]:
    """``voted`` (the reports' majority type), replaced by :func:`violent_type` when it misses the violence."""
    if voted[0] not in RETYPED_FROM:
        return voted
    found = violent_type(reports)
    return found if found is not None else voted
