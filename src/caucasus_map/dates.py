"""Date expressions in article text: find them and normalise them against the publication day.

Each expression is found by a precompiled regular expression and resolved to an inclusive span of
days with a precision (day, month, year, interval, approximate); a short pass then joins
neighbours ("since" + date, "from A to B", "between A and B") and drops what the rules exclude.
No dateparser: it is slow and reads "may", "to" and bare numbers as dates (see DESIGN.md).

The rules in brief. Year-less forms ("August 31", "in December", "Monday") mean the most recent
such day or month on or before publication, publication day included; "since X" runs from the
start of X to publication. A surface is the minimal phrase ("on August 31" -> "August 31", "in
2020" -> "2020"). Month and weekday names count only capitalised, and "May" only with a day or a
year next to it. Not dates: durations ("for 8 months", "44 days"), counts ("2000 troops",
"29,800 square"), a year inside a name ("Mustafa Kemal Ataturk 2023"), vague spans ("earlier
this year", "over the last year", "recently").

Speed: trying ~30 patterns at every word of an 8 KB article costs milliseconds, so the scan
first looks for cheap anchors (digits, month names, "day", "year", ...), and only the words near
an anchor are tried, each against the few patterns that can start with that word.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any, Literal

Precision = Literal["day", "month", "year", "interval", "approximate"]

_PRECISIONS = frozenset({"day", "month", "year", "interval", "approximate"})


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: where it is in the text and the span of days it stands for."""

    surface: str  # exactly text[start:end]
    start: int  # Python str index into the text passed in
    end: int
    date_start: date  # inclusive
    date_end: date  # inclusive
    precision: Precision


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    lo: date
    hi: date
    precision: Precision
    kind: str  # the pattern that produced it, or "since"/"range" once joined
    needs_pub: bool


