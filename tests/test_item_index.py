"""The page's fast path (``query.ItemIndex``, ``render.popups_from_index``) gives exactly what
the pandas path gives (``filter_items``, ``count_per_place``, ``popups_by_place``,
``counts_per_month``), and the map it feeds stays small."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from caucasus_map import mapview, render, synthetic
from caucasus_map.dataset import build_dataset, load_dataset
from caucasus_map.query import Filters, ItemIndex, count_per_place, filter_items
from caucasus_map.settings import PACKAGE_ROOT
from caucasus_map.timeline import counts_per_month, month_end, months_between


@pytest.fixture(scope="module", params=["shipped", "synthetic"])
def data(request, tmp_path_factory: pytest.TempPathFactory):
    if request.param == "shipped":
        return load_dataset(PACKAGE_ROOT)
    root = tmp_path_factory.mktemp("synthetic")
    synthetic.generate(root, 80)
    build_dataset(root)
    return load_dataset(root)


def filters_to_try(items: pd.DataFrame) -> list[Filters]:
    months = months_between(items["date_start"].min().date(), items["date_end"].max().date())
    rng = random.Random(5)
    out = [Filters()]
    for _ in range(6):
        a, b = sorted(rng.randrange(len(months)) for _ in range(2))
        out.append(Filters(date_from=months[a], date_to=month_end(months[b])))
    outlets = sorted(items["outlet"].dropna().unique())
    types = sorted(items["event_type"].dropna().unique())
    out += [
        Filters(outlets=frozenset(outlets[:1])),
        Filters(event_types=frozenset(types[:1]), date_from=date(2020, 1, 1)),
        Filters(kinds=frozenset({"event"})),
        Filters(kinds=frozenset({"excerpt"}), place_ids=frozenset({"karabakh", "shusha"})),
        Filters(text="the"),
        Filters(outlets=frozenset({"no such outlet"})),
    ]
    return out


def test_the_index_selects_counts_and_pops_up_like_the_pandas_path(data) -> None:
    items = data.items
    index = ItemIndex(items)
    names = dict(zip(data.places["id"], data.places["name"], strict=True))
    months = months_between(items["date_start"].min().date(), items["date_end"].max().date())
    for filters in filters_to_try(items):
        expected = filter_items(items, filters)
        mask = index.mask(filters)
        pd.testing.assert_frame_equal(
            index.select(mask).reset_index(drop=True), expected.reset_index(drop=True)
        )
        counts = index.counts(mask)
        reference = count_per_place(expected)
        assert counts == dict(zip(reference["place_id"], reference["items"], strict=True))
        window = {"date_from": filters.date_from, "date_to": filters.date_to}
        assert render.popups_from_index(index, mask, counts, names, **window) == (
            render.popups_by_place(expected, names, **window)
        )
        pd.testing.assert_frame_equal(
            index.per_month(mask, months), counts_per_month(expected, months)
        )
        for place_id in list(counts)[:3]:
            entries, total = index.entries(mask, place_id, limit=3, offset=1)
            wanted = expected[expected["place_id"] == place_id].drop_duplicates("group_id")
            assert total == len(wanted) == counts[place_id]
            assert list(entries["group_id"]) == list(wanted["group_id"].iloc[1:4])
            # The side panel's order: by date, events before excerpts on the same day.
            panel, _ = index.entries(mask, place_id, by_date=True)
            by_date = wanted.sort_values(["date_start", "kind"], kind="stable")
            assert list(panel["group_id"]) == list(by_date["group_id"])


def test_an_event_with_two_quotes_counts_once_per_place(data) -> None:
    index = ItemIndex(data.items)
    mask = index.mask(Filters(kinds=frozenset({"event"})))
    counts = index.counts(mask)
    events = data.items[data.items["kind"] == "event"]
    for place_id, n in counts.items():
        assert n == events.loc[events["place_id"] == place_id, "group_id"].nunique()


def test_unknown_places_have_no_entries(data) -> None:
    index = ItemIndex(data.items)
    entries, total = index.entries(index.mask(Filters()), "atlantis")
    assert entries.empty and total == 0


def test_the_map_sends_compact_layers_under_the_budget() -> None:
    from streamlit_folium import _get_map_string

    data = load_dataset(PACKAGE_ROOT)
    index = ItemIndex(data.items)
    mask = index.mask(Filters())
    counts = index.counts(mask)
    names = dict(zip(data.places["id"], data.places["name"], strict=True))
    popups = render.popups_from_index(index, mask, counts, names)
    shapes = mapview.display_geometries(data.places)
    base = mapview.base_map(shapes, {})
    layer = mapview.window_layer(shapes, counts, popups, {})
    base.get_root().render()
    script = _get_map_string(base)
    assert "cmPlaces" in script and script.count("L.geoJson(") == 1  # one helper, no per-place JS
    size = len(script.encode()) + mapview.payload_size(layer, base)
    assert size < 300 * 1024
    # Pop-ups carry no style of their own: the map's page has it once.
    assert all("<style>" not in html for html in popups.values())


def test_popup_script_data_cannot_close_the_script(tmp_path: Path) -> None:
    data = load_dataset(PACKAGE_ROOT)
    shapes = mapview.display_geometries(data.places)
    base = mapview.base_map(shapes, {})
    layer = mapview.window_layer(shapes, {"shusha": 1}, {"shusha": "</script><b>x</b>\u2028"}, {})
    base.get_root().render()
    script = mapview.payload_size(layer, base)
    assert script > 0
    from streamlit_folium import _get_feature_group_string

    text = _get_feature_group_string(layer, map=base, idx=0)
    assert "</script>" not in text and "\u2028" not in text
