"""One article's casualty counts: distinct people per kind across repeated mentions of them.

News repeats its lead: the headline, the first sentence and the body name the same victims again ("Man shot
on Main Street" / "A 23-year-old man was shot" / "The victim was taken to a hospital"). :func:`article_counts`
reads the figures of ``rashomon.casualties.v1`` as mentions of people and counts each person once:

* a figure is *explicit* when it writes a count ("two", "a", "at least 14") or names someone ("Jane Doe",
  a headline's "Man"); it is *anaphoric* when it points back ("he", "they", "the victim", "both");
* within one sentence the explicit figures of one trigger add up ("killing three soldiers and two
  civilians"); across sentences the larger figure wins, except where a sentence introduces more people
  ("a second man", "two others", "another victim"), which adds them to the running total;
* anaphoric figures count only when the article has no explicit figure of that kind ("He died later" after
  "a man was shot" makes the man killed);
* people counted killed are not also injured: an injury figure linked (``same_as``) to a killed figure is
  dropped, and where the article reports deaths only injury words ("wounded", "injured", "hurt") or
  figures marked as more people count as injured, because "shot", "taken to hospital", "his wounds" and
  "in critical condition" usually describe the person who then died.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from rashomon.extract.casualty_left import both_at_least, shot_left
from rashomon.extract.casualty_lexicon import ANAPHORS
from rashomon.extract.casualty_lived import (
    alive_mentions,
    also_hurt,
    shot_in_a_limb,
    survived,
    wounded_beside_the_dead,
)
from rashomon.extract.casualty_names import is_name, named_dead
from rashomon.extract.casualty_repeats import repeated
from rashomon.extract.casualty_same_dead import the_dead_again
from rashomon.extract.numbers import find_counts
from rashomon.records import CasualtyFigure, CasualtyKind

REFLEXIVES = {"himself", "herself"}
KILLER_WORDS = {"suspect", "gunman", "shooter", "attacker", "assailant", "killer"}
"""Nouns that name the killer himself ("the suspect was found dead")."""
SHOOTER_WORDS = {"suspect", "gunman", "shooter", "attacker", "assailant", "man", "woman"}
"""Who a pointing figure names when it may be the shooter himself ("the man was found dead")."""
SELF_INFLICTED = "self-inflicted"
"""The trigger of a shooter's death by his own hand ("found dead from a self-inflicted gunshot wound")."""
SELF_TRIGGERS = {SELF_INFLICTED, "life"}  # "took his own life"

ADDITIONAL = re.compile(
    r"\b(?:other|others|another|second|third|fourth|fifth|additional|further|more|also|else)\b", re.IGNORECASE
)
"""Words marking a figure as more people than those counted before ("a second man", "two others")."""

INJURY_WORDS = re.compile(r"^(?:injur|wound|hurt|maim)", re.IGNORECASE)
"""Triggers that say "injured" outright (as opposed to "shot", "taken to hospital", "condition")."""

_WOUND_NOUNS = {"wound", "wounds", "injury", "injuries"}
_ONE_OF = re.compile(r"\b(?:one of|among)\s+(?:the\s+)?$", re.IGNORECASE)
_ANYONE = {"anyone", "anybody", "everyone", "everybody", "someone", "somebody"}

ALL_THE_DEAD = {"dead", "died", "die", "dies", "death", "deaths", "deceased", "bodies", "fatalities"}
"""Triggers that count everyone dead, the killer who took his own life included ("Four dead after a triple
murder-suicide"), unlike "killed" / "shot", whose objects are the killer's victims."""



def is_anaphoric(figure: CasualtyFigure) -> bool:
    """Whether the figure points back at people already mentioned ("he", "the victim", "both")."""
    return _anaphoric_value(figure.value_text)


@lru_cache(maxsize=4096)
def _anaphoric_value(text: str) -> bool:
    """:func:`is_anaphoric` of a value text (asked many times per article: kept per text)."""
    value = text.strip()
    lower = value.lower()
    if lower in ANAPHORS:
        return True
    if find_counts(value):
        return False
    return not value[:1].isupper()


