"""XLIFF 1.2, XLIFF 2.0 and TMX, through translate-toolkit; offsets from :mod:`.xmlspans`."""
from __future__ import annotations

from typing import Any

from ..errors import InputError
from . import UnitSpan, toolkit
from .xmlspans import ElementSpans, parse_error

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _parse(path: str, data: bytes, expect: tuple[str, ...], what: str) -> None:
    """Well-formedness and root check with lxml, so errors name the line before the toolkit sees the file."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise parse_error(path, exc) from None
    name = root.tag.rsplit("}", 1)[-1] if isinstance(root.tag, str) else "?"
    if name not in expect:
        raise InputError(f"{path}: not {what} file (line {root.sourceline}: root element <{name}>)")


def _child(el: Any, name: str) -> Any:
    for c in el:
        if isinstance(c.tag, str) and c.tag.rsplit("}", 1)[-1] == name:
            return c
    return None


def _store(path: str, data: bytes, module: str, cls: str) -> Any:
    mod = toolkit(module)
    try:
        return getattr(mod, cls).parsestring(data)
    except Exception as exc:  # noqa: BLE001 - any toolkit parse failure is bad input
        if hasattr(exc, "position"):
            raise parse_error(path, exc) from None
        raise InputError(f"{path}: cannot read as {module.upper()}: {exc.__class__.__name__}: {exc}") from None


def read(path: str, raw: str, data: bytes) -> tuple[list[UnitSpan], tuple[str | None, str | None]]:
    """Units of an XLIFF 1.2 or 2.0 file and its declared languages."""
    _parse(path, data, ("xliff",), "an XLIFF")
    v2 = b"urn:oasis:names:tc:xliff:document:2" in data[:8192] or b'version="2.' in data[:4096]
    store = _store(path, data, "xliff2" if v2 else "xliff", "Xliff2File" if v2 else "xlifffile")
    spans = ElementSpans(raw)
    spans.bind(store.document.getroot())
    units = []
    for u in store.units:
        if u.isheader():
            continue
        el = u.xmlelement
        src, tgt = _child(el, "source"), _child(el, "target")
        if src is None:
            continue
        uid = u.getid().replace("\x04", "::") if v2 else (el.get("id") or u.getid().replace("\x04", "::"))
        units.append(UnitSpan(uid, spans.content(src), spans.content(tgt) if tgt is not None else None))
    src_lang = store.sourcelanguage if hasattr(store, "sourcelanguage") else None
    tgt_lang = store.gettargetlanguage() if hasattr(store, "gettargetlanguage") else None
    return units, (src_lang, tgt_lang)


def read_tmx(path: str, raw: str, data: bytes) -> tuple[list[UnitSpan], tuple[str | None, str | None]]:
    """Units of a TMX file: the header's ``srclang`` variant is the source, the first other one the target."""
    _parse(path, data, ("tmx",), "a TMX")
    store = _store(path, data, "tmx", "tmxfile")
    spans = ElementSpans(raw)
    spans.bind(store.document.getroot())
    header = store.document.getroot().find("header")
    srclang = header.get("srclang") if header is not None else None
    srclang = None if not srclang or srclang == "*all*" else srclang
    units, tgt_lang = [], None
    for n, u in enumerate(store.units, 1):
        tuvs = [c for c in u.xmlelement if isinstance(c.tag, str) and c.tag.rsplit("}", 1)[-1] == "tuv"]
        langs = [(t.get(XML_LANG) or t.get("lang") or "") for t in tuvs]
        if not tuvs:
            continue
        si = next((i for i, lg in enumerate(langs) if srclang and lg.lower() == srclang.lower()), 0)
        ti = next((i for i, lg in enumerate(langs) if i != si and lg.lower() != langs[si].lower()), None)
        srclang = srclang or langs[si]
        if ti is not None:
            tgt_lang = tgt_lang or langs[ti]
        seg_s = _child(tuvs[si], "seg")
        seg_t = _child(tuvs[ti], "seg") if ti is not None else None
        if seg_s is None:
            continue
        uid = u.xmlelement.get("tuid") or str(n)
        units.append(UnitSpan(uid, spans.content(seg_s), spans.content(seg_t) if seg_t is not None else None))
    return units, (srclang, tgt_lang)
