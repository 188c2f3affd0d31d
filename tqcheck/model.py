"""The single result model that every output format renders.

Everything here is a frozen dataclass; ``Report.to_dict()`` is the documented JSON
contract (see docs/output-formats.md).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"


class Severity(str, enum.Enum):
    """MQM severities, most severe first."""

    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"

    @property
    def rank(self) -> int:
        return {"critical": 3, "major": 2, "minor": 1}[self.value]

    @property
    def weight(self) -> float:
        """MQM error points (Freitag et al. 2021: major 5, minor 1; critical 25 as in MQM 2.0 scorecards)."""
        return {"critical": 25.0, "major": 5.0, "minor": 1.0}[self.value]


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence (or heading/caption line) of one document.

    ``start``/``end`` index the document's decoded text (``Document.raw``), so
    ``raw[start:end]`` is the segment as it stands in the file; ``text`` is that slice
    NFC-normalised and stripped of surrounding space (what checks read).
    """

    index: int
    text: str
    start: int
    end: int
    line: int
    col: int
    lang: str
    paragraph: int = 0
    unit_id: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    raw: str
    lang: str
    segments: tuple[Segment, ...] = ()
    encoding: str = "utf-8"

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a raw offset."""
        line = self.raw.count("\n", 0, offset) + 1
        col = offset - (self.raw.rfind("\n", 0, offset) + 1) + 1
        return line, col


@dataclass(frozen=True, slots=True)
class Bead:
    """An alignment bead: source and target segment indices (one side may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    similarity: float

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One flagged problem. ``start``/``end`` index the raw text of ``side``'s document."""

    code: str
    name: str
    severity: Severity
    side: str  # "source" | "target"
    start: int
    end: int
    text: str
    segment: int | None
    bead: int | None
    message: str
    suggestion: str | None = None
    family: str = ""
    line: int = 0
    col: int = 0
    evidence: str | None = None
    fingerprint: str = ""
    unit_id: str | None = None  # the translation unit (XLIFF/TMX/PO/CSV/SRT) the finding is in

    def sort_key(self) -> tuple:
        return (self.bead if self.bead is not None else -1, self.side != "source", self.start, self.code)


@dataclass(frozen=True, slots=True)
class Score:
    metric: str
    value: float
    signature: str
    level: str = "document"


@dataclass(frozen=True, slots=True)
class Report:
    source: Document
    target: Document
    alignment: tuple[Bead, ...]
    findings: tuple[Finding, ...]
    signature: dict[str, Any]
    summary: dict[str, Any]
    scores: tuple[Score, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def worst(self) -> Severity | None:
        ranks = [f.severity for f in self.findings]
        return max(ranks, key=lambda s: s.rank) if ranks else None

    def fails(self, fail_on: str, min_score: float | None = None) -> bool:
        """The gate: True when a finding is at or above ``fail_on`` or the score is below ``min_score``."""
        if min_score is not None and self.summary.get("quality_score", 100.0) < min_score:
            return True
        if fail_on == "never":
            return False
        threshold = Severity(fail_on).rank
        return any(f.severity.rank >= threshold for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        from .render.json_ import report_to_dict

        return report_to_dict(self)
