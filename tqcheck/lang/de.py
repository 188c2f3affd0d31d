"""German: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # Every noun is capitalised, so a capital letter alone does not mark a name.
    "capitals_mark_names": False,

    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        "clock_words": ["Uhr"],
        "percent_words": ['Prozent', 'Prozentpunkte', 'Prozentpunkten', 'Prozentpunkt'],
        # one and a half, two and a half ... in one word; num2words writes no fractions (SOURCES.md)
        "words": {"anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5},
        "approx": ["etwa", "rund", "ungefähr", "circa", "ca.", "fast", "knapp", "beinahe", "mehr als", "über",
                   "weniger als", "unter", "bis zu", "mindestens", "gut", "annähernd", "geschätzt", "zehntausende",
                   "tausende"],
    },

    # --- units: unit words (tqcheck.units) -------------------------------------------------------------------
    "units": {
        "words": { "hektar": "hectare", "metern": "meter", "kilometern": "kilometer", "zentimetern": "centimeter", "meile": "mile", "meilen": "mile", "fuß": "foot", "zoll": "inch",
                  "meter": "meter", "kilometer": "kilometer", "zentimeter": "centimeter", "quadratkilometer": "kilometer**2",
                  "quadratmeilen": "mile**2", "quadratmeter": "meter**2", "grad celsius": "degC",
                  "grad fahrenheit": "degF", "grad": "degree_temperature", "kilogramm": "kilogram", "kilo": "kilogram",
                  "gramm": "gram", "liter": "liter", "tonnen": "metric_ton", "gallonen": "gallon"},
    },

    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {
        # words that cannot end a sentence (TQ504); cited in tqcheck/data/SOURCES.md
        # not "ein": a separable prefix ("lädt ... ein."); not der, die, das, den, dem: each is also a demonstrative
        # pronoun that ends a sentence ("Natürlich können wir das.", "Ich kenne den."); "des" is not (dessen, deren)
        "dangling": "und oder des zwischen dass".split(),
        # function words whose immediate repetition is a stutter, not grammar (TQ701)
        "function_words": "zu in an auf für von mit bei ist sind war waren sein es".split(),
        # words whose immediate repetition can be grammar (TQ701: the only frequent words it lets pass doubled):
        # relative pronoun + article ("die die Polizei"), "dass sie sie" (subject + object); cited in tqcheck/data/SOURCES.md
        "doubles": "die der das sie".split(),
    },
}
