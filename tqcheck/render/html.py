"""The HTML report: one self-contained page (inline CSS, JS and SVG) for reviewers.

Rendered with Jinja2 autoescaping, so document text is always shown as text. The page
carries a Content-Security-Policy that allows only its own inline style and script (by
hash) and no network at all. This module only arranges the report for display: it
splits highlighted spans, groups findings by alignment row and buckets similarities
for the overview strip; every number comes from the :class:`~tqcheck.model.Report`.
"""
from __future__ import annotations

import base64
import hashlib
import statistics
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..model import Bead, Document, Finding, Report, Segment, Severity
from .safe import display_path

SEVERITIES = tuple(s.value for s in Severity)  # most severe first
# A shape per severity: the non-colour cue next to the underline style (double / wavy / dotted).
SHAPE = {"critical": "◆", "major": "▲", "minor": "●"}
# Similarity buckets for the strip, by robust z-score against the document's own beads.
BUCKETS = (("typical", -1.0), ("low", -2.0), ("weak", -3.0), ("poor", float("-inf")))


@dataclass
class Piece:
    """A run of segment text covered by the same set of findings (overlaps are split)."""

    text: str
    fids: tuple[str, ...] = ()
    sev: str = ""
    first: tuple[str, ...] = ()  # findings that start here (focus targets)
    ends: tuple[tuple[str, str], ...] = ()  # (fid, severity) of findings ending here: their badges
    caret: bool = False  # a zero-length span: an insertion point


@dataclass
class Cell:
    side: str
    segments: list[dict[str, Any]] = field(default_factory=list)  # {"seg": Segment, "pieces": [Piece]}


@dataclass
class Row:
    id: str
    index: int | None
    kind: str
    similarity: float | None
    bucket: str
    src: Cell
    tgt: Cell
    findings: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)  # findings on the row, not on a span

    @property
    def status(self) -> str:
        if not self.src.segments:
            return "addition"
        if not self.tgt.segments:
            return "omission"
        return "aligned"

    @property
    def label(self) -> str:
        if self.index is not None:
            return f"Row {self.index + 1}"
        seg = (self.src.segments or self.tgt.segments)[0]["seg"]
        return f"Unaligned {'source' if self.src.segments else 'target'} {seg.index + 1}"

    @property
    def worst(self) -> str:
        sevs = {f["severity"] for f in self.findings}
        return next((s for s in SEVERITIES if s in sevs), "")


def render(report: Report, *, title: str | None = None, **_: object) -> str:
    """The whole report as one HTML page."""
    report = replace(report, source=replace(report.source, path=display_path(report.source.path)),
                     target=replace(report.target, path=display_path(report.target.path)))
    view = _view(report)
    title = title or f"tqcheck: {_base(report.source.path)} → {_base(report.target.path)}"
    return _page("report.html.j2", title=title, r=report, **view)


def render_index(pairs: list[dict], *, title: str = "tqcheck: translation-quality reports") -> str:
    """An index page for a folder run: one line per checked pair, linking to its report.

    Each dict has ``href`` (relative link to the pair's page), ``source``, ``target``,
    ``quality_score``, ``counts`` (by severity, or a summary holding ``by_severity``) and ``failed``.
    """
    rows = []
    for p in pairs:
        counts = p.get("counts") or {}
        counts = counts.get("by_severity", counts)
        href = str(p.get("href") or "")
        rows.append({
            "href": href if _safe_href(href) else None,
            "source": display_path(str(p.get("source", ""))),
            "target": display_path(str(p.get("target", ""))),
            "score": p.get("quality_score"),
            "counts": {s: int(counts.get(s, 0) or 0) for s in SEVERITIES},
            "failed": bool(p.get("failed")),
        })
    scores = [r["score"] for r in rows if isinstance(r["score"], (int, float))]
    totals = {s: sum(r["counts"][s] for r in rows) for s in SEVERITIES}
    return _page("index.html.j2", title=title, rows=rows, totals=totals,
                 failed=sum(r["failed"] for r in rows),
                 mean_score=round(statistics.fmean(scores), 1) if scores else None)


