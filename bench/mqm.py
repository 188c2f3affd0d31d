"""Real machine translation with expert MQM ratings (WMT23 English→German): how tqcheck's findings at major or
worse fall on paragraphs that professional raters judged clean, or where they marked an accuracy error.

Data: ``shared/data/wmt23-mqm-en-de`` (read in place; see its SOURCE.md): 30 English news documents, 104
paragraphs, translated by 10 systems (the human reference ``refA`` among them), each paragraph rated side by side
by three professional raters, error spans and MQM severities. Rows with severity ``HOTW-test`` (quality-control
probes) are left out.

Per system and document, the paragraphs are joined (a blank line between them) into two running-text files
and checked with the default settings (``bench.multilingual.check_texts``); each finding is placed in the
paragraph that holds it (the target's, or the source's for a finding on the source). A paragraph is

- **clean** when every rating of it is ``No-error`` (all three raters found nothing);
- **with a major accuracy error** when a rater marked a ``Major`` error of an ``Accuracy/*`` category
  (mistranslation, omission, addition, untranslated text...): the kind of error tqcheck looks for, though most
  of them (a mistranslated word) are beyond its rules;
- otherwise rated with minor errors or fluency and style errors only.

Figures per system: findings at major or worse per 100 clean paragraphs (a paragraph is about four sentences;
nobody labelled these findings, so each one on a clean paragraph counts as a false alarm), the share of the
paragraphs with a major accuracy error that get a finding at major or worse, and the share of all findings at
major or worse that fall on a paragraph with any rated error (precision against the raters).

    python -m bench.mqm --systems refA,ONLINE-W --show major+
"""
from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .common import data_dir, log, table

FILE = "sxs_mqm_generalMT2023_ende.3ratingsPerSegment.no-metadata.tsv"
QUICK_SYSTEMS = ("refA", "ONLINE-W")


def _folder() -> Path:
    return data_dir() / "wmt23-mqm-en-de"


@dataclass
class Paragraph:
    index: int  # docSegId - 1
    source: str
    target: str
    ratings: list[tuple[str, str]] = field(default_factory=list)  # (category, severity)

    @property
    def label(self) -> str:
        """``clean``, ``accuracy`` (a major accuracy error) or ``other``."""
        if self.ratings and all(sev == "No-error" for _, sev in self.ratings):
            return "clean"
        if any(sev == "Major" and cat.startswith("Accuracy/") for cat, sev in self.ratings):
            return "accuracy"
        return "other"


def _plain(text: str) -> str:
    """A rated text without the raters' ``<v>…</v>`` span marks."""
    return text.replace("<v>", "").replace("</v>", "").strip()


def read(rows: Iterable[dict]) -> dict[tuple[str, str], list[Paragraph]]:
    """``{(system, doc): [Paragraph, ...]}`` in paragraph order, from the TSV's rows."""
    by: dict[tuple[str, str], dict[int, Paragraph]] = defaultdict(dict)
    for r in rows:
        if r["severity"] == "HOTW-test":
            continue
        k = int(r["docSegId"])
        para = by[(r["system"], r["doc"])].get(k)
        if para is None:
            para = by[(r["system"], r["doc"])][k] = Paragraph(k - 1, _plain(r["source"]), _plain(r["target"]))
        para.ratings.append((r["category"], r["severity"]))
    return {key: [p[k] for k in sorted(p)] for key, p in by.items()}


