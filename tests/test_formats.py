"""Bilingual translation files: readers, offsets into the file, masking, malformed input, markup findings."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from tqcheck import placeholders
from tqcheck.config import Config
from tqcheck.errors import InputError
from tqcheck.formats import detect_format, is_bilingual, read_bilingual
from tqcheck.textmap import nfc_offsets

HERE = Path(__file__).parent / "formats"
# Only XLIFF, TMX and PO are read through translate-toolkit (the 'formats' extra); CSV/TSV, SRT, the placeholder
# finder and the missing-toolkit message are tested without it.
try:
    import translate.storage.xliff  # noqa: F401
except ImportError:
    HAS_TOOLKIT = False
else:
    HAS_TOOLKIT = True
needs_toolkit = pytest.mark.skipif(not HAS_TOOLKIT, reason="translate-toolkit (tqcheck[formats]) is not installed")


def f(name: str) -> str:
    return str(HERE / name)


def _line_col(raw: str, line: int, col: int) -> int:
    return sum(len(x) for x in raw.splitlines(keepends=True)[:line - 1]) + col - 1


SINGLE = [
    # file, format, langs, unit ids in order, a piece of the first unit's source and target
    ("app.xlf", "xliff", ("en", "vi"), ["delete", "greet", "save", "todo"], "Delete %d files", "Xóa các tệp"),
    ("app2.xlf", "xliff2", ("en", "vi"), ["press::s1", "press::s2"], 'Press <ph id="1"/>', "Nhấn để lưu"),
    ("memory.tmx", "tmx", ("en", "vi"), ["open", "close"], "Open the <bpt", "Mở <bpt"),
    ("app.po", "po", ("en", "vi"), None, "Open %s in a new window", "Mở trong cửa sổ mới"),
    ("units.csv", "csv", ("en", "vi"), ["welcome", "save", "empty"], 'Welcome, ""friend""!', "Chào mừng"),
    ("units.tsv", "tsv", ("en", "vi"), ["row2", "row3"], "Open the <b>file</b>", "Mở <b>tệp"),
]
_TOOLKIT_FORMATS = ("xliff", "xliff2", "tmx", "po")


@pytest.mark.parametrize("name,fmt,langs,ids,src_piece,tgt_piece", [
    pytest.param(*s, id=s[0], marks=[needs_toolkit] if s[1] in _TOOLKIT_FORMATS else []) for s in SINGLE])
def test_reader_offsets_point_into_the_file(name, fmt, langs, ids, src_piece, tgt_piece):
    bi = read_bilingual(f(name))
    assert bi.fmt == fmt and detect_format(f(name)) == fmt and is_bilingual(f(name))
    assert (bi.source.lang, bi.target.lang) == langs
    raw = Path(f(name)).read_text(encoding="utf-8")
    assert bi.source.raw == raw and bi.target.raw == raw  # both documents are the file itself
    if ids is not None:
        assert [s.unit_id for s in bi.source.segments] == ids
    assert raw[bi.source.segments[0].start:bi.source.segments[0].end].startswith(src_piece)
    assert raw[bi.target.segments[0].start:bi.target.segments[0].end].startswith(tgt_piece)
    for doc in (bi.source, bi.target):
        for seg in doc.segments:
            # line/col name the unit's first character; the masked text keeps the slice's length
            assert _line_col(raw, seg.line, seg.col) == seg.start
            assert len(seg.text) == len(nfc_offsets(raw[seg.start:seg.end])[0])
            assert seg.unit_id
    # every unit with a source becomes one bead, 1-1, or 1-0 when it has no translation
    for s, t in bi.pairs:
        assert len(s) == 1 and len(t) <= 1
        if t:
            assert bi.source.segments[s[0]].unit_id == bi.target.segments[t[0]].unit_id


@needs_toolkit
def test_untranslated_units_have_no_target_segment():
    bi = read_bilingual(f("app.xlf"))
    todo = next(p for p in bi.pairs if bi.source.segments[p[0][0]].unit_id == "todo")
    assert todo[1] == ()
    csv_bi = read_bilingual(f("units.csv"))
    assert csv_bi.pairs[-1][1] == ()  # the empty target cell


@needs_toolkit
def test_masking_hides_placeholders_and_file_syntax():
    xl = read_bilingual(f("app.xlf"))
    save = xl.source.segments[2].text
    assert "<g" not in save and "&amp;" not in save and "Save" in save and "&" in save
    assert "%d" not in xl.source.segments[0].text and "{name}" not in xl.source.segments[1].text
    tmx = read_bilingual(f("memory.tmx"))
    assert "&lt;" not in tmx.source.segments[0].text and "report" in tmx.source.segments[0].text
    po = read_bilingual(f("app.po"))
    long_msg = po.source.segments[1].text
    assert '\\"' not in long_msg and "\n" not in long_msg and " ".join(long_msg.split()) == \
        'A long message that is split over " two" lines.'
    assert "%s" not in po.source.segments[0].text


@needs_toolkit
def test_po_plural_and_obsolete_entries():
    po = read_bilingual(f("app.po"))
    ids = [s.unit_id for s in po.source.segments]
    assert "menu::Open %s in a new window" in ids
    assert not any("Obsolete" in i for i in ids)
    # Vietnamese has one plural form: msgid pairs with msgstr[0], msgid_plural has no msgstr[1] to check
    assert ids[-1] == "%d file" and len(po.pairs) == 3


def test_srt_pair_matched_by_time():
    bi = read_bilingual(f("talk.en.srt"), f("talk.vi.srt"))
    assert bi.fmt == "srt" and not is_bilingual(f("talk.en.srt"))
    # the second English cue was split in two Vietnamese cues: a 1-2 bead, not an omission
    assert bi.pairs == (((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)))
    assert bi.source.raw == Path(f("talk.en.srt")).read_text(encoding="utf-8")
    assert bi.target.raw == Path(f("talk.vi.srt")).read_text(encoding="utf-8")
    seg = bi.source.segments[1]
    assert (seg.line, seg.col, seg.text) == (7, 1, "We met 3 years ago in Hanoi.")


def test_srt_needs_a_pair():
    with pytest.raises(InputError, match="pairs"):
        read_bilingual(f("talk.en.srt"))


@pytest.mark.parametrize("name,tgt,pattern", [
    ("bad.xlf", None, r"malformed XML at line 7, column \d+"),
    pytest.param("bad.po", None, r"malformed PO: .*line 4", marks=needs_toolkit),
    ("bad.srt", "talk.vi.srt", r"line 6: expected a timing line"),
    ("bad.csv", None, r"malformed CSV at line 2"),
    ("notxliff.xlf", None, r"not an XLIFF file \(line 2: root element <html>\)"),
])
def test_malformed_files_name_the_line(name, tgt, pattern):
    with pytest.raises(InputError, match=pattern):
        read_bilingual(f(name), f(tgt) if tgt else None)


def test_missing_toolkit_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "translate.storage.xliff", None)
    with pytest.raises(InputError, match=r"pip install 'tqcheck\[formats\]'"):
        read_bilingual(f("app.xlf"))


def test_manifest_csv_is_not_a_bilingual_file(tmp_path):
    (tmp_path / "a.en.txt").write_text("Hello there.", encoding="utf-8")
    (tmp_path / "a.vi.txt").write_text("Xin chào.", encoding="utf-8")
    (tmp_path / "pairs.csv").write_text("source,target\na.en.txt,a.vi.txt\n", encoding="utf-8")
    assert not is_bilingual(str(tmp_path / "pairs.csv"))
    assert is_bilingual(f("units.csv"))


def test_placeholder_finder():
    found = placeholders.find('Hi {name}, %1$s %(n)d {{ x }} <b>&lt;i&gt; 50% off {n, plural,')
    assert [p.kind for p in found] == ["brace", "printf", "printf", "brace", "tag", "tag", "icu"]
    assert placeholders.find("Prices rose 50% in 2024 and 100%d") == []
    assert placeholders.find('<g id="1" ctype="x">')[0].key == placeholders.find("<g  id='1'>")[0].key
    assert placeholders.mask("a %s b") == "a    b"


# --- end to end: findings point at the unit, line and column in every format --------------------------

@pytest.fixture(scope="module")
def xliff_report():
    from tqcheck.pipeline import check_documents

    cfg = Config().merged(select=("TQ75", "TQ2"))
    return check_documents(f("app.xlf"), "", cfg)  # a single bilingual file dispatches to check_bilingual


@needs_toolkit
def test_markup_findings_in_xliff(xliff_report):
    r = xliff_report
    assert r.extra["format"] == "xliff"
    assert r.summary["beads"] == {"1-0": 1, "1-1": 3}
    by_code = {(x.code, x.unit_id): x for x in r.findings}
    missing = by_code[("TQ750", "delete")]
    changed = by_code[("TQ752", "greet")]
    assert missing.text == "%d" and missing.side == "source" and missing.severity.value == "critical"
    assert changed.text == "{ten}" and changed.suggestion == "{name}"
    raw = r.source.raw
    for x in (missing, changed):
        assert raw[x.start:x.end] == x.text
        assert _line_col(raw, x.line, x.col) == x.start
    assert (missing.line, changed.line) == (6, 9)
    # placeholders are masked for the other rules: the kept "3" is not a number mismatch, and no rule
    # reads "%d" or "{ten}" as text
    assert not [x for x in r.findings if x.code.startswith("TQ2")]


@needs_toolkit
def test_unit_and_location_in_every_output(xliff_report):
    from tqcheck.render import render

    data = json.loads(render(xliff_report, "json"))
    flagged = [x for x in data["findings"] if x["code"] == "TQ750"]
    assert flagged[0]["unit_id"] == "delete" and (flagged[0]["line"], flagged[0]["col"]) == (6, 24)
    assert any(s.get("unit_id") == "delete" for s in data["source"]["segments"])
    text = render(xliff_report, "text")
    assert "src:6:24 #delete" in text
    try:
        sarif = json.loads(render(xliff_report, "sarif"))
    except (ImportError, ValueError):  # the SARIF renderer belongs to another module
        pytest.skip("no SARIF renderer")
    regions = [res["locations"][0]["physicalLocation"]["region"] for res in sarif["runs"][0]["results"]
               if res["ruleId"] == "TQ750"]
    assert (regions[0]["startLine"], regions[0]["startColumn"]) == (6, 24)


def test_cli_checks_a_bilingual_file_and_rejects_a_malformed_one(tmp_path):
    from typer.testing import CliRunner

    from tqcheck.cli import app

    runner = CliRunner()
    ok = runner.invoke(app, ["check", f("units.tsv"), "--select", "TQ75", "--format", "json", "--isolated"])
    assert ok.exit_code == 0, ok.output
    data = json.loads(ok.stdout)
    assert [x["code"] for x in data["findings"]] == ["TQ750"]  # the </b> lost in "Mở <b>tệp"
    assert data["findings"][0]["text"] == "</b>" and data["findings"][0]["unit_id"] == "row2"


@needs_toolkit
def test_cli_rejects_malformed_translation_files(tmp_path):
    from typer.testing import CliRunner

    from tqcheck.cli import app

    runner = CliRunner()
    bad = runner.invoke(app, ["check", f("bad.xlf"), "--isolated"])
    assert bad.exit_code == 2
    assert "line 7" in bad.output and "Traceback" not in bad.output
    bad2 = shutil.copy(f("bad.po"), tmp_path / "x.po")
    res = runner.invoke(app, ["check", str(bad2), "--isolated"])
    assert res.exit_code == 2 and "malformed PO" in res.output
