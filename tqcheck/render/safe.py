"""Text from documents and file names made safe to print: no terminal escapes, always valid UTF-8.

Documents may hold control characters (an ANSI escape ``ESC[2J`` clears a CI log; ``::`` workflow commands
hidden behind a carriage return), and file names may hold bytes that are not UTF-8 (Python carries them as
the surrogate escapes U+DC80-U+DCFF, which no UTF-8 output can encode). :func:`visible` rewrites both as
readable escapes: ``\\x1b`` for a control character, ``\\xff`` for an undecodable byte of a file name,
``\\u202e`` for a bidirectional override or a lone surrogate.
"""
from __future__ import annotations

import os
import re

# C0 and C1 controls (tab kept), DEL, bidirectional embeddings/overrides/isolates, lone surrogates
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_KEEP_NEWLINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte carried by surrogateescape: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str, *, newlines: bool = False) -> str:
    """``text`` with control characters, bidi overrides and surrogates written as escapes (``\\x1b``);
    with ``newlines`` line feeds are kept (for multi-line fields), else escaped too."""
    return (_UNSAFE_KEEP_NEWLINES if newlines else _UNSAFE).sub(_escape, text)


def display_path(path: str | os.PathLike[str]) -> str:
    """A file name as valid, printable UTF-8 (undecodable bytes as ``\\xNN``)."""
    return visible(os.fspath(path))


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None
