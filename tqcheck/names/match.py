"""Match proper names across an aligned document pair.

Every name span is cut into *chunks*, longest first, each matched to a name on the other side
(in the same bead or its neighbours first, then anywhere in the document) by, in order:

``exact``    equal after folding diacritics, case, hyphens and spacing (Phạm Bình Minh = Pham Binh Minh);
             a chunk may match part of a longer name (Minh ~ Pham Binh Minh; Lavrov ~ Sergey Lavrov);
``lexicon``  a known rendering (Nga = Russia, Liên Hiệp Quốc = United Nations, TTXVN = VNA);
``pinyin``   the target writes a name in pinyin that reads, in Hán-Việt, as the source name
             (Fan Pingming ~ Pham Binh Minh); ``hanviet`` is the reverse (Xi Jinping ~ Tập Cận Bình);
``fuzzy``    a close transliteration (Lavrốp ~ Lavrov).

What is left unmatched is what the name rules report. The analysis runs once per document and
is kept on its ``DocContext`` (``memo``).
"""
from __future__ import annotations

import difflib
import functools
import heapq
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from . import pinyin
from .lexicon import Lexicon, load_lexicon
from .spans import NameSpan, Word, find_names, word_is_strong
from .text import base_lang, fold, folded_parts, is_acronym, parts
from .vietnamese import has_vietnamese_marks, is_vietnamese_word

MAX_CHUNK = 6


@dataclass(frozen=True)
class Candidate:
    """A name (or part of one) on one side, that a chunk on the other side may match."""

    side: str
    segment: int
    start: int
    end: int
    text: str
    words: tuple[str, ...]
    full: str  # the whole name span this part belongs to

    @functools.cached_property
    def key(self) -> str:
        return fold(self.text)

    @functools.cached_property
    def parts(self) -> tuple[str, ...]:
        return tuple(p for w in self.words for p in parts(w))


@dataclass(frozen=True)
class Match:
    kind: str  # exact | lexicon | pinyin | hanviet | fuzzy | text
    other: Candidate | None
    near: bool  # found in the bead or a neighbour (False: elsewhere in the document)


@dataclass
class Chunk:
    side: str
    segment: int
    start: int
    end: int
    text: str
    words: tuple[str, ...]
    strong: bool
    known: bool
    match: Match | None = None
    bead: int = -1
    label: str | None = None  # "Credit" in "(Credit: VNA)"

    @property
    def pinyin(self) -> bool:
        return self.side == "target" and pinyin.looks_pinyin(self.words)


@dataclass
class NameAnalysis:
    chunks: dict[str, list[Chunk]] = field(default_factory=lambda: {"source": [], "target": []})
    active: bool = True

    def in_bead(self, side: str, bead: int) -> list[Chunk]:
        return [c for c in self.chunks[side] if c.bead == bead]


class _Index:
    """Candidates of one side, by folded key, plus the list for pinyin/fuzzy scans."""

    def __init__(self, cands: Iterable[Candidate]):
        self.cands = list(cands)
        self.by_key: dict[str, list[Candidate]] = defaultdict(list)
        for c in self.cands:
            self.by_key[c.key].append(c)

    # Narrower lists for the scans below, built on first use: each keeps the candidates' order (position k),
    # so a scan over them finds the same first match as a scan over every candidate, in time that does not
    # grow with the document for each chunk.
    @functools.cached_property
    def acronyms(self) -> dict[str, Candidate]:
        out: dict[str, Candidate] = {}
        for c in self.cands:
            if is_acronym(c.text):
                out.setdefault("".join(sorted(c.key)), c)
        return out

    @functools.cached_property
    def pinyin_cands(self) -> list[tuple[int, Candidate]]:
        return [(k, c) for k, c in enumerate(self.cands) if pinyin.looks_pinyin(c.words)]

    @functools.cached_property
    def by_parts(self) -> dict[int, list[tuple[int, Candidate]]]:
        out: dict[int, list[tuple[int, Candidate]]] = defaultdict(list)
        for k, c in enumerate(self.cands):
            out[len(c.parts)].append((k, c))
        return out

    @functools.cached_property
    def marked_by_parts(self) -> dict[int, list[tuple[int, Candidate]]]:
        out: dict[int, list[tuple[int, Candidate]]] = defaultdict(list)
        for k, c in enumerate(self.cands):
            if has_vietnamese_marks(c.text):
                out[len(c.parts)].append((k, c))
        return out


