from __future__ import annotations

from tqcheck import memo
from tqcheck.memo import text_cache


def test_sentences_are_cached_and_documents_only_a_few() -> None:
    calls: list[str] = []

    @text_cache(maxsize=100, long_maxsize=2)
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    short = "a sentence"
    docs = [str(i) * (memo.LONG + 1) for i in range(4)]
    assert [length(short), length(short)] == [10, 10]
    assert calls == [short]  # computed once
    for d in docs:
        assert length(d) == len(d)
    assert length(docs[3]) == len(docs[3]) and len(calls) == 5  # the last document is still cached
    assert length(docs[0]) == len(docs[0]) and len(calls) == 6  # the first one was let go: only 2 are kept
    assert length.cache_info().currsize == 1  # documents never enter the sentence cache
    length.cache_clear()
    length(short)
    assert len(calls) == 7


def test_keyword_strings_count_towards_the_size() -> None:
    @text_cache(maxsize=10, long_maxsize=1)
    def both(name: str, text: str = "") -> str:
        return name + text

    both("x", text="y" * (memo.LONG + 5))
    assert both.cache_info().currsize == 0
