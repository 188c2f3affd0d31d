"""Detection: a challenge set of injected errors on clean human translations (IWSLT TED en-vi).

For each talk, one error of every kind is injected into the Vietnamese side (and, for the pinyin name,
the English side gets the Vietnamese person's name that the translation then garbles), each at its
own segment, with a fixed random seed. Every injection is labelled with its family, the character
span(s) it touches in the running text (source side and/or target side) and the tqcheck families
that count as detecting it. tqcheck then checks the injected pair as a user would (two plain text
files, segmented and aligned by tqcheck), and:

- recall per kind = injections with at least one finding of an accepted family overlapping a label span;
- precision per family = findings of that family on the injected talks that overlap an injection
  accepting that family, over all findings of that family there;
- false alarms = findings per 100 gold segment pairs on the same talks left clean (all, and major or
  above).

The injector never calls tqcheck and uses only its own hand-written tables (bench/inject_data.py).
"""
from __future__ import annotations

import random
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from . import inject_data as data
from .common import (
    Talk,
    Timer,
    bench_config,
    bench_embedder,
    iwslt_talks,
    join_running,
    load_running,
    log,
    table,
)

SEED = 20240611

# kind -> (label, tqcheck families that count as detecting it)
KINDS = {
    "name-swapped": ("names", {"names"}),
    "name-pinyin": ("names", {"names"}),
    "place-swapped": ("names", {"names", "terms"}),
    "number-changed": ("numbers", {"numbers"}),
    "date-changed": ("numbers", {"numbers"}),
    "sentence-dropped": ("omission", {"omission"}),
    "sentence-added": ("omission", {"omission"}),
    "clause-cut": ("omission", {"omission", "adequacy"}),
    "untranslated": ("untranslated", {"untranslated"}),
    "word-repeated": ("fluency", {"fluency"}),
}


@dataclass
class Injection:
    kind: str
    seg: int  # gold segment index (in the clean talk)
    src: tuple[int, int] | None = None  # span within the English segment
    tgt: tuple[int, int] | None = None  # span within the (modified) Vietnamese segment; None = whole segment
    detail: str = ""
    # filled when the documents are built: absolute spans in the running texts
    src_abs: tuple[int, int] | None = None
    tgt_abs: tuple[int, int] | None = None


@dataclass
class Injected:
    talk: Talk
    en: list[str]
    vi: list[str | None]  # None: dropped; an extra item inserted after ``added_after``
    injections: list[Injection] = field(default_factory=list)


def _strip_accents(s: str) -> str:
    s = s.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def _vn_name(rng: random.Random) -> tuple[str, str, str]:
    """(Vietnamese name, the same unaccented as in English text, the name routed through pinyin)."""
    sur = rng.choice(sorted(data.SURNAMES))
    given = rng.sample(sorted(data.GIVEN), rng.choice((1, 2)))
    vn = " ".join([sur, *given])
    pin = data.SURNAMES[sur] + " " + "".join(data.GIVEN[g].lower() for g in given).capitalize()
    return vn, _strip_accents(vn), pin


_CAP = re.compile(r"(?<=[^\s.!?\"“(]\s)([A-Z][a-z]{2,})\b")
_NUM = re.compile(r"\d[\d.,]*\d|\d")


def _shared_names(en: str, vi: str) -> list[str]:
    return [m.group(1) for m in _CAP.finditer(en) if re.search(rf"\b{re.escape(m.group(1))}\b", vi)]


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _find(pattern: str, text: str) -> tuple[int, int] | None:
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


