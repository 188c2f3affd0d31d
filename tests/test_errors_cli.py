"""Bad input on the command line: exit code 2, exactly one line on stderr starting with
"tqcheck: error:", no traceback, and the input files left as they were."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcheck.cli import app

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
EN = (CORPORA / "000_74d1bcbf21ade748.txt").read_text(encoding="utf-8")
VI = (CORPORA / "003_8cf2e5f9d09ebff1.txt").read_text(encoding="utf-8")
EN2 = (CORPORA / "001_b1be4665d4e448ab.txt").read_text(encoding="utf-8")


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    made = {
        "en": EN.encode("utf-8"),
        "vi": VI.encode("utf-8"),
        "en2": EN2.encode("utf-8"),
        "empty": b"",
        "blank": b"  \r\n\t\n",
        "binary": bytes(range(256)) * 8,
        "latin1": "Café crème and déjà vu: a French-flavoured English sentence.\n".encode("latin-1"),
        "utf16_nobom": VI.encode("utf-16-le"),
        "utf16_bom": VI.encode("utf-16"),
        "docx": b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
    }
    out = {}
    for name, data in made.items():
        p = tmp_path / f"{name}.txt"
        p.write_bytes(data)
        out[name] = p
    (tmp_path / "folder").mkdir()
    out["folder"] = tmp_path / "folder"
    out["missing"] = tmp_path / "missing.txt"
    return out


def _snapshot(paths: list[Path]) -> dict[str, tuple[str, int]]:
    return {str(p): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in paths if p.is_file()}


# (id, source, target, extra options, text the message must contain)
CASES = [
    ("empty_source", "empty", "vi", [], "empty.txt: file is empty"),
    ("blank_target", "en", "blank", [], "blank.txt: file is empty (only whitespace)"),
    ("binary", "binary", "vi", [], "binary.txt: looks binary"),
    ("docx", "en", "docx", [], "docx.txt: looks like a ZIP archive"),
    ("latin1", "latin1", "vi", [], "latin1.txt: not valid UTF-8 (byte 0xe9"),
    ("utf16_without_bom", "en", "utf16_nobom", [], "without a byte-order mark; pass --encoding utf-16-le"),
    ("missing", "missing", "vi", [], "missing.txt"),
    ("directory", "folder", "vi", [], "folder"),
    ("wrong_src_lang", "en", "vi", ["--src-lang", "vi"], "--src-lang says Vietnamese (vi), but the text is English"),
    ("wrong_tgt_lang", "en", "vi", ["--tgt-lang", "fr"], "--tgt-lang says French (fr), but the text is Vietnamese"),
    ("utf16_bom_wrong_lang", "en", "utf16_bom", ["--tgt-lang", "de"], "utf16_bom.txt: --tgt-lang says German"),
    ("same_language", "en", "en2", [], "are both in English (en)"),
    ("same_language_claimed", "en", "en2", ["--src-lang", "en", "--tgt-lang", "en"],
     "--src-lang and --tgt-lang are both English"),
    ("unknown_lang_code", "en", "vi", ["--tgt-lang", "vietnamese"], "unknown language code 'vietnamese'"),
    ("unknown_encoding", "en", "vi", ["--encoding", "klingon-8"], "unknown encoding 'klingon-8'"),
    ("forced_wrong_encoding", "en", "vi", ["--encoding", "ascii"], "cannot decode as ascii"),
]


@pytest.mark.parametrize("src,tgt,opts,message", [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_bad_input_exits_2_with_one_line(files: dict[str, Path], tmp_path: Path, src: str, tgt: str,
                                         opts: list[str], message: str) -> None:
    before = _snapshot(list(files.values()))
    report = tmp_path / "out" / "report.json"
    result = CliRunner().invoke(app, ["check", str(files[src]), str(files[tgt]), "--format", "json",
                                      "-o", str(report), *opts])
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tqcheck: error: "), lines[0]
    assert message in lines[0], lines[0]
    assert "Traceback" not in result.output
    assert not report.exists()
    assert _snapshot(list(files.values())) == before


@pytest.mark.parametrize("opts,message", [
    ([], "not valid UTF-8"),
    (["--src-lang", "vi"], "--src-lang says Vietnamese"),
])
def test_real_process_one_line_on_stderr(files: dict[str, Path], opts: list[str], message: str) -> None:
    """The same contract through ``python -m tqcheck`` in a fresh process (real stderr, real exit status)."""
    src = files["latin1"] if not opts else files["en"]
    before = _snapshot(list(files.values()))
    proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", str(src), str(files["vi"]), *opts],
                          capture_output=True, text=True, env={**os.environ, "TQCHECK_DEBUG": "0"}, timeout=120, check=False)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tqcheck: error: ") and message in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert _snapshot(list(files.values())) == before
