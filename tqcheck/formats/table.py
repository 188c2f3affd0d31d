"""Bilingual CSV/TSV: one unit per row. The standard ``csv`` module parses; a scanner gives field offsets.

Columns: a header row naming them (``source``/``target``, ``src``/``tgt``, ``id``/``key``...) or giving
language codes (``en,vi``) is used when present; otherwise two columns are source,target and three or more
are id,source,target.
"""
from __future__ import annotations

import csv
import io

from ..errors import InputError, InternalError
from ..placeholders import mask as mask_placeholders
from ..textmap import LineIndex
from . import UnitSpan

SRC_NAMES = {"source", "src", "original", "msgid", "source text", "source_text", "en-source"}
TGT_NAMES = {"target", "tgt", "translation", "msgstr", "target text", "target_text", "translated"}
ID_NAMES = {"id", "key", "unit", "unit_id", "location", "context", "name", "tuid"}


def _delimiter(path: str, raw: str) -> str:
    if path.lower().endswith((".tsv", ".tab")):
        return "\t"
    try:
        return csv.Sniffer().sniff(raw[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _scan(raw: str, delim: str) -> list[tuple[int, list[tuple[int, int, bool]]]]:
    """Rows as ``(line, [(start, end, quoted), ...])``; quoted spans exclude the outer quotes."""
    rows = []
    i, n = 0, len(raw)
    lines = LineIndex(raw)
    while i < n:
        line = lines.line(i)
        fields: list[tuple[int, int, bool]] = []
        while True:
            if i < n and raw[i] == '"':
                j = i + 1
                while True:
                    k = raw.find('"', j)
                    if k < 0:
                        raise InputError(f"line {line}: unterminated quoted field")
                    if raw.startswith('""', k):
                        j = k + 2
                        continue
                    break
                fields.append((i + 1, k, True))
                i = k + 1
            else:
                j = i
                while j < n and raw[j] not in delim + "\r\n":
                    j += 1
                fields.append((i, j, False))
                i = j
            if i < n and raw[i] == delim:
                i += 1
                continue
            break
        while i < n and raw[i] not in "\r\n":
            i += 1  # stray text after a closing quote: csv reports it; we only keep our place
        if raw.startswith("\r\n", i):
            i += 2
        elif i < n:
            i += 1
        if len(fields) > 1 or raw[fields[0][0]:fields[0][1]].strip():
            rows.append((line, fields))
    return rows


def mask(text: str) -> str:
    """Placeholders and the second quote of each ``""`` become spaces."""
    text = mask_placeholders(text).replace('""', '" ')
    return text.translate({10: 32, 13: 32, 9: 32})


def _columns(header: list[str]) -> tuple[int, int, int | None, tuple[str | None, str | None]] | None:
    low = [h.strip().lower() for h in header]
    s = next((i for i, h in enumerate(low) if h in SRC_NAMES), None)
    t = next((i for i, h in enumerate(low) if h in TGT_NAMES), None)
    ident = next((i for i, h in enumerate(low) if h in ID_NAMES), None)
    if s is not None and t is not None:
        return s, t, ident, (None, None)
    langs = [i for i, h in enumerate(low) if _is_lang(h)]
    if len(langs) >= 2:
        return langs[0], langs[1], ident, (low[langs[0]], low[langs[1]])
    return None


def _is_lang(code: str) -> bool:
    if not code or len(code) > 8 or " " in code:
        return False
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code.replace("-", "_"))
        return True
    except (ValueError, UnknownLocaleError):
        return False


def read(path: str, raw: str, data: bytes) -> tuple[list[UnitSpan], tuple[str | None, str | None]]:
    delim = _delimiter(path, raw)
    reader = csv.reader(io.StringIO(raw, newline=""), delimiter=delim, strict=True)
    try:
        parsed = [r for r in reader if len(r) > 1 or (r and r[0].strip())]
    except csv.Error as exc:
        kind = "TSV" if delim == "\t" else "CSV"
        raise InputError(f"{path}: malformed {kind} at line {reader.line_num}: {exc}") from None
    try:
        rows = _scan(raw, delim)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    if len(rows) != len(parsed):
        raise InternalError(f"{path}: CSV scan found {len(rows)} rows, the parser {len(parsed)}")
    if not rows:
        raise InputError(f"{path}: no rows")
    cols = _columns(parsed[0])
    start = 1 if cols else 0
    if cols is None:
        width = len(parsed[0])
        if width < 2:
            raise InputError(f"{path}: line {rows[0][0]}: need at least two columns (source and target)")
        cols = (0, 1, None, (None, None)) if width == 2 else (1, 2, 0, (None, None))
    s_col, t_col, id_col, langs = cols
    units = []
    for (line, fields), values in zip(rows[start:], parsed[start:]):
        if len(fields) != len(values):
            raise InternalError(f"{path}: CSV scan out of step at line {line}")
        if s_col >= len(fields):
            raise InputError(f"{path}: line {line}: {len(fields)} column(s), expected at least {s_col + 1}")
        uid = values[id_col] if id_col is not None and id_col < len(values) and values[id_col] else f"row{line}"
        s, e, _ = fields[s_col]
        tgt = fields[t_col][:2] if t_col < len(fields) else None
        units.append(UnitSpan(uid, (s, e), tgt))
    return units, langs


def looks_like_manifest(path: str) -> bool:
    """A CSV/TSV that lists *files* to pair (source,target columns holding existing paths), not text units."""
    import os

    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(zip(range(2), csv.reader(fh, delimiter="\t" if path.lower().endswith((".tsv", ".tab"))
                                                  else ",")))
    except (OSError, UnicodeDecodeError, csv.Error):
        return False
    if len(rows) < 2:
        return False
    header, first = [h.strip().lower() for h in rows[0][1]], rows[1][1]
    if "source" not in header or "target" not in header or len(first) <= header.index("source"):
        return False
    cell = first[header.index("source")].strip()
    return bool(cell) and os.path.isfile(os.path.join(os.path.dirname(path), cell))
