"""Run-on sentences (a side without full stops) are cut before the pair is aligned: tqcheck.runon."""
from __future__ import annotations

from tqcheck.model import Document
from tqcheck.runon import cuts, resplit
from tqcheck.segment import segment

EN = ("The river floods every spring. Farmers move their cattle to the hills. This year the water came early. "
      "We watched it from the old bridge. It rose faster than anyone expected. The school stayed closed for a week. "
      "Then the rain stopped. Everyone went back to work.")
# the same story in Vietnamese with most full stops lost (as in subtitles joined into one text)
VI_RUNON = ("Con sông ngập lụt mỗi mùa xuân Nông dân đưa gia súc lên đồi Năm nay nước đến sớm "
            "Chúng tôi xem nó từ cây cầu cũ. Nước dâng nhanh hơn mọi người dự đoán Trường học đóng cửa một tuần "
            "Rồi mưa tạnh Mọi người trở lại làm việc. Chúng tôi vui vì năm nay nước rút nhanh "
            "Mọi người nói rằng chúng tôi may mắn và chúng tôi đồng ý với mọi người.")
VI_OK = ("Con sông ngập lụt mỗi mùa xuân. Nông dân đưa gia súc lên đồi. Năm nay nước đến sớm. "
         "Chúng tôi xem nó từ cây cầu cũ. Nước dâng nhanh hơn mọi người dự đoán. Trường học đóng cửa một tuần. "
         "Rồi mưa tạnh. Mọi người trở lại làm việc.")


def doc(text: str, lang: str) -> Document:
    return Document("x", text, lang, tuple(segment(text, lang)))


def test_a_run_on_side_is_cut_at_capitalised_common_words():
    src, tgt = doc(EN, "en"), doc(VI_RUNON, "vi")
    assert len(tgt.segments) == 3
    _, cut = resplit(src, tgt)
    texts = [s.text for s in cut.segments]
    # "Chúng", "Mọi" are written in lower case elsewhere ("chúng tôi", "mọi người"): sentence starts
    assert "Chúng tôi vui vì năm nay nước rút nhanh" in texts
    assert any(t.startswith("Mọi người trở lại") for t in texts)
    assert len(texts) > len(tgt.segments)
    for s in cut.segments:  # offsets still point at the text in the file, indices are renumbered
        assert cut.raw[s.start:s.end] == s.text
        assert s.col == s.start + 1
    assert [s.index for s in cut.segments] == list(range(len(cut.segments)))


def test_words_the_document_never_writes_in_lower_case_are_not_cut():
    # "Nông" is never written in lower case in the text: kept inside its sentence; "Chúng" is ("chúng tôi")
    at = cuts(doc(VI_RUNON, "vi").segments)
    text = doc(VI_RUNON, "vi").segments[0].text
    starts = {text[o:o + 4] for o in at.get(0, [])}
    assert "Nông" not in starts and "Chún" in starts


def test_a_name_after_a_common_capitalised_word_is_not_cut():
    text = ("Bà ấy học ở trường này nhiều năm và sau đó bà dạy ở Đại học Bách khoa Hà Nội "
            "trong mười năm đại học ấy có nhiều sinh viên đại học giỏi.")
    assert cuts(doc(text, "vi").segments) == {}


def test_balanced_sides_are_left_alone():
    src, tgt = doc(EN, "en"), doc(VI_OK, "vi")
    assert resplit(src, tgt) == (src, tgt)
    # the run-on side is only cut when it has clearly fewer sentences than the other side
    runon = doc(VI_RUNON, "vi")
    assert resplit(runon, runon) == (runon, runon)


def test_scripts_without_letter_case_are_never_cut():
    zh = doc("河水每年春天泛滥农民把牛赶到山上今年水来得早我们从旧桥上看着它。", "zh")
    assert cuts(zh.segments) == {}
    assert resplit(doc(EN, "en"), zh)[1] == zh


def test_the_source_side_is_cut_when_it_is_the_run_on_one():
    src, tgt = doc(VI_RUNON, "vi"), doc(EN, "en")
    cut, same = resplit(src, tgt)
    assert same == tgt and len(cut.segments) > len(src.segments)


