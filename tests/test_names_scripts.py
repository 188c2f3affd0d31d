"""Names across scripts (tqcheck.names.roman) and the on-disk table cache (tqcheck.names.tablecache)."""
from __future__ import annotations

import pytest

from tqcheck.names.roman import find_sound, name_key, romanise, same_sound
from tqcheck.names.spans import find_names


@pytest.mark.parametrize("name, other, lang", [
    ("Boris Johnson", "Борис Джонсон", "ru"),
    ("Boris Johnson", "ボリス・ジョンソン", "ja"),
    ("Boris Johnson", "鲍里斯·约翰逊", "zh"),
    ("Wiley", "Уайли", "ru"),
    ("Trump", "トランプ", "ja"),
    ("Moscow", "Mát-xcơ-va", "vi"),
    ("Einstein", "Anh-xtanh", "vi"),
    ("Emmanuel Macron", "עמנואל מקרון", "he"),  # vav as the vowel o/u
    ("Vladimir Putin", "ולדימיר פוטין", "he"),  # vav as v
    ("Joe Biden", "ג'ו ביידן", "he"),  # gimel with geresh: j
    ("Narendra Modi", "नरेंद्र मोदी", "hi"),
    ("Olaf Scholz", "أولاف شولتس", "ar"),
])
def test_one_name_in_two_scripts_sounds_the_same(name, other, lang):
    assert same_sound(name_key(name, "en"), name_key(other, lang), endings=True)


@pytest.mark.parametrize("name, other, lang", [
    ("Boris Johnson", "Дональд Трамп", "ru"),
    ("Johnson", "ピーターソン", "ja"),
    ("Peter", "Peterson", "en"),
    ("Emmanuel Macron", "ניקולא סרקוזי", "he"),
])
def test_different_names_do_not(name, other, lang):
    assert not same_sound(name_key(name, "en"), name_key(other, lang))


def test_kana_romanisation_merges_small_kana():
    assert romanise("ジョンソン", "ja") == "jonson"
    assert romanise("ヴァーディ", "ja").startswith("va")


def test_a_name_is_found_inflected_in_running_text():
    assert find_sound("Johnson", "en", "Премьер встретился с Джонсоном вчера.", "ru", endings=True) is not None
    assert find_sound("Johnson", "en", "Премьер встретился с министром вчера.", "ru", endings=True) is None


def test_name_spans_in_scripts_without_capitals():
    assert [s.text for s in find_names("ボリス・ジョンソン首相は学校を訪問した。", "ja")] == ["ボリス・ジョンソン"]
    spans = find_names("唐纳德·特朗普周三表示，谈判将继续。", "zh")
    assert [s.text for s in spans] == ["唐纳德·特朗普"] and spans[0].strong
    # a Japanese middle dot between kanji separates list items, not name parts
    assert find_names("支援・救済・経済安全保障法", "ja") == []


@pytest.mark.parametrize(("text", "name"), [
    ("据法国让·雅克研究所的报告，价格上涨。", "让·雅克研究所"),  # 国 of 法国 (France) is no part of the name
    ("英国首相鲍里斯·约翰逊说，谈判将继续。", "鲍里斯·约翰逊"),  # nor 相 of 首相 (a title)
    ("意大利马里奥·罗西说，谈判将继续。", "马里奥·罗西"),  # a country written before it whole
])
def test_a_han_name_begins_after_a_country_or_title_written_before_it(text: str, name: str) -> None:
    from tqcheck.names.spans import han_place

    found = [s.text for s in find_names(text, "zh")]  # (the country is a span of its own: a CLDR place)
    assert name in found and all(s == name or han_place(s, "zh") for s in found)


def test_a_cldr_place_is_found_inside_a_run_of_han_at_word_boundaries_only() -> None:
    pytest.importorskip("icu")
    spans = find_names("越南政府今天宣布了新的经济计划。", "zh")
    assert [(s.text, s.strong) for s in spans] == [("越南", True)]
    assert [s.text for s in find_names("印度尼西亚总统访问了印度。", "zh")] == ["印度尼西亚", "印度"]  # the longest
    assert find_names("路易斯安那州沿海地区也将出现降雨。", "zh") == []  # 海地 (Haiti) is no word of 沿海地区


