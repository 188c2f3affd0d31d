"""Large bilingual unit files split into shards that engines check as separate pairs.

A translation memory or an MT test set of many thousands of units is one file; checked whole it would be
one task holding every unit in memory. Here it becomes shards of ``shard_units`` units each, written as
bilingual TSV files (``source``/``target`` header, or the two language codes) that the ordinary table
reader (:mod:`tqcheck.formats.table`) checks, one bead per unit. Findings point into the shard file
(``<name>.shard-00003.tsv``, line = unit's row), and the report's ``extra.shard`` says which file and
which units of it (``first_unit`` counts from 0).

Read here:

* JSONL with one unit per line: ``{"source": "...", "target": "..."}`` (optional ``id``); a JSONL whose
  ``source`` names an existing file is a manifest of pairs instead (:func:`tqcheck.batch.read_manifest`).
  Always sharded (``shard_units``, default 1000).
* Parquet with ``source`` and ``target`` text columns (optional ``id``), read in row batches by pyarrow
  (the ``ray`` extra). Always sharded.
* TMX and XLIFF, through translate-toolkit's own readers (``tqcheck[formats]``), when ``shard_units`` is set
  and the file has more units than that; otherwise they are checked whole, as before.

Shards are written once per input content and shard size, under ``<run_dir>/shards/`` (or the cache
folder's ``shards/``), named by the input's SHA-256, so a resumed run sees the same shard files.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from pathlib import Path
from typing import Any, Iterator

from ..config import Config
from ..errors import InputError

DEFAULT_UNITS = 1000
SHARDED_FORMATS = ("tmx", "xliff", "xliff2")


def is_unit_jsonl(path: str) -> bool:
    """A ``.jsonl`` file whose first row has text ``source``/``target`` fields that are not file names."""
    if not path.lower().endswith(".jsonl") or not os.path.isfile(path):
        return False
    try:
        with open(path, encoding="utf-8-sig") as fh:
            first = next((line for line in fh if line.strip()), "")
        row = json.loads(first) if first else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    if not isinstance(row, dict) or not isinstance(row.get("source"), str) or "target" not in row:
        return False
    return not os.path.isfile(os.path.join(os.path.dirname(path), row["source"]))


def is_parquet(path: str) -> bool:
    return path.lower().endswith(".parquet") and os.path.isfile(path)


def wants_shards(path: str, cfg: Config) -> bool:
    if is_unit_jsonl(path) or is_parquet(path):
        return True
    if not cfg.shard_units or not os.path.isfile(path):
        return False
    from ..formats import detect_format

    return detect_format(path) in SHARDED_FORMATS


def _jsonl_units(path: str) -> Iterator[tuple[str, str, str]]:
    from ..jsonl import objects

    with open(path, encoding="utf-8-sig") as fh:
        for n, row in objects(fh, path, "an object with text fields source and target"):
            if not isinstance(row.get("source"), str) or not isinstance(row.get("target"), str):
                raise InputError(f"{path}:{n}: each line needs text fields source and target")
            yield str(row.get("id") or f"line{n}"), row["source"], row["target"]


def _parquet_units(path: str, batch_rows: int = 4096) -> Iterator[tuple[str, str, str]]:
    """The units of a Parquet file with ``source`` and ``target`` text columns (and ``id``, optional), read
    in batches of rows so a file of millions of units is never in memory. Needs pyarrow (the ``ray`` extra)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(f"{path}: reading Parquet needs pyarrow: pip install 'tqcheck[ray]'") from None
    try:
        pf = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"{path}: not a readable Parquet file ({str(exc).splitlines()[0][:200]})") from None
    names = set(pf.schema_arrow.names)
    if not {"source", "target"} <= names:
        raise InputError(f"{path}: a Parquet file of units needs text columns source and target "
                         f"(it has {', '.join(sorted(names)) or 'none'})")
    columns = ["source", "target"] + (["id"] if "id" in names else [])
    n = 0
    for batch in pf.iter_batches(batch_size=batch_rows, columns=columns):
        rows = batch.to_pydict()
        ids = rows.get("id") or [None] * batch.num_rows
        for src, tgt, uid in zip(rows["source"], rows["target"], ids):
            n += 1
            if not isinstance(src, str) or not isinstance(tgt, str):
                raise InputError(f"{path}: row {n}: source and target must be text")
            yield str(uid if uid not in (None, "") else f"row{n}"), src, tgt


