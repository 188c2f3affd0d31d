"""Suggestions shown as local edits (docs/output-formats.md, "Suggestions"), shared by the line formats.

A target-side suggestion replaces the flagged span. Where the span or its replacement is only punctuation
or spacing (" ." -> "."), the edit alone means little, so it is shown with a few words of the same line
around it: ``"…Sergey Lavrov ." → "…Sergey Lavrov."``.
"""
from __future__ import annotations

import re

from ..model import Document, Finding

CONTEXT_WORDS = 2


def _oneline(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def edit(f: Finding, doc: Document) -> tuple[str, str] | None:
    """``(old, new)`` for a target-side suggestion, with context where the span is bare; else None."""
    if f.suggestion is None or f.side == "source":
        return None
    old, new = _oneline(f.text), _oneline(f.suggestion)
    if re.search(r"\w", old) and re.search(r"\w", new):
        return old, new
    before, after = context(doc, f.start, f.end)
    return before + old + after, before + new + after


def suggestion_text(f: Finding, doc: Document) -> str | None:
    """The suggestion as the line formats print it: itself, or the edit in context where it is bare."""
    pair = edit(f, doc)
    if pair is None or (pair[0] == _oneline(f.text) and pair[1] == _oneline(f.suggestion or "")):
        return f.suggestion
    return f'"{pair[0]}" → "{pair[1]}"'


def context(doc: Document, start: int, end: int) -> tuple[str, str]:
    """A few words of the same line before ``start`` and after ``end`` in the document's text (… where cut)."""
    line_start = doc.raw.rfind("\n", 0, start) + 1
    line_end = doc.raw.find("\n", end)
    line_end = len(doc.raw) if line_end < 0 else line_end
    before = doc.raw[line_start:start]
    after = doc.raw[end:line_end]
    head = re.search(rf"(?:\S+\s+){{0,{CONTEXT_WORDS}}}\S*$", before)
    tail = re.match(rf"^\S*(?:\s+\S+){{0,{CONTEXT_WORDS}}}", after)
    pre = _oneline(head.group(0)) if head else ""
    post = _oneline(tail.group(0)) if tail else ""
    return (("…" + pre if len(pre) < len(before) else pre),
            (post + "…" if len(post) < len(after.rstrip()) else post))
