"""Meta-tests that keep the rule registry, the case files and docs/rules.md in step (sqlite-utils test_docs.py)."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tqcheck.checks import all_rules
from tqcheck.checks.base import DOC_SECTIONS
from tqcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = Path(__file__).parent / "cases"
RULES = all_rules()


def _cases_by_code() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        codes = data.get("rule")
        for code in [codes] if isinstance(codes, str) else codes or []:
            out.setdefault(code, []).extend(c.get("name", "") for c in data.get("cases") or [])
    return out


CASES = _cases_by_code()


def test_registry_is_not_empty() -> None:
    assert RULES, "no rules registered"


@pytest.mark.parametrize("code", sorted(RULES))
def test_code_format(code: str) -> None:
    assert re.fullmatch(r"TQ\d{3}", code)
    assert RULES[code].code == code
    assert RULES[code].scope in ("bead", "document", "internal")


def test_codes_and_aliases_unique() -> None:
    names = Counter(r.name for r in RULES.values())
    assert [n for n, k in names.items() if k > 1] == []
    aliases = [a for r in RULES.values() for a in r.aliases]
    assert len(aliases) == len(set(aliases))
    assert not set(aliases) & set(RULES), "an alias reuses a live code"


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_has_pass_and_fail_cases(code: str) -> None:
    if RULES[code].scope == "internal":
        pytest.skip(f"{code} is emitted by the runner (a crashing rule), not by text: tests/test_hostile.py")
    names = CASES.get(code, [])
    assert any(n.startswith("pass_") for n in names), f"{code}: no pass_ case in tests/rules/cases"
    assert any(n.startswith("fail_") for n in names), f"{code}: no fail_ case in tests/rules/cases"


def test_case_names_are_well_formed() -> None:
    for code, names in CASES.items():
        assert code in RULES, f"case file for unregistered rule {code}"
        assert all(n.startswith(("pass_", "fail_")) for n in names), f"{code}: case names start pass_/fail_"
        assert len(names) == len(set(names)), f"{code}: duplicate case names"


@pytest.mark.parametrize("code", sorted(RULES))
def test_docstring_sections(code: str) -> None:
    r = RULES[code]
    sections = r.sections()
    for head in DOC_SECTIONS:
        assert sections.get(head), f"{code}: docstring lacks a non-empty {head}: section"
    assert r.summary and not r.summary.startswith(DOC_SECTIONS), f"{code}: docstring needs a summary line first"


def test_docs_rules_md_is_current() -> None:
    result = CliRunner().invoke(app, ["rules", "--format", "md"], catch_exceptions=False)
    assert result.exit_code == 0
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert docs == result.output, "docs/rules.md is stale: run `tqcheck rules --format md > docs/rules.md`"
    for code in RULES:
        assert f"## {code} " in docs