# ---------------------------------------------------------------------------------------------
# Vocabulary

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"
)  # fmt: skip
_ABBRS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
# The first three letters identify every month name and abbreviation ("Sept" -> "Sep").
_MONTH_BY_PREFIX = {name[:3]: i for i, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH_ABBR = {i: name[:3] for i, name in enumerate(_MONTH_NAMES, start=1)}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS = {name: i for i, name in enumerate(_WEEKDAY_NAMES)}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# Words after which a bare month name reads as a date ("since October", "in September") even
# when a capitalised word follows, and without which "March" is too likely the verb.
_MONTH_CONTEXT = frozenset({
    "in", "since", "until", "till", "by", "of", "from", "to", "through", "and", "or", "early",
    "mid", "late", "last", "next", "this", "during", "before", "after", "between", "end",
    "beginning", "start", "middle", "throughout"
})  # fmt: skip
# Capitalised words that may stand right before a year without making it part of a name.
_YEAR_CONTEXT = frozenset({
    "in", "since", "by", "from", "until", "till", "to", "of", "and", "or", "between", "during",
    "before", "after", "through", "throughout", "the", "for", "as", "at", "around", "circa"
})  # fmt: skip
# "some 2000", "nearly 2000", "No. 2000": a quantity or a number, not a year.
_QUANTIFIERS = frozenset({
    "some", "about", "nearly", "almost", "approximately", "roughly", "than", "least", "total",
    "estimated", "no", "number"
})  # fmt: skip


def _cap(word: str) -> str:
    """Match ``word`` in lower case or with a capital first letter (sentence start)."""
    return f"[{word[0].upper()}{word[0]}]{word[1:]}"


def _caps(*words: str) -> str:
    return "|".join(_cap(w) for w in words)


# ---------------------------------------------------------------------------------------------
# Patterns. A date phrase never spans a line break, so separators are horizontal whitespace only
# (headlines and site chrome sit on lines of their own).

_S = r"[^\S\r\n]+"
_SP = r"[^\S\r\n]*"
_FULL = "|".join(_MONTH_NAMES)
# Month names only count capitalised; "Mayor", "Marching", "Decree" fail on \b. Only an
# abbreviation may carry a dot ("Sept. 19"), so "in January. 2021 was" stays apart.
_MON = rf"(?:(?:{_FULL})\b|(?:{'|'.join(_ABBRS)})(?:\.|\b))"
_MON_FULL = rf"(?:{_FULL})\b"
_MON_BARE = rf"(?:{_FULL.replace('|May', '')})\b"  # "May" alone is the modal verb
_EARLY_MID_LATE = _caps("early", "mid", "late")
_YEAR_CORE = r"(?:19|20)[0-9]{2}"
_DECADE_CORE = r"(?:19|20)[0-9]0"
_UNITS = (
    "km|kms|kilomet(?:er|re)s?|square|sq|m|mm|cm|metres|meters|miles?|hectares?|ha|kg|tons?|"
    "tonnes?|people|persons?|troops|soldiers|servicemen|fighters|men|women|children|refugees|"
    "families|households|houses|homes|residents|villages|vehicles|trucks|cars|units|prisoners|"
    "casualties|dead|killed|wounded|dollars|euros|manats?|rubles?|roubles?|drams?|USD|EUR|AZN|"
    "AMD|RUB|percent|per cent|times|votes|seats|hours?|days?|weeks?|months?|years?|decades?"
)
# A year is not glued to a decimal or thousands separator, "+" or "%", and is not the count in
# "2000 troops" or "a 2000-strong force". (What comes before it is checked in Python.)
_YEAR_TAIL = (
    r"\b(?![,.][0-9]|\+|%|-(?:year|strong|man|member|seat|page|km)"
    rf"|{_S}(?:{_UNITS})\b)"
)


def _day(name: str) -> str:
    """A day number (checked to be 1-31 later), not a piece of "3,000", "14:59" or "1.5"."""
    return rf"(?P<{name}>[0-9][0-9]?)(?![0-9]|[.,:][0-9])(?:st|nd|rd|th)?\b"


def _year(name: str) -> str:
    return rf"(?P<{name}>{_YEAR_CORE}){_YEAR_TAIL}"


_PERIOD = (  # what "the end of" / "the beginning of" may apply to
    rf"(?:{_year('y')}|(?P<m>{_MON_FULL})(?:,?{_S}{_year('my')})?"
    rf"|(?:the{_S})?(?P<rel>last|this|next|the){_S}(?P<unit>year|month)\b)"
)

_DIGIT = "0-9"  # first-word key of the patterns that start with a number
_MONTH_WORDS = tuple(w.lower() for w in (*_MONTH_NAMES, *_ABBRS))
_LAST_NEXT_THIS = ("last", "next", "this")

# (kind, the words it can start with (lower case), pattern). The named groups are read by
# _resolve. At one position the first kind that matches wins, so longer forms come before
# their prefixes ("13 January 2021" before "13 January").
_KINDS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    # -- starting with a number
    (
        "dmy_range",
        (_DIGIT,),
        rf"{_day('a')}{_SP}[–—-]{_SP}{_day('b')}{_S}(?P<m>{_MON})(?:,?{_S}{_year('y')})?",
    ),
    ("dmy", (_DIGIT,), rf"{_day('d')}{_S}(?:of{_S})?(?P<m>{_MON}),?{_S}{_year('y')}"),
    (
        "numdmy",
        (_DIGIT,),
        rf"(?P<a>[0-9][0-9]?)(?P<sep>[./-])(?P<b>[0-9][0-9]?)(?P=sep)(?P<y>{_YEAR_CORE})"
        r"(?![0-9]|[./-][0-9])",
    ),
    ("dm", (_DIGIT,), rf"{_day('d')}{_S}(?:of{_S})?(?P<m>{_MON})"),
    (
        "iso",
        (_DIGIT,),
        rf"(?P<y>{_YEAR_CORE})(?P<sep>[-/.])(?P<m>0[1-9]|1[0-2])(?P=sep)"
        r"(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])",
    ),
    (
        "year_range",
        (_DIGIT,),
        rf"(?P<a>{_YEAR_CORE})(?:[–/-]|{_S}–{_S})(?P<b>{_YEAR_CORE}|[0-9]{{2}})\b(?![,./-][0-9])",
    ),
    ("decade", (_DIGIT,), rf"(?P<y>{_DECADE_CORE})s\b"),
    ("year", (_DIGIT,), _year("y")),
    (
        "ago",
        (_DIGIT, *_NUMBER_WORDS),
        rf"(?P<n>[0-9][0-9]?|{_caps(*_NUMBER_WORDS)}){_S}"
        rf"(?P<u>days?|years?){_S}ago\b",
    ),
    # -- starting with a month name
    (
        "mdr",
        _MONTH_WORDS,
        rf"(?P<m>{_MON}){_S}{_day('a')}{_SP}[–—-]{_SP}{_day('b')}(?:,?{_S}{_year('y')})?",
    ),
    ("mdy", _MONTH_WORDS, rf"(?P<m>{_MON}){_S}{_day('d')}(?:,{_SP}|{_S}){_year('y')}"),
    ("month_year", _MONTH_WORDS, rf"(?P<m>{_MON}),?{_S}(?:of{_S})?{_year('y')}"),
    (
        "month_rel_year",
        _MONTH_WORDS,
        rf"(?P<m>{_MON_FULL}){_S}(?:of{_S})?(?P<rel>last|this|next){_S}year\b",
    ),
    ("md", _MONTH_WORDS, rf"(?P<m>{_MON}){_S}{_day('d')}"),
    # A bare month is never followed by a number: that was a form above, or not a date at all
    # ("August 2000 troops").
    ("month", _MONTH_WORDS, rf"(?P<m>{_MON_BARE})(?!{_SP}[0-9])"),
    # -- starting with a word
    ("decade", ("the",), rf"[Tt]he{_S}(?P<y>{_DECADE_CORE})s\b"),
    (
        "part_of",
        ("the", "end", "beginning", "start", "middle"),
        rf"(?:[Tt]he{_S}(?P<part>end|beginning|start|middle)"
        rf"|(?P<part2>{_caps('end', 'beginning', 'start', 'middle')})){_S}of{_S}{_PERIOD}",
    ),
    (
        "half",
        ("the", "first", "second", "third", "fourth", "last"),
        rf"(?:[Tt]he{_S})?(?P<ord>{_caps('first', 'second', 'third', 'fourth', 'last')})"
        rf"{_S}(?P<unit>half|quarter){_S}of{_S}{_year('y')}",
    ),
    ("qh", ("q1", "q2", "q3", "q4", "h1", "h2"), rf"(?P<u>[QH])(?P<n>[1-4]){_S}{_year('y')}"),
    (
        "season",
        ("the", "spring", "summer", "autumn", "fall", "winter"),
        rf"(?:[Tt]he{_S}(?P<s>spring|summer|autumn|fall|winter){_S}of{_S}"
        rf"|(?P<s2>{_caps('spring', 'summer', 'autumn', 'fall', 'winter')})(?:{_S}of{_S}|{_S}))"
        rf"{_year('y')}",
    ),
    (
        "decade_mod",
        ("early", "mid", "late"),
        rf"(?P<mod>{_EARLY_MID_LATE})(?:-|{_S})(?P<y>{_DECADE_CORE})s\b",
    ),
    (
        "mod_month",
        ("early", "mid", "late"),
        rf"(?P<mod>{_EARLY_MID_LATE})(?:-|{_S})(?P<m>{_MON_FULL})(?:,?{_S}{_year('y')})?"
        rf"(?!{_SP}[0-9])",
    ),
    ("mod_year", ("early", "mid", "late"), rf"(?P<mod>{_EARLY_MID_LATE})(?:-|{_S}){_year('y')}"),
    (
        "relday",
        ("yesterday", "tomorrow", "tonight", "today", "the", "last", "this"),
        rf"(?P<rd>{_caps('yesterday', 'tomorrow', 'tonight')}"
        rf"|{_cap('today')}(?![’']s\b)"  # "today's Armenia" is the present, not a day
        rf"|{_cap('the')}{_S}day{_S}(?:before{_S}yesterday|after{_S}tomorrow)"
        rf"|{_cap('last')}{_S}night|{_cap('this')}{_S}(?:morning|afternoon|evening))\b",
    ),
    (
        "rel_monthname",
        _LAST_NEXT_THIS,
        rf"(?P<rel>{_caps(*_LAST_NEXT_THIS)}){_S}(?P<m>{_MON_FULL})(?!{_SP}[0-9])",
    ),
    (
        "weekday",
        (*(w.lower() for w in _WEEKDAY_NAMES), "last", "next"),
        rf"(?:(?P<rel>{_caps('last', 'next')}){_S})?(?P<wd>{'|'.join(_WEEKDAY_NAMES)})\b",
    ),
    (
        "relperiod",
        _LAST_NEXT_THIS,
        rf"(?P<rel>{_caps(*_LAST_NEXT_THIS)}){_S}(?P<unit>week|month|year)\b",
    ),
)


