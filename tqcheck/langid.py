"""Language identification with langdetect, seeded so results are deterministic.

* :func:`detect` / :func:`detect_probs` identify one text (cached).
* :func:`document_language` names a document's language: the user's ``--src-lang``/``--tgt-lang``
  (validated with Babel, and refused when the text is confidently in another language) or the
  detected one.
* :func:`ensure_distinct` refuses a source and a "translation" in the same language.
* :func:`segment_languages` gives each segment its language. langdetect costs a few milliseconds
  per sentence, so it only runs on segments that cheap statistics single out (a Vietnamese
  document's sentence without Vietnamese letters, an English one with none of the document's
  common words); everything else, and anything short (names, numbers, datelines), keeps the
  document's language.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .errors import ConfigError, InputError
from .memo import text_cache
from .model import Document, Segment
from .surface import LETTER
from .textmemo import persistent

CONFIDENT = 0.95  # document-level probability needed before the input is refused
MIN_LETTERS = 40  # below this many letters a document's language is not judged
SEG_CONFIDENT = 0.9  # segment-level probability needed to override the document language
SEG_MIN_LETTERS = 20
_SAMPLE_CHARS = 9000  # langdetect reads at most 10,000 characters
_SAMPLE_WINDOWS = 12

# langdetect's codes -> the base codes tqcheck reports (Babel's).
_FROM_LANGDETECT = {"zh-cn": "zh", "zh-tw": "zh", "tl": "fil"}
# Codes that name one language for comparison purposes.
_SAME = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi", "tl": "fil"}
# Languages langdetect mixes up on ordinary-length text: never refuse input over these.
_CONFUSABLE = [{"no", "da", "sv"}, {"hr", "sr", "bs", "sl", "mk"}, {"id", "ms"}, {"es", "pt", "gl", "ca"},
               {"ru", "uk", "be", "bg", "mk"}, {"cs", "sk"}, {"hi", "mr", "ne"}, {"fa", "ur", "ar"},
               {"af", "nl"}, {"zh", "ja"},
               {"zu", "xh", "nr", "ss"}]  # the Nguni languages: close relatives that share much of their words

_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NO_SPACE = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(f"{LETTER}+(?:['’]{LETTER}+)*")  # letters with their marks (Devanagari vowel signs)


_ALL = "*"


@functools.lru_cache(maxsize=16)
def _factory(among: frozenset[str] | str = _ALL):
    """A seeded langdetect factory with the profiles of ``among`` (base codes) only, or of every language.

    Parsing all 55 profiles costs most of a second (langdetect builds one Python list per n-gram): the table
    for every language is built once and kept on disk (:func:`_all_table`), and read back in milliseconds. A
    factory for a document's two languages loads in milliseconds from the profiles, and can only answer with
    one of them.
    """
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0
    if among == _ALL:
        f = DetectorFactory()
        f.seed = 0
        langs, keys, indptr, cols, vals = _all_table()
        f.langlist = list(langs)
        f.word_lang_prob_map = _ProbMap(keys, indptr, cols, vals, len(langs))
        return f
    return _parse_profiles(among)


def _parse_profiles(among: frozenset[str] | str = _ALL):
    """langdetect's own loading of the profile files of ``among`` (or all of them)."""
    import os

    import langdetect
    from langdetect import DetectorFactory

    folder = os.path.join(os.path.dirname(langdetect.__file__), "profiles")
    names = sorted(os.listdir(folder))
    if among != _ALL:
        names = [n for n in names if _family(_FROM_LANGDETECT.get(n, n)) in among]
    f = DetectorFactory()
    f.seed = 0
    if names:
        profiles = []
        for n in names:
            with open(os.path.join(folder, n), encoding="utf-8") as fh:
                profiles.append(fh.read())
        f.load_json_profile(profiles)
    return f


def _all_table() -> tuple:
    """Every profile's n-gram probabilities as a sparse table ``(langs, keys, indptr, cols, vals)``: built
    from langdetect's own loading (so every value is the one langdetect computes) and cached on disk keyed
    by langdetect's version (:mod:`tqcheck.names.tablecache`)."""
    from .names.tablecache import cached_table

    def build() -> tuple:
        import numpy as np

        f = _parse_profiles(_ALL)
        keys = tuple(f.word_lang_prob_map)
        rows = [f.word_lang_prob_map[k] for k in keys]
        indptr, cols, vals = [0], [], []
        for row in rows:
            for c, v in enumerate(row):
                if v != 0.0:
                    cols.append(c)
                    vals.append(v)
            indptr.append(len(cols))
        return (tuple(f.langlist), keys, np.asarray(indptr, np.int64), np.asarray(cols, np.int16),
                np.asarray(vals, np.float64))

    return cached_table("langdetect-profiles", ("langdetect",), build)


