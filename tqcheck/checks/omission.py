"""TQ5xx: omissions and additions, from the alignment and from each bead's shape.

Length ratios are judged against the document's own median target/source ratio (robust to a few bad
beads), so the rules work for any language pair without a table of expected ratios.
"""
from __future__ import annotations

import dataclasses
import functools
import math
import re
import statistics
import unicodedata
from typing import Any, Iterator, NamedTuple

from .. import surface
from ..embed import _normalise as _unit
from ..lang import profile
from ..memo import text_cache
from ..model import Segment, Severity
from ..textmemo import persistent
from .base import BeadContext, DocContext, Hit, per_document, rule
from .margin import margin_tails
from .quoted import lost_attribution
from .runin import added_ends, dropped_starts, run_in

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_MIN_BEADS = 4  # fewer beads than this: no document statistics, use a ratio of 1
_SHORT_RATIO = 0.5  # a bead under half the document's usual ratio has lost content
_SHORT_RATIO_MINOR = 0.65  # under this it may have (minor): 3 of 1579 clean WMT21 beads, 1 in 4789 IWSLT pairs
_WEAK_Z = -2.0  # a bead this many robust spreads below the document's usual similarity has lost meaning
# TQ503's thresholds ([tool.tqcheck] options = { TQ503 = { minor_ratio = 0.6 } }); TQ508 reads minor_ratio too
PARTIAL_OPTIONS = {
    "major_ratio": _SHORT_RATIO,  # major (with evidence of a loss) under this share of the usual length ratio
    "minor_ratio": _SHORT_RATIO_MINOR,  # minor under this share
    "weak_z": _WEAK_Z,  # a meaning similarity this many robust spreads below the document's is evidence of a loss
    "min_source_chars": 55,  # shorter sources are not measured (characters without spaces, CJK counting 2.5)
    "min_lost_chars": 40,  # ... nor beads missing fewer source characters' worth
}
_MEMBER_GAIN = -0.6  # a group matches its other side this many robust spreads better without the member
_MEMBER_SUPPORT = 0.5  # ... or the other side supports it less than this share of the document's gap
_MEMBER_SHARE = 0.4  # ... and than this share of the support of the group's least supported other member
_MEMBER_SUPPORT_WORDS = 5  # ... (the support test: members of this many words or more)
_MEMBER_UNSEEN_HEAD = 0.3  # ... or this much, when the member is supported no more than the neighbours' sides are
_MEMBER_WORDS = 8  # members shorter than this are left alone (a short remark adds little to a group)
_MEMBER_FIGURE_SHARE = 0.6  # ... or, holding a figure the other side lacks, under this share of the best member's
# TQ501's options weigh the source sentences of a group, TQ502's the target sentences ([tool.tqcheck] options =
# { TQ501 = { member_gain = -0.8 } })
MEMBER_OPTIONS = {"member_words": _MEMBER_WORDS, "member_gain": _MEMBER_GAIN, "member_support": _MEMBER_SUPPORT}


def member_option(doc: DocContext, side: str, name: str) -> Any:
    """Option ``name`` of :data:`MEMBER_OPTIONS` for the sentences of ``side``: TQ501's for the source, TQ502's
    for the target."""
    return doc.option(name, "TQ501" if side == "source" else "TQ502")


def dangling(lang: str) -> frozenset[str]:
    """Words that cannot end a sentence in ``lang`` (conjunctions, prepositions, articles): the ``dangling``
    list of the language profile's ``fluency`` section. In a language written without spaces an entry is
    matched as the end of the text, so only entries that cannot end a longer word are listed there. The
    ``dangling_phrases`` of that section (compound conjunctions and prepositions: "несмотря на то", "such as")
    are matched as the text's last words."""
    fluency = profile(lang).section("fluency")
    return frozenset(w.casefold() for w in (*fluency.get("dangling", ()), *fluency.get("dangling_phrases", ())))


_CONJ = {"en": ("and", "or", "as well as"), "vi": ("và", "hoặc", "cùng"), "de": ("und", "oder"),
         "fr": ("et", "ou"), "es": ("y", "o", "e")}
_END = re.compile(r"\s*[.!?…。]+[\"'”’»)\]]*\s*$")
_DATELINE = re.compile(r"^[\w\s,.'’()-]{0,40}\d{1,2}[/.-]\d{1,2}\b|^\(?[A-Z]{2,}\)?\s*[-–—:]", re.UNICODE)


def _words(text: str) -> list[str]:
    """Words with letters; runs of scripts without spaces count one word per two characters."""
    return surface.words(text)


def is_heading(seg: Segment) -> bool:
    """A heading, caption, credit or dateline: no sentence-final punctuation, or very short."""
    text = seg.text.strip()
    return (not _END.search(text) and len(_words(text)) <= 15) or len(_words(text)) <= 3 or bool(
        _DATELINE.match(text))


def _overlap(a: str, b: str) -> float:
    """Share of ``a``'s word types that also occur in ``b``."""
    wa = {w.casefold() for w in _words(a)}
    wb = {w.casefold() for w in _words(b)}
    return len(wa & wb) / len(wa) if wa else 0.0


_STAGE = re.compile(r"^\s*[(\[][^()\[\]]{1,40}[)\]]\s*[.!?…]*\s*$")  # "(Laughter)", "[Applause]"
_SHORT_WORDS = 4  # an orphan of at most this many words, with no number or name, is an interjection


def is_interjection(seg: Segment) -> bool:
    """A stage direction in brackets, or a short line with no figure or name ("And that's reassuring,
    right?", "Right?"): losing or adding one changes little, and segmentation often leaves one unaligned."""
    text = seg.text.strip()
    if _STAGE.match(text):
        return True
    return len(_words(text)) <= _SHORT_WORDS and not any(c.isdigit() for c in text) and not _caps(text)


def _refine_stats(doc: DocContext, src, tgt):  # noqa: ANN001, ANN202 - tqcheck.align.Side, refine._Stats
    """The refinement's statistics of the document's beads (tqcheck.refine._stats: the sentences' kNN means and
    the 1-1 beads' margins and length ratios), computed once for covers, absorbed, shifted and displaced, which
    each computed the same from the same sentence vectors; None where they would not compute them (fewer
    than two sentences on a side, no bead with both sides)."""
    if not (src.n >= 2 and tgt.n >= 2 and any(b.src and b.tgt for b in doc.beads)):
        return None
    if _refine_stats not in doc.memo:  # (by hand: the sides are the caller's)
        from ..refine import RefineParams, _stats

        doc.memo[_refine_stats] = _stats(src, tgt, list(doc.beads), RefineParams())
    return doc.memo[_refine_stats]


@per_document
def covers(doc: DocContext) -> dict[tuple[str, int], object]:
    """``{(side, sentence): tqcheck.refine.Cover}`` for unaligned sentences, computed once per document with
    the document's embedder (empty without one)."""
    out: dict = {}
    emb = doc.embedder
    if emb is not None and any(not (b.src and b.tgt) for b in doc.beads) and any(b.src and b.tgt for b in doc.beads):
        from ..pipeline import align_side
        from ..refine import covered

        src, tgt = align_side(doc.source.segments, emb), align_side(doc.target.segments, emb)
        out = covered(list(doc.beads), src, tgt, stats=_refine_stats(doc, src, tgt))
    return out


def _orphan_minor(doc: DocContext, side: str, seg: Segment) -> str | None:
    """Why an unaligned sentence is only minor, or None: a heading, a repeat, an interjection, or content
    that the neighbouring bead plausibly renders already (the translator split the sentences elsewhere)."""
    segs = doc.source.segments if side == "source" else doc.target.segments
    if is_heading(seg) or _duplicates_neighbour(segs, seg.index):
        return "a heading, caption or repeated line" if side == "source" else "a heading, dateline or repeated content"
    if is_interjection(seg):
        return "a short interjection or stage direction"
    c = covers(doc).get((side, seg.index))
    if c is not None and c.merged:
        return "possibly merged with the neighbouring sentence"
    if side == "source" and _figures_next_door(doc, seg.index):
        return "its figures stand in the neighbouring sentence's translation"
    if split_quotation(doc, side, (seg.index,)):
        return "part of a quotation that the neighbouring sentence continues"
    return None


def _figures_next_door(doc: DocContext, index: int) -> bool:
    """The source sentence ``index`` is a bead of its own without a target, and its figures (two or more) all
    stand in a neighbouring bead's translation (TQ2xx's analysis): merged with that sentence."""
    from .numbers import figures_next_door

    return any(b.src == (index,) and not b.tgt and figures_next_door(doc, k) for k, b in enumerate(doc.beads))


_QUOTES = frozenset('"“”„«»「」『』‹›')  # (not ' ‘ ’ ‚: apostrophes)


def _open_quotes(text: str) -> bool:
    """``text`` holds an odd number of quotation marks: a quotation opened or closed in another sentence."""
    return sum(ch in _QUOTES for ch in text) % 2 == 1


def split_quotation(doc: DocContext, side: str, indices: tuple[int, ...]) -> bool:
    """The sentences ``indices`` of ``side`` open a quotation that one of the next three sentences closes, or close
    one that a sentence before opens, and a sentence of that quotation is aligned: the translator split a quotation into sentences where
    the other side kept it in one, so the rest of this bead's counterpart is written next door."""
    if not indices:
        return False
    segs = doc.source.segments if side == "source" else doc.target.segments
    aligned = {i for b in doc.beads if b.src and b.tgt for i in (b.src if side == "source" else b.tgt)}
    lo, hi = min(indices), max(indices)
    if not _open_quotes(" ".join(segs[i].text for i in range(lo, hi + 1))):
        return False
    for step, start in ((-1, lo - 1), (1, hi + 1)):  # the sentence that closes (opens) it, up to three away
        run = [j for j in range(start, start + 3 * step, step) if 0 <= j < len(segs)]
        for n, j in enumerate(run):
            if _open_quotes(segs[j].text):
                if any(k in aligned for k in run[:n + 1]):
                    return True
                break
    return False


def _duplicates_neighbour(segs: tuple[Segment, ...], index: int, width: int = 2) -> bool:
    seg = segs[index]
    for j in range(max(0, index - width), min(len(segs), index + width + 1)):
        if j != index and _overlap(seg.text, segs[j].text) >= 0.6:
            return True
    return False


