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


class ItemIndex:
    """The items table prepared once, so that each rerun of the page costs a few array
    operations instead of a filter, a sort and a group-by over the whole corpus.

    The arrays below are in the order :func:`filter_items` returns rows (events first, then by
    date, article and offset; the sort is stable), so a boolean mask over them selects exactly
    what ``filter_items`` would, already sorted; the frame itself is not copied. Every method
    agrees with its pandas counterpart (``filter_items``, ``count_per_place``,
    ``counts_per_month``); the tests hold them to it.
    """

    def __init__(self, items: pd.DataFrame) -> None:
        self._items = items.reset_index(drop=True)
        rows = self._items
        keys = rows[["kind", "date_start", "article_id", "quote_start"]]
        order = sort_items(keys).index.to_numpy()
        self._order = order

        def column(name: str, dtype: str | None = None) -> np.ndarray:
            return rows[name].to_numpy(dtype=dtype)[order]

        def codes(name: str) -> tuple[np.ndarray, list[str]]:
            found, uniques = pd.factorize(rows[name])
            return found[order], [str(u) for u in uniques]

        self._start = column("date_start", "datetime64[ms]")
        self._end = column("date_end", "datetime64[ms]")
        self._is_event = (rows["kind"] == "event").to_numpy(dtype=bool)[order]
        self._place, self.place_ids = codes("place_id")
        self._place_code = {p: i for i, p in enumerate(self.place_ids)}
        self._outlet, outlets = codes("outlet")
        self._outlet_code = {o: i for i, o in enumerate(outlets)}
        self._type, types = codes("event_type")
        self._type_code = {t: i for i, t in enumerate(types)}
        group, _ = codes("group_id")
        # (place, group) pairs held by more than one row: an event quoted twice, or with two
        # quotes. Every other row stands for one distinct entry of its place.
        self._pair_base = int(group.max(initial=0)) + 1
        pair = self._place.astype("int64") * self._pair_base + group
        self._shared = pd.Series(pair).duplicated(keep=False).to_numpy()
        self._group_shared = pd.Series(group).duplicated(keep=False).to_numpy()
        self._pair = pair
        self._group = group
        by_place = np.argsort(self._place, kind="stable")
        bounds = np.searchsorted(self._place[by_place], np.arange(len(self.place_ids) + 1))
        self._rows_of = [by_place[bounds[i] : bounds[i + 1]] for i in range(len(self.place_ids))]
        self._month = self._start.astype("datetime64[M]").astype("int64")  # months since 1970

    def __len__(self) -> int:
        return len(self._items)

    def _frame(self, rows: np.ndarray) -> pd.DataFrame:
        """The items at these (sorted) positions."""
        return self._items.iloc[self._order[rows]]

    def _codes(self, table: dict[str, int], wanted: Iterable[str], size: int) -> np.ndarray:
        allowed = np.zeros(size + 1, dtype=bool)  # the last slot stands for a missing value
        for value in wanted:
            if value in table:
                allowed[table[value]] = True
        return allowed

    def mask(self, filters: Filters, *, matching_place_ids: Iterable[str] = ()) -> np.ndarray:
        """Which rows pass ``filters`` (the rows of ``filter_items``)."""
        mask = np.ones(len(self._items), dtype=bool)
        if filters.date_from is not None:
            mask &= self._end >= np.datetime64(filters.date_from, "ms")
        if filters.date_to is not None:
            mask &= self._start <= np.datetime64(filters.date_to, "ms")
        if filters.place_ids:
            allowed = self._codes(self._place_code, filters.place_ids, len(self.place_ids))
            mask &= allowed[self._place]
        if filters.outlets:
            allowed = self._codes(self._outlet_code, filters.outlets, len(self._outlet_code))
            mask &= allowed[self._outlet]
        if filters.event_types:
            allowed = self._codes(self._type_code, filters.event_types, len(self._type_code))
            mask &= ~self._is_event | allowed[self._type]
        if filters.kinds:
            mask &= (self._is_event & ("event" in filters.kinds)) | (
                ~self._is_event & ("excerpt" in filters.kinds)
            )
        if filters.text:
            mask &= text_mask(self._items, filters.text, matching_place_ids)[self._order]
        return mask

    def select(self, mask: np.ndarray) -> pd.DataFrame:
        """The rows of ``mask`` as a frame: what ``filter_items`` returns."""
        return self._frame(np.flatnonzero(mask))

    def counts(self, mask: np.ndarray) -> dict[str, int]:
        """Distinct entries (events and excerpts) per place among the rows of ``mask``: the
        ``items`` column of ``count_per_place``, for the places that have any."""
        total = np.bincount(self._place[mask & ~self._shared], minlength=len(self.place_ids))
        shared = self._pair[mask & self._shared]
        if len(shared):
            places = np.unique(shared) // self._pair_base
            total = total + np.bincount(places, minlength=len(self.place_ids))
        return {pid: int(n) for pid, n in zip(self.place_ids, total, strict=True) if n > 0}

    def _entry_rows(self, mask: np.ndarray, code: int) -> np.ndarray:
        rows = self._rows_of[code]
        rows = rows[mask[rows]]
        if self._shared[rows].any():  # keep the first row of each event
            rows = rows[~pd.Series(self._group[rows]).duplicated().to_numpy()]
        return rows

    def entries(
        self,
        mask: np.ndarray,
        place_id: str,
        *,
        limit: int | None = None,
        offset: int = 0,
        by_date: bool = False,
    ) -> tuple[pd.DataFrame, int]:
        """A place's entries among the rows of ``mask`` — one row per event or excerpt, events
        first, then by date (``by_date``: by date, then events before excerpts, as the side
        panel lists them) — from ``offset``, at most ``limit``; and how many there are."""
        code = self._place_code.get(place_id)
        if code is None:
            return self._items.iloc[:0], 0
        rows = self._entry_rows(mask, code)
        if by_date:  # a stable sort: ties keep the order above
            rows = rows[np.lexsort((~self._is_event[rows], self._start[rows]))]
        stop = None if limit is None else offset + limit
        return self._frame(rows[offset:stop]), len(rows)

    def first_entries(
        self, mask: np.ndarray, place_ids: Iterable[str], limit: int
    ) -> dict[str, list[dict]]:
        """The first ``limit`` entries of each place, as records, read in one go (what the
        pop-ups show)."""
        chosen: list[tuple[str, np.ndarray]] = []
        for place_id in place_ids:
            code = self._place_code.get(place_id)
            if code is not None:
                chosen.append((place_id, self._entry_rows(mask, code)[:limit]))
        if not chosen:
            return {}
        records = self._frame(np.concatenate([rows for _, rows in chosen])).to_dict("records")
        out: dict[str, list[dict]] = {}
        at = 0
        for place_id, rows in chosen:
            out[place_id] = records[at : at + len(rows)]
            at += len(rows)
        return out

    def per_month(self, mask: np.ndarray, months: list[date]) -> pd.DataFrame:
        """Distinct events and excerpts per month of their start date: ``counts_per_month``."""
        frame = pd.DataFrame(index=pd.Index(months, name="month"))
        keys = np.array([(m.year - 1970) * 12 + m.month - 1 for m in months], dtype="int64")
        for is_event, column in ((True, "events"), (False, "excerpts")):
            chosen = mask & (self._is_event == is_event)
            # A group held by one row counts once; a group on several rows (an event with
            # several places or quotes) counts at its first row.
            found = [self._month[chosen & ~self._group_shared]]
            shared = np.flatnonzero(chosen & self._group_shared)
            if len(shared):
                first = ~pd.Series(self._group[shared]).duplicated().to_numpy()
                found.append(self._month[shared[first]])
            values = np.concatenate(found)
            if len(keys) and len(values):
                inside = values[(values >= keys.min()) & (values <= keys.max())]
                per_month = np.bincount(inside - keys.min(), minlength=int(np.ptp(keys)) + 1)
                frame[column] = per_month[keys - keys.min()]
            else:
                frame[column] = np.zeros(len(keys), dtype="int64")
        return frame
