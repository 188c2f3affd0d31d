"""Hostile input and careless command lines (issue 13): each case here once lost a file, hung a run, leaked a
terminal escape or crashed with a traceback. Inputs are small; the size limits are tested by their errors."""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from reportkit import build_report, doc, finding

from tqcheck import output
from tqcheck.baseline import load_baseline
from tqcheck.cli import run
from tqcheck.config import Config
from tqcheck.errors import ConfigError, InputError
from tqcheck.model import Severity
from tqcheck.render import render

EN = "The minister met the delegation on Monday. They discussed trade.\n"
VI = "Bộ trưởng đã gặp phái đoàn vào thứ Hai. Họ đã thảo luận về thương mại.\n"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.chdir(tmp_path)  # no configuration file of the checkout applies
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.vi.txt"
    src.write_text(EN, encoding="utf-8")
    tgt.write_text(VI, encoding="utf-8")
    return src, tgt


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("tqcheck: error: ") and "Traceback" not in err


# --- data loss: an output never replaces an input, nor another output ---------------------------------------


@pytest.mark.parametrize("option", ["-o", "--html", "--save=json=", "--write-baseline"])
@pytest.mark.parametrize("victim", ["source", "target", "symlink to target"])
def test_an_output_onto_an_input_is_refused_and_the_input_kept(capsys: pytest.CaptureFixture[str],
                                                               pair: tuple[Path, Path], option: str,
                                                               victim: str) -> None:
    src, tgt = pair
    path = src if victim == "source" else tgt
    if victim.startswith("symlink"):
        path = src.parent / "link.txt"
        path.symlink_to(tgt)
    args = [f"{option}{path}"] if option.endswith("=") else [option, str(path)]
    code, out, err = cli(capsys, "check", src, tgt, "--no-cache", *args)
    assert code == 2 and one_line_error(err) and "refusing to overwrite" in err, err
    assert src.read_text(encoding="utf-8") == EN and tgt.read_text(encoding="utf-8") == VI


@pytest.mark.parametrize("args", [
    ["-o", "r.out", "--html", "r.out"],
    ["--save", "json=X", "--save", "sarif=X"],
    ["-o", "r.json", "--write-baseline", "./r.json"],
])
def test_two_outputs_with_one_path_are_refused(capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path],
                                               args: list[str]) -> None:
    code, _, err = cli(capsys, "check", *pair, "--no-cache", *args)
    assert code == 2 and one_line_error(err) and "writes the same file" in err, err
    assert sorted(p.name for p in pair[0].parent.iterdir()) == ["a.en.txt", "a.vi.txt"]


def test_a_failed_write_leaves_the_previous_report_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "report.json"
    other = tmp_path / "report.sarif"
    old.write_text('{"old": true}\n', encoding="utf-8")
    other.write_text("previous sarif\n", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ConfigError, match="No space left on device"):
        output.write_outputs([output.Output(other, "new sarif\n", "--save sarif="),
                              output.Output(old, '{"new": true}\n', "--output")])
    # neither file was touched (all are written aside first), and no temporary file is left behind
    assert old.read_text(encoding="utf-8") == '{"old": true}\n'
    assert other.read_text(encoding="utf-8") == "previous sarif\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "report.sarif"]


def test_a_write_replaces_the_file_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "out" / "r.json"
    output.write_text(target, "first\n")
    inode = target.stat().st_ino
    output.write_text(target, "second\n")
    assert target.read_text(encoding="utf-8") == "second\n"
    assert target.stat().st_ino != inode  # a new file renamed into place, not the old one truncated
    assert [p.name for p in target.parent.iterdir()] == ["r.json"]


def test_a_symlink_at_the_output_path_is_replaced_not_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "precious.txt"
    elsewhere.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "report.txt"
    link.symlink_to(elsewhere)
    output.write_text(link, "report\n")
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "report\n"
    assert elsewhere.read_text(encoding="utf-8") == "keep me\n"


def test_dev_null_is_written_to_not_replaced() -> None:
    output.write_text("/dev/null", "discarded\n")
    assert Path("/dev/null").is_char_device()


def test_a_folder_as_output_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a folder"):
        output.write_text(tmp_path, "x")


# --- bounded work: input limits ------------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_unread(capsys: pytest.CaptureFixture[str],
                                                      pair: tuple[Path, Path]) -> None:
    code, out, err = cli(capsys, "check", *pair, "--no-cache", "--max-file-size", "50")
    assert code == 2 and one_line_error(err) and out == ""
    assert "over the file size limit of 50 bytes" in err and "--max-file-size" in err


