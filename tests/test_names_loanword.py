"""English words as Japanese loanwords in katakana (tqcheck.names.loanword, e2k of the ``ja`` extra)."""
from __future__ import annotations

import pytest

from tqcheck.names import loanword

pytest.importorskip("e2k")


def test_an_english_word_is_written_as_its_loanword() -> None:
    assert loanword.katakana("interview") == "インタビュー"
    assert loanword.katakana("Virus") == "ウイルス"  # (case and marks ignored)
    assert loanword.katakana("2020") is None


def test_a_loanword_is_alike_and_a_chance_likeness_of_letters_is_not() -> None:
    assert loanword.loan_alike("interview", "インタビュー") == 1.0
    assert loanword.loan_alike("ended", "イリンデン") < 0.5  # (letters alone: 0.5)


def test_without_e2k_there_is_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loanword, "_model", lambda: None)
    loanword.katakana.cache_clear()
    try:
        assert not loanword.available()
        assert loanword.katakana("interview") is None and loanword.loan_alike("interview", "インタビュー") is None
    finally:
        loanword.katakana.cache_clear()
