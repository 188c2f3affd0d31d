"""TQ4xx: text left untranslated, copied from the source, or written in a third language."""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from .. import surface
from ..langid import cld3_disagrees, confusable, detect_probs, fits_script
from ..memo import text_cache
from ..model import Segment, Severity
from .base import BeadContext, DocContext, Hit, per_document, rule

_TOKEN = surface.TOKEN
_MIN_PROB = 0.9  # langdetect probability needed to call a segment's language (TQ401 min_probability)
_MIN_CHARS = 25  # shorter segments (names, datelines, captions) cannot be identified reliably
_MIN_CHARS_UNSPACED = 12  # ... in scripts without spaces (Chinese, Japanese), where a character carries more
_COMMON_SHARE = 0.4  # lower-case words needed among a spaced sentence's words for its language to be told
_COPY_CHRF = 70.0  # chrF of target against source above which a segment is a copy (TQ403 min_chrf)
_COPY_WORDS = 0.5  # ... and the share of its ordinary words that the source has too (min_shared_words)
_COPY_RUN = 5  # identical consecutive tokens that make a copied fragment (min_run)
_COPY_RUN_UNSPACED = 10  # ... characters, in scripts without spaces
_MAX_STARTS = 32  # places in the source remembered per n-gram (boilerplate repeats; bounds the time)


def _words(text: str) -> list[str]:
    return surface.words(text)


def _common_words(text: str) -> int:
    """Words that are not names: lower-case alphabetic words of two letters or more, and pieces of scripts
    without case and spaces (two characters each)."""
    return sum(1 for w in _words(text) if w.islower() and len(w) >= 2 or surface.UNSPACED.match(w[:1]))


_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]|«[^»]*»|‘[^’]*’")  # („…“: German, Czech, Icelandic)


_SAME_SCRIPT_MAJOR = 100  # characters a sentence needs before a third language in the target's script is major (TQ402)
_OWN_SHARE = 0.4  # words with letters of the target's own alphabet that make a sentence the target language


@per_document
def _own_letters(doc: DocContext) -> frozenset[str]:
    """Accented or special Latin letters the target document uses and the source document never does
    (Vietnamese ơ ư ă đ ạ ả…, German ä ö ü ß): the target alphabet's own letters, learnt from the two texts.
    Plain ASCII letters never count: a short source may lack one by chance."""
    src = {c for s in doc.source.segments for c in s.text.casefold()}
    tgt = {c for s in doc.target.segments for c in s.text.casefold()}
    return frozenset(c for c in tgt - src if c.isalpha() and not c.isascii() and "LATIN" in unicodedata.name(c, ""))


def _language(seg: Segment, doc: DocContext) -> tuple[str, float]:
    """The segment's language and langdetect's confidence, or ("und", 0) when it is too short to tell.

    Quotations are left out: a quoted phrase kept in its original language is deliberate. A sentence in
    which at least 40% of the words carry letters of the target's own alphabet (letters the source never
    uses) is the target language without asking langdetect, the slowest rule step (it was most of the
    checks' time on long documents).
    """
    own = _own_letters(doc)
    if own:
        words = _words(_QUOTED.sub(" ", seg.text))
        if words and sum(1 for w in words if not own.isdisjoint(w.casefold())) >= _OWN_SHARE * len(words):
            return doc.tgt_lang, 1.0
    return _language_of(seg.text)


