"""Gettext PO: translate-toolkit parses and validates; a small scanner finds each string in the file.

Each entry gives one unit ``msgid -> msgstr`` (``msgstr[0]`` for plurals) and, for plural entries, a second
unit ``msgid_plural -> msgstr[1]`` (id suffixed ``[1]``); further plural forms are not checked. Obsolete
(``#~``) entries and the header are skipped. The scanner's decoded strings are compared with the toolkit's
so the offsets cannot silently drift.
"""
from __future__ import annotations

import re

from ..errors import InputError, InternalError
from ..placeholders import mask as mask_placeholders
from . import UnitSpan, toolkit

_KEYWORD = re.compile(r'^[ \t]*(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]*"', re.M)
_CONT = re.compile(r'^[ \t]*"', re.M)
_SYNTAX = re.compile(r'\\(.)|"[ \t]*\r?\n[ \t]*"', re.S)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _blocks(raw: str) -> list[tuple[str, int | None, int, int]]:
    """``(keyword, plural index, start, end)`` of every string, ``start``/``end`` inside the outer quotes."""
    out = []
    lines = raw.splitlines(keepends=True)
    offsets, pos = [], 0
    for ln in lines:
        offsets.append(pos)
        pos += len(ln)
    i = 0
    while i < len(lines):
        m = _KEYWORD.match(lines[i])
        if not m:
            i += 1
            continue
        start = offsets[i] + m.end()
        last = i
        while last + 1 < len(lines) and _CONT.match(lines[last + 1]):
            last += 1
        end_line = lines[last].rstrip("\r\n").rstrip()
        end = offsets[last] + len(end_line) - 1  # before the closing quote
        out.append((m.group(1).split("[")[0], int(m.group(2)) if m.group(2) else None, start, max(start, end)))
        i = last + 1
    return out


def decode(s: str) -> str:
    """A PO string's value from its text between the outer quotes."""
    return _SYNTAX.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)) if m.group(1) is not None else "", s)


def mask(text: str) -> str:
    """Placeholders, escapes' backslashes, inner quotes and line continuations become spaces."""
    text = mask_placeholders(text)
    out = list(text)
    for m in _SYNTAX.finditer(text):
        if m.group(1) is not None:
            ch = _ESCAPES.get(m.group(1), m.group(1))
            out[m.start():m.end()] = (ch if ch.isprintable() else " ") + " "
        else:
            out[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(out).translate({10: 32, 13: 32, 9: 32})


def _entries(raw: str) -> list[dict[str, tuple[int, int]]]:
    """Scanned entries in file order, obsolete ones excluded (their lines start with ``#~``)."""
    entries: list[dict[str, tuple[int, int]]] = []
    cur: dict[str, tuple[int, int]] = {}
    for kw, n, s, e in _blocks(raw):
        key = kw if n is None else f"msgstr[{n}]"
        if kw in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in cur):
            entries.append(cur)
            cur = {}
        cur[key] = (s, e)
    if cur:
        entries.append(cur)
    return entries


def read(path: str, raw: str, data: bytes) -> tuple[list[UnitSpan], tuple[str | None, str | None]]:
    pypo = toolkit("pypo")
    try:
        store = pypo.pofile.parsestring(data)
    except Exception as exc:  # noqa: BLE001 - PoParseError and friends: bad input with a line number
        msg = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise InputError(f"{path}: malformed PO: {msg}") from None
    entries = _entries(raw)
    units_tk = [u for u in store.units if not u.isobsolete()]
    if len(units_tk) != len(entries):
        raise InternalError(f"{path}: PO scan found {len(entries)} entries, the parser {len(units_tk)}")
    units = []
    for u, ent in zip(units_tk, entries):
        if u.isheader():
            continue
        msgid = ent.get("msgid")
        if msgid is None or decode(raw[msgid[0]:msgid[1]]) != _plain(u.source, 0):
            raise InternalError(f"{path}: PO scan out of step near line {raw.count(chr(10), 0, msgid[0] if msgid else 0) + 1}")
        uid = u.getid().replace("\x04", "::")
        plural = "msgid_plural" in ent
        units.append(UnitSpan(uid, msgid, ent.get("msgstr[0]" if plural else "msgstr")))
        if plural and "msgstr[1]" in ent:  # one-form languages (nplurals=1) have only msgstr[0]
            units.append(UnitSpan(uid + "[1]", ent["msgid_plural"], ent.get("msgstr[1]")))
    lang = store.gettargetlanguage() if hasattr(store, "gettargetlanguage") else None
    src = store.getsourcelanguage() if hasattr(store, "getsourcelanguage") else None
    # gettext's convention (and the toolkit's default): msgids are English unless the header says otherwise
    return units, (src or "en", lang)


def _plain(value: object, i: int) -> str:
    strings = getattr(value, "strings", None)
    return str(strings[i]) if strings else str(value or "")
