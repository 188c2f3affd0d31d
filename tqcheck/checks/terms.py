"""TQ3xx: glossary terms (user glossaries and the built-in geography/diplomacy list)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Iterator

from ..model import Severity
from ..names.text import base_lang, fold, parts
from .base import BeadContext, Hit, per_document, rule


@dataclass(frozen=True)
class Occurrence:
    entry: Any  # GlossaryEntry
    side: str
    segment: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TermIssue:
    code: str  # TQ301 | TQ302 | TQ303
    occ: Occurrence  # where it is reported
    expected: Any  # the entry whose rendering is required
    evidence: Occurrence | None  # the source occurrence
    added: str = ""  # TQ303: the added name


def _body(term: str) -> str:
    return r"[\s\-]+".join(re.escape(w) for w in term.split())


@functools.lru_cache(maxsize=4096)
def _pattern(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){_body(term)}(?![\w])", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _any_pattern(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern that matches wherever any form's :func:`_pattern` would (and maybe elsewhere): the forms' bodies
    without the word boundaries, which lets the search skip to the letters a form can begin with."""
    return re.compile("|".join(_body(f) for f in forms), re.IGNORECASE) if forms else None


def find_terms(entries: list[Any], side: str, segments: list[Any]) -> list[Occurrence]:
    """Non-overlapping occurrences, longest term first."""
    forms = []
    for e in entries:
        for f in ([e.source] if side == "source" else list(e.targets)):
            forms.append((len(f), f, e))
    forms.sort(key=lambda x: -x[0])
    patterns = [(_pattern(form), e) for _, form, e in forms]  # compiled once, not per segment
    # one pass over a segment with every form at once finds whether any form is there at all (most segments
    # hold none): only those segments are searched form by form
    anywhere = _any_pattern(tuple(form for _, form, _ in forms))
    out: list[Occurrence] = []
    for seg in segments:
        if anywhere is None or anywhere.search(seg.text) is None:
            continue
        taken: list[tuple[int, int]] = []
        for pat, e in patterns:
            for m in pat.finditer(seg.text):
                if any(m.start() < b and a < m.end() for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                out.append(Occurrence(e, side, seg.index, m.start(), m.end(), m.group(0)))
    return out


def _confusable(a: Any, b: Any) -> bool:
    """Two entries that share words on either side (East Sea / East China Sea)."""
    sa, sb = set(parts(a.source.lower())), set(parts(b.source.lower()))
    ta = {p for t in a.targets for p in parts(t)}
    tb = {p for t in b.targets for p in parts(t)}
    return bool(sa & sb) and bool(ta & tb)


def analyse_terms(ctx: Any) -> list[TermIssue]:
    """Every term problem in the document, by bead (computed once per document)."""
    return _analysis(ctx)[0]


def term_occurrences(ctx: Any) -> dict[str, list[Occurrence]]:
    """Every glossary occurrence in the document, per side (``{"source": [...], "target": [...]}``)."""
    return _analysis(ctx)[1]


@per_document
def _analysis(ctx: Any) -> tuple[list[TermIssue], dict[str, list[Occurrence]]]:
    entries = ctx.resources.glossary_for(ctx.src_lang, ctx.tgt_lang) if ctx.resources else []
    issues: list[TermIssue] = []
    occs: dict[str, list[Occurrence]] = {"source": [], "target": []}
    if entries:
        occs["source"] = find_terms(entries, "source", list(ctx.source.segments))
        occs["target"] = find_terms(entries, "target", list(ctx.target.segments))
        lex = ctx.resources.lexicon(ctx.src_lang, ctx.tgt_lang)
        for b in range(len(ctx.beads)):
            issues.extend(_bead_issues(ctx, b, occs, lex))
    return issues, occs


def _window(ctx: Any, b: int) -> tuple[set[int], set[int]]:
    src: set[int] = set()
    tgt: set[int] = set()
    for k in (b - 1, b, b + 1):
        if 0 <= k < len(ctx.beads):
            src.update(ctx.beads[k].src)
            tgt.update(ctx.beads[k].tgt)
    return src, tgt


def _bead_issues(ctx: Any, b: int, occs: dict[str, list[Occurrence]], lex: Any) -> list[TermIssue]:
    bead = ctx.beads[b]
    win_src, win_tgt = _window(ctx, b)
    src_here = [o for o in occs["source"] if o.segment in bead.src]
    tgt_here = [o for o in occs["target"] if o.segment in bead.tgt]
    src_win_entries = {id(o.entry) for o in occs["source"] if o.segment in win_src}
    src_doc_terms = {o.entry.source.casefold() for o in occs["source"]}
    tgt_win_entries = {id(o.entry) for o in occs["target"] if o.segment in win_tgt}
    issues: list[TermIssue] = []
    wrong_for: set[int] = set()
    # TQ302: the rendering of a term the source does not have, where a confusable term is expected
    for o in tgt_here:
        if id(o.entry) in src_win_entries or o.entry.source.casefold() in src_doc_terms:
            continue  # the source has that term too (somewhere): not a confusion
        if any(o.entry.target in s.entry.targets for s in src_here):
            continue  # both source terms share this rendering (East Sea, South China Sea -> Biển Đông)
        for s in src_here:
            if _confusable(s.entry, o.entry):
                issues.append(TermIssue("TQ302", o, s.entry, s))
                wrong_for.add(id(s.entry))
                break
    # TQ303: the required rendering followed by a place name the source term does not have
    for o in tgt_here:
        src_occ = next((s for s in src_here if s.entry is o.entry or o.text.casefold() in
                        (t.casefold() for t in s.entry.targets)), None)
        if src_occ is None:
            continue
        added = _added_place(ctx, o, lex, src_occ)
        if added:
            issues.append(TermIssue("TQ303", o, src_occ.entry, src_occ, added))
    # TQ301: a source term with none of its renderings nearby
    seen: set[int] = set()
    for s in src_here:
        if id(s.entry) in seen or id(s.entry) in wrong_for:
            continue
        seen.add(id(s.entry))
        if id(s.entry) in tgt_win_entries or _rendered(ctx, s.entry, win_tgt):
            continue
        issues.append(TermIssue("TQ301", s, s.entry, s))
    return issues


def _rendered(ctx: Any, entry: Any, segs: set[int]) -> bool:
    text = " ".join(ctx.target.segments[i].text for i in sorted(segs))
    return any(_pattern(t).search(text) for t in entry.targets)


def _added_place(ctx: Any, o: Occurrence, lex: Any, src_occ: Occurrence) -> str:
    """The place or country name right after a rendering ('Biển Đông Trung Quốc'), unless the source has it."""
    text = ctx.target.segments[o.segment].text
    rest = text[o.end:]
    m = re.match(r"\s*((?:của|of|de|du|des|del|von|van)\s+)?", rest)
    tail = rest[m.end():] if m else rest
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", tail[:60])
    for n in range(min(5, len(words)), 0, -1):
        cand = " ".join(words[:n])
        if not cand[:1].isupper() or not tail.startswith(words[0]):
            continue
        entries = lex.for_target(cand)
        if not entries:
            continue
        bead = next(bd for bd in ctx.beads if src_occ.segment in bd.src)
        src_text = " ".join(ctx.source.segments[i].text for i in bead.src)
        if any(re.search(rf"(?<!\w){re.escape(s)}", src_text, re.IGNORECASE) for e in entries for s in e.source):
            return ""  # the source mentions that place too ("Russian Foreign Minister")
        return cand
    return ""


def _hits(ctx: BeadContext, code: str) -> Iterator[TermIssue]:
    for issue in analyse_terms(ctx.doc):
        if issue.code != code:
            continue
        segs = ctx.bead.src if issue.occ.side == "source" else ctx.bead.tgt
        if issue.occ.segment in segs:
            yield issue


@rule("TQ301", "term-missing", Severity.MAJOR)
def term_missing(ctx: BeadContext) -> Iterator[Hit]:
    """A glossary term in the source has none of its required renderings in the translation.

    What: the source sentence contains a glossary term (from ``--glossary`` files or the built-in
    English-Vietnamese geography and diplomacy list) and neither the aligned target sentence nor
    its neighbours contain any accepted rendering of it.

    Why: required terminology (place names, official titles) must be rendered the agreed way;
    a missing rendering usually means the term was paraphrased away or mistranslated.

    Example: "Turning to the South China Sea issue" rendered "Về vấn đề biển phía nam" (the
    glossary requires "Biển Đông").

    Fix: use the required rendering given in the suggestion.
    """
    for issue in _hits(ctx, "TQ301"):
        o = issue.occ
        yield Hit("source", o.segment, o.start, o.end,
                  f'glossary term "{o.text}" should be rendered "{issue.expected.target}"'
                  + (f" ({issue.expected.note})" if issue.expected.note else ""),
                  suggestion=issue.expected.target, evidence=o.text)


@rule("TQ302", "term-wrong", Severity.CRITICAL)
def term_wrong(ctx: BeadContext) -> Iterator[Hit]:
    """The translation uses the rendering of a different, similar term (a wrong place or title).

    What: the target holds the required rendering of glossary term B although the source has
    term A, not B, and A and B share words (East Sea / East China Sea).

    Why: confusing two similar places or titles changes the meaning: "Biển Hoa Đông" is the East
    China Sea, not the East Sea (Biển Đông).

    Example: "Code of Conduct in the East Sea" rendered "Quy tắc Ứng xử ở Biển Hoa Đông".

    Fix: use the rendering of the source's term (the suggestion).
    """
    for issue in _hits(ctx, "TQ302"):
        o = issue.occ
        yield Hit("target", o.segment, o.start, o.end,
                  f'"{o.text}" renders "{o.entry.source}", but the source says "{issue.evidence.text}" '
                  f'(required: "{issue.expected.target}")',
                  suggestion=issue.expected.target, evidence=issue.evidence.text)


@rule("TQ303", "term-place-added", Severity.CRITICAL)
def term_place_added(ctx: BeadContext) -> Iterator[Hit]:
    """A country or place name is added inside a glossary term.

    What: the required rendering of a source term is present but directly followed by a country
    or place name that the source term does not have ("Biển Đông Trung Quốc" for "East Sea").

    Why: the added name changes what the term refers to (here, "China's East Sea"), a serious
    and often political mistranslation typical of pivot (via-Chinese) machine translation.

    Example: "the East Sea issue" rendered "vấn đề Biển Đông Trung Quốc".

    Fix: remove the added name; keep the required rendering (the suggestion).
    """
    for issue in _hits(ctx, "TQ303"):
        o = issue.occ
        text = ctx.doc.target.segments[o.segment].text
        end = text.find(issue.added, o.end) + len(issue.added)
        yield Hit("target", o.segment, o.start, end,
                  f'"{issue.added}" is added to "{o.text}"; the source says only "{issue.evidence.text}"',
                  suggestion=o.text, evidence=issue.evidence.text)


def term_spans(ctx: Any) -> dict[str, list[tuple[int, int, int]]]:
    """(segment, start, end) of every glossary occurrence and TQ303 addition, per side (names rules skip these)."""
    occs = term_occurrences(ctx)
    out: dict[str, list[tuple[int, int, int]]] = {"source": [], "target": []}
    for side in out:
        out[side] = [(o.segment, o.start, o.end) for o in occs[side]]
    for issue in analyse_terms(ctx):
        if issue.code == "TQ303":
            text = ctx.target.segments[issue.occ.segment].text
            end = text.find(issue.added, issue.occ.end) + len(issue.added)
            out["target"].append((issue.occ.segment, issue.occ.start, end))
    return out


__all__ = ["analyse_terms", "find_terms", "term_occurrences", "term_spans", "base_lang", "fold"]
