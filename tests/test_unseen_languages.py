"""Languages none of the dev data has (Polish, Spanish, Korean, Turkish; French and Italian from English too; issue 11's hidden set has one such language): invented
correct translations of news sentences with names, numbers with scale words, dates, money and units pass with no
finding at major or worse, and a changed figure or a swapped name in them is caught (names in Hangul are not yet
found at all: no swap case for Korean). The same into English from Ukrainian, Hebrew and Croatian (``X_EN``). The
whole pipeline runs with the bundled encoder."""
from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.config import Config
from tqcheck.model import Severity
from tqcheck.pipeline import check_documents

EN_PL = [
    'Anna Kowalczyk, the mayor of Lublin, opened the new bridge on 12 March 2021.',
    'The project cost 45 million zlotys and took three years to finish.',
    'According to the ministry, about 2.5 billion euros will be spent on roads by 2025.',
    'The bridge is 320 metres long and 18 metres wide.',
    'On Tuesday, Prime Minister Mateusz Morawiecki met Chancellor Olaf Scholz in Berlin.',
    'The two leaders discussed energy prices, which rose by 12.5% in January.',
    'Unemployment fell to 5.4 percent in the second quarter.',
    'The company, founded in 1998, employs 1,200 people in Gdańsk and Warsaw.',
    'Its revenue reached $30 million last year, up from $24 million in 2019.',
    'Temperatures dropped to minus 15 degrees Celsius on 5 February.',
    'The train from Kraków to Wrocław covers 270 kilometres in under three hours.',
    'More than 60,000 fans watched the match at the National Stadium.',
    'Robert Lewandowski scored twice in the 34th and 78th minutes.',
    'The museum will be open from 10 am to 6 pm every day except Monday.',
    'The European Commission approved a loan of 1.2 billion euros for Poland on 30 June.',
]

PL = [
    'Anna Kowalczyk, burmistrz Lublina, otworzyła nowy most 12 marca 2021 roku.',
    'Projekt kosztował 45 milionów złotych, a jego realizacja trwała trzy lata.',
    'Według ministerstwa do 2025 roku na drogi zostanie wydanych około 2,5 miliarda euro.',
    'Most ma 320 metrów długości i 18 metrów szerokości.',
    'We wtorek premier Mateusz Morawiecki spotkał się w Berlinie z kanclerzem Olafem Scholzem.',
    'Obaj przywódcy rozmawiali o cenach energii, które w styczniu wzrosły o 12,5%.',
    'Bezrobocie spadło w drugim kwartale do 5,4 procent.',
    'Firma założona w 1998 roku zatrudnia 1200 osób w Gdańsku i Warszawie.',
    'Jej przychody sięgnęły w zeszłym roku 30 milionów dolarów, wobec 24 milionów dolarów w 2019 roku.',
    'Temperatura spadła 5 lutego do minus 15 stopni Celsjusza.',
    'Pociąg z Krakowa do Wrocławia pokonuje 270 kilometrów w niecałe trzy godziny.',
    'Mecz na Stadionie Narodowym obejrzało ponad 60 tysięcy kibiców.',
    'Robert Lewandowski strzelił dwa gole, w 34. i 78. minucie.',
    'Muzeum będzie otwarte codziennie z wyjątkiem poniedziałku od 10:00 do 18:00.',
    'Komisja Europejska zatwierdziła 30 czerwca pożyczkę w wysokości 1,2 miliarda euro dla Polski.',
]

