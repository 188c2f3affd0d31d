"""JSON Lines input: one object per non-blank line, with the line number for messages.

Shared by the pair manifests (:func:`tqcheck.batch.read_manifest`) and the unit files that are split into
shards (:mod:`tqcheck.engines.shards`), so both report a bad line the same way."""
from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from .errors import InputError


def objects(lines: Iterable[str], path: str, what: str = "an object") -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for every non-blank line; :class:`InputError` naming ``path:line`` for a line
    that is not valid JSON or not a JSON object."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise InputError(f"{path}:{n}: each line must be {what}")
        yield n, row
