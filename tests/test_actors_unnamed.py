"""ACLED's generic actors for violent events told with unnamed people (issue 4: CSV actor1/actor2).

"A gunman opened fire", "shot by police", "a 17-year-old was killed": no actor the knowledge base knows, yet
ACLED codes an Unidentified Armed Group, the Police Forces or Civilians of the country. The labels stay as
written, per article.
"""

from __future__ import annotations

from typing import Any

from rashomon.export.acled_csv import row
from rashomon.reconcile.actors import build_actors
from rashomon.reconcile.dossier import build_dossier
from rashomon.reconcile.evidence import Report
from rashomon.records import ActorMention, Article, ArticleAnalysis, CasualtyFigure, EventMention, Place


def shooting_report(text: str, victims: str, kind: str = "killed", *, country: str | None = "US",
                    events: list[EventMention] | None = None, actors: list[ActorMention] | None = None,
                    voted: tuple[str | None, str | None] = (None, None), outlet: str = "Daily News") -> Report:
    """A report placed in Springfield (``country``) whose figure counts ``victims`` in its sentence."""
    article = Article.create(text, f"{outlet}.txt", outlet=outlet, published_at="2016-06-08")
    text = article.text
    at = text.index(victims)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    figure = CasualtyFigure(kind, victims.split()[0], at, at + len(victims.split()[0]), 1, 1,  # type: ignore[arg-type]
                            victims=victims, victims_start=at, victims_end=at + len(victims),
                            sentence_start=start, sentence_end=text.index(".", at) + 1)
    where = text.index("Springfield")
    place = Place("Springfield", where, where + 11, "Springfield", country, 39.8, -89.6, "town")
    analysis = ArticleAnalysis(article.id, "test", places=[place], event_place=0, casualties=[figure],
                               events=events or [], actors=actors or [], event_type=voted[0],
                               sub_event_type=voted[1])
    return Report(article, analysis)


def roles(reports: list[Report]) -> dict[str, list[str]]:
    return {a["name"]: a["roles"] for a in build_actors(reports).to_list()}


GUNMAN = "A gunman opened fire outside a bar in Springfield on Sunday. A 17-year-old was shot dead."


def test_actors_unnamed_gunman_is_the_unidentified_armed_group_and_victims_civilians() -> None:
    report = shooting_report(GUNMAN, "A 17-year-old")
    found = {a["name"]: a for a in build_actors([report]).to_list()}
    gunman = found["Unidentified Armed Group (United States)"]
    assert gunman["roles"] == ["initiator"] and gunman["labels"] == {report.id: ["A gunman"]}
    civilians = found["Civilians (United States)"]
    assert civilians["roles"] == ["target"] and civilians["labels"] == {report.id: ["A 17-year-old"]}


def test_actors_unnamed_shot_by_police_makes_the_police_actor1() -> None:
    text = "A man was shot by police in Springfield on Sunday after he pointed a rifle at officers."
    assert roles([shooting_report(text, "A man")]) == {
        "Police Forces of United States": ["initiator"],
        "Civilians (United States)": ["target"],
    }


def test_actors_unnamed_the_arresting_police_are_not_the_shooter() -> None:
    text = GUNMAN + " Police arrested a suspect on Monday."
    at = text.index("arrested")
    police = ActorMention("Police", text.index("Police"), text.index("Police") + 6, "pol-US",
                          "Police Forces of United States", "state_forces", "US", "label")
    arrest = EventMention("Strategic developments", "Arrests", "arrested", at, at + 8, initiator="pol-US", score=0.4)
    report = shooting_report(text, "A 17-year-old", events=[arrest], actors=[police],
                             voted=("Strategic developments", "Arrests"))
    found = roles([report])
    assert found["Unidentified Armed Group (United States)"] == ["initiator"]
    assert found["Police Forces of United States"] == ["other"]


def test_actors_unnamed_none_without_a_country_or_violence() -> None:
    assert "Unidentified Armed Group (United States)" not in roles([shooting_report(GUNMAN, "A 17-year-old",
                                                                                    country=None)])
    crash = "A gunman's car hit a tree in Springfield on Sunday. A 17-year-old died in the accidental crash."
    assert roles([shooting_report(crash, "A 17-year-old")]) == {}


def test_actors_unnamed_fill_the_csv_row_and_are_no_omission() -> None:
    a = shooting_report(GUNMAN, "A 17-year-old", outlet="Daily News")
    b = shooting_report("A 17-year-old was shot dead in Springfield on Sunday.", "A 17-year-old", outlet="Tribune")
    event: dict[str, Any] = build_dossier("ev-u", [a, b])
    csv_row = row(event, 0)
    assert csv_row["actor1"] == "Unidentified Armed Group (United States)"
    assert csv_row["actor2"] == "Civilians (United States)"
    assert csv_row["civilian_targeting"] == "Civilian targeting"
    omitted = [d["summary"] for d in event["discrepancies"] if d["kind"] == "omission"]
    assert not any("Unidentified" in s or "Civilians" in s for s in omitted)


def test_actors_unnamed_context_resolved_police_take_the_events_country() -> None:
    # the page's surnames read as Mexican towns made its context country Mexico; the event is in the US
    text = GUNMAN + " Flores told police she heard shots."
    at = text.index("police")
    police = ActorMention("police", at, at + 6, "pol-MX", "Police Forces of Mexico", "state_forces", "MX", "label")
    named = ActorMention("Mexico's police", 0, 1, "pol-MX", "Police Forces of Mexico", "state_forces", "MX",
                         "demonym")
    found = roles([shooting_report(text, "A 17-year-old", actors=[police])])
    assert "Police Forces of United States" in found and "Police Forces of Mexico" not in found
    kept = roles([shooting_report(text, "A 17-year-old", actors=[named])])
    assert "Police Forces of Mexico" in kept  # a country the label names itself stays
