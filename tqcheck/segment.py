"""Rule-based sentence segmentation with offsets into the decoded text.

Blank-line separated blocks are paragraphs (a line of only punctuation, such as ``-----``, also
separates them); every line break ends a segment, so headings and captions stay on their own.
Inside a line, a sentence ends at ``. ! ? …`` (plus closing quotes and brackets) followed by
space and something that can start a sentence, or at ``。！？`` with or without space. It does
not end after abbreviations and initials ("Nov. 24", "PGS.TS.", "J. R. R. Tolkien"), inside
tokens ("US$2.2", "TP.HCM", URLs, e-mail addresses), at ordinals in languages that write
"3. Oktober", or inside short quotations and parentheses. A news dateline glued to the end of a
caption ("... (Source: X) Hanoi 25/11 - ...", "HANOI, March 23 (VNA) - ...") starts a new segment.

The whole pass is linear in the length of the text: every decision looks at a bounded window.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator

from . import surface
from .model import Segment
from .textmap import nfc_offsets, raw_span
from .textmemo import persistent

# Abbreviations after which a period does not end a sentence (lower-cased, without the final dot).
_TITLES = {
    "en": {"mr", "mrs", "ms", "mx", "dr", "prof", "st", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
           "gov", "sen", "rep", "pres", "rev", "hon", "fr", "messrs", "mmes", "vs", "e.g", "i.e", "cf", "approx",
           "dept", "mt", "ft", "ave", "blvd", "rd", "ca", "incl", "esp", "viz", "al"},
    "vi": {"tp", "ts", "pgs", "gs", "ths", "th.s", "bs", "bsck", "ks", "cn", "ncs", "tskh", "pgs.ts", "gs.ts",
           "gs.tskh", "pgs.tskh", "ng", "ô", "bà", "ông", "q", "p", "tx", "tt", "nxb", "đc", "đ/c", "lg", "hn"},
    "de": {"z.b", "bzw", "ca", "d.h", "dr", "hr", "fr", "str", "jh", "mio", "mrd", "evtl", "ggf", "vgl", "sog",
           "inkl", "zzgl", "abs", "u.a", "o.ä", "s.o", "s.u", "u.u", "v.a", "z.t", "gem", "geb", "gest", "prof",
           "dipl", "ing", "bspw", "allg", "z", "d", "u", "s", "v", "o"},
    "fr": {"m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "st", "ste", "env", "av", "apr", "p.ex",
           "cf", "etc", "chap", "hab", "min", "max", "réf"},
    "es": {"sr", "sra", "srta", "sres", "dr", "dra", "ud", "uds", "lic", "ing", "arq", "prof", "av", "avda",
           "pág", "núm", "aprox", "ej", "p.ej", "admón", "dña", "dª",
           # plurals written by doubling the initials: "EE. UU.", "FF. AA.", "CC. OO.", "SS. MM."
           "ee", "uu", "ff", "aa", "cc", "oo", "ss", "mm", "pdte", "pdta", "gral", "excmo", "excma", "sto", "sta"},
    "it": {"sig", "sigg", "sig.ra", "sig.na", "dott", "dott.ssa", "prof", "prof.ssa", "avv", "ing", "on", "sen",
           "geom", "arch", "rag", "gen", "mons", "egr", "gent", "pag", "ca", "art", "dr"},
    "pl": {"godz", "ul", "np", "tzw", "ok", "prof", "dr", "mgr", "inż", "ks", "św", "gen", "płk", "ppłk", "hab",
           "al", "pl", "ds", "wg", "woj", "pow", "gm", "m.in", "tj"},
    "cs": {"tzv", "např", "resp", "mj", "tj", "cca", "ing", "mgr", "doc", "prof", "hod", "ul", "nám", "č"},
    "hi": {"डॉ", "प्रो", "सं"},
}
# Abbreviations that only hold the sentence together before a number ("No. 5", "Nov. 24", "p. 12").
_BEFORE_NUMBER = {
    "no", "nos", "nr", "núm", "n", "vol", "vols", "pp", "pg", "ch", "chap", "fig", "figs", "art", "sec", "op",
    "tel", "ext", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ed",
    "tr", "ziff", "abs", "nº", "p", "s",
}
# Abbreviations that may also end a sentence: they end it when a typical sentence opener follows.
_ENDABLE = {"inc", "ltd", "co", "corp", "jr", "bros", "plc", "llc", "etc", "u.s", "u.k", "u.n", "u.s.a", "a.m",
            "p.m", "ph.d", "ad", "bc", "usw", "v.v"}
_OPENERS = {
    "en": {"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "his",
           "her", "its", "their", "our", "in", "on", "at", "but", "and", "or", "so", "yet", "for", "after",
           "before", "when", "while", "however", "meanwhile", "there", "as", "if", "also", "both", "last", "next"},
}
# Openers that may also be a name after an initial ("J. In", "Hồ T. An"): an initial before them is no end.
_NAME_LIKE_OPENERS = {"the", "an", "in", "on", "at", "for", "as", "if", "also", "both", "last", "next", "after",
                      "before", "when", "while", "yet", "or", "a", "i"}
# Languages that write ordinals as "3." ("am 3. Oktober"): a short number before a period is no end.
_ORDINAL_DOT = {"de", "da", "no", "nb", "nn", "fi", "cs", "sk", "pl", "hu", "tr", "sl", "hr", "sr", "bs", "et",
                "lv", "is", "fo"}
ORDINAL_DOT = frozenset(_ORDINAL_DOT)  # read by tqcheck.numparse too

_SPACE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_CJK_END = "。！？｡"


_NOT_ENDS = "\u104a\u2024"  # Sentence_Terminal, but a comma (Myanmar little section) and a leader dot


def _script_terminators() -> str:
    """Unicode's Sentence_Terminal characters of the scripts (``regex``'s ``\\p{Sentence_Terminal}``, in the
    planes where living scripts are written): the danda "।", Arabic "؟" and "۔", Armenian "։", Ethiopic "።",
    Myanmar "။", Khmer "។" ... Compatibility forms of ".", "!" and "?" (NFKC: the full-width "．" of "３．５")
    and the Chinese and Japanese marks (a class of their own, below) are left out, and so are Myanmar "၊" (a
    comma) and the one-dot leader."""
    import regex

    chars = "".join(map(chr, [*range(0x80, 0x3100), *range(0xA000, 0x10000)]))
    return "".join(c for c in regex.findall(r"\p{Sentence_Terminal}", chars)
                   if not unicodedata.normalize("NFKC", c).isascii() and c not in _CJK_END + _NOT_ENDS)


@functools.lru_cache(maxsize=1)
def _term_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A sentence-ending run (one or more terminators, then closing quotes/brackets; French may put a no-break
    space before »), and its first character. The script terminators are kept on disk per ``regex`` version
    (``tqcheck.names.tablecache``): importing ``regex`` and reading the property cost about 40 ms a process."""
    from .names.tablecache import cached_table

    terms = re.escape(cached_table("sentence-terminals-v2", ("regex",), _script_terminators))
    term = re.compile(rf"(?:\.{{2,}}|…+|[.!?‼⁇⁈⁉]+|[。！？｡]+|[{terms}]+)"
                      r"(?:[\u00a0\u202f ]?»|[\"'”’“‘«)\]}›‹」』】〕）〗〙〛])*")
    return term, re.compile(rf"[.!?‼⁇⁈⁉…。！？｡{terms}]")
