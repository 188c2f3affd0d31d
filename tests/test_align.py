"""The DP aligner on synthetic vectors with a known best path (no model: a toy is fine here only)."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from tqcheck.align import (
    Alignment,
    AlignParams,
    Side,
    _Band,
    _dp,
    _forward,
    _gaps,
    align,
    bead_types,
    format_beads,
    full_cells,
    read_beads,
)
from tqcheck.model import Bead

D = 48


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def _pair(n: int, seed: int, plan=None):  # noqa: ANN001, ANN202
    """Source vectors and lengths, plus a target built by ``plan`` (list of gold beads)."""
    rng = np.random.default_rng(seed)
    src = rng.normal(size=(n, D))
    lens = rng.integers(30, 160, size=n).astype(float)
    tgt, tlens, gold = [], [], []
    for bead in plan if plan is not None else [((i,), "copy") for i in range(n)]:
        idx, kind = bead
        if kind == "drop":
            gold.append((idx, ()))
            continue
        if kind == "insert":
            tgt.append(rng.normal(size=D))
            tlens.append(float(rng.integers(30, 160)))
        else:
            tgt.append(src[list(idx)].sum(axis=0) + rng.normal(scale=0.35, size=D))
            tlens.append(float(lens[list(idx)].sum() * 1.1))
        gold.append((() if kind == "insert" else idx, (len(tgt) - 1,)))
    return Side(src, lens), Side(np.array(tgt), tlens), gold


def _beads(al: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in al]

def _merged_pair():  # noqa: ANN202
    """60 sentences whose 21st and 22nd are translated as one (a 2-1 bead): (source, target, gold beads)."""
    plan = [((i,), "copy") for i in range(20)] + [((20, 21), "copy")] + [((i,), "copy") for i in range(22, 60)]
    return _pair(60, 7, plan)


def _recording(base: np.ndarray, asked: list):  # noqa: ANN202
    """An ``embed_runs`` that records every run the aligner asks for and joins the parts' vectors."""
    def embed_runs(runs):  # noqa: ANN001, ANN202
        asked.extend(runs)
        return np.stack([_unit(base[i:i + k].sum(axis=0)) for i, k in runs])
    return embed_runs



def test_identity_path():
    s, t, gold = _pair(30, 1)
    al = align(s, t)
    assert _beads(al) == gold
    assert all(b.kind == "1-1" for b in al)
    assert all(m is not None and m > 0 for m in al.margins)  # right pairs beat their neighbours


def test_planted_two_to_one_merge():
    plan = [((i,), "copy") for i in range(6)] + [((6, 7), "copy")] + [((i,), "copy") for i in range(8, 20)]
    s, t, gold = _pair(20, 2, plan)
    assert ((6, 7), (6,)) in _beads(align(s, t))
    assert _beads(align(s, t)) == gold


def test_planted_deletion_is_a_1_0_bead():
    plan = [((i,), "copy") for i in range(9)] + [((9,), "drop")] + [((i,), "copy") for i in range(10, 24)]
    s, t, gold = _pair(24, 3, plan)
    al = align(s, t)
    assert ((9,), ()) in _beads(al)
    assert _beads(al) == gold
    gone = _beads(al).index(((9,), ()))
    assert al[gone].similarity == 0.0 and al.margins[gone] is None
    assert gone not in al.sims()


def test_planted_insertion_is_a_0_1_bead():
    plan = [((i,), "copy") for i in range(12)] + [((), "insert")] + [((i,), "copy") for i in range(12, 25)]
    s, t, gold = _pair(25, 4, plan)
    al = align(s, t)
    assert ((), (12,)) in _beads(al)
    assert _beads(al) == gold


def test_precomputed_overlap_dicts_are_accepted():
    rng = np.random.default_rng(5)
    v = _unit(rng.normal(size=(8, D)))
    runs = {1: v, 2: _unit(v[:-1] + v[1:]), 3: _unit(v[:-2] + v[1:-1] + v[2:])}
    tgt = {1: v.copy(), 2: runs[2].copy(), 3: runs[3].copy()}
    assert _beads(align(runs, tgt)) == [((i,), (i,)) for i in range(8)]


