"""Per-text analyses kept on disk between runs, as the embedding cache keeps vectors.

Reading the numbers of a sentence (:func:`tqcheck.numparse.extract`) and the language probabilities of a text
(langdetect, seeded) are pure functions of the text, tqcheck's code and data, and the installed packages. A
second check of the same document (or of a revised one: most sentences are unchanged) repeats them all; a
function decorated with :func:`persistent` keeps its results in one sqlite table, ``memo-<env>.sqlite3`` in
the tqcheck cache folder (:func:`tqcheck.cache.cache_dir`), where ``<env>`` names tqcheck's files (a sha1
of every file of the package, code and data) and the installed packages (the modification times of the
``site-packages`` folders on ``sys.path``, which installing, upgrading or removing a package changes): any
change starts a new file (files of other versions unused for a day are removed). The names of the module
functions decorated so (and of whatever they call, which the sha1 covers) are in the source: ``persistent(``.
Cost of reading instead of computing: one sqlite row per call, unpickled. Results are written in one transaction per check
(:func:`flush`, called by the pipeline) and at exit.

A result that cannot be read is recomputed and written again; a database that cannot be opened or read is
not used for the rest of the process (logged), never an error. ``TQCHECK_NO_TEXT_MEMO=1`` or
``TQCHECK_NO_TABLE_CACHE=1`` turns it off (the test suite sets the first: its tests patch what these functions
read), and so does a decorated function's ``cache_clear()`` for that function; a check with ``--no-cache``
(``Config.cache`` off) neither reads nor writes it (:func:`off`).
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import pickle
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])
FORMAT = 1
_ROOT = Path(__file__).resolve().parent
_SCHEMA = "CREATE TABLE IF NOT EXISTS memo (k BLOB PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID"


@functools.lru_cache(maxsize=1)
def env_key() -> str:
    """sha1 of tqcheck's own files (every file of the package but compiled bytecode) and of the modification
    times of the ``site-packages`` folders on ``sys.path``."""
    h = hashlib.sha1(f"{FORMAT}|{sys.version}".encode())
    for p in sorted(_ROOT.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
            h.update(str(p.relative_to(_ROOT)).encode())
            try:
                h.update(p.read_bytes())
            except OSError:
                h.update(b"?")
    for entry in sys.path:  # (the folders packages are installed into, not a script's or a checkout's)
        if os.path.basename(os.path.normpath(entry)) not in ("site-packages", "dist-packages"):
            continue
        try:
            h.update(f"{entry}:{os.stat(entry).st_mtime_ns}".encode())
        except OSError:
            h.update(f"{entry}:-".encode())
    return h.hexdigest()


class _Store:
    """The memo database of this process: read row by row, written in batches."""

    def __init__(self) -> None:
        self._db: sqlite3.Connection | None = None
        self._broken = False
        self._pending: dict[bytes, bytes] = {}
        self._lock = threading.Lock()

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is not None or self._broken:
            return self._db
        try:
            from .cache import cache_dir

            folder = cache_dir()
            path = folder / f"memo-{env_key()[:20]}.sqlite3"
            fresh = not path.exists()
            folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA mmap_size=268435456")  # (read through a memory map, as the embedding cache)
            db.execute(_SCHEMA)
            self._db = db
            if fresh:  # other versions' files unused for a day: no run of this version will read them
                import time

                for old in folder.glob("memo-*.sqlite3*"):
                    if not old.name.startswith(path.name) and old.stat().st_mtime < time.time() - 86400:
                        old.unlink(missing_ok=True)
        except (OSError, sqlite3.Error) as exc:
            log.debug("text memo unusable (%s); continuing without it", exc)
            self._broken = True
        return self._db

    def get(self, key: bytes) -> bytes | None:
        with self._lock:
            if key in self._pending:
                return self._pending[key]
            db = self._conn()
            if db is None:
                return None
            try:
                row = db.execute("SELECT v FROM memo WHERE k = ?", (key,)).fetchone()
            except sqlite3.Error as exc:
                log.debug("text memo unreadable (%s); continuing without it", exc)
                self._broken, self._db = True, None
                return None
            return row[0] if row else None

    def put(self, key: bytes, value: bytes) -> None:
        with self._lock:
            if not self._broken:
                self._pending[key] = value

    def flush(self) -> None:
        with self._lock:
            if not self._pending:
                return
            rows, self._pending = list(self._pending.items()), {}
            db = self._conn()
            if db is None:
                return
            try:
                with db:  # one transaction: all rows or none
                    db.execute("BEGIN IMMEDIATE")
                    db.executemany("INSERT OR REPLACE INTO memo (k, v) VALUES (?, ?)", rows)
            except sqlite3.Error as exc:
                log.debug("cannot write text memo (%s)", exc)


_STORE = _Store()
_OFF: set[str] = set()  # functions whose cache_clear() was called: computed, never read from disk
_PAUSED = [0]  # > 0 inside off(True): every function computed (a check run with --no-cache)


@contextlib.contextmanager
def off(when: bool = True) -> Iterator[None]:
    """With ``when``, every memoised function computes its results inside the block (none read or written)."""
    _PAUSED[0] += bool(when)
    try:
        yield
    finally:
        _PAUSED[0] -= bool(when)


def flush() -> None:
    """Write the results computed since the last flush (one transaction)."""
    _STORE.flush()


@functools.lru_cache(maxsize=1)
def _flush_at_exit() -> None:
    import atexit

    atexit.register(flush)


class _Unkeyed(Exception):
    """An argument that names no value the same way in every process: the call is not memoised."""


_PLAIN = (str, int, float, bool, bytes, type(None))


def _canon(value: Any) -> Any:
    """``value`` with its sets sorted, so that its ``repr`` is the same in every process. A bound method of an
    object with a ``memo_key`` (a bundled names lexicon: its content is a function of that key and tqcheck's
    files) stands for that key and the method's name; anything else but plain values is :class:`_Unkeyed`."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, (set, frozenset)):
        return ("<set>", tuple(sorted((_canon(v) for v in value), key=repr)))
    if isinstance(value, tuple):
        return tuple(_canon(v) for v in value)
    owner = getattr(value, "__self__", None)
    key = getattr(owner, "memo_key", None)
    if key is not None and callable(value):
        return ("<method>", _canon(key), value.__func__.__qualname__)
    raise _Unkeyed


