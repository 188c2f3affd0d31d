"""The command line: exit codes, one-line errors, the gate, configuration, outputs, baselines, folders,
and the GitHub Action / pre-commit entry points run the way they are run for real."""
from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from reportkit import ROOT, SEED_SRC, SEED_TGT, build_report, iwslt_dir, small_report, write_talk

from tqcheck.cli import app, run

SRC, TGT = str(ROOT / SEED_SRC), str(ROOT / SEED_TGT)
needs_iwslt = pytest.mark.skipif(iwslt_dir() is None, reason="needs shared/data/iwslt15-en-vi-ted")


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty folder so no configuration file of the checkout applies."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TQCHECK_DEBUG", raising=False)


@pytest.fixture(scope="module")
def talk(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    if iwslt_dir() is None:
        pytest.skip("needs shared/data/iwslt15-en-vi-ted")
    en, vi = write_talk(tmp_path_factory.mktemp("talk"))
    return str(en), str(vi)


# --- the gate -------------------------------------------------------------------------------------------


def test_seed_pair_fails_the_default_gate(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "check", SRC, TGT, "--format", "json", "--fail-on", "critical")
    assert code == 1, err
    d = json.loads(out)
    assert d["summary"]["by_severity"]["critical"] >= 1
    assert d["summary"]["gate"] == {"fail_on": "critical", "min_score": None, "failed": True}
    assert err == ""


def test_fail_on_never_and_min_score(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "check", SRC, TGT, "--fail-on", "never", "--format", "json")
    assert code == 0
    score = json.loads(out)["summary"]["quality_score"]
    assert cli(capsys, "check", SRC, TGT, "--fail-on", "never", "--min-score", str(score + 0.5))[0] == 1
    assert cli(capsys, "check", SRC, TGT, "--fail-on", "never", "--min-score", str(max(0, score - 0.5)))[0] == 0


def test_gate_on_a_built_report() -> None:
    r = small_report()  # one critical, one major, one minor finding
    assert r.fails("critical") and r.fails("major") and r.fails("minor") and not r.fails("never")
    minor = build_report(r.source, r.target, [f for f in r.findings if f.severity.value == "minor"])
    score = minor.summary["quality_score"]
    assert 0 < score < 100  # one minor finding costs some points: both sides of the floor below are reachable
    assert minor.fails("never", min_score=score + 0.1) and not minor.fails("never", min_score=score)


@needs_iwslt
def test_clean_human_translation_passes(capsys: pytest.CaptureFixture[str], talk: tuple[str, str]) -> None:
    code, out, err = cli(capsys, "check", *talk, "--format", "json")
    assert code == 0, err
    d = json.loads(out)
    assert d["summary"]["by_severity"]["critical"] == 0 and d["summary"]["gate"]["failed"] is False
    assert (d["source"]["lang"], d["target"]["lang"]) == ("en", "vi")


# --- errors: one line, right code -----------------------------------------------------------------------


def _bad_files(tmp: Path) -> dict[str, Path]:
    (tmp / "empty.txt").write_text("", encoding="utf-8")
    (tmp / "blank.txt").write_text("  \n\n", encoding="utf-8")
    (tmp / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp / "latin1.txt").write_bytes("Bộ trưởng".encode("utf-8")[:3] + b"\xe9t\xe9 ok.\n")
    return {p.stem: p for p in tmp.iterdir() if p.suffix == ".txt"}


@pytest.mark.parametrize("name, needle", [
    ("missing", "no such file"),
    ("empty", "empty"),
    ("blank", "empty"),
    ("binary", "binary"),
    ("latin1", "not valid UTF-8"),
])
def test_bad_input_files_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str,
                                              needle: str) -> None:
    files = _bad_files(tmp_path)
    bad = str(files.get(name, tmp_path / "missing.txt"))
    code, out, err = cli(capsys, "check", SRC, bad)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("tqcheck: error: ") and needle in err
    assert "Traceback" not in err and out == ""


