"""What a new user trips over on the command line: options that name no rule, output files written on a failed
run, help that shows Python types instead of what to type, and the terminal output's hint and verdict."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from reportkit import ROOT, SEED_SRC, SEED_TGT

from tqcheck.cli import run

SRC, TGT = str(ROOT / SEED_SRC), str(ROOT / SEED_TGT)


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no configuration file of the checkout applies
    monkeypatch.delenv("TQCHECK_DEBUG", raising=False)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_error(code: int, out: str, err: str, needle: str) -> None:
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("tqcheck: error: ") and needle in err, err


@pytest.mark.parametrize(("args", "needle"), [
    (["--select", "TQ1,XX9"], "select: no rule code starts with 'XX9'"),
    (["--ignore", "TQ99"], "ignore: no rule code starts with 'TQ99'"),
    (["--severity", "TQ999=major"], "severity: unknown rule code 'TQ999'"),
])
def test_codes_that_name_no_rule_are_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str],
                                            needle: str) -> None:
    (tmp_path / "out.json").write_text("keep me", encoding="utf-8")
    code, out, err = cli(capsys, "check", SRC, TGT, *args, "-o", "out.json")
    _one_line_error(code, out, err, needle)
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "keep me"


def test_codes_in_a_config_file_are_checked_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "tqcheck.toml").write_text('select = ["TQ1", "TQ2x"]\n', encoding="utf-8")
    code, out, err = cli(capsys, "check", SRC, TGT)
    _one_line_error(code, out, err, "tqcheck.toml: select: no rule code starts with 'TQ2X'")


def test_html_format_for_many_pairs_fails_before_writing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    manifest = tmp_path / "pairs.csv"
    manifest.write_text(f"source,target\n{SRC},{TGT}\n", encoding="utf-8")
    code, out, err = cli(capsys, "check", str(manifest), "--format", "html", "--html", "pages",
                         "--save", "json=r.json")
    _one_line_error(code, out, err, "--format html renders one pair")
    assert not (tmp_path / "pages").exists() and not (tmp_path / "r.json").exists()
    code, out, err = cli(capsys, "check", str(manifest), "--save", "html=r.html", "--html", "pages")
    _one_line_error(code, out, err, "--format html renders one pair")
    assert not (tmp_path / "pages").exists() and not (tmp_path / "r.html").exists()


def test_rules_format_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "rules", "--format", "json")
    _one_line_error(code, out, err, "--format for rules must be text or md, not 'json'")


def test_help_shows_what_to_type(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("check", "pair", "precommit", "score", "align"):
        code, out, _ = cli(capsys, command, "--help")
        options = out.split("Options:", 1)[1]
        assert code == 0 and "<list[" not in options and "<str>" not in options, (command, options)
    _, out, _ = cli(capsys, "check", "--help")
    for metavar in ("--save FORMAT=FILE", "--severity CODE=SEVERITY", "--fail-on SEVERITY", "-o, --output FILE"):
        assert metavar in out


def test_text_report_on_the_seed_ends_with_the_verdict(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = cli(capsys, "check", SRC, TGT, "-q")
    assert code == 1 and err == ""
    assert out.rstrip().splitlines()[-1].startswith("FAIL: ")
    code, out, _ = cli(capsys, "check", SRC, TGT, "--fail-on", "never", "--format", "json")
    d = json.loads(out)
    assert code == 0 and not d["summary"]["gate"]["failed"]


def test_debug_after_the_command_shows_the_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "check", "missing-a.txt", "missing-b.txt", "--debug")
    assert code == 2 and out == ""
    assert "Traceback" in err and err.rstrip().splitlines()[-1] == "tqcheck: error: missing-a.txt: no such file or folder"


# --- the docs match the tool ----------------------------------------------------------------------------------

DOCS = [ROOT / "README.md", ROOT / "reports" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_readme_commands_use_real_options(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^tqcheck ([a-z]+)\b(.*)$", readme, flags=re.MULTILINE)
    assert len(commands) >= 8
    helps: dict[str, str] = {}
    for name, rest in commands:
        if name not in helps:
            code, helps[name], _ = cli(capsys, name, "--help")
            assert code == 0, name
        for opt in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", rest.split("#")[0]):
            assert opt in helps[name], f"README: 'tqcheck {name}' has no option {opt}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_doc_links_resolve(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue  # a URL
        path, _, anchor = target.partition("#")
        dest = (doc.parent / path).resolve() if path else doc
        assert dest.exists(), f"{doc.name}: link to missing {target}"
        if anchor and dest.suffix == ".md":
            heads = {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-")
                     for h in re.findall(r"^#+ (.+)$", dest.read_text(encoding="utf-8"), flags=re.MULTILINE)}
            assert anchor in heads, f"{doc.name}: no heading for #{anchor} in {dest.name}"


def test_command_list_is_not_truncated(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--help")
    listing = out.split("Commands:", 1)[1]
    assert code == 0 and "..." not in listing and "e.g.\n" not in listing
