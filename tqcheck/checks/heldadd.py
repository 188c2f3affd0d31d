"""Sentences held inside one target segment that the source does not render (TQ502's analysis).

The mirror of :mod:`tqcheck.checks.held`: the sentence splitter keeps a quotation of several sentences whole
(the full-width full stop inside Chinese or Japanese quotation marks, a full stop inside an English quote), so
a sentence added inside a quotation stays in one target segment with the sentences that translate the source;
the bead stays aligned, and no unaligned sentence shows the addition. Here each such segment is cut at its inner
sentence ends (:func:`tqcheck.checks.held.inner_sentences`) and every inner sentence is weighed as a member of a
group: one that the source does not render while it renders the others is reported on the target.

Only the segments of beads whose translation is longer than the document's usual length ratio are cut and
embedded (the cheap signal first: an added sentence lengthens its bead).
"""
from __future__ import annotations

import math

from .. import surface
from ..embed import _normalise as _unit
from .base import DocContext, per_document
from .held import HELD_BEST, HELD_GAIN, HELD_GAIN_WORDS, HELD_NEXT, HELD_SHARE, HELD_SUPPORT, inner_sentences

ADDED_LONG = 1.1  # only beads longer than the document's usual length ratio by this factor are cut


@per_document
def held_additions(doc: DocContext) -> dict[int, tuple[int, int]]:
    """``{target sentence: (start, end)}``: an inner sentence of a target segment that its source does not render.

    For each bead with a source and one target segment holding two or more inner sentences, whose translation is
    longer than the document's usual length ratio by ``ADDED_LONG``, each inner sentence is taken out in turn;
    the one the source matches least (cosine), if it has eight words or more (as for the members of a group,
    TQ502's ``member_words``: a short remark adds little), is reported when the source matches the rest better than the
    whole (by ``HELD_GAIN`` robust spreads of the document's bead similarities or more for a sentence of
    ``HELD_GAIN_WORDS`` words or more; at all otherwise, when the source *supports* it under ``HELD_SUPPORT`` of
    the document's gap between right and wrong pairs and under ``HELD_SHARE`` of the best supported other inner
    sentence, itself supported ``HELD_BEST`` or more), and no source sentence next to the bead supports it
    ``HELD_NEXT`` or more (the source then has it, aligned elsewhere). Document statistics only, no fixed cosine."""
    from .omission import margin_stats, member_option

    out: dict[int, tuple[int, int]] = {}
    st = margin_stats(doc)
    if st is None:
        return out
    emb, order, sv, near, gap, full, spread, med = st.emb, st.order, st.sv, st.near, st.gap, st.full, st.spread, st.med
    groups = []
    for a, b in enumerate(order):
        bead = doc.beads[b]
        if len(bead.tgt) != 1 or not bead.src or not near[a]:
            continue
        seg = doc.target.segments[bead.tgt[0]]
        s = sum(surface.length(doc.source.segments[i].text) for i in bead.src)
        t = surface.length(seg.text)
        if s < 20 or (t / s) / math.exp(med) < ADDED_LONG:
            continue
        spans = inner_sentences(seg.text, doc.tgt_lang)
        if len(spans) >= 2:
            groups.append((a, b, seg, spans))
    if not groups:
        return out
    texts = []
    for _, _, seg, spans in groups:
        parts = [seg.text[x:y] for x, y in spans]
        texts += parts + [" ".join(p for k, p in enumerate(parts) if k != m) for m in range(len(parts))]
    v = _unit(emb.encode(texts))
    k = 0
    found = []
    for a, b, seg, spans in groups:
        n = len(spans)
        vp, vr = v[k:k + n], v[k + n:k + 2 * n]
        k += 2 * n
        own = vp @ sv[a]
        sup = (own - (vp @ sv[near[a]].T).mean(axis=1)) / gap
        m = int(own.argmin())
        x, y = spans[m]
        words = len(surface.words(seg.text[x:y]))
        if words < member_option(doc, "target", "member_words"):
            continue
        gain = (full[b] - float(vr[m] @ sv[a])) / spread  # < 0: the source matches the rest better
        best = max(float(sup[j]) for j in range(n) if j != m)
        by_support = best >= HELD_BEST and sup[m] < min(HELD_SUPPORT, HELD_SHARE * best)
        by_gain = words >= HELD_GAIN_WORDS and gain <= HELD_GAIN
        if by_gain or gain < 0 and by_support:
            bead = doc.beads[b]
            js = [i for i in (min(bead.src) - 1, max(bead.src) + 1) if 0 <= i < len(doc.source.segments)]
            found.append((a, seg.index, (x, y), vp[m], js))
    if found and any(js for *_, js in found):
        nv = _unit(emb.encode([doc.source.segments[i].text for *_, js in found for i in js]))
    k = 0
    for a, index, span, vm, js in found:
        beside = [(float(vm @ nv[k + i]) - float((sv[near[a]] @ vm).mean())) / gap for i in range(len(js))]
        k += len(js)
        if max(beside, default=0.0) < HELD_NEXT:
            out[index] = span
    return out
