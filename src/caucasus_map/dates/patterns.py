"""The regular expressions of date expressions: shared fragments and one pattern per kind.

A date phrase never spans a line break, so separators are horizontal whitespace only (headlines
and site chrome sit on lines of their own; the text layer reflows hard-wrapped paragraphs before
dates are searched). Month and weekday names count only capitalised (or, for month names next to
a day or a year, in capitals: "SEPTEMBER 26"); "Mayor", "Marching" and "Decree" fail on \\b.
The named groups are read by the resolvers (``resolvers.py``); ``table.py`` pairs each pattern
with its resolver and the words it can start with.
"""

from __future__ import annotations

import re

from caucasus_map.dates.vocabulary import (
    COUNT_SUFFIXES,
    LAST_NEXT_THIS,
    MONTH_ABBRS,
    MONTH_NAMES,
    NUMBER_WORDS,
    ORDINAL_DAY_AFTER,
    UNITS,
    WEEKDAY_NAMES,
)


def cap(word: str) -> str:
    """Match ``word`` in lower case or with a capital first letter (sentence start)."""
    return f"[{word[0].upper()}{word[0]}]{word[1:]}"


def caps(*words: str) -> str:
    return "|".join(cap(w) for w in words)


def alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    """Longest first, so "kms" is tried before "km"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


S = r"[^\S\r\n]+"  # horizontal whitespace between words
SP = r"[^\S\r\n]*"

# -- months
_FULL = "|".join(MONTH_NAMES)
_FULL_UPPER = "|".join(n.upper() for n in MONTH_NAMES)
_ABBR = "|".join(MONTH_ABBRS)
_ABBR_UPPER = "|".join(a.upper() for a in MONTH_ABBRS)
# Next to a day or a year. Only an abbreviation may carry a dot ("Sept. 19"), so "in January.
# 2021 was" stays apart.
MON = rf"(?:(?:{_FULL}|{_FULL_UPPER})\b|(?:{_ABBR}|{_ABBR_UPPER})(?:\.|\b))"
MON_FULL = rf"(?:{_FULL})\b"  # alone, or after "mid-", "last", "the end of"
MONTH_WORDS = tuple(w.lower() for w in (*MONTH_NAMES, *MONTH_ABBRS))  # their dispatch keys

# -- years and days
EARLY_MID_LATE = caps("early", "mid", "late")
YEAR_CORE = r"(?:19|20)[0-9]{2}"
DECADE_CORE = r"(?:19|20)[0-9]0"
# A year is not glued to a decimal or thousands separator, "+" or "%", and is not the count in
# "2000 troops" or "a 2000-strong force". (What comes before it is checked in Python.)
YEAR_TAIL = (
    rf"\b(?![,.][0-9]|\+|%|-(?:{alternation(COUNT_SUFFIXES)})"
    rf"|{S}(?:{alternation(UNITS).replace(' ', S)})\b)"
)


def day(name: str) -> str:
    """A day number (checked to be 1-31 later), not a piece of "3,000", "14:59" or "1.5"."""
    return rf"(?P<{name}>[0-9][0-9]?)(?![0-9]|[.,:][0-9])(?:st|nd|rd|th)?\b"


def year(name: str) -> str:
    return rf"(?P<{name}>{YEAR_CORE}){YEAR_TAIL}"


_NUMBER = rf"(?P<n>[0-9][0-9]?|{caps(*NUMBER_WORDS)})"
# The end of a clause, or a word that cannot be the noun an ordinal modifies ("on the 19th,",
# "by the 21st and", but not "the 18th century").
_CLAUSE_GOES_ON = (
    rf"(?={SP}(?:[.,;:!?)\]\"”’]|\Z|[\r\n])|{S}(?:[–—]|(?:{'|'.join(ORDINAL_DAY_AFTER)})\b))"
)

# ---------------------------------------------------------------------------------------------
# One pattern per kind. At one position the first kind (in table order) that matches wins, so
# longer forms come before their prefixes ("9 March 2017" before "9 March").

# -- starting with a number
DMY_RANGE = rf"{day('a')}{SP}[–—-]{SP}{day('b')}{S}(?P<m>{MON})(?:,?{S}{year('y')})?"
DMY = rf"{day('d')}{S}(?:of{S})?(?P<m>{MON}),?{S}{year('y')}"
# 19.09.2023, 18.09.23, 18/09/23, 9/18/2023 (which order is decided by the resolver and the scan)
NUMERIC = (
    rf"(?P<a>[0-9][0-9]?)(?P<sep>[./-])(?P<b>[0-9][0-9]?)(?P=sep)(?P<y>{YEAR_CORE}|[0-9]{{2}})"
    r"(?![0-9]|[./-][0-9])"
)
DM = rf"{day('d')}{S}(?:of{S})?(?P<m>{MON})"
ISO = (
    rf"(?P<y>{YEAR_CORE})(?P<sep>[-/.])(?P<m>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])"
)
YEAR_RANGE = rf"(?P<a>{YEAR_CORE})(?:[–/-]|{S}–{S})(?P<b>{YEAR_CORE}|[0-9]{{2}})\b(?![,./-][0-9])"
DECADE = rf"(?P<y>{DECADE_CORE})s\b"
YEAR = year("y")
AGO = rf"{_NUMBER}{S}(?P<u>day|week|month|year)s?{S}ago\b"
LAST_N = rf"[Tt]he{S}(?:last|past){S}{_NUMBER}{S}(?P<u>day|week|month|year|decade)s\b"
SHIFT = rf"{_NUMBER}{S}(?P<u>day|week|month|year)s?{S}(?P<dir>later|earlier)\b"

# -- starting with a month name
MDR = rf"(?P<m>{MON}){S}{day('a')}{SP}[–—-]{SP}{day('b')}(?:,?{S}{year('y')})?"
MDY = rf"(?P<m>{MON}){S}{day('d')}(?:,{SP}|{S}){year('y')}"
MONTH_YEAR = rf"(?P<m>{MON}),?{S}(?:of{S})?{year('y')}"
MONTH_REL_YEAR = rf"(?P<m>{MON_FULL}){S}(?:of{S})?(?P<rel>last|this|next){S}year\b"
MD = rf"(?P<m>{MON}){S}{day('d')}"
# A bare month is never followed by a number: that was a form above, or not a date at all
# ("August 2000 troops"). Whether the words around make it a date is checked by the resolver.
MONTH = rf"(?P<m>{MON_FULL})(?!{SP}[0-9])"

# -- starting with a word
THE_DECADE = rf"[Tt]he{S}(?P<y>{DECADE_CORE})s\b"
_PERIOD = (  # what "the end of" / "the beginning of" may apply to
    rf"(?:{year('y')}|(?P<m>{MON_FULL})(?:,?{S}{year('my')})?"
    rf"|(?:the{S})?(?P<rel>last|this|next|the){S}(?P<unit>year|month)\b)"
)
PART_OF = (
    rf"(?:[Tt]he{S}(?P<part>end|beginning|start|middle)"
    rf"|(?P<part2>{caps('end', 'beginning', 'start', 'middle')})){S}of{S}{_PERIOD}"
)
HALF = (
    rf"(?:[Tt]he{S})?(?P<ord>{caps('first', 'second', 'third', 'fourth', 'last')})"
    rf"{S}(?P<unit>half|quarter){S}of{S}{year('y')}"
)
QH = rf"(?P<u>[QH])(?P<n>[1-4]){S}{year('y')}"
SEASON = (
    rf"(?:[Tt]he{S}(?P<s>spring|summer|autumn|fall|winter){S}of{S}"
    rf"|(?P<s2>{caps('spring', 'summer', 'autumn', 'fall', 'winter')})(?:{S}of{S}|{S}))"
    rf"{year('y')}"
)
DECADE_MOD = rf"(?P<mod>{EARLY_MID_LATE})(?:-|{S})(?P<y>{DECADE_CORE})s\b"
MOD_MONTH = (
    rf"(?P<mod>{EARLY_MID_LATE})(?:-|{S})(?P<m>{MON_FULL})(?:,?{S}{year('y')})?(?!{SP}[0-9])"
)
MOD_YEAR = rf"(?P<mod>{EARLY_MID_LATE})(?:-|{S}){year('y')}"
MOD_REL = rf"(?P<mod>{EARLY_MID_LATE})(?:-|{S})(?P<rel>last|this|next){S}(?P<unit>year|month)\b"
RELDAY = (
    rf"(?P<rd>{caps('yesterday', 'tomorrow', 'tonight')}"
    rf"|{cap('today')}(?![’']s\b)"  # "today's Armenia" is the present, not a day
    rf"|{cap('the')}{S}day{S}(?:before{S}yesterday|after{S}tomorrow)"
    rf"|{cap('last')}{S}night|{cap('this')}{S}(?:morning|afternoon|evening))\b"
)
REL_MONTHNAME = rf"(?P<rel>{caps(*LAST_NEXT_THIS)}){S}(?P<m>{MON_FULL})(?!{SP}[0-9])"
WEEKDAY = rf"(?:(?P<rel>{caps('last', 'next')}){S})?(?P<wd>{'|'.join(WEEKDAY_NAMES)})\b"
RELPERIOD = rf"(?P<rel>{caps(*LAST_NEXT_THIS)}){S}(?P<unit>week|month|year)\b"
ORDINAL_DAY = rf"[Tt]he{S}(?P<d>[0-9][0-9]?)(?:st|nd|rd|th)\b{_CLAUSE_GOES_ON}"
# Anaphoric: resolved against the last date before them in the paragraph.
# "the same day as the vote" is the day of an event, not of a date: skipped.
SAME_DAY = (
    rf"(?:(?:{cap('that')}(?:{S}same)?|{cap('the')}{S}(?:very{S})?same){S}day\b(?![-’']|{S}as\b)"
    # "later that day", "earlier in the day", "that evening": the same day, another hour
    rf"|(?:{cap('later')}|{cap('earlier')}){S}(?:that|in{S}the){S}day\b"
    rf"|{cap('that')}{S}(?:morning|afternoon|evening|night)\b)"
)
STEP = (
    rf"{cap('the')}{S}(?:(?P<dir>next|following|previous|preceding|prior){S}"
    rf"(?P<unit>day|week|month|year)\b(?![-’'])"
    # "the day before, ..." but not "the day before the vote" (a day relative to an event)
    rf"|day{S}(?P<dir2>before|after)\b(?={SP}(?:[.,;:!?)\]\"”—–]|\Z|[\r\n])"
    rf"|{S}(?:and|but|in|at|on|when|while|as|to|with)\b))"
)
