"""People named like places: the gazetteer mentions that a text writes as a person's name.

The place ruler tags every town of 15,000+ people that is not an English word, before the NER sees the text,
so given names and surnames that are also towns arrive as toponyms: "Linda Daily" (Linda, California),
"Commander Kyle Lanier" (Kyle, Texas), "Elizabeth Fairfield", "Mr. Sanford", "President Barack Obama" (Obama,
Japan). The NER also tags some surnames as places on its own ("Pawlenty's spokesman"). :func:`person_mentions`
says which toponyms of a text are such names, so :class:`rashomon.extract.places.PlaceResolver` neither
outputs them nor lets them vote on the text's areas:

1. **Surname**: a one-word toponym right after a title ("Mr.", "Gov.", "Sgt.", "coach") or after a given name
   (the 1990 US Census first names, ``rashomon/data/place_given_names.txt``), itself no place mention
   ("Harold Patterson", "Emilie Holroyd", "Vincent J. Fumo"; not "Austin Texas").
2. **Given name**: a one-word toponym that is a given name, not clearly an area ("Georgia", "Virginia"), right
   before a capitalised word that is no word of a place's institutions, no title and no place mention
   ("Linda Daily", "Kyle Lanier"; not "Dallas Police", "Tyler Junior College" stays a name too, see gaps).
3. **Used as a person's** (seventh session): a one-word toponym, no well-known place, that has a relative or a
   spokesperson ("Pawlenty's spokesman"), is one ("Crolley's wife, Amelia,"), has an age ("Fumo, 65,") or an
   administration ("the Obama administration").
4. **The same person later**: once a one-word name is a person's in a text, its other mentions are the person
   too ("Fairfield's defense team", "Since Obama took office"), unless they read as places: qualified
   ("Fairfield, Conn."), after a preposition of place ("in Fairfield"), before an institution word
   ("Fairfield County", "Fairfield police"), or a well-known place. A name is also a person's when the NER
   found a person of that surname in the text (``people_named``: "Charles Simonyi" ... "Simonyi, a software
   designer").

Measured on LGL and GeoWebNews (docs/benchmarks.md, "Place false positives at extraction").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache
from importlib import resources

from rashomon.extract.gazetteer import name_key
from rashomon.extract.place_context import INSTITUTION_WORDS, Toponym, names_an_area

TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "gov", "governor", "sen", "senator", "rep", "representative",
    "pres", "president", "judge", "justice", "sgt", "sergeant", "lt", "lieutenant", "det", "detective", "capt",
    "captain", "cpl", "corporal", "officer", "trooper", "deputy", "coach", "superintendent", "commissioner",
    "chairman", "chairwoman", "spokesman", "spokeswoman", "investigator", "prof", "professor", "rev",
    "reverend", "pastor", "bishop", "sir", "dame", "col", "colonel", "cmdr", "commander", "chief", "mayor",
    "councilman", "councilwoman", "alderman", "assemblyman", "assemblywoman", "secretary", "minister",
    "supt", "patrolman", "agent",
})
"""Titles before a person's name ("Mr. Sanford", "Patrol Commander Kyle Lanier"), in any case, with or
without a full stop. Royal and military ranks that also start place names ("Prince George", "General
Santos", "Fort") are left out."""
LOCATIVE = frozenset({
    "in", "near", "outside", "at", "from", "across", "into", "throughout", "around", "toward", "towards",
    "through", "between", "via",
})
"""Prepositions of place: "in Fairfield" is the town even in a text about Elizabeth Fairfield."""
_CALENDAR = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
_NAME_WORD = r"[A-Z][^\W\d_]+(?:['’-][^\W\d_]+)?"
"""A capitalised name word: "Lanier", "McDermand", "Ateş", "Register-Guard"."""
_BEFORE = re.compile(rf"(?:^|[\s(\"“])(?P<word>{_NAME_WORD}\.?|[A-Za-z][a-z]{{0,3}}\.)(?P<initial> [A-Z]\.)? \Z")
"""The word right before a mention on its line, after an optional middle initial ("Vincent J. Fumo")."""
_TITLE_FIRST = re.compile(rf"(?:^|[\s(\"“])(?P<title>[A-Za-z]+)\.? (?P<word>{_NAME_WORD})(?: [A-Z]\.)? \Z")
"""A title and a first name before a mention: "President Barack Obama", "Judge Corinne Klatt"."""
_AFTER = re.compile(rf"^(?P<initial> [A-Z]\.)? (?P<word>{_NAME_WORD})")
"""The capitalised word right after a mention, after an optional middle initial ("Linda K. Daily")."""
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*\Z")
_NEXT_WORD = re.compile(r"['’]?s? ([A-Za-z]+)")
_CAPITALISED_RUN = re.compile(r"(?: [A-Z][\w'’]*){1,3}")
_LISTED_AFTER = re.compile(r",? (?:and|or) |, ")
_LISTED_BEFORE = re.compile(r"(?:,? (?:and|or) |, )\Z")
KIN = (r"(?:wife|husband|son|daughter|mother|father|brother|sister|girlfriend|boyfriend|fianc[eé]e?|widow|"
       r"grandson|granddaughter|grandmother|grandfather|uncle|aunt|nephew|niece|cousin|lawyers?|attorneys?|"
       r"spokes(?:man|woman|person))")
"""A person's relatives and spokespeople: places have none ("Pawlenty's spokesman", "Polk's son, Trent")."""
_PERSON_AFTER = re.compile(rf"(?:['’]s? (?P<kin>{KIN})\b|, (?P<age>\d{{1,3}}),| (?P<office>administration)\b)")
"""After a mention: a relative or spokesperson it has, an age ("Fumo, 65,"), an administration (with "the")."""
_KIN_BEFORE = re.compile(rf"\b{KIN}, \Z")
"""Before a mention: the relative it is ("Crolley's wife, Amelia, who")."""
NOT_SURNAMES = frozenset({
    "democrat", "democrats", "republican", "republicans", "sentinel", "register", "observer", "star", "bee",
    "courier", "record", "review", "dispatch", "examiner", "inquirer", "ledger", "enquirer", "telegraph",
    "telegram", "standard", "independent", "guardian", "sun", "junior", "morning", "evening", "sports",
    "senior", "mission", "community", "technical", "tech", "institute", "metropolitan", "township",
    "crime", "stoppers", "crimestoppers",
})
"""Capitalised words after a town that make an institution's name, not a person's ("Orlando Sentinel",
"Tyler Junior College", "Manhattan Democrat", "Trenton Crime Stoppers"): :data:`INSTITUTION_WORDS` does not
list them."""
CITY_PRIOR = 7.0
"""A given name whose best reading is a city this well known (prior: log10 population + 1.5 for a main name,
so about 300,000 people) is the city before a capitalised word: "Dallas Cowboys", "Paris Policemen"."""
CONTEXT_CHARS = 40
"""How far before or after a mention its neighbouring words are looked for."""


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The lower-case given names of ``rashomon/data/place_given_names.txt``."""
    text = resources.files("rashomon").joinpath("data", "place_given_names.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def person_mentions(text: str, toponyms: Sequence[Toponym], people_named: Collection[str] = ()) -> list[bool]:
    """Per toponym, whether ``text`` writes it as a person's name (see the module docstring); ``people_named``:
    the folded names (:func:`rashomon.extract.gazetteer.name_key`) that the text uses as a person's elsewhere
    (the surname of a person the NER found, a name that speaks)."""
    if not text:
        return [False] * len(toponyms)
    by_start = {t.start: t for t in toponyms}
    by_end = {t.end: t for t in toponyms}
    people = [_one_word(t.text) and (_surname(text, t, by_end) or _given_name(text, t, by_start)
                                     or _used_as_person(text, t))
              for t in toponyms]
    named = {name_key(t.text) for t, person in zip(toponyms, people, strict=True) if person} | set(people_named)
    if not named:
        return people
    return [person or (_one_word(t.text) and name_key(t.text) in named and not _well_known(t)
                       and not _reads_as_place(text, t, by_start, by_end))
            for t, person in zip(toponyms, people, strict=True)]


def _used_as_person(text: str, toponym: Toponym) -> bool:
    """A name that is no well-known place and that the text uses as a person's: with a relative or
    spokesperson ("Pawlenty's spokesman", "Crolley's wife, Amelia,"), an age ("Fumo, 65,") or an
    administration ("the Obama administration")."""
    if _well_known(toponym):
        return False
    after = _PERSON_AFTER.match(text, toponym.end, toponym.end + CONTEXT_CHARS)
    if after is not None and (after.group("office") is None
                              or text[max(0, toponym.start - 4):toponym.start].lower() == "the "):
        return True
    return _KIN_BEFORE.search(text, max(0, toponym.start - CONTEXT_CHARS), toponym.start) is not None


def _one_word(name: str) -> bool:
    """A one-word name in title case, no abbreviation ("Mich.") and no capitals ("NEWARK")."""
    return " " not in name and name[:1].isupper() and not name.isupper() and not name.endswith(".")


def _name_word(word: str, toponym: Toponym | None, *, named: bool) -> bool:
    """A word next to a mention can be part of a person's name: no place mention, or, where the rest of the
    name shows a person (``named``: a middle initial, a surname after), a place mention that is a given name
    and no well-known place ("Vincent" in "Vincent J. Fumo", "Lynn" in "Nikki Lynn Barlow"; not "Alton" in
    "Old Alton Edwardsville Road")."""
    if toponym is None:
        return True
    return named and name_key(word) in given_names() and not _well_known(toponym)


def _surname(text: str, toponym: Toponym, by_end: dict[int, Toponym]) -> bool:
    """A title, a title and a first name, or a given name (no place) stands right before ``toponym``."""
    begin = max(0, toponym.start - CONTEXT_CHARS)
    head = text[begin:toponym.start]
    last = head.rsplit(None, 1)[-1].lstrip("(\"“") if head.endswith(" ") and head.strip() else ""
    if not last[:1].isupper() and last.rstrip(".").lower() not in TITLES:
        return False  # most mentions: after "in", "of", a comma or a line break (no regex needed)
    found = _BEFORE.search(text, begin, toponym.start)
    if found is None:
        return False
    word = found.group("word")
    bare = word.rstrip(".").lower()
    if bare in TITLES:
        return True
    titled = _TITLE_FIRST.search(text, begin, toponym.start)
    if titled is not None and titled.group("title").lower() in TITLES and titled.end("word") not in by_end:
        return True
    return (word[0].isupper() and not word.endswith(".") and not word.isupper() and bare in given_names()
            and _name_word(word, by_end.get(found.end("word")), named=found.group("initial") is not None)
            and not (toponym.matches and names_an_area(toponym.matches)))


def _well_known(toponym: Toponym) -> bool:
    """The name's best reading is an area or a city of about 300,000 people or more ("Jordan", "Dallas")."""
    return bool(toponym.matches) and (names_an_area(toponym.matches) or toponym.matches[0].prior >= CITY_PRIOR)


def _given_name(text: str, toponym: Toponym, by_start: dict[int, Toponym]) -> bool:
    """``toponym`` is a given name, and no area, before a capitalised word that may be a surname."""
    if name_key(toponym.text) not in given_names() or _well_known(toponym):
        return False
    found = _AFTER.match(text[toponym.end:toponym.end + CONTEXT_CHARS])
    if found is None:
        return False
    word = found.group("word")
    neighbour = by_start.get(toponym.end + found.start("word"))
    if neighbour is not None:  # "Nikki Lynn Barlow": the next name is a person's when a surname follows it
        return _name_word(word, neighbour, named=_surname_after(text, neighbour.end))
    return _may_be_surname(word) and not _institution_after(text, toponym.end + found.end("word"))


def _institution_after(text: str, end: int) -> bool:
    """The capitalised words that go on after ``end`` make an institution's name ("Monroe Civic Center",
    "Logan Regional Medical Center")."""
    run = _CAPITALISED_RUN.match(text, end, end + CONTEXT_CHARS)
    return run is not None and any(not _may_be_surname(word) for word in run.group(0).split())


def _surname_after(text: str, end: int) -> bool:
    """A capitalised word that may be a surname follows ``end``."""
    found = _AFTER.match(text[end:end + CONTEXT_CHARS])
    return found is not None and _may_be_surname(found.group("word"))


def _may_be_surname(word: str) -> bool:
    bare = word.lower()
    return not word.isupper() and not (
        {bare, bare.split("-")[0]} & (INSTITUTION_WORDS | NOT_SURNAMES | TITLES | _CALENDAR))


def _reads_as_place(text: str, toponym: Toponym, by_start: dict[int, Toponym], by_end: dict[int, Toponym]) -> bool:
    """A mention of a person's name that still reads as the place: qualified, after a preposition of place,
    before a word of the place's institutions in any case ("Tyler area", "Fairfield County"), or listed with
    another place mention ("ties to Tyler and Longview gangs")."""
    if toponym.qualifier or toponym.qualified:
        return True
    before = _WORD_BEFORE.search(text, max(0, toponym.start - CONTEXT_CHARS), toponym.start)
    if before is not None and before.group(1).lower() in LOCATIVE:
        return True
    after = _NEXT_WORD.match(text, toponym.end, toponym.end + CONTEXT_CHARS)
    if after is not None and after.group(1).lower() in INSTITUTION_WORDS:
        return True
    listed = _LISTED_AFTER.match(text, toponym.end, toponym.end + CONTEXT_CHARS)
    if listed is not None and listed.end() in by_start:
        return True
    listed = _LISTED_BEFORE.search(text, max(0, toponym.start - CONTEXT_CHARS), toponym.start)
    return listed is not None and listed.start() in by_end
