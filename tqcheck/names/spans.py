"""Find proper-name spans in a sentence: runs of capitalised words.

English (and other Latin-script languages) capitalise names, titles and the first word of a
sentence; Vietnamese capitalises every syllable of a name ("Phạm Bình Minh") but also titles
("Phó Thủ tướng") and sentence-initial words ("Hai bên"). A run of capitalised words is a
candidate; how much we trust it is the span's ``strong`` flag:

* English: a word is strong when it is an acronym or not a common English word in lower case
  (the web2 and gcide word lists of the ``english-words`` package): "Lavrov", "Minh", "APEC" are strong,
  "Foreign Minister" is not.
* Vietnamese: a word is strong when it is an acronym or not a Vietnamese syllable at all
  ("Hokuriku", "Lavrov", "Pingming"): a foreign or romanised name.

Names found in the lexicon are strong on either side. A sentence-initial word that is not strong
is dropped from the run ("Earlier", "Hai").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from ..memo import text_cache
from ..textmemo import persistent
from .text import Token, base_lang, is_acronym, tokens
from .vietnamese import has_vietnamese_marks, is_vietnamese_word

CONNECTORS = {"of", "the", "de", "la", "del", "di", "da", "du", "van", "von", "der", "bin", "al", "el"}
_TITLE_DOT = re.compile(r"(?:^|[\s(\"“«„])([^\W\d_]{1,4})\.\s+$")  # "M. ", "Dr. ", "J. " before a word


def _after_title(before: str) -> bool:
    """``before`` (the text before a word, inside one segment) ends with an initial or a title abbreviation and
    its full stop ("M. Dupont", "J. Smith", "Dr. Novak"): the segmenter did not end the sentence there (see
    :mod:`tqcheck.segment`), so the word is no sentence's first word."""
    m = _TITLE_DOT.search(before)
    if m is None or not m.group(1)[:1].isupper():
        return False
    word = m.group(1)
    return len(word) == 1 or word.lower() in _EN_ABBREVIATIONS


# (an apostrophe may begin the first word: Hausa writes its hooked y so, "'Yan sanda", the police)
_SENT_START = re.compile(r"(^|[.!?:;…\"“”«»()\[\]–—]\s*|\s-\s*|\n)['’ʼ]?$")


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class NameSpan:
    """A run of capitalised words in one segment; ``start``/``end`` index the segment text."""

    segment: int
    start: int
    end: int
    text: str
    words: tuple[Word, ...]
    initial: bool = False  # begins the sentence
    strong: bool | None = None  # set where the script decides (a katakana run with ・ is a name; one without may
    # be a loanword); None: decided word by word (word_is_strong)


@functools.lru_cache(maxsize=1)
def english_common_words() -> frozenset[str]:
    """Lower-case English dictionary words (the web2 and gcide lists of the english-words package)."""
    try:
        from english_words import get_english_words_set
    except ImportError:  # a declared dependency: without it every capitalised word would look like a name
        from ..errors import InternalError

        raise InternalError("the english-words package is missing; reinstall tqcheck (pip install tqcheck)") from None
    from .tablecache import cached_table

    # web2 (Webster's 1934) plus GCIDE's lower-case entries, which add modern words ("internet", "online");
    # built once and kept on disk (see tablecache)
    return cached_table("english-words", ("english-words",), lambda: frozenset(
        w for w in get_english_words_set(["web2", "gcide"], lower=False, alpha=True) if w.islower()))


@functools.lru_cache(maxsize=1)
def english_proper_words() -> frozenset[str]:
    """Capitalised English dictionary entries (web2 and gcide of the english-words package): proper nouns and
    the adjectives and demonyms made from them (Texan, Himalayan, Pakistani)."""
    from english_words import get_english_words_set

    from .tablecache import cached_table

    return cached_table("english-proper-words", ("english-words",), lambda: frozenset(
        w for w in get_english_words_set(["web2", "gcide"], lower=False, alpha=True) if w[:1].isupper()))


