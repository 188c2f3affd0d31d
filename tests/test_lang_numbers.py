"""Number, money, date and time facts of the language profiles (CLDR through Babel, num2words), read by numparse.

Invented sentences only; each case states a value the way a professional translator writes it in that language.
"""
import pytest

from tqcheck.lang import profile
from tqcheck.numparse import extract


def hard(text: str, lang: str) -> list:
    return sorted((k for q in extract(text, lang) if not q.soft for k in q.keys), key=repr)


def every(text: str, lang: str) -> list:
    return sorted((k for q in extract(text, lang) for k in q.keys), key=repr)


@pytest.mark.parametrize(("code", "word", "value"), [
    ("de", "millionen", 1e6), ("de", "mio.", 1e6), ("de", "mrd.", 1e9), ("cs", "milionů", 1e6),
    ("cs", "miliardy", 1e9), ("ru", "млн", 1e6), ("ru", "тысяч", 1e3), ("zh", "万", 1e4), ("zh", "亿", 1e8),
    ("ja", "億", 1e8), ("vi", "tỷ", 1e9), ("pl", "milionów", 1e6),
])
def test_scale_words_come_from_cldr_compact_patterns(code: str, word: str, value: float) -> None:
    assert profile(code).numbers.scales[word] == value


def test_single_letter_short_scales_are_not_scale_words() -> None:
    assert "n" not in profile("vi").numbers.scales and "t" not in profile("vi").numbers.scales


@pytest.mark.parametrize(("code", "word", "month"), [
    ("cs", "července", 7), ("cs", "červenci", 7), ("cs", "červnu", 6), ("cs", "červen", 6),
    ("ru", "сентябре", 9), ("ru", "сентября", 9), ("uk", "вересні", 9), ("pl", "listopadzie", 11),
    ("de", "Mai", 5), ("en", "Sept", 9),
    ("tr", "martta", 3), ("tr", "nisandan", 4), ("hu", "márciusban", 3),  # endings the profiles say are written on
    ("ha", "Fabrairu", 2), ("ha", "Faburairu", 2),  # the news spelling beside CLDR's
])
def test_month_forms_and_inflections(code: str, word: str, month: int) -> None:
    assert profile(code).numbers.month_of(word) == month


def test_stems_only_for_languages_whose_month_names_inflect() -> None:
    assert profile("en").numbers.month_stems == ()  # "Augustine" is not August
    assert profile("de").numbers.month_stems == ()
    assert profile("ru").numbers.month_stems
    assert profile("tr").numbers.month_stems  # (one CLDR form, but the profile says endings are written onto it)


@pytest.mark.parametrize(("en", "text", "lang"), [
    ("£75m", "75 Millionen Pfund", "de"),
    ("$30 million", "30 milionů USD", "cs"),
    ("$20 billion", "200 亿美元", "zh"),
    ("663,000", "66.3 万", "zh"),
    ("1 million", "１００万", "ja"),
    ("3.5 million", "3,5 млн", "ru"),
    ("7.5%", "7,5 процентов", "ru"),
    ("18%", "18パーセント", "ja"),
    ("2,5 bn", "2,5 miliardy", "cs"),
    ("206,737", "206 737", "ru"),
])
def test_same_value_across_languages(en: str, text: str, lang: str) -> None:
    assert hard(text, lang) and set(hard(text, lang)) <= set(hard(en, "en"))  # "663,000" may also read 663.0


@pytest.mark.parametrize(("en", "text", "lang"), [
    ("on December 18", "12 月 18 日", "zh"),
    ("on December 18, 2020", "2020年12月18日", "ja"),
    ("on 5 May 2020", "am 5. Mai 2020", "de"),
    ("on 5 May", "5 мая", "ru"),
    ("on March 3", "3. března", "cs"),
    ("at 10:50", "10 点 50 分", "zh"),
    ("at 10:50", "10時50分", "ja"),
    ("at 3:30", "3点半", "zh"),
    ("on November 11", "11 listopada", "pl"),
])
def test_dates_and_times(en: str, text: str, lang: str) -> None:
    assert hard(en, "en") == hard(text, lang) != []


