"""Writing a build's tables as partitioned Parquet, a chunk of articles at a time.

Each table is a folder of parts (``items.parquet/part-00000.parquet`` …) in row order: curated
events first, then the excerpts of each article in corpus order. Any Parquet reader reads such a
folder as one table (``pandas.read_parquet``, ``geopandas.read_parquet``, DuckDB, Spark …).

``items.parquet`` is GeoParquet: each row carries its place's exact geometry, stored as a
dictionary of the gazetteer's shapes (a country's outline is written once per part, not once per
row). ``items.geojson`` is written alongside, feature by feature, with the map's simplified
shapes (see :func:`caucasus_map.mapview.display_geometries`): an exact national border repeated
on every one of a million features would make a file nobody can open.

Memory stays flat: only one chunk of rows is held at a time.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from json.encoder import encode_basestring as _json_string  # C speed-up, non-ASCII kept
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from caucasus_map.corpus import Article
from caucasus_map.events import Event
from caucasus_map.parallel import Payload
from caucasus_map.places import Place
from caucasus_map.schema import (
    ARTICLE_COLUMNS,
    DATE_COLUMNS,
    EXPORT_COLUMNS,
    ITEM_COLUMNS,
    MENTION_COLUMNS,
)

TABLES = {
    "items": ITEM_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "dates": DATE_COLUMNS,
    "articles": ARTICLE_COLUMNS,
}
PART_ARTICLES = 2000  # articles per part
_EPOCH = date(1970, 1, 1).toordinal()
_MISSING = -(10**9)

Columns = dict[str, list[Any]]


def part_files(folder: Path) -> list[Path]:
    """The parts of a partitioned table in row order, or the table itself when it is one file."""
    if folder.is_file():
        return [folder]
    return sorted(folder.glob("part-*.parquet"))


def _ordinal(day: date | None) -> int | None:
    return None if day is None else day.toordinal()


def _iso(ordinal: int | None) -> str | None:
    return None if ordinal is None else date.fromordinal(ordinal).isoformat()


def _days(ordinals: list[int | None]) -> np.ndarray:
    raw = np.array([_MISSING if o is None else o for o in ordinals], dtype="int64")
    days = (raw - _EPOCH).astype("datetime64[D]").astype("datetime64[ms]")
    days[raw == _MISSING] = np.datetime64("NaT")
    return days


def typed_frame(columns: Columns, schema: dict[str, str]) -> pd.DataFrame:
    """A frame with exactly the dtypes of ``schema``; datetime columns come as day ordinals."""
    data: dict[str, Any] = {}
    for name, dtype in schema.items():
        values = columns[name]
        if dtype.startswith("datetime64"):
            data[name] = _days(values)
        elif dtype == "int64":
            data[name] = np.array(values, dtype="int64")
        else:
            data[name] = pd.array(values, dtype=dtype)
    return pd.DataFrame(data, columns=list(schema))


@cache
def arrow_schema(table: str) -> Any:
    """The Arrow schema ``typed_frame`` gives a table, with the pandas metadata that makes
    ``pandas.read_parquet`` restore the same dtypes."""
    import pyarrow as pa

    schema = TABLES[table]
    return pa.Table.from_pandas(
        typed_frame(empty_columns(schema), schema), preserve_index=False
    ).schema


def arrow_table(columns: Columns, table: str) -> Any:
    """``typed_frame`` straight to Arrow, without building pandas objects on the way."""
    import pyarrow as pa

    schema = arrow_schema(table)
    arrays = []
    for field in schema:
        values = columns[field.name]
        if pa.types.is_timestamp(field.type):
            arrays.append(pa.array(_days(values), type=field.type))
        else:
            arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def empty_columns(schema: dict[str, str]) -> Columns:
    return {name: [] for name in schema}


def _article_fields(article: Article) -> dict[str, Any]:
    return {
        "source_file": article.source_file,
        "article_id": article.id,
        "title": article.title,
        "outlet": article.outlet_label,
        "outlet_country": article.outlet_country,
        "published": _ordinal(article.published),
    }


def speaker_at(payload: Payload | None, offset: int) -> str | None:
    """Who speaks in the sentence holding ``offset``."""
    if payload is None:
        return None
    for start, end, who in payload.speakers:
        if start <= offset < end:
            return who
    return None


def event_columns(
    events: Sequence[Event],
    articles: dict[str, Article],
    payloads: dict[str, Payload],
    place_names: dict[str, str],
) -> Columns:
    """Rows of the curated events: one per event × quote × place."""
    out = empty_columns(ITEM_COLUMNS)
    for event in events:
        for j, quote in enumerate(event.quotes):
            fields = _article_fields(articles[quote.article_id])
            speaker = speaker_at(payloads.get(quote.article_id), quote.start)
            for place_id in event.places:
                row = {
                    "kind": "event",
                    "item_id": f"{event.id}#{j}",
                    "group_id": event.id,
                    "place_id": place_id,
                    "place_name": place_names[place_id],
                    "date_start": event.date_start.toordinal(),
                    "date_end": event.date_end.toordinal(),
                    "precision": event.precision,
                    "date_basis": event.basis,
                    "quote": quote.text,
                    "quote_start": quote.start,
                    "quote_end": quote.end,
                    "speaker": speaker,
                    "summary": event.summary,
                    "event_type": event.type,
                    "surface": None,
                    "sentence_dates": None,
                    "date_note": event.date_note or None,
                    **fields,
                }
                for name, values in out.items():
                    values.append(row[name])
    return out


def article_columns(
    chunk: Iterable[tuple[Article, Payload]], place_names: dict[str, str]
) -> dict[str, Columns]:
    """The rows a chunk of articles adds to the items, mentions, dates and articles tables
    (built column by column: a chunk holds tens of thousands of rows)."""
    items = empty_columns(ITEM_COLUMNS)
    mentions = empty_columns(MENTION_COLUMNS)
    dates = empty_columns(DATE_COLUMNS)
    table = empty_columns(ARTICLE_COLUMNS)
    for article, payload in chunk:
        aid = article.id
        if payload.excerpts:
            n = len(payload.excerpts)
            (
                sentence,
                pid,
                surface,
                quote,
                q_start,
                q_end,
                speaker,
                lo,
                hi,
                prec,
                basis,
                carried,
            ) = zip(*payload.excerpts, strict=True)
            ids = [f"{aid}:{s}:{p}" for s, p in zip(sentence, pid, strict=True)]
            for name, values in (
                ("item_id", ids),
                ("group_id", ids),
                ("place_id", pid),
                ("place_name", [place_names[p] for p in pid]),
                ("date_start", lo),
                ("date_end", hi),
                ("precision", prec),
                ("date_basis", basis),
                ("quote", quote),
                ("quote_start", q_start),
                ("quote_end", q_end),
                ("speaker", speaker),
                ("surface", surface),
                ("sentence_dates", carried),
            ):
                items[name].extend(values)
            for name, value in (
                ("kind", "excerpt"),
                ("summary", None),
                ("event_type", None),
                ("date_note", None),
                *_article_fields(article).items(),
            ):
                items[name].extend([value] * n)
        if payload.mentions:
            pid, surface, start, end, role, in_headline = zip(*payload.mentions, strict=True)
            mentions["article_id"].extend([aid] * len(pid))
            for name, values in (
                ("place_id", pid),
                ("surface", surface),
                ("start", start),
                ("end", end),
                ("role", role),
                ("in_headline", in_headline),
            ):
                mentions[name].extend(values)
        if payload.dates:
            surface, start, end, lo, hi, prec = zip(*payload.dates, strict=True)
            dates["article_id"].extend([aid] * len(surface))
            for name, values in (
                ("surface", surface),
                ("start", start),
                ("end", end),
                ("date_start", lo),
                ("date_end", hi),
                ("precision", prec),
            ):
                dates[name].extend(values)
        row = {
            "article_id": aid,
            "source_file": article.source_file,
            "span_start": article.span[0],
            "span_end": article.span[1],
            "title": article.title,
            "outlet": article.outlet_label,
            "outlet_country": article.outlet_country,
            "kind": article.kind,
            "published": _ordinal(article.published),
            "published_precision": article.published_precision,
            "published_basis": article.published_basis,
            "published_evidence": article.published_evidence,
            "speakers": "; ".join(s.name for s in article.speakers),
            "url": article.url,
        }
        for name, values in table.items():
            values.append(row[name])
    return {"items": items, "mentions": mentions, "dates": dates, "articles": table}


class BuildWriter:
    """Writes the parts of every table, and ``items.geojson``, into a build folder."""

    def __init__(self, folder: Path, place_frame: Any, places: Sequence[Place]) -> None:
        import shapely

        from caucasus_map.mapview import display_geometries

        self.folder = folder
        self.counts = dict.fromkeys(TABLES, 0)
        self._parts = dict.fromkeys(TABLES, 0)
        for name in TABLES:
            (folder / f"{name}.parquet").mkdir(parents=True)
        frame = place_frame.set_index("id", drop=False)
        self._place_index = {pid: i for i, pid in enumerate(frame.index)}
        shapes = list(frame.geometry)
        self._wkb = _binary_array([shapely.to_wkb(g) for g in shapes])
        self._types = [g.geom_type for g in shapes]
        self._bounds = [g.bounds for g in shapes]
        self._geo = _geo_metadata(place_frame)
        light = display_geometries(frame)
        self._feature_heads = {
            pid: (
                '{"type": "Feature", "geometry": '
                + json.dumps(shapely.geometry.mapping(g))
                + ', "properties": {'
            ).encode()
            for pid, g in zip(frame.index, light.geometry, strict=True)
        }
        self._geojson = open(folder / "items.geojson", "wb")  # noqa: SIM115
        self._geojson.write(b'{"type": "FeatureCollection", "features": [')
        self._features = 0
        self._iso_cache: dict[int | None, str] = {}
        self.places = {p.id: p for p in places}

    def write(self, name: str, columns: Columns) -> None:
        """Append one part to table ``name`` (and, for items, features to the GeoJSON)."""
        import pyarrow.parquet as pq

        schema = TABLES[name]
        rows = len(columns[next(iter(schema))])
        if rows == 0 and self._parts[name] > 0:
            return
        path = self.folder / f"{name}.parquet" / f"part-{self._parts[name]:05d}.parquet"
        if name == "articles":  # one row per article: pandas is cheap enough here
            typed_frame(columns, schema).to_parquet(path, index=False, compression="zstd")
        else:
            table = arrow_table(columns, name)
            if name == "items":
                table = self._with_geometry(table, columns["place_id"])
                self._write_features(columns)
            pq.write_table(table, path, compression="zstd")
        self._parts[name] += 1
        self.counts[name] += rows

    def _with_geometry(self, table: Any, place_ids: list[str]) -> Any:
        import pyarrow as pa

        indices = np.array([self._place_index[p] for p in place_ids], dtype="int32")
        geometry = pa.DictionaryArray.from_arrays(pa.array(indices), self._wkb)
        used = sorted(set(indices.tolist()))
        meta = json.loads(self._geo)
        column = meta["columns"][meta["primary_column"]]
        column["geometry_types"] = sorted({self._types[i] for i in used})
        if used:
            b = np.array([self._bounds[i] for i in used])
            column["bbox"] = [b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()]
        else:
            column.pop("bbox", None)
        table = table.append_column(meta["primary_column"], geometry)
        metadata = dict(table.schema.metadata or {})
        metadata[b"geo"] = json.dumps(meta).encode()
        return table.replace_schema_metadata(metadata)

    def _write_features(self, columns: Columns) -> None:
        """One GeoJSON Feature per row, properties as ``caucasus-map export`` writes them. The
        geometry of each place is encoded once, and written as bytes."""
        encoded = []
        for name in EXPORT_COLUMNS:
            values = columns[name]
            if name in ("date_start", "date_end", "published"):
                encoded.append([self._iso_json(v) for v in values])
            elif ITEM_COLUMNS[name] == "int64":
                encoded.append([str(v) for v in values])
            else:
                encoded.append(["null" if v is None else _json_string(v) for v in values])
        keys = [f'"{name}": ' for name in EXPORT_COLUMNS]
        heads = self._feature_heads
        pieces: list[bytes] = []
        for pid, row in zip(columns["place_id"], zip(*encoded, strict=True), strict=True):
            pieces.append(b",\n" if self._features else b"\n")
            pieces.append(heads[pid])
            pieces.append(", ".join(map(str.__add__, keys, row)).encode("utf-8"))
            pieces.append(b"}}")
            self._features += 1
        self._geojson.writelines(pieces)

    def _iso_json(self, ordinal: int | None) -> str:
        text = self._iso_cache.get(ordinal)
        if text is None:
            text = self._iso_cache[ordinal] = "null" if ordinal is None else f'"{_iso(ordinal)}"'
        return text

    def close(self) -> None:
        for name, schema in TABLES.items():
            if self._parts[name] == 0:
                self.write(name, empty_columns(schema))
        self._geojson.write(b"\n]}\n")
        self._geojson.close()

    def abort(self) -> None:
        self._geojson.close()


def _binary_array(values: list[bytes]) -> Any:
    import pyarrow as pa

    return pa.array(values, type=pa.binary())


def _geo_metadata(place_frame: Any) -> str:
    """GeoParquet metadata (CRS as PROJJSON, WKB) as geopandas writes it for the gazetteer."""
    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    place_frame[["geometry"]].to_parquet(buffer)
    buffer.seek(0)
    meta = json.loads(pq.read_schema(buffer).metadata[b"geo"])
    meta["primary_column"] = "geometry"
    return json.dumps(meta)
