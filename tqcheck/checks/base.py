"""Rule metadata, the contexts rules read, and the runner that turns hits into findings.

A rule is a small generator function decorated with :func:`rule`. Bead rules get a
:class:`BeadContext` (one aligned bead); document rules get a :class:`DocContext`.
They yield :class:`Hit` objects whose offsets index ``Segment.text`` (the NFC text);
the runner maps them back to offsets in the file's own decoded text.

A rule declares its thresholds where it is written, ``@rule("TQ801", ..., options={"z": -3.0})``, and reads
them with ``ctx.option("z")``; ``[tool.tqcheck] options = { TQ801 = { z = -4.0 } }`` overrides a default
(:func:`check_options` rejects unknown names and wrong types).
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import inspect
import logging
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Iterable, Iterator, Mapping, TypeVar

from ..errors import ConfigError, TqcheckError
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
SCOPES = ("bead", "document", "internal")  # "internal": emitted by the runner itself, never run
_NO_OPTIONS: Mapping[str, Any] = MappingProxyType({})


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
    # option name -> default value (its type is the option's type); read-only
    options: Mapping[str, Any] = field(default_factory=lambda: _NO_OPTIONS, hash=False, compare=False)

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
         aliases: tuple[str, ...] = (), options: Mapping[str, Any] | None = None,
         ) -> Callable[[Callable[..., Iterable[Hit]]], Callable[..., Iterable[Hit]]]:
    """Register a rule function under a stable code, with its options' defaults (``{name: default}``)."""
    if not CODE_RE.match(code):
        raise ValueError(f"bad rule code {code!r}")
    if scope not in SCOPES:
        raise ValueError(f"rule {code}: scope must be one of {SCOPES}, not {scope!r}")
    for key, default in (options or {}).items():
        if not re.fullmatch(r"[a-z][a-z0-9_]*", key) or not isinstance(default, (bool, int, float, str)):
            raise ValueError(f"rule {code}: option {key!r} needs a snake_case name and a bool/int/float/str default")
    opts = MappingProxyType(dict(options or {}))

    def deco(func: Callable[..., Iterable[Hit]]) -> Callable[..., Iterable[Hit]]:
        if code in _RULES and _RULES[code].func.__qualname__ != func.__qualname__:
            raise ValueError(f"rule code {code} registered twice")
        _RULES[code] = Rule(code, name, severity, scope, func, since, aliases, opts)
        return func

    return deco


def _option_value(code: str, key: str, default: Any, value: Any) -> Any:
    """``value`` checked against the type of ``default`` (an int is accepted for a float option)."""
    kind = type(default)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if type(value) is not kind:
        raise ConfigError(f"options: {code}.{key} must be {kind.__name__} (like the default {default!r}), "
                          f"not {value!r}")
    return value


def check_options(options: Mapping[str, Any], rules: Mapping[str, Rule]) -> dict[str, dict[str, Any]]:
    """Validate user rule options (``{code: {name: value}}``) against what the rules declare.

    Returns them keyed by the rules' current codes (an alias is accepted). An unknown code or option
    name, or a value of the wrong type, is a :class:`ConfigError`."""
    by_code = {c: r for r in rules.values() for c in (r.code, *r.aliases)}
    out: dict[str, dict[str, Any]] = {}
    for code, table in options.items():
        r = by_code.get(str(code).upper())
        if r is None:
            raise ConfigError(f"options: unknown rule code {code!r} (see 'tqcheck rules')")
        if not isinstance(table, Mapping):
            raise ConfigError(f"options: {code} must be a table of option = value, e.g. {{ {_example(r)} }}")
        for key, value in table.items():
            if key not in r.options:
                known = ", ".join(sorted(r.options)) or "none"
                raise ConfigError(f"options: {r.code} has no option {key!r} (its options: {known})")
            out.setdefault(r.code, {})[key] = _option_value(r.code, key, r.options[key], value)
    return out


def _example(r: Rule) -> str:
    return next((f"{k} = {v!r}" for k, v in r.options.items()), "name = value")


