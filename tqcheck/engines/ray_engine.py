"""The Ray engine: pairs checked as Ray tasks on a local Ray runtime or on a running cluster.

* Without ``address`` a local runtime is started (``num_cpus`` CPUs, default all) and stopped at the end;
  with one (``ray://...``, ``HOST:PORT`` or ``auto``) the run joins that cluster and leaves it running.
* Each pair is one task (``max_retries``: a worker that dies, killed or out of memory, is retried on
  another worker; an input error is not retried and reaches the caller as itself).
* Encoding: by default each task encodes in its own worker process (Ray reuses worker processes, so the
  model is loaded once per worker). With ``encoders=N`` N actors hold the model (``num_gpus`` each when
  given, e.g. a sentence-transformers model on a GPU) and the tasks send them the texts the on-disk
  cache does not have; the actors write what they encode back to their node's cache. A ``cuda`` device
  (``device = "cuda"`` with a sentence-transformers model) gets one actor per GPU of the cluster.
* Results stream back in input order; at most ``window`` pairs are in flight or waiting to be yielded,
  so the driver's memory does not grow with the number of pairs.

Every node needs tqcheck installed (the same version: the run folder's keys include the code's hash).
"""
from __future__ import annotations

import logging
import os
from typing import Any, Iterator, Sequence

from ..config import Config
from ..errors import EmbedderUnavailable, TqcheckError
from ..model import Report

# environment that decides how a worker behaves: passed to every worker of the run
ENV_KEYS = ("PYTHONPATH", "TQCHECK_THREADS", "TQCHECK_CACHE_DIR", "XDG_CACHE_HOME", "OMP_NUM_THREADS",
            "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
OBJECT_STORE_BYTES = 256 * 1024 * 1024  # a local runtime's object store: reports are small
STARTS = 3  # tries to start a local runtime (Ray's node start-up times out after 30 s on a loaded machine)


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise EmbedderUnavailable("--engine ray needs Ray: pip install 'tqcheck[ray]'") from None
    return ray


def start(address: str | None = None, num_cpus: int | None = None, num_gpus: int | None = None) -> bool:
    """Connect to ``address`` or start a local runtime; True when this call started or joined it."""
    ray = _ray()
    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # never report usage to anyone from a run
    env = {k: os.environ[k] for k in ENV_KEYS if k in os.environ}
    kwargs: dict[str, Any] = dict(include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR,
                                  runtime_env={"env_vars": env} if env else None)
    if address:
        host = address.rsplit(":", 1)[0]
        if host.startswith("127."):  # a cluster on this machine's loopback: this driver's node is there too
            kwargs["_node_ip_address"] = host
        ray.init(address=address, **kwargs)
    else:
        # "local": a new runtime of our own. Without it ray.init joins the cluster last started on this machine
        # (RAY_ADDRESS, /tmp/ray/ray_current_cluster), against what --engine ray without --address promises
        for attempt in range(STARTS):
            try:
                ray.init(address="local", num_cpus=num_cpus, num_gpus=num_gpus,
                         object_store_memory=OBJECT_STORE_BYTES, **kwargs)
                break
            except Exception as exc:  # noqa: BLE001 - Ray raises a bare Exception for this
                # Ray gives its raylet a fixed 30 s to register; a loaded machine can take longer
                if "timed out during startup" not in str(exc) or attempt == STARTS - 1:
                    raise
                ray.shutdown()
    return True


class ActorEmbedder:
    """An embedder whose ``encode`` runs in an encoder actor (used inside a check task)."""

    def __init__(self, actor: Any, name: str, cache_id: str) -> None:
        self.actor, self.name, self.cache_id = actor, name, cache_id

    def encode(self, texts: Sequence[str]) -> Any:
        return _ray().get(self.actor.encode.remote(list(texts)))


class _Encoder:
    """Holds the model once; encodes what it is sent, through its node's on-disk cache."""

    def __init__(self, cfg: Config) -> None:
        from ..cache import cached
        from ..embed import get_embedder

        self.model = get_embedder(cfg.model, cfg.device)
        self.emb = cached(self.model, cfg.cache, cfg.cache_dir)
        self.texts = 0

    def identity(self) -> tuple[str, str]:
        return self.model.name, getattr(self.model, "cache_id", None) or self.model.name

    def encode(self, texts: list[str]) -> Any:
        self.texts += len(texts)
        return self.emb.encode(texts)

    def encoded(self) -> int:
        return self.texts


def _check_task(spec: Any, cfg: Config, actor: Any, identity: tuple[str, str] | None) -> tuple[Report, int]:
    from . import check_counted

    return check_counted(spec, cfg, embedder=ActorEmbedder(actor, *identity) if actor is not None else None)


def run_pairs(specs: Sequence[Any], cfg: Config, *, address: str | None = None, num_cpus: int | None = None,
              encoders: int = 0, num_gpus: float = 0, window: int | None = None, max_retries: int = 3,
              **_: Any) -> Iterator[tuple[int, Report, int]]:
    """``(index, report, texts embedded)`` for every spec, in order."""
    ray = _ray()
    started = start(address, num_cpus or (cfg.jobs if not address else None),
                    int(num_gpus * encoders) if num_gpus and not address else None)
    try:
        actors: list[Any] = []
        identity = None
        if not encoders and (cfg.device or "").startswith("cuda"):  # one encoder actor per GPU of the cluster
            encoders, num_gpus = int(ray.cluster_resources().get("GPU", 0)), 1
        if encoders:
            enc_cls = ray.remote(num_cpus=0 if num_gpus else 1, num_gpus=num_gpus or 0, max_restarts=2,
                                 max_task_retries=2)(_Encoder)
            actors = [enc_cls.remote(cfg) for _ in range(encoders)]
            identity = ray.get(actors[0].identity.remote())
        task = ray.remote(num_cpus=1, max_retries=max_retries)(_check_task)
        cpus = int(ray.available_resources().get("CPU", 1)) or 1
        window = window or 2 * cpus
        yield from _stream(ray, task, specs, cfg, actors, identity, window)
    finally:
        if started:  # a local runtime stops; a cluster only loses this driver and keeps running
            ray.shutdown()


def _stream(ray: Any, task: Any, specs: Sequence[Any], cfg: Config, actors: list[Any],
            identity: tuple[str, str] | None, window: int) -> Iterator[tuple[int, Report, int]]:
    cfg_ref = ray.put(cfg)
    running: dict[Any, int] = {}
    ready: dict[int, tuple[Report, int]] = {}
    nxt, submitted = 0, 0
    while nxt < len(specs):
        while submitted < len(specs) and submitted < nxt + window:
            actor = actors[submitted % len(actors)] if actors else None
            running[task.remote(specs[submitted], cfg_ref, actor, identity)] = submitted
            submitted += 1
        if nxt not in ready:
            done, _ = ray.wait(list(running), num_returns=1)
            for ref in done:
                ready[running.pop(ref)] = _get(ray, ref)
        while nxt in ready:
            yield (nxt, *ready.pop(nxt))
            nxt += 1


def _get(ray: Any, ref: Any) -> tuple[Report, int]:
    try:
        return ray.get(ref)
    except ray.exceptions.RayTaskError as exc:
        cause = getattr(exc, "cause", None)
        if isinstance(cause, TqcheckError):
            raise cause from None
        raise