EN_ES = [
    'Carmen Ortega, the new president of the regional government, took office in Seville on 3 May 2022.',
    'The plan will cost 1.5 billion euros over the next four years.',
    'Inflation in Spain reached 8.7% in June, the highest rate since 1985.',
    'The new high-speed line between Madrid and Valencia is 391 kilometres long.',
    'On Friday, King Felipe VI met French President Emmanuel Macron in Paris.',
    'About 40,000 people marched through Barcelona on Sunday.',
    'The company reported a profit of $2.3 million in the first quarter.',
    'The fire destroyed more than 12,000 hectares of forest in Galicia.',
    'Temperatures reached 44 degrees in Córdoba on 14 August.',
    'The ministry hired 2,500 teachers for the new school year.',
    'Real Madrid won 3-1, with two goals from Vinícius Júnior in the 23rd and 67th minutes.',
    'The museum receives around 3 million visitors a year.',
    'Prices rose by 15 per cent between 2019 and 2021.',
    'The ship, which is 300 metres long, carries 5,000 passengers.',
    'The government will publish its report at 10am on 1 December.',
]

ES = [
    'Carmen Ortega, la nueva presidenta del gobierno regional, tomó posesión en Sevilla el 3 de mayo de 2022.',
    'El plan costará 1.500 millones de euros en los próximos cuatro años.',
    'La inflación en España alcanzó el 8,7 % en junio, la tasa más alta desde 1985.',
    'La nueva línea de alta velocidad entre Madrid y Valencia tiene 391 kilómetros de longitud.',
    'El viernes, el rey Felipe VI se reunió en París con el presidente francés, Emmanuel Macron.',
    'Unas 40.000 personas se manifestaron el domingo por Barcelona.',
    'La empresa registró un beneficio de 2,3 millones de dólares en el primer trimestre.',
    'El incendio arrasó más de 12.000 hectáreas de bosque en Galicia.',
    'Las temperaturas alcanzaron los 44 grados en Córdoba el 14 de agosto.',
    'El ministerio contrató a 2500 profesores para el nuevo curso escolar.',
    'El Real Madrid ganó por 3-1, con dos goles de Vinícius Júnior en los minutos 23 y 67.',
    'El museo recibe alrededor de 3 millones de visitantes al año.',
    'Los precios subieron un 15 % entre 2019 y 2021.',
    'El barco, de 300 metros de eslora, transporta a 5000 pasajeros.',
    'El gobierno publicará su informe a las 10 de la mañana del 1 de diciembre.',
]

EN_KO = [
    'Kim Min-jun, the mayor of Busan, opened the new bridge on 12 March 2021.',
    'The project cost 45 billion won and took three years to finish.',
    'The bridge is 320 metres long and 18 metres wide.',
    'On Tuesday, President Moon Jae-in met Japanese Prime Minister Yoshihide Suga in Tokyo.',
    'Exports rose by 12.5% in January, the ministry said.',
    'The company, founded in 1998, employs 1,200 people in Seoul and Incheon.',
    'Its revenue reached $30 million last year.',
    'Temperatures dropped to minus 15 degrees on 5 February.',
    'More than 60,000 fans watched the match at the World Cup Stadium.',
    'The museum will be open from 10am to 6pm every day.',
    'The government will spend 2.5 trillion won on roads by 2025.',
    'About 3 million people visit the island every year.',
]

KO = [
    '김민준 부산시장은 2021년 3월 12일 새 다리를 개통했다.',
    '이 사업에는 450억 원이 들었고 완공까지 3년이 걸렸다.',
    '다리는 길이 320미터, 폭 18미터이다.',
    '화요일 문재인 대통령은 도쿄에서 스가 요시히데 일본 총리를 만났다.',
    '부처에 따르면 1월 수출은 12.5% 증가했다.',
    '1998년에 설립된 이 회사는 서울과 인천에서 1,200명을 고용하고 있다.',
    '이 회사의 지난해 매출은 3000만 달러에 달했다.',
    '2월 5일 기온은 영하 15도까지 떨어졌다.',
    '6만 명이 넘는 팬들이 월드컵경기장에서 경기를 지켜봤다.',
    '박물관은 매일 오전 10시부터 오후 6시까지 문을 연다.',
    '정부는 2025년까지 도로에 2조 5천억 원을 투입할 계획이다.',
    '매년 약 300만 명이 이 섬을 찾는다.',
]

