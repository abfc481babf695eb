"""Tests for caucasus_map.dates: the date-expression rules, the corpus, and properties."""

from __future__ import annotations

import calendar
import re
from dataclasses import FrozenInstanceError, fields
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caucasus_map.date_labels import format_date_range
from caucasus_map.dates import DateKind, DateMention, find_dates, resolve_relative_date
from caucasus_map.dates.model import Hit
from caucasus_map.dates.scan import atoms, compile_alternatives, resolve_at
from caucasus_map.dates.table import JOINED_KINDS, TABLE

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
PUB = date(2023, 8, 17)  # a Thursday; the publication day of corpus article 002


def d(iso: str) -> date:
    return date.fromisoformat(iso)


def found(text: str, published: date | None = PUB) -> list[tuple[str, str, str, str]]:
    """find_dates as comparable tuples (surface, date_start, date_end, precision)."""
    return [
        (m.surface, m.date_start.isoformat(), m.date_end.isoformat(), m.precision)
        for m in find_dates(text, published)
    ]


# ---------------------------------------------------------------------------------------------
# One expression per case: (text, published, expected [(surface, start, end, precision)])

CASES = [
    # -- day: absolute
    ("13 January 2021", PUB, [("13 January 2021", "2021-01-13", "2021-01-13", "day")]),
    ("on 4 April 1949.", PUB, [("4 April 1949", "1949-04-04", "1949-04-04", "day")]),
    ("September 19, 2023", PUB, [("September 19, 2023", "2023-09-19", "2023-09-19", "day")]),
    ("Sept. 19, 2023", PUB, [("Sept. 19, 2023", "2023-09-19", "2023-09-19", "day")]),
    ("19 Sep 2023", PUB, [("19 Sep 2023", "2023-09-19", "2023-09-19", "day")]),
    ("2023-09-19", PUB, [("2023-09-19", "2023-09-19", "2023-09-19", "day")]),
    ("2023/05/21 | interview", PUB, [("2023/05/21", "2023-05-21", "2023-05-21", "day")]),
    ("19.09.2023", PUB, [("19.09.2023", "2023-09-19", "2023-09-19", "day")]),
    ("01 September 2023 14:59", PUB, [("01 September 2023", "2023-09-01", "2023-09-01", "day")]),
    ("September 19th, 2023", PUB, [("September 19th, 2023", "2023-09-19", "2023-09-19", "day")]),
    (
        "on the 19th of September 2023",
        PUB,
        [("19th of September 2023", "2023-09-19", "2023-09-19", "day")],
    ),
    # The weekday only restates the date it stands next to.
    ("Wednesday 13 January 2021", PUB, [("13 January 2021", "2021-01-13", "2021-01-13", "day")]),
    (
        "Tuesday, September 19, 2023",
        PUB,
        [("September 19, 2023", "2023-09-19", "2023-09-19", "day")],
    ),
    (
        "Monday, 9 January",
        d("2023-01-13"),
        [("9 January", "2023-01-09", "2023-01-09", "day")],
    ),
    (
        "on Monday, yesterday",
        PUB,
        [
            ("Monday", "2023-08-14", "2023-08-14", "day"),
            ("yesterday", "2023-08-16", "2023-08-16", "day"),
        ],
    ),
    # -- day: year-less month-day = most recent such day on or before publication
    ("on August 31", d("2023-09-01"), [("August 31", "2023-08-31", "2023-08-31", "day")]),
    ("on August 31", PUB, [("August 31", "2022-08-31", "2022-08-31", "day")]),
    ("on August 17", PUB, [("August 17", "2023-08-17", "2023-08-17", "day")]),
    (
        "the November 10 truce",
        d("2021-01-13"),
        [("November 10", "2020-11-10", "2020-11-10", "day")],
    ),
    ("on 9 May", PUB, [("9 May", "2023-05-09", "2023-05-09", "day")]),
    ("on May 9", PUB, [("May 9", "2023-05-09", "2023-05-09", "day")]),
    ("February 29", PUB, [("February 29", "2020-02-29", "2020-02-29", "day")]),
    ("on 5 and 6 May", PUB, [("6 May", "2023-05-06", "2023-05-06", "day")]),  # may be skipped
    # -- day: relative
    ("held yesterday", PUB, [("yesterday", "2023-08-16", "2023-08-16", "day")]),
    ("Yesterday, the", PUB, [("Yesterday", "2023-08-16", "2023-08-16", "day")]),
    ("tomorrow", PUB, [("tomorrow", "2023-08-18", "2023-08-18", "day")]),
    ("today", PUB, [("today", "2023-08-17", "2023-08-17", "day")]),
    (
        "the day before yesterday",
        PUB,
        [("the day before yesterday", "2023-08-15", "2023-08-15", "day")],
    ),
    ("On Monday, Putin", d("2021-01-13"), [("Monday", "2021-01-11", "2021-01-11", "day")]),
    ("talks Monday in Tehran", PUB, [("Monday", "2023-08-14", "2023-08-14", "day")]),
    # The publication day itself counts: 2023-08-17 is a Thursday.
    ("said on Thursday", PUB, [("Thursday", "2023-08-17", "2023-08-17", "day")]),
    ("said on Sunday", d("2024-01-28"), [("Sunday", "2024-01-28", "2024-01-28", "day")]),
    ("last Thursday", PUB, [("last Thursday", "2023-08-10", "2023-08-10", "day")]),
    ("next Friday", PUB, [("next Friday", "2023-08-18", "2023-08-18", "day")]),
    ("two days ago", PUB, [("two days ago", "2023-08-15", "2023-08-15", "day")]),
    # -- month
    ("in August 2022,", PUB, [("August 2022", "2022-08-01", "2022-08-31", "month")]),
    ("in February 2022.", PUB, [("February 2022", "2022-02-01", "2022-02-28", "month")]),
    ("May 2023", PUB, [("May 2023", "2023-05-01", "2023-05-31", "month")]),
    ("Sept 2023", PUB, [("Sept 2023", "2023-09-01", "2023-09-30", "month")]),
    ("Last month, Armenia", d("2024-01-28"), [("Last month", "2023-12-01", "2023-12-31", "month")]),
    ("last month", PUB, [("last month", "2023-07-01", "2023-07-31", "month")]),
    ("next month", PUB, [("next month", "2023-09-01", "2023-09-30", "month")]),
    ("But in December,", d("2024-01-28"), [("December", "2023-12-01", "2023-12-31", "month")]),
    ("in December", d("2023-12-05"), [("December", "2023-12-01", "2023-12-31", "month")]),
    ("victory in September marked", PUB, [("September", "2022-09-01", "2022-09-30", "month")]),
    ("in March", PUB, [("March", "2023-03-01", "2023-03-31", "month")]),
    ("since March", PUB, [("since March", "2023-03-01", "2023-08-17", "interval")]),
    (
        "since October and November",
        d("2021-01-13"),
        [
            ("since October", "2020-10-01", "2021-01-13", "interval"),
            ("November", "2020-11-01", "2020-11-30", "month"),
        ],
    ),
    ("December last year", PUB, [("December last year", "2022-12-01", "2022-12-31", "month")]),
    ("last December", d("2024-01-28"), [("last December", "2023-12-01", "2023-12-31", "month")]),
    ("last December", d("2023-12-05"), [("last December", "2022-12-01", "2022-12-31", "month")]),
    # -- year
    ("in 2020", PUB, [("2020", "2020-01-01", "2020-12-31", "year")]),
    ("brokered a 2020 cease-fire", PUB, [("2020", "2020-01-01", "2020-12-31", "year")]),
    ("In 2022, Azerbaijan", PUB, [("2022", "2022-01-01", "2022-12-31", "year")]),
    ("Azerbaijan’s 2020 victory", PUB, [("2020", "2020-01-01", "2020-12-31", "year")]),
    ("the Rome Statute (1999)", PUB, [("1999", "1999-01-01", "1999-12-31", "year")]),
    ("recaptured last year.", d("2024-01-28"), [("last year", "2023-01-01", "2023-12-31", "year")]),
    ("this year", PUB, [("this year", "2023-01-01", "2023-12-31", "year")]),
    ("three years ago", PUB, [("three years ago", "2020-01-01", "2020-12-31", "year")]),
    # -- interval
    (
        "closed down Lachin Corridor since December last year and",
        PUB,
        [("since December last year", "2022-12-01", "2023-08-17", "interval")],
    ),
    (
        "a checkpoint since April;",
        d("2023-05-21"),
        [("since April", "2023-04-01", "2023-05-21", "interval")],
    ),
    (
        "action since last year in",
        d("2023-05-21"),
        [("since last year", "2022-01-01", "2023-05-21", "interval")],
    ),
    (
        "Since 2021, Azerbaijan",
        d("2023-09-01"),
        [("Since 2021", "2021-01-01", "2023-09-01", "interval")],
    ),
    ("since 2020", d("2023-09-01"), [("since 2020", "2020-01-01", "2023-09-01", "interval")]),
    ("since Monday", PUB, [("since Monday", "2023-08-14", "2023-08-17", "interval")]),
    ("in the 1990s", PUB, [("the 1990s", "1990-01-01", "1999-12-31", "interval")]),
    ("the 2020s", PUB, [("the 2020s", "2020-01-01", "2029-12-31", "interval")]),
    ("from 2020 to 2023", PUB, [("from 2020 to 2023", "2020-01-01", "2023-12-31", "interval")]),
    (
        "between 1988 and 1989",
        PUB,
        [("between 1988 and 1989", "1988-01-01", "1989-12-31", "interval")],
    ),
    ("2020–2023", PUB, [("2020–2023", "2020-01-01", "2023-12-31", "interval")]),
    ("1992-94", PUB, [("1992-94", "1992-01-01", "1994-12-31", "interval")]),
    (
        "19–20 September 2023",
        PUB,
        [("19–20 September 2023", "2023-09-19", "2023-09-20", "interval")],
    ),
    ("last week", PUB, [("last week", "2023-08-07", "2023-08-13", "interval")]),
    (
        "the first half of 2023",
        PUB,
        [("the first half of 2023", "2023-01-01", "2023-06-30", "interval")],
    ),
    ("Q3 2023", PUB, [("Q3 2023", "2023-07-01", "2023-09-30", "interval")]),
    # -- approximate
    ("in the early 1990s", PUB, [("early 1990s", "1990-01-01", "1993-12-31", "approximate")]),
    ("in the mid-1990s", PUB, [("mid-1990s", "1994-01-01", "1996-12-31", "approximate")]),
    ("by the end of 2023.", PUB, [("the end of 2023", "2023-09-01", "2023-12-31", "approximate")]),
    (
        "signed by the end of the last year.",
        d("2024-01-28"),
        [("the end of the last year", "2023-09-01", "2023-12-31", "approximate")],
    ),
    (
        "the end of last year",
        PUB,
        [("the end of last year", "2022-09-01", "2022-12-31", "approximate")],
    ),
    # mid = May–August of a year (early = January–April, late = September–December)
    ("mid-2022", PUB, [("mid-2022", "2022-05-01", "2022-08-31", "approximate")]),
    ("in late 2022", PUB, [("late 2022", "2022-09-01", "2022-12-31", "approximate")]),
    ("early 2022", PUB, [("early 2022", "2022-01-01", "2022-04-30", "approximate")]),
    (
        "in the spring of 2021",
        PUB,
        [("the spring of 2021", "2021-03-01", "2021-05-31", "approximate")],
    ),
    (
        "mid-September 2023",
        PUB,
        [("mid-September 2023", "2023-09-11", "2023-09-20", "approximate")],
    ),
    ("in late August", PUB, [("late August", "2023-08-21", "2023-08-31", "approximate")]),
    ("in late May 2023", PUB, [("late May 2023", "2023-05-21", "2023-05-31", "approximate")]),
    (
        "the beginning of September",
        PUB,
        [("the beginning of September", "2022-09-01", "2022-09-10", "approximate")],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[c[0] for c in CASES])
def test_expression(text: str, published: date, expected: list[tuple[str, str, str, str]]) -> None:
    assert found(text, published) == expected


NOT_DATES = [
    # durations
    "trapped for 8 months",
    "after 44 days of war",
    "in a 24-hour military operation",
    "The talks came two months after a ceasefire",
    "a two-month presence of European observers",
    "controlled the region for three decades",
    "for decades home to Armenians",
    "a month after Baku’s lightning offensive",
    "After a months-long blockade",
    "a 25-year plan",
    # the modal verb, and "May" with nothing to pin it ("in May", "since May" are dates: see
    # MONTH_ALONE below)
    "Baku may seek to press its advantage",
    "The reason may vary",
    "May",
    # numbers, counts and names
    "up to 3,000 troops",
    "120,000 Armenians",
    "some 100,000 people",
    "more than 100,00 people",
    "the area of 29,800 square kilometers",
    "about 2,000 pregnant women",
    "some 2000 people",
    "2000 km of border",
    "$2000",
    "1,2020",
    "2023+",
    "the 3+3 format",
    "dubbed “Mustafa Kemal Ataturk 2023”",
    "lost 170 seats",
    "122mm mortars",
    "a 2000-strong force",
    # ordinals and eras
    "since the party was founded in the 19th century",
    "established even in the Soviet era",
    "the third-largest community",
    # vague spans
    "over the past months",
    "recently paid an official visit",
    "just weeks after Baku seized Karabakh",
    "have so far failed",
    "earlier this year",
    "later this month",
    "over the last year",
    "over the last years the government",
    "today’s Armenia",
    # capitalised words that are not dates
    "March on Baku",
    "the October Revolution",
    "Day Week Month",
    "protests on Mondays",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text: str) -> None:
    assert find_dates(text, PUB) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("held yesterday", []),
        ("on August 31", []),
        ("since 2021", []),
        ("since April", []),
        ("in December", []),
        ("On Monday", []),
        ("last month", []),
        ("13 January 2021", [("13 January 2021", "2021-01-13", "2021-01-13", "day")]),
        ("in 2020", [("2020", "2020-01-01", "2020-12-31", "year")]),
        ("the end of 2023", [("the end of 2023", "2023-09-01", "2023-12-31", "approximate")]),
        ("the 1990s", [("the 1990s", "1990-01-01", "1999-12-31", "interval")]),
    ],
)
def test_without_publication_date_relative_expressions_are_skipped(
    text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert found(text, None) == expected


def test_mentions_are_frozen_and_index_the_text() -> None:
    text = "The UNSC meeting on Karabakh was held yesterday as 120,000 Armenians"
    (m,) = find_dates(text, PUB)
    at = text.index("yesterday")
    assert m == DateMention(
        "yesterday", at, at + 9, d("2023-08-16"), d("2023-08-16"), "day", "resolved"
    )
    assert text[m.start : m.end] == m.surface
    with pytest.raises(FrozenInstanceError):
        m.start = 0  # type: ignore[misc]


def test_start_and_end_limit_the_search_but_offsets_index_the_whole_text() -> None:
    text = "In 2020 the war; since April the checkpoint; in 2022 the clashes."
    start = text.index("since")
    end = text.index("; in 2022")
    (m,) = find_dates(text, d("2023-05-21"), start=start, end=end)
    assert (m.surface, m.start, m.end) == ("since April", start, start + len("since April"))
    assert [x.surface for x in find_dates(text, d("2023-05-21"), start=end)] == ["2022"]
    # A span cutting through an expression does not report a piece of it.
    assert find_dates(text, PUB, start=3, end=5) == []
    assert find_dates(text, PUB, start=50, end=10) == []


# ---------------------------------------------------------------------------------------------
# Forms of wire and agency copy. Sentences written for these tests in the manner of the wires
# and the regional agencies; none is taken from the corpus or from a published article.

WIRE = date(2023, 9, 28)  # a Thursday
LATE = date(2023, 10, 25)  # a Wednesday


def wire_cases(published: date, rows: list[tuple[str, list[tuple[str, str, str, str]]]]) -> list:
    return [pytest.param(text, published, expected, id=text[:60]) for text, expected in rows]


MONTH_ALONE = wire_cases(
    WIRE,
    [
        (
            "In May, the talks in Brussels stalled over the border map.",
            [("May", "2023-05-01", "2023-05-31", "month")],
        ),
        (
            "The ceasefire has broadly held since May, officials in Yerevan said.",
            [("since May", "2023-05-01", "2023-09-28", "interval")],
        ),
        (
            "The monitors were meant to leave by May, a diplomat told AFP.",
            [("May", "2023-05-01", "2023-05-31", "month")],
        ),
        (
            "Talks resumed in mid-May in Washington.",
            [("mid-May", "2023-05-11", "2023-05-20", "approximate")],
        ),
        (
            "Shelling intensified in late May near Sotk, the ministry said.",
            [("late May", "2023-05-21", "2023-05-31", "approximate")],
        ),
        (
            "The checkpoint was set up last May, Armenpress reported.",
            [("last May", "2023-05-01", "2023-05-31", "month")],
        ),
        (
            "The text was initialled in early May 2023, Azertac said.",
            [("early May 2023", "2023-05-01", "2023-05-10", "approximate")],
        ),
        (
            "The border had been quiet until the end of May.",
            [("the end of May", "2023-05-21", "2023-05-31", "approximate")],
        ),
        (
            "Crowds rallied in Yerevan in April and May.",
            [
                ("April", "2023-04-01", "2023-04-30", "month"),
                ("May", "2023-05-01", "2023-05-31", "month"),
            ],
        ),
        (
            "Protests went on from April to May.",
            [("from April to May", "2023-04-01", "2023-05-31", "interval")],
        ),
        (
            "June, however, brought new clashes on the border.",
            [("June", "2023-06-01", "2023-06-30", "month")],
        ),
        (
            "Shelling stopped. May, however, brought new clashes.",
            [("May", "2023-05-01", "2023-05-31", "month")],
        ),
        (
            "Yerevan says the talks may resume in June.",
            [("June", "2023-06-01", "2023-06-30", "month")],
        ),
    ],
)

MAY_THE_VERB = [
    "May God help the people of Karabakh, the priest said.",
    "They may meet again in Brussels.",
    "It may be too late for a deal, an analyst warned.",
    "Leaders May Meet in Brussels",
    "TALKS MAY RESUME",
    "Former British prime minister Theresa May said",
    "Baku may, however, object.",
    "March on Yerevan, the opposition urged.",
]


@pytest.mark.parametrize(("text", "published", "expected"), MONTH_ALONE)
def test_month_alone(text: str, published: date, expected: list) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize("text", MAY_THE_VERB)
def test_may_the_verb_is_never_a_date(text: str) -> None:
    assert find_dates(text, WIRE) == []


ANAPHORA = wire_cases(
    WIRE,
    [
        (
            "Azerbaijan launched what it called anti-terrorist measures on Sept. 19. The next day,"
            " the separatists agreed to lay down their arms.",
            [
                ("Sept. 19", "2023-09-19", "2023-09-19", "day"),
                ("The next day", "2023-09-20", "2023-09-20", "day"),
            ],
        ),
        (
            "The road was closed on 12 December 2022. Two days later, activists pitched tents.",
            [
                ("12 December 2022", "2022-12-12", "2022-12-12", "day"),
                ("Two days later", "2022-12-14", "2022-12-14", "day"),
            ],
        ),
        (
            "Talks were held in Brussels on July 15. On the same day, the envoys met in Tbilisi.",
            [
                ("July 15", "2023-07-15", "2023-07-15", "day"),
                ("the same day", "2023-07-15", "2023-07-15", "day"),
            ],
        ),
        (
            "The convoy reached Kornidzor on 26 July. The following day it was still waiting,"
            " and a day later the drivers went home.",
            [
                ("26 July", "2023-07-26", "2023-07-26", "day"),
                ("The following day", "2023-07-27", "2023-07-27", "day"),
                ("a day later", "2023-07-28", "2023-07-28", "day"),
            ],
        ),
        (
            "A ceasefire took hold on 20 September. The day before, dozens had been killed.",
            [
                ("20 September", "2023-09-20", "2023-09-20", "day"),
                ("The day before", "2023-09-19", "2023-09-19", "day"),
            ],
        ),
        (
            "The leaders met in Chisinau on 1 June 2023; the previous day their ministers talked.",
            [
                ("1 June 2023", "2023-06-01", "2023-06-01", "day"),
                ("the previous day", "2023-05-31", "2023-05-31", "day"),
            ],
        ),
        (
            "The mission arrived on Monday 20 February 2023. Three weeks later, it opened a base.",
            [
                ("20 February 2023", "2023-02-20", "2023-02-20", "day"),
                ("Three weeks later", "2023-03-13", "2023-03-13", "day"),
            ],
        ),
        (
            "Officials met on Sept 12. A week later, the offensive began.",
            [
                ("Sept 12", "2023-09-12", "2023-09-12", "day"),
                ("A week later", "2023-09-19", "2023-09-19", "day"),
            ],
        ),
        (
            "The blockade tightened in June; the following month, the last lorry got through.",
            [
                ("June", "2023-06-01", "2023-06-30", "month"),
                ("the following month", "2023-07-01", "2023-07-31", "month"),
            ],
        ),
        (
            "In May the talks stalled, and the next month they moved to Washington.",
            [
                ("May", "2023-05-01", "2023-05-31", "month"),
                ("the next month", "2023-06-01", "2023-06-30", "month"),
            ],
        ),
        (
            "The war ended in 2020; the following year, demarcation talks began.",
            [
                ("2020", "2020-01-01", "2020-12-31", "year"),
                ("the following year", "2021-01-01", "2021-12-31", "year"),
            ],
        ),
        # A new paragraph: the date before the line break is not the anchor; publication is,
        # unless that puts the date after publication.
        (
            "The talks ended on 14 July.\nThe day before, the ministry issued a statement.",
            [
                ("14 July", "2023-07-14", "2023-07-14", "day"),
                ("The day before", "2023-09-27", "2023-09-27", "day"),
            ],
        ),
        (
            "The talks ended on 14 July.\nThe next day, the ministry issued a statement.",
            [("14 July", "2023-07-14", "2023-07-14", "day")],
        ),
        (
            "Two years later, in 2022, talks resumed.",
            [("2022", "2022-01-01", "2022-12-31", "year")],
        ),
        # No date before it: the publication day.
        (
            "That day, crowds gathered outside the government building in Yerevan.",
            [("That day", "2023-09-28", "2023-09-28", "day")],
        ),
        # A month or a year is no day to count days from: skipped rather than guessed.
        (
            "The offensive began in September. The next day, the separatists surrendered.",
            [("September", "2023-09-01", "2023-09-30", "month")],
        ),
        (
            "Fighting resumed in 2020. Two days later, Moscow called for calm.",
            [("2020", "2020-01-01", "2020-12-31", "year")],
        ),
    ],
)

NOT_ANAPHORA = [
    "He left for Moscow the day before the vote.",
    "The day before Azerbaijan attacked, aid was blocked.",
    "Talks will continue over the next month, the envoy said.",
    "Monitors will stay within the following week, Brussels said.",
    "Elections are due in the next year, the speaker said.",
    "Aliyev spoke on the same day as the summit.",
    "Refugees kept arriving in the following days.",
    "Days later, the border reopened.",
    "A few weeks later the talks collapsed.",
]


@pytest.mark.parametrize(("text", "published", "expected"), ANAPHORA)
def test_anaphoric_date(text: str, published: date, expected: list) -> None:
    mentions = find_dates(text, published)
    assert found(text, published) == expected
    surfaces = {s for s, *_ in expected}
    for m in mentions:
        if m.surface.lower().startswith(("the ", "that ", "a ", "two ", "three ")):
            assert m.basis == "resolved", m
    assert {m.surface for m in mentions} == surfaces


@pytest.mark.parametrize("text", NOT_ANAPHORA)
def test_not_an_anaphoric_date(text: str) -> None:
    assert find_dates(text, WIRE) == []


def test_anaphora_without_publication_day_need_a_stated_anchor() -> None:
    text = "On 12 June 2023 the road was shut. A day later, it reopened."
    assert found(text, None) == [
        ("12 June 2023", "2023-06-12", "2023-06-12", "day"),
        ("A day later", "2023-06-13", "2023-06-13", "day"),
    ]
    assert found("The next day, it reopened.", None) == []


NUMERIC = wire_cases(
    WIRE,
    [
        (
            "Baku/18.09.23/Turan: The defence ministry said",
            [("18.09.23", "2023-09-18", "2023-09-18", "day")],
        ),
        ("The decree of 18/09/23 took effect.", [("18/09/23", "2023-09-18", "2023-09-18", "day")]),
        ("A statement dated 05.06.2023", [("05.06.2023", "2023-06-05", "2023-06-05", "day")]),
        ("The truce of 12.05.94 held.", [("12.05.94", "1994-05-12", "1994-05-12", "day")]),
        ("the 18-09-2023 session", [("18-09-2023", "2023-09-18", "2023-09-18", "day")]),
        # A date that fits only month first makes the text's order month first.
        (
            "Filed 9/18/2023 and amended 10/2/2023.",
            [
                ("9/18/2023", "2023-09-18", "2023-09-18", "day"),
                ("10/2/2023", "2023-10-02", "2023-10-02", "day"),
            ],
        ),
        ("Posted 9/18/23 by the embassy.", [("9/18/23", "2023-09-18", "2023-09-18", "day")]),
    ],
)

NOT_NUMERIC_DATES = [
    "a 1.5 percent rise in prices",
    "some 3.2 million people",
    "version 2.10.23 of the app",
    "Update 12.10.23 fixes the bug",
    "firmware v1.2.23",
    "call +374 10 12.11.22 for details",
    "tel. 12.11.22",
    "Article 12.05.21 of the code",
    "at 14.05 local time",
    "at 14:05:23 local time",
    "Karabakh won 3-1 at home",
    "the 12-10-22 vote count",
    "prices rose 1.5.20 points",
    "address 192.168.10.12",
    "a 10.12.2023.5 build",
]


@pytest.mark.parametrize(("text", "published", "expected"), NUMERIC)
def test_numeric_date(text: str, published: date, expected: list) -> None:
    assert found(text, published) == expected
    assert all(m.basis == "stated" for m in find_dates(text, published))


@pytest.mark.parametrize("text", NOT_NUMERIC_DATES)
def test_not_a_numeric_date(text: str) -> None:
    assert find_dates(text, WIRE) == []


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("05/06/2023", None, "2023-06-05"),
        ("05/06/2023", "dmy", "2023-06-05"),
        ("05/06/2023", "mdy", "2023-05-06"),
        ("05.06.23", "mdy", "2023-05-06"),
        ("9/18/2023", "dmy", "2023-09-18"),  # only one reading
        ("18.09.2023", "mdy", "2023-09-18"),  # only one reading
        ("5/6/2023 and 9/18/2023", None, "2023-05-06"),  # the text is month first
        ("5/6/2023 and 18/9/2023", None, "2023-06-05"),  # the text is day first
    ],
)
def test_numeric_order(text: str, order: str | None, expected: str) -> None:
    first = find_dates(text, WIRE, numeric_order=order)[0]  # type: ignore[arg-type]
    assert first.date_start.isoformat() == expected


