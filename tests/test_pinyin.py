"""Pinyin detection and Hán-Việt reconstruction, on names that are not in the seed corpora."""
import pytest

from tqcheck.names import pinyin
from tqcheck.names.text import parts as name_parts
from tqcheck.names.vietnamese import is_vi_syllable


@pytest.mark.parametrize("word", ["Bình", "nghiêng", "Quang", "Nguyễn", "Trọng", "khuya", "Huế", "gì", "thuở"])
def test_vietnamese_syllables(word):
    assert is_vi_syllable(word)


@pytest.mark.parametrize("word", ["Ping", "Fan", "Zhong", "Guang", "Guo", "Xie", "Ying", "Lavrov", "Kyodo"])
def test_not_vietnamese_syllables(word):
    assert not is_vi_syllable(word)


@pytest.mark.parametrize(("word", "expected"), [
    ("Pingming", ["ping", "ming"]), ("Ping-ming", ["ping", "ming"]), ("Zhiming", ["zhi", "ming"]),
    ("Fuzhong", ["fu", "zhong"]), ("Xi'an", ["xi", "an"]), ("Lǚ", ["lu"]),
])
def test_segmentations(word, expected):
    assert expected in pinyin.segmentations(word)


@pytest.mark.parametrize("word", ["Lavrov", "Hokuriku", "Sergey", "Moscow"])
def test_no_pinyin_reading(word):
    assert pinyin.segmentations(word) == []


@pytest.mark.parametrize(("written", "source", "vietnamese"), [
    ("Ruan Fuzhong", "Nguyen Phu Trong", "Nguyễn Phú Trọng"),
    ("Chen Daguang", "Tran Dai Quang", "Trần Đại Quang"),
    ("Hu Zhiming", "Ho Chi Minh", "Hồ Chí Minh"),
    ("Chen Da-guang", "Tran Dai Quang", "Trần Đại Quang"),
    ("Hú Zhìmíng", "Ho Chi Minh", "Hồ Chí Minh"),
])
def test_pinyin_name_reads_as_source_name(written, source, vietnamese):
    words = written.split()
    assert pinyin.looks_pinyin(words)
    parts = name_parts(source)  # folded, as the matcher sees them
    assert pinyin.match_hanviet(words, parts) is not None
    assert pinyin.to_hanviet(words, parts) == vietnamese


def test_pinyin_name_does_not_read_as_another_name():
    assert pinyin.match_hanviet(["Ruan", "Fuzhong"], name_parts("Tran Dai Quang")) is None
    assert pinyin.match_hanviet(["Hu", "Zhiming"], name_parts("Ho Chi")) is None  # syllable counts differ


def test_vietnamese_names_are_not_pinyin():
    assert not pinyin.looks_pinyin(["Hồ", "Chí", "Minh"])
    assert not pinyin.looks_pinyin(["Chen"])  # a possible Vietnamese syllable ("chen"), nothing foreign
    assert not pinyin.looks_pinyin(["Lavrov"])


def test_reading_without_source_uses_name_syllables():
    assert pinyin.to_hanviet(["Chen", "Daguang"]) == "Trần Đại Quang"
