"""Casualty counts a headline states: "2 dead, 3 injured in shooting outside club", "4 shot, one fatally".

A local-news headline is the story's toll in a fixed grammar: counts of people before a death or injury
word, listed with commas ("2 adults, 2 children killed"), or a count of people shot with the dead among
them ("4 shot, 1 dead": three injured). The analysis pipeline reads the article's text, and crawled pages
rarely repeat the headline there, so :func:`headline_counts` reads it apart, with rules only:

* a **count** is a number (digits or a word up to twenty), optionally followed by up to two words for
  people ("2 adults", "three other people", "1 man"); a **single noun** ("Man", "Teen", "Wallkill man",
  "15-year-old girl": an age is no count) is one person; "parents" and "couple" are two; a count written
  after "of" ("Father of 3") counts no victims;
* conflict news counts its people the same way: "Two soldiers", "12 Afghan policemen" (one word before a
  plural of soldiers, troops, civilians, militants, fighters, rebels, protesters, villagers, refugees,
  workers, journalists, ...), "Civilian killed in drone strike" (one person); units with no number ("Dozens
  of militants killed") are a lower bound apart (``vague``: 12), never a toll;
* a **list** is counts joined by commas, "and" or "&" right before the word, summed; a count right after
  "kills", "injures", "wounds" (and their -ing forms) counts too ("Drive-by shooter kills 1, injures 3");
* ``killed``: dead, killed, slain, die(s/d), fatally shot, shot dead, shot to death; ``injured``:
  injured, wounded, hurt, hospitalized;
* "N shot, M dead" (or "M fatally", "M killed", "M fatalities"; "N shot at a party, one dies") gives M
  killed and N - M injured; "N shot" (or "hit", "struck") in a headline with no word of death gives N
  injured, and so does a single noun shot ("17-year-old boy shot in head"; not "Woman shot her husband");
* a "double" ("triple", "quadruple", "quintuple") shooting shot two (three, ...) people: those not
  counted dead are injured, when the headline says how many died or has no word of death;
* headlines of several incidents (plural "shootings", "separate", "weekend", "violence", "overnight
  shootings") count nothing: their numbers are a tally, not this event's toll.

Only explicit counts are read as the toll (``explicit``): a single noun ("Man killed in Dayton") says
someone died, not how many, so it is kept apart for callers that want it. One person who shot himself
("Woman accidentally shoots herself", "Boy, 6, shoots self with uncle's pistol") or one person a named
shooter shot ("Grandfather shoots his son in the leg"), with no word of death, is one injured, implied
(he may have died); "Man fatally shoots himself" is one killed, implied.

:func:`title_toll` is a report's count read off its title: the explicit counts, and the implied ones too
when the page is headline-only (:func:`rashomon.extract.story.headline_only`: the body is page furniture,
so the title is the only story the page tells).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rashomon.extract.numbers import parse_count
from rashomon.extract.story import headline_only
from rashomon.records import CasualtyKind

_WORDS_TO_TWENTY = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
)  # fmt: skip
NUMBER_WORDS = {word: value for value, word in enumerate(_WORDS_TO_TWENTY)}
"""Number words a headline writes its counts in."""
_NUMBER = r"\d{1,3}|" + "|".join(NUMBER_WORDS)
_PEOPLE = (
    r"(?:more|other|others|people|persons|men|women|adults|teens|teenagers|children|kids|boys|girls|"
    r"students|officers|victims|young|family|members|relatives)"
)
_SINGLE = (
    r"(?:man|woman|teen|teenager|boy|girl|person|child|toddler|student|father|mother|dad|mom|son|daughter|"
    r"wife|husband|officer|deputy|trooper|victim|baby|infant|driver|clerk|grandmother|grandfather)"
)
_CONFLICT_PLURAL = (
    r"(?:soldiers|servicemen|troops|civilians|militants|fighters|rebels|insurgents|policemen|peacekeepers|"
    r"protesters|protestors|demonstrators|villagers|refugees|workers|journalists)"
)
"""People of conflict news after a count, with one word before them ("Two Ukrainian soldiers", "12 Afghan
policemen", "at least 3 civilians")."""
_CONFLICT_SINGLE = (
    r"(?:soldier|serviceman|civilian|militant|fighter|rebel|insurgent|policeman|peacekeeper|protester|protestor|"
    r"demonstrator|villager|refugee|journalist)"
)
"""One person of conflict news ("Civilian killed in drone strike"); "worker" stays one of
:data:`_MORE_SINGLE`."""
_PAIR = r"(?:parents|couple)"
_MORE_SINGLE = (
    r"(?:player|resident|worker|employee|customer|youth|juvenile|brother|sister|cousin|uncle|nephew|niece|"
    r"grandson|granddaughter|girlfriend|boyfriend|neighbor|friend|bystander|pedestrian|motorist|hunter|cop)"
)
"""More words for one person, read only on a headline-only page whose title counts no one else: in lists
of counts they lengthened lists the words do not end ("8 hurt, including player")."""
_GROUP = (
    rf"(?:(?<!\bof )\b(?P<n>{_NUMBER})\b(?!-)"
    rf"(?:\s+(?:{_PEOPLE}|{_SINGLE}s?|(?:(?!{_NUMBER}\b)[A-Za-z][\w'’-]*\s+)?{_CONFLICT_PLURAL})){{0,2}}"
    rf"|(?:\b(?!and\b)\w[\w'’-]*\s+)?(?P<one>{_SINGLE}|{_CONFLICT_SINGLE})|(?P<two>{_PAIR}))"
)
_UNITS_OF = (
    rf"\b(?P<unit>dozens|scores|hundreds|thousands)\s+of\s+(?:(?!{_NUMBER}\b)[A-Za-z][\w'’-]*\s+)?"
    rf"(?:{_CONFLICT_PLURAL}|people|persons|men|women|children|kids|students|officers|others)"
)
"""People counted in units, no number named ("Dozens of militants", "hundreds of Syrian refugees")."""
_ANY_GROUP = re.sub(r"\(\?P<\w+>", "(?:", _GROUP)
_SEPARATOR = r"(?:\s*,\s*|\s+and\s+|\s*&\s*)"
_WORDS: dict[CasualtyKind, str] = {
    "killed": r"(?:dead|killed|slain|die|dies|died|fatally shot|shot dead|shot to death|shot and killed)",
    "injured": r"(?:injured|wounded|hurt|hospitalized)",
}
_TIME_NOUN = (
    r"(?:(?:same|following|next|previous|very)\s+)?(?:day|night|morning|afternoon|evening|eve|week|weekend|month"
    r"|year|hours?|moment|time)s?"
)
_TIME_AFTER = r"(?:\s*$|\s*[-,;:.!?|(]|\s+(?:after|before|of|following|since|in|at|on|when|as|amid|during)\b)"
_NO_OBJECT = rf"(?!\s+(?:his|her|their|its|my|him|them|(?:a|an|the)\s+(?!{_TIME_NOUN}\b{_TIME_AFTER}))\b)"
"""The word is no active verb with an object ("Retired officer killed his son and himself": the person
before it is the killer, not a victim): a possessive or personal pronoun, or an article before anything but
a time that ends the title or leads on to what it dates ("Two people killed the day after ceasefire", "Five
dead the morning after ...": a passive toll; "Three militants killed the morning patrol" is a killer and its
object)."""
_PERSON_WORD = (
    rf"(?:{_SINGLE}|{_MORE_SINGLE}|{_CONFLICT_SINGLE}|adult|male|female|suspect|gunman|shooter|troop"
    rf"|[\w-]+-old)(?:s|es)?|servicemen|policemen|gunmen|{_PEOPLE}"
)
"""Words for people: "neighbor", "suspects", "3-year-old", "adults"."""
_OPEN_LIST = re.compile(r"\b(?P<word>[\w-]+)\s*(?:&|\band)\s*$", re.IGNORECASE)
"""A conjunction right before a list's first counted group: when the word before it is a person ("Older
Neighbor and Teen Shot", "Suspect & 2 Victims Shot") or a name, the list has a conjunct it does not read, so
its count is unknown; an event or anything else before it ("Clashes and 12 people killed", "Shelling and man
killed") ends a clause of its own, and the list is read."""
_PERSON_BEFORE = re.compile(rf"(?:{_PERSON_WORD})", re.IGNORECASE)
_NAME = re.compile(r"[A-Z][a-z]+(?:'s)?")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]{4,}\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|on|at|near|of|from|to|outside|across|into|over|by)\s+$", re.IGNORECASE)
_TOLL_WORD = re.compile(r"dead|killed|slain|died|dies|injured|wounded|hurt|hospitalized|shot", re.IGNORECASE)
_ONE_PERSON = rf"\b(?:{_SINGLE}|{_MORE_SINGLE})\s+(?:(?:was|is)\s+)?(?:who\s+)?"
_ONE_MORE: dict[CasualtyKind, re.Pattern[str]] = {
    "killed": re.compile(
        rf"{_ONE_PERSON}(?:dead|killed|slain|die|dies|died|fatally shot|shot dead|shot to death)\b{_NO_OBJECT}",
        re.IGNORECASE,
    ),
    "injured": re.compile(rf"{_ONE_PERSON}(?:injured|wounded|hurt|hospitalized)\b{_NO_OBJECT}", re.IGNORECASE),
}
"""One person of a headline-only page's title: "Elmtown resident dies ...", "Teen who died in shooting"."""
_VAGUE: dict[CasualtyKind, re.Pattern[str]] = {
    kind: re.compile(rf"{_UNITS_OF}\s+(?:were\s+|are\s+)?{words}\b{_NO_OBJECT}", re.IGNORECASE)
    for kind, words in _WORDS.items()
}
_SHOT_THEN_DEAD = re.compile(
    rf"\b(?P<shot>{_NUMBER})(?:\s+{_PEOPLE}){{0,2}}\s+shot\b[^,;:]{{0,40}}[,;:]\s*(?P<dead>{_NUMBER})(?:\s+\w+)?\s+"
    r"(?:fatally|dead|killed|dies|died|deaths?|fatalit(?:y|ies))\b",
    re.IGNORECASE,
)
_AFTER_VERB = rf"\s+(?P<n>{_NUMBER})\b(?!-)(?!\s+(?:years?|months?|times|shots|rounds)\b)"
_VERB_FIRST: dict[CasualtyKind, re.Pattern[str]] = {
    "killed": re.compile(rf"\b(?:kills|killing){_AFTER_VERB}", re.IGNORECASE),
    "injured": re.compile(rf"\b(?:injures|injuring|wounds|wounding|hurts|hurting){_AFTER_VERB}", re.IGNORECASE),
}
_SHOT_ONLY = (
    r"(?:shot|hit|struck)(?!\s+(?:dead|and killed|to death)\b)"
    r"(?!\s+at(?:\s*[,;:.!?]|\s*$|\s+(?:in|on|during|by|near|from|after|while|with|but|no|nobody|police|"
    r"officers?|deput(?:y|ies)|troopers?|cops?|agents?|him|her|them|us|me)\b))"
)
"""People hit: "4 shot at party" (a place after "at"); "2 men shot at officers" fired at people and "3 shot
at in drive-by" were missed."""
_ACTIVE_SHOT = re.compile(rf"\bshot\s+(?:{_NUMBER}|his|her|their|a|an|the|my)\b", re.IGNORECASE)
"""A person who shot others ("Mother Shot Three Sons", "Woman shot her husband"): no one counted shot."""
_SELF_SHOT = re.compile(
    rf"(?:^|[,:;]\s*|\b(?:{_SINGLE})\b[^,;:]{{0,30}}?)\b(?:accidentally\s+|fatally\s+)?"
    r"(?:shoots|shot|wounds|wounded)\s+(?:him|her)?self\b",
    re.IGNORECASE,
)
"""One person who shot himself ("Woman accidentally shoots herself", "Boy, 6, shoots self with ...")."""
_FATAL_SELF = re.compile(
    rf"\b(?:{_SINGLE})\b[^,;:]{{0,30}}?\bfatally\s+(?:shoots|shot)\s+(?:him|her)?self\b", re.IGNORECASE
)
"""One person who shot himself dead ("Man fatally shoots himself")."""
_SHOOTS_ONE = re.compile(
    rf"\b(?:shoots|wounds|injures)\s+(?:his|her|their|a|an)?\s*(?:\d{{1,2}}-year-old\s+)?(?:{_SINGLE})\b",
    re.IGNORECASE,
)
"""A shooter who shot one person ("Grandfather shoots his son in the leg", "Man wounds his son")."""
_KILLING = re.compile(r"\bkilling\b", re.IGNORECASE)
_SHOOTING_OF = re.compile(rf"\bshooting of (?P<n>{_NUMBER})\b(?!-)(?!\s+(?:years?|months?)\b)", re.IGNORECASE)
_DEATH = re.compile(
    r"\b(?:dead|deadly|die[ds]?|killed|kills?|fatal(?:ly)?|fatalit(?:y|ies)|slain|murder\w*|homicide|deaths?)\b", re.I
)
_SIZES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
_SIZED = re.compile(r"\b(double|triple|quadruple|quintuple)\s+shooting\b", re.IGNORECASE)
TALLY = re.compile(
    r"\bshootings\b|\bseparate\b|\bweekend\b|\bviolen(?:t|ce)\b|\bincidents\b|\bso far\b|\bthis year\b",
    re.IGNORECASE,
)
"""Words of a headline about several incidents (a tally), whose counts are not one event's toll."""
_OUTLET_TAIL = re.compile(r"\s+[-|–—]\s+[^-|–—]*$")


