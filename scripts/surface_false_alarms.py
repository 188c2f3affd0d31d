"""Findings of the TQ4xx/TQ5xx/TQ7xx rules per 100 clean sentence pairs on WMT21 professional translations:
the first N segments of each direction, one segment a line, checked as two files (bench's cached embedder).
Prints every major-or-worse finding, then one summary line per direction.

    TQCHECK_BENCH_DATA=../../shared/data python scripts/surface_false_alarms.py en-zh,en-ja,en-de,en-ru 100
"""
from __future__ import annotations

import collections
import json
import sys
import tempfile
from pathlib import Path

from bench.common import bench_embedder, data_dir, load_running

MINE = ("TQ4", "TQ5", "TQ7")


def main(pairs: list[str], n: int) -> None:
    from tqcheck.config import Config
    from tqcheck.pipeline import check_loaded

    folder = data_dir() / "wmt21-newstest"
    work = Path(tempfile.mkdtemp(prefix="tqsurface-"))
    for pair in pairs:
        s, t = pair.split("-")
        src: list[str] = []
        ref: list[str] = []
        if (folder / f"{pair}.jsonl").exists():
            for line in (folder / f"{pair}.jsonl").open(encoding="utf-8"):
                d = json.loads(line)
                for ps, pr in zip(d["src"], d["ref"]):
                    src += ps
                    ref += pr
                if len(src) >= n:
                    break
        else:
            src = (folder / f"{pair}.src.{s}").read_text(encoding="utf-8").splitlines()
            ref = (folder / f"{pair}.ref.{t}").read_text(encoding="utf-8").splitlines()
        src, ref = src[:n], ref[:n]
        a = load_running("\n".join(src), s, work, f"{pair}.{s}.txt")
        b = load_running("\n".join(ref), t, work, f"{pair}.{t}.txt")
        rep = check_loaded(a, b, Config(), embedder=bench_embedder())
        counts: collections.Counter = collections.Counter()
        major = critical = 0
        for f in rep.findings:
            if not f.code.startswith(MINE):
                continue
            counts[(f.code, f.severity.name.lower())] += 1
            major += f.severity.rank >= 2
            critical += f.severity.rank >= 3
            if f.severity.rank >= 2:
                text = (a if f.side == "source" else b).raw[f.start:f.end]
                print(f"  {pair} {f.code} {f.severity.name} {f.side}: {text[:90]!r} | {f.message[:100]}")
        print(f"{pair}: {len(src)} pairs, major+ {100 * major / len(src):.1f}/100, critical "
              f"{100 * critical / len(src):.1f}/100; " + ", ".join(f"{c} {s_}={v}" for (c, s_), v in sorted(counts.items())),
              flush=True)


if __name__ == "__main__":
    main(sys.argv[1].split(","), int(sys.argv[2]) if len(sys.argv) > 2 else 100)
