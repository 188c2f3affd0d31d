"""NFC normalisation that remembers where every character came from.

Checks read NFC text; reports point into the file's own decoded text. :func:`nfc_offsets`
returns both the NFC string and, for every NFC position, the raw position it came from, so
an NFC span ``[s, e)`` is the raw span ``[offsets[s], offsets[e])``.
"""
from __future__ import annotations

import bisect
import functools
import re
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


@functools.lru_cache(maxsize=1)
def _changing_chunk() -> re.Pattern[str]:
    """A base character followed by marks (or glue), or a lone character NFC rewrites (U+212B)."""
    marks = set(_composes_with_previous())
    alone = set()
    for cp in range(0x30000):
        ch = chr(cp)
        if unicodedata.combining(ch):
            marks.add(ch)
        if unicodedata.decomposition(ch) and unicodedata.normalize("NFC", ch) != ch:
            alone.add(ch)
    return re.compile(f"(?s:.)[{_char_class(marks)}]+|[{_char_class(alone)}]")


def _char_class(chars: set[str]) -> str:
    cps = sorted(ord(c) for c in chars)
    parts = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
        parts.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "".join(parts)


def nfc_offsets(raw: str) -> tuple[str, list[int]]:
    """Return ``(nfc, offsets)``; ``offsets[i]`` is the raw index of NFC character ``i``.

    ``offsets`` has ``len(nfc) + 1`` entries (the last is ``len(raw)``), so an NFC span
    ``[s, e)`` maps to the raw span ``[offsets[s], offsets[e])``. The text is cut into chunks
    at characters NFC can never merge with what precedes them; each chunk is normalised on its
    own, so the result equals ``unicodedata.normalize("NFC", raw)``. Every NFC character of a
    chunk maps to the chunk's first raw position (use :func:`raw_span` to round a span outward).
    Linear: only the chunks that NFC changes are visited one by one.
    """
    if unicodedata.is_normalized("NFC", raw):
        return raw, list(range(len(raw) + 1))
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _changing_chunk().finditer(raw):
        i, j = m.span()
        if i > pos:
            out.append(raw[pos:i])
            offsets.extend(range(pos, i))
        chunk = unicodedata.normalize("NFC", m.group())
        out.append(chunk)
        offsets.extend([i] * len(chunk))
        pos = j
    out.append(raw[pos:])
    offsets.extend(range(pos, len(raw) + 1))
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


class LineIndex:
    """1-based line numbers of offsets into ``raw``, by binary search over the line starts (found once): a file
    of many units or rows is not counted again from its start for each of them."""

    def __init__(self, raw: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", raw)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)
