"""MQM-style scoring of findings.

Error points: critical 25, major 5, minor 1 (MQM 2.0 scorecard weights; Freitag et al. 2021
use major 5 / minor 1). ``penalty_per_1000`` = points per 1,000 source words;
``quality_score`` = max(0, 100 - points * 100 / source_words), the MQM "overall quality
score" on a 0-100 scale with a reference word count equal to the evaluated text.
"""
from __future__ import annotations

import re
from typing import Iterable

from .model import Finding, Severity

_WORD = re.compile(r"\w+", re.UNICODE)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def mqm(findings: Iterable[Finding], source_words: int) -> dict[str, float]:
    points = sum(f.severity.weight for f in findings)
    words = max(1, source_words)
    return {
        "error_points": round(points, 2),
        "penalty_per_1000_words": round(points * 1000.0 / words, 2),
        "quality_score": round(max(0.0, 100.0 - points * 100.0 / words), 2),
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
