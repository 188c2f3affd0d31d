"""Units of measure after a number, and conversion between them through pint.

:func:`unit_at` reads the unit written right after a number ("150 feet", "8-inch", "54 độ C", "16 km",
"100 square miles", "50 Meilen") from the unit symbols every language writes (SI and customary abbreviations,
below) and the unit words of the language's profile (``units`` section of ``tqcheck/lang/<code>.py``), and
returns pint's name for it. :func:`compare` converts a source measure into the target's unit and says whether
the target value is what a translator would write: within the rounding a translator uses (10% for a round
source figure, 5% for a precise one). Currency is never converted. pint's registry is built on first use only
(about a second), so texts without a converted unit never pay for it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .diskmemo import disk_memo


def _joining(lang: str) -> str:
    """The letters that join a unit to a longer word (:func:`tqcheck.numparse.tail_letter`: Latin only where
    particles are written onto the unit, "1.2킬로미터이며"; a combining mark is a letter)."""
    from .numparse import tail_letter

    return tail_letter(lang)


# Symbols written the same way in every language (pint names). "in" (inch) and "m" alone are left to context:
# "m" after a number is metres except where a currency makes it "million" (tqcheck.numparse).
SYMBOLS = {
    "km": "kilometer", "m": "meter", "cm": "centimeter", "mm": "millimeter", "mi": "mile", "ft": "foot",
    "yd": "yard", "kg": "kilogram", "g": "gram", "mg": "milligram", "t": "metric_ton", "lb": "pound",
    "lbs": "pound", "oz": "ounce", "l": "liter", "ml": "milliliter", "gal": "gallon", "ha": "hectare",
    "km2": "kilometer**2", "km²": "kilometer**2", "m2": "meter**2", "m²": "meter**2", "sq mi": "mile**2",
    "sq ft": "foot**2", "°c": "degC", "°f": "degF", "ºc": "degC", "ºf": "degF", "℃": "degC", "℉": "degF",
    "mph": "mile/hour", "km/h": "kilometer/hour", "kmh": "kilometer/hour", "km/giờ": "kilometer/hour",
    "m/s": "meter/second", "°": "degree_temperature",
}
# A temperature in "degrees" without a scale: Fahrenheit or Celsius, whichever the other side's unit is.
TEMPERATURE = "degree_temperature"


@dataclass(frozen=True)
class Comparison:
    """A source measure converted into the target's unit."""

    same_dimension: bool
    converted: float  # the source value in the target's unit
    ok: bool  # the target value is the converted value as a translator would round it


@functools.lru_cache(maxsize=64)
def _unit_re(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    from .lang import base_code, profile

    prof = profile(base_code(lang))
    words = {k.lower(): v for k, v in (prof.section("units").get("words") or {}).items()}
    table = {**_cldr_unit_words(base_code(lang)), **SYMBOLS, **words}
    # (Korean and Bengali write their particles on the unit: "1.2킬로미터이며"; a combining mark is a letter)
    let = _joining(lang)
    alt = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?:\s?|-)(?P<u>{alt})(?!{let})(?![²2/])", re.IGNORECASE), table


# CLDR unit ids and the pint unit each stands for: their names in every plural form and length come from CLDR
# (Babel's format_unit), so a language without a profile still reads "24 metrar", "100 pėdų", "5 км".
_CLDR_UNITS = {
    "length-kilometer": "kilometer", "length-meter": "meter", "length-centimeter": "centimeter",
    "length-millimeter": "millimeter", "length-mile": "mile", "length-foot": "foot", "length-inch": "inch",
    "length-yard": "yard", "mass-kilogram": "kilogram", "mass-gram": "gram", "mass-pound": "pound",
    "mass-ounce": "ounce", "mass-tonne": "metric_ton", "area-hectare": "hectare", "area-acre": "acre",
    "area-square-kilometer": "kilometer**2", "area-square-mile": "mile**2", "area-square-meter": "meter**2",
    "volume-liter": "liter", "volume-gallon": "gallon", "temperature-celsius": "degC",
    "temperature-fahrenheit": "degF", "speed-kilometer-per-hour": "kilometer/hour", "speed-mile-per-hour": "mile/hour",
    "temperature-generic": "degree_temperature",  # "degrés", "gráður", "Grad": a scale the other side decides
    # durations under a second only ("10,000 nanoseconds" / "zehn Mikrosekunden"): seconds and longer are read as
    # times and dates, whose names (a day, a month) are ordinary words
    "duration-nanosecond": "nanosecond", "duration-microsecond": "microsecond", "duration-millisecond": "millisecond",
}