@rule("TQ501", "sentence-omitted", Severity.MAJOR, options=MEMBER_OPTIONS)
def sentence_omitted(ctx: BeadContext) -> Iterator[Hit]:
    """A source sentence has no translation.

    What: Reports every source sentence that the aligner could not pair with any target sentence (a 1-0
    bead). A heading, caption, credit or dateline, a sentence that repeats a neighbouring one, a short
    interjection or bracketed stage direction (four words or fewer, no figure or name), or a sentence that
    the neighbouring bead plausibly renders already (adding it to that bead keeps the bead's meaning score
    in the document's usual range and its length ratio no less usual: tqcheck.refine.covered), or whose
    figures (two or more) all stand, unmatched, in a neighbouring sentence's translation (the translator
    joined the two sentences) is only minor.
    A source sentence inside a group of sentences aligned together whose translation is far shorter than usual,
    and of usual length without that sentence (the one the translation renders least), is reported as minor: a
    translation without sentence boundaries hides a dropped sentence inside such a group (tqcheck.refine.absorbed).
    A source sentence paired 1-1 with a target sentence that matches it poorly for the document (robust z of
    the bead's score at or below -2) and renders the source sentence before or after it better is reported as
    minor too: a dropped sentence next to a sentence the translator split in two gets paired with half of the
    neighbour's translation (tqcheck.refine.shifted).
    A source sentence of eight words or more inside such a group whose translation matches the group better
    without it (by 0.6 robust spreads of the document's bead similarities) and renders it less than the
    group's other sentences is reported as minor: the length may stay usual when the translator's sentence
    boundaries differ, and only the meaning shows the gap. So is one of five words or more that the
    translation supports barely more than the translations of the five beads each side do (under 0.5 of
    the document's gap between right and wrong sentence pairs, and under 0.4 of the best supported other
    sentence of the group, which itself is supported 0.5 or more, or 0.3 or more when the sentence is supported
    no more than by those neighbours' translations, 0 or less): a sentence on the same topic moves the
    group's similarity too little to show. A sentence that holds a figure with no counterpart in the
    translation (TQ202's analysis) is reported under 0.6 of the best supported other sentence, when the
    translation also matches it less than the rest of its group: the figure went with it. The finding says which
    of these it rests on.
    A sentence inside one source segment (the splitter keeps a quotation of several sentences whole in English:
    "The mayor said: \"We waited ten years. Now every child has a place to read.\"") is weighed the same way
    against the other sentences of its segment, when the bead's translation is shorter than usual (by 0.9) and
    matches the segment without that sentence better than the whole: the one the translation renders least is
    reported, on the source, when the bead is under 65% of the usual length and of usual length without it, or
    when the translation supports it as little as above (tqcheck.checks.held); minor, major when it holds a
    figure with no counterpart or a name that the translation writes elsewhere but not here. Where capitals mark
    names, a segment is also cut where a heading without its full stop runs into the next sentence: before a
    title-case word right after a word ending in lower case and before a lower-case word, that the document
    writes in lower case elsewhere, with at most one capitalised word among the three before it and not after a
    word that cannot end a sentence (the profile's ``dangling`` words) ("... near the city of Oslo And the police
    said ...").
    The mirror: the start of a source sentence up to a title-case word right after a lower-case word (a heading
    without its full stop run into the sentence after it) is reported as minor when the bead's translation is far
    shorter than usual (by 1/1.4), matches the source without that start better than the whole by half a robust
    spread of the document's bead similarities, supports the start under 0.5 of the document's gap between right
    and wrong sentence pairs and the rest 0.5 or more, and no target sentence next to the bead with room for it
    supports the start 0.3 (tqcheck.checks.runin; in a language that capitalises every noun, German, the seam is
    a capitalised word that the document also writes in lower case; none in scripts without letter case).
    Why: Whole sentences disappear in machine translation of long documents and in hurried editing; nothing
    in the translation shows the gap. MQM: Accuracy / Omission, major.
    Example: source "Minh thanked the Russian Foreign Ministry. Both sides praised the ties." -> target
    "Hai bên đánh giá cao quan hệ." (the first sentence is not translated).
    Fix: Translate the sentence (the source text is quoted in the finding) or check the alignment.
    """
    lost_start = dropped_starts(ctx.doc).get(ctx.index) if ctx.bead.src and ctx.bead.tgt else None
    if lost_start is not None:
        j, end, gain = lost_start
        text = ctx.doc.source.segments[j].text
        end = len(text[:end].rstrip())
        yield Hit("source", j, 0, end, f"the start of this source sentence ('{text[:end][:80]}') seems not "
                  f"translated: the translation matches the sentence better without it ({gain:.1f} spreads of this "
                  "document's similarities) and is far shorter than usual; a heading without its full stop may "
                  "have run into the sentence", severity=Severity.MINOR, suggestion=None)
    if len(ctx.bead.src) >= 2 and ctx.bead.tgt:
        lost = absorbed(ctx.doc)
        alone = member_reasons(ctx.doc)
        for seg in ctx.src_segments:
            if is_heading(seg) or is_interjection(seg):
                continue
            if seg.index in lost:
                yield Hit("source", seg.index, 0, len(seg.text), "this source sentence may not be translated: "
                          "the translation of its group of sentences is far shorter than usual, and is of usual "
                          "length without it", severity=Severity.MINOR, suggestion=None)
            elif ("source", seg.index) in alone:
                yield Hit("source", seg.index, 0, len(seg.text), "this source sentence may not be translated: "
                          + _SOURCE_MEMBER_WHY[alone[("source", seg.index)]],
                          severity=Severity.MINOR, suggestion=None)
        return
    if len(ctx.bead.src) == 1 and ctx.bead.tgt:
        yield from _held_hits(ctx)
    if len(ctx.bead.src) == 1 and len(ctx.bead.tgt) == 1:
        seg = ctx.src_segments[0]
        k = shifted(ctx.doc).get(seg.index)
        if k is not None and not is_heading(seg) and not is_interjection(seg):
            yield Hit("source", seg.index, 0, len(seg.text), "this source sentence may not be translated: the "
                      "sentence it is paired with matches it poorly and renders source sentence "
                      f"{k + 1} better", severity=Severity.MINOR, suggestion=None)
        return
    if ctx.bead.tgt or not ctx.bead.src:
        return
    for seg in ctx.src_segments:
        minor = _orphan_minor(ctx.doc, "source", seg)
        yield Hit("source", seg.index, 0, len(seg.text), "this source sentence is not translated"
                  + (f" ({minor})" if minor else ""),
                  severity=Severity.MINOR if minor else None, suggestion=None)


def _held_hits(ctx: BeadContext) -> Iterator[Hit]:
    """TQ501's findings for the sentences inside the bead's one source segment that its translation leaves out
    (:func:`tqcheck.checks.held.held_members`): minor, major when the sentence holds a figure with no
    counterpart or a name that the translation writes elsewhere but not here (:func:`_lost_in`)."""
    from .held import held_members

    seg = ctx.src_segments[0]
    for start, end in held_members(ctx.doc).get(seg.index, []):
        why = _lost_in(ctx, seg.text[start:end])
        yield Hit("source", seg.index, start, end, "this sentence inside a longer source segment may not be "
                  "translated: the translation renders the segment's other sentences but not this one"
                  + (f", and {why}" if why else ""), severity=None if why else Severity.MINOR, suggestion=None)


@rule("TQ502", "sentence-added", Severity.MAJOR, options=MEMBER_OPTIONS)
def sentence_added(ctx: BeadContext) -> Iterator[Hit]:
    """A target sentence has no source.

    What: Reports every target sentence that the aligner could not pair with any source sentence (a 0-1
    bead). A heading or dateline, a sentence that mostly repeats a neighbouring target sentence, a short
    interjection or bracketed stage direction, a sentence whose content the neighbouring bead's source
    plausibly covers (as for TQ501), or part of a quotation that an aligned sentence next to it continues (its
    quotation marks are unbalanced, and so are that sentence's: the quotation was split into sentences) is only
    minor.
    A target sentence of eight words or more aligned together with others whose group matches its source
    better without it (by 0.6 robust spreads of the document's bead similarities), and which the source
    renders less than the rest of its group, is reported as minor: an addition absorbed into a neighbour's
    group. So is one of five words or more that the source supports barely more than the sources of the five
    beads each side do (under 0.5 of the document's gap between right and wrong sentence pairs, and under 0.4
    of the best supported other sentence of the group, itself supported 0.5 or more, or 0.3 or more when the
    sentence is supported 0 or less): an added sentence on
    the same topic moves the group's similarity too little to show. One that holds a figure with no
    counterpart in the source (TQ203's analysis) is reported under 0.6 of the best supported other sentence,
    when the source also matches it less than the rest of its group: an added sentence brings its own figures.
    A sentence of eight words or more inside a longer target segment (a quotation the splitter keeps whole) that
    the source renders less than the segment's other sentences, in a bead longer than usual (by 1.1), is minor
    too (tqcheck.checks.heldadd, the mirror of TQ501's held sentences).
    The start of a target sentence up to a title-case word right after a lower-case word (a sentence without its
    full stop run into the next one: "... a city in mourning Police said on Monday ..."; not after a word that
    cannot end a sentence, the profile's ``dangling`` words, nor after a sentence end) is reported as minor
    when the bead is far longer than usual (by 1.4), the source matches the bead's target without that start
    better than the whole by half a robust spread of the document's bead similarities, supports the start under
    0.3 of the document's gap between right and wrong sentence pairs and the rest 0.5 or more
    (tqcheck.checks.runin; not in scripts without letter case, nor at the Latin words of a language written
    without spaces). Likewise the end of a bead's last target sentence after a comma (or semicolon, colon, dash;
    four words or more each side), in a bead far longer than usual (1.4), when the source matches the bead
    without it better by half a spread, supports it under 0.3 and the rest 0.5 or more, and neither neighbouring
    bead's source supports it 0.3: text from elsewhere run on after a comma (minor). So is the end of any target
    sentence of such a bead after a seam (six words or more: a sentence pasted after a heading that lost its
    full stop, "... empezarán en primavera Un club de fútbol ..."; in German at a capitalised word the document
    also writes in lower case) that no source sentence of the document supports 0.5.
    Why: Machine translation (and pivot translation especially) invents sentences: summaries, restated
    context, boilerplate. They state things the author did not say. MQM: Accuracy / Addition, major.
    Example: source "The ministers met in Moscow." -> target "Hai bộ trưởng gặp nhau tại Moscow. Hai bên
    bày tỏ vui mừng về quan hệ." (the second sentence has no source).
    Fix: Delete the sentence, or find the source text it should translate.
    """
    glued = run_in(ctx.doc).get(ctx.index) if ctx.bead.src and ctx.bead.tgt else None
    if glued is not None:
        j, end, gain = glued
        text = ctx.doc.target.segments[j].text
        end = len(text[:end].rstrip())
        yield Hit("target", j, 0, end, f"the start of this sentence ('{text[:end][:80]}') has no counterpart in "
                  f"the source, which matches the sentence better without it ({gain:.1f} spreads of this document's "
                  "similarities): a sentence without its full stop seems added and run into this one",
                  severity=Severity.MINOR)
    ended = added_ends(ctx.doc).get(ctx.index) if ctx.bead.src and ctx.bead.tgt else None
    if ended is not None:
        j, start, gain, seam = ended
        text = ctx.doc.target.segments[j].text
        yield Hit("target", j, start, len(text.rstrip()), f"the end of this sentence ('{text[start:][:80]}') has no "
                  f"counterpart in the source, which matches the sentence better without it ({gain:.1f} spreads of "
                  "this document's similarities): text from elsewhere seems run on "
                  + ("after a sentence without its full stop" if seam else "after a comma"),
                  severity=Severity.MINOR)
    if ctx.bead.src and len(ctx.bead.tgt) >= 2:
        alone = member_reasons(ctx.doc)
        for seg in ctx.tgt_segments:
            if ("target", seg.index) in alone and not is_heading(seg) and not is_interjection(seg):
                yield Hit("target", seg.index, 0, len(seg.text), "this sentence may have no counterpart in the "
                          "source: " + _TARGET_MEMBER_WHY[alone[("target", seg.index)]],
                          severity=Severity.MINOR)
        return
    if ctx.bead.src and len(ctx.bead.tgt) == 1:
        from .heldadd import held_additions

        seg = ctx.tgt_segments[0]
        span = held_additions(ctx.doc).get(seg.index)
        if span is not None:
            yield Hit("target", seg.index, span[0], span[1], "this sentence inside a longer target segment may have "
                      "no counterpart in the source: the source renders the segment's other sentences but not this "
                      "one", severity=Severity.MINOR)
    if ctx.bead.src or not ctx.bead.tgt:
        return
    moved = displaced(ctx.doc)
    for seg in ctx.tgt_segments:
        minor = _orphan_minor(ctx.doc, "target", seg)
        like = ctx.doc.source.segments[moved[seg.index]] if seg.index in moved else None
        yield Hit("target", seg.index, 0, len(seg.text), "this sentence has no counterpart in the source"
                  + (f" ({minor})" if minor else "")
                  + (f"; it resembles source sentence {like.index + 1}: a translation out of order?" if like else ""),
                  severity=Severity.MINOR if minor else None, evidence=like.text if like else None)


def unsupported_members(doc: DocContext) -> set[tuple[str, int]]:
    """``{(side, sentence)}`` for a sentence of a many-to-one bead that its bead's other side does not render
    (:func:`member_reasons`, which also says why)."""
    return set(member_reasons(doc))


# why a member of a group seems unrendered (member_reasons): the group matches the other side better without it;
# the other side barely supports it; it holds a figure the other side lacks
MEMBER_WHY = ("gain", "support", "figure")