@pytest.mark.parametrize(("en", "text", "lang"), [
    ("in July", "v červenci", "cs"),
    ("in September", "В сентябре", "ru"),
])
def test_months_read_through_a_stem_match_but_are_soft(en: str, text: str, lang: str) -> None:
    # an inflection CLDR does not list is a guess ("červenou" is "red", not July): it may match, never required
    assert hard(en, "en") and set(hard(en, "en")) <= set(every(text, lang)) and hard(text, lang) == []


def test_a_czech_adjective_is_never_a_required_month() -> None:
    assert hard("Regiony budou označeny červenou barvou.", "cs") == []


def test_a_czech_preposition_is_not_a_month() -> None:
    assert hard("Koupili jsme knihy pro děti.", "cs") == []


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("fünf", "de", 5.0), ("pět", "cs", 5.0), ("пять", "ru", 5.0), ("dvacet jedna", "cs", 21.0),
    ("cinco", "es", 5.0), ("pięć", "pl", 5.0),
    ("zweitausend", "de", 2000.0), ("dva tisíce", "cs", 2000.0),  # the round thousands
    ("две", "ru", 2.0), ("עשרים וחמישה", "he", 25.0),  # the other gender, where num2words writes it
    ("дві", "uk", 2.0),  # ... and where the profile does
    ("п’ять", "uk", 5.0), ("дев’ять", "uk", 9.0),  # num2words' apostrophe as typeset
    ("מאה ועשרים", "he", 120.0), ("אלף ומאתיים", "he", 1200.0),  # parts joined by the "and" written onto them
    ("אלפיים", "he", 2000.0),  # the dual
    ("miliyan uku", "ha", 3e6), ("dubu biyar", "ha", 5000.0),  # a scale word written before its number word
    ("خمسة وعشرون", "ar", 25.0), ("ثلاثة آلاف وخمسمائة", "ar", 3500.0),  # Arabic writes "and" onto the word
    ("مئة وعشرون", "ar", 120.0),  # the modern spelling of a hundred (the profile's)
])
def test_number_words_from_num2words_are_soft(text: str, lang: str, value: float) -> None:
    (q,) = extract(text, lang)
    assert q.soft and q.value == value


@pytest.mark.parametrize(("text", "value", "word"), [
    ("כמאה איש הפגינו", 100.0, "מאה"),  # about a hundred
    ("ועשרים נפצעו", 20.0, "עשרים"),  # and twenty
    ("כשלושת אלפים איש", 3000.0, "שלושת אלפים"),  # about three thousand (the construct form)
])
def test_hebrew_one_letter_words_written_onto_a_number_word(text: str, value: float, word: str) -> None:
    (q,) = extract(text, "he")
    assert q.soft and q.value == value and q.text == word


def test_and_joins_only_a_smaller_part() -> None:
    # two and three is a list, not five; twenty-five and six is no compound either
    assert [q.value for q in extract("שניים ושלושה", "he")] == [2.0, 3.0]
    assert [q.value for q in extract("עשרים וחמש ושש", "he")] == [25.0, 6.0]


def test_numbers_in_scripts_without_latin_letters_have_boundaries() -> None:
    assert hard("Выросло на 12%.", "ru") == [("pct", 12.0)]
    assert hard("Ανάπτυξη 12%", "el") == [("pct", 12.0)]
    assert hard("约200人", "zh") == [("num", 200.0)]


def test_approximation_words_mark_values() -> None:
    assert [q.approx for q in extract("about 40 people and 12 cars", "en")] == [True, False]
    assert [q.approx for q in extract("40 人左右", "zh")] == [True]
    assert [q.approx for q in extract("etwa 40 Menschen", "de")] == [True]


