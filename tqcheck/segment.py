"""Rule-based sentence segmentation with offsets into the decoded text.

Lines separated by blank lines are paragraphs; a line that does not end in sentence
punctuation (a heading, a caption, a dateline) is its own segment.
"""
from __future__ import annotations

import re
from typing import Iterator

from .model import Segment
from .textmap import nfc_offsets

# Abbreviations after which a period does not end a sentence (lower-cased, without the dot).
_ABBREV = {
    "en": {"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "gov", "sen",
           "rep", "vs", "etc", "e.g", "i.e", "no", "nos", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
           "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "a.m", "p.m", "fig",
           "approx", "dept", "est", "mt", "ft", "vol", "pp"},
    "vi": {"tp", "ts", "pgs", "gs", "ths", "bs", "ks", "th.s", "ng", "tr", "q", "p", "tt", "ubnd", "hđnd", "ông",
           "bà", "pgs.ts", "gs.ts", "tp.hcm", "st"},
}

_END = re.compile(r"[.!?…。！？]+[\"'”’»)\]]*")


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``, whitespace-trimmed, never empty."""
    spans: list[tuple[int, int]] = []
    for ps, pe in _lines(text):
        spans.extend(_split_line(text, ps, pe, lang))
    return spans


def _lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in re.finditer(r"[^\r\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and not re.fullmatch(r"[-=_*~#]{3,}", text[s:e]):
            yield s, e
        pos = m.end()
    del pos


def _split_line(text: str, s: int, e: int, lang: str) -> Iterator[tuple[int, int]]:
    abbrev = _ABBREV.get(lang, set()) | _ABBREV["en"]
    start = s
    for m in _END.finditer(text, s, e):
        end = m.end()
        if end >= e:
            break
        nxt = text[end:e]
        if not nxt[:1].isspace():
            continue  # "US$2.2", "TP.HCM", "25/11." inside a token
        rest = nxt.lstrip()
        if not rest:
            break
        first = rest[0]
        if not (first.isupper() or first.isdigit() or first in "\"'“‘«([-–—"):
            continue
        word = re.search(r"([\w.]+)[.!?…]*$", text[start:m.start() + 1])
        tok = word.group(1).rstrip(".").lower() if word else ""
        if m.group(0).startswith(".") and len(m.group(0).rstrip("\"'”’»)]")) == 1:
            if tok in abbrev or (len(tok) == 1 and tok.isalpha()):
                continue  # "Nov. 24", "J. Smith"
        yield start, end
        start = end + (len(nxt) - len(rest))
    if start < e:
        yield start, e


def segment(raw: str, lang: str, detect_lang=None) -> list[Segment]:  # noqa: ANN001
    """Segments of a document, each with its NFC text, offsets, line, column and language."""
    segs: list[Segment] = []
    para = 0
    last_end = 0
    for s, e in split_sentences(raw, lang):
        if "\n\n" in raw[last_end:s].replace("\r", "") or "\n" in raw[last_end:s] and not segs:
            para += 1
        nfc, _ = nfc_offsets(raw[s:e])
        line = raw.count("\n", 0, s) + 1
        col = s - (raw.rfind("\n", 0, s) + 1) + 1
        seg_lang = detect_lang(nfc) if detect_lang else lang
        segs.append(Segment(len(segs), nfc, s, e, line, col, seg_lang, para))
        last_end = e
    return segs