@per_document
def member_reasons(doc: DocContext) -> dict[tuple[str, int], str]:
    """``{(side, sentence): why}`` (one of :data:`MEMBER_WHY`) for a sentence of a many-to-one bead that its bead's
    other side does not render.

    When the translation's sentence boundaries differ from the source's (or are missing), the aligner
    absorbs an untranslated source sentence, or an added target sentence, into a neighbouring group, and no
    unaligned sentence shows the loss; when the length stays usual, neither does the length. A member the
    other side renders makes the group closer to it; one it does not render pulls the group away. So each
    member of a group of two or more sentences is taken out in turn (the rest joined and embedded) and
    reported when the group without it is closer to the other side by ``member_gain`` robust spreads of the
    document's bead similarities or more, it has ``member_words`` words or more, and the other side matches it
    less than the rest of its group on average. An added or dropped sentence on the same topic as its group
    moves the group's similarity little, so a member is also reported when the other side *supports* it
    (:func:`_support_scale`) under ``member_support`` and under ``_MEMBER_SHARE`` of the best supported other
    member, which is itself supported ``_SUPPORT_HEAD`` or more (``_MEMBER_UNSEEN_HEAD`` when the member's own
    support is 0 or less: the other side renders it no more than its neighbours' sides do); and under ``_MEMBER_FIGURE_SHARE`` of it when
    it holds a figure the other side lacks (:func:`_lone_figures`) and the other side matches it less than the
    rest of its group. The document's own spread and gap are the scales; no fixed cosine."""
    out: dict[tuple[str, int], str] = {}
    emb = doc.embedder
    c = _cosines(doc)
    groups = []
    for b, bead in enumerate(doc.beads):
        if not (bead.src and bead.tgt):
            continue
        for side, mine, other in (("source", bead.src, bead.tgt), ("target", bead.tgt, bead.src)):
            segs = doc.source.segments if side == "source" else doc.target.segments
            osegs = doc.target.segments if side == "source" else doc.source.segments
            if len(mine) >= 2 and any(len(_words(segs[x].text)) >= member_option(doc, side, "member_words")
                                      for x in mine):
                groups.append((side, mine, " ".join(segs[x].text for x in mine),
                               " ".join(osegs[y].text for y in other), [segs[x].text for x in mine], b))
    if emb is not None and c is not None and groups:
        spread = c[2]
        order, sv, tv, near, gap = _support_scale(doc)
        pos = {b: a for a, b in enumerate(order)}
        unsure: list[tuple[str, int, object, float, list[str]]] = []
        texts = []
        for side, mine, whole, other, parts, _ in groups:
            texts += [whole, other, *parts]
            texts += [" ".join(p for k, p in enumerate(parts) if k != m) for m in range(len(parts))]
        v = _unit(emb.encode(texts))
        k = 0
        for side, mine, whole, other, parts, b in groups:
            n = len(parts)
            vw, vo, vp, vr = v[k], v[k + 1], v[k + 2:k + 2 + n], v[k + 2 + n:k + 2 + 2 * n]
            k += 2 + 2 * n
            full = float(vw @ vo)
            own = vp @ vo
            a = pos.get(b)
            others = (tv if side == "source" else sv)[near[a]] if a is not None and near[a] and gap > 0 else None
            # support of each member by the bead's other side, against the other sides of the neighbours
            sup = (own - (vp @ others.T).mean(axis=1)) / gap if others is not None else None
            lone = _lone_figures(doc, b, side, parts)
            min_words, min_gain, min_support = (member_option(doc, side, k) for k in MEMBER_OPTIONS)
            for m, x in enumerate(mine):
                size = len(_words(parts[m]))
                gain = (full - float(vr[m] @ vo)) / spread
                rest = float((own.sum() - own[m]) / (n - 1))
                if size >= min_words and gain <= min_gain and float(own[m]) < rest:
                    out[(side, x)] = "gain"
                elif size >= _MEMBER_SUPPORT_WORDS and m in lone and sup is not None and float(own[m]) < rest \
                        and _SUPPORT_HEAD <= (best := max(float(sup[j]) for j in range(n) if j != m)) \
                        and sup[m] < _MEMBER_FIGURE_SHARE * best:
                    out[(side, x)] = "figure"  # it holds a figure the other side lacks, and is rendered less
                elif size >= _MEMBER_SUPPORT_WORDS and sup is not None \
                        and (_SUPPORT_HEAD <= (best := max(float(sup[j]) for j in range(n) if j != m))
                             or (sup[m] <= 0 and _MEMBER_UNSEEN_HEAD <= best)) \
                        and sup[m] < min(min_support, _MEMBER_SHARE * best):
                    # it barely more than shares the topic, while the group is rendered; unless it renders one
                    # clause of the other side (a sentence split in two: the short half renders its last clause)
                    base = float((vp[m] @ others.T).mean())
                    unsure.append((side, x, vp[m], base, _clauses(other)))
        if unsure:
            cv = _unit(emb.encode([cl for *_, cls in unsure for cl in cls])) if any(cls for *_, cls in unsure) else None
            k = 0
            for side, x, vm, base, cls in unsure:
                best_clause = max(((float(vm @ cv[k + j]) - base) / gap for j in range(len(cls))), default=-1.0)
                k += len(cls)
                if best_clause < member_option(doc, side, "member_support"):
                    out[(side, x)] = "support"
    return out


_SOURCE_MEMBER_WHY = {
    "gain": "the translation of its group of sentences matches the group better without it",
    "support": "the translation renders the other sentences of its group, this one barely more than its neighbours' "
               "translations do",
    "figure": "the translation renders the other sentences of its group better, and not this one's figure",
}
_TARGET_MEMBER_WHY = {
    "gain": "its group of sentences matches its source better without it",
    "support": "the source renders the other sentences of its group, this one barely more than its neighbours' "
               "sources do",
    "figure": "the source renders the other sentences of its group better, and not this one's figure",
}


def _lone_figures(doc: DocContext, b: int, side: str, parts: list[str]) -> set[int]:
    """The members of bead ``b``'s group on ``side`` (its sentences ``parts``, joined by spaces as the bead's text
    is) that hold a figure with no counterpart on the other side of the bead or its neighbours (TQ202/TQ203's
    analysis; a figure that analysis finds only weakly missing or added does not count): an added sentence
    brings its own figures, and a dropped one takes its figures with it."""
    from .numbers import analyse

    kind = "added" if side == "target" else "missing"
    starts, pos = [], 0
    for p in parts:
        starts.append(pos)
        pos += len(p) + 1
    out: set[int] = set()
    for issue in analyse(doc).get(b, []):
        q = issue.tgt if kind == "added" else issue.src
        if issue.kind != kind or q is None or issue.severity is Severity.MINOR or q.soft:
            continue
        out.add(max(m for m, s in enumerate(starts) if s <= q.start))
    return out


def _clauses(text: str) -> list[str]:
    """The clauses of a text (cut at sentence ends, commas, semicolons, colons and dashes) of at least
    ``_TAIL_WORDS`` words, and the tails :func:`_tail_cuts` cuts: what a sentence split off by a translator
    can render on its own."""
    parts = [p.strip() for p in re.split(r"(?<=[.!?。！？])\s*|[,;:，；：、]|\s[-–—]\s", text)]
    out = [p for p in parts if len(_words(p)) >= _TAIL_WORDS]
    out += [t for _, t in _tail_cuts(text) if t not in out]
    return out


@per_document
def absorbed(doc: DocContext) -> dict[int, float]:
    """``{source sentence: length z}`` for sentences that a many-to-one bead's translation seems to leave out
    (tqcheck.refine.absorbed), computed once per document with the document's embedder (empty without one)."""
    out: dict[int, float] = {}
    emb = doc.embedder
    if emb is not None and any(len(b.src) >= 2 and b.tgt for b in doc.beads):
        from ..pipeline import align_side
        from ..refine import absorbed as find

        src, tgt = align_side(doc.source.segments, emb), align_side(doc.target.segments, emb)
        out = find(list(doc.beads), src, tgt, stats=_refine_stats(doc, src, tgt))
    return out


@per_document
def shifted(doc: DocContext) -> dict[int, int]:
    """``{source sentence: neighbouring source sentence}`` for weak 1-1 beads whose target renders the
    neighbour better (tqcheck.refine.shifted), computed once per document with the document's embedder."""
    out: dict[int, int] = {}
    emb = doc.embedder
    if emb is not None and any(len(b.src) == 1 and len(b.tgt) == 1 for b in doc.beads):
        from ..pipeline import align_side
        from ..refine import shifted as find

        src, tgt = align_side(doc.source.segments, emb), align_side(doc.target.segments, emb)
        out = find(list(doc.beads), src, tgt, stats=_refine_stats(doc, src, tgt))
    return out


def _displaced_params(doc: DocContext):  # noqa: ANN202 - tqcheck.refine.RefineParams
    """The refinement's settings with TQ506's options (``outlier_z``, ``min_gain``) in place of its own."""
    from ..refine import RefineParams

    return dataclasses.replace(RefineParams(), outlier=float(doc.option("outlier_z", "TQ506")),
                               displaced=float(doc.option("min_gain", "TQ506")))


def displaced(doc: DocContext) -> dict[int, int]:
    """``{target sentence: source sentence}`` it matches much better than its own bead (tqcheck.refine):
    from the pipeline's refined alignment, or computed here with the document's embedder. Where a user set
    TQ506's options to other values than the refinement's own, computed here with them."""
    from ..refine import RefineParams

    params = _displaced_params(doc)
    own = params == RefineParams()
    if doc.displaced is None or not own:
        if not own and _displaced_params in doc.memo:
            return doc.memo[_displaced_params]
        out: dict[int, int] = {}
        emb = doc.embedder
        if emb is not None and any(b.src and b.tgt for b in doc.beads):
            from ..pipeline import align_side
            from ..refine import displaced as find

            src, tgt = align_side(doc.source.segments, emb), align_side(doc.target.segments, emb)
            out = find(list(doc.beads), src, tgt, params, stats=_refine_stats(doc, src, tgt))
        if not own:
            doc.memo[_displaced_params] = out
            return out
        doc.displaced = out
    return doc.displaced


@rule("TQ506", "sentence-out-of-order", Severity.MAJOR, options={"outlier_z": -2.5, "min_gain": 0.5})
def sentence_out_of_order(ctx: BeadContext) -> Iterator[Hit]:
    """A translated sentence matches another source sentence far better than its own: reordered or added.

    What: Reports a 1-1 bead whose meaning similarity is an outlier for the document (a robust z-score of
    -2.5 or less against the document's 1-1 beads: option `outlier_z`) while its target sentence matches a
    nearby source sentence much better (by half the document's gap between right and wrong pairs: option
    `min_gain`). The aligner keeps
    sentences in order, so a translation moved elsewhere, or an invented sentence standing where an
    untranslated one was, ends up paired with the wrong source.
    Why: Machine translation reorders and invents sentences; a monotone alignment then silently pairs
    unrelated sentences, hiding both an addition and an omission. MQM: Accuracy / Addition or Omission.
    Example: source "He briefed his host on the plans. Both sides praised the ties." -> target "Hai bên đã
    trao đổi quan điểm về khu vực. ..." (the first target sentence renders neither source sentence).
    Fix: Check that the source sentence is translated, and move or delete the target sentence.
    """
    if len(ctx.bead.src) != 1 or len(ctx.bead.tgt) != 1:
        return
    seg = ctx.tgt_segments[0]
    i = displaced(ctx.doc).get(seg.index)
    if i is None:
        return
    other = ctx.doc.source.segments[i]
    yield Hit("target", seg.index, 0, len(seg.text), f"this sentence matches source sentence {i + 1} much "
              f"better than source sentence {ctx.bead.src[0] + 1}, which it is aligned with: it seems out of "
              "order, or added while its own source was left untranslated", evidence=other.text)


@per_document
def length_ratios(doc: DocContext) -> tuple[float, float]:
    """Median and robust spread (1.4826 MAD) of log(target/source length) over the document's beads."""
    logs = []
    for b in doc.beads:
        s = sum(surface.length(doc.source.segments[i].text) for i in b.src)
        t = sum(surface.length(doc.target.segments[j].text) for j in b.tgt)
        if s >= 20 and t > 0:
            logs.append(math.log(t / s))
    if len(logs) < _MIN_BEADS:
        out = (_script_prior(doc), 0.25)
    else:
        med = statistics.median(logs)
        out = (med, 1.4826 * statistics.median(abs(x - med) for x in logs))
    return out