@pytest.mark.parametrize(("text", "lang", "unit"), [
    ("150 feet", "en", "foot"), ("50m", "vi", "meter"), ("54 độ C", "vi", "degC"), ("8-inch", "en", "inch"),
    ("100 square miles", "en", "mile**2"), ("20 Meilen", "de", "mile"), ("20 миль", "ru", "mile"),
    ("16 公里", "zh", "kilometer"),
])
def test_units_after_numbers(text: str, lang: str, unit: str) -> None:
    (q,) = extract(text, lang)
    assert q.unit == unit


def test_profile_is_built_once() -> None:
    assert profile("cs").numbers is profile("cs").numbers


@pytest.mark.parametrize(("en", "text", "lang"), [
    ("$169.4 million", "1億6,940万", "ja"),      # a larger scale followed at once by a smaller part
    ("60,496", "6万496", "ja"),
    ("28,000", "přesáhly 28 000.", "cs"),       # space grouping before a full stop
    ("more than 90 million", "9000多万", "zh"),  # 多 between the figure and its scale
    ("6.9961", "6.9961", "zh"),
])
def test_written_in_parts_and_grouped(en: str, text: str, lang: str) -> None:
    assert hard(text, lang) and set(hard(text, lang)) <= set(hard(en, "en"))


def test_a_range_shares_its_scale() -> None:
    (low, high) = [q for q in extract("3 až 8 milionů liber", "cs") if not q.soft]
    assert ("num", 3e6) in low.keys and ("num", 8e6) in high.keys


def test_a_day_without_its_month_and_an_hour_without_minutes_only_match() -> None:
    day, hour = extract("截至25日16时", "zh")
    assert day.soft and ("date", (7, 25)) in day.keys
    assert hour.soft and ("time", (16, 0)) in hour.keys and ("time", (4, 0)) in hour.keys


def test_model_numbers_and_bracketed_glosses_are_match_only() -> None:
    assert hard("波音737NG", "zh") == []
    assert hard("6,000 mu (400 hectares)", "en") == [("num", 6.0), ("num", 6000.0)]


def test_afternoon_marks_from_cldr_give_the_24_hour_reading() -> None:
    assert ("time", (23, 30)) in extract("around 11:30 p.m.", "en")[0].keys
    assert ("time", (15, 30)) in extract("下午3点30分", "zh")[0].keys
    assert ("time", (22, 30)) not in extract("at 10:30 people left", "en")[0].keys


def test_a_capitalised_name_is_not_an_inflected_month() -> None:
    assert extract("Мартин приехал.", "ru") == []
    assert [q.value for q in extract("в сентябре", "ru")] == [None]


@pytest.mark.parametrize(("en", "text", "lang"), [
    ("on July 5", "el 5 de julio", "es"),          # the joiner "de" of CLDR's "d 'de' MMMM 'de' y"
    ("on March 5", "em 5 de março", "pt"),
    ("3.5 million", "٣٫٥ مليون", "ar"),            # Arabic-Indic digits and the Arabic decimal separator
    ("3.5 million", "3,5 millions", "fr"),         # languages without a profile module: all derived
    ("$20 billion", "200억 달러", "ko"),
    ("on December 18", "12월 18일", "ko"),
])
def test_languages_without_a_profile_module(en: str, text: str, lang: str) -> None:
    assert hard(text, lang) and set(hard(text, lang)) <= set(hard(en, "en"))


def test_two_digit_year_before_the_year_suffix_and_parts_in_a_year_range() -> None:
    assert ("num", 2018.0) in extract("１８年の選挙", "ja")[0].keys
    assert hard("１万１０００店舗", "ja") == [("num", 11000.0)]


def test_han_numerals_and_english_decades_are_soft() -> None:
    (q,) = extract("十六人", "ja")  # a counted Han numeral may satisfy a figure; required at minor only
    assert q.soft and q.kind == "number" and q.value == 16.0
    (q,) = extract("一些人", "zh")  # a lone character is part of many words: it may only match
    assert q.soft and q.kind == "ordinal"
    (q,) = extract("in his fifties", "en")
    assert q.soft and q.value == 50.0


