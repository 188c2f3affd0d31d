"""Russian: what CLDR (through Babel) and the libraries do not already give. See docs/languages.md."""
PROFILE = {
    # --- segment: sentence splitting (tqcheck.segment) -----------------------------------------------------
    "segment": {
        # the page abbreviations ("на с. 109", "стр. 12"), after which a full stop does not end the sentence;
        # see tqcheck/data/SOURCES.md
        "abbreviations": ["с", "стр"],
    },

    # --- numbers: number words, scale words, dates, times (tqcheck.numparse) -------------------------------
    "numbers": {
        "clock_words": ["ч."],
        "hour_marks": ["часов", "часа", "час"],
        "minute_marks": ["минут", "минуты", "минута"],
        "percent_words": ['процентов', 'процента', 'процент', 'процентных пункта', 'процентного пункта',
                          'процентных пунктов', 'п.п.'],
        # "полтора миллиона" (1.5), "два с половиной миллиона" (2.5); num2words writes no fractions (SOURCES.md)
        "words": {"полтора": 1.5, "полторы": 1.5},
        "half_infix": ["с половиной"],
        "approx": ["около", "примерно", "приблизительно", "почти", "более", "свыше", "больше", "менее", "меньше",
                   "порядка", "до", "не менее", "не более", "чуть более", "около", "десятки", "сотни", "тысячи"],
    },

    # --- units: unit words (tqcheck.units) -------------------------------------------------------------------
    "units": {
        "words": { "гектаров": "hectare", "гектара": "hectare","миль": "mile", "мили": "mile", "миля": "mile", "футов": "foot", "фута": "foot", "фут": "foot",
                  "дюймов": "inch", "дюйма": "inch", "фунтов": "pound", "фунта": "pound", "метров": "meter",
                  "метра": "meter", "м": "meter", "км": "kilometer", "километров": "kilometer", "километра": "kilometer",
                  "кв. км": "kilometer**2", "квадратных километров": "kilometer**2", "квадратных миль": "mile**2",
                  "градусов цельсия": "degC", "градусов по цельсию": "degC", "градусов по фаренгейту": "degF",
                  "градусов": "degree_temperature", "градуса": "degree_temperature", "кг": "kilogram",
                  "килограммов": "kilogram", "литров": "liter", "л": "liter", "тонн": "metric_ton", "т": "metric_ton",
                  "см": "centimeter", "мм": "millimeter", "га": "hectare"},
    },

    # --- names: title words, name particles (tqcheck.names) --------------------------------------------------
    "names": {
        # Local abbreviations CLDR does not give (its names yield ООН, ЕС, ОАЭ by their initials); see
        # tqcheck/data/SOURCES.md.
        "abbreviations": {"США": "US", "ВОЗ": "WHO", "МВФ": "IMF", "ФРГ": "Germany"},
    },

    # --- fluency: function words, repeat exceptions (tqcheck.checks.fluency) -------------------------------
    "fluency": {
        # words that cannot end a sentence (TQ504); cited in tqcheck/data/SOURCES.md
        "dangling": "и или в во на с со к ко по из от до для о об при без через между чтобы".split(),
        # compound conjunctions and prepositions of several words (matched at the end as a phrase)
        "dangling_phrases": ["несмотря на то", "после того", "для того", "в том числе", "ввиду того", "по мере того", "с тех пор как"],
        # function words whose immediate repetition is a stutter, not grammar (TQ701)
        "function_words": "не как что это был была были есть".split(),
        # no word's immediate doubling is grammar (none in the WMT21 news references; see tqcheck/data/SOURCES.md),
        # so a frequent short word doubled is a stutter too (TQ701)
        "doubles": [],
    },
}
