"""Find numbers, amounts, percentages and dates in text and normalise them, locale-aware.

``extract(text, lang)`` returns :class:`Quantity` objects whose ``keys`` can be compared across languages:
"US$2.2 billion" (en) and "2,2 tỷ USD" (vi) both carry ``("num", 2200000000.0)``; "November 24" and
"ngày 24 tháng 11" both carry ``("date", (11, 24))``. Decimal and group symbols come from CLDR through
Babel (``vi``: "2,2" is 2.2 and "1.000" is 1000); month names from ``babel.dates.get_month_names``.
Numbers written as words ("ten", "mười") are *soft*: they can match a figure, but a rule should not
demand them.
"""
from __future__ import annotations

import functools
import math
import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Mapping

from babel.core import Locale, UnknownLocaleError
from babel.dates import get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

from . import surface
from .diskmemo import disk_memo
from .memo import text_cache
from .textmemo import persistent

Key = tuple  # ("num", 2.2e9) | ("pct", 5.0) | ("date", (11, 24)) | ("month", 11) | ("time", (10, 30))


@dataclass(frozen=True)
class Quantity:
    """One value found in text. ``start``/``end`` index the text given to :func:`extract`."""

    kind: str  # number | year | money | percent | date | month | time
    keys: frozenset
    start: int
    end: int
    text: str
    soft: bool = False  # written in words: may satisfy a figure, never required or flagged as added
    currency: str | None = None
    value: float | tuple | None = field(default=None, compare=False)
    approx: bool = field(default=False, compare=False)  # "about 40", "hơn 40", "40 左右": a rounded value
    unit: str | None = field(default=None, compare=False)  # a unit of measure (tqcheck.units) after the value
    in_date: bool = field(default=False, compare=False)  # a year written inside a date ("July 26, 2020")
    rank: bool = field(default=False, compare=False)  # a figure with an ordinal suffix ("3rd", "10th")
    guessed: bool = field(default=False, compare=False)  # a scale read from an inflected word ("milljörðum")
    tag: str | None = field(default=None, compare=False)  # the name a number is part of ("covid" in "Covid-19")


# Scale words every language understands besides its own (CLDR's, from the profile): none. English and
# Vietnamese keep their informal abbreviations ("bn", "tỉ") in their profile's ``numbers`` section.
_CURRENCY_WORDS = {
    "us$": "USD", "$": "USD", "usd": "USD", "us dollars": "USD", "dollars": "USD", "dollar": "USD",
    "đô la mỹ": "USD", "đô la": "USD", "đô-la": "USD", "đôla": "USD", "€": "EUR", "eur": "EUR", "euros": "EUR",
    "euro": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP", "¥": "JPY", "yen": "JPY", "yên": "JPY",
    "vnd": "VND", "vnđ": "VND", "đồng": "VND", "dong": "VND", "yuan": "CNY", "nhân dân tệ": "CNY", "cny": "CNY",
    "rub": "RUB", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "rúp": "RUB",
}
_PERCENT = ("%", "percent", "per cent", "phần trăm", "prozent", "pour cent", "por ciento", "procent")
_UNIT_SUFFIX = r"cm|mm|km|kg|mg|ml|m|g|l|h|ha|kw|mw|gb|mb|km2|m2|km²|m²|ft|feet|lbs?|oz|mph|p|c"  # (p, c: "10p coin")
_LETTER = r"A-Za-zÀ-ỹ"  # Latin letters (the boundary of a number in scripts without spaces between words)
LATIN_LETTER = r"[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]"  # Latin letters only (À-ỹ above also spans Cyrillic, Bengali, Hangul Jamo...)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=64)
def _facts(lang: str):  # noqa: ANN202 - tqcheck.lang.cldr.NumberFacts (number_facts keeps one per language)
    from .lang import base_code, profile

    return profile(base_code(lang)).numbers


@functools.lru_cache(maxsize=64)
def _letter(lang: str) -> str:
    """A pattern of one letter that ends a number's word: any letter or combining mark in a language that separates
    words with spaces, only Latin letters where words run together ("约200亿美元", "5人")."""
    from .lang import base_code, profile
    from .surface import LETTER

    # (a combining mark is part of its word: the vowel sign of "আমস্টারডামে" before its "মে", May, the virama of
    # "বিশ্ব" after its "বিশ", twenty)
    return LETTER if profile(base_code(lang)).spaces_between_words else rf"[{_LETTER}]"


def tail_letter(lang: str) -> str:
    """The letters that, right after a figure, its scale, unit or percent sign, make it part of a longer word.
    Korean and Bengali write their particles and endings on the word before them ("12.3%로", "2030년까지",
    "২০ লাখের": ``LanguageProfile.endings_attached``), so there only Latin letters do; elsewhere :func:`_letter`."""
    from .lang import base_code, profile

    prof = profile(base_code(lang))
    if prof.endings_attached:
        return LATIN_LETTER if prof.script != "Kore" else rf"[{_LETTER}]"
    return _letter(lang)


def profile_spaced(lang: str) -> bool:
    from .lang import base_code, profile

    return profile(base_code(lang)).spaces_between_words


@functools.lru_cache(maxsize=64)
def _scales(lang: str) -> dict[str, float]:
    out = dict(_facts(lang).scales)
    han = False
    for w, v in list(out.items()):  # "6 百万", "3千万": a Han scale with a Han multiplier before it
        if len(w) == 1 and not w.isascii() and not profile_spaced(lang):
            han = True
            for k, m in (("十", 10.0), ("百", 100.0), ("千", 1000.0)):
                out.setdefault(k + w, m * v)
    if han:  # "5千人", "3万5千": a thousand and a hundred after figures, which CLDR's compact patterns leave out
        out.setdefault("千", 1000.0)
        out.setdefault("百", 100.0)
    # "5천억" (5 x 1000 x 10^8), "3천만": a one-letter scale word of a caseless script before a larger one
    small = [(w, v) for w, v in out.items() if len(w) == 1 and not w.isascii() and v <= 1000]
    for w, v in list(out.items()):
        if len(w) == 1 and not w.isascii() and v >= 1e4:
            for k, m in small:
                out.setdefault(k + w, m * v)
    if profile_spaced(lang):  # "mil milhões", "mil millones", "mille milliards": a thousand of a larger scale
        thousands = [w for w, v in out.items() if v == 1000.0 and len(w) >= 3 and w.isalpha()]
        for w, v in list(out.items()):
            if v >= 1e6 and w.isalpha():
                for k in thousands:
                    out.setdefault(f"{k} {w}", 1000.0 * v)
    return out


def scale_words(lang: str) -> dict[str, float]:
    """The scale words of ``lang`` (CLDR's compact patterns and the profile's) and their values."""
    return dict(_scales(lang))


@functools.lru_cache(maxsize=64)
def _currency_words(lang: str) -> dict[str, str]:
    return {**_facts(lang).currencies, **_CURRENCY_WORDS}


@functools.lru_cache(maxsize=64)
def _percent_words(lang: str) -> tuple[str, ...]:
    f = _facts(lang)
    return tuple(dict.fromkeys((*_PERCENT, f.percent, *f.percent_words)))


# letters a percent word keeps as the stem of its case forms ("prosent|illa"), at least (five would read German
# "40 Prozesse", 40 processes, as "proze|sse")
_PERCENT_STEM = 6
_PERCENT_ENDING = 5  # letters a case form may add to that stem ("százalék|kal", "procent|iem")
_PERCENT_ABBREV = 4  # letters of a percent word kept before the full stop of its abbreviation ("proc.")


@functools.lru_cache(maxsize=64)
def _percent_forms(lang: str) -> str:
    """A pattern of the case forms and the abbreviation of the language's own percent words, beyond the forms
    CLDR writes: each CLDR form without its last two letters (six letters or more) and an ending of up to
    five ("40 prosentilla", "7,9 prosenttiin" for CLDR's "prosentti"; "procentiem"; "százalékkal"), and its
    first four letters with a full stop ("40 proc." for "procentas"). English keeps its own words only (its
    "percentage points" is a phrase of its own). "" where the language has none."""
    if not lang or base_lang(lang) == "en":
        return ""
    let = _letter(lang)
    stems: dict[str, None] = {}
    abbrevs: dict[str, None] = {}
    for w in _facts(lang).percent_words:
        if not w.isalpha() or len(w) < _PERCENT_STEM + 1:
            continue
        stems[w[:max(_PERCENT_STEM, len(w) - 2)]] = None
        abbrevs[w[:_PERCENT_ABBREV] + "."] = None
    if not stems:
        return ""
    return "|".join([rf"(?:{_alt(list(stems))}){let}{{0,{_PERCENT_ENDING}}}(?!{let})", _alt(list(abbrevs))])


def _is_percent_word(unit: str, lang: str) -> bool:
    """``unit`` (lower case) is a percent word of ``lang``: a form CLDR writes or one of :func:`_percent_forms`."""
    if unit in _percent_words(lang):
        return True
    forms = _percent_forms(lang)
    return bool(forms) and re.fullmatch(forms, unit, re.IGNORECASE) is not None


@functools.lru_cache(maxsize=64)
def _num_re(lang: str) -> re.Pattern[str]:
    """Digits with an optional currency before, scale word, percent or currency word and unit suffix after."""
    let = _letter(lang)
    tail = tail_letter(lang)
    cur = _currency_words(lang)
    prefix = [w for w in cur if not any(ch.isalnum() for ch in w)] + ["us$"]  # symbols: "$", "€", "Kč" is after
    codes = r"(?-i:[A-Z]{3})"  # an ISO code before the amount must be upper case ("USD 5", not "all 5")
    # a currency symbol in letters written onto the amount: the local currency's before any figure ("R450" in
    # isiZulu), a regional one only before an amount that cannot be a code's number: thousands, cents or a scale
    # word ("R450 million", "R23.50", "R25 000" in English; not "R2-D2", "P5")
    own, regional = _letter_symbols(lang)
    letters = [f"(?:{_alt(list(own))})(?=\\d)"] if own else []
    if regional:
        money = rf"\d{{1,3}}(?:[,\u00a0 ]\d{{3}})+(?![\d])|\d+\.\d\d(?!\d)|\d+(?:\.\d+)?\s?(?:{_alt(list(_scales(lang)))})(?!{tail})"
        letters.append(f"(?:{_alt(list(regional))})(?=(?:{money}))")
    codes = rf"(?-i:[A-Z]{{3}}|{'|'.join(letters)})" if letters else codes
    iso = {c.lower() for c in cur.values()}  # ISO codes are written in capitals: "20 USD", not "20ern"
    after = list(_percent_words(lang)) + [w for w in cur if (w[0].isalpha() or not w.isascii())
                                          and not (w in iso and w not in _CURRENCY_WORDS)]
    # where words run together a value may follow its scale at once ("1億6,940万", "6万496"): see _compounds
    end = r"(?!\d)" if profile_spaced(lang) else ""
    forms = _percent_forms(lang)
    forms = f"{forms}|" if forms else ""
    infix = _facts(lang).scale_infix
    infix = f"(?P<infix>{_alt(list(infix))})?" if infix else "(?P<infix>)"  # "9000多万": over 90 million
    return re.compile(
        rf"(?<!{let})(?<![\d.])(?<!\d,)(?<!{let}-)(?:(?P<cur>{_alt(prefix)}|{codes})\s?)?"
        r"(?P<num>\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])|\d{1,2}(?:\.\d\d)+\.\d{3}(?![\d.])|\d{1,3}(?:[.,\u00a0\u202f]\d{3})+(?:[.,]\d+)?"
        r"|\d{1,3}(?: \d{3})+(?!\d|[.,]\d)|\d+(?:[.,]\d+)?)(?!\d)"
        # (a hyphen may join them: "44-Millionen-Pfund-Verpflichtung", "a 20-percent rise")
        rf"(?:(?:\s|-)?{infix}(?P<scale>{_alt(list(_scales(lang)))})(?!{tail}))?"
        rf"(?:\+?(?:\s|-)?(?P<unit>{_alt(after)}|{forms}{codes})(?!{tail}))?"  # ("21+ percent": at least 21 percent)
        rf"(?P<ord>st|nd|rd|th|['’]?s|(?:{_UNIT_SUFFIX})(?!{let}))?(?:(?!{tail})|(?P<glued>(?={let}{{2}}))){end}",
        re.IGNORECASE,
    )


