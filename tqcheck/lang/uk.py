"""Ukrainian: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {

    # --- segment: sentence splitting (tqcheck.segment) -----------------------------------------------------
    "segment": {},


    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {},


    # --- units: unit words (tqcheck.units) -------------------------------------------------------------------
    "units": {},


    # --- names: title words, name particles (tqcheck.names) --------------------------------------------------
    "names": {
        # Local abbreviations CLDR does not give (its names yield ООН, ЄС by their initials); see
        # tqcheck/data/SOURCES.md.
        "abbreviations": {"США": "US", "ВООЗ": "WHO", "МВФ": "IMF", "ФРН": "Germany"},
    },


    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {},
}
