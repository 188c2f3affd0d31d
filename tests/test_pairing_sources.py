"""A folder in several languages: each translation pairs only with a document in the source language."""
from __future__ import annotations

import numpy as np
from reportkit import doc

from tqcheck.config import Config
from tqcheck.pairing import candidates, pair_documents

# One invented story told in three languages, and an unrelated English note; sentence i means the same in each.
STORY = {
    "en": ["The bridge over the Lena river opened on Monday.", "It cost 41 million euros.",
           "Engineers from Kraków designed it.", "Traffic is expected to double by 2031."],
    "de": ["Die Brücke über die Lena wurde am Montag eröffnet.", "Sie kostete 41 Millionen Euro.",
           "Ingenieure aus Kraków haben sie entworfen.", "Der Verkehr soll sich bis 2031 verdoppeln."],
    "fr": ["Le pont sur la Lena a ouvert lundi.", "Il a coûté 41 millions d'euros.",
           "Des ingénieurs de Kraków l'ont conçu.", "Le trafic devrait doubler d'ici 2031."],
}


class ConceptEmbedder:
    """Sentences with the same meaning get the same vector; everything else a vector of its own."""

    name = "concepts"

    def __init__(self) -> None:
        self.ids = {t: i for texts in STORY.values() for i, t in enumerate(texts)}

    def encode(self, texts):  # noqa: ANN001, ANN201
        out = np.zeros((len(texts), 64), np.float32)
        for r, t in enumerate(texts):
            out[r, self.ids.get(t, 10 + sum(map(ord, t)) % 50)] = 1.0
        return out


def _docs(langs: list[str]) -> list:
    return [doc(f"story.{lang}.txt", "\n".join(STORY[lang]) + "\n", lang) for lang in langs]


def _pairs(docs: list, cfg: Config) -> set[tuple[str, str]]:
    res = pair_documents(docs, cfg, embedder=ConceptEmbedder())
    return {(p.source_lang, p.target_lang) for p in res.pairs}


def test_each_translation_pairs_with_the_english_source_only() -> None:
    assert _pairs(_docs(["en", "de", "fr"]), Config(cache=False)) == {("en", "de"), ("en", "fr")}


def test_src_lang_decides_which_documents_are_sources() -> None:
    assert _pairs(_docs(["en", "de", "fr"]), Config(cache=False, src_lang="de")) == {("de", "en"), ("de", "fr")}


def test_without_a_document_in_the_default_source_any_two_languages_may_pair() -> None:
    assert _pairs(_docs(["de", "fr"]), Config(cache=False)) == {("de", "fr")}
    # ... but a source language the user named is kept: nothing in it, nothing paired
    assert _pairs(_docs(["de", "fr"]), Config(cache=False, src_lang="en")) == set()


def test_candidates() -> None:
    docs = _docs(["en", "de", "fr"]) + [doc("note.en.txt", "Another note.\n", "en")]
    may = candidates(docs, None)
    assert may(0, 1) and may(0, 2) and may(3, 1)
    assert not may(1, 2) and not may(0, 3)
