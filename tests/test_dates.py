"""Tests for caucasus_map.dates: the date-expression rules, the corpus, and properties."""

from __future__ import annotations

import calendar
from dataclasses import FrozenInstanceError
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caucasus_map import dates as dates_module
from caucasus_map.dates import DateMention, find_dates, format_date_range, resolve_relative_date

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
    ("by the end of 2023.", PUB, [("the end of 2023", "2023-10-01", "2023-12-31", "approximate")]),
    (
        "signed by the end of the last year.",
        d("2024-01-28"),
        [("the end of the last year", "2023-10-01", "2023-12-31", "approximate")],
    ),
    (
        "the end of last year",
        PUB,
        [("the end of last year", "2022-10-01", "2022-12-31", "approximate")],
    ),
    ("mid-2022", PUB, [("mid-2022", "2022-04-01", "2022-09-30", "approximate")]),
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
    # the modal verb, and "May" with nothing to pin it
    "Baku may seek to press its advantage",
    "The reason may vary",
    "May",
    "in May",
    "since May",
    "in late May",
    "by the end of May",
    "last May",
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
    "in the last three years",
    "in the last two years",
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
        ("the end of 2023", [("the end of 2023", "2023-10-01", "2023-12-31", "approximate")]),
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
    assert m == DateMention("yesterday", at, at + 9, d("2023-08-16"), d("2023-08-16"), "day")
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
            ("2020", "2020-01-01", "2020-12-31", "year"),
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
            ("the end of the last year", "2023-10-01", "2023-12-31", "approximate"),
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
            ("the end of 2023", "2023-10-01", "2023-12-31", "approximate"),
            ("Since 2021", "2021-01-01", "2023-09-01", "interval"),
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
        ("002", "In the last three decades"),
        ("002", "in the last three years"),
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
        ("004", "in the last two years"),
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
]  # fmt: skip
SEPARATORS = st.sampled_from([" ", " ", " ", "", "  ", "\n", ", "])
DATEISH_TEXT = st.lists(
    st.tuples(st.sampled_from(VOCABULARY), SEPARATORS), min_size=1, max_size=14
).map(lambda parts: "".join(word + sep for word, sep in parts))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(DATEISH_TEXT, PUBLISHED, st.integers(0, 60), st.integers(0, 80))
def test_dateish_text_invariants(text: str, published: date | None, lo: int, hi: int) -> None:
    check_invariants(text, find_dates(text, published))
    mentions = find_dates(text, published, start=lo, end=hi)
    start, end, _ = slice(lo, hi).indices(len(text))
    check_invariants(text, mentions, start, max(start, end))


@given(DATEISH_TEXT, st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))))
def test_anchored_scan_agrees_with_full_scan(text: str, published: date | None) -> None:
    # The fast scan only tries words near anchors; it must find what trying every pattern at
    # every position finds.
    fast = dates_module._atoms(text, published, 0, len(text))
    full = dates_module._atoms_full_scan(text, published, 0, len(text))
    assert fast == full


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
    # "May" alone is the modal verb, and "March" alone needs a date word before it ("in March").
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
        DateMention(surface, offset, offset + len(surface), start_day, end_day, precision)
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
