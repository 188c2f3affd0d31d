"""French: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # "un million et demi" (1.5 million); num2words writes no fractions (SOURCES.md)
        "half_suffix": ["et demi", "et demie"],
        # a change in percentage points ("0,5 point de pourcentage"), see tqcheck/data/SOURCES.md
        "percent_words": ["point de pourcentage", "points de pourcentage"],
    },

    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {
        # words that cannot end a sentence (TQ504); cited in tqcheck/data/SOURCES.md
        "dangling": "et ou de du des le la les un une au aux entre que".split(),
        # function words whose immediate repetition is a stutter, not grammar (TQ701)
        "function_words": "à en dans sur pour par avec est sont était il".split(),
    },
}
