"""Results of pure functions of installed data (CLDR through Babel, num2words), kept on disk between runs.

Some per-language tables cost a new process tenths of a second to derive (every regional English locale read
for its scale words, CLDR's unit names formatted in every plural form) and are the same on every run. A
function decorated with :func:`disk_memo` keeps its result in ``derived/`` of the tqcheck cache folder
(:func:`tqcheck.cache.cache_dir`), keyed by its name, its arguments (``repr``), the versions of the packages
it reads and a sha1 of tqcheck's own source files (any change to the code derives every table again). A file
that cannot be read is derived again and overwritten (atomic replace); a folder that cannot be written only
costs the derivation. ``TQCHECK_NO_TABLE_CACHE=1`` turns it off, as for :mod:`tqcheck.names.tablecache`.
Results must be picklable; every call returns a new object (derived or loaded), so a caller may change it.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, Callable, TypeVar

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])
FORMAT = 1
_ROOT = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=1)
def code_hash() -> str:
    """sha1 of every ``.py`` file of the tqcheck package, in path order (about 1 MB, a few milliseconds)."""
    h = hashlib.sha1()
    for p in sorted(_ROOT.rglob("*.py")):
        h.update(str(p.relative_to(_ROOT)).encode())
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"?")
    return h.hexdigest()


@functools.lru_cache(maxsize=32)
def _versions(packages: tuple[str, ...]) -> str:
    from importlib import metadata

    out = []
    for p in packages:
        try:
            out.append(f"{p}={metadata.version(p)}")
        except metadata.PackageNotFoundError:
            out.append(f"{p}=?")
    return ",".join(out)


def disk_memo(packages: tuple[str, ...]) -> Callable[[F], F]:
    """Keep ``func(*args)`` on disk (see the module docstring); positional arguments only, each with a
    ``repr`` that names its value (strings, numbers, tuples, dicts, Babel locales)."""
    def deco(func: F) -> F:
        name = f"{func.__module__}.{func.__qualname__}"

        @functools.wraps(func)
        def wrapper(*args: Any) -> Any:
            if os.environ.get("TQCHECK_NO_TABLE_CACHE") == "1":
                return func(*args)
            try:
                from .cache import cache_dir

                folder = cache_dir() / "derived"
            except Exception:  # noqa: BLE001 - no usable cache folder: derive every time
                return func(*args)
            key = hashlib.sha1(f"{name}|{FORMAT}|{_versions(packages)}|{code_hash()}|{args!r}".encode()).hexdigest()
            path = folder / f"{func.__name__.strip('_')}-{key[:24]}.pickle"
            try:
                with open(path, "rb") as fh:
                    return pickle.load(fh)
            except FileNotFoundError:
                pass
            except Exception:  # noqa: BLE001 - a damaged file is derived again
                log.debug("derived table %s unreadable; rebuilding", path)
            value = func(*args)
            try:
                folder.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=folder, prefix=".derived-", suffix=".tmp")
                try:
                    with os.fdopen(fd, "wb") as fh:
                        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
                    os.replace(tmp, path)  # atomic: concurrent runs never read a half-written file
                except BaseException:
                    Path(tmp).unlink(missing_ok=True)
                    raise
            except (OSError, pickle.PicklingError, TypeError, AttributeError):
                log.debug("derived table %s not writable", path)
            return value

        wrapper.uncached = func  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return deco
