"""Arabic: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # the dual on a scale word is two of it ("مليونان", "مليونين", construct "مليونا", "مليوني": two
        # million); num2words writes one form only (see tqcheck/data/SOURCES.md)
        "dual_suffixes": ["ان", "ين", "ا", "ي"],
        # "35 في المئة" (35 in the hundred), the press's usual percent; CLDR gives only "بالمائة" (SOURCES.md)
        "percent_words": ["في المئة", "في المائة", "بالمئة"],
        # the modern spelling of a hundred and its dual, which num2words writes the older way (مائة, مائتان):
        # see tqcheck/data/SOURCES.md
        "words": {"مئة": 100, "مئتان": 200, "مئتين": 200},
    },
}
