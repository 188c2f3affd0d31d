"""numparse: locale-aware numbers, amounts, percentages and dates (en, vi, de)."""
from __future__ import annotations

import pytest

from tqcheck.numparse import extract, parse_number, render, render_all


def keys(text: str, lang: str) -> list:
    return sorted(k for q in extract(text, lang) if not q.soft for k in q.keys)


@pytest.mark.parametrize(("s", "lang", "value", "alts"), [
    ("2,2", "vi", 2.2, set()),
    ("1.000", "vi", 1000.0, {1.0}),
    ("2.2", "vi", 2.2, set()),          # a group has 3 digits: a dot before one digit is a decimal point
    ("1,000", "en", 1000.0, {1.0}),
    ("1.234.567", "vi", 1234567.0, set()),
    ("1,234.5", "en", 1234.5, set()),
    ("1.234,5", "de", 1234.5, set()),
])
def test_parse_number(s: str, lang: str, value: float, alts: set) -> None:
    assert parse_number(s, lang) == (value, alts)


@pytest.mark.parametrize(("en", "vi"), [
    ("US$2.2 billion", "2,2 tỷ USD"),
    ("US$2.2 billion", "$ 2,2 tỷ"),
    ("10 billion dollars", "10 tỉ đô la"),
    ("15 percent", "15 phần trăm"),
    ("3.5%", "3,5%"),
    ("November 24", "ngày 24 tháng 11"),
    ("Nov. 24", "24/11"),
    ("November 23-25", "từ 23 đến 25/11"),
    ("November 23-25", "23-25/11"),
    ("January fourth and fifth", "ngày 4-5 tháng Giêng"),
    ("2017-2018", "(2017-2018)"),
    ("1,000 people", "1.000 người"),
    ("in March 2016", "tháng 3 năm 2016"),
    ("at 10:30", "lúc 10:30"),
])
def test_same_value_across_languages(en: str, vi: str) -> None:
    assert keys(en, "en") == keys(vi, "vi") != []


def test_number_words_are_soft() -> None:
    qs = extract("In the first ten months, twenty-five people and two nine-year periods", "en")
    words = [(q.text, q.value) for q in qs if q.soft and q.kind == "number"]
    assert words == [("ten", 10.0), ("twenty-five", 25.0), ("two", 2.0), ("nine", 9.0)]
    assert all(q.soft for q in qs)


def test_vietnamese_number_words_and_the_noun_year() -> None:
    qs = extract("trong vòng năm năm tới, mười tháng đầu năm, hai mươi lăm người, năm 2016", "vi")
    assert [(q.text, q.value) for q in qs] == [("năm", 5.0), ("mười", 10.0), ("hai mươi lăm", 25.0),
                                               ("2016", 2016.0)]
    assert qs[-1].kind == "year" and not qs[-1].soft


def test_codes_and_fractions_are_not_figures() -> None:
    assert keys("COVID-19 and the G7 met", "en") == []
    fraction = extract("khoảng 1/4 dân số", "vi")
    assert [q.kind for q in fraction] == ["ordinal"] and fraction[0].value == 0.25


def test_money_carries_currency() -> None:
    (q,) = extract("US$10 billion", "en")
    assert q.kind == "money" and q.currency == "USD" and q.value == 1e10


@pytest.mark.parametrize(("text", "lang", "to", "expected"), [
    ("US$10 billion", "en", "vi", "10 tỷ USD"),
    ("2,2 tỷ USD", "vi", "en", "US$2.2 billion"),
    ("November 24", "en", "vi", "ngày 24 tháng 11"),
    ("ngày 24 tháng 11", "vi", "en", "November 24"),
    ("3.5%", "en", "vi", "3,5%"),
])
def test_render_in_target_conventions(text: str, lang: str, to: str, expected: str) -> None:
    (q,) = [q for q in extract(text, lang) if not q.soft]
    assert render(q, to) == expected


def test_render_range() -> None:
    qs = extract("from November 23-25", "en")
    assert render_all(qs, "vi") == "ngày 23-25 tháng 11"
    assert render_all(qs, "en") == "November 23-25"


# --- running-text false alarms (issue 3): renderings a translator legitimately uses ------------------------

def values(text: str, lang: str, soft: bool | None = None) -> list:
    return sorted(k for q in extract(text, lang) if soft is None or q.soft == soft for k in q.keys)


@pytest.mark.parametrize(("en", "vi"), [
    ("it took three decades", "mất 30 năm"),
    ("two-and-a-half-million cars", "2.5 triệu xe"),
    ("three and a half years later", "3 năm rưỡi sau"),
    ("a ratio of .25 at most", "tỉ lệ tối đa 0,25"),
    ("a sixteenth-century map", "bản đồ thế kỷ 16"),
    ("in May or June", "trong tháng 5 hoặc 6"),
    ("\"It's October already,\" she said.", "\"Đã tháng 10 rồi,\" cô nói."),
    ("she counted: four, five, six.", "cô đếm: 4,5,6."),
])
def test_every_target_value_has_a_source_key(en: str, vi: str) -> None:
    src = {k for q in extract(en, "en") for k in q.keys}
    tgt = [q for q in extract(vi, "vi") if not q.soft]
    assert tgt and all(q.keys & src for q in tgt), (values(en, "en"), [(q.text, q.keys) for q in tgt])


def test_match_only_values_are_soft() -> None:
    # may satisfy a source value, but never required or reported as added
    assert values("methylcyclohexane-4 và COVID-19", "vi", soft=False) == []
    assert ("num", 4.0) in values("methylcyclohexane-4", "vi", soft=True)
    assert values("a hundred years later", "en", soft=False) == []
    assert values("It's October.", "en", soft=False) == []


def test_decimal_pairs_are_not_a_list() -> None:
    assert [q.value for q in extract("2,5, 3,5 và 1,2,3", "vi")] == [2.5, 3.5, 1.0, 2.0, 3.0]
