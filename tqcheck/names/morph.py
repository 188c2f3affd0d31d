"""Whether a capitalised word is an ordinary word of its language, by a morphological dictionary.

In Russian a capital inside a sentence usually marks a name, but not always: "в Сети" is "on the Internet", a
headline run into the next sentence starts with "Инфицировано", and word frequency cannot tell such a word from a
name (сети and Путин are equally frequent). pymorphy3's Russian dictionary (OpenCorpora, MIT) knows both, and tags
every proper noun it knows: Name, Surn, Patr (people), Geox (places), Orgn (organisations), Trad (trademarks). A word
it knows with no such tag in any of its readings is an ordinary word (Сети: the noun сеть); a word it does not know
(most foreign names) says nothing.

Only Russian: pymorphy3's Ukrainian dictionary does not tag proper nouns (Київ has no Geox). The dictionary is the
optional ``ru`` extra (pymorphy3 and pymorphy3-dicts-ru, about 16 MB); without it no word is ordinary here and
nothing else changes.
"""
from __future__ import annotations

import functools
from typing import Any

_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"})
_LANGS = ("ru",)
# adjectives and full participles begin names as often as they are ordinary words ("Финский залив", the Gulf of
# Finland; "Российская академия"): never ordinary here
_NAME_PARTS = frozenset({"ADJF", "ADJS", "PRTF", "COMP"})


@functools.lru_cache(maxsize=4)
def _analyser(lang: str) -> Any:
    if lang not in _LANGS:
        return None
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=lang)
    except Exception:  # noqa: BLE001 - the package or its dictionary is missing or broken: no analyser
        return None


def available(lang: str) -> bool:
    """A morphological dictionary of ``lang`` is installed."""
    return _analyser(lang.split("-")[0].lower()) is not None


def _parses(word: str, lang: str) -> list[Any] | None:
    """pymorphy3's readings of ``word`` (one word, any case): [] for a word the dictionary does not know, None where
    no dictionary of ``lang`` is installed."""
    m = _analyser(lang.split("-")[0].lower())
    if m is None:
        return None
    if not word or " " in word or not word.isalpha() or not m.word_is_known(word.lower()):
        return []
    return m.parse(word)


@functools.lru_cache(maxsize=8192)
def ordinary_word(word: str, lang: str) -> bool:
    """``word`` (one word, any case) is a word the language's dictionary knows, and no reading of it is a proper
    noun and no adjective: "Сети" (сеть, a net; the Internet), "Инфицировано" (a short participle); not "Путин"
    (Surn), "Москва" (Geox), "Надежда" (a noun, but also Name), "Финском" (an adjective: the Gulf of Finland), nor a
    word it does not know ("Ричмонд")."""
    parses = _parses(word, lang)
    return bool(parses) and not any(_PROPER & set(p.tag.grammemes) or p.tag.POS in _NAME_PARTS for p in parses)


@functools.lru_cache(maxsize=8192)
def common_word(word: str, lang: str) -> bool | None:
    """``word`` is a word the language's dictionary knows and no reading of it is a proper noun, adjectives
    included: "Белого" (белый, white, of "Белого дома"), "Королевства"; not "Кореи" (Geox), "Филлипс". None where
    no dictionary of ``lang`` is installed."""
    parses = _parses(word, lang)
    if parses is None:
        return None
    return bool(parses) and not any(_PROPER & set(p.tag.grammemes) for p in parses)
