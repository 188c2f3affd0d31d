"""The alignment's own margin for a lost end of a sentence (TQ508): the translation fits its source without
that end markedly better than the whole source, and renders the end no better than its neighbours do.

A translation cut before its last words still matches its source closely (the encoder weighs the bulk of the
sentence), so a short cut moves the bead's similarity too little to show on its own, and the source may have no
comma before what was lost ("... who was taken to a hospital in stable condition"). But the source *without*
that end is then a markedly better match for the translation than the whole source: a margin, measured in the
document's own robust spread of bead similarities, never a fixed cosine. Measured only where a cheap signal
already points (the bead is shorter than the document's usual length ratio), and the ends themselves are
embedded only where the margin points at them.
"""
from __future__ import annotations

import math

from .. import surface
from ..embed import _normalise as _unit
from .base import DocContext, per_document

_MARGIN_SHORT = 0.95  # beads shorter than the document's usual length ratio by this factor are measured
_MARGIN_GAIN = 1.0  # the source without the end matches the translation this many robust spreads better
_MARGIN_SUPPORT = 0.3  # ... and the translation supports the end under this share of the document's gap
_MARGIN_HEAD = 0.5  # ... while it supports the rest of the source this much (as TQ508's support test)
_MARGIN_NEXT = 0.3  # ... and neither target sentence next to the bead supports the end this much


@per_document
def margin_tails(doc: DocContext) -> dict[int, tuple[str, str, float]]:
    """``{bead: (head, tail, margin)}`` for beads whose translation fits the source without its end markedly
    better than the whole source.

    Each bead of ``min_words`` (TQ508's option) source words or more, shorter than the document's usual length ratio (by
    ``_MARGIN_SHORT``) and matching its source less than the document's median bead, has its source's end cut as TQ508 cuts it (:func:`omission._tail_cuts`: the last clause
    after punctuation and, in a script written with spaces, its last 4, 6, 9 and 13 words, at most half of it).
    The heads (the source without each end) are embedded; an end counts when the translation is closer to the
    head than to the whole source by ``_MARGIN_GAIN`` robust spreads of the document's bead similarities and
    supports the head (``_MARGIN_HEAD`` of the document's gap between right and wrong pairs, as
    :func:`omission._support_scale` measures it). Only those ends are embedded: one is reported when the
    translation supports it under ``_MARGIN_SUPPORT`` of the gap and neither target sentence next to the bead
    supports it ``_MARGIN_NEXT`` or more (a translator who moved it there did not lose it). The margin and the
    support are independent evidence: a translation that renders the end in words the encoder weighs little
    stays as close to the whole source as to the rest. The end with the largest margin is kept."""
    from . import omission as om

    out: dict[int, tuple[str, str, float]] = {}
    st = om.margin_stats(doc)
    if st is None:
        return out
    emb, order, tv, near, gap, full, mid, spread, med = st.emb, st.order, st.tv, st.near, st.gap, st.full, st.mid, \
        st.spread, st.med
    min_words = doc.option("min_words", "TQ508")
    cand = []
    for a, b in enumerate(order):
        bead = doc.beads[b]
        s = " ".join(doc.source.segments[i].text for i in bead.src)
        t = " ".join(doc.target.segments[j].text for j in bead.tgt)
        if len(om._words(s)) < min_words or surface.length(s) < 20 or not near[a]:
            continue
        if (surface.length(t) / surface.length(s)) / math.exp(med) >= _MARGIN_SHORT or full[b] >= mid:
            continue  # (a translation that lost its end matches the whole source less than usual)
        cuts = [cut for cut in om._tail_cuts(s) if om._at_end(s, cut[1])]
        cand += [(a, b, head, tail) for head, tail in cuts]
    if not cand:
        return out
    hv = _unit(emb.encode([head for _, _, head, _ in cand]))
    kept = []
    for (a, b, head, tail), h in zip(cand, hv):
        gain = (float(h @ tv[a]) - full[b]) / spread
        head_support = (float(h @ tv[a]) - float((tv[near[a]] @ h).mean())) / gap
        if gain >= _MARGIN_GAIN and head_support >= _MARGIN_HEAD:
            kept.append((a, b, head, tail, gain))
    if not kept:
        return out
    lv = _unit(emb.encode([tail for _, _, _, tail, _ in kept]))
    segs, owner = doc.target.segments, om._tgt_owner(doc)
    for (a, b, head, tail, gain), v in zip(kept, lv):
        wrong = float((tv[near[a]] @ v).mean())
        if (float(v @ tv[a]) - wrong) / gap >= _MARGIN_SUPPORT:
            continue
        lo, hi = min(doc.beads[b].tgt), max(doc.beads[b].tgt)
        nxt = [segs[j].text for j in (lo - 1, hi + 1) if 0 <= j < len(segs) and j in owner]
        nv = _unit(emb.encode(nxt)) if nxt else []
        if any((float(v @ x) - wrong) / gap >= _MARGIN_NEXT for x in nv):
            continue
        if b not in out or gain > out[b][2]:
            out[b] = (head, tail, gain)
    return out
