"""Reference-based scores with sacrebleu: BLEU, chrF++ and TER, and paired significance tests.

Everything goes through sacrebleu's metric objects (``corpus_score``, ``sentence_score``, ``get_signature``),
never its command line, so every :class:`~tqcheck.model.Score` carries the metric's own signature string.

* Document level: ``corpus_score`` over the hypothesis/reference sentence pairs.
* Sentence level: ``sentence_score`` for each pair (BLEU with effective order, as ``sacrebleu
  --sentence-level`` does), stored with ``level="sentence:<n>"`` where ``n`` is the hypothesis segment index.
* Pairing: a reference with as many non-empty lines as the translation has segments (or, for a plain
  text translation, as many as its non-empty lines) is line-parallel; otherwise the reference is segmented
  and aligned to the translation with tqcheck's own aligner, and each bead's joined texts form one pair.
* Systems: :func:`compare_systems` runs sacrebleu's paired bootstrap resampling or approximate
  randomization (``sacrebleu.significance.PairedTest``), the first system being the baseline.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Sequence

from .errors import InputError
from .model import Document, Report, Score

METRIC_NAMES = ("BLEU", "chrF2++", "TER")  # sacrebleu's own names (chrF2++ is chrF++, beta 2)


def tokenizer_for(lang: str | None) -> str:
    """sacrebleu's tokenizer for a target language (MeCab-free: ``char`` for Japanese/Korean/Thai)."""
    return {"zh": "zh", "ja": "char", "ko": "char", "th": "char", "lo": "char", "km": "char", "my": "char"}.get(
        (lang or "").split("-")[0].lower(), "13a")


def metrics(lang: str | None = None, *, sentence: bool = False, references: Any = None) -> dict[str, Any]:
    """sacrebleu metric objects: BLEU, chrF++ (``CHRF(word_order=2)``) and TER."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    tok = tokenizer_for(lang)
    return {
        "BLEU": BLEU(tokenize=tok, effective_order=sentence, references=references),
        "chrF++": CHRF(word_order=2, references=references),
        "TER": TER(asian_support=tok != "13a", references=references),
    }


def corpus_scores(hyps: Sequence[str], refs: Sequence[str], lang: str | None = None) -> list[Score]:
    """Document-level BLEU, chrF++ and TER of line-parallel hypotheses and references."""
    _check_pairs(hyps, refs)
    out = []
    for m in metrics(lang).values():
        s = m.corpus_score(list(hyps), [list(refs)])
        out.append(Score(s.name, round(float(s.score), 4), str(m.get_signature()), "document"))
    return out


def sentence_scores(hyps: Sequence[str], refs: Sequence[str], lang: str | None = None,
                    labels: Sequence[int] | None = None) -> list[Score]:
    """Sentence-level scores, one per pair and metric, ``level="sentence:<label>"``."""
    _check_pairs(hyps, refs)
    labels = list(labels) if labels is not None else list(range(len(hyps)))
    out = []
    for m in metrics(lang, sentence=True).values():
        res = [m.sentence_score(h, [r]) for h, r in zip(hyps, refs)]
        sig = str(m.get_signature())  # known only once the metric has seen its references
        out.extend(Score(r.name, round(float(r.score), 4), sig, f"sentence:{lab}") for lab, r in zip(labels, res))
    return out


def _check_pairs(hyps: Sequence[str], refs: Sequence[str]) -> None:
    if len(hyps) != len(refs):
        raise InputError(f"{len(hyps)} hypotheses but {len(refs)} references")
    if not hyps:
        raise InputError("nothing to score")


def read_lines(path: str, encoding: str | None = None) -> list[str]:
    """Non-empty lines of a text file, whitespace-normalised (sacrebleu reads one segment per line)."""
    from .load import read_text

    raw, _ = read_text(path, encoding)
    return [" ".join(ln.split()) for ln in raw.splitlines() if ln.strip()]


def _seg_text(s: Any) -> str:
    return " ".join(s.text.split())


def reference_pairs(target: Document, ref_path: str, cfg: Any, embedder: Any = None,
                    ) -> tuple[list[str], list[str], list[int]]:
    """``(hyps, refs, labels)``: the translation's sentences paired with the reference's."""
    from .formats import is_bilingual, read_bilingual
    from .placeholders import mask_plain

    segs = target.segments
    if is_bilingual(ref_path):  # a reference translation in the same kind of file: match units by id
        ref = read_bilingual(ref_path, src_lang=cfg.src_lang, tgt_lang=target.lang, encoding=cfg.encoding).target
        by_id = {s.unit_id: _seg_text(s) for s in ref.segments}
        matched = [s for s in segs if s.unit_id in by_id]
        if not matched:
            raise InputError(f"{ref_path}: no unit ids in common with {target.path}")
        return [_seg_text(s) for s in matched], [by_id[s.unit_id] for s in matched], [s.index for s in matched]
    lines = [" ".join(mask_plain(ln).split()) for ln in read_lines(ref_path, cfg.encoding)]
    if len(lines) == len(segs):
        return [_seg_text(s) for s in segs], lines, [s.index for s in segs]
    hyp_lines = [ln for ln in target.raw.splitlines() if ln.strip()]
    if len(lines) == len(hyp_lines) and not any(s.unit_id for s in segs):
        return [" ".join(ln.split()) for ln in hyp_lines], lines, list(range(len(lines)))
    return _aligned_pairs(target, ref_path, cfg, embedder)


def _aligned_pairs(target: Document, ref_path: str, cfg: Any, embedder: Any) -> tuple[list[str], list[str], list[int]]:
    """Align the reference's sentences to the translation's with tqcheck's aligner."""
    from .embed import get_embedder
    from .pipeline import align_documents, load_document

    ref = load_document(ref_path, cfg, target.lang)
    embedder = embedder or get_embedder(cfg.model, cfg.device)
    hyps, refs, labels = [], [], []
    for b in align_documents(target, ref, embedder, cfg):
        hyps.append(" ".join(_seg_text(target.segments[i]) for i in b.src))  # aligned as (translation, ref)
        refs.append(" ".join(_seg_text(ref.segments[j]) for j in b.tgt))
        labels.append(b.src[0] if b.src else -1)
    return hyps, refs, labels