def load() -> dict[tuple[str, str], list[Paragraph]]:
    with (_folder() / FILE).open(encoding="utf-8", newline="") as fh:
        return read(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def joined(texts: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The paragraphs joined by a blank line, and each one's span in the joined text
    (:func:`bench.multilingual.running`, one segment per paragraph)."""
    from .multilingual import running

    return running([[t] for t in texts], "de")


def paragraph_at(spans: Sequence[tuple[int, int]], pos: int) -> int:
    """The index of the paragraph whose span holds offset ``pos`` (the last one that starts at or before it)."""
    k = 0
    for i, (s, _) in enumerate(spans):
        if s <= pos:
            k = i
    return k


@dataclass
class SystemResult:
    system: str
    docs: int = 0
    paragraphs: int = 0
    clean: int = 0
    accuracy: int = 0
    findings: int = 0  # at major or worse
    on_clean: int = 0
    on_rated: int = 0  # on a paragraph with any rated error
    accuracy_flagged: int = 0
    shown: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def run_system(system: str, docs: dict[tuple[str, str], list[Paragraph]], work: Path,
               show: bool = False) -> SystemResult:
    from .multilingual import check_texts

    res = SystemResult(system)
    for (sysname, doc), paras in sorted(docs.items()):
        if sysname != system:
            continue
        src_text, src_spans = joined([p.source for p in paras])
        tgt_text, tgt_spans = joined([p.target for p in paras])
        try:
            rep = check_texts(src_text, tgt_text, "en", "de", work, f"{system}-{doc}".replace("/", "_").replace(":", "_"))
        except Exception as exc:  # noqa: BLE001 - one failing document must not end the run; it is reported
            res.errors.append(f"{doc}: {type(exc).__name__}: {str(exc)[:160]}")
            continue
        tally(res, rep, paras, src_spans, tgt_spans,
              (lambda k: f"{system} {doc} paragraph {k + 1}") if show else None)
    return res


def tally(res: SystemResult, rep, paras: Sequence[Paragraph], src_spans: Sequence[tuple[int, int]],  # noqa: ANN001
          tgt_spans: Sequence[tuple[int, int]], where=None) -> None:  # noqa: ANN001
    """Add one checked document to ``res``: its paragraphs by label, and each finding at major or worse placed in
    the paragraph that holds it; ``where(k)`` names paragraph ``k`` for the shown findings (None: none shown)."""
    from .multilingual import finding_line

    res.docs += 1
    res.paragraphs += len(paras)
    res.clean += sum(p.label == "clean" for p in paras)
    res.accuracy += sum(p.label == "accuracy" for p in paras)
    flagged: set[int] = set()
    for f in rep.findings:
        if f.severity.rank < 2:
            continue
        k = paragraph_at(src_spans if f.side == "source" else tgt_spans, f.start)
        res.findings += 1
        res.on_clean += paras[k].label == "clean"
        res.on_rated += paras[k].label != "clean"
        flagged.add(k)
        if where is not None:
            res.shown.append(f"{where(k)} ({paras[k].label}):\n{finding_line(rep, f)}")
    res.accuracy_flagged += sum(paras[k].label == "accuracy" for k in flagged)


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "–"


def markdown(results: Sequence[SystemResult]) -> str:
    rows = []
    for r in results:
        rate = f"{100 * r.on_clean / r.clean:.2f}" if r.clean else "–"
        rows.append((r.system, r.docs, r.paragraphs, r.clean, r.accuracy, r.findings, r.on_clean, rate,
                     _pct(r.accuracy_flagged, r.accuracy), _pct(r.on_rated, r.findings),
                     "; ".join(r.errors)[:200]))
    tot = SystemResult("all systems")
    for r in results:
        for name in ("docs", "paragraphs", "clean", "accuracy", "findings", "on_clean", "on_rated", "accuracy_flagged"):
            setattr(tot, name, getattr(tot, name) + getattr(r, name))
    body = table(("system", "docs", "paragraphs", "clean paragraphs", "with a major accuracy error",
                  "findings major+", "on clean paragraphs", "per 100 clean paragraphs",
                  "major accuracy errors flagged", "findings on rated paragraphs", "errors"), rows)
    rate = f"{100 * tot.on_clean / tot.clean:.2f}" if tot.clean else "–"
    return (body + "\n\n" + f"All systems: {tot.paragraphs} paragraphs, {tot.clean} clean by all three raters; "
            f"{tot.findings} findings at major or worse, {tot.on_clean} of them on clean paragraphs ({rate} per 100 "
            f"clean paragraphs); {_pct(tot.accuracy_flagged, tot.accuracy)} of the paragraphs with a major accuracy "
            f"error get a finding at major or worse; {_pct(tot.on_rated, tot.findings)} of the findings fall on a "
            "paragraph with a rated error.")


def run(systems: Sequence[str] | None = None, show: bool = False, echo=None) -> dict:  # noqa: ANN001
    docs = load()
    every = sorted({s for s, _ in docs})
    work = Path(tempfile.mkdtemp(prefix="tqbench-mqm-"))
    results = []
    for system in systems or every:
        t0 = time.perf_counter()
        res = run_system(system, docs, work, show)
        log(f"mqm {system}: {res.paragraphs} paragraphs, {res.findings} findings major+, {res.on_clean} on clean "
            f"paragraphs ({time.perf_counter() - t0:.0f}s)")
        if echo is not None and res.shown:
            echo("\n".join(res.shown) + "\n\n")
        results.append(res)
    return {"results": results, "markdown": markdown(results)}


def intro() -> str:
    return ("Data: `shared/data/wmt23-mqm-en-de` (Google's expert MQM ratings of the WMT23 English→German general "
            "task: 30 news documents, 104 paragraphs, 10 systems including the human reference `refA`, three "
            "raters per paragraph). Each system's documents are checked with the default settings; a paragraph "
            "is clean when all three raters found no error, and has a major accuracy error when a rater marked "
            "one (`Major`, `Accuracy/*`). A paragraph is about four sentences. Nobody labelled tqcheck's findings "
            "here: each finding at major or worse on a clean paragraph counts as a false alarm. Most rated "
            "accuracy errors are mistranslated words, which no rule of tqcheck looks for; the flagged share shows "
            "how much of what raters find a structural checker catches.")


def section(systems: Sequence[str] | None = None) -> str:
    """The ``mqm`` section text for bench/RESULTS.md."""
    return ("## Machine translation with expert MQM ratings (WMT23 en-de)\n\n" + intro() + "\n\n"
            + run(systems)["markdown"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.mqm", description=__doc__.split("\n\n")[0])
    ap.add_argument("--systems", default="", help="comma-separated systems (default all ten)")
    ap.add_argument("--show", action="store_true", help="print every finding at major or worse with its paragraph")
    args = ap.parse_args(argv)
    if not (_folder() / FILE).is_file():
        sys.stderr.write(f"no MQM data at {_folder()} (set TQCHECK_BENCH_DATA)\n")
        return 2
    systems = [s.strip() for s in args.systems.split(",") if s.strip()] or None

    def echo(text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    out = run(systems, args.show, echo)
    sys.stdout.write(out["markdown"] + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
