"""SARIF 2.1.0 (GitHub code scanning, VS Code SARIF viewer, Azure DevOps).

One run for all the reports given; each result points into the file it flags (the target, or the
source for source-side findings) with line/column and character offsets, and carries a
``partialFingerprints`` entry equal to ``Finding.fingerprint`` so code scanning tracks it across
commits. ``tool.driver.rules`` lists every registered rule with its documentation.
Columns count Unicode code points (``run.columnKind = "unicodeCodePoints"``), 1-based.
"""
from __future__ import annotations

import json
import os
from pathlib import PurePath
from typing import Any, Iterable
from urllib.parse import quote

from .. import __version__
from ..baseline import suppressed_findings
from ..model import Document, Finding, Report, Severity
from .fixes import suggestion_text

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.CRITICAL: "error", Severity.MAJOR: "warning", Severity.MINOR: "note"}
INFO_URI = "https://github.com/tqcheck/tqcheck"


def uri(path: str) -> str:
    """A SARIF artifact URI: relative paths stay relative (posix, percent-encoded), absolute become file://.
    The file name's bytes are percent-encoded, so a name that is not UTF-8 still names the right file."""
    p = PurePath(path)
    raw = os.fsencode(p.as_posix())
    if p.is_absolute():
        return "file://" + quote(raw)
    return quote(raw.removeprefix(b"./"))


def region(doc: Document, start: int, end: int, snippet: bool = True) -> dict[str, Any]:
    """A SARIF region for ``doc.raw[start:end]``: lines, columns, char offset and length."""
    start = max(0, min(start, len(doc.raw)))
    end = max(start, min(end, len(doc.raw)))
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    out: dict[str, Any] = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
                           "charOffset": start, "charLength": end - start}
    if snippet and end > start:
        out["snippet"] = {"text": doc.raw[start:end]}
    return out


def _rules(codes: Iterable[str], findings: list[Finding]) -> list[dict[str, Any]]:
    from ..checks import all_rules
    from ..ruledocs import rule_markdown

    registry = all_rules()
    seen = {f.code: f for f in findings}
    out = []
    for code in sorted(set(codes) | set(seen)):
        r = registry.get(code)
        if r is None:  # e.g. TQ901 rule-crashed, which no rule module registers
            f = seen[code]
            out.append({"id": code, "name": f.name, "shortDescription": {"text": f.name},
                        "defaultConfiguration": {"level": LEVEL[f.severity]},
                        "properties": {"family": f.family, "severity": f.severity.value}})
            continue
        sec = r.sections()
        out.append({
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary or r.name},
            "fullDescription": {"text": sec.get("What") or r.doc or r.summary or r.name},
            "help": {"text": sec.get("Fix") or r.summary or r.name, "markdown": rule_markdown(r)},
            "helpUri": f"{INFO_URI}/blob/main/docs/rules.md#{r.code.lower()}-{r.name}",
            "defaultConfiguration": {"level": LEVEL[r.severity]},
            "properties": {"family": r.family, "severity": r.severity.value, "since": r.since,
                           "tags": ["translation", r.family]},
        })
    return out


def _result(f: Finding, r: Report, index: dict[str, int], rule_index: dict[str, int]) -> dict[str, Any]:
    doc = r.target if f.side == "target" else r.source
    fix = suggestion_text(f, doc)
    text = f.message + (f" Suggestion: {fix}" if fix else "")
    res: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index[f.code],
        "level": LEVEL[f.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri(doc.path), "index": index[doc.path]},
            "region": region(doc, f.start, f.end),
        }}],
        "partialFingerprints": {"tqcheck/v1": f.fingerprint},
        "properties": {"severity": f.severity.value, "family": f.family, "side": f.side, "segment": f.segment,
                       "bead": f.bead, "suggestion": f.suggestion, "evidence": f.evidence},
    }
    related = _counterpart(f, r, index)
    if related:
        res["relatedLocations"] = related
    return res


def _counterpart(f: Finding, r: Report, index: dict[str, int]) -> list[dict[str, Any]]:
    """The aligned sentence(s) on the other side, so a reviewer can see what was translated."""
    if f.bead is None or not 0 <= f.bead < len(r.alignment):
        return []
    bead = r.alignment[f.bead]
    other, segs = (r.source, bead.src) if f.side == "target" else (r.target, bead.tgt)
    if not segs:
        return []
    first, last = other.segments[segs[0]], other.segments[segs[-1]]
    return [{"id": 1, "message": {"text": "aligned " + ("source" if f.side == "target" else "translation")},
             "physicalLocation": {"artifactLocation": {"uri": uri(other.path), "index": index[other.path]},
                                  "region": region(other, first.start, last.end, snippet=False)}}]


def artifact(d: Document, role: str) -> dict[str, Any]:
    return {"location": {"uri": uri(d.path)}, "encoding": d.encoding, "roles": ["analysisTarget"],
            "properties": {"lang": d.lang, "side": role}}


def to_sarif(reports: list[Report]) -> dict[str, Any]:
    """The SARIF log (a dict) for one or more reports."""
    artifacts: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for r in reports:
        for role, d in (("target", r.target), ("source", r.source)):
            if d.path not in index:
                index[d.path] = len(artifacts)
                artifacts.append(artifact(d, role))
    suppressed = [(r, *s) for r in reports for s in suppressed_findings(r)]
    findings = [f for r in reports for f in r.findings] + [s[1] for s in suppressed]
    codes = {c for r in reports for c in str(r.signature.get("rules", "")).split(",") if c}
    rules = _rules(codes, findings)
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    for r in reports:  # each pair's findings, then its suppressed ones (the order a streamed log has too)
        results += [_result(f, r, index, rule_index) for f in r.findings]
        for f, by, reason in suppressed_findings(r):
            res = _result(f, r, index, rule_index)
            res["suppressions"] = [{"kind": "external", "status": "accepted", "justification": f"{by}: {reason}"}]
            results.append(res)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "tqcheck", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFO_URI, "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
        "properties": {"signature": reports[0].signature.get("signature") if reports else None,
                       "suppressed": len(suppressed),
                       "gate": {"failed": any(r.summary.get("gate", {}).get("failed") for r in reports)}},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_many(reports: list[Report], **_: object) -> str:
    return json.dumps(to_sarif(reports), ensure_ascii=False, indent=2) + "\n"


def render(report: Report, **_: object) -> str:
    return render_many([report])