def _script_prior(doc: DocContext) -> float:
    """log of the length ratio that equal content gives when the two sides are written in scripts with and without
    spaces (a document too short for its own statistics): each side's characters against its length counted in
    spaced characters (:func:`_spaced_length`, a Chinese or Japanese character as 2.5). 0.0 for two spaced scripts;
    about log(0.4) from English into Japanese, whose sentence of 45 characters renders one of 100."""
    src = " ".join(s.text for s in doc.source.segments)
    tgt = " ".join(s.text for s in doc.target.segments)
    raw_s, raw_t = surface.length(src), surface.length(tgt)
    spaced_s, spaced_t = _spaced_length(src), _spaced_length(tgt)
    if not (raw_s and raw_t and spaced_s and spaced_t):
        return 0.0
    return math.log((raw_t / spaced_t) / (raw_s / spaced_s))


def short_ratio(ctx: BeadContext) -> float | None:
    """This bead's length ratio divided by the document's usual ratio (None when a side is empty/short).
    Lengths count characters without whitespace, so that languages with and without spaces compare."""
    s, t = surface.length(ctx.src_text), surface.length(ctx.tgt_text)
    if s < 20 or not t:
        return None
    med, _ = length_ratios(ctx.doc)
    return (t / s) / math.exp(med)


@rule("TQ503", "partial-omission", Severity.MAJOR, options=PARTIAL_OPTIONS)
def partial_omission(ctx: BeadContext) -> Iterator[Hit]:
    """A translated sentence is far shorter than its source.

    What: Compares each bead's target/source length ratio with the document's own median ratio (so the usual
    expansion of the language pair is learnt from the text itself; a document of fewer than four sentences takes
    the ratio its two scripts give for equal content instead) and reports a bead whose translation is
    less than half as long as expected (with spread-based leeway for documents whose ratios vary a lot) as
    major when there is evidence that content is lost (a source figure with no counterpart, a source name
    that the translation writes elsewhere but not here, a target that matches only a head of the source or
    does not render the source's last clause (TQ508's analyses), or a meaning similarity two robust spreads
    below the document's median), and as minor otherwise (condensed
    subtitles and interpreting are normal) or when the target sentence next to the bead carries the rest
    (its own bead is clearly long, and joined to this one it brings it closer to the source) or closes a
    quotation that the bead opens (a quotation split into sentences where the source keeps one); a bead less
    than 65% as long is minor (unless TQ508 finds which clause is missing). In every case at least 40 source
    characters' worth must be missing, and sources under 55 characters are skipped (a character of a script
    written without spaces counts 2.5, the share of a word it stands for). Whitespace is not counted, so
    languages without spaces compare.
    Why: A sentence translated only in part (a clause, a list or an amount dropped) still aligns, so only its
    length shows the loss. MQM: Accuracy / Omission, major with corroborating evidence, else minor.
    Example: source "Trade hit US$2.2 billion, and both sides aim to lift it to US$10 billion by 2020 through
    the free trade agreement." -> target "Thương mại đạt 2,2 tỷ USD."
    Fix: Compare the sentence with its source and translate what is missing.
    """
    ratio = short_ratio(ctx)
    src_len = _spaced_length(ctx.src_text)
    if ratio is None or src_len < ctx.option("min_source_chars", "TQ503") or src_len * (1 - ratio) < ctx.option("min_lost_chars", "TQ503"):
        return
    seg = ctx.tgt_segments[-1]
    msg = f"the translation is {ratio:.0%} of the length this document's translations usually have"
    if _partial_major(ctx, ratio):
        why = None if rendered_next_door(ctx) or split_quotation(ctx.doc, "target", tuple(ctx.bead.tgt)) \
            else missing_evidence(ctx)
        if why:
            yield Hit("target", seg.index, 0, len(seg.text), f"{msg} and {why}: part of the source seems missing",
                      evidence=ctx.src_text)
            return
        yield Hit("target", seg.index, 0, len(seg.text), f"{msg}: part of the source may be missing, or the "
                  "translation condenses it (no figure, name or clause is clearly lost)", severity=Severity.MINOR,
                  evidence=ctx.src_text)
    elif ratio < ctx.option("minor_ratio", "TQ503") and ctx.index not in missing_tails(ctx.doc) \
            and _unrendered_end(ctx) is None:  # TQ508 says more
        yield Hit("target", seg.index, 0, len(seg.text), f"{msg}: part of the source may be missing",
                  severity=Severity.MINOR, evidence=ctx.src_text)


_LATIN_WORD = 5.0  # characters (without spaces) of an average word in a script written with spaces


def _spaced_length(text: str) -> float:
    """Characters without whitespace, a character of a script written without spaces counting as much as
    the share of a spaced word it stands for (``_LATIN_WORD / surface.CHARS_PER_WORD``): "40 characters'
    worth" of Chinese or Japanese is then as much content as of English, not three times as much."""
    unspaced = len(surface.UNSPACED.findall(text))
    return surface.length(text) + unspaced * (_LATIN_WORD / surface.CHARS_PER_WORD - 1.0)


def missing_evidence(ctx: BeadContext) -> str | None:
    """Evidence beyond length that a short translation lost content, or None (condensed, not lost).

    A source figure with no counterpart in the bead or its neighbours (TQ202's analysis); a name that the
    translation writes elsewhere in the document but not in this bead or the target sentences next to it; a
    target that matches a head of the source better than the whole, or that does not support the source's
    last clause (TQ508's analyses); or a bead whose meaning similarity is far below the document's usual
    level. Subtitles and interpreters condense: a short
    translation that keeps every figure and name and means the same is not reported at major."""
    from .numbers import analyse

    lost = [i.src.text for i in analyse(ctx.doc).get(ctx.index, []) if i.kind == "missing" and i.src]
    if lost:
        return f"the source's '{lost[0]}' has no counterpart"
    names = lost_names(ctx)
    if names:
        return f"the source's {', '.join(names[:3])} {'is' if len(names) == 1 else 'are'} not in it"
    if ctx.index in missing_tails(ctx.doc):
        return "it matches only the first part of the source"
    weak = unsupported_tails(ctx.doc).get(ctx.index)
    if weak is not None and _at_end(ctx.src_text, weak[1]):  # (a clause from the middle is weaker evidence)
        return f"nothing in it renders the end of the source ('{weak[1][:60]}')"
    z = similarity_z(ctx.doc).get(ctx.index)
    if z is not None and z <= ctx.option("weak_z", "TQ503"):
        return f"its meaning similarity is low for this document (z={z:.1f})"
    return None


@per_document
def _tgt_owner(doc: DocContext) -> dict[int, int]:
    """``{target sentence: bead}``, once per document."""
    return {j: b for b, bead in enumerate(doc.beads) for j in bead.tgt}


def near_tokens(ctx: BeadContext, width: int = 1) -> set[str]:
    """Folded words of the bead's target, plus those of the ``width`` target sentences before and after it
    that the neighbour's own source does not account for (a name there that its own source lacks was most
    likely moved across a sentence boundary by the translator)."""
    segs, owner = ctx.doc.target.segments, _tgt_owner(ctx.doc)
    out = set(_folded_tokens(ctx.tgt_text))
    if not ctx.bead.tgt:
        return out
    lo, hi = max(0, min(ctx.bead.tgt) - width), min(len(segs), max(ctx.bead.tgt) + width + 1)
    for j in range(lo, hi):
        if j in ctx.bead.tgt:
            continue
        nb = ctx.doc.beads[owner[j]] if j in owner else None
        own = _folded_tokens(" ".join(ctx.doc.source.segments[i].text for i in nb.src)) if nb else set()
        out |= _folded_tokens(segs[j].text) - own
    return out


def lost_names(ctx: BeadContext) -> list[str]:
    """Capitalised source words that the translation keeps as written elsewhere in the document (so they
    would be written the same here) but not in this bead or the target sentences next to it."""
    known = target_names(ctx.doc)
    near = near_tokens(ctx)
    out = []
    for w in _caps(ctx.src_text):
        f = _fold(w)
        if len(f) >= 3 and f in known and f not in near and w not in out:
            out.append(w)
    return out


@per_document
def _bead_vectors(doc: DocContext) -> tuple[list[int], Any, Any] | None:
    """(bead order, source vectors, target vectors), unit length, of the beads with both sides, or None
    without an encoder or with fewer than ``_MIN_BEADS`` such beads (once per document; the bead texts are
    the ones the aligner embedded, so the vectors are cached)."""
    emb = doc.embedder
    pairs = [(b, " ".join(doc.source.segments[i].text for i in bead.src),
              " ".join(doc.target.segments[j].text for j in bead.tgt))
             for b, bead in enumerate(doc.beads) if bead.src and bead.tgt]
    if emb is None or len(pairs) < _MIN_BEADS:
        return None
    vecs = _unit(emb.encode([x for _, s, t in pairs for x in (s, t)]))
    return [b for b, _, _ in pairs], vecs[0::2], vecs[1::2]


@per_document
def _cosines(doc: DocContext) -> tuple[dict[int, float], float, float] | None:
    """Encoder cosine of each bead with both sides, the document's median and robust spread (once per
    document, from :func:`_bead_vectors`)."""
    vecs = _bead_vectors(doc)
    if vecs is None:
        return None
    order, sv, tv = vecs
    cos = (sv * tv).sum(axis=1)
    mid = float(statistics.median(cos))
    spread = max(1.4826 * float(statistics.median(abs(c - mid) for c in cos)), 1e-3)
    return {b: float(c) for b, c in zip(order, cos)}, mid, spread


def similarity_z(doc: DocContext) -> dict[int, float]:
    """Robust z of each bead's encoder cosine against the document's beads (empty without an embedder)."""
    c = _cosines(doc)
    if c is None:
        return {}
    full, mid, spread = c
    return {b: (v - mid) / spread for b, v in full.items()}


_LONG_NEIGHBOUR = 1.25  # a neighbour that carries the rest is this much longer than the document's usual ratio


def long_neighbours(ctx: BeadContext) -> list[int]:
    """The target sentences just before and after the bead whose own bead is clearly longer than the
    document's usual ratio (or that have no source): where a short bead's missing length may have gone when
    the translator split or joined sentences elsewhere than the source did."""
    if not ctx.bead.tgt:
        return []
    segs, owner = ctx.doc.target.segments, _tgt_owner(ctx.doc)
    out = []
    for j in (min(ctx.bead.tgt) - 1, max(ctx.bead.tgt) + 1):
        if not 0 <= j < len(segs) or j not in owner:
            continue
        n = owner[j]
        ratio = short_ratio(BeadContext(ctx.doc, n, ctx.doc.beads[n])) if ctx.doc.beads[n].src else None
        if ratio is None or ratio >= _LONG_NEIGHBOUR:
            out.append(j)
    return out


def rendered_next_door(ctx: BeadContext) -> bool:
    """Whether a target sentence just before or after the bead carries the rest of its source: its own bead
    is clearly longer than usual (the lost length went there), and joined to this bead it brings the bead
    closer to its whole source (by half a spread of the document's similarities). The translator split or
    joined sentences elsewhere than the source, and the aligner paired the part with a neighbour."""
    c = _cosines(ctx.doc)
    emb = ctx.doc.embedder
    near = long_neighbours(ctx)
    if c is None or emb is None or ctx.index not in c[0] or not near:
        return False
    segs, lo = ctx.doc.target.segments, min(ctx.bead.tgt)
    texts = [segs[j].text + " " + ctx.tgt_text if j < lo else ctx.tgt_text + " " + segs[j].text for j in near]
    v = _unit(emb.encode([ctx.src_text, *texts]))
    return bool(((v[1:] @ v[0]) - c[0][ctx.index]).max() >= 0.5 * c[2])


def _partial_major(ctx: BeadContext, ratio: float) -> bool:
    """TQ503's major tier: less than half the usual length (less still in documents whose ratios vary)."""
    _, spread = length_ratios(ctx.doc)
    return ratio < min(ctx.option("major_ratio", "TQ503"), math.exp(-3.5 * spread))


