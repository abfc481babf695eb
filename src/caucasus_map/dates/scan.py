"""The scan: find the atoms near cheap anchors, then join neighbours and resolve what depends on
other dates of the text.

Speed: trying ~35 patterns at every word of an 8 KB article costs milliseconds, so the scan first
looks for cheap anchors (digits, month names, "day", "year", ...), and only the words near an
anchor are tried, each against the few rows of the table that can start with that word.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from caucasus_map.dates import guards, spans
from caucasus_map.dates.model import DateKind, Hit, Parts, Precision
from caucasus_map.dates.table import DIGIT, TABLE
from caucasus_map.dates.vocabulary import MONTH_BY_PREFIX

NumericOrder = Literal["dmy", "mdy"]

# Every expression contains one of these anchors: a digit run, a month name (its first three
# letters, capitalised or in capitals), or one of WORD_ANCHORS ("day" is in the weekdays,
# "yesterday", "today", "days ago", "the next day", "that day"; "week", "month" and "year" in
# "two weeks later", "the following month", "late last year"). Finding them is cheap: a pattern
# whose branches all start with a literal lets the regex engine skip ahead with a character-set
# test, and str.find is cheaper still.
_ANCHOR_RE = re.compile(
    "|".join(
        [f"{d}[0-9]*" for d in "0123456789"]
        + list(MONTH_BY_PREFIX)
        + [p.upper() for p in MONTH_BY_PREFIX]
    )
)
WORD_ANCHORS = (
    *("day", "year", "month", "week", "decade"),
    *("omorrow", "night", "morning", "afternoon", "evening"),  # tomorrow, tonight, last night ...
)
# How far an expression may start before its first anchor ("the beginning of the last year")
# and end after its last one, including the lookahead guards ("2000 kilometres", "the day
# before, when").
ANCHOR_BACK = 32
ANCHOR_AHEAD = 24
_WORD_RE = re.compile(r"\b\w+")

# Kinds that name one calendar day and so may absorb a weekday next to them ("Tuesday, Sept. 19").
_CALENDAR_DAY_KINDS = frozenset(
    {DateKind.DMY, DateKind.MDY, DateKind.ISO, DateKind.NUMERIC, DateKind.DM, DateKind.MD}
)
_SHIFT_PRECISION: dict[str, Precision] = {
    "day": "day", "week": "interval", "month": "month", "year": "year"
}  # fmt: skip


def compile_alternatives(rows: list[int]) -> re.Pattern[str]:
    """One pattern trying the given rows of the table in order. Row i's groups are renamed
    "_i_<name>", and an empty group "_i_k" at the end of its branch, the last group to close,
    tells which row matched (see ``Parts``)."""
    return re.compile("|".join(_branch(i) for i in rows))


def _branch(i: int) -> str:
    prefixed = f"(?:{TABLE[i].pattern})(?P<k>)"
    return prefixed.replace("(?P<", f"(?P<_{i}_").replace("(?P=", f"(?P=_{i}_")


def _build_dispatch() -> dict[str, re.Pattern[str]]:
    by_word: dict[str, list[int]] = {}
    for i, row in enumerate(TABLE):
        for word in row.firsts:
            by_word.setdefault(word, []).append(i)
    compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
    return {
        word: compiled.setdefault(tuple(rows), compile_alternatives(rows))
        for word, rows in by_word.items()
    }


# First word (lower case, or DIGIT for a number) -> the pattern of every row starting with it.
_DISPATCH = _build_dispatch()
_DIGIT_RX = _DISPATCH[DIGIT]


def regions(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Disjoint stretches of text[lo:hi] that may hold a date expression."""
    found = [m.span() for m in _ANCHOR_RE.finditer(text, lo, hi)]
    find = text.find
    for word in WORD_ANCHORS:
        i = find(word, lo, hi)
        while i >= 0:
            found.append((i, i + len(word)))
            i = find(word, i + 1, hi)
    found.sort()
    out: list[tuple[int, int]] = []
    for s, e in found:
        rs, re_ = max(lo, s - ANCHOR_BACK), min(hi, e + ANCHOR_AHEAD)
        if out and rs <= out[-1][1]:
            if re_ > out[-1][1]:
                out[-1] = (out[-1][0], re_)
        else:
            out.append((rs, re_))
    return out


