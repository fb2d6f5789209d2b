"""Ingest: files, folders, JSON Lines, HTML, RSS/Atom and URL lists become stored articles.

Public interface (used by ``rashomon.pipeline`` and the CLI):

- :class:`IngestOptions`: the validated options of this stage.
- :class:`IngestReport`: what a batch did (stored, already stored, near-duplicates, failures by code).
- :func:`ingest_paths`: read every input under the given paths into a store.
"""

from __future__ import annotations

from rashomon.ingest.batch import IngestOptions, IngestReport, ingest_paths

__all__ = ["IngestOptions", "IngestReport", "ingest_paths"]
