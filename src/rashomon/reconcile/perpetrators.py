"""Who did it and to whom, when the reports name no actor in those roles: ACLED's unidentified actors.

Extraction resolves an initiator or a target only through an actor the knowledge base knows ("Azerbaijani
forces shelled ..."). Local violence is told with unnamed people: "a gunman opened fire", "police are looking
for the suspect", "the victim, a 17-year-old". ACLED codes such an event with generic actors of the country:
an unknown shooter is *Unidentified Armed Group (X)*, a shooting by police *Police Forces of X*, the people it
harms *Civilians (X)*. This module gives a violent event those actors, by general rules, only where no actor
has the role yet:

* **initiator**: casualty sentences saying the police shot ("shot by police", "officers opened fire") in at
  least half the reports that count casualties make the country's police the initiator (a police shooting,
  not a gunman's whom police shot in the end); else a perpetrator label anywhere in a report ("a gunman", "the shooter",
  "two suspects", "an unknown assailant") makes the country's unidentified armed group the initiator;
* **target** of *Violence against civilians*: the people the casualty figures count, as written ("a
  17-year-old", "four people"), are the country's civilians.

Each label is kept as written, per article, with its offsets (the framing comparison and highlighting read
them). The country is the one most reports place their event in; with none there is no generic actor.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rashomon.extract.actor_kb import load_kb
from rashomon.extract.events import VIOLENT_TYPES
from rashomon.reconcile.evidence import Report

HARM_KINDS = ("killed", "injured", "killed_or_injured")

PERPETRATOR = re.compile(r"\b(?:gunm[ae]n|shooters?|assailants?|attackers?|suspects?|killers?)\b", re.IGNORECASE)
"""A perpetrator named by role, not by name."""
MODIFIERS = re.compile(
    r"(?:\b(?:an?|the|two|three|several|some|unknown|unidentified|masked|lone|armed|suspected|alleged|possible|"
    r"male|female|teenage|young|second|other)\s+)+$",
    re.IGNORECASE,
)
"""Its determiners and modifiers, right before it ("an unknown gunman"): searched in a short window only."""

POLICE_SHOT = re.compile(
    r"\b(?:shot|killed|wounded|struck)\s+by\s+(?:an?\s+|the\s+|a\s+\w+\s+)?(?:police|officers?|deputies|deputy|"
    r"troopers?|agents?)\b|"
    r"\b(?:police|officers?|deputies|deputy|troopers?|agents?)\s+(?:(?:then|also|had|later|eventually)\s+)?"
    r"(?:shot|opened\s+fire|fired\s+(?:at|on|shots)|returned\s+fire)\b",
    re.IGNORECASE,
)
"""A casualty sentence that says the police did the shooting."""


def event_country(reports: Sequence[Report]) -> str | None:
    """The country most reports place their event in (their chosen event place), else ``None``."""
    votes: Counter[str] = Counter()
    for report in reports:
        analysis = report.analysis
        if analysis is None or analysis.event_place is None or not 0 <= analysis.event_place < len(analysis.places):
            continue
        code = analysis.places[analysis.event_place].country_code
        if code:
            votes[code] += 1
    return votes.most_common(1)[0][0] if votes else None


def harm_spans(report: Report) -> list[tuple[int, int]]:
    """The sentences (offsets) of ``report`` that count people killed or injured in this event."""
    if report.analysis is None:
        return []
    return sorted(
        {
            (f.sentence_start, f.sentence_end)
            for f in report.analysis.casualties
            if f.kind in HARM_KINDS and not f.background and f.sentence_start is not None
            and f.sentence_end is not None and (f.count_max is None or f.count_max > 0)
        }
    )


def police_shootings(report: Report) -> list[tuple[str, int, int]]:
    """The police labels (as written, offsets) of casualty sentences that say the police shot."""
    text, found = report.article.text, []
    for start, end in harm_spans(report):
        for match in POLICE_SHOT.finditer(text, start, end):
            word = re.search(r"police|officers?|deputies|deputy|troopers?|agents?", match.group(0), re.IGNORECASE)
            if word is not None:
                found.append((word.group(0), match.start() + word.start(), match.start() + word.end()))
    return found


def perpetrator_labels(report: Report) -> list[tuple[str, int, int]]:
    """Perpetrators named by role in ``report`` (as written, offsets), in text order."""
    text, found = report.article.text, []
    for match in PERPETRATOR.finditer(text):
        window = max(0, match.start() - 60)
        before = MODIFIERS.search(text, window, match.start())
        start = before.start() if before is not None else match.start()
        found.append((text[start : match.end()], start, match.end()))
    return found


def victim_labels(report: Report) -> list[tuple[str, int, int]]:
    """The people its casualty figures count, as written ("a 17-year-old", "four people")."""
    if report.analysis is None:
        return []
    found = []
    for figure in report.analysis.casualties:
        if figure.kind not in HARM_KINDS or figure.background or figure.side_actor_id:
            continue
        if figure.victims_start is None or figure.victims_end is None:
            continue  # "2 dead": a number, no label
        span = report.span(min(figure.start, figure.victims_start), max(figure.end, figure.victims_end))
        label = report.article.text[span[0] : span[1]] if span is not None else ""
        if span is not None and len(label) <= 80 and label.casefold() not in PRONOUNS:
            found.append((label, span[0], span[1]))
    return found


PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "who", "it", "we", "i", "you"})
"""Figures that name no one as a label ("they were shot")."""

Labels = dict[str, list[tuple[str, int, int]]]


def unnamed_initiator(reports: Sequence[Report], country: str) -> tuple[str, Labels] | None:
    """(actor id, labels per article) of the initiator no resolved actor plays: police, else the
    unidentified armed group; ``None`` when the reports name neither."""
    police = {r.id: found for r in reports if (found := police_shootings(r))}
    harmed = sum(1 for r in reports if harm_spans(r))
    if police and 2 * len(police) >= harmed:
        return load_kb().country_actor(country, "pol").id, police
    perpetrators = {r.id: found for r in reports if (found := perpetrator_labels(r))}
    if perpetrators:
        return load_kb().country_actor(country, "uag").id, perpetrators
    return None


def civilian_target(reports: Sequence[Report], country: str) -> tuple[str, Labels] | None:
    """(actor id, victims as written per article) of the civilians a violent event harms."""
    victims = {r.id: found for r in reports if (found := victim_labels(r))}
    return (load_kb().country_actor(country, "civ").id, victims) if victims else None


def applies(event_type: str | None) -> bool:
    """Whether an event of ``event_type`` has an initiator and a target (attacks, clashes, strikes)."""
    return event_type in VIOLENT_TYPES
