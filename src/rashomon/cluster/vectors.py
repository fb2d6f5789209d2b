"""Text vectors for clustering: corpus boilerplate removal and TF-IDF cosine between reports.

Web crawls carry page furniture ("Get email notifications on ...", sign-in forms) that makes unrelated
reports of one outlet look alike. A line found verbatim in ``boilerplate_min_docs`` or more articles is
treated as furniture and dropped before vectorising, and the title is read without the site's name
around it (``headline_and_site``: "Man Shot Outside Club - KXYZ.com Springfield, River Valley, Lake
Country" is read "Man Shot Outside Club"; two of a site's pages about other shootings shared its region
and slogan as rare names, and the site's words). TF-IDF (sublinear tf,
English stop words) ignores terms in more than 5 % of the corpus (at least 5 articles), so place names
that every report of a city repeats weigh less than the names and details that single out one incident.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from sklearn.feature_extraction.text import TfidfVectorizer

from rashomon.ingest.titles import KIND_LABEL, shown_title
from rashomon.records import Article

MAX_DF_SHARE = 0.05
RARE_SHARE = 0.05
"""A rare term is in at most this share of the articles (as well as in at most ``rare_max_df``)."""


def _lines(text: str) -> set[str]:
    return {line.strip() for line in text.split("\n") if line.strip()}


def boilerplate_lines(texts: Sequence[str], min_docs: int) -> set[str]:
    """Lines that occur in at least ``min_docs`` of ``texts`` (each text counted once per line)."""
    if min_docs < 2:
        return set()
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_lines(text))
    return {line for line, n in counts.items() if n >= min_docs}


_SEPARATORS = re.compile(r"(?:^|\s)[-–—|:»•]+(?=\s|$)")
"""Separators left at the ends of a title's site name once the headline is cut out ("KTVU -"): looser than
``ingest.titles.SEPARATOR``, which needs a space on both sides."""
_MEDIA_LINE = re.compile(r"^\s*\d{1,2}:\d{2}\s+(?![AaPp]\.?[Mm]\b)")
"""A video playlist entry ("3:02 Sacramento woman parts with beloved dog Pause"), not a clock time."""


def _is_furniture(line: str, boilerplate: set[str]) -> bool:
    stripped = line.strip()
    return not stripped or stripped in boilerplate or bool(_MEDIA_LINE.match(line))


def headline_and_site(article: Article) -> tuple[str | None, str | None]:
    """The page title without the site's name around it (``ingest.titles.shown_title``), and that name
    ("KXYZ.com Springfield, River Valley, Lake Country"; ``None`` when the title carries none): every page
    of the site carries it, so its words and names ("Lake Country") single out no incident."""
    shown = shown_title(article.title, article.outlet, article.url)
    if article.title is None or shown is None or shown == article.title.strip():
        return shown, None
    site = KIND_LABEL.sub(" ", article.title.strip().replace(shown, " ", 1), count=1)  # "VIDEO:" is no site
    return shown, " ".join(_SEPARATORS.sub(" ", site).split()) or None


def strip_boilerplate(title: str | None, text: str, boilerplate: set[str]) -> str:
    """Title plus the text's lines that are neither boilerplate nor video playlist entries."""
    kept = [line for line in text.split("\n") if not _is_furniture(line, boilerplate)]
    head = [title] if title and title.strip() not in boilerplate else []
    return "\n".join(head + kept)


class TextIndex:
    """TF-IDF vectors of a corpus, row ``i`` for text ``i``, L2-normalised (dot product = cosine)."""

    def __init__(self, texts: Sequence[str]) -> None:
        max_df = max(5, int(MAX_DF_SHARE * len(texts)))
        self.vectorizer = TfidfVectorizer(
            sublinear_tf=True,
            stop_words="english",
            max_df=max_df,
            token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z0-9'-]+\b",
            dtype=np.float32,
        )
        try:
            self.matrix = self.vectorizer.fit_transform(texts).tocsr()
        except ValueError:  # no usable term in any text (empty or stop words only)
            self.vectorizer = TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", dtype=np.float32)
            self.matrix = self.vectorizer.fit_transform([t or "empty" for t in texts]).tocsr()
        self.matrix.sort_indices()  # ties in top_terms then break by column, whatever the input order

    def __len__(self) -> int:
        return int(self.matrix.shape[0])

    def cosines(
        self, left: NDArray[np.int64], right: NDArray[np.int64], *, chunk: int = 200_000
    ) -> NDArray[np.float64]:
        """Cosine of each pair ``(left[k], right[k])``."""
        out = np.zeros(len(left), dtype=np.float64)
        for start in range(0, len(left), chunk):
            a = self.matrix[left[start : start + chunk]]
            b = self.matrix[right[start : start + chunk]]
            out[start : start + chunk] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
        return out

    def cosine(self, i: int, j: int) -> float:
        """Cosine of rows ``i`` and ``j`` from the CSR arrays (no sparse-matrix objects per call)."""
        indptr, indices, data = self.matrix.indptr, self.matrix.indices, self.matrix.data
        lo_i, hi_i, lo_j, hi_j = indptr[i], indptr[i + 1], indptr[j], indptr[j + 1]
        _, left, right = np.intersect1d(
            indices[lo_i:hi_i], indices[lo_j:hi_j], assume_unique=True, return_indices=True
        )
        return float(np.dot(data[lo_i:hi_i][left], data[lo_j:hi_j][right]))

    def top_terms(self, k: int) -> list[list[int]]:
        """Column ids of the ``k`` highest-weighted terms of every row."""
        out: list[list[int]] = []
        indptr, indices, data = self.matrix.indptr, self.matrix.indices, self.matrix.data
        for row in range(len(self)):
            lo, hi = indptr[row], indptr[row + 1]
            if hi - lo <= k:
                out.append(sorted(int(c) for c in indices[lo:hi]))
                continue
            best = np.argpartition(-data[lo:hi], k - 1)[:k]
            out.append(sorted(int(c) for c in indices[lo:hi][best]))
        return out

    def rare_terms(self, max_df: int, share: float = RARE_SHARE) -> list[frozenset[int]]:
        """Column ids of every row's terms found in 2..``max_df`` rows (and at most ``share`` of the rows).

        Words that single out an incident. In a small corpus nothing is rare: two reports of twenty
        sharing "police" say nothing, so below ``2 / share`` (40) reports there are no rare terms.
        """
        df = np.bincount(self.matrix.indices, minlength=self.matrix.shape[1])
        rare = (df >= 2) & (df <= min(max_df, share * len(self)))
        indptr, indices = self.matrix.indptr, self.matrix.indices
        return [
            frozenset(int(c) for c in indices[indptr[row] : indptr[row + 1]] if rare[c])
            for row in range(len(self))
        ]

    def terms(self, columns: Sequence[int]) -> list[str]:
        names = self.vectorizer.get_feature_names_out()
        return [str(names[c]) for c in columns]
