"""Placeholders and inline markup kept (TQ750-TQ753, the fluency/markup block).

Placeholders are found in the unmasked file text of each segment (``Document.raw[seg.start:seg.end]``),
see :mod:`tqcheck.placeholders`. Format-string placeholders (printf, ``{name}``, ICU) that go missing, appear
or change break the program that fills them in, so those findings are critical; lost or changed tags are major.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from .. import placeholders as ph
from ..model import Severity
from ..textmap import nfc_offsets
from .base import BeadContext, DocContext, Hit, per_document, rule

CODE_KINDS = ("printf", "brace", "icu")
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "area", "col", "embed", "param", "track", "x", "bx",
         "ex", "ph", "sc", "ec"}


def _found(ctx: BeadContext, side: str) -> list[tuple[int, ph.Placeholder]]:
    doc = ctx.doc.source if side == "source" else ctx.doc.target
    segs = ctx.src_segments if side == "source" else ctx.tgt_segments
    out = []
    for seg in segs:
        text, _ = nfc_offsets(doc.raw[seg.start:seg.end])  # same length as Segment.text
        out.extend((seg.index, p) for p in ph.find(text))
    return out


@per_document
def _diffs(doc: DocContext) -> dict[int, dict[str, list]]:
    """The placeholder differences of the document's beads, by bead, as :func:`_diff` computes them."""
    return {}


def _diff(ctx: BeadContext) -> dict[str, list]:
    """Missing, added and changed placeholders of one bead (computed once, shared by the rules)."""
    memo = _diffs(ctx.doc)
    if ctx.index in memo:
        return memo[ctx.index]
    src, tgt = _found(ctx, "source"), _found(ctx, "target")
    result: dict[str, list] = {"missing": [], "added": [], "changed": [], "src": src, "tgt": tgt}
    if ctx.bead.src and ctx.bead.tgt:
        extra_src = Counter(p.key for _, p in src) - Counter(p.key for _, p in tgt)
        extra_tgt = Counter(p.key for _, p in tgt) - Counter(p.key for _, p in src)
        missing = _take(src, extra_src)
        added = _take(tgt, extra_tgt)
        for a in list(added):  # a missing and an added placeholder of one kind: one changed placeholder
            m = next((m for m in missing if _same_kind(m[1], a[1])), None)
            if m is not None:
                missing.remove(m)
                added.remove(a)
                result["changed"].append((m, a))
        result["missing"], result["added"] = missing, added
    memo[ctx.index] = result
    return result


def _take(found: list[tuple[int, ph.Placeholder]], extra: Counter) -> list[tuple[int, ph.Placeholder]]:
    out, left = [], Counter(extra)
    for item in found:
        if left[item[1].key] > 0:
            left[item[1].key] -= 1
            out.append(item)
    return out


def _same_kind(a: ph.Placeholder, b: ph.Placeholder) -> bool:
    code = {"brace", "icu"}
    return a.kind == b.kind or (a.kind in code and b.kind in code) or {a.kind, b.kind} <= {"tag", "code"}


def _sev(p: ph.Placeholder) -> Severity:
    return Severity.CRITICAL if p.kind in CODE_KINDS else Severity.MAJOR


@rule("TQ750", "placeholder-missing", Severity.MAJOR)
def placeholder_missing(ctx: BeadContext) -> Iterator[Hit]:
    """A placeholder or inline tag of the source is missing from the translation.

    What: the source has a placeholder (``%s``, ``%1$d``, ``{name}``, ``{{var}}``, an ICU argument) or an
    inline tag (``<b>``, XLIFF ``<g>``/``<x/>``/``<ph>``, TMX ``<bpt>``/``<ept>``) that the translation lacks.
    Why: the program fills placeholders in at run time; a missing one drops data or crashes the formatter
    (critical), and a missing tag loses formatting or a link (major).
    Example: ``Delete %d files?`` -> ``Xóa các tệp?`` (``%d`` lost).
    Fix: copy the placeholder into the translation where the sentence needs it: ``Xóa %d tệp?``.
    """
    for seg, p in _diff(ctx)["missing"]:
        yield Hit("source", seg, p.start, p.end, f"{p.kind} placeholder {p.text!r} is missing from the translation",
                  suggestion=p.text, severity=_sev(p))