def test_latin_word_kept_inside_japanese_or_chinese_text_is_a_name():
    # a dictionary word of English written in Latin letters inside kana or Han text is kept for a reason
    spans = find_names("記事はYahoo!ニュースに掲載された。", "ja")
    assert ("Yahoo", True) in [(s.text, s.strong) for s in spans]  # (a bare katakana run stays weak)
    spans = find_names("他在Apple公司工作了十年。", "zh")
    assert [(s.text, s.strong) for s in spans] == [("Apple", True)]
    # at the start of a sentence a capital says nothing: a dictionary word stays weak there
    assert not any(s.strong for s in find_names("Apple は果物だ。", "ja"))


def test_fullwidth_letters_are_plain_letters():
    assert [s.text for s in find_names("ＷＦＰは食料を届けた。", "ja")] == ["WFP"]


def test_table_cache_reads_back_and_rebuilds_a_damaged_file(tmp_path, monkeypatch):
    from tqcheck.names import tablecache

    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"x": len(calls)}

    assert tablecache.cached_table("t", ("pyyaml",), build) == {"x": 1}
    assert tablecache.cached_table("t", ("pyyaml",), build) == {"x": 1}  # from disk
    assert len(calls) == 1
    for f in tmp_path.glob("table-t-*.pickle"):
        f.write_bytes(b"not a pickle")
    assert tablecache.cached_table("t", ("pyyaml",), build) == {"x": 2}


def test_hangul_name_spans_are_the_words_before_a_title():
    def spans(text: str) -> list[str]:
        return [sp.text for sp in find_names(text, "ko") if sp.strong]

    assert spans("보리스 존슨 총리는 월요일 파리에 도착했다.") == ["보리스 존슨"]
    # one-syllable words end the run: mostly prefixes such as 전 (former) or 미 (US), here a given name
    assert spans("조 바이든 미국 대통령이 연설했다.") == ["바이든"]
    assert spans("에마뉘엘 마크롱 프랑스 대통령이 연설했다.") == ["에마뉘엘 마크롱"]  # the country is passed over
    assert spans("정부는 존슨 총리의 계획을 지지했다.") == ["존슨"]  # a word with a particle ends the run
    assert spans("김민수 씨가 회의에 참석했다.") == ["김민수"]
    assert spans("시민들이 회의에 참석했다.") == []  # no title: no name


def test_hangul_names_sound_like_their_latin_spellings():
    assert name_key("강경화", "ko") == name_key("Kang Kyung-wha", "en")
    assert name_key("반기문", "ko") == name_key("Ban Ki-moon", "en")
    assert name_key("보리스 존슨", "ko") == name_key("Boris Johnson", "en")
    assert find_sound("Boris Johnson", "en", "보리스 존슨 총리는 파리에 도착했다.", "ko") is not None
    assert find_sound("Emmanuel Macron", "en", "도널드 트럼프 대통령이 연설했다.", "ko") is None


@pytest.mark.parametrize(("greek", "latin"), [
    ("Τζο Μπάιντεν", "Joe Biden"), ("Ουάσιγκτον", "Washington"), ("Ντόναλντ Τραμπ", "Donald Trump"),
    ("Πέδρο Σάντσεθ", "Pedro Sánchez"), ("Σινγκαπούρη", "Singapore"), ("Μπόρις Τζόνσον", "Boris Johnson"),
])
def test_greek_two_letter_sounds_are_read_as_modern_greek_writes_them(greek: str, latin: str) -> None:
    assert same_sound(name_key(greek, "el"), name_key(latin, "en"), endings=True)


def test_a_greek_name_is_not_another_latin_one() -> None:
    assert not same_sound(name_key("Μπόρις Τζόνσον", "el"), name_key("Donald Tusk", "en"), endings=True)


@pytest.mark.parametrize(("name", "han", "alike"), [
    ("Jerusalem", "耶路撒冷", True), ("Johnson", "约翰逊", True), ("Trump", "特朗普", True), ("Spain", "西班", True),
    ("Jerusalem", "流量输水", False), ("Jerusalem", "息突如其来", False), ("Oriental", "解决各", False),
])
def test_a_han_reading_must_be_loosely_like_the_name_letters(name: str, han: str, alike: bool) -> None:
    # (session 14) a foreign name's consonant classes are found in ordinary Han words; the pinyin's letters are not
    from tqcheck.checks.names import _LETTERS, letters_alike

    assert (letters_alike(name, "en", han, "zh") >= _LETTERS) is alike


def test_a_word_after_an_initial_or_title_is_not_sentence_initial() -> None:
    spans = [s for s in find_names("Selon la source, M. Belkacem a parlé. Belkacem est venu.", "fr")
             if s.text == "Belkacem"]
    assert [s.initial for s in spans] == [False, True]  # after "M.", and after a sentence's full stop
