"""JSON Lines inputs (pair manifests and unit files) report a bad line by its number, the same way."""
from pathlib import Path

import pytest

from tqcheck.batch import read_manifest
from tqcheck.engines.shards import _jsonl_units
from tqcheck.errors import InputError
from tqcheck.jsonl import objects


def test_objects_skip_blank_lines_and_number_every_line() -> None:
    rows = list(objects(['{"a": 1}', "", '  ', '{"b": 2}'], "x.jsonl"))
    assert rows == [(1, {"a": 1}), (4, {"b": 2})]


@pytest.mark.parametrize("line, message", [("{not json", "x.jsonl:2: not valid JSON"),
                                           ("[1, 2]", "x.jsonl:2: each line must be")])
def test_objects_name_the_bad_line(line: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        list(objects(['{"a": 1}', line], "x.jsonl"))


def test_manifest_and_unit_file_report_the_same_bad_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.\n", encoding="utf-8")
    manifest = tmp_path / "pairs.jsonl"
    manifest.write_text('{"source": "a.txt", "target": "a.txt"}\n{"source": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"pairs.jsonl:2: not valid JSON"):
        read_manifest(str(manifest))
    units = tmp_path / "units.jsonl"
    units.write_text('{"source": "One.", "target": "Eins."}\n\n{"source": "Two.", "target": 2}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"units.jsonl:3: each line needs text fields"):
        list(_jsonl_units(str(units)))
