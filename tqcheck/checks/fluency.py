"""TQ7xx: fluency basics of the translation (repetition, spacing, pairing of quotes and brackets)."""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from .. import surface
from ..lang import profile
from ..model import Severity
from .base import BeadContext, DocContext, Hit, per_document, rule
from .omission import dangling

_WINDOW = 3  # words allowed between a phrase and its repetition (TQ701 max_gap)
_SPACE_BEFORE = re.compile(r"(?<=\w)[ \t]+([.,;:!?])(?=\s|$)")
_SPACED_PUNCT_LANGS = {"fr": ";:!?"}  # French typography puts a space before these
_MIN_UNSPACED = 3  # characters a repeated phrase of an unspaced script needs ("ますます", "一个一个" are grammar)
_FREQUENT = 0.01  # share of a document's tokens above which a word's doubling may be grammar ("sie sie")
_SHORT = 3  # ... if the word is this short (pronouns, articles: "sie sie", "had had"), unless the language
# reduplicates: a frequent content word doubled ("track track", "River River") is a stutter
_FREQUENT_MIN = 4  # ... when it also occurs at least this often
_MAX_PHRASE = 6  # words in a repeated phrase (TQ701 max_phrase)
_MAX_PHRASE_UNSPACED = 12  # characters in a repeated phrase of an unspaced script
_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"), ("“", "”"), ("‘", "’"), ("«", "»"), ("「", "」"), ("《", "》"),
          ("（", "）"))