_TOLD_UP_TO = re.compile(r"\s*(?:up\s+to|as\s+many\s+as)\b", re.IGNORECASE)
"""The modifiers whose number is the count told: "as many as five", "up to four"."""


def _as_many_as(figure: CasualtyFigure) -> CasualtyFigure:
    """ "as many as five people were wounded", "up to four": the number written is the count told (its range
    starts at 1 only because some people were surely hit). Other ranges keep their lower bound: "one or two",
    "1-3", "between one and three" (the conservative reading of ``numbers``)."""
    low, high = figure.count_min, figure.count_max
    if low != 1 or high is None or high <= 1 or figure.vague:
        return figure
    if not _TOLD_UP_TO.match(figure.value_text or ""):
        return figure
    return replace(figure, count_min=high)


def is_additional(figure: CasualtyFigure) -> bool:
    """Whether the figure is marked as more people than those counted before."""
    words = " ".join(filter(None, (figure.value_text, figure.victims)))
    return bool(ADDITIONAL.search(words))


def _roots(figures: Sequence[CasualtyFigure]) -> list[int]:
    """The index of the first mention of the people each figure counts (following ``same_as``)."""
    roots = list(range(len(figures)))
    for index, figure in enumerate(figures):
        if figure.same_as is not None and 0 <= figure.same_as < index:
            roots[index] = roots[figure.same_as]
    return roots