@text_cache(maxsize=4096)
def _language_of(text: str, second_opinion: bool = True) -> tuple[str, float]:
    """:func:`_language` by text: TQ401, TQ402 and TQ403 all ask about every target sentence. ``second_opinion``:
    CLD3 may overrule langdetect (:func:`tqcheck.langid.cld3_disagrees`)."""
    text = _QUOTED.sub(" ", text)
    if surface.UNSPACED.search(text):  # "其他球员还有 Neto、Nelson Semedo 和 Arturo Vidal。": the names are not English
        text = _LATIN_NAME.sub(" ", text)
    unspaced = surface.unspaced_share(text) >= 0.5
    short = _MIN_CHARS_UNSPACED if unspaced else _MIN_CHARS
    common = _common_words(text)
    if surface.length(text) < short or common < 3:
        return "und", 0.0
    # a sentence made mostly of capitalised words (names: "... said Lech Wałęsa on Friday to Małgorzata
    # Kidawa-Błońska") tells the names' language, not the sentence's
    if not unspaced and common < _COMMON_SHARE * sum(1 for w in _words(text) if w[:1].isalpha()):
        return "und", 0.0
    probs = detect_probs(text)
    if not probs or not fits_script(probs[0][0], text):
        return "und", 0.0  # a Chinese sentence with a Latin name is not Polish
    if second_opinion and surface.length(text) < _SECOND_OPINION_CHARS and cld3_disagrees(text, probs[0][0]):
        return "und", 0.0  # langdetect alone: "In Japan ist das etwas anders." is English to it (1.00), Afrikaans
        # to CLD3 (0.92): one detector's certainty on a short sentence is no evidence that it was left untranslated
    return probs[0][0].split("-")[0], probs[0][1]


# A capitalised Latin word (with its hyphenated or apostrophised parts): in a sentence of a script without
# spaces such words are names kept in Latin letters, which tell nothing about the sentence's language.
_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z'’.-]*")


# a sentence shorter than this (characters) needs CLD3's agreement where CLD3 is sure of another language: on
# short texts langdetect's n-grams can be certain and wrong; a longer one may mix a translated headline with an
# untranslated sentence (the aligner's segment), where the two detectors each see one half
_SECOND_OPINION_CHARS = 100
_COPIED_SHARE = 0.8  # words of a target sentence found in its source that make it the source's own words


@per_document
def _source_words(doc: DocContext) -> frozenset[str]:
    """The source document's words, case-folded (the aligner may have put a copied sentence in another bead)."""
    return frozenset(w.casefold() for seg in doc.source.segments for w in _words(seg.text))


def _copied_words(text: str, source_words: frozenset[str]) -> bool:
    """At least ``_COPIED_SHARE`` of the words of ``text`` (five or more) are words of the source document, in any
    case: the sentence is made of the source's words."""
    words = [w.casefold() for w in _words(text) if any(ch.isalpha() for ch in w)]
    if len(words) < 5:
        return False
    return sum(1 for w in words if w in source_words) >= _COPIED_SHARE * len(words)


@rule("TQ401", "untranslated", Severity.MAJOR, options={"min_probability": _MIN_PROB})
def untranslated(ctx: BeadContext) -> Iterator[Hit]:
    """A translated sentence is still in the source language.

    What: Identifies the language of each target sentence (langdetect, seeded) and reports one that is
    confidently in the source language. Quotations are left out, and sentences shorter than 25 characters
    or made mostly of names (fewer than three lower-case words, or under 40% of the words) are skipped,
    because their language cannot be told; in a sentence with Han or
    kana characters, capitalised Latin words are names and are left out before the language is told.
    Why: An untranslated sentence is content the reader of the translation does not get. MQM: Accuracy /
    Untranslated, major.
    Example: source "The talks were held in Moscow." -> target "The talks were held in Moscow." (copied
    unchanged into the Vietnamese text).
    Fix: Translate the sentence.
    """
    src, tgt = ctx.doc.src_lang, ctx.doc.tgt_lang
    if src == tgt:
        return
    for seg in ctx.tgt_segments:
        lang, prob = _language(seg, ctx.doc)
        if lang != src and _copied_words(seg.text, _source_words(ctx.doc)):  # the source's own words: langdetect's
            lang, prob = _language_of(seg.text, second_opinion=False)  # answer stands, whatever CLD3 says of them
        if lang == src and prob >= ctx.option("min_probability"):
            yield Hit("target", seg.index, 0, len(seg.text), f"this sentence is in the source language ({src}), "
                      f"not {tgt} (p={prob:.2f})", suggestion=None, evidence=ctx.src_text)


@rule("TQ402", "wrong-language", Severity.MAJOR, options={
    "min_probability": 0.95, "min_chars": 40, "min_chars_unspaced": 15, "major_chars": _SAME_SCRIPT_MAJOR})