@functools.lru_cache(maxsize=65536)
def is_common_word(word: str, lang: str) -> bool:
    """A dictionary word of ``lang`` (only English has a list; other languages: never). Memoised: the variant
    search asks for every word near each name."""
    if base_lang(lang) != "en":
        return False
    return _common_english(word, lang)


@persistent("names.common_english")  # kept on disk between runs (tqcheck.textmemo): the word list not loaded
def _common_english(word: str, lang: str) -> bool:
    """:func:`is_common_word` of an English word."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    common = english_common_words()
    if w in common or is_calendar_word(w, lang) or w.rstrip(".") in _EN_ABBREVIATIONS:
        return True
    squeezed = re.sub(r"(.)\1{2,}", r"\1", w)  # "Ohhhh", "Mmm": drawn-out interjections
    if squeezed != w and (squeezed in common or re.sub(r"(.)\1+", r"\1", squeezed) in common or len(squeezed) <= 2):
        return True
    if w.endswith("in") and len(w) > 4 and is_common_word(w + "g", lang):
        return True  # "Gettin'", "Nothin'"
    for suffix, repl in (("ier", "y"), ("iest", "y"), ("er", ""), ("est", ""), ("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                         ("ly", ""), ("ns", "n"), ("n", "")):
        if w.endswith(suffix) and w[: -len(suffix)] + repl in common and len(w) > len(suffix) + 2:
            return True
    return False


# Titles and degrees written before or after names: translated (Ông, Bà, Tiến sĩ), not kept
_EN_ABBREVIATIONS = frozenset("mr mrs ms mx dr prof st mt jr sr phd ph rev hon gov sen rep gen col capt lt sgt "
                              "messrs mme mlle".split())


@functools.lru_cache(maxsize=64)
def _prefix_re(lang: str) -> re.Pattern[str] | None:
    """The profile's ``names.prefixes`` (isiZulu, isiXhosa: noun-class and locative prefixes), a stack of up to
    four, with the hyphen written before a vowel or an acronym ("i-ANC", "e-UN")."""
    from ..lang import profile

    prefixes = profile(base_lang(lang)).section("names").get("prefixes") or ()
    if not prefixes:
        return None
    alt = "|".join(sorted((re.escape(p) for p in prefixes), key=len, reverse=True))
    return re.compile(rf"(?:{alt}){{1,4}}-?", re.IGNORECASE)


def prefix_length(word: str, lang: str) -> int:
    """How many characters at the start of ``word`` are prefixes of the profile's ``names.prefixes`` written
    onto a capitalised name: "uSipho", "kaRamaphosa", "eThekwini", "i-ANC", and sentence-initially
    "UMongameli", "I-Eskom"; what follows must begin with a capital and a letter (0 otherwise:
    "Ingqungquthela" is one word)."""
    pat = _prefix_re(lang)
    if pat is None:
        return 0
    for cut in range(1, min(len(word) - 2, 10) + 1):
        if word[cut].isupper() and word[cut + 1].isalpha() and pat.fullmatch(word, 0, cut):
            return cut
    return 0


@functools.lru_cache(maxsize=8)
def calendar_words(lang: str) -> frozenset[str]:
    """Month and weekday names (CLDR via Babel): capitalised in English, but not names to keep."""
    try:
        from babel import Locale

        loc = Locale.parse(base_lang(lang))
    except Exception:  # noqa: BLE001 - unknown locale: no calendar words
        return frozenset()
    out = set()
    for width in ("wide", "abbreviated"):
        for ctx in ("format", "stand-alone"):
            out.update(v.lower().rstrip(".") for v in loc.months[ctx][width].values())
            out.update(v.lower().rstrip(".") for v in loc.days[ctx][width].values())
    # a name CLDR writes with its prefix ("ULwesibili", Tuesday) is as often written with another ("ngoLwesibili")
    out.update(w[prefix_length(w, lang):].lower().rstrip(".") for ctx in ("format", "stand-alone")
               for w in loc.days[ctx]["wide"].values())
    # ... and the spelling of a name with its apostrophe as typed and its doubled letters single (Hausa "Juma'a"
    # for CLDR's "Jummaʼa", Friday): see is_calendar_word
    out.update({_calendar_key(w) for w in out})
    return frozenset(out)


def _calendar_key(word: str) -> str:
    return re.sub(r"(.)\1", r"\1", word.lower().rstrip(".").replace("’", "'").replace("ʼ", "'"))


def is_calendar_word(word: str, lang: str) -> bool:
    """``word`` is a month or weekday name of ``lang`` (:func:`calendar_words`), also with another apostrophe or
    its doubled letters written single."""
    words = calendar_words(lang)
    return word.lower().rstrip(".") in words or _calendar_key(word) in words


@functools.lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes known to CLDR (via Babel)."""
    try:
        from babel import Locale

        return frozenset(Locale.parse("en").currencies)
    except Exception:  # noqa: BLE001
        return frozenset()


