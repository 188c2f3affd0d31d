"""The support analyses of the omission rules (tqcheck.checks.omission), with the bundled encoder on invented
sentences: a source's last clause that the translation does not render (``unsupported_tails``, TQ508's minor
tier) and a sentence of a many-to-one bead that its other side does not render (``unsupported_members``,
TQ501/TQ502's minor tier)."""
from __future__ import annotations

import pytest

from tqcheck.checks import DocContext
from tqcheck.checks.omission import unsupported_members, unsupported_tails
from tqcheck.model import Bead, Document
from tqcheck.pipeline import _seg_lang
from tqcheck.resources import load_resources
from tqcheck.segment import segment

SRC = ("The city council met on Tuesday to discuss the new budget.\n"
       "Several members asked about the cost of the bridge repairs.\n"
       "The mayor said the repairs would start in the spring, although the company that will carry them out has "
       "not yet been chosen.\n"
       "Residents will be able to comment on the plan at a public meeting.\n"
       "The library will also stay open longer on weekends.\n"
       "A final vote is expected next month.")
DE_HEAD = ("Der Stadtrat tagte am Dienstag, um über den neuen Haushalt zu beraten.\n"
           "Mehrere Mitglieder fragten nach den Kosten der Brückenreparatur.\n")
DE_TAIL = ("Die Bürger können sich bei einer öffentlichen Versammlung zu dem Plan äußern.\n"
           "Die Bibliothek bleibt außerdem am Wochenende länger geöffnet.\n"
           "Die Schlussabstimmung wird im nächsten Monat erwartet.")


@pytest.fixture(scope="module")
def embedder():  # noqa: ANN201
    from tqcheck.embed import get_embedder

    return get_embedder()


def _ctx(src: str, tgt: str, beads: list[tuple[tuple[int, ...], tuple[int, ...]]], embedder,  # noqa: ANN001
         src_lang: str = "en", tgt_lang: str = "de") -> DocContext:
    docs = []
    for text, lang, side in ((src, src_lang, "source"), (tgt, tgt_lang, "target")):
        segs = segment(text, lang, detect_lang=_seg_lang(lang))
        docs.append(Document(path=f"<{side}>", raw=text, lang=lang, segments=tuple(segs)))
    ctx = DocContext(docs[0], docs[1], tuple(Bead(s, t, 0.0) for s, t in beads), load_resources())
    ctx.embedder = embedder
    return ctx


ONE_TO_ONE = [((i,), (i,)) for i in range(6)]


def test_last_clause_the_translation_lacks_is_unsupported(embedder):  # noqa: ANN001
    tgt = DE_HEAD + "Der Bürgermeister sagte, die Reparatur der Brücke werde im Frühjahr beginnen.\n" + DE_TAIL
    found = unsupported_tails(_ctx(SRC, tgt, ONE_TO_ONE, embedder))
    assert set(found) == {2}
    head, tail, support = found[2]
    assert tail.startswith("although the company")
    assert support < 0.1


def test_condensed_translation_that_keeps_the_clause_is_supported(embedder):  # noqa: ANN001
    tgt = (DE_HEAD + "Der Bürgermeister sagte, die Reparatur beginne im Frühjahr, obwohl die Baufirma noch nicht "
           "feststeht.\n" + DE_TAIL)
    assert unsupported_tails(_ctx(SRC, tgt, ONE_TO_ONE, embedder)) == {}


def test_clause_moved_to_the_next_target_sentence_is_not_lost(embedder):  # noqa: ANN001
    tgt = (DE_HEAD + "Der Bürgermeister sagte, die Reparatur der Brücke werde im Frühjahr beginnen.\n"
           "Welche Baufirma die Arbeiten ausführen wird, steht aber noch nicht fest.\n" + DE_TAIL)
    beads = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((), (3,)), ((3,), (4,)), ((4,), (5,)), ((5,), (6,))]
    assert unsupported_tails(_ctx(SRC, tgt, beads, embedder)) == {}