def test_a_full_width_comma_before_a_cjk_date_is_not_a_decimal_comma() -> None:
    assert hard("CDC 表示，6 月 19 日至 7 月 11 日", "zh") == [("date", (6, 19)), ("date", (7, 11))]


@pytest.mark.parametrize(("en", "text", "lang"), [
    ("on December 5, 2021", "二〇二一年十二月五日", "zh"),
    ("on November 20", "十一月二十日", "ja"),
    ("in 2021", "二〇二一年", "zh"),
])
def test_han_numeral_dates_are_hard(en: str, text: str, lang: str) -> None:
    assert hard(en, "en") == hard(text, lang) != []


@pytest.mark.parametrize(("text", "value"), [("三十五名", 35.0), ("两百名", 200.0), ("三千五百万人", 3.5e7)])
def test_han_numeral_counts_through_cn2an(text: str, value: float) -> None:
    assert ("num", value) in every(text, "zh")


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("в двадцати километрах", "ru", 20.0), ("Er wurde Zwanzigster", "de", 20.0),
])
def test_case_forms_of_number_words_may_match(text: str, lang: str, value: float) -> None:
    assert ("num", value) in every(text, lang) and hard(text, lang) == []


def test_era_years_read_through_icu_calendars() -> None:
    pytest.importorskip("icu")
    assert ("num", 2021.0) in hard("令和3年4月1日に開業した。", "ja")
    assert ("num", 1989.0) in hard("平成元年に生まれた。", "ja")
    assert ("num", 1945.0) in hard("昭和二十年の夏", "ja")
    assert ("num", 1921.0) in hard("民国10年", "zh")
    assert ("num", 3.0) in hard("過去3年で", "ja")  # a count of years, no era before it


def test_an_era_year_that_glosses_a_year_is_not_required_twice() -> None:
    pytest.importorskip("icu")
    qs = [q for q in extract("1989年（平成元年）に完成した。", "ja") if ("num", 1989.0) in q.keys]
    assert [q.soft for q in qs] == [False, True]


def test_a_count_of_others_also_reads_one_more() -> None:
    assert ("num", 4.0) in every("Tanaka and 3 others reached the final.", "en")
    assert ("num", 4.0) not in every("Tanaka and 3 friends reached the final.", "en")


def test_a_number_inside_a_name_keeps_the_name() -> None:
    (q,) = extract("Patienten mit Covid-19 wurden verlegt.", "de")
    assert q.soft and q.tag == "covid"


@pytest.mark.parametrize(("value", "text", "lang", "inside"), [
    (45.0, "Vyhrál pětačtyřicetiletý jezdec.", "cs", True),
    (3.0, "Ein Dreitore-Rückstand war zu viel.", "de", True),
    (8.0, "The weight of the box.", "en", False),  # "w" + "eight": no compound
    (45.0, "Vyhrál zkušený jezdec.", "cs", False),
])
def test_number_words_spelled_inside_compounds(value: float, text: str, lang: str, inside: bool) -> None:
    from tqcheck.numparse import spelled_inside

    assert spelled_inside(value, text, lang) is inside


@pytest.mark.parametrize(("text", "lang", "values"), [
    ("Sie stehen im Achtelfinale.", "de", {8.0}),  # eighth-finals
    ("qualifiés pour les huitièmes de finale", "fr", {8.0}),
    ("Wir beobachten die Nacht.", "de", set()),  # "acht" inside, not at the start
    ("in the seventeenth century", "en", set()),  # a number word itself, no compound of "seven"
    ("四分之一决赛", "zh", set()),  # languages without spaces are not read
])
def test_number_words_beginning_longer_words(text: str, lang: str, values: set) -> None:
    from tqcheck.numparse import values_begun

    assert values_begun(text, lang) == values


