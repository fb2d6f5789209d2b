"""Wire datelines filed from a bureau city (:func:`rashomon.extract.event_place.filed_elsewhere`) on hand-built
reports: the lede's "in X" beats the dateline, unless the text places the event at the dateline's town, X is
where people were taken, or X lies in another state; an untagged dateline only to a town far from it."""

from __future__ import annotations

from rashomon.extract.event_place import dateline_span, filed_elsewhere, main_place, mention_weight
from rashomon.records import Place

TOWNS = {"NEW ORLEANS": ("LA", 29.95, -90.07), "Charenton": ("LA", 29.88, -91.53),
         "KANSAS CITY": ("MO", 39.10, -94.58), "Kansas City": ("MO", 39.10, -94.58), "Edgerton": ("MO", 39.50, -94.63),
         "MOUNT VERNON": ("NY", 40.91, -73.84), "Mount Vernon": ("NY", 40.91, -73.84), "Yonkers": ("NY", 40.93, -73.90),
         "STRATFORD": ("WI", 44.80, -90.08), "Marshfield": ("WI", 44.67, -90.17), "Salem": ("WI", 42.55, -88.11),
         "Newtown": ("CT", 41.41, -73.31), "PORTLAND": ("OR", 45.52, -122.68), "Merlin": ("OR", 42.52, -123.42)}


def places_of(text: str) -> list[Place]:
    """A town at every occurrence of each name of :data:`TOWNS` in ``text`` (case-sensitive), in text order."""
    found = []
    for name, (admin1, lat, lon) in TOWNS.items():
        start = text.find(name)
        while start >= 0:
            found.append(Place(text=name, start=start, end=start + len(name), name=name.title(), country_code="US",
                               admin1=admin1, lat=lat, lon=lon, precision="town"))
            start = text.find(name, start + 1)
    return sorted(found, key=lambda p: p.start)


def chosen(text: str, *cues: str) -> str:
    """The chosen place's name, with event spans at each cue word."""
    places = places_of(text)
    spans = [(text.index(cue), text.index(cue) + len(cue)) for cue in cues]
    index = main_place(places, event_spans=spans, text=text)
    assert index is not None
    return places[index].name


def test_event_place_wire_dateline_loses_to_the_town_the_lede_names() -> None:
    text = ("NEW ORLEANS (AP) — Police on Saturday arrested a man suspected of fatally shooting a tribal officer "
            "after allegedly setting fire to a mobile home in south Louisiana. The officer was pronounced dead at "
            "the scene of the shootings in Charenton, state police said. NEW ORLEANS police were not involved.")
    assert chosen(text, "shooting", "shootings") == "Charenton"
    local = text.replace("NEW ORLEANS (AP) —", "NEW ORLEANS —")  # untagged: Charenton lies 140 km away
    assert chosen(local, "shooting", "shootings") == "Charenton"
    places = places_of(text)
    dateline = dateline_span(text)
    assert dateline == (0, 11)
    weight = [mention_weight(p, text, [], dateline, 300, 400) for p in places]
    spans = [(text.index("shootings"), text.index("shootings") + 9)]
    assert filed_elsewhere(places, weight, text, dateline, spans, 300, 400)
    assert not filed_elsewhere(places, weight, text, dateline, [], 300, 400)  # no violence near "in Charenton"


def test_event_place_wire_dateline_town_named_as_a_distance_is_no_event_place() -> None:
    text = ("KANSAS CITY, Mo. (AP) — A 24-year-old man is accused of fatally shooting four of his family members. "
            "He is charged in the deaths of his grandparents at their home near Edgerton, 30 miles north of "
            "Kansas City.")
    assert chosen(text, "shooting", "deaths") == "Edgerton"


def test_event_place_wire_dateline_kept_when_the_text_places_the_event_there() -> None:
    text = ("MOUNT VERNON, N.Y. (AP) - Police say a man opened fire in a Mount Vernon nightclub, killing one person. "
            "The suspect was arrested in Yonkers hours after the shooting.")
    assert chosen(text, "opened fire", "shooting") == "Mount Vernon"
    moved = text.replace("in a Mount Vernon nightclub", "in a nightclub in Yonkers").replace(
        "arrested in Yonkers", "arrested")
    assert chosen(moved, "opened fire", "shooting") == "Yonkers"


def test_event_place_wire_dateline_kept_for_hospitals_courts_and_other_states() -> None:
    text = ("STRATFORD, Wis. (WSAU) -- A man was shot in the upper body by a member of his hunting party east of "
            "STRATFORD. He was taken to St. Joseph's hospital in Marshfield. ")
    assert chosen(text, "shot") == "Stratford"
    found = text.replace("He was taken to St. Joseph's hospital", "He was found at a home")
    assert chosen(found, "shot") == "Marshfield"
    taken = text.replace("St. Joseph's hospital in", "Saint Joseph Medical Center at Riverbend in")
    assert chosen(taken, "shot") == "Stratford"
    court = text.replace("St. Joseph's hospital in Marshfield", "a hospital. He is due in Salem County Court")
    assert chosen(court, "shot") == "Stratford"
    other_state = text.replace("St. Joseph's hospital in Marshfield", "safety, as after the shooting in Newtown")
    assert chosen(other_state, "shot", "shooting") == "Stratford"


def test_event_place_station_dateline_loses_to_a_town_far_from_the_station() -> None:
    text = ("PORTLAND, Ore. (KOIN) — A man was shot and killed at a home in Merlin on Sunday, deputies said. "
            "The shooter fled.")
    assert chosen(text, "shot") == "Merlin"
    assert chosen(text.replace("(KOIN)", "(Staff)"), "shot") == "Merlin"  # no tag: Merlin lies 340 km away


def test_event_place_untagged_dateline_keeps_its_neighbourhoods_and_crossings() -> None:
    """A paper's own dateline loses only to a town of its state at least ``BUREAU_KM`` away that the lede names
    by its own name: a suburb ("MOUNT VERNON -- ... in Yonkers", 5 km) or a street crossing is no other town."""
    text = "MOUNT VERNON — A man was shot and killed at a home in Yonkers on Sunday, police said."
    assert chosen(text, "shot") == "Mount Vernon"
    assert chosen(text.replace("MOUNT VERNON —", "MOUNT VERNON (AP) —"), "shot") == "Yonkers"  # the wire's rule
    crossing = "PORTLAND — Four people were shot at Merlin and Winter streets on Friday night, police said."
    assert chosen(crossing, "shot") == "Portland"


def test_event_place_crossing_streets_are_no_place() -> None:
    """"at Independence and Wabash avenues" names two streets: neither is the event's town, whatever the text
    says elsewhere (here a suspect's home)."""
    text = ("Officers were called to Independence and Wabash avenues about 5 a.m. after a woman was shot. Derrick "
            "Williams, 31, of Kansas City, was charged.")
    points = {"Independence": ("MO", 39.09, -94.42), "Wabash": ("IN", 40.80, -85.82),
              "Kansas City": ("MO", 39.10, -94.58)}

    def chosen_here(report: str) -> str:
        places = [Place(text=n, start=report.index(n), end=report.index(n) + len(n), name=n, country_code="US",
                        admin1=a, lat=lat, lon=lon, precision="town") for n, (a, lat, lon) in points.items()
                  if n in report]
        index = main_place(places, event_spans=[(report.index("shot"), report.index("shot") + 4)], text=report)
        assert index is not None
        return places[index].name

    assert chosen_here(text) == "Kansas City"
    assert chosen_here(text.replace("to Independence and Wabash avenues", "to a home in Independence")) == (
        "Independence")  # the town itself
