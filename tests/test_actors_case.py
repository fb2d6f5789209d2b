"""Short mixed-case aliases match only as written (issue 4): "LeT" (Lashkar-e-Taiba) is not the verb "let",
which put a Pakistani armed group into 143 of 4,921 GVA shooting reports (a specific actor clustering reads)."""

from __future__ import annotations

from spacy.language import Language

from rashomon.extract.actor_kb import load_kb


def test_actors_case_mixed_case_alias_is_case_sensitive() -> None:
    kb = load_kb()
    assert kb.lookup("let") is None and kb.lookup("jem") is None
    found = kb.lookup("LeT")
    assert found is not None and found.id == "let"
    hamas = kb.lookup("hamas")
    assert hamas is not None and hamas.id == "hamas"  # a word-like alias still folds


def test_actors_case_the_verb_let_is_no_actor(nlp: Language) -> None:
    doc = nlp("Police let the driver go after questioning. LeT claimed the attack in Kashmir.")
    assert [(m.text, m.actor_id) for m in doc._.actors if m.actor_id == "let"] == [("LeT", "let")]
