"""bench.demetr's pieces that need no data: the changed span of a perturbation and the joined documents."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.demetr import LangResult, changed_span, joined, markdown  # noqa: E402


def test_changed_span_covers_whole_words():
    a = "Five sailors died on the USS Bush last week."
    b = "Three sailors died on the USS Bush last week."
    s, e = changed_span(a, b)
    assert b[s:e] == "Three"
    assert changed_span(a, a) is None
    s, e = changed_span("It cost 20 dollars.", "It cost 25 dollars.")
    assert "25" in "It cost 25 dollars."[s:e]


def test_joined_keeps_each_sentence_span():
    text, spans = joined(["Ein Satz.", "Noch einer."], "de")
    assert [text[a:b] for a, b in spans] == ["Ein Satz.", "Noch einer."]
    text, spans = joined(["一句。", "两句。"], "zh")
    assert text == "一句。两句。"


def test_markdown_reports_rates_per_100_pairs():
    r = LangResult("pl", docs=1, pairs=20, major=1, critical=0)
    r.recall["ne_replaced"] = [3, 2, 4]
    md = markdown([r])
    assert "| pl* | 1 | 20 | 5.00 | 0.00 |" in md
    assert "3/4 (2 major+)" in md
