"""Baselines and accepted findings: gate a build only on what is new.

A baseline file (written by ``tqcheck check … --write-baseline FILE``) lists the fingerprints of the
findings a team has accepted. ``Finding.fingerprint`` hashes the rule code, the side, the flagged text
and the text of its sentence, so it survives edits elsewhere in the file and line shifts. Matching
counts occurrences: a baseline that holds a fingerprint twice suppresses at most two findings with it.

Single findings can also be accepted with a reason (``[[tool.tqcheck.accept]]`` in the configuration, or
``--accept FINGERPRINT``). Suppressed findings are not dropped: they leave ``findings`` (so they neither
fail the gate nor cost quality points) and are listed under ``suppressed`` in the JSON report, each with
``suppressed_by`` (``baseline`` or ``accept``) and its ``reason``.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable

from .config import Accept
from .errors import ConfigError, InputError
from .model import SCHEMA_VERSION, Finding, Report
from .quality import counts, mqm

BASELINE_KIND = "tqcheck-baseline"


@dataclass(frozen=True)
class Baseline:
    """Accepted fingerprints with how many times each was seen, and an optional reason each."""

    counts: dict[str, int]
    reasons: dict[str, str]
    path: str = ""

    @classmethod
    def empty(cls) -> "Baseline":
        return cls({}, {})


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Read a baseline file; a missing or malformed one is an :class:`InputError` naming the file."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{p}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read baseline ({exc.__class__.__name__})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{p}: baseline is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise InputError(f"{p}: not a tqcheck baseline (brackets nested too deeply)") from None
    if not isinstance(data, dict) or data.get("kind") != BASELINE_KIND or not isinstance(data.get("findings"), list):
        raise InputError(f"{p}: not a tqcheck baseline (expected {{\"kind\": \"{BASELINE_KIND}\", "
                         "\"findings\": [...]}})")
    c: Counter[str] = Counter()
    reasons: dict[str, str] = {}
    for i, entry in enumerate(data["findings"]):
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fp, str) or not fp:
            raise InputError(f"{p}: baseline entry {i + 1} has no fingerprint")
        count = entry.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise InputError(f"{p}: baseline entry {i + 1} has a count that is not a positive integer")
        c[fp] += count
        if entry.get("reason"):
            reasons[fp] = str(entry["reason"])
    return Baseline(dict(c), reasons, str(p))


def baseline_dict(reports: Iterable[Report], reason: str | None = None) -> dict[str, Any]:
    """The baseline that accepts every finding of ``reports`` (deterministic order)."""
    entries: dict[str, dict[str, Any]] = {}
    for r in reports:
        for f in r.findings:
            e = entries.get(f.fingerprint)
            if e is None:
                entries[f.fingerprint] = {
                    "fingerprint": f.fingerprint, "count": 1, "code": f.code, "severity": f.severity.value,
                    "path": (r.target if f.side == "target" else r.source).path, "text": f.text,
                    "message": f.message, **({"reason": reason} if reason else {}),
                }
            else:
                e["count"] += 1
    rows = sorted(entries.values(), key=lambda e: (e["path"], e["code"], e["fingerprint"]))
    return {"kind": BASELINE_KIND, "schema_version": SCHEMA_VERSION, "findings": rows}


def baseline_text(reports: Iterable[Report], reason: str | None = None) -> str:
    """The baseline file's text (JSON) accepting every finding of ``reports``."""
    return json.dumps(baseline_dict(reports, reason), ensure_ascii=False, indent=2) + "\n"


def write_baseline(reports: Iterable[Report], path: str | os.PathLike[str], reason: str | None = None) -> Baseline:
    """Write the baseline accepting every finding of ``reports`` (atomically, :mod:`tqcheck.output`) and
    return it."""
    from .output import write_text

    reports = list(reports)
    text = baseline_text(reports, reason)
    write_text(path, text, "--write-baseline", inputs=[str(r.target.path) for r in reports]
               + [str(r.source.path) for r in reports])
    return baseline_from_text(text, str(path))


def baseline_from_text(text: str, path: str) -> Baseline:
    """The :class:`Baseline` a baseline file's text holds (as :func:`load_baseline` would read it)."""
    data = json.loads(text)
    c = Counter({e["fingerprint"]: e["count"] for e in data["findings"]})
    return Baseline(dict(c), {}, path)


def parse_accept(values: Iterable[str]) -> tuple[Accept, ...]:
    """``--accept FINGERPRINT`` or ``--accept FINGERPRINT=reason`` values."""
    out = []
    for v in values:
        fp, _, reason = v.partition("=")
        fp = fp.strip().lower()
        if not fp or not all(ch in "0123456789abcdef" for ch in fp):
            raise ConfigError(f"--accept takes a finding fingerprint (hex, from the JSON report), not {v!r}")
        out.append(Accept(fp, reason.strip() or "accepted with --accept"))
    return tuple(out)


class Suppressor:
    """Applies one baseline and a set of accepted fingerprints across many reports (counts are shared)."""

    def __init__(self, baseline: Baseline | None = None, accept: Iterable[Accept] = ()) -> None:
        self.remaining: Counter[str] = Counter((baseline or Baseline.empty()).counts)
        self.reasons = (baseline or Baseline.empty()).reasons
        self.accept = {a.fingerprint: a.reason for a in accept}

    def __bool__(self) -> bool:
        return bool(self.remaining) or bool(self.accept)

    def _why(self, f: Finding) -> tuple[str, str] | None:
        if f.fingerprint in self.accept:
            return "accept", self.accept[f.fingerprint]
        if self.remaining[f.fingerprint] > 0:
            self.remaining[f.fingerprint] -= 1
            return "baseline", self.reasons.get(f.fingerprint, "in the baseline")
        return None

    def apply(self, report: Report) -> Report:
        """A copy of ``report`` whose accepted findings moved to ``extra['suppressed']``; summary and gate redone."""
        from .render.json_ import finding_to_dict

        kept: list[Finding] = []
        suppressed: list[dict[str, Any]] = list(report.extra.get("suppressed", []))
        for f in report.findings:
            why = self._why(f)
            if why is None:
                kept.append(f)
            else:
                suppressed.append({**finding_to_dict(f), "suppressed_by": why[0], "reason": why[1]})
        if len(kept) == len(report.findings):
            return report
        return replace(report, findings=tuple(kept), summary=resummarise(report, kept, len(suppressed)),
                       extra={**report.extra, "suppressed": suppressed})


def resummarise(report: Report, findings: list[Finding], suppressed: int) -> dict[str, Any]:
    """The report's summary recomputed for ``findings`` (the gate included)."""
    s = dict(report.summary)
    s.update({"findings": len(findings), **counts(findings), **mqm(findings, s.get("source_words", 0)),
              "suppressed": suppressed})
    gate = dict(s.get("gate", {}))
    probe = replace(report, findings=tuple(findings), summary=s)
    gate["failed"] = probe.fails(gate.get("fail_on", "critical"), gate.get("min_score"))
    s["gate"] = gate
    return s


def suppressed_findings(report: Report) -> list[tuple[Finding, str, str]]:
    """The report's suppressed findings as ``(finding, suppressed_by, reason)``."""
    from .model import Severity

    names = {f.name for f in Finding.__dataclass_fields__.values()}  # type: ignore[attr-defined]
    out = []
    for d in report.extra.get("suppressed", []):
        kw = {k: v for k, v in d.items() if k in names}
        kw["severity"] = Severity(kw["severity"])
        out.append((Finding(**kw), d.get("suppressed_by", "baseline"), d.get("reason", "")))
    return out