EN_FR = [
    'Marie Dubois, the mayor of Lyon, opened the new bridge on 12 March 2021.',
    'The project cost 45 million euros and took three years to finish.',
    'According to the ministry, about 2.5 billion euros will be spent on roads by 2025.',
    'On Tuesday, President Emmanuel Macron met Chancellor Olaf Scholz in Berlin.',
    'Unemployment fell to 7.4 percent in the second quarter.',
    'The company, founded in 1998, employs 1,200 people in Lille and Nantes.',
    'Its revenue reached $30 million last year, up from $24 million in 2019.',
    'Temperatures reached 41 degrees Celsius in Nîmes on 5 August.',
    'More than 60,000 fans watched the match at the Stade de France.',
    'The museum will be open from 10am to 6pm every day except Tuesday.',
    'The train covers the 465 kilometres between Paris and Lyon in two hours.',
    'The European Central Bank raised its rate by 0.5 percentage points on 21 July.',
]

FR = [
    'Marie Dubois, maire de Lyon, a inauguré le nouveau pont le 12 mars 2021.',
    "Le projet a coûté 45 millions d'euros et a nécessité trois ans de travaux.",
    "Selon le ministère, environ 2,5 milliards d'euros seront consacrés aux routes d'ici 2025.",
    'Mardi, le président Emmanuel Macron a rencontré le chancelier Olaf Scholz à Berlin.',
    'Le chômage est tombé à 7,4 % au deuxième trimestre.',
    "L'entreprise, fondée en 1998, emploie 1 200 personnes à Lille et à Nantes.",
    "Son chiffre d'affaires a atteint 30 millions de dollars l'an dernier, contre 24 millions de dollars en 2019.",
    'Le thermomètre a atteint 41 degrés Celsius à Nîmes le 5 août.',
    'Plus de 60 000 supporters ont assisté au match au Stade de France.',
    'Le musée sera ouvert tous les jours sauf le mardi, de 10 heures à 18 heures.',
    'Le train parcourt les 465 kilomètres qui séparent Paris de Lyon en deux heures.',
    'La Banque centrale européenne a relevé son taux de 0,5 point de pourcentage le 21 juillet.',
]

EN_IT = [
    'Giulia Romano, the mayor of Turin, opened the new bridge on 12 March 2021.',
    'The project cost 45 million euros and took three years to finish.',
    'According to the ministry, about 2.5 billion euros will be spent on roads by 2025.',
    'On Tuesday, Prime Minister Mario Draghi met Chancellor Olaf Scholz in Berlin.',
    'Unemployment fell to 7.4 percent in the second quarter.',
    'The company, founded in 1998, employs 1,200 people in Milan and Genoa.',
    'Its revenue reached $30 million last year, up from $24 million in 2019.',
    'Temperatures reached 41 degrees in Palermo on 5 August.',
    'More than 60,000 fans watched the match at the San Siro stadium.',
    'The museum will be open from 10am to 6pm every day except Monday.',
    'The train covers the 570 kilometres between Rome and Milan in three hours.',
    'Inflation rose by 0.5 percentage points in July.',
]

IT = [
    'Giulia Romano, sindaca di Torino, ha inaugurato il nuovo ponte il 12 marzo 2021.',
    'Il progetto è costato 45 milioni di euro e ha richiesto tre anni di lavori.',
    'Secondo il ministero, entro il 2025 saranno spesi per le strade circa 2,5 miliardi di euro.',
    'Martedì il presidente del Consiglio Mario Draghi ha incontrato il cancelliere Olaf Scholz a Berlino.',
    'La disoccupazione è scesa al 7,4% nel secondo trimestre.',
    "L'azienda, fondata nel 1998, impiega 1.200 persone a Milano e a Genova.",
    'Lo scorso anno il suo fatturato ha raggiunto i 30 milioni di dollari, contro i 24 milioni di dollari del 2019.',
    'Il 5 agosto a Palermo le temperature hanno raggiunto i 41 gradi.',
    'Oltre 60.000 tifosi hanno assistito alla partita allo stadio di San Siro.',
    'Il museo sarà aperto tutti i giorni tranne il lunedì, dalle 10 alle 18.',
    'Il treno percorre i 570 chilometri tra Roma e Milano in tre ore.',
    "A luglio l'inflazione è salita di 0,5 punti percentuali.",
]