_PLURALS = frozenset(("zero", "one", "two", "few", "many", "other"))  # CLDR's plural categories


@functools.lru_cache(maxsize=64)
@disk_memo(("babel",))  # derived once per machine (tqcheck.diskmemo)
def _cldr_unit_words(lang: str) -> dict[str, str]:
    """The language's names of common units in CLDR, long and short, in every plural form CLDR has, lower-cased:
    "metrar", "metra", "фута", "킬로미터", read from the unit patterns of the language and of each of its regional
    locales (en_GB writes "millimetres" where en writes "millimeters"; pt_PT, es_419, fr_CA have their own). A
    name two units share is dropped; names of one or two letters are left to the symbols (German's inch is
    "in")."""
    try:
        from babel import Locale, localedata
    except ImportError:  # pragma: no cover - Babel is a core dependency
        return {}
    base = (lang or "en").replace("-", "_").split("_")[0]
    ids = [base] + sorted(i for i in localedata.locale_identifiers() if i.split("_")[0] == base and i != base)
    out: dict[str, str | None] = {}
    for ident in ids:
        try:
            patterns = Locale.parse(ident)._data["unit_patterns"]
        except Exception:  # noqa: BLE001 - an unknown or damaged locale: no words
            continue
        for cldr, unit in _CLDR_UNITS.items():
            by_length = patterns.get(cldr)
            for length in ("long", "short"):
                forms = by_length.get(length) if by_length is not None else None
                for count, pattern in (forms.items() if forms is not None else ()):
                    if count not in _PLURALS or not isinstance(pattern, str):
                        continue  # ("per": "{0} per metre" is a rate, not the unit)
                    word = re.sub(r"[\d\s\u00a0\u202f.,]+", " ", pattern.replace("{0}", " ")).strip().lower()
                    if len(word) < 3 or not any(ch.isalpha() for ch in word):
                        continue  # ("in", "m", "ft": short forms are words of the language or symbols already)
                    out[word] = unit if out.get(word, unit) == unit else None
    return {w: u for w, u in out.items() if u is not None}


# letters a case form or an adjective adds to a unit's stem ("метр|ового", "metr|ového", "metr|owego")
_STEM_ENDING = 5


