"""Writing reports safely: every file a run writes goes through :func:`write_outputs`.

Three promises (docs/ci.md, "Output files"):

* An output never overwrites an input of the run, nor another output of the same run: a path that resolves
  (symbolic links followed, hard links compared by inode) to one of them is refused with an
  :class:`~tqcheck.errors.ConfigError` before anything is written.
* A report is written to a temporary file in the destination's folder, flushed to disk (``fsync``) and renamed
  over the old one (``os.replace``), so a reader never sees half a report and a failed write (full disk,
  interruption) leaves the previous file as it was. Temporary files are removed on every error, and on
  ``KeyboardInterrupt``/``SystemExit`` (the CLI turns SIGINT and SIGTERM into those).
* A symbolic link at an output path is replaced by the new file; the file it pointed to is left untouched
  (never written through). Paths that are not regular files (``/dev/null``, ``/dev/stdout``, a FIFO) are
  written to directly: there is no file to protect and nothing to rename.
"""
from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .errors import ConfigError


@dataclass(frozen=True)
class Output:
    """One file to write: where, what, and which option asked for it (for messages)."""

    path: Path
    text: str
    option: str


def _identity(path: Path) -> tuple[str, tuple[int, int] | None]:
    """(real path, (device, inode) if it exists) of ``path``."""
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
    except OSError:
        return real, None
    return real, (st.st_dev, st.st_ino)


