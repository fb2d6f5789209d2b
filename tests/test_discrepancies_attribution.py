"""Attribution and value conflicts between explicit counts, not one person read from a sentence (issue 4).

Each case is a pair of hand-written reports of one shooting, built as the analysis would give them; the
spurious conflicts these rules remove were 103 of 108 on 80 GVA reports of 25 incidents (docs/benchmarks.md).
"""

from __future__ import annotations

from typing import Any

from rashomon.reconcile.dossier import build_dossier
from rashomon.reconcile.evidence import Report
from test_reconcile import GOV_AM, MIL_AZ, claim, simple_report

POL_US = {
    "actor_id": "pol-US",
    "actor_name": "Police Forces of United States",
    "country_code": "US",
    "actor_type": "state_forces",
}


def conflicts(*reports: Report) -> list[dict[str, Any]]:
    dossier = build_dossier("ev-q", list(reports))
    return [d for d in dossier["discrepancies"] if d["kind"] == "attribution_conflict"]


def report(text: str, outlet: str, claimant: str | None, value: str, lo: int, *, kb: dict[str, Any] | None = None,
           kind: str = "killed") -> Report:
    """One report whose only figure ``value`` (``lo`` people) is carried by a claim of ``claimant``."""
    claims = [claim(text, claimant, "said", actor_kb=kb)] if claimant else [claim(text, None, "", where=value)]
    return simple_report(text, outlet, claims=claims, casualties=[(kind, value, lo, lo, None, 0)])


def test_discrepancies_explicit_counts_of_different_states_still_conflict() -> None:
    a = report("The Armenian defence ministry said two soldiers were killed.", "Wire A",
               "The Armenian defence ministry", "two", 2, kb=GOV_AM)
    b = report("The Azerbaijani army said two soldiers were killed.", "Wire B", "The Azerbaijani army", "two", 2,
               kb=MIL_AZ)
    assert len(conflicts(a, b)) == 1


def test_discrepancies_a_pronoun_figure_is_no_attribution_conflict() -> None:
    a = report("His mother said he was killed in the yard.", "Wire A", "His mother", "he", 1)
    b = report("Police said he was killed in the yard.", "Wire B", "Police", "he", 1, kb=POL_US)
    assert conflicts(a, b) == []


def test_discrepancies_a_partitive_one_of_is_no_count() -> None:
    a = report("The victim's aunt said one of them was killed.", "Wire A", "The victim's aunt", "one", 1)
    b = report("The victim's brother said one of them was killed.", "Wire B", "The victim's brother", "one", 1)
    assert conflicts(a, b) == []
    c = report("Smith said one man was killed.", "Wire A", "Smith", "one", 1)
    d = report("Brown said one man was killed.", "Wire B", "Brown", "one", 1)
    assert len(conflicts(c, d)) == 1


def test_discrepancies_an_unresolved_pronoun_claimant_names_no_one() -> None:
    a = report("He said two men were killed.", "Wire A", "He", "two", 2)
    b = report("Smith said two men were killed.", "Wire B", "Smith", "two", 2)
    assert conflicts(a, b) == []


def test_discrepancies_a_figure_inside_the_claimants_phrase_is_the_outlets_voice() -> None:
    text = "The owner of the club where seven people were shot said he would reopen."
    owner = simple_report(text, "Wire A", claims=[claim(text, "The owner of the club where seven people were shot",
                                                          "said")],
                          casualties=[("injured", "seven", 7, 7, None, 0)])
    police = report("Police said seven people were shot.", "Wire B", "Police", "seven", 7, kb=POL_US,
                    kind="injured")
    assert conflicts(owner, police) == []


def test_discrepancies_one_outlets_reports_do_not_conflict_with_each_other() -> None:
    a = report("Smith said two men were killed.", "Daily News", "Smith", "two", 2)
    b = report("Jones said two men were killed on Main Street.", "Daily News", "Jones", "two", 2)
    assert conflicts(a, b) == []


def test_discrepancies_unplaced_officials_are_the_state_of_the_event() -> None:
    a = report("Police said four people were wounded.", "Wire A", "Police", "four", 4, kb=POL_US, kind="injured")
    b = report("Four people were wounded, authorities said.", "Wire B", "authorities", "Four", 4, kind="injured")
    c = report("Four people were wounded, the county coroner's office said.", "Wire C",
               "the county coroner's office", "Four", 4, kind="injured")
    assert conflicts(a, b) == [] and conflicts(b, c) == [] and conflicts(a, c) == []
    d = report("Four people were wounded, a neighbour, Smith, said.", "Wire D", "Smith", "Four", 4,
               kind="injured")
    assert len(conflicts(a, d)) == 1


def value_conflicts(*reports: Report) -> list[dict[str, Any]]:
    dossier = build_dossier("ev-v", list(reports))
    return [d for d in dossier["discrepancies"] if d["kind"] == "value_conflict"]


def test_discrepancies_one_person_read_from_a_sentence_is_no_value_conflict_with_a_tally() -> None:
    woman = report("Witnesses said a woman was wounded in the leg.", "Wire A", "Witnesses", "a", 1, kind="injured")
    tally = report("Police said two people were wounded.", "Wire B", "Police", "two", 2, kb=POL_US, kind="injured")
    assert value_conflicts(woman, tally) == []
    three = report("Police said three people were wounded.", "Wire C", "Police", "three", 3, kb=POL_US,
                   kind="injured")
    assert len(value_conflicts(tally, three)) == 1


def test_discrepancies_a_spokesmans_surname_speaks_for_his_institution() -> None:
    text = ("The club was hosting a party, said Officer Hector Alfaro, a police spokesman. "
            "Alfaro said seven people were shot.")
    claims = [claim(text, "Officer Hector Alfaro, a police spokesman", "said", actor_kb=POL_US, where="hosting"),
              claim(text, "Alfaro", "said", where="seven")]
    alfaro = simple_report(text, "Wire A", claims=claims, casualties=[("injured", "seven", 7, 7, None, 1)])
    police = report("Police said seven people were shot.", "Wire B", "Police", "seven", 7, kb=POL_US,
                    kind="injured")
    assert conflicts(alfaro, police) == []
    smith = report("Smith said seven people were shot.", "Wire C", "Smith", "seven", 7, kind="injured")
    assert len(conflicts(alfaro, smith)) == 1