@pytest.mark.parametrize("args, needle", [
    (["check", SRC, TGT, "--bogus"], "No such option: --bogus"),
    (["check", SRC, TGT, "--fail-on", "fatal"], "fail-on must be one of critical, major, minor, never"),
    (["check", SRC, TGT, "--format", "xml"], "Invalid value for '--format'"),
    (["check", SRC, TGT, "--min-score", "abc"], "Invalid value for '--min-score'"),
    (["check", SRC, TGT, "--severity", "TQ101=fatal"], "--severity takes CODE=critical|major|minor"),
    (["check", SRC, TGT, "--save", "pdf=x.pdf"], "--save takes FORMAT=FILE"),
    (["check", SRC, TGT, "--accept", "zzz"], "--accept takes a finding fingerprint"),
    (["check", SRC, TGT, "--baseline", "nope.json"], "no such baseline file"),
    (["check", SRC], "give SRC and TGT"),
    (["check"], "Missing argument"),
    (["explain", "TQ999"], "unknown rule code"),
    (["frobnicate"], "No such command"),
])
def test_usage_errors_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], args: list[str],
                                           needle: str) -> None:
    code, out, err = cli(capsys, *args)
    assert code == 2, err
    assert out == "" and err.count("\n") == 1 and needle in err and "Traceback" not in err


def test_malformed_config_and_glossary_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "tqcheck.toml").write_text("fail_on = [\n", encoding="utf-8")
    code, _, err = cli(capsys, "check", SRC, TGT)
    assert code == 2 and "tqcheck.toml: invalid TOML" in err and err.count("\n") == 1
    (tmp_path / "tqcheck.toml").write_text("fial_on = \"major\"\n", encoding="utf-8")
    code, _, err = cli(capsys, "check", SRC, TGT)
    assert code == 2 and "unknown key 'fial_on'" in err
    code, _, err = cli(capsys, "check", SRC, TGT, "--isolated", "--glossary", str(tmp_path / "none.csv"))
    assert code == 2 and err.count("\n") == 1 and "none.csv" in err


def test_internal_error_exits_3_and_debug_shows_traceback(capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import tqcheck.pipeline

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(tqcheck.pipeline, "check_documents", boom)
    code, _, err = cli(capsys, "check", SRC, TGT)
    assert code == 3 and err == "tqcheck: internal error: RuntimeError: kaboom (rerun with --debug)\n"
    code, _, err = cli(capsys, "--debug", "check", SRC, TGT)
    assert code == 3 and "Traceback" in err and "kaboom" in err


# --- configuration and flags ----------------------------------------------------------------------------


def test_config_file_sets_the_gate_and_flags_override_it(capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.tqcheck]\nfail-on = \"never\"\n", encoding="utf-8")
    assert cli(capsys, "check", SRC, TGT)[0] == 0
    assert cli(capsys, "check", SRC, TGT, "--fail-on", "critical")[0] == 1
    assert cli(capsys, "check", SRC, TGT, "--isolated")[0] == 1


def test_select_ignore_and_severity_overrides(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "check", SRC, TGT, "--format", "json", "--fail-on", "never")
    base = json.loads(out)
    crit = [f["code"] for f in base["findings"] if f["severity"] == "critical"]
    assert crit
    # demote every critical rule: the default gate passes
    flags = [x for c in sorted(set(crit)) for x in ("--severity", f"{c}=minor")]
    code, out, _ = cli(capsys, "check", SRC, TGT, "--format", "json", *flags)
    d = json.loads(out)
    assert code == 0 and d["summary"]["by_severity"]["critical"] == 0
    # ignore a family: its codes disappear from the rules that ran and from the findings
    fam = crit[0][:3]
    code, out, _ = cli(capsys, "check", SRC, TGT, "--format", "json", "--ignore", fam, "--fail-on", "never")
    d = json.loads(out)
    assert not any(c.startswith(fam) for c in d["tool"]["rules"].split(","))
    assert not any(f["code"].startswith(fam) for f in d["findings"])


# --- outputs ----------------------------------------------------------------------------------------------


