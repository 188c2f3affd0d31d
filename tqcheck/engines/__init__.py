"""Engines that check many pairs: ``local`` (a process pool on this machine, the default) and ``ray``
(a Ray runtime started here, or a running Ray cluster; the optional extra ``tqcheck[ray]``).

:func:`check_all` is the one entry point. It yields one :class:`~tqcheck.model.Report` per pair, in the
order of the pairs given, as soon as that pair and every pair before it are done, so a caller can write
each report and drop it. With a run folder (``run_dir``) every finished pair is recorded there and a
rerun of the same command skips the pairs already done (see :mod:`tqcheck.engines.rundir`).

Both engines give the same reports for the same inputs and settings: the pair is checked by the same
function (:func:`check_one`), and the bundled encoder's vectors do not depend on which texts share a batch
(``tests/test_engines.py`` checks both). Ray is imported only by :mod:`tqcheck.engines.ray_engine`.
"""
from __future__ import annotations

import os
import time
from dataclasses import replace
from typing import Callable, Iterator, Sequence

from ..config import ENGINES, Config
from ..errors import ConfigError
from ..model import Report

# (pairs done, pairs in all, label: the pair's file name, pairs/s, texts embedded/s and ETA): the CLI draws it
Progress = Callable[[int, int, str], None]


def check_one(spec, cfg: Config, embedder=None) -> Report:  # noqa: ANN001 - a batch.PairSpec, an Embedder
    """Check one pair exactly as every engine does (languages and pairing evidence from the spec)."""
    from ..pipeline import check_documents

    cfg = cfg.merged(src_lang=spec.src_lang, tgt_lang=spec.tgt_lang)
    if getattr(spec, "shard", None) is not None:
        # a shard is a file tqcheck wrote, of at most shard-units units: the size limits were applied to each
        # unit when it was written (tqcheck.engines.shards), not to the shard, which would refuse any shard
        # of ordinary units past a few kilobytes
        cfg = replace(cfg, max_file_size=0, max_sentences=0)
    report = check_documents(spec.source, spec.target, cfg, embedder=embedder)  # target "" for a bilingual file
    if spec.pairing is not None:
        report = replace(report, extra={**report.extra, "pairing": spec.pairing})
    if getattr(spec, "shard", None) is not None:
        report = replace(report, extra={**report.extra, "shard": spec.shard})
    return report


class _Counted:
    """An embedder that counts the texts it is asked to encode (placed under the on-disk cache, it counts
    the texts the model really embeds: cache hits never reach it)."""

    def __init__(self, inner) -> None:  # noqa: ANN001 - any Embedder
        self.inner, self.texts = inner, 0

    def __getattr__(self, attr: str):  # noqa: ANN204 - name, cache_id, dim... of the wrapped embedder
        return getattr(self.inner, attr)

    def encode(self, texts):  # noqa: ANN001, ANN201
        self.texts += len(texts)
        return self.inner.encode(texts)


def check_counted(spec, cfg: Config, embedder=None) -> tuple[Report, int]:  # noqa: ANN001
    """:func:`check_one`, and how many texts the encoder embedded for it (for the progress bar's rate)."""
    from ..cache import cached
    from ..embed import get_embedder

    counted = _Counted(embedder or get_embedder(cfg.model, cfg.device))
    report = check_one(spec, cfg, embedder=cached(counted, cfg.cache, cfg.cache_dir))
    return report, counted.texts


def _label(spec, fresh_done: int, texts: int, fresh_total: int, seconds: float) -> str:  # noqa: ANN001
    """``name · pairs per s · texts embedded per s · ETA`` for the progress bar (rates over the pairs checked
    in this run; texts embedded: cache misses, which is what a cold cache costs)."""
    name = os.path.basename(spec.target or spec.source)
    if not fresh_done or seconds <= 0:
        return name
    rate = fresh_done / seconds
    eta = int((fresh_total - fresh_done) / rate)
    # no "/" in the label: the CLI shows Path(label).name
    return f"{name} · {rate:.2f} pairs per s · {texts / seconds:.0f} texts embedded per s · ETA {eta // 60}m{eta % 60:02d}s"


def check_all(specs: Sequence, cfg: Config, *, engine: str | None = None, address: str | None = None,
              run_dir: str | None = None, progress: Progress | None = None, **engine_options) -> Iterator[Report]:
    """Check every pair of ``specs`` with ``engine`` (default ``cfg.engine``); reports in input order.

    ``engine_options`` go to the engine: ``jobs`` (local), ``num_cpus``, ``encoders``, ``num_gpus`` (ray)."""
    engine = engine or cfg.engine
    address = address or cfg.address
    run_dir = run_dir or cfg.run_dir
    if engine not in ENGINES:
        raise ConfigError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if address and engine != "ray":
        raise ConfigError("--address names a Ray cluster; use it with --engine ray")
    specs = list(specs)
    todo = list(range(len(specs)))
    done_before: dict[int, str] = {}
    run = None
    if run_dir:
        from .rundir import RunDir

        run = RunDir(run_dir, cfg)
        keys = [run.key(s) for s in specs]
        done_before = {i: keys[i] for i in todo if run.has(keys[i])}
        todo = [i for i in todo if i not in done_before]
    if engine == "ray":
        from .ray_engine import run_pairs
    else:
        from .local import run_pairs
    fresh = run_pairs([specs[i] for i in todo], cfg, address=address, **engine_options) if todo else iter(())
    total = len(specs)
    done = fresh_done = texts = 0
    t0 = time.monotonic()
    pos = {i: k for k, i in enumerate(todo)}
    try:
        for i in range(total):
            if i in done_before:
                report = run.load(done_before[i])
            else:
                k, report, embedded = next(fresh)
                assert k == pos[i], "engines yield in input order"
                if run is not None:
                    run.save(keys[i], report)
                fresh_done += 1
                texts += embedded
            done += 1
            if progress:
                progress(done, total, _label(specs[i], fresh_done, texts, len(todo), time.monotonic() - t0))
            yield report
        for _ in fresh:  # let the engine finish (stop a runtime it started)
            pass
    finally:
        getattr(fresh, "close", lambda: None)()  # a run stopped early still stops its runtime
