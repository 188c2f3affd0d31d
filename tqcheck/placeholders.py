"""Placeholders and inline markup: finding them, comparing them, and hiding them from language checks.

A *placeholder* is anything in a translatable string that a translator must carry over unchanged:

* XML/HTML tags, raw (``<b>``, ``<g id="1">``, ``<x id="2"/>``) or escaped as in XLIFF/TMX
  code content (``&lt;b&gt;``);
* printf conversions (``%s``, ``%d``, ``%1$s``, ``%(name)s``, ``%.2f``) as pofilter's ``printf`` check reads them;
* brace variables: ``{name}``, ``{0}``, ``{{var}}`` (Jinja/Handlebars/Angular), ``${var}``, ``%{var}`` and the
  head of an ICU argument (``{count, plural,``) whose sub-messages stay translatable;
* subtitle override codes such as ``{\\an8}``.

Design choice: for segments read from translation files, ``Segment.text`` is
the unit's text *as it stands in the file* with every placeholder, inline tag and file-syntax character
(XML entities' tails, PO quotes and escapes, CSV doubled quotes, line breaks) replaced by spaces, **keeping
its length**. Offsets that rules compute in ``Segment.text`` therefore still map one-to-one onto the file,
and the language rules (names, numbers, terms, untranslated, fluency) never see ``%1$s`` or ``&#160;``.
The markup rule (TQ75x) reads the unmasked file text, ``Document.raw[seg.start:seg.end]``.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable

_NAME = r"[A-Za-z_][\w.:-]*"
# a tag's attributes as XML/HTML write them (name, or name=value, quoted or not), so that words in angle brackets
# ("<Oakland Coliseum, July 24, local time>", a caption) are not a tag
_ATTRS = r"""(?:\s+""" + _NAME + r"""(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*\s*"""
_ESCAPED_ATTRS = r"""(?:\s+""" + _NAME + r"""(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|&quot;(?:(?!&[lg]t;).)*?&quot;"""\
    r"""|[^\s"'&<>=`]+))?)*\s*"""
_PATTERNS: tuple[tuple[str, str], ...] = (
    # whole inline code elements with content: <ph id="1">{0}</ph>, <bpt i="1">&lt;b&gt;</bpt>
    ("code", r"<(?P<ce>bpt|ept|ph|it)\b[^<>]*(?<!/)>.*?</(?P=ce)\s*>"),
    ("tag", r"</?" + _NAME + _ATTRS + r"/?>"),
    ("tag", r"&lt;/?" + _NAME + _ESCAPED_ATTRS + r"/?&gt;"),
    ("ass", r"\{\\[^{}]*\}"),
    ("brace", r"\{\{\s*[^{}]+?\s*\}\}"),
    ("brace", r"[$%]\{\s*" + _NAME + r"\s*\}"),
    ("icu", r"\{\s*" + _NAME + r"\s*,\s*(?:plural|select|selectordinal|number|date|time|spellout|ordinal)\b"
            r"\s*(?:,\s*[^{},]*)?(?=[,}])"),
    ("brace", r"\{\s*(?:" + _NAME + r"|\d+)(?:\s*,\s*(?:number|date|time)(?:\s*,\s*[^{}]*)?)?\s*\}"),
    # printf (pofilter's printf pattern: positional n$, Python %(key)s, flags, width, precision, length)
    ("printf", r"%(?:\d+\$|\(\w+\))?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?"
               r"[diouxXeEfFgGaAcspn@](?![A-Za-z])"),
)
_RE = re.compile("|".join(f"(?P<p{i}>{p})" for i, (_, p) in enumerate(_PATTERNS)), re.S)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


@dataclass(frozen=True)
class Placeholder:
    """One placeholder: ``start``/``end`` index the text it was found in."""

    kind: str  # tag | code | printf | brace | icu | ass
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """What must match between source and target (attribute order and spacing do not matter)."""
        t = self.text
        if self.kind in ("tag", "code"):
            t = html.unescape(t) if t.startswith("&lt;") else t
            m = re.match(r"<(/?)(" + _NAME + r")", t)
            if not m:
                return t
            attrs = {k: a or b for k, a, b in _ATTR.findall(t[:t.find(">") + 1] or t)}
            keep = {k: v for k, v in sorted(attrs.items()) if k in ("id", "i", "x", "rid", "href", "src")}
            attr_s = "".join(f" {k}={v!r}" for k, v in keep.items())
            closing = "/" if re.search(r"/\s*>$", t[:t.find(">") + 1]) else ""
            return f"<{m.group(1)}{m.group(2)}{attr_s}{closing}>"
        return re.sub(r"\s+", "", t)


def find(text: str) -> list[Placeholder]:
    """Every placeholder in ``text``, left to right, non-overlapping."""
    out = []
    for m in _RE.finditer(text):
        kind = next(_PATTERNS[int(k[1:])][0] for k, v in m.groupdict().items() if v is not None and k[0] == "p")
        if kind == "printf" and _is_prose_percent(text, m.start()):
            continue
        out.append(Placeholder(kind, m.group(0), m.start(), m.end()))
    return out


def _is_prose_percent(text: str, pos: int) -> bool:
    """``50% off``-style percent signs are prose, not conversions: a digit right before ``%``."""
    return pos > 0 and text[pos - 1].isdigit()


def keys(phs: Iterable[Placeholder]) -> list[str]:
    return [p.key for p in phs]


def mask(text: str, spans: Iterable[tuple[int, int]] | None = None) -> str:
    """``text`` with placeholders (or the given spans) replaced by spaces; the length never changes."""
    chars = list(text)
    for s, e in (spans if spans is not None else ((p.start, p.end) for p in find(text))):
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def mask_xml(text: str) -> str:
    """Mask an XML content slice: placeholders and tags become spaces, ``&amp;`` becomes ``&`` + spaces."""
    text = mask(text)
    out = list(text)
    for m in _ENTITY.finditer(text):
        ch = html.unescape(m.group(0))
        ch = " " if not ch.strip() or len(ch) != 1 else ch
        out[m.start():m.end()] = ch + " " * (m.end() - m.start() - 1)
    return _flatten("".join(out))


def mask_plain(text: str) -> str:
    """Mask a slice that has no file syntax of its own (SRT cues, CSV fields without quotes)."""
    return _flatten(mask(text))


def _flatten(text: str) -> str:
    """Line breaks and tabs become spaces (a unit is one segment)."""
    return text.translate({10: 32, 13: 32, 9: 32, 11: 32, 12: 32})
