"""English words as Japanese writes them in katakana, from e2k's character model (the ``ja`` extra).

A katakana run of a Japanese translation is a name or a loanword. Comparing the run's romanisation with an English
word of the source letter by letter tells them apart only loosely: two short romanised words share half their
letters by chance (イリンデン irinden / ended: 0.5), while a real loanword may be spelt far from
its English letters (インタビュー intabyu / interview: 0.38). e2k (public domain code; an RNN trained on Wiktionary
and JMdict/EDICT, bundled in the wheel, numpy only, no download) writes an English word the way Japanese does
(interview -> インタビュー, ended -> エンデッド), so the run can be compared with what the word would look like as a
loanword. Chosen over a hand-made respelling table, which would cover far fewer of English's spellings, and over
cutlet, which needs MeCab and a 50 MB dictionary and goes the other way (katakana -> romaji with foreign spellings
only for words its dictionary lists). Greedy decoding: the same word always gives the same katakana.

Without e2k every function here returns None and the callers keep their letter-based test.
"""
from __future__ import annotations

import functools
import re
import threading
from typing import Any

from .text import strip_marks

_LOCK = threading.Lock()
_ASCII_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")


@functools.lru_cache(maxsize=1)
def _model() -> Any:
    """e2k's character model (C2K), or None where e2k is not installed or its model cannot be read."""
    try:
        import e2k
    except ImportError:
        return None
    try:
        return e2k.C2K()
    except (OSError, ValueError, RuntimeError):
        return None


def available() -> bool:
    """e2k is installed and its model loads."""
    return _model() is not None


@functools.lru_cache(maxsize=65536)
def katakana(word: str) -> str | None:
    """``word`` (English letters; marks are dropped, case ignored) written in katakana as a loanword
    (interview -> インタビュー), or None without e2k or without a letter to write."""
    model = _model()
    if model is None:
        return None
    plain = strip_marks(word).lower()
    if not _ASCII_WORD.fullmatch(plain):
        return None
    with _LOCK:  # (the model keeps no state between calls, but its numpy buffers are not meant to be shared)
        out = model(re.sub(r"['’-]", "", plain))
    return out or None


def loan_alike(word: str, run: str) -> float | None:
    """How alike the katakana run ``run`` is to ``word`` written as a Japanese loanword (:func:`katakana`): the
    Indel similarity of the two romanised, spelling-neutral forms (tqcheck.names.roman), 1.0 for the same
    loanword (インタビュー / interview), lower for a chance likeness of letters (イリンデン / ended 0.46). None without
    e2k."""
    from rapidfuzz.distance import Indel

    from .roman import _respell, romanise

    kana = katakana(word)
    if kana is None:
        return None
    a, b = _respell(romanise(kana, "ja")), _respell(romanise(run, "ja"))
    return Indel.normalized_similarity(a, b) if a and b else 0.0
