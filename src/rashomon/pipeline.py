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

ANALYZE_ENGINES = {
    "local": "rashomon.extract.analyze:analyze_store",
    "ray": "rashomon.distributed.ray_engine:analyze_store_ray",
}
"""Where the ``analyze`` stage runs: this machine (spaCy processes) or Ray (``docs/distributed.md``)."""


@dataclass(frozen=True)
class RunOptions:
    """How the stages after ingest run: the analyze engine and its workers (``None``: the engine's default)."""

    engine: str = "local"
    workers: int | None = None
    ray_address: str | None = None

    def stage(self, name: str, target: str) -> tuple[str, dict[str, Any]]:
        """The stage function to call for ``name`` and the keyword arguments this run adds."""
        if name != "analyze":
            return target, {}
        if self.engine == "ray":
            return ANALYZE_ENGINES["ray"], {"num_cpus": self.workers, "address": self.ray_address}
        return target, {} if self.workers is None else {"n_process": self.workers}


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
                 progress: bool = False, run_options: RunOptions | None = None) -> RunReport:
    """Ingest ``paths`` into ``store`` and bring every later stage up to date."""
    run_options = run_options or RunOptions()
    report = RunReport(ingest=ingest_paths(store, paths, options, progress=progress))
    for name, target in STAGES:
        function, kwargs = run_options.stage(name, target)
        report.stages[name] = load_stage(function)(store, progress=progress, **kwargs)
    return report
