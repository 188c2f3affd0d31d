"""Input limits: what one run accepts, so that no single file can hang a CI job or exhaust its memory.

Three limits, each a :class:`~tqcheck.config.Config` setting (``[tool.tqcheck]`` ``max-file-size``,
``max-sentence-chars``, ``max-sentences``) and a ``tqcheck check`` option of the same name:

* **file size** (bytes, per input file): a larger file is refused before it is read;
* **sentence length** (characters): a longer "sentence" (a line without sentence punctuation, a table dump)
  is cut, after segmentation, at clause punctuation or else whitespace into pieces of at most this many
  characters, each with its own offsets, line and column; a piece with neither is cut hard;
* **sentences per document**: a document with more sentences (after cutting) is refused.

Refusals are :class:`~tqcheck.errors.InputError` (exit 2, one line naming the file, the limit and how to raise
it). The defaults, and how they were measured, are in docs/ci.md ("Input limits").
"""
from __future__ import annotations

import os
import re
import unicodedata
from typing import Iterable, Iterator

from .errors import InputError
from .model import Segment

# Clause punctuation a long sentence is preferably cut after (Latin, CJK full-width, Arabic, Devanagari ...).
_CLAUSE = re.compile(r"[,;:\u060c\u061b\u3001\uff0c\uff1b\uff1a\u0964\u0965\u2013\u2014)\]]")


def _human(n: int) -> str:
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} bytes"


def check_file_size(path: str, limit: int | None) -> None:
    """Refuse a file larger than ``limit`` bytes (None: no limit), before reading it."""
    if not limit:
        return
    try:
        size = os.stat(path).st_size
    except OSError:
        return  # missing or unreadable: the reader reports it
    if size > limit:
        raise InputError(f"{path}: {_human(size)} is over the file size limit of {_human(limit)} "
                         f"(raise it with --max-file-size BYTES or max-file-size in [tool.tqcheck])")


def check_sentence_count(path: str, n: int, limit: int | None) -> None:
    """Refuse a document of more than ``limit`` sentences (None: no limit)."""
    if limit and n > limit:
        raise InputError(f"{path}: {n} sentences is over the limit of {limit} per document (split the document, "
                         f"or raise it with --max-sentences N or max-sentences in [tool.tqcheck])")


def cut_points(text: str, limit: int) -> list[int]:
    """Offsets at which ``text`` is cut so that no piece is longer than ``limit`` characters.

    Each cut falls after the last clause punctuation mark (followed by a space or not, for scripts without
    spaces) in the window, else at the last whitespace, else at ``limit`` characters (never inside a
    combining sequence)."""
    cuts: list[int] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit + 1]
        cut = _last(_CLAUSE, window, limit // 3)
        if cut is None:
            ws = max((m.end() for m in re.finditer(r"\s+", window) if limit // 3 <= m.start() < limit), default=None)
            cut = ws
        if cut is None:
            cut = limit
            while cut > 1 and unicodedata.combining(window[cut]):
                cut -= 1
        cuts.append(start + cut)
        start += cut
    return cuts


def _last(pattern: re.Pattern[str], window: str, floor: int) -> int | None:
    best = None
    for m in pattern.finditer(window, floor):
        if m.end() < len(window):
            best = m.end()
    return best


def split_long(segments: Iterable[Segment], raw: str, limit: int | None) -> list[Segment]:
    """``segments`` with every one longer than ``limit`` characters cut into pieces (see :func:`cut_points`);
    indices are renumbered, offsets, lines and columns point into ``raw``."""
    segs = list(segments)
    if not limit or all(len(s.text) <= limit for s in segs):
        return segs
    out: list[Segment] = []
    for seg in segs:
        pieces = [seg] if len(seg.text) <= limit else list(_pieces(seg, raw, limit))
        for p in pieces:
            out.append(Segment(len(out), p.text, p.start, p.end, p.line, p.col, p.lang, p.paragraph, p.unit_id))
    return out


def _pieces(seg: Segment, raw: str, limit: int) -> Iterator[Segment]:
    """The pieces of one long segment, cut in its raw text (so offsets stay exact), each NFC and stripped."""
    piece_raw = raw[seg.start:seg.end]
    bounds = [0, *cut_points(piece_raw, limit), len(piece_raw)]
    for a, b in zip(bounds, bounds[1:]):
        chunk = piece_raw[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        text = chunk.strip()
        if not text:
            continue
        start = seg.start + a + lead
        end = start + len(text)
        rel = a + lead  # line and column from the segment's own, counting only inside the segment
        breaks = piece_raw.count("\n", 0, rel)
        line = seg.line + breaks
        col = seg.col + rel if not breaks else rel - piece_raw.rfind("\n", 0, rel)
        # NFC of the raw piece, as segment() builds Segment.text (NFC never lengthens text by more than a few
        # characters, so the limit holds to within those)
        yield Segment(0, unicodedata.normalize("NFC", text), start, end, line, col, seg.lang, seg.paragraph,
                      seg.unit_id)
