"""Build ``geo/places.geojson`` from ``geo/places_source.yaml`` and Natural Earth outlines.

Usage (from the repository root)::

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-*.tgz
    python geo/make_places.py --world-atlas /tmp/package/countries-10m.json

The country outlines come from Natural Earth 1:10m (public domain) as shipped, in TopoJSON, by
the npm package ``world-atlas`` 2.x; a small TopoJSON decoder below turns them into shapely
geometries, so the script needs nothing beyond shapely, pyproj and pyyaml. Every other geometry
(points, hand-traced lines and polygons) is written out in the YAML source. The output is
deterministic: the same inputs give a byte-identical file, written atomically.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import shapely
import yaml
from pyproj import Geod
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, mapping
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

GEO_DIR = Path(__file__).resolve().parent
DEFAULT_SOURCE = GEO_DIR / "places_source.yaml"
DEFAULT_OUTPUT = GEO_DIR / "places.geojson"

#: Coordinates are written on this grid (5 decimals, about 1 m).
GRID = 1e-5
DECIMALS = 5

GEOD = Geod(ellps="WGS84")

PolygonLike = Polygon | MultiPolygon


# --- TopoJSON ------------------------------------------------------------------------------------


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat positions of every arc of a TopoJSON topology.

    Quantised topologies store each arc as integer deltas from the previous position, to be
    scaled and translated by the topology's ``transform``; unquantised ones store positions.
    """
    transform = topology.get("transform")
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arc_indices: Sequence[int], arcs: list[list[tuple[float, float]]]) -> list:
    """Join arcs into one ring; a negative index ``~i`` means arc ``i`` reversed. Consecutive arcs
    share their end/start position, which is kept once."""
    ring: list[tuple[float, float]] = []
    for index in arc_indices:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def _unwrap_antimeridian(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Natural Earth writes some antimeridian vertices as -180 in rings that otherwise lie east of
    it (Russia, Fiji). Put them on the ring's own side, so that the ring does not span the map."""
    inner = [x for x, _ in ring if abs(x) != 180.0]
    side = 180.0 if sum(1 for x in inner if x > 0) * 2 >= len(inner) else -180.0
    return [(side if abs(x) == 180.0 else x, y) for x, y in ring]


def topology_geometry(obj: dict[str, Any], arcs: list) -> MultiPolygon | None:
    """A TopoJSON Polygon or MultiPolygon object as a shapely MultiPolygon.

    Rings that quantisation collapsed to fewer than four positions (tiny islets) are dropped.
    """
    if obj["type"] == "Polygon":
        polygons = [obj["arcs"]]
    elif obj["type"] == "MultiPolygon":
        polygons = obj["arcs"]
    else:
        return None
    parts = []
    for rings in polygons:
        decoded = [_unwrap_antimeridian(_ring(r, arcs)) for r in rings]
        decoded = [r for r in decoded if len(r) >= 4]
        if decoded and len(_ring(rings[0], arcs)) >= 4:  # the outer ring survived
            parts.append(Polygon(decoded[0], decoded[1:]))
    return MultiPolygon(parts) if parts else None


def load_countries(path: Path) -> dict[str, MultiPolygon]:
    """Country name -> outline, from a world-atlas ``countries-*.json`` TopoJSON file."""
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    if topology.get("type") != "Topology" or "countries" not in topology.get("objects", {}):
        raise SystemExit(f"{path}: not a world-atlas countries TopoJSON file")
    arcs = decode_arcs(topology)
    countries = {}
    for obj in topology["objects"]["countries"]["geometries"]:
        geometry = topology_geometry(obj, arcs)
        if geometry is not None:
            valid = shapely.make_valid(geometry)
            countries[obj["properties"]["name"]] = MultiPolygon(polygon_parts(valid))
    return countries


# --- geometry helpers ----------------------------------------------------------------------------


def geodesic_area_km2(geometry: BaseGeometry) -> float:
    return abs(GEOD.geometry_area_perimeter(geometry)[0]) / 1e6


def polygon_parts(geometry: BaseGeometry) -> list[Polygon]:
    """The non-empty polygons in ``geometry``, looking inside multi-part geometries and
    collections (``make_valid`` can return a collection of polygons and stray lines)."""
    if isinstance(geometry, Polygon):
        return [] if geometry.is_empty else [geometry]
    return [part for g in getattr(geometry, "geoms", []) for part in polygon_parts(g)]


def as_polygonal(parts: Iterable[Polygon]) -> PolygonLike:
    parts = [p for p in parts if not p.is_empty]
    if not parts:
        raise ValueError("empty polygonal geometry")
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _xy(vertex: dict[str, Any]) -> tuple[float, float]:
    return float(vertex["lon"]), float(vertex["lat"])


def traced_polygon(vertices: Sequence[dict[str, Any]]) -> Polygon:
    polygon = Polygon([_xy(v) for v in vertices])
    if not polygon.is_valid:
        raise ValueError(f"traced polygon is not valid: {shapely.is_valid_reason(polygon)}")
    return polygon


def country(countries: dict[str, MultiPolygon], name: str) -> MultiPolygon:
    try:
        return countries[name]
    except KeyError:
        raise SystemExit(f"country {name!r} not found in the world-atlas file") from None


def natural_earth_geometry(recipe: dict[str, Any], countries: dict[str, MultiPolygon]):
    """Union of Natural Earth countries, then the recipe's part selection and intersection."""
    merged = shapely.union_all([country(countries, n) for n in recipe["countries"]])
    parts = polygon_parts(merged)
    if "part_containing" in recipe:
        point = Point(_xy(recipe["part_containing"]))
        parts = [p for p in parts if p.contains(point)]
    for spec in recipe.get("drop_parts_containing", []):
        point = Point(_xy(spec))
        parts = [p for p in parts if not p.contains(point)]
    for spec in recipe.get("add_parts", []):
        point = Point(_xy(spec["containing"]))
        donor = polygon_parts(country(countries, spec["country"]))
        parts += [p for p in donor if p.contains(point)]
    geometry = shapely.union_all(parts)
    if "intersect" in recipe:
        geometry = geometry.intersection(traced_polygon(recipe["intersect"]))
    return geometry


def clip_to_land(geometry: BaseGeometry, countries: dict[str, MultiPolygon]):
    """The land part of ``geometry``: its intersection with every country it touches."""
    pieces = [
        outline.intersection(geometry)
        for outline in countries.values()
        if outline.intersects(geometry)
    ]
    return shapely.union_all([p for p in pieces if not p.is_empty])


def finish_polygonal(geometry: BaseGeometry, *, min_part_km2: float, simplify_deg: float):
    """Drop small parts, simplify, snap to the output grid and orient rings (RFC 7946)."""
    parts = polygon_parts(geometry)
    if min_part_km2:
        parts = [p for p in parts if geodesic_area_km2(p) >= min_part_km2]
    geometry = as_polygonal(parts)
    if simplify_deg:
        geometry = geometry.simplify(simplify_deg, preserve_topology=True)
    geometry = shapely.make_valid(shapely.set_precision(geometry, GRID))
    parts = [orient(p, sign=1.0) for p in polygon_parts(geometry)]
    return as_polygonal(parts)


def build_geometry(place: dict[str, Any], countries: dict[str, MultiPolygon]) -> BaseGeometry:
    if "point" in place:
        return shapely.set_precision(Point(_xy(place["point"])), GRID)
    if "line" in place:
        return shapely.set_precision(LineString([_xy(v) for v in place["line"]]), GRID)
    if "natural_earth" in place:
        geometry = natural_earth_geometry(place["natural_earth"], countries)
    elif "polygon" in place:
        geometry = traced_polygon(place["polygon"])
    else:
        raise ValueError(f"place {place['id']!r} has no geometry recipe")
    if place.get("clip_to_land"):
        geometry = clip_to_land(geometry, countries)
    return finish_polygonal(
        geometry,
        min_part_km2=float(place.get("min_part_km2", 0)),
        simplify_deg=float(place.get("simplify_deg", 0)),
    )


# --- output --------------------------------------------------------------------------------------

PROPERTY_ORDER = ("id", "name", "names", "aliases", "kind", "geo_precision", "geometry_note")
# Optional properties, written only when the source sets them.
OPTIONAL_PROPERTIES = ("government_seat",)


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        rounded = round(value, DECIMALS)
        return 0.0 if rounded == 0 else rounded
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def feature(place: dict[str, Any], geometry: BaseGeometry) -> dict[str, Any]:
    properties = {key: place[key] for key in PROPERTY_ORDER}
    properties |= {key: place[key] for key in OPTIONAL_PROPERTIES if key in place}
    geo = mapping(geometry)
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": geo["type"], "coordinates": _rounded(geo["coordinates"])},
    }


