"""Known renderings of names between two languages (exonyms, acronyms, demonyms).

Sources, merged: CLDR territory names through Babel (any language pair), and for English ->
Vietnamese the shipped ``data/names_en_vi.tsv`` (hand-curated organisations, agencies, regions)
and ``data/lexicon_en_vi.tsv`` (proper nouns from English Wiktionary). Keys are folded
(:func:`tqcheck.names.text.fold`), so 'Liên Hiệp Quốc' and 'lien hiep quoc' are one key.
"""
from __future__ import annotations

import functools
import logging
import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..diskmemo import disk_memo
from .text import base_lang, fold, is_acronym

log = logging.getLogger(__name__)

_FILES = {("en", "vi"): ("data/names_en_vi.tsv", "data/lexicon_en_vi.tsv")}


@dataclass(frozen=True)
class LexEntry:
    source: tuple[str, ...]  # forms in the source language; the first is the usual one
    target: tuple[str, ...]  # accepted renderings in the target language; the first is preferred
    kind: str = ""


class Lexicon:
    """Name renderings for one direction (``src`` -> ``tgt``)."""

    def __init__(self, entries: list[LexEntry], curated: bool = False):
        self.entries = entries
        self.curated = curated  # a hand-curated list of renderings exists for the pair (en-vi)
        self.langs: tuple[str, str] = ("", "")  # (source, target) base languages, set by load_lexicon
        self._by_src: dict[str, list[LexEntry]] = defaultdict(list)
        self._by_tgt: dict[str, list[LexEntry]] = defaultdict(list)
        self._by_stem: dict[str, list[LexEntry]] | None = None
        self._by_tgt_stem: dict[str, list[LexEntry]] | None = None
        self._by_tgt_prefix: dict[str, list[tuple[str, list[LexEntry]]]] | None = None
        self._by_src_stem: dict[str, list[LexEntry]] | None = None
        for e in entries:
            for s in e.source:
                self._by_src[fold(s)].append(e)
            for t in e.target:
                self._by_tgt[fold(t)].append(e)

    def for_source(self, name: str) -> list[LexEntry]:
        key = fold(name)
        entries = self._by_src.get(key, [])
        if entries and not is_acronym(name):  # "Who" is not WHO
            entries = [e for e in entries if any(fold(s) == key and not is_acronym(s) for s in e.source)]
        return entries

    def for_target(self, name: str) -> list[LexEntry]:
        entries = self._by_tgt.get(fold(name), [])
        if " " not in name.strip():  # one word: marks matter (Ảo is not Áo; Marốc is Ma-rốc)
            want = _marked_key(name)
            entries = [e for e in entries if any(_marked_key(t) == want for t in e.target)]
        return entries

    def for_source_stem(self, stem: str) -> list[LexEntry]:
        """Entries with a one-word source form whose stem is ``stem`` (see ``tqcheck.checks.names._stems``):
        'india' for the stem of 'Indians'; the form itself, or it less a final a/e/o ('Buddha' for 'buddh')."""
        if self._by_stem is None:
            self._by_stem = defaultdict(list)
            for key, entries in self._by_src.items():
                if key.isalpha():
                    self._by_stem[key].extend(entries)
                    if key[-1:] in "aeo" and len(key) > 4:
                        self._by_stem[key[:-1]].extend(entries)
        return self._by_stem.get(stem, [])

    def for_target_stem(self, name: str) -> list[LexEntry]:
        """Entries with a target form of the same word stems as ``name`` (an inflected form: Европы for
        Европа, Pekingem for Peking)."""
        if self._by_tgt_stem is None:
            self._by_tgt_stem = defaultdict(list)
            for e in self.entries:
                for t in e.target:
                    if not is_acronym(t):
                        self._by_tgt_stem[stem_key(t)].append(e)
        return self._by_tgt_stem.get(stem_key(name), []) if not is_acronym(name) else []

    def for_target_prefix(self, word: str) -> list[LexEntry]:
        """Entries with a one-word target form that shares ``word``'s first four letters and differs in length
        by two letters at most: an ending that replaces the base's (Noregi for Noregur); or by four at most
        where the two share three quarters of the shorter and seven letters or more (Bandaríkjanna, the
        genitive of Bandaríkin)."""
        key = fold(word)
        if len(key) < 5:
            return []
        if self._by_tgt_prefix is None:
            self._by_tgt_prefix = defaultdict(list)
            for k, entries in self._by_tgt.items():
                if k.isalpha() and len(k) >= 5:
                    self._by_tgt_prefix[k[:4]].append((k, entries))
        return [e for k, entries in self._by_tgt_prefix.get(key[:4], ()) if abs(len(k) - len(key)) <= 2
                or abs(len(k) - len(key)) <= 4
                and len(os.path.commonprefix([k, key])) >= max(7, 0.75 * min(len(k), len(key)))
                for e in entries]

    def for_source_inflected(self, name: str) -> list[LexEntry]:
        """Entries with a source form of the same word stems as ``name`` (Česku for Česko)."""
        if self._by_src_stem is None:
            self._by_src_stem = defaultdict(list)
            for e in self.entries:
                for t in e.source:
                    if not is_acronym(t):
                        self._by_src_stem[stem_key(t)].append(e)
        return self._by_src_stem.get(stem_key(name), []) if not is_acronym(name) else []

    def source_keys_for_target(self, key: str) -> set[str]:
        """Folded source forms that ``key`` (a folded target name) renders."""
        return {fold(s) for e in self._by_tgt.get(key, []) for s in e.source}

    def target_keys_for_source(self, key: str) -> set[str]:
        return {fold(t) for e in self._by_src.get(key, []) for t in e.target}

    def knows_source(self, name: str) -> bool:
        return bool(self.for_source(name))

    def knows_target(self, name: str) -> bool:
        return bool(self.for_target(name))

    def same(self, src: str, tgt: str) -> bool:
        return fold(tgt) in self.target_keys_for_source(fold(src))

    def rendering(self, src: str) -> str | None:
        """The preferred rendering of a source name; for an acronym, a target acronym if there is one."""
        entries = self.for_source(src)
        if not entries:
            return None
        e = entries[0]
        if src.isupper():
            for t in e.target:
                if t.replace(".", "").isupper():
                    return t
        return e.target[0]


