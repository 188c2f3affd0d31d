"""Words of scripts whose letters carry combining marks (vowel signs, viramas, decomposed accents)."""
import unicodedata

from tqcheck import surface
from tqcheck.names import roman


def test_devanagari_word_keeps_its_vowel_signs_and_virama():
    assert surface.words("प्रधानमंत्री ने मंगलवार को कहा") == ["प्रधानमंत्री", "ने", "मंगलवार", "को", "कहा"]


def test_decomposed_accent_stays_in_its_word():
    text = unicodedata.normalize("NFD", "café naïve")
    assert surface.words(text) == text.split()


def test_marks_class_is_every_combining_mark_of_the_plane():
    import re

    marks = re.compile(f"[{surface.MARKS}]")
    for ch in ("\u093e", "\u094d", "\u0301", "\u064e", "\u05b7", "\u0e31"):  # Devanagari aa, virama, acute, fatha...
        assert unicodedata.category(ch).startswith("M") and marks.fullmatch(ch)
    for ch in ("a", "।", "-", "]", "\\"):
        assert not marks.fullmatch(ch)


def test_name_found_by_sound_in_text_without_capitals():
    text = "प्रधानमंत्री नरेंद्र मोदी ने मंगलवार को कहा"
    p = roman.find_sound("Narendra Modi", "en", text, "hi")
    assert p is not None and text[p.start:p.end] == "नरेंद्र मोदी"
    assert roman.find_sound("Donald Trump", "en", text, "hi") is None


def test_a_short_word_does_not_stand_for_a_longer_name():
    # पर (on) has the first two consonant classes of Paris: a caseless run may add an ending, not lack a consonant
    assert roman.find_sound("Paris", "en", "वह मेज़ पर बैठा था", "hi") is None


def test_title_in_the_span_is_left_out():
    text = "التقى الرئيس بالمستشار أولاف شولتس في برلين"
    p = roman.find_sound("Chancellor Olaf Scholz", "en", text, "ar")
    assert p is not None and p.exact and text[p.start:p.end] == "أولاف شولتس"
