"""Reference-based scores: the numbers must equal the ``sacrebleu`` command's own on the same files."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tqcheck.config import Config
from tqcheck.errors import InputError
from tqcheck.refscore import compare_systems, corpus_scores, read_lines, reference_pairs, sentence_scores

REF = ["Tôi đã đi đến chợ vào sáng hôm qua.", "Trời mưa rất to suốt cả buổi chiều.",
       "Chúng tôi đã ăn tối cùng nhau ở nhà.", "Cô ấy đọc một cuốn sách mới về lịch sử.",
       "Họ sẽ đi du lịch Hà Nội vào tháng sau.", "Anh ấy làm việc ở một công ty phần mềm."]
SYS1 = ["Tôi đi chợ vào sáng hôm qua.", "Trời mưa to cả buổi chiều.", "Chúng tôi ăn tối cùng nhau tại nhà.",
        "Cô ấy đọc một quyển sách mới về lịch sử.", "Họ sẽ du lịch Hà Nội tháng sau.",
        "Anh ấy làm ở công ty phần mềm."]
SYS2 = ["Hôm qua tôi chợ.", "Mưa buổi chiều.", "Chúng tôi ăn ở nhà.", "Cô đọc sách.", "Họ đi Hà Nội.",
        "Anh làm công ty."]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("refscore")
    for name, lines in (("ref.txt", REF), ("sys1.txt", SYS1), ("sys2.txt", SYS2)):
        (d / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return d


def sacrebleu_cli(*args: str) -> str:
    out = subprocess.run([sys.executable, "-m", "sacrebleu", *args], capture_output=True, text=True, check=True)
    return out.stdout


def test_document_scores_equal_the_sacrebleu_command(files):
    ours = {s.metric: s for s in corpus_scores(SYS1, REF, "vi")}
    cli = json.loads(sacrebleu_cli(str(files / "ref.txt"), "-i", str(files / "sys1.txt"), "-m", "bleu", "chrf",
                                   "ter", "--chrf-word-order", "2", "-w", "4", "-f", "json"))
    assert len(cli) == 3
    for entry in cli:
        mine = ours[entry["name"]]
        assert mine.value == pytest.approx(entry["score"], abs=1e-4)
        assert mine.signature == entry["signature"]
        assert mine.level == "document"
    assert set(ours) == {"BLEU", "chrF2++", "TER"}


@pytest.mark.parametrize("metric,flags", [("BLEU", ["-m", "bleu"]), ("TER", ["-m", "ter"]),
                                          ("chrF2++", ["-m", "chrf", "--chrf-word-order", "2"])])
def test_sentence_scores_equal_the_sacrebleu_command(files, metric, flags):
    out = sacrebleu_cli(str(files / "ref.txt"), "-i", str(files / "sys1.txt"), *flags, "--sentence-level",
                        "-b", "-w", "4")
    cli = [float(x) for x in out.split()]
    ours = [s for s in sentence_scores(SYS1, REF, "vi") if s.metric == metric]
    assert [s.level for s in ours] == [f"sentence:{i}" for i in range(len(REF))]
    assert [s.value for s in ours] == pytest.approx(cli, abs=1e-4)


@pytest.mark.parametrize("test,flag,n", [("bs", "--paired-bs", 200), ("ar", "--paired-ar", 300)])
def test_paired_significance_equals_the_sacrebleu_command(files, test, flag, n):
    ours = compare_systems([str(files / "sys1.txt"), str(files / "sys2.txt")], str(files / "ref.txt"),
                           test=test, n_samples=n)
    out = sacrebleu_cli(str(files / "ref.txt"), "-i", str(files / "sys1.txt"), str(files / "sys2.txt"), "-m",
                        "bleu", "chrf", "--chrf-word-order", "2", flag, f"{flag}-n", str(n), "-f", "text")
    p_values = [float(x) for x in re.findall(r"p = ([0-9.]+)", out)]
    assert [ours["systems"][1][m]["p_value"] for m in ("BLEU", "chrF2++")] == pytest.approx(p_values, abs=1e-4)
    assert ours["systems"][0]["baseline"] and ours["systems"][0]["BLEU"]["p_value"] is None
    assert ours["systems"][1]["BLEU"]["score"] < ours["systems"][0]["BLEU"]["score"]
    assert f"{test}:{n}" in ours["signatures"]["BLEU"] and "seed:12345" in ours["signatures"]["BLEU"]


def test_systems_must_be_line_parallel(files, tmp_path):
    short = tmp_path / "short.txt"
    short.write_text("Một dòng.\n", encoding="utf-8")
    with pytest.raises(InputError, match="line-parallel"):
        compare_systems([str(files / "sys1.txt"), str(short)], str(files / "ref.txt"))


def test_score_command_table_and_json(files):
    from typer.testing import CliRunner

    from tqcheck.cli import app

    runner = CliRunner()
    args = ["score", str(files / "sys1.txt"), str(files / "sys2.txt"), "--ref", str(files / "ref.txt"),
            "--samples", "100"]
    table = runner.invoke(app, args)
    assert table.exit_code == 0, table.output
    assert "baseline: " in table.stdout and "chrF2++" in table.stdout and "p=" in table.stdout
    js = runner.invoke(app, args + ["--format", "json"])
    data = json.loads(js.stdout)
    assert [s["system"] for s in data["systems"]] == [str(files / "sys1.txt"), str(files / "sys2.txt")]
    bad = runner.invoke(app, ["score", str(files / "sys1.txt"), "--ref", str(files / "missing.txt")])
    assert bad.exit_code == 2 and "no such file" in bad.output


def test_line_parallel_reference_pairs_segments_by_line(files):
    from tqcheck.model import Document, Segment

    segs = tuple(Segment(i, t, 0, 0, 1, 1, "vi") for i, t in enumerate(SYS1))
    doc = Document("hyp.txt", "\n".join(SYS1), "vi", segs)
    hyps, refs, labels = reference_pairs(doc, str(files / "ref.txt"), Config())
    assert (hyps, refs, labels) == (SYS1, REF, list(range(len(REF))))


def test_reference_not_line_parallel_is_aligned(tmp_path):
    """A reference split differently from the translation is aligned with tqcheck's aligner."""
    from tqcheck.pipeline import load_document

    hyp = tmp_path / "hyp.vi.txt"
    ref = tmp_path / "ref.vi.txt"
    hyp.write_text("Tôi đi chợ sáng hôm qua. Trời mưa to cả chiều. Chúng tôi ăn tối ở nhà.\n", encoding="utf-8")
    ref.write_text("Tôi đã đi chợ vào sáng hôm qua và trời mưa rất to suốt buổi chiều.\n"
                   "Chúng tôi đã ăn tối cùng nhau ở nhà.\n", encoding="utf-8")
    cfg = Config()
    target = load_document(str(hyp), cfg, "vi")
    assert len(target.segments) == 3 and len(read_lines(str(ref))) == 2
    hyps, refs, _ = reference_pairs(target, str(ref), cfg)
    assert len(refs) == 2
    assert hyps[0].startswith("Tôi đi chợ") and "Trời mưa" in hyps[0]
    assert hyps[1] == "Chúng tôi ăn tối ở nhà."


def test_check_with_ref_adds_scores(tmp_path):
    from tqcheck.pipeline import check_documents

    here = Path(__file__).parent / "formats"
    ref = tmp_path / "ref.txt"
    ref.write_text("Xóa %d tệp khỏi máy chủ?\nXin chào {name}, chào mừng bạn trở lại.\n"
                   "Nhấn Lưu để giữ 3 thay đổi và thoát.\n", encoding="utf-8")
    pytest.importorskip("translate.storage.xliff")
    cfg = Config().merged(select=("TQ75",), reference=str(ref))
    report = check_documents(str(here / "app.xlf"), "", cfg)
    doc = {s.metric: s for s in report.scores if s.level == "document"}
    assert set(doc) == {"BLEU", "chrF2++", "TER"} and 0 < doc["BLEU"].value < 100
    # placeholders are masked on both sides, so the score compares words only
    hyps = [" ".join(s.text.split()) for s in report.target.segments]
    refs = [" ".join(x.replace("%d", "").replace("{name}", "").split()) for x in read_lines(str(ref))]
    assert doc["BLEU"].value == corpus_scores(hyps, refs, "vi")[0].value
    assert len([s for s in report.scores if s.level.startswith("sentence:")]) == 9
