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

    def glossary_for(self, src_lang: str, tgt_lang: str) -> list[Any]:
        """Glossary entries for this language pair (entries given as plain pairs are accepted too)."""
        from .glossary import GlossaryEntry, glossary_from_pairs

        entries = [e if isinstance(e, GlossaryEntry) else glossary_from_pairs([e])[0] for e in self.glossary]
        return [e for e in entries if e.applies(src_lang, tgt_lang)]

    def lexicon(self, src_lang: str, tgt_lang: str) -> Any:
        """Known name renderings (exonyms, acronyms) for the pair; see :mod:`tqcheck.names.lexicon`."""
        from .names.lexicon import load_lexicon

        return load_lexicon(src_lang, tgt_lang)


def load_resources(glossary_paths: tuple[str, ...] = ()) -> Resources:
    """Resources with the user's glossaries (``ConfigError`` if one is malformed) plus the built-in list."""
    from .glossary import load_glossaries

    return Resources(glossary=load_glossaries(glossary_paths))
