"""Language profiles: what tqcheck knows about one language, derived from CLDR (through Babel) where it can be.

``profile(code)`` returns a :class:`~tqcheck.lang.base.LanguageProfile` for any BCP-47-ish code ("de", "zh-cn",
"pt_BR"). Facts that CLDR and the Unicode data give (script, number symbols, native digits, whether words are
separated by spaces) are derived; what they do not give lives in one small module per language,
``tqcheck/lang/<code>.py``, whose ``PROFILE`` dict holds sections read by the concern that needs them
(``segment``, ``numbers``, ``names``, ``units``, ``fluency`` ...). A language without such a module still gets a
profile with everything derivable. Modules are imported lazily (sacrebleu's tokenizer registry pattern).

Adding a language: see ``docs/languages.md``.
"""
from __future__ import annotations

import functools
import importlib
import pkgutil

from .base import LanguageProfile, base_code, build_profile

__all__ = ["LanguageProfile", "base_code", "known", "profile"]


@functools.lru_cache(maxsize=None)
def known() -> tuple[str, ...]:
    """Codes that have a hand-written profile module (``tqcheck/lang/<code>.py``)."""
    skip = {"base"}
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__)
                        if not m.name.startswith("_") and m.name not in skip and len(m.name) <= 3))


@functools.lru_cache(maxsize=None)
def profile(code: str | None) -> LanguageProfile:
    """The profile of ``code``; unknown or empty codes get a profile with only derived facts."""
    code = base_code(code or "und")
    data: dict = {}
    if code in known():
        data = dict(getattr(importlib.import_module(f"{__name__}.{code}"), "PROFILE", {}))
    return build_profile(code, data)
