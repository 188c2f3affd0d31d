"""Reading files (encodings, BOMs, refusals) and the offset contract: every reported offset indexes
the file's own decoded text, whatever its newlines or Unicode normalisation."""
from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from tqcheck.checks.base import Hit, Rule, to_finding
from tqcheck.config import Config
from tqcheck.errors import ConfigError, InputError
from tqcheck.load import read_text
from tqcheck.model import Severity
from tqcheck.pipeline import load_document
from tqcheck.textmap import nfc_offsets, raw_span

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
EN = (CORPORA / "000_74d1bcbf21ade748.txt").read_text(encoding="utf-8")
VI = (CORPORA / "003_8cf2e5f9d09ebff1.txt").read_text(encoding="utf-8")
SAMPLE = "Xin chào thế giới.\nHội đàm ở Mátxcơva — “25/11”. 双方会谈。\n"


@pytest.mark.parametrize("codec,bom,expected_name", [
    ("utf-8", b"", "utf-8"),
    ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
    ("utf-16-le", b"\xff\xfe", "utf-16"),
    ("utf-16-be", b"\xfe\xff", "utf-16"),
    ("utf-32-le", b"\xff\xfe\x00\x00", "utf-32"),
])
def test_encodings_and_boms(tmp_path: Path, codec: str, bom: bytes, expected_name: str) -> None:
    p = tmp_path / "doc.txt"
    p.write_bytes(bom + SAMPLE.encode(codec))
    text, used = read_text(str(p))
    assert text == SAMPLE  # the BOM is not part of the text
    assert used == expected_name


