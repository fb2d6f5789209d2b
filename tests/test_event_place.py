"""The event place of one article (:mod:`rashomon.extract.event_place`) on hand-built reports."""

from __future__ import annotations

from rashomon.extract.event_place import dateline_span, inside_name, main_place, one_reading_per_name, surname
from rashomon.records import Place

TOWN = {"houston": ("US", "TX", 29.76, -95.36), "katy": ("US", "TX", 29.79, -95.82),
        "kyle": ("US", "TX", 29.99, -97.88), "findlay": ("US", "OH", 41.04, -83.65),
        "putnam county": ("US", "OH", 41.02, -84.13), "police": ("PL", "87", 50.0, 19.9),
        "davis": ("US", "CA", 38.54, -121.74), "terre haute": ("US", "IN", 39.47, -87.41),
        "townsend": ("US", "DE", 39.40, -75.69), "cincinnati": ("US", "OH", 39.13, -84.51),
        "madisonville": ("US", "KY", 37.33, -87.50), "street": ("GB", "ENG", 51.12, -2.74),
        "council bluffs": ("US", "IA", 41.26, -95.86), "tucumcari": ("US", "NM", 35.17, -103.72),
        "nelson": ("US", "MO", 39.10, -90.77), "kansas city": ("US", "MO", 39.10, -94.58)}
STATE = {"texas": ("US", "TX", 31.0, -99.0), "ind.": ("US", "IN", 40.0, -86.1), "n.m.": ("US", "NM", 34.5, -106.0),
         "new mexico": ("US", "NM", 34.5, -106.0)}
CANONICAL = {"n.m.": "New Mexico", "ind.": "Indiana"}
"""The gazetteer's name of an abbreviated state: both spellings are one place."""


def places_of(text: str, names: list[str]) -> list[Place]:
    """Places at every occurrence of ``names`` in ``text`` (case-sensitive), in text order."""
    found = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            key = name.casefold()
            country, admin1, lat, lon = TOWN.get(key) or STATE[key]
            precision = "town" if key in TOWN else "admin1"
            found.append(Place(text=name, start=start, end=start + len(name), name=CANONICAL.get(key, name.title()),
                               country_code=country, admin1=admin1, lat=lat, lon=lon,
                               precision=precision))  # type: ignore[arg-type]
            start = text.find(name, start + 1)
    return sorted(found, key=lambda p: p.start)


def chosen(text: str, names: list[str], spans: list[tuple[int, int]] | None = None) -> str | None:
    places = places_of(text, names)
    index = main_place(places, event_spans=spans or [], text=text)
    return None if index is None else places[index].text


def test_event_place_dateline_town_beats_its_state() -> None:
    text = ("KATY, Texas (AP) - Investigators say a man shot and killed his wife before killing himself in a "
            "Houston-area home. Texas officials said. " + "More news follows. " * 20
            + "Later updates about Houston traffic. " * 3)  # page furniture after the lede
    assert dateline_span(text) == (0, 11)
    assert chosen(text, ["KATY", "Texas", "Houston"]) == "KATY"


def test_event_place_person_name_is_no_place() -> None:
    text = ("The Putnam County sheriff's office continues to look into an accidental shooting. The sheriff "
            "says 17 year old Kyle Markins of Findlay was killed by a gun shot wound.")
    assert inside_name(text, text.index("Kyle"), text.index("Kyle") + 4)
    assert not inside_name(text, text.index("Findlay"), text.index("Findlay") + 7)
    assert chosen(text, ["Kyle", "Findlay"]) == "Findlay"
    assert chosen(text.replace("Kyle Markins", "a boy from Kyle"), ["Kyle", "Findlay"]) == "Kyle"


def test_event_place_common_news_word_is_no_place() -> None:
    text = "Police have identified the teenager fatally shot May 4 in Houston. Police said he was 18."
    assert chosen(text, ["Police", "Houston"]) == "Houston"
    assert chosen("Police responded to a report of a shooting at the home.", ["Police"]) is None


def test_event_place_dominant_state_rules_out_other_states() -> None:
    text = ("TERRE HAUTE, Ind. (WTHI) - The Terre Haute Police Department is investigating after a juvenile "
            "reported being shot. He said he was walking across the parking lot at Davis Park when he "
            "heard two gun shots, and that Davis was busy.")
    shot = text.index("heard two gun shots")
    assert chosen(text, ["TERRE HAUTE", "Ind.", "Davis"], [(shot, shot + 20)]) == "TERRE HAUTE"
    assert chosen(text, ["Ind.", "Davis"], [(shot, shot + 20)]) == "Ind."  # the state beats a Davis, CA
    assert chosen(text, ["Davis"], [(shot, shot + 20)]) == "Davis"  # the bare "Davis" is a place


