"""Icelandic: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- segment: sentence splitting (tqcheck.segment) -----------------------------------------------------
    "segment": {
        # abbreviations after which a full stop does not end the sentence ("kl. 15", "t.d.", "m.a."); see
        # tqcheck/data/SOURCES.md
        "abbreviations": ["kl", "t.d", "m.a", "o.fl", "o.s.frv", "þ.e", "u.þ.b", "nr", "skv", "sbr", "a.m.k",
                          "m.a.s", "o.þ.h", "e.t.v", "þ.m.t", "s.s", "frv"],
    },

    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # the case and gender forms of one to four, which num2words writes in one form only ("fjórir"); see
        # tqcheck/data/SOURCES.md
        "words": {"einn": 1, "ein": 1, "eitt": 1, "eina": 1, "einu": 1, "einum": 1, "einni": 1, "eins": 1,
                  "einnar": 1, "tveir": 2, "tvo": 2, "tvær": 2, "tvö": 2, "tveimur": 2, "tveim": 2, "tveggja": 2,
                  "þrír": 3, "þrjá": 3, "þrjár": 3, "þrjú": 3, "þremur": 3, "þrem": 3, "þriggja": 3,
                  "fjórir": 4, "fjóra": 4, "fjórar": 4, "fjögur": 4, "fjórum": 4, "fjögurra": 4},
        # words before an hour that make it a time of day ("kl. 15", "klukkan 20")
        "clock_before": ["kl.", "klukkan"],
        # the ordinals one to ten (masculine nominative; other case forms are read through their stems), which
        # num2words does not write for Icelandic: "sjöundi áratugurinn", the seventh decade, is the 1960s
        "ordinals": {"fyrsti": 1, "annar": 2, "þriðji": 3, "fjórði": 4, "fimmti": 5, "sjötti": 6, "sjöundi": 7,
                     "áttundi": 8, "níundi": 9, "tíundi": 10},
    },

    # --- fluency: repeat exceptions (tqcheck.checks.fluency) ------------------------------------------------
    "fluency": {
        # no word's immediate doubling is grammar (none in the WMT21 news references; see tqcheck/data/SOURCES.md),
        # so a frequent short word doubled ("að að") is a stutter too (TQ701)
        "doubles": [],
    },
}