def _last_word(text: str, stops: frozenset[str] = frozenset()) -> tuple[str, int, int, bool] | None:
    """The last word before the final punctuation, its span, and whether a space precedes that punctuation.
    In a script without spaces the last "word" is the longest entry of ``stops`` that the text ends with,
    else its last character; elsewhere an entry of several words ("несмотря на то") that the text ends with
    is its last "word". A detached stop after a full stop ("numbers. .") is a doubled mark, not a spaced one."""
    m = _END.search(text)
    body_end = m.start() if m else len(text.rstrip())
    body = text[:body_end]
    spaced = bool(m) and m.group(0)[:1].isspace() and body.rstrip()[-1:] not in ".!?…。"
    if surface.UNSPACED.match(body[-1:]):
        for w in sorted(stops, key=len, reverse=True):
            if body.casefold().endswith(w):
                return body[-len(w):], body_end - len(w), (m.end() if m else body_end), spaced
    folded = body.casefold()
    for w in sorted((w for w in stops if " " in w), key=len, reverse=True):  # a phrase ("несмотря на то")
        if folded.endswith(w) and not folded[:-len(w)][-1:].isalnum():
            return body[-len(w):], body_end - len(w), (m.end() if m else body_end), spaced
    words = surface.tokens(body)
    if not words:
        return None
    w = words[-1]
    return w.group(0), w.start(), (m.end() if m else body_end), spaced


@rule("TQ504", "truncated-sentence", Severity.MAJOR, options={"detached_ratio": 0.85})
def truncated_sentence(ctx: BeadContext) -> Iterator[Hit]:
    """A translated sentence stops in the middle: it ends on a dangling word or an orphaned full stop.

    What: Reports a target sentence whose last word is one that cannot end a sentence in the target language
    (a conjunction, preposition, article or auxiliary such as "và", "của", "the", "and", "以及", "を": the
    ``dangling`` list of the language profile's ``fluency`` section) or on a compound conjunction of several
    words that needs a clause after it ("несмотря на то", "because of": its ``dangling_phrases``), and a sentence that
    ends in a detached " ." while its bead is clearly shorter than the document's usual length ratio (the
    mark of a translation cut off before its object); minor when the detached stop follows the attribution of a
    quotation closed just before ('"...," she said .': such sentences end there) and no figure is lost.
    Why: Truncated output is a frequent neural MT failure; the missing end usually carries the figures or
    the object of the sentence. MQM: Accuracy / Omission, major.
    Also, as minor, a bead shorter than usual (by 0.9) whose translation opens a quotation that neither it nor
    the three target sentences after it close, while the source closes its own quotation in the bead: the end
    of what someone said was cut off with its closing mark. And, as minor, a bead of two or more source
    sentences and fewer target ones, shorter than usual (by 0.85), whose translation starts a new sentence
    without a full stop: a title-case word right after a lower-case word (where capitals mark names, followed
    by a lower-case word too), that the language writes in lower case (an English dictionary word, or a word
    the document writes in lower case): "... erhöhen würde Die Mitglieder ...", a sentence cut off with its
    full stop, the next one run on after it.
    Example: source "... and hasten negotiations on several agreements." -> target "... để duy trì các cơ
    chế đối thoại và tham vấn, thúc đẩy ." (what is to be hastened is missing).
    Fix: Translate the rest of the source sentence (quoted in the finding's evidence).
    """
    if not ctx.bead.src:
        return
    stops = dangling(ctx.doc.tgt_lang)
    ratio = short_ratio(ctx)
    from .numbers import analyse

    lost = [i.src.text for i in analyse(ctx.doc).get(ctx.index, []) if i.kind == "missing" and i.src]
    for seg in ctx.tgt_segments:
        last = _last_word(seg.text, stops)
        ending = seg.text.rstrip()
        if last is None or is_heading(seg) or not ending.endswith((".", "。", "．")) or ending.endswith(("..", "…")):
            continue
        word, start, end, spaced = last
        if start > 0 and seg.text[start - 1] in "./@" and not surface.UNSPACED.match(word[:1]):
            continue  # the end of an address ("www.example.de."): no word of the language
        if word.casefold() in stops:
            yield Hit("target", seg.index, start, end, f"the sentence ends on '{word}', which needs something "
                      "after it: the rest of the sentence seems lost", evidence=ctx.src_text)
        elif spaced and (lost or ratio is not None and ratio < ctx.option("detached_ratio", "TQ504")):
            why = f"the source's '{lost[-1]}' is missing" if lost else f"the bead is {ratio:.0%} of the usual length"
            # a quotation closed just before ('"...," she said .'): the sentence ends on its attribution, a
            # complete end; the space is a typo unless a figure is lost too
            attributed = not lost and _ATTRIBUTION.search(seg.text[:start + len(word)]) is not None
            yield Hit("target", seg.index, start, end, f"the sentence stops after '{word}' with a detached full "
                      f"stop and {why}: it looks cut off" + (" (though it ends on the attribution of a closed "
                      "quotation)" if attributed else ""), evidence=ctx.src_text,
                      severity=Severity.MINOR if attributed else None)
        elif seg is ctx.tgt_segments[-1] and _quotation_cut(ctx, ratio):
            yield Hit("target", seg.index, 0, len(seg.text), "the translation opens a quotation that it never "
                      f"closes, while the source closes its own, and the bead is {ratio:.0%} of the usual length: "
                      "the end of the quotation seems cut off", severity=Severity.MINOR, evidence=ctx.src_text)
    yield from _cut_without_stop(ctx, ratio)


# a closing quotation mark (German closes with “), then at most three words to the end: '"...," she said',
# '„...“, sagte sie', '«...», a-t-il dit'
_ATTRIBUTION = re.compile(r"[”“\"»«’‘」』]\s*[,，]?\s*(?:[^\W\d_][\w'’-]*\s+){0,2}[^\W\d_][\w'’-]*$")
_SEAM_SHORT = 0.85  # a bead whose target runs two sentences together is this much shorter than usual: one was cut


def _cut_without_stop(ctx: BeadContext, ratio: float | None) -> Iterator[Hit]:
    """A target sentence cut off without its full stop, so that the next sentence runs on after it ("... die
    Steuern erhöhen würde Mehrere Mitglieder ..."): the bead pairs more source sentences than target ones, the
    target has a seam (:func:`_seams`: a capitalised word straight after a lower-case word, that the language
    writes in lower case) and the bead is shorter than usual (by ``_SEAM_SHORT``). Minor: a full stop merely
    left out loses nothing."""
    if len(ctx.bead.src) < 2 or ratio is None or ratio >= _SEAM_SHORT:
        return
    for seg in ctx.tgt_segments:
        for start, end, before in _seams(seg.text, ctx.doc):
            yield Hit("target", seg.index, start, end, f"a new sentence seems to begin at '{seg.text[start:end]}' "
                      f"right after '{before}' without a full stop, and the bead is {ratio:.0%} of the usual "
                      "length: the sentence before it may be cut off (or only its full stop is missing)",
                      severity=Severity.MINOR, evidence=ctx.src_text)
            return


_SEAM_WORD = re.compile(r"[^\W\d_]+")


def _seams(text: str, doc: DocContext) -> list[tuple[int, int, str]]:
    """``(start, end, word before)`` of each word of ``text`` (after its third) that begins a sentence without a
    full stop before it: a title-case word right after a lower-case word (only spaces between) and, where capitals
    mark names, followed by a lower-case word, that the language writes in lower case: an English dictionary word, or a word the target
    document writes in lower case elsewhere (as runon's cuts read capitals). Not in scripts without case."""
    from ..lang import profile
    from ..names.spans import is_calendar_word, is_common_word

    words = list(_SEAM_WORD.finditer(text))
    lang = doc.tgt_lang
    # where capitals mark names, a capitalised word before a lower-case one is no name ("said President Biden" is
    # no seam); where they mark nouns (German), a sentence's first word is mostly followed by a noun ("Die Mitglieder")
    names = profile(lang).capitals_mark_names
    out = []
    lower: set[str] | None = None
    for k in range(3, len(words) - 1):
        prev, cur, nxt = words[k - 1], words[k], words[k + 1]
        w = cur.group()
        if not (len(w) >= 2 and w[0].isupper() and w[1:].islower() and prev.group()[0].islower()
                and (nxt.group()[0].islower() or not names) and text[prev.end():cur.start()].isspace()):
            continue
        if is_calendar_word(w, lang):
            continue
        if lower is None:
            lower = {m.group() for s in doc.target.segments for m in _SEAM_WORD.finditer(s.text) if m.group()[0].islower()}
        if w.lower() in lower or is_common_word(w, lang):
            out.append((cur.start(), cur.end(), prev.group()))
    return out


_CLOSERS = frozenset('”»」』›')  # quotation marks that only close ...
_OPENERS = frozenset('「『«‹„')  # ... and only open (" and “ do either: English opens with “, German closes)


def _opens(text: str, i: int) -> bool:
    """The quotation mark at ``text[i]`` opens a quotation: one that only opens, or an ambiguous one (" “)
    written before a word and after a space, an opening bracket, a colon or the start, or after a letter of a
    script written without spaces (他说“)."""
    ch = text[i]
    if ch in _OPENERS or ch in _CLOSERS:
        return ch in _OPENERS
    before, after = text[i - 1:i], text[i + 1:i + 2]
    return bool(after) and after.isalnum() and (not before or before.isspace() or before in "([:：—–-"
                                                 or surface.UNSPACED.match(before) is not None)


def _quotation_cut(ctx: BeadContext, ratio: float | None) -> bool:
    """The bead's translation ends inside a quotation (an odd number of quotation marks, the last one opening a
    quotation: :func:`_opens`) that no target sentence within three after it closes, while its source holds a
    quotation and closes it (an even number of marks), and the bead is shorter than the document's usual ratio
    (by ``_SUPPORT_SHORT``): a translation cut off before the end of what someone said, which also lost the
    closing mark."""
    if ratio is None or ratio >= _SUPPORT_SHORT:
        return False
    src, tgt = ctx.src_text, ctx.tgt_text
    marks = [i for i, ch in enumerate(tgt) if ch in _QUOTES]
    if not marks or not _open_quotes(tgt) or not _opens(tgt, marks[-1]):
        return False
    if not any(ch in _QUOTES for ch in src) or _open_quotes(src):
        return False
    return not split_quotation(ctx.doc, "target", tuple(ctx.bead.tgt))


# where a source sentence can be cut into a head and a tail; a comma or colon between two digits is part of a
# number or a time ("13,5 kWh", "1,200", "10:30"), no clause boundary
_CLAUSE = re.compile(r"(?<!\d)[,:，：]|[,:，：](?!\d)|[;；]|\s[-–—]\s")
_TAIL_Z = 0.75  # the target must match a head this many robust spreads better than the whole source (minor)
_TAIL_Z_MAJOR = 1.5  # ... and this many for a major finding
_TAIL_SHORT = 0.85  # ... and be this much shorter than the document's usual length ratio
_TAIL_WORDS = 4  # words on each side of the cut
_TAIL_MIN_WORDS = 12  # shorter sources are not cut into clauses
# TQ508's thresholds ([tool.tqcheck] options = { TQ508 = { tail_z_major = 2.0 } }); TQ503 reads the same analysis
TAIL_OPTIONS = {"tail_z": _TAIL_Z, "tail_z_major": _TAIL_Z_MAJOR, "tail_short": _TAIL_SHORT, "min_words": _TAIL_MIN_WORDS}


def _heads(text: str, marks: list[re.Match[str]] | None = None) -> list[tuple[str, str]]:
    """(head, tail) pairs of a source text cut at each clause boundary (``marks``; by default ``_CLAUSE``'s) with
    enough words on both sides; the head gets a full stop so that it reads as a sentence, like a truncated
    translation does."""
    out = []
    for m in (_CLAUSE.finditer(text) if marks is None else marks):
        head, tail = text[:m.start()].rstrip(), text[m.end():].strip()
        if len(_words(head)) >= _TAIL_WORDS and len(_words(tail)) >= _TAIL_WORDS:
            out.append((head + ".", tail))
    return out


def _rendered_next_door(doc: DocContext, emb, b: int, src: str, tgt: str, full: float,  # noqa: ANN001
                         spread: float) -> bool:
    """Whether the target sentence just before or after the bead makes it closer to its whole source (by half
    a spread): then the rest of the source is translated there (the sentences were cut differently, or the
    alignment drew the boundary one sentence off), not lost."""
    bead = doc.beads[b]
    lo, hi = min(bead.tgt), max(bead.tgt)
    texts = []
    if hi + 1 < len(doc.target.segments):
        texts.append(tgt + " " + doc.target.segments[hi + 1].text)
    if lo > 0:
        texts.append(doc.target.segments[lo - 1].text + " " + tgt)
    if not texts:
        return False
    v = _unit(emb.encode([src, *texts]))
    return bool(((v[1:] @ v[0]) - full).max() >= 0.5 * spread)


