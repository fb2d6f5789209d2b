"""Evaluation against the public gold data in ``../shared/gold-data`` (dev splits only) and the acceptance gold.

Each scorer is a function ``(data_dir: Path, *, limit: int | None) -> dict`` of metrics, registered here
by task and dataset name as ``"module:function"`` and imported only when asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from rashomon.errors import Errors, EvalError

DEFAULT_GOLD_DIR = Path("../shared/gold-data")
"""Where the gold data is looked for by default: ``../shared/gold-data`` from the working directory."""

Scorer = Callable[..., dict[str, Any]]

SCORERS: dict[str, dict[str, str]] = {
    "extraction": {
        "gvdb": "rashomon.eval.gvdb:score",
        "case2021": "rashomon.eval.case2021:score",
        "polnear": "rashomon.eval.polnear:score",
        "lgl": "rashomon.eval.geoparsing:score_lgl",
        "geowebnews": "rashomon.eval.geoparsing:score_geowebnews",
        "lgl-outlets": "rashomon.eval.outlet_geoparsing:score_lgl_outlets",
        "geowebnews-outlets": "rashomon.eval.outlet_geoparsing:score_geowebnews_outlets",
    },
    "clustering": {
        "gva": "rashomon.eval.clustering:score_gva",
        "gvc": "rashomon.eval.clustering:score_gvc",
        "gva-records": "rashomon.eval.records:score_records",
        "semeval": "rashomon.eval.semeval:score",
    },
}


def get_scorer(task: str, dataset: str) -> Scorer:
    known = SCORERS.get(task, {})
    if dataset not in known:
        raise EvalError(Errors.V002, name=dataset, known=", ".join(sorted(known)) or "(none yet)")
    module, attr = known[dataset].split(":")
    return cast(Scorer, getattr(importlib.import_module(module), attr))


def require(path: Path) -> Path:
    """``path`` if it exists, else an :class:`EvalError` naming it."""
    if not path.exists():
        raise EvalError(Errors.V001, path=str(path))
    return path
