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
import os
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


if os.environ.get("SAME_MEANING_ID"):  # vectors named by a cache id: the alignment and the findings are kept too
    SameMeaning.cache_id = os.environ["SAME_MEANING_ID"]
import tqcheck.pipeline as pipeline
real_rules = pipeline.run_rules


def counted_rules(rules, ctx):
    sys.stderr.write("rules ran\\n")
    return real_rules(rules, ctx)


pipeline.run_rules = counted_rules
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


# --- the bound, damaged and locked databases, several processes ---------------------------------------------

def _memo_file(folder):
    return next(p for p in folder.glob("memo-*.sqlite3"))


def test_memo_stays_under_its_bound_evicting_the_rows_used_longest_ago(store, monkeypatch):
    monkeypatch.setenv("TQCHECK_TEXT_MEMO_MB", "0.25")  # 256 KiB
    clock = [1_000_000]
    monkeypatch.setattr(textmemo, "_now", lambda: clock[0])
    calls: list = []

    @textmemo.persistent("test.bulky")
    def bulky(text: str) -> str:
        calls.append(text)
        return text * 400  # about 2-3 kB a row

    kept, old = [f"kept {i}" for i in range(10)], [f"old {i}" for i in range(30)]
    for t in kept:
        bulky(t)
    for i in range(0, 30, 10):  # three checks, one after the other (a check's rows share their time)
        clock[0] += 10
        for t in old[i:i + 10]:
            bulky(t)
        _new_process(monkeypatch)
    clock[0] += 2 * textmemo.TOUCH_AFTER
    for t in kept:  # read again later: these are used more recently than the 'old' rows
        assert bulky(t) == t * 400
    textmemo.flush()
    db = sqlite3.connect(_memo_file(store))
    rows = [db.execute("SELECT COUNT(*) FROM memo").fetchone()[0]]
    n = 0
    while rows[-1] >= rows[0] and n < 100:  # later checks write more, until one of them evicts
        clock[0] += 10
        for i in range(5):
            bulky(f"new {n} {i}")
        _new_process(monkeypatch)
        rows.append(db.execute("SELECT COUNT(*) FROM memo").fetchone()[0])
        n += 1
    assert n < 100 and textmemo._used(db) <= textmemo.max_bytes()
    assert textmemo._used(db) <= textmemo.max_bytes() * 3 // 4 + 8192  # (down to three quarters)
    db.close()
    calls.clear()
    for t in kept + [f"new {n - 1} {i}" for i in range(5)]:
        bulky(t)
    assert calls == []  # still there: read (or written) after the 'old' rows were written
    for t in old:
        bulky(t)
    assert calls and calls == old[:len(calls)] and len(calls) % 10 == 0  # the oldest checks' rows, whole: evicted


def test_memo_bound_setting(monkeypatch):
    monkeypatch.delenv("TQCHECK_TEXT_MEMO_MB", raising=False)
    assert textmemo.max_bytes() == textmemo.MAX_MB * 1024 * 1024
    monkeypatch.setenv("TQCHECK_TEXT_MEMO_MB", "64")
    assert textmemo.max_bytes() == 64 * 1024 * 1024
    for bad in ("0", "-3", "lots"):
        monkeypatch.setenv("TQCHECK_TEXT_MEMO_MB", bad)
        assert textmemo.max_bytes() == textmemo.MAX_MB * 1024 * 1024


def test_damaged_database_is_computed_around_and_replaced(store, monkeypatch):
    calls: list = []
    f = _counted("test.corrupt", calls)
    f("a")
    _new_process(monkeypatch)
    path = _memo_file(store)
    for extra in store.glob("memo-*.sqlite3-*"):
        extra.unlink()
    path.write_bytes(b"this is no sqlite database, only text where one should be" * 100)
    assert f("a") == ("A", 1, "*")  # no error: computed
    assert not path.exists()  # and the damaged file is gone
    _new_process(monkeypatch)
    assert f("a") == ("A", 1, "*")
    _new_process(monkeypatch)
    assert f("a") == ("A", 1, "*")
    assert calls == ["a", "a", "a"]  # (the third from the new database the second run wrote)


