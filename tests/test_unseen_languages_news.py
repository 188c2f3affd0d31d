"""One invented English news article (names, money with scale words, dates, percentages, a length, counts) and its
correct translations into languages that no dev data, and no other test of unseen languages, has: Latvian (names
respelt by sound, case endings on months and percent words), Finnish, Hausa (the scale word before the figure, a
percentage as a share of a hundred), Bengali (native digits, lakh and crore); a shorter one into Thai (no
sentence-final mark) and Myanmar (its own full stop); and the Bengali checked against a Hindi one, with English on
neither side. The whole pipeline runs with the bundled encoder, in both directions where the translation has ten
sentences: a correct translation has no finding at major or worse; a changed figure is critical; a swapped name is
TQ101 at major or worse in Finnish (in Latvian and Hausa a capitalised word before it is paired first: strict
xfail, a known limit)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.config import Config
from tqcheck.model import Severity
from tqcheck.pipeline import check_documents

EN = [
    "President Joe Biden met German Chancellor Olaf Scholz in Washington on Thursday.",
    "The two leaders discussed military aid to Ukraine worth 2.5 billion dollars.",
    "According to the White House, Boris Johnson will join the talks by video on 14 March.",
    "The European Union plans to cut gas imports from Russia by 40 percent by 2025.",
    "Inflation in Latvia reached 7.9% in January, the highest level since 1996.",
    "The new bridge over the Daugava River in Riga is 580 metres long and cost 120 million euros.",
    "More than 35,000 people attended the concert of singer Shakira in Vilnius.",
    "Angela Merkel, who led Germany for 16 years, received an honorary award in Helsinki.",
    "Emmanuel Macron and Pedro Sánchez will travel to Tallinn next week.",
    "The company Nokia employs about 87,000 people and reported a profit of 1.6 billion euros.",
]

LV = [
    "Prezidents Džo Baidens ceturtdien Vašingtonā tikās ar Vācijas kancleru Olafu Šolcu.",
    "Abi līderi apsprieda militāro palīdzību Ukrainai 2,5 miljardu dolāru vērtībā.",
    "Kā norāda Baltais nams, Boriss Džonsons sarunām pievienosies video režīmā 14. martā.",
    "Eiropas Savienība plāno līdz 2025. gadam samazināt gāzes importu no Krievijas par 40 procentiem.",
    "Inflācija Latvijā janvārī sasniedza 7,9%, kas ir augstākais līmenis kopš 1996. gada.",
    "Jaunais tilts pār Daugavu Rīgā ir 580 metrus garš, un tā izmaksas bija 120 miljoni eiro.",
    "Dziedātājas Šakiras koncertu Viļņā apmeklēja vairāk nekā 35 000 cilvēku.",
    "Angela Merkele, kura 16 gadus vadīja Vāciju, Helsinkos saņēma goda balvu.",
    "Emanuels Makrons un Pedro Sančess nākamnedēļ dosies uz Tallinu.",
    "Uzņēmumā \"Nokia\" strādā aptuveni 87 000 cilvēku, un tas ziņoja par 1,6 miljardu eiro peļņu.",
]

FI = [
    "Presidentti Joe Biden tapasi torstaina Washingtonissa Saksan liittokansleri Olaf Scholzin.",
    "Johtajat keskustelivat Ukrainalle annettavasta 2,5 miljardin dollarin arvoisesta sotilaallisesta avusta.",
    "Valkoisen talon mukaan Boris Johnson osallistuu neuvotteluihin videoyhteydellä 14. maaliskuuta.",
    "Euroopan unioni aikoo vähentää kaasun tuontia Venäjältä 40 prosentilla vuoteen 2025 mennessä.",
    "Latvian inflaatio nousi tammikuussa 7,9 prosenttiin, mikä on korkein taso sitten vuoden 1996.",
    "Riiassa Väinäjoen yli kulkeva uusi silta on 580 metriä pitkä, ja se maksoi 120 miljoonaa euroa.",
    "Laulaja Shakiran konserttiin Vilnassa osallistui yli 35 000 ihmistä.",
    "Saksaa 16 vuotta johtanut Angela Merkel sai Helsingissä kunniapalkinnon.",
    "Emmanuel Macron ja Pedro Sánchez matkustavat ensi viikolla Tallinnaan.",
    "Nokia työllistää noin 87 000 ihmistä, ja sen voitto oli 1,6 miljardia euroa.",
]

HA = [
    "Shugaba Joe Biden ya gana da shugabar gwamnatin Jamus Olaf Scholz a Washington ranar Alhamis.",
    "Shugabannin biyu sun tattauna kan taimakon soji ga Ukraine da ya kai dala biliyan 2.5.",
    "A cewar Fadar White House, Boris Johnson zai shiga tattaunawar ta bidiyo a ranar 14 ga Maris.",
    "Tarayyar Turai na shirin rage shigo da iskar gas daga Rasha da kashi 40 cikin 100 nan da shekarar 2025.",
    "Hauhawar farashi a Latvia ya kai kashi 7.9 cikin 100 a watan Janairu, mafi girma tun shekarar 1996.",
    "Sabuwar gadar da ke kan kogin Daugava a Riga tana da tsawon mita 580 kuma ta lakume Yuro miliyan 120.",
    "Fiye da mutane 35,000 ne suka halarci wasan mawakiya Shakira a Vilnius.",
    "Angela Merkel, wadda ta jagoranci Jamus na shekaru 16, ta karbi lambar yabo a Helsinki.",
    "Emmanuel Macron da Pedro Sánchez za su je Tallinn a mako mai zuwa.",
    "Kamfanin Nokia yana da ma'aikata kusan 87,000 kuma ya bayar da rahoton ribar Yuro biliyan 1.6.",
]

BN = [
    "প্রেসিডেন্ট জো বাইডেন বৃহস্পতিবার ওয়াশিংটনে জার্মান চ্যান্সেলর ওলাফ শলৎজের সঙ্গে বৈঠক করেন।",
    "দুই নেতা ইউক্রেনকে ২৫০ কোটি ডলারের সামরিক সহায়তা নিয়ে আলোচনা করেন।",
    "হোয়াইট হাউসের তথ্য অনুযায়ী, বরিস জনসন ১৪ মার্চ ভিডিওর মাধ্যমে আলোচনায় যোগ দেবেন।",
    "ইউরোপীয় ইউনিয়ন ২০২৫ সালের মধ্যে রাশিয়া থেকে গ্যাস আমদানি ৪০ শতাংশ কমানোর পরিকল্পনা করছে।",
    "জানুয়ারিতে লাটভিয়ায় মূল্যস্ফীতি ৭.৯ শতাংশে পৌঁছেছে, যা ১৯৯৬ সালের পর সর্বোচ্চ।",
    "রিগায় দৌগাভা নদীর ওপর নির্মিত নতুন সেতুটি ৫৮০ মিটার দীর্ঘ এবং এর ব্যয় হয়েছে ১২ কোটি ইউরো।",
    "ভিলনিয়াসে গায়িকা শাকিরার কনসার্টে ৩৫ হাজারের বেশি মানুষ উপস্থিত ছিলেন।",
    "১৬ বছর জার্মানির নেতৃত্ব দেওয়া অ্যাঙ্গেলা মের্কেল হেলসিঙ্কিতে একটি সম্মানসূচক পুরস্কার পেয়েছেন।",
    "ইমানুয়েল মাক্রোঁ ও পেদ্রো সানচেস আগামী সপ্তাহে তালিনে যাবেন।",
    "নোকিয়ায় প্রায় ৮৭ হাজার মানুষ কাজ করেন এবং প্রতিষ্ঠানটি ১৬০ কোটি ইউরো মুনাফার কথা জানিয়েছে।",
]

HI = [
    'राष्ट्रपति जो बाइडन ने गुरुवार को वाशिंगटन में जर्मन चांसलर ओलाफ शोल्ज़ से मुलाकात की।',
    'दोनों नेताओं ने यूक्रेन को 2.5 अरब डॉलर की सैन्य सहायता पर चर्चा की।',
    'व्हाइट हाउस के अनुसार, बोरिस जॉनसन 14 मार्च को वीडियो के माध्यम से वार्ता में शामिल होंगे।',
    'यूरोपीय संघ 2025 तक रूस से गैस आयात में 40 प्रतिशत की कटौती करने की योजना बना रहा है।',
    'लातविया में जनवरी में मुद्रास्फीति 7.9% पर पहुंच गई, जो 1996 के बाद का उच्चतम स्तर है।',
    'रीगा में दौगावा नदी पर बना नया पुल 580 मीटर लंबा है और इसकी लागत 12 करोड़ यूरो रही।',
    'विल्नियस में गायिका शकीरा के संगीत कार्यक्रम में 35,000 से अधिक लोग शामिल हुए।',
    '16 वर्षों तक जर्मनी का नेतृत्व करने वाली एंजेला मर्केल को हेलसिंकी में एक मानद पुरस्कार मिला।',
    'इमैनुएल मैक्रों और पेड्रो सांचेज़ अगले सप्ताह तालिन जाएंगे।',
    'नोकिया कंपनी में लगभग 87,000 लोग काम करते हैं और कंपनी ने 1.6 अरब यूरो का मुनाफा दर्ज किया।',
]

EN_SHORT = "The meeting was held in Bangkok on Monday. More than 200 delegates attended. The minister opened the session with a short speech. Several agreements on trade were signed. The next meeting will take place in Chiang Mai. Journalists were not allowed to enter the hall."
TH = "การประชุมจัดขึ้นที่กรุงเทพฯ เมื่อวันจันทร์ มีผู้แทนมากกว่า 200 คนเข้าร่วม รัฐมนตรีเปิดการประชุมด้วยสุนทรพจน์สั้นๆ มีการลงนามข้อตกลงด้านการค้าหลายฉบับ การประชุมครั้งต่อไปจะจัดขึ้นที่เชียงใหม่ ผู้สื่อข่าวไม่ได้รับอนุญาตให้เข้าไปในห้องประชุม"
EN_SHORT_MY = "The meeting was held in Yangon on Monday. More than 200 delegates attended. The minister opened the session with a short speech. Several agreements on trade were signed. The next meeting will take place in Mandalay. Journalists were not allowed to enter the hall."
MY = "အစည်းအဝေးကို တနင်္လာနေ့က ရန်ကုန်မြို့တွင် ကျင်းပခဲ့သည်။ ကိုယ်စားလှယ် ၂၀၀ ကျော် တက်ရောက်ခဲ့သည်။ ဝန်ကြီးက အတိုချုံး မိန့်ခွန်းဖြင့် အစည်းအဝေးကို ဖွင့်လှစ်ခဲ့သည်။ ကုန်သွယ်ရေးဆိုင်ရာ သဘောတူညီချက်အချို့ကို လက်မှတ်ရေးထိုးခဲ့သည်။ နောက်အစည်းအဝေးကို မန္တလေးတွင် ကျင်းပမည်။ သတင်းထောက်များကို ခန်းမထဲသို့ ဝင်ခွင့်မပြုခဲ့ပါ။"

PAIRS = {"lv": LV, "fi": FI, "ha": HA, "bn": BN}


def _check(tmp_path: Path, src_lang: str, src: str, tgt_lang: str, tgt: str):  # noqa: ANN202 - a tqcheck Report
    (tmp_path / f"a.{src_lang}.txt").write_text(src + "\n", encoding="utf-8")
    (tmp_path / f"b.{tgt_lang}.txt").write_text(tgt + "\n", encoding="utf-8")
    return check_documents(str(tmp_path / f"a.{src_lang}.txt"), str(tmp_path / f"b.{tgt_lang}.txt"),
                           Config(src_lang=src_lang, tgt_lang=tgt_lang))


def _both_ways(pairs: dict) -> list:
    """pytest params: each language of ``pairs`` from English and into it."""
    return [pytest.param(lang, into, id=f"{lang}-{'into-en' if into else 'from-en'}")
            for lang in sorted(pairs) for into in (False, True)]


def _assert_changed_is_critical(tmp_path: Path, en_lines: list[str], xx_lines: list[str], lang: str, old: str,
                                new: str) -> None:
    """``old`` replaced by ``new`` in the translation (from English) is a critical TQ201."""
    tgt = [s.replace(old, new) for s in xx_lines]
    assert tgt != xx_lines
    rep = _check(tmp_path, "en", "\n\n".join(en_lines), lang, "\n\n".join(tgt))
    assert [f for f in rep.findings if f.code == "TQ201" and f.severity == Severity.CRITICAL]


def _major(rep) -> list[str]:  # noqa: ANN001
    return [f"{f.code} {f.severity.value} {f.text!r}" for f in rep.findings if f.severity.rank >= Severity.MAJOR.rank]


_EXONYM = pytest.mark.xfail(strict=True, reason="a known false alarm: the Finnish exonym 'Väinäjoki' (Daugava) is no "
                            "name any data gives, and one unknown source word against 'Daugava River' is TQ101 major")


@pytest.mark.parametrize("lang,into_english", [
    pytest.param(lang, into, id=f"{lang}-{'into-en' if into else 'from-en'}",
                 marks=[_EXONYM] if (lang, into) == ("fi", True) else [])
    for lang in sorted(PAIRS) for into in (False, True)])
def test_a_correct_translation_has_no_major_finding(tmp_path: Path, lang: str, into_english: bool) -> None:
    _assert_clean(tmp_path, EN, PAIRS[lang], lang, into_english)


def _assert_clean(tmp_path: Path, en_lines: list[str], xx_lines: list[str], lang: str, into_english: bool) -> None:
    """One paragraph a sentence, checked in the direction asked: one bead a paragraph, nothing major or worse."""
    en, xx = "\n\n".join(en_lines), "\n\n".join(xx_lines)
    rep = _check(tmp_path, lang, xx, "en", en) if into_english else _check(tmp_path, "en", en, lang, xx)
    assert len(rep.alignment) == len(en_lines)
    assert _major(rep) == []


def test_a_correct_translation_between_two_languages_without_english(tmp_path: Path) -> None:
    # Bengali into Hindi (a direction with English on neither side; two scripts without capitals, Bengali digits
    # and lakh/crore against Western digits and arab/crore)
    rep = _check(tmp_path, "bn", "\n\n".join(BN), "hi", "\n\n".join(HI))
    assert len(rep.alignment) == len(EN)
    assert _major(rep) == []


@pytest.mark.parametrize(("lang", "src", "tgt"), [("th", EN_SHORT, TH), ("my", EN_SHORT_MY, MY)])
def test_a_translation_into_a_script_without_a_full_stop_or_with_its_own(tmp_path: Path, lang: str, src: str,
                                                                           tgt: str) -> None:
    # one paragraph of six sentences: every source sentence has its counterpart (before, Thai and Myanmar were
    # one sentence, and three source sentences "not translated")
    rep = _check(tmp_path, "en", src, lang, tgt)
    assert _major(rep) == []
    assert not [f for f in rep.findings if f.code in ("TQ501", "TQ507")]


@pytest.mark.parametrize(("lang", "old", "new"), [
    ("lv", "580 metrus", "850 metrus"), ("fi", "580 metriä", "850 metriä"), ("ha", "mita 580", "mita 850"),
    ("ha", "dala biliyan 2.5", "dala miliyan 2.5"), ("bn", "৫৮০ মিটার", "৮৫০ মিটার"),
])
def test_a_changed_figure_is_critical(tmp_path: Path, lang: str, old: str, new: str) -> None:
    tgt = [s.replace(old, new) for s in PAIRS[lang]]
    assert tgt != PAIRS[lang]
    rep = _check(tmp_path, "en", "\n\n".join(EN), lang, "\n\n".join(tgt))
    hits = [f for f in rep.findings if f.code == "TQ201"]
    assert hits and hits[0].severity == Severity.CRITICAL


_EARLIER_WORD = pytest.mark.xfail(strict=True, reason="a known limit: the one capitalised word of 'Baltais nams' / "
                                  "'Fadar White House' (White House) before the name is paired with Boris Johnson "
                                  "first, so the name that took his place is only a minor finding")


@pytest.mark.parametrize(("lang", "old", "new"), [
    pytest.param("lv", "Boriss Džonsons", "Donalds Tusks", marks=_EARLIER_WORD),
    ("fi", "Boris Johnson", "Donald Tusk"),
    pytest.param("ha", "Boris Johnson", "Donald Tusk", marks=_EARLIER_WORD),
])
def test_a_swapped_name_is_caught_at_major(tmp_path: Path, lang: str, old: str, new: str) -> None:
    tgt = [s.replace(old, new) for s in PAIRS[lang]]
    rep = _check(tmp_path, "en", "\n\n".join(EN), lang, "\n\n".join(tgt))
    assert any(f.code == "TQ101" and f.text in new and f.severity.rank >= Severity.MAJOR.rank for f in rep.findings)