def wrong_language(ctx: BeadContext) -> Iterator[Hit]:
    """A translated sentence is in a third language, neither the source's nor the target's.

    What: Reports a target sentence of 40 characters or more (15 in Chinese or Japanese script; quotations
    left out) that langdetect confidently (p >= 0.95) assigns to a language other than the source and target
    languages, written in that language's script. A language written in the target's own script is only
    minor below 100 characters (without spaces, quotations left out): short sentences of names and plain
    words ("Wang Liwen, village cadre, helped Fu Kunbao make plans.") fool the detector. A close relative
    of the target or source language that langdetect mixes up with it (Russian/Bulgarian,
    Norwegian/Danish/Swedish, Dutch/Afrikaans: ``tqcheck.langid.confusable``) is only minor too, and not
    reported at all below those 100 characters (a Dutch headline read as Afrikaans). Every finding in a
    target language langdetect has no profile for is minor as well; a language in that target's own script is
    not reported at all there (langdetect reads every Icelandic sentence as Norwegian, every Kazakh one as Russian).
    Why: Pivot translation (English -> Chinese -> Vietnamese) and multilingual models sometimes leave text in
    the pivot language. MQM: Accuracy / Untranslated (wrong language), major.
    Example: source "The two ministers signed a plan." -> target "两国外长签署了合作计划。" in a Vietnamese
    translation.
    Fix: Translate the sentence into the target language.
    """
    src, tgt = ctx.doc.src_lang, ctx.doc.tgt_lang
    for seg in ctx.tgt_segments:
        cjk = _cjk_share(seg.text) >= 0.5
        read = seg.text if cjk else _QUOTED.sub(" ", seg.text)  # the text the language is told from
        if len(read.strip()) < ctx.option("min_chars_unspaced" if cjk else "min_chars"):
            continue
        lang, prob = _cjk_language(seg) if cjk else _language(seg, ctx.doc)
        if lang not in ("und", src, tgt) and prob >= ctx.option("min_probability"):
            if _unknown_to_detector(tgt) and _same_script(lang, tgt):
                continue  # it names a neighbour for every sentence of a language it has no profile for
            # langdetect mixes up close relatives (ru/bg, no/da/sv, nl/af): a sentence "in" the target's or the
            # source's close relative is most likely that language, so at most minor, and not reported at all
            # where it is short (a Dutch headline read as Afrikaans)
            kin = confusable(lang, tgt) or confusable(lang, src)
            short = surface.length(read) < ctx.option("major_chars")
            if kin and short:
                continue
            weak = _same_script(lang, tgt) and short or kin or _unknown_to_detector(tgt)
            yield Hit("target", seg.index, 0, len(seg.text), f"this sentence looks like {lang}, not {tgt} "
                      f"(p={prob:.2f})", evidence=ctx.src_text, severity=Severity.MINOR if weak else None)


def _unknown_to_detector(lang: str) -> bool:
    """langdetect has no profile for ``lang`` (Icelandic): it names a neighbour for every sentence of it."""
    from ..langid import supported

    return lang.split("-")[0] not in supported()


def _same_script(a: str, b: str) -> bool:
    from ..lang import profile

    return profile(a).script == profile(b).script


def _cjk_share(text: str) -> float:
    return surface.unspaced_share(text)


def _cjk_language(seg: Segment) -> tuple[str, float]:
    """Scripts without case or spaces (Chinese, Japanese) have no lower-case words to count."""
    probs = detect_probs(seg.text)
    if not probs or not fits_script(probs[0][0], seg.text):
        return "und", 0.0
    return probs[0][0].split("-")[0], probs[0][1]


@rule("TQ403", "copied-source", Severity.MAJOR,
      options={"min_chrf": _COPY_CHRF, "min_shared_words": _COPY_WORDS, "min_run": _COPY_RUN})
