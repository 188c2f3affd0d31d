"""tqcheck: a multilingual translation-quality checker."""
from __future__ import annotations

from . import startup as _startup

_startup.guard()  # Ctrl-C while the command starts: one line, exit 130 (a no-op for library users)

from typing import Any  # noqa: E402

__version__ = "0.1.0"

__all__ = ["Finding", "Report", "Severity", "check_documents", "__version__"]

# The public API is imported on first use (PEP 562), so that ``import tqcheck.cli`` starts fast and the CLI can
# take over Ctrl-C before the heavy modules load.
_LAZY = {"Finding": "model", "Report": "model", "Severity": "model", "check_documents": "pipeline"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
