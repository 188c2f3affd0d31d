"""Scale: many document pairs and a large unit file, local engine vs Ray on one node vs Ray on two nodes.

``python -m bench.scale [--pairs 40] [--units 1000] [--distinct 500] [--quick]``, or the ``scale`` section of
``python -m bench`` (the same defaults: the sizes measured in bench/RESULTS.md; the issue asks 500 pairs and
200,000 units: ``--pairs 500 --units 200000 --distinct 0``).

* Document pairs: IWSLT15 en-vi TED talks and WMT21 en-de news (read in place from shared/data), cut into
  documents of ``--segs`` segments, alternating between the two sources.
* Unit file: a JSONL of ``--units`` en-vi units from the IWSLT talks (cycled when more are asked than there are:
  repeats are cache hits, the table says how many texts were distinct), sharded at ``--shard`` units.
* Each configuration runs in a child process with an empty embedding cache (cold): pairs/s and texts embedded/s
  (distinct texts in the cache afterwards / seconds) once started; peak resident memory (VmHWM) of the driver
  and of the largest worker, sampled from /proc; Ray start-up time measured apart from the run.
* Two nodes: a head and a worker started with ``ray start`` on 127.0.0.2, one CPU each, stopped at the end.
* A projection to N machines from the measured per-worker rate, checked against the two-node run.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Iterator

from .common import ROOT, data_dir, iwslt_talks, log, table

CONFIGS = ("local", "ray-1node", "ray-2nodes")
SCALED = ("Sizes scaled down from the issue's 500 document pairs and 200,000 units to what 2 CPU cores shared "
          "with other work could run in the time this measurement had; the full size was not run "
          "(`python -m bench.scale --pairs 500 --units 200000 --distinct 0` runs it).")


# --- data -----------------------------------------------------------------------------------------------


def _wmt_en_de(segs: int) -> list[tuple[list[str], list[str]]]:
    d = data_dir() / "wmt21-newstest"
    src = (d / "en-de.src.en").read_text(encoding="utf-8").splitlines()
    ref = (d / "en-de.ref.de").read_text(encoding="utf-8").splitlines()
    return [(src[i:i + segs], ref[i:i + segs]) for i in range(0, min(len(src), len(ref)) - segs + 1, segs)]


def build_pairs(folder: Path, n: int, segs: int) -> Path:
    """``n`` document pairs written under ``folder`` and a manifest listing them."""
    iw = [(t.en[i:i + segs], t.vi[i:i + segs], "vi") for t in iwslt_talks()
          for i in range(0, len(t.en) - segs + 1, segs)]
    wm = [(s, r, "de") for s, r in _wmt_en_de(segs)]
    chunks = [c for pair in zip(iw, wm) for c in pair] + iw[len(wm):] + wm[len(iw):]
    if n > len(chunks):
        log(f"scale: only {len(chunks)} distinct documents of {segs} segments; using those")
    rows = ["source,target,source_lang,target_lang"]
    for k, (src, tgt, lang) in enumerate(chunks[:n]):
        for side, text, code in (("src", src, "en"), ("tgt", tgt, lang)):
            (folder / f"d{k:04d}.{side}.{code}.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
        rows.append(f"d{k:04d}.src.en.txt,d{k:04d}.tgt.{lang}.txt,en,{lang}")
    (folder / "pairs.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder / "pairs.csv"


def build_units(path: Path, n: int, distinct: int | None = None) -> tuple[Path, int]:
    """A JSONL of ``n`` en-vi units (the first ``distinct`` of the talks' units, cycled, as a translation
    memory repeats itself); returns the path and how many units are distinct."""
    units = [(e, v) for t in iwslt_talks() for e, v in zip(t.en, t.vi)][:distinct or None]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            e, v = units[i % len(units)]
            fh.write(json.dumps({"source": e, "target": v}, ensure_ascii=False) + "\n")
    return path, min(n, len(units))


# --- one configuration, in a child process -----------------------------------------------------------


def child(args: argparse.Namespace) -> None:
    """Run one configuration and print one JSON line of figures."""
    sys.path.insert(0, str(ROOT))
    from tqcheck.batch import read_manifest
    from tqcheck.config import Config
    from tqcheck.engines import check_all
    from tqcheck.engines.shards import plan
    from tqcheck.render.json_ import dumps

    cfg = Config(src_lang=None, shard_units=args.shard, run_dir=None)
    specs = read_manifest(args.input) if args.input.endswith(".csv") else plan([args.input], cfg)
    startup = 0.0
    opts: dict = {}
    if args.engine in ("ray", "ray-data"):
        from tqcheck.engines import ray_engine

        t0 = time.perf_counter()
        ray_engine.start(args.address, num_cpus=None if args.address else args.cpus)
        startup = time.perf_counter() - t0
    else:
        opts["jobs"] = args.cpus
    t0 = time.perf_counter()
    n = findings = 0
    if args.engine == "ray-data":
        reports = ray_data_reports(specs, cfg)
    else:
        reports = check_all(specs, cfg, engine=args.engine, address=args.address, **opts)
    with open(args.out, "w", encoding="utf-8") as fh:  # each report written and dropped: memory stays flat
        for report in reports:
            fh.write(dumps(report.to_dict()).replace("\n", " ") + "\n")
            n += 1
            findings += len(report.findings)
    wall = time.perf_counter() - t0
    if args.engine in ("ray", "ray-data"):
        import ray

        ray.shutdown()
    import sqlite3

    from tqcheck.cache import FILENAME, cache_dir

    db = sqlite3.connect(cache_dir() / FILENAME)
    texts = db.execute("SELECT COUNT(*) FROM vec").fetchone()[0]
    print(json.dumps({"pairs": n, "findings": findings, "wall_s": wall, "startup_s": startup, "texts": texts}))


# --- the Ray Data alternative (measured, not the engine) ---------------------------------------------


def _rd_segment(row: dict) -> dict:
    """Stage 1 (Ray Data ``map``, tasks): read and segment both documents of a pair."""
    import pickle

    from tqcheck.pipeline import ensure_distinct, load_document

    spec, cfg = pickle.loads(row["spec"]), pickle.loads(row["cfg"])
    cfg = cfg.merged(src_lang=spec.src_lang, tgt_lang=spec.tgt_lang).validate()
    src, tgt = load_document(spec.source, cfg, cfg.src_lang), load_document(spec.target, cfg, cfg.tgt_lang)
    ensure_distinct(src, tgt, cfg.src_lang, cfg.tgt_lang)
    return {"i": row["i"], "spec": row["spec"], "cfg": row["cfg"], "docs": pickle.dumps((src, tgt)),
            "texts": [s.text for d in (src, tgt) for s in d.segments]}


class _RdEncoder:
    """Stage 2 (Ray Data ``map_batches`` on an actor pool): the model loaded once per actor; the sentences of
    a batch of documents deduplicated and encoded in one call through the node's cache, which stage 3 reads."""

    def __init__(self) -> None:
        from tqcheck.cache import cached
        from tqcheck.embed import get_embedder

        self.emb = cached(get_embedder())

    def __call__(self, batch: dict) -> dict:
        texts = list(dict.fromkeys(t for ts in batch["texts"] for t in ts))
        if texts:
            self.emb.encode(texts)
        return {k: batch[k] for k in ("i", "spec", "cfg", "docs")}