def _capitals_mark_names(lang: str) -> bool:
    from ..lang import profile

    return profile(lang).capitals_mark_names


def word_is_strong(word: str, lang: str) -> bool:
    """A word that is surely part of a name (see the module docs). In languages other than English and
    Vietnamese whose capitals mark names (Russian, Czech, French: ``profile(code).capitals_mark_names``), every
    capitalised word; the sentence-initial one is left out by :func:`find_names`."""
    lang = base_lang(lang)
    if is_acronym(word) or (word.endswith("s") and is_acronym(word[:-1])):
        core = word.rstrip("s")
        if len(set(core)) == 1 or core in currency_codes() or (lang == "vi" and has_vietnamese_marks(word)):
            return False  # "AAAA", "USD" (a number's unit), "KHÔNG" (a Vietnamese word in capitals)
        return len(core) >= 3  # "US", "UN", "TV", "FMs" are translated, not kept
    if lang == "vi":
        return not is_vietnamese_word(word)
    if lang == "en":
        word = _CONTRACTION.sub("", word)  # "I'll", "We've", "Don't": a pronoun or verb, not a name
        return not all(is_common_word(p, lang) or p.lower() == "i" for p in re.split(r"[-'’]", word) if p)
    if word[:1].isupper() and len(word) >= 2 and _capitals_mark_names(lang):
        # "Июль", "Pondělí": CLDR month and weekday names; "Ιανουάριο": a case form of a capitalised month name
        return not is_calendar_word(word, lang) and not _month_form(word, lang)
    return False


@functools.lru_cache(maxsize=4096)
def _month_form(word: str, lang: str) -> bool:
    from ..lang import profile

    return profile(lang).numbers.month_of(word) > 0


_CONTRACTION = re.compile(r"(?:['’](?:ll|ve|re|d|m|s)|n['’]t)$", re.IGNORECASE)


def _split_words(tok: Token, lang: str = "") -> list[Word]:
    """Split 'Vietnam-Russia' (capitalised on both sides of the hyphen) into two words; drop a possessive 's;
    in English keep only the name of a compound with common words ('Juilliard-trained', 'Pareto-improving')."""
    m = re.search(r"['’]s$", tok.text) or (re.search(r"(?<=[A-Z]{2})s$", tok.text) if is_acronym(tok.text[:-1])
                                             else None)
    if m and len(tok.text) > 3:
        tok = Token(tok.text[: m.start()], tok.start, tok.start + m.start())  # "Vietnam's", "SLRs"
    pieces = re.split(r"([-‐‑])", tok.text)
    if len(pieces) > 1 and lang == "en" and pieces[0][:1].isupper() and len(pieces[0]) > 1 and \
            all(p.islower() and is_common_word(p, lang) for p in pieces[2::2]):
        return [Word(pieces[0], tok.start, tok.start + len(pieces[0]))]  # "Juilliard-trained" -> "Juilliard"
    if len(pieces) > 1 and all(is_acronym(p) for p in pieces[::2] if p):
        return [Word(tok.text, tok.start, tok.end)]  # "CD-ROM", "COVID-19"-like codes are one word
    if len(pieces) > 1 and all(p[:1].isupper() for p in pieces[::2] if p):
        out, pos = [], tok.start
        for p in pieces:
            if p and p not in "-‐‑":
                out.append(Word(p, pos, pos + len(p)))
            pos += len(p)
        return out
    return [Word(tok.text, tok.start, tok.end)]


