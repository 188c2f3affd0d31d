"""Triage of tqcheck's findings on the clean IWSLT en-vi dev talks, from hand labels (issue 12).

The dev talks are the 12 talks the detection challenge has always used (``bench.challenge``: drawn with its
seed from the 47 talks of ``shared/data/iwslt15-en-vi-ted``); the project tuned against them. Each talk is
joined into one running text per language and checked as a user's two files.

Every finding at major or worse on the clean talks should have a row in ``bench/triage/iwslt-en-vi.tsv``:
the talk, the rule code, the flagged text and a short hash of the bead's source and target sentences (no
offsets, so a label survives unrelated changes), with ``true-error`` / ``false-alarm`` / ``debatable`` and a
one-line reason. The report gives false alarms per 100 clean sentence pairs from those labels, the true
errors found, the debatable ones, and every finding that has no label (counted apart: a false alarm cannot
hide behind a missing label), the clean talks that fail ``--fail-on critical`` without a true critical error,
and the recall of the challenge's injected errors on the same talks.

A second labelled set, dev-2 (``dev2_talks``: the first 18 of the other talks in file order, labels in
``bench/triage/iwslt-en-vi-dev2.tsv``), was labelled after the fact and is reported apart; the talks after it
are a final check that no function here returns.

    python -m bench.triage                      # the report, dev and dev-2
    python -m bench.triage --sets dev2          # one set
    python -m bench.triage --unlabelled new.tsv # rows to label for findings that have none yet
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import random
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .common import Talk, iwslt_talks, join_running, log, table

LABELS = Path(__file__).parent / "triage" / "iwslt-en-vi.tsv"
LABELS_DEV2 = Path(__file__).parent / "triage" / "iwslt-en-vi-dev2.tsv"
DEV2_SIZE = 18
COLUMNS = ("talk", "code", "text", "hash", "severity", "label", "reason", "source", "target")
VALID = ("true-error", "false-alarm", "debatable")
TARGETS = {"major": 0.5, "critical": 0.1, "recall": 0.9, "dropped": 0.95}


def dev_talks(quick: bool = False) -> list[Talk]:
    """The challenge set's talks (same seed and draw as ``bench.challenge.run``), in file order."""
    from .challenge import SEED

    talks = iwslt_talks()
    chosen = list(range(2)) if quick else random.Random(SEED).sample(range(len(talks)), 12)
    return [talks[k] for k in sorted(chosen)]


@dataclass(frozen=True)
class Row:
    talk: str
    code: str
    text: str
    hash: str
    severity: str
    label: str = ""
    reason: str = ""
    source: str = ""
    target: str = ""

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.talk, self.code, self.text, self.hash)


def bead_texts(rep, f) -> tuple[str, str]:  # noqa: ANN001
    if f.bead is None or not 0 <= f.bead < len(rep.alignment):
        return "", ""
    b = rep.alignment[f.bead]
    return (" ".join(rep.source.segments[i].text for i in b.src), " ".join(rep.target.segments[j].text for j in b.tgt))


def short_hash(src: str, tgt: str) -> str:
    return hashlib.sha1(f"{src}\t{tgt}".encode("utf-8")).hexdigest()[:10]


def rows_of(talk: str, rep) -> list[Row]:  # noqa: ANN001
    """One row per finding at major or worse, unlabelled."""
    out = []
    for f in rep.findings:
        if f.severity.rank < 2:
            continue
        src, tgt = bead_texts(rep, f)
        out.append(Row(talk, f.code, " ".join(f.text.split()), short_hash(src, tgt), f.severity.value,
                       source=src, target=tgt))
    return out


def _clean(s: str) -> str:
    return " ".join(str(s).replace("\t", " ").split())


