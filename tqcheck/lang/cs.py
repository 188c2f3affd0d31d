"""Czech: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # "ve 23 hodin", "kolem 23. hodiny", "v 5. hodině" (the 23rd hour: 23:00)
        "clock_words": ["hodin", "hod.", "hodiny", "hodině"],
        "percent_words": ['procent', 'procenta', 'procentní body'],
        # "jeden a půl milionu" (1.5), "dva a půl miliardy" (2.5); num2words writes no fractions (SOURCES.md)
        "words": {"jeden a půl": 1.5, "polovina": 0.5, "poloviční": 0.5, "dvě": 2},
        # the nouns of round numbers ("dvě stovky" = 200, "tisícovka lidí" = 1,000 people), which CLDR's compact
        # patterns and num2words do not write (see tqcheck/data/SOURCES.md)
        "scales": {"stovka": 100, "stovky": 100, "stovek": 100, "stovku": 100, "tisícovka": 1000,
                   "tisícovky": 1000, "tisícovek": 1000, "tisícovku": 1000},
        "half_infix": ["a půl"],
        "approx": ["asi", "přibližně", "zhruba", "téměř", "skoro", "kolem", "okolo", "více než", "přes", "méně než",
                   "až", "nejméně", "minimálně", "cca", "desítky", "stovky", "tisíce"],
    },

    # --- units: unit words (tqcheck.units) -------------------------------------------------------------------
    "units": {
        "words": { "hektarů": "hectare", "metrech": "meter", "kilometrech": "kilometer","míle": "mile", "mil": "mile", "mílí": "mile", "stop": "foot", "stopy": "foot", "palců": "inch",
                  "palce": "inch", "liber": "pound", "metrů": "meter", "metry": "meter", "kilometrů": "kilometer",
                  "kilometry": "kilometer", "čtverečních kilometrů": "kilometer**2", "čtverečních mil": "mile**2",
                  "stupňů celsia": "degC", "stupňů fahrenheita": "degF", "stupňů": "degree_temperature",
                  "kilogramů": "kilogram", "kil": "kilogram", "litrů": "liter", "tun": "metric_ton"},
    },

    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {
        # words that cannot end a sentence (TQ504); cited in tqcheck/data/SOURCES.md
        "dangling": "a nebo ale v ve na s z ze k ke do od pro při o u bez mezi že aby".split(),
        # function words whose immediate repetition is a stutter, not grammar (TQ701)
        "function_words": "je jsou byl byla bylo byli se si".split(),
    },
}
