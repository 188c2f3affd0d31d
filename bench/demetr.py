"""DEMETR (X→English, 10 source languages): false alarms on human references and recall of replaced names/numbers.

Data: ``shared/data/demetr`` (read in place; see its SOURCE.md and DATASHEET.md): 100 items per source language
(pl, cs, ru, de, fr, it, es, ja, zh, hi), each a source sentence, a human English translation, a machine
translation and a perturbed copy of that machine translation with one error of the file's kind. Polish, Italian,
Spanish and Hindi are in none of the WMT21 dev directions, so this measures languages nobody tuned on.

- **clean**: per language, the source sentences against their human English references, in id order, joined
  into pseudo-documents of ``CHUNK`` items (one paragraph, sentences joined by a space, or by nothing in Chinese
  and Japanese) and checked as a user's two files are (``bench.multilingual.check_texts``). Figures per 100
  sentence pairs at major-or-worse and at critical, and by rule code. The references are human translations,
  meant to be correct, so every finding counts as a false alarm, except one labelled by hand as a real error of
  the reference in ``bench/triage/demetr.tsv`` (the IWSLT triage's columns, with ``demetr LANG CHUNK`` as the
  talk); ``--unlabelled FILE`` writes rows to label for the findings at major or worse that have none.
- **recall**: the items of ``critical_id9_ne_replaced`` and ``critical_id10_numbers_replaced`` whose
  ``pert_check`` is true; the perturbed machine translation against the source, joined the same way. The changed
  span is the character diff between ``mt_sent`` and ``pert_sent``; an item is found when a finding of the
  family (names, numbers) overlaps that span in the translation, or lies on the item's source sentence.

    python -m bench.demetr --langs pl,es --show TQ201 --out /tmp/demetr.md
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from . import triage
from .common import PerPairFigures, data_dir, log, table

LANGS = {"polish": "pl", "czech": "cs", "russian": "ru", "german": "de", "french": "fr", "italian": "it",
         "spanish": "es", "japanese": "ja", "chinese_simple": "zh", "hindi": "hi"}
ORDER = ("pl", "cs", "ru", "de", "fr", "it", "es", "ja", "zh", "hi")
UNSEEN = {"pl", "it", "es", "hi"}  # in none of the WMT21 dev directions
QUICK_LANGS = ("pl", "es", "hi")  # for ``python -m bench --quick``
CHUNK = 20
PERTURBATIONS = {"ne_replaced": ("critical_id9_ne_replaced.json", "names"),
                 "numbers_replaced": ("critical_id10_numbers_replaced.json", "numbers")}
TARGET_MAJOR, TARGET_CRITICAL = 1.0, 0.2
LABELS = Path(__file__).parent / "triage" / "demetr.tsv"


def _folder() -> Path:
    return data_dir() / "demetr"


def load(name: str) -> list[dict]:
    """The items of one DEMETR file, each with ``lang`` (our code) added."""
    rows = json.loads((_folder() / name).read_text(encoding="utf-8"))
    for r in rows:
        r["lang"] = LANGS.get(r["lang_tag"], r["lang_tag"])
    return rows


def _clean(s: str) -> str:
    return " ".join((s or "").split())


def joined(sents: Sequence[str], lang: str) -> tuple[str, list[tuple[int, int]]]:
    from .multilingual import running

    return running([list(sents)], lang)


def changed_span(a: str, b: str) -> tuple[int, int] | None:
    """The span of ``b`` that differs from ``a`` (first to last changed character), None when equal."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    if not ops:
        return None
    s, e = ops[0][3], ops[-1][4]
    if e <= s:  # a pure deletion: mark the character around it
        s, e = max(0, s - 1), min(len(b), s + 1)
    # widen to whole words
    while s > 0 and b[s - 1].isalnum():
        s -= 1
    while e < len(b) and b[e].isalnum():
        e += 1
    return s, e