@functools.lru_cache(maxsize=64)
def _letter_symbols(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """:func:`_derived_letter_symbols` of the language's base code, once per process."""
    return _derived_letter_symbols(base_lang(lang))


@disk_memo(("babel",))  # derived once per machine (tqcheck.diskmemo): English reads about 100 regional locales
def _derived_letter_symbols(code: str) -> tuple[dict[str, str], dict[str, str]]:
    """Currency symbols in letters written onto the amount ("R450", "RM20", "K150 million"), as written, each
    with its ISO code: those CLDR gives the currencies of the language's own territory in that language ("R"
    for the rand in isiZulu, isiXhosa, Afrikaans), and those of the language's regional locales ("R" in en_ZA,
    "RM" in en_MY, "K" in en_ZM); a symbol two currencies share there is left out (K: kina and kwacha)."""
    from babel.localedata import locale_identifiers
    from babel.numbers import get_currency_symbol, get_territory_currencies

    from .lang.cldr import _likely_territory

    def symbols(locale: str, territory: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        try:
            for cur in get_territory_currencies(territory):
                sym = get_currency_symbol(cur, locale=locale)
                if sym != cur and re.fullmatch(r"[A-Z][A-Za-z]{0,2}", sym):
                    out.setdefault(sym, set()).add(cur)
        except (UnknownLocaleError, ValueError):
            pass
        return out

    if not code:
        return {}, {}
    territory = _likely_territory(code)
    own = {k: min(v) for k, v in (symbols(code, territory) if territory else {}).items() if len(v) == 1}
    regional: dict[str, set[str]] = {}
    for ident in locale_identifiers():
        parts = ident.split("_")
        if len(parts) == 2 and parts[0] == code and parts[1].isupper() and parts[1] != territory:
            for sym, curs in symbols(ident, parts[1]).items():
                regional.setdefault(sym, set()).update(curs)
    return own, {k: min(v) for k, v in regional.items() if len(v) == 1 and k not in own}


def _letter_symbol_currency(lang: str, symbol: str) -> str | None:
    own, regional = _letter_symbols(lang)
    return own.get(symbol) or regional.get(symbol)


# "20:25", "20h25", "20H25", "12 h 00" (French); "1200 GMT", "0930 UTC" (four figures before a time zone)
# "20: 00" (a space after the colon, two figures each side), "01։23" (the Armenian full stop, which Unicode's
# confusables list with the colon, as a clock's colon)
_TIME_RE = re.compile(r"(?<![\d:])(?P<h>[01]?\d|2[0-3]|24(?=:00))(?:[:hH։]|(?<=\d\d):\s(?=\d\d)|\u00a0?\s?h\s?)"
                      r"(?P<m>[0-5]\d)(?![\d:])"
                      r"|(?<![\d:.,])(?P<h2>[01]\d|2[0-3])(?P<m2>[0-5]\d)(?=\s?(?:GMT|UTC|Z)\b)")
_DOTDATE_RE = re.compile(r"(?<![\d.,])(?P<a>\d{1,2})\.\s?(?P<b>\d{1,2})\.\s?(?P<y>\d{4})(?![\d.,]?\d)")
_NUMDATE_RE = re.compile(r"(?<![\d/.])(?:(?P<d1>\d{1,2})\s?[-–]\s?)?(?P<a>\d{1,2})/(?P<b>\d{1,2})"
                         r"(?:/(?P<y>\d{4}|\d{2}))?(?![\d/])")

# Relative periods a translation must not turn into a calendar year ("this year" -> "năm 2016").
RELATIVE = {
    "en": re.compile(r"\b(?:this|last|next|past|previous|current|coming)\s+(?:year|month|week)\b|\b(?:today|"
                     r"yesterday|tomorrow)\b|\byear[- ]to[- ]date\b", re.IGNORECASE),
    "vi": re.compile(r"\b(?:năm|tháng|tuần)\s+(?:nay|này|ngoái|trước|qua|tới|sau)\b|\bhôm\s+(?:nay|qua)\b|"
                     r"\bngày\s+mai\b", re.IGNORECASE),
}
RELATIVE_RENDER = {"vi": {"year": "năm nay", "month": "tháng này", "week": "tuần này"},
                   "en": {"year": "this year", "month": "this month", "week": "this week"}}


def _norm(v: float) -> float:
    return float(f"{v:.9g}")


@functools.lru_cache(maxsize=32)
def _symbols(lang: str) -> tuple[str, str]:
    try:
        Locale.parse(lang)
        return get_decimal_symbol(lang), get_group_symbol(lang)
    except (UnknownLocaleError, ValueError):
        return ".", ","


def parse_number(s: str, lang: str) -> tuple[float, set[float]]:
    """Value of a digit string in ``lang``'s conventions, plus other readings a careless writer may mean.

    "2,2" (vi) -> 2.2; "1.000" (vi) -> 1000 (alt 1.0); "2.2" (vi) -> 2.2 (a group is 3 digits).
    """
    dec, grp = _symbols(lang)
    s = s.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,2}(?:,\d\d)+,\d{3}|\d{1,2}(?:\.\d\d)+\.\d{3}", s):  # lakh grouping: "2,06,737"
        return float(s.replace(",", "").replace(".", "")), set()  # (kept with a translation's group mark)
    seps = [c for c in s if c in ".,  "]
    if not seps:
        return float(s), set()
    if len(set(seps)) > 1:  # both kinds: the last is the decimal mark
        last = max(s.rfind("."), s.rfind(","))
        return _to_float(re.sub(r"[.,  ]", "", s[:last]) + "." + s[last + 1:]), set()
    sep = seps[0]
    parts = s.split(sep)
    grouped = all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3
    as_group = _to_float("".join(parts))
    if len(parts) > 2 or sep == " ":
        return as_group, set()
    as_dec = _to_float(parts[0] + "." + parts[1])
    if not grouped:
        return as_dec, set()
    if sep == grp or (sep not in (dec, grp) and sep != "."):
        return as_group, {as_dec}
    return as_dec, {as_group}


def _to_float(s: str) -> float:
    try:
        return float(Decimal(s))
    except InvalidOperation:
        return float("nan")


# --- number words ---------------------------------------------------------------------------------

_EN_UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                        "thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_EN_MULT = {"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_VI_UNITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_VI_TAIL = {"mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5}  # only after mười/mươi
_VI_MULT = {"trăm": 100, "nghìn": 1000, "ngàn": 1000, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}

_EN_WORD_RE = re.compile(r"\b(?:(?:" + _alt(list(_EN_UNITS) + list(_EN_TENS) + list(_EN_MULT)) +
                         r")(?:[- ](?=[a-z]))?)+\b", re.IGNORECASE)
_VI_WORDS = list(_VI_UNITS) + list(_VI_TAIL) + list(_VI_MULT) + ["mười", "mươi", "linh", "lẻ"]
_VI_WORD_RE = re.compile(r"(?<![\wÀ-ỹ])(?:(?:" + _alt(_VI_WORDS) + r")(?:\s+|(?![\wÀ-ỹ])))+", re.IGNORECASE)


_AND_HALF = re.compile(r"[\s-]+and[\s-]+a[\s-]+half(?:[\s-]+(?P<scale>thousand|million|billion|trillion))?\b",
                       re.IGNORECASE)  # "four and a half years", "six-and-a-half-million"
_EN_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_EN_OTHER = {**{w: float(i + 1) for i, w in enumerate(_EN_ORDINALS)}, "both": 2.0, "twice": 2.0, "couple": 2.0,
             "decade": 10.0, "century": 100.0, "centenary": 100.0, "centennial": 100.0, "tens": 10.0, "dozens": 12.0, "hundreds": 100.0, "thousands": 1e3,
             "millions": 1e6, "billions": 1e9, "twenties": 20.0, "thirties": 30.0, "forties": 40.0, "fifties": 50.0,
             "sixties": 60.0, "seventies": 70.0, "eighties": 80.0, "nineties": 90.0,
             "pair": 2.0, "dozen": 12.0, "half": 0.5, "single": 1.0, "once": 1.0,
             # multiplicatives: "thrice" (three times), the verbs of doubling, and every "-fold" of a number word
             # (threefold, tenfold, hundredfold); "double" and "triple" alone are left out ("double standard")
             "thrice": 3.0, "doubled": 2.0, "tripled": 3.0, "quadrupled": 4.0,
             **{f"{w}fold": float(v) for w, v in {**_EN_UNITS, **_EN_TENS, **_EN_MULT}.items() if v >= 2}}
_EN_OTHER_RE = re.compile(r"(?<![\w'])(?:" + _alt(list(_EN_OTHER)) + r")(?!\w)", re.IGNORECASE)


def _en_split(text: str, start: int, toks: list[str]) -> list[tuple[int, int, float]]:
    """Split "two nine" (two numbers) but keep "twenty nine", "three hundred" (one number)."""
    groups: list[list[str]] = [[]]
    for t in toks:
        prev = groups[-1][-1] if groups[-1] else ""
        if prev and (t in _EN_UNITS or t in _EN_TENS) and (prev in _EN_UNITS or prev in _EN_TENS and t in _EN_TENS):
            groups.append([])
        groups[-1].append(t)
    out, pos = [], start
    for g in groups:
        m = re.search(r"[- ]*".join(re.escape(x) for x in g), text[pos:], re.IGNORECASE)
        if m is None:
            continue
        v = _en_words(g)
        if v is not None:
            out.append((pos + m.start(), pos + m.end(), v))
        pos += m.end()
    return out


def _en_words(tokens: list[str]) -> float | None:
    total, cur, seen = 0.0, 0.0, False
    for t in tokens:
        if t in _EN_UNITS:
            cur += _EN_UNITS[t]
        elif t in _EN_TENS:
            cur += _EN_TENS[t]
        elif t == "hundred":
            cur = max(cur, 1) * 100
        elif t in _EN_MULT:
            total += max(cur, 1) * _EN_MULT[t]
            cur = 0
        seen = True
    return total + cur if seen else None


_VI_YEAR_AFTER = re.compile(r"\s*(?:$|[^\w\s]|\d|(?:nay|này|ngoái|tới|sau|qua|đó|ấy|trước|học|mới|rồi)\b)",
                            re.IGNORECASE)


def _vi_number_tokens(toks: list[tuple[int, int, str]], tail: str) -> list[tuple[int, int, str]]:
    """The leading run of ``toks`` that is one Vietnamese number ("năm năm tới" -> the first "năm")."""
    while toks and (toks[0][2] in _VI_MULT or toks[0][2] in ("mươi", "linh", "lẻ", *_VI_TAIL)):
        toks = toks[1:]  # "triệu người" alone, "lẻ" ("odd") are not numbers
    keep: list[tuple[int, int, str]] = []
    for tok in toks:
        prev = keep[-1][2] if keep else ""
        if keep and (tok[2] in _VI_UNITS and prev in _VI_UNITS or tok[2] == "năm" and prev in ("mười", "mươi")):
            break  # "năm năm" = five years; "mười năm" = ten years (15 is "mười lăm")
        keep.append(tok)
    if [t for _, _, t in keep] == ["năm"] and _VI_YEAR_AFTER.match(tail[keep[0][1]:]):
        return []  # "năm 2016", "năm nay", "đầu năm,": the noun "year"
    return keep


def _vi_words(tokens: list[str]) -> float | None:
    total, cur, prev = 0.0, 0.0, ""
    for t in tokens:
        if t in _VI_TAIL:
            if prev not in ("mười", "mươi"):
                return None
            cur += _VI_TAIL[t]
        elif t in _VI_UNITS:
            cur += _VI_UNITS[t]
        elif t == "mười":
            cur += 10
        elif t == "mươi":
            cur = (cur or 1) * 10
        elif t == "trăm":
            cur = (cur or 1) * 100
        elif t in _VI_MULT:
            total += (cur or 1) * _VI_MULT[t]
            cur = 0
        prev = t
    return total + cur


# "half a million", "nửa triệu": half of a round number (soft, like every number word)
_HALF_OF = {
    "en": (re.compile(r"\bhalf\s+an?\s+(?P<u>thousand|million|billion|trillion|dozen|century|decade)\b",
                      re.IGNORECASE), {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
                                       "dozen": 12.0, "century": 100.0, "decade": 10.0}),
    "vi": (re.compile(r"(?<![\wÀ-ỹ])nửa\s+(?P<u>nghìn|ngàn|triệu|tỷ|tỉ|tá|thế\s+kỷ|thập\s+kỷ)(?![\wÀ-ỹ])",
                      re.IGNORECASE), {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9, "tá": 12.0,
                                       "thế kỷ": 100.0, "thập kỷ": 10.0}),
}


def _word_numbers(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    out = []
    half = _HALF_OF.get(lang)
    for m in half[0].finditer(text) if half else ():
        if not any(used[m.start():m.end()]):
            v = 0.5 * half[1][re.sub(r"\s+", " ", m["u"].lower())]
            out.append(_soft(text, m.start(), m.end(), v, lang))
            used[m.start():m.end()] = [True] * (m.end() - m.start())
    if lang == "en":
        for m in _EN_WORD_RE.finditer(text):
            s, e = m.start(), m.start() + len(m.group(0).rstrip("- "))
            toks = re.split(r"[- ]+", text[s:e].lower())
            if toks and toks[0] in _EN_MULT:
                if len(toks) == 1 and re.search(r"(?<![\w])an?\s+$", text[:s], re.IGNORECASE) \
                        and not any(used[s:e]):
                    v = _EN_MULT[toks[0]]  # "a hundred years", "a million": may match 100 / 1,000,000, not required
                    out.append(Quantity("ordinal", frozenset({("num", v)}), s, e, text[s:e], True, value=v))
                    used[s:e] = [True] * (e - s)
                continue  # "hundreds" is not an exact value
            for s2, e2, v in _en_split(text, s, toks):
                half = _AND_HALF.match(text, e2)
                if half:
                    v = (v + 0.5) * _EN_MULT.get((half["scale"] or "").lower(), 1)
                    e2 = half.end()
                if not any(used[s2:e2]):
                    out.append(_soft(text, s2, e2, v, measure_lang=lang))
                    used[s2:e2] = [True] * (e2 - s2)
        for m in _EN_OTHER_RE.finditer(text):  # ordinals and vague counts: may match, never required
            if not any(used[m.start():m.end()]):
                v = _EN_OTHER[m.group(0).lower()]
                out.append(Quantity("ordinal", frozenset({("num", v)}), m.start(), m.end(), m.group(0), True, value=v))
        out += _article_measures(text, used)
    elif lang == "vi":
        for m in _VI_WORD_RE.finditer(text):
            toks = [(t.start(), t.end(), t.group(0).lower()) for t in re.finditer(r"\S+", m.group(0))]
            toks = _vi_number_tokens(toks, text[m.start():])
            if not toks:
                continue
            s, e = m.start() + toks[0][0], m.start() + toks[-1][1]
            if any(used[s:e]):
                continue
            v = _vi_words([t for _, _, t in toks])
            if v is not None:
                out.append(_soft(text, s, e, v, measure_lang=lang))
    else:
        out += _han_numbers(text, lang, used)
        out += _generic_words(text, lang, used)
    return out


_ARTICLE = re.compile(r"(?<![\w'’])(an?)\s+(?=[^\W\d_]{2})", re.IGNORECASE)


def _article_measures(text: str, used: list[bool]) -> list[Quantity]:
    """English "a"/"an" right before a unit of measure that pint knows ("a foot long", "a mile away", "an inch"):
    one of that unit, soft (it may match the other side's converted measure, "30 сантиметров", and is never
    required or flagged as added)."""
    from .units import unit_at

    out = []
    for m in _ARTICLE.finditer(text):
        unit = unit_at(text, m.end(1), "en")
        if unit is not None and not any(used[m.start(1):unit[1]]):
            out.append(Quantity("number", frozenset({("num", 1.0)}), m.start(1), m.end(1), m.group(1), True,
                                value=1.0, unit=unit[0]))
    return out


@functools.lru_cache(maxsize=64)
def _words_re(lang: str) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, float]]]:
    """num2words' cardinals and ordinals of the profile as one pattern (longest first), and their values."""
    f = _facts(lang)
    table = {w: ("number", v) for w, v in f.words.items()}
    table.update({w: ("ordinal", v) for w, v in f.ordinals.items() if w not in table})
    table.update({w: ("number", v) for w, v in _dual_scales(lang).items() if w not in table})
    if not table:
        return None, table
    let, tail = _letter(lang), tail_letter(lang)
    pre = _clitic_prefix(lang)  # the value is the word's, in the group ``w``
    if tail == let:
        return re.compile(rf"(?<!{let}){pre}(?P<w>{_alt(list(table))})(?!{let})", re.IGNORECASE), table
    # a case ending may be written onto a word of four letters or more ("নব্বইয়ের", of ninety); a shorter one
    # with letters after it is another word ("তিনি", he, is no "তিন", three; "দশক", a decade, no "দশ", ten)
    long = [w for w in table if len(w) >= 4]
    short = [w for w in table if len(w) < 4]
    alts = [rf"(?:{_alt(long)})(?!{tail})"] if long else []
    alts += [rf"(?:{_alt(short)})(?!{let})"] if short else []
    return re.compile(rf"(?<!{let}){pre}(?P<w>{'|'.join(alts)})", re.IGNORECASE), table


def _clitic_prefix(lang: str) -> str:
    """An optional pattern of the one-letter words written onto a number word (Hebrew "כשלושת אלפים", about
    three thousand; "ועשרים", and twenty: the profile's clitics of one letter), or ""."""
    ones = [c for c in _facts(lang).clitics if len(c) == 1]
    return rf"(?:[{re.escape(''.join(ones))}]{{1,2}}(?=[^\W\d_]))?" if ones else ""


def _dual_scales(lang: str) -> dict[str, float]:
    """Two of a scale written as one word with the profile's ``dual_suffixes`` on CLDR's one-word scale word
    (Arabic "مليونان", "مليوني": two million), which num2words writes in one case form only."""
    from .lang import base_code, profile

    ends = profile(base_code(lang)).section("numbers").get("dual_suffixes") or ()
    return {w + e: 2 * v for w, v in _facts(lang).scales.items() if " " not in w and v >= 1000 for e in ends}


# languages whose number words take no case endings: a short number word with letters after it is another word
# ("tent", "ones", "Elfen")
_SOFT_ENDS = "ьйаеиоуыяюэaeiouy"  # a short number word's final letter that a case ending replaces ("семь", "семи")
_UNINFLECTED = frozenset({"en", "de", "nl", "fr", "es", "it", "pt", "vi", "da", "sv", "no", "nb"})


@functools.lru_cache(maxsize=64)
def _inflected_words_re(lang: str) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, float]]]:
    """Case forms num2words does not write ("двадцати", "desátou", "sedmým"): a stem of each one-word form of
    five letters or more (less its last letter, or two from seven letters) with an ending of up to three
    letters. Stems two values share are dropped. Languages that separate words only."""
    if not profile_spaced(lang):
        return None, {}
    _, table = _words_re(lang)
    stems: dict[str, tuple[str, float] | None] = {}
    short: dict[str, tuple[str, float] | None] = {}
    for w, kv in table.items():
        if not w.isalpha():
            continue
        if len(w) < 5:  # "sedm" -> "sedmi", "šest" -> "šesti": the whole short form and a one- or two-letter ending;
            # "семь" -> "семи", "пять" -> "пяти": less a final vowel or soft sign, with its ending
            if len(w) >= 3 and base_lang(lang) not in _UNINFLECTED:
                for k in (w, w[:-1] if len(w) == 4 and w[-1] in _SOFT_ENDS else ""):
                    if k:
                        short[k] = kv if short.get(k, kv) == kv else None
            continue
        stem = w[:-1] if len(w) < 7 else w[:-2]
        stems[stem] = kv if stems.get(stem, kv) == kv else None
        if len(w) >= 7:  # the whole word with an ending of its own ("devedesetih", of the nineties)
            stems[w] = kv if stems.get(w, kv) == kv else None
    stems = {k: v for k, v in stems.items() if v is not None}
    short = {k: v for k, v in short.items() if v is not None and k not in stems}
    if not stems and not short:
        return None, {}
    let = _letter(lang)
    alts = [rf"(?P<stem>{_alt(list(stems))}){let}{{0,3}}"] if stems else []
    if short:
        alts.append(rf"(?P<short>{_alt(list(short))}){let}{{1,2}}")
    return (re.compile(rf"(?<!{let}){_clitic_prefix(lang)}(?P<w>{'|'.join(alts)})(?!{let})",
                       re.IGNORECASE), {**stems, **short})  # type: ignore[return-value]


@functools.lru_cache(maxsize=64)
def _scale_re(lang: str) -> re.Pattern[str]:
    return re.compile(rf"\s+(?P<s>{_alt(list(_scales(lang)))})(?!{tail_letter(lang)})", re.IGNORECASE)


def _scale_after(text: str, pos: int, lang: str) -> tuple[float, int] | None:
    if not _scales(lang):
        return None
    m = _scale_re(lang).match(text, pos)
    return (_scales(lang)[m["s"].lower()], m.end()) if m else None


