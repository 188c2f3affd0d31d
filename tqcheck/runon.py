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

Some translations join their sentences with commas and lower case instead ("..., and then we ran, the river was
rising, ..."), and no capital marks the seams. When the side still has under :data:`CLAUSE_RATIO` of the
other side's sentences after the capital cuts (a stricter test than :data:`MIN_RATIO`: clean translations whose
sentence counts differ by a quarter, from quotations split on one side only, are left alone), each sentence at least :data:`CLAUSE_LONG` times the length one sentence
of the other side gets on average (this side's characters over the other side's sentence count) is cut at clause
punctuation (comma, semicolon, Arabic and CJK commas 、，；) outside quotes and brackets, into about as many pieces
as the sentences it stands for, each cut at the clause mark nearest an even share of its length. The aligner joins
pieces back into many-to-one beads, so no sentence of the other side is left orphaned; a sentence that is not
long is never cut, in any script.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .model import Document, Segment
from .surface import LETTER

MIN_RATIO = 0.8  # a side with fewer than this share of the other side's sentences may be run-on
MIN_WORDS = 3  # each piece keeps at least this many words
CLAUSE_RATIO = 0.6  # a side with fewer than this share of the other side's sentences may be comma-joined
CLAUSE_LONG = 1.8  # a sentence this many times the other side's mean sentence may be cut at clause punctuation
MIN_CHARS_NO_SPACE = 6  # each clause piece keeps at least this many characters in text without spaces
_CLAUSE = re.compile(r"[,;\u060c\u061b](?=\s)|[\u3001\uff0c\uff1b]")  # not the comma inside "1,000"
_OPEN, _CLOSE = "([{\u201c\u2018\u00ab\u300c\u300e\uff08\u3010", ")]}\u201d\u2019\u00bb\u300d\u300f\uff09\u3011"
_WORD = re.compile(f"{LETTER}+(?:['’]{LETTER}+)*|\\d+")  # letters with their marks (Devanagari vowel signs)
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


def _outside_quotes(text: str) -> list[bool]:
    """For each offset of ``text``: not inside brackets or quotation marks (straight double quotes counted)."""
    depth, straight, out = 0, False, []
    for ch in text:
        out.append(depth == 0 and not straight)
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            straight = not straight
    out.append(depth == 0 and not straight)
    return out


def _big_enough(piece: str, spaced: bool) -> bool:
    if spaced:
        return len(_WORD.findall(piece)) >= MIN_WORDS
    return len(re.sub(r"[\W_]", "", piece)) >= MIN_CHARS_NO_SPACE


def clause_cuts(segments: Sequence[Segment], n_other: int) -> dict[int, list[int]]:
    """``{segment index: [offsets where a piece starts]}``: the long sentences (see the module docstring) cut at
    clause punctuation into about as many pieces as the other side's sentences they stand for."""
    total = sum(len(s.text) for s in segments)
    if not segments or n_other <= len(segments) or not total:
        return {}
    mean = total / n_other  # this side's characters per sentence of the other side
    out: dict[int, list[int]] = {}
    for seg in segments:
        text = seg.text
        if len(text) < CLAUSE_LONG * mean:
            continue
        spaced = bool(re.search(r"\s", text))
        free = _outside_quotes(text)
        marks = [m.end() for m in _CLAUSE.finditer(text) if free[m.start()]]
        # the piece starts after the mark and its spaces
        starts = [m + len(text[m:]) - len(text[m:].lstrip()) for m in marks]
        n = max(2, round(len(text) / mean))
        chosen: list[int] = []
        for k in range(1, n):
            ideal = k * len(text) / n
            last = chosen[-1] if chosen else 0
            cands = [p for p in starts if p > last and _big_enough(text[last:p], spaced)
                     and _big_enough(text[p:], spaced)]
            if not cands:
                break
            best = min(cands, key=lambda p: abs(p - ideal))
            if abs(best - ideal) > 0.5 * len(text) / n and k < n - 1:  # nothing near this share: try the next
                continue
            chosen.append(best)
        if chosen:
            out[seg.index] = chosen
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
        target = _resplit_side(target, ns)
    elif ns < MIN_RATIO * nt:
        source = _resplit_side(source, nt)
    return source, target


def _resplit_side(doc: Document, n_other: int) -> Document:
    """The run-on side cut before capitalised common words, then (if still short) at clause punctuation."""
    at = cuts(doc.segments)
    if at:
        doc = _split(doc, at)
    if len(doc.segments) < CLAUSE_RATIO * n_other:
        at = clause_cuts(doc.segments, n_other)
        if at:
            doc = _split(doc, at)
    return doc
