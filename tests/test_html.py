"""The HTML report: rendered-page tests (escaping, every finding shown, no network, CSP, layout data).

Most tests render a Report built directly from the model dataclasses (real segmenter, hand-made beads and
findings); one runs the real pipeline through the CLI on two tiny files.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import replace
from html.parser import HTMLParser
from importlib import resources

import pytest

from tqcheck.model import Bead, Document, Finding, Report, Severity
from tqcheck.quality import counts, mqm, word_count
from tqcheck.render import Format, render
from tqcheck.render.html import render as render_html
from tqcheck.render.html import render_index
from tqcheck.segment import segment

SRC = (
    "Solar power grows fast.\n\n"
    "The city installed 120 panels in 2021. Officials expect savings of 15 percent.\n\n"
    "The mayor praised the engineers.\n"
)
HOSTILE = '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> Bình luận thêm vào.'
TGT = (
    "Điện mặt trời tăng trưởng nhanh.\n\n"
    "Thành phố đã lắp đặt 210 tấm pin vào năm 2021. Các quan chức kỳ vọng tiết kiệm 15 phần trăm phần trăm.\n\n"
    + HOSTILE + "\n"
)


def _doc(path: str, raw: str, lang: str) -> Document:
    return Document(path, raw, lang, tuple(segment(raw, lang)))


def _find(doc: Document, side: str, needle: str, code: str, sev: str, family: str, message: str,
          bead: int | None, *, nth: int = 0, length: int | None = None, **kw: object) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = doc.raw.index(needle, start + 1)
    end = start + (len(needle) if length is None else length)
    seg = next(s.index for s in doc.segments if s.start <= start and end <= s.end)
    line, col = doc.line_col(start)
    return Finding(code, code.lower(), Severity(sev), side, start, end, doc.raw[start:end], seg, bead, message,
                   family=family, line=line, col=col, **kw)


def build_report(src: str = SRC, tgt: str = TGT, *, failed: bool = True, with_findings: bool = True) -> Report:
    """Three aligned rows, one omitted source sentence, one added target sentence; every kind of finding."""
    s, t = _doc("in/article.en.txt", src, "en"), _doc("in/article.vi.txt", tgt, "vi")
    beads = (Bead((0,), (0,), 0.86), Bead((1,), (1,), 0.85), Bead((2,), (2,), 0.71), Bead((3,), (), 0.0),
             Bead((), (3,), 0.0))
    findings: list[Finding] = []
    if with_findings:
        findings = [
            _find(t, "target", "210", "TQ201", "major", "numbers", "number '210' does not match the source's '120'",
                  1, suggestion="120", evidence="120 panels"),
            _find(t, "target", "15 phần trăm", "TQ202", "major", "numbers", "overlapping span for the test", 2),
            _find(t, "target", "phần trăm phần trăm", "TQ701", "minor", "fluency", "repeated phrase <b>twice</b>",
                  2, suggestion="phần trăm"),
            _find(s, "source", "The mayor praised the engineers.", "TQ501", "critical", "omission",
                  "this source sentence is missing from the translation", 3),
            _find(t, "target", "<script>window.__pwned=1</script>", "TQ502", "major", "omission",
                  "added text <img src=y onerror=alert(1)>", 4, evidence="<script>alert(2)</script>"),
            _find(t, "target", "nhanh.", "TQ703", "minor", "fluency", "insertion point", 0, length=0),
            Finding("TQ801", "low-similarity", Severity.MINOR, "target", 0, 0, "", None, 2,
                    "this row's similarity is far below the document's own", family="adequacy", line=1, col=1),
            Finding("TQ503", "target-short", Severity.MINOR, "target", 0, 0, "", None, None,
                    "the whole translation is shorter than usual", family="omission", line=1, col=1),
        ]
        findings.sort(key=lambda f: f.sort_key())
    words = sum(word_count(x.text) for x in s.segments)
    summary = {"source_words": words, "target_words": sum(word_count(x.text) for x in t.segments),
               "beads": {"1-0": 1, "0-1": 1, "1-1": 3}, "findings": len(findings), **counts(findings),
               **mqm(findings, words), "gate": {"fail_on": "major", "min_score": None, "failed": failed}}
    sig = {"name": "tqcheck", "version": "0.1.0", "encoder": "toy", "aligner": "dp:beads=4",
           "rules": "TQ201,TQ501", "signature": "tqcheck:0.1.0|enc:toy|dp:beads=4|rules:2"}
    return Report(s, t, beads, tuple(findings), sig, summary)


class _Page(HTMLParser):
    """Collects, per finding id, the text of its highlighted pieces and, per segment, its visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.mark_text: dict[str, str] = {}
        self.seg_text: dict[str, str] = {}
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        classes = [c for _, a in self.stack for c in a.get("class", "").split()]
        if "bd" in classes or "caret" in classes:
            return  # badges and insertion carets are decoration, not document text
        for tag, a in self.stack:
            if tag == "span" and "seg" in a.get("class", "").split():
                self.seg_text[a["id"]] = self.seg_text.get(a["id"], "") + data
            if tag == "mark":
                for fid in a.get("data-f", "").split():
                    self.mark_text[fid] = self.mark_text.get(fid, "") + data