GROUP_SRC = ("The city council met on Tuesday to discuss the new budget.\n"
             "Several members asked about the cost of the bridge repairs.\n"
             "The mayor said the repairs would start in the spring. The company that will carry them out has not "
             "yet been chosen by the city. Residents will be able to comment on the plan at a public meeting.\n"
             "The library will also stay open longer on weekends.\n"
             "A final vote is expected next month.")
GROUP_BEADS = [((0,), (0,)), ((1,), (1,)), ((2, 3, 4), (2,)), ((5,), (3,)), ((6,), (4,))]
VI_HEAD = "Hội đồng thành phố họp hôm thứ Ba để bàn về ngân sách mới.\nNhiều thành viên hỏi về chi phí sửa chữa cây cầu.\n"
VI_TAIL = "\nThư viện cũng sẽ mở cửa lâu hơn vào cuối tuần.\nCuộc bỏ phiếu cuối cùng dự kiến diễn ra vào tháng sau."


def test_sentence_of_a_group_the_translation_lacks_is_unsupported(embedder):  # noqa: ANN001
    tgt = (VI_HEAD + "Thị trưởng nói việc sửa chữa các cây cầu cũ của thành phố sẽ bắt đầu vào mùa xuân năm nay, và "
           "người dân có thể góp ý về kế hoạch sửa chữa tại một cuộc họp công khai." + VI_TAIL)
    assert unsupported_members(_ctx(GROUP_SRC, tgt, GROUP_BEADS, embedder, tgt_lang="vi")) == {("source", 3)}


def test_member_reason_names_the_evidence(embedder):  # noqa: ANN001
    from tqcheck.checks.omission import _SOURCE_MEMBER_WHY, _TARGET_MEMBER_WHY, MEMBER_WHY, member_reasons

    tgt = (VI_HEAD + "Thị trưởng nói việc sửa chữa các cây cầu cũ của thành phố sẽ bắt đầu vào mùa xuân năm nay, và "
           "người dân có thể góp ý về kế hoạch sửa chữa tại một cuộc họp công khai." + VI_TAIL)
    # the group matches the translation better without the sentence about the company: the finding says so
    assert member_reasons(_ctx(GROUP_SRC, tgt, GROUP_BEADS, embedder, tgt_lang="vi")) == {("source", 3): "gain"}
    assert set(_SOURCE_MEMBER_WHY) == set(_TARGET_MEMBER_WHY) == set(MEMBER_WHY)


def test_group_rendered_as_one_sentence_is_supported(embedder):  # noqa: ANN001
    tgt = (VI_HEAD + "Thị trưởng nói việc sửa chữa sẽ bắt đầu vào mùa xuân, công ty thực hiện vẫn chưa được thành phố "
           "chọn, và người dân có thể góp ý về kế hoạch tại một cuộc họp công khai." + VI_TAIL)
    assert unsupported_members(_ctx(GROUP_SRC, tgt, GROUP_BEADS, embedder, tgt_lang="vi")) == set()


