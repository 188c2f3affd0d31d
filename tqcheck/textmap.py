"""NFC normalisation that remembers where every character came from.

Checks read NFC text; reports point into the file's own decoded text. :func:`nfc_offsets`
returns both the NFC string and, for every NFC position, the raw position it came from, so
an NFC span ``[s, e)`` is the raw span ``[offsets[s], offsets[e])``.
"""
from __future__ import annotations

import functools
import unicodedata


@functools.lru_cache(maxsize=1)
def _composes_with_previous() -> frozenset[str]:
    """Starters (combining class 0) that NFC may still merge into the preceding character.

    These are the second halves of canonical pair decompositions (e.g. Bengali U+09BE) plus the
    Hangul medial vowels and final consonants, which compose algorithmically, and the few starters
    whose decomposition begins with a combining mark.
    """
    chars = {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}
    for cp in range(0x30000):
        ch = chr(cp)
        d = unicodedata.decomposition(ch)
        if d and unicodedata.combining(ch) == 0 and unicodedata.combining(unicodedata.normalize("NFD", ch)[0]):
            chars.add(ch)  # a starter whose decomposition begins with a mark (U+0F73) joins the reordering
        if d and d[0] != "<":
            parts = d.split()
            if len(parts) == 2:
                second = chr(int(parts[1], 16))
                if unicodedata.combining(second) == 0:
                    chars.add(second)
    return frozenset(chars)


def nfc_offsets(raw: str) -> tuple[str, list[int]]:
    """Return ``(nfc, offsets)``; ``offsets[i]`` is the raw index of NFC character ``i``.

    ``offsets`` has ``len(nfc) + 1`` entries (the last is ``len(raw)``), so an NFC span
    ``[s, e)`` maps to the raw span ``[offsets[s], offsets[e])``. The text is cut into chunks
    at characters NFC can never merge with what precedes them; each chunk is normalised on its
    own, so the result equals ``unicodedata.normalize("NFC", raw)``. Every NFC character of a
    chunk maps to the chunk's first raw position (use :func:`raw_span` to round a span outward).
    """
    if unicodedata.is_normalized("NFC", raw):
        return raw, list(range(len(raw) + 1))
    glue = _composes_with_previous()
    combining = unicodedata.combining
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(raw)
    while i < n:
        j = i + 1
        while j < n and (combining(raw[j]) or raw[j] in glue):
            j += 1
        chunk = raw[i:j]
        if j - i > 1 or not unicodedata.is_normalized("NFC", chunk):
            chunk = unicodedata.normalize("NFC", chunk)
        out.append(chunk)
        offsets.extend([i] * len(chunk))
        i = j
    offsets.append(n)
    return "".join(out), offsets


def raw_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """The raw span of NFC span ``[start, end)``, rounded outward to whole NFC characters.

    ``offsets`` is the list from :func:`nfc_offsets`. When ``end`` falls inside a chunk whose
    NFC form has several characters, the raw end moves to the end of that chunk, so the raw
    span never cuts a base letter from its combining marks.
    """
    last = len(offsets) - 1
    start = min(max(start, 0), last)
    end = min(max(end, start), last)
    s = offsets[start]
    if end == start:
        return s, s
    e = offsets[end]
    if e <= offsets[end - 1] and end < last:  # end is inside a chunk: move to the next chunk's start
        k = end
        while k < last and offsets[k] == offsets[end - 1]:
            k += 1
        e = offsets[k]
    return s, e


def to_nfc(raw: str) -> str:
    """The NFC form of ``raw`` (what :func:`nfc_offsets` returns first)."""
    return unicodedata.normalize("NFC", raw)