@pytest.fixture(scope="module")
def report() -> Report:
    return build_report()


@pytest.fixture(scope="module")
def page(report: Report) -> str:
    return render_html(report)


@pytest.fixture(scope="module")
def parsed(page: str) -> _Page:
    p = _Page()
    p.feed(page)
    return p


def test_render_dispatch_is_the_same_page(report: Report, page: str) -> None:
    assert render(report, Format.html) == page
    assert page.startswith("<!doctype html>")


def test_every_finding_is_listed_and_detailed(report: Report, page: str, parsed: _Page) -> None:
    assert len(report.findings) == 8
    for i, f in enumerate(report.findings):
        fid = f"f{i}"
        assert page.count(f'id="fd-{fid}"') == 1, f.code  # exactly one detail entry
        list_items = [a for t, a in parsed.tags if t == "li" and "fi" in a.get("class", "").split()
                      and a.get("data-f") == fid]
        assert len(list_items) == 1 and list_items[0]["data-sev"] == f.severity.value
        # something on the page jumps to it: a highlighted span, a row note or a document-level entry
        assert any(fid in a.get("data-first", "").split() for _, a in parsed.tags), f.code


def test_highlighted_spans_cover_exactly_the_flagged_text(report: Report, parsed: _Page) -> None:
    spans = [(f"f{i}", f) for i, f in enumerate(report.findings) if f.segment is not None and f.end > f.start]
    assert len(spans) == 5
    for fid, f in spans:
        assert parsed.mark_text[fid] == f.text, f.code


def test_segments_keep_their_text(report: Report, parsed: _Page) -> None:
    for prefix, doc in (("s", report.source), ("t", report.target)):
        for seg in doc.segments:
            assert parsed.seg_text[f"{prefix}{seg.index}"] == doc.raw[seg.start:seg.end]


def test_overlapping_spans_are_split_into_shared_pieces(report: Report, page: str) -> None:
    ids = {f.code: f"f{i}" for i, f in enumerate(report.findings)}
    a, b = ids["TQ202"], ids["TQ701"]  # "15 phần trăm" overlaps "phần trăm phần trăm"
    shared = re.findall(r'<mark class="hl sev-(\w+)( multi)?" data-f="([^"]+)"[^>]*>([^<]*)', page)
    both = [(sev, text) for sev, multi, f, text in shared if set(f.split()) == {a, b}]
    assert both == [("major", "phần trăm")]  # the worst severity colours the shared piece
    assert any(f == a and text == "15 " for _, _, f, text in shared)
    assert any(f == b and text == " phần trăm" for _, _, f, text in shared)


def test_zero_length_span_is_an_insertion_caret(report: Report, page: str) -> None:
    fid = next(f"f{i}" for i, f in enumerate(report.findings) if f.code == "TQ703")
    assert re.search(rf'<mark class="hl sev-minor caret" data-f="{fid}" data-first="{fid}"', page)


