"""The page as a user meets it, in Debian's Chromium."""

from __future__ import annotations

import re
from datetime import date

from helpers import click_place, hot_places, map_frame, open_page, wait_idle, zoom_to

from caucasus_map.dataset import load_dataset
from caucasus_map.query import Filters, filter_items
from caucasus_map.settings import PACKAGE_ROOT

CORPUS_TEXT = "\n".join(
    p.read_text(encoding="utf-8") for p in sorted((PACKAGE_ROOT / "data" / "corpus").iterdir())
)


def test_map_draws_every_layer_offline(page, app_url) -> None:
    open_page(page.page, app_url)
    frame = map_frame(page.page)
    assert frame.locator("path.cm-place").count() >= 40  # every place of the gazetteer
    assert frame.locator("path.cm-hot").count() >= 10  # those with items in the window
    for place_id in ("lachin_corridor", "aghdam_khankendi_road", "shusha", "nakhchivan", "syunik"):
        assert frame.locator(f"path.cm-place-{place_id}").count() >= 1, place_id
    assert page.external_requests == []
    assert page.errors == []


def test_hover_shows_name_other_names_and_count(page, app_url) -> None:
    open_page(page.page, app_url)
    zoom_to(page.page, 39.8153, 46.7519, 11)
    shape = map_frame(page.page).locator("path.cm-hot.cm-place-khankendi").first
    box = shape.bounding_box()
    page.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tooltip = map_frame(page.page).locator(".leaflet-tooltip").first
    tooltip.wait_for()
    text = tooltip.inner_text()
    assert "Khankendi" in text and "Stepanakert" in text
    assert re.search(r"\d+ items? in this window", text)


def test_click_shusha_opens_a_sourced_popup(page, app_url) -> None:
    open_page(page.page, app_url)
    zoom_to(page.page, 39.7583, 46.7486, 11)
    click_place(page.page, "shusha")
    popup = map_frame(page.page).locator(".leaflet-popup-content")
    popup.wait_for()
    quotes = popup.locator("blockquote").all_inner_texts()
    assert quotes, "the pop-up shows at least one quote"
    for quote in quotes:
        assert quote.strip() in CORPUS_TEXT  # verbatim from the corpus
    cite = popup.locator(".cm-cite").first.inner_text()
    assert "published" in cite and "event" in cite
    assert re.search(r"(day|month|year|interval|approximate)", cite)
    # the side panel and the address bar follow the click; the pop-up stays open
    page.page.get_by_role("heading", name="Shusha").first.wait_for(timeout=30_000)
    page.page.wait_for_function("() => location.search.includes('place=shusha')")
    wait_idle(page.page)
    assert popup.is_visible()
    assert page.dialogs == [] and page.errors == []


def test_scrubbing_the_slider_changes_emphasis_without_reloading_the_map(page, app_url) -> None:
    open_page(page.page, app_url)
    frame = page.page.frame_locator("iframe[title='streamlit_folium.st_folium']")
    frame.locator("body").evaluate("() => { window.__cmMarker = 'still here'; }")
    before = hot_places(page.page)
    upper = page.page.get_by_role("slider").nth(1)
    upper.focus()
    for _ in range(40):  # forty months back from the end, one key press a month
        page.page.keyboard.press("ArrowLeft")
    wait_idle(page.page)
    page.page.wait_for_timeout(1000)
    after = hot_places(page.page)
    assert after != before and after < before
    assert "wire_nonaggression" not in page.page.url
    assert frame.locator("body").evaluate("() => window.__cmMarker") == "still here"
    assert re.search(r"to=\d{4}-\d\d-\d\d", page.page.url)


def test_permalink_restores_place_and_window(page, app_url, app_root) -> None:
    open_page(page.page, f"{app_url}/?place=lachin_corridor&from=2023-08-01&to=2023-09-30")
    body = page.page.locator('[data-testid="stMain"]')
    assert "Aug 2023" in body.inner_text() and "Sep 2023" in body.inner_text()
    assert page.page.get_by_role("heading", name="Lachin corridor").count() >= 1
    hot = hot_places(page.page)
    assert "lachin_corridor" in hot and "aghdam_khankendi_road" in hot
    items = load_dataset(app_root).items
    expected = filter_items(items, Filters(date(2023, 8, 1), date(2023, 9, 30)))
    assert hot == set(expected["place_id"])
    assert "tehran" not in hot  # the Tehran talks were in October 2023
    assert "place=lachin_corridor" in page.page.url


def test_read_in_context_opens_the_reader_at_the_quote(page, app_url) -> None:
    open_page(page.page, app_url)
    zoom_to(page.page, 39.7583, 46.7486, 11)
    click_place(page.page, "shusha")
    popup = map_frame(page.page).locator(".leaflet-popup-content")
    quote = popup.locator("blockquote").first.inner_text().strip()
    # The map's iframe may not navigate the page it sits in: the reader opens in a new tab.
    with page.page.context.expect_page() as opened:
        popup.get_by_text("read in context").first.click()
    reader_page = opened.value
    reader_page.wait_for_load_state()
    assert re.search(r"article=.*quote=\d+-\d+", reader_page.url)
    wait_idle(reader_page)
    focus = reader_page.locator(".cm-reader .cm-focus")
    focus.wait_for(timeout=60_000)
    assert quote in focus.inner_text()
    assert reader_page.locator(".cm-reader mark.loc").count() > 0
    reader_page.close()


HOSTILE = "<img src=x onerror=\"alert('xss')\"><script>alert('xss')</script>"


def test_hostile_strings_never_execute(page, app_url, app_root) -> None:
    from caucasus_map.dataset import build_dataset
    from caucasus_map.ingest import Metadata, ingest_bytes

    text = (
        f"{HOSTILE}\n\n"
        f"Shelling was reported in Shusha on 2 January 2024, {HOSTILE} residents said. "
        f"<a href=\"javascript:alert('xss')\">More from Shusha</a> on the events of that day.\n"
    )
    meta = Metadata(
        outlet=f"Outlet {HOSTILE}",
        published=date(2024, 1, 3),
        title=f"Title {HOSTILE}",
        speakers=(f"Speaker {HOSTILE}",),
    )
    stored = ingest_bytes(text.encode(), f"{HOSTILE}.txt", meta, root=app_root)
    build_dataset(app_root)
    open_page(page.page, f"{app_url}/?place=shusha&from=2024-01-01&to=2024-01-31")
    zoom_to(page.page, 39.7583, 46.7486, 11)
    click_place(page.page, "shusha")
    popup = map_frame(page.page).locator(".leaflet-popup-content")
    popup.wait_for()
    assert "onerror" in popup.inner_text()  # shown as text
    wait_idle(page.page)
    page.page.get_by_role("button", name="Read in context").first.click()
    wait_idle(page.page)
    reader = page.page.locator(".cm-reader")
    reader.wait_for(timeout=30_000)
    assert "<script>" in reader.inner_text()
    assert stored.article_id in page.page.url
    page.page.wait_for_timeout(1000)
    assert page.dialogs == [], page.dialogs
    assert page.errors == [], page.errors
    assert page.page.locator("img[src='x']").count() == 0
    assert map_frame(page.page).locator("img[src='x']").count() == 0
