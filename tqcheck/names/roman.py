"""Names across scripts: romanise with maintained transliteration, compare by sound.

"Boris Johnson", "Борис Джонсон", "ボリス・ジョンソン" and "鲍里斯·约翰逊" are one name. Each is romanised
(pypinyin for Han in Chinese text, anyascii for every other script: Cyrillic, Greek, Arabic, kana, Hangul),
then reduced to a *sound key*: consonant classes only, in order, vowels dropped (l/r, b/p/f/v/w, s/z/sh/x,
k/g/c/q, t/d, m/n are one class each, since kana, Han and Cyrillic writers render them into one another).
Two keys are compared by normalised Indel similarity (rapidfuzz). The comparison is lenient on purpose: a
name wrongly taken for the same only loses a finding, a name wrongly taken for different makes a false alarm.

:func:`find_sound` searches a piece of text for a name: every word n-gram in spaced scripts, every run of up
to a few characters in Han or kana text.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, replace

from .. import surface
from ..memo import text_cache
from .text import base_lang, clitic_re

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = r"\u30a0-\u30ff\u3040-\u309f\u31f0-\u31ff\uff66-\uff9f"
HAN_RE = re.compile(f"[{_HAN}]")
KANA_RE = re.compile(f"[{_KANA}]")
_UNSPACED_RUN = re.compile(f"[{_HAN}{_KANA}·・･‧]+")
_HAN_RUNS = re.compile(f"[{_HAN}]+")
# a word of a spaced script (letters and combining marks: Python's \\w alone cuts Devanagari at its vowel signs)
_SPACED_WORD = re.compile(f"{surface.LETTER}+(?:['’\\-]{surface.LETTER}+)*")
# a letter that has no case and is not of a script written without spaces (Han, kana, Thai, Khmer...)
_CASELESS_SCRIPT = re.compile(f"(?![{surface.UNSPACED_CLASS}])[^\\W\\d_a-zA-Z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f]")


def _is_caseless(word: str) -> bool:
    """Every letter of ``word`` is of a script without capitals and with spaces between words."""
    return not surface.UNSPACED.search(word) and not _HANGUL_RE.search(word) \
        and all(c.upper() == c.lower() for c in word if c.isalpha())  # (Hangul has its own pieces, below)

_SMALL_Y = {"ャ": "ya", "ュ": "yu", "ョ": "yo", "ゃ": "ya", "ゅ": "yu", "ょ": "yo"}
_SMALL_V = {"ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o", "ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e",
            "ぉ": "o"}
MIDDLE_DOTS = "·・･‧•"


def _anyascii(text: str) -> str:
    from anyascii import anyascii

    return anyascii(text)


@functools.lru_cache(maxsize=65536)
def _han_syllable(char: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(char, style=Style.NORMAL, errors="ignore")[0] if HAN_RE.match(char) else ""


def _kana(text: str) -> str:
    """Kana to Hepburn-like romaji: anyascii per character, small ya/yu/yo and small vowels merged into
    the syllable before (ジョ jo, キャ kya, フィ fi), the small tsu doubling the next consonant, ー dropped."""
    out: list[str] = []
    double = False
    for ch in text:
        if ch in _SMALL_Y and out:
            prev = out.pop()
            base = prev[:-1] if prev.endswith("i") else prev
            y = _SMALL_Y[ch]
            out.append(base + (y[1:] if base.endswith(("j", "sh", "ch")) else y))
            continue
        if ch in _SMALL_V and out:
            prev = out.pop()
            if prev == "u":  # ウィ wi, ウェ we, ウォ wo (Whittaker ウィテカー, Wales ウェールズ): the u is a w
                out.append("w" + _SMALL_V[ch])
                continue
            out.append((prev[:-1] if prev[-1:] in "aiueo" else prev) + _SMALL_V[ch])
            continue
        if ch in "ッっ":
            double = True
            continue
        if ch in "ーｰ":
            continue
        r = _anyascii(ch).lower()
        if double and r[:1].isalpha():
            r = r[0] + r
        double = False
        out.append(r)
    return "".join(out)


@functools.lru_cache(maxsize=1)
def _kakasi():  # noqa: ANN202 - a pykakasi.Kakasi, or None when pykakasi is not installed
    try:
        import pykakasi
    except ImportError:
        return None
    return pykakasi.kakasi()


def kanji_readable() -> bool:
    """Japanese kanji can be read (pykakasi's dictionary of readings is installed)."""
    return _kakasi() is not None


@text_cache(maxsize=16384)
def kanji_words(run: str) -> tuple[tuple[str, str], ...]:
    """A run of Japanese text cut into words with their Hepburn readings by pykakasi's dictionary
    (山下瑞貴 -> 山下 yamashita, 瑞貴 mizuki); empty without pykakasi."""
    k = _kakasi()
    if k is None:
        return ()
    return tuple((w["orig"], re.sub(r"[^a-z]+", "", w["hepburn"].lower())) for w in k.convert(run) if w["orig"])


# Ukrainian's national romanisation (Cabinet of Ministers resolution 55 of 2010) and Belarusian's (the 2007
# instruction, adopted by the UN in 2013) write г as h; ґ stays g.
_H_FOR_GHE = ("uk", "be")
_GHE_TO_H = str.maketrans({"г": "h", "Г": "H"})


_GERESH = {"\u05d2": "j", "\u05e6": "ch", "\u05e5": "ch", "\u05d6": "zh"}


# Modern Greek writes the b, d, g, j and u of foreign names with two letters (Μπόρις Boris, Ντόναλντ Donald,
# Γκέιτς Gates, Τζόνσον Johnson, Ουάσιγκτον Washington), which anyascii reads letter by letter (mp, nt, gk, tz,
# oy); η, υ, ει, οι are all i. The sound rules of ISO 843 / ELOT 743's phonetic notes, not a list of names.
# At a word's start μπ, ντ are b, d; inside it mb, nd (Τραμπ Trump, Σάντσεθ Sánchez); γκ is a hard g (νγκ: ng).
_GREEK_INITIAL = re.compile(r"(?<![^\W\d_])(μπ|ντ|γκ)")
_GREEK_SOUNDS = (("μπ", "mp"), ("ντ", "nt"), ("νγκ", "ng"), ("γκ", "gh"), ("γγ", "ng"), ("τζ", "j"), ("τσ", "ts"),
                 ("ου", "u"), ("αυ", "av"), ("ευ", "ev"), ("ει", "i"), ("οι", "i"), ("η", "i"), ("υ", "i"))


def _greek_sounds(text: str) -> str:
    """``text`` with its Greek letters lower-cased and the modern sounds above written in Latin letters; an accent
    on the first of two vowels keeps them apart ("άι" in Μπάιντεν is a-i), so accents go only after that."""
    text = text.lower()
    for a, b in (("άι", "ai"), ("έι", "ei"), ("όι", "oi"), ("άυ", "ai"), ("έυ", "ei"), ("όυ", "oi")):
        text = text.replace(a, b)
    text = surface.strip_marks(text)
    text = _GREEK_INITIAL.sub(lambda m: {"μπ": "b", "ντ": "d", "γκ": "gh"}[m.group(1)], text)
    for a, b in _GREEK_SOUNDS:
        text = text.replace(a, b)
    return text


@text_cache(maxsize=65536)
def romanise(text: str, lang: str = "") -> str:
    """Lower-case ASCII letters (and spaces) for ``text`` in any script (once per text and language: the name
    rules romanise the same names and words many times)."""
    text = unicodedata.normalize("NFKC", text)
    if lang[:2] in _H_FOR_GHE:  # Ukrainian and Belarusian г is h (Гамільтон, Г'юз), anyascii writes the Russian g
        text = text.translate(_GHE_TO_H)
    if "\u05d5" in text:  # Hebrew vav: in a foreign name mostly the vowel o or u (מקרון Macron, שולץ Scholz),
        # which anyascii writes as the consonant v; written as the glide w it is dropped from the sound key, and
        # name_keys also tries it as a v (ולדימיר Vladimir). A doubled vav is the consonant v (or w).
        text = text.replace("\u05d5\u05d5", "v").replace("\u05d5", "w")
    if "\u05f3" in text or "'" in text:  # Hebrew geresh after gimel, tsadi, zayin: the foreign sounds j, ch, zh
        # (ג'ו ביידן Joe Biden, צ'רצ'יל Churchill, ז'אק Jacques)
        text = re.sub("([\u05d2\u05e6\u05e5\u05d6])['\u05f3]", lambda m: _GERESH[m.group(1)], text)
    if surface.GREEK.search(text):
        text = _greek_sounds(text)
    if lang.startswith("ja") and HAN_RE.search(text) and kanji_readable():  # kanji read as words (高橋 takahashi)
        text = _HAN_RUNS.sub(lambda m: " " + " ".join(r for _, r in kanji_words(m.group(0))) + " ", text)
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(_kana("".join(buf)))
            buf.clear()

    for ch in text:
        if KANA_RE.match(ch) and ch not in MIDDLE_DOTS:  # (the katakana middle dot ・ is a kana code point)
            buf.append(ch)
            continue
        flush()
        if HAN_RE.match(ch):
            out.append(_han_syllable(ch) if lang.startswith("zh") or not lang else _anyascii(ch).lower())
        elif ch in MIDDLE_DOTS:
            out.append(" ")
        else:
            out.append(_anyascii(ch).lower())
    flush()
    return re.sub(r"[^a-z ]+", "", " ".join("".join(out).split()))


# Consonant classes. Digraphs first; a vowel or h alone is dropped; y before a vowel at a word start is j-like
# only in pinyin, which maps it separately.
# Spelling to sound, in order (S stands for every sibilant, K for every velar, ...): digraphs first, then c
# and g before e/i/y (soft) or elsewhere (hard); w is a glide and dropped.
_DIGRAPHS = (("dzh", "S"), ("tch", "S"), ("sch", "S"), ("zh", "S"), ("sh", "S"), ("ch", "S"), ("ph", "P"),
             ("th", "T"), ("kh", "K"), ("ck", "K"), ("ts", "S"), ("tz", "S"), ("dz", "S"), ("gh", "K"),
             ("ng", "N"), ("qu", "K"), ("x", "KS"))
_PINYIN = (("zh", "S"), ("ch", "S"), ("sh", "S"), ("ng", "N"), ("x", "S"), ("q", "S"), ("c", "S"), ("z", "S"),
           ("j", "S"))
_VIETNAMESE = (("ngh", "N"), ("ng", "N"), ("nh", "N"), ("ch", "S"), ("tr", "S"), ("th", "T"), ("ph", "P"),
               ("kh", "K"), ("gi", "S"), ("qu", "K"), ("x", "S"), ("đ", "T"))
_CLASS = {"b": "P", "p": "P", "f": "P", "v": "P", "m": "N", "n": "N", "l": "R", "r": "R",
          "s": "S", "z": "S", "c": "K", "j": "S", "g": "K", "k": "K", "q": "K", "d": "T", "t": "T",
          "h": "K"}  # h is written Х/Г in Cyrillic, ハ in kana, h in pinyin: a velar for all


def _word_key(w: str, spelling: str) -> str:
    table = {"pinyin": _PINYIN, "vi": _VIETNAMESE}.get(spelling, _DIGRAPHS)
    if spelling == "":
        w = re.sub(r"^mc", "mk", w)
        w = re.sub(r"c(?=[eiy])|g(?=[ei]|y(?![aou]))", "S", w)  # (gya, gyu, gyo: a hard g and a glide, as
        # kana's ギャ, ギュ, ギョ are romanised: ギャロウェイ gyarowei is Galloway)
    for a, b in table:
        w = w.replace(a, b)
    w = w.replace("w", "")  # a glide: Wiley / Уайли / ワイリー (name_keys also tries it as a v: Вайоминг)
    if spelling in ("", "ko") and len(w) > 1:
        w = w[0] + w[1:].replace("h", "")  # h inside a word is mostly silent (Tottenham), a velar only first
    key = "".join(ch if ch.isupper() else _CLASS.get(ch, "") for ch in w)
    return re.sub(r"(.)\1+", r"\1", key)


@functools.lru_cache(maxsize=65536)
def sound_key(roman: str, spelling: str = "") -> str:
    """Consonant classes of a romanised name, word by word, joined: 'boris johnson' -> 'PRSSNSN'.
    ``spelling`` is "pinyin" for romanised Chinese, "vi" for Vietnamese spelling, "" otherwise."""
    return "".join(_word_key(w, spelling) for w in roman.split())


_HANGUL_RE = re.compile("[\uac00-\ud7a3]")
_HANGUL_WORDS = re.compile("[\uac00-\ud7a3]+")


def spelling_of(text: str, lang: str) -> str:
    """``pinyin`` for Chinese in Han, ``vi`` for Vietnamese, ``ko`` for Hangul (romanised syllable by syllable,
    its g is always hard: 경 gyeong is Kyung, not a soft g), "" otherwise."""
    if lang.startswith("zh") and HAN_RE.search(text):
        return "pinyin"
    if _HANGUL_RE.search(text):
        return "ko"
    return "vi" if lang.startswith("vi") else ""


@text_cache(maxsize=65536)
def name_key(text: str, lang: str = "") -> str:
    """The sound key of a name written in any script."""
    if _HANGUL_NAME.fullmatch(text):
        return _hangul_key(text)
    return sound_key(romanise(text, lang), spelling_of(text, lang))


_HANGUL_NAME = re.compile("[\uac00-\ud7a3]+(?:[ ·][\uac00-\ud7a3]+)*")


def _hangul_key(text: str) -> str:
    """The sound key of a name in Hangul, syllable by syllable (anyascii's Revised Romanisation of each): a
    syllable's final ng stays its own (반기문 is ban-gi-mun, not bangimun), its g is hard, and an h that begins a
    syllable inside a word is dropped, as English spellings of Korean names join or hyphenate those syllables
    (강경화 / Kang Kyung-wha, whose h sits inside a word once romanised)."""
    key = []
    for word in re.split("[ ·]", text):
        syllables = []
        for k, syl in enumerate(word):
            r = _anyascii(syl).lower()
            if k and r.startswith("h"):
                r = r[1:]
            syllables.append(_word_key(r.replace("ng", "N").replace("ch", "S"), "ko"))
        key.append(re.sub(r"(.)\1+", r"\1", "".join(syllables)))  # (each word, as sound_key does)
    return "".join(key)


# Slavic languages whose locative and dative endings turn a stem's last velar into a sibilant (the second
# palatalisation: Praha -> v Praze, Riga -> v Rize, Рига -> в Ризі, Ryga -> w Rydze, Amerika -> v Americe,
# Америка -> в Америці), see tqcheck/data/SOURCES.md; Russian keeps the velar (в Риге)
_PALATALISING = frozenset({"cs", "sk", "pl", "uk", "be", "hr", "sr", "bs", "sl"})
_PALATALISED = re.compile(r"(?<=[aeiouy])(dz|ts|sz|sh|z|c|s)(?:e|i|ie|y)$")  # (romanised, at the end of a name)
_VELAR_OF = {"dz": "g", "z": "g", "ts": "k", "c": "k", "sz": "ch", "sh": "kh", "s": "kh"}


def velar_forms(word: str, lang: str) -> list[str]:
    """``word`` romanised with the velar its Slavic locative or dative ending replaced, and the nominative's
    -a ("Rize" -> "riga", "Ризі" -> "riga", "Americe" -> "amerika"); [] outside :data:`_PALATALISING` or where
    the word does not end so."""
    if base_lang(lang) not in _PALATALISING:
        return []
    roman = romanise(word, lang) if not word.isascii() else word.lower()
    m = _PALATALISED.search(roman)
    return [roman[:m.start(1)] + _VELAR_OF[m.group(1)] + "a"] if m and m.start(1) >= 2 else []


_KATAKANA_CHI_TSU = re.compile("[チツ]")


def _kana_keys(text: str, lang: str) -> tuple[str, ...]:
    """The sound key of a kana word, and where it has チ or ツ also the key with a t there: they write a foreign
    t before i and u (Putin / プーチン, Tours / ツール) as well as ch and ts."""
    key = name_key(text, lang)
    roman = romanise(text, lang)
    if not key or not _KATAKANA_CHI_TSU.search(text) or ("chi" not in roman and "tsu" not in roman):
        return (key,) if key else ()
    return tuple(dict.fromkeys((key, sound_key(roman.replace("chi", "ti").replace("tsu", "tu"), ""))))


@text_cache(maxsize=65536)
def name_keys(text: str, lang: str = "", cjk: bool = False) -> tuple[str, ...]:
    """The sound keys of a name: English w is a glide in some scripts (Уайли) and a v in others (Вайоминг).
    ``cjk``: the name is looked for in Chinese, Japanese or Korean text, whose transliterations also read ch
    as k and may drop the r of a final -er (Michael Schumacher / 迈克尔·舒马赫)."""
    key = name_key(text, lang)
    roman = romanise(text, lang)
    if spelling_of(text, lang) != "":
        return (key,)
    alts = [key]
    if "w" in roman:
        alts.append(sound_key(roman.replace("w", "v"), ""))
    if "th" in roman:  # th is a t in most scripts, an s in kana (Smith / スミス, Adityanath / アディツアナス)
        alts.append(sound_key(roman.replace("th", "s"), ""))
    if "ch" in roman:  # ch is the velar kh in Czech, Polish, German, Slovak (Fachfácha / Fakhfakh, Bach / Бах)
        alts.append(sound_key(roman.replace("ch", "kh"), ""))
    if re.search(r"(?<=[aeiou])h(?=[aeiouy])", roman):
        # an h between vowels, which the key drops as English spelling leaves it silent, is the velar kh or g of
        # Cyrillic and other scripts' transliterations (Tahoe / Тахо, Bahamas / Багамы, Sahara / Сахара)
        alts.append(sound_key(re.sub(r"(?<=[aeiou])h(?=[aeiouy])", "kh", roman), ""))
    for form in velar_forms(roman, lang):  # "v Praze", "v Rize", "в Ризі": the velar of Praha, Riga
        alts.append(sound_key(form, ""))
    alts.extend(_kana_keys(text, lang)[1:])
    if not cjk:
        return tuple(dict.fromkeys(alts))
    # ch is a k or a velar fricative in many names (Michael / 迈克尔, Schumacher / 舒马赫 / シューマッハ), and a
    # final -er is often written without its r by Chinese and kana transliterators (Schumacher, Peter / 彼得)
    hard = re.sub(r"(?<!s)ch", "k", roman) if re.search(r"(?<!s)ch", roman) else roman
    for r in dict.fromkeys((hard, re.sub(r"(?<=e)r\b", "", hard), re.sub(r"(?<=e)r\b", "", roman))):
        if r != roman:
            alts.append(sound_key(r, ""))
    return tuple(dict.fromkeys(alts))


def same_sound(a: str, b: str, endings: bool = False) -> bool:
    """Two sound keys are close enough to be one name written in two scripts. ``endings``: the longer may
    carry a case ending (Тартуских for Tartu); otherwise a longer name that starts with the other is another
    name (Peterson is not Peter; one more class is still an inflection: Johnsonovi)."""
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short) and len(short) >= 1:
        extra = len(long_) - len(short)
        return extra <= 1 or (endings and extra <= 2 and len(short) >= 2) or (endings and extra <= 3 and len(short) >= 5)
    if len(short) <= 2:
        return False
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(a, b) >= 0.74