_SPACES = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]*")
_LINE = re.compile(r"[^\r\n]+")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_HAS_ALNUM = re.compile(r"[^\W_]")
_OPEN_PUNCT = "\"'“‘«„‚([{¿¡-–—•*·›「『【〔（"
_QUOTE_PAIRS = {"“": "”", "„": "“”", "«": "»", "「": "」", "『": "』", "(": ")", "（": "）", '"': '"'}
_QUOTE_OPEN = re.compile("[" + "".join(_QUOTE_PAIRS) + "]")
_MAX_QUOTE = 300  # longer "quotations" are more likely an unbalanced quote mark
_SHORT_QUOTE = 30  # a quotation this short holds its full stops ("„Wir kommen. Bald.“") in every language

_MONTHS = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
_DATE = rf"(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|(?:{_MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS})\.?)"
# The part of a dateline after the place: ", March 23 (VNA) - " / " 25/11 - " / " (TTXVN) - ".
_DATELINE_TAIL = re.compile(
    rf"(?P<date>,?\s+{_DATE}(?:,?\s+\d{{4}})?)?\s*(?P<agency>\([^()\n]{{1,40}}\))?\s*\Z"
)
_DASH = re.compile(r"\s[-–—]\s+")
_LIST_MARKER = re.compile(r"\d{1,3}|[a-z]|[ivxlc]{1,6}|\d{1,3}(?:\.\d{1,3})+")
_NOT_PLACE = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
              "sunday", "the", "on", "in", "at", "from", "to"}


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``, whitespace-trimmed, never empty."""
    return [(s, e) for s, e, _, _ in _raw_spans(text, lang)]


def segment(raw: str, lang: str, detect_lang: Callable[[str], str] | None = None) -> list[Segment]:
    """Segments of a document, each with its NFC text, offsets, line, column, language and paragraph.

    ``start``/``end`` index ``raw``; ``line``/``col`` are 1-based (col counts characters of ``raw``);
    ``paragraph`` numbers blank-line separated blocks from 0. The text is split in its NFC form,
    so NFD input gives the same segments. ``detect_lang`` (optional) gives a segment's language
    from its text; by default every segment has ``lang``.
    """
    segs: list[Segment] = []
    para = -1
    line, line_start, pos = 1, 0, 0
    for s, e, new_para, text in _raw_span_list(raw, lang):
        breaks = raw.count("\n", pos, s)
        if breaks:
            line += breaks
            line_start = raw.rfind("\n", pos, s) + 1
        if new_para:
            para += 1
        seg_lang = detect_lang(text) if detect_lang else lang
        segs.append(Segment(len(segs), text, s, e, line, s - line_start + 1, seg_lang, max(para, 0)))
        pos = s
    return segs


@persistent("segment.raw_spans")  # a whole document's: kept on disk between runs (tqcheck.textmemo)
def _raw_span_list(raw: str, lang: str) -> list[tuple[int, int, bool, str]]:
    return list(_raw_spans(raw, lang))


def _raw_spans(raw: str, lang: str) -> Iterator[tuple[int, int, bool, str]]:
    """``(start, end, starts_paragraph, nfc_text)``: sentences found in the NFC text, offsets in ``raw``."""
    if unicodedata.is_normalized("NFC", raw):
        for s, e, new_para in _spans(raw, lang):
            yield s, e, new_para, raw[s:e]
        return
    nfc, offsets = nfc_offsets(raw)
    for s, e, new_para in _spans(nfc, lang):
        rs, re_ = raw_span(offsets, s, e)
        yield rs, re_, new_para, nfc[s:e]


def _spans(text: str, lang: str) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, starts_paragraph)`` for every sentence of ``text``."""
    rules = _Rules.for_lang(lang)
    new_para = True
    prev_end = 0
    for m in _LINE.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        if s >= e:
            continue
        if not _HAS_ALNUM.search(text, s, e):
            new_para = True  # "-----", "* * *": a separator
            continue
        if not new_para and _blank_line_between(text, prev_end, s):
            new_para = True
        for a, b in _split_line(text, s, e, rules):
            yield a, b, new_para
            new_para = False
        prev_end = e


