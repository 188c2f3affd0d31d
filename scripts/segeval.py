"""Sentence-boundary precision/recall/F1 of tqcheck's splitter and of sentencex, pysbd and ICU (PyICU, e.g. the
pyicu-wheels package) against the segment boundaries of the WMT21 news test sets (the first ~400 segments of each
language, joined by a space, or by nothing in Chinese and Japanese). A segment may hold several sentences, so
precision is a lower bound for every splitter alike. Libraries that are not installed are skipped.

    python scripts/segeval.py en,de,cs,ru,zh,ja,fr
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

DATA = Path(os.environ.get("TQCHECK_BENCH_DATA", "../../shared/data" if Path("../../shared/data").is_dir()
                           else "../shared/data")) / "wmt21-newstest"
NO_SPACE = {"zh", "ja"}


def docs(lang: str, limit: int = 400) -> list[list[str]]:
    """Lists of segments (a paragraph, or 25 lines of a line-aligned file) in ``lang``."""
    out: list[list[str]] = []
    for p in sorted(DATA.glob("*.jsonl")):
        for line in p.open(encoding="utf-8"):
            d = json.loads(line)
            for side, code in (("src", d["src_lang"]), ("ref", d["tgt_lang"])):
                if code == lang:
                    out += [para for para in d[side] if para]
    for p in sorted(DATA.glob(f"*.{lang}")):
        lines = p.read_text(encoding="utf-8").splitlines()
        out += [lines[i:i + 25] for i in range(0, len(lines), 25)]
    res, n = [], 0
    for para in out:
        res.append(para)
        n += len(para)
        if n >= limit:
            break
    return res


def gold_and_text(para: list[str], lang: str) -> tuple[str, set[int]]:
    sep = "" if lang in NO_SPACE else " "
    text = sep.join(s.strip() for s in para)
    bounds, pos = set(), 0
    for s in para[:-1]:
        pos += len(s.strip())
        bounds.add(pos)
        pos += len(sep)
    return text, bounds


def ours(lang: str):  # noqa: ANN201
    from tqcheck.segment import split_sentences

    return lambda t: [e for _, e in split_sentences(t, lang)]


def sentencex_(lang: str):  # noqa: ANN201
    from sentencex import segment

    def f(t: str) -> list[int]:
        out, pos = [], 0
        for s in segment(lang, t):
            pos = t.find(s.strip(), pos) + len(s.strip())
            out.append(pos)
        return out
    return f


def pysbd_(lang: str):  # noqa: ANN201
    import pysbd

    try:
        seg = pysbd.Segmenter(language=lang, clean=False, char_span=True)
    except (ValueError, KeyError):
        return None
    return lambda t: [x.start + len(x.sent.rstrip()) for x in seg.segment(t)]


def icu_(lang: str):  # noqa: ANN201
    import icu

    def f(t: str) -> list[int]:
        bi = icu.BreakIterator.createSentenceInstance(icu.Locale(lang))
        bi.setText(t)
        return [len(t[:c].rstrip()) for c in bi]  # UTF-16 offsets: right for text in the BMP
    return f


def main(langs: list[str]) -> None:
    for lang in langs:
        paras = docs(lang)
        row = []
        for name, make in (("tqcheck", ours), ("sentencex", sentencex_), ("pysbd", pysbd_), ("icu", icu_)):
            try:
                f = make(lang)
            except ImportError:
                f = None
            if f is None:
                row.append(f"{name}: n/a")
                continue
            tp = fp = fn = 0
            t0 = time.time()
            for para in paras:
                text, gold = gold_and_text(para, lang)
                pred = {e for e in f(text) if e < len(text.rstrip())}
                tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
            p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
            row.append(f"{name}: P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f} ({time.time() - t0:.1f}s)")
        print(lang, sum(len(p) for p in paras), "segments |", " | ".join(row), flush=True)


if __name__ == "__main__":
    main(sys.argv[1].split(",") if len(sys.argv) > 1 else ["en", "de", "cs", "ru", "zh", "ja", "fr"])