def _generic_words(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    """Number words of any language num2words knows ("fünf", "dvacet jedna", "пять", "十六"): soft values that
    may satisfy a figure; in scripts without spaces between words they may only match."""
    from .lang import base_code, profile

    spaced = profile(base_code(lang)).spaces_between_words
    pat, table = _words_re(lang)
    out = []
    for m in pat.finditer(text) if pat else ():
        if any(used[m.start("w"):m.end()]):
            continue
        kind, v = table[m.group("w").lower()]
        if not spaced:  # a Han numeral is also part of many words ("一些", "十分"): it may only match
            kind = "ordinal"
        end = m.end()
        infix, suffix = _half_res(lang)
        half = infix.match(text, end) if infix is not None and kind == "number" else None
        scale = _scale_after(text, half.end() if half else end, lang) if kind == "number" else None
        if scale is not None:  # "vier Millionen", "pět miliard"
            v, end = (v + (0.5 if half else 0)) * scale[0], scale[1]  # "два с половиной миллиона": 2.5 million
        more = suffix.match(text, end) if suffix is not None and not half and kind == "number" and v > 0 else None
        if more:  # "dos millones y medio": 2.5 million; "un milione e mezzo" (one num2words form): 1.5 million
            unit = scale[0] if scale is not None else 10.0 ** int(math.log10(v)) if v >= 1000 else 1.0
            v, end = v + 0.5 * unit, more.end()
        if kind == "number" and not more:  # "מאה ועשרים" (a hundred and twenty): the smaller parts after "and"
            v, end = _and_parts(text, end, v, lang, pat, table)
        start = m.start("w")
        if kind == "number" and scale is None and (before := _scale_before(text, start, lang)) is not None \
                and not any(used[before[1]:start]):  # "miliyan uku" (Hausa: the scale word first), 3 million
            v, start = v * before[0], before[1]
        if kind == "ordinal":
            out.append(Quantity("ordinal", frozenset({("num", v)}), start, end, text[start:end], True, value=v))
        else:
            out.append(_soft(text, start, end, v, lang))
        used[start:end] = [True] * (end - start)
    ipat, stems = _inflected_words_re(lang)
    for m in ipat.finditer(text) if ipat else ():  # soft like every number word; inflections may only match
        start = m.start("w")
        if any(used[start:m.end()]):
            continue
        kind, v = stems[(m["stem"] or m["short"]).lower()]
        end = m.end()
        scale = _scale_after(text, end, lang) if kind == "number" else None
        if scale is not None:  # "пятью миллионами" is read when the scale form is listed
            v, end = v * scale[0], scale[1]
        if end > m.end():  # the scale word read alone above is part of this value ("sedmi tisíc" = 7000)
            out = [q for q in out if not (m.end() <= q.start and q.end <= end)]
        out.append(Quantity("ordinal", frozenset({("num", v)}), start, end, text[start:end], True, value=v))
        used[start:end] = [True] * (end - start)
    out += _bare_scales(text, lang, used)
    return out


def _scale_before(text: str, start: int, lang: str) -> tuple[float, int] | None:
    """(value, start) of a scale word right before ``start`` (a space between) in a language that writes the scale
    word before the number (``NumberFacts.scale_first``: Hausa "miliyan uku"), else None."""
    if not _facts(lang).scale_first:
        return None
    m = _scale_word_before_re(lang).search(text, max(0, start - 40), start)
    return (_scales(lang)[m.group("s").lower()], m.start("s")) if m else None


@functools.lru_cache(maxsize=64)
def _scale_word_before_re(lang: str) -> re.Pattern[str]:
    let = _letter(lang)
    return re.compile(rf"(?<!{let})(?P<s>{_alt([w for w in _scales(lang) if w.isalpha()])})\s+$", re.IGNORECASE)


def _and_parts(text: str, end: int, v: float, lang: str, pat: re.Pattern[str],
               table: Mapping[str, tuple[str, float]]) -> tuple[float, int]:
    """``v`` (a number word's value ending at ``end``) with the smaller parts that follow it joined by the word
    "and" written onto them (:attr:`NumberFacts.attached_and`: Hebrew "מאה ועשרים" is 120, "שלושת אלפים וחמש
    מאות" 3500): each part must be smaller than the round unit of what it is added to (the hundreds after a
    thousand, not a second thousand). Returns the value and where it ends."""
    joiner = _facts(lang).attached_and
    while joiner:
        m = re.compile(rf"\s+{re.escape(joiner)}").match(text, end)
        w = pat.match(text, m.end() - len(joiner)) if m else None  # (the joiner read as the word's clitic)
        if w is None or w.start("w") != m.end() or table[w.group("w").lower()][0] != "number":
            break
        part = table[w.group("w").lower()][1]
        unit = 10.0 ** int(math.log10(v)) if v >= 10 else 0.0
        if not 0 < part < unit or v % unit:
            break
        v, end = v + part, w.end()
    return v, end


@functools.lru_cache(maxsize=64)
def _half_res(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The profile's words for "and a half" between a number word and its scale word ("два с половиной
    миллиона", "dva a půl milionu": ``half_infix``) and after the scale word ("un milione e mezzo", "un million
    et demi": ``half_suffix``); num2words writes no fractions."""
    from .lang import base_code, profile

    sec = profile(base_code(lang)).section("numbers")
    let = _letter(lang)
    out = []
    for key in ("half_infix", "half_suffix"):
        words = [w.lower() for w in sec.get(key) or ()]
        out.append(re.compile(rf"\s+(?:{_alt(words)})(?!{let})", re.IGNORECASE) if words else None)
    return out[0], out[1]


_MIN_INSIDE = 4  # letters a number word needs before it is looked for inside a longer word


@functools.lru_cache(maxsize=64)
def _words_by_value(lang: str) -> dict[float, tuple[str, ...]]:
    _, table = _words_re(lang)
    out: dict[float, list[str]] = {}
    for w, (_, v) in table.items():
        if len(w) >= _MIN_INSIDE and w.isalpha():
            out.setdefault(v, []).append(w)
    return {v: tuple(ws) for v, ws in out.items()}


def spelled_inside(value: float, text: str, lang: str) -> bool:
    """``text`` has a longer word with a number word of ``value`` (or of its tens, for 21-99) inside it, which
    the parser does not read as a number: "pětačtyřicetiletého" (45), "Dreitore-Rückstand" (3). Languages that
    separate words only; num2words' words of four letters or more, with three letters or more around them."""
    if not profile_spaced(lang) or value != int(value) or not 0 < value < 100:
        return value == int(value) and 100 <= value < 1000 and not value % 100 and profile_spaced(lang) \
            and _hundreds_inside(int(value) // 100, text, lang)
    by_value = _words_by_value(lang)
    words = list(by_value.get(value, ()))
    if value > 20 and value % 10:
        words += by_value.get(value - value % 10, ())
    if base_lang(lang) not in _UNINFLECTED:  # the stem of a case form ("čtyřčlenné": čtyř|i, a four-member)
        words += [w[:-1] if len(w) < 7 else w[:-2] for w in words if len(w) >= 5 and w.isalpha()]
    if not words:
        return False
    let = _letter(lang)
    for m in re.finditer(rf"{let}*(?:{_alt(words)}){let}*", text, re.IGNORECASE):
        if len(m.group(0)) - max(len(w) for w in words if w in m.group(0).lower()) >= 3:
            return True  # three letters or more besides the number word: "weight" is no compound of "eight"
    return False


def percent_compound(text: str, lang: str) -> bool:
    """``text`` has a word with a percent word inside it after three letters or more ("dvouprocentním", a
    two-percent one; "zweiprozentig"): a share the parser does not read."""
    words = [w for w in _percent_words(lang) if len(w) >= 5 and w.isalpha()]
    if not words or not profile_spaced(lang):
        return False
    let = _letter(lang)
    return re.search(rf"{let}{{3,}}(?:{_alt(words)})", text, re.IGNORECASE) is not None


def word_begins(value: float, text: str, lang: str) -> bool:
    """``text`` has a word that begins with a number word of ``value`` (three letters or more) and goes on for
    three letters or more ("sjöleytið", at about seven): weak evidence of an hour."""
    if not profile_spaced(lang) or value != int(value) or not 0 < value < 100:
        return False
    words = [w for w, (_, v) in _words_re(lang)[1].items() if v == value and len(w) >= 3 and w.isalpha()]
    if not words:
        return False
    let = _letter(lang)
    return re.search(rf"(?<!{let})(?:{_alt(words)}){let}{{3,}}", text, re.IGNORECASE) is not None


def values_begun(text: str, lang: str) -> set[float]:
    """The values of number words (four letters or more, 2 to 100) that begin a longer word of ``text`` and go
    on for three letters or more ("Achtelfinale": 8, "osmifinále": 8, "huitièmes": 8): a count the parser does
    not read. Languages that separate words only."""
    if not profile_spaced(lang):
        return set()
    every, whole = _words_re(lang)[1], _words_re(lang)[0]
    table = {w: v for w, (_, v) in every.items() if len(w) >= 4 and w.isalpha() and v == int(v) and 2 <= v <= 100}
    if not table or whole is None:
        return set()
    let = _letter(lang)
    pat = re.compile(rf"(?<!{let})({_alt(list(table))}){let}{{3,}}", re.IGNORECASE)
    # a number word itself ("seventeenth", "sedmnáct") is no compound of a shorter one
    return {table[m.group(1).lower()] for m in pat.finditer(text)
            if m.group(1).lower() in table and not whole.fullmatch(m.group(0))}


def word_with_ending(value: float, text: str, lang: str) -> bool:
    """``text`` has a number word of ``value`` (four letters or more) with one or two letters after it that
    the parser does not read ("Rugby Sevens" for "7人制", "the Tens"): weak evidence of the value."""
    if not profile_spaced(lang) or value != int(value) or not 0 < value < 100:
        return False
    words = [w for w in _words_by_value(lang).get(value, ()) if len(w) >= 4]
    if not words:
        return False
    let = _letter(lang)
    return re.search(rf"(?<!{let})(?:{_alt(words)}){let}{{1,2}}(?!{let})", text, re.IGNORECASE) is not None


@functools.lru_cache(maxsize=64)
def _hundred_word(lang: str) -> str:
    """The word for a hundred without its count: num2words' 100 less its 1 ("sto", "сто", "hundert" of
    "einhundert", "hundred" of "one hundred", "cent"); empty where num2words does not know the language."""
    try:
        from num2words import num2words

        hundred, one = num2words(100, lang=lang).lower(), num2words(1, lang=lang).lower()
    except (NotImplementedError, KeyError, AttributeError, TypeError, ValueError, OverflowError, ImportError):
        return ""
    word = hundred.split()[-1]
    head = os.path.commonprefix([word, one])
    if word == hundred and len(head) >= 2 and len(word) - len(head) >= 3:
        word = word[len(head):]  # "einhundert" less "ein" of "eins"
    return word if len(word) >= 3 and word.isalpha() else ""


def _hundreds_inside(count: int, text: str, lang: str) -> bool:
    """``text`` has a compound that counts ``count`` hundreds with the word for a hundred inside it, which the
    parser does not read: "čtyřstovku" (a 400-metre race: čtyř- of čtyři, -sto-), "osmistovky" (800),
    "stobodovou" (a hundred-point: it begins with "sto"). The word begins with the count's number word (its first
    three letters; for one hundred, with the hundred word itself) and is three letters longer than that word."""
    hundred = _hundred_word(lang)
    if not hundred:
        return False
    let = _letter(lang)
    if count == 1:
        heads = [""]
    else:
        heads = [w[:3] for w, (_, v) in _words_re(lang)[1].items() if v == count and len(w) >= 3 and w.isalpha()]
        if not heads:
            return False
    for m in re.finditer(rf"(?<!{let})(?:{_alt(heads) if heads != [''] else ''}){let}{{0,4}}?{re.escape(hundred)}{let}*",
                         text, re.IGNORECASE):
        if len(m.group(0)) - len(hundred) >= 3:
            return True
    return False


def _bare_scales(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    """A scale word with no number before it stands for one of it ("eina billjón" when "eina" is an inflected
    "one" num2words does not list, "上万", "миллион"): a soft value that may only match."""
    from .lang import base_code, profile

    spaced = profile(base_code(lang)).spaces_between_words
    words = [w for w in _scales(lang) if (len(w) >= 4 and w.isalpha()) or (not spaced and not w.isascii())]
    if not words:
        return []
    let = _letter(lang)
    out = []
    for m in re.finditer(rf"(?<!{let})(?:{_alt(words)})(?!{let})", text, re.IGNORECASE):
        if any(used[m.start():m.end()]) or re.search(r"\d\s*$", text[max(0, m.start() - 3):m.start()]):
            continue
        v = _scales(lang)[m.group(0).lower()]
        out.append(Quantity("ordinal", frozenset({("num", v)}), m.start(), m.end(), m.group(0), True, value=v))
        used[m.start():m.end()] = [True] * (m.end() - m.start())
    return out


def _soft(text: str, s: int, e: int, v: float, lang: str = "", measure_lang: str = "") -> Quantity:
    """A number written in words (soft); ``lang`` also reads the language's percent words after it, ``measure_lang``
    only its units (English and Vietnamese keep the shared percent words)."""
    words = list(_percent_words(lang)) if lang else list(_PERCENT)  # "Zwei-Prozent-Ziel", "two per cent"
    forms = _percent_forms(lang) if lang else ""  # "viisi prosenttia", "pięć proc."
    pct = re.match(r"[\s-]*(?:" + (f"{forms}|" if forms else "") + _alt(words) + ")", text[e:], re.IGNORECASE)
    if pct:
        return Quantity("percent", frozenset({("pct", _norm(v))}), s, e + pct.end(), text[s:e + pct.end()], True,
                        value=v)
    # a unit after the word ("five-foot", "zwei Meter"), so a measure the other side converts is matched
    from .units import unit_at

    measure = unit_at(text, e, measure_lang or lang) if (measure_lang or lang) else None
    return Quantity("number", frozenset({("num", _norm(v))}), s, e, text[s:e], True, value=v,
                    unit=measure[0] if measure else None)


# --- dates -----------------------------------------------------------------------------------------


_DATE_MONTH_ENDING = 4  # letters a month's case form may add to its stem right after a day ("14. märt|sil")


@functools.lru_cache(maxsize=64)
def _date_month_stems(lang: str) -> dict[str, int]:
    """Stems of the wide month names for a month that a day number stands next to, where CLDR lists one form
    of each month and the text declines it ("14. martā", "14. märtsil", "14 наурызда", for "marts", "märts",
    "наурыз"): each wide form less its last two letters, four letters kept, with :data:`_DATE_MONTH_ENDING`
    letters after it. Only in the languages that write a day with a full stop (:data:`tqcheck.segment.ORDINAL_DOT`)
    and only after such a day (:func:`_date_month`): elsewhere a word with such a stem next to a figure may be
    any word (Italian "i 2 maggiori partiti", the two largest parties). A stem two months share is left out."""
    if not lang or base_lang(lang) not in _ordinal_dot():
        return {}
    f = _facts(lang)
    by_stem: dict[str, set[int]] = {}
    for w, n in f.wide_months.items():
        if w.isalpha() and len(w) >= 5:
            by_stem.setdefault(w[:max(4, len(w) - 2)], set()).add(n)
    return {stem: next(iter(ns)) for stem, ns in by_stem.items() if len(ns) == 1}


@functools.lru_cache(maxsize=64)
def _day_month_pattern(lang: str) -> str:
    """The month pattern after a day: every CLDR form and stem, and the stems of :func:`_date_month_stems` (only
    here: the pattern that begins with a month is tried at every position of a text, this one after a day)."""
    month_re, _ = _month_regex(lang)
    assert month_re is not None
    loose = _date_month_stems(lang)
    if not loose:
        return month_re.pattern
    let = _letter(lang)
    alts = "|".join(rf"{re.escape(stem)}{let}{{0,{_DATE_MONTH_ENDING}}}" for stem in loose)
    return month_re.pattern.replace("(?P<mon>", f"(?P<mon>{alts}|", 1)


@functools.lru_cache(maxsize=64)
def _day_month_re(lang: str) -> re.Pattern[str]:
    """:func:`_day_month_pattern` alone, as the date patterns read it (case-blind)."""
    return re.compile(_day_month_pattern(lang), re.IGNORECASE)


def _date_month(word: str, lang: str, dotted: bool) -> int:
    """The month a word next to a day names: CLDR's forms and stems (:meth:`NumberFacts.month_of`), or, after a
    day with a full stop (``dotted``: "14. martā"), a stem of :func:`_date_month_stems` with a short ending."""
    month = _facts(lang).month_of(word)
    if month or not dotted:
        return month
    w = word.lower().rstrip(".")
    for stem, n in sorted(_date_month_stems(lang).items(), key=lambda s: -len(s[0])):
        if w.startswith(stem) and len(w) - len(stem) <= _DATE_MONTH_ENDING and w[len(stem):].isalpha():
            return n
    return 0


def _accented(stem: str) -> str:
    """A pattern for ``stem`` in which a Greek letter also matches its accented forms (the month stems are
    unaccented: see ``tqcheck.lang.cldr``); other letters as they are."""
    accented = _greek_accented()
    return "".join(f"[{re.escape(ch)}{''.join(accented[ch])}]" if ch in accented else re.escape(ch) for ch in stem)


@functools.lru_cache(maxsize=1)
def _greek_accented() -> dict[str, tuple[str, ...]]:
    """Each Greek letter and its accented forms (built when a Greek month stem is first needed)."""
    out: dict[str, list[str]] = {}
    for cp in (*range(0x370, 0x400), *range(0x1F00, 0x2000)):
        ch = chr(cp)
        base = surface.strip_marks(ch)
        if len(base) == 1 and base != ch and base.isalpha():
            out.setdefault(base, []).append(ch)
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=64)
def _month_regex(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Month names of the profile: every CLDR form (after a day number) and the forms a bare month may take
    (wide names and their inflections through stems; abbreviations such as Czech "pro" are also words).
    English keeps its abbreviations in the bare pattern: its cue rule decides ("in May", not "may")."""
    f = _facts(lang)
    if not f.months:
        return None, None  # numeric month names ("tháng 11", "11月"): see the Vietnamese and CJK patterns
    let = _letter(lang)
    tail = tail_letter(lang)  # (Bengali writes its case endings onto the month: "মার্চে", in March; a name of
    # fewer than four letters with letters after it is another word: "মের্কেল", Merkel, holds no "মে", May)

    def names(words: list[str]) -> str:
        short = [w for w in words if len(w) < 4] if tail != let else []
        long = [w for w in words if w not in short]
        return "|".join(([_alt(long)] if long else []) + [f"{re.escape(w)}(?!{let})" for w in short])

    stems = [rf"{_accented(stem)}{let}{{0,3}}" for stem, _ in f.month_stems]
    every = "|".join([names(list(f.months))] + stems)
    bare = every if base_lang(lang) == "en" else "|".join([names(list(f.wide_months))] + stems)
    # one-letter words written onto the month ("בינואר", "מינואר": in, from January)
    clitic = rf"(?:{_alt(list(f.clitics))}){{0,2}}" if f.clitics else ""
    return (re.compile(rf"(?<!{let}){clitic}(?P<mon>{every})\.?(?!{tail})", re.IGNORECASE),
            re.compile(rf"(?<!{let}){clitic}(?P<mon>{bare})\.?(?!{tail})", re.IGNORECASE))


@functools.lru_cache(maxsize=64)
def _cjk_date_re(lang: str) -> re.Pattern[str] | None:
    """Numeric dates built from the literals of CLDR's long date pattern and numeric month names:
    "y年M月d日" gives "2020年12月18日", "12 月 18 日" and "12月"; "y년 M월 d일" the Korean forms."""
    f = _facts(lang)
    if not f.month_suffix:
        return None
    year = rf"(?:(?P<y>\d{{4}})\s*{re.escape(f.year_suffix)}\s*)?" if f.year_suffix else ""
    day = (rf"(?:\s*(?P<d1>\d{{1,2}})\s*{re.escape(f.day_suffix)}"
           rf"(?:\s*[-–~〜至到]\s*(?P<d2>\d{{1,2}})\s*{re.escape(f.day_suffix)})?)?") if f.day_suffix else ""
    # ("1～6月": January to June, the first month of a range written without its suffix)
    first = r"(?:(?P<mon0>\d{1,2})\s*[-–—―~〜～至到]\s*)?"  # (the dashes and the horizontal bar: "9―10月")
    return re.compile(rf"(?<![\d.])(?<!\d,){year}{first}(?P<mon>\d{{1,2}})\s*{re.escape(f.month_suffix)}{day}")


# Han numerals (Chinese and Japanese): digits, the small units and the scales that cn2an reads.
_HAN_DIGITS = "〇零一二两兩三四五六七八九"
_HAN = _HAN_DIGITS + "十拾百佰千仟万萬亿億"
_HAN_RUN = rf"[{_HAN}]{{1,12}}"


# two neighbouring digits, an approximate count ("四五天", "五六百米", "七八千"); not "二三" of a list
_HAN_PAIR = re.compile(r"(?P<a>[三四五六七八])(?P<b>[四五六七八九])(?P<unit>[十百千万萬]?)")


def _han_value(run: str) -> float:
    """The value of a run of Han numerals ("三十五" 35, "二〇二一" 2021, "三千五百万"); NaN when unreadable."""
    try:
        import cn2an
    except ImportError:  # pragma: no cover - cn2an is a core dependency
        return float("nan")
    mode = "smart" if len(run) == 4 and all(ch in _HAN_DIGITS for ch in run) else "normal"  # "二〇二一"
    try:
        return float(cn2an.cn2an(run, mode))
    except (ValueError, KeyError, IndexError, TypeError):
        return float("nan")


def _han_profile(lang: str) -> bool:
    f = _facts(lang)
    return not profile_spaced(lang) and f.month_suffix == "月" and f.year_suffix == "年"


@functools.lru_cache(maxsize=16)
def _han_date_re(lang: str) -> re.Pattern[str]:
    if not _han_profile(lang):
        return re.compile(r"(?!)")
    day = _facts(lang).day_suffix or "日"
    return re.compile(rf"(?:(?P<y>[{_HAN_DIGITS}]{{4}}|\d{{4}})\s*年\s*)?(?P<mon>十[一二]?|[一二三四五六七八九])\s*月"
                      rf"(?:\s*(?P<d>[{_HAN}]{{1,3}})\s*{re.escape(day)})?")


@functools.lru_cache(maxsize=16)
def _han_year_re(lang: str) -> re.Pattern[str]:
    return re.compile(rf"(?P<y>[{_HAN_DIGITS}]{{4}})(?=\s*年)") if _han_profile(lang) else re.compile(r"(?!)")


def _han_numbers(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    """Han numeral runs outside dates ("三十五人", "两百名", "三千五百万"): soft values. A run that is a count
    with a unit ("三十", "两百", "十五") or several digits is a number that may satisfy a figure (required at
    minor only); a lone character ("一些", "十分", "千万") may only match."""
    if not _han_profile(lang):
        return []
    out = []
    for m in re.finditer(_HAN_RUN, text):
        if any(used[m.start():m.end()]):
            continue
        run = m.group(0)
        pair = _HAN_PAIR.fullmatch(run)
        if pair:  # "四五" (four or five), "五六百" (five or six hundred): either value, and the other may match
            mult = _han_value("一" + pair["unit"]) if pair["unit"] else 1.0
            a, b = _han_value(pair["a"]), _han_value(pair["b"])
            if mult == mult and b == a + 1:
                keys = frozenset({("num", _norm(a * mult)), ("num", _norm((a + 1) * mult))})
                out.append(Quantity("number", keys, m.start(), m.end(), run, True, value=a * mult, approx=True))
                out.append(Quantity("ordinal", keys, m.start(), m.end(), run, True, value=(a + 1) * mult))
                used[m.start():m.end()] = [True] * (m.end() - m.start())
                continue
        v = _han_value(run)
        if v != v or v <= 0:
            continue
        counted = bool(re.search(rf"[{_HAN_DIGITS}][十拾百佰千仟万萬亿億]|十[{_HAN_DIGITS}]|[{_HAN_DIGITS}]{{2,}}", run))
        end = m.end()
        kind = "number" if counted and len(set(run)) > 1 else "ordinal"
        out.append(Quantity(kind, frozenset({("num", _norm(v))}), m.start(), end, run, True, value=v))
        used[m.start():end] = [True] * (end - m.start())
    return out


def _pm(text: str, start: int, end: int, lang: str) -> bool:
    """CLDR's afternoon period written right after the time ("p.m.") or right before it ("下午")."""
    marks = _facts(lang).pm_marks
    if not marks:
        return False
    after = re.match(r"\s?([^\W\d_][^\W\d_.\s]?\.?\s?[^\W\d_]?\.?)", text[end:end + 8])
    if after and re.sub(r"[.\s]", "", after.group(1)).lower() in marks:
        return True
    before = text[max(0, start - 4):start].replace(" ", "").lower()
    return any(before.endswith(mark) for mark in marks)


@functools.lru_cache(maxsize=64)
def _hour_words(lang: str) -> tuple[str, ...]:
    """CLDR's long unit names of hours in ``lang`` (Babel ``format_unit``: "horas", "hodin", "Stunden"): after
    "15.00" they make it a time of day."""
    try:
        from babel.units import format_unit

        return tuple(sorted({w for n in (1, 2, 5, 15, 21) for w in format_unit(
            n, "duration-hour", locale=base_lang(lang) or "en", length="long").split()
            if len(w) >= 2 and not any(ch.isdigit() for ch in w)}))
    except Exception:  # noqa: BLE001 - a locale or unit Babel lacks: none
        return ()


def _cjk_times(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    """Times written with the language's hour and minute marks ("10時50分", "10 点 50 分", "3点半"). A day
    without its month ("26日") and an hour without minutes ("16时") are weak: they may match a date on that day
    or that hour (12- or 24-hour clock), never reported. Hours and minutes in Han numerals ("四点半") are
    soft, as other numbers in words."""
    f = _facts(lang)
    out = []
    if f.day_suffix and f.month_suffix:
        ms = re.escape(f.month_suffix)  # "12月 7日" is a date; "本月7日" (this month) a day without its month
        for m in re.finditer(rf"(?<![\d.])(?<![\d{_HAN_DIGITS}十]{ms})(?<!\d,)(?<![\d{_HAN_DIGITS}十]{ms}\s)"
                             rf"(?P<d>\d{{1,2}})\s*{re.escape(f.day_suffix)}", text):
            d = int(m["d"])
            if 1 <= d <= 31 and not any(used[m.start():m.end()]):
                keys = frozenset({("date", (mo, d)) for mo in range(1, 13)} | {("num", float(d))})
                out.append(Quantity("ordinal", keys, m.start(), m.end(), m.group(0), True, value=float(d)))
                used[m.start():m.end()] = [True] * (m.end() - m.start())
    let = tail_letter(lang)  # (Korean particles: "9시에")
    clock = list(f.clock_words) + list(_hour_words(lang))  # (and CLDR's word for hours: "a las 15.00 horas")
    if clock:  # "gegen 21.30 Uhr", "v 16.15 hodin"
        for m in re.finditer(rf"(?<![\d.])(?<!\d,)(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)\s*(?:{_alt(clock)})(?!{let})",
                             text, re.IGNORECASE):
            if not any(used[m.start():m.end()]):
                h, mins = (int(m["h"]), int(m["m"])) if m["h"] else (int(m["h2"]), int(m["m2"]))  # "18.00 Uhr" is also "18h", "at 18"
                out.append(Quantity("time", frozenset({("time", (h, mins))} | ({("num", float(h))} if not mins else set())),
                                    m.start(), m.start("m") + 2, text[m.start():m.start("m") + 2]))
                used[m.start():m.end()] = [True] * (m.end() - m.start())
    if not (f.hour_marks and f.minute_marks):
        return out
    hour, minute = _alt(list(f.hour_marks)), _alt(list(f.minute_marks))
    for m in re.finditer(rf"(?<![\d.])(?<!\d,)(?P<h>[01]?\d|2[0-3])\s*(?:{hour})\s*(?:(?P<m>[0-5]?\d)\s*(?:{minute})|(?P<half>半))",
                         text, re.IGNORECASE):
        if any(used[m.start():m.end()]):
            continue
        mins = 30 if m["half"] else int(m["m"])
        keys = {("time", (int(m["h"]), mins))}
        if int(m["h"]) < 12 and _pm(text, m.start(), m.end(), lang):  # "下午3点30分" = 15:30
            keys.add(("time", (int(m["h"]) + 12, mins)))
        out.append(Quantity("time", frozenset(keys), m.start(), m.end(), m.group(0)))
        used[m.start():m.end()] = [True] * (m.end() - m.start())
    if _han_profile(lang):  # the hour and minutes in Han numerals ("凌晨四点半", "十点二十分", "八点")
        han = rf"[{_HAN_DIGITS}十]{{1,3}}"
        for m in re.finditer(rf"(?<![{_HAN}])(?P<h>{han})(?:{hour})(?:(?P<m>{han})(?:{minute})|(?P<half>半))?", text):
            h = _han_value(m["h"])
            mins = 30 if m["half"] else _han_value(m["m"]) if m["m"] else 0
            if any(used[m.start():m.end()]) or not (h == h and mins == mins and 0 <= h <= 24 and 0 <= mins < 60):
                continue
            h, mins = int(h), int(mins)
            keys = {("time", (h, mins))} | ({("time", (h % 12 or 12, 0)), ("num", float(h))} if not mins else set())
            if h < 12 and (_pm(text, m.start(), m.end(), lang) or not mins and not m["m"]):
                keys.add(("time", (h + 12, mins)))  # "下午三点" = 15:00; "八点" alone may be either
            exact = bool(m["m"] or m["half"])
            out.append(Quantity("time" if exact else "ordinal", frozenset(keys), m.start(), m.end(), m.group(0),
                                True, value=None if exact else float(h)))  # words: soft, as Han numbers are
            used[m.start():m.end()] = [True] * (m.end() - m.start())
    for m in re.finditer(rf"(?<![\d.])(?<!\d,)(?<!\d[:։])(?P<h>[01]?\d|2[0-3])\s*(?:{hour})(?!\s*\d)(?!{let})", text,
                         re.IGNORECASE):  # (not the minutes of "01։23 часов")
        frac = _fraction_before_re(lang)
        if frac is not None and frac.search(text, max(0, m.start() - 20), m.start()):
            continue  # "সাড়ে ১০টায়": half past ten (see _hours)
        if not any(used[m.start():m.end()]):
            h = int(m["h"])
            keys = frozenset({("time", (h, 0)), ("time", (h % 12 or 12, 0)), ("num", float(h)),
                              ("num", float(h % 12 or 12))} | ({("time", (h + 12, 0))} if h < 12 else set()))
            out.append(Quantity("ordinal", keys, m.start(), m.end(), m.group(0), True, value=float(h)))
            used[m.start():m.end()] = [True] * (m.end() - m.start())
    return out


@functools.lru_cache(maxsize=64)
def _periods(lang: str) -> dict[str, int]:
    """CLDR's names of the morning and afternoon periods, normalised ("am" -> 0, "pm" -> 12), two letters or more."""
    from babel.dates import get_period_names

    out: dict[str, int] = {}
    for width in ("abbreviated", "wide"):
        try:
            names = get_period_names(width, "format", locale=base_lang(lang) or "en")
        except (UnknownLocaleError, ValueError, TypeError):
            return out
        for key, add in (("am", 0), ("pm", 12)):
            name = re.sub(r"[.\s]", "", names.get(key, "")).lower()
            if len(name) >= 2 and name.isalpha():
                out.setdefault(name, add)
    return out


# English words before an hour that make "3 pm", "10 am" a time ("from 10 am to 6 pm"; "I am" is no period)
_TIME_CUE = re.compile(r"\b(?:at|from|to|until|till|by|before|after|around|about|between|and|or|since)\s+$",
                       re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _fraction_before(lang: str) -> dict[str, float]:
    """The profile's ``fraction_before`` words: a word before a figure that adds a fraction of one to it
    ("সাড়ে ৩", "साढ़े 3": three and a half; "পৌনে ৩": three less a quarter); num2words writes none."""
    from .lang import base_code, profile

    return {w.lower(): float(v) for w, v in (profile(base_code(lang)).section("numbers").get("fraction_before")
                                             or {}).items()}


@functools.lru_cache(maxsize=64)
def _fraction_before_re(lang: str) -> re.Pattern[str] | None:
    """:func:`_fraction_before` words right before the end of the text searched (one space may follow)."""
    words = _fraction_before(lang)
    return re.compile(rf"(?<!{_letter(lang)})(?P<f>{_alt(list(words))})\s?$", re.IGNORECASE) if words else None


def _fraction_prefixed(found: list[Quantity], text: str, lang: str) -> list[Quantity]:
    """A figure after a :func:`_fraction_before` word is the figure plus that fraction, times its scale
    ("সাড়ে ৩ কোটি": 3.5 crore); the word is part of the value's text."""
    pat = _fraction_before_re(lang)
    if pat is None:
        return found
    out = []
    for q in found:
        part = pat.search(text, max(0, q.start - 20), q.start) if q.kind in ("number", "money") else None
        lead = re.match(r"\d+(?:[.,]\d+)?", q.text) if part is not None else None
        if part is None or lead is None or not isinstance(q.value, float) or float(lead.group(0).replace(",", ".")) <= 0:
            out.append(q)
            continue
        n = float(lead.group(0).replace(",", "."))
        scale = q.value / n
        v = (n + _fraction_before(lang)[part["f"].lower()]) * scale
        out.append(replace(q, keys=frozenset({("num", _norm(v))}), start=part.start(), text=text[part.start():q.end],
                           value=v))
    return out


def _hours(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    """A whole hour with the period after it ("8pm", "8 p.m.") or a clock word ("20 Uhr", "v 16 hodin")."""
    out = []
    periods = _periods(lang)
    let = tail_letter(lang)
    for m in re.finditer(rf"(?<![\d:.,])(?P<h>1[0-2]|0?\d)\s?(?P<p>[^\W\d_]\.?\s?[^\W\d_]\.?)(?!{let})", text):
        add = periods.get(re.sub(r"[.\s]", "", m["p"]).lower())
        spaced_plain = text[m.end("h")].isspace() and "." not in m["p"] and not m["p"].isupper() \
            and not (base_lang(lang) == "en" and _TIME_CUE.search(text, max(0, m.start() - 12), m.start()))
        if add is None or spaced_plain or any(used[m.start():m.end()]):
            continue  # "7 am" may be German "am"; "7am", "7 a.m.", "7 AM" and English "at 3 pm" are times
        h = int(m["h"]) % 12 + add
        keys = {("time", (h, 0)), ("num", float(int(m["h"])))}  # "3 p.m." = "3 hodině odpolední", "15 Uhr"
        out.append(Quantity("time", frozenset(keys), m.start(), m.end(), m.group(0)))
        used[m.start():m.end()] = [True] * (m.end() - m.start())
    words = _facts(lang).clock_words
    dot = r"\.?\s?" if base_lang(lang) in _ordinal_dot() else r"\s?"  # "kolem 23. hodiny": the 23rd hour
    fraction = _fraction_before_re(lang)
    for m in re.finditer(rf"(?<![\d:.,])(?P<h>[01]?\d|2[0-3]){dot}(?:{_alt(list(words))})(?!{let})", text,
                         re.IGNORECASE) if words else ():
        if any(used[m.start():m.end()]):
            continue
        h = int(m["h"])  # "20 Uhr", "8 Uhr (abends)"; "10 hodin" is also ten hours: a number with both readings
        keys = {("time", (h, 0)), ("num", float(h))} | ({("time", (h + 12, 0))} if h < 12 else set())
        part = fraction.search(text, 0, m.start()) if fraction is not None else None
        if part is not None:  # "সাড়ে ১০টায়", "साढ़े 10 बजे": half past ten; "পৌনে ১০টা": a quarter to ten
            f = _fraction_before(lang)[part["f"].lower()]
            mins = round(60 * (h + f)) % (24 * 60)
            h, mn = divmod(mins, 60)
            keys = {("time", (h, mn))} | ({("time", (h + 12, mn))} if h < 12 else set())
            out.append(Quantity("time", frozenset(keys), part.start(), m.end(), text[part.start():m.end()]))
            used[part.start():m.end()] = [True] * (m.end() - part.start())
            continue
        out.append(Quantity("number", frozenset(keys), m.start(), m.start("h") + len(m["h"]), m["h"],
                            value=float(h)))
        used[m.start():m.end()] = [True] * (m.end() - m.start())
    before = _facts(lang).clock_before  # "kl. 15", "klukkan 20": the word comes first
    for m in re.finditer(rf"(?<!{let})(?:{_alt(list(before))})\s?(?P<h>[01]?\d|2[0-3])(?![\d:.,]\d|\d)", text,
                         re.IGNORECASE) if before else ():
        if any(used[m.start("h"):m.end()]):
            continue
        h = int(m["h"])  # ("kl. 15" is also "three o'clock": the hour on the 12-hour clock)
        keys = {("time", (h, 0)), ("num", float(h)), ("num", float(h % 12 or 12))} | (
            {("time", (h + 12, 0))} if h < 12 else set())
        # (a time of day, which a changed hour on the other side replaces: "o godz. 15" / "at 5 pm")
        out.append(Quantity("time", frozenset(keys), m.start("h"), m.end(), m["h"], value=float(h)))
        used[m.start("h"):m.end()] = [True] * (m.end() - m.start("h"))
    return out


_DAY_WORDS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_DAY_WORDS |= {f"twenty-{w}": 20 + i for w, i in list(_DAY_WORDS.items())[:9]} | {"thirtieth": 30, "thirty-first": 31}
_DAYW = _alt(list(_DAY_WORDS))
_DAY = rf"(?:the\s+)?(?<![\d:])(?P<d1>\d{{1,2}}|{_DAYW})(?:st|nd|rd|th)?"  # not the "7" of a score "8:7"
# (the second day is no hour: "July 25th to 8:00 am" is one date and a time)
_DAY2 = rf"(?:\s*(?:-|–|to|and|bis|au)\s*(?:the\s+)?(?P<d2>\d{{1,2}}|{_DAYW})(?![:.։]\s?\d)(?:st|nd|rd|th)?)?"
_DAY2_DOT = (r"(?:\s*(?:-|–|to|and|bis|und|au|et|a|až|i|и|до|по|do|al|y|e)\s*(?:(?:the|le|el|il|dem|den)\s+)?"
             r"(?P<d2>\d{1,2})(?![:.]\d)"
             r"(?:st|nd|rd|th|\.)?)?")


@functools.lru_cache(maxsize=64)
def _month_nouns(lang: str) -> tuple[str, ...]:
    """The profile's ``month_nouns``: the word for "month" that may stand between the day-month joiner and the
    month's name ("14 ga watan Maris", the 14th of the month of March)."""
    from .lang import base_code, profile

    return tuple(profile(base_code(lang)).section("numbers").get("month_nouns") or ())


@functools.lru_cache(maxsize=64)
def _range_words(lang: str) -> tuple[str, ...]:
    """The profile's ``range_words``: a word between the two days of a range that :data:`_DAY2_DOT` lacks."""
    from .lang import base_code, profile

    return tuple(profile(base_code(lang)).section("numbers").get("range_words") or ())


_VI_MONTH_WORDS = {"giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
                   "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
_VI_MON = r"(?P<mon>\d{1,2}|" + _alt(list(_VI_MONTH_WORDS)) + r")(?![\wÀ-ỹ])"
_VI_DATE_RE = re.compile(
    r"(?:(?:từ\s+)?ngày\s+)?(?P<d1>\d{1,2})(?:\s*(?:-|–|đến|tới|và)\s*(?:ngày\s+)?(?P<d2>\d{1,2}))?"
    r"\s+tháng\s+" + _VI_MON + r"(?:\s*(?:năm|,|/)\s*(?P<y>\d{4}))?(?!\d)", re.IGNORECASE)
_VI_RANGE_RE = re.compile(r"(?:từ\s+)?(?:ngày\s+)?(?P<d1>\d{1,2})\s*(?:đến|tới)\s*(?:ngày\s+)?(?P<a>\d{1,2})/"
                          r"(?P<b>\d{1,2})(?:/(?P<y>\d{4}))?(?![\d/])", re.IGNORECASE)
_VI_MONTH_MORE = re.compile(r"\s*(?:hoặc|hay|và|,|-|–|đến|tới)\s*(?P<mon>\d{1,2})(?![\d/]|[.,]\d)"
                            r"(?!\s*(?:tháng|ngày|năm|giờ|phút|%|tuổi))", re.IGNORECASE)
_VI_MONTH_RE = re.compile(r"(?<![\wÀ-ỹ])tháng\s+" + _VI_MON + r"(?:\s*(?:năm|/)\s*(?P<y>\d{4}))?(?![\d/])",
                          re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _day_first(lang: str) -> bool:
    """CLDR's long date pattern of ``lang`` puts the day before the month ("d. MMMM y", "d MMMM y")."""
    from babel.dates import get_date_format

    try:
        pat = get_date_format("long", locale=base_lang(lang) or "en").pattern
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    d, mo = pat.find("d"), pat.find("M")
    return 0 <= d < mo


_DAY_AFTER = re.compile(r"\s+(?P<d>\d{1,2})(?![\d:]|[.,]\d|\s*[^\W\d_])")  # "jan 17 09": not "Juli 16 Konten"
_DAY_BEFORE = re.compile(r"(?<![\d.,:])(?P<d>\d{1,2})\.?\s+$")


@functools.lru_cache(maxsize=64)
def _day_suffixes(lang: str) -> str:
    """The letters num2words writes after the figure of an ordinal day (1 to 31) in ``lang``, besides English's
    ("1er" in French, "1º" in Spanish, "1e" in Dutch): ``|er|º``, to add to a day's pattern; "" for none."""
    try:
        from num2words import num2words
    except ImportError:  # pragma: no cover - num2words is a core dependency
        return ""
    out: dict[str, None] = {}
    for n in range(1, 32):
        try:
            tail = str(num2words(n, lang=base_lang(lang), to="ordinal_num"))[len(str(n)):]
        except (NotImplementedError, KeyError, AttributeError, TypeError, ValueError, OverflowError):
            return ""
        if tail.isalpha() and tail.lower() not in ("st", "nd", "rd", "th"):
            out[tail.lower()] = None
    return "".join(f"|{re.escape(t)}" for t in out)


def _day(word: str) -> int:
    return int(word) if word.isdigit() else _DAY_WORDS.get(word.lower(), 0)


def _vi_month(word: str) -> int:
    return int(word) if word.isdigit() else _VI_MONTH_WORDS.get(word.lower(), 0)


def _date(month: int, days: list[int], s: int, e: int, text: str) -> list[Quantity]:
    """One date per day of a range ("November 23-25" is two values), all spanning the range's text."""
    if not 1 <= month <= 12 or any(not 1 <= d <= 31 for d in days):
        return []
    return [Quantity("date", frozenset({("date", (month, d))}), s, e, text[s:e], value=(month, d)) for d in days]


_MONTH_CUE = re.compile(r"\b(?:in|on|since|until|till|by|from|to|of|early|late|mid|last|next|this|that|every|each|"
                        r"through|before|after|during)\s+$", re.IGNORECASE)


def _dates(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    out: list[Quantity] = []

    def add(qs: Quantity | list[Quantity], year: str | None = None, ys: int = 0) -> None:
        qs = [qs] if isinstance(qs, Quantity) else qs
        if not qs or any(used[qs[0].start:qs[0].end]):
            return
        q = qs[0]
        out.extend(qs)
        if year:
            out.append(Quantity("year", frozenset({("num", float(year))}), ys, ys + 4, year, value=float(year),
                                in_date=q.kind == "date"))
        for i in range(q.start, q.end):
            used[i] = True

    if lang == "vi":
        for m in _VI_RANGE_RE.finditer(text):
            add(_date(int(m["b"]), [int(m["d1"]), int(m["a"])], m.start(), m.end(), text), m["y"], m.start("y"))
        for m in _VI_DATE_RE.finditer(text):
            days = [int(m["d1"])] + ([int(m["d2"])] if m["d2"] else [])
            add(_date(_vi_month(m["mon"]), days, m.start(), m.end(), text), m["y"], m.start("y"))
    for m in _han_date_re(lang).finditer(text):  # "二〇二一年十二月五日", "十二月", "2021年十二月"
        mon, day = _han_value(m["mon"]), _han_value(m["d"]) if m["d"] else 0
        year = m["y"] if m["y"] and m["y"].isdigit() else str(int(_han_value(m["y"]))) if m["y"] else None
        if not 1 <= mon <= 12 or (m["d"] and not 1 <= day <= 31) or not any(ch in _HAN for ch in m.group(0)):
            continue
        q = (_date(int(mon), [int(day)], m.start(), m.end(), text) if day else
             Quantity("month", frozenset({("month", int(mon))}), m.start(), m.end(), m.group(0)))
        add(q, year if year and 1000 <= int(year) <= 2100 else None, m.start("y") if m["y"] else 0)
    for m in _han_year_re(lang).finditer(text):
        y = int(_han_value(m["y"]))
        if 1000 <= y <= 2100 and not any(used[m.start():m.end()]):
            out.append(Quantity("year", frozenset({("num", float(y))}), m.start(), m.end(), m.group(0),
                                value=float(y)))
            used[m.start():m.end()] = [True] * (m.end() - m.start())
    cjk = _cjk_date_re(lang)
    for m in cjk.finditer(text) if cjk is not None else ():
        if m["d1"]:
            days = [int(m["d1"])] + ([int(m["d2"])] if m["d2"] else [])
            add(_date(int(m["mon"]), days, m.start(), m.end(), text), m["y"], m.start("y") if m["y"] else 0)
        elif 1 <= int(m["mon"]) <= 12:
            months = [Quantity("month", frozenset({("month", int(m["mon"]))}), m.start(), m.end(), m.group(0))]
            if m["mon0"] and 1 <= int(m["mon0"]) < int(m["mon"]):
                months.append(Quantity("month", frozenset({("month", int(m["mon0"]))}), m.start(), m.end(),
                                       m.group(0)))
            add(months, m["y"], m.start("y") if m["y"] else 0)
    month_re, bare_re = _month_regex(lang)
    month_of = _facts(lang).month_of
    # ("5 de julio"; Hebrew writes its joiner onto the month: "5 במרץ")
    joiner = rf"{re.escape(_facts(lang).day_month_joiner)}\s*" if _facts(lang).day_month_joiner else ""
    if joiner and _month_nouns(lang):  # ("14 ga watan Maris": the word for "month" after the joiner)
        joiner += rf"(?:(?:{_alt(list(_month_nouns(lang)))})\s+)?"
    if month_re is not None:
        mon = month_re.pattern
        year = r"(?:,?\s+(?P<y>\d{4}))?"
        day = _DAY.replace("(?:st|nd|rd|th)?", f"(?:st|nd|rd|th{_day_suffixes(lang)})?", 1)  # ("le 1er mars")
        day2 = _DAY2_DOT
        if _range_words(lang):  # the profile's own word between the two days ("৬ থেকে ৮ মে", "6 से 8 मई")
            day2 = day2.replace(r"(?:-|–|", rf"(?:{_alt(list(_range_words(lang)))}|-|–|", 1)
        pats = (mon + r"\s+" + _DAY + _DAY2 + year,
                day + r"\.?" + day2 + rf"\s+(?:of\s+|{joiner})?" + _day_month_pattern(lang) + year)
        # each pattern holds its month pattern whole: a text where that finds nothing has no such date
        # (one pass with the month names instead of trying a day, a day word or a month at every position)
        has = {pats[0]: month_re.search(text) is not None, pats[1]: _day_month_re(lang).search(text) is not None}
        for pat in pats[::-1] if _day_first(lang) else pats:  # "am 24. Juli 16 Konten": the day comes first
            if not has[pat]:
                continue
            # (not the whole part of a decimal: "tammikuussa 7,9 prosenttiin", in January 7.9 percent)
            for m in re.finditer(pat + r"(?![\d\w])(?![.,]\d)", text, re.IGNORECASE):
                days = [_day(m["d1"])] + ([_day(m["d2"])] if m["d2"] else [])
                dotted = m.start("d1") < m.start("mon") and "." in text[m.end("d1"):m.start("mon")]
                qs = _date(_date_month(m["mon"], lang, dotted), days, m.start(), m.end(), text)
                if len(qs) == 1 and not m["y"]:  # "17 jan 09": a number on the month's other side may be the day
                    other = (_DAY_BEFORE.search(text, max(0, m.start() - 6), m.start())
                             if m.start("mon") < m.start("d1") else _DAY_AFTER.match(text, m.end()))
                    if other and 1 <= int(other["d"]) <= 31 and not any(used[other.start("d"):other.end("d")]):
                        q = qs[0]
                        qs = [replace(q, keys=q.keys | {("date", (q.value[0], int(other["d"])))})]  # type: ignore[index]
                        d0, d1 = other.start("d"), other.end("d")  # the other number: a day or not, it may only match
                        out.append(Quantity("ordinal", frozenset({("num", float(other["d"]))}), d0, d1, other["d"],
                                            True, value=float(other["d"])))
                        used[d0:d1] = [True] * (d1 - d0)
                add(qs, m["y"], m.start("y") if m["y"] else 0)
    for m in _DOTDATE_RE.finditer(text):  # "05.05.2016": day, month and year with full stops
        a, b = int(m["a"]), int(m["b"])
        readings = [(b, a)] + ([(a, b)] if lang == "en" and a <= 12 else [])
        readings = [(mo, d) for mo, d in readings if 1 <= mo <= 12 and 1 <= d <= 31]
        if readings and not any(used[m.start():m.end()]):
            add(Quantity("date", frozenset(("date", r) for r in readings), m.start(), m.end(), m.group(0),
                         value=readings[0]), m["y"], m.start("y"))
    for m in _NUMDATE_RE.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if a < b <= 10 and not m["y"] and not m["d1"] and not re.search(r"(?:ngày|hôm|on)\s*$", text[:m.start()]):
            v = a / b  # "1/4", "2/3": a fraction, not a date
            out.append(Quantity("ordinal", frozenset({("num", _norm(v))}), m.start(), m.end(), m.group(0), True,
                                value=v))
            used[m.start():m.end()] = [True] * (m.end() - m.start())
            continue
        # en writes month/day (day/month when the first is > 12); other languages day/month
        readings = [(a, b)] + ([(b, a)] if b <= 12 else []) if lang == "en" and a <= 12 else [(b, a)]
        readings = [(mo, d) for mo, d in readings if 1 <= mo <= 12 and 1 <= d <= 31]
        if not readings or any(used[m.start():m.end()]):
            continue
        qs = [Quantity("date", frozenset(("date", r) for r in readings), m.start(), m.end(), m.group(0),
                       value=readings[0])]
        if m["d1"] and 1 <= int(m["d1"]) <= 31:
            mo = readings[0][0]
            qs.insert(0, Quantity("date", frozenset({("date", (mo, int(m["d1"])))}), m.start(), m.end(),
                                  m.group(0), value=(mo, int(m["d1"]))))
        add(qs, m["y"] if m["y"] and len(m["y"]) == 4 else None, m.start("y") if m["y"] else 0)
    if lang == "vi":
        for m in _VI_MONTH_RE.finditer(text):
            if not any(used[m.start():m.end()]) and 1 <= _vi_month(m["mon"]) <= 12:
                add(Quantity("month", frozenset({("month", _vi_month(m["mon"]))}), m.start(), m.end(), m.group(0)),
                    m["y"], m.start("y") if m["y"] else 0)
                for n in _VI_MONTH_MORE.finditer(text, m.end("mon")):  # "tháng 6 hoặc 7": 7 is a month too
                    if n.start() != m.end("mon") and not _VI_MONTH_MORE.match(text, m.end("mon")):
                        break
                    if 1 <= int(n["mon"]) <= 12 and not any(used[n.start("mon"):n.end("mon")]):
                        add(Quantity("month", frozenset({("month", int(n["mon"]))}), n.start("mon"), n.end("mon"),
                                     n["mon"]))
    elif bare_re is not None:
        for m in re.finditer(bare_re.pattern + r"(?:\s+(?P<y>\d{4}))?", text, re.IGNORECASE):
            word = m["mon"]
            month = month_of(word)
            if not month:
                continue
            if not m["y"] and word[:1].isupper() and _facts(lang).lowercase_months \
                    and re.search(r"[^\W\d_][^\w.!?:;…]{0,2}\s+$", text[:m.start()]):
                continue  # "Ágúst Guðmundur", "Мая Петрова": inside a sentence, a capitalised month of a language
                # that writes its months in lower case is a name
            if base_lang(lang) == "en" and not m["y"] and not (word[0].isupper() and _MONTH_CUE.search(text[:m.start()])):
                if word[0].isupper() and not any(used[m.start():m.end()]):  # "It's August", "June or July"
                    out.append(Quantity("month", frozenset({("month", month)}), m.start(),
                                        m.end(), m.group(0), True))  # may match a month; never required
                continue  # "may" the verb, "March of the Penguins": a bare month needs "in", "since", ...
            abbreviated = word.lower() not in _facts(lang).wide_months and word.lower() in _facts(lang).months
            end = m.end() if m["y"] or abbreviated else m.end("mon")  # "červnu." ends a sentence
            # a month read through a stem ("v červenci", "červenou" = red) or an abbreviation alone ("Jan" the
            # name, Czech "led" = ice, "lis" = fox) is soft: it may match a month, it is never required or
            # flagged as added
            guess = word.lower().rstrip(".") not in _facts(lang).months or (abbreviated and not m["y"])
            # ... and so is a month name that is also a frequent word of the language (Romanian "mai", May and
            # "more": "cel mai mare")
            guess = guess or (not m["y"] and word.lower() in _frequent_months(lang))
            add(Quantity("month", frozenset({("month", month)}), m.start(), end,
                         text[m.start():end], guess), m["y"], m.start("y") if m["y"] else 0)
    return out


# --- the extractor -----------------------------------------------------------------------------------


_ORDINAL_RE = {"vi": re.compile(r"(?<![\wÀ-ỹ])thứ\s+(?P<n>\d{1,2}|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?![\wÀ-ỹ])",
                               re.IGNORECASE)}
_VI_ORD = {"nhất": 1, "tư": 4, **_VI_UNITS, "mười": 10}


def _ordinals(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    """Ordinals and weekdays ("thứ 6" is Friday or "sixth"): may match a source value, never flagged."""
    pat = _ORDINAL_RE.get(lang)
    out = []
    for m in pat.finditer(text) if pat else ():
        n = m["n"].lower()
        v = float(n) if n.isdigit() else float(_VI_ORD[n])
        out.append(Quantity("ordinal", frozenset({("num", v)}), m.start(), m.end(), m.group(0), True, value=v))
        used[m.start():m.end()] = [True] * (m.end() - m.start())
    return out


# Arabic-script decimal and group separators (CLDR's "arab" numbering system): between digits only. The
# Turkish dotted capital I becomes I: its lower case is two characters ("i" and a combining dot), so "İki"
# (two), which the case-blind patterns match, was no key of the lower-case word tables.
_SEPARATORS = {"\u066b": ".", "\u066c": ",", "\u0130": "I"}


def fold(text: str, lang: str) -> str:
    """``text`` with full-width and other compatibility forms (NFKC), every script's decimal digits and the
    characters of :data:`_SEPARATORS` replaced by their plain forms, one character for one, so that spans
    stay valid."""
    return text.translate(_fold_table(lang))


class _FoldTable(dict):
    """:func:`fold`'s character map for ``str.translate``, each character worked out on first sight."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        digits = _facts(lang).digits if lang else ""
        self._table = {d: str(i) for i, d in enumerate(digits)} if digits else {}
        self._table.update(_SEPARATORS)

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in self._table:
            out = self._table[ch]
        elif code < 0x80:
            out = ch
        elif (d := unicodedata.decimal(ch, None)) is not None:
            out = str(d)  # any script's decimal digit, native or not ("১০", Bengali ten, where CLDR's default
            # numbering system is Latin)
        else:
            n = unicodedata.normalize("NFKC", ch)
            out = n if len(n) == 1 else ch
        self[code] = out
        return out


@functools.lru_cache(maxsize=64)
def _fold_table(lang: str) -> _FoldTable:
    return _FoldTable(lang)


@functools.lru_cache(maxsize=64)
def _clitic_hyphen_re(lang: str) -> re.Pattern[str] | None:
    clitics = _facts(lang).clitics if lang else ()
    if not clitics:
        return None
    # (after a hyphen also before a currency symbol and its figure: isiZulu "u-R450", "ama-$20")
    return re.compile(rf"(?<![^\W\d_])(?:{_alt(list(clitics))}){{1,4}}"
                      rf"(?:(?P<h>[-\u05be\u2010\u2011])(?=(?:[A-Z]{{1,2}})?[$€£¥]?\d)|(?=\d))")


def _clitic_hyphens(text: str, lang: str) -> str:
    """``text`` with the hyphen (or maqaf) that joins one-letter words or prefixes to a figure read as a space,
    one character for one: Hebrew "ב-12.5%" (in 12.5%), "כ-2.5 מיליארד" (about 2.5 billion), isiZulu
    "abangu-200" (200 people), "u-R450" are the figures, not a name's number ("COVID-19"); without a hyphen the
    last of those letters is read as the space (Arabic "و2021", and 2021)."""
    pat = _clitic_hyphen_re(lang)
    if pat is None:
        return text
    return pat.sub(lambda m: m.group(0)[:-1] + " ", text)


@functools.lru_cache(maxsize=64)
def _decimal_words_re(lang: str) -> re.Pattern[str] | None:
    """The profile's ``decimal_words`` between a whole number (a figure, or a number word up to ten) and its
    digits after the point ("৩ দশমিক ২", "শূন্য দশমিক ৪": 3.2 and 0.4, as Bengali news writes them)."""
    from .lang import base_code, profile

    words = profile(base_code(lang)).section("numbers").get("decimal_words") or ()
    if not words:
        return None
    _, table = _words_re(lang)
    small = [w for w, (kind, v) in table.items() if kind == "number" and v in range(0, 11)]
    whole = rf"(?P<a>\d+|{_alt(small)})" if small else r"(?P<a>\d+)"
    let = _letter(lang)
    return re.compile(rf"(?<!{let})(?<![\d.,]){whole}\s+(?:{_alt(list(words))})\s+(?P<b>\d+)(?![\d.,]\d)",
                      re.IGNORECASE)


def _decimal_words(text: str, lang: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` with each :func:`_decimal_words_re` value rewritten as a decimal figure of the same length
    (spaces first, then "3.2": every other offset stays valid), and the spans rewritten."""
    pat = _decimal_words_re(lang) if lang else None
    if pat is None or pat.search(text) is None:
        return text, ()
    _, table = _words_re(lang)
    spans = []

    def figure(m: re.Match) -> str:
        a = m["a"] if m["a"].isdigit() else str(int(table[m["a"].lower()][1]))
        out = f"{a}.{m['b']}"
        spans.append((m.start(), m.end()))
        return " " * (len(m.group(0)) - len(out)) + out

    return pat.sub(figure, text), tuple(spans)


@functools.lru_cache(maxsize=64)
def _decimal_dot_re(lang: str) -> re.Pattern[str] | None:
    """The profile's ``decimal_dots``: a mark that is also a decimal point between figures (Japanese "・" in
    "182・44ドル", "1万0363・18", and before the three figures of a rate, "打率・252", not "・9R"), except before a
    ``list_counters`` word, where it joins two counts ("3・4月": March and April)."""
    from .lang import base_code, profile

    sec = profile(base_code(lang)).section("numbers") if lang else {}
    marks = sec.get("decimal_dots") or ()
    if not marks:
        return None
    counters = _alt(list(sec.get("list_counters") or ())) or "(?!)"
    mark = _alt(list(marks))
    return re.compile(rf"(?<=\d)(?:{mark})(?=\d+(?![\d.,])(?!\s?(?:{counters})))"
                      rf"|(?<![\d.,])(?:{mark})(?=\d{{3}}(?![\d.,A-Za-z]))")  # (a rate: "・252"; not "・9R", race 9)


def _decimal_dots(text: str, lang: str) -> str:
    """``text`` with the profile's decimal dots (:func:`_decimal_dot_re`) read as full stops, one character for
    one."""
    pat = _decimal_dot_re(lang)
    if pat is None or not pat.search(text):
        return text

    def dot(m: re.Match[str]) -> str:
        before = re.search(r"\d+$", text[:m.start()])
        after = re.match(r"\d+", text[m.end():])
        if before and after and int(before.group(0)) <= 24 and len(after.group(0)) == 2 and int(after.group(0)) < 60:
            return m.group(0)  # "後3・48", "8・15": as likely a time of day (hours and minutes) as a decimal
        rest, head = text[m.end() + (len(after.group(0)) if after else 0):], text[:m.start() - (
            len(before.group(0)) if before else 0)]
        if rest[:1] == m.group(0)[:1] and rest[1:2].isdigit() or head[-1:] == m.group(0)[:1]:
            return m.group(0)  # "090・8859・5928": groups of a telephone number, not a decimal
        return "." * len(m.group(0))

    return pat.sub(dot, text)


def extract(text: str, lang: str) -> list[Quantity]:
    """Every number, amount, percentage, date, month and time in ``text``, in text order."""
    return list(_extract_text(text, lang))


@text_cache(maxsize=8192)
@persistent("numparse.extract")  # kept on disk between runs (tqcheck.textmemo)
def _extract_text(text: str, lang: str) -> tuple[Quantity, ...]:
    """:func:`extract`, once per text and language (a document's beads and a translation memory's units repeat
    texts; Quantity is frozen, so the callers share the objects and get a list of their own)."""
    folded, spans = _decimal_words(_decimal_dots(_clitic_hyphens(fold(text, lang), lang), lang), lang)
    found = _extract(folded, lang)
    for s, e in spans:  # a value read out of "৩ দশমিক ২" begins where its words begin
        found = [replace(q, start=s) if s <= q.start < e else q for q in found]
    found = _mark_approx(found, folded, lang)
    found = _in_titles(found, folded)
    if folded != text:
        found = [replace(q, text=text[q.start:q.end]) for q in found]
    return tuple(found)


_TITLE_RE = re.compile(r"《[^《》\n]{1,60}》|〈[^〈〉\n]{1,60}〉")  # Chinese title marks: a book, film or work


def _in_titles(found: list[Quantity], text: str) -> list[Quantity]:
    """A value inside the title marks 《》 or 〈〉 ("《十月围城》", a film) is part of a work's name, which
    translations render by its own title: soft (it may match, it is never required)."""
    if "《" not in text and "〈" not in text:
        return found
    spans = [(m.start(), m.end()) for m in _TITLE_RE.finditer(text)]
    return [replace(q, soft=True) if not q.soft and any(a < q.start and q.end < b for a, b in spans) else q
            for q in found]


extract.cache_clear = _extract_text.cache_clear  # type: ignore[attr-defined]  # (tests that patch CLDR data)


@functools.lru_cache(maxsize=16)
def _era_re(lang: str) -> tuple[re.Pattern[str] | None, Mapping[str, int]]:
    """Years counted in an era ("令和3年", "平成元年", "昭和二十年", "民国10年"): the era names of
    :func:`tqcheck.lang.cldr.calendar_eras` before a year number and the year literal of CLDR's date pattern."""
    f = _facts(lang)
    if not f.year_suffix:
        return None, {}
    from .lang import base_code, profile
    from .lang.cldr import calendar_eras

    eras = calendar_eras(base_code(lang))
    # without PyICU: the profile's era names, so that such a year is left unread (no value)
    names = list(eras) or list(profile(base_code(lang)).section("numbers").get("era_names") or ())
    if not names:
        return None, eras
    return re.compile(rf"(?P<era>{_alt(names)})\s*(?P<n>\d{{1,3}}|元|[{_HAN}]{{1,4}})\s*"
                      rf"(?={re.escape(f.year_suffix)})"), eras


def _era_years(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    pat, eras = _era_re(lang)
    out = []
    for m in pat.finditer(text) if pat is not None else ():
        if m["era"] not in eras:  # an era PyICU would convert, without PyICU: a year of unknown value (soft, no
            # keys: it matches nothing, is never required, and makes a year the translation adds weak evidence)
            out.append(Quantity("year", frozenset(), m.start(), m.end(), m.group(0), True, tag="era"))
            used[m.start():m.end()] = [True] * (m.end() - m.start())
            continue
        n = 1.0 if m["n"] == "元" else float(m["n"]) if m["n"].isdigit() else _han_value(m["n"])
        if n != n or n < 1:
            continue
        y = float(eras[m["era"]] + n - 1)
        near = text[max(0, m.start() - 12):m.end() + 14]  # "1989年（平成元年）": a gloss of a year written too
        gloss = re.search(rf"(?<!\d){int(y)}(?!\d)", near) is not None
        out.append(Quantity("ordinal" if gloss else "year", frozenset({("num", y)}), m.start(), m.end(), m.group(0),
                            gloss, value=y))
        used[m.start():m.end()] = [True] * (m.end() - m.start())
    return out


def _percent_units(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    """Shares counted in tenths or other parts of a hundred (the profile's ``numbers.percent_units``: Japanese
    "7割" = 70%): a percentage."""
    from .lang import base_code, profile

    sec = profile(base_code(lang)).section("numbers")
    units = sec.get("percent_units") or {}
    subs = sec.get("percent_subunits") or {}  # "１割８分２厘" = 18.2% (a batting average of .182)
    out = []
    han = rf"[{_HAN_DIGITS}十]{{1,3}}" if _han_profile(lang) else r"(?!)"  # "四成", "两成" (40%, 20%)
    for m in re.finditer(rf"(?<![\d.{_HAN}])(?<!\d,)(?P<n>\d+(?:\.\d+)?|{han})\s*(?P<u>{_alt(list(units))})", text) \
            if units else ():
        if any(used[m.start():m.end()]) or _in_phrase(text, m.start("u"), m.start(), m["u"]):
            continue  # ("一成不变", unchanging; "三成员国", three member states)
        v = float(m["n"]) if m["n"][0].isdigit() else _han_value(m["n"])
        v = _norm(v * float(units[m["u"]]))
        end, values = m.end(), [v]
        for unit, size in subs.items():  # the smaller parts that follow, in the profile's order
            sm = re.match(rf"\s*(?P<a>\d+)(?:\s*[～~〜]\s*(?P<b>\d+))?\s*{re.escape(unit)}", text[end:])
            if sm:
                values = [_norm(values[0] + float(sm["a"]) * float(size))] + (
                    [_norm(values[0] + float(sm["b"]) * float(size))] if sm["b"] else [])
                end += sm.end()
        keys = frozenset(k for x in values[:1] for k in (("pct", x), ("num", _norm(x / 100))))
        out.append(Quantity("percent", keys, m.start(), end, text[m.start():end], value=values[0]))
        for x in values[1:]:  # "２割４～５分": .24 to .25, the second share
            out.append(Quantity("percent", frozenset({("pct", x), ("num", _norm(x / 100))}), m.start(), end,
                                text[m.start():end], value=x))
        used[m.start():end] = [True] * (end - m.start())
    pats = list(_percent_frames(lang))  # "kashi 40 cikin 100" (Hausa: a share of 40 in 100)
    first, words = _percent_first(lang)
    if first or words:  # "%3", "%12,5", "yüzde 4" (Turkish, Basque: CLDR writes the sign or the word first)
        signs = ["[%٪]"] if first else []
        pat = "|".join(signs + [re.escape(w) + r"(?=\s)" for w in words])
        pats.append(re.compile(rf"(?<![\w%])(?:{pat})\s?(?P<n>\d+(?:[.,]\d+)?)(?![\d])", re.IGNORECASE))
    for p in pats:
        for m in p.finditer(text):
            if any(used[m.start():m.end()]):
                continue
            value, _ = parse_number(m["n"], lang)
            if value != value:
                continue
            out.append(Quantity("percent", frozenset({("pct", _norm(value))}), m.start(), m.end(), m.group(0),
                                value=value))
            used[m.start():m.end()] = [True] * (m.end() - m.start())
    return out


def _in_phrase(text: str, at: int, start: int, unit: str) -> bool:
    """The counter ``unit`` at ``at`` (after a number beginning at ``start``) is part of a longer word of the
    dictionary: a word it begins ("成员", member) or a set phrase the number and it begin ("一成不变"). The words
    are pypinyin's phrase dictionary (Chinese), kept per pypinyin version in the table cache."""
    nxt = text[at + 1:at + 2]
    if not nxt or not ("\u3400" <= nxt <= "\u9fff"):
        return False  # (a counter before punctuation, a digit or kana stands alone)
    words = _phrases_with(unit)
    return any(text[at:at + k] in words for k in (2, 3, 4)) or any(
        text[start:start + k] in words for k in range(at + 2 - start, at + 5 - start))


@functools.lru_cache(maxsize=8)
def _phrases_with(char: str) -> frozenset[str]:
    from .names.tablecache import cached_table

    def build() -> frozenset[str]:
        try:
            from pypinyin.phrases_dict import phrases_dict
        except ImportError:  # pragma: no cover - pypinyin is a core dependency
            return frozenset()
        return frozenset(w for w in phrases_dict if char in w)

    return cached_table(f"phrases-{ord(char):x}", ("pypinyin",), build)


@functools.lru_cache(maxsize=64)
def _percent_frames(lang: str) -> tuple[re.Pattern[str], ...]:
    """The profile's ``numbers.percent_frames``: phrases around a figure that state a percentage, the figure
    written ``{}`` ("kashi {} cikin 100" in Hausa, 40 parts in 100); longest first."""
    from .lang import base_code, profile

    frames = profile(base_code(lang)).section("numbers").get("percent_frames") or () if lang else ()
    let = _letter(lang) if lang else r"[^\W\d_]"
    clitics = _facts(lang).clitics if frames else ()
    # a concord written onto the figure ("amaphesenti angu-40", read by _clitic_hyphens as "angu 40")
    concord = rf"(?:(?:{_alt(list(clitics))}){{1,4}}\s)?" if clitics else ""
    out = []
    for frame in sorted(frames, key=len, reverse=True):
        head, _, tail = frame.partition("{}")
        body = r"\s+".join(re.escape(w) for w in head.split()) + (r"\s+" + concord if head.strip() else "")
        body += r"(?P<n>\d+(?:[.,]\d+)?)" + (r"\s+" if tail.strip() else "")
        body += r"\s+".join(re.escape(w) for w in tail.split())
        out.append(re.compile(rf"(?<!{let})(?<![\d.,]){body}(?!\d)(?!{let})", re.IGNORECASE))
    return tuple(out)


@functools.lru_cache(maxsize=64)
def _percent_first(lang: str) -> tuple[bool, tuple[str, ...]]:
    """Whether CLDR writes the language's percent sign before the number ("%#,##0" in Turkish), and the
    percent words its long unit name writes before the number ("yüzde 4")."""
    code = base_lang(lang) or "en"
    try:
        first = str(Locale.parse(code).percent_formats[None].pattern).lstrip().startswith("%")
    except (UnknownLocaleError, ValueError, TypeError, KeyError, AttributeError):
        first = False
    words: dict[str, None] = {}
    try:
        from babel.units import format_unit

        for n in (1, 2, 5):
            text = format_unit(n, "concentr-percent", length="long", locale=code)
            head = text.split(str(n))[0].strip().lower()
            if head and head[0].isalpha() and len(head) >= 3:
                words[head] = None
    except Exception:  # noqa: BLE001 - a locale without the unit: no words
        pass
    return first, tuple(words)


def _extract(text: str, lang: str) -> list[Quantity]:
    used = [False] * len(text)
    found = _era_years(text, lang, used)
    found += _dates(text, lang, used)
    found += _ordinals(text, lang, used)
    found += _cjk_times(text, lang, used)
    for m in _TIME_RE.finditer(text):
        if not any(used[m.start():m.end()]):
            h, mins = (int(m["h"]), int(m["m"])) if m["h"] else (int(m["h2"]), int(m["m2"]))
            keys = {("time", (h, mins))} | ({("num", float(h))} if not mins else set())  # "18:00" = "18h"
            if h < 12 and _pm(text, m.start(), m.end(), lang):  # "11:30 p.m." = "23:30"
                keys.add(("time", (h + 12, mins)))
            found.append(Quantity("time", frozenset(keys), m.start(), m.end(), m.group(0)))
            used[m.start():m.end()] = [True] * (m.end() - m.start())
    found += _dot_times(text, lang, used)
    found += _hours(text, lang, used)
    found += _roman_centuries(text, lang, used)
    found += _percent_units(text, lang, used)
    found += _fractions(text, lang, used)
    for m in _SPLIT_RE.finditer(text):  # "50/50", "60/40": a split of a whole, read as the two shares
        a, b = int(m["a"]), int(m["b"])
        if a + b == 100 and not any(used[m.start():m.end()]):
            for g in ("a", "b"):  # each share may only match (a number or a percentage), never required
                v = float(m[g])
                found.append(Quantity("ordinal", frozenset({("num", v), ("pct", v)}), m.start(g), m.end(g), m[g],
                                      True, value=v))
            used[m.start():m.end()] = [True] * (m.end() - m.start())
    for m in _NUM_LIST_RE.finditer(text):  # "1,2,3": counted items, not a decimal
        if any(used[m.start():m.end()]):
            continue
        for n in re.finditer(r"\d+", m.group(0)):
            v = float(n.group(0))
            found.append(Quantity("number", frozenset({("num", v)}), m.start() + n.start(), m.start() + n.end(),
                                  n.group(0), value=v))
        used[m.start():m.end()] = [True] * (m.end() - m.start())
    found += _scale_first(text, lang, used)
    for m in _num_re(lang).finditer(text):
        if any(used[m.start("num"):m.end("num")]):
            continue
        q = _number(m, text, lang)
        if q is not None:
            found.append(q)
            used[q.start:q.end] = [True] * (q.end - q.start)
    found = _range_units(_range_percents(_fraction_prefixed(_compounds(found, text, lang), text, lang), text), text)
    found = _decades(_percentage_points(found, text), text, lang)
    found += _word_numbers(text, lang, used)
    found = _range_units(found, text)  # (again, for number words: "zweieinhalb bis vier Meter")
    found = _shared_scale_words(found, text, lang)
    for m in _BARE_DECIMAL_RE.finditer(text):  # ".5" (a correlation of .5) = "0,5"
        if not any(used[m.start():m.end()]):
            v = float("0" + m.group(0))
            found.append(Quantity("number", frozenset({("num", v)}), m.start(), m.end(), m.group(0), value=v))
            used[m.start():m.end()] = [True] * (m.end() - m.start())
    for pat in (_TAG_NUM_RE, _MODEL_NUM_RE):  # "COVID-19", "737MAX": part of a name; may match only
        for m in pat.finditer(text):
            if not any(used[m.start():m.end()]):
                v = float(m.group(0))
                name = (re.search(r"([^\W\d_]+)-$", text[max(0, m.start() - 30):m.start()]) if pat is _TAG_NUM_RE
                        else re.match(r"[^\W\d_]+", text[m.end():]))
                found.append(Quantity("ordinal", frozenset({("num", v)}), m.start(), m.end(), m.group(0), True,
                                      value=v, tag=name.group(1 if pat is _TAG_NUM_RE else 0).casefold()
                                      if name else None))
                used[m.start():m.end()] = [True] * (m.end() - m.start())
    found += _glued_prefix(text, lang, used)
    ends = [q.end for q in found]
    found = [_gloss(q, text, ends) for q in found]
    found = [_coin(_as_fraction(_dot_time(q, text, lang))) for q in found]
    return sorted((_with_others(_with_multiple(q, text, lang), text, lang) for q in found), key=lambda q: q.start)


@functools.lru_cache(maxsize=64)
def _scale_first_re(lang: str) -> re.Pattern[str] | None:
    """A scale word and then the figure it multiplies, with a currency word before them, in a language whose CLDR
    patterns put the scale first (:attr:`NumberFacts.scale_first`): "dala biliyan 2.5", "Yuro miliyan 120"
    (Hausa), "dola milioni 30" (Swahili), "izigidi ezingu-3" (isiZulu, a concord prefix on the figure)."""
    if not lang or not _facts(lang).scale_first or not _scales(lang):
        return None
    let = _letter(lang)
    words = [w for w in _currency_words(lang) if w[:1].isalpha()]
    cur = rf"(?:(?P<cur>{_alt(words)})\s+)?" if words else "(?P<cur>)"
    # a concord between them, written onto the figure with a hyphen ("izigidi ezingu-3", read by
    # _clitic_hyphens as "ezingu 3")
    clitics = _facts(lang).clitics
    concord = rf"(?:(?:{_alt(list(clitics))}){{1,4}}\s)?" if clitics else ""
    # (and the prefixes of a scale word: "eziyizigidi ezingu-1.2", which are 1.2 million)
    before = rf"(?:{_alt(list(clitics))}){{0,3}}" if clitics else ""
    local = list(_letter_symbols(lang)[0])  # ("izigidigidi ezingu-R3": R3 billion)
    sym = rf"(?P<sym>(?-i:{_alt(local)}))?" if local else "(?P<sym>)"
    return re.compile(rf"(?<!{let}){cur}{before}(?P<scale>{_alt(list(_scales(lang)))})\s+{concord}{sym}"
                      rf"(?P<num>\d+(?:[.,]\d+)?)(?![\d])(?![.,]\d)(?!\s?(?:{_alt(list(_scales(lang)))})(?!{let}))",
                      re.IGNORECASE)


def _scale_first(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    """Figures after their scale word (:func:`_scale_first_re`), as amounts of money where a currency word comes
    first."""
    pat = _scale_first_re(lang)
    out = []
    for m in pat.finditer(text) if pat is not None else ():
        if any(used[m.start():m.end()]) or re.search(r"\d\s*$", text[max(0, m.start() - 3):m.start()]):
            continue  # ("2 biliyan 500": the scale belongs to the figure before it)
        value, _ = parse_number(m["num"], lang)
        if value != value:
            continue
        total = _norm(value * _scales(lang)[m["scale"].lower()])
        cur = (_currency_words(lang).get(m["cur"].lower()) if m["cur"] else None) or \
            (_letter_symbol_currency(lang, m["sym"]) if m["sym"] else None)
        out.append(Quantity("money" if cur else "number", frozenset({("num", total)}), m.start(), m.end(),
                            m.group(0), currency=cur, value=total))
        used[m.start():m.end()] = [True] * (m.end() - m.start())
    return out


def _coin(q: Quantity) -> Quantity:
    """A figure with a one-letter money suffix ("a 10p coin", "5c") names a coin or a small sum that translations
    often leave out or write in words ("десятипенсовую"): soft, it may satisfy a figure and is never more than
    weak evidence when missing."""
    if q.kind == "number" and not q.soft and re.fullmatch(r"\d+[pcPC]", q.text):
        return replace(q, soft=True)
    return q


@functools.lru_cache(maxsize=64)
def _fraction_res(lang: str) -> tuple[re.Pattern[str], ...]:
    """The profile's ``fraction_frames``: how a fraction is written around its two parts, the denominator
    ``{den}`` and the numerator ``{num}`` ("{den}分の{num}": "4分の1" is a quarter; a space in a frame is any
    space or none). num2words and CLDR write no fractions."""
    from .lang import base_code, profile

    frames = profile(base_code(lang)).section("numbers").get("fraction_frames") or ()
    den = rf"(?:\d+|[{_HAN_DIGITS}十百千]+)"
    num = rf"(?:\d+(?:\.\d+)?|[{_HAN_DIGITS}十百千]+(?:点[{_HAN_DIGITS}]+)?)(?![\d.点])"
    out = []
    for f in frames:
        body = r"\s*".join(re.escape(w) for w in f.split(" "))
        body = body.replace(re.escape("{den}"), f"(?P<den>{den})").replace(re.escape("{num}"), f"(?P<num>{num})")
        out.append(re.compile(body))
    return tuple(out)


_HAN_SCALE = {"十": 10.0, "百": 100.0, "千": 1000.0}


def _fractions(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    """Fractions written with a frame of the profile ("4분의 1", "三分之二"): a share that may only match (the
    other side may write it in words, "a quarter", or as a percentage, "25%"), never required. Hundredths are a
    percentage ("百分之五十" is 50%)."""
    out: list[Quantity] = []
    for pat in _fraction_res(lang):
        for m in pat.finditer(text):
            if any(used[m.start():m.end()]):
                continue
            den, num = (float(m[g]) if m[g].replace(".", "", 1).isdigit() else _HAN_SCALE.get(m[g]) or _han_value(m[g])
                        for g in ("den", "num"))
            if not (den > 0 and 0 < num < den):  # NaN (unreadable Han numerals) fails too
                continue
            v = num / den
            if den == 100:
                out.append(Quantity("percent", frozenset({("pct", _norm(num)), ("num", _norm(v))}), m.start(),
                                    m.end(), m.group(0), value=num))
            else:
                out.append(Quantity("number", frozenset({("num", _norm(v)), ("pct", _norm(100 * v))}), m.start(),
                                    m.end(), m.group(0), True, value=v))
            used[m.start():m.end()] = [True] * (m.end() - m.start())
    return out


def _as_fraction(q: Quantity) -> Quantity:
    """A percentage of a half or a quarter also reads as that fraction ("50 per cent of the loan" = "一半", "half
    the loan"): extra keys only."""
    if q.kind != "percent":
        return q
    fracs = {("num", _norm(k[1] / 100)) for k in q.keys if k[0] == "pct" and k[1] in (25.0, 50.0, 75.0)}
    return replace(q, keys=q.keys | fracs) if fracs else q


_DOT_TIME_RE = re.compile(r"(?P<h>[01]?\d|2[0-3])[.](?P<m>[0-5]\d)")
_DOT_PERIOD_RE = re.compile(r"(?<![\d.,:])(?P<h>1[0-2]|0?[1-9])[.](?P<m>[0-5]\d)(?P<p>\s?[^\W\d_]\.?\s?[^\W\d_]\.?)"
                            r"(?![^\W\d_])")


def _dot_times(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    """A time written with a full stop and CLDR's morning or afternoon period, spaced or not: "1.30pm",
    "10.45 a.m." (British English). Without the period such a figure stays a number (:func:`_dot_time`)."""
    periods = _periods(lang)
    out = []
    for m in _DOT_PERIOD_RE.finditer(text) if periods else ():
        add = periods.get(re.sub(r"[.\s]", "", m["p"]).lower())
        if add is None or any(used[m.start():m.end()]):
            continue
        h, mins = int(m["h"]), int(m["m"])
        out.append(Quantity("time", frozenset({("time", (h % 12 + add, mins))}), m.start(), m.end(), m.group(0)))
        used[m.start():m.end()] = [True] * (m.end() - m.start())
    return out


def _dot_time(q: Quantity, text: str, lang: str) -> Quantity:
    """A figure written "15.30" or "8.00" (hours and minutes with a full stop, as British English, German,
    Scandinavian and Czech texts write times) also reads as that time; followed by CLDR's afternoon or morning
    period ("8.00 PM", "8.00 a.m.") it is a time. Extra keys only: "15.30" may still be a decimal."""
    if q.kind != "number" or q.unit or q.soft or not (m := _DOT_TIME_RE.fullmatch(q.text)):
        return q
    h, mins = int(m["h"]), int(m["m"])
    after = re.match(r"\s?([^\W\d_]\.?\s?[^\W\d_]\.?)(?![^\W\d_])", text[q.end:q.end + 8])
    period = _periods(lang).get(re.sub(r"[.\s]", "", after.group(1)).lower()) if after else None
    if period is not None and 1 <= h <= 12:
        end = q.end + after.end()  # type: ignore[union-attr]
        return replace(q, kind="time", keys=frozenset({("time", (h % 12 + period, mins))}), end=end,
                       text=text[q.start:end])
    return replace(q, keys=q.keys | {("time", (h, mins))})


_RANGE_WORDS = r"(?:-|–|—|~|〜|to|and|or|až|a|do|bis|und|до|и|или|đến|tới|và|至|到|或)"
_RANGE_GAP = re.compile(rf"\s*{_RANGE_WORDS}\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _range_gap(lang: str) -> re.Pattern[str]:
    """:data:`_RANGE_GAP` with the language's own "and" and "or" between two values: the words of CLDR's list
    patterns (Babel: "{0} og {1}", "{0} eða {1}"), so "á milli 3 og 8 milljón" is a range in Icelandic too."""
    words: set[str] = set()
    try:
        patterns = Locale.parse(base_lang(lang)).list_patterns
        for kind in ("standard", "or"):
            end = (patterns.get(kind) or {}).get("end", "")
            if "{0}" in end and "{1}" in end:
                w = end.split("{0}", 1)[1].split("{1}", 1)[0].strip(" ,、，")
                if w and not any(ch.isdigit() for ch in w):
                    words.add(w)
    except Exception:  # noqa: BLE001 - an unknown locale: the shared words only
        pass
    if not words:
        return _RANGE_GAP
    extra = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:{_RANGE_WORDS}|{extra})\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _decade_words(lang: str) -> re.Pattern[str] | None:
    """CLDR's unit names of a decade in ``lang`` (Babel ``format_unit``: "दशक", "দশক", "десятилетия"), as a
    pattern after a year with at most one short word between ("1990 के दशक में": the decade of 1990)."""
    try:
        from babel.units import format_unit

        forms = {w for n in (1, 2, 5, 11, 21)
                 for w in format_unit(n, "duration-decade", locale=base_lang(lang) or "en", length="long").split()
                 if not any(ch.isdigit() for ch in w) and len(w) >= 2}
    except Exception:  # noqa: BLE001 - a locale or unit Babel lacks: none
        return None
    if not forms:
        return None
    return re.compile(rf"\s*(?:\S{{1,3}}\s+)?(?:{_alt(sorted(forms))})(?!{_letter(lang)})", re.IGNORECASE)


def _decades(found: list[Quantity], text: str, lang: str) -> list[Quantity]:
    """A round year before the word for a decade ("1990 के दशक") or with a short ending written onto it
    ("1990-х", "1990er") also reads as its decade's short form (90), as "the 1990s" does: the other side may say
    "the nineties" ("নব্বইয়ের দশকে", "90. léta")."""
    years = [q for q in found if q.kind == "year" and isinstance(q.value, float) and q.value % 10 == 0
             and q.value % 100]
    if not years:
        return found
    pat = _decade_words(lang)
    ending = tail_letter(lang) == _letter(lang) and profile_spaced(lang)  # (not "2020年", not "1990년")
    return [replace(q, keys=q.keys | {("num", q.value % 100)})
            if q in years and ((pat is not None and pat.match(text, q.end))
                               or (ending and _DECADE_ENDING.match(text, q.end)))
            else q for q in found]


# a round year with a short ending written onto it: a decade ("1990-х", "1990-е", "1990-ті", "1990er")
_DECADE_ENDING = re.compile(r"[-‐‑]?[^\W\d_]{1,3}(?![^\W\d_])")


_POINTS = re.compile(r"\s+points?\b", re.IGNORECASE)


def _percentage_points(found: list[Quantity], text: str) -> list[Quantity]:
    """A change of "0.4 percentage points" also reads as the bare figure: translations write it as points
    ("0.4ポイント", "0,4 процентного пункту") as often as a percentage."""
    out = []
    for q in found:
        if q.kind == "percent" and isinstance(q.value, float) and q.text.lower().endswith("percentage") \
                and (m := _POINTS.match(text, q.end)) is not None:
            q = replace(q, keys=q.keys | {("num", q.value)}, end=m.end(), text=text[q.start:m.end()])
        out.append(q)
    return out


def _range_percents(found: list[Quantity], text: str) -> list[Quantity]:
    """The first figure of a range of percentages also reads as one ("zwischen 90 und 95 %")."""
    pcts = [q for q in found if q.kind == "percent"]
    out = []
    for q in found:
        if q.kind == "number" and isinstance(q.value, float) and not q.unit and any(
                0 < p.start - q.end <= 6 and _RANGE_GAP.search(text, q.end, p.start) for p in pcts):
            q = replace(q, keys=q.keys | {("pct", _norm(q.value))})
        out.append(q)
    return out


def _range_units(found: list[Quantity], text: str) -> list[Quantity]:
    """The first figure of a range of measures has the unit written after the second ("5-10 acres", "zwischen
    2 und 4 Hektar", "zweieinhalb bis vier Meter"), so a conversion can be checked for it too."""
    measures = [q for q in found if q.unit and q.kind == "number"]
    out = []
    for q in found:
        if q.kind == "number" and not q.unit and isinstance(q.value, float):
            nxt = next((p for p in measures if 0 < p.start - q.end <= 6 and _RANGE_GAP.search(text, q.end, p.start)),
                       None)
            if nxt is not None:
                q = replace(q, unit=nxt.unit)
        out.append(q)
    return out


# "800 or a billion", "5 to one million": a range whose second value is a scale word with an article
_RANGE_ARTICLE_GAP = re.compile(rf"\s*{_RANGE_WORDS}\s+(?:a|an|one|ein|eine|einer|một)\s*$", re.IGNORECASE)


def _shared_scale_words(found: list[Quantity], text: str, lang: str) -> list[Quantity]:
    """A bare figure before "or/to a SCALE" ("800 or a billion years"): the scale word is shared, so the figure
    also reads with that scale and, when it is larger than the scale word's own count, with the next smaller
    scale ("800 or a billion" = 800 million or 1 billion). Extra keys only: the value may match either."""
    words = [q for q in found if q.soft and isinstance(q.value, float) and q.value >= 1e3
             and _scale_of(q, text, lang) == q.value]
    if not words:
        return found
    out = []
    for q in found:
        if q.kind == "number" and not q.soft and isinstance(q.value, float) and not q.unit and len(q.keys) == 1:
            w = next((w for w in words if 0 < w.start - q.end <= 8
                      and _RANGE_ARTICLE_GAP.search(text, q.end, w.start)), None)
            if w is not None and _scale_of(q, text, lang) == 1:
                scale = float(w.value)  # type: ignore[arg-type]
                extra = {("num", _norm(q.value * scale))}
                if q.value > 1 and scale >= 1e6:
                    extra.add(("num", _norm(q.value * scale / 1e3)))
                q = replace(q, keys=q.keys | frozenset(extra))
        out.append(q)
    return out


_ATTACHED_SCALE = re.compile(r"\d[\d.,]*[^\W\d_]")  # a figure and a one-letter scale word, no space: "5만", "3万"
_TENS_GAP = re.compile(r"\s*[、,，/-]\s*")  # "6、70 年代", "5-60 người": a tens figure shared by the one before


def _scale_of(q: Quantity, text: str, lang: str) -> float:
    """The multiplier of the scale word ``q`` ends with ("6,940万" -> 1e4), 1 when none."""
    tail = text[q.start:q.end].lower()
    best = max((v for w, v in _scales(lang).items() if tail.endswith(w) and w not in ("m", "k")), default=1.0)
    if best == 1.0 and (q.unit or q.currency) and re.search(rf"\d\s*\S+\s+{surface.LETTER}+$", tail):
        # the scale before a currency or unit word ("8 million pounds", "8 milljón pund")
        return _scale_of(replace(q, end=q.start + len(re.sub(rf"\s+{surface.LETTER}+$", "", tail))), text, lang)
    return best


def _compounds(found: list[Quantity], text: str, lang: str) -> list[Quantity]:
    """Values written in parts: "1億6,940万" and "6万496" (a larger scale followed at once by a smaller value)
    are one number; in a range "3 až 8 milionů" and "£3 to 8 million" the first value also reads with the
    second's scale."""
    nums = sorted((q for q in found if q.kind in ("number", "money", "year") and isinstance(q.value, float)),
                  key=lambda q: q.start)
    out = [q for q in found if q not in nums]
    merged: list[Quantity] = []
    for q in nums:
        prev = merged[-1] if merged else None
        # (one space may come between two parts that each end with a scale word: "2조 5천억"; or after a figure
        # with its scale word written onto it, where the rest is a plain count below that scale: "5만 2800")
        # (and where words are spaced, a figure and its scale word, then a plain count below it: "৫২ হাজার ৮০০",
        # 52,800, as Bengali and Hindi write figures in lakh and crore)
        joined = prev is not None and (q.start == prev.end or (
            text[prev.end:q.start] == " " and (_scale_of(q, text, lang) > 1 or (
                q.kind == "number" and not q.soft and (_ATTACHED_SCALE.fullmatch(prev.text) is not None or (
                    profile_spaced(lang) and re.fullmatch(r"\d+", q.text) is not None
                    and not prev.soft and re.search(r"\d$", prev.text) is None
                    and _scale_of(prev, text, lang) <= 1e5))))))  # (thousand, lakh: "5 Millionen 2800 Menschen"
        # are two values)
        if prev is not None and joined and prev.currency is None:
            scale = _scale_of(prev, text, lang)
            after = _scale_of(q, text, lang)
            if scale > 1 and after > scale and q.value / after < scale and not prev.soft:  # type: ignore[operator]
                # "১ হাজার ৫০০ কোটি": (1 thousand 500) crore, the count before the larger scale written in parts
                v = prev.value * after + q.value  # type: ignore[operator]
                merged[-1] = replace(q, kind="money" if q.currency else "number", keys=frozenset({("num", _norm(v))}),
                                     start=prev.start, text=text[prev.start:q.end], value=v)
                continue
            if scale > 1 and q.value < scale:  # type: ignore[operator]
                v = prev.value + q.value  # type: ignore[operator]
                merged[-1] = replace(q, kind="money" if q.currency else "number", keys=frozenset({("num", _norm(v))}),
                                     start=prev.start, text=text[prev.start:q.end], value=v)
                continue
        if (prev is not None and prev.value in range(1, 10) and isinstance(q.value, float) and q.value % 10 == 0
                and 20 <= q.value <= 90 and _TENS_GAP.fullmatch(text, prev.end, q.start)):
            merged[-1] = prev = replace(prev, keys=prev.keys | {("num", prev.value * 10)})  # "6、70年代": 60s and 70s
        if prev is not None and _range_gap(lang).search(text, prev.end, q.start) and q.start - prev.end <= 6:
            scale = _scale_of(q, text, lang)
            if scale > 1 and _scale_of(prev, text, lang) == 1 and prev.value * scale > 1:  # type: ignore[operator]
                merged[-1] = replace(prev, keys=prev.keys | {("num", _norm(prev.value * scale))})  # type: ignore[operator]
        merged.append(q)
    return out + merged


@functools.lru_cache(maxsize=64)
def _approx_res(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Approximation words of the profile: before a value ("about", "khoảng", "etwa"; one word may come
    between: "more than") and after it ("左右", "or so")."""
    from .lang import base_code, profile

    sec = profile(base_code(lang)).section("numbers")
    before, after = list(sec.get("approx") or ()), list(sec.get("approx_after") or ())
    spaced = profile(base_code(lang)).spaces_between_words
    gap = rf"(?:{surface.LETTER}+\s+)?" if spaced else ""
    counter = "" if spaced else r"[^\W\d_]{0,2}?"  # "40 人左右": a counter word may come between
    let = _letter(lang)
    # (the word ends there: Ukrainian "до", up to, is not the start of "долає", covers)
    pre = re.compile(rf"(?<!{let})(?:{_alt(before)})(?!{let})\s*{gap}[^\w\s]{{0,2}}$", re.IGNORECASE) if before else None
    post = re.compile(rf"\s*{counter}(?:{_alt(after)})(?!{let})", re.IGNORECASE) if after else None
    return pre, post


def _mark_approx(found: list[Quantity], text: str, lang: str) -> list[Quantity]:
    pre, post = _approx_res(lang)
    if pre is None and post is None:
        return found
    out = []
    for q in found:
        if q.kind in ("number", "money", "percent") and (
                (pre is not None and pre.search(text, max(0, q.start - 40), q.start))
                or (post is not None and post.match(text, q.end))):
            q = replace(q, approx=True)
        out.append(q)
    return out


_SPLIT_RE = re.compile(r"(?<![\d/.,])(?P<a>\d{1,2})\s?/\s?(?P<b>\d{1,2})(?![\d/]|[.,]\d)")  # shares adding up to 100
_NUM_LIST_RE = re.compile(r"(?<![\d.,])\d{1,2}(?:,\d{1,2}){2,}(?![\d.,]?\d)")
# (after a letter only in a script without spaces: "打率.346", a batting average)
_BARE_DECIMAL_RE = re.compile(r"(?<![.,])(?<![^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff])\.\d+(?![\d.,]?\d)")
# a figure with up to three letters written onto its front: a currency the press abbreviates ("N2.5bn" for
# naira, "R50 million" for rand, "Rs5 crore") or a code ("N95", "A81")
_GLUED_PREFIX_RE = re.compile(r"(?<![A-Za-z\d.,$€£¥])[A-Z][A-Za-z]{0,2}(?P<num>\d+(?:[.,]\d+)*)(?![\d])")


def _glued_prefix(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    """:data:`_GLUED_PREFIX_RE` values, with the scale word after them: which the letters are (a currency or
    a code) is not known, so each may only match ("N2.5bn" = "Naira biliyan 2.5"), never required. Without a
    scale word the letters are the value's ``tag`` (a code: "CO2", "G20")."""
    out = []
    for m in _GLUED_PREFIX_RE.finditer(text):
        if any(used[m.start():m.end()]):
            continue
        try:
            v, _ = parse_number(m["num"], lang)
        except (ValueError, ArithmeticError):
            continue
        end = m.end()
        scale = re.match(rf"\s?({_alt(list(_scales(lang)))})(?!{_letter(lang)})", text[end:], re.IGNORECASE) \
            if _scales(lang) else None
        keys = {("num", _norm(v))}
        if scale is not None:
            keys.add(("num", _norm(v * _scales(lang)[scale.group(1).lower()])))
            end += scale.end()
        # without a scale word the letters and figure are a code ("CO2", "G20", "MH17"): the letters tag the
        # figure, so the same code with another figure in the translation is a number changed inside a name
        tag = m.group(0)[:m.start("num") - m.start()].casefold() if scale is None else None
        out.append(Quantity("ordinal", frozenset(keys), m.start("num"), end, text[m.start("num"):end], True,
                            value=v, tag=tag))
        used[m.start():end] = [True] * (end - m.start())
    return out


_TAG_NUM_RE = re.compile(r"(?<=[A-Za-zÀ-ỹ]-)\d{1,4}(?![\d.,]?\d)")
_MODEL_NUM_RE = re.compile(r"(?<![A-Za-z\d.,])\d{1,4}(?=[A-Z]{1,4}(?![a-z]))")  # "737MAX", "5G", "3D"
# A value in brackets right after another value and a word is the translator's gloss of it ("6,000 mu
# (400 hectares)", "1000 jin (500 kg)"): it may match, it is never reported as added.
_GLOSS_BEFORE = re.compile(r"\d[^\d()（）]{0,20}[(（][^()（）]{0,12}$")


_BRACKET_BEFORE = re.compile(r"[(（][^()（）]{0,12}$")


def _gloss(q: Quantity, text: str, ends: list[int] | None = None) -> Quantity:
    if q.soft or q.kind not in ("number", "money"):
        return q
    if not _GLOSS_BEFORE.search(text, max(0, q.start - 30), q.start):
        b = _BRACKET_BEFORE.search(text, max(0, q.start - 13), q.start)  # "pět mil (8 km)": after a number word
        if b is None or not any(b.start() - 20 <= e <= b.start() for e in ends or ()):
            return q
    return replace(q, soft=True)
# Counted periods a translation may turn into years: "four decades" = "40 năm", "ba thế kỷ" = "300 years"
_MULTIPLES = {
    "en": re.compile(r"\s*(?P<u>decades?|centur(?:y|ies)|dozens?)\b", re.IGNORECASE),
    "vi": re.compile(r"\s*(?P<u>thập\s+(?:kỷ|kỉ|niên)|thế\s+(?:kỷ|kỉ)|tá)(?![\wÀ-ỹ])", re.IGNORECASE),
}
_VI_HALF = re.compile(r"\s*(?:[^\W\d_]+\s+)?rưỡi(?![\wÀ-ỹ])", re.IGNORECASE)
_MULTIPLE_OF = {"dec": 10.0, "cen": 100.0, "doz": 12.0, "thậ": 10.0, "thế": 100.0, "tá": 12.0}


def _with_multiple(q: Quantity, text: str, lang: str) -> Quantity:
    """``q`` also keyed by the count it stands for when a period unit follows ("four decades" also 40)."""
    pat = _MULTIPLES.get(base_lang(lang))
    if pat is None or q.kind not in ("number",) or not isinstance(q.value, float):
        return q
    if base_lang(lang) == "vi" and _VI_HALF.match(text, q.end):  # "4 năm rưỡi" = four and a half years
        last = text[q.start:q.end].split()[-1].lower()
        unit = _VI_MULT.get(last, 1.0) if last in _VI_MULT and last != "trăm" else 1.0  # "một triệu rưỡi" = 1.5M
        q = replace(q, keys=q.keys | {("num", _norm(q.value + 0.5 * unit))})
    m = pat.match(text, q.end)
    if not m:
        return q
    factor = _MULTIPLE_OF[m["u"][:3].lower()]
    return replace(q, keys=q.keys | {("num", _norm(q.value * factor))})


@functools.lru_cache(maxsize=64)
def _others_re(lang: str) -> re.Pattern[str] | None:
    """Words after a count of people or things besides one already named ("Smith and 3 others")."""
    from .lang import base_code, profile

    words = list(profile(base_code(lang)).section("numbers").get("others") or ())
    return re.compile(rf"\s*(?:{_alt(words)})(?!{_letter(lang)})", re.IGNORECASE) if words else None


def _with_others(q: Quantity, text: str, lang: str) -> Quantity:
    """``q`` also keyed one higher when it counts others besides a named one: "Shodai and 3 others" is four
    people, the way a language that counts the named one writes it ("正代ら4人"). The words are the profile's
    ``numbers.others``."""
    pat = _others_re(lang)
    if pat is None or q.kind != "number" or not isinstance(q.value, float) or q.value != int(q.value):
        return q
    if not pat.match(text, q.end):
        return q
    return replace(q, keys=q.keys | {("num", q.value + 1)})


@functools.lru_cache(maxsize=64)
def _century_stems(lang: str) -> tuple[str, ...]:
    """The stem of the language's word for "century": the common prefix of CLDR's duration-century unit names
    in every plural form ("Jahrhundert", "siècle", "век", "世纪", "centur"), English's always included."""
    from babel.units import format_unit

    stems = []
    for code in dict.fromkeys([base_lang(lang) or "en", "en"]):
        forms = []
        for n in (1, 2, 5, 21):
            try:
                text = format_unit(n, "duration-century", length="long", locale=code)
            except Exception:  # noqa: BLE001 - a locale without the unit
                continue
            forms.append(re.sub(r"[\d\s\u00a0\u202f]+", "", text).lstrip("个").lower())
        stem = os.path.commonprefix(forms) if forms else ""
        if len(stem) >= 2 and (len(stem) >= 4 or not stem.isascii()):
            stems.append(stem)
    return tuple(stems)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_ROMAN_RE = re.compile(r"(?<![\w.])(?P<r>[IVXL]{1,6})(?:e|er|ème|-?го|-?й|\.)?(?![\w])")


def _roman(s: str) -> int:
    """The value of a Roman numeral of I, V, X and L ("XIX" = 19); 0 when it is not well formed."""
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN[ch]
        total += -v if v < prev else v
        prev = max(prev, v)
    return total if total > 0 and _to_roman(total) == s else 0


def _to_roman(n: int) -> str:
    out = []
    for v, r in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(r)
            n -= v
    return "".join(out)


def _roman_centuries(text: str, lang: str, used: list[bool]) -> list[Quantity]:
    """A century in Roman numerals next to the language's word for century ("w XIX wieku", "siglo XIX", "XIXe
    siècle", CLDR's duration unit name): the 19th century, a rank that may match "19th"."""
    out = []
    for m in _ROMAN_RE.finditer(text) if _century_stems(lang) else ():
        v = _roman(m["r"])
        if not 1 <= v <= 30 or any(used[m.start():m.end()]):
            continue
        before = text[max(0, m.start() - 16):m.start()].lower()
        if not (_century_after(text, m.end(), lang)
                or any(re.search(rf"{re.escape(stem)}[^\W\d_]*\s+$", before) for stem in _century_stems(lang))):
            continue
        # (the rank only: "14th century" also reads 1400, which "XV" as the 1400s would meet)
        out.append(Quantity("number", frozenset({("num", float(v))}), m.start(), m.end(), m.group(0), True,
                            value=float(v), rank=True))
        used[m.start():m.end()] = [True] * (m.end() - m.start())
    return out


def _century_after(text: str, pos: int, lang: str) -> bool:
    """A word for "century" follows the number at ``pos`` (after an ordinal suffix or full stop)."""
    # (an ordinal suffix only right after the number: "19. století" is not "19." + "st" + "oletí")
    after = re.sub(r"^(?:st|nd|rd|th)?(?:\.|-|\s|个)*", "", text[pos:pos + 16].lower())
    return any(after.startswith(stem) for stem in _century_stems(lang))


def _ordinal_dot() -> frozenset[str]:
    from .segment import ORDINAL_DOT

    return ORDINAL_DOT


def base_lang(lang: str) -> str:
    return (lang or "").replace("_", "-").split("-")[0].lower()


def start_apostrophe(text: str, pos: int) -> bool:
    return pos > 0 and text[pos - 1] in "'’" and (pos < 2 or not text[pos - 2].isalnum())


def _number(m: re.Match[str], text: str, lang: str) -> Quantity | None:
    glued = re.match(r"[^\W\d_]+", text[m.end():])
    if m["glued"] is not None and not (glued and glued.group(0).islower() and glued.group(0) not in ("am", "pm")
                                       and (m["scale"] or m["unit"] or m["ord"]) is None):
        return None  # "25letou", "10měsíčních", "60er" (a compound) are numbers; "5Ghz", "8pm" are not
    if not (m["scale"] or m["unit"] or m["ord"]):
        pct = _percent_compound(text, m.end("num"), lang)
        if pct:  # "30procentní", "30-Prozent-Hürde", "30 procentní": a percentage in a compound word
            value, _ = parse_number(m["num"], lang)
            if value == value:
                return Quantity("percent", frozenset({("pct", _norm(value))}), m.start("num"), pct,
                                text[m.start("num"):pct], value=value)
    value, alts = parse_number(m["num"], lang)
    if value != value:  # NaN
        return None
    scale_word = (m["scale"] or "").lower()
    unit = (m["unit"] or "").lower()
    words = _currency_words(lang)
    cur_prefix = words.get((m["cur"] or "").lower()) or (_letter_symbol_currency(lang, m["cur"]) if m["cur"]
                                                          else None)
    thousands = scale_word == "k" and not cur_prefix and m.end("num") == m.start("scale")
    if scale_word in ("m", "k") and not cur_prefix:
        scale_word = ""  # "5 m" is metres, "5k" is ambiguous without a currency (a "5K" run; a "50K award")
    scale = _scales(lang).get(scale_word, 1.0)
    end = m.end() if (scale_word or unit or m["ord"]) else m.end("num")
    if not scale_word and m["scale"]:
        end = m.end("num")
    cur = cur_prefix or words.get(unit)
    if unit == "đồng" and not (scale_word or cur_prefix):
        cur = None if not re.match(r"\d", m["num"]) else "VND"
    vals = {value * scale} | {a * scale for a in alts}
    if thousands:  # ... so it reads both ways: "50K" is 50 and 50,000
        vals |= {v * 1e3 for v in vals}
    guessed = False
    if not (scale_word or unit or cur_prefix or m["ord"]):
        cands, word_end = _inflected_scale(text, m.end("num"), lang)
        if cands:  # "11,85 milljörðum": an inflected scale word; every scale its beginning fits
            vals = {v * c for v in vals for c in cands}
            value, scale, guessed, end = value * min(cands), 1.0, True, word_end
    if m["ord"] and m["ord"].lower().lstrip("'’") == "s" and value >= 100:
        vals.add(value % 100)  # "the 1950s" = "thập niên 50"
    if start_apostrophe(text, m.start("num")) and len(m["num"]) == 2:
        vals |= {1800 + value, 1900 + value, 2000 + value}  # "'71" = 1971 ("'35" may be 1835 in a history)
    year_suffix = _facts(lang).year_suffix
    era = re.match(r"\s*[(（][^()（）\d]{1,6}\d{1,2}[)）]\s*", text[m.end("num"):m.end("num") + 14])
    after = m.end("num") + (era.end() if era else 0)  # "23（大正12）年": the era's year in brackets
    in_range = year_suffix and re.match(rf"\s*[-–~〜～至到]\s*\d{{2}}\s*{re.escape(year_suffix)}", text[after:after + 12])
    if year_suffix and len(m["num"]) == 2 and (text.startswith(year_suffix, after) or in_range) and not scale_word:
        vals |= {1900 + value, 2000 + value}  # "18年" in running text is 2018 ("０４～０５年": 2004-2005)
    # the end of a range of years written with its last two figures ("1968/69", "１８２５～６９年"): the first
    # year's century, or the next one ("1998-02")
    first = (re.search(r"(?<![\d.,])(1\d{3}|20\d{2})\s?[-–/~〜～]\s?$", text[max(0, m.start("num") - 8):m.start("num")])
             if len(m["num"]) == 2 and not scale_word and not unit and not cur else None)
    if first is not None:
        y0 = int(first.group(1))
        y1 = y0 // 100 * 100 + int(value)
        vals.add(float(y1 if y1 > y0 else y1 + 100))
    start = m.start("cur") if cur_prefix else m.start("num")
    if _is_percent_word(unit, lang):
        return Quantity("percent", frozenset(("pct", _norm(v)) for v in vals), start, end, text[start:end],
                        value=value * scale)
    measure = None
    if not cur and not unit:
        from .units import unit_at

        measure = unit_at(text, m.end("scale") if scale_word else m.end("num"), lang)
    if cur:
        kind = "money"
    elif (not scale_word and not alts and re.fullmatch(r"\d{4}", m["num"]) and 1000 <= value <= 2100
          and measure is None):
        kind = "year"
    else:
        kind = "number"
    rank = bool(m["ord"]) and m["ord"].lower() in ("st", "nd", "rd", "th")
    if kind == "number" and not cur and not scale_word and m["num"].isdigit() and 1 <= value <= 30 \
            and _century_after(text, end, lang):
        vals.add(_norm((value - 1) * 100))  # "19世纪", "19. Jahrhundert", "19th century" = the 1800s
        rank = True
    # "im 19. Jahrhundert", "po 2. světové válce": languages that write ordinals with a full stop
    rank = rank or (kind == "number" and not cur and not scale_word and len(m["num"]) <= 3 and m["num"].isdigit()
                    and base_lang(lang) in _ordinal_dot() and re.match(r"\.\s+[^\W\d_]", text[end:end + 4]) is not None)
    return Quantity(kind, frozenset(("num", _norm(v)) for v in vals), start, end, text[start:end], currency=cur,
                    value=value * scale, unit=measure[0] if measure else None, approx=bool(m["infix"]), rank=rank,
                    guessed=guessed)


_STEM = 5  # letters an inflected scale word shares with a form CLDR or num2words lists ("millj|örðum")


@functools.lru_cache(maxsize=64)
def _scale_stems(lang: str) -> dict[str, frozenset[float]]:
    """Scale words of a language that separates words, by their first letters: "millj" -> {1e6, 1e9}."""
    if not profile_spaced(lang):
        return {}
    out: dict[str, set[float]] = {}
    for w, v in _scales(lang).items():
        if len(w) > _STEM and w.isalpha():
            out.setdefault(w[:_STEM], set()).add(v)
    return {k: frozenset(v) for k, v in out.items()}


def _inflected_scale(text: str, pos: int, lang: str) -> tuple[frozenset[float], int]:
    """The scales a word right after a number may be an inflection of (none when the word is a listed form)."""
    stems = _scale_stems(lang)
    m = re.match(r"\s?([^\W\d_]+)", text[pos:pos + 40]) if stems else None
    if m is None or len(m.group(1)) <= _STEM or m.group(1).lower() in _scales(lang):
        return frozenset(), pos
    cands = stems.get(m.group(1)[:_STEM].lower())
    if not cands or _is_unit_word(m.group(1)) or _unit_word_of(text, pos, lang):
        return frozenset(), pos
    return cands, pos + m.end()


def _unit_word_of(text: str, pos: int, lang: str) -> bool:
    """The word at ``pos`` is one of the language's unit names (CLDR's forms and their case forms, read by
    :func:`tqcheck.units.unit_at`): "миллиметров" shares "милли" with "миллион" but is a unit."""
    from .units import unit_at

    return unit_at(text, pos, lang) is not None


@functools.lru_cache(maxsize=4096)
def _is_unit_word(word: str) -> bool:
    """``word`` (or it less an ending of up to three letters), in Latin letters (anyascii), is a unit pint knows
    ("millimetern", "milligrams", "миллиграммов"): SI's "milli-" is not the scale word "milli|on"."""
    from .units import registry

    plain = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
    if not plain.isascii():  # "миллиграммов" -> "milligrammov": pint knows units by their Latin names
        from anyascii import anyascii

        plain = anyascii(plain).lower()
    reg = registry()
    for cut in range(0, 4):
        stem = plain[:len(plain) - cut] if cut else plain
        if len(stem) < 4:
            break
        try:
            reg.parse_units(stem)
            return True
        except Exception:  # noqa: BLE001 - pint raises several error types for a word it does not know
            continue
    return False


@functools.lru_cache(maxsize=64)
def _percent_re(lang: str) -> re.Pattern[str]:
    words = [w for w in _percent_words(lang) if len(w) >= 5 and w.replace(" ", "").isalpha()]
    return re.compile(rf"(?:\s|-)?(?:{_alt(words)}){_letter(lang)}*", re.IGNORECASE) if words else re.compile(r"(?!)")


def _percent_compound(text: str, pos: int, lang: str) -> int:
    """End of a word that begins with a percent word right after a number ("30procentní", "30-Prozent-"), else 0."""
    m = _percent_re(lang).match(text, pos)
    return m.end() if m else 0


# Number words that are also common nouns, and the source words that account for the noun reading:
# Vietnamese "năm" is "five" and "year", so "năm" stands for a missing "five" only when the translation has
# more of them than the source has years.
AMBIGUOUS = {"vi": {5.0: (re.compile(r"(?<![\wÀ-ỹ])năm(?![\wÀ-ỹ])", re.IGNORECASE),
                          re.compile(r"\b(?:years?|yearly|annual(?:ly)?)\b|\b(?:19|20)\d\d\b", re.IGNORECASE))}}


def ambiguous_word_for(value: float, src_text: str, tgt_text: str, tgt_lang: str) -> bool:
    """``tgt_text`` holds a number word for ``value`` that is ambiguous with a noun, more times than the source
    has that noun (see ``AMBIGUOUS``)."""
    pats = AMBIGUOUS.get(base_lang(tgt_lang), {}).get(value)
    if pats is None:
        return False
    return len(pats[0].findall(tgt_text)) > len(pats[1].findall(src_text))


_MONTH_FREQ_GAP = 1.0  # Zipf units (ten times as frequent) above the median month name: the name is another word


@functools.lru_cache(maxsize=64)
def _frequent_months(lang: str) -> frozenset[str]:
    """Wide month names of ``lang`` that wordfreq counts ten times as often as the language's median month name:
    they are also an ordinary word (Romanian "mai", May and "more"; no other language of CLDR and wordfreq has
    one so far above its other months). Empty for English (its own cue rule decides: "may" the verb), and
    without wordfreq or its list for ``lang``. Kept on disk per language and package
    versions (``tqcheck.names.tablecache``): importing wordfreq costs half a second a process."""
    code = base_lang(lang)
    if not code or code == "en":
        return frozenset()
    from .names.tablecache import cached_table

    return cached_table(f"frequent-months-{code}", ("wordfreq", "babel"), lambda: _build_frequent_months(code))


def _build_frequent_months(code: str) -> frozenset[str]:
    try:
        from .names.freq import zipf_frequency  # (an on-disk index: wordfreq's own dict costs up to a second)
    except ImportError:
        return frozenset()
    names = list(_facts(code).wide_months)
    if len(names) < 12:
        return frozenset()
    try:
        freq = {w: zipf_frequency(w, code) for w in names}
    except (LookupError, ValueError, ImportError):  # (Chinese and Japanese need jieba or MeCab)
        return frozenset()
    median = sorted(freq.values())[len(freq) // 2]
    return frozenset(w for w, f in freq.items() if f > median + _MONTH_FREQ_GAP)


def month_form_in(q: Quantity, text: str, lang: str) -> bool:
    """``text`` has a word that may be a case form of the month ``q`` names: it begins with the prefix (two
    letters or more) that all of CLDR's forms of that month share and adds at most two letters ("мае" for
    "май"/"мая"), a wide form, or one less its last two letters, and up to three more ("jaanuaris" for
    "jaanuar", "janvārī" for "janvāris"), or its wide forms' stem of four letters or more and up to five
    ("květnové"), or a wide form less its last letter and up to five ("lipcowej" for "lipca"). Weak evidence
    only: used to lower a missing month to minor, never to match."""
    if not lang or not profile_spaced(lang):
        return False
    months = {k[1] for k in q.keys if k[0] == "month"} | {k[1][0] for k in q.keys if k[0] == "date"}
    facts = _facts(lang)
    let = _letter(lang)
    for month in months:
        forms = sorted(w for w, n in facts.months.items() if n == month and re.fullmatch(surface.LETTER + "+", w))
        if not forms:
            continue
        stem = forms[0][:len(os.path.commonprefix(forms))]
        if len(stem) >= 2 and re.search(rf"(?<!{let}){re.escape(stem)}{let}{{0,2}}(?!{let})", text, re.IGNORECASE):
            return True
        # a case ending in place of the nominative's ("janvārī", "martā" for CLDR's only forms "janvāris",
        # "marts"): a wide form without its last one or two letters (four letters or more kept) and up to three
        # (letters with their combining marks: "জানুয়ারিতে" for "জানুয়ারী", a vowel sign written short)
        marks = surface.MARKS
        for w, n in facts.wide_months.items():
            if n == month and re.fullmatch(surface.LETTER + "+", w) and len(w) >= 5:
                cut = w[:max(4, len(w) - 2)]
                if re.search(rf"(?<!{let})(?:{re.escape(w)}|{re.escape(cut)})(?:{let}[{marks}]*){{0,3}}"
                             rf"(?!{let}|[{marks}])", text, re.IGNORECASE):
                    return True  # ("jaanuaris", "januárban", "қаңтарда": a case ending added)
        # an adjective of the month ("na květnové konferenci": the May conference): the month's stem of four
        # letters or more (CLDR's wide forms, :attr:`NumberFacts.month_stems`) and an ending of up to five
        for long_stem, n in facts.month_stems:
            if n == month and len(long_stem) >= 4 and re.search(
                    rf"(?<!{let}){re.escape(long_stem)}{let}{{0,5}}(?!{let})", text, re.IGNORECASE):
                return True
        # or a wide form less its last letter (four letters or more kept) as that stem ("na lipcowej
        # konferencji": at the July conference, from CLDR's "lipca"; the stems above share "lip" only)
        for w, n in facts.wide_months.items():
            if n == month and re.fullmatch(surface.LETTER + "+", w) and len(w) >= 5 and re.search(
                    rf"(?<!{let}){re.escape(w[:-1])}{let}{{1,5}}(?!{let})", text, re.IGNORECASE):
                return True
    return False


def relative_periods(text: str, lang: str) -> list[re.Match[str]]:
    """Relative time expressions ("this year", "năm nay") in ``text``."""
    pat = RELATIVE.get(lang)
    return list(pat.finditer(text)) if pat else []


_SCALE_OUT = {"vi": ((1e12, "nghìn tỷ"), (1e9, "tỷ"), (1e6, "triệu")),
              "en": ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))}
_CUR_OUT = {"vi": {"USD": "{n} USD", "VND": "{n} đồng", "EUR": "{n} euro"},
            "en": {"USD": "US${n}", "VND": "{n} dong", "EUR": "€{n}"}}


def render(q: Quantity, lang: str) -> str:
    """``q`` written the way ``lang`` writes it (for suggestions); falls back to ``q.text``."""
    from babel.numbers import format_decimal

    if q.kind == "date" and isinstance(q.value, tuple) and lang in ("vi", "en"):
        mon, d = q.value
        return f"ngày {d} tháng {mon}" if lang == "vi" else f"{get_month_names('wide', locale='en')[mon]} {d}"
    if q.kind in ("number", "money", "percent", "year") and isinstance(q.value, float):
        if q.kind == "year":
            return str(int(q.value))
        v, word = q.value, ""
        for size, name in _SCALE_OUT.get(lang, ()):
            if v >= size:
                v, word = v / size, name
                break
        try:
            n = format_decimal(_norm(v), locale=lang)
        except (UnknownLocaleError, ValueError):
            n = f"{_norm(v):g}"
        n = f"{n} {word}".strip()
        if q.kind == "percent":
            return f"{n}%"
        if q.currency:
            return _CUR_OUT.get(lang, {}).get(q.currency, "{n} " + q.currency).format(n=n)
        return n
    return q.text


def render_all(qs: list[Quantity], lang: str) -> str:
    """Several values from one span, e.g. the days of a range: "ngày 23-25 tháng 11"."""
    if len(qs) > 1 and all(q.kind == "date" and isinstance(q.value, tuple) for q in qs):
        months = {q.value[0] for q in qs}  # type: ignore[index]
        if len(months) == 1:
            first = Quantity("date", qs[0].keys, qs[0].start, qs[0].end, qs[0].text, value=qs[0].value)
            days = "-".join(str(q.value[1]) for q in qs)  # type: ignore[index]
            one = render(first, lang)
            return one.replace(f" {qs[0].value[1]} ", f" {days} ", 1) if lang == "vi" else f"{one}-{qs[-1].value[1]}"  # type: ignore[index]
    return " / ".join(render(q, lang) for q in qs)


_ROMAN_WORD = re.compile(r"(?<![\w'’-])[IVXL]{1,7}(?![\w'’-])")


def roman_values(text: str) -> frozenset[float]:
    """The values of the Roman numerals of ``text``: words of the capitals I, V, X and L only that are valid
    numerals (``roman.fromRoman``: "VI" 6, "XIV" 14, "XL" 40; not "IIV"), the lone "I" aside (a pronoun in
    English). C, D and M are left out: "CD", "MD", "DC" are far more often abbreviations."""
    import roman

    out = set()
    for m in _ROMAN_WORD.finditer(text):
        if m.group() == "I":
            continue
        try:
            out.add(float(roman.fromRoman(m.group())))
        except roman.InvalidRomanNumeralError:
            continue
    return frozenset(out)
