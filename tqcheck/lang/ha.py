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
    },
}
