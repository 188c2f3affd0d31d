"""The pipeline: load -> segment -> embed -> align -> check -> score -> report."""
from __future__ import annotations

import functools
import gc
import logging
from typing import Callable

import numpy as np

from . import __version__
from .align import Alignment, AlignParams, Side, align
from .checks import DocContext, all_rules, check_options, run_rules, select
from .config import Config
from .embed import Embedder, get_embedder
from .errors import InputError
from .langid import document_language, ensure_distinct, segment_language, segment_languages
from .limits import check_file_size, check_sentence_count, split_long
from .load import read_text
from .model import Bead, Document, Report, Segment, Severity
from .quality import counts, mqm, word_count
from .resources import Resources, load_resources
from .segment import segment

log = logging.getLogger(__name__)
Progress = Callable[[str], None]


def load_document(path: str, cfg: Config, lang: str | None = None) -> Document:
    """Read, identify the language of, and segment one document (``lang``: the user's code, if any).

    The input limits apply here (:mod:`tqcheck.limits`): a file over ``cfg.max_file_size`` is refused unread,
    sentences over ``cfg.max_sentence_chars`` are cut into pieces, a document of more than
    ``cfg.max_sentences`` sentences is refused."""
    check_file_size(path, cfg.max_file_size)
    raw, enc = read_text(path, cfg.encoding)
    option = "--src-lang" if lang and lang == cfg.src_lang else "--tgt-lang" if lang and lang == cfg.tgt_lang \
        else "--src-lang/--tgt-lang"
    doc_lang = document_language(raw, lang, path, option)
    segs = split_long(segment(raw, doc_lang), raw, cfg.max_sentence_chars)
    check_sentence_count(path, len(segs), cfg.max_sentences)
    if not segs:
        raise InputError(f"{path}: no sentences found (no letters or digits)")
    return Document(path=path, raw=raw, lang=doc_lang, segments=tuple(segment_languages(segs, doc_lang)),
                    encoding=enc)


def _seg_lang(doc_lang: str) -> Callable[[str], str]:
    """Per-text language for ``segment(..., detect_lang=)``; short texts keep ``doc_lang``."""
    return functools.partial(segment_language, doc_lang=doc_lang)


def overlaps(segs: tuple[Segment, ...], max_k: int) -> dict[int, list[str]]:
    """Texts of ``k`` consecutive segments joined, for k = 1..max_k (vecalign's overlaps)."""
    texts = [s.text for s in segs]
    return {k: [" ".join(texts[i:i + k]) for i in range(len(texts) - k + 1)] for k in range(1, max_k + 1)}


def embed_overlaps(segs: tuple[Segment, ...], embedder: Embedder, max_k: int) -> dict[int, np.ndarray]:
    """Vectors of every overlap of 1..max_k segments (all of them; the aligner itself embeds lazily)."""
    ov = overlaps(segs, max_k)
    flat = [t for k in sorted(ov) for t in ov[k]]
    vecs = embedder.encode(flat) if flat else np.zeros((0, 1), dtype=np.float32)
    out, pos = {}, 0
    for k in sorted(ov):
        out[k] = vecs[pos:pos + len(ov[k])]
        pos += len(ov[k])
    return out


def align_side(segs: tuple[Segment, ...], embedder: Embedder, runs: bool = True) -> Side:
    """The aligner's view of a document: sentence vectors now, joined runs only when the aligner asks
    (``runs=False``: never; every run is then the length-weighted mean of its sentences' vectors)."""
    texts = [s.text for s in segs]
    vecs = embedder.encode(texts) if texts else np.zeros((0, 1), dtype=np.float32)

    def embed_runs(runs):  # noqa: ANN001, ANN202 - [(start, k)] -> vectors
        return embedder.encode([" ".join(texts[i:i + k]) for i, k in runs])

    return Side(vecs, [len(t) for t in texts], embed_runs=embed_runs if runs else None)


def align_documents(source: Document, target: Document, embedder: Embedder, cfg: Config, *,
                    params: AlignParams | None = None, refine: bool = True) -> Alignment:
    """Sentence alignment of two loaded documents: an :class:`~tqcheck.align.Alignment` (a list of beads
    with ``.margins``/``.sims()`` per bead and ``.stats``). Embeddings go through the on-disk cache
    unless ``cfg.cache`` is off. With ``refine`` (the default) sentences added or dropped inside beads
    are split off and one-place swaps undone (:mod:`tqcheck.refine`). A second check of the same two
    documents' sentences with the same model and settings reads the alignment from disk (tqcheck.textmemo)."""
    params = params or align_params(cfg, source, target)
    vectors = _vectors_id(embedder)
    if vectors is not None:
        from . import textmemo

        return textmemo.call("pipeline.align_documents", (
            tuple(s.text for s in source.segments), tuple(s.text for s in target.segments), repr(params), refine,
            vectors), lambda: _align(source, target, embedder, cfg, params, refine))
    return _align(source, target, embedder, cfg, params, refine)


