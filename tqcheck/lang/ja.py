"""Japanese: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {

    # --- segment: sentence splitting (tqcheck.segment) -----------------------------------------------------
    "segment": {},


    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        "percent_words": ['パーセント'],
        "approx": ["約", "およそ", "ほぼ", "最大", "少なくとも", "数"],
        "scale_infix": ["余"],
        "approx_after": ["以上", "超", "余り", "あまり", "ほど", "近く", "前後", "程度", "以下", "未満"],
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
    "names": {},


    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {},
}
