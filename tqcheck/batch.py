"""Many pairs: collect documents, read manifests, pair, check in parallel, and the folder JSON.

``check_pairs`` runs pairs with the configured engine (:mod:`tqcheck.engines`: a local process pool, or
Ray), returns reports in the order the pairs were given (deterministic output whatever finishes first),
and calls ``progress(done, total, label)`` as pairs finish. The library never prints: the CLI draws the bar.
"""
from __future__ import annotations

import csv
import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from .config import Config
from .errors import InputError
from .model import SCHEMA_VERSION, Report
from .pairing import Pair, Pairing

MANIFEST_SUFFIXES = (".csv", ".tsv", ".jsonl")
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class PairSpec:
    """One pair to check: paths and, when known, languages and how it was paired."""

    source: str
    target: str
    src_lang: str | None = None
    tgt_lang: str | None = None
    pairing: dict[str, Any] | None = None
    shard: dict[str, Any] | None = None  # a shard of a large unit file: {of, first_unit, units}

    @classmethod
    def from_pair(cls, p: Pair) -> "PairSpec":
        return cls(p.source, p.target, p.source_lang, p.target_lang,
                   {"similarity": p.similarity, "margin": p.margin, "confidence": p.confidence,
                    "evidence": p.evidence})


# --- inputs -----------------------------------------------------------------------------------------


def is_manifest(path: str) -> bool:
    """A JSONL file, or a CSV/TSV whose source/target columns name existing files (not a bilingual table)."""
    if not os.path.isfile(path) or not path.lower().endswith(MANIFEST_SUFFIXES):
        return False
    if path.lower().endswith(".jsonl"):
        from .engines.shards import is_unit_jsonl

        return not is_unit_jsonl(path)
    from .formats.table import looks_like_manifest

    return looks_like_manifest(path)


def is_bilingual(path: str) -> bool:
    """A single file holding source and translation (XLIFF, TMX, PO, a CSV/TSV of units)."""
    from .formats import is_bilingual as _is_bilingual

    return os.path.isfile(path) and _is_bilingual(path)


def collect_documents(paths: Iterable[str], patterns: tuple[str, ...] = ("*.txt",)) -> list[str]:
    """Files named directly, plus the files under each folder whose names match ``patterns``.

    Hidden files and folders (``.git``, ``.venv``…) are skipped. Order is sorted and deduplicated.
    """
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and any(fnmatch.fnmatch(name, pat) for pat in patterns):
                        out.append(os.path.join(root, name))
        elif os.path.exists(p):
            out.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return sorted(dict.fromkeys(os.path.normpath(p) for p in out))


def read_manifest(path: str) -> list[PairSpec]:
    """Pairs from a CSV/TSV (columns ``source,target``, optional ``source_lang,target_lang``) or JSONL file.

    Relative paths are relative to the manifest's folder.
    """
    base = os.path.dirname(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read manifest ({exc.__class__.__name__})") from None
    rows: list[dict[str, Any]] = []
    if path.lower().endswith(".jsonl"):
        from .jsonl import objects

        for n, row in objects(text.splitlines(), path, "an object with source and target"):
            rows.append({**row, "_line": n})
    else:
        reader = csv.DictReader(text.splitlines(), delimiter="\t" if path.lower().endswith(".tsv") else ",")
        if not reader.fieldnames or not {"source", "target"} <= {f.strip() for f in reader.fieldnames}:
            raise InputError(f"{path}: a manifest needs a header row with source and target columns")
        for n, row in enumerate(reader, 2):
            rows.append({(k or "").strip(): (v or "").strip() for k, v in row.items()} | {"_line": n})
    specs = []
    for row in rows:
        src, tgt = row.get("source"), row.get("target")
        if not src or not tgt:
            raise InputError(f"{path}:{row['_line']}: source and target are both required")
        specs.append(PairSpec(os.path.normpath(os.path.join(base, str(src))),
                              os.path.normpath(os.path.join(base, str(tgt))),
                              row.get("source_lang") or None, row.get("target_lang") or None))
    if not specs:
        raise InputError(f"{path}: the manifest lists no pairs")
    return specs


def load_documents(paths: list[str], cfg: Config) -> list[Any]:
    from .pipeline import load_document

    return [load_document(p, cfg) for p in paths]


def pair_paths(paths: list[str], cfg: Config, progress: Progress | None = None) -> Pairing:
    """Load ``paths`` and pair them (see :mod:`tqcheck.pairing`)."""
    from .pairing import pair_documents

    if len(paths) < 2:
        raise InputError("pairing needs at least two documents" + (f" (found only {paths[0]})" if paths else ""))
    docs = load_documents(paths, cfg)
    cb = (lambda i, n: progress(i, n, "embedding documents")) if progress else None
    return pair_documents(docs, cfg, progress=cb)


# --- checking ---------------------------------------------------------------------------------------


def check_pairs(specs: list[PairSpec], cfg: Config, *, jobs: int | None = None,
                progress: Progress | None = None) -> list[Report]:
    """Check every pair with ``cfg.engine`` (local by default; see :mod:`tqcheck.engines`); reports come back
    in the order of ``specs``. For many pairs, iterate :func:`tqcheck.engines.check_all` instead: it yields
    each report as soon as it and those before it are done."""
    from .engines import check_all

    return list(check_all(specs, cfg, jobs=jobs, progress=progress))


# --- the folder JSON --------------------------------------------------------------------------------


def unpaired_dicts(pairing: Pairing | None) -> list[dict[str, Any]]:
    if pairing is None:
        return []
    return [{"path": u.path, "lang": u.lang, "best_candidate": u.best_candidate, "similarity": u.similarity}
            for u in pairing.unpaired]


def folder_dict(reports: list[Report], pairing: Pairing | None = None) -> dict[str, Any]:
    """``{schema_version, pairs: [report…], unpaired: [{path, lang, best_candidate, similarity}], summary}``."""
    return {
        "schema_version": SCHEMA_VERSION,
        "pairs": [r.to_dict() for r in reports],
        "unpaired": unpaired_dicts(pairing),
        "summary": {
            "pairs": len(reports),
            "unpaired": len(pairing.unpaired) if pairing else 0,
            "failed_pairs": sum(1 for r in reports if r.summary.get("gate", {}).get("failed")),
            "findings": sum(len(r.findings) for r in reports),
            "floor": pairing.floor if pairing else None,
        },
    }
