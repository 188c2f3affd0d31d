"""tqcheck.mojibake: text shown in the wrong character encoding, and its repair (invented sentences)."""
from __future__ import annotations

import pytest

from tqcheck.mojibake import find


def _garble(text: str, real: str, shown: str = "cp1252") -> str:
    return text.encode(real).decode(shown)


@pytest.mark.parametrize(("text", "real", "script"), [
    ("Концерт транслировался в прямом эфире в субботу.", "cp1251", "Cyrl"),
    ("Концерт транслировался в прямом эфире в субботу.", "koi8_r", "Cyrl"),
    ("Η συναυλία μεταδόθηκε ζωντανά το Σάββατο.", "cp1253", "Grek"),
    ("Концерт відбувся в суботу ввечері.", "cp1251", "Cyrl"),
])
def test_single_byte_code_page_shown_as_windows_1252_is_repaired(text: str, real: str, script: str) -> None:
    garbled = _garble(text, real)
    g = find(garbled, script)
    assert g is not None and g.share > 0.9
    assert garbled[:g.start] + g.fixed + garbled[g.end:] == text
    assert g.how == f"{real} read as cp1252"


def test_utf8_shown_as_windows_1252_is_repaired_in_any_script() -> None:
    text = "Le cafÃ© est fermÃ© depuis lundi."
    g = find(text, "Latn")
    assert g is not None and g.how == "utf-8 read as cp1252"
    assert text[:g.start] + g.fixed + text[g.end:] == "Le café est fermé depuis lundi."
    assert 0 < g.share < 0.5


@pytest.mark.parametrize(("text", "script"), [
    ("Андре Леон и Zoë Saldaña встретились в Париже.", "Cyrl"),  # Latin names with accents in Russian
    ("Das Café in Zürich öffnete am Montag, sagte Ångström.", "Latn"),
    ("Hélène Côté a gagné à Besançon.", "Latn"),
    ("東京で会議が開かれた。", "Jpan"),
    ("Ïðèâåò", "Latn"),  # Latin re-read as another code page is ambiguous: never reported
    ("", "Cyrl"),
])
def test_correct_text_is_not_garbled(text: str, script: str) -> None:
    assert find(text, script) is None


def test_short_latin_words_in_cyrillic_text_are_left_alone() -> None:
    assert find("Певица Zoé и группа «Ça Va» выступили вместе.", "Cyrl") is None


def test_a_garbled_half_sentence_is_read_back_whole() -> None:
    tail = "отправится в турне по Европе в следующем году"
    text = "Режиссёр сказал, что спектакль " + tail.encode("cp1251").decode("cp1252") + "."
    g = find(text, "Cyrl")
    assert g is not None and g.fixed == tail and text[g.start:g.end] == tail.encode("cp1251").decode("cp1252")
