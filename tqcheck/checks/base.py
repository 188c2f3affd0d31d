"""Rule metadata, the contexts rules read, and the runner that turns hits into findings.

A rule is a small generator function decorated with :func:`rule`. Bead rules get a
:class:`BeadContext` (one aligned bead); document rules get a :class:`DocContext`.
They yield :class:`Hit` objects whose offsets index ``Segment.text`` (the NFC text);
the runner maps them back to offsets in the file's own decoded text.
"""
from __future__ import annotations

import hashlib
import inspect
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from ..errors import TqcheckError
from ..model import Bead, Document, Finding, Segment, Severity
from ..textmap import nfc_offsets

log = logging.getLogger(__name__)

CODE_RE = re.compile(r"^TQ\d{3}$")
DOC_SECTIONS = ("What", "Why", "Example", "Fix")

FAMILIES = {
    "TQ1": "names",
    "TQ2": "numbers",
    "TQ3": "terms",
    "TQ4": "untranslated",
    "TQ5": "omission",
    "TQ6": "consistency",
    "TQ7": "fluency",
    "TQ8": "adequacy",
    "TQ9": "internal",
}


@dataclass(frozen=True)
class Hit:
    """What a rule yields: a span in one segment (``start``/``end`` index ``Segment.text``)."""

    side: str
    segment: int
    start: int
    end: int
    message: str
    suggestion: str | None = None
    severity: Severity | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    scope: str  # "bead" | "document"
    func: Callable[..., Iterable[Hit]]
    since: str = "0.1.0"
    aliases: tuple[str, ...] = ()

    @property
    def family(self) -> str:
        return FAMILIES.get(self.code[:3], "other")

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ").strip()

    def sections(self) -> dict[str, str]:
        """The docstring's ``What:``/``Why:``/``Example:``/``Fix:`` sections."""
        out: dict[str, str] = {}
        current = None
        for line in self.doc.splitlines():
            head = line.split(":", 1)[0].strip()
            if head in DOC_SECTIONS and line.strip().startswith(head + ":"):
                current = head
                out[current] = line.split(":", 1)[1].strip()
            elif current:
                out[current] = (out[current] + "\n" + line).strip()
        return out


_RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, *, scope: str = "bead", since: str = "0.1.0",
         aliases: tuple[str, ...] = ()) -> Callable[[Callable[..., Iterable[Hit]]], Callable[..., Iterable[Hit]]]:
    """Register a rule function under a stable code."""
    if not CODE_RE.match(code):
        raise ValueError(f"bad rule code {code!r}")

    def deco(func: Callable[..., Iterable[Hit]]) -> Callable[..., Iterable[Hit]]:
        if code in _RULES and _RULES[code].func.__qualname__ != func.__qualname__:
            raise ValueError(f"rule code {code} registered twice")
        _RULES[code] = Rule(code, name, severity, scope, func, since, aliases)
        return func

    return deco


@dataclass
class DocContext:
    """Everything a document-level rule may read."""

    source: Document
    target: Document
    beads: tuple[Bead, ...]
    resources: Any  # tqcheck.resources.Resources
    options: dict[str, Any] = field(default_factory=dict)
    sims: dict[int, float] = field(default_factory=dict)  # bead index -> margin-normalised score
    cache: dict[str, Any] = field(default_factory=dict)  # shared by rules within one run

    @property
    def src_lang(self) -> str:
        return self.source.lang

    @property
    def tgt_lang(self) -> str:
        return self.target.lang


