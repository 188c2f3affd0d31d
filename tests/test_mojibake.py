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


def test_findings_inside_an_unreadable_sentence_are_minor() -> None:
    """A sentence TQ704 reports critical cannot be checked: the names it seems to replace are minor, with a note."""
    from tqcheck.checks import DocContext, run_rules, select
    from tqcheck.embed import get_embedder
    from tqcheck.model import Bead, Document, Severity
    from tqcheck.pipeline import _seg_lang
    from tqcheck.resources import Resources
    from tqcheck.segment import segment

    def doc(lines: list[str], lang: str) -> Document:
        raw = "\n\n".join(lines)
        return Document(path="<t>", raw=raw, lang=lang, segments=tuple(segment(raw, lang, detect_lang=_seg_lang(lang))))

    src = ["The weather was fine in the capital on Friday.",
           "President Vladimir Putin met Angela Merkel in Moscow on Saturday."]
    ru = ["В пятницу в столице была хорошая погода.",
          "Президент Владимир Путин встретился с Ангелой Меркель в Москве в субботу."]
    tgt = [ru[0], ru[1].encode("cp1251").decode("latin-1")]  # Windows-1251 shown as Latin-1
    ctx = DocContext(doc(src, "en"), doc(tgt, "ru"), (Bead((0,), (0,), 0.0), Bead((1,), (1,), 0.0)), Resources())
    ctx.embedder = get_embedder()
    found = run_rules(select(("TQ1", "TQ2", "TQ5", "TQ7")), ctx)
    assert [f.severity for f in found if f.code == "TQ704"] == [Severity.CRITICAL]
    others = [f for f in found if f.code != "TQ704"]
    assert any(f.code == "TQ101" and "garbled: TQ704" in f.message for f in others)
    assert all(f.severity == Severity.MINOR for f in others)
