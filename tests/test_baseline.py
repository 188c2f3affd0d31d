"""Baselines and accepted findings: only new findings fail; suppressed ones stay visible."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from reportkit import ROOT, SEED_SRC, SEED_TGT, build_report, doc, finding, seed_report, small_report

from tqcheck.baseline import Suppressor, load_baseline, parse_accept, write_baseline
from tqcheck.config import Accept, Config
from tqcheck.errors import ConfigError, InputError
from tqcheck.model import Severity


def test_baseline_round_trip_suppresses_everything_and_passes_the_gate(tmp_path: Path) -> None:
    r = small_report()
    assert r.summary["gate"]["failed"]
    base = write_baseline([r], tmp_path / "b.json")
    again = load_baseline(tmp_path / "b.json")
    assert again.counts == base.counts == {f.fingerprint: 1 for f in r.findings}
    out = Suppressor(again).apply(r)
    assert out.findings == ()
    assert out.summary["findings"] == 0 and out.summary["suppressed"] == 3
    assert out.summary["by_severity"] == {"critical": 0, "major": 0, "minor": 0}
    assert out.summary["quality_score"] == 100.0
    assert out.summary["gate"]["failed"] is False
    d = out.to_dict()
    assert [s["code"] for s in d["suppressed"]] == ["TQ101", "TQ201", "TQ202"]
    assert all(s["suppressed_by"] == "baseline" for s in d["suppressed"])
    # the file is deterministic
    first = (tmp_path / "b.json").read_bytes()
    write_baseline([r], tmp_path / "b.json")
    assert (tmp_path / "b.json").read_bytes() == first


def test_only_new_findings_fail() -> None:
    old = small_report()
    s = Suppressor(None)
    s.remaining.update({f.fingerprint: 1 for f in old.findings if f.severity != Severity.CRITICAL})
    out = s.apply(old)
    assert [f.code for f in out.findings] == ["TQ101"]  # the critical one was not in the baseline
    assert out.summary["gate"]["failed"] is True


def test_counts_are_respected() -> None:
    src = doc("s.txt", "Lavrov met Minh. Lavrov met Minh.\n", "en")
    tgt = doc("t.txt", "Lavlov gặp Minh. Lavlov gặp Minh.\n", "vi")
    f1 = finding(tgt, "TQ101", "Lavlov", Severity.CRITICAL)
    f2 = finding(tgt, "TQ101", "Lavlov", Severity.CRITICAL, occurrence=1)
    assert f1.fingerprint == f2.fingerprint
    r = build_report(src, tgt, [f1, f2])
    s = Suppressor(None)
    s.remaining[f1.fingerprint] = 1  # one was accepted; a second copy is new
    out = s.apply(r)
    assert len(out.findings) == 1 and len(out.extra["suppressed"]) == 1


def test_accept_with_reason_beats_baseline_and_is_reported() -> None:
    r = small_report()
    out = Suppressor(None, [Accept(r.findings[0].fingerprint, "client wants the pinyin")]).apply(r)
    sup = out.to_dict()["suppressed"]
    assert sup == [{**sup[0], "suppressed_by": "accept", "reason": "client wants the pinyin"}]
    assert sup[0]["fingerprint"] == r.findings[0].fingerprint
    assert out.summary["gate"]["failed"] is False  # the remaining findings are major/minor


def test_parse_accept() -> None:
    assert parse_accept(["ABC123=ok by reviewer"]) == (Accept("abc123", "ok by reviewer"),)
    assert parse_accept(["abc123"])[0].reason
    with pytest.raises(ConfigError):
        parse_accept(["not-a-fingerprint"])


@pytest.mark.parametrize("body, needle", [
    ("{", "not valid JSON"),
    ('{"findings": []}', "not a tqcheck baseline"),
    ('{"kind": "tqcheck-baseline", "findings": [{"code": "TQ101"}]}', "entry 1 has no fingerprint"),
])
def test_bad_baseline_is_one_clear_input_error(tmp_path: Path, body: str, needle: str) -> None:
    p = tmp_path / "b.json"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=needle):
        load_baseline(p)
    with pytest.raises(InputError, match="no such baseline"):
        load_baseline(tmp_path / "missing.json")


def test_real_fingerprints_survive_a_line_shift(tmp_path: Path) -> None:
    """The real pipeline on the seed, then on a copy with lines added above: the baseline still matches."""
    from tqcheck.pipeline import check_documents

    r = seed_report()
    assert r.findings
    base = write_baseline([r], tmp_path / "b.json")
    shifted = tmp_path / "shifted.txt"
    shifted.write_text("\n\n\n" + (ROOT / SEED_TGT).read_text(encoding="utf-8"), encoding="utf-8")
    r2 = check_documents(str(ROOT / SEED_SRC), str(shifted), Config())
    tgt_lines = {f.fingerprint: f.line for f in r.findings if f.side == "target"}
    moved = [f for f in r2.findings if f.fingerprint in tgt_lines]
    assert moved and all(f.line == tgt_lines[f.fingerprint] + 3 for f in moved)
    out = Suppressor(base).apply(r2)
    assert out.findings == ()
    assert out.summary["suppressed"] == len(r2.findings)
    assert json.loads((tmp_path / "b.json").read_text())["kind"] == "tqcheck-baseline"
