"""Headline places (:mod:`rashomon.extract.title_place`) and the dossier's fallback to them."""

from __future__ import annotations

import pytest

from rashomon.extract.title_place import _resolver, headline_toponyms, title_place
from rashomon.reconcile.dossier import event_location
from rashomon.reconcile.evidence import Report
from rashomon.records import Article, ArticleAnalysis

pytestmark = pytest.mark.slow  # loads the gazetteer


def _where(title: str) -> tuple[str, str | None] | None:
    place = title_place([title])
    return None if place is None else (place.name, place.admin1)


def test_title_place_town_after_preposition_and_at_start() -> None:
    assert _where("Four teens shot after party in St. Louis") == ("St. Louis", "MO")
    assert _where("Brockton men charged in shootings held without bail") == ("Brockton", "MA")


def test_title_place_none_without_a_place_name() -> None:
    assert _where("Boy stable after accidental shooting") is None
    assert _where("Man accidentally shoots brother while play wrestling, police say") is None
    assert title_place([None, ""]) is None


def test_title_place_qualified_and_title_case_headlines() -> None:
    assert _where("Five people shot in apartment complex - WMC Action News 5 - Memphis, Tennessee") == (
        "Memphis", "TN")
    county = _where("Four-Year-Old In Leflore County Airlifted To Hospital After Accidental Shooting")
    assert county == ("Leflore County", "MS")


def test_title_place_headline_words_are_not_hamlets() -> None:
    """"Four" and "Hunting" are tiny towns and "Boy" an alternate name of Bobo-Dioulasso: no toponyms."""
    names = [t.text for t in headline_toponyms("Four Boy Scouts Hunting In Helena", _resolver())]
    assert names == ["Helena"]


def test_title_place_dossier_location_from_headline_when_no_report_names_a_place() -> None:
    article = Article.create(text="Get email notifications on new posts. Your notification has been saved.",
                             source_name="test", title="2-year-old boy shot in arm in St. Louis")
    analysis = ArticleAnalysis(article_id=article.id, pipeline="test")
    location = event_location([Report(article, analysis)])
    assert location is not None and (location["name"], location["admin1"]) == ("St. Louis", "MO")
