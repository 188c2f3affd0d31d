"""Language identification with langdetect, seeded so results are deterministic."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _factory():  # noqa: ANN202
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0
    init_factory()
    from langdetect.detector_factory import _factory as f

    return f


def detect_probs(text: str) -> list[tuple[str, float]]:
    """Languages with probabilities, best first; ``[]`` when nothing can be said."""
    from langdetect.lang_detect_exception import LangDetectException

    f = _factory()
    try:
        det = f.create()
        det.append(text)
        return [(p.lang, p.prob) for p in det.get_probabilities()]
    except LangDetectException:
        return []


def detect(text: str, default: str = "und") -> str:
    probs = detect_probs(text)
    return _norm(probs[0][0]) if probs else default


def _norm(code: str) -> str:
    return {"zh-cn": "zh", "zh-tw": "zh"}.get(code, code)