def test_tails_cut_at_word_boundaries_where_the_source_has_no_comma() -> None:
    from tqcheck.checks.omission import _tail_cuts

    text = ("The mayor admitted that the repairs would cost far more than planned but promised that the old "
            "bridge would reopen before the winter holidays.")
    tails = [t for _, t in _tail_cuts(text)]
    assert "before the winter holidays." in tails  # four words
    assert all(len(t.split()) <= len(text.split()) // 2 for t in tails)
    assert all(h.endswith(".") and text.startswith(h[:-1]) for h, _ in _tail_cuts(text))
    # a source written without spaces is cut at punctuation only
    assert [t for _, t in _tail_cuts("市长承认修桥费用将远远超出市议会的计划，但他承诺旧桥将在寒假前重新开放。")] == \
        ["但他承诺旧桥将在寒假前重新开放。"]


def test_clause_lost_without_a_comma_before_it_is_unsupported(embedder):  # noqa: ANN001
    src = SRC.replace("The mayor said the repairs would start in the spring, although the company that will carry "
                      "them out has not yet been chosen.",
                      "The mayor admitted that the repairs would cost far more than the council had planned but "
                      "promised that the old bridge would reopen before the winter holidays.")
    tgt = DE_HEAD + "Der Bürgermeister räumte ein, dass die Reparatur weit mehr kosten werde, als der Stadtrat " \
        "geplant hatte.\n" + DE_TAIL
    found = unsupported_tails(_ctx(src, tgt, ONE_TO_ONE, embedder))
    assert set(found) == {2}
    assert "bridge" in found[2][1] or "holidays" in found[2][1]


def test_short_bead_whose_end_is_unrendered_has_evidence_of_loss(embedder, monkeypatch):  # noqa: ANN001
    from tqcheck.checks import omission
    from tqcheck.checks.base import BeadContext

    tgt = DE_HEAD + "Der Bürgermeister sagte, die Reparatur der Brücke werde im Frühjahr beginnen.\n" + DE_TAIL
    ctx = _ctx(SRC, tgt, ONE_TO_ONE, embedder)
    monkeypatch.setattr(omission, "missing_tails", lambda doc: {})  # only the support analysis speaks
    why = omission.missing_evidence(BeadContext(ctx, 2, ctx.beads[2]))
    assert why is not None and "although the company" in why
    whole = DE_HEAD + "Der Bürgermeister sagte, die Reparatur beginne im Frühjahr, obwohl die Baufirma noch nicht " \
        "feststeht.\n" + DE_TAIL
    ctx = _ctx(SRC, whole, ONE_TO_ONE, embedder)
    assert omission.missing_evidence(BeadContext(ctx, 2, ctx.beads[2])) is None


def test_member_on_the_same_topic_that_renders_nothing_is_unsupported(embedder):  # noqa: ANN001
    zh = ("市议会周二开会讨论新的预算。\n几位议员询问了修桥的费用。\n"
          "市长说，修桥工程将于春季开始，但施工公司尚未确定。桥梁维修期间，市民可以改走城北的另一座桥。\n"
          "居民可以在公开会议上对该计划发表意见。\n图书馆周末也将延长开放时间。\n最终表决预计在下个月进行。")
    beads = [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,)), ((4,), (5,)), ((5,), (6,))]
    assert unsupported_members(_ctx(SRC, zh, beads, embedder, tgt_lang="zh")) == {("target", 3)}


def test_half_of_a_split_sentence_renders_a_clause_of_its_source(embedder):  # noqa: ANN001
    from tqcheck.checks.omission import _clauses

    assert "with their old dog in tow." in _clauses("They were eating in the park on Thursday, with their old dog "
                                                    "in tow.")
    de = DE_HEAD + ("Der Bürgermeister sagte, die Reparatur beginne im Frühjahr. Welche Baufirma sie ausführen "
                    "wird, steht aber noch nicht fest.\n") + DE_TAIL
    beads = [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,)), ((4,), (5,)), ((5,), (6,))]
    assert unsupported_members(_ctx(SRC, de, beads, embedder)) == set()


JA = ("市議会は火曜日に新しい予算について話し合った。\n"
      "数人の議員が橋の修理費用について質問した。\n"
      "市長は、修理は春に始まるが、工事を行う会社はまだ決まっていないと述べた。\n"
      "住民は公開の会合で計画について意見を述べることができる。\n"
      "図書館も週末の開館時間を延長する。\n"
      "最終的な採決は来月の見込みだ。")
EN_HEAD = ("The city council met on Tuesday to discuss the new budget.\n"
           "Several members asked about the cost of the bridge repairs.\n")
EN_TAIL = ("Residents will be able to comment on the plan at a public meeting.\n"
           "The library will also stay open longer on weekends.\n"
           "A final vote is expected next month.")
GROUP = [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,)), ((4,), (5,)), ((5,), (6,))]


