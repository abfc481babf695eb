"""Waiting the way Streamlit's own e2e suite waits, and reaching into the map's iframe."""

from __future__ import annotations

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def wait_idle(page, timeout: float = 60_000) -> None:
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_timeout(300)  # let a rerun triggered by the last interaction start
    page.wait_for_selector(IDLE, timeout=timeout)


def open_page(page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
    map_frame(page).locator(".leaflet-container").wait_for(timeout=60_000)
    map_frame(page).locator("path.cm-place").first.wait_for(timeout=60_000)


def map_frame(page):
    return page.frame_locator(MAP_FRAME)


def hot_places(page) -> set[str]:
    """Ids of the places the window layer emphasises right now."""
    classes = (
        map_frame(page)
        .locator("path.cm-hot")
        .evaluate_all("els => els.map(e => e.getAttribute('class'))")
    )
    return {
        c.removeprefix("cm-place-")
        for names in classes
        for c in names.split()
        if c.startswith("cm-place-")
    }


def click_place(page, place_id: str) -> None:
    """Click the emphasised shape of a place (a locator click on a Leaflet path is intercepted
    by the map container; a mouse click on the shape is what a user does): the centre of a
    point or polygon, the middle of a line along its course."""
    shape = map_frame(page).locator(f"path.cm-hot.cm-place-{place_id}").first
    shape.wait_for()
    # Find a spot on the shape where it is the topmost element (a line's middle may lie under a
    # town's dot), in the iframe's coordinates relative to the shape's bounding box.
    dx, dy = shape.evaluate(
        """el => {
            const rect = el.getBoundingClientRect();
            const bbox = el.getBBox();
            const sx = rect.width / (bbox.width || 1), sy = rect.height / (bbox.height || 1);
            const candidates = [[rect.x + rect.width / 2, rect.y + rect.height / 2]];
            const length = el.getTotalLength();
            for (let f = 0.5, i = 1; i < 40; i++, f = (f + 0.618) % 1) {
                const p = el.getPointAtLength(length * f);
                candidates.push([rect.x + (p.x - bbox.x) * sx, rect.y + (p.y - bbox.y) * sy]);
            }
            for (const [x, y] of candidates) {
                if (document.elementFromPoint(x, y) === el) return [x - rect.x, y - rect.y];
            }
            return [rect.width / 2, rect.height / 2];
        }"""
    )
    box = shape.bounding_box()
    page.mouse.click(box["x"] + dx, box["y"] + dy)


def zoom_to(page, lat: float, lng: float, zoom: int) -> None:
    """Zoom the map as a user would with the wheel, so close places do not overlap."""
    map_frame(page).locator("body").evaluate(
        f"() => window.map.setView([{lat}, {lng}], {zoom}, {{animate: false}})"
    )
    page.wait_for_timeout(300)
