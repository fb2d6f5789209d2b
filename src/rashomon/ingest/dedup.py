"""Near-duplicates: syndicated copies of one report, found with MinHash LSH over word 5-shingles.

The rule: two texts are near-duplicates when the Jaccard similarity of their sets of word 5-shingles
(case-folded word tokens, punctuation ignored) is at least :data:`DEFAULT_THRESHOLD` (0.8), as
estimated from 128-permutation MinHash signatures. Candidates come from an LSH index tuned to that
threshold; each candidate's estimated Jaccard is then checked, and the most similar original wins.

A near-duplicate is stored (its text may differ: a byline, an added paragraph) with ``duplicate_of``
set to the original's id and is not counted as another report. Only originals are indexed, so
``duplicate_of`` always names an original, and which one of two copies is the original is the order
of ingest (the first one seen). Signatures are kept in ``articles.minhash``; the index is rebuilt from
:meth:`rashomon.store.Store.minhashes` when a batch starts. Texts shorter than five words are one
shingle, so only a copy of the whole text matches them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from rashomon.store import Store

DEFAULT_THRESHOLD = 0.8
SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
"""datasketch's hashing scheme; stored signatures are only comparable within one scheme."""
LSH_MAX_THRESHOLD = 0.95
_WORD = re.compile(r"\w+")
_DTYPE = np.dtype("<u8")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of word ``size``-shingles of ``text`` (the whole text when it has fewer words)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@dataclass(frozen=True)
class NearDuplicate:
    """The original a text copies, with the estimated Jaccard similarity of the two."""

    original_id: str
    similarity: float


class NearDuplicateIndex:
    """MinHash signatures of the stored originals, queried for each new text."""

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        # The LSH only proposes candidates; above 0.95 it would need fewer than two bands, so it is
        # tuned to at most 0.95 and every candidate is checked against the real threshold.
        self._lsh = MinHashLSH(threshold=min(threshold, LSH_MAX_THRESHOLD), num_perm=num_perm)
        self._signatures: dict[str, np.ndarray] = {}
        self._permutations = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations

    @classmethod
    def from_store(cls, store: Store, *, threshold: float = DEFAULT_THRESHOLD) -> NearDuplicateIndex:
        """An index of every original already stored (signatures of another size are skipped)."""
        index = cls(threshold=threshold)
        for article_id, blob in store.minhashes():
            values = np.frombuffer(blob, dtype=_DTYPE)
            if len(values) == index.num_perm:
                index.add(article_id, values)
        return index

    def __len__(self) -> int:
        return len(self._signatures)

    def signature(self, text: str) -> np.ndarray:
        """The MinHash signature of ``text`` (``num_perm`` unsigned 64-bit values)."""
        minhash = MinHash(num_perm=self.num_perm, seed=SEED, permutations=self._permutations, scheme=SCHEME)
        minhash.update_batch(list(shingles(text)))
        return np.asarray(minhash.hashvalues, dtype=_DTYPE)

    @staticmethod
    def to_bytes(signature: np.ndarray) -> bytes:
        return np.asarray(signature, dtype=_DTYPE).tobytes()

    def find(self, signature: np.ndarray) -> NearDuplicate | None:
        """The most similar indexed original at or above the threshold, if any."""
        best: NearDuplicate | None = None
        for candidate in self._lsh.query(self._minhash(signature)):
            similarity = float(np.count_nonzero(self._signatures[candidate] == signature)) / self.num_perm
            if similarity >= self.threshold and (best is None or similarity > best.similarity
                                                 or (similarity == best.similarity
                                                     and candidate < best.original_id)):
                best = NearDuplicate(original_id=str(candidate), similarity=similarity)
        return best

    def add(self, article_id: str, signature: np.ndarray) -> None:
        """Index an original (a second add of the same id is ignored)."""
        if article_id in self._signatures:
            return
        self._signatures[article_id] = signature
        self._lsh.insert(article_id, self._minhash(signature))

    def _minhash(self, signature: np.ndarray) -> MinHash:
        return MinHash(num_perm=self.num_perm, seed=SEED, hashvalues=signature,
                       permutations=self._permutations, scheme=SCHEME)