def inject(talk: Talk, rng: random.Random, filler: Sequence[str]) -> Injected:
    """One injection per kind where the talk offers a place for it; segments at least 3 apart."""
    en, vi = list(talk.en), list(talk.vi)
    inj = Injected(talk, en, vi)
    used: set[int] = set()
    order = list(range(1, len(en) - 1))

    def free(i: int) -> bool:
        return all(abs(i - u) >= 3 for u in used)

    def pick(pred) -> int | None:  # noqa: ANN001
        cand = [i for i in order if free(i) and pred(i)]
        return rng.choice(cand) if cand else None

    def words(i: int) -> int:
        return len(vi[i].split()) if vi[i] else 0

    # names: a name kept verbatim on both sides replaced by another name in the translation
    i = pick(lambda i: bool(_shared_names(en[i], vi[i])))
    if i is not None:
        name = rng.choice(_shared_names(en[i], vi[i]))
        new = rng.choice([n for n in data.OTHER_NAMES if n != name])
        s, e = _find(rf"\b{re.escape(name)}\b", vi[i])
        vi[i] = vi[i][:s] + new + vi[i][e:]
        inj.injections.append(Injection("name-swapped", i, _find(rf"\b{re.escape(name)}\b", en[i]),
                                        (s, s + len(new)), f"{name} -> {new}"))
        used.add(i)
    # names through pinyin: a Vietnamese person's name in the source, its pinyin spelling in the translation
    i = pick(lambda i: bool(_shared_names(en[i], vi[i])))
    if i is not None:
        name = rng.choice(_shared_names(en[i], vi[i]))
        vn, ascii_vn, pin = _vn_name(rng)
        s_en, e_en = _find(rf"\b{re.escape(name)}\b", en[i])
        en[i] = en[i][:s_en] + ascii_vn + en[i][e_en:]
        s, e = _find(rf"\b{re.escape(name)}\b", vi[i])
        vi[i] = vi[i][:s] + pin + vi[i][e:]
        inj.injections.append(Injection("name-pinyin", i, (s_en, s_en + len(ascii_vn)), (s, s + len(pin)),
                                        f"{ascii_vn} -> {pin} (should be {vn})"))
        used.add(i)
    # places swapped
    def place_in(i: int) -> list[tuple[str, str]]:
        return [(p_en, p_vi) for p_en, p_vi in data.PLACES
                if re.search(rf"\b{re.escape(p_en)}\b", en[i]) and re.search(rf"(?<!\w){re.escape(p_vi)}(?!\w)", vi[i])]
    i = pick(lambda i: bool(place_in(i)))
    if i is not None:
        p_en, p_vi = rng.choice(place_in(i))
        new = rng.choice([v for e_, v in data.PLACES if v != p_vi and e_ not in en[i]])
        s, e = _find(rf"(?<!\w){re.escape(p_vi)}(?!\w)", vi[i])
        vi[i] = vi[i][:s] + new + vi[i][e:]
        inj.injections.append(Injection("place-swapped", i, _find(rf"\b{re.escape(p_en)}\b", en[i]),
                                        (s, s + len(new)), f"{p_vi} -> {new}"))
        used.add(i)
    # numbers and dates
    def nums(i: int, year: bool) -> list[re.Match]:
        en_digits = {_digits(m.group()) for m in _NUM.finditer(en[i])}
        out = []
        for m in _NUM.finditer(vi[i]):
            d = _digits(m.group())
            is_year = bool(re.fullmatch(r"(1[5-9]|20)\d\d", m.group()))
            if d in en_digits and is_year == year:
                out.append(m)
        return out
    for kind, year in (("date-changed", True), ("number-changed", False)):
        i = pick(lambda i, year=year: bool(nums(i, year)))
        if i is None:
            continue
        m = rng.choice(nums(i, year))
        old = m.group()
        if year:
            new = str(int(old) + rng.choice((-11, -7, 3, 9)))
        else:
            digits = list(old)
            k = next(j for j, c in enumerate(digits) if c.isdigit())
            digits[k] = str((int(digits[k]) + rng.choice((2, 3, 5))) % 10 or 7)
            new = "".join(digits)
        vi[i] = vi[i][:m.start()] + new + vi[i][m.end():]
        en_span = _find(rf"(?<!\d){re.escape(old)}(?!\d)", en[i])
        inj.injections.append(Injection(kind, i, en_span, (m.start(), m.start() + len(new)), f"{old} -> {new}"))
        used.add(i)
    # a clause cut off the end of a long sentence
    i = pick(lambda i: words(i) >= 15 and vi[i].count(",") >= 1 and len(vi[i].rsplit(",", 1)[1].split()) >= 4)
    if i is not None:
        head, tail = vi[i].rsplit(",", 1)
        vi[i] = head.rstrip() + "."
        inj.injections.append(Injection("clause-cut", i, None, None, f"cut: {tail.strip()[:60]}"))
        used.add(i)
    # a segment left in English
    i = pick(lambda i: len(en[i].split()) >= 6)
    if i is not None:
        vi[i] = en[i]
        inj.injections.append(Injection("untranslated", i, None, None, en[i][:60]))
        used.add(i)
    # a repeated word
    i = pick(lambda i: words(i) >= 6)
    if i is not None:
        toks = list(re.finditer(r"\w+", vi[i]))
        m = rng.choice(toks[1:-1] or toks)
        vi[i] = vi[i][:m.end()] + " " + m.group() + vi[i][m.end():]
        inj.injections.append(Injection("word-repeated", i, None, (m.start(), m.end() * 2 - m.start() + 1),
                                        f"{m.group()} {m.group()}"))
        used.add(i)
    # a sentence added (from another talk) after a segment
    i = pick(lambda i: True)
    if i is not None:
        extra = rng.choice(list(filler))
        vi[i] = vi[i] + "\x00" + extra  # split into its own running-text piece when joined
        inj.injections.append(Injection("sentence-added", i, None, None, extra[:60]))
        used.add(i)
    # a sentence dropped
    i = pick(lambda i: words(i) >= 5)
    if i is not None:
        vi[i] = None  # type: ignore[call-overload]
        inj.injections.append(Injection("sentence-dropped", i, (0, len(en[i])), None, en[i][:60]))
        used.add(i)
    return inj