EN_TR = [
    'Ayşe Yılmaz, the mayor of Izmir, opened the new bridge on 12 March 2021.',
    'The project cost 45 million lira and took three years to finish.',
    'According to the ministry, about 2.5 billion lira will be spent on roads by 2025.',
    'On Tuesday, President Recep Tayyip Erdoğan met Chancellor Olaf Scholz in Berlin.',
    'Unemployment fell to 10.4 percent in the second quarter.',
    'The company, founded in 1998, employs 1,200 people in Istanbul and Ankara.',
    'Its revenue reached $30 million last year, up from $24 million in 2019.',
    'Temperatures reached 41 degrees in Antalya on 5 August.',
    'More than 60,000 fans watched the match at the Atatürk Olympic Stadium.',
    'The museum will be open from 10am to 6pm every day except Monday.',
    'The train covers the 450 kilometres between Istanbul and Ankara in four hours.',
]

TR = [
    "İzmir Belediye Başkanı Ayşe Yılmaz, yeni köprüyü 12 Mart 2021'de açtı.",
    'Proje 45 milyon liraya mal oldu ve tamamlanması üç yıl sürdü.',
    "Bakanlığa göre 2025'e kadar yollara yaklaşık 2,5 milyar lira harcanacak.",
    "Cumhurbaşkanı Recep Tayyip Erdoğan salı günü Berlin'de Başbakan Olaf Scholz ile görüştü.",
    "İşsizlik ikinci çeyrekte yüzde 10,4'e geriledi.",
    "1998'de kurulan şirket, İstanbul ve Ankara'da 1.200 kişiye istihdam sağlıyor.",
    "Şirketin geliri geçen yıl 30 milyon dolara ulaştı; 2019'da bu rakam 24 milyon dolardı.",
    "Antalya'da 5 Ağustos'ta sıcaklık 41 dereceye ulaştı.",
    "Atatürk Olimpiyat Stadı'ndaki maçı 60 binden fazla taraftar izledi.",
    'Müze, pazartesi hariç her gün saat 10.00 ile 18.00 arasında açık olacak.',
    'Tren, İstanbul ile Ankara arasındaki 450 kilometreyi dört saatte kat ediyor.',
]

PAIRS = {"pl": (EN_PL, PL), "es": (EN_ES, ES), "ko": (EN_KO, KO), "fr": (EN_FR, FR), "it": (EN_IT, IT),
         "tr": (EN_TR, TR)}


def _check(tmp_path: Path, lang: str, tgt: list[str]):  # noqa: ANN202 - a tqcheck Report
    src = PAIRS[lang][0]
    (tmp_path / "a.en.txt").write_text(" ".join(src) + "\n", encoding="utf-8")
    (tmp_path / f"a.{lang}.txt").write_text(" ".join(tgt) + "\n", encoding="utf-8")
    return check_documents(str(tmp_path / "a.en.txt"), str(tmp_path / f"a.{lang}.txt"),
                           Config(src_lang="en", tgt_lang=lang))


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_a_correct_translation_has_no_major_finding(tmp_path: Path, lang: str) -> None:
    rep = _check(tmp_path, lang, PAIRS[lang][1])
    bad = [f"{f.code} {f.severity.value} {f.text!r}" for f in rep.findings if f.severity.rank >= Severity.MAJOR.rank]
    assert bad == []


