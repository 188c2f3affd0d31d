"""Exceptions the library raises; only the CLI turns them into messages and exit codes."""
from __future__ import annotations


class TqcheckError(Exception):
    """Base class. ``exit_code`` is what the CLI exits with."""

    exit_code = 3


class InputError(TqcheckError):
    """A file is missing, unreadable, empty, binary, badly encoded, malformed or in the wrong language."""

    exit_code = 2


class ConfigError(TqcheckError):
    """A configuration file, glossary or option value is invalid."""

    exit_code = 2


class EmbedderUnavailable(TqcheckError):
    """The requested embedding model cannot be loaded (not installed, not on disk, offline)."""

    exit_code = 2


class InternalError(TqcheckError):
    """Something went wrong inside tqcheck itself (a bug)."""

    exit_code = 3
