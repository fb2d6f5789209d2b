"""The ``analyze`` stage: every stored original article not yet analysed by this pipeline version.

:func:`analyze_store` streams the pending articles through ``nlp.pipe(..., as_tuples=True)`` (context:
``article_id`` and ``published_at``), with ``n_process`` worker processes when asked. The last component,
``rashomon_analysis_v1``, turns each Doc into an :class:`~rashomon.records.ArticleAnalysis` dict
(``doc._.analysis``), so results cross process boundaries as plain JSON. Analyses are saved one batch per
transaction: a run that is killed keeps every finished batch, and the next run analyses only what is
missing. An article whose analysis raises is recorded in ``analysis_failures`` with code ``X001``, counted
in the summary, and skipped by later runs of the same pipeline version; the batch goes on.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.errors import Errors, ExtractError
from rashomon.extract import extensions
from rashomon.extract.pipeline import PIPELINE_VERSION, PipelineOptions, build_nlp
from rashomon.records import ArticleAnalysis
from rashomon.store import Store, utc_now

log = logging.getLogger(__name__)

ANALYSIS_FACTORY = "rashomon_analysis_v1"
DEFAULT_BATCH_SIZE = 32


@dataclass(frozen=True)
class AnalyzeOptions:
    """How ``analyze`` runs: worker processes, documents per batch, and the pipeline to build."""

    n_process: int = 1
    batch_size: int = DEFAULT_BATCH_SIZE
    retry_failed: bool = False  # analyse again the articles that failed under this pipeline version
    limit: int | None = None
    pipeline: PipelineOptions = field(default_factory=PipelineOptions)


# -- Doc -> ArticleAnalysis --------------------------------------------------------------------------------
def _optional(module: str, attr: str) -> Callable[..., Any] | None:
    """A function of a sibling extractor module, or ``None`` while that module is not written yet."""
    try:
        found: Callable[..., Any] | None = getattr(importlib.import_module(module), attr, None)
        return found
    except ImportError:
        return None


def doc_to_analysis(doc: Doc, *, pipeline: str = PIPELINE_VERSION) -> ArticleAnalysis:
    """The analysis of one Doc: every extension list, plus the article-level date, place and event type."""
    analysis = ArticleAnalysis(
        article_id=doc._.article_id or "", pipeline=pipeline,
        places=list(doc._.places or []), times=list(doc._.times or []), actors=list(doc._.actors or []),
        claims=list(doc._.claims or []), casualties=list(doc._.casualties or []),
        events=list(doc._.events or []),
    )
    text = extensions.doc_text(doc)  # spaCy rebuilds doc.text on every access: take it once
    event_date = _optional("rashomon.extract.dates", "event_date")
    if event_date is not None:
        analysis.event_date, analysis.event_date_precision = event_date(
            analysis.times, doc._.published_at, event_spans=analysis.event_spans(), text=text)
    main_place = _optional("rashomon.extract.places", "main_place")
    if main_place is not None:
        analysis.event_place = main_place(analysis.places, event_spans=analysis.event_spans(), text=text)
    main_event = _optional("rashomon.extract.events", "main_event")
    if main_event is not None and (event := main_event(analysis.events)) is not None:
        analysis.event_type, analysis.sub_event_type = event.event_type, event.sub_event_type
    return analysis


class AnalysisWriter:
    """Last component: ``doc._.analysis`` = the ArticleAnalysis dict. With ``strip``, the record lists
    are cleared afterwards so the Doc serialises for the trip back from a worker process."""

    def __init__(self, name: str, *, strip: bool) -> None:
        self.name = name
        self.strip = strip

    def __call__(self, doc: Doc) -> Doc:
        doc._.analysis = doc_to_analysis(doc).to_dict()
        if self.strip:
            for name in ("places", "times", "actors", "claims", "casualties", "events"):
                setattr(doc._, name, None)
        return doc


@Language.factory(ANALYSIS_FACTORY, default_config={"strip": False}, assigns=["doc._.analysis"])
def make_analysis_writer(nlp: Language, name: str, strip: bool) -> AnalysisWriter:
    extensions.register()
    return AnalysisWriter(name, strip=strip)


# -- the stage -----------------------------------------------------------------------------------------------
@dataclass
class AnalysisRun:
    """Book-keeping of one run: results waiting for their batch's transaction, failures, counts."""

    store: Store
    pipeline: str
    batch: list[ArticleAnalysis] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)  # article id -> reason (from the error handler)
    analysed: int = 0
    failed: Counter[str] = field(default_factory=Counter)

    def add(self, analysis: ArticleAnalysis) -> None:
        self.batch.append(analysis)

    def summary(self, pending: int, started: float, **extra: Any) -> dict[str, Any]:
        """The stage summary every engine returns (``extra``: engine-specific fields)."""
        return {
            "stage": "analyze",
            **extra,
            "pipeline": self.pipeline,
            "pending": pending,
            "analysed": self.analysed,
            "failed": sum(self.failed.values()),
            "failures_by_code": dict(self.failed),
            "seconds": round(time.perf_counter() - started, 2),
        }

    def fail(self, article_id: str, reason: str) -> None:
        error = ExtractError(Errors.X001, article_id=article_id, reason=reason)
        log.warning("%s", error)
        with self.store.atomic() as db:
            db.execute(
                "INSERT INTO analysis_failures (article_id, pipeline, code, message, failed_at) "
                "VALUES (?,?,?,?,?) "
                "ON CONFLICT(article_id) DO UPDATE SET pipeline=excluded.pipeline, code=excluded.code, "
                "message=excluded.message, failed_at=excluded.failed_at",
                (article_id, self.pipeline, error.reason, str(error), utc_now()),
            )
        self.failed[error.reason] += 1

    def flush(self) -> None:
        """Save the waiting analyses in one transaction (and clear their earlier failures)."""
        if not self.batch:
            return
        with self.store.atomic() as db:
            for analysis in self.batch:
                self.store.save_analysis(analysis)
                db.execute("DELETE FROM analysis_failures WHERE article_id = ?", (analysis.article_id,))
        self.analysed += len(self.batch)
        self.batch.clear()