def _rd_check(row: dict) -> dict:
    """Stage 3 (Ray Data ``map``, tasks): align and check the pair (sentence vectors are cache hits; joined
    runs the aligner asks for are encoded here), exactly as :func:`tqcheck.engines.check_one` does."""
    import pickle
    from dataclasses import replace

    from tqcheck.pipeline import check_loaded

    spec, cfg = pickle.loads(row["spec"]), pickle.loads(row["cfg"])
    cfg = cfg.merged(src_lang=spec.src_lang, tgt_lang=spec.tgt_lang).validate()
    src, tgt = pickle.loads(row["docs"])
    report = check_loaded(src, tgt, cfg)
    if spec.pairing is not None:
        report = replace(report, extra={**report.extra, "pairing": spec.pairing})
    return {"i": row["i"], "report": pickle.dumps(report)}


def ray_data_reports(specs: list, cfg) -> Iterator:  # noqa: ANN001
    """Reports, in input order, from a three-stage Ray Data pipeline: segment (tasks) -> embed (an actor pool,
    one model per actor, batches of documents) -> align and check (tasks). Document pairs without a reference
    only: the probe that decides whether the engine should be rewritten on Ray Data (docs/distributed.md)."""
    import pickle

    import ray

    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # reports in input order, as the engines give them
    ctx.enable_progress_bars = False
    cpus = int(ray.cluster_resources().get("CPU", 1))
    cfg_b = pickle.dumps(cfg)
    ds = ray.data.from_items([{"i": i, "spec": pickle.dumps(s), "cfg": cfg_b} for i, s in enumerate(specs)],
                             override_num_blocks=max(1, len(specs)))
    ds = ds.map(_rd_segment, num_cpus=1)
    ds = ds.map_batches(_RdEncoder, batch_size=RD_BATCH, concurrency=(1, cpus), num_cpus=1)
    ds = ds.map(_rd_check, num_cpus=1)
    for row in ds.iter_rows():
        yield pickle.loads(row["report"])


