"""Pair translations with their sources among many documents, by cross-lingual similarity.

Every document is loaded, its language identified and its first ``MAX_SEGMENTS`` sentences
embedded. Two documents in different languages are scored on three pieces of evidence, each in 0..1:

* ``aligned`` (weight 0.6): the share of sentences with an in-order counterpart. Sentences are
  matched as mutual nearest neighbours under CSLS-style margin scoring (cosine minus the mean cosine
  of each side's ``K`` nearest neighbours, after Artetxe & Schwenk 2019), and the longest chain of
  matches that keeps document order is counted, less what chance gives. A translation keeps the order of its source; an
  article on the same story does not, so this separates the two where a mean embedding cannot.
* ``numbers`` (0.25) and ``names`` (0.15): shared digit strings and shared capitalised words (with
  diacritics folded), as an overlap coefficient shrunk towards 0 for small sets.

The decision is a mutual-best rule: a document pairs with its best-scoring document of another
language only when that one scores it best too, when the score beats each side's runner-up by
``MARGIN``, and when it clears a floor computed from the candidates' own distribution: the median plus
``NULL_SIGMAS`` robust standard deviations (1.4826 MAD) of the scores of the candidate pairs that are not
mutual bests, once there are ``MIN_NULL`` of them, and never below ``ABS_FLOOR``. Documents with no counterpart are listed as unpaired, never forced into a pair.

Sources: in a folder of several languages only a document in the source language (``src_lang``, default
English) is a candidate source, and every other document is scored only against those sources, so an
article in five languages gives four pairs (en-fr, en-de...), never fr-de. When no document is in the
source language and ``src_lang`` was not set, every two documents in different languages are candidates.

Direction: the pair's source is the document in ``src_lang`` (or not in ``tgt_lang``) when those are
set; otherwise English when one side is English; otherwise the language that sorts first.
"""
from __future__ import annotations

import bisect
import logging
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

from .config import Config
from .model import Document
from .surface import LETTER, WORD_CHAR

log = logging.getLogger(__name__)

MAX_SEGMENTS = 80
K = 4
WEIGHTS = {"aligned": 0.6, "numbers": 0.25, "names": 0.15}
MARGIN = 0.1
ABS_FLOOR = 0.35
NULL_SIGMAS = 3.0
MIN_NULL = 5
SHRINK = 2.0

_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(f"{LETTER}(?:{WORD_CHAR}|['’-])*")  # letters with their marks (Devanagari vowel signs)


@dataclass(frozen=True)
class Pair:
    source: str
    target: str
    source_lang: str
    target_lang: str
    similarity: float
    margin: float | None  # over the best runner-up of either document (None: no other candidate)
    confidence: float  # distance to the nearest decision boundary: min(similarity - floor, margin)
    evidence: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Unpaired:
    path: str
    lang: str
    best_candidate: str | None
    similarity: float | None


@dataclass(frozen=True)
class Pairing:
    pairs: tuple[Pair, ...]
    unpaired: tuple[Unpaired, ...]
    floor: float
    documents: dict[str, str]  # path -> language

    def to_dict(self) -> dict[str, Any]:
        return {"floor": self.floor, "documents": [{"path": p, "lang": lang} for p, lang in self.documents.items()],
                "pairs": [asdict(p) for p in self.pairs], "unpaired": [asdict(u) for u in self.unpaired]}


# --- evidence --------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower-case with diacritics removed (``Phạm Bình`` -> ``pham binh``)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def numbers(doc: Document) -> set[str]:
    """Digit strings with separators removed, so 2.2 and 2,2 (decimal comma) meet."""
    return {re.sub(r"[.,]", "", m) for m in _NUM.findall(doc.raw)}


def names(doc: Document) -> set[str]:
    """Capitalised words that do not open a sentence, folded."""
    out = set()
    for seg in doc.segments:
        for m in _WORD.finditer(seg.text):
            w = m.group(0)
            if m.start() > 0 and w[0].isupper() and len(w) >= 3:
                out.add(fold(w))
    return out


def overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / (min(len(a), len(b)) + SHRINK) if a and b else 0.0


def _lis(seq: Sequence[int]) -> int:
    tails: list[int] = []
    for v in seq:
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
        else:
            tails[k] = v
    return len(tails)


def aligned_share(a: np.ndarray, b: np.ndarray) -> float:
    """Share of sentences (of the shorter side) in the longest in-order chain of mutual CSLS matches.

    Chance-corrected: 0 is what unrelated documents give on average, 1 every sentence matched in order.
    """
    if len(a) == 0 or len(b) == 0:
        return 0.0
    sim = a @ b.T
    k = min(K, *sim.shape)
    ra = np.sort(sim, axis=1)[:, -k:].mean(axis=1)
    rb = np.sort(sim, axis=0)[-k:, :].mean(axis=0)
    csls = 2 * sim - ra[:, None] - rb[None, :]
    best_b = csls.argmax(axis=1)
    best_a = csls.argmax(axis=0)
    chain = [int(best_b[i]) for i in range(len(a)) if best_a[best_b[i]] == i]
    n, m = min(len(a), len(b)), len(chain)
    # chance level: the expected longest increasing run of m random matches (Baik, Deift & Johansson 1999)
    expected = min(float(m), max(1.0, 2 * m ** 0.5 - 1.7711 * m ** (1 / 6))) if m else 0.0
    return max(0.0, (_lis(chain) - expected) / (n - expected)) if n > expected else 0.0


def score_pair(ea: np.ndarray, eb: np.ndarray, da: Document, db: Document,
               feats: dict[str, tuple[set[str], set[str]]]) -> tuple[float, dict[str, float]]:
    ev = {"aligned": aligned_share(ea, eb),
          "numbers": overlap(feats[da.path][0], feats[db.path][0]),
          "names": overlap(feats[da.path][1], feats[db.path][1])}
    return sum(WEIGHTS[k] * v for k, v in ev.items()), {k: round(v, 4) for k, v in ev.items()}


