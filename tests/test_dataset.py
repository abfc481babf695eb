"""The build: joined tables, atomic folders, skipped when nothing changed, last good build kept."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from caucasus_map.dataset import build_dataset, current_build_dir, load_dataset
from caucasus_map.errors import DataValidationError
from caucasus_map.schema import ITEM_COLUMNS


def test_build_writes_geoparquet_and_geojson_joined_to_places(project_copy: Path) -> None:
    result = build_dataset(project_copy)
    assert result.rebuilt and current_build_dir(project_copy) == result.path
    items = gpd.read_parquet(result.path / "items.parquet")
    assert set(ITEM_COLUMNS) <= set(items.columns)
    assert items.crs.to_epsg() == 4326
    assert items.geometry.notna().all()
    shusha = items[items["place_id"] == "shusha"].geometry.iloc[0]
    assert shusha.geom_type == "Point"
    geojson = gpd.read_file(result.path / "items.geojson")
    assert len(geojson) == len(items)
    assert {"event", "excerpt"} == set(items["kind"])


def test_no_site_chrome_ever_becomes_an_excerpt(project_copy: Path) -> None:
    data = load_dataset(project_copy)
    for row in data.items.itertuples():
        article = data.articles.set_index("article_id").loc[row.article_id]
        in_body = article.span_start <= row.quote_start < row.quote_end <= article.span_end
        assert in_body or row.quote == article.title  # the headline is part of the article
    quotes = " ".join(data.items["quote"])
    for chrome in ("Submit a Comment", "Erdogan", "Wahhabism", "Post a Comment", "Share it"):
        assert chrome not in quotes


def test_events_and_excerpts_have_dates_and_sources(project_copy: Path) -> None:
    items = load_dataset(project_copy).items
    assert (items["date_start"] <= items["date_end"]).all()
    assert items["date_basis"].isin(["stated", "resolved", "reported", "public_record"]).all()
    assert items["outlet"].notna().all() and items["published"].notna().all()
    events = items[items["kind"] == "event"]
    assert events["summary"].notna().all() and events["event_type"].notna().all()


def test_rebuild_only_when_an_input_changes(project_copy: Path) -> None:
    first = build_dataset(project_copy)
    again = build_dataset(project_copy)
    assert not again.rebuilt and again.path == first.path
    forced = build_dataset(project_copy, force=True)
    assert forced.rebuilt and forced.path == first.path
    articles = project_copy / "data" / "articles.yaml"
    articles.write_text(articles.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = build_dataset(project_copy)
    assert changed.rebuilt and changed.path != first.path
    assert not first.path.exists()  # old builds are pruned


def test_a_crash_while_writing_leaves_the_last_good_build(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = build_dataset(project_copy)
    articles = project_copy / "data" / "articles.yaml"
    articles.write_text(articles.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", crash)
    with pytest.raises(OSError, match="disk full"):
        build_dataset(project_copy)
    assert current_build_dir(project_copy) == good.path
    assert not [p for p in (project_copy / "build").iterdir() if p.name.startswith(".staging")]


def test_broken_input_keeps_the_last_good_build(project_copy: Path) -> None:
    good = build_dataset(project_copy)
    (project_copy / "data" / "events.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"events.yaml: line \d+: not valid YAML"):
        build_dataset(project_copy)
    assert load_dataset(project_copy).path == good.path
