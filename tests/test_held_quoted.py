"""Inner sentences of one segment (tqcheck.checks.held) and the text outside quotations (tqcheck.checks.quoted)."""
from __future__ import annotations

import pytest

from tqcheck.checks.held import inner_sentences
from tqcheck.checks.quoted import _split


def _parts(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in inner_sentences(text, lang)]


def test_a_quotation_of_two_sentences_is_cut_at_its_full_stop() -> None:
    text = 'The mayor said: "We waited ten years for this. Now every child has a place to read."'
    assert _parts(text, "en") == ['The mayor said: "We waited ten years for this.',
                                  'Now every child has a place to read."']


def test_initials_and_titles_do_not_end_an_inner_sentence() -> None:
    text = "The U.S. envoy met Mr. Okafor in Lagos on Friday. Then the two men visited the harbour together."
    assert _parts(text, "en") == ["The U.S. envoy met Mr. Okafor in Lagos on Friday.",
                                  "Then the two men visited the harbour together."]


def test_a_lower_case_word_after_a_full_stop_goes_on_the_same_sentence() -> None:
    text = "The fee rose to 4.5 per cent, i.e. more than the council had planned for next year."
    assert _parts(text, "en") == [text]


def test_a_full_stop_after_a_number_ends_an_inner_sentence_unless_ordinals_take_a_dot() -> None:
    text = 'The minister said: "Exports in the second quarter rose 5. The rest of the year looks much weaker."'
    assert _parts(text, "en") == ['The minister said: "Exports in the second quarter rose 5.',
                                  'The rest of the year looks much weaker."']
    german = "Die Sitzung des Rates findet am 5. Mai im großen Saal des Rathauses der Stadt statt."
    assert _parts(german, "de") == [german]  # German writes its ordinals with a dot: "am 5. Mai"


def test_short_pieces_join_their_neighbour() -> None:
    assert _parts("Thank you. We will be back next spring with the whole team.", "en") == [
        "Thank you. We will be back next spring with the whole team."]


def test_a_heading_run_into_the_next_sentence_is_cut_where_capitals_mark_names() -> None:
    text = "Storm closes the mountain pass near Oslo And drivers were told to wait until the road is cleared."
    lower = frozenset({"and", "drivers", "were"})  # the document writes "and" in lower case elsewhere
    assert [text[s:e] for s, e in inner_sentences(text, "en", lower)] == [
        "Storm closes the mountain pass near Oslo", "And drivers were told to wait until the road is cleared."]
    assert len(inner_sentences(text, "en")) == 1  # no document evidence that "And" is no name: no cut
    assert len(inner_sentences(text, "de", lower)) == 1  # German capitalises nouns: no such seam
    earth = "Probes now map the whole surface of the Earth and send the pictures home every single day."
    assert len(inner_sentences(earth, "en", lower | {"earth"})) == 1  # "the" ends no sentence: "Earth" is a name
    headline = "Storm Closes Mountain Pass Near Oslo as drivers were told to wait until the road is cleared."
    assert len(inner_sentences(headline, "en", lower | {"closes", "near"})) == 1  # title case: a capital follows
    title = "Storm and Heavy Snow as Drivers Wait near the city of Oslo And drivers were told to wait until it is clear."
    assert [title[s:e] for s, e in inner_sentences(title, "en", lower | {"snow", "wait"})] == [
        "Storm and Heavy Snow as Drivers Wait near the city of Oslo", "And drivers were told to wait until it is clear."]


def test_chinese_inner_sentences_end_at_full_width_stops() -> None:
    text = "她说：“我们会继续努力工作。现在每个孩子都有地方读书。”"
    assert _parts(text, "zh") == ["她说：“我们会继续努力工作。", "现在每个孩子都有地方读书。”"]


@pytest.mark.parametrize(("text", "outside"), [
    ('"Prices will fall next year," the bank said.', "the bank said."),
    ("„Die Preise sinken“, sagte sie. „Im Herbst schon.“", "sagte sie."),
    ("「価格は来年下がる」と銀行は述べた。", "と銀行は述べた。"),
    ('"Prices will fall next year, and', ""),
])
def test_text_outside_quotations(text: str, outside: str) -> None:
    assert _split(text)[0].strip(" ,") == outside


def test_a_quotation_inside_a_quotation_is_no_attribution() -> None:
    from types import SimpleNamespace

    from tqcheck.checks.quoted import lost_attribution

    def ctx(src: str, tgt: str) -> SimpleNamespace:  # one bead of one sentence a side: all the function reads
        seg = SimpleNamespace(text=tgt)
        return SimpleNamespace(bead=SimpleNamespace(src=(0,), tgt=(0,)), src_text=src, tgt_text=tgt,
                               doc=SimpleNamespace(target=SimpleNamespace(segments=(seg,))))

    tgt = "„Die Firma hat weder Beweise ‚gefälscht‘ noch Fakten ‚versteckt‘, so viel ist klar.“"
    assert lost_attribution(ctx('"The firm did not "forge" evidence or "hide" facts, that much is clear."', tgt)) is None
    assert lost_attribution(ctx('"The firm did not forge evidence or hide facts, that much is clear," she said.',
                                tgt)) == "she said"


def test_a_source_without_quotation_marks_has_no_attribution_to_lose() -> None:
    from types import SimpleNamespace

    from tqcheck.checks.quoted import lost_attribution

    tgt = "„Die Preise sinken im Herbst schon deutlich.“"
    ctx = SimpleNamespace(bead=SimpleNamespace(src=(0,), tgt=(0,)), src_text="Prices will fall sharply in autumn.",
                          tgt_text=tgt, doc=SimpleNamespace(target=SimpleNamespace(segments=(SimpleNamespace(text=tgt),))))
    assert lost_attribution(ctx) is None


def test_a_straight_quote_between_letters_is_an_apostrophe() -> None:
    from types import SimpleNamespace

    from tqcheck.checks.quoted import lost_attribution

    assert _split('Il restera jusqu"à la fin de la saison.') == ('Il restera jusqu"à la fin de la saison.', "")
    src = '"Nous resterons ici jusqu"à la fin de la saison", a déclaré le maire.'
    tgt = '"Wir bleiben hier bis zum Ende der Saison."'
    ctx = SimpleNamespace(bead=SimpleNamespace(src=(0,), tgt=(0,)), src_text=src, tgt_text=tgt,
                          doc=SimpleNamespace(target=SimpleNamespace(segments=(SimpleNamespace(text=tgt),))))
    assert lost_attribution(ctx) == "a déclaré le maire"  # three marks, but one is an apostrophe: the quotation pairs