def test_numeric_order_is_checked() -> None:
    with pytest.raises(ValueError, match="numeric_order"):
        find_dates("05/06/2023", WIRE, numeric_order="ymd")  # type: ignore[arg-type]


ORDINAL_DAY = [
    pytest.param(
        "The convoy is due to leave on the 19th, officials said.",
        WIRE,
        [("the 19th", "2023-09-19", "2023-09-19", "day")],
        id="this month",
    ),
    pytest.param(
        "The talks ended on the 30th, Armenpress reported.",
        WIRE,
        [("the 30th", "2023-08-30", "2023-08-30", "day")],
        id="after publication: last month",
    ),
    pytest.param(
        "Voting closed on the 31st.",
        date(2023, 10, 5),
        [("the 31st", "2023-08-31", "2023-08-31", "day")],
        id="no 31 September",
    ),
    pytest.param(
        "Monitors stayed from the 19th to the 21st.",
        WIRE,
        [("from the 19th to the 21st", "2023-09-19", "2023-09-21", "interval")],
        id="range",
    ),
    pytest.param(
        "Shells fell on the 5th, the 6th and the 7th.",
        WIRE,
        [
            ("the 5th", "2023-09-05", "2023-09-05", "day"),
            ("the 6th", "2023-09-06", "2023-09-06", "day"),
            ("the 7th", "2023-09-07", "2023-09-07", "day"),
        ],
        id="list",
    ),
    pytest.param(
        "Aid arrived by the 2nd and was handed out on the 3rd.",
        WIRE,
        [
            ("the 2nd", "2023-09-02", "2023-09-02", "day"),
            ("the 3rd", "2023-09-03", "2023-09-03", "day"),
        ],
        id="two days",
    ),
]