def build_texts(inj: Injected) -> tuple[str, str]:
    """Running texts of the injected pair, with every label turned into absolute spans."""
    en_text, en_spans = join_running(inj.en)
    pieces, owner = [], []
    for i, v in enumerate(inj.vi):
        if v is None:
            continue
        for k, part in enumerate(v.split("\x00")):
            pieces.append(part)
            owner.append((i, k))
    vi_text, vi_spans = join_running(pieces)
    where = {o: vi_spans[n] for n, o in enumerate(owner)}
    for x in inj.injections:
        es, ee = en_spans[x.seg]
        x.src_abs = (es + x.src[0], es + x.src[1]) if x.src else (es, ee)
        if x.kind == "sentence-dropped":
            x.tgt_abs = None
        elif x.kind == "sentence-added":
            x.tgt_abs = where[(x.seg, 1)]
            x.src_abs = None
        else:
            vs, ve = where[(x.seg, 0)]
            x.tgt_abs = (vs + x.tgt[0], vs + x.tgt[1]) if x.tgt else (vs, ve)
            if x.kind in ("word-repeated",):
                x.src_abs = None
    return en_text, vi_text


def _overlaps(a: tuple[int, int], s: int, e: int) -> bool:
    e = max(e, s + 1)
    return a[0] < e and s < a[1]


def hits(inj: Injection, findings: Sequence) -> bool:  # noqa: ANN001
    fams = KINDS[inj.kind][1]
    for f in findings:
        if f.family not in fams:
            continue
        span = inj.src_abs if f.side == "source" else inj.tgt_abs
        if span and _overlaps(span, f.start, f.end):
            return True
    return False


def check_pair(en_text: str, vi_text: str, folder: Path, name: str):  # noqa: ANN201
    from tqcheck.pipeline import check_loaded

    src = load_running(en_text, "en", folder, f"{name}.en.txt")
    tgt = load_running(vi_text, "vi", folder, f"{name}.vi.txt")
    return check_loaded(src, tgt, bench_config(), embedder=bench_embedder())


