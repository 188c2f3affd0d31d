"""Vietnamese: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
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
        "dangling": "và của với các những rằng để nhằm hoặc mọi".split(),
        # function words whose immediate repetition is a stutter, not grammar (TQ701)
        "function_words": "trong trên dưới cho đến tới tại về theo là đã sẽ đang được bị cũng rất".split(),
    },
}