@pytest.mark.parametrize(("text", "lang", "key"), [
    ("得票率約６割で当選", "ja", ("pct", 60.0)),  # a share counted in tenths
    ("容疑は０７～０８年の事件", "ja", ("num", 2007.0)),  # the first of a two-digit year range
    ("上世纪 5、60 年代", "zh", ("num", 50.0)),  # a digit before a tens figure
    ("Das Spiel beginnt um 20.00 Uhr.", "de", ("num", 20.0)),  # a whole hour is also "20h"
    ("The doors open at 18:00.", "en", ("num", 18.0)),
])
def test_values_written_in_shorthand(text: str, lang: str, key: tuple) -> None:
    assert key in every(text, lang)


def test_a_day_of_this_month_may_match_any_month() -> None:
    assert ("date", (3, 9)) in every("市长本月9日宣布了新计划。", "zh")
    assert every("12月 9日", "zh") == [("date", (12, 9))]


def test_a_unit_in_cyrillic_is_not_an_inflected_scale_word() -> None:
    assert every("ему 500 миллиграммов препарата", "ru") == [("num", 500.0)]
    assert every("500 миллионов долларов", "ru") == [("num", 5e8)]


def test_han_hours_and_minutes_are_soft_times() -> None:
    assert ("time", (4, 30)) in every("他一直忙到凌晨四点半才回家。", "zh")
    assert ("time", (15, 20)) in every("会议下午三点二十分开始。", "zh")
    assert ("time", (9, 30)) in every("列車は九時半に着いた。", "ja")
    assert not [q for q in extract("他一直忙到凌晨四点半才回家。", "zh") if not q.soft]


def test_two_neighbouring_han_digits_are_either_value() -> None:
    keys = every("走了五六百米后，他看到路面裂开四五厘米。", "zh")
    assert {("num", 500.0), ("num", 600.0), ("num", 4.0), ("num", 5.0)} <= set(keys)
    assert ("num", 45.0) not in keys and ("num", 46.0) in every("编号四六", "zh")  # not neighbours: one number


def test_a_k_without_currency_reads_both_ways() -> None:
    assert {("num", 50.0), ("num", 50000.0)} <= set(hard("She won a 50K prize.", "en"))
    assert hard("a 5 m wall", "en") == [("num", 5.0)]


def test_a_second_day_is_no_hour() -> None:
    assert ("date", (7, 8)) not in every("from 8:00 am on July 25th to 8:00 am next day", "en")
    assert ("date", (7, 27)) in every("from July 25 to 27", "en")


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("Plat vzroste až o sedmi tisíc korun.", "cs", 7000.0), ("Bylo jich asi devět set.", "cs", 900.0),
    ("Dětem od šesti let je vstup povolen.", "cs", 6.0),
])
def test_short_number_words_with_case_endings_and_spaced_hundreds(text: str, lang: str, value: float) -> None:
    assert ("num", value) in every(text, lang)


def test_short_number_words_take_no_endings_in_languages_without_cases() -> None:
    assert every("They pitched a tent.", "en") == [] and every("Sieben Elfen tanzten.", "de") == [("num", 7.0)]


def test_an_ordinal_hour_is_a_time_in_ordinal_dot_languages() -> None:
    assert ("time", (23, 0)) in every("Nehoda se stala kolem 23. hodiny.", "cs")
    assert ("time", (19, 0)) not in every("Stavba pochází z 19. století.", "cs")


def test_a_range_of_days_with_an_article_before_the_second() -> None:
    assert {("date", (5, 3)), ("date", (5, 9))} <= set(hard("entre le 3 et le 9 mai 2022", "fr"))


def test_icelandic_case_forms_of_one_to_four() -> None:
    assert ("num", 4.0) in every("Liðið samdi við fjóra leikmenn.", "is")
    assert ("num", 4.0) in every("Hann er á meðal fjögurra nýliða.", "is")
    assert ("num", 2.0) in every("Hún ræddi við tveggja manna nefnd.", "is")