def copied_source(ctx: BeadContext) -> Iterator[Hit]:
    """Source text was copied into the translation instead of being translated.

    What: Scores each target sentence against its source with chrF (sacrebleu's ``CHRF.sentence_score``);
    a score of 70 or more over ordinary words (not just names and numbers), half of which the source has
    too, means the sentence was copied.
    Inside a sentence, a run of five or more identical consecutive words, three of them ordinary lower-case
    words, is reported as a copied fragment; a fragment that is a name or title kept in the source language
    (in quotation marks, in brackets that start with a capital, or beginning a name mid-sentence in the
    source: "das Institut des hautes études en gestion de crise") is only minor, and a capitalised expansion
    in brackets does not count towards a whole-sentence copy. Sentences already reported by TQ401 are skipped.
    Why: Copy-through is how machine translation and hurried post-editing leave text untranslated when the
    language detector cannot tell (short or mixed sentences). MQM: Accuracy / Untranslated, major.
    Example: source "Both sides agreed to boost trade." -> target "Hai bên agreed to boost trade and
    investment." (the clause "agreed to boost trade" was copied).
    Between close relatives that share much of their vocabulary (``tqcheck.langid.confusable``: isiZulu and
    isiXhosa, Czech and Slovak) every such finding is minor.
    Fix: Translate the copied words; keep only names, codes and quotations that must stay as they are.
    """
    src, tgt = ctx.doc.src_lang, ctx.doc.tgt_lang
    if src == tgt or not ctx.src_segments:
        return
    source = ctx.src_text
    if not fits_script(src, source) and fits_script(tgt, source):
        return  # the source is itself written in the translation's script (an English line in a Russian
        # article): kept as it is, it is no copy-through
    # close relatives (isiZulu and isiXhosa, Czech and Slovak) share many of their words: at most minor
    kin = Severity.MINOR if confusable(src, tgt) else None
    src_tokens = [w.casefold() for w in _TOKEN.findall(source)]
    index = _CopyIndex(src_tokens, shared_chars=_share_unspaced_script(src, tgt), run=ctx.option("min_run"))
    min_chrf, min_shared = ctx.option("min_chrf"), ctx.option("min_shared_words")
    src_set = frozenset(src_tokens)
    for seg in ctx.tgt_segments:
        lang, prob = _language(seg, ctx.doc)
        if lang == src and prob >= ctx.option("min_probability", "TQ401"):
            continue  # TQ401's finding
        own = _NAME_BRACKET.sub(lambda b: " " if b.group(0)[1].isupper() else b.group(0), seg.text)
        if _common_words(own) >= 3 and _ordinary_shared(own, src_set) >= min_shared \
                and _chrf(own, source) >= min_chrf:
            yield Hit("target", seg.index, 0, len(seg.text), "this sentence is a copy of the source, not a "
                      "translation", evidence=source, severity=kin)
            continue
        run = index.copied_run(seg.text)
        if run is not None and any(u.start() <= run[0] and run[1] <= u.end() for u in _ADDRESS.finditer(seg.text)):
            run = None  # a web or mail address ("http://www.example.gov.cn"): no words to translate
        if run is not None:
            s, e = run
            name = _kept_name(seg.text, s, e, source)
            yield Hit("target", seg.index, s, e, f"'{seg.text[s:e]}' is copied from the source untranslated"
                      + (" (it may be a name or title kept in the original language)" if name else ""),
                      evidence=source, severity=Severity.MINOR if name else kin)


_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def _chrf(text: str, source: str) -> float:
    """sacrebleu's sentence chrF of ``text`` against ``source`` (imported here, when a sentence gets this far:
    sacrebleu's import costs 0.12-0.16 CPU s, and most documents never need it)."""
    from sacrebleu.metrics import CHRF

    return CHRF().sentence_score(text, [source]).score


def _ordinary_shared(text: str, source_words: frozenset[str]) -> float:
    """The share of ``text``'s ordinary words (lower-case, two letters or more; pieces of scripts without
    spaces) that the source has too: a sentence of names translated around them ("The accused are named
    Baba Kanjar, ... and Vishnu Kanjar." for "Les accusés s'appellent ...") shares its names, not its words."""
    words = [w for w in _words(text) if w.islower() and len(w) >= 2 or surface.UNSPACED.match(w[:1])]
    if not words:
        return 0.0
    return sum(1 for w in words if w.casefold() in source_words) / len(words)


