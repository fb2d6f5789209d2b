"""The attribution tagger's inference arithmetic: its first layer per window position, and decoding.

:class:`FirstLayer` computes the head's first layer for many windows without copying them (see its doc).
:func:`best_tags` turns the head's scores (one row per token, one column per tag of :data:`TAGS`) into
log-probabilities and runs a Viterbi with BIO constraints (an I- tag only after its B- or I-, none at a unit
start) over the stretches where O is not near-certain (:data:`SURE_O`); elsewhere the tag is O.
:func:`viterbi_stretches` decodes all stretches at once, step by step in numpy, with the float64 sums and tie
choices of :func:`viterbi` (the plain loop, kept as the reference). :func:`decode` reads the spans off the tags.
``rashomon.extract.attribution_model`` re-exports these names (the training script and tests import them there).
"""

from __future__ import annotations

import blis.py  # type: ignore[import-untyped]  # thinc's gemm library (spaCy's dependency), for its beta
import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]

LABELS = ("CUE", "SOURCE")
TAGS = ("O", "B-CUE", "I-CUE", "B-SOURCE", "I-SOURCE")
SURE_O = float(np.log(0.995))
"""Tokens whose O tag is at least this likely (log) are O without decoding."""
SHORT_STRETCHES = 5
"""Stretches shorter than ``2 ** (SHORT_STRETCHES + 1)`` tokens are decoded together; longer ones with those
of their power of two (so a long stretch pads few others)."""