class _ProbMap:
    """langdetect's ``word_lang_prob_map`` (n-gram -> one probability per language) over the sparse table:
    the same lists langdetect builds, made on first use (a detection touches a few thousand n-grams)."""

    def __init__(self, keys: tuple[str, ...], indptr, cols, vals, size: int) -> None:  # noqa: ANN001
        self._index = {k: n for n, k in enumerate(keys)}
        self._indptr, self._cols, self._vals = indptr.tolist(), cols.tolist(), vals.tolist()
        self._size = size
        self._rows: dict[str, list[float]] = {}

    def __contains__(self, word: object) -> bool:
        return word in self._index

    def __len__(self) -> int:
        return len(self._index)

    def __getitem__(self, word: str) -> list[float]:
        row = self._rows.get(word)
        if row is None:
            n = self._index[word]
            row = [0.0] * self._size
            for k in range(self._indptr[n], self._indptr[n + 1]):
                row[self._cols[k]] = self._vals[k]
            self._rows[word] = row
        return row


@functools.lru_cache(maxsize=1)
def supported() -> frozenset[str]:
    """Base codes langdetect has profiles for."""
    import os

    import langdetect

    names = os.listdir(os.path.join(os.path.dirname(langdetect.__file__), "profiles"))
    return frozenset(_family(_FROM_LANGDETECT.get(c, c)) for c in names)


@text_cache(maxsize=8192)
@persistent("langid.probs")  # kept on disk between runs (tqcheck.textmemo)
def _probs(text: str, among: frozenset[str] | str = _ALL) -> tuple[tuple[str, float], ...]:
    from langdetect.lang_detect_exception import LangDetectException

    f = _factory(among)
    if not f.get_lang_list():
        return ()
    try:
        det = f.create()
        det.append(text)
        out: dict[str, float] = {}
        for p in det.get_probabilities():
            code = _FROM_LANGDETECT.get(p.lang, p.lang)
            out[code] = out.get(code, 0.0) + p.prob  # zh-cn and zh-tw are one language here
        return tuple(sorted(out.items(), key=lambda kv: -kv[1]))
    except LangDetectException:
        return ()


def detect_probs(text: str, among: frozenset[str] | None = None) -> list[tuple[str, float]]:
    """Languages with probabilities, best first; ``[]`` when nothing can be said. With ``among`` (base
    codes), only those languages are considered (and only their profiles are loaded).

    Deterministic: the same text gives the same answer in every process.
    """
    key = frozenset(_family(c) for c in among) & supported() if among is not None else _ALL
    return list(_probs(text, key))


# Unicode character-name prefixes of the scripts a profile's ISO 15924 code stands for.
_SCRIPT_NAMES = {
    "Latn": ("LATIN",), "Cyrl": ("CYRILLIC",), "Grek": ("GREEK",), "Arab": ("ARABIC",), "Hebr": ("HEBREW",),
    "Hans": ("CJK",), "Hant": ("CJK",), "Hani": ("CJK",), "Jpan": ("CJK", "HIRAGANA", "KATAKANA"),
    "Kore": ("HANGUL", "CJK"), "Deva": ("DEVANAGARI",), "Beng": ("BENGALI",), "Thai": ("THAI",),
    "Armn": ("ARMENIAN",), "Geor": ("GEORGIAN",), "Taml": ("TAMIL",), "Telu": ("TELUGU",), "Knda": ("KANNADA",),
    "Mlym": ("MALAYALAM",), "Gujr": ("GUJARATI",), "Guru": ("GURMUKHI",), "Ethi": ("ETHIOPIC",),
}
# A script that must be present at all for a language to be plausible (kana for Japanese, Hangul for Korean).
_SCRIPT_REQUIRED = {"Jpan": ("HIRAGANA", "KATAKANA"), "Kore": ("HANGUL",)}


def _script_of(ch: str) -> str:
    import unicodedata

    return unicodedata.name(ch, "").split(" ", 1)[0]


