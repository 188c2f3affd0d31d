"""Greek: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- names: local abbreviations (tqcheck.names.lexicon) --------------------------------------------------
    "names": {
        # the Greek initials of organisations and countries that the press writes instead of the English ones
        # (CLDR's names do not yield them: ΗΠΑ is the initials of Ηνωμένες Πολιτείες Αμερικής, which CLDR calls
        # Ηνωμένες Πολιτείες); see tqcheck/data/SOURCES.md
        "abbreviations": {"ΟΗΕ": ["UN", "United Nations"], "ΗΠΑ": ["US", "USA", "United States"],
                          "ΕΕ": ["EU", "European Union"], "ΝΑΤΟ": "NATO", "ΔΝΤ": ["IMF", "International Monetary Fund"],
                          "ΠΟΥ": ["WHO", "World Health Organization"], "ΕΚΤ": ["ECB", "European Central Bank"]},
    },
}
