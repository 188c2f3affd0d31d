"""bench.mqm's pieces that need no data: reading the rated rows, paragraph labels, placing findings."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.mqm import SystemResult, joined, markdown, paragraph_at, read  # noqa: E402


def _row(system: str, seg: int, category: str, severity: str, target: str = "Ein Satz.") -> dict:
    return {"system": system, "doc": "news_x.1:en-de", "docSegId": str(seg), "source": "A sentence.",
            "target": target, "category": category, "severity": severity}


def test_read_groups_ratings_by_paragraph_and_drops_probes_and_span_marks():
    docs = read([
        _row("S", 2, "No-error", "No-error"),
        _row("S", 1, "Accuracy/Omission", "Major", target="Ein <v>Satz</v>."),
        _row("S", 1, "Fluency/Grammar", "Minor"),
        _row("S", 2, "No-error", "No-error"),
        _row("S", 2, "Found", "HOTW-test"),
        _row("S", 3, "Fluency/Punctuation", "Minor"),
    ])
    paras = docs[("S", "news_x.1:en-de")]
    assert [p.index for p in paras] == [0, 1, 2]
    assert paras[0].target == "Ein Satz."
    assert [p.label for p in paras] == ["accuracy", "clean", "other"]


def test_findings_are_placed_in_the_paragraph_that_holds_them():
    text, spans = joined(["Erster Absatz.", "Zweiter Absatz."])
    assert text == "Erster Absatz.\n\nZweiter Absatz."
    assert [text[a:b] for a, b in spans] == ["Erster Absatz.", "Zweiter Absatz."]
    assert paragraph_at(spans, 0) == 0
    assert paragraph_at(spans, text.index("Zweiter") + 3) == 1


def test_markdown_rates_false_alarms_per_100_clean_paragraphs():
    r = SystemResult("S", docs=2, paragraphs=10, clean=4, accuracy=3, findings=5, on_clean=1, on_rated=4,
                     accuracy_flagged=2)
    md = markdown([r])
    assert "| S | 2 | 10 | 4 | 3 | 5 | 1 | 25.00 | 2/3 (67%) | 4/5 (80%) |" in md
    assert "1 of them on clean paragraphs (25.00 per 100 clean paragraphs)" in md