def test_too_many_sentences_are_refused(capsys: pytest.CaptureFixture[str], pair: tuple[Path, Path]) -> None:
    code, _, err = cli(capsys, "check", *pair, "--no-cache", "--max-sentences", "1")
    assert code == 2 and one_line_error(err) and "2 sentences is over the limit of 1" in err, err


def test_limits_come_from_the_configuration_file_and_are_validated(capsys: pytest.CaptureFixture[str],
                                                                   pair: tuple[Path, Path]) -> None:
    cfg = pair[0].parent / "tqcheck.toml"
    cfg.write_text("max-file-size = 50\n", encoding="utf-8")
    code, _, err = cli(capsys, "check", *pair, "--no-cache")
    assert code == 2 and "over the file size limit of 50 bytes" in err
    cfg.write_text("max-sentences = -1\n", encoding="utf-8")
    code, _, err = cli(capsys, "check", *pair, "--no-cache")
    assert code == 2 and one_line_error(err) and "max-sentences" in err


def test_a_long_unpunctuated_line_is_cut_into_pieces_with_exact_offsets(tmp_path: Path) -> None:
    from tqcheck.pipeline import load_document

    words = [f"wörd{i}" if i % 7 else f"item{i}," for i in range(1500)]
    raw = "Heading\n\n" + " ".join(words) + "\nlast line.\n" + "x" * 700 + "\n"
    p = tmp_path / "long.txt"
    p.write_text(raw, encoding="utf-8")
    d = load_document(str(p), Config(max_sentence_chars=300, max_file_size=0, cache=False), "en")
    assert max(len(s.text) for s in d.segments) <= 300
    assert len(d.segments) > 30 and [s.index for s in d.segments] == list(range(len(d.segments)))
    for s in d.segments:
        assert s.text == unicodedata.normalize("NFC", d.raw[s.start:s.end]).strip()
        assert (s.line, s.col) == d.line_col(s.start)
    covered = "".join(s.text for s in d.segments).replace(" ", "")
    assert covered == raw.replace(" ", "").replace("\n", "")  # nothing lost, nothing doubled
    cut_after_comma = [s for s in d.segments if s.text.endswith(",")]
    assert cut_after_comma, "a long sentence is cut at clause punctuation when it has some"


# --- signals: one line, 130/143, nothing half-written --------------------------------------------------------


