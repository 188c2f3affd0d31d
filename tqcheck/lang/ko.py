"""Korean: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        # fractions: "4분의 1" is a quarter (denominator first); num2words and CLDR write none (see
        # tqcheck/data/SOURCES.md)
        "fraction_frames": ["{den}분의 {num}"],
    },

    # --- names: title words, name particles (tqcheck.names) --------------------------------------------------
    "names": {
        # Hangul has no capitals: a run of Hangul words right before one of these titles is a person's name
        # ("보리스 존슨 총리", "김민수 씨"); see tqcheck/data/SOURCES.md
        "titles": ["씨", "님", "여사", "대통령", "총리", "수상", "장관", "국무장관", "외무장관", "의원", "위원장", "대표",
                   "대변인", "회장", "사장", "교수", "박사", "감독", "선수", "시장", "지사", "주지사", "국왕", "여왕",
                   "왕자", "공주", "총장", "기자", "판사", "검사"],
        # case and topic particles written onto the end of a word (the name before them is the word without
        # them: "존슨은", "트럼프의"), longest first when stripped; see tqcheck/data/SOURCES.md
        "particles": ["에게서", "에서는", "으로는", "께서는", "이라고", "에게", "께서", "에서", "으로", "까지", "부터",
                      "처럼", "보다", "라고", "와의", "과의", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과",
                      "도", "로", "만", "께"],
        # ... of which these follow only a syllable that ends in a consonant, and these only one that ends in a
        # vowel ("존슨은" but "라호이": 이 after a vowel is part of the name); see tqcheck/data/SOURCES.md
        "after_consonant": ["이라고", "으로는", "과의", "으로", "은", "이", "을", "과"],
        "after_vowel": ["라고", "와의", "는", "가", "를", "와"],
    },
}
