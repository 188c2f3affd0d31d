"""The JSON report: the stable machine contract (docs/output-formats.md)."""
from __future__ import annotations

import json
from typing import Any

from ..model import SCHEMA_VERSION, Document, Finding, Report
from .safe import display_path


def _doc(d: Document) -> dict[str, Any]:
    return {
        "path": display_path(d.path),
        "lang": d.lang,
        "encoding": d.encoding,
        "segments": [
            {"index": s.index, "text": s.text, "start": s.start, "end": s.end, "line": s.line, "col": s.col,
             "lang": s.lang, "paragraph": s.paragraph, **({"unit_id": s.unit_id} if s.unit_id else {})}
            for s in d.segments
        ],
    }


def finding_to_dict(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code, "name": f.name, "severity": f.severity.value, "family": f.family, "side": f.side,
        "start": f.start, "end": f.end, "line": f.line, "col": f.col, "text": f.text, "segment": f.segment,
        "bead": f.bead, "message": f.message, "suggestion": f.suggestion, "evidence": f.evidence,
        "fingerprint": f.fingerprint, **({"unit_id": f.unit_id} if f.unit_id else {}),
    }


def report_to_dict(r: Report) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": r.signature,
        "source": _doc(r.source),
        "target": _doc(r.target),
        "alignment": [{"source": list(b.src), "target": list(b.tgt), "similarity": round(b.similarity, 4)}
                      for b in r.alignment],
        "findings": [finding_to_dict(f) for f in r.findings],
        "summary": r.summary,
    }
    if r.scores:
        out["scores"] = [{"metric": s.metric, "value": s.value, "signature": s.signature, "level": s.level}
                         for s in r.scores]
    out.update(r.extra)
    return out


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def render(report: Report, **_: object) -> str:
    return dumps(report_to_dict(report))
