"""ACLED's lines between neighbouring sub-event types, one hand-built sentence per construction, and the
cue scan's first-letter shortcut."""

from __future__ import annotations

import pytest

from rashomon.extract import event_cues
from rashomon.extract.events import classify_text


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # violence aimed at an armed group is a battle; at civilians, an attack
        ("Militants attacked an army checkpoint overnight, killing four soldiers.", "Armed clash"),
        ("Three were killed when insurgents set upon a base outside the city.", "Armed clash"),
        ("Gunmen attacked the village and killed nine residents.", "Attack"),
        ("Gunmen stormed the community and killed twelve people.", "Attack"),  # entering by force: no control
        ("Police said two officers were shot dead outside the station.", "Attack"),
        # an aim is not a change of control
        ("The rebels' attack to capture the army positions was fended off.", "Armed clash"),
        ("The army staged a counterattack and significant ground was regained.", "Government regains territory"),
        # a place taken after the other side left, with no fighting named
        ("Government forces entered the town after the rebel fighters pulled out.",
         "Non-violent transfer of territory"),
        ("Rebels took control of the district after troops withdrew from it.", "Non-violent transfer of territory"),
        # captured people vs a captured place
        ("The army captured a senior rebel commander near the border.", "Arrests"),
        ("The army seized control of the town and captured two militant commanders.", "Government regains territory"),
        # crowds and police
        ("Police fired tear gas and pepper spray at crowds in the shopping district.", "Protest with intervention"),
        ("Police used smoke grenades to disperse the crowds at the rally.", "Protest with intervention"),
        ("Clashes erupted between police and protesters in the capital.", "Violent demonstration"),
        ("Soldiers violently suppressed a peaceful protest in the town.", "Excessive force against protesters"),
        ("Thousands marched in the capital on Friday.", "Peaceful protest"),
        # the month is not a march
        ("An IED detonated under their vehicle on 1 March, killing three.", "Remote explosive/landmine/IED"),
        ("He was arrested in March on robbery charges.", "Arrests"),
        # "Liberation Front" takes no territory
        ("Militants of the Liberation Front detonated a bomb at the residence.", "Remote explosive/landmine/IED"),
        ("Explosives in the container blew up as soldiers tried to defuse them.", "Remote explosive/landmine/IED"),
        ("Ten houses and shops were torched in the village.", "Looting/property destruction"),
        ("The rebels and the government exchanged prisoners near the city.", "Agreement"),
        ("Both countries signed the arms control treaty on Monday.", "Agreement"),
        # weapons seized are no attack with them; a communal brawl is mob violence; a named chemical agent
        ("Police seized two MON-50 landmines and three F-1 grenades from a cache.", "Disrupted weapons use"),
        ("A man was killed as villagers clashed using bamboo sticks and iron rods.", "Mob violence"),
        ("The air force used sulfur mustard in an attack on the town.", "Chemical weapon"),
        # a weapon's name is no fighting; the reported clause names the taker; a crowd attacking a protest
        ("Forces mounted attacks on army positions with mortars and infantry fighting vehicles.",
         "Shelling/artillery/missile attack"),
        ("A military spokesman said rebel militants had gained ground in the north of the city.",
         "Non-state actor overtakes territory"),
        ("Dozens were injured when a group of men attacked a peaceful rally in the square.", "Mob violence"),
        ("Authorities arrested pro-democracy activist Lam Wai over an illegal protest last year.", "Arrests"),
        ("Police arrested twenty protesters at the rally outside parliament.", "Protest with intervention"),
        ("The rebels sustained heavy losses in raids by the army's choppers.", "Air/drone strike"),
        ("Pictures from Chopper 11 showed the street where three people were shot.", "Attack"),
        # a crowd at an armed target stays a protest or riot
        ("Protesters threw stones at the army base and clashed with soldiers.", "Violent demonstration"),
    ],
)
def test_events_acled_lines_classify_text(text: str, sub_type: str) -> None:
    assert classify_text(text)[1] == sub_type


def test_events_acled_lines_firearm_drawn_is_no_withdrawal() -> None:
    assert classify_text("He pulled out his gun and opened fire on the man.")[1] == "Attack"


@pytest.mark.parametrize(
    ("pattern", "chars"),
    [
        (r"ab|c[de]|(?:x|y)z", {"a", "c", "x", "y"}),
        (r"grenade(?<!smoke grenade)s?", {"g"}),
        (r"(?<!on )march", {"m"}),  # a look-behind is zero-width: skipped
        (r"[a-c]x", {"a", "b", "c"}),
        (r"(?:the )?base", None),  # an optional first item: any letter
        (r"\w+ed|base", None),  # a class
    ],
)
def test_event_cues_first_chars_are_a_superset(pattern: str, chars: set[str] | None) -> None:
    assert event_cues._cue_first_chars(pattern) == (None if chars is None else frozenset(chars))


def test_event_cues_scan_finds_where_the_plain_alternation_does() -> None:
    import re

    plain = re.compile("|".join(rf"\b(?:{pattern})" for pattern, _, _ in event_cues.CUES))
    text = ("on 3 march the rebels marched; 2 grenades, a stun grenade and tear gas. troops withdrew, "
            "the liberation front regained ground; shops were looted. nothing else.")
    found = [m.start() for m in event_cues.ANY_CUE_LOWER.finditer(text)]
    assert found == [m.start() for m in plain.finditer(text)]
    assert found  # the text has cues
