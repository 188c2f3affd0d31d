"""GitHub workflow annotations."""
from __future__ import annotations

import re

from reportkit import seed_report, small_report

from tqcheck.render import render
from tqcheck.render.github import escape_data, escape_property

LINE = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),"
                  r"title=tqcheck (TQ\d{3}) ([^:,]+)::(.*)$")


def test_annotations_map_severity_and_positions() -> None:
    r = small_report()
    lines = render(r, "github").splitlines()
    assert len(lines) == 3
    parsed = [LINE.match(x) for x in lines]
    assert all(parsed), lines
    assert [m.group(1) for m in parsed] == ["error", "warning", "notice"]
    assert lines[0].startswith("::error file=docs/vi/a b.txt,line=1,col=11,endLine=1,endColumn=23,"
                               "title=tqcheck TQ101 rule-tq101::")
    # message: commas are fine in the data part; % and newlines are escaped
    assert parsed[0].group(9) == '"Fan Pingming": name rendered as pinyin: a, b Suggestion: Phạm Bình Minh'
    assert parsed[1].group(9) == '"20%25": 100%25 wrong%0Asecond line'
    assert parsed[2].group(2) == "docs/en/a b.txt"


def test_seed_annotations_one_per_finding() -> None:
    r = seed_report()
    lines = render(r, "github").splitlines()
    assert len(lines) == len(r.findings)
    for line, f in zip(lines, r.findings):
        m = LINE.match(line)
        assert m and m.group(7) == f.code
        assert m.group(1) == {"critical": "error", "major": "warning", "minor": "notice"}[f.severity.value]
        assert (int(m.group(3)), int(m.group(4))) == (f.line, f.col)


def test_escaping() -> None:
    assert escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert escape_property("x:y,z") == "x%3Ay%2Cz"
