"""Glossaries of required renderings: user files (CSV, TSV, TBX) plus the built-in list.

A CSV/TSV glossary has the columns ``source,target[,note]``; a ``|`` in ``target`` separates
accepted alternatives. A first row naming the columns is skipped; when it names languages
instead (``en,vi``) the entries apply to that language pair only. TBX files (TBX-Basic and
TBX v3) are read with ``xml.etree`` after refusing any DTD or entity declaration, which is what
defusedxml guards against (entity expansion, external entities).

A malformed glossary raises :class:`~tqcheck.errors.ConfigError` naming the file and line.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from .errors import ConfigError

BUILTIN = "data/glossary_en_vi.tsv"
_HEADER_WORDS = {"source", "target", "src", "tgt", "term", "translation", "note", "notes", "comment"}
_LANG = re.compile(r"^[a-z]{2,3}([-_][A-Za-z]{2,4})?$")
_XML_NS = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class GlossaryEntry:
    """One required rendering: ``source`` must be rendered as one of ``targets``."""

    source: str
    targets: tuple[str, ...]
    note: str = ""
    src_lang: str | None = None
    tgt_lang: str | None = None
    origin: str = ""  # "file:line" or "built-in"

    @property
    def target(self) -> str:
        return self.targets[0]

    def applies(self, src_lang: str, tgt_lang: str) -> bool:
        return _lang_ok(self.src_lang, src_lang) and _lang_ok(self.tgt_lang, tgt_lang)


def _lang_ok(entry_lang: str | None, lang: str) -> bool:
    return entry_lang is None or _base(entry_lang) == _base(lang)


def _base(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def make_entry(source: str, target: str, note: str = "", src_lang: str | None = None,
               tgt_lang: str | None = None, origin: str = "") -> GlossaryEntry:
    targets = tuple(_nfc(t) for t in target.split("|") if t.strip())
    return GlossaryEntry(_nfc(source), targets, note.strip(), src_lang, tgt_lang, origin)


def glossary_from_pairs(pairs: Iterable[Sequence[str]]) -> list[GlossaryEntry]:
    """Entries from ``[source, target(, note)]`` lists (rule test cases, the Python API)."""
    out = []
    for i, pair in enumerate(pairs, 1):
        if len(pair) < 2 or not str(pair[0]).strip() or not str(pair[1]).strip():
            raise ConfigError(f"glossary entry {i}: needs a source and a target, got {list(pair)!r}")
        out.append(make_entry(str(pair[0]), str(pair[1]), str(pair[2]) if len(pair) > 2 else "",
                              origin=f"entry {i}"))
    return out


def load_glossaries(paths: Iterable[str] = (), builtin: bool = True) -> list[GlossaryEntry]:
    """User entries from ``paths`` first, then built-in entries for source terms they do not cover."""
    user: list[GlossaryEntry] = []
    for p in paths:
        user.extend(load_glossary(p))
    if not builtin:
        return user
    covered = {(e.source.casefold(), e.src_lang, e.tgt_lang) for e in user}
    extra = [e for e in builtin_glossary() if (e.source.casefold(), e.src_lang, e.tgt_lang) not in covered
             and (e.source.casefold(), None, None) not in covered]
    return user + extra


def builtin_glossary() -> list[GlossaryEntry]:
    text = resources.files("tqcheck").joinpath(BUILTIN).read_text(encoding="utf-8")
    return _read_delimited(text, "\t", "built-in glossary")


def load_glossary(path: str) -> list[GlossaryEntry]:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read glossary ({exc.strerror or exc})") from None
    if p.suffix.lower() in (".tbx", ".xml") or data.lstrip()[:5] == b"<?xml" or data.lstrip()[:1] == b"<":
        return _read_tbx(data, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: glossary is not UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise ConfigError(f"{path}: glossary is empty")
    first = text.splitlines()[0]
    delim = "\t" if p.suffix.lower() in (".tsv", ".tab") or "\t" in first else ","
    entries = _read_delimited(text, delim, path)
    if not entries:
        raise ConfigError(f"{path}: glossary has no entries")
    return entries


def _read_delimited(text: str, delim: str, name: str) -> list[GlossaryEntry]:
    out: list[GlossaryEntry] = []
    langs: tuple[str | None, str | None] = (None, None)
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    for row in reader:
        line = reader.line_num
        if not row or all(not c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in row]
        if not out and line == _first_line(text):
            if {c.lower() for c in cells[:2]} <= _HEADER_WORDS:
                continue
            if all(_LANG.match(c) for c in cells[:2]) and len(cells) >= 2:
                langs = (cells[0].lower(), cells[1].lower())
                continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise ConfigError(f"{name}:{line}: expected 'source{_show(delim)}target[{_show(delim)}note]', "
                              f"got {delim.join(row)!r}")
        if len(cells) > 3:
            raise ConfigError(f"{name}:{line}: too many columns ({len(cells)}); quote fields that contain "
                              f"{_show(delim)!r}")
        out.append(make_entry(cells[0], cells[1], cells[2] if len(cells) > 2 else "", langs[0], langs[1],
                              f"{name}:{line}"))
    return out


def _first_line(text: str) -> int:
    for i, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            return i
    return 1


def _show(delim: str) -> str:
    return "<TAB>" if delim == "\t" else delim


def _read_tbx(data: bytes, path: str) -> list[GlossaryEntry]:
    import xml.etree.ElementTree as ET

    if re.search(rb"<!DOCTYPE|<!ENTITY", data[:4096] if b"<!ENTITY" not in data else data):
        raise ConfigError(f"{path}: TBX files with a DOCTYPE or entity declarations are refused (unsafe XML)")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line = exc.position[0] if hasattr(exc, "position") else "?"
        raise ConfigError(f"{path}:{line}: not well-formed TBX ({exc})") from None
    out: list[GlossaryEntry] = []
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        by_lang: dict[str, list[str]] = {}
        for lang_set in entry:
            if _local(lang_set.tag) not in ("langSet", "langSec"):
                continue
            lang = (lang_set.get(_XML_NS) or lang_set.get("lang") or "").lower()
            terms = [_nfc(t.text or "") for t in lang_set.iter() if _local(t.tag) == "term" and (t.text or "").strip()]
            if lang and terms:
                by_lang.setdefault(lang, []).extend(terms)
        for sl, s_terms in by_lang.items():
            for tl, t_terms in by_lang.items():
                if sl != tl:
                    for s in s_terms:
                        out.append(GlossaryEntry(s, tuple(t_terms), "", sl, tl, f"{path}:{entry.get('id', '')}"))
    if not out:
        raise ConfigError(f"{path}: no term entries with two languages found in TBX")
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
