"""Date expressions in article text: find them and normalise them against the publication day.

Each expression is found by a precompiled regular expression and resolved to an inclusive span of
days with a precision (day, month, year, interval, approximate) and a basis (stated: it carries
its own year; resolved: it needed the publication day or an earlier date of the text); a short
pass then joins neighbours ("since" + date, "from A to B", "between A and B") and resolves
anaphoric dates ("the next day", "two weeks later") against the last date before them in the
paragraph. No dateparser: it is slow and reads "may", "to" and bare numbers as dates.

The rules in brief. Year-less forms ("March 14", "in June", "Tuesday", "on the 19th") mean
the most recent such day or month on or before publication, publication day included; "since X"
runs from the start of X to publication. A surface is the minimal phrase ("on March 14" ->
"March 14", "in 2019" -> "2019"). Month and weekday names count only capitalised; "May" and
"March" alone only after a preposition or a modifier ("In May,", "since May", "mid-May", "last
May"), so the verbs never are. Parts of a month and a year are approximate: early = days 1–10 /
January–April, mid = 11–20 / May–August, late = 21–end / September–December. Not dates:
durations ("for six weeks", "a 10-day trip"), counts ("2000 troops", "1,500 km"), a year inside a
name ("Anakonda 2023", "Euro 2024"), vague spans ("earlier this year", "over the past year",
"over the next month", "recently"), numbers like "1.5", "3.2 million", "version 2.10.23".

The package: ``vocabulary`` (word lists), ``patterns`` (regular expressions), ``resolvers`` (one
function per kind), ``table`` (kind -> first words, pattern, resolver), ``spans`` (calendar
arithmetic), ``guards`` (checks on the surrounding words), ``scan`` (anchors, atoms, joining).
Display labels live in ``caucasus_map.date_labels``.
"""

from __future__ import annotations

from datetime import date

from caucasus_map.dates.guards import LEAD_OK, TAIL_OK
from caucasus_map.dates.model import Basis, DateKind, DateMention, Precision
from caucasus_map.dates.scan import NumericOrder, find_hits

__all__ = [
    "Basis",
    "DateKind",
    "DateMention",
    "NumericOrder",
    "Precision",
    "find_dates",
    "resolve_relative_date",
]


def find_dates(
    text: str,
    published: date | None,
    *,
    start: int = 0,
    end: int | None = None,
    numeric_order: NumericOrder | None = None,
) -> list[DateMention]:
    """Every date expression in text[start:end], normalised against ``published``; offsets
    index ``text``. With published=None, expressions that need it (relative ones, year-less
    month-days) are skipped, except anaphoric ones that an earlier date of the same paragraph
    resolves. Paragraphs are separated by line breaks; anaphoric dates look back only within
    text[start:end].

    ``numeric_order`` reads numeric dates that fit both orders ("05.06.2023") day first
    ("dmy") or month first ("mdy"); by default day first, unless text[start:end] holds a numeric
    date that only fits month first ("9/18/2023")."""
    if numeric_order not in (None, "dmy", "mdy"):
        raise ValueError(f"numeric_order must be 'dmy', 'mdy' or None, not {numeric_order!r}")
    return [
        DateMention(
            text[h.start : h.end],
            h.start,
            h.end,
            h.lo,
            h.hi,
            h.precision,
            "resolved" if h.needs_pub else "stated",
        )
        for h in find_hits(text, published, start, end, numeric_order)
    ]


def resolve_relative_date(expression: str, published: date) -> tuple[date, date, Precision] | None:
    """Normalise one relative expression ("yesterday", "Tuesday", "last week", "next year",
    "since November last year", "since June", ...) against the publication day; None when not
    relative."""
    text = expression.strip()
    hits = find_hits(text, published, 0, None)
    if len(hits) != 1 or not hits[0].needs_pub:
        return None
    h = hits[0]
    # The caller may pass the preposition the surface leaves out ("on Tuesday", "in June").
    if not (LEAD_OK.fullmatch(text, 0, h.start) and TAIL_OK.fullmatch(text, h.end)):
        return None
    return h.lo, h.hi, h.precision
