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
(:func:`flush`, called by the pipeline) and at exit. A check that asked for :data:`MANIFEST_MIN` rows or more
also leaves the list of their keys, under its first key; the next check that begins with the same key (the
same source document) reads the rows of that list in a few queries instead of one query each (the 1,000 pair's
6,010 rows: its memo reads 0.37-0.41 -> 0.20-0.28 s on a loaded machine, three runs each in turn).

**Bound.** The rows in use are kept under :func:`max_bytes` (``TQCHECK_TEXT_MEMO_MB`` mebibytes, default
:data:`MAX_MB`, 256: about sixty checks of a 1,000-sentence pair): each row has the time it was written or last
read (a read marks it again only when the mark is older than :data:`TOUCH_AFTER`, so a repeated check writes
nothing), and a write that takes the database over the bound deletes the rows used longest ago, in the same
transaction, down to three quarters of it (sqlite reuses the freed pages, so the file stays about that size).

A result that cannot be read is recomputed and written again; a database that cannot be opened or read is
not used for the rest of the process (logged), never an error, and one that sqlite finds damaged is removed
(the next run starts a new one). A write that another process's write holds up for more than :data:`BUSY_S`
seconds is dropped (its results are computed again next time). Several processes may share the file (sqlite's
WAL journal: readers never wait, writes are one transaction each). ``TQCHECK_NO_TEXT_MEMO=1`` or
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
import time
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])
FORMAT = 2  # 2: each row has the time it was last used (t)
_ROOT = Path(__file__).resolve().parent
_SCHEMA = "CREATE TABLE IF NOT EXISTS memo (k BLOB PRIMARY KEY, v BLOB NOT NULL, t INTEGER NOT NULL) WITHOUT ROWID"
MAX_MB = 256  # the default bound of the pages in use (TQCHECK_TEXT_MEMO_MB)
TOUCH_AFTER = 3600  # seconds: a row read is marked used again only when its mark is older than this
BUSY_S = 5.0  # how long a write waits for another process's write before its rows are dropped
MANIFEST_MIN = 16  # a check that asked for this many rows or more leaves their list for the next one


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


def max_bytes() -> int:
    """The memo's bound: ``TQCHECK_TEXT_MEMO_MB`` mebibytes (a positive number), else :data:`MAX_MB`."""
    env = os.environ.get("TQCHECK_TEXT_MEMO_MB", "")
    try:
        mb = float(env) if env else MAX_MB
    except ValueError:
        mb = MAX_MB
    return int((mb if mb > 0 else MAX_MB) * 1024 * 1024)