# -- the page -----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=PackageLoader("tqcheck.render", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(SHAPE=SHAPE, SEVERITIES=SEVERITIES)
    env.filters["clip"] = _clip
    env.filters["fmt"] = _fmt
    return env


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files("tqcheck.render").joinpath("templates", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _page(template: str, **ctx: Any) -> str:
    """Render a page with its inline CSS/JS and a CSP that admits exactly those (by hash)."""
    css = _asset("report.css")
    js = _asset("report.js") if template == "report.html.j2" else ""
    csp = ("default-src 'none'; "
           f"style-src '{_sha256(css)}'; "
           + (f"script-src '{_sha256(js)}'; " if js else "script-src 'none'; ")
           + "img-src data:; base-uri 'none'; form-action 'none'")
    return _env().get_template(template).render(css=Markup(css), js=Markup(js), csp=Markup(csp), **ctx)


def _safe_href(href: str) -> bool:
    """Only relative links: no scheme (javascript:, http:), no host, nothing protocol-relative."""
    parts = urlsplit(href)
    return bool(href) and not parts.scheme and not parts.netloc and not href.startswith(("/", "\\"))


def _base(path: str) -> str:
    path = display_path(path)
    return path.replace("\\", "/").rsplit("/", 1)[-1] or path


def _clip(text: str, n: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _fmt(value: Any, digits: int = 1) -> str:
    if isinstance(value, (int, float)):
        return f"{value:.{digits}f}"
    return "–"


def _lang_name(code: str) -> str:
    try:
        from babel import Locale

        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except Exception:  # noqa: BLE001 - an unknown code is shown as it is
        return code


# -- the view model -----------------------------------------------------------------------------

def _view(report: Report) -> dict[str, Any]:
    fids = {id(f): f"f{i}" for i, f in enumerate(report.findings)}
    items = [_finding_item(f, fids[id(f)]) for f in report.findings]
    rows = _rows(report)
    row_of = {}
    for row in rows:
        for side, cell in (("source", row.src), ("target", row.tgt)):
            for s in cell.segments:
                row_of[(side, s["seg"].index)] = row
    by_bead = {row.index: row for row in rows if row.index is not None}
    doc_level = []
    for f, item in zip(report.findings, items):
        row = row_of.get((f.side, f.segment)) if f.segment is not None else by_bead.get(f.bead)
        item["row"] = row.id if row else None
        item["loc"] = row.label if row else "document"
        if row is None:
            doc_level.append(item)
            continue
        row.findings.append(item)
        if not _place_span(row, f, item):
            row.notes.append(item)
    for row in rows:
        for cell in (row.src, row.tgt):
            for s in cell.segments:
                s["pieces"] = _pieces(report.source if cell.side == "source" else report.target, s["seg"],
                                      s.pop("spans"))
    summary = report.summary
    families = dict(summary.get("by_family") or _count(f.family or "other" for f in report.findings))
    return {
        "rows": rows, "items": items, "doc_level": doc_level, "byid": {it["id"]: it for it in items},
        "by_severity": {s: int((summary.get("by_severity") or {}).get(s, 0)) for s in SEVERITIES},
        "families": families, "family_max": max(families.values(), default=0),
        "gate": summary.get("gate") or {}, "score": summary.get("quality_score"),
        "langs": {"source": _lang_name(report.source.lang), "target": _lang_name(report.target.lang)},
        "strip": _strip(rows), "codes": _rule_summaries(f.code for f in report.findings),
        "top_codes": _top_codes(report.findings),
    }


def _count(values: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items()))


def _top_codes(findings: Iterable[Finding], n: int = 4) -> list[tuple[str, str, int]]:
    names = {f.code: f.name for f in findings}
    counts = _count(f.code for f in findings)
    return [(c, names[c], k) for c, k in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def _finding_item(f: Finding, fid: str) -> dict[str, Any]:
    return {
        "id": fid, "f": f, "severity": f.severity.value, "family": f.family or "other",
        "where": f"{'source' if f.side == 'source' else 'target'} {f.line}:{f.col}",
    }


def _rows(report: Report) -> list[Row]:
    """One row per bead, plus rows for any segment the alignment leaves out (shown as unaligned)."""
    sims = [b.similarity for b in report.alignment if b.src and b.tgt]
    rows = [_row(report, f"b{i}", i, b, _bucket(b, sims)) for i, b in enumerate(report.alignment)]
    covered_s = {i for b in report.alignment for i in b.src}
    covered_t = {i for b in report.alignment for i in b.tgt}
    for side, doc, covered in (("source", report.source, covered_s), ("target", report.target, covered_t)):
        for seg in doc.segments:
            if seg.index not in covered:
                bead = Bead((seg.index,), (), 0.0) if side == "source" else Bead((), (seg.index,), 0.0)
                rows.append(_row(report, f"u{side[0]}{seg.index}", None, bead, "unaligned"))
    return rows


def _row(report: Report, rid: str, index: int | None, bead: Bead, bucket: str) -> Row:
    def cell(side: str, doc: Document, idx: tuple[int, ...]) -> Cell:
        return Cell(side, [{"seg": doc.segments[i], "spans": []} for i in idx if 0 <= i < len(doc.segments)])

    both = bool(bead.src and bead.tgt)
    return Row(rid, index, bead.kind, bead.similarity if both else None, bucket,
               cell("source", report.source, bead.src), cell("target", report.target, bead.tgt))


def _bucket(bead: Bead, sims: list[float]) -> str:
    """Where a bead's similarity sits in the document's own distribution (margins, not cut-offs)."""
    if not (bead.src and bead.tgt):
        return "gap"
    if len(sims) < 3:
        return "typical"
    med = statistics.median(sims)
    mad = statistics.median(abs(s - med) for s in sims)
    z = (bead.similarity - med) / max(1.4826 * mad, 0.01)
    return next(name for name, floor in BUCKETS if z >= floor)


def _place_span(row: Row, f: Finding, item: dict[str, Any]) -> bool:
    """Attach a finding's span to its segment in the row; False when it has no span to show."""
    if f.segment is None:
        return False
    cell = row.src if f.side == "source" else row.tgt
    for s in cell.segments:
        seg: Segment = s["seg"]
        if s["seg"].index == f.segment:
            start, end = max(f.start, seg.start), min(f.end, seg.end)
            if start > end or (f.end > f.start and start == end):
                return False  # the span lies outside its segment: show it as a row note
            s["spans"].append((item["id"], start, end, item["severity"]))
            return True
    return False


def _pieces(doc: Document, seg: Segment, spans: list[tuple[str, int, int, str]]) -> list[Piece]:
    """Split a segment's raw text at every span boundary; each piece knows the findings covering it."""
    a, b = seg.start, seg.end
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    cuts = sorted({a, b} | {s for _, s, _, _ in spans} | {e for _, _, e, _ in spans})
    out: list[Piece] = []

    def worst(ids: list[tuple[str, str]]) -> str:
        return min((sev for _, sev in ids), key=rank.__getitem__)

    for p, q in zip(cuts, cuts[1:] + [None]):
        carets = [(fid, sev) for fid, s, e, sev in spans if s == e == p]
        if carets:
            out.append(Piece("⁁", tuple(f for f, _ in carets), worst(carets), tuple(f for f, _ in carets),
                             tuple(carets), caret=True))
        if q is None:
            break
        cover = [(fid, sev) for fid, s, e, sev in spans if s <= p and e >= q and s < e]
        piece = Piece(doc.raw[p:q])
        if cover:
            piece.fids = tuple(f for f, _ in cover)
            piece.sev = worst(cover)
            piece.first = tuple(fid for fid, s, _, _ in spans if s == p and s < q and fid in piece.fids)
            piece.ends = tuple((fid, sev) for fid, s, e, sev in spans if e == q and s < e)
        out.append(piece)
    return out


def _strip(rows: list[Row]) -> dict[str, Any]:
    cells = []
    for x, row in enumerate(rows):
        sevs = [f["severity"] for f in row.findings]
        cells.append({"x": x, "row": row, "worst": row.worst, "n": len(sevs),
                      "h": {"critical": 6, "major": 4, "minor": 2}.get(row.worst, 0)})
    return {"cells": cells, "n": max(1, len(rows))}


def _rule_summaries(codes: Iterable[str]) -> dict[str, str]:
    """One-line rule summaries from the registry, for the codes that occur (empty if unavailable)."""
    wanted = set(codes)
    if not wanted:
        return {}
    try:
        from ..checks import all_rules

        return {c: r.summary for c, r in all_rules().items() if c in wanted}
    except Exception:  # noqa: BLE001 - the page must render even if a rule module fails to import
        return {}
