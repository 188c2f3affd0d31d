"""Sentence-level critical-error verdicts on the WMT21 critical-error-detection dev sets (en-de, en-zh).

Each (source, MT) row is checked by tqcheck's rules as a single 1-1 bead (no alignment step) with the
language pair set explicitly; the prediction is ERR when any finding is critical. The score is the
Matthews correlation coefficient against the majority label, the task's official metric.
"""
from __future__ import annotations

import math
import time
from typing import Sequence

from .common import bench_config, bench_embedder, data_dir, log, make_document, table


def read(pair: str, split: str = "dev") -> list[tuple[str, str, bool]]:
    path = data_dir() / "wmt21-critical-error-detection" / f"{pair.replace('-', '')}_majority_{split}.tsv"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 5:
            rows.append((parts[1], parts[2], parts[-1].strip() == "ERR"))
    return rows


def mcc(gold: Sequence[bool], pred: Sequence[bool]) -> float:
    tp = sum(g and p for g, p in zip(gold, pred))
    tn = sum(not g and not p for g, p in zip(gold, pred))
    fp = sum(not g and p for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    den = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return (tp * tn - fp * fn) / den if den else 0.0


def verdicts(rows: list[tuple[str, str, bool]], tgt_lang: str) -> tuple[list[bool], dict[str, int]]:
    from tqcheck.model import Bead
    from tqcheck.pipeline import check_loaded
    from tqcheck.resources import load_resources

    emb = bench_embedder()
    cfg = bench_config(src_lang="en", tgt_lang=tgt_lang)
    res = load_resources()
    vecs_src = emb.encode([r[0] for r in rows])
    vecs_tgt = emb.encode([r[1] for r in rows])
    preds, codes = [], {}
    for k, (src, mt, _) in enumerate(rows):
        sd = make_document([src], "en", "src")
        td = make_document([mt], tgt_lang, "mt")
        bead = Bead((0,), (0,), round(float(vecs_src[k] @ vecs_tgt[k]), 6))
        rep = check_loaded(sd, td, cfg, embedder=emb, resources=res, beads=[bead])
        crit = [f for f in rep.findings if f.severity.value == "critical"]
        for f in crit:
            codes[f.code] = codes.get(f.code, 0) + 1
        preds.append(bool(crit))
    return preds, codes


def run(quick: bool = False) -> dict:
    rows_out, extra = [], []
    for pair in ("en-de", "en-zh"):
        rows = read(pair)
        if quick:
            rows = rows[:100]
        t0 = time.perf_counter()
        preds, codes = verdicts(rows, pair.split("-")[1])
        secs = time.perf_counter() - t0
        gold = [r[2] for r in rows]
        m = mcc(gold, preds)
        tp = sum(g and p for g, p in zip(gold, preds))
        log(f"wmt21 {pair}: MCC {m:.3f} ({sum(preds)} predicted ERR, {tp} correct; {secs:.1f}s)")
        rows_out.append([pair, len(rows), sum(gold), sum(preds), tp, f"{m:.3f}", f"{secs:.1f}"])
        if codes:
            extra.append(f"{pair} critical findings by code: " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())))
    md = table(["pair (dev)", "rows", "gold ERR", "predicted ERR", "true ERR hits", "MCC", "seconds"], rows_out)
    if extra:
        md += "\n\n" + "\n".join(f"- {e}" for e in extra)
    return {"rows": rows_out, "markdown": md}
