"""Vietnamese: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- segment: sentence splitting (tqcheck.segment) -----------------------------------------------------
    "segment": {
        # a full stop inside a short quotation never ends the sentence (the splitter's tuned behaviour here)
        "quotes_hold": True,
    },

    # --- names (tqcheck.checks.names) ---------------------------------------------------------------------------
    "names": {
        # every syllable of a Vietnamese name is also an ordinary word (Triều Tiên, Hà Nội): a word's frequency
        # does not tell a name from a phrase translated word by word (names._worded)
        "syllable_words": True,
    },

    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # informal spellings CLDR does not list ("tỉ" for "tỷ", "ngàn" for "nghìn")
        "scales": {"tỉ": 1e9, "ngàn": 1e3, "ngàn tỷ": 1e12, "ngàn tỉ": 1e12, "nghìn tỉ": 1e12, "trăm": 100,
                   "vạn": 1e4},
        "approx": ["khoảng", "gần", "hơn", "trên", "chừng", "ước tính", "xấp xỉ", "tới", "đến", "dưới", "ít nhất",
                   "khoảng chừng", "hàng", "vài"],
        "approx_after": ["có lẻ", "hơn"],
    },

    # --- units: unit words (tqcheck.units) -------------------------------------------------------------------
    "units": {
        "words": {"dặm": "mile", "dặm vuông": "mile**2", "feet": "foot", "bộ": "foot", "foot": "foot",
                  "inch": "inch", "in-sơ": "inch", "pound": "pound", "cân anh": "pound", "mét": "meter",
                  "met": "meter", "mét vuông": "meter**2", "kilomet": "kilometer", "ki-lô-mét": "kilometer",
                  "cây số": "kilometer", "kilomet vuông": "kilometer**2", "km vuông": "kilometer**2",
                  "cây số vuông": "kilometer**2", "độ c": "degC", "độ f": "degF", "độ": "degree_temperature",
                  "lít": "liter", "ki-lô-gam": "kilogram", "kilogam": "kilogram", "ký": "kilogram", "cân": "kilogram",
                  "gam": "gram", "tấn": "metric_ton", "mẫu anh": "acre", "héc-ta": "hectare", "hecta": "hectare",
                  "gallon": "gallon", "yard": "yard", "thước anh": "yard"},
    },

    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {
        # words that cannot end a sentence (TQ504); cited in tqcheck/data/SOURCES.md
        "dangling": "và của với các những rằng để nhằm hoặc mọi".split(),
        # function words whose immediate repetition is a stutter, not grammar (TQ701)
        # (with the negators and the first-person pronoun, which Vietnamese never reduplicates; "не" in ru)
        "function_words": "trong trên dưới cho đến tới tại về theo là đã sẽ đang được bị cũng rất "
                          "không chẳng chưa tôi".split(),
        # the language doubles words as grammar (full reduplication: "dần dần", "xa xa"), so a doubled word
        # that never occurs alone in the document is taken for a word of its own (TQ701)
        "reduplication": True,
    },
}