def test_member_with_a_figure_the_source_lacks_is_told(embedder):  # noqa: ANN001
    from tqcheck.checks.omission import _lone_figures

    tgt = EN_HEAD + ("The mayor said the repairs would start in the spring, although the company has not yet been "
                     "chosen. Heavy rain washed away 40 meters of the footpath in 2019.\n") + EN_TAIL
    ctx = _ctx(JA, tgt, GROUP, embedder, src_lang="ja", tgt_lang="en")
    parts = [ctx.target.segments[j].text for j in ctx.beads[2].tgt]
    assert _lone_figures(ctx, 2, "target", parts) == {1}  # the added sentence's figures, not the mayor's
    assert ("target", 3) in unsupported_members(ctx)


def test_member_whose_figure_the_source_has_is_not_told(embedder):  # noqa: ANN001
    from tqcheck.checks.omission import _lone_figures

    src = JA.replace("述べた。", "述べ、費用は40万ドルの見込みだとした。", 1)
    tgt = EN_HEAD + ("The mayor said the repairs would start in the spring, although the company has not yet been "
                     "chosen. The cost is put at 400,000 dollars.\n") + EN_TAIL
    ctx = _ctx(src, tgt, GROUP, embedder, src_lang="ja", tgt_lang="en")
    parts = [ctx.target.segments[j].text for j in ctx.beads[2].tgt]
    assert _lone_figures(ctx, 2, "target", parts) == set()
    assert ("target", 3) not in unsupported_members(ctx)


def test_tail_cuts_offer_a_clause_from_the_middle():
    from tqcheck.checks.omission import _tail_cuts

    cuts = dict((tail, rest) for rest, tail in _tail_cuts(
        "A teacher, who was walking her dog along the river, found the boat, the police said."))
    assert cuts["who was walking her dog along the river"] == "A teacher, found the boat, the police said."
    ja = _tail_cuts("町内の各団体には、高齢者への声掛けや見守りの活動を地域の集会などで、これまで以上に進めてもらう。")
    assert ("町内の各団体には、これまで以上に進めてもらう。", "高齢者への声掛けや見守りの活動を地域の集会などで") in ja
    assert "町内の各団体には" not in [tail for _, tail in ja]  # the first clause: not between two marks


SHORT_DE = DE_HEAD + "Der Bürgermeister sagte, die Reparatur der Brücke werde im Frühjahr beginnen.\n" + DE_TAIL
ZH_HEAD = "市议会周二开会讨论新的预算。\n几位议员询问了修桥的费用。\n"
ZH_TAIL = "居民可以在公开会议上对该计划发表意见。\n图书馆周末也将延长开放时间。\n最终表决预计在下个月进行。"


@pytest.mark.parametrize(("tgt", "lang"), [(SHORT_DE, "de"), (ZH_HEAD + "市长说，修桥工程将于春季开始。\n" + ZH_TAIL, "zh")])
def test_far_short_bead_whose_end_nothing_renders_is_major(embedder, monkeypatch, tgt, lang):  # noqa: ANN001
    from tqcheck.checks import omission
    from tqcheck.checks.base import BeadContext

    ctx = _ctx(SRC, tgt, ONE_TO_ONE, embedder, tgt_lang=lang)
    monkeypatch.setattr(omission, "missing_tails", lambda doc: {})  # only the support analysis speaks
    bead = BeadContext(ctx, 2, ctx.beads[2])
    assert omission.short_ratio(bead) < omission._SHORT_RATIO_MINOR
    assert omission.unsupported_closer(ctx)[2] >= 0  # the translation is no closer to the whole than to the head
    hits = list(omission.clause_omitted(bead))
    assert len(hits) == 1 and hits[0].severity is None  # the rule's own severity: major
    assert "although the company" in hits[0].message and "usually have" in hits[0].message
    assert list(omission.partial_omission(bead)) == []  # TQ503's minor tier leaves the bead to TQ508


