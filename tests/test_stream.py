"""Streamed many-pair outputs are byte for byte what the all-in-memory renderers write."""
from __future__ import annotations

import io
from dataclasses import replace

import pytest
from reportkit import build_report, doc, finding, small_report

from tqcheck.baseline import Suppressor
from tqcheck.batch import folder_dict
from tqcheck.model import Severity
from tqcheck.pairing import Pairing, Unpaired
from tqcheck.render import Format, render
from tqcheck.render.json_ import dumps
from tqcheck.render.stream import streamer


def _streamed(fmt: Format, reports: list, pairing=None) -> str:  # noqa: ANN001
    s = streamer(fmt, pairing)
    body = io.StringIO()
    for r in reports:
        body.write(s.add(r))
    head, tail = s.finish()
    body.seek(0)
    return head + "".join(s.fix_line(line) for line in body) + tail


def _reports() -> list:
    first = small_report()
    src = doc("b/en.txt", "The 300 guests came on 4 May.\nThey left at noon.\n", "en")
    tgt = doc("b/vi.txt", "300 khách đến ngày 4/5.\nHọ rời đi lúc trưa.\nNó.\n", "vi")
    crashed = finding(tgt, "TQ901", "Nó", Severity.MINOR, bead=None, message="a rule crashed")
    second = build_report(src, tgt, [finding(tgt, "TQ201", "300", Severity.CRITICAL), crashed],
                          rules="TQ101,TQ201,TQ202")
    clean = build_report(doc("c/en.txt", "Fine.\n", "en"), doc("c/vi.txt", "Tốt.\n", "vi"), [], rules="TQ101")
    accepted = Suppressor(None, ())
    accepted.accept = {first.findings[1].fingerprint: "known"}
    return [accepted.apply(first), second, clean, replace(second, extra={"pairing": {"similarity": 0.9}})]


def _old(fmt: Format, reports: list, pairing=None) -> str:  # noqa: ANN001
    """What a many-pair run wrote before outputs were streamed (every report rendered at the end)."""
    import importlib

    if fmt == Format.json:
        return dumps(folder_dict(reports, pairing))
    if fmt == Format.text:
        parts = [render(r, Format.text) for r in reports]
        if pairing is not None and pairing.unpaired:
            parts.append("".join(f"unpaired: {u.path} ({u.lang})" + (
                f"; best candidate {u.best_candidate} (similarity {u.similarity:.2f})\n" if u.best_candidate else "\n")
                for u in pairing.unpaired))
        failed = sum(1 for r in reports if r.summary.get("gate", {}).get("failed"))
        parts.append(f"{len(reports)} pair{'s' if len(reports) != 1 else ''} checked, {failed} failed the gate\n")
        return "\n".join(parts)
    return importlib.import_module(f"tqcheck.render.{fmt.value}").render_many(reports)


PAIRING = Pairing(pairs=(), unpaired=(Unpaired("x/de.txt", "de", "x/en.txt", 0.41), Unpaired("y.txt", "fr", None, None)),
                  floor=0.5, documents={})


@pytest.mark.parametrize("fmt", [Format.json, Format.sarif, Format.junit, Format.github, Format.text])
@pytest.mark.parametrize("count", [0, 1, 4])
@pytest.mark.parametrize("pairing", [None, PAIRING])
def test_streamed_output_equals_the_in_memory_output(fmt: Format, count: int, pairing) -> None:  # noqa: ANN001
    reports = _reports()[:count]
    assert _streamed(fmt, reports, pairing) == _old(fmt, reports, pairing)


def test_streamed_sarif_indexes_a_rule_first_seen_in_a_later_pair() -> None:
    """TQ901 appears only in the second report and sorts after the others: every earlier result's ruleIndex
    must still point at its own rule once the full rule list is known."""
    import json

    reports = _reports()[:2]
    log = json.loads(_streamed(Format.sarif, reports))
    rules = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert "TQ901" in rules
    for res in log["runs"][0]["results"]:
        assert rules[res["ruleIndex"]] == res["ruleId"]


def test_folder_json_summary_counts_what_was_streamed() -> None:
    import json

    reports = _reports()
    out = json.loads(_streamed(Format.json, reports, PAIRING))
    assert out == json.loads(dumps(folder_dict(reports, PAIRING)))
    assert out["summary"]["pairs"] == 4 and out["summary"]["unpaired"] == 2
    assert out["summary"]["findings"] == sum(len(r.findings) for r in reports)


class _Probe(dict):
    """Rendered as ``{}`` in every output; weakly referenceable, unlike the report that holds it."""


def test_a_many_pair_run_drops_each_report_once_it_is_written(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """The CLI keeps no report past its write: while the engine yields pair k, the report of pair k-2 is gone."""
    import gc
    import weakref

    import tqcheck.engines as engines
    from tqcheck.cli import run

    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("Text.\n", encoding="utf-8")
    manifest = tmp_path / "pairs.csv"
    manifest.write_text("source,target\n" + "a.txt,b.txt\n" * 6, encoding="utf-8")
    alive: list = []

    def fake_check_all(specs, cfg, **_):  # noqa: ANN001, ANN202 - the engine, yielding built reports
        template = _reports()[1]
        for k in range(len(specs)):
            gc.collect()
            if k >= 2:
                assert alive[k - 2]() is None, f"report {k - 2} is still held while pair {k} is checked"
            probe = _Probe()  # a Report has slots and no weak reference; a dict inside it has
            alive.append(weakref.ref(probe))
            r = replace(template, extra={"pair": k, "probe": probe})
            del probe
            yield r
            del r

    monkeypatch.setattr(engines, "check_all", fake_check_all)
    out = tmp_path / "out.json"
    sarif = tmp_path / "out.sarif"
    code = run(["check", str(manifest), "-f", "json", "-o", str(out), "--save", f"sarif={sarif}",
                "--html", str(tmp_path / "site"), "-q", "--isolated"])
    assert code == 1 and len(alive) == 6
    import json

    assert [p["pair"] for p in json.loads(out.read_text(encoding="utf-8"))["pairs"]] == list(range(6))
    assert len(list((tmp_path / "site").glob("*.html"))) == 7
