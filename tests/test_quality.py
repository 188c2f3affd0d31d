"""quality: MQM error points, per-1000-word penalty and the 0-100 score."""
from __future__ import annotations

import pytest

from tqcheck.model import Finding, Severity
from tqcheck.quality import counts, mqm, word_count


def finding(sev: Severity, code: str = "TQ201", family: str = "numbers") -> Finding:
    return Finding(code=code, name="x", severity=sev, side="target", start=0, end=1, text="x", segment=0, bead=0,
                   message="m", family=family)


@pytest.mark.parametrize(("text", "n"), [
    ("Trade hit US$2.2 billion.", 4),         # "US$2.2" is one word
    ("Thương mại đạt 2,2 tỷ USD .", 6),       # a detached "." is not a word
    ("两国外长签署了合作计划", 8),              # 11 characters / 1.5 -> 8 words
    ("Hanoi 河内 2016", 4),
    ("ฝนตกหนักในเมือง", 4),                      # Thai: 15 code points / 4 -> 4 words (it was 1)
    ("Bangkok ฝนตกหนัก 3", 4),                 # 8 Thai code points -> 2 words
    ("", 0),
])
def test_word_count(text: str, n: int) -> None:
    assert word_count(text) == n


def test_weights_and_score() -> None:
    fs = [finding(Severity.CRITICAL), finding(Severity.MAJOR), finding(Severity.MINOR), finding(Severity.MINOR)]
    out = mqm(fs, 200)
    assert out == {"error_points": 32.0, "penalty_per_1000_words": 160.0, "quality_score": 84.0}


def test_no_findings_is_perfect_and_score_floors_at_zero() -> None:
    assert mqm([], 50)["quality_score"] == 100.0
    assert mqm([finding(Severity.CRITICAL)] * 10, 100)["quality_score"] == 0.0


def test_empty_source_does_not_divide_by_zero() -> None:
    assert mqm([finding(Severity.MINOR)], 0) == {"error_points": 1.0, "penalty_per_1000_words": 1000.0,
                                                 "quality_score": 0.0}


def test_internal_findings_cost_nothing() -> None:
    crash = finding(Severity.MINOR, code="TQ901", family="internal")
    assert mqm([crash, finding(Severity.MAJOR)], 100)["error_points"] == 5.0


def test_more_words_dilute_the_same_errors() -> None:
    fs = [finding(Severity.MAJOR)]
    assert mqm(fs, 1000)["quality_score"] > mqm(fs, 100)["quality_score"]


def test_counts() -> None:
    fs = [finding(Severity.MAJOR), finding(Severity.MINOR, "TQ701", "fluency")]
    c = counts(fs)
    assert c["by_severity"] == {"critical": 0, "major": 1, "minor": 1}
    assert c["by_family"] == {"fluency": 1, "numbers": 1}
    assert c["by_code"] == {"TQ201": 1, "TQ701": 1}