RD_BATCH = 4  # documents per embedding batch


# --- the parent: start, sample memory, collect ------------------------------------------------------


def _descendants(roots: list[int]) -> list[int]:
    children: dict[int, list[int]] = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                ppid = int(Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(p))
    out, todo = list(roots), list(roots)
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


TICK = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of ``pid`` so far (None when it is gone)."""
    try:
        f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(f[11]) + int(f[12])) / TICK


class MemorySampler(threading.Thread):
    """Peak resident memory (VmHWM, MiB) and CPU seconds of every process under ``roots``, by process kind.

    CPU seconds count from the sampler's start (processes already running then, the nodes of a cluster
    started beforehand, count only what they use after it); a process is sampled every half second, so up
    to half a second of a short-lived one can be missed. Unlike wall time, CPU seconds do not grow when other
    work shares the cores (apart from cache and frequency effects), so they compare engines on a busy machine."""

    def __init__(self, roots: list[int]) -> None:
        super().__init__(daemon=True)
        self.roots, self.stop, self.peak = roots, threading.Event(), {}
        self.cpu: dict[tuple[str, int], float] = {}
        self.kinds: dict[int, str] = {}
        self.base = {pid: _cpu_s(pid) or 0.0 for pid in _descendants(roots[1:])} if roots[1:] else {}

    def run(self) -> None:
        while not self.stop.is_set():
            for pid in _descendants(self.roots):
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                    title = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                except OSError:
                    continue
                hwm = next((int(x.split()[1]) for x in status.splitlines() if x.startswith("VmHWM")), 0) / 1024
                ray_worker = title.startswith("ray::") and "Agent" not in title  # a task or actor process
                kind = "driver" if pid == self.roots[0] else "worker" if ray_worker or "spawn_main" in title \
                    else "other"
                if title.strip():  # an exiting process has no command line: keep the kind it had
                    self.kinds[pid] = kind
                kind = self.kinds.get(pid, kind)
                self.peak[(kind, pid)] = max(self.peak.get((kind, pid), 0.0), hwm)
                cpu = _cpu_s(pid)
                if cpu is not None:
                    self.cpu[(kind, pid)] = max(self.cpu.get((kind, pid), 0.0), cpu - self.base.get(pid, 0.0))
            time.sleep(0.5)

    def summary(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for (kind, _), mib in self.peak.items():
            out[f"{kind}_max"] = max(out.get(f"{kind}_max", 0.0), mib)
            out[f"{kind}_sum"] = out.get(f"{kind}_sum", 0.0) + mib
        for (kind, _), sec in self.cpu.items():
            out[f"{kind}_cpu"] = out.get(f"{kind}_cpu", 0.0) + sec
        return out


class LoopbackCluster:
    """A head and a worker node (``ray start --block``) on 127.0.0.2, one CPU each; ``stop()`` ends both."""

    def __init__(self) -> None:
        self.procs: list[subprocess.Popen] = []
        with socket.socket() as s:
            s.bind(("127.0.0.2", 0))
            self.port = s.getsockname()[1]
        self.address = f"127.0.0.2:{self.port}"
        self.env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "token",
                    "RAY_AUTH_TOKEN": secrets.token_hex(32)}

    def start(self, timeout: float = 300) -> float:
        ray_bin = str(Path(sys.executable).parent / "ray")
        common = ["--num-cpus=1", "--node-ip-address=127.0.0.2", "--disable-usage-stats", "--block",
                  "--object-store-memory=200000000"]
        t0 = time.perf_counter()
        self.temp = temp = f"/tmp/tqr{secrets.token_hex(3)}"
        self.procs.append(subprocess.Popen([ray_bin, "start", "--head", f"--port={self.port}",
                                            "--include-dashboard=false", f"--temp-dir={temp}", *common],
                                           env=self.env, start_new_session=True, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL))
        while subprocess.run([ray_bin, "status", f"--address={self.address}"], env=self.env,
                             capture_output=True).returncode != 0:
            if time.perf_counter() - t0 > timeout or self.procs[0].poll() is not None:
                raise RuntimeError("the Ray head did not start")
            time.sleep(1)
        self.procs.append(subprocess.Popen([ray_bin, "start", f"--address={self.address}", *common], env=self.env,
                                           start_new_session=True, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL))
        while self._active_nodes(ray_bin) < 2:
            if time.perf_counter() - t0 > timeout:
                raise RuntimeError("the Ray worker node did not join")
            time.sleep(1)
        return time.perf_counter() - t0

    def _active_nodes(self, ray_bin: str) -> int:
        out = subprocess.run([ray_bin, "status", f"--address={self.address}"], env=self.env, capture_output=True,
                             text=True).stdout
        return out.split("Active:", 1)[-1].split("Pending:", 1)[0].count("node_")

    def stop(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(45)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait(10)
        if getattr(self, "temp", None):
            import shutil

            shutil.rmtree(self.temp, ignore_errors=True)


def measure(config: str, inp: Path, workdir: Path, shard: int) -> dict:
    cache = Path(tempfile.mkdtemp(prefix="cache-", dir=workdir))
    env = {**os.environ, "TQCHECK_CACHE_DIR": str(cache), "RAY_USAGE_STATS_ENABLED": "0",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    cluster = None
    cmd = [sys.executable, "-m", "bench.scale", "--child", "--input", str(inp), "--shard", str(shard),
           "--out", str(workdir / f"{config}-{inp.stem}.jsonl"), "--cpus", "2"]
    cluster_s = 0.0
    if config == "local":
        cmd += ["--engine", "local"]
    elif config == "ray-1node":
        cmd += ["--engine", "ray"]
    elif config == "ray-data":  # the Ray Data pipeline measured against the engine, on a local runtime
        cmd += ["--engine", "ray-data"]
    else:
        cluster = LoopbackCluster()
        cluster.env["TQCHECK_CACHE_DIR"] = str(cache)
        cluster.env["PYTHONPATH"] = env["PYTHONPATH"]
        cluster_s = cluster.start()
        env.update({k: cluster.env[k] for k in ("RAY_AUTH_MODE", "RAY_AUTH_TOKEN")})
        cmd += ["--engine", "ray", "--address", cluster.address]
    try:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        sampler = MemorySampler([proc.pid] + [p.pid for p in (cluster.procs if cluster else [])])
        sampler.start()
        out, err = proc.communicate()
        sampler.stop.set()
        sampler.join()
    finally:
        if cluster:
            cluster.stop()
    if proc.returncode != 0:
        raise RuntimeError(f"{config}: {err.strip().splitlines()[-1] if err.strip() else proc.returncode}")
    res = json.loads(out.strip().splitlines()[-1])
    res.update(sampler.summary())
    res["startup_s"] += cluster_s
    res["config"] = config
    res["load"] = os.getloadavg()[1]  # 5-minute load average at the end: other work sharing the cores
    return res


def _same_output(workdir: Path, stem: str) -> bool:
    files = [workdir / f"{c}-{stem}.jsonl" for c in CONFIGS + ("ray-data",)]
    # each run has its own empty cache folder, and shards of a unit file are written under it: the shard
    # paths in the reports differ by that folder's name and nothing else may
    found = [re.sub(rb"cache-[^/]+/shards/", b"cache/shards/", f.read_bytes()) for f in files if f.exists()]
    return len(found) > 1 and all(f == found[0] for f in found)


def run(quick: bool = False, pairs: int | None = None, units: int | None = None, segs: int = 12,
        shard: int | None = None, configs: tuple[str, ...] = CONFIGS + ("ray-data",), distinct: int | None = None,
        inputs: tuple[str, ...] = ("pairs", "units")) -> dict:
    pairs = pairs or (12 if quick else 40)  # scaled down from 500 pairs / 200,000 units: see SCALED
    units = units or (200 if quick else 1000)
    distinct = (100 if quick else 500) if distinct is None else distinct  # 0: every unit of the talks
    shard = shard or (100 if quick else 250)
    scaled = pairs < 500 or units < 200_000
    workdir = Path(tempfile.mkdtemp(prefix="tqcheck-scale-"))
    log(f"scale: folder {workdir}")
    docs = workdir / "docs"
    docs.mkdir()
    manifest = build_pairs(docs, pairs, segs)
    n_pairs = len(manifest.read_text().splitlines()) - 1
    unit_file, distinct = build_units(workdir / "units.jsonl", units, distinct)
    todo = [(w, i) for w, i, k in (("document pairs", manifest, "pairs"), ("unit shards", unit_file, "units"))
            if k in inputs]
    results = {}
    for what, inp in todo:
        for config in configs:
            if config == "ray-data" and what != "document pairs":
                continue  # the probe reads document pairs only
            log(f"scale: {what}, {config}")
            try:
                r = measure(config, inp, workdir, shard)
            except RuntimeError as exc:
                if config != "ray-data":
                    raise
                log(f"scale: {what}, ray-data skipped ({exc}; it needs pip install 'tqcheck[raydata]')")
                continue
            log(f"scale: {what}, {config}: {json.dumps(r)}")
            results[(what, config)] = r
    same = {what: _same_output(workdir, inp.stem) for what, inp in todo}
    meta = {"pairs": n_pairs, "segs": segs, "units": units, "distinct": distinct, "shard": shard}
    return {"markdown": render(results, meta, same, scaled),
            "results": {f"{k[0]}|{k[1]}": v for k, v in results.items()}}


def render(results: dict, meta: dict, same: dict, scaled: bool) -> str:
    """The scale section's Markdown from the figures of each (input, configuration)."""
    rows = []
    for (what, config), r in results.items():
        cpu = _cpu(r)
        rows.append([what, config, r["pairs"], f"{r['wall_s']:.1f}", f"{r['pairs'] / r['wall_s']:.3f}",
                     f"{r['texts'] / r['wall_s']:.1f}", f"{r['startup_s']:.1f}",
                     f"{r.get('worker_cpu', 0):.0f}", f"{cpu:.0f}", f"{cpu / max(r['pairs'], 1):.1f}",
                     f"{r.get('driver_max', 0):.0f}", f"{r.get('worker_max', 0):.0f}",
                     f"{r.get('other_sum', 0):.0f}", f"{r['load']:.1f}"])
    md = [f"{meta['pairs']} document pairs of {meta['segs']} segments (IWSLT en-vi talks and WMT21 en-de news, "
          f"alternating) and a JSONL of {meta['units']:,} en-vi units ({meta['distinct']:,} distinct, cycled; shards "
          f"of {meta['shard']}); 2 CPUs in every "
          "configuration (local: 2 processes; Ray one node: a local runtime with 2 CPUs; Ray two nodes: head and "
          "worker on 127.0.0.2 with 1 CPU each; Ray Data: the three-stage pipeline of docs/distributed.md on a "
          "local runtime with 2 CPUs); every run starts with an empty embedding cache."
          + (" " + SCALED if scaled else ""), "",
          table(["input", "engine", "pairs", "seconds", "pairs/s", "texts embedded/s", "start-up s",
                 "worker CPU s", "all CPU s", "CPU s per pair", "driver peak MiB", "largest worker peak MiB",
                 "other processes MiB (Ray system; pool tracker)", "load avg"], rows),
          "", "Seconds, pairs/s and texts embedded/s are measured once the engine has started (Ray's start-up "
          "apart, in its own column). CPU s: user + system seconds of every process of the run after the start "
          "(worker: the pool's or Ray's task and actor processes; all: with the driver and Ray's own "
          "processes), sampled from /proc every half second.", "",
          f"Load average: the machine's 5-minute load at the end of each run, on {os.cpu_count()} cores; "
          "above the core count other work shared the CPUs, every wall-clock figure is slower than on an idle "
          "machine and differences between rows are within that noise; CPU seconds are much less affected.",
          ""]
    for what, ok in same.items():
        md.append(f"- {what}: JSON of every configuration byte-identical: {ok}")
    md += _projection(results)
    md += ["", "GPU rows: not run (no GPU machine was lent to this task)."]
    return "\n".join(md)