def test_encoding_option_overrides(tmp_path: Path) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes("Café crème, déjà vu.\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"not valid UTF-8 .*--encoding"):
        read_text(str(p))
    text, used = read_text(str(p), "latin-1")
    assert text == "Café crème, déjà vu.\n" and used == "iso8859-1"


def test_encoding_option_strips_bom(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfHello there.\n")
    assert read_text(str(p), "utf-8")[0] == "Hello there.\n"


def test_utf16_without_bom_needs_encoding(tmp_path: Path) -> None:
    p = tmp_path / "u16.txt"
    p.write_bytes(SAMPLE.encode("utf-16-le"))
    with pytest.raises(InputError, match="UTF-16-LE without a byte-order mark; pass --encoding utf-16-le"):
        read_text(str(p))
    assert read_text(str(p), "utf-16-le")[0] == SAMPLE


@pytest.mark.parametrize("content,message", [
    (b"", "file is empty"),
    (b" \n\t\r\n  ", "only whitespace"),
    (b"\xef\xbb\xbf", "only whitespace"),
    (b"\xff\xfe" + "  \n".encode("utf-16-le"), "only whitespace"),
    (b"\x00\x01\x02binary\x00\xff" * 50, "looks binary"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "looks like a PDF document"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
    (bytes(range(1, 32)) * 20, "control characters"),
    (b"Caf\xe9 au lait", r"not valid UTF-8 \(byte 0xe9 at offset 3, line 1\)"),
    (b"\xef\xbb\xbfok \xff\xfe broken", "UTF-8 byte-order mark but is not valid utf-8"),
])
def test_refused_contents(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_text(str(p))
    assert "\n" not in str(info.value)
    assert str(p) in str(info.value)


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_text(str(tmp_path))


def test_unknown_encoding_is_a_config_error(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Hello.", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown encoding 'klingon'"):
        read_text(str(p), "klingon")


def test_wrong_encoding_option_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "vi.txt"
    p.write_text(VI, encoding="utf-8")
    with pytest.raises(InputError, match="is --encoding right"):
        read_text(str(p), "latin-1")
    with pytest.raises(InputError, match="cannot decode as ascii"):
        read_text(str(p), "ascii")


# --- the offset contract ------------------------------------------------------------------------


def _variants() -> list[tuple[str, str]]:
    nfd = unicodedata.normalize("NFD", VI)
    return [("lf", VI), ("crlf", VI.replace("\n", "\r\n")), ("nfd", nfd), ("nfd_crlf", nfd.replace("\n", "\r\n")),
            ("bom_nfd_crlf", nfd.replace("\n", "\r\n"))]


@pytest.fixture(scope="module")
def reference_vi(tmp_path_factory):
    p = tmp_path_factory.mktemp("ref") / "vi.txt"
    p.write_text(VI, encoding="utf-8")
    return load_document(str(p), Config(), "vi")


@pytest.mark.parametrize("name,text", _variants(), ids=[n for n, _ in _variants()])
def test_offsets_round_trip(tmp_path: Path, reference_vi, name: str, text: str) -> None:
    p = tmp_path / f"{name}.txt"
    p.write_bytes((b"\xef\xbb\xbf" if name.startswith("bom") else b"") + text.encode("utf-8"))
    doc = load_document(str(p), Config(), "vi")
    assert doc.raw == text
    # the same segments as the plain LF/NFC file, whatever the newlines and normalisation
    assert [(s.text, s.line, s.paragraph) for s in doc.segments] == \
        [(s.text, s.line, s.paragraph) for s in reference_vi.segments]
    for seg in doc.segments:
        raw = doc.raw[seg.start:seg.end]
        assert unicodedata.normalize("NFC", raw) == seg.text
        assert doc.line_col(seg.start) == (seg.line, seg.col)
        assert doc.raw.splitlines()[seg.line - 1][seg.col - 1:].startswith(raw)


def test_findings_point_into_the_raw_text(tmp_path: Path) -> None:
    """A rule's hit on a word of the NFC segment text comes back as exactly that word in the raw file."""
    text = unicodedata.normalize("NFD", VI).replace("\n", "\r\n")
    p = tmp_path / "nfd.txt"
    p.write_text(text, encoding="utf-8", newline="")
    doc = load_document(str(p), Config(), "vi")
    rule = Rule("TQ999", "test", Severity.MINOR, "bead", lambda ctx: iter(()))
    rng = random.Random(7)
    checked = 0
    for seg in doc.segments:
        words = [(m.start(), m.end()) for m in re.finditer(r"\w+", seg.text)]
        for s, e in rng.sample(words, min(5, len(words))):
            f = to_finding(rule, Hit("target", seg.index, s, e, "m"), doc, doc, None)
            assert unicodedata.normalize("NFC", f.text) == seg.text[s:e]
            assert doc.raw[f.start:f.end] == f.text
            assert (f.line, f.col) == doc.line_col(f.start)
            checked += 1
    assert checked > 50


def test_nfc_offsets_match_unicodedata() -> None:
    pool = [chr(c) for c in [*range(0x41, 0x7B), *range(0xC0, 0x180), *range(0x300, 0x370), *range(0x1100, 0x1176),
                             *range(0x11A8, 0x11C3), 0xAC00, 0x9BE, 0x9C7, 0xF71, 0xF72, 0xF73, 0x212B, 0x1EC7]]
    rng = random.Random(1)
    for _ in range(3000):
        s = "".join(rng.choice(pool) for _ in range(rng.randint(0, 10)))
        nfc, off = nfc_offsets(s)
        assert nfc == unicodedata.normalize("NFC", s)
        assert len(off) == len(nfc) + 1 and off[-1] == len(s) and off == sorted(off)
        for a in range(len(nfc)):
            for b in range(a + 1, len(nfc) + 1):
                x, y = raw_span(off, a, b)
                assert 0 <= x < y <= len(s)
                assert nfc[a:b] in unicodedata.normalize("NFC", s[x:y])


def test_nfd_vietnamese_offsets() -> None:
    raw = unicodedata.normalize("NFD", "Hội đàm")
    nfc, off = nfc_offsets(raw)
    assert nfc == "Hội đàm"
    s, e = raw_span(off, 4, 7)
    assert unicodedata.normalize("NFC", raw[s:e]) == "đàm"
