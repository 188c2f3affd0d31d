"""tqcheck.names.freq: wordfreq's Zipf frequencies from an on-disk index are wordfreq's own numbers."""
from __future__ import annotations

import pytest

wordfreq = pytest.importorskip("wordfreq")

from tqcheck.names import freq  # noqa: E402

WORDS = ["the", "harbour", "Thornwick", "zzqxv", "2019", "COVID-19", "don't", "", "heimili", "Reykjavík", "veður",
         "Blöndudalur", "ferry", "Ferry"]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path):  # noqa: ANN001, ANN201
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(freq, "_MAPS", {})
    wordfreq._wf_cache.clear()
    yield tmp_path
    wordfreq._wf_cache.clear()


def _expected(words: list[str], langs: tuple[str, ...]) -> dict:
    """wordfreq's answers from its own dict (wordfreq's get_frequency_dict standing in for the index)."""
    freq._install()
    for lang in langs:
        freq._MAPS[(lang, "best")] = freq._ORIGINAL(lang)
    out = {(w, lang): wordfreq.zipf_frequency(w, lang) for lang in langs for w in words}
    freq._MAPS.clear()
    wordfreq._wf_cache.clear()
    return out


def test_indexed_frequencies_are_wordfreqs(fresh) -> None:  # noqa: ANN001
    want = _expected(WORDS, ("en", "is"))
    got = {(w, lang): freq.zipf_frequency(w, lang) for (w, lang) in want}
    assert got == want
    assert isinstance(freq._MAPS[("en", "best")], freq._Indexed)  # answered from the index, not a dict
    assert list(fresh.glob("table-wordfreq-*.sqlite3"))
    assert want[("the", "en")] > 7 and want[("zzqxv", "en")] == 0.0


def test_index_is_reused_by_a_later_run(fresh) -> None:  # noqa: ANN001
    first = freq.zipf_frequency("harbour", "en")
    files = sorted(fresh.glob("table-wordfreq-*.sqlite3"))
    freq._MAPS.clear()
    wordfreq._wf_cache.clear()
    assert freq.zipf_frequency("harbour", "en") == first
    assert sorted(fresh.glob("table-wordfreq-*.sqlite3")) == files


def test_an_unknown_language_raises_as_wordfreq_does(fresh) -> None:  # noqa: ANN001
    with pytest.raises(LookupError):
        wordfreq.zipf_frequency("word", "xx-unknown")
    with pytest.raises(LookupError):
        freq.zipf_frequency("word", "xx-unknown")


def test_a_language_without_a_list_of_its_own_raises_instead_of_a_neighbours_answer(
        fresh, caplog: pytest.LogCaptureFixture) -> None:  # noqa: ANN001
    # wordfreq answers Kazakh and Azerbaijani from its Russian list (and logs a warning); tqcheck wants no answer
    for lang in ("kk", "az"):
        with pytest.raises(LookupError):
            freq.zipf_frequency("word", lang)
    assert not [r for r in caplog.records if r.name.startswith("wordfreq")]
    # ... while a code of the same language keeps its list: Croatian and Serbian are wordfreq's "sh"
    assert freq.zipf_frequency("grad", "hr") == freq.zipf_frequency("grad", "sh") > 3


def test_a_damaged_index_falls_back_to_wordfreqs_dict(fresh) -> None:  # noqa: ANN001
    value = freq.zipf_frequency("ferry", "en")
    for f in fresh.glob("table-wordfreq-*.sqlite3"):
        f.write_bytes(b"not a database")
    freq._MAPS.clear()
    wordfreq._wf_cache.clear()
    assert freq.zipf_frequency("ferry", "en") == value
    assert isinstance(freq._MAPS[("en", "best")], dict)


@pytest.mark.parametrize(("word", "shared"), [("benjamin", True), ("barcelona", True), ("mason", True),
                                              ("house", False), ("mount", False), ("waters", False)])
def test_a_name_listed_as_an_english_word_is_written_as_often_in_other_languages(word: str, shared: bool) -> None:
    # (session 14) web2 lists benjamin, barcelona and mason as words; wordfreq shows they are names
    from tqcheck.checks.names import _shared_word

    assert _shared_word(word) is shared


@pytest.mark.parametrize(("word", "local"), [
    ("Dekrets", True),  # Dekret, inflected
    ("Freitagnachmittag", True),  # Freitag + Nachmittag
    ("Haushaltsplan", True),
    ("Merkel", False),  # a name French and English write too
    ("Rosenberg", False),
    ("Wolfsburg", False),
])
def test_an_inflected_or_compound_german_noun_is_a_local_noun(word: str, local: bool) -> None:
    from tqcheck.checks.names import _local_noun

    assert _local_noun(word, "de", "fr") is local


def test_top_words_are_function_words_not_persons() -> None:
    from tqcheck.checks.names import _top_word

    assert _top_word("Pokud", "cs") and _top_word("Þetta", "is") and _top_word("Podle", "cs")
    assert not _top_word("Novák", "cs") and not _top_word("Jón", "is") and not _top_word("Путин", "ru")
    assert not _top_word("Pokud", "xx")  # a language wordfreq has no list for: nothing is frequent
