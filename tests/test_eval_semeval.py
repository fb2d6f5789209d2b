"""SemEval-2018 Task 5 subtask-2 counting: question parsing, constraints on events, scoring."""

from __future__ import annotations

from datetime import date

import pytest

from rashomon.errors import EvalError
from rashomon.eval.gva import CountingQuestion
from rashomon.eval.semeval import (
    EventFacts,
    ReportText,
    answer,
    event_facts,
    event_people,
    matches,
    parse_question,
    score_answers,
)
from rashomon.records import ArticleAnalysis, CasualtyFigure, Claim


def _raw(qid: str = "q1", event_type: str = "killing", place: dict[str, str] | None = None,
         time: dict[str, str] | None = None, participant: dict[str, str] | None = None,
         answer: int = 1, docs: dict[str, list[str]] | None = None) -> CountingQuestion:
    return CountingQuestion(question_id=qid, event_type=event_type, place=place or {}, time=time or {},
                            answer=answer, answer_docs=docs or {}, participant=participant or {})


def _event(articles: tuple[str, ...] = ("d1",), killed: int = 1, injured: int = 0,
           day: date | None = date(2017, 1, 14), state: str | None = "TN",
           place: str | None = "Memphis", point: tuple[float, float] | None = (35.1495, -90.049),
           people: frozenset[str] = frozenset()) -> EventFacts:
    return EventFacts(articles=articles, killed=killed, injured=injured, day=day,
                      states=frozenset({state}) if state else frozenset(),
                      place_name=place, point=point, people=people)


def test_semeval_parse_question_city_state_and_periods() -> None:
    q = parse_question(_raw(place={"city": "http://dbpedia.org/resource/Memphis,_Tennessee"},
                            time={"month": "12/2016"}))
    assert (q.city, q.state) == ("Memphis", "TN")
    assert (q.first_day, q.last_day) == (date(2016, 12, 1), date(2016, 12, 31))
    q = parse_question(_raw(place={"state": "http://dbpedia.org/resource/New_Mexico"},
                            time={"day": "07/03/2017"}))
    assert (q.city, q.state) == (None, "NM")
    assert q.first_day == q.last_day == date(2017, 3, 7)  # dd/mm/yyyy
    q = parse_question(_raw(place={"city": "http://dbpedia.org/resource/Houston"}, time={"year": "2017"},
                            participant={"last": "Rodriguez"}))
    assert (q.city, q.state, q.participant) == ("Houston", None, ("last", "Rodriguez"))
    assert (q.first_day, q.last_day) == (date(2017, 1, 1), date(2017, 12, 31))


def test_semeval_parse_question_rejects_bad_time() -> None:
    with pytest.raises(EvalError):
        parse_question(_raw(time={"month": "13/2017"}))


def test_semeval_matches_type_time_place() -> None:
    memphis = parse_question(_raw(place={"city": "http://dbpedia.org/resource/Memphis,_Tennessee"},
                                  time={"month": "01/2017"}))
    assert matches(_event(), memphis)
    assert not matches(_event(killed=0, injured=2), memphis)  # injuring only
    assert not matches(_event(day=date(2017, 2, 1)), memphis)
    assert not matches(_event(day=None), memphis)
    # named differently but within the city radius (Germantown-like suburb 10 km away)
    assert matches(_event(place="Whitehaven", point=(35.1495 - 0.09, -90.049)), memphis)
    assert not matches(_event(place="Jackson", point=(35.61, -88.81)), memphis)
    tennessee = parse_question(_raw(event_type="injuring", time={"year": "2017"},
                                    place={"state": "http://dbpedia.org/resource/Tennessee"}))
    assert matches(_event(injured=1), tennessee)
    assert not matches(_event(injured=1, state="MS"), tennessee)


def test_semeval_matches_participant_names() -> None:
    people = frozenset({"Monica Valdez", "Maria Rodriguez"})
    first = parse_question(_raw(participant={"first": "Monica"}))
    last = parse_question(_raw(participant={"last": "Rodriguez"}))
    full = parse_question(_raw(participant={"full_name": "Maria Rodriguez"}))
    for question in (first, last, full):
        assert matches(_event(people=people), question)
        assert not matches(_event(people=frozenset({"Monica Lewis"})), question) or question is first
    assert not matches(_event(people=frozenset({"Valdez Monica"})), first)