def _spawn(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TQCHECK_THREADS": "1"}
    env.pop("TQCHECK_DEBUG", None)
    return subprocess.Popen([sys.executable, "-m", "tqcheck", *args], cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


@pytest.mark.parametrize(("sig", "code", "word"), [(signal.SIGINT, 130, "interrupted"),
                                                   (signal.SIGTERM, 143, "terminated")])
@pytest.mark.parametrize("delay", [0.8, 2.0, 4.0])  # loading the CLI, loading the encoder, checking
def test_a_signal_at_any_moment_is_one_line_and_leaves_no_output(pair: tuple[Path, Path], sig: int, code: int,
                                                                 word: str, delay: float) -> None:
    src, tgt = pair
    # long enough that every delay lands inside the run, not after it (a finished run keeps its complete outputs)
    src.write_text("".join(f"{i}. {EN}" for i in range(40)), encoding="utf-8")
    tgt.write_text("".join(f"{i}. {VI}" for i in range(40)), encoding="utf-8")
    out = src.parent / "out"
    proc = _spawn(["check", str(src), str(tgt), "--src-lang", "en", "--tgt-lang", "vi", "--no-cache", "-o", str(out / "r.json"), "-f", "json",
                   "--save", f"sarif={out / 'r.sarif'}"], src.parent)
    time.sleep(delay)
    if proc.poll() is not None:
        pytest.skip("the run finished before the signal")
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert err.decode() == f"tqcheck: {word}\n"
    # no temporary file is left, and a report that exists is complete (it was renamed into place whole)
    left = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert left in ([], ["r.json", "r.sarif"]), left
    for name in left:
        json.loads((out / name).read_text(encoding="utf-8"))


_AFTER_AN_INTERRUPT = (
    "import atexit, sys, threading, time\n"
    "atexit.register(lambda: print('atexit ran', flush=True))\n"
    "threading.Thread(target=time.sleep, args=(120,)).start()  # a library's thread, not a daemon\n"
    "sys.stdout.write('report written\\n')\n"  # buffered: a pipe
    "from tqcheck.cli import _exit_after_signal\n"
    "_exit_after_signal(130)\n"
)


def test_an_interrupted_run_exits_with_its_code_at_once_flushed_and_atexit_run() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", _AFTER_AN_INTERRUPT], capture_output=True, env=env, timeout=100)
    assert proc.returncode == 130, proc.stderr
    assert proc.stdout.decode().splitlines() == ["report written", "atexit ran"]
    assert time.monotonic() - start < 60  # it did not wait for the thread


# --- escaping: documents and file names never reach a terminal or a CI log raw ---------------------------------


def _hostile_report():  # noqa: ANN202
    name = os.fsdecode(b"docs/caf\xe9 \x1b[31m.txt")  # not UTF-8, and an escape in the name
    src = doc(name, "The price is 10 dollars.\n", "en")
    tgt = doc("docs/vi.txt", "Giá là \x1b[2J\x1b]0;pwned\x07 20 đô la.\r::error::fake\n", "vi")
    f = finding(tgt, "TQ201", "\x1b[2J\x1b]0;pwned\x07 20", Severity.CRITICAL,
                message="number \x1b[2J20 differs [/bold] [red]", suggestion="\x1b[31m10")
    return build_report(src, tgt, [f])


def test_control_characters_never_reach_the_terminal_or_github_annotations() -> None:
    r = _hostile_report()
    for fmt in ("text", "github"):
        text = render(r, fmt)
        assert "\x1b" not in text and "\x07" not in text, fmt
        assert "\\x1b" in text, fmt
    gh = render(r, "github")
    assert all(line.startswith("::error ") for line in gh.splitlines())  # no second, injected command


@pytest.mark.parametrize("fmt", ["json", "sarif", "html", "junit", "github", "text"])
def test_an_undecodable_file_name_is_valid_utf8_in_every_format(fmt: str, tmp_path: Path) -> None:
    r = _hostile_report()
    text = render(r, fmt)
    data = text.encode("utf-8")  # raises on a lone surrogate
    out = tmp_path / f"r.{fmt}"
    output.write_text(out, text)
    assert out.read_bytes() == data
    if fmt == "json":
        assert json.loads(data)["source"]["path"] == "docs/caf\\xe9 \\x1b[31m.txt"
    if fmt == "sarif":
        uris = [a["location"]["uri"] for a in json.loads(data)["runs"][0]["artifacts"]]
        assert "docs/caf%E9%20%1B%5B31m.txt" in uris  # the file's real bytes
    if fmt == "junit":
        ET.fromstring(data)  # well-formed XML: no raw control characters
    if fmt in ("html", "text", "junit"):
        assert "caf\\xe9" in text


# --- smaller defects ------------------------------------------------------------------------------------------


def test_a_deeply_nested_baseline_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    pair: tuple[Path, Path]) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    with pytest.raises(InputError, match="nested too deeply"):
        load_baseline(deep)
    code, out, err = cli(capsys, "check", *pair, "--no-cache", "--baseline", deep)
    assert code == 2 and one_line_error(err) and out == ""


def test_tq901_can_be_explained(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "explain", "TQ901")
    assert code == 0 and "rule-crashed" in out
    assert "TQ901 rule-crashed" in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def test_align_reads_the_configuration_file_like_check(capsys: pytest.CaptureFixture[str],
                                                       pair: tuple[Path, Path]) -> None:
    (pair[0].parent / "tqcheck.toml").write_text("max-file-size = 50\n", encoding="utf-8")
    code, out, err = cli(capsys, "align", *pair, "--no-cache")
    assert code == 2 and one_line_error(err) and "over the file size limit of 50 bytes" in err


def test_text_cut_by_the_sentence_limit_is_aligned_without_embedding_every_joined_run(tmp_path: Path) -> None:
    """Cut pieces are not sentences: the aligner embeds only the joined runs on its path (bounded work)."""
    from tqcheck.config import Config
    from tqcheck.pipeline import align_params, load_document

    cfg = Config(max_sentence_chars=200, max_file_size=0, cache=False).validate()
    words = "the river runs past the old mill and the children watch the boats go by".split()
    flat = tmp_path / "flat.txt"
    flat.write_text(" ".join(words[i % len(words)] for i in range(300)), encoding="utf-8")
    prose = tmp_path / "prose.txt"
    prose.write_text("The river runs past the old mill. The children watch the boats go by.\n", encoding="utf-8")
    cut, plain = load_document(str(flat), cfg, "en"), load_document(str(prose), cfg, "en")
    assert len(cut.segments) > 1
    assert align_params(cfg, cut, plain).exact == "path"
    assert align_params(cfg, plain, plain).exact == "auto"
    assert align_params(Config(max_sentence_chars=0), cut, plain).exact == "auto"  # no limit, nothing was cut