# Text in brackets that starts with a capital letter: a name, or the expansion of an abbreviation, that a
# translation keeps in the source language ("ARE (Association pour le Retournement des Entreprises)").
_NAME_BRACKET = re.compile(r"[(（][^\W\d_][^()（）]*[)）]")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)['’]?\s*$")


def _kept_name(text: str, s: int, e: int, source: str) -> bool:
    """The copied run ``text[s:e]`` is a name or title kept in the source language, not untranslated text:
    it stands in quotation marks or in brackets that start with a capital, or, in the source, it begins a
    name mid-sentence (its first word, or the word right before it: "l'Institut des hautes études ...", is
    capitalised and does not start the sentence)."""
    if any(q.start() <= s and e <= q.end() for q in _QUOTED.finditer(text)):
        return True
    if any(b.start() <= s and e <= b.end() and b.group(0)[1].isupper() for b in _NAME_BRACKET.finditer(text)):
        return True
    at = source.casefold().find(text[s:e].casefold())
    if at < 0:
        return False
    first = source[at:at + 1]
    before = _WORD_BEFORE.search(source[max(0, at - 40):at])
    head = (at, first) if first.isupper() else None
    if head is None and before is not None and before.group(1)[:1].isupper():
        head = (at - len(before.group(0)), before.group(1)[:1])
    if head is None:
        return False
    lead = source[max(0, head[0] - 6):head[0]].rstrip()
    lead = re.sub(r"\b[^\W\d_]{1,2}['’]$", "", lead).rstrip()  # an elided article: "l'", "d'"
    return bool(lead) and lead[-1] not in ".!?:\"“«„"


def _share_unspaced_script(a: str, b: str) -> bool:
    """Chinese and Japanese share Han characters: a run of them in both is no copy."""
    from ..lang import profile

    pa, pb = profile(a), profile(b)
    return pa.cjk and pb.cjk


class _CopyIndex:
    """The source's token n-grams with their positions, to find the longest run of target tokens that
    appears in the same order in the source in time linear in the target's length (times the n-gram's
    occurrences), however long the source is."""

    def __init__(self, src_tokens: list[str], shared_chars: bool = False, run: int = _COPY_RUN) -> None:
        self.src = src_tokens
        self.shared_chars = shared_chars
        self.run = max(1, run)  # words (the characters of a script without spaces: _COPY_RUN_UNSPACED)
        self.grams: dict[tuple[str, ...], list[int]] = {}
        for k in {self.run, _COPY_RUN_UNSPACED}:
            for i in range(len(src_tokens) - k + 1):
                at = self.grams.setdefault(tuple(src_tokens[i:i + k]), [])
                if len(at) < _MAX_STARTS:
                    at.append(i)

    def copied_run(self, text: str) -> tuple[int, int] | None:
        """Span of the longest run of target tokens that appears in the same order in the source, with at
        least three distinct ordinary words (or six distinct characters of a script without spaces)."""
        toks = list(_TOKEN.finditer(text))
        low = [t.group(0).casefold() for t in toks]
        chars = [surface.UNSPACED.match(w) is not None for w in low]
        best: tuple[int, int] | None = None
        i = 0
        while i < len(low):
            k = _COPY_RUN_UNSPACED if chars[i] else self.run
            starts = self.grams.get(tuple(low[i:i + k])) if i + k <= len(low) else None
            if not starts or chars[i] and self.shared_chars:
                i += 1
                continue
            j = i + k
            while j < len(low) and starts:
                nxt = [p for p in starts if p + j - i < len(self.src) and self.src[p + j - i] == low[j]]
                if not nxt:
                    break
                starts, j = nxt, j + 1
            words = {t.group(0) for t in toks[i:j]}  # distinct: "blah, blah, blah" is not text
            ordinary = sum(1 for w in words if w.islower() and len(w) >= 2 and any(c.isalpha() for c in w))
            unspaced = sum(1 for w in words if surface.UNSPACED.match(w))
            if (ordinary >= 3 or unspaced >= 6) and (best is None or j - i > best[1] - best[0]):
                best = (i, j)
            i = j
        if best is None:
            return None
        return toks[best[0]].start(), toks[best[1] - 1].end()
