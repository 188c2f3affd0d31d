"""Findings identity: run today's tqcheck on a fixed set of inputs and compare two runs byte for byte.

A speed-up must change no finding. ``record`` builds a fixed set of inputs and runs ``tqcheck check`` (the
CLI, in a new process, so the ``tqcheck`` first on ``PYTHONPATH`` is measured) on each group, writing one JSON
report per group to a folder; ``compare`` says whether two such folders hold the same bytes. The set:

- ``seed``: the seed pair in ``corpora/`` (000 -> 003), default settings;
- ``speed1000``: the speed bench's 1,000-sentence IWSLT pair (``bench.speed.build_pair(1000)``), as that bench
  checks it (no input limits, ``--src-lang en --tgt-lang vi``);
- ``docs``: the IWSLT dev talks (``bench.triage.dev_talks()``, never the held-out talks), joined into running
  text as the triage bench joins them, and the first two WMT21 documents of every direction
  (``bench.multilingual.load_direction``), as one manifest checked with ``--jobs 1``;
- ``units``: JSONL unit files of 1,500 units, 300 distinct (``bench.scale.build_units``), checked in shards.

The embedding cache is a folder of its own (``--cache``, default ``~/.cache/tqcheck-identity``): the first run
fills it (cold, minutes), later runs read it (warm), so every run sees the same vectors. Fields that change from
run to run (timings, temporary paths) are dropped from the written JSON; nothing else is.

    python -m bench.identity record /tmp/id-main            # on main, once
    python -m bench.identity record /tmp/id-new [--only seed,speed1000]
    python -m bench.identity compare /tmp/id-main /tmp/id-new
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from .common import UNLIMITED_ARGS, data_dir, join_running

ROOT = Path(__file__).resolve().parent.parent
GROUPS = ("seed", "speed1000", "docs", "units")
UNITS = 1500  # units in the unit files, cycling through DISTINCT distinct ones (a translation memory repeats)
DISTINCT = 300
WMT_DOCS = 2  # documents per WMT21 direction
VOLATILE = {"elapsed_s", "seconds", "timings", "timing", "duration_s", "started", "finished", "created"}


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def build_inputs(work: Path) -> dict[str, list[str]]:
    """The inputs of every group under ``work`` (the same bytes on every call) and each group's arguments."""
    from .multilingual import DIRECTIONS, load_direction, running
    from .scale import build_units
    from .speed import build_pair
    from .triage import dev_talks

    corpora = ROOT / "corpora"
    args: dict[str, list[str]] = {
        "seed": [str(corpora / "000_74d1bcbf21ade748.txt"), str(corpora / "003_8cf2e5f9d09ebff1.txt")]}
    en, vi = build_pair(1000)
    args["speed1000"] = [str(_write(work / "speed1000" / "en.txt", en)), str(_write(work / "speed1000" / "vi.txt", vi)),
                         *UNLIMITED_ARGS, "--src-lang", "en", "--tgt-lang", "vi"]
    rows = ["source,target,source_lang,target_lang"]
    docs = work / "docs"
    for talk in dev_talks():
        s = _write(docs / f"iwslt-{talk.docid}.en.txt", join_running(talk.en)[0] + "\n")
        t = _write(docs / f"iwslt-{talk.docid}.vi.txt", join_running(talk.vi)[0] + "\n")
        rows.append(f"{s.name},{t.name},en,vi")
    for pair in DIRECTIONS:
        for doc in load_direction(pair)[:WMT_DOCS]:
            name = "".join(c if c.isalnum() or c in "-_" else "_" for c in doc.docid)
            s = _write(docs / f"wmt-{pair}-{name}.src.{doc.src_lang}.txt", running(doc.src, doc.src_lang)[0] + "\n")
            t = _write(docs / f"wmt-{pair}-{name}.tgt.{doc.tgt_lang}.txt", running(doc.tgt, doc.tgt_lang)[0] + "\n")
            rows.append(f"{s.name},{t.name},{doc.src_lang},{doc.tgt_lang}")
    manifest = _write(docs / "pairs.csv", "\n".join(rows) + "\n")
    args["docs"] = [str(manifest), "--jobs", "1", *UNLIMITED_ARGS]
    units = work / "units"
    units.mkdir(parents=True, exist_ok=True)
    files, _ = build_units(units, UNITS, DISTINCT)
    args["units"] = [*map(str, files), "--jobs", "1"]
    return args


