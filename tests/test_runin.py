"""An added sentence run into the next one without a full stop (tqcheck.checks.runin, TQ502): the seams where a
sentence starts without punctuation, and the margin that tells an added start from a long translation, with the
bundled encoder on invented sentences (Russian and German targets)."""
from __future__ import annotations

import pytest

from tqcheck.checks import DocContext
from tqcheck.checks.runin import run_in, seams
from tqcheck.model import Bead, Document
from tqcheck.pipeline import _seg_lang
from tqcheck.resources import load_resources
from tqcheck.segment import segment

SRC = ("The city council met on Tuesday to discuss the new budget for the coming year.\n"
       "Several members asked about the cost of the bridge repairs in the old town.\n"
       "The mayor said the work would start in the spring.\n"
       "Residents will be able to comment on the plan at a public meeting.\n"
       "The library will also stay open longer on weekends.\n"
       "A final vote is expected next month.")
RU = ("Городской совет собрался во вторник, чтобы обсудить новый бюджет на следующий год.",
      "Несколько депутатов спросили о стоимости ремонта моста в старом городе.",
      "Жители смогут высказаться о плане на открытом собрании.",
      "Библиотека также будет дольше работать по выходным.",
      "Окончательное голосование ожидается в следующем месяце.")
ADDED = "Футбольный клуб из Манчестера подписал контракт с молодым вратарём"


def test_seams_are_title_case_words_after_lower_case_words() -> None:
    text = ADDED + " Мэр сказал, что работы начнутся весной."
    # a name after a lower-case word is a seam too: the margin decides which start, if any, is added
    assert seams(text) == [ADDED.index("Манчестера"), len(ADDED) + 1]
    assert seams("Он встретился с президентом NATO и ушёл домой.") == []  # no acronym, no mixed case
    assert seams("The actor said: at CoolFest we saw the climate change.") == []
    assert seams("市长说，工程将于春季开始。") == []  # no letter case, no seam
    assert seams("Die Brücke Wird repariert.") == []  # fewer than three words before
    stops = frozenset({"the", "in"})
    assert seams("The story was printed in the Morning Star newspaper.", stops) == []  # "the" ends no sentence
    assert seams("The storm has passed. Then the Harbour Master said the ferries would sail.", stops) == []
    # (after a sentence end of its own, what stands before the seam is no sentence that lost its full stop)


@pytest.fixture(scope="module")
def embedder():  # noqa: ANN201
    from tqcheck.embed import get_embedder

    return get_embedder()


def _run_in(third: str, embedder) -> dict:  # noqa: ANN001
    tgt = "\n".join([*RU[:2], third, *RU[2:]])
    docs = []
    for text, code, side in ((SRC, "en", "source"), (tgt, "ru", "target")):
        segs = segment(text, code, detect_lang=_seg_lang(code))
        docs.append(Document(path=f"<{side}>", raw=text, lang=code, segments=tuple(segs)))
    assert len(docs[0].segments) == len(docs[1].segments) == 6
    ctx = DocContext(docs[0], docs[1], tuple(Bead((i,), (i,), 0.0) for i in range(6)), load_resources())
    ctx.embedder = embedder
    return run_in(ctx)


def test_heading_run_into_a_sentence_is_found(embedder):  # noqa: ANN001
    found = _run_in(ADDED + " Мэр сказал, что работы начнутся весной.", embedder)
    assert set(found) == {2}
    j, end, gain = found[2]
    assert j == 2 and end == len(ADDED) + 1
    assert gain >= 0.5


def test_long_translation_that_adds_nothing_new_is_not(embedder):  # noqa: ANN001
    assert _run_in("Мэр сказал, что работы начнутся весной, когда закончатся морозы и подрядчик завезёт технику "
                   "на место.", embedder) == {}


ZH = ("市议会周二开会，讨论来年的新预算。", "几位议员询问了老城区桥梁维修的费用。", "居民可以在一次公开会议上对该计划发表意见。",
      "图书馆周末也将延长开放时间。", "最终投票预计将在下个月举行。")


def test_latin_words_inside_a_language_written_without_spaces_are_no_seam(embedder):  # noqa: ANN001
    tgt = "\n".join([*ZH[:2], "Football club from Manchester signs a young goalkeeper 市长说，工程将于春季开始。", *ZH[2:]])
    docs = []
    for text, code, side in ((SRC, "en", "source"), (tgt, "zh", "target")):
        segs = segment(text, code, detect_lang=_seg_lang(code))
        docs.append(Document(path=f"<{side}>", raw=text, lang=code, segments=tuple(segs)))
    ctx = DocContext(docs[0], docs[1], tuple(Bead((i,), (i,), 0.0) for i in range(6)), load_resources())
    ctx.embedder = embedder
    assert seams(docs[1].segments[2].text)  # the Latin run has a seam ...
    assert run_in(ctx) == {}  # ... that a Chinese sentence is not cut at
