"""English: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {

    # --- segment: sentence splitting (tqcheck.segment) -----------------------------------------------------
    "segment": {
        # a full stop inside a short quotation never ends the sentence (the splitter's tuned behaviour here)
        "quotes_hold": True,
    },


    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {},


    # --- units: unit words (tqcheck.units) -------------------------------------------------------------------
    "units": {},


    # --- names: title words, name particles (tqcheck.names) --------------------------------------------------
    "names": {},


    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {
        # words that cannot end a sentence (TQ504); cited in tqcheck/data/SOURCES.md
        "dangling": "and or nor of the a an than whose including between among towards into onto".split(),
        # function words whose immediate repetition is a stutter, not grammar (TQ701)
        "function_words": "to in on at for from with by is are was were be it".split(),
    },
}