# A character of a script written without spaces carries about a word (Chinese words average 1.7 characters,
# English ones 5 letters): it weighs this many letters when scripts are compared.
_UNSPACED_WEIGHT = 3
_UNSPACED_SCRIPTS = {"CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR"}


@text_cache(maxsize=8192)
def _script_counts(text: str) -> tuple[tuple[str, int], ...]:
    counts = Counter(_script_of(c) for c in text if c.isalpha())
    return tuple((k, v * _UNSPACED_WEIGHT if k in _UNSPACED_SCRIPTS else v) for k, v in counts.items())


def fits_script(lang: str, text: str, share: float = 0.6) -> bool:
    """Whether ``text`` is written mostly (``share`` of its letters, a character of a script without spaces
    weighing three) in the script of ``lang``, with kana for
    Japanese and Hangul for Korean: a Chinese sentence that holds a Latin name is no Polish, and one without
    kana no Japanese. Languages whose script is not known here always fit."""
    from .lang import profile

    script = profile(lang).script
    names = _SCRIPT_NAMES.get(script)
    if names is None:
        return True
    counts = dict(_script_counts(text))
    letters = sum(counts.values())
    if not letters:
        return False
    if script in _SCRIPT_REQUIRED and not any(counts.get(n) for n in _SCRIPT_REQUIRED[script]):
        return False
    return sum(counts.get(n, 0) for n in names) >= share * letters


def detect(text: str, default: str = "und") -> str:
    probs = _probs(text, _ALL)
    return probs[0][0] if probs else default


@dataclass(frozen=True)
class Guess:
    lang: str  # "und" when nothing can be said
    prob: float
    letters: int  # letters in the text judged

    @property
    def confident(self) -> bool:
        return self.lang != "und" and self.prob >= CONFIDENT and self.letters >= MIN_LETTERS


def identify(text: str) -> Guess:
    """The language of a whole document, judged on windows spread across it; a language langdetect has no
    profile for is named by CLDR's compact language detector where it is installed (:func:`_beyond_langdetect`)."""
    sample = _sample(text)
    letters = len(_LETTER.findall(sample))
    other = _beyond_langdetect(sample)
    if other is not None:
        return Guess(other[0], other[1], letters)
    probs = _probs(sample)
    return Guess(probs[0][0], probs[0][1], letters) if probs else Guess("und", 0.0, letters)


_CLD3_SURE = 0.9  # CLD3's probability needed before its answer replaces langdetect's
_CLD3_LETTERS = 200  # letters below which a user's language code that langdetect confirms outweighs CLD3


@text_cache(maxsize=256)
def _beyond_langdetect(sample: str) -> tuple[str, float] | None:
    """CLD3's language of ``sample`` (Google's compact language detector through ``cld3-py``: about 100
    languages) when it is sure of one that langdetect has no profile for: langdetect
    names a neighbour for every text of such a language (isiZulu and isiXhosa come out as Swahili, Icelandic as
    Norwegian), and the text would be read with the wrong language's numbers and names. None without the
    library, or when CLD3 is unsure or names a language langdetect knows (langdetect's answer stands)."""
    det = _cld3()
    if det is None:
        return None
    res = det.FindLanguage(text=sample)
    code = _family(_FROM_LANGDETECT.get(res.language.lower(), res.language.lower().split("-")[0]))
    if not res.is_reliable or res.probability < _CLD3_SURE or code in supported() or code == "und":
        return None
    from .lang import base_code

    code = base_code(code)
    return (code, float(res.probability)) if code not in supported() and code != "und" else None


@functools.lru_cache(maxsize=1)
def _cld3():  # noqa: ANN202 - a gcld3.NNetLanguageIdentifier, or None where cld3-py is not installed
    try:
        import gcld3
    except ImportError:
        return None
    return gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=_SAMPLE_CHARS * 4)


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE_CHARS:
        return text
    size = _SAMPLE_CHARS // _SAMPLE_WINDOWS
    step = (len(text) - size) / (_SAMPLE_WINDOWS - 1)
    parts = []
    for k in range(_SAMPLE_WINDOWS):
        a = int(k * step)
        if a:
            sp = text.find(" ", a, a + 40)
            a = sp + 1 if sp >= 0 else a
        parts.append(text[a:a + size])
    return "\n".join(parts)