def read_labels(path: Path = LABELS) -> dict[tuple[str, str, str, str], Row]:
    if not path.exists():
        return {}
    out = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t",
                                quoting=csv.QUOTE_NONE):
            row = Row(**{c: r.get(c) or "" for c in COLUMNS})
            if row.label and row.label not in VALID:
                raise ValueError(f"{path}: label {row.label!r} for {row.key} is not one of {', '.join(VALID)}")
            out[row.key] = row
    return out


def write_rows(rows: Sequence[Row], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(_clean(getattr(r, c)) for c in COLUMNS) + "\n")


def dev2_talks(quick: bool = False) -> list[Talk]:
    """The second labelled set: the first 18 talks outside ``dev_talks`` in file order (labelled after the fact).

    The remaining non-dev talks are a final check kept apart: nothing here returns them, so no bench run
    (this one included) ever checks them.
    """
    dev = {t.docid for t in dev_talks()}
    rest = [t for t in iwslt_talks() if t.docid not in dev][:DEV2_SIZE]
    return rest[:2] if quick else rest


SETS = {
    "dev": (dev_talks, LABELS, "dev talks (the challenge set; tuned against)"),
    "dev2": (dev2_talks, LABELS_DEV2, "dev-2 talks (the first 18 non-dev talks; labelled after the fact, "
                                      "then used for tuning)"),
}


def run(quick: bool = False, labels_path: Path | None = None, inject: bool = True, unlabelled: Path | None = None,
        sets: Sequence[str] = ("dev", "dev2")) -> dict:
    """Every set in ``sets`` in turn; ``labels_path`` overrides the labels of a single set."""
    per_set = {}
    for name in sets:
        talks_of, default_labels, title = SETS[name]
        path = labels_path if (labels_path is not None and len(sets) == 1) else default_labels
        out_u = None
        if unlabelled is not None:
            out_u = unlabelled if len(sets) == 1 else unlabelled.with_name(f"{unlabelled.stem}-{name}{unlabelled.suffix}")
        per_set[name] = run_set(talks_of(quick), path, inject, out_u, dev_filler=(name != "dev"))
        per_set[name]["title"] = title
        per_set[name]["labels_path"] = path
        per_set[name]["unlabelled_path"] = out_u
    md = []
    for name, out in per_set.items():
        md.append(f"### {name}: {out['title']}\n\n" + markdown(out["figures"], out["unlabelled"], out["labels_path"]))
    result = {"sets": per_set, "markdown": "\n\n".join(md)}
    if len(per_set) == 1:  # one set: its figures at the top level, as before
        result.update({k: v for k, v in next(iter(per_set.values())).items() if k != "markdown"})
        result["markdown"] = "\n\n".join(md)
    return result


def run_set(talks: Sequence[Talk], labels_path: Path, inject: bool = True, unlabelled: Path | None = None,
            dev_filler: bool = False) -> dict:
    from . import challenge

    read_labels(labels_path)  # a malformed file fails now, not after the run
    work = Path(tempfile.mkdtemp(prefix="tqbench-triage-"))
    ids = {t.docid for t in talks}
    # added-sentence filler: Vietnamese sentences of other talks; for dev-2 only from the dev talks, so the
    # final-check talks are never read by a run
    pool = dev_talks() if dev_filler else iwslt_talks()
    filler = [s for t in pool if t.docid not in ids for s in t.vi if 8 <= len(s.split()) <= 25]
    pairs = 0
    found: list[Row] = []
    gate_fail_no_true: list[str] = []
    gate_fail: list[str] = []
    per_kind = {k: [0, 0] for k in challenge.KINDS}
    misses: list[str] = []
    for talk in talks:
        rep = challenge.check_pair(join_running(talk.en)[0], join_running(talk.vi)[0], work, f"clean-{talk.docid}")
        pairs += len(talk.en)
        rows = rows_of(talk.docid, rep)
        found += rows
        if rep.summary.get("gate", {}).get("failed"):
            gate_fail.append(talk.docid)
        if inject:
            inj = challenge.inject(talk, random.Random(f"{challenge.SEED}-{talk.docid}"), filler)
            en_text, vi_text = challenge.build_texts(inj)
            rep_i = challenge.check_pair(en_text, vi_text, work, f"inj-{talk.docid}")
            for x in inj.injections:
                per_kind[x.kind][1] += 1
                hit = challenge.hits(x, rep_i.findings)
                per_kind[x.kind][0] += hit
                if not hit:
                    misses.append(f"{talk.docid} {x.kind}")
        log(f"triage: talk {talk.docid}: {len(rows)} findings at major or worse")
        if unlabelled:  # rewritten after every talk, so labelling can start while the run goes on
            now = read_labels(labels_path)
            write_rows([r for r in found if not (r.key in now and now[r.key].label)], unlabelled)
    labels = read_labels(labels_path)  # read at the end: labels written while the run goes are used
    for talk_id in gate_fail:
        if not any(r.talk == talk_id and r.severity == "critical" and labels.get(r.key, r).label == "true-error"
                   for r in found):
            gate_fail_no_true.append(talk_id)
    out = summarise(found, labels, pairs, len(talks), gate_fail, gate_fail_no_true, per_kind if inject else None)
    out["figures"]["missed_injections"] = misses
    return out


