"""TQ6xx: one source name or term rendered several ways in one document."""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterator

from ..model import Severity
from ..names.match import analyse
from ..names.text import fold
from .base import DocContext, Hit, rule
from .terms import analyse_terms, term_occurrences


def _report(ctx: DocContext, key_name: str, variants: dict[str, list[tuple[int, int, int]]],
            preferred: str, what: str) -> Hit:
    """One hit at the first occurrence of the first variant that is not the preferred one."""
    listing = "; ".join(
        f'"{v}" ({len(locs)}x, line {", ".join(str(ctx.target.segments[s].line) for s, _, _ in locs[:5])})'
        for v, locs in variants.items())
    odd = next(v for v in variants if v != preferred)
    seg, start, end = variants[odd][0]
    return Hit("target", seg, start, end,
               f'{what} "{key_name}" is rendered {len(variants)} ways: {listing}',
               suggestion=preferred, evidence=key_name)


@rule("TQ601", "name-inconsistent", Severity.MINOR, scope="document")
def name_inconsistent(ctx: DocContext) -> Iterator[Hit]:
    """One source name is written several ways in the translation.

    What: the target spans that match the same full source name (exactly, through a lexicon
    rendering or through its pinyin reading) have different spellings. Reported once per name,
    listing every variant with its count and lines.

    Why: a reader cannot tell that "Phạm Bình Minh" and "Fan Pingming" are one person; mixed
    spellings also show where the text was patched together.

    Example: "Phạm Bình Minh" (3x), "Fan Pingming" (3x), "Fan Ping-ming" (1x) for "Pham Binh Minh".

    Fix: use one spelling throughout (the suggestion: the variant closest to the source, else the
    most frequent).
    """
    a = analyse(ctx)
    groups: dict[str, dict[str, list[tuple[int, int, int]]]] = defaultdict(lambda: defaultdict(list))
    names: dict[str, str] = {}
    exactish: dict[str, set[str]] = defaultdict(set)
    for c in a.chunks["target"]:
        m = c.match
        if m is None or m.other is None or len(m.other.parts) < 2 or m.kind == "lexicon":
            continue  # lexicon renderings are accepted alternatives; one-word mentions are partial
        key = m.other.key
        groups[key][c.text].append((c.segment, c.start, c.end))
        names.setdefault(key, m.other.text)
        if m.kind == "exact":
            exactish[key].add(c.text)
    for key, variants in groups.items():
        if len({v.casefold() for v in variants}) < 2:
            continue
        good = [v for v in variants if v in exactish[key]] or list(variants)
        preferred = max(good, key=lambda v: (len(variants[v]), v != fold(v)))
        yield _report(ctx, names[key], dict(variants), preferred, "name")


@rule("TQ602", "term-inconsistent", Severity.MINOR, scope="document")
def term_inconsistent(ctx: DocContext) -> Iterator[Hit]:
    """One glossary term is rendered several ways in the translation.

    What: occurrences of the same source glossary term are rendered differently across the
    document: the required rendering in one place, a wrong one or one with an added name in
    another. Reported once per term, listing every variant with its count and lines.

    Why: inconsistent terminology confuses readers and signals unreviewed machine output.

    Example: "East Sea" rendered "Biển Đông Trung Quốc" (3x) and "Biển Hoa Đông" (1x).

    Fix: use the required rendering everywhere (the suggestion).
    """
    issues = analyse_terms(ctx)
    occs = term_occurrences(ctx)
    flagged = {(i.occ.segment, i.occ.start) for i in issues if i.occ.side == "target"}
    groups: dict[str, dict[str, list[tuple[int, int, int]]]] = defaultdict(lambda: defaultdict(list))
    entries: dict[str, Any] = {}
    src_terms = {o.entry.source.casefold() for o in occs["source"]}
    for i in issues:
        if i.occ.side != "target":
            continue
        text = ctx.target.segments[i.occ.segment].text
        end = text.find(i.added, i.occ.end) + len(i.added) if i.added else i.occ.end
        key = i.expected.source.casefold()
        groups[key][text[i.occ.start:end]].append((i.occ.segment, i.occ.start, end))
        entries[key] = i.expected
    for o in occs["target"]:
        key = o.entry.source.casefold()
        if (o.segment, o.start) in flagged or key not in src_terms:
            continue
        groups[key][o.text].append((o.segment, o.start, o.end))
        entries.setdefault(key, o.entry)
    for key, variants in groups.items():
        if len({v.casefold() for v in variants}) < 2:
            continue
        entry = entries[key]
        preferred = next((v for v in variants if v in entry.targets), entry.target)
        yield _report(ctx, entry.source, dict(variants), preferred, "term")
