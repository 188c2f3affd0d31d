"""The alignment's margin for a lost end of a sentence (tqcheck.checks.margin, TQ508), with the bundled encoder on
invented sentences: a translation cut where the source has no comma before what it lost, into German and into
Chinese, against the whole sentence and a condensed one that still renders the end."""
from __future__ import annotations

import pytest

from tqcheck.checks import DocContext
from tqcheck.checks.margin import margin_tails
from tqcheck.model import Bead, Document
from tqcheck.pipeline import _seg_lang
from tqcheck.resources import load_resources
from tqcheck.segment import segment

SRC = ("The city council met on Tuesday to discuss the new budget for the coming year.\n"
       "Several members asked about the cost of the bridge repairs in the old town.\n"
       "Police said a cyclist was hit by a van near the station and was taken to a hospital in stable condition.\n"
       "Residents will be able to comment on the plan at a public meeting.\n"
       "The library will also stay open longer on weekends.\n"
       "A final vote is expected next month.")
DE = ("Der Stadtrat tagte am Dienstag, um über den neuen Haushalt für das kommende Jahr zu beraten.",
      "Mehrere Mitglieder fragten nach den Kosten der Brückenreparatur in der Altstadt.",
      "Die Bürger können sich bei einer öffentlichen Versammlung zu dem Plan äußern.",
      "Die Bibliothek bleibt außerdem am Wochenende länger geöffnet.",
      "Die Schlussabstimmung wird im nächsten Monat erwartet.")
ZH = ("市议会周二开会，讨论来年的新预算。", "几位议员询问了老城区桥梁维修的费用。",
      "居民可以在一次公开会议上对该计划发表意见。", "图书馆周末也将延长开放时间。", "最终投票预计将在下个月举行。")


@pytest.fixture(scope="module")
def embedder():  # noqa: ANN201
    from tqcheck.embed import get_embedder

    return get_embedder()


def _margin(third: str, others: tuple[str, ...], lang: str, embedder) -> dict:  # noqa: ANN001
    tgt = "\n".join([*others[:2], third, *others[2:]])
    docs = []
    for text, code, side in ((SRC, "en", "source"), (tgt, lang, "target")):
        segs = segment(text, code, detect_lang=_seg_lang(code))
        docs.append(Document(path=f"<{side}>", raw=text, lang=code, segments=tuple(segs)))
    assert len(docs[0].segments) == len(docs[1].segments) == 6
    ctx = DocContext(docs[0], docs[1], tuple(Bead((i,), (i,), 0.0) for i in range(6)), load_resources())
    ctx.embedder = embedder
    return margin_tails(ctx)


@pytest.mark.parametrize("lang, cut", [
    ("de", "Wie die Polizei mitteilte, wurde ein Radfahrer in der Nähe des Bahnhofs von einem Lieferwagen angefahren."),
    ("zh", "警方称，一名骑车人在车站附近被货车撞倒。"),
])
def test_end_lost_after_no_comma_is_found_by_the_margin(lang, cut, embedder):  # noqa: ANN001
    found = _margin(cut, DE if lang == "de" else ZH, lang, embedder)
    assert set(found) == {2}
    head, tail, gain = found[2]
    assert tail.endswith("in stable condition.")  # the lost end, not a clause the translation renders
    assert "hit by a van" in head
    assert gain >= 1.0


@pytest.mark.parametrize("lang, whole", [
    ("de", "Wie die Polizei mitteilte, wurde ein Radfahrer in der Nähe des Bahnhofs von einem Lieferwagen angefahren "
           "und in stabilem Zustand in ein Krankenhaus gebracht."),
    ("de", "Laut Polizei wurde ein Radfahrer am Bahnhof angefahren und stabil ins Krankenhaus gebracht."),
    ("zh", "警方称，一名骑自行车的人在车站附近被一辆货车撞倒，随后被送往医院，情况稳定。"),
    ("zh", "警方称，一名骑车人在车站附近被货车撞伤后送医，情况稳定。"),
])
def test_whole_or_condensed_translation_has_no_margin_finding(lang, whole, embedder):  # noqa: ANN001
    assert _margin(whole, DE if lang == "de" else ZH, lang, embedder) == {}
