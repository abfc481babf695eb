"""One resolver per kind: the span of days a matched expression stands for.

A resolver takes the match (``Parts``), the text, the publication day (or None) and the start of
the searched span, and returns a ``Hit``, or None when the expression cannot be resolved (a
relative form without a publication day) or the words around say it is not a date. Anaphoric
kinds ("the next day") return a Hit with a ``Shift``; the scan resolves it against the last date
before it in the paragraph.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable
from datetime import date, timedelta

from caucasus_map.dates import guards, spans
from caucasus_map.dates.model import DateKind, Hit, Parts, Precision, Shift
from caucasus_map.dates.vocabulary import (
    MONTH_BY_PREFIX,
    NUMBER_WORDS,
    ORDINAL_DAY_BEFORE,
    REL_DELTA,
    SPAN_BEFORE_NEXT,
    WEEKDAYS,
)

Resolver = Callable[[Parts, str, date | None, int], Hit | None]

# Placeholder span of an anaphoric hit until the scan finds its anchor.
UNRESOLVED = date.min
# Decade parts: the early, mid and late 1990s are 1990–93, 1994–96 and 1997–99.
_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
# Halves and quarters of a year: months in each.
_HALF_MONTHS, _QUARTER_MONTHS = 6, 3


def _month_num(name: str) -> int:
    return MONTH_BY_PREFIX[name[:3].title()]


def _day_of(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.lower()]


def _hit(
    p: Parts, lo: date, hi: date, precision: Precision, kind: DateKind, needs_pub: bool
) -> Hit:
    s, e = p.span()
    return Hit(s, e, lo, hi, precision, kind, needs_pub)


def _pending(p: Parts, kind: DateKind, unit: str, n: int) -> Hit:
    s, e = p.span()
    shift = Shift(unit, n)  # type: ignore[arg-type]
    return Hit(s, e, UNRESOLVED, UNRESOLVED, "day", kind, True, shift=shift)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------------------------------------
# Absolute: the expression carries its year (basis "stated")


def resolve_dmy(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    d = date(int(p.group("y")), _month_num(p.group("m")), _day_of(p.group("d")))
    return _hit(p, d, d, "day", DateKind.DMY, False)


def resolve_mdy(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    d = date(int(p.group("y")), _month_num(p.group("m")), _day_of(p.group("d")))
    return _hit(p, d, d, "day", DateKind.MDY, False)


def resolve_iso(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    d = date(int(p.group("y")), int(p.group("m")), int(p.group("d")))
    return _hit(p, d, d, "day", DateKind.ISO, False)


def resolve_numeric(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    """ "19.09.2023", "18.09.23", "18/09/23", "9/18/2023". Day first unless only month first
    is a date; the hit keeps its numbers so the scan can read a date that fits both orders
    month first when the text (or the caller) says so."""
    a_text, b_text, y_text, sep = p.group("a"), p.group("b"), p.group("y"), p.group("sep")
    a, b = int(a_text), int(b_text)
    if len(y_text) == 2:
        # A two-digit year: "18.09.23" or "9/18/23", never "18-09-23" (a score, a phone
        # number), nor "1.5.23" (a version), nor after a number or a word like "version".
        if sep == "-" or (sep == "." and len(a_text) + len(b_text) != 4):
            return None
        if not guards.short_numeric_is_date(text, lo, p.span()[0]):
            return None
        y = spans.two_digit_year(int(y_text))
    else:
        y = int(y_text)
    day_first, month_first = _valid(y, b, a), _valid(y, a, b)
    if day_first:
        d = date(y, b, a)
    elif month_first:
        d = date(y, a, b)
    else:
        return None
    hit = _hit(p, d, d, "day", DateKind.NUMERIC, False)
    hit.numbers = (a, b, y)
    return hit


def _day_range(p: Parts, pub: date | None, kind: DateKind) -> Hit | None:
    a, b, mon = _day_of(p.group("a")), _day_of(p.group("b")), _month_num(p.group("m"))
    if p.group("y"):
        y = int(p.group("y"))
    elif pub is None:
        return None
    else:
        y = spans.recent_month_year(mon, pub)
    if a >= b:
        return None
    return _hit(p, date(y, mon, a), date(y, mon, b), "interval", kind, p.group("y") is None)


def resolve_dmy_range(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    return _day_range(p, pub, DateKind.DMY_RANGE)


def resolve_mdr(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    return _day_range(p, pub, DateKind.MDR)


def resolve_month_year(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    span = spans.month_span(int(p.group("y")), _month_num(p.group("m")))
    return _hit(p, *span, "month", DateKind.MONTH_YEAR, False)


def resolve_year(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    if not guards.year_is_date(text, lo, p.span()[0]):
        return None
    return _hit(p, *spans.year_span(int(p.group("y"))), "year", DateKind.YEAR, False)


def resolve_year_range(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    a, b_text = int(p.group("a")), p.group("b")
    b = int(b_text) if len(b_text) == 4 else a // 100 * 100 + int(b_text)
    s, e = p.span()
    if b > a:
        return _hit(p, date(a, 1, 1), date(b, 12, 31), "interval", DateKind.YEAR_RANGE, False)
    # "2023-09", "2023/05": not a range; keep the year alone when it stands as one.
    year_end = s + 4
    if text[year_end : year_end + 1] == "/" or not guards.year_is_date(text, lo, s):
        return None
    return Hit(s, year_end, *spans.year_span(a), "year", DateKind.YEAR, False)


def resolve_decade(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    y = int(p.group("y"))
    return _hit(p, date(y, 1, 1), date(y + 9, 12, 31), "interval", DateKind.DECADE, False)


def resolve_decade_mod(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    y = int(p.group("y"))
    first, last = _DECADE_PARTS[p.group("mod").lower()]
    span = date(y + first, 1, 1), date(y + last, 12, 31)
    return _hit(p, *span, "approximate", DateKind.DECADE_MOD, False)


def resolve_mod_year(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    span = spans.year_part(int(p.group("y")), p.group("mod").lower())
    return _hit(p, *span, "approximate", DateKind.MOD_YEAR, False)


def _part_interval(p: Parts, y: int, half: bool, n: int, kind: DateKind) -> Hit | None:
    """A half or quarter of a year: an exact span, so an interval rather than approximate."""
    size = _HALF_MONTHS if half else _QUARTER_MONTHS
    if not 1 <= n <= 12 // size:
        return None
    first = (n - 1) * size + 1
    end = spans.month_span(y, first + size - 1)[1]
    return _hit(p, date(y, first, 1), end, "interval", kind, False)


def resolve_half(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    order, unit = p.group("ord").lower(), p.group("unit")
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(order)
    n = n or (4 if unit == "quarter" else 2)  # "last"
    return _part_interval(p, int(p.group("y")), unit == "half", n, DateKind.HALF)


def resolve_qh(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    half = p.group("u") == "H"
    return _part_interval(p, int(p.group("y")), half, int(p.group("n")), DateKind.QH)


def resolve_season(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    span = spans.season((p.group("s") or p.group("s2")).lower(), int(p.group("y")))
    return _hit(p, *span, "approximate", DateKind.SEASON, False)


# ---------------------------------------------------------------------------------------------
# Year-less month names: the year from the publication day when none is given


def resolve_dm(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    if pub is None:
        return None
    found = spans.recent_day(_month_num(p.group("m")), _day_of(p.group("d")), pub)
    return None if found is None else _hit(p, found, found, "day", DateKind.DM, True)


def resolve_md(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    if pub is None:
        return None
    mon, day = _month_num(p.group("m")), _day_of(p.group("d"))
    found = spans.recent_day(mon, day, pub)
    if guards.is_deadline(text, lo, p.span()[0]):  # "by May 15" may lie ahead
        y = spans.nearest_month_year(mon, pub)
        found = date(y, mon, day) if _valid(y, mon, day) else found
    return None if found is None else _hit(p, found, found, "day", DateKind.MD, True)


def resolve_month(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    mon = _month_num(p.group("m"))
    s, e = p.span()
    if pub is None or not guards.bare_month_is_date(text, lo, s, e, mon):
        return None
    deadline = guards.is_deadline(text, lo, s)
    y = spans.nearest_month_year(mon, pub) if deadline else spans.recent_month_year(mon, pub)
    return _hit(p, *spans.month_span(y, mon), "month", DateKind.MONTH, True)


def resolve_mod_month(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    mon = _month_num(p.group("m"))
    if p.group("y"):
        y = int(p.group("y"))
    elif pub is None:
        return None
    elif guards.is_deadline(text, lo, p.span()[0]):
        y = spans.nearest_month_year(mon, pub)  # "by mid-May" may lie ahead
    else:
        y = spans.recent_month_year(mon, pub)
    span = spans.month_part(y, mon, p.group("mod").lower())
    return _hit(p, *span, "approximate", DateKind.MOD_MONTH, p.group("y") is None)


def resolve_part_of(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    """ "the end of 2019", "the beginning of June", "the end of next year"."""
    part = (p.group("part") or p.group("part2")).lower()
    kind = DateKind.PART_OF
    if p.group("y"):
        return _hit(p, *spans.year_part(int(p.group("y")), part), "approximate", kind, False)
    if p.group("m"):
        mon = _month_num(p.group("m"))
        if p.group("my"):
            y = int(p.group("my"))
        elif pub is None:
            return None
        else:
            y = spans.recent_month_year(mon, pub)
        span = spans.month_part(y, mon, part)
        return _hit(p, *span, "approximate", kind, p.group("my") is None)
    if pub is None:
        return None
    delta = REL_DELTA[p.group("rel")]
    if p.group("unit") == "year":
        return _hit(p, *spans.year_part(pub.year + delta, part), "approximate", kind, True)
    y, mon = spans.add_months(pub.year, pub.month, delta)
    return _hit(p, *spans.month_part(y, mon, part), "approximate", kind, True)


def resolve_month_rel_year(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    if pub is None:
        return None
    y = pub.year + REL_DELTA[p.group("rel")]
    span = spans.month_span(y, _month_num(p.group("m")))
    return _hit(p, *span, "month", DateKind.MONTH_REL_YEAR, True)


def resolve_rel_monthname(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    """ "last December" is the most recent December before the publication month; "next May"
    the first after it; "this June" the one of the publication year."""
    if pub is None:
        return None
    mon, rel = _month_num(p.group("m")), p.group("rel").lower()
    if rel == "last":
        y = pub.year if mon < pub.month else pub.year - 1
    elif rel == "next":
        y = pub.year if mon > pub.month else pub.year + 1
    else:
        y = pub.year
    return _hit(p, *spans.month_span(y, mon), "month", DateKind.REL_MONTHNAME, True)


# ---------------------------------------------------------------------------------------------
# Relative to the publication day


def resolve_relday(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    if pub is None:
        return None
    words = p.group("rd").lower().split()
    if words[-1] == "yesterday":
        offset = -2 if words[0] == "the" else -1
    elif words[-1] == "tomorrow":
        offset = 2 if words[0] == "the" else 1
    elif words[0] == "last":
        offset = -1  # "last night"
    else:
        offset = 0  # today, tonight, this morning
    d = pub + timedelta(days=offset)
    return _hit(p, d, d, "day", DateKind.RELDAY, True)


def resolve_weekday(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    """ "Monday" is the most recent Monday on or before publication, publication day included;
    "last Monday" is strictly before it; "next Monday" strictly after."""
    if pub is None:
        return None
    wd = WEEKDAYS[p.group("wd")]
    rel = (p.group("rel") or "").lower()
    if rel == "next":
        d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    else:
        back = (pub.weekday() - wd) % 7
        d = pub - timedelta(days=back or (7 if rel == "last" else 0))
    # "last Monday" never merges with a date next to it: that needs the bare weekday.
    kind = DateKind.WEEKDAY_REL if rel else DateKind.WEEKDAY
    return _hit(p, d, d, "day", kind, True)


def resolve_relperiod(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    if pub is None:
        return None
    s = p.span()[0]
    if guards.VAGUE_BEFORE.search(text, max(0, s - guards.VAGUE_LOOKBACK), s):
        return None  # "over the past year", "earlier this year": vague spans
    delta = REL_DELTA[p.group("rel").lower()]
    unit = p.group("unit")
    kind = DateKind.RELPERIOD
    if unit == "year":
        return _hit(p, *spans.year_span(pub.year + delta), "year", kind, True)
    if unit == "month":
        y, mon = spans.add_months(pub.year, pub.month, delta)
        return _hit(p, *spans.month_span(y, mon), "month", kind, True)
    return _hit(p, *spans.week_span(pub + timedelta(weeks=delta)), "interval", kind, True)


def resolve_mod_rel(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    """ "late last year", "early this year", "mid-next month"."""
    if pub is None:
        return None
    delta, part = REL_DELTA[p.group("rel").lower()], p.group("mod").lower()
    if p.group("unit") == "year":
        span = spans.year_part(pub.year + delta, part)
    else:
        span = spans.month_part(*spans.add_months(pub.year, pub.month, delta), part)
    return _hit(p, *span, "approximate", DateKind.MOD_REL, True)


def resolve_ago(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    """ "two days ago" is that day, and so is "two weeks ago" (14 days back); "three months ago"
    is that calendar month; "a year ago" that calendar year."""
    if pub is None:
        return None
    n, unit, kind = _number(p.group("n")), p.group("u"), DateKind.AGO
    if unit == "day":
        d = pub - timedelta(days=n)
        return _hit(p, d, d, "day", kind, True)
    if unit == "week":  # the day that many weeks back, as "two days ago" is that day
        d = pub - timedelta(weeks=n)
        return _hit(p, d, d, "day", kind, True)
    if unit == "month":
        return _hit(p, *spans.shifted(pub, "month", -n), "month", kind, True)
    return _hit(p, *spans.year_span(pub.year - n), "year", kind, True)


def resolve_last_n(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    """ "the past four years", "the last six months": from the same day that many units back
    to publication (an exact span, so an interval)."""
    if pub is None:
        return None
    n, unit = _number(p.group("n")), p.group("u")
    months = {"month": 1, "year": 12, "decade": 120}.get(unit)
    if months is None:
        start = pub - timedelta(days=n * (7 if unit == "week" else 1))
    else:
        y, m = spans.add_months(pub.year, pub.month, -n * months)
        start = date(y, m, min(pub.day, monthrange(y, m)[1]))
    return _hit(p, start, pub, "interval", DateKind.LAST_N, True)


def resolve_ordinal_day(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    """ "on the 19th" (or "the 6th" in "on the 5th, the 6th"): the 19th of the publication
    month, or of the month before when that day lies after publication."""
    s = p.span()[0]
    if pub is None or not (
        guards.prev_word_lower(text, lo, s) in ORDINAL_DAY_BEFORE
        or guards.ORDINAL_LIST_BEFORE.search(text, max(lo, s - guards.ORDINAL_LIST_LOOKBACK), s)
    ):
        return None
    found = spans.recent_day_of_month(int(p.group("d")), pub)
    return None if found is None else _hit(p, found, found, "day", DateKind.ORDINAL_DAY, True)


# ---------------------------------------------------------------------------------------------
# Anaphoric: resolved by the scan against the last date before them in the paragraph


def resolve_same_day(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    return _pending(p, DateKind.SAME_DAY, "day", 0)


def resolve_step(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    """ "the next day", "the previous week", "the following month", "the day before"."""
    if p.group("dir2"):
        return _pending(p, DateKind.STEP, "day", -1 if p.group("dir2") == "before" else 1)
    direction = p.group("dir")
    if direction in ("next", "following"):
        prev = guards.prev_word_lower(text, lo, p.span()[0])
        if prev in SPAN_BEFORE_NEXT and (prev not in ("in", "during") or direction == "next"):
            return None  # "over the next month", "in the next week": a span still to come
        return _pending(p, DateKind.STEP, p.group("unit"), 1)
    return _pending(p, DateKind.STEP, p.group("unit"), -1)


def resolve_shift(p: Parts, text: str, pub: date | None, lo: int) -> Hit | None:
    """ "two days later", "a week earlier"."""
    n = _number(p.group("n"))
    sign = 1 if p.group("dir") == "later" else -1
    return _pending(p, DateKind.SHIFT, p.group("u"), sign * n)
