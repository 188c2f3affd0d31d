"""Japanese kanji names read by pykakasi (the ``ja`` extra), and the behaviour without it."""
from __future__ import annotations

import pytest

from tqcheck.names import roman


def test_kanji_name_read_and_found_by_sound() -> None:
    pytest.importorskip("pykakasi")
    assert roman.romanise("高橋源三", "ja").split()[0] == "takahashi"
    found = roman.find_sound("Takahashi", "en", "監督の高橋源三は語った。", "ja", True)
    assert found is not None and "監督の高橋源三は語った。"[found.start:found.end] == "高橋"
    assert roman.find_sound("Fujimori", "en", "監督の高橋源三は語った。", "ja", True) is None


def test_without_pykakasi_kanji_text_is_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roman, "_kakasi", lambda: None)
    roman.clear_caches()
    try:
        assert not roman.kanji_readable()
        assert roman.find_sound("Takahashi", "en", "監督の高橋源三は語った。", "ja", True) is None
    finally:
        roman.clear_caches()


@pytest.mark.parametrize(("name", "japanese"), [
    ("Yamashita", True), ("Ōno", True), ("Ohno", True), ("Hattori", True), ("Shinzo Abe", True),
    ("Hamamatsu Johoku Tech", True),  # (one word of it is)
    ("Minneapolis", False), ("George Floyd", False), ("Xi Jinping", False),
])
def test_a_name_spelt_as_romanised_japanese(name: str, japanese: bool) -> None:
    assert roman.japanese_spelling(name) is japanese


def test_a_foreign_name_is_not_read_in_kanji() -> None:
    """Japanese writes a foreign name in katakana: Minneapolis (consonant classes NPRS) is not the kanji word
    連邦 (renpou, RNPS), though their classes are one apart; a Japanese name still is read in kanji."""
    pytest.importorskip("pykakasi")
    text = "毎晩起こるデモを取り締まるために連邦捜査員を派遣していた。"
    assert roman.find_sound("Minneapolis", "en", text, "ja") is None
    assert roman.find_sound("Yamashita", "en", "山下瑞貴選手は語った。", "ja") is not None
