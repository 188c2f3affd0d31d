"""Hán-Việt readings of Korean and Japanese names (tqcheck.names.sino); invented names and sentences only."""
from __future__ import annotations

import pytest

from tqcheck.names import sino


def test_hangul_syllables_in_revised_romanisation() -> None:
    assert [sino.hangul_roman(h) for h in "압록평양서울"] == ["ap", "rok", "pyeong", "yang", "seo", "ul"]
    assert sino.hangul_roman("A") == ""


def test_syllable_key_keeps_tones_whatever_the_mark_place() -> None:
    assert sino.syllable_key("hòa") == sino.syllable_key("hoà")
    assert sino.syllable_key("Kỳ") == sino.syllable_key("kì")
    assert sino.syllable_key("Đông") != sino.syllable_key("Đồng")


needs_unihan = pytest.mark.skipif(not sino.available(), reason="the cjk extra (unihandecode) is not installed")


@needs_unihan
@pytest.mark.parametrize(("latin", "vi", "lang"), [
    ("Amnok", "Áp Lục", "ko"),  # 鴨綠, said with the p of 압 as m before n
    ("Amrok", "Áp Lục", "ko"),
    ("Pyongyang", "Bình Nhưỡng", "ko"),  # McCune-Reischauer o for eo
    ("Kaesong", "Khai Thành", "ko"),
    ("Kim Il-sung", "Kim Nhật Thành", "ko"),  # an older spelling: u for eo (성)
    ("Hiroshima", "Quảng Đảo", "ja"),  # kun readings: hiro(i), shima
    ("Kyoto", "Kinh Đô", "ja"),
    ("Hokkaido", "Bắc Hải Đạo", "ja"),  # hoku said hok before k
])
def test_a_name_and_its_han_viet_reading(latin: str, vi: str, lang: str) -> None:
    assert sino.sino_reading(latin, vi.split()) == lang


@needs_unihan
@pytest.mark.parametrize(("latin", "vi"), [
    ("Amnok", "Bình Nhưỡng"),
    ("Kyoto", "Đông Kinh"),  # the same characters' readings, but in the other order
    ("Seoul", "Hán Thành"),  # 서울 is no reading of characters
    ("London", "Luân Đôn"),  # a Vietnamese transliteration, not a reading
    ("Amnok", "Áp"),  # one syllable is too little
])
def test_other_names_are_not_readings(latin: str, vi: str) -> None:
    assert sino.sino_reading(latin, vi.split()) is None


def test_without_the_data_nothing_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sino, "_tables", lambda: None)
    assert not sino.available()
    assert sino.sino_reading("Amnok", ["Áp", "Lục"]) is None


needs_kanji = pytest.mark.skipif(not sino.kanji_available(), reason="unihandecode (the ja or cjk extra) is not installed")


@needs_kanji
@pytest.mark.parametrize(("latin", "han"), [
    ("Towada", "十和田市"),  # to, wa, da (rendaku of ta); pykakasi reads 十和田 juuwada
    ("Okubo Hiroshi", "大久保"),  # one word of the name is enough
    ("Kofu", "甲府"),  # kou said ko
    ("Rokunohe", "六戸町"),  # the particle no, said but not written
    ("Ohtani", "大谷"),  # oh for a long o
])
def test_a_romanised_japanese_name_read_from_its_kanji(latin: str, han: str) -> None:
    assert sino.kanji_spelling(latin, han)


@needs_kanji
@pytest.mark.parametrize(("latin", "han"), [
    ("Suzuki", "証拠"),  # shouko: the consonants alike, the reading not
    ("Ohtani Shohei", "男子"),
    ("Kisuke", "山口"),
    ("London", "大久保"),  # no romanised Japanese word at all
    ("Towada", "和田十"),  # the right characters in another order
])
def test_other_kanji_do_not_read_the_name(latin: str, han: str) -> None:
    assert not sino.kanji_spelling(latin, han)


def test_without_the_kanji_data_nothing_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sino, "_kanji_table", lambda: None)
    sino.kanji_spelling.cache_clear()
    assert not sino.kanji_available()
    assert not sino.kanji_spelling("Towada", "十和田")
    sino.kanji_spelling.cache_clear()
