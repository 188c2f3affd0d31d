"""An added sentence run into the next one without a full stop (TQ502): the start of a target sentence, up to a
capitalised word straight after a lower-case word, that the bead's source does not render.

A sentence without its final full stop (a heading, a caption, a line pasted from another text) runs into the
sentence after it, so the segmenter keeps both in one target sentence, the aligner pairs it with the second
one's source, and no unaligned sentence shows the addition; the bead is then far longer than usual. The seam is
where a new sentence starts without punctuation: a title-case word right after a lower-case word. The part
before it counts as added when the source matches the sentence without it markedly better than the whole (a
margin in the document's own robust spread of bead similarities, never a fixed cosine), supports it barely
(under ``_RUNIN_SUPPORT`` of the document's gap between right and wrong pairs) and supports the rest. Only beads
already far longer than usual are cut and embedded. Scripts without letter case have no such seam, and a
language written without spaces is not cut at the Latin words it holds (names and titles, in Chinese or Japanese).

The mirror at a sentence's end (:func:`added_ends`): text from elsewhere run on after a comma (a segment that
ended in a comma, and a pasted sentence after it) is cut at the clause marks of the bead's last target sentence,
in any script, and weighed the same way; and a sentence pasted after one without its full stop (a heading) is
cut at the seams of each target sentence of the bead, in a cased script written with spaces.

The mirror on the source side (:func:`dropped_starts`, TQ501): a source heading without its full stop runs into
the first sentence of the text, the translation renders only that sentence, and the bead is far shorter than
usual; the start before the seam is weighed the same way against the translation.
"""
from __future__ import annotations

import math
import re

from .. import surface
from ..embed import _normalise as _unit
from .base import DocContext, per_document

_RUNIN_LONG = 1.4  # beads longer than the document's usual length ratio by this factor are cut
_RUNIN_GAIN = 0.5  # the source matches the sentence without the start this many robust spreads better
_RUNIN_SUPPORT = 0.3  # ... supports the start under this share of the document's gap
_RUNIN_REST = 0.5  # ... and the rest at least this much
_RUNIN_WORDS = 3  # words on each side of the seam
_PASTED_WORDS = 6  # words of a sentence pasted after a seam (added_ends), at least

_WORD = re.compile(r"[^\W\d_]+")


_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s")


def seams(text: str, stops: frozenset[str] = frozenset()) -> list[int]:
    """Offsets in ``text`` of each title-case word that directly follows a lower-case word (only whitespace
    between), with ``_RUNIN_WORDS`` words or more before and after it: where a sentence without its full stop
    runs into the next. Not after a word that cannot end a sentence (``stops``: the language profile's
    ``dangling`` words, "the", "in"), nor after a sentence end of the text (what stands before is then no
    sentence that lost its full stop). None in a script without letter case."""
    words = list(_WORD.finditer(text))
    out = []
    for k in range(_RUNIN_WORDS, len(words) - _RUNIN_WORDS + 1):
        prev, cur = words[k - 1], words[k]
        w = cur.group()
        if w[0].isupper() and (len(w) == 1 or w[1:].islower()) and prev.group()[-1].islower() \
                and text[prev.end():cur.start()].isspace() and prev.group().casefold() not in stops \
                and not _SENTENCE_END.search(text, 0, cur.start()):
            out.append(cur.start())
    return out


