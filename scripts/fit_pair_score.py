"""Fit the clustering pair score's weights (``rashomon.cluster.scoring.TERMS``) on the GVA pool.

A logistic regression over the pair terms of the candidate pairs whose two reports both belong to
*odd* GVA incident ids (label: the same gold incident; even ids stay held out), with the real
pipeline's cached analyses. The weights are divided by the ``sqrt_cosine`` weight (the score's unit);
the threshold is minus the intercept on that scale. A term whose fitted sign runs against its
documented direction (a bonus that lowers the odds) is left out and the rest refitted, so it prints
as 0 (settings are non-negative, except ``w_cosine``). Paste the printed values into ``ClusterOptions``
(``src/rashomon/cluster/options.py``)::

    .venv/bin/python scripts/fit_pair_score.py --cache /tmp/rashomon-eval-gva-analyses.db
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score

from rashomon.cluster.blocking import candidate_pairs
from rashomon.cluster.options import SIGNED, ClusterOptions
from rashomon.cluster.partition import build_corpus
from rashomon.cluster.scoring import TERMS, pair_terms
from rashomon.eval import DEFAULT_GOLD_DIR
from rashomon.eval.gva import gold_partition, load_documents
from rashomon.store import Store

LEFT_OUT = ("place", "actor")
"""Terms fixed at 0: a shared town costs precision on this pool, actors are almost all police (docs/clustering.md)."""


def parity(label: str) -> int:
    return int(re.sub(r"\D", "", label) or 0) % 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="store with the GVA documents' analyses")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--C", type=float, default=10.0, help="inverse L2 strength of the regression")
    args = parser.parse_args()
    docs = load_documents(args.data_dir)
    gold = gold_partition(docs)
    articles = [d.to_article() for d in docs]
    with Store(args.cache) as store:
        items = [(a, store.get_analysis(a.id)) for a in articles]
    options = ClusterOptions()
    corpus = build_corpus(items, options)
    feats = corpus.features
    label = {corpus.row[d.doc_id]: gold[d.doc_id] for d in docs}
    pairs = candidate_pairs(feats, corpus.top_terms, options)
    left = np.array([i for i, _ in pairs])
    right = np.array([j for _, j in pairs])
    cosines = corpus.index.cosines(left, right)
    names = [name for name, _, _ in TERMS if name not in LEFT_OUT]
    rows = [pair_terms(feats[i], feats[j], float(c), options) for (i, j), c in zip(pairs, cosines, strict=True)]
    x = np.array([[row[n] for n in names] for row in rows])
    y = np.array([label[i] == label[j] for i, j in pairs])
    side = np.array([parity(label[i]) + parity(label[j]) for i, j in pairs])
    odd, even = side == 2, side == 0
    signs = {name: (sign, setting) for name, setting, sign in TERMS}
    kept = list(names)
    while True:  # drop the terms whose fitted sign runs against their documented direction, then refit
        cols = [names.index(n) for n in kept]
        model = LogisticRegression(C=args.C, max_iter=10000).fit(x[odd][:, cols], y[odd])
        wrong = [
            n for n, w in zip(kept, model.coef_[0], strict=True)
            if signs[n][0] * w < 0 and signs[n][1] not in SIGNED
        ]
        if not wrong:
            break
        print("against its direction, left out:", ", ".join(wrong))
        kept = [n for n in kept if n not in wrong]
    scores = model.decision_function(x[:, cols])
    print(f"pairs {len(pairs)}: odd {odd.sum()} ({y[odd].sum()} same incident), even {even.sum()}")
    print(f"average precision: odd {average_precision_score(y[odd], scores[odd]):.4f}, "
          f"even (held out) {average_precision_score(y[even], scores[even]):.4f}")
    unit = model.coef_[0][kept.index("sqrt_cosine")]
    print(f"threshold = {-model.intercept_[0] / unit:.3f}")
    weights = dict(zip(kept, model.coef_[0] / unit, strict=True))
    for name, setting, sign in TERMS:
        print(f"{setting} = {sign * weights.get(name, 0.0) + 0.0:.3f}")


if __name__ == "__main__":
    main()
