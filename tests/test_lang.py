"""Language profiles: facts derived from CLDR (Babel) and Unicode data, plus the hand-written modules."""
import pytest

from tqcheck.lang import base_code, known, profile


@pytest.mark.parametrize("code, expected", [("zh-CN", "zh"), ("pt_BR", "pt"), ("EN", "en"), ("", "und"),
                                            ("iw", "he"), ("12", "und")])
def test_base_code(code, expected):
    assert base_code(code) == expected


@pytest.mark.parametrize("code, script, spaces, cased", [
    ("en", "Latn", True, True), ("ru", "Cyrl", True, True), ("zh", "Hans", False, False),
    ("ja", "Jpan", False, False), ("ko", "Kore", True, False), ("el", "Grek", True, True),
])
def test_script_facts_come_from_cldr(code, script, spaces, cased):
    p = profile(code)
    assert (p.script, p.spaces_between_words) == (script, spaces)
    assert p.capitals_mark_names is (cased and code != "de")


def test_number_symbols_come_from_cldr():
    assert (profile("de").decimal, profile("de").group) == (",", ".")
    assert (profile("en").decimal, profile("en").group) == (".", ",")
    assert profile("vi").decimal == ","


def test_hand_written_profile_overrides_derived_facts():
    assert "de" in known()
    assert profile("de").capitals_mark_names is False  # every German noun is capitalised
    assert profile("fr").capitals_mark_names is True


def test_unknown_language_still_has_a_profile():
    p = profile("xx")
    assert p.code == "xx" and p.section("numbers") == {}
