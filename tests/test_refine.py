"""The refinement step (tqcheck.refine): sentences added or dropped inside beads, one-place swaps.

Synthetic vectors (a toy is fine for the aligner's own unit tests) build alignments with a known defect,
as the DP produces them; one test runs the real bundled encoder on a small made-up en/vi pair."""
from __future__ import annotations

import numpy as np
import pytest

from tqcheck.align import Alignment, Side
from tqcheck.model import Bead
from tqcheck.refine import RefineParams, covered, displaced, refine

D = 64


def _doc(n: int, seed: int, plan: list[tuple[tuple[int, ...], str]]):  # noqa: ANN202
    """Source vectors, and targets built per ``plan``: ``copy`` (the source sentences' translation),
    ``half`` (two target sentences that together translate one source), ``junk`` (an unrelated sentence)."""
    rng = np.random.default_rng(seed)
    src = rng.normal(size=(n, D))
    tgt = []
    for idx, kind in plan:
        if kind == "junk":
            tgt.append(rng.normal(size=D))
        elif kind == "half":  # each half carries half of the source's content
            a = rng.normal(size=D)
            tgt += [src[idx[0]] + a, src[idx[0]] - a]
        else:
            tgt.append(src[list(idx)].sum(axis=0) + rng.normal(scale=0.35, size=D))
    return Side(src, np.full(n, 80.0)), Side(np.array(tgt), np.full(len(tgt), 88.0))