_DOTS = "·・･‧=＝"
_KATAKANA_WORDS = re.compile(f"[\u30a1-\u30fa\u30fc]+(?:[{_DOTS}][\u30a1-\u30fa\u30fc]+)*")
_HAN_RUN = re.compile(f"[{_HAN}·・]+")


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    key: str
    whole: bool = True  # a whole word (False: any run of Han characters, matched more strictly)
    words: int = 0  # how many space-separated words (0: not counted, Han and kana)
    caseless: bool = False  # any word run of a script without capitals (not a capitalised word): matched more strictly
    exact: bool = False  # found by find_sound with exactly the sound of the name's last words (a title left out)
    kanji: bool = False  # kanji words read by pykakasi (a Japanese name's own script)


def _word_runs(words: list[re.Match], text: str, max_words: int) -> list[tuple[int, int, int]]:
    """Start, end and word count of every run of up to ``max_words`` consecutive ``words`` that nothing but
    spaces or hyphens separates."""
    out = []
    for i in range(len(words)):
        for j in range(i, min(len(words), i + max_words)):
            if j > i and text[words[j - 1].end():words[j].start()].strip(" -"):
                break
            out.append((words[i].start(), words[j].end(), j - i + 1))
    return out


@text_cache(maxsize=4096)
def pieces(text: str, lang: str, max_words: int = 4, max_chars: int = 10, cjk: bool = False) -> tuple[Piece, ...]:
    """Candidate name spellings in ``text`` with their sound keys: capitalised word n-grams (up to
    ``max_words``) in cased text, katakana words (whole, joined by middle dots), and in Chinese any run of up to
    ``max_chars`` Han characters. ``cjk``: the name looked for is written in Chinese, Japanese or Korean, so
    Latin words get the keys of :func:`name_keys` for such text too."""
    out: list[Piece] = []
    words = [m for m in re.finditer(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", text)
             if not _UNSPACED_RUN.fullmatch(m.group(0)) and m.group(0)[:1].isupper()]  # cased: capitals only
    for s, e, n in _word_runs(words, text, max_words):
        keys = name_keys(text[s:e], lang, cjk)
        if cjk and spelling_of(text[s:e], lang) == "":  # read without an r no vowel follows (George / ジョージ)
            keys = (*keys, *(k for k in non_rhotic_keys(text[s:e], lang) if k not in keys))
        for k in keys:
            if k:
                out.append(Piece(s, e, k, True, n))
    # scripts without capitals but with spaces (Devanagari, Arabic, Hebrew, Georgian...): any run of up to
    # ``max_words`` words not cut by punctuation may be a name; the search then needs its sound to match
    if _CASELESS_SCRIPT.search(text):
        caseless = [m for m in _SPACED_WORD.finditer(text) if _is_caseless(m.group(0))]
        clitic = clitic_re(lang)
        first_end = {m.start(): m.end() for m in caseless}
        for s, e, n in _word_runs(caseless, text, max_words):
            starts = [s]
            m = clitic.match(text, s) if clitic is not None else None
            if m and first_end[s] - m.end() >= 2 and e - m.end() >= 3:  # the same run without the one-letter
                starts.append(m.end())  # words written onto its first word ("בדונבאס": ב, in, + Donbas; "בתל אביב")
            for start in starts:
                for k in name_keys(text[start:e], lang, cjk):
                    if k:
                        out.append(Piece(start, e, k, True, n, caseless=True))
    for run in _KATAKANA_WORDS.finditer(text):  # katakana words are whole: no substrings
        ws = [(m.start() + run.start(), m.end() + run.start()) for m in re.finditer(f"[^{_DOTS}]+", run.group(0))]
        for i in range(len(ws)):
            for j in range(i, min(len(ws), i + max_words)):
                for k in _kana_keys(text[ws[i][0]:ws[j][1]], lang):
                    out.append(Piece(ws[i][0], ws[j][1], k, True))
    if _HANGUL_RE.search(text):  # Hangul words (no capitals) and runs of them, with and without the particle
        from ..lang import profile  # written onto the last one ("존슨은": 존슨)

        names = profile("ko").section("names")
        particles = sorted(names.get("particles", ()), key=len, reverse=True)
        titles = set(names.get("titles", ()))

        def bare(word: str) -> str:
            return next((word[:-len(p)] for p in particles if word.endswith(p) and len(word) - len(p) >= 2), word)

        # (a title is no name: 대통령 would sound like Macron)
        hw = [m for m in _HANGUL_WORDS.finditer(text) if bare(m.group(0)) not in titles]
        for i in range(len(hw)):
            for j in range(i, min(len(hw), i + max_words)):
                if j > i and text[hw[j - 1].end():hw[j].start()].strip():
                    break
                last = hw[j].group(0)
                cut = len(bare(last))
                for end in {hw[j].end(), hw[j].start() + cut}:
                    k = name_key(text[hw[i].start():end], lang)
                    if k:
                        out.append(Piece(hw[i].start(), end, k, True, j - i + 1))
    if lang.startswith("ja") and kanji_readable():  # kanji words and pairs of them (山下 瑞貴: a full name)
        for run in _HAN_RUNS.finditer(text):
            ws, pos = [], run.start()
            for orig, reading in kanji_words(run.group(0)):
                ws.append((pos, pos + len(orig), reading))
                pos += len(orig)
            for i in range(len(ws)):
                for j in range(i, min(len(ws), i + 2)):
                    k = sound_key(" ".join(w[2] for w in ws[i:j + 1]), "")
                    if k:
                        out.append(Piece(ws[i][0], ws[j][1], k, True, kanji=True))
    if lang.startswith("zh"):
        from ..lang import profile

        stops = profile(lang).section("names").get("not_in_names", "")
        han_run = re.compile(f"(?:[^\\W\\d_{re.escape(stops)}a-zA-Z]|[·・])+") if stops else _HAN_RUN
        for run in han_run.finditer(text):  # Chinese: any run of characters (names are not delimited), cut at
            # characters that names never use
            chars = run.group(0)
            syl = [(romanise(c, lang) if c not in MIDDLE_DOTS else " ") for c in chars]
            for i in range(len(chars)):
                if chars[i] in MIDDLE_DOTS:
                    continue
                for j in range(i + 1, min(len(chars), i + max_chars) + 1):
                    if chars[j - 1] in MIDDLE_DOTS:
                        continue
                    k = sound_key(" ".join(syl[i:j]), "pinyin")
                    if k:
                        out.append(Piece(run.start() + i, run.start() + j, k, False))
    return tuple(out)


def cjk_lang(lang: str) -> bool:
    return lang.split("-")[0].lower() in ("zh", "ja", "ko")


@text_cache(maxsize=65536)
def find_sound(name: str, name_lang: str, text: str, text_lang: str, endings: bool = False,
               strict: bool = False, same_words: bool = False, extra: int = 1) -> Piece | None:
    """Where ``text`` holds ``name`` written by sound in its own script (None when it does not). ``strict``: the
    same key, or the key and a case ending (for a search over a whole document, where near keys abound).
    ``same_words``: as many words as the name (between two Latin-script languages a transliteration keeps
    them: Einstein / Anh-xtanh, but America is not New York). ``extra``: with ``strict``, how many consonant
    classes a case or adjective ending may add (Tver / Тверскую: two)."""
    best: tuple[float, Piece] | None = None
    for key in name_keys(name, name_lang, cjk_lang(text_lang)):
        if key:
            found = _find_key(key, n_words_of(name), text, text_lang, endings, strict, same_words,
                              name if same_words or is_latin(name) else "", extra, cjk_lang(name_lang), name_lang)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
    if cjk_lang(text_lang) and spelling_of(name, name_lang) == "":
        # transliterators who follow British pronunciation drop an r after a vowel that no vowel follows
        # (Arthur / 阿瑟 / アーサー, George / ジョージ, Carter / カーター): the name read so is found in whole words
        # (katakana) and in Han runs only as a full name written with its middle dot (a short key found in any
        # run of Han characters would match too much)
        keys = name_keys(name, name_lang, True)
        for key in non_rhotic_keys(name, name_lang):
            if key in keys:
                continue
            found = _find_key(key, n_words_of(name), text, text_lang, endings, strict, same_words,
                              name if same_words or is_latin(name) else "", extra, cjk_lang(name_lang), name_lang,
                              dotted=True)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
    words = name.split()
    if len(words) >= 3 and (best is None or best[0] < 1.0):  # a title or epithet the span took in (Chancellor
        # Olaf Scholz, Turkish President Recep Tayyip Erdoğan): the name may be its last two or more words, found
        # with their exact sound where the whole span was found only by a near one (or not at all)
        for k in range(1, len(words) - 1):
            rest = " ".join(words[k:])
            p = find_sound(rest, name_lang, text, text_lang, endings, strict, same_words, extra)
            if p is not None and p.key in name_keys(rest, name_lang, cjk_lang(text_lang)):
                return replace(p, exact=True)
            if p is not None and best is None:
                return p
        # ... or a generic noun after it that the other side translates (the Rio de Janeiro Olympics /
        # リオデジャネイロ五輪): the name may be its first two or more words, found with their exact sound
        for k in range(len(words) - 1, 1, -1):
            head = " ".join(words[:k])
            p = find_sound(head, name_lang, text, text_lang, endings, strict, same_words, extra)
            if p is not None and p.key in name_keys(head, name_lang, cjk_lang(text_lang)):
                return replace(p, exact=True)
    return best[1] if best else None


_NON_RHOTIC_R = re.compile(r"(?<=[aeiouy])r+(?![aeiouy])")


@functools.lru_cache(maxsize=65536)
def non_rhotic_keys(name: str, lang: str) -> tuple[str, ...]:
    """The sound keys of a Latin name without the r that follows a vowel and no vowel follows (th also as s,
    ch also as k, as :func:`name_keys` reads them for CJK text)."""
    roman = romanise(name, lang)
    forms = (roman, roman.replace("th", "s"), re.sub(r"(?<!s)ch", "k", roman))
    keys = [sound_key(_NON_RHOTIC_R.sub("", f), "") for f in dict.fromkeys(forms) if _NON_RHOTIC_R.search(f)]
    return tuple(k for k in dict.fromkeys(keys) if k)


def clear_caches() -> None:
    """Forget every memoised romanisation and search (for tests that swap the transliteration libraries)."""
    for f in (romanise, name_key, name_keys, find_sound, pieces, sound_key, kanji_words, _han_syllable,
              non_rhotic_keys):
        f.cache_clear()


def is_latin(text: str) -> bool:
    """Every letter of ``text`` is a Latin letter (a name kept in Latin script inside Chinese or Russian text
    is compared by its letters as between two Latin-script languages)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def _respell(roman: str) -> str:
    """Spelling-neutral letters: ph/f, c/k/q, w/v, z/s, doubled letters (Moscow / Moskau / Moskva)."""
    w = roman.replace(" ", "").replace("ph", "f").replace("q", "k").replace("c", "k").replace("w", "v")
    return re.sub(r"(.)\1+", r"\1", w.replace("z", "s"))


_SYLLABLE_HYPHENS = re.compile(r"\w+(?:[-‐‑]\w+)+")


def _letters_close(a: str, b: str) -> float:
    """Indel similarity of two spellings made spelling-neutral (:func:`_respell`), also with "ts" written "c" as
    Czech, Polish and German transliterations write it (Cichanouská / Tsikhanouskaya)."""
    from rapidfuzz.distance import Indel

    ra, rb = romanise(a).replace(" ", ""), romanise(b).replace(" ", "")
    return max(Indel.normalized_similarity(_respell(ra), _respell(rb)),
               Indel.normalized_similarity(_respell(ra.replace("ts", "c")), _respell(rb.replace("ts", "c"))))


_SURNAME = 0.7  # letters the last words of two spellings of one name of several words share at least
_LONG = 7  # ... and two spellings of seven letters or more (spelling-neutral) of as many words, whole


def _letters_alike_enough(a: str, b: str, fa: str, fb: str) -> bool:
    """Two spellings (``fa``, ``fb``: made spelling-neutral) share enough letters to be one name: 0.55 of them
    (Indel), where either is short, where they begin alike (Bretagne / Britain, 0.67) or where one has more words
    or hyphen-joined parts ("Grande-Bretagne" holds "Britain"); two long ones of as many words need ``_SURNAME``
    (:func:`_letters_close`): long spellings share many letters by chance (Marčenko / Reznikov, 0.62), while
    Lukašenko / Lukashenko, Nasarbajew / Nazarbayev and Cichanouská / Tsikhanouskaya are 0.8 or more."""
    from rapidfuzz.distance import Indel

    parts = [re.split(r"[\s\-‐‑]+", romanise(x).strip()) for x in (a, b)]
    lenient = min(len(fa), len(fb)) < _LONG or fa[:1] == fb[:1] or len(parts[0]) != len(parts[1])
    if lenient:
        return Indel.normalized_similarity(fa, fb) >= 0.55
    return _letters_close(a, b) >= _SURNAME


def _other_surname(wa: list[str], wb: list[str]) -> bool:
    """Two names of as many words, two or more (romanised), whose last words (the surnames) are not one: they
    begin with other letters and share under ``_SURNAME`` of theirs (Serhij Marčenko / Oleksij Reznikow are 0.55
    alike as wholes, their surnames 0.62)."""
    return len(wa) == len(wb) >= 2 and _respell(wa[-1])[:1] != _respell(wb[-1])[:1] \
        and _letters_close(wa[-1], wb[-1]) < _SURNAME


def spelled_alike(a: str, b: str, lang_a: str = "", lang_b: str = "") -> bool:
    """Two Latin-script spellings of one name: their letters are close, not only their consonant classes (between
    two Latin-script languages a name is kept or respelt, Moscow / Moskau / Moskva, so Okafor is not Humphrey
    and Pan Xin is not Phan Tam though their consonant classes are alike). A name written as hyphen-joined
    syllables (Vietnamese transliteration: Anh-xtanh for Einstein, Mát-xcơ-va for Moscow) keeps only its sound,
    so its consonant classes are evidence enough. A compound sharing the other's last four letters is alike
    too (Iceland / Norðurlands). Long spellings need closer letters, and two names of several words close
    surnames (:func:`_letters_alike_enough`, :func:`_other_surname`)."""
    from rapidfuzz.distance import Indel

    if _SYLLABLE_HYPHENS.search(a) or _SYLLABLE_HYPHENS.search(b):
        return True
    fa, fb = _respell(romanise(a)), _respell(romanise(b))
    wa, wb = romanise(a).split(), romanise(b).split()
    if _letters_alike_enough(a, b, fa, fb) and not _other_surname(wa, wb):
        return True
    if any(Indel.normalized_similarity(_respell(f), fb) >= 0.55 for f in velar_forms(a, lang_a)) or any(
            Indel.normalized_similarity(fa, _respell(f)) >= 0.55 for f in velar_forms(b, lang_b)):
        return True  # a Slavic case form with its velar changed ("v Rize" / "Riga")
    if len(wa) == len(wb) >= 2 and all(len(sound_key(x)) >= 2 and sound_key(x) == sound_key(y) for x, y in zip(wa, wb)):
        return True  # a name of two words or more transliterated by sound, word by word the same consonants
        # (Hichem Mechichi / Hišám Mašíší in Czech)
    short, long_ = sorted((fa, fb), key=len)
    return len(short) >= 5 and short[-4:] in long_  # a compound's last part (Iceland / Austurlandi: -land)


# A romanised Japanese word (Hepburn, Kunrei or the common spellings of names): syllables of an optional consonant
# or digraph and a vowel, the syllabic n, and a doubled consonant before its twin (Hattori, Matsumoto, Itchō)
_JAPANESE_WORD = re.compile(r"(?:(?:[kgsztdnhbpmrwfjy]|sh|ch|ts|[kgnhbpmr]y)?[aeiou]|n|[kstpgbdz](?=[kstpgbdz])|t(?=ch))+")


def japanese_spelling(name: str) -> bool:
    """A word of the Latin ``name`` can be read as romanised Japanese (Yamashita, Ōno, Ohno, Itō; Hamamatsu of
    Hamamatsu Johoku Tech), so it may be written in kanji; Minneapolis, George Floyd or Xi cannot (no l, no
    final consonant but n, no x)."""
    words = re.findall(r"[a-z]+", _anyascii(name).lower())
    return any(_JAPANESE_WORD.fullmatch(re.sub(r"(?<=o)h(?![aeiou])", "", w)) for w in words)


def n_words_of(name: str) -> int:
    return len(name.split())


def _find_key(key: str, n_words: int, text: str, text_lang: str, endings: bool, strict: bool,
              same_words: bool, spelling: str = "", extra: int = 1, cjk: bool = False,
              spelling_lang: str = "", dotted: bool = False) -> tuple[float, Piece] | None:
    from rapidfuzz.distance import Indel

    best: tuple[float, Piece] | None = None
    for p in pieces(text, text_lang, cjk=cjk):
        if dotted and not p.whole and not any(d in text[p.start:p.end] for d in MIDDLE_DOTS):
            continue  # (in a Han run, only a full name written with its middle dot)
        if same_words and p.words and p.words != n_words:
            continue
        if len(p.key) == 1 and len(key) >= 2:
            continue  # one consonant class (a single kanji: 万 for Nadu) cannot stand for a longer name
        if spelling and is_latin(text[p.start:p.end]) \
                and not spelled_alike(spelling, text[p.start:p.end], spelling_lang, text_lang):
            continue
        if spelling and p.kanji and not japanese_spelling(spelling) and not spelling.replace("-", "").isupper():
            continue  # Japanese writes a foreign name in katakana: only a name spelt as Japanese is read in kanji
            # (an acronym may stand for a name written out in kanji, KCNA / 朝鮮中央通信社: left to the readings)
        if p.caseless and (len(p.key) < len(key) or (len(key) <= 3 and p.key != key)):
            continue  # any run of caseless words is a candidate: it may add a case ending, not lack a consonant
        if strict and not (p.key == key or (p.whole and p.key.startswith(key) and len(p.key) - len(key) <= extra
                                             and len(key) >= 3)):
            continue
        if same_sound(key, p.key, endings and p.whole):
            score = Indel.normalized_similarity(key, p.key)
            if not p.whole and (score < 0.8 or len(key) < 3):
                continue  # a run of Han characters cut anywhere: only a close match counts
            if best is None or score > best[0]:
                best = (score, p)
    return best