def dumps(features: list[dict[str, Any]]) -> str:
    """A FeatureCollection with one Feature per line, so that diffs stay readable."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def write_atomically(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the gazetteer is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_source(path: Path) -> list[dict[str, Any]]:
    places = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["places"]
    missing = [
        f"{p.get('id', '?')}: {key}" for p in places for key in PROPERTY_ORDER if not p.get(key)
    ]
    if missing:
        raise SystemExit(f"{path}: missing properties: {', '.join(missing)}")
    return places


def build(source: Path, world_atlas: Path) -> list[dict[str, Any]]:
    countries = load_countries(world_atlas)
    return [feature(place, build_geometry(place, countries)) for place in load_source(source)]


def report(features: list[dict[str, Any]]) -> str:
    rows = []
    for f in features:
        geometry = shapely.geometry.shape(f["geometry"])
        if geometry.geom_type in ("Polygon", "MultiPolygon"):
            size = f"{geodesic_area_km2(geometry):,.0f} km²"
        elif geometry.geom_type == "LineString":
            size = f"{GEOD.geometry_length(geometry) / 1000:,.1f} km"
        else:
            size = ""
        n = len(shapely.get_coordinates(geometry))
        rows.append(f"{f['properties']['id']:<24}{geometry.geom_type:<14}{n:>7} pts  {size}")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--world-atlas",
        type=Path,
        required=True,
        help="countries-10m.json from the npm package world-atlas 2.x",
    )
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--report", action="store_true", help="print each geometry's size")
    args = parser.parse_args(argv)
    features = build(args.source, args.world_atlas)
    write_atomically(dumps(features), args.out)
    if args.report:
        print(report(features))
    print(f"wrote {len(features)} places to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