def run(quick: bool = False, n_talks: int | None = None) -> dict:
    talks = iwslt_talks()
    rng = random.Random(SEED)
    # quick: the first talks, whose embeddings the quick alignment run has already cached
    chosen = list(range(n_talks or 2)) if quick else rng.sample(range(len(talks)), n_talks or 12)
    work = Path(tempfile.mkdtemp(prefix="tqbench-detect-"))
    filler = [s for k, t in enumerate(talks) if k not in chosen for s in t.vi if 8 <= len(s.split()) <= 25]
    per_kind = {k: [0, 0] for k in KINDS}  # detected, injected
    fam_tp: dict[str, int] = {}
    fam_all: dict[str, int] = {}
    clean = {"pairs": 0, "all": 0, "major+": 0}
    clean_codes: dict[str, int] = {}
    examples: list[str] = []
    secs = 0.0
    for k in sorted(chosen):
        talk = talks[k]
        inj = inject(talk, random.Random(f"{SEED}-{talk.docid}"), filler)
        en_text, vi_text = build_texts(inj)
        with Timer() as t:
            rep = check_pair(en_text, vi_text, work, f"inj-{talk.docid}")
            rep_clean = check_pair(*(join_running(talk.en)[0], join_running(talk.vi)[0]), work, f"clean-{talk.docid}")
        secs += t.s
        for x in inj.injections:
            per_kind[x.kind][1] += 1
            if hits(x, rep.findings):
                per_kind[x.kind][0] += 1
            elif len(examples) < 12:
                examples.append(f"missed {x.kind} in talk {talk.docid}: {x.detail}")
        for f in rep.findings:
            fam_all[f.family] = fam_all.get(f.family, 0) + 1
            ok = any(f.family in KINDS[x.kind][1] and
                     ((x.src_abs if f.side == "source" else x.tgt_abs) or None) and
                     _overlaps(x.src_abs if f.side == "source" else x.tgt_abs, f.start, f.end)
                     for x in inj.injections)
            fam_tp[f.family] = fam_tp.get(f.family, 0) + int(bool(ok))
        clean["pairs"] += len(talk.en)
        clean["all"] += len(rep_clean.findings)
        clean["major+"] += sum(1 for f in rep_clean.findings if f.severity.rank >= 2)
        for f in rep_clean.findings:
            clean_codes[f.code] = clean_codes.get(f.code, 0) + 1
        log(f"detect: talk {talk.docid}: {sum(hits(x, rep.findings) for x in inj.injections)}/"
            f"{len(inj.injections)} injections found, {len(rep_clean.findings)} findings on the clean talk "
            f"({t.s:.1f}s)")
    return {"per_kind": per_kind, "fam_tp": fam_tp, "fam_all": fam_all, "clean": clean, "clean_codes": clean_codes,
            "talks": len(chosen), "seconds": secs, "examples": examples,
            "markdown": markdown(per_kind, fam_tp, fam_all, clean, clean_codes, len(chosen))}


def markdown(per_kind, fam_tp, fam_all, clean, clean_codes, n) -> str:  # noqa: ANN001
    rows = []
    fams = sorted({KINDS[k][0] for k in KINDS})
    for fam in fams:
        kinds = [k for k in KINDS if KINDS[k][0] == fam]
        det = sum(per_kind[k][0] for k in kinds)
        tot = sum(per_kind[k][1] for k in kinds)
        prec = f"{fam_tp.get(fam, 0) / fam_all[fam]:.3f} ({fam_tp.get(fam, 0)}/{fam_all[fam]})" if fam_all.get(fam) \
            else "no findings"
        rows.append([fam, ", ".join(f"{k} {per_kind[k][0]}/{per_kind[k][1]}" for k in kinds),
                     f"{det / tot:.3f}" if tot else "n/a", prec])
    for fam in sorted(set(fam_all) - set(fams)):
        rows.append([fam, "(no injections of this family)", "", f"0 of {fam_all[fam]} on injected spans"])
    out = table(["family", "detected / injected by kind", "recall", "precision (findings on injected spans)"],
                rows)
    pairs = max(clean["pairs"], 1)
    out += "\n\n" + table(["clean talks", "gold segment pairs", "findings per 100 pairs (all)",
                           "per 100 pairs (major or above)"],
                          [[n, clean["pairs"], f"{100 * clean['all'] / pairs:.2f}",
                            f"{100 * clean['major+'] / pairs:.2f}"]])
    if clean_codes:
        out += "\n\nFindings on the clean talks by code: " + ", ".join(
            f"{c} {v}" for c, v in sorted(clean_codes.items(), key=lambda x: -x[1]))
    return out
