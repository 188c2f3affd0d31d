"""Alignment accuracy against human gold: Text+Berg de-fr, MAC-Dev/MAC-Test zh-en, IWSLT en-vi.

The metric is vecalign's strict/lax precision, recall and F1 (Thompson & Koehn 2019, after
Sennrich & Volk 2010), reimplemented here from its definition:

- precision walks over the *test* beads (any bead with at least one sentence). A test bead is a
  strict hit when the identical bead is in the gold; otherwise it is a lax hit when one of its source
  sentences is gold-linked to one of its target sentences (so a deletion/insertion bead can only be a
  strict hit);
- recall is the same computation with gold and test swapped, after dropping every bead that is empty
  on one side from both;
- counts are summed over all documents of a set before the ratios are taken (micro average).
"""
from __future__ import annotations

import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from . import peers as peers_mod
from .common import (
    GoldDoc,
    Talk,
    Timer,
    bead_pairs,
    bench_config,
    bench_embedder,
    join_running,
    load_running,
    log,
    make_document,
    table,
)

Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]

PUBLISHED = {  # F1 (strict) as published; encoder in brackets
    "textberg-test": {"vecalign": "0.902 (LASER)", "bertalign": "0.936 (LaBSE)", "sentalign": "0.932 (LaBSE)"},
    "mac-dev": {"bertalign": "0.911 (LaBSE)", "vecalign": "0.863 (LaBSE)", "hunalign": "0.610",
                "galechurch": "0.485"},
}


def _counts(gold: Beads, test: Beads) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of ``test`` judged against ``gold``."""
    gold_set = {(tuple(s), tuple(t)) for s, t in gold if s or t}
    links: dict[int, set[int]] = defaultdict(set)
    for s, t in gold_set:
        for i in s:
            links[i].update(t)
    s_hit = s_miss = l_hit = l_miss = 0
    for s, t in {(tuple(s), tuple(t)) for s, t in test if s or t}:
        if (s, t) in gold_set:
            s_hit += 1
            l_hit += 1
            continue
        s_miss += 1
        reach = set().union(*(links[i] for i in s)) if s else set()
        if reach & set(t):
            l_hit += 1
        else:
            l_miss += 1
    return s_hit, s_miss, l_hit, l_miss


def score(golds: Sequence[Beads], tests: Sequence[Beads]) -> dict[str, float]:
    """vecalign's strict/lax precision, recall, F1 over several documents (micro-averaged)."""
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in zip(golds, tests):
        p = [a + b for a, b in zip(p, _counts(gold, test))]
        both = [(s, t) for s, t in test if s and t]
        gold_both = [(s, t) for s, t in gold if s and t]
        r = [a + b for a, b in zip(r, _counts(both, gold_both))]

    def ratio(hit: int, miss: int) -> float:
        return hit / (hit + miss) if hit + miss else 0.0

    def f1(a: float, b: float) -> float:
        return 2 * a * b / (a + b) if a + b else 0.0

    ps, pl, rs, rl = ratio(p[0], p[1]), ratio(p[2], p[3]), ratio(r[0], r[1]), ratio(r[2], r[3])
    return {"precision_strict": ps, "recall_strict": rs, "f1_strict": f1(ps, rs),
            "precision_lax": pl, "recall_lax": rl, "f1_lax": f1(pl, rl)}


# --------------------------------------------------------------------------------------------- tqcheck

def tqcheck_align(src_doc, tgt_doc, embedder=None) -> Beads:  # noqa: ANN001
    """tqcheck's aligner through its public entry point, exactly as ``tqcheck check`` calls it."""
    from tqcheck.pipeline import align_documents

    beads = align_documents(src_doc, tgt_doc, embedder or bench_embedder(), bench_config())
    if isinstance(beads, tuple) and len(beads) == 2 and isinstance(beads[1], dict):  # (beads, sims) variant
        beads = beads[0]
    return bead_pairs(beads)


def _embed_s() -> float:
    timed = getattr(bench_embedder(), "timed", None)
    return timed.encode_s if timed is not None else 0.0


def run_tqcheck_gold(doc: GoldDoc) -> tuple[Beads, float]:
    """tqcheck's beads and its alignment time without the time spent in the encoder."""
    e0 = _embed_s()
    with Timer() as t:
        beads = tqcheck_align(make_document(doc.src, doc.src_lang), make_document(doc.tgt, doc.tgt_lang))
    return beads, t.s - (_embed_s() - e0)