@functools.lru_cache(maxsize=64)
def _stem_re(lang: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Case forms CLDR does not list ("24 metra dýpi" for "metri"/"metrar") and the adjectives made from a unit
    ("1,5 метровые", "3metrový", "metrowego": Slavic languages write a measure of length as an adjective): the
    common beginning, four letters or more, of a unit's one-word CLDR names, and up to :data:`_STEM_ENDING` more
    letters. Stems two units share are dropped."""
    import os

    from .lang import base_code

    by_unit: dict[str, list[str]] = {}
    for word, unit in _cldr_unit_words(base_code(lang)).items():
        if word.isalpha():
            by_unit.setdefault(unit, []).append(word)
    stems: dict[str, str | None] = {}
    for unit, words in by_unit.items():
        stem = os.path.commonprefix(sorted(words)) if len(words) >= 2 else ""
        if len(stem) >= 4:
            stems[stem] = unit if stems.get(stem, unit) == unit else None
    table = {k: v for k, v in stems.items() if v is not None}
    if not table:
        return None, {}
    let = _joining(lang)
    alt = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return re.compile(rf"\s?(?P<u>(?:{alt}){let}{{0,{_STEM_ENDING}}})(?!{let})", re.IGNORECASE), table


def unit_at(text: str, pos: int, lang: str) -> tuple[str, int] | None:
    """The unit written at ``pos`` (after a number; one space or a hyphen may come first): pint's name and
    the end of the unit in ``text``, or None."""
    pat, table = _unit_re(lang)
    m = pat.match(text, pos)
    if m is None:
        stem_pat, stems = _stem_re(lang)
        m = stem_pat.match(text, pos) if stem_pat is not None else None
        if m is None:
            return None
        word = m["u"].lower()
        return next(u for s, u in stems.items() if word.startswith(s)), m.end()
    return table[m["u"].lower()], m.end()


@functools.lru_cache(maxsize=1)
def registry():  # noqa: ANN201 - a pint.UnitRegistry
    """pint's registry, with the units that language profiles define (``units`` section, ``definitions``: pint
    definition lines, such as China's market units, "chinese_li = 500 * meter")."""
    import pint

    from .lang import known, profile

    ureg = pint.UnitRegistry()
    for code in known():
        for line in profile(code).section("units").get("definitions") or ():
            ureg.define(line)
    return ureg


def _candidates(unit: str, other: str) -> list[str]:
    """The scales a temperature in bare "degrees" may be on: the other side's other scale first ("130 degrees"
    against "54 °C": Fahrenheit, the conversion a message names), then the same scale ("15 градусів" against
    "15 degrees Celsius": a text that names no scale because its readers use one)."""
    if unit != TEMPERATURE:
        return [unit]
    if other in ("degC", "degF"):
        return ["degF" if other == "degC" else "degC", other]
    return ["degC", "degF"]


def compare(src_value: float, src_unit: str, tgt_value: float, tgt_unit: str, round_tol: float = 0.10,
            exact_tol: float = 0.05) -> Comparison | None:
    """``src_value src_unit`` converted into ``tgt_unit`` and checked against ``tgt_value``; None when either
    unit is unknown to pint or the two are the same unit (nothing was converted)."""
    if src_unit == tgt_unit and src_unit != TEMPERATURE:
        return None  # (bare degrees on both sides may still be two scales: "above 90 degrees" / "yfir 32 gráður")
    import pint

    ureg = registry()
    best: Comparison | None = None
    for su in _candidates(src_unit, tgt_unit):
        for tu in _candidates(tgt_unit, src_unit):
            try:
                conv = float(ureg.Quantity(src_value, su).to(tu).magnitude)
            except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError, AttributeError, ValueError):
                continue
            c = Comparison(True, conv, _within_rounding(src_value, conv, tgt_value, round_tol, exact_tol))
            if best is None or (c.ok and not best.ok):
                best = c
    if best is None:
        try:
            ureg.Quantity(1, _candidates(src_unit, "")[0])
            ureg.Quantity(1, _candidates(tgt_unit, "")[0])
        except (pint.errors.UndefinedUnitError, AttributeError, ValueError):
            return None
        return Comparison(False, float("nan"), False)
    return best


def _significant(v: float) -> int:
    digits = f"{abs(v):.10g}".replace(".", "").lstrip("0").rstrip("0")
    return max(1, len(digits))


def _within_rounding(src: float, converted: float, tgt: float, round_tol: float = 0.10,
                     exact_tol: float = 0.05) -> bool:
    """A translator rounds a converted value: 10% for a round source figure ("150 feet" -> "50 m"), 5% for a
    precise one ("1,234 feet"), and any value the converted one rounds to at the target's precision."""
    if converted == 0:
        return tgt == 0
    tol = round_tol if _significant(src) <= 2 else exact_tol
    if abs(tgt - converted) <= tol * abs(converted):
        return True
    # rounded to the target's last significant digit ("≈ 45.7 m" written "46 m" or "45 m")
    scale = 10 ** (len(str(int(abs(tgt)))) - _significant(tgt)) if tgt >= 1 else 0
    return bool(scale) and abs(tgt - converted) <= scale and abs(tgt - converted) <= 0.25 * abs(converted)


def describe(value: float, unit: str) -> str:
    """A short human form: ``45.7 m``, ``259 km²``, ``54.4 °C``."""
    if unit == TEMPERATURE:
        return f"{_round(value)}°"
    try:
        q = registry().Quantity(value, unit)
        return f"{_round(value)} {q.units:~P}".replace("deg", "°").strip()
    except Exception:  # noqa: BLE001 - a unit pint cannot print: its name
        return f"{_round(value)} {unit}"


