"""A fourth invented English news article (a football score, a stock index in points with a weekday date, an
age, a speed, a crowd in words and in figures, a time in GMT, a share of votes and seats, yen in trillions, a
temperature below zero) and its correct translations into Spanish, German, Russian, Chinese, Japanese and Czech
(the languages of the dev data, none of its texts) and Hausa ("yen tiriliyan 1.5", a scale word spelt a letter
away from CLDR's "triliyan"): a correct translation has no finding at major or worse, in both directions. The
German, Russian and Japanese translations give the time in their readers' zone ("15 Uhr MEZ", "17:00 по
московскому времени", "日本時間午後11時"); German "Billionen" is the English trillion; Czech writes the age in
one word ("Pětačtyřicetiletý")."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_unseen_languages_news import _assert_changed_is_critical, _assert_clean, _both_ways

EN = [
    "Bayern Munich beat Borussia Dortmund 3-1 on Saturday, their fifth win in a row.",
    "The DAX fell 120 points, or 0.8%, to 15,300 on Monday, 3 January.",
    "The 45-year-old driver was travelling at 160 km/h, twice the speed limit.",
    "Tens of thousands of people marched through the capital, police said, while organisers put the number at 200,000.",
    "The talks will begin at 14:00 GMT and last about two and a half hours.",
    "The ruling party won 52% of the vote and 176 of the 300 seats.",
    "Toyota plans to invest ¥1.5 trillion in battery production by 2030.",
    "Snow fell for the first time in 40 years, and temperatures dropped to -5C.",
]
DE = [
    "Bayern München hat Borussia Dortmund am Samstag mit 3:1 geschlagen, es war der fünfte Sieg in Folge.",
    "Der DAX fiel am Montag, dem 3. Januar, um 120 Punkte oder 0,8 Prozent auf 15.300 Punkte.",
    "Der 45-jährige Fahrer war mit 160 km/h unterwegs, doppelt so schnell wie erlaubt.",
    "Zehntausende Menschen zogen nach Polizeiangaben durch die Hauptstadt, die Veranstalter sprachen von 200.000.",
    "Die Gespräche beginnen um 15 Uhr MEZ und dauern etwa zweieinhalb Stunden.",
    "Die Regierungspartei erhielt 52 Prozent der Stimmen und 176 der 300 Sitze.",
    "Toyota will bis 2030 1,5 Billionen Yen in die Batterieproduktion investieren.",
    "Zum ersten Mal seit 40 Jahren fiel Schnee, und die Temperaturen sanken auf minus fünf Grad.",
]
RU = [
    "«Бавария» в субботу обыграла дортмундскую «Боруссию» со счетом 3:1, одержав пятую победу подряд.",
    "В понедельник, 3 января, индекс DAX упал на 120 пунктов, или на 0,8%, до 15 300 пунктов.",
    "45-летний водитель ехал со скоростью 160 км/ч, вдвое превышая допустимую.",
    "По данным полиции, по столице прошли десятки тысяч человек, организаторы же оценили их число в 200 тысяч.",
    "Переговоры начнутся в 17:00 по московскому времени и продлятся около двух с половиной часов.",
    "Правящая партия получила 52% голосов и 176 из 300 мест.",
    "Toyota планирует инвестировать в производство аккумуляторов 1,5 трлн иен до 2030 года.",
    "Снег выпал впервые за 40 лет, а температура опустилась до -5 °C.",
]
ZH = [
    "周六，拜仁慕尼黑以3比1击败多特蒙德，取得五连胜。",
    "1月3日周一，DAX指数下跌120点，跌幅0.8%，至15300点。",
    "这名45岁的司机当时车速为每小时160公里，是限速的两倍。",
    "警方称，数万人在首都游行，而组织者称人数达20万。",
    "会谈将于格林尼治标准时间14:00开始，持续约两个半小时。",
    "执政党赢得52%的选票，在300个议席中获得176席。",
    "丰田计划到2030年在电池生产方面投资1.5万亿日元。",
    "这是40年来首次降雪，气温降至零下5摄氏度。",
]
JA = [
    "バイエルン・ミュンヘンは土曜日、ドルトムントに3－1で勝ち、5連勝を飾った。",
    "1月3日（月）のDAX指数は120ポイント（0.8％）下落し、1万5300となった。",
    "45歳の運転手は時速160キロで走行しており、制限速度の2倍だった。",
    "警察によると、数万人が首都をデモ行進し、主催者側は20万人と発表した。",
    "協議は日本時間午後11時に始まり、約2時間半続く見通しだ。",
    "与党は得票率52％で、300議席中176議席を獲得した。",
    "トヨタは2030年までに電池生産に1兆5000億円を投資する計画だ。",
    "40年ぶりに雪が降り、気温は氷点下5度まで下がった。",
]
CS = [
    "Bayern Mnichov v sobotu porazil Borussii Dortmund 3:1 a připsal si páté vítězství v řadě.",
    "Index DAX v pondělí 3. ledna klesl o 120 bodů, tedy o 0,8 %, na 15 300 bodů.",
    "Pětačtyřicetiletý řidič jel rychlostí 160 km/h, tedy dvojnásobnou, než je povolená.",
    "Podle policie prošly hlavním městem desetitisíce lidí, organizátoři hovořili o 200 000.",
    "Jednání začnou ve 14:00 GMT a potrvají zhruba dvě a půl hodiny.",
    "Vládní strana získala 52 % hlasů a 176 z 300 křesel.",
    "Toyota plánuje do roku 2030 investovat do výroby baterií 1,5 bilionu jenů.",
    "Sníh napadl poprvé za 40 let a teploty klesly na minus pět stupňů.",
]


ES = [
    "El Bayern de Múnich venció el sábado 3-1 al Borussia Dortmund, su quinta victoria consecutiva.",
    "El DAX cayó 120 puntos, un 0,8 %, hasta los 15.300 el lunes 3 de enero.",
    "El conductor, de 45 años, circulaba a 160 km/h, el doble del límite de velocidad.",
    "Decenas de miles de personas marcharon por la capital, según la policía, mientras que los organizadores cifraron la asistencia en 200.000.",
    "Las conversaciones comenzarán a las 15.00 horas, hora peninsular española, y durarán unas dos horas y media.",
    "El partido gobernante obtuvo el 52 % de los votos y 176 de los 300 escaños.",
    "Toyota tiene previsto invertir 1,5 billones de yenes en la producción de baterías hasta 2030.",
    "Nevó por primera vez en 40 años y las temperaturas bajaron a -5 °C.",
]

HA = [
    "Bayern Munich ta doke Borussia Dortmund da ci 3-1 a ranar Asabar, nasararta ta biyar a jere.",
    "Ma'aunin DAX ya fadi da maki 120, ko kashi 0.8 cikin 100, zuwa 15,300 a ranar Litinin, 3 ga watan Janairu.",
    "Direban mai shekaru 45 yana tafiya ne a gudun kilomita 160 a cikin sa'a guda, ninki biyu na iyakar gudun da aka kayyade.",
    "Dubban mutane ne suka yi maci a babban birnin kasar, a cewar 'yan sanda, yayin da masu shirya zanga-zangar suka ce adadinsu ya kai 200,000.",
    "Tattaunawar za ta fara ne da karfe 14:00 agogon GMT kuma za ta dauki kusan sa'o'i biyu da rabi.",
    "Jam'iyyar da ke mulki ta samu kashi 52 cikin 100 na kuri'un da aka kada da kujeru 176 daga cikin 300.",
    "Kamfanin Toyota na shirin zuba jarin yen tiriliyan 1.5 a fannin kera batura nan da shekarar 2030.",
    "An yi dusar kankara a karon farko cikin shekaru 40, kuma yanayin zafi ya sauka zuwa digiri -5.",
]

PAIRS = {"es": ES, "de": DE, "ru": RU, "zh": ZH, "ja": JA, "cs": CS, "ha": HA}


@pytest.mark.parametrize("lang,into_english", _both_ways(PAIRS))
def test_a_correct_translation_has_no_major_finding(tmp_path: Path, lang: str, into_english: bool) -> None:
    _assert_clean(tmp_path, EN, PAIRS[lang], lang, into_english)


@pytest.mark.parametrize(("lang", "old", "new"), [
    ("de", "1,5 Billionen", "1,5 Milliarden"), ("cs", "176 z 300", "167 z 300"), ("zh", "15300点", "13500点"),
])
def test_a_changed_figure_is_critical(tmp_path: Path, lang: str, old: str, new: str) -> None:
    _assert_changed_is_critical(tmp_path, EN, PAIRS[lang], lang, old, new)