def _aln(pairs: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> Alignment:
    beads = [Bead(s, t, 0.5 if s and t else 0.0) for s, t in pairs]
    margins = [0.05 + 0.001 * k if s and t else None for k, (s, t) in enumerate(pairs)]
    scaled = [1.0 + 0.02 * k if s and t else None for k, (s, t) in enumerate(pairs)]
    return Alignment(beads, margins, scaled, {"cells": 0})


def _pairs(al: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in al]


def _check_cover(al: Alignment, n: int, m: int) -> None:
    assert [i for b in al for i in b.src] == list(range(n))
    assert [j for b in al for j in b.tgt] == list(range(m))
    assert len(al.margins) == len(al.scaled) == len(al)


def test_planted_addition_inside_a_1_2_bead_is_split_off():
    plan = [((i,), "copy") for i in range(6)] + [((), "junk")] + [((i,), "copy") for i in range(6, 14)]
    s, t = _doc(14, 1, plan)
    # the DP absorbed the unrelated target sentence 6 into source 5's bead
    pairs = [((i,), (i,)) for i in range(5)] + [((5,), (5, 6))] + [((i,), (i + 1,)) for i in range(6, 14)]
    out = refine(_aln(pairs), s, t)
    _check_cover(out, 14, 15)
    assert ((5,), (5,)) in _pairs(out)
    assert ((), (6,)) in _pairs(out)
    assert out.stats["refine"]["changed"] == 2


def test_untranslated_source_inside_a_2_1_bead_is_split_off():
    plan = [((i,), "copy") for i in range(8)] + [((i,), "copy") for i in range(9, 14)]  # source 8 not translated
    s, t = _doc(14, 2, plan)
    pairs = [((i,), (i,)) for i in range(7)] + [((7, 8), (7,))] + [((i,), (i - 1,)) for i in range(9, 14)]
    out = refine(_aln(pairs), s, t)
    _check_cover(out, 14, 13)
    assert ((7,), (7,)) in _pairs(out) and ((8,), ()) in _pairs(out)


def test_real_1_2_and_2_1_beads_stay():
    plan = [((i,), "copy") for i in range(5)] + [((5,), "half")] + [((6, 7), "copy")] \
        + [((i,), "copy") for i in range(8, 14)]
    s, t = _doc(14, 3, plan)
    pairs = [((i,), (i,)) for i in range(5)] + [((5,), (5, 6)), ((6, 7), (7,))] + [((i,), (i,)) for i in range(8, 14)]
    al = _aln(pairs)
    out = refine(al, s, t)
    assert _pairs(out) == pairs
    assert out.margins == al.margins and out.stats["refine"]["changed"] == 0


def test_one_place_swap_is_undone():
    plan = [((i,), "copy") for i in range(5)] + [((), "junk")] + [((i,), "copy") for i in range(5, 12)]
    s, t = _doc(12, 4, plan)
    # the DP paired source 5 with the unrelated target 5 and left its real translation (target 6) unaligned
    pairs = [((i,), (i,)) for i in range(6)] + [((), (6,))] + [((i,), (i + 1,)) for i in range(6, 12)]
    out = refine(_aln(pairs), s, t)
    _check_cover(out, 12, 13)
    assert ((), (5,)) in _pairs(out) and ((5,), (6,)) in _pairs(out)


def test_split_member_joins_the_bead_it_belongs_to():
    plan = [((i,), "copy") for i in range(5)] + [((5,), "half")] + [((i,), "copy") for i in range(6, 12)]
    s, t = _doc(12, 5, plan)
    # the boundary is one sentence off: target 6 (second half of source 5) was put with source 6
    pairs = [((i,), (i,)) for i in range(6)] + [((6,), (6, 7))] + [((i,), (i + 1,)) for i in range(7, 12)]
    out = refine(_aln(pairs), s, t)
    _check_cover(out, 12, 13)
    assert ((5,), (5, 6)) in _pairs(out) and ((6,), (7,)) in _pairs(out)


def test_split_member_that_renders_nearby_content_goes_back_when_no_neighbour_takes_it():
    # target 6 renders source 6 (as target 7 does too), not source 5; the bead holding source 6 is already
    # as large as attaching allows, so the member cannot move there. It is no addition: it stays put
    plan = [((i,), "copy") for i in range(6)] + [((6,), "copy"), ((6,), "copy"), ((7,), "copy")] \
        + [((i,), "copy") for i in range(8, 14)]
    s, t = _doc(14, 6, plan)
    pairs = [((i,), (i,)) for i in range(5)] + [((5,), (5, 6)), ((6, 7), (7, 8))] + [((i,), (i + 1,)) for i in range(8, 14)]
    out = refine(_aln(pairs), s, t)
    _check_cover(out, 14, 15)
    assert ((5,), (5, 6)) in _pairs(out) and ((), (6,)) not in _pairs(out)
    # without the rule it would be left unaligned (reported as an added sentence)
    assert ((), (6,)) in _pairs(refine(_aln(pairs), s, t, RefineParams(related=float("inf"))))


def test_displaced_target_of_a_1_1_bead_is_noted():
    n = 14
    plan = [((i,), "copy") for i in range(n)]
    s, t = _doc(n, 6, plan)
    t.vectors[4] = s.vectors[9] / np.linalg.norm(s.vectors[9])  # target 4 renders source 9, not source 4
    pairs = [((i,), (i,)) for i in range(n)]
    assert displaced([Bead(a, b, 0.0) for a, b in pairs], s, t) == {4: 9}
    assert refine(_aln(pairs), s, t).stats["refine"]["displaced"] == {4: 9}


@pytest.mark.parametrize("seed", range(6))
def test_random_alignments_keep_every_sentence_once_in_order(seed):
    rng = np.random.default_rng(seed)
    n, m = 40, 43
    s = Side(rng.normal(size=(n, D)), rng.integers(20, 200, n))
    t = Side(rng.normal(size=(m, D)), rng.integers(20, 200, m))
    pairs, i, j = [], 0, 0
    while i < n or j < m:
        a = min(n - i, int(rng.integers(0, 3)))
        b = min(m - j, int(rng.integers(0, 3)))
        if a + b == 0:
            a, b = (1, 0) if i < n else (0, 1)
        pairs.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    out = refine(_aln(pairs), s, t, RefineParams(keep=0.5, own=2.0))
    _check_cover(out, n, m)
    assert all(b.src or b.tgt for b in out)


def test_tiny_and_one_sided_documents_are_returned_unchanged():
    s = Side(np.eye(3, D), [10, 10, 10])
    t = Side(np.eye(1, D), [10])
    al = _aln([((0,), (0,)), ((1,), ()), ((2,), ())])
    assert refine(al, s, t) is al


# --- the real encoder -------------------------------------------------------------------------------

EN = ("The city council approved a new budget for public libraries on Monday. "
      "The plan adds funds for longer opening hours in the evening. "
      "It also pays for two hundred new computers for students. "
      "Several council members asked for a review of the costs next year. "
      "The mayor said that reading rooms are important for every neighbourhood. "
      "Construction of a new branch in the northern district will begin in spring. "
      "Local residents welcomed the decision at a public meeting.")
VI = ["Hội đồng thành phố đã thông qua ngân sách mới cho các thư viện công cộng vào thứ Hai.",
      "Kế hoạch bổ sung kinh phí để mở cửa muộn hơn vào buổi tối.",
      "Kế hoạch cũng chi trả cho hai trăm máy tính mới dành cho học sinh.",
      "Một số thành viên hội đồng yêu cầu xem xét lại chi phí vào năm sau.",
      "Thị trưởng nói rằng phòng đọc rất quan trọng đối với mọi khu phố.",
      "Việc xây dựng một chi nhánh mới ở quận phía bắc sẽ bắt đầu vào mùa xuân.",
      "Người dân địa phương hoan nghênh quyết định này tại một cuộc họp công khai."]
INSERTED = "Đội bóng đá quốc gia đã giành chiến thắng trong trận chung kết tối qua."


@pytest.fixture(scope="module")
def real(tmp_path_factory):  # noqa: ANN201
    from tqcheck.config import Config
    from tqcheck.embed import get_embedder
    from tqcheck.pipeline import align_side, load_document

    d = tmp_path_factory.mktemp("refine")
    (d / "en.txt").write_text(EN + "\n", encoding="utf-8")
    (d / "vi.txt").write_text(" ".join(VI[:3] + [INSERTED] + VI[3:]) + "\n", encoding="utf-8")
    cfg = Config(cache_dir=str(d / "cache"))
    src, tgt = load_document(str(d / "en.txt"), cfg), load_document(str(d / "vi.txt"), cfg)
    emb = get_embedder()
    return cfg, emb, src, tgt, align_side(src.segments, emb), align_side(tgt.segments, emb)


@pytest.mark.slow
def test_real_encoder_inserted_sentence_absorbed_in_a_bead_is_split_off(real):
    _, _, src, tgt, s, t = real
    assert len(src.segments) == 7 and len(tgt.segments) == 8
    (k,) = [seg.index for seg in tgt.segments if seg.text == INSERTED]
    # the defect the DP makes: the unrelated sentence joins the previous source sentence's bead
    pairs = [((i,), (i,)) for i in range(k - 1)] + [((k - 1,), (k - 1, k))] + [((i,), (i + 1,)) for i in range(k, 7)]
    out = refine(_aln(pairs), s, t)
    _check_cover(out, 7, 8)
    assert ((), (k,)) in _pairs(out)
    assert ((k - 1,), (k - 1,)) in _pairs(out)


@pytest.mark.slow
def test_real_encoder_pipeline_leaves_the_inserted_sentence_unaligned(real):
    from tqcheck.pipeline import align_documents

    cfg, emb, src, tgt, _, _ = real
    al = align_documents(src, tgt, emb, cfg)
    (k,) = [seg.index for seg in tgt.segments if seg.text == INSERTED]
    assert ((), (k,)) in _pairs(al)
    assert sum(1 for b in al if b.src and b.tgt) == 7  # every English sentence keeps its translation
    assert "refine" in al.stats


@pytest.mark.parametrize("seed", [20, 23])
def test_cover_tells_a_sentence_split_elsewhere_from_an_addition(seed):
    left_out = [((i,), (i,)) for i in range(6)] + [((), (6,))] + [((i,), (i + 1,)) for i in range(6, 12)]
    # target 5 and 6 are two halves of source 5 and the alignment left target 6 unaligned: it is plausibly
    # rendered in the neighbouring bead (source 5 -> target 5), so the omission rules call it minor
    half = [((i,), "copy") for i in range(5)] + [((5,), "half")] + [((i,), "copy") for i in range(6, 12)]
    s, t = _doc(12, seed, half)
    beads = list(_aln(left_out))
    c = covered(beads, s, t)[("target", 6)]
    assert c.merged and beads[c.bead] == beads[5] and c.own >= RefineParams().cover_own
    # the same place holding an unrelated sentence is an addition: not covered by either neighbour
    junk = [((i,), "copy") for i in range(6)] + [((), "junk")] + [((i,), "copy") for i in range(6, 12)]
    s, t = _doc(12, seed, junk)
    c = covered(list(_aln(left_out)), s, t)[("target", 6)]
    assert not c.merged and c.evidence < RefineParams().cover
    # only unaligned sentences are judged
    assert set(covered(list(_aln(left_out)), s, t)) == {("target", 6)}


def test_dropped_sentence_paired_with_half_of_a_split_translation_is_released():
    # source 6 has no translation; source 7 is translated by two target sentences (6 and 7, "half" each); the DP
    # kept one-to-one beads by pairing source 6 with the first half
    plan = [((i,), "copy") for i in range(6)] + [((7,), "half")] + [((i,), "copy") for i in range(8, 14)]
    s, t = _doc(14, 3, plan)
    pairs = [((i,), (i,)) for i in range(6)] + [((6,), (6,)), ((7,), (7,))] + [((i,), (i,)) for i in range(8, 14)]
    out = refine(_aln(pairs), s, t)
    _check_cover(out, 14, 14)
    assert ((6,), ()) in _pairs(out)
    assert ((7,), (6, 7)) in _pairs(out)


def test_weak_but_real_one_to_one_beads_are_kept():
    plan = [((i,), "copy") for i in range(14)]
    s, t = _doc(14, 4, plan)
    pairs = [((i,), (i,)) for i in range(14)]
    out = refine(_aln(pairs), s, t)
    assert _pairs(out) == pairs


def test_sentence_left_out_of_a_many_to_one_translation_is_absorbed():
    from tqcheck.refine import absorbed

    rng = np.random.default_rng(5)
    src = rng.normal(size=(12, D))
    # target 5 renders sources 5 and 7 only: source 6 (the longest) is missing from the bead's translation
    tgt = [src[i] + rng.normal(scale=0.35, size=D) for i in range(5)]
    tgt.append(src[5] + src[7] + rng.normal(scale=0.35, size=D))
    tgt += [src[i] + rng.normal(scale=0.35, size=D) for i in range(8, 12)]
    src_len = np.full(12, 80.0)
    src_len[6] = 200.0
    tgt_len = np.full(len(tgt), 88.0)
    tgt_len[5] = 176.0
    s, t = Side(src, src_len), Side(np.array(tgt), tgt_len)
    beads = [Bead((i,), (i,), 0.5) for i in range(5)] + [Bead((5, 6, 7), (5,), 0.5)] + \
        [Bead((i,), (i - 2,), 0.5) for i in range(8, 12)]
    assert absorbed(beads, s, t) == {6: pytest.approx(absorbed(beads, s, t)[6])}
    assert absorbed(beads, s, t)[6] <= -2.5
    # the same bead with a translation of the usual length for all three sentences loses nothing
    tgt_len[5] = 396.0
    tgt[5] = src[5] + src[6] + src[7] + rng.normal(scale=0.35, size=D)
    assert absorbed(beads, Side(src, src_len), Side(np.array(tgt), tgt_len)) == {}


def _split_passage(seed: int, share: float):  # noqa: ANN202
    """Sources 6 and 7 translated by targets 6 and 7 split elsewhere: target 6 holds ``share`` of source 6 and
    the first half of source 7, target 7 the rest of source 7; every other sentence is translated one to one."""
    rng = np.random.default_rng(seed)
    src = rng.normal(size=(14, D))
    a = rng.normal(size=D)
    tgt = [src[i] + rng.normal(scale=0.35, size=D) for i in range(6)]
    tgt += [share * src[6] + src[7] + a, src[7] - a]
    tgt += [src[i] + rng.normal(scale=0.35, size=D) for i in range(8, 14)]
    return Side(src, np.full(14, 80.0)), Side(np.array(tgt), np.full(14, 88.0))


def test_a_passage_the_sides_split_differently_becomes_one_bead_not_an_omission():
    # the DP paired source 6 with target 6 (weakly): target 6 belongs with source 7, but source 6 is rendered in
    # target 6 too, so releasing it as untranslated would be a false alarm; the passage becomes one 2-2 bead
    results = []
    for seed in range(11, 17):
        s, t = _split_passage(seed, 0.5)
        out = refine(_aln([((i,), (i,)) for i in range(14)]), s, t)
        _check_cover(out, 14, 14)
        results.append(_pairs(out))
    assert all(((6,), ()) not in r for r in results)
    assert any(((6, 7), (6, 7)) in r for r in results)  # the case happened, and was merged


def test_a_barely_rendered_sentence_in_a_split_passage_is_still_released():
    s, t = _split_passage(12, 0.2)  # source 6 hardly in target 6: reported untranslated, as before
    out = refine(_aln([((i,), (i,)) for i in range(14)]), s, t)
    assert ((6,), ()) in _pairs(out) and ((7,), (6, 7)) in _pairs(out)
