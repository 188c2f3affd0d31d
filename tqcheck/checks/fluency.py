"""TQ7xx: fluency basics of the translation (repetition, spacing, pairing of quotes and brackets)."""
from __future__ import annotations

import re
from typing import Iterator

from ..model import Severity
from .base import BeadContext, Hit, rule
from .omission import DANGLING

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_WINDOW = 3  # words allowed between a phrase and its repetition
_SPACE_BEFORE = re.compile(r"(?<=\w)[ \t]+([.,;:!?])(?=\s|$)")
_SPACED_PUNCT_LANGS = {"fr": ";:!?"}  # French typography puts a space before these
_LINKS = {"vi": set("trong trên dưới cho đến tới tại về theo là đã sẽ đang được bị cũng rất".split()),
          "en": set("to in on at for from with by is are was were be it".split())}
_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"), ("“", "”"), ("‘", "’"), ("«", "»"), ("「", "」"), ("《", "》"),
          ("（", "）"))


def _repeats(text: str, function_words: set[str] = frozenset()) -> Iterator[tuple[int, int, int, str]]:
    """``(end of first copy, start, end of second copy, phrase)`` for each repetition, longest phrase first."""
    toks = [(m.start(), m.end(), m.group(0).casefold()) for m in _TOKEN.finditer(text)]
    words = [t[2] for t in toks]
    covered = -1
    for i in range(len(toks)):
        if toks[i][0] < covered:
            continue
        for n in range(min(6, len(toks) // 2), 0, -1):
            phrase = words[i:i + n]
            if len(phrase) < n or all(w.isdigit() for w in phrase):
                continue
            if n == 1 and phrase[0] not in function_words:
                continue  # "năm năm" (five years), "xa xa": reduplication is grammar, not stutter
            for gap in range(0, min(n, _WINDOW) + 1 if n >= 2 else 1):
                j = i + n + gap
                if j + n <= len(toks) and words[j:j + n] == phrase and _gap_ok(text, toks[i + n - 1][1],
                                                                                  toks[j][0]):
                    s, e = toks[j][0], toks[j + n - 1][1]
                    yield toks[i + n - 1][1], s, e, text[toks[i][0]:toks[i + n - 1][1]]
                    covered = e
                    break
            else:
                continue
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
    Single words are reported only when they are function words (conjunctions, prepositions, articles), so
    reduplication ("năm năm", "xa xa") is left alone.
    Why: Doubled words and phrases are typical machine-translation stutter and careless editing; they make
    the text look unrevised. MQM: Fluency / Grammar (repetition), minor.
    Example: "các khu vực khác trên thế giới và trên thế giới." -> "các khu vực khác trên thế giới."
    Fix: Delete the repetition. The finding spans both copies and the words between them; the suggestion
    is the one copy that replaces them ("trên thế giới").
    """
    source = ctx.src_text.casefold()
    function_words = DANGLING.get(ctx.doc.tgt_lang, set()) | _LINKS.get(ctx.doc.tgt_lang, set())
    for seg in ctx.tgt_segments:
        for first_end, s, e, phrase in _repeats(seg.text, function_words):
            if f"{phrase} {phrase}".casefold() in source:
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
