"""NFC normalisation that remembers where every character came from."""
from __future__ import annotations

import unicodedata


def nfc_offsets(raw: str) -> tuple[str, list[int]]:
    """Return ``(nfc, offsets)``; ``offsets[i]`` is the raw index of NFC character ``i``.

    ``offsets`` has ``len(nfc) + 1`` entries (the last is ``len(raw)``), so an NFC span
    ``[s, e)`` maps to the raw span ``[offsets[s], offsets[e])``.
    """
    if unicodedata.is_normalized("NFC", raw):
        return raw, list(range(len(raw) + 1))
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(raw)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        chunk = unicodedata.normalize("NFC", raw[i:j])
        out.append(chunk)
        offsets.extend([i] * len(chunk))
        i = j
    offsets.append(n)
    return "".join(out), offsets
