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
