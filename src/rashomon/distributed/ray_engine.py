"""The ``analyze`` stage on Ray: the same analyses as :func:`rashomon.extract.analyze.analyze_store`, on a cluster.

The driver (this process) owns the store: it reads the pending articles in windows, hands each window to
Ray Data as an in-memory dataset, and writes the results back one batch per transaction (SQLite has one
writer). The analysis runs in ``map_batches`` with a callable class, :class:`AnalyzeBatch`: each actor
builds the pipeline once (``build_nlp`` + the local stage's analysis writer) and turns every batch of
``(article_id, text, published_at)`` rows into ``(article_id, analysis JSON, error)`` rows.

Nothing here re-implements the analysis: the actor runs the very pipeline the local stage runs
(:func:`~rashomon.extract.analyze.prepare_nlp`, its per-doc :func:`~rashomon.extract.analyze.error_handler`),
and the driver records results and failures through the local stage's
:class:`~rashomon.extract.analyze.AnalysisRun`. So the stored analyses are the same, failures land in
``analysis_failures`` with code ``X001``, and a run that stops (killed driver, lost node) keeps every
written batch; the next run, local or Ray, analyses only what is missing.

Ray is started locally (``ray.init(num_cpus=...)``) unless an address is given, and only a Ray this
function started is shut down. Ray is an optional dependency (the ``ray`` extra); it is imported on use.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rashomon.errors import Errors, ExtractError
from rashomon.extract.analyze import (
    DEFAULT_BATCH_SIZE,
    AnalysisRun,
    AnalyzeOptions,
    article_inputs,
    error_handler,
    pending_articles,
    prepare_nlp,
)
from rashomon.extract.pipeline import PIPELINE_VERSION, PipelineOptions, build_nlp
from rashomon.records import ArticleAnalysis
from rashomon.store import Store

if TYPE_CHECKING:
    import pyarrow as pa
    from spacy.language import Language

log = logging.getLogger(__name__)

DEFAULT_WINDOW = 20_000
"""Articles read from the store per Ray dataset: bounds the driver's memory (texts of one window at a time);
each window starts its actors afresh, so a larger window spends less time loading the model."""
NO_RESULT = "no result (failed in a Ray actor)"
Row = tuple[str, str | None, str | None]
"""One result: article id, the ArticleAnalysis as JSON (``None`` when it failed), the failure reason."""


# -- the actor -------------------------------------------------------------------------------------------
def _pipe_rows(nlp: Language, rows: Sequence[dict[str, Any]], failures: dict[str, str],
               batch_size: int) -> Iterator[Row]:
    """Rows through ``nlp.pipe`` in order; a doc missing from the output failed (reason from ``failures``)."""
    inputs = [(row["text"], {"article_id": row["article_id"], "published_at": row["published_at"]})
              for row in rows]
    expected = iter(row["article_id"] for row in rows)
    for doc, context in nlp.pipe(inputs, as_tuples=True, batch_size=batch_size):
        article_id = context["article_id"]
        for missing in expected:
            if missing == article_id:
                break
            yield missing, None, failures.pop(missing, NO_RESULT)
        yield article_id, json.dumps(doc._.analysis), None
    for missing in expected:
        yield missing, None, failures.pop(missing, NO_RESULT)


def analyze_rows(nlp: Language, rows: Sequence[dict[str, Any]], failures: dict[str, str],
                 batch_size: int = DEFAULT_BATCH_SIZE) -> list[Row]:
    """The result of every row. An error that stops the whole batch (spaCy's text-length limit, say) is
    retried article by article, so only the article that raises fails."""
    try:
        return list(_pipe_rows(nlp, rows, failures, batch_size))
    except Exception:  # one bad article must not fail its batch: isolate it below
        log.info("a batch of %d articles failed as a whole; analysing them one by one", len(rows))
    results: list[Row] = []
    for row in rows:
        try:
            results.extend(_pipe_rows(nlp, [row], failures, batch_size))
        except Exception as exc:  # recorded as the article's X001 failure by the driver
            results.append((row["article_id"], None, f"{type(exc).__name__}: {exc}"))
    return results


class AnalyzeBatch:
    """The ``map_batches`` callable class: one analysis pipeline per Ray actor, built in ``__init__``."""

    def __init__(self, pipeline: PipelineOptions, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.failures: dict[str, str] = {}
        self.nlp = prepare_nlp(build_nlp(pipeline), n_process=1)
        self.nlp.default_error_handler = error_handler(self.failures)  # per-doc errors, as locally
        self.batch_size = batch_size

    def __call__(self, batch: pa.Table) -> dict[str, list[str | None]]:
        self.failures.clear()
        results = analyze_rows(self.nlp, batch.to_pylist(), self.failures, self.batch_size)
        return {"article_id": [r[0] for r in results], "analysis": [r[1] for r in results],
                "error": [r[2] for r in results]}


# -- Ray on the driver -------------------------------------------------------------------------------------
def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # the Data library (pandas, pyarrow)
    except ImportError as exc:
        raise ExtractError(Errors.X004, reason=f"{exc}; install the ray extra: pip install 'rashomon[ray]'") \
            from exc
    return ray


@contextmanager
def ray_session(*, num_cpus: int | None = None, address: str | None = None) -> Iterator[int]:
    """A connected Ray (the running one, a local one with ``num_cpus``, or the cluster at ``address``);
    yields the CPUs it has. Shuts down only a Ray it started."""
    ray = _import_ray()
    started = not ray.is_initialized()
    if started:
        try:
            joins = bool(address or os.environ.get("RAY_ADDRESS"))  # a cluster's CPUs are its own
            ray.init(address=address, num_cpus=None if joins else num_cpus, include_dashboard=False,
                     logging_level=logging.WARNING, log_to_driver=False)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise ExtractError(Errors.X004, reason=f"{type(exc).__name__}: {exc}") from exc
    try:
        yield max(1, int(ray.cluster_resources().get("CPU", 1)))
    finally:
        if started:
            ray.shutdown()


def _window_rows(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    return [{"article_id": context["article_id"], "text": text, "published_at": context["published_at"]}
            for text, context in article_inputs(store, ids)]


def _analyze_window(run: AnalysisRun, ids: Sequence[str], options: AnalyzeOptions, workers: int) -> None:
    """One window through the actors; results written back one batch per transaction as they arrive."""
    ray = _import_ray()
    rows = _window_rows(run.store, ids)
    dataset = ray.data.from_items(rows, override_num_blocks=max(1, -(-len(rows) // options.batch_size)))
    results = dataset.map_batches(
        AnalyzeBatch, fn_constructor_kwargs={"pipeline": options.pipeline, "batch_size": options.batch_size},
        batch_size=options.batch_size, batch_format="pyarrow", num_cpus=1,
        compute=ray.data.ActorPoolStrategy(size=workers))
    for batch in results.iter_batches(batch_size=options.batch_size, batch_format="pyarrow"):
        for article_id, analysis, error in zip(*(batch.column(c).to_pylist()
                                                  for c in ("article_id", "analysis", "error")), strict=True):
            if analysis is None:
                run.fail(article_id, error or NO_RESULT)
            else:
                run.add(ArticleAnalysis.from_dict(json.loads(analysis)))
        run.flush()


def _quiet_data_context(progress: bool) -> None:
    from ray.data import DataContext

    context = DataContext.get_current()
    context.enable_progress_bars = progress
    context.print_on_execution_start = False


def analyze_store_ray(store: Store, *, progress: bool = False, num_cpus: int | None = None,
                      address: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                      options: AnalyzeOptions | None = None, window: int = DEFAULT_WINDOW) -> dict[str, Any]:
    """Analyse what is missing on Ray; the summary of :func:`~rashomon.extract.analyze.analyze_store`
    plus ``engine`` and ``workers`` (actors: ``num_cpus``, else every CPU of the cluster)."""
    options = options or AnalyzeOptions(batch_size=batch_size)
    started = time.perf_counter()
    ids = pending_articles(store, options)
    run = AnalysisRun(store=store, pipeline=PIPELINE_VERSION)
    workers = 0
    if ids:
        with ray_session(num_cpus=num_cpus, address=address) as cpus:
            _quiet_data_context(progress)
            workers = min(num_cpus or cpus, -(-len(ids) // options.batch_size))
            for start in range(0, len(ids), window):
                _analyze_window(run, ids[start:start + window], options, workers)
                if progress:
                    print(f"\ranalysed {run.analysed}/{len(ids)}", end="", file=sys.stderr, flush=True)
        if progress:
            print(file=sys.stderr)
    return run.summary(len(ids), started, engine="ray", workers=workers)
