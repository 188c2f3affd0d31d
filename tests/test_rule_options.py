"""Rule options: declared with defaults where a rule is written, overridable in [tool.tqcheck], validated."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcheck.checks import DocContext, all_rules, check_options, rule, run_rules
from tqcheck.checks.base import _RULES, Hit
from tqcheck.cli import app, run
from tqcheck.config import load_config
from tqcheck.errors import ConfigError
from tqcheck.model import Document, Segment, Severity


def _doc(text: str, lang: str) -> Document:
    return Document(path=f"<{lang}>", raw=text, lang=lang, segments=(Segment(0, text, 0, len(text), 1, 1, lang),))


@pytest.fixture()
def probe_rule():
    """A throw-away rule with two options that reports the values it reads."""

    @rule("TQ999", "option-probe", Severity.MINOR, scope="document", options={"limit": 0.5, "mode": "loose"})
    def probe(ctx: DocContext):
        """Probe.

        What: x. Why: x. Example: x. Fix: x.
        """
        yield Hit("target", 0, 0, 1, f"limit={ctx.option('limit')!r} mode={ctx.option('mode')}")

    yield _RULES["TQ999"]
    del _RULES["TQ999"]


def _run(r, options):  # noqa: ANN001, ANN202
    ctx = DocContext(_doc("Hello.", "en"), _doc("Xin chào.", "vi"), (), None,
                     options=check_options(options, {r.code: r}))
    return [f.message for f in run_rules([r], ctx)]


def test_defaults_are_read_where_the_rule_declares_them(probe_rule) -> None:  # noqa: ANN001
    assert _run(probe_rule, {}) == ["limit=0.5 mode=loose"]


def test_user_options_override_and_an_int_is_accepted_for_a_float(probe_rule) -> None:  # noqa: ANN001
    assert _run(probe_rule, {"tq999": {"limit": 2, "mode": "strict"}}) == ["limit=2.0 mode=strict"]


@pytest.mark.parametrize(("options", "message"), [
    ({"TQ998": {"limit": 1.0}}, "unknown rule code"),
    ({"TQ999": {"limt": 1.0}}, "has no option 'limt' (its options: limit, mode)"),
    ({"TQ999": {"limit": "high"}}, "TQ999.limit must be float"),
    ({"TQ999": {"mode": True}}, "TQ999.mode must be str"),
    ({"TQ999": 3}, "must be a table"),
])
def test_bad_options_are_config_errors(probe_rule, options, message) -> None:  # noqa: ANN001
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_options(options, {probe_rule.code: probe_rule})


def test_an_undeclared_option_read_by_a_rule_is_a_bug_not_a_silent_default(probe_rule) -> None:  # noqa: ANN001
    ctx = DocContext(_doc("a", "en"), _doc("b", "vi"), (), None)
    with pytest.raises(KeyError):
        ctx.option("nope", "TQ999")


def test_config_file_options_are_validated_against_the_registry(tmp_path: Path) -> None:
    (tmp_path / "tqcheck.toml").write_text("options = { TQ801 = { z = -4 } }\n", encoding="utf-8")
    assert load_config(start=str(tmp_path)).options == {"TQ801": {"z": -4}}
    (tmp_path / "tqcheck.toml").write_text("options = { TQ801 = { zz = -4 } }\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="TQ801 has no option 'zz'"):
        load_config(start=str(tmp_path))


def test_cli_refuses_a_misspelt_option_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "t.toml"
    cfg.write_text('options = { TQ801 = { z = "low" } }\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Hello world.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Xin chào thế giới.\n", encoding="utf-8")
    code = run(["check", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--config", str(cfg), "--no-cache"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "TQ801.z must be float" in err


def test_rules_and_explain_list_the_options() -> None:
    r = all_rules()["TQ801"]
    assert r.options["z"] < 0
    listing = CliRunner().invoke(app, ["rules"]).output
    assert "options: min_beads=6, z=-3.0" in listing
    explained = CliRunner().invoke(app, ["explain", "TQ801"]).output
    assert "| `z` | `-3.0` |" in explained


def test_tq901_is_registered_and_explained_but_never_run() -> None:
    from tqcheck.checks import select

    result = CliRunner().invoke(app, ["explain", "TQ901"])
    assert result.exit_code == 0 and "## TQ901 rule-crashed" in result.output
    assert "TQ901" not in [r.code for r in select()]