def find_names(text: str, lang: str, segment: int = 0, known=None) -> list[NameSpan]:  # noqa: ANN001
    """Capitalised runs in ``text`` (one sentence). ``known(word_or_phrase) -> bool`` marks lexicon names.
    Han and kana text is read by :func:`find_names_unspaced` instead."""
    spans = _find_names(text, lang, known)
    return [replace(sp, segment=segment) for sp in spans] if segment else list(spans)


@text_cache(maxsize=8192)
@persistent("names.find_names")  # kept on disk between runs (tqcheck.textmemo): a bundled lexicon's methods only
def _find_names(text: str, lang: str, known=None) -> tuple[NameSpan, ...]:  # noqa: ANN001
    """:func:`find_names` of segment 0, once per text, language and ``known`` (a lexicon's bound method, the same
    object for a language pair: a translation memory repeats its units)."""
    from .roman import HAN_RE, KANA_RE

    text = _fullwidth(text)
    if HAN_RE.search(text) or KANA_RE.search(text):
        return tuple(find_names_unspaced(text, lang, 0, known))
    if HANGUL_RE.search(text):
        return tuple(find_names_hangul(text, lang, 0, known))
    return tuple(_find_cased(text, lang, 0, known))


def _fullwidth(text: str) -> str:
    """Full-width ASCII letters and digits (ＷＦＰ) to their plain forms, keeping every offset (one to one)."""
    if not re.search("[\uff01-\uff5e]", text):
        return text
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in text)


class _Cut:
    """A match-like span (start, end, group(0)) for a name cut short."""

    def __init__(self, start: int, end: int, text: str) -> None:
        self._s, self._e, self._t = start, end, text

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self, _n: int = 0) -> str:
        return self._t[self._s:self._e]


# the end of what comes before a sentence's first word in Han or kana text (the start, a full stop, a quote)
_UNSPACED_START = re.compile(r"(^|[。！？!?.．「」『』（）()【】“”\"：:…―—]\s*)$")
_LATIN_RUN = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’\-.]*(?:[ \u00a0][A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’\-.]*)*")


