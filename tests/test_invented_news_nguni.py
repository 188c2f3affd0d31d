"""Two invented English news articles from South Africa (a president and a minister with titles, a date with a
weekday, money in rand and dollars with scale words, a percentage, an age, a time, acronyms, a city with its own
name in the language) and their correct translations into isiZulu and isiXhosa, Bantu languages of no dev data:
noun-class, locative and concord prefixes are written onto names, figures, acronyms and months ("uSipho Dlamini",
"eThekwini", "abantu abangu-200", "u-$1.5 wezigidigidi", "i-ANC", "ngoMashi"), the scale word often comes first
("izigidi ezingu-3", with a concord on the figure) and a percentage may be the word before the figure
("amaphesenti angu-40"). A correct translation has no finding at major or worse from English, into English and
between the two languages (close relatives that share many words); a changed figure is critical and a swapped
name is TQ101 at major or worse; an article given without its languages is named by CLD3, not read as Swahili."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_unseen_languages_news import _assert_changed_is_critical, _assert_clean, _both_ways, _check, _major

from tqcheck.config import Config
from tqcheck.model import Severity
from tqcheck.pipeline import check_documents

EN = [
    'President Cyril Ramaphosa will visit Durban on Tuesday, 14 March, to open a new hospital.',
    'The hospital cost R450 million and has 600 beds.',
    'Health Minister Sipho Dlamini said the province still needs about 3 million vaccine doses.',
    'Unemployment in South Africa rose to 32.9% in the first quarter of 2023.',
    'The World Bank has lent the country $1.5 billion to repair its power stations.',
    'Eskom said the power cuts would begin at 18:00 on Wednesday.',
    'The ANC will hold its national conference in Johannesburg in December.',
    'Mrs Nomvula Khumalo, 64, told reporters that 200 people had been arrested.',
    'From Thursday, petrol will cost R23.50 a litre.',
    'The Springboks beat New Zealand 35-20 in Cape Town on Saturday.',
]
ZU = [
    'UMongameli Cyril Ramaphosa uzovakashela eThekwini ngoLwesibili, mhla ziyi-14 kuMashi, ezovula isibhedlela esisha.',
    'Isibhedlela sibize u-R450 wezigidi futhi sinemibhede engu-600.',
    'UNgqongqoshe WezeMpilo uSipho Dlamini uthe isifundazwe sisadinga imithamo yomgomo ecishe ibe yizigidi ezingu-3.',
    'Ukuntuleka kwemisebenzi eNingizimu Afrika kukhuphukele ku-32.9% ngekota yokuqala ka-2023.',
    'IBhange Lomhlaba liboleke izwe u-$1.5 wezigidigidi ukuze kulungiswe iziteshi zikagesi.',
    'I-Eskom ithe ukucinywa kukagesi kuzoqala ngo-18:00 ngoLwesithathu.',
    'I-ANC izoba nengqungquthela yayo kazwelonke eGoli ngoDisemba.',
    'UNkk Nomvula Khumalo, oneminyaka engu-64, utshele izintatheli ukuthi kuboshwe abantu abangu-200.',
    'Kusukela ngoLwesine, uphethiloli uzobiza u-R23.50 ilitha.',
    'AmaBokke ahlule iNew Zealand ngo-35-20 eKapa ngoMgqibelo.',
]
XH = [
    'UMongameli Cyril Ramaphosa uza kutyelela eThekwini ngoLwesibini, umhla we-14 kuMatshi, ukuze avule isibhedlele '
    'esitsha.',
    'Esi sibhedlele sixabise i-R450 yezigidi kwaye sineebhedi ezingama-600.',
    'UMphathiswa wezeMpilo uSipho Dlamini uthe iphondo lisafuna malunga nezigidi ezi-3 zeedosi zesitofu.',
    'Ukungaqeshwa eMzantsi Afrika kunyuke kwaya kuma-32.9% kwikota yokuqala ka-2023.',
    'IBhanki yeHlabathi iboleke ilizwe i-$1.5 yeebhiliyoni ukuze kulungiswe izikhululo zombane.',
    'I-Eskom ithe ukucinywa kombane kuza kuqala ngo-18:00 ngoLwesithathu.',
    'I-ANC iza kubamba inkomfa yayo kazwelonke eJohannesburg ngoDisemba.',
    'UNksk Nomvula Khumalo, oneminyaka engama-64, uxelele iintatheli ukuba kubanjwe abantu abangama-200.',
    'Ukusukela ngoLwesine, ipetroli iza kuxabisa i-R23.50 ngelitha.',
    'AmaBhokobhoko oyise iNew Zealand ngama-35-20 eKapa ngoMgqibelo.',
]

EN2 = [
    'The United Nations said on Monday that 40% of children in the region do not go to school.',
    'The report, published on 2 June 2024, covers 12 countries.',
    'Dr Thandiwe Mahlangu, 52, who led the study, said 1.2 million children had left school since 2020.',
    'The government will spend R3 billion on new classrooms over five years.',
    "Minister Blade Nzimande will meet teachers' unions in Pretoria at 10:30 on Friday.",
    'Teachers earn R25 000 a month on average, according to the union Sadtu.',
    'The World Health Organization (WHO) gave $20 million for school meals.',
    'In KwaZulu-Natal, 3 500 schools have no running water.',
]
ZU2 = [
    'I-UN ithe ngoMsombuluko amaphesenti angu-40 ezingane kulesi sifunda akayi esikoleni.',
    'Lo mbiko, owashicilelwa zingu-2 kuJuni 2024, uhlanganisa amazwe angu-12.',
    'UDkt Thandiwe Mahlangu, oneminyaka engu-52, owahola ucwaningo, uthe izingane eziyizigidi ezingu-1.2 ziyeke '
    'isikole kusukela ngo-2020.',
    'Uhulumeni uzosebenzisa izigidigidi ezingu-R3 emakilasini amasha eminyakeni emihlanu.',
    'UNgqongqoshe Blade Nzimande uzohlangana nezinyunyana zothisha ePitoli ngo-10:30 ngoLwesihlanu.',
    'Othisha bahola u-R25 000 ngenyanga ngokwesilinganiso, ngokusho kwenyunyana i-Sadtu.',
    'INhlangano Yezempilo Yomhlaba (i-WHO) inikele ngo-$20 wezigidi ukudla kwasesikoleni.',
    'EKwaZulu-Natal, izikole eziyi-3 500 azinawo amanzi empompini.',
]
XH2 = [
    'I-UN ithe ngoMvulo ama-40% abantwana kulo mmandla abayi esikolweni.',
    'Le ngxelo, epapashwe ngomhla we-2 kuJuni 2024, iquka amazwe ali-12.',
    'UGqr Thandiwe Mahlangu, oneminyaka engama-52, okhokele uphando, uthe izigidi ezi-1.2 zabantwana ziyeke isikolo '
    'ukusukela ngo-2020.',
    'Urhulumente uza kuchitha i-R3 yeebhiliyoni kumagumbi okufundela amatsha kwiminyaka emihlanu.',
    'UMphathiswa uBlade Nzimande uza kudibana nemibutho yootitshala ePitoli ngo-10:30 ngoLwesihlanu.',
    'Ootitshala bahlawulwa i-R25 000 ngenyanga ngokomyinge, ngokutsho komanyano i-Sadtu.',
    'UMbutho wezeMpilo weHlabathi (i-WHO) unikele nge-$20 yezigidi kukutya kwesikolo.',
    'EKwaZulu-Natal, izikolo ezingama-3 500 azinawo amanzi ompompo.',
]

# a third, shorter one: a building the isiXhosa names in its own words ("iZakhiwo zoManyano") and the isiZulu
# keeps in English, the plural scale and thousands words, a year range, a traditional month name
EN3 = [
    'Thousands of people marched to the Union Buildings on Friday.',
    'The pass rate rose from 76.4% in 2022 to 82.9% in 2023.',
    'In the 1990s, only two million households had electricity.',
    "The company's shares fell by a third in the 2021/22 financial year.",
    'The new law comes into effect on 1 April.',
]
ZU3 = [
    'Izinkulungwane zabantu zimashe zaya e-Union Buildings ngoLwesihlanu.',
    'Izinga lokuphasa lenyuke lisuka ku-76.4% ngo-2022 laya ku-82.9% ngo-2023.',
    'Ngeminyaka yawo-1990, imizi eyizigidi ezimbili kuphela eyayinogesi.',
    'Amasheya enkampani ehle ngengxenye eyodwa kwezintathu onyakeni wezimali ka-2021/22.',
    'Umthetho omusha uqala ukusebenza mhla lu-1 kuMbasa.',
]
XH3 = [
    'Amawaka abantu amatshe esiya kwiZakhiwo zoManyano ngoLwesihlanu.',
    'Izinga lokuphumelela linyuke lisuka kuma-76.4% ngo-2022 laya kuma-82.9% ngo-2023.',
    'Kwiminyaka yoo-1990, ziintsapho ezizizigidi ezimbini kuphela ezazinombane.',
    'Izabelo zenkampani zehle ngesinye kwisithathu kunyaka-mali ka-2021/22.',
    'Umthetho omtsha uqala ukusebenza ngomhla woku-1 kuTshazimpuzi.',
]

PAIRS = {"zu": ZU, "xh": XH}
PAIRS2 = {"zu": ZU2, "xh": XH2}
PAIRS3 = {"zu": ZU3, "xh": XH3}


@pytest.mark.parametrize("lang,into_english", _both_ways(PAIRS))
def test_a_correct_translation_has_no_major_finding(tmp_path: Path, lang: str, into_english: bool) -> None:
    _assert_clean(tmp_path, EN, PAIRS[lang], lang, into_english)


@pytest.mark.parametrize("lang,into_english", _both_ways(PAIRS2))
def test_a_second_article_has_no_major_finding(tmp_path: Path, lang: str, into_english: bool) -> None:
    _assert_clean(tmp_path, EN2, PAIRS2[lang], lang, into_english)


@pytest.mark.parametrize("lang,into_english", _both_ways(PAIRS3))
def test_a_third_article_has_no_major_finding(tmp_path: Path, lang: str, into_english: bool) -> None:
    _assert_clean(tmp_path, EN3, PAIRS3[lang], lang, into_english)


@pytest.mark.parametrize(("src", "tgt"), [("zu", "xh"), ("xh", "zu")])
@pytest.mark.parametrize("article", [0, 1, 2])
def test_between_the_two_languages_no_major_finding(tmp_path: Path, src: str, tgt: str, article: int) -> None:
    # close relatives: a sentence shares most of its words with its source (TQ403 at most minor); an
    # organisation is named in each language's own words before the acronym both write ("(i-WHO)"), a building
    # in isiXhosa words where isiZulu keeps the English name ("iZakhiwo zoManyano" / "e-Union Buildings")
    pairs = (PAIRS, PAIRS2, PAIRS3)[article]
    rep = _check(tmp_path, src, "\n\n".join(pairs[src]), tgt, "\n\n".join(pairs[tgt]))
    assert len(rep.alignment) == len(pairs[src])
    assert _major(rep) == []


@pytest.mark.parametrize(("lang", "old", "new"), [
    ("zu", "abantu abangu-200", "abantu abangu-300"),  # a concord on the figure
    ("zu", "ku-32.9%", "ku-23.9%"),
    ("zu", "yizigidi ezingu-3", "yizigidi ezingu-5"),  # the scale word first, a concord between
    ("zu", "u-$1.5 wezigidigidi", "u-$1.5 wezigidi"),  # billion -> million
    ("zu", "ziyi-14 kuMashi", "ziyi-14 kuMeyi"),  # the month, with its prefix
    ("zu", "ngo-18:00", "ngo-16:00"),
    ("xh", "abangama-200", "abangama-300"),
    ("xh", "i-$1.5 yeebhiliyoni", "i-$1.5 yezigidi"),
    ("xh", "nezigidi ezi-3", "nezigidi ezi-5"),
    ("zu", "u-R450 wezigidi", "u-R540 wezigidi"),  # the rand: CLDR's "R" of the language's own territory
    ("xh", "i-R23.50", "i-R32.50"),
])
def test_a_changed_figure_is_critical(tmp_path: Path, lang: str, old: str, new: str) -> None:
    _assert_changed_is_critical(tmp_path, EN, PAIRS[lang], lang, old, new)


@pytest.mark.parametrize(("lang", "old", "new"), [
    ("zu", "amaphesenti angu-40", "amaphesenti angu-60"),  # the word for percent before the figure
    ("xh", "ama-40%", "ama-60%"),
    ("xh", "izigidi ezi-1.2", "izigidi ezi-2.1"),
    ("zu", "izigidigidi ezingu-R3", "izigidigidi ezingu-R5"),  # the scale word first, the rand sign on the figure
    ("xh", "i-R25 000", "i-R52 000"),
])
def test_a_changed_figure_in_the_second_article_is_critical(tmp_path: Path, lang: str, old: str, new: str) -> None:
    _assert_changed_is_critical(tmp_path, EN2, PAIRS2[lang], lang, old, new)


@pytest.mark.parametrize(("src", "tgt", "lines", "old", "new"), [
    ("en", "zu", 0, "Cyril Ramaphosa", "Jacob Zuma"),  # after the title that carries the prefix ("UMongameli")
    ("en", "zu", 0, "Nomvula Khumalo", "Zodwa Ngcobo"),
    ("en", "zu", 1, "Thandiwe Mahlangu", "Bongani Mkhize"),
    ("en", "xh", 0, "Cyril Ramaphosa", "Jacob Zuma"),
    ("en", "xh", 1, "uBlade Nzimande", "uNaledi Pandor"),  # the prefix on the name itself
    ("zu", "xh", 0, "uSipho Dlamini", "uBheki Cele"),
    ("xh", "zu", 1, "Blade Nzimande", "Naledi Pandor"),
])
def test_a_swapped_name_is_caught_at_major(tmp_path: Path, src: str, tgt: str, lines: int, old: str,
                                           new: str) -> None:
    pairs = {"en": (EN, EN2), "zu": (ZU, ZU2), "xh": (XH, XH2)}
    src_lines, tgt_lines = pairs[src][lines], pairs[tgt][lines]
    swapped = [s.replace(old, new) for s in tgt_lines]
    assert swapped != tgt_lines
    rep = _check(tmp_path, src, "\n\n".join(src_lines), tgt, "\n\n".join(swapped))
    assert any(f.code == "TQ101" and f.text in new and f.severity.rank >= Severity.MAJOR.rank for f in rep.findings)


@pytest.mark.parametrize("lang", ["zu", "xh"])
def test_without_the_languages_an_article_is_read_in_its_own(tmp_path: Path, lang: str) -> None:
    # langdetect has no isiZulu or isiXhosa profile and says Swahili; CLD3 (cld3-py) names the language
    pytest.importorskip("gcld3")
    (tmp_path / "a.txt").write_text("\n\n".join(EN) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(PAIRS[lang]) + "\n", encoding="utf-8")
    rep = check_documents(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), Config())
    assert rep.target.lang == lang
    assert _major(rep) == []
