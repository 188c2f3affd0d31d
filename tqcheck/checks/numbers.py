"""TQ2xx: numbers, amounts, percentages and dates that differ between source and translation.

Every bead's values are normalised (:mod:`tqcheck.numparse`) and compared as multisets. Values left over
on one side are first cancelled against leftovers of nearby beads (an aligner that put a clause in the
next bead is not a translation error); what remains is reported as changed (a source value and a target
value of the same kind replace each other), missing or added.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Iterator

from ..model import Severity
from ..numparse import (
    RELATIVE_RENDER,
    Quantity,
    ambiguous_word_for,
    extract,
    month_form_in,
    percent_compound,
    relative_periods,
    render,
    render_all,
    roman_values,
    spelled_inside,
    values_begun,
    word_begins,
    word_with_ending,
)
from ..units import in_longer_unit, whole_period
from .base import BeadContext, DocContext, Hit, per_document, rule

# TQ201's thresholds ([tool.tqcheck] options = { TQ201 = { approx_band = 0.1 } }); the analysis shared by
# TQ201-TQ203 reads them from TQ201's entry.
OPTIONS = {
    "round_tolerance": 0.10,  # a converted unit within this fraction of the exact conversion (round figures)
    "exact_tolerance": 0.05,  # the same for figures with three or more significant digits
    "approx_band": 0.20,  # a value next to "about"/"khoảng"/"左右" within this fraction of the source's: minor
}
_WINDOW = 2  # beads (with target text) either side whose leftovers may cancel this bead's leftovers
_MIN_SOFT = 3  # number words below this ("one", "two": "both", articles) are never required
_MOVED_MIN = 2  # figures of a sentence without a counterpart that a neighbour's translation all holds: rendered there
_DOC_WINDOW = 6  # beads either side where the same value makes an added or missing one weak evidence (minor)


@dataclass
class Issue:
    kind: str  # changed | missing | added
    src: Quantity | None
    tgt: Quantity | None
    relative: str | None = None  # the source's relative period replaced by a year
    severity: Severity | None = None  # None: the rule's own severity
    note: str | None = None  # what the evidence is ("150 feet ≈ 45.7 m, translation says 50 km")


def figures_next_door(doc: DocContext, index: int) -> bool:
    """Bead ``index`` has a source and no target, and its figures (two or more) all stand, unmatched, in the
    translation of a bead nearby: the translator joined its sentence to a neighbour's ("苹果、梨…… 9月14日，2018
    水果节开幕。" rendered in one sentence)."""
    return index in _analysis(doc)[1]


def differs(doc: DocContext, index: int) -> bool:
    """Bead ``index`` has a value changed, missing or added at major or worse (a minor one is weak evidence)."""
    return any(i.severity is not Severity.MINOR for i in analyse(doc).get(index, []))


def _required(q: Quantity) -> bool:
    if q.kind == "ordinal":
        return False
    if not q.soft:
        return True
    return isinstance(q.value, float) and q.value >= _MIN_SOFT


def _article_like(q: Quantity) -> bool:
    """1 or 2 (or 1 million...) in a translation often renders "a", "both" or a plural: never flagged as added."""
    if q.kind not in ("number", "money") or not isinstance(q.value, float) or q.value <= 0 or q.unit:
        return False  # ("2 ha" is a measure, not "a" or "both")
    mantissa = q.value / 10 ** (len(str(int(q.value))) - 1) if q.value >= 10 else q.value
    return mantissa in (1.0, 2.0) and q.value in (1.0, 2.0, 1e3, 1e6, 1e9, 2e3, 2e6, 2e9)


