"""Hungarian: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # Hungarian writes its case endings onto a month name ("márciusban", in March; "áprilistól", from April):
        # a month name with up to three letters after it is that month (soft); see tqcheck/data/SOURCES.md
        "month_endings": True,
    },
}