NOT_ORDINAL_DAYS = [
    "a church built in the 19th century",
    "on the 20th anniversary of independence",
    "the 5th Army Corps",
    "She came the 3rd in the race,",
    "The 19th was quiet.",
    "on the 19th-century bridge",
    "on the 44th day of the war",
]


@pytest.mark.parametrize(("text", "published", "expected"), ORDINAL_DAY)
def test_ordinal_day(text: str, published: date, expected: list) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize("text", NOT_ORDINAL_DAYS)
def test_not_an_ordinal_day(text: str) -> None:
    assert find_dates(text, WIRE) == []


RELATIVE = wire_cases(
    WIRE,
    [
        # "ago": a day is that day, a week that Monday-to-Sunday week, a month that calendar
        # month, a year that calendar year
        (
            "Five days ago, the road reopened.",
            [("Five days ago", "2023-09-23", "2023-09-23", "day")],
        ),
        ("two weeks ago", [("two weeks ago", "2023-09-14", "2023-09-14", "day")]),
        ("a week ago", [("a week ago", "2023-09-21", "2023-09-21", "day")]),
        # a span back from publication, exact
        (
            "in the last three years",
            [("the last three years", "2020-09-28", "2023-09-28", "interval")],
        ),
        (
            "over the past two months",
            [("the past two months", "2023-07-28", "2023-09-28", "interval")],
        ),
        ("three months ago", [("three months ago", "2023-06-01", "2023-06-30", "month")]),
        ("Two months ago", [("Two months ago", "2023-07-01", "2023-07-31", "month")]),
        ("a year ago", [("a year ago", "2022-01-01", "2022-12-31", "year")]),
        ("12 weeks ago", [("12 weeks ago", "2023-07-06", "2023-07-06", "day")]),
        # parts of a relative month or year
        (
            "Late last year, Baku set up a checkpoint.",
            [("Late last year", "2022-09-01", "2022-12-31", "approximate")],
        ),
        ("early this year", [("early this year", "2023-01-01", "2023-04-30", "approximate")]),
        ("mid-last year", [("mid-last year", "2022-05-01", "2022-08-31", "approximate")]),
        ("late last month", [("late last month", "2023-08-21", "2023-08-31", "approximate")]),
        ("early next month", [("early next month", "2023-10-01", "2023-10-10", "approximate")]),
        ("mid-this month", [("mid-this month", "2023-09-11", "2023-09-20", "approximate")]),
    ],
)