@pytest.mark.parametrize(("lang", "old", "new", "code"), [
    ("pl", "45 milionów", "54 milionów", "TQ201"), ("pl", "320 metrów", "230 metrów", "TQ201"),
    ("pl", "30 czerwca", "30 lipca", "TQ201"), ("es", "1.500 millones", "1.800 millones", "TQ201"),
    ("es", "391 kilómetros", "319 kilómetros", "TQ201"), ("es", "14 de agosto", "14 de julio", "TQ201"),
    ("ko", "450억 원", "540억 원", "TQ201"), ("ko", "320미터", "230미터", "TQ201"), ("ko", "2월 5일", "3월 5일", "TQ201"),
    ("ko", "2조 5천억", "2조 8천억", "TQ201"), ("fr", "0,5 point", "0,8 point", "TQ201"),
    ("it", "570 chilometri", "750 chilometri", "TQ201"), ("tr", "45 milyon", "54 milyon", "TQ201"),
    ("tr", "12 Mart 2021", "12 Nisan 2021", "TQ201"),
])
def test_a_changed_figure_is_critical(tmp_path: Path, lang: str, old: str, new: str, code: str) -> None:
    tgt = [s.replace(old, new) for s in PAIRS[lang][1]]
    assert tgt != PAIRS[lang][1]
    rep = _check(tmp_path, lang, tgt)
    hits = [f for f in rep.findings if f.code == code and (f.text.strip(".") in new or new in f.text)]
    assert hits and hits[0].severity == Severity.CRITICAL


@pytest.mark.parametrize(("lang", "old", "new"), [
    ("pl", "Mateusz Morawiecki", "Donald Tusk"), ("es", "Emmanuel Macron", "Olaf Scholz"),
    ("es", "Carmen Ortega", "Lucía Ramos"),
])
def test_a_swapped_name_is_caught(tmp_path: Path, lang: str, old: str, new: str) -> None:
    tgt = [s.replace(old, new) for s in PAIRS[lang][1]]
    rep = _check(tmp_path, lang, tgt)
    assert any(f.code.startswith("TQ10") and f.side == "target" and f.text in new for f in rep.findings)


# --- into English: Ukrainian, Hebrew and Croatian sources, English translations --------------------------------------