def test_one_run_writes_several_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = cli(capsys, "check", SRC, TGT, "--format", "sarif", "-o", "r.sarif", "--save", "junit=r.xml",
                       "--save", "json=r.json", "--save", "github=r.txt", "--html", "r.html")
    assert code == 1 and out == ""
    sarif = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    junit = ET.parse(tmp_path / "r.xml").getroot()
    gh = (tmp_path / "r.txt").read_text(encoding="utf-8").splitlines()
    n = len(report["findings"])
    assert len(sarif["runs"][0]["results"]) == n == len(gh)
    assert int(junit.get("failures")) == len({f["code"] for f in report["findings"]})
    assert (tmp_path / "r.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_help_teaches_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert {"check", "pair", "precommit", "rules", "explain", "align"} <= set(names)
    for name in names:
        code, out, _ = cli(capsys, name, "--help")
        assert code == 0 and "Example" in out, name
    code, out, _ = cli(capsys, "--help")
    assert code == 0 and "Exit codes" in out and "tqcheck check" in out
    assert isinstance(app, typer.Typer)


def test_rules_lists_every_registered_code(capsys: pytest.CaptureFixture[str]) -> None:
    from tqcheck.checks import all_rules

    code, out, _ = cli(capsys, "rules")
    assert code == 0
    # a rule's declared options follow on an indented line of their own
    assert [line.split()[0] for line in out.splitlines() if not line[:1].isspace()] == list(all_rules())


# --- baselines ----------------------------------------------------------------------------------------------


def test_write_baseline_then_only_new_findings_fail(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = cli(capsys, "check", SRC, TGT, "--write-baseline", "base.json", "--format", "json")
    assert code == 0 and "wrote" in err  # everything is accepted now
    code, out, _ = cli(capsys, "check", SRC, TGT, "--baseline", "base.json", "--format", "json")
    d = json.loads(out)
    assert code == 0 and d["findings"] == [] and d["suppressed"]
    assert {s["suppressed_by"] for s in d["suppressed"]} == {"baseline"}
    # drop the critical entries from the baseline: those findings are "new" again and fail the build
    base = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    base["findings"] = [e for e in base["findings"] if e["severity"] != "critical"]
    (tmp_path / "base.json").write_text(json.dumps(base), encoding="utf-8")
    code, out, _ = cli(capsys, "check", SRC, TGT, "--baseline", "base.json", "--format", "json")
    d = json.loads(out)
    assert code == 1 and {f["severity"] for f in d["findings"]} == {"critical"}
    # accepting them one by one, with a reason, passes again; they are reported as suppressed
    accepts = [x for f in d["findings"] for x in ("--accept", f"{f['fingerprint']}=agreed with the client")]
    code, out, _ = cli(capsys, "check", SRC, TGT, "--baseline", "base.json", "--format", "json", *accepts)
    d = json.loads(out)
    assert code == 0
    assert {s["reason"] for s in d["suppressed"] if s["suppressed_by"] == "accept"} == {"agreed with the client"}


# --- folders ------------------------------------------------------------------------------------------------


def test_folder_check_pairs_003_with_000_and_writes_html_pages(capsys: pytest.CaptureFixture[str],
                                                               tmp_path: Path) -> None:
    code, out, _ = cli(capsys, "check", str(ROOT / "corpora"), "--format", "json", "--html", "pages")
    assert code == 1
    d = json.loads(out)
    assert [(Path(p["source"]["path"]).name[:3], Path(p["target"]["path"]).name[:3]) for p in d["pairs"]] == \
        [("000", "003")]
    assert sorted(Path(u["path"]).name[:3] for u in d["unpaired"]) == ["001", "002", "004"]
    assert d["pairs"][0]["pairing"]["confidence"] > 0
    pages = sorted(p.name for p in (tmp_path / "pages").iterdir())
    assert pages == ["003_8cf2e5f9d09ebff1.html", "index.html"]
    assert "003_8cf2e5f9d09ebff1.html" in (tmp_path / "pages" / "index.html").read_text(encoding="utf-8")


def test_folder_without_pairs_is_an_error_unless_allowed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for name in ("001_b1be4665d4e448ab.txt", "002_0a97e7274691d4f9.txt"):
        shutil.copy(ROOT / "corpora" / name, tmp_path)
    code, out, err = cli(capsys, "check", str(tmp_path), "--format", "json")
    assert code == 2 and out == "" and "no translation pairs" in err and err.count("\n") == 1
    code, out, err = cli(capsys, "check", str(tmp_path), "--format", "json", "--allow-empty")
    assert code == 0 and json.loads(out)["pairs"] == [] and "no translation pairs" in err


# --- integrations, run as they run for real -----------------------------------------------------------------


def _tqcheck_exe() -> str:
    exe = Path(sys.executable).parent / "tqcheck"
    return str(exe) if exe.exists() else shutil.which("tqcheck") or "tqcheck"


def _hook_entry() -> list[str]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "tqcheck")
    assert hook["language"] == "python" and hook["pass_filenames"] is True
    argv = shlex.split(hook["entry"])
    assert argv[0] == "tqcheck"
    return [_tqcheck_exe(), *argv[1:]]


def test_pre_commit_hook_entry_on_changed_files(tmp_path: Path) -> None:
    """What pre-commit does: run the entry with the changed files as arguments, in the repository root."""
    repo = tmp_path / "repo"
    (repo / "news").mkdir(parents=True)
    for name in ("000_74d1bcbf21ade748.txt", "003_8cf2e5f9d09ebff1.txt", "001_b1be4665d4e448ab.txt"):
        shutil.copy(ROOT / "corpora" / name, repo / "news")
    env = {**os.environ, "TQCHECK_DEBUG": "0"}
    # only the translation changed: the hook finds its source beside it and refuses the commit
    res = subprocess.run([*_hook_entry(), "news/003_8cf2e5f9d09ebff1.txt"], cwd=repo, capture_output=True,
                         text=True, env=env, timeout=300)
    assert res.returncode == 1, res.stderr
    assert "003_8cf2e5f9d09ebff1.txt" in res.stdout and "failed the gate" in res.stdout
    # a change to an article with no translation: nothing to check, the commit goes through
    res = subprocess.run([*_hook_entry(), "news/001_b1be4665d4e448ab.txt"], cwd=repo, capture_output=True,
                         text=True, env=env, timeout=300)
    assert res.returncode == 0, res.stderr
    # the configuration applies to the hook too
    (repo / "tqcheck.toml").write_text("fail_on = \"never\"\n", encoding="utf-8")
    res = subprocess.run([*_hook_entry(), "news/003_8cf2e5f9d09ebff1.txt"], cwd=repo, capture_output=True,
                         text=True, env=env, timeout=300)
    assert res.returncode == 0, res.stderr


def test_github_action_is_valid_and_its_run_step_works(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    vendor = pytest.importorskip("check_jsonschema.builtin_schemas.vendor")
    from importlib import resources

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    schema = json.loads(resources.files(vendor).joinpath("github-actions.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(action)
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert any(s.get("uses", "").startswith("actions/setup-python") for s in steps)
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    step = next(s for s in steps if s.get("id") == "run")
    # run the step's script as the runner would, with the inputs' defaults and tqcheck on PATH
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    out_file = tmp_path / "github_output"
    env = {**os.environ, "PATH": f"{Path(_tqcheck_exe()).parent}{os.pathsep}{os.environ['PATH']}",
           "GITHUB_OUTPUT": str(out_file), "TQ_PATHS": f"{SRC} {TGT}", "TQ_FAIL_ON": inputs["fail-on"],
           "TQ_MIN_SCORE": "", "TQ_BASELINE": "", "TQ_ARGS": "--isolated", "TQ_SARIF": inputs["sarif-file"],
           "TQ_HTML": ""}
    for k, v in step.get("env", {}).items():
        assert k in env, f"the test does not set {k}"
    res = subprocess.run(["bash", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    assert "exit-code=1" in out_file.read_text()
    assert res.stdout.startswith("::") and "title=tqcheck TQ" in res.stdout
    sarif = json.loads((tmp_path / inputs["sarif-file"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