@rule("TQ751", "placeholder-added", Severity.MAJOR)
def placeholder_added(ctx: BeadContext) -> Iterator[Hit]:
    """The translation has a placeholder or inline tag that the source does not have.

    What: a placeholder or tag in the translation with no counterpart in the source.
    Why: an extra format specifier reads an argument that is not passed (a crash or garbage in C/Python
    formatting); an extra tag changes the rendered formatting.
    Example: ``Saved.`` -> ``Đã lưu %s.``.
    Fix: remove the extra placeholder, or check whether the source really needs it.
    """
    for seg, p in _diff(ctx)["added"]:
        yield Hit("target", seg, p.start, p.end,
                  f"{p.kind} placeholder {p.text!r} is not in the source; remove it", severity=_sev(p))


@rule("TQ752", "placeholder-changed", Severity.MAJOR)
def placeholder_changed(ctx: BeadContext) -> Iterator[Hit]:
    """A placeholder was altered in the translation (renamed, retyped or reordered).

    What: a source placeholder appears in the translation in another form: ``{count}`` -> ``{cout}``,
    ``%s`` -> ``%d``, ``<g id="1">`` -> ``<g id="2">``, or non-positional printf conversions (``%s ... %d``)
    swapped, which passes the arguments in the wrong order.
    Why: the program looks placeholders up by exact name, type and position.
    Example: ``Hello {name}`` -> ``Xin chào {ten}``.
    Fix: restore the source's placeholder exactly (``{name}``); to reorder printf arguments use positional
    forms (``%1$s``, ``%2$d``).
    """
    d = _diff(ctx)
    for (_, m), (seg, a) in d["changed"]:
        yield Hit("target", seg, a.start, a.end, f"placeholder {a.text!r} does not match the source's {m.text!r}",
                  suggestion=m.text, severity=_sev(m))
    order_s = [p.key for _, p in d["src"] if p.kind == "printf" and "$" not in p.text and p.text != "%%"]
    tgt = [(s, p) for s, p in d["tgt"] if p.kind == "printf" and "$" not in p.text and p.text != "%%"]
    if not d["changed"] and sorted(order_s) == sorted(p.key for _, p in tgt) and order_s != [p.key for _, p in tgt]:
        seg, p = next((s, p) for (s, p), k in zip(tgt, order_s) if p.key != k)
        yield Hit("target", seg, p.start, p.end,
                  f"printf conversions are in a different order than in the source ({' '.join(order_s)}); "
                  "use positional conversions such as %1$s and %2$d", severity=Severity.CRITICAL)


@rule("TQ753", "markup-order", Severity.MAJOR)
def markup_order(ctx: BeadContext) -> Iterator[Hit]:
    """Inline tags are nested or ordered wrongly in the translation.

    What: the source's tags are well nested but the translation closes a tag before opening it or
    interleaves pairs (``<b>x <i>y</b> z</i>``).
    Why: the rendered text breaks (HTML) or the file fails validation (XLIFF/TMX pairs).
    Example: ``<b>Save</b> now`` -> ``</b>Lưu<b> ngay``.
    Fix: put each closing tag after its opening tag, around the words it formats.
    """
    d = _diff(ctx)
    if not ctx.bead.tgt or _broken([p for _, p in d["src"]]) is not None:
        return
    found = [(s, p) for s, p in d["tgt"] if p.kind == "tag"]
    bad = _broken([p for _, p in found])
    if bad is not None:
        seg, p = found[bad]
        yield Hit("target", seg, p.start, p.end, f"tag {p.text!r} is out of order (tags must nest as in the source)")


def _broken(tags: list[ph.Placeholder]) -> int | None:
    """Index of the first tag that breaks nesting, or None."""
    stack: list[str] = []
    for i, p in enumerate(tags):
        if p.kind != "tag":
            continue
        k = p.key
        name = k.strip("</>").split(" ")[0]
        if k.endswith("/>") or name.lower() in _VOID:
            continue
        if k.startswith("</"):
            if not stack or stack[-1] != name:
                return i
            stack.pop()
        else:
            stack.append(name)
    return None