def is_stream(path: Path) -> bool:
    """A path that is not (and will not become) a regular file: a device, a FIFO, ``/dev/...``, ``/proc/...``."""
    absolute = os.path.abspath(path)
    if absolute.startswith(("/dev/", "/proc/")):
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def check_paths(outputs: Sequence[tuple[str, Path]], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse an output (``(option, path)``) that is an input of the run, a folder, or another output.

    Call it before the work starts (with the paths known then) and again with every file about to be written.
    """
    seen_inputs: dict[object, str] = {}
    for p in inputs:
        real, ino = _identity(Path(p))
        seen_inputs[real] = str(p)
        if ino is not None:
            seen_inputs[ino] = str(p)
    taken: dict[object, str] = {}
    for option, path in outputs:
        if is_stream(path):
            continue
        real, ino = _identity(path)
        for key in (real, ino):
            if key is not None and key in seen_inputs:
                raise ConfigError(f"{_label(option, path)}: this is the input {seen_inputs[key]}; refusing to overwrite "
                                  "it (did you swap the arguments?)")
        if os.path.isdir(real):
            raise ConfigError(f"{_label(option, path)}: is a folder; give a file name")
        for key in (real, ino):
            if key is not None and key in taken:
                raise ConfigError(f"{_label(option, path)}: {taken[key]} writes the same file; give each output "
                                  "its own path")
        taken[real] = _label(option, path)
        if ino is not None:
            taken[ino] = _label(option, path)


def _label(option: str, path: Path) -> str:
    """How the user named an output: ``--output r.json``, ``--save sarif=r.sarif``."""
    return f"{option}{path}" if option.endswith("=") else f"{option} {path}"


def write_outputs(outputs: Sequence[Output], inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Write every output atomically, after checking them against ``inputs`` and each other.

    All files are first written to temporary files; only when every one of them is complete are they renamed
    into place. On any error no temporary file is left behind and no destination has been half-written.
    """
    check_paths([(o.option, o.path) for o in outputs], inputs)
    with Staging(inputs) as staging:
        for o in outputs:
            staging.text(o.path, o.text, o.option)
        staging.commit()


def write_text(path: str | os.PathLike[str], text: str, option: str = "output",
               inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """One file, atomically (see :func:`write_outputs`)."""
    write_outputs([Output(Path(path), text, option)], inputs)


class Spool:
    """A many-pair output rendered as the reports come (:mod:`tqcheck.render.stream`): each report's piece goes
    to an anonymous temporary file, so no report is kept in memory; :meth:`pieces` gives head, body and tail in
    order once the last report is in. Written through :class:`Staging` like any other output."""

    def __init__(self, path: Path | None, option: str, streamer) -> None:  # noqa: ANN001 - a render.stream.Streamer
        self.path, self.option, self.streamer = path, option, streamer
        self._body = tempfile.TemporaryFile("w+", encoding="utf-8", errors="backslashreplace", newline="")

    def add(self, report) -> None:  # noqa: ANN001 - a model.Report
        self._body.write(self.streamer.add(report))

    def pieces(self) -> Iterator[str]:
        head, tail = self.streamer.finish()
        yield head
        self._body.flush()
        self._body.seek(0)
        for line in self._body:
            yield self.streamer.fix_line(line)
        yield tail

    def close(self) -> None:
        self._body.close()


class Staging:
    """Outputs written piece by piece: each is staged in a complete, fsynced temporary file beside its
    destination as soon as it is known, and :meth:`commit` renames them all into place at the end (the same
    promises as :func:`write_outputs`). :meth:`discard` (or leaving a ``with`` block on an error) removes every
    staged file and leaves every destination as it was."""

    def __init__(self, inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
        self.inputs = list(inputs)
        self.staged: list[tuple[str, Output]] = []
        self.streams: list[tuple[Output, Spool | None]] = []

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()

    def text(self, path: Path, text: str, option: str) -> None:
        """Stage one complete file now (an HTML page of a folder report, the index)."""
        o = Output(path, text, option)
        check_paths([(o.option, o.path)] + [(s.option, s.path) for _, s in self.staged], self.inputs)
        if is_stream(path):
            self.streams.append((o, None))
        else:
            self.staged.append((_stage(o), o))

    def spool(self, spool: Spool) -> None:
        """Stage a streamed output whose last report is in."""
        o = Output(spool.path, "", spool.option)
        check_paths([(o.option, o.path)] + [(s.option, s.path) for _, s in self.staged], self.inputs)
        if is_stream(spool.path):
            self.streams.append((o, spool))
        else:
            self.staged.append((_stage(o, spool.pieces()), o))

    def commit(self) -> None:
        staged, self.staged = self.staged, []
        try:
            for tmp, o in staged:
                try:
                    os.replace(tmp, o.path)
                except OSError as exc:
                    raise ConfigError(f"{o.path}: cannot write ({exc.strerror or exc})") from None
                _sync_dir(o.path)
            staged = []
        finally:
            for tmp, _ in staged:
                _unlink(tmp)
        for o, spool in self.streams:
            _write_stream(o, spool.pieces() if spool is not None else None)

    def discard(self) -> None:
        for tmp, _ in self.staged:
            _unlink(tmp)
        self.staged = []


def _stage(o: Output, pieces: Iterable[str] | None = None) -> str:
    """The text of ``o`` (or ``pieces``, written one after another) in a complete, fsynced temporary file beside
    its destination; returns its path."""
    folder = os.path.dirname(os.path.abspath(o.path))
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{o.path.name[:100]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ConfigError(f"{o.path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in (o.text,) if pieces is None else pieces:  # always valid UTF-8, a stray surrogate visible
                fh.write(piece.encode("utf-8", "backslashreplace"))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(o.path))
    except BaseException as exc:
        _unlink(tmp)
        if isinstance(exc, OSError):
            raise ConfigError(f"{o.path}: cannot write ({exc.strerror or exc}); the previous file is "
                              "unchanged") from None
        raise
    return tmp


def _mode_for(path: Path) -> int:
    """The existing file's permissions (a regular file, not a link's target), else 0666 minus the umask."""
    try:
        st = os.lstat(path)
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode)
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_dir(path: Path) -> None:
    try:
        fd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_stream(o: Output, pieces: Iterable[str] | None = None) -> None:
    try:
        with open(o.path, "w", encoding="utf-8", errors="backslashreplace") as fh:
            for piece in (o.text,) if pieces is None else pieces:
                fh.write(piece)
    except OSError as exc:
        raise ConfigError(f"{o.path}: cannot write ({exc.strerror or exc})") from None


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