def test_semeval_score_answers_exact_rmse_and_docs() -> None:
    question = _raw(place={"city": "http://dbpedia.org/resource/Memphis,_Tennessee"},
                    time={"month": "01/2017"}, answer=2, docs={"1": ["d1"], "2": ["d2", "d3"]})
    events = [_event(("d1",)), _event(("d2", "d3")), _event(("d9",), state="MS", place="Tupelo",
                                                             point=(34.26, -88.70))]
    parsed = parse_question(question)
    assert answer(parsed, events) == (2, {"d1", "d2", "d3"})
    metrics = score_answers([(parsed, question)], events)
    assert metrics["count_accuracy"] == 1.0 and metrics["count_rmse"] == 0.0 and metrics["doc_f1"] == 1.0
    split = [_event(("d1",)), _event(("d2",)), _event(("d3",))]  # an over-split incident: count 3, off by one
    metrics = score_answers([(parsed, question)], split, "x_")
    assert metrics["x_count_accuracy"] == 0.0 and metrics["x_count_rmse"] == 1.0


def test_semeval_parse_question_dbpedia_qualifiers_and_city_parts() -> None:
    georgia = parse_question(_raw(place={"state": "http://dbpedia.org/resource/Georgia_(U.S._state)"}))
    washington = parse_question(_raw(place={"state": "http://dbpedia.org/resource/Washington_(state)"}))
    assert (georgia.state, washington.state) == ("GA", "WA")
    gary = parse_question(_raw(place={"city": "http://dbpedia.org/resource/Aetna_(Gary)"}))
    louisville = parse_question(_raw(place={"city": "http://dbpedia.org/resource/Penile,_Louisville"}))
    orlando = parse_question(_raw(place={"city": "http://dbpedia.org/resource/Downtown_Orlando"}))
    assert (gary.city, louisville.city, orlando.city) == ("Gary", "Louisville", "Orlando")
    with pytest.raises(EvalError):
        parse_question(_raw(place={"state": "http://dbpedia.org/resource/Atlantis_(state)"}))


def _report(text: str, analysis: ArticleAnalysis | None = None) -> ReportText:
    return ReportText(text=text, title="", analysis=analysis, published="2017-01-20")


def test_semeval_event_people_victims_and_suspects_not_officials() -> None:
    text = ("Police identified the victim as Marcus Webb. Officers arrested Dante Price on Friday. "
            "Police Chief Laura Stone said the investigation continues. "
            "The event was sponsored by Harold Finch. Kenya Moss, 19, of Memphis was also there.")
    people = event_people(_report(text))
    assert {"Marcus Webb", "Dante Price", "Kenya Moss"} <= people
    assert "Laura Stone" not in people and "Harold Finch" not in people
    assert not any("Police" in name for name in people)


def test_semeval_event_people_figure_sentences_and_speakers() -> None:
    text = "Two people including Rosa Lind were hurt. Tom Baxter told reporters the street is quiet."
    figure = CasualtyFigure(kind="injured", value_text="Two", start=0, end=3, count_min=2, count_max=2,
                            sentence_start=0, sentence_end=41)
    speaker = Claim(text=text[42:], start=42, end=len(text), claimant="Tom Baxter", claimant_start=42,
                    claimant_end=52, cue="told")
    analysis = ArticleAnalysis(article_id="a1", pipeline="t", casualties=[figure], claims=[speaker])
    people = event_people(_report(text, analysis))
    assert people == {"Rosa Lind"}
    assert event_people(_report(text)) == set()  # no figure sentence, no role word: nobody


def test_semeval_event_facts_day_state_and_figures() -> None:
    dossier = {"articles": ["a1"], "date": "2017-02-03", "date_precision": "day",
               "location": {"name": "Tulsa", "country_code": "US", "admin1": "OK", "lat": 36.15, "lon": -95.99},
               "casualties": [{"kind": "killed", "best": 1}, {"kind": "injured", "best": 2}]}
    facts = event_facts(dossier, [_report("Nothing to see.")])
    assert (facts.day, facts.states, facts.killed, facts.injured) == (date(2017, 2, 3), frozenset({"OK"}), 1, 2)
    month_only = dict(dossier, date="2017-02-01", date_precision="month", location={"name": "Nowhere"})
    analysis = ArticleAnalysis(article_id="a1", pipeline="t", event_date="2017-02-05", event_date_precision="day")
    facts = event_facts(month_only, [_report("Nothing to see.", analysis)])
    assert facts.day == date(2017, 2, 5)  # the report's event day, not the month's first day
    assert facts.states == frozenset()
    question = parse_question(_raw(event_type="injuring", time={"day": "05/02/2017"}))
    assert matches(facts, question)
    assert not matches(facts, parse_question(_raw(event_type="injuring", time={"day": "20/01/2017"})))
