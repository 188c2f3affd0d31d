"""Text decoded with the wrong character encoding ("mojibake"), and the text it should have been.

Two kinds are recognised, both only where re-reading the bytes gives a confident answer:

- UTF-8 read as Windows-1252 or Latin-1 ("cafÃ©" for "café", "â€”" for "—"): ftfy (a dependency of
  wordfreq) decides, with its own badness heuristic, and gives the repaired text.
- A single-byte legacy code page read as Windows-1252 or Latin-1 ("Ïðèâåò" for "Привет": Windows-1251 bytes
  shown as Latin-1). ftfy does not undo these. A run of Latin-1 letters is garbled when encoding it back to
  bytes and decoding those with one of Python's single-byte Windows or KOI8 code pages gives only letters of
  the script the language is written in (its profile's ISO 15924 code, matched with the ``regex`` module's
  Unicode script property), and that script is not Latin (a Latin text re-read as another Latin code page is
  ambiguous: "dìti" may be Czech "děti" or an Italian word).
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

import regex

# Python's single-byte code pages for scripts other than Latin (the Windows ones, then KOI8 and Mac Cyrillic)
_CODE_PAGES = ("cp1251", "cp1253", "cp1255", "cp1256", "cp874", "koi8_r", "koi8_u", "mac_cyrillic")
_READ_AS = ("cp1252", "latin-1")  # how the bytes were wrongly shown
# a run of letters and upper-half Latin-1 characters (code pages put letters at "÷", "³", "×")
_RUN = re.compile(r"[^\x00-\x40\x5b-\x60\x7b-\x7f\s\u2000-\u206f]+")
_MIN_LETTERS = 4  # letters a run needs before it is judged (short runs are names, "Ôtez", "Éric")


@dataclass(frozen=True)
class Garbled:
    """A garbled stretch of ``text``: ``start``..``end``, the repaired ``fixed`` text, ``share``, the part of
    the text's letters inside garbled words (0..1), and ``letters``, how many they are."""

    start: int
    end: int
    fixed: str
    share: float
    how: str  # "utf-8 read as cp1252" / "cp1251 read as cp1252"
    letters: int = 0  # garbled letters


@functools.lru_cache(maxsize=32)
def _letters_of(script: str) -> regex.Pattern[str] | None:
    """Letters of an ISO 15924 script ("Cyrl", "Grek"), or None for a code the ``regex`` module lacks."""
    try:
        return regex.compile(rf"\p{{Script={script}}}")
    except regex.error:
        return None


def _latin1_run(word: str) -> bool:
    """A word of Windows-1252 characters, most of its letters from the upper half (À-ÿ), as legacy code pages
    produce."""
    letters = [c for c in word if c.isalpha()]
    high = sum(1 for c in letters if "\u00c0" <= c <= "\u00ff")
    return len(letters) >= _MIN_LETTERS and high * 2 > len(letters) and all(
        c.isascii() or "\u00a0" <= c <= "\u00ff" or c in _CP1252_HIGH for c in word)


_CP1252_HIGH = bytes(range(0x80, 0xa0)).decode("cp1252", errors="ignore")  # "€‚ƒ„…†‡ˆ‰Š‹ŒŽ''""•–—˜™š›œžŸ"


def _sound(word: str) -> bool:
    """A word of letters only (a wrong code page puts symbols inside words: "пр€мом"), written lower-case or
    capitalised (a wrong one scrambles the case, "лПОГЕТФ" for KOI8-R read as Windows-1251, or writes every
    letter in capitals, "ФТБОУМЙТП")."""
    core = word.strip("'’-")
    return core.replace("-", "").replace("'", "").replace("’", "").isalpha() and (
        core.islower() or (core[0].isupper() and core[1:].islower()))


@functools.lru_cache(maxsize=4096)
def _redecoded(word: str, script: str) -> tuple[tuple[str, str], ...]:
    """``word`` read back through each code page that gives ``script`` letters only: (text, how) pairs."""
    found = []
    for shown in _READ_AS:
        try:
            raw = word.encode(shown)
        except UnicodeEncodeError:
            continue
        for cp in _CODE_PAGES:
            try:
                out = raw.decode(cp)
            except UnicodeDecodeError:
                continue
            if _in_script(out, script):
                found.append((out, f"{cp} read as {shown}"))
    return tuple(found)