def call(name: str, args: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept on disk under ``name`` and ``args`` (plain values that name everything ``compute``'s
    result depends on besides tqcheck's files and the installed packages), as :func:`persistent` keeps a
    function's results."""
    return persistent(name)(lambda *_: compute())(*args)


def persistent(name: str) -> Callable[[F], F]:
    """Keep ``func(*args)`` on disk (see the module docstring): positional arguments of plain values (strings,
    numbers, tuples, frozensets; see :func:`_canon`), results that pickle; other calls are computed."""
    def deco(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if kwargs or _PAUSED[0] or name in _OFF or os.environ.get("TQCHECK_NO_TABLE_CACHE") == "1" \
                    or os.environ.get("TQCHECK_NO_TEXT_MEMO") == "1":
                return func(*args, **kwargs)
            if all(type(a) is str for a in args):  # (the usual call: texts and language codes)
                canon = args
            else:
                try:
                    canon = _canon(args)
                except _Unkeyed:
                    return func(*args)
            _flush_at_exit()
            key = hashlib.sha1(f"{name}\0{canon!r}".encode("utf-8", "surrogatepass")).digest()
            data = _STORE.get(key)
            if data is not None:
                try:
                    return pickle.loads(data)
                except Exception:  # noqa: BLE001 - a damaged row is recomputed and written again
                    log.debug("text memo row for %s unreadable; recomputing", name)
            value = func(*args)
            try:
                _STORE.put(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            except (pickle.PicklingError, TypeError, AttributeError):
                pass
            return value

        def cache_clear() -> None:
            _OFF.add(name)

        wrapper.cache_clear = cache_clear  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return deco
