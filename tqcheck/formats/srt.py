"""SubRip (.srt) subtitle pairs: the original's file and the translation's file, cues matched by time.

A strict scanner reads the cues (number, ``HH:MM:SS,mmm --> HH:MM:SS,mmm`` timing, text lines, blank line)
and names the line of anything else. (translate-toolkit's subtitle store, through aeidon, silently merges a
malformed cue into the previous one and gives no offsets, so it is not used here.)

Matching: when both files have the same number of cues and every pair overlaps in time, cues pair by
position. Otherwise each cue is linked to the cue of the other file it overlaps most, and the connected
groups become beads (so a cue split in two in the translation is a 1-2 bead, not an omission).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..load import read_text
from . import Bilingual, RawSide, build_documents

_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})\s*-->\s*(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})"
                   r"(?:\s+.*)?$")


@dataclass(frozen=True)
class Cue:
    number: int
    start_ms: int
    end_ms: int
    span: tuple[int, int]
    line: int

    def overlap(self, other: "Cue") -> int:
        return max(0, min(self.end_ms, other.end_ms) - max(self.start_ms, other.start_ms))


def _ms(h: str, m: str, s: str, frac: str) -> int:
    return ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int(frac.ljust(3, "0"))


def parse(path: str, raw: str) -> list[Cue]:
    """Every cue of an SRT text; :class:`InputError` naming the line for anything malformed."""
    lines = raw.splitlines(keepends=True)
    offsets, pos = [], 0
    for ln in lines:
        offsets.append(pos)
        pos += len(ln)
    cues: list[Cue] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        if not lines[i].strip().isdigit():
            raise InputError(f"{path}: line {i + 1}: expected a cue number, found {lines[i].strip()[:40]!r}")
        number = int(lines[i].strip())
        if i + 1 >= len(lines) or not (m := _TIME.match(lines[i + 1].rstrip("\r\n"))):
            got = lines[i + 1].strip()[:40] if i + 1 < len(lines) else "end of file"
            raise InputError(f"{path}: line {i + 2}: expected a timing line like "
                             f"'00:00:01,000 --> 00:00:02,500', found {got!r}")
        start, end = _ms(*m.groups()[:4]), _ms(*m.groups()[4:])
        if end < start:
            raise InputError(f"{path}: line {i + 2}: cue ends before it starts")
        j = i + 2
        while j < len(lines) and lines[j].strip():
            j += 1
        if j > i + 2:
            s = offsets[i + 2]
            e = offsets[j - 1] + len(lines[j - 1].rstrip("\r\n"))
            span = (s, e)
        else:
            span = (offsets[i + 1] + len(lines[i + 1].rstrip("\r\n")),) * 2
        cues.append(Cue(number, start, end, span, i + 3))
        i = j
    if not cues:
        raise InputError(f"{path}: no subtitle cues found")
    return cues


def match(src: list[Cue], tgt: list[Cue]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Beads of cue indices: by position when the files agree, else by greatest time overlap."""
    if len(src) == len(tgt) and all(a.overlap(b) > 0 or (a.start_ms, a.end_ms) == (b.start_ms, b.end_ms)
                                    for a, b in zip(src, tgt)):
        return [((i,), (i,)) for i in range(len(src))]
    parent = list(range(len(src) + len(tgt)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def link(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    for i, a in enumerate(src):
        best = max(range(len(tgt)), key=lambda j: a.overlap(tgt[j]), default=None)
        if best is not None and a.overlap(tgt[best]) > 0:
            link(i, len(src) + best)
    for j, b in enumerate(tgt):
        best = max(range(len(src)), key=lambda i: b.overlap(src[i]), default=None)
        if best is not None and b.overlap(src[best]) > 0:
            link(len(src) + j, best)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for x in range(len(src) + len(tgt)):
        g = groups.setdefault(find(x), ([], []))
        (g[0] if x < len(src) else g[1]).append(x if x < len(src) else x - len(src))
    beads = [(tuple(s), tuple(t)) for s, t in groups.values()]
    return sorted(beads, key=lambda b: (min(b[0]) if b[0] else src_pos(b[1][0], tgt, src),
                                        min(b[1]) if b[1] else -1))


def src_pos(j: int, tgt: list[Cue], src: list[Cue]) -> float:
    """Where a target-only cue sits among the source cues (for ordering beads by time)."""
    before = [i for i, c in enumerate(src) if c.start_ms <= tgt[j].start_ms]
    return (before[-1] + 0.5) if before else -0.5


def read_pair(src_path: str, tgt_path: str, *, src_lang: str | None = None, tgt_lang: str | None = None,
              encoding: str | None = None) -> Bilingual:
    sides, cues = [], []
    for p in (src_path, tgt_path):
        raw, enc = read_text(p, encoding)
        sides.append(RawSide(p, raw, enc, None))
        cues.append(parse(p, raw))
    spans = [[(c.span, str(c.number)) for c in cs] for cs in cues]
    source, target, s_idx, t_idx = build_documents("srt", sides[0], sides[1], spans[0], spans[1],
                                                   (src_lang, tgt_lang))
    pairs = []
    for s, t in match(*cues):
        ss = tuple(x for x in (s_idx[i] for i in s) if x is not None)
        tt = tuple(x for x in (t_idx[j] for j in t) if x is not None)
        if ss or tt:
            pairs.append((ss, tt))
    return Bilingual("srt", source, target, tuple(pairs))
