"""Sentence alignment by dynamic programming over beads. Imports only numpy.

Inputs are "overlap" embeddings: ``src[k][i]`` is the vector of source segments
``i .. i+k-1`` joined (vecalign's overlaps). Scores are margin-normalised cosines.
(First version: full DP; replaced by the banded aligner.)
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import Bead

BEAD_TYPES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (1, 3), (3, 1))


@dataclass(frozen=True)
class AlignParams:
    max_size: int = 4
    skip: float = -0.1

    def signature(self) -> str:
        return f"dp:beads={self.max_size}|skip={self.skip}"


def bead_types(max_size: int) -> list[tuple[int, int]]:
    return [t for t in BEAD_TYPES if sum(t) <= max_size]


def align(src: dict[int, np.ndarray], tgt: dict[int, np.ndarray], params: AlignParams = AlignParams()) -> list[Bead]:
    n, m = len(src[1]), len(tgt[1])
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    sim = src[1] @ tgt[1].T
    row = np.sort(sim, axis=1)[:, -4:].mean(axis=1)
    col = np.sort(sim, axis=0)[-4:, :].mean(axis=0)
    norm = (row[:, None] + col[None, :]) / 2

    def score(i: int, j: int, a: int, b: int) -> float:
        if a == 0 or b == 0:
            return params.skip
        va = src[a][i] if a in src else None
        vb = tgt[b][j] if b in tgt else None
        if va is None or vb is None:
            return -1e9
        c = float(va @ vb)
        nn = float(norm[i:i + a, j:j + b].mean())
        return c - nn

    types = bead_types(params.max_size)
    best = np.full((n + 1, m + 1), -np.inf)
    back = np.zeros((n + 1, m + 1, 2), dtype=np.int8)
    best[0, 0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            for a, b in types:
                if i - a < 0 or j - b < 0 or best[i - a, j - b] == -np.inf:
                    continue
                if (a and len(src.get(a, [])) <= i - a) or (b and len(tgt.get(b, [])) <= j - b):
                    continue
                v = best[i - a, j - b] + score(i - a, j - b, a, b)
                if v > best[i, j]:
                    best[i, j] = v
                    back[i, j] = (a, b)
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = int(back[i, j, 0]), int(back[i, j, 1])
        s = float(src[a][i - a] @ tgt[b][j - b]) if a and b else 0.0
        beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), round(s, 6)))
        i, j = i - a, j - b
    return beads[::-1]


def format_beads(beads: list[Bead]) -> str:
    """vecalign's line format: ``[0]:[0, 1]:0.231``."""
    return "".join(f"{list(b.src)}:{list(b.tgt)}:{b.similarity:.6f}\n" for b in beads)


def read_beads(text: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = line.split(":")
        src = tuple(int(x) for x in parts[0].strip("[] ").split(",") if x.strip())
        tgt = tuple(int(x) for x in parts[1].strip("[] ").split(",") if x.strip())
        out.append((src, tgt))
    return out