@dataclass
class DocContext:
    """Everything a document-level rule may read, typed: the two documents and their beads, the resources,
    the user's options, the aligner's scores (:attr:`sims`), the run's encoder (:attr:`embedder`), the refine
    stage's output (:attr:`displaced`) and the languages' profiles (:attr:`src_profile`, :attr:`tgt_profile`),
    filled by :func:`tqcheck.pipeline.check_loaded`.

    What rules compute once per document and share lives in :attr:`memo`, keyed by the function that computes
    it (see :func:`per_document`): no string keys, so a reader always goes through the producer.
    """

    source: Document
    target: Document
    beads: tuple[Bead, ...]
    resources: Any  # tqcheck.resources.Resources
    options: dict[str, Any] = field(default_factory=dict)  # {code: {option: value}} set by the user
    sims: dict[int, float] = field(default_factory=dict)  # bead index -> margin-normalised score
    embedder: Any = None  # tqcheck.embed.Embedder (memoised and cached) of this run, or None
    # the refine stage's output: target sentence -> the source sentence it matches better than its own
    # bead's ({} when the file pairs the units itself; None when no aligner ran)
    displaced: dict[int, int] | None = None
    memo: dict[Callable[..., Any], Any] = field(default_factory=dict, repr=False)  # see per_document
    rule: Rule | None = None  # the rule being run (set by the runner; ``option`` reads its declaration)

    @property
    def src_lang(self) -> str:
        return self.source.lang

    @property
    def tgt_lang(self) -> str:
        return self.target.lang

    @property
    def src_profile(self) -> Any:
        """``tqcheck.lang.profile(src_lang)``: the source language's profile."""
        from ..lang import profile

        return profile(self.src_lang)

    @property
    def tgt_profile(self) -> Any:
        """``tqcheck.lang.profile(tgt_lang)``: the target language's profile."""
        from ..lang import profile

        return profile(self.tgt_lang)

    def option(self, name: str, code: str | None = None) -> Any:
        """The value of option ``name`` of rule ``code`` (default: the rule being run): the user's setting
        from ``[tool.tqcheck] options``, else the default the rule declares. Helpers shared by several rules
        pass ``code`` explicitly."""
        r = self.rule if code is None else _RULES.get(code)
        if r is None:
            raise KeyError(f"option {name!r}: no rule {'is running' if code is None else code}")
        if name not in r.options:
            raise KeyError(f"rule {r.code} declares no option {name!r}")
        user = self.options.get(r.code, {})
        return _option_value(r.code, name, r.options[name], user[name]) if name in user else r.options[name]


_T = TypeVar("_T")


def per_document(func: Callable[[DocContext], _T]) -> Callable[[DocContext], _T]:
    """Decorator for what rules compute once per document and share (statistics, vectors, issues found by one
    analysis and reported by several rules): ``func(doc)`` runs on the first call for a :class:`DocContext`,
    and its result is kept in :attr:`DocContext.memo` under ``func`` itself (so ``per_document(func)(doc)``
    made at the call finds it too: modules that :mod:`tqcheck.checks` imports wrap at the call)."""

    @functools.wraps(func)
    def once(doc: DocContext) -> _T:
        memo = doc.memo
        if func not in memo:
            memo[func] = func(doc)
        return memo[func]

    return once


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

    def option(self, name: str, code: str | None = None) -> Any:
        """See :meth:`DocContext.option`."""
        return self.doc.option(name, code)

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
        if r.scope == "internal":
            continue
        ctx.rule = r
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
        finally:
            ctx.rule = None
    return _after_garbled(findings)


_GARBLED_NOTE = " (the translation here is garbled: TQ704)"


def _after_garbled(findings: list[Finding]) -> list[Finding]:
    """Findings on a target sentence that TQ704 reports critical (half its letters or more in the wrong
    character encoding), and source findings of its bead, capped at minor: a sentence that cannot be read
    cannot be checked, so a name, number or clause that seems missing there is a consequence of the garbling,
    already reported once, and not an error of its own."""
    garbled = [f for f in findings if f.code == "TQ704" and f.severity == Severity.CRITICAL]
    if not garbled:
        return findings
    segs = {f.segment for f in garbled}
    beads = {f.bead for f in garbled if f.bead is not None}
    out = []
    for f in findings:
        hit = f.segment in segs if f.side == "target" else f.bead is not None and f.bead in beads
        if hit and f.code != "TQ704" and f.severity.rank > Severity.MINOR.rank:
            f = dataclasses.replace(f, severity=Severity.MINOR, message=f.message + _GARBLED_NOTE)
        out.append(f)
    return out


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
