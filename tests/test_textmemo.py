"""tqcheck.textmemo: per-text results kept on disk between runs, recomputed when damaged or switched off."""
from __future__ import annotations

import sqlite3

import pytest

from tqcheck import textmemo


@pytest.fixture()
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TQCHECK_NO_TABLE_CACHE", raising=False)
    monkeypatch.setattr(textmemo, "_STORE", textmemo._Store())
    return tmp_path


def _counted(name: str, calls: list):
    @textmemo.persistent(name)
    def analyse(text: str, among: frozenset | str = "*") -> tuple:
        calls.append(text)
        return (text.upper(), len(text), among if isinstance(among, str) else tuple(sorted(among)))

    return analyse


def _new_process(monkeypatch) -> None:
    """What a later run sees: the written rows, no in-process state."""
    textmemo.flush()
    monkeypatch.setattr(textmemo, "_STORE", textmemo._Store())


def test_a_later_run_reads_what_an_earlier_one_wrote(store, monkeypatch):
    calls: list = []
    f = _counted("test.upper", calls)
    assert f("ein Satz", frozenset({"de", "en"})) == ("EIN SATZ", 8, ("de", "en"))
    _new_process(monkeypatch)
    assert f("ein Satz", frozenset({"en", "de"})) == ("EIN SATZ", 8, ("de", "en"))  # (set order is no key)
    assert calls == ["ein Satz"]
    assert f("ein Satz", "*") == ("EIN SATZ", 8, "*")  # other arguments, another row
    assert calls == ["ein Satz", "ein Satz"]
    assert list(store.glob("memo-*.sqlite3"))


def test_cache_clear_stops_disk_reads(store, monkeypatch):
    calls: list = []
    f = _counted("test.cleared", calls)
    f("x")
    _new_process(monkeypatch)
    f.cache_clear()  # a test patching what the function reads must see it recomputed
    f("x")
    assert calls == ["x", "x"]


def test_damaged_row_is_recomputed(store, monkeypatch):
    calls: list = []
    f = _counted("test.damaged", calls)
    f("y")
    textmemo.flush()
    db = sqlite3.connect(next(store.glob("memo-*.sqlite3")))
    db.execute("UPDATE memo SET v = ?", (b"\x80\x05garbage",))
    db.commit()
    db.close()
    monkeypatch.setattr(textmemo, "_STORE", textmemo._Store())
    assert f("y") == ("Y", 1, "*")
    assert calls == ["y", "y"]
    _new_process(monkeypatch)
    assert f("y") == ("Y", 1, "*")  # written again, whole
    assert calls == ["y", "y"]


def test_unusable_folder_only_costs_the_computation(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(blocker))
    monkeypatch.setattr(textmemo, "_STORE", textmemo._Store())
    calls: list = []
    f = _counted("test.nowhere", calls)
    assert f("z") == ("Z", 1, "*")
    _new_process(monkeypatch)
    assert f("z") == ("Z", 1, "*")
    assert calls == ["z", "z"]


def test_switched_off(store, monkeypatch):
    monkeypatch.setenv("TQCHECK_NO_TABLE_CACHE", "1")
    calls: list = []
    f = _counted("test.off", calls)
    f("w")
    _new_process(monkeypatch)
    f("w")
    assert calls == ["w", "w"]


def test_numbers_read_from_disk_equal_fresh_ones(store, monkeypatch):
    from tqcheck import numparse

    text = "On 5 March 2021 about 40% of the 1,200 workers earned $3.5 million, up from 2.1 million in 2019."
    persisted = numparse._extract_text.__wrapped__  # under the in-process cache
    fresh = persisted.__wrapped__(text, "en")  # the function itself
    first = persisted(text, "en")
    _new_process(monkeypatch)
    again = persisted(text, "en")
    assert first == again == fresh
    assert [(q.value, q.unit, q.approx, q.in_date) for q in again] == [(q.value, q.unit, q.approx, q.in_date)
                                                                       for q in fresh]


def test_only_values_and_bundled_lexicon_methods_are_keys(store, monkeypatch):
    from tqcheck.names.lexicon import Lexicon, load_lexicon

    calls: list = []

    @textmemo.persistent("test.known")
    def names(text: str, known) -> tuple:  # noqa: ANN001
        calls.append(text)
        return tuple(w for w in text.split() if known(w))

    bundled = load_lexicon("en", "vi")
    assert names("Hà Nội Paris", bundled.knows_target) == names("Hà Nội Paris", bundled.knows_target)
    _new_process(monkeypatch)
    assert names("Hà Nội Paris", load_lexicon("en", "vi").knows_target) == names("Hà Nội Paris",
                                                                                 bundled.knows_target)
    assert calls == ["Hà Nội Paris"]
    own = Lexicon([])  # made by the caller: no key, computed on every call
    names("Hà Nội", own.knows_target)
    names("Hà Nội", own.knows_target)
    assert calls == ["Hà Nội Paris", "Hà Nội", "Hà Nội"]