EN8 = ("The bakery opens at six in the morning. The baker lights the old oven first. Then he mixes flour, water "
       "and salt. The dough rests for two hours. Meanwhile his daughter sweeps the shop. Customers start to queue "
       "outside at seven. Most of them buy bread and a few rolls. By noon the shelves are empty.")
# the same content with the sentences joined by commas and lower case (as some subtitle translations are)
DE_COMMAS = ("Die Bäckerei öffnet um sechs Uhr morgens, der Bäcker heizt zuerst den alten Ofen an, dann mischt "
             "er Mehl, Wasser und Salz, der Teig ruht zwei Stunden, inzwischen fegt seine Tochter den Laden, "
             "die Kunden stehen ab sieben draußen an, die meisten kaufen Brot und ein paar Brötchen, "
             "mittags sind die Regale leer.")


def test_a_comma_joined_side_is_cut_at_clause_punctuation():
    src, tgt = doc(EN8, "en"), doc(DE_COMMAS, "de")
    assert len(src.segments) == 8 and len(tgt.segments) == 1
    _, cut = resplit(src, tgt)
    texts = [s.text for s in cut.segments]
    assert 6 <= len(texts) <= 9
    assert texts[0] == "Die Bäckerei öffnet um sechs Uhr morgens,"
    assert texts[-1].endswith("mittags sind die Regale leer.")
    for s in cut.segments:
        assert cut.raw[s.start:s.end] == s.text
    # no cut inside "Mehl, Wasser und Salz": a piece keeps at least three words
    assert all(len(t.split()) >= 3 for t in texts)


def test_clause_cuts_skip_quotes_and_numbers():
    en = " ".join(["One sentence is here."] * 6)
    de = 'Er sagte: "eins, zwei, drei, vier, fünf, sechs, sieben, acht", und dann zählte er 1,000 Schafe weiter bis zum Ende.'
    _, cut = resplit(doc(en, "en"), doc(de, "de"))
    for s in cut.segments:
        assert s.text.count('"') in (0, 2)
    assert not any(s.text.startswith("000") for s in cut.segments)


def test_a_comma_joined_chinese_side_is_cut_at_ideographic_commas():
    zh = ("面包店早上六点开门，面包师先点燃旧烤炉，然后他把面粉、水和盐混合在一起，面团要醒两个小时，"
          "同时他的女儿打扫店铺，七点钟顾客开始在外面排队，大多数人买面包和几个小面包，到中午货架就空了。")
    src, tgt = doc(EN8, "en"), doc(zh, "zh")
    assert len(tgt.segments) == 1
    _, cut = resplit(src, tgt)
    assert 6 <= len(cut.segments) <= 9
    assert cut.segments[0].text == "面包店早上六点开门，"


def test_sentences_of_ordinary_length_are_not_cut_at_commas():
    # the target has fewer sentences (one long one holds a list), but no sentence is far longer than the norm
    en = "We met at noon. We ate lunch. We talked, laughed, and walked. Then we left. It was late."
    de = "Wir trafen uns mittags und aßen zu Mittag. Wir redeten, lachten und gingen spazieren. Dann gingen wir, spät."
    src, tgt = doc(en, "en"), doc(de, "de")
    _, cut = resplit(src, tgt)
    assert [s.text for s in cut.segments] == [s.text for s in tgt.segments]


def test_a_comma_joined_translation_leaves_no_source_sentence_orphaned(tmp_path):
    from tqcheck.config import Config
    from tqcheck.pipeline import check_documents

    (tmp_path / "en.txt").write_text(EN8 + "\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text(DE_COMMAS + "\n", encoding="utf-8")
    rep = check_documents(str(tmp_path / "en.txt"), str(tmp_path / "de.txt"),
                          Config(src_lang="en", tgt_lang="de", cache=False))
    assert not [f for f in rep.findings if f.code in ("TQ501", "TQ507")]
    assert all(b.src for b in rep.alignment)  # every piece joined to a source sentence
