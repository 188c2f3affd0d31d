"""langdetect's profiles for every language come from a table kept on disk: the same numbers, the same answers."""
from __future__ import annotations

import time

import pytest

from tqcheck import langid

pytest.importorskip("langdetect")

TEXTS = [
    "The committee will meet again next spring to review the budget for the new library.",
    "Der Ausschuss trifft sich im nächsten Frühjahr wieder, um den Haushalt zu prüfen.",
    "Le comité se réunira au printemps prochain pour examiner le budget de la bibliothèque.",
    "Ủy ban sẽ họp lại vào mùa xuân tới để xem xét ngân sách cho thư viện mới.",
    "委员会将于明年春天再次开会，审查新图书馆的预算。",
]


@pytest.fixture()
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TQCHECK_NO_TABLE_CACHE", raising=False)
    langid._factory.cache_clear()
    langid._probs.cache_clear()
    yield tmp_path
    langid._factory.cache_clear()
    langid._probs.cache_clear()


def _plain_probs(text: str) -> list[tuple[str, float]]:
    det = langid._parse_profiles().create()
    det.append(text)
    return [(p.lang, p.prob) for p in det.get_probabilities()]


def test_table_holds_langdetects_own_numbers(fresh):
    table = langid._factory().word_lang_prob_map
    plain = langid._parse_profiles().word_lang_prob_map
    assert len(table) == len(plain)
    for word in list(plain)[::97]:
        assert table[word] == plain[word]
    assert "no such n-gram \u2603" not in table
    assert list(fresh.glob("table-langdetect-profiles-*.pickle"))


def test_detection_is_unchanged(fresh):
    for text in TEXTS:
        got = langid._factory().create()
        got.append(text)
        assert [(p.lang, p.prob) for p in got.get_probabilities()] == _plain_probs(text)


def test_second_load_reads_the_table(fresh):
    langid._factory()  # builds and stores the table
    langid._factory.cache_clear()
    t0 = time.process_time()
    langid._factory()
    cached = time.process_time() - t0
    t0 = time.process_time()
    langid._parse_profiles()
    parsed = time.process_time() - t0
    assert cached < parsed / 3
