"""isiXhosa: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
# the possessive concords and the noun-class, locative, copulative and concord prefixes are isiZulu's
# (tqcheck/lang/zu.py): isiXhosa writes the same ones onto the next word, with a hyphen before a figure or an
# acronym ("abangama-200", "i-R450", "i-ANC") and directly onto a capitalised name or month ("ngoMatshi",
# "eRhawutini"); see tqcheck/data/SOURCES.md
from .zu import POSSESSIVES, PREFIXES

PROFILE = {
    # --- segment: sentence splitting (tqcheck.segment) ------------------------------------------------------
    "segment": {
        # titles written with a full stop before a name, with a prefix ("UMnu. Dlamini"); see
        # tqcheck/data/SOURCES.md
        "abbreviations": ["Mnu", "Nksk", "Nksz", "Gqr", "Njing", "Mfu"],
    },

    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # the prefixes above: read apart from a figure, a month or a scale word they are written onto
        "clitics": PREFIXES,
        # the scale words, which CLDR's xh locale does not write (its compact patterns are "0M", "0G"), in their
        # singular, plural and linked forms: "izigidi ezi-3" (3 million), "R450 yezigidi" (R450 million),
        # "iibhiliyoni" (billions); see tqcheck/data/SOURCES.md
        "scales": {"isigidi": 1e6, "izigidi": 1e6, "yezigidi": 1e6, "zezigidi": 1e6, "nezigidi": 1e6,
                   "ezizigidi": 1e6, "ibhiliyoni": 1e9, "iibhiliyoni": 1e9, "yeebhiliyoni": 1e9,
                   "zeebhiliyoni": 1e9, "iwaka": 1e3, "amawaka": 1e3},
        # a percentage as the word "percent" before the figure and its concord ("amaphesenti angu-40" /
        # "iipesenti ezingama-40", 40 percent); CLDR's percent unit writes only the sign. See tqcheck/data/SOURCES.md
        "percent_frames": ["iipesenti {}", "ipesenti {}"],
        # the traditional month names news writes as often as CLDR's borrowed ones, without their prefixes
        # ("we-14 kweyoKwindla", the 14th of March); read after a day's number only (not as a bare
        # month). See tqcheck/data/SOURCES.md
        "months": {"mqungu": 1, "mdumba": 2, "kwindla": 3, "tshazimpuzi": 4, "canzibe": 5, "silimela": 6,
                   "khala": 7, "thupha": 8, "msintsi": 9, "dwarha": 10, "nkanga": 11, "mnga": 12},
        # news writes the scale word before the figure as often as after it ("izigidi ezi-3")
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
