"""The gazetteer geo/places.geojson: its schema, and its geometry against reference facts.

The facts (true town positions, official areas, towns inside and outside each polygon) live in
tests/reference/geo_facts.yaml with their sources. Distances are geodesic on WGS 84.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
import yaml
from pyproj import Geod, Transformer
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT / "geo" / "places.geojson"
SOURCE = ROOT / "geo" / "places_source.yaml"
MAKE_PLACES = ROOT / "geo" / "make_places.py"
FACTS = yaml.safe_load((Path(__file__).parent / "reference" / "geo_facts.yaml").read_text("utf-8"))

RAW = json.loads(GAZETTEER.read_text(encoding="utf-8"))
FEATURES = {f["properties"]["id"]: f for f in RAW["features"]}
IDS = [f["properties"]["id"] for f in RAW["features"]]

GEOD = Geod(ellps="WGS84")
MAX_BYTES = 1_500_000
POSITION_TOLERANCE_KM = FACTS["position_tolerance_km"]
EDGE_TOLERANCE_KM = FACTS["edge_tolerance_km"]

#: The catalogue's ids, fixed because other parts of the project use them; focal places first.
FOCAL_IDS = [
    "lachin_corridor", "lachin_checkpoint", "lachin_town", "aghdam_khankendi_road", "aghdam",
    "khankendi", "shusha", "karabakh", "nakhchivan", "syunik", "zangezur_corridor",
]  # fmt: skip
OTHER_IDS = [
    "baku", "yerevan", "moscow", "washington", "tehran", "tbilisi", "ankara", "paris", "london",
    "strasbourg", "prague", "brussels",
    "armenia", "azerbaijan", "russia", "iran", "turkey", "georgia", "ukraine", "france",
    "united_kingdom", "israel", "united_states", "canada", "germany", "china",
    "caucasus", "caspian_basin", "central_asia", "eastern_mediterranean", "abkhazia", "europe",
]  # fmt: skip

GEOMETRY_TYPES_BY_KIND = {
    "corridor": {"LineString"},
    "road": {"LineString"},
    "settlement": {"Point"},
    "checkpoint": {"Point"},
    "province": {"Polygon", "MultiPolygon"},
    "region": {"Polygon", "MultiPolygon"},
    "autonomous republic": {"Polygon", "MultiPolygon"},
    "country": {"Polygon", "MultiPolygon"},
}
PRECISIONS = {"exact", "approximate", "region"}
SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
#: Each language's own script, for the ``names`` property.
SCRIPTS = {"hy": "ARMENIAN", "ru": "CYRILLIC", "az": "LATIN", "en": "LATIN"}


@pytest.fixture(scope="module")
def gazetteer() -> gpd.GeoDataFrame:
    return gpd.read_file(GAZETTEER).set_index("id", drop=False)


def geometry_of(place_id: str) -> BaseGeometry:
    return shape(FEATURES[place_id]["geometry"])


def town(name: str) -> Point:
    fact = FACTS["towns"][name]
    return Point(fact["lon"], fact["lat"])


@cache
def _aeqd(lon: float, lat: float) -> Transformer:
    crs = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m"
    return Transformer.from_crs("EPSG:4326", crs, always_xy=True)


def distance_km(geometry: BaseGeometry, point: Point) -> float:
    """Geodesic distance from ``point`` to the nearest part of ``geometry``, in km: measured in
    an azimuthal equidistant projection centred on the point, where distances from the centre
    are true."""
    projected = shapely.transform(geometry, _aeqd(point.x, point.y).transform, interleaved=False)
    return projected.distance(Point(0, 0)) / 1000


def geodesic_km(a: Point, b: Point) -> float:
    return GEOD.inv(a.x, a.y, b.x, b.y)[2] / 1000


def normalised(alias: str) -> str:
    alias = re.sub(r"[\u2010-\u2015\-]+", "-", unicodedata.normalize("NFC", alias))
    return " ".join(alias.casefold().split())


# --- the file --------------------------------------------------------------------------------


def test_is_a_feature_collection_in_wgs84(gazetteer):
    assert RAW["type"] == "FeatureCollection"
    assert gazetteer.crs is not None and gazetteer.crs.to_epsg() == 4326
    assert len(gazetteer) == len(RAW["features"])


def test_file_is_small_enough_to_serve():
    assert GAZETTEER.stat().st_size < MAX_BYTES


def test_coordinates_have_at_most_five_decimals():
    too_precise = [
        place_id
        for place_id, f in FEATURES.items()
        for x, y in shapely.get_coordinates(shape(f["geometry"]))
        if any(abs(v * 1e5 - round(v * 1e5)) > 1e-6 for v in (x, y))
    ]
    assert too_precise == []


def test_catalogue_ids_are_all_there_focal_places_first():
    assert IDS[: len(FOCAL_IDS)] == FOCAL_IDS
    assert sorted(IDS) == sorted(FOCAL_IDS + OTHER_IDS)


def test_ids_are_unique():
    assert len(IDS) == len(set(IDS))


# --- properties ------------------------------------------------------------------------------


@pytest.mark.parametrize("place_id", IDS)
def test_feature_properties(place_id):
    props = FEATURES[place_id]["properties"]
    assert SNAKE_CASE.fullmatch(props["id"]), props["id"]
    assert isinstance(props["name"], str) and props["name"].strip()
    assert isinstance(props["names"], dict) and props["names"].get("en")
    assert isinstance(props["aliases"], list) and props["aliases"]
    assert all(isinstance(a, str) and a.strip() == a and a for a in props["aliases"])
    assert props["kind"] in GEOMETRY_TYPES_BY_KIND
    assert props["geo_precision"] in PRECISIONS
    assert isinstance(props["geometry_note"], str) and len(props["geometry_note"]) >= 20


@pytest.mark.parametrize("place_id", IDS)
def test_names_are_written_in_their_own_script(place_id):
    for language, name in FEATURES[place_id]["properties"]["names"].items():
        assert isinstance(name, str) and name.strip(), (language, name)
        script = SCRIPTS.get(language)
        if script is None:
            continue
        letters = [unicodedata.name(c, "") for c in name if c.isalpha()]
        assert letters and all(n.startswith(script) for n in letters), (language, name)


def test_no_alias_is_claimed_by_two_places():
    owners: dict[str, set[str]] = {}
    for place_id, f in FEATURES.items():
        for alias in f["properties"]["aliases"]:
            owners.setdefault(normalised(alias), set()).add(place_id)
    shared = {alias: ids for alias, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_no_display_name_is_another_places_alias():
    # The mention matcher also matches display names without a parenthesis ("Caspian basin").
    owners = {
        normalised(alias): place_id
        for place_id, f in FEATURES.items()
        for alias in f["properties"]["aliases"]
    }
    clashes = {
        f["properties"]["name"]: owners[normalised(f["properties"]["name"])]
        for place_id, f in FEATURES.items()
        if owners.get(normalised(f["properties"]["name"]), place_id) != place_id
    }
    assert clashes == {}


@pytest.mark.parametrize(
    ("place_id", "alias"),
    [
        ("khankendi", "Stepanakert"),
        ("shusha", "Shushi"),
        ("syunik", "Zangezur"),
        ("syunik", "Zangezor"),
        ("nakhchivan", "Nakhichevan"),
        ("nakhchivan", "Naxçıvan"),
        ("karabakh", "Garabagh"),
        ("karabakh", "Artsakh"),
        ("lachin_corridor", "Lachin road"),
        ("lachin_corridor", "Lachin crossing"),
        ("lachin_checkpoint", "Lachin checkpoint"),
        ("aghdam_khankendi_road", "Aghdam-Khankendi route"),
    ],
)
def test_contested_and_transliterated_names_are_aliases(place_id, alias):
    assert alias in FEATURES[place_id]["properties"]["aliases"]


# --- geometry --------------------------------------------------------------------------------


@pytest.mark.parametrize("place_id", IDS)
def test_geometry_is_valid(gazetteer, place_id):
    geometry = gazetteer.loc[place_id, "geometry"]
    assert not geometry.is_empty
    assert geometry.is_valid, shapely.is_valid_reason(geometry)
    min_x, min_y, max_x, max_y = geometry.bounds
    assert -180 <= min_x <= max_x <= 180 and -90 <= min_y <= max_y <= 90


@pytest.mark.parametrize("place_id", IDS)
def test_geometry_type_follows_kind(gazetteer, place_id):
    kind = gazetteer.loc[place_id, "kind"]
    assert gazetteer.loc[place_id, "geometry"].geom_type in GEOMETRY_TYPES_BY_KIND[kind]


def test_shusha_is_a_point(gazetteer):
    assert gazetteer.loc["shusha", "geometry"].geom_type == "Point"


PLACED_TOWNS = sorted(name for name, fact in FACTS["towns"].items() if "place" in fact)


@pytest.mark.parametrize("town_name", PLACED_TOWNS)
def test_point_is_near_the_true_position(town_name):
    place_id = FACTS["towns"][town_name]["place"]
    point = geometry_of(place_id)
    assert point.geom_type == "Point"
    assert geodesic_km(point, town(town_name)) <= POSITION_TOLERANCE_KM


@pytest.mark.parametrize("place_id", sorted(FACTS["areas"]))
def test_area_is_close_to_the_official_figure(place_id):
    fact = FACTS["areas"][place_id]
    area_km2 = abs(GEOD.geometry_area_perimeter(geometry_of(place_id))[0]) / 1e6
    assert area_km2 == pytest.approx(fact["km2"], rel=fact["tolerance"])


CONTAINMENT = [
    (place_id, town_name, side == "inside")
    for place_id, sides in sorted(FACTS["containment"].items())
    for side in ("inside", "outside")
    for town_name in sides[side]
]


@pytest.mark.parametrize(
    ("place_id", "town_name", "inside"),
    CONTAINMENT,
    ids=[f"{p}-{'in' if i else 'out'}-{t}" for p, t, i in CONTAINMENT],
)
def test_polygon_holds_its_own_towns_and_not_its_neighbours(place_id, town_name, inside):
    polygon = geometry_of(place_id)
    point = town(town_name)
    if inside:
        assert polygon.contains(point) or (
            distance_km(polygon.boundary, point) <= EDGE_TOLERANCE_KM
        )
    else:
        assert not polygon.contains(point)
        assert distance_km(polygon, point) > EDGE_TOLERANCE_KM


LINE_PASSES = [
    (line_id, town_name)
    for line_id, fact in sorted(FACTS["lines"].items())
    for town_name in fact["passes"]
]


@pytest.mark.parametrize(("line_id", "town_name"), LINE_PASSES)
def test_line_passes_near_town(line_id, town_name):
    assert distance_km(geometry_of(line_id), town(town_name)) <= POSITION_TOLERANCE_KM


def _ends(line_id: str) -> tuple[Point, Point]:
    line = geometry_of(line_id)
    assert line.geom_type == "LineString"
    return Point(line.coords[0]), Point(line.coords[-1])


def _near_any(point: Point, town_names: list[str]) -> bool:
    return min(geodesic_km(point, town(t)) for t in town_names) <= POSITION_TOLERANCE_KM


@pytest.mark.parametrize("line_id", sorted(k for k, v in FACTS["lines"].items() if "ends" in v))
def test_line_ends_at_the_right_places(line_id):
    first, last = _ends(line_id)
    one_end, other_end = FACTS["lines"][line_id]["ends"]
    assert (_near_any(first, one_end) and _near_any(last, other_end)) or (
        _near_any(first, other_end) and _near_any(last, one_end)
    )


@pytest.mark.parametrize("line_id", sorted(k for k, v in FACTS["lines"].items() if "start" in v))
def test_road_runs_from_start_to_end(line_id):
    first, last = _ends(line_id)
    fact = FACTS["lines"][line_id]
    assert geodesic_km(first, town(fact["start"])) <= POSITION_TOLERANCE_KM
    assert geodesic_km(last, town(fact["end"])) <= POSITION_TOLERANCE_KM


LINE_CROSSES = [
    (line_id, polygon_id)
    for line_id, fact in sorted(FACTS["lines"].items())
    for polygon_id in fact.get("crosses", [])
]


@pytest.mark.parametrize(("line_id", "polygon_id"), LINE_CROSSES)
def test_line_runs_through_polygon(line_id, polygon_id):
    assert geometry_of(line_id).intersects(geometry_of(polygon_id))


def test_regions_are_marked_schematic():
    schematic = ["caucasus", "caspian_basin", "central_asia", "eastern_mediterranean", "europe"]
    for place_id in schematic:
        props = FEATURES[place_id]["properties"]
        assert props["geo_precision"] == "region", place_id


def test_nakhchivan_is_the_exclave_of_azerbaijan():
    nakhchivan, azerbaijan = geometry_of("nakhchivan"), geometry_of("azerbaijan")
    armenia = geometry_of("armenia")
    assert azerbaijan.covers(nakhchivan)
    assert nakhchivan.intersection(armenia).area < 1e-6
    # cut off from mainland Azerbaijan by Syunik, some 25-40 km wide
    mainland = azerbaijan.difference(nakhchivan.buffer(1e-4))
    near_exclave, near_mainland = nearest_points(nakhchivan, mainland)
    assert 20 < geodesic_km(near_exclave, near_mainland) < 45


def test_syunik_is_the_south_of_armenia():
    syunik, armenia = geometry_of("syunik"), geometry_of("armenia")
    assert armenia.covers(syunik)
    assert syunik.bounds[1] == pytest.approx(armenia.bounds[1])  # reaches the Araks


# --- the committed file is what the source and the script make -------------------------------


def _load_make_places():
    spec = importlib.util.spec_from_file_location("make_places", MAKE_PLACES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gazetteer_matches_its_source():
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))["places"]
    assert [p["id"] for p in source] == IDS
    for place in source:
        props = FEATURES[place["id"]]["properties"]
        for key in ("name", "names", "aliases", "kind", "geo_precision", "geometry_note"):
            assert props[key] == place[key], (place["id"], key)
        geometry = geometry_of(place["id"])
        if "point" in place:
            expected = [(place["point"]["lon"], place["point"]["lat"])]
        elif "line" in place:
            expected = [(v["lon"], v["lat"]) for v in place["line"]]
        else:
            continue
        actual = shapely.get_coordinates(geometry).ravel().tolist()
        expected_flat = [value for xy in expected for value in xy]
        assert actual == pytest.approx(expected_flat, abs=1e-5), place["id"]


def test_topojson_decoder_on_a_small_topology():
    make_places = _load_make_places()
    # Two unit squares side by side sharing the edge x=11 (arc 0), delta-encoded on a grid of
    # 0.5 degrees; the right square uses the shared arc reversed (~0).
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
        "arcs": [
            [[2, 0], [0, 2]],
            [[2, 2], [-2, 0], [0, -2], [2, 0]],
            [[2, 0], [2, 0], [0, 2], [-2, 0]],
        ],
    }
    arcs = make_places.decode_arcs(topology)
    assert arcs[0] == [(11.0, 20.0), (11.0, 21.0)]
    assert arcs[1][-1] == (11.0, 20.0)
    squares = make_places.topology_geometry(
        {"type": "MultiPolygon", "arcs": [[[0, 1]], [[~0, 2]]]}, arcs
    )
    assert len(squares.geoms) == 2 and all(square.is_valid for square in squares.geoms)
    assert [square.area for square in squares.geoms] == [1.0, 1.0]
    assert shapely.union_all(squares.geoms).bounds == (10.0, 20.0, 12.0, 21.0)
    assert make_places.topology_geometry({"type": "Point", "coordinates": [0, 0]}, arcs) is None


def test_antimeridian_vertices_stay_on_their_ring_side():
    make_places = _load_make_places()
    # Natural Earth's Russia: vertices on the antimeridian written as -180 in an eastern ring
    ring = [(-180.0, 65.0), (170.0, 65.0), (179.0, 66.0), (179.5, 68.0), (-180.0, 68.0),
            (-180.0, 65.0)]  # fmt: skip
    unwrapped = make_places._unwrap_antimeridian(ring)
    assert [x for x, _ in unwrapped] == [180.0, 170.0, 179.0, 179.5, 180.0, 180.0]
    western = [(180.0, 65.0), (-170.0, 65.0), (-175.0, 68.0), (180.0, 65.0)]
    unwrapped = make_places._unwrap_antimeridian(western)
    assert [x for x, _ in unwrapped] == [-180.0, -170.0, -175.0, -180.0]
