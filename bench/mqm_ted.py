"""TED talks translated by machine and by people, with expert MQM ratings (WMT21, en→de and zh→en): tqcheck's
findings at major or worse on the segments every rating found clean.

Data: ``shared/data/wmt21-mqm-ted`` (read in place; see its SOURCE.md): the rated segments of the WMT21 TED
test suite (Freitag et al. 2021), per system, talk and segment, each rating with its error category and MQM
severity. Only rated segments are in the files, so a talk is the run of its rated segments in segment order.

Per system and talk, the segments are joined (a blank line between them) into two running-text files and
checked with the default settings (``bench.multilingual.check_texts``); each finding is placed in the segment
that holds it. A segment is *clean* when every rating of it is ``No-error``, *with a major accuracy error* when
a rating marks a ``Major`` error of an ``Accuracy/*`` category, otherwise rated with other errors. The figures
are those of :mod:`bench.mqm`, per segment instead of per paragraph: nobody labelled tqcheck's findings here, so
each one at major or worse on a clean segment counts as a false alarm.

The systems: the human references (``ref``; ``refB`` for zh→en) and three MT systems per direction; the other
systems of the files are left out to keep the section a few minutes long.

    python -m bench.mqm_ted --pairs zh-en --systems ref,refB --show
"""
from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Sequence

from .common import data_dir, log
from .mqm import Paragraph, SystemResult, tally
from .mqm import markdown as mqm_markdown

FILES = {"en-de": "mqm_ted_ende.tsv", "zh-en": "mqm_ted_zhen.tsv"}
SYSTEMS = {"en-de": ("ref", "Facebook-AI", "Online-W", "eTranslation"),
           "zh-en": ("ref", "refB", "Facebook-AI", "Online-W", "NiuTrans")}
QUICK_SYSTEMS = {"en-de": ("ref",), "zh-en": ("ref",)}


def _folder() -> Path:
    return data_dir() / "wmt21-mqm-ted"


def read(rows: Iterable[dict]) -> dict[tuple[str, str], list[Paragraph]]:
    """``{(system, talk): [segment, ...]}`` in segment order, each segment with its ratings; the ``<v>`` marks
    of the rated span are dropped from the target."""
    by: dict[tuple[str, str], dict[int, Paragraph]] = defaultdict(dict)
    for r in rows:
        seg = int(r["seg_id"])
        key = (r["system"], r["doc"])
        p = by[key].get(seg)
        if p is None:
            target = r["target"].replace("<v>", "").replace("</v>", "")
            p = by[key][seg] = Paragraph(seg, r["source"], target)
        p.ratings.append((r["category"], r["severity"]))
    return {k: [v[s] for s in sorted(v)] for k, v in by.items()}


def load(pair: str) -> dict[tuple[str, str], list[Paragraph]]:
    with open(_folder() / FILES[pair], encoding="utf-8", newline="") as fh:
        return read(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def joined(texts: Sequence[str], lang: str) -> tuple[str, list[tuple[int, int]]]:
    """The segments joined by a blank line (:func:`bench.multilingual.running`, one segment per paragraph)."""
    from .multilingual import running

    return running([[t] for t in texts], lang)


def run_system(pair: str, system: str, docs: dict[tuple[str, str], list[Paragraph]], work: Path,
               show: bool = False) -> SystemResult:
    from .multilingual import check_texts

    s_lang, t_lang = pair.split("-")
    res = SystemResult(f"{pair} {system}")
    for (sysname, talk), segs in sorted(docs.items()):
        if sysname != system:
            continue
        src_text, src_spans = joined([p.source for p in segs], s_lang)
        tgt_text, tgt_spans = joined([p.target for p in segs], t_lang)
        try:
            rep = check_texts(src_text, tgt_text, s_lang, t_lang, work, f"{pair}-{system}-{talk}".replace("/", "_"))
        except Exception as exc:  # noqa: BLE001 - one failing talk must not end the run; it is reported
            res.errors.append(f"{talk}: {type(exc).__name__}: {str(exc)[:160]}")
            continue
        tally(res, rep, segs, src_spans, tgt_spans,
              (lambda k: f"{pair} {system} {talk} segment {segs[k].index}") if show else None)
    return res


def markdown(results: Sequence[SystemResult]) -> str:
    """:func:`bench.mqm.markdown`'s table and summary, spoken of per segment."""
    text = mqm_markdown(results).replace("paragraphs", "segments").replace("paragraph", "segment")
    text = text.replace("by all three raters", "by every rating")
    return text.replace("| system |", "| direction and system |", 1)


def run(systems: dict[str, Sequence[str]] | None = None, show: bool = False, echo=None) -> dict:  # noqa: ANN001
    systems = systems or SYSTEMS
    work = Path(tempfile.mkdtemp(prefix="tqbench-mqmted-"))
    results = []
    for pair, names in systems.items():
        docs = load(pair)
        for system in names:
            t0 = time.perf_counter()
            res = run_system(pair, system, docs, work, show)
            log(f"mqm-ted {pair} {system}: {res.paragraphs} segments, {res.findings} findings major+, "
                f"{res.on_clean} on clean segments ({time.perf_counter() - t0:.0f}s)")
            if echo is not None and res.shown:
                echo("\n".join(res.shown) + "\n\n")
            results.append(res)
    return {"results": results, "markdown": markdown(results)}


def intro() -> str:
    return ("Data: `shared/data/wmt21-mqm-ted` (Google's expert MQM ratings of the WMT21 TED-talk test suite, "
            "en→de and zh→en; only the rated segments, so a talk is the run of its rated segments). The human "
            "references and three MT systems per direction are checked with the default settings, one running "
            "text per talk; a segment is clean when every rating of it is `No-error`. Nobody labelled tqcheck's "
            "findings here: each finding at major or worse on a clean segment counts as a false alarm. These "
            "talks were first checked in session 25, after which five of its false alarms were fixed (German "
            "demonstratives at a sentence's end, \"thrice\", sub-second durations, a unit's name paired as a "
            "name, a short German sentence langdetect alone called English): the figures are not blind.")


def section(systems: dict[str, Sequence[str]] | None = None) -> str:
    """The ``mqmted`` section text for bench/RESULTS.md."""
    return ("## TED talks with expert MQM ratings (WMT21 en-de, zh-en)\n\n" + intro() + "\n\n"
            + run(systems)["markdown"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.mqm_ted", description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", default="en-de,zh-en", help="comma-separated directions (en-de, zh-en)")
    ap.add_argument("--systems", default="", help="comma-separated systems (default: the section's own)")
    ap.add_argument("--show", action="store_true", help="print every finding at major or worse with its segment")
    args = ap.parse_args(argv)
    pairs = [p.strip() for p in args.pairs.split(",") if p.strip()]
    unknown = [p for p in pairs if p not in FILES]
    if unknown:
        sys.stderr.write(f"unknown direction {unknown[0]!r}; choose from {', '.join(FILES)}\n")
        return 2
    if not all((_folder() / FILES[p]).is_file() for p in pairs):
        sys.stderr.write(f"no MQM TED data at {_folder()} (set TQCHECK_BENCH_DATA)\n")
        return 2
    names = [s.strip() for s in args.systems.split(",") if s.strip()]
    systems = {p: tuple(names) or SYSTEMS[p] for p in pairs}

    def echo(text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    out = run(systems, args.show, echo)
    sys.stdout.write(out["markdown"] + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
