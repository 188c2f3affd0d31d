"""The rule registry. Rule modules are imported only when rules are asked for."""
from __future__ import annotations

import importlib

from .base import BeadContext, DocContext, Hit, Rule, all_rules_meta, check_options, rule, run_rules

# One module per family; imported lazily (sqlfluff's get_rules pattern).
_RULE_MODULES = (
    "names",
    "numbers",
    "terms",
    "untranslated",
    "omission",
    "consistency",
    "fluency",
    "adequacy",
    "markup",
    "internal",
)


def all_rules() -> dict[str, Rule]:
    """Every registered rule, keyed by code, sorted."""
    for mod in _RULE_MODULES:
        try:
            importlib.import_module(f"{__name__}.{mod}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{mod}":
                raise
    return dict(sorted(all_rules_meta().items()))


def select(select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> list[Rule]:
    """Rules chosen by code prefix; the longer (more specific) prefix wins, as in flake8."""
    chosen = []
    for code, r in all_rules().items():
        if r.scope == "internal":  # emitted by the runner itself (TQ901), never run
            continue
        if select:
            s_len = max((len(p) for p in select if code.startswith(p)), default=-1)
        else:
            s_len = 0
        i_len = max((len(p) for p in ignore if code.startswith(p)), default=-1)
        if s_len > i_len:
            chosen.append(r)
    return chosen


__all__ = ["BeadContext", "DocContext", "Hit", "Rule", "all_rules", "check_options", "rule", "run_rules", "select"]