def find_names_unspaced(text: str, lang: str, segment: int = 0, known=None) -> list[NameSpan]:  # noqa: ANN001
    """Names in Han/kana text: katakana runs (words split at ・, the long-vowel mark kept), Han names joined by a
    middle dot (鲍里斯·约翰逊), and Latin capitalised runs. A run with a middle dot, or next to a title word of
    the language's ``names`` profile section (``titles``: 氏, 首相, 总统 ...), is strong; a bare katakana run may
    be a loanword and is weak; a bare Han run is not a span (it cannot be told from ordinary words)."""
    from ..lang import profile
    from .roman import HAN_RE, MIDDLE_DOTS

    titles = tuple(profile(lang).section("names").get("titles", ()))
    spans: list[NameSpan] = []
    kana = "\u30a1-\u30fa\u30fc\u30fd\u30fe\uff66-\uff9f"
    han = "\u3400-\u4dbf\u4e00-\u9fff"
    dots = re.escape(MIDDLE_DOTS + "=＝")
    han_names = f"|[{han}]{{1,4}}(?:[{dots}][{han}]{{1,6}})+" if base_lang(lang) == "zh" else ""  # ja: a list
    pattern = re.compile(f"[{kana}]{{2,}}(?:[{dots}][{kana}]+)*{han_names}")  # (ザ in フェイス・ザ・ネイション)
    stops = set(profile(lang).section("names").get("not_in_names", ""))
    for m in pattern.finditer(text):
        m = _after_title_or_country(m, text, titles, lang)
        if stops and HAN_RE.search(m.group(0)):  # a Han name ends before a character names never use (周, 说)
            cut = next((k for k, ch in enumerate(m.group(0)) if ch in stops), None)
            if cut is not None and cut > m.group(0).find("·") + 1:
                m = _Cut(m.start(), m.start() + cut, text)
            elif cut is not None:
                continue
        words, pos = [], m.start()
        for piece in re.split(f"([{dots}])", m.group(0)):
            if piece and piece not in MIDDLE_DOTS + "=＝":
                words.append(Word(piece, pos, pos + len(piece)))
            pos += len(piece)
        dotted = len(words) > 1
        titled = any(text[m.end():].startswith(t) or text[:m.start()].endswith(t) for t in titles)
        spans.append(NameSpan(segment, m.start(), m.end(), m.group(0), tuple(words), False,
                              strong=dotted or titled or bool(known and known(m.group(0)))))
    spans.extend(_places_in_han(text, lang, segment, spans))
    for m in _LATIN_RUN.finditer(text):
        latin = "en" if lang.startswith(("zh", "ja", "ko")) else lang  # Latin words in CJK text: read as English
        # a run after Han or kana text inside a sentence (检察官 Peter Duthie) does not begin the sentence: its
        # first capital marks a name
        opening = bool(_UNSPACED_START.search(text[:m.start()]))
        for sp in _find_cased(m.group(0), latin, segment, known, opening):
            off = m.start()
            words = tuple(Word(w.text, w.start + off, w.end + off) for w in sp.words)
            # a capitalised Latin word written inside Chinese or Japanese text (not starting it) is kept in its
            # own script for a reason: a name or a brand ("Yahoo", "Apple"), even when it is a dictionary word
            # in English; so is a run of two or more capitalised words ("Anna Ridge", whose words are English
            # words too: a person kept in Latin letters)
            kept = not opening and ((len(words) == 1 and len(words[0].text) >= 4 and words[0].text[:1].isupper()
                                     and words[0].text[1:].islower())
                                    or (len(words) >= 2 and all(w.text[:1].isupper() and any(ch.islower() for ch in w.text)
                                                                for w in words)))
            spans.append(NameSpan(segment, sp.start + off, sp.end + off, sp.text, words, False,
                                  strong=kept or any(word_is_strong(w.text, latin) for w in words)))
    return sorted(spans, key=lambda sp: sp.start)


def _places_in_han(text: str, lang: str, segment: int, taken: list[NameSpan]) -> list[NameSpan]:
    """Countries, territories and large cities written in Han characters (越南, 日本, 香港): CLDR's names of
    the language (Babel: territories, and the exemplar cities of the time zones), the longest first (印度尼西亚
    before 印度), where they begin and end at word boundaries (ICU: Chinese and Japanese do not separate words by
    spaces) and outside the names already found; a place is a name for sure (strong). Without PyICU, none."""
    pattern = _han_places(base_lang(lang))
    if pattern is None:
        return []
    out, bounds = [], None
    for m in pattern.finditer(text):
        if any(sp.start < m.end() and m.start() < sp.end for sp in taken):
            continue
        if bounds is None:
            bounds = _word_bounds(text, base_lang(lang))
        if m.start() not in bounds or m.end() not in bounds:
            continue  # inside a longer word: 海地 (Haiti) in 沿海地区 (coastal areas), 珀斯 (Perth) in 科珀斯克里斯蒂
        out.append(NameSpan(segment, m.start(), m.end(), m.group(0), (Word(m.group(0), m.start(), m.end()),),
                            False, strong=True))
    return out