def test_bead_similarity_is_the_raw_cosine_of_the_joined_runs():
    calls = []

    def embed_runs(runs):  # noqa: ANN001, ANN202 - records what the aligner asks for
        calls.extend(runs)
        return np.stack([_unit(src_v[i:i + k].sum(axis=0)) for i, k in runs])

    plan = [((i,), "copy") for i in range(4)] + [((4, 5), "copy")] + [((i,), "copy") for i in range(6, 12)]
    s, t, _ = _pair(12, 6, plan)
    src_v = s.vectors
    s2 = Side(s.vectors, s.lengths, embed_runs=embed_runs)
    al = align(s2, t)
    k = _beads(al).index(((4, 5), (4,)))
    assert (4, 2) in calls  # the merged pair was embedded as one text
    expect = float(_unit(src_v[4] + src_v[5]) @ t.vectors[4])
    assert al[k].similarity == pytest.approx(expect, abs=1e-5)
    assert al.stats["embedded"] == len(set(calls))


def test_auto_mode_embeds_fewer_runs_than_all():
    def make(counter):  # noqa: ANN001, ANN202
        def embed_runs(runs):  # noqa: ANN001, ANN202
            counter.append(len(runs))
            return np.stack([_unit(base[i:i + k].sum(axis=0)) for i, k in runs])
        return embed_runs

    s, t, gold = _merged_pair()
    base = s.vectors
    auto, every = [], []
    a1 = align(Side(base, s.lengths, embed_runs=make(auto)), t, AlignParams(exact="auto"))
    a2 = align(Side(base, s.lengths, embed_runs=make(every)), t, AlignParams(exact="all"))
    assert _beads(a1) == _beads(a2) == gold
    assert 0 < sum(auto) < sum(every) / 3


def test_path_mode_embeds_only_the_runs_of_merged_beads_and_none_mode_nothing():
    asked = []
    s, t, gold = _merged_pair()
    base = s.vectors
    embed_runs = _recording(base, asked)
    a1 = align(Side(base, s.lengths, embed_runs=embed_runs), t, AlignParams(exact="path"))
    assert _beads(a1) == gold
    assert asked and {i for i, _ in asked} <= {20, 21} and (20, 2) in asked  # the merged pair, nothing else
    asked.clear()
    a2 = align(Side(base, s.lengths, embed_runs=embed_runs), t, AlignParams(exact="none"))
    assert _beads(a2) == gold and asked == [] and a2.stats["embedded"] == 0
    assert "exact=path" in AlignParams(exact="path").signature()


def test_beads_mode_embeds_exactly_the_runs_of_merged_beads():
    asked = []
    s, t, gold = _merged_pair()
    base = s.vectors
    embed_runs = _recording(base, asked)
    al = align(Side(base, s.lengths, embed_runs=embed_runs), t, AlignParams(exact="beads"))
    assert _beads(al) == gold
    assert asked == [(20, 2)]  # the merged pair's run, once
    assert "exact=beads" in AlignParams(exact="beads").signature()


def test_centred_runs_keep_the_parts_share_of_the_common_direction():
    rng = np.random.default_rng(3)
    common = _unit(rng.normal(size=D))
    vecs = _unit(2.0 * common + rng.normal(size=(12, D)))  # every sentence shares one direction
    lens = rng.integers(30, 160, size=12).astype(float)
    plain, centred = Side(vecs, lens), Side(vecs, lens)
    centred.common = common.astype(np.float32)
    for k in (2, 3):
        w = lens + 10.0
        want = np.stack([(w[i:i + k, None] * vecs[i:i + k]).sum(0) / w[i:i + k].sum() for i in range(13 - k)])
        got, old = centred.matrix(k), plain.matrix(k)
        assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
        assert np.allclose(got @ common, want @ common, atol=1e-5)  # the shared part as in the sentences
        assert np.all(old @ common > got @ common)  # plain renormalising inflates it
        rest = got - np.outer(got @ common, common)
        wrest = want - np.outer(want @ common, common)
        cos = np.sum(_unit(rest) * _unit(wrest), axis=1)
        assert np.allclose(cos, 1.0, atol=1e-5)  # the rest keeps its direction


