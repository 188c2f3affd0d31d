"""A readable terminal summary (rich)."""
from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Report

_STYLE = {"critical": "bold red", "major": "yellow", "minor": "cyan"}


def render(report: Report, *, color: bool = False, width: int = 110, **_: object) -> str:
    buf = io.StringIO()
    con = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False)
    s = report.summary
    con.print(Text(f"{report.source.path} ({report.source.lang}) -> {report.target.path} ({report.target.lang})",
                   style="bold"))
    con.print(f"{len(report.source.segments)} source and {len(report.target.segments)} target segments, "
              f"{len(report.alignment)} beads {s.get('beads', {})}")
    if report.findings:
        table = Table(show_header=True, header_style="bold", expand=False, box=None, pad_edge=False)
        for col in ("where", "code", "severity", "text", "message / fix"):
            table.add_column(col, overflow="fold")
        for f in report.findings:
            where = f"{'src' if f.side == 'source' else 'tgt'}:{f.line}:{f.col}"
            where += f" #{f.unit_id}" if f.unit_id else ""
            msg = f.message + (f"\n→ {f.suggestion}" if f.suggestion else "")
            table.add_row(where, f.code, Text(f.severity.value, style=_STYLE[f.severity.value]),
                          Text(f.text[:60]), msg)
        con.print(table)
    sev = s.get("by_severity", {})
    verdict = "FAIL" if s.get("gate", {}).get("failed") else "pass"
    con.print(f"{s.get('findings', 0)} findings: {sev.get('critical', 0)} critical, {sev.get('major', 0)} major, "
              f"{sev.get('minor', 0)} minor · quality {s.get('quality_score', 100):.1f}/100 · "
              f"gate (fail on {s.get('gate', {}).get('fail_on')}): {verdict}")
    for sc in report.scores:  # reference-based scores (--ref): the document level, with sacrebleu signatures
        if sc.level == "document":
            con.print(f"{sc.metric} = {sc.value:.2f}  ({sc.signature})")
    return buf.getvalue()
