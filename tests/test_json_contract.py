"""The JSON contract: every emitted key is documented, and output is byte-identical run to run."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from reportkit import ROOT, SEED_SRC, SEED_TGT, iwslt_dir, seed_report, small_report, write_talk

from tqcheck.baseline import Suppressor
from tqcheck.batch import folder_dict
from tqcheck.config import Accept
from tqcheck.render import render

DOC = ROOT / "docs" / "output-formats.md"
DYNAMIC = ("summary.beads", "summary.by_severity", "summary.by_family", "summary.by_code", "pairing.evidence")


def documented() -> set[str]:
    """Key paths named in the first column of the tables of docs/output-formats.md."""
    paths: set[str] = set()
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| `"):
            continue
        first = line.split("|")[1]
        names = re.findall(r"`([^`]+)`", first)
        base = names[0]
        paths.add(base)
        for other in names[1:]:  # "`source.segments[].start` / `end`" and "`source`, `target`"
            paths.add(base.rsplit(".", 1)[0] + "." + other if "." in base else other)
    return paths


def emitted(obj: object, prefix: str = "") -> set[str]:
    out: set[str] = set()
    if isinstance(obj, dict):
        for k, v in obj.items():
            path = f"{prefix}.{k}" if prefix else k
            out.add(path)
            if re.sub(r"^pairs\[\]\.", "", path) not in DYNAMIC:
                out |= emitted(v, path)
    elif isinstance(obj, list):
        for item in obj:
            out |= emitted(item, prefix + "[]")
    return out


def normalise(path: str) -> str:
    """``target.*`` is documented as ``source.*``; a suppressed finding has every ``findings[]`` key."""
    path = re.sub(r"^target\b", "source", path)
    return re.sub(r"^suppressed\[\]\.(?!suppressed_by$|reason$)", "findings[].", path)


def test_every_report_key_is_documented() -> None:
    r = seed_report()
    sup = Suppressor(None, [Accept(r.findings[0].fingerprint, "x")]).apply(r) if r.findings else small_report()
    keys = emitted(r.to_dict()) | emitted(sup.to_dict()) | emitted(small_report().to_dict())
    docs = documented()
    missing = sorted(k for k in {normalise(k) for k in keys} if k not in docs)
    assert not missing, f"document these keys in docs/output-formats.md: {missing}"
    assert "suppressed[].suppressed_by" in keys and "summary.suppressed" in keys


def test_every_folder_key_is_documented() -> None:
    from dataclasses import replace

    from tqcheck.pairing import Pairing, Unpaired

    r = replace(small_report(), extra={"pairing": {"similarity": 0.6, "margin": 0.3, "confidence": 0.2,
                                                   "evidence": {"aligned": 0.6, "numbers": 0.5, "names": 0.1}}})
    pairing = Pairing((), (Unpaired("x.txt", "en", "y.txt", 0.1),), 0.35, {"x.txt": "en"})
    d = folder_dict([r], pairing)
    assert list(d)[:3] == ["schema_version", "pairs", "unpaired"]
    keys = {re.sub(r"^pairs\[\]\.", "", k) for k in emitted(d)} - {"pairs"}
    docs = documented()
    missing = sorted(k for k in {normalise(k) for k in keys} if k not in docs)
    assert not missing, f"document these keys in docs/output-formats.md: {missing}"


def test_documentation_names_no_key_twice_and_parser_finds_tables() -> None:
    docs = documented()
    assert {"findings[].fingerprint", "source.segments[].end", "unpaired[].best_candidate"} <= docs


def test_same_input_gives_byte_identical_json() -> None:
    from tqcheck.config import Config
    from tqcheck.pipeline import check_documents

    first = render(seed_report(), "json")
    again = check_documents(str(ROOT / SEED_SRC), str(ROOT / SEED_TGT), Config())
    # the same files given by another path: only the paths differ
    assert render(again, "json").replace(str(ROOT) + "/", "") == first
    assert render(seed_report(), "json") == first
    assert json.loads(first)["schema_version"] == "1.0"


@pytest.mark.skipif(iwslt_dir() is None, reason="needs shared/data/iwslt15-en-vi-ted")
def test_folder_json_is_identical_serial_and_parallel(tmp_path: Path) -> None:
    """Two pairs from a manifest, checked in one process and in two: the same bytes, in manifest order."""
    from tqcheck.cli import run

    en, vi = write_talk(tmp_path)
    manifest = tmp_path / "pairs.jsonl"
    manifest.write_text(
        json.dumps({"source": en.name, "target": vi.name}) + "\n"
        + json.dumps({"source": str(ROOT / SEED_SRC), "target": str(ROOT / SEED_TGT)}) + "\n", encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.json"
        code = run(["check", str(manifest), "--format", "json", "-o", str(out), "--jobs", jobs, "--isolated",
                    "--quiet"])
        assert code == 1  # the seed pair fails the default gate; the folder's status is the worst pair's
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    d = json.loads(outs[0])
    assert [Path(p["target"]["path"]).name for p in d["pairs"]] == [vi.name, Path(SEED_TGT).name]
    assert [p["summary"]["gate"]["failed"] for p in d["pairs"]] == [False, True]
    assert d["summary"]["failed_pairs"] == 1 and d["unpaired"] == []
