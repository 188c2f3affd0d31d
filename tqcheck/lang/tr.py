"""Turkish: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # Turkish writes its case endings onto a month name ("martta", in March; "nisandan", from April), with an
        # apostrophe only in a full date ("15 Mart'ta"): a month name with up to three letters after it is that
        # month (soft, like every inflected form); see tqcheck/data/SOURCES.md
        "month_endings": True,
    },
}
