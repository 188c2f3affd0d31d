"""A run folder: which pairs are done, so that rerunning the same command resumes where it stopped.

Each finished pair is one file ``done/<key>.pkl`` (the pickled report, written to a temporary name and
renamed, so a run killed mid-write leaves no half file). The key is a SHA-256 of the tool signature
(tqcheck's version and the hash of its own code and data files), the settings that change a report, the
bytes of the glossaries and reference, and the bytes of both inputs of the pair: change any of them and
the pair is checked again. ``run.json`` records the signature for people reading the folder.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import pickle
from pathlib import Path
from typing import Any

from .. import __version__
from ..config import Config
from ..errors import ConfigError
from ..model import Report

# settings that decide where or how fast a run goes, not what a report says
_NOT_IN_KEY = {"engine", "address", "run_dir", "jobs", "config_file", "cache", "cache_dir", "baseline", "accept",
               "shard_units"}


@functools.lru_cache(maxsize=1)
def code_hash() -> str:
    """SHA-256 of every file of the installed tqcheck package (code, data, templates), in path order."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(__version__.encode())
    for p in sorted(root.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(root)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def _file_hash(path: str | None) -> str:
    if not path:
        return ""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return f"unreadable:{path}"


def settings_hash(cfg: Config) -> str:
    d = {k: v for k, v in dataclasses.asdict(cfg).items() if k not in _NOT_IN_KEY}
    d["glossary"] = [(g, _file_hash(g)) for g in cfg.glossary]
    d["reference"] = (cfg.reference, _file_hash(cfg.reference))
    return hashlib.sha256(json.dumps(d, sort_keys=True, default=str).encode()).hexdigest()


class RunDir:
    """The run folder ``path`` for settings ``cfg`` (created when missing)."""

    def __init__(self, path: str | os.PathLike[str], cfg: Config) -> None:
        self.path = Path(path)
        self.done = self.path / "done"
        try:
            self.done.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"{path}: cannot create the run folder ({exc.strerror})") from None
        self.signature = {"tqcheck": __version__, "code": code_hash(), "settings": settings_hash(cfg)}
        self._prefix = json.dumps(self.signature, sort_keys=True).encode()
        info = self.path / "run.json"
        if not info.exists():
            info.write_text(json.dumps(self.signature, indent=2) + "\n", encoding="utf-8")

    def key(self, spec: Any) -> str:
        """The pair's key: tool signature, settings, the bytes of both inputs, and how the pair was made."""
        h = hashlib.sha256(self._prefix)
        for part in (spec.source, spec.target):
            h.update(b"\0" + part.encode() + b"\0" + _file_hash(part).encode())
        h.update(json.dumps([spec.src_lang, spec.tgt_lang, spec.pairing], sort_keys=True, default=str).encode())
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.done / f"{key}.pkl"

    def has(self, key: str) -> bool:
        return self._file(key).is_file()

    def load(self, key: str) -> Report:
        with open(self._file(key), "rb") as fh:
            return pickle.load(fh)

    def save(self, key: str, report: Report) -> None:
        tmp = self._file(key).with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as fh:
            pickle.dump(report, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self._file(key))

    def count(self) -> int:
        return sum(1 for _ in self.done.glob("*.pkl"))
