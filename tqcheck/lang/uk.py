"""Ukrainian: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- segment: sentence splitting (tqcheck.segment) -----------------------------------------------------
    "segment": {
        # the page abbreviations ("на с. 109", "стор. 12"), after which a full stop does not end the sentence;
        # see tqcheck/data/SOURCES.md
        "abbreviations": ["с", "стор"],
    },

    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        "hour_marks": ["годин", "години", "година"],
        "minute_marks": ["хвилин", "хвилини"],
        "percent_words": ['відсотків', 'відсотка', 'відсоток', 'відсоткових пункти', 'відсоткового пункту',
                          'відсоткових пунктів', 'в.п.', 'процентного пункту', 'процентних пункти',
                          'процентних пунктів', 'процентний пункт'],
        # "півтора мільйона" (1.5), "два з половиною мільйони" (2.5); num2words writes no fractions (SOURCES.md)
        # ... and the feminine "дві" (two), which num2words does not write for Ukrainian (it takes no gender there)
        "words": {"півтора": 1.5, "півтори": 1.5, "дві": 2},
        "half_infix": ["з половиною", "із половиною"],
        "approx": ["близько", "приблизно", "майже", "понад", "більше", "менше", "до", "щонайменше", "десятки",
                   "сотні", "тисячі"],
    },

    # --- units: unit words (tqcheck.units) -------------------------------------------------------------------
    "units": {
        "words": { "гектарів": "hectare","миль": "mile", "милі": "mile", "футів": "foot", "дюймів": "inch", "фунтів": "pound",
                  "метрів": "meter", "м": "meter", "км": "kilometer", "кілометрів": "kilometer", "кг": "kilogram",
                  "градусів": "degree_temperature", "градусів цельсія": "degC", "градусів за цельсієм": "degC", "літрів": "liter", "тонн": "metric_ton",
                  "см": "centimeter", "га": "hectare"},
    },

    # --- names: title words, name particles (tqcheck.names) --------------------------------------------------
    "names": {
        # Local abbreviations CLDR does not give (its names yield ООН, ЄС by their initials); see
        # tqcheck/data/SOURCES.md.
        "abbreviations": {"США": "US", "ВООЗ": "WHO", "МВФ": "IMF", "ФРН": "Germany"},
    },

    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {
        # words that cannot end a sentence (TQ504); cited in tqcheck/data/SOURCES.md
        "dangling": "і й та або в у на з із зі до від для по при без через між щоб".split(),
        # compound conjunctions and prepositions of several words (matched at the end as a phrase)
        "dangling_phrases": ["незважаючи на те", "після того", "для того", "в тому числі", "у тому числі"],
        # function words whose immediate repetition is a stutter, not grammar (TQ701)
        "function_words": "не як що це був була були є".split(),
    },
}
