"""isiZulu: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
# the possessive concords ("of": wa-, we-, zo-, lwe- ...), which also join the nouns of a name in title case
# ("iZakhiwo zoManyano"); not "ka-", which news writes before a person's name ("uhulumeni kaRamaphosa")
POSSESSIVES = ["wa", "we", "wo", "ya", "ye", "yo", "za", "ze", "zo", "la", "le", "lo", "ba", "be", "bo", "sa", "se", "so",
               "lwa", "lwe", "lwo", "kwa", "kwe", "kwo"]
# the noun-class, locative, copulative and concord prefixes news writes onto the next word, the possessives
# included: with a hyphen before a figure or an acronym ("ngo-2023", "abangu-200", "u-R450", "i-ANC"), directly
# onto a capitalised name or month ("ngoMashi", "eThekwini"). Stacks of up to four are read ("abangu-" = a+ba+ngu,
# "ezingama-" = e+zi+nga+ma); see tqcheck/data/SOURCES.md
PREFIXES = sorted({"a", "e", "i", "o", "u", "ka", "ko", "ku", "kwi", "li", "ma", "na", "nga", "nge", "ngo", "ngu", "ne", "no", "si",
                   "yi", "zi", *POSSESSIVES})

PROFILE = {
    # --- segment: sentence splitting (tqcheck.segment) ------------------------------------------------------
    "segment": {
        # titles written with a full stop before a name, with a prefix ("UMnu. Dlamini"); see
        # tqcheck/data/SOURCES.md
        "abbreviations": ["Mnu", "Nkk", "Nksz", "Dkt", "Solw", "Mfu"],
    },

    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # the prefixes above: read apart from a figure, a month or a scale word they are written onto
        "clitics": PREFIXES,
        # the plural and linked forms of CLDR's scale words (CLDR gives the singular "isigidi", "isigidi
        # sezigidi"): "izigidi ezingu-3" (3 million), "R450 wezigidi" (R450 million); see tqcheck/data/SOURCES.md
        "scales": {"izigidi": 1e6, "wezigidi": 1e6, "yezigidi": 1e6, "yizigidi": 1e6, "zezigidi": 1e6,
                   "nezigidi": 1e6, "isigidigidi": 1e9, "izigidigidi": 1e9, "wezigidigidi": 1e9,
                   "yizigidigidi": 1e9, "zezigidigidi": 1e9, "izinkulungwane": 1e3, "yizinkulungwane": 1e3},
        # a percentage as the word "percent" before the figure and its concord ("amaphesenti angu-40" /
        # "iipesenti ezingama-40", 40 percent); CLDR's percent unit writes only the sign. See tqcheck/data/SOURCES.md
        "percent_frames": ["amaphesenti {}", "iphesenti {}"],
        # the traditional month names news writes as often as CLDR's borrowed ones, without their prefixes
        # ("zi-14 kuNdasa", the 14th of March; "ngoLwezi", in November); read after a day's number only (not as a bare
        # month). See tqcheck/data/SOURCES.md
        "months": {"masingana": 1, "nhlolanja": 2, "ndasa": 3, "mbasa": 4, "nhlaba": 5, "nhlangulana": 6,
                   "ntulikazi": 7, "ncwaba": 8, "mandulo": 9, "mfumfu": 10, "lwezi": 11, "zibandlela": 12},
        # news writes the scale word before the figure as often as after it ("izigidi ezingu-3")
        "scale_first": True,
    },

    # --- names: name spans (tqcheck.names.spans) ---------------------------------------------------------------
    "names": {
        # the prefixes above are not part of the name they are written onto ("uSipho", "kaRamaphosa", "i-ANC")
        "prefixes": PREFIXES,
        # the possessive concords ("of") among them join the nouns of an institution's name in title case
        # ("iZakhiwo zoManyano", "iBhanki yeHlabathi"): such a name is rendered, not kept
        "possessives": POSSESSIVES,
    },
}
