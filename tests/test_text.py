"""The terminal text report: fits 80 and 120 columns, shows fixes as local edits, ends with a clear verdict;
and the suggestion contract it relies on (docs/output-formats.md, "Suggestions")."""
from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from reportkit import build_report, doc, finding, seed_report, small_report
from rich.cells import cell_len

from tqcheck.model import Severity
from tqcheck.render.text import DEFAULT_WIDTH, render


def _lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


# --- the seed pair, as a user sees it ----------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 120])
def test_seed_report_fits_the_terminal(width: int) -> None:
    out = render(seed_report(), width=width)
    too_wide = [ln for ln in _lines(out) if cell_len(ln) > width]
    assert not too_wide, too_wide
    assert not [ln for ln in _lines(out) if ln != ln.rstrip()], "trailing spaces"


def test_every_finding_has_a_header_and_indented_details() -> None:
    r = seed_report()
    lines = _lines(render(r, width=80))
    headers = [ln for ln in lines if re.match(r"^(src|tgt):\d+:\d+ ", ln)]
    assert len(headers) == len(r.findings)
    for f, head in zip(r.findings, headers):
        assert f" {f.code} {f.severity.value}" in head
    body = lines[lines.index(headers[0]):-2]
    assert all(ln.startswith("    ") for ln in body if ln not in headers)


def test_fixes_are_local_edits_not_whole_sentences() -> None:
    r = seed_report()
    fixes = [ln for ln in _lines(render(r, width=10_000)) if ln.startswith("    fix: ")]
    assert fixes and len(fixes) == sum(1 for f in r.findings if f.suggestion)
    for ln in fixes:
        assert len(ln.split()) <= 16, ln  # old → new with a few words of context at most


def test_suggestions_replace_their_span() -> None:
    """Target-side suggestions apply as raw[:start] + suggestion + raw[end:], and are short (no sentence)."""
    r = seed_report()
    raw = r.target.raw
    target_fixes = [f for f in r.findings if f.side == "target" and f.suggestion is not None]
    assert target_fixes
    for f in r.findings:
        if f.suggestion is not None:
            assert f.suggestion.strip(), f
            assert len(f.suggestion) <= 2 * len(f.text) + 30, (f.code, f.text, f.suggestion)
    for f in target_fixes:
        assert raw[f.start:f.end] == f.text
        fixed = raw[:f.start] + f.suggestion + raw[f.end:]
        if f.code == "TQ702":  # the detached mark is attached again, nothing else moves
            assert fixed[f.start - 1:f.start + 1] == raw[f.start - 1] + f.text.strip()
            assert len(fixed) == len(raw) - (len(f.text) - len(f.text.strip()))


def test_repeated_phrase_fix_keeps_one_copy() -> None:
    r = seed_report()
    reps = [f for f in r.findings if f.code == "TQ701"]
    assert reps
    for f in reps:
        assert f.text.startswith(f.suggestion) and f.text.endswith(f.suggestion) and f.text != f.suggestion


def test_punctuation_fix_shows_context() -> None:
    r = seed_report()
    out = render(r, width=120)
    f = next(f for f in r.findings if f.code == "TQ702")
    word = r.target.raw[:f.start].split()[-1]
    mark = f.text.strip()
    assert f'{word}{f.text}" → "' in out and f'{word}{mark}"' in out


def test_verdict_says_why() -> None:
    r = seed_report()
    lines = _lines(render(r, width=80))
    n = r.summary["by_severity"]["critical"]
    assert lines[-2].startswith(f"{r.summary['findings']} findings: {n} critical")
    assert lines[-1] == f"FAIL: {n} critical findings (--fail-on critical)"


# --- built reports: the edge cases ------------------------------------------------------------------------


def test_source_side_fix_names_the_target_text() -> None:
    r = small_report()
    src = r.source
    f = finding(src, "TQ104", "Sergey Lavrov", Severity.MAJOR, side="source", suggestion="Xéc-gây Láp-rốp")
    out = render(build_report(src, r.target, [f]))
    assert 'fix: use "Xéc-gây Láp-rốp" in the translation' in out


def test_gate_reasons_min_score_and_never() -> None:
    r = small_report()
    s = dict(r.summary)
    s["gate"] = {"fail_on": "never", "min_score": 99.5, "failed": True}
    assert _lines(render(replace(r, summary=s)))[-1] == (
        f"FAIL: quality {s['quality_score']:.1f} < --min-score 99.5")
    s["gate"] = {"fail_on": "never", "min_score": None, "failed": False}
    assert _lines(render(replace(r, summary=s)))[-1] == "PASS: the gate is off (--fail-on never)"
    s["gate"] = {"fail_on": "major", "min_score": None, "failed": True}
    assert _lines(render(replace(r, summary=s)))[-1] == "FAIL: 2 major or worse findings (--fail-on major)"


def test_suppressed_findings_are_counted() -> None:
    r = small_report()
    s = {**r.summary, "suppressed": 4}
    assert "· 4 more suppressed (baseline or accepted)" in render(replace(r, summary=s), width=200)


def test_wide_characters_and_default_width() -> None:
    tgt = doc("zh.txt", "部长范平明会见了谢尔盖·拉夫罗夫。" * 6 + "\n", "zh")
    src = doc("en.txt", "Minister Pham Binh Minh met Sergey Lavrov.\n", "en")
    f = finding(tgt, "TQ102", "范平明", Severity.CRITICAL, message="名字" * 60, suggestion="范平明X")
    out = render(build_report(src, tgt, [f]))
    assert max(cell_len(ln) for ln in _lines(out)) <= DEFAULT_WIDTH
    assert max(cell_len(ln) for ln in _lines(render(build_report(src, tgt, [f]), width=50))) <= 50


def test_color_only_when_asked() -> None:
    r = small_report()
    assert "\x1b[" not in render(r)
    assert "\x1b[" in render(r, color=True)


def test_line_formats_show_bare_marks_in_context() -> None:
    from tqcheck.render import render as render_as

    src = doc("en.txt", "They discussed trade with Russia.\n", "en")
    tgt = doc("vi.txt", "Họ thảo luận về thương mại với Nga .\n", "vi")
    fs = [finding(tgt, "TQ702", " .", Severity.MINOR, suggestion="."),
          finding(tgt, "TQ101", "Nga", Severity.CRITICAL, suggestion="Liên bang Nga")]
    r = build_report(src, tgt, fs)
    edit = '"…mại với Nga ." → "…mại với Nga."'
    for fmt in ("github", "sarif", "junit"):
        out = render_as(r, fmt)
        if fmt == "sarif":
            out = "\n".join(x["message"]["text"] for x in json.loads(out)["runs"][0]["results"]) + "\n"
        assert edit in out and "Suggestion: .\n" not in out and "→ .\n" not in out, fmt
        assert "Liên bang Nga" in out and '"Nga" → "Liên bang Nga"' not in out, fmt  # words: the suggestion as is
    assert f"fix: {edit}" in render(r)