def word_stem(word: str) -> str:
    """A folded word less the room for a case ending: 'европы' and 'европа' -> 'евро'."""
    w = fold(word)
    if len(w) >= 5:
        return w[: max(4, len(w) - 2)]
    return w[:-1] if len(w) == 4 else w


def stem_key(text: str) -> str:
    return " ".join(word_stem(w) for w in re.split(r"[\s\-‐‑]+", text) if w)


def _marked_key(text: str) -> str:
    """Case- and joiner-insensitive, but mark-sensitive: 'Ma-rốc' = 'Marốc', 'Ảo' != 'Áo'."""
    return re.sub(r"[\s\-‐‑]+", "", unicodedata.normalize("NFC", text).casefold())


def _read_tsv(path: str) -> list[LexEntry]:
    text = resources.files("tqcheck").joinpath(path).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        src = tuple(s.strip() for s in cols[0].split("|") if s.strip())
        tgt = tuple(t.strip() for t in cols[1].split("|") if t.strip())
        if src and tgt:
            out.append(LexEntry(src, tgt, cols[2].strip() if len(cols) > 2 else ""))
    return out


@disk_memo(("babel",))  # derived once per machine (tqcheck.diskmemo)
def _babel_entries(src: str, tgt: str) -> list[LexEntry]:
    try:
        from babel import Locale, UnknownLocaleError

        s, t = Locale.parse(src), Locale.parse(tgt)
    except (ImportError, ValueError, UnknownLocaleError):  # type: ignore[misc]
        return []
    out = []
    for code, name in s.territories.items():
        other = t.territories.get(code)
        if other and not code.isdigit() or other and code in ("002", "142", "150", "019", "009"):
            out.append(LexEntry(_forms(name, src, code), _forms(other, tgt, code), "territory"))
    out.extend(_city_entries(s, t))
    out.extend(_abbreviations(src, tgt))
    return out


