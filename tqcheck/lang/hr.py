"""Croatian: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # "u 10 sati", "do 18 sati": the hour word after a time of day
        "clock_words": ["sati", "sata"],
        # the press's abbreviation of "milijarda" beside CLDR's "mlr." ("1,5 mlrd. kuna"; see tqcheck/data/SOURCES.md)
        "scales": {"mlrd": 1e9, "mlrd.": 1e9},
        "approx": ["oko", "otprilike", "gotovo", "skoro", "više od", "manje od", "najmanje", "do"],
    },
}
