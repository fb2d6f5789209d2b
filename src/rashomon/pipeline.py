"""The whole job, stage after stage, over one store: ingest, then analysis, clustering, reconciliation.

Each stage after ingest reads what the store holds and does only the work still missing, so a run that
was killed resumes where it stopped. A stage is a function ``(store, *, progress) -> summary dict``,
named in ``STAGES`` as ``"module:function"`` and imported only when the run reaches it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from rashomon.ingest import IngestOptions, IngestReport, ingest_paths
from rashomon.store import Store

Stage = Callable[..., dict[str, Any]]

STAGES: list[tuple[str, str]] = [
    ("analyze", "rashomon.extract.analyze:analyze_store"),
    ("cluster", "rashomon.cluster.engine:cluster_store"),
    ("reconcile", "rashomon.reconcile.dossier:reconcile_store"),
]


@dataclass
class RunReport:
    ingest: IngestReport
    stages: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.ingest.failed == 0


def load_stage(target: str) -> Stage:
    module, attr = target.split(":")
    return cast(Stage, getattr(importlib.import_module(module), attr))


def run_pipeline(store: Store, paths: Sequence[str | Path], options: IngestOptions, *,
                 progress: bool = False) -> RunReport:
    """Ingest ``paths`` into ``store`` and bring every later stage up to date."""
    report = RunReport(ingest=ingest_paths(store, paths, options, progress=progress))
    for name, target in STAGES:
        report.stages[name] = load_stage(target)(store, progress=progress)
    return report
