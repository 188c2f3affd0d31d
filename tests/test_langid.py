"""Language identification: deterministic, document languages, wrong-language refusals and
per-segment languages that only call langdetect where it could matter."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tqcheck import langid
from tqcheck.config import Config
from tqcheck.errors import ConfigError, InputError
from tqcheck.langid import (
    detect,
    detect_probs,
    document_language,
    ensure_distinct,
    identify,
    normalize_code,
    segment_language,
    segment_languages,
    supported,
)
from tqcheck.model import Document
from tqcheck.pipeline import load_document
from tqcheck.segment import segment

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
EN = (CORPORA / "000_74d1bcbf21ade748.txt").read_text(encoding="utf-8")
VI = (CORPORA / "003_8cf2e5f9d09ebff1.txt").read_text(encoding="utf-8")
EN2 = (CORPORA / "001_b1be4665d4e448ab.txt").read_text(encoding="utf-8")

ZH = ("双方举行了会谈，就加强两国全面战略伙伴关系以及共同关心的国际和地区问题交换了意见。越方高度重视巩固和发展与俄罗斯的传统友谊。"
      "双方同意继续加强各层级交流，有效维持现有对话机制，并加快谈判和签署若干协议。今年前十个月，两国贸易额达到二十二亿美元。")
DE = ("Die beiden Minister betonten die Energiebeziehungen als einen der strategischen Pfeiler der Entwicklung "
      "beider Länder und sagten den Öl- und Gasunternehmen jede mögliche Unterstützung zu.")
ES = ("Los dos ministros subrayaron que los lazos energéticos son uno de los pilares estratégicos para el "
      "desarrollo de cada país y prometieron todo el apoyo posible a las empresas de petróleo y gas.")
PT = ("Os dois ministros sublinharam que os laços energéticos são um dos pilares estratégicos para o "
      "desenvolvimento de cada país e prometeram todo o apoio possível às empresas de petróleo e gás.")


def test_detect_documents_and_short_texts() -> None:
    assert detect(EN) == "en" and detect(VI) == "vi" and detect(ZH) == "zh" and detect(DE) == "de"
    assert detect("12345 !!!") == "und"
    assert detect("", default="en") == "en"
    assert detect_probs(VI)[0][0] == "vi" and detect_probs(VI)[0][1] > 0.95


def test_same_answers_in_every_process() -> None:
    """langdetect is random; seeded, the same text gets the same probabilities in fresh processes."""
    texts = ["Hai bên cũng nhất trí tăng cường hợp tác", "Minh thanked the Russian", "Gut gemacht", "hello"]
    code = ("import json, sys; from tqcheck.langid import detect_probs; "
            "print(json.dumps([detect_probs(t) for t in json.loads(sys.argv[1])]))")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}  # this process hashes with another (random) seed
    out = subprocess.run([sys.executable, "-c", code, json.dumps(texts)], capture_output=True, text=True,
                         env=env, check=True).stdout
    here = json.loads(json.dumps([detect_probs(t) for t in texts]))
    assert json.loads(out) == here
    assert [p[0][0] for p in here[:2]] == ["vi", "en"]


def test_identify_samples_the_whole_document() -> None:
    """A long document is judged on windows spread across it, not only on its first 10,000 characters."""
    mixed = ("Hello there, this is an English preface. " * 300) + ("Xin chào, đây là phần tiếng Việt dài. " * 3000)
    assert len(mixed) > 100_000
    guess = identify(mixed)
    assert guess.lang == "vi"


@pytest.mark.parametrize("code,expected", [("en", "en"), ("EN", "en"), ("vi-VN", "vi"), ("zh_Hans", "zh"),
                                           ("pt-BR", "pt"), ("vie", "vi"), ("auto", None), ("", None)])
def test_normalize_code(code: str, expected: str | None) -> None:
    assert normalize_code(code) == expected


@pytest.mark.parametrize("code", ["english", "xx", "und", "e n"])
def test_unknown_code_is_a_config_error(code: str) -> None:
    with pytest.raises(ConfigError, match="unknown language code"):
        normalize_code(code, "--src-lang")


def test_claimed_language_is_kept_when_plausible() -> None:
    assert document_language(VI, "vi", "t.txt") == "vi"
    assert document_language(VI, None, "t.txt") == "vi"
    assert document_language(EN, "en-GB", "s.txt") == "en"


def test_confident_other_language_is_refused() -> None:
    with pytest.raises(InputError, match=r"t\.txt: --tgt-lang says French \(fr\), but the text is Vietnamese \(vi\)"):
        document_language(VI, "fr", "t.txt", "--tgt-lang")
    with pytest.raises(InputError, match="says Vietnamese"):
        document_language(EN, "vi", "s.txt", "--src-lang")


def test_short_or_close_languages_are_not_refused() -> None:
    assert document_language("Hello world.", "vi", "t.txt") == "vi"  # too short to judge
    assert document_language(ES, "pt", "t.txt") == "pt"  # langdetect mixes these up: trust the user
    assert document_language(PT, "es", "t.txt") == "es"
    assert document_language(EN, "km", "t.txt") == "km"  # no profile for Khmer: cannot judge


def test_a_short_text_that_cld3_takes_for_another_language_keeps_the_claimed_one() -> None:
    # CLD3 is 0.97 sure this is Shona (which langdetect has no profile for); langdetect is sure it is English
    text = "Taking this chance, Tanaka scored the winning run."
    assert document_language(text, "en", "t.txt", "--tgt-lang") == "en"
    with pytest.raises(InputError, match="says Vietnamese"):
        document_language(EN, "vi", "s.txt", "--src-lang")  # (a long text in another language is still refused)


def test_undetectable_document() -> None:
    with pytest.raises(InputError, match="cannot tell which language"):
        document_language("12 34 56 -- 78", None, "n.txt")


def _doc(text: str, lang: str, path: str) -> Document:
    return Document(path, text, lang, tuple(segment(text, lang)))


def test_same_language_pair_is_refused() -> None:
    with pytest.raises(InputError, match="s.txt and t.txt are both in English"):
        ensure_distinct(_doc(EN, "en", "s.txt"), _doc(EN2, "en", "t.txt"))
    with pytest.raises(InputError, match="both in English"):
        ensure_distinct(_doc(EN, "en", "s.txt"), _doc(EN2, "en", "t.txt"), "en", None)
    with pytest.raises(ConfigError, match="--src-lang and --tgt-lang are both English"):
        ensure_distinct(_doc(EN, "en", "s.txt"), _doc(EN2, "en", "t.txt"), "en", "en-US")
    ensure_distinct(_doc(EN, "en", "s.txt"), _doc(VI, "vi", "t.txt"))  # fine


def test_same_language_short_texts_are_not_refused() -> None:
    """Two one-line files detected as the same language are too short to be sure: let them through."""
    ensure_distinct(_doc("Good morning.", "en", "s.txt"), _doc("Good night.", "en", "t.txt"))


def test_load_document_detects_and_checks(tmp_path: Path) -> None:
    p = tmp_path / "vi.txt"
    p.write_text(VI, encoding="utf-8")
    assert load_document(str(p), Config()).lang == "vi"
    with pytest.raises(InputError, match="--tgt-lang says German"):
        load_document(str(p), Config(tgt_lang="de"), "de")


# --- per-segment languages -----------------------------------------------------------------------

PLANTED_EN = "The two ministers underscored energy ties as one of the strategic pillars of development."
PLANTED_VI = "Hai bộ trưởng nhấn mạnh quan hệ năng lượng là một trong những trụ cột chiến lược của sự phát triển."


@pytest.fixture()
def counted(monkeypatch):
    """Count langdetect runs (the cache is bypassed so every run is seen)."""
    calls: list[str] = []
    real = langid._probs.__wrapped__

    def probs(text: str, among="*"):
        calls.append(text)
        return real(text, among)

    monkeypatch.setattr(langid, "_probs", probs)
    return calls


def test_planted_source_sentence_in_translation(counted: list[str]) -> None:
    lines = VI.splitlines()
    lines.insert(5, PLANTED_EN)
    segs = segment_languages(segment("\n".join(lines), "vi"), "vi")
    other = [(s.text, s.lang) for s in segs if s.lang != "vi"]
    assert other == [(PLANTED_EN, "en")]
    assert len(counted) <= 3, counted  # langdetect ran only where the statistics pointed


def test_planted_vietnamese_in_english(counted: list[str]) -> None:
    lines = EN.splitlines()
    lines.insert(4, PLANTED_VI)
    segs = segment_languages(segment("\n".join(lines), "en"), "en")
    assert [(s.text, s.lang) for s in segs if s.lang != "en"] == [(PLANTED_VI, "vi")]
    assert len(counted) <= 3, counted


def test_english_in_chinese_and_german_in_english() -> None:
    zh = segment_languages(segment(ZH + "\n" + PLANTED_EN + "\n" + ZH, "zh"), "zh")
    assert [s.lang for s in zh if s.text == PLANTED_EN] == ["en"]
    assert {s.lang for s in zh if s.text != PLANTED_EN} == {"zh"}
    en = segment_languages(segment(EN + "\n" + DE + "\n", "en"), "en")
    assert [s.lang for s in en if s.text == DE] == ["de"]


def test_clean_documents_keep_their_language(counted: list[str]) -> None:
    for text, lang in ((EN, "en"), (VI, "vi"), (EN2, "en")):
        segs = segment_languages(segment(text, lang), lang)
        assert {s.lang for s in segs} == {lang}
    assert len(counted) <= 3


@pytest.mark.parametrize("text", [
    "Sergey Lavrov, Pham Binh Minh, Vladimir Putin, Nguyen Phu Trong and Tran Dai Quang",  # names
    "Hà Nội 25/11",  # a dateline
    "US$2.2 billion (2016)",  # numbers
    "OK.",
])
def test_names_numbers_and_short_segments_inherit(text: str) -> None:
    assert segment_language(text, "vi") == "vi"


def test_confusable_languages_are_not_relabelled() -> None:
    assert segment_language(PT, "es") == "es"
    assert segment_language(PT, "vi") == "pt"


def test_a_language_without_a_langdetect_profile_is_not_relabelled_as_the_other_one() -> None:
    # langdetect has no Icelandic: restricted to the pair's languages, every Icelandic sentence would be English
    icelandic = "Ríkisstjórnin kynnti í gær nýja áætlun um uppbyggingu vegakerfisins á næstu tíu árum."
    assert "is" not in supported()
    assert segment_language(icelandic, "is", frozenset({"en", "is"})) == "is"
    english = "The government presented a new plan yesterday for rebuilding the road network over ten years."
    assert segment_language(english, "is", frozenset({"en", "is"})) == "en"
