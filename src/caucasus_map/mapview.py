"""The folium map: a base map that never changes between reruns, and a window layer streamed to
it through ``st_folium(..., feature_group_to_add=...)`` so scrubbing the slider neither reloads
nor re-centres the map.

Leaflet and jQuery are served by the app itself from ``static/vendor`` (copied from the
``xstatic-leaflet`` and ``xstatic-jquery`` packages): no request leaves the machine.
"""

from __future__ import annotations

import json
import math
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import folium
from branca.element import MacroElement
from jinja2 import Template
from shapely.geometry import mapping

from caucasus_map.render import POPUP_CSS, tooltip_html

STATIC_URL = "/app/static/vendor"
MAP_CENTER = (40.0, 46.3)  # between Yerevan, Khankendi and Nakhchivan
MAP_ZOOM = 8

# Drawing order: wide areas first, so lines and points stay on top and clickable.
_LAYER_ORDER = {
    "country": 0,
    "region": 1,
    "autonomous republic": 2,
    "province": 3,
    "corridor": 4,
    "road": 5,
}
_COLOURS = {
    "country": "#6b6b6b",
    "region": "#8c5a2b",
    "autonomous republic": "#2b6c8c",
    "province": "#2b6c8c",
    "corridor": "#b3261e",
    "road": "#d46b08",
    "settlement": "#1f3b73",
    "checkpoint": "#7a1fa2",
    "venue": "#1f3b73",
}


def vendor_assets() -> dict[str, Path]:
    """Where the installed xstatic packages keep the files the map needs."""
    import xstatic.pkg.jquery as jquery
    import xstatic.pkg.leaflet as leaflet

    base_l, base_j = Path(leaflet.BASE_DIR), Path(jquery.BASE_DIR)
    return {
        "leaflet/leaflet.js": base_l / "leaflet.js",
        "leaflet/leaflet.css": base_l / "leaflet.css",
        "leaflet/images": base_l / "images",
        "jquery/jquery.min.js": base_j / "jquery.min.js",
    }


def ensure_vendor_assets(static_dir: Path) -> Path:
    """Copy Leaflet and jQuery into ``static_dir/vendor`` (idempotent); returns that folder."""
    target = static_dir / "vendor"
    for name, source in vendor_assets().items():
        destination = target / name
        if destination.exists():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, destination)
        else:
            shutil.copyfile(source, destination)
    return target


def _use_local_assets(m: folium.Map) -> None:
    m.default_js = [
        ("leaflet", f"{STATIC_URL}/leaflet/leaflet.js"),
        ("jquery", f"{STATIC_URL}/jquery/jquery.min.js"),
    ]
    m.default_css = [("leaflet_css", f"{STATIC_URL}/leaflet/leaflet.css")]


def _order(kind: str, geom_type: str) -> int:
    if geom_type == "Point":
        return 9
    return _LAYER_ORDER.get(kind, 6)


def _sorted_places(places: Any) -> list[Any]:
    rows = list(places.itertuples(index=False))
    return sorted(
        rows,
        key=lambda r: (
            -1 if _is_wide(r.kind, r.geo_precision) else _order(r.kind, r.geometry.geom_type),
            -r.geometry.area,
            r.id,
        ),
    )


def display_geometries(places: Any) -> Any:
    """A copy of the gazetteer light enough to send to a browser on every rerun.

    Countries and schematic regions are simplified in proportion to their size (Armenia to
    ~3 km, Canada to ~70 km) and lose the islands smaller than that, coordinates rounded to a
    tenth of that; everything else is simplified to ~200 m, coordinates rounded to ~10 m. The
    stored geometry stays exact: this is only what the map draws.
    """
    light = places.copy()
    light["geometry"] = [
        _light(geom, wide=_is_wide(kind, precision))
        for geom, kind, precision in zip(
            light.geometry, light["kind"], light["geo_precision"], strict=True
        )
    ]
    return light