def test_severity_has_a_non_colour_cue(report: Report, page: str) -> None:
    for sev, shape in (("critical", "◆"), ("major", "▲"), ("minor", "●")):
        assert re.search(rf'<sup class="bd sev-{sev}" data-f="f\d+"><span aria-hidden="true">{shape}</span>'
                         rf'<span class="vh"> \({sev} TQ\d+\)</span></sup>', page), sev
    css = resources.files("tqcheck.render").joinpath("templates/report.css").read_text()
    for sev, style in (("critical", "double"), ("major", "wavy"), ("minor", "dotted")):
        assert re.search(rf"mark\.hl\.sev-{sev} \{{[^}}]*underline {style}", css), sev


def test_document_text_is_escaped(page: str) -> None:
    assert "window.__pwned" in page  # the payload is on the page ...
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page  # ... as text
    assert page.count("<script") == 1  # only the page's own script
    assert "<img" not in page and "<b>twice" not in page
    assert "&lt;img src=y onerror=alert(1)&gt;" in page and "&lt;script&gt;alert(2)&lt;/script&gt;" in page


def _csp(page: str) -> str:
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert m, "no CSP meta"
    return html.unescape(m.group(1))


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_csp_allows_only_the_page_own_style_and_script(page: str) -> None:
    csp = _csp(page)
    assert "default-src 'none'" in csp and "unsafe" not in csp and "http" not in csp
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    assert f"style-src '{_hash(style)}'" in csp
    assert f"script-src '{_hash(script)}'" in csp