def test_unrendered_end_of_a_bead_not_far_short_stays_minor(embedder, monkeypatch):  # noqa: ANN001
    from tqcheck.checks import omission
    from tqcheck.checks.base import BeadContext
    from tqcheck.model import Severity

    tgt = (DE_HEAD + "Der Bürgermeister sagte am Dienstag vor dem Rat, die Reparatur der alten Brücke werde im kommenden "
           "Frühjahr beginnen.\n" + DE_TAIL)
    ctx = _ctx(SRC, tgt, ONE_TO_ONE, embedder)
    monkeypatch.setattr(omission, "missing_tails", lambda doc: {})
    bead = BeadContext(ctx, 2, ctx.beads[2])
    assert omission.short_ratio(bead) >= omission._SHORT_RATIO_MINOR
    hits = list(omission.clause_omitted(bead))
    assert [h.severity for h in hits] == [Severity.MINOR]


def test_a_neighbour_has_room_for_a_lost_clause_only_when_it_is_longer_than_usual() -> None:
    from tqcheck.checks.omission import _has_room

    usual = DE_HEAD + "Die Reparatur beginnt im Frühjahr, sagte der Bürgermeister.\n" + DE_TAIL
    ctx = _ctx(SRC, usual, ONE_TO_ONE, None)
    assert not _has_room(ctx, 3, 2)  # sentence 4 is of usual length: it cannot hold what sentence 3 lacks
    assert not _has_room(ctx, 2, 2)
    longer = (DE_HEAD + "Die Reparatur beginnt im Frühjahr, sagte der Bürgermeister.\n"
              "Die Bürger können sich bei einer öffentlichen Versammlung zu dem Plan äußern, wobei die Firma, die die "
              "Arbeiten ausführen soll, noch nicht ausgewählt worden ist und erst im Sommer bekannt gegeben wird.\n"
              "Die Bibliothek bleibt außerdem am Wochenende länger geöffnet.\n"
              "Die Schlussabstimmung wird im nächsten Monat erwartet.")
    assert _has_room(_ctx(SRC, longer, ONE_TO_ONE, None), 3, 2)  # the clause went into sentence 4
    beads = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((), (3,)), ((3,), (4,)), ((4,), (5,)), ((5,), (6,))]
    split = DE_HEAD + "Die Reparatur beginnt im Frühjahr.\nDie Firma steht noch nicht fest.\n" + DE_TAIL
    assert _has_room(_ctx(SRC, split, beads, None), 3, 2)  # a target sentence without a source always has room


def test_a_comma_or_colon_inside_a_number_or_a_time_is_no_clause_boundary() -> None:
    from tqcheck.checks.omission import _heads, _inner_clauses

    heads = _heads("Drivers took 13,5 kWh from the stations on average, the regional office said after 10:30 on Monday.")
    assert [t for _, t in heads] == ["the regional office said after 10:30 on Monday."]
    assert [c for _, c in _inner_clauses("Sales rose to 1,200 units, a record for the small firm, and prices fell by "
                                         "2,5 percent.")] == ["a record for the small firm"]
    zh = "今年第一季度这家公司的市场销量达到1，200台左右，创下了这家公司成立以来的新纪录。"
    assert [t for _, t in _heads(zh)] == ["创下了这家公司成立以来的新纪录。"]


def test_the_last_clause_of_a_text_without_the_full_width_comma_is_cut_at_the_ideographic_comma() -> None:
    from tqcheck.checks.omission import _clause_marks, _last_clause, _tail_cuts

    ja = "町内の各団体には、高齢者への声掛けや見守りの活動を地域の集会などで、これまで以上に進めてもらう。"
    assert [t for _, t in _last_clause(ja)] == ["これまで以上に進めてもらう。"]
    assert "これまで以上に進めてもらう。" in [t for _, t in _tail_cuts(ja)]
    # Chinese writes the full-width comma between clauses and the ideographic one between the items of a list
    zh = "市政府今年将在东区、西区、南区和北区各建一座新图书馆，预计明年春天全部对公众开放。"
    assert [m.group(0) for m in _clause_marks(zh)] == ["，"]
    assert [t for _, t in _last_clause(zh)] == ["预计明年春天全部对公众开放。"]
