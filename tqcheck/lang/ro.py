"""Romanian: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # "40 la sută" (per cent, the usual newspaper form beside CLDR's "procent"), see tqcheck/data/SOURCES.md
        "percent_words": ["la sută", "la suta"],
    },
}
