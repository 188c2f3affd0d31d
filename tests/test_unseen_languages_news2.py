"""A second invented English news article (a time of day, a temperature, an age, a distance, a fraction in words,
a change between two percentages, a rounded count, money with a scale word, a weight) and its correct translations
into languages that no dev data has: Spanish, Portuguese, Korean (a fraction written "4분의 1", 52,800 written
"5만 2800", a name whose last syllable looks like a particle), Arabic (the dual "مليوني", two million), Hindi (lakh),
Indonesian, Hausa, Bengali (Bengali digits; "৫২ হাজার ৮০০" and "১ হাজার ৫০০ কোটি", figures written in parts;
"সাড়ে ১০টায়", half past ten; case endings written onto figures and scale words), Ukrainian and Croatian; and, as a
check on languages of the dev data with text it does not have, Chinese, Japanese (the age in brackets after the
name, "キム・ヨナさん（31）"), German, Russian and Czech (the age in one word, "Jednatřicetiletá"). The whole pipeline runs with the bundled encoder in both directions: a
correct translation has no finding at major or worse; a changed figure is critical; a person's name replaced by
another one is TQ101 at major or worse (in Arabic and Hindi, scripts without capitals, a name that sound does not
tie to the source is not found: strict xfail, a known limit)."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_unseen_languages_news import _assert_changed_is_critical, _assert_clean, _both_ways, _check

from tqcheck.model import Severity

EN = [
    'The World Health Organization said on Tuesday that 1.2 million children in Yemen suffer from malnutrition.',
    'Spanish Prime Minister Pedro Sánchez arrived in Seoul at 10:30 a.m. local time.',
    'Temperatures in Madrid rose to 44 degrees Celsius on 2 August, a record for the city.',
    'Kim Yuna, a 31-year-old former figure skater, lit the Olympic flame.',
    'The train between Lisbon and Porto covers 313 kilometres in less than three hours.',
    "About a quarter of the country's electricity comes from wind farms in the north.",
    'Unemployment fell from 8.4% to 7.1% between 2019 and 2021.',
    'The museum, which opened in 1994, welcomed more than 2 million visitors last year.',
    'Narendra Modi and Joko Widodo signed a trade agreement worth $15 billion.',
    "The company's shares rose 12 percent to 245 euros on the Frankfurt Stock Exchange.",
    'Police in Amsterdam arrested 23 people after the match on Sunday evening.',
    'The bridge, built in 1932, weighs about 52,800 tonnes.',
]

ES = [
    'La Organización Mundial de la Salud informó el martes de que 1,2 millones de niños en Yemen sufren desnutrición.',
    'El presidente del Gobierno español, Pedro Sánchez, llegó a Seúl a las 10.30 hora local.',
    'Las temperaturas en Madrid subieron hasta los 44 grados centígrados el 2 de agosto, un récord para la ciudad.',
    'Kim Yuna, una ex patinadora artística de 31 años, encendió la llama olímpica.',
    'El tren entre Lisboa y Oporto recorre 313 kilómetros en menos de tres horas.',
    'Alrededor de una cuarta parte de la electricidad del país procede de parques eólicos del norte.',
    'El desempleo bajó del 8,4 % al 7,1 % entre 2019 y 2021.',
    'El museo, inaugurado en 1994, recibió el año pasado más de 2 millones de visitantes.',
    'Narendra Modi y Joko Widodo firmaron un acuerdo comercial por valor de 15.000 millones de dólares.',
    'Las acciones de la empresa subieron un 12 % hasta 245 euros en la Bolsa de Fráncfort.',
    'La policía de Ámsterdam detuvo a 23 personas tras el partido del domingo por la noche.',
    'El puente, construido en 1932, pesa unas 52.800 toneladas.',
]

PT = [
    'A Organização Mundial da Saúde afirmou na terça-feira que 1,2 milhão de crianças no Iémen sofrem de desnutrição.',
    'O primeiro-ministro espanhol, Pedro Sánchez, chegou a Seul às 10h30, hora local.',
    'As temperaturas em Madrid subiram para 44 graus Celsius em 2 de agosto, um recorde para a cidade.',
    'Kim Yuna, uma ex-patinadora artística de 31 anos, acendeu a chama olímpica.',
    'O comboio entre Lisboa e o Porto percorre 313 quilómetros em menos de três horas.',
    'Cerca de um quarto da eletricidade do país provém de parques eólicos no norte.',
    'O desemprego caiu de 8,4% para 7,1% entre 2019 e 2021.',
    'O museu, inaugurado em 1994, recebeu mais de 2 milhões de visitantes no ano passado.',
    'Narendra Modi e Joko Widodo assinaram um acordo comercial no valor de 15 mil milhões de dólares.',
    'As ações da empresa subiram 12% para 245 euros na Bolsa de Frankfurt.',
    'A polícia de Amesterdão deteve 23 pessoas depois do jogo de domingo à noite.',
    'A ponte, construída em 1932, pesa cerca de 52 800 toneladas.',
]

KO = [
    '세계보건기구는 화요일 예멘에서 어린이 120만 명이 영양실조를 겪고 있다고 밝혔다.',
    '페드로 산체스 스페인 총리가 현지 시간 오전 10시 30분 서울에 도착했다.',
    '8월 2일 마드리드의 기온이 섭씨 44도까지 올라 이 도시의 최고 기록을 세웠다.',
    '31세의 전 피겨스케이팅 선수 김연아가 올림픽 성화를 점화했다.',
    '리스본과 포르투를 잇는 열차는 313킬로미터를 3시간 이내에 달린다.',
    '이 나라 전력의 약 4분의 1은 북부의 풍력 발전 단지에서 생산된다.',
    '실업률은 2019년부터 2021년 사이에 8.4%에서 7.1%로 떨어졌다.',
    '1994년에 문을 연 이 박물관은 지난해 200만 명이 넘는 방문객을 맞았다.',
    '나렌드라 모디와 조코 위도도는 150억 달러 규모의 무역 협정에 서명했다.',
    '이 회사의 주가는 프랑크푸르트 증권거래소에서 12% 올라 245유로를 기록했다.',
    '암스테르담 경찰은 일요일 저녁 경기가 끝난 뒤 23명을 체포했다.',
    '1932년에 건설된 이 다리의 무게는 약 5만 2800톤이다.',
]

AR = [
    'قالت منظمة الصحة العالمية يوم الثلاثاء إن 1.2 مليون طفل في اليمن يعانون من سوء التغذية.',
    'وصل رئيس الوزراء الإسباني بيدرو سانشيز إلى سيول في الساعة 10:30 صباحاً بالتوقيت المحلي.',
    'ارتفعت درجات الحرارة في مدريد إلى 44 درجة مئوية في 2 أغسطس، وهو رقم قياسي للمدينة.',
    'أوقدت كيم يونا، وهي متزلجة فنية سابقة تبلغ من العمر 31 عاماً، الشعلة الأولمبية.',
    'يقطع القطار بين لشبونة وبورتو مسافة 313 كيلومتراً في أقل من ثلاث ساعات.',
    'يأتي نحو ربع الكهرباء في البلاد من مزارع الرياح في الشمال.',
    'انخفضت البطالة من 8.4% إلى 7.1% بين عامي 2019 و2021.',
    'استقبل المتحف، الذي افتتح عام 1994، أكثر من مليوني زائر العام الماضي.',
    'وقع ناريندرا مودي وجوكو ويدودو اتفاقية تجارية بقيمة 15 مليار دولار.',
    'ارتفعت أسهم الشركة بنسبة 12% إلى 245 يورو في بورصة فرانكفورت.',
    'اعتقلت الشرطة في أمستردام 23 شخصاً بعد المباراة مساء الأحد.',
    'يزن الجسر، الذي بني عام 1932، نحو 52800 طن.',
]

HI = [
    'विश्व स्वास्थ्य संगठन ने मंगलवार को कहा कि यमन में 12 लाख बच्चे कुपोषण से पीड़ित हैं।',
    'स्पेन के प्रधानमंत्री पेड्रो सांचेज़ स्थानीय समयानुसार सुबह 10:30 बजे सियोल पहुंचे।',
    '2 अगस्त को मैड्रिड में तापमान 44 डिग्री सेल्सियस तक पहुंच गया, जो शहर का एक रिकॉर्ड है।',
    '31 वर्षीय पूर्व फिगर स्केटर किम यूना ने ओलंपिक मशाल प्रज्वलित की।',
    'लिस्बन और पोर्टो के बीच चलने वाली ट्रेन तीन घंटे से भी कम समय में 313 किलोमीटर की दूरी तय करती है।',
    'देश की लगभग एक चौथाई बिजली उत्तर में स्थित पवन ऊर्जा फार्मों से आती है।',
    '2019 और 2021 के बीच बेरोजगारी 8.4% से घटकर 7.1% रह गई।',
    '1994 में खुले इस संग्रहालय में पिछले साल 20 लाख से अधिक लोग आए।',
    'नरेंद्र मोदी और जोको विडोडो ने 15 अरब डॉलर के व्यापार समझौते पर हस्ताक्षर किए।',
    'फ्रैंकफर्ट स्टॉक एक्सचेंज में कंपनी के शेयर 12 प्रतिशत चढ़कर 245 यूरो पर पहुंच गए।',
    'एम्स्टर्डम में पुलिस ने रविवार शाम मैच के बाद 23 लोगों को गिरफ्तार किया।',
    '1932 में बना यह पुल लगभग 52,800 टन वजनी है।',
]

ID = [
    'Organisasi Kesehatan Dunia mengatakan pada hari Selasa bahwa 1,2 juta anak di Yaman menderita kekurangan gizi.',
    'Perdana Menteri Spanyol Pedro Sánchez tiba di Seoul pada pukul 10.30 waktu setempat.',
    'Suhu di Madrid naik hingga 44 derajat Celsius pada 2 Agustus, rekor bagi kota itu.',
    'Kim Yuna, mantan atlet seluncur indah berusia 31 tahun, menyalakan api Olimpiade.',
    'Kereta antara Lisbon dan Porto menempuh jarak 313 kilometer dalam waktu kurang dari tiga jam.',
    'Sekitar seperempat listrik negara itu berasal dari ladang angin di wilayah utara.',
    'Tingkat pengangguran turun dari 8,4% menjadi 7,1% antara tahun 2019 dan 2021.',
    'Museum yang dibuka pada tahun 1994 itu menerima lebih dari 2 juta pengunjung tahun lalu.',
    'Narendra Modi dan Joko Widodo menandatangani perjanjian dagang senilai 15 miliar dolar AS.',
    'Saham perusahaan itu naik 12 persen menjadi 245 euro di Bursa Efek Frankfurt.',
    'Polisi di Amsterdam menangkap 23 orang setelah pertandingan pada Minggu malam.',
    'Jembatan yang dibangun pada tahun 1932 itu beratnya sekitar 52.800 ton.',
]

HA = [
    "Hukumar Lafiya ta Duniya ta ce a ranar Talata cewa yara miliyan 1.2 a Yemen na fama da rashin abinci mai gina jiki.",
    "Firaministan Spain Pedro Sánchez ya isa birnin Seoul da karfe 10:30 na safe agogon kasar.",
    "Yanayin zafi a Madrid ya kai digiri 44 na ma'aunin Celsius a ranar 2 ga watan Agusta, wanda shi ne mafi girma a tarihin birnin.",
    "Kim Yuna, tsohuwar 'yar wasan sketin mai shekaru 31, ta kunna wutar gasar Olympics.",
    "Jirgin kasa tsakanin Lisbon da Porto yana tafiyar kilomita 313 cikin kasa da sa'o'i uku.",
    "Kusan kashi daya cikin hudu na wutar lantarkin kasar na fitowa ne daga gonakin iska da ke arewa.",
    "Rashin aikin yi ya ragu daga kashi 8.4 zuwa kashi 7.1 cikin 100 tsakanin shekarar 2019 da 2021.",
    "Gidan tarihin, wanda aka bude a shekarar 1994, ya karbi baki fiye da miliyan 2 a bara.",
    "Narendra Modi da Joko Widodo sun sanya hannu kan yarjejeniyar kasuwanci ta dala biliyan 15.",
    "Hannun jarin kamfanin ya tashi da kashi 12 cikin 100 zuwa Yuro 245 a kasuwar hannayen jari ta Frankfurt.",
    "'Yan sanda a Amsterdam sun kama mutane 23 bayan wasan da aka buga ranar Lahadi da yamma.",
    "Gadar, wadda aka gina a shekarar 1932, tana da nauyin kusan tan 52,800.",
]
BN = [
    "বিশ্ব স্বাস্থ্য সংস্থা মঙ্গলবার জানিয়েছে, ইয়েমেনে ১২ লাখ শিশু অপুষ্টিতে ভুগছে।",
    "স্পেনের প্রধানমন্ত্রী পেদ্রো সানচেস স্থানীয় সময় সকাল সাড়ে ১০টায় সিউলে পৌঁছান।",
    "২ আগস্ট মাদ্রিদে তাপমাত্রা ৪৪ ডিগ্রি সেলসিয়াসে পৌঁছায়, যা শহরটির জন্য একটি রেকর্ড।",
    "৩১ বছর বয়সী সাবেক ফিগার স্কেটার কিম ইউনা অলিম্পিক মশাল প্রজ্বালন করেন।",
    "লিসবন ও পোর্তোর মধ্যে চলাচলকারী ট্রেনটি তিন ঘণ্টারও কম সময়ে ৩১৩ কিলোমিটার পথ পাড়ি দেয়।",
    "দেশটির প্রায় এক-চতুর্থাংশ বিদ্যুৎ আসে উত্তরাঞ্চলের বায়ুবিদ্যুৎ খামার থেকে।",
    "২০১৯ থেকে ২০২১ সালের মধ্যে বেকারত্বের হার ৮.৪ শতাংশ থেকে কমে ৭.১ শতাংশে নেমেছে।",
    "১৯৯৪ সালে চালু হওয়া জাদুঘরটিতে গত বছর ২০ লাখের বেশি দর্শনার্থী এসেছেন।",
    "নরেন্দ্র মোদী ও জোকো উইদোদো ১ হাজার ৫০০ কোটি ডলারের একটি বাণিজ্য চুক্তিতে সই করেন।",
    "ফ্রাঙ্কফুর্ট স্টক এক্সচেঞ্জে কোম্পানিটির শেয়ারের দাম ১২ শতাংশ বেড়ে ২৪৫ ইউরোতে দাঁড়িয়েছে।",
    "রোববার সন্ধ্যায় খেলা শেষে আমস্টারডামে পুলিশ ২৩ জনকে গ্রেপ্তার করেছে।",
    "১৯৩২ সালে নির্মিত সেতুটির ওজন প্রায় ৫২ হাজার ৮০০ টন।",
]
UK = [
    "Всесвітня організація охорони здоров'я у вівторок заявила, що 1,2 мільйона дітей в Ємені страждають від недоїдання.",
    "Прем'єр-міністр Іспанії Педро Санчес прибув до Сеула о 10:30 за місцевим часом.",
    "2 серпня температура в Мадриді піднялася до 44 градусів за Цельсієм, що стало рекордом для міста.",
    "Кім Юна, 31-річна колишня фігуристка, запалила олімпійський вогонь.",
    "Потяг між Лісабоном і Порту долає 313 кілометрів менш ніж за три години.",
    "Близько чверті електроенергії країни надходить із вітрових електростанцій на півночі.",
    "У 2019–2021 роках безробіття знизилося з 8,4% до 7,1%.",
    "Музей, відкритий 1994 року, торік прийняв понад 2 мільйони відвідувачів.",
    "Нарендра Моді та Джоко Відодо підписали торговельну угоду на суму 15 мільярдів доларів.",
    "Акції компанії на Франкфуртській фондовій біржі зросли на 12 відсотків, до 245 євро.",
    "У неділю ввечері після матчу поліція Амстердама затримала 23 особи.",
    "Міст, збудований 1932 року, важить близько 52,8 тисячі тонн.",
]
HR = [
    "Svjetska zdravstvena organizacija priopćila je u utorak da 1,2 milijuna djece u Jemenu pati od pothranjenosti.",
    "Španjolski premijer Pedro Sánchez stigao je u Seul u 10.30 sati po lokalnom vremenu.",
    "Temperature u Madridu 2. kolovoza porasle su na 44 Celzijeva stupnja, što je rekord za grad.",
    "Kim Yuna, 31-godišnja bivša umjetnička klizačica, zapalila je olimpijski plamen.",
    "Vlak između Lisabona i Porta prelazi 313 kilometara za manje od tri sata.",
    "Otprilike četvrtina električne energije u zemlji dolazi iz vjetroelektrana na sjeveru.",
    "Nezaposlenost je između 2019. i 2021. pala s 8,4 % na 7,1 %.",
    "Muzej, otvoren 1994., prošle je godine primio više od 2 milijuna posjetitelja.",
    "Narendra Modi i Joko Widodo potpisali su trgovinski sporazum vrijedan 15 milijardi dolara.",
    "Dionice tvrtke porasle su 12 posto na 245 eura na Frankfurtskoj burzi.",
    "Policija u Amsterdamu uhitila je 23 osobe nakon utakmice u nedjelju navečer.",
    "Most, izgrađen 1932., težak je oko 52.800 tona.",
]

ZH = [
    "世界卫生组织周二表示，也门有120万儿童营养不良。",
    "西班牙首相佩德罗·桑切斯于当地时间上午10点30分抵达首尔。",
    "8月2日，马德里气温升至44摄氏度，创下该市纪录。",
    "31岁的前花样滑冰运动员金妍儿点燃了奥运圣火。",
    "里斯本至波尔图的列车用时不到三小时，行程313公里。",
    "该国约四分之一的电力来自北部的风电场。",
    "2019年至2021年间，失业率从8.4%降至7.1%。",
    "这座博物馆于1994年开馆，去年接待游客超过200万人次。",
    "纳伦德拉·莫迪和佐科·维多多签署了一项价值150亿美元的贸易协定。",
    "该公司股价在法兰克福证券交易所上涨12%，至245欧元。",
    "周日晚间比赛结束后，阿姆斯特丹警方逮捕了23人。",
    "这座大桥建于1932年，重约5.28万吨。",
]
JA = [
    "世界保健機関（WHO）は火曜日、イエメンで120万人の子どもが栄養失調に苦しんでいると発表した。",
    "スペインのペドロ・サンチェス首相は現地時間午前10時30分にソウルに到着した。",
    "8月2日、マドリードの気温は44度まで上昇し、同市の観測史上最高を記録した。",
    "元フィギュアスケート選手のキム・ヨナさん（31）が聖火を点火した。",
    "リスボンとポルトを結ぶ列車は、313キロを3時間足らずで走る。",
    "同国の電力の約4分の1は北部の風力発電所で賄われている。",
    "失業率は2019年から2021年にかけて8.4％から7.1％に低下した。",
    "1994年に開館した同博物館には、昨年200万人以上が訪れた。",
    "ナレンドラ・モディ首相とジョコ・ウィドド大統領は、150億ドル規模の貿易協定に署名した。",
    "同社の株価はフランクフルト証券取引所で12％上昇し、245ユーロとなった。",
    "アムステルダムの警察は日曜夜の試合後、23人を逮捕した。",
    "1932年に建設されたこの橋の重さは約5万2800トンある。",
]
DE = [
    "Die Weltgesundheitsorganisation teilte am Dienstag mit, dass im Jemen 1,2 Millionen Kinder an Unterernährung leiden.",
    "Der spanische Ministerpräsident Pedro Sánchez traf um 10.30 Uhr Ortszeit in Seoul ein.",
    "Die Temperaturen in Madrid stiegen am 2. August auf 44 Grad Celsius, ein Rekord für die Stadt.",
    "Die 31-jährige ehemalige Eiskunstläuferin Kim Yuna entzündete das olympische Feuer.",
    "Der Zug zwischen Lissabon und Porto legt die 313 Kilometer in weniger als drei Stunden zurück.",
    "Etwa ein Viertel des Stroms im Land stammt aus Windparks im Norden.",
    "Die Arbeitslosigkeit sank zwischen 2019 und 2021 von 8,4 auf 7,1 Prozent.",
    "Das 1994 eröffnete Museum zählte im vergangenen Jahr mehr als zwei Millionen Besucher.",
    "Narendra Modi und Joko Widodo unterzeichneten ein Handelsabkommen im Wert von 15 Milliarden Dollar.",
    "Die Aktien des Unternehmens stiegen an der Frankfurter Börse um 12 Prozent auf 245 Euro.",
    "Die Polizei in Amsterdam nahm nach dem Spiel am Sonntagabend 23 Personen fest.",
    "Die 1932 erbaute Brücke wiegt rund 52.800 Tonnen.",
]

RU = [
    "Всемирная организация здравоохранения во вторник сообщила, что 1,2 млн детей в Йемене страдают от недоедания.",
    "Премьер-министр Испании Педро Санчес прибыл в Сеул в 10:30 по местному времени.",
    "2 августа температура в Мадриде поднялась до 44 градусов по Цельсию, что стало рекордом для города.",
    "31-летняя бывшая фигуристка Ким Ю На зажгла олимпийский огонь.",
    "Поезд между Лиссабоном и Порту преодолевает 313 километров менее чем за три часа.",
    "Около четверти электроэнергии страны вырабатывается на ветряных электростанциях на севере.",
    "С 2019 по 2021 год безработица снизилась с 8,4% до 7,1%.",
    "Музей, открывшийся в 1994 году, в прошлом году посетили более 2 млн человек.",
    "Нарендра Моди и Джоко Видодо подписали торговое соглашение на сумму 15 млрд долларов.",
    "Акции компании на Франкфуртской фондовой бирже выросли на 12% — до 245 евро.",
    "В воскресенье вечером после матча полиция Амстердама задержала 23 человека.",
    "Мост, построенный в 1932 году, весит около 52,8 тыс. тонн.",
]
CS = [
    "Světová zdravotnická organizace v úterý uvedla, že v Jemenu trpí podvýživou 1,2 milionu dětí.",
    "Španělský premiér Pedro Sánchez přiletěl do Soulu v 10:30 místního času.",
    "Teploty v Madridu 2. srpna vystoupaly na 44 stupňů Celsia, což je pro město rekord.",
    "Jednatřicetiletá bývalá krasobruslařka Kim Ju-na zapálila olympijský oheň.",
    "Vlak mezi Lisabonem a Portem urazí 313 kilometrů za necelé tři hodiny.",
    "Zhruba čtvrtina elektřiny v zemi pochází z větrných elektráren na severu.",
    "Nezaměstnanost mezi lety 2019 a 2021 klesla z 8,4 na 7,1 procenta.",
    "Muzeum, které bylo otevřeno v roce 1994, loni navštívilo přes dva miliony lidí.",
    "Naréndra Módí a Joko Widodo podepsali obchodní dohodu v hodnotě 15 miliard dolarů.",
    "Akcie společnosti na frankfurtské burze posílily o 12 procent na 245 eur.",
    "Amsterdamská policie po nedělním večerním zápase zadržela 23 lidí.",
    "Most postavený v roce 1932 váží zhruba 52 800 tun.",
]

PAIRS = {"es": ES, "pt": PT, "ko": KO, "ar": AR, "hi": HI, "id": ID, "ha": HA, "bn": BN, "uk": UK, "hr": HR, "zh": ZH, "ja": JA, "de": DE, "ru": RU, "cs": CS}


@pytest.mark.parametrize("lang,into_english", _both_ways(PAIRS))
def test_a_correct_translation_has_no_major_finding(tmp_path: Path, lang: str, into_english: bool) -> None:
    _assert_clean(tmp_path, EN, PAIRS[lang], lang, into_english)


@pytest.mark.parametrize(("lang", "old", "new"), [
    ("ko", "313킬로미터", "331킬로미터"), ("ko", "5만 2800톤", "3만 2800톤"), ("ar", "313 كيلومتراً", "331 كيلومتراً"),
    ("ar", "مليوني زائر", "3 ملايين زائر"), ("hi", "20 लाख", "30 लाख"), ("es", "15.000 millones", "1.500 millones"),
    ("bn", "৫২ হাজার ৮০০", "২৫ হাজার ৮০০"), ("bn", "১ হাজার ৫০০ কোটি", "১ হাজার ২০০ কোটি"), ("bn", "৩১৩", "৩৩১"),
    ("ha", "kilomita 313", "kilomita 331"), ("uk", "52,8 тисячі", "25,8 тисячі"),
])
def test_a_changed_figure_is_critical(tmp_path: Path, lang: str, old: str, new: str) -> None:
    _assert_changed_is_critical(tmp_path, EN, PAIRS[lang], lang, old, new)


_CASELESS = pytest.mark.xfail(strict=True, reason="a known limit: a script without capitals marks no name, and the "
                              "replacing name is found only where sound ties it to a source name")


@pytest.mark.parametrize(("lang", "old", "new"), [
    ("es", "Pedro Sánchez", "Mariano Rajoy"),  # after the title words of the source, "Spanish Prime Minister"
    ("pt", "Pedro Sánchez", "Mariano Rajoy"),
    ("ko", "페드로 산체스", "마리아노 라호이"),  # 라호이 ends in 이, which is no particle after a vowel
    pytest.param("ar", "بيدرو سانشيز", "ماريانو راخوي", marks=_CASELESS),
    pytest.param("hi", "पेड्रो सांचेज़", "मारियानो रखोय", marks=_CASELESS),
])
def test_a_swapped_name_is_caught_at_major(tmp_path: Path, lang: str, old: str, new: str) -> None:
    tgt = [s.replace(old, new) for s in PAIRS[lang]]
    assert tgt != PAIRS[lang]
    rep = _check(tmp_path, "en", "\n\n".join(EN), lang, "\n\n".join(tgt))
    assert any(f.code == "TQ101" and f.text in new and f.severity.rank >= Severity.MAJOR.rank for f in rep.findings)
