"""Japanese: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {

    # --- segment: sentence splitting (tqcheck.segment) -----------------------------------------------------
    "segment": {},


    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {},


    # --- units: unit words (tqcheck.units) -------------------------------------------------------------------
    "units": {},


    # --- names: title words, name particles (tqcheck.names) --------------------------------------------------
    "names": {
        # Words written right after (or before) a person's name: a katakana run next to one is a name, not a
        # loanword (see tqcheck/data/SOURCES.md).
        "titles": ["氏", "さん", "様", "首相", "大統領", "長官", "議員", "知事", "市長", "選手", "監督", "容疑者",
                   "被告", "社長", "会長", "教授", "博士", "外相", "国務長官"],
    },


    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {},
}
