"""What the date extractor returns (DateMention), the kinds of expression it knows (DateKind),
and the working record of one expression while the scan runs (Hit)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Literal

Precision = Literal["day", "month", "year", "interval", "approximate"]
#: "stated": the expression carries its own full year ("9 March 2017", "18.09.23", "2020").
#: "resolved": it needed the publication day or an earlier date of the text ("yesterday",
#: "Sept 21", "the next day", "since 2017" — whose end is the publication day).
Basis = Literal["stated", "resolved"]

PRECISIONS: frozenset[str] = frozenset({"day", "month", "year", "interval", "approximate"})


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: where it is in the text and the span of days it stands for."""

    surface: str  # exactly text[start:end]
    start: int  # Python str index into the text passed in
    end: int
    date_start: date  # inclusive
    date_end: date  # inclusive
    precision: Precision
    basis: Basis = "stated"


class DateKind(Enum):
    """The kinds of date expression. Each atom kind has a row in the pattern table
    (``table.TABLE``: first words, pattern, resolver); the joined kinds are made by the scan
    from neighbouring atoms."""

    # -- atoms: starting with a number
    DMY_RANGE = "dmy_range"  # 19–20 September 2023
    DMY = "dmy"  # 9 March 2017, 21st of September 2023
    NUMERIC = "numeric"  # 19.09.2023, 18/09/23, 9/18/2023
    DM = "dm"  # 9 May, 19th of September
    ISO = "iso"  # 2023-09-19, 2023/05/21
    YEAR_RANGE = "year_range"  # 2020–2023, 1992-94
    DECADE = "decade"  # 1990s, the 1990s
    YEAR = "year"  # 2020, the 2020 war
    AGO = "ago"  # two days ago, three weeks ago, a year ago
    LAST_N = "last_n"  # the past four years, the last six months
    SHIFT = "shift"  # two days later, a week earlier (anaphoric)
    # -- atoms: starting with a month name
    MDR = "mdr"  # September 19–20, 2023
    MDY = "mdy"  # September 19, 2023
    MONTH_YEAR = "month_year"  # August 2022
    MONTH_REL_YEAR = "month_rel_year"  # December last year
    MD = "md"  # Sept. 19, September 19th
    MONTH = "month"  # in June, since May
    # -- atoms: starting with a word
    PART_OF = "part_of"  # the end of 2019, the beginning of June
    HALF = "half"  # the first half of 2023
    QH = "qh"  # Q3 2023, H1 2024
    SEASON = "season"  # the spring of 2021
    DECADE_MOD = "decade_mod"  # the early 1990s
    MOD_MONTH = "mod_month"  # mid-September 2023, late May
    MOD_YEAR = "mod_year"  # mid-2022
    MOD_REL = "mod_rel"  # late last year, early next month
    RELDAY = "relday"  # yesterday, the day before yesterday, last night
    REL_MONTHNAME = "rel_monthname"  # last December, last May
    WEEKDAY = "weekday"  # Monday, on Tuesday, next Friday
    RELPERIOD = "relperiod"  # last week, this year
    ORDINAL_DAY = "ordinal_day"  # on the 19th
    SAME_DAY = "same_day"  # that day, the same day (anaphoric)
    STEP = "step"  # the next day, the previous day, the following week (anaphoric)
    # -- made by joining atoms
    WEEKDAY_REL = "weekday_rel"  # "last Monday": a weekday that never merges with a date
    RANGE = "range"  # from 2020 to 2023
    SINCE = "since"  # since June


@dataclass(frozen=True, slots=True)
class Shift:
    """An anaphoric expression waiting for its anchor: ``n`` units after the anchor (before it
    when negative; 0 for "that day")."""

    unit: Literal["day", "week", "month", "year"]
    n: int


@dataclass(slots=True)
class Hit:
    """One expression during the scan. ``lo``/``hi`` are placeholders while ``shift`` is set
    (an anaphoric expression not resolved yet)."""

    start: int
    end: int
    lo: date
    hi: date
    precision: Precision
    kind: DateKind
    needs_pub: bool  # resolved against the publication day or an earlier date: basis "resolved"
    shift: Shift | None = None
    # A numeric date ("05.06.2023", "9/18/2023"): its (first, second, year) numbers, read again
    # once the text's order of day and month is known.
    numbers: tuple[int, int, int] | None = None


class Parts:
    """The named groups of one kind inside a dispatch match, by their unprefixed names: the scan
    compiles the patterns of several kinds into one expression, each kind's groups renamed
    "_<row>_<name>", and an empty group "_<row>_k" closing its branch tells which row matched."""

    __slots__ = ("row", "_match", "_prefix")

    def __init__(self, match: re.Match[str]) -> None:
        marker = match.lastgroup or ""  # "_<row>_k"
        self.row = int(marker[1 : marker.index("_", 1)])
        self._match = match
        self._prefix = marker[:-1]

    def group(self, name: str) -> Any:  # str, or None when the group took no part
        return self._match.group(self._prefix + name)

    def span(self) -> tuple[int, int]:
        return self._match.span()