def pending_articles(store: Store, options: AnalyzeOptions, pipeline: str = PIPELINE_VERSION) -> list[str]:
    """Ids still to analyse: not analysed by ``pipeline`` and (unless retrying) not failed under it."""
    ids = store.unanalysed(pipeline)
    if not options.retry_failed:
        failed = {row[0] for row in store.db.execute(
            "SELECT article_id FROM analysis_failures WHERE pipeline = ?", (pipeline,))}
        ids = [i for i in ids if i not in failed]
    return ids[: options.limit] if options.limit is not None else ids


def article_inputs(store: Store, ids: Sequence[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(text, context)`` pairs of the articles, as ``nlp.pipe(..., as_tuples=True)`` takes them."""
    for article_id in ids:
        article = store.get_article(article_id)
        yield article.text, {"article_id": article.id, "published_at": article.published_at}


def prepare_nlp(nlp: Language, *, n_process: int) -> Language:
    """Add (or reconfigure) the analysis writer as the last component."""
    if ANALYSIS_FACTORY in nlp.pipe_names:
        nlp.remove_pipe(ANALYSIS_FACTORY)
    nlp.add_pipe(ANALYSIS_FACTORY, last=True, config={"strip": n_process > 1})
    return nlp


def error_handler(failures: dict[str, str]) -> Callable[[str, Any, list[Doc], Exception], None]:
    """spaCy's per-doc error handler: the reason of each failed article goes into ``failures``."""
    def skip(name: str, proc: Any, docs: list[Doc], exc: Exception) -> None:
        for doc in docs:
            context = doc._context if isinstance(doc._context, dict) else {}
            article_id = context.get("article_id") or doc._.article_id
            if article_id:
                failures[str(article_id)] = f"{name}: {type(exc).__name__}: {exc}"
    return skip


def _process(nlp: Language, run: AnalysisRun, ids: Sequence[str], options: AnalyzeOptions,
             progress: bool) -> None:
    """Stream the articles through the pipeline; a doc missing from the output failed."""
    expected = iter(ids)
    results: Iterable[tuple[Doc, dict[str, Any]]] = nlp.pipe(
        article_inputs(run.store, ids), as_tuples=True, batch_size=options.batch_size, n_process=options.n_process)
    done = 0
    for doc, context in results:
        article_id = context["article_id"]
        for missing in expected:  # docs come back in input order; those skipped before this one failed
            if missing == article_id:
                break
            run.fail(missing, run.failures.pop(missing, "no result (failed in a worker process)"))
        run.add(ArticleAnalysis.from_dict(doc._.analysis))
        done += 1
        if len(run.batch) >= options.batch_size:
            run.flush()
        if progress and done % options.batch_size == 0:
            print(f"\ranalysed {done}/{len(ids)}", end="", file=sys.stderr, flush=True)
    run.flush()
    for missing in expected:
        run.fail(missing, run.failures.pop(missing, "no result (failed in a worker process)"))
    if progress:
        print(f"\ranalysed {done}/{len(ids)}", file=sys.stderr)


def analyze_store(store: Store, *, progress: bool = False, n_process: int = 1,
                  batch_size: int = DEFAULT_BATCH_SIZE, nlp: Language | None = None,
                  options: AnalyzeOptions | None = None) -> dict[str, Any]:
    """Analyse what is missing; return a summary (counts by outcome, failures by code, timing)."""
    options = options or AnalyzeOptions(n_process=n_process, batch_size=batch_size)
    if options.n_process > 1:
        os.environ.setdefault("OMP_NUM_THREADS", "1")  # one BLAS thread per worker: the cores are the workers
    started = time.perf_counter()
    ids = pending_articles(store, options)
    run = AnalysisRun(store=store, pipeline=PIPELINE_VERSION)
    if ids:
        nlp = prepare_nlp(nlp or build_nlp(options.pipeline), n_process=options.n_process)
        nlp.default_error_handler = error_handler(run.failures)  # per-doc errors of Python components
        _process(nlp, run, ids, options, progress)
    return run.summary(len(ids), started)


# -- one article, for `rashomon show` and the web ----------------------------------------------------------
def article_view(store: Store, key: str) -> dict[str, Any]:
    """An article (by id, id prefix or source name) with its stored analysis (``None`` when not analysed)."""
    article = store.find_article(key)
    analysis = store.get_analysis(article.id)
    return {"article": article.to_dict(), "analysis": analysis.to_dict() if analysis else None}