@dataclass(frozen=True)
class HeadlineCounts:
    """Counts per kind a headline states: ``explicit`` (numbers), ``implied`` (single nouns only) and
    ``vague`` (the lower bound of units that name no number, :mod:`rashomon.extract.numbers`' convention:
    "Dozens of militants killed" is 12 or more; no toll, so :func:`title_toll` leaves it out)."""

    explicit: dict[CasualtyKind, int] = field(default_factory=dict)
    implied: dict[CasualtyKind, int] = field(default_factory=dict)
    vague: dict[CasualtyKind, int] = field(default_factory=dict)


def number(text: str) -> int | None:
    """The value of a count written in digits or as a word up to twenty."""
    text = text.lower()
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text)


def _group_value(match: re.Match[str]) -> tuple[int, bool]:
    """``(people, explicit)`` of one group of a list."""
    if match.group("n"):
        return number(match.group("n")) or 0, True
    return (2, False) if match.group("two") else (1, False)


def _open_list(headline: str, start: int) -> bool:
    """Whether the list starting at ``start`` follows "X and" with X a person or a name (:data:`_OPEN_LIST`);
    a capitalised word is a name ("Donetsk mayor Ivanov and two people wounded") only inside a headline that
    writes longer words in lower case (not in title case), not as its first word and not after a preposition
    ("Artillery fire on Donetsk and two people wounded": a place)."""
    conjunct = _OPEN_LIST.search(headline, 0, start)
    if conjunct is None:
        return False
    word = conjunct.group("word")
    if _PERSON_BEFORE.fullmatch(word):
        return True
    return (
        conjunct.start("word") > 0
        and _PLACE_BEFORE.search(headline, 0, conjunct.start("word")) is None
        and _NAME.fullmatch(word) is not None
        and _TOLL_WORD.fullmatch(word) is None
        and _LOWER_WORD.search(headline) is not None
    )


