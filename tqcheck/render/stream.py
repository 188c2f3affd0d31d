"""Many-pair outputs rendered one report at a time, so a run over thousands of pairs never holds its reports.

A :class:`Streamer` turns each report, as the engine yields it, into a *body* piece (written at once to a
spool file by :mod:`tqcheck.output`) and keeps only small running state (counts, the artifacts and rule codes
seen). When the last report is in, :meth:`Streamer.finish` gives the *head* and *tail* that enclose the body;
:meth:`Streamer.fix_line` rewrites a body line whose value could only be known at the end (SARIF's
``ruleIndex``). Head + fixed body + tail is byte for byte what the all-in-memory renderers
(``render_many``, the folder JSON) give for the same reports: ``tests/test_stream.py`` checks every format.
"""
from __future__ import annotations

import json
import re
from typing import Any

from ..model import SCHEMA_VERSION, Report
from . import Format, render

_SENTINEL = "\u0000tqcheck-items\u0000"


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.split("\n"))


def _splice(document: Any) -> tuple[str, str, str]:
    """``document`` (holding one list ``[_SENTINEL]``) dumped as the JSON outputs are, cut around that list:
    (text before the first item, the items' indentation, text after the last item)."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    token = json.dumps(_SENTINEL)
    at = text.index(token)
    line_start = text.rindex("\n", 0, at) + 1
    prefix = text[line_start:at]
    close = text.index("\n", at)
    return text[:line_start - 1], prefix, text[close:]


def _close(head: str, tail: str, items: bool) -> tuple[str, str]:
    """Head and tail around the streamed items; with none, the list is written ``[]`` as json.dumps does."""
    if items:
        return head, tail + "\n"
    return head + "]", tail.lstrip("\n ")[1:] + "\n"


class Streamer:
    """One output of a many-pair run (see the module docstring)."""

    def __init__(self, pairing: Any = None) -> None:
        self.pairing = pairing
        self.n = 0
        self.failed = 0

    def add(self, report: Report) -> str:
        piece = self._piece(report)
        self.n += 1
        self.failed += bool(report.summary.get("gate", {}).get("failed"))
        return piece

    def _piece(self, report: Report) -> str:
        raise NotImplementedError

    def finish(self) -> tuple[str, str]:
        raise NotImplementedError

    def fix_line(self, line: str) -> str:
        return line


class JsonStreamer(Streamer):
    """The folder JSON (:func:`tqcheck.batch.folder_dict`): ``pairs`` streamed, the summary at the end."""

    def __init__(self, pairing: Any = None) -> None:
        super().__init__(pairing)
        self.findings = 0
        self._prefix = " " * 4

    def _piece(self, report: Report) -> str:
        self.findings += len(report.findings)
        item = _indent(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), self._prefix)
        return ("," if self.n else "") + "\n" + item

    def finish(self) -> tuple[str, str]:
        from ..batch import unpaired_dicts

        p = self.pairing
        doc = {"schema_version": SCHEMA_VERSION, "pairs": [_SENTINEL], "unpaired": unpaired_dicts(p),
               "summary": {"pairs": self.n, "unpaired": len(p.unpaired) if p else 0, "failed_pairs": self.failed,
                           "findings": self.findings, "floor": p.floor if p else None}}
        head, prefix, tail = _splice(doc)
        assert prefix == self._prefix
        return _close(head, tail, bool(self.n))


class SarifStreamer(Streamer):
    """One SARIF run: results streamed (their ``ruleIndex`` fixed at the end, when every rule is known);
    artifacts, rules and the run's properties at the end."""

    _INDEX = re.compile(r'^(\s*"ruleIndex": )"\\u0000(.*?)\\u0000",?$')

    def __init__(self, pairing: Any = None) -> None:
        super().__init__(pairing)
        self.artifacts: list[dict[str, Any]] = []
        self.index: dict[str, int] = {}
        self.codes: set[str] = set()
        self.last_found: dict[str, Any] = {}
        self.last_suppressed: dict[str, Any] = {}
        self.suppressed = 0
        self.signature = None
        self.rule_index: dict[str, int] = {}
        self.results = 0
        self._prefix = " " * 8

    def _piece(self, report: Report) -> str:
        from ..baseline import suppressed_findings
        from .sarif import _result, artifact

        for role, d in (("target", report.target), ("source", report.source)):
            if d.path not in self.index:
                self.index[d.path] = len(self.artifacts)
                self.artifacts.append(artifact(d, role))
        if self.n == 0:
            self.signature = report.signature.get("signature")
        self.codes |= {c for c in str(report.signature.get("rules", "")).split(",") if c}
        marks = _Marks()
        results = [_result(f, report, self.index, marks) for f in report.findings]
        for f, by, reason in suppressed_findings(report):
            res = _result(f, report, self.index, marks)
            res["suppressions"] = [{"kind": "external", "status": "accepted", "justification": f"{by}: {reason}"}]
            results.append(res)
            self.suppressed += 1
        self.last_found.update({f.code: f for f in report.findings})  # _rules describes an unregistered code
        self.last_suppressed.update({f.code: f for f, _, _ in suppressed_findings(report)})  # by its last finding
        out = []
        for res in results:
            out.append(("," if self.results else "") + "\n"
                       + _indent(json.dumps(res, ensure_ascii=False, indent=2), self._prefix))
            self.results += 1
        return "".join(out)

    def finish(self) -> tuple[str, str]:
        from .. import __version__
        from .sarif import INFO_URI, SARIF_SCHEMA, _rules

        rules = _rules(self.codes, list({**self.last_found, **self.last_suppressed}.values()))
        self.rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
        run = {
            "tool": {"driver": {"name": "tqcheck", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFO_URI, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "artifacts": self.artifacts,
            "results": [_SENTINEL],
            "properties": {"signature": self.signature, "suppressed": self.suppressed,
                           "gate": {"failed": bool(self.failed)}},
        }
        head, prefix, tail = _splice({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]})
        assert prefix == self._prefix
        return _close(head, tail, bool(self.results))

    def fix_line(self, line: str) -> str:
        m = self._INDEX.match(line.rstrip("\n"))
        if not m:
            return line
        comma = "," if line.rstrip("\n").endswith(",") else ""
        return f"{m.group(1)}{self.rule_index[json.loads(chr(34) + m.group(2) + chr(34))]}{comma}" + \
            ("\n" if line.endswith("\n") else "")


class _Marks(dict):
    """A ``rule_index`` mapping for :func:`tqcheck.render.sarif._result` that writes a placeholder naming the
    rule (replaced by its index in :meth:`SarifStreamer.fix_line`)."""

    def __missing__(self, code: str) -> str:
        return f"\u0000{code}\u0000"


class JunitStreamer(Streamer):
    """``<testsuites>`` whose totals are written at the end; one ``<testsuite>`` per pair streamed."""

    def __init__(self, pairing: Any = None) -> None:
        super().__init__(pairing)
        self.tests = 0
        self.failures = 0

    def _piece(self, report: Report) -> str:
        import xml.etree.ElementTree as ET

        from .junit import _suite

        suite = _suite(report)
        self.tests += int(suite.get("tests", 0))
        self.failures += int(suite.get("failures", 0))
        ET.indent(suite, level=1)
        return "\n  " + ET.tostring(suite, encoding="unicode")

    def finish(self) -> tuple[str, str]:
        from .junit import render_many

        if not self.n:
            return render_many([]), ""
        head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tqcheck" tests="{self.tests}" '
                f'failures="{self.failures}" errors="0">')
        return head, "\n</testsuites>\n"


