"""The local engine: pairs checked across processes on this machine (``concurrent.futures``).

At most ``2 * jobs`` pairs are in flight or waiting to be yielded, so memory stays bounded however many
pairs there are; reports come back in input order.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from ..config import Config
from ..model import Report

if TYPE_CHECKING:
    from concurrent.futures import Future


def default_jobs(n_pairs: int) -> int:
    return max(1, min(os.cpu_count() or 1, n_pairs))


def run_pairs(specs: Sequence[Any], cfg: Config, *, jobs: int | None = None, address: str | None = None,
              **_: Any) -> Iterator[tuple[int, Report, int]]:
    """``(index, report, texts embedded)`` for every spec, in order."""
    from . import check_counted

    jobs = jobs or cfg.jobs or default_jobs(len(specs))
    if jobs <= 1 or len(specs) <= 1:
        for i, spec in enumerate(specs):
            yield (i, *check_counted(spec, cfg))
        return
    import multiprocessing  # (here: a run of one pair, the usual case, does not import them, 45 ms)
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # "spawn", never "fork": the parent may have started the encoder's OpenMP and BLAS thread pools, and a
    # child forked from a threaded process can deadlock on a lock some thread held at the fork.
    ctx = multiprocessing.get_context("spawn")
    ahead = 2 * jobs
    with ProcessPoolExecutor(max_workers=min(jobs, len(specs)), mp_context=ctx) as pool:
        running: dict[Future, int] = {}
        ready: dict[int, tuple[Report, int]] = {}
        nxt, submitted = 0, 0
        while nxt < len(specs):
            while submitted < len(specs) and submitted < nxt + ahead:
                running[pool.submit(check_counted, specs[submitted], cfg)] = submitted
                submitted += 1
            if nxt not in ready:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in finished:
                    ready[running.pop(fut)] = fut.result()  # re-raises the worker's TqcheckError as is
            while nxt in ready:
                yield (nxt, *ready.pop(nxt))
                nxt += 1