def test_no_external_urls(page: str, parsed: _Page) -> None:
    assert not re.search(r"https?://", page)
    for tag, attrs in parsed.tags:
        for name in ("src", "href", "action", "xlink:href", "poster", "data"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith("#"), (tag, name, value)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    assert "@import" not in style and set(re.findall(r"url\(([^)]*)\)", style)) <= {"#hatch"}


def test_omission_and_addition_rows_are_marked(page: str) -> None:
    omitted = re.search(r'<div class="row st-omission[^"]*" id="b3".*?(?=<div class="row|</section>)', page, re.S)
    assert "The mayor praised the engineers." in omitted.group(0) and "Omission" in omitted.group(0)
    added = re.search(r'<div class="row st-addition[^"]*" id="b4".*?(?=<div class="row|</section>)', page, re.S)
    assert added and "Addition" in added.group(0)


def test_summary_shows_files_languages_score_counts_gate_signature(report: Report, page: str) -> None:
    assert "in/article.en.txt" in page and "in/article.vi.txt" in page
    assert "English (en)" in page and "Vietnamese (vi)" in page
    assert f'<span class="num">{report.summary["quality_score"]:.1f}</span>' in page
    sev = report.summary["by_severity"]
    for s in ("critical", "major", "minor"):
        assert re.search(rf'class="tile sev-{s}"><span class="shape" aria-hidden="true">.</span>\s*'
                         rf'<span class="n">{sev[s]}</span>', page)
    for fam, n in report.summary["by_family"].items():
        assert re.search(rf'<span class="fname">{fam}</span>.*?<span class="fn">{n}</span>', page, re.S)
    assert "Fails the gate" in page and "fail on: major" in page
    assert report.signature["signature"] in page
    passed = render_html(replace(report, summary={**report.summary, "gate": {"fail_on": "critical", "failed": False}}))
    assert "Passes the gate" in passed and "Fails the gate" not in passed


def test_row_and_document_level_findings(report: Report, page: str) -> None:
    row_level = next(f"f{i}" for i, f in enumerate(report.findings) if f.code == "TQ801")
    doc_level = next(f"f{i}" for i, f in enumerate(report.findings) if f.code == "TQ503")
    row2 = page[page.index('id="b2"'):page.index('id="b3"')]
    assert f'class="note hl sev-minor" data-f="{row_level}"' in row2
    doc = page[page.index('class="doclevel'):page.index('class="colhead"')]
    assert f'id="fd-{doc_level}"' in doc and f'href="#fd-{doc_level}"' in page


def test_similarity_strip_one_clickable_cell_per_row(report: Report, page: str) -> None:
    cells = re.findall(r'<a href="#(b\d+)" class="cellk" data-goto="\1"', page)
    assert cells == [f"b{i}" for i in range(len(report.alignment))]
    # the 0.71 row sits far below the two ~0.85 rows; skipped beads have no counterpart
    assert re.search(r'<rect class="sc q-(weak|poor)" x="20"', page)
    assert re.search(r'<rect class="sc q-gap" x="30"', page) and re.search(r'<rect class="sc q-gap" x="40"', page)


def test_accessible_landmarks_and_controls(page: str) -> None:
    assert '<header class="top">' in page and '<main id="main">' in page
    assert '<nav class="side" aria-label="Findings">' in page
    assert re.search(r'<button type="button" id="next" aria-keyshortcuts="j n"', page)
    assert page.count('<input type="checkbox" data-filter="sev"') == 3 and 'lang="vi"' in page and 'lang="en"' in page


def test_report_without_findings() -> None:
    page = render_html(build_report(with_findings=False, failed=False))
    assert "No findings: every check passed." in page and "<mark" not in page
    assert "Passes the gate" in page


def test_unaligned_segments_still_shown() -> None:
    r = replace(build_report(with_findings=False), alignment=())
    page = render_html(r)
    assert page.count('class="row st-omission') == len(r.source.segments)
    assert page.count('class="row st-addition') == len(r.target.segments)
    assert "Unaligned source 1" in page


def test_templates_are_package_data() -> None:
    tdir = resources.files("tqcheck.render").joinpath("templates")
    for name in ("report.html.j2", "macros.html.j2", "index.html.j2", "report.css", "report.js"):
        assert tdir.joinpath(name).is_file(), name


def test_index_page() -> None:
    pairs = [
        {"href": "000-003.html", "source": "en/000.txt", "target": "vi/003.txt", "quality_score": 12.5,
         "counts": {"critical": 2, "major": 3, "minor": 1}, "failed": True},
        {"href": "javascript:alert(1)", "source": "<b>x</b>", "target": "vi/x.txt", "quality_score": 99.0,
         "counts": {"by_severity": {"minor": 1}}, "failed": False},
        {"href": "https://evil.example/x", "source": "a", "target": "b", "quality_score": None,
         "counts": {}, "failed": False},
    ]
    page = render_index(pairs)
    assert '<a href="000-003.html">' in page
    assert "javascript:" not in page and "https://" not in page  # unsafe links are dropped
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x" not in page
    assert "1 of 3 pairs fail the gate" in page
    assert page.count('<tr class="failed">') == 1 and page.count('<tr class="passed">') == 2
    assert "script-src 'none'" in _csp(page) and "<script" not in page
    assert "Every pair passes the gate" in render_index(pairs[1:])


@pytest.mark.slow
def test_cli_writes_the_html_report(tmp_path) -> None:  # noqa: ANN001
    from typer.testing import CliRunner

    from tqcheck.cli import app

    src, tgt, out = tmp_path / "a.en.txt", tmp_path / "a.vi.txt", tmp_path / "out" / "a.html"
    src.write_text("Solar power grows fast.\n\nThe city installed 120 panels in 2021.\n", encoding="utf-8")
    tgt.write_text("Điện mặt trời tăng trưởng nhanh.\n\nThành phố đã lắp đặt 120 tấm pin vào năm 2021.\n",
                   encoding="utf-8")
    res = CliRunner().invoke(app, ["check", str(src), str(tgt), "--html", str(out), "--fail-on", "never"],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert page.count('class="row ') >= 1 and "Passes the gate" in page and "fail on: never" in page
    assert "Thành phố đã lắp đặt 120 tấm pin vào năm 2021." in page


def test_any_language_pair_renders() -> None:
    s = _doc("a.en.txt", "Prices rose 5 percent.\n", "en")
    t = _doc("a.ar.txt", "ارتفعت الأسعار بنسبة 7 في المئة.\n", "ar")
    f = _find(t, "target", "7", "TQ201", "major", "numbers", "number '7' does not match the source's '5'", 0)
    summary = {"findings": 1, **counts([f]), **mqm([f], 4), "gate": {"fail_on": "major", "failed": True}}
    page = render_html(Report(s, t, (Bead((0,), (0,), 0.9),), (f,), {"signature": "x"}, summary))
    assert "Arabic (ar)" in page and '<div class="cell target" lang="ar">' in page
    assert '<p class="txt" dir="auto">' in page  # right-to-left text takes its own direction
    assert re.search(r'<mark class="hl sev-major" data-f="f0"[^>]*>7<sup', page)
