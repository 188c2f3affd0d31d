"""bench.mqm_ted's pieces that need no data: reading the rated rows into talks of segments, segment labels."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.mqm import SystemResult  # noqa: E402
from bench.mqm_ted import joined, main, read  # noqa: E402


def _row(system: str, seg: int, category: str, severity: str, target: str = "One sentence.") -> dict:
    return {"system": system, "doc": "talk.1", "doc_id": "1", "seg_id": str(seg), "rater": "rater1",
            "source": "一句话。", "target": target, "category": category, "severity": severity}


def test_read_orders_segments_and_labels_them_by_every_rating():
    talks = read([
        _row("S", 7, "No-error", "No-error"),
        _row("S", 3, "Accuracy/Mistranslation", "Major", target="One <v>sentence</v>."),
        _row("S", 3, "Fluency/Grammar", "Minor"),
        _row("S", 9, "Style/Awkward", "Minor"),
        _row("T", 3, "No-error", "No-error"),
    ])
    segs = talks[("S", "talk.1")]
    assert [p.index for p in segs] == [3, 7, 9]
    assert segs[0].target == "One sentence."
    assert [p.label for p in segs] == ["accuracy", "clean", "other"]
    assert [p.label for p in talks[("T", "talk.1")]] == ["clean"]


def test_segments_are_joined_without_spaces_in_chinese():
    text, spans = joined(["第一句。", "第二句。"], "zh")
    assert [text[a:b] for a, b in spans] == ["第一句。", "第二句。"]


def test_markdown_speaks_of_segments():
    from bench.mqm_ted import markdown

    md = markdown([SystemResult("zh-en ref", docs=1, paragraphs=4, clean=2, findings=1, on_clean=1)])
    assert "| zh-en ref | 1 | 4 | 2 |" in md


def test_an_unknown_direction_is_refused_in_one_line(capsys):
    assert main(["--pairs", "fr-de"]) == 2
    assert "unknown direction 'fr-de'" in capsys.readouterr().err
