"""Injected errors on the WMT21 news documents, every direction (section ``multilingual`` of the bench).

Per document, with a fixed seed, one error of each kind is put into the translation at its own segment
(segments at least two apart, never the first one):

- ``number``: a digit of a number that the source segment has too is changed (full-width digits stay
  full-width);
- ``name-same-script``: a name written identically in the source and the translation (a capitalised run in a
  cased script, or a katakana/Han run) is replaced by another such name found elsewhere in the direction's
  corpus;
- ``name-cross-script``: a name the translation renders in another script than the source (a capitalised
  non-initial word of a cased script the source does not contain, a katakana run, a Han run joined by a middle
  dot) is replaced by another name of the same kind from the direction's corpus;
- ``untranslated``: the segment replaced by its source;
- ``truncated``: the last clause (after the last comma or ideographic comma that is not inside a figure) cut;
- ``repeated``: a word repeated (for text without spaces, a run of two characters);
- ``dropped``: the segment removed;
- ``added``: a sentence of another document of the same direction inserted after the segment.

Name spans come from these script heuristics, not from tqcheck's name detector, so the bench does not grade
tqcheck with its own eyes (the injector never calls tqcheck). A kind counts as found when a finding of an
accepted family overlaps the injected span on its side, as in ``bench.challenge``.
"""
from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .common import table

SEED = 20261129

