"""The :class:`LanguageProfile` and the builders that derive it from CLDR (Babel) and Unicode data."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

# Scripts whose words are not separated by spaces (Unicode script codes, ISO 15924).
_NO_SPACE_SCRIPTS = {"Hani", "Hans", "Hant", "Jpan", "Thai", "Laoo", "Khmr", "Mymr", "Tibt"}
# Scripts with upper and lower case, where a capital can mark a name.
_CASED_SCRIPTS = {"Latn", "Cyrl", "Grek", "Armn", "Copt", "Glag"}
_SENTENCE_END_DEFAULT = ".!?…"
_SENTENCE_END_BY_SCRIPT = {
    "Hani": "。！？｡", "Hans": "。！？｡", "Hant": "。！？｡", "Jpan": "。！？｡", "Kore": ".!?。",
    "Arab": ".!?؟۔", "Deva": ".!?।॥", "Beng": ".!?।", "Ethi": "።፧", "Armn": ".:։", "Mymr": "။",
    "Thai": "", "Khmr": "។", "Tibt": "།",
}
_ALIASES = {"iw": "he", "in": "id", "ji": "yi", "tl": "fil", "nb": "no", "nn": "no", "jw": "jv", "mo": "ro"}


@functools.lru_cache(maxsize=1024)
def base_code(code: str) -> str:
    """The language subtag, lower-cased: "zh-CN" -> "zh", "pt_BR" -> "pt", "und" for nothing usable."""
    code = re.split(r"[-_]", (code or "").strip().lower(), maxsplit=1)[0]
    code = _ALIASES.get(code, code)
    return code if re.fullmatch(r"[a-z]{2,3}", code) else "und"


@dataclass(frozen=True)
class LanguageProfile:
    """What tqcheck knows about one language.

    ``script`` is the ISO 15924 code CLDR's likely-subtags give ("Latn", "Cyrl", "Hans", "Jpan", "Kore"...);
    ``decimal``/``group`` are CLDR's number symbols; ``digits`` the ten native digits when the language's default
    numbering system is not Latin ("٠١٢٣٤٥٦٧٨٩"), else ""; ``data`` holds the sections of the hand-written
    profile module, read by the concern that needs them through :meth:`section`.
    """

    code: str
    name: str
    script: str
    capitals_mark_names: bool
    spaces_between_words: bool
    decimal: str
    group: str
    digits: str
    sentence_end: str
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def section(self, name: str) -> Mapping[str, Any]:
        """A section of the hand-written profile (``{}`` when absent)."""
        return self.data.get(name) or {}

    @property
    def numbers(self):  # noqa: ANN201 - a tqcheck.lang.cldr.NumberFacts (imported lazily)
        """Number, money, date and time facts derived from CLDR and num2words (built once per process)."""
        from .cldr import number_facts

        return number_facts(self.code)

    @property
    def endings_attached(self) -> bool:
        """Case endings, particles and classifiers are written onto the word before them, a figure or unit
        included: Korean ("12.3%로", "1.2킬로미터이며") and the languages whose profile says so in its ``numbers``
        section (Bengali "২০ লাখের", "৭.১ শতাংশে", "১০টায়"). Only Latin letters then join a figure to a word."""
        return self.script == "Kore" or bool(self.section("numbers").get("endings_attached"))

    @property
    def cjk(self) -> bool:
        """Han, kana or Hangul script (character-level surface checks)."""
        return self.script in {"Hani", "Hans", "Hant", "Jpan", "Kore"}


def _likely_script(code: str) -> str:
    from babel.core import get_global

    tag = get_global("likely_subtags").get(code) or ""
    parts = tag.split("_")
    return next((p for p in parts[1:] if len(p) == 4 and p.istitle()), "Latn")


def _locale(code: str):  # noqa: ANN202 - a babel Locale or None
    from babel.core import Locale, UnknownLocaleError

    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def _digits(loc) -> str:  # noqa: ANN001
    """The native digits of the locale's default numbering system ("" when it is Latin)."""
    if loc is None:
        return ""
    system = getattr(loc, "default_numbering_system", None) or "latn"
    if system == "latn":
        return ""
    from babel.core import get_global

    digits = (get_global("numbering_systems") if "numbering_systems" in _global_keys() else {}).get(system)
    if isinstance(digits, dict):
        digits = digits.get("digits")
    return digits if isinstance(digits, str) and len(digits) == 10 else ""


def _global_keys() -> set[str]:
    from babel.core import _global_data, get_global

    get_global("likely_subtags")  # loads the global data
    return set(_global_data or {})


def build_profile(code: str, data: Mapping[str, Any]) -> LanguageProfile:
    """Derive a profile for ``code`` from CLDR and Unicode data, then apply the hand-written ``data``."""
    loc = _locale(code) if code != "und" else None
    script = data.get("script") or _likely_script(code)
    try:
        from babel.numbers import get_decimal_symbol, get_group_symbol

        decimal = get_decimal_symbol(loc) if loc else "."
        group = get_group_symbol(loc) if loc else ","
    except Exception:  # noqa: BLE001 - an odd locale keeps the defaults
        decimal, group = ".", ","
    name = (loc.english_name if loc is not None else None) or code
    cased = script in _CASED_SCRIPTS
    return LanguageProfile(
        code=code,
        name=data.get("name") or name,
        script=script,
        capitals_mark_names=bool(data.get("capitals_mark_names", cased)),
        spaces_between_words=bool(data.get("spaces_between_words", script not in _NO_SPACE_SCRIPTS)),
        decimal=data.get("decimal") or decimal,
        group=data.get("group") or group,
        digits=data.get("digits") if "digits" in data else _digits(loc),
        sentence_end=data.get("sentence_end") or _SENTENCE_END_BY_SCRIPT.get(script, _SENTENCE_END_DEFAULT),
        data=MappingProxyType({k: v for k, v in data.items() if isinstance(v, Mapping)}),
    )