NOT_RELATIVE = [
    "a few weeks ago",
    "weeks ago",
    "months ago, the talks",
    "earlier this year",
    "later this month",
    "earlier this month",
]


@pytest.mark.parametrize(("text", "published", "expected"), RELATIVE)
def test_relative(text: str, published: date, expected: list) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize("text", NOT_RELATIVE)
def test_not_relative(text: str) -> None:
    assert find_dates(text, WIRE) == []


YEAR_MODIFIER = [
    "Russia brokered the 2020 ceasefire",
    "since the end of the 2020 war",
    "a 1994 truce that froze the conflict",
    "Refugees fled after the 2023 offensive",
    "The 2020 war ended in November.",
    "Baku’s 2020 victory",
    "its 2020 deal with Moscow",
]

NOT_YEARS = [
    "2020 troops crossed the line",
    "the 2020-strong force",
    "No. 2020 in the list",
    "3,2020",
    "2020 km of border",
    "some 2020 refugees",
    "about 2020 drones",
    "UN Resolution 2020 passed",
    "a 2020-page report",
    "$2020 per month",
    "up 2020%",
]


@pytest.mark.parametrize("text", YEAR_MODIFIER)
def test_year_as_a_modifier(text: str) -> None:
    (m,) = [m for m in find_dates(text, WIRE) if m.precision == "year"]
    assert m.surface in ("2020", "1994", "2023")
    assert (m.date_start.month, m.date_start.day, m.date_end.month, m.date_end.day) == (
        1, 1, 12, 31,
    )  # fmt: skip
    assert m.basis == "stated"


