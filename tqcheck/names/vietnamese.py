"""Vietnamese spelling: is a word a possible Vietnamese syllable?

Used to tell Vietnamese words from foreign names and romanised Chinese inside Vietnamese text.
The check works on the toneless, mark-stripped form (so it accepts a little more than real
Vietnamese spelling), with the orthographic rules that make pinyin stand out: no f/j/w/z, ``k``
only before e/i/y, ``c`` never before them, ``gh``/``ngh`` only before e/i, no ``-ing``, ``-ou``,
``-ei``, ``-ian``, ``-iao``, ``-uo`` rhymes.
"""
from __future__ import annotations

import re

from .text import strip_marks

_ONSETS = ("ngh", "ng", "nh", "ch", "tr", "th", "ph", "kh", "gh", "gi", "qu", "b", "c", "d", "g", "h", "k", "l",
           "m", "n", "p", "r", "s", "t", "v", "x", "")
# Rhymes without a final consonant (toneless, marks stripped: ê->e, ô/ơ->o, ư->u, ă/â->a).
_OPEN = {"a", "e", "i", "o", "u", "y", "ai", "ao", "au", "ay", "eo", "eu", "ia", "iu", "oa", "oe", "oi", "ua", "ue",
         "ui", "uu", "uy", "ieu", "yeu", "oai", "oay", "oeo", "uay", "uoi", "uou", "uya", "uyu", "uo"}
_NUCLEI_CLOSED = {"a", "e", "i", "o", "u", "y", "ie", "ye", "uo", "oa", "oe", "ua", "ue", "uy", "uye", "oo"}
_CODAS = ("ch", "nh", "ng", "c", "m", "n", "p", "t")
_CH_NH_AFTER = {"a", "e", "i", "y", "oa", "ue", "uy"}
_VI_ONLY = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0309\u0303\u0323]")  # letters/marks pinyin never uses
_PINYIN_ONLY = re.compile("[\u0304\u030cüÜ]")  # macron, caron, ü


def _rhyme_ok(rhyme: str) -> bool:
    if rhyme in _OPEN:
        return True
    for coda in _CODAS:
        if rhyme.endswith(coda) and len(rhyme) > len(coda):
            nucleus = rhyme[: -len(coda)]
            if nucleus not in _NUCLEI_CLOSED:
                continue
            if coda in ("ch", "nh") and nucleus not in _CH_NH_AFTER:
                continue
            if coda in ("ng", "c") and nucleus in {"i", "y", "ue", "uy"}:
                continue
            return True
    return False


def is_vi_syllable(word: str) -> bool:
    """True when ``word`` could be one Vietnamese syllable ('Bình', 'nghiêng', 'Quang'; not 'Ping', 'Fan')."""
    import unicodedata

    nfd = unicodedata.normalize("NFD", word)
    if _PINYIN_ONLY.search(nfd) or _PINYIN_ONLY.search(word):
        return False
    w = strip_marks(word).lower()
    if not w.isalpha() or not w.isascii() or re.search(r"[fjwz]", w):
        return False
    for onset in _ONSETS:
        if not w.startswith(onset):
            continue
        rhyme = w[len(onset):]
        if onset == "gi" and rhyme == "":
            return True
        if not rhyme or not _rhyme_ok(rhyme):
            continue
        first = rhyme[0]
        if onset == "k" and first not in "eiy":
            continue
        if onset in ("c", "g", "ng") and first in "eiy" and not (onset == "g" and rhyme.startswith("i")):
            continue
        if onset in ("gh", "ngh") and first not in "ei":
            continue
        if onset == "qu" and first == "u":
            continue
        if rhyme == "uo" and onset not in ("th", "h"):
            continue  # "thuở", "huơ"; pinyin "guo", "duo", "zuo"
        if onset in ("g", "gh") and rhyme.startswith("ua") and len(rhyme) > 2:
            continue  # pinyin "guang", "guan"
        return True
    return False


def has_vietnamese_marks(word: str) -> bool:
    """Letters or tone marks found in Vietnamese but never in pinyin (ă â đ ê ô ơ ư, hook, tilde, dot below)."""
    import unicodedata

    return bool(_VI_ONLY.search(unicodedata.normalize("NFD", word)) or _VI_ONLY.search(word))


def is_vietnamese_word(word: str) -> bool:
    """Every hyphen-separated part is a Vietnamese syllable ('Bình', 'Á-Âu', 'Mát-xcơ-va' is not: 'xcơ')."""
    return all(is_vi_syllable(p) for p in re.split(r"[-‐‑]", word) if p)
