"""GitHub Actions workflow commands: one annotation per finding on the pull request's files.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=tqcheck TQ101 name-mistranslated::message``
Severity critical becomes ``error``, major ``warning``, minor ``notice``. Values are escaped as the
runner expects (``%``, CR and LF in messages; also ``:`` and ``,`` in properties).
"""
from __future__ import annotations

from ..model import Finding, Report, Severity
from .fixes import suggestion_text
from .safe import visible

COMMAND = {Severity.CRITICAL: "error", Severity.MAJOR: "warning", Severity.MINOR: "notice"}


def escape_data(s: str) -> str:
    """A workflow-command value: the runner's escapes for ``%``, CR and LF, then every other control
    character (an ANSI escape, a hidden ``::`` command) and undecodable byte as a visible escape."""
    return visible(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding, report: Report) -> str:
    doc = report.target if f.side == "target" else report.source
    start = max(0, min(f.start, len(doc.raw)))
    end_line, end_col = doc.line_col(max(start, min(f.end, len(doc.raw))))
    line, col = doc.line_col(start)
    props = {"file": doc.path, "line": line, "col": col, "endLine": end_line, "endColumn": end_col,
             "title": f"tqcheck {f.code} {f.name}"}
    head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    fix = suggestion_text(f, doc)
    msg = f.message + (f" Suggestion: {fix}" if fix else "")
    if f.text:
        msg = f"\"{f.text}\": {msg}"
    return f"::{COMMAND[f.severity]} {head}::{escape_data(msg)}"


def render_many(reports: list[Report], **_: object) -> str:
    lines = [annotation(f, r) for r in reports for f in r.findings]
    return "".join(line + "\n" for line in lines)


def render(report: Report, **_: object) -> str:
    return render_many([report])
