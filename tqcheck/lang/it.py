"""Italian: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # "un milione e mezzo" (1.5 million); num2words writes no fractions (SOURCES.md)
        "half_suffix": ['e mezzo', 'e mezza'],
        # a change in percentage points ("0,5 punti percentuali"), see tqcheck/data/SOURCES.md
        "percent_words": ["punto percentuale", "punti percentuali"],
    },
}
