"""JUnit XML: one testsuite per pair, one testcase per rule code; parsed with xml.etree."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from reportkit import build_report, doc, finding, seed_report, small_report

from tqcheck.baseline import Suppressor
from tqcheck.config import Accept
from tqcheck.model import Severity
from tqcheck.render import render
from tqcheck.render.junit import render_many


def test_one_suite_per_pair_one_case_per_rule() -> None:
    r = small_report()
    seed = seed_report()
    root = ET.fromstring(render_many([r, seed]))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [f"{r.source.path} -> {r.target.path}",
                                               f"{seed.source.path} -> {seed.target.path}"]
    first = suites[0]
    cases = {c.get("name").split()[0]: c for c in first.findall("testcase")}
    assert sorted(cases) == ["TQ101", "TQ201", "TQ202"]
    fail = cases["TQ101"].find("failure")
    assert fail is not None and fail.get("type") == "critical"
    assert 'tgt:1:11 [critical] "Fan Pingming"' in fail.text and "→ Phạm Bình Minh" in fail.text
    assert first.get("tests") == "3" and first.get("failures") == "3"
    # every rule that ran on the seed is a testcase; the ones without findings pass
    seed_cases = {c.get("name").split()[0]: c for c in suites[1].findall("testcase")}
    assert set(seed.signature["rules"].split(",")) <= set(seed_cases)
    failing = {code for code, c in seed_cases.items() if c.find("failure") is not None}
    assert failing == {f.code for f in seed.findings}
    assert len(seed_cases) > len(failing), "rules without findings are listed as passing testcases"
    assert int(root.get("failures")) == 3 + len(failing)
    props = {p.get("name"): p.get("value") for p in suites[1].find("properties")}
    assert props["gate_failed"] == "true" and props["target"] == seed.target.path


def test_rule_listed_with_no_findings_passes_and_suppressed_go_to_system_out() -> None:
    r = small_report()
    accepted = Suppressor(None, [Accept(r.findings[0].fingerprint, "approved spelling")]).apply(r)
    root = ET.fromstring(render(accepted, "junit"))
    case = next(c for c in root.iter("testcase") if c.get("name").startswith("TQ101"))
    assert case.find("failure") is None
    assert "suppressed by accept: approved spelling" in case.find("system-out").text


def test_control_characters_are_made_safe() -> None:
    src = doc("a.txt", "Hello world.\n", "en")
    tgt = doc("b.txt", "Xin chao \x07the gioi.\n", "vi")
    r = build_report(src, tgt, [finding(tgt, "TQ701", "\x07the", Severity.MINOR)])
    root = ET.fromstring(render(r, "junit"))  # would raise on a raw BEL character
    assert "\\x07the" in root.find(".//failure").text  # shown as an escape, as in the text report
