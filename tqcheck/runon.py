"""Sentence boundaries that punctuation does not mark: a run-on text (subtitles or a transcript joined without
full stops: "... rất nhanh Bằng khoảng 20 feet ...").

The segmenter only ends a sentence at sentence-final punctuation, so a translation that drops its full stops
comes out as a few very long "sentences", each the translation of many source sentences. No bead can hold
them, and every source sentence left over would be reported as omitted.

When one side of a pair has clearly fewer sentences than the other (under :data:`MIN_RATIO` of them), a
sentence of that side is cut before a capitalised word that directly follows a lower-case word or a figure
(with at most a comma between), is followed by a lower-case word and then not by a capitalised one, and that the same document writes in lower
case at least twice and at least as often as it writes it capitalised after a lower-case word: a common word
that only a sentence start capitalises ("Đây", "Chúng", "Die"), not a name ("Nam", "Bank of England" where the
document never writes "bank"). Scripts without letter case are never cut. Each piece keeps at least
:data:`MIN_WORDS` words.

Evidence, not a table: the only knowledge used is the document's own capitalisation, so it works in any cased
script (Latin, Cyrillic, Greek, Armenian).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .model import Document, Segment

MIN_RATIO = 0.8  # a side with fewer than this share of the other side's sentences may be run-on
MIN_WORDS = 3  # each piece keeps at least this many words
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")
_JOIN = re.compile(r",?\s+")


def _title(w: str) -> bool:
    return w[0].isupper() and (len(w) == 1 or w[1:].islower())


def _joined(text: str, prev: re.Match[str], cur: re.Match[str]) -> bool:
    """The two words stand together in a clause: only spaces (or a comma) between, after a lower-case word
    or a figure."""
    first = prev.group()[0]
    return bool(_JOIN.fullmatch(text, prev.end(), cur.start())) and (first.islower() or first.isdigit())


def cuts(segments: Sequence[Segment]) -> dict[int, list[int]]:
    """``{segment index: [offsets in its text where a new sentence starts]}`` by the rule above (no ratio
    test: see :func:`resplit`)."""
    words = [list(_WORD.finditer(s.text)) for s in segments]
    lower: Counter[str] = Counter()
    mid: Counter[str] = Counter()
    for seg, ws in zip(segments, words):
        for k, m in enumerate(ws):
            w = m.group()
            if w[0].islower():
                lower[w.casefold()] += 1
            elif k and _title(w) and _joined(seg.text, ws[k - 1], m):
                mid[w.casefold()] += 1
    out: dict[int, list[int]] = {}
    for seg, ws in zip(segments, words):
        last = 0  # word index where the current piece starts
        for k in range(MIN_WORDS, len(ws) - MIN_WORDS + 1):
            m = ws[k]
            w = m.group()
            if k - last < MIN_WORDS or not _title(w) or not ws[k + 1].group()[0].islower():
                continue
            if k + 2 < len(ws) and ws[k + 2].group()[0].isupper():  # "Đại học Alaska": a name's first words
                continue
            key = w.casefold()
            if lower[key] >= 2 and lower[key] >= mid[key] and _joined(seg.text, ws[k - 1], m):
                out.setdefault(seg.index, []).append(m.start())
                last = k
    return out


def _split(doc: Document, at: dict[int, list[int]]) -> Document:
    segs: list[Segment] = []
    for seg in doc.segments:
        offsets = at.get(seg.index)
        if not offsets or doc.raw[seg.start:seg.end] != seg.text:  # cut only where text and file agree
            segs.append(replace(seg, index=len(segs)))
            continue
        bounds = [0, *offsets, len(seg.text)]
        for a, b in zip(bounds, bounds[1:]):
            piece = seg.text[a:b].rstrip()
            segs.append(replace(seg, index=len(segs), text=piece, start=seg.start + a,
                                end=seg.start + a + len(piece), col=seg.col + a))
    return replace(doc, segments=tuple(segs))


def resplit(source: Document, target: Document) -> tuple[Document, Document]:
    """The pair with the run-on side's sentences cut (see the module docstring); unchanged when both sides
    have about as many sentences, or nothing qualifies."""
    ns, nt = len(source.segments), len(target.segments)
    if nt < MIN_RATIO * ns:
        at = cuts(target.segments)
        if at:
            target = _split(target, at)
    elif ns < MIN_RATIO * nt:
        at = cuts(source.segments)
        if at:
            source = _split(source, at)
    return source, target
