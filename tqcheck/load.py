"""Reading documents: encodings, BOMs and refusing what is not text."""
from __future__ import annotations

import codecs
import os

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text(path: str, encoding: str | None = None) -> tuple[str, str]:
    """Return ``(decoded_text, encoding_used)``; raise :class:`InputError` for anything unusable.

    UTF-8 (with or without BOM) and UTF-16 with BOM are recognised; ``encoding`` overrides.
    The BOM is not part of the returned text, so offsets index what a reader sees.
    """
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file")
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, not a file")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{path}: cannot decode as {encoding} ({exc.__class__.__name__})") from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                raise InputError(f"{path}: starts with a {enc} byte-order mark but is not valid {enc}") from None
            return text.lstrip("\ufeff"), enc
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks binary (contains NUL bytes); give a UTF-8 or UTF-16 text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 or pass --encoding"
        ) from None
    if _control_ratio(text) > 0.01:
        raise InputError(f"{path}: looks binary (control characters); give a text file")
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    return text, "utf-8"


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad / max(1, len(sample))