def test_numbers_written_in_parts_with_cjk_scales() -> None:
    assert ("num", 2.5e12) in hard("정부는 도로에 2조 5천억 원을 투입한다.", "ko")
    assert ("num", 5e11) in hard("5천억 원", "ko")
    assert ("num", 35000.0) in hard("现场有3万5千人。", "zh") and ("num", 30005.0) not in hard("现场有3万5千人。", "zh")
    assert ("num", 5e7) in hard("5千万人", "zh")


def test_short_number_words_less_their_final_vowel_take_case_endings() -> None:
    assert ("num", 7.0) in every("К семи вечера все ушли.", "ru")
    assert ("num", 5.0) in every("Делегации из пяти стран прибыли.", "ru")


@pytest.mark.parametrize(("text", "lang"), [
    ("Le taux a augmenté de 0,5 point de pourcentage.", "fr"), ("La tasa subió 0,5 puntos porcentuales.", "es"),
    ("Il tasso è salito di 0,5 punti percentuali.", "it"), ("Der Zins stieg um 0,5 Prozentpunkte.", "de"),
    ("Stopa wzrosła o 0,5 punktu procentowego.", "pl"), ("Ставка выросла на 0,5 процентного пункта.", "ru"),
])
def test_percentage_points_are_percentages(text: str, lang: str) -> None:
    assert ("pct", 0.5) in hard(text, lang)


def test_a_clock_word_before_the_hour_makes_it_a_time() -> None:
    assert ("time", (15, 0)) in every("Leikurinn hefst kl. 15 í dag.", "is")
    assert ("time", (20, 0)) in every("Fundurinn hefst klukkan 20.", "is")
    assert ("time", (15, 0)) not in every("Liðið hefur unnið 15 leiki.", "is")


@pytest.mark.parametrize("code,first", [("ha", True), ("sw", True), ("en", False), ("de", False), ("he", False),
                                        ("yo", False)])
def test_scale_word_order_comes_from_cldrs_long_compact_patterns(code: str, first: bool) -> None:
    # "Miliyan 0" (Hausa), "milioni 0" (Swahili); "0 million"; Hebrew's patterns begin with a bidi mark
    from tqcheck.lang.cldr import number_facts

    assert number_facts(code).scale_first is first


@pytest.mark.parametrize("code,text,percent", [
    ("fi", "vienti väheni 12 prosentilla", "12 prosentilla"),  # a case form CLDR does not list
    ("lv", "par 40 procentiem", "40 procentiem"),
    ("hu", "40 százalékkal nőtt", "40 százalékkal"),
    ("lt", "pakilo 6,2 proc. per metus", "6,2 proc."),  # the abbreviation: four letters and a full stop
    ("de", "40 Prozesse im Jahr", None),  # begins like "Prozent" with five letters, not six
    ("ru", "40 процессов", None),
    ("ar", "ارتفعت الأسعار بنحو 12 في المئة هذا العام", "12 في المئة"),  # the profile's percent phrase
])
def test_percent_word_case_forms_and_abbreviation(code: str, text: str, percent: str | None) -> None:
    from tqcheck.numparse import extract

    found = [q.text for q in extract(text, code) if q.kind == "percent"]
    assert found == ([percent] if percent else [])


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("전체의 4분의 1은", "ko", 0.25), ("人口の3分の2が", "ja", 2 / 3), ("约四分之一的", "zh", 0.25),
])
def test_fractions_are_shares_that_may_match_a_percentage(text: str, lang: str, value: float) -> None:
    qs = [q for q in extract(text, lang) if q.value == pytest.approx(value)]
    assert qs and all(q.soft for q in qs)  # "a quarter" in words has no figure to require
    assert any(k[0] == "pct" and k[1] == pytest.approx(100 * value) for k in qs[0].keys)
    assert not [q for q in extract(text, lang) if q.value in (1.0, 2.0, 3.0, 4.0)]  # no stray parts


