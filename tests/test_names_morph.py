"""Ordinary Russian words among capitalised ones (tqcheck.names.morph); invented words and sentences only."""
from __future__ import annotations

import pytest

from tqcheck.names import morph

needs_ru = pytest.mark.skipif(not morph.available("ru"), reason="the ru extra (pymorphy3) is not installed")


@needs_ru
@pytest.mark.parametrize("word", ["Сети", "Министерство", "Ассоциации", "Инфицировано", "Сообщается"])
def test_words_the_dictionary_knows_only_as_ordinary_words(word: str) -> None:
    assert morph.ordinary_word(word, "ru")


@needs_ru
@pytest.mark.parametrize("word", [
    "Путин",  # a surname
    "Москва",  # a place
    "Надежда",  # a noun, but a first name too
    "Финском",  # an adjective: names begin with them (Финский залив)
    "Ричмонд",  # not in the dictionary: says nothing
    "Сети Связи",  # more than one word
])
def test_names_and_unknown_words_are_not_ordinary(word: str) -> None:
    assert not morph.ordinary_word(word, "ru")


def test_other_languages_have_no_dictionary_here() -> None:
    assert not morph.ordinary_word("Мережі", "uk")  # pymorphy3's Ukrainian dictionary tags no proper noun
    assert not morph.ordinary_word("Internet", "en")


def test_without_the_package_no_word_is_ordinary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(morph, "_analyser", lambda lang: None)
    morph.ordinary_word.cache_clear()
    assert not morph.available("ru")
    assert not morph.ordinary_word("Сети", "ru")
    morph.ordinary_word.cache_clear()