@per_document
def missing_tails(doc: DocContext) -> dict[int, tuple[str, str, float]]:
    """``{bead: (head, tail, z)}`` for beads whose target renders only the first part of the source.

    For each bead clearly shorter than the document's usual length ratio, the source is cut at every clause
    boundary; when the target is closer (cosine) to a head than to the whole source, by ``tail_z`` (TQ508's option) robust
    spreads of the document's bead cosines, the tail after that cut is what the translation lost. Cosines
    are compared only with each other and with the document's own spread, never with a fixed value, so the
    rule holds for any encoder. A bead whose neighbouring target sentence carries the rest is left out (see
    :func:`_rendered_next_door`). The vectors come through the check's embedder (the bead texts are the ones
    the aligner already embedded)."""
    out: dict[int, tuple[str, str, float]] = {}
    emb = doc.embedder
    pairs = [(b, " ".join(doc.source.segments[i].text for i in bead.src),
              " ".join(doc.target.segments[j].text for j in bead.tgt))
             for b, bead in enumerate(doc.beads) if bead.src and bead.tgt]
    if emb is not None and len(pairs) >= _MIN_BEADS:
        med, _ = length_ratios(doc)
        min_words, short, tail_z = (doc.option(k, "TQ508") for k in ("min_words", "tail_short", "tail_z"))
        cand = []
        for b, s, t in pairs:
            if len(_words(s)) >= min_words and surface.length(s) >= 20 \
                    and (surface.length(t) / surface.length(s)) / math.exp(med) < short:
                heads = _heads(s)
                if heads:
                    cand.append((b, s, t, heads))
        if cand:
            full, _, spread = _cosines(doc)
            texts = [h for *_, heads in cand for h, _ in heads]
            hv = _unit(emb.encode(texts))
            tv = dict(zip((b for b, _, t, _ in cand), _unit(emb.encode([t for _, _, t, _ in cand]))))
            k = 0
            found = []
            for b, s, t, heads in cand:
                sims = hv[k:k + len(heads)] @ tv[b]
                k += len(heads)
                best = int(sims.argmax())
                z = (float(sims[best]) - full[b]) / spread
                if z >= tail_z:
                    found.append((b, s, t, heads[best], z))
            out = {b: (head, tail, z) for b, s, t, (head, tail), z in found
                   if not _rendered_next_door(doc, emb, b, s, t, full[b], spread)}
    return out


_CUT_TAILS = (4, 6, 9, 13)  # words in the tails cut at word boundaries (each at most half the source)


