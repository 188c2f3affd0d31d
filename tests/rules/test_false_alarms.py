"""False alarms of the TQ2/4/5/7/8 rules on clean human translations (IWSLT 2015 en-vi TED talks).

The talks' <seg id> lines are line-parallel, so each id is one bead (1-1 by id). Every finding on these
pairs is a false alarm (the odd true error in the reference aside). The test runs one talk; run this file
as a script for every talk of the four sets:

    python tests/rules/test_false_alarms.py [--no-embed]

The data stays in /work/shared/data (not redistributable); the test is skipped where it is absent.
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import pytest

from tqcheck.checks import DocContext, run_rules, select
from tqcheck.model import Bead, Document, Severity
from tqcheck.pipeline import _seg_lang
from tqcheck.resources import Resources
from tqcheck.segment import segment

DATA = Path("/work/shared/data/iwslt15-en-vi-ted")
FAMILIES = ("TQ2", "TQ4", "TQ5", "TQ70", "TQ8")


def talks(name: str) -> Iterator[tuple[str, list[str], list[str]]]:
    """``(docid, English segs, Vietnamese segs)`` of one IWSLT set, e.g. ``tst2012``."""
    en = ET.parse(DATA / f"IWSLT15.TED.{name}.en-vi.en.xml").getroot()
    vi = ET.parse(DATA / f"IWSLT15.TED.{name}.en-vi.vi.xml").getroot()
    for d_en, d_vi in zip(en.iter("doc"), vi.iter("doc")):
        s = [(x.text or "").strip() for x in d_en.iter("seg")]
        t = [(x.text or "").strip() for x in d_vi.iter("seg")]
        assert len(s) == len(t)
        keep = [(a, b) for a, b in zip(s, t) if a and b]
        yield d_en.get("docid", "?"), [a for a, _ in keep], [b for _, b in keep]


def _doc(lines: list[str], lang: str) -> tuple[Document, list[list[int]]]:
    raw = "\n\n".join(lines)
    segs = segment(raw, lang, detect_lang=_seg_lang(lang))
    by_line: list[list[int]] = [[] for _ in lines]
    for s in segs:
        by_line[(s.line - 1) // 2].append(s.index)
    return Document(path=f"<iwslt {lang}>", raw=raw, lang=lang, segments=tuple(segs)), by_line


def check_talk(src: list[str], tgt: list[str], embedder: Any = None) -> tuple[list[Any], int]:
    """Findings of the selected families on one talk with 1-1 beads by segment id; and the pair count."""
    sdoc, s_lines = _doc(src, "en")
    tdoc, t_lines = _doc(tgt, "vi")
    beads = tuple(Bead(tuple(a), tuple(b), 0.0) for a, b in zip(s_lines, t_lines))
    ctx = DocContext(sdoc, tdoc, beads, Resources())
    ctx.embedder = embedder
    return run_rules(select(FAMILIES), ctx), len(beads)


def summarise(findings: list[Any], pairs: int) -> dict[str, Any]:
    major = [f for f in findings if f.severity.rank >= Severity.MAJOR.rank]
    return {"pairs": pairs, "major_or_worse": len(major), "per_100_pairs": round(100 * len(major) / max(1, pairs), 2),
            "minor": len(findings) - len(major), "by_code": dict(sorted(Counter(f.code for f in findings).items()))}


@pytest.mark.skipif(not DATA.exists(), reason="IWSLT data not available")
def test_false_alarm_rate_on_one_talk() -> None:
    _docid, src, tgt = next(talks("tst2012"))
    src, tgt = src[:120], tgt[:120]
    findings, pairs = check_talk(src, tgt)
    stats = summarise(findings, pairs)
    assert stats["per_100_pairs"] < 1.0, stats


def main(argv: list[str]) -> None:
    embedder = None
    if "--no-embed" not in argv:
        from tqcheck.embed import get_embedder

        embedder = get_embedder()
    total: list[Any] = []
    n = 0
    for name in ("dev2010", "tst2010", "tst2011", "tst2012"):
        for docid, src, tgt in talks(name):
            findings, pairs = check_talk(src, tgt, embedder)
            total += findings
            n += pairs
            for f in findings:
                if f.severity.rank >= Severity.MAJOR.rank or "-v" in argv:
                    print(f"{name}/{docid} {f.code} {f.severity.value} {f.text[:60]!r} {f.message[:90]}")
    print(summarise(total, n))


if __name__ == "__main__":
    main(sys.argv[1:])
