"""wordfreq's Zipf frequencies, read from an on-disk index instead of a whole word list per run.

wordfreq answers ``zipf_frequency(word, lang)`` from a dict of every word of the language's list, built on the
first call of each process (Russian: 713,000 words, about 1.2 CPU s; German 0.6, English 0.25) although a run
asks for a few hundred words. Here each list is written once (per wordfreq version) into a sqlite table of
word -> frequency bucket under the tqcheck cache folder, and wordfreq's own ``zipf_frequency`` runs with that
table standing in for the dict: wordfreq's tokenizer, digit handling and rounding are unchanged, and each
word's frequency is computed from its bucket by wordfreq's ``cB_to_freq`` as wordfreq builds its dict, so the
numbers are the same. A cache folder that cannot be written, or a damaged index, falls back to wordfreq's dict.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import math
import os
import sqlite3
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Iterator

# wordfreq is a core dependency (it was the optional ``names`` extra); the name rules catch the ImportError of a
# broken install
import wordfreq

from .text import base_lang

log = logging.getLogger(__name__)

FORMAT = 1
_LOCK = threading.Lock()
_MAPS: dict[tuple[str, str], Any] = {}
_INSTALLED = False
_ORIGINAL: Any = None  # wordfreq's own get_frequency_dict


def zipf_frequency(word: str, lang: str) -> float:
    """wordfreq's ``zipf_frequency(word, lang)`` (raises what it raises), and LookupError for a language wordfreq
    has no list of: wordfreq itself would answer from its nearest language ("az" from Russian) and log a warning
    that reaches the user's terminal."""
    if not _available(lang):
        raise LookupError(f"wordfreq has no word list for {lang!r}")
    _install()
    return wordfreq.zipf_frequency(word, lang)


_CLOSE = 10  # langcodes' distance within which wordfreq's list of another code is the same language's (hr, sr,
# bs -> sh: 5-9; no -> nb: 1); Kazakh -> Russian is 34, Azerbaijani -> Russian 44


@functools.lru_cache(maxsize=64)
def _available(lang: str) -> bool:
    if lang in _LANGUAGES or base_lang(lang) in _LANGUAGES:
        return True
    try:
        import langcodes  # (a dependency of wordfreq)

        return langcodes.closest_match(lang, sorted(_LANGUAGES), max_distance=_CLOSE)[1] <= _CLOSE
    except Exception:  # noqa: BLE001 - a malformed tag: no list
        return False


_LANGUAGES = frozenset(wordfreq.available_languages())


def listed(word: str, lang: str) -> bool:
    """``word`` is an entry of wordfreq's list for ``lang`` as it is, without wordfreq's tokenizer (which Chinese
    and Japanese would need MeCab or jieba for). Raises LookupError for a language wordfreq has no list of."""
    return word in _table(lang)


def listed_zipf(word: str, lang: str) -> float:
    """The Zipf frequency of ``word`` as an entry of wordfreq's list for ``lang`` (as :func:`listed` finds it,
    without the tokenizer), 0.0 where the list does not hold it. Raises LookupError as :func:`listed` does."""
    table = _table(lang)
    return round(math.log10(table[word]) + 9, 2) if word in table else 0.0


def _table(lang: str) -> Mapping[str, float]:
    """wordfreq's frequency list for ``lang`` (the on-disk index); LookupError for a language it has no list of."""
    if not _available(lang):
        raise LookupError(f"wordfreq has no word list for {lang!r}")
    _install()
    return wordfreq.get_frequency_dict(lang)


def _install() -> None:
    """wordfreq's ``get_frequency_dict`` (which its ``_word_frequency`` looks up by name on each call) answered
    from the on-disk index; every other wordfreq function is untouched."""
    global _INSTALLED
    if _INSTALLED or os.environ.get("TQCHECK_NO_TABLE_CACHE") == "1":
        return
    global _ORIGINAL
    original = _ORIGINAL = wordfreq.get_frequency_dict

    def get_frequency_dict(lang: str, wordlist: str = "best", match_cutoff: None = None) -> Mapping[str, float]:
        if match_cutoff is not None:
            return original(lang, wordlist, match_cutoff)
        key = (lang, wordlist)
        with _LOCK:
            if key not in _MAPS:
                index = _index(original, lang, wordlist)  # (not `or`: truth would count the words)
                _MAPS[key] = index if index is not None else original(lang, wordlist)
            return _MAPS[key]

    wordfreq.get_frequency_dict = get_frequency_dict
    _INSTALLED = True


class _Indexed(Mapping):
    """word -> frequency, one sqlite look-up a word (what wordfreq's dict holds: ``cB_to_freq(-bucket)``)."""

    def __init__(self, path: Path, to_freq: Any, full: Any) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._to_freq = to_freq
        self._full = full  # wordfreq's own dict, for iteration (wordfreq's look-ups never iterate)
        self._lock = threading.Lock()

    def _bucket(self, word: str) -> int | None:
        with self._lock:
            row = self._db.execute("SELECT b FROM f WHERE w = ?", (word,)).fetchone()
        return None if row is None else row[0]

    def __getitem__(self, word: str) -> float:
        b = self._bucket(word) if isinstance(word, str) else None
        if b is None:
            raise KeyError(word)
        return self._to_freq(-b)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._bucket(word) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._full())

    def __len__(self) -> int:
        return len(self._full())


def _index(original: Any, lang: str, wordlist: str) -> _Indexed | None:
    """The index of one word list, built on first use; None where it cannot be built or read."""
    from ..cache import cache_dir

    version = _version()
    name = hashlib.sha1(f"{lang}|{wordlist}|{version}|{FORMAT}".encode()).hexdigest()[:16]
    try:
        folder = cache_dir()
        path = folder / f"table-wordfreq-{name}.sqlite3"
        if not path.exists():
            pack = wordfreq.get_frequency_list(lang, wordlist)  # (LookupError for an unknown language: raised)
            _build(path, folder, pack)
            wordfreq.get_frequency_list.cache_clear()  # the lists are large; the index is what is read now
        index = _Indexed(path, wordfreq.cB_to_freq, lambda: original(lang, wordlist))
        index._bucket("")  # a file that is no index fails here, not inside wordfreq
        return index
    except (OSError, sqlite3.Error) as exc:
        log.debug("wordfreq index for %s not usable (%s); using wordfreq's dict", lang, exc)
        return None


def _build(path: Path, folder: Path, pack: list[list[str]]) -> None:
    buckets: dict[str, int] = {}
    for index, bucket in enumerate(pack):
        for word in bucket:
            buckets[word] = index  # a later (rarer) bucket wins, as in wordfreq's dict
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".wordfreq-", suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.execute("CREATE TABLE f (w TEXT PRIMARY KEY, b INTEGER) WITHOUT ROWID")
        db.executemany("INSERT INTO f VALUES (?, ?)", buckets.items())
        db.commit()
        db.close()
        os.replace(tmp, path)  # atomic: a concurrent run reads a whole index or none
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("wordfreq")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "?"
