"""The dossier's event type against the casualty sentences of its reports (issues 3 and 4).

Reports typed by one stray cue ("firefighters", "captured on video") or by an arrest made after the shooting
are retyped by what their casualty sentences read; a battle whose dead are soldiers keeps its type.
"""

from __future__ import annotations

from rashomon.reconcile.dossier import build_dossier
from rashomon.reconcile.evidence import Report
from rashomon.records import Article, ArticleAnalysis, CasualtyFigure, EventMention


def typed_report(text: str, counted: list[tuple[str, str]], voted: tuple[str, str], *,
                 side: str | None = None) -> Report:
    """A report typed ``voted`` by one mention, whose figures (victims phrase, kind) count in their sentences."""
    article = Article.create(text, "r.txt", outlet="Daily News", published_at="2016-06-08")
    text = article.text
    figures = []
    for phrase, kind in counted:
        at = text.index(phrase)
        start = text.rfind(". ", 0, at) + 2 if text.rfind(". ", 0, at) >= 0 else 0
        end = text.index(".", at) + 1
        figures.append(CasualtyFigure(kind, phrase, at, at + len(phrase), 1, 1,  # type: ignore[arg-type]
                                      sentence_start=start, sentence_end=end, side_actor_id=side,
                                      side=side))
    mention = EventMention(voted[0], voted[1], "x", 0, 1, score=0.3)
    analysis = ArticleAnalysis(article.id, "test", casualties=figures, events=[mention], event_type=voted[0],
                               sub_event_type=voted[1])
    return Report(article, analysis)


SHOOTING = ("A man was shot dead on Main Street. A woman was shot in the leg. A boy was fatally shot nearby. "
            "Firefighters treated the victims.")


def test_events_dossier_type_a_stray_clash_cue_yields_to_the_shot_victims() -> None:
    report = typed_report(SHOOTING, [("A man", "killed"), ("A woman", "injured"), ("A boy", "killed")],
                          ("Battles", "Armed clash"))
    dossier = build_dossier("ev-t", [report])
    assert (dossier["event_type"], dossier["sub_event_type"]) == ("Violence against civilians", "Attack")


def test_events_dossier_type_soldiers_killed_keep_the_battle() -> None:
    text = "Two soldiers were shot dead. A soldier was shot in the leg. A third soldier was killed."
    report = typed_report(text, [("Two soldiers", "killed"), ("A soldier", "injured"), ("A third", "killed")],
                          ("Battles", "Government regains territory"), side="mil-AZ")
    dossier = build_dossier("ev-t", [report])
    assert dossier["sub_event_type"] == "Government regains territory"


def test_events_dossier_type_an_exchange_of_fire_stays_a_clash() -> None:
    text = "Two men were killed in a shootout with rivals. A man was shot dead. A bystander was hurt in the gunfight."
    report = typed_report(text, [("Two men", "killed"), ("A man", "killed"), ("A bystander", "injured")],
                          ("Battles", "Armed clash"))
    assert build_dossier("ev-t", [report])["sub_event_type"] == "Armed clash"


def test_events_dossier_type_wounded_in_a_shooting_is_an_attack_not_its_arrest() -> None:
    text = "Four people were wounded in a shooting on Sunday. Police arrested a man on Monday."
    report = typed_report(text, [("Four people", "injured")], ("Strategic developments", "Arrests"))
    dossier = build_dossier("ev-t", [report])
    assert (dossier["event_type"], dossier["sub_event_type"]) == ("Violence against civilians", "Attack")


def test_events_dossier_type_an_accidental_shooting_is_no_attack() -> None:
    text = ("A boy was accidentally shot by his brother. The boy was shot in the chest. "
            "The gun went off by accident, a relative said.")
    report = typed_report(text, [("A boy", "killed"), ("The boy", "killed"), ("The gun", "killed")],
                          ("Violence against civilians", "Attack"))
    dossier = build_dossier("ev-t", [report])
    assert (dossier["event_type"], dossier["sub_event_type"]) == (None, None)