def _blank_line_between(text: str, a: int, b: int) -> bool:
    return len(_NEWLINE.findall(text, a, b)) >= 2


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch in _SPACE_CHARS


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and _is_space(text[s]):
        s += 1
    while e > s and _is_space(text[e - 1]):
        e -= 1
    return s, e


class _Rules:
    """The language-dependent parts of the splitter: the tables above, and the ``segment`` section of the
    language profile (``abbreviations``: more of them; ``quotes_hold``: a full stop inside a quotation of up to
    300 characters never ends the sentence, the tuned English/Vietnamese behaviour; elsewhere only a quotation
    of up to 30 characters, or one that the sentence goes on right after, holds its sentences together: ``“A。B。”他说``, ``「A。B。」と語った``)."""

    def __init__(self, lang: str) -> None:
        from .lang import profile

        base = (lang or "").lower().replace("_", "-").split("-")[0]
        section = profile(base).section("segment")
        self.titles = _TITLES["en"] | _TITLES.get(base, set()) | {a.lower().rstrip(".")
                                                                  for a in section.get("abbreviations", ())}
        self.openers = _OPENERS.get(base, set())
        self.lang = base
        self.ordinal_dot = base in _ORDINAL_DOT
        self.quotes_hold = bool(section.get("quotes_hold", False))
        # a script whose sentences end with no mark (Thai: the profile's sentence_end is empty) separates them
        # with a space: there a space between two letters of that script ends a segment
        prof = profile(base)
        self.space_ends = "" if prof.sentence_end else prof.script

    @staticmethod
    @functools.lru_cache(maxsize=64)
    def for_lang(lang: str) -> _Rules:
        return _Rules(lang)