# kind -> accepted tqcheck families
KINDS = {
    "number": {"numbers"},
    "name-same-script": {"names"},
    "name-cross-script": {"names"},
    "untranslated": {"untranslated"},
    "truncated": {"omission", "adequacy"},
    "repeated": {"fluency"},
    "dropped": {"omission"},
    "added": {"omission"},
}
NAME_KINDS = ("name-same-script", "name-cross-script")

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_DIGITS = re.compile(r"[0-9\uff10-\uff19]+")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc][\u30a1-\u30fa\u30fb\u30fc]{2,}")
_HAN_DOT = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·・•‧][\u4e00-\u9fff]{1,6})+")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_SENT_START = re.compile(r"(^|[.!?。！？:;«»\"“”„(]\s*)$")


def _no_space(lang: str) -> bool:
    from .multilingual import NO_SPACE

    return lang in NO_SPACE


@dataclass
class Injection:
    kind: str
    seg: int
    tgt: tuple[int, int] | None = None  # span in the modified target segment; None = the whole segment
    detail: str = ""
    src: tuple[int, int] | None = None  # span of the replaced name or number in the source segment
    src_abs: tuple[int, int] | None = None
    tgt_abs: tuple[int, int] | None = None


# --------------------------------------------------------------------------------------------- name heuristics

def _calendar_words(lang: str) -> set[str]:
    try:
        from babel import Locale

        loc = Locale.parse(lang)
    except Exception:  # noqa: BLE001 - an unknown locale just has no calendar words
        return set()
    out: set[str] = set()
    for ctx in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            out.update(v.casefold() for v in loc.months[ctx][width].values())
            out.update(v.casefold() for v in loc.days[ctx][width].values())
    return out


def lower_vocab(texts: Sequence[str]) -> frozenset[str]:
    """Words seen starting with a small letter: a capitalised form of one of them is not taken for a name."""
    return frozenset(w for t in texts for w in _WORD.findall(t) if w[0].islower())


def cased_names(text: str, lang: str, vocab: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Runs of capitalised words (first letter upper, some lower) that do not start a sentence, are not
    month or weekday names (CLDR), are not seen in small letters in ``vocab``, outside title-case lines."""
    known = [w for w in _WORD.findall(text) if w.lower() in vocab]
    if len(known) >= 3 and sum(w[0].isupper() for w in known) > 0.5 * len(known):
        return []  # a headline in title case (most common words capitalised): capitals say nothing
    cal = _calendar_words(lang)
    runs: list[list[int]] = []
    last_end = -10
    for m in _WORD.finditer(text):
        w = m.group()
        ok = (len(w) >= 3 and w[0].isupper() and any(c.islower() for c in w[1:]) and w.casefold() not in cal
              and w.lower() not in vocab
              and not _SENT_START.search(text[:m.start()]))
        if not ok:
            last_end = -10
            continue
        if runs and last_end >= 0 and text[last_end:m.start()] == " ":
            runs[-1][1] = m.end()
        else:
            runs.append([m.start(), m.end()])
        last_end = m.end()
    return [(s, e, text[s:e]) for s, e in runs]


def _roman(s: str) -> str:
    try:
        from anyascii import anyascii
    except ImportError:
        return ""
    return re.sub(r"[^a-z]", "", anyascii(s).lower())


def _sounds_like(run: str, names: Sequence[str]) -> bool:
    """A kana run romanised (anyascii) close to one of the source's names (difflib ratio >= 0.6)."""
    from difflib import SequenceMatcher

    r = _roman(run)
    return bool(r) and any(SequenceMatcher(None, r, re.sub(r"[^a-z]", "", n.lower())).ratio() >= 0.6
                           for n in names)


def script_names(text: str, src_names: Sequence[str] | None = None) -> list[tuple[int, int, str, str]]:
    """Name runs of scripts without capitals: (start, end, text, kind) with kind ``kana`` or ``han``.

    Han runs joined by a middle dot (each part at most four characters: a transliterated foreign name);
    katakana runs joined by a middle dot, or (given the source's names) sounding like one of them."""
    out = [(m.start(), m.end(), m.group(), "han") for m in _HAN_DOT.finditer(text)
           if all(len(p) <= 4 for p in re.split("[·・•‧]", m.group()))]
    out += [(m.start(), m.end(), m.group(), "kana") for m in _KATAKANA.finditer(text)
            if m.group().strip("ー・") and ("・" in m.group().strip("・")
                                           or (src_names and _sounds_like(m.group(), src_names)))]
    return out


def _script(s: str) -> str:
    for ch in s:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            return name.split()[0] if name else "?"
    return "?"


def same_script_names(src: str, tgt: str, tgt_lang: str, vocab: frozenset[str] = frozenset()
                      ) -> list[tuple[int, int, str]]:
    """Names written identically on both sides (cased runs of the target, or kana/Han runs, found in the source)."""
    cands = [(s, e, t) for s, e, t in cased_names(tgt, tgt_lang, vocab)]
    cands += [(s, e, t) for s, e, t, _ in script_names(tgt)]
    return [(s, e, t) for s, e, t in cands if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", src)]


def cross_script_names(src: str, tgt: str, src_lang: str, tgt_lang: str,
                       vocab: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
                       ) -> list[tuple[int, int, str, str]]:
    """Target name runs whose script differs from the source's names: (start, end, text, kind).

    The source segment must hold a name of its own (a capitalised run in a cased script, a kana/Han run), so
    the target run is likely its rendering."""
    src_names = [t for _, _, t in cased_names(src, src_lang, vocab[0])] + [t for _, _, t, _ in script_names(src)]
    if not src_names and not _CJK.search(src):  # Chinese/Japanese names need not be marked at all
        return []
    src_scripts = {_script(t) for t in src_names}
    out = [(s, e, t, _script(t)) for s, e, t in cased_names(tgt, tgt_lang, vocab[1])]
    out += [(s, e, t, k) for s, e, t, k in script_names(tgt, src_names)]
    return [(s, e, t, k) for s, e, t, k in out if _script(t) not in src_scripts and t not in src]


def vocabs(docs: Sequence) -> tuple[frozenset[str], frozenset[str]]:
    """Small-letter words of the direction's source and target sides."""
    return (lower_vocab([s for d in docs for s in d.flat("src")]), lower_vocab([s for d in docs for s in d.flat("tgt")]))


def name_pools(docs: Sequence, src_lang: str, tgt_lang: str,
               vocab: tuple[frozenset[str], frozenset[str]]) -> dict[str, list[str]]:
    """Replacement names per kind, from every document of the direction."""
    same: set[str] = set()
    cross: dict[str, set[str]] = {}
    for d in docs:
        for a, b in zip(d.flat("src"), d.flat("tgt")):
            same.update(t for _, _, t in same_script_names(a, b, tgt_lang, vocab[1]))
            for _, _, t, k in cross_script_names(a, b, src_lang, tgt_lang, vocab):
                cross.setdefault(k, set()).add(t)
    pools = {"same:" + _script(t): [] for t in same}
    for t in sorted(same):
        pools["same:" + _script(t)].append(t)
    for k, v in cross.items():
        pools["cross:" + k] = sorted(v)
    return pools


# --------------------------------------------------------------------------------------------- injection

@dataclass
class InjectedDoc:
    doc: object  # multilingual.NewsDoc
    tgt: list[list[str]]  # per flat segment: its pieces (dropped: [], added: two pieces)
    injections: list[Injection] = field(default_factory=list)


def inject(doc, rng: random.Random, pools: dict[str, list[str]], filler: Sequence[str],  # noqa: ANN001
           vocab: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())) -> InjectedDoc:
    src, tgt = doc.flat("src"), doc.flat("tgt")
    pieces: list[list[str]] = [[t] for t in tgt]
    out = InjectedDoc(doc, pieces)
    used: set[int] = set()
    cjk = _no_space(doc.tgt_lang)

    def free(i: int) -> bool:
        return all(abs(i - u) >= 2 for u in used)

    def pick(pred) -> int | None:  # noqa: ANN001
        cand = [i for i in range(1, len(tgt)) if free(i) and pred(i)]
        return rng.choice(cand) if cand else None

    def put(kind: str, i: int, new: str, span: tuple[int, int] | None, detail: str) -> None:
        pieces[i] = [new]
        out.injections.append(Injection(kind, i, span, detail))
        used.add(i)

    def size(i: int, side: str = "tgt") -> int:
        text, no_space = (tgt[i], cjk) if side == "tgt" else (src[i], _no_space(doc.src_lang))
        return len(_CJK.findall(text)) // 2 if no_space else len(text.split())

    def same_cands(i: int) -> list[tuple[int, int, str]]:
        return [(s, e, t) for s, e, t in same_script_names(src[i], tgt[i], doc.tgt_lang, vocab[1])
                if any(n != t and n not in src[i] and n not in tgt[i] for n in pools.get("same:" + _script(t), []))]

    def name_same() -> None:
        i = pick(lambda i: bool(same_cands(i)))
        if i is not None:
            s, e, old = rng.choice(same_cands(i))
            new = rng.choice([n for n in pools["same:" + _script(old)]
                              if n != old and n not in src[i] and n not in tgt[i]])
            put("name-same-script", i, tgt[i][:s] + new + tgt[i][e:], (s, s + len(new)), f"{old} -> {new}")
            m = re.search(rf"(?<!\w){re.escape(old)}(?!\w)", src[i])
            out.injections[-1].src = (m.start(), m.end()) if m else None

    def cross_cands(i: int) -> list[tuple[int, int, str, str]]:
        return [(s, e, t, k) for s, e, t, k in cross_script_names(src[i], tgt[i], doc.src_lang, doc.tgt_lang, vocab)
                if any(n != t and n not in tgt[i] for n in pools.get("cross:" + k, []))]

    def name_cross() -> None:
        i = pick(lambda i: bool(cross_cands(i)))
        if i is not None:
            s, e, old, k = rng.choice(cross_cands(i))
            new = rng.choice([n for n in pools["cross:" + k] if n != old and n not in tgt[i]])
            put("name-cross-script", i, tgt[i][:s] + new + tgt[i][e:], (s, s + len(new)), f"{old} -> {new}")

    def nums(i: int) -> list[re.Match]:
        src_d = {unicodedata.normalize("NFKC", m.group()) for m in _DIGITS.finditer(src[i])}
        return [m for m in _DIGITS.finditer(tgt[i]) if unicodedata.normalize("NFKC", m.group()) in src_d]

    def number() -> None:  # a digit of a number the source has too
        i = pick(lambda i: bool(nums(i)))
        if i is None:
            return
        m = rng.choice(nums(i))
        old = m.group()
        k = rng.randrange(len(old))
        d = int(unicodedata.normalize("NFKC", old[k]))
        nd = (d + rng.choice((2, 3, 5))) % 10
        if k == 0 and nd == 0 and len(old) > 1:
            nd = 7
        ch = chr(0xFF10 + nd) if old[k] >= "\uff10" else str(nd)
        new = old[:k] + ch + old[k + 1:]
        put("number", i, tgt[i][:m.start()] + new + tgt[i][m.end():], (m.start(), m.start() + len(new)),
            f"{old} -> {new}")
        ms = next((x for x in _DIGITS.finditer(src[i]) if unicodedata.normalize("NFKC", x.group())
                   == unicodedata.normalize("NFKC", old)), None)
        out.injections[-1].src = (ms.start(), ms.end()) if ms else None

    commas = "，、," if cjk else ","

    def cut_at(i: int) -> int:
        t = tgt[i]  # the last comma that ends a clause: not one inside a figure ("13,5 kWh", "10,000")
        k = max((j for j, ch in enumerate(t) if ch in commas
                 and not (0 < j < len(t) - 1 and t[j - 1].isdigit() and t[j + 1].isdigit())), default=-1)
        if k <= 0:
            return -1
        tail = tgt[i][k + 1:]
        enough = len(_CJK.findall(tail)) >= 6 if cjk else len(tail.split()) >= 4
        return k if enough and size(i) >= (12 if cjk else 10) else -1

    def truncated() -> None:  # the last clause cut
        i = pick(lambda i: cut_at(i) > 0)
        if i is not None:
            k = cut_at(i)
            end = "。" if cjk else "."
            put("truncated", i, tgt[i][:k].rstrip() + end, None, f"cut: {tgt[i][k + 1:].strip()[:50]}")

    def untranslated() -> None:
        i = pick(lambda i: size(i) >= 5 and size(i, "src") >= 5)
        if i is not None:
            put("untranslated", i, src[i], None, src[i][:50])

    def rep_places(i: int) -> list[tuple[int, int]]:
        if cjk:
            return [(m.start(), m.end()) for m in re.finditer(r"[\u3040-\u30ff\u4e00-\u9fff]{2}", tgt[i])][1:-1]
        return [(m.start(), m.end()) for m in _WORD.finditer(tgt[i]) if len(m.group()) >= 2][1:-1]

    def repeated() -> None:  # a repeated word, or a repeated two-character run in text without spaces
        i = pick(lambda i: size(i) >= 6 and bool(rep_places(i)))
        if i is not None:
            s, e = rng.choice(rep_places(i))
            w = tgt[i][s:e]
            glue = "" if cjk else " "
            put("repeated", i, tgt[i][:e] + glue + w + tgt[i][e:], (s, e + len(glue) + len(w)), f"{w}{glue}{w}")

    def added() -> None:
        i = pick(lambda i: True)
        if i is not None and filler:
            extra = rng.choice(list(filler))
            pieces[i] = [tgt[i], extra]
            out.injections.append(Injection("added", i, None, extra[:50]))
            used.add(i)

    def dropped() -> None:
        i = pick(lambda i: size(i) >= 5)
        if i is not None:
            pieces[i] = []
            out.injections.append(Injection("dropped", i, None, src[i][:50]))
            used.add(i)

    # names first (they have the fewest places), then the other kinds in an order drawn per document, so
    # that in short documents every kind gets its share of the free segments
    rest = [number, truncated, untranslated, repeated, added, dropped]
    rng.shuffle(rest)
    for step in (name_same, name_cross, *rest):
        step()
    return out


def build_texts(inj: InjectedDoc) -> tuple[str, str]:
    """Running texts of the injected pair; every injection gets absolute spans."""
    from .multilingual import running

    d = inj.doc
    src_text, src_spans = running(d.src, d.src_lang)
    paras: list[list[str]] = []
    owner: list[tuple[int, int]] = []
    flat = 0
    for para in d.tgt:
        cur: list[str] = []
        for _ in para:
            for k, piece in enumerate(inj.tgt[flat]):
                cur.append(piece)
                owner.append((flat, k))
            flat += 1
        if cur:
            paras.append(cur)
    tgt_text, tgt_spans = running(paras, d.tgt_lang)
    where = dict(zip(owner, tgt_spans))
    for x in inj.injections:
        x.src_abs = src_spans[x.seg]
        if x.kind == "dropped":
            x.tgt_abs = None
        elif x.kind == "added":
            x.tgt_abs, x.src_abs = where[(x.seg, 1)], None
        else:
            s, e = where[(x.seg, 0)]
            x.tgt_abs = (s + x.tgt[0], s + x.tgt[1]) if x.tgt else (s, e)
            if x.kind == "repeated":
                x.src_abs = None  # nothing in the source corresponds: only a target-side finding counts
            elif x.kind in ("name-same-script", "number") and x.src:
                x.src_abs = (x.src_abs[0] + x.src[0], x.src_abs[0] + x.src[1])  # the source's name or number
            # name-cross-script: any names finding on the source segment (the source name is not located)
    return src_text, tgt_text


def _overlaps(a: tuple[int, int], s: int, e: int) -> bool:
    return a[0] < max(e, s + 1) and s < a[1]


def found(x: Injection, findings: Sequence, min_rank: int = 1) -> bool:
    for f in findings:
        if f.family not in KINDS[x.kind] or f.severity.rank < min_rank:
            continue
        span = x.src_abs if f.side == "source" else x.tgt_abs
        if span and _overlaps(span, f.start, f.end):
            return True
    return False


def run_direction(pair: str, docs: Sequence, work: Path) -> dict:
    """Inject into ``docs`` (the clean run's documents) and check; ``{kind: [found, found major+, injected]}``."""
    from .common import log
    from .multilingual import check_texts, load_direction

    every = load_direction(pair)
    s_lang, t_lang = pair.split("-")
    vocab = vocabs(every)
    pools = name_pools(every, s_lang, t_lang, vocab)
    chosen = {d.docid for d in docs}
    cjk = _no_space(t_lang)
    filler = [t for d in every if d.docid not in chosen for t in d.flat("tgt")
              if (15 <= len(_CJK.findall(t)) <= 80 if cjk else 8 <= len(t.split()) <= 40)]
    per = {k: [0, 0, 0] for k in KINDS}
    misses: list[str] = []
    for d in docs:
        inj = inject(d, random.Random(f"{SEED}-{pair}-{d.docid}"), pools, filler, vocab)
        if not inj.injections:
            continue
        src_text, tgt_text = build_texts(inj)
        try:
            rep = check_texts(src_text, tgt_text, s_lang, t_lang, work, "inj-" + d.docid.replace("/", "_"))
        except Exception as exc:  # noqa: BLE001 - reported, the run goes on
            log(f"multilingual inject {pair} {d.docid}: {type(exc).__name__}: {exc}")
            continue
        for x in inj.injections:
            per[x.kind][2] += 1
            hit = found(x, rep.findings)
            per[x.kind][0] += hit
            per[x.kind][1] += found(x, rep.findings, 2)
            if not hit:
                misses.append(f"{pair} {d.docid} {x.kind}: {x.detail}")
    tot = [sum(v[j] for v in per.values()) for j in range(3)]
    log(f"multilingual inject {pair}: {tot[0]}/{tot[2]} found ({tot[1]} at major+)")
    return {"per_kind": per, "misses": misses}


def markdown(results: Sequence) -> str:  # noqa: ANN001 - multilingual.DirResult
    rows = []
    all_tot = [0, 0, 0]
    for r in results:
        per = r.inject.get("per_kind") if r.inject else None
        if not per:
            continue
        tot = [sum(v[j] for v in per.values()) for j in range(3)]
        all_tot = [a + b for a, b in zip(all_tot, tot)]
        rows.append([r.pair, *(f"{v[0]}/{v[2]}" if v[2] else "–" for v in per.values()),
                     f"{tot[0] / tot[2]:.2f}" if tot[2] else "", f"{tot[1] / tot[2]:.2f}" if tot[2] else ""])
    if not rows:
        return ""
    out = ("Injected errors (one of each kind per document where it has a place; found / injected; seed "
           f"{SEED}). Recall counts a finding of an accepted family overlapping the injected span; the last "
           "column counts only findings at major or worse.\n\n")
    out += table(["pair", *KINDS, "recall", "recall major+"], rows)
    if all_tot[2]:
        out += (f"\n\nAll directions: {all_tot[0]}/{all_tot[2]} injected errors found "
                f"({all_tot[0] / all_tot[2]:.3f}; {all_tot[1] / all_tot[2]:.3f} at major or worse).")
        out += "\n\nBy kind, all directions (found / found at major or worse / injected): " + by_kind(results) + "."
    return out


def by_kind(results: Sequence) -> str:  # noqa: ANN001 - multilingual.DirResult
    """``number 56/50/56, ...``: each kind's found, found at major or worse and injected, over every direction."""
    tot = {k: [0, 0, 0] for k in KINDS}
    for r in results:
        for k, v in ((r.inject or {}).get("per_kind") or {}).items():
            tot[k] = [a + b for a, b in zip(tot[k], v)]
    return ", ".join(f"{k} {v[0]}/{v[1]}/{v[2]}" for k, v in tot.items() if v[2])
