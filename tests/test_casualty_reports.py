"""Per-report casualty totals in reconciliation: reports written before a victim died (casualties step 5)."""

from __future__ import annotations

from rashomon.reconcile.dossier import build_dossier
from rashomon.reconcile.evidence import Report
from rashomon.records import Article, ArticleAnalysis, CasualtyFigure


def _report(article_id: str, title: str, text: str, figures: list[tuple[str, str, str]]) -> Report:
    casualties = []
    for value, kind, trigger in figures:
        start = text.index(value)
        sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
        casualties.append(
            CasualtyFigure(
                kind=kind,  # type: ignore[arg-type]
                value_text=value,
                start=start,
                end=start + len(value),
                count_min=1,
                count_max=1,
                sentence_start=sentence_start,
                sentence_end=text.find(".", start) + 1,
                trigger=trigger,
            )
        )
    article = Article(id=article_id, text=text, source_name=article_id, title=title)
    return Report(article, ArticleAnalysis(article_id=article_id, pipeline="test", casualties=casualties))


def _best(dossier: dict[str, object], kind: str) -> object:
    slots = [s for s in dossier["casualties"] if s["kind"] == kind]  # type: ignore[attr-defined]
    return slots[0]["best"] if slots else None


EARLY = (
    "A 2-year-old is in critical condition after being shot in Lunenburg.",
    [("A 2-year-old", "injured", "condition")],
)
LATE = ("A 2-year-old boy has died after the shooting in Lunenburg.", [("A 2-year-old boy", "killed", "died")])


def test_casualty_reports_written_before_the_death_do_not_vote_injured() -> None:
    early = _report("e", "Toddler in critical condition after shooting", *EARLY)
    late = _report("l", "Toddler dies after shooting", *LATE)
    dossier = build_dossier("ev-died", [early, late])
    assert _best(dossier, "killed") == 1
    assert _best(dossier, "injured") == 0


def test_casualty_reports_injured_stand_without_a_report_of_deaths() -> None:
    early = _report("e", "Toddler in critical condition after shooting", *EARLY)
    other = _report("o", "Toddler hurt in shooting", *EARLY)
    assert _best(build_dossier("ev-hurt", [early, other]), "injured") == 1


def test_casualty_reports_a_report_of_deaths_keeps_its_injured_vote() -> None:
    text = "A man was killed on Main Street. A woman was wounded in the arm."
    figures = [("A man", "killed", "killed"), ("A woman", "injured", "wounded")]
    both = _report("b", "Shooting on Main Street", text, figures)
    early = _report("e", "Toddler in critical condition after shooting", *EARLY)
    dossier = build_dossier("ev-both", [both, early])
    assert (_best(dossier, "killed"), _best(dossier, "injured")) == (1, 1)


def test_casualty_reports_most_reports_of_no_death_outvote_a_lone_death() -> None:
    text = "A man was shot on Main Street. He was taken to a hospital."
    hurt = [("A man", "injured", "shot")]
    lone = _report("d", "Shooting on Main Street", "A man was killed on Main Street.", [("A man", "killed", "killed")])
    others = [_report(f"o{n}", "Shooting on Main Street", text, hurt) for n in range(2)]
    assert _best(build_dossier("ev-lone", [lone, *others]), "killed") == 0
    # one report against one: the death stands (zeros vote only as a strict majority)
    assert _best(build_dossier("ev-tie", [lone, others[0]]), "killed") == 1