# --------------------------------------------------------------------------------------------- IWSLT projection

def locate(text: str, sents: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans of ``sents`` in ``text``, found in order while ignoring whitespace differences."""
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    squeezed = "".join(text[i] for i in keep)
    spans, pos = [], 0
    for s in sents:
        key = "".join(s.split())
        if not key:
            spans.append((keep[min(pos, len(keep) - 1)], keep[min(pos, len(keep) - 1)]))
            continue
        at = squeezed.find(key, pos)
        if at < 0:
            at = pos  # the tool changed the text; assume it continues where it left off
        end = min(at + len(key), len(keep)) - 1
        spans.append((keep[min(at, len(keep) - 1)], keep[max(end, 0)] + 1))
        pos = at + len(key)
    return spans


def sentence_to_segment(sent_spans: Sequence[tuple[int, int]], seg_spans: Sequence[tuple[int, int]]) -> list[int]:
    """Each tool sentence's gold segment: the one holding most of its characters."""
    out = []
    for s, e in sent_spans:
        best, best_len = 0, -1
        for k, (gs, ge) in enumerate(seg_spans):
            if ge <= s:
                continue
            if gs >= e:
                break
            ov = min(e, ge) - max(s, gs)
            if ov > best_len:
                best, best_len = k, ov
        if best_len < 0:  # empty sentence: nearest segment by start
            best = max(0, max((k for k, (gs, _) in enumerate(seg_spans) if gs <= s), default=0))
        out.append(best)
    return out


def project(beads: Beads, src_map: Sequence[int], tgt_map: Sequence[int]) -> Beads:
    """Tool beads over tool sentences -> beads over gold segments.

    Beads that share a gold segment on either side are merged (union-find), so a tool that aligns the
    sentences inside one gold segment correctly yields exactly that segment's 1-1 gold bead.
    """
    parent = list(range(len(beads)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[tuple[str, int], int] = {}
    for b, (s, t) in enumerate(beads):
        for key in [("s", src_map[i]) for i in s] + [("t", tgt_map[j]) for j in t]:
            if key in owner:
                parent[find(b)] = find(owner[key])
            else:
                owner[key] = b
    groups: dict[int, tuple[set[int], set[int]]] = {}
    for b, (s, t) in enumerate(beads):
        g = groups.setdefault(find(b), (set(), set()))
        g[0].update(src_map[i] for i in s)
        g[1].update(tgt_map[j] for j in t)
    out = [(tuple(sorted(a)), tuple(sorted(c))) for a, c in groups.values()]
    return sorted(out, key=lambda x: (x[0][:1] or (10 ** 9,), x[1][:1] or (10 ** 9,)))


@dataclass
class TalkPair:
    talk: Talk
    src_text: str
    tgt_text: str
    src_spans: list[tuple[int, int]]
    tgt_spans: list[tuple[int, int]]
    src_doc: object  # tqcheck Document (tqcheck's own segmentation)
    tgt_doc: object

    @property
    def gold(self) -> Beads:
        return [((i,), (i,)) for i in range(len(self.talk.en))]


def prepare_talk(talk: Talk, folder: Path) -> TalkPair:
    en_text, en_spans = join_running(talk.en)
    vi_text, vi_spans = join_running(talk.vi)
    src = load_running(en_text, "en", folder, f"{talk.docid}.en.txt")
    tgt = load_running(vi_text, "vi", folder, f"{talk.docid}.vi.txt")
    return TalkPair(talk, en_text, vi_text, en_spans, vi_spans, src, tgt)


def project_talk(tp: TalkPair, beads: Beads, src_sents: Sequence[str], tgt_sents: Sequence[str]) -> Beads:
    src_map = sentence_to_segment(locate(tp.src_text, src_sents), tp.src_spans)
    tgt_map = sentence_to_segment(locate(tp.tgt_text, tgt_sents), tp.tgt_spans)
    return project(beads, src_map, tgt_map)


# --------------------------------------------------------------------------------------------- the section

@dataclass
class SetResult:
    tool: str
    scores: dict[str, float]
    seconds: float
    note: str = ""
    kinds: dict[str, tuple[int, int]] | None = None  # bead kind -> (beads output, exactly right)


KINDS = ("1-1", "1-2/2-1", "2-2 and larger", "unaligned (1-0/0-1)")


def _kind(s: tuple[int, ...], t: tuple[int, ...]) -> str:
    if not s or not t:
        return KINDS[3]
    if len(s) == len(t) == 1:
        return KINDS[0]
    return KINDS[1] if min(len(s), len(t)) == 1 and max(len(s), len(t)) == 2 else KINDS[2]


def kinds(golds: Sequence[Beads], tests: Sequence[Beads]) -> dict[str, tuple[int, int]]:
    """Per bead kind: how many beads a tool output and how many of them are exactly in the gold."""
    out = {k: [0, 0] for k in KINDS}
    for gold, test in zip(golds, tests):
        g = {(tuple(a), tuple(b)) for a, b in gold}
        for a, b in test:
            if not (a or b):
                continue
            k = _kind(tuple(a), tuple(b))
            out[k][0] += 1
            out[k][1] += (tuple(a), tuple(b)) in g
    return {k: (v[0], v[1]) for k, v in out.items()}


def _run_set(name: str, docs: list, runner: Callable, golds: list[Beads], tools: Sequence[str],
             work: Path) -> list[SetResult]:
    results = []
    for tool in ("tqcheck", *tools):
        why = None if tool == "tqcheck" else peers_mod.available(tool)
        if why:
            results.append(SetResult(tool, {}, 0.0, f"skipped: {why}"))
            continue
        tests, secs, note = [], 0.0, ""
        try:
            for k, d in enumerate(docs):
                beads, s = runner(tool, d, work / f"{name}-{tool}-{k}")
                tests.append(beads)
                secs += s
        except Exception as exc:  # noqa: BLE001 - one failing peer must not end the bench
            note = f"failed: {str(exc)[:160]}"
            results.append(SetResult(tool, {}, secs, note))
            log(f"{name} {tool}: {note}")
            continue
        sc = score(golds, tests)
        results.append(SetResult(tool, sc, secs, note, kinds(golds, tests)))
        log(f"{name} {tool}: strict F1 {sc['f1_strict']:.3f} lax F1 {sc['f1_lax']:.3f} ({secs:.1f}s)")
    return results


def _gold_runner(tool: str, doc: GoldDoc, job: Path) -> tuple[Beads, float]:
    if tool == "tqcheck":
        return run_tqcheck_gold(doc)
    r = peers_mod.run_peer(tool, doc.src, doc.tgt, job, embedder=bench_embedder())
    return r["beads"], r["align_s"]


def _talk_runner(tool: str, tp: TalkPair, job: Path) -> tuple[Beads, float]:
    src_sents = [s.text for s in tp.src_doc.segments]
    tgt_sents = [s.text for s in tp.tgt_doc.segments]
    if tool == "tqcheck":
        e0 = _embed_s()
        with Timer() as t:
            beads = tqcheck_align(tp.src_doc, tp.tgt_doc)
        secs = t.s - (_embed_s() - e0)
    else:  # peers get tqcheck's segmentation (none of them segments Vietnamese itself)
        r = peers_mod.run_peer(tool, src_sents, tgt_sents, job, embedder=bench_embedder())
        beads, secs = r["beads"], r["align_s"]
    return project_talk(tp, beads, src_sents, tgt_sents), secs


IWSLT_DEV = "iwslt-en-vi-dev"  # the IWSLT talks of bench.triage's dev and dev-2 sets only (the held-out talks left out)
SETS = ("textberg-test", "textberg-dev", "mac-dev", "mac-test", "iwslt-en-vi", IWSLT_DEV)


def _dev_talks() -> list[Talk]:
    from .triage import dev2_talks, dev_talks

    keep = {t.docid for t in dev_talks() + dev2_talks()}
    from .common import iwslt_talks

    return [t for t in iwslt_talks() if t.docid in keep]


def run(quick: bool = False, tools: Sequence[str] = peers_mod.TOOLS, mac_test: bool | None = None,
        sets: Sequence[str] | None = None) -> dict:
    """All alignment sets (or only ``sets``, names from :data:`SETS`; ``iwslt-en-vi-dev``: the IWSLT talks of
    the triage dev and dev-2 sets, never the held-out ones); returns ``{"sets": {name: [SetResult]},
    "markdown": str}``."""
    from . import common

    work = Path(tempfile.mkdtemp(prefix="tqbench-align-"))
    out_sets: dict[str, list[SetResult]] = {}
    meta: dict[str, str] = {}
    gold_kinds: dict[str, dict[str, tuple[int, int]]] = {}

    def want(name: str) -> bool:
        return name in sets if sets is not None else name != IWSLT_DEV

    def gold_set(name: str, docs: list[GoldDoc]) -> None:
        log(f"align: {name} ({len(docs)} docs, {sum(len(d.src) for d in docs)}/{sum(len(d.tgt) for d in docs)} "
            "sentences)")
        meta[name] = f"{len(docs)} docs, {sum(len(d.src) for d in docs)} / {sum(len(d.tgt) for d in docs)} sents, " \
                     f"{sum(len(d.gold) for d in docs)} gold beads"
        out_sets[name] = _run_set(name, docs, _gold_runner, [d.gold for d in docs], tools, work)
        gold_kinds[name] = kinds([d.gold for d in docs], [d.gold for d in docs])

    if want("textberg-test"):
        tb = common.textberg("test")
        gold_set("textberg-test", tb[:2] if quick else tb)
    if not quick and want("textberg-dev"):
        gold_set("textberg-dev", common.textberg("dev"))
    if want("mac-dev"):
        md = common.mac_dev()
        gold_set("mac-dev", md[:1] if quick else md)
    if (mac_test if mac_test is not None else not quick) and want("mac-test"):
        gold_set("mac-test", common.mac_test())
    for name in ("iwslt-en-vi", IWSLT_DEV):
        if not want(name):
            continue
        talks = common.iwslt_talks() if name == "iwslt-en-vi" else _dev_talks()
        talks = talks[:2] if quick else talks
        tps = [prepare_talk(t, work / "iwslt") for t in talks]
        meta[name] = f"{len(tps)} talks, {sum(len(t.talk.en) for t in tps)} gold segment pairs, " \
                     f"tqcheck segments {sum(len(t.src_doc.segments) for t in tps)} en / " \
                     f"{sum(len(t.tgt_doc.segments) for t in tps)} vi sentences"
        log(f"align: {name} ({meta[name]})")
        out_sets[name] = _run_set(name, tps, _talk_runner, [t.gold for t in tps], tools, work)
        gold_kinds[name] = kinds([t.gold for t in tps], [t.gold for t in tps])
    return {"sets": out_sets, "meta": meta,
            "markdown": markdown(out_sets, meta) + "\n\n" + kinds_markdown(out_sets, gold_kinds)}


def markdown(sets: dict[str, list[SetResult]], meta: dict[str, str]) -> str:
    rows = []
    for name, results in sets.items():
        pub = PUBLISHED.get(name, {})
        for r in results:
            if r.scores:
                s = r.scores
                rows.append([name, r.tool, s["precision_strict"], s["recall_strict"], s["f1_strict"],
                             s["f1_lax"], f"{r.seconds:.1f}", pub.get(r.tool, ""), r.note])
            else:
                rows.append([name, r.tool, "", "", "", "", "", pub.get(r.tool, ""), r.note])
        if "sentalign" in pub:
            rows.append([name, "SentAlign", "", "", "", "", "", pub["sentalign"], "published only"])
    out = table(["set", "tool", "P strict", "R strict", "F1 strict", "F1 lax", "align s (no embedding)",
                 "published F1", "note"], rows)
    sizes = "\n".join(f"- `{k}`: {v}" for k, v in meta.items())
    return out + "\n\nSets:\n" + sizes


def kinds_markdown(sets: dict[str, list[SetResult]], gold_kinds: dict[str, dict[str, tuple[int, int]]]) -> str:
    """Where each tool's strict errors are: beads output / exactly right, per bead kind, beside the gold's
    own count (IWSLT: after projection onto the TED segments, so every gold bead is a 1-1)."""
    rows = []
    for name, results in sets.items():
        for k in KINDS:
            cells = [name, k, gold_kinds.get(name, {}).get(k, (0, 0))[0]]
            for r in results:
                n, ok = (r.kinds or {}).get(k, (0, 0))
                cells.append(f"{ok} / {n}" if r.kinds else "")
            rows.append(cells)
    tools = [r.tool for r in next(iter(sets.values()), [])]
    return ("Where the strict errors are: for each kind of bead, how many the gold has, and for each tool how "
            "many of the beads it output are exactly right / how many it output.\n\n"
            + table(["set", "bead kind", "gold", *tools], rows))
