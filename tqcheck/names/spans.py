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
from dataclasses import dataclass

from .text import Token, base_lang, is_acronym, tokens
from .vietnamese import has_vietnamese_marks, is_vietnamese_word

CONNECTORS = {"of", "the", "de", "la", "del", "di", "da", "du", "van", "von", "der", "bin", "al", "el"}
_SENT_START = re.compile(r"(^|[.!?:;…\"“”«»()\[\]–—]\s*|\s-\s*|\n)$")


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


@functools.lru_cache(maxsize=1)
def english_common_words() -> frozenset[str]:
    """Lower-case English dictionary words (the web2 and gcide lists of the english-words package)."""
    try:
        from english_words import get_english_words_set
    except ImportError:  # a declared dependency: without it every capitalised word would look like a name
        from ..errors import InternalError

        raise InternalError("the english-words package is missing; reinstall tqcheck (pip install tqcheck)") from None
    # web2 (Webster's 1934) plus GCIDE's lower-case entries, which add modern words ("internet", "online")
    return frozenset(w for w in get_english_words_set(["web2", "gcide"], lower=False, alpha=True) if w.islower())


def is_common_word(word: str, lang: str) -> bool:
    """A dictionary word of ``lang`` (only English has a list; other languages: never)."""
    if base_lang(lang) != "en":
        return False
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    common = english_common_words()
    if w in common or w in calendar_words(lang) or w.rstrip(".") in _EN_ABBREVIATIONS:
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
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes known to CLDR (via Babel)."""
    try:
        from babel import Locale

        return frozenset(Locale.parse("en").currencies)
    except Exception:  # noqa: BLE001
        return frozenset()


def word_is_strong(word: str, lang: str) -> bool:
    """A word that is surely part of a name (see the module docs)."""
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
    return False


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
    """Capitalised runs in ``text`` (one sentence). ``known(word_or_phrase) -> bool`` marks lexicon names."""
    toks = tokens(text)
    spans: list[NameSpan] = []
    run: list[Token] = []

    def flush() -> None:
        while run and run[-1].text.lower() in CONNECTORS:
            run.pop()
        if run:
            initial = bool(_SENT_START.search(text[: run[0].start]))
            words = [w for t in run for w in _split_words(t, base_lang(lang))]
            if initial and len(words) == 1 and not word_is_strong(words[0].text, lang) and (
                    base_lang(lang) == "vi" or not (known and known(words[0].text))):
                pass  # "Earlier", "Hai": a sentence-initial common word
            else:
                if initial and not word_is_strong(words[0].text, lang) and not (known and known(words[0].text)) \
                        and base_lang(lang) == "en":
                    words = words[1:]  # "The United Nations" -> "United Nations"
                if words:
                    s, e = words[0].start, words[-1].end
                    spans.append(NameSpan(segment, s, e, text[s:e], tuple(words), initial))
        run.clear()

    for i, tok in enumerate(toks):
        gap = text[toks[i - 1].end:tok.start] if i else ""
        capital = tok.cap and any(c.isalpha() for c in tok.text) and tok.text != "I" and not re.match(r"[$€£¥₫]|\d", text[tok.end:])
        if run and (gap.strip() or not gap):
            flush()
        if capital:
            run.append(tok)
        elif run and tok.text.lower() in CONNECTORS and base_lang(lang) != "vi":
            run.append(tok)
        else:
            flush()
    flush()
    return spans