@pytest.mark.parametrize("text", NOT_YEARS)
def test_not_a_year(text: str) -> None:
    assert find_dates(text, WIRE) == []


@pytest.mark.parametrize(
    ("weekday", "expected"),
    [
        ("Monday", "2023-09-25"),
        ("Tuesday", "2023-09-26"),
        ("Wednesday", "2023-09-27"),
        ("Thursday", "2023-09-28"),  # the publication day
        ("Friday", "2023-09-22"),
        ("Saturday", "2023-09-23"),
        ("Sunday", "2023-09-24"),
    ],
)
def test_every_weekday(weekday: str, expected: str) -> None:
    assert found(f"Pashinyan spoke on {weekday}, his office said.", WIRE) == [
        (weekday, expected, expected, "day")
    ]
    assert found(f"{weekday}'s vote in parliament", WIRE) == [(weekday, expected, expected, "day")]


WIRE_FORMS = [
    ("Sept. 19", WIRE, [("Sept. 19", "2023-09-19", "2023-09-19", "day")]),
    ("Sep 19, 2023", WIRE, [("Sep 19, 2023", "2023-09-19", "2023-09-19", "day")]),
    ("on 19 Sept", WIRE, [("19 Sept", "2023-09-19", "2023-09-19", "day")]),
    ("September 19th", WIRE, [("September 19th", "2023-09-19", "2023-09-19", "day")]),
    ("the 19th of September", WIRE, [("19th of September", "2023-09-19", "2023-09-19", "day")]),
    (
        "on the 21st of September 2023",
        WIRE,
        [("21st of September 2023", "2023-09-21", "2023-09-21", "day")],
    ),
    # the weekday and the date are one expression
    ("on Tuesday, Sept. 19", WIRE, [("Sept. 19", "2023-09-19", "2023-09-19", "day")]),
    ("Friday, 22 September 2023", WIRE, [("22 September 2023", "2023-09-22", "2023-09-22", "day")]),
    (
        "the rally in Yerevan (October 22) drew thousands",
        LATE,
        [("October 22", "2023-10-22", "2023-10-22", "day")],
    ),
    ("the vote (Oct 22)", LATE, [("Oct 22", "2023-10-22", "2023-10-22", "day")]),
    # datelines
    (
        "YEREVAN, Sept 21 (Reuters) - Armenia said",
        WIRE,
        [("Sept 21", "2023-09-21", "2023-09-21", "day")],
    ),
    (
        "GORIS, SEPTEMBER 26, ARMENPRESS. Refugees",
        WIRE,
        [("SEPTEMBER 26", "2023-09-26", "2023-09-26", "day")],
    ),
    ("BAKU, SEPT. 26 (AP) —", WIRE, [("SEPT. 26", "2023-09-26", "2023-09-26", "day")]),
    (
        "Stepanakert, 21 September 2023.",
        WIRE,
        [("21 September 2023", "2023-09-21", "2023-09-21", "day")],
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "expected"), WIRE_FORMS, ids=[c[0] for c in WIRE_FORMS]
)
def test_wire_forms(text: str, published: date, expected: list) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("13 January 2021", "stated"),
        ("18.09.23", "stated"),
        ("in 2020", "stated"),
        ("the 1990s", "stated"),
        ("mid-2022", "stated"),
        ("Q3 2023", "stated"),
        ("from 2020 to 2023", "stated"),
        ("yesterday", "resolved"),
        ("Sept 21", "resolved"),
        ("in December", "resolved"),
        ("last year", "resolved"),
        ("since 2021", "resolved"),  # its end is the publication day
        ("the day before", "resolved"),
        ("on the 19th", "resolved"),
        ("two weeks ago", "resolved"),
        ("from 10 September to 5 October", "resolved"),
    ],
)
def test_basis(text: str, basis: str) -> None:
    (m,) = find_dates(text, WIRE)
    assert m.basis == basis


