"""tqcheck: a multilingual translation-quality checker."""
from __future__ import annotations

__version__ = "0.1.0"

from .model import Finding, Report, Severity  # noqa: E402
from .pipeline import check_documents  # noqa: E402

__all__ = ["Finding", "Report", "Severity", "check_documents", "__version__"]