def _toolkit_units(path: str) -> tuple[list[tuple[str, str, str]], tuple[str | None, str | None]]:
    """The units of a TMX/XLIFF file and its declared languages, read by translate-toolkit."""
    from ..formats import toolkit

    factory = toolkit("factory")
    try:
        store = factory.getobject(path)
    except Exception as exc:  # noqa: BLE001 - any toolkit parse failure is bad input
        raise InputError(f"{path}: cannot read ({exc.__class__.__name__}: {str(exc)[:120]})") from None
    units = []
    for n, unit in enumerate(store.units, 1):
        if getattr(unit, "isheader", lambda: False)() or not str(unit.source or "").strip():
            continue
        uid = str(unit.getid() or "") if hasattr(unit, "getid") else ""
        units.append((uid or f"unit{n}", str(unit.source), str(unit.target or "")))
    langs = (getattr(store, "sourcelanguage", None) or None, getattr(store, "targetlanguage", None) or None)
    return units, langs


def _file_sha(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def shard_folder(cfg: Config) -> Path:
    if cfg.run_dir:
        return Path(cfg.run_dir) / "shards"
    from ..cache import cache_dir

    return cache_dir(cfg.cache_dir) / "shards"


def _write_tsv(path: Path, rows: list[tuple[str, str, str]]) -> None:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter="\t", lineterminator="\n")
    w.writerow(["id", "source", "target"])
    w.writerows(rows)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(buf.getvalue(), encoding="utf-8", newline="")
    os.replace(tmp, path)


def _check_unit(path: str, n: int, unit: tuple[str, str, str], cfg: Config) -> None:
    """The input limits of one file apply to each unit of a unit file: its source and its target each at
    most ``max_file_size`` bytes (the shard itself is not refused for its size: ``shard_units`` bounds it)."""
    if not cfg.max_file_size:
        return
    for side, text in (("source", unit[1]), ("target", unit[2])):
        size = len(text.encode("utf-8"))
        if size > cfg.max_file_size:
            from ..limits import _human

            raise InputError(f"{path}: unit {n + 1} ({unit[0]}): its {side} of {_human(size)} is over the file "
                             f"size limit of {_human(cfg.max_file_size)}, which applies to each unit of a unit "
                             "file (raise it with --max-file-size BYTES or max-file-size in [tool.tqcheck])")


def shard(path: str, cfg: Config) -> list[Any]:
    """The pairs (:class:`~tqcheck.batch.PairSpec`, one per shard) that check the units of ``path``."""
    from ..batch import PairSpec

    size = cfg.shard_units or DEFAULT_UNITS
    folder = shard_folder(cfg) / f"{_file_sha(path)[:20]}-{size}"
    done = folder / "complete.json"
    if path.lower().endswith((".jsonl", ".parquet")):
        units: Any = _jsonl_units(path) if path.lower().endswith(".jsonl") else _parquet_units(path)
        langs: tuple[str | None, str | None] = (None, None)
    elif done.is_file():
        units, langs = (), tuple(json.loads(done.read_text(encoding="utf-8")).get("langs") or (None, None))
    else:
        units, langs = _toolkit_units(path)
    src_lang, tgt_lang = cfg.src_lang or langs[0], cfg.tgt_lang or langs[1]
    stem = Path(path).name
    if done.is_file():
        index = json.loads(done.read_text(encoding="utf-8"))["shards"]
    else:
        folder.mkdir(parents=True, exist_ok=True)
        index, rows, first = [], [], 0

        def flush() -> None:
            name = f"{stem}.shard-{len(index):05d}.tsv"
            _write_tsv(folder / name, rows)
            index.append({"file": name, "first_unit": first, "units": len(rows)})

        for n, unit in enumerate(units):
            _check_unit(path, n, unit, cfg)
            if not rows:
                first = n
            rows.append(unit)
            if len(rows) == size:
                flush()
                rows = []
        if rows:
            flush()
        if not index:
            raise InputError(f"{path}: no translation units")
        done.write_text(json.dumps({"shards": index, "langs": list(langs)}) + "\n", encoding="utf-8")
    return [PairSpec(str(folder / s["file"]), "", src_lang, tgt_lang, None,
                     {"of": path, "first_unit": s["first_unit"], "units": s["units"]}) for s in index]


def plan(paths: list[str], cfg: Config) -> list[Any] | None:
    """Pairs for ``paths`` when every one is a unit file to shard; None when they are something else."""
    if not paths or not all(wants_shards(p, cfg) for p in paths):
        return None
    return [spec for p in paths for spec in shard(p, cfg)]
