"""The timeline above the slider: months, and how many events and excerpts start in each."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def months_between(first: date, last: date) -> list[date]:
    """First days of every month from ``first``'s month to ``last``'s, inclusive."""
    months, current = [], month_start(first)
    while current <= last:
        months.append(current)
        current = month_end(current) + timedelta(days=1)
    return months


def counts_per_month(items: pd.DataFrame, months: list[date]) -> pd.DataFrame:
    """Distinct events and excerpts per month of their start date, one row per month."""
    frame = pd.DataFrame(index=pd.Index(months, name="month"))
    for kind, column in (("event", "events"), ("excerpt", "excerpts")):
        chosen = items[items["kind"] == kind].drop_duplicates("group_id")
        per_month = chosen["date_start"].dt.to_period("M").dt.start_time.dt.date.value_counts()
        frame[column] = per_month.reindex(months, fill_value=0).to_numpy()
    return frame
