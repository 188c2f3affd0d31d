"""The multilingual bench's own pieces (running text, injection spans, name heuristics) on invented text.

No encoder runs: these check that an injected error sits exactly where the bench says it is, so that recall
figures are not wrong because of the bench.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import multilingual_inject as mi  # noqa: E402
from bench.multilingual import NewsDoc, running  # noqa: E402

SRC = [["Maria Keller opened the new bridge in Lindau on Monday.",
        "It cost 45 million euros, and the work took three long years to finish completely.",
        "The mayor said that the town had waited for this moment since 1990.",
        "Visitors came from far away to see the ceremony and the fireworks.",
        "Maria Keller thanked the engineers, who had worked through two cold winters, for their patience.",
        "Traffic will start to use the bridge next week."]]
TGT = [["Maria Keller eröffnete am Montag die neue Brücke in Lindau.",
        "Sie kostete 45 Millionen Euro, und die Arbeiten dauerten drei lange Jahre bis zum Abschluss.",
        "Der Bürgermeister sagte, die Stadt habe seit 1990 auf diesen Moment gewartet.",
        "Besucher kamen von weit her, um die Zeremonie und das Feuerwerk zu sehen.",
        "Maria Keller dankte den Ingenieuren, die zwei kalte Winter lang gearbeitet hatten, für ihre Geduld.",
        "Der Verkehr wird die Brücke ab nächster Woche nutzen."]]


def test_running_text_spans_point_at_the_segments() -> None:
    text, spans = running([["Erste Zeile.", "Zweite."], ["Dritte."]], "de")
    assert text == "Erste Zeile. Zweite.\n\nDritte."
    assert [text[s:e] for s, e in spans] == ["Erste Zeile.", "Zweite.", "Dritte."]
    text, spans = running([["第一句。", "第二句。"]], "zh")
    assert text == "第一句。第二句。" and [text[s:e] for s, e in spans] == ["第一句。", "第二句。"]


def test_names_by_script() -> None:
    assert [n for _, _, n in mi.cased_names("Gestern traf Anna Berg den Bürgermeister.", "de",
                                            frozenset({"bürgermeister"}))] == ["Anna Berg"]
    assert [n for _, _, n in mi.cased_names("Im Juli kam Ben.", "de")] == ["Ben"]  # CLDR month names are not names
    runs = [(t, k) for _, _, t, k in mi.script_names("昨日、ジョン・スミス氏が来た。记者：约翰·史密斯。")]
    assert ("ジョン・スミス", "kana") in runs and ("约翰·史密斯", "han") in runs


def test_every_injection_span_holds_what_was_injected() -> None:
    doc = NewsDoc("d1", "en", "de", SRC, TGT)
    pools = {"same:LATIN": ["Maria Keller", "Jonas Brandt", "Lindau", "Konstanz"]}
    filler = ["Ein ganz anderer Satz über das Wetter in den Bergen heute."]
    for seed in range(20):
        inj = mi.inject(doc, random.Random(seed), pools, filler)
        src_text, tgt_text = mi.build_texts(inj)
        kinds = [x.kind for x in inj.injections]
        assert len(set(kinds)) == len(kinds)
        segs = sorted(x.seg for x in inj.injections)
        assert all(b - a >= 2 for a, b in zip(segs, segs[1:])) and 0 not in segs
        for x in inj.injections:
            if x.kind == "dropped":
                assert x.tgt_abs is None and src_text[x.src_abs[0]:x.src_abs[1]] == SRC[0][x.seg]
                assert TGT[0][x.seg] not in tgt_text
            elif x.kind == "added":
                assert tgt_text[x.tgt_abs[0]:x.tgt_abs[1]] == filler[0]
            elif x.kind == "name-same-script":
                old, new = x.detail.split(" -> ")
                assert tgt_text[x.tgt_abs[0]:x.tgt_abs[1]] == new and new != old
                assert src_text[x.src_abs[0]:x.src_abs[1]] == old  # a source-side finding on the name counts
            elif x.kind == "number":
                old, new = x.detail.split(" -> ")
                assert tgt_text[x.tgt_abs[0]:x.tgt_abs[1]] == new and new != old
            elif x.kind == "repeated":
                w = x.detail.split(" ")[0]
                assert tgt_text[x.tgt_abs[0]:x.tgt_abs[1]] == f"{w} {w}"
            elif x.kind == "untranslated":
                assert tgt_text[x.tgt_abs[0]:x.tgt_abs[1]] == SRC[0][x.seg]
            elif x.kind == "truncated":
                cut = tgt_text[x.tgt_abs[0]:x.tgt_abs[1]]
                assert TGT[0][x.seg].startswith(cut[:-1]) and len(cut) < len(TGT[0][x.seg])


def test_by_kind_sums_every_direction() -> None:
    from types import SimpleNamespace

    a = {k: [0, 0, 0] for k in mi.KINDS}
    b = {k: [0, 0, 0] for k in mi.KINDS}
    a["truncated"], b["truncated"], b["dropped"] = [2, 1, 3], [1, 0, 2], [1, 1, 1]
    got = mi.by_kind([SimpleNamespace(inject={"per_kind": a}), SimpleNamespace(inject={"per_kind": b}),
                      SimpleNamespace(inject=None)])
    assert got == "truncated 3/1/5, dropped 1/1/1"


def test_findings_labelled_true_errors_of_the_reference_are_set_apart_from_false_alarms() -> None:
    from bench.multilingual import DirResult, markdown

    r = DirResult("en-de", docs=2, pairs=200, major=5, critical=3, true_major=2, true_critical=2)
    table = markdown([r])
    row = next(line for line in table.splitlines() if line.startswith("| en-de"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    # every finding, then the labelled true errors, then what is left: 3 major+ and 1 critical false alarm
    assert cells[3:9] == ["2.50", "1.50", "2/2", "1.50", "0.50", "0"]
    assert cells[11] == "no"  # 0.50 critical false alarms per 100 is over the 0.2 target
    ok = markdown([DirResult("en-de", docs=2, pairs=200, major=4, critical=3, true_major=3, true_critical=3)])
    assert "| yes |" in ok
    assert "3 at major or worse (3 critical) point at a real error of the reference" in ok


def test_the_reference_labels_are_complete_rows() -> None:
    from bench import triage
    from bench.multilingual import LABELS

    labels = triage.read_labels(LABELS)
    assert labels
    for key, row in labels.items():
        pair, _, docid = key[0].partition(" ")
        assert pair.count("-") == 1 and docid, key
        assert row.label in triage.VALID and row.reason and row.severity in ("major", "critical"), key


def test_a_truncation_is_cut_at_a_clause_comma_never_inside_a_figure() -> None:
    src = [["Opening line of the report.",
            "The mayor said on Monday that the new bridge would open in spring, after three long years of work.",
            "Another line between the two that matters here.",
            "The plant produced an average of 13,5 kWh of electricity per day for the whole town last year.",
            "A closing line."]]
    tgt = [["Úvodní řádek zprávy.",
            "Starosta v pondělí řekl, že nový most bude otevřen na jaře po třech dlouhých letech práce.",
            "Další řádek mezi nimi, na kterém záleží.",
            "Elektrárna loni vyráběla pro celé město v průměru 13,5 kWh elektřiny denně a ještě více v zimě.",
            "Závěrečný řádek."]]
    doc = NewsDoc("d2", "en", "cs", src, tgt)
    cuts = []
    for seed in range(30):
        inj = mi.inject(doc, random.Random(seed), {}, ["Úplně jiná věta o počasí na horách dnes odpoledne."])
        cuts += [x.detail for x in inj.injections if x.kind == "truncated"]
    assert cuts
    assert all(c.startswith("cut: že nový most") for c in cuts), cuts  # never "5 kWh elektřiny ..."