def _light(geometry: Any, *, wide: bool) -> Any:
    import shapely
    from shapely.geometry import MultiPolygon

    if not wide:
        return shapely.set_precision(geometry.simplify(0.002, preserve_topology=True), 1e-4)
    # Big and far-away shapes (Canada, Russia, Europe) are only ever seen zoomed out: they can
    # be coarse. Every rerun sends them, so their size is the map's payload.
    tolerance = 0.03 * max(1.0, math.sqrt(geometry.area) / 2)
    if geometry.geom_type == "MultiPolygon":
        parts = [p for p in geometry.geoms if p.area >= 40 * tolerance**2]
        geometry = MultiPolygon(parts) if parts else geometry
    simplified = geometry.simplify(tolerance, preserve_topology=True)
    grid = 10 ** math.floor(math.log10(tolerance / 5))  # 0.001° for Armenia, 0.01° beyond
    return shapely.set_precision(simplified, grid)


def _feature(row: Any) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": mapping(row.geometry),
        "properties": {"id": row.id, "name": row.name, "kind": row.kind},
    }


def _faint_style(kind: str, geom_type: str) -> dict[str, Any]:
    colour = _COLOURS.get(kind, "#555")
    if geom_type in ("Polygon", "MultiPolygon"):
        fill = 0.02 if kind == "country" else 0.05
        return {"color": colour, "weight": 1, "opacity": 0.35, "fillOpacity": fill}
    if geom_type in ("LineString", "MultiLineString"):
        return {"color": colour, "weight": 2, "opacity": 0.35, "dashArray": "4 4"}
    return {
        "color": colour,
        "weight": 1,
        "opacity": 0.5,
        "fill": True,
        "fillColor": colour,
        "fillOpacity": 0.25,
        "radius": 3,
    }


def emphasis(count: int, max_count: int) -> float:
    """0..1, by the square root of the count, so one loud place does not drown the rest."""
    if count <= 0 or max_count <= 0:
        return 0.0
    return math.sqrt(count) / math.sqrt(max_count)


def _is_wide(kind: str, geo_precision: str) -> bool:
    """Countries and schematic regions: emphasised by their outline only, so they never hide
    the towns, roads and provinces inside them."""
    return kind == "country" or geo_precision == "region"


def _strong_style(
    kind: str, geom_type: str, weight: float, *, wide: bool = False
) -> dict[str, Any]:
    colour = _COLOURS.get(kind, "#555")
    if geom_type in ("Polygon", "MultiPolygon"):
        if wide:
            return {
                "color": colour,
                "weight": 1.5 + 2 * weight,
                "opacity": 0.8,
                "fillOpacity": 0.03,
            }
        return {"color": colour, "weight": 2, "opacity": 0.9, "fillOpacity": 0.15 + 0.35 * weight}
    if geom_type in ("LineString", "MultiLineString"):
        return {"color": colour, "weight": 3 + 5 * weight, "opacity": 0.95}
    return {
        "color": "#ffffff",
        "weight": 1.5,
        "opacity": 1.0,
        "fill": True,
        "fillColor": colour,
        "fillOpacity": 0.9,
        "radius": 4 + 7 * weight,
    }


# One small function, defined once by the base map, draws every place from compact data: the
# window layer a rerun sends is then the places' shapes, tooltips and pop-ups, with none of the
# ~3 KB of JavaScript folium writes around each GeoJson layer. The Leaflet objects are the ones
# folium would make (a GeoJSON layer per place, circle markers for points, a sticky tooltip, a
# pop-up, a highlight on hover), so streamlit-folium reports clicks the same way.
_PLACES_JS = """
window.cmPlaces = function (group, places) {
  places.forEach(function (p) {
    var style = p.s;
    var layer = L.geoJson(p.f, {
      style: function () { return style; },
      pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, style); },
      onEachFeature: p.p ? function (feature, shape) {
        shape.on({
          mouseover: function (e) { if (e.target.setStyle) { e.target.setStyle({weight: 5}); } },
          mouseout: function (e) { if (e.target.setStyle) { layer.resetStyle(e.target); } }
        });
      } : undefined
    });
    if (p.t) { layer.bindTooltip(p.t, {sticky: true}); }
    if (p.p) { layer.bindPopup(p.p, {maxWidth: 420}); }
    layer.addTo(group);
  });
};
"""