class FirstLayer:
    """The head's first layer over the windows of chosen rows, summed per window position (inference).

    A window's product with the first weight matrix is the sum over its ``2 * window + 1`` positions of each
    position's feature row times that position's block of the matrix. The ``doc.tensor`` columns go through
    one product per position on the rows shifted by it (no window copies). The other columns are all 0 or
    1, and far fewer distinct patterns of them occur than tokens: each pattern is multiplied once, and each
    token looks its part up. The result equals ``attribution_model.windows`` then the first product of
    ``Head.scores`` up to float32 rounding (the same sums in another order). ``weights``: the first matrix
    (window positions' blocks one after another), ``dense``: how many leading feature columns are
    ``doc.tensor``'s."""

    def __init__(self, weights: Floats, bias: Floats, window: int, dense: int) -> None:
        self.window, self.dense, self.bias = window, dense, bias
        span = 2 * window + 1
        self.hidden = weights.shape[1]
        blocks = weights.reshape(span, weights.shape[0] // span, self.hidden)
        self.dense_blocks = [np.ascontiguousarray(block[:dense]) for block in blocks]
        self.binary_blocks = [np.ascontiguousarray(block[dense:]) for block in blocks]

    def __call__(self, padded: Floats, rows: Ints) -> Floats:
        """The first layer's output (bias added, no activation) at ``rows`` of ``padded``: feature rows of
        Docs with at least ``window`` zero rows before, between and after them."""
        count = len(padded) - 2 * self.window  # out[i]: the window around padded row i + window
        bits = np.packbits(padded[:, self.dense:] != 0, axis=1)
        patterns, which = np.unique(bits.view(np.dtype((np.void, bits.shape[1]))).ravel(), return_inverse=True)
        which = which.ravel()
        pattern_rows = np.unpackbits(patterns.view(np.uint8).reshape(len(patterns), -1), axis=1,
                                     count=padded.shape[1] - self.dense).astype(np.float32)
        out: Floats = np.zeros((count, self.hidden), dtype=np.float32)
        for k, block in enumerate(self.binary_blocks):
            out += np.take(blis.py.gemm(pattern_rows, block, beta=0.0), which[k: k + count], axis=0)
        tensor = np.ascontiguousarray(padded[:, : self.dense])
        for k, block in enumerate(self.dense_blocks):
            blis.py.gemm(tensor[k: k + count], block, out=out, beta=1.0)
        found: Floats = out[rows - self.window]
        found += self.bias
        return found


def best_tags(scores: Floats, starts: Flags, bias: tuple[float, ...] = ()) -> Ints:
    """The most probable BIO-valid tag sequence (an I- tag only after its B- or I-; none at a unit start),
    by Viterbi over the stretches where O is not near-certain before the bias (elsewhere the tag is O: a
    bias on O would otherwise make every token a stretch), each tag's log-probability shifted by ``bias``
    (none when empty)."""
    log_probs = scores - scores.max(axis=1, keepdims=True)
    log_probs -= np.log(np.exp(log_probs).sum(axis=1, keepdims=True))
    active = log_probs[:, 0] < SURE_O
    if any(bias):
        log_probs += np.asarray(bias, dtype=log_probs.dtype)
    tags = np.zeros(len(scores), dtype=np.int64)
    opens = active & (starts | ~np.concatenate([[False], active[:-1]]))
    closes = active & (np.concatenate([starts[1:], [True]]) | ~np.concatenate([active[1:], [False]]))
    firsts = np.nonzero(opens)[0]
    lengths = np.nonzero(closes)[0] - firsts + 1
    wide = log_probs.astype(np.float64)  # the sums of the reference :func:`viterbi`, on Python floats
    sizes = np.maximum(np.log2(np.maximum(lengths, 1)).astype(np.int64), SHORT_STRETCHES)
    for size in np.unique(sizes).tolist():  # stretches of like length together: little padding
        group = sizes == size
        group_firsts, group_lengths = firsts[group], lengths[group]
        steps = np.arange(int(group_lengths.max()))
        inside = steps[None, :] < group_lengths[:, None]
        at = group_firsts[:, None] + np.minimum(steps[None, :], group_lengths[:, None] - 1)
        tags[at[inside]] = viterbi_stretches(wide[at], group_lengths)[inside]
    return tags


def viterbi_stretches(log_probs: npt.NDArray[np.float64], lengths: Ints) -> Ints:
    """:func:`viterbi` of many stretches at once: ``log_probs[s, t]`` is row ``t`` of stretch ``s`` (rows
    past its length are ignored), the same float64 sums and the same choice on ties, one step for all."""
    count, longest = log_probs.shape[:2]
    each = np.arange(count)
    best = log_probs[:, 0].copy()
    best[:, [2, 4]] = -np.inf
    back = np.zeros((longest, 3, count), dtype=np.int64)
    for t in range(1, longest):
        live = lengths > t
        top = best.argmax(axis=1)  # the first of equal maxima, as ``max`` picks
        cue = np.where(best[:, 2] > best[:, 1], 2, 1)
        source = np.where(best[:, 4] > best[:, 3], 4, 3)
        back[t, 0], back[t, 1], back[t, 2] = top, cue, source
        high = best[each, top]
        row = log_probs[:, t]
        step = np.stack([high + row[:, 0], high + row[:, 1], best[each, cue] + row[:, 2], high + row[:, 3],
                         best[each, source] + row[:, 4]], axis=1)
        best = np.where(live[:, None], step, best)
    paths = np.zeros((count, longest), dtype=np.int64)
    tag = best.argmax(axis=1)
    paths[each, lengths - 1] = tag
    for t in range(longest - 1, 0, -1):
        live = lengths > t
        previous = np.where(tag == 2, back[t, 1], np.where(tag == 4, back[t, 2], back[t, 0]))
        tag = np.where(live, previous, tag)
        paths[live, t - 1] = tag[live]
    return paths


def viterbi(log_probs: list[list[float]]) -> list[int]:
    """The best tag sequence over rows of log-probabilities of :data:`TAGS` (no I- tag first): the reference
    that :func:`viterbi_stretches` follows step for step."""
    o, b_cue, _, b_source, _ = log_probs[0]
    best = [o, b_cue, -np.inf, b_source, -np.inf]
    back: list[tuple[int, int, int]] = []
    for row in log_probs[1:]:
        top = max(range(5), key=best.__getitem__)
        cue = 2 if best[2] > best[1] else 1
        source = 4 if best[4] > best[3] else 3
        back.append((top, cue, source))
        high = best[top]
        best = [high + row[0], high + row[1], best[cue] + row[2], high + row[3], best[source] + row[4]]
    tag = max(range(5), key=best.__getitem__)
    path = [tag]
    for top, cue, source in reversed(back):
        tag = cue if tag == 2 else source if tag == 4 else top
        path.append(tag)
    return path[::-1]


def decode(tags: Ints, starts: Flags) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, label)`` over the positions of ``tags``: a B- tag, or an I- tag that does not
    continue a span of its label, opens one; a ``True`` in ``starts`` (a unit start) closes the open one."""
    spans: list[tuple[int, int, str]] = []
    open_start, open_end, open_label = -1, -1, ""
    for i in np.nonzero((tags > 0) | starts)[0].tolist():
        tag = int(tags[i])
        label = "" if tag == 0 else LABELS[(tag - 1) // 2]
        continuing = tag % 2 == 0 and label == open_label and i == open_end and not starts[i]
        if open_label and not continuing:
            spans.append((open_start, open_end, open_label))
            open_label = ""
        if label and not continuing:
            open_start, open_label = i, label
        if label:
            open_end = i + 1
    if open_label:
        spans.append((open_start, open_end, open_label))
    return spans
