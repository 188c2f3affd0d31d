"""Bilingual translation files: XLIFF 1.2/2.0, TMX, PO, bilingual CSV/TSV, and pairs of SRT subtitle files.

These files are already segmented, so every translation unit becomes one 1-1 bead. A file is read into
*two* :class:`~tqcheck.model.Document` objects whose ``raw`` is the file's own text (for SRT: each file's
text); each :class:`~tqcheck.model.Segment` spans the unit's source or target text inside the file and
carries ``unit_id``, so findings get the file's line and column in every output format.

``Segment.text`` is the file slice with placeholders, inline tags and file syntax masked by spaces
(same length, see :mod:`tqcheck.placeholders`). Readers:

=========  ==========================================  ===================================
format     parsed by                                   offsets from
=========  ==========================================  ===================================
xliff      translate-toolkit ``xliff`` (lxml)          :mod:`.xmlspans` (element content)
xliff2     translate-toolkit ``xliff2`` (lxml)         :mod:`.xmlspans`
tmx        translate-toolkit ``tmx`` (lxml)            :mod:`.xmlspans`
po         translate-toolkit ``pypo``                  :mod:`.po` scanner, cross-checked
csv/tsv    the standard library ``csv`` module         :mod:`.table` scanner, cross-checked
srt        :mod:`.srt` (strict scanner)                the scanner itself
=========  ==========================================  ===================================

translate-toolkit is the maintained reference implementation of these formats (Pootle, Weblate and
pofilter use it); it is the optional extra ``tqcheck[formats]`` and is imported only when such a file is read.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import InputError
from ..langid import detect
from ..model import Document, Segment
from ..textmap import LineIndex, nfc_offsets

EXTENSIONS = {
    ".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff", ".mxliff": "xliff",
    ".tmx": "tmx", ".po": "po", ".pot": "po", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".srt": "srt",
}
PAIR_FORMATS = ("srt",)


@dataclass(frozen=True)
class UnitSpan:
    """One translation unit: its id and the ``(start, end)`` of its source/target text in the raw file."""

    unit_id: str
    src: tuple[int, int] | None
    tgt: tuple[int, int] | None


@dataclass(frozen=True)
class RawSide:
    path: str
    raw: str
    encoding: str
    lang: str | None


@dataclass(frozen=True)
class Bilingual:
    """What a reader returns: two documents and, per unit (bead), the segment indices on each side."""

    fmt: str
    source: Document
    target: Document
    pairs: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]


def detect_format(path: str | os.PathLike[str]) -> str | None:
    """The bilingual format of ``path`` from its extension (XLIFF 1.2 vs 2.0 from its root), or None."""
    fmt = EXTENSIONS.get(os.path.splitext(str(path))[1].lower())
    if fmt == "xliff" and os.path.isfile(path):
        with open(path, "rb") as fh:
            head = fh.read(4096).decode("utf-8", "ignore").replace("\x00", "")
        if "urn:oasis:names:tc:xliff:document:2" in head or 'version="2.' in head:
            fmt = "xliff2"
    return fmt


def is_bilingual(path: str | os.PathLike[str]) -> bool:
    """True for a single file that holds both source and translation (not SRT, which comes in pairs)."""
    fmt = detect_format(path)
    if fmt in ("csv", "tsv"):
        from .table import looks_like_manifest

        return os.path.isfile(path) and not looks_like_manifest(str(path))
    return fmt is not None and fmt not in PAIR_FORMATS


def is_pair_format(src: str | os.PathLike[str], tgt: str | os.PathLike[str] | None) -> bool:
    return tgt is not None and detect_format(src) in PAIR_FORMATS and detect_format(tgt) == detect_format(src)


def read_bilingual(path: str, tgt_path: str | None = None, *, src_lang: str | None = None,
                   tgt_lang: str | None = None, encoding: str | None = None) -> Bilingual:
    """Read a bilingual file (or an SRT pair) into two documents and their unit pairs."""
    fmt = detect_format(path)
    if fmt is None:
        raise InputError(f"{path}: not a known translation file format ({', '.join(sorted(set(EXTENSIONS)))})")
    if fmt in PAIR_FORMATS:
        if tgt_path is None:
            raise InputError(f"{path}: subtitles come in pairs; give the source and the translated .srt file")
        from .srt import read_pair

        return read_pair(path, tgt_path, src_lang=src_lang, tgt_lang=tgt_lang, encoding=encoding)
    reader = _READERS[fmt]()
    from ..load import read_text

    raw, enc = read_text(path, encoding)
    with open(path, "rb") as fh:
        data = fh.read()
    units, langs = reader(path, raw, data)
    side = RawSide(path, raw, enc, None)
    return build(fmt, side, side, units, (src_lang or langs[0], tgt_lang or langs[1]))


def _reader_xliff() -> Callable[..., Any]:
    from .xliff import read

    return read


def _reader_tmx() -> Callable[..., Any]:
    from .xliff import read_tmx

    return read_tmx


def _reader_po() -> Callable[..., Any]:
    from .po import read

    return read


def _reader_table() -> Callable[..., Any]:
    from .table import read

    return read


_READERS: dict[str, Callable[[], Callable[..., Any]]] = {
    "xliff": _reader_xliff, "xliff2": _reader_xliff, "tmx": _reader_tmx, "po": _reader_po,
    "csv": _reader_table, "tsv": _reader_table,
}


def toolkit(module: str) -> Any:
    """Import ``translate.storage.<module>`` or explain how to install it."""
    import importlib

    try:
        return importlib.import_module(f"translate.storage.{module}")
    except ImportError:
        raise InputError(
            "reading translation files needs translate-toolkit: pip install 'tqcheck[formats]'"
        ) from None


def norm_lang(code: str | None) -> str | None:
    """``en-US`` / ``pt_BR`` / ``VI`` -> the primary subtag the rules key on (``en``, ``pt``, ``vi``)."""
    if not code or not code.strip():
        return None
    return code.strip().replace("_", "-").split("-")[0].lower()


def build(fmt: str, src: RawSide, tgt: RawSide, units: list[UnitSpan], langs: tuple[str | None, str | None],
          masker: Callable[[str], str] | None = None) -> Bilingual:
    """Documents and 1-1 unit pairs from located units. A unit with an empty side has no segment there."""
    source, target, s_idx, t_idx = build_documents(
        fmt, src, tgt, [(u.src, u.unit_id) for u in units], [(u.tgt, u.unit_id) for u in units], langs, masker)
    pairs = tuple((() if a is None else (a,), () if b is None else (b,)) for a, b in zip(s_idx, t_idx)
                  if a is not None or b is not None)
    return Bilingual(fmt, source, target, pairs)


Spans = list[tuple[tuple[int, int] | None, str]]


def build_documents(fmt: str, src: RawSide, tgt: RawSide, src_spans: Spans, tgt_spans: Spans,
                    langs: tuple[str | None, str | None], masker: Callable[[str], str] | None = None,
                    ) -> tuple[Document, Document, list[int | None], list[int | None]]:
    """The two documents, and for each given span the index of its segment (None when blank)."""
    from ..placeholders import mask_plain

    mask = masker or _MASKERS.get(fmt, mask_plain)
    s_segs, s_idx = _segments(src.raw, src_spans, mask)
    t_segs, t_idx = _segments(tgt.raw, tgt_spans, mask)
    if not s_segs:
        raise InputError(f"{src.path}: no translation units with source text found")
    s_lang = norm_lang(langs[0]) or _detect(src.path, s_segs)
    t_lang = norm_lang(langs[1]) or (_detect(tgt.path, t_segs) if t_segs else s_lang)
    source = Document(src.path, src.raw, s_lang, tuple(_with_lang(s_segs, s_lang)), src.encoding)
    target = Document(tgt.path, tgt.raw, t_lang, tuple(_with_lang(t_segs, t_lang)), tgt.encoding)
    return source, target, s_idx, t_idx


def _segments(raw: str, spans: list[tuple[tuple[int, int] | None, str]],
              mask: Callable[[str], str]) -> tuple[list[Segment], list[int | None]]:
    segs: list[Segment] = []
    index: list[int | None] = []
    lines = LineIndex(raw)
    for span, unit_id in spans:
        if span is None:
            index.append(None)
            continue
        s, e = span
        nfc, _ = nfc_offsets(raw[s:e])
        text = mask(nfc)
        if not text.strip():
            index.append(None)
            continue
        line = lines.line(s)
        col = s - (raw.rfind("\n", 0, s) + 1) + 1
        index.append(len(segs))
        segs.append(Segment(len(segs), text, s, e, line, col, "", paragraph=len(segs), unit_id=unit_id))
    return segs, index


def _with_lang(segs: list[Segment], doc_lang: str) -> list[Segment]:
    """Each unit's language as a document's sentences get it (:func:`tqcheck.langid.segment_languages`): the
    file's language unless the unit stands out from the rest of the file (script, accents, common words) and
    langdetect is confident; short units (menu labels, names) keep the file's language."""
    from ..langid import segment_languages

    return segment_languages(segs, doc_lang)


def _detect(path: str, segs: list[Segment]) -> str:
    lang = detect(" ".join(s.text.strip() for s in segs[:200]))
    if lang == "und":
        raise InputError(f"{path}: cannot tell which language this is; pass --src-lang/--tgt-lang")
    return lang


def _mask_xml(text: str) -> str:
    from ..placeholders import mask_xml

    return mask_xml(text)


def _mask_po(text: str) -> str:
    from .po import mask

    return mask(text)


def _mask_table(text: str) -> str:
    from .table import mask

    return mask(text)


_MASKERS: dict[str, Callable[[str], str]] = {
    "xliff": _mask_xml, "xliff2": _mask_xml, "tmx": _mask_xml, "po": _mask_po, "csv": _mask_table,
    "tsv": _mask_table,
}
