"""Merged-record accuracy: the casualty rule, per-field judgements, majority events, real dossiers."""

from __future__ import annotations

from rashomon.eval.gva import GvaDocument, GvaIncident
from rashomon.eval.records import (
    EventDossiers,
    PoolEvents,
    RecordPrediction,
    casualty_total,
    judge,
    majority_event,
    predict,
    score_incidents,
    scored_incidents,
)
from rashomon.records import Article, ArticleAnalysis, CasualtyFigure, Place

TEXT_A = "Two men were killed and three people were wounded in a shooting in Memphis on Friday."
TEXT_B = "Police said two people died and three were hurt when gunfire broke out in Memphis."


def _incident(**over: object) -> GvaIncident:
    base: dict[str, object] = {
        "incident_id": "101", "date": "2017-01-06", "state": "Tennessee", "city": "Memphis",
        "lat_long": (35.1495, -90.0490), "num_killed": 2, "num_injured": 3, "doc_ids": ["a", "b"],
    }
    return GvaIncident(**(base | over))  # type: ignore[arg-type]


def _figure(text: str, word: str, kind: str, count: int) -> CasualtyFigure:
    start = text.index(word)
    trigger = "killed" if kind == "killed" else "wounded"  # what the casualty extractor records
    return CasualtyFigure(kind=kind, value_text=word, start=start, end=start + len(word),  # type: ignore[arg-type]
                          count_min=count, count_max=count, sentence_start=0, sentence_end=len(text),
                          trigger=trigger)


def _report(article_id: str, text: str, killed: tuple[str, int], injured: tuple[str, int]) -> tuple[
        Article, ArticleAnalysis]:
    start = text.index("Memphis")
    place = Place(text="Memphis", start=start, end=start + 7, name="Memphis", country_code="US",
                  lat=35.1495, lon=-90.0490, precision="town", admin1="TN")
    analysis = ArticleAnalysis(
        article_id=article_id, pipeline="test", places=[place],
        casualties=[_figure(text, killed[0], "killed", killed[1]),
                    _figure(text, injured[0], "injured", injured[1])],
        event_date="2017-01-06", event_date_precision="day", event_place=0,
    )
    article = Article(id=article_id, text=text, source_name=f"outlet-{article_id}", published_at="2017-01-07")
    return article, analysis


def test_records_casualty_total_sums_sides_best_else_low() -> None:
    dossier = {"casualties": [
        {"kind": "killed", "side": "police", "low": 1, "best": 1, "high": 1},
        {"kind": "killed", "side": None, "low": 2, "best": None, "high": 5},
        {"kind": "injured", "side": None, "low": 4, "best": 4, "high": 4},
    ]}
    assert casualty_total(dossier, "killed") == 3
    assert casualty_total(dossier, "injured") == 4
    assert casualty_total({"casualties": []}, "killed") == 0


def test_records_judge_fields_and_acc161_boundary() -> None:
    incident = _incident()
    # 1 degree of latitude is ~111 km: 1.4 deg (~156 km) is inside, 1.5 deg (~167 km) outside.
    near = RecordPrediction(killed=2, injured=0, date="2017-01-06", point=(35.1495 + 1.4, -90.0490))
    far = RecordPrediction(killed=1, injured=3, date="2017-01", point=(35.1495 + 1.5, -90.0490))
    assert judge(near, incident) == {"killed": True, "injured": False, "date": True, "location": True}
    assert judge(far, incident) == {"killed": False, "injured": True, "date": False, "location": False}
    assert judge(near, _incident(lat_long=None))["location"] is None


def test_records_majority_event_ties_to_smallest_label() -> None:
    label = {"a": "ev2", "b": "ev1", "c": "ev2", "d": "ev1"}
    assert majority_event(["a", "b", "c"], label) == "ev2"
    assert majority_event(["a", "b"], label) == "ev1"
    assert majority_event(["zzz"], label) is None


def test_records_scored_incidents_need_fields_and_a_report() -> None:
    incidents = {"1": _incident(incident_id="1"), "2": _incident(incident_id="2", num_killed=None),
                 "3": _incident(incident_id="3", doc_ids=["missing"])}
    assert [i.incident_id for i in scored_incidents(incidents, {"a", "b"})] == ["1"]


def test_records_real_dossier_of_two_reports_scores_all_fields() -> None:
    a = _report("a", TEXT_A, ("Two", 2), ("three", 3))
    b = _report("b", TEXT_B, ("two", 2), ("three", 3))
    dossiers = EventDossiers({"a": a[0], "b": b[0]}, {"a": a[1], "b": b[1]})
    pred = predict(dossiers.dossier(["a", "b"]))
    assert (pred.killed, pred.injured, pred.date) == (2, 3, "2017-01-06")
    pool = PoolEvents(label={"a": "a", "b": "b"}, members={"a": ["a"], "b": ["b"]}, dossiers=dossiers,
                      features="test", cluster_seconds=0.0)
    docs = {d: GvaDocument(doc_id=d, incident_ids=["101"], dct="2017-01-07", title=None, text=t)
            for d, t in (("a", TEXT_A), ("b", TEXT_B))}
    metrics = score_incidents([_incident(num_injured=4)], pool, docs)
    assert metrics["killed_acc"] == 1.0 and metrics["date_acc"] == 1.0 and metrics["location_acc"] == 1.0
    assert metrics["injured_acc"] == 0.0  # 3 reported, GVA says 4
    assert metrics["odd_killed_acc"] == 1.0 and "even_killed_acc" not in metrics
    assert metrics["gold_clusters_killed_acc"] == 1.0


def test_records_side_less_slot_takes_each_reports_own_total() -> None:
    text = "Four people were wounded in a shooting in Memphis. One of the men was shot in the arm."
    four = _figure(text, "Four", "injured", 4)
    one = CasualtyFigure(kind="injured", value_text="One", start=text.index("One"), end=text.index("One") + 3,
                         count_min=1, count_max=1, sentence_start=text.index("One"), sentence_end=len(text),
                         trigger="shot")
    analysis = ArticleAnalysis(article_id="c", pipeline="test", casualties=[four, one],
                               event_date="2017-01-06", event_date_precision="day")
    article = Article(id="c", text=text, source_name="outlet-c", published_at="2017-01-07")
    dossier = EventDossiers({"c": article}, {"c": analysis}).dossier(["c"])
    slot = next(s for s in dossier["casualties"] if s["kind"] == "injured")
    assert (slot["low"], slot["best"], slot["high"]) == (1, 4, 4)
    assert casualty_total(dossier, "injured") == 4
