"""Pairing: every IWSLT talk as an English file and a Vietnamese file in one folder, shuffled, with
some counterparts removed, paired by ``tqcheck.pairing`` (through ``tqcheck.batch.pair_paths``, what
``tqcheck check DIR`` does).

Counted: correct pairs, wrong pairs (both documents have a counterpart in the folder, but not each
other), false pairs (a document whose counterpart was removed got paired anyway), missed pairs, and
the time of a cold run (empty embedding cache) and of a second run on the same cache.
"""
from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from .common import bench_config, iwslt_talks, log, table

SEED = 7
REMOVED_SHARE = 0.12  # of the talks lose their English file, as many lose their Vietnamese one


def build_folder(folder: Path, n_talks: int | None = None) -> tuple[dict[str, str], set[str]]:
    """Write the folder; returns ``{vi path: en path}`` for the true pairs and the orphan paths."""
    talks = iwslt_talks()
    rng = random.Random(SEED)
    if n_talks:
        talks = rng.sample(talks, n_talks)
    k = max(1, round(REMOVED_SHARE * len(talks)))
    order = list(range(len(talks)))
    rng.shuffle(order)
    no_en, no_vi = set(order[:k]), set(order[k:2 * k])
    names = [f"doc{n:03d}.txt" for n in range(2 * len(talks))]
    rng.shuffle(names)
    folder.mkdir(parents=True, exist_ok=True)
    truth, orphans = {}, set()
    for i, t in enumerate(talks):
        en_p, vi_p = str(folder / names[2 * i]), str(folder / names[2 * i + 1])
        if i not in no_en:
            Path(en_p).write_text(t.title_en + "\n\n" + " ".join(t.en) + "\n", encoding="utf-8")
        if i not in no_vi:
            Path(vi_p).write_text(t.title_vi + "\n\n" + " ".join(t.vi) + "\n", encoding="utf-8")
        if i in no_en:
            orphans.add(vi_p)
        elif i in no_vi:
            orphans.add(en_p)
        else:
            truth[vi_p] = en_p
    return truth, orphans


def run(quick: bool = False) -> dict:
    try:
        from tqcheck.batch import pair_paths
    except ImportError as exc:
        md = f"not run: tqcheck.pairing / tqcheck.batch not available ({exc})"
        return {"markdown": md}
    work = Path(tempfile.mkdtemp(prefix="tqbench-pairing-"))
    truth, orphans = build_folder(work / "docs", 8 if quick else None)
    paths = sorted(str(p) for p in (work / "docs").glob("*.txt"))
    cfg = bench_config(cache=True, cache_dir=str(work / "cache"))
    times = []
    result = None
    for _ in range(2):
        t0 = time.perf_counter()
        result = pair_paths(paths, cfg)
        times.append(time.perf_counter() - t0)
    correct = wrong = false = 0
    found_targets = set()
    for p in result.pairs:
        pair = {p.source, p.target}
        if pair & orphans:
            false += 1
        elif any(truth.get(v) == e for v, e in ((p.target, p.source), (p.source, p.target))):
            correct += 1
            found_targets |= pair
        else:
            wrong += 1
    missed = sum(1 for v, e in truth.items() if v not in found_targets)
    log(f"pairing: {len(paths)} files, {correct} correct, {wrong} wrong, {false} false, {missed} missed; "
        f"cold {times[0]:.1f}s, warm {times[1]:.1f}s")
    md = table(["files", "true pairs", "orphans", "correct", "wrong", "false", "missed", "cold s", "second run s",
                "speed-up"],
               [[len(paths), len(truth), len(orphans), correct, wrong, false, missed, f"{times[0]:.1f}",
                 f"{times[1]:.1f}", f"{times[0] / max(times[1], 1e-9):.1f}x"]])
    return {"markdown": md, "correct": correct, "wrong": wrong, "false": false, "missed": missed, "times": times}
