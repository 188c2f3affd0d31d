"""Hausa: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # a percentage as a share of a hundred, the usual form in Hausa news ("kashi 40 cikin 100", 40 percent;
        # "cikin ɗari", in a hundred), see tqcheck/data/SOURCES.md. CLDR's percent unit gives only "Kaso 40".
        "percent_frames": ["kashi {} cikin 100", "{} cikin 100", "kashi {} cikin ɗari", "{} cikin ɗari"],
        # the word between the day and the month of a date ("14 ga Maris", the 14th of March), which CLDR's
        # long date pattern ("d MMMM, y") does not write; see tqcheck/data/SOURCES.md
        "day_month_joiner": "ga",
        # ... which may be followed by the word for "month" in its linked form ("2 ga watan Agusta"); see
        # tqcheck/data/SOURCES.md
        "month_nouns": ["watan"],
        # the numerals one to ten, which neither num2words nor ICU's spell-out rules write for Hausa (soft values,
        # as every number word); see tqcheck/data/SOURCES.md
        "words": {"ɗaya": 1, "daya": 1, "biyu": 2, "uku": 3, "huɗu": 4, "hudu": 4, "biyar": 5, "shida": 6,
                  "bakwai": 7, "takwas": 8, "tara": 9, "goma": 10},
        # the spellings of February and April that Hausa news writes beside CLDR's Faburairu and Afirilu; see
        # tqcheck/data/SOURCES.md
        "months": {"fabrairu": 2, "afrilu": 4},
    },
}
