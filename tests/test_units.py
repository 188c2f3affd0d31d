"""Units after numbers and conversions through pint (tqcheck.units)."""
import pytest

from tqcheck.units import compare, describe, unit_at


@pytest.mark.parametrize(("text", "lang", "unit"), [
    (" feet", "en", "foot"), ("-inch", "en", "inch"), (" độ C", "vi", "degC"), (" kilomet vuông", "vi", "kilometer**2"),
    (" Meilen", "de", "mile"), (" миль", "ru", "mile"), ("km", "vi", "kilometer"), (" 英里", "zh", "mile"),
    # spellings of the language's regional locales in CLDR (en_GB, pt_PT), not only of its default one
    (" millimetres", "en", "millimeter"), (" litres", "en", "liter"), (" quilómetros", "pt", "kilometer"),
])
def test_unit_at(text: str, lang: str, unit: str) -> None:
    assert unit_at(text, 0, lang) == (unit, len(text))


def test_no_unit_inside_a_longer_word() -> None:
    assert unit_at(" meters", 0, "de") is None  # German has no "meters"; "m" must not match its first letter
    assert unit_at(" mild", 0, "en") is None


@pytest.mark.parametrize(("src", "tgt", "ok"), [
    ((150, "foot"), (50, "meter"), True),           # 45.7 m, rounded the way a translator does
    ((130, "degree_temperature"), (54, "degC"), True),  # "degrees" in a Fahrenheit text
    ((15, "degree_temperature"), (15, "degC"), True),  # "degrees" in a Celsius text ("15 градусів")
    ((-5, "degree_temperature"), (23, "degF"), True),  # ... and in a Fahrenheit one
    ((130, "degree_temperature"), (64, "degC"), False),  # neither scale
    ((8, "inch"), (20, "centimeter"), True),
    ((10, "mile"), (16, "kilometer"), True),
    ((150, "foot"), (50, "kilometer"), False),
    ((100, "mile**2"), (161, "kilometer**2"), False),  # square miles converted as miles
    ((100, "mile**2"), (259, "kilometer**2"), True),
    ((1234, "foot"), (420, "meter"), False),         # a precise figure: 376 m, 5% at most
])
def test_compare(src: tuple, tgt: tuple, ok: bool) -> None:
    c = compare(src[0], src[1], tgt[0], tgt[1])
    assert c is not None and c.same_dimension and c.ok is ok


def test_same_unit_is_not_a_conversion_and_different_kinds_do_not_compare() -> None:
    assert compare(5, "mile", 6, "mile") is None
    c = compare(5, "mile", 6, "kilogram")
    assert c is not None and not c.same_dimension


def test_describe() -> None:
    assert describe(259.0, "kilometer**2") == "259 km²"
    assert describe(45.72, "meter") == "45.7 m"