def han_place(text: str, lang: str) -> bool:
    """``text`` is one of the CLDR place names that :func:`_places_in_han` finds in Han text."""
    pattern = _han_places(base_lang(lang))
    return pattern is not None and pattern.fullmatch(text) is not None


def _word_bounds(text: str, lang: str) -> frozenset[int]:
    """The word boundaries of ``text`` by ICU's dictionary-based word break iterator (Chinese and Japanese
    words are not separated by spaces)."""
    import icu

    it = icu.BreakIterator.createWordInstance(icu.Locale(lang))
    it.setText(text)
    return frozenset((0, *it))


@functools.lru_cache(maxsize=8)
def _han_places(lang: str) -> re.Pattern | None:
    """Without PyICU (the optional ``icu`` extra) there are no word boundaries to find a place by: None."""
    if lang not in ("zh", "ja"):
        return None
    try:
        import icu  # noqa: F401 - the word boundaries of _word_bounds
        from babel import Locale
        from babel.core import get_global

        loc = Locale.parse(lang)
        names = set(_territory_names(lang))
        for zone in get_global("zone_territories"):
            city = (loc.time_zones.get(zone) or {}).get("city")
            if city:
                names.add(city)
    except Exception:  # noqa: BLE001 - no CLDR data for the locale: none
        return None
    han = [n for n in names if len(n) >= 2 and re.fullmatch("[\u3400-\u4dbf\u4e00-\u9fff]+", n)]
    if not han:
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(han, key=len, reverse=True)))


def _after_title_or_country(m, text: str, titles: tuple[str, ...], lang: str):  # noqa: ANN001, ANN202 - a match
    """A Han name joined by a middle dot, begun after a country name (CLDR) or a title that ends inside its first
    word ("法国让·雅克研究所": the run of four characters before the dot took 法国 and the 据 before it): the name
    begins after it."""
    first = m.group(0)[:next((k for k, ch in enumerate(m.group(0)) if not "\u3400" <= ch <= "\u9fff"), 0)]
    for k in range(1, len(first)):
        before = text[:m.start() + k]
        if any(len(w) >= 2 and before.endswith(w) for w in (*titles, *_territory_names(lang))):
            return _Cut(m.start() + k, m.end(), text)
    return m


HANGUL_RE = re.compile("[\uac00-\ud7a3]")
_HANGUL_WORD = re.compile("[\uac00-\ud7a3]+")


@functools.lru_cache(maxsize=8)
def _territory_names(lang: str) -> frozenset[str]:
    """Country and territory names of ``lang`` (CLDR via Babel): before a title they say whose president or
    minister it is ("미국 대통령"), they are no part of the person's name."""
    try:
        from babel import Locale

        return frozenset(Locale.parse(base_lang(lang)).territories.values())
    except Exception:  # noqa: BLE001 - unknown locale: none
        return frozenset()


def _final_consonant(syllable: str) -> bool:
    """A precomposed Hangul syllable that ends in a consonant (a batchim: Unicode's syllable order puts the 28
    possible finals, none first, last in each block)."""
    k = ord(syllable) - 0xAC00
    return 0 <= k < 11172 and k % 28 != 0


def _strip_particle(word: str, particles: tuple[str, ...], after: tuple[frozenset, frozenset] | None = None) -> str:
    """``word`` without a case or topic particle written onto its end ("존슨은" -> "존슨"), keeping at least two
    syllables (a one-syllable rest is more likely a word whose last syllable looks like a particle). ``after``:
    the particles that only follow a syllable ending in a consonant ("은", "이") and only a vowel ("는", "가"):
    in "라호이" the 이 is no particle, since 호 ends in a vowel."""
    for p in particles:  # longest first
        if word.endswith(p) and len(word) - len(p) >= 2:
            if after is not None:
                final = _final_consonant(word[-len(p) - 1])
                if (p in after[0] and not final) or (p in after[1] and final):
                    continue
            return word[: -len(p)]
    return word