# --- decision --------------------------------------------------------------------------------------


def _direction(a: Document, b: Document, cfg: Config) -> tuple[Document, Document]:
    for lang, a_is_source in ((cfg.src_lang, True), (cfg.tgt_lang, False), ("en", True)):
        if lang and (a.lang == lang) != (b.lang == lang):
            return (a, b) if (a.lang == lang) == a_is_source else (b, a)
    return (a, b) if (a.lang, a.path) <= (b.lang, b.path) else (b, a)


def decide(docs: list[Document], scores: np.ndarray, evidence: dict[tuple[int, int], dict[str, float]],
           cfg: Config) -> Pairing:
    """Mutual best + margin + floor over a symmetric score matrix (NaN where languages are equal)."""
    n = len(docs)
    best = [int(np.nanargmax(scores[i])) if not np.all(np.isnan(scores[i])) else -1 for i in range(n)]
    # mutual best within each language: a document may have one counterpart per other language
    best_by_lang: dict[tuple[int, str], int] = {}
    for i in range(n):
        for j in range(n):
            if np.isnan(scores[i, j]):
                continue
            key = (i, docs[j].lang)
            if key not in best_by_lang or scores[i, j] > scores[i, best_by_lang[key]]:
                best_by_lang[key] = j
    mutual = {(i, j) for (i, lang), j in best_by_lang.items() if best_by_lang.get((j, docs[i].lang)) == i}
    null = [scores[i, j] for i in range(n) for j in range(i + 1, n)
            if not np.isnan(scores[i, j]) and (i, j) not in mutual]
    floor = ABS_FLOOR
    if len(null) >= MIN_NULL:  # robust: a few near-miss rivals among the null scores barely move it
        med = float(np.median(null))
        spread = 1.4826 * float(np.median(np.abs(np.asarray(null) - med)))
        floor = max(ABS_FLOOR, med + NULL_SIGMAS * spread)
    pairs, paired = [], set()
    for i, j in sorted(mutual):
        if i > j:
            continue
        s = float(scores[i, j])
        rivals = [scores[i, x] for x in range(n) if x != j and docs[x].lang == docs[j].lang and not np.isnan(scores[i, x])]
        rivals += [scores[y, j] for y in range(n) if y != i and docs[y].lang == docs[i].lang and not np.isnan(scores[y, j])]
        margin = float(s - max(rivals)) if rivals else None
        if s < floor or (margin is not None and margin < MARGIN):
            log.info("not pairing %s and %s: score %.3f, margin %s, floor %.3f", docs[i].path, docs[j].path, s,
                     margin, floor)
            continue
        src, tgt = _direction(docs[i], docs[j], cfg)
        conf = min(s - floor, margin) if margin is not None else s - floor
        pairs.append(Pair(src.path, tgt.path, src.lang, tgt.lang, round(s, 4),
                          None if margin is None else round(margin, 4), round(conf, 4), evidence[(i, j)]))
        paired |= {i, j}
    unpaired = [Unpaired(docs[i].path, docs[i].lang, docs[best[i]].path if best[i] >= 0 else None,
                         round(float(scores[i, best[i]]), 4) if best[i] >= 0 else None)
                for i in range(n) if i not in paired]
    pairs.sort(key=lambda p: (p.target, p.source))
    return Pairing(tuple(pairs), tuple(unpaired), round(floor, 4), {d.path: d.lang for d in docs})


DEFAULT_SOURCE = "en"


def candidates(docs: Sequence[Document], src_lang: str | None) -> Callable[[int, int], bool]:
    """Which two documents (by index) may pair: different languages, and one of them in the source language
    (``src_lang``, default English). With no document in the default source language, any two languages."""
    source = src_lang or DEFAULT_SOURCE
    if src_lang is None and not any(d.lang == source for d in docs):
        return lambda i, j: docs[i].lang != docs[j].lang
    return lambda i, j: docs[i].lang != docs[j].lang and source in (docs[i].lang, docs[j].lang)


def pair_documents(docs: list[Document], cfg: Config | None = None, *, embedder: Any = None,
                   progress: Callable[[int, int], None] | None = None) -> Pairing:
    """Find which of ``docs`` are translations of which (see the module docstring)."""
    from .cache import cached
    from .embed import get_embedder

    cfg = cfg or Config()
    docs = sorted(docs, key=lambda d: d.path)
    may_pair = candidates(docs, cfg.src_lang)
    if any(may_pair(i, j) for i in range(len(docs)) for j in range(i)):
        embedder = cached(embedder or get_embedder(cfg.model, cfg.device), cfg.cache, cfg.cache_dir)
    vecs = []
    for i, d in enumerate(docs):
        needs = any(may_pair(i, j) for j in range(len(docs)) if j != i)
        vecs.append(embedder.encode([s.text for s in d.segments[:MAX_SEGMENTS]]) if needs else None)
        if progress:
            progress(i + 1, len(docs))
    feats = {d.path: (numbers(d), names(d)) for d in docs}
    n = len(docs)
    scores = np.full((n, n), np.nan)
    evidence: dict[tuple[int, int], dict[str, float]] = {}
    for i in range(n):
        for j in range(i + 1, n):
            if not may_pair(i, j):
                continue
            s, ev = score_pair(vecs[i], vecs[j], docs[i], docs[j], feats)
            scores[i, j] = scores[j, i] = s
            evidence[(i, j)] = evidence[(j, i)] = ev
    return decide(docs, scores, evidence, cfg)
