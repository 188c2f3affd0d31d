"""Shipped language data (exonyms, glossary, pinyin readings), loaded once and lazily.

Every data file in ``tqcheck/data`` has its provenance in ``tqcheck/data/SOURCES.md``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Resources:
    """Language data handed to rules. ``glossary`` holds user entries plus the built-in list."""

    glossary: list[Any] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def load_resources(glossary_paths: tuple[str, ...] = ()) -> Resources:
    res = Resources()
    try:
        from .glossary import load_glossaries
    except ImportError:
        return res
    res.glossary = load_glossaries(glossary_paths)
    return res