def _vectors_id(embedder: Embedder) -> str | None:
    """What names the vectors ``embedder`` gives: the ``cache_id`` of the model under the memo and cache
    wrappers (engine, model file and version), or None (an embedder without one: not memoised)."""
    for _ in range(8):
        cid = getattr(embedder, "cache_id", None)
        if isinstance(cid, str) and cid:
            return cid
        embedder = vars(embedder).get("inner") if hasattr(embedder, "__dict__") else None
        if embedder is None:
            return None
    return None


def _align(source: Document, target: Document, embedder: Embedder, cfg: Config, params: AlignParams,
           refine: bool) -> Alignment:
    from .cache import cached
    from .refine import RefineParams
    from .refine import refine as refine_alignment

    emb = cached(embedder, cfg.cache, cfg.cache_dir)
    runs = params.exact != "none"
    src, tgt = align_side(source.segments, emb, runs), align_side(target.segments, emb, runs)
    aln = align(src, tgt, params)
    return refine_alignment(aln, src, tgt, RefineParams(max_size=params.max_size)) if refine else aln


def _run_rules(rules: list, ctx: DocContext, cfg: Config, own_resources: bool) -> list:
    """The rules' findings, kept on disk (tqcheck.textmemo) under everything they read: both documents (text,
    language, sentences), the beads with their scores and the displaced sentences, the rules and their options,
    and the vectors' model (``cache_id``); a second check of an unchanged pair reads its findings instead of
    running every rule again (on the warm 1,000 pair: the rules took about 2.5 of 3 CPU seconds). Not kept
    where they read more than that: the caller's own resources, a glossary file, an embedder without a
    ``cache_id``."""
    vectors = _vectors_id(ctx.embedder)
    if vectors is None or own_resources or cfg.glossary:
        return run_rules(rules, ctx)
    import hashlib

    from . import textmemo

    what = repr(([(d.raw, d.lang, d.segments) for d in (ctx.source, ctx.target)], tuple(ctx.beads),
                 sorted(ctx.sims.items()), sorted((ctx.displaced or {}).items()), [r.code for r in rules],
                 sorted((code, sorted(opts.items())) for code, opts in ctx.options.items()), vectors))
    key = hashlib.sha1(what.encode("utf-8", "surrogatepass")).hexdigest()
    return textmemo.call("pipeline.run_rules", (key,), lambda: run_rules(rules, ctx))


def align_params(cfg: Config, source: Document | None = None, target: Document | None = None) -> AlignParams:
    """The aligner's settings for a pair.

    ``cfg.align_mode``: ``"accurate"`` (the default) embeds the joined runs around every uncertain bead
    (``exact="auto"``); ``"balanced"`` only those of the many-sentence beads whose best path scores within
    ``AlignParams.gap`` of the best path (``exact="gap"``: on the seed pair 50 runs against 87, the same
    beads and findings; strict F1 on Text+Berg dev and MAC-Dev 0.832 / 0.797 against accurate's 0.842 / 0.820,
    so not the default: docs/pipeline.md); ``"fast"`` derives joined runs from their sentences' vectors (``approx="centred"``) and
    embeds only those of the many-sentence beads it chose (``exact="beads"``): about half the texts of a cold
    run on the seed pair and a 100-sentence talk, hardly fewer on a 1,000-sentence one (bench/RESULTS.md, speed),
    at a cost of up to 0.009 strict F1 on the alignment gold sets (docs/pipeline.md has the figures).

    In accurate and balanced mode a document holding a "sentence" that the sentence-length limit cut (a piece of
    at least 80% of ``cfg.max_sentence_chars``: a line without sentence punctuation, a table dump) is aligned with
    ``exact="path"``: its cuts are not sentence boundaries, so embedding every joined run around uncertain
    beads only multiplies the work (measured: 76 texts and 63 s for a 12 kB unpunctuated pair, against 29
    texts and 15 s), which the input limits must keep bounded."""
    if cfg.align_mode == "fast":
        return AlignParams(max_size=cfg.max_align, exact="beads", approx="centred")
    exact = "gap" if cfg.align_mode == "balanced" else "auto"
    long = 0.8 * cfg.max_sentence_chars if cfg.max_sentence_chars else None
    cut = long is not None and any(len(s.text) >= long for d in (source, target) if d is not None
                                   for s in d.segments)
    return AlignParams(max_size=cfg.max_align, exact="path" if cut else exact)


