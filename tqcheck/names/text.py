"""Text helpers shared by the name and term checks: folding, word tokens, capitalisation."""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from ..memo import text_cache
from ..surface import LETTER
from ..textmemo import persistent

# A word: letters (any script, with marks), joined by inner hyphens or apostrophes ("Ping-ming", "Xi'an").
WORD_RE = re.compile(f"{LETTER}+(?:[-'’]{LETTER}+)*")
_MARKS = re.compile(r"[\u0300-\u036f]")
_JOINERS = re.compile(r"[\s\-'’‐‑–.\"\u05f3\u05f4]+")  # (" ״ ׳: Hebrew's gershayim and geresh inside acronyms)
_PART_SPLIT = re.compile(r"[\s\-‐‑–]+")


@text_cache(maxsize=65536)
def strip_marks(text: str) -> str:
    """Remove diacritics (and map đ to d): 'Phạm Bình Minh' -> 'Pham Binh Minh'."""
    text = text.replace("đ", "d").replace("Đ", "D").replace("ı", "i")
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


@text_cache(maxsize=65536)
def fold(text: str) -> str:
    """Comparison key ignoring diacritics, case, hyphens and spacing: 'Fan Ping-ming' -> 'fanpingming'.

    Vietnamese writes i and y interchangeably in many syllables (Hy Lạp / Hi Lạp), so y folds to i.
    """
    return _JOINERS.sub("", strip_marks(text).casefold()).replace("y", "i")


def parts(text: str) -> list[str]:
    """Folded parts of a name, split on spaces and hyphens: 'Ping-ming' -> ['ping', 'ming']."""
    return list(_parts(text))


# an elided article or preposition glued to a word by an apostrophe (French, Italian, Catalan: l’ÖVP, d’Italia)
_ELISION = re.compile(r"^(?:[lLdDjJmMnNsStTcC]|[qQ]u)['’](?=\w)")


@text_cache(maxsize=65536)
def _parts(text: str) -> tuple[str, ...]:
    return tuple(p for p in (fold(_ELISION.sub("", x)) for x in _PART_SPLIT.split(text)) if p)


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class Token(NamedTuple):
    """A word and its offsets (a named tuple: a document's words are made by the ten thousand, and a frozen
    dataclass costs twice as much to make)."""

    text: str
    start: int
    end: int

    @property
    def cap(self) -> bool:
        return is_capitalised(self.text)


def tokens(text: str) -> list[Token]:
    return list(_tokens(text))


@text_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Token, ...]:
    return tuple(Token(m.group(0), m.start(), m.end()) for m in WORD_RE.finditer(text))


@functools.lru_cache(maxsize=64)
def clitic_re(lang: str) -> re.Pattern[str] | None:
    """One or two of the profile's ``numbers.clitics`` (the one-letter words Hebrew writes onto the next word:
    ו, ה, ב, כ, ל, מ, ש; "וב", "שה"), with a hyphen or maqaf after them, at the start of a word; None for a
    language without them."""
    from ..lang import profile

    clitics = profile(base_lang(lang)).section("numbers").get("clitics") or ()
    if not clitics:
        return None
    alt = "|".join(sorted((re.escape(c) for c in clitics), key=len, reverse=True))
    return re.compile(rf"(?:{alt}){{1,2}}[-\u05be]?")


_HEBREW_START = re.compile("[\u05d0-\u05ea]")


@functools.lru_cache(maxsize=16)
@persistent("names.folded_parts")  # a whole document's: kept on disk between runs (tqcheck.textmemo)
def folded_parts(text: str) -> tuple[tuple[str, ...], dict[str, tuple[int, ...]], dict[int, str]]:
    """The folded parts of every word of ``text`` in order, where each part occurs, and, for a part written with
    one-letter words on it (Hebrew's clitics, :func:`clitic_re`: "בירושלים", in Jerusalem), the part without
    them by its position (they are indexed under it too): computed once per text (a whole document is searched
    for many names)."""
    words = _tokens(text)
    folded = {w: _parts(w) for w in {t.text for t in words}}  # each distinct word folded once
    toks = tuple(p for t in words for p in folded[t.text])
    where: dict[str, list[int]] = {}
    bare: dict[int, str] = {}
    clitic = clitic_re("he") if _HEBREW_START.search(text) else None
    for i, p in enumerate(toks):
        where.setdefault(p, []).append(i)
        m = clitic.match(p) if clitic is not None else None
        if m and len(p) - m.end() >= 2:
            bare[i] = p[m.end():]
            where.setdefault(bare[i], []).append(i)
    return toks, {k: tuple(v) for k, v in where.items()}, bare


def base_lang(lang: str | None) -> str:
    return (lang or "").replace("_", "-").split("-")[0].lower()