def _match(src: list[Quantity], tgt: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """Multiset match on keys; returns the leftovers of each side (hard values matched first)."""
    left_t = sorted(tgt, key=lambda q: q.soft)
    left_s: list[Quantity] = []
    for q in sorted(src, key=lambda q: q.soft):
        # a target whose own value is the source's first ("10カ月" / "10 months", not the other reading of
        # "10,000"), then any whose readings meet
        hits = [t for t in left_t if t.keys & q.keys and not _unit_changed(q, t)]
        hit = next((t for t in hits if t.value == q.value and t.value is not None), hits[0] if hits else None)
        if hit is None:
            left_s.append(q)
        else:
            left_t.remove(hit)
    for t in list(left_t):  # "3,4 tuổi" / "1,2,3": a list of small numbers, not a decimal
        m = re.fullmatch(r"(\d+)[.,](\d+)", t.text)
        if not m:
            continue
        parts = [next((q for q in left_s if ("num", float(x)) in q.keys), None) for x in m.groups()]
        if all(parts) and parts[0] is not parts[1]:
            left_t.remove(t)
            for q in parts:
                left_s.remove(q)  # type: ignore[arg-type]
    _split_times(left_t, left_s)
    _split_times(left_s, left_t)
    _hour_only(left_s, left_t)
    _hour_only(left_t, left_s)
    _joined_dates(left_s, left_t)
    _joined_dates(left_t, left_s)
    _decade_ranks(left_s, left_t)
    _decade_ranks(left_t, left_s)
    return sorted(left_s, key=lambda q: q.start), sorted(left_t, key=lambda q: q.start)


def _decade_ranks(decades: list[Quantity], other: list[Quantity]) -> None:
    """A decade on one side that the other side counts as the Nth decade of its century ("1920s" / "3.
    áratugar síðustu aldar", the third decade): a rank figure one above its tens; both cancel (in place)."""
    for q in [q for q in decades if _decade_ordinal(q) is not None]:
        n = float(_decade_ordinal(q))  # type: ignore[arg-type]
        t = next((t for t in other if (t.rank or t.kind == "ordinal") and ("num", n) in t.keys), None)
        if t is not None:
            decades.remove(q)
            other.remove(t)


def _split_times(times: list[Quantity], other: list[Quantity]) -> None:
    """A time on one side whose hour and minutes the other side writes as two plain numbers ("3:48" for
    "後3・48", a separator the parser does not read as a clock): all three cancel (in place)."""
    for t in [t for t in times if t.kind == "time"]:
        for _, (h, mins) in [k for k in t.keys if k[0] == "time"]:
            hour = next((q for q in other if q.kind == "number" and {("num", float(h)), ("num", float(h % 12 or 12))}
                         & q.keys), None)
            minute = next((q for q in other if q.kind == "number" and q is not hour and ("num", float(mins)) in q.keys
                           and q.start > (hour.start if hour else -1)), None)
            if hour is not None and minute is not None and 0 < minute.start - hour.end <= 3:
                times.remove(t)
                other.remove(hour)
                other.remove(minute)
                break


def _hour_only(times: list[Quantity], other: list[Quantity]) -> None:
    """A time on the hour on one side that the other side writes as its hour alone, a plain number next to a
    clock word the parser does not read ("8pm" / "klukkan 20", "at 9 o'clock" / "um 9"): both cancel (in
    place). The number must be the hour on the 24-hour or the 12-hour clock, written in figures, and carry no
    unit or rank."""
    for t in [t for t in times if t.kind == "time"]:
        hours = {float(h) for _, (h, mins) in [k for k in t.keys if k[0] == "time"] if not mins
                 for h in (h, h % 12 or 12)}
        hit = next((q for q in other if q.kind == "number" and not q.unit and not q.rank and not q.soft
                    and any(k[0] == "num" and k[1] in hours for k in q.keys)), None)  # (a number word is no
        # hour: "dos horas y media", two and a half hours, held "dos" for the 2 of "14:00")
        if hit is not None:
            times.remove(t)
            other.remove(hit)


def _joined_dates(dates: list[Quantity], other: list[Quantity]) -> None:
    """A date on one side that the other side writes as its month and day run together, the usual name of
    an event ("9/11", "September 11" -> "911事件"): both cancel (in place)."""
    for q in [q for q in dates if q.kind == "date"]:
        joined = {("num", float(f"{m}{d}")) for kind, (m, d) in q.keys if kind == "date"}
        t = next((t for t in other if t.kind in ("number", "ordinal") and t.keys & joined), None)
        if t is not None:
            dates.remove(q)
            other.remove(t)


def _unit_changed(s: Quantity, t: Quantity) -> bool:
    """The same figure with another unit of the same kind ("5 miles" -> "5 km"): not the same value."""
    if not (s.unit and t.unit and s.unit != t.unit and isinstance(s.value, float) and isinstance(t.value, float)):
        return False
    from ..units import compare

    c = compare(s.value, s.unit, t.value, t.unit)
    return c is not None and c.same_dimension and not c.ok


_NUMERIC = ("number", "money", "year")


def _pairable(s: Quantity, t: Quantity, strict: bool) -> bool:
    """Can target value ``t`` be a changed rendering of source value ``s``?"""
    if strict:
        return s.kind == t.kind or {s.kind, t.kind} == {"number", "money"}
    if "year" in (s.kind, t.kind) and not (_year_like(s) and _year_like(t)) and not (_decade(s) or _decade(t)):
        return False  # a year for a day, a rank or a count ("2021" / "the 10th", "0—24时" / "2020"): no rendering
    return s.kind in _NUMERIC and t.kind in _NUMERIC and not s.soft


def _decade(q: Quantity) -> bool:
    """A decade, which may be written with two figures ("1990s", "the 80s", "années 80")."""
    return bool(re.fullmatch(r"['’]?\d*0['’]?s", q.text)) or (q.kind == "number" and not q.rank and not q.unit
                                                                and q.value in (20.0, 30.0, 40.0, 50.0, 60.0, 70.0,
                                                                                80.0, 90.0))


def _year_like(q: Quantity) -> bool:
    """A year, or a plain figure that could be one (a reading of 1000-2199: "２７" of "２７（昭和２）年" reads 1927
    too; no rank suffix, no unit)."""
    if q.kind == "year":
        return True
    return not q.rank and not q.unit and any(
        k[0] == "num" and isinstance(k[1], float) and 1000 <= k[1] < 2200 and k[1] == int(k[1]) for k in q.keys)


def analyse(doc: DocContext) -> dict[int, list[Issue]]:
    """Issues per bead index, computed once per document run."""
    return _analysis(doc)[0]


_RANGE_GAP = re.compile(r"\s*(?:and|to|or|-|–|—)\s*$")  # "375 and 400 pounds", "375-400 pounds"


def _measure_not_money(qs: list[Quantity], other: list[Quantity], text: str, lang: str) -> list[Quantity]:
    """``qs`` (of ``text``) with an amount of money whose currency is a word that also names a unit of measure
    (pounds: sterling, or 0.45 kg; the language's CLDR unit names decide, :func:`tqcheck.units.unit_at`) read as
    that measure, where the other side has no money but a measure of the unit's kind that the amount converts
    into ("between 375 and 400 pounds" / "zwischen 170 und 180 Kilogramm"); a bare figure that opens a range
    with it takes the unit too. Elsewhere the money reading stays."""
    if any(q.kind == "money" for q in other) or not any(q.unit for q in other):
        return qs
    from dataclasses import replace

    from ..units import compare, unit_at

    out = list(qs)
    for k, q in enumerate(qs):
        if q.kind != "money" or not isinstance(q.value, float) or not q.text[-1:].isalpha():
            continue
        words = re.findall(r"[^\W\d_]+", q.text)
        at = q.end - len(words[-1]) if words else -1
        hit = unit_at(text, at, lang) if at >= 0 else None
        if hit is None or hit[1] != q.end:
            continue
        unit = hit[0]
        if not any(isinstance(t.value, float) and t.unit and (c := compare(q.value, unit, t.value, t.unit)) is not None
                   and c.same_dimension and c.ok for t in other):
            continue
        out[k] = replace(q, kind="number", currency=None, unit=unit)
        j = next((j for j in range(k - 1, -1, -1) if qs[j].end <= q.start), None)
        if j is not None and qs[j].kind == "number" and not qs[j].unit \
                and _RANGE_GAP.fullmatch(text[qs[j].end:q.start]):
            out[j] = replace(qs[j], unit=unit)
    return out


@per_document
def _analysis(doc: DocContext) -> tuple[dict[int, list[Issue]], set[int]]:
    """(:func:`analyse`'s issues per bead, the beads of :func:`figures_next_door`)."""
    left: list[tuple[list[Quantity], list[Quantity]]] = []
    every: list[tuple[list[Quantity], list[Quantity]]] = []
    for bead in doc.beads:
        src = " ".join(doc.source.segments[i].text for i in bead.src)
        tgt = " ".join(doc.target.segments[j].text for j in bead.tgt)
        qs, qt = extract(src, doc.src_lang), extract(tgt, doc.tgt_lang)
        qs, qt = _measure_not_money(qs, qt, src, doc.src_lang), _measure_not_money(qt, qs, tgt, doc.tgt_lang)
        every.append((qs, qt))
        left.append(_match(qs, qt))
    with_tgt = [b for b, bead in enumerate(doc.beads) if bead.tgt]
    moved: set[int] = set()
    for b, (ls, _) in enumerate(left):  # cancel against neighbours' leftovers, nearest first
        before = [x for x in with_tgt if x < b][-_WINDOW:]
        after = [x for x in with_tgt if x > b][:_WINDOW]
        near = sorted(before + after, key=lambda x: abs(x - b))  # beads without target text do not count
        hard = sum(not q.soft for q in ls)
        for q in list(ls):
            for n in near:
                other = left[n][1]
                t = next((t for t in other if t.keys & q.keys), None)
                if t is not None:
                    ls.remove(q)
                    other.remove(t)
                    break
        if not doc.beads[b].tgt and hard >= _MOVED_MIN and not any(not q.soft for q in ls):
            moved.add(b)
    out: dict[int, list[Issue]] = {}
    for b, (ls, lt) in enumerate(left):
        bead = doc.beads[b]
        if bead.src and bead.tgt:
            src_text = " ".join(doc.source.segments[i].text for i in bead.src)
            tgt_text = " ".join(doc.target.segments[j].text for j in bead.tgt)
            ls = [q for q in ls if not (q.soft and isinstance(q.value, float) and
                                        ambiguous_word_for(q.value, src_text, tgt_text, doc.tgt_lang))]
            # the source has a figure of its own left here (a day: "25日"), which "the 27th" may replace
            unmatched = any(any(ch.isdigit() for ch in q.text) for q in ls)
            # ... a year of its own (a figure that can be one), which a year added to a date may replace
            year_left = any(not q.soft and q.kind in ("year", "number") and _year_like(q) for q in ls)
            out[b] = _issues(ls, lt, src_text, doc.src_lang, _options(doc))
            for issue in out[b]:
                _weigh(issue, b, every, tgt_text, unmatched, src_text, doc.src_lang, year_left, doc.tgt_lang)
                _unread_scale(issue, src_text, tgt_text, doc.src_lang, doc.tgt_lang)
            _restated(out[b], every[b][0])
            _zone_shifted(out[b], src_text, tgt_text)
    return out, moved


def _days(qs: list[Quantity]) -> set[float]:
    """The days of the dates among ``qs``: a translation that keeps the day of a date whose month name it
    writes in a form the parser cannot read ("am 26. July 1999") holds weak evidence of it."""
    return {float(k[1][1]) for q in qs if q.kind == "date" for k in q.keys if k[0] == "date"}


def _hours_of(q: Quantity) -> set[int]:
    """The hours of a time, on the 12- and the 24-hour clock."""
    return {h for k in q.keys if k[0] == "time" for h in (k[1][0], k[1][0] % 12 or 12)}


def _decade_ordinal(q: Quantity) -> int | None:
    """The ordinal of a decade within its century ("60s", "'60s", "1960's": 7, the seventh decade)."""
    m = re.fullmatch(r"['’]?\d*(\d)0['’]?s", q.text)
    return int(m.group(1)) + 1 if m else None


def _decades(qs: list[Quantity]) -> list[range]:
    """The ages or years a decade written with an s covers ("20s": 20-29, "1990s": 1990-1999 and 90-99)."""
    out = []
    for q in qs:
        m = re.fullmatch(r"(\d*0)['’]?s", q.text)
        if m:
            v = int(m.group(1))
            out.append(range(v, v + 10))
            if v >= 100:
                out.append(range(v % 100, v % 100 + 10))
    return out


def _near_keys(every: list[tuple[list[Quantity], list[Quantity]]], b: int, side: int,
               span: int = _DOC_WINDOW) -> set:
    """Every key of ``side`` (0 source, 1 target) in the beads around bead ``b``, bead ``b`` itself included."""
    keys: set = set()
    for n in range(max(0, b - span), min(len(every), b + span + 1)):
        for q in every[n][side]:
            keys |= q.keys
    return keys


def _weigh(issue: Issue, b: int, every: list[tuple[list[Quantity], list[Quantity]]], tgt_text: str,
           unmatched: bool = False, src_text: str = "", src_lang: str = "", year_left: bool = True,
           tgt_lang: str = "") -> None:
    """Lower a value added or missing to minor where the evidence is weak: the same value stands on the other
    side of this bead (a repeated value written once, "100%, 100% and 100%" -> "all 100%") or of a bead
    nearby (the aligner put it in another bead, a sentence was restructured); a year added to a date the
    source writes without one ("July 26" -> "July 26, 2020", unless the source has a year of its own left
    unmatched); a month named alone (a relative "earlier this month" or an adjective "lednový" made
    explicit); a rank written as a figure ("3rd" for an inflected ordinal word; these two only when the
    source bead has no value of its own left unmatched, which the added one may replace); a source "1"
    (often "a", "the"); a source rank ("23rd", "20th": translations write ordinals as words or inflected
    forms, "tuttugustu", "23-м"); a source month whose name the translation may hold in a case form CLDR
    does not list (a word beginning with the first two letters all of CLDR's forms of that month share:
    "в мае" for "май"/"мая"); a date whose day the translation writes next to a month name the parser cannot
    read ("26. July" in German), and that day added as a plain number; digits the translation keeps inside a name ("Nogizaka46"); a year added where the source counts one in an
    era it cannot convert ("令和3年" without PyICU); a value the source may spell inside a compound word the parser does not read
    ("pětačtyřicetiletého", "Dreitore-Rückstand": the added figure's number word is part of a longer word); a
    count of units that makes one longer unit, added or missing ("in the past 24 hours" for "за сутки", "12
    months" for "a year": CLDR's duration unit names, tqcheck.units.whole_period); the year of a source date
    missing where the date itself is matched ("11 septembre 2001" -> "September 11"), and the month of a
    month and year whose year the translation keeps ("im April 2019" -> "in 2019"); a value that the other side
    states as a multiple of another of its values ("24%" -> "8% ... three times that")."""
    if issue.severity is not None or issue.kind == "changed":
        return
    q = issue.tgt if issue.kind == "added" else issue.src
    assert q is not None
    weak = bool(q.keys & _near_keys(every, b, 0 if issue.kind == "added" else 1))
    if issue.kind == "added":
        weak = weak or (not unmatched and (q.kind == "month" or q.rank)) or (q.in_date and not year_left)
        weak = weak or (isinstance(q.value, float) and bool(src_text)
                        and (spelled_inside(q.value, src_text, src_lang)
                             or word_with_ending(q.value, src_text, src_lang)))  # ("do svých šedesátin": 60)
        # a share the source writes as one word with its percent word ("dvouprocentním úrokem": a 2% rate)
        weak = weak or (q.kind == "percent" and bool(src_text) and percent_compound(src_text, src_lang))
        weak = weak or (q.kind == "number" and isinstance(q.value, float) and q.value in _days(every[b][0]))
        # its digits stand in the source inside a token the parser does not read as a number ("A81" -> "A 81",
        # "Z164"): the same figure
        weak = weak or (q.kind in ("number", "ordinal", "year") and bool(re.fullmatch(r"\d+", q.text)) and re.search(
            rf"(?<!\d){q.text}(?!\d)", src_text) is not None)  # ("APEC2020年后" / "after the APEC 2020 meeting")
        # the very same text in the source, which the source's parser did not read as such ("Windows 10 May 2020
        # Update" kept in a Russian source: no date in Russian, "10 May 2020" in English)
        weak = weak or (len(q.text) >= 4 and bool(re.search(r"\d", q.text)) and re.search(
            rf"(?<![\w]){re.escape(q.text)}(?![\w])", src_text) is not None)
        # the end of a decade the source names ("in his 20s" -> "20–29 лет")
        weak = weak or (isinstance(q.value, float) and any(
            q.value in d for d in _decades(every[b][0])))
        # a date whose day the source writes as a plain figure beside a case form of its month that the parser
        # does not read ("14 наурызда" -> "14 March"): the same date
        weak = weak or (q.kind == "date" and bool(src_text) and month_form_in(q, src_text, src_lang) and any(
            re.search(rf"(?<![\d.,])0?{int(d)}(?![\d,]\d)", src_text) for d in _days([q])))
        # a year the source counts in an era that could not be converted ("令和3年" without PyICU)
        weak = weak or (q.kind in ("year", "number") and any(s.tag == "era" and not s.keys for s in every[b][0]))
        # "24 hours" for "a day" ("за сутки"), "12 months" for "a year": a span restated, not a new figure
        weak = weak or (q.kind == "number" and isinstance(q.value, float)
                        and whole_period(q.value, tgt_text, q.end, tgt_lang))
        # a date of two figures and a slash, no year, as for a missing one: an event's name or an idiom ("a 24/7
        # service" for "全天候", round the clock)
        weak = weak or (q.kind == "date" and re.fullmatch(r"\d{1,2}/\d{1,2}", q.text) is not None)
        # twice or half a count the source writes at the start of a longer word: a knockout round ("round of 16"
        # for "Achtelfinale", eighth-finals: 16 teams in 8 matches; "the last eight" for "Viertelfinale")
        weak = weak or (q.kind == "number" and isinstance(q.value, float) and not q.unit and bool(src_text) and any(
            q.value in (2 * v, v / 2) for v in values_begun(src_text, src_lang)))
        # a share or count of one, which the source may write with its article ("ein Prozent" -> "1 %")
        weak = weak or (q.kind in ("number", "percent") and q.value == 1.0 and not q.unit)
        # a figure the source writes as a Roman numeral ("la wilaya VI" -> "第6", "Louis XIV" -> "Ludwig 14.")
        weak = weak or (q.kind in ("number", "ordinal") and isinstance(q.value, float) and bool(src_text)
                        and q.value in roman_values(src_text))
    else:
        weak = weak or (q.kind == "number" and isinstance(q.value, float)
                        and whole_period(q.value, src_text, q.end, src_lang))
        # "the last 14 days" -> "v posledních dvou týdnech": a count of a unit of time that the translation
        # states in the next longer unit, whose count it writes in a word form the parser does not read
        weak = weak or (q.kind == "number" and isinstance(q.value, float)
                        and in_longer_unit(q.value, src_text, q.end, src_lang, tgt_text, tgt_lang))
        # ... or a figure whose number word the translation writes inside a longer word ("in his 20s" ->
        # "dvacetiletému"), as for an added one
        weak = weak or (q.kind == "number" and isinstance(q.value, float) and not q.unit and bool(tgt_text)
                        and (spelled_inside(q.value, tgt_text, tgt_lang)
                             or word_with_ending(q.value, tgt_text, tgt_lang)))  # ("7人制" / "Rugby Sevens")
        # ... or a time whose hour it writes so ("By 7pm" -> "Um sjöleytið", at about seven), as the first part
        # of a longer word, or as a plain figure the parser did not pair with it ("about 8pm" -> "um klukkan 20"
        # where "20" also stands for "his 20s")
        weak = weak or (q.kind == "time" and bool(tgt_text) and any(
            spelled_inside(float(h), tgt_text, tgt_lang) or word_begins(float(h), tgt_text, tgt_lang)
            or re.search(rf"(?<![\d.,:]){h}(?![\d.,:]\d)", tgt_text) is not None for h in _hours_of(q)))
        # the year of a date whose day and month the translation keeps ("après-11 septembre 2001" ->
        # "post-September 11"): the same date, its year left implicit
        weak = weak or (q.kind == "year" and q.in_date)
        # ... and the month of a month-and-year whose year the translation keeps ("im April 2019" -> "in 2019")
        year = re.search(r"(?<!\d)\d{4}(?!\d)", q.text) if q.kind == "month" else None
        weak = weak or (year is not None and re.search(rf"(?<!\d){year.group(0)}(?!\d)", tgt_text) is not None)
        weak = weak or q.rank or (q.kind == "month" and month_form_in(q, tgt_text, tgt_lang))
        weak = weak or (q.kind == "date" and any(re.search(rf"(?<!\d)0?{int(d)}(?!\d)", tgt_text)
                                                 for d in _days([q])))
        # a decade the translation counts as the Nth decade of its century ("'60s", "1960's" -> "sjöunda
        # áratugnum", the seventh decade: Icelandic usage): the ordinal one above its tens
        weak = weak or (_decade_ordinal(q) is not None and any(
            t.kind == "ordinal" and ("num", float(_decade_ordinal(q))) in t.keys for t in every[b][1]))
        # a date of two figures and a slash, no year ("9/11", "7/7", "3/11"): the usual name of an event, which
        # translations write by its name ("アメリカ同時多発テロ事件")
        weak = weak or (q.kind == "date" and re.fullmatch(r"\d{1,2}/\d{1,2}", q.text) is not None)
        # the emergency telephone number of the source's language ("a 911 caller" -> "ein Anrufer", "ein Notruf"):
        # translations name the service, not the number
        weak = weak or (q.kind == "number" and not q.unit and _emergency(q.text, src_lang))
        # a figure that names something with the capitalised word before it, inside the sentence ("Catch 22",
        # "Apollo 11", "Windows 10"): a title the translation may render by its meaning; changed, it is still
        # TQ201
        weak = weak or (q.kind == "number" and _named_by(q, src_text))
        # a count of the items listed right before it ("A、B、C3所大学" -> "A, B and C"): the items are the count
        weak = weak or _counts_a_list(q, src_text, src_lang)
        # one unit of a measure is "a kilometre", "per mu", "pro Kilometer": written with the unit alone
        weak = weak or (q.kind == "number" and q.value == 1.0 and bool(q.unit))
        # "1" is often "a", "the"; "2" "both", "the pair", "each other"; "0" "no", "none", "nil", "without"
        weak = weak or (q.kind == "number" and q.value in (0.0, 1.0, 2.0) and not q.unit) or (
            q.kind in ("number", "year") and bool(re.fullmatch(r"\d+", q.text))
            and re.search(rf"(?<!\d){q.text}(?!\d)", tgt_text) is not None)
    # a percentage whose figure the other side of the bead writes as a plain number ("上升10个百分点" -> "rose
    # around 10 points", "“5区间”" -> "above 5%"): the figure is there, only its unit is not stated alike
    weak = weak or (q.kind == "percent" and isinstance(q.value, float) and any(
        ("num", q.value) in t.keys for t in every[b][1 if issue.kind == "missing" else 0]))
    # ... and the other way round: a plain figure that the other side states as a percentage ("0.4ポイント" /
    # "0.4个百分点": points against percentage points)
    weak = weak or (q.kind == "number" and isinstance(q.value, float) and not q.unit and any(
        ("pct", q.value) in t.keys for t in every[b][1 if issue.kind == "missing" else 0]))
    # "from about 8% up to three times that" for "from 8% to almost 24%": the value restated as a multiple
    weak = weak or _multiple_of(q, every[b][1 if issue.kind == "missing" else 0])
    if weak:
        issue.severity = Severity.MINOR


@functools.lru_cache(maxsize=32)
def _territories(lang: str) -> tuple[str, tuple[str, ...]]:
    """The territory CLDR deems most likely for ``lang`` and those where it is official for nine in ten people or
    more."""
    from babel.core import get_global

    base = (lang or "").split("-")[0].split("_")[0].lower()
    likely = get_global("likely_subtags").get(base, "").split("_")[-1]
    where = tuple(t for t, langs in get_global("territory_languages").items() if base in langs
                  and langs[base].get("official_status") == "official"
                  and langs[base].get("population_percent", 0) >= 90)
    return likely, where


@functools.lru_cache(maxsize=256)
def _emergency(code: str, lang: str) -> bool:
    """``code`` is an emergency short number (libphonenumber's ShortNumberInfo, through the optional
    ``phonenumbers``) of the territory most likely for ``lang``, or of three or more of the territories where
    ``lang`` is official (en: 911, 999, 112; de: 110, 112). False without the library."""
    if not re.fullmatch(r"\d{3}", code):
        return False
    try:
        from phonenumbers import shortnumberinfo
    except ImportError:
        return False
    likely, where = _territories(lang)
    if likely and shortnumberinfo.is_emergency_number(code, likely):
        return True
    return sum(shortnumberinfo.is_emergency_number(code, t) for t in where) >= 3


_NAMED_BY = re.compile(r"(?<=[^\W\d_]) +[^\W\d_]*[A-Z][^\W\d_]* +$")


def _named_by(q: Quantity, text: str) -> bool:
    """``q`` is a bare figure (no unit, scale or rank) right after a capitalised word that does not begin the
    sentence ("a Catch 22 situation", "the Apollo 11 crew"): part of a name."""
    if q.unit or q.rank or not re.fullmatch(r"\d{1,4}", q.text):
        return False
    before = text[max(0, q.start - 40):q.start]
    return _NAMED_BY.search(before) is not None and not re.search(r"[.!?:;]\s*\S+ +$", before)


@functools.lru_cache(maxsize=32)
def _list_separators(lang: str) -> tuple[re.Pattern[str] | None, str]:
    """A pattern of the separators of CLDR's list patterns for ``lang`` (Babel: "、" and "和" in Chinese, ", " and
    " and " in English) and the punctuation that ends a clause there (any comma, colon or stop that is not the
    list's own separator)."""
    from babel import Locale

    try:
        patterns = Locale.parse(lang.split("-")[0]).list_patterns["standard"]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None, ""
    seps = {v.split("{0}", 1)[1].split("{1}", 1)[0] for v in (patterns.get(k) or "" for k in
                                                               ("start", "middle", "end", "2")) if "{1}" in v}
    seps = {x for x in seps if x.strip(" ")}
    if not seps:
        return None, ""
    alt = "|".join(re.escape(x) for x in sorted(seps, key=len, reverse=True))
    stops = "".join(ch for ch in ",，;；:：.。!！?？()（）" if not any(ch in x for x in seps))
    return re.compile(alt), stops


_LIST_ITEM_WORDS = 5  # words (or, without spaces, 12 characters) an item of a list may have


def _counts_a_list(q: Quantity, text: str, lang: str) -> bool:
    """``q`` (a figure, 2 to 20) counts the items of a list written right before it, in the clause it ends
    ("东方大学、西山大学、南湖大学3所高校", three universities): the translation may drop the count and keep
    the items. The items are split by the separators of CLDR's list patterns; the figure may follow one short
    word ("the") or one hiragana character (a particle)."""
    if q.kind != "number" or q.unit or q.rank or not isinstance(q.value, float) \
            or q.value != int(q.value) or not 2 <= q.value <= 20:
        return False
    seps, stops = _list_separators(lang)
    if seps is None:
        return False
    # (one short word or one hiragana particle between: "the 3 cities", "東大、京大、阪大の3校")
    head = re.sub(r"(?:(?<=\s)[^\W\d_]{1,3}|[\u3041-\u309f])$", "", text[:q.start].rstrip()).rstrip(" ,、，—–-")
    start = max((head.rfind(ch) for ch in stops), default=-1) + 1 if stops else 0
    items = [x.strip() for x in seps.split(head[start:])]
    if len(items) != q.value or not all(items):
        return False
    return all(len(x.split()) <= _LIST_ITEM_WORDS if " " in x else len(x) <= 12 for x in items)


def _restated(issues: list[Issue], src: list[Quantity]) -> None:
    """A missing source measure that the source itself restates in another unit of the same kind, whose
    restatement the translation keeps ("the 27-foot (8.2-meter) monument" -> "8,2 metru"): the translator
    kept one of two equal figures; minor (in place). The two must convert into each other within a
    translator's rounding (pint)."""
    from ..units import compare

    missing = [i for i in issues if i.kind == "missing" and i.src is not None]
    gone = {id(i.src) for i in missing}
    for i in missing:
        q = i.src
        assert q is not None
        if i.severity == Severity.MINOR or not q.unit or not isinstance(q.value, float):
            continue
        for other in src:
            if other is q or id(other) in gone or not other.unit or not isinstance(other.value, float):
                continue
            c = compare(q.value, q.unit, other.value, other.unit)
            if c is not None and c.same_dimension and c.ok:
                i.severity = Severity.MINOR
                break


def _multiple_of(q: Quantity, other: list[Quantity]) -> bool:
    """``q`` (ten or more) is a value of ``other`` times a small count (2 to 10) that ``other`` also states ("24%"
    against "8 percent ... three times that"): the translation restates the figure as a multiple of another."""
    if not isinstance(q.value, float) or q.value < 10:
        return False
    values = [o.value for o in other if isinstance(o.value, float) and o.value > 0 and o is not q]
    factors = {v for v in values if v in (2, 3, 4, 5, 6, 7, 8, 9, 10)}
    return any(f != v and abs(f * v - q.value) < 1e-9 for f in factors for v in values)


def _options(doc: DocContext) -> dict[str, float]:
    return {**OPTIONS, **(doc.options or {}).get("TQ201", {})}


def _issues(ls: list[Quantity], lt: list[Quantity], src_text: str, src_lang: str,
            options: dict[str, float] | None = None) -> list[Issue]:
    opts = options or OPTIONS
    issues: list[Issue] = []
    issues += _tags_changed(ls, lt)
    guessed_months = [t for t in lt if t.soft and t.kind == "month"]
    src_guessed = [s for s in ls if s.soft and s.kind == "month"]
    worded = tuple([q for q in side if q.soft and q.unit and not any(ch.isdigit() for ch in q.text)]
                   for side in (ls, lt))  # ("five-foot"; not a figure restating another: "50 km (31 miles)")
    lt = [t for t in lt if not t.soft and not _article_like(t)]
    ls = [s for s in ls if _required(s)]
    rel = relative_periods(src_text, src_lang)

    def pair(strict: bool) -> None:
        for s in list(ls):
            t = next((t for t in lt if _pairable(s, t, strict)), None)
            if t is not None:
                issues.append(Issue("changed", s, t))
                ls.remove(s)
                lt.remove(t)

    issues += _conversions(ls, lt, opts)
    _worded_conversions(ls, lt, *worded, opts)
    pair(strict=True)
    for t in [t for t in lt if t.kind == "year"]:
        if rel:
            issues.append(Issue("changed", None, t, rel.pop(0).group(0)))
            lt.remove(t)
    pair(strict=False)
    # "in July" -> "v červnu", "в июле" -> "in June": a month read through a stem against a listed one
    for s in [s for s in ls if s.kind == "month"]:
        t = next(iter(guessed_months), None)
        if t is not None:
            issues.append(Issue("changed", s, t, severity=Severity.MAJOR, note="the month is read from an "
                                "inflected form"))
            ls.remove(s)
            guessed_months.remove(t)
    for s in src_guessed:
        t = next((t for t in lt if t.kind == "month"), None)
        if t is not None:
            issues.append(Issue("changed", s, t, severity=Severity.MAJOR, note="the month is read from an "
                                "inflected form"))
            lt.remove(t)
    note = "one side names only the month; the day may be written in words"
    issues += [Issue("changed", m, d, severity=Severity.MINOR, note=note) for m, d in _month_in_date(ls, lt)]
    issues += [Issue("changed", d, m, severity=Severity.MINOR, note=note) for m, d in _month_in_date(lt, ls)]
    issues += [Issue("added", None, t) for t in lt]
    issues += [Issue("missing", s, None, severity=Severity.MINOR if s.soft else None) for s in ls]
    for i in issues:
        if i.kind == "changed" and i.src is not None and i.tgt is not None and i.severity is None:
            i.severity, i.note = _changed_evidence(i.src, i.tgt, opts["approx_band"], _hedges(src_lang))
    return issues


def _mantissa(v: float) -> float:
    """``v``'s significant digits as a number from 1 to 10 (16 million and 16 billion: 1.6)."""
    v = abs(v)
    return round(v / 10 ** math.floor(math.log10(v)), 9) if v else 0.0


@functools.lru_cache(maxsize=64)
def _hedges(lang: str) -> bool:
    """The language's profile lists approximation words ("about", "約", "左右"): a value without one is exact."""
    from ..lang import base_code, profile

    sec = profile(base_code(lang)).section("numbers")
    return bool(sec.get("approx") or sec.get("approx_after"))


def _months(q: Quantity) -> set[int]:
    if q.kind == "month":
        return {k[1] for k in q.keys if k[0] == "month"}
    if q.kind == "date":
        return {k[1][0] for k in q.keys if k[0] == "date"}
    return set()


def _month_in_date(months: list[Quantity], dates: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """A month named alone on one side and a date in that month on the other ("Am ersten November" /
    "On November first", the day in a word form the parser does not read): weak evidence of a changed day
    (minor), not a month missing and a date added; the pairs are removed from both lists in place."""
    out = []
    for m in [q for q in months if q.kind == "month"]:
        d = next((q for q in dates if q.kind == "date" and _months(m) & _months(q)), None)
        if d is not None:
            months.remove(m)
            dates.remove(d)
            out.append((m, d))
    return out


def _tags_changed(ls: list[Quantity], lt: list[Quantity]) -> list[Issue]:
    """A number inside the same name on both sides that differs ("Covid-19" -> "Covid-39", "737MAX" ->
    "747MAX"): major (a name's number may be written another way), removed from both lists in place."""
    out = []
    for s in [s for s in ls if s.tag]:
        t = next((t for t in lt if t.tag == s.tag and not t.keys & s.keys), None)
        if t is not None:
            out.append(Issue("changed", s, t, severity=Severity.MAJOR, note="a number inside a name"))
            ls.remove(s)
            lt.remove(t)
    return out


def _conversions(ls: list[Quantity], lt: list[Quantity], opts: dict[str, float]) -> list[Issue]:
    """Source measures the translation converted into another unit: a conversion within a translator's
    rounding cancels both values; a wrong one is a changed value whose message gives the converted figure."""
    from ..units import compare, describe

    out = []
    src_units = {s.unit for s in ls if s.unit}
    for s in [s for s in ls if s.unit and isinstance(s.value, float)]:
        found = []
        # a target measure in a unit the source also uses is that value, not a conversion of another one ("50 km
        # (31 miles)" -> "40 km (25 miles)": the 40 km is the changed 50 km, not 31 miles converted)
        for t in [t for t in lt if t.unit and isinstance(t.value, float) and (t.unit not in src_units
                                                                                 or t.unit == s.unit)]:
            c = compare(s.value, s.unit, t.value, t.unit,  # type: ignore[arg-type]
                        opts["round_tolerance"], opts["exact_tolerance"])
            if c is not None and c.same_dimension:
                found.append((t, c))
        if not found:
            continue
        # the target measure the source's converts into, else the first of its kind ("5-10 acres" -> "2 bis 4
        # Hektar": 5 acres is the 2, not the 4)
        t, c = next(((t, c) for t, c in found if c.ok), found[0])
        ls.remove(s)
        lt.remove(t)
        if not c.ok:
            note = (f"{describe(s.value, s.unit)} ≈ {describe(c.converted, t.unit)}, "  # type: ignore[arg-type]
                    f"translation says {describe(t.value, t.unit)}" if c.converted == c.converted else None)
            out.append(Issue("changed", s, t, severity=Severity.CRITICAL, note=note))
    return out


def _worded_conversions(ls: list[Quantity], lt: list[Quantity], src_words: list[Quantity], tgt_words: list[Quantity],
                        opts: dict[str, float]) -> None:
    """A measure the other side converts into another unit and writes in words ("1,5 метра" / "a five-foot
    boat"): both are the same value. A word is never required, so a conversion that does not hold is no finding."""
    from ..units import compare

    for figures, words, figures_are_src in ((ls, tgt_words, True), (lt, src_words, False)):
        for q in [q for q in figures if q.unit and isinstance(q.value, float)]:
            for w in words:
                s, t = (q, w) if figures_are_src else (w, q)
                c = compare(s.value, s.unit, t.value, t.unit,  # type: ignore[arg-type]
                            opts["round_tolerance"], opts["exact_tolerance"])
                if c is not None and c.ok:
                    figures.remove(q)
                    words.remove(w)
                    break


def _significant(v: float) -> int:
    digits = f"{abs(v):.12g}".split("e")[0].replace(".", "").replace("-", "").strip("0")
    return max(1, len(digits))


_PRECISE_BAND = 0.02  # a hedged figure of three significant digits or more is near within this fraction only


def _rounded(a: float, b: float) -> bool:
    """``b`` is a precise ``a`` (three or more significant digits) rounded to fewer digits, within 5%
    ("663,000" written "66万" = 660,000; not "14" written "10")."""
    n = _significant(b)
    if n >= _significant(a) or _significant(a) < 3 or a == 0 or abs(a - b) > 0.05 * abs(a):
        return False
    if float(f"{a:.{n}g}") == b:
        return True
    # cut rather than rounded ("41.78 lakh" written "4,17 mil."): b is a's leading digits
    step = 10.0 ** (math.floor(math.log10(abs(b))) - n + 1) if b else 0.0
    return bool(step) and 0 <= abs(a) - abs(b) < step and (a > 0) == (b > 0)


_SCALE_RATIOS = (1e3, 1e4, 1e6, 1e8, 1e9, 1e12)


# a time zone named next to a time: an abbreviation ("GMT", "UTC+3", "EST", "CEST", "MEZ", "MSK", "JST")
_ZONE = re.compile(r"(?<![A-Za-z])(?:GMT|UTC|[A-Z]{1,3}[SD]?T|ME[S]?Z|[OW]E[S]?Z|MSK)(?:\s?[+-−]\s?\d{1,2}(?::?\d\d)?)?"
                   r"(?![A-Za-z])")


def _clock(q: Quantity | None) -> set[tuple[int, int]]:
    return {k[1] for k in q.keys if k[0] == "time"} if q is not None else set()


def _zone_shifted(issues: list[Issue], src_text: str, tgt_text: str) -> None:
    """A time that the translation gives whole hours apart from the source's, in a bead where either side names
    a time zone ("14:00 GMT" -> "17:00 по московскому времени", "15 Uhr MEZ"): converted to the readers'
    zone, maybe; minor (in place)."""
    if not (_ZONE.search(src_text) or _ZONE.search(tgt_text)):
        return

    def shifted(a: set[tuple[int, int]], b: set[tuple[int, int]]) -> bool:
        return any(ma == mb and ha != hb for ha, ma in a for hb, mb in b)

    srcs = [i for i in issues if i.kind in ("changed", "missing") and _clock(i.src)]
    tgts = [i for i in issues if i.kind in ("changed", "added") and _clock(i.tgt)]
    for i in srcs:
        for j in tgts:
            if (i is j or i.kind != "changed") and shifted(_clock(i.src), _clock(j.tgt)):
                for k in {id(i): i, id(j): j}.values():
                    k.severity = Severity.MINOR
                    k.note = "the translation may give the time in another time zone"


def _unread_scale(issue: Issue, src_text: str, tgt_text: str, src_lang: str, tgt_lang: str) -> None:
    """A changed value that is the other side's times a scale (1,000, 10,000, a million ...) where a word the
    parser does not read follows the smaller one's figure ("$3 tln" for "$3 трлн", "6 billon HKD" for "60亿港元":
    an unusual abbreviation or a misspelt scale word): the scale is probably there, written so; minor."""
    if issue.kind != "changed" or issue.severity not in (Severity.CRITICAL, Severity.MAJOR) or issue.src is None \
            or issue.tgt is None:  # (major: a value the other side writes in words, "devět milionů" / "9 milion")
        return
    s, t = issue.src, issue.tgt
    if not (isinstance(s.value, float) and isinstance(t.value, float)) or not s.value or not t.value:
        return
    small, text, lang = (s, src_text, src_lang) if abs(s.value) < abs(t.value) else (t, tgt_text, tgt_lang)
    ratio = max(abs(s.value), abs(t.value)) / min(abs(s.value), abs(t.value))
    if not any(abs(ratio - r) <= 1e-6 * r for r in _SCALE_RATIOS):
        return
    placed = small.end <= len(text) and text[small.start:small.end] == small.text
    word = re.match(r"\s?([^\W\d_]{2,12})\.?(?![^\W\d_])", text[small.end:small.end + 16]) if placed else None
    before = re.search(r"(?<![^\W\d_])([^\W\d_]{4,12})\s?$", text[max(0, small.start - 16):small.start]) \
        if placed else None
    # ... or a word next to it (after, or before where scales come first: "yen tiriliyan 1.5") spelt within one
    # letter or so of one of the language's scale words for that ratio (CLDR's "triliyan")
    near = next((w.group(1) for w in (word, before) if w is not None and _like_scale(w.group(1), ratio, lang)), None)
    if near is None and word is not None and _abbreviates_scale(word.group(1), ratio, lang):
        near = word.group(1)  # "$10 mln" for "$10 млн": an abbreviation of "million" the language's CLDR lacks
    if near is not None:
        issue.severity = Severity.MINOR
        issue.note = f'"{near}" next to the figure may be a scale word spelt another way'
        return
    if word is None or _known_word(word.group(1), lang):
        return
    issue.severity = Severity.MINOR
    issue.note = f'"{word.group(1)}" after the figure may be a scale word the parser does not read'


def _like_scale(word: str, ratio: float, lang: str) -> bool:
    """``word`` (five letters or more) is within a similarity of 0.8 (difflib) of a scale word of ``lang`` whose
    value is ``ratio``, and is none of its scale words."""
    import difflib

    from ..numparse import scale_words

    w = word.lower()
    words = [k for k, v in scale_words(lang).items() if abs(v - ratio) <= 1e-6 * ratio and len(k) >= 5]
    return len(w) >= 5 and w not in words and any(difflib.SequenceMatcher(None, w, k).ratio() >= 0.8 for k in words)


def _abbreviates_scale(word: str, ratio: float, lang: str) -> bool:
    """``word`` (two to four letters) is an abbreviation of a scale word of ``lang`` whose value is ``ratio``: its
    first letter, then its other letters in order ("mln", "bln", "bn", "trn" for million, billion, trillion),
    the way news abbreviates scales that CLDR does not list for the language."""
    from ..numparse import scale_words

    w = word.lower()
    if not 2 <= len(w) <= 4 or not w.isalpha():
        return False

    def within(full: str) -> bool:
        it = iter(full)
        return all(ch in it for ch in w)

    words = [k for k, v in scale_words(lang).items() if abs(v - ratio) <= 1e-6 * ratio and len(k) >= 5]
    return w not in words and any(k[0] == w[0] and within(k) for k in words)


def _known_word(word: str, lang: str) -> bool:
    """``word`` is a word of ``lang`` (wordfreq's list, Zipf 2.5 or more) or a number or unit word tqcheck reads;
    without wordfreq's list for the language, True (nothing is softened)."""
    from ..numparse import extract

    if any(q.end > 2 for q in extract(f"5 {word}", lang)):
        return True  # a scale, currency or unit word that the parser reads after a figure
    try:
        from ..names.freq import zipf_frequency

        return zipf_frequency(word.lower(), lang.split("-")[0]) >= 2.5
    except (ImportError, LookupError, ValueError):
        return True


def _changed_evidence(s: Quantity, t: Quantity, band: float = OPTIONS["approx_band"],
                      src_hedges: bool = False) -> tuple[Severity, str | None]:
    """Critical only on strong evidence: two exact values that differ. A value one side marks as approximate
    ("about 40", "hơn 40", "40 左右") and the other is within a fifth of (within 2% where every hedged figure has
    three significant digits or more: "do 264 mld" against 246 is no hedge), or a rounding of the other, is minor.
    A translation that hedges a value far from the one its source states exactly is major: the hedged one may
    render a word of the source the parser does not read ("アラフォー", around forty), the exact one another
    quantity (not where both write the same digits in another scale: "16 million" / "over 16 billion"); only where the source's language has approximation words in its profile (``src_hedges``), so that
    the source's lack of one is evidence (a source's "about" that the parser cannot see would excuse a changed
    figure)."""
    if isinstance(s.value, float) and isinstance(t.value, float) and s.kind == t.kind \
            and s.kind in ("number", "money", "percent") \
            and (_rounded(s.value, t.value) or _rounded(t.value, s.value)):  # (a year is never rounded: 1958 / 1960)
        return Severity.MINOR, "one value is a rounding of the other"
    if s.soft or t.soft:  # a value read from words ("sjö hundruð", "三十五") is fair, not strong evidence
        return Severity.MAJOR, "a value written in words"
    if {s.kind, t.kind} - {"number", "money", "percent"} or not isinstance(s.value, float) \
            or not isinstance(t.value, float):
        return Severity.CRITICAL, None
    a, b = s.value, t.value
    if _rounded(a, b) or _rounded(b, a):
        return Severity.MINOR, "one value is a rounding of the other"
    # a hedge covers the imprecision of a round figure ("about 40" / "43"); one on a figure of three significant
    # digits or more ("do 264 mld", up to / to 264 billion, against 246) covers no more than its last digit
    hedged = [q.value for q in (s, t) if q.approx]
    near = band if min((_significant(v) for v in hedged), default=0) < 3 else _PRECISE_BAND
    if hedged and max(abs(a), abs(b)) and abs(a - b) <= near * max(abs(a), abs(b)):
        return Severity.MINOR, "an approximate value near the source's"
    if t.approx and not s.approx and src_hedges and _mantissa(a) != _mantissa(b):  # ("アラフォー" / "around 40";
        # not "16 milionů" / "over 16 billion": the same figure in another scale is a changed value)
        return Severity.MAJOR, "the translation hedges a value far from the source's exact one: they may be two " \
            "quantities"
    return Severity.CRITICAL, None


def _label(q: Quantity) -> str:
    return {"money": "amount", "percent": "percentage", "date": "date", "month": "month", "year": "year",
            "time": "time"}.get(q.kind, "number")


def _issues_of(ctx: BeadContext, kind: str) -> list[Issue]:
    return [i for i in analyse(ctx.doc).get(ctx.index, []) if i.kind == kind]


@rule("TQ201", "number-changed", Severity.CRITICAL, options=OPTIONS)
def number_changed(ctx: BeadContext) -> Iterator[Hit]:
    """A number, amount, percentage, date or year differs between source and translation.

    What: Compares the normalised values of each aligned sentence pair in the conventions of each language's
    profile (decimal commas, scale words such as "tỷ", "Millionen", "万", currencies, dates such as
    "24 tháng 11", "12月18日") and reports a source value whose place in the translation holds a different
    value of the same kind, a calendar year that replaces a relative period such as "this year", or a unit
    conversion that is wrong ("150 feet ≈ 45.7 m, translation says 50 km"; conversions within a translator's
    rounding pass).
    Why: A wrong figure or date changes the facts the text states; readers cannot see it without the source.
    MQM: Accuracy / Mistranslation, critical when both values are exact; major when one is read from words
    ("sjö hundruð", "三十五"), is a month read from an inflection CLDR does not list ("в июле"), or is a
    number inside a name that the translation changed ("Covid-19" -> "Covid-39"), or when the translation hedges
    a value ("about", "khoảng", "左右") far from the one its source states exactly, in a source language whose
    profile lists approximation words (they may be two quantities: "around 40" for an age the source writes in
    a word); minor when one is a rounding of a precise value or sits next to an approximation word within a
    fifth of the other, or when a time is whole hours from the source's and either side names a time zone
    ("14:00 GMT" -> "17:00 по московскому времени": converted to the readers' zone, maybe; a time left without
    its counterpart there is minor too). A measure the other side converts into another unit and writes in
    words ("1,5 метра" / "a five-foot boat") is that value.
    Example: "Trade hit US$2.2 billion this year." -> "Năm 2016, thương mại đạt 2,2 tỷ USD." ("this year"
    became 2016) or "... đạt 3,2 tỷ USD" (2.2 became 3.2).
    Fix: Write the source's value in the target's conventions (the suggestion does this) or keep the relative
    period ("năm nay").
    """
    lang = ctx.doc.tgt_lang
    src_text = ctx.src_text
    for issue in _issues_of(ctx, "changed"):
        t = issue.tgt
        assert t is not None
        if issue.src is not None and issue.note and issue.src.unit:
            msg = f"wrong conversion: {issue.note}"
            sug = issue.note.split(", translation says")[0].split("≈ ")[-1]
        elif issue.src is not None:
            msg = f"{_label(t)} '{t.text}' does not match the source's '{issue.src.text}'"
            if issue.note:
                msg += f" ({issue.note})"
            sug = render(issue.src, lang)
        else:
            msg = f"year '{t.text}' replaces the relative period '{issue.relative}' in the source"
            unit = (issue.relative or "").split()[-1].lower()
            sug = RELATIVE_RENDER.get(lang, {}).get(unit) or f"translate '{issue.relative}' as a relative period"
        yield ctx.hit("target", t.start, t.end, msg, suggestion=sug, evidence=src_text, severity=issue.severity)


@rule("TQ202", "number-missing", Severity.MAJOR)
def number_missing(ctx: BeadContext) -> Iterator[Hit]:
    """A number, amount, percentage or date in the source is missing from its translation.

    What: Reports a source value (figures, and number words of three or more such as "ten") that no value in
    the aligned translation, or in the translation of a neighbouring sentence, matches.
    Why: Dropped figures are a typical machine-translation omission (a sentence cut off before its amount);
    the translation silently loses a fact. MQM: Accuracy / Omission, major; minor when the evidence is weak: the
    value is a number word, the translation states the same value in this sentence or one of the six around
    it, it is a 0, 1 or 2 without a unit (often "no", "a", "both"), a rank figure ("23rd": ordinals are often
    written as words), a month the translation may hold in a case form CLDR does not list ("в мае"), the
    translation keeps its digits inside a name ("Nogizaka46"), the source restates the measure in another unit
    the translation keeps ("27-foot (8.2-meter)"), a count of days the translation states in weeks ("14 days" /
    "dvou týdnech"), a date of two figures and a slash without a year, an event's name ("9/11"), or a count of
    the items the source lists right before it, split by the separators of CLDR's list patterns ("A、B、C3所大学",
    "A, B and C, the 3 cities": the translation may keep the items and drop their count).
    Example: "... lifting the figure to US$10 billion by 2020." -> "... phấn đấu đến năm 2020, thương mại
    song phương ." (US$10 billion is gone).
    Fix: Translate the missing value; the suggestion shows it written the target's way ("10 tỷ USD").
    """
    lang = ctx.doc.tgt_lang
    spans: dict[tuple[int, int], list[Issue]] = {}
    for issue in _issues_of(ctx, "missing"):
        assert issue.src is not None
        spans.setdefault((issue.src.start, issue.src.end), []).append(issue)
    for (start, end), issues in spans.items():  # a range ("November 23-25") is one finding
        qs = [i.src for i in issues if i.src is not None]
        yield ctx.hit("source", start, end, f"{_label(qs[0])} '{qs[0].text}' is missing from the translation",
                      suggestion=render_all(qs, lang), evidence=ctx.tgt_text, severity=issues[0].severity)


@rule("TQ203", "number-added", Severity.MAJOR)
def number_added(ctx: BeadContext) -> Iterator[Hit]:
    """The translation states a number, amount, percentage or date the source does not have.

    What: Reports a figure or date in a translated sentence that matches no value of its source sentence (or
    of a neighbouring source sentence) and does not replace a source value (that is TQ201).
    Why: Invented figures (a dateline's date, a year the translator guessed) add claims the author never
    made. MQM: Accuracy / Addition, major; minor when the evidence is weak: the source states the same value
    in this sentence or one of the six around it, the value is a year added to a date ("July 26, 2020" for
    "7月26日"), a month named alone, a rank figure ("3rd") for an ordinal word the parser may not know, or
    a figure whose number word the source has inside a compound ("pětačtyřicetiletý" for "45-year-old",
    "čtyřstovka" for "400 metres"), or twice or half a count that begins a longer source word (a knockout
    round: "round of 16" for "Achtelfinale", the eighth-finals).
    Example: "Hai bên đã ký 3 thỏa thuận." for "The two sides signed agreements." (3 is invented).
    Fix: Remove the value, or check the source: if it is right, the source needs it too.
    """
    for issue in _issues_of(ctx, "added"):
        t = issue.tgt
        assert t is not None
        yield ctx.hit("target", t.start, t.end, f"{_label(t)} '{t.text}' has no counterpart in the source",
                      suggestion=None, evidence=ctx.src_text, severity=issue.severity)
