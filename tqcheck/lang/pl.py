"""Polish: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        "clock_words": ["godz."],
        # "o godz. 15", "o godzinie 15": the word before the hour
        "clock_before": ["godz.", "godzinie"],
        "percent_words": ["procent", "procenta", "procentów", "proc.", "punkt procentowy", "punkty procentowe",
                          "punktów procentowych", "punktu procentowego", "pkt proc."],
        # "półtora miliona" (1.5), "dwa i pół miliona" (2.5); num2words writes no fractions (SOURCES.md)
        "words": {"półtora": 1.5, "półtorej": 1.5},
        "half_infix": ["i pół"],
        "approx": ["około", "ok.", "prawie", "niemal", "ponad", "przeszło", "blisko", "mniej niż", "więcej niż",
                   "do", "co najmniej", "dziesiątki", "setki", "tysiące"],
    },

    # --- units: unit words (tqcheck.units) -------------------------------------------------------------------
    "units": {
        "words": {"mil": "mile", "mile": "mile", "mili": "mile", "stóp": "foot", "stopy": "foot", "cali": "inch",
                  "funtów": "pound", "metrów": "meter", "kilometrów": "kilometer", "kilometry": "kilometer",
                  "kilometrów kwadratowych": "kilometer**2", "stopni celsjusza": "degC",
                  "stopni fahrenheita": "degF", "stopni": "degree_temperature", "kilogramów": "kilogram",
                  "litrów": "liter", "ton": "metric_ton", "hektarów": "hectare"},
    },
}
