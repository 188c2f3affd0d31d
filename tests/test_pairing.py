"""Pairing documents with their translations: the decision rule, and the real encoder on the seeds."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from reportkit import ROOT, doc, iwslt_dir, write_talk

from tqcheck.batch import collect_documents, pair_paths
from tqcheck.config import Config
from tqcheck.pairing import ABS_FLOOR, MARGIN, aligned_share, decide, fold, numbers

CORPORA = ROOT / "corpora"
SEEDS = sorted(str(p) for p in CORPORA.glob("*.txt"))


@pytest.fixture(scope="module")
def seed_pairing():
    return pair_paths(SEEDS, Config())


def test_seed_folder_pairs_only_003_with_000(seed_pairing) -> None:
    pairs = [(Path(p.source).name[:3], Path(p.target).name[:3]) for p in seed_pairing.pairs]
    assert pairs == [("000", "003")]
    p = seed_pairing.pairs[0]
    assert (p.source_lang, p.target_lang) == ("en", "vi")
    assert p.similarity >= seed_pairing.floor and p.margin is not None and p.margin >= MARGIN
    assert 0 < p.confidence <= p.margin
    unpaired = {Path(u.path).name[:3]: u for u in seed_pairing.unpaired}
    assert sorted(unpaired) == ["001", "002", "004"]
    for u in unpaired.values():  # same topic, different stories: their best candidate is 003, well below 000's
        assert u.lang == "en" and Path(u.best_candidate).name.startswith("003")
        assert u.similarity < p.similarity - MARGIN


def test_a_related_article_alone_is_not_forced_into_a_pair() -> None:
    """Two documents only (no runner-up, no distribution): the absolute floor decides."""
    alone = pair_paths([SEEDS[3], SEEDS[4]], Config())  # 003 (vi) and 004 (en, another story)
    assert alone.pairs == ()
    assert len(alone.unpaired) == 2 and alone.floor == ABS_FLOOR


@pytest.mark.skipif(iwslt_dir() is None, reason="needs shared/data/iwslt15-en-vi-ted")
def test_folder_with_a_ted_talk_and_the_seeds(tmp_path: Path) -> None:
    for s in SEEDS:
        shutil.copy(s, tmp_path)
    en, vi = write_talk(tmp_path)
    docs = collect_documents([str(tmp_path)])
    assert len(docs) == 7
    res = pair_paths(docs, Config())
    got = sorted((Path(p.source).name, Path(p.target).name) for p in res.pairs)
    assert got == sorted([(en.name, vi.name), ("000_74d1bcbf21ade748.txt", "003_8cf2e5f9d09ebff1.txt")])
    talk = next(p for p in res.pairs if p.source.endswith(en.name))
    assert talk.evidence["aligned"] > 0.8  # a human translation keeps nearly every sentence in order
    assert {Path(u.path).name[:3] for u in res.unpaired} == {"001", "002", "004"}


def test_direction_follows_configured_languages(seed_pairing) -> None:
    from tqcheck.pairing import _direction

    a = doc("a.txt", "Xin chào thế giới.\n", "vi")
    b = doc("b.txt", "Hello world.\n", "en")
    assert [d.path for d in _direction(a, b, Config())] == ["b.txt", "a.txt"]  # English is the default source
    assert [d.path for d in _direction(a, b, Config(src_lang="vi"))] == ["a.txt", "b.txt"]
    assert [d.path for d in _direction(b, a, Config(tgt_lang="en"))] == ["a.txt", "b.txt"]


def _docs(langs: list[str]) -> list:
    return [doc(f"d{i}.txt", "Text.\n", lang) for i, lang in enumerate(langs)]


def _matrix(n: int, entries: dict[tuple[int, int], float], langs: list[str]) -> np.ndarray:
    m = np.full((n, n), np.nan)
    for i in range(n):
        for j in range(n):
            if langs[i] != langs[j]:
                m[i, j] = 0.1
    for (i, j), v in entries.items():
        m[i, j] = m[j, i] = v
    return m


def test_decision_rule_mutual_best_margin_and_floor() -> None:
    langs = ["en", "en", "vi", "vi"]
    docs = _docs(langs)
    ev = {(i, j): {} for i in range(4) for j in range(4)}
    # d0<->d2 clear pair; d1<->d3 clear pair
    res = decide(docs, _matrix(4, {(0, 2): 0.8, (1, 3): 0.7}, langs), ev, Config())
    assert [(p.source, p.target) for p in res.pairs] == [("d0.txt", "d2.txt"), ("d1.txt", "d3.txt")]
    # d2's best is d0 but d0 prefers d3: not mutual, so d2 stays unpaired
    res = decide(docs, _matrix(4, {(0, 2): 0.7, (0, 3): 0.8, (1, 3): 0.4}, langs), ev, Config())
    assert [(p.source, p.target) for p in res.pairs] == [("d0.txt", "d3.txt")]
    assert {u.path for u in res.unpaired} == {"d1.txt", "d2.txt"}
    assert next(u for u in res.unpaired if u.path == "d2.txt").best_candidate == "d0.txt"
    # mutual best, but the runner-up is within the margin: ambiguous, not paired
    res = decide(docs, _matrix(4, {(0, 2): 0.8, (0, 3): 0.8 - MARGIN / 2}, langs), ev, Config())
    assert res.pairs == ()
    # mutual best with a margin but below the absolute floor
    res = decide(docs, _matrix(4, {(0, 2): ABS_FLOOR - 0.01}, langs), ev, Config())
    assert res.pairs == ()


def test_floor_rises_with_the_candidates_distribution() -> None:
    langs = ["en"] * 4 + ["vi"] * 4
    docs = _docs(langs)
    ev = {(i, j): {} for i in range(8) for j in range(8)}
    m = _matrix(8, {}, langs)
    rng = np.random.default_rng(0)
    for i in range(4):
        for j in range(4, 8):
            m[i, j] = m[j, i] = 0.45 + rng.uniform(-0.02, 0.02)  # many look-alikes
    for j in range(4, 8):
        m[1, j] = m[j, 1] = 0.33
    for i in range(4):
        m[i, 5] = m[5, i] = 0.33
    m[0, 4] = m[4, 0] = 0.62  # stands out of the distribution: paired
    m[1, 5] = m[5, 1] = 0.46  # mutual best with a margin over its own rivals, above ABS_FLOOR, but typical
    res = decide(docs, m, ev, Config())
    assert ABS_FLOOR < 0.46 < res.floor < 0.62
    assert [(p.source, p.target) for p in res.pairs] == [("d0.txt", "d4.txt")]
    assert "d1.txt" in {u.path for u in res.unpaired}


def test_aligned_share_separates_order_from_topic() -> None:
    rng = np.random.default_rng(1)
    a = rng.normal(size=(20, 16))
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    noisy = a + rng.normal(scale=0.1, size=a.shape)
    noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
    assert aligned_share(a, noisy) > 0.9  # same sentences, same order
    shuffled = noisy[rng.permutation(20)]
    assert aligned_share(a, shuffled) < 0.4  # same sentences, no order: chance-corrected towards 0
    assert aligned_share(a, np.zeros((0, 16))) == 0.0


def test_evidence_helpers() -> None:
    assert fold("Phạm Bình Minh Đà") == "pham binh minh da"
    d = doc("x.txt", "Trade rose 2,2 billion in 2018.\n", "vi")
    assert {"22", "2018"} <= numbers(d)


def test_pair_command_json(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from tqcheck.cli import app

    os.environ.pop("TQCHECK_DEBUG", None)
    res = CliRunner().invoke(app, ["pair", str(CORPORA), "--format", "json", "--isolated"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert [(Path(p["source"]).name[:3], Path(p["target"]).name[:3]) for p in d["pairs"]] == [("000", "003")]
    assert sorted(Path(u["path"]).name[:3] for u in d["unpaired"]) == ["001", "002", "004"]
    assert set(d["unpaired"][0]) == {"path", "lang", "best_candidate", "similarity"}
