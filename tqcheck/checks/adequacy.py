"""TQ8xx: adequacy outliers, beads whose meaning similarity is far below the document's own level.

Multilingual sentence encoders give cosines in a narrow band that depends on the model, the language
pair and the text type, so fixed cut-offs do not transfer. This rule scores each bead against the
document's own distribution (a robust z-score on median and MAD) and reports only outliers.
"""
from __future__ import annotations

import statistics
from typing import Iterator

import numpy as np

from ..model import Severity
from .base import BeadContext, DocContext, Hit, per_document, rule

OPTIONS = {
    "min_beads": 6,  # a distribution needs this many scored beads
    "z": -3.0,  # robust z-score at or below which a bead is an outlier
    "min_drop": 0.03,  # and its score must be at least this far below the median (tight documents)
    "short_ratio": 0.6,  # corroboration: target/source length ratio (relative to the document's) below this
    "long_ratio": 1.8,  # ... or above this
}


@per_document
def bead_scores(doc: DocContext) -> dict[int, float]:
    """Score per bead with both sides: ``doc.sims`` when the aligner filled it, else encoder cosines."""
    pairs = [(b, bead) for b, bead in enumerate(doc.beads) if bead.src and bead.tgt]
    if doc.sims:
        scores = {b: float(doc.sims[b]) for b, _ in pairs if b in doc.sims}
    elif doc.embedder is not None and pairs:
        src = [" ".join(doc.source.segments[i].text for i in bead.src) for _, bead in pairs]
        tgt = [" ".join(doc.target.segments[j].text for j in bead.tgt) for _, bead in pairs]
        vecs = doc.embedder.encode(src + tgt)
        a, c = np.asarray(vecs[:len(src)]), np.asarray(vecs[len(src):])
        cos = (a * c).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(c, axis=1) + 1e-9)
        scores = {b: float(x) for (b, _), x in zip(pairs, cos)}
    else:
        scores = {}
    return scores


@per_document
def outliers(doc: DocContext) -> dict[int, tuple[float, float]]:
    """``{bead: (score, robust z)}`` for beads far below the document's median score (computed once per
    document: every bead asks)."""
    scores = bead_scores(doc)
    out: dict[int, tuple[float, float]] = {}
    z_max, min_drop = doc.option("z", "TQ801"), doc.option("min_drop", "TQ801")
    if len(scores) >= doc.option("min_beads", "TQ801"):
        vals = list(scores.values())
        med = statistics.median(vals)
        mad = 1.4826 * statistics.median(abs(v - med) for v in vals) or 1e-6
        out = {b: (s, (s - med) / mad) for b, s in scores.items() if (s - med) / mad <= z_max and med - s >= min_drop}
    return out


def _corroborated(ctx: BeadContext) -> str | None:
    """Another rule's evidence of a meaning error in this bead (checked directly, not through findings)."""
    from . import numbers, omission

    if numbers.differs(ctx.doc, ctx.index):  # (not a minor difference: a rank the source writes in words)
        return "its numbers differ"
    ratio = omission.short_ratio(ctx)
    low, high = ctx.option("short_ratio", "TQ801"), ctx.option("long_ratio", "TQ801")
    if ratio is not None and ratio > high or ratio is not None and ratio < low and not omission.long_neighbours(ctx):
        return "its length is unusual for this document"  # short next to a long neighbour: split elsewhere
    return None


@rule("TQ801", "low-adequacy", Severity.MINOR, options=OPTIONS)
def low_adequacy(ctx: BeadContext) -> Iterator[Hit]:
    """A sentence pair's meaning similarity is far below the rest of the document: possible mistranslation.

    What: Embeds each aligned source and target text with the multilingual encoder (or uses the aligner's
    margin-normalised scores) and reports a bead whose score lies three robust standard deviations
    (median/MAD) or more below the document's median (option ``z``) and at least ``min_drop`` below it, in a
    document with at least ``min_beads`` scored beads. Minor on its own; major when another check
    corroborates it (its numbers differ at major or worse, or its length ratio, relative to the document's usual one, is
    below ``short_ratio`` or above ``long_ratio``; a short bead next to a target sentence whose own bead is
    clearly long is no corroboration: the translator split the sentence elsewhere).
    Why: Garbled or invented translations keep the topic but lose the meaning; they stand out against the
    other sentences of the same document, whatever the model's absolute scale. MQM: Accuracy /
    Mistranslation.
    Example: source "Lavrov hailed Vietnam's growing stature." -> target "Hai bên nhất trí tăng cường hợp tác
    quốc phòng." in a document whose other sentences are faithful.
    Fix: Retranslate the sentence from the source.
    """
    out = outliers(ctx.doc)
    if ctx.index not in out or not ctx.tgt_segments:
        return
    score, z = out[ctx.index]
    why = _corroborated(ctx)
    seg = ctx.tgt_segments[0]
    msg = f"meaning similarity {score:.3f} is far below this document's usual level (z={z:.1f}): possible " \
          "mistranslation" + (f"; also {why}" if why else "")
    yield Hit("target", seg.index, 0, len(seg.text), msg, severity=Severity.MAJOR if why else None,
              evidence=ctx.src_text)
