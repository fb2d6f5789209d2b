"""Ingest: files, folders, JSON Lines, HTML, RSS/Atom and URL lists become stored articles.

Public interface (used by ``rashomon.pipeline`` and the CLI):

- :class:`IngestOptions`: the validated options of this stage.
- :class:`IngestReport`: what a batch did (stored, already stored, near-duplicates, failures by code).
- :func:`ingest_paths`: read every input under the given paths into a store.

They are imported on first use, so that a light module of this package (``rashomon.ingest.outlets``,
which reconciliation reads) does not load the batch machinery (near-duplicate hashing) with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rashomon.ingest.batch import IngestOptions, IngestReport, ingest_paths

__all__ = ["IngestOptions", "IngestReport", "ingest_paths"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from rashomon.ingest import batch

        return getattr(batch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
