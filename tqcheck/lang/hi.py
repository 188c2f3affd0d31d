"""Hindi: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # a word before a figure that adds a fraction to it: "साढ़े 3" is three and a half, "साढ़े 10 बजे" half
        # past ten; "सवा" adds a quarter, "पौने" takes one away (see tqcheck/data/SOURCES.md)
        "fraction_before": {"साढ़े": 0.5, "सवा": 0.25, "पौने": -0.25},
        # an hour and its minutes ("৩টা ১৫ মিনিটে", "3 बजकर 15 मिनट": 3:15)
        "hour_marks": ["बजकर"],
        "minute_marks": ["मिनट"],
        # the word between the two days of a range ("৬ থেকে ৮ মে", "6 से 8 मई": from the 6th to the 8th of May)
        "range_words": ["से"],
        # one and a half, two and a half: one word each; num2words writes no fractions
        "words": {"डेढ़": 1.5, "ढाई": 2.5},
        # the word after an hour ("10 बजे", at ten o'clock)
        "clock_words": ["बजे"],
    },
    # --- fluency (tqcheck.checks.fluency) -----------------------------------------------------------------------
    "fluency": {
        # the language doubles words as grammar ("धीरे धीरे" (slowly), "दो दो" (two each): distributive and intensive reduplication), so a doubled
        # word that never stands alone in the document is a word of its own (TQ701); cited in tqcheck/data/SOURCES.md
        "reduplication": True,
    },
}
