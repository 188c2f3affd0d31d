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
