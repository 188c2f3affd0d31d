"""A third invented English news article (a date range, a decade, a change in percentage points, a fraction of a
count, a time of night, a century, a name with a title, a range of money, a temperature below zero) and its correct
translations into Spanish, German, Russian, Chinese, Japanese, Czech, Ukrainian, Hausa, Bengali, Hindi and Croatian
("Devedesetih godina", in the nineties): a correct
translation has no finding at major or worse, in both directions; a changed figure is critical. Bengali writes
decimals out ("৩ দশমিক ২", 3.2), its date range with "থেকে" ("৬ থেকে ৮ মে"), the hour and its minutes with a
classifier ("৩টা ১৫ মিনিটে"), 4.75 million as "৪৭ লাখ ৫০ হাজার" and the 1990s as "নব্বইয়ের দশকে"; Japanese and
Ukrainian write percentage points as points ("0.4ポイント")."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_unseen_languages_news import _assert_changed_is_critical, _assert_clean, _both_ways, _check

from tqcheck.model import Severity

EN = [
    "Chinese President Xi Jinping will visit Paris from 6 to 8 May, the Élysée Palace said on Thursday.",
    "In the 1990s, the city had fewer than 400,000 inhabitants; today it has almost 1.1 million.",
    "Inflation rose by 0.4 percentage points to 3.2% in March.",
    "A third of the 1,500 employees will lose their jobs by the end of 2023.",
    "Dozens of people were injured when a 5.6-magnitude earthquake struck the region at 3:15 a.m. on Saturday.",
    "The 19th-century building was sold for €4.75 million.",
    "Dr. Anna Kowalski, who heads the research team at the University of Warsaw, said the results were 'very promising'.",
    "The company expects revenue of between $2.3 billion and $2.5 billion in the second quarter.",
    "Temperatures could fall to minus 12 degrees overnight.",
    "About 60% of voters took part in the referendum held on 12 September.",
]
DE = [
    "Der chinesische Präsident Xi Jinping wird vom 6. bis 8. Mai Paris besuchen, teilte der Élysée-Palast am Donnerstag mit.",
    "In den 1990er-Jahren hatte die Stadt weniger als 400.000 Einwohner, heute sind es fast 1,1 Millionen.",
    "Die Inflation stieg im März um 0,4 Prozentpunkte auf 3,2 Prozent.",
    "Ein Drittel der 1500 Beschäftigten wird bis Ende 2023 seinen Arbeitsplatz verlieren.",
    "Dutzende Menschen wurden verletzt, als ein Erdbeben der Stärke 5,6 die Region am Samstag um 3.15 Uhr erschütterte.",
    "Das Gebäude aus dem 19. Jahrhundert wurde für 4,75 Millionen Euro verkauft.",
    "Dr. Anna Kowalski, die das Forschungsteam an der Universität Warschau leitet, nannte die Ergebnisse „sehr vielversprechend“.",
    "Das Unternehmen erwartet im zweiten Quartal einen Umsatz zwischen 2,3 und 2,5 Milliarden Dollar.",
    "In der Nacht könnten die Temperaturen auf minus 12 Grad fallen.",
    "Rund 60 Prozent der Wähler beteiligten sich an dem Referendum vom 12. September.",
]
RU = [
    "Председатель КНР Си Цзиньпин посетит Париж с 6 по 8 мая, сообщил в четверг Елисейский дворец.",
    "В 1990-х годах в городе проживало менее 400 тысяч человек, сегодня — почти 1,1 миллиона.",
    "В марте инфляция выросла на 0,4 процентного пункта, до 3,2%.",
    "Треть из 1500 сотрудников потеряют работу до конца 2023 года.",
    "Десятки человек пострадали в результате землетрясения магнитудой 5,6, которое произошло в регионе в субботу в 3:15 утра.",
    "Здание XIX века было продано за 4,75 миллиона евро.",
    "Доктор Анна Ковальски, возглавляющая исследовательскую группу Варшавского университета, назвала результаты «очень многообещающими».",
    "Компания ожидает выручку во втором квартале в размере от 2,3 до 2,5 миллиарда долларов.",
    "Ночью температура может опуститься до минус 12 градусов.",
    "Около 60% избирателей приняли участие в референдуме, состоявшемся 12 сентября.",
]
ZH = [
    "爱丽舍宫周四表示，中国国家主席习近平将于5月6日至8日访问巴黎。",
    "上世纪90年代，该市人口不足40万，如今已接近110万。",
    "3月份通胀率上升0.4个百分点，至3.2%。",
    "到2023年底，1500名员工中将有三分之一失去工作。",
    "周六凌晨3点15分，该地区发生5.6级地震，造成数十人受伤。",
    "这座19世纪的建筑以475万欧元的价格售出。",
    "华沙大学研究团队负责人安娜·科瓦尔斯基博士表示，研究结果“非常有希望”。",
    "该公司预计第二季度营收在23亿至25亿美元之间。",
    "夜间气温可能降至零下12摄氏度。",
    "约60%的选民参加了9月12日举行的全民公投。",
]
JA = [
    "エリゼ宮は木曜日、中国の習近平国家主席が5月6日から8日までパリを訪問すると発表した。",
    "1990年代、同市の人口は40万人未満だったが、現在は110万人近くに達している。",
    "3月のインフレ率は0.4ポイント上昇し、3.2％となった。",
    "2023年末までに、従業員1500人の3分の1が職を失う見通しだ。",
    "土曜日の午前3時15分、同地域でマグニチュード5.6の地震が発生し、数十人が負傷した。",
    "19世紀に建てられたこの建物は475万ユーロで売却された。",
    "ワルシャワ大学の研究チームを率いるアンナ・コワルスキ博士は、結果は「非常に有望だ」と述べた。",
    "同社は第2四半期の売上高を23億～25億ドルと見込んでいる。",
    "夜間には気温が氷点下12度まで下がる可能性がある。",
    "9月12日に行われた住民投票には、有権者の約60％が参加した。",
]
CS = [
    "Čínský prezident Si Ťin-pching navštíví ve dnech 6. až 8. května Paříž, oznámil ve čtvrtek Elysejský palác.",
    "V 90. letech mělo město méně než 400 000 obyvatel, dnes jich má téměř 1,1 milionu.",
    "Inflace v březnu vzrostla o 0,4 procentního bodu na 3,2 %.",
    "Třetina z 1500 zaměstnanců přijde do konce roku 2023 o práci.",
    "Desítky lidí byly zraněny, když region v sobotu ve 3:15 ráno zasáhlo zemětřesení o síle 5,6 stupně.",
    "Budova z 19. století byla prodána za 4,75 milionu eur.",
    "Doktorka Anna Kowalská, která vede výzkumný tým na Varšavské univerzitě, označila výsledky za „velmi slibné“.",
    "Společnost očekává ve druhém čtvrtletí tržby mezi 2,3 a 2,5 miliardy dolarů.",
    "Přes noc mohou teploty klesnout až na minus 12 stupňů.",
    "Referenda, které se konalo 12. září, se zúčastnilo asi 60 % voličů.",
]
UK = [
    "Голова КНР Сі Цзіньпін відвідає Париж з 6 по 8 травня, повідомив у четвер Єлисейський палац.",
    "У 1990-х роках у місті проживало менше 400 тисяч мешканців, сьогодні — майже 1,1 мільйона.",
    "У березні інфляція зросла на 0,4 процентного пункту, до 3,2%.",
    "Третина з 1500 працівників втратять роботу до кінця 2023 року.",
    "Десятки людей постраждали внаслідок землетрусу магнітудою 5,6, який стався в регіоні в суботу о 3:15 ранку.",
    "Будівлю XIX століття продали за 4,75 мільйона євро.",
    "Докторка Анна Ковальська, яка очолює дослідницьку групу Варшавського університету, назвала результати «дуже перспективними».",
    "Компанія очікує, що виручка у другому кварталі становитиме від 2,3 до 2,5 мільярда доларів.",
    "Уночі температура може знизитися до мінус 12 градусів.",
    "Близько 60% виборців взяли участь у референдумі, що відбувся 12 вересня.",
]
HA = [
    "Fadar Élysée ta ce a ranar Alhamis cewa shugaban kasar Sin Xi Jinping zai ziyarci Paris daga ranar 6 zuwa 8 ga watan Mayu.",
    "A shekarun 1990, birnin yana da mazauna kasa da 400,000; a yau yana da kusan miliyan 1.1.",
    "Hauhawar farashi ta karu da maki 0.4 zuwa kashi 3.2 cikin 100 a watan Maris.",
    "Kashi daya bisa uku na ma'aikata 1,500 za su rasa ayyukansu kafin karshen shekarar 2023.",
    "Mutane da dama sun jikkata lokacin da girgizar kasa mai karfin maki 5.6 ta afku a yankin da karfe 3:15 na dare ranar Asabar.",
    "An sayar da ginin na karni na 19 kan Yuro miliyan 4.75.",
    "Dr. Anna Kowalski, wadda ke jagorantar tawagar masu bincike a Jami'ar Warsaw, ta ce sakamakon yana da 'matukar kwarin gwiwa'.",
    "Kamfanin na sa ran samun kudaden shiga tsakanin dala biliyan 2.3 da biliyan 2.5 a zango na biyu.",
    "Yanayin zafi zai iya sauka zuwa kasa da sifili da digiri 12 cikin dare.",
    "Kusan kashi 60 cikin 100 na masu kada kuri'a ne suka shiga zaben raba gardama da aka gudanar ranar 12 ga Satumba.",
]
BN = [
    "এলিসি প্রাসাদ বৃহস্পতিবার জানিয়েছে, চীনের প্রেসিডেন্ট সি চিনফিং ৬ থেকে ৮ মে প্যারিস সফর করবেন।",
    "নব্বইয়ের দশকে শহরটির জনসংখ্যা ছিল ৪ লাখের কম; এখন তা প্রায় ১১ লাখ।",
    "মার্চে মূল্যস্ফীতি শূন্য দশমিক ৪ শতাংশীয় পয়েন্ট বেড়ে ৩ দশমিক ২ শতাংশ হয়েছে।",
    "২০২৩ সালের শেষ নাগাদ ১ হাজার ৫০০ কর্মীর এক-তৃতীয়াংশ চাকরি হারাবেন।",
    "শনিবার রাত ৩টা ১৫ মিনিটে ওই অঞ্চলে ৫ দশমিক ৬ মাত্রার ভূমিকম্পে কয়েক ডজন মানুষ আহত হয়েছেন।",
    "উনিশ শতকের ভবনটি ৪৭ লাখ ৫০ হাজার ইউরোতে বিক্রি হয়েছে।",
    "ওয়ারশ বিশ্ববিদ্যালয়ের গবেষক দলের প্রধান ড. আনা কোভালস্কি বলেছেন, ফলাফল ‘খুবই আশাব্যঞ্জক’।",
    "দ্বিতীয় প্রান্তিকে প্রতিষ্ঠানটি ২৩০ কোটি থেকে ২৫০ কোটি ডলার আয়ের আশা করছে।",
    "রাতে তাপমাত্রা মাইনাস ১২ ডিগ্রিতে নেমে যেতে পারে।",
    "১২ সেপ্টেম্বর অনুষ্ঠিত গণভোটে প্রায় ৬০ শতাংশ ভোটার অংশ নিয়েছেন।",
]
HI = [
    "एलिसी पैलेस ने गुरुवार को बताया कि चीन के राष्ट्रपति शी जिनपिंग 6 से 8 मई तक पेरिस की यात्रा करेंगे।",
    "1990 के दशक में शहर की आबादी 4 लाख से कम थी, आज यह लगभग 11 लाख है।",
    "मार्च में महंगाई दर 0.4 प्रतिशत अंक बढ़कर 3.2% हो गई।",
    "2023 के अंत तक 1,500 कर्मचारियों में से एक तिहाई की नौकरी चली जाएगी।",
    "शनिवार तड़के 3:15 बजे क्षेत्र में 5.6 तीव्रता का भूकंप आने से दर्जनों लोग घायल हो गए।",
    "19वीं सदी की इस इमारत को 47.5 लाख यूरो में बेचा गया।",
    "वारसॉ विश्वविद्यालय में शोध दल का नेतृत्व करने वाली डॉ. अन्ना कोवाल्स्की ने कहा कि परिणाम 'बहुत आशाजनक' हैं।",
    "कंपनी को दूसरी तिमाही में 2.3 अरब से 2.5 अरब डॉलर के राजस्व की उम्मीद है।",
    "रात में तापमान शून्य से 12 डिग्री नीचे जा सकता है।",
    "12 सितंबर को हुए जनमत संग्रह में लगभग 60% मतदाताओं ने भाग लिया।",
]

HR = [
    "Kineski predsjednik Xi Jinping posjetit će Pariz od 6. do 8. svibnja, priopćila je u četvrtak Elizejska palača.",
    "Devedesetih godina grad je imao manje od 400.000 stanovnika, a danas ih ima gotovo 1,1 milijun.",
    "Inflacija je u ožujku porasla za 0,4 postotna boda, na 3,2 posto.",
    "Trećina od 1500 zaposlenika ostat će bez posla do kraja 2023.",
    "Deseci ljudi ozlijeđeni su kada je potres magnitude 5,6 pogodio regiju u subotu u 3.15 sati.",
    "Zgrada iz 19. stoljeća prodana je za 4,75 milijuna eura.",
    "Dr. Anna Kowalski, koja vodi istraživački tim na Sveučilištu u Varšavi, izjavila je da su rezultati „vrlo obećavajući”.",
    "Tvrtka u drugom tromjesečju očekuje prihode između 2,3 i 2,5 milijardi dolara.",
    "Temperature bi tijekom noći mogle pasti na minus 12 stupnjeva.",
    "Na referendumu održanom 12. rujna sudjelovalo je oko 60 posto birača.",
]

ES = [
    "El presidente chino, Xi Jinping, visitará París del 6 al 8 de mayo, informó el jueves el Palacio del Elíseo.",
    "En la década de 1990, la ciudad tenía menos de 400.000 habitantes; hoy tiene casi 1,1 millones.",
    "La inflación subió 0,4 puntos porcentuales, hasta el 3,2 %, en marzo.",
    "Un tercio de los 1.500 empleados perderá su empleo antes de que termine 2023.",
    "Decenas de personas resultaron heridas cuando un terremoto de magnitud 5,6 sacudió la región a las 3.15 del sábado.",
    "El edificio del siglo XIX se vendió por 4,75 millones de euros.",
    "La doctora Anna Kowalski, que dirige el equipo de investigación de la Universidad de Varsovia, afirmó que los resultados son «muy prometedores».",
    "La empresa prevé unos ingresos de entre 2.300 y 2.500 millones de dólares en el segundo trimestre.",
    "Las temperaturas podrían bajar hasta los 12 grados bajo cero durante la noche.",
    "Alrededor del 60 % de los votantes participó en el referéndum celebrado el 12 de septiembre.",
]

PAIRS = {"es": ES, "de": DE, "ru": RU, "zh": ZH, "ja": JA, "cs": CS, "uk": UK, "ha": HA, "bn": BN, "hi": HI, "hr": HR}


@pytest.mark.parametrize("lang,into_english", _both_ways(PAIRS))
def test_a_correct_translation_has_no_major_finding(tmp_path: Path, lang: str, into_english: bool) -> None:
    _assert_clean(tmp_path, EN, PAIRS[lang], lang, into_english)


@pytest.mark.parametrize(("src", "tgt"), [("bn", "hi"), ("hi", "bn"), ("ja", "zh"), ("zh", "ja"), ("cs", "uk"),
                                        ("uk", "cs")])
def test_between_two_languages_without_english(tmp_path: Path, src: str, tgt: str) -> None:
    # Bengali and Hindi: two scripts without capitals, Bengali and Latin digits, decimals written out against
    # figures, "নব্বইয়ের দশকে" against "1990 के दशक में" (the 1990s); Japanese points against Chinese percentage
    # points ("0.4ポイント" / "0.4个百分点"); Czech "90. letech" against Ukrainian "1990-х роках"
    rep = _check(tmp_path, src, "\n\n".join(PAIRS[src]), tgt, "\n\n".join(PAIRS[tgt]))
    assert len(rep.alignment) == len(EN)
    assert [f for f in rep.findings if f.severity.rank >= Severity.MAJOR.rank] == []


@pytest.mark.parametrize(("lang", "old", "new"), [
    ("bn", "৩ দশমিক ২", "৩ দশমিক ৮"), ("bn", "৪৭ লাখ ৫০ হাজার", "৪৭ লাখ ৯০ হাজার"), ("hi", "47.5 लाख", "74.5 लाख"),
    ("ja", "475万ユーロ", "457万ユーロ"), ("uk", "0,4 процентного", "0,7 процентного"),
])
def test_a_changed_figure_is_critical(tmp_path: Path, lang: str, old: str, new: str) -> None:
    _assert_changed_is_critical(tmp_path, EN, PAIRS[lang], lang, old, new)
