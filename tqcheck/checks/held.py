"""Sentences held inside one source segment that the translation leaves out (TQ501's analysis).

The sentence splitter keeps a quotation of several sentences whole in some languages (the tuned English
rules: a full stop inside a quotation of up to 300 characters never ends the sentence), and a headline or a
quote may hold several sentences the other side splits. A translation that drops one of those sentences keeps
its bead 1-1, so no unaligned sentence shows the loss, and the rules that look at a bead's last clause
(TQ508) see a sentence boundary, not a clause. Here each such segment is cut at its inner sentence ends and
every inner sentence is weighed as a member of a group (as :func:`tqcheck.checks.omission.unsupported_members`
weighs the sentences of a many-to-one bead): one that the translation does not render while the others are
rendered is reported on the source, where the reader finds it.

Only the segments of beads whose translation is shorter than the document's usual length ratio are cut and
embedded (the cheap signal first), so a check embeds little more text.
"""
from __future__ import annotations

import math
import re

from .. import surface
from ..embed import _normalise as _unit
from .base import DocContext, per_document

# an inner sentence end: a terminator (and closing quotes or brackets), a space, then an opening quote or bracket
# and a letter that must be upper case in a cased script ("U.S. peace deal" and "e.g. the" do not end)
_SPACED_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+(?=[\"'“„«‘(\[]?([^\W\d_]))")
_UNSPACED_END = re.compile(r"[。！？]+[」』”’)）]*")  # Chinese and Japanese: the full-width terminators
_MIN_WORDS = 4  # an inner sentence shorter than this joins the next one ("Mr." + "Blair said ...")
HELD_SHORT = 0.9  # only beads shorter than the document's usual length ratio by this factor are cut
HELD_GAIN = -0.6  # the translation matches the segment this many robust spreads better without the sentence
HELD_GAIN_WORDS = 8  # ... for a sentence of this many words or more
HELD_SUPPORT = 0.5  # or the translation supports it under this share of the document's gap
HELD_SHARE = 0.4  # ... and under this share of the best supported other inner sentence
HELD_BEST = 0.5  # ... which is itself supported this much (the translation renders the rest)
HELD_FAR = 0.65  # or the bead is under this share of the usual length ratio (TQ503's minor tier) ...
HELD_USUAL = (0.75, 1.33)  # ... and within this range of it without the sentence, the least rendered one
HELD_NEXT = 0.3  # and no target sentence next to the bead (with room for it) supports it this much


_BEFORE = re.compile(r"([^\W\d_]+)\W*$")


_WORD = re.compile(r"[^\W\d_]+")


def _seams(text: str, lower: frozenset[str], stops: frozenset[str] = frozenset()) -> list[int]:
    """Offsets of the sentence starts in ``text`` that no punctuation marks (a heading without its full stop run
    into the next sentence: "... a new coach for Madrid And those include ..."): a title-case word right after a
    word that ends in lower case (a name too, not an acronym; only whitespace between) and before a lower-case
    word, that the document writes in lower case elsewhere (``lower``): a common word that only a sentence start
    capitalises, not a name. Not inside a title-case heading ("Fires and Pepper Spray as Crowds March"): at most
    one of the three words before it is capitalised; nor after a word that cannot end a sentence (``stops``: the
    language profile's ``dangling`` words: "the Earth looks")."""
    words = list(_WORD.finditer(text))
    out = []
    for k in range(1, len(words) - 1):
        prev, cur, nxt = words[k - 1], words[k], words[k + 1]
        w = cur.group()
        if len(w) >= 2 and w[0].isupper() and w[1:].islower() and prev.group()[-1].islower() \
                and nxt.group()[0].islower() and text[prev.end():cur.start()].isspace() and w.lower() in lower \
                and sum(x.group()[0].isupper() for x in words[max(0, k - 3):k]) <= 1 \
                and prev.group().casefold() not in stops:
            out.append(cur.start())
    return out


def inner_sentences(text: str, lang: str = "", lower: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """``(start, end)`` of the sentences inside one segment's ``text``, each of ``_MIN_WORDS`` words or more (a
    shorter piece joins the next one, the last joins the one before); one span when there is no inner end. A
    full stop after a single letter ("U.S.", an initial) or after a title or abbreviation of the language's
    sentence splitter ("Mr.", "Dr.") ends nothing; one after a number does ("... rose 5. The ..."), except in a
    language that writes its ordinals with a dot (the splitter's ``ordinal_dot``: German "am 5. Mai"). Where capitals mark names (the language profile), a sentence
    also starts without punctuation at a title-case word between lower-case ones that the document writes in
    lower case elsewhere (``lower``; :func:`_seams`): a heading run into the next sentence."""
    from ..lang import profile
    from ..segment import _Rules

    rules = _Rules.for_lang(lang)
    titles = rules.titles
    if lower and lang and profile(lang).capitals_mark_names:
        from .omission import dangling

        cuts = _seams(text, lower, dangling(lang))
    else:
        cuts = []
    for m in _SPACED_END.finditer(text):
        letter = m.group(1)
        before = _BEFORE.search(text, 0, m.start() + 1)
        word = before.group(1) if before else ""
        if text[m.start()] == "." and m.start() > 0 and text[m.start() - 1].isdigit():
            if rules.ordinal_dot:  # "am 5. Mai": the language writes its ordinals with a dot
                continue
        elif text[m.start()] == "." and (len(word) <= 1 or word.lower() in titles):
            continue
        if letter and (letter.isupper() or not letter.islower()):
            cuts.append(m.end())
    cuts += [m.end() for m in _UNSPACED_END.finditer(text) if m.end() < len(text.rstrip())]
    spans, start = [], 0
    for cut in sorted(set(cuts)):
        if len(surface.words(text[start:cut])) >= _MIN_WORDS:
            spans.append((start, cut))
            start = cut
    if start < len(text):
        if spans and len(surface.words(text[start:])) < _MIN_WORDS:
            spans[-1] = (spans[-1][0], len(text))
        else:
            spans.append((start, len(text)))
    return [(s, e - (len(text[s:e]) - len(text[s:e].rstrip()))) for s, e in spans]


@per_document
def _lower_words(doc: DocContext) -> frozenset[str]:
    """The words the source document writes in lower case (once per document)."""
    return frozenset(m.group() for seg in doc.source.segments for m in _WORD.finditer(seg.text)
                     if m.group()[0].islower())


@per_document
def held_members(doc: DocContext) -> dict[int, list[tuple[int, int]]]:
    """``{source sentence: [(start, end)]}``: inner sentences of a source segment that its translation leaves out.

    For each bead with one source segment holding two or more inner sentences (:func:`inner_sentences`) and a
    translation shorter than the document's usual length ratio by ``HELD_SHORT``, each inner sentence is taken out
    in turn, and the one the translation matches least (cosine) is reported when:

    - the translation matches the rest of the segment better than the whole by ``HELD_GAIN`` robust spreads of
      the document's bead similarities or more, it has ``HELD_GAIN_WORDS`` words or more, and the translation
      matches it less than the other inner sentences on average; or
    - the translation matches the rest better than the whole at all (the margin is below 0: the sentence pulls
      the segment away from its translation), and either the bead is under ``HELD_FAR`` of the usual length
      ratio and within ``HELD_USUAL`` of it without the sentence (length and meaning agree), or the translation
      *supports* it (cosine with the translation minus mean cosine with the translations of the five beads each
      side, in units of the document's gap between right and wrong sentence pairs) under ``HELD_SUPPORT`` and
      under ``HELD_SHARE`` of the best supported other inner sentence, itself supported ``HELD_BEST`` or more;

    and no target sentence next to the bead whose bead has room for it (:func:`omission._has_room`) supports it
    ``HELD_NEXT`` or more (the translator moved it there). Document statistics only, no fixed cosine."""
    from .omission import _has_room, _tgt_owner, margin_stats

    out: dict[int, list[tuple[int, int]]] = {}
    st = margin_stats(doc)
    if st is None:
        return out
    emb, order, tv, near, gap, full, spread, med = st.emb, st.order, st.tv, st.near, st.gap, st.full, st.spread, st.med
    groups = []
    for a, b in enumerate(order):
        bead = doc.beads[b]
        if len(bead.src) != 1 or not near[a]:
            continue
        seg = doc.source.segments[bead.src[0]]
        s, t = surface.length(seg.text), sum(surface.length(doc.target.segments[j].text) for j in bead.tgt)
        if s < 20 or (t / s) / math.exp(med) >= HELD_SHORT:
            continue
        spans = inner_sentences(seg.text, doc.src_lang, _lower_words(doc))
        if len(spans) >= 2:
            groups.append((a, b, seg, spans, s, t))
    if not groups:
        return out
    texts = []
    for _, _, seg, spans, *_ in groups:
        parts = [seg.text[x:y] for x, y in spans]
        texts += parts + [" ".join(p for k, p in enumerate(parts) if k != m) for m in range(len(parts))]
    v = _unit(emb.encode(texts))
    segs, owner = doc.target.segments, _tgt_owner(doc)
    k = 0
    found = {}  # {source sentence: (cosine, candidate)}: the least rendered inner sentence of each segment
    for a, b, seg, spans, s, t in groups:
        n = len(spans)
        vp, vr = v[k:k + n], v[k + n:k + 2 * n]
        k += 2 * n
        own = vp @ tv[a]
        sup = (own - (vp @ tv[near[a]].T).mean(axis=1)) / gap
        for m, (x, y) in enumerate(spans):
            rest = float((own.sum() - own[m]) / (n - 1))
            gain = (full[b] - float(vr[m] @ tv[a])) / spread  # < 0: the translation matches the rest better
            best = max(float(sup[j]) for j in range(n) if j != m)
            without = t / max(s - surface.length(seg.text[x:y]), 1) / math.exp(med)
            by_length = (t / s) / math.exp(med) < HELD_FAR and HELD_USUAL[0] <= without <= HELD_USUAL[1] \
                and own[m] == own.min()
            by_support = best >= HELD_BEST and sup[m] < min(HELD_SUPPORT, HELD_SHARE * best)
            by_gain = len(surface.words(seg.text[x:y])) >= HELD_GAIN_WORDS and gain <= HELD_GAIN and own[m] < rest
            if by_gain or gain < 0 and (by_length or by_support):
                if seg.index not in found or float(own[m]) < found[seg.index][0]:
                    bead = doc.beads[b]
                    js = [j for j in (min(bead.tgt) - 1, max(bead.tgt) + 1) if 0 <= j < len(segs) and j in owner
                          and _has_room(doc, owner[j], b)]
                    found[seg.index] = (float(own[m]), (a, seg.index, (x, y), vp[m], js))
    found = [x for _, x in found.values()]
    if found and any(js for *_, js in found):
        nv = _unit(emb.encode([segs[j].text for *_, js in found for j in js]))
    k = 0
    for a, index, span, vm, js in found:
        beside = [(float(vm @ nv[k + i]) - float((tv[near[a]] @ vm).mean())) / gap for i in range(len(js))]
        k += len(js)
        if max(beside, default=0.0) < HELD_NEXT:
            out.setdefault(index, []).append(span)
    return out
