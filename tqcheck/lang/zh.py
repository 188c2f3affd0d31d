"""Chinese: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # "10点50分": CLDR's Chinese time patterns use a colon, the hour mark of running text is not in them
        "hour_marks": ["点", "點", "时", "時"],
        "minute_marks": ["分"],
        "approx": ["约", "大约", "近", "将近", "接近", "超过", "逾", "上", "至少", "不到", "不足", "数", "几"],
        "approx_after": ["多", "余", "左右", "以上", "以下", "上下"],
        "scale_infix": ["多", "余"],
        # "半米" (half a metre): num2words writes no fractions (see tqcheck/data/SOURCES.md)
        "words": {"半": 0.5},
        # fractions: "4分の1" is a quarter (denominator first); num2words and CLDR write none (see
        # tqcheck/data/SOURCES.md)
        "fraction_frames": ["{den}分之{num}"],
        # shares counted in tenths: "四成", "6成" are 40%, 60% (see tqcheck/data/SOURCES.md)
        "percent_units": {"成": 10},
        # percentage points: "下降0.2个百分点" (see tqcheck/data/SOURCES.md)
        "percent_words": ["个百分点", "個百分點", "百分点", "百分點"],
        # the Republic-of-China era (CLDR zh.xml / zh_Hant.xml, calendar type="roc"): only so that "民國10年" is
        # left unread when PyICU, which converts it, is absent
        "era_names": ["民國", "民国"],
    },

    # --- units: unit words (tqcheck.units) -------------------------------------------------------------------
    "units": {
        # China's market units (市制), which pint lacks: the 市里 is half a kilometre, the 市斤 half a kilogram,
        # the 市亩 a fifteenth of a hectare (the State Council's 1984 order on legal units; see
        # tqcheck/data/SOURCES.md). "20里外" is 10 kilometres away; a translator converts it or keeps "li".
        "definitions": ["chinese_li = 500 * meter", "chinese_jin = 0.5 * kilogram",
                        "chinese_mu = 10000 / 15 * meter ** 2"],
        "words": {"里": "chinese_li", "华里": "chinese_li", "市里": "chinese_li", "斤": "chinese_jin",
                  "市斤": "chinese_jin", "亩": "chinese_mu", "市亩": "chinese_mu",
                  "英里": "mile", "平方英里": "mile**2", "英尺": "foot", "英寸": "inch", "磅": "pound", "米": "meter",
                  "公里": "kilometer", "千米": "kilometer", "平方公里": "kilometer**2", "平方米": "meter**2",
                  "厘米": "centimeter", "毫米": "millimeter", "摄氏度": "degC", "华氏度": "degF",
                  "度": "degree_temperature", "公斤": "kilogram", "千克": "kilogram", "克": "gram", "升": "liter",
                  "吨": "metric_ton", "公顷": "hectare", "加仑": "gallon", "英亩": "acre"},
    },

    # --- names: title words, name particles (tqcheck.names) --------------------------------------------------
    "names": {
        # Words written right before or after a person's name (see tqcheck/data/SOURCES.md).
        "titles": ["先生", "女士", "总统", "总理", "首相", "主席", "部长", "外长", "国务卿", "议员", "州长", "市长",
                   "教授", "博士", "发言人", "表示", "说"],
        # Frequent function, time and verb characters that transliterated foreign names never use (they are
        # absent from the Xinhua transliteration tables): a middle-dot name ends before one (特朗普|周三表示).
        "not_in_names": "的了在是和与及或也都就将已对向于从把被说表称日月年周今昨明时等为不上下中后前",
    },

    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {
        # words that cannot end a sentence (TQ504); cited in tqcheck/data/SOURCES.md
        "dangling": "以及 并且 而且 但是 因为 如果 关于 对于 和其 及其".split(),
        # function words whose immediate repetition is a stutter, not grammar (TQ701)
        "function_words": "的 和 在 与 及 或 把 被".split(),
    },
}
