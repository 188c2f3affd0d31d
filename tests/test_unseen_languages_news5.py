"""A fifth invented English news article (a parliament's budget: a percentage rise to an amount in a scale word with
its conversion in brackets, a count of seats, a quotation, a death toll, a loan, an inflation rate between two months)
and its correct translations into languages that no dev data has and no earlier article tried: Polish ("246 mld
hrywien", "14 tys. osób", ONZ), Dutch (a headline that langdetect reads as Afrikaans), Italian, Swedish (a
quotation opened with a dash, "15 procent") and Greek (its own script with capitals, "δισεκατομμύρια", the press's
initials ΟΗΕ for the United Nations: the el profile). The whole pipeline runs with the bundled encoder in both
directions: a correct translation has no finding at major or worse; a changed figure is critical; a person's name
replaced by another one is TQ101 at major or worse."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_unseen_languages_news import _assert_changed_is_critical, _assert_clean, _both_ways, _check

from tqcheck.model import Severity

EN = [
    "Ukraine's parliament approves new budget",
    "KYIV, March 12 (Reuters) - Ukraine's parliament on Thursday approved a budget for 2021 that raises defence spending by 15% to 246 billion hryvnias ($8.8 billion), Finance Minister Serhiy Marchenko said.",
    'The budget was supported by 278 lawmakers in the 450-seat Verkhovna Rada.',
    '"This is a budget of recovery and development," Marchenko told reporters after the vote.',
    'President Volodymyr Zelenskiy, who came to power in 2019, has promised to fight corruption and end the war in the east of the country.',
    'More than 14,000 people have been killed in the conflict in Donbas since April 2014, according to the United Nations.',
    'The International Monetary Fund approved a $5 billion loan for Ukraine in June, but disbursements have been delayed.',
    'Inflation slowed to 2.6% in November from 2.7% a month earlier, the state statistics service said on Monday.',
]

PL = [
    'Parlament Ukrainy przyjął nowy budżet',
    'KIJÓW, 12 marca (Reuters) - Parlament Ukrainy przyjął w czwartek budżet na 2021 rok, który zwiększa wydatki na obronę o 15% do 246 mld hrywien (8,8 mld dolarów) – poinformował minister finansów Serhij Marczenko.',
    'Budżet poparło 278 deputowanych w liczącej 450 miejsc Radzie Najwyższej.',
    '„To budżet odbudowy i rozwoju” – powiedział Marczenko dziennikarzom po głosowaniu.',
    'Prezydent Wołodymyr Zełenski, który doszedł do władzy w 2019 roku, obiecał walczyć z korupcją i zakończyć wojnę na wschodzie kraju.',
    'Według ONZ w konflikcie w Donbasie od kwietnia 2014 roku zginęło ponad 14 tys. osób.',
    'Międzynarodowy Fundusz Walutowy zatwierdził w czerwcu pożyczkę w wysokości 5 mld dolarów dla Ukrainy, ale wypłaty są opóźnione.',
    'Inflacja spadła w listopadzie do 2,6% z 2,7% miesiąc wcześniej – poinformował w poniedziałek państwowy urząd statystyczny.',
]

NL = [
    'Oekraïens parlement keurt nieuwe begroting goed',
    'KIEV, 12 maart (Reuters) - Het Oekraïense parlement heeft donderdag een begroting voor 2021 goedgekeurd die de defensie-uitgaven met 15% verhoogt tot 246 miljard hryvnia (8,8 miljard dollar), zei minister van Financiën Serhij Martsjenko.',
    'De begroting werd gesteund door 278 parlementsleden in de Verchovna Rada, die 450 zetels telt.',
    '"Dit is een begroting van herstel en ontwikkeling", zei Martsjenko na de stemming tegen verslaggevers.',
    'President Volodymyr Zelensky, die in 2019 aan de macht kwam, heeft beloofd de corruptie te bestrijden en de oorlog in het oosten van het land te beëindigen.',
    'Volgens de Verenigde Naties zijn sinds april 2014 meer dan 14.000 mensen omgekomen bij het conflict in de Donbas.',
    'Het Internationaal Monetair Fonds keurde in juni een lening van 5 miljard dollar voor Oekraïne goed, maar de uitbetalingen zijn vertraagd.',
    'De inflatie daalde in november tot 2,6%, van 2,7% een maand eerder, meldde het nationale bureau voor de statistiek maandag.',
]

IT = [
    'Il parlamento ucraino approva il nuovo bilancio',
    'KIEV, 12 marzo (Reuters) - Giovedì il parlamento ucraino ha approvato un bilancio per il 2021 che aumenta la spesa per la difesa del 15% a 246 miliardi di grivne (8,8 miliardi di dollari), ha dichiarato il ministro delle Finanze Serhiy Marchenko.',
    'Il bilancio è stato sostenuto da 278 deputati della Verkhovna Rada, che conta 450 seggi.',
    '"Questo è un bilancio di ripresa e di sviluppo", ha detto Marchenko ai giornalisti dopo il voto.',
    "Il presidente Volodymyr Zelensky, salito al potere nel 2019, ha promesso di combattere la corruzione e di porre fine alla guerra nell'est del Paese.",
    "Secondo le Nazioni Unite, dall'aprile 2014 più di 14.000 persone sono state uccise nel conflitto nel Donbass.",
    "A giugno il Fondo monetario internazionale ha approvato un prestito di 5 miliardi di dollari all'Ucraina, ma le erogazioni sono state rinviate.",
    "A novembre l'inflazione è scesa al 2,6% dal 2,7% del mese precedente, ha reso noto lunedì il servizio statistico nazionale.",
]

SV = [
    'Ukrainas parlament godkänner ny budget',
    'KIEV, 12 mars (Reuters) - Ukrainas parlament godkände på torsdagen en budget för 2021 som höjer försvarsutgifterna med 15 procent till 246 miljarder hryvnia (8,8 miljarder dollar), sade finansminister Serhij Martjenko.',
    'Budgeten fick stöd av 278 ledamöter i Verchovna Rada, som har 450 platser.',
    '– Det här är en budget för återhämtning och utveckling, sade Martjenko till reportrar efter omröstningen.',
    'President Volodymyr Zelenskyj, som kom till makten 2019, har lovat att bekämpa korruptionen och avsluta kriget i landets östra del.',
    'Mer än 14 000 människor har dödats i konflikten i Donbas sedan april 2014, enligt FN.',
    'Internationella valutafonden godkände i juni ett lån på 5 miljarder dollar till Ukraina, men utbetalningarna har försenats.',
    'Inflationen sjönk till 2,6 procent i november från 2,7 procent månaden innan, uppgav den statliga statistikmyndigheten på måndagen.',
]

EL = [
    'Το ουκρανικό κοινοβούλιο εγκρίνει νέο προϋπολογισμό',
    'ΚΙΕΒΟ, 12 Μαρτίου (Reuters) - Το ουκρανικό κοινοβούλιο ενέκρινε την Πέμπτη προϋπολογισμό για το 2021 που αυξάνει τις αμυντικές δαπάνες κατά 15% στα 246 δισεκατομμύρια γρίβνες (8,8 δισεκατομμύρια δολάρια), δήλωσε ο υπουργός Οικονομικών Σεργκίι Μαρτσένκο.',
    'Τον προϋπολογισμό υποστήριξαν 278 βουλευτές της Βερχόβνα Ράντα, η οποία έχει 450 έδρες.',
    '«Αυτός είναι ένας προϋπολογισμός ανάκαμψης και ανάπτυξης», είπε ο Μαρτσένκο στους δημοσιογράφους μετά την ψηφοφορία.',
    'Ο πρόεδρος Βολοντίμιρ Ζελένσκι, που ανήλθε στην εξουσία το 2019, έχει υποσχεθεί να καταπολεμήσει τη διαφθορά και να τερματίσει τον πόλεμο στα ανατολικά της χώρας.',
    'Περισσότεροι από 14.000 άνθρωποι έχουν σκοτωθεί στη σύγκρουση στο Ντονμπάς από τον Απρίλιο του 2014, σύμφωνα με τον ΟΗΕ.',
    'Το Διεθνές Νομισματικό Ταμείο ενέκρινε τον Ιούνιο δάνειο 5 δισεκατομμυρίων δολαρίων για την Ουκρανία, όμως οι εκταμιεύσεις έχουν καθυστερήσει.',
    'Ο πληθωρισμός επιβραδύνθηκε στο 2,6% τον Νοέμβριο από 2,7% τον προηγούμενο μήνα, ανακοίνωσε τη Δευτέρα η κρατική στατιστική υπηρεσία.',
]

PAIRS = {"pl": PL, "nl": NL, "it": IT, "sv": SV, "el": EL}


@pytest.mark.parametrize("lang,into_english", _both_ways(PAIRS))
def test_a_correct_translation_has_no_major_finding(tmp_path: Path, lang: str, into_english: bool) -> None:
    _assert_clean(tmp_path, EN, PAIRS[lang], lang, into_english)


@pytest.mark.parametrize(("lang", "old", "new"), [
    ("pl", "278 deputowanych", "287 deputowanych"), ("nl", "14.000 mensen", "41.000 mensen"),
    ("it", "278 deputati", "287 deputati"), ("sv", "2,6 procent", "3,6 procent"), ("el", "450 έδρες", "540 έδρες"),
])
def test_a_changed_figure_is_critical(tmp_path: Path, lang: str, old: str, new: str) -> None:
    _assert_changed_is_critical(tmp_path, EN, PAIRS[lang], lang, old, new)


def test_a_hedge_word_does_not_excuse_a_changed_precise_figure(tmp_path: Path) -> None:
    # Polish "do" is "to" after a rise and "up to" before a bound: the parser reads "do 264 mld" as hedged, but a
    # hedge covers a round figure's imprecision, not 264 for the source's 246 (three significant digits)
    tgt = [s.replace("246 mld", "264 mld") for s in PL]
    rep = _check(tmp_path, "en", "\n\n".join(EN), "pl", "\n\n".join(tgt))
    assert [f for f in rep.findings if f.code == "TQ201" and f.severity.rank >= Severity.MAJOR.rank]


@pytest.mark.parametrize(("lang", "old", "new", "least"), [
    # a person's name replaced wherever it stands (both mentions), after a first name spelt the translation's way
    # (Serhij, Serhiy's Polish and Dutch spelling): the first name kept, the surname swapped, TQ101 major
    ("pl", "Marczenko", "Kowalczyk", Severity.MAJOR), ("nl", "Martsjenko", "Jansen", Severity.MAJOR),
    ("it", "Marchenko", "Bianchi", Severity.MAJOR), ("sv", "Martjenko", "Lindqvist", Severity.MAJOR),
    # in Greek the first name is matched by sound only, and a lone Greek surname may render a source word: the
    # swap is found, minor (a known limit)
    ("el", "Μαρτσένκο", "Παπαδόπουλος", Severity.MINOR),
])
def test_a_swapped_name_is_caught(tmp_path: Path, lang: str, old: str, new: str, least: Severity) -> None:
    tgt = [s.replace(old, new) for s in PAIRS[lang]]
    assert tgt != PAIRS[lang]
    rep = _check(tmp_path, "en", "\n\n".join(EN), lang, "\n\n".join(tgt))
    assert any(f.code == "TQ101" and f.text in new and f.severity.rank >= least.rank for f in rep.findings)
