"""Chinese: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {

    # --- segment: sentence splitting (tqcheck.segment) -----------------------------------------------------
    "segment": {},


    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {},


    # --- units: unit words (tqcheck.units) -------------------------------------------------------------------
    "units": {},


    # --- names: title words, name particles (tqcheck.names) --------------------------------------------------
    "names": {
        # Words written right before or after a person's name (see tqcheck/data/SOURCES.md).
        "titles": ["先生", "女士", "总统", "总理", "首相", "主席", "部长", "外长", "国务卿", "议员", "州长", "市长",
                   "教授", "博士", "发言人", "表示", "说"],
        # Frequent function, time and verb characters that transliterated foreign names never use (they are
        # absent from the Xinhua transliteration tables): a middle-dot name ends before one (特朗普|周三表示).
        "not_in_names": "的了在是和与及或也都就将已对向于从把被说表称日月年周今昨明时等为不上下中后前",
    },


    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {},
}
