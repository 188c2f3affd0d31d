"""Script-aware tokens and lengths for the surface checks (repeats, truncation, length ratios, copies).

Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar) have no word
boundaries a regular expression can see: a run of Chinese text is one ``\\w+`` match however long
it is. Here every character of such a script is a token of its own, while letters, digits and
marks of other scripts keep forming words. Lengths count characters without whitespace, so that a
ratio between a spaced and an unspaced language is not inflated by the spaces of one side.
"""
from __future__ import annotations

import re
import unicodedata

from .memo import text_cache


def _mark_ranges(lo: int = 0x300, hi: int = 0x10000) -> str:
    """A character class body of every combining mark (Unicode category M) in the Basic Multilingual Plane,
    from Python's own Unicode database, as ranges. Python's ``\\w`` leaves marks out, which cuts a word of an
    abugida (Devanagari प्रधानमंत्री, Bengali, Tamil, Thai vowel signs) or a decomposed accent (e + U+0301) into
    pieces at every vowel sign or virama. About 8 ms, once per process."""
    out, start, prev = [], None, None
    for c in range(lo, hi):
        if unicodedata.category(chr(c))[0] == "M":
            if start is None:
                start = c
            prev = c
        elif start is not None:
            out.append(chr(start) if start == prev else f"{chr(start)}-{chr(prev)}")
            start = None
    if start is not None:
        out.append(chr(start) if start == prev else f"{chr(start)}-{chr(prev)}")
    return "".join(out)


MARKS = _mark_ranges()
# a letter or a combining mark (a vowel sign, a virama, an accent): what a word of any script is made of
LETTER = f"(?:[^\\W\\d_]|[{MARKS}])"
WORD_CHAR = f"(?:\\w|[{MARKS}])"  # a letter, digit, underscore or mark

# Unicode blocks of the scripts written without spaces between words (Hangul is spaced).
SEA_CLASS = (  # the unspaced scripts of South-East Asia
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
)
UNSPACED_CLASS = SEA_CLASS + (
    "\u3005\u3007"  # ideographic iteration and zero marks
    "\u3040-\u30ff"  # hiragana, katakana
    "\u31f0-\u31ff"  # katakana phonetic extensions
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\uff66-\uff9f"  # half-width katakana
    "\U00020000-\U0003134f"  # Han extensions
)
GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")  # the Greek and Greek Extended blocks


def strip_marks(text: str) -> str:
    """``text`` without its combining marks (accents, diaeresis), recomposed."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text)
                                                if not unicodedata.combining(c)))


UNSPACED = re.compile(f"[{UNSPACED_CLASS}]")
KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
# A token: one character of an unspaced script, or a word of any other script (letters, digits and
# marks, with inner hyphens and apostrophes).
TOKEN = re.compile(
    f"[{UNSPACED_CLASS}]|(?:(?![{UNSPACED_CLASS}]){WORD_CHAR})+(?:[-'’](?:(?![{UNSPACED_CLASS}]){WORD_CHAR})+)*")
_SPACE = re.compile(r"\s+")
CHARS_PER_WORD = 2.0  # characters of an unspaced script that count as one word (Chinese words average ~1.7)


def tokens(text: str) -> list[re.Match]:
    """Tokens of ``text`` as matches (spans into ``text``)."""
    return list(TOKEN.finditer(text))


def has_unspaced(text: str) -> bool:
    return UNSPACED.search(text) is not None


def unspaced_share(text: str) -> float:
    """Share of the letters of ``text`` that belong to unspaced scripts."""
    letters = sum(1 for c in text if c.isalpha())
    return len(UNSPACED.findall(text)) / letters if letters else 0.0


def length(text: str) -> int:
    """Characters without whitespace."""
    return len(_SPACE.sub("", text))


def words(text: str) -> list[str]:
    """Words with at least one letter; a run of an unspaced script is cut into pieces of
    ``CHARS_PER_WORD`` characters, so counts of words are comparable across scripts."""
    return list(_words(text))


@text_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    out: list[str] = []
    run = ""
    for m in TOKEN.finditer(text):
        w = m.group(0)
        if len(w) == 1 and UNSPACED.match(w):
            run += w
            if len(run) >= CHARS_PER_WORD:
                out.append(run)
                run = ""
            continue
        if run:
            out.append(run)
            run = ""
        if w[:1].isalpha() or any(c.isalpha() for c in w):  # (most words begin with a letter)
            out.append(w)
    if run:
        out.append(run)
    return tuple(out)


_HEBREW_LETTER = re.compile("[\u05d0-\u05ea]")


def in_word_quote(text: str, i: int) -> bool:
    """The straight double quote at ``i`` stands inside a word, not around a quotation: between two letters of a
    cased script (an apostrophe typed with the wrong key: "jusqu"à", "l"Etat") or of Hebrew (the gershayim of
    abbreviations and acronyms: האו"ם, צה"ל). Not between two letters of a script without spaces, where a
    quotation opens right after a word (他说"我们")."""
    if not (0 < i < len(text) - 1 and text[i] == '"'):
        return False
    a, b = text[i - 1], text[i + 1]
    return (a.isupper() or a.islower()) and (b.isupper() or b.islower()) \
        or bool(_HEBREW_LETTER.match(a) and _HEBREW_LETTER.match(b))