class _Store:
    """The memo database of this process: read row by row, written in batches, kept under :func:`max_bytes`."""

    def __init__(self) -> None:
        self._db: sqlite3.Connection | None = None
        self._path: Path | None = None
        self._broken = False
        self._pending: dict[bytes, bytes] = {}
        self._touched: set[bytes] = set()  # rows read whose time of use is older than TOUCH_AFTER
        self._lock = threading.Lock()
        # since the last flush (a check): the first key asked for, every key asked for, the rows its manifest
        # listed (read ahead) and that manifest
        self._first: bytes | None = None
        self._asked: dict[bytes, None] = {}
        self._ahead: dict[bytes, tuple[bytes, int]] = {}
        self._manifest = b""
        self.ahead_hits = 0

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is not None or self._broken:
            return self._db
        try:
            from .cache import cache_dir

            folder = cache_dir()
            path = self._path = folder / f"memo-{env_key()[:20]}.sqlite3"
            fresh = not path.exists()
            folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=BUSY_S, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA journal_size_limit=67108864")  # the journal file cut back to 64 MiB once copied
            # read, not memory-mapped (sqlite's default; 5f32cb5 had mapped 256 MiB): with a memo of 228 MB the
            # map added 209 MiB to a warm 1,000-pair check's peak RSS (150 -> 359 MiB, median of 3 in turn) for
            # no CPU time saved (0.97x): every row read faulted its neighbours in, and the rows lie by hash
            db.execute("PRAGMA mmap_size=0")
            db.execute(_SCHEMA)
            self._db = db
            if fresh:  # other versions' files unused for a day: no run of this version will read them
                for old in folder.glob("memo-*.sqlite3*"):
                    if not old.name.startswith(path.name) and old.stat().st_mtime < time.time() - 86400:
                        old.unlink(missing_ok=True)
        except (OSError, sqlite3.Error) as exc:
            self._fail("unusable", exc)
        return self._db

    def _fail(self, what: str, exc: Exception) -> None:
        """Stop using the database for the rest of the process; a file sqlite finds damaged (not a database, a
        malformed page) is removed, so that the next run starts a new one."""
        log.debug("text memo %s (%s); continuing without it", what, exc)
        self._broken, self._db, self._pending, self._touched = True, None, {}, set()
        self._first, self._asked, self._ahead, self._manifest = None, {}, {}, b""
        if getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB") and self._path is not None:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.unlink(f"{self._path}{suffix}")

    def get(self, key: bytes) -> bytes | None:
        with self._lock:
            if key in self._pending:
                return self._pending[key]
            db = self._conn()
            if db is None:
                return None
            self._asked[key] = None
            if self._first is None:  # the first row a check asks for: read the rows its last check used
                self._first = key
                self._prefetch(db, key)
            row = self._ahead.pop(key, None)
            if row is None:
                try:
                    row = db.execute("SELECT v, t FROM memo WHERE k = ?", (key,)).fetchone()
                except sqlite3.Error as exc:
                    self._fail("unreadable", exc)
                    return None
            else:
                self.ahead_hits += 1
            if row is None:
                return None
            if row[1] < _now() - TOUCH_AFTER:
                self._touched.add(key)
            return row[0]

    def _prefetch(self, db: sqlite3.Connection, first: bytes) -> None:
        """The rows listed under ``first``'s manifest (the keys the check that began with ``first`` used, in the
        order it used them), read in a few queries instead of one each (the 1,000 pair's 6,010: about 11 against
        30 microseconds a row)."""
        try:
            row = db.execute("SELECT v FROM memo WHERE k = ?", (_manifest_key(first),)).fetchone()
            if row is None or not isinstance(row[0], bytes):
                return
            self._manifest = row[0]
            keys = [row[0][i:i + 20] for i in range(0, len(row[0]), 20)]
            for s in range(0, len(keys), 500):
                part = keys[s:s + 500]
                q = f"SELECT k, v, t FROM memo WHERE k IN ({','.join('?' * len(part))})"
                self._ahead.update((k, (v, t)) for k, v, t in db.execute(q, part))
        except sqlite3.Error as exc:
            log.debug("text memo manifest unreadable (%s)", exc)

    def put(self, key: bytes, value: bytes) -> None:
        with self._lock:
            if not self._broken:
                self._pending[key] = value

    def flush(self) -> None:
        with self._lock:
            manifest = b"".join(self._asked) if len(self._asked) >= MANIFEST_MIN else b""
            if self._first is not None and manifest and manifest != self._manifest:
                self._pending[_manifest_key(self._first)] = manifest
            self._first, self._asked, self._ahead, self._manifest = None, {}, {}, b""
            if not self._pending and not self._touched:
                return
            rows, self._pending = list(self._pending.items()), {}
            touched, self._touched = list(self._touched), set()
            db = self._conn()
            if db is None:
                return
            now = _now()
            try:
                with db:  # one transaction: all rows or none, and the eviction with them
                    db.execute("BEGIN IMMEDIATE")
                    db.executemany("INSERT OR REPLACE INTO memo (k, v, t) VALUES (?, ?, ?)",
                                   [(k, v, now) for k, v in rows])
                    db.executemany("UPDATE memo SET t = ? WHERE k = ?", [(now, k) for k in touched])
                    _evict(db, max_bytes())
            except sqlite3.Error as exc:
                if getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
                    self._fail("damaged", exc)
                else:  # (locked by another process past BUSY_S, a full disk: these rows are not kept)
                    log.debug("cannot write text memo (%s)", exc)


def _manifest_key(first: bytes) -> bytes:
    return hashlib.sha1(b"manifest\0" + first).digest()


def _used(db: sqlite3.Connection) -> int:
    """Bytes of the database's pages in use (its free pages apart: sqlite reuses them before growing the file)."""
    count = db.execute("PRAGMA page_count").fetchone()[0]
    free = db.execute("PRAGMA freelist_count").fetchone()[0]
    return (count - free) * db.execute("PRAGMA page_size").fetchone()[0]


def _evict(db: sqlite3.Connection, bound: int) -> None:
    """Inside a write transaction: over ``bound`` bytes, delete the rows used longest ago (by ``t``, the time
    they were written or last read: a check's rows share one) until the rows in use take three quarters of it,
    so that eviction (a scan of the table) comes once per quarter of the bound written, not on every check."""
    for _ in range(4):  # (a second pass where the estimate fell short)
        used = _used(db)
        if used <= bound:
            return
        groups = db.execute("SELECT t, SUM(length(k) + length(v)) FROM memo GROUP BY t ORDER BY t").fetchall()
        payload = sum(size for _, size in groups)
        if not payload:
            return
        excess, scale = used - bound * 3 // 4, used / payload  # (pages hold more than the rows: overflow, slack)
        for t, size in groups:
            excess -= size * scale
            if excess <= 0:
                break
        db.execute("DELETE FROM memo WHERE t <= ?", (t,))


def _now() -> int:
    return int(time.time())


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
