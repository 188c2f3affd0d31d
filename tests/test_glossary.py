"""Glossary loading: CSV, TSV, TBX, the built-in list, and one-line errors for malformed files."""
import pytest

from tqcheck.errors import ConfigError
from tqcheck.glossary import builtin_glossary, glossary_from_pairs, load_glossaries, load_glossary
from tqcheck.resources import load_resources


def test_csv_with_header_note_and_alternatives(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text('source,target,note\nBoard,Hội đồng quản trị|HĐQT,"corporate, formal"\n', encoding="utf-8")
    (e,) = load_glossary(str(p))
    assert (e.source, e.targets, e.note) == ("Board", ("Hội đồng quản trị", "HĐQT"), "corporate, formal")
    assert e.origin.endswith("g.csv:2")


def test_tsv_language_header_restricts_pair(tmp_path):
    p = tmp_path / "g.tsv"
    p.write_text("en\tde\nBoard\tVorstand\n", encoding="utf-8")
    (e,) = load_glossary(str(p))
    assert e.applies("en", "de") and not e.applies("en", "vi")


def test_malformed_row_names_file_and_line(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("source,target\nBoard,Hội đồng\nLonely\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.csv:3:"):
        load_glossary(str(p))


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_glossary(str(tmp_path / "nope.csv"))
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="empty"):
        load_glossary(str(tmp_path / "empty.csv"))


TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <text><body>
  <conceptEntry id="c1">
   <langSec xml:lang="en"><termSec><term>East Sea</term></termSec></langSec>
   <langSec xml:lang="vi"><termSec><term>Biển Đông</term></termSec></langSec>
  </conceptEntry>
 </body></text>
</tbx>"""


def test_tbx_entries_both_directions(tmp_path):
    p = tmp_path / "t.tbx"
    p.write_text(TBX, encoding="utf-8")
    entries = load_glossary(str(p))
    pairs = {(e.src_lang, e.tgt_lang, e.source, e.target) for e in entries}
    assert ("en", "vi", "East Sea", "Biển Đông") in pairs and ("vi", "en", "Biển Đông", "East Sea") in pairs


def test_tbx_with_entities_is_refused(tmp_path):
    p = tmp_path / "evil.tbx"
    p.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><tbx>&a;</tbx>', encoding="utf-8")
    with pytest.raises(ConfigError, match="DOCTYPE"):
        load_glossary(str(p))


def test_broken_tbx_names_line(tmp_path):
    p = tmp_path / "broken.tbx"
    p.write_text("<tbx>\n<termEntry>\n</tbx>", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.tbx:3"):
        load_glossary(str(p))


def test_user_entries_override_builtin(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("East Sea,Biển Đông Việt Nam\n", encoding="utf-8")
    entries = load_glossaries([str(p)])
    east = [e for e in entries if e.source == "East Sea"]
    assert [e.target for e in east] == ["Biển Đông Việt Nam"]
    assert any(e.source == "East China Sea" for e in entries)


def test_builtin_and_pairs():
    assert any(e.source == "East China Sea" and e.target == "Biển Hoa Đông" for e in builtin_glossary())
    with pytest.raises(ConfigError):
        glossary_from_pairs([["only source"]])
    res = load_resources()
    res.glossary.append(["Board", "Hội đồng quản trị"])
    assert any(e.source == "Board" for e in res.glossary_for("en", "vi"))