def _city_entries(s: Any, t: Any) -> list[LexEntry]:
    """CLDR's exemplar cities of the time zones (Praha / Prague, Москва / Moscow, Mát-xcơ-va): about 400 large
    cities named in every locale. A locale without its own name uses the zone's English one (Europe/Prague:
    Prague), as CLDR does."""
    from babel.core import get_global

    out = []
    for zone in get_global("zone_territories"):
        if "/" not in zone or zone.startswith("Etc/"):
            continue
        default = zone.rsplit("/", 1)[1].replace("_", " ")
        a = (s.time_zones.get(zone) or {}).get("city") or default
        b = (t.time_zones.get(zone) or {}).get("city") or default
        if a and b:
            a_forms = tuple(dict.fromkeys((a, _unprefixed(a, str(s)))))  # "i-Johannesburg"
            b_forms = tuple(dict.fromkeys((b, _unprefixed(b, str(t)))))
            out.append(LexEntry(a_forms, b_forms, "city"))
    return out


def _unprefixed(name: str, lang: str) -> str:
    """``name`` less the prefix the language writes onto its first word (``names.prefixes`` of the profile:
    isiZulu "iNingizimu Afrika", "i-Johannesburg"), as the name spans are found."""
    from .spans import prefix_length

    return name[prefix_length(name, lang):]


# Abbreviations that are not the initials of the CLDR name (which give US, UN, EU, UAE, UK), written so in
# Latin-script languages
_CODE_ALIASES = {"US": ("USA",)}


def _forms(name: str, lang: str, code: str) -> tuple[str, ...]:
    """A CLDR territory name and the forms derived from it: its initials when it has two words or more
    (Организация Объединенных Наций -> ООН, Organizace spojených národů -> OSN, United Arab Emirates -> UAE),
    and in Latin-script languages "USA"."""
    forms = [name]
    bare = _unprefixed(name, lang)
    if bare != name:  # "iNingizimu Afrika", "i-New Zealand": the prefix CLDR writes goes with the sentence
        forms.append(bare)
        name = bare
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if len(words) >= 2:
        initials = "".join(w[0] for w in words if len(w) >= 3 or w[:1].isupper()).upper()
        if len(initials) >= 2:
            forms.append(initials)
    if _latin(lang):  # "USA" is written so in German and Czech too
        forms.extend(_CODE_ALIASES.get(code, ()))
    return tuple(dict.fromkeys(forms))


def _latin(lang: str) -> bool:
    from ..lang import profile

    return profile(lang).script == "Latn"


def _abbreviations(src: str, tgt: str) -> list[LexEntry]:
    """Local abbreviations that CLDR lacks, from the ``names`` section of the language profiles
    (``abbreviations``: local form -> English form, or a list of English forms; see tqcheck/data/SOURCES.md), for
    the pair's directions."""
    from ..lang import profile

    out = []
    if src == "en":
        for local, en in profile(tgt).section("names").get("abbreviations", {}).items():
            out.append(LexEntry((en,) if isinstance(en, str) else tuple(en), (local,), "abbreviation"))
    if tgt == "en":
        for local, en in profile(src).section("names").get("abbreviations", {}).items():
            out.append(LexEntry((local,), (en,) if isinstance(en, str) else tuple(en), "abbreviation"))
    return out


@functools.lru_cache(maxsize=8)
def load_lexicon(src_lang: str, tgt_lang: str) -> Lexicon:
    """The merged lexicon for a language pair (curated files first, so their forms are preferred)."""
    src, tgt = base_lang(src_lang), base_lang(tgt_lang)
    entries: list[LexEntry] = []
    for path in _FILES.get((src, tgt), ()):
        entries.extend(_read_tsv(path))
    if (tgt, src) in _FILES:
        for path in _FILES[(tgt, src)]:
            entries.extend(LexEntry(e.target, e.source, e.kind) for e in _read_tsv(path))
    entries.extend(_babel_entries(src, tgt))
    lex = Lexicon(entries, curated=(src, tgt) in _FILES or (tgt, src) in _FILES)
    lex.memo_key = ("load_lexicon", src, tgt)  # what the entries are a function of (tqcheck.textmemo)
    lex.langs = (src, tgt)
    return lex
