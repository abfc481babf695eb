"""The gazetteer, ``geo/places.geojson``: one Feature per place, with every name the texts use.

Reading the aliases needs nothing but :mod:`json` (extraction stays light); geometry goes through
geopandas when the dataset is built or the map drawn.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caucasus_map import settings
from caucasus_map.errors import DataValidationError, Problem

if TYPE_CHECKING:
    import geopandas as gpd

GEOMETRY_BY_KIND: dict[str, tuple[str, ...]] = {
    "settlement": ("Point",),
    "checkpoint": ("Point",),
    "venue": ("Point",),
    "corridor": ("LineString", "MultiLineString"),
    "road": ("LineString", "MultiLineString"),
    "province": ("Polygon", "MultiPolygon"),
    "region": ("Polygon", "MultiPolygon"),
    "autonomous republic": ("Polygon", "MultiPolygon"),
    "country": ("Polygon", "MultiPolygon"),
}
GEO_PRECISIONS: tuple[str, ...] = ("exact", "approximate", "region")
REQUIRED_PROPERTIES: tuple[str, ...] = (
    "id",
    "name",
    "aliases",
    "kind",
    "geo_precision",
    "geometry_note",
)
_SNAKE_CASE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    geo_precision: str
    geometry_note: str
    names: dict[str, str]
    government_seat: bool = False

    @property
    def can_stand_for_government(self) -> bool:
        """Countries and seats of government often name the state acting ("Baku denied")."""
        return self.kind == "country" or self.government_seat

    @property
    def other_names(self) -> list[str]:
        """Every name but the display name, for tooltips and search."""
        seen = {self.name}
        shown = self.name.casefold()
        out = []
        for n in [*self.names.values(), *self.aliases]:
            if n not in seen and n.casefold() not in shown:
                seen.add(n)
                out.append(n)
        return out


def read_feature_collection(path: Path) -> dict[str, Any]:
    """The GeoJSON as a dict; a broken file is reported with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataValidationError([Problem(str(path), "", "file not found")]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON ({exc.msg}); fix it or restore it from git"
        raise DataValidationError([Problem(str(path), f"line {exc.lineno}", msg)]) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise DataValidationError([Problem(str(path), "", "must be a GeoJSON FeatureCollection")])
    return data


def validate_features(features: list[Any], *, path: Path) -> list[Problem]:
    """Every problem with the gazetteer's Features: schema, ids, aliases and geometry."""
    from shapely.geometry import shape
    from shapely.validation import explain_validity

    problems: list[Problem] = []
    ids: set[str] = set()
    alias_owner: dict[str, str] = {}
    for i, feature in enumerate(features):
        props = (feature or {}).get("properties") or {}
        where = f"features[{i}] ({props.get('id', '?')})"

        def add(msg: str, where: str = where) -> None:
            problems.append(Problem(str(path), where, msg))

        missing = [k for k in REQUIRED_PROPERTIES if props.get(k) in (None, "", [])]
        if missing:
            add(f"missing propert{'y' if len(missing) == 1 else 'ies'} {', '.join(missing)}")
            continue
        pid = props["id"]
        if not isinstance(pid, str) or not _SNAKE_CASE.match(pid):
            add(f"id {pid!r} must be snake_case")
        if pid in ids:
            add(f"duplicate id {pid!r}; every place needs its own id")
        ids.add(pid)
        if props["geo_precision"] not in GEO_PRECISIONS:
            add(f"geo_precision must be one of {', '.join(GEO_PRECISIONS)}")
        if not isinstance(props["aliases"], list):
            add("aliases must be a list of strings")
            continue
        for alias in props["aliases"]:
            owner = alias_owner.get(alias)
            if owner is not None and owner != pid:
                add(f"alias {alias!r} is already claimed by {owner!r}; an alias names one place")
            alias_owner[alias] = pid
        try:
            geometry = shape(feature["geometry"])
        except Exception as exc:  # noqa: BLE001 - any malformed geometry is reported, not raised
            add(f"geometry cannot be read ({exc})")
            continue
        if geometry.is_empty or not geometry.is_valid:
            add(f"invalid geometry: {explain_validity(geometry)}")
        expected = GEOMETRY_BY_KIND.get(props["kind"])
        if expected is None:
            add(f"kind {props['kind']!r} is not one of {', '.join(GEOMETRY_BY_KIND)}")
        elif geometry.geom_type not in expected:
            add(f"a {props['kind']} must be a {' or '.join(expected)}, not {geometry.geom_type}")
        minx, miny, maxx, maxy = geometry.bounds
        if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
            add("coordinates are outside longitude/latitude range (EPSG:4326, lon before lat)")
    return problems


def _place(props: dict[str, Any]) -> Place:
    return Place(
        id=props["id"],
        name=props["name"],
        aliases=tuple(props.get("aliases") or ()),
        kind=props["kind"],
        geo_precision=props["geo_precision"],
        geometry_note=props.get("geometry_note", ""),
        names=dict(props.get("names") or {}),
        government_seat=bool(props.get("government_seat", False)),
    )


def load_places(path: Path | None = None, *, validate: bool = True) -> list[Place]:
    """The places of the gazetteer, in file order."""
    path = path or settings.places_path()
    data = read_feature_collection(path)
    features = data.get("features") or []
    if validate:
        problems = validate_features(features, path=path)
        if problems:
            raise DataValidationError(problems)
    return [_place(f["properties"]) for f in features]


def load_places_frame(path: Path | None = None) -> gpd.GeoDataFrame:
    """The gazetteer as a GeoDataFrame (EPSG:4326) indexed by nothing, with an ``id`` column."""
    import geopandas as gpd

    path = path or settings.places_path()
    frame = gpd.read_file(path)
    return frame.set_crs("EPSG:4326", allow_override=True)


def places_from_frame(frame: Any) -> list[Place]:
    """Places from a built ``places.parquet`` (the page reads the build, never the live file)."""

    def listed(value: Any) -> tuple[str, ...]:
        return tuple(str(v) for v in value) if value is not None else ()

    out = []
    for row in frame.to_dict("records"):
        names = row.get("names")
        if isinstance(names, str):
            names = json.loads(names)
        out.append(
            Place(
                id=row["id"],
                name=row["name"],
                aliases=listed(row.get("aliases")),
                kind=row["kind"],
                geo_precision=row["geo_precision"],
                geometry_note=row.get("geometry_note") or "",
                names={k: v for k, v in (names or {}).items() if v},
                government_seat=row.get("government_seat") in (True, 1, 1.0),  # NaN: absent
            )
        )
    return out