def find_names_hangul(text: str, lang: str, segment: int = 0, known=None) -> list[NameSpan]:  # noqa: ANN001
    """Names in Hangul text, which has no capitals: the run of Hangul words (at most three, each of two
    syllables or more) right before a title of the language's ``names`` profile section ("보리스 존슨 총리는",
    "김민수 씨가"), the title itself and the particles written onto words left out; the words before the
    title stop at one that carries a particle, a title or a country name (CLDR: "미국 대통령" is the US
    president), except that one country name right before the title is passed over ("조 바이든 미국 대통령": the
    name is before it). Such a run is strong (a name, by its title). Hangul words without a title are not spans:
    nothing marks them as names. Latin words inside are read as English, as in Han and kana text."""
    from ..lang import profile

    section = profile(lang).section("names")
    titles = tuple(sorted(section.get("titles", ()), key=len, reverse=True))
    particles = tuple(sorted(section.get("particles", ()), key=len, reverse=True))
    by_final = (frozenset(section.get("after_consonant", ())), frozenset(section.get("after_vowel", ())))
    places = _territory_names(lang)
    words = list(_HANGUL_WORD.finditer(text))
    spans: list[NameSpan] = []

    def title_of(word: str) -> bool:
        return word in titles or _strip_particle(word, particles, by_final) in titles or any(
            word.startswith(t) and word[len(t):] in particles for t in titles)

    for k, m in enumerate(words):
        if k == 0 or not title_of(m.group(0)):
            continue
        run: list[Word] = []
        j = k - 1
        after = m.start()  # where the run must end (the title, or a country named before it)
        while j >= 0 and len(run) < 3:
            w = words[j]
            gap = text[w.end():(run[0].start if run else after)]
            if gap.strip():
                break  # punctuation or another script between the words
            bare = _strip_particle(w.group(0), particles, by_final)
            if run and bare != w.group(0):
                break  # "정부는 존슨 총리": a word with a particle ends the clause before the name
            if not run and after == m.start() and w.group(0) in places:
                after = w.start()  # "조 바이든 미국 대통령": the country says whose president; the name is before it
                j -= 1
                continue
            if title_of(w.group(0)) or bare in places or len(bare) < 2:
                break
            run.insert(0, Word(bare, w.start(), w.start() + len(bare)))
            if bare != w.group(0):
                break
            j -= 1
        if run:
            s, e = run[0].start, run[-1].end
            spans.append(NameSpan(segment, s, e, text[s:e], tuple(run), False, strong=True))
    for m in _LATIN_RUN.finditer(text):
        opening = bool(_UNSPACED_START.search(text[:m.start()]))
        for sp in _find_cased(m.group(0), "en", segment, known, opening):
            off = m.start()
            run_words = tuple(Word(w.text, w.start + off, w.end + off) for w in sp.words)
            spans.append(NameSpan(segment, sp.start + off, sp.end + off, sp.text, run_words, False,
                                  strong=any(word_is_strong(w.text, "en") for w in run_words)))
    return sorted(spans, key=lambda sp: sp.start)


_AMOUNT = re.compile(r"[$€£¥₫]|\d")  # run into a capitalised token ("US$5", "A4"): no name word


def _unprefixed(tok: Token, lang: str, begins: dict[int, int]) -> Token:
    """``tok`` less the prefixes written onto it (:func:`prefix_length`); ``begins`` learns where it began."""
    cut = prefix_length(tok.text, lang)
    if not cut:
        return tok
    begins[tok.start + cut] = tok.start
    return Token(tok.text[cut:], tok.start + cut, tok.end)


