"""Shared helpers for the output, baseline and CLI tests: real reports, built reports, an IWSLT talk."""
from __future__ import annotations

import functools
import hashlib
import xml.etree.ElementTree as ET
from pathlib import Path

from tqcheck.config import Config
from tqcheck.model import Bead, Document, Finding, Report, Severity
from tqcheck.quality import counts, mqm
from tqcheck.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEED_SRC = "corpora/000_74d1bcbf21ade748.txt"
SEED_TGT = "corpora/003_8cf2e5f9d09ebff1.txt"
IWSLT = Path("/work/shared/data/iwslt15-en-vi-ted")
IWSLT_ALT = ROOT.parent / "shared" / "data" / "iwslt15-en-vi-ted"


@functools.lru_cache(maxsize=None)
def seed_report(fail_on: str = "critical") -> Report:
    """The real pipeline on the seed pair (paths relative to the repository root, as a CLI user gives them)."""
    import os

    from tqcheck.pipeline import check_documents

    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return check_documents(SEED_SRC, SEED_TGT, Config(fail_on=fail_on))
    finally:
        os.chdir(old)


def doc(path: str, raw: str, lang: str) -> Document:
    return Document(path=path, raw=raw, lang=lang, segments=tuple(segment(raw, lang)))


def finding(d: Document, code: str, needle: str, severity: Severity, side: str = "target", *, bead: int | None = 0,
            occurrence: int = 0, message: str = "", suggestion: str | None = None) -> Finding:
    """A finding on the ``occurrence``-th ``needle`` in ``d`` (offsets into ``d.raw``)."""
    start = -1
    for _ in range(occurrence + 1):
        start = d.raw.index(needle, start + 1)
    end = start + len(needle)
    seg = next(s for s in d.segments if s.start <= start < s.end)
    line, col = d.line_col(start)
    fp = hashlib.sha1(f"{code}|{side}|{needle}|{seg.text}".encode()).hexdigest()[:16]
    return Finding(code=code, name=f"rule-{code.lower()}", severity=severity, side=side, start=start, end=end,
                   text=needle, segment=seg.index, bead=bead, message=message or f"{needle!r} is wrong",
                   suggestion=suggestion, family="names", line=line, col=col, fingerprint=fp)


def build_report(source: Document, target: Document, findings: list[Finding], fail_on: str = "critical",
                 min_score: float | None = None, rules: str = "") -> Report:
    """A report assembled by hand, with the summary the pipeline would compute."""
    n = min(len(source.segments), len(target.segments))
    beads = tuple(Bead((i,), (i,), 0.9) for i in range(n))
    words = sum(len(s.text.split()) for s in source.segments)
    summary = {"source_words": words, "target_words": sum(len(s.text.split()) for s in target.segments),
               "beads": {"1-1": n}, "findings": len(findings), **counts(findings), **mqm(findings, words),
               "gate": {"fail_on": fail_on, "min_score": min_score}}
    signature = {"name": "tqcheck", "version": "0", "rules": rules or ",".join(sorted({f.code for f in findings})),
                 "signature": "test"}
    r = Report(source, target, beads, tuple(findings), signature, summary)
    summary["gate"]["failed"] = r.fails(fail_on, min_score)
    return r


def small_report(fail_on: str = "critical") -> Report:
    """Two short documents (the target with CRLF line ends, a space in the paths) and three findings."""
    src = doc("docs/en/a b.txt", "Minister Pham Binh Minh met Sergey Lavrov.\nTrade rose 10%.\n", "en")
    tgt = doc("docs/vi/a b.txt", "Bộ trưởng Fan Pingming gặp Sergey Lavrov.\r\nThương mại tăng 20%,\r\nrất nhanh.\r\n",
              "vi")
    fs = [
        finding(tgt, "TQ101", "Fan Pingming", Severity.CRITICAL, message="name rendered as pinyin: a, b",
                suggestion="Phạm Bình Minh"),
        finding(tgt, "TQ201", "20%", Severity.MAJOR, bead=1, message="100% wrong\nsecond line"),
        finding(src, "TQ202", "10%", Severity.MINOR, side="source", bead=1),
    ]
    return build_report(src, tgt, fs, fail_on=fail_on)


def iwslt_dir() -> Path | None:
    for p in (IWSLT, IWSLT_ALT):
        if (p / "IWSLT15.TED.tst2011.en-vi.en.xml").is_file():
            return p
    return None


def write_talk(folder: Path, docid: str = "1096", testset: str = "tst2011") -> tuple[Path, Path]:
    """Write one IWSLT15 TED talk (title, then one line per segment) as talk.en.txt / talk.vi.txt."""
    base = iwslt_dir()
    assert base is not None
    out = []
    for lang in ("en", "vi"):
        root = ET.parse(base / f"IWSLT15.TED.{testset}.en-vi.{lang}.xml").getroot()
        d = next(d for d in root.iter("doc") if d.get("docid") == docid)
        text = (d.findtext("title") or "").strip() + "\n\n" + "\n".join((s.text or "").strip()
                                                                          for s in d.findall("seg")) + "\n"
        p = folder / f"talk{docid}.{lang}.txt"
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out[0], out[1]