def signature(cfg: Config, embedder_name: str, rule_codes: list[str],
              params: AlignParams | None = None) -> dict:
    params = params or align_params(cfg)
    return {
        "name": "tqcheck",
        "version": __version__,
        "encoder": embedder_name,
        "aligner": params.signature(),
        "rules": ",".join(rule_codes),
        "signature": f"tqcheck:{__version__}|enc:{embedder_name}|{params.signature()}|rules:{len(rule_codes)}",
    }


@functools.lru_cache(maxsize=1)
def _freeze_at_exit() -> None:
    import atexit

    atexit.register(gc.freeze)


_CHECKS = [0]
_FULL_EVERY = 16  # checks between full collections of what earlier checks left


def _settle() -> None:
    """After a check, before the collector runs again: the objects still alive (the memoised tables, the report)
    are frozen (:func:`gc.freeze`), so the next collections do not walk them (after the 1,000 pair the first
    two walked them for 0.34 s while the report was rendered). A check leaves a few hundred objects in
    reference cycles (704 after the 1,000 pair); every ``_FULL_EVERY`` checks in one process, the frozen
    objects are unfrozen and collected, so a long batch does not keep them."""
    _CHECKS[0] += 1
    if _CHECKS[0] % _FULL_EVERY == 0:
        gc.unfreeze()
        gc.collect()
    gc.freeze()