@dataclass
class LangResult(PerPairFigures):
    lang: str
    docs: int = 0
    pairs: int = 0
    major: int = 0
    critical: int = 0
    gate_failed: int = 0
    true_major: int = 0  # findings at major or worse labelled true errors of the reference
    true_critical: int = 0
    unlabelled: list = field(default_factory=list)  # triage rows of major-or-worse findings without a label
    by_code: Counter = field(default_factory=Counter)
    golds: list = field(default_factory=list)
    tests: list = field(default_factory=list)
    recall: dict = field(default_factory=dict)  # kind -> [found, found major+, items]
    shown: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0



def _chunks(items: Sequence[dict], n: int) -> list[list[dict]]:
    return [list(items[k:k + n]) for k in range(0, len(items), n)]


def run_clean(res: LangResult, items: Sequence[dict], work: Path, show: set[str]) -> None:
    from .multilingual import check_texts, finding_line, projected_beads

    labels = triage.read_labels(LABELS)
    for k, part in enumerate(_chunks(items, CHUNK)):
        src_text, src_spans = joined([_clean(r["src_sent"]) for r in part], res.lang)
        tgt_text, tgt_spans = joined([_clean(r["eng_sent"]) for r in part], "en")
        try:
            rep = check_texts(src_text, tgt_text, res.lang, "en", work, f"clean-{res.lang}-{k}")
        except Exception as exc:  # noqa: BLE001 - one failing document must not end the run; it is reported
            res.errors.append(f"clean {k}: {type(exc).__name__}: {str(exc)[:160]}")
            continue
        res.docs += 1
        res.pairs += len(part)
        for f in rep.findings:
            res.by_code[(f.code, f.severity.value)] += 1
            res.major += f.severity.rank >= 2
            res.critical += f.severity.rank >= 3
            if f.code in show or f.severity.value in show:
                res.shown.append(f"{res.lang} clean-{k}:\n{finding_line(rep, f)}")
        for row in triage.rows_of(f"demetr {res.lang} {k}", rep):
            label = labels.get(row.key)
            if label is None:
                res.unlabelled.append(row)
            elif label.label == "true-error":
                res.true_major += 1
                res.true_critical += row.severity == "critical"
        res.gate_failed += bool(rep.summary.get("gate", {}).get("failed"))
        res.golds.append([((i,), (i,)) for i in range(len(part))])
        res.tests.append(projected_beads(rep, src_spans, tgt_spans))


def _overlaps(a: tuple[int, int], s: int, e: int) -> bool:
    return a[0] < max(e, s + 1) and s < a[1]


def run_recall(res: LangResult, kind: str, items: Sequence[dict], family: str, work: Path) -> None:
    from .multilingual import check_texts

    per = res.recall.setdefault(kind, [0, 0, 0])
    for k, part in enumerate(_chunks(items, CHUNK)):
        src_text, src_spans = joined([_clean(r["src_sent"]) for r in part], res.lang)
        tgt_text, tgt_spans = joined([_clean(r["pert_sent"]) for r in part], "en")
        try:
            rep = check_texts(src_text, tgt_text, res.lang, "en", work, f"{kind}-{res.lang}-{k}")
        except Exception as exc:  # noqa: BLE001 - reported, the run goes on
            res.errors.append(f"{kind} {k}: {type(exc).__name__}: {str(exc)[:160]}")
            continue
        for r, ss, ts in zip(part, src_spans, tgt_spans):
            span = changed_span(_clean(r["mt_sent"]), _clean(r["pert_sent"]))
            if span is None:
                continue
            tspan = (ts[0] + span[0], ts[0] + span[1])
            hits = [f for f in rep.findings if f.family == family and (
                _overlaps(tspan, f.start, f.end) if f.side != "source" else _overlaps(ss, f.start, f.end))]
            per[2] += 1
            per[0] += bool(hits)
            per[1] += any(f.severity.rank >= 2 for f in hits)
            if not hits:
                res.misses.append(f"{res.lang} {kind} #{r['id']}: {_clean(r['mt_sent'])[span[0]:span[1]]!r} -> "
                                  f"{_clean(r['pert_sent'])[span[0]:span[1]]!r} | {_clean(r['src_sent'])[:120]}")


