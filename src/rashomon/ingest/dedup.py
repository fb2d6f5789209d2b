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

Signatures are computed here, vectorised with numpy (datasketch hashes one shingle at a time with
SHA-1 in Python, ten times slower): each word is hashed with CRC-32, a shingle's hash is a polynomial
of its five word hashes folded to 32 bits, and each of the 128 permutations is the multiply-shift hash
``((a*x + b) mod 2**64) >> 32`` with odd ``a`` and ``b`` drawn from a fixed seed. A signature is stored
as 128 little-endian unsigned 64-bit values. datasketch's ``MinHashLSH`` indexes them.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from rashomon.store import Store

DEFAULT_THRESHOLD = 0.8
SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 1
SCHEME = "affine64"
"""The label datasketch needs on MinHash containers built from given values (never used to hash)."""
LSH_MAX_THRESHOLD = 0.95
_WORD = re.compile(r"\w+")
_DTYPE = np.dtype("<u8")
_SHIFT = np.uint64(32)
_POLY = np.uint64(0x9E3779B97F4A7C15)
_LOW32 = np.uint64(0xFFFFFFFF)
_CHUNK = 4096
_MAX_CACHED_WORDS = 500_000


def shingle_hashes(text: str, size: int = SHINGLE_WORDS, *, word_hashes: dict[str, int] | None = None
                   ) -> np.ndarray:
    """The distinct 32-bit hashes of the word ``size``-shingles of ``text`` (one for a shorter text).

    ``word_hashes`` memoises the CRC-32 of each word across texts (an index passes its own).
    """
    words = _WORD.findall(text.casefold())
    cache = {} if word_hashes is None else word_hashes
    for word in set(words).difference(cache):
        cache[word] = zlib.crc32(word.encode("utf-8"))
    ids = np.fromiter(map(cache.__getitem__, words), dtype=np.uint64, count=len(words))
    windows = max(len(ids) - size + 1, 1)
    hashes = np.zeros(windows, dtype=np.uint64)
    for k in range(min(size, len(ids))):
        hashes = hashes * _POLY + ids[k:k + windows]  # wraps modulo 2**64
    return np.unique((hashes ^ (hashes >> np.uint64(32))) & _LOW32)


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
        self._word_hashes: dict[str, int] = {}
        rng = np.random.default_rng(SEED)
        self._a = rng.integers(0, np.iinfo(np.uint64).max, size=(num_perm, 1), dtype=np.uint64) | np.uint64(1)
        self._b = rng.integers(0, np.iinfo(np.uint64).max, size=(num_perm, 1), dtype=np.uint64)
        # datasketch draws permutations for every MinHash it builds; the LSH never uses them, so one set
        # is drawn once and shared by the containers.
        self._unused_permutations = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations

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
        if len(self._word_hashes) > _MAX_CACHED_WORDS:
            self._word_hashes.clear()
        hashes = shingle_hashes(text, word_hashes=self._word_hashes)
        signature = np.full(self.num_perm, _LOW32, dtype=np.uint64)
        for start in range(0, len(hashes), _CHUNK):  # bounded memory for very long texts
            chunk = hashes[np.newaxis, start:start + _CHUNK]
            signature = np.minimum(signature, ((self._a * chunk + self._b) >> _SHIFT).min(axis=1))
        return signature.astype(_DTYPE)

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
        return MinHash(num_perm=self.num_perm, seed=SEED, hashvalues=signature, scheme=SCHEME,
                       permutations=self._unused_permutations)
