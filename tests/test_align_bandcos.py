"""The aligner's per-pass cosine table (align._BandCos) gives the cosines it replaces."""
from __future__ import annotations

import numpy as np

from tqcheck import align as A


def _side(rng: np.random.Generator, n: int) -> A.Side:
    return A.Side(rng.normal(size=(n, 16)).astype(np.float32), rng.integers(20, 120, size=n))


def test_band_cosines_match_direct_products_for_every_run_length():
    rng = np.random.default_rng(7)
    src, tgt = _side(rng, 83), _side(rng, 91)
    band = A._Band.around(np.array([0.0, 40.0, 83.0]), np.array([0.0, 47.0, 91.0]), 83, 91, 4)
    bc = A._BandCos(src, tgt, band)
    for a, b in A.bead_types(5):
        if not a or not b:
            continue
        sel = band.ok & (band.i >= a) & (band.j >= b)
        si, tj = band.i[sel] - a, band.j[sel] - b
        got = bc.cos(a, si, b, tj)
        want = np.einsum("ij,ij->i", src.matrix(a)[si], tgt.matrix(b)[tj])
        assert np.allclose(got, want, atol=1e-5)
        for shift in (-1, b):  # the neighbour terms: target sentences just outside the bead
            ok = (tj + shift >= 0) & (tj + shift < tgt.n)
            assert np.allclose(bc.cos(a, si[ok], 1, tj[ok] + shift),
                               np.einsum("ij,ij->i", src.matrix(a)[si[ok]], tgt.vectors[tj[ok] + shift]), atol=1e-5)


def test_pairs_outside_the_band_are_computed_not_guessed():
    rng = np.random.default_rng(3)
    src, tgt = _side(rng, 60), _side(rng, 60)
    band = A._Band.around(np.array([0.0, 60.0]), np.array([0.0, 60.0]), 60, 60, 2)
    bc = A._BandCos(src, tgt, band)
    ri, cj = np.array([0, 59, 5]), np.array([59, 0, 40])  # far off the diagonal
    assert np.allclose(bc.cos(1, ri, 1, cj), np.einsum("ij,ij->i", src.vectors[ri], tgt.vectors[cj]), atol=1e-5)


def test_margins_are_the_same_with_and_without_the_table():
    rng = np.random.default_rng(11)
    src, tgt = _side(rng, 70), _side(rng, 75)
    p = A.AlignParams()
    band = A._Band.full(70, 75)
    sc = A._scale(src, tgt, band, p)
    for a, b in A.bead_types(p.max_size):
        sel = band.ok & (band.i >= a) & (band.j >= b)
        if not a or not b or not sel.any():
            continue
        si, tj = band.i[sel] - a, band.j[sel] - b
        direct = A._margins(src, tgt, si, tj, a, b, sc, p)
        assert np.allclose(direct, A._margins(src, tgt, si, tj, a, b, sc, p, A._BandCos(src, tgt, band)), atol=1e-5)