def summarise(found: Sequence[Row], labels: dict, pairs: int, n_talks: int, gate_fail: Sequence[str],
              gate_fail_no_true: Sequence[str], per_kind: dict | None) -> dict:
    labelled = [(r, labels[r.key]) for r in found if r.key in labels and labels[r.key].label]
    unlabelled = [r for r in found if r.key not in labels or not labels[r.key].label]

    def n(label: str, crit: bool = False) -> int:
        return sum(1 for r, lab in labelled if lab.label == label and (not crit or r.severity == "critical"))

    p = max(pairs, 1)
    fa, fa_c = n("false-alarm"), n("false-alarm", True)
    fa_codes: dict[str, int] = {}
    for r, lab in labelled:
        if lab.label == "false-alarm":
            fa_codes[r.code] = fa_codes.get(r.code, 0) + 1
    figures = {
        "talks": n_talks, "sentence_pairs": pairs, "major_or_worse": len(found),
        "critical": sum(r.severity == "critical" for r in found),
        "false_alarms": fa, "false_alarms_critical": fa_c, "false_alarms_by_code": dict(sorted(fa_codes.items())),
        "false_alarms_per100": 100 * fa / p, "false_alarms_critical_per100": 100 * fa_c / p,
        "true_errors": n("true-error"), "true_errors_critical": n("true-error", True),
        "debatable": n("debatable"), "unlabelled": len(unlabelled),
        "unlabelled_per100": 100 * len(unlabelled) / p,
        "gate_failed": list(gate_fail), "gate_failed_without_true_critical": list(gate_fail_no_true),
    }
    if per_kind:
        det, tot = sum(v[0] for v in per_kind.values()), sum(v[1] for v in per_kind.values())
        figures["recall"] = det / tot if tot else 0.0
        figures["recall_dropped"] = (per_kind["sentence-dropped"][0] / per_kind["sentence-dropped"][1]
                                     if per_kind["sentence-dropped"][1] else 0.0)
        figures["per_kind"] = per_kind
    return {"figures": figures, "unlabelled": unlabelled, "markdown": markdown(figures, unlabelled)}