def test_centred_mode_is_named_and_aligns_a_planted_merge():
    plan = [((i,), "copy") for i in range(6)] + [((6, 7), "copy")] + [((i,), "copy") for i in range(8, 20)]
    s, t, gold = _pair(20, 2, plan)
    p = AlignParams(exact="none", approx="centred")
    assert _beads(align(s, t, p)) == gold
    assert "approx=centred" in p.signature() and "approx" not in AlignParams(approx="mean").signature()


def _naive_dp(band: _Band, scores: np.ndarray, types) -> list:  # noqa: ANN001
    """Reference: the textbook O(n*m*types) loop over states, reading the same scores."""
    n, m = band.n, band.m
    best = {(0, 0): (0.0, None)}
    for i in range(n + 1):
        for j in range(m + 1):
            if (i, j) == (0, 0):
                continue
            d = i + j
            k = i - band.lo[d]
            if not (0 <= k < band.width):
                continue
            cands = []
            for t, (a, b) in enumerate(types):
                p = (i - a, j - b)
                if p in best and scores[t, d, k] > -1e17:
                    cands.append((best[p][0] + scores[t, d, k], t))
            if cands:
                v, t = max(cands, key=lambda c: c[0])
                best[(i, j)] = (v, t)
    out, i, j = [], n, m
    while (i, j) != (0, 0):
        a, b = types[best[(i, j)][1]]
        out.append((i - a, j - b, a, b))
        i, j = i - a, j - b
    return out[::-1]


@pytest.mark.parametrize("seed", range(6))
def test_vectorised_dp_equals_naive_loop(seed):
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(1, 9)), int(rng.integers(1, 9))
    types = bead_types(4)
    band = _Band.full(n, m)
    scores = rng.normal(size=(len(types),) + band.i.shape)
    for t, (a, b) in enumerate(types):  # beads that would start before the document are impossible
        scores[t][~band.ok | (band.i < a) | (band.j < b)] = -1e18
    assert _dp(band, scores, types) == _naive_dp(band, scores, types)


@pytest.mark.parametrize("seed", range(4))
def test_gaps_equal_the_best_path_forced_through_each_bead(seed):
    """The forward-backward gap of a bead is the best score lost by forcing the path through it."""
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(3, 9)), int(rng.integers(3, 9))
    types = bead_types(5)
    band = _Band.full(n, m)
    scores = rng.normal(size=(len(types),) + band.i.shape)
    for t, (a, b) in enumerate(types):
        scores[t][~band.ok | (band.i < a) | (band.j < b)] = -1e18
    gaps = _gaps(band, scores, types)
    end = (band.i.shape[0] - 1) * band.width + n - band.lo[-1]
    best = _forward(band, scores, types)[0][end]
    path = _dp(band, scores, types)
    for i0, j0, a, b in path:  # the best path's beads lose nothing
        d, t = i0 + j0 + a + b, types.index((a, b))
        assert abs(gaps[t, d, i0 + a - band.lo[d]]) < 1e-9
    ok = np.argwhere(np.isfinite(gaps))
    assert len(ok) > len(path)
    for t, d, k in ok[rng.choice(len(ok), size=min(12, len(ok)), replace=False)]:
        forced = scores.copy()
        forced[t, d, k] += 1e6  # any path through this bead beats every path that avoids it
        through = _forward(band, forced, types)[0][end] - 1e6
        assert gaps[t, d, k] == pytest.approx(best - through, abs=1e-6)
        assert gaps[t, d, k] >= -1e-9


def test_gap_mode_embeds_the_runs_of_close_beads_only_and_is_named():
    asked = []
    s, t, gold = _merged_pair()
    base = s.vectors
    embed_runs = _recording(base, asked)
    al = align(Side(base, s.lengths, embed_runs=embed_runs), t, AlignParams(exact="gap"))
    auto = []
    al_auto = align(Side(base, s.lengths, embed_runs=lambda runs: (auto.extend(runs), embed_runs(runs))[1]), t,
                    AlignParams(exact="auto"))
    assert _beads(al) == _beads(al_auto) == gold
    assert (20, 2) in asked and len(set(asked)) < len(base) // 4  # a few runs near the merge, not every run
    asked.clear()
    al0 = align(Side(base, s.lengths, embed_runs=embed_runs), t, AlignParams(exact="gap", gap=0.0))
    assert _beads(al0) == gold and asked == [(20, 2)]  # gap 0: only the best path's own merged run
    assert "exact=gap|gap=1.0" in AlignParams(exact="gap").signature()
    assert "gap=" not in AlignParams(exact="auto").signature()


