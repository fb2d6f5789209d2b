"""The one place-area formatter shared by ``rashomon events``, the terminal dossier and ``show`` / ``explain``."""

from __future__ import annotations

from rashomon.cli.dossier import _area
from rashomon.export.report_text import _header
from rashomon.reconcile.report_places import describe
from rashomon.records import Place, place_area

COLUMBIA = {"name": "Columbia", "admin1": "SC", "country_code": "US", "precision": "town"}


def test_report_places_area_full_and_short_forms() -> None:
    assert place_area(COLUMBIA) == "SC, US"
    assert place_area(COLUMBIA, short=True) == "SC"
    kherson = {"name": "Kherson", "admin1": "Kherson Oblast", "country_code": "UA", "precision": "town"}
    assert place_area(kherson, short=True) == "UA"  # not a postal code: the country
    assert place_area({"name": "Ukraine", "country_code": "UA", "precision": "country"}, short=True) == ""
    assert place_area({"name": "Lachin corridor", "precision": "region"}, unknown_country="?") == "?"
    assert place_area({"name": "Lachin corridor", "precision": "region"}) == ""


def test_report_places_area_reads_a_place_record_as_its_fields() -> None:
    place = Place("Clarksburg", 10, 20, "Clarksburg", "US", 39.28, -80.34, "town", admin1="WV")
    assert place_area(place.to_dict()) == "WV, US"


def test_report_places_area_the_three_displays_agree() -> None:
    event = {"id": "e1", "articles": [], "location": COLUMBIA}
    assert "  place     Columbia (SC, US; town)" in _header(event)
    assert _area(COLUMBIA) == "SC"
    assert _area({"name": "Syria", "country_code": "SY", "precision": "country"}) is None
    view = {**COLUMBIA, "text": "Columbia", "read": "re-read",
            "stored": {"name": "Columbia", "admin1": "MO", "country_code": "US"}}
    assert describe(view) == "Columbia (SC, US; town), re-read by the dossier (stored: Columbia, MO, US)"