def add_reference_scores(report: Report, ref_path: str, cfg: Any, embedder: Any = None, *,
                         sentence_level: bool = True) -> Report:
    """A copy of ``report`` whose ``scores`` hold document (and sentence) level BLEU, chrF++ and TER."""
    hyps, refs, labels = reference_pairs(report.target, ref_path, cfg, embedder)
    scores = corpus_scores(hyps, refs, report.target.lang)
    if sentence_level:
        scores += sentence_scores(hyps, refs, report.target.lang, labels)
    return dataclasses.replace(report, scores=tuple(report.scores) + tuple(scores))


def compare_systems(hyp_paths: Sequence[str], ref_path: str, *, test: str = "bs", n_samples: int = 0,
                    lang: str | None = None, encoding: str | None = None) -> dict[str, Any]:
    """Score several systems' outputs (line-parallel to the reference) and test them against the first.

    ``test`` is ``bs`` (paired bootstrap resampling, 1,000 resamples by default) or ``ar`` (approximate
    randomization, 10,000 trials), exactly as ``sacrebleu REF -i SYS... --paired-bs|--paired-ar`` does;
    the seed is sacrebleu's (``SACREBLEU_SEED``, default 12345). Returns a JSON-ready dict.
    """
    if test not in ("bs", "ar"):
        raise InputError(f"unknown paired test {test!r}: use bs (bootstrap) or ar (approximate randomization)")
    refs = read_lines(ref_path, encoding)
    systems = []
    for p in hyp_paths:
        hyps = read_lines(p, encoding)
        if len(hyps) != len(refs):
            raise InputError(f"{p}: {len(hyps)} lines but the reference {ref_path} has {len(refs)}; "
                             "system outputs must be line-parallel to the reference")
        systems.append((p, hyps))
    if len(systems) == 1:
        scores = corpus_scores(systems[0][1], refs, lang)
        return {"reference": ref_path, "test": None, "baseline": systems[0][0],
                "signatures": {s.metric: s.signature for s in scores},
                "systems": [{"system": systems[0][0], **{s.metric: {"score": s.value} for s in scores}}]}
    from sacrebleu.significance import PairedTest

    ms = metrics(lang, references=[refs])
    ps = PairedTest(systems, ms, references=None, test_type=test, n_samples=n_samples)
    sigs, table = ps()
    rows = []
    for i, name in enumerate(table["System"]):
        row: dict[str, Any] = {"system": name, "baseline": i == 0}
        for metric, results in table.items():
            if metric == "System":
                continue
            r = results[i]
            row[metric] = {"score": round(float(r.score), 4),
                           "p_value": None if r.p_value is None else round(float(r.p_value), 4),
                           "mean": None if r.mean is None else round(float(r.mean), 4),
                           "ci": None if r.ci is None else round(float(r.ci), 4)}
        rows.append(row)
    return {"reference": ref_path, "test": {"bs": "paired bootstrap resampling",
                                           "ar": "paired approximate randomization"}[test],
            "n_samples": ps.n_samples, "baseline": systems[0][0],
            "signatures": {k: str(v.format()) for k, v in sigs.items()}, "systems": rows}


def format_table(result: dict[str, Any], width: int = 110) -> str:
    """The systems table as sacrebleu prints it: score, bootstrap mean ± 95% CI, p-value against the baseline."""
    import io

    from rich.console import Console
    from rich.table import Table

    names = list(result["signatures"])
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("system")
    for n in names:
        table.add_column(n + (" (μ ± 95% CI)" if result.get("test") == "paired bootstrap resampling" else ""),
                         justify="right")
    for row in result["systems"]:
        cells = []
        for n in names:
            r = row[n]
            cell = f"{r['score']:.1f}"
            if r.get("mean") is not None:
                cell += f" ({r['mean']:.1f} ± {r['ci']:.1f})"
            if r.get("p_value") is not None:
                cell += f" p={r['p_value']:.4f}" + ("*" if r["p_value"] < 0.05 else "")
            cells.append(cell)
        table.add_row(("baseline: " if row.get("baseline") else "") + row["system"], *cells)
    buf = io.StringIO()
    con = Console(file=buf, width=width, no_color=True, highlight=False)
    con.print(table)
    if result.get("test"):
        con.print(f"{result['test']}, {result['n_samples']} samples; * = differs from the baseline at p < 0.05 "
                  "(significance says the difference is replicable, not which system is better)")
    for n, sig in result["signatures"].items():
        con.print(f"{n}: {sig}")
    return buf.getvalue()
