"""Hebrew: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # the one-letter words Hebrew writes onto the next word, with a hyphen or maqaf before a figure ("ב-12",
        # "כ-2.5 מיליארד", "בינואר"); CLDR's long date pattern gives only its own "ב" (see tqcheck/data/SOURCES.md)
        "clitics": ["ו", "ה", "ב", "כ", "ל", "מ", "ש"],
        # the plural of CLDR's percent unit name, which CLDR writes in the singular only ("4.4 אחוזים")
        "percent_words": ["אחוזים", "אחוז"],
        "approx": ["כ", "כמעט", "יותר מ", "פחות מ", "לפחות", "עד"],
    },

    # --- names: local abbreviations (tqcheck.names.lexicon) --------------------------------------------------
    "names": {
        # acronyms written with the gershayim, which CLDR's names do not yield (its initials would have no
        # gershayim, and האו"ם is not the initials of האומות המאוחדות); with and without the article ה, which a
        # preposition swallows ("באו"ם", at the UN); see tqcheck/data/SOURCES.md
        "abbreviations": {'האו"ם': ["UN", "United Nations"], 'או"ם': ["UN", "United Nations"],
                          'ארה"ב': ["US", "USA", "United States"], 'נאט"ו': "NATO",
                          'בריה"מ': ["USSR", "Soviet Union"], 'צה"ל': ["IDF", "Israel Defense Forces"]},
    },
}
