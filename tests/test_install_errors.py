"""A broken installation is one clear error, never silently different findings; a rule bug is TQ901."""
from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from tqcheck.checks.base import DocContext, Rule, run_rules
from tqcheck.cli import app
from tqcheck.errors import InternalError
from tqcheck.model import Bead, Document, Segment, Severity
from tqcheck.names import spans
from tqcheck.resources import Resources


def _doc(text: str, lang: str) -> Document:
    seg = Segment(0, text, 0, len(text), 1, 1, lang)
    return Document(path=f"x.{lang}", raw=text, lang=lang, segments=(seg,))


def _ctx() -> DocContext:
    return DocContext(_doc("Lavrov met Minh.", "en"), _doc("Lavrov gặp Minh.", "vi"),
                      (Bead((0,), (0,), 0.9),), Resources())


@pytest.fixture
def no_english_words(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    spans.english_common_words.cache_clear()
    spans._find_names.cache_clear()  # (names found before, with the list, are memoised)
    spans.is_common_word.cache_clear()
    monkeypatch.setitem(sys.modules, "english_words", None)  # import now raises ImportError
    yield
    spans.english_common_words.cache_clear()
    spans._find_names.cache_clear()
    spans.is_common_word.cache_clear()


def test_missing_word_list_is_an_error_not_an_empty_list(no_english_words: None) -> None:
    with pytest.raises(InternalError, match="english-words"):
        spans.english_common_words()


def test_missing_dependency_stops_the_cli_with_one_line_exit_3(no_english_words: None, tmp_path) -> None:  # noqa: ANN001
    src = tmp_path / "a.en.txt"
    tgt = tmp_path / "a.vi.txt"
    src.write_text("Foreign Minister Pham Binh Minh met Sergey Lavrov in Moscow on Tuesday.\n", encoding="utf-8")
    tgt.write_text("Bộ trưởng Ngoại giao Phạm Bình Minh gặp Sergey Lavrov tại Moscow hôm thứ Ba.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(src), str(tgt), "--isolated", "--no-cache"])
    assert result.exit_code == 3
    assert "english-words" in result.output
    assert "Traceback" not in result.output


def test_tqcheck_errors_raised_inside_a_rule_propagate() -> None:
    def broken(ctx):  # noqa: ANN001, ANN202
        raise InternalError("a data file is missing")
        yield  # pragma: no cover

    with pytest.raises(InternalError, match="data file"):
        run_rules([Rule("TQ999", "broken", Severity.MINOR, "document", broken)], _ctx())


def test_a_rule_bug_becomes_a_tq901_finding() -> None:
    def buggy(ctx):  # noqa: ANN001, ANN202
        raise ZeroDivisionError("oops")
        yield  # pragma: no cover

    findings = run_rules([Rule("TQ998", "buggy", Severity.MINOR, "document", buggy)], _ctx())
    assert [f.code for f in findings] == ["TQ901"]
    assert "TQ998" in findings[0].message