def _split_line(text: str, s: int, e: int, rules: _Rules) -> Iterator[tuple[int, int]]:
    cuts = set(_sentence_cuts(text, s, e, rules)) | set(_dateline_cuts(text, s, e))
    if rules.space_ends:
        cuts |= set(_space_cuts(text, s, e, rules.space_ends))
    cuts = sorted(cuts)
    start = s
    for end, nxt in cuts:
        if end <= start or nxt <= start:
            continue
        a, b = _trim(text, start, end)
        if b > a:
            yield a, b
        start = nxt
    a, b = _trim(text, start, e)
    if b > a:
        yield a, b


def _sentence_cuts(text: str, s: int, e: int, rules: _Rules) -> Iterator[tuple[int, int]]:
    """``(end of sentence, start of the next)`` pairs inside the line ``text[s:e]``."""
    quotes = _quoted(text, s, e)
    term_re, term_first = _term_res()
    qi = 0
    cur = s  # start of the current sentence
    pos = s
    while True:
        c = term_first.search(text, pos, e)  # a plain character class: the regex engine skips ahead fast
        if c is None:
            break
        m = term_re.match(text, c.start(), e)
        end = pos = m.end()
        if end >= e:
            break
        term = m.group(0)
        while qi < len(quotes) and quotes[qi][1] <= m.start():
            qi += 1
        inside = qi < len(quotes) and quotes[qi][0] < m.start()
        nxt = _SPACES.match(text, end, e).end()
        if nxt >= e:
            break
        held = inside and quotes[qi][1] > end and (rules.quotes_hold or quotes[qi][1] - quotes[qi][0] <= _SHORT_QUOTE
                                                   or _continued(text, quotes[qi][1], e))
        if term[0] in _CJK_END:
            if held:
                continue
            back = _reopened(term)
            if back:  # "。”“": the second mark opens the next sentence
                end -= back
                nxt = end
            yield end, nxt
            cur = nxt
            continue
        if nxt == end or held:
            continue  # "US$2.2", "TP.HCM", a URL; or inside a quotation that the sentence goes on after
        first = text[nxt]
        if not _can_start(first):
            continue
        stop = term.rstrip("\"'”’“‘«»)]}›‹」』】〕）〗〙〛\u00a0\u202f ")
        if stop != "." and set(stop) <= {".", "…"}:
            if inside or _is_closer_run(term):
                continue  # an ellipsis inside a quotation: “I am not sure…” he said
        elif stop == "." and not _period_ends(text, cur, m.start(), nxt, e, rules):
            continue
        yield end, nxt
        cur = nxt


def _continued(text: str, close: int, e: int) -> bool:
    """Whether the sentence goes on right after the quotation closing at ``close``: a letter of a script
    without case directly after the mark, as in ``”他说`` and ``」と語った``. (Measured on WMT21 news in de,
    cs, ru, fr, zh, ja: also holding quotations followed by a comma or a lower-case word loses more real
    boundaries inside multi-sentence quotations than it saves.)"""
    j = close + 1
    return j < e and text[j].isalpha() and not text[j].isupper() and not text[j].islower()