@dataclass
class BeadContext:
    """One aligned bead, with its document context."""

    doc: DocContext
    index: int
    bead: Bead

    @property
    def src_segments(self) -> list[Segment]:
        return [self.doc.source.segments[i] for i in self.bead.src]

    @property
    def tgt_segments(self) -> list[Segment]:
        return [self.doc.target.segments[i] for i in self.bead.tgt]

    @property
    def src_text(self) -> str:
        return " ".join(s.text for s in self.src_segments)

    @property
    def tgt_text(self) -> str:
        return " ".join(s.text for s in self.tgt_segments)

    @property
    def resources(self) -> Any:
        return self.doc.resources

    def locate(self, side: str, pos: int) -> tuple[int, int]:
        """Map an offset in the joined ``src_text``/``tgt_text`` to (segment index, offset in it)."""
        segs = self.src_segments if side == "source" else self.tgt_segments
        base = 0
        for seg in segs:
            if pos <= base + len(seg.text):
                return seg.index, max(0, pos - base)
            base += len(seg.text) + 1
        last = segs[-1]
        return last.index, len(last.text)

    def hit(self, side: str, start: int, end: int, message: str, **kw: Any) -> Hit:
        """Build a hit from offsets into the joined bead text (``src_text``/``tgt_text``)."""
        seg, s = self.locate(side, start)
        seg2, e = self.locate(side, end)
        if seg2 != seg:  # spans never cross segments; clip to the first one
            segs = {x.index: x for x in (self.src_segments if side == "source" else self.tgt_segments)}
            e = len(segs[seg].text)
        return Hit(side, seg, s, e, message, **kw)


def to_finding(rule_: Rule, hit: Hit, source: Document, target: Document, bead: int | None) -> Finding:
    doc = source if hit.side == "source" else target
    seg = doc.segments[hit.segment]
    raw_slice = doc.raw[seg.start:seg.end]
    _, offsets = nfc_offsets(raw_slice)
    # offsets maps NFC positions to raw positions; the segment text is the NFC slice
    s = seg.start + offsets[min(max(hit.start, 0), len(offsets) - 1)]
    e = seg.start + offsets[min(max(hit.end, hit.start), len(offsets) - 1)]
    line, col = doc.line_col(s)
    text = doc.raw[s:e]
    fp = hashlib.sha1(f"{rule_.code}|{hit.side}|{text}|{seg.text}".encode()).hexdigest()[:16]
    return Finding(
        code=rule_.code, name=rule_.name, severity=hit.severity or rule_.severity, side=hit.side,
        start=s, end=e, text=text, segment=hit.segment, bead=bead, message=hit.message,
        suggestion=hit.suggestion, family=rule_.family, line=line, col=col, evidence=hit.evidence,
        fingerprint=fp, unit_id=seg.unit_id,
    )


def run_rules(rules: list[Rule], ctx: DocContext) -> list[Finding]:
    """Run every selected rule; a crashing rule becomes a TQ901 finding, never a traceback."""
    findings: list[Finding] = []
    seg_to_bead_src = {i: b for b, bead in enumerate(ctx.beads) for i in bead.src}
    seg_to_bead_tgt = {i: b for b, bead in enumerate(ctx.beads) for i in bead.tgt}

    def bead_of(hit: Hit) -> int | None:
        return (seg_to_bead_src if hit.side == "source" else seg_to_bead_tgt).get(hit.segment)

    for r in rules:
        try:
            if r.scope == "document":
                for h in r.func(ctx):
                    findings.append(to_finding(r, h, ctx.source, ctx.target, bead_of(h)))
            else:
                for b, bead in enumerate(ctx.beads):
                    bctx = BeadContext(ctx, b, bead)
                    for h in r.func(bctx):
                        findings.append(to_finding(r, h, ctx.source, ctx.target, b))
        except TqcheckError:
            raise  # a broken installation or bad input is not a rule bug: stop with its message
        except Exception as exc:  # noqa: BLE001 - a rule bug must not kill the run
            log.exception("rule %s crashed", r.code)
            findings.append(_crash_finding(r, exc, ctx))
    return findings


def _crash_finding(r: Rule, exc: Exception, ctx: DocContext) -> Finding:
    return Finding(
        code="TQ901", name="rule-crashed", severity=Severity.MINOR, side="target", start=0, end=0,
        text="", segment=None, bead=None, message=f"rule {r.code} ({r.name}) crashed: {exc!r}",
        family="internal", line=1, col=1,
    )


def all_rules_meta() -> dict[str, Rule]:
    return dict(_RULES)


def iter_hits(*groups: Iterable[Hit]) -> Iterator[Hit]:
    for g in groups:
        yield from g