def run(langs: Sequence[str] = ORDER, show: Sequence[str] = (), recall: bool = True, misses: bool = False,
        echo=None) -> dict:  # noqa: ANN001
    """Run the clean and recall checks; ``{"results": [...], "markdown": section text}``. ``echo`` (a
    callable) gets each language's shown findings (and misses, with ``misses``) as soon as it is done."""
    work = Path(tempfile.mkdtemp(prefix="tqbench-demetr-"))
    base = load("base_id35_reference.json")
    perts = {kind: load(fn) for kind, (fn, _) in PERTURBATIONS.items()} if recall else {}
    show_set = {c.upper() for c in show} | {c.lower() for c in show}
    results = []
    for lang in langs:
        t0 = time.perf_counter()
        res = LangResult(lang)
        items = sorted((r for r in base if r["lang"] == lang), key=lambda r: r["id"])
        run_clean(res, items, work / lang, show_set)
        for kind, rows in perts.items():
            sel = sorted((r for r in rows if r["lang"] == lang and r.get("pert_check")), key=lambda r: r["id"])
            run_recall(res, kind, sel, PERTURBATIONS[kind][1], work / lang)
        res.seconds = time.perf_counter() - t0
        rec = "; ".join(f"{k} {v[0]}/{v[2]}" for k, v in res.recall.items())
        log(f"demetr {lang}: {res.pairs} pairs, major+ {res.per100(res.major):.2f}/100, critical "
            f"{res.per100(res.critical):.2f}/100, {rec} ({res.seconds:.0f}s)")
        results.append(res)
        if echo is not None:
            if res.shown:
                echo("\n".join(res.shown) + "\n\n")
            if misses and res.misses:
                echo("missed: " + "\nmissed: ".join(res.misses) + "\n\n")
    return {"results": results, "markdown": markdown(results)}


def intro() -> str:
    return ("Data: `shared/data/demetr` (DEMETR, Karpinska et al. 2022: FLORES and WMT sentences, 100 per source "
            f"language, human English references). Clean: each language's sources against the human references, "
            f"in id order, joined into pseudo-documents of {CHUNK} sentences (one paragraph) and checked with the "
            "default settings; every finding is a false alarm, except one labelled by hand as a real error of the "
            "reference in `bench/triage/demetr.tsv` (major or worse only). Recall: the `ne_replaced` and `numbers_replaced` "
            "perturbations (`pert_check` true) of the machine translation, checked against the source; found = a "
            "finding of the family (names, numbers) on the changed span or on the item's source sentence. "
            f"Languages marked * ({', '.join(sorted(UNSEEN))}) are in none of the WMT21 dev directions.")