def test_locked_database_neither_fails_nor_waits_long(store, monkeypatch):
    import time

    calls: list = []
    f = _counted("test.locked", calls)
    f("b")
    _new_process(monkeypatch)
    monkeypatch.setattr(textmemo, "BUSY_S", 0.2)
    monkeypatch.setattr(textmemo, "_STORE", textmemo._Store())
    other = sqlite3.connect(_memo_file(store), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process in the middle of its write
    try:
        assert f("b") == ("B", 1, "*") and calls == ["b"]  # read while the other writes
        assert f("c") == ("C", 1, "*")
        t0 = time.perf_counter()
        textmemo.flush()  # cannot write: dropped, no error
        assert time.perf_counter() - t0 < 5
    finally:
        other.execute("ROLLBACK")
        other.close()
    _new_process(monkeypatch)
    assert f("c") == ("C", 1, "*") and calls == ["b", "c", "c"]


_WRITER = """
import os, sys
from tqcheck import textmemo

@textmemo.persistent("test.shared")
def grow(text):
    return text * 300

w = sys.argv[1]
for round_ in range(8):
    for i in range(30):
        assert grow(f"{w} {round_} {i}") == f"{w} {round_} {i}" * 300
        assert grow(f"shared {i}") == f"shared {i}" * 300
    textmemo.flush()
"""


def test_processes_sharing_a_bounded_memo(store, tmp_path):
    import os
    import subprocess
    import sys

    script = tmp_path / "writer.py"
    script.write_text(_WRITER, encoding="utf-8")
    env = {**os.environ, "TQCHECK_CACHE_DIR": str(store), "TQCHECK_TEXT_MEMO_MB": "0.5"}
    env.pop("TQCHECK_NO_TEXT_MEMO", None)
    procs = [subprocess.Popen([sys.executable, str(script), f"w{w}"], env=env, stderr=subprocess.PIPE)
             for w in range(3)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    db = sqlite3.connect(_memo_file(store))
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert 0 < textmemo._used(db) <= 512 * 1024
    db.close()


def test_a_check_reads_the_rows_its_last_check_used_ahead(store, monkeypatch):
    calls: list = []
    f = _counted("test.ahead", calls)
    texts = [f"sentence {i}" for i in range(40)]
    first = [f(t) for t in texts]
    _new_process(monkeypatch)  # (the flush at the end of a check leaves the list of the rows it used)
    db = sqlite3.connect(_memo_file(store))
    rows = db.execute("SELECT COUNT(*) FROM memo").fetchone()[0]
    assert rows == len(texts) + 1  # the results and that list
    assert [f(t) for t in texts] == first and calls == texts  # nothing computed again
    assert textmemo._STORE.ahead_hits == len(texts)  # every row read ahead, in a few queries
    _new_process(monkeypatch)
    assert db.execute("SELECT COUNT(*) FROM memo").fetchone()[0] == rows  # the same rows used: nothing written
    assert [f(t) for t in reversed(texts[10:])] + [f("a new one")] == list(reversed(first[10:])) + \
        [("A NEW ONE", 9, "*")]  # another order, fewer rows and a new one: no list for this first row
    assert textmemo._STORE.ahead_hits == 0 and calls == [*texts, "a new one"]
    _new_process(monkeypatch)
    db.close()
    assert [f(t) for t in reversed(texts[10:])] == list(reversed(first[10:]))
    assert textmemo._STORE.ahead_hits == len(texts) - 10  # (read ahead now: the last check left its list)


def test_a_check_of_an_unchanged_pair_reads_its_findings(store, tmp_path):
    import os
    import subprocess
    import sys

    script = tmp_path / "check.py"
    script.write_text(_SCRIPT, encoding="utf-8")

    def report(cache: str = "cache", **env: str) -> tuple[str, int]:
        run = subprocess.run([sys.executable, str(script), str(tmp_path / "en.txt"), str(tmp_path / "de.txt"), cache],
                             env={**os.environ, "SAME_MEANING_ID": "same-meaning/1", **env}, capture_output=True,
                             text=True, check=True)
        return run.stdout, run.stderr.count("rules ran")

    computed, ran = report(TQCHECK_NO_TEXT_MEMO="1")
    assert ran == 1 and '"TQ201"' in computed
    assert report() == (computed, 1)  # the first check runs the rules and keeps their findings
    assert report() == (computed, 0)  # the second reads them
    assert report(SAME_MEANING_ID="same-meaning/2") == (computed, 1)  # other vectors: the rules run again
    assert report("no-cache") == (computed, 1)  # --no-cache: nothing read