@per_document
def run_in(doc: DocContext) -> dict[int, tuple[int, int, float]]:
    """``{bead: (target sentence, end of the added start in it, margin)}`` for beads whose first target sentence
    starts with text the source does not render, run into the sentence without a full stop (see the module).

    Each bead with both sides whose target is longer than the document's usual length ratio by ``_RUNIN_LONG``
    has its first target sentence cut at each :func:`seams`; the start before a seam is reported when the source
    matches the bead's target without it better than the whole by ``_RUNIN_GAIN`` robust spreads, supports it
    under ``_RUNIN_SUPPORT`` and supports the rest ``_RUNIN_REST`` or more (support as
    :func:`omission._support_scale` measures it, against the sources of the neighbouring beads). The seam with the
    largest margin is kept."""
    from ..lang import profile
    from . import omission as om

    out: dict[int, tuple[int, int, float]] = {}
    if not profile(doc.tgt_lang).spaces_between_words:
        return out  # Chinese, Japanese: the Latin words inside are names and titles, and no case marks a seam
    st = om.margin_stats(doc)
    if st is None:
        return out
    emb, order, sv, near, gap, full, spread, med = st.emb, st.order, st.sv, st.near, st.gap, st.full, st.spread, st.med
    stops = om.dangling(doc.tgt_lang)
    cand = []
    for a, b in enumerate(order):
        bead = doc.beads[b]
        s = " ".join(doc.source.segments[i].text for i in bead.src)
        first = doc.target.segments[bead.tgt[0]]
        t = " ".join(doc.target.segments[j].text for j in bead.tgt)
        if surface.length(s) < 20 or not near[a] or (surface.length(t) / surface.length(s)) / math.exp(med) \
                < _RUNIN_LONG:
            continue
        for k in seams(first.text, stops):
            rest = (first.text[k:] + t[len(first.text):]).strip()
            cand.append((a, b, first.index, k, first.text[:k].strip(), rest))
    if not cand:
        return out
    v = _unit(emb.encode([x for *_, start, rest in cand for x in (start, rest)]))
    for (a, b, j, k, _, _), pv, rv in zip(cand, v[0::2], v[1::2]):
        wrong_p, wrong_r = float((sv[near[a]] @ pv).mean()), float((sv[near[a]] @ rv).mean())
        support = (float(pv @ sv[a]) - wrong_p) / gap
        rest_support = (float(rv @ sv[a]) - wrong_r) / gap
        gain = (float(rv @ sv[a]) - full[b]) / spread
        if gain >= _RUNIN_GAIN and support < _RUNIN_SUPPORT and rest_support >= _RUNIN_REST \
                and (b not in out or gain > out[b][2]):
            out[b] = (j, k, gain)
    return out


