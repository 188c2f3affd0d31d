"""tqcheck.diskmemo: derived tables kept on disk, rebuilt when damaged, never a crash."""
from __future__ import annotations

from tqcheck import diskmemo


def _counted(calls: list):  # a fresh decorated function per test, counting its real calls
    @diskmemo.disk_memo(("babel",))
    def table(code: str, extra: dict) -> dict:
        calls.append(code)
        return {"code": code, **extra}

    return table


def test_second_call_reads_the_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    calls: list = []
    table = _counted(calls)
    first = table("xx", {"a": 1.5})
    second = table("xx", {"a": 1.5})
    assert first == second == {"code": "xx", "a": 1.5}
    assert calls == ["xx"]
    second["b"] = 2  # every call returns a new object: changing one does not change the next
    assert table("xx", {"a": 1.5}) == {"code": "xx", "a": 1.5}
    assert table("xx", {"a": 2.5}) == {"code": "xx", "a": 2.5}  # other arguments: another entry
    assert calls == ["xx", "xx"]


def test_damaged_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    calls: list = []
    table = _counted(calls)
    table("yy", {})
    files = list((tmp_path / "derived").glob("*.pickle"))
    assert len(files) == 1
    files[0].write_bytes(b"\x80\x05not a pickle")
    assert table("yy", {}) == {"code": "yy"}
    assert calls == ["yy", "yy"]
    assert table("yy", {}) == {"code": "yy"}  # rewritten whole
    assert calls == ["yy", "yy"]


def test_unwritable_folder_only_costs_the_derivation(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(blocker))
    calls: list = []
    table = _counted(calls)
    assert table("zz", {}) == {"code": "zz"}
    assert table("zz", {}) == {"code": "zz"}
    assert calls == ["zz", "zz"]


def test_switched_off(tmp_path, monkeypatch):
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("TQCHECK_NO_TABLE_CACHE", "1")
    calls: list = []
    table = _counted(calls)
    table("ww", {})
    table("ww", {})
    assert calls == ["ww", "ww"]
    assert not (tmp_path / "derived").exists()


def test_key_names_the_code():
    assert len(diskmemo.code_hash()) == 40
