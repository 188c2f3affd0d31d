"""Chinese: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {

    # --- segment: sentence splitting (tqcheck.segment) -----------------------------------------------------
    "segment": {},


    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {},


    # --- units: unit words (tqcheck.units) -------------------------------------------------------------------
    "units": {},


    # --- names: title words, name particles (tqcheck.names) --------------------------------------------------
    "names": {},


    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {
        # words that cannot end a sentence (TQ504); cited in tqcheck/data/SOURCES.md
        "dangling": "以及 并且 而且 但是 因为 如果 关于 对于 和其 及其".split(),
        # function words whose immediate repetition is a stutter, not grammar (TQ701)
        "function_words": "的 和 在 与 及 或 把 被".split(),
    },
}
