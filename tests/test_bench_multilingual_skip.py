"""``bench.multilingual --skip``: which documents a run checks, on an invented data folder (no WMT data, no
encoder: the check itself is replaced by a recorder, so only the bench's selection of documents is tested)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import multilingual as ml  # noqa: E402

N_LINES = 60  # the line-aligned direction: pseudo-documents of lines 1-25, 26-50, 51-60


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "wmt21-newstest"
    d.mkdir()
    (d / "en-de.src.en").write_text("".join(f"Line {i} of the invented source.\n" for i in range(1, N_LINES + 1)),
                                    encoding="utf-8")
    (d / "en-de.ref.de").write_text("".join(f"Zeile {i} der erfundenen Quelle.\n" for i in range(1, N_LINES + 1)),
                                    encoding="utf-8")
    rows = [{"doc": f"story-{k}", "src": [[f"Der Artikel {k} hat einen Satz."]],
             "ref": [[f"L'article {k} a une phrase."]]} for k in range(1, 6)]
    (d / "de-fr.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    monkeypatch.setenv("TQCHECK_BENCH_DATA", str(tmp_path))
    return d


@pytest.fixture()
def checked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Replaces the check with a recorder of (document name, source text); every report is empty."""
    seen: list[tuple[str, str]] = []

    def fake_check(src_text, tgt_text, src_lang, tgt_lang, folder, name):  # noqa: ANN001, ANN202
        seen.append((name, src_text))
        return SimpleNamespace(findings=[], summary={}, alignment=[])

    monkeypatch.setattr(ml, "check_texts", fake_check)
    monkeypatch.setattr(ml, "projected_beads", lambda rep, s, t: [])
    return seen


def test_skip_leaves_out_the_first_pseudo_documents(folder: Path, checked: list) -> None:
    res = ml.run_direction("en-de", n_docs=1, skip=1)
    assert [name for name, _ in checked] == ["en-de-lines26-50"]
    assert checked[0][1].startswith("Line 26 ") and "Line 50 " in checked[0][1] and "Line 51 " not in checked[0][1]
    assert (res.docs, res.pairs) == (1, 25)


def test_skip_then_docs_takes_what_is_left(folder: Path, checked: list) -> None:
    res = ml.run_direction("en-de", n_docs=5, skip=2)  # only 10 lines are left after two pseudo-documents
    assert [name for name, _ in checked] == ["en-de-lines51-60"] and res.pairs == 10
    checked.clear()
    res = ml.run_direction("en-de", n_docs=1, skip=3)  # nothing left: an empty direction, not an error
    assert checked == [] and (res.docs, res.pairs, res.errors) == (0, 0, [])


def test_skip_on_a_direction_with_documents(folder: Path, checked: list) -> None:
    ml.run_direction("de-fr", n_docs=2, skip=2)
    assert [name for name, _ in checked] == ["story-3", "story-4"]
    checked.clear()
    ml.run_direction("de-fr", n_docs=None, skip=1)  # --docs 0: every document after the skipped ones
    assert [name for name, _ in checked] == ["story-2", "story-3", "story-4", "story-5"]


def test_skip_zero_is_the_default_run(folder: Path, checked: list) -> None:
    ml.run_direction("de-fr", n_docs=2)
    assert [name for name, _ in checked] == ["story-1", "story-2"]


def test_intro_names_the_documents_checked() -> None:
    assert "Documents 7-18 documents per direction" in ml.intro(12, skip=6)
    assert "All documents after the first 6 documents" in ml.intro(None, skip=6)
    assert "The first 6 documents" in ml.intro(6)


def test_main_rejects_a_negative_skip(folder: Path, checked: list, capsys: pytest.CaptureFixture) -> None:
    assert ml.main(["--pairs", "de-fr", "--skip", "-1"]) == 2
    assert "--skip" in capsys.readouterr().err and checked == []


def test_main_passes_skip_through(folder: Path, checked: list, capsys: pytest.CaptureFixture) -> None:
    assert ml.main(["--pairs", "de-fr", "--skip", "4", "--docs", "3"]) == 0
    assert [name for name, _ in checked] == ["story-5"]
    assert "| de-fr | 1 | 1 |" in capsys.readouterr().out


def test_a_held_out_slice_leaves_out_the_directions_it_runs_past(folder: Path) -> None:
    # en-de has 3 pseudo-documents (lines 1-25, 26-50, 51-60), de-fr 5 documents
    assert ml.held_directions(["en-de", "de-fr"], 0) == ["en-de", "de-fr"]
    assert ml.held_directions(["en-de", "de-fr"], 3) == ["de-fr"]
    assert ml.held_directions(["en-de", "de-fr"], 5) == []