def _reopened(term: str) -> int:
    """Characters at the end of a sentence-ending run that open the next sentence: ``“`` after ``”`` (Chinese,
    where ``“`` only opens), ``「`` never matches the closer class."""
    for pair in ("”“", "’‘"):
        k = term.find(pair)
        if k >= 0:
            return len(term) - k - 1
    return 0


def _is_closer_run(term: str) -> bool:
    return any(ch in "\"”“«»」』" for ch in term)


def _can_start(ch: str) -> bool:
    if ch.isupper() or ch.isdigit() or ch in _OPEN_PUNCT or unicodedata.category(ch) == "Sc":
        return True  # (a currency sign too, as a digit: "... on July 19. £10m fund set up ...")
    return ch.isalpha() and not ch.islower()  # scripts without case (CJK, Arabic, Devanagari, Thai...)


def _unprefixed(word: str, lang: str) -> str:
    """``word`` less the prefixes the language's profile writes onto a capitalised word, lower-cased ("UMnu" ->
    "mnu" in isiZulu; ``tqcheck.names.spans.prefix_length``)."""
    from .names.spans import prefix_length

    return word[prefix_length(word, lang):].lower()


def _period_ends(text: str, cur: int, dot: int, nxt: int, e: int, rules: _Rules) -> bool:
    """Does the period at ``dot`` end the sentence begun at ``cur``, given the token before it
    and the word after it?"""
    a = dot
    lo = max(cur, dot - 40)
    while a > lo and not _is_space(text[a - 1]) and text[a - 1] not in "([{\"“‘«„":
        a -= 1
    tok = text[a:dot].lower()
    if not tok:
        return True
    if a == cur and _LIST_MARKER.fullmatch(tok):
        return False  # "1. Introduction", "b. the second item", "IV. Results"
    next_word = _word_at(text, nxt, e)
    if tok.isdigit():
        return not (rules.ordinal_dot and len(tok) <= 2 and not next_word[:1].isdigit())
    if len(tok) == 1 and text[dot - 1].isupper():
        # an initial: "J. Smith", "Nguyễn V. A." (not "đồng ý.", "Vâng ạ."); but a capitalised pronoun or
        # conjunction after it starts a sentence ("he went by Dr. P. And he ..."): no name goes on that way
        return len(next_word) >= 2 and next_word[:1].isupper() and next_word.lower() in rules.openers \
            and next_word.lower() not in _NAME_LIKE_OPENERS
    if tok in rules.titles or _unprefixed(text[a:dot], rules.lang) in rules.titles:
        # ("UMnu. Dlamini": a title with the prefix isiZulu writes onto it); a title is followed by a name, never
        # by "The" or "He": "in Yard St. The man ..." ends after the street ("St." for Street, "Rd.", "Ave.")
        return next_word[:1].isupper() and next_word.lower() in rules.openers \
            and (next_word.lower() not in _NAME_LIKE_OPENERS or next_word.lower() == "the")
    if tok in _BEFORE_NUMBER:
        return not next_word[:1].isdigit()
    if tok not in _ENDABLE and _dotted_abbreviation(tok) and text[a:dot].replace(".", "").isupper() \
            and all(len(p) == 1 for p in tok.split(".")):
        return False  # initials: "T.G. Dobzhansky"
    if tok in _ENDABLE or _dotted_abbreviation(tok):
        return next_word.lower() in rules.openers if rules.openers else True
    return True


def _dotted_abbreviation(tok: str) -> bool:
    """"u.s", "e.g", "ph.d", "z.b": letters in groups of at most two, joined by dots."""
    parts = tok.split(".")
    return len(parts) >= 2 and all(0 < len(p) <= 2 and p.isalpha() for p in parts)


def _word_at(text: str, i: int, e: int) -> str:
    j = i
    while j < e and j - i < 30 and (text[j].isalnum() or text[j] in "'’"):
        j += 1
    return text[i:j]


_CLAUSE_PUNCT = frozenset(".,;:!?")


