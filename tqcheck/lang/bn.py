"""Bengali: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # case endings and classifiers are written onto the word before them, a figure or a scale word
        # included ("২০ লাখের", "৭.১ শতাংশে", "১০টায়"): only Latin letters join a figure to a word (see
        # tqcheck/data/SOURCES.md)
        "endings_attached": True,
        # a word before a figure that adds a fraction to it: "সাড়ে ৩" is three and a half, "সাড়ে ১০টায়" half
        # past ten; "সোয়া" adds a quarter, "পৌনে" takes one away (see tqcheck/data/SOURCES.md)
        "fraction_before": {"সাড়ে": 0.5, "সোয়া": 0.25, "পৌনে": -0.25},
        # an hour and its minutes ("৩টা ১৫ মিনিটে", "3 बजकर 15 मिनट": 3:15)
        "hour_marks": ["টা"],
        "minute_marks": ["মিনিট"],
        # the word for the decimal point, as news writes decimals out ("৩ দশমিক ২ শতাংশ": 3.2 percent)
        "decimal_words": ["দশমিক"],
        # the word between the two days of a range ("৬ থেকে ৮ মে", "6 से 8 मई": from the 6th to the 8th of May)
        "range_words": ["থেকে"],
        # one and a half, two and a half: one word each; num2words writes no fractions
        "words": {"দেড়": 1.5, "আড়াই": 2.5},
        # the classifier written onto an hour ("১০টায়", at ten o'clock; "৫টা" is also five of a thing)
        "clock_words": ["টায়", "টার", "টা"],
    },
    # --- fluency (tqcheck.checks.fluency) -----------------------------------------------------------------------
    "fluency": {
        # the language doubles words as grammar ("আস্তে আস্তে" (slowly), "দুই দুই" (two each): distributive and intensive reduplication), so a doubled
        # word that never stands alone in the document is a word of its own (TQ701); cited in tqcheck/data/SOURCES.md
        "reduplication": True,
    },
}
