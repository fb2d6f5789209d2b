"""The event cue lexicon on ACLED's taxonomy: sub-event types, weighted trigger patterns, their compiled scans.

The trigger lexicon is written from ACLED's codebook definitions of its 6 event types and 25 sub-event
types (e.g. "Air/drone strike": aircraft or drones attack; "Shelling/artillery/missile attack": long-range
artillery, rockets, missiles; "Armed clash": armed, organised groups fight; "Government regains territory"
vs "Non-state actor overtakes territory": who took the place). Each cue gives a weight to one sub-event
type (``TERRITORY``: to the territory type :mod:`rashomon.extract.events` decides from the taker,
``CAPTIVE``: to arrests unless a place was taken). Outside ACLED, the cues for "unseen" kinds (organised
crime, disasters, diplomacy, attribution) are used only when asked for. :func:`first_matches` finds where
each cue first matches with one scan of the text.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

SUB_EVENTS: dict[str, str] = {
    # most specific first: the order breaks ties
    "Chemical weapon": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Excessive force against protesters": "Protests",
    "Protest with intervention": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Peaceful protest": "Protests",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Looting/property destruction": "Strategic developments",
    "Arrests": "Strategic developments",
    "Agreement": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Armed clash": "Battles",
    "Attack": "Violence against civilians",
    "Other": "Strategic developments",
}
UNSEEN: dict[str, str] = {
    "Organized crime": "Other",
    "Natural disaster": "Other",
    "Man-made disaster": "Other",
    "Diplomatic event": "Other",
    "Attribution of responsibility": "Other",
}

CUES: list[tuple[str, str, float]] = [
    (
        r"chlorine|sarin|toxic gas|poison(?:ous)? gas|chemical (?:weapon|attack|agent|munition)s?|"
        r"mustard gas|sulfur mustard|sulphur mustard|phosgene|tabun|\bvx\b|"
        r"nerve agent",
        "Chemical weapon",
        4,
    ),
    (
        r"suicide (?:bomb\w*|attack\w*|car|vest|blast)|blew (?:him|her|them)sel(?:f|ves) up|explosive vest|"
        r"suicide|kamikazes?",
        "Suicide bomb",
        4,
    ),
    (
        # crowd-control grenades are not ACLED's grenade attacks (look-behinds after the word: cheap)
        r"grenade(?<!smoke grenade)(?<!stun grenade)(?<!stun-grenade)(?<!flash grenade)(?<!sound grenade)s?",
        "Grenade",
        4,
    ),
    (
        r"\bieds?\b|improvised explosive|roadside bomb|land ?mines?|car bomb|"
        r"bomb (?:blast|exploded|went off)|(?:explosives?|bombs?|devices?|mines?) (?:\w+ ){0,3}blew up|"
        r"explosive device|booby[- ]trap|\bmines?\b|detonat\w+|remote[- ]controlled",
        "Remote explosive/landmine/IED",
        3,
    ),
    (r"bomb(?:ing|s|ed)?\b|explosion|blast", "Remote explosive/landmine/IED", 1),
    (
        r"air ?strikes?|air raids?|warplanes?|fighter jets?|\bjets?\b|drones?|helicopters?|aircraft|"
        r"(?:army|military|regime|air force)\W{0,2}s? choppers?|"
        r"aerial (?:bombardment|attack)|air force|bombed|barrel bombs?|gunships?",
        "Air/drone strike",
        3,
    ),
    (
        r"shell(?:ing|ed|s)\b|artillery|mortars?|rockets?|missiles?|howitzers?|katyusha|projectiles?|"
        r"rocket[- ]propelled|bombard\w*|\bgrad\b",
        "Shelling/artillery/missile attack",
        3,
    ),
    (
        r"\brap(?:e|ed|ing|ist)s?\b|sexual(?:ly)? (?:assault|abuse|violence|harass)\w*|molest\w*|"
        r"abus\w+ (?:\w+ ){0,2}(?:women|girls)",
        "Sexual violence",
        4,
    ),
    (
        r"abduct\w*|kidnap\w*|disappeared|forced disappearance|taken hostage|hostages?|went missing",
        "Abduction/forced disappearance",
        3,
    ),
    (
        r"protest\w*|demonstrat\w*|rall(?:y|ies|ied)|"
        r"march(?<!on march)(?<!in march)(?<!of march)(?<!\d march)(?<!since march)(?<!early march)"
        r"(?<!late march)(?<!mid-march)(?<!last march)(?<!this march)(?<!until march)(?<!by march)"
        r"(?<!next march)(?:ed|es)?\b(?!,? ?\d)|sit-in|picket\w*|strike by|"
        r"took to the streets|chant\w*|slogans?",
        "Peaceful protest",
        2,
    ),
    (
        r"riot\w*|(?:threw|throwing|pelted) (?:stones|rocks|petrol bombs|molotov)|stone[- ]pelting|"
        r"violent(?:ly)? (?:protest|demonstrat)\w*|aggressive (?:protest|demonstrat)\w*|scuffles?|"
        r"(?:protesters|demonstrators) (?:\w+ ){0,2}clash\w*|"
        r"clash\w* (?:\w+ ){0,2}with (?:[\w-]+ ){0,3}(?:protesters|demonstrators)|"
        r"clash\w* (?:\w+ ){0,2}between (?:[\w-]+ ){0,5}(?:protesters|demonstrators|rioters)|"
        r"torched|set (?:fire|ablaze)|vandali[sz]\w*|clashed with (?:police|security)|rampag\w*",
        "Violent demonstration",
        2,
    ),
    (r"tear ?gas|water cannons?|rubber bullets|pepper spray", "Protest with intervention", 3),  # crowd control
    (
        r"\bmobs?\b|lynch\w*|vigilantes?|angry (?:crowd|villagers|residents)|beaten (?:to death )?by (?:a )?"
        r"(?:crowd|group|villagers)|group of (?:villagers|men) attacked|"
        r"(?:villagers|residents|locals|communities|tribesmen) (?:\w+ ){0,2}clash\w*|"
        r"clash\w* (?:\w+ ){0,2}between (?:[\w-]+ ){0,3}(?:villagers|residents|communities|tribesmen)",
        "Mob violence",
        3,
    ),
    (
        r"defus\w+|dismantl\w+|(?:weapons|arms|ammunition|explosives) (?:cache|depot|were|was)?\s*"
        r"(?:seized|found|recovered|confiscated|discovered)|(?:seized|recovered|confiscated|found|discovered)"
        r" (?:a |an )?(?:cache|weapons|arms|explosives|ammunition|rockets|mortar|bomb)|intercept\w*|"
        r"shot down|bomb disposal|thwart\w*|foiled",
        "Disrupted weapons use",
        3,
    ),
    (
        r"(?:set up|established?|establishing|opened|built|building|construct\w*) "
        r"(?:a |an |new |its |their )*"
        r"(?:\w+ ){0,3}(?:base|headquarters|outposts?|camp|checkpoints?|positions|barracks|"
        r"observation (?:point|post)s?)",
        "Headquarters or base established",
        4,
    ),
    (
        r"handed over|hand(?:ed|ing)? over control|withdr[ae]w\w*|pull(?:ed)? out of|retreat\w*|"
        r"(?:forces|troops|soldiers|fighters|militants|rebels|army) (?:\w+ ){0,2}pull(?:ed|ing)? out\b|"
        r"took over (?:control )?(?:peacefully|without)|transferred (?:control|to)|evacuated (?:the|their) "
        r"positions",
        "Non-violent transfer of territory",
        2,
    ),
    (
        r"without (?:any )?(?:resistance|fighting|a fight|a shot)|handed (?:\w+ ){0,2}over|peaceful handover|"
        r"evacuation (?:deal|agreement)",
        "Non-violent transfer of territory",
        3,
    ),
    (
        r"recaptur\w+|regain\w*|retook|retake\w*|liberat(?:e|es|ed|ing)\b|captur\w+|seiz\w+ control|took control|"
        r"taken control|overr[au]n|advanc\w+ (?:into|on)|gain\w* (?:control|ground)|freed\b|"
        r"(?:recovered|established|restored|took|regained) (?:full )?control|pushed back|"
        r"occupied (?:\w+ ){0,3}(?:villages?|towns?|posts?|positions|hills?|areas?)",
        "TERRITORY",
        3.5,
    ),
    (
        r"loot\w*|(?:burn(?:ed|t)|torched|destroy\w*|demolish\w*|razed) (?:\w+ ){0,3}(?:houses|homes|shops|"
        r"property|buildings|vehicles|church|mosque|temple|school|office)|ransack\w*|arson|vandal\w*|"
        r"(?:houses|homes|shops|propert(?:y|ies)|buildings|vehicles|cars) (?:\w+ ){0,3}(?:were|was|been) "
        r"(?:burn(?:ed|t)|torched|destroyed|demolished|razed|looted|set (?:ablaze|on fire))|"
        r"destruction of (?:\w+ ){0,2}(?:propert(?:y|ies)|houses|homes|shops|buildings)",
        "Looting/property destruction",
        3,
    ),
    (
        r"(?:seiz|found|discover|recover|confiscat|captur|intercept|defus|destroy|clear)\w* (?:[\w-]+ ){0,6}"
        r"(?:weapons?|arms|ammunitions?|firearms|guns|pistols|rifles|bullets|cartridges|explosives?|"
        r"explosive devices?|ieds?|landmines|grenades|caches?|depots?|packages?)\b|"
        r"(?:weapons?|arms|ammunitions?|firearms|guns|pistols|rifles|bullets|cartridges|explosives|"
        r"explosive devices?|ieds?|landmines|grenades|caches?|depots?|packages?) (?:\w+ ){0,6}"
        r"(?:(?:were|was|been|being) )?(?:seized|found|discovered|recovered|confiscated|captured|"
        r"intercepted|defused|destroyed|cleared)",
        "Disrupted weapons use",
        5,
    ),
    (r"arrest\w*|detain\w*|detention|taken into custody|apprehend\w*|rounded up|custody", "Arrests", 3),
    (
        # a captured person, not a captured place
        r"captur\w+ (?:a |an |the |\d+ |two |three |several |dozens of )?(?:[\w-]+ ){0,2}(?:commanders?|leaders?|"
        r"chiefs?|members?|suspects?|militants?|fighters?|insurgents?|terrorists?|gunmen|officials?|spies|spy)\b",
        "CAPTIVE",
        4,
    ),
    (
        r"agreement|agreed|ceasefire agreement|truce|peace (?:deal|accord|talks)|signed|accord\b|"
        r"prisoner (?:swap|exchange)|exchang\w+ (?:\w+ ){0,2}prisoners|negotiat\w+|reached a deal|\bdeal\b|"
        r"ceasefire|surrender\w*|"
        r"laid down (?:their|his|her) (?:arms|weapons)",
        "Agreement",
        2,
    ),
    (r"treat(?:y|ies)|pacts?\b", "Agreement", 2),
    (
        r"pledged allegiance|merg\w+|split from|splinter|new (?:group|faction|coalition)|formed a|"
        r"announced (?:the )?(?:formation|creation)|changed (?:its|their) name|rebrand\w*|recruit\w*|"
        r"dissolv\w+|disband\w*|joined forces|defect\w*|mobili[sz]\w+|reinforc(?:ed|ing|ements?)\b|curfew|"
        r"state of emergency|"
        r"ban(?:ned)?\b|declared",
        "Change to group/activity",
        2,
    ),
    (
        r"clash\w*|fighting(?! vehicles?)|fought|gun ?battles?|shoot-?outs?|firefights?\b|"
        r"exchange(?:d)? (?:of )?fire|skirmish\w*|"
        r"ambush\w*|offensive|engag\w+ (?:with|in)|battl\w+|attacked (?:a |an |the )?(?:military|army|"
        r"police|security|checkpoint|base|post|convoy|patrol)|ceasefire violations?",
        "Armed clash",
        2,
    ),
    (r"repell?ed|repelling|repuls(?:ed|ing)|fended off|fought off|counter-?attack(?:ed|s)?\b", "Armed clash", 2),
    (
        r"shot dead|gunned down|opened fire|killed (?:\w+ ){0,3}(?:civilians|villagers|people|residents|"
        r"farmers|worshippers|students)|massacre\w*|execut\w+|stabb\w+|hack\w+ to death|beheaded|"
        r"attack\w* (?:on )?(?:civilians|villagers|a village|residents)|gunmen|assassinat\w+|shot and killed|"
        r"murder\w*|tortur\w+|beat(?:en|ing)?\b|attack\w*|assault\w*|killed|shot",
        "Attack",
        1.5,
    ),
    # outside ACLED
    (
        r"cartels?|drug (?:traffick|lord|gang|smuggl)\w*|gangs?\b|smuggl\w+|mafia|narco\w*|extortion|"
        r"organi[sz]ed crime|robbery|robbers|criminal (?:gang|group)s?",
        "Organized crime",
        3,
    ),
    (
        r"earthquake|flood\w*|cyclone|hurricane|typhoon|landslides?|tsunami|storms?|wildfires?|drought|"
        r"tornado|heavy rain|monsoon|avalanche|volcan\w+|heatwave",
        "Natural disaster",
        4,
    ),
    (
        r"(?:building|bridge|mine|dam) collapse\w*|collapsed|train (?:crash|derail\w*|collision)|derail\w*|"
        r"(?:factory|plant|fireworks|chemical|gas) (?:fire|explosion|blast|leak)|fire broke out|blaze|"
        r"stampede|accident|spill|crash(?:ed)?|capsiz\w+|sank|poisoning",
        "Man-made disaster",
        3,
    ),
    (
        r"visit\w*|summit|talks with|met with|meeting with|diplomat\w*|ambassador|foreign minister|"
        r"bilateral|envoy|embassy|condemn\w*|sanction\w*",
        "Diplomatic event",
        2,
    ),
    (
        r"claimed responsibility|claims? responsibility|blamed|accus\w+ \w+ of|responsible for|"
        r"attributed|denied (?:any )?(?:involvement|responsibility)",
        "Attribution of responsibility",
        3,
    ),
]
COMPILED = [
    (re.compile(rf"\b(?:{pattern})", re.IGNORECASE), label, weight) for pattern, label, weight in CUES
]
ANY_CUE = re.compile("|".join(rf"\b(?:{pattern})" for pattern, _, _ in CUES), re.IGNORECASE)
"""Matches where any cue does: most sentences have none, and one search rules them all out."""
COMPILED_LOWER = [(re.compile(rf"\b(?:{pattern})"), label, weight) for pattern, label, weight in CUES]
"""The same cues without IGNORECASE (3-4 times faster), for text that :func:`folded` lowercased: the cue
patterns have no upper-case letter, so on such text they match exactly where the IGNORECASE ones do."""
_SRE_PARSER: Any = importlib.import_module("re._parser")  # the stdlib's regex parser (no typed stub)
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}


def _first_chars(items: Any) -> set[str] | None:
    """The characters a parsed regex sequence can start a match with, ``None`` when that is not a small
    known set (an optional first item, a class such as ``\\w``, an empty branch): zero-width items (``\\b``,
    look-arounds) are skipped, which can only widen the set."""
    for op, arg in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            return {chr(arg)}
        if name == "IN":
            chars: set[str] = set()
            for kind, value in arg:
                if str(kind) == "LITERAL":
                    chars.add(chr(value))
                elif str(kind) == "RANGE":
                    chars.update(chr(c) for c in range(value[0], value[1] + 1))
                else:
                    return None
            return chars
        if name == "BRANCH":
            union: set[str] = set()
            for branch in arg[1]:
                found = _first_chars(branch)
                if found is None:
                    return None
                union |= found
            return union
        if name == "SUBPATTERN":
            return _first_chars(arg[-1])
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] > 0:
            return _first_chars(arg[2])
        return None
    return None


def _cue_first_chars(pattern: str) -> frozenset[str] | None:
    """:func:`_first_chars` of a lower-case cue pattern."""
    try:
        found = _first_chars(_SRE_PARSER.parse(pattern))
    except Exception:
        return None
    return None if found is None else frozenset(found)


FIRST_CHARS_LOWER = [_cue_first_chars(pattern.pattern) for pattern, _, _ in COMPILED_LOWER]
"""Per cue of :data:`COMPILED_LOWER`: the characters its match can start with (``None``: any), so that
:func:`first_matches` tries at a place only the cues that can match there."""


def _any_cue_lower() -> re.Pattern[str]:
    """:data:`ANY_CUE` for lower-cased text, written ``\\b(?=[first letters])(?:cue|cue|...)``: it matches
    where one of the cues does, and the look-ahead on the letters a cue can start with lets the engine skip
    the other words at once (measured on GVA sentences, the scan takes 0.55 of the plain alternation's time)."""
    alternation = "|".join(f"(?:{pattern})" for pattern, _, _ in CUES)
    if any(chars is None for chars in FIRST_CHARS_LOWER):
        return re.compile(rf"\b(?:{alternation})")
    letters = sorted(set().union(*(chars for chars in FIRST_CHARS_LOWER if chars is not None)))
    return re.compile(rf"\b(?=[{re.escape(''.join(letters))}])(?:{alternation})")


ANY_CUE_LOWER = _any_cue_lower()


def folded(text: str) -> str | None:
    """``text.lower()`` when case-sensitive matching of lower-case cue patterns on it finds exactly what
    IGNORECASE matching finds on ``text`` (same length, so same offsets), else ``None``: every character
    that is not ASCII must be its own lower case and must not upper-case to ASCII (as "ı" and "ſ" do,
    which IGNORECASE matches to "i" and "s")."""
    if not text.isascii():
        for char in set(text):
            if not char.isascii() and (char.lower() != char or char.upper().isascii()):
                return None
    return text.lower()


def first_matches(searched: str, any_cue: re.Pattern[str], compiled: list[tuple[re.Pattern[str], str, float]],
                  *, unseen: bool) -> dict[int, int]:
    """Index in ``compiled`` -> where that cue first matches in ``searched`` (``pattern.search``'s start),
    for the cues that match (unseen sub-event types only with ``unseen``). ``any_cue`` is the alternation of
    all the cues, so it matches at every place where one of them does: the cues are tried, anchored, only
    at the places it finds, one scan of the text instead of one search per cue."""
    starts: dict[int, int] = {}
    found = any_cue.search(searched)
    if found is None:  # most sentences
        return starts
    wanted = [k for k, (_, label, _) in enumerate(compiled) if unseen or label not in UNSEEN]
    first = FIRST_CHARS_LOWER if compiled is COMPILED_LOWER else [None] * len(compiled)
    while wanted and found is not None:
        at = found.start()  # \b and look-behinds see the character before ``at``, as in a search
        char = searched[at] if at < len(searched) else ""
        for k in [k for k in wanted if ((chars := first[k]) is None or char in chars)
                  and compiled[k][0].match(searched, at)]:
            starts[k] = at
            wanted.remove(k)
        found = any_cue.search(searched, at + 1)
    return starts