def _in_order(*lists: list[tuple[int, Candidate]]) -> Iterator[Candidate]:
    """The candidates of several position-sorted lists, in document order, each once."""
    last = -1
    for k, c in heapq.merge(*lists, key=lambda x: x[0]):
        if k != last:
            last = k
            yield c


def candidates(side: str, spans: Iterable[NameSpan], text_of: dict[int, str]) -> list[Candidate]:
    out = []
    for sp in spans:
        ws = sp.words
        for i in range(len(ws)):
            for j in range(i + 1, min(len(ws), i + MAX_CHUNK) + 1):
                s, e = ws[i].start, ws[j - 1].end
                out.append(Candidate(side, sp.segment, s, e, text_of[sp.segment][s:e],
                                     tuple(w.text for w in ws[i:j]), sp.text))
    return out


def match_chunk(side: str, text: str, words: Sequence[str], index: _Index, lex: Lexicon,
                tgt_is_vi: bool, fuzzy: bool) -> tuple[str, Candidate] | None:
    """How a chunk on ``side`` matches a candidate on the other side, or None."""
    key = fold(text)
    if not key:
        return None
    if key in index.by_key:
        return "exact", index.by_key[key][0]
    other_keys = lex.source_keys_for_target(key) if side == "target" else lex.target_keys_for_source(key)
    for k in sorted(other_keys):
        if k in index.by_key:
            return "lexicon", index.by_key[k][0]
    if is_acronym(text) and len(key) >= 3:  # ADN = DNA, ARN = RNA (French-order acronyms)
        c = index.acronyms.get("".join(sorted(key)))
        if c is not None:
            return "acronym", c
    if tgt_is_vi:
        hit = _match_pinyin(side, text, words, index)
        if hit:
            return hit
    if fuzzy and len(key) >= 5:
        for c in index.cands:
            if len(c.words) == len(words) and c.key[:1] == key[:1] and len(c.key) >= 5 and \
                    difflib.SequenceMatcher(None, key, c.key).ratio() >= 0.8:
                if tgt_is_vi and side == "target" and _pinyin_part(words, c.words):
                    return "pinyin", c  # close, but the words that differ are pinyin read as the source's
                return "fuzzy", c
    return None


def _pinyin_part(words: Sequence[str], src_words: Sequence[str]) -> bool:
    """The words of a target name that differ from the source name's (same count) are two or more, in plain
    ASCII, and read in Hán-Việt as the source's words there: Hu He Jennings for Ho Hoa Jennings (胡 Hồ, 和 Hòa)."""
    diff = [(w, s) for w, s in zip(words, src_words) if fold(w) != fold(s)]
    if len(diff) < 2 or not _unmarked_name([w for w, _ in diff]):
        return False
    return pinyin.match_hanviet([w for w, _ in diff], tuple(p for _, s in diff for p in parts(s))) is not None


def _match_pinyin(side: str, text: str, words: Sequence[str], index: _Index) -> tuple[str, Candidate] | None:
    if side == "target":
        unmarked = _unmarked_name(words)
        if not (pinyin.looks_pinyin(words) or unmarked):
            return None
        sizes = sorted({len(seg) for seg in pinyin.joint_segmentations(words) if len(seg) >= 2})
        for c in _in_order(*(index.by_parts.get(n, []) for n in sizes)):
            if len(c.parts) >= 2 and pinyin.match_hanviet(words, c.parts) and \
                    not (unmarked and fold(text) == c.key):
                return "pinyin", c
        return None
    own = tuple(parts(text))
    if len(own) < 2:
        return None
    src_pinyin = pinyin.looks_pinyin(words) or all(pinyin.segmentations(w) for w in words)
    pool = [index.pinyin_cands] + ([index.marked_by_parts.get(len(own), [])] if src_pinyin else [])
    for c in _in_order(*pool):
        if src_pinyin and len(c.parts) == len(own) and has_vietnamese_marks(c.text) and \
                pinyin.match_hanviet(words, c.parts):
            return "hanviet", c
        if pinyin.looks_pinyin(c.words) and pinyin.match_hanviet(c.words, own):
            return "pinyin", c
    return None


def _unmarked_name(words: Sequence[str]) -> bool:
    """Two words or more in plain ASCII letters, each of them pinyin syllables: a name that a Vietnamese text writes
    without its marks, which may be pinyin spelt like Vietnamese syllables ("He Dong" for Hà Đông: he is 何 Hà,
    dong 东 Đông), so it is read in Hán-Việt against the source's names too."""
    return len(words) >= 2 and all(w.isascii() and w.isalpha() for w in words) and \
        all(pinyin.segmentations(w) for w in words)