def normalize_code(code: str, option: str = "--lang") -> str | None:
    """A user's language code as a base code ("EN" -> "en", "pt_BR" -> "pt", "vie" -> "vi").

    ``None``, ``""`` and ``"auto"`` mean "detect it"; an unknown code is a :class:`ConfigError`.
    """
    if code is None or code.strip().lower() in ("", "auto"):
        return None
    from babel import Locale, UnknownLocaleError

    raw = code.strip()
    try:
        if raw.lower() == "und":
            raise ValueError
        return Locale.parse(raw.replace("-", "_")).language
    except (UnknownLocaleError, ValueError, TypeError):
        raise ConfigError(f"{option}: unknown language code {code!r}; use an ISO 639 code such as en, vi, zh, de")
    except Exception:  # noqa: BLE001 - Babel raises several kinds for odd strings
        raise ConfigError(f"{option}: unknown language code {code!r}; use an ISO 639 code such as en, vi, zh, de")


def language_name(code: str) -> str:
    """``"vi"`` -> ``"Vietnamese"``; the code itself when Babel does not know it."""
    try:
        from babel import Locale

        return Locale.parse(code.replace("-", "_")).get_language_name("en") or code
    except Exception:  # noqa: BLE001
        return code


def _family(code: str) -> str:
    return _SAME.get(code, code)


def confusable(a: str, b: str) -> bool:
    """The same language, or two that langdetect cannot reliably tell apart."""
    a, b = _family(a), _family(b)
    return a == b or any(a in g and b in g for g in _CONFUSABLE)


def _describe(lang: str) -> str:
    return f"{language_name(lang)} ({lang})"


def document_language(text: str, claimed: str | None = None, path: str = "", option: str = "--lang") -> str:
    """The language of a document's text; ``claimed`` (a user's code) wins unless the text is
    confidently in another language, which is an :class:`InputError`."""
    lang = normalize_code(claimed, option) if claimed else None
    guess = identify(text)
    if lang is None:
        if guess.lang == "und":
            raise InputError(f"{path}: cannot tell which language this is; pass --src-lang/--tgt-lang")
        return guess.lang
    if (guess.confident and _family(lang) in supported() and not confusable(lang, guess.lang)
            and not (guess.letters < _CLD3_LETTERS and _langdetect_agrees(text, lang))):
        raise InputError(f"{path}: {option} says {_describe(lang)}, but the text is "
                         f"{_describe(guess.lang)} ({guess.prob:.0%} sure); check the file or the option")
    return lang


def _langdetect_agrees(text: str, lang: str) -> bool:
    """langdetect, which has a profile for ``lang``, is itself confident that the text is ``lang``: on a short text
    (under :data:`_CLD3_LETTERS` letters) CLD3's surer answer for a language langdetect lacks
    (:func:`_beyond_langdetect`) does not refuse the user's code then, since CLD3 may be sure of a wrong language
    there ("Taking this chance, Tanaka scored the winning run." is Shona to it, 0.97, and English to langdetect,
    0.99999). On a longer text CLD3 stands (isiZulu that langdetect takes for Swahili)."""
    probs = _probs(_sample(text))
    return bool(probs) and confusable(probs[0][0], lang) and probs[0][1] >= CONFIDENT


def ensure_distinct(source: Document, target: Document, src_claimed: str | None = None,
                    tgt_claimed: str | None = None) -> None:
    """Refuse a source and a translation in the same language (the wrong file, or an untranslated copy)."""
    if _family(source.lang) != _family(target.lang):
        return
    if normalize_code(src_claimed, "--src-lang") and normalize_code(tgt_claimed, "--tgt-lang"):
        raise ConfigError(f"--src-lang and --tgt-lang are both {_describe(source.lang)}; tqcheck checks a "
                          "translation into another language")
    src_sure = bool(src_claimed) or identify(source.raw).confident
    tgt_sure = bool(tgt_claimed) or identify(target.raw).confident
    if src_sure and tgt_sure:
        raise InputError(f"{source.path} and {target.path} are both in {_describe(source.lang)}; "
                         "give the source and its translation (or pass --src-lang/--tgt-lang)")


# --- per-segment languages ---------------------------------------------------------------------


_STATS_CHARS = 400  # a segment's statistics are read from its first characters
_COMMON_SAMPLE = 2000


@dataclass(frozen=True)
class _Stats:
    letters: int
    non_ascii: int  # letters outside ASCII (accents, other scripts)
    unspaced: int  # letters of scripts written without spaces (CJK, Thai...)
    words: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> _Stats:
        words = tuple(_WORD.findall(text[:_STATS_CHARS].lower()))
        joined = "".join(words)
        non_ascii = len(joined) - len(joined.encode("ascii", "ignore"))
        return cls(len(joined), non_ascii, len(_NO_SPACE.findall(joined)) if non_ascii else 0, words)