def _round(v: float) -> str:
    return f"{v:.3g}" if abs(v) < 1000 else f"{v:,.0f}"


# A count of one unit of time that makes exactly one of the next longer unit: "24 hours" for "a day" ("за
# сутки" -> "in the past 24 hours"), "7 days" for "a week", "12 months" for "a year", "60 minutes" for "an
# hour". The unit words come from CLDR's duration units (Babel), in every plural form and length.
_WHOLE_PERIODS = {24.0: "duration-hour", 7.0: "duration-day", 12.0: "duration-month", 60.0: "duration-minute",
                  365.0: "duration-day"}


@functools.lru_cache(maxsize=64)
def _duration_words(lang: str, unit: str) -> frozenset[str]:
    try:
        from babel.units import format_unit
    except ImportError:  # pragma: no cover - Babel is a core dependency
        return frozenset()
    words = set()
    for n in (1, 2, 3, 5, 11, 21, 24, 60, 365):
        for length in ("long", "short", "narrow"):
            try:
                text = format_unit(n, unit, length=length, locale=lang or "en")
            except Exception:  # noqa: BLE001 - an unknown locale or unit: no words
                continue
            word = re.sub(r"[\d\s\u00a0\u202f.,]+", " ", text).strip().lower()
            if word and len(word) >= 2 or (word and not word.isascii()):
                words.add(word)
    return frozenset(words)


def whole_period(value: float, text: str, end: int, lang: str) -> bool:
    """Whether ``value`` (a number ending at ``end`` in ``text``) counts the units of time that make one of the
    next longer unit ("24 hours", "24 Stunden", "24小时", "7 days", "12 months"), a span a translator may
    write for "a day", "a week", "a year"."""
    unit = _WHOLE_PERIODS.get(value)
    if unit is None:
        return False
    after = text[end:end + 24].lstrip(" \u00a0\u202f-").lower()
    return any(after.startswith(w) and (len(after) == len(w) or not after[len(w)].isalpha() or not w.isascii())
               for w in _duration_words(lang, unit))


# A count of one unit of time that is a whole number (two or more) of the next longer unit: "14 days" is two
# weeks, "36 months" three years, "120 minutes" two hours. Babel's duration unit ids.
_LONGER = {"duration-minute": ("duration-hour", 60), "duration-hour": ("duration-day", 24),
           "duration-day": ("duration-week", 7), "duration-week": ("duration-month", None),
           "duration-month": ("duration-year", 12)}


@functools.lru_cache(maxsize=64)
def _duration_stems(lang: str, unit: str) -> tuple[str, ...]:
    """The CLDR forms of a duration unit (:func:`_duration_words`) and, where they share a beginning of three
    letters or more, that beginning: the stem of case forms CLDR does not list ("týdnech" for "týden", "týdny",
    "týdnů")."""
    import os

    words = sorted(_duration_words(lang, unit))
    stem = os.path.commonprefix(words) if len(words) >= 2 else ""
    return tuple(dict.fromkeys([*words, *([stem] if len(stem) >= 3 else [])]))


def in_longer_unit(value: float, text: str, end: int, lang: str, other: str, other_lang: str) -> bool:
    """Whether ``value`` (a number ending at ``end`` in ``text``) counts units of time that make a whole number
    (two or more) of the next longer unit, which ``other`` (the other side's sentence) names: "14 days" against
    "dvou týdnech" (two weeks), "24 months" against "zwei Jahre"."""
    if value != int(value) or value <= 0:
        return False
    after = text[end:end + 24].lstrip(" \u00a0\u202f-").lower()
    low = other.lower()
    for unit, (longer, size) in _LONGER.items():
        if not size or value % size or value // size < 2:
            continue
        if not any(after.startswith(w) and (len(after) == len(w) or not after[len(w)].isalpha() or not w.isascii())
                   for w in _duration_words(lang, unit)):
            continue
        for w in _duration_stems(other_lang, longer):
            for m in re.finditer(re.escape(w), low):
                if not w.isascii() or m.start() == 0 or not low[m.start() - 1].isalpha():
                    return True
    return False
