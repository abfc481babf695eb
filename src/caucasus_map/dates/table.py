"""The dispatch table: for each kind of atom, the words it can start with, its pattern and its
resolver. Rows are tried in order at one position and the first that matches wins, so longer
forms come before their prefixes ("9 March 2017" before "9 March"). A kind is a
``DateKind`` member and a resolver a function, so a typo in either fails at import.
"""

from __future__ import annotations

from typing import NamedTuple

from caucasus_map.dates import patterns as pt
from caucasus_map.dates import resolvers as rs
from caucasus_map.dates.model import DateKind
from caucasus_map.dates.vocabulary import LAST_NEXT_THIS, NUMBER_WORDS, WEEKDAY_NAMES

DIGIT = "0-9"  # first-word key of the rows that start with a number


class Row(NamedTuple):
    kind: DateKind
    firsts: tuple[str, ...]  # the words (lower case) a match can start with, or DIGIT
    pattern: str
    resolve: rs.Resolver


_NUMBERS = (DIGIT, *NUMBER_WORDS)
_WEEKDAY_FIRSTS = (*(w.lower() for w in WEEKDAY_NAMES), "last", "next")
_MODS = ("early", "mid", "late")
K = DateKind

TABLE: tuple[Row, ...] = (
    # -- starting with a number
    Row(K.DMY_RANGE, (DIGIT,), pt.DMY_RANGE, rs.resolve_dmy_range),
    Row(K.DMY, (DIGIT,), pt.DMY, rs.resolve_dmy),
    Row(K.NUMERIC, (DIGIT,), pt.NUMERIC, rs.resolve_numeric),
    Row(K.DM, (DIGIT,), pt.DM, rs.resolve_dm),
    Row(K.ISO, (DIGIT,), pt.ISO, rs.resolve_iso),
    Row(K.YEAR_RANGE, (DIGIT,), pt.YEAR_RANGE, rs.resolve_year_range),
    Row(K.DECADE, (DIGIT,), pt.DECADE, rs.resolve_decade),
    Row(K.YEAR, (DIGIT,), pt.YEAR, rs.resolve_year),
    Row(K.AGO, _NUMBERS, pt.AGO, rs.resolve_ago),
    Row(K.SHIFT, _NUMBERS, pt.SHIFT, rs.resolve_shift),
    # -- starting with a month name
    Row(K.MDR, pt.MONTH_WORDS, pt.MDR, rs.resolve_mdr),
    Row(K.MDY, pt.MONTH_WORDS, pt.MDY, rs.resolve_mdy),
    Row(K.MONTH_YEAR, pt.MONTH_WORDS, pt.MONTH_YEAR, rs.resolve_month_year),
    Row(K.MONTH_REL_YEAR, pt.MONTH_WORDS, pt.MONTH_REL_YEAR, rs.resolve_month_rel_year),
    Row(K.MD, pt.MONTH_WORDS, pt.MD, rs.resolve_md),
    Row(K.MONTH, pt.MONTH_WORDS, pt.MONTH, rs.resolve_month),
    # -- starting with a word
    Row(K.DECADE, ("the",), pt.THE_DECADE, rs.resolve_decade),
    Row(K.PART_OF, ("the", "end", "beginning", "start", "middle"), pt.PART_OF, rs.resolve_part_of),
    Row(K.HALF, ("the", "first", "second", "third", "fourth", "last"), pt.HALF, rs.resolve_half),
    Row(K.QH, ("q1", "q2", "q3", "q4", "h1", "h2"), pt.QH, rs.resolve_qh),
    Row(
        K.SEASON,
        ("the", "spring", "summer", "autumn", "fall", "winter"),
        pt.SEASON,
        rs.resolve_season,
    ),
    Row(K.DECADE_MOD, _MODS, pt.DECADE_MOD, rs.resolve_decade_mod),
    Row(K.MOD_MONTH, _MODS, pt.MOD_MONTH, rs.resolve_mod_month),
    Row(K.MOD_YEAR, _MODS, pt.MOD_YEAR, rs.resolve_mod_year),
    Row(K.MOD_REL, _MODS, pt.MOD_REL, rs.resolve_mod_rel),
    Row(
        K.RELDAY,
        ("yesterday", "tomorrow", "tonight", "today", "the", "last", "this"),
        pt.RELDAY,
        rs.resolve_relday,
    ),
    Row(K.REL_MONTHNAME, LAST_NEXT_THIS, pt.REL_MONTHNAME, rs.resolve_rel_monthname),
    Row(K.WEEKDAY, _WEEKDAY_FIRSTS, pt.WEEKDAY, rs.resolve_weekday),
    Row(K.RELPERIOD, LAST_NEXT_THIS, pt.RELPERIOD, rs.resolve_relperiod),
    Row(K.ORDINAL_DAY, ("the",), pt.ORDINAL_DAY, rs.resolve_ordinal_day),
    Row(K.LAST_N, ("the",), pt.LAST_N, rs.resolve_last_n),
    Row(K.SAME_DAY, ("that", "the", "later", "earlier"), pt.SAME_DAY, rs.resolve_same_day),
    Row(K.STEP, ("the",), pt.STEP, rs.resolve_step),
)

#: Kinds the scan makes by joining atoms; every other kind must have a row.
JOINED_KINDS = frozenset({K.WEEKDAY_REL, K.RANGE, K.SINCE})
_missing = set(DateKind) - JOINED_KINDS - {row.kind for row in TABLE}
if _missing:  # pragma: no cover - a table edit that forgot a kind fails at import
    raise ImportError(f"date kinds without a row in the table: {sorted(k.name for k in _missing)}")
