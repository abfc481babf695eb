"""The folium map as a structure: offline assets, stable base map, emphasis, escaping."""

from __future__ import annotations

import pytest

from caucasus_map import mapview
from caucasus_map.dataset import load_dataset
from caucasus_map.settings import PACKAGE_ROOT


@pytest.fixture(scope="module")
def shapes():
    return mapview.display_geometries(load_dataset(PACKAGE_ROOT).places)


def html_of(m) -> str:
    return m.get_root().render()


def test_map_loads_only_local_scripts_and_styles(shapes) -> None:
    html = html_of(mapview.base_map(shapes, {}))
    for url in ("cdn.jsdelivr", "code.jquery.com", "cdnjs", "bootstrapcdn", "tile.openstreetmap"):
        assert url not in html
    assert "/app/static/vendor/leaflet/leaflet.js" in html
    assert "/app/static/vendor/jquery/jquery.min.js" in html


def test_tiles_are_an_opt_in_extra(shapes) -> None:
    assert "tile.openstreetmap.org" in html_of(mapview.base_map(shapes, {}, tiles=True))


def test_base_map_is_identical_across_reruns(shapes) -> None:
    from streamlit_folium import _get_map_string

    def script() -> str:
        m = mapview.base_map(shapes, {"shusha": ["Shushi"]})
        m.get_root().render()
        return _get_map_string(m)

    assert script() == script()


def test_window_layer_emphasises_by_count_and_escapes(shapes) -> None:
    m = mapview.base_map(shapes, {})
    layer = mapview.window_layer(
        shapes, {"shusha": 9, "aghdam": 1}, {"shusha": "<b>pop</b>"}, {"shusha": ["<script>"]}
    )
    layer.add_to(m)
    html = html_of(m)
    assert "cm-hot cm-place-shusha" in html and "cm-hot cm-place-aghdam" in html
    assert "cm-hot cm-place-khankendi" not in html  # nothing in the window: faint only
    assert "&lt;script&gt;" in html and '<script>"' not in html
    assert mapview.emphasis(9, 9) == 1.0 and mapview.emphasis(1, 9) == pytest.approx(1 / 3)
    assert mapview.emphasis(0, 9) == 0.0


def test_display_geometries_are_light_and_valid(shapes) -> None:
    assert shapes.is_valid.all()
    assert set(shapes.geometry.geom_type) >= {"Point", "LineString", "Polygon", "MultiPolygon"}
    full = load_dataset(PACKAGE_ROOT).places
    shusha_full = full.set_index("id").geometry["shusha"]
    shusha_light = shapes.set_index("id").geometry["shusha"]
    assert shusha_full.distance(shusha_light) < 0.001


def test_vendor_assets_are_copied_from_the_installed_packages(tmp_path) -> None:
    target = mapview.ensure_vendor_assets(tmp_path)
    assert (target / "leaflet" / "leaflet.js").stat().st_size > 100_000
    assert (target / "leaflet" / "images" / "marker-icon.png").exists()
    assert (target / "jquery" / "jquery.min.js").exists()