def analyse(ctx: Any) -> NameAnalysis:
    """Chunks and matches for a whole document pair (once per document: ``checks.base.per_document``)."""
    from ..checks.base import per_document  # (tqcheck.checks imports this module)

    return per_document(_analyse)(ctx)


def _cased(doc: Any) -> bool:
    """Names can be found: the text has capitals, or is written in a script without case (Han, kana)."""
    counts = Counter("".join(s.text for s in doc.segments))  # each distinct character tested once
    letters = sum(n for c, n in counts.items() if c.isupper() or c.islower())
    if letters < 0.5 * sum(n for c, n in counts.items() if c.isalpha()):
        return True  # mostly uncased letters: names are found by script (katakana, middle dots)
    return bool(letters) and sum(n for c, n in counts.items() if c.isupper()) >= 0.005 * letters


def _analyse(ctx: Any) -> NameAnalysis:
    src, tgt = ctx.source, ctx.target
    res = NameAnalysis()
    if not (_cased(src) and _cased(tgt)):
        res.active = False
        return res
    lex = load_lexicon(src.lang, tgt.lang)
    tgt_is_vi = base_lang(tgt.lang) == "vi"
    spans = {
        "source": _spans(src, lex.knows_source),
        "target": _spans(tgt, lex.knows_target),
    }
    texts = {"source": {s.index: s.text for s in src.segments}, "target": {s.index: s.text for s in tgt.segments}}
    cands = {side: candidates(side, spans[side], texts[side]) for side in spans}
    doc_index = {side: _Index(cands[side]) for side in cands}
    bead_of = {side: {} for side in spans}
    for b, bead in enumerate(ctx.beads):
        for i in bead.src:
            bead_of["source"][i] = b
        for i in bead.tgt:
            bead_of["target"][i] = b
    by_segment: dict[str, dict[int, list[tuple[int, Candidate]]]] = {side: defaultdict(list) for side in cands}
    for side, side_cands in cands.items():
        for k, c in enumerate(side_cands):
            by_segment[side][c.segment].append((k, c))
    for side, other in (("source", "target"), ("target", "source")):
        lang = src.lang if side == "source" else tgt.lang
        known = lex.knows_source if side == "source" else lex.knows_target
        window_cache: dict[int, _Index] = {}
        for sp in spans[side]:
            b = bead_of[side].get(sp.segment, -1)
            if b not in window_cache:
                segs = _window_segments(ctx.beads, b, other)
                near = sorted((x for i in segs for x in by_segment[other].get(i, ())), key=lambda x: x[0])
                window_cache[b] = _Index(c for _, c in near)  # in the document's order, as in cands
            chunks = _decompose(side, sp, texts[side][sp.segment], lang, known, window_cache[b],
                                doc_index[other], lex, tgt_is_vi)
            for c in chunks:
                c.bead = b
            res.chunks[side].extend(chunks)
    for side, doc in (("source", src), ("target", tgt)):
        _label_credits(res.chunks[side], {s.index: s.text for s in doc.segments})
    return res


def _spans(doc: Any, known: Any) -> list[NameSpan]:
    out: list[NameSpan] = []
    for seg in doc.segments:
        out.extend(find_names(seg.text, doc.lang, seg.index, known))
    return out


def _window_segments(beads: Sequence[Any], b: int, side: str) -> set[int]:
    segs: set[int] = set()
    for k in (b - 1, b, b + 1):
        if 0 <= k < len(beads):
            segs.update(beads[k].src if side == "source" else beads[k].tgt)
    return segs