def test_basis_is_the_last_field_with_a_default() -> None:
    assert [f.name for f in fields(DateMention)][-1] == "basis"
    m = DateMention("2020", 0, 4, d("2020-01-01"), d("2020-12-31"), "year")
    assert m.basis == "stated"


def test_every_kind_has_a_row_or_is_made_by_joining() -> None:
    kinds = {row.kind for row in TABLE}
    assert kinds | JOINED_KINDS == set(DateKind)
    assert not kinds & JOINED_KINDS
    for row in TABLE:
        re.compile(row.pattern)  # each pattern compiles on its own
        assert all(w == w.lower() for w in row.firsts)
        assert callable(row.resolve)


# ---------------------------------------------------------------------------------------------
# The corpus, with each article's publication date


def corpus_text(prefix: str) -> str:
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


SECOND_003 = "Armenian Prime Minister Nikol Pashinyan said on Sunday"

CORPUS_EXPECTED = {
    # file prefix: (published, start marker or None, expected mentions in order)
    "000": (
        d("2023-05-21"),
        None,
        [
            ("2023/05/21", "2023-05-21", "2023-05-21", "day"),
            ("2020", "2020-01-01", "2020-12-31", "year"),
            ("August 2022", "2022-08-01", "2022-08-31", "month"),
            ("2020", "2020-01-01", "2020-12-31", "year"),
            ("since last year", "2022-01-01", "2023-05-21", "interval"),
            ("1999", "1999-01-01", "1999-12-31", "year"),
            ("since April", "2023-04-01", "2023-05-21", "interval"),
        ],
    ),
    "001": (
        d("2021-01-13"),
        None,
        [
            # site chrome before the article: "founded ... in 1994", "signed on 4 April 1949" ...
            ("1994", "1994-01-01", "1994-12-31", "year"),
            ("4 April 1949", "1949-04-04", "1949-04-04", "day"),
            ("1979", "1979-01-01", "1979-12-31", "year"),
            ("between 1988 and 1989", "1988-01-01", "1989-12-31", "interval"),
            # the article
            ("13 January 2021", "2021-01-13", "2021-01-13", "day"),
            ("Monday", "2021-01-11", "2021-01-11", "day"),
            ("since October", "2020-10-01", "2021-01-13", "interval"),
            ("November", "2020-11-01", "2020-11-30", "month"),
            ("November 10", "2020-11-10", "2020-11-10", "day"),
            ("1992", "1992-01-01", "1992-12-31", "year"),
        ],
    ),
    "002": (
        d("2023-08-17"),
        None,
        [
            ("yesterday", "2023-08-16", "2023-08-16", "day"),
            ("since December last year", "2022-12-01", "2023-08-17", "interval"),
            ("the last three decades", "1993-08-17", "2023-08-17", "interval"),
            ("2020", "2020-01-01", "2020-12-31", "year"),
            ("the last three years", "2020-08-17", "2023-08-17", "interval"),
        ],
    ),
    "003": (
        d("2024-01-28"),
        SECOND_003,
        [
            ("Sunday", "2024-01-28", "2024-01-28", "day"),
            ("2020", "2020-01-01", "2020-12-31", "year"),
            ("the 1990s", "1990-01-01", "1999-12-31", "interval"),
            ("last year", "2023-01-01", "2023-12-31", "year"),
            ("the end of the last year", "2023-09-01", "2023-12-31", "approximate"),
            ("Last month", "2023-12-01", "2023-12-31", "month"),
            ("since October", "2023-10-01", "2024-01-28", "interval"),
            ("September 19", "2023-09-19", "2023-09-19", "day"),
            ("December", "2023-12-01", "2023-12-31", "month"),
            ("September", "2023-09-01", "2023-09-30", "month"),
        ],
    ),
    "004": (
        d("2023-09-01"),
        None,
        [
            ("2024", "2024-01-01", "2024-12-31", "year"),  # "Caliber.az © 2024." (site chrome)
            ("01 September 2023", "2023-09-01", "2023-09-01", "day"),
            ("2022", "2022-01-01", "2022-12-31", "year"),
            ("the end of 2023", "2023-09-01", "2023-12-31", "approximate"),
            ("Since 2021", "2021-01-01", "2023-09-01", "interval"),
            ("the last two years", "2021-09-01", "2023-09-01", "interval"),
            ("August 31", "2023-08-31", "2023-08-31", "day"),
            ("August 29", "2023-08-29", "2023-08-29", "day"),
            ("September 1", "2023-09-01", "2023-09-01", "day"),
            ("Since 2020", "2020-01-01", "2023-09-01", "interval"),
            ("August 31", "2023-08-31", "2023-08-31", "day"),
        ],
    ),
}


@pytest.mark.parametrize("prefix", sorted(CORPUS_EXPECTED))
def test_corpus_article(prefix: str) -> None:
    published, marker, expected = CORPUS_EXPECTED[prefix]
    text = corpus_text(prefix)
    start = text.index(marker) if marker else 0
    mentions = find_dates(text, published, start=start)
    got = [
        (m.surface, m.date_start.isoformat(), m.date_end.isoformat(), m.precision) for m in mentions
    ]
    assert got == expected
    for m in mentions:
        assert text[m.start : m.end] == m.surface


def test_corpus_003_first_article() -> None:
    # The first article in 003 reports the Tehran "3+3" talks of Monday 23 October 2023; that
    # publication day is our reading of the text, used here only to exercise the resolution.
    text = corpus_text("003")
    end = text.index(SECOND_003)
    got = [
        (m.surface, m.date_start.isoformat(), m.precision)
        for m in find_dates(text, d("2023-10-23"), end=end)
    ]
    assert got == [
        ("Monday", "2023-10-23", "day"),
        ("2020", "2020-01-01", "year"),
        ("February 2022", "2022-02-01", "month"),
        ("Monday", "2023-10-23", "day"),
        ("last month", "2023-09-01", "month"),
        ("2020", "2020-01-01", "year"),
        ("early 1990s", "1990-01-01", "approximate"),
        ("September 19, 2023", "2023-09-19", "day"),
    ]


@pytest.mark.parametrize(
    ("prefix", "phrase"),
    [
        ("002", "for 8 months"),
        ("002", "120,000 Armenians"),
        ("002", "three-decade dispute"),
        ("002", "two-month presence"),
        ("002", "over the past months"),
        ("000", "29,800 square kilometers"),
        ("000", "Soviet era"),
        ("000", "19th century"),
        ("000", "25-year plan"),
        ("001", "two months after"),
        ("001", "Day Week Month"),
        ("003", "3+3 format"),
        ("003", "Mustafa Kemal Ataturk 2023"),
        ("003", "24-hour military operation"),
        ("003", "up to 3,000"),
        ("003", "Baku may seek"),
        ("003", "100,00 people"),
        ("003", "for three decades"),
        ("003", "over the last years"),
        ("004", "The reason may vary"),
        ("004", "122mm mortars"),
    ],
)
def test_corpus_phrase_is_not_a_date(prefix: str, phrase: str) -> None:
    text = corpus_text(prefix)
    start = text.index(phrase)
    end = start + len(phrase)
    mentions = find_dates(text, PUB)
    assert not [m for m in mentions if m.start < end and start < m.end]