def test_event_place_without_text_keeps_the_weighing() -> None:
    places = places_of("Kyle went to Houston; Houston police came.", ["Kyle", "Houston"])
    assert main_place(places) == 1
    assert main_place([]) is None


def _place(text: str, start: int, name: str, admin1: str, lat: float, lon: float) -> Place:
    word = text[start:].split(",")[0].split(" ")[0] if name.isupper() else name
    return Place(text=word, start=start, end=start + len(word), name=name.title(), country_code="US",
                 admin1=admin1, lat=lat, lon=lon, precision="town")  # type: ignore[arg-type]


def test_event_place_surname_written_after_a_given_name_or_title_is_no_place() -> None:
    text = ("Shaletres Townsend was arrested after a four-year-old was shot in Houston. Police said "
            "Townsend left the gun where children played. Sgt. Davis said Davis Elementary was closed.")
    assert surname(text, "Townsend") and surname(text, "Davis")
    assert not surname(text, "Houston") and not surname("A man was shot in North Houston.", "Houston")
    assert surname("Cristian Ceballos-Rodriguez, 23, was charged.", "Rodriguez")  # a double-barrelled surname
    assert not surname("Police said Townsend,\nKent County", "Kent")  # a line break parts the words
    assert chosen(text, ["Townsend", "Houston", "Davis"]) == "Houston"


def test_event_place_one_reading_per_name_follows_the_dateline() -> None:
    text = ("Springfield Police Photo\n\nSPRINGFIELD, Ohio (WDTN) -- Springfield Police are investigating a "
            "deadly shooting on Clifton Avenue.")
    ohio = (39.92, -83.81)
    places = [_place(text, text.index("Springfield"), "Springfield", "MO", 37.2, -93.3),
              _place(text, text.index("SPRINGFIELD"), "SPRINGFIELD", "OH", *ohio),
              _place(text, text.rindex("Springfield"), "Springfield", "MO", 37.2, -93.3)]
    index = main_place(places, text=text)
    assert index == 1 and (places[index].lat, places[index].lon) == ohio  # the qualified dateline reading
    read = one_reading_per_name(places, [1.0, 1.0, 1.0], dateline_span(text))
    assert {p.admin1 for p in read} == {"OH"}


def test_event_place_police_agency_names_the_jurisdiction() -> None:
    # the neighbourhood "Madisonville" resolves to a namesake town elsewhere, and it leads the report; the police
    # that handle the shooting are Cincinnati's
    text = ("A man was shot and killed in Madisonville late Friday, and four others were hurt in Madisonville, "
            "and Cincinnati police said the gunman fled.")
    assert chosen(text, ["Madisonville", "Cincinnati"]) == "Cincinnati"
    plain = text.replace("Cincinnati police said", "A man from Cincinnati said")
    assert chosen(plain, ["Madisonville", "Cincinnati"]) == "Madisonville"


def test_event_place_street_words_and_ordinal_addresses_are_no_places() -> None:
    text = ("The Council Bluffs Police Department said a boy was hit by a bullet at about 10:30 p.m. Saturday near "
            "26th Street and Avenue J while watching fireworks from the Street.")
    assert inside_name(text, text.index("Street"), text.index("Street") + 6)
    assert chosen(text, ["Council Bluffs", "Street"]) == "Council Bluffs"


def test_event_place_town_beats_its_state_however_often_the_state_is_named() -> None:
    text = ("TUCUMCARI, N.M. (KRQE) - Questions have been raised in a small New Mexico town after two students were "
            "shot. New Mexico State Police say a teen died. New Mexico officials gave no names.")
    assert chosen(text, ["TUCUMCARI", "N.M.", "New Mexico"]) == "TUCUMCARI"


def test_event_place_surname_after_a_middle_initial() -> None:
    text = ("Three people were slain inside a south Kansas City home, police said.\n\nJoseph L. Nelson faces three "
            "counts of murder. Nelson walked into a police station on Friday. Nelson was held without bond.")
    assert surname(text, "Nelson")
    assert not surname(text.replace("Joseph L. Nelson", "A man"), "Nelson")
    assert chosen(text, ["Kansas City", "Nelson"]) == "Kansas City"