def _decompose(side: str, sp: NameSpan, seg_text: str, lang: str, known: Any, window: _Index, doc: _Index,
               lex: Lexicon, tgt_is_vi: bool) -> list[Chunk]:
    ws = sp.words
    out: list[Chunk] = []
    residual: list[Word] = []
    known_end = -1  # inside a known name of several words that matched nothing near (Luân Đôn): its parts
    i = 0           # are matched only near, not to a lone word anywhere ('Đôn' is not the source's 'Don')
    while i < len(ws):
        found = None
        for n in range(min(MAX_CHUNK, len(ws) - i), 0, -1):
            s, e = ws[i].start, ws[i + n - 1].end
            text, words = seg_text[s:e], tuple(w.text for w in ws[i:i + n])
            m = match_chunk(side, text, words, window, lex, tgt_is_vi, fuzzy=True)
            near = m is not None
            if m is None and i + n <= known_end:
                continue
            if m is None:
                m = match_chunk(side, text, words, doc, lex, tgt_is_vi, fuzzy=False)
            if m is None and n >= 2 and _contiguous(ws[i:i + n], seg_text) and known(text):
                known_end = max(known_end, i + n)
            if m is not None:
                found = (n, Chunk(side, sp.segment, s, e, text, words, _strong(words, lang, known, text, sp.strong),
                                  known(text), Match(m[0], m[1], near)))
                break
        if found:
            out.extend(_residual_chunks(side, residual, seg_text, sp.segment, lang, known, sp.strong))
            residual = []
            out.append(found[1])
            i += found[0]
        else:
            residual.append(ws[i])
            i += 1
    out.extend(_residual_chunks(side, residual, seg_text, sp.segment, lang, known, sp.strong))
    return out


def _residual_chunks(side: str, words: list[Word], seg_text: str, segment: int, lang: str,
                     known: Any, span_strong: bool | None = None) -> list[Chunk]:
    """Unmatched words, grouped: known lexicon names alone, then runs of foreign vs native words."""
    out: list[Chunk] = []
    i = 0
    while i < len(words):
        taken = 0
        for n in range(min(MAX_CHUNK, len(words) - i), 0, -1):
            s, e = words[i].start, words[i + n - 1].end
            if _contiguous(words[i:i + n], seg_text) and known(seg_text[s:e]):
                taken = n
                break
        if not taken:
            kind = _foreign(words[i].text, lang)
            taken = 1
            while i + taken < len(words) and _contiguous(words[i:i + taken + 1], seg_text) and \
                    _foreign(words[i + taken].text, lang) == kind and not known(words[i + taken].text):
                taken += 1
        ws = words[i:i + taken]
        s, e = ws[0].start, ws[-1].end
        text = seg_text[s:e]
        out.append(Chunk(side, segment, s, e, text, tuple(w.text for w in ws),
                         _strong(tuple(w.text for w in ws), lang, known, text, span_strong), known(text)))
        i += taken
    return out


def _contiguous(ws: Sequence[Word], seg_text: str) -> bool:
    return all(not seg_text[a.end:b.start].strip(" -‐‑·・･‧=＝") for a, b in zip(ws, ws[1:]))


def _foreign(word: str, lang: str) -> bool:
    return base_lang(lang) == "vi" and not is_vietnamese_word(word)


def _strong(words: Sequence[str], lang: str, known: Any, text: str, span_strong: bool | None = None) -> bool:
    if span_strong is not None:
        return span_strong or known(text)
    return known(text) or any(word_is_strong(w, lang) for w in words)


_LABEL = re.compile(r"\(\s*([^():]{1,30}?)\s*:\s*([^()]{1,80})\)")


def _label_credits(chunks: list[Chunk], texts: dict[int, str]) -> None:
    """Mark chunks inside a labelled parenthesis such as '(Credit: VNA)' or '(Nguồn: TTXVN)'."""
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for seg, text in texts.items():
        found = [(m.start(2), m.end(2), m.group(1)) for m in _LABEL.finditer(text)]
        if found:
            spans[seg] = found
    for c in chunks:
        for s, e, label in spans.get(c.segment, ()):
            if s <= c.start and c.end <= e:
                c.label = label


def text_has(key_parts: Sequence[str], text: str) -> bool:
    """``text`` holds the folded parts in order at word boundaries (any case: 'đạo Phật', 'tass'; in Hebrew also
    with one-letter words written onto the first: 'בירושלים' holds 'ירושלים')."""
    joined = "".join(key_parts)
    if not joined:
        return False
    toks, where, bare = folded_parts(text)  # indexed once per text: linear in the document, not per name
    span = len(key_parts) + 3
    for k in range(1, len(joined) + 1):  # a match starts at a word that is a prefix of the key
        for i in where.get(joined[:k], ()):
            acc = ""
            for j in range(i, min(len(toks), i + span)):
                acc += bare[j] if j == i and toks[j] != joined[:k] else toks[j]  # (its first word without clitics)
                if acc == joined:
                    return True
                if len(acc) >= len(joined):
                    break
    return False
