"""Spanish: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # "dos millones y medio" (2.5 million), "dos horas y media"; num2words writes no fractions (SOURCES.md)
        "half_suffix": ['y medio', 'y media'],
        # a change in percentage points ("0,5 puntos porcentuales"), see tqcheck/data/SOURCES.md
        "percent_words": ["punto porcentual", "puntos porcentuales"],
    },
}