@per_document
def added_ends(doc: DocContext) -> dict[int, tuple[int, int, float, bool]]:
    """``{bead: (target sentence, start of the added end in it, margin)}`` for beads whose last target sentence
    ends with clauses the source does not render: a sentence from elsewhere run on after a comma (a segment that
    ended in a comma, then text pasted after it), the mirror of :func:`run_in` at the sentence's end.

    Each bead with both sides whose target is longer than the document's usual length ratio by ``_RUNIN_LONG``
    has its last target sentence cut at each clause mark (comma, semicolon, colon, dash; not inside a figure) with
    ``omission._TAIL_WORDS`` words or more on each side; the end after a mark is reported when the source matches
    the bead's target without it better than the whole by ``_RUNIN_GAIN`` robust spreads, supports it under
    ``_RUNIN_SUPPORT`` and supports the rest ``_RUNIN_REST`` or more, while the sources of the beads before and
    after it support it under ``omission._SUPPORT_NEXT`` (else the translator joined the next sentence to this
    one). Every target sentence of such a bead is also cut at its :func:`seams` (:func:`_noun_seams` where every
    noun is capitalised), the end after a seam holding ``_PASTED_WORDS`` words or more: a sentence pasted after
    one that lost its full stop (a heading). It is weighed the same way, and no source sentence of the document
    may support it ``omission._SUPPORT_HEAD`` or more (a heading that the translator ran into the next sentence
    of its own text is rendered by that sentence's source). The cut with the largest margin is kept; the last
    value says whether it is such a seam."""
    from . import omission as om

    out: dict[int, tuple[int, int, float, bool]] = {}
    st = om.margin_stats(doc)
    if st is None:
        return out
    emb, order, sv, near, gap, full, spread, med = st.emb, st.order, st.sv, st.near, st.gap, st.full, st.spread, st.med
    seamed = _seam_finder(doc)
    cand = []
    for a, b in enumerate(order):
        bead = doc.beads[b]
        s = " ".join(doc.source.segments[i].text for i in bead.src)
        last = doc.target.segments[bead.tgt[-1]]
        t = " ".join(doc.target.segments[j].text for j in bead.tgt)
        if surface.length(s) < 20 or not near[a] or (surface.length(t) / surface.length(s)) / math.exp(med) \
                < _RUNIN_LONG:
            continue
        before = t[:len(t) - len(last.text)]
        for m in om._CLAUSE.finditer(last.text):
            head, tail = last.text[:m.start()].rstrip(), last.text[m.end():].strip()
            if len(surface.words(head)) >= om._TAIL_WORDS and len(surface.words(tail)) >= om._TAIL_WORDS:
                cand.append((a, b, last.index, m.end() + len(last.text[m.end():]) - len(last.text[m.end():].lstrip()),
                             before + head, tail, False))
        if seamed is not None:  # a sentence pasted after one without its full stop (a heading), in any sentence
            for j in bead.tgt:
                text = doc.target.segments[j].text
                for k in seamed(text):
                    if len(surface.words(text[k:])) < _PASTED_WORDS:
                        continue  # (a name's last words: "... of the Yangtze River) to Guanyintan.")
                    rest = " ".join(doc.target.segments[x].text if x != j else text[:k].rstrip() for x in bead.tgt)
                    cand.append((a, b, j, k, rest, text[k:].strip(), True))
    if not cand:
        return out
    v = _unit(emb.encode([x for *_, rest, end, _ in cand for x in (rest, end)]))
    # a sentence pasted after a seam comes from elsewhere: no source sentence of the document renders it as a
    # rendered sentence is supported (omission._SUPPORT_HEAD); a heading that the translation ran into the next
    # sentence of its own text, or a subtitle, is rendered there
    every = _unit(emb.encode([seg.text for seg in doc.source.segments])) if any(c[-1] for c in cand) else None
    for (a, b, j, k, _, _, seam), rv, ev in zip(cand, v[0::2], v[1::2]):
        support = (float(ev @ sv[a]) - float((sv[near[a]] @ ev).mean())) / gap
        rest_support = (float(rv @ sv[a]) - float((sv[near[a]] @ rv).mean())) / gap
        gain = (float(rv @ sv[a]) - full[b]) / spread
        # the source of a bead next to this one renders the end: the translator joined two sentences
        beside = max(((float(ev @ sv[x]) - float((sv[near[a]] @ ev).mean())) / gap
                      for x in (a - 1, a + 1) if 0 <= x < len(order)), default=0.0)
        elsewhere = (float((every @ ev).max()) - float((sv[near[a]] @ ev).mean())) / gap \
            if seam and every is not None else 0.0
        if gain >= _RUNIN_GAIN and support < _RUNIN_SUPPORT and rest_support >= _RUNIN_REST \
                and beside < om._SUPPORT_NEXT and elsewhere < om._SUPPORT_HEAD and (b not in out or gain > out[b][2]):
            out[b] = (j, k, gain, seam)
    return out


def _seam_finder(doc: DocContext, side: str = "target"):  # noqa: ANN202 - a function of a sentence, or None
    """The seams (:func:`seams`) of ``side``'s sentences, as a function of a sentence's text; where every noun is
    capitalised (German), :func:`_noun_seams`: a capitalised word that the document also writes in lower case (a
    preposition or pronoun starting a sentence: "... in Südostasien Von den ..."), not any capital. None in a
    language written without spaces or a script without case."""
    from ..lang import profile
    from . import omission as om

    lang, segs = (doc.tgt_lang, doc.target.segments) if side == "target" else (doc.src_lang, doc.source.segments)
    prof = profile(lang)
    if not prof.spaces_between_words or prof.script not in _CASED:
        return None
    stops = om.dangling(lang)
    if prof.capitals_mark_names:
        return lambda text: seams(text, stops)
    lower = frozenset(w.group() for seg in segs for w in _WORD.finditer(seg.text) if w.group()[:1].islower())
    return lambda text: _noun_seams(text, stops, lower)


_CASED = frozenset({"Latn", "Cyrl", "Grek", "Armn"})  # scripts with letter case