def _js_data(value: Any) -> str:
    """JSON that is also safe inside a <script> element and a JavaScript string."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


class _PlacesScript(MacroElement):
    """Defines ``cmPlaces`` (see ``_PLACES_JS``); part of the base map."""

    _template = Template("{% macro script(this, kwargs) %}" + _PLACES_JS + "{% endmacro %}")

    def __init__(self) -> None:
        super().__init__()
        self._name = "PlacesScript"


class _Places(MacroElement):
    """Places drawn into the parent feature group by ``cmPlaces``."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "cmPlaces({{ this._parent.get_name() }}, {{ this.data }});"
        "{% endmacro %}"
    )

    def __init__(self, places: list[dict[str, Any]]) -> None:
        super().__init__()
        self._name = "Places"
        self.data = _js_data(places)


def _place_data(
    row: Any, style: dict[str, Any], *, tooltip: str | None, popup: str | None
) -> dict[str, Any]:
    if row.geometry.geom_type != "Point":
        style = {k: v for k, v in style.items() if k != "radius"}
    return {"f": _feature(row), "s": style, "t": tooltip, "p": popup}


def base_map(
    places: Any, other_names: Mapping[str, list[str]], *, tiles: bool = False
) -> folium.Map:
    """The map every rerun shares: all places drawn faint, with their names on hover.

    ``tiles`` adds an OpenStreetMap layer for when the internet is there; without it the map
    still draws every layer on a plain background.
    """
    m = folium.Map(
        location=MAP_CENTER,
        zoom_start=MAP_ZOOM,
        tiles="OpenStreetMap" if tiles else None,
        control_scale=True,
        prefer_canvas=False,
        # Leaflet's keyboard handler focuses the map on mousedown, which scrolls Streamlit's
        # page so the map is in view — between mousedown and mouseup, so a click on a partly
        # visible map lands on the wrong place. Zoom buttons and the mouse still work.
        keyboard=False,
    )
    _use_local_assets(m)
    # No focus ring around a clicked shape; the pop-up shows what was chosen.
    m.get_root().header.add_child(
        folium.Element("<style>.leaflet-interactive:focus{outline:none}</style>")
    )
    # Pop-ups carry no style of their own: it is set once here.
    m.get_root().header.add_child(folium.Element(f"<style>{POPUP_CSS}</style>"))
    _PlacesScript().add_to(m)
    background = folium.FeatureGroup(name="All places", control=False)
    faint = []
    for row in _sorted_places(places):
        geom_type = row.geometry.geom_type
        # A place with items in the window is covered by its emphasised twin, so the faint
        # one's tooltip is only ever seen when the count is zero.
        tip = tooltip_html(row.name, other_names.get(row.id, []), 0)
        style = {**_faint_style(row.kind, geom_type), "className": f"cm-place cm-place-{row.id}"}
        faint.append(_place_data(row, style, tooltip=tip, popup=None))
    _Places(faint).add_to(background)
    background.add_to(m)
    return m


def window_layer(
    places: Any,
    counts: Mapping[str, int],
    popups: Mapping[str, str],
    other_names: Mapping[str, list[str]],
) -> folium.FeatureGroup:
    """The places with items in the window, emphasised by count, with tooltip and pop-up."""
    group = folium.FeatureGroup(name="In this window", control=False)
    max_count = max(counts.values(), default=0)
    hot = []
    for row in _sorted_places(places):
        count = counts.get(row.id, 0)
        if count <= 0:
            continue
        geom_type = row.geometry.geom_type
        wide = _is_wide(row.kind, row.geo_precision)
        style = _strong_style(row.kind, geom_type, emphasis(count, max_count), wide=wide)
        # Classes name the place on the page (for tests and user styles); set at creation only.
        style["className"] = f"cm-place cm-hot cm-place-{row.id}"
        tip = tooltip_html(row.name, other_names.get(row.id, []), count)
        hot.append(_place_data(row, style, tooltip=tip, popup=popups.get(row.id)))
    if hot:
        _Places(hot).add_to(group)
    return group


def payload_size(group: folium.FeatureGroup, m: folium.Map) -> int:
    """Bytes of JavaScript streamlit-folium sends for the window layer (what one rerun costs)."""
    from streamlit_folium import _get_feature_group_string

    return len(_get_feature_group_string(group, map=m, idx=0).encode("utf-8"))