def _straight_quote_side(text: str, i: int) -> str:
    """Which side a straight quote mark at ``i`` can only be: "open" after a space (or the start, or an opening
    bracket) and before a character, "close" before a full stop, comma, colon or other clause mark, or after a
    character and before a space, punctuation or the end, else "either" (between two letters, as in text without
    spaces). A straight quote is its own closer, so a quotation left open (or longer than :data:`_MAX_QUOTE`) must
    not make its closing mark open the next one."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt in _CLAUSE_PUNCT:
        return "close"  # 'sur Internet ". Dans': a mark before a full stop or comma ends a quotation, spaced or not
    if (prev.isspace() or prev in "([{") and not nxt.isspace():
        return "open"
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return "close"
    return "either"


def _closing_at(text: str, closer: str, start: int, limit: int) -> int:
    """The first ``closer`` in ``text[start:limit]`` that can close a quotation (a straight quote in opening
    position cannot), or -1."""
    j = text.find(closer, start, limit)
    while closer == '"' and j >= 0 and (_straight_quote_side(text, j) == "open" or surface.in_word_quote(text, j)):
        j = text.find(closer, j + 1, limit)
    return j


def _quoted(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans ``(open, close)`` of short quotations and parentheses in ``text[s:e]``, in order."""
    spans: list[tuple[int, int]] = []
    m = _QUOTE_OPEN.search(text, s, e)
    while m:
        i = m.start()
        if m.group() == '"' and _straight_quote_side(text, i) == "close":
            m = _QUOTE_OPEN.search(text, i + 1, e)  # 'concrete," the agency said': this one ends a quotation
            continue
        limit = min(e, i + _MAX_QUOTE)
        found = [j for j in (_closing_at(text, c, i + 1, limit) for c in _QUOTE_PAIRS[m.group()]) if j >= 0]
        if found:
            j = min(found)
            spans.append((i, j))
            m = _QUOTE_OPEN.search(text, j + 1, e)
        else:
            m = _QUOTE_OPEN.search(text, i + 1, e)
    return spans


_SCRIPT_LETTER = {"Thai": "\u0e01-\u0e4e"}  # the letters and signs of the Thai block (U+0E01-U+0E4E)


def _space_cuts(text: str, s: int, e: int, script: str) -> Iterator[tuple[int, int]]:
    """``(end, start of the next)`` at each run of spaces between two characters of ``script``: a Thai writer
    ends a sentence (or a clause: the aligner joins clauses into one bead) with a space, never with a mark.
    Over-splitting costs the aligner a many-to-one bead; one segment for a whole paragraph left every source
    sentence but one without a counterpart."""
    block = _SCRIPT_LETTER.get(script)
    if not block:
        return
    for m in re.finditer(rf"(?<=[{block}])[ \u00a0]+(?=[{block}])", text[s:e]):
        yield s + m.start(), s + m.end()


def _dateline_cuts(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    """Cuts before a dateline glued to the preceding text: "... (Source: X) Hanoi 25/11 - The ..."."""
    for d in _DASH.finditer(text, s, e):
        if d.end() >= e or not _can_start(text[d.end()]) or text[d.end()].isdigit():
            continue
        lo = max(s, d.start() - 60)
        m = _DATELINE_TAIL.search(text, lo, d.start())
        if m is None or not (m.group("date") or m.group("agency")):
            continue
        place = _place_before(text, s, m.start())
        if place is None or place <= s:
            continue
        before = place - 1
        while before > s and _is_space(text[before]):
            before -= 1
        prev = text[before]
        after_caption = prev in ")]”\"»"  # "(Source: VNA) Hanoi 25/11 - ..."
        if after_caption or prev.isalnum() and (m.group("agency") or text[place:m.start()].isupper()):
            yield place, place


def _place_before(text: str, s: int, end: int) -> int | None:
    """Start of the run of one to four capitalised words that ends at ``end`` (a place name)."""
    words = 0
    pos = end
    start = None
    while words < 4 and pos > s:
        b = pos
        while b > s and _is_space(text[b - 1]):
            b -= 1
        if b == pos and words:
            break
        a = b
        while a > s and (text[a - 1].isalpha() or text[a - 1] in ".'’-"):
            a -= 1
        word = text[a:b]
        if not word or not word[0].isupper() or word.lower() in _NOT_PLACE:
            break
        start, pos, words = a, a, words + 1
    return start