def _noun_seams(text: str, stops: frozenset[str], lower: frozenset[str]) -> list[int]:
    """:func:`seams` for a language that capitalises every noun: offsets of each capitalised word that
    ``lower`` (the document's lower-case words) holds in lower case, straight after a word (only whitespace
    between) that is no ``stops`` word, with ``_RUNIN_WORDS`` words or more before and after it, and no sentence
    end before it."""
    words = list(_WORD.finditer(text))
    out = []
    for k in range(_RUNIN_WORDS, len(words) - _RUNIN_WORDS + 1):
        prev, cur = words[k - 1], words[k]
        w = cur.group()
        if w[0].isupper() and w[1:].islower() and w.lower() in lower and text[prev.end():cur.start()].isspace() \
                and prev.group().casefold() not in stops and not _SENTENCE_END.search(text, 0, cur.start()):
            out.append(cur.start())
    return out


_DROPPED_SHORT = 1 / _RUNIN_LONG  # beads shorter than the document's usual length ratio by this factor are cut
_DROPPED_SUPPORT = 0.5  # the translation supports the start under this share of the document's gap (a heading
# shares the names of the sentence after it, which the translation renders)


@per_document
def dropped_starts(doc: DocContext) -> dict[int, tuple[int, int, float]]:
    """``{bead: (source sentence, end of the lost start in it, margin)}`` for beads whose first source sentence
    starts with text the translation does not render, run into the sentence without a full stop: a heading the
    translation left out, the mirror of :func:`run_in` (TQ501).

    Each bead with both sides whose target is shorter than the document's usual length ratio by
    ``_DROPPED_SHORT`` has its first source sentence cut at each :func:`seams` (in a language that capitalises
    every noun, at each :func:`_noun_seams`; none in a language written without spaces or a script without case); the start before a seam is reported when the
    translation matches the source without it better than the whole by ``_RUNIN_GAIN`` robust spreads, supports
    it under ``_DROPPED_SUPPORT`` and the rest ``_RUNIN_REST`` or more (against the translations of the
    neighbouring beads), and neither target sentence next to the bead that is longer than usual by half of what
    this bead lacks (``omission._has_room``) supports it ``omission._SUPPORT_NEXT`` (the translator may have moved
    the heading there; a neighbour of usual length only shares the topic). The seam with the largest margin is kept."""
    from . import omission as om

    out: dict[int, tuple[int, int, float]] = {}
    seamed = _seam_finder(doc, "source")
    if seamed is None:
        return out
    st = om.margin_stats(doc)
    if st is None:
        return out
    emb, order, tv, near, gap, full, spread, med = st.emb, st.order, st.tv, st.near, st.gap, st.full, st.spread, st.med
    cand = []
    for a, b in enumerate(order):
        bead = doc.beads[b]
        first = doc.source.segments[bead.src[0]]
        s = " ".join(doc.source.segments[i].text for i in bead.src)
        t = " ".join(doc.target.segments[j].text for j in bead.tgt)
        if surface.length(s) < 20 or not near[a] or (surface.length(t) / surface.length(s)) / math.exp(med) \
                > _DROPPED_SHORT:
            continue
        for k in seamed(first.text):
            rest = (first.text[k:] + s[len(first.text):]).strip()
            cand.append((a, b, first.index, k, first.text[:k].strip(), rest))
    if not cand:
        return out
    v = _unit(emb.encode([x for *_, start, rest in cand for x in (start, rest)]))
    for (a, b, j, k, _, _), pv, rv in zip(cand, v[0::2], v[1::2]):
        support = (float(pv @ tv[a]) - float((tv[near[a]] @ pv).mean())) / gap
        rest_support = (float(rv @ tv[a]) - float((tv[near[a]] @ rv).mean())) / gap
        gain = (float(rv @ tv[a]) - full[b]) / spread
        beside = max(((float(pv @ tv[x]) - float((tv[near[a]] @ pv).mean())) / gap
                      for x in (a - 1, a + 1) if 0 <= x < len(order) and om._has_room(doc, order[x], b)),
                     default=0.0)
        if gain >= _RUNIN_GAIN and support < _DROPPED_SUPPORT and rest_support >= _RUNIN_REST \
                and beside < om._SUPPORT_NEXT and (b not in out or gain > out[b][2]):
            out[b] = (j, k, gain)
    return out
