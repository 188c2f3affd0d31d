"""A quotation translated without the words around it: the attribution ("..., the report said") left out.

News quotes its sources: the source sentence holds a quotation and, outside its quotation marks, who says it
("stipule-t-il", "note l'étude", "he told reporters"). A translation that stops at the quotation's end, or
that is cut at the comma before the attribution, still aligns and ends cleanly; and an attribution of two
words moves the sentence's similarity too little to show. Its structure shows it: every word of the
translation stands inside the quotation, while the source has words outside it. Quotation marks are read the
same way in every language (straight, curly, low, guillemets, corner brackets), so the test needs no language
data.
"""
from __future__ import annotations

from .. import surface
from .base import BeadContext

QUOTES = frozenset('"“”„«»「」『』‹›')  # (not ' ‘ ’ ‚: apostrophes)
_MIN_QUOTED = 4  # words inside the quotation on each side: a quoted title or term is not a quotation


def _marks(text: str) -> list[int]:
    """The offsets of the quotation marks of ``text``. A straight double quote inside a word is none
    (:func:`surface.in_word_quote`: an apostrophe typed with the wrong key, "l"Etat"; Hebrew's gershayim, האו"ם)."""
    return [i for i, ch in enumerate(text) if ch in QUOTES and not surface.in_word_quote(text, i)]


def _split(text: str) -> tuple[str, str]:
    """(the text outside every quotation, the text inside), reading the quotation marks in turn as opening and
    closing (a quotation left open runs to the end of the text)."""
    outside, inside, depth, last = [], [], 0, 0
    for i in _marks(text):
        (inside if depth else outside).append(text[last:i])
        depth, last = 1 - depth, i + 1
    (inside if depth else outside).append(text[last:])
    return " ".join(outside), " ".join(inside)


def lost_attribution(ctx: BeadContext) -> str | None:
    """The words outside the quotation of the bead's source (its attribution) when every word of the
    translation stands inside a quotation, or None.

    The source's quotation marks pair up (an even number: the quotation opens and closes inside the bead) and
    enclose ``_MIN_QUOTED`` words or more, and words stand before the first or after the last; the translation has quotation marks,
    ``_MIN_QUOTED`` words or more inside them and none outside (the marks are read in turn as opening and
    closing, so words between two quotations count as outside). A translation
    whose quotation stays open (an odd number of marks: cut before the closing mark) counts too, unless the
    target sentence after the bead has a quotation mark (the quotation goes on there, with its attribution), and
    a translation that follows a sentence ending with a colon ("Er sagte:") has its attribution there."""
    if not (ctx.bead.src and ctx.bead.tgt):
        return None
    src, tgt = ctx.src_text, ctx.tgt_text
    marks, t_marks = _marks(src), _marks(tgt)
    if not t_marks or len(marks) % 2 or not marks:
        return None
    lost = " ".join((src[:marks[0]], src[marks[-1] + 1:]))  # (words between two quotations may be a quotation
    # inside the quotation, written with the same marks: '"HSBC did not "fabricate" evidence."')
    inside = src[marks[0]:marks[-1] + 1]
    t_out, t_in = _split(tgt)
    if not surface.words(lost) or len(surface.words(inside)) < _MIN_QUOTED:
        return None
    if surface.words(t_out) or len(surface.words(t_in)) < _MIN_QUOTED:
        return None
    segs = ctx.doc.target.segments
    lo, hi = min(ctx.bead.tgt), max(ctx.bead.tgt)
    if len(t_marks) % 2 and hi + 1 < len(segs) and _marks(segs[hi + 1].text):
        return None
    if lo > 0 and segs[lo - 1].text.rstrip().endswith((":", "：")):
        return None
    return " ".join(lost.split()).strip(" ,.;:!?…-–—")