def segment_languages(segments: Sequence[Segment], doc_lang: str, common_words: int = 40,
                      among: frozenset[str] | None = None) -> list[Segment]:
    """Segments with ``lang`` set: the document's language unless the segment stands out from the
    document (script, letters, common words) and langdetect is confident it is another language (one of
    ``among`` when given: the languages of the documents being compared), written in its script."""
    stats = [_Stats.of(s.text) for s in segments]
    letters = sum(st.letters for st in stats) or 1
    rates = (sum(st.non_ascii for st in stats) / letters, sum(st.unspaced for st in stats) / letters)
    step = max(1, len(stats) // _COMMON_SAMPLE)  # common words from at most ~2,000 segments
    counts: Counter[str] = Counter(w for st in stats[::step] for w in st.words)
    common = {w for w, n in counts.most_common(common_words) if n >= 2}
    if rates[1] > 0.3:
        common = set()  # no spaces between words (Chinese, Japanese, Thai): runs are not words
    out = []
    for seg, st in zip(segments, stats):
        lang = doc_lang
        if _stands_out(st, rates, common):
            lang = segment_language(seg.text, doc_lang, among)
        out.append(seg if lang == seg.lang else replace(seg, lang=lang))
    return out


def _stands_out(st: _Stats, doc_rates: tuple[float, float], common: set[str]) -> bool:
    if st.letters < SEG_MIN_LETTERS:
        return False
    for doc_rate, n in zip(doc_rates, (st.non_ascii, st.unspaced)):
        seg_rate = n / st.letters
        if doc_rate >= 0.08 and seg_rate < doc_rate / 4:
            return True  # e.g. a sentence without accents in a Vietnamese document, English in Chinese
        if doc_rate < 0.05 and seg_rate > 0.15:
            return True  # e.g. Vietnamese or Chinese in an English document
    if len(st.words) >= 5 and common:
        hits = sum(1 for w in st.words if w in common)
        return hits < 0.1 * len(st.words)
    return False


def segment_language(text: str, doc_lang: str, among: frozenset[str] | None = None) -> str:
    """One segment's language: langdetect's answer when it is confident, the text is long enough, is
    written in that language's script (:func:`fits_script`: a Latin name in a Chinese sentence does not
    make it Polish) and is not mostly capitalised words (names); otherwise ``doc_lang``. With ``among``
    (the document's languages), only those are considered."""
    if len(_LETTER.findall(text)) < SEG_MIN_LETTERS:
        return doc_lang
    langs = frozenset(_family(c) for c in (among or frozenset()) | {doc_lang})
    if among is not None and langs <= supported():
        probs = detect_probs(text, among | {doc_lang})
    else:  # (a language langdetect has no profile for, Icelandic: restricted to the others, every text would be
        # one of them; among all profiles, an answer outside the document's languages is no answer)
        probs = [(c, p) for c, p in _probs(text, _ALL) if among is None or _family(c) in langs]
    if not probs:
        return doc_lang
    lang, prob = probs[0]
    if prob < SEG_CONFIDENT or confusable(lang, doc_lang) or not fits_script(lang, text):
        return doc_lang
    words = _WORD.findall(text)
    if sum(1 for w in words if w[0].islower()) < 3 and any(ch.islower() for ch in text):
        return doc_lang  # mostly capitalised words: a list of names, a heading
    return lang


@text_cache(maxsize=4096)
def cld3_disagrees(text: str, lang: str) -> bool:
    """CLD3 (where installed) is sure (``_CLD3_SURE``, reliable) that ``text`` is in a language of another
    family than ``lang``: langdetect's n-grams alone can call a short German sentence English with certainty
    ("In Japan ist das etwas anders.", where CLD3 says Afrikaans), and a sentence set apart from its document's
    language must not rest on one detector. CLD3 unsure, or without an answer, does not disagree."""
    det = _cld3()
    if det is None:
        return False
    res = det.FindLanguage(text=text)
    code = _family(_FROM_LANGDETECT.get(res.language.lower(), res.language.lower().split("-")[0]))
    if not res.is_reliable or res.probability < _CLD3_SURE or code == "und":
        return False
    return code != _family(lang)