UK = [
 'Мер Львова Олена Коваленко 12 березня 2021 року відкрила новий міст.',
 'Проєкт коштував 45 мільйонів гривень і тривав три роки.',
 'За даними міністерства, до 2025 року на дороги витратять близько 2,5 мільярда євро.',
 'Довжина мосту становить 320 метрів, ширина — 18 метрів.',
 'У вівторок президент Володимир Зеленський зустрівся в Берліні з канцлером Олафом Шольцом.',
 'У січні ціни зросли на 12,5%.',
 'У другому кварталі безробіття знизилося до 9,4 відсотка.',
 'Компанія, заснована 1998 року, має 1200 працівників у Харкові та Одесі.',
 'Торік її виручка сягнула 30 мільйонів доларів.',
 '5 лютого температура впала до мінус 15 градусів за Цельсієм.',
 'Матч на Олімпійському стадіоні переглянули понад 60 тисяч уболівальників.',
 'Музей працює щодня, крім понеділка, з 10:00 до 18:00.',
 "Потяг з Києва до Львова долає 540 кілометрів за п'ять годин.",
]
EN_UK = [
 'Olena Kovalenko, the mayor of Lviv, opened the new bridge on 12 March 2021.',
 'The project cost 45 million hryvnias and took three years.',
 'According to the ministry, about 2.5 billion euros will be spent on roads by 2025.',
 'The bridge is 320 metres long and 18 metres wide.',
 'On Tuesday, President Volodymyr Zelensky met Chancellor Olaf Scholz in Berlin.',
 'Prices rose by 12.5% in January.',
 'Unemployment fell to 9.4 percent in the second quarter.',
 'The company, founded in 1998, employs 1,200 people in Kharkiv and Odesa.',
 'Its revenue reached $30 million last year.',
 'Temperatures dropped to minus 15 degrees Celsius on 5 February.',
 'More than 60,000 fans watched the match at the Olympic Stadium.',
 'The museum is open every day except Monday, from 10:00 to 18:00.',
 'The train from Kyiv to Lviv covers 540 kilometres in five hours.',
]
HE = [
 'נועה כהן, ראשת עיריית חיפה, חנכה את הגשר החדש ב-12 במרץ 2021.',
 'הפרויקט עלה 45 מיליון שקל ונמשך שלוש שנים.',
 'לפי משרד האוצר, עד 2025 יוקצו לכבישים כ-2.5 מיליארד שקל.',
 'אורך הגשר 320 מטרים ורוחבו 18 מטרים.',
 'ביום שלישי נפגש ראש הממשלה נפתלי בנט עם הקנצלר אולף שולץ בברלין.',
 'המחירים עלו ב-12.5% בינואר.',
 'שיעור האבטלה ירד ל-4.4 אחוזים ברבעון השני.',
 'החברה, שנוסדה ב-1998, מעסיקה 1,200 עובדים בתל אביב ובירושלים.',
 'הכנסותיה הגיעו בשנה שעברה ל-30 מיליון דולר.',
 'הטמפרטורה באילת עלתה ל-41 מעלות צלזיוס ב-5 באוגוסט.',
 'יותר מ-30 אלף אוהדים צפו במשחק באצטדיון.',
 'המוזיאון פתוח מדי יום בין השעות 10:00 ל-18:00.',
]
EN_HE = [
 'Noa Cohen, the mayor of Haifa, opened the new bridge on 12 March 2021.',
 'The project cost 45 million shekels and took three years.',
 'According to the Finance Ministry, about 2.5 billion shekels will be allocated to roads by 2025.',
 'The bridge is 320 metres long and 18 metres wide.',
 'On Tuesday, Prime Minister Naftali Bennett met Chancellor Olaf Scholz in Berlin.',
 'Prices rose by 12.5% in January.',
 'Unemployment fell to 4.4 percent in the second quarter.',
 'The company, founded in 1998, employs 1,200 people in Tel Aviv and Jerusalem.',
 'Its revenue reached $30 million last year.',
 'The temperature in Eilat rose to 41 degrees Celsius on 5 August.',
 'More than 30,000 fans watched the match at the stadium.',
 'The museum is open every day between 10:00 and 18:00.',
]
HR = [
 'Gradonačelnik Splita Ivan Horvat otvorio je novi most 12. ožujka 2021.',
 'Projekt je stajao 45 milijuna eura i trajao je tri godine.',
 'Prema podacima ministarstva, do 2025. za ceste će biti potrošeno oko 2,5 milijarde eura.',
 'Most je dug 320 metara i širok 18 metara.',
 'U utorak se premijer Andrej Plenković u Berlinu sastao s kancelarom Olafom Scholzom.',
 'Cijene su u siječnju porasle za 12,5 posto.',
 'Nezaposlenost je u drugom tromjesečju pala na 6,4 posto.',
 'Tvrtka, osnovana 1998., zapošljava 1200 ljudi u Zagrebu i Rijeci.',
 'Prihodi su joj prošle godine dosegnuli 30 milijuna dolara.',
 'Temperatura je 5. kolovoza u Zadru dosegnula 38 stupnjeva Celzijevih.',
 'Utakmicu na stadionu Maksimir gledalo je više od 30 tisuća navijača.',
 'Muzej je otvoren svaki dan osim ponedjeljka od 10 do 18 sati.',
]
EN_HR = [
 'Ivan Horvat, the mayor of Split, opened the new bridge on 12 March 2021.',
 'The project cost 45 million euros and took three years.',
 'According to the ministry, about 2.5 billion euros will be spent on roads by 2025.',
 'The bridge is 320 metres long and 18 metres wide.',
 'On Tuesday, Prime Minister Andrej Plenković met Chancellor Olaf Scholz in Berlin.',
 'Prices rose by 12.5 percent in January.',
 'Unemployment fell to 6.4 percent in the second quarter.',
 'The company, founded in 1998, employs 1,200 people in Zagreb and Rijeka.',
 'Its revenue reached $30 million last year.',
 'The temperature reached 38 degrees Celsius in Zadar on 5 August.',
 'More than 30,000 fans watched the match at Maksimir stadium.',
 'The museum is open every day except Monday from 10 am to 6 pm.',
]

