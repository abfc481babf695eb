"""Exports of the joined items: GeoJSON (one Feature per item × place) and CSV."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from caucasus_map.schema import EXPORT_COLUMNS


def _plain(value: Any) -> Any:
    """A JSON/CSV-friendly value: ISO dates, None for missing."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def export_records(items: pd.DataFrame) -> list[dict[str, Any]]:
    """The export columns of ``items``, as plain dicts in order."""
    columns = [c for c in EXPORT_COLUMNS if c in items.columns]
    return [
        {c: _plain(v) for c, v in zip(columns, row, strict=True)}
        for row in items[columns].itertuples(index=False, name=None)
    ]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv(items: pd.DataFrame, *, spreadsheet_safe: bool = False) -> str:
    """CSV of the export columns. ``spreadsheet_safe`` prefixes an apostrophe to text cells a
    spreadsheet would run as a formula (for downloads meant for Excel; the CLI keeps quotes
    verbatim)."""
    frame = pd.DataFrame(export_records(items), columns=list(EXPORT_COLUMNS))
    if spreadsheet_safe:
        for column in frame.columns:
            if frame[column].dtype == object or str(frame[column].dtype).startswith("str"):
                frame[column] = frame[column].map(
                    lambda v: f"'{v}" if isinstance(v, str) and v.startswith(_FORMULA_START) else v
                )
    return frame.to_csv(index=False)


def to_geojson(items: Any, geometry: Any = None) -> str:
    """A FeatureCollection of ``items``; geometry from the GeoDataFrame's own column, or from
    ``geometry`` (a mapping place_id → shapely geometry)."""
    from shapely.geometry import mapping

    if geometry is None:
        shapes = list(items.geometry)
    else:
        shapes = [geometry.get(pid) for pid in items["place_id"]]
    features = [
        {
            "type": "Feature",
            "geometry": mapping(shape) if shape is not None else None,
            "properties": record,
        }
        for record, shape in zip(export_records(items), shapes, strict=True)
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
