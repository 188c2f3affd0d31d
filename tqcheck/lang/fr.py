"""French: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # "un million et demi" (1.5 million); num2words writes no fractions (SOURCES.md)
        "half_suffix": ["et demi", "et demie"],
        # a change in percentage points ("0,5 point de pourcentage"), see tqcheck/data/SOURCES.md
        "percent_words": ["point de pourcentage", "points de pourcentage"],
        # the press's abbreviations of "milliard(s)" ("2,75 mds d'euros"); CLDR's short pattern "Md" has two
        # letters, which are left to units (see tqcheck/data/SOURCES.md)
        "scales": {"md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9},
    },

    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {
        # words that cannot end a sentence (TQ504); cited in tqcheck/data/SOURCES.md
        "dangling": "et ou de du des le la les un une au aux entre que".split(),
        # function words whose immediate repetition is a stutter, not grammar (TQ701)
        "function_words": "à en dans sur pour par avec est sont était il".split(),
        # words whose immediate repetition can be grammar (TQ701: the only frequent words it lets pass doubled):
        # reflexive verbs ("nous nous attendons"); cited in tqcheck/data/SOURCES.md
        "doubles": "nous vous".split(),
    },
}