X_EN = {"uk": (UK, EN_UK), "he": (HE, EN_HE), "hr": (HR, EN_HR)}


def _check_into_english(tmp_path: Path, lang: str, tgt: list[str]):  # noqa: ANN202 - a tqcheck Report
    src = X_EN[lang][0]
    (tmp_path / f"a.{lang}.txt").write_text(" ".join(src) + "\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text(" ".join(tgt) + "\n", encoding="utf-8")
    return check_documents(str(tmp_path / f"a.{lang}.txt"), str(tmp_path / "a.en.txt"),
                           Config(src_lang=lang, tgt_lang="en"))


@pytest.mark.parametrize("lang", sorted(X_EN))
def test_a_correct_translation_into_english_has_no_major_finding(tmp_path: Path, lang: str) -> None:
    rep = _check_into_english(tmp_path, lang, X_EN[lang][1])
    bad = [f"{f.code} {f.severity.value} {f.text!r}" for f in rep.findings if f.severity.rank >= Severity.MAJOR.rank]
    assert bad == []


@pytest.mark.parametrize(("lang", "old", "new"), [
    ("uk", "45 million", "54 million"), ("uk", "12 March 2021", "21 March 2021"), ("uk", "9.4 percent", "4.9 percent"),
    ("uk", "540 kilometres", "450 kilometres"), ("he", "45 million", "54 million"), ("he", "12.5%", "15.2%"),
    ("he", "5 August", "5 July"), ("he", "2.5 billion", "3.5 billion"), ("hr", "320 metres", "230 metres"),
    ("hr", "12 March 2021", "12 May 2021"), ("hr", "6.4 percent", "4.6 percent"), ("hr", "1,200 people", "2,100 people"),
])
def test_a_changed_figure_in_english_is_critical(tmp_path: Path, lang: str, old: str, new: str) -> None:
    tgt = [s.replace(old, new) for s in X_EN[lang][1]]
    assert tgt != X_EN[lang][1]
    rep = _check_into_english(tmp_path, lang, tgt)
    hits = [f for f in rep.findings if f.code == "TQ201" and f.side == "target" and f.text.strip(".") in new]
    assert hits and hits[0].severity == Severity.CRITICAL


@pytest.mark.parametrize(("lang", "old", "new"), [
    ("uk", "Volodymyr Zelensky", "Petro Poroshenko"),
    ("he", "Naftali Bennett", "Yair Lapid"), ("hr", "Andrej Plenković", "Zoran Milanović"),
    ("hr", "Ivan Horvat", "Marko Babić"),
])
def test_a_swapped_name_in_english_is_caught(tmp_path: Path, lang: str, old: str, new: str) -> None:
    tgt = [s.replace(old, new) for s in X_EN[lang][1]]
    assert tgt != X_EN[lang][1]
    rep = _check_into_english(tmp_path, lang, tgt)
    # (English writes the title with the name: the finding may be "President Petro Poroshenko")
    hits = [f for f in rep.findings if f.code.startswith("TQ10") and f.side == "target" and new in f.text]
    assert hits, [f"{f.code} {f.severity.value} {f.text!r}" for f in rep.findings]
    # a swap is TQ101 where the source's name is found (capitals mark names in Ukrainian and Croatian); from a
    # script without capitals the replacing name is only a name the source does not have (TQ103)
    assert any(f.code == "TQ101" and f.severity.rank >= Severity.MAJOR.rank for f in hits) or lang == "he"
