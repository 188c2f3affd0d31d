"""Era years without PyICU (the optional ``icu`` extra): read as a year of unknown value, never a finding above
minor. With PyICU they are converted (tests/test_lang_numbers.py)."""
from __future__ import annotations

import pytest

from tqcheck import numparse
from tqcheck.config import Config
from tqcheck.lang import cldr
from tqcheck.pipeline import check_documents


@pytest.fixture
def no_icu(monkeypatch):
    monkeypatch.setattr(cldr, "calendar_eras", lambda code: {})
    numparse._era_re.cache_clear()
    numparse.extract.cache_clear() if hasattr(numparse.extract, "cache_clear") else None
    yield
    numparse._era_re.cache_clear()
    numparse.extract.cache_clear()


def test_an_era_year_is_a_year_of_unknown_value(no_icu):
    qs = [q for q in numparse.extract("令和3年に新しい橋が完成した。", "ja")]
    assert [(q.kind, q.keys, q.soft) for q in qs] == [("year", frozenset(), True)]
    assert not [q for q in numparse.extract("民國10年，新橋完工。", "zh") if q.keys]


def test_the_year_the_translation_writes_is_minor_at_most(no_icu, tmp_path):
    (tmp_path / "ja.txt").write_text("令和3年に新しい橋が完成した。橋の長さは300メートルだ。多くの人が訪れた。\n")
    (tmp_path / "en.txt").write_text("The new bridge was completed in 2021. The bridge is 300 metres long. "
                                     "Many people visited it.\n")
    rep = check_documents(str(tmp_path / "ja.txt"), str(tmp_path / "en.txt"),
                          Config().merged(src_lang="ja", tgt_lang="en"))
    assert [f.severity.value for f in rep.findings if f.code.startswith("TQ2")] in ([], ["minor"])
    # a figure that really differs is still found
    (tmp_path / "en.txt").write_text("The new bridge was completed in 2021. The bridge is 900 metres long. "
                                     "Many people visited it.\n")
    rep = check_documents(str(tmp_path / "ja.txt"), str(tmp_path / "en.txt"),
                          Config().merged(src_lang="ja", tgt_lang="en"))
    assert any(f.code == "TQ201" and f.severity.value == "critical" for f in rep.findings)
