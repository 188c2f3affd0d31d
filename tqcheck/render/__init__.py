"""Output formats. Each renderer is a pure function ``render(report) -> str``."""
from __future__ import annotations

import enum
import importlib
from typing import Callable

from ..model import Report


class Format(str, enum.Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    html = "html"


def renderer(fmt: Format | str) -> Callable[..., str]:
    """The ``render`` function of a format, imported on first use."""
    name = Format(fmt).value
    mod = importlib.import_module(f"{__name__}.{'json_' if name == 'json' else name}")
    return mod.render


def render(report: Report, fmt: Format | str, **kw: object) -> str:
    return renderer(fmt)(report, **kw)