class GithubStreamer(Streamer):
    def _piece(self, report: Report) -> str:
        from .github import render_many

        return render_many([report])

    def finish(self) -> tuple[str, str]:
        return "", ""


class TextStreamer(Streamer):
    """The text report of each pair, the unpaired documents and a closing count."""

    def __init__(self, pairing: Any = None, color: bool = False, width: int | None = None) -> None:
        super().__init__(pairing)
        self.color, self.width = color, width

    def _piece(self, report: Report) -> str:
        return ("\n" if self.n else "") + render(report, Format.text, color=self.color, width=self.width)

    def finish(self) -> tuple[str, str]:
        rest = []
        p = self.pairing
        if p is not None and p.unpaired:
            rest.append("".join(
                f"unpaired: {u.path} ({u.lang})"
                + (f"; best candidate {u.best_candidate} (similarity {u.similarity:.2f})\n"
                   if u.best_candidate else "\n") for u in p.unpaired))
        rest.append(f"{self.n} pair{'s' if self.n != 1 else ''} checked, {self.failed} failed the gate\n")
        return "", ("\n" if self.n else "") + "\n".join(rest)


def streamer(fmt: Format | str, pairing: Any = None, **kw: Any) -> Streamer:
    """The streaming renderer of a many-pair output in ``fmt`` (not ``html``: a folder of pages)."""
    fmt = Format(fmt)
    if fmt == Format.text:
        return TextStreamer(pairing, **kw)
    return {Format.json: JsonStreamer, Format.sarif: SarifStreamer, Format.junit: JunitStreamer,
            Format.github: GithubStreamer}[fmt](pairing)
