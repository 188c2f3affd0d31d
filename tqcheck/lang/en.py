"""English: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- segment: sentence splitting (tqcheck.segment) -----------------------------------------------------
    "segment": {
        # a full stop inside a short quotation never ends the sentence (the splitter's tuned behaviour here)
        "quotes_hold": True,
    },

    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # informal scale abbreviations and plurals CLDR's compact patterns do not list ("£75m", "10 thousands")
        # (mln, bln, tln: the abbreviations of news agencies' English, "$1 tln"; trn: the financial press, "$2trn")
        "scales": {"bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "hundred": 100, "thousands": 1e3, "millions": 1e6,
                   "billions": 1e9, "mln": 1e6, "bln": 1e9, "tln": 1e12, "trn": 1e12},
        "months": {"sept": 9},
        "approx": ["about", "around", "approximately", "roughly", "nearly", "almost", "some", "over", "more than",
                   "less than", "fewer than", "under", "up to", "at least", "close to", "estimated", "just over",
                   "just under", "an estimated", "tens of", "hundreds of", "thousands of"],
        "approx_after": ["or so", "-odd", "odd", "plus", "or more"],
        # a count after these is besides one already named: "Shodai and 3 others" is four people
        "others": ["others", "other people"],
    },

    # --- units: unit words (tqcheck.units) -------------------------------------------------------------------
    "units": {
        "words": {"mile": "mile", "miles": "mile", "foot": "foot", "feet": "foot", "inch": "inch", "inches": "inch",
                  "yard": "yard", "yards": "yard", "pound": "pound", "pounds": "pound", "ounce": "ounce",
                  "ounces": "ounce", "gallon": "gallon", "gallons": "gallon", "acre": "acre", "acres": "acre",
                  "square mile": "mile**2", "square miles": "mile**2", "square feet": "foot**2",
                  "square foot": "foot**2", "square kilometres": "kilometer**2", "square kilometers": "kilometer**2",
                  "square metres": "meter**2", "square meters": "meter**2", "metre": "meter", "metres": "meter",
                  "meter": "meter", "meters": "meter", "kilometre": "kilometer", "kilometres": "kilometer",
                  "kilometer": "kilometer", "kilometers": "kilometer", "centimetres": "centimeter",
                  "centimeters": "centimeter", "kilograms": "kilogram", "kilogram": "kilogram", "kilos": "kilogram",
                  "grams": "gram", "litres": "liter", "liters": "liter", "tonnes": "metric_ton",
                  "degrees fahrenheit": "degF", "degrees celsius": "degC", "degrees": "degree_temperature",
                  "miles per hour": "mile/hour", "kilometres per hour": "kilometer/hour"},
    },

    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {
        # words that cannot end a sentence (TQ504); cited in tqcheck/data/SOURCES.md
        "dangling": "and or nor of the a an than whose including among towards into onto".split(),
        # compound conjunctions and prepositions of several words (matched at the end as a phrase)
        "dangling_phrases": ["such as", "as well as", "due to", "according to", "because of", "in addition to"],
        # function words whose immediate repetition is a stutter, not grammar (TQ701)
        "function_words": "to in on at for from with by is are was were be it we they he she i you who which".split(),
        # words whose immediate repetition can be grammar (TQ701: the only frequent words it lets pass doubled):
        # "had had" (past perfect of have), "that that" (conjunction + demonstrative); cited in tqcheck/data/SOURCES.md
        "doubles": "had that".split(),
    },
}
