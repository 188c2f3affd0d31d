"""Reading documents: encodings, BOMs and refusing what is not text.

The decoded text is returned exactly as it is in the file (minus a byte-order mark): newlines,
NFD accents and all. Every offset tqcheck reports indexes this text; NFC normalisation happens
per segment (see :mod:`tqcheck.textmap`).
"""
from __future__ import annotations

import codecs
import os
import stat

from .errors import ConfigError, InputError

# Longest first: a UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of files people pass by mistake, for a more helpful message than "not UTF-8".
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx/.odt/.xlsx file?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)

_SNIFF = 8192


def read_text(path: str, encoding: str | None = None) -> tuple[str, str]:
    """Return ``(decoded_text, encoding_used)``; raise :class:`InputError` for anything unusable.

    UTF-8 (with or without BOM) and UTF-16/UTF-32 with BOM are recognised; ``encoding``
    overrides (an unknown encoding name is a :class:`ConfigError`). The BOM is not part of
    the returned text, so offsets index what a reader sees. Missing paths, directories,
    empty or whitespace-only files, binary files and undecodable bytes are refused with a
    one-line message that names the file.
    """
    data = _read_bytes(path)
    if not data:
        raise InputError(f"{path}: file is empty")
    if encoding:
        text, used = _decode_as(path, data, encoding)
    else:
        text, used = _decode_auto(path, data)
    _refuse_binary(path, text, encoding)
    if not text.strip():
        raise InputError(f"{path}: file is empty (only whitespace)")
    return text, used


def _read_bytes(path: str) -> bytes:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc.__class__.__name__})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: not a regular file")
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc.__class__.__name__})") from None


def _decode_as(path: str, data: bytes, encoding: str) -> tuple[str, str]:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise ConfigError(f"unknown encoding {encoding!r} (try utf-8, utf-16, cp1252 or latin-1)") from None
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: cannot decode as {encoding} (byte 0x{data[exc.start]:02x} at offset "
                         f"{exc.start})") from None
    return text.removeprefix("\ufeff"), name


def _decode_auto(path: str, data: bytes) -> tuple[str, str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: starts with a {enc.upper().replace('-SIG', '')} byte-order mark but "
                                 f"is not valid {enc.replace('-sig', '')} (at byte {exc.start})") from None
            return text.removeprefix("\ufeff"), enc
    head = data[:_SNIFF]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"{path}: looks like {what}, not plain text; save it as UTF-8 text")
    if b"\x00" in head:
        raise InputError(f"{path}: {_nul_hint(head)}")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}, line {line}); "
            "convert it to UTF-8 or pass --encoding (e.g. --encoding cp1252)"
        ) from None


def _nul_hint(head: bytes) -> str:
    """What to say about a file with NUL bytes: UTF-16 without a BOM, or binary."""
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4 and odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "looks like UTF-16-LE without a byte-order mark; pass --encoding utf-16-le"
    if len(head) >= 4 and even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "looks like UTF-16-BE without a byte-order mark; pass --encoding utf-16-be"
    return "looks binary (contains NUL bytes); give a UTF-8 or UTF-16 text file"


def _refuse_binary(path: str, text: str, encoding: str | None) -> None:
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f\v") or 0x7F <= ord(ch) < 0xA0)
    if bad > max(2, 0.01 * len(sample)):
        if encoding:
            raise InputError(f"{path}: decoded as {encoding} it has {bad} control characters in the first "
                             f"{len(sample)}; is --encoding right?")
        raise InputError(f"{path}: looks binary ({bad} control characters in the first {len(sample)}); "
                         "give a text file")
