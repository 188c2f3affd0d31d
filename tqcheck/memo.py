"""Memoising functions of texts without keeping whole documents alive.

``functools.lru_cache(maxsize=65536)`` on a function of a sentence is bounded in practice; the same cache on a
function that is sometimes given a whole document (a translation-memory shard joined is 100-300 kB, its tokens
megabytes) keeps thousands of documents alive in a long-lived worker: a 200,000-unit run grew each worker by
about 8 MiB a shard. :func:`text_cache` keeps two caches: calls whose string arguments are short (sentences,
names, words) in the large one, and the rest (documents) in a small one, so repeated look-ups of the current
document stay cached while memory stays bounded by ``long_maxsize`` documents.
"""
from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

LONG = 2_000  # characters of string arguments above which a call counts as a document


def text_cache(maxsize: int, long_maxsize: int = 8) -> Callable[[F], F]:
    """``lru_cache(maxsize)`` for calls whose string arguments total at most :data:`LONG` characters, and
    ``lru_cache(long_maxsize)`` for longer ones. The wrapper has ``cache_clear`` and ``cache_info`` (of the
    short cache) like an ``lru_cache`` function."""
    def deco(func: F) -> F:
        short = functools.lru_cache(maxsize=maxsize)(func)
        long = functools.lru_cache(maxsize=long_maxsize)(func)

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            size = 0
            for a in args:  # a plain loop: this runs a few hundred thousand times a document
                if isinstance(a, str):
                    size += len(a)
            if kwargs:
                for v in kwargs.values():
                    if isinstance(v, str):
                        size += len(v)
            return (short if size <= LONG else long)(*args, **kwargs)

        def cache_clear() -> None:
            short.cache_clear()
            long.cache_clear()
            inner = getattr(func, "cache_clear", None)  # a cache under this one (tqcheck.textmemo)
            if inner is not None:
                inner()

        wrapper.cache_clear = cache_clear  # type: ignore[attr-defined]
        wrapper.cache_info = short.cache_info  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return deco
