"""Where each XML element's content lies in the decoded file text.

translate-toolkit (through lxml) parses the file and gives us the units; lxml knows an element's line but
not its column. This module scans the already-validated text once, records every element's content span
``[start, end)`` in document order, and pairs the i-th lxml element with the i-th start tag found here
(both walk the tree in document order). Findings then point at exact lines and columns in the file.
"""
from __future__ import annotations

import re
from typing import Any

from ..errors import InputError, InternalError

_TOKEN = re.compile(
    r"""<!--.*?-->
      |<!\[CDATA\[.*?\]\]>
      |<\?.*?\?>
      |<!DOCTYPE(?:[^\[>]|\[.*?\])*>
      |</(?P<end>[^\s>]+)\s*>
      |<(?P<start>[^\s/>!?]+)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(?P<empty>/)?>""",
    re.S | re.X,
)


class ElementSpans:
    """Content spans of every element of one XML text, in document order."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.spans: list[tuple[str, int, int, int]] = []  # (local name, tag start, content start, content end)
        stack: list[int] = []
        for m in _TOKEN.finditer(raw):
            if m.group("start"):
                name = m.group("start").split(":")[-1]
                self.spans.append((name, m.start(), m.end(), m.end()))
                if not m.group("empty"):
                    stack.append(len(self.spans) - 1)
            elif m.group("end") and stack:
                i = stack.pop()
                name, tag, cs, _ = self.spans[i]
                self.spans[i] = (name, tag, cs, m.start())
        self._index: dict[int, int] = {}

    def bind(self, root: Any) -> None:
        """Pair lxml elements (``root.iter()`` order) with the scanned spans."""
        elements = [e for e in root.getroottree().getroot().iter() if isinstance(e.tag, str)]
        if len(elements) != len(self.spans):
            raise InternalError(f"XML scan found {len(self.spans)} elements, the parser {len(elements)}")
        for i, el in enumerate(elements):
            if _local(el.tag) != self.spans[i][0]:
                raise InternalError(f"XML scan out of step at element {i} ({el.tag})")
            self._index[id(el)] = i
        self._keep = elements  # keep ids stable

    def content(self, el: Any) -> tuple[int, int]:
        """``(start, end)`` of the element's content in the raw text."""
        i = self._index.get(id(el))
        if i is None:
            raise InternalError(f"element {el.tag} not bound")
        _, _, s, e = self.spans[i]
        return s, e


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_error(path: str, exc: Exception) -> InputError:
    """An lxml/toolkit parse failure as one line naming the file, line and column."""
    pos = getattr(exc, "position", None)
    line = pos[0] if pos else getattr(exc, "lineno", None)
    msg = str(getattr(exc, "msg", "") or exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    msg = re.sub(r",?\s*line \d+, column \d+$", "", msg)
    where = f"line {line}" + (f", column {pos[1]}" if pos and len(pos) > 1 else "") if line else "unknown line"
    return InputError(f"{path}: malformed XML at {where}: {msg}")