def _repeats(text: str, function_words: frozenset[str] = frozenset(), coordinators: frozenset[str] = frozenset(),
             window: int = _WINDOW, max_phrase: int = _MAX_PHRASE) -> Iterator[tuple[int, int, int, str, bool]]:
    """``(end of first copy, start, end of second copy, phrase, weak)`` for each repetition, longest phrase
    first.

    Tokens are words, or single characters of scripts written without spaces (:mod:`tqcheck.surface`). A
    phrase of such characters must follow itself immediately. A repetition is *weak* when it may be grammar
    rather than stutter: a single word that is not a listed function word ("năm năm", "xa xa" can be
    reduplication) or a doubled run of two characters of an unspaced script ("研究研究"); the rule decides
    those from the document (:func:`_weak_is_stutter`). A doubled single character of an unspaced script
    ("常常", "看看") is never reported unless it is a function word. Each position is compared with a bounded
    number of phrase lengths and gaps, through a hash of the tokens, so the pass is linear in the length of
    the text."""
    toks = [(m.start(), m.end(), m.group(0).casefold()) for m in surface.TOKEN.finditer(text)]
    words = [t[2] for t in toks]
    unspaced = [len(w) == 1 and surface.UNSPACED.match(w) is not None for w in words]
    covered = -1
    for i in range(len(toks)):
        if toks[i][0] < covered:
            continue
        longest = _MAX_PHRASE_UNSPACED if unspaced[i] else max_phrase
        if words[i] not in words[i + 1:i + longest + min(longest, window) + 1]:
            continue  # no second copy can start within reach (the furthest start tried below: n + gap)
        for n in range(min(longest, len(toks) // 2), 0, -1):
            chars = unspaced[i]
            gaps = 1 if chars or n < 2 else min(n, window) + 1
            # the second copy starts with this token: a cheap test before any slice is compared
            starts = [i + n + g for g in range(gaps) if i + n + g < len(toks) and words[i + n + g] == words[i]]
            if not starts:
                continue
            phrase = words[i:i + n]
            if len(phrase) < n or all(w.isdigit() for w in phrase):
                continue
            if chars and not all(unspaced[i:i + n]):
                continue  # a phrase of characters does not run into a word of another script
            text_of = "".join(phrase) if chars else " ".join(phrase)
            listed = text_of in function_words
            if chars and n == 1 and not listed:
                continue  # "常常", "看看": a doubled character is grammar
            weak = not listed and (n == 1 if not chars else n < _MIN_UNSPACED)
            if weak and not chars and not any(c.isalpha() for c in text_of):
                continue
            hit = next((j for j in starts if j + n <= len(toks) and words[j:j + n] == phrase
                        and _gap_ok(text, toks[i + n - 1][1], toks[j][0])
                        and (chars or j == i + n or not _parallel(phrase, words[i + n:j], function_words,
                                                                  text[toks[i][0]:toks[j][0]], coordinators))
                        and not _new_sentence(text, toks[i][0], toks[j][0])), None)
            if hit is None:
                continue
            s, e = toks[hit][0], toks[hit + n - 1][1]
            yield toks[i + n - 1][1], s, e, text[toks[i][0]:toks[i + n - 1][1]], weak
            covered = e
            break


def _parallel(phrase: list[str], gap: list[str], function_words: frozenset[str], between: str = "",
              coordinators: frozenset[str] = frozenset()) -> bool:
    """A phrase repeated across a gap that holds a content word (a word not in the language's function-word
    lists) in a parallel structure, not a stutter ("the economy and the economy" is one): the phrase has fewer
    than two content words ("of the opening of the", "the red books and the red"), or a comma or a
    coordinating conjunction (CLDR's list patterns: "and", "und", "和") stands between the two copies' starts
    ("a certain amount of strength and a certain amount of time", "the North River Bridge and the South River
    Bridge", "blue paint tins, blue glue tins")."""
    if not any(w not in function_words for w in gap):
        return False
    if sum(w not in function_words for w in phrase) < 2:
        return True
    return bool(re.search(r"[,，、]", between)) or any(w in coordinators for w in phrase + gap)


def _new_sentence(text: str, first: int, second: int) -> bool:
    """The second copy begins with a capital where the first begins in lower case: a new sentence after a
    heading written without a full stop ("new ferries Ferries will sail ...", "Alles über die Gämse Die Gämse
    lebt ..."), not a stutter."""
    a, b = text[first:first + 1], text[second:second + 1]
    return a.islower() and b.isupper()


@functools.lru_cache(maxsize=64)
def _coordinators(lang: str) -> frozenset[str]:
    """The words of CLDR's "and" and "or" list patterns for ``lang`` (Babel: "{0} and {1}", "{0} und {1}",
    "{0}和{1}"), lower case."""
    from babel import Locale

    try:
        patterns = Locale.parse(lang.split("-")[0]).list_patterns
    except (ValueError, KeyError, TypeError, AttributeError):
        return frozenset()
    out = set()
    for kind in ("standard", "or"):
        for key in ("end", "2"):
            v = (patterns.get(kind) or {}).get(key, "")
            if "{0}" in v and "{1}" in v:
                out.update(v.split("{0}", 1)[1].split("{1}", 1)[0].strip(" ,、，").lower().split())
    return frozenset(out)


def _gap_ok(text: str, start: int, end: int) -> bool:
    """The words between two copies hold no punctuation or digits ("X và X", not "X, năm 2016 X")."""
    return not re.search(r"[^\w\s]|\d", text[start:end])


@rule("TQ701", "repeated-words", Severity.MINOR, options={"max_gap": _WINDOW, "max_phrase": _MAX_PHRASE})
def repeated_words(ctx: BeadContext) -> Iterator[Hit]:
    """A word or phrase is repeated by mistake.

    What: Reports a word immediately repeated ("và và", "the the", "Plan Plan") and a phrase of two or more
    words repeated within three words of itself ("trên thế giới và trên thế giới", "Thái Bình Dương kinh tế
    Bình Dương"); a phrase of fewer than two content words (words not in the profile's function-word lists)
    only where the words between the copies are function words too ("the economy and the economy", not the
    parallel "of the opening of the", "the red books and the red"); nor, across a content word, a phrase
    of a list or coordination (a comma or CLDR's "and"/"or" word between the copies' starts: "a certain amount
    of strength and a certain amount of time"); nor a second copy that begins with a capital where the first
    does not (a heading without a full stop before the sentence: "new ferries Ferries will sail").
    A repetition that the source sentence also has (in the same words) is not reported.
    A doubled single word that is not a function word (the ``function_words`` and ``dangling`` lists of the
    language profile's ``fluency`` section, less its ``doubles``) may be grammar, so the document decides: it is not reported when
    the source sentence repeats a word too (not one its profile lists in ``doubles``; a doubled character of
    Chinese or Japanese, "常常", is a word of
    its own and does not count), when the doubled form occurs more than once in the translation,
    when the word is one of the document's most frequent words and a word whose doubling the profile says can
    be grammar (``fluency.doubles``: German "dass sie sie", "die die"; English "had had"), standing where a
    clause can begin (after a comma or other punctuation, or a function word: ", die die Polizei", "he had
    had"; "Rechte die die" is a stutter); in a language whose
    profile has no such list, any word of at most three letters; in a language that reduplicates, any word),
    or, in a language whose profile says it reduplicates (``fluency.reduplication``, e.g. Vietnamese "dần dần"),
    when the word is a number word ("năm năm") or never occurs on its own elsewhere in the document. A doubled
    number word elsewhere ("two two") is a stutter. In scripts
    written without spaces (Chinese, Japanese, Thai) characters are the tokens: a run of two or more
    characters repeated right after itself is reported ("我们的经济我们的经济", "政府政府"), except doubled
    kana of one script that is a word of the language's word list (mimetic words, "どんどん", in wordfreq's list;
    "できでき" is none; without a list every such run; not a run starting with the long-vowel mark or a small kana,
    such as "ーを"), a run that starts with a numeral ("一个一个") and the same document
    checks; doubled single characters ("常常", "看看") are grammar.
    Why: Doubled words and phrases are typical machine-translation stutter and careless editing; they make
    the text look unrevised. MQM: Fluency / Grammar (repetition), minor.
    Example: "các khu vực khác trên thế giới và trên thế giới." -> "các khu vực khác trên thế giới."
    Fix: Delete the repetition. The finding spans both copies and the words between them; the suggestion
    is the one copy that replaces them ("trên thế giới").
    """
    source = ctx.src_text.casefold()
    lang = ctx.doc.tgt_lang
    fluency = profile(lang).section("fluency")
    # a word whose doubling can be grammar ("die die") is decided by the document even where it is a word that
    # cannot end a sentence
    function_words = (dangling(lang) | frozenset(fluency.get("function_words", ()))) \
        - frozenset(fluency.get("doubles", ()))
    stats = None
    for seg in ctx.tgt_segments:
        for first_end, s, e, phrase, weak in _repeats(seg.text, function_words, _coordinators(lang),
                                                      ctx.option("max_gap"), ctx.option("max_phrase")):
            if f"{phrase} {phrase}".casefold() in source or f"{phrase}{phrase}".casefold() in source:
                continue  # "that that", "had had": the source repeats too
            if weak:
                stats = stats or _doc_stats(ctx.doc)
                if not _weak_is_stutter(phrase.casefold(), ctx, stats, seg.text[:first_end - len(phrase)],
                                        function_words):
                    continue
            first = first_end - len(phrase)
            yield Hit("target", seg.index, first, e, f"'{seg.text[s:e]}' repeats '{phrase}' just before it",
                      suggestion=phrase)


@dataclass(frozen=True)
class _DocStats:
    """What TQ701 reads from the whole target document to tell a stutter from a reduplication."""

    counts: Counter  # casefolded token -> occurrences
    total: int  # tokens
    text: str  # the target text, casefolded, segments joined by newlines


@per_document
def _doc_stats(doc: DocContext) -> _DocStats:
    text = "\n".join(s.text for s in doc.target.segments).casefold()
    counts = Counter(m.group(0) for m in surface.TOKEN.finditer(text))
    return _DocStats(counts, sum(counts.values()), text)


def _source_repeats(text: str, lang: str = "") -> bool:
    """The source text has a word right after itself (punctuation between allowed: "very, very", "I -- I").
    A doubled character of a script written without spaces ("常常", "来来回回") is a word of its own, not a
    repeat, so a Chinese or Japanese source full of them does not excuse a stutter in the translation; nor
    does a doubling that is the source language's grammar (its profile's ``fluency.doubles``: "der der dpa
    vorliegende Entwurf"), which is no emphasis for the translation to keep."""
    words = [m.group(0).casefold() for m in surface.TOKEN.finditer(text)]
    grammar = frozenset(profile(lang).section("fluency").get("doubles", ())) if lang else frozenset()
    return any(a == b and any(c.isalpha() for c in a) and not (len(a) == 1 and surface.UNSPACED.match(a))
               and a not in grammar for a, b in zip(words, words[1:]))


_HIRAGANA = re.compile(r"[\u3041-\u309f]+")
_KATAKANA = re.compile(r"[\u30a1-\u30ff\uff66-\uff9f]+")
_NO_WORD_START = set("ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ")  # the long-vowel mark and small kana begin no word


def _mimetic(phrase: str) -> bool:
    """A doubled kana run that can be a mimetic word ("どんどん", "キラキラ"): all hiragana or all katakana,
    not starting with the long-vowel mark or a small kana (a run such as "ーを", the end of a katakana
    word and a particle, is a stutter when doubled)."""
    return phrase[0] not in _NO_WORD_START and bool(_HIRAGANA.fullmatch(phrase) or _KATAKANA.fullmatch(phrase))


def _word_or_unknown(word: str, lang: str) -> bool:
    """``word`` is in wordfreq's word list of ``lang`` (どんどん, キラキラ; not できでき), or there is no list to
    tell (no wordfreq, or a language it lacks): a doubled kana run that may be a mimetic word."""
    try:
        from ..names.freq import listed

        return listed(word, lang.split("-")[0].lower())
    except (ImportError, LookupError, ValueError):
        return True


def _clause_start(before: str, function_words: frozenset[str]) -> bool:
    """The text ``before`` a doubled word ends where a clause can begin: nothing, a comma, semicolon, colon or
    sentence end, or a function word ("Ländern, die die", "dass sie sie", "he had had"); a relative pronoun and
    an article, or a subject and an object, of the same form stand there. After a content word ("Rechte die
    die") the doubling is a stutter."""
    tail = before.rstrip()
    if not tail or tail[-1] in ",;:.!?…—–(\"“”„«»":
        return True
    words = list(surface.TOKEN.finditer(tail))
    return bool(words) and words[-1].end() == len(tail) and words[-1].group(0).casefold() in function_words


def _weak_is_stutter(phrase: str, ctx: BeadContext, stats: _DocStats, before: str = "",
                     function_words: frozenset[str] = frozenset()) -> bool:
    """Whether a weak repetition (one word, or two characters of an unspaced script, doubled) is reported.

    It is not when the document or the source says it may be grammar: the source repeats a word too
    (emphasis, a quoted stutter); the doubled form occurs more than once in the translation (a word of its
    own: a reduplicated noun or adverb); for two characters, the run starts with a numeral character
    ("一个一个") or is all hiragana or all katakana and starts with neither the long-vowel mark nor a small
    kana, doubled, a word of wordfreq's list (mimetic words, "どんどん"; any such run where there is no list);
    the word is one of the document's frequent words (more than ``_FREQUENT`` of its tokens) and one whose
    doubling the profile lists as possible grammar (``fluency.doubles``: "dass sie sie", "had had"), where a
    clause can begin (:func:`_clause_start`; without
    such a list, a word of at most ``_SHORT`` letters; any word in a language that reduplicates). In a
    language whose profile says it reduplicates words (``fluency.reduplication``), a number word is grammar
    ("năm năm", five years), and the word must also occur on its own elsewhere in the document; a syllable
    that only ever comes doubled ("dần dần") is a reduplicated word. Elsewhere a doubled number word ("two
    two") or a frequent word that the list lacks ("not not", "his his") is a stutter."""
    if _source_repeats(ctx.src_text, ctx.doc.src_lang):
        return False
    unspaced = all(surface.UNSPACED.match(c) for c in phrase)
    doubled = phrase + phrase if unspaced else f"{phrase} {phrase}"
    if unspaced:
        if stats.text.count(doubled) > 1 or phrase[0] == phrase[-1]:
            return False
        if unicodedata.numeric(phrase[0], None) is not None:
            return False
        return not (_mimetic(phrase) and _word_or_unknown(doubled, ctx.doc.tgt_lang))
    pattern = re.compile(rf"(?<!\w){re.escape(phrase)}\s+{re.escape(phrase)}(?!\w)")
    twice = len(pattern.findall(stats.text))
    if twice > 1:
        return False
    prof = profile(ctx.doc.tgt_lang)
    fluency = prof.section("fluency")
    reduplicates = bool(fluency.get("reduplication"))
    if reduplicates and (phrase in prof.numbers.words or phrase in prof.numbers.ordinals):
        return False  # "năm năm" (five years); "two two" in English is a stutter
    n = stats.counts.get(phrase, 0)
    doubles = fluency.get("doubles")
    if n >= _FREQUENT_MIN and n > _FREQUENT * stats.total and (
            reduplicates or (phrase in doubles and _clause_start(before, function_words) if doubles is not None
                             else len(phrase) <= _SHORT)):
        return False
    if reduplicates and n - 2 * twice < 1:
        return False
    return True


@rule("TQ702", "space-before-punctuation", Severity.MINOR)
def space_before_punctuation(ctx: BeadContext) -> Iterator[Hit]:
    """A space stands before a full stop, comma or other closing punctuation.

    What: Reports whitespace between a word and the following ". , ; : ! ?" in the translation (except
    where the target language's typography wants it, as French does before ; : ! ?).
    Why: A detached full stop or comma is a tokenisation or MT artefact ("thương mại song phương .") and
    often marks a sentence that was cut off. MQM: Fluency / Punctuation, minor.
    Example: "thúc đẩy hợp tác song phương ." -> "thúc đẩy hợp tác song phương."
    Fix: Remove the space. The finding spans the space and the mark; the suggestion is the mark alone.
    """
    allowed = _SPACED_PUNCT_LANGS.get(ctx.doc.tgt_lang, "")
    for seg in ctx.tgt_segments:
        for m in _SPACE_BEFORE.finditer(seg.text):
            if m.group(1) in allowed:
                continue
            yield Hit("target", seg.index, m.start(), m.end(), f"space before '{m.group(1)}'",
                      suggestion=m.group(1))


def _low_quotes(text: str) -> set[int]:
    """Offsets of quotation marks in the Central and Eastern European style, which the pairs of
    :data:`_PAIRS` would misread: a low opening mark closed by a high one („…“ in German, Czech, Lithuanian;
    „…” in Polish, Hungarian, Romanian; ‚…‘ single), and guillemets pointing inwards (»…« in German and
    Danish, »…» in Swedish and Finnish)."""
    skip: set[int] = set()
    for low, highs in (("„", "“”"), ("‚", "‘’")):
        opened: list[int] = []
        for i, ch in enumerate(text) if low in text else ():
            if ch == low:
                opened.append(i)
            elif ch in highs and opened:
                skip |= {opened.pop(), i}
    marks = [(i, ch) for i, ch in enumerate(text) if ch in "«»"] if "»" in text else []
    if marks and marks[0][1] == "»":  # inward guillemets: they alternate » « (or » » where « is not used)
        if all(ch == ("»" if k % 2 == 0 else "«") for k, (_, ch) in enumerate(marks)) and len(marks) % 2 == 0 \
                or all(ch == "»" for _, ch in marks) and len(marks) % 2 == 0:
            skip |= {i for i, _ in marks}
    return skip


def _unbalanced(text: str) -> list[tuple[str, int]]:
    """Unpaired brackets/quotes as (character, offset); straight double quotes count when their number is odd
    (not one inside a word: :func:`surface.in_word_quote`); the quotation marks :func:`_low_quotes` pairs count as
    paired."""
    out = []
    skip = _low_quotes(text) if "„" in text or "‚" in text or "»" in text else set()
    for open_, close in _PAIRS:
        if open_ not in text and close not in text:
            continue  # (most texts hold few of the pairs: each pass below reads every character)
        stack: list[int] = []
        for i, ch in enumerate(text):
            if i in skip:
                continue
            if ch == open_:
                stack.append(i)
            elif ch == close:
                if stack:
                    stack.pop()
                elif open_ != "‘":  # ’ is also the apostrophe
                    out.append((ch, i))
        out += [(open_, i) for i in stack]
    # a straight double quote inside a word is no quotation mark: Hebrew's gershayim (האו"ם, צה"ל, ארה"ב), an
    # apostrophe typed with the wrong key ("l"Etat")
    quotes = [i for i, ch in enumerate(text) if ch == '"' and not surface.in_word_quote(text, i)] \
        if '"' in text else []
    if len(quotes) % 2:
        # a quotation opened with one style and closed with the other ('said "the bridge opens next year.”'): a
        # typing slip, but no mark is missing; the lone straight quote pairs with the lone curly one
        curly = next(((ch, i) for ch, i in out if (ch == "“" and i < quotes[-1]) or (ch == "”" and i > quotes[0])),
                     None)
        if curly is not None:
            out.remove(curly)
        else:
            out.append(('"', quotes[-1]))
    return out


@rule("TQ703", "unbalanced-brackets", Severity.MINOR)
def unbalanced_brackets(ctx: BeadContext) -> Iterator[Hit]:
    """A bracket or quotation mark in the translation is not closed (or not opened).

    What: Checks the pairs () [] {} “” « » 「」 《》 and straight double quotes in each aligned target text and
    reports an unpaired mark (a straight double quote inside a word is no quotation mark: Hebrew's gershayim,
    as in האו"ם, or an apostrophe typed with the wrong key, as in "l"Etat"), unless the source text of the bead is unbalanced in the same way (a quotation
    that spans several sentences). A lone straight double quote and a lone curly one that it can pair with
    (opened one way, closed the other: 'said "the plan is ready.”') count as a pair.
    Why: A lost closing bracket or quote changes what the reader takes to be quoted or parenthetical.
    MQM: Fluency / Punctuation, minor.
    Example: source "the Code of Conduct (COC) in the East Sea." -> target "Bộ quy tắc ứng xử (COC ở Biển
    Đông."
    Fix: Add the missing mark, or remove the stray one.
    """
    if not ctx.bead.src:
        return
    src_bad = {_norm_mark(ch) for ch, _ in _unbalanced(ctx.src_text)}
    for ch, i in _unbalanced(ctx.tgt_text):
        if _norm_mark(ch) in src_bad:
            continue
        side = "closing" if ch in dict(_PAIRS) or ch == chr(34) else "opening"
        yield ctx.hit("target", i, i + 1, f"'{ch}' has no matching {side} mark")


@rule("TQ704", "garbled-encoding", Severity.MAJOR, options={"major_letters": 4, "critical_share": 0.5})
def garbled_encoding(ctx: BeadContext) -> Iterator[Hit]:
    """The translation holds text decoded with the wrong character encoding (mojibake).

    What: Reports a stretch of a translated sentence that is the bytes of other text shown in the wrong
    character encoding (``tqcheck.mojibake``): UTF-8 shown as Windows-1252 ("cafÃ©", "â€”"), which ftfy
    recognises and repairs, or, in a language not written in Latin script, a run of Latin-1 letters that
    Python's single-byte code pages read back into that language's script only ("Ïðèâåò" for "Привет":
    Windows-1251 shown as Latin-1). The suggestion is the repaired text. Critical when half or more of the
    sentence's letters are garbled (the sentence cannot be read), major when four letters or more are, minor
    for fewer (a stray "Â" before a no-break space). Other findings on a sentence reported critical, and
    source findings of its bead, are capped at minor with a note: a sentence that cannot be read cannot be
    checked, and its seemingly missing names and numbers are the garbling, reported once here.
    Why: A file saved or converted with the wrong encoding reaches readers as gibberish, and names and
    figures inside it cannot be checked. MQM: Fluency / Character encoding, major; critical when the sentence
    is unreadable, minor for a stray character.
    Example: "Ïîñòàíîâêà òðàíñëèðîâàëàñü â ñóááîòó." for "The staging was broadcast on Saturday." in a
    Russian translation (Windows-1251 shown as Latin-1: "Постановка транслировалась в субботу.").
    Fix: Re-read the file with its real encoding (the suggestion shows the repaired text), or convert it to
    UTF-8 again from the original.
    """
    from ..mojibake import find

    script = getattr(ctx.doc.tgt_profile, "script", "") or ""
    for seg in ctx.tgt_segments:
        g = find(seg.text, script)
        if g is None:
            continue
        yield Hit("target", seg.index, g.start, g.end, f"this text looks garbled by a wrong character encoding "
                  f"({g.how}); it may read '{g.fixed[:80]}'", suggestion=g.fixed,
                  severity=Severity.CRITICAL if g.share >= ctx.option("critical_share")
                  else None if g.letters >= ctx.option("major_letters")
                  else Severity.MINOR)




def _norm_mark(ch: str) -> str:
    """Quotes and brackets by role, so “ in the source and « in the target count as the same mark."""
    for open_, close in _PAIRS:
        if ch in (open_, close):
            return "quote" if open_ in "“‘«「《" else "bracket"
    return "quote" if ch == '"' else ch