def test_hundredths_are_a_hard_percentage() -> None:
    assert ("pct", 35.5) in hard("增长了百分之三十五点五", "zh")
    assert ("pct", 12.0) in hard("占百分之12的份额", "zh")


def test_a_figure_with_an_attached_scale_and_a_smaller_count_is_one_value() -> None:
    assert ("num", 52800.0) in hard("약 5만 2800톤", "ko")  # 5 x 10^4 + 2800, written with one space
    assert ("num", 50000.0) in hard("5만 2030년까지", "ko")  # a year after it is no part of it
    assert ("num", 5e6) in hard("5 Millionen 2800 Menschen", "de")  # a scale word of its own stays apart


def test_the_arabic_dual_of_a_scale_word_is_two_of_it() -> None:
    assert ("num", 2e6) in every("أكثر من مليوني زائر", "ar")
    assert ("num", 2e9) in every("بقيمة ملياري دولار", "ar")
    assert ("num", 1e6) in every("مليون زائر", "ar")


@pytest.mark.parametrize(("word", "month"), [("Ιανουάριο", 1), ("Μάρτιο", 3), ("Ιουλίου", 7), ("Αύγουστο", 8)])
def test_greek_month_case_forms_whose_accent_moves(word: str, month: int) -> None:
    assert profile("el").numbers.month_of(word) == month  # CLDR lists Ιανουάριος and Ιανουαρίου only
    assert ("month", month) in every(f"τον {word} του 2021", "el") or ("date", (month, 5)) in every(
        f"στις 5 {word}", "el")


def test_the_arabic_and_written_onto_a_figure() -> None:
    # CLDR's Arabic list pattern "{0} و{1}" writes "and" onto the next word; running text onto a figure too
    assert ("num", 2021.0) in hard("بين عامي 2019 و2021", "ar")
    assert ("pct", 7.9) in hard("و٧٫٩٪", "ar")
    assert ("num", 2021.0) in hard("ב2021", "he")  # Hebrew's one-letter words, without the usual hyphen


@pytest.mark.parametrize(("en", "text", "lang"), [
    ("52,800 tonnes", "প্রায় ৫২ হাজার ৮০০ টন", "bn"),     # a figure, its scale word, then a smaller count
    ("$15 billion", "১ হাজার ৫০০ কোটি ডলার", "bn"),       # (1 thousand 500) crore
    ("2 million", "২০ লাখের বেশি", "bn"),                   # the genitive ending written onto the scale word
    ("7.1%", "৭.১ শতাংশে নেমেছে", "bn"),                   # ... and onto the percent word
    ("3.55 million", "সাড়ে ৩৫ লাখ", "bn"),                 # "and a half" before the figure: 35.5 lakh
    ("at 10:30 a.m.", "সকাল সাড়ে ১০টায়", "bn"),            # half past ten, the hour with its classifier
    ("at 8:45 p.m.", "রাত পৌনে ৯টায়", "bn"),               # a quarter to nine
    ("at 10:30 a.m.", "सुबह साढ़े 10 बजे", "hi"),
    ("2.5 million", "ढाई करोड़ में से 25 लाख", "hi"),        # (25 lakh; ढाई करोड़ is 25 million)
])
def test_bengali_and_hindi_counting(en: str, text: str, lang: str) -> None:
    assert hard(text, lang) and set(hard(en, "en")) & set(every(text, lang))


def test_a_combining_mark_belongs_to_its_word() -> None:
    # "বিশ্ব" (world) holds "বিশ" (twenty) before its virama; "আমস্টারডামে" ends in "মে" (May) after a vowel sign
    assert every("বিশ্ব স্বাস্থ্য সংস্থা", "bn") == []
    assert every("আমস্টারডামে পুলিশ", "bn") == []
    assert every("ফ্রাঙ্কফুর্ট স্টক এক্সচেঞ্জে", "bn") == []