def _tail_cuts(text: str) -> list[tuple[str, str]]:
    """(head, tail) pairs of a source text: its last clause (after the last comma, semicolon, colon or dash,
    as in :func:`_heads`) and tails cut at word boundaries holding ``_CUT_TAILS`` words, never more than half
    the text's words; and every clause between two clause marks (:func:`_inner_clauses`). A translation can lose
    its last clause where the source has no punctuation ("... but sought to pin the blame on them"), or where
    the source's last clause is longer than what was lost. A
    source written without spaces (Chinese, Japanese) is cut at punctuation only: no word boundary shows
    there, and its last characters are mostly the predicate (a verb a translation renders elsewhere)."""
    out = _last_clause(text)
    out += [c for c in _inner_clauses(text) if all(c[1] != t for _, t in out)]
    if surface.unspaced_share(text) > 0.5:
        return out
    toks = [m for m in surface.tokens(text) if any(c.isalnum() for c in m.group(0))]
    total = len(_words(text))
    want = [n for n in _CUT_TAILS if n <= total // 2]
    k = len(toks) - 1
    for n in want:
        while k > 0 and len(_words(text[toks[k].start():])) < n:
            k -= 1
        if k <= 0:
            break
        head, tail = text[:toks[k].start()].rstrip(" ,;:，；：、-–—"), text[toks[k].start():].strip()
        if len(_words(head)) >= _TAIL_WORDS and all(tail != t for _, t in out):
            out.append((head + ("。" if surface.UNSPACED.match(head[-1:]) else "."), tail))
    return out


def _at_end(src: str, tail: str) -> bool:
    """``tail`` (a cut of :func:`_tail_cuts`) is the end of ``src``, not a clause from its middle."""
    return src.rstrip().endswith(tail.strip())


_CLAUSE_MARKS = re.compile(r"(?<!\d)[,:，：]|[,:，：](?!\d)|[;；、]|\s[-–—]\s")  # (、: Japanese's comma; as _CLAUSE)


def _clause_marks(text: str) -> list[re.Match[str]]:
    """The clause marks of ``text`` (``_CLAUSE``'s and the ideographic comma 、, Japanese's clause comma); the
    ideographic comma only in a text without the full-width comma ，: a text that writes that (Chinese) uses the
    ideographic comma between the items of a list."""
    return [m for m in _CLAUSE_MARKS.finditer(text) if m.group(0) != "、" or "，" not in text]


def _last_clause(text: str) -> list[tuple[str, str]]:
    """[(head, tail)] for the source's last clause (after its last clause mark, :func:`_clause_marks`), or []."""
    return _heads(text, _clause_marks(text))[-1:]


def _inner_clauses(text: str) -> list[tuple[str, str]]:
    """(rest, clause) for each clause of ``text`` between two clause marks (commas, ideographic commas,
    semicolons, colons, dashes; the ideographic comma only in a text without the full-width comma, since Chinese
    writes it between the items of a list) with ``_TAIL_WORDS`` words or more, the rest too: a translation can drop a
    clause from the middle ("A witness, who was fishing in the area, found the car."), and from Chinese or
    Japanese, which put the verb last, what a translation says last often stands in the middle of the source.
    The rest is the text without the clause."""
    marks = _clause_marks(text)
    out = []
    for a, b in zip(marks, marks[1:]):
        clause = text[a.end():b.start()].strip()
        rest = (text[:a.start()] + text[b.start():]).strip()
        if len(_words(clause)) >= _TAIL_WORDS and len(_words(rest)) >= _TAIL_WORDS:
            out.append((rest, clause))
    return out


_SUPPORT_NEAR = 5  # beads each side whose targets stand for "a wrong translation" of a clause
_SUPPORT_TAIL = 0.1  # the source's last clause is unsupported below this share of the document's gap
_SUPPORT_HEAD = 0.5  # ... while the rest of the source is supported at least this much
_SUPPORT_NEXT = 0.3  # ... and neither target sentence next to the bead supports the clause this much
_SUPPORT_SHORT = 0.9  # ... in a bead shorter than the document's usual length ratio by this factor
_SUPPORT_SHORT_WORDS = 0.8  # ... and, for tails cut at word boundaries (not punctuation), by this factor
_SUPPORT_SPREADS_WORDS = 1.4  # ... and by this many robust spreads of the document's log length ratios
_SUPPORT_TAIL_CLOSER = 0.25  # an end of the source supported under this share of the gap is unsupported too ...
_CLOSER_GAIN = 0.2  # ... when the translation matches the source without it this many robust spreads better


@per_document
def _support_scale(doc: DocContext) -> tuple[list[int], object, object, list[list[int]], float]:
    """(bead order, source vectors, target vectors, the ``_SUPPORT_NEAR`` beads each side of each, gap): the
    document's gap between right and wrong pairs is the median over its beads of (cosine with its own other
    side) minus (mean cosine with the other sides of its neighbours). A part of a bead is *supported* by the
    bead's other side by (its cosine with it minus its mean cosine with the neighbours' other sides) / gap:
    about 1 for a whole sentence, near 0 for text that only shares the document's topic. Only where
    :func:`_bead_vectors` has vectors."""
    vecs = _bead_vectors(doc)
    assert vecs is not None, "_support_scale needs the bead vectors"
    order, sv, tv = vecs
    n = len(order)
    near = [[k for k in range(max(0, a - _SUPPORT_NEAR), min(n, a + _SUPPORT_NEAR + 1)) if k != a]
            for a in range(n)]
    own = (sv * tv).sum(axis=1)
    wrong = [float((tv[nb] @ sv[a]).mean()) if nb else float(own[a]) for a, nb in enumerate(near)]
    gap = statistics.median(float(own[a]) - wrong[a] for a in range(n)) if n else 0.0
    return order, sv, tv, near, gap


class MarginStats(NamedTuple):
    """What the checks that cut a bead and weigh the pieces by the document's own margins (``held``,
    ``heldadd``, ``margin``, ``runin``) read from one document: the encoder, the beads' vectors and support
    scale (:func:`_support_scale`), their cosines, median and robust spread (:func:`_cosines`), and the median
    log length ratio (:func:`length_ratios`)."""

    emb: Any
    order: list[int]
    sv: Any
    tv: Any
    near: list[list[int]]
    gap: float
    full: dict[int, float]
    mid: float
    spread: float
    med: float


def margin_stats(doc: DocContext) -> MarginStats | None:
    """The document's :class:`MarginStats`, or None when there is no encoder, no bead vectors, or no gap
    between right and wrong pairs to measure support by."""
    emb = doc.embedder
    c = _cosines(doc)
    if emb is None or c is None or _bead_vectors(doc) is None:
        return None
    order, sv, tv, near, gap = _support_scale(doc)
    if gap <= 0:
        return None
    full, mid, spread = c
    med, _ = length_ratios(doc)
    return MarginStats(emb, order, sv, tv, near, gap, full, mid, spread, med)


_ROOM = 0.5  # a neighbour carries a bead's lost clause when it is longer than usual by this share of the loss


def _bead_lengths(doc: DocContext, b: int) -> tuple[int, int]:
    """(source, target) characters of bead ``b`` without whitespace (as :func:`short_ratio` counts them)."""
    bead = doc.beads[b]
    return (sum(surface.length(doc.source.segments[i].text) for i in bead.src),
            sum(surface.length(doc.target.segments[j].text) for j in bead.tgt))


def _has_room(doc: DocContext, n: int, b: int) -> bool:
    """Whether bead ``n`` (next to bead ``b``) is long enough to hold what bead ``b``'s translation lacks: its
    target is longer than the document's usual ratio makes its source by ``_ROOM`` of the length bead ``b``
    misses (a target sentence without a source always has room). A translator who moved a clause into the next
    sentence made that sentence longer; a neighbour that is itself of usual length or shorter only shares the
    topic (and an attribution such as "..., the agency said" resembles every other "said" of the article)."""
    if n == b:
        return False
    usual = math.exp(length_ratios(doc)[0])
    s, t = _bead_lengths(doc, b)
    sn, tn = _bead_lengths(doc, n)
    return sn == 0 or tn - usual * sn >= _ROOM * (usual * s - t)


def unsupported_tails(doc: DocContext) -> dict[int, tuple[str, str, float]]:
    """``{bead: (head, tail, support)}`` for beads whose translation has no counterpart of the source's last
    clause, however close it is to the whole source.

    A translation cut before its last clause still matches its source closely (the encoder weighs the bulk
    of the sentence), so comparing the target with heads of the source (:func:`missing_tails`) misses most
    short cuts. Here the source's last clause (after its last comma, semicolon, colon or dash) is compared
    with the target on its own, against the targets of the ``_SUPPORT_NEAR`` beads each side: its *support*
    is how much closer it is to its own target than to those, in units of the document's own gap between
    right and wrong pairs (the median over its beads of the same difference for whole sentences). A clause
    the target renders is supported like a sentence (around half a gap or more); one it lacks only shares
    the topic, as the neighbours do (support near 0). Reported when the last clause's support is under
    ``_SUPPORT_TAIL`` while the rest of the source is supported (``_SUPPORT_HEAD``), the bead is shorter than
    usual, and neither target sentence next to the bead supports the clause either (a translator who moved
    it to the next sentence did not lose it); or, for the source's last clause cut at punctuation, under
    ``_SUPPORT_TAIL_CLOSER`` when the translation also matches the source without it better than the whole by
    ``_CLOSER_GAIN`` robust spreads (the alignment's own margin: a translation cut there fits the rest).
    Only the document's statistics are used, no fixed cosine."""
    return _unsupported(doc)[0]


@per_document
def _unsupported(doc: DocContext) -> tuple[dict[int, tuple[str, str, float]], dict[int, float]]:
    """(:func:`unsupported_tails`, :func:`unsupported_closer`), computed together once per document."""
    out: dict[int, tuple[str, str, float]] = {}
    closer: dict[int, float] = {}
    emb = doc.embedder
    c = _cosines(doc)
    if emb is None or c is None or _bead_vectors(doc) is None:
        return out, closer
    order, sv, tv, near, gap = _support_scale(doc)
    if gap <= 0:
        return out, closer
    med, spread = length_ratios(doc)
    cand = []
    for a, b in enumerate(order):
        bead = doc.beads[b]
        s = " ".join(doc.source.segments[i].text for i in bead.src)
        t = " ".join(doc.target.segments[j].text for j in bead.tgt)
        if len(_words(s)) < doc.option("min_words", "TQ508") or surface.length(s) < 20 or not near[a]:
            continue
        ratio = (surface.length(t) / surface.length(s)) / math.exp(med)
        if ratio >= _SUPPORT_SHORT:
            continue
        short_words = min(_SUPPORT_SHORT_WORDS, math.exp(-_SUPPORT_SPREADS_WORDS * spread))
        cuts = _tail_cuts(s) if ratio < short_words else _last_clause(s)
        if cuts:
            cand.append((a, b, cuts))
    if cand:
        # the tails first; then only the head of each bead's least supported tail
        tv_all = _unit(emb.encode([tl for _, _, cuts in cand for _, tl in cuts]))
        k = 0
        chosen = []
        for a, b, cuts in cand:
            sup = [(float(lv @ tv[a]) - float((tv[near[a]] @ lv).mean())) / gap for lv in tv_all[k:k + len(cuts)]]
            src = " ".join(doc.source.segments[i].text for i in doc.beads[b].src)
            # the least supported clause from the middle, then the least supported end (tested last, so that an
            # end that is missing is reported as the end: a clause from the middle is only ever minor)
            inner = [j for j in range(len(cuts)) if not _at_end(src, cuts[j][1])]
            # the last clause (cut at punctuation) apart from the ends cut at word boundaries, and tested after them:
            # a clause that a neighbour without room for it resembles is still missing (see the room test below)
            last = {t for _, t in _last_clause(src)}
            clause = [j for j in range(len(cuts)) if j not in inner and cuts[j][1] in last]
            ends = [j for j in range(len(cuts)) if j not in inner and j not in clause]
            # the longest tail too: a neighbour that renders the rest renders it, however little it renders a
            # fragment of it
            longest = max(range(len(cuts)), key=lambda j: len(cuts[j][1]))
            for group in (inner, ends, clause):
                if group:
                    m = min(group, key=sup.__getitem__)
                    chosen.append((a, b, cuts[m], tv_all[k + m], tv_all[k + longest]))
            k += len(cuts)
        cand = [(a, b, cut) for a, b, cut, *_ in chosen]
        hv_all = _unit(emb.encode([h for _, _, (h, _) in cand]))
        v = [x for (_, _, _, lv, _), hv in zip(chosen, hv_all) for x in (hv, lv)]
        wide = [lw for *_, lw in chosen]
        segs, owner = doc.target.segments, _tgt_owner(doc)
        nxt, room = [], []  # target sentences next to each candidate bead; whether each can hold what it lacks
        for a, b, (_, tail) in cand:
            lo, hi = min(doc.beads[b].tgt), max(doc.beads[b].tgt)
            js = [j for j in (lo - 1, hi + 1) if 0 <= j < len(segs) and j in owner]
            nxt.append([segs[j].text for j in js])
            # a clause (cut at punctuation) counts as moved next door only into a neighbour with room for it; a
            # fragment cut at a word boundary is measured less surely, and any neighbour that resembles it counts
            src = " ".join(doc.source.segments[i].text for i in doc.beads[b].src)
            clause = any(tail == t for _, t in (*_heads(src), *_last_clause(src), *_inner_clauses(src)))
            room.append([not clause or _has_room(doc, owner[j], b) for j in js])
        nv = _unit(emb.encode([x for xs in nxt for x in xs])) if any(nxt) else None
        k = 0
        for (a, b, (head, tail)), hv, lv, lw, xs, fits in zip(cand, v[0::2], v[1::2], wide, nxt, room):
            support = (float(lv @ tv[a]) - float((tv[near[a]] @ lv).mean())) / gap
            head_support = (float(hv @ tv[a]) - float((tv[near[a]] @ hv).mean())) / gap
            beside = [(float(x @ nv[k + m]) - float((tv[near[a]] @ x).mean())) / gap for m in range(len(xs))
                      if fits[m] for x in (lv, lw)]
            k += len(xs)
            gain = (float(hv @ tv[a]) - c[0][b]) / c[2]  # how much closer the translation is to the rest (spreads)
            src = " ".join(doc.source.segments[i].text for i in doc.beads[b].src)
            weak_end = support < _SUPPORT_TAIL_CLOSER and gain >= _CLOSER_GAIN and any(
                tail == t for _, t in _last_clause(src))  # the source's last clause, cut at punctuation
            if (support < _SUPPORT_TAIL or weak_end) and head_support >= _SUPPORT_HEAD \
                    and max(beside, default=0.0) < _SUPPORT_NEXT:
                out[b] = (head, tail, support)  # (an end found overrides a clause from the middle)
                closer[b] = (float(hv @ tv[a]) - c[0][b]) / c[2]
    return out, closer


_GOES_ON = frozenset(",;:،、，；：—–-")  # marks after which a sentence goes on (TQ508)


@rule("TQ508", "clause-omitted", Severity.MAJOR, options=TAIL_OPTIONS)
def clause_omitted(ctx: BeadContext) -> Iterator[Hit]:
    """A translated sentence renders only the first part of its source: the rest is missing.

    What: For a bead clearly shorter than the document's usual length ratio, cuts the source at each clause
    boundary (comma, semicolon, colon, dash) and embeds the heads; reports the bead when the target is
    closer to a head than to the whole source, by a margin measured in the document's own spread of
    sentence similarities: major at 1.5 robust spreads or more, minor from 0.75. Not reported when the target
    sentence next to the bead brings it closer to the whole source (the rest is translated there); minor when
    a target sentence next to the bead belongs to a bead clearly longer than usual (the rest may be there), and
    minor whatever the evidence when the bead's translation ends on a comma, colon, semicolon or dash (its
    sentence goes on in the next segment, where the rest may stand). Beads
    already reported as far too short (TQ503), cut off (TQ504) or missing a list (TQ505) are left to those
    rules.
    Also reports, as minor, a bead shorter than the document's usual ratio (by 0.9) whose source's last clause
    has no support in the translation: compared with the target on its own, that clause is no closer to it
    than to the targets of the five beads each side (under 0.1 of the document's gap between right and wrong
    sentence pairs) while the rest of the source is (0.5 or more), and neither target sentence next to the
    bead renders it (a short cut barely moves the whole sentence's similarity). In a bead shorter still (by
    0.8, and by 1.4 robust spreads of the document's log length ratios: subtitles that condense every
    sentence are not cut finer) the source's end is also cut at word boundaries (its last 4, 6, 9 and 13 words, at most half of it;
    not in a source written without spaces), and every clause between two clause marks (commas, the ideographic
    comma, semicolons, colons, dashes) is tested too, so that a lost clause counts where the source has no comma
    before it ("... but promised to reopen the bridge"), where the source's last clause is longer than
    what was lost, and where it stands in the middle of the source (from Chinese or Japanese, which put the
    verb last, what a translation says last mostly does: such a clause is only ever minor); the least
    supported end and the least supported clause from the middle are the ones tested, and the source's last
    clause (after its last comma; or ideographic comma 、 in a text without the full-width comma ，) on its own too. A target sentence next to the bead whose own bead is not longer
    than usual by half of what this bead lacks cannot hold a moved clause: its support counts against a clause cut
    at punctuation only when it has that room (an attribution such as "..., the agency said" resembles every
    other "said" of the article). Major when that clause
    holds a figure with no counterpart or a name that the translation writes elsewhere but not here, or when the
    bead is also under 65% of the usual length (TQ503's minor tier, which then leaves the bead to TQ508) and the
    translation is no closer to the whole source than to the source without that end: length and meaning agree.
    A bead shorter than usual (by 0.9) whose source (8 words or more) has, in its last clause (or last 40%,
    without a clause boundary; anywhere in Chinese or Japanese, which put the verb last), a figure with no
    counterpart in the bead or its neighbours (TQ202's analysis) is reported too, at TQ202's severity for that
    figure (minor when it stands before the source's last clause): the figure went with the end of the sentence.
    The source's last clause (cut at punctuation) also counts as unsupported under 0.25 of the gap when the
    translation matches the source without it better than the whole source, by 0.2 robust spreads of the
    document's bead similarities: the margin and the support agree.
    A bead shorter than usual (by 0.95), and less similar to its source than the document's median bead, whose
    translation matches the source without its end (the last clause,
    or its last 4, 6, 9 or 13 words in a script written with spaces) better than the whole source by one robust
    spread of the document's bead similarities or more, while supporting that end under 0.3 of the gap and the
    rest 0.5 or more, and neither target sentence next to the bead supports the end 0.3 or more, is reported
    too (tqcheck.checks.margin): the alignment's own margin finds a cut where the source has no comma before
    what was lost ("... and was taken to a hospital in stable condition"). Minor; major when the end holds a
    figure with no counterpart or a name that the translation writes elsewhere but not here.
    A bead whose source holds a quotation and words outside it (its attribution: "..., the agency said",
    "stipule-t-il") while every word of the translation stands inside quotation marks is reported as minor
    (major when the words left out hold a figure with no counterpart or a name that the translation writes
    elsewhere but not here): a translation cut before the attribution still ends cleanly, and two words move its
    similarity too little to show (tqcheck.checks.quoted; not when the next target sentence goes on with the
    quotation, nor after a target sentence that ends with a colon).
    Why: A translation that stops after the first clause, or drops the last one, still aligns and may end
    cleanly, so neither the alignment nor the sentence's ending shows the loss; its meaning does.
    MQM: Accuracy / Omission, major.
    Example: source "The two sides agreed to boost trade, and they pledged to open a new consulate in Da Nang
    next year." -> target "Hai bên nhất trí thúc đẩy thương mại." (the consulate pledge is missing).
    Fix: Translate the missing part of the source (quoted in the finding).
    """
    hit = missing_tails(ctx.doc).get(ctx.index)
    weak = unsupported_tails(ctx.doc).get(ctx.index) if hit is None else None
    figure = _figure_in_tail(ctx) if hit is None and weak is None else None
    attribution = lost_attribution(ctx) if hit is None and weak is None and figure is None else None
    margin = margin_tails(ctx.doc).get(ctx.index) if hit is None and weak is None and figure is None \
        and attribution is None else None
    if hit is None and weak is None and figure is None and attribution is None and margin is None \
            or not ctx.tgt_segments:
        return
    if any(h.severity is not Severity.MINOR for rule_ in (partial_omission, truncated_sentence, list_omitted)
           for h in rule_(ctx)):
        return  # already reported as far too short, cut off, or a dropped list
    # a translation whose last sentence ends on a comma, colon, semicolon or dash goes on in the next segment
    # (a sentence the segmenter cut after "mình," before "Thì ..."): what seems left out may stand there, so minor
    goes_on = ctx.tgt_segments[-1].text.rstrip()[-1:] in _GOES_ON

    def sev(severity: Severity | None) -> Severity | None:
        return Severity.MINOR if goes_on else severity
    if attribution is not None:
        seg = ctx.tgt_segments[-1]
        why = _lost_in(ctx, attribution)
        yield Hit("target", seg.index, 0, len(seg.text), f"the translation renders only the quotation: the words "
                  f"around it in the source ('{attribution[:80]}') seem left out" + (f", and {why}" if why else ""),
                  severity=sev(None if why else Severity.MINOR), evidence=ctx.src_text)
        return
    if margin is not None:
        head, tail, gain = margin
        seg = ctx.tgt_segments[-1]
        why = _lost_in(ctx, tail)
        yield Hit("target", seg.index, 0, len(seg.text), f"the translation matches the source without its end "
                  f"('{tail[:80]}') better than the whole source ({gain:.1f} spreads of this document's "
                  "similarities) and renders that end no better than its neighbours do"
                  + (f", and {why}: it seems left out" if why else ": it may have been left out"),
                  severity=sev(None if why else Severity.MINOR), evidence=ctx.src_text)
        return
    if figure is not None:
        tail, text, severity = figure
        seg = ctx.tgt_segments[-1]
        yield Hit("target", seg.index, 0, len(seg.text), f"the end of the source ('{tail[:80]}') seems left out: "
                  f"its '{text}' has no counterpart and the translation is shorter than usual",
                  severity=sev(severity), evidence=ctx.src_text)
        return
    if weak is not None:
        head, tail, support = weak
        seg = ctx.tgt_segments[-1]
        end = _at_end(ctx.src_text, tail)
        why = _lost_in(ctx, tail) if end else None  # a clause from the middle: minor, whatever it holds
        if end and why is None:
            why = _far_short(ctx)
        yield Hit("target", seg.index, 0, len(seg.text), "nothing in the translation seems to render "
                  + ("the end of the source" if end else "a clause of the source") + f" ('{tail[:80]}')"
                  + (f", and {why}: it seems left out" if why else ": it may have been left out"),
                  severity=sev(None if why else Severity.MINOR), evidence=ctx.src_text)
        return
    head, tail, z = hit
    seg = ctx.tgt_segments[-1]
    msg = f"the translation is closer to the first part of the source (up to '…{_words(head)[-1]}') than to " \
          "the whole sentence: part of what follows seems untranslated"
    major = ctx.option("tail_z_major", "TQ508")
    if z >= major and long_neighbours(ctx):
        msg += " (or translated in the neighbouring sentence, which is longer than usual)"
    yield Hit("target", seg.index, 0, len(seg.text), msg,
              severity=sev(None if z >= major and not long_neighbours(ctx) else Severity.MINOR),
              evidence=ctx.src_text)


def unsupported_closer(doc: DocContext) -> dict[int, float]:
    """``{bead: margin}`` for the beads of :func:`unsupported_tails`: how much closer (cosine, in robust spreads of
    the document's bead similarities) the translation is to the source without the unsupported part than to the
    whole source. A translation cut before that part matches the rest at least as well as the whole; one that
    renders it in words the encoder weighs little ("i venku" for "even in fresh air") stays closer to the whole."""
    return _unsupported(doc)[1]


def _far_short(ctx: BeadContext) -> str | None:
    """Why an end of the source that nothing in the translation renders is surely lost, on length and meaning
    together: the bead is under ``minor_ratio`` (TQ503's option) of the document's usual length ratio (TQ503's minor tier,
    which 3 of 1579 clean WMT21 beads reach), and the translation is no closer to the whole source than to the
    source without that end (:func:`unsupported_closer`: a margin of 0 or more). The length and the embeddings
    are independent evidence, and all point at the same end; None otherwise."""
    ratio = short_ratio(ctx)
    if ratio is None or ratio >= ctx.option("minor_ratio", "TQ503"):
        return None
    closer = unsupported_closer(ctx.doc).get(ctx.index)
    if closer is None or closer < 0:
        return None
    return (f"the translation is {ratio:.0%} of the length this document's translations usually have and no closer "
            "to the whole source than to the source without that end")


def _unrendered_end(ctx: BeadContext) -> str | None:
    """The end of the bead's source that TQ508 reports at major because nothing renders it and the bead is far
    too short (:func:`_far_short`), or None: TQ503's minor tier then leaves the bead to TQ508."""
    weak = unsupported_tails(ctx.doc).get(ctx.index)
    if weak is None or ctx.index in missing_tails(ctx.doc) or not _at_end(ctx.src_text, weak[1]):
        return None
    return weak[1] if _far_short(ctx) else None


_FIGURE_MIN_WORDS = 8  # a source this long (words with letters) can lose its end with a figure


def _figure_in_tail(ctx: BeadContext) -> tuple[str, str, Severity | None] | None:
    """(the source's end, a figure of it, severity) when a bead shorter than the document's usual ratio (by
    ``_SUPPORT_SHORT``) lost a figure (TQ202's analysis: no counterpart in the bead or its neighbours) that
    stands in the source's last clause (after its last comma, semicolon, colon or dash), or in its last 40%
    when it has no such cut: the figure went with the end of the sentence. In a source written without spaces
    (Chinese, Japanese: the verb last, what a translation says last anywhere before it) the figure may stand
    anywhere, but then the finding is minor (a figure lost from the middle is as likely dropped alone, which
    TQ202 reports). The source has ``_FIGURE_MIN_WORDS`` words or more. The severity is TQ202's for that figure
    (None: major)."""
    from .numbers import analyse

    if not (ctx.bead.src and ctx.bead.tgt):
        return None
    src = ctx.src_text
    ratio = short_ratio(ctx)
    if ratio is None or ratio >= _SUPPORT_SHORT or len(_words(src)) < _FIGURE_MIN_WORDS:
        return None
    heads = _heads(src)
    start = src.rfind(heads[-1][1]) if heads else int(0.6 * len(src))
    anywhere = surface.unspaced_share(src) > 0.5  # Chinese and Japanese put the verb last: what a translation
    # says last may stand anywhere; but a figure lost from the middle is as likely dropped alone (TQ202 says so),
    # so the finding is only minor there
    for issue in analyse(ctx.doc).get(ctx.index, []):
        q = issue.src
        if issue.kind == "missing" and q is not None and (anywhere or q.start >= start >= 0) and not q.soft:
            if q.start >= start >= 0:
                return src[start:].strip(), q.text, issue.severity
            return src.strip(), q.text, Severity.MINOR
    return None


def _lost_in(ctx: BeadContext, part: str) -> str | None:
    """Evidence that a part of the bead's source is lost: a figure of it with no counterpart in the bead or
    its neighbours (TQ202's analysis), or a name of it that the translation writes as is elsewhere in the
    document but not here (:func:`lost_names`); None when the part holds neither."""
    from .numbers import analyse

    figures = [i.src.text for i in analyse(ctx.doc).get(ctx.index, []) if i.kind == "missing" and i.src
               and i.src.text in part]
    if figures:
        return f"its '{figures[0]}' has no counterpart"
    names = [w for w in lost_names(ctx) if w in part]
    if names:
        return f"its {', '.join(names[:3])} {'is' if len(names) == 1 else 'are'} not in the translation"
    return None


_NON_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=1 << 16)
@text_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Lower-case, without diacritics, spaces or hyphens: "Việt Nam" -> "vietnam" (once per word: the omission
    rules fold every word of every sentence and its neighbours)."""
    nfd = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return _NON_WORD.sub("", "".join(c for c in nfd if not unicodedata.combining(c))).casefold()


def _caps(text: str) -> list[str]:
    """Capitalised words and acronyms that are not sentence-initial."""
    toks = list(_TOKEN.finditer(text))
    words = [(k, re.split(r"['’]", t.group(0))[0]) for k, t in enumerate(toks)]
    return [w for k, w in words if k > 0 and w[:1].isupper() and len(w) >= 2]


def _item_names(sentence: str, item: str) -> list[str]:
    """Capitalised words of a list item (its first word too, unless it starts the sentence)."""
    return _caps(item if sentence.startswith(item) else " x " + item)


def source_lists(text: str, lang: str) -> list[list[str]]:
    """Comma-separated lists of three or more items ending in a conjunction ("A, B, and C")."""
    conj = _CONJ.get(lang, ())
    if not conj:
        return []
    parts = [p.strip() for p in re.split(r"[,;]\s+", text)]
    lists, run = [], []
    for p in parts:
        run.append(p)
        low = p.casefold()
        if any(low.startswith(c + " ") for c in conj) and len(run) >= 3:
            items = [re.sub(r"[.!?]+$", "", x) for x in run]
            lists.append(items)
            run = []
        elif len(_words(p)) > 14:
            run = [p]
    return lists


@text_cache(maxsize=4096)
@persistent("omission.folded_tokens")  # kept on disk between runs (tqcheck.textmemo)
def _folded_tokens(text: str) -> frozenset[str]:
    """Folded words of ``text`` and their two- and three-word joins ("Việt Nam" -> "vietnam")."""
    toks = [_fold(t) for t in _TOKEN.findall(text)]
    pairs = [a + b for a, b in zip(toks, toks[1:])]
    return frozenset([*toks, *pairs, *(ab + c for ab, c in zip(pairs, toks[2:]))])


@per_document
def target_names(doc: DocContext) -> set[str]:
    """Folded words and short joins of the whole target document (to see which source names it keeps)."""
    return _folded_tokens(" ".join(s.text for s in doc.target.segments))


@rule("TQ505", "list-omitted", Severity.MAJOR)
def list_omitted(ctx: BeadContext) -> Iterator[Hit]:
    """A list of named items in the source is missing from the translation.

    What: Finds comma-separated lists of three or more items in a source sentence ("A, B and C") and reports
    the list when at least two of its items carry names that the translation keeps elsewhere in the
    document (so the names are written the same way in the target) but none of the list's names appears
    in the aligned translation, nor in the target sentence just before or after it unless that sentence's
    own source has them (a translator who splits a long sentence often renders the list in its own
    sentence, which the aligner may pair with a neighbour).
    Why: Machine translation often shortens enumerations of projects, organisations or places to a general
    phrase, dropping the facts they carry. MQM: Accuracy / Omission, major.
    Example: source "projects including a plant in Hanoi, a complex in Moscow and a farm in Kaluga." ->
    target "các dự án trong nhiều lĩnh vực." while Hanoi and Moscow appear in other sentences.
    Fix: Translate every item of the list.
    """
    if not ctx.bead.src or not ctx.bead.tgt:
        return
    here = near_tokens(ctx)  # a list rendered in the sentence next door is not lost
    known = target_names(ctx.doc)
    for seg in ctx.src_segments:
        for items in source_lists(seg.text, ctx.doc.src_lang):
            named = [{_fold(c) for c in _item_names(seg.text, it)} - {""} for it in items]
            while len(items) > 3 and not named[0]:
                items, named = items[1:], named[1:]  # "We agreed on A, B and C": the list starts at A
            if sum(1 for n in named if n & known) < 2 or any(n & here for n in named):
                continue
            start = seg.text.find(items[0])
            end = seg.text.find(items[-1]) + len(items[-1])
            names = sorted({c for it in items for c in _item_names(seg.text, it) if _fold(c) in known})
            yield Hit("source", seg.index, max(0, start), max(start, end), f"the list of {len(items)} items "
                      f"is missing from the translation (none of {', '.join(names)} appears)",
                      evidence=ctx.tgt_text)


_INCOMPLETE_SHARE = 0.5  # at least half of the source's words without a translation


@rule("TQ507", "translation-incomplete", Severity.CRITICAL, scope="document",
      options={"min_share": _INCOMPLETE_SHARE})
def translation_incomplete(ctx: DocContext) -> Iterator[Hit]:
    """Most of the source has no translation: the target is incomplete or not a translation of it.

    What: Counts the words of source sentences that the aligner left without a counterpart (1-0 beads;
    headings, captions and repeated lines excluded). When they make up half of the source's words or more,
    reports the document once, on the first untranslated sentence, with the share and counts.
    Why: A truncated export, a translation of another article, or a file paired with the wrong source still
    produces sentence-level findings of only "major" omissions, so a gate on critical findings would pass a
    translation that is mostly missing. MQM: Accuracy / Omission, critical at this scale.
    Example: a 21-sentence English article checked against a 3-sentence French text: 18 source sentences
    (86% of the words) have no translation.
    Fix: Check that the right files are paired and that the translation is complete.
    """
    segs = ctx.source.segments
    total = sum(len(_words(s.text)) for s in segs if not is_heading(s))
    if total == 0 or len(segs) < 3:
        return
    missing = [segs[i] for b in ctx.beads if not b.tgt for i in b.src if not is_heading(segs[i])]
    lost = sum(len(_words(s.text)) for s in missing)
    share = lost / total
    if share < ctx.option("min_share") or not missing:
        return
    first = missing[0]
    yield Hit("source", first.index, 0, len(first.text),
              f"{len(missing)} of {len(segs)} source sentences ({share:.0%} of the words) have no translation: "
              "the translation is incomplete, or it is not a translation of this source")