def _gc_paused(func: Callable, cfg_at: int = 2) -> Callable:
    """Run ``func`` with Python's cyclic garbage collector paused (as it was on return). A check makes
    hundreds of thousands of small objects (tokens, spans, quantities) that live to its end, and the
    collector kept walking them: on a warm 1,000-sentence pair 414 collections, 0.74 of 7.0 s, three full
    ones 0.44 s. Objects are still freed by reference counting; cycles made during one check are collected
    later (see :func:`_settle`). Nothing read by the rules depends on when the collector runs.

    The first check also asks for :func:`gc.freeze` at exit (the last ``atexit`` call): the interpreter's final
    collection then skips the objects the process made (they are still freed by reference counting as the
    modules are torn down); after a check of the 1,000-sentence pair that collection cost 0.5-1 s, now 0.2 s."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        from . import textmemo

        _freeze_at_exit()
        cfg = kwargs.get("cfg", args[cfg_at] if len(args) > cfg_at else None)
        was = gc.isenabled()
        gc.disable()
        try:
            with textmemo.off(cfg is not None and not cfg.cache):  # --no-cache: nothing from disk (cold is cold)
                return func(*args, **kwargs)
        finally:
            textmemo.flush()  # what this check computed, for the next run (one transaction)
            if was:
                _settle()
                gc.enable()

    return wrapper


@_gc_paused
def check_documents(src_path: str, tgt_path: str, cfg: Config | None = None, *,
                    embedder: Embedder | None = None, resources: Resources | None = None) -> Report:
    """Check a translation (``tgt_path``) against its source (``src_path``).

    A bilingual file (XLIFF, TMX, PO, CSV/TSV) given as ``src_path`` with an empty ``tgt_path``, or a pair
    of SRT files, goes to :func:`check_bilingual`."""
    from .formats import is_bilingual, is_pair_format

    if (not tgt_path and is_bilingual(src_path)) or is_pair_format(src_path, tgt_path):
        return check_bilingual(src_path, cfg, tgt_path=tgt_path or None, embedder=embedder, resources=resources)
    cfg = (cfg or Config()).validate()
    source = load_document(src_path, cfg, cfg.src_lang)
    target = load_document(tgt_path, cfg, cfg.tgt_lang)
    ensure_distinct(source, target, cfg.src_lang, cfg.tgt_lang)
    return _with_reference(check_loaded(source, target, cfg, embedder=embedder, resources=resources), cfg,
                           embedder)


def _with_reference(report: Report, cfg: Config, embedder: Embedder | None) -> Report:
    """The score stage: BLEU/chrF++/TER against ``cfg.reference`` when one is given (see refscore)."""
    ref = getattr(cfg, "reference", None)
    if not ref:
        return report
    from .refscore import add_reference_scores

    return add_reference_scores(report, ref, cfg, embedder)


@functools.partial(_gc_paused, cfg_at=1)
def check_bilingual(path: str, cfg: Config | None = None, *, tgt_path: str | None = None,
                    embedder: Embedder | None = None, resources: Resources | None = None) -> Report:
    """Check a translation file (XLIFF, TMX, PO, CSV/TSV; or an SRT pair): one bead per unit, no aligner."""
    from .formats import read_bilingual

    cfg = (cfg or Config()).validate()
    for p in (path, tgt_path):
        if p:
            check_file_size(p, cfg.max_file_size)
    bi = read_bilingual(path, tgt_path, src_lang=cfg.src_lang, tgt_lang=cfg.tgt_lang, encoding=cfg.encoding)
    for doc in (bi.source, bi.target):
        check_sentence_count(doc.path, len(doc.segments), cfg.max_sentences)
    from .cache import cached, memoized

    # through the on-disk cache, as check_loaded's own requests: a unit seen before is not encoded again
    embedder = memoized(cached(embedder or get_embedder(cfg.model, cfg.device), cfg.cache, cfg.cache_dir))
    src_v = embedder.encode([s.text.strip() for s in bi.source.segments])
    tgt_v = embedder.encode([s.text.strip() for s in bi.target.segments])
    beads = []
    for s, t in bi.pairs:  # the bead's similarity is the cosine of its joined texts, as the aligner writes it
        sim = float(_mean_vec(src_v, s) @ _mean_vec(tgt_v, t)) if s and t else 0.0
        beads.append(Bead(s, t, round(sim, 6)))
    report = check_loaded(bi.source, bi.target, cfg, embedder=embedder, resources=resources, beads=beads)
    report.extra["format"] = bi.fmt
    return _with_reference(report, cfg, embedder)


def _mean_vec(vecs: np.ndarray, idx: tuple[int, ...]) -> np.ndarray:
    v = vecs[list(idx)].mean(axis=0)
    return v / (np.linalg.norm(v) or 1.0)


def check_loaded(source: Document, target: Document, cfg: Config, *, embedder: Embedder | None = None,
                 resources: Resources | None = None, beads: list[Bead] | None = None) -> Report:
    from .cache import cached, memoized

    embedder = embedder or get_embedder(cfg.model, cfg.device)
    # one memo for the whole check: the omission rules ask again for the vectors the aligner used
    emb = memoized(cached(embedder, cfg.cache, cfg.cache_dir))
    if beads is None:
        from .runon import resplit

        source, target = resplit(source, target)  # a side without full stops: cut its run-on sentences
        beads = align_documents(source, target, emb, cfg)
    rules = select(cfg.select, cfg.ignore)
    res = resources or load_resources(cfg.glossary)
    options = check_options(cfg.options, all_rules()) if cfg.options else {}
    ctx = DocContext(source, target, tuple(beads), res, options=options)
    if isinstance(beads, Alignment):  # the aligner's margin-normalised bead scores, for the adequacy rule
        ctx.sims = beads.sims()
        # target sentence -> the source sentence it matches better than its own (tqcheck.refine), for TQ5xx
        ctx.displaced = dict(beads.stats.get("refine", {}).get("displaced", {}))
    else:  # units paired by the file itself (XLIFF, TMX, PO, CSV, SRT): no order to question
        ctx.displaced = {}
    ctx.embedder = emb
    findings = _run_rules(rules, ctx, cfg, resources is not None)
    if cfg.severity:
        from dataclasses import replace

        findings = [replace(f, severity=Severity(cfg.severity[f.code])) if f.code in cfg.severity else f
                    for f in findings]
    findings.sort(key=lambda f: f.sort_key())
    src_words = sum(word_count(s.text) for s in source.segments)
    summary = {
        "source_words": src_words,
        "target_words": sum(word_count(s.text) for s in target.segments),
        "beads": {k: sum(1 for b in beads if b.kind == k) for k in sorted({b.kind for b in beads})},
        "findings": len(findings),
        **counts(findings),
        **mqm(findings, src_words),
    }
    summary["gate"] = {"fail_on": cfg.fail_on, "min_score": cfg.min_score}
    report = Report(source, target, tuple(beads), tuple(findings),
                    signature(cfg, embedder.name, [r.code for r in rules], align_params(cfg, source, target)),
                    summary)
    summary["gate"]["failed"] = report.fails(cfg.fail_on, cfg.min_score)
    return report
