from datetime import date

import pandas as pd
import pytest

from caucasus_map.query import Filters, count_per_place, filter_items, window_mask
from caucasus_map.timeline import counts_per_month, month_end, months_between


def frame(rows: list[dict]) -> pd.DataFrame:
    defaults = {
        "kind": "excerpt",
        "outlet": "Alwaght",
        "event_type": None,
        "quote": "text",
        "summary": None,
        "article_id": "a",
        "quote_start": 0,
    }
    data = pd.DataFrame([{**defaults, **r} for r in rows])
    for column in ("date_start", "date_end"):
        data[column] = pd.to_datetime(data[column]).astype("datetime64[ms]")
    return data


ITEMS = frame(
    [
        {
            "group_id": "e1",
            "place_id": "shusha",
            "kind": "event",
            "event_type": "military",
            "date_start": "2020-11-08",
            "date_end": "2020-11-08",
        },
        {
            "group_id": "e2",
            "place_id": "lachin_corridor",
            "kind": "event",
            "event_type": "blockade",
            "date_start": "2022-12-01",
            "date_end": "2023-08-17",
        },
        {
            "group_id": "x1",
            "place_id": "lachin_corridor",
            "quote": "The Lachin closure",
            "date_start": "2023-08-16",
            "date_end": "2023-08-16",
            "outlet": "Caliber.az",
        },
        {
            "group_id": "x2",
            "place_id": "khankendi",
            "date_start": "2023-09-01",
            "date_end": "2023-09-01",
        },
    ]
)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (None, None, ["e1", "e2", "x1", "x2"]),
        (date(2023, 8, 1), date(2023, 8, 31), ["e2", "x1"]),  # an interval overlapping counts
        (date(2023, 9, 1), date(2023, 9, 1), ["x2"]),  # both ends inclusive
        (date(2021, 1, 1), date(2021, 12, 31), []),
    ],
)
def test_window_overlap(start, end, expected) -> None:
    assert list(ITEMS[window_mask(ITEMS, start, end)]["group_id"]) == expected


def test_filters_combine_and_events_come_first() -> None:
    result = filter_items(ITEMS, Filters(date_from=date(2023, 1, 1)))
    assert list(result["group_id"]) == ["e2", "x1", "x2"]
    assert list(filter_items(ITEMS, Filters(outlets=frozenset({"Caliber.az"})))["group_id"]) == [
        "x1"
    ]
    typed = filter_items(ITEMS, Filters(event_types=frozenset({"blockade"})))
    assert list(typed["group_id"]) == ["e2", "x1", "x2"]  # excerpts have no type and stay


def test_text_search_reaches_quotes_and_place_names() -> None:
    by_quote = filter_items(ITEMS, Filters(text="closure"))
    assert list(by_quote["group_id"]) == ["x1"]
    by_alias = filter_items(ITEMS, Filters(text="Stepanakert"), matching_place_ids=["khankendi"])
    assert list(by_alias["group_id"]) == ["x2"]


def test_count_per_place() -> None:
    counts = count_per_place(ITEMS).set_index("place_id")
    assert counts.loc["lachin_corridor", "items"] == 2
    assert counts.loc["lachin_corridor", "events"] == 1
    assert counts.loc["lachin_corridor", "excerpts"] == 1
    assert count_per_place(ITEMS.iloc[:0]).empty


def test_months_and_counts() -> None:
    months = months_between(date(2023, 11, 15), date(2024, 2, 1))
    assert months == [date(2023, 11, 1), date(2023, 12, 1), date(2024, 1, 1), date(2024, 2, 1)]
    assert month_end(date(2024, 2, 1)) == date(2024, 2, 29)
    counts = counts_per_month(ITEMS, months_between(date(2020, 11, 1), date(2023, 9, 1)))
    assert counts.loc[date(2020, 11, 1), "events"] == 1
    assert counts.loc[date(2023, 8, 1), "excerpts"] == 1
    assert counts["events"].sum() == 2 and counts["excerpts"].sum() == 2