def _compile_alternatives(indices: list[int]) -> re.Pattern[str]:
    """One pattern trying the given kinds in order. Kind i's groups are renamed "_i_<name>", and
    an empty group "_i_k" at the end of its branch, the last group to close, tells which kind
    matched."""
    return re.compile(
        "|".join(
            f"(?:{_KINDS[i][2]})(?P<k>)".replace("(?P<", f"(?P<_{i}_").replace("(?P=", f"(?P=_{i}_")
            for i in indices
        )
    )


def _build_dispatch() -> dict[str, re.Pattern[str]]:
    by_word: dict[str, list[int]] = {}
    for i, (_, firsts, _) in enumerate(_KINDS):
        for word in firsts:
            by_word.setdefault(word, []).append(i)
    compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
    return {
        word: compiled.setdefault(tuple(idx), _compile_alternatives(idx))
        for word, idx in by_word.items()
    }


# First word (lower case, or "0-9" for a number) -> the pattern of every kind starting with it.
_DISPATCH = _build_dispatch()
_DIGIT_RX = _DISPATCH[_DIGIT]

# Every expression contains one of these anchors: a digit run, a month name (its first three
# letters), or one of _WORD_ANCHORS ("day" is in the weekdays, "yesterday", "today" and "days
# ago"). Finding them is cheap: a pattern whose branches all start with a literal lets the regex
# engine skip ahead with a character-set test, and str.find is cheaper still.
_ANCHOR_RE = re.compile("|".join([f"{d}[0-9]*" for d in "0123456789"] + list(_MONTH_BY_PREFIX)))
_WORD_ANCHORS = (
    *("day", "year", "month", "week"),
    *("omorrow", "night", "morning", "afternoon", "evening"),  # tomorrow, tonight, last night ...
)
# How far an expression may start before its first anchor ("the beginning of the last year")
# and end after its last one, including the lookahead guards ("2000 kilometres").
_BACK, _AHEAD = 32, 24
_WORD_RE = re.compile(r"\b\w+")