def _clean(obj, work: str):  # noqa: ANN001, ANN202
    """``obj`` without the fields that change from run to run, the work folder written as ``WORK`` and the
    checkout's as ``ROOT`` (two checkouts of different commits compare equal)."""
    if isinstance(obj, dict):
        return {k: _clean(v, work) for k, v in obj.items() if k not in VOLATILE}
    if isinstance(obj, list):
        return [_clean(v, work) for v in obj]
    if isinstance(obj, str):
        return obj.replace(work, "WORK").replace(str(ROOT), "ROOT")
    return obj


def record(out: Path, work: Path, cache: Path, only: tuple[str, ...] = GROUPS) -> dict[str, float]:
    """Run every group in ``only`` and write ``out/GROUP.json``; returns each group's CPU seconds (children)."""
    out.mkdir(parents=True, exist_ok=True)
    args = build_inputs(work)
    env = {**os.environ, "TQCHECK_CACHE_DIR": str(cache),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    cpu = {}
    for group in only:
        raw = work / f"{group}.raw.json"
        before = os.times()
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", *args[group], "--format", "json", "--output",
                               str(raw), "--fail-on", "never", "--quiet", "--isolated"], cwd=str(ROOT), env=env,
                              capture_output=True, text=True)
        after = os.times()
        if proc.returncode != 0:
            raise RuntimeError(f"{group}: exit {proc.returncode}: {proc.stderr.strip()[-500:]}")
        cpu[group] = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        data = _clean(json.loads(raw.read_text(encoding="utf-8")), str(work))
        (out / f"{group}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                           encoding="utf-8")
        print(f"{group}: {cpu[group]:.2f} CPU s, {time.perf_counter() - t0:.1f} s wall", flush=True)
    return cpu


def compare(a: Path, b: Path) -> bool:
    """True when every group file of ``a`` has the same bytes in ``b``; prints what differs."""
    same = True
    names = sorted({p.name for p in a.glob("*.json")} | {p.name for p in b.glob("*.json")})
    for name in names:
        pa, pb = a / name, b / name
        if not (pa.exists() and pb.exists()):
            print(f"{name}: only in {a if pa.exists() else b}")
            same = False
            continue
        if pa.read_bytes() == pb.read_bytes():
            print(f"{name}: identical")
            continue
        same = False
        la, lb = pa.read_text(encoding="utf-8").splitlines(), pb.read_text(encoding="utf-8").splitlines()
        first = next((i for i, (x, y) in enumerate(zip(la, lb)) if x != y), min(len(la), len(lb)))
        print(f"{name}: DIFFERS at line {first + 1}:\n  {a.name}: {la[first] if first < len(la) else '<end>'}\n"
              f"  {b.name}: {lb[first] if first < len(lb) else '<end>'}")
    return same


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.identity", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    rec = sub.add_parser("record", help="run tqcheck on the fixed set and write GROUP.json files to OUT")
    rec.add_argument("out", type=Path)
    rec.add_argument("--only", default=",".join(GROUPS), help=f"comma-separated groups of {', '.join(GROUPS)}")
    rec.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "tqcheck-identity",
                     help="folder for the built inputs (the same path on every run; default: /tmp/tqcheck-identity)")
    rec.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "tqcheck-identity",
                     help="embedding cache folder (default ~/.cache/tqcheck-identity)")
    cmp_ = sub.add_parser("compare", help="compare two folders written by record, byte for byte (exit 1: differ)")
    cmp_.add_argument("a", type=Path)
    cmp_.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "compare":
        return 0 if compare(args.a, args.b) else 1
    only = tuple(g for g in args.only.split(",") if g)
    bad = [g for g in only if g not in GROUPS]
    if bad:
        ap.error(f"unknown group(s) {', '.join(bad)}; groups: {', '.join(GROUPS)}")
    if not data_dir().exists():
        ap.error(f"no bench data at {data_dir()} (set TQCHECK_BENCH_DATA)")
    record(args.out, args.work.resolve(), args.cache, only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
