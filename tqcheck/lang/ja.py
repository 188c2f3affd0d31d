"""Japanese: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        "percent_words": ['パーセント'],
        "approx": ["約", "およそ", "ほぼ", "最大", "少なくとも", "数"],
        "scale_infix": ["余"],
        "approx_after": ["以上", "超", "余り", "あまり", "ほど", "近く", "前後", "程度", "以下", "未満"],
        # "半年" (half a year): num2words writes no fractions (see tqcheck/data/SOURCES.md)
        "words": {"半": 0.5},
        # fractions: "4分の1" is a quarter (denominator first); num2words and CLDR write none (see
        # tqcheck/data/SOURCES.md)
        "fraction_frames": ["{den}分の{num}"],
        # shares counted in tenths: "7割" is 70% (see tqcheck/data/SOURCES.md)
        "percent_units": {"割": 10},
        # ... and the smaller parts of the same count, in percentage points: "１割８分２厘" is 18.2% (a batting
        # average of .182)
        "percent_subunits": {"分": 1, "厘": 0.1},
        # the middle dot is also a decimal point between figures ("182・44ドル", "1万0363・18", "打率・252"), except
        # where it joins two counts of a list ("3・4月", "19・20日"); see tqcheck/data/SOURCES.md
        "decimal_dots": ["・"],
        "list_counters": ["月", "日", "年", "時", "歳", "回", "位", "号", "人", "件", "期", "区", "次", "階", "部", "代", "世紀"],
        # era names of the modern Japanese calendar (CLDR ja.xml, calendar type="japanese", eraAbbr): only so that
        # a year counted in an era ("令和3年") is left unread when PyICU, which converts it, is absent
        "era_names": ["明治", "大正", "昭和", "平成", "令和"],
    },

    # --- units: unit words (tqcheck.units) -------------------------------------------------------------------
    "units": {
        "words": {"マイル": "mile", "平方マイル": "mile**2", "フィート": "foot", "インチ": "inch", "ポンド": "pound",
                  "メートル": "meter", "キロメートル": "kilometer", "キロ": "kilometer", "平方キロメートル": "kilometer**2",
                  "センチ": "centimeter", "センチメートル": "centimeter", "ミリ": "millimeter", "度": "degree_temperature",
                  "キログラム": "kilogram", "グラム": "gram", "リットル": "liter", "トン": "metric_ton",
                  "ヘクタール": "hectare", "ガロン": "gallon", "エーカー": "acre"},
    },

    # --- names: title words, name particles (tqcheck.names) --------------------------------------------------
    "names": {
        # Words written right after (or before) a person's name: a katakana run next to one is a name, not a
        # loanword (see tqcheck/data/SOURCES.md).
        "titles": ["氏", "さん", "様", "首相", "大統領", "長官", "議員", "知事", "市長", "選手", "監督", "容疑者",
                   "被告", "社長", "会長", "教授", "博士", "外相", "国務長官"],
        # One-kanji country abbreviations of news writing ("日米", "米英", "対中"), which CLDR lacks: local form ->
        # English form (see tqcheck/data/SOURCES.md). Only ones that stand for a country in compounds; not 日, 西,
        # 比, 朝, whose other senses (day, west, compare, morning) are far more frequent.
        "abbreviations": {"米": ["US", "America"], "英": ["UK", "Britain"], "独": "Germany", "仏": "France", "露": "Russia", "中": "China",
                          "韓": "South Korea", "伊": "Italy", "加": "Canada", "豪": "Australia", "印": "India",
                          "蘭": "Netherlands", "台": "Taiwan"},
    },

    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {
        # words that cannot end a sentence (TQ504); cited in tqcheck/data/SOURCES.md
        "dangling": "を および 及び ならびに 並びに".split(),
        # function words whose immediate repetition is a stutter, not grammar (TQ701)
        "function_words": "を に が で や".split(),
    },
}