def resolve_at(
    rx: re.Pattern[str], text: str, pos: int, endpos: int, pub: date | None, lo: int
) -> Hit | None:
    """Match ``rx`` at ``pos`` and resolve what it found."""
    m = rx.match(text, pos, endpos)
    if m is None:
        return None
    if "0" <= text[pos] <= "9" and guards.glued_to_number(text, 0, pos):
        return None  # a piece of a larger number
    parts = Parts(m)
    try:
        return TABLE[parts.row].resolve(parts, text, pub, lo)
    except (ValueError, OverflowError):
        return None  # "31 February", or a publication day at the edge of the calendar


def atoms(text: str, pub: date | None, lo: int, hi: int) -> list[Hit]:
    """Every expression in text[lo:hi], leftmost first, none overlapping."""
    hits: list[Hit] = []
    pos = lo
    get = _DISPATCH.get
    for region_start, region_end in regions(text, lo, hi):
        # Near an anchor, each word is tried against the rows that can start with it.
        for w in _WORD_RE.finditer(text, max(region_start, pos), region_end):
            start = w.start()
            if start < pos:
                continue  # inside the expression just found
            word = w.group()
            rx = _DIGIT_RX if "0" <= word[0] <= "9" else get(word.lower())
            if rx is None:
                continue
            hit = resolve_at(rx, text, start, region_end, pub, lo)
            if hit is not None:
                hits.append(hit)
                pos = hit.end
    return hits


# ---------------------------------------------------------------------------------------------
# Passes over the atoms, in order


def apply_numeric_order(hits: list[Hit], order: NumericOrder | None) -> None:
    """Read numeric dates that fit both orders ("05.06.2023") month first when the caller says
    so, or, with no order given, when another numeric date of the text can only be read month
    first ("9/18/2023"). Day first otherwise."""
    numeric = [h.numbers for h in hits if h.numbers is not None]
    if not numeric:
        return
    if order is None:
        order = "mdy" if any(a <= 12 < b for a, b, _ in numeric) else "dmy"
    if order == "dmy":
        return  # how resolve_numeric read them
    for h in hits:
        if h.numbers is not None:
            a, b, y = h.numbers
            if a <= 12 and b <= 12:
                h.lo = h.hi = date(y, a, b)


def merge_weekdays(text: str, hits: list[Hit]) -> list[Hit]:
    """ "Thursday 9 March 2017", "Tuesday, Sept. 19": the weekday only restates the date
    that follows or precedes it; the date stands for both."""
    kept: list[Hit] = []
    for i, h in enumerate(hits):
        if h.kind is DateKind.WEEKDAY:
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            prv = kept[-1] if kept else None
            if (
                nxt is not None
                and nxt.kind in _CALENDAR_DAY_KINDS
                and guards.WEEKDAY_GAP.fullmatch(text, h.end, nxt.start)
            ) or (
                prv is not None
                and prv.kind in _CALENDAR_DAY_KINDS
                and guards.WEEKDAY_GAP.fullmatch(text, prv.end, h.start)
            ):
                continue
        kept.append(h)
    return kept


def _year_later(hit: Hit) -> Hit | None:
    try:
        lo, hi = hit.lo.replace(year=hit.lo.year + 1), hit.hi.replace(year=hit.hi.year + 1)
    except ValueError:  # 29 February
        return None
    return Hit(hit.start, hit.end, lo, hi, hit.precision, hit.kind, hit.needs_pub)


def join_ranges(text: str, hits: list[Hit], lo: int) -> list[Hit]:
    """ "from 2020 to 2023", "between 1991 and 1994", "September 2022 – May 2023"."""
    joined: list[Hit] = []
    i = 0
    while i < len(hits):
        h = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt is not None and h.shift is None and nxt.shift is None:
            gap = guards.TO_GAP.fullmatch(text, h.end, nxt.start)
            intro = guards.FROM_BEFORE.search(
                text, max(lo, h.start - guards.FROM_LOOKBACK), h.start
            )
            word = gap.group("w") if gap else None
            intro_word = intro.group("w").lower() if intro else None
            ok = gap is not None and (
                (intro_word == "between" and word == "and")
                or (intro_word == "from" and word != "and")
                or (intro_word is None and word is None and not (h.needs_pub or nxt.needs_pub))
            )
            if ok and h.lo > nxt.hi and nxt.needs_pub:
                # "from 10 September to 5 October": a year-less end was resolved on its own
                # to the year before; it belongs after the start.
                nxt = _year_later(nxt) or nxt
            if ok and h.lo <= nxt.hi:
                start = intro.start("w") if intro else h.start
                needs_pub = h.needs_pub or nxt.needs_pub
                joined.append(
                    Hit(start, nxt.end, h.lo, nxt.hi, "interval", DateKind.RANGE, needs_pub)
                )
                i += 2
                continue
        joined.append(h)
        i += 1
    return joined


