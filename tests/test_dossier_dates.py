"""The event date a dossier reconciles across reports (``rashomon.reconcile.dossier.event_date``), headline days."""

from __future__ import annotations

from rashomon.reconcile.dossier import (
    MIN_VOTE,
    build_dossier,
    day_support,
    event_date,
    said_day,
    title_day,
    vote_weight,
)
from rashomon.reconcile.evidence import Report
from rashomon.records import Article, ArticleAnalysis, TimeExpr

PUBLISHED = "2015-08-07T09:30:00"  # a Friday morning


def _report(key: str, title: str | None, text: str, *, published: str = PUBLISHED,
            day: str | None = None, word: str = "Thursday") -> Report:
    """A report whose analysis dates the event to ``day`` (from ``word`` in its text), or to nothing."""
    article = Article(id=key, text=text, source_name="test", title=title, published_at=published)
    times: list[TimeExpr] = []
    if day is not None:
        start = text.index(word)
        times = [TimeExpr(text=word, start=start, end=start + len(word), date=day, precision="day")]
    analysis = ArticleAnalysis(article_id=key, pipeline="test", times=times, event_date=day or "2015-08-01",
                               event_date_precision="day" if day else "week")
    return Report(article, analysis)


def test_dossier_dates_title_day_reads_the_headline_weekday() -> None:
    report = _report("a", "Gang activity suspected in Thursday night shooting in Columbia", "Share this story.")
    assert title_day(report) == "2015-08-06"
    christmas = _report("b", "Toddler, teen hurt in Christmas Day shooting", "Share.", published="2016-12-26")
    assert title_day(christmas) == "2016-12-25"


def test_dossier_dates_title_day_ignores_clock_times_and_old_days() -> None:
    assert title_day(_report("a", "Man shot at 9:45 p.m. in Columbia", "Share this story.")) is None
    assert title_day(_report("b", "Man shot in Columbia", "Share this story.")) is None
    assert title_day(_report("c", "Police said Thursday a man was shot", "Share.")) is None  # a speech day
    old = _report("d", "Trial opens for the March 3 shooting", "Share.", published="2015-08-07")
    assert title_day(old) is None  # five months before publication: not this report's event day
    assert title_day(_report("e", None, "A man was shot Thursday.")) is None


def test_dossier_dates_undated_page_backs_its_headline_day() -> None:
    undated = _report("a", "Gang activity suspected in Thursday night shooting", "Share this story.")
    assert day_support([undated]) == {"2015-08-06": 1.0}
    assert event_date([undated]) == ("2015-08-06", "day", "reports")
    plain = _report("b", "Gang activity suspected in shooting", "Share this story.")
    assert event_date([plain]) == ("2015-08-07", "week", "published_at")  # nothing dated: the publication day


def test_dossier_dates_text_choice_outranks_the_headline() -> None:
    # the text dates the event (to Wednesday here): the headline's day is not read for that report
    dated = _report("a", "Thursday night shooting leaves one hurt", "A man was shot Wednesday.", day="2015-08-05",
                    word="Wednesday")
    assert day_support([dated]) == {"2015-08-05": 1.0}
    undated = _report("b", "Thursday night shooting leaves one hurt", "Share this story.")
    other = _report("c", "Man hurt in shooting", "He was shot Thursday near the park.", day="2015-08-06")
    assert event_date([dated, undated, other])[0] == "2015-08-06"  # two reports against one


def test_dossier_dates_dossier_date_from_headline() -> None:
    dossier = build_dossier("ev-1", [_report("a", "Woman hurt in Thursday shooting", "Share this story.")])
    assert (dossier["date"], dossier["date_precision"], dossier["date_source"]) == ("2015-08-06", "day", "reports")


def _said_report(key: str, title: str | None, text: str, word: str, day: str) -> Report:
    """A report whose text dates nothing to a day but names the day something was said (``word``)."""
    article = Article(id=key, text=text, source_name="test", title=title, published_at=PUBLISHED)
    start = text.index(word)
    times = [TimeExpr(text=word, start=start, end=start + len(word), date=day, precision="day")]
    analysis = ArticleAnalysis(article_id=key, pipeline="test", times=times, event_date="2015-08-01",
                               event_date_precision="week")
    return Report(article, analysis)


def test_dossier_dates_undated_report_backs_the_day_of_the_statement() -> None:
    report = _said_report("a", "Boy hurt in shooting", "A boy was taken to a hospital, police said Wednesday.",
                          "Wednesday", "2015-08-05")
    assert said_day(report) == "2015-08-05"
    assert event_date([report]) == ("2015-08-05", "day", "reports")
    titled = _said_report("b", "Boy hurt in Thursday shooting", "A boy was hurt, police said Wednesday.",
                          "Wednesday", "2015-08-05")
    assert day_support([titled]) == {"2015-08-06": 1.0}  # the headline's day comes first


def test_dossier_dates_statement_day_is_no_bound_when_old_or_not_said() -> None:
    old = _said_report("a", None, "The man was arrested, police said March 3.", "March 3", "2015-03-03")
    assert said_day(old) is None  # five months before publication
    since = _said_report("b", None, "Police have searched the area since Wednesday.", "Wednesday", "2015-08-05")
    assert said_day(since) is None
    assert event_date([since]) == ("2015-08-07", "week", "published_at")  # nothing dated: the publication day


def test_dossier_dates_follow_ups_dating_their_own_news_do_not_outvote_the_event_day() -> None:
    first = _report("a", "Man killed in shooting", "A man was shot and killed early Wednesday outside a bar.",
                    day="2015-08-05", word="Wednesday")
    arrests = [_report(key, "Arrest made", "Deputies arrested a suspect Thursday in connection with the case.",
                       day="2015-08-06") for key in ("b", "c")]
    support = day_support([first, *arrests])
    assert support["2015-08-05"] == 1.0  # the shooting's day, scored high: a full vote
    assert MIN_VOTE <= support["2015-08-06"] / 2 < 1.0  # each arrest day counts less
    assert event_date([first, *arrests])[0] == "2015-08-05"
    assert vote_weight(None) == 1.0 and vote_weight(-2.0) == MIN_VOTE and vote_weight(6.0) == 1.0
