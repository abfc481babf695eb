"""Display labels of date spans for the page: "16 Aug 2023", "Aug 2023", "c. 1990–1993"."""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from caucasus_map.dates import Precision
from caucasus_map.dates.model import PRECISIONS

_MONTH_ABBR = (
    "",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_YEAR, _MONTH, _DAY = 0, 1, 2  # granularity of a label: "2023", "Aug 2023", "16 Aug 2023"


def _granularity(d: date, *, as_end: bool) -> int:
    """The coarsest form that still names ``d`` exactly as a bound."""
    if as_end:
        last = monthrange(d.year, d.month)[1]
        return _YEAR if (d.month, d.day) == (12, 31) else _MONTH if d.day == last else _DAY
    return _YEAR if (d.month, d.day) == (1, 1) else _MONTH if d.day == 1 else _DAY


def _label(d: date, gran: int) -> str:
    if gran == _YEAR:
        return str(d.year)
    if gran == _MONTH:
        return f"{_MONTH_ABBR[d.month]} {d.year}"
    return f"{d.day} {_MONTH_ABBR[d.month]} {d.year}"


def format_date_range(date_start: date, date_end: date, precision: Precision) -> str:
    """Human label for the page: day → "16 Aug 2023", month → "Aug 2023", year → "2023",
    interval → "Dec 2022 – 17 Aug 2023" (the coarsest faithful form of each end),
    approximate → "c. 1990–1993"."""
    if precision not in PRECISIONS:
        raise ValueError(f"unknown precision {precision!r}: use one of {sorted(PRECISIONS)}")
    if date_start > date_end:
        raise ValueError(f"date_start {date_start} is after date_end {date_end}")
    if precision in ("day", "month", "year"):
        return _label(date_start, {"year": _YEAR, "month": _MONTH, "day": _DAY}[precision])
    gs = _granularity(date_start, as_end=False)
    # The end is never shown coarser than the start: "Oct–Dec 2023", not "Oct 2023 – 2023".
    ge = max(_granularity(date_end, as_end=True), gs)
    # Nor the start coarser than the end within one year or month: "Jan–Jun 2023", "1–17 Aug 2023".
    if date_start.year == date_end.year and gs == _YEAR < ge:
        gs = _MONTH
    if (date_start.year, date_start.month) == (date_end.year, date_end.month) and gs == _MONTH < ge:
        gs = _DAY
    a, b = _label(date_start, gs), _label(date_end, ge)
    prefix = "c. " if precision == "approximate" else ""
    if a == b:
        return prefix + a
    if gs == ge == _YEAR:
        return f"{prefix}{a}–{b}"
    if gs == ge == _MONTH and date_start.year == date_end.year:
        return f"{prefix}{_MONTH_ABBR[date_start.month]}–{b}"
    if gs == ge == _DAY and (date_start.year, date_start.month) == (date_end.year, date_end.month):
        return f"{prefix}{date_start.day}–{b}"
    return f"{prefix}{a} – {b}"