def _linked_nouns(toks: list[Token], begins: dict[int, int], text: str, lang: str) -> set[int]:
    """Starts of the capitalised words joined by a possessive concord of the profile's ``names.possessives``
    written onto the second ("iZakhiwo zoManyano", the Union Buildings; "iBhanki yeHlabathi", the World Bank;
    "uMbutho wezeMpilo", the health organisation): a noun phrase of ordinary nouns in title case, which a
    translation renders by its own words, not a person's or a place's name (weak: never a swapped name)."""
    from ..lang import profile

    possessives = profile(base_lang(lang)).section("names").get("possessives") or ()
    if not possessives:
        return set()
    alt = "|".join(sorted((re.escape(p) for p in possessives), key=len, reverse=True))
    pat = re.compile(rf"(?:{alt})(?:{_prefix_re(lang).pattern})?", re.IGNORECASE)  # ("weze": we + ze)
    out: set[int] = set()
    for prev, tok in zip(toks, toks[1:]):
        start = begins.get(tok.start)
        if start is None or not prev.cap or text[prev.end:start] != " " or not pat.fullmatch(text, start, tok.start):
            continue
        out.update((prev.start, tok.start))
    return out


def _find_cased(text: str, lang: str, segment: int = 0, known=None,  # noqa: ANN001
                opening: bool = True) -> list[NameSpan]:
    """Runs of capitalised words; ``opening``: ``text`` begins a sentence (False for a Latin run cut out of the
    middle of a Han or kana sentence)."""
    toks = tokens(text)
    generic = base_lang(lang) not in ("en", "vi")
    spans: list[NameSpan] = []
    run: list[Token] = []
    begins: dict[int, int] = {}  # a name's start -> the start of the word that carries its prefix ("uSipho")
    linked: set[int] = set()  # starts of words of a noun phrase in title case ("iZakhiwo zoManyano")
    if _prefix_re(lang) is not None:
        toks = [_unprefixed(t, lang, begins) for t in toks]
        linked = _linked_nouns(toks, begins, text, lang)

    def flush() -> None:
        while run and run[-1].text.lower() in CONNECTORS:
            run.pop()
        if run:
            first = begins.get(run[0].start, run[0].start)
            initial = (opening or first > 0) and bool(_SENT_START.search(text[:first])) \
                and not _after_title(text[:first])
            words = [w for t in run for w in _split_words(t, base_lang(lang))]
            if initial and len(words) == 1 and not word_is_strong(words[0].text, lang) and (
                    base_lang(lang) == "vi" or not (known and known(words[0].text))):
                pass  # "Earlier", "Hai": a sentence-initial common word
            else:
                if initial and not word_is_strong(words[0].text, lang) and not (known and known(words[0].text)) \
                        and base_lang(lang) == "en":
                    words = words[1:]  # "The United Nations" -> "United Nations"
                elif initial and generic and not is_acronym(words[0].text) and not (known and known(words[0].text)):
                    # any language: a capital that begins the sentence says nothing; the word stays, weak, so
                    # that it can still match a source name (and stand for a swapped one, see checks.names)
                    w0 = words[0]
                    if len(w0.text) >= 2:
                        spans.append(NameSpan(segment, w0.start, w0.end, w0.text, (w0,), True, strong=False))
                    words = words[1:]
                if words:
                    s, e = words[0].start, words[-1].end
                    weak = any(w.start in linked for w in words)
                    spans.append(NameSpan(segment, s, e, text[s:e], tuple(words), initial,
                                          strong=False if weak else None))
        run.clear()

    vi = base_lang(lang) == "vi"
    for i, tok in enumerate(toks):
        capital = tok.cap and any(c.isalpha() for c in tok.text) and tok.text != "I" and not _AMOUNT.match(text, tok.end)
        if run:  # (flush() of an empty run does nothing: only a run looks at the gap)
            gap = text[toks[i - 1].end:tok.start] if i else ""
            if gap.strip() or not gap:
                flush()
        if capital:
            run.append(tok)
        elif run and tok.text.lower() in CONNECTORS and not vi:
            run.append(tok)
        elif run:
            flush()
    flush()
    return spans
