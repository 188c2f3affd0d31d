"""Names in pinyin read by the characters of a Chinese source (tqcheck.checks.names)."""
from __future__ import annotations

import pytest

from tqcheck.checks import names


def _read(word: str, han: str) -> bool:
    return names._read_in(word, [names._han_readings(ch) for ch in han])


def test_a_character_is_read_in_pinyin_and_in_wade_giles() -> None:
    assert {"zhao", "chao"} <= names._han_readings("赵")  # Elaine Chao
    assert _read("Chao", "赵") and _read("Zhao", "赵")
    assert _read("Chiling", "继玲")
    assert not _read("Chao", "李")


@pytest.mark.parametrize("word", ["Tang", "Fei", "Lei", "Mao"])
def test_a_rare_dictionary_syllable_is_pinyin(word: str) -> None:
    assert names._pinyin_word_of(word, "en")


@pytest.mark.parametrize("word", ["Lake", "Long", "China", "Panda", "Hulun", "Minister"])
def test_an_ordinary_word_is_no_pinyin(word: str) -> None:
    assert not names._pinyin_word_of(word, "en")