def markdown(results: Sequence[LangResult]) -> str:
    kinds = list(PERTURBATIONS)
    rows = []
    for r in results:
        f1 = r.f1
        fa_major, fa_crit = r.per100(r.major - r.true_major), r.per100(r.critical - r.true_critical)
        cells = [r.lang + ("*" if r.lang in UNSEEN else ""), r.docs, r.pairs, f"{r.per100(r.major):.2f}",
                 f"{r.per100(r.critical):.2f}", f"{r.true_major}/{r.true_critical}", f"{fa_major:.2f}",
                 f"{fa_crit:.2f}", len(r.unlabelled), f"{r.gate_failed}/{r.docs}",
                 f"{f1:.3f}" if f1 is not None else ""]
        for k in kinds:
            v = r.recall.get(k)
            cells.append(f"{v[0]}/{v[2]} ({v[1]} major+)" if v and v[2] else "")
        cells.append("yes" if r.docs and fa_major <= TARGET_MAJOR and fa_crit <= TARGET_CRITICAL else "no")
        cells.append("; ".join(r.errors)[:100])
        rows.append(cells)
    out = table(["source lang", "docs", "sentence pairs", "major+ /100", "critical /100",
                 "true errors of the reference (major+/critical)", "false alarms major+ /100",
                 "false alarms critical /100", "unlabelled", "docs failing gate", "align F1 strict", *(f"{k} found" for k in kinds),
                 f"meets ≤{TARGET_MAJOR:g} / ≤{TARGET_CRITICAL:g}", "errors"], rows)
    tot = sum(r.pairs for r in results)
    if tot:
        rec = []
        for k in kinds:
            f = sum(r.recall.get(k, [0, 0, 0])[0] for r in results)
            m = sum(r.recall.get(k, [0, 0, 0])[1] for r in results)
            n = sum(r.recall.get(k, [0, 0, 0])[2] for r in results)
            if n:
                rec.append(f"{k} {f}/{n} found ({f / n:.3f}; {m / n:.3f} at major or worse)")
        tm, tc = sum(r.true_major for r in results), sum(r.true_critical for r in results)
        out += (f"\n\nAll languages: {tot} sentence pairs, {100 * sum(r.major for r in results) / tot:.2f} "
                f"major-or-worse and {100 * sum(r.critical for r in results) / tot:.2f} critical findings per 100 "
                f"pairs; of those, {tm} at major or worse ({tc} critical) are labelled true errors of the reference, "
                f"so {100 * (sum(r.major for r in results) - tm) / tot:.2f} major-or-worse and "
                f"{100 * (sum(r.critical for r in results) - tc) / tot:.2f} critical false alarms per 100 pairs "
                f"({sum(len(r.unlabelled) for r in results)} findings without a label, counted as false alarms)"
                + (f"; {'; '.join(rec)}" if rec else "") + ".")
    codes = sorted({c for r in results for c, _ in r.by_code})
    if codes:
        rows = [[r.lang, *r.code_cells(codes)] for r in results]
        out += "\n\nFindings on the clean references by rule code (critical/major/minor):\n\n" + table(
            ["lang", *codes], rows)
    return out


def section(langs: Sequence[str] = ORDER) -> str:
    """The ``demetr`` section text for bench/RESULTS.md (what ``python -m bench`` would write)."""
    return "## DEMETR: X→English, ten source languages\n\n" + intro() + "\n\n" + run(langs)["markdown"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.demetr", description=__doc__.split("\n\n")[0])
    ap.add_argument("--langs", default=",".join(ORDER), help=f"comma-separated source languages (default all: "
                                                            f"{','.join(ORDER)})")
    ap.add_argument("--show", action="append", default=[], metavar="CODE",
                    help="print every clean finding of this rule code (or severity: major, critical) with its "
                         "sentences (repeatable)")
    ap.add_argument("--no-recall", action="store_true", help="only the clean references")
    ap.add_argument("--misses", action="store_true", help="list every perturbation not found")
    ap.add_argument("--unlabelled", metavar="FILE",
                    help=f"write a row for every major-or-worse clean finding that {LABELS.name} has no label for")
    ap.add_argument("--out", metavar="FILE", help="write the markdown as a `demetr` section into this RESULTS file "
                                                  "(other sections kept)")
    args = ap.parse_args(argv)
    langs = [x.strip() for x in args.langs.split(",") if x.strip()]
    bad = [x for x in langs if x not in ORDER]
    if bad:
        sys.stderr.write(f"unknown language {bad[0]!r}; choose from {', '.join(ORDER)}\n")
        return 2
    if not _folder().is_dir():
        sys.stderr.write(f"no DEMETR data at {_folder()} (set TQCHECK_BENCH_DATA)\n")
        return 2
    def echo(text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    out = run(langs, [c for s in args.show for c in s.split(",")], not args.no_recall, args.misses, echo)
    sys.stdout.write(out["markdown"] + "\n")
    if args.unlabelled:
        triage.write_rows([row for r in out["results"] for row in r.unlabelled], Path(args.unlabelled))
    if args.out:
        from .run import machine, merge_results

        body = "\n".join(["Section `demetr`:", "", *machine(argv), "", "## DEMETR: X→English, ten source "
                          "languages", "", intro(), "", out["markdown"], ""])
        p = Path(args.out)
        old = p.read_text(encoding="utf-8") if p.exists() else ""
        p.write_text(merge_results(old, {"demetr": body}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
