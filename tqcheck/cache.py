"""On-disk embedding cache: one sqlite3 table of float32 blobs keyed by (model name, sha1 of the text).

sqlite3 gives atomic writes and safe concurrent use by several processes (WAL journal, busy
timeout), so re-checking unchanged documents costs no encoder time. Location, first match:
``Config.cache_dir``, ``$TQCHECK_CACHE_DIR``, ``$XDG_CACHE_HOME/tqcheck``, ``~/.cache/tqcheck``.
A cache that cannot be opened or written is skipped (logged), never an error: it only saves time.

The file is :data:`FILENAME`: an ordinary (rowid) table with a unique index on (model, key), so a row (a
384-float vector, 1.5 kB) lies in its table page next to the rows written with it. The format before,
:data:`OLD_FILENAME`, kept the rows in the key's b-tree (``WITHOUT ROWID``), where a row that size spills into
an overflow page of its own: a file 2.1 times the size (934 against 437 MB for the same rows) and 3 times the
CPU time to read a document's rows (the 1,000 pair's 2,748: 0.17-0.21 against 0.055-0.060 s). Rows still in
a file of that format are read from it when the new file lacks them and moved over (so a machine's warm cache
stays warm through the upgrade); the old file is removed once empty.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

log = logging.getLogger(__name__)

FILENAME = "vectors.sqlite3"
OLD_FILENAME = "embeddings.sqlite3"  # (the format before: see the module docstring)
_SCHEMA = ("CREATE TABLE IF NOT EXISTS vec (model TEXT NOT NULL, key TEXT NOT NULL, dim INTEGER NOT NULL, "
           "data BLOB NOT NULL)", "CREATE UNIQUE INDEX IF NOT EXISTS vec_key ON vec (model, key)")


def cache_dir(configured: str | None = None) -> Path:
    """Where the cache lives (see the module docstring for the order)."""
    if configured:
        return Path(configured).expanduser()
    env = os.environ.get("TQCHECK_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "tqcheck"


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def usable(v: np.ndarray, dim: int | None = None) -> bool:
    """Whether a stored row can be an embedding: ``dim`` values when the model's size is known, all finite,
    and of unit length (every embedder here stores L2-normalised rows; a zero or NaN row, a truncated or
    foreign blob is not one)."""
    if v.ndim != 1 or v.size == 0 or (dim is not None and v.size != dim):
        return False
    n = float(np.dot(v, v))
    return bool(np.isfinite(n)) and abs(n - 1.0) < 1e-3 and bool(np.isfinite(v).all())


class EmbeddingCache:
    """Vectors by (model, text). ``get`` returns what is stored; ``put`` stores new rows atomically."""

    def __init__(self, directory: str | os.PathLike | None = None) -> None:
        folder = Path(directory) if directory is not None else cache_dir()
        self.path = folder / FILENAME
        self.old_path = folder / OLD_FILENAME
        self._db: sqlite3.Connection | None = None
        self._old: sqlite3.Connection | None | bool = None  # the old file: None not looked at, False none
        self.hits = 0
        self.misses = 0
        self.rejected = 0  # stored rows refused by usable() (recomputed)

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            # no memory map (sqlite's default): a map (tried at 256 MiB) saved no measurable time on the warm
            # 1,000 pair's 1,896 sentence rows (0.15-0.16 against 0.16-0.22 CPU s, three runs each in turn) but
            # every row read faulted in the pages around it: with a cache of 934 MB (a machine that has checked
            # many documents) the process's peak RSS grew by 113 MB, the warm 1,000 pair's from 239 to 361 MB
            db.execute("PRAGMA mmap_size=0")
            for statement in _SCHEMA:
                db.execute(statement)
            self._db = db
            self._older()  # (an old file whose rows have all moved is removed now)
        return self._db

    def _older(self) -> sqlite3.Connection | None:
        """The file of the format before, while it holds rows (removed once empty)."""
        if self._old is None:
            self._old = False
            if self.old_path.exists():
                try:
                    db = sqlite3.connect(self.old_path, timeout=30.0, isolation_level=None)
                    db.execute("PRAGMA mmap_size=0")
                    if db.execute("SELECT 1 FROM vec LIMIT 1").fetchone() is not None:
                        self._old = db
                    else:
                        db.close()
                        for suffix in ("", "-wal", "-shm"):
                            Path(f"{self.old_path}{suffix}").unlink(missing_ok=True)
                except (OSError, sqlite3.Error) as exc:
                    log.debug("old embedding cache %s unusable (%s)", self.old_path, exc)
        return self._old or None

    def _rows(self, db: sqlite3.Connection, model: str, keys: list[str]) -> Iterator[tuple[str, int, bytes]]:
        for s in range(0, len(keys), 500):
            part = keys[s:s + 500]
            q = f"SELECT key, dim, data FROM vec WHERE model = ? AND key IN ({','.join('?' * len(part))})"
            yield from db.execute(q, [model, *part])

    def _move_old(self, model: str, keys: list[str], dim: int | None, found: dict[str, np.ndarray]) -> None:
        """Rows of ``keys`` that only the old file has: usable ones into ``found`` and the new file, every one
        out of the old file (a failed move only leaves them where they were)."""
        old = self._older()
        if old is None:
            return
        try:
            rows = list(self._rows(old, model, keys))
        except sqlite3.Error as exc:  # (a damaged old file: the new one works without it)
            log.debug("old embedding cache %s unreadable (%s)", self.old_path, exc)
            old.close()
            self._old = False
            return
        moved = []
        for key, stored_dim, data in rows:
            v = np.frombuffer(data, dtype=np.float32) if isinstance(data, bytes) else np.zeros(0, np.float32)
            if v.size == stored_dim and usable(v, dim):
                found[key] = v
                moved.append((model, key, stored_dim, data))
            else:
                self.rejected += 1
        if not rows:
            return
        try:
            if moved:
                with self._conn() as db:
                    db.execute("BEGIN IMMEDIATE")
                    db.executemany("INSERT OR IGNORE INTO vec (model, key, dim, data) VALUES (?, ?, ?, ?)", moved)
            with old:
                old.execute("BEGIN IMMEDIATE")
                old.executemany("DELETE FROM vec WHERE model = ? AND key = ?", [(model, k) for k, _, _ in rows])
        except sqlite3.Error as exc:
            log.debug("cannot move rows out of the old embedding cache %s (%s)", self.old_path, exc)

    def get(self, model: str, texts: Sequence[str], dim: int | None = None) -> dict[int, np.ndarray]:
        """Stored vectors for ``texts``, by position; missing ones are absent, and so are rows that cannot be
        an embedding (see :func:`usable`): those are recomputed by the caller and overwritten."""
        keys = [text_key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        db = self._conn()
        uniq = list(dict.fromkeys(keys))
        seen = set()
        for key, stored_dim, data in self._rows(db, model, uniq):
            seen.add(key)
            v = np.frombuffer(data, dtype=np.float32) if isinstance(data, bytes) else np.zeros(0, np.float32)
            if v.size == stored_dim and usable(v, dim):
                found[key] = v
            else:
                self.rejected += 1
        if len(seen) < len(uniq):
            self._move_old(model, [k for k in uniq if k not in seen], dim, found)
        out = {i: found[k] for i, k in enumerate(keys) if k in found}
        self.hits += len(out)
        self.misses += len(texts) - len(out)
        return out

    def put(self, model: str, texts: Sequence[str], vecs: np.ndarray) -> None:
        rows = [(model, text_key(t), int(v.shape[0]), np.ascontiguousarray(v, dtype=np.float32).tobytes())
                for t, v in zip(texts, vecs)]
        db = self._conn()
        with db:  # one transaction: all rows or none
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO vec (model, key, dim, data) VALUES (?, ?, ?, ?)", rows)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._old:
            self._old.close()
        self._old = None


class CachedEmbedder:
    """An embedder that asks the cache first and encodes only the texts it has not seen."""

    def __init__(self, embedder, cache: EmbeddingCache) -> None:  # noqa: ANN001 - any Embedder
        self.inner = embedder
        self.cache = cache
        self.name = embedder.name
        self.key = getattr(embedder, "cache_id", None) or embedder.name  # what identifies the vectors
        self.encoded = 0  # texts sent to the model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return self.inner.encode(texts)
        dim = getattr(self.inner, "dim", None)
        try:
            hit = self.cache.get(self.key, texts, dim if isinstance(dim, int) else None)
        except sqlite3.Error as exc:
            log.warning("embedding cache %s unusable (%s); continuing without it", self.cache.path, exc)
            return self.inner.encode(texts)
        fresh: dict[str, np.ndarray] = {}
        for _ in range(2):  # the second pass: hits whose size differs from what the model gives now
            uniq = list(dict.fromkeys(texts[i] for i in range(len(texts)) if i not in hit and texts[i] not in fresh))
            if uniq:
                vecs = np.asarray(self.inner.encode(uniq), dtype=np.float32)
                self.encoded += len(uniq)
                fresh.update(zip(uniq, vecs))
                try:
                    self.cache.put(self.key, uniq, vecs)
                except sqlite3.Error as exc:
                    log.warning("cannot write embedding cache %s (%s)", self.cache.path, exc)
            if fresh:
                dim = next(iter(fresh.values())).shape[0]
            elif hit:  # model size unknown and nothing fresh: the sizes stored agree or the majority stands
                sizes = [v.shape[0] for v in hit.values()]
                dim = max(set(sizes), key=sizes.count)
            wrong = [i for i, v in hit.items() if v.shape[0] != dim]
            if not wrong:
                break
            for i in wrong:
                del hit[i]
        out = np.empty((len(texts), dim), np.float32)
        for i, t in enumerate(texts):
            out[i] = hit[i] if i in hit else fresh[t]
        return out


class MemoEmbedder:
    """An in-memory memo in front of an embedder, for the life of one check: the aligner and then the
    omission rules (the neighbour cover of unaligned sentences) ask for the same sentences and joined runs,
    and each text reaches the model, or the on-disk cache, once. Works with the cache off too."""

    def __init__(self, embedder) -> None:  # noqa: ANN001 - any Embedder
        self.inner = embedder
        self.name = embedder.name
        self.memo: dict[str, np.ndarray] = {}

    def __getattr__(self, attr: str):  # noqa: ANN204 - cache_id, dim, encoded... of the wrapped embedder
        return getattr(self.inner, attr)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return self.inner.encode(texts)
        new = list(dict.fromkeys(t for t in texts if t not in self.memo))
        if new:
            self.memo.update(zip(new, np.asarray(self.inner.encode(new), dtype=np.float32)))
        return np.stack([self.memo[t] for t in texts])


def memoized(embedder):  # noqa: ANN001, ANN201
    """``embedder`` behind a :class:`MemoEmbedder` (unchanged when it already is one)."""
    return embedder if isinstance(embedder, MemoEmbedder) else MemoEmbedder(embedder)


def cached(embedder, enabled: bool = True, directory: str | None = None):  # noqa: ANN001, ANN201
    """``embedder`` behind the on-disk cache, or unchanged when disabled or the cache cannot be opened
    (or when it is a :class:`MemoEmbedder`, which the caller has already put in front of the cache)."""
    if not enabled or isinstance(embedder, (CachedEmbedder, MemoEmbedder)):
        return embedder
    cache = EmbeddingCache(cache_dir(directory))
    try:
        cache._conn()
    except (OSError, sqlite3.Error) as exc:
        log.warning("embedding cache %s unusable (%s); continuing without it", cache.path, exc)
        return embedder
    return CachedEmbedder(embedder, cache)
