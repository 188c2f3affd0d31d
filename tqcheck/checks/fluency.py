"""TQ7xx: fluency basics of the translation (repetition, spacing, pairing of quotes and brackets)."""
from __future__ import annotations

import re
from typing import Iterator

from .. import surface
from ..lang import profile
from ..model import Severity
from .base import BeadContext, Hit, rule
from .omission import dangling

_WINDOW = 3  # words allowed between a phrase and its repetition
_SPACE_BEFORE = re.compile(r"(?<=\w)[ \t]+([.,;:!?])(?=\s|$)")
_SPACED_PUNCT_LANGS = {"fr": ";:!?"}  # French typography puts a space before these
_MIN_UNSPACED = 3  # characters a repeated phrase of an unspaced script needs ("ますます", "一个一个" are grammar)
_MAX_PHRASE = 6  # words in a repeated phrase
_MAX_PHRASE_UNSPACED = 12  # characters in a repeated phrase of an unspaced script
_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"), ("“", "”"), ("‘", "’"), ("«", "»"), ("「", "」"), ("《", "》"),
          ("（", "）"))


def _repeats(text: str, function_words: frozenset[str] = frozenset()) -> Iterator[tuple[int, int, int, str]]:
    """``(end of first copy, start, end of second copy, phrase)`` for each repetition, longest phrase first.

    Tokens are words, or single characters of scripts written without spaces (:mod:`tqcheck.surface`). A
    phrase of such characters must follow itself immediately and be at least three characters long (or be
    a listed function word): shorter doublings ("常常", "ますます", "一个一个") are grammar. Each position
    is compared with a bounded number of phrase lengths and gaps, through a hash of the tokens, so the pass
    is linear in the length of the text."""
    toks = [(m.start(), m.end(), m.group(0).casefold()) for m in surface.TOKEN.finditer(text)]
    words = [t[2] for t in toks]
    unspaced = [len(w) == 1 and surface.UNSPACED.match(w) is not None for w in words]
    covered = -1
    for i in range(len(toks)):
        if toks[i][0] < covered:
            continue
        longest = _MAX_PHRASE_UNSPACED if unspaced[i] else _MAX_PHRASE
        for n in range(min(longest, len(toks) // 2), 0, -1):
            chars = unspaced[i]
            gaps = 1 if chars or n < 2 else min(n, _WINDOW) + 1
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
            if n == 1 and text_of not in function_words:
                continue  # "năm năm" (five years), "xa xa": reduplication is grammar, not stutter
            if chars and n < _MIN_UNSPACED and text_of not in function_words:
                continue
            hit = next((j for j in starts if j + n <= len(toks) and words[j:j + n] == phrase
                        and _gap_ok(text, toks[i + n - 1][1], toks[j][0])), None)
            if hit is None:
                continue
            s, e = toks[hit][0], toks[hit + n - 1][1]
            yield toks[i + n - 1][1], s, e, text[toks[i][0]:toks[i + n - 1][1]]
            covered = e
            break


def _gap_ok(text: str, start: int, end: int) -> bool:
    """The words between two copies hold no punctuation or digits ("X và X", not "X, năm 2016 X")."""
    return not re.search(r"[^\w\s]|\d", text[start:end])


@rule("TQ701", "repeated-words", Severity.MINOR)
def repeated_words(ctx: BeadContext) -> Iterator[Hit]:
    """A word or phrase is repeated by mistake.

    What: Reports a word immediately repeated ("và và", "the the") and a phrase of two or more words repeated
    within three words of itself ("trên thế giới và trên thế giới", "Thái Bình Dương kinh tế Bình Dương").
    A repetition that the source sentence also has (in the same words) is not reported.
    Single words are reported only when they are function words (conjunctions, prepositions, articles: the
    ``function_words`` and ``dangling`` lists of the language profile's ``fluency`` section), so
    reduplication ("năm năm", "xa xa") is left alone. In scripts written without spaces (Chinese, Japanese,
    Thai) characters are the tokens: a run of three or more characters repeated right after itself is
    reported ("我们的经济我们的经济"), shorter doublings ("常常", "ますます") are grammar.
    Why: Doubled words and phrases are typical machine-translation stutter and careless editing; they make
    the text look unrevised. MQM: Fluency / Grammar (repetition), minor.
    Example: "các khu vực khác trên thế giới và trên thế giới." -> "các khu vực khác trên thế giới."
    Fix: Delete the repetition. The finding spans both copies and the words between them; the suggestion
    is the one copy that replaces them ("trên thế giới").
    """
    source = ctx.src_text.casefold()
    lang = ctx.doc.tgt_lang
    function_words = dangling(lang) | frozenset(profile(lang).section("fluency").get("function_words", ()))
    for seg in ctx.tgt_segments:
        for first_end, s, e, phrase in _repeats(seg.text, function_words):
            if f"{phrase} {phrase}".casefold() in source or f"{phrase}{phrase}".casefold() in source:
                continue  # "that that", "had had": the source repeats too
            first = first_end - len(phrase)
            yield Hit("target", seg.index, first, e, f"'{seg.text[s:e]}' repeats '{phrase}' just before it",
                      suggestion=phrase)


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


def _unbalanced(text: str) -> list[tuple[str, int]]:
    """Unpaired brackets/quotes as (character, offset); straight double quotes count when their number is odd."""
    out = []
    for open_, close in _PAIRS:
        stack: list[int] = []
        for i, ch in enumerate(text):
            if ch == open_:
                stack.append(i)
            elif ch == close:
                if stack:
                    stack.pop()
                elif open_ != "‘":  # ’ is also the apostrophe
                    out.append((ch, i))
        out += [(open_, i) for i in stack]
    quotes = [i for i, ch in enumerate(text) if ch == '"']
    if len(quotes) % 2:
        out.append(('"', quotes[-1]))
    return out


@rule("TQ703", "unbalanced-brackets", Severity.MINOR)
def unbalanced_brackets(ctx: BeadContext) -> Iterator[Hit]:
    """A bracket or quotation mark in the translation is not closed (or not opened).

    What: Checks the pairs () [] {} “” « » 「」 《》 and straight double quotes in each aligned target text and
    reports an unpaired mark, unless the source text of the bead is unbalanced in the same way (a quotation
    that spans several sentences).
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


def _norm_mark(ch: str) -> str:
    """Quotes and brackets by role, so “ in the source and « in the target count as the same mark."""
    for open_, close in _PAIRS:
        if ch in (open_, close):
            return "quote" if open_ in "“‘«「《" else "bracket"
    return "quote" if ch == '"' else ch
