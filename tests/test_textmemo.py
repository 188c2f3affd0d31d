"""tqcheck.textmemo: per-text results kept on disk between runs, recomputed when damaged or switched off."""
from __future__ import annotations

import sqlite3

import pytest

from tqcheck import textmemo


@pytest.fixture()
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TQCHECK_NO_TABLE_CACHE", raising=False)
    monkeypatch.delenv("TQCHECK_NO_TEXT_MEMO", raising=False)  # (tests/conftest.py turns it off for the suite)
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
    monkeypatch.delenv("TQCHECK_NO_TEXT_MEMO", raising=False)
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


# An invented pair with figures, dates and names, the translation with one figure changed and one name dropped;
# each run is a new process (the in-process caches above the memo must not answer).
_SCRIPT = """
import sys
import numpy as np
from tqcheck.config import Config
from tqcheck.pipeline import check_documents
from tqcheck.render import render

EN = ["The new bridge over the Lena opened on 5 March 2021.", "It cost 41 million euros, 12% more than planned.",
      "Engineers from Kraków led by Anna Nowak designed it.", "Traffic is expected to double by 2031."]
DE = ["Die neue Brücke über die Lena wurde am 5. März 2021 eröffnet.",
      "Sie kostete 47 Millionen Euro, 12 % mehr als geplant.", "Ingenieure aus Kraków haben sie entworfen.",
      "Der Verkehr soll sich bis 2031 verdoppeln."]


class SameMeaning:  # sentence i of either side gets vector i (a joined run: the mean of its sentences')
    name = "same-meaning"

    def encode(self, texts):
        out = np.zeros((len(texts), 16), np.float32)
        for r, t in enumerate(texts):
            for i, (a, b) in enumerate(zip(EN, DE)):
                if a in t or b in t:
                    out[r, i] = 1.0
            out[r] /= max(float(np.linalg.norm(out[r])), 1e-9)
        return out


src, tgt = sys.argv[1], sys.argv[2]
open(src, "w", encoding="utf-8").write(" ".join(EN) + "\\n")
open(tgt, "w", encoding="utf-8").write(" ".join(DE) + "\\n")
cfg = Config(cache=sys.argv[3] == "cache", src_lang="en", tgt_lang="de")
sys.stdout.write(render(check_documents(src, tgt, cfg, embedder=SameMeaning()), "json"))
"""


def test_a_check_reads_from_the_memo_what_it_would_compute(store, tmp_path):
    import os
    import subprocess
    import sys

    script = tmp_path / "check.py"
    script.write_text(_SCRIPT, encoding="utf-8")

    def report(cache: str = "cache", **env: str) -> str:
        run = subprocess.run([sys.executable, str(script), str(tmp_path / "en.txt"), str(tmp_path / "de.txt"), cache],
                             env={**os.environ, **env}, capture_output=True, text=True, check=True)
        return run.stdout

    computed = report(TQCHECK_NO_TEXT_MEMO="1")
    assert report("no-cache") == computed  # a check with --no-cache neither reads nor writes the memo
    assert not list(store.glob("memo-*.sqlite3"))
    filled = report()
    db = sqlite3.connect(next(store.glob("memo-*.sqlite3")))
    rows = db.execute("SELECT COUNT(*) FROM memo").fetchone()[0]
    assert rows >= 8  # (at least each sentence's numbers and names)
    read = report()
    assert db.execute("SELECT COUNT(*) FROM memo").fetchone()[0] == rows  # all read, nothing new
    db.close()
    assert computed == filled == read
    assert '"TQ201"' in computed  # (the changed figure is found: no empty case)


def test_off_computes_inside_the_block(store):
    calls: list = []
    f = _counted("test.paused", calls)
    f("v")
    with textmemo.off():
        f("v")
        with textmemo.off(False):  # (nested: still off)
            f("v")
    f("v")
    assert calls == ["v", "v", "v"]