def resolve_anaphora(text: str, hits: list[Hit], pub: date | None) -> list[Hit]:
    """ "the next day", "that day", "two weeks later": counted from the last date before them
    in the same paragraph (paragraphs are separated by line breaks), else from the publication
    day, unless that puts them after it. A shift by days needs a day to count from ("In 2020 ...
    the next day" is skipped rather than guessed); by weeks a day or a week; by months a month;
    by years a year."""
    out: list[Hit] = []
    paragraph: list[Hit] = []  # the dates so far in the current paragraph, latest last
    for h in hits:
        if paragraph and text.find("\n", paragraph[-1].end, h.start) >= 0:
            paragraph = []  # a new paragraph
        shift = h.shift
        if shift is None:
            out.append(h)
            paragraph.append(h)
            continue
        # The latest date precise enough to count from: "On Friday, villages held since 1991
        # to 1994 were handed over; the same day …" counts from Friday, not from the range.
        anchor = next(
            (a for a in reversed(paragraph) if _anchor_fits(a.lo, a.hi, shift.unit)), None
        )
        if anchor is not None:
            base = anchor.lo
        elif pub is not None and not paragraph:
            base = pub
        else:
            continue
        if shift.unit == "week" and (anchor is None or anchor.lo == anchor.hi):
            # "a week later" than a day is a day, as "two weeks ago" is
            lo_d = hi_d = base + timedelta(weeks=shift.n)
            precision = "day"
        else:
            lo_d, hi_d = spans.shifted(base, shift.unit, shift.n)
            precision = _SHIFT_PRECISION[shift.unit]
        if (
            pub is not None
            and hi_d > pub
            and (anchor is None or anchor.hi <= pub)
            and not guards.announced(text, h.start)
        ):
            # "Two years later", "the next day" counted from publication (or from a date at or
            # before it) would lie after it: a report narrates what came before it, so the
            # anchor is in an earlier paragraph — unless the sentence announces what is to come
            # ("evacuations would begin the next day"), or a stated future date is counted from.
            continue
        resolved = Hit(h.start, h.end, lo_d, hi_d, precision, h.kind, True)
        out.append(resolved)
        paragraph.append(resolved)
    return out


def _anchor_fits(lo: date, hi: date, unit: str) -> bool:
    if unit == "day":
        return lo == hi
    if unit == "week":
        return spans.week_span(lo) == spans.week_span(hi)
    if unit == "month":
        return (lo.year, lo.month) == (hi.year, hi.month)
    return lo.year == hi.year


def join_since(text: str, hits: list[Hit], pub: date | None, lo: int) -> list[Hit]:
    """ "since June", "since November last year": from the start of the span to publication."""
    out: list[Hit] = []
    for h in hits:
        since = guards.SINCE_BEFORE.search(text, max(lo, h.start - guards.SINCE_LOOKBACK), h.start)
        if since is not None and h.kind is not DateKind.RANGE:
            if pub is None or h.lo > pub:
                continue  # needs the publication day, or points past it
            out.append(Hit(since.start(), h.end, h.lo, pub, "interval", DateKind.SINCE, True))
        else:
            out.append(h)
    return out


def find_hits(
    text: str,
    published: date | None,
    start: int,
    end: int | None,
    numeric_order: NumericOrder | None = None,
) -> list[Hit]:
    lo, hi, _ = slice(start, end).indices(len(text))
    if lo >= hi:
        return []
    hits = atoms(text, published, lo, hi)
    apply_numeric_order(hits, numeric_order)
    hits = merge_weekdays(text, hits)
    hits = join_ranges(text, hits, lo)
    hits = resolve_anaphora(text, hits, published)
    return join_since(text, hits, published, lo)
