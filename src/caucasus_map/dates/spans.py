"""Calendar arithmetic: the spans of days that months, years, weeks and their parts cover."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

# How far back a year-less "February 29" may lie: leap years are at most 8 years apart (1896 to
# 1904), so the most recent one on or before any day is within the last 8 years.
LEAP_DAY_LOOKBACK_YEARS = 8
# Two-digit years: "18.09.23" is 2023, "18.09.94" is 1994 (the POSIX pivot, as strptime's %y).
TWO_DIGIT_YEAR_PIVOT = 69

# Parts of a month and of a year (all read as approximate):
#   early = days 1–10 / January–April; mid = days 11–20 / May–August; late = day 21 to the end /
#   September–December. "the beginning of" and "the end of" a year are its first and last quarter.
EARLY_MONTH_LAST_DAY = 10
MID_MONTH_LAST_DAY = 20
_YEAR_PARTS = {  # (first month, last month)
    "early": (1, 4),
    "mid": (5, 8),
    "middle": (5, 8),
    "late": (9, 12),
    # "the beginning of 2019" reads as early 2019, "the end of 2019" as late 2019.
    "beginning": (1, 4),
    "start": (1, 4),
    "end": (9, 12),
}
_SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}


def month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, monthrange(y, m)[1])


def year_span(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def week_span(day: date) -> tuple[date, date]:
    """The Monday-to-Sunday week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def add_months(y: int, m: int, delta: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + delta
    return total // 12, total % 12 + 1


def recent_month_year(m: int, pub: date) -> int:
    """Year of the most recent month ``m`` on or before the publication month."""
    return pub.year if m <= pub.month else pub.year - 1


def nearest_month_year(m: int, pub: date) -> int:
    """Year of the month ``m`` nearest the publication month, before or after it: a deadline
    ("by May", "until mid-May") may lie ahead."""
    ahead = (m - pub.month) % 12
    return pub.year + (pub.month + ahead > 12) if ahead <= 6 else recent_month_year(m, pub)


def recent_day(m: int, d: int, pub: date) -> date | None:
    """The most recent ``m``/``d`` on or before ``pub`` (Feb 29 may lie years back)."""
    for y in range(pub.year, pub.year - LEAP_DAY_LOOKBACK_YEARS - 1, -1):
        try:
            candidate = date(y, m, d)
        except ValueError:
            continue
        if candidate <= pub:
            return candidate
    return None


def recent_day_of_month(d: int, pub: date) -> date | None:
    """Day ``d`` of the publication month, or of the latest earlier month that has it, when it
    would lie after publication ("on the 19th" published on the 5th is last month's 19th)."""
    for back in range(3):  # a 31st may skip one shorter month (and February)
        y, m = add_months(pub.year, pub.month, -back)
        if d <= monthrange(y, m)[1] and date(y, m, d) <= pub:
            return date(y, m, d)
    return None


def two_digit_year(yy: int) -> int:
    return 2000 + yy if yy <= TWO_DIGIT_YEAR_PIVOT else 1900 + yy


def year_part(y: int, part: str) -> tuple[date, date]:
    first, last = _YEAR_PARTS[part]
    return date(y, first, 1), month_span(y, last)[1]


def month_part(y: int, m: int, part: str) -> tuple[date, date]:
    if part in ("early", "beginning", "start"):
        return date(y, m, 1), date(y, m, EARLY_MONTH_LAST_DAY)
    if part in ("mid", "middle"):
        return date(y, m, EARLY_MONTH_LAST_DAY + 1), date(y, m, MID_MONTH_LAST_DAY)
    return date(y, m, MID_MONTH_LAST_DAY + 1), month_span(y, m)[1]


def season(name: str, y: int) -> tuple[date, date]:
    """Meteorological seasons; "winter 2022" is December 2021 to February 2022."""
    if name == "winter":
        return date(y - 1, 12, 1), month_span(y, 2)[1]
    first = _SEASON_FIRST_MONTH[name]
    return date(y, first, 1), month_span(y, first + 2)[1]


def shifted(day: date, unit: str, n: int) -> tuple[date, date]:
    """The span ``n`` units after ``day`` (before it when negative): a day, the Monday-to-Sunday
    week, the calendar month or the calendar year that holds the shifted day."""
    if unit == "day":
        d = day + timedelta(days=n)
        return d, d
    if unit == "week":
        return week_span(day + timedelta(weeks=n))
    if unit == "month":
        return month_span(*add_months(day.year, day.month, n))
    return year_span(day.year + n)