def markdown(fig: dict, unlabelled: Sequence[Row], labels_path: Path = LABELS) -> str:
    rows = [
        ["major-or-worse false alarms per 100 clean sentence pairs (labels)", f"{fig['false_alarms_per100']:.2f}",
         f"≤ {TARGETS['major']}", f"{fig['false_alarms']} of {fig['major_or_worse']} findings"
         + (": " + ", ".join(f"{c} {k}" for c, k in fig.get("false_alarms_by_code", {}).items())
            if fig.get("false_alarms_by_code") else "")],
        ["critical false alarms per 100 clean sentence pairs (labels)", f"{fig['false_alarms_critical_per100']:.2f}",
         f"≤ {TARGETS['critical']}", f"{fig['false_alarms_critical']} of {fig['critical']} critical findings"],
        ["unlabelled findings at major or worse per 100 pairs", f"{fig['unlabelled_per100']:.2f}", "0",
         f"{fig['unlabelled']} findings (listed below)"],
        ["true translator errors found (major or worse)", fig["true_errors"], "",
         f"{fig['true_errors_critical']} of them critical"],
        ["debatable", fig["debatable"], "", ""],
        ["clean talks failing `--fail-on critical` with no true critical error",
         len(fig["gate_failed_without_true_critical"]), "0",
         f"{len(fig['gate_failed'])} talks fail the gate: {', '.join(fig['gate_failed']) or 'none'}"],
    ]
    if "recall" in fig:
        pk = fig["per_kind"]
        rows += [["injected-error recall (challenge set, same talks)", f"{fig['recall']:.3f}", f"≥ {TARGETS['recall']}",
                  ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in pk.items() if v[1])],
                 ["dropped-sentence recall", f"{fig['recall_dropped']:.3f}", f"≥ {TARGETS['dropped']}",
                  f"{pk['sentence-dropped'][0]}/{pk['sentence-dropped'][1]}"]]
        if fig.get("missed_injections"):
            rows.append(["injections not found", len(fig["missed_injections"]), "",
                         "; ".join(fig["missed_injections"])])
    out = (f"{fig['talks']} clean talks, {fig['sentence_pairs']} gold sentence pairs, "
           f"{fig['major_or_worse']} findings at major or worse; labels from `bench/triage/{labels_path.name}`.\n\n")
    out += table(["figure", "value", "target", "detail"], rows)
    if unlabelled:
        out += "\n\nUnlabelled findings (label them with `python -m bench.triage --unlabelled FILE`):\n\n"
        out += "\n".join(f"- talk {r.talk} {r.code} {r.severity} `{r.text}` ({r.hash})" for r in unlabelled)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.triage", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="the first 2 talks of each set only (labels still apply)")
    ap.add_argument("--sets", default="dev,dev2",
                    help="comma-separated sets: dev (the challenge talks), dev2 (the next 18 talks; default both)")
    ap.add_argument("--labels", help="the labels file, with a single set (default bench/triage/iwslt-en-vi.tsv for "
                                     "dev, bench/triage/iwslt-en-vi-dev2.tsv for dev2)")
    ap.add_argument("--unlabelled", metavar="FILE",
                    help="write the findings without a label as TSV rows to fill in (label, reason); with several "
                         "sets, one file per set named FILE-SET")
    ap.add_argument("--no-inject", action="store_true", help="skip the injected-error recall (clean talks only)")
    args = ap.parse_args(argv)
    sets = [x.strip() for x in args.sets.split(",") if x.strip()]
    bad = [x for x in sets if x not in SETS]
    if bad or not sets:
        sys.stderr.write(f"--sets: unknown set {', '.join(bad) or '(none)'}; choose from {', '.join(SETS)}\n")
        return 2
    if args.labels and len(sets) != 1:
        sys.stderr.write("--labels needs a single set (--sets dev or --sets dev2)\n")
        return 2
    try:
        out = run(args.quick, Path(args.labels) if args.labels else None, inject=not args.no_inject,
                  unlabelled=Path(args.unlabelled) if args.unlabelled else None, sets=sets)
    except ValueError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    if args.unlabelled:
        for one in out["sets"].values():
            write_rows(one["unlabelled"], one["unlabelled_path"])
            sys.stderr.write(f"{len(one['unlabelled'])} unlabelled rows written to {one['unlabelled_path']}\n")
    sys.stdout.write(out["markdown"] + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