def _listed(headline: str, words: str) -> tuple[int, bool] | None:
    """The people of the list of counts right before ``words`` (summed), and whether any is a number."""
    pattern = re.compile(
        rf"(?:{_ANY_GROUP}{_SEPARATOR})*{_ANY_GROUP}\s+(?:were\s+|are\s+|is\s+|was\s+)?{words}\b{_NO_OBJECT}",
        re.IGNORECASE
    )
    match = pattern.search(headline)
    if match is None or _open_list(headline, match.start()):
        return None  # "Older Neighbor and Teen Shot": a conjunct that counts no one known
    listed = match.group(0)
    people, explicit = 0, False
    for group in re.finditer(_GROUP, listed[: listed.lower().rfind(" ")], re.IGNORECASE):
        value, is_number = _group_value(group)
        people += value
        explicit = explicit or is_number
    return people, explicit


def headline_counts(title: str | None) -> HeadlineCounts:
    """The casualty counts ``title`` states (module doc); empty for a tally of several incidents."""
    if not title:
        return HeadlineCounts()
    headline = _OUTLET_TAIL.sub("", title.strip()) or title
    if TALLY.search(headline):
        return HeadlineCounts()
    shot = _SHOT_THEN_DEAD.search(headline)
    if shot is not None:
        total, dead = number(shot.group("shot")), number(shot.group("dead"))
        if total is not None and dead is not None and dead <= total:
            return HeadlineCounts({"killed": dead, "injured": total - dead})
    explicit: dict[CasualtyKind, int] = {}
    implied: dict[CasualtyKind, int] = {}
    for kind, words in _WORDS.items():
        found = _listed(headline, words)
        if found is not None:
            (explicit if found[1] else implied)[kind] = found[0]
        elif (after := _VERB_FIRST[kind].search(headline)) is not None:
            explicit[kind] = number(after.group("n")) or 0
    if not explicit and not implied and not _DEATH.search(headline):
        found = _listed(headline, _SHOT_ONLY)
        of = _SHOOTING_OF.search(headline)
        if found is not None and (found[1] or (found[0] == 1 and not _ACTIVE_SHOT.search(headline))):
            explicit["injured"] = found[0]  # "4 shot at party"; "17-year-old boy shot in head": one person
        elif of is not None:
            explicit["injured"] = number(of.group("n")) or 0  # "Police investigate shooting of two teens"
    if not explicit and not implied and not _DEATH.search(headline) and not _KILLING.search(headline):
        if _SELF_SHOT.search(headline) or _SHOOTS_ONE.search(headline):
            implied["injured"] = 1  # "Woman accidentally shoots herself", "Grandfather shoots his son"
    elif not explicit and not implied and _FATAL_SELF.search(headline):
        implied["killed"] = 1  # "Man fatally shoots himself"
    sized = _SIZED.search(headline)
    if sized is not None and "injured" not in explicit:
        dead = explicit.get("killed", implied.get("killed", 0 if not _DEATH.search(headline) else None))
        if dead is not None and dead <= _SIZES[sized.group(1).lower()]:
            explicit["injured"] = _SIZES[sized.group(1).lower()] - dead
    return HeadlineCounts(explicit, implied, _vague_counts(headline, {*explicit, *implied}))


def _vague_counts(headline: str, counted: set[CasualtyKind]) -> dict[CasualtyKind, int]:
    """The lower bounds of the kinds not ``counted`` that units of people give ("Dozens of protesters
    injured": 12)."""
    vague: dict[CasualtyKind, int] = {}
    for kind, pattern in _VAGUE.items():
        if kind not in counted and (found := pattern.search(headline)) is not None:
            vague[kind] = parse_count(found.group("unit")).count_min or 0
    return vague


def title_toll(title: str | None, text: str) -> dict[CasualtyKind, int]:
    """A report's counts read off its title (module doc): the explicit ones, and on a headline-only page
    (:func:`rashomon.extract.story.headline_only`) the implied ones too ("Woman dies from accidental gunshot
    wound" over a notification form: 1 killed)."""
    counts = headline_counts(title)
    if not headline_only(text, title):
        return dict(counts.explicit)
    toll = {**counts.implied, **counts.explicit}
    if not toll and title and not TALLY.search(title):
        toll = {kind: 1 for kind, pattern in _ONE_MORE.items() if pattern.search(title)}
    return toll