def _distinct(figures: Sequence[CasualtyFigure], again: Sequence[CasualtyFigure] = ()) -> int:
    """People counted by explicit figures of one kind: sentence totals, more people added across sentences.
    ``again`` are explicit re-mentions of people counted before: they add nothing, but a sentence naming
    one of them beside someone new ("Charles Dishon and Steve Hall were transported") holds both."""
    by_sentence: dict[int | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with_again: dict[int | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    added: dict[int | None, bool] = {}
    listed: dict[tuple[int | None, str], list[int]] = defaultdict(list)
    for figure in figures:
        listed[(figure.sentence_start, (figure.trigger or "").lower())].append(figure.count_min or 0)
        added[figure.sentence_start] = added.get(figure.sentence_start, True) and is_additional(figure)
    for (key, trigger), values in listed.items():
        by_sentence[key][trigger] = with_again[key][trigger] = _sentence_sum(values)
    for figure in again:
        if figure.sentence_start in by_sentence:
            with_again[figure.sentence_start][(figure.trigger or "").lower()] += figure.count_min or 0
    ordinals: dict[int | None, int] = {}
    for figure in figures:
        rank = _ordinal(figure)
        if rank:
            ordinals[figure.sentence_start] = max(ordinals.get(figure.sentence_start, 0), rank)
    running = 0
    group = False  # a count of two or more people seen: "another man" may be one of them
    for key in sorted(by_sentence, key=lambda k: -1 if k is None else k):
        total = max(by_sentence[key].values())
        if not (added[key] and running):
            total = max(with_again[key].values())
            running = max(running, total)
            group = group or total >= 2
        elif key in ordinals:
            running = max(running, ordinals[key])  # "a third victim": three at least
        elif not (group and total == 1):
            running += total  # "Four wounded ... Another man was shot in the arm": one of the four
    return running


def _sentence_sum(values: Sequence[int]) -> int:
    """People one trigger of a sentence counts: its figures add up ("three soldiers and two civilians"),
    except a total broken down after it ("six people, three men and three women, were shot": six)."""
    if len(values) >= 3 and values[0] == sum(values[1:]):
        return values[0]
    return sum(values)


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}


def _ordinal(figure: CasualtyFigure) -> int:
    """The rank a figure gives its person ("a second man": 2), 0 without one."""
    words = " ".join(filter(None, (figure.value_text, figure.victims))).lower().split()
    return max((_ORDINALS.get(w, 0) for w in words), default=0)


def _anaphoric_count(figures: Sequence[CasualtyFigure]) -> int:
    return max((f.count_min or 0 for f in figures), default=0)


def is_reflexive(figure: CasualtyFigure) -> bool:
    """ "then killed himself": the shooter's own death, one person apart from the victims counted."""
    if figure.kind != "killed":
        return False
    return figure.value_text.strip().lower() in REFLEXIVES or (figure.trigger or "").lower() in SELF_TRIGGERS


def _enumerated(figures: Sequence[CasualtyFigure]) -> set[int]:
    """Indices of pointing-looking figures listed beside an explicit one of the same trigger and sentence
    ("killing his five young children as well as his wife": the wife is one more person)."""
    out: set[int] = set()
    for index, figure in enumerate(figures):
        if figure.same_as is not None or not is_anaphoric(figure) or figure.value_text.lower() in ANAPHORS:
            continue
        if any(
            not is_anaphoric(other)
            and other.sentence_start == figure.sentence_start
            and other.trigger == figure.trigger
            for other in figures[:index]
        ):
            out.add(index)
    return out


def _kind_count(figures: Sequence[CasualtyFigure], again: Sequence[CasualtyFigure] = (), text: str = "") -> int:
    whole = [f for f in figures if (f.trigger or "").lower() == "suicide"]  # "murder-suicide": killer included
    rest = [f for f in figures if (f.trigger or "").lower() != "suicide"]
    listed = _enumerated(rest)
    explicit = [f for i, f in enumerate(rest) if (not is_anaphoric(f) or i in listed) and not is_reflexive(f)]
    shooter = int(any(is_reflexive(f) and not _child_himself(f, text) for f in rest))
    explicit = [f for f in explicit if f.count_min or not is_additional(f)]  # "no one else": no one more
    if explicit:
        both = max((f.count_min or 0 for f in rest if f.value_text.strip().lower() == "both"), default=0)
        total = _distinct(explicit, again)
        if shooter:  # "5 dead after officer kills family ... before killing himself": the dead include him
            killed = [f for f in explicit if not _all_the_dead(f)]
            total = max(total, _distinct(killed, again) + shooter) if len(killed) < len(explicit) else total + 1
        return max(total, _anaphoric_count(whole), both)
    victims = [f for f in rest if not is_reflexive(f) and not _may_be_the_shooter(f)]
    return max(_anaphoric_count(figures), _anaphoric_count(victims) + shooter)


def _child_himself(figure: CasualtyFigure, text: str) -> bool:
    """ "A 9-year-old boy fatally shot himself", "the girl accidentally shot herself": a child (or an accident)
    shot himself, the victim counted already, no shooter apart."""
    if not text or figure.sentence_start is None:
        return False
    before = text[max(figure.sentence_start, figure.start - 80) : figure.start]
    if len(_HARM.findall(before)) > 1 or _THEN.search(before):
        return False  # "shot and killed his 8-year-old son before fatally shooting himself": his victim
    return _CHILD.search(before) is not None


_HARM = re.compile(r"\b(?:kill\w*|shot|shoots?|shooting|murder\w*|stabb\w*)\b", re.IGNORECASE)
_THEN = re.compile(r"\b(?:then|before|after)\b", re.IGNORECASE)
_CHILD = re.compile(
    r"\b(?:boy|girl|child|toddler|son|daughter|kid|\w+-year-old|teen|teenager|accidental(?:ly)?)\b", re.IGNORECASE
)


def _all_the_dead(figure: CasualtyFigure) -> bool:
    """A count of everyone dead ("5 dead", "Mother, 2 children found dead"), the killer who took his own life
    among them; not a name, "the suspect was found dead" (the killer alone) nor "killed"/"shot" (his
    victims)."""
    if (figure.trigger or "").lower() not in ALL_THE_DEAD or is_name(figure.value_text):
        return False  # "Davidson died": the victim named, not a total
    words = f"{figure.value_text} {figure.victims or ''}".lower().split()
    return not any(w in KILLER_WORDS for w in words)


def _may_be_the_shooter(figure: CasualtyFigure) -> bool:
    """ "he", "the gunman": a pointing figure that may be the shooter who killed himself; "his wife" is not."""
    words = f"{figure.value_text} {figure.victims or ''}".lower().split()
    return not words or words[0] in ANAPHORS or any(w in SHOOTER_WORDS for w in words)


def _counts_as_injured(
    figure: CasualtyFigure,
    deaths: bool,
    text: str,
    alive: bool = False,
    dying: dict[int | None, list[CasualtyFigure]] | None = None,
) -> bool:
    """Where the article reports deaths, only injury words, more people or a survivor make an injury; a
    noun ("her father was injured") says injured like a count, a pronoun may be the dead person. ``dying``:
    the explicit death figures of each sentence that tells a death (a count of people taken to hospital in another
    sentence is alive; one hurt in a limb beside other dead people is alive)."""
    if not deaths:
        return True
    trigger = (figure.trigger or "").lower()
    injury_word = bool(INJURY_WORDS.match(trigger)) and trigger not in _WOUND_NOUNS
    if figure.value_text.strip().lower() in ANAPHORS or figure.value_text.strip().lower() in _ANYONE:
        return False
    if is_anaphoric(figure):
        return injury_word or alive
    if injury_word or alive or is_additional(figure) or _more_between(figure, text) or survived(figure, text):
        return True
    if dying is None or figure.sentence_start not in dying:
        return also_hurt(figure, text) or shot_in_a_limb(figure, text)
    dead = dying[figure.sentence_start]
    return not any(map(is_anaphoric, dead)) and wounded_beside_the_dead(figure, dead, text)


def _more_between(figure: CasualtyFigure, text: str) -> bool:
    """ "three other people had been shot": a word between the count and its noun marks more people; "the
    other six were rushed to the hospital", "one of the other three people shot": a word just before it (not
    the object of the figure's own verb: "she shot the other three victims" are the shooter's dead)."""
    if not text:
        return False
    other = _OTHER_BEFORE.search(text, max(figure.start - 12, 0), figure.start)
    if other is not None:
        verb = text[max(other.start() - 16, 0) : other.start()].split()[-2:]  # "shot the other three victims"
        return (figure.trigger or "").lower() not in (w.lower() for w in verb)
    if figure.victims_start is None and _OTHERS_AFTER.match(text, figure.end):
        return True  # "four others were in the hospital": the count's own noun is "others"
    if figure.victims_start is None or not figure.end <= figure.victims_start <= figure.end + 40:
        return False
    return bool(ADDITIONAL.search(text, figure.end, figure.victims_start))


_OTHER_BEFORE = re.compile(r"\b(?:other|additional|remaining)\s+$", re.IGNORECASE)
_OTHERS_AFTER = re.compile(r"\s+(?:others|more)\b", re.IGNORECASE)


def article_counts(figures: Sequence[CasualtyFigure], text: str = "") -> dict[CasualtyKind, int]:
    """The article's count per kind, each person counted once across repeated mentions (module doc);
    ``text`` (the text the figures' offsets index) lets a survivor's sentence ("non-life-threatening")
    count among the injured where deaths are reported."""
    figures = [_as_many_as(f) for f in figures]
    roots = _roots(figures)
    killed_roots = {
        roots[i]
        for i, f in enumerate(figures)
        if f.kind == "killed" and (f.count_min or 0) > 0 and not f.background
    }
    by_kind: dict[CasualtyKind, list[CasualtyFigure]] = defaultdict(list)
    survivors = _survivors(figures, text)
    again: dict[CasualtyKind, list[CasualtyFigure]] = defaultdict(list)
    repeats = repeated(figures, text)
    for index, figure in enumerate(figures):
        if figure.background or index in repeats:
            continue  # another event's people (casualty_background), or the same words printed again
        if index in survivors:
            by_kind["injured"].append(survivors[index])
            continue
        if figure.kind == "injured" and roots[index] in killed_roots:
            if roots[index] == index and _others_than_the_dead(figure, figures, text):
                by_kind["injured"].append(figure)  # "... and four others wounded. One of the victims died"
                continue
            rest = _not_among_the_dead(figures, roots, index)
            if rest is not None:
                by_kind["injured"].append(rest)
            continue
        if roots[index] != index and figure.kind == figures[roots[index]].kind:
            if not is_anaphoric(figure) and not is_reflexive(figure):
                again[figure.kind].append(figure)
            continue  # a re-mention of people already counted under this kind
        by_kind[figure.kind].append(figure)
    counts: dict[CasualtyKind, int] = {}
    killed = [f for f in by_kind.get("killed", []) if (f.count_min or 0) > 0]
    alive = alive_mentions(figures, roots, text)
    told_dead = [f for f in figures if f.kind == "killed" and not f.background]
    dying: dict[int | None, list[CasualtyFigure]] = defaultdict(list)
    for f in told_dead:
        dying[f.sentence_start].append(f)
    for kind, members in by_kind.items():
        if kind == "injured":
            members = [
                f
                for f in members
                if _counts_as_injured(f, bool(killed), text, id(f) in alive, dying)
                and not (killed and the_dead_again(f, told_dead, text))
            ]
            if not members:
                continue
        counts[kind] = _kind_count(members, again.get(kind, []), text)
    if counts.get("killed"):
        counts["killed"] = max(counts["killed"], named_dead(figures, roots))
    if counts.get("injured") and _killed_among_injured(by_kind.get("injured", []), killed):
        counts["injured"] = max(counts["injured"] - counts.get("killed", 0), 0)
    # the people shot less the dead, after the subtraction above: both take the dead out, once
    if counts.get("killed") and not any(is_reflexive(f) for f in figures if not f.background):  # a shooter's death

        def plain(i: int) -> bool:
            f = figures[i]
            return not (f.background or i in repeats or roots[i] != i or is_anaphoric(f) or is_additional(f))

        left = shot_left(figures, plain, dying, counts["killed"], text)
        if left > counts.get("injured", 0):
            counts["injured"] = left
    return counts


def _survivors(figures: Sequence[CasualtyFigure], text: str = "") -> dict[int, CasualtyFigure]:
    """ "Three shot, one dead": where a sentence counts N people shot and M < N of them dead, the other
    N - M are the injured (an injury figure of its own, keyed by the index of the "shot" figure); "Jones
    was one of five people shot" in an article that reports a death: the other four (:func:`_one_of`)."""
    out: dict[int, CasualtyFigure] = {}
    deaths = any(f.kind == "killed" and (f.count_min or 0) > 0 and not f.background for f in figures)
    for index, figure in enumerate(figures):
        if figure.kind != "injured" or is_anaphoric(figure):
            continue
        if INJURY_WORDS.match(figure.trigger or ""):
            included = _included_dead(figure, figures, text) if deaths else 0
            if included:
                left = (figure.count_min or 0) - included
                out[index] = replace(figure, count_min=left, count_max=left)
            continue
        if deaths and _one_of(figure, text):
            shot = figure.count_min or 0
            out[index] = replace(figure, count_min=shot - 1, count_max=shot - 1, trigger="wounded")
            continue
        killed = [f for f in figures if f.kind == "killed" and f.sentence_start == figure.sentence_start]
        if any(f.trigger == figure.trigger for f in killed):
            continue  # "found a man shot to death, along with two ...": one verb, not shot vs dead
        dead = sum(f.count_min or 0 for f in killed if not is_anaphoric(f))
        shot = figure.count_min or 0
        if dead and shot and _dead_told_first(figure, killed):
            out[index] = replace(figure, trigger=_OTHERS_HURT)  # "Two victims died, and three were hospitalized"
            continue
        if not (0 < dead < shot and (figure.count_max == shot or both_at_least(figure, killed))):
            continue
        if not (is_additional(figure) or _more_between(figure, text)):  # "killed and seven others shot": others
            out[index] = replace(figure, count_min=shot - dead, count_max=shot - dead, trigger="wounded")
    return out


def _included_dead(figure: CasualtyFigure, figures: Sequence[CasualtyFigure], text: str) -> int:
    """ "Three people were injured, including a woman who succumbed to her injuries", "leaving six people wounded
    -- two mortally": the dead written inside the hurt count's own phrase, after it; 0 where none is."""
    hurt = figure.count_min or 0
    if hurt < 2 or figure.count_max != hurt or not text:
        return 0
    dead = 0
    for other in figures:
        if other.kind != "killed" or other.sentence_start != figure.sentence_start or other.start < figure.end:
            continue
        if is_anaphoric(other) or other.background:
            continue
        if is_additional(other):  # "four wounded -- two others killed": other people
            continue
        if _INCLUDING.search(text, figure.end, other.start) and other.start - figure.end < 120:
            dead += other.count_min or 0
    return dead if 0 < dead < hurt else 0


_INCLUDING = re.compile(r"(?:\bincluding\b[^.;,]*|\s(?:--|\u2014|\u2013)\s*)$")
"""The hurt count's own phrase up to a dead figure: "including" with no comma between ("wounded, including two
children, and three were killed" counts three others), or a dash."""


def _dead_told_first(figure: CasualtyFigure, killed: Sequence[CasualtyFigure]) -> bool:
    """ "Two victims died, and three were hospitalized": the dead told before a count of people carried to or
    kept in hospital are others than those people ("Three shot, one dead" tells the hurt first)."""
    trigger = (figure.trigger or "").lower()
    return trigger not in _SHOT_WORDS and all(f.start < figure.start for f in killed)


_OTHERS_HURT = "wounded, others"
"""The trigger of people hurt beside the dead told before them: an injury word of its own (one sum per trigger)."""
_SHOT_WORDS = {"shot", "shooting", "shoots", "struck", "hit", "hitting", "striking", "stabbed"}


def _one_of(figure: CasualtyFigure, text: str) -> bool:
    """ "Durham was one of five people shot", "she was among 3 people shot": a count of people shot that
    holds the sentence's subject; where the article reports a death, that subject is the dead person."""
    shot = figure.count_min or 0
    before = _ONE_OF.search(text, max(figure.start - 12, 0), figure.start)
    return shot >= 2 and figure.count_max == shot and before is not None


def _others_than_the_dead(figure: CasualtyFigure, figures: Sequence[CasualtyFigure], text: str) -> bool:
    """ "One person was killed and four others wounded": hurt people marked as others than the dead of their own
    sentence; a later "One of the victims died" re-tells one of those dead, not one of the four."""
    if not (is_additional(figure) or _more_between(figure, text)):
        return False
    return any(
        f.kind == "killed" and f.sentence_start == figure.sentence_start and f.count_min and f.same_as is None
        for f in figures
        if not f.background
    )


def _not_among_the_dead(
    figures: Sequence[CasualtyFigure], roots: Sequence[int], index: int
) -> CasualtyFigure | None:
    """ "Two men were shot. One of them died": the first mention of N people hurt, M of them pointing
    figures killed later (partitive "one of them"), leaves N - M injured (an injury figure of its own)."""
    figure = figures[index]
    if roots[index] != index or is_anaphoric(figure) or figure.count_max != figure.count_min:
        return None
    dead = sum(
        f.count_min or 0
        for i, f in enumerate(figures)
        if f.kind == "killed" and f.same_as == index and not f.background
    )
    shot = figure.count_min or 0
    if not 0 < dead < shot:
        return None
    return replace(figure, count_min=shot - dead, count_max=shot - dead, trigger="wounded")


def _killed_among_injured(injured: Sequence[CasualtyFigure], killed: Sequence[CasualtyFigure]) -> bool:
    """"Two people were wounded ... The 19-year-old victim died": the dead were among the wounded counted
    first, because every death figure points back ("the victim", "he") and comes after the first injury."""
    if not injured or not killed:
        return False
    first_injured = min(f.start for f in injured if not is_anaphoric(f)) if any(
        not is_anaphoric(f) for f in injured
    ) else None
    return (
        first_injured is not None
        and all(is_anaphoric(f) for f in killed)
        and min(f.start for f in killed) > first_injured
    )