def _cpu(r: dict) -> float:
    return r.get("worker_cpu", 0) + r.get("driver_cpu", 0) + r.get("other_cpu", 0)


def _projection(results: dict) -> list[str]:
    out = ["", "Projection (document pairs): per-worker rate = Ray one-node pairs/s / 2 CPUs; N machines of C "
           "cores give about N x C x that rate while the driver and the shared cache keep up."]
    one = results.get(("document pairs", "ray-1node"))
    two = results.get(("document pairs", "ray-2nodes"))
    loc = results.get(("document pairs", "local"))
    if one:
        per = one["pairs"] / one["wall_s"] / 2
        out.append(f"- per-worker rate at this load: {per:.3f} pairs/s; 8 machines x 16 cores: ~{per * 128:.0f} "
                   f"pairs/s; 32 x 16: ~{per * 512:.0f} pairs/s")
        if one.get("worker_cpu"):
            idle = one["pairs"] / one["worker_cpu"]
            out.append(f"- per-worker rate on an idle core (pairs per worker CPU second): {idle:.3f} pairs/s; "
                       f"8 x 16 cores: ~{idle * 128:.0f} pairs/s")
        if two:
            got = two["pairs"] / two["wall_s"]
            out.append(f"- check: two nodes x 1 CPU predicted {2 * per:.3f} pairs/s, measured {got:.3f} "
                       f"({100 * (got / (2 * per) - 1):+.0f}%); CPU s per pair one node {_cpu(one) / one['pairs']:.1f}, "
                       f"two nodes {_cpu(two) / two['pairs']:.1f}")
    for what in ("document pairs", "unit shards"):
        loc = results.get((what, "local"))
        for config in ("ray-1node", "ray-2nodes", "ray-data"):
            r = results.get((what, config))
            if loc and r:
                wall = 100 * (r["pairs"] / r["wall_s"] / (loc["pairs"] / loc["wall_s"]) - 1)
                cpu = 100 * (_cpu(r) / _cpu(loc) - 1) if _cpu(loc) else float("nan")
                out.append(f"- {what}, {config} vs local once started: throughput {wall:+.0f}%, CPU seconds "
                           f"(all processes) {cpu:+.0f}%")
    return out


