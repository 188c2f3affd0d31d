"""Ctrl-C and SIGTERM while the ``tqcheck`` command is still starting: one line and exit 130/143, no traceback.

Imported first by the package (``tqcheck/__init__.py``), so the handlers are in place before the heavy modules
load. It only acts in the ``tqcheck`` command (the console script or ``python -m tqcheck``); a program that
imports tqcheck as a library keeps its own signal handling. Once a command runs, :mod:`tqcheck.cli` installs
handlers that raise instead, so that temporary files are cleaned up.
"""
from __future__ import annotations

import os
import signal
import sys

_COMMANDS = ("tqcheck", "tqcheck.exe", "__main__.py", "-m")  # sys.argv[0] of the command (-m: while locating)


def _exit_now(signum: int, _frame: object) -> None:
    os.write(2, b"tqcheck: interrupted\n" if signum == signal.SIGINT else b"tqcheck: terminated\n")
    os._exit(128 + signum)


def guard() -> None:
    """Install the start-up handlers when this process is the ``tqcheck`` command; in a worker process it
    started (``--jobs``), leave Ctrl-C to the parent."""
    argv0 = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    if argv0 not in _COMMANDS:
        return
    try:
        import multiprocessing

        if multiprocessing.parent_process() is not None:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            return
        signal.signal(signal.SIGINT, _exit_now)
        signal.signal(signal.SIGTERM, _exit_now)
    except ValueError:  # not the main thread
        pass
