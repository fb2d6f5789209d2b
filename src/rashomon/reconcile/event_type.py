"""The event type of a dossier when the reports' own types miss the violence they count.

Each analysis types its document by its event mentions (:mod:`rashomon.extract.events`): a sentence becomes a
mention only when its cues reach the typer's bar, and the generic attack cue ("shot", "killed") is weaker than
that bar on purpose (it is everywhere in news). A report that only says "a woman was killed and three men were
wounded when gunfire erupted" therefore has no violent mention, and one sentence "police arrested a man" makes
the whole event a *Strategic development / Arrests*; one stray cue elsewhere ("firefighters", "the battlefield",
"the suspect was captured") makes it a battle.

The dossier corrects that with what reconciliation knows: the sentences that count people killed or injured in
this event (figures not marked as background) are *read* with every cue, the rare kinds (disasters, crime)
included; a casualty sentence with no cue but a weapon word ("wounded in a shooting") reads as an attack.

* When the types voted by the reports are not violent (none, or a strategic development), the violent reading
  most casualty sentences give becomes the event's type (Violence against civilians / Attack for a shooting;
  Battles / Armed clash for an exchange of fire; a bombing...). When accident or disaster readings ("was
  accidentally shot", "killed in a crash") outnumber the violent ones, the event is not retyped as violence;
  a violent type the reports voted (their "was shot") is dropped then: an accident is no attack.
* A violent (or protest, riot) type voted by the reports is kept unless the casualty sentences of people on no
  armed side (civilians, as far as extraction tells) read another violent type more often than they read the
  voted one and the reports mention it, together: a stray cue does not outweigh the counted harm, while a
  battle whose dead are soldiers (figures with a side) keeps its type.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from rashomon.extract.events import VIOLENT_TYPES, classify_text
from rashomon.reconcile.evidence import Report

RETYPED_FROM = (None, "Strategic developments")
"""Voted event types that counted casualties may override whatever they read."""

HARM_KINDS = ("killed", "injured", "killed_or_injured")
"""Casualty kinds that say the event was violent (arrests and captures do not)."""

ACCIDENT_TYPES = ("Man-made disaster", "Natural disaster")
"""Readings that say the harm was not inflicted on purpose (accidents, disasters)."""

ATTACK = ("Violence against civilians", "Attack")

_WEAPON = re.compile(
    r"\b(?:shootings?|gunfire|gunshots?|gun ?shot wounds?|gunm[ae]n|shooters?|shots? (?:were |was )?fired|"
    r"stabbings?|stab wounds?)\b",
    re.IGNORECASE,
)
"""Weapon words that make a casualty sentence with no event cue an attack ("wounded in a shooting")."""

Reading = tuple[str, str]


def harm_sentences(report: Report, *, sideless: bool = False) -> list[str]:
    """The sentences of ``report`` that count people killed or injured in this event (not background);
    with ``sideless``, only those whose figures count people on no armed side."""
    if report.analysis is None:
        return []
    text = report.article.text
    spans = {
        (f.sentence_start, f.sentence_end)
        for f in report.analysis.casualties
        if f.kind in HARM_KINDS and not f.background and (f.count_max is None or f.count_max > 0)
        and f.sentence_start is not None and f.sentence_end is not None
        and not (sideless and f.side_actor_id)
    }
    return [text[start:end] for start, end in sorted(spans) if 0 <= start < end <= len(text)]


@lru_cache(maxsize=4096)
def reading(sentence: str) -> Reading | None:
    """How one casualty sentence types its event: its cues, else an attack when it names a weapon (cached:
    the dossier's type and its actors' roles read the same sentences)."""
    event_type, sub_type = classify_text(sentence, unseen=True)
    if event_type is not None and sub_type is not None:
        return event_type, sub_type
    return ATTACK if _WEAPON.search(sentence) else None


def harm_readings(reports: Sequence[Report], *, sideless: bool = False) -> Counter[Reading]:
    """The readings of every casualty sentence of the reports (see :func:`harm_sentences`)."""
    votes: Counter[Reading] = Counter()
    for report in reports:
        for sentence in harm_sentences(report, sideless=sideless):
            found = reading(sentence)
            if found is not None:
                votes[found] += 1
    return votes


def _violent(votes: Counter[Reading]) -> Reading | None:
    """The violent reading most sentences give; ``None`` when none does or accidents outnumber them."""
    violent = {pair: n for pair, n in votes.items() if pair[0] in VIOLENT_TYPES}
    accidents = sum(n for (_, sub_type), n in votes.items() if sub_type in ACCIDENT_TYPES)
    if not violent or accidents > sum(violent.values()):
        return None
    return min(violent, key=lambda pair: (-violent[pair], pair))


def violent_type(reports: Sequence[Report]) -> tuple[str, str] | None:
    """The violent (type, sub-event type) most of the casualty sentences read as; ``None`` when none does."""
    return _violent(harm_readings(reports))


def is_accident(votes: Counter[Reading]) -> bool:
    """Whether accident or disaster readings outnumber the violent ones (and there is one)."""
    accidents = sum(n for (_, sub_type), n in votes.items() if sub_type in ACCIDENT_TYPES)
    return accidents > sum(n for pair, n in votes.items() if pair[0] in VIOLENT_TYPES)


def mentions_of(reports: Sequence[Report], sub_type: str | None) -> int:
    """How many event mentions of the reports have the sub-event type ``sub_type``."""
    return sum(
        1 for r in reports if r.analysis is not None for e in r.analysis.events if e.sub_event_type == sub_type
    )


def _outweighed(voted: tuple[str | None, str | None], reports: Sequence[Report]) -> Reading | None:
    """The side-less casualty sentences' violent reading when it outweighs a voted violent type."""
    votes = harm_readings(reports, sideless=True)
    found = _violent(votes)
    if found is None or found == voted:
        return None
    backing = sum(n for (_, sub_type), n in votes.items() if sub_type == voted[1])
    return found if votes[found] > backing + mentions_of(reports, voted[1]) else None


def voted_type(reports: Sequence[Report]) -> tuple[str | None, str | None]:
    """The reports' majority (type, sub-event type) as their analyses give it, ties by name."""
    votes = Counter(
        (r.analysis.event_type, r.analysis.sub_event_type) for r in reports if r.analysis and r.analysis.event_type
    )
    if not votes:
        return None, None
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0][0] or "", kv[0][1] or ""))[0][0]


def dossier_event_type(
    voted: tuple[str | None, str | None], reports: Sequence[Report]
) -> tuple[str | None, str | None]:
    """``voted`` (the reports' majority type), replaced by what the casualty sentences read when it misses
    the violence they count (see the module docstring)."""
    if voted[0] not in RETYPED_FROM:
        if voted[0] in VIOLENT_TYPES and is_accident(harm_readings(reports)):
            return None, None  # "accidentally shot": the reports' attack cue ("was shot") is no attack
        return _outweighed(voted, reports) or voted
    found = violent_type(reports)
    return found if found is not None else voted