_LOGGED = re.compile(r"scale: (document pairs|unit shards), ([\w-]+): (\{.*\})$")


def from_logs(args: argparse.Namespace) -> dict:
    """The section from the log lines of earlier runs (``scale: INPUT, CONFIG: {figures}``); byte identity
    from the output files left in each run's folder (``scale: folder ...``)."""
    results: dict = {}
    folders: list[Path] = []
    for name in args.from_logs:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            if m := _LOGGED.search(line):
                results[(m.group(1), m.group(2))] = json.loads(m.group(3))
            elif "scale: folder " in line:
                folders.append(Path(line.split("scale: folder ", 1)[1].strip()))
    same = {}
    for what, stem in (("document pairs", "pairs"), ("unit shards", "units")):
        for f in folders:
            if any(f.glob(f"*-{stem}.jsonl")):
                same[what] = _same_output(f, stem)
    units = args.units or 1000
    meta = {"pairs": args.pairs or 0, "segs": args.segs, "units": units, "distinct": args.distinct or units,
            "shard": args.shard or 250}
    return {"markdown": render(results, meta, same, True), "results": {}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="12 pairs and 200 units (100 distinct, shards of 100)")
    ap.add_argument("--pairs", type=int, help="document pairs (default 40; the issue asks 500)")
    ap.add_argument("--units", type=int, help="units in the JSONL (default 1,000; the issue asks 200,000)")
    ap.add_argument("--segs", type=int, default=12, help="segments per document (default 12)")
    ap.add_argument("--shard", type=int, help="units per shard (default 250)")
    ap.add_argument("--configs", default=",".join(CONFIGS + ("ray-data",)),
                    help="comma-separated, default all: " + ", ".join(CONFIGS)
                    + ", ray-data (the Ray Data pipeline, document pairs only)")
    ap.add_argument("--distinct", type=int,
                    help="distinct units, cycled (default 500; 0: every unit of the talks, 5,098)")
    ap.add_argument("--inputs", default="pairs,units", help="comma-separated: pairs, units (default both)")
    ap.add_argument("--results", metavar="FILE", help="also write the scale section of this RESULTS.md")
    ap.add_argument("--from-logs", nargs="+", metavar="LOG",
                    help="render the section from the stderr logs of earlier runs (sizes from the options above)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--engine", help=argparse.SUPPRESS)
    ap.add_argument("--address", help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--cpus", type=int, default=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args)
        return 0
    t0 = time.perf_counter()
    if args.from_logs:
        res = from_logs(args)
    else:
        res = run(quick=args.quick, pairs=args.pairs, units=args.units, segs=args.segs, shard=args.shard,
                  configs=tuple(c for c in args.configs.split(",") if c), distinct=args.distinct,
                  inputs=tuple(c for c in args.inputs.split(",") if c))
    sys.stdout.write(res["markdown"] + "\n")
    if args.results:  # the same block `python -m bench --only scale` writes, with this command in its header
        from .run import machine, merge_results

        head = machine([])
        head[-1] = "- command: `python -m bench.scale " + " ".join(a for a in (argv or sys.argv[1:])) + "`"
        body = "\n".join([f"Section `scale`{' (`--quick`)' if args.quick else ''}:", "", *head, "",
                          "## Scale: local engine vs Ray (one node, two nodes)", "", res["markdown"], "",
                          f"Section time: {time.perf_counter() - t0:.0f} s.", ""])
        out = Path(args.results)
        out.write_text(merge_results(out.read_text(encoding="utf-8") if out.exists() else "", {"scale": body}),
                       encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
