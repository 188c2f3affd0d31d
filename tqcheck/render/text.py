"""A readable terminal summary (rich), one block per finding, wrapped to the terminal's width.

Each finding is a header line (``where  code severity  "flagged text"``), then its message and its fix,
indented. The fix is shown locally: for a span of the translation, ``"old" → "new"``, with a few words of
context when the span is only punctuation or spacing; for a span of the source (something the translation
lacks), the target-language text to use. The last lines are the counts and the verdict (PASS or FAIL,
and why).
"""
from __future__ import annotations

import io
import re

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ..model import Document, Finding, Report, Severity
from .fixes import edit
from .safe import display_path, visible

_STYLE = {"critical": "bold red", "major": "yellow", "minor": "cyan"}
DEFAULT_WIDTH = 100  # when the output is not a terminal: stable, diff-able text
_INDENT = "    "
_KINDS = (("1-1", "one-to-one"), ("merged", "merged/split"), ("1-0", "source-only"), ("0-1", "target-only"))


def render(report: Report, *, color: bool = False, width: int | None = None, **_: object) -> str:
    width = max(40, width or DEFAULT_WIDTH)
    buf = io.StringIO()
    con = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False,
                  soft_wrap=True, markup=False, emoji=False)  # document text is never rich markup
    con.print(Text(f"{display_path(report.source.path)} ({report.source.lang}) -> "
                   f"{display_path(report.target.path)} ({report.target.lang})",
                   style="bold"))
    con.print(_alignment_line(report), soft_wrap=False)
    pad = max((len(_where(f)) for f in report.findings), default=0)
    for f in report.findings:
        con.print(_header(f, pad, width))
        for line in _detail(f, report, width):
            con.print(line)
    for line in _verdict(report):
        con.print(line, soft_wrap=False)
    for sc in report.scores:  # reference-based scores (--ref): the document level, with sacrebleu signatures
        if sc.level == "document":
            con.print(f"{sc.metric} = {sc.value:.2f}  ({sc.signature})")
    out = buf.getvalue()
    return out if color else "\n".join(line.rstrip() for line in out.split("\n"))


def _alignment_line(report: Report) -> str:
    beads = report.summary.get("beads") or {}
    merged = sum(n for kind, n in beads.items() if kind not in ("1-1", "1-0", "0-1"))
    counts = {**beads, "merged": merged}
    parts = [f"{counts[k]} {label}" for k, label in _KINDS if counts.get(k)]
    return (f"{len(report.source.segments)} source / {len(report.target.segments)} target sentences"
            + (f" aligned: {', '.join(parts)}" if parts else ""))


def _where(f: Finding) -> str:
    where = f"{'src' if f.side == 'source' else 'tgt'}:{f.line}:{f.col}"
    return where + (f" #{f.unit_id}" if f.unit_id else "")


def _oneline(text: str) -> str:
    """One line of document-derived text, safe for a terminal (controls and escapes made visible)."""
    return visible(re.sub(r"\s+", " ", text))


def _clip(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` terminal cells, with an ellipsis when cut."""
    if cell_len(text) <= cells:
        return text
    out = ""
    for ch in text:
        if cell_len(out + ch) > cells - 1:
            break
        out += ch
    return out + "…"


def _header(f: Finding, pad: int, width: int) -> Text:
    sev = f.severity.value
    head = Text(f"{_where(f):<{pad}}  {f.code} ")
    head.append(sev, style=_STYLE[sev])
    head.append(" " * (9 - len(sev)))
    room = max(12, width - cell_len(head.plain) - 2)
    head.append(f'"{_clip(_oneline(f.text), room)}"')
    return head


def _detail(f: Finding, report: Report, width: int) -> list[str]:
    lines = _wrapped(_oneline(f.message), width)
    fix = _fix(f, report.source if f.side == "source" else report.target)
    if fix:
        lines += _wrapped(fix, width)
    return lines


def _wrapped(text: str, width: int) -> list[str]:
    """``text`` wrapped to the width (by terminal cells, so wide CJK characters count double), indented."""
    console = Console(width=width, no_color=True)
    return [_INDENT + line.plain.rstrip() for line in Text(text).wrap(console, width - len(_INDENT))]


def _fix(f: Finding, doc: Document) -> str | None:
    """The suggestion as a local edit: what replaces the flagged span, with context where the span is bare."""
    if f.suggestion is None:
        return None
    if f.side == "source":  # the translation lacks this: the suggestion is the target-language text to use
        return f'fix: use "{_oneline(f.suggestion)}" in the translation'
    old, new = edit(f, doc) or (f.text, f.suggestion)
    return f'fix: "{_oneline(old)}" → "{_oneline(new)}"'


def _verdict(report: Report) -> list[Text]:
    """The counts and score, then PASS/FAIL with the reason, from the summary's gate."""
    s = report.summary
    sev = s.get("by_severity", {})
    n = s.get("findings", 0)
    counts = Text(f"{n} finding{'s' if n != 1 else ''}: {sev.get('critical', 0)} critical, {sev.get('major', 0)} "
                  f"major, {sev.get('minor', 0)} minor · quality {s.get('quality_score', 100):.1f}/100")
    if s.get("suppressed"):
        counts.append(f" · {s['suppressed']} more suppressed (baseline or accepted)")
    gate = s.get("gate", {})
    fail_on, floor = gate.get("fail_on", "critical"), gate.get("min_score")
    failed = bool(gate.get("failed"))
    reasons = []
    if fail_on != "never":
        rank = Severity(fail_on).rank
        k = sum(1 for f in report.findings if f.severity.rank >= rank)
        at = fail_on if fail_on == "critical" else f"{fail_on} or worse"
        reasons.append((f"{k} {at} finding{'s' if k != 1 else ''}" if k else f"no {at} findings")
                       + f" (--fail-on {fail_on})")
    if floor is not None:
        q = s.get("quality_score", 100.0)
        reasons.append(f"quality {q:.1f} {'<' if q < floor else '≥'} --min-score {floor:g}")
    verdict = Text()
    verdict.append("FAIL" if failed else "PASS", style="bold red" if failed else "bold green")
    verdict.append(": " + ("; ".join(reasons) if reasons else "the gate is off (--fail-on never)"))
    return [counts, verdict]