# ---------------------------------------------------------------------------------------------
# resolve_relative_date


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("yesterday", PUB, ("2023-08-16", "2023-08-16", "day")),
        ("tomorrow", PUB, ("2023-08-18", "2023-08-18", "day")),
        ("Monday", PUB, ("2023-08-14", "2023-08-14", "day")),
        ("on Monday", d("2021-01-13"), ("2021-01-11", "2021-01-11", "day")),
        ("on Sunday", d("2024-01-28"), ("2024-01-28", "2024-01-28", "day")),
        ("last month", PUB, ("2023-07-01", "2023-07-31", "month")),
        ("Last month", d("2024-01-28"), ("2023-12-01", "2023-12-31", "month")),
        ("next month", PUB, ("2023-09-01", "2023-09-30", "month")),
        ("last year", PUB, ("2022-01-01", "2022-12-31", "year")),
        ("this year", PUB, ("2023-01-01", "2023-12-31", "year")),
        ("in December", d("2024-01-28"), ("2023-12-01", "2023-12-31", "month")),
        ("since December last year", PUB, ("2022-12-01", "2023-08-17", "interval")),
        ("since April", d("2023-05-21"), ("2023-04-01", "2023-05-21", "interval")),
        ("since last year", d("2023-05-21"), ("2022-01-01", "2023-05-21", "interval")),
        ("since 2021", d("2023-09-01"), ("2021-01-01", "2023-09-01", "interval")),
        ("August 31", d("2023-09-01"), ("2023-08-31", "2023-08-31", "day")),
        (" yesterday. ", PUB, ("2023-08-16", "2023-08-16", "day")),
        ("2020", PUB, None),
        ("13 January 2021", PUB, None),
        ("the end of 2023", PUB, None),
        ("yesterday and today", PUB, None),
        ("the weather", PUB, None),
        ("", PUB, None),
        ("for 8 months", PUB, None),
        ("earlier this year", PUB, None),
        ("may", PUB, None),
    ],
)
def test_resolve_relative_date(
    expression: str, published: date, expected: tuple[str, str, str] | None
) -> None:
    got = resolve_relative_date(expression, published)
    if expected is None:
        assert got is None
    else:
        assert got == (d(expected[0]), d(expected[1]), expected[2])


# ---------------------------------------------------------------------------------------------
# format_date_range


@pytest.mark.parametrize(
    ("start", "end", "precision", "label"),
    [
        ("2023-08-16", "2023-08-16", "day", "16 Aug 2023"),
        ("2023-09-01", "2023-09-01", "day", "1 Sep 2023"),
        ("2023-08-01", "2023-08-31", "month", "Aug 2023"),
        ("2023-01-01", "2023-12-31", "year", "2023"),
        ("2022-12-01", "2023-08-17", "interval", "Dec 2022 – 17 Aug 2023"),
        ("2021-01-01", "2023-09-01", "interval", "2021 – 1 Sep 2023"),
        ("1990-01-01", "1999-12-31", "interval", "1990–1999"),
        ("2023-08-07", "2023-08-13", "interval", "7–13 Aug 2023"),
        ("2023-01-01", "2023-06-30", "interval", "Jan–Jun 2023"),
        ("2023-08-01", "2023-08-17", "interval", "1–17 Aug 2023"),
        ("2023-04-01", "2023-05-21", "interval", "Apr 2023 – 21 May 2023"),
        ("2023-08-17", "2023-08-17", "interval", "17 Aug 2023"),
        ("1990-01-01", "1993-12-31", "approximate", "c. 1990–1993"),
        ("2023-10-01", "2023-12-31", "approximate", "c. Oct–Dec 2023"),
        ("2022-04-01", "2022-09-30", "approximate", "c. Apr–Sep 2022"),
        ("2023-09-21", "2023-09-30", "approximate", "c. 21–30 Sep 2023"),
        ("2021-12-01", "2022-02-28", "approximate", "c. Dec 2021 – Feb 2022"),
    ],
)
def test_format_date_range(start: str, end: str, precision: str, label: str) -> None:
    assert format_date_range(d(start), d(end), precision) == label  # type: ignore[arg-type]


def test_format_date_range_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="after"):
        format_date_range(d("2023-08-17"), d("2023-08-16"), "interval")
    with pytest.raises(ValueError, match="precision"):
        format_date_range(d("2023-08-17"), d("2023-08-17"), "week")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Properties

PUBLISHED = st.one_of(st.none(), st.dates())


def check_invariants(
    text: str, mentions: list[DateMention], lo: int = 0, hi: int | None = None
) -> None:
    hi = len(text) if hi is None else hi
    previous_end = lo
    for m in mentions:
        assert text[m.start : m.end] == m.surface
        assert m.surface
        assert m.date_start <= m.date_end
        assert m.precision in ("day", "month", "year", "interval", "approximate")
        assert m.basis in ("stated", "resolved")
        assert previous_end <= m.start < m.end <= hi  # sorted, inside the span, no overlap
        previous_end = m.end
        format_date_range(m.date_start, m.date_end, m.precision)


@given(st.text(), PUBLISHED)
def test_any_text_never_raises(text: str, published: date | None) -> None:
    check_invariants(text, find_dates(text, published))


# Words that make date expressions and their near misses, to reach the rules more often than
# arbitrary text does.
VOCABULARY = [
    "the", "The", "end", "of", "since", "Since", "last", "year", "years", "month", "May", "may",
    "March", "September", "Sept.", "19", "2023", "1990s", "early", "mid-2022", "mid", "Monday",
    "yesterday", "from", "to", "between", "and", "–", "-", ",", ".", "2,000", "troops", "km",
    "Q3", "spring", "ago", "two", "days", "Ataturk", "In", "20", "31", "/", "05", "1999",
    "(1999)", "this", "earlier", "week", "half", "first", "quarter", "beginning", "late",
    "August", "31st", "13", "January", "2021", "3+3", "+", "a", "today", "tomorrow", "night",
    "Wednesday", "in", "December", "on", "2020", "—", "\n", "’s",
    # the forms of wire and agency copy, and their near misses
    "later", "earlier", "next", "following", "previous", "same", "that", "That", "day", "weeks",
    "months", "before", "after", "19th", "21st", "century", "18.09.23", "9/18/23", "05.06.2023",
    "1.5", "version", "Tuesday", "Sept", "SEPTEMBER", "May,", "June", "over", "by", "late",
    "last", "God", "(", ")", "No.", "-strong", "’", "10",
]  # fmt: skip
SEPARATORS = st.sampled_from([" ", " ", " ", "", "  ", "\n", ", "])
DATEISH_TEXT = st.lists(
    st.tuples(st.sampled_from(VOCABULARY), SEPARATORS), min_size=1, max_size=14
).map(lambda parts: "".join(word + sep for word, sep in parts))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    DATEISH_TEXT,
    PUBLISHED,
    st.integers(0, 60),
    st.integers(0, 80),
    st.sampled_from([None, "dmy", "mdy"]),
)
def test_dateish_text_invariants(
    text: str, published: date | None, lo: int, hi: int, order: str | None
) -> None:
    check_invariants(text, find_dates(text, published, numeric_order=order))  # type: ignore[arg-type]
    mentions = find_dates(text, published, start=lo, end=hi)
    start, end, _ = slice(lo, hi).indices(len(text))
    check_invariants(text, mentions, start, max(start, end))


# The reference for the anchored scan: every row of the table tried at every position (slow).
EVERYTHING_RX = re.compile(r"\b(?:" + compile_alternatives(list(range(len(TABLE)))).pattern + ")")