# Context checks, run only on matches.
_GLUED_BEFORE = re.compile(r"[0-9+][.,:/]\Z|\+\Z")  # "1.5 May", "3,2020", "+2020"
_VAGUE_BEFORE = re.compile(rf"\b(?:{_caps('the', 'earlier', 'later')}){_S}\Z")
_SINCE_BEFORE = re.compile(rf"\b{_cap('since')}{_S}\Z")
_FROM_BEFORE = re.compile(rf"\b(?P<w>{_caps('from', 'between')}){_S}\Z")
_TO_GAP = re.compile(rf"{_S}(?P<w>to|until|till|through|and){_S}|{_SP}[–-]{_SP}")
_WEEKDAY_GAP = re.compile(rf",?{_S}|{_SP},{_SP}")
_PREV_WORD = re.compile(rf"(?<![\w’'])([^\W\d_][\w’'-]*)(\.?){_S}\Z")
_LEAD_OK = re.compile(rf"(?:(?:{_caps('on', 'in', 'at', 'during', 'of', 'by')}){_S})?")
_TAIL_OK = re.compile(r"[.,;:!?]?")


# ---------------------------------------------------------------------------------------------
# Calendar helpers


def _month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, monthrange(y, m)[1])


def _year_span(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def _month_num(name: str) -> int:
    return _MONTH_BY_PREFIX[name[:3]]


def _recent_month_year(m: int, pub: date) -> int:
    """Year of the most recent month ``m`` on or before the publication month."""
    return pub.year if m <= pub.month else pub.year - 1


def _year_later(hit: _Hit) -> _Hit | None:
    try:
        lo, hi = hit.lo.replace(year=hit.lo.year + 1), hit.hi.replace(year=hit.hi.year + 1)
    except ValueError:  # 29 February
        return None
    return _Hit(hit.start, hit.end, lo, hi, hit.precision, hit.kind, hit.needs_pub)


def _recent_day(m: int, d: int, pub: date) -> date | None:
    """The most recent ``m``/``d`` on or before ``pub`` (Feb 29 may sit up to 8 years back)."""
    for y in range(pub.year, pub.year - 9, -1):
        try:
            candidate = date(y, m, d)
        except ValueError:
            continue
        if candidate <= pub:
            return candidate
    return None


def _add_months(y: int, m: int, delta: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + delta
    return total // 12, total % 12 + 1


def _day_of(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _year_parts(part: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """(month, day) bounds of the early/mid/late part of a year: thirds, and quarters for the
    beginning and end ("the end of 2023" is October to December)."""
    return {
        "early": ((1, 1), (4, 30)),
        "mid": ((4, 1), (9, 30)),
        "middle": ((4, 1), (9, 30)),
        "late": ((9, 1), (12, 31)),
        "beginning": ((1, 1), (3, 31)),
        "start": ((1, 1), (3, 31)),
        "end": ((10, 1), (12, 31)),
    }[part]


def _month_part(y: int, m: int, part: str) -> tuple[date, date]:
    last = monthrange(y, m)[1]
    if part in ("early", "beginning", "start"):
        return date(y, m, 1), date(y, m, 10)
    if part in ("mid", "middle"):
        return date(y, m, 11), date(y, m, 20)
    return date(y, m, 21), date(y, m, last)


def _season(season: str, y: int) -> tuple[date, date]:
    """Meteorological seasons; "winter 2022" is December 2021 to February 2022."""
    if season == "winter":
        return date(y - 1, 12, 1), date(y, 2, monthrange(y, 2)[1])
    first = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}[season]
    return date(y, first, 1), _month_span(y, first + 2)[1]


# ---------------------------------------------------------------------------------------------
# Guards that need a look at the words around a match


def _prev_word(text: str, lo: int, pos: int) -> tuple[str, bool, bool] | None:
    """The word right before ``pos`` (same line): (word, followed by a dot, sentence-initial)."""
    m = _PREV_WORD.search(text, max(lo, pos - 40), pos)
    if m is None:
        return None
    before = text[max(lo, m.start() - 3) : m.start()].rstrip(" \t\u00a0")
    initial = not before or before[-1] in ".!?:;\"“”‘'(«»|\n\r—–"
    return m.group(1), bool(m.group(2)), initial


def _year_is_date(text: str, lo: int, start: int) -> bool:
    """Reject a bare year that is a count ("some 2000") or part of a name ("Ataturk 2023")."""
    if start > lo and text[start - 1] in "$€£₼₽#№":
        return False
    prev = _prev_word(text, lo, start)
    if prev is None:
        return True
    word, dotted, initial = prev
    lower = word.lower()
    if lower in _QUANTIFIERS:
        return False
    # A capitalised word inside a sentence right before the year makes it a name: an exercise,
    # a festival, a programme ("Mustafa Kemal Ataturk 2023", "Euro 2024"), not a date.
    return (
        dotted
        or initial
        or not word[0].isupper()
        or lower.endswith(("'s", "’s"))
        or lower in _YEAR_CONTEXT
    )


def _bare_month_ok(text: str, lo: int, start: int, end: int, m: int) -> bool:
    """A bare month name is a date after a date word ("since October"), or when no capitalised
    word follows ("the October Revolution" is a name); "March" always needs the date word."""
    prev = _prev_word(text, lo, start)
    if prev is not None and not prev[1] and prev[0].lower() in _MONTH_CONTEXT:
        return True
    if m == 3:
        return False
    nxt = text[end : end + 2]
    return not (len(nxt) == 2 and nxt[0] in " \t\u00a0" and nxt[1].isupper())


# ---------------------------------------------------------------------------------------------
# Resolving one atom


class _Parts:
    """The named groups of one kind inside a dispatch match, by their unprefixed names."""

    __slots__ = ("index", "_match", "_prefix")

    def __init__(self, match: re.Match[str]) -> None:
        marker = match.lastgroup or ""  # "_<index>_k"
        self.index = int(marker[1 : marker.index("_", 1)])
        self._match = match
        self._prefix = marker[:-1]

    def group(self, name: str) -> Any:  # str, or None when the group took no part
        return self._match.group(self._prefix + name)

    def span(self) -> tuple[int, int]:
        return self._match.span()


def _resolve(kind: str, p: _Parts, pub: date | None, text: str, lo: int) -> _Hit | None:
    """The span of days one matched atom stands for; None when it cannot be resolved (a
    relative form without a publication day) or the rules say it is not a date."""
    g = p.group
    s, e = p.span()
    if "0" <= text[s] <= "9" and _GLUED_BEFORE.search(text, max(0, s - 2), s):
        return None  # a piece of a larger number
    if kind in ("dmy", "mdy"):
        d = date(int(g("y")), _month_num(g("m")), _day_of(g("d")))
        return _Hit(s, e, d, d, "day", kind, False)
    if kind == "iso":
        d = date(int(g("y")), int(g("m")), int(g("d")))
        return _Hit(s, e, d, d, "day", kind, False)
    if kind == "numdmy":
        a, b, y = int(g("a")), int(g("b")), int(g("y"))
        # Day first ("19.09.2023"); a slash date is read month first only when it cannot be
        # day first ("09/19/2023").
        if g("sep") == "/" and b > 12 >= a:
            a, b = b, a
        d = date(y, b, a)
        return _Hit(s, e, d, d, "day", kind, False)
    if kind in ("dm", "md"):
        if pub is None:
            return None
        found = _recent_day(_month_num(g("m")), _day_of(g("d")), pub)
        return None if found is None else _Hit(s, e, found, found, "day", kind, True)
    if kind in ("dmy_range", "mdr"):
        a, b, mon = _day_of(g("a")), _day_of(g("b")), _month_num(g("m"))
        if g("y"):
            y = int(g("y"))
        elif pub is None:
            return None
        else:
            y = _recent_month_year(mon, pub)
        if a >= b:
            return None
        return _Hit(s, e, date(y, mon, a), date(y, mon, b), "interval", kind, g("y") is None)
    if kind == "month_year":
        return _Hit(s, e, *_month_span(int(g("y")), _month_num(g("m"))), "month", kind, False)
    if kind == "month":
        mon = _month_num(g("m"))
        if pub is None or not _bare_month_ok(text, lo, s, e, mon):
            return None
        return _Hit(s, e, *_month_span(_recent_month_year(mon, pub), mon), "month", kind, True)
    if kind == "year":
        if not _year_is_date(text, lo, s):
            return None
        return _Hit(s, e, *_year_span(int(g("y"))), "year", kind, False)
    if kind == "year_range":
        a, b_text = int(g("a")), g("b")
        b = int(b_text) if len(b_text) == 4 else a // 100 * 100 + int(b_text)
        if b <= a:
            # "2023-09", "2023/05": not a range; keep the year alone when it stands as one.
            ye = s + 4
            if text[ye : ye + 1] == "/" or not _year_is_date(text, lo, s):
                return None
            return _Hit(s, ye, *_year_span(a), "year", "year", False)
        return _Hit(s, e, date(a, 1, 1), date(b, 12, 31), "interval", kind, False)
    if kind == "decade":
        y = int(g("y"))
        return _Hit(s, e, date(y, 1, 1), date(y + 9, 12, 31), "interval", kind, False)
    if kind == "decade_mod":
        y = int(g("y"))
        first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[g("mod").lower()]
        return _Hit(s, e, date(y + first, 1, 1), date(y + last, 12, 31), "approximate", kind, False)
    if kind == "mod_year":
        y = int(g("y"))
        (m1, d1), (m2, d2) = _year_parts(g("mod").lower())
        return _Hit(s, e, date(y, m1, d1), date(y, m2, d2), "approximate", kind, False)
    if kind == "mod_month":
        mon = _month_num(g("m"))
        if g("y"):
            y = int(g("y"))
        elif pub is None or mon == 5:
            return None  # "late May": May counts only next to a day or a year
        else:
            y = _recent_month_year(mon, pub)
        lo_d, hi_d = _month_part(y, mon, g("mod").lower())
        return _Hit(s, e, lo_d, hi_d, "approximate", kind, g("y") is None)
    if kind == "part_of":
        return _resolve_part_of(p, pub)
    if kind == "half":
        order, unit = g("ord").lower(), g("unit")
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(order)
        n = n or (4 if unit == "quarter" else 2)  # "last"
        return _part_interval(s, e, int(g("y")), unit == "half", n, kind)
    if kind == "qh":
        return _part_interval(s, e, int(g("y")), g("u") == "H", int(g("n")), kind)
    if kind == "season":
        span = _season((g("s") or g("s2")).lower(), int(g("y")))
        return _Hit(s, e, *span, "approximate", kind, False)
    if pub is None:
        return None  # everything below is relative to the publication day
    return _resolve_relative(kind, p, pub, text)


def _resolve_relative(kind: str, p: _Parts, pub: date, text: str) -> _Hit | None:
    g = p.group
    s, e = p.span()
    if kind == "month_rel_year":
        y = pub.year + {"last": -1, "this": 0, "next": 1}[g("rel")]
        return _Hit(s, e, *_month_span(y, _month_num(g("m"))), "month", kind, True)
    if kind == "rel_monthname":
        mon, rel = _month_num(g("m")), g("rel").lower()
        if mon == 5:
            return None  # "last May": May counts only next to a day or a year
        if rel == "last":
            y = pub.year if mon < pub.month else pub.year - 1
        elif rel == "next":
            y = pub.year if mon > pub.month else pub.year + 1
        else:
            y = pub.year
        return _Hit(s, e, *_month_span(y, mon), "month", kind, True)
    if kind == "relday":
        words = g("rd").lower().split()
        if words[-1] == "yesterday":
            offset = -2 if words[0] == "the" else -1
        elif words[-1] == "tomorrow":
            offset = 2 if words[0] == "the" else 1
        elif words[0] == "last":
            offset = -1  # "last night"
        else:
            offset = 0  # today, tonight, this morning
        d = pub + timedelta(days=offset)
        return _Hit(s, e, d, d, "day", kind, True)
    if kind == "weekday":
        wd = _WEEKDAYS[g("wd")]
        rel = (g("rel") or "").lower()
        if rel == "next":
            d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
        else:
            # "Monday" is the most recent Monday on or before publication, publication day
            # included; "last Monday" is strictly before it.
            back = (pub.weekday() - wd) % 7
            d = pub - timedelta(days=back or (7 if rel == "last" else 0))
        return _Hit(s, e, d, d, "day", kind if not rel else "weekday_rel", True)
    if kind == "relperiod":
        if _VAGUE_BEFORE.search(text, max(0, s - 9), s):
            return None  # "over the last year", "earlier this year": vague spans
        delta = {"last": -1, "this": 0, "next": 1}[g("rel").lower()]
        unit = g("unit")
        if unit == "year":
            return _Hit(s, e, *_year_span(pub.year + delta), "year", kind, True)
        if unit == "month":
            y, mon = _add_months(pub.year, pub.month, delta)
            return _Hit(s, e, *_month_span(y, mon), "month", kind, True)
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=delta)
        return _Hit(s, e, monday, monday + timedelta(days=6), "interval", kind, True)
    if kind == "ago":
        n_text = g("n").lower()
        n = int(n_text) if n_text.isdigit() else _NUMBER_WORDS[n_text]
        if g("u").startswith("day"):
            d = pub - timedelta(days=n)
            return _Hit(s, e, d, d, "day", kind, True)
        return _Hit(s, e, *_year_span(pub.year - n), "year", kind, True)
    return None


def _part_interval(s: int, e: int, y: int, half: bool, n: int, kind: str) -> _Hit | None:
    """A half or quarter of a year: an exact span, so an interval rather than approximate."""
    size = 6 if half else 3
    if not 1 <= n <= 12 // size:
        return None
    first = (n - 1) * size + 1
    return _Hit(
        s, e, date(y, first, 1), _month_span(y, first + size - 1)[1], "interval", kind, False
    )


def _resolve_part_of(p: _Parts, pub: date | None) -> _Hit | None:
    """ "the end of 2023", "the beginning of September", "the end of the last year"."""
    g = p.group
    s, e = p.span()
    part = (g("part") or g("part2")).lower()
    if g("y"):
        y = int(g("y"))
        (m1, d1), (m2, d2) = _year_parts(part)
        return _Hit(s, e, date(y, m1, d1), date(y, m2, d2), "approximate", "part_of", False)
    if g("m"):
        mon = _month_num(g("m"))
        if g("my"):
            y = int(g("my"))
        elif pub is None or mon == 5:
            return None  # "the end of May": May counts only next to a day or a year
        else:
            y = _recent_month_year(mon, pub)
        return _Hit(s, e, *_month_part(y, mon, part), "approximate", "part_of", g("my") is None)
    if pub is None:
        return None
    delta = {"last": -1, "this": 0, "the": 0, "next": 1}[g("rel")]
    if g("unit") == "year":
        (m1, d1), (m2, d2) = _year_parts(part)
        y = pub.year + delta
        return _Hit(s, e, date(y, m1, d1), date(y, m2, d2), "approximate", "part_of", True)
    y, mon = _add_months(pub.year, pub.month, delta)
    return _Hit(s, e, *_month_part(y, mon, part), "approximate", "part_of", True)


# ---------------------------------------------------------------------------------------------
# Scanning and joining


# ---------------------------------------------------------------------------------------------
# Scanning


def _regions(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Disjoint stretches of text[lo:hi] that may hold a date expression."""
    spans = [m.span() for m in _ANCHOR_RE.finditer(text, lo, hi)]
    find = text.find
    for word in _WORD_ANCHORS:
        i = find(word, lo, hi)
        while i >= 0:
            spans.append((i, i + len(word)))
            i = find(word, i + 1, hi)
    spans.sort()
    regions: list[tuple[int, int]] = []
    for s, e in spans:
        rs, re_ = max(lo, s - _BACK), min(hi, e + _AHEAD)
        if regions and rs <= regions[-1][1]:
            if re_ > regions[-1][1]:
                regions[-1] = (regions[-1][0], re_)
        else:
            regions.append((rs, re_))
    return regions


def _resolve_at(
    rx: re.Pattern[str], text: str, pos: int, endpos: int, pub: date | None, lo: int
) -> _Hit | None:
    """Match ``rx`` at ``pos`` and resolve what it found."""
    m = rx.match(text, pos, endpos)
    if m is None:
        return None
    parts = _Parts(m)
    try:
        return _resolve(_KINDS[parts.index][0], parts, pub, text, lo)
    except (ValueError, OverflowError):
        return None  # "31 February", or a publication day at the edge of the calendar


def _atoms(text: str, pub: date | None, lo: int, hi: int) -> list[_Hit]:
    """Every expression in text[lo:hi], leftmost first, none overlapping."""
    hits: list[_Hit] = []
    pos = lo
    get = _DISPATCH.get
    for region_start, region_end in _regions(text, lo, hi):
        # Near an anchor, each word is tried against the kinds that can start with it.
        for w in _WORD_RE.finditer(text, max(region_start, pos), region_end):
            start = w.start()
            if start < pos:
                continue  # inside the expression just found
            word = w.group()
            rx = _DIGIT_RX if "0" <= word[0] <= "9" else get(word.lower())
            if rx is None:
                continue
            hit = _resolve_at(rx, text, start, region_end, pub, lo)
            if hit is not None:
                hits.append(hit)
                pos = hit.end
    return hits


@cache
def _everything_rx() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _compile_alternatives(list(range(len(_KINDS)))).pattern + ")")


def _atoms_full_scan(text: str, pub: date | None, lo: int, hi: int) -> list[_Hit]:
    """Reference for _atoms: every pattern tried at every position (slow); tests compare them."""
    hits: list[_Hit] = []
    pos = lo
    rx = _everything_rx()
    while (m := rx.search(text, pos, hi)) is not None:
        hit = _resolve_at(rx, text, m.start(), hi, pub, lo)
        if hit is None:
            pos = m.start() + 1  # a shorter expression may still start inside the rejected one
        else:
            hits.append(hit)
            pos = hit.end
    return hits


_CALENDAR_DAY_KINDS = frozenset({"dmy", "mdy", "iso", "numdmy", "dm", "md"})


def _join(text: str, hits: list[_Hit], pub: date | None, lo: int) -> list[_Hit]:
    """Apply the rules that look at neighbours: weekday before a date, ranges, "since"."""
    # "Wednesday 13 January 2021": the weekday only restates the date that follows or precedes.
    kept: list[_Hit] = []
    for i, h in enumerate(hits):
        if h.kind == "weekday":
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            prv = kept[-1] if kept else None
            if (
                nxt is not None
                and nxt.kind in _CALENDAR_DAY_KINDS
                and _WEEKDAY_GAP.fullmatch(text, h.end, nxt.start)
            ) or (
                prv is not None
                and prv.kind in _CALENDAR_DAY_KINDS
                and _WEEKDAY_GAP.fullmatch(text, prv.end, h.start)
            ):
                continue
        kept.append(h)

    # "from 2020 to 2023", "between 1988 and 1989", "September 2022 – May 2023".
    joined: list[_Hit] = []
    i = 0
    while i < len(kept):
        h = kept[i]
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is not None:
            gap = _TO_GAP.fullmatch(text, h.end, nxt.start)
            intro = _FROM_BEFORE.search(text, max(lo, h.start - 12), h.start)
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
                joined.append(
                    _Hit(
                        start,
                        nxt.end,
                        h.lo,
                        nxt.hi,
                        "interval",
                        "range",
                        h.needs_pub or nxt.needs_pub,
                    )
                )
                i += 2
                continue
        joined.append(h)
        i += 1

    # "since April", "since December last year": from the start of the span to publication.
    out: list[_Hit] = []
    for h in joined:
        since = _SINCE_BEFORE.search(text, max(lo, h.start - 10), h.start)
        if since is not None and h.kind != "range":
            if pub is None or h.lo > pub:
                continue  # needs the publication day, or points past it
            out.append(_Hit(since.start(), h.end, h.lo, pub, "interval", "since", True))
        else:
            out.append(h)
    return out


def _scan(text: str, published: date | None, start: int, end: int | None) -> list[_Hit]:
    lo, hi, _ = slice(start, end).indices(len(text))
    if lo >= hi:
        return []
    return _join(text, _atoms(text, published, lo, hi), published, lo)


# ---------------------------------------------------------------------------------------------
# Public API


def find_dates(
    text: str, published: date | None, *, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Every date expression in text[start:end], normalised against `published`; offsets
    index `text`. With published=None, expressions that need it (relative ones, year-less
    month-days) are skipped."""
    return [
        DateMention(text[h.start : h.end], h.start, h.end, h.lo, h.hi, h.precision)
        for h in _scan(text, published, start, end)
    ]


def resolve_relative_date(expression: str, published: date) -> tuple[date, date, Precision] | None:
    """Normalise one relative expression ("yesterday", "Monday", "last month", "last year",
    "since December last year", "since April", ...) against the publication day; None when not
    relative."""
    text = expression.strip()
    hits = _scan(text, published, 0, None)
    if len(hits) != 1 or not hits[0].needs_pub:
        return None
    h = hits[0]
    # The caller may pass the preposition the surface leaves out ("on Monday", "in December").
    if not (_LEAD_OK.fullmatch(text, 0, h.start) and _TAIL_OK.fullmatch(text, h.end)):
        return None
    return h.lo, h.hi, h.precision


def _granularity(d: date, *, as_end: bool) -> int:
    """0 = year, 1 = month, 2 = day: the coarsest form that still names ``d`` exactly as a bound."""
    if as_end:
        last = monthrange(d.year, d.month)[1]
        return 0 if (d.month, d.day) == (12, 31) else 1 if d.day == last else 2
    return 0 if (d.month, d.day) == (1, 1) else 1 if d.day == 1 else 2


def _label(d: date, gran: int) -> str:
    if gran == 0:
        return str(d.year)
    if gran == 1:
        return f"{_MONTH_ABBR[d.month]} {d.year}"
    return f"{d.day} {_MONTH_ABBR[d.month]} {d.year}"


def format_date_range(date_start: date, date_end: date, precision: Precision) -> str:
    """Human label for the page: day → "16 Aug 2023", month → "Aug 2023", year → "2023",
    interval → "Dec 2022 – 17 Aug 2023" (the coarsest faithful form of each end),
    approximate → "c. 1990–1993"."""
    if precision not in _PRECISIONS:
        raise ValueError(f"unknown precision {precision!r}: use one of {sorted(_PRECISIONS)}")
    if date_start > date_end:
        raise ValueError(f"date_start {date_start} is after date_end {date_end}")
    if precision in ("day", "month", "year"):
        return _label(date_start, {"year": 0, "month": 1, "day": 2}[precision])
    gs = _granularity(date_start, as_end=False)
    # The end is never shown coarser than the start: "Oct–Dec 2023", not "Oct 2023 – 2023".
    ge = max(_granularity(date_end, as_end=True), gs)
    # Nor the start coarser than the end within one year or month: "Jan–Jun 2023", "1–17 Aug 2023".
    if date_start.year == date_end.year and gs == 0 < ge:
        gs = 1
    if (date_start.year, date_start.month) == (date_end.year, date_end.month) and gs == 1 < ge:
        gs = 2
    a, b = _label(date_start, gs), _label(date_end, ge)
    prefix = "c. " if precision == "approximate" else ""
    if a == b:
        return prefix + a
    if gs == ge == 0:
        return f"{prefix}{a}–{b}"
    if gs == ge == 1 and date_start.year == date_end.year:
        return f"{prefix}{_MONTH_ABBR[date_start.month]}–{b}"
    if gs == ge == 2 and (date_start.year, date_start.month) == (date_end.year, date_end.month):
        return f"{prefix}{date_start.day}–{b}"
    return f"{prefix}{a} – {b}"