@pytest.mark.parametrize(("en", "text", "lang"), [
    ("3.2%", "৩ দশমিক ২ শতাংশ", "bn"),                       # the decimal point written as a word
    ("0.4%", "শূন্য দশমিক ৪ শতাংশ", "bn"),                    # ... after a number word
    ("from 6 to 8 May", "৬ থেকে ৮ মে", "bn"),                 # the profile's word between the days of a range
    ("from 6 to 8 May", "6 से 8 मई", "hi"),
    ("at 3:15", "রাত ৩টা ১৫ মিনিটে", "bn"),                   # an hour and its minutes
    ("at 3:15", "3 बजकर 15 मिनट", "hi"),
    ("in March", "মার্চে", "bn"),                               # the case ending written onto the month
])
def test_bengali_and_hindi_decimals_ranges_and_times(en: str, text: str, lang: str) -> None:
    assert hard(text, lang) and set(hard(en, "en")) == set(hard(text, lang))


def test_percentage_points_also_read_as_points() -> None:
    assert ("num", 0.4) in hard("rose by 0.4 percentage points", "en")  # "0.4ポイント", "0,4 процентного пункту"
    assert ("pct", 0.4) in hard("rose by 0.4 percentage points", "en")
    assert ("num", 0.4) not in hard("rose by 0.4 percent", "en")


def test_a_short_number_word_with_letters_after_it_is_another_word() -> None:
    assert every("তিনি বলেছেন", "bn") == []  # "তিনি" (he) is no "তিন" (three)
    assert ("num", 90.0) in every("নব্বইয়ের দশকে", "bn")  # a long one takes its case ending


def test_a_figure_with_letters_written_onto_its_front_may_only_match() -> None:
    # a currency the press abbreviates (naira, rand, rupees) or a code: which one is not known
    assert ("num", 2.5e9) in every("a budget of N2.5bn", "en") and hard("a budget of N2.5bn", "en") == []
    assert ("num", 5e7) in every("fined R50 million", "en")
    assert ("num", 2.5e9) in every("Naira biliyan 2.5", "ha")
    assert hard("N95 masks", "en") == []


def test_a_round_year_before_the_word_for_a_decade_reads_as_the_decade() -> None:
    # CLDR's unit name of a decade: "1990 के दशक में" is the 1990s, which Bengali says "নব্বইয়ের দশকে" (ninety's)
    assert ("num", 90.0) in hard("1990 के दशक में", "hi")
    assert ("num", 90.0) not in hard("1990 में", "hi")


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("तीन घंटे से भी कम", "hi", 3.0), ("za manje od tri sata", "hr", 3.0), ("pet milijuna ljudi", "hr", 5e6),
])
def test_number_words_from_icu_where_num2words_has_none(text: str, lang: str, value: float) -> None:
    pytest.importorskip("icu")  # CLDR's spell-out rules through PyICU (the optional icu extra)
    (q,) = extract(text, lang)
    assert q.soft and q.value == value


def test_a_short_month_name_with_letters_after_it_is_another_word() -> None:
    assert every("অ্যাঙ্গেলা মের্কেল হেলসিঙ্কিতে", "bn") == []  # "মের্কেল" (Merkel) holds no "মে" (May)
    assert hard("৫ মে", "bn") == [("date", (5, 5))]


def test_hausa_dates_with_the_word_for_month_and_numerals() -> None:
    assert hard("a ranar 2 ga watan Agusta", "ha") == [("date", (8, 2))]  # "the 2nd of the month of August"
    assert ("num", 3.0) in every("cikin kasa da sa'o'i uku", "ha")  # (in less than three hours)


@pytest.mark.parametrize(("text", "value"), [
    ("The package is worth another $1 tln, the minister said.", 1e12),  # a news agency's English
    ("Exports reached $3.5 bln last year.", 3.5e9),
    ("The fund holds $40 mln in cash.", 4e7),
    ("Debt rose to $2trn.", 2e12),  # the financial press
])
def test_english_scale_abbreviations_of_news_and_financial_english(text: str, value: float) -> None:
    assert [q.value for q in extract(text, "en") if q.kind == "money"] == [value]