def atoms_full_scan(text: str, pub: date | None, lo: int, hi: int) -> list[Hit]:
    hits: list[Hit] = []
    pos = lo
    while (m := EVERYTHING_RX.search(text, pos, hi)) is not None:
        hit = resolve_at(EVERYTHING_RX, text, m.start(), hi, pub, lo)
        if hit is None:
            pos = m.start() + 1  # a shorter expression may still start inside the rejected one
        else:
            hits.append(hit)
            pos = hit.end
    return hits


@given(DATEISH_TEXT, st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))))
def test_anchored_scan_agrees_with_full_scan(text: str, published: date | None) -> None:
    # The fast scan only tries words near anchors; it must find what trying every pattern at
    # every position finds.
    assert atoms(text, published, 0, len(text)) == atoms_full_scan(text, published, 0, len(text))


MONTHS = list(calendar.month_name)[1:]
ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@st.composite
def absolute_phrases(draw: st.DrawFn) -> tuple[str, date, date, str]:
    """An absolute date phrase with its expected span of days and precision."""
    y = draw(st.integers(1900, 2099))
    m = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(y, m)[1]))
    first, last = date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    exact = date(y, m, day)
    form = draw(st.sampled_from(["dmy", "mdy", "abbr", "iso", "dots", "month", "year", "decade"]))
    if form == "dmy":
        return f"{day} {MONTHS[m - 1]} {y}", exact, exact, "day"
    if form == "mdy":
        return f"{MONTHS[m - 1]} {day}, {y}", exact, exact, "day"
    if form == "abbr":
        return f"{day} {ABBR[m - 1]} {y}", exact, exact, "day"
    if form == "iso":
        return f"{y}-{m:02d}-{day:02d}", exact, exact, "day"
    if form == "dots":
        return f"{day:02d}.{m:02d}.{y}", exact, exact, "day"
    if form == "month":
        return f"{MONTHS[m - 1]} {y}", first, last, "month"
    if form == "year":
        return str(y), date(y, 1, 1), date(y, 12, 31), "year"
    decade = y // 10 * 10
    return f"the {decade}s", date(decade, 1, 1), date(decade + 9, 12, 31), "interval"


# Filler that cannot make or touch a date: no digits, no keyword, no unit.
FILLER = st.text(alphabet="bcjkqxz ", max_size=40)


@given(FILLER, absolute_phrases(), FILLER, PUBLISHED)
def test_inserted_absolute_phrase_is_found_where_it_was_put(
    before: str, phrase: tuple[str, date, date, str], after: str, published: date | None
) -> None:
    surface, start_day, end_day, precision = phrase
    text = f"{before} {surface} {after}"
    offset = len(before) + 1
    assert find_dates(text, published) == [
        DateMention(surface, offset, offset + len(surface), start_day, end_day, precision)
    ]


@st.composite
def relative_phrases(draw: st.DrawFn) -> tuple[str, date, date, date, str]:
    """A relative phrase, a publication day, and the expected resolution."""
    pub = draw(st.dates(date(1950, 3, 1), date(2090, 10, 31)))
    form = draw(st.sampled_from(["weekday", "yesterday", "tomorrow", "month", "since_month"]))
    if form == "weekday":
        wd = draw(st.integers(0, 6))
        back = (pub.weekday() - wd) % 7
        day = pub - timedelta(days=back)
        return calendar.day_name[wd], pub, day, day, "day"
    if form == "yesterday":
        day = pub - timedelta(days=1)
        return "yesterday", pub, day, day, "day"
    if form == "tomorrow":
        day = pub + timedelta(days=1)
        return "tomorrow", pub, day, day, "day"
    # "May" and "March" alone need a date word before them ("in May", "since March"), which
    # the lead "said " is not.
    m = draw(st.sampled_from([n for n in range(1, 13) if n not in (3, 5)]))
    y = pub.year if m <= pub.month else pub.year - 1
    first = date(y, m, 1)
    if form == "month":
        return MONTHS[m - 1], pub, first, date(y, m, calendar.monthrange(y, m)[1]), "month"
    return f"since {MONTHS[m - 1]}", pub, first, pub, "interval"


@given(st.sampled_from(["in ", "on ", "said ", ""]), relative_phrases(), FILLER)
def test_inserted_relative_phrase_resolves_against_publication(
    lead: str, phrase: tuple[str, date, date, date, str], after: str
) -> None:
    surface, pub, start_day, end_day, precision = phrase
    text = f"{lead}{surface} {after}"
    offset = len(lead)
    assert find_dates(text, pub) == [
        DateMention(
            surface, offset, offset + len(surface), start_day, end_day, precision, "resolved"
        )
    ]
    assert resolve_relative_date(surface, pub) == (start_day, end_day, precision)
    assert find_dates(text, None) == []


@given(st.dates(), st.sampled_from(["Monday", "Friday", "Sunday", "last month", "last year"]))
def test_relative_never_lands_after_publication(pub: date, expression: str) -> None:
    got = resolve_relative_date(expression, pub)
    if got is not None:  # None only at the edges of the calendar
        assert got[0] <= got[1] <= pub


def test_a_year_less_range_end_follows_its_start() -> None:
    """An end that alone would resolve to the year before belongs after the start."""
    found = find_dates("from 10 September to 5 October", date(2023, 9, 20))
    assert [(d.date_start, d.date_end, d.precision) for d in found] == [
        (date(2023, 9, 10), date(2023, 10, 5), "interval")
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a deadline may lie after publication: the nearest such day or month
        (
            "The villages are to be handed over by May 15.",
            "2024-04-20",
            ("2024-05-15", "2024-05-15"),
        ),
        (
            "Work must finish by mid-May, officials said.",
            "2024-04-20",
            ("2024-05-11", "2024-05-20"),
        ),
        ("By May the road had been closed for months.", "2023-09-20", ("2023-05-01", "2023-05-31")),
        # a narrative date stays the most recent one
        ("Talks were held on May 15 in Brussels.", "2024-04-20", ("2023-05-15", "2023-05-15")),
    ],
)
def test_deadlines_may_lie_ahead(text: str, published: str, expected: tuple[str, str]) -> None:
    (found,) = find_dates(text, d(published))
    assert (found.date_start.isoformat(), found.date_end.isoformat()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the anaphor counts from the latest date precise enough, not from a range before it
        (
            "On Friday, villages held from 1991 to 1994 were returned; the same day, guards "
            "moved in.",
            ("the same day", "2023-09-15"),
        ),
        (
            "Shelling began on Sept 12. Later that day, the road was shut.",
            ("Later that day", "2023-09-12"),
        ),
        ("Talks opened on Sept 12. That evening, both sides left.", ("That evening", "2023-09-12")),
    ],
)
def test_anaphora_find_their_day(text: str, expected: tuple[str, str]) -> None:
    found = {m.surface: m.date_start.isoformat() for m in find_dates(text, d("2023-09-20"))}
    assert found[expected[0]] == expected[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The court heard the case. 2021 was a hard year.", ["2021"]),
        (
            "Officials said on Monday that evacuations would begin the next day.",
            ["Monday", "the next day"],
        ),
        ("Officials said on Monday that the convoy left the next day.", ["Monday"]),
    ],
)
def test_years_after_a_full_stop_and_announced_dates(text: str, expected: list[str]) -> None:
    assert [m.surface for m in find_dates(text, d("2023-09-25"))] == expected
