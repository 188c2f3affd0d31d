"""Run every case in tests/rules/cases/*.yml (sqlfluff's std_rule_cases, pycodestyle's testing/data).

Each case builds two real Documents (tqcheck.segment + per-segment langid, as the pipeline does), beads from
the case's ``beads:`` key (vecalign lines) or one bead holding every segment, and runs ``run_rules`` with only
the file's rule(s) selected. Expected and actual codes are compared as multisets; a failure prints a
``-TQ201 / +TQ205`` diff plus every finding. Rules that need sentence vectors (adequacy) read
``ctx.embedder``: the real bundled encoder, loaded on first use and shared (with a vector cache)
by the whole session.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pytest
import yaml

from tqcheck.align import read_beads
from tqcheck.checks import DocContext, all_rules, check_options, run_rules
from tqcheck.model import Bead, Document
from tqcheck.pipeline import _seg_lang
from tqcheck.resources import load_resources
from tqcheck.segment import segment

CASES_DIR = Path(__file__).parent / "cases"
CASE_KEYS = {"name", "src", "tgt", "src_lang", "tgt_lang", "beads", "expect", "span", "suggestion", "severity",
             "glossary", "note", "options"}


def load_case_files() -> dict[str, dict[str, Any]]:
    """``{file name: parsed YAML}`` for every case file."""
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(CASES_DIR.glob("*.yml"))}


def rule_codes(data: dict[str, Any]) -> list[str]:
    codes = data.get("rule")
    return [codes] if isinstance(codes, str) else list(codes or [])


def _params() -> list[Any]:
    out = []
    for fname, data in load_case_files().items():
        for case in (data or {}).get("cases") or []:
            out.append(pytest.param(fname, rule_codes(data), case, id=f"{fname}:{case.get('name', '?')}"))
    return out


class _LazyCachingEmbedder:
    """The real default encoder, loaded on first ``encode`` and memoised per text for the session."""

    def __init__(self) -> None:
        self._inner: Any = None
        self._memo: dict[str, np.ndarray] = {}

    @property
    def name(self) -> str:
        return self._model().name

    def _model(self) -> Any:
        if self._inner is None:
            from tqcheck.embed import get_embedder

            self._inner = get_embedder()
        return self._inner

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if todo:
            for t, v in zip(todo, self._model().encode(todo)):
                self._memo[t] = v
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._memo[t] for t in texts])


@pytest.fixture(scope="session")
def case_embedder() -> _LazyCachingEmbedder:
    return _LazyCachingEmbedder()


def make_document(text: str, lang: str, side: str) -> Document:
    segs = segment(text, lang, detect_lang=_seg_lang(lang))
    return Document(path=f"<case {side}>", raw=text, lang=lang, segments=tuple(segs))


def make_beads(spec: str | None, n_src: int, n_tgt: int) -> tuple[Bead, ...]:
    if spec is None:
        return (Bead(tuple(range(n_src)), tuple(range(n_tgt)), 0.0),)
    beads = tuple(Bead(s, t, 0.0) for s, t in read_beads(spec))
    used_s = sorted(i for b in beads for i in b.src)
    used_t = sorted(j for b in beads for j in b.tgt)
    assert used_s == list(range(n_src)) and used_t == list(range(n_tgt)), (
        f"beads {spec!r} must cover the {n_src} source and {n_tgt} target segments exactly once")
    return beads


def build_context(case: dict[str, Any], embedder: Any) -> DocContext:
    src = make_document(case["src"], case.get("src_lang", "en"), "source")
    tgt = make_document(case["tgt"], case.get("tgt_lang", "vi"), "target")
    beads = make_beads(case.get("beads"), len(src.segments), len(tgt.segments))
    res = load_resources()
    if case.get("glossary"):
        from tqcheck.glossary import glossary_from_pairs  # owned by the terms engineer

        res.glossary = list(res.glossary) + list(glossary_from_pairs(case["glossary"]))
    ctx = DocContext(src, tgt, beads, res, options=check_options(case.get("options") or {}, all_rules()))
    ctx.embedder = embedder
    return ctx


def _diff(expected: Counter, got: Counter) -> str:
    lines = [f"-{c}" for c in sorted((expected - got).elements())]
    lines += [f"+{c}" for c in sorted((got - expected).elements())]
    return " ".join(lines)


@pytest.mark.parametrize(("fname", "codes", "case"), _params())
def test_rule_case(fname: str, codes: list[str], case: dict[str, Any], case_embedder: Any) -> None:
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"unknown case keys {sorted(unknown)}"
    registry = all_rules()
    missing = [c for c in codes if c not in registry]
    assert not missing, f"{fname}: rule(s) {missing} are not registered"
    ctx = build_context(case, case_embedder)
    findings = run_rules([registry[c] for c in codes], ctx)
    expected = Counter(case.get("expect") or [])
    got = Counter(f.code for f in findings)
    detail = "\n".join(f"  {f.code} {f.severity.value} {f.side}[{f.text!r}]: {f.message} | {f.suggestion}"
                       for f in findings)
    assert got == expected, f"codes differ: {_diff(expected, got)}\n{detail}"
    if findings and "span" in case:
        assert findings[0].text == case["span"], f"span {findings[0].text!r} != {case['span']!r}\n{detail}"
    if findings and "suggestion" in case:
        assert case["suggestion"] in (findings[0].suggestion or ""), f"suggestion lacks {case['suggestion']!r}\n{detail}"
    if findings and "severity" in case:
        assert findings[0].severity.value == case["severity"], f"severity != {case['severity']}\n{detail}"
