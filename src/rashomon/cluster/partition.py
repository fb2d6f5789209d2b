"""One clustering pass in memory: corpus → features → candidate pairs → scores → constrained linkage.

The store-facing engine, the evaluation scorers and the scaling benchmark all call
:func:`partition_corpus`, so what is measured is what runs. Rows are put in article-id order first,
which makes the partition independent of the order the articles came in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rashomon.cluster.blocking import candidate_pairs
from rashomon.cluster.features import ArticleFeatures, features_for, keep_rare_names, parse_day
from rashomon.cluster.furniture import set_furniture, strip_furniture
from rashomon.cluster.headlines import weigh_headlines
from rashomon.cluster.linkage import Linkage, average_link, strongest_partner
from rashomon.cluster.options import ClusterOptions
from rashomon.cluster.scoring import cannot_link, evidence, score_pair
from rashomon.cluster.vectors import TextIndex, boilerplate_lines, headline_and_site, strip_boilerplate
from rashomon.records import Article, ArticleAnalysis


@dataclass
class Corpus:
    """The articles of one run in canonical (id) order with their features and text vectors."""

    features: list[ArticleFeatures]
    index: TextIndex
    top_terms: list[list[int]]
    row: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.row = {f.article_id: i for i, f in enumerate(self.features)}


def build_corpus(items: Iterable[tuple[Article, ArticleAnalysis | None]], options: ClusterOptions) -> Corpus:
    """Features and TF-IDF vectors of ``items`` (article, its analysis or ``None``)."""
    pairs = sorted(items, key=lambda item: item[0].id)
    boiler = boilerplate_lines([a.text for a, _ in pairs], options.boilerplate_min_docs)
    heads = [headline_and_site(a) for a, _ in pairs]
    texts, furniture = strip_furniture(
        [strip_boilerplate(head, a.text, boiler) for (head, _), (a, _) in zip(heads, pairs, strict=True)],
        [parse_day(a.published_at) for a, _ in pairs],
        options.boilerplate_min_docs,
        options.window_days,
    )
    features = [
        features_for(a, analysis, text, head)
        for (a, analysis), text, (head, _) in zip(pairs, texts, heads, strict=True)
    ]
    sites = [[site] if site else [] for _, site in heads]
    set_furniture(features, [site + dropped for site, dropped in zip(sites, furniture, strict=True)])
    keep_rare_names(features, options.name_max_df)
    for feat, vector in zip(features, weigh_headlines([f.title_words for f in features]), strict=True):
        feat.title_vector = vector
    index = TextIndex(texts)
    for feat, rare in zip(features, index.rare_terms(options.rare_max_df), strict=True):
        feat.rare_terms = rare
    return Corpus(features=features, index=index, top_terms=index.top_terms(options.top_terms))


@dataclass
class Constraints:
    """User decisions as row constraints: groups kept together, pairs kept apart, frozen events."""

    must: list[list[int]] = field(default_factory=list)
    cannot: set[tuple[int, int]] = field(default_factory=set)
    frozen: list[list[int]] = field(default_factory=list)


@dataclass
class PartitionResult:
    corpus: Corpus
    linkage: Linkage
    candidates: int
    scores: dict[tuple[int, int], float]
    options: ClusterOptions

    def clusters(self) -> list[list[str]]:
        """Clusters as sorted lists of article ids, ordered by their first id."""
        ids = [f.article_id for f in self.corpus.features]
        return sorted(
            ([ids[r] for r in members] for members in self.linkage.members.values()), key=lambda c: c[0]
        )

    def label_of(self) -> dict[str, str]:
        """article id -> the smallest article id of its cluster (a canonical cluster label)."""
        return {aid: cluster[0] for cluster in self.clusters() for aid in cluster}

    def pair_score(self, i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        found = self.scores.get(key)
        if found is not None:
            return found
        feats = self.corpus.features
        return score_pair(feats[key[0]], feats[key[1]], self.corpus.index.cosine(*key), self.options)

    def reason(self, row: int) -> dict[str, Any]:
        """The pairwise evidence that put article ``row`` in its cluster (for ``event_articles.reason``)."""
        members = self.linkage.members[self.linkage.label[row]]
        best = strongest_partner(row, members, self.pair_score)
        feat = self.corpus.features[row]
        base: dict[str, Any] = {
            "date": feat.date_iso,
            "date_source": feat.day_source,
            "features": "analysis" if feat.from_analysis else "text",
        }
        if best is None:
            return base | {"joined_with": None, "note": "no other report scored above the threshold"}
        other = self.corpus.features[best[0]]
        cosine = self.corpus.index.cosine(row, best[0])
        return base | evidence(feat, other, cosine, self.options, self.corpus.index.terms).to_dict()


def score_candidates(
    corpus: Corpus,
    pairs: Sequence[tuple[int, int]],
    options: ClusterOptions,
) -> dict[tuple[int, int], float]:
    if not pairs:
        return {}
    left = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
    right = np.fromiter((p[1] for p in pairs), dtype=np.int64, count=len(pairs))
    cosines = corpus.index.cosines(left, right)
    feats = corpus.features
    return {
        pair: score_pair(feats[pair[0]], feats[pair[1]], float(cos), options)
        for pair, cos in zip(pairs, cosines, strict=True)
    }


def partition_corpus(
    corpus: Corpus,
    options: ClusterOptions,
    constraints: Constraints | None = None,
    *,
    only: set[int] | None = None,
) -> PartitionResult:
    """Cluster ``corpus``; with ``only``, just rows in ``only`` look for partners (incremental runs)."""
    constraints = constraints or Constraints()
    pairs = candidate_pairs(corpus.features, corpus.top_terms, options, only=only)
    scores = score_candidates(corpus, pairs, options)
    feats = corpus.features
    result = PartitionResult(
        corpus=corpus, linkage=Linkage(label=[]), candidates=len(pairs), scores=scores, options=options
    )

    def cannot(i: int, j: int) -> bool:
        key = (i, j) if i < j else (j, i)
        return key in constraints.cannot or cannot_link(feats[i], feats[j], options) is not None

    result.linkage = average_link(
        len(feats),
        scores,
        options.threshold,
        pair_score=result.pair_score,
        cannot=cannot,
        must_groups=constraints.must,
        frozen=constraints.frozen,
        mix=options.link_mix,
        rejoin=options.rejoin_score,
        rejoin_average=options.rejoin_average,
    )
    return result