def test_banded_equals_full_dp_on_small_inputs():
    plan = ([((i,), "copy") for i in range(15)] + [((15,), "drop")] + [((i,), "copy") for i in range(16, 40)]
            + [((), "insert")] + [((40, 41), "copy")] + [((i,), "copy") for i in range(42, 70)])
    s, t, gold = _pair(70, 8, plan)
    full = align(s, t, AlignParams(full_cells=10**9))
    banded = align(s, t, AlignParams(full_cells=500, window=6))
    assert full.stats["levels"] == 1 and banded.stats["levels"] > 1
    assert banded.stats["cells"] < full.stats["cells"]
    assert _beads(banded) == _beads(full) == gold


def test_band_cells_grow_linearly():
    def band_cells(n: int) -> int:
        path = np.arange(n + 1, dtype=float)
        return _Band.around(path, path, n, n, 8).cells

    assert band_cells(5000) <= 17 * (2 * 5000 + 1)
    assert band_cells(5000) / band_cells(1000) == pytest.approx(5.0, rel=0.01)
    assert full_cells(5000, 5000) > 1000 * band_cells(5000) / 17


def test_long_document_aligns_in_linear_cells():
    n = 3000
    s, t, gold = _pair(n, 9, [((i,), "copy") for i in range(n)])
    al = align(s, t)
    assert al.stats["levels"] >= 3
    # the band levels halve in size (sum < 2x the finest); only the coarsest level is a whole, bounded matrix
    assert al.stats["cells"] <= 2 * 17 * (2 * n + 1) + AlignParams().full_cells < full_cells(n, n) / 10
    assert sum(g == b for g, b in zip(gold, _beads(al))) >= 0.99 * n


def test_empty_side_gives_only_skips():
    s = Side(np.ones((3, 4)))
    t = Side(np.zeros((0, 4)))
    assert _beads(align(s, t)) == [((0,), ()), ((1,), ()), ((2,), ())]


def test_format_and_read_round_trip():
    beads = [Bead((0,), (0, 1), 0.231), Bead((1, 2), (2,), 0.5), Bead((3,), (), 0.0), Bead((), (3,), 0.0)]
    text = format_beads(beads)
    assert text.splitlines()[0] == "[0]:[0, 1]:0.231000"
    assert text.splitlines()[2] == "[3]:[]:0.000000"
    assert read_beads(text) == [(b.src, b.tgt) for b in beads]
    assert read_beads("[0]:[0, 1]\n\n[]:[2]\n") == [((0,), (0, 1)), ((), (2,))]


def test_bead_types_respect_max_size():
    assert set(bead_types(2)) == {(1, 1), (1, 0), (0, 1)}
    assert set(bead_types(4)) == set(itertools.chain(bead_types(3), [(2, 2), (1, 3), (3, 1)]))


def test_one_to_four_bead_within_max_size_five():
    plan = [((i,), "copy") for i in range(10)] + [((10, 11, 12, 13), "copy")] + [((i,), "copy") for i in range(14, 30)]
    s, t, _ = _pair(30, 11, plan)
    assert ((10, 11, 12, 13), (10,)) in _beads(align(s, t, AlignParams(max_size=5)))
    assert ((10, 11, 12, 13), (10,)) not in _beads(align(s, t, AlignParams(max_size=4)))


def test_pair_below_the_floor_is_left_unaligned():
    """A dropped source sentence facing an added target sentence that is worse than a typical wrong pair
    stays 1-0 / 0-1; without the floor, a dear enough skip links them."""
    plan = [((i,), "copy") for i in range(8)] + [((8,), "drop"), ((), "insert")] + [((i,), "copy") for i in range(9, 20)]
    s, t, gold = _pair(20, 12, plan)
    tv = t.vectors.copy()
    tv[8] = -s.vectors[8]  # opposite of the dropped sentence: far below the median wrong pair
    t = Side(tv, t.lengths)
    assert sorted(_beads(align(s, t, AlignParams(max_size=2, skip=-2.0)))) == sorted(gold)
    linked = _beads(align(s, t, AlignParams(max_size=2, floor=None, skip=-2.0)))
    assert any(8 in a and 8 in b for a, b in linked)
