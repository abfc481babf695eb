"""Selecting items: by time window, place, outlet, event type and text — pure functions over the
items table that the page, the exporter and the benchmark share.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Filters:
    """What the user asked to see. Empty collections mean "no restriction"."""

    date_from: date | None = None
    date_to: date | None = None
    place_ids: frozenset[str] = field(default_factory=frozenset)
    outlets: frozenset[str] = field(default_factory=frozenset)
    event_types: frozenset[str] = field(default_factory=frozenset)
    kinds: frozenset[str] = field(default_factory=frozenset)  # "event", "excerpt"
    text: str = ""


def window_mask(items: pd.DataFrame, date_from: date | None, date_to: date | None) -> np.ndarray:
    """Items whose date range overlaps [date_from, date_to] (both inclusive)."""
    mask = np.ones(len(items), dtype=bool)
    if date_from is not None:
        mask &= items["date_end"].to_numpy() >= np.datetime64(date_from, "ms")
    if date_to is not None:
        mask &= items["date_start"].to_numpy() <= np.datetime64(date_to, "ms")
    return mask


def text_mask(items: pd.DataFrame, text: str, matching_place_ids: Iterable[str] = ()) -> np.ndarray:
    """Items whose quote or summary contains ``text`` (case-insensitive), or whose place is one of
    ``matching_place_ids`` (the places any of whose names contains the text)."""
    needle = text.strip()
    if not needle:
        return np.ones(len(items), dtype=bool)
    quote = items["quote"].str.contains(needle, case=False, regex=False, na=False)
    summary = items["summary"].str.contains(needle, case=False, regex=False, na=False)
    place = items["place_id"].isin(list(matching_place_ids))
    return (quote | summary | place).to_numpy(dtype=bool)


def filter_items(
    items: pd.DataFrame, filters: Filters, *, matching_place_ids: Iterable[str] = ()
) -> pd.DataFrame:
    """The items that pass every filter, events first, then by date."""
    mask = window_mask(items, filters.date_from, filters.date_to)
    if filters.place_ids:
        mask &= items["place_id"].isin(filters.place_ids).to_numpy()
    if filters.outlets:
        mask &= items["outlet"].isin(filters.outlets).to_numpy()
    if filters.event_types:
        # The event-type filter narrows curated events; excerpts carry no type and stay.
        is_event = (items["kind"] == "event").to_numpy()
        mask &= ~is_event | items["event_type"].isin(filters.event_types).to_numpy()
    if filters.kinds:
        mask &= items["kind"].isin(filters.kinds).to_numpy()
    if filters.text:
        mask &= text_mask(items, filters.text, matching_place_ids)
    return sort_items(items[mask])


def sort_items(items: pd.DataFrame) -> pd.DataFrame:
    order = items.assign(_event_first=(items["kind"] != "event"))
    order = order.sort_values(["_event_first", "date_start", "article_id", "quote_start"])
    return order.drop(columns="_event_first")


def count_per_place(items: pd.DataFrame) -> pd.DataFrame:
    """One row per place: how many items (events and excerpts) and entries fall in the selection."""
    if items.empty:
        return pd.DataFrame({"place_id": [], "items": [], "events": [], "excerpts": []})
    grouped = items.groupby("place_id", observed=True)
    frame = pd.DataFrame(
        {
            "items": grouped["group_id"].nunique(),
            "events": grouped.apply(
                lambda g: g.loc[g["kind"] == "event", "group_id"].nunique(), include_groups=False
            ),
        }
    )
    frame["excerpts"] = frame["items"] - frame["events"]
    return frame.reset_index()
