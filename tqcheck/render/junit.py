"""JUnit XML for CI dashboards (GitLab, Jenkins, Azure, CircleCI test reports).

One ``<testsuite>`` per document pair and one ``<testcase>`` per rule code that ran (plus any code that
reported without being selected, such as TQ901). A rule with findings fails, its ``<failure>`` listing
every finding as ``side:line:col [severity] "text": message → suggestion``; a rule without findings
passes, so dashboards show the rules that stay green. Suppressed findings go to ``<system-out>``.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from ..baseline import suppressed_findings
from ..model import Finding, Report
from .fixes import suggestion_text
from .safe import display_path, visible

_BAD_XML = re.compile("[\ufffe\uffff]")


def _clean(text: str) -> str:
    """Valid XML 1.0 character data: control characters and surrogates as visible escapes."""
    return _BAD_XML.sub("\ufffd", visible(text, newlines=True))


def _line(f: Finding, report: Report) -> str:
    where = f"{'src' if f.side == 'source' else 'tgt'}:{f.line}:{f.col}"
    fix = suggestion_text(f, report.target if f.side == "target" else report.source)
    fix = f" → {fix}" if fix else ""
    return f"{where} [{f.severity.value}] \"{f.text}\": {f.message}{fix}"


def _names(report: Report) -> dict[str, str]:
    from ..checks import all_rules

    names = {c: r.name for c, r in all_rules().items()}
    names.update({f.code: f.name for f in report.findings})
    return names


def _suite(report: Report) -> ET.Element:
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_code[f.code].append(f)
    sup: dict[str, list[str]] = defaultdict(list)
    for f, by, reason in suppressed_findings(report):
        sup[f.code].append(f"{_line(f, report)} (suppressed by {by}: {reason})")
    codes = sorted({c for c in str(report.signature.get("rules", "")).split(",") if c} | set(by_code) | set(sup))
    names = _names(report)
    failures = sum(1 for c in codes if by_code.get(c))
    suite = ET.Element("testsuite", {
        "name": f"{display_path(report.source.path)} -> {display_path(report.target.path)}", "tests": str(len(codes)),
        "failures": str(failures), "errors": "0", "skipped": "0", "time": "0",
    })
    props = ET.SubElement(suite, "properties")
    s = report.summary
    for name, value in (("source", report.source.path), ("target", report.target.path),
                        ("source_lang", report.source.lang), ("target_lang", report.target.lang),
                        ("quality_score", str(s.get("quality_score", ""))),
                        ("gate_failed", str(bool(s.get("gate", {}).get("failed"))).lower()),
                        ("signature", str(report.signature.get("signature", "")))):
        ET.SubElement(props, "property", {"name": name, "value": _clean(value)})
    for code in codes:
        found = by_code.get(code, [])
        case = ET.SubElement(suite, "testcase", {
            "name": f"{code} {names.get(code, '')}".strip(), "classname": f"tqcheck.{display_path(report.target.path)}",
            "file": display_path(report.target.path), "time": "0",
        })
        if found:
            worst = max(found, key=lambda f: f.severity.rank).severity.value
            fail = ET.SubElement(case, "failure", {
                "type": worst, "message": f"{len(found)} finding{'s' if len(found) != 1 else ''} ({worst})"})
            fail.text = _clean("\n".join(_line(f, report) for f in found))
        if sup.get(code):
            ET.SubElement(case, "system-out").text = _clean("\n".join(sup[code]))
    return suite


def render_many(reports: list[Report], **_: object) -> str:
    root = ET.Element("testsuites", {"name": "tqcheck"})
    suites = [_suite(r) for r in reports]
    root.set("tests", str(sum(int(s.get("tests", 0)) for s in suites)))
    root.set("failures", str(sum(int(s.get("failures", 0)) for s in suites)))
    root.set("errors", "0")
    root.extend(suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def render(report: Report, **_: object) -> str:
    return render_many([report])
