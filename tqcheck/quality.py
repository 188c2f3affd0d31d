"""MQM-style scoring of findings (the "linear" scoring model of MQM 2.0).

Error points (Absolute Penalty Total): critical 25, major 5, minor 1 per finding (MQM 2.0 scorecard
weights; Freitag et al. 2021 use major 5 / minor 1). With the evaluated word count EWC = the source's
words, ``penalty_per_1000_words`` = points x 1000 / EWC and ``quality_score`` = max(0, 100 x (1 - points /
EWC)): MQM's Overall Quality Score with a maximum score value of 100. Internal findings (TQ9xx: a rule
crashed) say nothing about the translation and cost no points. See docs/scoring.md.
"""
from __future__ import annotations

import math
import re
from typing import Iterable

from .model import Finding, Severity
from .surface import SEA_CLASS

_SEA = SEA_CLASS  # Thai, Lao, Myanmar, Khmer: no spaces between words
_WORD = re.compile(rf"[^\W\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff{_SEA}]+", re.UNICODE)
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_SEA_CHAR = re.compile(f"[{_SEA}]")
_ANY_WORD = re.compile(r"\w")
CJK_CHARS_PER_WORD = 1.5  # average length of a Chinese word in characters; Japanese is similar
SEA_CHARS_PER_WORD = 4.0  # an estimate for Thai, Lao, Khmer and Myanmar: code points (vowel signs included)
MAX_SCORE = 100.0


def word_count(text: str) -> int:
    """Space-separated words of ``text`` ("US$2.2" is one); CJK script counts 1.5 characters as a word, and
    Thai, Lao, Khmer and Myanmar (written without spaces between words) four."""
    if _CJK.search(text) is None and _SEA_CHAR.search(text) is None:  # (the loop below, for plain spaced text)
        return sum(1 for tok in text.split() if _ANY_WORD.search(tok))
    n, cjk, sea = 0, 0, 0
    for tok in text.split():
        k, t = len(_CJK.findall(tok)), len(_SEA_CHAR.findall(tok))
        cjk += k
        sea += t
        n += len(_WORD.findall(tok)) if k or t else int(bool(_ANY_WORD.search(tok)))
    return n + math.ceil(cjk / CJK_CHARS_PER_WORD) + math.ceil(sea / SEA_CHARS_PER_WORD)


def error_points(findings: Iterable[Finding]) -> float:
    return sum(f.severity.weight for f in findings if f.family != "internal")


def mqm(findings: Iterable[Finding], source_words: int) -> dict[str, float]:
    points = error_points(findings)
    words = max(1, source_words)
    return {
        "error_points": round(points, 2),
        "penalty_per_1000_words": round(points * 1000.0 / words, 2),
        "quality_score": round(max(0.0, MAX_SCORE * (1.0 - points / words)), 2),
    }


def counts(findings: Iterable[Finding]) -> dict[str, dict[str, int]]:
    by_sev = {s.value: 0 for s in Severity}
    by_family: dict[str, int] = {}
    by_code: dict[str, int] = {}
    for f in findings:
        by_sev[f.severity.value] += 1
        by_family[f.family] = by_family.get(f.family, 0) + 1
        by_code[f.code] = by_code.get(f.code, 0) + 1
    return {"by_severity": by_sev, "by_family": dict(sorted(by_family.items())),
            "by_code": dict(sorted(by_code.items()))}