def _in_script(text: str, script: str) -> bool:
    """Every letter of ``text`` outside ASCII is of ``script``, and it has one at least."""
    pat = _letters_of(script)
    letters = [c for c in text if c.isalpha() and not c.isascii()]
    return bool(letters) and pat is not None and all(pat.match(c) for c in letters)


def find(text: str, script: str) -> Garbled | None:
    """The garbled stretch of ``text`` (a sentence) in a language written in ``script`` (ISO 15924), or None."""
    letters = sum(1 for c in text if c.isalpha())
    if not letters:
        return None
    utf8 = _utf8_mojibake(text)
    single = _single_byte(text, script, letters)
    if single is not None and (utf8 is None or single.share >= utf8.share):
        return single  # ("Â " is UTF-8's no-break space to ftfy, but "В " in Windows-1251 text)
    return utf8


def _single_byte(text: str, script: str, letters: int) -> Garbled | None:
    """A legacy single-byte code page of ``script`` shown as Windows-1252 or Latin-1."""
    if not script or script == "Latn" or _letters_of(script) is None:
        return None
    runs = [(m, _redecoded(m.group(0), script)) for m in _RUN.finditer(text) if _latin1_run(m.group(0))]
    runs = [(m, dict((h, out) for out, h in back)) for m, back in runs if back]
    if not runs:
        return None
    # the code page that reads the most runs back into sound words (KOI8-R read as Windows-1251 is Cyrillic
    # too, in scrambled case)
    score: Counter[str] = Counter()
    for _, back in runs:
        for h, out in back.items():
            score[h] += 1 + _sound(out)
    how = max(score, key=lambda h: (score[h], -list(score).index(h)))
    hits = [(m, back[how]) for m, back in runs if how in back]
    garbled = sum(sum(1 for c in m.group(0) if c.isalpha()) for m, _ in hits)
    start, end = hits[0][0].start(), hits[-1][0].end()
    cp, shown = how.split(" read as ")
    share = garbled / letters
    if share >= 0.5:  # most of the sentence: the whole of it read back, its one-letter words too ("Η", "в")
        try:
            whole = text.encode(shown).decode(cp)
        except (UnicodeEncodeError, UnicodeDecodeError):
            whole = ""
        if whole and _in_script(whole, script):
            lead = len(text) - len(text.lstrip())
            tail = len(text.rstrip(" .!?;:,\"'»)"))
            return Garbled(lead, tail, whole[lead:tail], share, how, garbled)
    try:  # the stretch from the first garbled run to the last, read back (its short words too: "â" is "в")
        fixed = text[start:end].encode(shown).decode(cp)
    except (UnicodeEncodeError, UnicodeDecodeError):
        fixed = ""
    if not _in_script(fixed, script):  # (the stretch holds text of the right script: each run alone)
        fixed = text[start:end]
        for m, back in reversed(hits):
            fixed = fixed[:m.start() - start] + back + fixed[m.end() - start:]
    return Garbled(start, end, fixed, share, how, garbled)


def _utf8_mojibake(text: str) -> Garbled | None:
    """UTF-8 shown as Windows-1252 or Latin-1, which ftfy finds and repairs."""
    try:
        import ftfy
        from ftfy.badness import is_bad
    except ImportError:  # ftfy comes with wordfreq, a dependency; without it this kind is not looked for
        return None
    if not is_bad(text):
        return None
    fixed = ftfy.fix_encoding(text)
    if fixed == text:
        return None
    # the changed stretch: the common prefix and suffix of the two texts left out
    a = 0
    while a < min(len(text), len(fixed)) and text[a] == fixed[a]:
        a += 1
    b = 0
    while b < min(len(text), len(fixed)) - a and text[-1 - b] == fixed[-1 - b]:
        b += 1
    letters = sum(1 for c in text if c.isalpha())
    # the letters of the words ftfy changes ("CafÃ©": four; "100Â" before a no-break space: one)
    changed = sum(sum(1 for c in w if c.isalpha()) for w in text.split() if ftfy.fix_encoding(w) != w)
    return Garbled(a, len(text) - b, fixed[a:len(fixed) - b], changed / letters if letters else 0.0,
                   "utf-8 read as cp1252", changed)
