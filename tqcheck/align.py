"""Sentence alignment by dynamic programming over beads. Imports only numpy (the vecalign seam).

A bead joins ``a`` consecutive source sentences with ``b`` consecutive target sentences
(every ``a + b <= max_size``: 1-1, 2-1, 1-2, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4, 4-1, and 1-0 / 0-1 for a
sentence without counterpart).

Scoring. ``cos(x, y)`` of the joined runs' vectors minus a margin mixing two references:
Bertalign's boundary term, the mean cosine of each run with the sentences just outside the other run
(a run that also matches its neighbour is a boundary error, which is what decides 1-1 versus 1-2 in
literary texts), and the kNN hubness term of Artetxe & Schwenk 2019 (mean of each sentence's ``knn``
best cosines), which removes the narrow cosine band of small encoders. Margins are put on the
document's own scale: 0 is the median margin of the candidate pairs (mostly wrong pairs) and 1 the
median of each source sentence's best margin (mostly right pairs), so no cut-off depends on the encoder.
A bead earns its scaled margin times Bertalign's length factor ``log2(1 + short/long)`` on
ratio-corrected character lengths; every bead counts once whatever its size (a bead is one decision);
an unaligned sentence earns ``skip`` on the same scale. The DP maximises the total.

Linear cost. Vectors are pooled in blocks of two until the whole DP fits ``full_cells``; each
finer level then searches only a band of ``2 * window + 1`` cells per anti-diagonal around the
coarser path (vecalign's recursive downsampling). Cells, memory and time grow linearly.

Embedding cost. A :class:`Side` holds the sentence vectors and, lazily, vectors of joined runs
(2, 3, 4 sentences). Until a run is embedded it is derived from its sentence vectors
(``AlignParams.approx``): ``"mean"``, their length-weighted mean renormalised, or ``"centred"``, the same
mean with only its part off the two documents' common direction renormalised (plain renormalising makes a
run look about 0.03 cosine closer to everything than the joined text really embedded; centred, 0.005).
``AlignParams.exact`` says which runs get their own embedding: ``"auto"`` (the default) first solves with
derived runs, then embeds every run around the beads that are not confident 1-1 matches and solves again
(up to three rounds); ``"beads"`` embeds only the runs of the many-sentence beads on the path and solves
again; ``"gap"`` only the runs of many-sentence beads whose best path (forward and backward passes of the
same DP) scores within ``AlignParams.gap`` of the best path, then solves again (up to three rounds);
``"path"`` every run inside the stretches those beads cover; ``"none"`` nothing; ``"all"`` every
run. Measured on slices of the bench's gold sets (``python -m bench.speed modes --quick``; strict F1, texts
embedded per sentence): auto 0.901 / 0.944 / 0.943 (Text+Berg, MAC-Dev, IWSLT; 3.1, 3.5, 2.6 texts), beads
with centred runs 0.908 / 0.936 / 0.937 (1.24, 1.12, 1.08 texts), none with centred runs 0.908 / 0.951 /
0.937 (1.0 texts); on Text+Berg dev auto 0.842, beads centred 0.837, none centred 0.832. The cheaper
modes lose more than 0.005 on IWSLT and Text+Berg dev, so ``auto`` stays the default.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

import numpy as np

from .model import Bead

BEAD_TYPES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1))
_COARSE_TYPES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))
_NEG = -1e18

RunEmbedder = Callable[[Sequence[tuple[int, int]]], np.ndarray]


@dataclass(frozen=True)
class AlignParams:
    """Aligner settings; ``signature()`` names them for reports."""

    max_size: int = 5  # largest bead, source + target sentences (Bertalign's max_align)
    skip: float = -0.4  # score of an unaligned sentence, on the document's margin scale (0 wrong, 1 right)
    knn: int = 4  # neighbours averaged for the hubness part of the margin
    adjacent: float = 0.5  # weight of the boundary part of the margin (cosines with the sentences just outside
    #                        the other run); the rest is the kNN hubness part
    length_mode: str = "mult"  # "mult": times log2(1 + short/long) (Bertalign); "add": minus a squared log ratio
    length_weight: float = 1.5  # weight of the squared log length-ratio deviation ("add" only)
    length_sigma: str = "fixed"  # "add" only; "doc": measure the prior's spread on the document's own pairs
    type_prior: float = 0.1  # penalty per sentence beyond a 1-1 (scaled units): an unrelated sentence is not
    #                          absorbed into a neighbouring bead
    window: int = 8  # band half-width per anti-diagonal at each refinement level
    full_cells: int = 300_000  # below this many DP cells the band is the whole matrix
    exact: str = "auto"  # "all" | "auto" | "beads" | "path" | "none": which joined runs get their own embedding
    approx: str = "mean"  # how a joined run not embedded is derived from its sentences' vectors: "mean" (length-
    #                       weighted mean, renormalised) or "centred" (the same, with only its part off the
    #                       documents' common direction renormalised; see Side.matrix)
    size_power: float = 0.0  # a bead earns ((a + b) / 2) ** size_power times its scaled score
    type_zero: bool = True  # per-type zero point for many-sentence beads (see _scores)
    zero_mode: str = "median"  # "median": 0 is the band's median margin; "none": margins keep their own 0
    confident: float = 0.8  # a 1-1 bead at or above this scaled score needs no exact runs around it
    gap: float = 1.0  # exact="gap": a many-sentence bead whose best path scores within this much of the best
    #                   path (scaled units) gets its joined runs embedded
    floor: float | None = 0.0  # a bead whose scaled margin is below this is never linked (None: no floor)
    floor_step: float = 0.0  # the floor rises by this much per sentence beyond a 1-1

    def signature(self) -> str:
        return (f"dp:beads={self.max_size}|skip={self.skip}|knn={self.knn}|adj={self.adjacent}"
                f"|len={self.length_mode}|band={self.window}|exact={self.exact}"
                + (f"|gap={self.gap}" if self.exact == "gap" else "")
                + (f"|approx={self.approx}" if self.approx != "mean" else ""))


def bead_types(max_size: int) -> list[tuple[int, int]]:
    return [t for t in BEAD_TYPES if sum(t) <= max_size]


def _normalise(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    n = np.linalg.norm(v, axis=-1, keepdims=True)
    n[n == 0] = 1.0
    return v / n


class Side:
    """One document for the aligner: sentence vectors, sentence lengths and (lazily) run vectors.

    ``runs`` may hold precomputed vectors of joined runs, ``runs[k][i]`` for sentences
    ``i .. i+k-1`` (vecalign's overlaps); ``embed_runs`` is called with ``(start, k)`` pairs to
    embed missing runs on demand. Without either, runs are approximated from sentence vectors.
    """

    def __init__(self, vectors: np.ndarray, lengths: Iterable[float] | None = None,
                 runs: dict[int, np.ndarray] | None = None, embed_runs: RunEmbedder | None = None) -> None:
        self.vectors = _normalise(vectors) if len(vectors) else np.zeros((0, 1), np.float32)
        self.n = len(self.vectors)
        self.lengths = (np.asarray(list(lengths), dtype=np.float64) if lengths is not None
                        else np.full(self.n, 40.0))
        if len(self.lengths) != self.n:
            raise ValueError("one length per sentence vector is needed")
        self._embed = embed_runs
        self._mat: dict[int, np.ndarray] = {1: self.vectors}
        self._have: dict[int, np.ndarray] = {1: np.ones(self.n, bool)}
        self._csum = np.concatenate([np.zeros(1), np.cumsum(self.lengths)])
        for k, arr in (runs or {}).items():
            if k > 1 and len(arr) == max(0, self.n - k + 1):
                self._mat[k] = _normalise(arr) if len(arr) else np.zeros((0, self.vectors.shape[1]), np.float32)
                self._have[k] = np.ones(len(arr), bool)
        self.embedded = 0  # runs embedded on demand
        self.common: np.ndarray | None = None  # unit vector of the documents' common direction ("centred" runs)

    @classmethod
    def of(cls, x: "Side | dict[int, np.ndarray] | np.ndarray") -> "Side":
        if isinstance(x, Side):
            return x
        if isinstance(x, dict):
            return cls(x[1], runs=x)
        return cls(np.asarray(x))

    def run_lengths(self, k: int) -> np.ndarray:
        """Character length of every run of ``k`` sentences, indexed by start."""
        return self._csum[k:] - self._csum[:-k] if self.n >= k else np.zeros(0)

    def matrix(self, k: int) -> np.ndarray:
        """Vectors of every run of ``k`` sentences: embedded where known, approximated elsewhere."""
        if k not in self._mat:
            count = max(0, self.n - k + 1)
            w = self.lengths + 10.0
            acc = np.zeros((count, self.vectors.shape[1]), np.float32)
            for o in range(k):
                acc += (w[o:o + count, None] * self.vectors[o:o + count]).astype(np.float32)
            if count and self.common is not None:
                acc = self._centred(acc / (np.convolve(w, np.ones(k), "valid")[:, None]).astype(np.float32))
            self._mat[k] = _normalise(acc) if count else acc
            self._have[k] = np.zeros(count, bool)
        return self._mat[k]

    def _centred(self, mean: np.ndarray) -> np.ndarray:
        """Weighted means of unit vectors -> unit vectors whose projection on the common direction is the
        parts' (weighted) mean projection, with only the rest scaled up. Renormalising the whole mean would also
        inflate the component every sentence shares, so an approximated run would look closer to everything than
        a joined text really embedded (measured: 0.03 cosine on a news pair, against 0.005 this way)."""
        u = self.common
        proj = mean @ u
        rest = mean - proj[:, None] * u[None, :]
        norm = np.linalg.norm(rest, axis=1)
        norm[norm == 0] = 1.0
        scale = np.sqrt(np.clip(1.0 - proj * proj, 0.0, None)) / norm
        return (proj[:, None] * u[None, :] + rest * scale[:, None]).astype(np.float32)

    def ensure(self, k: int, starts: Iterable[int]) -> None:
        """Embed the runs ``(start, k)`` that are still approximations (no-op without an embedder)."""
        if k == 1 or self._embed is None:
            return
        mat = self.matrix(k)
        have = self._have[k]
        need = sorted({int(s) for s in starts if 0 <= s < len(mat) and not have[s]})
        if not need:
            return
        vecs = _normalise(np.asarray(self._embed([(s, k) for s in need])))
        mat[need] = vecs
        have[need] = True
        self.embedded += len(need)

    def pooled(self) -> "Side":
        """Blocks of two sentences, length-weighted (the next coarser level)."""
        n2 = (self.n + 1) // 2
        v = np.zeros((n2, self.vectors.shape[1]), np.float32)
        ln = np.zeros(n2)
        for o in range(2):
            idx = np.arange(o, self.n, 2)
            w = (self.lengths[idx] + 10.0)[:, None]
            v[idx // 2] += (w * self.vectors[idx]).astype(np.float32)
            ln[idx // 2] += self.lengths[idx]
        return Side(v, ln)


class Alignment(list):
    """The beads in order (a ``list[Bead]``) plus ``margins`` (cosine minus the neighbour mean, one per
    bead, ``None`` for 1-0/0-1), ``scaled`` (the same on the document's 0-wrong/1-right scale) and
    ``stats`` (cells searched, levels, runs embedded)."""

    def __init__(self, beads: Iterable[Bead] = (), margins: Sequence[float | None] = (),
                 scaled: Sequence[float | None] = (), stats: dict | None = None) -> None:
        super().__init__(beads)
        self.margins = list(margins) or [None] * len(self)
        self.scaled = list(scaled) or [None] * len(self)
        self.stats = dict(stats or {})

    def sims(self) -> dict[int, float]:
        """Bead index -> margin-normalised score, for beads with both sides (``DocContext.sims``)."""
        return {i: float(s) for i, s in enumerate(self.margins) if s is not None}


# --- the band ---------------------------------------------------------------------------------------

@dataclass
class _Band:
    """DP states ``(i, j)`` kept per anti-diagonal ``d = i + j``: ``i = lo[d] + k`` for ``k < width``."""

    n: int
    m: int
    lo: np.ndarray
    width: int
    i: np.ndarray = field(init=False)
    j: np.ndarray = field(init=False)
    ok: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        d = np.arange(self.n + self.m + 1)[:, None]
        self.i = self.lo[:, None] + np.arange(self.width)[None, :]
        self.j = d - self.i
        self.ok = (self.i >= 0) & (self.i <= self.n) & (self.j >= 0) & (self.j <= self.m)

    @property
    def cells(self) -> int:
        return int(self.lo.size * self.width)

    @classmethod
    def full(cls, n: int, m: int) -> "_Band":
        d = np.arange(n + m + 1)
        return cls(n, m, np.maximum(0, d - m), min(n, m) + 1)

    @classmethod
    def around(cls, path_i: np.ndarray, path_j: np.ndarray, n: int, m: int, window: int) -> "_Band":
        """A band of ``2 * window + 1`` cells per anti-diagonal centred on a monotone path."""
        d = np.arange(n + m + 1)
        centre = np.interp(d, path_i + path_j, path_i)
        width = min(2 * window + 1, min(n, m) + 1)
        first, last = np.maximum(0, d - m), np.minimum(n, d)
        lo = np.rint(centre).astype(np.int64) - window
        lo = np.minimum(lo, np.maximum(first, last - width + 1))
        lo = np.maximum(lo, first)
        return cls(n, m, lo, width)


def full_cells(n: int, m: int) -> int:
    """DP cells of the whole matrix (what ``AlignParams.full_cells`` is compared with)."""
    return (n + m + 1) * (min(n, m) + 1)


# --- scoring ---------------------------------------------------------------------------------------

@dataclass
class _Scale:
    row: np.ndarray  # kNN mean per source sentence
    col: np.ndarray  # kNN mean per target sentence
    zero: float
    unit: float
    mu: float  # document log length ratio
    sigma: float = 0.3  # spread of the log length ratio of matched sentences
    zeros: dict = field(default_factory=dict)  # per-type zero points (many-sentence beads)


def _pair_cos(a: np.ndarray, ia: np.ndarray, b: np.ndarray, ib: np.ndarray, rows: int = 64) -> np.ndarray:
    """Dot products ``a[ia[k]] @ b[ib[k]]``. Pairs in a band are done as small dense products of row
    blocks with the span of columns they need (BLAS, no gathering of vectors); scattered pairs are
    gathered in chunks."""
    out = np.empty(len(ia), np.float32)
    if len(ia) == 0:
        return out
    order = np.argsort(ia, kind="stable")
    sa, sb = ia[order], ib[order]
    blocks = sa // rows
    starts = np.flatnonzero(np.r_[True, blocks[1:] != blocks[:-1]])
    ends = np.r_[starts[1:], len(sa)]
    for s0, s1 in zip(starts, ends):
        ra, rb = sa[s0:s1], sb[s0:s1]
        r0, r1 = int(ra[0]), int(ra[-1]) + 1
        c0, c1 = int(rb.min()), int(rb.max()) + 1
        if (r1 - r0) * (c1 - c0) <= 8 * (s1 - s0):
            block = a[r0:r1] @ b[c0:c1].T
            out[order[s0:s1]] = block[ra - r0, rb - c0]
        else:
            out[order[s0:s1]] = np.einsum("ij,ij->i", a[ra], b[rb])
    return out


class _BandCos:
    """Cosines of source runs with target runs near the band, computed once per pair of run lengths and looked
    up by every bead type and margin term that needs them (a ``_scores`` pass asks for the same products up to
    five times per type: the bead's own cosine and both sides' neighbours). Row ``r`` (a source run start) keeps
    the columns ``lo[r] .. lo[r] + width`` (target run starts), which cover every pair a band cell (i, j) asks
    for: rows ``i - 5 .. i`` and columns ``j - 5 .. j`` (runs of up to four sentences and their neighbours).
    Pairs outside (none from the band) are computed directly. Valid while the two sides' vectors do not change
    (one scoring pass)."""

    def __init__(self, src: Side, tgt: Side, band: _Band, reach: int = 5, rows: int = 64) -> None:
        self.src, self.tgt, self.rows = src, tgt, rows
        sel = band.ok
        bi, bj = band.i[sel], band.j[sel]
        n1 = src.n + 1
        jmin = np.full(n1, tgt.n + 1, np.int64)
        jmax = np.full(n1, -1, np.int64)
        np.minimum.at(jmin, bi, bj)
        np.maximum.at(jmax, bi, bj)
        # row r is asked for by band rows r .. r + reach: the union of their columns, less reach
        pad_min = np.concatenate([jmin, np.full(reach, tgt.n + 1, np.int64)])
        pad_max = np.concatenate([jmax, np.full(reach, -1, np.int64)])
        lo = np.min(np.lib.stride_tricks.sliding_window_view(pad_min, reach + 1), axis=1)[:n1] - reach
        hi = np.max(np.lib.stride_tricks.sliding_window_view(pad_max, reach + 1), axis=1)[:n1]
        empty = hi < lo
        lo[empty], hi[empty] = 0, -1
        self.lo = np.maximum(lo, 0)
        self.width = int(max(1, (hi - self.lo + 1).max()))
        self._tables: dict[tuple[int, int], np.ndarray] = {}

    def _table(self, a: int, b: int) -> np.ndarray:
        """``T[r, c - lo[r]] = matrix_a(src)[r] @ matrix_b(tgt)[c]`` over each row's window."""
        key = (a, b)
        if key not in self._tables:
            sv, tv = self.src.matrix(a), self.tgt.matrix(b)
            n, m, w = len(sv), len(tv), self.width
            out = np.zeros((n, w), np.float32)
            cols = np.arange(w)
            for r0 in range(0, n, self.rows):
                r1 = min(n, r0 + self.rows)
                lo = self.lo[r0:r1]
                c0, c1 = int(lo.min()), min(m, int(lo.max()) + w)
                if c1 <= c0:
                    continue
                block = sv[r0:r1] @ tv[c0:c1].T  # (rows, columns of the block's windows)
                idx = lo[:, None] - c0 + cols[None, :]
                ok = idx < c1 - c0
                out[r0:r1][ok] = block[np.nonzero(ok)[0], idx[ok]]
            self._tables[key] = out
        return self._tables[key]

    def cos(self, a: int, ri: np.ndarray, b: int, cj: np.ndarray) -> np.ndarray:
        """``matrix_a(src)[ri[k]] @ matrix_b(tgt)[cj[k]]`` for every k."""
        table = self._table(a, b)
        off = cj - self.lo[np.minimum(ri, len(self.lo) - 1)]
        inside = (off >= 0) & (off < self.width) & (cj < len(self.tgt.matrix(b)))
        if inside.all():  # (the usual case: every pair in the table, read without masks)
            return table[ri, off]
        out = np.empty(len(ri), np.float32)
        out[inside] = table[ri[inside], off[inside]]
        if not inside.all():
            miss = ~inside
            out[miss] = _pair_cos(self.src.matrix(a), ri[miss], self.tgt.matrix(b), cj[miss])
        return out


def _topk_mean(group: np.ndarray, val: np.ndarray, size: int, k: int, default: float) -> np.ndarray:
    """Mean of the ``k`` largest ``val`` within each group ``0 .. size-1`` (vectorised)."""
    out = np.full(size, default, np.float64)
    if len(val) == 0:
        return out
    order = np.lexsort((-val, group))
    g, v = group[order], val[order]
    start = np.searchsorted(g, g, side="left")
    keep = (np.arange(len(g)) - start) < k
    tot = np.bincount(g[keep], weights=v[keep], minlength=size)
    cnt = np.bincount(g[keep], minlength=size)
    has = cnt > 0
    out[has] = tot[has] / cnt[has]
    return out


def _neighbours(run: np.ndarray, ri: np.ndarray, other: Side, before: np.ndarray, after: np.ndarray,
                fallback: np.ndarray, cos: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None
                ) -> np.ndarray:
    """Mean cosine of each run vector with the sentences just outside the opposite run (Bertalign's
    neighbours): ``other`` sentence ``before`` and ``after`` where they exist, else ``fallback``.
    ``cos(ri, idx)``: the cosines from a :class:`_BandCos` (default: computed here)."""
    tot = np.zeros(len(ri), np.float64)
    cnt = np.zeros(len(ri), np.float64)
    for idx in (before, after):
        ok = (idx >= 0) & (idx < other.n)
        if ok.any():
            tot[ok] += (cos(ri[ok], idx[ok]) if cos is not None
                        else _pair_cos(run, ri[ok], other.vectors, idx[ok]))
            cnt[ok] += 1
    out = np.asarray(fallback, np.float64).copy()
    has = cnt > 0
    out[has] = tot[has] / cnt[has]
    return out


def _margins(src: Side, tgt: Side, si: np.ndarray, tj: np.ndarray, a: int, b: int, sc: _Scale,
             p: AlignParams, bc: _BandCos | None = None) -> np.ndarray:
    """Margin of beads ``(si, a) x (tj, b)``: cosine of the runs minus a mix of the sentences' kNN
    means (hubness) and the runs' cosines with the sentences just outside the other run (boundaries).
    ``bc``: the scoring pass's cosines (computed here without it)."""
    sv, tv = src.matrix(a), tgt.matrix(b)
    cos = (bc.cos(a, si, b, tj) if bc is not None else _pair_cos(sv, si, tv, tj)).astype(np.float64)
    rsum = np.concatenate([[0.0], np.cumsum(sc.row)])
    csum = np.concatenate([[0.0], np.cumsum(sc.col)])
    knn = ((rsum[si + a] - rsum[si]) / a + (csum[tj + b] - csum[tj]) / b) / 2
    if p.adjacent <= 0:
        return cos - knn
    adj_t = _neighbours(sv, si, tgt, tj - 1, tj + b, knn,  # source run vs target sentences around the bead
                        None if bc is None else lambda r, c: bc.cos(a, r, 1, c))
    adj_s = _neighbours(tv, tj, src, si - 1, si + a, knn,  # target run vs source sentences around it
                        None if bc is None else lambda c, r: bc.cos(1, r, b, c))
    adj = (adj_t + adj_s) / 2
    return cos - p.adjacent * adj - (1.0 - p.adjacent) * knn


def _scale(src: Side, tgt: Side, band: _Band, p: AlignParams, bc: _BandCos | None = None) -> _Scale:
    sel = band.ok & (band.i >= 1) & (band.j >= 1)
    pi, pj = band.i[sel] - 1, band.j[sel] - 1
    bc = bc if bc is not None else _BandCos(src, tgt, band)
    cos = bc.cos(1, pi, 1, pj)
    mean = float(cos.mean()) if len(cos) else 0.0
    row = _topk_mean(pi, cos, src.n, p.knn, mean)
    col = _topk_mean(pj, cos, tgt.n, p.knn, mean)
    ls, lt = src.lengths.sum(), tgt.lengths.sum()
    mu = float(np.log((ls + 1.0) / (lt + 1.0)))
    sc = _Scale(row, col, 0.0, 1.0, mu)
    margin = _margins(src, tgt, pi, pj, 1, 1, sc, p, bc) if len(pi) else np.zeros(0)
    if len(margin):
        sc.zero = float(np.median(margin)) if p.zero_mode == "median" else 0.0
        best = np.full(src.n, -np.inf)
        np.maximum.at(best, pi, margin)
        arg = np.full(src.n, -1)
        order = np.argsort(margin, kind="stable")
        arg[pi[order]] = pj[order]  # the last write per source sentence is its best target
        sc.unit = max(float(np.median(best[np.isfinite(best)])) - sc.zero, 1e-3)
        if p.length_sigma == "doc":  # spread of the length ratio of each sentence's best match
            ok = arg >= 0
            lr = np.log((src.lengths[ok] + 10.0) / (tgt.lengths[arg[ok]] + 10.0)) - mu
            sc.sigma = float(np.clip(1.4826 * np.median(np.abs(lr - np.median(lr))), 0.1, 1.0))
    return sc


def _length_term(src: Side, tgt: Side, si: np.ndarray, tj: np.ndarray, a: int, b: int, sc: _Scale,
                 p: AlignParams) -> np.ndarray:
    lr = np.log((src.run_lengths(a)[si] + 10.0) / (tgt.run_lengths(b)[tj] + 10.0)) - sc.mu
    if p.length_sigma == "doc":
        return p.length_weight * (lr / (sc.sigma / 0.3)) ** 2
    return p.length_weight * lr * lr


def _zscores(src: Side, tgt: Side, si: np.ndarray, tj: np.ndarray, a: int, b: int, sc: _Scale,
             p: AlignParams, margin: np.ndarray | None = None) -> np.ndarray:
    """Scaled score of beads ``(si, a) x (tj, b)`` before size weighting: margin (``margin`` if already
    computed) on the document's 0-wrong/1-right scale, less the length prior."""
    if margin is None:
        margin = _margins(src, tgt, si, tj, a, b, sc, p)
    zero = sc.zeros.get((a, b), sc.zero)
    z = (margin - zero) / sc.unit
    if p.length_mode == "mult":  # Bertalign: times log2(1 + short/long), on the ratio-corrected lengths
        ls = src.run_lengths(a)[si] + 10.0
        lt = (tgt.run_lengths(b)[tj] + 10.0) * np.exp(sc.mu)
        return z * np.log2(1.0 + np.minimum(ls, lt) / np.maximum(ls, lt))
    return z - _length_term(src, tgt, si, tj, a, b, sc, p)


def _scores(src: Side, tgt: Side, band: _Band, types: Sequence[tuple[int, int]], sc: _Scale,
            p: AlignParams, bc: _BandCos | None = None) -> np.ndarray:
    """Score of the bead of each type ending at each band state: shape (types, diagonals, width). ``bc``: the
    cosines of this pass (made here without it; pass the one :func:`_scale` used on the same vectors)."""
    bc = bc if bc is not None else _BandCos(src, tgt, band)
    out = np.full((len(types),) + band.i.shape, _NEG, np.float64)
    for t, (a, b) in enumerate(types):
        sel = band.ok & (band.i >= a) & (band.j >= b)
        if a == 0 or b == 0:
            out[t][sel] = p.skip * (a + b)
            continue
        si, tj = band.i[sel] - a, band.j[sel] - b
        if len(si) == 0:
            continue
        m = _margins(src, tgt, si, tj, a, b, sc, p, bc)  # once per type: the zero, the score and the floor read it
        if p.type_zero and (a, b) != (1, 1):
            # joined runs have higher cosines to anything (longer text): each type's wrong pairs (the bulk
            # of the band) set its own zero, so 2-1 or 2-2 beads win on merit, not on length
            sc.zeros[(a, b)] = max(sc.zero, float(np.median(m)))
        z = _zscores(src, tgt, si, tj, a, b, sc, p, m)
        val = z * ((a + b) / 2) ** p.size_power - p.type_prior * (a + b - 2)
        if p.floor is not None:
            val[m < sc.zeros.get((a, b), sc.zero) + (p.floor + p.floor_step * (a + b - 2)) * sc.unit] = _NEG
        out[t][sel] = val
    return out


# --- the dynamic programme -------------------------------------------------------------------------

def _dp(band: _Band, scores: np.ndarray, types: Sequence[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Best monotone path through the band; returns beads as ``(i0, j0, a, b)`` in order.

    One vectorised step per anti-diagonal: every state on diagonal ``d`` reads its predecessors on
    diagonals ``d - a - b`` through precomputed flat indices (out-of-band ones point at a -inf cell).
    """
    nd, width = band.i.shape
    best, back, _, _ = _forward(band, scores, types)
    d, k = nd - 1, band.n - band.lo[nd - 1]
    if best[d * width + k] <= _NEG / 2:
        raise ValueError("no alignment path inside the band")
    beads = []
    while d > 0:
        a, b = types[back[d, k]]
        i = band.lo[d] + k
        j = d - i
        beads.append((int(i - a), int(j - b), a, b))
        d -= a + b
        k = i - a - band.lo[d]
    return beads[::-1]


def _predecessors(band: _Band, types: Sequence[tuple[int, int]]) -> np.ndarray:
    """Flat index (diagonal * width + k) of the state each bead type starts from, per end state:
    shape (diagonals, types, width); out-of-band ones point at the sentinel ``diagonals * width``."""
    nd, width = band.i.shape
    ks = np.arange(width)
    flat = np.full((nd, len(types), width), nd * width, np.int64)
    for t, (a, b) in enumerate(types):
        s = a + b
        pk = band.lo[s:, None] + ks[None, :] - a - band.lo[:-s, None]
        good = (pk >= 0) & (pk < width) & band.ok[s:]
        rows = np.arange(nd - s)[:, None] * width + pk
        flat[s:, t][good] = rows[good]
    return flat


def _forward(band: _Band, scores: np.ndarray, types: Sequence[tuple[int, int]]
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The DP's forward pass: best score of a path from (0, 0) to each state (flat, plus the -inf sentinel),
    the best last bead type per state, the predecessor table and the scores as (diagonals, types, width)."""
    nd, width = band.i.shape
    best = np.full(nd * width + 1, _NEG, np.float64)  # last cell: the -inf sentinel
    best[0] = 0.0  # state (0, 0): diagonal 0, k = 0
    back = np.zeros((nd, width), np.int8)
    ks = np.arange(width)
    flat = _predecessors(band, types)
    sc = np.ascontiguousarray(scores.transpose(1, 0, 2))
    for d in range(1, nd):
        cand = best[flat[d]]
        cand += sc[d]
        bt = cand.argmax(axis=0)
        best[d * width:(d + 1) * width] = cand[bt, ks]
        back[d] = bt
    return best, back, flat, sc


def _gaps(band: _Band, scores: np.ndarray, types: Sequence[tuple[int, int]]) -> np.ndarray:
    """For every candidate bead (type, end state): how much less than the best path the best path through
    it scores (0 on the best path; inf where no path uses it), shape (types, diagonals, width). A forward
    and a backward pass of the same DP (the backward one scatters each state's best rest to its
    predecessors, diagonal by diagonal from the end)."""
    nd, width = band.i.shape
    fwd, _, flat, sc = _forward(band, scores, types)
    bwd = np.full(nd * width + 1, _NEG, np.float64)
    end = (nd - 1) * width + band.n - band.lo[nd - 1]
    bwd[end] = 0.0
    for d in range(nd - 1, 0, -1):
        rest = bwd[d * width:(d + 1) * width][None, :] + sc[d]  # (types, width): rest of the path from the bead
        np.maximum.at(bwd, flat[d].ravel(), rest.ravel())
        bwd[-1] = _NEG  # the sentinel stays -inf
    total = fwd[flat] + sc + bwd[:-1].reshape(nd, 1, width)  # (diagonals, types, width)
    gap = fwd[end] - total
    gap[(total <= _NEG / 2) | (sc <= _NEG / 2)] = np.inf
    return gap.transpose(1, 0, 2)


def _close_runs(band: _Band, scores: np.ndarray, types: Sequence[tuple[int, int]], s: Side, t: Side,
                p: AlignParams) -> int:
    """``exact="gap"``: embed the joined runs of every many-sentence bead whose best path scores within
    ``p.gap`` of the best path (the only beads an approximated run's error could bring onto the path);
    returns how many runs were new."""
    gaps = _gaps(band, scores, types)
    before = s.embedded + t.embedded
    want: dict[tuple[int, int], set[int]] = {}
    for ti, (a, b) in enumerate(types):
        if not a or not b or a + b <= 2:
            continue
        sel = gaps[ti] <= p.gap
        if not sel.any():
            continue
        ends_i, ends_j = band.i[sel], band.j[sel]
        if a > 1:
            want.setdefault((0, a), set()).update((ends_i - a).tolist())
        if b > 1:
            want.setdefault((1, b), set()).update((ends_j - b).tolist())
    for (which, k), starts in sorted(want.items()):
        (s, t)[which].ensure(k, sorted(starts))
    return s.embedded + t.embedded - before


def _path_points(beads: list[tuple[int, int, int, int]]) -> tuple[np.ndarray, np.ndarray]:
    pi = [0] + [i + a for i, _, a, _ in beads]
    pj = [0] + [j + b for _, j, _, b in beads]
    return np.asarray(pi, np.float64), np.asarray(pj, np.float64)


def _solve(src: Side, tgt: Side, types: Sequence[tuple[int, int]], p: AlignParams, stats: dict,
           level: int = 0) -> tuple[list[tuple[int, int, int, int]], _Band, _Scale]:
    """Band for this level (whole matrix, or around the pooled level's path), then the DP."""
    if full_cells(src.n, tgt.n) <= p.full_cells or min(src.n, tgt.n) <= 2:
        band = _Band.full(src.n, tgt.n)
    else:
        ps, pt = src.pooled(), tgt.pooled()
        coarse, _, _ = _solve(ps, pt, _COARSE_TYPES, p, stats, level + 1)
        ci, cj = _path_points(coarse)
        band = _Band.around(np.minimum(ci * 2, src.n), np.minimum(cj * 2, tgt.n), src.n, tgt.n, p.window)
    stats["levels"] = max(stats.get("levels", 0), level + 1)
    stats["cells"] = stats.get("cells", 0) + band.cells
    bc = _BandCos(src, tgt, band)
    sc = _scale(src, tgt, band, p, bc)
    return _dp(band, _scores(src, tgt, band, types, sc, p, bc), types), band, sc


def align(src: "Side | dict[int, np.ndarray]", tgt: "Side | dict[int, np.ndarray]",
          params: AlignParams = AlignParams()) -> Alignment:
    """Align two documents. ``src``/``tgt`` are :class:`Side` objects or vecalign-style overlap dicts
    (``{1: sentence vectors, 2: vectors of sentence pairs, ...}``)."""
    s, t = Side.of(src), Side.of(tgt)
    if s.n == 0 or t.n == 0:
        beads = [Bead((i,), (), 0.0) for i in range(s.n)] + [Bead((), (j,), 0.0) for j in range(t.n)]
        return Alignment(beads, stats={"cells": 0, "levels": 0, "embedded": 0})
    if params.approx == "centred":
        _set_common(s, t)
    types = bead_types(params.max_size)
    max_k = max(max(a, b) for a, b in types)
    stats: dict = {}
    if params.exact == "all":
        for side in (s, t):
            for k in range(2, max_k + 1):
                side.ensure(k, range(side.n - k + 1))
    with _one_blas_thread():
        path, band, sc = _solve(s, t, types, params, stats)
    if params.exact == "beads":
        for _ in range(3):  # embed the joined runs of the path's many-sentence beads, re-solve until none is new
            if not _ensure_beads(path, s, t):
                break
            with _one_blas_thread():
                bc = _BandCos(s, t, band)
                sc = _scale(s, t, band, params, bc)
                path = _dp(band, _scores(s, t, band, types, sc, params, bc), types)
    if params.exact == "gap":
        with _one_blas_thread():
            scores = _scores(s, t, band, types, sc, params)
        for _ in range(3):  # embed the runs of the beads close to the best path, re-solve until none is new
            if not _close_runs(band, scores, types, s, t, params):
                break
            with _one_blas_thread():
                bc = _BandCos(s, t, band)
                sc = _scale(s, t, band, params, bc)
                scores = _scores(s, t, band, types, sc, params, bc)
                path = _dp(band, scores, types)
    if params.exact in ("auto", "path"):
        for _ in range(3):  # embed runs around uncertain beads, re-solve; stop when nothing new is needed
            need_s, need_t = (_uncertain if params.exact == "auto" else _joined)(path, s, t, sc, params)
            before = s.embedded + t.embedded
            for side, marked in ((s, need_s), (t, need_t)):
                for k in range(2, max_k + 1):
                    starts = np.flatnonzero(np.convolve(marked, np.ones(k), "valid") == k) if side.n >= k else []
                    side.ensure(k, starts)
            if s.embedded + t.embedded == before:
                break
            with _one_blas_thread():
                bc = _BandCos(s, t, band)
                sc = _scale(s, t, band, params, bc)
                path = _dp(band, _scores(s, t, band, types, sc, params, bc), types)
    for i, j, a, b in path:  # the cosine shown on a bead is that of its joined texts (unless exact="none")
        if a and b and params.exact != "none":
            s.ensure(a, [i])
            t.ensure(b, [j])
    stats["embedded"] = s.embedded + t.embedded
    with _one_blas_thread():
        return _finish(path, s, t, sc, stats, params)


def _set_common(s: Side, t: Side) -> None:
    """The two documents' common direction (mean of all sentence vectors) on both sides; approximated runs
    already derived are derived again."""
    u = np.concatenate([s.vectors, t.vectors]).mean(axis=0)
    n = float(np.linalg.norm(u))
    if n == 0 or s.vectors.shape[1] != t.vectors.shape[1]:
        return
    for side in (s, t):
        side.common = (u / n).astype(np.float32)
        for k in [k for k in side._mat if k > 1 and not side._have[k].any()]:
            del side._mat[k], side._have[k]


def _one_blas_thread():  # noqa: ANN202 - a threadpoolctl context
    """The aligner's products are small (a block of rows by the few columns of the band): BLAS threads only
    spin on them, which on a busy machine costs many times the work. The encoder (called between these
    blocks for joined runs) keeps its own threads. Only a speed-up: without threadpoolctl the results are the
    same, so the aligner still needs nothing but numpy."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def _uncertain(path: list[tuple[int, int, int, int]], s: Side, t: Side, sc: _Scale,
               p: AlignParams) -> tuple[np.ndarray, np.ndarray]:
    """Sentences (with one neighbour each side) in beads that are not confident 1-1 matches."""
    ms, mt = np.zeros(s.n, bool), np.zeros(t.n, bool)
    ones = np.asarray([(i, j) for i, j, a, b in path if a == 1 and b == 1], np.int64).reshape(-1, 2)
    z = _zscores(s, t, ones[:, 0], ones[:, 1], 1, 1, sc, p) if len(ones) else np.zeros(0)
    sure = {(int(i), int(j)) for (i, j), v in zip(ones, z) if v >= p.confident}
    for i, j, a, b in path:
        if a == 1 and b == 1 and (i, j) in sure:
            continue
        ms[max(0, i - 1):i + a + 1] = True
        mt[max(0, j - 1):j + b + 1] = True
    return ms, mt


def _ensure_beads(path: list[tuple[int, int, int, int]], s: Side, t: Side) -> int:
    """Embed the joined runs of the many-sentence beads on the path (one batch per side and run length);
    returns how many runs were new."""
    before = s.embedded + t.embedded
    want: dict[tuple[int, int], list[int]] = {}
    for i, j, a, b in path:
        if a and b and a + b > 2:
            want.setdefault((0, a), []).append(i)
            want.setdefault((1, b), []).append(j)
    for (which, k), starts in sorted(want.items()):
        (s, t)[which].ensure(k, starts)
    return s.embedded + t.embedded - before


def _joined(path: list[tuple[int, int, int, int]], s: Side, t: Side, sc: _Scale,
            p: AlignParams) -> tuple[np.ndarray, np.ndarray]:
    """Sentences of the many-sentence beads on the path (``exact="path"``): the runs whose approximated
    vectors decided a merge get their own embedding, and the path is solved again with them."""
    ms, mt = np.zeros(s.n, bool), np.zeros(t.n, bool)
    for i, j, a, b in path:
        if a and b and a + b > 2:
            ms[i:i + a] = True
            mt[j:j + b] = True
    return ms, mt


def _finish(path: list[tuple[int, int, int, int]], s: Side, t: Side, sc: _Scale, stats: dict,
            p: AlignParams) -> Alignment:
    """Beads with the raw cosine of their joined texts, plus margins (vectorised per bead type)."""
    cos = np.zeros(len(path))
    marg = np.zeros(len(path))
    zero = np.full(len(path), sc.zero)
    arr = np.asarray(path, dtype=np.int64).reshape(-1, 4)
    for a, b in {(int(a), int(b)) for a, b in arr[:, 2:] if a and b}:
        sel = np.flatnonzero((arr[:, 2] == a) & (arr[:, 3] == b))
        i, j = arr[sel, 0], arr[sel, 1]
        cos[sel] = _pair_cos(s.matrix(a), i, t.matrix(b), j)
        marg[sel] = _margins(s, t, i, j, a, b, sc, p)
        zero[sel] = sc.zeros.get((a, b), sc.zero)
    beads, margins, scaled = [], [], []
    for n, (i, j, a, b) in enumerate(path):
        if a and b:
            margins.append(round(float(marg[n]), 6))
            scaled.append(round(float((marg[n] - zero[n]) / sc.unit), 6))
        else:
            margins.append(None)
            scaled.append(None)
        beads.append(Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), round(float(cos[n]), 6)))
    return Alignment(beads, margins, scaled, stats)


def format_beads(beads: Iterable[Bead]) -> str:
    """vecalign's line format: ``[0]:[0, 1]:0.231``."""
    return "".join(f"{list(b.src)}:{list(b.tgt)}:{b.similarity:.6f}\n" for b in beads)


def read_beads(text: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Parse bead lines (``[0]:[0, 1]`` with or without a trailing score) into index tuples."""
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = line.split(":")
        src = tuple(int(x) for x in parts[0].strip("[] ").split(",") if x.strip())
        tgt = tuple(int(x) for x in parts[1].strip("[] ").split(",") if x.strip())
        out.append((src, tgt))
    return out
